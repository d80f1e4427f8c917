//! Stage 3, `link`: across the corpus, resolve names and variants, cluster quotations, group
//! figures into measures, find disputes, and assemble the [`Briefing`].

pub mod corrections;
mod corrections_apply;
pub mod figures;
pub mod people;
pub mod places;
pub mod quotes;
mod union_find;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::config::{BaseUrl, Config};
use crate::extract::Extraction;
use crate::knowledge::Knowledge;
use crate::load::Document;
use crate::model::{
    Article, Briefing, EntityKind, Notice, Outlet, Person, Quote, QuoteOccurrence, SCHEMA, Span,
};
use crate::slug::SlugSet;
use corrections_apply::Used;

/// Site paths of the page kinds; templates and links are built from these.
pub mod paths {
    pub fn article(id: &str) -> String {
        format!("/articles/{id}/")
    }
    pub fn outlet(id: &str) -> String {
        format!("/outlets/{id}/")
    }
    pub fn person(id: &str) -> String {
        format!("/people/{id}/")
    }
    pub fn place(id: &str) -> String {
        format!("/places/{id}/")
    }
    pub fn quote(id: &str) -> String {
        format!("/quotes/{id}/")
    }
    pub fn figure(id: &str) -> String {
        format!("/figures/{id}/")
    }
}

/// Builds the briefing from the loaded documents and what was extracted from each.
pub fn link(
    config: &Config,
    documents: &[Document],
    extractions: &[Extraction],
    knowledge: &Knowledge,
) -> Briefing {
    let fixes = &config.corrections;
    let mut used = Used::default();
    // Articles and spans the editor excluded are left out before anything is linked.
    let kept = corrections_apply::exclude(fixes, documents, extractions, &mut used);
    let documents: &[Document] = &kept.documents;
    let extractions: &[Extraction] = &kept.extractions;

    let base = BaseUrl::new(config.base_url.as_deref());
    let outlets = outlets_of(documents);
    let mut articles: Vec<Article> = {
        use rayon::prelude::*;
        documents
            .par_iter()
            .map(|d| article_of(d, &outlets))
            .collect()
    };
    for a in &mut articles {
        if let Some(notes) = kept.notes.get(&a.id) {
            a.notes.clone_from(notes);
        }
    }
    let mut notices = Vec::new();

    let mut aliases = config.aliases.clone();
    aliases.extend(corrections_apply::alias_rules(fixes));
    let mut linked = people::link_people(extractions, &aliases, knowledge);
    people::outlets_are_organisations(&mut linked, outlets.keys());
    let (page_order, person_ids) = person_pages(&linked, extractions);
    let surnames: rustc_hash::FxHashSet<String> = linked
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .flat_map(|e| e.forms.keys())
        // "X of Boston" is somebody from a place, not a person surnamed Boston.
        .filter(|f| {
            f.split_whitespace().count() >= 2 && !f.contains(" of ") && !f.contains(" from ")
        })
        .filter_map(|f| f.split_whitespace().last().map(crate::text::translit_key))
        .collect();
    let person_of = |a: usize, local: usize| person_ids[linked.of_local[a][local]].clone();
    // The people's pages, the quotations, and the places with their figures do not depend on
    // each other, and each takes seconds at scale.
    let places_and_figures = || {
        let mut used = Used::default();
        let (mut places, place_spans) =
            places::link_places(documents, extractions, &surnames, knowledge);
        corrections_apply::places(fixes, &mut places, &mut used);
        let place_names: HashMap<String, String> = places
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        let mut notices = Vec::new();
        let figures = figures::link_figures(
            documents,
            extractions,
            &person_of,
            &place_spans,
            &place_names,
            knowledge,
            &mut notices,
        );
        (places, figures, notices, used)
    };
    let (mut people, (mut quotes, (mut places, mut figures, figure_notices, places_used))) =
        rayon::join(
            || people_of(&linked, documents, extractions, &page_order, &person_ids),
            || {
                rayon::join(
                    || quotes_of(documents, extractions, &linked, &person_ids, knowledge),
                    places_and_figures,
                )
            },
        );
    used.extend(places_used);
    corrections_apply::people_notes(fixes, &mut people, &mut used);
    corrections_apply::speakers(fixes, &mut quotes, &mut people, &mut used);
    quote_notices(&quotes, documents, extractions, &mut notices);
    notices.extend(figure_notices);
    corrections_apply::figures(fixes, &mut figures, &mut used);
    cross_reference(&mut people, &mut places, &quotes, &figures);
    for (surname, articles_using) in &linked.ambiguous {
        for &a in articles_using {
            notices.push(Notice {
                kind: "ambiguous-name".to_string(),
                message: format!("\"{surname}\" could be any of several people with that surname; it was not joined to any of them"),
                article: Some(documents[a].id.clone()),
                start: None,
                end: None,
                page: Some(paths::article(&documents[a].id)),
            });
        }
    }
    for (a, ids) in linked.of_local.iter().enumerate() {
        let mut seen = Vec::new();
        for &g in ids.iter().filter(|&&g| linked.entities[g].is_event) {
            if seen.contains(&g) {
                continue;
            }
            seen.push(g);
            let name = linked.entities[g].display_name();
            notices.push(Notice {
                kind: "event-name".to_string(),
                message: format!(
                    "\"{name}\" is an event's name elsewhere in the briefing, so what this article says of it is credited to nobody"
                ),
                article: Some(documents[a].id.clone()),
                start: None,
                end: None,
                page: Some(paths::article(&documents[a].id)),
            });
        }
    }
    for stale in used.unmatched(fixes) {
        notices.push(Notice {
            kind: "stale-correction".to_string(),
            message: format!(
                "the correction {stale} in crossbrief.yaml no longer matches anything"
            ),
            article: None,
            start: None,
            end: None,
            page: None,
        });
    }
    // Quote order on a person's page: carried by the most articles first.
    let carried: HashMap<&str, usize> = quotes
        .iter()
        .map(|q| (q.id.as_str(), q.occurrences.len()))
        .collect();
    for p in &mut people {
        p.quotes
            .sort_by(|a, b| carried[b.as_str()].cmp(&carried[a.as_str()]).then(a.cmp(b)));
    }
    notices.sort_by(|a, b| (&a.kind, &a.article, a.start).cmp(&(&b.kind, &b.article, b.start)));

    Briefing {
        schema: SCHEMA.to_string(),
        title: config
            .title
            .clone()
            .unwrap_or_else(|| "Briefing".to_string()),
        description: config.description.clone(),
        base_url: base.full,
        language: config.language().to_string(),
        articles,
        outlets: outlets.into_values().collect(),
        people,
        places,
        quotes,
        figures,
        notices,
        excluded: kept.excluded,
    }
}

