//! One place per real place across the briefing.
//!
//! Place mentions from every article are resolved together, because the briefing as a whole
//! tells which of several same-named places is meant and which names are people:
//! - a small town whose name is the surname of a person named in the briefing, and that has
//!   no word around it showing it is a place, is that person ("Obama", "Kennedy");
//! - among same-named places, the one in the countries the briefing is about wins, and a small
//!   town in a country nothing else in the briefing is in is dropped;
//! - a word the gazetteer does not know, one letter from a place the briefing names
//!   (Yogyakatra / Yogyakarta), is a misspelling of it; a place found only from context ("the town
//!   of Yarnell") is recognised wherever else it is named.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::extract::Extraction;
use crate::extract::names::NameKind;
use crate::knowledge::Knowledge;
use crate::knowledge::gazetteer::{Gazetteer, PlaceKind};
use crate::load::Document;
use crate::model::{Place, Span};
use crate::slug::SlugSet;
use crate::text::{fold, translit_key, within_one_edit};

/// Per article, the (start, end, place id) of each place mention.
pub type PlaceSpans = Vec<Vec<(usize, usize, String)>>;

/// What a place mention resolved to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum PlaceKey {
    Gazetteer(u32),
    /// Known only from context: its folded name.
    Context(String),
}

/// A resolved mention: article, span, key, whether it was a spelling variant.
struct Resolved {
    article: usize,
    start: usize,
    end: usize,
    key: PlaceKey,
    metonymy: bool,
    variant_of: Option<String>,
}

/// Builds the briefing's places; returns them with, per article, the (start, end, place id) of
/// each mention.
pub fn link_places(
    documents: &[Document],
    extractions: &[Extraction],
    person_surnames: &HashSet<String>,
    k: &Knowledge,
) -> (Vec<Place>, PlaceSpans) {
    let g = k.gazetteer();
    let focus = country_focus(documents, extractions, g);
    let mut resolved: Vec<Resolved> = Vec::new();
    for (a, x) in extractions.iter().enumerate() {
        let body = &documents[a].body.text;
        let given_names = given_names_of_people(x);
        for p in &x.places {
            let surface = &body[p.start..p.end];
            if is_someones_given_name(p, surface, &given_names, g) {
                continue;
            }
            let key = match choose(p, surface, &focus, person_surnames, g) {
                Some(key) => key,
                None => continue,
            };
            resolved.push(Resolved {
                article: a,
                start: p.start,
                end: p.end,
                key,
                metonymy: p.metonymy,
                variant_of: None,
            });
        }
    }
    drop_names_that_are_people(documents, extractions, &mut resolved, g, k);
    add_variants_and_context_names(documents, extractions, &mut resolved, g);
    build(documents, extractions, resolved, g)
}

/// How strongly each country figures in the briefing: countries named, and the countries of
/// regions and of places named with a word that shows they are places.
fn country_focus(
    documents: &[Document],
    extractions: &[Extraction],
    g: &Gazetteer,
) -> HashMap<String, usize> {
    let mut focus: HashMap<String, usize> = HashMap::default();
    for (a, x) in extractions.iter().enumerate() {
        for p in &x.places {
            let Some(&best) = p.candidates.first() else {
                continue;
            };
            let place = g.place(best);
            // A common word ("Western") is no evidence for its country.
            let surface = &documents[a].body.text[p.start..p.end];
            if is_common(surface) && place.kind != PlaceKind::Country {
                continue;
            }
            // Evidence for a country, unless a sizeable place of the same name lies in another
            // ("Gaza": a province of Mozambique and a city of Palestine; a cue such as "in"
            // says it is a place, not which).
            let contested = p.candidates[1..].iter().any(|&c| {
                let other = g.place(c);
                other.country != place.country
                    && (other.kind == PlaceKind::Region || other.population >= 100_000)
            });
            let confident = !contested
                && (p.candidates.len() == 1
                    || matches!(place.kind, PlaceKind::Country | PlaceKind::Region)
                    || place.population >= 500_000
                    || p.cue.is_some());
            if confident && !place.country.is_empty() {
                *focus.entry(place.country.clone()).or_default() += 1;
            }
        }
    }
    focus
}

