//! Units of measure, currencies, qualifiers, number words and predicates for figures, from
//! `data/units.yaml` plus a briefing's additions under `knowledge: units:`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Deserialize;

const UNITS: &str = include_str!("../../data/units.yaml");

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct UnitDef {
    pub factor: f64,
    pub forms: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct PredicateDef {
    pub label: String,
    pub dimension: Option<String>,
    /// What a bare count of this predicate counts ("person" for people killed): "515
    /// hospitalized" and "527 people were injured" measure the same thing.
    pub counts: Option<String>,
    /// Counted nouns (singular) that count what `counts` says: "58 deaths" and "58 people
    /// killed" are one toll, "700 residents" and "600 people" one population.
    pub counts_nouns: Vec<String>,
    /// Nouns a count may count and still be of a class tied to a dimension: "reclaimed more
    /// than 30 settlements" is territory taken, "gained 873,000 jobs" is not.
    pub counted: Vec<String>,
    /// The dimensions a figure of this class can have; empty for any. "Spent" is a cost only
    /// for money ("spent three months in jail" is no cost), "captured" counts arrests only
    /// for counts ("captured about four miles from" is no arrest).
    pub fits: Vec<String>,
    pub words: Vec<String>,
    /// Figures of this class are shown side by side but never called disputed: a story
    /// holds many of them (the tallies of several ballots).
    pub never_disputed: bool,
}

/// The data file's shape; also what a briefing may add under `knowledge: units:`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct UnitsExtension {
    pub number_words: HashMap<String, f64>,
    pub scales: HashMap<String, f64>,
    pub currencies: HashMap<String, Vec<String>>,
    pub dimensions: HashMap<String, HashMap<String, UnitDef>>,
    pub qualifiers: HashMap<String, Vec<String>>,
    pub predicates: HashMap<String, PredicateDef>,
    pub noun_forms: HashMap<String, String>,
    pub not_counted: Vec<String>,
    /// Nouns read after a fraction as a measure, not a count: "a 5.4 point margin".
    #[serde(default)]
    pub measure_nouns: Vec<String>,
}

