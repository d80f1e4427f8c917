//! `crossbrief import`: raw articles (.txt, .md, saved web pages) into content files.

use std::fs;
use std::path::{Path, PathBuf};

use crossbrief::load::{Document, parse_document};
use crossbrief::site::import::{ImportReport, import};
use crossbrief::site::{self, Options};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// Reads a file as the build would (the path decides .txt or Markdown).
fn load(path: &Path) -> Document {
    let text = fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    parse_document(&name, text, 0)
        .unwrap_or_else(|d| panic!("{} does not load: {d}", path.display()))
        .0
}

/// Imports the fixtures into `dir/content`.
fn import_fixtures(dir: &Path, names: &[&str], force: bool) -> ImportReport {
    let inputs: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
    import(&inputs, &dir.join("content"), force).expect("the import runs")
}

fn front_matter(text: &str) -> &str {
    let rest = text.strip_prefix("---\n").expect("front matter first");
    &rest[..rest.find("\n---\n").expect("closed front matter")]
}

#[test]
fn header_form_text_gets_front_matter_and_keeps_its_body_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let report = import_fixtures(dir.path(), &["header-form.txt"], false);
    let target = dir.path().join("content/header-form.md");
    assert_eq!(report.created, std::slice::from_ref(&target));
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);

    let written = fs::read_to_string(&target).unwrap();
    assert_eq!(
        front_matter(&written),
        "title: \"Port workers strike over night-shift pay\"\n\
         outlet: \"Harbor City Daily\"\n\
         date: \"2024-03-15\"\n\
         author: \"Tom Reyes\"\n\
         url: \"https://daily.example/2024/03/15/port-strike\"\n\
         source: \"header-form.txt\""
    );
    let before = load(&fixture("header-form.txt"));
    let after = load(&target);
    assert_eq!(after.body.text, before.body.text, "written:\n{written}");
    assert_eq!(after.title, before.title);
    assert_eq!(after.outlet, before.outlet);
    assert_eq!(after.date, before.date);
    assert_eq!(after.author, before.author);
    assert_eq!(after.url, before.url);
    assert_eq!(after.source.as_deref(), Some("header-form.txt"));
    // The list-like lines, the "heading" and the "quote" are text, not Markdown structure.
    assert!(
        after
            .body
            .text
            .contains("\n- a 12% rise for night shifts;\n- 1. no cuts")
    );
    assert!(
        after
            .body
            .text
            .contains("\n# and a \"fair_share\" of overtime.")
    );
    assert!(
        after
            .body
            .text
            .ends_with("> Talks are due to resume on Monday.")
    );
    assert_eq!(after.body.blocks.len(), before.body.blocks.len());
}

#[test]
fn plain_text_takes_its_title_from_the_first_line_and_invents_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let report = import_fixtures(dir.path(), &["plain.txt"], false);
    let target = dir.path().join("content/plain.md");
    assert_eq!(report.created, std::slice::from_ref(&target));

    let written = fs::read_to_string(&target).unwrap();
    assert_eq!(
        front_matter(&written),
        "title: \"Ferry timetable changes from Monday\"\nsource: \"plain.txt\""
    );
    let before = load(&fixture("plain.txt"));
    let after = load(&target);
    assert_eq!(after.body.text, before.body.text, "written:\n{written}");
    assert_eq!(after.title, "Ferry timetable changes from Monday");
    assert!(!after.title_derived);
    assert_eq!(after.outlet, None);
    assert_eq!(after.date, None);
}