/// Links between entities, through the articles they share (indexed by article, never all
/// pairs): a person's quotations and figures, a place's quotations and figures.
fn cross_reference(
    people: &mut [Person],
    places: &mut [crate::model::Place],
    quotes: &[Quote],
    figures: &[crate::model::Figure],
) {
    let person_index: HashMap<String, usize> = people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    for q in quotes {
        if let Some(&i) = q.speaker.as_ref().and_then(|s| person_index.get(s)) {
            people[i].quotes.push(q.id.clone());
        }
    }
    for f in figures {
        for c in &f.claims {
            // Claims of one group come together, so a repeat is always the last one added.
            if let Some(&i) = c.claimant.as_ref().and_then(|s| person_index.get(s))
                && people[i].figures.last() != Some(&f.id)
            {
                people[i].figures.push(f.id.clone());
            }
        }
    }
    // Place mentions by article, to find the quotations and figures that name each place.
    let mut mentions_by_article: HashMap<&str, Vec<(usize, usize, usize, &str)>> =
        HashMap::default();
    for (pi, p) in places.iter().enumerate() {
        for m in &p.mentions {
            mentions_by_article
                .entry(m.article.as_str())
                .or_default()
                .push((m.start, m.end, pi, m.text.as_str()));
        }
    }
    let mut place_quotes: Vec<Vec<String>> = vec![Vec::new(); places.len()];
    let mut place_figures: Vec<Vec<String>> = vec![Vec::new(); places.len()];
    for q in quotes {
        for o in &q.occurrences {
            for &(s, e, pi, _) in mentions_by_article
                .get(o.article.as_str())
                .into_iter()
                .flatten()
            {
                if o.start <= s && e <= o.end && place_quotes[pi].last() != Some(&q.id) {
                    place_quotes[pi].push(q.id.clone());
                }
            }
        }
    }
    for f in figures {
        for c in &f.claims {
            // A place is named by a claim whose sentence holds one of the place's forms used
            // in that article.
            for &(_, _, pi, text) in mentions_by_article
                .get(c.article.as_str())
                .into_iter()
                .flatten()
            {
                if c.sentence.contains(text) && place_figures[pi].last() != Some(&f.id) {
                    place_figures[pi].push(f.id.clone());
                }
            }
        }
    }
    for (i, p) in places.iter_mut().enumerate() {
        p.quotes = std::mem::take(&mut place_quotes[i]);
        p.figures = std::mem::take(&mut place_figures[i]);
    }
}

