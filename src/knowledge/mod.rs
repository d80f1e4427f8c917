//! What crossbrief knows about language and the world, as data rather than code.
//!
//! The built-in lists live in `data/`, are embedded in the binary, and can be extended per
//! briefing under `knowledge:` in `crossbrief.yaml` (same keys and shapes as the data files).

pub mod gazetteer;
pub mod units;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{Arc, OnceLock};

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::text::{fold, with_folded, with_lowercase};

const LEXICON: &str = include_str!("../../data/lexicon.yaml");
const ORGANIZATIONS: &str = include_str!("../../data/organizations.yaml");
const COUNTRIES: &str = include_str!("../../data/countries.yaml");
const COMMON_WORDS: &str = include_str!("../../data/common_words.txt");
const GIVEN_NAMES: &str = include_str!("../../data/given_names.tsv");
const SURNAMES: &str = include_str!("../../data/surnames.txt");

/// The lexicon's lists, as in `data/lexicon.yaml`; also the shape of `knowledge:` additions.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Lexicon {
    pub cue_verbs: HashMap<String, Vec<String>>,
    pub embedding_verbs: Vec<String>,
    pub weak_cue_verbs: Vec<String>,
    pub reporting_verbs: Vec<String>,
    /// Cue verbs by which one source passes on another's words ("..., the agency reported").
    pub relaying_verbs: Vec<String>,
    pub attribution_phrases: Vec<String>,
    pub medium_nouns: Vec<String>,
    pub role_nouns: Vec<String>,
    /// Nouns for a relative ("father", "widow"). They are role nouns too ("X, the suspects'
    /// father, said"), but "her father said" is somebody else than "her".
    pub kin_nouns: Vec<String>,
    pub titles: Vec<String>,
    pub org_heads: Vec<String>,
    pub body_nouns: Vec<String>,
    pub anonymous_nouns: Vec<String>,
    pub document_nouns: Vec<String>,
    /// Nouns for a record of figures, a source's only when said to come from it ("according
    /// to a list from the agency"): unlike a document noun, "the list" names no speaker.
    pub source_nouns: Vec<String>,
    /// Verbs by which a source brings out a document ("released a report saying").
    pub issuing_verbs: Vec<String>,
    pub pronouns: HashMap<String, String>,
    pub abbreviations: Vec<String>,
    pub name_connectors: Vec<String>,
    pub role_modifiers: Vec<String>,
    /// Titles that are courtesy, not office ("Mr.", "Ms."): they mark a name, but a person's
    /// page does not list them as roles.
    pub honorifics: Vec<String>,
    /// Party letters written before a state after a legislator's name ("R" in "R-Texas").
    pub party_letters: Vec<String>,
    pub prepositions: Vec<String>,
    /// Words naming an event before its name ("Hurricane", "Typhoon"): what follows is no
    /// person, however much it reads like one.
    pub event_heads: Vec<String>,
    /// Words ending the names of laws, treaties and documents ("Agreement", "Act", "Memo"): a
    /// name ending in one is no person.
    pub document_heads: Vec<String>,
    /// Generational suffixes after a surname ("Sr", "III"): part of no one's surname, and
    /// left off the name.
    #[serde(default)]
    pub name_suffixes: Vec<String>,
    /// Suffixes that tell a son from his father ("Jr"): part of no one's surname, but kept
    /// in the name.
    #[serde(default)]
    pub junior_suffixes: Vec<String>,
    /// Prefixes of three letters or more that a capital follows inside a surname ("Mac" of
    /// "MacArthur"): such a word is a name, not a brand ("SilkAir").
    #[serde(default)]
    pub name_prefixes: Vec<String>,
    pub determiners: Vec<String>,
    /// Words that put a month name to use as a date ("last April", "early June"); the
    /// prepositions and determiners do too.
    #[serde(default)]
    pub date_modifiers: Vec<String>,
    /// Words for some or a share of what follows their "of" ("Members of Congress", "Shares
    /// of Acme"): no part of the name after them.
    #[serde(default)]
    pub partitive_words: Vec<String>,
    /// A company's legal form ("Inc.", "LLC"): part of its name, never a name alone.
    #[serde(default)]
    pub legal_forms: Vec<String>,
    /// Acronyms of common nouns ("TV", "GDP"): no organisation's name on their own.
    #[serde(default)]
    pub common_acronyms: Vec<String>,
    /// Words that join clauses ("if", "while", "because"): never part of a role.
    #[serde(default)]
    pub conjunctions: Vec<String>,
    pub group_adjectives: Vec<String>,
    #[serde(default)]
    pub staff_roles: Vec<String>,
    /// Lower-case nouns for a kind of organisation ("newspaper", "company"): a name of two
    /// words or more right after one is that organisation's.
    pub organisation_nouns: Vec<String>,
    /// Nouns for those who speak in a person's name ("X's office", "his spokeswoman").
    pub voice_nouns: Vec<String>,
    /// What a generic noun for an organisation ("the company") can stand for.
    pub organisation_kinds: HashMap<String, OrganisationKind>,
    /// Generic nouns that also stand for an organisation whose kind nothing tells.
    #[serde(default)]
    pub unlabelled_organisation_nouns: Vec<String>,
    /// Two-word labels of photo credits and captions that pages leave in copied text ("image
    /// caption"): a name ends before one.
    pub credit_phrases: Vec<String>,
    /// Words for a party's members ("Republican", "Tory"): a name holding one is a
    /// description ("North Carolina Republican"), never a person's name.
    pub party_words: Vec<String>,
    /// The party letter of a party's members ("democrat": "D"), as labels write it.
    pub party_word_letters: HashMap<String, String>,
    pub spelling: HashMap<String, String>,
    /// Short forms of given names and the name they shorten ("joe": "joseph"), so that "Joe
    /// Lombardo" and "Joseph Lombardo" can be one person.
    pub nicknames: HashMap<String, String>,
    /// Titles written short and the role word they stand for ("gov": "governor"), so that
    /// "the governor said" finds "Gov. X".
    pub title_abbreviations: HashMap<String, String>,
    /// Role nouns that tell a person's sex ("mother": "f"), for resolving "he" and "she" when
    /// the name does not ("his brother, Stephen"): m or f.
    pub role_genders: HashMap<String, String>,
    /// Pronouns of every case that tell a sex ("his": "m"), for reading a person's sex from
    /// the article when the name says nothing or says otherwise: m or f.
    #[serde(default)]
    pub pronoun_genders: HashMap<String, String>,
    pub np_modifiers: Vec<String>,
    pub verb_fillers: Vec<String>,
    pub place_suffixes: Vec<String>,
    pub not_places: Vec<String>,
    /// Abbreviations that open a word of a name ("St. Lucie", "Mt. Hood", "Ft. Worth").
    #[serde(default)]
    pub name_abbreviations: Vec<String>,
}

