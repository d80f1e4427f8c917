//! Syntax highlighting with syntect: CSS classes, not inline styles, so a stylesheet (and the
//! dark scheme) can restyle it. The syntax set is loaded once per process and shared.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use syntect::easy::ScopeRangeIterator;
use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, css_for_theme_with_class_style};
use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxSet};
use syntect::util::LinesWithEndings;

use crate::render::body::{escape, escape_text_into};

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
    let plain = || {
        let mut html = String::from("<pre><code>");
        escape_text_into(&mut html, code);
        html + "</code></pre>"
    };
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
        run.push(html, &token_class(stack, language_atom), text);
    }
    run.flush(html);
    Ok(())
}

/// [`code_block_html`] of `value` pretty-printed (the pages' data views), the same HTML made
/// without parsing.
///
/// Every entity page carries a data view, and syntect's parser costs as much for the
/// millionth `"article": "…",` line as for the first. JSON has a handful of token kinds, so
/// syntect highlights one probe document holding each kind once, and the classes it gives them
/// are reused while walking the value. A value whose tokens the probe cannot vouch for (a
/// syntax that splits a kind, say) is highlighted by the parser after all.
pub fn json_value_html(value: &serde_json::Value) -> String {
    static CLASSES: OnceLock<Option<JsonClasses>> = OnceLock::new();
    match CLASSES.get_or_init(JsonClasses::probe) {
        Some(classes) => {
            let mut html = String::with_capacity(1024);
            let mut run = Run::default();
            classes.value(value, 0, &mut run, &mut html);
            run.flush(&mut html);
            wrap(&html, "json")
        }
        None => code_block_html(
            &serde_json::to_string_pretty(value).unwrap_or_default(),
            Some("json"),
        ),
    }
}

/// The classes syntect gives each kind of JSON token.
struct JsonClasses {
    string: String,
    escape: String,
    number: String,
    boolean: String,
    null: String,
}

impl JsonClasses {
    /// Highlights a probe with syntect and reads each kind's class off it; None when a kind
    /// is split into differently classed pieces, or kinds are told apart by more than their
    /// own text (keys and values alike, say), which the walk could not reproduce.
    fn probe() -> Option<JsonClasses> {
        const PROBE: &str = "{\n  \"kkk\": \"sss\\nsss\",\n  \"i\": [\n    1,\n    -2.5,\n    3e-7\n  ],\n  \"t\": true,\n  \"f\": false,\n  \"z\": null\n}";
        let set = syntaxes();
        let syntax = set.find_syntax_by_token("json")?;
        let mut state = ParseState::new(syntax);
        let mut stack = ScopeStack::new();
        let mut tokens: Vec<(String, String)> = Vec::new();
        for line in LinesWithEndings::from(PROBE) {
            let ops = state.parse_line(line, set).ok()?;
            for (range, op) in ScopeRangeIterator::new(&ops, line) {
                stack.apply(op).ok()?;
                let text = &line[range];
                if text.is_empty() {
                    continue;
                }
                let class = token_class(&stack, "json");
                match tokens.last_mut() {
                    Some((last, run)) if *last == class => run.push_str(text),
                    _ => tokens.push((class, text.to_string())),
                }
            }
        }
        let class_of = |text: &str| {
            tokens
                .iter()
                .find(|(_, t)| t == text)
                .map(|(c, _)| c.clone())
        };
        let string = class_of("\"kkk\"")?;
        let number = class_of("1")?;
        let classes = JsonClasses {
            escape: class_of("\\n")?,
            boolean: class_of("true")?,
            null: class_of("null")?,
            string: string.clone(),
            number: number.clone(),
        };
        let agrees = class_of("\"sss")? == string
            && class_of("sss\"")? == string
            && class_of("-2.5")? == number
            && class_of("3e-7")? == number
            && class_of("false")? == classes.boolean
            && !string.is_empty();
        agrees.then_some(classes)
    }

