//! Syntax highlighting with syntect: CSS classes, not inline styles, so a stylesheet (and the
//! dark scheme) can restyle it. The syntax set is loaded once per process and shared.

use std::collections::HashMap;
use std::sync::OnceLock;

use syntect::easy::ScopeRangeIterator;
use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, css_for_theme_with_class_style};
use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxSet};
use syntect::util::LinesWithEndings;

use crate::render::body::escape;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// `<pre><code>` for `code`, highlighted when `lang` names a known syntax.
///
/// Each token gets one `<span>` with the classes of its innermost scope (`hl-string
/// hl-quoted hl-double`), not syntect's nested span per scope: theme selectors match the same,
/// and the HTML is several times smaller, which matters on every page of a big briefing.
pub fn code_block_html(code: &str, lang: Option<&str>) -> String {
    let set = syntaxes();
    let syntax = lang.and_then(|l| set.find_syntax_by_token(l));
    let plain = || format!("<pre><code>{}</code></pre>", escape(code));
    let Some(syntax) = syntax else {
        return plain();
    };
    let language_atom = syntax.scope.build_string();
    let language_atom = language_atom
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_string();
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut html = String::with_capacity(code.len() * 2);
    for line in LinesWithEndings::from(code) {
        if highlight_line(&mut state, &mut stack, line, &language_atom, &mut html).is_err() {
            return plain();
        }
    }
    wrap(&html, lang.unwrap_or_default())
}

fn wrap(html: &str, lang: &str) -> String {
    format!(
        "<pre class=\"highlight\"><code class=\"language-{}\">{html}</code></pre>",
        escape(lang)
    )
}

/// Appends one line's HTML; its spans close at the line's end, so a line's HTML depends only
/// on the line and the parser's state at its start.
fn highlight_line(
    state: &mut ParseState,
    stack: &mut ScopeStack,
    line: &str,
    language_atom: &str,
    html: &mut String,
) -> Result<(), ()> {
    let ops = state.parse_line(line, syntaxes()).map_err(|_| ())?;
    let mut run = Run::default();
    for (range, op) in ScopeRangeIterator::new(&ops, line) {
        let text = &line[range];
        stack.apply(op).map_err(|_| ())?;
        if text.is_empty() {
            continue;
        }
        run.push(html, token_class(stack, language_atom), text);
    }
    run.flush(html);
    Ok(())
}

/// Remembered line shapes per thread before the memory is cleared and filled again.
const CACHED_LINES: usize = 20_000;
/// Stands for a string's contents in a line's shape.
const STRING_STANDIN: char = '\u{E000}';

/// [`code_block_html`] for pretty-printed JSON (the pages' data views), the same HTML, made
/// fast by remembering line shapes.
///
/// Every page carries a data view, and the parser costs as much for a line it has seen as for
/// a new one. In pretty-printed JSON the parser's state at a line's start follows from the
/// brackets open there, and a line parses the same whatever its strings hold (when they hold
/// no escapes) and whatever its digits are. So a line's HTML is made once per shape (the open
/// brackets, and the line with each string's contents one stand-in character and each digit
/// a 1, which keeps numbers valid) and filled in with the line's own text; the parser state
/// for a bracket nesting is made once by parsing a stand-in line per bracket.
pub fn json_block_html(json: &str) -> String {
    type Start = (ParseState, ScopeStack);
    thread_local! {
        static SHAPES: std::cell::RefCell<HashMap<(String, String), String>> = Default::default();
        static STARTS: std::cell::RefCell<HashMap<String, Option<Start>>> = Default::default();
    }
    let set = syntaxes();
    let Some(syntax) = set.find_syntax_by_token("json") else {
        return code_block_html(json, Some("json"));
    };
    let start_of = |open: &str| {
        STARTS.with(|starts| {
            starts
                .borrow_mut()
                .entry(open.to_string())
                .or_insert_with(|| start_for(open, syntax))
                .clone()
        })
    };
    let mut html = String::with_capacity(json.len() * 2);
    let mut open = String::new();
    for line in LinesWithEndings::from(json) {
        let Some((shape, fills)) = line_shape(line) else {
            // A string with escapes: parsed as it is, not remembered.
            let Some((mut state, mut stack)) = start_of(&open) else {
                return code_block_html(json, Some("json"));
            };
            if highlight_line(&mut state, &mut stack, line, "json", &mut html).is_err() {
                return code_block_html(json, Some("json"));
            }
            track_brackets(&mut open, line);
            continue;
        };
        let key = (open.clone(), shape);
        let known = SHAPES.with(|shapes| {
            shapes
                .borrow()
                .get(&key)
                .map(|template| fill(&mut html, template, &fills))
        });
        if known.is_none() {
            let Some((mut state, mut stack)) = start_of(&open) else {
                return code_block_html(json, Some("json"));
            };
            let mut template = String::new();
            if highlight_line(&mut state, &mut stack, &key.1, "json", &mut template).is_err() {
                return code_block_html(json, Some("json"));
            }
            fill(&mut html, &template, &fills);
            SHAPES.with(|shapes| {
                let mut shapes = shapes.borrow_mut();
                if shapes.len() >= CACHED_LINES {
                    shapes.clear();
                }
                shapes.insert(key, template);
            });
        }
        track_brackets(&mut open, line);
    }
    wrap(&html, "json")
}

