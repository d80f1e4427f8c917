//! Figures: numbers with their unit or counted noun, qualifier, conversion and predicate.
//!
//! Numbers are read in the forms news uses (digits with separators, decimals and scale words,
//! number words and compounds such as "four-week", ranges, percentages, money). Dates,
//! years, clock times, ordinals, ages, and numbers that are part of a name are left out. What
//! a figure measures comes from the words around it (`predicates` in `data/units.yaml`).

use super::names::{Reader, is_calendar_word};
use super::text::{TokenKind, is_capitalised};
use crate::knowledge::Knowledge;
use crate::knowledge::units::{Predicate, Units};

#[derive(Debug, Clone, PartialEq)]
pub struct ExtractedFigure {
    /// The figure as written, from its qualifier to its unit: `body[start..end]`.
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub value_max: Option<f64>,
    /// Unit code as written ("km2", "mi", "percent", "USD", "day"), or "count".
    pub unit: String,
    /// What the unit measures: "area", "length", "money", "percent", "duration", "count".
    pub dimension: String,
    /// For counts: the counted noun, singular, lower case.
    pub noun: Option<String>,
    /// A country's adjective before the counted noun, as written: "nine Ethiopian passengers"
    /// count only some of the passengers.
    pub noun_group: Option<String>,
    /// exact | approximate | lower_bound | upper_bound | range
    pub qualifier: String,
    /// The rounding step of the number as written (2,500 → 100; 1.5 → 0.1).
    pub step: f64,
    pub conversion: Option<ExtractedConversion>,
    /// Key of the predicate class ("territory taken"), if the words around say.
    pub predicate: Option<String>,
    pub paragraph: usize,
    /// Byte range of the sentence holding the figure.
    pub sentence: (usize, usize),
    pub quoted: bool,
    /// Local entity that the article says gave the figure (filled after attribution).
    pub claimant: Option<usize>,
    /// A value given as a previous one ("down from 8.1%"), not the current one.
    pub previous: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExtractedConversion {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub unit: String,
    pub step: f64,
}

/// A number read at a token.
#[derive(Debug, Clone, Copy)]
struct Number {
    value: f64,
    step: f64,
    /// First and last token of the number (scale words included).
    first: usize,
    last: usize,
    /// "four-week": the word after the hyphen, inside the same token.
    compound_rest: Option<usize>,
}

/// All figures of one paragraph.
pub fn find_figures(r: &Reader, paragraph: usize, k: &Knowledge) -> Vec<ExtractedFigure> {
    let mut out: Vec<ExtractedFigure> = Vec::new();
    let mut i = 0;
    while i < r.len() {
        if out.last().is_some_and(|f| r.token(i).start < f.end) {
            i += 1;
            continue;
        }
        match figure_at(r, i, paragraph, k) {
            Some(f) => {
                // The conversion in parentheses belongs to the figure.
                let end = f.conversion.as_ref().map_or(f.end, |c| c.end.max(f.end));
                out.push(f);
                while i < r.len() && r.token(i).start < end {
                    i += 1;
                }
            }
            None => i += 1,
        }
    }
    out
}

fn figure_at(r: &Reader, i: usize, paragraph: usize, k: &Knowledge) -> Option<ExtractedFigure> {
    let u = &k.units;
    // A currency sign before the number ("$1.5 billion", "£20m").
    let (currency_before, num_at) = match r.token(i).kind {
        TokenKind::Punct | TokenKind::Word if i + 1 < r.len() => {
            let w = [r.word(i)];
            match u.currency_at(&w) {
                Some((code, 1))
                    if r.token(i + 1).kind == TokenKind::Number
                        && r.token(i + 1).start == r.token(i).end =>
                {
                    (Some(code), i + 1)
                }
                _ => (None, i),
            }
        }
        _ => (None, i),
    };
    let number = read_number(r, num_at, k)?;
    if excluded(r, &number, k) {
        return None;
    }
    let mut last = number.last;
    let value = number.value;
    let mut value_max = None;
    let mut qualifier = "exact".to_string();
    // "72-hour", "9,000-acre", "20-person": digits joined to a unit or noun by a hyphen.
    let mut digit_compound: Option<usize> = None;
    if r.token(last).kind == TokenKind::Number
        && r.is_punct(last + 1, "-")
        && r.token(last + 1).start == r.token(last).end
        && r.is_word(last + 2)
        && r.token(last + 2).start == r.token(last + 1).end
    {
        digit_compound = Some(last + 2);
    }

    // Qualifier before ("more than", "as much as", "between").
    let first_tok = if currency_before.is_some() { i } else { num_at };
    let before: Vec<&str> = (first_tok.saturating_sub(4)..first_tok)
        .filter(|&t| r.is_word(t))
        .map(|t| r.word(t))
        .collect();
    let mut start_tok = first_tok;
    if let Some((kind, n)) = u.qualifier_before(&before) {
        qualifier = kind;
        // Walk back over the qualifier's words.
        let mut words_left = n;
        let mut t = first_tok;
        while words_left > 0 && t > 0 {
            t -= 1;
            if r.is_word(t) {
                words_left -= 1;
            }
        }
        start_tok = t;
    }
    // A range: "between 1,000 and 2,000", "3,000-4,000", "3,000 to 4,000", "from 10 to 12".
    let joiner = last + 1;
    if joiner + 1 < r.len()
        && (r.is_punct(joiner, "-")
            || r.is_punct(joiner, "–")
            || (r.is_word(joiner) && matches!(r.word(joiner), "and" | "to")))
        && let Some(upper) = read_number(
            r,
            joiner
                + 1
                + usize::from(
                    currency_before.is_some() && r.token(joiner + 1).kind != TokenKind::Number,
                ),
            k,
        )
    {
        let by_word = r.is_word(joiner);
        let range_word = matches!(qualifier.as_str(), "range");
        if (!by_word || range_word || r.word(joiner) == "to") && upper.value > value {
            value_max = Some(upper.value);
            qualifier = "range".to_string();
            last = upper.last;
        } else if !by_word && upper.value < value {
            // "a 7-2 decision": a vote or a score, read as one figure.
            last = upper.last;
        }
    }
    if qualifier == "range" && value_max.is_none() {
        // "from 10" without an upper end: a plain figure.
        qualifier = "exact".to_string();
        start_tok = first_tok;
    }
    // The unit or counted noun after the number.
    let mut unit: Option<(String, String)> =
        currency_before.clone().map(|c| (c, "money".to_string()));
    let mut noun = None;
    let mut end_tok = last;
    if let Some(rest) = number.compound_rest {
        // "four-week", "two-day", "20-kilometre": the unit is inside the token.
        let token = r.word(rest);
        let after = token.split_once('-').map(|x| x.1).unwrap_or("");
        if let Some((unit_def, _)) = u.unit_at(&[after]) {
            unit = Some((unit_def.code.clone(), unit_def.dimension.clone()));
        } else if after.chars().all(char::is_alphabetic) && !after.is_empty() {
            noun = Some(u.singular(after));
        }
    }
    if let Some(w) = digit_compound {
        let word = r.word(w);
        let head = word.split('-').next().unwrap_or(word);
        if let Some((unit_def, _)) = u.unit_at(&[head]) {
            unit = Some((unit_def.code.clone(), unit_def.dimension.clone()));
        } else if head.chars().all(char::is_alphabetic) {
            noun = Some(u.singular(head));
        }
        end_tok = w;
        if word.contains("-year-old") || head == "year" && r.word(w).ends_with("old") {
            return None;
        }
    }
    if unit.is_none() && digit_compound.is_none() {
        let next = last + 1;
        if r.is_punct(next, "%") {
            unit = Some(("percent".into(), "percent".into()));
            end_tok = next;
        } else {
            let ahead: Vec<&str> = (next..(next + 4).min(r.len())).map(|t| r.word(t)).collect();
            if let Some((unit_def, n)) = u.unit_at(&ahead) {
                unit = Some((unit_def.code.clone(), unit_def.dimension.clone()));
                end_tok = next + n - 1;
            } else if let Some((code, n)) = u.currency_at(&ahead) {
                unit = Some((code, "money".into()));
                end_tok = next + n - 1;
            }
        }
    }
    // "30 times the population", "16 times as much": a multiplier, not a count of anything.
    if unit.is_none() && is_multiplier(r, end_tok + 1) {
        return None;
    }
    let mut noun_group = None;
    if unit.is_none() && noun.is_none() && digit_compound.is_none() {
        // "a 5-4 ruling": a score names one thing, which may well end in "-ing".
        let score = (number.first..=last).any(|t| r.word(t).contains('-'));
        let (n, t) = noun_after(r, end_tok + 1, k, !score);
        // "a 6.2 earthquake", "the 7.8 quake": a fraction before a singular noun is a reading
        // on a scale the units do not know, not a count ("2.5 points", "6.7 deaths" are), nor
        // a measure the units name ("a 5.4 point margin").
        if value.fract() != 0.0
            && let Some(t) = t
            && is_singular(r.word(t), u)
            && !u.is_measure_noun(r.word(t))
        {
            return None;
        }
        // "two relatively new", "3 house collapsed", "over 200 9-mm": many of something are
        // counted by a plural; a singular after them qualifies a noun the text leaves out.
        let (n, t) = match t {
            Some(head)
                if (value > 1.0 || value_max.is_some())
                    && !score
                    && is_singular(r.word(head), u)
                    && !u.is_measure_noun(r.word(head)) =>
            {
                (None, None)
            }
            _ => (n, t),
        };
        noun = n
            .or_else(|| noun_of_the_whole(r, start_tok, k))
            .or_else(|| counted_by_participle(r, end_tok + 1, k));
        if let Some(t) = t {
            noun_group = (end_tok + 1..t)
                .find(|&g| r.is_word(g) && k.is_demonym(r.word(g)))
                .map(|g| r.word(g).to_string());
            end_tok = t;
        }
    }
    // A compound ("four-week conflict", "72-hour truce"): the noun after it says what lasts.
    if (number.compound_rest.is_some() || digit_compound.is_some())
        && noun.is_none()
        && unit.is_some()
    {
        noun = compound_noun(r, last + 1, k);
    }
    let (unit_code, dimension) = unit.unwrap_or_else(|| ("count".to_string(), "count".to_string()));
    // A bare number with no unit and no noun says nothing a reader can use.
    if dimension == "count" && noun.is_none() && currency_before.is_none() {
        // Any predicate word, of whatever dimension, marks the number as a figure.
        let has_predicate = predicate_near(r, start_tok, end_tok, None, k, &|_| true).is_some();
        if !has_predicate {
            return None;
        }
    }
    // "(3,400 hectares)": a conversion in parentheses, also after a closing quotation mark.
    let mut conversion = None;
    let mut open = end_tok + 1;
    if r.is_quote_mark(open) {
        open += 1;
    }
    if r.is_punct(open, "(")
        && let Some(conv_num) = read_number(r, open + 1, k)
    {
        let ahead: Vec<&str> = (conv_num.last + 1..(conv_num.last + 4).min(r.len()))
            .map(|t| r.word(t))
            .collect();
        if let Some((conv_unit, n)) = u.unit_at(&ahead) {
            let close = conv_num.last + n + 1;
            if r.is_punct(close, ")") {
                conversion = Some(ExtractedConversion {
                    start: r.token(open).start,
                    end: r.token(close).end,
                    value: conv_num.value,
                    unit: conv_unit.code.clone(),
                    step: conv_num.step,
                });
            }
        }
    }
    let sentence_idx = r.para.sentence_of(num_at);
    let sentence = &r.para.sentences[sentence_idx];
    let sentence_span = (r.token(sentence.start).start, r.token(sentence.end - 1).end);
    let fits = |p: &Predicate| measures(p, &dimension, noun.as_deref());
    // "8 wounded American soldiers": a predicate's participle inside the phrase says what
    // happened to them, before anything the clause around says.
    let in_phrase = (last + 1..end_tok)
        .filter(|&t| r.is_word(t))
        .find_map(|t| participle_predicate(&r.word(t).to_lowercase(), k).filter(|p| fits(p)))
        .map(|p| p.key.clone());
    let predicate =
        in_phrase.or_else(|| predicate_near(r, start_tok, end_tok, noun.as_deref(), k, &fits));
    let previous = is_previous_value(r, start_tok, end_tok);
    // "You cannot evacuate 6.5 million people", "could leave 2 million without power": what
    // might be is no claim of what is, and is never set against one.
    if qualifier != "range" && is_hypothetical(r, start_tok, end_tok) {
        qualifier = "hypothetical".to_string();
    }
    Some(ExtractedFigure {
        start: r.token(start_tok).start,
        end: r.token(end_tok).end,
        value,
        value_max,
        unit: unit_code,
        dimension,
        noun,
        noun_group,
        qualifier,
        step: number.step,
        conversion,
        predicate,
        paragraph,
        sentence: sentence_span,
        quoted: r.quoted[num_at],
        claimant: None,
        previous,
    })
}

/// A number starting at token `i`: digits ("2,500", "1.5"), with a scale word ("million") or a
/// scale letter ("20m"), or number words ("thirty", "a dozen", "twenty-five", "four-week").
fn read_number(r: &Reader, i: usize, k: &Knowledge) -> Option<Number> {
    let u = &k.units;
    if i >= r.len() {
        return None;
    }
    let t = r.token(i);
    let text = r.word(i);
    let (value, step, compound_rest) = match t.kind {
        TokenKind::Number => {
            let clean: String = text.chars().filter(|c| *c != ',').collect();
            (clean.parse::<f64>().ok()?, step_of(&clean), None)
        }
        TokenKind::Word => {
            let lower = text.to_lowercase();
            let parts: Vec<&str> = lower.split('-').collect();
            let mut value = u.number_word(parts[0])?;
            if matches!(parts[0], "half" | "third" | "thirds" | "quarter") {
                // Fractions are figures only with what they are a fraction of; left out.
                return None;
            }
            // "one" is a pronoun or an article far more often than a count ("one of them",
            // "one house after another").
            if parts[0] == "one" && parts.len() == 1 {
                return None;
            }
            let mut compound = None;
            if parts.len() == 2 {
                match u.number_word(parts[1]) {
                    // "twenty-five"
                    Some(units) if value >= 20.0 && units < 10.0 => value += units,
                    // "four-week", "two-day": a unit or noun inside the token.
                    _ if parts[1].chars().all(char::is_alphabetic) => compound = Some(i),
                    _ => return None,
                }
            } else if parts.len() > 2 {
                return None;
            }
            (value, 1.0, compound)
        }
        TokenKind::Punct => return None,
    };
    // "1.5 million", "20m": a scale word, or a scale letter right after the digits.
    let mut scale = 1.0;
    let mut last = i;
    if compound_rest.is_none()
        && i + 1 < r.len()
        && r.is_word(i + 1)
        && let Some(sc) = u.scale(r.word(i + 1))
    {
        let letter = r.word(i + 1).len() <= 2;
        let adjacent = r.token(i + 1).start == t.end;
        if (letter && adjacent && t.kind == TokenKind::Number)
            || (!letter && r.word(i + 1) != "hundred" || t.kind == TokenKind::Word)
        {
            scale = sc;
            last = i + 1;
        }
    }
    Some(Number {
        value: value * scale,
        step: step * scale,
        first: i,
        last,
        compound_rest,
    })
}

/// The rounding step of a written number: "2,500" → 100, "1000" → 1000, "73" → 1, "1.5" → 0.1.
fn step_of(clean: &str) -> f64 {
    if let Some((_, frac)) = clean.split_once('.') {
        return 10f64.powi(-(frac.len() as i32));
    }
    let trailing = clean.chars().rev().take_while(|c| *c == '0').count();
    let trailing = trailing.min(clean.len().saturating_sub(1));
    10f64.powi(trailing as i32)
}

/// Numbers that are not figures: years, dates, times, ordinals, ages, parts of names.
fn excluded(r: &Reader, n: &Number, k: &Knowledge) -> bool {
    let t = r.token(n.first);
    let text = r.word(n.first);
    let prev_word = (n.first > 0 && r.is_word(n.first - 1)).then(|| r.word(n.first - 1));
    let next = n.last + 1;
    let next_word = (next < r.len() && r.is_word(next)).then(|| r.word(next));
    if t.kind == TokenKind::Number {
        let clean: String = text.chars().filter(|c| *c != ',').collect();
        let is_int = !clean.contains('.');
        let v: f64 = clean.parse().unwrap_or(0.0);
        // A year: four digits, no separator, 1800-2100, and no unit after.
        let has_unit_after = next_word
            .is_some_and(|w| k.units.unit_at(&[w]).is_some() || k.units.scale(w).is_some());
        if is_int
            && !text.contains(',')
            && text.len() == 4
            && (1800.0..=2100.0).contains(&v)
            && !has_unit_after
        {
            return true;
        }
        // A date: next to a month ("Sept. 10", "10 September").
        let month_before =
            (n.first >= 1 && r.is_word(n.first - 1) && is_calendar_word(r.word(n.first - 1)))
                || (n.first >= 2
                    && r.is_punct(n.first - 1, ".")
                    && r.is_word(n.first - 2)
                    && is_calendar_word(r.word(n.first - 2)));
        if month_before || next_word.is_some_and(is_calendar_word) {
            return true;
        }
        // A time: "12:38", "10 a.m.", "9:30".
        if r.is_punct(next, ":") || (n.first > 0 && r.is_punct(n.first - 1, ":")) {
            return true;
        }
        // A decade or an age: "the 1990s", "in her mid-20s".
        if next_word == Some("s") && r.token(next).start == r.token(n.last).end {
            return true;
        }
        if next_word.is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "a.m." | "p.m." | "am" | "pm" | "a" | "p" | "gmt" | "utc" | "et" | "bst"
            )
        }) {
            return true;
        }
        // An ordinal: "1st", "32nd".
        if next_word.is_some_and(|w| matches!(w, "st" | "nd" | "rd" | "th"))
            && r.token(next).start == r.token(n.last).end
        {
            return true;
        }
        // Part of a name: "Apollo 11", "Route 91", "Article 50", "FTSE 100" (but not "More Than
        // 8,000 Acres" in a headline: a qualifier's word is no name).
        let qualifier_word = prev_word.is_some_and(|p| {
            k.units.qualifier_before(&[p]).is_some()
                || matches!(p.to_lowercase().as_str(), "than" | "of" | "to" | "and")
        });
        if let Some(p) = prev_word
            && is_capitalised(p)
            && !qualifier_word
            && !r.para.starts_sentence(n.first - 1, r.body)
            && k.units.unit_at(&[p]).is_none()
            && k.units.currency_at(&[p]).is_none()
            && !is_calendar_word(p)
        {
            return true;
        }
        // "9/11", "1 of 73" (a photo counter), "3/4": not figures.
        if r.is_punct(next, "/") || (n.first >= 1 && r.is_punct(n.first - 1, "/")) {
            return true;
        }
        if next_word == Some("of")
            && r.token(next + 1).kind == TokenKind::Number
            && !(next + 2 < r.len()
                && r.is_word(next + 2)
                && r.word(next + 2).chars().all(char::is_lowercase))
        {
            return true;
        }
        if prev_word == Some("of")
            && n.first >= 2
            && r.token(n.first - 2).kind == TokenKind::Number
            && next_word.is_none_or(|w| !w.chars().all(char::is_lowercase))
        {
            return true;
        }
        if n.first >= 2
            && r.is_punct(n.first - 1, "-")
            && r.token(n.first - 1).start == r.token(n.first - 2).end
            && r.is_word(n.first - 2)
            && is_capitalised(r.word(n.first - 2))
        {
            return true;
        }
        // A phone number or code: digit groups joined by dashes three times.
        if r.is_punct(next, "-")
            && r.token(next + 1).kind == TokenKind::Number
            && r.is_punct(next + 2, "-")
        {
            return true;
        }
    }
    // An age: "Stephen Paddock, 64, opened", "a 43-year-old", "aged 58"; in a list of the
    // dead, "Dana Pettigrew, 29; Lee Ormsby, 23.".
    let between_commas = n.first > 0
        && r.is_punct(n.first - 1, ",")
        && [",", ";", "."].iter().any(|p| r.is_punct(next, p))
        && n.first >= 2
        && r.is_name_word(n.first - 2);
    let aged =
        prev_word.is_some_and(|w| matches!(w.to_lowercase().as_str(), "aged" | "age" | "ages"));
    let year_old = r.word(n.first).contains("-year-old")
        || (next_word == Some("-year-old"))
        || (r.is_punct(next, "-") && next + 1 < r.len() && r.word(next + 1).starts_with("year"));
    if between_commas || aged || year_old {
        return true;
    }
    let _ = t;
    false
}

