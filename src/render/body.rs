//! An article body as HTML: its blocks and inline formatting, with annotations (quotations,
//! places, figures) marked and linked. All article text is escaped.
//!
//! Annotations and inline formatting may overlap in any way; the writer keeps the HTML well
//! nested by closing and reopening elements at every boundary where nesting would break.

use std::fmt::Write;

use crate::model::{Article, Block, BlockKind, InlineKind};
use crate::render::highlight;

/// A span of the body to wrap in an element.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    pub start: usize,
    pub end: usize,
    /// The opening tag, e.g. `<a class="place" href="/places/x/">` (already escaped).
    pub open: String,
    /// The closing tag, e.g. `</a>`.
    pub close: String,
    /// HTML inserted right after the span (e.g. a link to the quotation's page).
    pub after: Option<String>,
    /// Lower sorts outside when two annotations start and end at the same offsets.
    pub rank: u8,
}

/// Renders the article's body with `annotations` (byte ranges of `article.body`).
pub fn body_html(article: &Article, annotations: &[Annotation]) -> String {
    let mut html = String::with_capacity(article.body.len() * 3 / 2);
    let mut sorted: Vec<&Annotation> = annotations
        .iter()
        .filter(|a| a.end > a.start && a.end <= article.body.len())
        .collect();
    sorted.sort_by_key(|a| (a.start, std::cmp::Reverse(a.end), a.rank));
    let mut i = 0;
    while i < article.blocks.len() {
        let block = &article.blocks[i];
        if block.kind == BlockKind::ListItem {
            // Group consecutive items of the same kind into one list.
            let ordered = block.ordered;
            let tag = if ordered { "ol" } else { "ul" };
            let _ = writeln!(html, "<{tag}>");
            while i < article.blocks.len()
                && article.blocks[i].kind == BlockKind::ListItem
                && article.blocks[i].ordered == ordered
            {
                html.push_str("<li>");
                inline_html(&mut html, &article.body, &article.blocks[i], &sorted);
                html.push_str("</li>\n");
                i += 1;
            }
            let _ = writeln!(html, "</{tag}>");
            continue;
        }
        block_html(&mut html, &article.body, block, &sorted);
        i += 1;
    }
    html
}

fn block_html(html: &mut String, body: &str, block: &Block, annotations: &[&Annotation]) {
    let id = format!("p{}", block.start);
    match block.kind {
        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::TableRow => {
            let _ = write!(html, "<p id=\"{id}\">");
            inline_html(html, body, block, annotations);
            html.push_str("</p>\n");
        }
        BlockKind::Heading => {
            // The page's own title is the h1; article headings start at h2.
            let level = block.level.clamp(2, 6);
            let _ = write!(html, "<h{level} id=\"{id}\">");
            inline_html(html, body, block, annotations);
            let _ = writeln!(html, "</h{level}>");
        }
        BlockKind::BlockQuote => {
            let _ = write!(html, "<blockquote id=\"{id}\"><p>");
            inline_html(html, body, block, annotations);
            html.push_str("</p></blockquote>\n");
        }
        BlockKind::Code => {
            let code = &body[block.start..block.end];
            html.push_str(&highlight::code_block_html(code, block.lang.as_deref()));
            html.push('\n');
        }
        BlockKind::Rule => html.push_str("<hr>\n"),
    }
}

