//! Places named in an article.
//!
//! The gazetteer's Aho-Corasick matcher finds candidate names in each paragraph; context keeps
//! or rejects them: a name inside an organisation's or a person's name is not a place ("the
//! Washington Times", "Kennedy said"), a common word at the start of a sentence is not a place
//! ("Police said"), and a town that shares a surname is not a place when it speaks. Places the
//! gazetteer lacks are found from context ("the town of X", "X region", "X, Arizona"), and
//! spellings the gazetteer lacks from their transliteration key (Jabaliyya → Jabaliya).

use super::names::{Mention, NameKind, Reader, is_calendar_word};
use super::text::{Paragraph, TokenKind, is_capitalised};
use crate::knowledge::Knowledge;
use crate::knowledge::gazetteer::PlaceKind;

/// A place mention found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    /// Gazetteer candidates, best first; empty for a place known only from context.
    pub candidates: Vec<u32>,
    /// The text says it is a region ("Idlib province", "Minsk oblast").
    pub region_hint: bool,
    /// Used for its government or people ("Tehran-backed", "Beijing said", "the Damascus regime").
    pub metonymy: bool,
    /// How sure the extractor is: a context word ("the town of", "in") or a gazetteer name
    /// alone.
    pub cue: Option<String>,
    pub quoted: bool,
    pub paragraph: usize,
    /// Token range in the paragraph.
    pub first: usize,
    pub last: usize,
    /// A region or country named right after it ("Ontario, California"): gazetteer id.
    pub within: Option<u32>,
}

impl PlaceMention {
    /// Whether the cue says "place" even of a word that is also a person's name: "the town
    /// of X", "X province", a landmark. A preposition ("a letter from X") and a comma with a
    /// region after it ("…said X, Texas Sen. Y") come before people's names as often.
    pub fn has_place_cue(&self) -> bool {
        self.cue
            .as_deref()
            .is_some_and(|c| !PREPOSITIONS.contains(&c) && !c.starts_with(", "))
    }
}

/// Words after a name that make it a region.
const REGION_WORDS: &[&str] = &[
    "region",
    "oblast",
    "province",
    "state",
    "governorate",
    "district",
    "county",
    "territory",
    "prefecture",
];
/// Words before a name that introduce a place.
const PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "region",
    "province",
    "oblast",
    "district",
    "capital",
    "port",
    "settlement",
    "county",
    "state",
    "suburb",
    "neighborhood",
    "neighbourhood",
    "hamlet",
    "community",
];
const PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "to",
    "outside",
    "around",
    "across",
    "towards",
    "toward",
    "into",
    "through",
    "of",
    "via",
    "between",
    "within",
    "inside",
    "throughout",
];