/// The first words of the people an article names in full ("Alexander Pinczowski").
fn given_names_of_people(x: &Extraction) -> HashSet<String> {
    x.entities
        .iter()
        .filter(|e| e.kind == crate::model::EntityKind::Person)
        .filter_map(|e| {
            let mut words = e.name.split_whitespace();
            let first = words.next()?;
            words.next().map(|_| translit_key(first))
        })
        .collect()
}

/// "Alexander and Sascha were not among them", "fun of Syed's beard": a person's given name
/// alone, in the article that names them in full, is that person and not a small town the
/// gazetteer only knows by another name (Alexander City, Sik), nor a place it does not know
/// that nothing around calls a place. A town called so itself stays ("terrorized Austin").
fn is_someones_given_name(
    p: &crate::extract::places::PlaceMention,
    surface: &str,
    given_names: &HashSet<String>,
    g: &Gazetteer,
) -> bool {
    let bare = crate::knowledge::strip_possessive(surface);
    if bare.contains(' ') || !given_names.contains(&translit_key(bare)) {
        return false;
    }
    match p.candidates.first() {
        None => p.cue.is_none(),
        Some(&c) => {
            let place = g.place(c);
            let small_town = place.kind == PlaceKind::City && place.population < 1_000_000;
            let called_so = fold(&place.name) == fold(bare);
            small_town && !called_so && !p.has_place_cue()
        }
    }
}

/// The place a mention stands for, or none when it is not a place after all.
fn choose(
    p: &crate::extract::places::PlaceMention,
    surface: &str,
    focus: &HashMap<String, usize>,
    person_surnames: &HashSet<String>,
    g: &Gazetteer,
) -> Option<PlaceKey> {
    let single = !surface.trim_end_matches('.').contains(' ');
    // A person of the briefing who shares the name, with nothing saying "place".
    let persons_name =
        || single && !p.has_place_cue() && person_surnames.contains(&translit_key(surface));
    if p.candidates.is_empty() {
        if persons_name() {
            return None;
        }
        return Some(PlaceKey::Context(fold(surface)));
    }
    let best = g.place(p.candidates[0]);
    let small_town = best.kind == PlaceKind::City && best.population < 1_000_000;
    // A small town with the name of a person of the briefing: the person.
    if small_town && p.within.is_none() && persons_name() {
        return None;
    }
    // Among same-named places, the one in the countries the briefing is about.
    let weight = |c: u32| focus.get(&g.place(c).country).copied().unwrap_or(0);
    let within = p.within.map(|w| g.place(w));
    let in_named_region = |c: u32| {
        within.is_some_and(|w| {
            let place = g.place(c);
            (w.kind == PlaceKind::Country && place.country == w.country)
                || (w.kind == PlaceKind::Region
                    && place.country == w.country
                    && fold(&place.admin1) == fold(&w.name))
        })
    };
    // "Georgia" in a briefing about the United States: the state, not the country, when most
    // of the briefing is in the state's country, and five times more than in the other
    // ("Luxembourg" in a story about Brussels stays the country).
    let total: usize = focus.values().sum();
    let region_of_the_briefings_country = (best.kind == PlaceKind::Country)
        .then(|| {
            p.candidates.iter().copied().find(|&c| {
                let place = g.place(c);
                place.kind == PlaceKind::Region
                    && place.country != best.country
                    && weight(c) >= 5 * weight(p.candidates[0]).max(1)
                    && weight(c) * 2 > total
            })
        })
        .flatten();
    let chosen = if p.region_hint {
        p.candidates[0]
    } else if let Some(region) = region_of_the_briefings_country {
        region
    } else if let Some(&c) = p.candidates.iter().find(|&&c| in_named_region(c)) {
        // "Ontario, California": the Ontario in California.
        c
    } else if best.population >= 500_000
        && (weight(p.candidates[0]) > 0
            || !p
                .candidates
                .iter()
                .any(|&c| g.place(c).population >= 100_000 && weight(c) > 0))
    {
        // A major city ("Berlin") is meant over a namesake town in a country of the briefing,
        // and over a city of its own there unless nothing else in the briefing is in the major
        // city's country ("Newcastle" in a British story).
        p.candidates[0]
    } else {
        let top_kind = best.kind;
        *p.candidates
            .iter()
            .filter(|&&c| g.place(c).kind == top_kind || weight(c) > 0)
            .max_by_key(|&&c| {
                (
                    weight(c) > 0,
                    g.place(c).kind == top_kind,
                    weight(c),
                    std::cmp::Reverse(p.candidates.iter().position(|x| *x == c)),
                )
            })
            .unwrap_or(&p.candidates[0])
    };
    let place = g.place(chosen);
    // A common word that names a place ("Western", "East") in a country nothing else in the
    // briefing is in.
    if single
        && place.kind != PlaceKind::Country
        && weight(chosen) == 0
        && surface.chars().next().is_some_and(char::is_uppercase)
        && is_common(surface)
    {
        return None;
    }
    // A small town with no word showing it is a place, in a country nothing else in the
    // briefing is in, is more likely a name that happens to be a town's.
    if place.kind == PlaceKind::City
        && place.population < 50_000
        && p.cue.is_none()
        && weight(chosen) == 0
    {
        return None;
    }
    Some(PlaceKey::Gazetteer(chosen))
}

