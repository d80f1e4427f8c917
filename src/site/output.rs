//! Writing the built site: safely, atomically, and only inside the output folder.
//!
//! Everything is rendered in memory before this runs, so a build that fails never touches the
//! output. Changed files are first written to a staging folder *inside* the output folder, then
//! moved into place by renames; files crossbrief wrote last time and no longer produces are
//! removed. Files crossbrief did not write are never deleted: a manifest records what it wrote,
//! and a non-empty folder without one is refused.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::load::hash_bytes;
use crate::render::OutputFile;

pub const MANIFEST: &str = ".crossbrief-manifest.json";
const STAGING: &str = ".crossbrief-staging";

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    version: u32,
    /// Path inside the output folder → FNV-1a hash of the bytes, in hex.
    files: BTreeMap<String, String>,
}

/// What a write did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteReport {
    pub files: usize,
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
    pub bytes: u64,
}

/// Checks that `output` is a place crossbrief may write to, before any work is done.
pub fn check_output_folder(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let root_abs = absolute(root);
    let out_abs = absolute(output);
    let refuse = |why: String| {
        Diagnostic::error("output", why)
            .with_help("pass --output with a folder of its own, such as `public` (the default)")
    };
    if root_abs.starts_with(&out_abs) {
        return Err(refuse(format!(
            "the output folder {} contains the briefing itself; building there could overwrite your articles",
            output.display()
        )));
    }
    for own in ["content", "templates", "static"] {
        if out_abs.starts_with(root_abs.join(own)) {
            return Err(refuse(format!(
                "the output folder {} is inside the briefing's {own}/ folder",
                output.display()
            )));
        }
    }
    if out_abs.is_file() {
        return Err(refuse(format!(
            "the output path {} is a file, not a folder",
            output.display()
        )));
    }
    if out_abs.is_dir() && !out_abs.join(MANIFEST).is_file() && !is_empty_dir(&out_abs) {
        return Err(Diagnostic::error(
            "output",
            format!(
                "the output folder {} is not empty and was not written by crossbrief",
                output.display()
            ),
        )
        .with_help("crossbrief never deletes files it did not write: choose another --output, or empty that folder yourself"));
    }
    Ok(())
}

/// Writes `files` into `output`, replacing the previous build.
pub fn write_site(output: &Path, files: &[OutputFile]) -> Result<WriteReport, Diagnostic> {
    let io_error = |what: &str, path: &Path, e: io::Error| {
        Diagnostic::error("output", format!("could not {what} {}: {e}", path.display()))
            .with_help("check that the output folder is writable and the disk is not full; the previous build was left as it was")
    };
    for file in files {
        if !is_safe_relative(&file.path) {
            return Err(Diagnostic::error(
                "output",
                format!(
                    "refusing to write outside the output folder: {:?}",
                    file.path
                ),
            ));
        }
    }
    fs::create_dir_all(output).map_err(|e| io_error("create", output, e))?;
    let old = read_manifest(output);
    let staging = output.join(STAGING);
    if staging.exists() {
        // Left over from an interrupted run: it is ours.
        fs::remove_dir_all(&staging).map_err(|e| io_error("remove", &staging, e))?;
    }

    let hashed: Vec<(&OutputFile, String)> = files
        .par_iter()
        .map(|f| (f, format!("{:016x}", hash_bytes(&f.bytes))))
        .collect();
    let changed: Vec<&(&OutputFile, String)> = hashed
        .iter()
        .filter(|(f, hash)| {
            let unchanged = old.files.get(&f.path) == Some(hash)
                && fs::metadata(output.join(&f.path))
                    .is_ok_and(|m| m.is_file() && m.len() == f.bytes.len() as u64);
            !unchanged
        })
        .collect();

    let staged: Result<(), Diagnostic> = changed.par_iter().try_for_each(|(f, _)| {
        let target = staging.join(&f.path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error("create", parent, e))?;
        }
        fs::write(&target, &f.bytes).map_err(|e| io_error("write", &target, e))
    });
    if let Err(e) = staged {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }

    // Swap in: renames only from here on.
    for (f, _) in &changed {
        let target = output.join(&f.path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error("create", parent, e))?;
        }
        if target.is_dir() {
            return Err(io_error(
                "replace",
                &target,
                io::Error::other("a folder is in the way of a file"),
            ));
        }
        fs::rename(staging.join(&f.path), &target)
            .map_err(|e| io_error("move into place", &target, e))?;
    }
    let _ = fs::remove_dir_all(&staging);

    let new_files: BTreeMap<String, String> = hashed
        .iter()
        .map(|(f, h)| (f.path.clone(), h.clone()))
        .collect();
    let mut removed = 0;
    for stale in old.files.keys().filter(|p| !new_files.contains_key(*p)) {
        if !is_safe_relative(stale) {
            continue;
        }
        let path = output.join(stale);
        if path.is_file() && fs::remove_file(&path).is_ok() {
            removed += 1;
            remove_empty_parents(output, &path);
        }
    }
    let manifest = Manifest {
        version: 1,
        files: new_files,
    };
    let manifest_path = output.join(MANIFEST);
    let tmp = output.join(format!("{MANIFEST}.tmp"));
    let json = serde_json::to_vec_pretty(&manifest).expect("a manifest always serialises");
    fs::write(&tmp, json).map_err(|e| io_error("write", &tmp, e))?;
    fs::rename(&tmp, &manifest_path).map_err(|e| io_error("write", &manifest_path, e))?;

    Ok(WriteReport {
        files: files.len(),
        written: changed.len(),
        unchanged: files.len() - changed.len(),
        removed,
        bytes: files.iter().map(|f| f.bytes.len() as u64).sum(),
    })
}

