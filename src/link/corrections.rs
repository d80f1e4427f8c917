//! Editor's corrections from `crossbrief.yaml`, applied in the link stage.

use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Corrections {}
