//! `chronicle eval` end to end, on the synthetic fixtures committed with chronicle-eval.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/chronicle-eval/tests/fixtures/tilse")
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("chronicle-eval-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn chronicle() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
}

fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("json file")).expect("valid json")
}

#[test]
fn scores_fixtures_and_writes_json_like_tilse() {
    let dir = scratch("json");
    let json_path = dir.join("scores.json");
    let out = chronicle()
        .arg("eval")
        .arg("--gold")
        .arg(fixtures().join("gold"))
        .arg("--pred")
        .arg(fixtures().join("pred"))
        .arg("--json")
        .arg(&json_path)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("align+ m:1 ROUGE-1 F"), "{stdout}");
    assert!(stdout.contains("synth/t1"), "{stdout}");

    let got = read_json(&json_path);
    let want = read_json(&fixtures().join("scores.json"));
    assert_eq!(got["n_tasks"], want["n_tasks"]);
    let tasks = want["tasks"].as_array().expect("tasks");
    for (i, w) in tasks.iter().enumerate() {
        let g = &got["tasks"][i];
        assert_eq!(g["task"], w["task"]);
        assert_eq!(g["gold_dates"], w["gold_dates"]);
        assert_eq!(g["pred_dates"], w["pred_dates"]);
        for key in [
            "concat.rouge_1",
            "concat.rouge_2",
            "agreement.rouge_1",
            "agreement.rouge_2",
            "align_m1.rouge_1",
            "align_m1.rouge_2",
            "date",
        ] {
            for m in ["precision", "recall", "f_score"] {
                let a = g[key][m].as_f64().expect("number");
                let b = w[key][m].as_f64().expect("number");
                assert!((a - b).abs() < 1e-9, "{} {key} {m}: {a} vs {b}", w["task"]);
            }
        }
    }
    let a = got["average"]["align_m1.rouge_1"]["f_score"].as_f64();
    let b = want["average"]["align_m1.rouge_1"]["f_score"].as_f64();
    assert!((a.expect("number") - b.expect("number")).abs() < 1e-9);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn missing_prediction_scores_zero_with_a_warning() {
    let dir = scratch("missing");
    let pred = dir.join("pred");
    std::fs::create_dir_all(pred.join("synth")).expect("mkdir");
    std::fs::copy(
        fixtures().join("pred/synth/t1.txt"),
        pred.join("synth/t1.txt"),
    )
    .expect("copy");
    let json_path = dir.join("s.json");
    let out = chronicle()
        .arg("eval")
        .arg("--gold")
        .arg(fixtures().join("gold"))
        .arg("--pred")
        .arg(&pred)
        .arg("--json")
        .arg(&json_path)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("synth/t2: no prediction"), "{stderr}");
    let got = read_json(&json_path);
    assert_eq!(got["tasks"][1]["pred_dates"], 0);
    assert_eq!(
        got["tasks"][1]["align_m1.rouge_1"]["f_score"].as_f64(),
        Some(0.0)
    );
    let t1 = got["tasks"][0]["align_m1.rouge_1"]["f_score"].as_f64();
    assert!(t1.expect("number") > 0.0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn empty_gold_folder_is_an_error() {
    let dir = scratch("empty");
    let out = chronicle()
        .arg("eval")
        .arg("--gold")
        .arg(&dir)
        .arg("--pred")
        .arg(&dir)
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no gold timelines"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_gold_file_without_dates_is_left_out_and_the_rest_scored() {
    let dir = scratch("dateless");
    let gold = dir.join("gold");
    std::fs::create_dir_all(gold.join("synth")).expect("mkdir");
    for t in ["t1", "t2"] {
        std::fs::copy(
            fixtures().join(format!("gold/synth/{t}.txt")),
            gold.join(format!("synth/{t}.txt")),
        )
        .expect("copy");
    }
    std::fs::write(gold.join("synth/t3.txt"), "no dates in here\n").expect("write");
    let eval = || {
        let out = chronicle()
            .arg("eval")
            .arg("--gold")
            .arg(&gold)
            .arg("--pred")
            .arg(fixtures().join("pred"))
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        (stderr, String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let (stderr, stdout) = eval();
    assert!(stderr.contains("error: synth/t3:"), "{stderr}");
    assert!(stderr.contains("has no dated entry"), "{stderr}");
    assert!(stdout.contains("(2 tasks"), "{stdout}");
    // With only that file, nothing can be scored: an error, not an average of nothing.
    std::fs::remove_file(gold.join("synth/t1.txt")).expect("rm");
    std::fs::remove_file(gold.join("synth/t2.txt")).expect("rm");
    let (stderr, _) = eval();
    assert!(stderr.contains("could be scored"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn gold_in_another_script_is_warned_about_and_scored_with_unicode_tokens() {
    // Written for this test: an Arabic gold timeline and a prediction sharing some words.
    let dir = scratch("script");
    let gold = dir.join("gold/dam");
    let pred = dir.join("pred/dam");
    std::fs::create_dir_all(&gold).unwrap();
    std::fs::create_dir_all(&pred).unwrap();
    let sep = "--------------------------------";
    std::fs::write(
        gold.join("tl.txt"),
        format!("2024-03-03\nانهار سد وادي الريم بعد الأمطار الغزيرة .\n{sep}\n"),
    )
    .unwrap();
    std::fs::write(
        pred.join("tl.txt"),
        format!("2024-03-03\nانهار سد وادي الريم وغمرت المياه البلدة .\n{sep}\n"),
    )
    .unwrap();
    let run = |rule: &[&str]| {
        let out = chronicle()
            .arg("eval")
            .arg("--gold")
            .arg(dir.join("gold"))
            .arg("--pred")
            .arg(dir.join("pred"))
            .args(rule)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // ROUGE-1.5.5 reads no Arabic letter: zero, and a warning that says why.
    let (stdout, stderr) = run(&[]);
    assert!(stdout.contains("ROUGE-1 F 0.0000"), "{stdout}");
    assert!(
        stderr.contains("100 % of the gold summaries' letters are outside ASCII"),
        "{stderr}"
    );
    // Unicode tokens: "انهار سد وادي الريم" is shared, 4 of the 7 words on each side.
    let (stdout, stderr) = run(&["--rouge-tokens", "unicode"]);
    assert!(!stderr.contains("outside ASCII"), "{stderr}");
    let f = stdout
        .split("ROUGE-1 F ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse::<f64>().ok())
        .expect("a ROUGE-1 F score");
    assert!((f - 4.0 / 7.0).abs() < 1e-4, "{stdout}");
}
