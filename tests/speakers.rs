//! Who is credited with a quotation, in sentence shapes news stories use every day. Each test
//! names the shape; none relies on a name the extractor knows in advance.

use crossbrief::extract;
use crossbrief::knowledge::Knowledge;
use crossbrief::load::parse_document;

/// An article of this body, and what the extractor finds in it.
fn extraction_of(body: &str) -> (crossbrief::load::Document, extract::Extraction) {
    let text = format!("Title: T\nOutlet: O\n\n{body}\n");
    let (doc, _) = parse_document("content/a.txt", text, 0).unwrap();
    let x = extract::extract(&doc.body.text, &doc.body.blocks, Knowledge::builtin());
    (doc, x)
}

/// The people the article names, sorted.
fn people_in(body: &str) -> Vec<String> {
    let (_, x) = extraction_of(body);
    let mut people: Vec<String> = x
        .entities
        .iter()
        .filter(|e| e.kind == crossbrief::model::EntityKind::Person)
        .map(|e| e.name.clone())
        .collect();
    people.sort();
    people
}

/// The source of each statement (reported speech) of the article, in order.
fn statement_speakers(body: &str) -> Vec<String> {
    let (_, x) = extraction_of(body);
    x.statements
        .iter()
        .map(|s| x.entities[s.speaker].name.clone())
        .collect()
}

/// Each quotation of the article (all its parts joined by " | ") with its speaker's name.
fn credits(body: &str) -> Vec<(String, Option<String>)> {
    let (doc, x) = extraction_of(body);
    x.quotes
        .iter()
        .map(|q| {
            let words: Vec<&str> = q.parts.iter().map(|&(s, e)| &doc.body.text[s..e]).collect();
            let speaker = q.speaker.map(|s| x.entities[s].name.clone());
            (words.join(" | "), speaker)
        })
        .collect()
}

fn speaker_of(body: &str, quote_start: &str) -> Option<String> {
    let all = credits(body);
    all.iter()
        .find(|(q, _)| q.starts_with(quote_start))
        .unwrap_or_else(|| panic!("no quotation starting {quote_start:?} in {all:?}"))
        .1
        .clone()
}

#[test]
fn a_quotation_over_two_paragraphs_is_credited_by_the_clause_after_its_last_part() {
    let body = "Opposition leader Dana Whitcombe said the vote was lost.\n\n\
                “I was clear about my belief that the plan was wrong.\n\n\
                “But the voters made a different decision,” Marlo Pettigrew said.";
    assert_eq!(
        speaker_of(body, "I was clear").as_deref(),
        Some("Marlo Pettigrew")
    );
}

#[test]
fn a_party_label_in_brackets_between_name_and_verb_is_skipped() {
    let body = "Sen. Harold Quimby (D-Ore.) said he was “furious” at the delay.";
    assert_eq!(
        speaker_of(body, "furious").as_deref(),
        Some("Harold Quimby")
    );
}

#[test]
fn a_generational_suffix_between_name_and_verb_is_part_of_the_name() {
    let body = "Agency Director Walter S. Quennell III described the search as an “extraordinary \
                effort.”\n\n“There will be no pause,” he said. Bram Tolliver Jr. said it was \
                “a long night.”";
    assert_eq!(
        speaker_of(body, "extraordinary").as_deref(),
        Some("Walter S. Quennell")
    );
    assert_eq!(
        speaker_of(body, "There will").as_deref(),
        Some("Walter S. Quennell")
    );
    assert_eq!(
        speaker_of(body, "a long night").as_deref(),
        Some("Bram Tolliver Jr")
    );
}

#[test]
fn a_surname_with_a_capital_after_a_long_prefix_is_a_person() {
    let body = "Special Agent Rick DesMarteaux said the search was “going well.”\n\n\
                “We will find them,” he said.";
    assert_eq!(
        speaker_of(body, "going well").as_deref(),
        Some("Rick DesMarteaux")
    );
    assert_eq!(
        speaker_of(body, "We will find").as_deref(),
        Some("Rick DesMarteaux")
    );
}

#[test]
fn an_organisations_spokesperson_speaks_for_it() {
    let body = "Trelmco Airways said the pilot was fit.\n\n\
                A Trelmco Airways spokesperson told reporters the crew \"held all the licenses \
                required.\"";
    assert_eq!(
        speaker_of(body, "held all").as_deref(),
        Some("Trelmco Airways")
    );
}

#[test]
fn a_cue_after_a_full_stop_belongs_to_a_new_sentence() {
    let body = "Dana Whitcombe said the council was \"deeply shocked.\" Marlo Pettigrew said \
                the checks were \"complete.\"";
    assert_eq!(
        speaker_of(body, "deeply shocked").as_deref(),
        Some("Dana Whitcombe")
    );
    // With no cue before it, the next sentence's "X said" is all there is.
    let body = "The council met. \"We are shocked.\" Marlo Pettigrew said.";
    assert_eq!(
        speaker_of(body, "We are shocked").as_deref(),
        Some("Marlo Pettigrew")
    );
}

#[test]
fn a_cue_verb_nearer_the_quotation_beats_an_earlier_citing_phrase() {
    let body = "The Ledger, citing notes of the meeting, said that Dana Whitcombe told the \
                visitors: “I just fired the head of the agency.”";
    assert_eq!(
        speaker_of(body, "I just fired").as_deref(),
        Some("Dana Whitcombe")
    );
}

#[test]
fn the_article_s_pronouns_overrule_a_guess_from_the_given_name() {
    // "Robin" is mostly a woman's name, but the article calls this senator "he".
    let body = "Sen. Robin Quimby, R-S.C., hit the headlines Thursday for his outburst at \
                nominee Dale Harrow.\n\n\
                In the blow-up, Quimby highlighted his own record, noting he had voted for \
                both of the president's picks.\n\n\
                A furious Quimby lambasted the panel for what he cast as attempts to destroy \
                Harrow.\n\n\
                “You want power, and I hope you never get it,” he yelled.";
    assert_eq!(
        speaker_of(body, "You want power").as_deref(),
        Some("Robin Quimby")
    );
}

#[test]
fn a_subject_after_an_article_and_an_adjective_takes_the_next_he() {
    let body = "“We did nothing wrong,” Dale Harrow said.\n\n\
                A furious Sam Quimby lambasted the panel.\n\n\
                “You want power,” he yelled.";
    assert_eq!(
        speaker_of(body, "You want power").as_deref(),
        Some("Sam Quimby")
    );
}

#[test]
fn a_surname_written_with_its_article_is_part_of_the_name() {
    let body = "Hadi al-Marwani said the talks were \"over.\" Tarek el-Basri said it was \
                \"a good day.\"\n\nMarwani later said he was \"not worried.\"";
    assert_eq!(speaker_of(body, "over").as_deref(), Some("Hadi al-Marwani"));
    assert_eq!(
        speaker_of(body, "a good day").as_deref(),
        Some("Tarek el-Basri")
    );
    assert_eq!(
        speaker_of(body, "not worried").as_deref(),
        Some("Hadi al-Marwani")
    );
    // "pro-" joins no names; a title before such a name is a role.
    assert_eq!(
        people_in("Dana Roe met pro-Vantor protesters."),
        ["Dana Roe"]
    );
    assert_eq!(people_in("President el-Basri spoke."), ["el-Basri"]);
}

#[test]
fn a_source_relaying_a_quotation_is_not_its_speaker() {
    let body = "Hadi Marwani, the leader of a small group, said he was \"happy to see it,\" the \
                Ledger reported.";
    assert_eq!(
        speaker_of(body, "happy to see").as_deref(),
        Some("Hadi Marwani")
    );
}

#[test]
fn a_participle_after_a_possessive_is_no_cue() {
    let body = "Trelmco Airways said it would review the case.\n\n\
                A Trelmco Airways spokeswoman said Wednesday she had “no information” about \
                Dana Roe's reported request.";
    assert_eq!(
        speaker_of(body, "no information").as_deref(),
        Some("Trelmco Airways")
    );
}

#[test]
fn a_characterising_verb_credits_its_subject() {
    let body = "Dana Roe has long denounced the inquiries as “fake news.”\n\n\
                Yet, Sam Holt has blasted Roe for breaking with “fundamental principles” of \
                the department.\n\n\
                Roe did go after Holt on Twitter, slamming him as “a third rate lawyer.”\n\n\
                “This is a heavy lift,” Brock Long said.";
    assert_eq!(speaker_of(body, "fake news").as_deref(), Some("Dana Roe"));
    assert_eq!(
        speaker_of(body, "fundamental principles").as_deref(),
        Some("Sam Holt")
    );
    assert_eq!(
        speaker_of(body, "a third rate lawyer").as_deref(),
        Some("Dana Roe")
    );
    // "long" fills "has long denounced"; "Long" is a surname.
    assert_eq!(
        speaker_of(body, "This is a heavy lift").as_deref(),
        Some("Brock Long")
    );
}