/// The counted noun after a number: the head of up to three lower-case words ("873,000 more
/// people", "50 homes", "19 elite firefighters"), or a plural people noun ("59
/// Palestinians"). Returns the noun (singular) and its token.
fn counted_noun(r: &Reader, i: usize, k: &Knowledge) -> (Option<String>, Option<usize>) {
    noun_after(r, i, k, true)
}

/// What a compound counts or measures ("a three-hour meeting", "a 7-2 ruling"): one of
/// something, so a singular "-ing" noun is a noun here.
fn compound_noun(r: &Reader, i: usize, k: &Knowledge) -> Option<String> {
    noun_after(r, i, k, false).0
}

/// The counted noun after a number or compound; `verbs_in_ing`: an "-ing" word that no plural
/// follows is a verb ("seven buying bread"), not a noun.
fn noun_after(
    r: &Reader,
    i: usize,
    k: &Knowledge,
    verbs_in_ing: bool,
) -> (Option<String>, Option<usize>) {
    let u = &k.units;
    let mut best: Option<(String, usize)> = None;
    let mut j = i;
    // A country's adjective does not count towards the three words: "two senior Egyptian
    // government officials".
    let mut window = i + 3;
    while j < r.len() && j < window && r.is_word(j) {
        let w = r.word(j);
        let lower = w.to_lowercase();
        // "about 50 earthquake and social scientists", "70 disaster-relief and rescue
        // personnel": a singular joined to more modifiers qualifies the plural they end in.
        if matches!(lower.as_str(), "and" | "or")
            && let Some((first, _)) = &best
            && is_singular(first, u)
        {
            let head = (j + 1..(j + 4).min(r.len()))
                .take_while(|&t| {
                    let n = r.word(t).to_lowercase();
                    r.is_word(t)
                        && !is_capitalised(r.word(t))
                        && n.chars().all(|c| c.is_alphabetic() || c == '-')
                        && !k.is_function_word(&n)
                        && !k.is_preposition(&n)
                        && !is_auxiliary(&n)
                        && u.number_word(&n).is_none()
                })
                .find(|&t| {
                    let n = r.word(t).to_lowercase();
                    // "31 dead and dozens hurt": a number's word is no head.
                    let one = u.singular(&n);
                    looks_plural(&n, u) && u.number_word(&one).is_none() && u.scale(&one).is_none()
                });
            if let Some(t) = head {
                best = Some((u.singular(r.word(t)), t));
            }
            break;
        }
        // "20,000 about", "242 when", "65 does": a preposition, conjunction, pronoun or
        // auxiliary after a number ends the phrase before any noun.
        // "40,000 phone calls": after a modifier, a speech verb's -s form is the plural head.
        let head_after_modifier = best.is_some() && lower.ends_with('s') && !lower.ends_with("ss");
        if u.is_not_counted(&lower)
            || k.cue(&lower).is_some() && !head_after_modifier
            || k.is_preposition(&lower)
            || k.is_conjunction(&lower)
            || k.is_function_word(&lower)
            || matches!(
                lower.as_str(),
                "was"
                    | "were"
                    | "is"
                    | "are"
                    | "had"
                    | "have"
                    | "has"
                    | "will"
                    | "would"
                    | "could"
                    | "been"
                    | "be"
                    | "do"
                    | "does"
                    | "did"
                    | "can"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "shall"
            )
        {
            break;
        }
        if is_capitalised(w) {
            // "59 Palestinians", "30 Americans": people named by their country.
            if k.is_demonym(w) && w.ends_with('s') {
                best = Some((u.singular(w), j));
                break;
            }
            // "64 Israeli soldiers": the country's adjective qualifies the noun after it.
            if k.is_demonym(w) {
                j += 1;
                window += 1;
                continue;
            }
            break;
        }
        if matches!(
            lower.as_str(),
            "more" | "new" | "additional" | "other" | "extra" | "fewer" | "less" | "such" | "total"
        ) && best.is_none()
        {
            j += 1;
            continue;
        }
        // "515 hospitalized", "40 wounded": a predicate's participle says what happened to
        // them; "two drifted apart", "three survived": a verb. Neither names what is counted,
        // unless it qualifies a plural after it ("300 armed men", "two injured officers").
        // "a father of seven buying bread", "21 including Colorado", "406 taken to hospital":
        // a verb's -ing or -en form is no noun either.
        let participle = lower.len() >= 4 && lower.ends_with("ed") && !lower.ends_with("eed")
            || verbs_in_ing && lower.len() >= 5 && lower.ends_with("ing")
            || is_verb_form(r, j, k);
        if participle || participle_predicate(&lower, k).is_some() {
            // "994,000 recorded coronavirus cases": a modifier may stand between.
            let plural_next = (j + 1..(j + 3).min(r.len()))
                .take_while(|&t| {
                    r.is_word(t)
                        && (!is_capitalised(r.word(t)) || k.is_demonym(r.word(t)))
                        && !k.is_preposition(r.word(t))
                        && !k.is_function_word(r.word(t))
                })
                .any(|t| looks_plural(&r.word(t).to_lowercase(), u));
            if plural_next {
                j += 1;
                continue;
            }
            break;
        }
        if w.chars().all(|c| c.is_alphabetic() || c == '-') {
            // "suspicious", "crisis": no plurals.
            let plural = looks_plural(&lower, u);
            // The first word, unless a plural follows it ("19 elite firefighters"); a plural
            // ends the phrase, but for one that is the same in the singular and qualifies a
            // plural after it ("two police officers", "five crew members").
            if best.is_none() || plural {
                best = Some((u.singular(w), j));
            }
            let qualifies_next = u.singular(&lower) == lower
                && j + 1 < r.len()
                && r.is_word(j + 1)
                && looks_plural(&r.word(j + 1).to_lowercase(), u);
            if plural && !qualifies_next {
                break;
            }
        }
        j += 1;
    }
    match best {
        Some((n, t)) => (Some(n), Some(t)),
        None => (None, None),
    }
}