/// A unit as written, and what it measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Its code ("km2", "mi", "USD", "percent").
    pub code: String,
    /// "area", "length", "duration", "money", "percent", ...
    pub dimension: String,
    /// Factor to the dimension's base unit (the first of the dimension in the data file).
    pub factor: f64,
    /// The base unit's code.
    pub base: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Predicate {
    pub key: String,
    pub label: String,
    pub dimension: Option<String>,
    pub counts: Option<String>,
    pub counts_nouns: Vec<String>,
    pub counted: Vec<String>,
    pub fits: Vec<String>,
    pub never_disputed: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Units {
    number_words: HashMap<String, f64>,
    scales: HashMap<String, f64>,
    /// Currency sign or word (lower case, split into words) → code, longest first.
    currencies: Vec<(Vec<String>, String)>,
    /// Unit forms as word lists → unit, longest first.
    units: Vec<(Vec<String>, Unit)>,
    units_by_code: HashMap<String, Unit>,
    qualifiers: Vec<(Vec<String>, String)>,
    predicates: Vec<Predicate>,
    /// Predicate phrase (words) → index in `predicates`, longest first.
    predicate_words: Vec<(Vec<String>, usize)>,
    /// The tables above by first word: asked at every word of every article, a lookup tries
    /// only the phrases that can match.
    currencies_by_first: FirstWords,
    units_by_first: FirstWords,
    predicates_by_first: FirstWords,
    /// One-word predicate phrases by their singular → indexes in `predicates`: a counted noun
    /// is kept singular ("700 residents" counts "resident"), the phrases as written.
    predicates_by_noun: HashMap<String, Vec<usize>>,
    noun_forms: HashMap<String, String>,
    not_counted: HashSet<String>,
    measure_nouns: HashSet<String>,
}

impl Units {
    pub fn new(extension: &UnitsExtension) -> Units {
        let mut data: UnitsExtension =
            serde_yaml::from_str(UNITS).expect("data/units.yaml is valid");
        merge(&mut data, extension);
        let mut u = Units {
            number_words: data
                .number_words
                .iter()
                .map(|(k, v)| (k.to_lowercase(), *v))
                .collect(),
            scales: data
                .scales
                .iter()
                .map(|(k, v)| (k.to_lowercase(), *v))
                .collect(),
            noun_forms: data
                .noun_forms
                .iter()
                .map(|(k, v)| (k.to_lowercase(), v.to_lowercase()))
                .collect(),
            not_counted: data.not_counted.iter().map(|w| w.to_lowercase()).collect(),
            measure_nouns: data
                .measure_nouns
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            ..Units::default()
        };
        let mut codes: Vec<&String> = data.currencies.keys().collect();
        codes.sort();
        for code in codes {
            for form in &data.currencies[code] {
                u.currencies.push((words(form), code.clone()));
            }
            u.units_by_code.insert(
                code.clone(),
                Unit {
                    code: code.clone(),
                    dimension: "money".into(),
                    factor: 1.0,
                    base: code.clone(),
                },
            );
        }
        u.currencies
            .sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut dims: Vec<&String> = data.dimensions.keys().collect();
        dims.sort();
        for dim in dims {
            let units = &data.dimensions[dim];
            // The base unit is the one with factor 1 (the first listed in the data file).
            let base = units
                .iter()
                .filter(|(_, d)| (d.factor - 1.0).abs() < 1e-12)
                .map(|(c, _)| c.clone())
                .min()
                .unwrap_or_default();
            let mut codes: Vec<&String> = units.keys().collect();
            codes.sort();
            for code in codes {
                let def = &units[code];
                let unit = Unit {
                    code: code.clone(),
                    dimension: dim.clone(),
                    factor: def.factor,
                    base: base.clone(),
                };
                for form in &def.forms {
                    u.units.push((words(form), unit.clone()));
                }
                u.units_by_code.insert(code.clone(), unit);
            }
        }
        u.units.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut kinds: Vec<&String> = data.qualifiers.keys().collect();
        kinds.sort();
        for kind in kinds {
            for phrase in &data.qualifiers[kind] {
                u.qualifiers.push((words(phrase), kind.clone()));
            }
        }
        u.qualifiers
            .sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut keys: Vec<&String> = data.predicates.keys().collect();
        keys.sort();
        for key in keys {
            let def = &data.predicates[key];
            let index = u.predicates.len();
            u.predicates.push(Predicate {
                key: key.clone(),
                label: def.label.clone(),
                dimension: def.dimension.clone(),
                counts: def.counts.clone(),
                counts_nouns: def.counts_nouns.clone(),
                counted: def.counted.clone(),
                fits: def.fits.clone(),
                never_disputed: def.never_disputed,
            });
            for w in &def.words {
                u.predicate_words.push((words(w), index));
            }
        }
        u.predicate_words
            .sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        u.currencies_by_first = first_words(&u.currencies);
        u.units_by_first = first_words(&u.units);
        u.predicates_by_first = first_words(&u.predicate_words);
        // A briefing's config may list "survivors" where the data says "survivor".
        let singular: Vec<Vec<String>> = u
            .predicates
            .iter()
            .map(|p| p.counts_nouns.iter().map(|n| u.singular(n)).collect())
            .collect();
        for (p, nouns) in u.predicates.iter_mut().zip(singular) {
            p.counts_nouns = nouns;
        }
        for (phrase, index) in &u.predicate_words {
            if let [word] = phrase.as_slice() {
                let noun = u.singular(word);
                u.predicates_by_noun.entry(noun).or_default().push(*index);
            }
        }
        u
    }

    pub fn number_word(&self, word: &str) -> Option<f64> {
        crate::text::with_lowercase(word, |w| self.number_words.get(w).copied())
    }

    pub fn scale(&self, word: &str) -> Option<f64> {
        crate::text::with_lowercase(word, |w| self.scales.get(w).copied())
    }

    /// The currency written at the start of `words` ("$", "US$", "dollars"), with its length.
    pub fn currency_at(&self, words: &[&str]) -> Option<(String, usize)> {
        prefix_match(&self.currencies, &self.currencies_by_first, words)
            .map(|(code, n)| (code.clone(), n))
    }

    /// The unit written at the start of `words` ("square kilometers", "km"), with its length.
    pub fn unit_at(&self, words: &[&str]) -> Option<(Unit, usize)> {
        prefix_match(&self.units, &self.units_by_first, words).map(|(u, n)| (u.clone(), n))
    }

    pub fn unit(&self, code: &str) -> Option<&Unit> {
        self.units_by_code.get(code)
    }

    /// The qualifier phrase ending at the last of `words`, with its kind and length.
    pub fn qualifier_before(&self, words: &[&str]) -> Option<(String, usize)> {
        self.qualifiers
            .iter()
            .find(|(phrase, _)| {
                phrase.len() <= words.len()
                    && phrase
                        .iter()
                        .rev()
                        .zip(words.iter().rev())
                        .all(|(a, b)| a.eq_ignore_ascii_case(b))
            })
            .map(|(phrase, kind)| (kind.clone(), phrase.len()))
    }

    /// The predicate phrase starting at `words[0]`, with its length.
    pub fn predicate_at(&self, words: &[&str]) -> Option<(&Predicate, usize)> {
        self.predicate_fitting(words, |_| true)
    }

    /// The predicate phrase starting `words` among those `fits` accepts: "gained" is
    /// territory taken for an area, jobs added for a count.
    pub fn predicate_fitting(
        &self,
        words: &[&str],
        fits: impl Fn(&Predicate) -> bool,
    ) -> Option<(&Predicate, usize)> {
        prefix_matches(&self.predicate_words, &self.predicates_by_first, words)
            .map(|(i, n)| (&self.predicates[*i], n))
            .find(|(p, _)| fits(p))
    }

    /// The predicate a counted noun names, among those `fits` accepts: "resident" is what a
    /// population counts, as "residents" and "inhabitants" say.
    pub fn predicate_of_noun(
        &self,
        noun: &str,
        fits: impl Fn(&Predicate) -> bool,
    ) -> Option<&Predicate> {
        self.predicates_by_noun
            .get(noun)?
            .iter()
            .map(|&i| &self.predicates[i])
            .find(|p| fits(p))
    }

    pub fn predicate(&self, key: &str) -> Option<&Predicate> {
        self.predicates.iter().find(|p| p.key == key)
    }

    /// The singular of a counted noun ("people" → "person", "firefighters" → "firefighter").
    pub fn singular(&self, noun: &str) -> String {
        let lower = noun.to_lowercase();
        if let Some(s) = self.noun_forms.get(&lower) {
            return s.clone();
        }
        if let Some(stem) = lower.strip_suffix("ies")
            && stem.len() >= 3
        {
            return format!("{stem}y");
        }
        if lower.ends_with("ss") || lower.ends_with("us") || lower.len() <= 3 {
            return lower;
        }
        lower.strip_suffix('s').map(str::to_string).unwrap_or(lower)
    }

    /// A plural the units know by heart ("men", "police"), which no rule would find.
    /// The plural the table gives a singular counted noun ("person" → "people", "life" →
    /// "lives"): the shortest when it gives several, but never an abbreviation ("ppl").
    pub fn irregular_plural(&self, singular: &str) -> Option<&str> {
        self.noun_forms
            .iter()
            .filter(|(p, s)| s.as_str() == singular && p.len() + 1 >= singular.len())
            .map(|(p, _)| p.as_str())
            .min_by_key(|p| (p.len(), *p))
    }

    pub fn is_irregular_plural(&self, noun: &str) -> bool {
        crate::text::with_lowercase(noun, |w| self.noun_forms.contains_key(w))
    }

    /// A noun that a fraction before it measures ("a 5.4 point margin").
    pub fn is_measure_noun(&self, noun: &str) -> bool {
        crate::text::with_lowercase(noun, |w| self.measure_nouns.contains(w))
    }

    /// Words that never count anything after a number.
    pub fn is_not_counted(&self, word: &str) -> bool {
        crate::text::with_lowercase(word, |w| self.not_counted.contains(w))
    }
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(|w| w.to_lowercase()).collect()
}

/// Entries of a phrase table by their first word (lower case), in table order.
type FirstWords = HashMap<String, Vec<usize>>;

fn first_words<T>(table: &[(Vec<String>, T)]) -> FirstWords {
    let mut index = FirstWords::default();
    for (i, (phrase, _)) in table.iter().enumerate() {
        if let Some(first) = phrase.first() {
            index.entry(first.clone()).or_default().push(i);
        }
    }
    index
}

/// The first (longest) phrase of `table` that `words` start with, ignoring ASCII case.
fn prefix_match<'a, T>(
    table: &'a [(Vec<String>, T)],
    index: &'a FirstWords,
    words: &[&str],
) -> Option<(&'a T, usize)> {
    prefix_matches(table, index, words).next()
}

