//! Static files: the built-in stylesheet and scripts, overridden by and merged with the
//! briefing's own `static/` folder, which is copied as is.

use std::path::Path;

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::render::OutputFile;

/// The built-in static files, embedded at compile time from `static/`.
pub const BUILT_IN: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../static/style.css")),
    ("search.js", include_bytes!("../../static/search.js")),
    ("favicon.svg", include_bytes!("../../static/favicon.svg")),
    // elasticlunr.js 0.9.5 (MIT licence, Oliver Nightingale and Wei Song), for search.
    (
        "elasticlunr.min.js",
        include_bytes!("../../static/elasticlunr.min.js"),
    ),
];

/// The static files of the site: built-ins first, then the briefing's own (which win).
pub fn collect(root: &Path, diagnostics: &mut Diagnostics) -> Vec<OutputFile> {
    let mut files: Vec<OutputFile> = BUILT_IN
        .iter()
        .map(|(path, bytes)| OutputFile {
            path: path.to_string(),
            bytes: bytes.to_vec(),
        })
        .collect();
    let dir = root.join("static");
    if dir.is_dir() {
        for entry in WalkDir::new(&dir).sort_by_file_name().follow_links(true) {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    diagnostics.push(
                        Diagnostic::error(
                            "static",
                            format!("could not read the static folder: {e}"),
                        )
                        .in_file("static"),
                    );
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
            let path = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            match std::fs::read(entry.path()) {
                Ok(bytes) => {
                    files.retain(|f| f.path != path);
                    files.push(OutputFile { path, bytes });
                }
                Err(e) => diagnostics.push(
                    Diagnostic::error("static", format!("could not read the static file: {e}"))
                        .in_file(Path::new("static").join(rel)),
                ),
            }
        }
    }
    files
}