fn read_manifest(output: &Path) -> Manifest {
    fs::read(output.join(MANIFEST))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// Removes folders left empty by a removal, up to (not including) the output folder.
fn remove_empty_parents(output: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == output || !d.starts_with(output) || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// A relative path with no `..`, no root and no drive: it cannot leave the output folder.
pub fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

fn is_empty_dir(path: &Path) -> bool {
    fs::read_dir(path).is_ok_and(|mut d| d.next().is_none())
}

fn absolute(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // Resolve `..` lexically; canonicalize would fail for folders that do not exist yet.
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.to_string(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn unsafe_paths_are_refused() {
        assert!(is_safe_relative("a/b/index.html"));
        for bad in ["", "../x", "/etc/passwd", "a/../../x", "./a"] {
            assert!(!is_safe_relative(bad), "{bad}");
        }
    }

    #[test]
    fn rebuilds_skip_unchanged_files_and_remove_stale_ones() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let r1 = write_site(&out, &[file("a/index.html", "A"), file("b.txt", "B")]).unwrap();
        assert_eq!((r1.written, r1.unchanged), (2, 0));
        let r2 = write_site(&out, &[file("a/index.html", "A"), file("c.txt", "C")]).unwrap();
        assert_eq!((r2.written, r2.unchanged, r2.removed), (1, 1, 1));
        assert!(!out.join("b.txt").exists());
        assert_eq!(fs::read_to_string(out.join("c.txt")).unwrap(), "C");
        assert!(!out.join(STAGING).exists());
    }

    #[test]
    fn files_crossbrief_did_not_write_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("a.txt", "A")]).unwrap();
        fs::write(out.join("mine.txt"), "user's").unwrap();
        write_site(&out, &[file("b.txt", "B")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("mine.txt")).unwrap(), "user's");
    }

    #[test]
    fn a_foreign_non_empty_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("elsewhere");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("precious.doc"), "x").unwrap();
        let err = check_output_folder(dir.path(), &out).unwrap_err();
        assert!(err.message.contains("not written by crossbrief"));
        assert!(check_output_folder(dir.path(), dir.path()).is_err());
        assert!(check_output_folder(dir.path(), &dir.path().join("content/x")).is_err());
    }
}