/// A JSON line's shape: each string's contents one [`STRING_STANDIN`], each digit outside
/// strings a 1; and what each stand-in and 1 stands for, in order. None when a string holds
/// an escape, or the stand-in itself.
fn line_shape(line: &str) -> Option<(String, Vec<&str>)> {
    let mut shape = String::with_capacity(line.len().min(64));
    let mut fills = Vec::new();
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if c == '"' {
            let body = &rest[1..];
            let close = body.find(['"', '\\'])?;
            if body.as_bytes()[close] != b'"' || body[..close].contains(STRING_STANDIN) {
                return None;
            }
            shape.push('"');
            shape.push(STRING_STANDIN);
            shape.push('"');
            fills.push(&body[..close]);
            rest = &body[close + 1..];
        } else {
            if c.is_ascii_digit() {
                shape.push('1');
                fills.push(&rest[..1]);
            } else {
                shape.push(c);
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    Some((shape, fills))
}

/// Appends `template`, the HTML of a line's shape, with the shape's stand-ins and 1s replaced
/// by `fills`, escaped: in the HTML's text (outside tags and entities) they come in order.
fn fill(html: &mut String, template: &str, fills: &[&str]) {
    let mut fills = fills.iter();
    let mut in_markup = None;
    for c in template.chars() {
        match (in_markup, c) {
            (None, '<') => in_markup = Some('>'),
            (None, '&') => in_markup = Some(';'),
            (Some(end), _) if c == end => in_markup = None,
            (None, '1' | STRING_STANDIN) => {
                html.push_str(&escape(fills.next().copied().unwrap_or_default()));
                continue;
            }
            _ => {}
        }
        html.push(c);
    }
}

/// The parser's state after the stand-in lines that open `open`'s brackets, as
/// `to_string_pretty` writes them: a bracket alone at the top and in arrays, after a key in
/// objects.
fn start_for(
    open: &str,
    syntax: &syntect::parsing::SyntaxReference,
) -> Option<(ParseState, ScopeStack)> {
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut parent = None;
    for bracket in open.chars() {
        let line = match parent {
            Some('{') => format!("\"k\": {bracket}\n"),
            _ => format!("{bracket}\n"),
        };
        for (_, op) in state.parse_line(&line, syntaxes()).ok()? {
            stack.apply(&op).ok()?;
        }
        parent = Some(bracket);
    }
    Some((state, stack))
}

/// Updates the brackets open after `line`; brackets inside strings do not count.
fn track_brackets(open: &mut String, line: &str) {
    let mut in_string = false;
    let mut escaped = false;
    for c in line.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' => open.push(c),
            '}' | ']' => {
                open.pop();
            }
            _ => {}
        }
    }
}

