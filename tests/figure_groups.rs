//! What a figure measures, and which figures of different outlets measure the same thing, in
//! stories other than the sample. A dispute is only as good as this grouping: numbers of
//! different things must never be set against each other.

mod common;

use crossbrief::model::{Briefing, Figure};

/// A briefing of article bodies, each given a header of its own.
fn briefing(bodies: &[&str]) -> Briefing {
    let texts: Vec<String> = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| format!("Title: T{i}\nOutlet: Outlet {i}\n\n{body}\n"))
        .collect();
    common::briefing_of_texts(&texts)
}

fn group_of<'a>(b: &'a Briefing, text: &str) -> &'a Figure {
    b.figures
        .iter()
        .find(|f| f.claims.iter().any(|c| c.text == text))
        .unwrap_or_else(|| panic!("no figure group holds {text:?}"))
}

#[test]
fn a_count_of_things_taken_is_not_territory_taken() {
    // "took" and "taken" are territory taken for an area ("took 500 square miles"), but a
    // count of orders or of people "taken to hospital" is no territory.
    let b = briefing(&[
        "The shop took 300 orders on Friday, and 40 customers were taken to \
                        hospital.",
    ]);
    for text in ["300 orders", "40 customers"] {
        let g = group_of(&b, text);
        assert!(!g.label.contains("Territory"), "{text}: {}", g.label);
    }
    let b = briefing(&["Rebels took 500 square miles and 12 villages in a week."]);
    assert!(group_of(&b, "500 square miles").label.contains("Territory"));
    assert!(group_of(&b, "12 villages").label.contains("Territory"));
}

#[test]
fn a_count_takes_the_verb_it_is_the_subject_of() {
    let b = briefing(&[
        "At least 59 people were killed, and police report more than 527 people were injured.",
    ]);
    assert!(group_of(&b, "At least 59 people").label.contains("killed"));
    assert!(
        group_of(&b, "more than 527 people")
            .label
            .contains("injured")
    );
}

#[test]
fn a_number_before_a_participle_counts_the_same_people_as_a_noun() {
    let b = briefing(&[
        "The attack left 58 people dead and 515 hospitalized.",
        "Police said more than 527 people were injured in the attack.",
    ]);
    let hospital = group_of(&b, "515");
    assert!(
        hospital
            .claims
            .iter()
            .any(|c| c.text == "more than 527 people"),
        "{:?}",
        hospital.claims
    );
    assert!(hospital.disputed);
    // "300 armed men" still counts men: a participle that is no predicate's is an adjective.
    let b = briefing(&["There were 300 armed men at the gate."]);
    assert!(
        group_of(&b, "300 armed men")
            .label
            .to_lowercase()
            .contains("men")
    );
}

#[test]
fn settlements_retaken_are_territory_taken_in_every_outlet() {
    let b = briefing(&[
        "Troops had reclaimed more than 30 settlements in the Dovra region.",
        "Troops reclaimed more than 30 settlements in the Dovra region since the start of \
         Vatin's offensive.",
    ]);
    assert_eq!(group_of(&b, "more than 30 settlements").claims.len(), 2);
}

#[test]
fn last_weekend_is_the_story_s_own_time_not_last_week_s() {
    // "last week" marks a figure of another time; "last weekend" is when the story happened.
    let b = briefing(&[
        "A bomb that injured 29 people went off on Saturday.",
        "Court papers describe the explosions last weekend, including a bomb that injured 31 \
         people.",
    ]);
    let g = group_of(&b, "29 people");
    assert!(g.claims.iter().any(|c| c.text == "31 people"), "{g:?}");
    assert!(g.disputed);
}

#[test]
fn a_multiplier_is_no_count() {
    // "30 times the population" says how much bigger, and counts nothing.
    let b = briefing(&[
        "The estimate of deaths will reach 103,000, a figure roughly 30 times the earlier toll.",
        "The storm killed 64 people; the toll later stood nearly 50 times higher.",
    ]);
    let texts: Vec<&str> = b
        .figures
        .iter()
        .flat_map(|f| f.claims.iter().map(|c| c.text.as_str()))
        .collect();
    assert!(!texts.iter().any(|t| t.contains("times")), "{texts:?}");
}

