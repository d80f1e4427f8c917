//! `crossbrief check`: what it reports on folders with known problems, in both formats, and
//! its exit code.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::*;

fn check(root: &Path, json: bool) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crossbrief"));
    cmd.arg("check").arg("--root").arg(root);
    if json {
        cmd.args(["--format", "json"]);
    }
    cmd.output().expect("crossbrief runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const GOOD: &[u8] = b"---\ntitle: Dam opens\noutlet: The Courier\ndate: 2024-05-02\n---\n\nThe dam opened on Monday, officials said.\n";

#[test]
fn a_sound_briefing_checks_with_warnings_only_and_exit_code_zero() {
    let dir = briefing_with(&[
        ("content/good.md", GOOD),
        (
            "content/bare.txt",
            b"Floods reach the valley\n\nWater rose overnight.\n",
        ),
    ]);
    let out = check(dir.path(), false);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("warning: content/bare.txt: the article has no date and no outlet"),
        "{text}"
    );
    assert!(text.contains("0 errors"), "{text}");
    assert!(!dir.path().join("public").exists(), "check writes nothing");
}

#[test]
fn content_errors_name_file_line_and_column_and_exit_with_one() {
    let dir = briefing_with(&[
        ("content/good.md", GOOD),
        (
            "content/broken.md",
            b"---\ntitle: [unclosed\ndate: 2024-05-02\n---\nBody.\n",
        ),
        ("content/latin1.txt", b"Title: Caf\xe9\n\nBody.\n"),
    ]);
    let out = check(dir.path(), false);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("error: content/broken.md:2:"), "{text}");
    assert!(text.contains("error: content/latin1.txt:1:"), "{text}");
    assert!(
        text.contains("help:"),
        "every error says what to do: {text}"
    );
}

#[test]
fn a_template_error_is_reported_with_the_template_line() {
    let dir = briefing_with(&[
        ("content/good.md", GOOD),
        ("templates/article.html", b"{% extends \"base.html\" %}\n{% block content %}\n{{ article.title \n{% endblock content %}\n"),
    ]);
    let out = check(dir.path(), false);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("templates/article.html"), "{text}");
}

#[test]
fn unsure_findings_are_warnings_that_point_into_the_article() {
    let dir = briefing_with(&[(
        "content/story.md",
        "---\ntitle: Talks stall\noutlet: The Courier\ndate: 2024-05-02\n---\n\nThe talks were going nowhere.\n\n\"We will not sign this,\" a voice shouted from the back of the hall.\n\nThe bridge is 40 km long, while other reports put it at 40 kg.\n"
            .as_bytes(),
    )]);
    let out = check(dir.path(), true);
    assert!(out.status.success());
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let codes: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"unattributed-quote"), "{codes:?}");
    let quote = found
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unattributed-quote")
        .unwrap();
    assert_eq!(quote["severity"], "warning");
    assert_eq!(quote["file"], "content/story.md");
    assert_eq!(quote["position"]["line"], 9);
}

#[test]
fn the_json_format_lists_errors_for_programs() {
    let dir = briefing_with(&[("content/broken.md", b"---\ntitle: x\ndate: [\n---\nBody.\n")]);
    let out = check(dir.path(), true);
    assert_eq!(out.status.code(), Some(1));
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let first = &found.as_array().unwrap()[0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["file"], "content/broken.md");
    assert!(first["position"]["line"].as_u64().is_some());
}

#[test]
fn a_correction_that_matches_nothing_is_reported_against_the_settings() {
    let dir = briefing_with(&[
        ("content/good.md", GOOD),
        (
            "crossbrief.yaml",
            b"title: T\nbase_url: https://example.org/\ncorrections:\n  speaker:\n    - {quote: \"never printed\", speaker: \"Someone\"}\n",
        ),
    ]);
    let out = check(dir.path(), false);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("warning: crossbrief.yaml"), "{text}");
    assert!(text.contains("never printed"), "{text}");
}

/// A template that links to a page or an element the site does not have is an error of
/// `check`, naming the page that holds the link; links that resolve are not.
#[test]
fn links_to_pages_or_elements_the_site_lacks_are_errors() {
    let dir = briefing_with(&[
        ("content/good.md", GOOD),
        (
            "templates/404.html",
            b"{% extends \"base.html\" %}{% block content %}<a href=\"{{ \"/nowhere/\" | url }}\">x</a> \
              <a href=\"{{ \"/articles/\" | url }}#no-such-id\">y</a> \
              <a href=\"{{ \"/articles/\" | url }}\">z</a>{% endblock content %}",
        ),
    ]);
    let out = check(dir.path(), false);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("404.html links to /nowhere/, which the site does not have"),
        "{text}"
    );
    assert!(text.contains("links to /articles/#no-such-id"), "{text}");
    assert!(!text.contains("links to /articles/,"), "{text}");
}
