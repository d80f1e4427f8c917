//! `crossbrief import`: raw articles into content files with front matter.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostics;

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ImportReport {
    /// Content files written.
    pub created: Vec<PathBuf>,
    /// Inputs not imported, with the reason (e.g. the target exists and --force was not given).
    pub skipped: Vec<(PathBuf, String)>,
}

/// Imports `inputs` (files or folders) into the folder `into`.
pub fn import(_inputs: &[PathBuf], _into: &Path, _force: bool) -> Result<ImportReport, Diagnostics> {
    Ok(ImportReport::default())
}