#[test]
fn a_participle_takes_the_subject_of_its_sentence() {
    // The subject stands before an earlier quotation of the sentence.
    let body = "Dana Roe said she was “100%” certain that the claims against Trelmco Airways \
                were not true, saying the agency had done an “excellent job.”";
    assert_eq!(
        speaker_of(body, "excellent job").as_deref(),
        Some("Dana Roe")
    );
    // A name in an opening phrase is not the subject.
    let body = "After the Trelmco Airways report was published, Senator Sam Holt wrote to the \
                chairman, Senator Tim Burke, asking for an “immediate postponement.”";
    assert_eq!(
        speaker_of(body, "immediate postponement").as_deref(),
        Some("Sam Holt")
    );
}

#[test]
fn an_office_in_a_place_is_not_the_place() {
    let body = "Dana Roe had been treated “over a long period of time,” the public \
                prosecutor’s office in Westbury said in a statement.";
    assert_eq!(speaker_of(body, "over a long period"), None);
}

#[test]
fn a_named_spokesman_of_an_organisation_is_preferred_to_it() {
    let body = "Trelmco Airways spokesman Sam Holt said the crew was fit.\n\n\
                A Trelmco Airways spokesman said the plane was “in good shape.”";
    assert_eq!(
        speaker_of(body, "in good shape").as_deref(),
        Some("Sam Holt")
    );
}

#[test]
fn a_newspaper_named_like_a_person_is_an_organisation() {
    let body = "The plan was “good,” according to the Dana Gospers Monitor.";
    assert!(people_in(body).is_empty(), "{:?}", people_in(body));
    assert_eq!(
        speaker_of(body, "good").as_deref(),
        Some("Dana Gospers Monitor")
    );
}

#[test]
fn a_title_before_a_word_heading_company_names_is_part_of_the_name() {
    let body = "General Motors said sales were “strong.”";
    assert_eq!(
        speaker_of(body, "strong").as_deref(),
        Some("General Motors")
    );
}

#[test]
fn who_after_a_name_stands_for_that_name() {
    let body = "The figures drew a reply from former chief executive Walter Brandeis, who \
                tweeted: “These numbers cannot be right.”";
    assert_eq!(
        speaker_of(body, "These numbers").as_deref(),
        Some("Walter Brandeis")
    );
}

#[test]
fn who_was_criticised_for_a_word_did_not_say_it() {
    let body = "Other losers include party leader Oswin Tarrant, who was roundly criticized \
                for his “half-hearted” campaign.";
    assert_eq!(speaker_of(body, "half-hearted"), None);
}

#[test]
fn a_name_set_off_after_a_role_is_the_subject() {
    let body = "Voters ignored the warnings and, as the party leader, Cressida Vane, described \
                it, “put two fingers up” at the establishment.";
    assert_eq!(
        speaker_of(body, "put two fingers").as_deref(),
        Some("Cressida Vane")
    );
}

#[test]
fn a_long_description_between_subject_and_verb_is_skipped() {
    let body = "A visibly emotional Ambrose Kettering, standing outside the office on Friday \
                alongside his wife, Mirela, said: “The result must be respected.”";
    assert_eq!(
        speaker_of(body, "The result").as_deref(),
        Some("Ambrose Kettering")
    );
}

#[test]
fn the_employer_in_an_appositive_is_not_the_speaker() {
    let body = "In a note to clients, Quentin Aldous, the chief United States economist at Harrow Lane \
                Capital, a research firm, called it “a much stronger report than expected.”";
    assert_eq!(
        speaker_of(body, "a much").as_deref(),
        Some("Quentin Aldous")
    );
    let body = "“The ruling is narrow,” Perpetua Inglis, director of the Housing & Tenancy Project at \
                the National Tenants Union, who represented the family, told reporters.";
    assert_eq!(
        speaker_of(body, "The ruling").as_deref(),
        Some("Perpetua Inglis")
    );
}

#[test]
fn minister_of_state_is_a_title_not_a_verb() {
    let body = "“I can no longer support the policy,” Rosamund Achterberg, senior minister \
                of state at the Foreign Office, wrote on Twitter.";
    assert_eq!(
        speaker_of(body, "I can no longer").as_deref(),
        Some("Rosamund Achterberg")
    );
}

#[test]
fn a_source_named_at_the_end_of_the_sentence_is_credited() {
    let body = "Both sides fired until the deadline, with a “last word” of shelling, reports \
                the Daily Courier.";
    assert_eq!(
        speaker_of(body, "last word").as_deref(),
        Some("Daily Courier")
    );
}

#[test]
fn whom_a_speaker_told_is_not_the_speaker() {
    let body = "“It is not just bread,” Yusuf Haddad, a father of seven, told the Evening \
                Chronicle.";
    assert_eq!(
        speaker_of(body, "It is not").as_deref(),
        Some("Yusuf Haddad")
    );
}

#[test]
fn a_role_set_off_before_a_name_lets_a_later_role_find_them() {
    let body = "The race was led by the popular former mayor of Westbury, Corin Ashdown, \
                who had joined the campaign late.\n\n\
                The former mayor of Westbury insisted there was “no need for haste” in the talks.";
    assert_eq!(
        speaker_of(body, "no need").as_deref(),
        Some("Corin Ashdown")
    );
}

#[test]
fn a_verb_after_by_is_still_a_verb() {
    let body = "Sen. Mary Brennock answered the critics by saying the plan was “a mistake \
                we will not repeat.”";
    assert_eq!(
        speaker_of(body, "a mistake").as_deref(),
        Some("Mary Brennock")
    );
}

#[test]
fn a_person_of_a_state_is_credited_not_the_state() {
    let body = "“I am disturbed,” Sen. Lisa Harrowgate of Alaska said on Monday. South Carolina \
                Sen. Lindsey Pellham called it “nonsense.”";
    assert_eq!(
        speaker_of(body, "I am disturbed").as_deref(),
        Some("Lisa Harrowgate")
    );
    assert_eq!(
        speaker_of(body, "nonsense").as_deref(),
        Some("Lindsey Pellham")
    );
}

/// Reported speech without quotation marks: a document named with its issuer reports for the
/// issuer even with a weak verb ("showed"), which alone reports nothing.
#[test]
fn a_report_named_with_its_issuer_speaks_for_the_issuer() {
    let said_by = |body: &str| {
        let text = format!("Title: T\nOutlet: O\n\n{body}\n");
        let (doc, _) = parse_document("content/a.txt", text, 0).unwrap();
        let x = extract::extract(&doc.body.text, &doc.body.blocks, Knowledge::builtin());
        x.statements
            .iter()
            .map(|s| x.entities[s.speaker].name.clone())
            .collect::<Vec<_>>()
    };
    let issued = said_by(
        "Officials were pleased. The Harbour Authority report showed the port handled 86,000 containers.",
    );
    assert!(
        issued.iter().any(|n| n.contains("Harbour Authority")),
        "{issued:?}"
    );
    let unissued =
        said_by("Officials were pleased. The figures showed the port handled 86,000 containers.");
    assert!(unissued.is_empty(), "{unissued:?}");
}

/// A subheading or pull quote repeating words of a quotation credited in the text takes its
/// speaker; the writer's own use of a short phrase from it does not.
#[test]
fn a_subheading_repeating_a_quotation_takes_its_speaker() {
    let body = "The crews were mourned on Monday.\n\n\
                'They were heroes'\n\n\
                \"They were heroes, every one of them,\" Governor Dana Whitlock said.\n\n\
                Critics called the plan a \"grand bargain\" in the making.\n\n\
                \"We will not sign a grand bargain,\" Whitlock said.";
    assert_eq!(
        speaker_of(body, "They were heroes").as_deref(),
        Some("Dana Whitlock")
    );
    assert_eq!(speaker_of(body, "grand bargain"), None);
}

#[test]
fn a_name_between_commas_after_an_opening_role_phrase_is_the_speaker() {
    // The role phrase ends in a place, and the name ends in an abbreviation's period.
    let body = "The assistant director of the agency's field office in Springfield, Walter \
                Quennell Jr., said “there is no sign of a wider plot” in the area.";
    assert_eq!(
        speaker_of(body, "there is no sign").as_deref(),
        Some("Walter Quennell Jr")
    );
}

#[test]
fn a_name_between_commas_after_a_prepositional_phrase_is_not_the_speaker() {
    let body = "Dana Whitcombe, standing outside the hall alongside his wife, Marlo, said: \
                “We will be back.”";
    assert_eq!(
        speaker_of(body, "We will be back").as_deref(),
        Some("Dana Whitcombe")
    );
}

#[test]
fn a_name_in_a_relative_clause_after_the_verb_is_not_the_speaker() {
    let body = "“My heart is just broken,” said the woman, who The Daily Ledger is not naming.";
    assert_eq!(speaker_of(body, "My heart"), None);
}

/// The speaker's name and whether it is a person.
fn speaker_kind_of(body: &str, quote_start: &str) -> Option<(String, bool)> {
    let (doc, x) = extraction_of(body);
    let q = x
        .quotes
        .iter()
        .find(|q| doc.body.text[q.parts[0].0..].starts_with(quote_start))
        .expect("the quotation is found");
    q.speaker.map(|s| {
        let e = &x.entities[s];
        (
            e.name.clone(),
            e.kind == crossbrief::model::EntityKind::Person,
        )
    })
}