    fn value(&self, value: &serde_json::Value, depth: usize, run: &mut Run, html: &mut String) {
        use serde_json::Value;
        match value {
            Value::Null => run.push(html, &self.null, "null"),
            Value::Bool(b) => run.push(html, &self.boolean, if *b { "true" } else { "false" }),
            Value::Number(n) => run.push(html, &self.number, &n.to_string()),
            Value::String(s) => self.string(s, run, html),
            Value::Array(items) if items.is_empty() => run.push(html, "", "[]"),
            Value::Object(fields) if fields.is_empty() => run.push(html, "", "{}"),
            Value::Array(items) => {
                run.push(html, "", "[\n");
                for (i, item) in items.iter().enumerate() {
                    indent(run, html, depth + 1);
                    self.value(item, depth + 1, run, html);
                    run.push(html, "", if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                indent(run, html, depth);
                run.push(html, "", "]");
            }
            Value::Object(fields) => {
                run.push(html, "", "{\n");
                for (i, (key, item)) in fields.iter().enumerate() {
                    indent(run, html, depth + 1);
                    self.string(key, run, html);
                    run.push(html, "", ": ");
                    self.value(item, depth + 1, run, html);
                    run.push(html, "", if i + 1 < fields.len() { ",\n" } else { "\n" });
                }
                indent(run, html, depth);
                run.push(html, "", "}");
            }
        }
    }

    /// A string as serde_json writes it, its escapes (`\"`, `\n`, `\u001b`) in their class.
    fn string(&self, text: &str, run: &mut Run, html: &mut String) {
        if !text.contains(|c: char| c == '"' || c == '\\' || c.is_control()) {
            // Nothing to escape: serde_json writes it as it is, in quotes.
            run.push(html, &self.string, "\"");
            run.push(html, &self.string, text);
            run.push(html, &self.string, "\"");
            return;
        }
        let json = serde_json::to_string(text).unwrap_or_default();
        let mut rest = json.as_str();
        while let Some(at) = rest.find('\\') {
            run.push(html, &self.string, &rest[..at]);
            let len = if rest[at + 1..].starts_with('u') {
                6
            } else {
                2
            };
            run.push(html, &self.escape, &rest[at..at + len]);
            rest = &rest[at + len..];
        }
        run.push(html, &self.string, rest);
    }
}

/// Pretty-printed JSON's two spaces a level.
fn indent(run: &mut Run, html: &mut String, depth: usize) {
    for _ in 0..depth {
        run.push(html, "", "  ");
    }
}

/// `hl-` classes for the innermost scope that the stylesheet styles (punctuation takes its
/// parent's); none for plain text.
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
                let atoms: Vec<&str> = name
                    .split('.')
                    .filter(|atom| *atom != language_atom)
                    .collect();
                styled_classes(&atoms)
            });
            if !classes.is_empty() {
                return classes.clone();
            }
        }
        String::new()
    })
}

