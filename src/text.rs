//! Small text helpers shared by the stages: folding for comparison, transliteration keys.

use unicode_normalization::UnicodeNormalization;

/// The months' English names, January first: for reading dates in text and writing them.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Lower case, no diacritics, curly apostrophes straightened, dots and extra spaces removed:
/// "U.K." → "uk", "Kraków" → "krakow", "Egypt’s" → "egypt's".
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return fold_ascii(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    for c in text.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) || c == '.' {
            continue;
        }
        let c = match c {
            '’' | '‘' | '`' | '´' => '\'',
            '‐' | '‑' | '‒' | '–' | '—' => '-',
            c => c,
        };
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
            continue;
        }
        last_space = false;
        out.extend(c.to_lowercase());
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// "We’ve", "they'll", "don’t": a word with an English clitic, which is never a name.
pub fn is_contraction(word: &str) -> bool {
    const CLITICS: [&str; 6] = ["ve", "ll", "re", "m", "d", "t"];
    word.rsplit_once(['\'', '’']).is_some_and(|(stem, clitic)| {
        CLITICS.contains(&clitic) && (clitic != "t" || stem.ends_with('n'))
    })
}

/// A key under which transliteration variants of a name meet: Aliyev, Aliev and Alijev;
/// Yogyakarta and Jogjakarta; Tolyatti and Toljatti. Letters only, lower case, with y/j read
/// as i, w as v, and doubled letters collapsed.
pub fn translit_key(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    let mut prev = '\0';
    for c in ascii.chars() {
        if !c.is_ascii_alphabetic() {
            if (c == ' ' || c == '-') && prev != ' ' && !out.is_empty() {
                out.push(' ');
                prev = ' ';
            }
            continue;
        }
        let c = match c {
            'y' | 'j' => 'i',
            'w' => 'v',
            c => c,
        };
        if c != prev {
            out.push(c);
        }
        prev = c;
    }
    out.trim_end().to_string()
}

/// [`fold`] of ASCII text, which has no accents to decompose: most of what is folded.
fn fold_ascii(text: &str) -> String {
    let mut buf = vec![0u8; text.len()];
    let n = fold_ascii_into(text.as_bytes(), &mut buf);
    buf.truncate(n);
    String::from_utf8(buf).expect("folded ASCII is UTF-8")
}

/// Folds ASCII `text` into `out` (at least as long), returning the folded length: dots
/// dropped, runs of white space made one space and none at the ends, "`" straightened,
/// letters lowered.
fn fold_ascii_into(text: &[u8], out: &mut [u8]) -> usize {
    let mut n = 0;
    let mut last_space = true;
    for &b in text {
        match b {
            b'.' => {}
            // ASCII's White_Space characters, as `char::is_whitespace` has them.
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' => {
                if !last_space {
                    out[n] = b' ';
                    n += 1;
                    last_space = true;
                }
            }
            b => {
                last_space = false;
                out[n] = if b == b'`' {
                    b'\''
                } else {
                    b.to_ascii_lowercase()
                };
                n += 1;
            }
        }
    }
    while n > 0 && out[n - 1] == b' ' {
        n -= 1;
    }
    n
}

/// The longest word [`with_lowercase`] and [`with_folded`] treat on the stack.
const STACK_WORD: usize = 64;

/// Calls `f` with `word` in lower case. The lexicon is asked about every word of every
/// article; a short ASCII word, nearly all of them, is lowered on the stack, not allocated.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.len() > STACK_WORD || !word.is_ascii() {
        return f(&word.to_lowercase());
    }
    let mut buf = [0u8; STACK_WORD];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    f(std::str::from_utf8(lower).expect("lower-cased ASCII is UTF-8"))
}

/// Calls `f` with [`fold`] of `text`, on the stack for short ASCII text.
pub fn with_folded<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    if text.len() > STACK_WORD || !text.is_ascii() {
        return f(&fold(text));
    }
    let mut buf = [0u8; STACK_WORD];
    let n = fold_ascii_into(text.as_bytes(), &mut buf);
    f(std::str::from_utf8(&buf[..n]).expect("folded ASCII is UTF-8"))
}

