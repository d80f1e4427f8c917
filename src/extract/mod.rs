//! Stage 2, `extract`: per article, in parallel, find quotations and their speakers, people and
//! organisations, places and figures. Extractors see only the article's plain body text and
//! its block structure, never HTML; what they find is a plain [`Extraction`].

pub mod attribution;
pub mod entities;
pub mod figures;
pub mod names;
pub mod places;
pub mod quotes;
pub mod text;

use rayon::prelude::*;

use crate::knowledge::Knowledge;
use crate::load::Document;
use crate::model::EntityKind;
pub use attribution::How;
pub use entities::LocalEntity;
use names::{Mention, NameKind, Reader};
use quotes::QuoteSpan;
use text::Paragraph;

/// What one article yields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// People and organisations of the article.
    pub entities: Vec<LocalEntity>,
    /// Every name found, with its entity when it is a person or organisation.
    pub mentions: Vec<NameSpan>,
    pub quotes: Vec<ExtractedQuote>,
    /// Reported speech with a named source.
    pub statements: Vec<Statement>,
    pub places: Vec<places::PlaceMention>,
    pub figures: Vec<figures::ExtractedFigure>,
    /// Capitalised single words that are neither known places nor people nor organisations:
    /// candidates for a misspelt place ("Yogyakatra"), checked against the corpus when linking.
    pub unknown_names: Vec<(usize, usize)>,
    /// Names the article gives events ("Irma" of "Hurricane Irma"): another article's "Irma
    /// claimed 30 lives" is the storm too.
    pub events: Vec<String>,
}

/// A name in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct NameSpan {
    pub start: usize,
    pub end: usize,
    pub kind: NameKind,
    pub entity: Option<usize>,
    pub quoted: bool,
}

/// A quotation: one span, or several when it was split by its attribution or ran over
/// paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtractedQuote {
    /// Byte ranges of the parts (the text between the marks).
    pub parts: Vec<(usize, usize)>,
    /// The local entity credited, if any.
    pub speaker: Option<usize>,
    pub how: Option<How>,
    /// The attributing words.
    pub cue: Option<(usize, usize)>,
    /// For a quotation credited only to somebody unnamed: who ("one witness").
    pub descriptor: Option<String>,
    /// In single quotation marks.
    pub single: bool,
}

/// A sentence of reported speech.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub start: usize,
    pub end: usize,
    pub speaker: usize,
    pub cue: (usize, usize),
}

/// How the body of a place's own government begins ("government of akron"): linking tells
/// such an organisation, which may be a person's surname misread, from others by it.
pub const PLACE_GOVERNMENT: &str = "government of ";

/// Extracts every document, in parallel; the result is in the documents' order.
pub fn extract_all(documents: &[Document], knowledge: &Knowledge) -> Vec<Extraction> {
    let progress = crate::progress::stage("extract", documents.len());
    // The gazetteer indexes itself in parallel on first use. Loading it here, before the
    // articles are handed to the pool, keeps that first use off the pool's workers: a caller
    // outside the pool that ran a one-article batch inline would otherwise wait for workers
    // that are themselves waiting for the gazetteer (a deadlock seen with concurrent tests).
    knowledge.gazetteer();
    // Articles differ a hundredfold in length: small batches keep both cores busy to the end,
    // where rayon's default halving can leave one core a long run of long articles.
    documents
        .par_iter()
        .with_max_len(16)
        .map(|d| {
            let x = extract(&d.body.text, &d.body.blocks, knowledge);
            progress.advance();
            x
        })
        .collect()
}

/// Extracts one article body.
pub fn extract(body: &str, blocks: &[crate::model::Block], knowledge: &Knowledge) -> Extraction {
    let paras = text::paragraphs(body, blocks, knowledge);
    let mut spans = quotes::find_spans(body, &paras);
    spans.retain(|s| !quotes::names_a_work(body, s, knowledge));
    let quoted: Vec<Vec<bool>> = paras
        .iter()
        .map(|p| names::quoted_tokens(p, &spans))
        .collect();
    let reader = |i: usize| Reader {
        body,
        para: &paras[i],
        k: knowledge,
        quoted: quoted[i].clone(),
    };
    let mut mentions = Vec::new();
    // "Hurricane Harvey ... Harvey's rains": an event's name is nobody, and nowhere.
    let mut events: Vec<String> = Vec::new();
    for i in 0..paras.len() {
        let r = reader(i);
        mentions.extend(names::find_mentions(&r, i));
        events.extend(names::event_names(&r));
    }
    let surnames: Vec<String> = mentions
        .iter()
        .filter(|m| m.kind == NameKind::Person && m.word_count() >= 2)
        .filter_map(|m| names::lone_surname(knowledge, &m.name))
        .map(crate::text::translit_key)
        .collect();
    for i in 0..paras.len() {
        names::add_initial_surnames(&reader(i), i, &surnames, &mut mentions);
    }
    let is_event = |name: &str| {
        let name = crate::knowledge::strip_possessive(name);
        events
            .iter()
            .any(|e| name == e || name.ends_with(&format!(" {e}")))
    };
    for m in &mut mentions {
        if is_event(&m.name) {
            m.kind = NameKind::Unknown;
        }
    }
    let (entities, of_mention) = entities::resolve(&mut mentions, knowledge);
    let mut doc = Doc {
        body,
        k: knowledge,
        paras,
        spans,
        quoted,
        mentions,
        entities,
        of_mention,
        speakers: Vec::new(),
    };
    doc.record_party_labels();
    doc.read_genders_from_text();
    // Reported speech first: its speakers are what "he said" and "the statement said" in the
    // quotations that follow refer back to.
    let reported = attribution::statements(&mut doc);
    let attributions = attribution::attribute_all(&mut doc);
    doc.record_defined_acronyms();
    let mut quotes = join_quotes(&doc, &attributions);
    credit_repeated_quotes(doc.body, &mut quotes);
    let quote_cues: Vec<(usize, usize)> = attributions.iter().filter_map(|a| a.cue).collect();
    let statement_of = |r: &attribution::Reported| {
        let tokens = &doc.paras[r.paragraph].tokens;
        Statement {
            start: tokens[r.scope.start].start,
            end: tokens[r.scope.end - 1].end,
            speaker: r.speaker,
            cue: r.cue,
        }
    };
    let all_reported: Vec<Statement> = reported.iter().map(statement_of).collect();
    let statements: Vec<Statement> = reported
        .iter()
        .filter(|r| !quote_cues.iter().any(|q| q.0 < r.cue.1 && r.cue.0 < q.1))
        .map(statement_of)
        .collect();
    let mut places = Vec::new();
    for p in 0..doc.paras.len() {
        let r = doc.reader(p);
        let in_para: Vec<&Mention> = doc.mentions.iter().filter(|m| m.paragraph == p).collect();
        places.extend(places::find_places(&r, p, &in_para, knowledge));
    }
    places.retain(|pl: &places::PlaceMention| !is_event(&doc.body[pl.start..pl.end]));
    let mut found_figures = Vec::new();
    for p in 0..doc.paras.len() {
        let r = doc.reader(p);
        found_figures.extend(figures::find_figures(&r, p, knowledge));
    }
    for f in &mut found_figures {
        f.claimant = claimant_of(f, &quotes, &all_reported);
    }
    let unknown_names = doc
        .mentions
        .iter()
        .enumerate()
        .filter(|(i, m)| {
            m.kind == NameKind::Unknown
                && doc.of_mention[*i].is_none()
                && m.word_count() == 1
                && !m.title_only
                && m.name.chars().count() >= 4
                && knowledge.country(&m.name).is_none()
                && !knowledge.is_common_word(&m.name.to_lowercase())
                && !places
                    .iter()
                    .any(|p: &places::PlaceMention| p.start <= m.start && m.end <= p.end)
        })
        .map(|(_, m)| (m.start, m.end))
        .collect();
    let mentions = doc
        .mentions
        .iter()
        .enumerate()
        .map(|(i, m)| NameSpan {
            start: m.start,
            end: m.end,
            kind: m.kind,
            entity: doc.of_mention[i],
            quoted: m.quoted,
        })
        .collect();
    Extraction {
        entities: doc.entities,
        mentions,
        quotes,
        statements,
        places,
        figures: found_figures,
        unknown_names,
        events,
    }
}