/// Which global entities get a page (a person or organisation that is quoted, makes a
/// statement, or is a named person with a role), in page order, and the model id of every
/// global entity (None for those without a page). Cheap: the spans are gathered afterwards by
/// [`people_of`], beside the other linking that needs these ids.
fn person_pages(
    linked: &people::People,
    extractions: &[Extraction],
) -> (Vec<usize>, Vec<Option<String>>) {
    let n = linked.entities.len();
    let mut speaks: Vec<bool> = vec![false; n];
    for (a, x) in extractions.iter().enumerate() {
        let ids = &linked.of_local[a];
        for s in &x.statements {
            speaks[ids[s.speaker]] = true;
        }
        for q in &x.quotes {
            if let Some(s) = q.speaker {
                speaks[ids[s]] = true;
            }
        }
    }
    let gets_page = |g: usize| {
        let e = &linked.entities[g];
        !e.is_event
            && (speaks[g]
                || (e.kind == EntityKind::Person && !e.surname_only && !e.roles.is_empty()))
    };
    let mut order: Vec<usize> = (0..n).filter(|&g| gets_page(g)).collect();
    order.sort_by_key(|&g| (crate::text::fold(&linked.entities[g].display_name()), g));
    let mut slugs = SlugSet::new();
    let mut ids: Vec<Option<String>> = vec![None; n];
    for &g in &order {
        ids[g] = Some(slugs.claim(&linked.entities[g].display_name()));
    }
    (order, ids)
}

/// The pages of the people and organisations [`person_pages`] chose, with what each said and
/// where each is named.
fn people_of(
    linked: &people::People,
    documents: &[Document],
    extractions: &[Extraction],
    order: &[usize],
    ids: &[Option<String>],
) -> Vec<Person> {
    let n = linked.entities.len();
    let mut statements: Vec<Vec<Span>> = vec![Vec::new(); n];
    let mut mentions: Vec<Vec<Span>> = vec![Vec::new(); n];
    let mut articles: Vec<Vec<String>> = vec![Vec::new(); n];
    for (a, (doc, x)) in documents.iter().zip(extractions).enumerate() {
        let globals = &linked.of_local[a];
        let span = |start: usize, end: usize| Span {
            article: doc.id.clone(),
            text: doc.body.text[start..end].to_string(),
            start,
            end,
        };
        for s in &x.statements {
            let g = globals[s.speaker];
            if ids[g].is_some() {
                statements[g].push(span(s.start, s.end));
            }
        }
        for m in &x.mentions {
            if let Some(g) = m.entity.map(|e| globals[e])
                && ids[g].is_some()
            {
                mentions[g].push(span(m.start, m.end));
            }
        }
        for &g in globals {
            // Articles come one at a time, so a repeat can only be the last one added.
            if ids[g].is_some() && articles[g].last() != Some(&doc.id) {
                articles[g].push(doc.id.clone());
            }
        }
    }
    order
        .iter()
        .map(|&g| {
            let e = &linked.entities[g];
            let id = ids[g]
                .clone()
                .expect("every entity in the page order has an id");
            let mut notes = e.notes.clone();
            let aliases = e.aliases();
            if !aliases.is_empty() {
                notes.push(format!(
                    "Joined as one {}: {}.",
                    if e.kind == EntityKind::Person {
                        "person"
                    } else {
                        "organisation"
                    },
                    join_reason(e)
                ));
            }
            Person {
                page: paths::person(&id),
                id,
                name: e.display_name(),
                kind: e.kind,
                aliases,
                roles: e.roles.clone(),
                statements: std::mem::take(&mut statements[g]),
                mentions: std::mem::take(&mut mentions[g]),
                quotes: Vec::new(),
                figures: Vec::new(),
                articles: std::mem::take(&mut articles[g]),
                notes,
            }
        })
        .collect()
}

