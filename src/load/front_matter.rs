//! Article metadata: YAML front matter in Markdown files, and the e-mail-style header of
//! plain-text files (`Title:`, `Outlet:`, `Date:`, `URL:`, `Author:` lines, then a blank line).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Position};

/// Metadata as the author wrote it, before dates are read.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    #[serde(deserialize_with = "scalar_as_string")]
    pub date: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// Keys crossbrief does not know; kept so a typo can be pointed out.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_yaml::Value>,
}

pub const KNOWN_KEYS: &[&str] = &["title", "outlet", "date", "author", "url", "source"];

/// YAML reads `date: 2022-09-11` as a string but `date: 2022` as a number: accept both.
fn scalar_as_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = Option::<serde_yaml::Value>::deserialize(d)?;
    Ok(match value {
        None | Some(serde_yaml::Value::Null) => None,
        Some(serde_yaml::Value::String(s)) => Some(s),
        Some(serde_yaml::Value::Number(n)) => Some(n.to_string()),
        Some(other) => Some(
            serde_yaml::to_string(&other)
                .unwrap_or_default()
                .trim()
                .to_string(),
        ),
    })
}

/// A Markdown file split at its front matter.
#[derive(Debug)]
pub struct Split<'a> {
    pub meta: Meta,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// Byte offset of `body` in the file.
    pub body_offset: usize,
}

/// Splits `---`-fenced YAML front matter from a Markdown file. A file without front matter is
/// all body. Errors carry the file's line and column.
pub fn split_front_matter(text: &str) -> Result<Split<'_>, Diagnostic> {
    let Some(first_line_end) = opening_fence(text) else {
        return Ok(Split {
            meta: Meta::default(),
            body: text,
            body_offset: 0,
        });
    };
    let yaml_start = first_line_end;
    let mut offset = yaml_start;
    let mut close = None;
    for line in text[yaml_start..].split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']).trim_end();
        if bare == "---" || bare == "..." {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((yaml_end, body_offset)) = close else {
        return Err(Diagnostic::error(
            "front-matter",
            "the front matter opened on line 1 is never closed",
        )
        .at(Position { line: 1, column: 1 })
        .with_help(
            "add a line with only `---` after the last metadata line, before the article text",
        ));
    };
    let yaml = &text[yaml_start..yaml_end];
    let meta = parse_yaml_meta(yaml, text, yaml_start)?;
    Ok(Split {
        meta,
        body: &text[body_offset..],
        body_offset,
    })
}

fn opening_fence(text: &str) -> Option<usize> {
    let first = text.split_inclusive('\n').next()?;
    (first.trim_end() == "---" && first.ends_with('\n')).then_some(first.len())
}

fn parse_yaml_meta(yaml: &str, file_text: &str, yaml_start: usize) -> Result<Meta, Diagnostic> {
    if yaml.trim().is_empty() {
        return Ok(Meta::default());
    }
    serde_yaml::from_str::<Meta>(yaml).map_err(|e| {
        let position = e
            .location()
            .map(|l| Position::of_offset(file_text, yaml_start + l.index()))
            .unwrap_or(Position { line: 2, column: 1 });
        let message = strip_location(&e.to_string());
        Diagnostic::error("front-matter", format!("invalid front matter: {message}"))
            .at(position)
            .with_help(
                "front matter is YAML: one `key: value` per line; put values that contain `: `, `#` or quotes in double quotes",
            )
    })
}

/// serde_yaml appends "at line X column Y" relative to the YAML text; we report file positions.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The header of a plain-text article: `Key: value` lines up to the first blank line.
#[derive(Debug)]
pub struct Header<'a> {
    pub meta: Meta,
    pub body: &'a str,
    pub body_offset: usize,
    /// Lines of the header that are not `Key: value` with a known key: (line number, text).
    pub unknown_lines: Vec<(usize, String)>,
}

const HEADER_KEYS: &[(&str, &str)] = &[
    ("title", "title"),
    ("headline", "title"),
    ("outlet", "outlet"),
    ("publication", "outlet"),
    ("source", "outlet"),
    ("date", "date"),
    ("published", "date"),
    ("url", "url"),
    ("link", "url"),
    ("author", "author"),
    ("authors", "author"),
    ("byline", "author"),
];