/// A small town that the briefing only ever names as a bare word that is also a common
/// surname or given name ("Jones", "Caldwell", "Maria"), with nothing around it showing it is
/// a place, is a person more often than a town.
fn drop_names_that_are_people(
    documents: &[Document],
    extractions: &[Extraction],
    resolved: &mut Vec<Resolved>,
    g: &Gazetteer,
    k: &Knowledge,
) {
    let mut confirmed: HashSet<PlaceKey> = HashSet::default();
    let mut cue_at: HashSet<(usize, usize)> = HashSet::default();
    for (a, x) in extractions.iter().enumerate() {
        for p in &x.places {
            if p.cue.is_some() || p.within.is_some() {
                cue_at.insert((a, p.start));
            }
        }
    }
    for r in resolved.iter() {
        if cue_at.contains(&(r.article, r.start)) {
            confirmed.insert(r.key.clone());
        }
    }
    resolved.retain(|r| {
        let PlaceKey::Gazetteer(i) = &r.key else {
            return true;
        };
        let place = g.place(*i);
        if confirmed.contains(&r.key)
            || place.kind != PlaceKind::City
            || place.population >= 100_000
        {
            return true;
        }
        let surface = &documents[r.article].body.text[r.start..r.end];
        let single = !surface.contains(' ');
        !(single && (k.is_common_surname(surface) || k.given_name(surface).is_some()))
    });
}

fn is_common(word: &str) -> bool {
    crate::knowledge::Knowledge::builtin().is_common_word(&word.to_lowercase())
}