#[test]
fn sums_of_money_are_not_disputed() {
    // Costs of different things, both on the same island: nothing says they are one sum.
    let b = briefing(&[
        "Estimates of the cost to Puerto Rico's economy range as high as $95 billion.",
        "A heavy lift helicopter will cost Puerto Rico far more, some $20,000 per hour.",
    ]);
    assert!(b.figures.iter().all(|f| !f.disputed), "{:?}", b.figures);
}

#[test]
fn what_might_be_is_never_set_against_what_is() {
    // A forecast and a hypothetical are no claims of fact.
    let b = briefing(&[
        "“You cannot evacuate 6.5 million people within two days,” the mayor said.",
        "Officials said 2.3 million people were evacuated ahead of the storm.",
    ]);
    let g = group_of(&b, "6.5 million people");
    assert_eq!(
        g.claims
            .iter()
            .find(|c| c.text == "6.5 million people")
            .map(|c| c.qualifier.as_str()),
        Some("hypothetical")
    );
    assert!(b.figures.iter().all(|f| !f.disputed), "{:?}", b.figures);
    // The same figure stated as fact is exact.
    let b = briefing(&["The city evacuated 6.5 million people within two days."]);
    assert_eq!(
        group_of(&b, "6.5 million people").claims[0].qualifier,
        "exact"
    );
}

#[test]
fn a_count_of_one_nations_people_is_apart_from_the_whole_count() {
    // Nine of the passengers were Ethiopian; 346 died in two crashes together.
    let b = briefing(&[
        "The airline said nine Ethiopian passengers were killed in the crash.",
        "Combined, the two accidents killed 346 passengers and crew.",
    ]);
    let some = group_of(&b, "nine Ethiopian passengers");
    let all = group_of(&b, "346 passengers");
    assert_ne!(some.id, all.id);
    assert!(!some.disputed && !all.disputed);
    assert_eq!(some.label, "People killed: Ethiopian passengers");
    // The group's label is plural in its last word: "Saudi men", "boys".
    let b = briefing(&["Police said 15 Saudi men and three boys were killed."]);
    assert!(group_of(&b, "15 Saudi men").label.ends_with("Saudi men"));
    assert!(group_of(&b, "three boys").label.ends_with("boys"));
}

#[test]
fn a_count_of_another_month_is_another_event() {
    let texts = [
        "Title: A\nOutlet: A\nDate: 2017-08-20\n\nPolice said 33 people were arrested at the rally.\n"
            .to_string(),
        "Title: B\nOutlet: B\nDate: 2017-08-21\n\nAbout two dozen people were arrested in July \
         when the group last rallied.\n"
            .to_string(),
    ];
    let b = common::briefing_of_texts(&texts);
    let now = group_of(&b, "33 people");
    let then = group_of(&b, "About two dozen people");
    assert_ne!(now.id, then.id);
    assert!(!now.disputed && !then.disputed);
}

#[test]
fn vote_tallies_are_not_disputed() {
    // One story holds the tallies of several ballots.
    let b = briefing(&[
        "The Senate earlier backed his nomination by 50 votes to 48.",
        "With 67 votes needed to convict the president, the trial ended.",
    ]);
    let g = group_of(&b, "50 votes");
    assert!(!g.disputed, "{}", g.label);
}

#[test]
fn distances_in_two_directions_are_two_positions_not_a_dispute() {
    // A storm that moved: "northwest of" on Sunday, "east of" on Monday.
    let b = briefing(&[
        "The storm remains stationary about 45 miles northwest of Victoria, Texas.",
        "By Monday the storm was hovering about 20 miles east of Victoria, Texas.",
        "The storm was 19 miles (31 kilometers) east of Victoria, Texas.",
    ]);
    let sunday = group_of(&b, "about 45 miles");
    let monday = group_of(&b, "about 20 miles");
    assert_ne!(sunday.id, monday.id);
    assert!(!sunday.disputed && !monday.disputed);
    assert!(sunday.label.contains("northwest"), "{}", sunday.label);
    // A conversion between the figure and its direction does not hide the direction.
    assert_eq!(group_of(&b, "19 miles").id, monday.id);
}

