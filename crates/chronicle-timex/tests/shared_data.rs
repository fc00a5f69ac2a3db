//! Checks against the shared evaluation data (../shared, beside the project), on a cheap
//! sample; skipped with a message when the folder is absent.

use std::path::PathBuf;

use chronicle_text::Language;
use chronicle_timex::{Tagger, eval};

fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipping: {} not found", p.display());
        None
    }
}

#[test]
fn tempeval_aquaint_scores_hold() {
    let Some(path) = shared("data/timex/tbaq_aquaint.jsonl") else {
        return;
    };
    let docs = eval::read_tempeval(&path).expect("reads");
    let (counts, _) = eval::score_tempeval(&Tagger::new(Language::English), &docs);
    let s = counts.scores();
    assert!(s.relaxed.f1 > 0.88, "relaxed F1 {:.3}", s.relaxed.f1);
    assert!(s.value_f1 > 0.70, "value F1 {:.3}", s.value_f1);
}

#[test]
fn heideltime_sample_agreement_holds() {
    let Some(path) = shared("data/t17-heideltime/dev-bpoil-h1n1.jsonl") else {
        return;
    };
    let all = eval::read_reference(&path).expect("reads");
    // Every 10th sentence keeps the test fast (each alone: its neighbours are left out).
    let sample: Vec<_> = all.into_iter().step_by(10).collect();
    let c = eval::compare_reference(&Tagger::new(Language::English), &sample, 0, false);
    assert!(c.reference_days > 100);
    assert!(c.scores.f1 > 0.83, "day-level F1 {:.3}", c.scores.f1);
}