/// Who gave a figure: the speaker of the quotation it stands in, or of the reported speech of
/// its sentence; nobody when the outlet states it on its own account.
fn claimant_of(
    f: &figures::ExtractedFigure,
    quotes: &[ExtractedQuote],
    statements: &[Statement],
) -> Option<usize> {
    if f.quoted {
        return quotes
            .iter()
            .find(|q| q.parts.iter().any(|&(s, e)| s <= f.start && f.start < e))
            .and_then(|q| q.speaker);
    }
    statements
        .iter()
        .find(|s| s.start <= f.start && f.end <= s.end)
        .map(|s| s.speaker)
}

/// An uncredited quotation whose words all stand, in order, in a quotation of the same article
/// credited to one speaker takes that speaker: a subheading repeating a quotation of the text
/// ("'They were heroes'", a paragraph of its own of at least two words), or a fragment of at
/// least four words repeating part of a longer quotation. Shorter fragments inside a paragraph
/// are usually the writer's own use of a phrase ("a 'grand bargain'"). Two candidate speakers
/// leave it uncredited.
fn credit_repeated_quotes(body: &str, quotes: &mut [ExtractedQuote]) {
    let words = |q: &ExtractedQuote| -> Vec<String> {
        q.parts
            .iter()
            .flat_map(|&(s, e)| body[s..e].split(|c: char| !c.is_alphanumeric() && c != '\''))
            .filter(|w| !w.is_empty())
            .map(crate::text::fold)
            .collect()
    };
    let all: Vec<Vec<String>> = quotes.iter().map(words).collect();
    for i in 0..quotes.len() {
        let q = &quotes[i];
        let long_enough = all[i].len() >= 4 || all[i].len() >= 2 && stands_alone(body, &q.parts);
        if q.speaker.is_some() || q.descriptor.is_some() || !long_enough {
            continue;
        }
        let mut speakers = quotes
            .iter()
            .zip(&all)
            .filter(|(q, w)| {
                q.speaker.is_some() && q.how != Some(How::Repeated) && contains_run(w, &all[i])
            })
            .filter_map(|(q, _)| q.speaker);
        let Some(first) = speakers.next() else {
            continue;
        };
        if speakers.all(|s| s == first) {
            quotes[i].speaker = Some(first);
            quotes[i].how = Some(How::Repeated);
        }
    }
}

/// Whether a quotation is a paragraph on its own, but for its marks and punctuation.
fn stands_alone(body: &str, parts: &[(usize, usize)]) -> bool {
    let (Some(&(start, _)), Some(&(_, end))) = (parts.first(), parts.last()) else {
        return false;
    };
    let filler =
        |c: char| c.is_whitespace() && c != '\n' || !c.is_alphanumeric() && !c.is_whitespace();
    let before = body[..start].trim_end_matches(filler);
    let after = body[end..].trim_start_matches(filler);
    (before.is_empty() || before.ends_with('\n')) && (after.is_empty() || after.starts_with('\n'))
}

