//! What crossbrief knows about language and the world, as data rather than code.
//!
//! The built-in lists live in `data/*.yaml`, are embedded in the binary, and can be extended per
//! briefing under `knowledge:` in `crossbrief.yaml`.

use serde::Deserialize;

/// Additions to the built-in knowledge, from `crossbrief.yaml`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Extension {}

/// Everything extraction and linking look up.
#[derive(Debug, Default)]
pub struct Knowledge {}

impl Knowledge {
    pub fn new(_extension: &Extension) -> Knowledge {
        Knowledge {}
    }
}