#[test]
fn an_unknown_speaker_named_like_a_county_or_a_company_is_no_person() {
    assert_eq!(
        speaker_kind_of(
            "“Get out now,” Quenby County said in a statement.",
            "Get out"
        ),
        Some(("Quenby County".to_string(), false))
    );
    assert_eq!(
        speaker_kind_of(
            "“We are at sea,” the Marlow Cruise Line said.",
            "We are at sea"
        ),
        Some(("Marlow Cruise Line".to_string(), false))
    );
    assert_eq!(
        speaker_kind_of(
            "“Shelters are open,” the American Red Cross tweeted.",
            "Shelters"
        ),
        Some(("American Red Cross".to_string(), false))
    );
    // A given name first: a person whose surname is a place word.
    assert_eq!(
        speaker_kind_of(
            "“We are ready,” said Roy Quenhall Hill, a commander.",
            "We are ready"
        ),
        Some(("Roy Quenhall Hill".to_string(), true))
    );
}

#[test]
fn a_party_member_described_is_no_person() {
    assert_eq!(
        speaker_of(
            "“It is the cover-up,” said one House Republican.",
            "It is the cover-up"
        ),
        None
    );
    assert_eq!(
        speaker_of(
            "Sen. Walter Quimby, North Carolina Republican, said: “We will wait for the facts.”",
            "We will wait"
        )
        .as_deref(),
        Some("Walter Quimby")
    );
}

#[test]
fn a_newspaper_or_a_firm_that_speaks_is_an_organisation() {
    assert_eq!(
        speaker_kind_of(
            "“It was unthinkable,” the Ladah Law Firm says on its website.",
            "It was unthinkable"
        ),
        Some(("Ladah Law Firm".to_string(), false))
    );
    // The head is one part of a hyphenated word.
    assert_eq!(
        speaker_kind_of(
            "“The suits must be dismissed,” the Quenton Review-Journal reported.",
            "The suits"
        ),
        Some(("Quenton Review-Journal".to_string(), false))
    );
    // A fuel company, with its town and state set off after it.
    assert_eq!(
        speaker_kind_of(
            "Quenton Oil, a fuel distributor in Chesterfield, South Carolina, said it had been \
             “overwhelmed with requests.”",
            "overwhelmed"
        ),
        Some(("Quenton Oil".to_string(), false))
    );
    // A person's name takes no article: an unknown name after "the" is a body.
    assert_eq!(
        speaker_kind_of(
            "“Nothing was found,” the Ravelin said in a statement.",
            "Nothing was found"
        ),
        Some(("Ravelin".to_string(), false))
    );
}

#[test]
fn a_common_word_opening_the_sentence_is_no_speaker() {
    // "Many" is also in the list of given names.
    assert_eq!(
        speaker_of("Many said: “The shots came from above.”", "The shots"),
        None
    );
}

#[test]
fn a_common_noun_before_a_name_is_not_part_of_it() {
    assert_eq!(
        speaker_of("Concert-goer Mike Dalton said: “I heard shots.”", "I heard").as_deref(),
        Some("Mike Dalton")
    );
    assert_eq!(
        speaker_kind_of(
            "Undersheriff Kevin Marsh said: “He acted alone.”",
            "He acted"
        ),
        Some(("Kevin Marsh".to_string(), true))
    );
}

#[test]
fn the_town_and_state_in_an_appositive_are_not_the_speaker() {
    let body = "Mara Quillon, a hardware store manager in Charleston, South Carolina, told a news \
                agency there had been a “nonstop” rush on batteries.";
    assert_eq!(speaker_of(body, "nonstop").as_deref(), Some("Mara Quillon"));
}

#[test]
fn leading_initials_belong_to_the_name() {
    assert_eq!(
        speaker_of(
            "“They are the junk food of journalism,” writes W. Joseph Calloway in his book.",
            "They are"
        )
        .as_deref(),
        Some("W. Joseph Calloway")
    );
    assert_eq!(
        speaker_of("“I wrote it,” said J. K. Marlowe.", "I wrote").as_deref(),
        Some("J. K. Marlowe")
    );
}

#[test]
fn people_described_by_origin_or_a_documents_name_are_no_speaker() {
    assert_eq!(
        speaker_of(
            "Many Hispanic voters said: “We were forgotten.”",
            "We were forgotten"
        ),
        None
    );
    assert_eq!(
        speaker_of(
            "The Quenton Agreement says that “parties should respect” the rights of migrants.",
            "parties should"
        ),
        None
    );
}

#[test]
fn a_body_named_with_an_acronym_is_not_made_a_person_by_an_appositive() {
    let people = people_in(
        "In no event shall the agency, the FEMA Administrator, the Comptroller General of the \
         United States, or any of their representatives have the right to audit the costs.",
    );
    assert!(people.is_empty(), "{people:?}");
}