/// Asserts that `first` and `second` are claims of one group whose label starts with `label`.
fn assert_one_group(b: &Briefing, first: &str, second: &str, label: &str) {
    let g = group_of(b, first);
    assert!(g.label.starts_with(label), "{first}: {}", g.label);
    assert!(
        g.claims.iter().any(|c| c.text == second),
        "{}: {:?}",
        g.label,
        g.claims.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
}

#[test]
fn a_population_is_of_its_town_whatever_its_people_are_called() {
    // One outlet counts residents, another people; the town is what both count, not the
    // city the first sentence also names.
    let b = briefing(&[
        "The fire reached Dunmore, a town of about 700 residents about 85 miles northwest of Phoenix.",
        "Homes burned in the area of Dunmore, a community of about 600 people, officials said.",
    ]);
    assert_one_group(&b, "about 700 residents", "about 600 people", "Population");
}

#[test]
fn deaths_and_people_killed_are_one_toll() {
    let b = briefing(&[
        "Officials confirmed 58 deaths on Monday.",
        "The attack killed 59 people, police said on Monday.",
    ]);
    assert_one_group(&b, "58 deaths", "59 people", "People killed");
}

#[test]
fn a_population_is_of_the_sentences_subject_not_a_place_named_after_it() {
    let b = briefing(&[
        "Dunmore is a town of about 27,000 people in eastern Canada.",
        "Dunmore sits near the border between Ontario and Quebec and had a pre-war \
         population of about 45,000.",
        "Officials in Canada counted 9,000 Dunmore residents.",
        "In Dunmore, Ontario, a Toronto-area suburb of about 70,000 residents, offices shut.",
    ]);
    for text in [
        "about 27,000 people",
        "about 45,000",
        "9,000",
        "about 70,000 residents",
    ] {
        let g = group_of(&b, text);
        assert!(
            g.label.starts_with("Population — Dunmore"),
            "{text}: {}",
            g.label
        );
    }
}

#[test]
fn a_magnitude_an_adverb_or_each_is_never_what_a_number_counts() {
    // "a 6.2 earthquake" reads a scale, not a count of earthquakes; "241 early Thursday" and
    // "two each" count what came before; "350 homeless" are people with no plural form.
    let b = briefing(&[
        "The magnitude 6.2 earthquake killed 63 people. The toll had risen to 241 early \
         Thursday. The victims included 72 Germans and two each from Spain and Japan.",
        "Volunteers cared for about 350 homeless in the town after the 7.8 quake. The mayor \
         won re-election by a 5.4 point margin.",
    ]);
    let labels: Vec<&str> = b.figures.iter().map(|f| f.label.as_str()).collect();
    for junk in ["quake", "earlies", "each", "homelesses"] {
        let junk_label = |l: &&str| l.to_lowercase().contains(junk);
        assert!(!labels.iter().any(junk_label), "{junk} in {labels:?}");
    }
    let texts: Vec<&str> = b
        .figures
        .iter()
        .flat_map(|f| f.claims.iter().map(|c| c.text.as_str()))
        .collect();
    assert!(
        !texts.iter().any(|t| t.contains("6.2") || t.contains("7.8")),
        "{texts:?}"
    );
    assert!(
        group_of(&b, "about 350 homeless")
            .label
            .ends_with("homeless"),
        "{labels:?}"
    );
}

#[test]
fn a_number_with_a_verb_of_its_own_does_not_borrow_the_clause_befores() {
    // "116 people were taken to hospitals" were not killed, though "killed" is the verb of the
    // clause before; a verb right before the number, or one the participle leads to, still
    // says what it counts.
    let b = briefing(&[
        "The sheriff said the two people killed in the crash were crew and 116 people were \
         taken to area hospitals.",
        "The bombing that killed 70 people was planned for weeks. Up to 180 people were killed \
         and 200 people were trapped in the tower. Fifty people were confirmed as injured, and \
         36 people were reported dead.",
    ]);
    let label = |text: &str| group_of(&b, text).label.clone();
    assert!(label("two people").starts_with("People killed"));
    assert!(!label("116 people").starts_with("People killed"));
    assert!(label("70 people").starts_with("People killed"));
    assert!(!label("200 people").starts_with("People killed"));
    assert!(label("Fifty people").starts_with("People injured"));
    assert!(label("36 people").starts_with("People killed"));
}
