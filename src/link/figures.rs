//! Figures across the briefing: claims grouped by the quantity they measure, and disputes.
//!
//! Claims join a group when they measure the same quantity: the same predicate class
//! ("territory taken", "people killed"), the same counted noun, and — for distances, counts
//! and populations, which depend on where — the same places in their sentence. A claim whose
//! unit cannot measure the group's quantity (a length for an area) stays in the group, flagged
//! as a unit error and never converted. Grouping is conservative: a missed merge is better
//! than a false dispute.
//!
//! A group is disputed when two claims from different articles cannot both hold once
//! qualifiers and rounding are taken into account, unless some single article itself gives
//! both values (then they measure different moments or things, as "fell to 7.8% from 8.1%").

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::extract::Extraction;
use crate::extract::figures::ExtractedFigure;
use crate::knowledge::Knowledge;
use crate::knowledge::units::Predicate;
use crate::load::Document;
use crate::model::{Claim, Conversion, Figure, Normalized, Notice};
use crate::render::format_number;
use crate::slug::SlugSet;

/// Dimensions a unit error can happen between: a figure in one of these given for a quantity
/// measured in another of the same family ("500 kilometers" of territory).
const SPATIAL: &[&str] = &["length", "area"];

struct Draft<'a> {
    article: usize,
    figure: &'a ExtractedFigure,
    claimant: Option<String>,
    places: Vec<String>,
    /// Value (and upper value) in the dimension's base unit.
    norm: (f64, Option<f64>),
    norm_unit: String,
    unit_error: bool,
    key: String,
}

