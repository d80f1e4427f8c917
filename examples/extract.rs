//! Prints what extraction finds in article files: `cargo run --example extract -- FILE...`.
//! A development aid for checking extractors against articles by eye.

use crossbrief::extract;
use crossbrief::knowledge::Knowledge;
use crossbrief::load;

fn main() {
    let k = Knowledge::builtin();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
        let (doc, _) = load::parse_document(&path, text, 0).expect("a parsable article");
        let x = extract::extract(&doc.body.text, &doc.body.blocks, k);
        let body = &doc.body.text;
        println!("=== {path}");
        println!("-- entities");
        for (i, e) in x.entities.iter().enumerate() {
            println!(
                "  [{i}] {:?} {:?} {:?} key={} roles={:?} variants={:?}",
                e.kind,
                e.name,
                e.gender,
                e.key(),
                e.roles,
                e.variants
            );
        }
        if std::env::var("MENTIONS").is_ok() {
            println!("-- mentions");
            for m in &x.mentions {
                println!(
                    "  {:?} {:?} entity={:?} quoted={}",
                    &body[m.start..m.end],
                    m.kind,
                    m.entity.map(|e| x.entities[e].name.as_str()),
                    m.quoted
                );
            }
        }
        println!("-- quotes");
        for q in &x.quotes {
            let text: Vec<&str> = q.parts.iter().map(|&(a, b)| &body[a..b]).collect();
            let speaker = q
                .speaker
                .map(|s| x.entities[s].name.as_str())
                .unwrap_or("-");
            let cue = q.cue.map(|(a, b)| &body[a..b]).unwrap_or("");
            let how = q.how.map(|h| h.as_str()).unwrap_or("");
            println!(
                "  {speaker:30} [{how}] {:?}  <- {cue:?} {}",
                text.join(" | ").chars().take(80).collect::<String>(),
                q.descriptor.as_deref().unwrap_or("")
            );
        }
        println!("-- places");
        let g = k.gazetteer();
        for p in &x.places {
            let best = p.candidates.first().map(|&c| {
                let pl = g.place(c);
                format!(
                    "{} ({}, {}, {})",
                    pl.name,
                    pl.kind.as_str(),
                    pl.country,
                    pl.population
                )
            });
            println!(
                "  {:?} -> {:?} cue={:?} metonymy={} region={}",
                &body[p.start..p.end],
                best,
                p.cue,
                p.metonymy,
                p.region_hint
            );
        }
        println!(
            "-- unknown: {:?}",
            x.unknown_names
                .iter()
                .map(|&(a, b)| &body[a..b])
                .collect::<Vec<_>>()
        );
        println!("-- figures");
        for f in &x.figures {
            println!(
                "  {:?} v={} max={:?} unit={} noun={:?} q={} pred={:?} claimant={:?} conv={:?} prev={}",
                &body[f.start..f.end],
                f.value,
                f.value_max,
                f.unit,
                f.noun,
                f.qualifier,
                f.predicate,
                f.claimant.map(|c| x.entities[c].name.as_str()),
                f.conversion.as_ref().map(|c| (c.value, c.unit.as_str())),
                f.previous
            );
        }
        println!("-- statements");
        for s in &x.statements {
            println!(
                "  {:30} {:?}",
                x.entities[s.speaker].name,
                body[s.start..s.end].chars().take(100).collect::<String>()
            );
        }
    }
}
