//! The briefing model: the one data structure both halves of crossbrief agree on.
//!
//! `load`, `extract` and `link` build it; `render` and `site` only read it. It is written to
//! `public/briefing.json` and documented field by field in `docs/model.md`. Field names are a
//! contract with templates and outside tools: add fields freely, never rename them.

use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "crossbrief/1";

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Briefing {
    pub schema: String,
    pub title: String,
    pub description: Option<String>,
    /// The site's base URL as configured (`/` when none was given).
    pub base_url: String,
    pub language: String,
    pub articles: Vec<Article>,
    pub outlets: Vec<Outlet>,
    pub people: Vec<Person>,
    pub places: Vec<Place>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
    /// Things the tool was unsure about, shown on the pages concerned and by `crossbrief check`.
    #[serde(default)]
    pub notices: Vec<Notice>,
    /// Articles the editor left out, listed on the articles page with the reason.
    #[serde(default)]
    pub excluded: Vec<ExcludedArticle>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Article {
    pub id: String,
    /// Path of the source file, relative to the briefing folder, with `/` separators.
    pub path: String,
    pub title: String,
    /// True when the source gave no headline and `title` is the article's first words.
    #[serde(default)]
    pub title_derived: bool,
    pub outlet: Option<String>,
    /// Id of the outlet in `Briefing::outlets`.
    pub outlet_id: Option<String>,
    /// ISO date (`YYYY-MM-DD`) when the source gave one that could be read.
    pub date: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// The original file name the article came from (front matter `source`), if given.
    pub source: Option<String>,
    /// Site path of the article's page, e.g. `/articles/some-slug/`.
    pub page: String,
    /// The body text as loaded: all offsets in the model are byte offsets into this string.
    pub body: std::sync::Arc<str>,
    /// The body's structure (paragraphs, headings, ...) as ranges of `body`.
    pub blocks: std::sync::Arc<[Block]>,
    pub word_count: usize,
    /// What the editor's corrections changed in this article (passages left out).
    #[serde(default)]
    pub notes: Vec<String>,
}

/// An article the editor left out of the briefing (`corrections: exclude:`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ExcludedArticle {
    pub id: String,
    pub path: String,
    pub title: String,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    BlockQuote,
    Code,
    TableRow,
    Rule,
}