/// The organisations a generic noun ("company") can stand for: those whose names hold one of
/// `heads` ("Inc", "Airlines"), or that the organisation list gives one of `kinds`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct OrganisationKind {
    pub heads: Vec<String>,
    pub kinds: Vec<String>,
}

/// An organisation the data knows by name.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct KnownOrganization {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: Option<String>,
    pub country: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Country {
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub adjectives: Vec<String>,
    pub people: Vec<String>,
}

/// Additions to the built-in knowledge, from `crossbrief.yaml`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Extension {
    #[serde(flatten)]
    pub lexicon: Lexicon,
    pub organizations: Vec<KnownOrganization>,
    pub countries: Vec<Country>,
    /// Extra places: `{name, country, lat, lon, kind, alternates}`.
    pub places: Vec<gazetteer::ExtraPlace>,
    /// Extra units and counted nouns for figures.
    pub units: units::UnitsExtension,
    /// Given names with a gender (`m`, `f` or `u`), for resolving "he" and "she".
    pub given_names: HashMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// Index of the lemma in `Knowledge::cue_lemmas`.
    pub lemma: usize,
    /// Takes its quotation as a complement: "called it "..."".
    pub embedding: bool,
    /// Not reported speech on its own.
    pub weak: bool,
    /// Weak, but reports a named subject's figures: "police report 527 injured".
    pub reporting: bool,
    /// Passes on what another source said: "X said he was “happy,” the agency reported".
    pub relaying: bool,
}

/// Everything extraction and linking look up. Built once per build, shared by all threads.
#[derive(Debug, Default)]
pub struct Knowledge {
    cue_forms: HashMap<String, Cue>,
    pub cue_lemmas: Vec<String>,
    attribution_phrases: Vec<Vec<String>>,
    medium_nouns: HashSet<String>,
    role_nouns: HashSet<String>,
    kin_nouns: HashSet<String>,
    /// Multi-word role nouns ("press secretary"), as word lists.
    role_phrases: Vec<Vec<String>>,
    titles: Vec<Vec<String>>,
    /// A title's first word (without its dot) → indexes in `titles`, longest first: asked of
    /// every capitalised word, so not a scan of every title.
    titles_by_first_word: HashMap<String, Vec<usize>>,
    org_heads: HashSet<String>,
    body_nouns: HashSet<String>,
    anonymous_nouns: HashSet<String>,
    document_nouns: HashSet<String>,
    source_nouns: HashSet<String>,
    issuing_verbs: HashSet<String>,
    pronouns: HashMap<String, String>,
    abbreviations: HashSet<String>,
    name_connectors: HashSet<String>,
    role_modifiers: HashSet<String>,
    honorifics: HashSet<String>,
    party_letters: HashSet<String>,
    prepositions: HashSet<String>,
    event_heads: HashSet<String>,
    document_heads: HashSet<String>,
    name_suffixes: HashSet<String>,
    junior_suffixes: HashSet<String>,
    name_prefixes: HashSet<String>,
    determiners: HashSet<String>,
    date_modifiers: HashSet<String>,
    partitive_words: HashSet<String>,
    legal_forms: HashSet<String>,
    common_acronyms: HashSet<String>,
    conjunctions: HashSet<String>,
    /// Bytes in the longest determiner or pronoun; longer words are neither.
    function_word_len: usize,
    group_adjectives: HashSet<String>,
    staff_roles: Vec<String>,
    organisation_nouns: HashSet<String>,
    /// Lower-case nouns for those who speak in a person's name.
    voice_nouns: HashSet<String>,
    /// Generic noun → (lower-case name heads, organisation kinds).
    organisation_kinds: HashMap<String, (HashSet<String>, HashSet<String>)>,
    /// Generic nouns that can also stand for an organisation of no known kind.
    unlabelled_organisation_nouns: HashSet<String>,
    /// Pairs of lower-case words; a handful, so a scan beats hashing a joined key per word.
    credit_phrases: Vec<(String, String)>,
    party_words: HashSet<String>,
    party_word_letters: HashMap<String, String>,
    spelling: HashMap<String, String>,
    nicknames: HashMap<String, String>,
    title_abbreviations: HashMap<String, String>,
    role_genders: HashMap<String, Gender>,
    pronoun_genders: HashMap<String, Gender>,
    np_modifiers: HashSet<String>,
    verb_fillers: HashSet<String>,
    /// Fillers of several words ("went on to"), as word lists.
    verb_filler_phrases: Vec<Vec<String>>,
    place_suffixes: HashSet<String>,
    not_places: HashSet<String>,
    name_abbreviations: HashSet<String>,
    pub organizations: Vec<KnownOrganization>,
    /// Folded name or alias → index in `organizations`.
    organization_names: HashMap<String, usize>,
    pub countries: Vec<Country>,
    /// Folded country name, alias, adjective or people noun → index in `countries`.
    country_words: HashMap<String, usize>,
    /// Every country adjective and people noun as written: most words are none, and are
    /// told so without folding.
    demonyms: HashSet<String>,
    common_words: HashSet<String>,
    given_names: HashMap<String, Gender>,
    surnames: HashSet<String>,
    pub units: units::Units,
    extra_places: Vec<gazetteer::ExtraPlace>,
    gazetteer: OnceLock<Arc<gazetteer::Gazetteer>>,
}

fn base_lexicon() -> &'static Lexicon {
    static BASE: OnceLock<Lexicon> = OnceLock::new();
    BASE.get_or_init(|| serde_yaml::from_str(LEXICON).expect("data/lexicon.yaml is valid"))
}

