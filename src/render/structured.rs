//! Structured data for pages: schema.org JSON-LD (NewsArticle, Person, Organization, Place with
//! geo coordinates, Quotation with its creator, QuantitativeValue for figure claims), and each
//! entity's slice of the model as highlighted JSON.

use rustc_hash::FxHashMap as HashMap;

use serde::Serialize;
use serde_json::{Value, json};

use crate::config::BaseUrl;
use crate::model::{Article, Briefing, EntityKind, Figure, Person, Place, Quote};
use crate::render::context::SECTION_LIMIT;
use crate::render::highlight;

/// JSON-LD text safe to put inside a `<script>` element.
pub fn script_text(value: &Value) -> String {
    // JSON allows these escapes inside strings, and nothing outside strings contains them, so
    // the script element can never be closed or turned into markup by article text.
    serde_json::to_string(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn entity_type(p: &Person) -> &'static str {
    match p.kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organization",
    }
}

fn person_ld(p: &Person, base: &BaseUrl) -> Value {
    let mut v = json!({ "@type": entity_type(p), "name": p.name, "url": base.absolute(&p.page) });
    if !p.aliases.is_empty() {
        v["alternateName"] = json!(p.aliases);
    }
    if p.kind == EntityKind::Person && !p.roles.is_empty() {
        v["jobTitle"] = json!(p.roles);
    }
    v
}

pub fn website(b: &Briefing, base: &BaseUrl) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": b.title,
        "description": b.description,
        "url": base.absolute("/"),
        "inLanguage": b.language,
    })
}

pub fn article(a: &Article, base: &BaseUrl) -> Value {
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "url": base.absolute(&a.page),
        "mainEntityOfPage": base.absolute(&a.page),
        "wordCount": a.word_count,
    });
    if let Some(d) = &a.date {
        v["datePublished"] = json!(d);
    }
    if let Some(author) = &a.author {
        v["author"] = json!({ "@type": "Person", "name": author });
    }
    if let Some(outlet) = &a.outlet {
        v["publisher"] = json!({ "@type": "Organization", "name": outlet });
    }
    if let Some(url) = &a.url {
        v["isBasedOn"] = json!(url);
    }
    v
}

pub fn person(p: &Person, base: &BaseUrl) -> Value {
    let mut v = person_ld(p, base);
    v["@context"] = json!("https://schema.org");
    v
}

pub fn place(p: &Place, base: &BaseUrl) -> Value {
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "Place",
        "name": p.name,
        "url": base.absolute(&p.page),
    });
    if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
        v["geo"] = json!({ "@type": "GeoCoordinates", "latitude": lat, "longitude": lon });
    }
    if let Some(c) = &p.country {
        v["address"] = json!({ "@type": "PostalAddress", "addressCountry": c });
    }
    if !p.aliases.is_empty() {
        v["alternateName"] = json!(p.aliases);
    }
    v
}

// A page's structured data lists what the page lists: the first `SECTION_LIMIT` citations or
// claims. Uncut, a figure claimed in thousands of articles made a page of megabytes.

/// Looks up the briefing's articles and people by id (the caller holds the indexes).
pub struct Lookup<'l, 'a> {
    pub articles: &'l HashMap<&'a str, &'a Article>,
    pub people: &'l HashMap<&'a str, &'a Person>,
}

pub fn quote(q: &Quote, b: &Lookup, base: &BaseUrl) -> Value {
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "Quotation",
        "text": q.text,
        "url": base.absolute(&q.page),
    });
    if let Some(p) = q.speaker.as_ref().and_then(|id| b.people.get(id.as_str())) {
        // The speaker by reference: their page carries their names and roles. Copied into
        // each of their quotations, those made a tenth of a big briefing's quotation pages.
        v["creator"] =
            json!({ "@type": entity_type(p), "name": p.name, "url": base.absolute(&p.page) });
    }
    // An article that carries the quotation twice is one source.
    let mut seen = std::collections::HashSet::new();
    let cited: Vec<Value> = q
        .occurrences
        .iter()
        .take(SECTION_LIMIT)
        .filter(|o| seen.insert(o.article.as_str()))
        .filter_map(|o| b.articles.get(o.article.as_str()))
        .map(|a| json!({ "@type": "NewsArticle", "headline": a.title, "url": base.absolute(&a.page) }))
        .collect();
    v["citation"] = json!(cited);
    v
}