fn header_key(line: &str) -> Option<(&'static str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim().to_ascii_lowercase();
    HEADER_KEYS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, field)| (*field, value.trim()))
}

/// Reads the e-mail-style header if the file starts with one (its first line is a known
/// `Key: value`). Returns `None` for a plain-text file without a header.
pub fn split_header(text: &str) -> Option<Header<'_>> {
    let first = text.lines().next()?;
    header_key(first)?;
    let mut meta = Meta::default();
    let mut unknown_lines = Vec::new();
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let bare = line.trim_end_matches(['\n', '\r']);
        offset += line.len();
        if bare.trim().is_empty() {
            break;
        }
        match header_key(bare) {
            Some((field, value)) => {
                let value = (!value.is_empty()).then(|| value.to_string());
                let slot = match field {
                    "title" => &mut meta.title,
                    "outlet" => &mut meta.outlet,
                    "date" => &mut meta.date,
                    "url" => &mut meta.url,
                    _ => &mut meta.author,
                };
                if slot.is_none() {
                    *slot = value;
                }
            }
            None => unknown_lines.push((i + 1, bare.to_string())),
        }
    }
    Some(Header {
        meta,
        body: &text[offset..],
        body_offset: offset,
        unknown_lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_from_the_body() {
        let text = "---\ntitle: \"A: B\"\noutlet: NPR\ndate: 2013-07-01\n---\n\nBody text.\n";
        let split = split_front_matter(text).unwrap();
        assert_eq!(split.meta.title.as_deref(), Some("A: B"));
        assert_eq!(split.meta.outlet.as_deref(), Some("NPR"));
        assert_eq!(split.meta.date.as_deref(), Some("2013-07-01"));
        assert_eq!(split.body, "\nBody text.\n");
        assert_eq!(&text[split.body_offset..], split.body);
    }

    #[test]
    fn a_file_without_front_matter_is_all_body() {
        let split = split_front_matter("# Title\n\nText").unwrap();
        assert_eq!(split.body, "# Title\n\nText");
        assert_eq!(split.meta, Meta::default());
    }

    #[test]
    fn unclosed_front_matter_is_an_error_at_line_one() {
        let err = split_front_matter("---\ntitle: x\n\nBody").unwrap_err();
        assert!(err.message.contains("never closed"), "{}", err.message);
        assert_eq!(err.position, Some(Position { line: 1, column: 1 }));
        assert!(err.help.unwrap().contains("---"));
    }

    #[test]
    fn bad_yaml_reports_the_line_and_column_in_the_file() {
        let text = "---\ntitle: ok\noutlet: [unclosed\ndate: 2022-01-01\n---\nBody";
        let err = split_front_matter(text).unwrap_err();
        let pos = err.position.unwrap();
        assert!(
            pos.line >= 3,
            "line {} should be inside the YAML, after line 2",
            pos.line
        );
        assert!(
            err.message.starts_with("invalid front matter"),
            "{}",
            err.message
        );
        assert!(!err.message.contains(" at line "));
    }

    #[test]
    fn a_numeric_date_is_read_as_text() {
        let split = split_front_matter("---\ndate: 2022\n---\n").unwrap();
        assert_eq!(split.meta.date.as_deref(), Some("2022"));
    }

    #[test]
    fn unknown_keys_are_kept_for_warnings() {
        let split = split_front_matter("---\ntitel: x\n---\n").unwrap();
        assert!(split.meta.unknown.contains_key("titel"));
    }

    #[test]
    fn header_form_reads_known_keys_until_the_blank_line() {
        let text = "Title: Jobs report\nOutlet: CNN (Web News)\nDate: 2012-10-05\nURL: http://x/y\n\nBody: here.\n";
        let h = split_header(text).unwrap();
        assert_eq!(h.meta.title.as_deref(), Some("Jobs report"));
        assert_eq!(h.meta.outlet.as_deref(), Some("CNN (Web News)"));
        assert_eq!(h.meta.url.as_deref(), Some("http://x/y"));
        assert_eq!(h.body, "Body: here.\n");
        assert!(h.unknown_lines.is_empty());
    }

    #[test]
    fn text_without_a_header_is_not_split() {
        assert!(split_header("Firefighters contain blaze\n\nPrescott: the chief said").is_none());
    }
}
