//! Applying the editor's corrections (see [`super::corrections`]) in the link stage, and
//! keeping track of which ones matched, so `check` can report those that no longer do.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::corrections::{Corrections, because};
use crate::config::AliasRule;
use crate::extract::Extraction;
use crate::load::Document;
use crate::model::{EntityKind, ExcludedArticle, Figure, Person, Place, Quote, Span};
use crate::text::fold;

/// Which corrections matched something, by kind and position in the list.
#[derive(Debug, Default)]
pub struct Used {
    matched: HashSet<(&'static str, usize)>,
}

impl Used {
    fn mark(&mut self, kind: &'static str, i: usize) {
        self.matched.insert((kind, i));
    }

    /// Adds what another pass (run on another thread) matched.
    pub fn extend(&mut self, other: Used) {
        self.matched.extend(other.matched);
    }

    /// Descriptions of the corrections that matched nothing.
    pub fn unmatched(&self, c: &Corrections) -> Vec<String> {
        let mut out = Vec::new();
        for (i, e) in c.exclude.iter().enumerate() {
            if !self.matched.contains(&("exclude", i)) {
                out.push(match &e.text {
                    Some(t) => format!("exclude {:?} in article {:?}", t, e.article),
                    None => format!("exclude article {:?}", e.article),
                });
            }
        }
        for (i, m) in c.merge.iter().enumerate() {
            if !self.matched.contains(&("merge", i)) {
                out.push(format!("merge {:?} into {:?}", m.names, m.into));
            }
        }
        for (i, s) in c.split.iter().enumerate() {
            if self.matched.contains(&("split", i)) {
                continue;
            }
            match (&s.place, &s.name) {
                (Some(place), _) => out.push(format!(
                    "split {:?} from place {:?}",
                    s.text.as_deref().unwrap_or(""),
                    place
                )),
                (None, Some(name)) => out.push(format!("split {:?} from {:?}", name, s.not)),
                (None, None) => out.push("split with neither name nor place".to_string()),
            }
        }
        for (i, s) in c.speaker.iter().enumerate() {
            if !self.matched.contains(&("speaker", i)) {
                out.push(format!("speaker for the quotation {:?}", s.quote));
            }
        }
        for (i, f) in c.figures.iter().enumerate() {
            if !self.matched.contains(&("figures", i)) {
                out.push(format!("figure {:?}", f.figure));
            }
        }
        out
    }
}

/// What the editor's exclusions leave to link.
pub struct Kept<'a> {
    pub documents: Cow<'a, [Document]>,
    pub extractions: Cow<'a, [Extraction]>,
    /// The articles left out whole, for the articles page.
    pub excluded: Vec<ExcludedArticle>,
    /// Notes for the articles that had passages left out, by article id.
    pub notes: HashMap<String, Vec<String>>,
}

/// The documents and extractions to link: excluded articles left out, excluded spans taken
/// out of their article's extraction. Nothing is copied when there is nothing to exclude,
/// which is the common case on large briefings.
pub fn exclude<'a>(
    c: &Corrections,
    documents: &'a [Document],
    extractions: &'a [Extraction],
    used: &mut Used,
) -> Kept<'a> {
    let mut kept = Kept {
        documents: Cow::Borrowed(documents),
        extractions: Cow::Borrowed(extractions),
        excluded: Vec::new(),
        notes: HashMap::new(),
    };
    if c.exclude.is_empty() {
        return kept;
    }
    let mut docs = Vec::with_capacity(documents.len());
    let mut xs = Vec::with_capacity(documents.len());
    for (doc, x) in documents.iter().zip(extractions) {
        let whole = c
            .exclude
            .iter()
            .position(|e| e.text.is_none() && e.article == doc.id);
        if let Some(i) = whole {
            used.mark("exclude", i);
            kept.excluded.push(ExcludedArticle {
                id: doc.id.clone(),
                path: doc.path.clone(),
                title: doc.title.clone(),
                reason: c.exclude[i].reason.clone(),
            });
            continue;
        }
        let mut x = x.clone();
        for (i, e) in c.exclude.iter().enumerate() {
            let Some(text) = e.text.as_deref().filter(|_| e.article == doc.id) else {
                continue;
            };
            let spans: Vec<(usize, usize)> = doc
                .body
                .text
                .match_indices(text)
                .map(|(s, t)| (s, s + t.len()))
                .collect();
            if spans.is_empty() {
                continue;
            }
            used.mark("exclude", i);
            kept.notes.entry(doc.id.clone()).or_default().push(format!(
                "The passage \"{text}\" was left out of the briefing by the editor{}.",
                because(&e.reason)
            ));
            let inside = |s: usize, e: usize| spans.iter().any(|&(a, b)| s < b && a < e);
            x.quotes
                .retain(|q| !q.parts.iter().any(|&(s, e)| inside(s, e)));
            x.figures.retain(|f| !inside(f.start, f.end));
            x.places.retain(|p| !inside(p.start, p.end));
            x.statements.retain(|st| !inside(st.start, st.end));
            x.mentions.retain(|m| !inside(m.start, m.end));
        }
        docs.push(doc.clone());
        xs.push(x);
    }
    kept.documents = Cow::Owned(docs);
    kept.extractions = Cow::Owned(xs);
    kept
}