fn join_reason(e: &people::Global) -> String {
    match e.kind {
        EntityKind::Person => "the same given name (or a short form of it, such as Joe for Joseph) with surnames that differ only by transliteration or one letter, a compound surname used without the given name, and surname-only mentions of the only person with that surname, or of the only one of them holding the title they are given".to_string(),
        EntityKind::Organization => format!(
            "the same country ({}) and the same body once word order, spelling and abbreviations are set aside",
            e.country.as_deref().unwrap_or("none named")
        ),
    }
}

fn quotes_of(
    documents: &[Document],
    extractions: &[Extraction],
    linked: &people::People,
    person_ids: &[Option<String>],
    knowledge: &Knowledge,
) -> Vec<Quote> {
    // Every occurrence, with where it came from.
    let mut occurrences: Vec<quotes::Occurrence> = Vec::new();
    let mut origin: Vec<(usize, usize)> = Vec::new();
    for (a, x) in extractions.iter().enumerate() {
        for (qi, q) in x.quotes.iter().enumerate() {
            let body = &documents[a].body.text;
            occurrences.push(quotes::Occurrence {
                parts: q
                    .parts
                    .iter()
                    .map(|&(s, e)| body[s..e].to_string())
                    .collect(),
                speaker: q.speaker.map(|s| linked.of_local[a][s]),
            });
            origin.push((a, qi));
        }
    }
    let clusters = quotes::cluster(&occurrences, knowledge);
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, c) in clusters.iter().enumerate() {
        groups.entry(*c).or_default().push(i);
    }
    let date_of = |a: usize| {
        documents[a]
            .date
            .clone()
            .unwrap_or_else(|| "9999".to_string())
    };
    let mut built: Vec<(String, String, usize, Quote)> = Vec::new();
    for members in groups.values() {
        let mut members = members.clone();
        members.sort_by_key(|&i| {
            let (a, qi) = origin[i];
            (
                date_of(a),
                documents[a].id.clone(),
                extractions[a].quotes[qi].parts[0].0,
            )
        });
        let occs: Vec<QuoteOccurrence> = members
            .iter()
            .map(|&i| {
                let (a, qi) = origin[i];
                let q = &extractions[a].quotes[qi];
                let body = &documents[a].body.text;
                let speaker = q
                    .speaker
                    .and_then(|s| person_ids[linked.of_local[a][s]].clone());
                QuoteOccurrence {
                    article: documents[a].id.clone(),
                    text: q
                        .parts
                        .iter()
                        .map(|&(s, e)| &body[s..e])
                        .collect::<Vec<_>>()
                        .join(" … "),
                    start: q.parts[0].0,
                    end: q.parts.last().map_or(q.parts[0].1, |p| p.1),
                    speaker,
                    parts: q.parts.clone(),
                    attribution: q.how.map(|h| h.as_str().to_string()),
                    cue: q.cue.map(|(s, e)| body[s..e].to_string()),
                }
            })
            .collect();
        let canonical = occs
            .iter()
            .max_by(|a, b| {
                a.text
                    .chars()
                    .count()
                    .cmp(&b.text.chars().count())
                    .then(b.article.cmp(&a.article))
            })
            .map(|o| o.text.clone())
            .unwrap_or_default();
        let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
        for o in &occs {
            if let Some(s) = &o.speaker {
                *votes.entry(s.as_str()).or_default() += 1;
            }
        }
        let speaker = votes
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(s, _)| s.to_string());
        let speaker_conflict = votes.len() > 1;
        let first = &occs[0];
        let first_key = (
            date_of(origin[members[0]].0),
            first.article.clone(),
            first.start,
        );
        let mut notes = Vec::new();
        if occs.len() > 1 {
            notes.push("Joined because the wordings are the same, or one runs inside the other, once case, punctuation, quotation-mark and dash styles, number separators and British/American spelling are set aside.".to_string());
        }
        let quote = Quote {
            id: String::new(),
            speaker,
            text: canonical,
            page: String::new(),
            speaker_conflict,
            first_article: Some(first.article.clone()),
            occurrences: occs,
            notes,
        };
        built.push((first_key.0, first_key.1, first_key.2, quote));
    }
    built.sort_by(|a, b| (&a.0, &a.1, a.2).cmp(&(&b.0, &b.1, b.2)));
    let mut slugs = SlugSet::new();
    let mut out = Vec::with_capacity(built.len());
    for (_, _, _, mut q) in built {
        let words: Vec<&str> = q.text.split_whitespace().take(8).collect();
        q.id = slugs.claim(&words.join(" "));
        q.page = paths::quote(&q.id);
        out.push(q);
    }
    out
}

