//! Writing the built site: safely, atomically, and only inside the output folder.
//!
//! Nothing of the previous site is touched until every file of the new one is written. A
//! changed file whose place the previous site holds is written beside it under a hidden
//! temporary name, and moved into place by a rename once every file is written; a file new to
//! this build is written straight to its place, which was free. If anything fails, what this
//! run wrote is removed and the previous site is left as it was. Files crossbrief wrote last
//! time and no longer produces are removed. Files crossbrief did not write are never deleted:
//! a manifest records what it wrote, and a non-empty folder without one is refused.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::load::hash_bytes;
use crate::render::OutputFile;

pub const MANIFEST: &str = ".crossbrief-manifest.json";
/// Left over by crossbrief versions that staged into a folder; removed when found.
const OLD_STAGING: &str = ".crossbrief-staging";
/// The suffix of a file being written; hidden, so `serve` never shows one.
const PARTIAL: &str = ".crossbrief-partial";

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    version: u32,
    /// Path inside the output folder → XXH3 hash of the bytes, in hex.
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
    let writer = Writer::open(output)?;
    let staged: Result<(), Diagnostic> = files.par_iter().try_for_each(|f| writer.stage(f));
    match staged {
        Ok(()) => writer.commit(),
        Err(e) => {
            writer.abort();
            Err(e)
        }
    }
}

/// Writes a site as its files are made, so a big site never has to be held in memory.
///
/// [`Writer::stage`] writes each changed file (from several threads at once) beside its final
/// place under a hidden temporary name, or straight there when the place is free;
/// [`Writer::commit`] then moves them all into place and removes what the previous build had
/// and this one does not; [`Writer::abort`] removes what this run wrote and leaves the previous
/// site exactly as it was.
pub struct Writer {
    output: PathBuf,
    /// The output folder did not exist before: an abort removes it again.
    created: bool,
    /// The folder had no manifest, and an empty one was written at once: a build killed before
    /// its commit still leaves a folder that the next build recognises as crossbrief's.
    placeholder_manifest: bool,
    old: Manifest,
    staged: Mutex<Staged>,
}

#[derive(Default)]
struct Staged {
    /// Every file of the new site: path → hash.
    files: BTreeMap<String, String>,
    /// Those written this run, and where: waiting to be moved into place, or already there.
    changed: Vec<(String, Placement)>,
    bytes: u64,
}

/// Where a changed file was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placement {
    /// Under its hidden temporary name beside its final place, which the previous site may hold.
    Partial,
    /// At its final place, which was free: nothing of the previous site is touched, and a
    /// commit has nothing to move. Most files of a first build go this way.
    Direct,
}

fn io_error(what: &str, path: &Path, e: io::Error) -> Diagnostic {
    Diagnostic::error("output", format!("could not {what} {}: {e}", path.display()))
        .with_help("check that the output folder is writable and the disk is not full; the previous build was left as it was")
}

/// Bytes on their way to a file, hashed and counted as they pass.
struct Hashing<W> {
    inner: W,
    hasher: xxhash_rust::xxh3::Xxh3,
    len: u64,
}