/// "Of the 50 states, 21 have such laws": a number that opens its clause right after "of the
/// 50 states" counts states too.
fn noun_of_the_whole(r: &Reader, start: usize, k: &Knowledge) -> Option<String> {
    let comma = start.checked_sub(1).filter(|&c| r.is_punct(c, ","))?;
    let before_comma = comma.checked_sub(1)?;
    // "of the 50 states": of, the, the number, and up to three words of its noun.
    let of = (before_comma.saturating_sub(6)..before_comma)
        .rev()
        .find(|&t| r.is_word(t) && r.word(t).eq_ignore_ascii_case("of"))?;
    let mut at = of + 1;
    if r.is_word(at)
        && matches!(
            r.word(at).to_lowercase().as_str(),
            "the" | "those" | "these"
        )
    {
        at += 1;
    }
    let whole = read_number(r, at, k)?;
    match counted_noun(r, whole.last + 1, k) {
        (Some(noun), Some(t)) if t == before_comma => Some(noun),
        _ => None,
    }
}

/// A noun written in the plural: "homes", "crises" but not "crisis", and the table's
/// plurals ("people", "police"); "-men" and "-dren" words are plurals the table need not list.
fn looks_plural(lower: &str, u: &Units) -> bool {
    lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        || lower.ends_with("men")
        || lower.ends_with("dren")
        || u.singular(lower) != lower
        || u.is_irregular_plural(lower)
}