/// All place mentions of one paragraph. `mentions` are the paragraph's names.
pub fn find_places(
    r: &Reader,
    paragraph: usize,
    mentions: &[&Mention],
    k: &Knowledge,
) -> Vec<PlaceMention> {
    let para = r.para;
    let text = &r.body[para.start..para.end];
    let g = k.gazetteer();
    let mut out = landmarks(r, paragraph, mentions, k);
    for m in g.find_names(text) {
        let start = para.start + m.start;
        let end = para.start + m.end;
        if para.is_skipped(start) {
            continue;
        }
        if out
            .iter()
            .any(|l: &PlaceMention| l.start <= start && end <= l.end)
        {
            continue;
        }
        let surface = &r.body[start..end];
        // Place names are capitalised ("Nice", not "nice"), every word of them.
        if !surface.split_whitespace().all(|w| {
            is_capitalised(w)
                || matches!(
                    w,
                    "of" | "the" | "de" | "el" | "al" | "la" | "upon" | "on" | "and"
                )
        }) {
            continue;
        }
        let Some((first, last)) = token_range(para, start, end) else {
            continue;
        };
        if para.title_case && !g.places[m.places[0] as usize].kind.le(&PlaceKind::Region) {
            // Headlines capitalise everything: only countries and regions there.
            continue;
        }
        if is_calendar_word(surface) || k.is_not_a_place(surface) || opens_a_title(r, first, last) {
            continue;
        }
        // Inside a person's or organisation's name: not a place of its own.
        let inside_name = mentions.iter().any(|n| {
            n.first <= first
                && last <= n.last
                && match n.kind {
                    NameKind::Person => true,
                    NameKind::Organization => !n.descriptive,
                    _ => false,
                }
        });
        if inside_name {
            continue;
        }
        // Part of a longer capitalised name that is not a place: "Mandalay Bay", "Granite
        // Mountain", "Yarnell Hill Fire", "Prescott Fire Station".
        let before_title = last + 1 < r.len()
            && r.is_word(last + 1)
            && (k.is_title_word(r.word(last + 1))
                || k.is_role_noun(r.word(last + 1))
                || k.title_at(&[r.word(last + 1)]).is_some());
        // A title after the place ("Boston Mayor X") leaves it a place; not after a name that
        // ends in the place's name ("a Wells Fargo spokeswoman").
        let in_other_run = mentions.iter().any(|n| {
            n.kind == NameKind::Unknown
                && !n.title_only
                && n.first <= first
                && last <= n.last
                && (n.first < first || n.last > last)
                && !(before_title && n.first == first)
                && !(n.last == last + 1
                    && REGION_WORDS.contains(&r.word(n.last).to_lowercase().as_str()))
        });
        if in_other_run {
            continue;
        }
        let single = !surface.contains(' ');
        let lower = surface.to_lowercase();
        let sentence_start = para.starts_sentence(first, r.body);
        let best = g.place(m.places[0]);
        let cue = context_cue(r, first, last);
        // A common word ("Police", "Split", "West", "Surprise") is a place only mid-sentence,
        // and only a country, a city of a million, or with a word that shows it is a place.
        let big = best.population >= 1_000_000
            || matches!(best.kind, PlaceKind::Country | PlaceKind::Continent);
        // Only a word written like a word can be a common word ("Western"), not "U.S." or "UK".
        let written_as_word = surface
            .chars()
            .skip(1)
            .all(|c| c.is_lowercase() || c == '-');
        let common = single && written_as_word && k.is_common_word(&lower);
        // "University", "Mission": a town named like the head of an organisation's name is
        // that name's word ("Temple University Hospital") unless it is shown to be a place.
        if single && written_as_word && k.is_org_head(&lower) && !big && cue.is_none() {
            continue;
        }
        if common && (sentence_start || !(big || cue.is_some())) {
            continue;
        }
        // "Northern Syria", "Western leaders": a common word before a name is its adjective.
        if common && last + 1 < r.len() && r.is_name_word(last + 1) {
            continue;
        }
        let region_hint = last + 1 < r.len()
            && r.is_word(last + 1)
            && REGION_WORDS.contains(&r.word(last + 1).to_lowercase().as_str());
        let ends_token = r.token(last).end == end;
        let speaks = ends_token
            && last + 1 < r.len()
            && r.is_word(last + 1)
            && k.cue(r.word(last + 1)).is_some()
            && !r.word(last + 1).ends_with("ing");
        // A small town that "said" something is a person who shares its name.
        if speaks
            && single
            && best.population < 1_000_000
            && best.kind == PlaceKind::City
            && cue.is_none()
        {
            continue;
        }
        // "Beijing said", "the Damascus regime", "Tehran-backed": the name stands for a government.
        let metonymy = speaks
            || backed_adjective(r, last)
            || (last + 1 < r.len()
                && r.is_word(last + 1)
                && matches!(
                    r.word(last + 1),
                    "regime" | "government" | "authorities" | "officials" | "leadership"
                ));
        // "Los Angeles County", "Minsk Oblast": a capitalised region word is part of the name.
        let (end, last) = if region_hint && is_capitalised(r.word(last + 1)) {
            (r.token(last + 1).end, last + 1)
        } else {
            (end, last)
        };
        let mut candidates = m.places.clone();
        if region_hint {
            candidates.sort_by_key(|&c| g.place(c).kind != PlaceKind::Region);
        } else {
            candidates = prefer_cities_over_same_named_regions(g, candidates);
        }
        let within = region_after_comma(r, last, k, &candidates);
        out.push(PlaceMention {
            start,
            end,
            candidates,
            region_hint,
            metonymy,
            cue,
            quoted: r.quoted[first],
            paragraph,
            first,
            last,
            within,
        });
    }
    out.extend(context_places(r, paragraph, mentions, &out, k));
    out.sort_by_key(|p| p.start);
    put_regions_after_commas_first(r, &mut out);
    out
}

