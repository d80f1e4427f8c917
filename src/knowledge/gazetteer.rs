//! The embedded gazetteer: continents, countries, first-level regions, and cities and towns of
//! 5,000 people or more, with alternate names and transliterations (GeoNames, CC BY 4.0), plus
//! curated regions and features (`data/places_extra.tsv`) and a briefing's own places.
//!
//! Names are matched with one Aho-Corasick automaton over folded text (leftmost-longest), built
//! once when the gazetteer is first used; `data/GAZETTEER.md` says how the data is made.

use rustc_hash::FxHashMap as HashMap;
use std::io::Read;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;

use super::Knowledge;
use crate::text::{fold, translit_key};

const GAZETTEER: &[u8] = include_bytes!("../../data/gazetteer.tsv.gz");
const EXTRA: &str = include_str!("../../data/places_extra.tsv");
const REGION_ABBREVIATIONS: &str = include_str!("../../data/region_abbreviations.tsv");

/// A place added in `crossbrief.yaml` under `knowledge: places:`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct ExtraPlace {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub kind: Option<String>,
    pub alternates: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    Continent,
    Country,
    Region,
    Feature,
    City,
}

impl PlaceKind {
    fn parse(s: &str) -> PlaceKind {
        match s {
            "continent" => PlaceKind::Continent,
            "country" => PlaceKind::Country,
            "region" => PlaceKind::Region,
            "feature" => PlaceKind::Feature,
            _ => PlaceKind::City,
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            PlaceKind::Continent => "continent",
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::Feature => "feature",
            PlaceKind::City => "city",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GazPlace {
    pub name: String,
    pub kind: PlaceKind,
    pub country: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
    pub admin1: String,
    pub alternates: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    pub places: Vec<GazPlace>,
    /// "Va." → the region Virginia; only read right after "Town, ".
    abbreviations: HashMap<String, u32>,
    /// Folded name or alternate → places, best first.
    by_name: HashMap<String, Vec<u32>>,
    /// Transliteration key of a name → places, best first.
    by_translit: HashMap<String, Vec<u32>>,
    /// Folded names, in automaton pattern order.
    patterns: Vec<String>,
    matcher: Option<AhoCorasick>,
}

/// A gazetteer name found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct NameMatch {
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Candidate places, best first.
    pub places: Vec<u32>,
}

impl Gazetteer {
    pub fn load(extra: &[ExtraPlace], knowledge: &Knowledge) -> Gazetteer {
        let mut text = String::new();
        flate2::read::GzDecoder::new(GAZETTEER)
            .read_to_string(&mut text)
            .expect("data/gazetteer.tsv.gz is valid gzip and UTF-8");
        let mut places: Vec<GazPlace> = text
            .lines()
            .chain(EXTRA.lines())
            .filter_map(parse_row)
            .collect();
        for e in extra {
            places.push(GazPlace {
                name: e.name.clone(),
                kind: PlaceKind::parse(e.kind.as_deref().unwrap_or("city")),
                country: e.country.clone().unwrap_or_default(),
                lat: e.lat,
                lon: e.lon,
                population: 0,
                admin1: String::new(),
                alternates: e.alternates.clone(),
            });
        }
        // Country names English news uses ("Britain", "U.S.") from the countries data.
        for c in &knowledge.countries {
            if let Some(p) = places
                .iter_mut()
                .find(|p| p.kind == PlaceKind::Country && p.country == c.code)
            {
                for a in std::iter::once(&c.name).chain(&c.aliases) {
                    if !p.alternates.contains(a) && a != &p.name {
                        p.alternates.push(a.clone());
                    }
                }
            }
        }
        let mut g = Gazetteer {
            places,
            ..Gazetteer::default()
        };
        g.index();
        for line in REGION_ABBREVIATIONS.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            if let [abbr, name, country] = cols.as_slice()
                && let Some(&p) = g.lookup(name).iter().find(|&&p| {
                    g.place(p).country == *country && g.place(p).kind <= PlaceKind::Region
                })
            {
                g.abbreviations.insert(abbr.to_string(), p);
            }
        }
        g
    }

    fn index(&mut self) {
        use rayon::prelude::*;
        // Folding ~260,000 names is the expensive part: do it in parallel.
        let names: Vec<(String, String, u32)> = self
            .places
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, p)| {
                std::iter::once(&p.name)
                    .chain(&p.alternates)
                    .map(move |name| (fold(name), translit_key(name), i as u32))
            })
            .collect();
        let places = &self.places;
        let own_names: Vec<String> = places.par_iter().map(|p| fold(&p.name)).collect();
        let size = sizes(places);
        let rank = |i: &u32| {
            let p = &places[*i as usize];
            (p.kind, std::cmp::Reverse(size[*i as usize]), *i)
        };
        let (by_name_and_matcher, by_translit) = rayon::join(
            || {
                let mut by_name: HashMap<String, Vec<u32>> = HashMap::default();
                for (key, _, i) in &names {
                    if key.chars().count() < 2 {
                        continue;
                    }
                    let list = by_name.entry(key.clone()).or_default();
                    if !list.contains(i) {
                        list.push(*i);
                    }
                }
                // Best first: countries before regions before cities; then a place whose own name
                // this is before one that has it as an alternate; then the most populous.
                for (key, list) in by_name.iter_mut() {
                    if list.len() > 1 {
                        list.sort_by_key(|i| {
                            let p = &places[*i as usize];
                            (
                                p.kind,
                                own_names[*i as usize] != *key,
                                std::cmp::Reverse(size[*i as usize]),
                                *i,
                            )
                        });
                    }
                }
                let mut patterns: Vec<String> = by_name.keys().cloned().collect();
                patterns.sort();
                let matcher = AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(aho_corasick::StartKind::Anchored)
                    .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                    .build(&patterns)
                    .ok();
                (by_name, patterns, matcher)
            },
            || {
                let mut by_translit: HashMap<String, Vec<u32>> = HashMap::default();
                for (_, key, i) in &names {
                    if key.len() < 4 {
                        continue;
                    }
                    let list = by_translit.entry(key.clone()).or_default();
                    if !list.contains(i) {
                        list.push(*i);
                    }
                }
                for list in by_translit.values_mut() {
                    if list.len() > 1 {
                        list.sort_by_key(rank);
                    }
                }
                by_translit
            },
        );
        let (by_name, patterns, matcher) = by_name_and_matcher;
        self.by_name = by_name;
        self.patterns = patterns;
        self.matcher = matcher;
        self.by_translit = by_translit;
    }

    /// The region an abbreviation stands for after a town's name ("Va." → Virginia).
    pub fn region_abbreviation(&self, abbr: &str) -> Option<u32> {
        self.abbreviations.get(abbr).copied()
    }

    /// Whether `name` is the name (or an alternate name) of a place.
    pub fn is_place_name(&self, name: &str) -> bool {
        self.by_name.contains_key(&fold(name))
    }

    /// Places with this name or alternate, best first.
    pub fn lookup(&self, name: &str) -> &[u32] {
        self.by_name.get(&fold(name)).map_or(&[], Vec::as_slice)
    }

    /// Places whose name has this transliteration key (Jogjakarta → Yogyakarta), best first.
    pub fn lookup_translit(&self, name: &str) -> &[u32] {
        self.by_translit
            .get(&translit_key(name))
            .map_or(&[], Vec::as_slice)
    }

    /// The country code of the best place with this name.
    pub fn country_of(&self, name: &str) -> Option<String> {
        self.lookup(name)
            .first()
            .map(|&i| self.places[i as usize].country.clone())
            .filter(|c| !c.is_empty())
    }

    pub fn place(&self, i: u32) -> &GazPlace {
        &self.places[i as usize]
    }

    /// Every gazetteer name in `text` that starts with a capital letter at the start of a word
    /// (also after a hyphen: "Israel-Gaza") and ends on a word boundary; the longest at each
    /// start. Searching only from capitalised word starts keeps "nice weather" from being Nice
    /// and lets a rejected longer match never hide a shorter one.
    pub fn find_names(&self, text: &str) -> Vec<NameMatch> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let (folded, map) = fold_with_map(text);
        let mut out = Vec::new();
        let mut prev: Option<char> = None;
        let mut folded_at = 0;
        let mut next_free = 0;
        for (offset, c) in text.char_indices() {
            // Advance to the folded position of this character.
            while folded_at < map.len() - 1 && map[folded_at] < offset {
                folded_at += 1;
            }
            let word_start = prev.is_none_or(|p| !p.is_alphanumeric() && p != '\'' && p != '’');
            prev = Some(c);
            if !word_start || !c.is_uppercase() || offset < next_free {
                continue;
            }
            let input = aho_corasick::Input::new(&folded)
                .range(folded_at..)
                .anchored(aho_corasick::Anchored::Yes);
            let Some(m) = matcher.find(input) else {
                continue;
            };
            let fe = m.end();
            let after = folded[fe..].chars().next();
            if after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            // The original end: just past the last character that produced the match.
            let last = map[fe - 1];
            let mut end = last + text[last..].chars().next().map_or(0, char::len_utf8);
            // "We’ve", "I'll": a contraction, not a name.
            let mut rest = text[end..].chars();
            if matches!(rest.next(), Some('\'' | '’'))
                && rest.next().is_some_and(|c| c.is_alphabetic() && c != 's')
            {
                continue;
            }
            // "U.S.", "D.C.": the last dot of an abbreviation belongs to it.
            let abbreviation = {
                let b = &text.as_bytes()[offset..end];
                b.len() >= 3 && b[b.len() - 2] == b'.' && b[b.len() - 1].is_ascii_uppercase()
            };
            if abbreviation && text[end..].starts_with('.') {
                end += 1;
            }
            // An all-capitals word ("MORI") is a place only if the place is written so.
            let surface = &text[offset..end];
            let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
            let caps = letters >= 2
                && surface
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
            let key = &self.patterns[m.pattern().as_usize()];
            if let Some(places) = self.by_name.get(key) {
                // All capitals: a place written so ("UK", "U.S."), or a big city in a dateline
                // ("LAS VEGAS"); not an acronym that happens to spell a town ("MORI", "PA").
                let written_so = |p: &GazPlace| {
                    std::iter::once(&p.name)
                        .chain(&p.alternates)
                        .any(|n| n == surface)
                };
                let dateline_city = letters > 4
                    && places
                        .iter()
                        .any(|&p| self.places[p as usize].population >= 100_000);
                if caps
                    && !places.iter().any(|&p| written_so(&self.places[p as usize]))
                    && !dateline_city
                {
                    continue;
                }
                // "We’ve", "they’re": contractions.
                if crate::text::is_contraction(surface) {
                    continue;
                }
                out.push(NameMatch {
                    start: offset,
                    end,
                    places: places.clone(),
                });
                next_free = end;
            }
        }
        out
    }
}