/// The classes of a scope's atoms that some rule of [`stylesheet`] needs to match the token:
/// `string.quoted.double` is `hl-string`, as only `.hl-string` styles it. Spans are flat (one
/// per token, see [`code_block_html`]), so a rule matches a span only through its own
/// classes, and an atom no such rule names changes nothing but the page's size: strings are
/// most of a data view, and their three classes were a tenth of a big briefing's bytes.
fn styled_classes(atoms: &[&str]) -> String {
    let needed: Vec<&str> = styled_compounds()
        .iter()
        .filter(|compound| compound.iter().all(|a| atoms.contains(&a.as_str())))
        .flatten()
        .map(String::as_str)
        .collect();
    atoms
        .iter()
        .filter(|atom| needed.contains(atom))
        .map(|atom| format!("hl-{atom}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each selector of the stylesheet that names one element's classes (`.hl-constant.hl-numeric`),
/// as its atoms. Descendant selectors (`.hl-markup.hl-deleted .hl-punctuation`) are left out:
/// they need an enclosing highlighted span, and spans are never nested.
fn styled_compounds() -> &'static [Vec<String>] {
    static COMPOUNDS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    COMPOUNDS.get_or_init(|| compound_selectors(stylesheet_text()))
}

fn compound_selectors(css: &str) -> Vec<Vec<String>> {
    let mut compounds = Vec::new();
    let mut rest = css;
    while let Some(open) = rest.find('{') {
        let head = &rest[..open];
        // The selector list starts after the previous rule's `}` or the last comment.
        let head = head.rsplit(['}', '/']).next().unwrap_or(head);
        for selector in head.split(',').map(str::trim) {
            let is_compound =
                selector.starts_with(".hl-") && !selector.contains(char::is_whitespace);
            if is_compound {
                let atoms = selector.split('.').filter_map(|c| c.strip_prefix("hl-"));
                compounds.push(atoms.map(str::to_string).collect());
            }
        }
        rest = &rest[open + 1..];
    }
    compounds.sort();
    compounds.dedup();
    compounds
}

/// Adjacent tokens with the same classes share one span.
#[derive(Default)]
struct Run {
    class: String,
    text: String,
}

impl Run {
    fn push(&mut self, html: &mut String, class: &str, text: &str) {
        if text.is_empty() {
            return;
        }
        if class != self.class {
            self.flush(html);
            self.class.clear();
            self.class.push_str(class);
        }
        self.text.push_str(text);
    }

    fn flush(&mut self, html: &mut String) {
        if self.text.is_empty() {
            return;
        }
        if self.class.is_empty() {
            escape_text_into(html, &self.text);
        } else {
            html.push_str("<span class=\"");
            html.push_str(&self.class);
            html.push_str("\">");
            escape_text_into(html, &self.text);
            html.push_str("</span>");
        }
        self.text.clear();
    }
}

/// The stylesheet for highlighted code: a light theme, and a dark one under
/// `prefers-color-scheme: dark`.
pub fn stylesheet() -> String {
    stylesheet_text().to_string()
}

fn stylesheet_text() -> &'static str {
    static CSS: OnceLock<String> = OnceLock::new();
    CSS.get_or_init(|| {
        let themes = ThemeSet::load_defaults();
        let css_of = |name: &str| {
            themes
                .themes
                .get(name)
                .and_then(|t| css_for_theme_with_class_style(t, CLASS_STYLE).ok())
                .unwrap_or_default()
        };
        let (light, dark) = (css_of("InspiredGitHub"), css_of("base16-ocean.dark"));
        format!(
            "/* Generated by crossbrief from syntect themes. */\n{light}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n"
        )
    })
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
            html.contains("<span class=\"hl-string\">\"&lt;b&gt;\"</span>"),
            "a string's classes are the ones its theme rules name, and its quotes stay plain: {html}"
        );
        assert!(
            !html.contains("<span class=\"hl-meta"),
            "no span for unstyled scopes: {html}"
        );
        let plain = code_block_html("x < y", Some("no-such-language"));
        assert_eq!(plain, "<pre><code>x &lt; y</code></pre>");
    }

    #[test]
    fn selectors_are_read_from_rules_lists_and_comments_but_not_descendants() {
        let css = "/* theme \"x\" */\n.hl-code {\n color: #000;\n}\n.hl-string, .hl-constant.hl-numeric {\n color: #111;\n}\n.hl-markup.hl-deleted .hl-punctuation {\n color: #222;\n}\n@media (prefers-color-scheme: dark) {\n.hl-string {\n color: #333;\n}\n}\n";
        let atoms = |v: &[&str]| v.iter().map(|a| a.to_string()).collect::<Vec<_>>();
        assert_eq!(
            compound_selectors(css),
            vec![
                atoms(&["code"]),
                atoms(&["constant", "numeric"]),
                atoms(&["string"])
            ]
        );
    }

    #[test]
    fn a_token_keeps_every_class_a_rule_needs_and_no_other() {
        for compound in styled_compounds() {
            let mut atoms: Vec<&str> = compound.iter().map(String::as_str).collect();
            atoms.push("no-rule-names-this");
            let classes = styled_classes(&atoms);
            for atom in compound {
                assert!(
                    classes.contains(&format!("hl-{atom}")),
                    "{compound:?}: {classes}"
                );
            }
            assert!(!classes.contains("no-rule-names-this"), "{classes}");
        }
        assert_eq!(styled_classes(&["no-rule-names-this"]), "");
    }

    #[test]
    fn json_values_are_highlighted_as_syntect_highlights_them_pretty_printed() {
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
        let same = |value: &serde_json::Value| {
            let json = serde_json::to_string_pretty(value).unwrap();
            assert_eq!(json_value_html(value), code_block_html(&json, Some("json")));
        };
        same(&value);
        same(&value["mentions"]);
        same(&serde_json::json!(
            "control \u{1b} and \t tab, \\\\ and \"\"\""
        ));
        same(&serde_json::json!([]));
        same(&serde_json::json!(null));
        same(&serde_json::json!([[[]], {"a": {}}, -0.0, 1.5e300, u64::MAX, i64::MIN]));
    }
}
