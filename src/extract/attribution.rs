//! Who said it: speakers for quotations, and reported speech.
//!
//! A quotation is credited by the words around it, in this order of trust:
//! 1. right after it: `"...," X said`, `"...," said X`, `"...," according to X`;
//! 2. right before it: `X said: "..."`, `He said, "..."`, `According to X, "..."`;
//! 3. a cue verb earlier in its sentence, for a fragment embedded in the sentence
//!    (`X described them as "..."`, `X said the truce would hold "..."`);
//! 4. a quotation running over paragraphs takes the credit given after its last part;
//! 5. a paragraph that is only a quotation continues the previous paragraph's speaker.
//!
//! Between a speaker and the cue verb may stand appositives ("X, a student whose ...,
//! said"; "X, the chief economist at Y, a research firm, said"), a party label ("(D-Conn.)")
//! or "who" ("X, who tweeted:").
//!
//! The speaker phrase is then resolved: a name, a pronoun (the nearest fitting earlier
//! person or organisation), a role ("the spokesman", "the ministry"), a document ("the
//! statement" stands for whoever issued it), or an unnamed person ("one witness"), in which
//! case the quotation stays unattributed rather than guessed.

use super::Doc;
use super::names::{NameKind, Reader};
use super::quotes::QuoteSpan;
use super::text::{TokenKind, is_capitalised};
use crate::knowledge::{Gender, strip_possessive};
use crate::model::EntityKind;

/// How a speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// A name next to a cue verb.
    Named,
    /// A pronoun resolved to the nearest fitting earlier mention.
    Pronoun,
    /// A role or body noun ("the spokesman", "the ministry") resolved to an earlier mention.
    Role,
    /// A document ("the statement") standing for whoever issued it.
    Document,
    /// A fragment embedded in a sentence whose subject said it.
    Embedded,
    /// A paragraph that is only a quotation, continuing the previous speaker.
    Continuation,
    /// The same words quoted and credited elsewhere in the article (a headline or
    /// subheading repeating a quotation of the text).
    Repeated,
}

impl How {
    pub fn as_str(&self) -> &'static str {
        match self {
            How::Named => "named",
            How::Pronoun => "pronoun",
            How::Role => "role",
            How::Document => "document",
            How::Embedded => "embedded",
            How::Continuation => "continuation",
            How::Repeated => "repeated",
        }
    }
}

/// The speaker phrase next to a cue verb, before resolution.
#[derive(Debug, Clone, PartialEq)]
enum Np {
    /// A named mention (index into the article's mentions).
    Mention(usize),
    /// A pronoun: what it can stand for.
    Pronoun(String),
    /// A role or body noun as head, with the mention or country qualifying it.
    Role {
        head: String,
        qualifier: Option<usize>,
        country: Option<String>,
    },
    /// A document noun ("statement", "report"), with the name qualifying it ("the Labor
    /// Department report"). `indefinite`: brought in by "a" or "an", so a new document, not
    /// one of a source already named.
    Document {
        country: Option<String>,
        qualifier: Option<usize>,
        indefinite: bool,
    },
    /// Somebody unnamed ("one witness").
    Anonymous(String),
}

/// The attribution of one quotation span.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub speaker: Option<usize>,
    pub how: Option<How>,
    /// Byte range of the attributing words ("the U.S. Department of Labor said").
    pub cue: Option<(usize, usize)>,
    /// For an unnamed speaker: the words that describe them ("one witness").
    pub descriptor: Option<String>,
    /// The attribution came from the text after the quotation.
    pub after: bool,
    /// Token range (in the paragraph) of the attribution clause, to tell split quotations.
    pub clause: Option<(usize, usize)>,
}

impl Attribution {
    fn none() -> Attribution {
        Attribution {
            speaker: None,
            how: None,
            cue: None,
            descriptor: None,
            after: false,
            clause: None,
        }
    }
}

/// A speaker phrase found next to a cue verb.
struct Found {
    np: Np,
    /// Token range of the phrase and verb together.
    first: usize,
    last: usize,
    /// The cue verb's token.
    verb: usize,
}

impl Found {
    /// The named subject `m` of the cue (a verb, a participle or a label's colon) at token
    /// `verb`, the phrase running from the name to the cue.
    fn subject(doc: &Doc, m: usize, verb: usize) -> Found {
        Found {
            np: Np::Mention(m),
            first: doc.mentions[m].full_first,
            last: verb,
            verb,
        }
    }
}

/// Attributes every quotation span of the article, in order.
pub fn attribute_all(doc: &mut Doc) -> Vec<Attribution> {
    let spans = doc.spans.clone();
    let mut out: Vec<Attribution> = Vec::with_capacity(spans.len());
    for (i, span) in spans.iter().enumerate() {
        let mut a = attribute(doc, span);
        if a.speaker.is_none() && a.descriptor.is_none() {
            let continued = match continuation_source(doc, &spans, i, &out) {
                Some(prev) => out[prev].speaker,
                None => continues_reported_speech(doc, &spans, i),
            };
            if continued.is_some() {
                a = Attribution {
                    speaker: continued,
                    how: Some(How::Continuation),
                    ..Attribution::none()
                };
            }
        }
        if let Some(s) = a.speaker {
            doc.record_speaker(span.start, s);
        }
        out.push(a);
    }
    credit_opening_paragraphs(doc, &spans, &mut out);
    out
}

/// A quotation running over paragraphs is usually credited once, after its last part
/// ("“A. ⏎ “B,” Cameron said."): its earlier parts take that credit, rather than a guess from
/// the paragraphs before them.
fn credit_opening_paragraphs(doc: &mut Doc, spans: &[QuoteSpan], out: &mut [Attribution]) {
    let mut credited_later = vec![false; spans.len()];
    for i in (0..spans.len().saturating_sub(1)).rev() {
        let next = &out[i + 1];
        let next_has_credit = next.speaker.is_some()
            && (next.how != Some(How::Continuation) || credited_later[i + 1]);
        let guessed = out[i].speaker.is_none() && out[i].descriptor.is_none()
            || out[i].how == Some(How::Continuation) && !spans[i].continues;
        if spans[i + 1].continues && next_has_credit && guessed {
            let speaker = next.speaker;
            if let Some(old) = out[i].speaker {
                doc.forget_speaker(spans[i].start, old);
            }
            if let Some(s) = speaker {
                doc.record_speaker(spans[i].start, s);
            }
            out[i] = Attribution {
                speaker,
                how: Some(How::Continuation),
                ..Attribution::none()
            };
            credited_later[i] = true;
        }
    }
}

/// For a span with no attribution of its own: the earlier span whose speaker it continues,
/// when it continues an unclosed quotation or its paragraph is nothing but quotation.
fn continuation_source(
    doc: &Doc,
    spans: &[QuoteSpan],
    i: usize,
    done: &[Attribution],
) -> Option<usize> {
    let span = &spans[i];
    if i == 0 || span.single {
        return None;
    }
    let prev = i - 1;
    if span.continues {
        return Some(prev);
    }
    // A later span in the same paragraph as an attributed one: "A," he said. "B." Not after
    // a verb of saying of its own whose subject went unread: "X argued that "A," while
    // 350.org called it "B"".
    if spans[prev].paragraph == span.paragraph && done[prev].speaker.is_some() {
        return (!unread_cue_between(doc, &spans[prev], span, &done[prev])).then_some(prev);
    }
    let para = &doc.paras[span.paragraph];
    let only_quotes = doc.narrative_words(span.paragraph) == 0;
    let previous_paragraph = span.paragraph.checked_sub(1)?;
    let _ = para;
    if only_quotes
        && spans[prev].paragraph == previous_paragraph
        && done[prev].speaker.is_some()
        && !para.title_case
    {
        return Some(prev);
    }
    None
}