impl<W: io::Write> io::Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl Writer {
    pub fn open(output: &Path) -> Result<Writer, Diagnostic> {
        let created = !output.exists();
        fs::create_dir_all(output).map_err(|e| io_error("create", output, e))?;
        let staging = output.join(OLD_STAGING);
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(|e| io_error("remove", &staging, e))?;
        }
        let manifest_path = output.join(MANIFEST);
        let placeholder_manifest = !manifest_path.exists();
        if placeholder_manifest {
            let empty = Manifest {
                version: 1,
                files: BTreeMap::new(),
            };
            write_manifest(output, &empty)?;
        }
        Ok(Writer {
            output: output.to_path_buf(),
            created,
            placeholder_manifest,
            old: read_manifest(output),
            staged: Mutex::new(Staged::default()),
        })
    }

    /// Takes one file of the new site. A path given twice keeps its first file.
    pub fn stage(&self, file: &OutputFile) -> Result<(), Diagnostic> {
        if !self.claim(&file.path)? {
            return Ok(());
        }
        let hash = format!("{:016x}", hash_bytes(&file.bytes));
        let len = file.bytes.len() as u64;
        let target = self.output.join(&file.path);
        if self.is_unchanged(&file.path, &target, &hash, len) {
            self.record(&file.path, hash, len, None);
            return Ok(());
        }
        let (mut out, placement, written) = self.create(&file.path, &target)?;
        // Recorded before writing, so that an abort removes a half-written file too.
        self.record(&file.path, hash, len, Some(placement));
        io::Write::write_all(&mut out, &file.bytes).map_err(|e| io_error("write", &written, e))
    }

    /// Takes one file of the new site that is written as it is made (the biggest, such as
    /// `briefing.json`, need never be held in memory). A path given twice keeps its first file.
    pub fn stage_streamed(
        &self,
        path: &str,
        write: &super::Contents<'_>,
    ) -> Result<(), Diagnostic> {
        if !self.claim(path)? {
            return Ok(());
        }
        let target = self.output.join(path);
        // Whether it changed is only known once it is written: when the previous site has
        // this file, the new one goes to the temporary name and is dropped if it is the same.
        let (file, placement, written) = self.create(path, &target)?;
        self.lock().changed.push((path.to_string(), placement));
        let mut out = Hashing {
            inner: io::BufWriter::with_capacity(1 << 20, file),
            hasher: xxhash_rust::xxh3::Xxh3::new(),
            len: 0,
        };
        write(&mut out)
            .and_then(|()| io::Write::flush(&mut out))
            .map_err(|e| io_error("write", &written, e))?;
        let hash = format!("{:016x}", out.hasher.digest());
        let len = out.len;
        drop(out);
        if placement == Placement::Partial && self.is_unchanged(path, &target, &hash, len) {
            let _ = fs::remove_file(&written);
            self.lock().changed.retain(|(p, _)| p != path);
        }
        // Already listed as changed (above, before writing, so that an abort removes it).
        self.record(path, hash, len, None);
        Ok(())
    }

    /// Checks that a path may be written, and that it is new to this run.
    fn claim(&self, path: &str) -> Result<bool, Diagnostic> {
        if !is_safe_relative(path) {
            return Err(Diagnostic::error(
                "output",
                format!("refusing to write outside the output folder: {path:?}"),
            ));
        }
        let mut staged = self.lock();
        if staged.files.contains_key(path) {
            return Ok(false);
        }
        // Claimed now (the hash is filled in by `record`), so a second writer of the same path
        // backs off at once.
        staged.files.insert(path.to_string(), String::new());
        Ok(true)
    }

    fn record(&self, path: &str, hash: String, len: u64, placement: Option<Placement>) {
        let mut staged = self.lock();
        staged.files.insert(path.to_string(), hash);
        staged.bytes += len;
        if let Some(placement) = placement {
            staged.changed.push((path.to_string(), placement));
        }
    }

    /// Whether the previous build wrote exactly these bytes to `path`, and they are still there.
    fn is_unchanged(&self, path: &str, target: &Path, hash: &str, len: u64) -> bool {
        self.old.files.get(path).is_some_and(|h| h == hash)
            && fs::metadata(target).is_ok_and(|m| m.is_file() && m.len() == len)
    }

    /// Opens the file a changed path is written to: its final place when that is free,
    /// otherwise a hidden temporary name beside it. Returns the file, where it is, and its path.
    fn create(
        &self,
        path: &str,
        target: &Path,
    ) -> Result<(fs::File, Placement, PathBuf), Diagnostic> {
        create_parent(target)?;
        if !self.old.files.contains_key(path) {
            // `create_new` never replaces anything: a file that is there already (one the
            // previous build did not record) is replaced by a rename at commit, as usual.
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(target)
            {
                Ok(file) => return Ok((file, Placement::Direct, target.to_path_buf())),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io_error("write", target, e)),
            }
        }
        if target.is_dir() {
            return Err(io_error(
                "replace",
                target,
                io::Error::other("a folder is in the way of a file"),
            ));
        }
        let tmp = partial(target);
        let file = fs::File::create(&tmp).map_err(|e| io_error("write", &tmp, e))?;
        Ok((file, Placement::Partial, tmp))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Staged> {
        self.staged.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Removes what was staged; the previous site stays as it was.
    pub fn abort(self) {
        let staged = self.staged.into_inner().unwrap_or_else(|e| e.into_inner());
        for (path, placement) in &staged.changed {
            let target = self.output.join(path);
            let written = match placement {
                Placement::Partial => partial(&target),
                Placement::Direct => target,
            };
            let _ = fs::remove_file(&written);
            remove_empty_parents(&self.output, &written);
        }
        if self.placeholder_manifest {
            let _ = fs::remove_file(self.output.join(MANIFEST));
        }
        if self.created {
            // Only succeeds when empty: nothing but what this run made is removed.
            let _ = fs::remove_dir(&self.output);
        }
    }

    /// Moves the staged files into place, removes stale ones, and records the new manifest.
    pub fn commit(self) -> Result<WriteReport, Diagnostic> {
        let staged = self.staged.into_inner().unwrap_or_else(|e| e.into_inner());
        let output = &self.output;
        // Renames only from here on, each within its own folder.
        let partials: Vec<&String> = staged
            .changed
            .iter()
            .filter(|(_, placement)| *placement == Placement::Partial)
            .map(|(path, _)| path)
            .collect();
        let progress = crate::progress::stage("write", partials.len());
        for path in partials {
            progress.advance();
            let target = output.join(path);
            fs::rename(partial(&target), &target)
                .map_err(|e| io_error("move into place", &target, e))?;
        }
        let mut removed = 0;
        for stale in self
            .old
            .files
            .keys()
            .filter(|p| !staged.files.contains_key(*p))
        {
            if !is_safe_relative(stale) {
                continue;
            }
            let path = output.join(stale);
            if path.is_file() && fs::remove_file(&path).is_ok() {
                removed += 1;
                remove_empty_parents(output, &path);
            }
        }
        let report = WriteReport {
            files: staged.files.len(),
            written: staged.changed.len(),
            unchanged: staged.files.len() - staged.changed.len(),
            removed,
            bytes: staged.bytes,
        };
        let manifest = Manifest {
            version: 1,
            files: staged.files,
        };
        write_manifest(output, &manifest)?;
        Ok(report)
    }
}

