//! Quotation spans: the text between quotation marks.
//!
//! Straight and curly double quotes and guillemets open and close spans; single quotes make a
//! span only outside double quotes and only where they cannot be apostrophes ("don't",
//! "Mayors' meeting"). A span left open at a paragraph's end stops there (scraped text is
//! often unbalanced, and one stray mark must not swallow the rest of the article); if the next
//! paragraph opens with a quotation mark, that span continues the quotation.

use super::text::Paragraph;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The text between the marks: `body[start..end]`.
    pub start: usize,
    pub end: usize,
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset of the closing mark; `None` when the span ran to the paragraph's end.
    pub close: Option<usize>,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// A span in single quotes.
    pub single: bool,
    /// Opens a paragraph that continues a quotation left open in the previous paragraph.
    pub continues: bool,
}

impl QuoteSpan {
    /// The span including its marks.
    pub fn outer(&self, body: &str) -> (usize, usize) {
        let end = match self.close {
            // A closing mark typed as two apostrophes is both of them.
            Some(c) if body[c..].starts_with("''") => c + "''".len(),
            Some(c) if body[c..].starts_with("’’") => c + "’’".len(),
            Some(c) => c + body[c..].chars().next().map_or(0, char::len_utf8),
            None => self.end,
        };
        (self.open, end)
    }
}

fn opens_double(c: char) -> bool {
    matches!(c, '“' | '«' | '„')
}

fn closes_double(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// A span that is the title of a programme, book or event rather than words somebody said:
/// short and in title case. With two capitalised words or more ("Face the Nation", "State of
/// the Union") that is enough, unless a speech verb follows ("“Thank God,” he said"); one
/// word must come right after a possessive or a word for a medium ("CBS's “Today”", "the
/// podcast “Serial”").
pub fn names_a_work(body: &str, span: &QuoteSpan, k: &crate::knowledge::Knowledge) -> bool {
    let text = &body[span.start..span.end];
    let words: Vec<&str> = text.split_whitespace().collect();
    let small = |w: &str| {
        matches!(
            w,
            "of" | "the" | "a" | "an" | "and" | "in" | "on" | "to" | "for" | "with" | "at"
        )
    };
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let title_case = !words.is_empty()
        && words.len() <= 6
        && !text.ends_with(['!', '?', ':', ';'])
        && words
            .iter()
            .enumerate()
            .all(|(i, w)| capitalised(w) || i > 0 && small(w));
    if !title_case {
        return false;
    }
    // Capitals throughout are a headline's or a placard's, which quote words said as often
    // as they name anything.
    let shouted = !text.chars().any(char::is_lowercase);
    if words.iter().filter(|w| capitalised(w)).count() >= 2 && !shouted {
        return !speech_verb_follows(body, span, k) && !said_before(body, span, k);
    }
    if text.ends_with(['.', ',']) {
        return false;
    }
    let before = body[..span.open].trim_end();
    let previous = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default();
    let possessive = previous.ends_with("'s") || previous.ends_with("\u{2019}s");
    possessive || k.is_medium_noun(&previous.to_lowercase())
}

/// Whether the words before the span make it somebody's words after all: a verb that takes
/// the words as its complement right before it ("what he called “Independence Day”"), or a
/// headline whose own title case says nothing of the span's ("White House Says Report Is
/// “Further Evidence”").
fn said_before(body: &str, span: &QuoteSpan, k: &crate::knowledge::Knowledge) -> bool {
    let line_start = body[..span.open].rfind('\n').map_or(0, |i| i + 1);
    let line = &body[line_start..span.open];
    let clause = &line[line.rfind(['.', ':', '!', '?']).map_or(0, |i| i + 1)..];
    let before: Vec<&str> = clause.split_whitespace().rev().take(6).collect();
    if before
        .first()
        .is_some_and(|w| k.cue(w).is_some_and(|c| c.embedding))
    {
        return true;
    }
    let capitalised = before
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    before.len() >= 3 && capitalised * 3 >= before.len() * 2
}

/// Whether the span ends in a comma, inside its marks or right after them, and one of the
/// three words after it, in its sentence, is a speech verb: "“Thank God,” he said".
fn speech_verb_follows(body: &str, span: &QuoteSpan, k: &crate::knowledge::Knowledge) -> bool {
    let (_, after) = span.outer(body);
    let rest = &body[after..];
    if !(body[span.start..span.end].ends_with(',') || rest.starts_with(',')) {
        return false;
    }
    let sentence = &rest[..rest.find(['.', '!', '?', '\n']).unwrap_or(rest.len())];
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| k.cue(w).is_some())
}