/// Builds the figure groups. `person_of` maps (article, local entity) to a person id;
/// `place_spans` gives, per article, the place ids with their spans.
pub fn link_figures(
    documents: &[Document],
    extractions: &[Extraction],
    person_of: &(dyn Fn(usize, usize) -> Option<String> + Sync),
    place_spans: &[Vec<(usize, usize, String)>],
    place_names: &HashMap<String, String>,
    k: &Knowledge,
    notices: &mut Vec<Notice>,
) -> Vec<Figure> {
    let u = &k.units;
    let date_of: HashMap<&str, Option<&str>> = documents
        .iter()
        .map(|d| (d.id.as_str(), d.date.as_deref()))
        .collect();
    // Each claim's group key depends on its own article only: worked out in parallel.
    let drafts: Vec<Draft> = {
        use rayon::prelude::*;
        extractions
            .par_iter()
            .enumerate()
            .flat_map_iter(|(a, x)| {
                x.figures
                    .iter()
                    .map(move |f| draft(a, f, &documents[a], person_of, &place_spans[a], k))
            })
            .collect()
    };
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, d) in drafts.iter().enumerate() {
        groups.entry(d.key.clone()).or_default().push(i);
    }
    let mut figures: Vec<Figure> = Vec::new();
    for (key, members) in &groups {
        let first = &drafts[members[0]];
        let f0 = first.figure;
        let parts: Vec<&str> = key.split('|').collect();
        let class = parts[0];
        let measure = parts[1];
        // Values are shown in the unit the claims use most ("months" for a war, "km²" for
        // territory), converted from the dimension's base unit.
        let mut written: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in members.iter().filter(|&&i| !drafts[i].unit_error) {
            *written.entry(drafts[i].figure.unit.as_str()).or_default() += 1;
        }
        let shown = written
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(u, _)| u.to_string());
        let shown_factor = shown
            .as_deref()
            .and_then(|c| u.unit(c))
            .filter(|x| x.dimension != "money" && x.dimension != "percent")
            .map_or(1.0, |x| x.factor);
        let unit = shown.unwrap_or_else(|| first.norm_unit.clone());
        let mut claims: Vec<(Claim, f64)> = Vec::new();
        let mut claim_places: Vec<Vec<String>> = Vec::new();
        for &i in members {
            let d = &drafts[i];
            let doc = &documents[d.article];
            let f = d.figure;
            let conversion = f.conversion.as_ref().map(|c| {
                let consistent = conversion_consistent(f, c, k);
                if !consistent {
                    notices.push(Notice {
                        kind: "conversion-mismatch".to_string(),
                        message: format!(
                            "\"{}\" is given with the conversion \"{}\", which does not agree with it",
                            &doc.body.text[f.start..f.end],
                            &doc.body.text[c.start..c.end]
                        ),
                        article: Some(doc.id.clone()),
                        start: Some(f.start),
                        end: Some(c.end),
                        page: None,
                    });
                }
                Conversion {
                    text: doc.body.text[c.start..c.end].to_string(),
                    value: c.value,
                    unit: c.unit.clone(),
                    consistent,
                }
            });
            claim_places.push(d.places.clone());
            claims.push((
                Claim {
                    article: doc.id.clone(),
                    text: doc.body.text[f.start..f.end].to_string(),
                    start: f.start,
                    end: f.end,
                    value: f.value,
                    value_max: f.value_max,
                    unit: f
                        .noun
                        .clone()
                        .filter(|_| f.dimension == "count")
                        .unwrap_or_else(|| f.unit.clone()),
                    qualifier: f.qualifier.clone(),
                    normalized: if d.unit_error {
                        Normalized {
                            value: f.value,
                            value_max: f.value_max,
                            unit: f.unit.clone(),
                        }
                    } else {
                        Normalized {
                            value: round(d.norm.0 / shown_factor),
                            value_max: d.norm.1.map(|m| round(m / shown_factor)),
                            unit: unit.clone(),
                        }
                    },
                    claimant: d.claimant.clone(),
                    conversion,
                    unit_error: d.unit_error,
                    sentence: doc.body.text[f.sentence.0..f.sentence.1].to_string(),
                },
                f.step
                    * u.unit(&f.unit).map_or(1.0, |x| {
                        if x.dimension == "money" || x.dimension == "percent" {
                            1.0
                        } else {
                            x.factor
                        }
                    })
                    / shown_factor,
            ));
        }
        claims.sort_by(|a, b| {
            let date = |c: &Claim| date_of.get(c.article.as_str()).copied().flatten();
            (date(&a.0), &a.0.article, a.0.start).cmp(&(date(&b.0), &b.0.article, b.0.start))
        });
        // Only groups that say clearly what they measure can be disputed: a predicate from the
        // text, and a physical unit, an amount, a rate, or a counted noun. Everything else
        // ("19 firefighters" and "400 firefighters") may well count different things.
        let fallback = key.contains("|only ");
        let counted_with_noun = measure.starts_with("count:") && measure.len() > "count:".len();
        // Rates are left out: several rates of one thing are common ("U-6" and headline
        // unemployment) and the words around them rarely tell them apart.
        let measurable = !measure.starts_with("count:")
            && !measure.starts_with("duration:")
            && !measure.starts_with("percent:");
        // Sums of money are left out too: a story holds the costs of many things ("$95 billion"
        // to the economy, "$20,000" an hour for a helicopter, "$1.4 billion" in aid to the
        // same island), and no word in the sentences tells which sum is of which thing.
        let money = measure.starts_with("money:");
        let never = k.units.predicate(class).is_some_and(|p| p.never_disputed);
        let disputable =
            !class.is_empty() && !fallback && (counted_with_noun || measurable) && !money && !never;
        // For counts, where it happened tells events apart ("19 firefighters near Yarnell",
        // "29 in the Griffith Park fire"); for measures such as territory, places in the
        // sentence are only context.
        let places_for_dispute: Vec<Vec<String>> = if counted_with_noun {
            claim_places.clone()
        } else {
            vec![Vec::new(); claims.len()]
        };
        let disputed = disputable && is_disputed(&claims, &places_for_dispute);
        let values: Vec<f64> = claims
            .iter()
            .filter(|(c, _)| !c.unit_error)
            .flat_map(|(c, _)| std::iter::once(c.normalized.value).chain(c.normalized.value_max))
            .collect();
        let range = (!values.is_empty()).then(|| {
            let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            (lo, hi)
        });
        let ratio = range.and_then(|(lo, hi)| (lo > 0.0).then(|| round(hi / lo)));
        let place_label: Vec<String> = first
            .places
            .iter()
            .filter(|_| key.split('|').nth(2).is_some_and(|p| !p.is_empty()))
            .filter_map(|id| place_names.get(id).cloned())
            .collect();
        let mut label = label_for(class, measure, f0, &place_label, k);
        // Two positions near one place get two labels: "Distance northwest — Victoria".
        if let Some(towards) = key.split('|').find_map(|p| p.strip_prefix("towards ")) {
            label = match label.split_once(" — ") {
                Some((base, places)) => format!("{base} {towards} — {places}"),
                None => format!("{label} {towards}"),
            };
        }
        let mut grouping = vec![grouping_reason(class, measure, &place_label, k)];
        if f0.previous {
            grouping.push("These figures are given as earlier values (\"down from\", \"a month earlier\"), so they are kept apart from current ones.".to_string());
        }
        let unit_errors = claims.iter().filter(|(c, _)| c.unit_error).count();
        if unit_errors > 0 {
            grouping.push(format!(
                "{unit_errors} claim{} give{} a unit that cannot measure this quantity; {} shown as written, not converted, and left out of the comparison.",
                if unit_errors == 1 { "" } else { "s" },
                if unit_errors == 1 { "s" } else { "" },
                if unit_errors == 1 { "it is" } else { "they are" }
            ));
        }
        figures.push(Figure {
            id: String::new(),
            label,
            quantity: key.clone(),
            unit,
            disputed,
            page: String::new(),
            claims: claims.into_iter().map(|(c, _)| c).collect(),
            grouping,
            range,
            ratio,
            notes: Vec::new(),
        });
    }
    // Disputed first, then the most-claimed; ids follow that order.
    figures.sort_by(|a, b| {
        b.disputed
            .cmp(&a.disputed)
            .then(b.claims.len().cmp(&a.claims.len()))
            .then(a.label.cmp(&b.label))
            .then(a.quantity.cmp(&b.quantity))
    });
    let mut slugs = SlugSet::new();
    for f in &mut figures {
        f.id = slugs.claim(&f.label);
        f.page = crate::link::paths::figure(&f.id);
        for c in f.claims.iter().filter(|c| c.unit_error) {
            notices.push(Notice {
                kind: "unit-error".to_string(),
                message: format!(
                    "\"{}\" cannot measure {}: shown as written, not converted",
                    c.text,
                    f.label.to_lowercase()
                ),
                article: Some(c.article.clone()),
                start: Some(c.start),
                end: Some(c.end),
                page: Some(f.page.clone()),
            });
        }
    }
    let page_of_claim: HashMap<(&str, usize), &str> = figures
        .iter()
        .flat_map(|f| {
            f.claims
                .iter()
                .map(|c| ((c.article.as_str(), c.start), f.page.as_str()))
        })
        .collect();
    for n in notices
        .iter_mut()
        .filter(|n| n.kind == "conversion-mismatch" && n.page.is_none())
    {
        if let (Some(article), Some(start)) = (n.article.as_deref(), n.start)
            && let Some(page) = page_of_claim.get(&(article, start))
        {
            n.page = Some(page.to_string());
        }
    }
    figures
}

