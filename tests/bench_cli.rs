//! `chronicle bench` end to end on a tiny dataset in the benchmark layout, written here.

use std::path::Path;
use std::process::Command;

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A topic folder: four dated reports on a (fictional) bridge closure and its gold
/// timeline; `keywords` written to keywords.json when given.
fn topic(dir: &Path, keywords: Option<&str>) {
    let docs = [
        (
            "2021-05-03",
            "a-1",
            "The Orrin Street bridge was closed on Monday after inspectors found cracks in two piers. Traffic was diverted through the harbor tunnel.",
        ),
        (
            "2021-05-04",
            "b-1",
            "Inspectors said the cracks in the Orrin Street bridge were found on Monday, May 3. The city said repairs could take months.",
        ),
        (
            "2021-05-20",
            "a-2",
            "The city council approved $12 million for bridge repairs on Thursday, May 20. Work on the Orrin Street bridge starts in June.",
        ),
        (
            "2021-05-21",
            "b-2",
            "Council members voted 7-2 on May 20 to fund the bridge repairs. The bridge was closed on May 3 after cracks were found.",
        ),
    ];
    for (date, id, text) in docs {
        write(&dir.join(format!("InputDocs/{date}/{id}.txt")), text);
    }
    write(
        &dir.join("timelines/gold.txt"),
        "2021-05-03\nThe Orrin Street bridge is closed after inspectors find cracks .\n\
         --------------------------------\n\
         2021-05-20\nThe council approves $12 million for repairs .\n",
    );
    if let Some(k) = keywords {
        write(&dir.join("keywords.json"), k);
    }
}

#[test]
fn bench_scores_a_dataset_and_warns_about_a_topic_without_keywords() {
    let dir = tempfile::tempdir().unwrap();
    let dataset = dir.path().join("data");
    topic(&dataset.join("bridge"), Some(r#"["bridge"]"#));
    topic(&dataset.join("bridge-nokeys"), None);
    let out_dir = dir.path().join("out");
    let out = bench(&dataset, &out_dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stderr}\n{stdout}");
    assert!(
        stderr.contains("topic bridge-nokeys has no keywords"),
        "{stderr}"
    );
    assert!(!stderr.contains("topic bridge has no keywords"), "{stderr}");
    // Both gold dates are found: the date F1 line reads 1.0 for both tasks' average.
    let date_line = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("date "))
        .unwrap_or_else(|| panic!("no date line in {stdout}"));
    assert!(date_line.contains("F 1.0000"), "{date_line}");
    // The predicted timelines are kept for an independent scorer.
    let written: Vec<_> = walk(&out_dir);
    assert!(
        written.iter().any(|p| p.ends_with("gold.txt")),
        "{written:?}"
    );
}

#[test]
fn bench_skips_a_bad_topic_and_a_bad_gold_file_and_scores_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let dataset = dir.path().join("data");
    topic(&dataset.join("bridge"), Some(r#"["bridge"]"#));
    // A folder that is no topic, and a topic whose second gold file has no dates.
    write(&dataset.join("notes/readme.txt"), "not a topic");
    topic(&dataset.join("bridge-2"), Some(r#"["bridge"]"#));
    write(
        &dataset.join("bridge-2/timelines/broken.txt"),
        "no dates here\n",
    );
    // An empty article file is named, and the rest of its topic is scored.
    write(&dataset.join("bridge/InputDocs/2024-03-05/empty.txt"), "");
    // A keywords file with a byte-order mark is read.
    write(
        &dataset.join("bridge-2/keywords.json"),
        "\u{feff}[\"bridge\"]",
    );
    let out = bench(&dataset, &dir.path().join("out"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The report covers the two good tasks; the exit status says something was skipped.
    assert_eq!(out.status.code(), Some(2), "{stderr}\n{stdout}");
    assert!(stdout.contains("average over 2 task(s)"), "{stdout}");
    assert!(stderr.contains("notes is not a topic folder"), "{stderr}");
    assert!(stderr.contains("broken.txt has no dates"), "{stderr}");
    assert!(
        stderr.contains("empty.txt: empty file: no article text (skipped)"),
        "{stderr}"
    );
    assert!(!stderr.contains("keywords.json"), "{stderr}");
    assert!(stderr.contains("2 topic(s) or task(s) skipped"), "{stderr}");
}

/// Runs `chronicle bench --quiet` on `dataset`, writing predictions under `out`.
fn bench(dataset: &Path, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["bench", "--quiet", "--dataset"])
        .arg(dataset)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn a_missing_dataset_is_named_once_with_its_cause() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("no-such-dataset");
    let out = bench(&missing, &tmp.path().join("out"));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no-such-dataset"), "{stderr}");
    // The OS error is quoted by the error that wraps it, and said once.
    assert_eq!(stderr.matches("(os error").count(), 1, "{stderr}");
}

#[test]
fn keywords_that_match_nothing_fall_back_to_every_sentence_and_an_empty_window_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let dataset = dir.path().join("data");
    // The keyword is spelt as the articles never spell it.
    topic(&dataset.join("bridge"), Some(r#"["brücke"]"#));
    // A second gold timeline whose window holds no article.
    write(
        &dataset.join("bridge/timelines/later.txt"),
        "2030-01-01\nSomething else .\n--------------------------------\n\
         2030-02-01\nAgain .\n",
    );
    let out = bench(&dataset, &dir.path().join("out"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stderr}\n{stdout}");
    assert!(
        stderr.contains("task bridge/gold: no article in its window contains a keyword"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "task bridge/later: no article of the topic was published in its window \
             (2030-01-01 to 2030-02-01)"
        ),
        "{stderr}"
    );
    // Without the fallback the first task's timeline would be empty; with it both gold
    // dates are found (its date F1 is 1).
    let task_line = stdout
        .lines()
        .find(|l| l.starts_with("bridge/gold"))
        .unwrap_or_else(|| panic!("no task line in {stdout}"));
    assert!(task_line.contains("1.0000"), "{task_line}");
}