/// Notes on the people the editor kept apart; marks people merges and splits that matched.
pub fn people_notes(c: &Corrections, people: &mut [Person], used: &mut Used) {
    for (i, m) in c
        .merge
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind.as_deref() != Some("place"))
    {
        let into = fold(&m.into);
        let Some(p) = people
            .iter_mut()
            .find(|p| fold(&p.name) == into || p.aliases.iter().any(|a| fold(a) == into))
        else {
            continue;
        };
        let joined: Vec<&String> = m
            .names
            .iter()
            .filter(|n| fold(&p.name) == fold(n) || p.aliases.iter().any(|a| fold(a) == fold(n)))
            .collect();
        if joined.is_empty() {
            continue;
        }
        // The linker has noted the join on the person already.
        used.mark("merge", i);
    }
    for (i, s) in c.split.iter().enumerate() {
        let Some(name) = &s.name else { continue };
        let f = fold(name);
        if let Some(p) = people.iter_mut().find(|p| fold(&p.name) == f) {
            used.mark("split", i);
            p.notes.push(format!(
                "Kept apart from {} by the editor{}.",
                s.not.join(", "),
                because(&s.reason)
            ));
        }
    }
}

/// People merges and splits, as alias rules for the people linker.
pub fn alias_rules(c: &Corrections) -> Vec<AliasRule> {
    let mut rules = Vec::new();
    for m in c
        .merge
        .iter()
        .filter(|m| m.kind.as_deref() != Some("place"))
    {
        rules.push(AliasRule {
            name: m.into.clone(),
            variants: m.names.clone(),
            ..AliasRule::default()
        });
    }
    for s in c.split.iter().filter(|s| s.name.is_some()) {
        rules.push(AliasRule {
            name: s.name.clone().unwrap_or_default(),
            not: s.not.clone(),
            ..AliasRule::default()
        });
    }
    rules
}

/// Sets (or clears) the speaker of quotations, creating the person if the briefing has no
/// page for them yet.
pub fn speakers(c: &Corrections, quotes: &mut [Quote], people: &mut Vec<Person>, used: &mut Used) {
    for (i, rule) in c.speaker.iter().enumerate() {
        let needle = fold(&rule.quote);
        let speaker = rule.speaker.as_ref().map(|name| person_id(people, name));
        for q in quotes.iter_mut() {
            let mut changed = false;
            for o in &mut q.occurrences {
                let here = rule.article.as_deref().is_none_or(|a| a == o.article);
                if here && fold(&o.text).contains(&needle) {
                    o.speaker = speaker.clone();
                    o.attribution = Some("editor".to_string());
                    changed = true;
                }
            }
            if changed {
                used.mark("speaker", i);
                let who = rule.speaker.as_deref().unwrap_or("nobody (unattributed)");
                q.notes.push(format!(
                    "Speaker set by the editor to {who}{}.",
                    because(&rule.reason)
                ));
                recount_speaker(q);
            }
        }
    }
}

fn recount_speaker(q: &mut Quote) {
    let mut votes: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for o in &q.occurrences {
        if let Some(s) = &o.speaker {
            *votes.entry(s.as_str()).or_default() += 1;
        }
    }
    q.speaker = votes
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(s, _)| s.to_string());
    q.speaker_conflict = votes.len() > 1;
}

