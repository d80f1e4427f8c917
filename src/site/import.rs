//! `crossbrief import`: raw articles into content files with front matter.
//!
//! Each input is a file or a folder (walked recursively, in name order, skipping files and
//! folders whose names start with `.`, and the `NAME_files/` folder a browser saves next to
//! `NAME.html`). Every accepted file becomes one `<slug>.md` in the target folder, the slug
//! being [`slugify`](crate::slug::slugify) of the file's name without extension; when two
//! inputs of one run want the same slug, the later one (in input order) gets `-2`, `-3`, ...
//!
//! - **`.txt`**, with an e-mail-style header or with the title on the first line: read with
//!   [`parse_document`], written as Markdown with front matter (`title`, `outlet`, `date`,
//!   `author`, `url`, `source`, only those that have values) and the body escaped so that
//!   Markdown reads it back as the same text: loading the written file gives the same body text
//!   as loading the `.txt` did (every import checks this before writing).
//! - **`.md`, `.markdown`**: copied as they are when they have front matter; otherwise front
//!   matter with `source` (and `title`, from a leading `# Heading` line, which is then removed)
//!   is added in front of the unchanged text.
//! - **`.html`, `.htm`** (saved web pages): the article is extracted with dom_smoothie's
//!   Readability; title, byline (→ `author`), publication time (→ `date`) and site name
//!   (→ `outlet`) come from the page, `url` from its canonical link, `og:url` or JSON-LD. The
//!   body is the article's text, one paragraph per block of the page. No value is invented: a
//!   page that does not name its outlet gets no `outlet`.
//!
//! Dates are written as ISO dates when [`parse_date`] can read them, and as given otherwise, so
//! `crossbrief check` still points at them. Output is deterministic: the same inputs give the
//! same files, byte for byte.
//!
//! **Errors.** Problems of one input never stop the run: an unreadable file, text that is not
//! UTF-8, a page with no article text, invalid front matter, a target that exists without
//! `force` (existing files are never overwritten unless `force` is given) or one that cannot be
//! written are recorded in [`ImportReport::skipped`] with a reason that says what to do, and
//! every other input is still imported. So are `.txt` and `.md` files already inside the
//! target folder (the loader reads them as they are; importing them would duplicate them).
//! Only problems that make the whole run pointless are returned as `Err`: no inputs, or a
//! target folder that is a file or cannot be created. Nothing is written in that case.

use std::collections::HashSet;
use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use dom_smoothie::{Config, Readability, TextMode};
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::load::{Format, parse_date, parse_document};
use crate::slug::SlugSet;

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ImportReport {
    /// Content files written.
    pub created: Vec<PathBuf>,
    /// Inputs not imported, with the reason (e.g. the target exists and --force was not given).
    pub skipped: Vec<(PathBuf, String)>,
}

const KINDS_HELP: &str = ".txt, .md, .markdown, .html or .htm";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Markdown,
    Html,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" => Some(Kind::Text),
        "md" | "markdown" => Some(Kind::Markdown),
        "html" | "htm" => Some(Kind::Html),
        _ => None,
    }
}

/// Imports `inputs` (files or folders) into the folder `into`.
///
/// Writes nothing over an existing file unless `force`. See the module documentation for what
/// is skipped and what is an error.
pub fn import(inputs: &[PathBuf], into: &Path, force: bool) -> Result<ImportReport, Diagnostics> {
    if inputs.is_empty() {
        return Err(one(Diagnostic::error("import", "nothing to import")
            .with_help(format!(
                "name the files or folders to import: {KINDS_HELP} files, or folders holding them"
            ))));
    }
    prepare_target(into).map_err(one)?;
    let canonical_into = fs::canonicalize(into).unwrap_or_else(|_| into.to_path_buf());

    let mut report = ImportReport::default();
    let files = collect_inputs(inputs, &mut report);
    let mut seen = HashSet::new();
    let mut slugs = SlugSet::new();
    for file in files {
        let canonical = fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
        if !seen.insert(canonical.clone()) {
            continue; // named twice, or inside two of the folders named
        }
        let Some(kind) = kind_of(&file) else {
            continue;
        };
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Claimed whatever happens next, so names stay the same when a failing input is fixed.
        let slug = slugs.claim(&stem);
        let target = into.join(format!("{slug}.md"));
        if kind != Kind::Html && canonical.starts_with(&canonical_into) {
            report.skipped.push((
                file.clone(),
                format!(
                    "{} is already in {}, where crossbrief reads it as it is; import files from elsewhere",
                    file.display(),
                    into.display()
                ),
            ));
            continue;
        }
        let markdown = match convert(&file, kind) {
            Ok(m) => m,
            Err(problem) => {
                report.skipped.push((file, reason(&problem)));
                continue;
            }
        };
        match write_target(&target, &markdown, force) {
            Ok(()) => report.created.push(target),
            Err(why) => report.skipped.push((file, why)),
        }
    }
    Ok(report)
}

