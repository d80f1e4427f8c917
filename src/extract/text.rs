//! Tokens, sentences and paragraphs of an article body, with byte offsets into the body.

use crate::knowledge::Knowledge;
use crate::model::{Block, BlockKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and dots ("don't", "Tehran-backed", "U.S.").
    Word,
    /// Digits with inner separators ("2,500", "1.5", "3,000-4,000" is three tokens).
    Number,
    /// Any other single character that is not whitespace.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

/// A paragraph (one block of the body) split into tokens and sentences.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<Token>,
    /// Sentences as ranges of `tokens` indices.
    pub sentences: Vec<std::ops::Range<usize>>,
    /// True for headings and title-case lines, whose capitals say nothing about names.
    pub title_case: bool,
    /// Byte ranges left out of `tokens`: links to other stories that a web page set inside
    /// the text (see [`link_cards`]).
    pub skipped: Vec<(usize, usize)>,
}

impl Paragraph {
    /// The index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .iter()
            .position(|s| s.contains(&i))
            .unwrap_or(self.sentences.len().saturating_sub(1))
    }

    /// Whether token `i` starts its sentence (ignoring opening quotes and brackets).
    pub fn starts_sentence(&self, i: usize, body: &str) -> bool {
        let s = &self.sentences[self.sentence_of(i)];
        (s.start..i).all(|j| {
            let t = self.tokens[j];
            t.kind == TokenKind::Punct
                && matches!(
                    t.text(body),
                    "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "—" | "-" | "–"
                )
        })
    }
}

/// Splits the body's text blocks (not code or rules) into paragraphs.
pub fn paragraphs(body: &str, blocks: &[Block], knowledge: &Knowledge) -> Vec<Paragraph> {
    blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Code | BlockKind::Rule))
        .map(|b| {
            let mut tokens = tokenize(body, b.start, b.end);
            let skipped = link_cards(body, &tokens);
            if !skipped.is_empty() {
                tokens.retain(|t| !skipped.iter().any(|&(a, z)| a <= t.start && t.end <= z));
            }
            let sentences = sentences(body, &tokens, knowledge);
            let title_case =
                b.kind == BlockKind::Heading || is_title_case(body, &tokens, knowledge);
            Paragraph {
                start: b.start,
                end: b.end,
                tokens,
                sentences,
                title_case,
                skipped,
            }
        })
        .collect()
}

impl Paragraph {
    /// Whether byte `at` lies in a part of the paragraph left out of its tokens.
    pub fn is_skipped(&self, at: usize) -> bool {
        self.skipped.iter().any(|&(a, z)| a <= at && at < z)
    }

    /// Whether a part left out of the tokens lies between bytes `from` and `to`.
    pub fn skips_between(&self, from: usize, to: usize) -> bool {
        self.skipped.iter().any(|&(a, _)| from <= a && a < to)
    }
}

/// The word that ends a link card: the link's own text.
pub const LINK_CARD_END: &str = "MORE";

/// Tokens this far after a link card's glued word may still belong to it.
const LINK_CARD_TOKENS: usize = 150;