/// The name a "who" before the cue verb at `v` stands for: "X, who said", "X, the lead
/// doctor on the task force, who said", "X, who led the study, who said". Only a name set
/// off by commas; "the man who said" names nobody.
fn relative_antecedent(doc: &Doc, r: &Reader, p: usize, v: usize, floor: usize) -> Option<usize> {
    let mut who = v.checked_sub(1)?;
    // "who also said", "who has said"
    while who > floor
        && r.is_word(who)
        && (matches!(r.word(who), "has" | "had" | "have")
            || SENTENCE_ADVERBS.contains(&r.word(who)))
    {
        who -= 1;
    }
    if who <= floor + 1 || !r.is_word(who) || r.word(who) != "who" || !r.is_punct(who - 1, ",") {
        return None;
    }
    let mut comma = who - 1;
    // Up to two phrases set off by commas between the name and "who".
    for _ in 0..3 {
        let before = comma.checked_sub(1)?;
        if let Some(m) = doc.mention_ending_at(p, before)
            && matches!(
                doc.mentions[m].kind,
                NameKind::Person | NameKind::Organization
            )
        {
            return Some(m);
        }
        let previous = (floor..comma).rev().find(|&t| r.is_punct(t, ","))?;
        let opens_aside = r.is_word(previous + 1)
            && r.word(previous + 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        if !opens_aside || (previous..comma).any(|t| r.quoted[t]) {
            return None;
        }
        comma = previous;
    }
    None
}

/// Whether a cue verb other than the earlier span's own stands between two spans of a
/// paragraph: a clause with a speaker of its own, if one the extractor could not name.
fn unread_cue_between(
    doc: &Doc,
    before: &QuoteSpan,
    after: &QuoteSpan,
    done: &Attribution,
) -> bool {
    let r = doc.reader(after.paragraph);
    let (from, to) = (before.end, after.open);
    let own_cue = |at: usize| done.cue.is_some_and(|(s, e)| s <= at && at < e);
    // Its subject, up to a few tokens opening a clause ("while 350.org called"), is nothing
    // a mention covers and no pronoun; a participle ("..., noting") goes on with the earlier
    // speaker.
    let in_mention = |k: usize| {
        doc.mentions
            .iter()
            .any(|m| m.paragraph == after.paragraph && m.full_first <= k && k <= m.last)
    };
    let opens_clause = |k: usize| {
        r.is_punct(k, ",") || r.is_punct(k, ";") || r.is_word(k) && doc.k.is_conjunction(r.word(k))
    };
    let adverb = |k: usize| {
        r.is_word(k) && {
            let lower = r.word(k).to_lowercase();
            lower.ends_with("ly") || SENTENCE_ADVERBS.contains(&lower.as_str())
        }
    };
    let unread_subject = |t: usize| {
        let mut subject_words = 0;
        for k in (t.saturating_sub(5)..t).rev() {
            if opens_clause(k) {
                return subject_words > 0;
            }
            if adverb(k) {
                continue;
            }
            subject_words += 1;
            if r.quoted[k]
                || in_mention(k)
                || r.is_word(k)
                    && (doc.k.pronoun(r.word(k)).is_some()
                        || doc.k.is_function_word(r.word(k))
                        || doc.k.is_preposition(r.word(k))
                        || is_indefinite_article(r.word(k)))
            {
                return false;
            }
        }
        false
    };
    let between = r.para.tokens.partition_point(|t| t.start < from)
        ..r.para.tokens.partition_point(|t| t.end <= to);
    between.into_iter().any(|t| {
        !r.quoted[t]
            && !own_cue(r.token(t).start)
            && !r.word(t).ends_with("ing")
            && cue_at(doc, &r, t).is_some()
            && unread_subject(t)
    })
}

/// The source of a paragraph that is only a quotation, right after a paragraph with none that
/// ends in reported speech ("Mair said she could not foresee it. ⏎ “Some of us are
/// wondering.”"): news writing gives the words to the source it has just reported.
fn continues_reported_speech(doc: &Doc, spans: &[QuoteSpan], i: usize) -> Option<usize> {
    let span = &spans[i];
    let previous = span.paragraph.checked_sub(1)?;
    let quotation_before = |p: usize| i > 0 && spans[i - 1].paragraph == p;
    if span.single
        || span.continues
        || quotation_before(span.paragraph)
        || quotation_before(previous)
        || doc.paras[span.paragraph].title_case
        || doc.paras[previous].title_case
        || doc.narrative_words(span.paragraph) != 0
    {
        return None;
    }
    let para = &doc.paras[previous];
    let last_sentence = para.tokens.get(para.sentences.last()?.start)?.start;
    doc.speakers_between(last_sentence, para.end)
        .last()
        .map(|&(_, e)| e)
}

/// A paragraph that is only a quotation, after a paragraph ending with a colon that names the
/// speaker ("Incident Commander Mike Reichling tells ABC 15 what happened:", "Here's the
/// president's statement:").
fn after_colon_paragraph(doc: &mut Doc, span: &QuoteSpan) -> Option<Attribution> {
    let p = span.paragraph;
    if p == 0 || doc.narrative_words(p) != 0 {
        return None;
    }
    let prev = p - 1;
    let r = doc.reader(prev);
    let last = r.len().checked_sub(1)?;
    if !r.is_punct(last, ":") {
        return None;
    }
    let s = r.para.sentence_of(last);
    let floor = r.para.sentences[s].start;
    let at = r.token(floor).start;
    // The reported-speech speaker of that sentence, if one was found.
    let end = r.token(last).end;
    if let Some(&(_, e)) = doc.speakers_between(at, end).last() {
        return Some(Attribution {
            speaker: Some(e),
            how: Some(How::Continuation),
            ..Attribution::none()
        });
    }
    // Otherwise the last name or role in the sentence ("the president's statement").
    for t in (floor..last).rev() {
        if let Some(m) = doc.mention_ending_at(prev, t)
            && matches!(
                doc.mentions[m].kind,
                NameKind::Person | NameKind::Organization
            )
        {
            return Some(Attribution {
                speaker: doc.entity_of_mention(m),
                how: Some(How::Continuation),
                ..Attribution::none()
            });
        }
        if r.is_word(t) && doc.k.is_role_noun(strip_possessive(r.word(t))) {
            let head = strip_possessive(r.word(t)).to_lowercase();
            drop(r);
            let speaker = doc.nearest_for_role(&head, None, None, at)?;
            return Some(Attribution {
                speaker: Some(speaker),
                how: Some(How::Role),
                ..Attribution::none()
            });
        }
    }
    None
}

fn attribute(doc: &mut Doc, span: &QuoteSpan) -> Attribution {
    if let Some(a) = after_colon_paragraph(doc, span) {
        return a;
    }
    let p = span.paragraph;
    let (open_tok, close_tok) = doc.span_tokens(span);
    // 1. After the quotation; but a clause after a full stop (`“... shocked.” A Vantor
    // spokeswoman said the checks ...`) is a new sentence, and a cue before the quotation in
    // its own sentence (`Vantor said it was “deeply shocked.”`) is the better reading.
    // Nor does a source that only passes the words on (`X said he was “happy,” the agency
    // reported`) when the quotation stands in X's reported speech.
    if let Some(close) = close_tok
        && let Some(found) = after_quote(doc, p, close)
        && !before_quote(doc, p, open_tok).is_some_and(|before| {
            ends_its_sentence(doc, p, close)
                || relays(doc, p, found.verb) && opens_reported_clause(doc, p, before.verb)
        })
    {
        let mut a = resolve(doc, p, &found, span.start);
        a.after = true;
        return a;
    }
    // `David Cameron, British Prime Minister: "..."` — a transcript's speaker label.
    if let Some(found) = colon_label(doc, p, open_tok) {
        return resolve(doc, p, &found, span.start);
    }
    // 2 and 3. Before it, in the same sentence.
    if let Some(found) = before_quote(doc, p, open_tok) {
        let embedded = found.verb + 3 < open_tok;
        let mut a = resolve(doc, p, &found, span.start);
        if embedded && a.how == Some(How::Named) {
            a.how = Some(How::Embedded);
        }
        return a;
    }
    // 4. A sentence about a person that ends in the colon opening the quotation.
    if let Some(found) = colon_clause(doc, p, open_tok) {
        let mut a = resolve(doc, p, &found, span.start);
        if a.how == Some(How::Named) {
            a.how = Some(How::Embedded);
        }
        return a;
    }
    Attribution::none()
}

/// `Emmanuel Macron summed up the emotions: "..."`, `Kevin Kruse, an author, was factual:
/// "..."`: a short sentence that opens with a person's name and ends in the colon opening the
/// quotation introduces that person's words, whatever its verb. Another person named in it
/// makes it nobody's.
fn colon_clause(doc: &Doc, p: usize, open: usize) -> Option<Found> {
    let r = doc.reader(p);
    if open < 2 || !r.is_punct(open - 1, ":") {
        return None;
    }
    let colon = open - 1;
    let start = r.para.sentences[r.para.sentence_of(colon)].start;
    if colon - start > 24 || (start..colon).any(|t| r.quoted[t] || r.is_quote_mark(t)) {
        return None;
    }
    let people: Vec<usize> = (0..doc.mentions.len())
        .filter(|&m| {
            let x = &doc.mentions[m];
            x.paragraph == p && x.first >= start && x.last < colon && x.kind == NameKind::Person
        })
        .collect();
    match people[..] {
        [m] if doc.mentions[m].full_first == start => Some(Found::subject(doc, m, colon)),
        _ => None,
    }
}

/// The cue verb at token `v`, unless the word is used as a noun there ("Egyptian state news
/// agency", "a report", "his claim").
pub fn cue_at(doc: &Doc, r: &Reader, v: usize) -> Option<crate::knowledge::Cue> {
    if !r.is_word(v) {
        return None;
    }
    let w = r.word(v);
    if is_capitalised(w) && !r.para.starts_sentence(v, doc.body) {
        return None;
    }
    let cue = doc.k.cue(w)?;
    if v > 0 && r.is_word(v - 1) {
        let prev = r.word(v - 1);
        let determiner = matches!(
            prev.to_lowercase().as_str(),
            "the"
                | "a"
                | "an"
                | "this"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
                | "whose"
                | "no"
                | "any"
                | "each"
                | "every"
        );
        // "minister of state", "a call for comment": a noun after a preposition ("by saying"
        // is still the verb).
        let preposition = matches!(
            prev,
            "of" | "for" | "in" | "at" | "on" | "with" | "from" | "by" | "about"
        ) && !w.ends_with("ing");
        // "Comey's reported request", "the firm's alleged fraud": after a possessive a
        // participle describes a noun ("Trump's said", for "has said", is not one).
        let after_possessive = strip_possessive(prev) != prev && w.ends_with("ed");
        if determiner || preposition || after_possessive || doc.k.is_demonym(prev) {
            return None;
        }
        // "the Mueller report appears to", "a Reuters report": a word for a document or a
        // medium, bare, after an article and a name is that noun ("The BBC reports" is the
        // verb, and so is "logs obtained by the Guardian reveal").
        let bare = doc
            .k
            .cue_lemmas
            .get(cue.lemma)
            .is_some_and(|l| l.eq_ignore_ascii_case(w));
        let noun = doc.k.is_document_noun(w) || doc.k.is_medium_noun(w);
        if bare && noun && is_capitalised(prev) {
            let article =
                |t: usize| matches!(r.word(t).to_lowercase().as_str(), "the" | "a" | "an");
            let opened_by_article = (v.saturating_sub(4)..v)
                .rev()
                .take_while(|&t| r.is_word(t) && (is_capitalised(r.word(t)) || article(t)))
                .any(article);
            if opened_by_article {
                return None;
            }
        }
    }
    if v > 0 && r.token(v - 1).kind == TokenKind::Number {
        return None;
    }
    if is_passive(r, v) {
        return None;
    }
    Some(cue)
}

/// "Residents were told", "Irma was forecast to weaken", "it has been widely reported": a
/// speech verb after a form of "be" is passive, and its subject said nothing. "He is saying"
/// is not.
fn is_passive(r: &Reader, v: usize) -> bool {
    if r.word(v).ends_with("ing") {
        return false;
    }
    // One adverb or reflexive may stand between: "was also told", "were widely reported",
    // "was himself accused".
    let adverb = |w: &str| {
        w.ends_with("ly")
            || matches!(
                w,
                "also" | "not" | "never" | "then" | "himself" | "herself" | "itself" | "themselves"
            )
    };
    let word_before = |t: usize| (t > 0 && r.is_word(t - 1)).then(|| r.word(t - 1));
    match word_before(v) {
        Some(w) if is_be_form(w) => true,
        Some(w) if adverb(w) => word_before(v - 1).is_some_and(is_be_form),
        _ => false,
    }
}

/// A form of "be", the auxiliary of the passive.
fn is_be_form(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am"
    )
}

/// A name (with an optional appositive) right before a colon that opens the quotation.
fn colon_label(doc: &Doc, p: usize, open: usize) -> Option<Found> {
    let r = doc.reader(p);
    if open < 2 || !r.is_punct(open - 1, ":") {
        return None;
    }
    let mut end = open - 2;
    let s = r.para.sentence_of(end);
    let first = r.para.sentences[s].start;
    // "Added Vexlo Quarn: "..."": the cue verb opens the sentence, the speaker follows it.
    if cue_at(doc, &r, first).is_some()
        && let Some(m) = doc.mention_ending_at(p, end)
        && doc.mentions[m].kind == NameKind::Person
        && doc.mentions[m].full_first == first + 1
    {
        return Some(Found {
            np: Np::Mention(m),
            first,
            last: end,
            verb: first,
        });
    }
    // "X said: "..."" is a cue, handled with the cue verbs.
    if (first..=end).any(|t| cue_at(doc, &r, t).is_some()) {
        return None;
    }
    if let Some(m) = doc
        .mention_ending_at(p, end)
        .filter(|&m| doc.mentions[m].kind == NameKind::Person)
    {
        return Some(Found::subject(doc, m, open - 1));
    }
    // "Name, role:" — skip back over the appositive to the comma.
    let mut k = end;
    while k > 0 && open - k < 15 {
        k -= 1;
        if r.is_punct(k, ",") {
            end = k.checked_sub(1)?;
            let m = doc
                .mention_ending_at(p, end)
                .filter(|&m| doc.mentions[m].kind == NameKind::Person)?;
            return Some(Found::subject(doc, m, open - 1));
        }
        if r.quoted[k] {
            return None;
        }
    }
    None
}