fn one(d: Diagnostic) -> Diagnostics {
    std::iter::once(d).collect()
}

/// Makes sure `into` is a folder, creating it if needed.
fn prepare_target(into: &Path) -> Result<(), Diagnostic> {
    match fs::metadata(into) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(Diagnostic::error(
            "import-target",
            format!("{} is a file, not a folder", into.display()),
        )
        .in_file(into)
        .with_help("pass --into with the folder the content files should go to (content/ by default)")),
        Err(_) => fs::create_dir_all(into).map_err(|e| {
            Diagnostic::error(
                "import-target",
                format!("could not create the folder {}: {e}", into.display()),
            )
            .in_file(into)
            .with_help("check that the folder above it exists and that you may write to it, or pass --into with another folder")
        }),
    }
}

/// The files to import, in input order and, inside folders, in name order. Problems with the
/// inputs themselves go to `report.skipped`.
fn collect_inputs(inputs: &[PathBuf], report: &mut ImportReport) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for input in inputs {
        let meta = match fs::metadata(input) {
            Ok(m) => m,
            Err(e) => {
                let why = if e.kind() == ErrorKind::NotFound {
                    "there is no such file or folder; check the name".to_string()
                } else {
                    format!("could not read it: {e}; check that it exists and that you may read it")
                };
                report.skipped.push((input.clone(), why));
                continue;
            }
        };
        if !meta.is_dir() {
            if kind_of(input).is_some() {
                files.push(input.clone());
            } else {
                report.skipped.push((
                    input.clone(),
                    format!("not an article file; import reads {KINDS_HELP} files"),
                ));
            }
            continue;
        }
        let before = files.len();
        let walker = WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || !(is_hidden(e.file_name()) || is_saved_page_assets(e))
            });
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && kind_of(e.path()).is_some() => {
                    files.push(e.path().to_path_buf());
                }
                Ok(_) => {}
                Err(e) => {
                    let path = e.path().map_or_else(|| input.clone(), Path::to_path_buf);
                    report.skipped.push((
                        path,
                        format!("could not read it: {e}; check its permissions, or for a symbolic link that it points at something that exists"),
                    ));
                }
            }
        }
        if files.len() == before {
            report.skipped.push((
                input.clone(),
                format!("the folder holds no {KINDS_HELP} files"),
            ));
        }
    }
    files
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// `NAME_files/`, saved by browsers next to `NAME.html` with the page's images, scripts and
/// embedded frames: none of it is the article.
fn is_saved_page_assets(entry: &walkdir::DirEntry) -> bool {
    if !entry.file_type().is_dir() {
        return false;
    }
    let Some(stem) = entry
        .file_name()
        .to_str()
        .and_then(|n| n.strip_suffix("_files"))
    else {
        return false;
    };
    let Some(parent) = entry.path().parent() else {
        return false;
    };
    ["html", "htm"]
        .iter()
        .any(|ext| parent.join(format!("{stem}.{ext}")).is_file())
}

/// A skip reason from a diagnostic: what is wrong, where, and what to do.
fn reason(d: &Diagnostic) -> String {
    let mut s = d.message.clone();
    if let Some(p) = d.position {
        s.push_str(&format!(" (line {}, column {})", p.line, p.column));
    }
    if let Some(help) = &d.help {
        s.push_str("; ");
        s.push_str(help);
    }
    s
}

fn write_target(target: &Path, markdown: &str, force: bool) -> Result<(), String> {
    let result = if force {
        fs::write(target, markdown)
    } else {
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(target)
            .and_then(|mut f| f.write_all(markdown.as_bytes()))
    };
    result.map_err(|e| {
        if e.kind() == ErrorKind::AlreadyExists {
            format!("{} exists; pass --force to overwrite", target.display())
        } else {
            format!(
                "could not write {}: {e}; check that you may write to the folder",
                target.display()
            )
        }
    })
}

