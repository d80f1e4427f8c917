//! Reading the hand-checked gold files in `tests/gold/` and locating their spans.
#![allow(dead_code)]

use std::path::PathBuf;

use serde::Deserialize;

use crossbrief::load::{self, Document};

#[derive(Debug, Deserialize)]
pub struct GoldSet {
    pub set: String,
    pub articles: Vec<GoldArticle>,
    #[serde(default)]
    pub disputes: Vec<GoldDispute>,
}

#[derive(Debug, Deserialize)]
pub struct GoldArticle {
    pub file: String,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    #[serde(default)]
    pub figures: Vec<GoldFigure>,
    #[serde(default)]
    pub places: Vec<GoldPlace>,
}

#[derive(Debug, Deserialize)]
pub struct GoldQuote {
    pub text: String,
    #[serde(default)]
    pub context: Option<String>,
    pub speaker: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default = "yes")]
    pub speech: bool,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub joined_with_previous: bool,
}

#[derive(Debug, Deserialize)]
pub struct GoldFigure {
    pub text: String,
    #[serde(default)]
    pub context: Option<String>,
    pub value: f64,
    #[serde(default)]
    pub max: Option<f64>,
    pub unit: String,
    #[serde(default)]
    pub noun: Option<String>,
    pub qualifier: String,
    #[serde(default)]
    pub claimant: Option<String>,
    #[serde(default)]
    pub quantity: Option<String>,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Deserialize)]
pub struct GoldPlace {
    pub text: String,
    pub place: String,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    pub count: usize,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Deserialize)]
pub struct GoldDispute {
    pub quantity: String,
    pub figures: Vec<GoldDisputeFigure>,
}

#[derive(Debug, Deserialize)]
pub struct GoldDisputeFigure {
    pub file: String,
    pub context: String,
}

fn yes() -> bool {
    true
}

pub fn gold_dir() -> PathBuf {
    super::repo().join("tests/gold")
}

pub fn fixture_dir(set: &str) -> PathBuf {
    super::repo().join("tests/fixtures/dev").join(set)
}

/// All gold sets.
pub fn gold_sets() -> Vec<GoldSet> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(gold_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| serde_yaml::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

/// The fixture article as crossbrief loads it.
pub fn load_fixture(set: &str, file: &str) -> Document {
    let path = fixture_dir(set).join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let (mut doc, _) = load::parse_document(&format!("content/{file}"), text, 0).unwrap();
    doc.id = file.trim_end_matches(".txt").to_string();
    doc
}

/// A briefing made of one gold set's articles, as `crossbrief build` would make it.
pub fn briefing_of(
    set: &GoldSet,
) -> (
    Vec<Document>,
    Vec<crossbrief::extract::Extraction>,
    crossbrief::model::Briefing,
) {
    let k = crossbrief::knowledge::Knowledge::builtin();
    let docs: Vec<Document> = set
        .articles
        .iter()
        .map(|a| load_fixture(&set.set, &a.file))
        .collect();
    let x = crossbrief::extract::extract_all(&docs, k);
    let b = crossbrief::link::link(&crossbrief::config::Config::default(), &docs, &x, k);
    (docs, x, b)
}

/// Where `text` (inside `context`, if given) is in the body: a byte range.
pub fn locate(body: &str, text: &str, context: Option<&str>) -> Option<(usize, usize)> {
    let base = match context {
        Some(c) => body.find(c).or_else(|| find_relaxed(body, c))?,
        None => 0,
    };
    let window = match context {
        Some(c) => {
            let mut end = (base + c.len() + 8).min(body.len());
            while !body.is_char_boundary(end) {
                end -= 1;
            }
            &body[base..end]
        }
        None => body,
    };
    let at = window.find(text)?;
    Some((base + at, base + at + text.len()))
}

/// Context strings were copied from the raw file, whose paragraph breaks may differ.
fn find_relaxed(body: &str, context: &str) -> Option<usize> {
    let first_line = context.lines().next()?;
    body.find(first_line)
}

/// Names match when they are the same once case, articles and possessives are set aside, or
/// share their last word (a surname), or share most of their words.
pub fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> Vec<String> {
        crossbrief::text::fold(s)
            .replace("'s", "")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !matches!(*w, "the" | "a" | "an" | "of" | "and"))
            .map(str::to_string)
            .collect()
    };
    let (x, y) = (norm(a), norm(b));
    if x.is_empty() || y.is_empty() {
        return false;
    }
    if x == y || x.last() == y.last() {
        return true;
    }
    let shared = x.iter().filter(|w| y.contains(w)).count();
    shared * 2 >= x.len().max(y.len())
}

/// Precision and recall as a fraction, with counts for messages.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub true_positives: usize,
    pub predicted: usize,
    pub expected: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.true_positives as f64 / self.predicted as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.true_positives as f64 / self.expected as f64
        }
    }
    pub fn add(&mut self, other: Score) {
        self.true_positives += other.true_positives;
        self.predicted += other.predicted;
        self.expected += other.expected;
    }
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "precision {:.3} ({}/{}), recall {:.3} ({}/{})",
            self.precision(),
            self.true_positives,
            self.predicted,
            self.recall(),
            self.true_positives,
            self.expected
        )
    }
}