/// One claim with the key of the group it joins.
fn draft<'a>(
    a: usize,
    f: &'a ExtractedFigure,
    document: &Document,
    person_of: &(dyn Fn(usize, usize) -> Option<String> + Sync),
    place_spans: &[(usize, usize, String)],
    k: &Knowledge,
) -> Draft<'a> {
    let u = &k.units;
    let claimant = f.claimant.and_then(|c| person_of(a, c));
    let mut places: Vec<String> = place_spans
        .iter()
        .filter(|(s, e, _)| *s >= f.sentence.0 && *e <= f.sentence.1)
        .map(|(_, _, id)| id.clone())
        .collect();
    places.sort();
    places.dedup();
    let (factor, base) = match u.unit(&f.unit) {
        Some(unit) if unit.dimension != "money" && unit.dimension != "percent" => {
            (unit.factor, unit.base.clone())
        }
        _ => (1.0, f.unit.clone()),
    };
    let norm = (f.value * factor, f.value_max.map(|m| m * factor));
    let predicate = f.predicate.as_deref().and_then(|p| u.predicate(p));
    let mut class = f.predicate.clone().unwrap_or_default();
    let mut unit_error = false;
    // "nine Ethiopian passengers" count some of the passengers, not all of them.
    let noun = match (&f.noun, &f.noun_group) {
        (Some(n), Some(g)) if f.dimension == "count" => format!("{g} {n}"),
        // "700 residents" and "600 people" both count a population's people, as "58 deaths"
        // and "58 people" count those killed.
        (Some(n), None) if let Some(counts) = counted_by_predicate(predicate, n) => {
            counts.to_string()
        }
        (n, _) => n.clone().unwrap_or_default(),
    };
    let measure = match predicate.and_then(|p| p.dimension.clone()) {
        // "four-week conflict" and "72-hour truce" are different durations.
        Some(expected) if f.dimension == expected => format!("{expected}:{noun}"),
        Some(expected)
            if SPATIAL.contains(&expected.as_str()) && SPATIAL.contains(&f.dimension.as_str()) =>
        {
            unit_error = true;
            format!("{expected}:{noun}")
        }
        Some(_) if f.dimension == "count" => format!("count:{noun}"),
        Some(_) => {
            // The predicate cannot be about this figure ("destroyed in just two days"):
            // group it by what it measures instead, in a group of its own article's
            // (nothing says it measures what another article's figure does).
            class = natural_class(&f.dimension);
            format!("{}:{}|only {}", f.dimension, noun, document.id)
        }
        None => match f.dimension.as_str() {
            "money" => format!("money:{}", f.unit),
            d => format!("{d}:{noun}"),
        },
    };
    // Where it is matters for distances, populations and plain counts.
    let place_bound = matches!(class.as_str(), "distance" | "population" | "")
        || (measure.starts_with("count:") && class.is_empty());
    // A population is of one place, whatever else its sentence names: "all 700 residents of
    // Y", "Y, a town of 700 residents 85 miles from Z", "Y sits near Z and had a population of
    // 700" are all Y's.
    if class == "population"
        && let Some(id) = population_place(
            &document.body.text,
            place_spans,
            f.sentence,
            (f.start, f.end),
        )
    {
        places = vec![id.to_string()];
    }
    let place_key = if place_bound {
        places.join("+")
    } else {
        String::new()
    };
    // "29 died in the 1933 fire": a figure about another year is about another event.
    let sentence = &document.body.text[f.sentence.0..f.sentence.1];
    let article_year = document.date.as_deref().and_then(|d| d.get(..4));
    let other_year = years_in(sentence)
        .into_iter()
        .find(|y| Some(y.as_str()) != article_year);
    // "45 miles northwest of Victoria" and "20 miles east of Victoria" are two
    // positions, not two claims of one distance.
    // A conversion may come between: "73 kilometers (45 miles) north of".
    let after = f.conversion.as_ref().map_or(f.end, |c| c.end.max(f.end));
    let direction = (class == "distance" && after <= f.sentence.1)
        .then(|| direction_after(&document.body.text[after..f.sentence.1]))
        .flatten();
    // "arrested in July", in an article of August: another month's event.
    let article_month = document
        .date
        .as_deref()
        .and_then(|d| d.get(5..7))
        .and_then(|m| m.parse::<usize>().ok());
    let other_month = month_named_in(sentence).filter(|&m| Some(m) != article_month);
    let scope = time_scope(sentence);
    let key = format!(
        "{class}|{measure}|{place_key}{}{}{}{}{}",
        if f.previous { "|previous" } else { "" },
        direction.map(|d| format!("|{d}")).unwrap_or_default(),
        other_year.map(|y| format!("|year {y}")).unwrap_or_default(),
        other_month
            .map(|m| format!("|month {}", crate::text::MONTHS[m - 1]))
            .unwrap_or_default(),
        scope.map(|s| format!("|{s}")).unwrap_or_default()
    );
    Draft {
        article: a,
        figure: f,
        claimant,
        places,
        norm,
        norm_unit: if unit_error { f.unit.clone() } else { base },
        unit_error,
        key,
    }
}