/// An element open at some point of the text: inline formatting or an annotation.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Wrapper<'a> {
    Inline(&'a crate::model::Inline),
    Note(&'a Annotation),
}

impl Wrapper<'_> {
    fn range(&self) -> (usize, usize) {
        match self {
            Wrapper::Inline(i) => (i.start, i.end),
            Wrapper::Note(a) => (a.start, a.end),
        }
    }

    fn open(&self, html: &mut String) {
        match self {
            Wrapper::Inline(i) => match i.kind {
                InlineKind::Strong => html.push_str("<strong>"),
                InlineKind::Emphasis => html.push_str("<em>"),
                InlineKind::Strikethrough => html.push_str("<del>"),
                InlineKind::Code => html.push_str("<code>"),
                InlineKind::Link => match i.url.as_deref().filter(|u| is_safe_url(u)) {
                    Some(url) => {
                        let _ = write!(html, "<a href=\"{}\" rel=\"nofollow\">", escape(url));
                    }
                    None => html.push_str("<span>"),
                },
                InlineKind::LineBreak => {}
            },
            Wrapper::Note(a) => html.push_str(&a.open),
        }
    }

    fn close(&self, html: &mut String) {
        match self {
            Wrapper::Inline(i) => match i.kind {
                InlineKind::Strong => html.push_str("</strong>"),
                InlineKind::Emphasis => html.push_str("</em>"),
                InlineKind::Strikethrough => html.push_str("</del>"),
                InlineKind::Code => html.push_str("</code>"),
                InlineKind::Link => match i.url.as_deref().filter(|u| is_safe_url(u)) {
                    Some(_) => html.push_str("</a>"),
                    None => html.push_str("</span>"),
                },
                InlineKind::LineBreak => {}
            },
            Wrapper::Note(a) => html.push_str(&a.close),
        }
    }
}