/// Links to other stories that some web pages set inside a sentence, right after a person's
/// name, and that copied text keeps: "Sen. Lindsey Graham Lindsey Olin GrahamTrump says ...
/// Graham vows ... MORE (R-S.C.) said". Each is the person's full name again, glued to the
/// first headline ("GrahamTrump"), then headlines, then "MORE". Their names, quotations and
/// places are none of the article's, and they part a speaker from the verb. A glued word
/// opens one only when the name before it ends in the glued word's first part, and a "MORE"
/// follows, so "YouTube" or "McConnell" never do. Some cards keep a space after the full
/// name ("Paul Ryan Paul Davis Ryan Retirees should ... MORE"): a name restated in full right
/// after itself opens one too. "MORE’s" ends a card set before a possessive.
fn link_cards(body: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let word = |t: &Token| &body[t.start..t.end];
    let mores: Vec<usize> = (0..tokens.len())
        .filter(|&t| crate::knowledge::strip_possessive(word(&tokens[t])) == LINK_CARD_END)
        .collect();
    if mores.is_empty() {
        return Vec::new();
    }
    let more_after = |g: usize| {
        mores
            .iter()
            .copied()
            .find(|&m| m > g && m < g + LINK_CARD_TOKENS)
    };
    let mut cards = Vec::new();
    let mut g = 0;
    while g < tokens.len() {
        let Some(more) = more_after(g) else {
            g += 1;
            continue;
        };
        if let Some(start) = restated_name(body, tokens, g) {
            cards.push((tokens[start].start, tokens[more].end));
            g = more + 1;
            continue;
        }
        let surnames = glued_names(word(&tokens[g]));
        // The name the card repeats ends just before it: "Graham Lindsey Olin GrahamTrump".
        let Some(name_end) = (g.saturating_sub(6)..g)
            .rev()
            .find(|&t| surnames.contains(&crate::knowledge::strip_possessive(word(&tokens[t]))))
        else {
            g += 1;
            continue;
        };
        if name_end + 1 < g {
            cards.push((tokens[name_end + 1].start, tokens[more].end));
        } else {
            cards.push((tokens[g].start, tokens[more].end));
        }
        g = more + 1;
    }
    cards
}

/// Where a full name that token `g` ends starts, when it restates the name just before it:
/// "Paul Ryan Paul Davis Ryan" at the second "Ryan" is the second "Paul". The restated name
/// opens with the earlier name's first word and ends with its last, has only capitalised
/// words, and a capitalised word (the first headline's) follows it.
fn restated_name(body: &str, tokens: &[Token], g: usize) -> Option<usize> {
    let word = |t: usize| &body[tokens[t].start..tokens[t].end];
    let capitalised = |t: usize| {
        tokens[t].kind == TokenKind::Word && word(t).chars().next().is_some_and(char::is_uppercase)
    };
    if !capitalised(g) || g + 1 >= tokens.len() || !capitalised(g + 1) {
        return None;
    }
    // The earlier name's last word, with at least two words restated after it.
    let last = (g.saturating_sub(5)..g.saturating_sub(1))
        .rev()
        .find(|&t| word(t) == word(g))?;
    let opens_both =
        (last.saturating_sub(3)..last).any(|t| capitalised(t) && word(t) == word(last + 1));
    (opens_both && (last + 1..g).all(capitalised)).then_some(last + 1)
}

/// "GrahamTrump" → ["Graham"]: the parts of a capitalised word that could be a name of three
/// letters or more glued to another capitalised word, as a link card glues a name to a
/// headline (or to a number opening one). A name with a capital of its own has more than
/// one: "McCabeMcCabe" → ["McCabe", "McCabeMc"].
fn glued_names(word: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut chars = word.char_indices();
    if !chars.next().is_some_and(|(_, c)| c.is_uppercase()) {
        return names;
    }
    let mut prev_lower = false;
    for (i, c) in chars {
        // A headline may open with a number or an acronym: "Sanders2020 Democrats push ...",
        // "RubioGOP senators plan ...".
        if (c.is_uppercase() || c.is_ascii_digit()) && prev_lower {
            let (first, rest) = word.split_at(i);
            let rest_is_word =
                c.is_ascii_digit() || rest.chars().nth(1).is_some_and(char::is_alphabetic);
            if first.chars().count() >= 3 && rest_is_word {
                names.push(first);
            }
        }
        if !c.is_alphabetic() {
            return names;
        }
        prev_lower = c.is_lowercase();
    }
    names
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Tokens of `body[start..end]`.
pub fn tokenize(body: &str, start: usize, end: usize) -> Vec<Token> {
    let text = &body[start..end];
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let offset_of = |k: usize| chars.get(k).map_or(text.len(), |&(p, _)| p);
        if c.is_alphabetic() {
            let j = dotted_acronym_end(&chars, i).unwrap_or_else(|| {
                let mut j = i + 1;
                loop {
                    match at(j) {
                        Some(d) if d.is_alphanumeric() => j += 1,
                        // Inner apostrophes and hyphens join ("don't", "Tehran-backed").
                        Some(d)
                            if (is_apostrophe(d) || d == '-')
                                && at(j + 1).is_some_and(char::is_alphabetic) =>
                        {
                            j += 2
                        }
                        _ => break j,
                    }
                }
            });
            tokens.push(Token {
                start: start + pos,
                end: start + offset_of(j),
                kind: TokenKind::Word,
            });
            i = j;
        } else if c.is_ascii_digit() {
            let mut j = i + 1;
            loop {
                match at(j) {
                    Some(d) if d.is_ascii_digit() => j += 1,
                    Some(',' | '.') if at(j + 1).is_some_and(|d| d.is_ascii_digit()) => j += 2,
                    _ => break,
                }
            }
            tokens.push(Token {
                start: start + pos,
                end: start + offset_of(j),
                kind: TokenKind::Number,
            });
            i = j;
        } else {
            tokens.push(Token {
                start: start + pos,
                end: start + pos + c.len_utf8(),
                kind: TokenKind::Punct,
            });
            i += 1;
        }
    }
    tokens
}