/// `hl-` classes for the innermost scope that styles anything (not punctuation, which takes
/// its parent's); none for plain text.
fn token_class(stack: &ScopeStack, language_atom: &str) -> String {
    thread_local! {
        // Scope → its classes ("" for scopes that style nothing): a page has thousands of
        // tokens but a syntax only a few dozen scopes.
        static CLASSES: std::cell::RefCell<HashMap<Scope, String>> = Default::default();
    }
    CLASSES.with(|cache| {
        let mut cache = cache.borrow_mut();
        for scope in stack.as_slice().iter().rev() {
            let classes = cache.entry(*scope).or_insert_with(|| {
                let name = scope.build_string();
                // Punctuation takes the colour of what it belongs to (a string's quotes are
                // the string's), which keeps a string in one span.
                let unstyled = ["meta.", "source.", "text.", "punctuation."];
                if unstyled.iter().any(|p| name.starts_with(p)) {
                    return String::new();
                }
                name.split('.')
                    .filter(|atom| *atom != language_atom)
                    .map(|atom| format!("hl-{atom}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            if !classes.is_empty() {
                return classes.clone();
            }
        }
        String::new()
    })
}

/// Adjacent tokens with the same classes share one span.
#[derive(Default)]
struct Run {
    class: String,
    text: String,
}

impl Run {
    fn push(&mut self, html: &mut String, class: String, text: &str) {
        if class != self.class {
            self.flush(html);
            self.class = class;
        }
        self.text.push_str(text);
    }

    fn flush(&mut self, html: &mut String) {
        if self.text.is_empty() {
            return;
        }
        if self.class.is_empty() {
            html.push_str(&escape(&self.text));
        } else {
            html.push_str(&format!(
                "<span class=\"{}\">{}</span>",
                self.class,
                escape(&self.text)
            ));
        }
        self.text.clear();
    }
}

/// The stylesheet for highlighted code: a light theme, and a dark one under
/// `prefers-color-scheme: dark`.
pub fn stylesheet() -> String {
    let themes = ThemeSet::load_defaults();
    let light = themes
        .themes
        .get("InspiredGitHub")
        .and_then(|t| css_for_theme_with_class_style(t, CLASS_STYLE).ok())
        .unwrap_or_default();
    let dark = themes
        .themes
        .get("base16-ocean.dark")
        .and_then(|t| css_for_theme_with_class_style(t, CLASS_STYLE).ok())
        .unwrap_or_default();
    format!(
        "/* Generated by crossbrief from syntect themes. */\n{light}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_languages_get_classes_unknown_ones_plain_escaped_text() {
        let html = code_block_html("{\"a\": \"<b>\"}\n", Some("json"));
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("<b>"));
        assert!(
            html.contains("<span class=\"hl-string hl-quoted hl-double\">"),
            "{html}"
        );
        assert!(
            !html.contains("<span class=\"hl-meta"),
            "no span for unstyled scopes: {html}"
        );
        let plain = code_block_html("x < y", Some("no-such-language"));
        assert_eq!(plain, "<pre><code>x &lt; y</code></pre>");
    }

    #[test]
    fn remembered_json_lines_give_the_same_html_as_parsing_afresh() {
        let value = serde_json::json!({
            "name": "A \"quoted\" {name} [x]",
            "aliases": [],
            "empty": {},
            "mentions": [
                {"article": "a1", "start": 3, "end": 9, "text": "back\\slash ]"},
                {"article": "a2", "start": 30, "end": 39, "text": "é — ünïcode"},
            ],
            "nested": [[1, 2.5, -3e9], [true, false, null], [{"deep": ["x"]}]],
            "lat": 49.99,
            "numbers": [0, 10, -0.25, 1e-7, 1234567890, "0 < 1 & 2 > 0 's \\u0031"],
            "strings": ["", "1", "a \\ b", "<script>&amp;</script>", "\u{E000}", "x\ny"],
            "1 key with digits": "and 'quotes' \"inside\"",
        });
        let json = serde_json::to_string_pretty(&value).unwrap();
        let fresh = code_block_html(&json, Some("json"));
        // Twice: the second time every short line comes from memory.
        assert_eq!(json_block_html(&json), fresh);
        assert_eq!(json_block_html(&json), fresh);
        let renumbered = json.replace("30", "47").replace("1234567890", "9876543210");
        assert_eq!(
            json_block_html(&renumbered),
            code_block_html(&renumbered, Some("json"))
        );
        let other = serde_json::to_string_pretty(&value["mentions"]).unwrap();
        assert_eq!(
            json_block_html(&other),
            code_block_html(&other, Some("json"))
        );
    }
}