#[test]
fn a_contraction_opening_a_sentence_is_no_name() {
    let (_, x) = extraction_of(
        "Can’t say I was shocked when the finding passed barely noticed. Here’s why it matters.",
    );
    let names: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn a_party_label_before_of_state_leaves_the_senator_the_subject() {
    assert_eq!(
        statement_speakers(
            "Sen. Walter Quimby (D) of Connecticut said cutting off arms sales would be an obvious step."
        ),
        ["Walter Quimby"]
    );
}

#[test]
fn a_name_after_a_word_for_a_newspaper_or_company_is_that_body() {
    assert_eq!(
        speaker_kind_of(
            "“It was planned,” the pro-government newspaper Yeni Kalem said.",
            "It was planned"
        ),
        Some(("Yeni Kalem".to_string(), false))
    );
    // A given name opens a person's name, whatever comes before it.
    assert_eq!(
        speaker_kind_of(
            "“It was planned,” the newspaper columnist Dana Whitcombe said.",
            "It was planned"
        ),
        Some(("Dana Whitcombe".to_string(), true))
    );
}

#[test]
fn a_titled_name_of_a_country_is_the_name_alone() {
    let people = people_in(
        "“We have a great chemistry,” said President Quan of Vietnam. King Harun of Jordan \
         called him.",
    );
    assert_eq!(people, ["Harun", "Quan"]);
}

#[test]
fn a_fathers_name_after_bin_is_no_surname() {
    // "Salman" alone is the father; the son is "bin Salman".
    let (_, x) = extraction_of(
        "Crown Prince Khalid bin Salman denied it. Later King Salman said “we regret it.”",
    );
    let kings: Vec<&str> = x
        .quotes
        .iter()
        .filter_map(|q| q.speaker)
        .map(|s| x.entities[s].name.as_str())
        .collect();
    assert_eq!(kings, ["Salman"]);
}

#[test]
fn an_ing_word_after_that_is_a_noun_not_the_subjects_participle() {
    let body = "President Walter Quimby spoke on Monday.\n\n\
                The President told The Daily Ledger that blaming the kingdom was another case of \
                “guilty until proven innocent,” an echo of his rhetoric.";
    assert_eq!(
        speaker_of(body, "guilty until").as_deref(),
        Some("Walter Quimby")
    );
}

#[test]
fn a_capitalised_title_alone_is_its_holder_not_the_head_of_a_council() {
    let body = "President Walter Quimby spoke on Monday.\n\n\
                Dana Whitcombe, president of the Harrow Council on Global Affairs, disagreed. \
                Then the President said: “We will not act.”";
    assert_eq!(
        speaker_of(body, "We will not act").as_deref(),
        Some("Walter Quimby")
    );
}

#[test]
fn a_programmes_title_in_quotation_marks_is_no_quotation() {
    let all = credits(
        "In an interview with CBS’s “60 Minutes” on Sunday, the podcast “The Daily Round” \
         heard Dana Whitcombe say “we will not act.”",
    );
    let quoted: Vec<&str> = all.iter().map(|(q, _)| q.as_str()).collect();
    assert_eq!(quoted, ["we will not act."]);
}

/// Two capitalised words or more in quotation marks name a show, a book or an event wherever
/// they stand; only a speech verb after them makes them words somebody said.
#[test]
fn a_title_cased_name_in_quotation_marks_is_no_quotation_unless_somebody_said_it() {
    let all = credits(
        "“We are ready,” Dana Whitcombe said on “Sunday Morning Tonight.” She spoke at the \
         “Hope for Harrow” service and wrote “The Long Night Ahead” last year. “Thank God,” \
         Walter Quimby said.",
    );
    let quoted: Vec<(&str, Option<&str>)> = all
        .iter()
        .map(|(q, s)| (q.as_str(), s.as_deref()))
        .collect();
    assert_eq!(
        quoted,
        [
            ("We are ready,", Some("Dana Whitcombe")),
            ("Thank God,", Some("Walter Quimby"))
        ]
    );
}

#[test]
fn a_countrys_adjective_after_a_role_word_is_nobody() {
    let people = people_in(
        "His body was chopped up in an official Saudi government building, officials said.",
    );
    assert!(people.is_empty(), "{people:?}");
}

#[test]
fn a_photo_credit_left_in_the_text_ends_a_name() {
    let people = people_in(
        "The gunman fired from above. Image copyright Getty Images Image caption Hundreds of \
         concert-goers fled the scene.",
    );
    assert!(people.is_empty(), "{people:?}");
}

#[test]
fn a_capitalised_determiner_or_pronoun_after_a_name_starts_a_new_sentence() {
    // A chart's title run into its caption, and a clause with no comma before "I".
    let people = people_in(
        "Freight Volumes The 900 Series is the newest model. Those Q-boys I walked past every \
         day were kind, and I thanked them. The Series sold well, Walter Quimby said.",
    );
    assert_eq!(people, ["Walter Quimby"]);
}

#[test]
fn a_name_opening_with_a_common_word_is_no_persons() {
    // Page furniture ("Show Hide") and a photo credit ("AP/File") run into names; the
    // photographer glued to the agency names nobody in the story.
    let people = people_in(
        "Timeline Orvex’s crisis Show Hide Orvex 900 enters service. \
         Elaine Thorpe/AP/File Dana Pettigrew (center), a florist, looks on.",
    );
    assert_eq!(people, ["Dana Pettigrew"]);
}

#[test]
fn a_preposition_after_a_datelines_dash_is_no_part_of_a_name() {
    let body = "HARROW, Mich. — For Dana Whitcombe, the city is a place whose “children were \
                poisoned,” she said.";
    assert_eq!(people_in(body), ["Dana Whitcombe"]);
    assert_eq!(
        speaker_of(body, "children were").as_deref(),
        Some("Dana Whitcombe")
    );
}

#[test]
fn words_for_groups_of_people_are_no_names_but_may_follow_a_given_name() {
    let people = people_in(
        "The candidates traded barbs before voters in the critical Midwestern states go to the \
         polls. There are 14,000 Muslim-majority Tamsin in the country, in the Southeast Asian \
         nation's north. “It implies rights that do not exist,” wrote Phillip Dane Quimby.",
    );
    assert_eq!(people, ["Phillip Dane Quimby"]);
}

#[test]
fn a_contraction_is_no_speaker() {
    let body = "“Yeah, it was,” I’ll admit, “a little embarrassing.”";
    assert!(people_in(body).is_empty(), "{:?}", people_in(body));
}

#[test]
fn a_brands_name_or_one_introduced_with_which_is_an_organisation() {
    let (_, x) = extraction_of(
        "SilkVane told reporters it was “monitoring the situation closely.” \
         Quorrair, which operates the same jets, said it was “continuing to fly.”",
    );
    let speakers: Vec<(&str, crossbrief::model::EntityKind)> = x
        .quotes
        .iter()
        .filter_map(|q| q.speaker)
        .map(|s| (x.entities[s].name.as_str(), x.entities[s].kind))
        .collect();
    assert_eq!(
        speakers,
        [
            ("SilkVane", crossbrief::model::EntityKind::Organization),
            ("Quorrair", crossbrief::model::EntityKind::Organization)
        ]
    );
}

#[test]
fn a_role_with_a_modifier_before_a_name_is_no_part_of_it() {
    let people = people_in(
        "The administration sanctioned two men, and Special Counsel Walter Quimby has indicted \
         others.",
    );
    assert_eq!(people, ["Walter Quimby"]);
}

#[test]
fn a_person_after_an_outlets_possessive_is_the_speaker() {
    let body = "But mostly it was “eerily quiet as the crowds watched,” Orbis’s Dana Pettigrew \
                said. “We are not used to this,” the Ledger's Tamsin Gold said.";
    assert_eq!(
        speaker_of(body, "eerily quiet").as_deref(),
        Some("Dana Pettigrew")
    );
    assert_eq!(
        speaker_of(body, "We are not used").as_deref(),
        Some("Tamsin Gold")
    );
    // What a name owns is no person when a common word is in it.
    assert!(people_in("The mayor read Quimby's Christmas Message aloud.").is_empty());
    // A title owned is read as a title: "Mr. Quimby" is the Michael Quimby named before.
    let people = people_in(
        "Michael Quimby is a scientist. Harrow University’s Mr. Quimby, a leader of the camp, \
         argued the case.",
    );
    assert_eq!(people, ["Michael Quimby"]);
}

#[test]
fn a_name_before_a_word_for_a_kind_of_organisation_is_that_organisation() {
    let (_, x) = extraction_of(
        "Spokesman Walter Quimby told Le Courrier newspaper, “Everything is burning.”",
    );
    let kinds: Vec<(&str, crossbrief::model::EntityKind)> = x
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.kind))
        .collect();
    assert!(
        kinds.contains(&("Le Courrier", crossbrief::model::EntityKind::Organization)),
        "{kinds:?}"
    );
}

#[test]
fn a_sentence_about_a_person_ending_in_a_colon_introduces_their_words() {
    let body = "President Walter Quimby summed up the mood: “I am sad tonight.”\n\n\
                Dana Pettigrew, an author, was factual: “That bridge is still there.”\n\n\
                The sign on the door read: “Closed for the season.”\n\n\
                Dana Pettigrew watched Marlo Quimby speak: “We will rebuild.”";
    assert_eq!(
        speaker_of(body, "I am sad").as_deref(),
        Some("Walter Quimby")
    );
    assert_eq!(
        speaker_of(body, "That bridge").as_deref(),
        Some("Dana Pettigrew")
    );
    assert_eq!(speaker_of(body, "Closed for"), None);
    // Two people in the sentence: it does not say whose words follow.
    assert_eq!(speaker_of(body, "We will rebuild"), None);
}

#[test]
fn a_name_copied_twice_from_a_links_hover_text_is_one_name() {
    // Pages copied with their link previews repeat a name, full form and all, glued to the
    // next headline.
    let people = people_in(
        "“It was wrong,” Sen. Joe Quimby Joseph (Joe) QuimbyFormer coal boss launches bid. \
         Later Dana Pettigrew Dana PettigrewOrr spoke, and Marlo Quimby Marlo said more.",
    );
    for name in &people {
        let words: Vec<&str> = name.split_whitespace().collect();
        let repeated = words
            .iter()
            .enumerate()
            .any(|(i, w)| words[..i].contains(w));
        assert!(!repeated && !name.contains("Joseph"), "{people:?}");
    }
    assert!(people.contains(&"Joe Quimby".to_string()), "{people:?}");
    assert!(people.contains(&"Dana Pettigrew".to_string()), "{people:?}");
}

#[test]
fn a_title_of_a_body_run_into_a_name_is_the_holders_role() {
    let body = "“This is a hostile act,” said Member of Parliament Tomas Verhagen. Director of \
                Regional Planning Anika Brandt said the plan was sound. “We will respond,” \
                President of the Velmar Council Dorian Kessel said. Harrowgate Chief of Police \
                Edward Quist said it was over.";
    let (_, x) = extraction_of(body);
    let people: Vec<(String, Vec<String>)> = x
        .entities
        .iter()
        .map(|e| (e.name.clone(), e.roles.clone()))
        .collect();
    assert_eq!(
        people,
        [
            (
                "Tomas Verhagen".to_string(),
                vec!["Member of Parliament".to_string()]
            ),
            (
                "Anika Brandt".to_string(),
                vec!["Director of Regional Planning".to_string()]
            ),
            (
                "Dorian Kessel".to_string(),
                vec!["President of the Velmar Council".to_string()]
            ),
            // The title may follow the place it serves.
            (
                "Edward Quist".to_string(),
                vec!["Harrowgate Chief of Police".to_string()]
            ),
        ]
    );
    assert_eq!(
        speaker_of(body, "This is a hostile act").as_deref(),
        Some("Tomas Verhagen")
    );
}

#[test]
fn a_link_label_after_a_headline_is_nobodys_name() {
    let body = "Farland should 'go away and keep quiet', says Norway defence minister Read more\n\n\
                Officials met on Monday.";
    assert!(people_in(body).is_empty(), "{:?}", people_in(body));
    // The country is the minister's, not the speaker: nobody of that role is named here.
    assert_eq!(speaker_of(body, "go away"), None);
}

#[test]
fn a_one_word_name_after_a_word_for_a_medium_is_that_medium() {
    let (_, x) = extraction_of(
        "Karl Lauterbach told the daily newspaper Velmarblad that pilots should be checked. \
         Velmarblad reported that a video had been found. The company Harrison founded in \
         2001 was sold.",
    );
    let kinds: Vec<(String, crossbrief::model::EntityKind)> = x
        .entities
        .iter()
        .map(|e| (e.name.clone(), e.kind))
        .collect();
    assert!(
        kinds.contains(&(
            "Velmarblad".to_string(),
            crossbrief::model::EntityKind::Organization
        )),
        "{kinds:?}"
    );
    // A known surname may be a person in a relative clause: "the company Harrison founded".
    assert!(
        !kinds.iter().any(|(name, kind)| name == "Harrison"
            && *kind == crossbrief::model::EntityKind::Organization),
        "{kinds:?}"
    );
}

