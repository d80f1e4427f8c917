//! The client-side search index, built at build time with elasticlunr-rs and loaded by
//! `static/search.js` (elasticlunr.js in the browser): it works on any static host.

use elasticlunr::{Index, IndexBuilder};

use crate::config::BaseUrl;
use crate::model::Briefing;

/// The search index of the briefing as JSON: articles (title, outlet), people and
/// organisations (name, variants, roles), places (name, spellings), quotations (text,
/// speaker) and figures (label, claims). Variant spellings are indexed, so a search for
/// "Aliev" finds the page of Ilham Aliyev.
pub fn search_index(briefing: &Briefing, base: &BaseUrl) -> String {
    let mut index: Index = IndexBuilder::new()
        .save_docs(true)
        .add_fields(&["title", "body", "kind"])
        .build();
    let mut add = |page: &str, title: &str, body: &str, kind: &str| {
        index.add_doc(&base.link(page), [title, body, kind]);
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
    let names: std::collections::HashMap<&str, &str> = briefing
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
    index.to_json()
}
