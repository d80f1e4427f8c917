//! Editor's corrections from `crossbrief.yaml`, for when the tool is wrong and the editor
//! knows better. They are applied in the link stage, shown on the pages they change ("speaker
//! set by the editor"), and reported by `crossbrief check` when they no longer match anything.
//!
//! ```yaml
//! corrections:
//!   exclude:                      # leave out a whole article, or one span of it
//!     - {article: some-article-id, reason: "duplicate of the wire story"}
//!     - {article: other-id, text: "a figure or quotation as printed"}
//!   merge:                        # join people, organisations or places
//!     - {into: "Maria Ionescu", names: ["Mariya Ionesku"]}
//!     - {into: "Port Ellis", names: ["Port Elis"], kind: place}
//!   split:                        # keep apart what crossbrief joined
//!     - {name: "Ivan Petrov", not: ["Ivan Petrova"]}
//!     - {place: "Georgia", text: "Georgia", article: us-story, reason: "the US state"}
//!   speaker:                      # set (or clear) the speaker of a quotation
//!     - {quote: "We will rebuild the bridge", speaker: "Maria Ionescu", reason: "..."}
//!   figures:                      # rename a figure group, or mark it as not disputed
//!     - {figure: "Casualties", label: "Casualties in the first week"}
//!     - {figure: "Advance", not_disputed: "the figures were given on different days"}
//! ```

use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Corrections {
    pub exclude: Vec<Exclude>,
    pub merge: Vec<Merge>,
    pub split: Vec<Split>,
    pub speaker: Vec<SetSpeaker>,
    pub figures: Vec<FigureCorrection>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Exclude {
    /// The article's id (its file name without extension, as in the article's page address).
    pub article: String,
    /// A span of the article to leave out; the whole article when absent.
    pub text: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Merge {
    pub into: String,
    pub names: Vec<String>,
    /// `place` to merge places; people and organisations otherwise.
    pub kind: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Split {
    /// A person or organisation to keep apart from `not`.
    pub name: Option<String>,
    pub not: Vec<String>,
    /// A place from which the mentions written `text` (in `article`, or everywhere) are taken
    /// out, to a place of their own.
    pub place: Option<String>,
    pub text: Option<String>,
    pub article: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct SetSpeaker {
    /// Part of the quotation's text, as printed.
    pub quote: String,
    /// Only in this article; in every article when absent.
    pub article: Option<String>,
    /// The speaker's name; null to mark the quotation as unattributed.
    pub speaker: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct FigureCorrection {
    /// The group's current label or id.
    pub figure: String,
    /// A new label.
    pub label: Option<String>,
    /// Mark the group as not disputed, with the reason shown on its page.
    pub not_disputed: Option<String>,
}

/// A correction that matched nothing, for `crossbrief check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    pub description: String,
}

impl Corrections {
    pub fn is_empty(&self) -> bool {
        self.exclude.is_empty()
            && self.merge.is_empty()
            && self.split.is_empty()
            && self.speaker.is_empty()
            && self.figures.is_empty()
    }
}

/// `reason` as a sentence tail: ": the reason." or ".".
pub fn because(reason: &Option<String>) -> String {
    match reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => format!(": {}", r.trim_end_matches('.')),
        None => String::new(),
    }
}
