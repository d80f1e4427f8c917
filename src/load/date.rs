//! Publication dates in the forms news sites print them, read into ISO dates.
//!
//! Reading is deterministic: a date-only input never picks up the current time, and an
//! ambiguous or impossible date is refused (the caller warns) rather than guessed.

use jiff::civil::Date;

/// Reads a date such as "Sept. 10, 2022", "2022-09-11", "September 10, 2022 12:38 PM",
/// "10 September 2022", "Sat, 10 Sep 2022 12:38:00 +0000", "2022-09-11T08:00:00Z" or "9/10/22"
/// (month first, as in US sources) into `YYYY-MM-DD`.
pub fn parse_date(input: &str) -> Option<String> {
    let tokens = tokenize(input);
    if tokens.is_empty() {
        return None;
    }
    numeric_date(&tokens)
        .or_else(|| named_month_date(&tokens))
        .map(|d| d.strftime("%Y-%m-%d").to_string())
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(u32, usize),
    Word(String),
    Sep(char),
}

fn tokenize(input: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = input.trim().chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut s = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                s.push(d);
                chars.next();
            }
            let len = s.len();
            tokens.push(Token::Number(s.parse().unwrap_or(u32::MAX), len));
        } else if c.is_alphabetic() {
            let mut s = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_alphabetic()) {
                s.extend(d.to_lowercase());
                chars.next();
            }
            tokens.push(Token::Word(s));
        } else {
            if matches!(c, '-' | '/' | ':' | '.' | 'T') {
                tokens.push(Token::Sep(c));
            }
            chars.next();
        }
    }
    tokens
}

/// `2022-09-11`, `2022/09/11`, `2022-09-11T08:00:00Z`, `9/11/22`, `09/11/2022`.
fn numeric_date(tokens: &[Token]) -> Option<Date> {
    let nums: Vec<(u32, usize, Option<char>)> = tokens
        .windows(2)
        .filter_map(|w| match w {
            [Token::Number(n, len), Token::Sep(s)] => Some((*n, *len, Some(*s))),
            [Token::Number(n, len), _] => Some((*n, *len, None)),
            _ => None,
        })
        .chain(match tokens.last() {
            Some(Token::Number(n, len)) => Some((*n, *len, None)),
            _ => None,
        })
        .collect();
    if let Token::Number(..) = tokens.first()? {
    } else {
        return None;
    }
    match nums.as_slice() {
        [(y, 4, Some(s1)), (m, _, Some(s2)), (d, _, _), ..]
            if s1 == s2 && matches!(s1, '-' | '/' | '.') =>
        {
            make(*y as i32, *m, *d)
        }
        [
            (m, 1..=2, Some('/')),
            (d, 1..=2, Some('/')),
            (y, ylen, _),
            ..,
        ] => {
            let year = match ylen {
                2 => 2000 + *y as i32,
                4 => *y as i32,
                _ => return None,
            };
            make(year, *m, *d)
        }
        _ => None,
    }
}

/// Forms with the month's name: "Sept. 10, 2022", "10 September 2022", "Sat, 10 Sep 2022".
fn named_month_date(tokens: &[Token]) -> Option<Date> {
    let (month_at, month) = tokens.iter().enumerate().find_map(|(i, t)| match t {
        Token::Word(w) => month_number(w).map(|m| (i, m)),
        _ => None,
    })?;
    let numbers_after: Vec<(u32, usize)> = tokens[month_at + 1..]
        .iter()
        .filter_map(|t| match t {
            Token::Number(n, len) => Some((*n, *len)),
            _ => None,
        })
        .collect();
    let number_before = tokens[..month_at].iter().rev().find_map(|t| match t {
        Token::Number(n, len) => Some((*n, *len)),
        _ => None,
    });
    match (number_before, numbers_after.as_slice()) {
        // "10 September 2022"
        (Some((d, 1..=2)), [(y, 4), ..]) => make(*y as i32, month, d),
        // "September 10, 2022"
        (_, [(d, 1..=2), (y, 4), ..]) => make(*y as i32, month, *d),
        _ => None,
    }
}

fn make(year: i32, month: u32, day: u32) -> Option<Date> {
    if !(1800..=2200).contains(&year) {
        return None;
    }
    Date::new(
        year as i16,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [(&str, &[&str]); 12] = [
        ("january", &["jan"]),
        ("february", &["feb"]),
        ("march", &["mar"]),
        ("april", &["apr"]),
        ("may", &[]),
        ("june", &["jun"]),
        ("july", &["jul"]),
        ("august", &["aug"]),
        ("september", &["sep", "sept"]),
        ("october", &["oct"]),
        ("november", &["nov"]),
        ("december", &["dec"]),
    ];
    MONTHS
        .iter()
        .position(|(full, short)| *full == word || short.contains(&word))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn news_forms_read_as_iso_dates() {
        for (input, expected) in [
            ("Sept. 10, 2022", "2022-09-10"),
            ("2022-09-11", "2022-09-11"),
            ("September 10, 2022 12:38 PM", "2022-09-10"),
            ("Sept. 10, 2022 / 12:38 PM", "2022-09-10"),
            ("10 September 2022", "2022-09-10"),
            ("Sat, 10 Sep 2022 12:38:00 +0000", "2022-09-10"),
            ("2022-09-11T08:00:00Z", "2022-09-11"),
            ("2022/09/11", "2022-09-11"),
            ("7/23/17", "2017-07-23"),
            ("07/23/2017", "2017-07-23"),
            ("Monday, October 2, 2017", "2017-10-02"),
            ("Oct 2 2017", "2017-10-02"),
            ("Updated 5:43 PM ET, Mon July 1, 2013", "2013-07-01"),
        ] {
            assert_eq!(parse_date(input).as_deref(), Some(expected), "{input}");
        }
    }

    #[test]
    fn unreadable_or_impossible_dates_are_refused() {
        for input in [
            "",
            "yesterday",
            "2022-13-01",
            "February 30, 2022",
            "0001-01-01",
            "Sept. 2022",
            "12:38 PM",
        ] {
            assert_eq!(parse_date(input), None, "{input}");
        }
    }
}