/// "Orlando, Florida": the region named after a town's comma is the one the town lies in
/// (the US state, not the Puerto Rican municipality of that name), so it leads the region's
/// own candidates too.
fn put_regions_after_commas_first(r: &Reader, places: &mut [PlaceMention]) {
    for i in 1..places.len() {
        let Some(region) = places[i - 1].within else {
            continue;
        };
        let town_last = places[i - 1].last;
        if places[i].first == town_last + 2
            && r.is_punct(town_last + 1, ",")
            && let Some(pos) = places[i].candidates.iter().position(|&c| c == region)
        {
            let chosen = places[i].candidates.remove(pos);
            places[i].candidates.insert(0, chosen);
        }
    }
}

/// A bare name shared by a region and a city ("Aleppo") means the city, unless the city is
/// small; a region without a same-named city keeps its place.
fn prefer_cities_over_same_named_regions(
    g: &crate::knowledge::gazetteer::Gazetteer,
    mut candidates: Vec<u32>,
) -> Vec<u32> {
    let first_country = candidates.first().map(|&c| g.place(c).country.clone());
    if let Some(pos) = candidates.iter().position(|&c| {
        let p = g.place(c);
        p.kind == PlaceKind::City
            && p.population >= 50_000
            && Some(&p.country) == first_country.as_ref()
    }) && candidates[..pos]
        .iter()
        .all(|&c| g.place(c).kind == PlaceKind::Region)
    {
        let city = candidates.remove(pos);
        candidates.insert(0, city);
    }
    candidates
}

/// "Ontario, California", "Abingdon, Va.": the region or country named after a comma. Of
/// several regions of that name, the one holding one of the town's `candidates`.
fn region_after_comma(r: &Reader, last: usize, k: &Knowledge, candidates: &[u32]) -> Option<u32> {
    if !r.is_punct(last + 1, ",") || !r.is_word(last + 2) {
        return None;
    }
    let g = k.gazetteer();
    let w = r.word(last + 2);
    let with_dot = r.is_punct(last + 3, ".") && r.token(last + 3).start == r.token(last + 2).end;
    if with_dot && let Some(region) = g.region_abbreviation(&format!("{w}.")) {
        return Some(region);
    }
    // One or two words: "California", "New Mexico".
    for n in [2, 1] {
        if last + 1 + n >= r.len() || !(last + 2..last + 2 + n).all(|t| r.is_name_word(t)) {
            continue;
        }
        let name = &r.body[r.token(last + 2).start..r.token(last + 1 + n).end];
        let regions: Vec<u32> = g
            .lookup(name)
            .iter()
            .copied()
            .filter(|&p| g.place(p).kind <= PlaceKind::Region)
            .collect();
        let holds_the_town = |region: u32, by_name: bool| {
            let region = g.place(region);
            candidates.iter().any(|&c| {
                let town = g.place(c);
                town.country == region.country && (!by_name || town.admin1 == region.name)
            })
        };
        let best = (regions.iter().find(|&&p| holds_the_town(p, true)))
            .or_else(|| regions.iter().find(|&&p| holds_the_town(p, false)))
            .or(regions.first());
        if let Some(&p) = best {
            return Some(p);
        }
    }
    None
}