/// A block of the body: `body[start..end]` is its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
    /// Heading level (1-6) or list nesting depth (1 = top level); 0 otherwise.
    #[serde(default)]
    pub level: u8,
    /// For list items: whether the list is numbered.
    #[serde(default)]
    pub ordered: bool,
    /// For code blocks: the language named after the opening fence.
    #[serde(default)]
    pub lang: Option<String>,
    /// Inline formatting inside the block.
    #[serde(default)]
    pub inlines: Vec<Inline>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InlineKind {
    Link,
    Strong,
    Emphasis,
    Strikethrough,
    Code,
    LineBreak,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inline {
    pub kind: InlineKind,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Outlet {
    pub id: String,
    pub name: String,
    pub articles: Vec<String>,
    pub page: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
}

/// A span of an article's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub article: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// Other spellings and forms of the name seen in the articles.
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub page: String,
    /// Reported speech and statements credited to this speaker (direct quotes are in `quotes`).
    pub statements: Vec<Span>,
    /// Every place in the articles where the name (or an alias) appears.
    #[serde(default)]
    pub mentions: Vec<Span>,
    /// Ids of the quotations credited to this speaker, most-carried first.
    #[serde(default)]
    pub quotes: Vec<String>,
    /// Ids of the figure groups with a claim credited to this speaker.
    #[serde(default)]
    pub figures: Vec<String>,
    /// Ids of the articles that mention or quote this speaker.
    #[serde(default)]
    pub articles: Vec<String>,
    /// Why variants were joined, and corrections applied, in plain words.
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// ISO 3166 alpha-2 code of the country the place lies in.
    pub country: Option<String>,
    pub page: String,
    pub mentions: Vec<Span>,
    /// continent | country | region | city | feature | other
    #[serde(default)]
    pub kind: String,
    /// Population from the gazetteer, when known.
    #[serde(default)]
    pub population: Option<u64>,
    /// False when the place was found from context only and is not in the gazetteer.
    #[serde(default)]
    pub in_gazetteer: bool,
    #[serde(default)]
    pub articles: Vec<String>,
    /// Ids of quotations whose text names the place.
    #[serde(default)]
    pub quotes: Vec<String>,
    /// Ids of figure groups whose claims name the place.
    #[serde(default)]
    pub figures: Vec<String>,
    /// Other places named in the same paragraphs, most frequent first, at most 12:
    /// (place id, paragraphs shared).
    #[serde(default)]
    pub related: Vec<(String, usize)>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    /// The speaker most occurrences credit (a people id; ties go to the first id in
    /// alphabetical order), or null when none does.
    pub speaker: Option<String>,
    /// The canonical wording: the longest occurrence.
    pub text: String,
    pub page: String,
    pub occurrences: Vec<QuoteOccurrence>,
    /// True when outlets credit different speakers.
    #[serde(default)]
    pub speaker_conflict: bool,
    /// Id of the article where the quotation first appeared (earliest date).
    #[serde(default)]
    pub first_article: Option<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteOccurrence {
    pub article: String,
    /// The exact text between the quotation marks, as the outlet printed it. For a quotation
    /// split by its attribution, the parts joined with " … ".
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    /// The spans of the quotation's parts: one part, or several when the quotation was split
    /// by its attribution or ran over paragraphs. `start..end` also covers what lies between.
    #[serde(default)]
    pub parts: Vec<(usize, usize)>,
    /// How the speaker was found: `named`, `pronoun`, `role`, `continuation`, `embedded`,
    /// `document` (a statement or report), `editor` (set in crossbrief.yaml), or null when no
    /// cue was found. A descriptor that names no one ("a spokesman") leaves `speaker` null
    /// with `named` or `pronoun` here.
    #[serde(default)]
    pub attribution: Option<String>,
    /// The words of the article that credit the speaker, e.g. "Obama said".
    #[serde(default)]
    pub cue: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub id: String,
    /// A plain-language label for the quantity, e.g. "Territory retaken".
    pub label: String,
    /// The grouping key, `|`-separated: dimension, counted noun or predicate, and what
    /// narrows it (place ids, time phrases, `previous`, ...). For matching builds, not display.
    pub quantity: String,
    /// The unit the claims are normalised to: the one most of them write. A claim with a
    /// unit error keeps its own unit in `normalized`.
    pub unit: String,
    pub disputed: bool,
    pub page: String,
    pub claims: Vec<Claim>,
    /// Why these claims were grouped, in plain words.
    #[serde(default)]
    pub grouping: Vec<String>,
    /// Lowest and highest normalised values among the claims (unit errors left out).
    #[serde(default)]
    pub range: Option<(f64, f64)>,
    /// Highest over lowest of `range`, rounded, when the lowest is above zero.
    #[serde(default)]
    pub ratio: Option<f64>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub article: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The value as written (the lower end for a range).
    pub value: f64,
    /// The upper end of a range.
    #[serde(default)]
    pub value_max: Option<f64>,
    /// The unit or counted noun as written, normalised to a code (e.g. `mi2`, `km`, `people`).
    pub unit: String,
    /// exact | approximate | lower_bound | upper_bound | range
    pub qualifier: String,
    pub normalized: Normalized,
    pub claimant: Option<String>,
    /// A conversion given in parentheses, e.g. "(3,400 hectares)".
    #[serde(default)]
    pub conversion: Option<Conversion>,
    /// Set when the unit cannot measure the group's quantity (e.g. km for an area).
    #[serde(default)]
    pub unit_error: bool,
    /// The sentence the figure stands in.
    #[serde(default)]
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Normalized {
    pub value: f64,
    #[serde(default)]
    pub value_max: Option<f64>,
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conversion {
    pub text: String,
    pub value: f64,
    pub unit: String,
    /// Whether the conversion agrees with the main figure within rounding.
    pub consistent: bool,
}

/// Something the tool was unsure about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// `unattributed-quote`, `speaker-conflict`, `ambiguous-name`, `unit-error`,
    /// `conversion-mismatch`, `stale-correction`.
    pub kind: String,
    pub message: String,
    pub article: Option<String>,
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// The page the notice is about.
    pub page: Option<String>,
}
