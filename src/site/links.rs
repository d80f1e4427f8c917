//! Internal link checking over the built files: every `href`/`src` that points into the site
//! must name a file the build produced.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

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
    let index = LinkIndex::default();
    for file in files {
        index.add(&file.path, &file.bytes);
    }
    index.broken(base)
}

/// What the link check needs of a site, taken file by file as the site is made, so that the
/// files need not be kept: `check` of 10,000 articles held 4 GB of pages in memory to check
/// their links. Paths are kept whole; element ids as hashes; each distinct link once.
#[derive(Default)]
pub struct LinkIndex {
    inner: Mutex<Index>,
}

#[derive(Default)]
struct Index {
    paths: HashSet<String>,
    /// Hashes of `path#id` for every element id of every HTML file.
    ids: HashSet<u64>,
    /// HTML files, in the order they came.
    pages: Vec<String>,
    /// Each distinct link, and its number.
    hrefs: HashMap<String, u32>,
    /// (page, link) pairs, each once.
    links: Vec<(u32, u32)>,
}

fn id_hash(path: &str, id: &str) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(path.as_bytes());
    hasher.update(b"#");
    hasher.update(id.as_bytes());
    hasher.digest()
}

impl LinkIndex {
    /// Takes one file of the site: its path, and for an HTML file its ids and links.
    pub fn add(&self, path: &str, bytes: &[u8]) {
        let (ids, hrefs) = if path.ends_with(".html") {
            let html = String::from_utf8_lossy(bytes);
            let ids: Vec<u64> = element_ids(&html).map(|id| id_hash(path, id)).collect();
            let mut hrefs = attribute_values(&html);
            hrefs.sort();
            hrefs.dedup();
            (ids, Some(hrefs))
        } else {
            (Vec::new(), None)
        };
        let mut index = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        index.paths.insert(path.to_string());
        index.ids.extend(ids);
        if let Some(hrefs) = hrefs {
            let page = index.pages.len() as u32;
            index.pages.push(path.to_string());
            for href in hrefs {
                let next = index.hrefs.len() as u32;
                let n = *index.hrefs.entry(href).or_insert(next);
                index.links.push((page, n));
            }
        }
    }

    /// The links that point into the site at a file it does not have, or at an element that
    /// file does not have, sorted by page and link.
    pub fn broken(self, base: &BaseUrl) -> Vec<BrokenLink> {
        let index = self.inner.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut hrefs: Vec<&str> = vec![""; index.hrefs.len()];
        for (href, &n) in &index.hrefs {
            hrefs[n as usize] = href;
        }
        // Whether each distinct link is fine, worked out once however many pages carry it.
        let fine: Vec<bool> = hrefs
            .iter()
            .map(|href| {
                let Some(target) = internal_target(href, base) else {
                    return true;
                };
                match resolve(&target, &index.paths) {
                    None => false,
                    Some(found) => {
                        fragment(href).is_none_or(|id| index.ids.contains(&id_hash(&found, id)))
                    }
                }
            })
            .collect();
        let mut broken: Vec<BrokenLink> = index
            .links
            .iter()
            .filter(|&&(_, n)| !fine[n as usize])
            .map(|&(page, n)| BrokenLink {
                page: index.pages[page as usize].clone(),
                href: hrefs[n as usize].to_string(),
            })
            .collect();
        broken.sort_by(|a, b| (&a.page, &a.href).cmp(&(&b.page, &b.href)));
        broken.dedup();
        broken
    }
}

/// A site's files go to the index, not to disk or memory. A streamed file (`briefing.json`) is
/// made and dropped: only its path matters, as it holds no links.
impl super::Sink for LinkIndex {
    fn file(&self, file: OutputFile) -> Result<(), crate::diagnostics::Diagnostic> {
        self.add(&file.path, &file.bytes);
        Ok(())
    }

    fn stream(
        &self,
        path: &str,
        write: &super::Contents<'_>,
    ) -> Result<(), crate::diagnostics::Diagnostic> {
        write(&mut std::io::sink())
            .map_err(|e| crate::diagnostics::Diagnostic::error("output", format!("{path}: {e}")))?;
        self.add(path, &[]);
        Ok(())
    }
}

/// The element a link names after `#`, if any.
fn fragment(href: &str) -> Option<&str> {
    href.split_once('#')
        .map(|(_, f)| f)
        .filter(|f| !f.is_empty())
}

/// The `id` attributes of an HTML file.
fn element_ids(html: &str) -> impl Iterator<Item = &str> {
    html.split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(id, _)| id))
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

/// The file a site path names: itself, or the `index.html` of the folder it names.
fn resolve(target: &str, paths: &HashSet<String>) -> Option<String> {
    if target.is_empty() {
        return paths
            .contains("index.html")
            .then(|| "index.html".to_string());
    }
    if paths.contains(target) {
        return Some(target.to_string());
    }
    let index = format!("{}/index.html", target.trim_end_matches('/'));
    paths.contains(&index).then_some(index)
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
