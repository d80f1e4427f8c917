//! Stage 1, `load`: walk `content/`, read every article, and return [`Document`]s.
//!
//! Three forms are accepted, so users can drop in what they have:
//! Markdown with YAML front matter (`.md`, `.markdown`), plain text with an e-mail-style header
//! (`.txt` starting with `Title:` and friends), and plain text with no header (`.txt`, title on
//! the first line). Hidden files and folders are skipped, as are files of other kinds.
//! All problems of all files are collected; loading never stops at the first.

mod body;
mod date;
mod front_matter;
pub(crate) mod markdown;
mod plain;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

pub use body::{Body, SourceMap};
pub use date::parse_date;
pub use front_matter::Meta;

use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::slug::SlugSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    TextWithHeader,
    PlainText,
}

/// One article as read from disk.
#[derive(Debug, Clone)]
pub struct Document {
    /// Unique, stable id: a slug of the path inside `content/`.
    pub id: String,
    /// Path relative to the briefing folder, with `/` separators.
    pub path: String,
    pub format: Format,
    pub title: String,
    /// True when the source gave no title and `title` is made from the first words.
    pub title_derived: bool,
    pub outlet: Option<String>,
    /// ISO date, when one was given and could be read.
    pub date: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub body: Body,
    pub source_map: SourceMap,
    /// The file as read, for reporting positions of problems found later. A build that
    /// reports no such positions lets it go after loading (a big briefing's files are
    /// hundreds of MB); see [`Document::release_file_text`].
    pub file_text: Option<String>,
    /// Hash of the file's bytes, to reuse earlier extraction when nothing changed.
    pub content_hash: u64,
}

impl Document {
    /// Line and column in the source file of a byte offset in the body, while the file's
    /// text is kept.
    pub fn position_of(&self, body_offset: usize) -> Option<Position> {
        let text = self.file_text.as_deref()?;
        Some(Position::of_offset(
            text,
            self.source_map.source_offset(body_offset),
        ))
    }

    /// Frees the file as read, once nothing will ask for positions in it.
    pub fn release_file_text(&mut self) {
        self.file_text = None;
    }
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub diagnostics: Diagnostics,
}

pub const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// Loads every article under `root/content`, in path order.
pub fn load(root: &Path) -> Loaded {
    let content = root.join("content");
    let mut diagnostics = Diagnostics::new();
    if !content.is_dir() {
        diagnostics.push(
            Diagnostic::error("no-content", format!("there is no content folder at {}", content.display()))
                .with_help("put the articles in a folder named `content` inside the briefing folder, or pass --root to point at the briefing"),
        );
        return Loaded {
            documents: Vec::new(),
            diagnostics,
        };
    }
    let (paths, walk_problems) = article_paths(root, &content);
    diagnostics.extend(walk_problems);

    let progress = crate::progress::stage("load", paths.len());
    let results: Vec<Result<(Document, Diagnostics), Diagnostic>> = paths
        .par_iter()
        .map(|(abs, rel)| {
            let read = read_document(abs, rel);
            progress.advance();
            read
        })
        .collect();
    drop(progress);

    let mut documents = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok((doc, warnings)) => {
                documents.push(doc);
                diagnostics.extend(warnings);
            }
            Err(problem) => diagnostics.push(problem),
        }
    }
    assign_ids(&mut documents);
    Loaded {
        documents,
        diagnostics: diagnostics.sorted(),
    }
}