/// A surname that is also a common word ("Pond") after a quotation closing on a
/// comma is mid-sentence, so its capital marks a name.
#[test]
fn a_surname_that_is_a_common_word_after_a_quotation_is_the_speaker() {
    let body = "Mayor Walter Pond urged people to leave. “Get out now,” Pond tweeted on Sunday.";
    assert_eq!(
        speaker_of(body, "Get out now").as_deref(),
        Some("Walter Pond")
    );
}

/// "Gov." is the governor: a role written as an abbreviated title still finds its holder.
#[test]
fn an_abbreviated_title_is_the_role_it_stands_for() {
    let body = "Gov. Dana Whitcombe toured the coast on Monday. “We are going to rebuild,” the \
                governor said.";
    assert_eq!(
        speaker_of(body, "We are going to rebuild").as_deref(),
        Some("Dana Whitcombe")
    );
}

/// "Residents of Harrowgate were told", "the storm was forecast to weaken": the subject of a
/// speech verb in the passive said nothing.
#[test]
fn the_subject_of_a_passive_speech_verb_said_nothing() {
    assert_eq!(
        statement_speakers(
            "Residents of greater Harrowgate were told to stay indoors. Officials in Dunmere were \
         also asked to close the schools. Walter Quimby is saying it will pass."
        ),
        ["Walter Quimby"]
    );
}

/// "David Hoose, an attorney in Northampton, Mass., said": a state's abbreviation after the
/// town belongs to the description, and the town is no speaker.
#[test]
fn a_town_and_its_abbreviated_state_in_a_description_leave_the_name_the_subject() {
    let body = "Dana Whitcombe, a teacher in Springfield, Ill., described the plan as “a \
                disaster.”";
    assert_eq!(
        speaker_of(body, "a disaster").as_deref(),
        Some("Dana Whitcombe")
    );
}

/// "One resident, X, told", "His father, X, said": a determiner and a lower-case noun set off
/// before a name describe that person, who is the speaker, whatever the noun.
#[test]
fn a_described_person_named_between_commas_is_the_speaker() {
    let body = "One resident, Walter Quimby, told the paper: “We lost everything.”";
    assert_eq!(
        speaker_of(body, "We lost everything").as_deref(),
        Some("Walter Quimby")
    );
    assert_eq!(
        statement_speakers("His father, Harold Vance, said the house was sold."),
        ["Harold Vance"]
    );
}

/// "Harrow Gas & Light said", "Dana Whitcombe & Co estimated": names joined by an ampersand
/// are a firm's, not a person's.
#[test]
fn names_joined_by_an_ampersand_are_an_organisation() {
    let people = people_in(
        "Harrow Gas & Light said it had restored power. Modeller Dana Whitcombe & Co \
         estimated the losses on Wednesday.",
    );
    assert!(people.is_empty(), "{people:?}");
}

/// "Quorvex, the real estate data company", "Harrow Earth, a group that tracks the
/// climate": an appositive headed by a word for an organisation makes the name one. "A
/// company spokesman" is still a person's role.
#[test]
fn a_name_described_as_a_company_or_group_is_an_organisation() {
    let people = people_in(
        "The median value was $250,000, according to Quorvex, the real estate data company. \
         Maps from Harrow Earth, a group that tracks the climate, show it. Dana Whitcombe, a \
         company spokesman, said it was fine. Rommel Quist, the head of Harrow’s news \
         agency, left.",
    );
    assert_eq!(people, ["Dana Whitcombe", "Rommel Quist"]);
}

/// "told The Daily Quill": a person's name takes no article, so a name opened by a
/// capitalised "The" is an outlet's or a body's.
#[test]
fn a_name_after_the_article_is_no_person() {
    let people = people_in("She told The Daily Quill that it was bad. Dana Whitcombe agreed.");
    assert_eq!(people, ["Dana Whitcombe"]);
}

#[test]
fn he_said_after_a_new_subject_stands_for_that_subject_not_the_last_speaker() {
    let body = "“We will not give up,” said Harold Venn, the party chairman.\n\n\
                Later, wearing a grey suit, Tobias Marlowe took the stage. \
                “It is good to be back,” he said.";
    assert_eq!(
        speaker_of(body, "It is good").as_deref(),
        Some("Tobias Marlowe")
    );
}

#[test]
fn a_name_deep_in_the_last_sentence_does_not_take_the_speakers_pronoun() {
    let body = "Lawyer Harold Venn said he would go to court on Monday. \
                The policy Tobias Marlowe enacted is too broad, he said. \
                “We need to know the facts,” he said.";
    assert_eq!(speaker_of(body, "We need").as_deref(), Some("Harold Venn"));
}

#[test]
fn a_name_in_an_opening_phrase_before_the_subject_is_passed_over() {
    let body = "Tobias Marlowe spoke for an hour.\n\n\
                With Harold Venn, a radio host, he recalled his first job: \
                “I sold ice cream,” he said.";
    assert_eq!(
        speaker_of(body, "I sold").as_deref(),
        Some("Tobias Marlowe")
    );
}

#[test]
fn a_name_in_an_opening_phrase_that_only_sets_the_topic_is_kept() {
    let body = "For Marta Venn, 24, the move to the shelter was easy. \
                Her trailer was not safe, she said.";
    assert_eq!(statement_speakers(body), ["Marta Venn"]);
}

#[test]
fn a_pronoun_stands_for_a_name_before_it_not_one_after_it() {
    let body = "Harold Venn has followed the storm for a week. \
                Here is what he told our Tobias Marlowe: “The risk is above normal.”";
    assert_eq!(speaker_of(body, "The risk").as_deref(), Some("Harold Venn"));
}

#[test]
fn a_photographers_credit_glued_to_an_agency_by_a_slash_names_nobody() {
    let body = "Harold Venn spoke to reporters on Monday. \
                Tobias Marlowe/AFP/Landov Tobias Marlowe/AFP/Landov \
                He said the plan would work. REUTERS/Grete Olsen Venn left at noon.";
    assert_eq!(people_in(body), ["Harold Venn"]);
}

#[test]
fn a_caption_line_between_a_speaker_and_he_said_does_not_part_them() {
    let body = "Lufthansa's Harold Venn spoke for an hour.\n\n\
                “The tests were normal,” Venn said.\n\n\
                Enlarge this image toggle caption Tobias Marlowe\n\n\
                He said Marta Olsen passed every test. “There was never any doubt,” he said.";
    assert_eq!(
        speaker_of(body, "There was never").as_deref(),
        Some("Harold Venn")
    );
}

#[test]
fn her_father_said_is_not_her() {
    let body = "Lorna Vale was admitted to the hospital for exhaustion, her father said.";
    assert!(!statement_speakers(body).contains(&"Lorna Vale".to_string()));
}

#[test]
fn the_uncle_said_finds_the_person_named_as_the_uncle() {
    let body = "Both brothers were born abroad, according to their uncle, Ruslan Vetti, who has \
                not seen them since 2005. The enraged uncle said their behaviour was \
                “a disgrace.”";
    assert_eq!(
        speaker_of(body, "a disgrace").as_deref(),
        Some("Ruslan Vetti")
    );
}

#[test]
fn a_wife_named_in_a_phrase_after_alongside_is_not_the_speaker() {
    let body = "A visibly emotional Harold Venn, standing outside the hall alongside his wife, \
                Marta, said: “We will go on.”";
    assert_eq!(
        speaker_of(body, "We will go on").as_deref(),
        Some("Harold Venn")
    );
}

#[test]
fn a_brother_named_by_a_given_name_alone_is_no_she() {
    let body = "Eric Vetti said police had named his brother, Stephen, as the gunman.\n\n\
                The claim is unusual, writes Mina al-Rami. If true, the act would be \
                wholly “out of character”, she adds.";
    assert_ne!(
        speaker_of(body, "out of character").as_deref(),
        Some("Stephen")
    );
}

/// "The New Quill reports": an outlet opening a sentence keeps its common words and is no
/// person. Only a run followed by a speech verb counts ("The Obama administration" does not).
#[test]
fn an_outlet_opening_a_sentence_with_the_is_no_person() {
    let body = "The New Quill reports that she was a student. \
                The Daily Ledger said it was a tragedy. Dana Whitcombe agreed.";
    assert_eq!(people_in(body), ["Dana Whitcombe"]);
}

#[test]
fn characterised_hailed_and_countered_cue_what_follows() {
    let body = "Lawyer Harold Venn characterized the filing as a “blatant display of judge \
                shopping.”\n\n\
                Marta Olsen hailed the deal as a sign the firm is “moving in the right direction.”\n\n\
                Tobias Marlowe countered that no other industry has “absolute immunity.”";
    assert_eq!(speaker_of(body, "blatant").as_deref(), Some("Harold Venn"));
    assert_eq!(
        speaker_of(body, "moving in").as_deref(),
        Some("Marta Olsen")
    );
    assert_eq!(
        speaker_of(body, "absolute").as_deref(),
        Some("Tobias Marlowe")
    );
}