/// Whether `needle` stands in `hay` as a run of consecutive words.
fn contains_run(hay: &[String], needle: &[String]) -> bool {
    hay.len() >= needle.len() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Spans that belong together become one quotation: a quotation split by its attribution
/// (`"A," he said. "B."`) and one running over paragraphs.
fn join_quotes(doc: &Doc, attributions: &[attribution::Attribution]) -> Vec<ExtractedQuote> {
    let mut out: Vec<ExtractedQuote> = Vec::new();
    for (i, (span, a)) in doc.spans.iter().zip(attributions).enumerate() {
        let joins_previous = i > 0 && {
            let prev = &doc.spans[i - 1];
            let pa = &attributions[i - 1];
            span.continues
                || (prev.paragraph == span.paragraph
                    && !span.single
                    && pa.after
                    && pa.speaker.is_some()
                    && a.how == Some(How::Continuation)
                    && split_by_attribution(doc, prev, span, pa))
        };
        if joins_previous && let Some(last) = out.last_mut() {
            last.parts.push((span.start, span.end));
            continue;
        }
        out.push(ExtractedQuote {
            parts: vec![(span.start, span.end)],
            speaker: a.speaker,
            how: a.how,
            cue: a.cue,
            descriptor: a.descriptor.clone(),
            single: span.single,
        });
    }
    out
}

/// Whether only the attribution clause (and its trailing circumstances) stands between two
/// spans of a paragraph, so that they are one quotation split in two.
fn split_by_attribution(
    doc: &Doc,
    prev: &QuoteSpan,
    next: &QuoteSpan,
    pa: &attribution::Attribution,
) -> bool {
    let Some((_, clause_end)) = pa.clause else {
        return false;
    };
    let r = doc.reader(prev.paragraph);
    let (next_open, _) = doc.span_tokens(next);
    // Between the clause and the next span: at most one sentence end, no other cue verb.
    let mut sentence_ends = 0;
    for t in clause_end + 1..next_open {
        if r.is_punct(t, ".") || r.is_punct(t, "!") || r.is_punct(t, "?") {
            sentence_ends += 1;
        }
        if r.quoted[t] {
            return false;
        }
    }
    let prev_text = doc.body[prev.start..prev.end].trim_end();
    let prev_ends_clause = prev_text.ends_with(',')
        || prev_text.ends_with('—')
        || prev_text.ends_with('-')
        || prev_text.ends_with("...")
        || prev_text.ends_with('…');
    sentence_ends <= 1 && (prev_ends_clause || next_open - clause_end <= 3)
}

/// One article while it is being read: its paragraphs, quotation spans, names and entities.
pub struct Doc<'a> {
    pub body: &'a str,
    pub k: &'a Knowledge,
    pub paras: Vec<Paragraph>,
    pub spans: Vec<QuoteSpan>,
    pub quoted: Vec<Vec<bool>>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<LocalEntity>,
    pub of_mention: Vec<Option<usize>>,
    /// Speakers credited so far: (body offset, entity), in text order.
    speakers: Vec<(usize, usize)>,
}

