//! `crossbrief check`: validate a briefing without writing it.
//!
//! Errors: content and settings errors (with file, line and column), template errors, broken
//! internal links in the built pages. Warnings: what the tool was unsure about (unattributed
//! quotations, names it could not resolve, speakers outlets disagree on, unit errors,
//! conversions that do not match), corrections that no longer match anything, articles with
//! no date or outlet, and a `base_url` without a host (feeds and sitemaps need one).

use std::collections::HashMap;
use std::path::PathBuf;

use crate::config::{BaseUrl, CONFIG_FILE, Config};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::{Options, links, run};

/// Everything `check` finds, sorted by file and position.
pub fn check(options: &Options) -> Diagnostics {
    // The pages go to the link index as they are made, not into memory.
    let index = links::LinkIndex::default();
    let made = match run(options, None, true, &index) {
        Ok(made) => made,
        Err(problems) => return problems,
    };
    let mut out = made.warnings.clone();
    let b = &made.briefing;
    let docs: HashMap<&str, &crate::load::Document> =
        made.documents.iter().map(|d| (d.id.as_str(), d)).collect();

    for n in &b.notices {
        let mut d = Diagnostic::warning(notice_code(&n.kind), n.message.clone());
        match n.article.as_deref().and_then(|a| docs.get(a)) {
            Some(doc) => {
                d = d.in_file(&doc.path);
                if let Some(position) = n.start.and_then(|start| doc.position_of(start)) {
                    d = d.at(position);
                }
            }
            None if n.kind == "stale-correction" => d = d.in_file(CONFIG_FILE),
            None => {}
        }
        if let Some(page) = &n.page {
            d = d.with_help(format!("see the page {page}{}", help_for(&n.kind)));
        } else if !help_for(&n.kind).is_empty() {
            d = d.with_help(help_for(&n.kind).trim_start_matches("; ").to_string());
        }
        out.push(d);
    }
    for a in &b.articles {
        let mut missing = Vec::new();
        if a.date.is_none() {
            missing.push("date");
        }
        if a.outlet.is_none() {
            missing.push("outlet");
        }
        if !missing.is_empty() {
            out.push(
                Diagnostic::warning("metadata", format!("the article has no {}", missing.join(" and no ")))
                    .in_file(&a.path)
                    .with_help("add it to the front matter if the source states it (outlet: \"...\", date: 2022-09-11); leave it out if it does not"),
            );
        }
    }
    let mut config_problems = Diagnostics::new();
    let config = Config::load(&options.root, &mut config_problems);
    let base = BaseUrl::new(options.base_url.as_deref().or(config.base_url.as_deref()));
    if !base.absolute {
        out.push(
            Diagnostic::warning("base-url", "base_url has no scheme and host, so the feed, sitemap and canonical links are relative")
                .in_file(PathBuf::from(CONFIG_FILE))
                .with_help("set base_url: \"https://example.org/briefing/\" in crossbrief.yaml, or pass --base-url"),
        );
    }
    for broken in index.broken(&base) {
        out.push(
            Diagnostic::error(
                "broken-link",
                format!(
                    "{} links to {}, which the site does not have",
                    broken.page, broken.href
                ),
            )
            .with_help("fix the template that makes this link, or the base_url it is made with"),
        );
    }
    out.sorted()
}

fn notice_code(kind: &str) -> &'static str {
    match kind {
        "unattributed-quote" => "unattributed-quote",
        "ambiguous-name" => "ambiguous-name",
        "event-name" => "event-name",
        "speaker-conflict" => "speaker-conflict",
        "unit-error" => "unit-error",
        "conversion-mismatch" => "conversion-mismatch",
        "stale-correction" => "stale-correction",
        _ => "notice",
    }
}

fn help_for(kind: &str) -> &'static str {
    match kind {
        "unattributed-quote" => {
            "; if you know the speaker, set it under corrections: speaker: in crossbrief.yaml"
        }
        "ambiguous-name" => {
            "; join it to the right person under corrections: merge: in crossbrief.yaml"
        }
        "speaker-conflict" => {
            "; if one outlet is wrong, set the speaker under corrections: speaker:"
        }
        "event-name" => {
            "; if it is a person here, join it to their full name under corrections: merge: in crossbrief.yaml"
        }
        "stale-correction" => {
            "; the text it refers to has changed: update or remove the correction"
        }
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::notice_code;

    #[test]
    fn notice_kinds_have_stable_codes() {
        assert_eq!(notice_code("unattributed-quote"), "unattributed-quote");
        assert_eq!(notice_code("whatever"), "notice");
    }
}
