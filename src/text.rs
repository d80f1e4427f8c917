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
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    for c in text.chars() {
        match c {
            '.' => {}
            c if c.is_whitespace() => {
                if !last_space {
                    out.push(' ');
                    last_space = true;
                }
            }
            c => {
                last_space = false;
                out.push(if c == '`' {
                    '\''
                } else {
                    c.to_ascii_lowercase()
                });
            }
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
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