/// Every phrase of `table` that `words` start with, longest first, with its length.
fn prefix_matches<'a, 'w, T>(
    table: &'a [(Vec<String>, T)],
    index: &'a FirstWords,
    words: &'w [&'w str],
) -> impl Iterator<Item = (&'a T, usize)> + use<'a, 'w, T> {
    // Phrases are stored in lower case, so lower-casing the word finds them.
    let candidates = words
        .first()
        .and_then(|w| index.get(&w.to_ascii_lowercase()))
        .map_or(&[][..], Vec::as_slice);
    candidates
        .iter()
        .map(|&i| &table[i])
        .filter(move |(phrase, _)| {
            phrase.len() <= words.len()
                && phrase
                    .iter()
                    .zip(words)
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
        })
        .map(|(phrase, v)| (v, phrase.len()))
}

fn merge(base: &mut UnitsExtension, extra: &UnitsExtension) {
    base.number_words
        .extend(extra.number_words.iter().map(|(k, v)| (k.clone(), *v)));
    base.scales
        .extend(extra.scales.iter().map(|(k, v)| (k.clone(), *v)));
    for (code, forms) in &extra.currencies {
        base.currencies
            .entry(code.clone())
            .or_default()
            .extend(forms.iter().cloned());
    }
    for (dim, units) in &extra.dimensions {
        let d = base.dimensions.entry(dim.clone()).or_default();
        for (code, def) in units {
            d.insert(code.clone(), def.clone());
        }
    }
    for (kind, phrases) in &extra.qualifiers {
        base.qualifiers
            .entry(kind.clone())
            .or_default()
            .extend(phrases.iter().cloned());
    }
    for (key, def) in &extra.predicates {
        let p = base
            .predicates
            .entry(key.clone())
            .or_insert_with(|| PredicateDef {
                label: def.label.clone(),
                ..PredicateDef::default()
            });
        p.words.extend(def.words.iter().cloned());
        if def.dimension.is_some() {
            p.dimension = def.dimension.clone();
        }
        if def.counts.is_some() {
            p.counts = def.counts.clone();
        }
        p.counts_nouns.extend(def.counts_nouns.iter().cloned());
        p.counted.extend(def.counted.iter().cloned());
        p.fits.extend(def.fits.iter().cloned());
    }
    base.noun_forms
        .extend(extra.noun_forms.iter().map(|(k, v)| (k.clone(), v.clone())));
    base.not_counted.extend(extra.not_counted.iter().cloned());
    base.measure_nouns
        .extend(extra.measure_nouns.iter().cloned());
}

