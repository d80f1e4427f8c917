//! The client-side search index, built at build time with elasticlunr-rs and loaded by
//! `static/search.js` (elasticlunr.js in the browser): it works on any static host.

use elasticlunr::{Index, IndexBuilder};

use rustc_hash::FxHashMap as HashMap;

use crate::config::BaseUrl;
use crate::model::Briefing;
use crate::render::context::{distinct_articles, search_covers_everything};

/// The search index of the briefing as JSON, `{"index": <elasticlunr index>, "docs": {url:
/// [title, kind]}}`: articles (title, outlet, date, author), people and organisations (name,
/// variants, roles), places (name, spellings), quotations (text, speaker) and figures (label,
/// claims). Variant spellings are indexed, so a search for "Aliev" finds the page of Ilham
/// Aliyev. In a big briefing, quotations and figures found in only one article are left out
/// (see [`search_covers_everything`]).
///
/// Titles are kept apart from the index ("docs") rather than stored in it with every field,
/// which would store the indexed text a second time.
///
/// The JSON is written as it is serialised: a big briefing's index is a hundred MB, and
/// holding it as text (twice, to wrap it) took more fresh memory than any other step of
/// rendering.
pub fn write_search_index(
    briefing: &Briefing,
    base: &BaseUrl,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let everything = search_covers_everything(briefing);
    let mut index: Index = IndexBuilder::new()
        .save_docs(false)
        .add_fields(&["title", "body"])
        .build();
    let mut docs: Vec<(String, String, &str)> = Vec::new();
    let mut add = |page: &str, title: &str, body: &str, kind: &'static str| {
        let url = base.link(page);
        index.add_doc(&url, [title, body]);
        docs.push((url, title.to_string(), kind));
    };
    for a in &briefing.articles {
        let body = [
            a.outlet.as_deref().unwrap_or(""),
            a.date.as_deref().unwrap_or(""),
            a.author.as_deref().unwrap_or(""),
        ]
        .join(" ");
        add(&a.page, &a.title, &body, "article");
    }
    for p in &briefing.people {
        let body = format!("{} {}", p.aliases.join(" "), p.roles.join(" "));
        let kind = match p.kind {
            crate::model::EntityKind::Person => "person",
            crate::model::EntityKind::Organization => "organization",
        };
        add(&p.page, &p.name, &body, kind);
    }
    for p in &briefing.places {
        add(&p.page, &p.name, &p.aliases.join(" "), "place");
    }
    let names: HashMap<&str, &str> = briefing
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let name_of = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| names.get(id))
            .copied()
            .unwrap_or_default()
    };
    for q in &briefing.quotes {
        if !everything && distinct_articles(q.occurrences.iter().map(|o| &o.article)) < 2 {
            continue;
        }
        let title: String = q
            .text
            .split_whitespace()
            .take(14)
            .collect::<Vec<_>>()
            .join(" ");
        add(
            &q.page,
            &format!("“{title}”"),
            &format!("{} {}", q.text, name_of(&q.speaker)),
            "quotation",
        );
    }
    for f in &briefing.figures {
        if !everything && !f.disputed && distinct_articles(f.claims.iter().map(|c| &c.article)) < 2
        {
            continue;
        }
        let claims: Vec<&str> = f.claims.iter().map(|c| c.text.as_str()).collect();
        add(
            &f.page,
            &f.label,
            &claims.join(" "),
            if f.disputed {
                "disputed figure"
            } else {
                "figure"
            },
        );
    }
    // By URL, the order the file has always had, so that a rebuild finds it unchanged.
    docs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let whole = SearchIndex {
        index: &index,
        docs: Docs(&docs),
    };
    serde_json::to_writer(out, &whole).map_err(std::io::Error::other)
}

#[derive(serde::Serialize)]
struct SearchIndex<'a> {
    index: &'a Index,
    docs: Docs<'a>,
}

/// `{url: [title, kind]}`.
struct Docs<'a>(&'a [(String, String, &'a str)]);

impl serde::Serialize for Docs<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(url, title, kind)| (url, (title, kind))))
    }
}