fn inline_html(html: &mut String, body: &str, block: &Block, annotations: &[&Annotation]) {
    let (start, end) = (block.start, block.end);
    let notes: Vec<&Annotation> = annotations
        .iter()
        .copied()
        .filter(|a| a.start < end && a.end > start)
        .collect();
    let mut wrappers: Vec<Wrapper> = block
        .inlines
        .iter()
        .filter(|i| i.kind != InlineKind::LineBreak)
        .map(Wrapper::Inline)
        .chain(notes.iter().map(|a| Wrapper::Note(a)))
        .collect();
    // Outer elements first: earlier start, then longer span; inline formatting outside notes.
    wrappers.sort_by_key(|w| {
        let (s, e) = w.range();
        let rank = match w {
            Wrapper::Inline(_) => 0,
            Wrapper::Note(a) => 1 + a.rank,
        };
        (s, std::cmp::Reverse(e), rank)
    });

    let mut cuts: Vec<usize> = vec![start, end];
    for w in &wrappers {
        let (s, e) = w.range();
        cuts.push(s.clamp(start, end));
        cuts.push(e.clamp(start, end));
    }
    for lb in block
        .inlines
        .iter()
        .filter(|i| i.kind == InlineKind::LineBreak)
    {
        cuts.push(lb.start.clamp(start, end));
        cuts.push(lb.end.clamp(start, end));
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut stack: Vec<Wrapper> = Vec::new();
    for pair in cuts.windows(2) {
        let (s, e) = (pair[0], pair[1]);
        let active: Vec<Wrapper> = wrappers
            .iter()
            .copied()
            .filter(|w| {
                let (ws, we) = w.range();
                ws <= s && we >= e
            })
            .collect();
        let common = stack
            .iter()
            .zip(&active)
            .take_while(|(a, b)| a == b)
            .count();
        close_down_to(html, &mut stack, common, s);
        for w in &active[common..] {
            w.open(html);
            stack.push(*w);
        }
        let text = &body[s..e];
        let is_break = block
            .inlines
            .iter()
            .any(|i| i.kind == InlineKind::LineBreak && i.start == s && i.end == e);
        if is_break {
            html.push_str("<br>");
        } else {
            html.push_str(&escape(text));
        }
    }
    close_down_to(html, &mut stack, 0, end);
}

/// Closes open elements until `keep` remain. `at` is the current offset: a span closed at its
/// true end gets its `after` content; one closed only to keep nesting right does not.
fn close_down_to(html: &mut String, stack: &mut Vec<Wrapper>, keep: usize, at: usize) {
    while stack.len() > keep {
        let w = stack.pop().expect("stack is longer than keep");
        w.close(html);
        if let Wrapper::Note(a) = w
            && a.end == at
            && let Some(after) = &a.after
        {
            html.push_str(after);
        }
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text);
    out
}

/// [`escape`], appended to `out`.
pub fn escape_into(out: &mut String, text: &str) {
    escape_chars_into(out, text, &['&', '<', '>', '"', '\'']);
}

/// Escapes text for an element's content, where only `&`, `<` and `>` mean anything; never
/// for an attribute value. Highlighted JSON is mostly quotation marks, which [`escape`]
/// would write as `&quot;`.
pub fn escape_text_into(out: &mut String, text: &str) {
    escape_chars_into(out, text, &['&', '<', '>']);
}

/// Appends `text` with each of `special` (a subset of `& < > " '`) as its entity.
fn escape_chars_into(out: &mut String, text: &str, special: &[char]) {
    // Most text holds nothing to escape: copy runs between the characters that need it.
    let mut rest = text;
    while let Some(at) = rest.find(special) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// Links in article bodies may only go to the web or to mail, never run script.
fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let scheme_end = lower.find(':');
    let slash = lower.find('/');
    match scheme_end {
        Some(c) if slash.is_none_or(|s| c < s) => {
            lower.starts_with("http:")
                || lower.starts_with("https:")
                || lower.starts_with("mailto:")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    #[test]
    fn escaping_covers_markup_quotes_and_leaves_other_text_alone() {
        assert_eq!(
            escape("<a href=\"x\">Tom & 'Jerry'</a> — “ok” ü"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt; — “ok” ü"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("&&"), "&amp;&amp;");
        let mut out = String::from("kept ");
        escape_into(&mut out, "<");
        assert_eq!(out, "kept &lt;");
    }

    fn article(body: &str, blocks: Vec<Block>) -> Article {
        Article {
            body: body.into(),
            blocks: blocks.into(),
            ..Article::default()
        }
    }

    fn para(start: usize, end: usize, inlines: Vec<Inline>) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            start,
            end,
            level: 0,
            ordered: false,
            lang: None,
            inlines,
        }
    }

    fn note(start: usize, end: usize, class: &str) -> Annotation {
        Annotation {
            start,
            end,
            open: format!("<span class=\"{class}\">"),
            close: "</span>".to_string(),
            after: None,
            rank: 0,
        }
    }

    #[test]
    fn text_is_escaped() {
        let body = "<script>alert(\"x\")</script> & co";
        let html = body_html(&article(body, vec![para(0, body.len(), vec![])]), &[]);
        assert_eq!(
            html,
            "<p id=\"p0\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</p>\n"
        );
    }

    #[test]
    fn crossing_spans_stay_well_nested() {
        let body = "abcdefgh";
        let em = Inline {
            kind: InlineKind::Emphasis,
            start: 0,
            end: 4,
            url: None,
        };
        let html = body_html(
            &article(body, vec![para(0, 8, vec![em])]),
            &[note(2, 6, "q")],
        );
        assert_eq!(
            html,
            "<p id=\"p0\"><em>ab<span class=\"q\">cd</span></em><span class=\"q\">ef</span>gh</p>\n"
        );
    }

    #[test]
    fn nested_annotations_open_outer_first() {
        let body = "the town of Rafah fell";
        let html = body_html(
            &article(body, vec![para(0, body.len(), vec![])]),
            &[note(12, 17, "place"), note(0, 22, "quote")],
        );
        assert_eq!(
            html,
            "<p id=\"p0\"><span class=\"quote\">the town of <span class=\"place\">Rafah</span> fell</span></p>\n"
        );
    }

    #[test]
    fn script_links_are_not_links() {
        let body = "click";
        let link = Inline {
            kind: InlineKind::Link,
            start: 0,
            end: 5,
            url: Some("javascript:alert(1)".to_string()),
        };
        let html = body_html(&article(body, vec![para(0, 5, vec![link])]), &[]);
        assert!(!html.contains("javascript"), "{html}");
    }
}