/// The article files under `content`, sorted, as (absolute path, path relative to `root`).
fn article_paths(root: &Path, content: &Path) -> (Vec<(PathBuf, String)>, Diagnostics) {
    let mut problems = Diagnostics::new();
    let mut paths = Vec::new();
    let walker = WalkDir::new(content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| relative(root, p)).unwrap_or_default();
                problems.push(
                    Diagnostic::error("io", format!("could not read this part of the content folder: {e}"))
                        .in_file(path)
                        .with_help("check the file's permissions, or for a symbolic link that it points at something that exists"),
                );
                continue;
            }
        };
        let rel = relative(root, entry.path());
        let has_article_extension = entry
            .path()
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if entry.file_type().is_dir() {
            if has_article_extension && entry.depth() > 0 {
                problems.push(
                    Diagnostic::error("not-a-file", format!("{rel} is a folder, not an article file"))
                        .in_file(&rel)
                        .with_help("articles are files ending in .md, .markdown or .txt; rename the folder (the articles inside it are still read)"),
                );
            }
            continue;
        }
        if has_article_extension {
            paths.push((entry.path().to_path_buf(), rel));
        }
    }
    (paths, problems)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn read_document(abs: &Path, rel: &str) -> Result<(Document, Diagnostics), Diagnostic> {
    let bytes = std::fs::read(abs).map_err(|e| {
        Diagnostic::error("io", format!("could not read the file: {e}"))
            .in_file(rel)
            .with_help("check that the file exists and that you may read it")
    })?;
    let content_hash = hash_bytes(&bytes);
    let text = decode_utf8(bytes, rel)?;
    parse_document(rel, text, content_hash)
}

/// Parses one article's text; `rel` is its path relative to the briefing folder.
pub fn parse_document(
    rel: &str,
    text: String,
    content_hash: u64,
) -> Result<(Document, Diagnostics), Diagnostic> {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.trim().is_empty() {
        return Err(Diagnostic::error("empty-file", "the file is empty")
            .in_file(rel)
            .with_help("write the article into it, or delete it"));
    }
    let mut warnings = Diagnostics::new();
    let is_markdown = !rel.to_ascii_lowercase().ends_with(".txt");
    let (format, meta, (body, map)) = if is_markdown {
        let split = front_matter::split_front_matter(&text).map_err(|d| d.in_file(rel))?;
        let body = markdown::read(split.body, split.body_offset);
        (Format::Markdown, split.meta, body)
    } else if let Some(header) = front_matter::split_header(&text) {
        for (line, content) in &header.unknown_lines {
            warnings.push(
                Diagnostic::warning("header", format!("header line not understood: {content:?}"))
                    .in_file(rel)
                    .at(Position { line: *line, column: 1 })
                    .with_help("header lines are `Title:`, `Outlet:`, `Date:`, `URL:` or `Author:` followed by the value; a blank line ends the header"),
            );
        }
        let body = plain::read(header.body, header.body_offset);
        (Format::TextWithHeader, header.meta, body)
    } else {
        let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
        let meta = Meta {
            title: Some(text[..first_line_end].trim().to_string()),
            ..Meta::default()
        };
        let body = plain::read(&text[first_line_end..], first_line_end);
        (Format::PlainText, meta, body)
    };

    for key in meta.unknown.keys() {
        let mut d = Diagnostic::warning(
            "front-matter",
            format!("unknown front matter key `{key}` is ignored"),
        )
        .in_file(rel);
        if let Some(pos) = key_position(&text, key) {
            d = d.at(pos);
        }
        let help = match closest_key(key) {
            Some(k) => format!(
                "did you mean `{k}`? Known keys: {}",
                front_matter::KNOWN_KEYS.join(", ")
            ),
            None => format!("known keys: {}", front_matter::KNOWN_KEYS.join(", ")),
        };
        warnings.push(d.with_help(help));
    }

    let date = match meta
        .date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        None => None,
        Some(raw) => {
            let parsed = parse_date(raw);
            if parsed.is_none() {
                let mut d = Diagnostic::warning("date", format!("could not read the date {raw:?}; the article is shown without a date"))
                    .in_file(rel)
                    .with_help("write dates as 2022-09-11, or as news sites do: \"Sept. 11, 2022\", \"11 September 2022\"");
                if let Some(pos) = key_position(&text, "date") {
                    d = d.at(pos);
                }
                warnings.push(d);
            }
            parsed
        }
    };

    let given_title = meta
        .title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    let (title, title_derived) = match given_title {
        Some(t) => (t, false),
        None => {
            warnings.push(
                Diagnostic::warning(
                    "no-title",
                    "the article has no title; its first words stand in for it",
                )
                .in_file(rel)
                .with_help("add `title: ...` to the front matter (or a `Title:` header line)"),
            );
            (derived_title(&body.text), true)
        }
    };

    let clean = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let url = clean(meta.url).filter(|url| {
        let web = is_web_address(url);
        if !web {
            let mut d = Diagnostic::warning(
                "url",
                format!("the url {url:?} is not a web address; the article is shown without it"),
            )
            .in_file(rel)
            .with_help(
                "write the address the article was published at, starting with https:// or http://",
            );
            if let Some(pos) = key_position(&text, "url") {
                d = d.at(pos);
            }
            warnings.push(d);
        }
        web
    });
    let document = Document {
        id: String::new(),
        path: rel.to_string(),
        format,
        title,
        title_derived,
        outlet: clean(meta.outlet),
        date,
        author: clean(meta.author),
        url,
        source: clean(meta.source),
        body,
        source_map: map,
        file_text: Some(text),
        content_hash,
    };
    Ok((document, warnings))
}

