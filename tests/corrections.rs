//! Each kind of editor's correction in `crossbrief.yaml`: applied when linking, shown on the
//! page it changes, and reported by `check` once it no longer matches anything.

mod common;

use std::fs;

use common::*;
use crossbrief::model::Briefing;
use crossbrief::site::{self, Options};

/// The sample briefing with `corrections` appended to its settings, built.
fn built_with(corrections: &str) -> (tempfile::TempDir, Briefing) {
    let dir = sample_briefing();
    let settings = dir.path().join("crossbrief.yaml");
    let mut text = fs::read_to_string(&settings).unwrap();
    text.push_str("\ncorrections:\n");
    text.push_str(corrections);
    fs::write(&settings, text).unwrap();
    let options = Options {
        root: dir.path().to_path_buf(),
        ..Options::default()
    };
    site::build(&options).expect("the briefing builds");
    let json = fs::read(dir.path().join("public/briefing.json")).unwrap();
    (dir, serde_json::from_slice(&json).unwrap())
}

fn page(dir: &tempfile::TempDir, path: &str) -> String {
    let file = dir
        .path()
        .join("public")
        .join(path.trim_start_matches('/'))
        .join("index.html");
    fs::read_to_string(&file).unwrap_or_else(|_| panic!("{} is missing", file.display()))
}

fn stale(b: &Briefing) -> Vec<&str> {
    b.notices
        .iter()
        .filter(|n| n.kind == "stale-correction")
        .map(|n| n.message.as_str())
        .collect()
}

#[test]
fn an_excluded_article_is_left_out_and_listed_with_the_reason() {
    let (dir, b) = built_with(
        "  exclude:\n    - {article: ukraine-recaptures-key-towns, reason: \"a rewrite of the wire copy\"}\n",
    );
    assert_eq!(b.articles.len(), 4);
    assert!(
        b.articles
            .iter()
            .all(|a| a.id != "ukraine-recaptures-key-towns")
    );
    assert_eq!(b.excluded.len(), 1);
    let list = page(&dir, "/articles/");
    assert!(list.contains("Left out by the editor"));
    assert!(list.contains("a rewrite of the wire copy"));
    assert!(stale(&b).is_empty(), "{:?}", stale(&b));
}

#[test]
fn an_excluded_passage_takes_its_figures_out_and_says_so_on_the_article() {
    let (dir, b) = built_with(
        "  exclude:\n    - {article: ukraine-recaptures-key-towns, text: \"1,000 kilometers\", reason: \"a unit slip\"}\n",
    );
    let claims: Vec<&str> = b
        .figures
        .iter()
        .flat_map(|f| &f.claims)
        .map(|c| c.text.as_str())
        .collect();
    assert!(!claims.contains(&"1,000 kilometers"), "{claims:?}");
    let article = b
        .articles
        .iter()
        .find(|a| a.id == "ukraine-recaptures-key-towns")
        .unwrap();
    assert_eq!(article.notes.len(), 1);
    let html = page(&dir, &article.page);
    assert!(html.contains("was left out of the briefing by the editor: a unit slip."));
}

#[test]
fn merged_names_become_one_person_with_a_note() {
    let (dir, b) = built_with(
        "  merge:\n    - {into: \"Ukrainian military\", names: [\"Ukrainian officials\"], reason: \"same source\"}\n",
    );
    let merged: Vec<_> = b
        .people
        .iter()
        .filter(|p| p.name == "Ukrainian military" || p.name == "Ukrainian officials")
        .collect();
    assert_eq!(merged.len(), 1, "{merged:?}");
    assert!(merged[0].aliases.iter().any(|a| a == "Ukrainian officials"));
    assert!(page(&dir, &merged[0].page).contains("joined by the editor"));
    assert!(stale(&b).is_empty(), "{:?}", stale(&b));
}

#[test]
fn merged_places_share_one_page() {
    let (dir, b) = built_with(
        "  merge:\n    - {into: \"Kharkiv\", names: [\"Kharkiv region\"], kind: place}\n",
    );
    assert!(b.places.iter().all(|p| p.name != "Kharkiv region"));
    let city = b.places.iter().find(|p| p.name == "Kharkiv").unwrap();
    assert!(city.aliases.iter().any(|a| a == "Kharkiv region"));
    assert!(page(&dir, &city.page).contains("joined to this place by the editor"));
}

#[test]
fn a_split_place_gets_a_page_of_its_own() {
    let (dir, b) = built_with(
        "  split:\n    - {place: \"Kharkiv region\", text: \"Kharkiv\", article: ukraine-recaptures-key-towns, reason: \"the city, not the region\"}\n",
    );
    let split: Vec<_> = b
        .places
        .iter()
        .filter(|p| p.notes.iter().any(|n| n.starts_with("Split from")))
        .collect();
    assert_eq!(split.len(), 1);
    assert!(!split[0].mentions.is_empty());
    assert!(page(&dir, &split[0].page).contains("by the editor: the city, not the region."));
}