#[test]
fn a_report_named_after_its_author_is_a_noun_not_the_authors_verb() {
    let body = "Marta Olsen, chairwoman of the committee, said the letter summarizing the \
                Venn report appears to “cherry-pick from the report.”";
    assert_eq!(
        speaker_of(body, "cherry-pick").as_deref(),
        Some("Marta Olsen")
    );
}

#[test]
fn an_employer_and_role_after_the_verb_describe_the_person_who_speaks() {
    let body = "“It was a hard year,” writes Orvex University associate professor of history \
                Hal Brandt in a summary.\n\n\
                “Get it done,” said White House homeland security adviser Tomas Bossard.";
    assert_eq!(
        speaker_of(body, "It was a hard").as_deref(),
        Some("Hal Brandt")
    );
    assert_eq!(
        speaker_of(body, "Get it done").as_deref(),
        Some("Tomas Bossard")
    );
}

#[test]
fn a_reflexive_between_subject_and_verb_is_skipped_but_keeps_a_passive_passive() {
    let body = "Former agency director Harold Venn testified for hours. The former director \
                himself told lawmakers \
                it was “the nature of the person” that worried him.\n\n\
                Tobias Marlowe was himself accused of lying, the paper said.";
    assert_eq!(
        speaker_of(body, "the nature").as_deref(),
        Some("Harold Venn")
    );
    assert!(!statement_speakers(body).contains(&"Tobias Marlowe".to_string()));
}

/// An acronym that speaks is an organisation, and the one the article spelled out before it
/// in brackets when it did; "the CEO said" stays a role.
#[test]
fn an_acronym_that_speaks_is_the_organisation_it_stands_for() {
    let body = "Samples went to the Varnell Institutes of Marine Health (VIMH) on Monday. \
                “The samples are clean,” VIMH said in a statement.\n\n\
                “Checkpoints stay open,” QRB said in a statement to reporters.\n\n\
                “We will recover,” the CEO said.\n\n\
                “It is over,” MORE said.";
    assert_eq!(
        speaker_of(body, "The samples"),
        Some("Varnell Institutes of Marine Health".into())
    );
    assert_eq!(speaker_of(body, "Checkpoints"), Some("QRB".into()));
    assert_eq!(speaker_of(body, "We will"), None);
    assert_eq!(speaker_of(body, "It is over"), None);
}

/// "Department of Health and Human Services": after an organisation's head and its "of",
/// "and" joins one name; before a person's name it joins two. "Food and Drug
/// Administration": between common words before a head it joins one name; between names, two.
#[test]
fn and_inside_an_organisations_name_keeps_the_name_whole() {
    let body = "“It is late,” the Office of Tarn and Coastal Services said on Monday.\n\n\
                “It is early,” said the Centers for Vell Control and Prevention.\n\n\
                “It is done,” said the Bureau of Tarn and Attorney General Jo Palt.";
    assert_eq!(
        speaker_of(body, "It is late"),
        Some("Office of Tarn and Coastal Services".into())
    );
    assert_eq!(
        speaker_of(body, "It is early"),
        Some("Centers for Vell Control and Prevention".into())
    );
    assert_ne!(
        speaker_of(body, "It is done"),
        Some("Bureau of Tarn and Attorney General Jo Palt".into())
    );
    let body = "“It is late,” the Food and Water Commission said.\n\n\
                “It is early,” Vexlo and Quarn Inc said.";
    assert_eq!(
        speaker_of(body, "It is late"),
        Some("Food and Water Commission".into())
    );
    assert_eq!(speaker_of(body, "It is early"), Some("Quarn Inc".into()));
}

/// Verbs that judge as they quote: "lauded X as", "dismissed X as", "derided X for", and
/// "interjected" and "opining that".
#[test]
fn verbs_that_judge_as_they_quote_credit_their_subject() {
    let body = "Governor Alma Restrepo lauded the crews as “true heroes” on Monday.\n\n\
                Senator Dov Quarles has dismissed the plan as a “fantasy.”\n\n\
                Moderator Tess Vane interjected “Including the bridge, though?”\n\n\
                Director Anna Brandt defended the letter by opining that silence would have \
                been “catastrophic.”";
    assert_eq!(
        speaker_of(body, "true heroes"),
        Some("Alma Restrepo".into())
    );
    assert_eq!(speaker_of(body, "fantasy"), Some("Dov Quarles".into()));
    assert_eq!(speaker_of(body, "Including"), Some("Tess Vane".into()));
    assert_eq!(speaker_of(body, "catastrophic"), Some("Anna Brandt".into()));
}

/// "FBI Special Agent X" holds a title, so the name is a person's and a later "he said" can
/// mean him; "Another agent said" is nobody the article named.
#[test]
fn a_special_agent_is_a_person_and_another_agent_is_nobody_named() {
    let body = "“We will find them,” Mayor Carl Obrin said on Monday.\n\n\
                FBI Special Agent Rick Devlin referenced those reports on Tuesday.\n\n\
                “Among items recovered are pieces of nylon,” he said.\n\n\
                Another agent said that “the agents are tired.”";
    assert_eq!(speaker_of(body, "Among items"), Some("Rick Devlin".into()));
    assert_eq!(speaker_of(body, "the agents"), None);
}

/// "The company said" stands for the nearest company named shortly before it: by its name's
/// head ("Inc"), not by any organisation. A news agency in between is not a company.
#[test]
fn the_company_and_the_group_are_the_nearest_of_their_kind() {
    let body = "Trelmco Inc. raised its prices again, Reuters reported.\n\n\
                “We are currently in discussions,” the company said.\n\n\
                The Brightwater Alliance filed a complaint on Monday.\n\n\
                “Nothing has changed,” the group said in a statement.";
    assert_eq!(
        speaker_of(body, "We are currently"),
        Some("Trelmco Inc".into())
    );
    assert_eq!(
        speaker_of(body, "Nothing has changed"),
        Some("Brightwater Alliance".into())
    );
}

/// A company named many paragraphs before is too far back for "the company" to stand for it.
#[test]
fn the_company_does_not_reach_far_back() {
    let body = "Trelmco Inc. raised its prices.\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\n\
                “We are currently in discussions,” the company said.";
    assert_eq!(speaker_of(body, "We are currently"), None);
}

/// "FBI Director X" keeps the role "Director", but "the FBI director" is still X.
#[test]
fn a_role_qualified_by_the_organisation_in_the_title_finds_its_holder() {
    let body = "FBI Director Marlow Quince testified on Thursday.\n\n\
                “We did not know,” the former FBI director told reporters.";
    assert_eq!(
        speaker_of(body, "We did not know"),
        Some("Marlow Quince".into())
    );
}

/// An office or spokeswoman speaks in a person's name, as "a spokesman for X" does.
#[test]
fn a_persons_office_or_spokeswoman_speaks_for_them() {
    let body = "Governor Rusk Aldane met residents.\n\n\
                “We are ready,” Mr. Aldane’s office said.\n\n\
                “We have always been ready,” the governor’s office said in a statement.\n\n\
                “Help is coming,” Aldane's spokeswoman said.\n\n\
                “I know my rights,” Aldane's lawyer said.";
    assert_eq!(speaker_of(body, "We are ready"), Some("Rusk Aldane".into()));
    assert_eq!(
        speaker_of(body, "We have always"),
        Some("Rusk Aldane".into())
    );
    assert_eq!(
        speaker_of(body, "Help is coming"),
        Some("Rusk Aldane".into())
    );
    assert_eq!(speaker_of(body, "I know my rights"), None);
}

/// A paragraph that is only a quotation, after one ending in reported speech, is the words of
/// that source; after plain narrative it stays unattributed.
#[test]
fn a_bare_quotation_after_reported_speech_continues_its_source() {
    let body = "Strategist Liz Marren said she could not foresee the party emerging unscathed.\n\n\
                “Some of us are wondering if there is an alternative.”\n\n\
                The storm moved north on Sunday.\n\n\
                “It was terrible.”";
    assert_eq!(speaker_of(body, "Some of us"), Some("Liz Marren".into()));
    assert_eq!(speaker_of(body, "It was terrible"), None);
}

/// Some wires type a closing double quotation mark as two apostrophes.
#[test]
fn two_apostrophes_close_a_quotation() {
    let body = "\"Our team gave the same care to every patient,'' said Wendell Vatson, the \
                hospital's director, in a statement.\n\n\
                \"It was a shock,'' Mara Quell said. \"We did not expect it.''";
    assert_eq!(speaker_of(body, "Our team"), Some("Wendell Vatson".into()));
    assert!(
        credits(body).contains(&(
            "It was a shock, | We did not expect it.".to_string(),
            Some("Mara Quell".to_string())
        )),
        "{:?}",
        credits(body)
    );
}

/// Others type it as two closing single marks, and open it with two opening ones.
#[test]
fn two_single_quotation_marks_open_and_close_a_quotation() {
    let body = "“Whether the fire was set remains to be determined,’’ Wendell Vatson said in a \
                statement.\n\n‘‘We are shocked,’’ said Mara Quell, the owner.";
    assert_eq!(
        speaker_of(body, "Whether the fire"),
        Some("Wendell Vatson".into())
    );
    assert_eq!(
        speaker_of(body, "We are shocked"),
        Some("Mara Quell".into())
    );
}

