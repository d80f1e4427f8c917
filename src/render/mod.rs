//! Stage 5, `render`: turn the [`Briefing`] into pages with Tera templates.
//!
//! Templates see only views of the model (built in [`context`]) plus HTML fragments made here:
//! annotated article bodies, SVG charts and maps, highlighted data. Pages are rendered in
//! parallel with one shared Tera instance; the result is a list of files in memory, written by
//! the `site` stage.

pub mod body;
pub mod charts;
pub mod context;
pub mod diff;
pub mod highlight;
pub mod structured;
pub mod templates;

use rayon::prelude::*;
use tera::Value;

use crate::config::BaseUrl;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Briefing;
pub use templates::Templates;

/// A file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path inside the output folder, with `/` separators, e.g. `articles/x/index.html`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// How pages are rendered.
pub struct RenderOptions<'a> {
    pub base: &'a BaseUrl,
    /// Items per list page.
    pub per_page: usize,
    pub knowledge: &'a crate::knowledge::Knowledge,
    /// Whether entity pages end with their record as highlighted JSON.
    pub data_views: bool,
}

/// Renders every page of the briefing. Errors are collected (one per distinct problem).
pub fn render(
    briefing: &Briefing,
    templates: &Templates,
    options: &RenderOptions,
    sink: &(dyn Fn(OutputFile) -> Result<(), Diagnostic> + Sync),
) -> Diagnostics {
    let mut site = context::Site::new(briefing, options.base, options.per_page, options.knowledge);
    site.data_views = options.data_views;
    let pages = context::pages(briefing, site.per_page);
    let progress = crate::progress::stage("render", pages.len());
    // Each page goes to the sink as soon as it is made, so the site is never held in memory.
    // Small batches: rayon's default halving hands each core a long run of pages, and runs of
    // the heavy kinds (figures, people) left one core working seconds after the other ran dry.
    let problems: Vec<Problem> = pages
        .par_iter()
        .with_max_len(64)
        .filter_map(|page| {
            let ctx = context::build(page, briefing, &site);
            let file = match templates.tera.render(page.template(), &ctx) {
                Ok(html) => OutputFile {
                    path: output_path(&page.path_in(briefing)),
                    bytes: html.into_bytes(),
                },
                Err(e) => return Some(Problem::Template(page.path_in(briefing), e)),
            };
            let sunk = sink(file).err().map(Problem::Sink);
            progress.advance();
            sunk
        })
        .collect();
    drop(progress);
    let mut diagnostics = Diagnostics::new();
    let mut seen_messages = std::collections::HashSet::new();
    for problem in problems {
        match problem {
            Problem::Template(path, e) => {
                let d = templates.diagnostic(&e, &path);
                // One broken template breaks many pages: report it once.
                let key = (d.file.clone(), d.position, e.to_string());
                if seen_messages.insert(key) {
                    diagnostics.push(d);
                }
            }
            Problem::Sink(d) => {
                if seen_messages.insert((d.file.clone(), d.position, d.message.clone())) {
                    diagnostics.push(d);
                }
            }
        }
    }
    diagnostics
}

enum Problem {
    Template(String, tera::Error),
    Sink(Diagnostic),
}

/// `/articles/x/` is written as `articles/x/index.html`; `/404.html` as `404.html`.
pub fn output_path(site_path: &str) -> String {
    let trimmed = site_path.trim_start_matches('/');
    if trimmed.is_empty() {
        "index.html".to_string()
    } else if trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_string()
    }
}

/// "2022-09-10" as "10 September 2022"; anything else unchanged.
pub fn human_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    if let [y, m, d] = parts.as_slice()
        && let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>())
        && (1..=12).contains(&m)
    {
        return format!("{d} {} {y}", crate::text::MONTHS[m - 1]);
    }
    iso.to_string()
}

/// 27000 as "27,000"; 1.5 as "1.5".
pub fn thousands(value: &Value) -> String {
    match value.as_f64() {
        Some(n) => format_number(n),
        None => value.to_string(),
    }
}

/// A number for reading: thousands separators, no trailing zeros, never rounded away.
pub fn format_number(n: f64) -> String {
    if !n.is_finite() {
        return n.to_string();
    }
    let negative = n < 0.0;
    let abs = n.abs();
    let mut text = format!("{abs}");
    if text.contains('e') {
        text = format!("{abs:.0}");
    }
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text.clone(), None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if let Some(f) = frac {
        grouped.push('.');
        grouped.push_str(&f);
    }
    if negative {
        format!("-{grouped}")
    } else {
        grouped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_urls_become_index_files() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/articles/a/"), "articles/a/index.html");
        assert_eq!(output_path("/404.html"), "404.html");
    }

    #[test]
    fn numbers_keep_every_digit() {
        assert_eq!(format_number(27000.0), "27,000");
        assert_eq!(format_number(1.5), "1.5");
        assert_eq!(format_number(1234567.25), "1,234,567.25");
        assert_eq!(format_number(-965.0), "-965");
    }

    #[test]
    fn dates_read_as_words() {
        assert_eq!(human_date("2022-09-10"), "10 September 2022");
        assert_eq!(human_date("soon"), "soon");
    }
}
