//! Internal link checking over the built files: every `href`/`src` that points into the site
//! must name a file the build produced.

use std::collections::{HashMap, HashSet};

use crate::config::BaseUrl;
use crate::render::OutputFile;

/// A link from a page to a path the site does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// The file holding the link, e.g. `articles/x/index.html`.
    pub page: String,
    pub href: String,
}

/// All internal links in HTML files that do not resolve to a built file, or to an element of
/// it when they name one (`page/#p-108`).
pub fn broken_links(files: &[OutputFile], base: &BaseUrl) -> Vec<BrokenLink> {
    let by_path: HashMap<&str, &OutputFile> = files.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut ids_of: HashMap<&str, HashSet<String>> = HashMap::new();
    let mut broken = Vec::new();
    for file in files.iter().filter(|f| f.path.ends_with(".html")) {
        let html = String::from_utf8_lossy(&file.bytes);
        for href in attribute_values(&html) {
            let Some(target) = internal_target(&href, base) else {
                continue;
            };
            let fine = match resolve(&target, &by_path) {
                None => false,
                Some(found) => match fragment(&href) {
                    None => true,
                    Some(id) => ids_of
                        .entry(found.path.as_str())
                        .or_insert_with(|| element_ids(&found.bytes))
                        .contains(id),
                },
            };
            if !fine {
                broken.push(BrokenLink {
                    page: file.path.clone(),
                    href: href.to_string(),
                });
            }
        }
    }
    broken.sort_by(|a, b| (&a.page, &a.href).cmp(&(&b.page, &b.href)));
    broken.dedup();
    broken
}

/// The element a link names after `#`, if any.
fn fragment(href: &str) -> Option<&str> {
    href.split_once('#')
        .map(|(_, f)| f)
        .filter(|f| !f.is_empty())
}

/// The `id` attributes of an HTML file.
fn element_ids(bytes: &[u8]) -> HashSet<String> {
    let html = String::from_utf8_lossy(bytes);
    let mut ids = HashSet::new();
    let mut rest = html.as_ref();
    while let Some(i) = rest.find(" id=\"") {
        rest = &rest[i + 5..];
        if let Some(end) = rest.find('"') {
            ids.insert(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    ids
}

/// Values of `href="..."` and `src="..."` attributes, entity-decoded for `&amp;`.
fn attribute_values(html: &str) -> Vec<String> {
    let mut values = Vec::new();
    for attr in [" href=\"", " src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            if let Some(end) = rest.find('"') {
                values.push(rest[..end].replace("&amp;", "&"));
                rest = &rest[end..];
            }
        }
    }
    values
}

/// The output path a link points at, if it points into the site.
fn internal_target(href: &str, base: &BaseUrl) -> Option<String> {
    let without_fragment = href.split(['#', '?']).next().unwrap_or("");
    if without_fragment.is_empty() {
        return None;
    }
    let site_relative = if base.absolute && without_fragment.starts_with(&base.full) {
        &without_fragment[base.full.len()..]
    } else if let Some(rest) = without_fragment.strip_prefix(&base.path) {
        rest
    } else if without_fragment.starts_with('/') {
        // Under the site's host but outside its base path: certainly broken.
        return Some(format!("(outside {}) {without_fragment}", base.path));
    } else {
        return None;
    };
    Some(percent_decode(site_relative))
}

fn resolve<'a>(target: &str, files: &HashMap<&str, &'a OutputFile>) -> Option<&'a OutputFile> {
    if target.is_empty() {
        return files.get("index.html").copied();
    }
    files.get(target).copied().or_else(|| {
        files
            .get(format!("{}/index.html", target.trim_end_matches('/')).as_str())
            .copied()
    })
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, html: &str) -> OutputFile {
        OutputFile {
            path: path.to_string(),
            bytes: html.as_bytes().to_vec(),
        }
    }

    #[test]
    fn finds_links_to_missing_pages_only() {
        let base = BaseUrl::new(Some("https://example.org/sub/"));
        let files = vec![
            page(
                "index.html",
                r#"<a href="/sub/a/">a</a> <a href="/sub/missing/">m</a> <a href="https://other.org/">x</a> <a href="/sub/#top">t</a> <h1 id="top">T</h1> <a href="/sub/a/#gone">g</a>"#,
            ),
            page(
                "a/index.html",
                r#"<link href="https://example.org/sub/style.css"><a href="/elsewhere/">e</a>"#,
            ),
            page("style.css", ""),
        ];
        let broken = broken_links(&files, &base);
        let hrefs: Vec<_> = broken.iter().map(|b| b.href.as_str()).collect();
        assert_eq!(hrefs, ["/elsewhere/", "/sub/a/#gone", "/sub/missing/"]);
    }
}
