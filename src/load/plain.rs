//! Plain-text bodies: paragraphs are separated by blank lines, kept exactly as written.

use super::body::{Body, BodyBuilder, SourceMap};
use crate::model::BlockKind;

/// Reads `text`, whose first byte sits at `base_offset` in the source file.
pub fn read(text: &str, base_offset: usize) -> (Body, SourceMap) {
    let mut b = BodyBuilder::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            b.close_block();
        } else {
            if b.is_block_open() {
                b.push_text("\n", base_offset + offset);
            }
            b.open_block(BlockKind::Paragraph, 0, false, None);
            b.push_text(content.trim_end(), base_offset + offset);
        }
        offset += line.len();
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate_paragraphs() {
        let (body, map) = read("One line\nsame para\n\n\n  Two  \n", 7);
        assert_eq!(&*body.text, "One line\nsame para\n\n  Two");
        assert_eq!(body.blocks.len(), 2);
        assert_eq!(map.source_offset(body.text.find("Two").unwrap()), 7 + 23);
    }

    #[test]
    fn windows_line_endings_are_not_part_of_the_text() {
        let (body, _) = read("a\r\nb\r\n\r\nc", 0);
        assert_eq!(&*body.text, "a\nb\n\nc");
    }
}
