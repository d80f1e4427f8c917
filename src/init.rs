//! `crossbrief init DIR`: a new briefing with the default templates, static files, settings and
//! one example article, so a user can start by editing rather than by reading documentation.

use std::fs;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};

const EXAMPLE_ARTICLE: &str = "---
title: \"Example: replace me with a real article\"
outlet: \"Example Outlet\"
date: \"2024-01-15\"
author: \"A. Reporter\"
---

The city council voted on Monday to close the old bridge, the mayor said.

\"We cannot keep a bridge open that engineers say is unsafe,\" Mayor Jane Doe told reporters. \"Repairs will take about six months.\"

The closure affects more than 12,000 drivers a day, according to the transport department.
";

const EXAMPLE_CONFIG: &str = "# Settings for this briefing. Everything is optional.
title: \"My briefing\"
description: \"What the outlets say about one story.\"
# base_url: \"https://example.org/briefing/\"
language: \"en\"
";

/// Creates the briefing folder `dir`. Refuses to write into a non-empty folder.
pub fn init(dir: &Path) -> Result<usize, Diagnostics> {
    let refuse = |msg: String, help: &str| -> Diagnostics {
        std::iter::once(Diagnostic::error("init", msg).with_help(help.to_string())).collect()
    };
    if dir.exists()
        && fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(refuse(
            format!("{} already exists and is not empty", dir.display()),
            "choose a new folder name; init never overwrites files",
        ));
    }
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "crossbrief.yaml".to_string(),
            EXAMPLE_CONFIG.as_bytes().to_vec(),
        ),
        (
            "content/example.md".to_string(),
            EXAMPLE_ARTICLE.as_bytes().to_vec(),
        ),
    ];
    for (name, text) in crate::render::templates::BUILT_IN {
        files.push((format!("templates/{name}"), text.as_bytes().to_vec()));
    }
    for (name, bytes) in crate::site::static_files::BUILT_IN {
        files.push((format!("static/{name}"), bytes.to_vec()));
    }
    for (rel, bytes) in &files {
        let path = dir.join(rel);
        let write = || -> std::io::Result<()> {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, bytes)
        };
        write().map_err(|e| {
            refuse(
                format!("could not write {}: {e}", path.display()),
                "check that you may write there",
            )
        })?;
    }
    Ok(files.len())
}