/// What a predicate counts when the counted noun is one its data says counts the same: deaths
/// are of people, as residents are.
fn counted_by_predicate<'p>(predicate: Option<&'p Predicate>, noun: &str) -> Option<&'p str> {
    let p = predicate?;
    let counts = p.counts.as_deref()?;
    p.counts_nouns.iter().any(|n| n == noun).then_some(counts)
}

/// The place a population figure at `span` is of: the place right after it ("700 residents
/// of Y", "700 Y residents"); else, before it in its sentence, the nearest place set off by a
/// comma ("Y, a town of", "In X, the city of Y, home to"; the town in "Y, Colo., a town of"),
/// or the first one, the sentence's subject ("Y sits near Z and had a population of"); else
/// the nearest place after it.
fn population_place<'p>(
    text: &str,
    place_spans: &'p [(usize, usize, String)],
    sentence: (usize, usize),
    span: (usize, usize),
) -> Option<&'p str> {
    let in_sentence = || {
        place_spans
            .iter()
            .filter(move |(s, e, _)| *s >= sentence.0 && *e <= sentence.1)
    };
    let rest = text.get(span.1..sentence.1).unwrap_or("");
    // "residents of Y", or "325 million Y residents": a place between the number and its noun.
    let of = ["of the ", "of ", ""]
        .iter()
        .find_map(|w| rest.strip_prefix(' ').and_then(|r| r.strip_prefix(w)))
        .map(|after| sentence.1 - after.len());
    if let Some(at) = of
        && let Some((_, _, id)) = in_sentence().find(|(s, _, _)| *s == at)
    {
        return Some(id);
    }
    let mut before: Vec<&(usize, usize, String)> =
        in_sentence().filter(|(_, e, _)| *e <= span.0).collect();
    before.sort_by_key(|(s, _, _)| *s);
    // "Y, a town of", "Y province, home to": a comma after the name or after one word more.
    let set_off = before.iter().rev().find(|(_, e, _)| {
        let after = &text[*e..];
        after.starts_with(',')
            || after
                .strip_prefix(' ')
                .and_then(|a| a.split_once(','))
                .is_some_and(|(word, _)| {
                    !word.is_empty() && word.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
                })
    });
    // "Y, Colo., a suburb of": the state after a town names where the town is.
    let set_off = set_off.map(|place| {
        before
            .iter()
            .rev()
            .find(|(_, e, _)| text.get(*e..place.0) == Some(", "))
            .unwrap_or(place)
    });
    if let Some((_, _, id)) = set_off.or(before.first()) {
        return Some(id);
    }
    in_sentence()
        .filter(|(s, _, _)| *s >= span.1)
        .min_by_key(|(s, _, _)| *s)
        .map(|(_, _, id)| id.as_str())
}

