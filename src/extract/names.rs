//! People and organisations named in an article, with their roles.
//!
//! Names are runs of capitalised words (with connectors such as "of" and "for" inside them).
//! A run is read from the left: a country possessive or adjective, then a title or role, then
//! the name ("Egypt's Foreign Minister Sameh Shoukry"). Organisations are recognised by their
//! head nouns ("Ministry", "Institute") or from the list of known organisations; descriptive
//! bodies ("the Egyptian military", "Israel's defense ministry") by a country word before a body
//! noun. All the words involved are data (see `data/lexicon.yaml`), not code.

use super::text::{Paragraph, Token, TokenKind, is_acronym, is_capitalised};
use crate::knowledge::{Gender, Knowledge, strip_possessive};
use crate::model::EntityKind;
use crate::text::{fold, translit_key, with_lowercase};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Person,
    Organization,
    /// A country, region or town (the place extractor decides where exactly).
    Place,
    /// Capitalised, but not known to be a person or an organisation.
    Unknown,
}

/// A name in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub paragraph: usize,
    /// Token range of the name itself (after any title or role) in the paragraph, with a
    /// generational suffix after it ("III"), which `name` and the byte range leave out.
    pub first: usize,
    pub last: usize,
    /// Token index where the mention starts, including a title or role before the name.
    pub full_first: usize,
    /// Byte range of the name in the body.
    pub start: usize,
    pub end: usize,
    /// The name as written, without determiner, title or possessive ("Peter Lerner").
    pub name: String,
    pub kind: NameKind,
    /// Role or title as written ("Israeli Foreign Ministry spokesman", "Egyptian President").
    pub role: Option<String>,
    /// ISO code of the country an organisation belongs to, or a person's country adjective.
    pub country: Option<String>,
    /// For organisations: the body without its country, normalised ("ministry of defense").
    pub body: Option<String>,
    /// Written in lower case, described rather than named ("the Egyptian military").
    pub descriptive: bool,
    /// Inside a quotation.
    pub quoted: bool,
    /// Preceded by a personal title (Mr., Gen., President) or role.
    pub titled: bool,
    /// The whole run is a title with no name ("the Secretary of State").
    pub title_only: bool,
    /// A plural body ("Israeli officials"): "they", never "it".
    pub plural: bool,
    /// The token of a word for some of what the name names, before its "of" ("Members of
    /// Congress", "Supporters of X"): those are who act, not the body or person named.
    pub partitive: Option<usize>,
}

impl Mention {
    pub fn entity_kind(&self) -> Option<EntityKind> {
        match self.kind {
            NameKind::Person => Some(EntityKind::Person),
            NameKind::Organization => Some(EntityKind::Organization),
            _ => None,
        }
    }

    pub fn word_count(&self) -> usize {
        self.name.split_whitespace().count()
    }
}

/// Tools to read one paragraph's tokens.
pub struct Reader<'a> {
    pub body: &'a str,
    pub para: &'a Paragraph,
    pub k: &'a Knowledge,
    /// For each token: whether it is inside a quotation.
    pub quoted: Vec<bool>,
}

impl<'a> Reader<'a> {
    pub fn word(&self, i: usize) -> &'a str {
        self.para.tokens[i].text(self.body)
    }

    pub fn token(&self, i: usize) -> Token {
        self.para.tokens[i]
    }

    pub fn len(&self) -> usize {
        self.para.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.para.tokens.is_empty()
    }

    pub fn is_word(&self, i: usize) -> bool {
        i < self.len() && self.para.tokens[i].kind == TokenKind::Word
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        i < self.len() && self.para.tokens[i].kind == TokenKind::Punct && self.word(i) == p
    }

    pub fn is_quote_mark(&self, i: usize) -> bool {
        i < self.len()
            && self.para.tokens[i].kind == TokenKind::Punct
            && matches!(self.word(i), "\"" | "“" | "”" | "«" | "»" | "‘" | "’" | "'")
    }

    /// Capitalised word that can be part of a name.
    pub fn is_name_word(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let w = self.word(i);
        if particle_surname(self.k, w).is_some() {
            return true;
        }
        // A link card's "MORE" left where no card was found is a link, not a Moore.
        if w.starts_with(super::text::LINK_CARD_END)
            && strip_possessive(w) == super::text::LINK_CARD_END
        {
            return false;
        }
        if !is_capitalised(w) || is_calendar_word(w) && !self.is_given_name_before_surname(i) {
            return false;
        }
        // "Tehran-backed", "Egyptian-brokered", "London-based": adjectives built on a name
        // (but "Ban Ki-moon" is a name).
        if let Some((_, after)) = w.rsplit_once('-')
            && after.chars().next().is_some_and(char::is_lowercase)
            && (after.ends_with("ed")
                || matches!(
                    after,
                    "based"
                        | "born"
                        | "run"
                        | "held"
                        | "made"
                        | "wide"
                        | "style"
                        | "era"
                        | "friendly"
                        | "bound"
                        | "led"
                        | "built"
                        | "leaning"
                        | "speaking"
                ))
        {
            return false;
        }
        true
    }

    /// "Gov. Jan Brewer", "April Ryan said", "said Jan Kowalczyk": a month that is also a given
    /// name, right before a capitalised word, where no preposition or date word makes it a date
    /// ("in April Trump said", "last June Smith" are the month).
    fn is_given_name_before_surname(&self, i: usize) -> bool {
        let w = self.word(i);
        let is_title = |t: usize| {
            self.is_word(t)
                && (self.k.is_title_word(self.word(t))
                    || self.k.is_title_word(&format!("{}.", self.word(t))))
        };
        let placed_as_name = i == 0
            || self.para.starts_sentence(i, self.body)
            || is_title(i - 1)
            || i >= 2 && self.is_punct(i - 1, ".") && is_title(i - 2);
        if self.k.given_name(w).is_none()
            || is_weekday_name(w)
            || !self.is_word(i + 1)
            || is_calendar_word(self.word(i + 1))
            || !is_capitalised(self.word(i + 1))
        {
            return false;
        }
        let next = self.word(i + 1);
        if placed_as_name && self.k.is_common_surname(next) {
            return true;
        }
        // Elsewhere the word before decides: "in April", "last June" are dates; "said April
        // Ryan", "resident Jan Kowalczyk" are not. A date would not put a capitalised word
        // straight after an abbreviated month ("Jan 14"), so "Jan" + a name is a name. Only a
        // two-word name: "April Donald Trump" and "January Dallas Morning News" are a month
        // and what follows it.
        let after_date_word =
            i > 0 && self.is_word(i - 1) && self.k.introduces_date(self.word(i - 1));
        let longer_run = self.is_word(i + 2) && is_capitalised(self.word(i + 2));
        // "Jan", "Jun"; not "June" or "July", which are spelt out.
        let abbreviated = w.len() <= 3;
        !after_date_word && !longer_run && (abbreviated || self.k.is_common_surname(next))
    }

    pub fn sentence_start(&self, i: usize) -> bool {
        // After a quotation that closes on a comma the sentence goes on: "“Go now,” Curry
        // tweeted" capitalises Curry because it is a name.
        let closed_on_comma = i > 1 && self.is_quote_mark(i - 1) && self.is_punct(i - 2, ",");
        self.para.starts_sentence(i, self.body)
            || (i > 0
                && ((self.is_quote_mark(i - 1) && !closed_on_comma) || self.is_punct(i - 1, ":")))
    }

    /// Lower-cased common word, not a name part, written capitalised only because it starts a
    /// sentence ("Earlier", "The", "Officials").
    fn is_weak_start(&self, i: usize) -> bool {
        let w = self.word(i);
        let lower = strip_possessive(w).to_lowercase();
        // "Concert-goer", "Long-time": a compound of common words is a common word too, and
        // so is a contraction of one ("Can’t", "Here’s").
        let compound = lower.contains('-')
            && lower
                .split('-')
                .all(|part| !part.is_empty() && self.k.is_common_word(part));
        let contraction = lower
            .split_once(['\'', '\u{2019}'])
            .is_some_and(|(base, tail)| {
                matches!(tail, "t" | "s" | "re" | "ve" | "ll" | "d" | "m")
                    && (self.k.is_common_word(base)
                        || base
                            .strip_suffix('n')
                            .is_some_and(|b| self.k.is_common_word(b)))
            });
        (self.k.is_common_word(&lower)
            || compound
            || contraction
            || self.k.pronoun(&lower).is_some())
            && self.k.given_name(w).is_none()
            && self.k.country(w).is_none()
            && !is_acronym(w)
    }
}

/// Whether the capitalised words `first..end` at a sentence's start make one organisation's
/// name, common words and all: "Climate Reality Project argued", "Open Society Foundations
/// said". Its last word heads organisations' names and at least two words come before it;
/// a quantifier, determiner or adverb opening the run is no part of it ("Many Labour Party
/// members").
fn opens_organisation_name(r: &Reader, first: usize, end: usize) -> bool {
    let head = strip_possessive(r.word(end - 1));
    let heads_organisations =
        r.k.is_org_head(head) || head.strip_suffix('s').is_some_and(|h| r.k.is_org_head(h));
    if end < first + 3 || !heads_organisations {
        return false;
    }
    let w = r.word(first);
    let lower = w.to_lowercase();
    (first..end).all(|t| r.is_word(t) && is_capitalised(r.word(t)))
        && !r.k.is_function_word(w)
        && !r.k.is_np_modifier(&lower)
        && !r.k.is_conjunction(&lower)
        && !r.k.is_preposition(&lower)
        && !lower.ends_with("ly")
        && r.k.units.number_word(&lower).is_none()
        // "Researchers Urban Institute found": a plural or a role opening the sentence is
        // who speaks for the organisation, not part of its name.
        && !(lower.ends_with('s') && r.k.is_common_word(&lower))
        && !r.k.is_role_noun(&lower)
        && !r.k.is_body_noun(&lower)
        // "Using Congressional Budget Office data", "Yesterday's Commerce Department report".
        && !lower.ends_with("ing")
        && strip_possessive(w) == w
        && lower != "another"
        // "Then Breitbart News": where a word of the run is not a common one, that word
        // makes the name and the common word opening the sentence is no part of it.
        && (first..end - 1).all(|t| r.is_weak_start(t))
}

/// Whether each token of the paragraph lies inside one of the quotation spans.
pub fn quoted_tokens(para: &Paragraph, spans: &[super::quotes::QuoteSpan]) -> Vec<bool> {
    para.tokens
        .iter()
        .map(|t| spans.iter().any(|s| t.start >= s.start && t.end <= s.end))
        .collect()
}