/// Only web addresses become links: a `javascript:` or `data:` URL in a scraped header must
/// never run in a reader's browser.
fn is_web_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.contains(char::is_whitespace)
}

fn decode_utf8(bytes: Vec<u8>, rel: &str) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let valid_up_to = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let prefix = String::from_utf8_lossy(&bytes[..valid_up_to]);
        let position = Position::of_offset(&prefix, prefix.len());
        Diagnostic::error(
            "encoding",
            format!("the file is not valid UTF-8 (byte 0x{:02X} cannot start a character)", bytes[valid_up_to]),
        )
        .in_file(rel)
        .at(position)
        .with_help("save the file as UTF-8; from Latin-1 or Windows-1252, for example: iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt")
    })
}

/// The first sentence (at most 12 words) of the body, for an article without a title.
fn derived_title(body: &str) -> String {
    let first_para = body.split("\n\n").next().unwrap_or("").trim();
    let sentence_end = first_para
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && first_para[i + 1..].starts_with(' '))
        .map_or(first_para.len(), |(i, _)| i);
    let sentence = &first_para[..sentence_end];
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.is_empty() {
        return "Untitled".to_string();
    }
    let mut title = words[..words.len().min(12)].join(" ");
    if words.len() > 12 {
        title.push('…');
    }
    title
}

fn key_position(text: &str, key: &str) -> Option<Position> {
    let needle = format!("\n{key}:");
    text.find(&needle).map(|i| Position::of_offset(text, i + 1))
}

fn closest_key(key: &str) -> Option<&'static str> {
    front_matter::KNOWN_KEYS
        .iter()
        .map(|k| (strsim::levenshtein(k, key), *k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, k)| k)
}

/// Ids are slugs of the path inside `content/` without extension; collisions are numbered in
/// path order, so ids are stable while the files stay where they are.
fn assign_ids(documents: &mut [Document]) {
    documents.sort_by(|a, b| a.path.cmp(&b.path));
    let mut slugs = SlugSet::new();
    for doc in documents.iter_mut() {
        let inner = doc.path.strip_prefix("content/").unwrap_or(&doc.path);
        let stem = match inner.rfind('.') {
            Some(dot) if !inner[dot..].contains('/') => &inner[..dot],
            _ => inner,
        };
        doc.id = slugs.claim(stem);
    }
}