/// A legislator's party label gives "the California Democrat" a holder, and their page the
/// label; a description whose party or state fits nobody stays a description.
#[test]
fn a_party_and_state_description_finds_the_labelled_legislator() {
    let body = "Sen. Dalia Fenwick (D-Calif.) spoke first.\n\n\
                Rep. Orrin Blass, R-Texas, spoke next.\n\n\
                “This is no coincidence,” the California Democrat said.\n\n\
                “We disagree,” the Texas Republican said.\n\n\
                “Nobody asked us,” the Ohio Democrat said.";
    assert_eq!(speaker_of(body, "This is no"), Some("Dalia Fenwick".into()));
    assert_eq!(speaker_of(body, "We disagree"), Some("Orrin Blass".into()));
    assert_eq!(speaker_of(body, "Nobody asked"), None);
}

/// "the Trelmco CEO said" after "Trelmco CEO Tam Brook": the role and the words before it
/// in the title find the holder.
#[test]
fn an_organisation_and_role_description_finds_the_titled_person() {
    let body = "Trelmco CEO Tam Brook met residents.\n\n\
                “We are ready,” the Trelmco CEO said.\n\n\
                Fox News host Dara Vell spoke on Monday.\n\n\
                “It is over,” the Fox News host said.";
    assert_eq!(speaker_of(body, "We are ready"), Some("Tam Brook".into()));
    assert_eq!(speaker_of(body, "It is over"), Some("Dara Vell".into()));
}

/// A link card a web page set inside a sentence ("Name Full NameHeadline ... MORE") is left
/// out: the speaker before it is credited, and its names and quotations are nobody's.
#[test]
fn a_link_card_inside_a_sentence_is_left_out() {
    let body = "“The attorney general should step aside,” Sen. Dalia Fenwick Dalia Ann \
                FenwickQuarn vows to fight 'unfair' ruling Fenwick says “panel will act” MORE \
                (D-Calif.) said on Tuesday.\n\n\
                “YouTube removed it,” Mara Quell said.";
    assert_eq!(
        speaker_of(body, "The attorney general"),
        Some("Dalia Fenwick".into())
    );
    assert_eq!(speaker_of(body, "YouTube"), Some("Mara Quell".into()));
    let quotes: Vec<String> = credits(body).into_iter().map(|(q, _)| q).collect();
    assert!(
        !quotes.iter().any(|q| q.contains("panel will act")),
        "{quotes:?}"
    );
    assert!(
        !people_in(body).iter().any(|p| p.contains("Quarn")),
        "{:?}",
        people_in(body)
    );
}

/// A link card between a name and its suffix ("Sen. X [card] MORE Jr. (D)") is no part of the
/// name: the person is X, not X followed by the card's headlines.
#[test]
fn a_link_card_before_a_suffix_stays_out_of_the_name() {
    let body = "“We will not wait,” said Sen. Orla Penhale Orla Mae PenhaleCouncil backs the                 harbour plan Dock strike ends after talks MORE Jr. (D), the committee's chair.";
    let people = people_in(body);
    assert!(
        people
            .iter()
            .all(|p| !p.contains("Council") && !p.contains("strike")),
        "{people:?}"
    );
    assert_eq!(
        speaker_of(body, "We will not wait"),
        Some("Orla Penhale".into())
    );
}

/// Some link cards keep a space after the restated full name, and some sit before a
/// possessive ("MORE’s"); both are left out, and "MORE" is nobody.
#[test]
fn a_link_card_without_a_glued_word_or_before_a_possessive_is_left_out() {
    let body = "Speaker Tove Arran Tove Elin Arran Harbour levy passes Ferry fares rise MORE \
                (R-Wis.) said “the vote is final.”\n\n\
                Governor Ilse Varga Ilse Maria VargaSchool plan stalls Budget talks resume MORE’s \
                office said “no deal was made.”";
    let people = people_in(body);
    assert!(
        people
            .iter()
            .all(|p| !p.contains("MORE") && !p.contains("Harbour") && !p.contains("School")),
        "{people:?}"
    );
    assert_eq!(
        speaker_of(body, "the vote is final"),
        Some("Tove Arran".into())
    );
}

/// A card whose first headline opens with an acronym ("BriskNATO allies ...") is found too,
/// so the senator before it is the speaker, not the acronym's organisation.
#[test]
fn a_link_card_glued_to_an_acronym_is_left_out() {
    let body = "“It is a poor deal,” Sen. Tova Brisk Tova Lin BriskNATO allies meet in Oslo \
                Port strike ends MORE (R-Fla.) said on Monday.";
    assert_eq!(
        speaker_of(body, "It is a poor deal"),
        Some("Tova Brisk".into())
    );
}

/// A card's closing "MORE" where no card was found is nobody, and never joins a Moore.
#[test]
fn a_stray_more_is_no_name() {
    let body = "Rep. Anwen Moore said the bill would pass. Ferry fares rise Harbour levy passes \
                MORE (R-Wis.) is retiring.";
    let people = people_in(body);
    assert_eq!(people, vec!["Anwen Moore".to_string()], "{people:?}");
    let (doc, x) = extraction_of(body);
    let names: Vec<&str> = x
        .mentions
        .iter()
        .map(|m| &doc.body.text[m.start..m.end])
        .collect();
    assert!(!names.contains(&"MORE"), "{names:?}");
}

/// "General Motors said": a name ending in an organisation's head is no general's surname.
#[test]
fn a_company_named_after_a_rank_is_no_person() {
    let body = "General Motors said it would cut jobs. “We are restructuring,” the company said.";
    assert!(people_in(body).is_empty(), "{:?}", people_in(body));
}

/// "Added X: “...”" puts the cue verb first; "“...,” charged X" uses a verb that also means
/// a court's charge, which reports no speech ("was charged with fraud").
#[test]
fn an_inverted_cue_before_a_colon_and_charged_after_a_quotation() {
    let body = "Dana Morvel spoke first. Added Vexlo Quarn: “We will not stop.”\n\n\
                “It crosses a line,” charged Mara Quell.\n\n\
                Tam Brook was charged with fraud on Monday.";
    assert_eq!(
        speaker_of(body, "We will not stop"),
        Some("Vexlo Quarn".into())
    );
    assert_eq!(speaker_of(body, "It crosses"), Some("Mara Quell".into()));
    assert!(
        statement_speakers(body).is_empty(),
        "{:?}",
        statement_speakers(body)
    );
}

/// "went on to say" and "was quick to argue": phrases between a speaker and the verb.
#[test]
fn a_filler_phrase_before_the_verb_is_skipped() {
    let body = "Tam Brook went on to say, “The plan will fail.”\n\n\
                Lina Sorrel, a professor, was quick to argue that the link was unproven.";
    assert_eq!(
        speaker_of(body, "The plan will fail"),
        Some("Tam Brook".into())
    );
    assert_eq!(statement_speakers(body), vec!["Lina Sorrel".to_string()]);
}

/// A month that is also a given name is a name where no date word comes before it and a
/// surname comes after: "said Jan Kowalczyk", "said April Ryan". "In April Trump said" and
/// "last June Smith resigned" keep their month.
#[test]
fn a_month_that_is_a_given_name_is_a_name_where_nothing_makes_it_a_date() {
    assert_eq!(
        speaker_of(
            "\"The river is rising,\" said Jan Kowalczyk, a resident.",
            "The river"
        )
        .as_deref(),
        Some("Jan Kowalczyk")
    );
    assert_eq!(
        speaker_of("\"No more delays,\" said April Ryan.", "No more").as_deref(),
        Some("April Ryan")
    );
    let people = people_in(
        "In April Trump said the wall was done. Last June Smith resigned. The vote is on Jan 14.",
    );
    assert!(
        people
            .iter()
            .all(|p| !p.starts_with("April") && !p.starts_with("June") && !p.starts_with("Jan")),
        "{people:?}"
    );
}

#[test]
fn the_company_is_the_organisation_just_seen_speaking_though_its_name_says_nothing_of_its_kind() {
    let body = "Trelmco, which makes valves, said on Tuesday that it would cut output.\n\n\
                \"We are working closely with our customers,\" the company said in a statement.";
    assert_eq!(
        speaker_of(body, "We are working").as_deref(),
        Some("Trelmco")
    );
    // A newspaper's name says what it is, so "the company" is not the paper.
    let body = "The Dunmore Advertiser said on Tuesday that the plant would close.\n\n\
                \"We are working closely with our customers,\" the company said in a statement.";
    assert_eq!(speaker_of(body, "We are working"), None);
    // A name nothing was made of opens the sentence in between: "the company" may be it.
    let body = "Zenbo, which owns the app, said on Monday that it would appeal.\n\n\
                Brinlo scans the cards of every guest.\n\n\
                \"We keep the list private,\" the company said.";
    assert_eq!(speaker_of(body, "We keep"), None);
}

