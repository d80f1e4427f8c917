//! Units of measure, currencies, counted nouns and number words for figures.

use serde::Deserialize;

/// Additions to the built-in units, from `crossbrief.yaml`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct UnitsExtension {}

#[derive(Debug, Clone, Default)]
pub struct Units {}

impl Units {
    pub fn new(_extension: &UnitsExtension) -> Units {
        Units {}
    }
}