/// `," X said`, `," said X`, `," according to X`, within the quotation's sentence.
fn after_quote(doc: &Doc, p: usize, close: usize) -> Option<Found> {
    let r = doc.reader(p);
    let mut i = close + 1;
    // A closing mark typed as two apostrophes (`care,'' said X`, `care,’’ said X`).
    let closing = &doc.body[r.token(close).start..];
    if i < r.len()
        && (r.is_punct(i, "'") && closing.starts_with("''")
            || r.is_punct(i, "’") && closing.starts_with("’’"))
    {
        i += 1;
    }
    // Swallow punctuation between the mark and the clause: `,"` `—`. A full stop after the
    // mark ends the sentence: what follows is a new one (`"...". It said ...`).
    while i < r.len() && r.token(i).kind == TokenKind::Punct && !r.is_quote_mark(i) {
        if matches!(r.word(i), "." | "?" | "!" | ";" | ":") {
            return None;
        }
        i += 1;
    }
    if i >= r.len() || r.quoted[i] {
        return None;
    }
    // `"... towns." The army said` is a new sentence too; `"... towns." the army said` is not.
    if ends_its_sentence(doc, p, close)
        && cue_at(doc, &r, i).is_none()
        && doc.k.pronoun(r.word(i)).is_none_or(|_| r.word(i) == "I")
    {
        let next_is_cue =
            (i + 1..clause_limit(&r, i).min(i + 8)).any(|t| cue_at(doc, &r, t).is_some());
        if !next_is_cue {
            return None;
        }
    }
    // The clause must follow in the same sentence (a lower-case word continues it; a new
    // sentence starting with a name and a cue verb also attributes: `"...". Smith said.` is rare
    // and ambiguous, so only a comma-ended or question/exclamation quote counts then).
    let limit = clause_limit(&r, i);
    // According to X.
    let words: Vec<&str> = (i..limit.min(i + 4)).map(|t| r.word(t)).collect();
    if let Some(n) = doc.k.attribution_phrase_at(&words) {
        let np = np_after(doc, p, i + n - 1, limit)?;
        return Some(Found {
            np: np.0,
            first: i,
            last: np.1,
            verb: i,
        });
    }
    // Said X.
    if tells_the_speaker(doc, &r, i) {
        let np = np_after(doc, p, i, limit)?;
        return Some(Found {
            np: np.0,
            first: i,
            last: np.1,
            verb: i,
        });
    }
    // X said: the first cue verb of the clause, with a subject starting near the clause's
    // start ("to protect homes, Fraijo said"; "former director Doug Holtz-Eakin said").
    for v in i..limit {
        if cue_at(doc, &r, v).is_some() && !r.quoted[v] {
            // "... a “last word” of shelling, reports The New York Times.": the source named
            // last in the sentence, after the verb.
            if v > i
                && r.is_punct(v - 1, ",")
                && tells_the_speaker(doc, &r, v)
                && let Some((np @ Np::Mention(m), last)) = np_after(doc, p, v, limit)
                && swallow_determiner(&r, doc.mentions[m].full_first, v + 1) == v + 1
                && (last + 1..limit).all(|t| !r.is_word(t))
            {
                return Some(Found {
                    np,
                    first: v,
                    last,
                    verb: v,
                });
            }
            let (np, first) = np_before(doc, p, v, i)?;
            // "..., a territory that Israel has blockaded": a clause about something else.
            let relative = (i..first).any(|t| {
                r.is_word(t)
                    && matches!(
                        r.word(t),
                        "that" | "which" | "who" | "whom" | "where" | "when" | "because"
                    )
            });
            if first > i + 12 || relative {
                return None;
            }
            return Some(Found {
                np,
                first,
                last: v,
                verb: v,
            });
        }
    }
    None
}

/// Whether the cue verb at token `verb` passes on another source's words ("reported").
fn relays(doc: &Doc, p: usize, verb: usize) -> bool {
    cue_at(doc, &doc.reader(p), verb).is_some_and(|cue| cue.relaying)
}

/// Whether a clause of reported speech follows the cue verb at token `verb`: "said that",
/// "said he was" (not "responded in kind with").
fn opens_reported_clause(doc: &Doc, p: usize, verb: usize) -> bool {
    let r = doc.reader(p);
    // Past a day or a filler: "said Wednesday she had".
    let next = (verb + 1..r.len())
        .find(|&t| !(r.is_word(t) && (is_weekday(r.word(t)) || doc.k.is_verb_filler(r.word(t)))));
    next.is_some_and(|t| {
        r.is_word(t) && (r.word(t) == "that" || doc.k.pronoun(r.word(t)).is_some())
    })
}

/// Whether the quotation closing at token `close` ends its sentence: its words end in a full
/// stop, question or exclamation mark, and a capital follows (`“... towns.” The army said`;
/// not `“... towns.” the army said`).
fn ends_its_sentence(doc: &Doc, p: usize, close: usize) -> bool {
    let r = doc.reader(p);
    let inner_end = doc.body[..r.token(close).start].trim_end();
    let next = (close + 1..r.len()).find(|&t| r.is_word(t));
    inner_end.ends_with(['.', '?', '!']) && next.is_some_and(|t| is_capitalised(r.word(t)))
}

/// Whether the phrase after the cue verb at `v` is its speaker ("said X", "reports X") rather
/// than its listener ("told X", "asked X").
fn tells_the_speaker(doc: &Doc, r: &Reader, v: usize) -> bool {
    cue_at(doc, r, v).is_some_and(|cue| {
        let lemma = doc.k.cue_lemmas[cue.lemma].as_str();
        lemma != "tell" && lemma != "ask"
    })
}

/// The end (exclusive) of the clause starting at `i`: the sentence end or the next quotation.
fn clause_limit(r: &Reader, i: usize) -> usize {
    let s = r.para.sentence_of(i);
    let mut end = r.para.sentences[s].end;
    for t in i..end {
        if r.quoted[t] || r.is_quote_mark(t) {
            end = t;
            break;
        }
    }
    end
}

/// Before the quotation in its sentence: the nearest cue verb whose subject can be found.
fn before_quote(doc: &Doc, p: usize, open: usize) -> Option<Found> {
    let r = doc.reader(p);
    if open == 0 {
        return None;
    }
    let s = r.para.sentence_of(open);
    let mut floor = r.para.sentences[s].start;
    // Only the text between the previous quotation and this one.
    for t in (floor..open).rev() {
        if r.quoted[t] {
            floor = t + 1;
            break;
        }
    }
    // According to X, "..." (unless a cue verb nearer the quotation has a speaker of its
    // own: "The Times, citing a report, said that Trump told the Russians: “...”").
    let verb_between = |from: usize| (from..open).any(|x| cue_at(doc, &r, x).is_some());
    for t in floor..open {
        let words: Vec<&str> = (t..open.min(t + 4))
            .filter(|&x| r.is_word(x))
            .map(|x| r.word(x))
            .collect();
        if r.is_word(t)
            && let Some(n) = doc.k.attribution_phrase_at(&words)
            && let Some((np, last)) = np_after(doc, p, t + n - 1, open)
            && !verb_between(last + 1)
        {
            return Some(Found {
                np,
                first: t,
                last,
                verb: t,
            });
        }
    }
    // Cue verbs from right to left; a participle ("adding", "claiming") or a verb joined by
    // "and" takes the subject of the clause before it.
    let mut v = open;
    while v > floor {
        v -= 1;
        if !r.is_word(v) || r.quoted[v] {
            continue;
        }
        let Some(cue) = cue_at(doc, &r, v) else {
            continue;
        };
        let lemma = doc.k.cue_lemmas[cue.lemma].as_str();
        // "Sarah Sanders issued a statement saying, "..."": a participle's subject is the
        // sentence's subject. After "that" or a preposition the -ing word is a noun ("told
        // the agency that blaming the kingdom was ...", "accused of blaming").
        let gerund = v > floor
            && r.is_word(v - 1)
            && (r.word(v - 1) == "that" || doc.k.is_preposition(&r.word(v - 1).to_lowercase()));
        // The subject may stand before an earlier quotation of the sentence: "X said he was
        // “100%” certain ..., saying the agency had done an “excellent job”".
        // A pronoun before that name is the subject ("He said X would “...,” adding").
        let sentence_start = r.para.sentences[s].start;
        let named_subject = doc
            .first_mention_in_sentence(p, sentence_start, v)
            .filter(|&m| {
                (sentence_start..doc.mentions[m].full_first)
                    .all(|t| !(r.is_word(t) && doc.k.pronoun(r.word(t)).is_some()))
            })
            .or_else(|| doc.first_mention_in_sentence(p, floor, v));
        if r.word(v).ends_with("ing")
            && !gerund
            && let Some(m) = named_subject
        {
            return Some(Found::subject(doc, m, v));
        }
        // "X, the lead doctor, who said": the relative pronoun's antecedent speaks.
        if let Some(m) = relative_antecedent(doc, &r, p, v, floor) {
            return Some(Found::subject(doc, m, v));
        }
        // "quoted a local official as saying", "accused a business owner of saying": the
        // phrase before "as" or "of" speaks, not the sentence's subject. ("Accused X of
        // promising" words it as the accuser does; "is quoted in the Free Press as saying" is
        // the subject's.)
        let object_speaks = || match r.word(v - 1) {
            "as" => true,
            "of" => lemma == "say",
            _ => false,
        };
        if gerund
            && object_speaks()
            && v - 1 > floor
            && let Some((np, first)) = np_before(doc, p, v - 1, floor)
            && !(first > floor && r.is_word(first - 1) && doc.k.is_preposition(r.word(first - 1)))
        {
            // An unnamed speaker is described by the phrase alone.
            let last = if matches!(np, Np::Mention(_)) {
                v
            } else {
                v - 2
            };
            return Some(Found {
                np,
                first,
                last,
                verb: v,
            });
        }
        // "that it believed ..." is no attribution of a quotation further on.
        let adjacent = v + 3 >= open;
        let followed_by_that = r.is_word(v + 1) && r.word(v + 1) == "that";
        if cue.weak && !cue.embedding && !adjacent && !followed_by_that {
            continue;
        }
        if let Some((np, first)) = np_before(doc, p, v, floor) {
            return Some(Found {
                np,
                first,
                last: v,
                verb: v,
            });
        }
        // "X said ..., adding that "...""; "X said ... and described them as "...""
        let joined = r.word(v).ends_with("ing")
            || (v > 0 && (r.word(v - 1) == "and" || r.is_punct(v - 1, ",")));
        if joined || lemma == "call" {
            continue;
        }
    }
    // A participle clause with the sentence's subject: "The Israeli army was more
    // cautious, claiming to have destroyed "...""
    for v in floor..open {
        if r.is_word(v)
            && r.word(v).ends_with("ing")
            && !(v > floor && r.is_word(v - 1) && r.word(v - 1) == "that")
            && cue_at(doc, &r, v).is_some()
            && let Some(m) = doc.first_mention_in_sentence(p, floor, v)
        {
            return Some(Found::subject(doc, m, v));
        }
    }
    None
}