/// All names of one paragraph.
pub fn find_mentions(r: &Reader, paragraph: usize) -> Vec<Mention> {
    let mut mentions = Vec::new();
    if r.para.title_case {
        return mentions;
    }
    let mut i = 0;
    while i < r.len() {
        if !r.is_name_word(i) {
            if let Some((m, next)) = descriptive_body(r, i, paragraph) {
                mentions.push(m);
                i = next;
                continue;
            }
            i += 1;
            continue;
        }
        // "Image caption", "Read more": a page's label left in the text is nobody's name.
        if i + 1 < r.len() && r.is_word(i + 1) && r.k.is_credit_phrase(r.word(i), r.word(i + 1)) {
            i += 2;
            continue;
        }
        let mut first = i;
        let mut end = chunk_end(r, i);
        // "FLINT, Mich. — For Hillary Clinton, the city": after a dateline's dash a sentence
        // starts that the full stops do not show.
        let after_dash = first > 0 && (r.is_punct(first - 1, "—") || r.is_punct(first - 1, "–"));
        // "The New Yorker reports", "The Daily Beast said": an outlet's name opened by a
        // sentence's "The" keeps its common words, if a speech verb follows it.
        let outlet_after_the = r.is_word(i)
            && r.word(i) == "The"
            && end < r.len()
            && r.is_word(end)
            && !is_capitalised(r.word(end))
            && r.k.cue(r.word(end)).is_some();
        if r.sentence_start(first) || after_dash {
            // Strip sentence-initial common words, but not an organisation's head ("Ministry of
            // Defense said") or a word joined to what follows ("Department of ...").
            // "General Motors said": a title before a lone word that heads organisations'
            // names is part of a company's name.
            // So is any word before a legal form: "Gap Inc. said".
            let company = end - first == 2
                && (r.k.is_legal_form(r.word(first + 1))
                    || r.k.is_title_word(r.word(first))
                        && r.k.is_org_head(r.word(first + 1))
                        && is_capitalised(r.word(first + 1)));
            if !company {
                while first < end
                    && !(outlet_after_the && first == i + 1)
                    && !(starts_known_name(r, first, end) || opens_organisation_name(r, first, end))
                    && (r.is_word(first) && r.k.is_preposition(r.word(first))
                        || r.is_weak_start(first)
                            && !starts_title_before_name(r, first, end)
                            && !names_body_after_the(r, first, end)
                            && !r.k.is_org_head(r.word(first))
                            && !(first + 1 < end
                                && r.is_word(first + 1)
                                && r.k.is_name_connector(r.word(first + 1))
                                && !matches!(r.word(first + 1), "and" | "the")))
                {
                    first += 1;
                }
            }
            if first == end {
                // Only a sentence-initial common word: maybe a descriptive body follows
                // ("Israeli officials" is a name run; "The ministry" is not).
                i = end.max(i + 1);
                continue;
            }
        }
        // "AP/File Dana Pettigrew": a common word run into a name that opens with a given
        // name, wherever it stands. (Not a title or role: "Senator Dana Smith".)
        while first + 1 < end
            && r.is_weak_start(first)
            && r.k.given_name(r.word(first + 1)).is_some()
            && !starts_known_name(r, first, end)
            && !r.k.is_title_word(r.word(first))
            && !r.k.is_role_noun(r.word(first))
            && !r.k.is_role_modifier(r.word(first))
            && !r.k.is_org_head(r.word(first))
        {
            first += 1;
        }
        // "on TV": an acronym of a common noun names nobody on its own.
        if end == first + 1 && r.k.is_common_acronym(strip_possessive(r.word(first))) {
            i = end;
            continue;
        }
        // "Trelmco, Inc. said": a legal form cut from its company's name by a comma names
        // nobody itself; it is the company's, so what follows it follows the company.
        if end == first + 1 && r.k.is_legal_form(r.word(first)) {
            if first >= 2
                && r.is_punct(first - 1, ",")
                && let Some(company) = mentions.last_mut()
                && company.last + 2 == first
                && !company.titled
                && company.role.is_none()
            {
                company.last = first;
                company.kind = NameKind::Organization;
            }
            i = end;
            continue;
        }
        // A name run ending in a possessive followed by a lower-case body noun phrase is a
        // descriptive body ("Israel's defense ministry").
        if let Some((m, next)) = possessive_body(r, first, end, paragraph) {
            mentions.push(m);
            i = next;
            continue;
        }
        if let Some(mut m) = interpret_run(r, first, end, paragraph) {
            for one in m.iter_mut() {
                let unknown = one.kind == NameKind::Unknown;
                // "told Le Figaro newspaper": a name before a word for a kind of
                // organisation is that organisation, unless a given name opens it or places
                // make it ("the Lyon-Grenoble group of troops").
                let named_by_kind =
                    matches!(one.kind, NameKind::Unknown | NameKind::Person)
                        && one.role.is_none()
                        && r.is_word(one.last + 1)
                        && !is_capitalised(r.word(one.last + 1))
                        && r.k.is_organisation_noun(r.word(one.last + 1))
                        && one.name.split_whitespace().next().is_some_and(|w| {
                            r.k.given_name(w).is_none() || r.k.is_name_connector(w)
                        })
                        && !one
                            .name
                            .split([' ', '-'])
                            .any(|w| r.k.country(w).is_some() || r.k.gazetteer().is_place_name(w));
                // "The New Yorker reports", "told The Daily Ledger": a person's name takes no
                // article, so a capitalised one opening the run makes it an outlet's or a
                // body's.
                // (A lower-case "the" before the run is not enough: "the Jane Doe campaign".)
                let after_article = (one.first == first + 1 && r.word(first) == "The"
                    || outlet_after_the && one.first == i + 1)
                    && one.kind == NameKind::Person
                    && one.role.is_none()
                    && !one.titled;
                if !one.title_only
                    && (unknown && named_as_a_thing(r, one.last) || named_by_kind || after_article)
                {
                    one.kind = NameKind::Organization;
                }
            }
            let place = m.len() == 1 && m[0].kind == NameKind::Place && !m[0].quoted;
            // "Cameron's leadership": a surname's, not a town's.
            let owner_is_surname = place && {
                let last = r.word(end - 1);
                strip_possessive(last) != last && r.k.is_common_surname(strip_possessive(last))
            };
            if place
                && !owner_is_surname
                && let Some((body_end, body_words)) = body_phrase(r, end)
            {
                // "Las Vegas police", "Colorado officials": a body of a place.
                let (body, _) = normalise_body(r.k, &body_words);
                let place_name = m[0].name.clone();
                let name = r.body[m[0].start..r.token(body_end - 1).end].to_string();
                let country =
                    r.k.country(&place_name)
                        .map(|c| c.code.clone())
                        .or_else(|| r.k.gazetteer().country_of(&place_name));
                let mut org = mention(
                    r,
                    paragraph,
                    first,
                    body_end,
                    &name,
                    NameKind::Organization,
                    false,
                );
                org.country = country;
                org.body = Some(format!("{body} of {}", crate::text::fold(&place_name)));
                org.plural = is_plural(r.word(body_end - 1));
                org.descriptive = true;
                mentions.extend(m);
                mentions.push(org);
                i = body_end;
                continue;
            }
            mentions.extend(m);
        }
        // A demonym run followed by a body noun ("Israeli officials", "Egyptian military").
        if end - first == 1
            && r.k.is_demonym(r.word(first))
            && let Some((m, next)) = descriptive_body(r, first, paragraph)
        {
            mentions.push(m);
            i = next;
            continue;
        }
        end = end.max(i + 1);
        i = end;
    }
    attach_roles(r, &mut mentions);
    mentions
}

/// "Boeing itself issued a statement": the reflexive English keeps for things, right after the
/// name that ends at token `last`. (", which" follows places as often as organisations.)
fn named_as_a_thing(r: &Reader, last: usize) -> bool {
    r.is_word(last + 1) && r.word(last + 1).eq_ignore_ascii_case("itself")
}

/// "Comair, which operates flights in Africa, announced": a speaker introduced with the
/// relative pronoun for things, never a person.
pub fn which_follows(r: &Reader, last: usize) -> bool {
    r.is_punct(last + 1, ",") && r.is_word(last + 2) && r.word(last + 2) == "which"
}

/// Whether the run from `i` begins with a known organisation, country or place of two words
/// or more ("New York Times", "New Mexico", "United Nations"), so its first word is no mere
/// sentence-initial capital.
fn starts_known_name(r: &Reader, i: usize, end: usize) -> bool {
    (i + 2..=end).any(|j| {
        let text = &r.body[r.token(i).start..r.token(j - 1).end];
        r.k.organization(text).is_some()
            || r.k.country_by_name(text).is_some()
            || r.k.gazetteer().is_place_name(text)
    })
}

/// "The Labor Department said": after a sentence-initial "The", capitalised words ending in an
/// organisation's head noun are its name, common words or not.
fn names_body_after_the(r: &Reader, i: usize, end: usize) -> bool {
    i > 0
        && r.is_word(i - 1)
        && r.word(i - 1) == "The"
        && end - i >= 2
        && (i..end).all(|t| r.is_word(t) && is_capitalised(r.word(t)))
        && r.k.is_org_head(r.word(end - 1))
}

/// Whether the run from `i` is a title, after any role modifiers, with a name after it
/// ("Deputy Attorney General X", "Former Vice President X"): common words, but the person's
/// role, not a sentence-initial capital to strip.
fn starts_title_before_name(r: &Reader, i: usize, end: usize) -> bool {
    let mut k = i;
    while k < end && r.is_word(k) && r.k.is_role_modifier(r.word(k)) {
        k += 1;
    }
    let ws = words(r, k, end);
    r.k.title_at(&ws).is_some_and(|n| n < ws.len())
}

/// The names of events in a paragraph: the capitalised words after an event head
/// ("Hurricane Harvey", "Tropical Storm Irma", "Operation Desert Shield" give "Harvey",
/// "Irma", "Desert Shield"). They name no person and no place, here or anywhere in the article.
pub fn event_names(r: &Reader) -> Vec<String> {
    let mut out = Vec::new();
    for t in 0..r.len() {
        if !(r.is_word(t) && is_capitalised(r.word(t)) && r.k.is_event_head(r.word(t))) {
            continue;
        }
        let mut end = t + 1;
        while end < r.len()
            && end - t <= 3
            && r.is_name_word(end)
            && !r.k.is_event_head(r.word(end))
        {
            end += 1;
        }
        if end > t + 1 {
            let words: Vec<&str> = (t + 1..end).map(|i| strip_possessive(r.word(i))).collect();
            out.push(words.join(" "));
        }
    }
    out
}

/// Sentence-initial words that look like common words but are the surname of somebody named
/// in full elsewhere in the article ("Brewer, who was to visit Prescott, said ...").
pub fn add_initial_surnames(
    r: &Reader,
    paragraph: usize,
    surnames: &[String],
    mentions: &mut Vec<Mention>,
) {
    for s in 0..r.para.sentences.len() {
        let range = r.para.sentences[s].clone();
        let Some(i) = range.clone().find(|&t| r.is_word(t)) else {
            continue;
        };
        if !r.is_name_word(i)
            || r.quoted[i]
            || mentions
                .iter()
                .any(|m| m.paragraph == paragraph && m.first <= i && i <= m.last)
        {
            continue;
        }
        let w = strip_possessive(r.word(i));
        let next_is_name = r.is_name_word(i + 1);
        if !next_is_name && surnames.iter().any(|sn| *sn == translit_key(w)) {
            let mut m = mention(r, paragraph, i, i + 1, w, NameKind::Person, false);
            m.titled = false;
            mentions.push(m);
        }
    }
    mentions.sort_by_key(|m| (m.paragraph, m.first));
}