/// The content file for one input.
fn convert(file: &Path, kind: Kind) -> Result<String, Diagnostic> {
    let display = file.to_string_lossy().replace('\\', "/");
    let text = read_text(file, &display)?;
    let source = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match kind {
        Kind::Text => convert_text(&display, text, source),
        Kind::Markdown => convert_markdown(&display, text, source),
        Kind::Html => convert_html(&display, &text, source),
    }
}

fn read_text(file: &Path, display: &str) -> Result<String, Diagnostic> {
    let bytes = fs::read(file).map_err(|e| {
        Diagnostic::error("io", format!("could not read the file: {e}"))
            .in_file(display)
            .with_help("check that the file exists and that you may read it")
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid_up_to = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let prefix = String::from_utf8_lossy(&bytes[..valid_up_to]);
        Diagnostic::error(
            "encoding",
            format!(
                "the file is not valid UTF-8 (byte 0x{:02X} cannot start a character)",
                bytes[valid_up_to]
            ),
        )
        .in_file(display)
        .at(Position::of_offset(&prefix, prefix.len()))
        .with_help("save the file as UTF-8; from Windows-1252, for example: iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt")
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Front matter values, in the order they are written.
#[derive(Debug, Default)]
struct FrontMatter {
    title: Option<String>,
    outlet: Option<String>,
    date: Option<String>,
    author: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

impl FrontMatter {
    fn to_yaml(&self) -> String {
        let mut out = String::from("---\n");
        let fields = [
            ("title", &self.title),
            ("outlet", &self.outlet),
            ("date", &self.date),
            ("author", &self.author),
            ("url", &self.url),
            ("source", &self.source),
        ];
        for (key, value) in fields {
            if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                out.push_str(key);
                out.push_str(": ");
                out.push_str(&yaml_quote(v));
                out.push('\n');
            }
        }
        out.push_str("---\n");
        out
    }
}

/// A YAML double-quoted scalar holding exactly `value`.
fn yaml_quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Joins front matter and a Markdown body into a content file.
fn content_file(front: &FrontMatter, body_markdown: &str) -> String {
    let mut out = front.to_yaml();
    if !body_markdown.is_empty() {
        out.push('\n');
        out.push_str(body_markdown);
        out.push('\n');
    }
    out
}

/// A date as ISO when it can be read, as given otherwise (so the build warns about it).
fn date_value(raw: Option<&str>) -> Option<String> {
    let raw = raw.map(str::trim).filter(|r| !r.is_empty())?;
    Some(parse_date(raw).unwrap_or_else(|| raw.to_string()))
}

fn convert_text(display: &str, text: String, source: String) -> Result<String, Diagnostic> {
    let (doc, _warnings) = parse_document(display, text, 0)?;
    // A header date crossbrief cannot read is kept as written rather than dropped.
    let date = doc.date.clone().or_else(|| {
        (doc.format == Format::TextWithHeader)
            .then(|| date_value(raw_header_date(doc.file_text.as_deref()?)))
            .flatten()
    });
    let front = FrontMatter {
        title: (!doc.title_derived).then(|| doc.title.clone()),
        outlet: doc.outlet.clone(),
        date,
        author: doc.author.clone(),
        url: doc.url.clone(),
        source: Some(source),
    };
    let markdown = content_file(&front, &escape_markdown(&doc.body.text));
    check_round_trip(display, &markdown, &doc.body.text)?;
    Ok(markdown)
}

/// The `Date:` (or `Published:`) value of a plain-text header, as written.
fn raw_header_date(text: &str) -> Option<&str> {
    text.lines()
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| matches!(k.trim().to_ascii_lowercase().as_str(), "date" | "published"))
        .map(|(_, v)| v.trim())
}

fn convert_markdown(display: &str, text: String, source: String) -> Result<String, Diagnostic> {
    // Refuse what the build would refuse (unclosed or invalid front matter, an empty file).
    parse_document(display, text.clone(), 0)?;
    let has_front_matter = text
        .split_inclusive('\n')
        .next()
        .is_some_and(|first| first.trim_end() == "---" && first.ends_with('\n'));
    if has_front_matter {
        return Ok(text);
    }
    // A leading `# Title` becomes the title, unless it is all the file holds.
    let (title, rest) = match split_leading_heading(&text) {
        Some((title, rest)) if !rest.trim().is_empty() => (Some(title), rest),
        _ => (None, text.as_str()),
    };
    let front = FrontMatter {
        title,
        source: Some(source),
        ..FrontMatter::default()
    };
    let mut out = front.to_yaml();
    out.push('\n');
    out.push_str(rest.trim_start_matches(['\n', '\r']));
    Ok(out)
}

/// A first line `# Title` (ATX level 1): the title, and the text after that line.
fn split_leading_heading(text: &str) -> Option<(String, &str)> {
    let first = text.split_inclusive('\n').next()?;
    let line = first.trim_end_matches(['\n', '\r']);
    let heading = line.strip_prefix("# ")?;
    let title = heading.trim().trim_end_matches('#').trim_end();
    if title.is_empty() || title.ends_with('\\') {
        return None;
    }
    Some((title.to_string(), &text[first.len()..]))
}

/// Fewer non-space characters than this in the extracted text and a page holds no article
/// (dom_smoothie's own threshold for a readable page is 140 characters).
const MIN_ARTICLE_CHARS: usize = 100;

fn convert_html(display: &str, html: &str, source: String) -> Result<String, Diagnostic> {
    let no_text = || {
        Diagnostic::error("no-article-text", "no article text found in the page")
            .in_file(display)
            .with_help("save the page once the article has loaded (in the browser: Save Page As, \"Web Page, complete\"), or copy the article's text into a .txt file and import that")
    };
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability = Readability::new(html, None, Some(config)).map_err(|e| {
        Diagnostic::error("html", format!("could not read the page: {e}")).in_file(display)
    })?;
    let page_url = page_url(&readability);
    let article = readability.parse().map_err(|_| no_text())?;

    let title = clean(Some(article.title.as_str()));
    let author = clean(article.byline.as_deref()).map(|b| strip_by(&b).to_string());
    let mut paragraphs = paragraphs_of(&article.text_content);
    // Readability sometimes leaves the headline or the byline at the top of the text.
    while let Some(first) = paragraphs.first() {
        let is_title = title.as_deref().is_some_and(|t| same_words(first, t));
        let is_byline = author
            .as_deref()
            .is_some_and(|a| same_words(strip_by(first), a));
        if is_title || is_byline {
            paragraphs.remove(0);
        } else {
            break;
        }
    }
    let body = paragraphs.join("\n\n");
    // Readability returns its best attempt even for a page with no article (a menu, a cookie
    // wall): too little text to be an article is no article.
    if body.chars().filter(|c| !c.is_whitespace()).count() < MIN_ARTICLE_CHARS {
        return Err(no_text());
    }
    let front = FrontMatter {
        title,
        outlet: clean(article.site_name.as_deref()),
        date: date_value(article.published_time.as_deref()),
        author,
        url: page_url.or_else(|| article.url.as_deref().and_then(absolute_url)),
        source: Some(source),
    };
    let markdown = content_file(&front, &escape_markdown(&body));
    check_round_trip(display, &markdown, &body)?;
    Ok(markdown)
}

fn clean(value: Option<&str>) -> Option<String> {
    let v = value?.split_whitespace().collect::<Vec<_>>().join(" ");
    (!v.is_empty()).then_some(v)
}

/// "By Jane Doe" → "Jane Doe".
fn strip_by(byline: &str) -> &str {
    let t = byline.trim();
    match t.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => t[3..].trim_start(),
        _ => t,
    }
}

fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    words(a) == words(b)
}