/// The speaker phrase right before the cue verb at `verb` (no earlier than `floor`), and the
/// token where it starts.
fn np_before(doc: &Doc, p: usize, verb: usize, floor: usize) -> Option<(Np, usize)> {
    let r = doc.reader(p);
    let mut j = verb;
    // Skip fillers: "also", "has", "angrily", weekday names ("Obama Friday said"), and
    // phrases ("went on to say").
    while j > floor {
        let w = r.word(j - 1);
        // A capitalised filler is a name: "Brock Long said" is not "has long said".
        let filler = r.is_word(j - 1)
            && !r.quoted[j - 1]
            && (doc.k.is_verb_filler(w) && !is_noun(doc, w) && !is_capitalised(w) || is_weekday(w));
        if filler {
            j -= 1;
            continue;
        }
        let mut before: Vec<&str> = (floor..j)
            .rev()
            .take(5)
            .take_while(|&t| r.is_word(t) && !r.quoted[t])
            .map(|t| r.word(t))
            .collect();
        before.reverse();
        match doc.k.filler_phrase_ending(&before) {
            Some(n) => j -= n,
            None => break,
        }
    }
    if j == floor {
        return None;
    }
    let mut end = j - 1;
    // "Sen. Richard Blumenthal (D-Conn.) said": a parenthetical between subject and verb.
    if r.is_punct(end, ")") {
        let open = (floor..end).rev().take(12).find(|&t| r.is_punct(t, "("))?;
        if open == floor {
            return None;
        }
        end = open - 1;
    }
    // "Rep. Mara Quell R-Ohio said": a party label with no comma or bracket.
    end = before_party_label(doc, &r, p, end, floor);
    // "Bram Tolliver Jr. said", "Trelmco Inc. said": an abbreviation's full stop.
    if end > floor
        && r.is_punct(end, ".")
        && r.token(end).start == r.token(end - 1).end
        && doc.mention_ending_at(p, end - 1).is_some()
    {
        end -= 1;
    }
    // "Jack Welch, who tweeted": the relative pronoun stands for the name before the comma
    // ("X, who was criticised for" is said of X, not by X).
    let passive = (j..verb).any(|t| is_be_form(r.word(t)));
    if !passive
        && end >= floor + 2
        && r.is_word(end)
        && r.word(end) == "who"
        && r.is_punct(end - 1, ",")
        && let Some(m) = doc.mention_ending_at(p, end - 2)
        && doc.mentions[m].kind == NameKind::Person
    {
        let first = swallow_determiner(&r, doc.mentions[m].full_first, floor);
        return Some((Np::Mention(m), first.max(floor)));
    }
    // Appositives between subject and verb: "Nal Mohammed, a student whose ..., lamented";
    // "Cameron, standing outside ... alongside his wife, Samantha, said" (up to three).
    if r.is_punct(end, ",") {
        // All the appositives together within 40 tokens of the verb.
        let last_comma = end;
        let mut close = end;
        let mut hops = 0;
        loop {
            let a = (floor..close)
                .rev()
                .take_while(|&t| !r.quoted[t] && last_comma - t < 40)
                .find(|&t| r.is_punct(t, ","))?;
            if a == floor {
                return None;
            }
            // "as the Ukip leader, Nigel Farage, described it": the name between the commas
            // is the subject, the role phrase before it only introduces them.
            // "William Sweeney Jr., said": the name may end before an abbreviation's period.
            let named = doc.mention_ending_at(p, close - 1).or_else(|| {
                let before = before_party_label(doc, &r, p, close - 1, a + 1);
                (before < close - 1)
                    .then(|| doc.mention_ending_at(p, before))
                    .flatten()
            });
            let named = named.or_else(|| {
                (close >= 2 && r.is_punct(close - 1, "."))
                    .then(|| doc.mention_ending_at(p, close - 2))
                    .flatten()
            });
            if let Some(m) = named
                && doc.mentions[m].kind == NameKind::Person
                && doc.mentions[m].full_first == a + 1
                && (introduces_subject(doc, &r, m, floor) || role_opens_sentence(doc, &r, a))
            {
                return Some((Np::Mention(m), a + 1));
            }
            end = before_party_label(doc, &r, p, a - 1, floor);
            // "a store manager in Charleston, South Carolina, told": the state after a town
            // belongs to the appositive, and the town is no subject.
            let town_and_state =
                is_place_between(doc, p, a, close) && is_place_ending_at(doc, p, end);
            // "Cameron, standing alongside his wife, Samantha, said": a noun ending a
            // prepositional phrase is no subject either.
            let recognised = doc.mention_ending_at(p, end).is_some()
                || r.is_word(end)
                    && (doc.k.pronoun(r.word(end)).is_some()
                        || is_noun(doc, r.word(end)) && !ends_prepositional_phrase(doc, &r, end));
            hops += 1;
            if recognised && !town_and_state || hops == 3 {
                break;
            }
            close = a;
        }
    }
    if r.quoted[end] {
        return None;
    }
    // "Sen. Lisa Murkowski of Alaska said": the person, not the place they are from.
    if let Some(m) = person_before_of(doc, &r, p, end, floor) {
        let first = swallow_determiner(&r, doc.mentions[m].full_first, floor);
        return Some((Np::Mention(m), first.max(floor)));
    }
    // A pronoun.
    if r.is_word(end)
        && let Some(kind) = doc.k.pronoun(r.word(end))
    {
        let alone = end == floor
            || !r.is_word(end - 1)
            || !is_capitalised(r.word(end - 1))
            || r.para.starts_sentence(end, doc.body);
        return alone.then(|| (Np::Pronoun(kind.to_string()), end));
    }
    // A name.
    if let Some(m) = doc.mention_ending_at(p, end) {
        let first = doc.mentions[m].full_first;
        // "the public prosecutor’s office in Düsseldorf said": somebody in the place, not
        // the place. What they are is told, but nobody is named.
        if doc.mentions[m].kind == NameKind::Place
            && first > floor + 1
            && r.is_word(first - 1)
            && matches!(r.word(first - 1), "in" | "at" | "from" | "near")
            && r.is_word(first - 2)
            && noun_kind(doc, &strip_possessive(r.word(first - 2)).to_lowercase()).is_some()
        {
            let start = (floor..first - 1)
                .rev()
                .take(6)
                .find(|&t| {
                    r.is_word(t) && matches!(r.word(t).to_lowercase().as_str(), "the" | "a" | "an")
                })
                .unwrap_or(first - 2);
            let phrase = doc.body[r.token(start).start..r.token(end).end].to_string();
            return Some((Np::Anonymous(phrase), start));
        }
        // "the head of UNRWA": somebody of the organisation, not the organisation.
        if first >= floor + 2
            && r.is_word(first - 1)
            && r.word(first - 1) == "of"
            && r.is_word(first - 2)
            && doc.k.is_role_noun(r.word(first - 2))
            && !is_capitalised(r.word(first - 2))
        {
            let head = r.word(first - 2).to_lowercase();
            let start = swallow_determiner(&r, first - 2, floor);
            return Some((
                Np::Role {
                    head,
                    qualifier: Some(m),
                    country: None,
                },
                start,
            ));
        }
        // "Jim O’Sullivan, the chief economist at High Frequency Economics, a research firm,
        // called": the employer only places the person whose appositive it ends.
        if let Some(owner) = appositive_owner(doc, &r, p, first, floor) {
            let start = swallow_determiner(&r, doc.mentions[owner].full_first, floor);
            return Some((Np::Mention(owner), start));
        }
        let first = swallow_determiner(&r, first, floor);
        return Some((Np::Mention(m), first));
    }
    // A noun phrase headed by a role, body, document or anonymous noun.
    if !r.is_word(end) {
        return None;
    }
    // "The department's monthly survey of households showed": the document, not what it
    // surveyed, is the subject.
    if let Some(document) = document_before_of(doc, &r, end, floor)
        .or_else(|| document_before_participle(doc, &r, end, floor))
    {
        end = document;
    }
    let head = r.word(end).to_lowercase();
    let head_kind = noun_kind(doc, &head)?;
    let mut first = end;
    let mut qualifier = None;
    let mut country = None;
    while first > floor {
        let t = first - 1;
        if r.quoted[t] {
            break;
        }
        // "The Bureau of Labor Statistics' survey": the possessive apostrophe stands alone.
        let possessive = (r.is_punct(t, "'") || r.is_punct(t, "\u{2019}")) && t > floor;
        let owner = if possessive { t - 1 } else { t };
        if let Some(m) = doc.mention_ending_at(p, owner) {
            // The name nearest the head qualifies it ("A recent Monmouth University poll":
            // not the capitalised "A").
            let named = |m: usize| doc.mentions[m].kind != NameKind::Unknown;
            if qualifier.is_none_or(|q| !named(q) && named(m)) {
                qualifier = Some(m);
            }
            country = country.or_else(|| doc.mentions[m].country.clone());
            first = doc.mentions[m].full_first;
            continue;
        }
        if !r.is_word(t) {
            break;
        }
        let w = r.word(t);
        if let Some(c) = doc.k.country(w).filter(|_| is_capitalised(w)) {
            country = Some(c.code.clone());
            first = t;
            continue;
        }
        let lower = w.to_lowercase();
        let fits = matches!(
            lower.as_str(),
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this" | "that" | "one"
        ) || doc.k.is_np_modifier(&lower)
            || doc.k.is_document_noun(&lower)
            || doc.k.is_role_modifier(&lower)
            || doc.k.is_role_noun(&lower)
            || doc.k.is_body_noun(&lower);
        if fits && !is_capitalised(w) || matches!(w, "The" | "A" | "An" | "One") {
            first = t;
            if matches!(
                lower.as_str(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this" | "that"
            ) {
                break;
            }
            continue;
        }
        break;
    }
    // "the governor's office said": the governor, speaking through it.
    if doc.k.is_voice_noun(&head) && qualifier.is_none() && first > floor && r.is_word(first - 1) {
        let owner = r.word(first - 1);
        let role = strip_possessive(owner).to_lowercase();
        if role.len() < owner.len() && doc.k.is_role_noun(&role) && !doc.k.is_kin_noun(&role) {
            let start = swallow_determiner(&r, first - 1, floor);
            return Some((
                Np::Role {
                    head: role,
                    qualifier: None,
                    country,
                },
                start,
            ));
        }
    }
    // "city officials said", "three law enforcement officials said": a group named by words
    // the lexicon does not know is not the group named so far ("U.S. officials"), however
    // alike the noun. It is described, not credited.
    if qualifier.is_none()
        && country.is_none()
        && doc.k.is_body_noun(&head)
        && head.ends_with('s')
        && let Some(start) = unread_modifiers(doc, &r, first, floor)
    {
        let phrase = doc.body[r.token(start).start..r.token(end).end].to_string();
        return Some((Np::Anonymous(phrase), start));
    }
    let phrase = doc.body[r.token(first).start..r.token(end).end].to_string();
    // "his office said", "her statement said": the person the pronoun stands for. "Her
    // father said" is the father, whoever holds that role.
    // "its supporters said", "his critics say": people around them, not them.
    if r.is_word(first)
        && qualifier.is_none()
        && !doc.k.is_kin_noun(&head)
        && head_kind != NounKind::Anonymous
    {
        match r.word(first).to_lowercase().as_str() {
            "his" => return Some((Np::Pronoun("male".to_string()), first)),
            "her" => return Some((Np::Pronoun("female".to_string()), first)),
            "its" => return Some((Np::Pronoun("organization".to_string()), first)),
            _ => {}
        }
    }
    let np = match head_kind {
        NounKind::Role | NounKind::Anonymous if follows_another(&r, first) => Np::Anonymous(phrase),
        NounKind::Document => Np::Document {
            country,
            qualifier,
            indefinite: is_indefinite_article(r.word(first)),
        },
        NounKind::Anonymous if qualifier.is_none() && country.is_none() => Np::Anonymous(phrase),
        _ => Np::Role {
            head,
            qualifier,
            country,
        },
    };
    Some((np, first))
}

/// "The agency released a report saying ...": a new document's issuer, named as the subject
/// of the verb that brought it out, is the source. Any other subject is left as it is.
fn issuer_of_new_document(doc: &Doc, p: usize, np: Np, first: usize, floor: usize) -> (Np, usize) {
    let new_document = matches!(
        np,
        Np::Document {
            qualifier: None,
            indefinite: true,
            ..
        }
    );
    let r = doc.reader(p);
    let brought_out = new_document
        && first > floor + 1
        && r.is_word(first - 1)
        && doc.k.is_issuing_verb(r.word(first - 1));
    drop(r);
    if brought_out
        && let Some((Np::Mention(m), start)) = np_before(doc, p, first - 1, floor)
        && matches!(
            doc.mentions[m].kind,
            NameKind::Person | NameKind::Organization
        )
    {
        return (Np::Mention(m), start);
    }
    (np, first)
}

fn is_indefinite_article(word: &str) -> bool {
    matches!(word, "a" | "an" | "A" | "An")
}

/// "Another agent said": not the agent the article named before, nobody in particular.
fn follows_another(r: &Reader, first: usize) -> bool {
    first > 0 && r.is_word(first - 1) && r.word(first - 1).eq_ignore_ascii_case("another")
}

/// Whether the tokens strictly between the commas at `a` and `close` are one place's name.
fn is_place_between(doc: &Doc, p: usize, a: usize, close: usize) -> bool {
    let r = doc.reader(p);
    // "Northampton, Mass., said": a state's abbreviation, which is no name.
    let abbreviated_region = close == a + 3
        && r.is_word(a + 1)
        && r.is_punct(a + 2, ".")
        && doc
            .k
            .gazetteer()
            .region_abbreviation(&format!("{}.", r.word(a + 1)))
            .is_some();
    abbreviated_region
        || close > a + 1
            && doc.mention_ending_at(p, close - 1).is_some_and(|m| {
                doc.mentions[m].kind == NameKind::Place && doc.mentions[m].first == a + 1
            })
}

fn is_place_ending_at(doc: &Doc, p: usize, end: usize) -> bool {
    doc.mention_ending_at(p, end)
        .is_some_and(|m| doc.mentions[m].kind == NameKind::Place)
}

/// The document noun whose "of" phrase ends at `end`: "survey" in "survey of households",
/// "report of the agency's analysts".
fn document_before_of(doc: &Doc, r: &Reader, end: usize, floor: usize) -> Option<usize> {
    let of = (floor + 1..end)
        .rev()
        .take(4)
        .take_while(|&t| r.is_word(t) && !r.quoted[t])
        .find(|&t| r.word(t) == "of")?;
    let head = of - 1;
    (r.is_word(head) && noun_kind(doc, &r.word(head).to_lowercase()) == Some(NounKind::Document))
        .then_some(head)
}

/// The document noun a participle and its time follow, ending at `end`: "poll" in "a poll
/// released on Monday", "survey" in "the survey published last week".
fn document_before_participle(doc: &Doc, r: &Reader, end: usize, floor: usize) -> Option<usize> {
    let participle = (floor + 1..=end)
        .rev()
        .take(4)
        .take_while(|&t| r.is_word(t) && !r.quoted[t])
        .find(|&t| r.word(t).len() > 4 && r.word(t).ends_with("ed"))?;
    let of_time = participle < end && (participle + 1..=end).all(|t| is_time_word(r.word(t)));
    let head = participle - 1;
    (of_time
        && r.is_word(head)
        && noun_kind(doc, &r.word(head).to_lowercase()) == Some(NounKind::Document))
    .then_some(head)
}

/// A word that says when: "on", "last", "Monday", "week", "March".
fn is_time_word(w: &str) -> bool {
    is_weekday(w)
        || crate::text::MONTHS.contains(&w)
        || matches!(
            w,
            "on" | "in"
                | "last"
                | "this"
                | "early"
                | "late"
                | "earlier"
                | "today"
                | "yesterday"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "week"
                | "month"
                | "year"
        )
}

/// The person named right before "of" or "from" and the capitalised words ending at `end`:
/// "Lisa Murkowski of Alaska", "Mary Wareham of Human Rights Watch".
fn person_before_of(doc: &Doc, r: &Reader, p: usize, end: usize, floor: usize) -> Option<usize> {
    let mut t = end;
    while t > floor && end - t < 5 && r.is_word(t) && is_capitalised(r.word(t)) && !r.quoted[t] {
        t -= 1;
    }
    if t == end || t == floor || !r.is_word(t) || !matches!(r.word(t), "of" | "from") {
        return None;
    }
    let mut before = t - 1;
    // "Sen. Chris Murphy (D) of Connecticut": a party label between the name and "of".
    if r.is_punct(before, ")")
        && let Some(open) = (floor..before).rev().take(6).find(|&u| r.is_punct(u, "("))
        && open > floor
    {
        before = open - 1;
    }
    let m = doc.mention_ending_at(p, before)?;
    (doc.mentions[m].kind == NameKind::Person).then_some(m)
}

/// Whether the noun at `end` closes a phrase opened by a preposition a few lower-case words
/// before ("alongside his wife"). "As the party leader, X," introduces X, so "as" opens none.
fn ends_prepositional_phrase(doc: &Doc, r: &Reader, end: usize) -> bool {
    (end.saturating_sub(4)..end)
        .rev()
        .take_while(|&t| r.is_word(t) && !is_capitalised(r.word(t)))
        .any(|t| r.word(t) != "as" && doc.k.is_preposition(r.word(t)))
}

/// The person named right after an organisation and a role, with no punctuation between:
/// "writes Duke University associate professor of history Hal Brands", "remembered former
/// Arms Control Agency Director Ken Adelman". The organisation and role describe the person,
/// who is the one speaking.
fn person_after_employer(
    doc: &Doc,
    r: &Reader,
    p: usize,
    from: usize,
    limit: usize,
) -> Option<usize> {
    let end = limit.min(from + 10);
    let words_until = |t: usize| (from..t).all(|i| r.is_word(i) && !r.quoted[i]);
    let person = doc
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.paragraph == p && m.first >= from && m.first < end && !m.quoted)
        .filter(|(_, m)| m.kind == NameKind::Person && words_until(m.first))
        .min_by_key(|(_, m)| m.first)
        .map(|(i, _)| i)?;
    let role_between = (from..doc.mentions[person].first)
        .any(|i| doc.k.is_role_noun(r.word(i)) || doc.k.title_at(&[r.word(i)]).is_some());
    role_between.then_some(person)
}