/// The end (exclusive) of the run of name words starting at `i`.
fn chunk_end(r: &Reader, i: usize) -> usize {
    let sentence = r.para.sentence_of(i);
    let mut j = i + 1;
    loop {
        if j >= r.len() || r.para.sentence_of(j) != sentence {
            return j;
        }
        let prev = r.word(j - 1);
        // Days and months end a name: "President Obama Friday said".
        if is_calendar_word(r.word(j)) {
            return j;
        }
        // "Image copyright Getty Images Image caption Hundreds fled": a photo credit left in
        // the text by the page it was copied from ends the name before it.
        if j + 1 < r.len() && r.is_word(j + 1) && r.k.is_credit_phrase(r.word(j), r.word(j + 1)) {
            return j;
        }
        // "Max Deliveries The 737 Max is", "those D-boys I walked past": a capitalised
        // determiner or pronoun starts a sentence or clause of its own. After a given name "I"
        // is a numeral: "Elizabeth I".
        if r.is_name_word(j)
            && r.k.is_function_word(r.word(j))
            && !(r.word(j) == "I" && r.k.given_name(prev).is_some())
        {
            return j;
        }
        // "Joe Manchin Joseph Manchin III", "Joe Biden Joe BidenBiden": link hover text
        // copied with the page repeats the name; a name that starts over ends the first.
        if r.is_name_word(j) && restates_given_name(r, i, j) {
            return j;
        }
        // "Sen. Dana Voss [link card] Jr. (D)": a name never runs over text left out of the
        // tokens, or its words would be the card's.
        if r.para.skips_between(r.token(j - 1).end, r.token(j).start) {
            return j;
        }
        // "Israel's Defence Ministry" continues; "Gaza's residents" stops after Gaza's.
        if r.is_name_word(j) {
            if r.para.tokens[j].start > r.para.tokens[j - 1].end
                || r.para.tokens[j - 1].kind == TokenKind::Word
            {
                j += 1;
                continue;
            }
            return j;
        }
        // Middle initials: "George W. Bush", "Roy W. Spencer"; a leading one before a given
        // name or another initial: "W. Joseph Campbell", "J. K. Rowling".
        let leading_initial = |next: usize| {
            r.k.given_name(r.word(next)).is_some()
                || r.word(next).len() == 1 && r.is_punct(next + 1, ".")
        };
        if r.is_punct(j, ".")
            && r.para.tokens[j].start == r.para.tokens[j - 1].end
            && prev.len() == 1
            && prev.chars().all(|c| c.is_ascii_uppercase())
            && j + 1 < r.len()
            && (j > i + 1 || leading_initial(j + 1))
            && r.para.sentence_of(j + 1) == sentence
            && r.is_name_word(j + 1)
        {
            j += 2;
            continue;
        }
        // Abbreviated titles: "Gov. Jan Brewer", "Mr. Netanyahu", "Lt. Gen. Smith".
        if r.is_punct(j, ".")
            && r.para.tokens[j].start == r.para.tokens[j - 1].end
            && (r.k.is_title_word(prev) || r.k.is_title_word(&format!("{prev}.")))
            && r.is_name_word(j + 1)
        {
            j += 2;
            continue;
        }
        // "Port St. Lucie", "Basilica of St. Francis": the full stop of an abbreviation that
        // opens a word of a name is inside the name.
        if r.is_punct(j, ".")
            && r.para.tokens[j].start == r.para.tokens[j - 1].end
            && r.k.is_name_abbreviation(prev)
            && j + 1 < r.len()
            && r.para.sentence_of(j + 1) == sentence
            && r.is_name_word(j + 1)
            && !r.k.is_function_word(r.word(j + 1))
        {
            j += 2;
            continue;
        }
        // "Oil & Gas Journal", "Procter & Gamble": an ampersand joins the parts of one name,
        // where "and" may join two ("Israel and Hamas").
        if r.word(j) == "&" && j + 1 < r.len() && r.is_name_word(j + 1) {
            j += 2;
            continue;
        }
        // "Department of Health and Human Services", "Centers for Disease Control and
        // Prevention": after an organisation's head and its "of" or "for", "and" joins the
        // parts of one name, where elsewhere it joins two ("Israel and Hamas").
        if r.word(j) == "and"
            && heads_a_complement(r, i, j)
            && let Some(end) = complement_tail_end(r, j + 1, sentence)
        {
            j = end;
            continue;
        }
        // "Food and Drug Administration", "National Aeronautics and Space Administration":
        // common words on both sides of "and", and an organisation's head at the end.
        if r.word(j) == "and"
            && let Some(end) = headed_pair_end(r, i, j, sentence)
        {
            j = end;
            continue;
        }
        // Connectors inside names: "Society for the Protection of Birds", "Ministry of Defense".
        if r.is_word(j) && r.k.is_name_connector(r.word(j)) && !matches!(r.word(j), "and" | "&") {
            let mut k = j + 1;
            while k < r.len() && r.is_word(k) && r.k.is_name_connector(r.word(k)) && k - j < 2 {
                k += 1;
            }
            let of_country_or_name = k < r.len() && r.is_name_word(k) && !prev.ends_with("'s");
            if of_country_or_name && !r.is_quote_mark(k - 1) {
                j = k + 1;
                continue;
            }
        }
        return j;
    }
}

/// Whether the run from `i` to before `j` holds an organisation's head followed by "of" or
/// "for": "Department of Health", "Centers for Disease Control".
fn heads_a_complement(r: &Reader, i: usize, j: usize) -> bool {
    (i..j.saturating_sub(1))
        .any(|t| r.k.is_org_head(r.word(t)) && matches!(r.word(t + 1), "of" | "for"))
}

/// The end of the one to three capitalised words after "and" that close an organisation's
/// name ("... and Human Services"), or None when what follows is a name of its own: a
/// person's ("and Attorney General Jeff Sessions"), an acronym, another "X of Y", or a list
/// that goes on.
fn complement_tail_end(r: &Reader, start: usize, sentence: usize) -> Option<usize> {
    let mut k = start;
    while k < r.len() && r.para.sentence_of(k) == sentence && r.is_name_word(k) && !r.quoted[k] {
        let w = r.word(k);
        if r.k.given_name(w).is_some()
            || r.k.is_title_word(w)
            || is_acronym(w)
            || r.k.is_function_word(w)
        {
            return None;
        }
        k += 1;
    }
    let words = k - start;
    let ends_cleanly =
        k >= r.len() || !(r.is_word(k) && (r.k.is_name_connector(r.word(k)) || r.is_name_word(k)));
    ((1..=3).contains(&words) && ends_cleanly).then_some(k)
}

/// The end of "<words> and <words> <Head>" when the run from `i` to the "and" at `j` and the
/// words after it are capitalised common words ("Securities and Exchange Commission"), not
/// names of their own ("Google and Apple Inc", "Trump and Clinton Foundation").
fn headed_pair_end(r: &Reader, i: usize, j: usize, sentence: usize) -> Option<usize> {
    let plain = |t: usize| {
        r.is_name_word(t)
            && !r.quoted[t]
            && r.k.given_name(r.word(t)).is_none()
            && r.k.is_common_word(&r.word(t).to_lowercase())
    };
    if !(1..=3).contains(&(j - i)) || !(i..j).all(plain) {
        return None;
    }
    let mut k = j + 1;
    while k < r.len() && k - j <= 3 && r.para.sentence_of(k) == sentence && r.is_name_word(k) {
        if r.k.is_org_head(r.word(k)) {
            return (k == j + 1 || (j + 1..k).all(plain)).then_some(k + 1);
        }
        k += 1;
    }
    None
}

/// The first given name in the run from `i` to before `j`, after any title ("Sen. Joe").
fn opening_given_name(r: &Reader, i: usize, j: usize) -> Option<usize> {
    (i..j).find(|&t| r.is_word(t) && r.k.given_name(r.word(t)).is_some())
}

/// Whether the word at `j`, two words or more after the given name that opened the run at
/// `i`, gives it again: the same word, its full form ("Joe" ... "Joseph", "Dick" ...
/// "Richard"), or a longer name it begins ("Chris" ... "Christopher").
fn restates_given_name(r: &Reader, i: usize, j: usize) -> bool {
    // The same capitalised word twice, whatever the data knows of it: "Tulsi Gabbard Tulsi".
    // ("Flake Jeff Flake" is a stray surname before the name, not the name starting over.)
    let starts_over = |t: usize| {
        r.is_word(t)
            && r.word(t) == r.word(j)
            && r.is_word(t + 1)
            && r.k.given_name(r.word(t + 1)).is_none()
    };
    if (i..j.saturating_sub(1)).any(starts_over) {
        return true;
    }
    // Asked at every word of a name: look back for the opening given name only when this
    // word is one.
    let again = r.word(j);
    if r.k.given_name(again).is_none() {
        return false;
    }
    let Some(g) = opening_given_name(r, i, j) else {
        return false;
    };
    let first = r.word(g);
    if j < g + 2 {
        return false;
    }
    first == again
        || r.k.full_given_name(first) == crate::text::fold(again)
        || first.len() >= 3 && again.len() > first.len() && again.starts_with(first)
}