/// Makes the folder a file goes in. Pretty URLs give most pages a folder of their own, so the
/// common case (a new folder in an existing one) is tried first with a single call.
fn create_parent(target: &Path) -> Result<(), Diagnostic> {
    let Some(parent) = target.parent() else {
        return Ok(());
    };
    match fs::create_dir(parent) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(_) => fs::create_dir_all(parent).map_err(|e| io_error("create", parent, e)),
    }
}

/// Writes the manifest by a rename, so that it is never half-written.
fn write_manifest(output: &Path, manifest: &Manifest) -> Result<(), Diagnostic> {
    let manifest_path = output.join(MANIFEST);
    let tmp = output.join(format!("{MANIFEST}.tmp"));
    let json = serde_json::to_vec_pretty(manifest).expect("a manifest always serialises");
    fs::write(&tmp, json).map_err(|e| io_error("write", &tmp, e))?;
    fs::rename(&tmp, &manifest_path).map_err(|e| io_error("write", &manifest_path, e))
}

/// The hidden name a file is written under before it is moved into place.
fn partial(target: &Path) -> PathBuf {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    target.with_file_name(format!(".{name}{PARTIAL}"))
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
        let leftovers: Vec<_> = walkdir::WalkDir::new(&out)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(PARTIAL))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn an_aborted_build_removes_what_it_wrote_in_place_and_keeps_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("a/index.html", "A")]).unwrap();
        let writer = Writer::open(&out).unwrap();
        writer.stage(&file("a/index.html", "A2")).unwrap();
        writer.stage(&file("new/page/index.html", "N")).unwrap();
        // A new page goes straight to its place; the changed one waits beside its own.
        assert!(out.join("new/page/index.html").is_file());
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "A");
        writer.abort();
        assert!(!out.join("new").exists());
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "A");
        let names: Vec<String> = fs::read_dir(out.join("a"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["index.html"]);

        let fresh = dir.path().join("fresh");
        let writer = Writer::open(&fresh).unwrap();
        writer.stage(&file("x/index.html", "X")).unwrap();
        writer.abort();
        assert!(
            !fresh.exists(),
            "a first build that fails leaves no folder behind"
        );
    }

    #[test]
    fn a_first_build_killed_before_its_commit_leaves_a_folder_the_next_build_takes() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let writer = Writer::open(&out).unwrap();
        writer.stage(&file("a/index.html", "half")).unwrap();
        // Killed: neither commit nor abort runs.
        std::mem::forget(writer);
        assert!(check_output_folder(dir.path(), &out).is_ok());
        let report = write_site(&out, &[file("a/index.html", "A")]).unwrap();
        assert_eq!(report.written, 1);
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "A");
    }

    #[test]
    fn streamed_files_are_skipped_when_unchanged_like_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let stream = |text: &'static str| {
            let writer = Writer::open(&out).unwrap();
            writer
                .stage_streamed("big.json", &|w| w.write_all(text.as_bytes()))
                .unwrap();
            writer.commit().unwrap()
        };
        assert_eq!(stream("{}").written, 1);
        let again = stream("{}");
        assert_eq!((again.written, again.unchanged, again.bytes), (0, 1, 2));
        assert_eq!(stream("[1]").written, 1);
        assert_eq!(fs::read_to_string(out.join("big.json")).unwrap(), "[1]");
        // A streamed file and the same bytes given whole are one and the same to the manifest.
        let whole = write_site(&out, &[file("big.json", "[1]")]).unwrap();
        assert_eq!(whole.unchanged, 1);
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