/// Misspellings of places the briefing names, and context-only places named elsewhere.
fn add_variants_and_context_names(
    documents: &[Document],
    extractions: &[Extraction],
    resolved: &mut Vec<Resolved>,
    g: &Gazetteer,
) {
    // Names of the places found so far, by transliteration key, blocked by first two letters.
    let mut known: HashMap<String, Vec<(String, PlaceKey)>> = HashMap::default();
    // A place known only from context, and the articles whose context shows it: only there
    // is the bare name read as the place. Across a big briefing one "the town of X" would
    // otherwise turn every unexplained X (a surname, a product) into that place.
    let mut context_names: HashMap<String, (PlaceKey, HashSet<usize>)> = HashMap::default();
    let mut seen_keys: HashSet<String> = HashSet::default();
    // The spans already resolved, by article, so a name inside one is skipped.
    let mut spans_of: HashMap<usize, Vec<(usize, usize)>> = HashMap::default();
    for r in resolved.iter() {
        spans_of
            .entry(r.article)
            .or_default()
            .push((r.start, r.end));
    }
    for r in resolved.iter() {
        let surface = &documents[r.article].body.text[r.start..r.end];
        let key = translit_key(surface);
        if key.len() < 5 || key.contains(' ') {
            continue;
        }
        if seen_keys.insert(key.clone()) {
            let block: String = key.chars().take(2).collect();
            known.entry(block).or_default().push((key, r.key.clone()));
        }
        if let PlaceKey::Context(name) = &r.key {
            context_names
                .entry(name.clone())
                .or_insert_with(|| (r.key.clone(), HashSet::default()))
                .1
                .insert(r.article);
        }
    }
    let mut added = Vec::new();
    for (a, x) in extractions.iter().enumerate() {
        let body = &documents[a].body.text;
        for &(start, end) in &x.unknown_names {
            let inside_resolved = spans_of
                .get(&a)
                .is_some_and(|spans| spans.iter().any(|&(s, e)| s <= start && end <= e));
            if inside_resolved {
                continue;
            }
            let surface = &body[start..end];
            if let Some((key, articles)) = context_names.get(&fold(surface)) {
                if !articles.contains(&a) {
                    continue;
                }
                added.push(Resolved {
                    article: a,
                    start,
                    end,
                    key: key.clone(),
                    metonymy: false,
                    variant_of: None,
                });
                continue;
            }
            let t = translit_key(surface);
            if t.chars().count() < 6 {
                continue;
            }
            let block: String = t.chars().take(2).collect();
            let Some(list) = known.get(&block) else {
                continue;
            };
            // Countries' names are standard; a word one letter from one is another word
            // ("Israeli", "Kuwaiti"), not a misspelling.
            let is_country = |key: &PlaceKey| matches!(key, PlaceKey::Gazetteer(i) if g.place(*i).kind <= PlaceKind::Country);
            let matches: Vec<&(String, PlaceKey)> = list
                .iter()
                .filter(|(name, key)| within_one_edit(name, &t) && !is_country(key))
                .filter(|(_, key)| match key {
                    PlaceKey::Context(n) => context_names
                        .get(n)
                        .is_some_and(|(_, articles)| articles.contains(&a)),
                    PlaceKey::Gazetteer(_) => true,
                })
                .collect();
            // Only an unambiguous match: one place one letter away.
            let keys: HashSet<&PlaceKey> = matches.iter().map(|(_, key)| key).collect();
            if keys.len() == 1 {
                let key = matches[0].1.clone();
                let of = match &key {
                    PlaceKey::Gazetteer(i) => g.place(*i).name.clone(),
                    PlaceKey::Context(n) => n.clone(),
                };
                added.push(Resolved {
                    article: a,
                    start,
                    end,
                    key,
                    metonymy: false,
                    variant_of: Some(of),
                });
            }
        }
    }
    let _ = NameKind::Unknown;
    resolved.extend(added);
}

/// Whether a mention's surface can stand as the place's name on its page: not an abbreviation
/// ("Va.", "Colo.") and not the gazetteer's name in a dateline's capitals ("PARIS"). Capitals
/// that only sound like the name ("GLAAD" for "Glad") stay as written, so a wrong match shows.
fn written_as_a_name(surface: &str, gazetteer_name: &str) -> bool {
    let shouted = surface.chars().filter(|c| c.is_alphabetic()).count() > 1
        && !surface.chars().any(char::is_lowercase)
        && gazetteer_name.chars().any(char::is_lowercase)
        && fold(surface) == fold(gazetteer_name);
    !surface.ends_with('.') && !shouted
}