/// Names of days and months, which follow names without being part of them.
pub fn is_weekday_name(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

pub fn is_calendar_word(w: &str) -> bool {
    matches!(
        strip_possessive(w).trim_end_matches('.'),
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

/// Reads a run of name words `[first, end)` into one or two mentions (an organisation used as
/// a modifier before a person is returned too).
/// The person named at the end of a run that opens with a title or role "of" a body: the last
/// two or three words, opening with a given name, after at least one word of the body. The
/// title and its body are the person's role.
fn titled_holder_at_end(
    r: &Reader,
    start: usize,
    end: usize,
    paragraph: usize,
    quoted: bool,
) -> Option<Mention> {
    // The title may follow a word or two of the place or body it serves: "Watertown Chief
    // of Police Edward Deveau".
    let titled = |t: usize| {
        r.is_word(t) && {
            let w = r.word(t);
            r.k.title_at(&[w]).is_some() || r.k.is_role_noun(w)
        }
    };
    let title = (start..(start + 3).min(end)).find(|&t| titled(t))?;
    let of = (title + 1..end).find(|&j| r.is_word(j) && r.word(j) == "of")?;
    let after_of: Vec<usize> = (of + 1..end).filter(|&t| r.is_word(t)).collect();
    [3, 2].into_iter().find_map(|n| {
        if after_of.len() <= n {
            return None;
        }
        let name = &after_of[after_of.len() - n..];
        let holds = r.k.given_name(r.word(name[0])).is_some()
            && name.iter().all(|&t| {
                let w = r.word(t);
                is_capitalised(w) && !r.k.is_org_head(w) && !r.k.is_name_connector(w)
            });
        if !holds {
            return None;
        }
        let from = name[0];
        let text = r.body[r.token(from).start..r.token(end - 1).end].to_string();
        let mut m = mention(r, paragraph, from, end, &text, NameKind::Person, quoted);
        m.full_first = start;
        m.role = Some(r.body[r.token(start).start..r.token(from - 1).end].to_string());
        m.titled = true;
        Some(m)
    })
}

fn interpret_run(r: &Reader, first: usize, end: usize, paragraph: usize) -> Option<Vec<Mention>> {
    // "Members of Congress", "Shares of Acme Corp. fell": the name starts after the "of".
    if first + 2 < end
        && r.is_word(first)
        && r.is_word(first + 1)
        && r.word(first + 1) == "of"
        && r.k.is_partitive_word(r.word(first))
    {
        let mut mentions = interpret_run(r, first + 2, end, paragraph)?;
        if let Some(m) = mentions.first_mut() {
            m.partitive = Some(first);
        }
        return Some(mentions);
    }
    let name_end = before_name_suffix(r, first, end)?;
    let mut mentions = read_run(r, first, name_end, paragraph)?;
    // The suffix stays in the person's tokens, so that what follows it ("..., Sr., said")
    // still follows the person; the name and its bytes leave it out. Only people carry one,
    // so a lone surname before it ("Kettler III") is a person's.
    if name_end < end
        && let Some(m) = mentions.last_mut()
        && m.last + 1 == name_end
        && matches!(m.kind, NameKind::Person | NameKind::Unknown)
    {
        m.kind = NameKind::Person;
        m.last = end - 1;
    }
    Some(mentions)
}

/// A mention of an office with nobody named: "the Secretary of State", "Mr. President".
fn title_only(
    r: &Reader,
    paragraph: usize,
    (start, end): (usize, usize),
    display: &str,
    quoted: bool,
    country: Option<String>,
) -> Mention {
    let mut m = mention(r, paragraph, start, end, display, NameKind::Unknown, quoted);
    m.title_only = true;
    m.country = country;
    m
}

/// "R-Pennsylvania", "D-Wash": a party label whose second part names a region, which "Wu
/// I-Fang" does not.
pub fn is_party_and_state(k: &Knowledge, word: &str) -> bool {
    k.is_party_label(word)
        && word.split_once('-').is_some_and(|(_, state)| {
            let g = k.gazetteer();
            g.region_abbreviation(&format!("{state}.")).is_some()
                || g.lookup(state)
                    .iter()
                    .any(|&i| g.place(i).kind == crate::knowledge::gazetteer::PlaceKind::Region)
        })
}

/// A mention of an organisation the lexicon knows, under its own name and country.
fn known_organisation(
    r: &Reader,
    paragraph: usize,
    (start, end): (usize, usize),
    org: &crate::knowledge::KnownOrganization,
    quoted: bool,
) -> Mention {
    mention(
        r,
        paragraph,
        start,
        end,
        &org.name,
        NameKind::Organization,
        quoted,
    )
    .with_country(org.country.clone())
    .with_body(Some(fold(&org.name)))
}

/// The mentions a capitalised run from `first` to before `end` holds.
fn read_run(r: &Reader, first: usize, end: usize, paragraph: usize) -> Option<Vec<Mention>> {
    let quoted = r.quoted[first];
    let mut start = first;
    // Leading determiner: "The Institute for ...", and "A Monmouth University poll" opening a
    // sentence, following a dateline's "(CNN)" or a caption's lower-case words (a lone capital
    // "A" after a capitalised word is an initial: "John A Smith").
    let initial = r.is_punct(start + 1, ".");
    let article = matches!(r.word(start), "A" | "An")
        && (r.sentence_start(start)
            || start == 0
            || !(initial || r.is_word(start - 1) && is_capitalised(r.word(start - 1))));
    let determiner = matches!(r.word(start), "The" | "the") || article;
    if start < end && determiner && end - start > 1 {
        start += 1;
    } else if article {
        // "A recent poll": the article alone is no name.
        return None;
    }
    // "R-Texas", "D-New York": a party and state label after a legislator's name, not a name,
    // also when no comma parts it from the name ("Chairman Bill Shuster R-Pennsylvania").
    if r.k.is_party_label(r.word(start)) {
        return None;
    }
    let end = (start + 2..end)
        .find(|&t| is_party_and_state(r.k, r.word(t)))
        .unwrap_or(end);
    let text_of =
        |a: usize, b: usize| -> String { r.body[r.token(a).start..r.token(b - 1).end].to_string() };
    let whole = text_of(start, end);

    // Known organisations by name: "Reuters", "Hamas", "the U.N.".
    if let Some(org) = r.k.organization(&whole).or_else(|| {
        (first < start)
            .then(|| r.k.organization(&text_of(first, end)))
            .flatten()
    }) {
        return Some(vec![known_organisation(
            r,
            paragraph,
            (start, end),
            org,
            quoted,
        )]);
    }

    // "William Walker of Ontario", "Rep. Peter King of New York", "Charles Gabriel of Capital
    // Alpha Partners": a person from a place or of an organisation.
    if let Some(split) = (start + 2..end).find(|&j| matches!(r.word(j), "of" | "from")) {
        let all_left = words(r, start, split);
        let title = r.k.title_at(&all_left).filter(|&n| n < all_left.len());
        let left = &all_left[title.unwrap_or(0)..];
        let right = text_of(split + 1, end);
        let place_after =
            r.k.country_by_name(&right).is_some() || r.k.gazetteer().is_place_name(&right);
        let org_after = words(r, split + 1, end)
            .iter()
            .any(|w| r.k.is_org_head(w) && is_capitalised(w));
        // A given name the lexicon does not know still opens a person's name when no word of
        // it is a common word and a known place follows ("Basanta Adhikari of Biratnagar").
        let uncommon_name = || {
            left.iter()
                .all(|w| !r.k.is_common_word(&w.to_lowercase()) && r.k.country(w).is_none())
                && plausible_personal_name(r.k, &left.join(" "))
        };
        if (place_after || org_after)
            && (2..=3).contains(&left.len())
            && (r.k.given_name(left[0]).is_some() || place_after && uncommon_name())
            && !left.iter().any(|w| r.k.is_org_head(w))
        {
            let left_tokens: Vec<usize> = (start..split).filter(|&t| r.is_word(t)).collect();
            let name_from = left_tokens[title.unwrap_or(0)];
            let name = text_of(name_from, split);
            let mut m = mention(
                r,
                paragraph,
                name_from,
                split,
                &name,
                NameKind::Person,
                quoted,
            );
            m.full_first = start;
            m.role = title.map(|_| text_of(start, name_from));
            m.titled = title.is_some();
            let mut found = vec![m];
            if org_after && let Some(org) = interpret_run(r, split + 1, end, paragraph) {
                found.extend(org);
            }
            return Some(found);
        }
    }

    // "Member of Parliament Tom Tugendhat", "President of the European Council Donald Tusk":
    // a title and the body it is of, run into the name of who holds it.
    if let Some(person) = titled_holder_at_end(r, start, end, paragraph, quoted) {
        return Some(vec![person]);
    }

    // A possessive inside the run that is not a country's: the run is the possessor and what
    // it owns ("Obama's Christmas" → Obama), unless it owns an organisation.
    if let Some(k) =
        (start..end - 1).find(|&t| r.is_word(t) && strip_possessive(r.word(t)) != r.word(t))
    {
        let owned = words(r, k + 1, end);
        let owns_org = owned
            .iter()
            .any(|w| r.k.is_org_head(w) && is_capitalised(w));
        // "St. Peter's Square", "St. Mark's Basilica": a saint owning a lone place word names
        // a landmark, all of it. Other possessors own their houses and centres ("the GOP's
        // House", "Haniya's Gaza City").
        let owns_place = matches!(owned.as_slice(), [w] if is_capitalised(w) && r.k.is_place_suffix(w))
            && r.k.is_name_abbreviation(r.word(start))
            && r.is_punct(start + 1, ".")
            && k == start + 2;
        if owns_place {
            return Some(vec![mention(
                r,
                paragraph,
                start,
                end,
                &whole,
                NameKind::Unknown,
                quoted,
            )]);
        }
        if r.k.country(r.word(k)).is_none() && !owns_org {
            let mut found = interpret_run(r, start, k + 1, paragraph).unwrap_or_default();
            // "CNN's Chris Cuomo said", "BuzzFeed's Anne Helen Petersen wrote": what it owns
            // is a person when it reads as a name with no common word in it ("Obama's
            // Christmas Message" owns a message).
            let person_owned = (2..=4).contains(&owned.len())
                && plausible_personal_name(r.k, &owned.join(" "))
                && owned.iter().enumerate().all(|(i, w)| {
                    r.k.given_name(w).is_some()
                        || i > 0 && r.k.is_common_surname(w)
                        || !r.k.is_common_word(&strip_possessive(w).to_lowercase())
                });
            // "Penn State's Mr. Mann": a title and name owned are read as any other run; so is
            // a landmark ("London's Trafalgar Square").
            let titled = r.k.title_at(&owned).is_some_and(|n| n < owned.len());
            let landmark = owned.len() >= 2
                && owned
                    .last()
                    .is_some_and(|w| is_capitalised(w) && r.k.is_place_suffix(w));
            if person_owned || titled || landmark {
                for mut m in interpret_run(r, k + 1, end, paragraph).unwrap_or_default() {
                    if m.kind == NameKind::Unknown && person_owned {
                        m.kind = NameKind::Person;
                    }
                    found.push(m);
                }
            }
            return (!found.is_empty()).then_some(found);
        }
    }

    // Modifiers: a country possessive or adjective ("Israel's", "Egyptian", "U.S.").
    let mut name_start = start;
    let mut country: Option<String> = None;
    while name_start < end - 1 {
        let w = r.word(name_start);
        let possessive = strip_possessive(w) != w;
        match r.k.country(w) {
            Some(c)
                if possessive
                    || r.k.is_demonym(w)
                    || is_acronym(w)
                    || r.k.title_at(&words(r, name_start + 1, end)).is_some()
                    || words(r, name_start + 1, end)
                        .iter()
                        .any(|x| r.k.is_org_head(x) && is_capitalised(x)) =>
            {
                country = Some(c.code.clone());
                name_start += 1;
            }
            _ => break,
        }
    }

    // A title or role inside the run: the last one splits role from name
    // ("Defense Minister Moshe Yaalon", "Secretary of State John Kerry").
    let ws = words(r, name_start, end);
    let mut split = None;
    let mut p = 0;
    while p < ws.len() {
        // "Peter King of New York", "Stephen King Jr.", "Martin L. King": a title word after
        // a given name (and its initials) and before no further name is a surname ("South
        // Carolina Sen. Lindsey Graham" is not).
        let is_initial = |w: &str| w.trim_end_matches('.').chars().count() == 1;
        let surname = ws[..p]
            .iter()
            .rev()
            .find(|w| !is_initial(w))
            .is_some_and(|w| r.k.given_name(w).is_some())
            && ws
                .get(p + 1)
                .is_none_or(|w| !is_capitalised(w) || r.k.is_name_suffix(w));
        let title_len = (!surname)
            .then(|| {
                r.k.title_at(&ws[p..])
                    .or_else(|| (r.k.is_role_noun(ws[p]) && is_capitalised(ws[p])).then_some(1))
            })
            .flatten();
        if let Some(len) = title_len {
            if p + len < ws.len() {
                split = Some((p, len));
            }
            p += len;
        } else {
            p += 1;
        }
    }
    if let Some((p, len)) = split {
        // `ws` holds only the words; map back to token indices (dots of "Gov." are tokens).
        let word_tokens: Vec<usize> = (name_start..end).filter(|&t| r.is_word(t)).collect();
        let name_from = word_tokens[p + len];
        let mut name_words = &ws[p + len..];
        let mut end = end;
        // "Rabbi X Y of Boston's Temple Israel", "President Xi of China": the name stops at
        // "of"; a one-word name only before a place.
        let place_after = |cut: usize| {
            name_words[cut + 1..].first().is_some_and(|w| {
                let w = strip_possessive(w);
                r.k.country(w).is_some() || r.k.gazetteer().is_place_name(w)
            }) || name_words.len() > cut + 2
                && r.k
                    .country(&name_words[cut + 1..cut + 3].join(" "))
                    .is_some()
        };
        if let Some(cut) = name_words
            .iter()
            .position(|w| matches!(*w, "of" | "from"))
            .filter(|&cut| (2..=3).contains(&cut) || cut == 1 && place_after(cut))
        {
            end = word_tokens[p + len + cut];
            name_words = &name_words[..cut];
        }
        // "Mr. President", "Madam Speaker": a courtesy title before an office is how someone
        // is addressed, not a person called "President". A title that is also a surname
        // ("Mr. King", "Mr. Bishop") stays a name, and so does a role noun ("Mr. Niece").
        let addressed_by_office = name_words.iter().all(|w| {
            let w = strip_possessive(w);
            r.k.title_at(&[w]).is_some() && !r.k.is_common_surname(w)
        });
        if addressed_by_office {
            let display = strip_possessive(&text_of(start, end)).to_string();
            return Some(vec![title_only(
                r,
                paragraph,
                (start, end),
                &display,
                quoted,
                country,
            )]);
        }
        // "The Speaker of the House, X,": what follows a title is a name only when it starts
        // with a capital.
        let looks_like_name = name_words.len() <= 4
            && name_words
                .first()
                .is_some_and(|w| is_capitalised(w) || particle_surname(r.k, w).is_some())
            && !name_words.iter().any(|w| is_brand_word(r.k, w))
            && name_words
                .iter()
                .all(|w| !r.k.is_org_head(w) && !is_acronym(w) || w.len() <= 2)
            && !name_words
                .iter()
                .any(|w| r.k.country(w).is_some() && name_words.len() == 1 && r.k.is_demonym(w));
        if looks_like_name && !r.k.is_org_head(name_words[name_words.len() - 1]) {
            // The role is the title and the role words just before it ("Deputy Attorney
            // General", "U.S. President"), not the whole capitalised run: "Lawyers for
            // President X" and "Critics of Mr. X" start their sentences, not X's role.
            let mut q = p;
            while q > 0
                && (r.k.is_role_modifier(ws[q - 1])
                    || r.k.is_role_noun(ws[q - 1])
                    || r.k.title_at(&ws[q - 1..]).is_some())
            {
                q -= 1;
            }
            let role_from = if q == 0 { first } else { word_tokens[q] };
            let role = text_of(role_from, name_from);
            // "The President", "A President X would ...": the article is no part of the role.
            let role = ["The ", "the ", "A ", "An "]
                .iter()
                .fold(role.as_str(), |role, article| {
                    role.strip_prefix(article).unwrap_or(role)
                })
                .to_string();
            // "Mr.", and "U.S. Mr." with a country in front: courtesy, not a role.
            let honorific = q == p && r.k.is_honorific(&ws[p..p + len].join(" "));
            let role = (!honorific).then_some(role);
            let name = strip_possessive(&text_of(name_from, end)).to_string();
            let mut m = mention(
                r,
                paragraph,
                name_from,
                end,
                &name,
                NameKind::Person,
                quoted,
            );
            m.full_first = first;
            m.role = role;
            m.titled = true;
            m.country = country;
            return Some(vec![m]);
        }
    }

    let name_words = words(r, name_start, end);
    let display = strip_possessive(&whole).to_string();
    // A title with no name after it: "the Secretary of State", "the President".
    if r.k.title_at(&name_words) == Some(name_words.len()) {
        return Some(vec![title_only(
            r,
            paragraph,
            (start, end),
            &display,
            quoted,
            country,
        )]);
    }
    // Organisations by their head nouns: "Defence Ministry", "Ministry of Defense of Israel".
    // Names joined by an ampersand are a firm's ("Karen Clark & Co", "Power & Light").
    if name_words
        .iter()
        .any(|w| r.k.is_org_head(strip_possessive(w)) && is_capitalised(w))
        || display.contains(" & ")
    {
        // "the Associated Press's reporters": a known organisation in the possessive is that
        // organisation, not a second one named like it.
        if let Some(org) = r.k.organization(strip_possessive(&display)) {
            return Some(vec![known_organisation(
                r,
                paragraph,
                (start, end),
                org,
                quoted,
            )]);
        }
        let (body, of_country) = org_body(r, &name_words);
        let country = country.or(of_country);
        return Some(vec![
            mention(
                r,
                paragraph,
                start,
                end,
                &display,
                NameKind::Organization,
                quoted,
            )
            .with_country(country)
            .with_body(Some(body)),
        ]);
    }

    // Countries and places.
    if r.k.country_by_name(&display).is_some() || r.k.gazetteer().is_place_name(&display) {
        return Some(vec![mention(
            r,
            paragraph,
            start,
            end,
            &display,
            NameKind::Place,
            quoted,
        )]);
    }

    // "REUTERS/Jane Roe", "Jane Roe/AP/Landov": a photographer's credit, glued by a slash to
    // the agency, names nobody in the story.
    let kind = if glued_to_slash(r, start, end) {
        NameKind::Unknown
    } else {
        person_or_unknown(r, &name_words, start)
    };
    let mut m = mention(
        r,
        paragraph,
        name_start,
        end,
        strip_possessive(&text_of(name_start, end)),
        kind,
        quoted,
    );
    m.country = country;
    Some(vec![m])
}

/// Where a name run ends without its generational suffix: "Robert S. Kettler III" is the
/// Robert S. Kettler that "Kettler" and "Robert Kettler" name elsewhere, and "III" is no
/// surname. "Jr" stays, as it tells a son from his father, who may be in the news too. A
/// regnal number stays ("Elizabeth II", "John Paul II": a numeral after a given name), so
/// does a suffix after a common word ("World War II"), and a suffix standing alone (after
/// the comma of "King, Jr.") is no name at all.
fn before_name_suffix(r: &Reader, start: usize, end: usize) -> Option<usize> {
    let last = end - 1;
    if !r.is_word(last) || !r.k.is_name_suffix(r.word(last)) {
        return Some(end);
    }
    if last == start {
        return None;
    }
    if r.k.is_junior_suffix(r.word(last)) {
        return Some(end);
    }
    let numeral = r.word(last).chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    let before = r.word(last - 1);
    let names_before = (start..last)
        .filter(|&t| r.is_word(t) && r.word(t).chars().count() > 1)
        .count();
    // Popes and monarchs go without middle initials.
    let initial = (start..last).any(|t| r.is_word(t) && r.word(t).chars().count() == 1);
    let regnal = numeral && !initial && r.k.given_name(before).is_some();
    let after_surname = r.is_word(last - 1) && !r.k.is_common_word(&before.to_lowercase());
    let drop = names_before >= 1 && !regnal && after_surname;
    Some(if drop { last } else { end })
}

/// Whether the name in tokens `start..end` touches a slash with no space between.
fn glued_to_slash(r: &Reader, start: usize, end: usize) -> bool {
    let touching = |a: usize, b: usize| r.para.tokens[a].end == r.para.tokens[b].start;
    start > 0 && r.is_punct(start - 1, "/") && touching(start - 1, start)
        || end < r.len() && r.is_punct(end, "/") && touching(end - 1, end)
}

/// Whether the words read as a person's name.
fn person_or_unknown(r: &Reader, words: &[&str], first: usize) -> NameKind {
    if words.is_empty() || words.len() > 4 {
        return NameKind::Unknown;
    }
    // "U.S. Army" is no person; "George H.W. Bush" is, the initials following a given name.
    let initials = |i: usize, w: &str| {
        i > 0
            && r.k.given_name(words[0]).is_some()
            && w.split_terminator('.').all(|p| p.len() == 1)
            && w.ends_with('.')
    };
    if words
        .iter()
        .enumerate()
        .any(|(i, w)| is_acronym(w) && w.len() > 2 && !initials(i, w))
    {
        return NameKind::Unknown;
    }
    // "Hurricane Harvey", "Tropical Storm Harvey": an event's name; "Paris Agreement",
    // "Jones Act": a document's.
    if words[..words.len() - 1]
        .iter()
        .any(|w| r.k.is_event_head(w))
        || words.len() > 1 && r.k.is_document_head(words[words.len() - 1])
    {
        return NameKind::Unknown;
    }
    if words.len() == 1 {
        let w = strip_possessive(words[0]);
        if r.k.is_group_word(w) || r.k.country(w).is_some() {
            return NameKind::Unknown;
        }
        let titled = first > 0 && r.is_word(first - 1) && r.k.is_title_word(r.word(first - 1));
        return if titled {
            NameKind::Person
        } else {
            NameKind::Unknown
        };
    }
    // "Order of Canada", "Secretary of State": organisation-style connectors and place names
    // do not occur inside personal names.
    let connector = words
        .iter()
        .any(|w| matches!(*w, "of" | "for" | "the" | "and" | "&" | "on" | "at" | "in"));
    // A surname that is also a town ("Imran Khan", "Jesse Jackson") after a given name is
    // still a surname.
    // Leading initials do not hide the given name: "J. Edgar Hoover".
    let is_initial = |w: &str| w.ends_with('.') && w.split_terminator('.').all(|p| p.len() == 1);
    let given_first = words
        .iter()
        .find(|w| !is_initial(w))
        .is_some_and(|w| r.k.given_name(w).is_some());
    let place_word = words.iter().enumerate().any(|(i, w)| {
        r.k.country(w).is_some()
            || r.k.gazetteer().is_place_name(w)
                && words.len() > 1
                && r.k.given_name(w).is_none()
                && !(i > 0 && given_first && r.k.is_common_surname(w))
    });
    let street = words.last().is_some_and(|w| r.k.is_place_suffix(w));
    if connector || place_word || street {
        return NameKind::Unknown;
    }
    let given = given_first;
    let all_common = words
        .iter()
        .all(|w| r.k.is_common_word(&strip_possessive(w).to_lowercase()));
    let has_demonym = words
        .iter()
        .any(|w| r.k.is_party_word(w) || r.k.is_group_word(w) && !given);
    // "Show Hide Boeing", "File Barronelle Stutzman": a personal name opens with a given name
    // or with a word that is no common word; page furniture and photo credits run into names
    // with common words.
    let common_opener = words.iter().find(|w| !is_initial(w)).is_some_and(|w| {
        r.k.is_common_word(&strip_possessive(w).to_lowercase())
            && r.k.given_name(w).is_none()
            && !r.k.is_common_surname(w)
            && !r.k.is_role_noun(w)
    });
    // "Simon DonnellyWatchdog": two words glued by a page's copy make no name.
    let glued = words.iter().any(|w| is_brand_word(r.k, w));
    if has_demonym || (all_common && !given) || common_opener || glued {
        return NameKind::Unknown;
    }
    NameKind::Person
}

/// An organisation's body, normalised so that word order and spelling variants meet:
/// "Defence Ministry" and "Ministry of Defense" → "ministry of defense". Also returns the
/// country named in an "of <Country>" tail ("Ministry of Defense of Israel").
pub fn org_body(r: &Reader, words: &[&str]) -> (String, Option<String>) {
    normalise_body(r.k, words)
}

pub fn normalise_body(k: &Knowledge, words: &[&str]) -> (String, Option<String>) {
    let mut ws: Vec<String> = words
        .iter()
        .map(|w| {
            let lower = strip_possessive(w).to_lowercase();
            k.american_spelling(&lower)
                .map(str::to_string)
                .unwrap_or(lower)
        })
        .collect();
    let mut country = None;
    // "... of Israel": the country in the tail.
    if ws.len() >= 3
        && ws[ws.len() - 2] == "of"
        && let Some(c) = k.country(words[words.len() - 1])
    {
        country = Some(c.code.clone());
        ws.truncate(ws.len() - 2);
    }
    ws.retain(|w| w != "the");
    // "defense ministry" → "ministry of defense": put a trailing head first.
    if ws.len() >= 2 {
        let last = ws[ws.len() - 1].clone();
        if k.is_org_head(&last) && !ws.iter().any(|w| w == "of" || w == "for") {
            ws.pop();
            let rest = ws.join(" ");
            return (format!("{last} of {rest}"), country);
        }
    }
    (ws.join(" "), country)
}

/// `country's <lower-case body phrase>`: "Israel's defense ministry".
fn possessive_body(
    r: &Reader,
    first: usize,
    end: usize,
    paragraph: usize,
) -> Option<(Mention, usize)> {
    if end - first != 1 {
        return None;
    }
    let w = r.word(first);
    if strip_possessive(w) == w {
        return None;
    }
    let country = r.k.country(w)?;
    let (body_end, body_words) = body_phrase(r, end)?;
    let (body, _) = normalise_body(r.k, &body_words);
    let name = r.body[r.token(first).start..r.token(body_end - 1).end].to_string();
    let mut m = mention(
        r,
        paragraph,
        first,
        body_end,
        &name,
        NameKind::Organization,
        r.quoted[first],
    );
    m.country = Some(country.code.clone());
    m.plural = is_plural(r.word(body_end - 1));
    m.body = Some(body);
    m.descriptive = true;
    Some((m, body_end))
}

/// `[the] <Demonym> <body noun>`: "the Egyptian military", "Israeli officials".
fn descriptive_body(r: &Reader, i: usize, paragraph: usize) -> Option<(Mention, usize)> {
    let mut at = i;
    if r.is_word(at) && matches!(r.word(at), "the" | "The") {
        at += 1;
    }
    if !r.is_word(at) || !r.k.is_demonym(r.word(at)) {
        return None;
    }
    let country = r.k.country(r.word(at))?.code.clone();
    let (body_end, body_words) = body_phrase(r, at + 1)?;
    // "Egyptian state news agency MENA": the known name that follows is the mention.
    if body_end < r.len() && r.is_name_word(body_end) {
        return None;
    }
    let (body, _) = normalise_body(r.k, &body_words);
    let name = r.body[r.token(at).start..r.token(body_end - 1).end].to_string();
    let mut m = mention(
        r,
        paragraph,
        at,
        body_end,
        &name,
        NameKind::Organization,
        r.quoted[at],
    );
    m.full_first = i;
    m.country = Some(country);
    m.plural = is_plural(r.word(body_end - 1));
    m.body = Some(body);
    m.descriptive = true;
    Some((m, body_end))
}

/// Lower-case words from `i` that end in a body noun or organisation head (at most three):
/// "military", "defense ministry", "state news agency".
fn body_phrase<'a>(r: &Reader<'a>, i: usize) -> Option<(usize, Vec<&'a str>)> {
    let mut j = i;
    let mut best = None;
    while j < r.len() && j - i < 3 && r.is_word(j) && !is_capitalised(r.word(j)) {
        let w = r.word(j);
        // "the Afghan immigrant who authorities believe": a clause starts, the phrase ends.
        if r.k.is_preposition(w) || is_clause_word(w) {
            break;
        }
        if r.k.is_body_noun(w) {
            best = Some(j + 1);
        }
        j += 1;
    }
    let end = best?;
    Some((end, (i..end).map(|t| r.word(t)).collect()))
}

/// Words that begin a clause or join phrases, which no organisation's description crosses.
fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "who"
            | "whom"
            | "whose"
            | "which"
            | "that"
            | "and"
            | "or"
            | "but"
            | "than"
            | "if"
            | "when"
            | "where"
            | "while"
    )
}