/// The end of a dotted acronym starting at `i` ("U.S.", "D.C.", "e.g."): two or more single
/// letters each followed by a dot.
fn dotted_acronym_end(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let mut j = i;
    let mut letters = 0;
    while j + 1 < chars.len() && chars[j].1.is_alphabetic() && chars[j + 1].1 == '.' {
        let next_is_letter_run = chars.get(j + 2).is_some_and(|&(_, c)| c.is_alphabetic())
            && chars.get(j + 3).is_some_and(|&(_, c)| c.is_alphabetic());
        letters += 1;
        j += 2;
        if next_is_letter_run {
            break;
        }
    }
    (letters >= 2).then_some(j)
}

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

fn is_opening(s: &str) -> bool {
    matches!(s, "\"" | "“" | "‘" | "'" | "(" | "[" | "«")
}

/// Sentences of a paragraph's tokens. A full stop ends a sentence unless it follows an
/// abbreviation or an initial, and the next word starts with a capital, digit or quote.
fn sentences(body: &str, tokens: &[Token], knowledge: &Knowledge) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let text = t.text(body);
        let terminal = t.kind == TokenKind::Punct && matches!(text, "." | "!" | "?" | "…");
        // "R-S.C.": a full stop with an initial right after it is inside an abbreviation.
        // ("the end.But" is a missing space, and ends the sentence.)
        let inside_word = text == "."
            && tokens.get(i + 1).is_some_and(|n| {
                n.start == t.end && n.kind == TokenKind::Word && n.text(body).chars().count() <= 2
            });
        if terminal
            && !inside_word
            && !(text == "." && ends_abbreviation(body, tokens, i, knowledge))
        {
            // Swallow closing quotes and brackets, and repeated terminal marks.
            let mut end = i + 1;
            while end < tokens.len()
                && tokens[end].kind == TokenKind::Punct
                && (is_closing(tokens[end].text(body))
                    || matches!(tokens[end].text(body), "." | "!" | "?"))
                && !(is_opening(tokens[end].text(body)) && starts_next(body, tokens, end))
            {
                end += 1;
            }
            let next_starts_sentence = match tokens.get(end) {
                None => true,
                Some(n) => {
                    let s = n.text(body);
                    let first = s.chars().next().unwrap_or(' ');
                    first.is_uppercase() || first.is_ascii_digit() || is_opening(s)
                }
            };
            if next_starts_sentence {
                out.push(start..end);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

/// A straight quote right after a sentence end opens the next sentence rather than closing.
fn starts_next(body: &str, tokens: &[Token], i: usize) -> bool {
    let s = tokens[i].text(body);
    if s != "\"" && s != "'" {
        return false;
    }
    // An opening quote is followed by a word with no space in between.
    tokens
        .get(i + 1)
        .is_some_and(|n| n.start == tokens[i].end && n.kind != TokenKind::Punct)
        && i > 0
        && tokens[i - 1].end < tokens[i].start
}

fn ends_abbreviation(body: &str, tokens: &[Token], dot: usize, knowledge: &Knowledge) -> bool {
    if dot == 0 {
        return false;
    }
    let prev = tokens[dot - 1];
    if prev.end != tokens[dot].start || prev.kind != TokenKind::Word {
        return false;
    }
    let word = prev.text(body);
    // An initial ("J. Smith"), but not a one-letter word like "I" or "a" ending a sentence.
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) && word != "I" {
        return true;
    }
    knowledge.is_abbreviation(word)
}

/// A line in title case: most words capitalised, including common words ("Britain's Vote To
/// Leave The Union"), and no full stop at the end.
fn is_title_case(body: &str, tokens: &[Token], knowledge: &Knowledge) -> bool {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(body))
        .collect();
    if words.len() < 3 || words.len() > 25 {
        return false;
    }
    let ends_with_stop = tokens
        .last()
        .is_some_and(|t| matches!(t.text(body), "." | "?" | "!" | "\"" | "”"));
    if ends_with_stop {
        return false;
    }
    let common_capitalised = words
        .iter()
        .filter(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.len() > 3
                && knowledge.is_common_word(&w.to_lowercase())
        })
        .count();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capitalised * 10 >= words.len() * 7 && common_capitalised >= 2
}