/// The page's own address: its canonical link, else `og:url`; only absolute http(s) URLs.
fn page_url(readability: &Readability) -> Option<String> {
    let doc = &readability.doc;
    let canonical = doc.select(r#"link[rel~="canonical"][href]"#).attr("href");
    let og = doc
        .select(r#"meta[property="og:url"][content]"#)
        .attr("content");
    [canonical, og]
        .into_iter()
        .flatten()
        .find_map(|u| absolute_url(&u))
}

fn absolute_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    ((lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.contains(char::is_whitespace))
    .then(|| url.to_string())
}

/// Paragraphs of extracted text: blocks separated by blank lines, lines trimmed; single line
/// breaks inside a block (from `<br>`, list items) are kept.
fn paragraphs_of(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs
}

/// Verifies that the written file reads back with exactly `expected` as its body text.
fn check_round_trip(display: &str, markdown: &str, expected: &str) -> Result<(), Diagnostic> {
    let same = parse_document("import.md", markdown.to_string(), 0)
        .is_ok_and(|(doc, _)| *doc.body.text == *expected);
    if same {
        Ok(())
    } else {
        Err(Diagnostic::error(
            "import",
            "the text could not be written as Markdown without changing it",
        )
        .in_file(display)
        .with_help("copy the file into content/ as it is (.txt files are read directly), and report this as a bug"))
    }
}

/// Plain text (paragraphs separated by blank lines, single newlines inside a paragraph) as
/// Markdown that reads back as exactly the same text.
///
/// Everything Markdown could take for syntax is escaped: backslashes, emphasis, code, links,
/// HTML and entities, strikethrough and table pipes anywhere; headings, quotes, list markers,
/// setext underlines and thematic breaks at the start of a line. Leading whitespace, which
/// Markdown would drop (or read as code), is written as character references.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        escape_line(line, &mut out);
    }
    out
}