/// A plural body noun: "officials", "forces", "authorities" (but not "news" or "police",
/// which take either number, nor "press").
fn is_plural(noun: &str) -> bool {
    noun.ends_with('s') && !noun.ends_with("ss") && !matches!(noun, "news" | "media" | "police")
}

fn words<'a>(r: &Reader<'a>, a: usize, b: usize) -> Vec<&'a str> {
    (a..b)
        .filter(|&i| r.is_word(i))
        .map(|i| r.word(i))
        .collect()
}

fn mention(
    r: &Reader,
    paragraph: usize,
    first: usize,
    end: usize,
    name: &str,
    kind: NameKind,
    quoted: bool,
) -> Mention {
    Mention {
        paragraph,
        first,
        last: end - 1,
        full_first: first,
        start: r.token(first).start,
        end: r.token(end - 1).end,
        name: name.trim().to_string(),
        kind,
        role: None,
        country: None,
        body: None,
        descriptive: false,
        quoted,
        titled: false,
        title_only: false,
        plural: false,
        partitive: None,
    }
}

impl Mention {
    fn with_country(mut self, country: Option<String>) -> Mention {
        self.country = country;
        self
    }
    fn with_body(mut self, body: Option<String>) -> Mention {
        self.body = body;
        self
    }
}

/// Roles written around a person's name: before it in lower case ("Israeli Foreign Ministry
/// spokesman Yigal Palmor") or in an appositive after it ("Mark Regev, spokesman for the
/// prime minister,").
fn attach_roles(r: &Reader, mentions: &mut [Mention]) {
    for idx in 0..mentions.len() {
        if mentions[idx].kind == NameKind::Organization || mentions[idx].kind == NameKind::Place {
            continue;
        }
        // "an official Saudi government building": a country's adjective is nobody's name.
        let name = strip_possessive(&mentions[idx].name);
        if mentions[idx].word_count() == 1 && (r.k.is_demonym(name) || r.k.country(name).is_some())
        {
            continue;
        }
        let first = mentions[idx].full_first;
        // "the Turkish newspaper Yeni Safak", "the broadcaster Kanal Yedi": a name right after
        // a lower-case word for a medium or an organisation is that body's.
        // One word may be a person's surname in a relative clause ("the company Trump
        // founded"), and a given name opens a person's ("the newspaper Jane Doe edits"); a
        // word that is no known surname ("the daily newspaper Bild") is the body's too.
        let opener = r.word(mentions[idx].first);
        let after_organisation_noun = first > 0
            && r.is_word(first - 1)
            && r.k.is_organisation_noun(r.word(first - 1))
            && (mentions[idx].word_count() >= 2 || !r.k.is_common_surname(opener));
        // "Zillow, the real estate data company", "Orvex, a group that tracks prices": an
        // appositive whose head is a word for an organisation is said of one.
        if r.k.given_name(opener).is_none()
            && (after_organisation_noun || appositive_names_an_organisation(r, mentions[idx].last))
        {
            let m = &mut mentions[idx];
            let words: Vec<&str> = m.name.split_whitespace().collect();
            let (body, country) = normalise_body(r.k, &words);
            m.kind = NameKind::Organization;
            m.body = Some(body);
            m.country = m.country.take().or(country);
            continue;
        }
        // Lower-case role noun right before the name.
        if first > 0 && r.is_word(first - 1) {
            let mut j = first;
            let mut saw_role = false;
            while j > 0 && r.is_word(j - 1) {
                let w = r.word(j - 1);
                let lower_role =
                    !is_capitalised(w) && (r.k.is_role_noun(w) || r.k.is_role_modifier(w));
                if lower_role {
                    saw_role |= r.k.is_role_noun(w);
                    j -= 1;
                } else {
                    break;
                }
            }
            if saw_role {
                // "a principal Gospers campaign spokesman", "a major Gospers supporter" and
                // "chief Gospers strategist X": the name qualifies the noun after it, and the
                // words before it belong to that noun, not to the name.
                // A possessive name keeps its role: "the Syrian leader Gospers's forces".
                let after = mentions[idx].last + 1;
                let possessive = {
                    let last = r.word(mentions[idx].last);
                    strip_possessive(last) != last
                };
                let qualifies_next = !possessive && r.is_word(after) && {
                    let next = r.word(after);
                    !is_capitalised(next)
                        && (r.k.is_role_noun(next)
                            // Not "some": "commentator X some years ago".
                            || r.k.is_anonymous_noun(next) && !r.k.is_partitive_word(next)
                            || r.k.is_body_noun(next)
                            || r.k.is_voice_noun(next)
                            || r.k.is_organisation_noun(next))
                };
                // Extend over the organisation, country or demonym words that qualify the role.
                let mut span_start = j;
                if let Some(owner) = mentions[..idx]
                    .iter()
                    .rev()
                    .find(|m| m.last + 1 == j && m.paragraph == mentions[idx].paragraph)
                {
                    span_start = owner.full_first;
                } else {
                    while span_start > 0
                        && r.is_name_word(span_start - 1)
                        && !r.sentence_start(span_start)
                    {
                        span_start -= 1;
                    }
                    while span_start > 0
                        && r.is_word(span_start - 1)
                        && (r.k.is_demonym(r.word(span_start - 1))
                            || r.k.country(r.word(span_start - 1)).is_some())
                    {
                        span_start -= 1;
                    }
                }
                // "Israeli Foreign Ministry spokesman X", but not "If candidate X" or "His
                // lawyer X": a word joining the sentence to the one before, or a determiner,
                // opens the sentence and the mention, but is no part of the role.
                let role_start = if span_start < j
                    && r.sentence_start(span_start)
                    && opens_sentence_not_role(r.k, r.word(span_start))
                    && r.is_word(span_start + 1)
                {
                    span_start + 1
                } else {
                    span_start
                };
                let role = r.body[r.token(role_start).start..r.token(first - 1).end].to_string();
                let m = &mut mentions[idx];
                m.full_first = span_start;
                if qualifies_next {
                    // The words stay in the span, so the role of the name after the noun
                    // takes them in: "EU chief Gospers negotiator X" is X's role.
                    continue;
                }
                m.role = Some(match &m.role {
                    Some(existing) => format!("{role} {existing}"),
                    None => role,
                });
                if m.kind == NameKind::Unknown
                    && !m.title_only
                    && plausible_personal_name(r.k, &m.name)
                {
                    m.kind = NameKind::Person;
                }
                m.titled = true;
            }
        }
        // A role set off before the name: "the Ukip leader, Nigel Farage, said"; "the former
        // mayor of London, Boris Johnson, ...".
        if let Some(role_start) = role_before_comma(r, &mentions[idx]) {
            let first = mentions[idx].full_first;
            let role = r.body[r.token(role_start).start..r.token(first - 2).end].to_string();
            let m = &mut mentions[idx];
            if m.role.is_none() && !m.title_only && plausible_personal_name(r.k, &m.name) {
                m.role = Some(role);
                if m.kind == NameKind::Unknown {
                    m.kind = NameKind::Person;
                }
            }
        }
        // Appositive after the name.
        let last = mentions[idx].last;
        if r.is_punct(last + 1, ",") {
            let mut j = last + 2;
            if r.is_word(j) && matches!(r.word(j), "a" | "an" | "the") {
                j += 1;
            }
            let content = j;
            while r.is_word(j) && r.k.is_role_modifier(r.word(j)) && !r.k.is_role_noun(r.word(j)) {
                j += 1;
            }
            if r.is_word(j) && r.k.is_role_noun(r.word(j)) && !is_capitalised(r.word(j))
                || (r.is_word(j) && r.k.is_role_noun(r.word(j)) && j == content)
            {
                let mut end = j;
                // A semicolon or a dash ends it too: "X, chair of the union; and Y, ..."
                // lists people, and the role is X's alone.
                let ends_appositive = |t: usize| {
                    t >= r.len()
                        || [",", ".", ";", ":", "(", ")", "—", "–", "?", "!"]
                            .iter()
                            .any(|p| r.is_punct(t, p))
                        || r.is_quote_mark(t)
                        || (r.is_word(t)
                            && !is_capitalised(r.word(t))
                            && r.k.cue(r.word(t)).is_some())
                };
                while end - content < 14 && !ends_appositive(end + 1) {
                    end += 1;
                }
                let start_tok =
                    if r.is_word(last + 2) && matches!(r.word(last + 2), "a" | "an" | "the") {
                        last + 3
                    } else {
                        last + 2
                    };
                // "After the debate with X, the president delivered a speech": the words after
                // the comma open a clause whose subject is someone else, and "X, President Y"
                // or "X, chief of staff Y and ..." list another person.
                if opens_clause_after_role(r, j)
                    || mentions.iter().any(|o| {
                        names_someone(r.k, o)
                            && (start_tok..=end).contains(&o.first)
                            // "wife of Y", "aide to former Prime Minister Y", "manager of the
                            // Y": a role held in relation to Y.
                            && !(start_tok..o.full_first)
                                .any(|t| r.is_word(t) && r.k.is_preposition(r.word(t)))
                            // "Y's deputy press secretary": in relation to Y too.
                            && strip_possessive(r.word(o.last)) == r.word(o.last)
                    })
                {
                    continue;
                }
                let role = r.body[r.token(start_tok).start..r.token(end).end].to_string();
                let m = &mut mentions[idx];
                if m.title_only || !plausible_personal_name(r.k, &m.name) {
                    continue;
                }
                if m.role.is_none() {
                    m.role = Some(role);
                }
                if m.kind == NameKind::Unknown {
                    m.kind = NameKind::Person;
                }
            }
        }
    }
}

