//! Reads the inputs named on the command line and prints what was read, and how fast.
//!
//! `cargo run --release -p chronicle-ingest --example read -- ../shared/data/t17`

use std::time::Instant;

fn main() {
    let inputs: Vec<String> = std::env::args().skip(1).collect();
    let verbose = std::env::var_os("VERBOSE").is_some();
    // Warm the page cache first so the timing measures decoding, not the disk.
    let _ = chronicle_ingest::read_inputs(&inputs);
    let start = Instant::now();
    let report = chronicle_ingest::read_inputs(&inputs);
    let elapsed = start.elapsed();
    for p in &report.problems {
        println!("problem: {p}");
    }
    if verbose {
        for f in &report.files_read {
            println!("read: {f}");
        }
        for s in &report.skipped {
            println!("skipped: {s}");
        }
        for a in &report.articles {
            println!(
                "{} {} source={:?} title={:?} url={:?} chars={}",
                a.published,
                a.id,
                a.source,
                a.title,
                a.url,
                a.text.len()
            );
        }
    }
    println!("{}", report.summary());
    println!("read in {:.1} ms", elapsed.as_secs_f64() * 1000.0);
}