impl Knowledge {
    /// The built-in knowledge plus a briefing's additions.
    pub fn new(extension: &Extension) -> Knowledge {
        let mut lexicon = base_lexicon().clone();
        merge_lexicon(&mut lexicon, &extension.lexicon);
        let mut organizations: Vec<KnownOrganization> =
            serde_yaml::from_str(ORGANIZATIONS).expect("data/organizations.yaml is valid");
        organizations.extend(extension.organizations.iter().cloned());
        let mut countries: Vec<Country> =
            serde_yaml::from_str(COUNTRIES).expect("data/countries.yaml is valid");
        for extra in &extension.countries {
            match countries.iter_mut().find(|c| c.code == extra.code) {
                Some(c) => {
                    c.aliases.extend(extra.aliases.iter().cloned());
                    c.adjectives.extend(extra.adjectives.iter().cloned());
                    c.people.extend(extra.people.iter().cloned());
                }
                None => countries.push(extra.clone()),
            }
        }

        let mut k = Knowledge::default();
        for (lemma, forms) in sorted(&lexicon.cue_verbs) {
            let index = k.cue_lemmas.len();
            k.cue_lemmas.push(lemma.clone());
            let embedding = lexicon.embedding_verbs.contains(lemma);
            let weak = lexicon.weak_cue_verbs.contains(lemma);
            let reporting = lexicon.reporting_verbs.contains(lemma);
            let relaying = lexicon.relaying_verbs.contains(lemma);
            for form in forms {
                k.cue_forms.entry(form.to_lowercase()).or_insert(Cue {
                    lemma: index,
                    embedding,
                    weak,
                    reporting,
                    relaying,
                });
            }
        }
        k.attribution_phrases = lexicon
            .attribution_phrases
            .iter()
            .map(|p| words_of(p))
            .collect();
        k.medium_nouns = lower_set(&lexicon.medium_nouns);
        k.kin_nouns = lower_set(&lexicon.kin_nouns);
        for role in lexicon.role_nouns.iter().chain(&lexicon.kin_nouns) {
            let words = words_of(role);
            if words.len() == 1 {
                k.role_nouns.insert(words[0].clone());
            } else {
                k.role_phrases.push(words);
            }
        }
        k.titles = lexicon.titles.iter().map(|t| words_of(t)).collect();
        k.titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
        for (i, title) in k.titles.iter().enumerate() {
            if let Some(first) = title.first() {
                k.titles_by_first_word
                    .entry(first.trim_end_matches('.').to_string())
                    .or_default()
                    .push(i);
            }
        }
        k.org_heads = lower_set(&lexicon.org_heads);
        k.body_nouns = lower_set(&lexicon.body_nouns);
        k.anonymous_nouns = lower_set(&lexicon.anonymous_nouns);
        k.document_nouns = lower_set(&lexicon.document_nouns);
        k.source_nouns = lower_set(&lexicon.source_nouns);
        k.issuing_verbs = lower_set(&lexicon.issuing_verbs);
        k.pronouns = lexicon
            .pronouns
            .iter()
            .map(|(p, kind)| (p.to_lowercase(), kind.clone()))
            .collect();
        k.abbreviations = lower_set(&lexicon.abbreviations);
        k.name_connectors = lower_set(&lexicon.name_connectors);
        k.role_modifiers = lower_set(&lexicon.role_modifiers);
        k.honorifics = lower_set(&lexicon.honorifics);
        k.party_letters = lexicon.party_letters.iter().cloned().collect();
        k.prepositions = lower_set(&lexicon.prepositions);
        k.event_heads = lower_set(&lexicon.event_heads);
        k.document_heads = lower_set(&lexicon.document_heads);
        let without_dot = |words: &[String]| {
            words
                .iter()
                .map(|w| w.trim_end_matches('.').to_string())
                .collect()
        };
        k.name_suffixes = without_dot(&lexicon.name_suffixes);
        k.junior_suffixes = without_dot(&lexicon.junior_suffixes);
        k.name_prefixes = lower_set(&lexicon.name_prefixes);
        k.determiners = lower_set(&lexicon.determiners);
        k.date_modifiers = lower_set(&lexicon.date_modifiers);
        k.partitive_words = lower_set(&lexicon.partitive_words);
        k.legal_forms = lower_set(&lexicon.legal_forms);
        k.common_acronyms = lower_set(&lexicon.common_acronyms);
        k.conjunctions = lower_set(&lexicon.conjunctions);
        k.function_word_len = k
            .determiners
            .iter()
            .chain(k.pronouns.keys())
            .map(String::len)
            .max()
            .unwrap_or(0);
        k.group_adjectives = lower_set(&lexicon.group_adjectives);
        k.staff_roles = lexicon
            .staff_roles
            .iter()
            .map(|r| r.to_lowercase())
            .collect();
        k.organisation_nouns = lexicon.organisation_nouns.iter().cloned().collect();
        k.voice_nouns = lower_set(&lexicon.voice_nouns);
        k.organisation_kinds = lexicon
            .organisation_kinds
            .iter()
            .map(|(noun, kind)| {
                let kinds = kind.kinds.iter().map(|k| k.trim().to_string()).collect();
                (noun.to_lowercase(), (lower_set(&kind.heads), kinds))
            })
            .collect();
        k.unlabelled_organisation_nouns = lower_set(&lexicon.unlabelled_organisation_nouns);
        k.credit_phrases = lexicon
            .credit_phrases
            .iter()
            .filter_map(|p| {
                let (a, b) = p.trim().split_once(' ')?;
                Some((a.to_lowercase(), b.trim().to_lowercase()))
            })
            .collect();
        k.party_words = lower_set(&lexicon.party_words);
        k.party_word_letters = lexicon
            .party_word_letters
            .iter()
            .map(|(word, letter)| (word.to_lowercase(), letter.trim().to_string()))
            .collect();
        k.spelling = lexicon
            .spelling
            .iter()
            .map(|(a, b)| (a.to_lowercase(), b.to_lowercase()))
            .collect();
        k.nicknames = lexicon
            .nicknames
            .iter()
            .map(|(a, b)| (fold(a), fold(b)))
            .collect();
        k.title_abbreviations = lexicon
            .title_abbreviations
            .iter()
            .map(|(a, b)| (fold(a), fold(b)))
            .collect();
        k.role_genders = gender_map(&lexicon.role_genders);
        k.pronoun_genders = gender_map(&lexicon.pronoun_genders);
        k.np_modifiers = lower_set(&lexicon.np_modifiers);
        for filler in &lexicon.verb_fillers {
            let words: Vec<String> = filler.split_whitespace().map(str::to_lowercase).collect();
            match words.len() {
                0 => {}
                1 => {
                    k.verb_fillers.insert(words[0].clone());
                }
                _ => k.verb_filler_phrases.push(words),
            }
        }
        k.place_suffixes = lower_set(&lexicon.place_suffixes);
        k.not_places = lower_set(&lexicon.not_places);
        k.name_abbreviations = lower_set(&lexicon.name_abbreviations);
        for (i, org) in organizations.iter().enumerate() {
            for name in std::iter::once(&org.name).chain(&org.aliases) {
                k.organization_names.entry(fold(name)).or_insert(i);
            }
        }
        k.organizations = organizations;
        for (i, c) in countries.iter().enumerate() {
            let names = std::iter::once(&c.name)
                .chain(&c.aliases)
                .chain(&c.adjectives)
                .chain(&c.people);
            for name in names {
                k.country_words.entry(fold(name)).or_insert(i);
            }
        }
        k.demonyms = countries
            .iter()
            .flat_map(|c| c.adjectives.iter().chain(&c.people))
            .cloned()
            .collect();
        k.countries = countries;
        k.common_words = COMMON_WORDS
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        k.given_names = GIVEN_NAMES
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(name, g)| (name.to_lowercase(), gender_of(g)))
            .collect();
        k.surnames = SURNAMES
            .lines()
            .map(|l| l.trim().to_lowercase())
            .filter(|l| !l.is_empty())
            .collect();
        for (name, g) in &extension.given_names {
            k.given_names.insert(name.to_lowercase(), gender_of(g));
        }
        k.units = units::Units::new(&extension.units);
        k.extra_places = extension.places.clone();
        k
    }

    /// The built-in knowledge, shared (for tests and tools).
    pub fn builtin() -> &'static Knowledge {
        static BUILTIN: OnceLock<Knowledge> = OnceLock::new();
        BUILTIN.get_or_init(|| Knowledge::new(&Extension::default()))
    }

    #[cfg(test)]
    pub fn default_for_tests() -> &'static Knowledge {
        Knowledge::builtin()
    }

    /// The gazetteer, loaded on first use (it is the largest piece of data: about 0.7 s to
    /// index on two cores). Loaded gazetteers are shared by every `Knowledge` with the same
    /// extra places, so `serve` pays for it once.
    pub fn gazetteer(&self) -> &gazetteer::Gazetteer {
        self.gazetteer.get_or_init(|| {
            static CACHE: std::sync::Mutex<Vec<(String, Arc<gazetteer::Gazetteer>)>> =
                std::sync::Mutex::new(Vec::new());
            let key = format!("{:?}{:?}", self.extra_places, self.countries.len());
            let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
            if let Some((_, g)) = cache.iter().find(|(k, _)| *k == key) {
                return g.clone();
            }
            let g = Arc::new(gazetteer::Gazetteer::load(&self.extra_places, self));
            cache.push((key, g.clone()));
            g
        })
    }

    pub fn cue(&self, word: &str) -> Option<Cue> {
        with_lowercase(word, |w| self.cue_forms.get(w)).copied()
    }

    /// The attribution phrase ("according to") starting at `words[0]`, as its word count.
    pub fn attribution_phrase_at(&self, words: &[&str]) -> Option<usize> {
        self.attribution_phrases
            .iter()
            .filter(|p| {
                p.len() <= words.len()
                    && p.iter().zip(words).all(|(a, b)| a.eq_ignore_ascii_case(b))
            })
            .map(Vec::len)
            .max()
    }

    pub fn is_medium_noun(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.medium_nouns.contains(w))
    }

    pub fn is_role_noun(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.role_nouns.contains(w))
    }

    pub fn is_kin_noun(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.kin_nouns.contains(w))
    }

    /// The multi-word role noun ("press secretary") ending at the last of `words`, as its length.
    pub fn role_phrase_ending(&self, words: &[&str]) -> Option<usize> {
        self.role_phrases
            .iter()
            .filter(|p| {
                p.len() <= words.len()
                    && p.iter()
                        .rev()
                        .zip(words.iter().rev())
                        .all(|(a, b)| a.eq_ignore_ascii_case(b))
            })
            .map(Vec::len)
            .max()
    }

    /// The longest title ("Prime Minister", "Gen.") starting at `words[0]`, as its word count.
    pub fn title_at(&self, words: &[&str]) -> Option<usize> {
        // Asked of every word of every article: most are not capitalised, and need no lookup.
        if !words
            .first()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
        {
            return None;
        }
        self.titles_by_first_word
            .get(words[0].trim_end_matches('.'))?
            .iter()
            .map(|&i| &self.titles[i])
            .find(|t| {
                t.len() <= words.len()
                    && t.iter()
                        .zip(words)
                        .all(|(a, b)| a.trim_end_matches('.') == b.trim_end_matches('.'))
            })
            .map(Vec::len)
    }

    pub fn is_title_word(&self, word: &str) -> bool {
        self.titles_by_first_word
            .get(word.trim_end_matches('.'))
            .is_some_and(|titles| titles.iter().any(|&i| self.titles[i].len() == 1))
    }

    /// Whether `word` heads an organisation's name. A hyphenated word does when one of its
    /// parts does: "Review-Journal", "Post-Gazette".
    pub fn is_org_head(&self, word: &str) -> bool {
        with_lowercase(word, |lower| {
            self.org_heads.contains(lower)
                || lower.contains('-')
                    && lower
                        .split('-')
                        .any(|part| part.len() > 2 && self.org_heads.contains(part))
        })
    }

    pub fn is_body_noun(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.body_nouns.contains(w))
    }

    pub fn is_anonymous_noun(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.anonymous_nouns.contains(w))
    }

    pub fn is_document_noun(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.document_nouns.contains(w))
    }

    /// A verb by which a source brings out a document: "released", "issued".
    pub fn is_issuing_verb(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.issuing_verbs.contains(w))
    }

    /// A document noun, or a record of figures that is a source's when said to be from it.
    pub fn is_source_noun(&self, word: &str) -> bool {
        self.is_document_noun(word) || with_lowercase(word, |w| self.source_nouns.contains(w))
    }

    /// What a pronoun can stand for (`male`, `female`, `any`, `organization`), if it is one.
    pub fn pronoun(&self, word: &str) -> Option<&str> {
        with_lowercase(word, |w| self.pronouns.get(w)).map(String::as_str)
    }

    pub fn is_abbreviation(&self, word: &str) -> bool {
        with_lowercase(word.trim_end_matches('.'), |w| {
            self.abbreviations.contains(w)
        })
    }

    pub fn is_name_connector(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.name_connectors.contains(w))
    }

    /// A word that is never a place on its own ("Western", "Central").
    pub fn is_not_a_place(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.not_places.contains(w))
    }

    /// An abbreviation that opens a word of a name, so its full stop does not end the name:
    /// "Port St. Lucie", "Mt. Hood".
    pub fn is_name_abbreviation(&self, word: &str) -> bool {
        with_lowercase(word.trim_end_matches('.'), |w| {
            self.name_abbreviations.contains(w)
        })
    }

    /// A last word that makes a name a street, square or building ("St", "Square").
    pub fn is_place_suffix(&self, word: &str) -> bool {
        with_lowercase(word.trim_end_matches('.'), |w| {
            self.place_suffixes.contains(w)
        })
    }

    pub fn is_np_modifier(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.np_modifiers.contains(w))
    }

    /// The number of words of a filler phrase ("went on to") that `words` end with.
    pub fn filler_phrase_ending(&self, words: &[&str]) -> Option<usize> {
        self.verb_filler_phrases
            .iter()
            .filter(|p| p.len() <= words.len())
            .find(|p| {
                words[words.len() - p.len()..]
                    .iter()
                    .zip(p.iter())
                    .all(|(w, f)| w.eq_ignore_ascii_case(f))
            })
            .map(Vec::len)
    }

    pub fn is_verb_filler(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.verb_fillers.contains(w))
            || (word.ends_with("ly") && word.len() > 4 && word.chars().all(|c| c.is_lowercase()))
    }

    pub fn is_role_modifier(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.role_modifiers.contains(w))
    }

    /// A word after which a month's name is a date: a preposition, a determiner or a date
    /// modifier ("in April", "this June", "last August").
    pub fn introduces_date(&self, word: &str) -> bool {
        with_lowercase(word, |w| {
            self.prepositions.contains(w)
                || self.determiners.contains(w)
                || self.date_modifiers.contains(w)
        })
    }

    /// "Members", "Shares", "Some": a word for some or a share of what its "of" names.
    pub fn is_partitive_word(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.partitive_words.contains(w))
    }

    /// "LLC", "Inc.": a company's legal form, which names nobody on its own.
    pub fn is_legal_form(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.legal_forms.contains(w))
    }

    /// "If", "while", "because": a word that joins clauses.
    pub fn is_conjunction(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.conjunctions.contains(w))
    }

    /// "TV", "GDP": an acronym of a common noun, which names nobody on its own.
    pub fn is_common_acronym(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.common_acronyms.contains(w))
    }

    pub fn is_preposition(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.prepositions.contains(w))
    }

    /// "Republican", "Democrats", "Tory": a word for a party's members.
    pub fn is_party_word(&self, word: &str) -> bool {
        with_lowercase(crate::knowledge::strip_possessive(word), |w| {
            self.party_words.contains(w)
        })
    }

    /// Whether the generic noun `noun` ("company", lower case) can stand for an organisation
    /// named `name`, known by the list as `kind`. `None` when the lexicon has no such noun.
    pub fn organisation_kind_fits(
        &self,
        noun: &str,
        name: &str,
        kind: Option<&str>,
    ) -> Option<bool> {
        let (heads, kinds) = self.organisation_kinds.get(noun)?;
        Some(
            kind.is_some_and(|k| kinds.contains(k))
                || name_words(name).any(|w| with_lowercase(w, |w| heads.contains(w))),
        )
    }

    /// "office", "spokeswoman" (lower case): a noun for those who speak in a person's name.
    pub fn is_voice_noun(&self, noun: &str) -> bool {
        self.voice_nouns.contains(noun)
    }

    /// Whether the generic noun `noun` ("company") can stand for an organisation whose kind
    /// nothing tells: see [`Knowledge::is_unlabelled_organisation`].
    pub fn stands_for_unlabelled(&self, noun: &str) -> bool {
        self.unlabelled_organisation_nouns.contains(noun)
    }

    /// Whether nothing tells what kind of organisation `name` is: the organisation list gives
    /// it no kind (`kind`) and its name holds none of the heads any generic noun goes by, nor
    /// a word for a body or an organisation ("Acme", not "Acme Airlines", "the Acme Agency",
    /// "the Senate" or a listed news agency).
    pub fn is_unlabelled_organisation(&self, name: &str, kind: Option<&str>) -> bool {
        kind.is_none()
            && !name_words(name).any(|w| {
                self.is_org_head(w)
                    || self.is_body_noun(w)
                    || with_lowercase(w, |w| {
                        self.organisation_kinds
                            .values()
                            .any(|(heads, _)| heads.contains(w))
                    })
            })
    }

    /// Whether the lexicon says what the generic noun `noun` ("company") stands for.
    pub fn is_organisation_kind_noun(&self, noun: &str) -> bool {
        self.organisation_kinds.contains_key(noun)
    }

    /// "newspaper", "company": a lower-case noun for a kind of organisation. Case matters:
    /// "the newspaper Yeni Safak", not "the Newspaper Guild".
    pub fn is_organisation_noun(&self, word: &str) -> bool {
        self.organisation_nouns.contains(word)
    }

    /// "Image caption", "Media caption": two words labelling a photo credit or caption.
    pub fn is_credit_phrase(&self, first: &str, second: &str) -> bool {
        self.credit_phrases
            .iter()
            .any(|(a, b)| first.eq_ignore_ascii_case(a) && second.eq_ignore_ascii_case(b))
    }

    /// A determiner or pronoun ("The", "I", "Their"): a word that is never part of a name.
    pub fn is_function_word(&self, word: &str) -> bool {
        // Asked of every word that extends a name: a word longer than any determiner or
        // pronoun needs no lower-cased copy to be looked up.
        if word.len() > self.function_word_len {
            return false;
        }
        with_lowercase(word, |lower| {
            self.determiners.contains(lower) || self.pronouns.contains_key(lower)
        })
    }

    /// "Jr", "Sr.", "III": a generational suffix, written after the surname it follows.
    /// Matched as written, so the Roman numeral "II" is one and the word "ii" is not.
    pub fn is_name_suffix(&self, word: &str) -> bool {
        let word = word.trim_end_matches('.');
        self.name_suffixes.contains(word) || self.junior_suffixes.contains(word)
    }

    /// "Jr": a suffix that stays in the name, as it tells a son from his father.
    pub fn is_junior_suffix(&self, word: &str) -> bool {
        self.junior_suffixes.contains(word.trim_end_matches('.'))
    }

    /// "Agreement", "Act", "Memo": a word ending the name of a law, treaty or document.
    /// "mac", "des": a lower-cased prefix a capital may follow inside a surname.
    pub fn is_name_prefix(&self, prefix: &str) -> bool {
        self.name_prefixes.contains(prefix)
    }

    pub fn is_document_head(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.document_heads.contains(w))
    }

    /// "Hurricane", "Storm", "Typhoon": a word naming an event before its name.
    pub fn is_event_head(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.event_heads.contains(w))
    }

    /// "R-Texas", "D-Calif": a party and state label, written after a legislator's name.
    pub fn is_party_label(&self, word: &str) -> bool {
        word.split_once('-').is_some_and(|(party, state)| {
            self.party_letters.contains(party) && state.starts_with(char::is_uppercase)
        })
    }

    /// The party letter a label uses for the members of the party `word` names ("Democrat"
    /// → "D").
    pub fn party_letter(&self, word: &str) -> Option<&str> {
        with_lowercase(word, |w| self.party_word_letters.get(w).map(String::as_str))
    }

    /// "Mr.", "Ms", "Mrs.": a courtesy title, not a role.
    pub fn is_honorific(&self, title: &str) -> bool {
        with_lowercase(title, |w| self.honorifics.contains(w))
    }

    /// A word news text usually writes in lower case.
    pub fn is_common_word(&self, lower: &str) -> bool {
        self.common_words.contains(lower)
    }

    /// One of the 10,000 most common (US census) surnames.
    pub fn is_common_surname(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.surnames.contains(w))
    }

    pub fn given_name(&self, word: &str) -> Option<Gender> {
        with_lowercase(word, |w| self.given_names.get(w)).copied()
    }

    /// The given name a short form stands for ("Joe" → "joseph"), folded; the name itself,
    /// folded, when it is no known short form.
    pub fn full_given_name(&self, given: &str) -> String {
        let folded = fold(given);
        self.nicknames.get(&folded).cloned().unwrap_or(folded)
    }

    /// The role word an abbreviated title stands for ("Gov." → "governor"); the word itself
    /// when it is no known abbreviation.
    pub fn role_word<'a>(&'a self, word: &'a str) -> &'a str {
        let bare = word.trim_end_matches('.');
        with_lowercase(bare, |w| self.title_abbreviations.get(w)).map_or(word, String::as_str)
    }

    /// The sex a role noun tells ("widow", "brother"), if it tells one.
    pub fn role_gender(&self, word: &str) -> Option<Gender> {
        with_lowercase(strip_possessive(word), |w| self.role_genders.get(w)).copied()
    }

    /// "his" → male, "herself" → female.
    pub fn pronoun_gender(&self, word: &str) -> Option<Gender> {
        with_lowercase(word, |w| self.pronoun_genders.get(w)).copied()
    }

    /// The American spelling of a British one, if it differs.
    pub fn american_spelling<'a>(&'a self, lower: &str) -> Option<&'a str> {
        self.spelling.get(lower).map(String::as_str)
    }

    /// The known organisation with this exact name or alias.
    pub fn organization(&self, name: &str) -> Option<&KnownOrganization> {
        with_folded(name, |f| self.organization_names.get(f)).map(|&i| &self.organizations[i])
    }

    /// The country a name, alias, adjective or people noun refers to ("Britain", "British",
    /// "U.K.", "Britons" → GB). Possessives are accepted ("Egypt's").
    pub fn country(&self, word: &str) -> Option<&Country> {
        let bare = strip_possessive(word);
        with_folded(bare, |f| self.country_words.get(f)).map(|&i| &self.countries[i])
    }

    /// The country a name or alias names ("United Kingdom", "Britain", "U.K."), but not an
    /// adjective or people noun ("British").
    pub fn country_by_name(&self, name: &str) -> Option<&Country> {
        self.country(name).filter(|c| {
            let f = fold(strip_possessive(name));
            fold(&c.name) == f || c.aliases.iter().any(|a| fold(a) == f)
        })
    }

    pub fn country_by_code(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// The organisation whose staff a role names ("Acme CEO", "spokesman for Acme", "the chief
    /// executive of Acme"), when the role is one only organisations have.
    pub fn employer_in_role<'r>(&self, role: &'r str) -> Option<&'r str> {
        let lower = role.to_lowercase();
        // Offsets in the lower-cased role are offsets in the role only when lower-casing kept
        // every character's length, as it does for nearly every name.
        if lower.len() != role.len() {
            return None;
        }
        let at_word = |i: usize| i == 0 || lower.as_bytes()[i - 1] == b' ';
        self.staff_roles.iter().find_map(|staff| {
            // "CEO of Acme", "former spokesman for Acme"
            let employer = lower
                .match_indices(staff.as_str())
                .filter(|&(i, _)| at_word(i))
                .find_map(|(i, _)| {
                    let after = &lower[i + staff.len()..];
                    [" of ", " for ", " at "]
                        .iter()
                        .find_map(|joint| after.strip_prefix(joint))
                });
            if let Some(rest) = employer {
                let rest = rest.strip_prefix("the ").unwrap_or(rest);
                return (!rest.is_empty()).then(|| &role[role.len() - rest.len()..]);
            }
            // "Acme CEO", "Acme's spokesman"
            let name = lower.strip_suffix(staff.as_str())?.strip_suffix(' ')?;
            let name = strip_possessive(name);
            (!name.is_empty()).then(|| &role[..name.len()])
        })
    }

    /// Whether the word is a country adjective or people noun ("Egyptian", "Britons").
    /// A word for a group of people, or a compound with one: "Asian", "Midwestern",
    /// "African-American", "Muslim-majority", and every demonym.
    pub fn is_group_word(&self, word: &str) -> bool {
        strip_possessive(word).split('-').any(|part| {
            with_lowercase(part, |w| self.group_adjectives.contains(w)) || self.is_demonym(part)
        })
    }

    pub fn is_demonym(&self, word: &str) -> bool {
        let bare = strip_possessive(word);
        self.demonyms.contains(bare)
            && self
                .country(bare)
                .is_some_and(|c| c.adjectives.iter().chain(&c.people).any(|a| a == bare))
    }
}