fn token_range(para: &Paragraph, start: usize, end: usize) -> Option<(usize, usize)> {
    let first = para
        .tokens
        .iter()
        .position(|t| t.start <= start && start < t.end)?;
    let last = para.tokens.iter().rposition(|t| t.end == end).or_else(|| {
        // "Tehran-backed": the name ends inside a token.
        para.tokens
            .iter()
            .rposition(|t| t.start < end && t.end >= end)
    })?;
    Some((first, last))
}

/// "Tehran-backed", "Beijing-controlled": the name starts an adjective about what its
/// government does (not "Washington-based", which is about the place).
fn backed_adjective(r: &Reader, last: usize) -> bool {
    let t = r.token(last);
    let word = r.word(last);
    t.kind == TokenKind::Word
        && word.split_once('-').is_some_and(|(_, after)| {
            matches!(
                after,
                "backed"
                    | "controlled"
                    | "led"
                    | "sponsored"
                    | "supported"
                    | "allied"
                    | "installed"
                    | "appointed"
                    | "aligned"
                    | "friendly"
                    | "funded"
                    | "imposed"
                    | "brokered"
            )
        })
}

/// The words that show a name is a place: "the town of X", "in X", "X region".
fn context_cue(r: &Reader, first: usize, last: usize) -> Option<String> {
    if first >= 2
        && r.is_word(first - 1)
        && r.word(first - 1) == "of"
        && r.is_word(first - 2)
        && PLACE_NOUNS.contains(&r.word(first - 2).to_lowercase().as_str())
    {
        return Some(format!("{} of", r.word(first - 2)));
    }
    if first >= 1 && r.is_word(first - 1) && PREPOSITIONS.contains(&r.word(first - 1)) {
        return Some(r.word(first - 1).to_string());
    }
    if last + 1 < r.len()
        && r.is_word(last + 1)
        && REGION_WORDS.contains(&r.word(last + 1).to_lowercase().as_str())
    {
        return Some(r.word(last + 1).to_string());
    }
    None
}

/// Named landmarks the gazetteer does not hold: a run of capitalised words ending in a place
/// word ("Griffith Park", "Tahrir Square", "Pennsylvania Avenue").
fn landmarks(
    r: &Reader,
    paragraph: usize,
    mentions: &[&Mention],
    k: &Knowledge,
) -> Vec<PlaceMention> {
    mentions
        .iter()
        .filter(|m| m.kind == NameKind::Unknown && m.word_count() >= 2 && !m.title_only)
        .filter(|m| {
            let last = m.name.split_whitespace().last().unwrap_or("");
            is_capitalised(last)
                && k.is_place_suffix(last)
                && !REGION_WORDS.contains(&last.to_lowercase().as_str())
        })
        .map(|m| {
            // "30th Street Station", "42nd Street": the ordinal is the name's first word.
            // "New Jersey's Seaside Park": an owner that is a known place is a place of its
            // own, not part of the name ("St. John's Church" keeps its saint).
            let after_owner = (m.first..m.last)
                .rev()
                .find(|&t| {
                    r.is_word(t) && crate::knowledge::strip_possessive(r.word(t)) != r.word(t)
                })
                .filter(|&t| t + 2 <= m.last)
                .filter(|&t| {
                    let owner = &r.body[r.token(m.first).start..r.token(t).end];
                    let owner = crate::knowledge::strip_possessive(owner);
                    k.country(owner).is_some() || k.gazetteer().is_place_name(owner)
                })
                .map(|t| t + 1);
            let first =
                after_owner.unwrap_or_else(|| ordinal_before(r, m.first).unwrap_or(m.first));
            PlaceMention {
                start: r.token(first).start,
                end: m.end,
                candidates: Vec::new(),
                region_hint: false,
                metonymy: false,
                cue: Some("landmark".to_string()),
                quoted: m.quoted,
                paragraph,
                first,
                last: m.last,
                within: None,
            }
        })
        .filter(|p| !r.para.title_case || p.quoted)
        .collect()
}

