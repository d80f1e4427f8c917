//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod gold;

use std::fs;
use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary briefing folder holding a copy of the sample briefing (content and settings).
pub fn sample_briefing() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    fs::copy(
        repo().join("crossbrief.yaml"),
        dir.path().join("crossbrief.yaml"),
    )
    .unwrap();
    dir
}

/// A temporary briefing folder with the given files (path relative to the folder, text).
pub fn briefing_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, bytes) in files {
        let p = dir.path().join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    }
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `dir` as (relative path, bytes), sorted.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

pub fn crossbrief() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_crossbrief"))
}

/// A briefing of the given articles (each a whole file: header and body), extracted and linked
/// as `crossbrief build` would; article `i` has the id `a{i}`.
pub fn briefing_of_texts(articles: &[impl AsRef<str>]) -> crossbrief::model::Briefing {
    let docs: Vec<_> = articles
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let name = format!("content/a{i}.txt");
            let (mut doc, _) =
                crossbrief::load::parse_document(&name, text.as_ref().to_string(), 0).unwrap();
            doc.id = format!("a{i}");
            doc
        })
        .collect();
    let k = crossbrief::knowledge::Knowledge::builtin();
    let x = crossbrief::extract::extract_all(&docs, k);
    crossbrief::link::link(&crossbrief::config::Config::default(), &docs, &x, k)
}