/// Whether the name ending at `last` is followed by ", a/the ... company" (or any word for an
/// organisation) that ends the appositive or opens its relative clause: "a group that", "the
/// company based in". "A company spokesman" is a person's role, not this.
fn appositive_names_an_organisation(r: &Reader, last: usize) -> bool {
    let start = last + 2;
    let opens_appositive = r.is_punct(last + 1, ",")
        && r.is_word(start)
        && matches!(r.word(start), "a" | "an" | "the");
    if !opens_appositive {
        return false;
    }
    for t in start + 1..(start + 6).min(r.len()) {
        // "the head of Ecuador's intelligence agency", "a guide among the first group of
        // survivors": a role, or a phrase after the head, is a person's.
        if !r.is_word(t)
            || r.quoted[t]
            || r.k.is_role_noun(r.word(t))
            || r.k.is_preposition(r.word(t))
        {
            return false;
        }
        if r.k.is_organisation_noun(r.word(t)) {
            let ends = !r.is_word(t + 1)
                || matches!(
                    r.word(t + 1),
                    "that"
                        | "which"
                        | "based"
                        | "founded"
                        | "in"
                        | "of"
                        | "with"
                        | "whose"
                        | "run"
                        | "owned"
                );
            return ends;
        }
    }
    false
}

/// Whether a mention is of a person with a name of their own: "Legal Officer" read from "Chief
/// Legal Officer" and "Electric" from "General Electric" are only common words.
fn names_someone(k: &Knowledge, m: &Mention) -> bool {
    matches!(m.kind, NameKind::Person | NameKind::Unknown)
        && plausible_personal_name(k, &m.name)
        && m.name.split_whitespace().map(strip_possessive).any(|w| {
            !with_lowercase(w, |lower| k.is_common_word(lower))
                && !k.is_role_noun(w)
                && !k.is_role_modifier(w)
        })
}

/// "If", "With", "A", "Only" opening a sentence before a role: a word that joins the sentence
/// to what went before or sets off the rest is no part of the role. Adjectives stay ("Senior
/// police officer X", "Political consultant X").
fn opens_sentence_not_role(k: &Knowledge, word: &str) -> bool {
    !k.is_role_modifier(word)
        && (k.is_conjunction(word)
            || k.is_preposition(word)
            || k.is_function_word(word)
            || k.is_verb_filler(word)
            || word.eq_ignore_ascii_case("a")
            || word.eq_ignore_ascii_case("an"))
}