/// A noun written in the singular: "earthquake", not "earthquakes", "men" or "police".
fn is_singular(word: &str, u: &Units) -> bool {
    let lower = word.to_lowercase();
    !lower.ends_with('s') && !looks_plural(&lower, u)
}

/// "times" at `t` followed by a comparison: "30 times the population", "three times as many",
/// "50 times higher". ("Hit three times" counts times.)
fn is_multiplier(r: &Reader, t: usize) -> bool {
    t + 1 < r.len()
        && r.is_word(t)
        && r.word(t).eq_ignore_ascii_case("times")
        && r.is_word(t + 1)
        && matches!(
            r.word(t + 1).to_lowercase().as_str(),
            "the"
                | "as"
                | "more"
                | "less"
                | "fewer"
                | "higher"
                | "lower"
                | "larger"
                | "smaller"
                | "bigger"
                | "greater"
                | "than"
                | "over"
                | "that"
                | "what"
                | "its"
                | "their"
        )
}

/// What a number followed at once by a predicate's participle counts, as the predicate says:
/// "515 hospitalized" counts people, as "527 people were injured" does.
fn counted_by_participle(r: &Reader, i: usize, k: &Knowledge) -> Option<String> {
    if i >= r.len() || !r.is_word(i) {
        return None;
    }
    participle_predicate(&r.word(i).to_lowercase(), k)?
        .counts
        .clone()
}