/// Words that put a figure in another time than the story's own: a cumulative total, last
/// year's number, one from years ago.
fn time_scope(sentence: &str) -> Option<&'static str> {
    const SCOPES: &[&str] = &[
        "last year",
        "last month",
        "last week",
        "a year ago",
        "years ago",
        "a year earlier",
        "a month earlier",
        "so far this year",
        "so far",
        "to date",
        "a total of",
        "in total",
        "all-time",
        "since records",
        "earlier this year",
        "the previous year",
        "each year",
        "every year",
        "a year",
        "per year",
        "annually",
    ];
    // Asked of every figure: one pass over the sentence for all the phrases, and the first
    // of the list that occurs as whole words wins, as a search phrase by phrase would find.
    static MATCHER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let matcher = MATCHER.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(SCOPES)
            .expect("the time scope phrases make an automaton")
    });
    matcher
        .find_overlapping_iter(sentence)
        .filter(|m| is_whole_words(sentence, m.start(), m.end()))
        .map(|m| m.pattern().as_usize())
        .min()
        .map(|i| SCOPES[i])
}

/// Whether `text[start..end]` is bounded by non-letters: "last week" is not in "last weekend".
fn is_whole_words(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// The month (1–12) a sentence places its event in: "in July", "last March", "since
/// October". A month after a preposition only, since "May" is also a verb.
fn month_named_in(sentence: &str) -> Option<usize> {
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).find_map(|pair| {
        let placed = matches!(
            pair[0].to_lowercase().as_str(),
            "in" | "last" | "since" | "during" | "early" | "late" | "mid"
        );
        let month = crate::text::MONTHS.iter().position(|m| *m == pair[1])?;
        placed.then_some(month + 1)
    })
}