fn build(
    documents: &[Document],
    extractions: &[Extraction],
    resolved: Vec<Resolved>,
    g: &Gazetteer,
) -> (Vec<Place>, PlaceSpans) {
    let _ = extractions;
    let mut groups: BTreeMap<PlaceKey, Vec<&Resolved>> = BTreeMap::new();
    for r in &resolved {
        groups.entry(r.key.clone()).or_default().push(r);
    }
    // City names shared with a region of the briefing: the region's page says so.
    let city_names: HashSet<String> = groups
        .keys()
        .filter_map(|k| match k {
            PlaceKey::Gazetteer(i) if g.place(*i).kind == PlaceKind::City => {
                Some(fold(&g.place(*i).name))
            }
            _ => None,
        })
        .collect();
    struct Draft {
        name: String,
        place: Place,
    }
    let mut drafts: Vec<Draft> = Vec::new();
    for (key, members) in &groups {
        let mut surfaces: BTreeMap<String, usize> = BTreeMap::new();
        let mut variants_noted = Vec::new();
        let mut metonymy: Vec<String> = Vec::new();
        for r in members {
            let surface = documents[r.article].body.text[r.start..r.end].to_string();
            *surfaces.entry(surface.clone()).or_default() += 1;
            if let Some(of) = &r.variant_of {
                let note = format!(
                    "\"{surface}\" is read as a misspelling of {of}: it is one letter away, and no other place of the briefing is."
                );
                if !variants_noted.contains(&note) {
                    variants_noted.push(note);
                }
            }
            if r.metonymy {
                let body = &documents[r.article].body.text;
                let phrase_end = body[r.end..]
                    .find([' ', ',', '.', ';', ':'])
                    .map_or(body.len(), |i| r.end + i);
                let next_word_end = body[phrase_end..]
                    .char_indices()
                    .skip(1)
                    .find(|(_, c)| !c.is_alphabetic())
                    .map_or(body.len(), |(i, _)| phrase_end + i);
                let phrase = body[r.start..next_word_end].trim().to_string();
                if !metonymy.contains(&phrase) {
                    metonymy.push(phrase);
                }
            }
        }
        // The spelling the articles use most (not counting misspellings).
        let misspelt: HashSet<&str> = members
            .iter()
            .filter(|r| r.variant_of.is_some())
            .map(|r| &documents[r.article].body.text[r.start..r.end])
            .collect();
        let name = surfaces
            .iter()
            .filter(|(s, _)| !misspelt.contains(s.as_str()))
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .or_else(|| surfaces.iter().next())
            .map(|(s, _)| s.clone())
            .unwrap_or_default();
        let (mut place, gaz_name) = match key {
            PlaceKey::Gazetteer(i) => {
                let p = g.place(*i);
                // Countries go by their name ("United States", not "U.S."), and so does a place
                // the articles only abbreviate ("Va.") or write in a dateline's capitals ("PARIS").
                let mut display = if p.kind <= PlaceKind::Country {
                    p.name.clone()
                } else {
                    surfaces
                        .iter()
                        .filter(|(s, _)| !misspelt.contains(s.as_str()) && written_as_a_name(s, &p.name))
                        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                        .map_or_else(|| p.name.clone(), |(s, _)| s.clone())
                };
                if p.kind == PlaceKind::Region && city_names.contains(&fold(&p.name)) && fold(&display) == fold(&p.name) {
                    display = format!("{display} region");
                }
                (
                    Place {
                        id: String::new(),
                        name: display,
                        aliases: Vec::new(),
                        lat: p.lat,
                        lon: p.lon,
                        country: (!p.country.is_empty()).then(|| p.country.clone()),
                        page: String::new(),
                        mentions: Vec::new(),
                        kind: p.kind.as_str().to_string(),
                        population: (p.population > 0).then_some(p.population),
                        in_gazetteer: true,
                        articles: Vec::new(),
                        quotes: Vec::new(),
                        figures: Vec::new(),
                        related: Vec::new(),
                        notes: Vec::new(),
                    },
                    Some(p.name.clone()),
                )
            }
            PlaceKey::Context(_) => (
                Place {
                    id: String::new(),
                    name: name.clone(),
                    aliases: Vec::new(),
                    lat: None,
                    lon: None,
                    country: None,
                    page: String::new(),
                    mentions: Vec::new(),
                    kind: "other".to_string(),
                    population: None,
                    in_gazetteer: false,
                    articles: Vec::new(),
                    quotes: Vec::new(),
                    figures: Vec::new(),
                    related: Vec::new(),
                    notes: vec!["Not in the gazetteer: found from the words around it, and shown without coordinates.".to_string()],
                },
                None,
            ),
        };
        let display = place.name.clone();
        let mut aliases: Vec<String> = surfaces
            .keys()
            .filter(|s| fold(s) != fold(&display))
            .cloned()
            .collect();
        if let Some(gn) = gaz_name
            && fold(&gn) != fold(&display)
            && !aliases.iter().any(|a| fold(a) == fold(&gn))
        {
            aliases.push(gn);
        }
        place.aliases = aliases;
        place.notes.extend(variants_noted);
        if !metonymy.is_empty() {
            let quoted: Vec<String> = metonymy.iter().map(|m| format!("\"{m}\"")).collect();
            place.notes.push(format!(
                "The name also stands for the place's government in {}; these are counted as mentions of the place.",
                quoted.join(", ")
            ));
        }
        // A set beside the list: a place named in most articles must not rescan its list.
        let mut listed: HashSet<usize> = HashSet::default();
        for r in members {
            let doc = &documents[r.article];
            place.mentions.push(Span {
                article: doc.id.clone(),
                text: doc.body.text[r.start..r.end].to_string(),
                start: r.start,
                end: r.end,
            });
            if listed.insert(r.article) {
                place.articles.push(doc.id.clone());
            }
        }
        place
            .mentions
            .sort_by(|a, b| (&a.article, a.start).cmp(&(&b.article, b.start)));
        drafts.push(Draft {
            name: place.name.clone(),
            place,
        });
    }
    // Two places of the same name (a city and its region): the region says so.
    let names: Vec<String> = drafts.iter().map(|d| fold(&d.name)).collect();
    for (i, d) in drafts.iter_mut().enumerate() {
        let shared = names
            .iter()
            .enumerate()
            .any(|(j, n)| j != i && *n == names[i]);
        if shared && d.place.kind == "region" {
            d.name = format!("{} region", d.name);
            d.place.name = d.name.clone();
        }
    }
    drafts.sort_by(|a, b| {
        fold(&a.name)
            .cmp(&fold(&b.name))
            .then(a.place.country.cmp(&b.place.country))
    });
    let mut slugs = SlugSet::new();
    let mut places: Vec<Place> = drafts
        .into_iter()
        .map(|d| {
            let mut p = d.place;
            p.id = slugs.claim(&p.name);
            p.page = crate::link::paths::place(&p.id);
            p
        })
        .collect();
    // Places named together in a paragraph.
    let doc_of: HashMap<&str, &Document> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut by_paragraph: HashMap<(String, usize), Vec<usize>> = HashMap::default();
    for (i, p) in places.iter().enumerate() {
        for m in &p.mentions {
            let doc = doc_of[m.article.as_str()];
            let para = doc
                .body
                .blocks
                .iter()
                .position(|b| b.start <= m.start && m.end <= b.end)
                .unwrap_or(0);
            let list = by_paragraph.entry((m.article.clone(), para)).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }
    let mut related: Vec<HashMap<usize, usize>> = vec![HashMap::default(); places.len()];
    let mut keys: Vec<&(String, usize)> = by_paragraph.keys().collect();
    keys.sort();
    for key in keys {
        let list = &by_paragraph[key];
        for &a in list {
            for &b in list {
                if a != b {
                    *related[a].entry(b).or_default() += 1;
                }
            }
        }
    }
    let ids: Vec<String> = places.iter().map(|p| p.id.clone()).collect();
    for (i, p) in places.iter_mut().enumerate() {
        let mut r: Vec<(String, usize)> = related[i]
            .iter()
            .map(|(&j, &n)| (ids[j].clone(), n))
            .collect();
        r.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        r.truncate(12);
        p.related = r;
    }
    let mut per_article: Vec<Vec<(usize, usize, String)>> = vec![Vec::new(); documents.len()];
    let index: HashMap<&str, usize> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    for p in &places {
        for m in &p.mentions {
            per_article[index[m.article.as_str()]].push((m.start, m.end, p.id.clone()));
        }
    }
    for list in &mut per_article {
        list.sort();
    }
    (places, per_article)
}