fn escape_line(line: &str, out: &mut String) {
    let rest = line.trim_start();
    for c in line[..line.len() - rest.len()].chars() {
        out.push_str(&format!("&#{};", u32::from(c)));
    }
    let mut chars = rest.char_indices().peekable();
    // Block syntax at the start of the line.
    if let Some(&(_, c)) = chars.peek() {
        if matches!(c, '#' | '>' | '-' | '+' | '=') {
            out.push('\\');
        } else if c.is_ascii_digit() {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if rest[digits..].starts_with(['.', ')']) {
                out.push_str(&rest[..digits]);
                out.push('\\');
                for _ in 0..digits {
                    chars.next();
                }
            }
        }
    }
    for (_, c) in chars {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '&' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `txt` as a .txt article, converts it, and reads the result back.
    fn round_trip(txt: &str) -> (crate::load::Document, crate::load::Document, String) {
        let (before, _) = parse_document("a.txt", txt.to_string(), 0).unwrap();
        let md = convert_text("a.txt", txt.to_string(), "a.txt".to_string()).unwrap();
        let (after, _) = parse_document("a.md", md.clone(), 0).unwrap();
        (before, after, md)
    }

    const TRICKY: &str = "\
Title: \"Quotes\": *stars* & <tags> #1 \\ back
Outlet: Agence: France-Presse
Date: Sept. 10, 2022
Author: O'Brien, Ann
URL: https://example.org/a_b?x=1&y=2

# Not a heading
> not a quote
- not a list
+ not a list either
* nor this
1. not ordered
2) nor this
12345. a year-like start
2022.09.11 is a date
---
===
***
___
Inline *stars*, _underscores_, `code`, [links](http://x), <b>html</b>, &amp; entities,
a \\ backslash, a trailing backslash\\
~~strike~~ and ~one~, a | b | c, [^1] footnote, ![image](x.png)
<!-- comment -->
    four spaces of indent
\tand a tab
  two spaces at the start
```
fenced?
```
~~~
Keep   inner   spacing	and tabs.

[ref]: http://example.org/
| a | b |
|---|---|
| 1 | 2 |

Line with CR\rin it and trailing spaces   
- [ ] task

Term
: definition
$math$ and $$display$$
http://autolink.example and www.example.org
Last paragraph.
";

    #[test]
    fn tricky_plain_text_survives_the_round_trip() {
        let (before, after, md) = round_trip(TRICKY);
        assert_eq!(after.body.text, before.body.text, "written:\n{md}");
        assert_eq!(after.title, before.title);
        assert_eq!(after.outlet, before.outlet);
        assert_eq!(after.author, before.author);
        assert_eq!(after.url, before.url);
        assert_eq!(after.date.as_deref(), Some("2022-09-10"));
        assert_eq!(after.source.as_deref(), Some("a.txt"));
        // Every line of the body is one paragraph or line of plain text, nothing else.
        assert!(
            after
                .body
                .blocks
                .iter()
                .all(|b| b.kind == crate::model::BlockKind::Paragraph && b.inlines.is_empty())
        );
        assert_eq!(after.body.blocks.len(), before.body.blocks.len());
    }

    #[test]
    fn plain_text_without_header_keeps_its_first_line_as_title() {
        let (before, after, md) =
            round_trip("Title with: colon # and \"quotes\"\n\n* Body *one*\n_two_\n");
        assert_eq!(after.title, "Title with: colon # and \"quotes\"");
        assert_eq!(after.body.text, before.body.text, "{md}");
        assert!(!md.contains("outlet:") && !md.contains("date:"), "{md}");
    }

    #[test]
    fn unreadable_dates_are_kept_as_written() {
        let (_, after, md) = round_trip("Title: T\nDate: last Tuesday\n\nBody.\n");
        assert!(md.contains("date: \"last Tuesday\"\n"), "{md}");
        assert_eq!(after.date, None);
    }

    #[test]
    fn random_punctuation_soup_survives_the_round_trip() {
        const ALPHABET: &[&str] = &[
            "a",
            "b",
            " ",
            " ",
            "\t",
            "\n",
            "\n",
            "\n\n",
            "*",
            "_",
            "`",
            "[",
            "]",
            "(",
            ")",
            "<",
            ">",
            "&",
            "#",
            "-",
            "+",
            "=",
            "~",
            "|",
            "\\",
            "!",
            "^",
            ":",
            ".",
            "1",
            "9",
            "$",
            "'",
            "\"",
            "é",
            "\u{a0}",
            "&amp;",
            "http://x.y/",
            "---",
            "```",
            "    ",
            "\r",
            "{",
            "}",
            "\u{c}",
            "\u{b}",
            "\u{2028}",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..3000 {
            let len = (next() % 40) as usize + 1;
            let mut body = String::new();
            for _ in 0..len {
                body.push_str(ALPHABET[(next() % ALPHABET.len() as u64) as usize]);
            }
            let txt = format!("Title: T\n\nx{body}\n");
            let (before, _) = parse_document("a.txt", txt.clone(), 0).unwrap();
            let md = content_file(&FrontMatter::default(), &escape_markdown(&before.body.text));
            let (after, _) = parse_document("a.md", md.clone(), 0).unwrap();
            assert_eq!(
                after.body.text, before.body.text,
                "input {txt:?}\nwritten {md:?}"
            );
        }
    }

    #[test]
    fn front_matter_values_are_quoted_safely() {
        let tricky = [
            "yes",
            "2022",
            "a: b # c",
            "\"q\" \\ 'p'",
            "- item",
            "[x]",
            "tab\there",
            "@at",
            "%pct",
            "é ü 中文",
            "null",
            "~",
        ];
        for value in tricky {
            let front = FrontMatter {
                title: Some(value.to_string()),
                author: Some(value.to_string()),
                ..FrontMatter::default()
            };
            let md = content_file(&front, "Body");
            let (doc, warnings) = parse_document("a.md", md.clone(), 0).unwrap();
            assert_eq!(doc.title, value, "{md}");
            assert_eq!(doc.author.as_deref(), Some(value), "{md}");
            assert!(warnings.is_empty(), "{warnings}");
        }
    }

    #[test]
    fn html_text_is_split_into_paragraphs() {
        let text = "  First para.\nsame block  \n\n\n Second. \n";
        assert_eq!(paragraphs_of(text), ["First para.\nsame block", "Second."]);
    }

    #[test]
    fn bylines_lose_their_by() {
        assert_eq!(strip_by("By Jane Doe"), "Jane Doe");
        assert_eq!(strip_by("BY  Jane"), "Jane");
        assert_eq!(strip_by("Byron Smith"), "Byron Smith");
    }

    #[test]
    fn markdown_without_front_matter_gets_a_title_from_its_heading() {
        let md =
            convert_markdown("a.md", "# The day\n\nBody *text*.\n".into(), "a.md".into()).unwrap();
        assert_eq!(
            md,
            "---\ntitle: \"The day\"\nsource: \"a.md\"\n---\n\nBody *text*.\n"
        );
        let with = "---\ntitle: X\n---\nBody\n";
        assert_eq!(
            convert_markdown("b.md", with.into(), "b.md".into()).unwrap(),
            with
        );
        assert!(convert_markdown("c.md", "---\ntitle: X\n\nBody".into(), "c.md".into()).is_err());
    }
}