/// The words of an organisation's name as its heads are matched: "Acme Inc.'s," as "Acme",
/// "Inc.".
fn name_words(name: &str) -> impl Iterator<Item = &str> {
    name.split_whitespace()
        .map(|w| strip_possessive(w.trim_matches(',')))
}

/// "Egypt's" → "Egypt"; "Mayors'" → "Mayors".
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

/// Words lower-cased, with the sex their code gives; a code that is no sex is left out
/// (and `check_extension` says so).
fn gender_map(codes: &HashMap<String, String>) -> HashMap<String, Gender> {
    codes
        .iter()
        .map(|(word, code)| (word.to_lowercase(), gender_of(code)))
        .filter(|(_, g)| *g != Gender::Unknown)
        .collect()
}

fn gender_of(code: &str) -> Gender {
    match code.trim() {
        "m" | "male" => Gender::Male,
        "f" | "female" => Gender::Female,
        _ => Gender::Unknown,
    }
}

fn words_of(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_string).collect()
}

fn lower_set(words: &[String]) -> HashSet<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

fn sorted<K: Ord, V>(map: &HashMap<K, V>) -> Vec<(&K, &V)> {
    let mut v: Vec<(&K, &V)> = map.iter().collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}

fn merge_lexicon(base: &mut Lexicon, extra: &Lexicon) {
    for (lemma, forms) in &extra.cue_verbs {
        base.cue_verbs
            .entry(lemma.clone())
            .or_default()
            .extend(forms.iter().cloned());
    }
    base.embedding_verbs
        .extend(extra.embedding_verbs.iter().cloned());
    base.weak_cue_verbs
        .extend(extra.weak_cue_verbs.iter().cloned());
    base.reporting_verbs
        .extend(extra.reporting_verbs.iter().cloned());
    base.relaying_verbs
        .extend(extra.relaying_verbs.iter().cloned());
    base.attribution_phrases
        .extend(extra.attribution_phrases.iter().cloned());
    base.medium_nouns.extend(extra.medium_nouns.iter().cloned());
    base.role_nouns.extend(extra.role_nouns.iter().cloned());
    base.kin_nouns.extend(extra.kin_nouns.iter().cloned());
    base.titles.extend(extra.titles.iter().cloned());
    base.org_heads.extend(extra.org_heads.iter().cloned());
    base.body_nouns.extend(extra.body_nouns.iter().cloned());
    base.anonymous_nouns
        .extend(extra.anonymous_nouns.iter().cloned());
    base.document_nouns
        .extend(extra.document_nouns.iter().cloned());
    base.source_nouns.extend(extra.source_nouns.iter().cloned());
    base.issuing_verbs
        .extend(extra.issuing_verbs.iter().cloned());
    base.pronouns
        .extend(extra.pronouns.iter().map(|(a, b)| (a.clone(), b.clone())));
    base.abbreviations
        .extend(extra.abbreviations.iter().cloned());
    base.name_connectors
        .extend(extra.name_connectors.iter().cloned());
    base.role_modifiers
        .extend(extra.role_modifiers.iter().cloned());
    base.honorifics.extend(extra.honorifics.iter().cloned());
    base.party_letters
        .extend(extra.party_letters.iter().cloned());
    base.prepositions.extend(extra.prepositions.iter().cloned());
    base.event_heads.extend(extra.event_heads.iter().cloned());
    base.document_heads
        .extend(extra.document_heads.iter().cloned());
    base.name_suffixes
        .extend(extra.name_suffixes.iter().cloned());
    base.junior_suffixes
        .extend(extra.junior_suffixes.iter().cloned());
    base.name_prefixes
        .extend(extra.name_prefixes.iter().cloned());
    base.determiners.extend(extra.determiners.iter().cloned());
    base.date_modifiers
        .extend(extra.date_modifiers.iter().cloned());
    base.partitive_words
        .extend(extra.partitive_words.iter().cloned());
    base.legal_forms.extend(extra.legal_forms.iter().cloned());
    base.common_acronyms
        .extend(extra.common_acronyms.iter().cloned());
    base.conjunctions.extend(extra.conjunctions.iter().cloned());
    base.group_adjectives
        .extend(extra.group_adjectives.iter().cloned());
    base.staff_roles.extend(extra.staff_roles.iter().cloned());
    base.organisation_nouns
        .extend(extra.organisation_nouns.iter().cloned());
    base.voice_nouns.extend(extra.voice_nouns.iter().cloned());
    for (noun, kind) in &extra.organisation_kinds {
        let base_kind = base.organisation_kinds.entry(noun.clone()).or_default();
        base_kind.heads.extend(kind.heads.iter().cloned());
        base_kind.kinds.extend(kind.kinds.iter().cloned());
    }
    base.unlabelled_organisation_nouns
        .extend(extra.unlabelled_organisation_nouns.iter().cloned());
    base.credit_phrases
        .extend(extra.credit_phrases.iter().cloned());
    base.party_words.extend(extra.party_words.iter().cloned());
    base.party_word_letters.extend(
        extra
            .party_word_letters
            .iter()
            .map(|(a, b)| (a.clone(), b.clone())),
    );
    base.spelling
        .extend(extra.spelling.iter().map(|(a, b)| (a.clone(), b.clone())));
    base.nicknames
        .extend(extra.nicknames.iter().map(|(a, b)| (a.clone(), b.clone())));
    base.title_abbreviations.extend(
        extra
            .title_abbreviations
            .iter()
            .map(|(a, b)| (a.clone(), b.clone())),
    );
    base.role_genders.extend(
        extra
            .role_genders
            .iter()
            .map(|(a, b)| (a.clone(), b.clone())),
    );
    base.pronoun_genders.extend(
        extra
            .pronoun_genders
            .iter()
            .map(|(a, b)| (a.clone(), b.clone())),
    );
    base.np_modifiers.extend(extra.np_modifiers.iter().cloned());
    base.verb_fillers.extend(extra.verb_fillers.iter().cloned());
    base.place_suffixes
        .extend(extra.place_suffixes.iter().cloned());
    base.name_abbreviations
        .extend(extra.name_abbreviations.iter().cloned());
    base.not_places.extend(extra.not_places.iter().cloned());
}

