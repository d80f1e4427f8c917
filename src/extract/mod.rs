//! Stage 2, `extract`: per article, in parallel, find quotations and their speakers, people and
//! organisations, places and figures. Extractors see only the article's plain body text.

use rayon::prelude::*;

use crate::knowledge::Knowledge;
use crate::load::Document;

/// What one article yields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {}

/// Extracts every document, in parallel; the result is in the documents' order.
pub fn extract_all(documents: &[Document], knowledge: &Knowledge) -> Vec<Extraction> {
    documents
        .par_iter()
        .map(|d| extract(d, knowledge))
        .collect()
}

pub fn extract(_document: &Document, _knowledge: &Knowledge) -> Extraction {
    Extraction::default()
}