/// Folds text like [`fold`] (lower case, no diacritics, no dots) but keeps, for every byte of
/// the folded text, the byte offset of the original character it came from.
fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (offset, c) in text.char_indices() {
        // Every paragraph passes through here: ASCII, nearly all of it, is folded in place.
        if c.is_ascii() {
            if c != '.' {
                map.push(offset);
                folded.push(c.to_ascii_lowercase());
            }
            continue;
        }
        let piece = fold_char(c);
        for _ in 0..piece.len() {
            map.push(offset);
        }
        folded.push_str(&piece);
    }
    map.push(text.len());
    (folded, map)
}

/// A non-ASCII character folded as [`fold`] folds it.
fn fold_char(c: char) -> String {
    let f = fold(&c.to_string());
    if f.is_empty() && !c.is_alphanumeric() {
        // Keep a placeholder so word boundaries survive (e.g. a curly quote).
        return " ".to_string();
    }
    f
}

/// Each place's size for ranking places of one name: its population, or for a region the
/// gazetteer gives none, the people of its towns. Regions have no population in the data, and
/// without this the US state of Florida would rank after the Puerto Rican municipality of that
/// name by row order alone.
fn sizes(places: &[GazPlace]) -> Vec<u64> {
    let mut in_region: HashMap<(&str, &str), u64> = HashMap::default();
    for p in places.iter().filter(|p| p.kind == PlaceKind::City) {
        *in_region
            .entry((p.country.as_str(), p.admin1.as_str()))
            .or_default() += p.population;
    }
    places
        .iter()
        .map(|p| match p.kind {
            PlaceKind::Region if p.population == 0 => in_region
                .get(&(p.country.as_str(), p.name.as_str()))
                .copied()
                .unwrap_or(0),
            _ => p.population,
        })
        .collect()
}

