//! Markdown bodies: pulldown-cmark events folded into a plain-text [`Body`].
//!
//! Raw HTML in an article is kept as literal text (and escaped when rendered): article text is
//! never trusted as markup, and nothing the outlet printed is dropped.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::body::{Body, BodyBuilder, SourceMap};
use crate::model::{BlockKind, InlineKind};

/// Reads `markdown`, whose first byte sits at `base_offset` in the source file.
pub fn read(markdown: &str, base_offset: usize) -> (Body, SourceMap) {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_FOOTNOTES);
    let mut b = BodyBuilder::new();
    let mut containers: Vec<Container> = Vec::new();
    let mut in_code: Option<Option<String>> = None;

    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        let at = base_offset + range.start;
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {}
                Tag::Heading { level, .. } => {
                    b.close_block();
                    b.open_block(BlockKind::Heading, heading_level(level), false, None);
                }
                Tag::BlockQuote(_) => {
                    b.close_block();
                    containers.push(Container::Quote);
                }
                Tag::CodeBlock(kind) => {
                    b.close_block();
                    let lang = match kind {
                        CodeBlockKind::Fenced(info) => info
                            .split_whitespace()
                            .next()
                            .filter(|l| !l.is_empty())
                            .map(str::to_string),
                        CodeBlockKind::Indented => None,
                    };
                    b.open_block(BlockKind::Code, 0, false, lang.clone());
                    in_code = Some(lang);
                }
                Tag::List(first) => {
                    b.close_block();
                    containers.push(Container::List {
                        ordered: first.is_some(),
                    });
                }
                Tag::Item => {
                    b.close_block();
                }
                Tag::TableHead | Tag::TableRow => {
                    b.close_block();
                    b.open_block(BlockKind::TableRow, 0, false, None);
                }
                Tag::TableCell if b.current_len() > 0 && !b.ends_with_whitespace() => {
                    b.push_synthetic("\t");
                }
                Tag::Emphasis => inline(&mut b, &containers, InlineKind::Emphasis, None),
                Tag::Strong => inline(&mut b, &containers, InlineKind::Strong, None),
                Tag::Strikethrough => inline(&mut b, &containers, InlineKind::Strikethrough, None),
                Tag::Link { dest_url, .. } => inline(
                    &mut b,
                    &containers,
                    InlineKind::Link,
                    Some(dest_url.to_string()),
                ),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::Item => b.close_block(),
                TagEnd::CodeBlock => {
                    in_code = None;
                    b.close_block();
                }
                TagEnd::BlockQuote(_) | TagEnd::List(_) => {
                    b.close_block();
                    containers.pop();
                }
                TagEnd::Emphasis => b.end_inline(InlineKind::Emphasis),
                TagEnd::Strong => b.end_inline(InlineKind::Strong),
                TagEnd::Strikethrough => b.end_inline(InlineKind::Strikethrough),
                TagEnd::Link => b.end_inline(InlineKind::Link),
                _ => {}
            },
            Event::Text(text) => {
                if in_code.is_none() {
                    ensure_block(&mut b, &containers);
                }
                b.push_text(&text, at);
            }
            Event::Code(text) => {
                ensure_block(&mut b, &containers);
                b.start_inline(InlineKind::Code, None);
                b.push_text(&text, at + 1);
                b.end_inline(InlineKind::Code);
            }
            Event::Html(text) | Event::InlineHtml(text) => {
                ensure_block(&mut b, &containers);
                b.push_text(&text, at);
            }
            Event::SoftBreak => b.push_text("\n", at),
            Event::HardBreak => b.line_break(at),
            Event::Rule => {
                b.close_block();
                b.open_block(BlockKind::Rule, 0, false, None);
                b.close_block();
            }
            Event::FootnoteReference(label) => {
                ensure_block(&mut b, &containers);
                b.push_text(&format!("[{label}]"), at);
            }
            Event::TaskListMarker(done) => {
                ensure_block(&mut b, &containers);
                b.push_synthetic(if done { "[x] " } else { "[ ] " });
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                ensure_block(&mut b, &containers);
                b.push_text(&text, at);
            }
        }
    }
    b.finish()
}

#[derive(Debug, Clone, Copy)]
enum Container {
    Quote,
    List { ordered: bool },
}

fn inline(b: &mut BodyBuilder, containers: &[Container], kind: InlineKind, url: Option<String>) {
    ensure_block(b, containers);
    b.start_inline(kind, url);
}

/// Text arrived: open the block it belongs to, whose kind depends on the containers around it.
fn ensure_block(b: &mut BodyBuilder, containers: &[Container]) {
    if b.is_block_open() {
        return;
    }
    let depth = containers
        .iter()
        .filter(|c| matches!(c, Container::List { .. }))
        .count();
    match containers.last() {
        Some(Container::List { ordered }) => {
            b.open_block(BlockKind::ListItem, depth as u8, *ordered, None)
        }
        Some(Container::Quote) => b.open_block(BlockKind::BlockQuote, 0, false, None),
        None => b.open_block(BlockKind::Paragraph, 0, false, None),
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockKind;

    fn text_of(body: &Body, i: usize) -> &str {
        &body.text[body.blocks[i].start..body.blocks[i].end]
    }

    #[test]
    fn paragraphs_headings_and_lists_become_blocks() {
        let md = "## Heading\n\nA *quick* \"fox\".\n\n- one\n- two\n\n> quoted\n";
        let (body, _) = read(md, 0);
        let kinds: Vec<_> = body.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::BlockQuote
            ]
        );
        assert_eq!(text_of(&body, 1), "A quick \"fox\".");
        let em = &body.blocks[1].inlines[0];
        assert_eq!(&body.text[em.start..em.end], "quick");
        assert_eq!(
            &*body.text,
            "Heading\n\nA quick \"fox\".\n\none\n\ntwo\n\nquoted"
        );
    }

    #[test]
    fn raw_html_is_kept_as_text() {
        let (body, _) = read("Hello <script>alert(1)</script> world", 0);
        assert_eq!(&*body.text, "Hello <script>alert(1)</script> world");
    }

    #[test]
    fn offsets_map_back_to_the_source() {
        let md = "First para.\n\nSecond *para*.";
        let (body, map) = read(md, 100);
        let at = body.text.find("Second").unwrap();
        assert_eq!(map.source_offset(at), 100 + md.find("Second").unwrap());
    }

    #[test]
    fn code_blocks_keep_their_language() {
        let (body, _) = read("```json\n{\"a\": 1}\n```\n", 0);
        assert_eq!(body.blocks[0].kind, BlockKind::Code);
        assert_eq!(body.blocks[0].lang.as_deref(), Some("json"));
        assert_eq!(text_of(&body, 0), "{\"a\": 1}");
    }
}
