//! Reads the inputs named on the command line and prints what was read, and how fast.
//!
//! `cargo run --release -p chronicle-ingest --example read -- ../shared/data/t17`
//! (`VERBOSE=1` also lists every file, skipped path and article).

use std::io::Write;
use std::time::Instant;

fn main() {
    // Write errors (a closed pipe under `| head`) end the listing quietly.
    let _ = run();
}

fn run() -> std::io::Result<()> {
    let inputs: Vec<String> = std::env::args().skip(1).collect();
    let verbose = std::env::var_os("VERBOSE").is_some();
    // Warm the page cache first so the timing measures decoding, not the disk.
    let _ = chronicle_ingest::read_inputs(&inputs);
    let start = Instant::now();
    let report = chronicle_ingest::read_inputs(&inputs);
    let elapsed = start.elapsed();
    let mut out = std::io::stdout().lock();
    for p in &report.problems {
        writeln!(out, "problem: {p}")?;
    }
    if verbose {
        for f in &report.files_read {
            writeln!(out, "read: {f}")?;
        }
        for s in &report.skipped {
            writeln!(out, "skipped: {s}")?;
        }
        for a in &report.articles {
            writeln!(
                out,
                "{} {} source={:?} title={:?} url={:?} chars={}",
                a.published,
                a.id,
                a.source,
                a.title,
                a.url,
                a.text.len()
            )?;
        }
    }
    writeln!(out, "{}", report.summary())?;
    writeln!(out, "read in {:.1} ms", elapsed.as_secs_f64() * 1000.0)
}