fn parse_row(line: &str) -> Option<GazPlace> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() < 7 || cols[0].trim().is_empty() {
        return None;
    }
    let num = |s: &str| s.trim().parse::<f64>().ok();
    Some(GazPlace {
        name: cols[0].to_string(),
        kind: PlaceKind::parse(cols[1]),
        country: cols[2].to_string(),
        lat: num(cols[3]),
        lon: num(cols[4]),
        population: cols[5].trim().parse().unwrap_or(0),
        admin1: cols[6].to_string(),
        alternates: cols
            .get(7)
            .map(|a| {
                a.split('|')
                    .filter(|x| !x.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Knowledge::builtin().gazetteer()
    }

    #[test]
    fn names_and_alternates_resolve_to_places() {
        let mumbai = g().lookup("Bombay");
        assert!(!mumbai.is_empty());
        assert_eq!(g().place(mumbai[0]).country, "IN");
        assert_eq!(g().place(g().lookup("U.K.")[0]).kind, PlaceKind::Country);
        assert!(g().is_place_name("Yogyakarta"));
        assert!(!g().lookup_translit("Yogyakarta").is_empty());
    }

    #[test]
    fn the_matcher_finds_names_on_word_boundaries_with_original_offsets() {
        let text = "Troops entered Rafah and Kraków; nobody in Parisian.";
        let found: Vec<&str> = g()
            .find_names(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect();
        assert!(found.contains(&"Rafah"), "{found:?}");
        assert!(found.contains(&"Kraków"), "{found:?}");
        assert!(!found.contains(&"Paris"), "{found:?}");
    }
}
