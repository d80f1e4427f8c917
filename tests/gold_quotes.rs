//! Quotations and their speakers against hand-checked gold annotations of real multi-outlet
//! stories (tests/gold/*.yaml over tests/fixtures/dev/). The floors below are what the
//! extractor reached when they were set; a change that lowers them is a regression.

mod common;

use common::gold::*;
use crossbrief::extract;
use crossbrief::knowledge::Knowledge;

struct Results {
    spans: Score,
    speakers: Score,
    report: Vec<String>,
}

fn evaluate() -> Results {
    let k = Knowledge::builtin();
    let mut spans = Score::default();
    let mut speakers = Score::default();
    let mut report = Vec::new();
    for set in gold_sets() {
        let mut set_spans = Score::default();
        let mut set_speakers = Score::default();
        for art in &set.articles {
            let doc = load_fixture(&set.set, &art.file);
            let body = &doc.body.text;
            let x = extract::extract(body, &doc.body.blocks, k);
            // Predicted spans, with the speaker's name.
            let predicted: Vec<((usize, usize), Option<String>)> = x
                .quotes
                .iter()
                .flat_map(|q| {
                    let name = q.speaker.map(|s| x.entities[s].name.clone());
                    q.parts.iter().map(move |&p| (p, name.clone()))
                })
                .collect();
            let mut matched_predicted = vec![false; predicted.len()];
            let mut optional_predicted = vec![false; predicted.len()];
            for g in &art.quotes {
                let Some(range) = locate(body, &g.text, g.context.as_deref()) else {
                    panic!(
                        "{}/{}: gold quote not found in body: {:?}",
                        set.set, art.file, g.text
                    );
                };
                let hit = predicted
                    .iter()
                    .position(|(p, _)| overlap(*p, range) * 2 >= (range.1 - range.0));
                if g.optional {
                    if let Some(i) = hit {
                        optional_predicted[i] = true;
                    }
                    continue;
                }
                set_spans.expected += 1;
                if let Some(i) = hit {
                    set_spans.true_positives += 1;
                    matched_predicted[i] = true;
                    if g.speech {
                        let got = predicted[i].1.as_deref();
                        let want = g.speaker.as_deref();
                        if want.is_some() {
                            set_speakers.expected += 1;
                        }
                        if got.is_some() {
                            set_speakers.predicted += 1;
                        }
                        match (want, got) {
                            (Some(w), Some(p)) if same_name(w, p) => {
                                set_speakers.true_positives += 1
                            }
                            (None, None) => {}
                            _ => report.push(format!(
                                "  {}/{} speaker: want {:?}, got {:?} for {:?}",
                                set.set,
                                art.file,
                                want,
                                got,
                                g.text.chars().take(60).collect::<String>()
                            )),
                        }
                    }
                } else {
                    report.push(format!(
                        "  {}/{} missed span: {:?}",
                        set.set,
                        art.file,
                        g.text.chars().take(70).collect::<String>()
                    ));
                }
            }
            for (i, (p, _)) in predicted.iter().enumerate() {
                if optional_predicted[i] && !matched_predicted[i] {
                    continue;
                }
                set_spans.predicted += 1;
                if !matched_predicted[i] {
                    report.push(format!(
                        "  {}/{} extra span: {:?}",
                        set.set,
                        art.file,
                        body[p.0..p.1].chars().take(70).collect::<String>()
                    ));
                }
            }
        }
        report.push(format!(
            "{}: spans {set_spans}; speakers {set_speakers}",
            set.set
        ));
        spans.add(set_spans);
        speakers.add(set_speakers);
    }
    Results {
        spans,
        speakers,
        report,
    }
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

#[test]
fn quotations_and_speakers_meet_the_gold_floors() {
    let r = evaluate();
    let summary = format!(
        "{}\nALL: spans {}; speakers {}",
        r.report.join("\n"),
        r.spans,
        r.speakers
    );
    println!("{summary}");
    assert!(r.spans.expected >= 40, "at least 40 hand-checked quotes");
    // Measured when set: spans 1.000 / 0.994; speakers 0.989 / 0.899.
    assert!(r.spans.recall() >= 0.98, "span recall\n{summary}");
    assert!(r.spans.precision() >= 0.98, "span precision\n{summary}");
    assert!(r.speakers.recall() >= 0.87, "speaker recall\n{summary}");
    assert!(
        r.speakers.precision() >= 0.95,
        "speaker precision\n{summary}"
    );
}