/// All quotation spans of the article, in order.
pub fn find_spans(body: &str, paragraphs: &[Paragraph]) -> Vec<QuoteSpan> {
    let mut spans = Vec::new();
    let mut previous_left_open = false;
    for (p, para) in paragraphs.iter().enumerate() {
        let text = &body[para.start..para.end];
        let first_is_opening = text
            .chars()
            .next()
            .is_some_and(|c| c == '"' || opens_double(c));
        let before = spans.len();
        let left_open = double_spans(text, para.start, p, &mut spans);
        if previous_left_open && first_is_opening && spans.len() > before {
            spans[before].continues = true;
        }
        previous_left_open = left_open;
        single_spans(text, para.start, p, &mut spans, before);
        // Headlines in a link card quote nobody in the article.
        if !para.skipped.is_empty() {
            let mut k = before;
            while k < spans.len() {
                if para.is_skipped(spans[k].open) {
                    spans.remove(k);
                } else {
                    k += 1;
                }
            }
        }
    }
    spans.sort_by_key(|s| s.open);
    spans
}

/// Double-quoted spans of one paragraph; returns whether a span was left open at its end.
fn double_spans(text: &str, offset: usize, paragraph: usize, out: &mut Vec<QuoteSpan>) -> bool {
    let mut open: Option<usize> = None;
    let mut depth = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(pos, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        match (open, c) {
            (None, c) if opens_double(c) => open = Some(pos),
            // "‘‘We are shocked,’’ she said": two opening single marks, as some wires type an
            // opening double quote.
            (None, '‘') if chars.get(k + 1).is_some_and(|&(_, n)| n == '‘') => open = Some(pos),
            (None, '"')
                // Inches (5'10") are not quotation marks.
                if !prev.is_some_and(|p| p.is_ascii_digit()) => {
                    open = Some(pos);
                }
            // "...regardless of ability to pay for care,'' said X" (or ’’): two apostrophes,
            // as some wires write a closing double quote.
            (Some(o), '\'' | '’') if closes_with_two_apostrophes(&chars, k) => {
                push(out, text, offset, paragraph, o, Some(pos), false);
                open = None;
                depth = 0;
            }
            (Some(_), c) if opens_double(c) => depth += 1,
            (Some(o), c) if closes_double(c) || c == '"' => {
                if depth > 0 && closes_double(c) {
                    depth -= 1;
                } else {
                    push(out, text, offset, paragraph, o, Some(pos), false);
                    open = None;
                    depth = 0;
                }
            }
            _ => {}
        }
    }
    match open {
        Some(o) => {
            push(out, text, offset, paragraph, o, None, false);
            true
        }
        None => false,
    }
}

/// `''` or `’’` right after a word or punctuation and before a space, punctuation or the end:
/// a closing double quotation mark typed as two apostrophes.
fn closes_with_two_apostrophes(chars: &[(usize, char)], k: usize) -> bool {
    let at = |j: usize| chars.get(j).map(|&(_, c)| c);
    let mark = at(k);
    k > 0
        && at(k + 1) == mark
        && at(k - 1).is_some_and(|c| !c.is_whitespace() && Some(c) != mark)
        && at(k + 2).is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation() && c != '\'')
}

fn push(
    out: &mut Vec<QuoteSpan>,
    text: &str,
    offset: usize,
    paragraph: usize,
    open: usize,
    close: Option<usize>,
    single: bool,
) {
    // "‘‘" opening a double quotation is one mark of two characters.
    let mark_len = if text[open..].starts_with("‘‘") {
        "‘‘".len()
    } else {
        text[open..].chars().next().map_or(1, char::len_utf8)
    };
    let start = open + mark_len;
    let end = close.unwrap_or_else(|| text.trim_end().len());
    if end <= start {
        return;
    }
    let inner = &text[start..end];
    if !inner.chars().any(char::is_alphanumeric) {
        return;
    }
    out.push(QuoteSpan {
        start: offset + start,
        end: offset + end,
        open: offset + open,
        close: close.map(|c| offset + c),
        paragraph,
        single,
        continues: false,
    });
}