#[test]
fn a_one_word_speaker_spoken_of_as_it_is_an_organisation() {
    let body = "Trelmco announced on Monday that it will close two plants.\n\n\
                \"We are working closely with our customers,\" the company said in a statement.";
    assert_eq!(
        speaker_of(body, "We are working").as_deref(),
        Some("Trelmco")
    );
    // A surname: "it" is what the person speaks of.
    let people = people_in("Kowalczyk said that it would take weeks to repair the bridge.");
    assert_eq!(people, vec!["Kowalczyk".to_string()]);
}

#[test]
fn some_of_a_body_speak_for_themselves_and_the_name_starts_after_their_of() {
    // "Supporters of X said": the supporters speak; X is only named.
    let body = "Supporters of Tam Brook said the vote had been rigged.\n\n\
                \"We will not accept this result,\" Members of Congress said.";
    assert_eq!(speaker_of(body, "We will not"), None);
    assert_eq!(statement_speakers(body), Vec::<String>::new());
    // "Members of Congress", "Shares of Trelmco Inc.": the body is named without them.
    let (_, x) = extraction_of("Shares of Trelmco Inc. fell 5% after Members of Congress met.");
    let names: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Trelmco Inc"), "{names:?}");
    assert!(names.contains(&"Congress"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains(" of ")), "{names:?}");
}

#[test]
fn a_legal_form_after_a_comma_is_its_companys_and_names_nobody_itself() {
    // "Trelmco, Inc. said": the company says it, and "Inc" is no company of its own.
    let body = "Trelmco, Inc. said it would close two plants.\n\n\
                Copyright 2019 The Harwick Ledger, LLC. Click here for reprint permission.";
    assert_eq!(statement_speakers(body), vec!["Trelmco".to_string()]);
    let (_, x) = extraction_of(body);
    let names: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        !names.iter().any(|n| matches!(*n, "Inc" | "LLC")),
        "{names:?}"
    );
    // A common word opening a sentence is kept when a legal form follows it.
    assert_eq!(
        statement_speakers("Harbor Inc. has announced that masks will be required."),
        vec!["Harbor Inc".to_string()]
    );
    // Whether or not the form is also a word that heads companies' names.
    assert_eq!(
        statement_speakers("Harbor Oyj has announced that masks will be required."),
        vec!["Harbor Oyj".to_string()]
    );
}

#[test]
fn an_acronym_of_a_common_noun_is_no_organisation() {
    // "State TV reported": no organisation called "TV" says it; "Fox TV" still does.
    let body = "State TV reported that protesters burned offices. He watched it on TV.\n\n\
                \"We are ready,\" Zenbo TV said. GDP figures were due on Friday.";
    assert_eq!(statement_speakers(body), Vec::<String>::new());
    assert_eq!(
        speaker_of(body, "We are ready").as_deref(),
        Some("Zenbo TV")
    );
    let (_, x) = extraction_of(body);
    let names: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, vec!["Zenbo TV"]);
}

/// A party label written without comma or bracket is no part of the legislator's name, and
/// the legislator still speaks; so does a reporter named after their employer's possessive.
#[test]
fn a_bare_party_label_or_an_employers_possessive_leaves_the_person_speaking() {
    let body = "“We will go,” Rep. Mara Quell R-Ohio said on Sunday.\n\n\
                “Could we have done better? Yes,” House Majority Leader Orrin Blass R-Texas, a \
                key ally, said.\n\n\
                An analyst was unconvinced. “It was a long night,” wrote the Harbor Post’s \
                Wendell Vatson.";
    assert_eq!(speaker_of(body, "We will go"), Some("Mara Quell".into()));
    assert_eq!(
        speaker_of(body, "Could we have"),
        Some("Orrin Blass".into())
    );
    assert_eq!(
        speaker_of(body, "It was a long"),
        Some("Wendell Vatson".into())
    );
    let people = people_in(body);
    assert!(
        !people
            .iter()
            .any(|p| p.contains("R-Ohio") || p.contains("R-Texas")),
        "{people:?}"
    );
}

/// "X Y of <place>" names a person from the place even when the lexicon does not know the
/// given name, as long as no word of it is a common word.
#[test]
fn a_person_of_a_known_place_speaks_whatever_their_given_name() {
    let body = "\"We get the aftershocks every five minutes,\" said Tashi Lamrang of Biratnagar, \
                in eastern Nepal.\n\nLamrang said his house had cracked.";
    assert_eq!(speaker_of(body, "We get the"), Some("Tashi Lamrang".into()));
}

/// A gallery's and a video player's labels end the name before them and are nobody, so a
/// "he said" after them still finds the person named in the text.
#[test]
fn gallery_and_video_labels_are_nobody() {
    let body = "Mayor Orrin Blass spoke at noon. Photos: Orrin Blass Hide Caption 3 of 20\n\n\
                JUST WATCHED Mayor speaks Replay More Videos ... MUST WATCH Mayor speaks 01:08\n\n\
                \"We will rebuild,\" he said.";
    let people = people_in(body);
    assert!(
        !people
            .iter()
            .any(|p| p.contains("Caption") || p.contains("Replay") || p.contains("WATCH")),
        "{people:?}"
    );
    assert_eq!(
        speaker_of(body, "We will rebuild"),
        Some("Orrin Blass".into())
    );
}

#[test]
fn the_person_quoted_as_saying_speaks_not_who_quotes_them() {
    let body = "The Ledger quoted Tom Quarvey as saying \"the plan is dead.\"\n\n\
                The report quoted a local official as saying \"we are ready.\"\n\n\
                The suit accused a neighbouring shop owner of saying \"nobody wants you here.\"";
    assert_eq!(
        speaker_of(body, "the plan"),
        Some("Tom Quarvey".to_string())
    );
    assert_eq!(speaker_of(body, "we are ready"), None);
    assert_eq!(speaker_of(body, "nobody wants"), None);
}

#[test]
fn a_name_interrupted_by_he_said_is_the_topic_not_the_speaker() {
    let body = "Tom Farland was held overnight. An insight into Farland's state of mind came \
                from county spokesman Maj. Eric Berrick.\n\n\
                Farland, he said, \"is in protective custody.\"";
    assert_eq!(
        speaker_of(body, "is in protective"),
        Some("Eric Berrick".to_string())
    );
}

#[test]
fn a_name_in_an_opening_clause_gives_way_to_the_main_clause_subject() {
    let body = "Around the time Tom Farland was captured, President Anna Quarvey was in Boston. \
                She urged the world to show \"we will never give in.\"\n\n\
                When Senator Ruth Delmore spoke in a town hall, she promised \"a fair deal.\"";
    assert_eq!(
        speaker_of(body, "we will never"),
        Some("Anna Quarvey".to_string())
    );
    assert_eq!(
        speaker_of(body, "a fair deal"),
        Some("Ruth Delmore".to_string())
    );
}

#[test]
fn officials_qualified_by_unknown_words_are_not_the_officials_named_before() {
    let body = "U.S. officials said the man had travelled abroad.\n\n\
                The suit said police officers and city officials had said \"the shop was a danger.\"\n\n\
                Officials said \"there is no cell.\"";
    assert_eq!(speaker_of(body, "the shop was"), None);
    assert_eq!(
        speaker_of(body, "there is no cell"),
        Some("U.S. officials".to_string())
    );
}

#[test]
fn who_said_credits_the_name_the_relative_clause_follows() {
    let body = "Ruth Wilkerson wrote the book. She quotes Tom Venter, who led the study in 2000, \
                who said \"race is a social idea.\"\n\n\
                Or consider Anna Berrick, the lead doctor on Governor Tom Quarvey's task force, \
                who said: \"It is worrisome.\"\n\n\
                The man who said \"never again\" left.";
    assert_eq!(speaker_of(body, "race is"), Some("Tom Venter".to_string()));
    assert_eq!(
        speaker_of(body, "It is worrisome"),
        Some("Anna Berrick".to_string())
    );
    assert_eq!(speaker_of(body, "never again"), None);
}

#[test]
fn a_later_quotation_after_a_speaker_left_unread_is_not_continued() {
    let body = "The Ostrel Trust argued that \"warming makes storms worse,\" while 350.org \
                called the storm \"an unnatural disaster.\"\n\n\
                \"It was hysteria,\" said Ann Delmore, still in a clear state of shock. \
                \"We ran for our lives.\"";
    assert_eq!(
        speaker_of(body, "warming"),
        Some("Ostrel Trust".to_string())
    );
    assert_eq!(speaker_of(body, "an unnatural"), None);
    assert_eq!(
        speaker_of(body, "It was hysteria"),
        Some("Ann Delmore".to_string())
    );
}

#[test]
fn an_organisation_named_in_common_words_keeps_them_at_a_sentence_start() {
    let body = "Climate Reality Project, founded by a former mayor, argued that \"storms are \
                worse.\"\n\n\
                Then Breitbart News reported that \"it was quiet.\"\n\n\
                Open Society Foundations said \"we will help.\"";
    assert_eq!(
        speaker_of(body, "storms are"),
        Some("Climate Reality Project".to_string())
    );
    assert_eq!(
        speaker_of(body, "it was quiet"),
        Some("Breitbart News".to_string())
    );
}
