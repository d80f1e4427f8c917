//! Times loading the embedded gazetteer: `cargo run --release --example gazetteer_load`.
use crossbrief::knowledge::Knowledge;
fn main() {
    let t = std::time::Instant::now();
    let k = Knowledge::builtin();
    let t1 = t.elapsed();
    let g = k.gazetteer();
    let t2 = t.elapsed();
    println!(
        "knowledge {:?}, gazetteer {:?} ({} places)",
        t1,
        t2 - t1,
        g.places.len()
    );
}