/// The id of the person named `name` (by name or alias), added if missing.
fn person_id(people: &mut Vec<Person>, name: &str) -> String {
    let f = fold(name);
    if let Some(p) = people
        .iter()
        .find(|p| fold(&p.name) == f || p.aliases.iter().any(|a| fold(a) == f))
    {
        return p.id.clone();
    }
    let mut id = crate::slug::slugify(name);
    while people.iter().any(|p| p.id == id) {
        id.push_str("-2");
    }
    people.push(Person {
        id: id.clone(),
        name: name.to_string(),
        kind: EntityKind::Person,
        aliases: Vec::new(),
        roles: Vec::new(),
        page: super::paths::person(&id),
        statements: Vec::new(),
        mentions: Vec::new(),
        quotes: Vec::new(),
        figures: Vec::new(),
        articles: Vec::new(),
        notes: vec!["Added by the editor's corrections in crossbrief.yaml.".to_string()],
    });
    id
}

/// Place merges and splits.
pub fn places(c: &Corrections, places: &mut Vec<Place>, used: &mut Used) {
    for (i, m) in c
        .merge
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind.as_deref() == Some("place"))
    {
        let names: Vec<String> = m.names.iter().map(|n| fold(n)).collect();
        let Some(target) = places.iter().position(|p| fold(&p.name) == fold(&m.into)) else {
            continue;
        };
        let mut moved: Vec<Place> = Vec::new();
        let mut k = 0;
        while k < places.len() {
            let p = &places[k];
            if k != target
                && (names.contains(&fold(&p.name))
                    || p.aliases.iter().any(|a| names.contains(&fold(a))))
            {
                moved.push(places.remove(k));
            } else {
                k += 1;
            }
        }
        if moved.is_empty() {
            continue;
        }
        used.mark("merge", i);
        let target = places
            .iter()
            .position(|p| fold(&p.name) == fold(&m.into))
            .expect("the target stays");
        let t = &mut places[target];
        for p in moved {
            if !t.aliases.contains(&p.name) {
                t.aliases.push(p.name.clone());
            }
            t.mentions.extend(p.mentions);
            for a in p.articles {
                if !t.articles.contains(&a) {
                    t.articles.push(a);
                }
            }
            t.notes.push(format!(
                "{} joined to this place by the editor{}.",
                p.name,
                because(&m.reason)
            ));
        }
        t.mentions
            .sort_by(|a, b| (&a.article, a.start).cmp(&(&b.article, b.start)));
    }
    for (i, s) in c.split.iter().enumerate() {
        let (Some(place), Some(text)) = (&s.place, &s.text) else {
            continue;
        };
        let Some(from) = places.iter().position(|p| fold(&p.name) == fold(place)) else {
            continue;
        };
        let (out, keep): (Vec<Span>, Vec<Span>) = places[from]
            .mentions
            .drain(..)
            .partition(|m| m.text == *text && s.article.as_deref().is_none_or(|a| a == m.article));
        places[from].mentions = keep;
        if out.is_empty() {
            continue;
        }
        used.mark("split", i);
        places[from].notes.push(format!(
            "Mentions written \"{text}\" moved to a place of their own by the editor{}.",
            because(&s.reason)
        ));
        let mut id = crate::slug::slugify(text);
        while places.iter().any(|p| p.id == id) {
            id.push_str("-2");
        }
        let mut articles: Vec<String> = out.iter().map(|m| m.article.clone()).collect();
        articles.dedup();
        places.push(Place {
            page: super::paths::place(&id),
            id,
            name: text.clone(),
            aliases: Vec::new(),
            lat: None,
            lon: None,
            country: None,
            mentions: out,
            kind: "other".to_string(),
            population: None,
            in_gazetteer: false,
            articles,
            quotes: Vec::new(),
            figures: Vec::new(),
            related: Vec::new(),
            notes: vec![format!(
                "Split from {place} by the editor{}.",
                because(&s.reason)
            )],
        });
    }
}

/// Figure renames and "not disputed" marks.
pub fn figures(c: &Corrections, figures: &mut [Figure], used: &mut Used) {
    for (i, rule) in c.figures.iter().enumerate() {
        let f = fold(&rule.figure);
        for fig in figures
            .iter_mut()
            .filter(|x| fold(&x.label) == f || x.id == rule.figure)
        {
            used.mark("figures", i);
            if let Some(label) = &rule.label {
                fig.notes
                    .push(format!("Label set by the editor (was \"{}\").", fig.label));
                fig.label = label.clone();
            }
            if let Some(reason) = &rule.not_disputed {
                if fig.disputed {
                    fig.notes.push(format!(
                        "Marked as not disputed by the editor: {}.",
                        reason.trim_end_matches('.')
                    ));
                }
                fig.disputed = false;
            }
        }
    }
}