pub fn figure(f: &Figure, b: &Lookup, base: &BaseUrl) -> Value {
    let claims: Vec<Value> = f
        .claims
        .iter()
        .take(SECTION_LIMIT)
        .map(|c| {
            let mut q = json!({
                "@type": "QuantitativeValue",
                "unitText": c.unit,
                "description": c.text,
            });
            match c.qualifier.as_str() {
                "lower_bound" => q["minValue"] = json!(c.value),
                "upper_bound" => q["maxValue"] = json!(c.value),
                "range" => {
                    q["minValue"] = json!(c.value);
                    q["maxValue"] = json!(c.value_max.unwrap_or(c.value));
                }
                _ => q["value"] = json!(c.value),
            }
            if let Some(a) = b.articles.get(c.article.as_str()) {
                q["url"] = json!(base.absolute(&a.page));
            }
            q
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": f.label,
        "url": base.absolute(&f.page),
        "mainEntity": { "@type": "ItemList", "name": f.label, "itemListElement": claims },
    })
}

/// Lists in a data view longer than this are cut, with the number left out said in place:
/// a page shows its record; the whole of it is in `briefing.json`. Keeping views small keeps
/// big briefings' pages small and their highlighting cheap.
const DATA_VIEW_ITEMS: usize = 5;

/// An entity's slice of the model as JSON, highlighted with syntect (CSS classes).
pub fn data_view<T: Serialize>(value: &T) -> String {
    highlight::json_value_html(&shorten(serde_json::to_value(value).unwrap_or_default()))
}

/// Cuts long lists to their first items and a note of how many more `briefing.json` holds.
fn shorten(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Array(items) => {
            let total = items.len();
            let mut kept: Vec<Value> = items
                .into_iter()
                .take(DATA_VIEW_ITEMS)
                .map(shorten)
                .collect();
            if total > DATA_VIEW_ITEMS {
                kept.push(Value::String(format!(
                    "… {} more in briefing.json",
                    total - DATA_VIEW_ITEMS
                )));
            }
            Value::Array(kept)
        }
        Value::Object(fields) => {
            Value::Object(fields.into_iter().map(|(k, v)| (k, shorten(v))).collect())
        }
        other => other,
    }
}

#[cfg(test)]
mod data_view_tests {
    use super::*;

    /// The data views are made without syntect's parser; every record of the sample briefing
    /// must come out as the parser would highlight it.
    #[test]
    fn every_sample_record_is_highlighted_as_the_parser_would() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let options = crate::site::Options {
            root: root.to_path_buf(),
            ..Default::default()
        };
        let b = crate::site::generate(&options)
            .expect("the sample builds")
            .briefing;
        let views = (b
            .people
            .iter()
            .map(|p| shorten(serde_json::to_value(p).unwrap())))
        .chain(
            b.places
                .iter()
                .map(|p| shorten(serde_json::to_value(p).unwrap())),
        )
        .chain(
            b.quotes
                .iter()
                .map(|q| shorten(serde_json::to_value(q).unwrap())),
        )
        .chain(
            b.figures
                .iter()
                .map(|f| shorten(serde_json::to_value(f).unwrap())),
        );
        let mut n = 0;
        for view in views {
            let pretty = serde_json::to_string_pretty(&view).unwrap();
            assert_eq!(
                highlight::json_value_html(&view),
                highlight::code_block_html(&pretty, Some("json")),
                "{pretty}"
            );
            n += 1;
        }
        assert!(n > 50, "only {n} records");
    }

    #[test]
    fn long_lists_are_cut_and_say_how_many_were_left_out() {
        let value = serde_json::json!({"mentions": (0..20).collect::<Vec<_>>(), "name": "x"});
        let short = shorten(value);
        let mentions = short["mentions"].as_array().unwrap();
        assert_eq!(mentions.len(), DATA_VIEW_ITEMS + 1);
        let note = format!("… {} more in briefing.json", 20 - DATA_VIEW_ITEMS);
        assert_eq!(mentions[DATA_VIEW_ITEMS], note.as_str());
        assert_eq!(short["name"], "x");
    }
}
