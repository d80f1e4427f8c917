//! Stage 3, `link`: across the corpus, resolve names and variants, cluster quotations, group
//! figures into measures, find disputes, and assemble the [`Briefing`].

pub mod corrections;

use std::collections::BTreeMap;

use crate::config::{BaseUrl, Config};
use crate::extract::Extraction;
use crate::knowledge::Knowledge;
use crate::load::Document;
use crate::model::{Article, Briefing, Outlet, SCHEMA};
use crate::slug::SlugSet;

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
    _extractions: &[Extraction],
    _knowledge: &Knowledge,
) -> Briefing {
    let base = BaseUrl::new(config.base_url.as_deref());
    let outlets = outlets_of(documents);
    let articles = documents.iter().map(|d| article_of(d, &outlets)).collect();
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
        people: Vec::new(),
        places: Vec::new(),
        quotes: Vec::new(),
        figures: Vec::new(),
        notices: Vec::new(),
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
    }
}