#[test]
fn a_saved_web_page_becomes_the_article_without_the_page_around_it() {
    let dir = tempfile::tempdir().unwrap();
    let report = import_fixtures(dir.path(), &["article.html"], false);
    let target = dir.path().join("content/article.md");
    assert_eq!(report.created, std::slice::from_ref(&target));
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);

    let written = fs::read_to_string(&target).unwrap();
    assert_eq!(
        front_matter(&written),
        "title: \"Council approves $40m flood barrier for Harbor City\"\n\
         outlet: \"The Coastal Ledger\"\n\
         date: \"2024-03-14\"\n\
         author: \"Maria Okafor\"\n\
         url: \"https://www.coastalledger.example/news/2024/03/14/flood-barrier-approved\"\n\
         source: \"article.html\"",
        "written:\n{written}"
    );
    let doc = load(&target);
    let paragraphs: Vec<&str> = doc.body.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 5, "{paragraphs:#?}");
    assert!(paragraphs[0].starts_with("Harbor City council voted 9 to 4 on Wednesday night"));
    assert!(paragraphs[1].contains("expected to cost $40 million"));
    assert!(paragraphs[2].starts_with("\"We have had four floods in six years"));
    assert!(paragraphs[3].contains("closer to $55 million."));
    assert!(paragraphs[4].ends_with("public meetings on the design in May & June."));
    for noise in [
        "Home",
        "Subscribe",
        "Sport",
        "Most read",
        "Related stories",
        "newsletter",
        "All rights reserved",
        "Privacy",
        "dataLayer",
        "By Maria Okafor",
    ] {
        assert!(
            !doc.body.text.contains(noise),
            "{noise:?} in\n{}",
            doc.body.text
        );
    }
}

#[test]
fn a_page_that_names_no_outlet_gets_none() {
    let dir = tempfile::tempdir().unwrap();
    let html = fs::read_to_string(fixture("article.html"))
        .unwrap()
        .replace(
            r#"<meta property="og:site_name" content="The Coastal Ledger">"#,
            "",
        );
    let page = dir.path().join("no-outlet.html");
    fs::write(&page, html).unwrap();
    let report = import(&[page], &dir.path().join("content"), false).unwrap();
    assert_eq!(report.created.len(), 1, "{:?}", report.skipped);
    let doc = load(&report.created[0]);
    assert_eq!(doc.outlet, None);
    assert_eq!(doc.author.as_deref(), Some("Maria Okafor"));
}

#[test]
fn existing_files_are_kept_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let first = import_fixtures(dir.path(), &["plain.txt", "header-form.txt"], false);
    assert_eq!(first.created.len(), 2);
    let target = dir.path().join("content/plain.md");
    let imported = fs::read_to_string(&target).unwrap();
    fs::write(&target, "---\ntitle: Edited by hand\n---\nMine.\n").unwrap();

    let second = import_fixtures(dir.path(), &["plain.txt", "header-form.txt"], false);
    assert!(second.created.is_empty());
    assert_eq!(second.skipped.len(), 2);
    assert_eq!(second.skipped[0].0, fixture("plain.txt"));
    assert_eq!(
        second.skipped[0].1,
        format!("{} exists; pass --force to overwrite", target.display())
    );
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "---\ntitle: Edited by hand\n---\nMine.\n"
    );

    let forced = import_fixtures(dir.path(), &["plain.txt", "header-form.txt"], true);
    assert_eq!(forced.created.len(), 2);
    assert!(forced.skipped.is_empty());
    assert_eq!(fs::read_to_string(&target).unwrap(), imported);
}

#[test]
fn folders_are_walked_in_order_skipping_hidden_and_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    fs::create_dir_all(inbox.join("b/.hidden")).unwrap();
    fs::create_dir_all(inbox.join("article_files")).unwrap();
    fs::copy(fixture("article.html"), inbox.join("article.html")).unwrap();
    fs::write(
        inbox.join("article_files/frame.html"),
        "<html><body>ad</body></html>",
    )
    .unwrap();
    fs::copy(fixture("plain.txt"), inbox.join("b/Ferry News.TXT")).unwrap();
    fs::write(inbox.join("b/.hidden/secret.txt"), "Secret\n\nNo.\n").unwrap();
    fs::write(inbox.join(".draft.txt"), "Draft\n\nNo.\n").unwrap();
    fs::write(inbox.join("notes.pdf"), b"%PDF").unwrap();
    fs::write(inbox.join("note.md"), "# A note\n\nSome *text*.\n").unwrap();

    let content = dir.path().join("content");
    let report = import(&[inbox], &content, false).unwrap();
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(
        report.created,
        [
            content.join("article.md"),
            content.join("ferry-news.md"),
            content.join("note.md")
        ]
    );
    assert_eq!(
        fs::read_to_string(content.join("note.md")).unwrap(),
        "---\ntitle: \"A note\"\nsource: \"note.md\"\n---\n\nSome *text*.\n"
    );
}