/// The predicate whose participle `lower` is ("hospitalized", "wounded").
fn participle_predicate<'k>(lower: &str, k: &'k Knowledge) -> Option<&'k Predicate> {
    if !lower.ends_with("ed") {
        return None;
    }
    k.units.predicate_at(&[lower]).map(|(p, _)| p)
}

/// Whether a predicate can be what a figure of `dimension` measures: one tied to a dimension
/// ("territory taken" is an area) fits only that dimension, its spatial sibling, or a count of
/// a noun it names ("30 settlements"), so that a count of jobs "gained" is not territory, nor
/// 406 people "taken to hospital".
fn measures(p: &Predicate, dimension: &str, noun: Option<&str>) -> bool {
    const SPATIAL: [&str; 2] = ["area", "length"];
    if !p.fits.is_empty() && !p.fits.iter().any(|d| d == dimension) {
        return false;
    }
    p.dimension.as_deref().is_none_or(|d| {
        d == dimension
            || SPATIAL.contains(&d) && SPATIAL.contains(&dimension)
            || dimension == "count" && noun.is_some_and(|n| p.counted.iter().any(|c| c == n))
    })
}

/// The predicate class of a figure: a phrase its unit starts after "is" ("is four miles
/// from"); the verb right after it when the figure is its subject ("527 people were injured",
/// and "700 residents fled" were displaced); what its counted noun itself says ("deaths",
/// "residents"); else up to ten words before it in its sentence (the nearest wins); else up
/// to six after it.
fn predicate_near(
    r: &Reader,
    start: usize,
    end: usize,
    noun: Option<&str>,
    k: &Knowledge,
    fits: &dyn Fn(&Predicate) -> bool,
) -> Option<String> {
    let u = &k.units;
    let s = r.para.sentence_of(start);
    let range = r.para.sentences[s].clone();
    let words_from = |t: usize| -> Vec<&str> {
        (t..(t + 4).min(r.len()))
            .filter(|&x| r.is_word(x))
            .map(|x| r.word(x))
            .collect()
    };
    let predicate_from = |t: usize| {
        u.predicate_fitting(&words_from(t), fits)
            .map(|(p, _)| p.key.clone())
    };
    // A phrase that starts with the unit of a figure after "is" frames it: "the town is
    // about four miles from the city" (but "liberated 1,000 kilometers from" the enemy is
    // what was liberated).
    let after_copula = start > range.start
        && r.is_word(start - 1)
        && matches!(
            r.word(start - 1).to_lowercase().as_str(),
            "is" | "are" | "was" | "were" | "lies" | "sits" | "located" | "situated"
        );
    if after_copula
        && end > start
        && let Some((p, n)) = u.predicate_fitting(&words_from(end), fits)
        && n >= 2
    {
        return Some(p.key.clone());
    }
    // The figure as the subject of its clause: its verb follows at once, or after "were",
    // "have been" and the like.
    let mut t = end + 1;
    let mut own_verb = false;
    while t < range.end && t <= end + 3 && r.is_word(t) {
        if let Some(p) = predicate_from(t) {
            return Some(p);
        }
        if !is_auxiliary(r.word(t)) {
            // "200 people were trapped" has a verb of its own, and it is not the "killed" of
            // the clause before; "were reported dead", "were confirmed as injured" and "were
            // taken to the hospital" still say what they were.
            // "saw 406 taken to hospital": a participle right after the number is its verb
            // too, unless it is a plural such as "children".
            own_verb = if t > end + 1 {
                is_participle(r.word(t))
            } else {
                is_verb_form(r, t, k)
            };
            if own_verb
                && let Some(p) = (t + 1..(t + 4).min(range.end))
                    .take_while(|&x| r.is_word(x))
                    .find_map(predicate_from)
            {
                return Some(p);
            }
            break;
        }
        t += 1;
    }
    if let Some(p) = noun.and_then(|n| u.predicate_of_noun(n, fits)) {
        return Some(p.key.clone());
    }
    // With a verb of its own, the figure can still be the object of the verb just before it:
    // "the bombing that killed 70 people was planned".
    if own_verb {
        return (start > range.start && r.is_word(start - 1))
            .then(|| predicate_from(start - 1))
            .flatten();
    }
    let mut t = start;
    let mut seen = 0;
    while t > range.start && seen < 10 {
        t -= 1;
        if !r.is_word(t) {
            continue;
        }
        seen += 1;
        if let Some(p) = predicate_from(t) {
            return Some(p);
        }
    }
    let mut t = end + 1;
    let mut seen = 0;
    while t < range.end && seen < 6 {
        if r.is_word(t) {
            seen += 1;
            if let Some(p) = predicate_from(t) {
                return Some(p);
            }
        }
        t += 1;
    }
    None
}

fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "were" | "was" | "are" | "is" | "have" | "has" | "had" | "been" | "be" | "being"
    )
}

/// "taken", "treated", "evacuated": a past participle, by its ending.
fn is_participle(word: &str) -> bool {
    word.len() > 4 && (word.ends_with("ed") || word.ends_with("en"))
}

/// A verb's "-ed" or "-en" form where a noun could stand ("406 taken to hospital", "200
/// trapped"): not a preposition ("between"), a plural ("children", "congresswomen") or a
/// noun such as "dozen" or "kitchen", which no preposition follows at once.
fn is_verb_form(r: &Reader, t: usize, k: &Knowledge) -> bool {
    let lower = r.word(t).to_lowercase();
    let preposition_next = t + 1 < r.len() && r.is_word(t + 1) && k.is_preposition(r.word(t + 1));
    let ed = lower.len() > 4 && lower.ends_with("ed") && !lower.ends_with("eed");
    let en = lower.len() >= 5
        && lower.ends_with("en")
        && !lower.ends_with("een")
        && !lower.ends_with("men")
        && !lower.ends_with("dren")
        && preposition_next;
    (ed || en)
        && !k.is_preposition(&lower)
        && !k.units.is_irregular_plural(&lower)
        && k.units.number_word(&lower).is_none()
}