/// Single-quoted spans outside the paragraph's double-quoted spans.
fn single_spans(
    text: &str,
    offset: usize,
    paragraph: usize,
    out: &mut Vec<QuoteSpan>,
    first: usize,
) {
    let doubles: Vec<(usize, usize)> = out[first..]
        .iter()
        .map(|s| (s.open - offset, s.close.map_or(text.len(), |c| c - offset)))
        .collect();
    let inside_double = |pos: usize| doubles.iter().any(|&(a, b)| pos >= a && pos <= b);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (pos, c) = chars[k];
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|&(_, c)| c);
        let can_open = (c == '‘' || c == '\'')
            && !inside_double(pos)
            && prev.is_none_or(|p| {
                p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':')
            })
            && next.is_some_and(|n| n.is_alphabetic() || (n.is_ascii_digit() && c == '‘'));
        if !can_open {
            k += 1;
            continue;
        }
        match closing_single(&chars, k + 1, &inside_double) {
            Some(close_k) => {
                let single_word = !chars[k + 1..close_k]
                    .iter()
                    .any(|&(_, c)| c.is_whitespace());
                // A lone straight-quoted word is more often an abbreviation ('90s, 'em).
                if !(single_word && c == '\'') {
                    push(
                        out,
                        text,
                        offset,
                        paragraph,
                        pos,
                        Some(chars[close_k].0),
                        true,
                    );
                }
                k = close_k + 1;
            }
            None => k += 1,
        }
    }
}

/// The closing single quote for an opening one, if it can be told from an apostrophe.
fn closing_single(
    chars: &[(usize, char)],
    from: usize,
    inside_double: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    // A mark that could be a plural possessive ("heroes’ and") is a closing mark only when no
    // better one follows.
    let mut possessive_like = None;
    for k in from..chars.len() {
        let (pos, c) = chars[k];
        if inside_double(pos) {
            return None;
        }
        if !(c == '’' || c == '\'') {
            continue;
        }
        let prev = chars[k - 1].1;
        let next = chars.get(k + 1).map(|&(_, c)| c);
        let apostrophe = prev.is_alphanumeric() && next.is_some_and(char::is_alphabetic);
        if apostrophe || prev.is_whitespace() {
            continue;
        }
        // "the Mayors' meeting": a plural possessive, followed by a lower-case word.
        let possessive = matches!(prev, 's' | 'S')
            && next == Some(' ')
            && chars.get(k + 2).is_some_and(|&(_, c)| c.is_lowercase());
        if possessive {
            possessive_like.get_or_insert(k);
            continue;
        }
        if next.is_none_or(|n| {
            n.is_whitespace()
                || matches!(
                    n,
                    ',' | '.' | ';' | ':' | '!' | '?' | ')' | '”' | '"' | '—' | '–' | '-'
                )
        }) {
            return Some(k);
        }
    }
    possessive_like
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::paragraphs;
    use crate::knowledge::Knowledge;
    use crate::load;

    fn spans_of(text: &str) -> Vec<String> {
        let (doc, _) = load::parse_document("content/t.txt", format!("T\n\n{text}"), 0).unwrap();
        let paras = paragraphs(&doc.body.text, &doc.body.blocks, Knowledge::builtin());
        find_spans(&doc.body.text, &paras)
            .iter()
            .map(|s| {
                let mut t = doc.body.text[s.start..s.end].to_string();
                if s.continues {
                    t.insert(0, '+');
                }
                t
            })
            .collect()
    }

    #[test]
    fn two_single_marks_typed_for_a_double_quotation_mark_open_and_close_it() {
        assert_eq!(
            spans_of("“It is to be determined,’’ he said. It was bought \"legally'' there."),
            ["It is to be determined,", "legally"]
        );
        assert_eq!(
            spans_of("‘‘We are shocked,’’ said the owner. The ‘‘cool’’ one’s car."),
            ["We are shocked,", "cool"]
        );
    }

    #[test]
    fn straight_curly_and_guillemet_quotes() {
        assert_eq!(
            spans_of("\"A b,\" he said. “C d.” «E f»"),
            ["A b,", "C d.", "E f"]
        );
    }

    #[test]
    fn apostrophes_and_plural_possessives_are_not_quote_marks() {
        assert_eq!(
            spans_of("The Mayors' meeting didn't start; it's Cairo's turn."),
            Vec::<String>::new()
        );
        assert_eq!(
            spans_of("The soldiers’ families said ‘We were heroes’ and left."),
            ["We were heroes"]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside_the_double_quote() {
        assert_eq!(
            spans_of("\"He told me 'run now' and I ran,\" she said."),
            ["He told me 'run now' and I ran,"]
        );
    }

    #[test]
    fn an_unbalanced_mark_stops_at_the_paragraph_end() {
        assert_eq!(
            spans_of("\"Never closed, he said.\n\nA normal \"quote\" here."),
            ["Never closed, he said.", "quote"]
        );
    }

    #[test]
    fn a_quote_running_over_paragraphs_is_marked_as_continuing() {
        assert_eq!(
            spans_of("\"First part.\n\n\"Second part.\"\n\nNarrative."),
            ["First part.", "+Second part."]
        );
    }

    #[test]
    fn headline_single_quotes_make_spans() {
        assert_eq!(
            spans_of("'It was hysteria': panic as gunman opened fire"),
            ["It was hysteria"]
        );
    }
}
