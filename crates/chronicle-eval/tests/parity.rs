//! Parity with Python tilse 0.2.1 + Perl ROUGE-1.5.5: the numbers in `scores.json`.

use std::path::{Path, PathBuf};

use chronicle_eval::{Report, evaluate_dirs};

const TOLERANCE: f64 = 0.0005;

/// Largest deviation between two reports over every per-task and average number, with
/// where it occurs. Panics when the task lists differ.
fn max_deviation(got: &Report, want: &Report) -> (f64, String) {
    let names = |r: &Report| r.tasks.iter().map(|t| t.task.clone()).collect::<Vec<_>>();
    assert_eq!(names(got), names(want), "task lists differ");
    let mut worst = (0.0, String::new());
    let mut check = |what: String, g: f64, w: f64| {
        let d = (g - w).abs();
        assert!(d.is_finite(), "{what}: {g} vs {w}");
        if d > worst.0 {
            worst = (d, format!("{what}: got {g}, want {w}"));
        }
    };
    for (g, w) in got.tasks.iter().zip(&want.tasks) {
        assert_eq!(g.gold_dates, w.gold_dates, "{} gold_dates", g.task);
        assert_eq!(g.pred_dates, w.pred_dates, "{} pred_dates", g.task);
        for ((name, gp), (_, wp)) in g.scores.entries().into_iter().zip(w.scores.entries()) {
            check(format!("{} {name} P", g.task), gp.precision, wp.precision);
            check(format!("{} {name} R", g.task), gp.recall, wp.recall);
            check(format!("{} {name} F", g.task), gp.f_score, wp.f_score);
        }
    }
    for ((name, gp), (_, wp)) in got
        .average
        .entries()
        .into_iter()
        .zip(want.average.entries())
    {
        check(format!("average {name} P"), gp.precision, wp.precision);
        check(format!("average {name} R"), gp.recall, wp.recall);
        check(format!("average {name} F"), gp.f_score, wp.f_score);
    }
    assert_eq!(got.n_tasks, want.n_tasks);
    worst
}

fn check_fixture_dir(dir: &Path) {
    let want: Report = serde_json::from_str(
        &std::fs::read_to_string(dir.join("scores.json")).expect("scores.json readable"),
    )
    .expect("scores.json parses");
    let (got, _notices) = evaluate_dirs(&dir.join("gold"), &dir.join("pred")).expect("evaluates");
    let (dev, where_) = max_deviation(&got, &want);
    println!("{}: max deviation {dev:.3e} ({where_})", dir.display());
    assert!(
        dev <= TOLERANCE,
        "deviation {dev} > {TOLERANCE} at {where_}"
    );
}

#[test]
fn parity_with_shared_t17_fixtures() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval-fixtures/tilse");
    if !dir.join("scores.json").exists() {
        println!(
            "skipped: {} not found (no ../shared beside the project)",
            dir.display()
        );
        return;
    }
    check_fixture_dir(&dir);
}

/// Synthetic tasks scored by tilse 0.2.1 + ROUGE-1.5.5 (run as an oracle): tricky tokens
/// (`tilse`) and predictions that copy gold sentences onto other dates, so that
/// align+ m:1's content term and tie-breaking matter (`tilse-align`).
#[test]
fn parity_with_committed_fixtures() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    check_fixture_dir(&root.join("tilse"));
    check_fixture_dir(&root.join("tilse-align"));
}

/// More fixture folders (same layout, e.g. made with tilse as an oracle), separated by
/// `:`, in `CHRONICLE_TILSE_FIXTURES`; nothing to do when it is unset.
#[test]
fn parity_with_extra_fixture_dirs() {
    let Ok(dirs) = std::env::var("CHRONICLE_TILSE_FIXTURES") else {
        println!("skipped: CHRONICLE_TILSE_FIXTURES not set");
        return;
    };
    for dir in dirs.split(':').filter(|d| !d.is_empty()) {
        check_fixture_dir(Path::new(dir));
    }
}