/// What the tool was unsure about in the quotations, once the editor's corrections are in: a
/// speaker the editor set or cleared is no longer in doubt.
fn quote_notices(
    quotes: &[Quote],
    documents: &[Document],
    extractions: &[Extraction],
    notices: &mut Vec<Notice>,
) {
    let doc_index: HashMap<&str, usize> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    for q in quotes {
        for o in &q.occurrences {
            if o.speaker.is_none() && o.attribution.as_deref() != Some("editor") {
                let a = doc_index.get(o.article.as_str()).copied().unwrap_or(0);
                let descriptor = extractions[a]
                    .quotes
                    .iter()
                    .find(|x| x.parts[0].0 == o.start)
                    .and_then(|x| x.descriptor.clone());
                notices.push(Notice {
                    kind: "unattributed-quote".to_string(),
                    message: match descriptor {
                        Some(d) => format!(
                            "quotation credited only to \"{d}\", not to a named speaker: \"{}\"",
                            excerpt(&o.text)
                        ),
                        None => format!(
                            "no speaker found for the quotation \"{}\"",
                            excerpt(&o.text)
                        ),
                    },
                    article: Some(o.article.clone()),
                    start: Some(o.start),
                    end: Some(o.end),
                    page: Some(q.page.clone()),
                });
            }
        }
        if q.speaker_conflict {
            notices.push(Notice {
                kind: "speaker-conflict".to_string(),
                message: format!(
                    "outlets credit different speakers for \"{}\"",
                    excerpt(&q.text)
                ),
                article: None,
                start: None,
                end: None,
                page: Some(q.page.clone()),
            });
        }
    }
}

fn excerpt(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 12 {
        words.join(" ")
    } else {
        format!("{} …", words[..12].join(" "))
    }
}

/// Outlets keyed by name, with ids claimed in name order so they are stable.
fn outlets_of(documents: &[Document]) -> BTreeMap<String, Outlet> {
    let mut outlets: BTreeMap<String, Outlet> = BTreeMap::new();
    for doc in documents {
        if let Some(name) = &doc.outlet {
            outlets
                .entry(name.clone())
                .or_insert_with(|| Outlet {
                    id: String::new(),
                    name: name.clone(),
                    articles: Vec::new(),
                    page: String::new(),
                })
                .articles
                .push(doc.id.clone());
        }
    }
    let mut slugs = SlugSet::new();
    for outlet in outlets.values_mut() {
        outlet.id = slugs.claim(&outlet.name);
        outlet.page = paths::outlet(&outlet.id);
    }
    outlets
}

fn article_of(doc: &Document, outlets: &BTreeMap<String, Outlet>) -> Article {
    Article {
        id: doc.id.clone(),
        path: doc.path.clone(),
        title: doc.title.clone(),
        title_derived: doc.title_derived,
        outlet: doc.outlet.clone(),
        outlet_id: doc
            .outlet
            .as_ref()
            .and_then(|o| outlets.get(o))
            .map(|o| o.id.clone()),
        date: doc.date.clone(),
        url: doc.url.clone(),
        author: doc.author.clone(),
        source: doc.source.clone(),
        page: paths::article(&doc.id),
        word_count: doc.body.text.split_whitespace().count(),
        body: doc.body.text.clone(),
        blocks: doc.body.blocks.clone(),
        notes: Vec::new(),
    }
}