#[cfg(test)]
mod tests {
    use crate::knowledge::Knowledge;

    #[test]
    fn units_and_qualifiers_are_read_from_data() {
        let u = &Knowledge::builtin().units;
        let (unit, n) = u.unit_at(&["square", "kilometres", "of"]).unwrap();
        assert_eq!(
            (unit.code.as_str(), unit.dimension.as_str(), n),
            ("km2", "area", 2)
        );
        let (mi2, _) = u.unit_at(&["square", "miles"]).unwrap();
        assert!((mi2.factor - 2.59).abs() < 0.01);
        assert_eq!(
            u.qualifier_before(&["forces", "as", "much", "as"])
                .map(|q| q.0),
            Some("upper_bound".to_string())
        );
        assert_eq!(
            u.qualifier_before(&["more", "than"]).map(|q| q.0),
            Some("lower_bound".to_string())
        );
        assert_eq!(u.currency_at(&["$"]).map(|c| c.0), Some("USD".to_string()));
        assert_eq!(u.singular("people"), "person");
        assert_eq!(u.singular("firefighters"), "firefighter");
        assert_eq!(u.singular("casualties"), "casualty");
        assert_eq!(
            u.predicate_at(&["reclaimed"]).map(|p| p.0.key.as_str()),
            Some("territory taken")
        );
    }
}