/// Damerau-Levenshtein distance of at most one (one insertion, deletion, substitution or
/// transposition of adjacent letters): the typos that turn Yogyakarta into Yogyakatra.
///
/// Linking asks this of every unexplained name against the places of its block, hundreds of
/// thousands of times in a big briefing, so it compares in one pass and allocates nothing
/// for ASCII (transliteration keys are).
pub fn within_one_edit(a: &str, b: &str) -> bool {
    // Most pairs differ in length by more than one letter: nothing to compare for them.
    if a.len().abs_diff(b.len()) > 4 {
        return false;
    }
    if a.is_ascii() && b.is_ascii() {
        return one_edit_apart(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit_apart(&a, &b)
}

/// Past their common start, the rest must match after one substitution, one swap of the
/// two letters there, or one letter more in the longer. (A letter deleted earlier in a run
/// of the same letter is the same as one deleted at the end of the run.)
fn one_edit_apart<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let p = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if p == short.len() {
        return true;
    }
    if short.len() < long.len() {
        return short[p..] == long[p + 1..];
    }
    let substituted = short[p + 1..] == long[p + 1..];
    let swapped = p + 1 < short.len()
        && short[p] == long[p + 1]
        && short[p + 1] == long[p]
        && short[p + 2..] == long[p + 2..];
    substituted || swapped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contractions_are_told_from_names_with_apostrophes() {
        for word in [
            "We’ve", "they'll", "We’re", "I'm", "she’d", "don’t", "Won't",
        ] {
            assert!(is_contraction(word), "{word}");
        }
        for word in [
            "Sana’a",
            "O'Neill",
            "L'Aquila",
            "Côte d’Ivoire",
            "Hillary’s",
            "Bat",
        ] {
            assert!(!is_contraction(word), "{word}");
        }
    }

    #[test]
    fn ascii_folding_is_the_general_folding() {
        for text in [
            "  The U.S.  `Army`\t\x0bsaid.  ",
            "",
            " . ",
            "A.B. c",
            "x\r\ny\x0cz",
        ] {
            let mut general = String::new();
            // The general path, forced by a character that folds away.
            general.push_str(&fold(&format!("{text}\u{301}")));
            assert_eq!(fold_ascii(text), general, "{text:?}");
        }
    }

    #[test]
    fn folding_ignores_case_accents_dots_and_quote_style() {
        assert_eq!(fold("U.K."), "uk");
        assert_eq!(fold("Kraków"), "krakow");
        assert_eq!(fold("Egypt’s  Ministry"), "egypt's ministry");
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        assert_eq!(translit_key("Aliyev"), translit_key("Aliev"));
        assert_eq!(translit_key("Alijev"), translit_key("Aliyev"));
        assert_eq!(translit_key("Yogyakarta"), translit_key("Jogjakarta"));
        assert_eq!(translit_key("Tolyatti"), translit_key("Toljatti"));
        assert_ne!(translit_key("Yogyakarta"), translit_key("Yogyakatra"));
        assert!(within_one_edit(
            &translit_key("Yogyakarta"),
            &translit_key("Yogyakatra")
        ));
    }

    #[test]
    fn words_lowered_and_folded_on_the_stack_are_as_fold_and_to_lowercase_make_them() {
        let mut cases: Vec<String> = (0u8..128).map(|b| format!("A{}b", b as char)).collect();
        cases.extend(
            [
                "",
                " ",
                "U.S.",
                "  New   York ",
                "Côte d’Ivoire",
                "ROCK`N",
                "a\u{0b}b",
                "Kraków",
                "x.y. z",
                "ÉCOLE",
                "İstanbul",
            ]
            .map(String::from),
        );
        cases.push("Long ".repeat(20));
        for case in &cases {
            assert_eq!(with_folded(case, str::to_string), fold(case), "{case:?}");
            assert_eq!(
                with_lowercase(case, str::to_string),
                case.to_lowercase(),
                "{case:?}"
            );
        }
    }

    #[test]
    fn one_edit_agrees_with_the_damerau_levenshtein_distance() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "bac",
            "abd",
            "abcd",
            "abdc",
            "aabc",
            "abbc",
            "yogyakarta",
            "jogjakarta",
            "yogyakatra",
            "yogyakart",
            "yogyakartaa",
            "kraków",
            "krakow",
            "krakóww",
            "krkaów",
            "straße",
            "strasse",
            "aa",
            "aaa",
            "aab",
        ];
        for a in words {
            for b in words {
                let expected = strsim::damerau_levenshtein(a, b) <= 1;
                assert_eq!(within_one_edit(a, b), expected, "{a:?} {b:?}");
            }
        }
    }
}
