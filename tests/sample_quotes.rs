//! The quality bar of the quotes issue, on the sample briefing (the Kharkiv counteroffensive):
//! every quoted span found, split quotations joined, every speaker right, and the quotations
//! that recur across outlets linked.

mod common;

use crossbrief::model::Briefing;
use crossbrief::site::{self, Options};

fn sample() -> Briefing {
    let dir = common::sample_briefing();
    site::generate(&Options {
        root: dir.path().to_path_buf(),
        ..Options::default()
    })
    .expect("the sample builds")
    .briefing
}

fn person_name(b: &Briefing, id: &Option<String>) -> String {
    id.as_ref()
        .and_then(|id| b.people.iter().find(|p| &p.id == id))
        .map(|p| p.name.clone())
        .unwrap_or_else(|| "-".to_string())
}

#[test]
fn every_quoted_span_is_found_and_split_quotations_are_joined() {
    let b = sample();
    let occurrences: Vec<_> = b.quotes.iter().flat_map(|q| &q.occurrences).collect();
    let spans: usize = occurrences.iter().map(|o| o.parts.len()).sum();
    assert_eq!(spans, 34, "quoted spans");
    assert_eq!(
        occurrences.len(),
        31,
        "quotations once split ones are joined"
    );
    for o in &occurrences {
        let article = b.articles.iter().find(|a| a.id == o.article).unwrap();
        for &(s, e) in &o.parts {
            assert!(
                o.text.contains(&article.body[s..e]),
                "occurrence text holds its exact parts"
            );
        }
    }
}

#[test]
fn every_quotation_is_credited_to_the_right_speaker() {
    let b = sample();
    let expect = [
        (
            "Russian forces were likely taken by surprise",
            &["Britain's Defense Ministry", "British military"][..],
        ),
        (
            "With Ukrainian operations also continuing in Kherson",
            &["Britain's Defense Ministry"],
        ),
        (
            "The town of Balakliya, Kharkiv region",
            &["Ministry of Defense of Ukraine"],
        ),
        (
            "The Commander of Ukrainian Land Forces",
            &["Ministry of Defense of Ukraine"],
        ),
        ("The helicopters are dropping in", &["Yevgeniy Poddubny"]),
        ("The Russian army in these days", &["Volodymyr Zelensky"]),
        (
            "in order to achieve the stated goals",
            &["Igor Konashenkov"],
        ),
        (
            "the brilliant (clearly within the framework",
            &["Igor Girkin"],
        ),
        ("increasingly isolated", &["Britain's Defense Ministry"]),
        (
            "disorganised Russian forces",
            &["Institute for the Study of War"],
        ),
        (
            "may collapse Russian positions",
            &["Institute for the Study of War"],
        ),
        ("It will be like an avalanche", &["Oleksii Reznikov"]),
        ("more than 1", &["Ukrainian military"]),
        ("in some areas, units of the", &["Ukrainian military"]),
        ("surprise Ukrainian offensive", &["New York Times"]),
        ("a turning point in the war", &["New York Times"]),
        ("The Ukrainian offensive has reshaped", &["New York Times"]),
        (
            "A three-day operation was carried out",
            &["Russian Defence Ministry"],
        ),
        (
            "In order to prevent damage to the Russian troops",
            &["Russian Defence Ministry"],
        ),
    ];
    for q in &b.quotes {
        for o in &q.occurrences {
            let speaker = person_name(&b, &o.speaker);
            let (_, allowed) = expect
                .iter()
                .find(|(start, _)| o.text.contains(start))
                .unwrap_or_else(|| panic!("unexpected quotation {:?}", o.text));
            assert!(
                allowed.contains(&speaker.as_str()),
                "{:?} credited to {speaker}",
                o.text
            );
        }
    }
}

#[test]
fn quotations_carried_by_several_outlets_are_linked() {
    let b = sample();
    let carried = |start: &str| {
        b.quotes
            .iter()
            .find(|q| q.occurrences.iter().any(|o| o.text.contains(start)))
            .map(|q| q.occurrences.len())
            .unwrap_or(0)
    };
    assert_eq!(carried("Russian forces were likely taken by surprise"), 3);
    assert_eq!(carried("showing its back"), 3);
    assert_eq!(carried("increasingly isolated"), 3);
    assert_eq!(carried("in order to achieve the stated goals"), 3);
    assert_eq!(carried("It will be like an avalanche"), 2);
    assert_eq!(
        carried("square kilomet"),
        2,
        "1,000 / 1000 and kilometers / kilometres"
    );
    // "town center" (UPI) and "town centre" (the other outlet) are the same statement.
    assert_eq!(carried("The town of Balakliya"), 3);
}

#[test]
fn outlets_that_credit_different_speakers_are_flagged() {
    let b = sample();
    let q = b
        .quotes
        .iter()
        .find(|q| {
            q.text
                .contains("Russian forces were likely taken by surprise")
        })
        .unwrap();
    assert!(q.speaker_conflict);
    assert!(
        b.notices
            .iter()
            .any(|n| n.kind == "speaker-conflict" && n.page.as_deref() == Some(q.page.as_str()))
    );
}

#[test]
fn spokespeople_are_one_entity_per_real_entity() {
    let b = sample();
    let zelensky: Vec<_> = b
        .people
        .iter()
        .filter(|p| p.name.contains("Zelensk"))
        .collect();
    assert_eq!(zelensky.len(), 1, "Zelensky and Zelenskyy are one person");
    assert!(zelensky[0].aliases.iter().any(|a| a.contains("Zelenskyy")));
    let uk_mod: Vec<_> = b
        .people
        .iter()
        .filter(|p| p.name.contains("Britain") || p.aliases.iter().any(|a| a.contains("U.K.")))
        .collect();
    assert_eq!(
        uk_mod.len(),
        1,
        "the British ministry's variants are one organisation"
    );
    let konashenkov = b
        .people
        .iter()
        .find(|p| p.name == "Igor Konashenkov")
        .unwrap();
    assert!(
        konashenkov
            .roles
            .iter()
            .any(|r| r == "Russian Defence Ministry spokesman")
    );
    assert!(
        !konashenkov.statements.is_empty(),
        "reported speech is recorded"
    );
}