/// Whether a finite verb follows the role noun at `head` ("the president lambasted him",
/// "the president delivered a speech", "the president tries to"): then the role noun is the
/// subject of a clause of its own, not an appositive of the name before the comma. A past
/// participle with no object stays an appositive ("a lawyer hired by the family").
fn opens_clause_after_role(r: &Reader, head: usize) -> bool {
    let mut h = head;
    while r.is_word(h + 1)
        && !is_capitalised(r.word(h + 1))
        && (r.k.is_role_noun(r.word(h + 1)) || r.k.is_role_modifier(r.word(h + 1)))
    {
        h += 1;
    }
    let (verb, after) = (h + 1, h + 2);
    if !r.is_word(verb) || !r.is_word(after) {
        return false;
    }
    let verb = r.word(verb);
    let after = r.word(after);
    if is_capitalised(verb) || r.k.is_preposition(verb) {
        return false;
    }
    let object = r.k.is_function_word(after)
        || matches!(after, "a" | "an")
        || r.k.pronoun_gender(after).is_some();
    let past_with_object = verb.len() > 4 && verb.ends_with("ed") && object;
    let present_to = verb.len() > 3
        && verb.ends_with('s')
        && !verb.ends_with("ss")
        && strip_possessive(verb) == verb
        && after == "to";
    past_with_object || present_to
}

/// Where a role phrase set off by commas before a name starts: "the Ukip leader, X," and "the
/// former mayor of London, X," give the token of "Ukip" and of "former". The name must close
/// the appositive with a comma of its own, so that "the leader, X said" is not read as one.
pub fn role_before_comma(r: &Reader, m: &Mention) -> Option<usize> {
    let first = m.full_first;
    if first < 2 || !r.is_punct(first - 1, ",") || !r.is_punct(m.last + 1, ",") {
        return None;
    }
    let end = first - 2;
    let mut head = end;
    // "mayor of London": the role noun before "of" and its capitalised object.
    if !(r.is_word(head) && r.k.is_role_noun(r.word(head))) {
        while head > 0 && end - head < 5 && r.is_name_word(head) {
            head -= 1;
        }
        if head < 1 || !r.is_word(head) || r.word(head) != "of" {
            return None;
        }
        head -= 1;
        if !(r.is_word(head) && r.k.is_role_noun(r.word(head)) && !is_capitalised(r.word(head))) {
            return None;
        }
    }
    let mut start = head;
    while start > 0 && head - start < 6 && r.is_word(start - 1) && !r.sentence_start(start) {
        let w = r.word(start - 1);
        let in_role = !is_capitalised(w) && (r.k.is_role_noun(w) || r.k.is_role_modifier(w))
            || r.k.is_demonym(w)
            || r.is_name_word(start - 1) && !r.k.is_function_word(w);
        // "His brother, X,": the capitalised determiner opening the sentence is no part of it.
        if !in_role {
            break;
        }
        start -= 1;
    }
    Some(start)
}

/// One to four capitalised words with no organisation connectors ("of", "for", "the"), and
/// none of the words a name never holds.
pub fn plausible_personal_name(k: &Knowledge, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let particle = |w: &str| {
        matches!(
            w,
            "de" | "van" | "von" | "al" | "bin" | "da" | "di" | "le" | "la" | "del" | "der" | "ibn"
        )
    };
    // "FEMA Administrator", "U.S. Navy": an acronym of three characters or more names a
    // body. Initials after a given name ("George H.W. Bush") are no acronym.
    let acronym = |i: usize, w: &str| {
        w.len() > 2
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            && !(i > 0 && w.ends_with('.') && w.split_terminator('.').all(|p| p.len() == 1))
    };
    // "I’ll", "Midwestern", "African-American", "SilkAir": a contraction, a word for a group,
    // a brand's inner capital.
    // After a given name such a word is a name too: "Phillip Dane Warren", "David French".
    let given_first = words.first().is_some_and(|w| k.given_name(w).is_some());
    let never_in_a_name = |w: &str| {
        k.is_function_word(w)
            || is_contraction(w)
            || k.is_group_word(w) && !given_first
            || is_brand_word(k, w)
    };
    !words.is_empty()
        && words.len() <= 4
        && words
            .iter()
            .all(|w| is_capitalised(w) || particle(w) || particle_surname(k, w).is_some())
        && !words.iter().enumerate().any(|(i, w)| acronym(i, w))
        && !words.iter().any(|w| never_in_a_name(w))
}

/// "I’ll", "Can't", "We’re": a word with a contracted verb or "not" after its apostrophe.
/// ("O'Brien" and "D’Souza" go on with a capital.)
fn is_contraction(word: &str) -> bool {
    word.split_once(['\'', '\u{2019}'])
        .is_some_and(|(_, tail)| matches!(tail, "t" | "ll" | "m" | "re" | "ve" | "d"))
}

/// "FlyDubai", "SilkAir", "YouTube", "FlightRadar24": a word with digits, or with a capital
/// after three letters or more of a word, is a brand's. Names put capitals after short
/// prefixes ("McConnell", "LeBron", "DeShawn") and the long ones the lexicon lists as
/// `name_prefixes` ("MacArthur", "FitzGerald", "DesLauriers").
pub fn is_brand_word(k: &Knowledge, word: &str) -> bool {
    if word.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let chars: Vec<char> = word.chars().collect();
    let inner_capital =
        (1..chars.len()).find(|&i| chars[i].is_uppercase() && chars[i - 1].is_lowercase());
    inner_capital.is_some_and(|i| {
        let (head, tail): (String, String) =
            (chars[..i].iter().collect(), chars[i..].iter().collect());
        let prefix = head.to_lowercase();
        // "RoseAnn", "JoAnne": two given names run together make a given name.
        let given_names = k.given_name(&head).is_some() && k.given_name(&tail).is_some();
        // "O'Brien", "Al-Assad": the mark before the capital makes the prefix a particle.
        prefix.chars().all(char::is_alphabetic)
            && prefix.chars().count() >= 3
            && !k.is_name_prefix(&prefix)
            && !given_names
    })
}

/// The word of a full name that can stand alone for the person: the last, unless a lower-case
/// particle comes before it ("Mohammed bin Salman" is "bin Salman", never "Salman", his
/// father's name; "Charles de Gaulle" is "de Gaulle").
pub fn lone_surname<'a>(k: &Knowledge, name: &'a str) -> Option<&'a str> {
    let mut words: Vec<&'a str> = name.split_whitespace().collect();
    // "Donald Trump Jr", "Mills Jr": the surname is before the suffix.
    if words.len() >= 2 && words.last().is_some_and(|w| k.is_name_suffix(w)) {
        words.pop();
    }
    let last = *words.last()?;
    // "Elizabeth I" has no surname; neither would a name that ran into "The" or "I".
    if k.is_function_word(last) {
        return None;
    }
    let particle = words.len() >= 3
        && words[words.len() - 2]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
        && k.is_name_connector(words[words.len() - 2]);
    (!particle).then_some(particle_surname(k, last).unwrap_or(last))
}

/// "al-Assad", "el-Sisi": a surname written with its article, which news text as often
/// drops ("Assad said"). The surname without the article, when `word` has that shape.
/// ("pro-Trump" does not: "pro" joins no names.)
pub fn particle_surname<'a>(k: &Knowledge, word: &'a str) -> Option<&'a str> {
    let (particle, rest) = word.split_once('-')?;
    let lower = particle.chars().next().is_some_and(char::is_lowercase);
    (lower
        && is_capitalised(rest)
        && k.is_name_connector(particle)
        && !matches!(particle, "of" | "for" | "the" | "and"))
    .then_some(rest)
}

/// A person's gender from their given name, when the data knows it.
pub fn gender_of(k: &Knowledge, name: &str) -> Gender {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return Gender::Unknown;
    }
    k.given_name(words[0]).unwrap_or(Gender::Unknown)
}