/// The compass direction right after a distance: "(45 miles) northwest of", "(20 km)
/// south-east of".
fn direction_after(rest: &str) -> Option<String> {
    let word = rest
        .split_whitespace()
        .take(2)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic() && c != '-'))
        .map(|w| w.to_lowercase().replace('-', ""))
        .find(|w| {
            matches!(
                w.as_str(),
                "north"
                    | "south"
                    | "east"
                    | "west"
                    | "northeast"
                    | "northwest"
                    | "southeast"
                    | "southwest"
            )
        })?;
    Some(format!("towards {word}"))
}

/// Four-digit years (1800-2100) written in a text.
fn years_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split(|c: char| !c.is_ascii_digit()) {
        if word.len() == 4
            && let Ok(y) = word.parse::<u32>()
            && (1800..=2100).contains(&y)
        {
            out.push(word.to_string());
        }
    }
    out
}

fn natural_class(dimension: &str) -> String {
    match dimension {
        "duration" => "duration".to_string(),
        "length" => "distance".to_string(),
        _ => String::new(),
    }
}

fn round(v: f64) -> f64 {
    if v.abs() >= 100.0 {
        (v * 100.0).round() / 100.0
    } else {
        (v * 10_000.0).round() / 10_000.0
    }
}

/// Whether a conversion in parentheses agrees with the figure, within the rounding of the
/// conversion as written (and 2% more).
fn conversion_consistent(
    f: &ExtractedFigure,
    c: &crate::extract::figures::ExtractedConversion,
    k: &Knowledge,
) -> bool {
    let (Some(from), Some(to)) = (k.units.unit(&f.unit), k.units.unit(&c.unit)) else {
        return true;
    };
    if from.dimension != to.dimension {
        return false;
    }
    let expected = f.value * from.factor / to.factor;
    (expected - c.value).abs() <= c.step.max(1.0) / 2.0 + expected.abs() * 0.02
}

/// The interval of values a claim allows, in base units.
fn interval(c: &Claim, step: f64) -> (f64, f64) {
    let v = c.normalized.value;
    let half = step / 2.0;
    match c.qualifier.as_str() {
        "approximate" => (v * 0.85 - half, v * 1.15 + half),
        "lower_bound" => (v - half, f64::INFINITY),
        "upper_bound" => (0.0, v + half),
        "range" => (v - half, c.normalized.value_max.unwrap_or(v) + half),
        // What might be contradicts nothing that is.
        "hypothetical" => (f64::NEG_INFINITY, f64::INFINITY),
        _ => (v - half - v.abs() * 0.01, v + half + v.abs() * 0.01),
    }
}

fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// Disputed: two claims from different articles that cannot both hold, unless one article
/// itself gives both values.
fn is_disputed(claims: &[(Claim, f64)], places: &[Vec<String>]) -> bool {
    let usable: Vec<(&Claim, (f64, f64), &[String])> = claims
        .iter()
        .zip(places)
        .filter(|((c, _), _)| !c.unit_error)
        .map(|((c, step), p)| (c, interval(c, *step), p.as_slice()))
        .collect();
    // Pairs of values one article gives itself, which no other article can be said to
    // dispute; found per article, so a big group costs no more than its articles' sizes.
    let mut by_article: HashMap<&str, Vec<(f64, f64)>> = HashMap::default();
    for (c, i, _) in &usable {
        by_article.entry(c.article.as_str()).or_default().push(*i);
    }
    let own_pairs: Vec<((f64, f64), (f64, f64))> = by_article
        .values()
        .flat_map(|list| {
            list.iter().enumerate().flat_map(move |(k, x)| {
                list[k + 1..]
                    .iter()
                    .filter(move |y| !overlaps(*x, **y))
                    .flat_map(move |y| [(*x, *y), (*y, *x)])
            })
        })
        .collect();
    for (i, (a, ia, pa)) in usable.iter().enumerate() {
        for (b, ib, pb) in &usable[i + 1..] {
            if a.article == b.article || overlaps(*ia, *ib) {
                continue;
            }
            // Figures about different places ("in the Griffith Park fire", "near Yarnell")
            // are not about the same thing.
            if !pa.is_empty() && !pb.is_empty() && !pa.iter().any(|p| pb.contains(p)) {
                continue;
            }
            // Does any article give both values itself?
            let explained = own_pairs
                .iter()
                .any(|(ix, iy)| overlaps(*ix, *ia) && overlaps(*iy, *ib));
            if !explained {
                return true;
            }
        }
    }
    false
}