#[test]
fn a_split_person_is_kept_apart_and_noted() {
    let (_dir, b) =
        built_with("  split:\n    - {name: \"Igor Konashenkov\", not: [\"Konashenkov\"]}\n");
    let person = b
        .people
        .iter()
        .find(|p| p.name == "Igor Konashenkov")
        .unwrap();
    assert!(
        person
            .notes
            .iter()
            .any(|n| n.starts_with("Kept apart from Konashenkov"))
    );
}

#[test]
fn a_speaker_set_by_the_editor_is_shown_as_such() {
    let (dir, b) = built_with(
        "  speaker:\n    - {quote: \"like an avalanche\", speaker: \"Jane Example\", reason: \"checked with the ministry\"}\n",
    );
    let quote = b
        .quotes
        .iter()
        .find(|q| q.text.contains("like an avalanche"))
        .unwrap();
    let person = b.people.iter().find(|p| p.name == "Jane Example").unwrap();
    assert_eq!(quote.speaker.as_deref(), Some(person.id.as_str()));
    assert!(
        quote
            .occurrences
            .iter()
            .all(|o| o.attribution.as_deref() == Some("editor"))
    );
    assert!(
        page(&dir, &quote.page)
            .contains("Speaker set by the editor to Jane Example: checked with the ministry.")
    );
    assert!(page(&dir, &person.page).contains("Added by the editor"));
}

#[test]
fn a_speaker_conflict_the_editor_settles_is_no_longer_reported() {
    let conflicts = |b: &Briefing| {
        b.notices
            .iter()
            .filter(|n| n.kind == "speaker-conflict")
            .count()
    };
    let (_dir, before) = built_with("  speaker: []\n");
    let conflicted = before
        .quotes
        .iter()
        .find(|q| q.speaker_conflict)
        .expect("the sample has a quotation outlets credit to different speakers");
    assert!(conflicts(&before) > 0);
    let words: Vec<&str> = conflicted.text.split_whitespace().take(6).collect();
    let (_dir, after) = built_with(&format!(
        "  speaker:\n    - {{quote: \"{}\", speaker: \"Jane Example\"}}\n",
        words.join(" ")
    ));
    assert_eq!(conflicts(&after), conflicts(&before) - 1);
    assert!(
        after
            .notices
            .iter()
            .all(|n| n.kind != "unattributed-quote" || !n.message.contains(words[0]))
    );
}

#[test]
fn a_figure_group_can_be_renamed_and_marked_not_disputed() {
    let (dir, b) = built_with(
        "  figures:\n    - {figure: \"Territory taken\", label: \"Territory retaken\", not_disputed: \"the claims cover different days\"}\n",
    );
    let group = b
        .figures
        .iter()
        .find(|f| f.label == "Territory retaken")
        .unwrap();
    assert!(!group.disputed);
    let html = page(&dir, &group.page);
    assert!(
        html.contains("Marked as not disputed by the editor: the claims cover different days.")
    );
    assert!(html.contains("Label set by the editor"));
}

#[test]
fn corrections_that_match_nothing_are_reported() {
    let (dir, b) = built_with(concat!(
        "  exclude:\n    - {article: no-such-article}\n",
        "  merge:\n    - {into: \"Nobody Here\", names: [\"Nobody\"]}\n",
        "  speaker:\n    - {quote: \"words no outlet printed\", speaker: \"Someone\"}\n",
        "  figures:\n    - {figure: \"No such group\", label: \"x\"}\n",
    ));
    let stale = stale(&b);
    assert_eq!(stale.len(), 4, "{stale:?}");
    for needle in [
        "no-such-article",
        "Nobody Here",
        "words no outlet printed",
        "No such group",
    ] {
        assert!(
            stale.iter().any(|s| s.contains(needle)),
            "{needle} in {stale:?}"
        );
    }
    assert!(
        page(&dir, "/").contains("the correction figure &quot;No such group&quot;"),
        "a notice about no page in particular is on the front page"
    );
}

#[test]
fn a_misspelt_correction_key_is_an_error_naming_the_line() {
    let dir = sample_briefing();
    let settings = dir.path().join("crossbrief.yaml");
    let mut text = fs::read_to_string(&settings).unwrap();
    text.push_str("\ncorrections:\n  exlcude:\n    - {article: x}\n");
    fs::write(&settings, text).unwrap();
    let options = Options {
        root: dir.path().to_path_buf(),
        ..Options::default()
    };
    let problems = site::build(&options).expect_err("an unknown key is an error");
    let shown = problems.to_string();
    assert!(shown.contains("crossbrief.yaml"), "{shown}");
    assert!(shown.contains("exlcude"), "{shown}");
}
