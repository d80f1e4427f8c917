//! The quality bar of the figures issue on the sample briefing.

mod common;

use crossbrief::model::{Briefing, Figure};
use crossbrief::site::{self, Options};

fn sample() -> Briefing {
    let dir = common::sample_briefing();
    site::generate(&Options {
        root: dir.path().to_path_buf(),
        ..Options::default()
    })
    .unwrap()
    .briefing
}

fn group_of<'a>(b: &'a Briefing, text: &str) -> &'a Figure {
    b.figures
        .iter()
        .find(|f| f.claims.iter().any(|c| c.text.contains(text)))
        .unwrap_or_else(|| panic!("no figure group holds {text:?}"))
}

fn claimant_name(b: &Briefing, id: &Option<String>) -> Option<String> {
    id.as_ref()
        .and_then(|id| b.people.iter().find(|p| &p.id == id))
        .map(|p| p.name.clone())
}

#[test]
fn every_territory_claim_is_in_one_disputed_group_with_the_right_claimants() {
    let b = sample();
    let g = group_of(&b, "almost 400 square miles");
    assert!(g.disputed, "the territory figures disagree");
    let expected = [
        (
            "almost 400 square miles",
            Some("Volodymyr Zelensky"),
            "approximate",
        ),
        ("up to 2,500 square kilometers", None, "upper_bound"),
        (
            "around 2,500 square kilometers",
            Some("Institute for the Study of War"),
            "approximate",
        ),
        (
            "more than 1,000 square kilometers",
            Some("Ukrainian military"),
            "lower_bound",
        ),
        (
            "more than 1000 square kilometres",
            Some("Ukrainian military"),
            "lower_bound",
        ),
        (
            "2,000 square kilometers",
            Some("Volodymyr Zelensky"),
            "exact",
        ),
        ("1,000 kilometers", Some("Volodymyr Zelensky"), "exact"),
    ];
    assert_eq!(
        g.claims.len(),
        expected.len(),
        "{:?}",
        g.claims.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
    for (text, claimant, qualifier) in expected {
        let c = g
            .claims
            .iter()
            .find(|c| c.text == text)
            .unwrap_or_else(|| panic!("{text} missing"));
        assert_eq!(
            claimant_name(&b, &c.claimant).as_deref(),
            claimant,
            "{text}"
        );
        assert_eq!(c.qualifier, qualifier, "{text}");
    }
    let unit_error = g
        .claims
        .iter()
        .find(|c| c.text == "1,000 kilometers")
        .unwrap();
    assert!(unit_error.unit_error, "a length cannot measure territory");
    assert_eq!(unit_error.normalized.unit, "km", "and it is not converted");
    let miles = g
        .claims
        .iter()
        .find(|c| c.text == "almost 400 square miles")
        .unwrap();
    assert_eq!(miles.value, 400.0, "the value as written is kept");
    assert!((miles.normalized.value - 1036.0).abs() < 1.0);
    let isw = g
        .claims
        .iter()
        .find(|c| c.text == "around 2,500 square kilometers")
        .unwrap();
    let conversion = isw
        .conversion
        .as_ref()
        .expect("the conversion in parentheses");
    assert_eq!((conversion.value, conversion.consistent), (965.0, true));
}

#[test]
fn distance_advance_settlements_and_war_length_are_separate_undisputed_groups() {
    let b = sample();
    let territory = group_of(&b, "almost 400 square miles");
    for text in [
        "73 kilometers",
        "as much as 50 kilometers",
        "more than 30 settlements",
        "seven-month",
    ] {
        let g = group_of(&b, text);
        assert_ne!(g.id, territory.id, "{text}");
        assert!(!g.disputed, "{text} is not disputed");
    }
    assert_ne!(
        group_of(&b, "73 kilometers").id,
        group_of(&b, "as much as 50 kilometers").id
    );
    assert_eq!(
        group_of(&b, "73 kilometers").claims.len(),
        3,
        "73 km in three outlets"
    );
    assert_eq!(group_of(&b, "more than 30 settlements").claims.len(), 3);
    assert_eq!(group_of(&b, "seven-month").claims.len(), 3);
}

#[test]
fn disputed_figures_come_first_and_dates_and_ages_are_not_figures() {
    let b = sample();
    assert!(b.figures[0].disputed);
    let all: Vec<&str> = b
        .figures
        .iter()
        .flat_map(|f| f.claims.iter().map(|c| c.text.as_str()))
        .collect();
    for not_a_figure in ["75", "2022", "10", "12:38"] {
        assert!(
            !all.contains(&not_a_figure),
            "{not_a_figure} is not a figure: {all:?}"
        );
    }
}
