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
    let mut run = Run::default();
    for line in LinesWithEndings::from(code) {
        let Ok(ops) = state.parse_line(line, set) else {
            return plain();
        };
        for (range, op) in ScopeRangeIterator::new(&ops, line) {
            let text = &line[range];
            if stack.apply(op).is_err() {
                return plain();
            }
            if text.is_empty() {
                continue;
            }
            let class = token_class(&stack, &language_atom);
            run.push(&mut html, class, text);
        }
    }
    run.flush(&mut html);
    format!(
        "<pre class=\"highlight\"><code class=\"language-{}\">{html}</code></pre>",
        escape(lang.unwrap_or_default())
    )
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
}