/// Whether the words from `first` to `last` begin a longer title: "Brig." of "Brig. Gen." is
/// no town.
fn opens_a_title(r: &Reader, first: usize, last: usize) -> bool {
    // Asked of every gazetteer match: the words go on the stack, not the heap.
    let mut words = [""; 4];
    let mut n = 0;
    for t in (first..r.len().min(first + 8)).filter(|&t| !r.is_punct(t, ".")) {
        if !r.is_word(t) || n == words.len() {
            break;
        }
        words[n] = r.word(t);
        n += 1;
    }
    let match_words = (first..=last).filter(|&t| r.is_word(t)).count();
    r.k.title_at(&words[..n])
        .is_some_and(|len| len > match_words)
}

/// The token opening an ordinal ("30th", read as "30" and "th") that ends just before `first`.
fn ordinal_before(r: &Reader, first: usize) -> Option<usize> {
    let suffix = first.checked_sub(1)?;
    let number = suffix.checked_sub(1)?;
    let adjacent = r.token(number).end == r.token(suffix).start;
    (adjacent
        && r.para.tokens[number].kind == TokenKind::Number
        && r.word(number).chars().all(|c| c.is_ascii_digit())
        && matches!(r.word(suffix), "st" | "nd" | "rd" | "th"))
    .then_some(number)
}