/// Checks a briefing's additions for problems worth telling the user about.
pub fn check_extension(extension: &Extension, diagnostics: &mut Diagnostics) {
    // A sex code other than these is read as unknown, silently; say so instead.
    let mut codes: Vec<(&str, &String, &String, &str)> = Vec::new();
    for (name, code) in &extension.given_names {
        if !matches!(code.trim(), "m" | "male" | "f" | "female" | "u" | "unknown") {
            codes.push(("given_names", name, code, "m, f or u"));
        }
    }
    for (key, map) in [
        ("role_genders", &extension.lexicon.role_genders),
        ("pronoun_genders", &extension.lexicon.pronoun_genders),
    ] {
        for (word, code) in map {
            if gender_of(code) == Gender::Unknown {
                codes.push((key, word, code, "m or f"));
            }
        }
    }
    codes.sort();
    for (key, word, code, allowed) in codes {
        diagnostics.push(
            Diagnostic::warning(
                "config",
                format!("knowledge.{key}: \"{word}\" has \"{code}\", which is no sex code, so it is ignored"),
            )
            .in_file(crate::config::CONFIG_FILE)
            .with_help(format!("write {allowed}, as in `{word}: m`")),
        );
    }
    for org in &extension.organizations {
        if org.name.trim().is_empty() {
            diagnostics.push(
                Diagnostic::warning(
                    "config",
                    "an organisation under knowledge.organizations has no name",
                )
                .in_file(crate::config::CONFIG_FILE),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_data_loads() {
        let k = Knowledge::builtin();
        assert!(k.cue("said").is_some());
        assert!(k.cue("Told").is_some());
        assert!(k.cue("table").is_none());
        assert!(k.is_role_noun("spokesman"));
        assert!(k.is_abbreviation("Sept."));
        assert_eq!(k.country("British").map(|c| c.code.as_str()), Some("GB"));
        assert_eq!(k.country("Egypt's").map(|c| c.code.as_str()), Some("EG"));
        assert_eq!(k.country("U.K.").map(|c| c.code.as_str()), Some("GB"));
        assert!(k.is_demonym("Egyptian"));
        assert!(!k.is_demonym("Egypt"));
        assert_eq!(
            k.organization("AFP").map(|o| o.name.as_str()),
            Some("Agence France-Presse")
        );
        assert!(k.is_common_word("earlier"));
        assert_eq!(k.american_spelling("centre"), Some("center"));
        assert_eq!(k.title_at(&["Prime", "Minister", "X"]), Some(2));
    }

    #[test]
    fn a_briefing_teaches_what_a_generic_noun_stands_for() {
        let extension: Extension = serde_yaml::from_str(
            "organisation_kinds:\n  cooperative: {heads: [Co-op], kinds: [dairy]}\n  \
             company: {heads: [kombinat]}\nvoice_nouns: [Chancery]",
        )
        .unwrap();
        let k = Knowledge::new(&extension);
        assert_eq!(
            k.organisation_kind_fits("cooperative", "Gospers Co-op", None),
            Some(true)
        );
        assert_eq!(
            k.organisation_kind_fits("cooperative", "Gospers", Some("dairy")),
            Some(true)
        );
        assert_eq!(
            k.organisation_kind_fits("cooperative", "Gospers Inc", None),
            Some(false)
        );
        // Added to the built-in heads, not in place of them.
        assert_eq!(
            k.organisation_kind_fits("company", "Gospers Kombinat", None),
            Some(true)
        );
        assert_eq!(
            k.organisation_kind_fits("company", "Gospers Inc.", None),
            Some(true)
        );
        assert_eq!(k.organisation_kind_fits("tribe", "Gospers", None), None);
        assert!(k.is_voice_noun("chancery") && k.is_voice_noun("office"));
    }

    #[test]
    fn a_staff_role_names_its_employer() {
        let k = Knowledge::builtin();
        for (role, employer) in [
            ("Acme CEO", Some("Acme")),
            ("Acme's spokeswoman", Some("Acme")),
            ("spokesman for Acme", Some("Acme")),
            (
                "former chief executive of the Acme Group",
                Some("Acme Group"),
            ),
            ("CEO", None),
            ("spokesperson", None),
            ("Foreign Minister", None),
            ("head of the regional council", None),
        ] {
            assert_eq!(k.employer_in_role(role), employer, "{role}");
        }
    }

    #[test]
    fn a_briefing_can_add_knowledge() {
        let ext: Extension = serde_yaml::from_str(
            "cue_verbs: {growl: [growl, growled]}\norganizations: [{name: Example Watch, aliases: [EW]}]\n",
        )
        .unwrap();
        let k = Knowledge::new(&ext);
        assert!(k.cue("growled").is_some());
        assert!(k.cue("said").is_some(), "built-in knowledge stays");
        assert!(!k.is_not_a_place("Gospers"));
        let ext: Extension = serde_yaml::from_str("not_places: [gospers]").unwrap();
        assert!(Knowledge::new(&ext).is_not_a_place("Gospers"));
        assert_eq!(
            k.organization("EW").map(|o| o.name.as_str()),
            Some("Example Watch")
        );
    }
}