/// Word tokens are capitalised when their first letter is upper case.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// All letters upper case, at least two of them ("NATO", "U.S.", "CNN").
pub fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glued_name_is_a_name_joined_to_a_headline() {
        assert_eq!(glued_names("GrahamTrump"), ["Graham"]);
        assert_eq!(glued_names("TrumpTrump"), ["Trump"]);
        assert_eq!(glued_names("McCabeMcCabe"), ["McCabe", "McCabeMc"]);
        assert_eq!(glued_names("Sanders2020"), ["Sanders"]);
        assert_eq!(glued_names("RubioGOP"), ["Rubio"]);
        for word in [
            "McConnell",
            "DeSantis",
            "iPhone",
            "Graham",
            "NASA",
            "LaHood",
        ] {
            assert!(glued_names(word).is_empty(), "{word}");
        }
        // "YouTube" reads as glued; no name ending in "You" before it makes it a card.
        assert_eq!(glued_names("YouTube"), ["You"]);
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len())
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn tokens_keep_names_numbers_and_acronyms_whole() {
        assert_eq!(
            words("The U.S. said 2,500 Tehran-backed troops' \"don't\"."),
            [
                "The",
                "U.S.",
                "said",
                "2,500",
                "Tehran-backed",
                "troops",
                "'",
                "\"",
                "don't",
                "\"",
                "."
            ]
        );
        assert_eq!(
            words("Yarnell, 48km south."),
            ["Yarnell", ",", "48", "km", "south", "."]
        );
        assert_eq!(
            words("D.C. and 1.5 million"),
            ["D.C.", "and", "1.5", "million"]
        );
    }

    #[test]
    fn sentences_end_at_full_stops_but_not_after_abbreviations() {
        let k = Knowledge::default_for_tests();
        let text =
            "Mr. Smith met Gen. J. Doe on Sept. 10. \"It went well,\" he said. Then they left.";
        let tokens = tokenize(text, 0, text.len());
        let s = sentences(text, &tokens, k);
        let texts: Vec<&str> = s
            .iter()
            .map(|r| &text[tokens[r.start].start..tokens[r.end - 1].end])
            .collect();
        assert_eq!(
            texts,
            [
                "Mr. Smith met Gen. J. Doe on Sept. 10.",
                "\"It went well,\" he said.",
                "Then they left."
            ]
        );
        let text = "Sen. Ann Roe, R-S.C., said so. Then they left.";
        let tokens = tokenize(text, 0, text.len());
        assert_eq!(sentences(text, &tokens, k).len(), 2, "{tokens:?}");
    }
}