#[test]
fn problems_with_one_input_are_reported_and_the_rest_imported() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.txt");
    fs::write(&latin1, b"Title: Caf\xe9\n\nText.\n").unwrap();
    let empty_page = dir.path().join("empty.html");
    fs::write(
        &empty_page,
        "<html><head><title>Nothing</title></head><body><nav><a href=\"/\">Home</a></nav></body></html>",
    )
    .unwrap();
    let bad_md = dir.path().join("bad.md");
    fs::write(&bad_md, "---\ntitle: never closed\n\nBody\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let inputs = [
        latin1.clone(),
        empty_page.clone(),
        fixture("plain.txt"),
        bad_md.clone(),
        missing.clone(),
    ];
    let report = import(&inputs, &dir.path().join("content"), false).unwrap();
    assert_eq!(report.created, [dir.path().join("content/plain.md")]);
    let reasons: Vec<(&Path, &str)> = report
        .skipped
        .iter()
        .map(|(p, r)| (p.as_path(), r.as_str()))
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:#?}");
    let reason_for = |p: &Path| reasons.iter().find(|(q, _)| *q == p).unwrap().1;
    assert!(reason_for(&missing).contains("no such file"));
    assert!(
        reason_for(&latin1).contains("not valid UTF-8"),
        "{reasons:?}"
    );
    assert!(reason_for(&latin1).contains("iconv"));
    assert!(
        reason_for(&empty_page).contains("no article text"),
        "{reasons:?}"
    );
    assert!(reason_for(&bad_md).contains("never closed"), "{reasons:?}");
}

#[test]
fn a_target_that_is_a_file_is_an_error_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("content");
    fs::write(&into, "not a folder").unwrap();
    let err = import(&[fixture("plain.txt")], &into, false).unwrap_err();
    let d = err.iter().next().unwrap();
    assert!(d.is_error());
    assert!(d.message.contains("is a file, not a folder"), "{err}");
    assert!(d.help.as_deref().unwrap().contains("--into"));
}

#[test]
fn same_names_are_numbered_and_runs_are_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir_all(&src).unwrap();
    fs::copy(fixture("article.html"), src.join("story.html")).unwrap();
    fs::copy(fixture("plain.txt"), src.join("story.txt")).unwrap();

    let one = import(std::slice::from_ref(&src), &dir.path().join("one"), false).unwrap();
    let two = import(std::slice::from_ref(&src), &dir.path().join("two"), false).unwrap();
    let names = |r: &ImportReport| -> Vec<String> {
        r.created
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names(&one), ["story.md", "story-2.md"]);
    assert_eq!(names(&one), names(&two));
    for (a, b) in one.created.iter().zip(&two.created) {
        assert_eq!(fs::read(a).unwrap(), fs::read(b).unwrap());
    }
}

#[test]
fn the_imported_folder_builds() {
    let dir = tempfile::tempdir().unwrap();
    let report = import_fixtures(
        dir.path(),
        &["header-form.txt", "plain.txt", "article.html"],
        false,
    );
    assert_eq!(report.created.len(), 3, "{:?}", report.skipped);
    let built = site::build(&Options {
        root: dir.path().to_path_buf(),
        ..Options::default()
    })
    .unwrap_or_else(|d| panic!("the imported briefing does not build:\n{d}"));
    assert_eq!(built.articles, 3);
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("public/briefing.json")).unwrap())
            .unwrap();
    let mut outlets: Vec<&str> = json["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["name"].as_str())
        .collect();
    outlets.sort();
    assert_eq!(outlets, ["Harbor City Daily", "The Coastal Ledger"]);
}

#[test]
fn articles_already_in_the_target_folder_are_not_imported_again() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(&content).unwrap();
    fs::copy(fixture("plain.txt"), content.join("plain.txt")).unwrap();
    fs::copy(fixture("article.html"), content.join("page.html")).unwrap();
    let report = import(std::slice::from_ref(&content), &content, true).unwrap();
    assert_eq!(report.created, [content.join("page.md")]);
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].0, content.join("plain.txt"));
    assert!(
        report.skipped[0].1.contains("already in"),
        "{:?}",
        report.skipped
    );
    assert!(!content.join("plain.md").exists());
}