/// The token before a party label ending at `t` ("R-Ohio", "D-Wash."), or `t` when there is
/// none; never below `floor`.
fn before_party_label(doc: &Doc, r: &Reader, p: usize, t: usize, floor: usize) -> usize {
    let label = if t > floor && r.is_punct(t, ".") {
        t - 1
    } else {
        t
    };
    if label > floor
        && r.is_word(label)
        && crate::extract::names::is_party_and_state(doc.k, r.word(label))
        && doc.mention_ending_at(p, label).is_none()
    {
        label - 1
    } else {
        t
    }
}

/// The person an organisation's possessive opens ("CNN's Oliver Darcy said"): the one who
/// speaks, not the organisation.
fn person_of_employer(doc: &Doc, m: usize) -> Option<usize> {
    let org = &doc.mentions[m];
    if org.kind != NameKind::Organization {
        return None;
    }
    let r = doc.reader(org.paragraph);
    let last = r.word(org.last);
    if crate::knowledge::strip_possessive(last) == last {
        return None;
    }
    doc.mention_starting_between(org.paragraph, org.last + 1, org.last + 2)
        .filter(|&n| doc.mentions[n].kind == NameKind::Person)
}

/// Whether the role set off before mention `m` ("as the Ukip leader, X,") opens its clause, so
/// that X is the clause's subject, rather than ending a prepositional phrase ("alongside his
/// wife, Samantha,").
fn introduces_subject(doc: &Doc, r: &Reader, m: usize, floor: usize) -> bool {
    let Some(mut t) = super::names::role_before_comma(r, &doc.mentions[m]) else {
        return false;
    };
    let determiner = |t: usize| {
        r.is_word(t)
            && (matches!(
                r.word(t).to_lowercase().as_str(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their"
            ) || strip_possessive(r.word(t)) != r.word(t))
    };
    if t > floor && determiner(t - 1) {
        t -= 1;
    }
    if t <= floor || r.para.starts_sentence(t, doc.body) {
        return true;
    }
    let before = t - 1;
    r.is_punct(before, ",")
        || r.is_word(before)
            && matches!(
                r.word(before).to_lowercase().as_str(),
                "as" | "and" | "but" | "while" | "when" | "so" | "yet"
            )
}

/// Whether the sentence opens with a role, the words up to `comma` being its phrase: "The
/// assistant director of the agency's field office in Springfield, NAME, said". A phrase that
/// opens otherwise ("Standing outside with his wife, NAME, said") leaves the name an object.
fn role_opens_sentence(doc: &Doc, r: &Reader, comma: usize) -> bool {
    let Some(start) = (comma.saturating_sub(24)..comma)
        .rev()
        .take_while(|&t| !r.quoted[t] && !r.is_punct(t, ","))
        .find(|&t| r.para.starts_sentence(t, doc.body))
    else {
        return false;
    };
    let mut t = start;
    if r.is_word(t) && matches!(r.word(t).to_lowercase().as_str(), "the" | "a" | "an") {
        t += 1;
    }
    let after_article = t;
    while t < comma && r.is_word(t) {
        let lower = r.word(t).to_lowercase();
        if doc.k.is_role_noun(&lower) {
            return true;
        }
        if !doc.k.is_role_modifier(&lower) {
            break;
        }
        t += 1;
    }
    // "One resident, X, told", "His father, X, said": a determiner and a few lower-case words
    // describe the person the commas then name, whatever the noun.
    let determiner = r.is_word(start)
        && (matches!(
            r.word(start).to_lowercase().as_str(),
            "one" | "another" | "his" | "her" | "their" | "our" | "my"
        ) || after_article > start
            || strip_possessive(r.word(start)) != r.word(start));
    let words = (start + 1..comma).all(|t| {
        r.is_word(t) && !r.quoted[t] && r.word(t).chars().all(|c| c.is_lowercase() || c == '-')
    });
    determiner && words && (1..=4).contains(&(comma - start - 1))
}

/// The person whose appositive ends with the organisation starting at `org_first`:
/// "Jim O’Sullivan, the chief economist at High Frequency Economics" gives Jim O’Sullivan.
fn appositive_owner(
    doc: &Doc,
    r: &Reader,
    p: usize,
    org_first: usize,
    floor: usize,
) -> Option<usize> {
    let mut saw_preposition = false;
    let mut saw_role = false;
    let mut t = org_first;
    while t > floor && org_first - t < 16 {
        t -= 1;
        if r.quoted[t] {
            return None;
        }
        if r.is_punct(t, ",") {
            if !(saw_preposition && saw_role) || t == floor {
                return None;
            }
            let m = doc.mention_ending_at(p, t - 1)?;
            return (doc.mentions[m].kind == NameKind::Person).then_some(m);
        }
        if !r.is_word(t) && !matches!(r.word(t), "&" | "-" | "'" | "’") {
            return None;
        }
        if cue_at(doc, r, t).is_some() {
            return None;
        }
        let lower = r.word(t).to_lowercase();
        saw_preposition |= matches!(lower.as_str(), "at" | "of" | "for" | "with" | "from");
        saw_role |= saw_preposition && doc.k.is_role_noun(strip_possessive(&lower));
    }
    None
}

fn swallow_determiner(r: &Reader, first: usize, floor: usize) -> usize {
    if first > floor && r.is_word(first - 1) && matches!(r.word(first - 1), "the" | "The") {
        first - 1
    } else {
        first
    }
}

/// The speaker phrase right after the cue verb or phrase ending at `verb`: "said Israel's
/// Ministry of Defense", "according to Egypt's Foreign Minister Sameh Shoukry". Returns the
/// phrase and its last token.
fn np_after(doc: &Doc, p: usize, verb: usize, limit: usize) -> Option<(Np, usize)> {
    let r = doc.reader(p);
    let mut i = verb + 1;
    if i >= limit {
        return None;
    }
    if r.is_word(i)
        && let Some(kind) = doc.k.pronoun(r.word(i))
    {
        return Some((Np::Pronoun(kind.to_string()), i));
    }
    // Skip a determiner.
    let start = i;
    if r.is_word(i) && matches!(r.word(i), "the" | "The" | "a" | "an") {
        i += 1;
    }
    // The first mention starting here (a role may precede it: "said spokesman John Kirby"),
    // before any comma or relative clause ("said the woman, who The Times is not naming").
    let window = (i..(i + 6).min(limit))
        .find(|&t| {
            r.is_punct(t, ",")
                || r.is_word(t) && matches!(r.word(t), "who" | "whom" | "whose" | "which")
        })
        .unwrap_or((i + 6).min(limit));
    if let Some(m) = doc.mention_starting_between(p, start, window) {
        let mention = &doc.mentions[m];
        // "says UK defence secretary": a country before a role is the role's, not the speaker.
        let country_of_role = mention.first == mention.last
            && doc.k.country(&mention.name).is_some()
            && r.is_word(mention.last + 1)
            && !is_capitalised(r.word(mention.last + 1))
            && (doc.k.is_role_noun(r.word(mention.last + 1))
                || doc.k.is_role_modifier(r.word(mention.last + 1)));
        if !country_of_role {
            if mention.kind != NameKind::Person
                && let Some(person) = person_after_employer(doc, &r, p, mention.last + 1, limit)
            {
                return Some((Np::Mention(person), doc.mentions[person].last));
            }
            return Some((Np::Mention(m), mention.last));
        }
    }
    // A noun phrase with a role, body, document or anonymous head.
    let mut j = i;
    let mut country = None;
    let mut head = None;
    while j < limit && r.is_word(j) && !r.quoted[j] {
        let w = r.word(j);
        let lower = w.to_lowercase();
        if let Some(c) = doc.k.country(w).filter(|_| is_capitalised(w)) {
            country = Some(c.code.clone());
        } else if let Some(k) = noun_kind(doc, &lower) {
            head = Some((lower.clone(), k, j));
        } else if !(doc.k.is_np_modifier(&lower)
            || doc.k.is_role_modifier(&lower)
            || lower == "one")
        {
            break;
        }
        j += 1;
    }
    let (head, kind, last) = head?;
    let phrase = doc.body[r.token(start).start..r.token(last).end].to_string();
    let np = match kind {
        NounKind::Role | NounKind::Anonymous if follows_another(&r, start) => Np::Anonymous(phrase),
        NounKind::Document => Np::Document {
            country,
            qualifier: None,
            indefinite: is_indefinite_article(r.word(start)),
        },
        NounKind::Anonymous if country.is_none() => Np::Anonymous(phrase),
        _ => Np::Role {
            head,
            qualifier: None,
            country,
        },
    };
    Some((np, last))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NounKind {
    Role,
    Body,
    Document,
    Anonymous,
}

fn noun_kind(doc: &Doc, lower: &str) -> Option<NounKind> {
    let k = doc.k;
    if k.is_document_noun(lower) {
        Some(NounKind::Document)
    } else if k.is_anonymous_noun(lower) && !k.is_body_noun(lower) {
        Some(NounKind::Anonymous)
    } else if k.is_role_noun(lower) {
        Some(NounKind::Role)
    } else if k.is_body_noun(lower) || k.is_org_head(lower) || k.is_organisation_kind_noun(lower) {
        Some(NounKind::Body)
    } else if k.is_anonymous_noun(lower) {
        Some(NounKind::Anonymous)
    } else {
        None
    }
}

fn is_noun(doc: &Doc, w: &str) -> bool {
    let lower = w.to_lowercase();
    noun_kind(doc, &lower).is_some()
}

fn is_weekday(w: &str) -> bool {
    super::names::is_weekday_name(w) || matches!(w, "today" | "yesterday" | "tonight")
}

/// "Zenbo announced on Monday that it will appeal", "Zenbo said its stores stay open": what
/// the speaker says goes on about it as a thing, right after the verb or its "that" (a time
/// phrase may come between). Only for a one-word name that is no known given name or
/// surname: "Kowalczyk said it would take weeks" is about something else.
fn spoken_of_as_a_thing(r: &Reader, verb: usize) -> bool {
    const REACH: usize = 8;
    let end = (verb + 1 + REACH).min(r.len());
    let words: Vec<usize> = (verb + 1..end).filter(|&t| r.is_word(t)).collect();
    let is_thing = |t: usize| matches!(r.word(t), "it" | "its");
    match words.first() {
        Some(&t) if is_thing(t) => true,
        _ => words
            .iter()
            .position(|&t| r.word(t) == "that")
            .and_then(|i| words.get(i + 1))
            .is_some_and(|&t| is_thing(t)),
    }
}

/// The start of lower-case words before a noun phrase that read as more of it ("city" in
/// "city officials", "three law enforcement" in "three law enforcement officials"), if any.
/// Function words, verbs and adverbs end the search: "that officials said", "also
/// officials".
fn unread_modifiers(doc: &Doc, r: &Reader, first: usize, floor: usize) -> Option<usize> {
    let is_modifier = |t: usize| {
        if !r.is_word(t) || r.quoted[t] {
            return false;
        }
        let w = r.word(t);
        let lower = w.to_lowercase();
        w.chars().next().is_some_and(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !lower.ends_with("ly")
            && !lower.ends_with("ed")
            && !doc.k.is_function_word(&lower)
            && !doc.k.is_preposition(&lower)
            && !doc.k.is_conjunction(&lower)
            && doc.k.cue(&lower).is_none()
            && !SENTENCE_ADVERBS.contains(&lower.as_str())
            && !NOT_MODIFIERS.contains(&lower.as_str())
    };
    let mut start = first;
    while start > floor
        && (is_modifier(start - 1)
            || doc.k.units.number_word(r.word(start - 1)).is_some() && start < first)
    {
        start -= 1;
    }
    (start < first).then_some(start)
}

/// Adverbs that stand before a subject or a verb without being either: "also officials
/// said", "who also said", "but then asked".
const SENTENCE_ADVERBS: &[&str] = &[
    "also",
    "now",
    "then",
    "still",
    "even",
    "only",
    "just",
    "soon",
    "already",
    "often",
    "never",
    "again",
    "yet",
    "too",
    "later",
    "earlier",
    "meanwhile",
    "however",
    "instead",
];

/// Other lower-case words that may stand right before a subject without describing it: "not
/// all officials", "who", "has", "today officials said".
const NOT_MODIFIERS: &[&str] = &[
    "not",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "there",
    "here",
    "have",
    "has",
    "had",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "some",
    "many",
    "most",
    "all",
    "other",
    "several",
    "both",
    "each",
    "every",
    "any",
    "no",
    "more",
    "fewer",
    "few",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
];

/// Where what a pronoun speaker stands for is looked for: before the pronoun, and before the
/// name a parenthetical "he said" interrupts ("Farland, he said, \"is in custody\""), which is
/// what the speaker talks about, not who speaks; that name's entity is returned too, to be
/// passed over.
fn before_parenthetical_topic(
    doc: &Doc,
    p: usize,
    found: &Found,
    at: usize,
) -> (usize, Option<usize>) {
    let r = doc.reader(p);
    let at = at.min(r.token(found.first).start);
    let parenthetical = found.first >= 2
        && r.is_punct(found.first - 1, ",")
        && found.last + 1 < r.len()
        && r.is_punct(found.last + 1, ",");
    if !parenthetical {
        return (at, None);
    }
    match doc.mention_ending_at(p, found.first - 2) {
        Some(m) if r.para.starts_sentence(doc.mentions[m].full_first, doc.body) => {
            (at.min(doc.mentions[m].start), doc.entity_of_mention(m))
        }
        _ => (at, None),
    }
}

/// Resolves a speaker phrase to a local entity.
fn resolve(doc: &mut Doc, p: usize, found: &Found, at: usize) -> Attribution {
    let sentence_start = doc.paras[p]
        .sentences
        .iter()
        .find(|s| s.contains(&found.first))
        .map_or(0, |s| s.start);
    let (np, _) = issuer_of_new_document(doc, p, found.np.clone(), found.first, sentence_start);
    let r = doc.reader(p);
    let cue = Some((r.token(found.first).start, r.token(found.last).end));
    let clause = Some((found.first, found.last));
    let base = Attribution {
        cue,
        clause,
        ..Attribution::none()
    };
    match &np {
        // "Supporters of X said": the supporters speak, and nobody is named.
        Np::Mention(m) if let Some(from) = doc.mentions[*m].partitive => {
            let mention = &doc.mentions[*m];
            let start = doc.reader(mention.paragraph).token(from).start;
            let described = &doc.body[start..mention.end];
            Attribution {
                descriptor: Some(described.to_string()),
                ..base
            }
        }
        Np::Mention(m) => {
            let m = person_of_employer(doc, *m).unwrap_or(*m);
            match doc.mentions[m].kind {
                NameKind::Person | NameKind::Organization => Attribution {
                    speaker: doc.entity_of_mention(m),
                    how: Some(How::Named),
                    ..base
                },
                NameKind::Unknown if doc.mentions[m].title_only => {
                    let name = doc.mentions[m].name.clone();
                    let head = name
                        .split_whitespace()
                        .find(|w| doc.k.is_role_noun(w) || doc.k.is_title_word(w))
                        .unwrap_or("")
                        .to_lowercase();
                    let country = doc.mentions[m].country.clone();
                    let speaker = doc.nearest_for_title(&head, country.as_deref(), at);
                    Attribution {
                        speaker,
                        how: speaker.map(|_| How::Role),
                        descriptor: speaker.is_none().then(|| doc.mentions[m].name.clone()),
                        ..base
                    }
                }
                NameKind::Unknown => {
                    let name = doc.mentions[m].name.clone();
                    // "one House Republican", "Many said", "the Paris Agreement says": no
                    // speaker is named.
                    let describes = name.split_whitespace().any(|w| doc.k.is_party_word(w))
                        || is_capitalised_common_word(doc, m)
                        || name
                            .split_whitespace()
                            .last()
                            .is_some_and(|w| doc.k.is_document_head(w));
                    // "SilkAir", "FlightRadar24": a brand's name, never a person's. (In a run
                    // of words it is more likely two names glued by a scraper: "TrumpWhite
                    // House".)
                    let brand = !name.contains(' ') && super::names::is_brand_word(doc.k, &name);
                    // "CBP said", "the NIH said": an acronym that speaks is an organisation;
                    // "the CEO said" is a role, and "MORE" (a link's text) a shouted word.
                    let acronym = !name.contains(' ')
                        && super::text::is_acronym(&name)
                        && name.chars().filter(|c| c.is_alphabetic()).count() >= 3
                        && !doc.k.is_common_word(&name.to_lowercase())
                        && !doc.k.is_role_noun(&name)
                        && !doc.k.is_title_word(&name);
                    // "the Trelmco CEO said": whoever the article titled so.
                    let words: Vec<&str> = name.split_whitespace().collect();
                    if words.len() >= 2
                        && words
                            .last()
                            .is_some_and(|w| doc.k.is_role_noun(&w.to_lowercase()))
                        && let Some(e) = doc.nearest_titled(&words, at)
                    {
                        return Attribution {
                            speaker: Some(e),
                            how: Some(How::Role),
                            ..base
                        };
                    }
                    // "the California Democrat said": the legislator labelled so.
                    if describes && let Some(e) = doc.nearest_of_party(&name, at) {
                        return Attribution {
                            speaker: Some(e),
                            how: Some(How::Role),
                            ..base
                        };
                    }
                    if describes
                        || !brand
                            && !acronym
                            && !super::names::plausible_personal_name(doc.k, &name)
                    {
                        return Attribution {
                            descriptor: Some(name),
                            ..base
                        };
                    }
                    // A name ending like a place's ("X County") speaks for that place, unless
                    // it opens with a given name ("Roy Hall"); one ending like an
                    // organisation's ("X Cruise Line") is the organisation.
                    let first = name.split_whitespace().next().unwrap_or_default();
                    let last = name.split_whitespace().last().unwrap_or_default();
                    let e = if doc.k.is_place_suffix(last) && doc.k.given_name(first).is_none() {
                        doc.government_of(m)
                    } else if brand
                        || acronym
                        || doc.k.is_org_head(last)
                        || follows_the(doc, m)
                        || super::names::which_follows(
                            &doc.reader(doc.mentions[m].paragraph),
                            doc.mentions[m].last,
                        )
                        || (!name.contains(' ')
                            && doc.k.given_name(&name).is_none()
                            && !doc.k.is_common_surname(&name)
                            && spoken_of_as_a_thing(&doc.reader(p), found.verb))
                    {
                        Some(doc.promote_to_organization(m))
                    } else {
                        Some(doc.promote(m))
                    };
                    let Some(e) = e else {
                        return Attribution {
                            descriptor: Some(name),
                            ..base
                        };
                    };
                    Attribution {
                        speaker: Some(e),
                        how: Some(How::Named),
                        ..base
                    }
                }
                NameKind::Place => {
                    // "Cairo said", "Israel announced": the government of that place.
                    let e = doc.government_of(m);
                    Attribution {
                        speaker: e,
                        how: Some(How::Named),
                        ..base
                    }
                }
            }
        }
        // What the pronoun stands for comes before it, even when the quotation comes later
        // ("Here's what he told our Newscast Desk: “...”").
        Np::Pronoun(kind) => Attribution {
            speaker: {
                let (at, topic) = before_parenthetical_topic(doc, p, found, at);
                doc.nearest_for_pronoun_except(kind, at, topic)
            },
            how: Some(How::Pronoun),
            ..base
        },
        Np::Role {
            head,
            qualifier,
            country,
        } => {
            // A role qualified by a named person is that person ("spokesman Peter Lerner"
            // was read as a name already); qualified by an organisation, it is somebody of it.
            // Written as a title mid-sentence ("the President"), it is the title's holder.
            let as_title = qualifier.is_none()
                && (found.first..=found.last).any(|t| {
                    r.is_word(t)
                        && r.word(t).to_lowercase() == *head
                        && is_capitalised(r.word(t))
                        && !r.para.starts_sentence(t, doc.body)
                });
            let speaker = if as_title {
                doc.nearest_for_title(head, country.as_deref(), at)
            } else {
                doc.nearest_for_role(head, *qualifier, country.as_deref(), at)
            };
            let descriptor = speaker
                .is_none()
                .then(|| doc.body[r.token(found.first).start..r.token(found.last).end].to_string());
            Attribution {
                speaker,
                how: speaker.map(|_| How::Role),
                descriptor: if speaker.is_none() {
                    descriptor.map(|d| strip_cue(&d))
                } else {
                    None
                },
                ..base
            }
        }
        Np::Document {
            country,
            qualifier,
            indefinite,
        } => {
            // "The Labor Department report showed": whoever the name says issued it;
            // "the statement said": the latest speaker. "A new poll showed" brings in a
            // document of its own, and "the Quarvey survey" one of a name not known to speak:
            // neither is the latest speaker's, and nobody is named.
            // "Edelman's report": a name read as unknown here, but known to the article.
            let issuer_of = |m: usize| {
                doc.entity_of_mention(m).filter(|&e| {
                    matches!(
                        doc.mentions[m].kind,
                        NameKind::Person | NameKind::Organization
                    ) || matches!(
                        doc.entities[e].kind,
                        EntityKind::Person | EntityKind::Organization
                    )
                })
            };
            let issuer = qualifier.and_then(issuer_of);
            // "the Russian statement": a country's, whose latest speaker it may well be.
            let named_otherwise =
                qualifier.is_some_and(|m| doc.k.country(&doc.mentions[m].name).is_none());
            // A new document may still be that of a source its own sentence names: "X also
            // said it would offer ..., according to a statement".
            let sentence_speaker = || {
                let from = doc.reader(p).token(sentence_start).start;
                doc.speakers_between(from, at)
                    .last()
                    .map(|&(_, e)| e)
                    .filter(|&e| {
                        country
                            .as_deref()
                            .is_none_or(|c| doc.entities[e].country.as_deref() == Some(c))
                    })
            };
            let speaker = issuer.or_else(|| {
                if named_otherwise {
                    None
                } else if *indefinite {
                    sentence_speaker()
                } else {
                    doc.last_speaker(country.as_deref(), at)
                }
            });
            Attribution {
                speaker,
                how: speaker.map(|_| How::Document),
                ..base
            }
        }
        Np::Anonymous(phrase) => Attribution {
            descriptor: Some(phrase.clone()),
            ..base
        },
    }
}

/// "Many said", "Many Hispanic voters said": a subject opening with a common word, capitalised
/// only because it opens the sentence, that is that word alone or describes people by origin.
/// A name known in the article would be a person already.
fn is_capitalised_common_word(doc: &Doc, m: usize) -> bool {
    let mention = &doc.mentions[m];
    let words: Vec<&str> = mention.name.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let described = words.len() == 1 || words[1..].iter().any(|w| doc.k.is_demonym(w));
    described
        && doc.k.is_common_word(&first.to_lowercase())
        && doc.reader(mention.paragraph).sentence_start(mention.first)
}

/// "the Capitol said", "the Review-Journal reported": a person's name takes no article, so an
/// unknown name after "the" is a body.
fn follows_the(doc: &Doc, m: usize) -> bool {
    let mention = &doc.mentions[m];
    let r = doc.reader(mention.paragraph);
    mention.first > 0
        && r.is_word(mention.first - 1)
        && r.word(mention.first - 1).eq_ignore_ascii_case("the")
}

fn strip_cue(phrase: &str) -> String {
    phrase.trim().to_string()
}

/// Sentences of reported speech with a named source, each with the part of it the source
/// vouches for.
pub fn statements(doc: &mut Doc) -> Vec<Reported> {
    let mut out = Vec::new();
    for p in 0..doc.paras.len() {
        if doc.paras[p].title_case {
            continue;
        }
        for s in 0..doc.paras[p].sentences.len() {
            let range = doc.paras[p].sentences[s].clone();
            let r = doc.reader(p);
            let quoted = range.clone().filter(|&t| r.quoted[t]).count();
            if range.is_empty() || quoted * 2 > range.len() {
                continue;
            }
            let candidates: Vec<usize> = range
                .clone()
                .filter(|&v| r.is_word(v) && !r.quoted[v])
                .filter(|&v| cue_at(doc, &r, v).is_some())
                .collect();
            let floor = range.start;
            let mut done = false;
            for v in candidates {
                // "The Bureau ..., a federal agency, released figures, showing that ...": a
                // participle after a comma takes the sentence's subject.
                let r = doc.reader(p);
                let participle = r.word(v).ends_with("ing") && v > floor && r.is_punct(v - 1, ",");
                drop(r);
                let np_first = if participle {
                    doc.first_mention_in_sentence(p, floor, v)
                        .map(|m| (Np::Mention(m), doc.mentions[m].full_first))
                } else {
                    np_before(doc, p, v, floor)
                };
                let Some((np, first)) = np_first else {
                    continue;
                };
                let (np, first) = issuer_of_new_document(doc, p, np, first, floor);
                // A weak cue ("showed", "found") reports speech only before "that", or after
                // a document its issuer is named with ("The Labor Department report showed").
                let r = doc.reader(p);
                let cue = cue_at(doc, &r, v);
                let weak = cue.is_some_and(|cue| cue.weak);
                // "Las Vegas police report more than 527 people were injured".
                let named_source = match np {
                    Np::Mention(m) => {
                        matches!(
                            doc.mentions[m].kind,
                            NameKind::Person | NameKind::Organization
                        )
                    }
                    Np::Role { .. } => true,
                    _ => false,
                };
                let reports = cue.is_some_and(|cue| cue.reporting) && named_source;
                let followed_by_that = r.is_word(v + 1) && r.word(v + 1) == "that";
                drop(r);
                let issued = matches!(
                    np,
                    Np::Document {
                        qualifier: Some(_),
                        ..
                    }
                );
                let inverted = closes_sentence(&doc.reader(p), first, v, range.end);
                if weak && !followed_by_that && !issued && !reports && !inverted {
                    continue;
                }
                // What the source vouches for: a sentence-final "..., the bureau reported"
                // covers what comes before it; "police report more than 527 ..." without
                // "that" covers only what follows, not "X, who spent $300 million, predicted".
                let scope = if weak && !followed_by_that && !issued && !inverted {
                    v..range.end
                } else if inverted {
                    range.start..first
                } else {
                    range.clone()
                };
                // "... that Israel has blockaded": a clause inside the sentence, not its source.
                let r = doc.reader(p);
                let relative = first > floor
                    && r.is_word(first - 1)
                    && matches!(
                        r.word(first - 1),
                        "that"
                            | "which"
                            | "who"
                            | "whom"
                            | "where"
                            | "when"
                            | "because"
                            | "if"
                            | "as"
                    );
                drop(r);
                if relative {
                    continue;
                }
                let found = Found {
                    np,
                    first,
                    last: v,
                    verb: v,
                };
                if let Some((at, speaker)) = report(doc, p, &found, scope, &mut out) {
                    doc.record_speaker(at, speaker);
                    done = true;
                }
                // Only the sentence's main cue counts; a later one belongs to a clause.
                break;
            }
            if done {
                continue;
            }
            if let Some((found, scope)) = inverted_cue(doc, p, range.clone())
                && report(doc, p, &found, scope, &mut out).is_some()
            {
                continue;
            }
            if let Some(found) = attribution_phrase(doc, p, range.clone()) {
                // "..., according to the AP, with 2,383 needed": what follows the source is
                // the outlet's own addition.
                let scope = if found.first == range.start {
                    range.clone()
                } else {
                    range.start..found.last + 1
                };
                report(doc, p, &found, scope, &mut out);
            }
        }
    }
    out
}

/// Resolves the source of reported speech whose tokens are `scope`, and adds it to `out`
/// when somebody is found. Returns where the source is named and who it is.
fn report(
    doc: &mut Doc,
    p: usize,
    found: &Found,
    scope: std::ops::Range<usize>,
    out: &mut Vec<Reported>,
) -> Option<(usize, usize)> {
    let at = doc.paras[p].tokens[found.first].start;
    let a = resolve(doc, p, found, at);
    let (speaker, cue) = (a.speaker?, a.cue?);
    out.push(Reported {
        paragraph: p,
        scope,
        speaker,
        cue,
    });
    Some((at, speaker))
}

/// "..., a wind shift caused the fire to become erratic, said John Smith, a forestry
/// spokesman.": a speech verb after a comma with its speaker after it, closing the sentence
/// (but for the speaker's description). The source vouches for what comes before the comma.
fn inverted_cue(
    doc: &Doc,
    p: usize,
    range: std::ops::Range<usize>,
) -> Option<(Found, std::ops::Range<usize>)> {
    let r = doc.reader(p);
    let v = range.clone().find(|&v| {
        v > range.start + 2
            && r.is_punct(v - 1, ",")
            && r.is_word(v)
            && !r.quoted[v]
            && !is_capitalised(r.word(v))
            && doc.k.cue(r.word(v)).is_some_and(|cue| !cue.weak)
    })?;
    let (np, last) = np_after(doc, p, v, range.end)?;
    let named = match np {
        Np::Mention(m) => matches!(
            doc.mentions[m].kind,
            NameKind::Person | NameKind::Organization
        ),
        Np::Role { .. } => true,
        _ => false,
    };
    let rest_unquoted = (last + 1..range.end).all(|t| !r.is_word(t) || !r.quoted[t]);
    let ends = (last + 1..range.end).all(|t| !r.is_word(t));
    let comma_after = last + 1 < range.end && r.is_punct(last + 1, ",");
    if !named || !rest_unquoted || !(ends || comma_after) {
        return None;
    }
    // "..., said John Smith, a spokesman.": a description of the speaker ends the sentence,
    // and the source vouches for what comes before the cue. "Then again, said Mr. Smith, if
    // the storm had moved faster, ...": the statement goes on, and it is the whole sentence.
    let goes_on = comma_after
        && (last + 2..range.end)
            .find(|&t| r.is_word(t))
            .is_some_and(|t| {
                let w = r.word(t);
                !is_capitalised(w)
                    && !matches!(w, "a" | "an" | "the" | "who" | "which" | "whose")
                    && !doc.k.is_role_noun(w)
                    && !doc.k.is_role_modifier(w)
            });
    let found = Found {
        np,
        first: v,
        last,
        verb: v,
    };
    let scope = if goes_on { range } else { range.start..v - 1 };
    Some((found, scope))
}

/// "According to X" opening a sentence, or set off inside it ("..., according to the United
/// Nations, and ..."). Inside a sentence the source must follow the phrase at once: in
/// "according to the plan drawn up by X" the plan, not X, is what the sentence goes by.
fn attribution_phrase(doc: &Doc, p: usize, range: std::ops::Range<usize>) -> Option<Found> {
    let r = doc.reader(p);
    let starts = range.clone().filter(|&t| {
        !r.quoted[t]
            && r.is_word(t)
            && (t == range.start || r.is_punct(t - 1, ",") || r.is_punct(t - 1, "\u{2013}"))
    });
    for t in starts {
        let words: Vec<&str> = (t..range.end.min(t + 4))
            .filter(|&x| r.is_word(x))
            .map(|x| r.word(x))
            .collect();
        let Some(n) = doc.k.attribution_phrase_at(&words) else {
            continue;
        };
        let phrase_end = t + n - 1;
        let (np, last) = np_after(doc, p, phrase_end, range.end)?;
        let adjacent = match np {
            Np::Mention(m) => {
                doc.mentions[m].full_first <= phrase_end + 3
                    || matches!(
                        doc.mentions[m].kind,
                        NameKind::Person | NameKind::Organization
                    ) && issued_by(doc, &r, phrase_end + 1, doc.mentions[m].full_first)
            }
            _ => true,
        };
        if t > range.start && !adjacent {
            return None;
        }
        return Some(Found {
            np,
            first: t,
            last,
            verb: t,
        });
    }
    None
}

/// Whether the words from `from` up to a name at `name` say that the name issued a document:
/// "a list from", "a survey by the", "figures released by". In "according to a list from the
/// U.S. Fire Administration" the list is the administration's, and the administration the
/// source, where in "according to the plan drawn up by X" a plan is no source at all.
fn issued_by(doc: &Doc, r: &Reader, from: usize, name: usize) -> bool {
    let words: Vec<String> = (from..name)
        .map(|t| {
            if r.is_word(t) && !r.quoted[t] {
                r.word(t).to_lowercase()
            } else {
                String::new()
            }
        })
        .collect();
    let Some(noun) = words.iter().position(|w| doc.k.is_source_noun(w)) else {
        return false;
    };
    let modifiers = words[..noun].iter().enumerate().all(|(i, w)| {
        i == 0 && matches!(w.as_str(), "a" | "an" | "the") || doc.k.is_np_modifier(w)
    });
    let mut rest = words[noun + 1..].iter().map(String::as_str).peekable();
    // "figures released by", "a survey conducted by": a participle before "by".
    if rest.peek().is_some_and(|w| w.ends_with("ed")) {
        rest.next();
        if rest.peek() != Some(&"by") {
            return false;
        }
    }
    let joined = rest
        .next()
        .is_some_and(|w| matches!(w, "from" | "by" | "of"));
    let tail: Vec<&str> = rest.collect();
    modifiers && joined && (tail.is_empty() || tail == ["the"])
}

/// Whether the cue verb at `verb`, its subject starting at `first` right after a comma, ends
/// the sentence but for a few words of time: "..., the department reported Friday morning."
/// Inverted like that, even a weak cue ("reported", "found") gives the sentence's source.
fn closes_sentence(r: &Reader, first: usize, verb: usize, end: usize) -> bool {
    let after_comma = first > 0 && r.is_punct(first - 1, ",");
    let trailing: Vec<usize> = (verb + 1..end).filter(|&t| r.is_word(t)).collect();
    let only_time = trailing.len() <= 3 && trailing.iter().all(|&t| is_time_word(r.word(t)));
    after_comma && only_time && !r.quoted[verb]
}

/// Reported speech found without quotation marks: who vouches for which tokens of a paragraph.
#[derive(Debug, Clone)]
pub struct Reported {
    pub paragraph: usize,
    /// The tokens the source vouches for: the whole sentence, or the part of it on the
    /// source's side of the cue.
    pub scope: std::ops::Range<usize>,
    pub speaker: usize,
    /// The cue's byte range.
    pub cue: (usize, usize),
}

/// Whether the entity kind fits a pronoun.
pub fn fits_pronoun(kind: &str, entity: &crate::extract::LocalEntity) -> bool {
    match kind {
        "male" => entity.kind == EntityKind::Person && entity.gender != Gender::Female,
        "female" => entity.kind == EntityKind::Person && entity.gender != Gender::Male,
        "organization" => entity.kind == EntityKind::Organization && !entity.plural,
        "plural" => entity.kind == EntityKind::Organization && entity.plural,
        _ => false,
    }
}

/// Whether two role nouns name the same role ("spokesman", "spokesperson").
pub fn same_role(a: &str, b: &str) -> bool {
    let a = strip_possessive(a).to_lowercase();
    let b = strip_possessive(b).to_lowercase();
    if a == b {
        return true;
    }
    let stem = |s: &str| -> String {
        for suffix in ["woman", "man", "person", "people"] {
            if let Some(x) = s.strip_suffix(suffix)
                && x.len() >= 4
            {
                return x.to_string();
            }
        }
        s.trim_end_matches('s').to_string()
    };
    stem(&a) == stem(&b)
}
