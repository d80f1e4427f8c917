//! The quality bar of the places issue on the sample briefing: every place named is found,
//! spelling variants end on one page, and nothing that is not a place gets a page.

mod common;

use crossbrief::model::Briefing;
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

#[test]
fn every_place_named_in_the_sample_is_found() {
    let b = sample();
    let names: Vec<&str> = b.places.iter().map(|p| p.name.as_str()).collect();
    for place in [
        "Kupiansk",
        "Izyum",
        "Balakliya",
        "Kharkiv",
        "Donetsk",
        "Donbas",
        "Luhansk",
        "Kherson",
        "Kyiv",
        "Shevchenkove",
        "Belgorod",
        "Sloviansk",
        "Pokrovsk",
        "Ukraine",
        "Russia",
    ] {
        assert!(names.contains(&place), "{place} missing from {names:?}");
    }
}

#[test]
fn spelling_variants_end_on_one_page() {
    let b = sample();
    let page = |name: &str| {
        b.places
            .iter()
            .filter(|p| p.name == name || p.aliases.iter().any(|a| a == name))
            .count()
    };
    for spelling in ["Kupiansk", "Kupyansk", "Kupianks"] {
        assert_eq!(page(spelling), 1, "{spelling}");
    }
    let kupiansk = b.places.iter().find(|p| p.name == "Kupiansk").unwrap();
    assert!(
        kupiansk.aliases.contains(&"Kupyansk".to_string())
            && kupiansk.aliases.contains(&"Kupianks".to_string())
    );
    let balakliya = b.places.iter().find(|p| p.name == "Balakliya").unwrap();
    assert!(balakliya.aliases.contains(&"Balaklyia".to_string()));
    assert!(kupiansk.lat.is_some() && kupiansk.country.as_deref() == Some("UA"));
}

#[test]
fn nothing_that_is_not_a_place_gets_a_place_page() {
    let b = sample();
    let allowed_extra = [
        "Kharkiv region",
        "Donetsk region",
        "Kyiv region",
        "India",
        "New Delhi",
        "United Kingdom",
        "United States",
        "Washington",
        "Moscow",
    ];
    let expected = [
        "Kupiansk",
        "Izyum",
        "Balakliya",
        "Kharkiv",
        "Donetsk",
        "Donbas",
        "Luhansk",
        "Kherson",
        "Kyiv",
        "Shevchenkove",
        "Belgorod",
        "Sloviansk",
        "Pokrovsk",
        "Ukraine",
        "Russia",
    ];
    for p in &b.places {
        assert!(
            expected.contains(&p.name.as_str()) || allowed_extra.contains(&p.name.as_str()),
            "unexpected place {:?}",
            p.name
        );
    }
}