/// "down from 8.1%", "up from", "compared with", "a year earlier": a previous value.
/// A modal verb in the figure's clause, before it or right after it: "cannot evacuate 6.5
/// million people", "50 people may have died".
fn is_hypothetical(r: &Reader, start: usize, end: usize) -> bool {
    let modal = |t: usize| {
        r.is_word(t)
            && matches!(
                r.word(t).replace('\u{2019}', "'").as_str(),
                "could"
                    | "would"
                    | "might"
                    | "may"
                    | "cannot"
                    | "can't"
                    | "couldn't"
                    | "wouldn't"
                    | "should"
                    | "if"
            )
    };
    let clause_break = |t: usize| {
        r.is_punct(t, ",")
            || r.is_punct(t, ";")
            || r.is_punct(t, ":")
            || r.is_quote_mark(t)
            || r.is_word(t) && matches!(r.word(t), "and" | "but" | "or")
    };
    // Near the figure only: in "he would move to cancel the $300 million contract" the sum
    // is real.
    let sentence = r.para.sentence_of(start);
    let before = (start.saturating_sub(3)..start)
        .rev()
        .take_while(|&t| !clause_break(t) && r.para.sentence_of(t) == sentence)
        .any(modal);
    let after = (end + 1..(end + 4).min(r.len()))
        .take_while(|&t| !clause_break(t))
        .any(modal);
    before || after
}