/// Places the gazetteer does not know, found from context: "the town of Yarnell", "X region",
/// "Yarnell, Arizona", or a spelling whose transliteration key is a known place's.
fn context_places(
    r: &Reader,
    paragraph: usize,
    mentions: &[&Mention],
    found: &[PlaceMention],
    k: &Knowledge,
) -> Vec<PlaceMention> {
    let g = k.gazetteer();
    let mut out = Vec::new();
    let taken = |i: usize| found.iter().any(|p| p.first <= i && i <= p.last);
    // "Abingdon, Va.": a region's abbreviation after a town and a comma.
    for i in 2..r.len() {
        if !r.is_punct(i - 1, ",") || !r.is_word(i) || !r.is_name_word(i - 2) {
            continue;
        }
        let with_dot = r.is_punct(i + 1, ".") && r.token(i + 1).start == r.token(i).end;
        let abbr = if with_dot {
            format!("{}.", r.word(i))
        } else {
            r.word(i).to_string()
        };
        if let Some(region) = g.region_abbreviation(&abbr) {
            let last = if with_dot { i + 1 } else { i };
            out.push(PlaceMention {
                start: r.token(i).start,
                end: r.token(last).end,
                candidates: vec![region],
                region_hint: true,
                metonymy: false,
                cue: Some(format!(", {abbr}")),
                quoted: r.quoted[i],
                paragraph,
                first: i,
                last,
                within: None,
            });
        }
    }
    for i in 0..r.len() {
        if !r.is_name_word(i)
            || taken(i)
            || r.para.title_case
            || out.iter().any(|p| p.first <= i && i <= p.last)
        {
            continue;
        }
        let in_name = mentions.iter().any(|n| {
            n.first <= i
                && i <= n.last
                && matches!(n.kind, NameKind::Person | NameKind::Organization)
                && !n.descriptive
        });
        if in_name {
            continue;
        }
        let w = r.word(i);
        // Without its apostrophe a contraction or possessive can take the key of a town
        // ("We’re", "Hillary’s"): neither is a place's other spelling.
        if crate::text::is_contraction(w) || crate::knowledge::strip_possessive(w) != w {
            continue;
        }
        if k.is_common_word(&w.to_lowercase())
            || k.country(w).is_some()
            || w.chars().count() < 4
            || k.is_not_a_place(w)
            || opens_a_title(r, i, i)
        {
            continue;
        }
        // Another spelling of a gazetteer place (Jabaliyya / Jabaliya).
        let translit = g.lookup_translit(w);
        let before_place_noun = i >= 2
            && r.is_word(i - 1)
            && r.word(i - 1) == "of"
            && r.is_word(i - 2)
            && PLACE_NOUNS.contains(&r.word(i - 2).to_lowercase().as_str());
        let region_after = i + 1 < r.len()
            && r.is_word(i + 1)
            && REGION_WORDS.contains(&r.word(i + 1).to_lowercase().as_str());
        // "Yarnell, Arizona": a name followed by a comma and a known region or country.
        let comma_region = r.is_punct(i + 1, ",")
            && r.is_word(i + 2)
            && (k.country_by_name(r.word(i + 2)).is_some()
                || g.lookup(r.word(i + 2))
                    .first()
                    .is_some_and(|&p| g.place(p).kind == PlaceKind::Region));
        let known_unknown = mentions
            .iter()
            .any(|n| n.first == i && n.last == i && n.kind == NameKind::Unknown);
        let cue = if before_place_noun {
            Some(format!("{} of", r.word(i - 2)))
        } else if region_after {
            Some(r.word(i + 1).to_string())
        } else if comma_region {
            Some(format!(", {}", r.word(i + 2)))
        } else {
            None
        };
        let candidates: Vec<u32> = translit.to_vec();
        if candidates.is_empty() && cue.is_none() {
            continue;
        }
        // "a predominantly Muslim area", "the Sicilian province of Enna": a word for a people
        // or an adjective of a place before a region word is no place's name.
        let adjective = k.is_group_word(w)
            || k.is_demonym(w)
            || ["ian", "ean", "ese"].iter().any(|end| w.ends_with(end));
        if candidates.is_empty() && adjective {
            continue;
        }
        if !candidates.is_empty() && cue.is_none() && !known_unknown {
            continue;
        }
        let within = region_after_comma(r, i, k, &candidates);
        // "St. Lucie County": an abbreviation opening the name is part of it.
        let first = if i >= 2
            && r.is_punct(i - 1, ".")
            && r.is_word(i - 2)
            && k.is_name_abbreviation(r.word(i - 2))
            && is_capitalised(r.word(i - 2))
        {
            i - 2
        } else {
            i
        };
        out.push(PlaceMention {
            start: r.token(first).start,
            end: r.token(i).end,
            candidates,
            region_hint: region_after,
            metonymy: false,
            cue,
            quoted: r.quoted[i],
            paragraph,
            first,
            last: i,
            within,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::knowledge::Knowledge;

    fn place_surfaces(markdown: &str) -> Vec<String> {
        let (body, _) = crate::load::markdown::read(markdown, 0);
        let x = crate::extract::extract(&body.text, &body.blocks, Knowledge::builtin());
        x.places
            .iter()
            .map(|p| body.text[p.start..p.end].to_string())
            .collect()
    }

    /// A contraction or a possessive is never another spelling of a town: with the apostrophe
    /// dropped, "We’re" has the transliteration key of a Brazilian town and "Hillary’s" of an
    /// Australian suburb, and a newsroom's year of articles named them thousands of times.
    #[test]
    fn contractions_and_possessives_are_not_spelling_variants_of_places() {
        let text = "We’re not going anywhere, she said.\n\nWe're staying. Hillary’s plan failed, \
                    and Hillary's aides knew it.\n\nThey’ll see. You’re right.";
        let found = place_surfaces(text);
        assert!(found.is_empty(), "{found:?}");
    }

    /// "Puerto Deseado, Santa Cruz": of the regions named Santa Cruz, the Argentine province
    /// holding the town, though the Bolivian department is bigger and is meant when alone.
    #[test]
    fn a_region_after_a_towns_comma_is_the_one_holding_the_town() {
        let text = "The ship docked at Puerto Deseado, Santa Cruz, on Monday.\n\n\
                    Flooding hit Santa Cruz on Tuesday.";
        let (body, _) = crate::load::markdown::read(text, 0);
        let k = Knowledge::builtin();
        let x = crate::extract::extract(&body.text, &body.blocks, k);
        let countries: Vec<(&str, &str)> = x
            .places
            .iter()
            .map(|p| {
                let best = k.gazetteer().place(p.candidates[0]);
                (&body.text[p.start..p.end], best.country.as_str())
            })
            .collect();
        assert_eq!(
            countries,
            [
                ("Puerto Deseado", "AR"),
                ("Santa Cruz", "AR"),
                ("Santa Cruz", "BO")
            ]
        );
    }
}
