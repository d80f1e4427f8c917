//! Who gives a figure, in sentence shapes news stories use for numbers: the source named after
//! the figure, the agency whose survey showed it, the police who report it. Each test names the
//! shape; none relies on a name the extractor knows in advance.

use crossbrief::extract;
use crossbrief::knowledge::Knowledge;
use crossbrief::load::parse_document;

/// The name of whoever the article credits with the figure written as `figure`.
fn claimant_of(body: &str, figure: &str) -> Option<String> {
    let text = format!("Title: T\nOutlet: O\n\n{body}\n");
    let (doc, _) = parse_document("content/a.txt", text, 0).unwrap();
    let x = extract::extract(&doc.body.text, &doc.body.blocks, Knowledge::builtin());
    let at = doc
        .body
        .text
        .find(figure)
        .unwrap_or_else(|| panic!("{figure:?} is not in the body"));
    let found = x
        .figures
        .iter()
        .find(|f| f.start <= at && at < f.end)
        .unwrap_or_else(|| panic!("no figure at {figure:?}"));
    found.claimant.map(|c| x.entities[c].name.clone())
}

#[test]
fn according_to_after_the_figure_credits_the_source() {
    let body = "Nearly 1,900 people have been killed in the region, according to the Farland \
                Health Ministry. It is unclear how many were fighters.";
    assert_eq!(
        claimant_of(body, "1,900").as_deref(),
        Some("Farland Health Ministry")
    );
}

#[test]
fn according_to_a_plan_does_not_credit_whoever_drew_it_up() {
    let body = "The port will close 14 berths, according to the plan drawn up by Marta Quennell.";
    assert_eq!(claimant_of(body, "14"), None);
}

#[test]
fn a_weak_verb_closing_the_sentence_gives_its_source() {
    let body = "The jobless rate fell to 7.8 percent in September, the Widget Department reported \
                Friday morning.";
    assert_eq!(
        claimant_of(body, "7.8 percent").as_deref(),
        Some("Widget Department")
    );
}

#[test]
fn an_agencys_survey_of_something_speaks_for_the_agency() {
    let body = "The Widget Department's monthly survey of households showed a net gain of 873,000 \
                jobs.";
    assert_eq!(
        claimant_of(body, "873,000").as_deref(),
        Some("Widget Department")
    );
    let plural_possessive = "The drop was due to the Bureau of Widget Statistics' survey of \
                             households showing that 873,000 more people had jobs.";
    assert_eq!(
        claimant_of(plural_possessive, "873,000").as_deref(),
        Some("Bureau of Widget Statistics")
    );
}

#[test]
fn police_who_report_a_number_are_its_source() {
    let body = "Farnham police report more than 527 people were injured.";
    assert_eq!(claimant_of(body, "527").as_deref(), Some("Farnham police"));
}

#[test]
fn a_video_that_shows_a_number_is_nobodys_claim() {
    let body = "The video showed 30 people running from the square.";
    assert_eq!(claimant_of(body, "30"), None);
}

#[test]
fn a_poll_named_with_its_pollster_speaks_for_the_pollster() {
    for body in [
        "The mayor was pleased. A recent Danworth University poll found that 61 percent approve.",
        "The mayor was pleased. A Danworth University poll found that 61 percent approve.",
    ] {
        assert_eq!(
            claimant_of(body, "61 percent").as_deref(),
            Some("Danworth University"),
            "{body}"
        );
    }
}

#[test]
fn what_follows_the_source_is_the_outlets_own_addition() {
    let body = "Okafor leads Brandt by 2,141 delegates to 1,321, according to the Farland Wire, \
                with 2,383 delegates needed to win the nomination.";
    assert_eq!(claimant_of(body, "2,141").as_deref(), Some("Farland Wire"));
    assert_eq!(claimant_of(body, "2,383"), None);
}

#[test]
fn a_figure_in_the_subjects_own_description_is_not_what_they_report() {
    let body = "Dana Whitlock, who runs a committee that spent $300 million on advertising, \
                predicted a comfortable win.";
    assert_eq!(claimant_of(body, "$300 million"), None);
}

#[test]
fn according_to_officials_of_a_country_credits_the_officials_not_the_country() {
    let body = "The tip came in 2014 and named 3 associates, according to two US officials.";
    assert_eq!(
        claimant_of(body, "3 associates").as_deref(),
        Some("US officials")
    );
}

#[test]
fn a_speech_verb_after_a_comma_with_its_speaker_after_it_gives_the_source() {
    let body = "In this case, a wind shift caused the blaze, which now spans 8,400 acres, to \
                become erratic, said Tomas Verhagen, a state forestry spokesman.";
    assert_eq!(
        claimant_of(body, "8,400").as_deref(),
        Some("Tomas Verhagen")
    );
    // The statement goes on after the speaker: the whole sentence is his.
    let body = "Then again, said Mr. Verhagen, if the storm had moved faster it would have \
                spread its 40 inches of rain more widely.";
    assert_eq!(claimant_of(body, "40 inches").as_deref(), Some("Verhagen"));
    // A weak verb ("showed") is no speech verb.
    let body = "The river rose 12 feet overnight, showed Tomas Verhagen's gauge.";
    assert_eq!(claimant_of(body, "12 feet"), None);
}

#[test]
fn according_to_a_record_from_a_body_credits_the_body() {
    let body = "The storm killed 25 people along the coast, according to a list from the Farland \
                Weather Service. A count by the Ostrel Institute put the damage at $40 million.";
    assert_eq!(
        claimant_of(body, "25 people").as_deref(),
        Some("Farland Weather Service")
    );
    let body = "About 40 percent of voters back the plan, according to a survey conducted by the \
                Ostrel Institute.";
    assert_eq!(
        claimant_of(body, "40 percent").as_deref(),
        Some("Ostrel Institute")
    );
}

#[test]
fn a_poll_released_on_a_day_still_speaks_for_its_pollster() {
    let body = "Seventy-two percent of adults oppose the law, a YouGov opinion poll released on \
                Monday showed.";
    assert_eq!(
        claimant_of(body, "Seventy-two percent").as_deref(),
        Some("YouGov")
    );
}

#[test]
fn a_new_document_is_not_the_latest_speakers() {
    // "A new poll" and "a Quarvey survey" bring in documents of their own: the ministry that
    // spoke before issued neither, and nobody is named for them.
    let body = "The Farland Interior Ministry said 12 people died. A new poll showed 61 percent \
                of voters approve. A Quarvey survey showed 48 percent disapprove.";
    assert_eq!(claimant_of(body, "61 percent"), None);
    assert_eq!(claimant_of(body, "48 percent"), None);
    // "The report" may well be the ministry's.
    let body = "The Farland Interior Ministry issued its findings on Monday. The report said 300 \
                homes were destroyed.";
    assert_eq!(
        claimant_of(body, "300 homes").as_deref(),
        Some("Farland Interior Ministry")
    );
}

#[test]
fn a_body_that_released_a_report_saying_is_its_source() {
    let body = "The Ostrel Institute released a report saying the plan would cost $6.3 trillion.";
    assert_eq!(
        claimant_of(body, "$6.3 trillion").as_deref(),
        Some("Ostrel Institute")
    );
}

#[test]
fn a_bodys_supporters_are_not_the_body() {
    let body = "The Ostrel Institute opposes the plan. Its supporters say 30 percent of the money \
                is wasted.";
    assert_eq!(claimant_of(body, "30 percent"), None);
}
