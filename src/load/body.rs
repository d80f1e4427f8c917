//! Building an article body: plain text plus the blocks and inline spans that structure it.
//!
//! Both the Markdown and the plain-text readers feed a [`BodyBuilder`]. Blocks are separated by a
//! blank line in the body text, so extractors can treat `\n\n` as a paragraph break whatever the
//! source format was. The builder also remembers, for each run of text, where it came from in the
//! source file, so a problem found in the body can be reported at the file's line and column.

use std::sync::Arc;

use crate::model::{Block, BlockKind, Inline, InlineKind};

/// The body of one article as extractors and templates see it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    /// Shared with the briefing's article, which shows it: a big briefing's bodies are
    /// hundreds of MB, and a copy for the model was a tenth of the build's peak memory.
    pub text: Arc<str>,
    pub blocks: Arc<[Block]>,
}

/// Maps byte offsets of a body back to byte offsets of its source file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceMap {
    /// (body offset, source offset) at the start of each run of copied text, ascending.
    runs: Vec<(usize, usize)>,
}

impl SourceMap {
    /// The source offset of a body offset: exact inside copied runs, the run's start otherwise.
    pub fn source_offset(&self, body_offset: usize) -> usize {
        match self.runs.partition_point(|&(b, _)| b <= body_offset) {
            0 => self.runs.first().map_or(0, |&(_, s)| s),
            i => {
                let (b, s) = self.runs[i - 1];
                s + (body_offset - b)
            }
        }
    }
}

#[derive(Debug, Default)]
pub struct BodyBuilder {
    text: String,
    blocks: Vec<Block>,
    map: SourceMap,
    open: Option<OpenBlock>,
    inline_stack: Vec<(InlineKind, usize, Option<String>)>,
}

#[derive(Debug)]
struct OpenBlock {
    block: Block,
}

impl BodyBuilder {
    pub fn new() -> BodyBuilder {
        BodyBuilder::default()
    }

    /// Opens a block unless one is open already.
    pub fn open_block(&mut self, kind: BlockKind, level: u8, ordered: bool, lang: Option<String>) {
        if self.open.is_some() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.open = Some(OpenBlock {
            block: Block {
                kind,
                start,
                end: start,
                level,
                ordered,
                lang,
                inlines: Vec::new(),
            },
        });
    }

    pub fn is_block_open(&self) -> bool {
        self.open.is_some()
    }

    /// Closes the open block; a block that holds only whitespace is dropped.
    pub fn close_block(&mut self) {
        let Some(OpenBlock { mut block }) = self.open.take() else {
            return;
        };
        // Close inline spans left open (unbalanced input) at the block's end.
        while let Some((kind, start, url)) = self.inline_stack.pop() {
            block.inlines.push(Inline {
                kind,
                start,
                end: self.text.len(),
                url,
            });
        }
        let trimmed_len = self.text.trim_end().len().max(block.start);
        self.text.truncate(trimmed_len);
        block.end = self.text.len();
        let is_rule = block.kind == BlockKind::Rule;
        if block.end == block.start && !is_rule {
            // Remove the separator pushed for this empty block.
            let without_sep = self
                .text
                .strip_suffix("\n\n")
                .map(str::len)
                .unwrap_or(self.text.len());
            self.text.truncate(without_sep);
            return;
        }
        for inline in &mut block.inlines {
            inline.end = inline.end.min(block.end);
            inline.start = inline.start.min(inline.end);
        }
        block
            .inlines
            .retain(|i| i.end > i.start || i.kind == InlineKind::LineBreak);
        block
            .inlines
            .sort_by_key(|i| (i.start, std::cmp::Reverse(i.end), i.kind));
        self.blocks.push(block);
    }

    /// Appends text copied from `source_offset` in the source file.
    pub fn push_text(&mut self, text: &str, source_offset: usize) {
        if text.is_empty() {
            return;
        }
        let start = self.text.len();
        self.map.runs.push((start, source_offset));
        self.text.push_str(text);
    }

    /// Appends text that has no counterpart in the source (a separator between table cells).
    pub fn push_synthetic(&mut self, text: &str) {
        self.text.push_str(text);
    }

    pub fn current_len(&self) -> usize {
        self.text.len()
    }

    pub fn ends_with_whitespace(&self) -> bool {
        self.text.chars().last().is_none_or(char::is_whitespace)
    }

    pub fn start_inline(&mut self, kind: InlineKind, url: Option<String>) {
        self.inline_stack.push((kind, self.text.len(), url));
    }

    pub fn end_inline(&mut self, kind: InlineKind) {
        if let Some(pos) = self.inline_stack.iter().rposition(|(k, _, _)| *k == kind) {
            let (kind, start, url) = self.inline_stack.remove(pos);
            if let Some(open) = &mut self.open {
                open.block.inlines.push(Inline {
                    kind,
                    start,
                    end: self.text.len(),
                    url,
                });
            }
        }
    }

    pub fn line_break(&mut self, source_offset: usize) {
        let at = self.text.len();
        self.push_text("\n", source_offset);
        if let Some(open) = &mut self.open {
            open.block.inlines.push(Inline {
                kind: InlineKind::LineBreak,
                start: at,
                end: at + 1,
                url: None,
            });
        }
    }

    pub fn finish(mut self) -> (Body, SourceMap) {
        self.close_block();
        let body = Body {
            text: Arc::from(self.text),
            blocks: Arc::from(self.blocks),
        };
        (body, self.map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_separated_by_a_blank_line_and_trimmed() {
        let mut b = BodyBuilder::new();
        b.open_block(BlockKind::Paragraph, 0, false, None);
        b.push_text("First. ", 0);
        b.close_block();
        b.open_block(BlockKind::Paragraph, 0, false, None);
        b.push_text("   ", 10);
        b.close_block();
        b.open_block(BlockKind::Paragraph, 0, false, None);
        b.push_text("Second.", 20);
        let (body, map) = b.finish();
        assert_eq!(&*body.text, "First.\n\nSecond.");
        assert_eq!(body.blocks.len(), 2);
        assert_eq!(
            &body.text[body.blocks[1].start..body.blocks[1].end],
            "Second."
        );
        assert_eq!(map.source_offset(9), 21);
    }
}