impl<'a> Doc<'a> {
    pub fn reader(&self, p: usize) -> Reader<'_> {
        Reader {
            body: self.body,
            para: &self.paras[p],
            k: self.k,
            quoted: self.quoted[p].clone(),
        }
    }

    /// Token indices (in its paragraph) of a span's opening and closing marks.
    pub fn span_tokens(&self, span: &QuoteSpan) -> (usize, Option<usize>) {
        let para = &self.paras[span.paragraph];
        let open = para
            .tokens
            .iter()
            .position(|t| t.start >= span.open)
            .unwrap_or(0);
        let close = span
            .close
            .and_then(|c| para.tokens.iter().position(|t| t.start >= c));
        (open, close)
    }

    /// Words of a paragraph outside quotations.
    pub fn narrative_words(&self, p: usize) -> usize {
        let para = &self.paras[p];
        para.tokens
            .iter()
            .zip(&self.quoted[p])
            .filter(|(t, q)| !**q && t.kind == text::TokenKind::Word)
            .count()
    }

    pub fn mention_ending_at(&self, p: usize, tok: usize) -> Option<usize> {
        self.mentions
            .iter()
            .position(|m| m.paragraph == p && m.last == tok)
    }

    /// The first mention starting in `a..b`; of mentions starting at the same word, the
    /// longest ("US officials", not the place "US" inside it).
    pub fn mention_starting_between(&self, p: usize, a: usize, b: usize) -> Option<usize> {
        self.mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.paragraph == p && m.full_first >= a && m.full_first < b && !m.quoted)
            .min_by_key(|(i, m)| (m.full_first, std::cmp::Reverse(m.last), *i))
            .map(|(i, _)| i)
    }

    /// The first person or organisation named in a sentence (its subject, usually), skipping
    /// names that only qualify another's role ("Israeli Foreign Ministry" in "Israeli Foreign
    /// Ministry spokesman Yigal Palmor").
    pub fn first_mention_in_sentence(
        &self,
        p: usize,
        floor: usize,
        before: usize,
    ) -> Option<usize> {
        let inside_another = |m: &Mention| {
            self.mentions.iter().any(|o| {
                o.paragraph == m.paragraph
                    && o.full_first <= m.first
                    && o.last > m.last
                    && o.first > m.last
            })
        };
        let candidates = || {
            self.mentions.iter().enumerate().filter(|(_, m)| {
                m.paragraph == p
                    && m.full_first >= floor
                    && m.last < before
                    && matches!(m.kind, NameKind::Person | NameKind::Organization)
                    && !m.quoted
                    && !inside_another(m)
            })
        };
        // "After the New Yorker article was published, Senator X ... wrote": the first name
        // standing as a subject, if any does.
        candidates()
            .find(|(_, m)| self.in_subject_position(m) && !self.in_opening_phrase(m))
            .or_else(|| candidates().next())
            .map(|(i, _)| i)
    }

    pub fn entity_of_mention(&self, m: usize) -> Option<usize> {
        self.of_mention[m]
    }

    /// An unknown name that a cue verb shows to be a person.
    pub fn promote(&mut self, m: usize) -> usize {
        entities::promote_to_person(
            &mut self.mentions,
            &mut self.entities,
            &mut self.of_mention,
            m,
        )
    }

    /// An unknown name that speaks and is headed like an organisation ("the American Red
    /// Cross tweeted", "Carnival Cruise Line said") becomes one.
    pub fn promote_to_organization(&mut self, m: usize) -> usize {
        if let Some(e) = self.of_mention[m] {
            return e;
        }
        let name = self.mentions[m].name.clone();
        if let Some(e) = self.organisation_defining(&name) {
            self.mentions[m].kind = NameKind::Organization;
            let entity = &mut self.entities[e];
            entity.mentions.push(m);
            if !entity.variants.contains(&name) {
                entity.variants.push(name);
            }
            self.of_mention[m] = Some(e);
            return e;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        let (body, country) = names::normalise_body(self.k, &words);
        self.mentions[m].kind = NameKind::Organization;
        let entity = LocalEntity {
            kind: EntityKind::Organization,
            name: name.clone(),
            variants: vec![name],
            roles: Vec::new(),
            country: country.or_else(|| self.mentions[m].country.clone()),
            body: Some(body),
            descriptive: false,
            plural: false,
            gender: crate::knowledge::Gender::Unknown,
            mentions: vec![m],
        };
        self.entity_for(m, entity)
    }

    /// "The Varn Institute of Health (VRH)": the acronym in brackets is a variant of the
    /// organisation, so that "VRH said" in another article finds it.
    fn record_defined_acronyms(&mut self) {
        let defined: Vec<(usize, String)> = (0..self.mentions.len())
            .filter_map(|i| Some((self.of_mention[i]?, self.acronym_defined_by(i)?)))
            .collect();
        for (e, acronym) in defined {
            let variants = &mut self.entities[e].variants;
            if !variants.contains(&acronym) {
                variants.push(acronym);
            }
        }
    }

    /// A person's sex as the article tells it: an honorific ("Mr. X", "Ms. X") and the
    /// pronoun that next refers back to them as a sentence's subject ("X hit the headlines
    /// for his outburst"), before another person is named. The given name is only a guess
    /// ("Lindsey", "Robin" are both): two such signs against it, and none for it, overrule
    /// it; one sign settles a name that says nothing.
    fn read_genders_from_text(&mut self) {
        use crate::knowledge::Gender;
        let mut votes = vec![(0u32, 0u32); self.entities.len()];
        let mut vote = |e: usize, g: Gender, weight: u32| match g {
            Gender::Male => votes[e].0 += weight,
            Gender::Female => votes[e].1 += weight,
            Gender::Unknown => {}
        };
        let is_person = |i: usize| {
            self.mentions[i].kind == NameKind::Person
                && self.of_mention[i].is_some_and(|e| self.entities[e].kind == EntityKind::Person)
        };
        let mut p = usize::MAX;
        let mut reader = None;
        for i in 0..self.mentions.len() {
            let m = &self.mentions[i];
            if !is_person(i) || m.quoted {
                continue;
            }
            let e = self.of_mention[i].unwrap_or_default();
            if m.paragraph != p {
                p = m.paragraph;
                reader = Some(self.reader(p));
            }
            let Some(r) = reader.as_ref() else { continue };
            if let Some(g) = (m.full_first..m.first)
                .filter(|&t| r.is_word(t) && self.k.is_honorific(r.word(t)))
                .find_map(|t| self.k.role_gender(r.word(t)))
            {
                vote(e, g, 2);
            }
            let sentence = r.para.sentence_of(m.first);
            let first_person_of_sentence = (0..i)
                .rev()
                .take_while(|&j| {
                    self.mentions[j].paragraph == p
                        && r.para.sentence_of(self.mentions[j].first) == sentence
                })
                .all(|j| !is_person(j));
            if !first_person_of_sentence || !self.in_subject_position(m) {
                continue;
            }
            let next_person = (i + 1..self.mentions.len())
                .take_while(|&j| self.mentions[j].paragraph == p)
                .find(|&j| is_person(j) && self.of_mention[j] != Some(e))
                .map_or(usize::MAX, |j| self.mentions[j].full_first);
            let end = r.para.sentences[sentence].end.min(next_person);
            if let Some(g) = (m.last + 1..end)
                .filter(|&t| r.is_word(t) && !r.quoted[t])
                .find_map(|t| self.k.pronoun_gender(r.word(t)))
            {
                vote(e, g, 1);
            }
        }
        for (entity, (male, female)) in self.entities.iter_mut().zip(votes) {
            let told = match (male, female) {
                (m, 0) if m > 0 => Gender::Male,
                (0, f) if f > 0 => Gender::Female,
                _ => continue,
            };
            if entity.gender == Gender::Unknown || male.max(female) >= 2 {
                entity.gender = told;
            }
        }
    }

    /// "Sen. X (D-Calif.)", "Rep. Y, R-Texas,": the party and state label after a
    /// legislator's name is kept with their roles, so that their page shows it and "the
    /// California Democrat" finds them.
    fn record_party_labels(&mut self) {
        for e in 0..self.entities.len() {
            if self.entities[e].kind != EntityKind::Person {
                continue;
            }
            let labels: Vec<&str> = self.entities[e]
                .mentions
                .iter()
                .filter_map(|&m| party_label_after(self.body, self.mentions[m].end, self.k))
                .collect();
            for label in labels {
                if !self.entities[e].roles.iter().any(|r| r == label) {
                    self.entities[e].roles.push(label.to_string());
                }
            }
        }
    }

    /// "the California Democrat said": the nearest earlier person whose party label has
    /// that party and state (written out or short, "Calif.").
    pub fn nearest_of_party(&self, description: &str, at: usize) -> Option<usize> {
        let words: Vec<&str> = description.split_whitespace().collect();
        let (party_at, letter) = words
            .iter()
            .enumerate()
            .find_map(|(i, w)| Some((i, self.k.party_letter(w)?)))?;
        let state = words[..party_at].join(" ");
        let fits = |label: &str| {
            label.split_once('-').is_some_and(|(l, s)| {
                l == letter && (state.is_empty() || self.names_state(s, &state))
            })
        };
        self.entity_mentions_before(at)
            .find(|(_, e)| e.kind == EntityKind::Person && e.roles.iter().any(|r| fits(r)))
            .map(|(i, _)| i)
    }

    /// Whether a label's state ("Calif.", "Texas", "N.Y.") is the state `name`.
    fn names_state(&self, written: &str, name: &str) -> bool {
        crate::text::fold(written) == crate::text::fold(name)
            || self
                .k
                .gazetteer()
                .region_abbreviation(written)
                .is_some_and(|p| self.k.gazetteer().place(p).name.eq_ignore_ascii_case(name))
    }

    /// The organisation the article names in full just before `acronym` in brackets:
    /// "the National Institutes of Health (NIH)" for "NIH".
    fn organisation_defining(&self, acronym: &str) -> Option<usize> {
        (0..self.mentions.len())
            .find(|&i| self.acronym_defined_by(i).as_deref() == Some(acronym))
            .and_then(|i| self.of_mention[i])
    }

    /// The acronym in brackets right after mention `i` of an organisation, if any. Read off
    /// the paragraph's tokens: it is asked of every mention of every article.
    fn acronym_defined_by(&self, i: usize) -> Option<String> {
        let e = self.of_mention[i]?;
        if self.entities[e].kind != EntityKind::Organization {
            return None;
        }
        let m = &self.mentions[i];
        let tokens = &self.paras[m.paragraph].tokens;
        let punct = |t: usize, p: &str| {
            tokens
                .get(t)
                .is_some_and(|tok| tok.kind == text::TokenKind::Punct && tok.text(self.body) == p)
        };
        let acronym = tokens.get(m.last + 2)?.text(self.body);
        (punct(m.last + 1, "(") && text::is_acronym(acronym) && punct(m.last + 3, ")"))
            .then(|| acronym.to_string())
    }

    /// The entity of mention `m`: one already made under the same key, or `entity`.
    fn entity_for(&mut self, m: usize, entity: LocalEntity) -> usize {
        let key = entity.key();
        let e = match self.entities.iter().position(|x| x.key() == key) {
            Some(e) => {
                self.entities[e].mentions.push(m);
                e
            }
            None => {
                self.entities.push(entity);
                self.entities.len() - 1
            }
        };
        self.of_mention[m] = Some(e);
        e
    }

    /// The government of a place named as a speaker ("Cairo said").
    pub fn government_of(&mut self, m: usize) -> Option<usize> {
        if let Some(e) = self.of_mention[m] {
            return Some(e);
        }
        let name = self.mentions[m].name.clone();
        let named_country = self.k.country(&name).map(|c| c.code.clone());
        // A country's name speaks for its government; any other place for its own ("Alabama
        // said" is the state's, not the country's): one body per place, or every place of a
        // country would meet as one organisation.
        let body = match &named_country {
            Some(_) => "government".to_string(),
            None => format!("{PLACE_GOVERNMENT}{}", crate::text::fold(&name)),
        };
        let country = named_country.or_else(|| self.k.gazetteer().country_of(&name));
        let entity = LocalEntity {
            kind: EntityKind::Organization,
            name: name.clone(),
            variants: vec![name],
            roles: Vec::new(),
            country,
            body: Some(body),
            descriptive: false,
            plural: false,
            gender: crate::knowledge::Gender::Unknown,
            mentions: vec![m],
        };
        Some(self.entity_for(m, entity))
    }

    /// Mentions with entities before body offset `at`, nearest first, outside quotations.
    fn entity_mentions_before(
        &self,
        at: usize,
    ) -> impl Iterator<Item = (usize, &LocalEntity)> + '_ {
        self.mentions
            .iter()
            .enumerate()
            .rev()
            .filter(move |(_, m)| m.end <= at && !m.quoted)
            .filter_map(move |(i, _)| self.of_mention[i].map(|e| (e, &self.entities[e])))
    }

    /// The most salient fitting entity before `at`, with the mention that makes it so: going
    /// back sentence by sentence, the first fitting mention of the nearest sentence that has
    /// one (a sentence's subject usually comes first, and is what a following "he said"
    /// refers to). A name in an opening phrase whose clause names its own subject ("With X, a
    /// radio host, he revealed") is not the subject, so it is passed over.
    fn salient_before(
        &self,
        at: usize,
        fits: impl Fn(&LocalEntity) -> bool,
    ) -> Option<(usize, usize)> {
        // (paragraph, sentence, entity, mention)
        let mut best: Option<(usize, usize, usize, usize)> = None;
        for (i, m) in self.mentions.iter().enumerate().rev() {
            if m.end > at || m.quoted || self.in_opening_phrase(m) {
                continue;
            }
            let Some(e) = self.of_mention[i] else {
                continue;
            };
            if !fits(&self.entities[e]) {
                continue;
            }
            let sentence = self.paras[m.paragraph].sentence_of(m.first);
            match best {
                Some((p, s, _, _)) if (p, s) != (m.paragraph, sentence) => break,
                _ => best = Some((m.paragraph, sentence, e, i)),
            }
        }
        best.map(|(_, _, e, i)| (e, i))
    }

    /// Whether a mention stands in a phrase that opens its sentence with a preposition or a
    /// contrasting conjunction, and the clause after the phrase names its own subject ("With
    /// X, a radio host, he revealed"; "While X had declared it an accident, Y said"). Then X
    /// is not what a later "he said" means. A phrase that only sets the topic ("For X, 24,
    /// the move was easy") keeps X; so does an object later in the sentence ("spoke to X"),
    /// which may well be who speaks next.
    fn in_opening_phrase(&self, m: &Mention) -> bool {
        let r = self.reader(m.paragraph);
        let sentence = r.para.sentences[r.para.sentence_of(m.first)].clone();
        let Some(opener) = (sentence.start..m.full_first).find(|&i| r.is_word(i)) else {
            return false;
        };
        let word = r.word(opener);
        let lower = word.to_lowercase();
        let contrasts = matches!(lower.as_str(), "while" | "whereas" | "although" | "though");
        // Another subordinating conjunction ("When X arrived, Y said") sets X aside only for
        // a named subject: in "When X arrived, she said" she is X.
        let subordinates = !contrasts
            && self.k.is_conjunction(word)
            && !matches!(lower.as_str(), "and" | "but" | "or" | "nor" | "so" | "yet");
        let opens_phrase = (self.k.is_preposition(word) || contrasts || subordinates)
            && r.para.starts_sentence(opener, self.body);
        if !opens_phrase || (opener..m.full_first).any(|i| r.is_punct(i, ",")) {
            return false;
        }
        // The clause after the phrase, past an appositive ("X, a radio host,").
        let comma_after = |from: usize| (from..sentence.end).find(|&i| r.is_punct(i, ","));
        let Some(mut comma) = comma_after(m.last + 1) else {
            return false;
        };
        if r.is_word(comma + 1)
            && matches!(
                r.word(comma + 1).to_lowercase().as_str(),
                "a" | "an" | "the"
            )
            && let Some(next) = comma_after(comma + 1)
        {
            comma = next;
        }
        let closes_quotation = |i: usize| matches!(r.token(i).text(self.body), "”" | "\"" | "’");
        (comma + 1..sentence.end)
            .find(|&i| !closes_quotation(i))
            .is_some_and(|i| {
                if !r.is_word(i) {
                    return false;
                }
                if self.k.pronoun(r.word(i)).is_some() {
                    return !subordinates || self.k.is_preposition(word);
                }
                if subordinates && !self.k.is_preposition(word) {
                    return self.names_subject_at(m.paragraph, i);
                }
                text::is_capitalised(r.word(i))
            })
    }

    /// Whether a mention is the subject of a clause opening its sentence whose main clause
    /// goes on with a pronoun: "When X spoke, she promised", "As X spoke, his words echoed".
    /// Such a pronoun, and a "he said" soon after, stand for X. ("After X became head, one
    /// of the first moves was ..., he says" goes on with somebody else.)
    fn resumed_by_pronoun(&self, m: &Mention) -> bool {
        let r = self.reader(m.paragraph);
        let Some(before) = m.full_first.checked_sub(1) else {
            return false;
        };
        let opens_clause = r.is_word(before)
            && r.para.starts_sentence(before, self.body)
            && matches!(
                r.word(before).to_lowercase().as_str(),
                "when" | "as" | "after" | "once" | "before" | "since"
            );
        if !opens_clause {
            return false;
        }
        let sentence = &r.para.sentences[r.para.sentence_of(m.first)];
        (m.last + 1..sentence.end)
            .find(|&t| r.is_punct(t, ","))
            .is_some_and(|comma| {
                comma + 1 < sentence.end
                    && r.is_word(comma + 1)
                    && matches!(
                        r.word(comma + 1).to_lowercase().as_str(),
                        "he" | "she" | "they" | "it" | "his" | "her" | "their" | "its"
                    )
            })
    }

    /// Whether a name starting at token `t` is followed by its verb, as a clause's subject
    /// is: not by a comma ("When X, D-Calif., was asked") or a possessive ("asked X, Y's
    /// adviser, whether").
    fn names_subject_at(&self, p: usize, t: usize) -> bool {
        let r = self.reader(p);
        self.mentions
            .iter()
            .find(|o| o.paragraph == p && o.full_first == t)
            .is_some_and(|o| {
                let next = o.last + 1;
                next < r.len()
                    && r.is_word(next)
                    && !r.word(next).chars().next().is_some_and(char::is_uppercase)
                    && !r.word(next).starts_with(['\'', '’'])
                    && crate::knowledge::strip_possessive(r.word(o.last)) == r.word(o.last)
            })
    }

    /// Whether a mention stands where a sentence's subject does: first in the sentence, after
    /// an opening conjunction ("But X went"), or after the comma that ends an opening phrase
    /// ("Later, taking the stage, X showed"). A name further in ("the policy X enacted", "a
    /// settlement near X") is seldom what a following "he said" means.
    fn in_subject_position(&self, m: &Mention) -> bool {
        let r = self.reader(m.paragraph);
        let first = m.full_first;
        if r.para.starts_sentence(first, self.body) {
            return true;
        }
        let Some(before) = first.checked_sub(1) else {
            return true;
        };
        if r.is_punct(before, ",") {
            return true;
        }
        let opens_with = |t: usize, words: &[&str]| {
            r.is_word(t)
                && r.para.starts_sentence(t, self.body)
                && words.contains(&r.word(t).to_lowercase().as_str())
        };
        if opens_with(before, &["and", "but", "so", "yet", "or", "then"]) {
            return true;
        }
        // "A furious X lambasted": an indefinite article before a name comes with an
        // adjective or two. ("The policy X enacted" is no such case.)
        let sentence = &r.para.sentences[r.para.sentence_of(first)];
        let lead = first - sentence.start;
        (2..=3).contains(&lead)
            && opens_with(sentence.start, &["a", "an"])
            && (sentence.start + 1..first).all(|t| {
                r.is_word(t)
                    && r.word(t).chars().next().is_some_and(char::is_lowercase)
                    && !self.k.is_preposition(r.word(t))
            })
    }

    /// How many paragraphs of prose after `from` up to and including `to`. A line that ends
    /// without a sentence's closing mark ("Enlarge this image toggle caption Jane Roe/AP") is
    /// a caption or page furniture copied with the text, and does not part a speaker from
    /// what follows.
    fn prose_paragraphs_between(&self, from: usize, to: usize) -> usize {
        let ends_a_sentence = |p: &Paragraph| {
            p.tokens.last().is_some_and(|t| {
                let last = t.text(self.body);
                last.ends_with(['.', '!', '?', ':', '”', '"', '’', '\'', ')'])
            })
        };
        (from + 1..=to)
            .filter(|&p| ends_a_sentence(&self.paras[p]))
            .count()
    }

    /// The paragraph and sentence holding a body offset.
    fn sentence_at(&self, offset: usize) -> (usize, usize) {
        let p = self
            .paras
            .iter()
            .position(|p| offset < p.end.max(p.start + 1))
            .unwrap_or(0);
        let para = &self.paras[p];
        let t = para.tokens.partition_point(|t| t.end <= offset);
        (p, para.sentence_of(t))
    }

    pub fn nearest_for_pronoun(&self, kind: &str, at: usize) -> Option<usize> {
        self.nearest_for_pronoun_except(kind, at, None)
    }

    /// As [`Doc::nearest_for_pronoun`], passing over entity `except`: the topic a
    /// parenthetical "he said" interrupts is not who speaks.
    pub fn nearest_for_pronoun_except(
        &self,
        kind: &str,
        at: usize,
        except: Option<usize>,
    ) -> Option<usize> {
        if kind == "any" {
            return None;
        }
        // A pronoun speaker usually stands for the latest speaker, if they fit and spoke in
        // this or the previous paragraph, unless a sentence since then has made somebody
        // else its subject ("“A,” X said. Later, Y took the stage. “B,” he said."). Without
        // a recent speaker it stands for the nearest sentence's subject.
        // A speaker recorded at the pronoun itself is this clause read as reported speech
        // ("he often adds that “...”"), so it counts.
        let excepted = except.map(|x| &self.entities[x]);
        let fits = |e: &LocalEntity| {
            attribution::fits_pronoun(kind, e) && excepted.is_none_or(|x| !std::ptr::eq(x, e))
        };
        let here = self.sentence_at(at).0;
        let recent_speaker = self
            .speakers
            .iter()
            .rev()
            .filter(|&&(o, _)| {
                o <= at && self.prose_paragraphs_between(self.sentence_at(o).0, here) <= 1
            })
            .find(|&&(_, e)| fits(&self.entities[e]));
        let subject = self.salient_before(at, fits);
        match (recent_speaker, subject) {
            (Some(&(spoke, speaker)), Some((subject, m)))
                if subject != speaker
                    && (self.in_subject_position(&self.mentions[m])
                        || self.resumed_by_pronoun(&self.mentions[m]))
                    && self.sentence_at(self.mentions[m].start) > self.sentence_at(spoke) =>
            {
                Some(subject)
            }
            (Some(&(_, speaker)), _) => Some(speaker),
            (None, subject) => subject.map(|(e, _)| e),
        }
    }

    /// The person a capitalised title alone stands for ("the President said"): the nearest
    /// holding it as a title, not as a post in something named after it ("president of the
    /// Chicago Council"), which a lower-case "the president" may well mean.
    pub fn nearest_for_title(&self, head: &str, country: Option<&str>, at: usize) -> Option<usize> {
        let holds_title = |role: &String| {
            let words: Vec<&str> = role.split_whitespace().collect();
            words.iter().enumerate().any(|(i, w)| {
                attribution::same_role(self.k.role_word(w), head)
                    && !words
                        .get(i + 1)
                        .is_some_and(|next| matches!(*next, "of" | "at" | "for" | "with"))
            })
        };
        self.entity_mentions_before(at)
            .find(|(_, e)| e.kind == EntityKind::Person && e.roles.iter().any(holds_title))
            .map(|(i, _)| i)
            .or_else(|| self.nearest_for_role(head, None, country, at))
    }

    /// The nearest earlier person holding a role, or organisation with a body, that fits.
    pub fn nearest_for_role(
        &self,
        head: &str,
        qualifier: Option<usize>,
        country: Option<&str>,
        at: usize,
    ) -> Option<usize> {
        // "the company": the lexicon says which organisations such a noun stands for.
        let generic = self.k.is_organisation_kind_noun(head);
        let is_body = self.k.is_body_noun(head) || self.k.is_org_head(head) || generic;
        let is_role = self.k.is_role_noun(head);
        let qualifier_entity = qualifier.and_then(|m| self.of_mention[m]);
        let fits_country =
            |e: &LocalEntity| country.is_none_or(|c| e.country.as_deref() == Some(c));
        // "Mr. X's office said", "X's spokeswoman said": X, speaking through them.
        let voice_of = qualifier_entity.filter(|_| self.k.is_voice_noun(head));
        if let Some(q) = voice_of.filter(|&q| self.entities[q].kind == EntityKind::Person) {
            return Some(q);
        }
        if is_role {
            let found = self.entity_mentions_before(at).find(|(_, e)| {
                self.holds_role(e, head)
                    && qualifier_entity.is_none_or(|q| {
                        qualifier.is_some_and(|m| self.titled_by(e, m)) || {
                            let q = &self.entities[q];
                            e.roles.iter().any(|r| {
                                crate::text::fold(r).contains(&crate::text::fold(&q.name))
                                    || q.body.as_ref().is_some_and(|b| {
                                        let (rb, _) = names::normalise_body(
                                            self.k,
                                            &r.split_whitespace().collect::<Vec<_>>(),
                                        );
                                        rb.contains(b.as_str())
                                    })
                            })
                        }
                    })
            });
            if let Some((i, _)) = found {
                return Some(i);
            }
        }
        // "a Trelmco spokesman said", with no spokesman of Trelmco named before: Trelmco, as
        // for "a spokesman for Trelmco".
        if let Some(q) = voice_of {
            return Some(q);
        }
        if is_body {
            if let Some(q) =
                qualifier_entity.filter(|&q| self.entities[q].kind == EntityKind::Organization)
            {
                return Some(q);
            }
            let named_so = self
                .entity_mentions_before(at)
                .find(|(_, e)| {
                    e.kind == EntityKind::Organization
                        && fits_country(e)
                        && e.body.as_ref().is_some_and(|b| {
                            b.split_whitespace().any(|w| {
                                w == head || attribution::same_role(self.k.role_word(w), head)
                            })
                        })
                })
                .map(|(i, _)| i);
            return named_so.or_else(|| {
                generic
                    .then(|| self.nearest_of_kind(head, at, &fits_country))
                    .flatten()
            });
        }
        None
    }

    /// "the company said": the nearest organisation of that kind named in the last few
    /// paragraphs. Further back the article has usually moved on to other bodies. Where none
    /// is, and the noun allows it, an organisation whose kind nothing tells, if it is the
    /// subject of the last sentence naming anybody ("Acme said ... the company said"): a
    /// company's name rarely says it is one.
    fn nearest_of_kind(
        &self,
        noun: &str,
        at: usize,
        fits_country: &dyn Fn(&LocalEntity) -> bool,
    ) -> Option<usize> {
        const REACH_IN_PARAGRAPHS: usize = 4;
        let here = self
            .paras
            .partition_point(|p| p.start <= at)
            .saturating_sub(1);
        let entities_in_reach = || {
            self.mentions
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, m)| m.end <= at && !m.quoted)
                .take_while(|(_, m)| m.paragraph + REACH_IN_PARAGRAPHS >= here)
                .filter_map(|(i, _)| self.of_mention[i])
        };
        let fits = |e: usize| {
            let e = &self.entities[e];
            e.kind == EntityKind::Organization && fits_country(e)
        };
        entities_in_reach()
            .filter(|&e| fits(e))
            .find(|&e| self.is_of_kind(&self.entities[e], noun))
            .or_else(|| {
                // Only the subject of the last sentence that names anybody: past a person or
                // another body, "the company" is as likely theirs.
                if !self.k.stands_for_unlabelled(noun) {
                    return None;
                }
                let (e, m) = self.salient_before(at, |_| true)?;
                // Named more than once, or seen speaking: what the article reports on, not a
                // body named in passing ("a lawsuit by a Fair Housing group").
                let entity = &self.entities[e];
                (self.mentions[m].paragraph + REACH_IN_PARAGRAPHS >= here
                    && fits(e)
                    && (entity.mentions.len() >= 2 || self.speaks_before(entity, at))
                    && self.is_unlabelled(entity)
                    && !self.unread_subject_between(self.mentions[m].end, at))
                .then_some(e)
            })
    }

    /// Whether a mention of `e` before `at` is followed, in its sentence and before anybody
    /// else is named, by a verb of saying: "Acme said", "Acme, which makes tools, announced".
    fn speaks_before(&self, e: &LocalEntity, at: usize) -> bool {
        const CLAUSE_TOKENS: usize = 12;
        e.mentions.iter().any(|&mi| {
            let m = &self.mentions[mi];
            if m.end > at {
                return false;
            }
            let r = self.reader(m.paragraph);
            let sentence = &r.para.sentences[r.para.sentence_of(m.last)];
            let Some(cue) = (m.last + 1..sentence.end.min(m.last + 1 + CLAUSE_TOKENS))
                .find(|&t| r.is_word(t) && self.k.cue(r.word(t)).is_some())
            else {
                return false;
            };
            let cue_at = r.token(cue).start;
            !self.mentions.iter().enumerate().any(|(other, o)| {
                self.of_mention[other].is_some() && o.start >= m.end && o.start < cue_at
            })
        })
    }

    /// Whether a sentence between two offsets opens with a name nothing was made of
    /// ("PatronScan helps spot fake IDs"): a later "the company" may well be that one.
    fn unread_subject_between(&self, from: usize, to: usize) -> bool {
        self.mentions.iter().enumerate().any(|(i, m)| {
            m.start >= from
                && m.end <= to
                && !m.quoted
                && self.of_mention[i].is_none()
                && m.kind == NameKind::Unknown
                && self.paras[m.paragraph].starts_sentence(m.first, self.body)
        })
    }

    /// Whether no name of the organisation `e`, nor the organisation list, tells its kind.
    fn is_unlabelled(&self, e: &LocalEntity) -> bool {
        self.names_and_kinds(e)
            .all(|(name, kind)| self.k.is_unlabelled_organisation(name, kind))
    }

    /// Every name the article gives `e`, with the kind the organisation list knows it as.
    fn names_and_kinds<'e>(
        &'e self,
        e: &'e LocalEntity,
    ) -> impl Iterator<Item = (&'e str, Option<&'e str>)> + 'e {
        e.variants
            .iter()
            .chain(std::iter::once(&e.name))
            .map(|name| {
                let kind = self.k.organization(name).and_then(|o| o.kind.as_deref());
                (name.as_str(), kind)
            })
    }

    /// "FBI Director X": the person `e` has a title holding the words of mention `q`, so
    /// "the FBI director" is `e` though the role kept is "Director".
    fn titled_by(&self, e: &LocalEntity, q: usize) -> bool {
        let written = words_of(&self.body[self.mentions[q].start..self.mentions[q].end]);
        self.titled_with(e, &written)
    }

    /// Whether a title written before a name of `e` holds `words` in a row.
    fn titled_with(&self, e: &LocalEntity, words: &[&str]) -> bool {
        !words.is_empty()
            && e.mentions.iter().any(|&me| {
                let me = &self.mentions[me];
                let tokens = &self.paras[me.paragraph].tokens;
                me.full_first < me.first
                    && words_of(&self.body[tokens[me.full_first].start..tokens[me.first].start])
                        .windows(words.len())
                        .any(|title| {
                            title
                                .iter()
                                .zip(words)
                                .all(|(a, b)| a.eq_ignore_ascii_case(b))
                        })
            })
    }

    /// Whether `e` is a person with a role named by `head` ("spokesman", "director").
    fn holds_role(&self, e: &LocalEntity, head: &str) -> bool {
        e.kind == EntityKind::Person
            && e.roles.iter().any(|r| {
                r.split_whitespace()
                    .any(|w| attribution::same_role(self.k.role_word(w), head))
            })
    }

    /// "the Trelmco CEO said" after "Trelmco CEO Tam Brook": the nearest earlier person whose
    /// title held those words, the role last.
    pub fn nearest_titled(&self, words: &[&str], at: usize) -> Option<usize> {
        let head = words.last()?.to_lowercase();
        self.entity_mentions_before(at)
            .find(|(_, e)| self.holds_role(e, &head) && self.titled_with(e, words))
            .map(|(i, _)| i)
    }

    /// Whether the generic noun `noun` ("company") can stand for the organisation `e`, by
    /// any name the article gives it or by the kind the organisation list knows it as.
    fn is_of_kind(&self, e: &LocalEntity, noun: &str) -> bool {
        self.names_and_kinds(e)
            .any(|(name, kind)| self.k.organisation_kind_fits(noun, name, kind) == Some(true))
    }

    /// The latest speaker credited before `at` (for "the statement said").
    pub fn last_speaker(&self, country: Option<&str>, at: usize) -> Option<usize> {
        self.speakers
            .iter()
            .rev()
            .filter(|(o, _)| *o <= at)
            .map(|&(_, e)| e)
            .find(|&e| country.is_none_or(|c| self.entities[e].country.as_deref() == Some(c)))
            .or_else(|| {
                self.entity_mentions_before(at)
                    .find(|(_, e)| {
                        e.kind == EntityKind::Organization
                            && country.is_none_or(|c| e.country.as_deref() == Some(c))
                    })
                    .map(|(i, _)| i)
            })
    }

    /// Speakers recorded between two body offsets.
    pub fn speakers_between(&self, from: usize, to: usize) -> Vec<(usize, usize)> {
        self.speakers
            .iter()
            .filter(|(o, _)| *o >= from && *o < to)
            .copied()
            .collect()
    }

    pub fn forget_speaker(&mut self, at: usize, entity: usize) {
        if let Some(i) = self.speakers.iter().position(|&x| x == (at, entity)) {
            self.speakers.remove(i);
        }
    }

    pub fn record_speaker(&mut self, at: usize, entity: usize) {
        self.speakers.push((at, entity));
        self.speakers.sort_by_key(|&(o, _)| o);
    }
}

#[cfg(test)]
mod tests;

/// The words of `text`, without the punctuation around them.
fn words_of(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect()
}

/// The party label right after a name ending at byte `end`: "(D-Calif.)" or ", R-Texas,".
fn party_label_after<'b>(body: &'b str, end: usize, k: &Knowledge) -> Option<&'b str> {
    let rest = body.get(end..)?;
    let rest = rest
        .strip_prefix(" (")
        .or_else(|| rest.strip_prefix(", "))?;
    let label = rest[..rest.find([')', ','])?].trim();
    (label.len() <= 24 && k.is_party_label(label)).then_some(label)
}