/// The key under which spellings of a person's full name meet.
pub fn person_key(name: &str) -> String {
    translit_key(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes::find_spans;
    use crate::extract::text::paragraphs;
    use crate::load;

    fn mentions_of(text: &str) -> Vec<(String, NameKind, Option<String>, Option<String>)> {
        mentions_with(Knowledge::builtin(), text)
    }

    fn mentions_with(
        k: &Knowledge,
        text: &str,
    ) -> Vec<(String, NameKind, Option<String>, Option<String>)> {
        let (doc, _) = load::parse_document("content/t.txt", format!("T\n\n{text}"), 0).unwrap();
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
            for m in find_mentions(&r, i) {
                let key = m
                    .body
                    .as_ref()
                    .map(|b| format!("{}|{b}", m.country.clone().unwrap_or_default()));
                out.push((m.name, m.kind, m.role, key));
            }
        }
        out
    }

    #[test]
    fn a_role_before_a_name_is_the_persons_role() {
        let m = mentions_of(
            "Israeli Foreign Ministry spokesman Yigal Palmor said the talks would resume.",
        );
        let person = m.iter().find(|x| x.1 == NameKind::Person).unwrap();
        assert_eq!(person.0, "Yigal Palmor");
        assert_eq!(
            person.2.as_deref(),
            Some("Israeli Foreign Ministry spokesman")
        );
    }

    /// The names of the people the text names, in order.
    fn people_named(text: &str) -> Vec<String> {
        mentions_of(text)
            .into_iter()
            .filter(|x| x.1 == NameKind::Person)
            .map(|x| x.0)
            .collect()
    }

    /// The first person named in the text, with their role.
    fn person_and_role(text: &str) -> (String, Option<String>) {
        let m = mentions_of(text);
        let person = m.iter().find(|x| x.1 == NameKind::Person).unwrap();
        (person.0.clone(), person.2.clone())
    }

    #[test]
    fn a_person_of_a_place_or_firm_is_the_person_and_the_firm() {
        assert_eq!(
            person_and_role("The plan was backed by Rep. Peter King of New York on Monday."),
            ("Peter King".to_string(), Some("Rep.".to_string()))
        );
        let m =
            mentions_of("It was low for markets, said Charles Gabriel of Capital Alpha Partners.");
        let kinds: Vec<(&str, NameKind)> = m.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert!(
            kinds.contains(&("Charles Gabriel", NameKind::Person)),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&("Capital Alpha Partners", NameKind::Organization)),
            "{kinds:?}"
        );
    }

    #[test]
    fn a_title_opening_a_sentence_is_still_the_persons_role() {
        assert_eq!(
            person_and_role("Deputy Attorney General Rod Marlowe said the inquiry would go on."),
            (
                "Rod Marlowe".to_string(),
                Some("Deputy Attorney General".to_string())
            )
        );
        assert_eq!(
            person_and_role("Former Vice President Joe Marlowe tweeted that it was sad.").1,
            Some("Former Vice President".to_string())
        );
    }

    #[test]
    fn a_month_that_is_a_given_name_starts_a_name() {
        let m = mentions_of("Gov. Jan Brewer called the loss unbearable on Jan. 20.");
        assert!(
            m.iter()
                .any(|x| x.0 == "Jan Brewer" && x.1 == NameKind::Person),
            "{m:?}"
        );
        // The month and the weekday stay dates before a surname elsewhere.
        let m = mentions_of("The vote was held in April Trump said, and on Sunday Trump left.");
        assert!(
            m.iter()
                .all(|x| !x.0.starts_with("April") && !x.0.starts_with("Sunday")),
            "{m:?}"
        );
    }

    #[test]
    fn a_surnames_possessive_is_no_towns_body() {
        let m = mentions_of("David Cameron resigned, and Cameron’s leadership was over.");
        assert!(m.iter().all(|x| x.1 != NameKind::Organization), "{m:?}");
        let m = mentions_of("The shooting was confirmed by Las Vegas police on Monday.");
        assert!(m.iter().any(|x| x.1 == NameKind::Organization), "{m:?}");
    }

    #[test]
    fn an_organisation_named_after_a_sentence_initial_the_keeps_its_name() {
        let m = mentions_of("The Labor Department report showed the economy grew.");
        assert!(m.iter().any(|x| x.0 == "Labor Department"), "{m:?}");
    }

    #[test]
    fn a_sentence_initial_article_or_preposition_is_not_part_of_a_name() {
        let m = mentions_of("A Danworth University poll found support. In Dallas, police spoke.");
        assert!(m.iter().any(|x| x.0 == "Danworth University"), "{m:?}");
        let m = mentions_of("A recent Danworth University poll found support.");
        assert!(m.iter().all(|x| x.0 != "A"), "{m:?}");
        assert!(m.iter().all(|x| !x.0.starts_with("In ")), "{m:?}");
        let m = mentions_of("At the Supreme Court, justices heard the case.");
        assert!(m.iter().any(|x| x.0 == "Supreme Court"), "{m:?}");
        // A known organisation whose name starts with a preposition keeps it.
        let extension: crate::knowledge::Extension =
            serde_yaml::from_str("organizations: [{name: Under Armour, kind: company}]").unwrap();
        let k = Knowledge::new(&extension);
        let m = mentions_with(&k, "Under Armour said sales fell.");
        assert!(m.iter().any(|x| x.0 == "Under Armour"), "{m:?}");
    }

    #[test]
    fn a_title_of_an_institution_is_a_role_not_a_name() {
        let m = mentions_of("The Speaker of the House, Dana Whitlock, said so.");
        assert!(m.iter().all(|x| !x.0.starts_with("of ")), "{m:?}");
        assert_eq!(
            person_and_role("House Speaker Dana Whitlock said the bill would pass.").1,
            Some("House Speaker".to_string())
        );
    }

    #[test]
    fn a_party_label_is_not_a_person() {
        let m = mentions_of("Sen. Lindsey Graham, R-South Carolina, said the deal was dead.");
        assert!(m.iter().all(|x| !x.0.starts_with("R-")), "{m:?}");
        assert!(m.iter().any(|x| x.0 == "Lindsey Graham"), "{m:?}");
    }

    #[test]
    fn a_title_word_after_a_given_name_is_a_surname() {
        let m = mentions_of("Author Stephen King Jr. said he would write again.");
        assert!(m.iter().all(|x| !x.0.starts_with("Jr")), "{m:?}");
    }

    #[test]
    fn titles_inside_a_capitalised_run_split_role_from_name() {
        let m = mentions_of(
            "Earlier, Israeli Defense Minister Moshe Yaalon spoke. U.S. Secretary of State John Kerry warned.",
        );
        let people: Vec<_> = m
            .iter()
            .filter(|x| x.1 == NameKind::Person)
            .map(|x| (x.0.as_str(), x.2.as_deref()))
            .collect();
        assert_eq!(
            people,
            [
                ("Moshe Yaalon", Some("Israeli Defense Minister")),
                ("John Kerry", Some("U.S. Secretary of State"))
            ]
        );
    }

    #[test]
    fn organisation_variants_share_a_country_and_body_key() {
        let m = mentions_of(
            "America's Defence Department said so. The U.S. Department of Defense agreed. America's Defense Department added more. The Ministry of Defense of Israel said no. Egypt's defense ministry confirmed it.",
        );
        let keys: Vec<_> = m
            .iter()
            .filter(|x| x.1 == NameKind::Organization)
            .map(|x| x.3.clone().unwrap())
            .collect();
        assert_eq!(
            keys,
            [
                "US|department of defense",
                "US|department of defense",
                "US|department of defense",
                "IL|ministry of defense",
                "EG|ministry of defense"
            ]
        );
    }

    #[test]
    fn descriptive_bodies_are_organisations() {
        let m = mentions_of(
            "The truce was holding, said the Egyptian military. Israeli officials claimed success.",
        );
        let orgs: Vec<_> = m
            .iter()
            .filter(|x| x.1 == NameKind::Organization)
            .map(|x| (x.0.as_str(), x.3.clone().unwrap()))
            .collect();
        assert_eq!(
            orgs,
            [
                ("Egyptian military", "EG|military".to_string()),
                ("Israeli officials", "IL|officials".to_string())
            ]
        );
    }

    #[test]
    fn a_description_ends_where_a_clause_begins() {
        let m = mentions_of(
            "The Peruvian immigrant who authorities believe planted the device was caught.",
        );
        assert!(
            m.iter().all(|x| x.1 != NameKind::Organization),
            "no organisation is named here: {m:?}"
        );
    }

    #[test]
    fn a_middle_initial_is_part_of_the_name() {
        assert_eq!(
            people_named("Walter J. Quennell praised the crews, and Ada B.C. Marlow agreed."),
            ["Walter J. Quennell", "Ada B.C. Marlow"]
        );
    }

    #[test]
    fn the_lone_surname_is_before_a_suffix_and_after_an_article() {
        let k = Knowledge::builtin();
        assert_eq!(lone_surname(k, "Dana Orrin Jr"), Some("Orrin"));
        assert_eq!(lone_surname(k, "Orrin Jr"), Some("Orrin"));
        assert_eq!(lone_surname(k, "Hadi al-Marwani"), Some("Marwani"));
        assert_eq!(lone_surname(k, "Hadi bin Marwan"), None);
    }

    #[test]
    fn a_generational_number_is_left_off_the_name_but_junior_and_a_regnal_number_are_kept() {
        assert_eq!(
            people_named("Walter J. Quennell III praised the crews, and Ada Marlow Jr. agreed."),
            ["Walter J. Quennell", "Ada Marlow Jr"]
        );
        assert_eq!(
            people_named("Director Walter Quennell Sr. and Martin L. King Jr. spoke."),
            ["Walter Quennell", "Martin L. King Jr"]
        );
        assert_eq!(
            people_named("World War II veteran Sam Orrin IV spoke."),
            ["Sam Orrin"]
        );
        assert_eq!(
            people_named("Queen Elizabeth II and Pope John Paul II met."),
            ["Elizabeth II", "John Paul II"]
        );
    }

    #[test]
    fn an_ampersand_joins_the_parts_of_one_name() {
        let m = mentions_of("Rigs were shut, according to the Tin & Copper Journal.");
        assert!(
            m.iter()
                .any(|x| x.0 == "Tin & Copper Journal" && x.1 == NameKind::Organization),
            "{m:?}"
        );
    }

    #[test]
    fn a_surname_that_is_also_a_town_stays_a_surname() {
        // Both surnames are towns in the gazetteer, and common surnames.
        assert_eq!(
            people_named("Police questioned Ahmad Khan Zorbani and Eric Tucker on Monday."),
            ["Ahmad Khan Zorbani", "Eric Tucker"]
        );
    }

    #[test]
    fn appositive_roles_are_read() {
        let m = mentions_of(
            "Mark Regev, spokesman for the Israeli prime minister, said in a statement that it was so.",
        );
        assert_eq!(m[0].0, "Mark Regev");
        assert_eq!(
            m[0].2.as_deref(),
            Some("spokesman for the Israeli prime minister")
        );
    }

    /// Each named person in the text with their role.
    fn roles_of(text: &str) -> Vec<(String, Option<String>)> {
        mentions_of(text)
            .into_iter()
            .filter(|m| m.1 == NameKind::Person)
            .map(|m| (m.0, m.2))
            .collect()
    }

    fn assert_first_person_has_no_role(text: &str) {
        let roles = roles_of(text);
        assert_eq!(roles[0].1, None, "{text}: {roles:?}");
    }

    #[test]
    fn a_role_noun_opening_a_clause_after_a_comma_is_not_the_names_before_it() {
        // The president here is someone else, the subject of a clause of its own.
        for text in [
            "In his second debate with Peter Voss, the president delivered a comeback performance.",
            "After Daniel Pask recused himself, the president lambasted him for it.",
            "He had ordered John Brandt to go, the president tries to force the issue.",
        ] {
            assert_first_person_has_no_role(text);
        }
        // A participle with no object still describes the name before it.
        assert_eq!(
            roles_of("Mary Poe, a lawyer hired by the family, declined to comment.")[0].1,
            Some("lawyer hired by the family".to_string())
        );
    }

    #[test]
    fn another_persons_name_in_an_appositive_lists_them_unless_the_role_relates_to_them() {
        // "X, Secretary of State Y" and "X, comedian Y" list two people.
        for text in [
            "The guests were Peter Voss, Secretary of State Daniel Pask and others.",
            "Tickets went to Mary Quell, comedian John Brandt, and their friends.",
        ] {
            assert_first_person_has_no_role(text);
        }
        // "wife of Y", "Y's deputy press secretary" relate the role to Y.
        assert_eq!(
            roles_of("Ann Lowe, the wife of Peter Lowe, spoke to reporters.")[0].1,
            Some("wife of Peter Lowe".to_string())
        );
        assert_eq!(
            roles_of("Anna Venn, Mayor Daniel Pask's deputy press secretary, said no.")[0].1,
            Some("Mayor Daniel Pask's deputy press secretary".to_string())
        );
        // Common words read as a name ("General Electric") are nobody.
        assert_eq!(
            roles_of(
                "The firm was led by Jeff Immelt, chief executive of General Electric, for years."
            )[0]
            .1,
            Some("chief executive of General Electric".to_string())
        );
    }

    #[test]
    fn a_name_qualifying_the_noun_after_it_takes_no_role_from_the_words_before() {
        let text = "A major Vexlo supporter said so, as did chief Vexlo strategist Peter Hale.";
        let all = mentions_of(text);
        assert!(
            all.iter().filter(|m| m.0 == "Vexlo").all(|m| m.2.is_none()),
            "{all:?}"
        );
        let roles = roles_of(text);
        // The words stay with the name after the noun.
        assert!(
            roles.contains(&(
                "Peter Hale".to_string(),
                Some("chief Vexlo strategist".to_string())
            )),
            "{roles:?}"
        );
        // A possessive name keeps its role, and "some" is no noun.
        assert_eq!(
            roles_of("Syrian leader Peter Hale's forces advanced.")[0]
                .1
                .as_deref(),
            Some("Syrian leader")
        );
        assert_eq!(
            roles_of("As outlined by commentator Peter Hale some years ago, it held.")[0]
                .1
                .as_deref(),
            Some("commentator")
        );
    }

    #[test]
    fn a_word_opening_the_sentence_before_a_role_is_no_part_of_it() {
        for (text, role) in [
            (
                "If candidate Peter Voss wins, the show goes on.",
                "candidate",
            ),
            ("As writer Mary Quell summed it up, it was over.", "writer"),
            ("His lawyer John Brandt said nothing.", "lawyer"),
            (
                "Political consultant Daniel Pask ran it.",
                "Political consultant",
            ),
            ("A President Anna Venn would change that.", "President"),
        ] {
            let roles = roles_of(text);
            assert_eq!(roles[0].1.as_deref(), Some(role), "{text}: {roles:?}");
        }
    }

    #[test]
    fn an_appositive_role_ends_at_a_semicolon_or_a_dash() {
        let m = mentions_of(
            "Guests were Dana Pell, chair of the Tenants Union; and Omar Vick, founder of Arbor.",
        );
        assert_eq!(m[0].0, "Dana Pell");
        assert_eq!(m[0].2.as_deref(), Some("chair of the Tenants Union"));
        let m = mentions_of("Dana Pell, chair of the Tenants Union — who spoke first — left.");
        assert_eq!(m[0].2.as_deref(), Some("chair of the Tenants Union"));
    }

    #[test]
    fn brand_words_and_contractions_are_told_from_names() {
        let k = Knowledge::builtin();
        for brand in [
            "SilkAir",
            "FlyDubai",
            "YouTube",
            "FlightRadar24",
            "TrumpWhite",
        ] {
            assert!(is_brand_word(k, brand), "{brand}");
        }
        for name in [
            "McConnell",
            "LeBron",
            "DeShawn",
            "MacArthur",
            "DesLauriers",
            "RoseAnn",
            "O'Brien",
            "Al-Assad",
            "Smith",
        ] {
            assert!(!is_brand_word(k, name), "{name}");
        }
        assert!(is_contraction("I’ll") && is_contraction("Can't"));
        assert!(!is_contraction("O'Brien") && !is_contraction("D’Souza"));
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let m = mentions_of("Earlier Tuesday, officials spoke. Photos circulated online.");
        assert!(m.iter().all(|x| x.1 != NameKind::Person), "{m:?}");
    }

    #[test]
    fn known_organisations_are_recognised_by_alias() {
        let m = mentions_of("The verdict was read, the Associated Press said. It was on CNN.");
        let names: Vec<_> = m
            .iter()
            .filter(|x| x.1 == NameKind::Organization)
            .map(|x| x.0.as_str())
            .collect();
        assert_eq!(names, ["Associated Press", "CNN"]);
    }
}