/// XXH3 (64 bits): stable across runs and platforms, unlike std's randomly seeded hasher.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    // Gigabytes of pages are hashed on every build: this runs at memory speed.
    xxhash_rust::xxh3::xxh3_64(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(rel: &str, text: &str) -> Result<(Document, Diagnostics), Diagnostic> {
        parse_document(rel, text.to_string(), 0)
    }

    #[test]
    fn markdown_with_front_matter() {
        let (doc, warnings) = parse(
            "content/a.md",
            "---\ntitle: T\noutlet: NPR\ndate: Sept. 12, 2014\nauthor: A B\nsource: x.txt\n---\n\nFirst *para*.\n\nSecond.\n",
        )
        .unwrap();
        assert!(warnings.is_empty(), "{warnings}");
        assert_eq!(doc.format, Format::Markdown);
        assert_eq!(doc.title, "T");
        assert_eq!(doc.outlet.as_deref(), Some("NPR"));
        assert_eq!(doc.date.as_deref(), Some("2014-09-12"));
        assert_eq!(doc.author.as_deref(), Some("A B"));
        assert_eq!(doc.source.as_deref(), Some("x.txt"));
        assert_eq!(&*doc.body.text, "First para.\n\nSecond.");
        let at = doc.body.text.find("Second").unwrap();
        assert_eq!(
            doc.position_of(at),
            Some(Position {
                line: 11,
                column: 1
            })
        );
    }

    #[test]
    fn text_with_header() {
        let (doc, _) = parse(
            "content/b.txt",
            "Title: Jobs\nOutlet: CNN (Web News)\nDate: 2012-10-05\nURL: http://example.com/a\n\nPara one.\n\nPara two.\n",
        )
        .unwrap();
        assert_eq!(doc.format, Format::TextWithHeader);
        assert_eq!(doc.title, "Jobs");
        assert_eq!(doc.outlet.as_deref(), Some("CNN (Web News)"));
        assert_eq!(doc.url.as_deref(), Some("http://example.com/a"));
        assert_eq!(doc.date.as_deref(), Some("2012-10-05"));
        assert_eq!(&*doc.body.text, "Para one.\n\nPara two.");
        assert_eq!(doc.position_of(0), Some(Position { line: 6, column: 1 }));
    }

    #[test]
    fn text_without_header_takes_its_title_from_the_first_line() {
        let (doc, _) = parse(
            "content/c.txt",
            "Firefighters contain blaze\n\nPrescott: the chief said.\n",
        )
        .unwrap();
        assert_eq!(doc.format, Format::PlainText);
        assert_eq!(doc.title, "Firefighters contain blaze");
        assert_eq!(&*doc.body.text, "Prescott: the chief said.");
        assert!(doc.outlet.is_none() && doc.date.is_none());
    }

    #[test]
    fn unreadable_date_is_a_warning_not_an_error() {
        let (doc, warnings) = parse(
            "content/d.md",
            "---\ntitle: T\ndate: last Tuesday\n---\nBody",
        )
        .unwrap();
        assert_eq!(doc.date, None);
        let w: Vec<_> = warnings.iter().collect();
        assert_eq!(w.len(), 1);
        assert!(!w[0].is_error());
        assert_eq!(w[0].position, Some(Position { line: 3, column: 1 }));
    }

    #[test]
    fn missing_title_is_derived_from_the_first_sentence_and_flagged() {
        let (doc, warnings) = parse(
            "content/e.md",
            "---\ndate: 2014-08-05\n---\nEgypt said things on Tuesday. More.",
        )
        .unwrap();
        assert!(doc.title_derived);
        assert_eq!(doc.title, "Egypt said things on Tuesday");
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn empty_files_are_errors() {
        let err = parse("content/f.md", "  \n\n").unwrap_err();
        assert_eq!(err.code, "empty-file");
        assert_eq!(err.file.as_deref(), Some(Path::new("content/f.md")));
    }

    #[test]
    fn non_utf8_is_an_error_with_the_position_of_the_bad_byte() {
        let err =
            decode_utf8(b"Title: x\n\nCaf\xe9 au lait".to_vec(), "content/g.txt").unwrap_err();
        assert_eq!(err.code, "encoding");
        assert_eq!(err.position, Some(Position { line: 3, column: 4 }));
        assert!(err.help.unwrap().contains("UTF-8"));
    }

    #[test]
    fn unknown_keys_get_a_did_you_mean() {
        let (_, warnings) = parse("content/h.md", "---\ntitel: x\n---\nBody").unwrap();
        let w = warnings.iter().next().unwrap();
        assert!(w.help.as_ref().unwrap().contains("did you mean `title`"));
        assert_eq!(w.position, Some(Position { line: 2, column: 1 }));
    }

    #[test]
    fn ids_are_unique_and_stable() {
        let mk = |p: &str| parse(p, "x\n\ny").unwrap().0;
        let mut docs = vec![
            mk("content/b/a.txt"),
            mk("content/a b.txt"),
            mk("content/a-b.md"),
        ];
        assign_ids(&mut docs);
        let ids: Vec<_> = docs
            .iter()
            .map(|d| (d.path.as_str(), d.id.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                ("content/a b.txt", "a-b"),
                ("content/a-b.md", "a-b-2"),
                ("content/b/a.txt", "b-a")
            ]
        );
    }
}