/// The plural of a counted noun, of its last word when a country's adjective comes first
/// ("Saudi man" → "Saudi men").
fn plural(noun: &str, k: &Knowledge) -> String {
    let (before, last) = match noun.rsplit_once(' ') {
        Some((b, l)) => (format!("{b} "), l),
        None => (String::new(), noun),
    };
    let consonant_y = last.len() > 1
        && last.ends_with('y')
        && !matches!(
            last.as_bytes()[last.len() - 2],
            b'a' | b'e' | b'i' | b'o' | b'u'
        );
    let last = match last {
        n if let Some(p) = k.units.irregular_plural(n) => p.to_string(),
        // "grandchildren", "congresswomen": plurals already, kept as counted.
        n if n.ends_with("dren") || n.ends_with("men") && n.len() > 4 => n.to_string(),
        // "350 homeless", "2 million jobless": an adjective standing for people has no plural.
        n if n.ends_with("less") => n.to_string(),
        n if consonant_y => format!("{}ies", &n[..n.len() - 1]),
        n if n.ends_with('s') || n.ends_with('x') || n.ends_with("ch") || n.ends_with("sh") => {
            format!("{n}es")
        }
        n => format!("{n}s"),
    };
    format!("{before}{last}")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A plain-language label: "Territory taken", "Territory taken: villages",
/// "Population: Gaza", "Duration: war".
fn label_for(
    class: &str,
    measure: &str,
    f: &ExtractedFigure,
    places: &[String],
    k: &Knowledge,
) -> String {
    // "person" adds nothing to a label ("People killed", "Population").
    let noun = measure
        .split_once(':')
        .map(|x| x.1)
        .filter(|n| !n.is_empty() && *n != "person");
    let counted = measure.starts_with("count:");
    let base = match k.units.predicate(class) {
        Some(p) => match noun {
            Some(n) if counted => format!("{}: {}", p.label, plural(n, k)),
            Some(n) => format!("{}: {n}", p.label),
            None => p.label.clone(),
        },
        None => match (f.dimension.as_str(), noun) {
            ("count", Some(n)) => capitalise(&plural(n, k)),
            ("money", _) => format!("Amount in {}", f.unit),
            ("percent", Some(n)) => format!("Share: {}", plural(n, k)),
            ("percent", None) => "Percentage".to_string(),
            (d, Some(n)) => format!("{}: {}", capitalise(d), n),
            (d, None) => capitalise(d),
        },
    };
    if places.is_empty() {
        base
    } else {
        format!("{base} — {}", places.join(", "))
    }
}

fn grouping_reason(class: &str, measure: &str, places: &[String], k: &Knowledge) -> String {
    let mut why = Vec::new();
    if let Some(p) = k.units.predicate(class) {
        why.push(format!(
            "the words around each figure say it measures {}",
            p.label.to_lowercase()
        ));
    }
    match measure.split_once(':') {
        Some(("count", n)) if !n.is_empty() => why.push(format!("each counts {}", plural(n, k))),
        Some((d, n)) => {
            why.push(format!("each is a {d}"));
            if !n.is_empty() {
                why.push(format!("of the {n}"));
            }
        }
        None => why.push(format!("each is an {measure}")),
    }
    if !places.is_empty() {
        why.push(format!("each sentence names {}", places.join(" and ")));
    }
    let numbers = format_number(0.0);
    let _ = numbers;
    format!("Grouped because {}.", why.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_use_the_tables_plurals_never_an_abbreviation() {
        let k = Knowledge::builtin();
        assert_eq!(plural("life", k), "lives");
        assert_eq!(plural("person", k), "people");
        assert_eq!(plural("staff", k), "staff");
        assert_eq!(plural("Palestinian gunman", k), "Palestinian gunmen");
        assert_eq!(plural("city", k), "cities");
        assert_eq!(plural("grandchildren", k), "grandchildren");
    }

    fn claim(article: &str, value: f64, qualifier: &str) -> (Claim, f64) {
        (
            Claim {
                article: article.to_string(),
                text: String::new(),
                start: 0,
                end: 0,
                value,
                value_max: None,
                unit: "km2".to_string(),
                qualifier: qualifier.to_string(),
                normalized: Normalized {
                    value,
                    value_max: None,
                    unit: "km2".to_string(),
                },
                claimant: None,
                conversion: None,
                unit_error: false,
                sentence: String::new(),
            },
            100.0,
        )
    }

    #[test]
    fn disagreeing_outlets_are_a_dispute_but_rounding_and_bounds_are_not() {
        let none = vec![Vec::new(); 2];
        let pair = |a: (Claim, f64), b: (Claim, f64)| vec![a, b];
        assert!(is_disputed(
            &pair(
                claim("a", 1300.0, "approximate"),
                claim("b", 2600.0, "exact")
            ),
            &none
        ));
        assert!(!is_disputed(
            &pair(
                claim("a", 3200.0, "approximate"),
                claim("b", 3150.0, "exact")
            ),
            &none
        ));
        assert!(!is_disputed(
            &pair(
                claim("a", 1300.0, "lower_bound"),
                claim("b", 2600.0, "exact")
            ),
            &none
        ));
        assert!(!is_disputed(
            &pair(
                claim("a", 3200.0, "upper_bound"),
                claim("b", 2600.0, "exact")
            ),
            &none
        ));
        let elsewhere = vec![
            vec!["yarnell".to_string()],
            vec!["griffith-park".to_string()],
        ];
        assert!(!is_disputed(
            &pair(claim("a", 19.0, "exact"), claim("b", 29.0, "exact")),
            &elsewhere
        ));
    }

    #[test]
    fn values_one_article_gives_together_are_not_a_dispute() {
        // "fell to 7.8% from 8.1%" in two outlets.
        let c: Vec<(Claim, f64)> = [("a", 7.8), ("a", 8.1), ("b", 7.8), ("b", 8.1)]
            .into_iter()
            .map(|(a, v)| (claim(a, v, "exact").0, 0.1))
            .collect();
        assert!(!is_disputed(&c, &vec![Vec::new(); 4]));
    }
}