fn is_previous_value(r: &Reader, start: usize, end: usize) -> bool {
    let before: Vec<String> = (start.saturating_sub(3)..start)
        .filter(|&t| r.is_word(t))
        .map(|t| r.word(t).to_lowercase())
        .collect();
    let after: Vec<String> = (end + 1..(end + 5).min(r.len()))
        .filter(|&t| r.is_word(t))
        .map(|t| r.word(t).to_lowercase())
        .collect();
    let b = before.join(" ");
    let a = after.join(" ");
    b.ends_with("down from")
        || b.ends_with("up from")
        || b.ends_with("compared with")
        || b.ends_with("compared to")
        || b.ends_with("fell from")
        || b.ends_with("rose from")
        || a.starts_with("a month earlier")
        || a.starts_with("a year earlier")
        || a.starts_with("the previous")
        || a.starts_with("last month")
        || a.starts_with("last year")
        || a.starts_with("a year ago")
        || a.starts_with("in the previous")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::names::quoted_tokens;
    use crate::extract::quotes::find_spans;
    use crate::extract::text::paragraphs;
    use crate::load;

    type Row = (
        String,
        f64,
        Option<f64>,
        String,
        Option<String>,
        String,
        Option<String>,
    );

    fn figures(text: &str) -> Vec<Row> {
        let (doc, _) = load::parse_document("content/t.txt", format!("T\n\n{text}"), 0).unwrap();
        let k = Knowledge::builtin();
        let paras = paragraphs(&doc.body.text, &doc.body.blocks, k);
        let spans = find_spans(&doc.body.text, &paras);
        let mut out = Vec::new();
        for (i, p) in paras.iter().enumerate() {
            let r = Reader {
                body: &doc.body.text,
                para: p,
                k,
                quoted: quoted_tokens(p, &spans),
            };
            for f in find_figures(&r, i, k) {
                out.push((
                    doc.body.text[f.start..f.end].to_string(),
                    f.value,
                    f.value_max,
                    f.unit,
                    f.noun,
                    f.qualifier,
                    f.predicate,
                ));
            }
        }
        out
    }

    /// Each figure's text with its predicate class.
    fn classes(f: &[Row]) -> Vec<(&str, Option<&str>)> {
        f.iter().map(|x| (x.0.as_str(), x.6.as_deref())).collect()
    }

    #[test]
    fn areas_qualifiers_and_conversions() {
        let f = figures(
            "The militants have seized around 3,400 square kilometers (1,300 square miles) in their offensive.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "around 3,400 square kilometers");
        assert_eq!(
            (f[0].1, f[0].3.as_str(), f[0].5.as_str()),
            (3400.0, "km2", "approximate")
        );
        assert_eq!(f[0].6.as_deref(), Some("territory taken"));
        let f = figures("rebels have captured almost 300 square miles of territory");
        assert_eq!(
            (f[0].1, f[0].3.as_str(), f[0].5.as_str()),
            (300.0, "mi2", "approximate")
        );
        let f = figures("the army has retaken up to 3,400 square kilometers from the militants");
        assert_eq!(f[0].5, "upper_bound");
        let f = figures(
            "saying it had captured \"more than 1500 square kilometres\" during the offensive",
        );
        assert_eq!((f[0].1, f[0].5.as_str()), (1500.0, "lower_bound"));
    }

    #[test]
    fn counts_words_compounds_ranges_and_money() {
        let f = figures(
            "Crews had saved more than 30 homes. The nearly four-week conflict went on. A two-day truce.",
        );
        assert_eq!(f[0].4.as_deref(), Some("home"));
        assert_eq!(
            (f[1].1, f[1].3.as_str(), f[1].4.as_deref()),
            (4.0, "week", Some("conflict"))
        );
        assert_eq!((f[2].1, f[2].3.as_str()), (2.0, "day"));
        let f = figures(
            "between 1,000 and 2,000 people fled; 3,000-4,000 rockets were fired; aid of $1.5 billion arrived; a 20% rise.",
        );
        assert_eq!(
            (f[0].1, f[0].2, f[0].5.as_str()),
            (1000.0, Some(2000.0), "range")
        );
        assert_eq!((f[1].1, f[1].2), (3000.0, Some(4000.0)));
        assert_eq!((f[2].1, f[2].3.as_str()), (1_500_000_000.0, "USD"));
        assert_eq!((f[3].1, f[3].3.as_str()), (20.0, "percent"));
    }

    #[test]
    fn dates_years_times_ordinals_ages_and_names_are_not_figures() {
        let f = figures(
            "On Oct. 1, 2017 at 10:08 PM, Stephen Paddock, 64, sat on the 32nd floor of Interstate 15 in 2014. A 43-year-old man, aged 58, watched Apollo 11. \
             Also killed, according to the city of Dunmore: Dana Pettigrew, 29; Lee Ormsby, 23.",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn what_is_counted_is_a_noun_not_a_verb_or_adjective() {
        let f = figures(
            "Agents found five suspicious devices. In recent years the two drifted apart. \
             All three survived. Two injured officers were treated.",
        );
        let nouns: Vec<(&str, Option<&str>)> =
            f.iter().map(|x| (x.0.as_str(), x.4.as_deref())).collect();
        assert_eq!(
            nouns,
            [
                ("five suspicious devices", Some("device")),
                ("Two injured officers", Some("officer"))
            ]
        );
        assert_eq!(f[1].6.as_deref(), Some("injured"));
    }

    #[test]
    fn a_verb_form_a_decade_or_a_modifier_is_not_what_is_counted() {
        // "buying" and "including" are verbs or prepositions; "mid-20s" an age; "police"
        // and "ground" qualify the plural after them; "taken" is the number's own verb, so it
        // borrows no "killed" from the clause before.
        let f = figures(
            "He is a father of seven buying bread. She looked to be in her mid-20s. \
             Two armed police officers stood by. About 400 ground personnel worked. \
             Two senior Norwegian government officials spoke. The blast killed 50 people and \
             saw 406 taken to hospital.",
        );
        let nouns: Vec<(&str, Option<&str>)> =
            f.iter().map(|x| (x.0.as_str(), x.4.as_deref())).collect();
        assert!(
            !nouns
                .iter()
                .any(|(t, _)| t.contains("seven") || t.contains("20"))
        );
        assert!(nouns.contains(&("Two armed police officers", Some("officer"))));
        assert!(nouns.contains(&("About 400 ground personnel", Some("personnel"))));
        assert!(
            nouns
                .iter()
                .any(|(t, n)| t.starts_with("Two senior") && *n == Some("official"))
        );
        let taken = f.iter().find(|x| x.1 == 406.0);
        assert!(
            taken.is_none_or(|x| x.6.as_deref() != Some("killed")),
            "{f:?}"
        );
    }

    #[test]
    fn many_of_something_are_counted_by_a_plural_not_by_a_singular_modifier() {
        // "two relatively new" and "the Group of Seven summit" count nothing; "phone calls"
        // are calls, though "calls" is a speech verb too; "six grandchildren" a plural.
        let f = figures(
            "They built two relatively new plants. He left the Group of Seven summit early. \
             Volunteers made more than 40,000 phone calls. She leaves six grandchildren. \
             There were 994,000 recorded coronavirus cases. The attack left 8 wounded American \
             soldiers.",
        );
        let wounded = f.iter().find(|x| x.1 == 8.0).expect("8 is a figure");
        assert_eq!(
            (wounded.4.as_deref(), wounded.6.as_deref()),
            (Some("soldier"), Some("injured"))
        );
        let nouns: Vec<(&str, Option<&str>)> =
            f.iter().map(|x| (x.0.as_str(), x.4.as_deref())).collect();
        assert!(
            !nouns
                .iter()
                .any(|(_, n)| matches!(n, Some("relatively" | "summit")))
        );
        assert!(
            nouns.contains(&("more than 40,000 phone calls", Some("call"))),
            "{nouns:?}"
        );
        assert!(
            nouns.contains(&("six grandchildren", Some("grandchildren"))),
            "{nouns:?}"
        );
        assert!(
            nouns.contains(&("994,000 recorded coronavirus cases", Some("case"))),
            "{nouns:?}"
        );
    }

    #[test]
    fn modifiers_joined_by_and_qualify_the_plural_they_end_in() {
        let f = figures(
            "About 50 earthquake and social scientists came. The plane carried 70 \
             disaster-relief and rescue personnel. The fire destroyed 20 homes and businesses. \
             It killed more than 500 and thousands fled. The court's five conservative and four \
             liberal justices split.",
        );
        let nouns: Vec<(&str, Option<&str>)> =
            f.iter().map(|x| (x.0.as_str(), x.4.as_deref())).collect();
        assert!(nouns.contains(&(
            "About 50 earthquake and social scientists",
            Some("scientist")
        )));
        assert!(
            nouns
                .iter()
                .any(|(t, n)| t.starts_with("70") && *n == Some("personnel"))
        );
        assert!(nouns.contains(&("20 homes", Some("home"))));
        assert!(
            !nouns.iter().any(|(_, n)| *n == Some("thousand")),
            "{nouns:?}"
        );
        assert!(
            nouns.iter().any(|(t, _)| t.starts_with("four")),
            "{nouns:?}"
        );
    }

    #[test]
    fn a_number_after_of_the_whole_counts_the_wholes_noun() {
        let f = figures("Of the 19 firefighters, 18 died in the blaze.");
        let eighteen = f.iter().find(|x| x.1 == 18.0).expect("18 is a figure");
        assert_eq!(eighteen.4.as_deref(), Some("firefighter"));
    }

    #[test]
    fn a_word_that_opens_a_clause_or_phrase_is_never_what_a_number_counts() {
        // Each of these numbers is followed by a preposition, a conjunction, a pronoun or an
        // auxiliary: none counts anything, and with no unit none is a figure.
        let f = figures(
            "The index fell to 6009 after the statement. She was 14 when they met. \
             Of the 20 who applied, 12 did. The bill passed 52 to 48.",
        );
        let nouns: Vec<Option<&str>> = f.iter().map(|x| x.4.as_deref()).collect();
        assert!(nouns.iter().all(Option::is_none), "{f:?}");
    }

    #[test]
    fn a_counted_noun_names_its_class_unless_the_figure_s_own_verb_says_otherwise() {
        // "residents" is a word of population: the plural found from the singular noun.
        let f = figures(
            "Dunmore, a town of about 700 residents, was cut off. All 300 residents fled the fire.",
        );
        assert_eq!(
            classes(&f),
            [
                ("about 700 residents", Some("population")),
                ("300 residents", Some("displaced"))
            ]
        );
    }

    #[test]
    fn a_class_tied_to_some_dimensions_fits_no_other() {
        // A duration spent is no cost; bail near a hospital is no injury; a distance near
        // "captured" is no arrest, nor territory when "miles from" frames it.
        let f = figures(
            "He spent over three months in jail. He was held on $5.2 million bail at a hospital. \
             The town where he was captured is about four miles from the city.",
        );
        assert_eq!(
            classes(&f),
            [
                ("over three months", None),
                ("$5.2 million", None),
                ("about four miles", Some("distance"))
            ]
        );
    }
}
