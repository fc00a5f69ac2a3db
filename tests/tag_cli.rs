//! `chronicle tag` end to end: plain text, JSON Lines (with bad lines), the TempEval and
//! HeidelTime evaluation modes on small synthetic files.

use std::io::Write;
use std::process::{Command, Stdio};

fn chronicle() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
}

fn run_with_stdin(args: &[&str], input: &str) -> std::process::Output {
    let mut child = chronicle()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("writes");
    child.wait_with_output().expect("finishes")
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("chronicle-tag-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn plain_text_with_pub_date() {
    let out = run_with_stdin(
        &["tag", "--pub-date", "2023-12-31"],
        "Signed on Friday, two days after the March 20-22 talks.",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["text"], "Friday");
    assert_eq!(lines[0]["value"], "2023-12-29");
    assert_eq!(lines[0]["granularity"], "day");
    assert_eq!(lines[0]["type"], "date");
    assert_eq!(lines[0]["start"], 10);
    assert_eq!(lines[0]["end"], 16);
    assert!(lines.iter().any(|l| l["type"] == "duration"));
}

#[test]
fn jsonl_passes_fields_and_reports_bad_lines() {
    let input = concat!(
        r#"{"id": "a", "text": "Prices fell yesterday.", "pub_date": "2011-03-18"}"#,
        "\n",
        "not json\n",
        r#"{"id": "b", "text": "No date here."}"#,
        "\n",
        r#"{"id": "c", "text": "Ünïcode first — naïve: in March 2011.", "pub_date": "2011-05-01"}"#,
        "\n",
    );
    let out = run_with_stdin(&["tag", "--jsonl", "-"], input);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("line 2"), "{stderr}");
    assert!(
        stderr.contains("line 3") && stderr.contains("pub_date"),
        "{stderr}"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["timex"][0]["value"], "2011-03-17");
    assert_eq!(lines[1]["id"], "c");
    let t = &lines[1]["timex"][0];
    assert_eq!(t["value"], "2011-03");
    assert_eq!(t["granularity"], "month");
    // Offsets count characters, not bytes.
    let text = lines[1]["text"].as_str().unwrap();
    let (s, e) = (
        t["start"].as_u64().unwrap() as usize,
        t["end"].as_u64().unwrap() as usize,
    );
    let span: String = text.chars().skip(s).take(e - s).collect();
    assert_eq!(span, "March 2011");
}

#[test]
fn tempeval_scoring_and_heideltime_comparison() {
    let dir = scratch("eval");
    let gold = dir.join("gold.jsonl");
    std::fs::write(
        &gold,
        r#"{"id": "d1", "pub_date": "2011-03-18", "text": "It rained yesterday and will for three days.", "timexes": [{"start": 10, "end": 19, "text": "yesterday", "type": "DATE", "value": "2011-03-17"}, {"start": 33, "end": 43, "text": "three days", "type": "DURATION", "value": "P3D"}]}"#,
    )
    .unwrap();
    let out = chronicle()
        .args(["tag", "--score-tempeval"])
        .arg(&gold)
        .arg("--json")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["scores"]["relaxed"]["f1"], 1.0);
    assert_eq!(v[0]["scores"]["value_f1"], 1.0);

    let reference = dir.join("ht.jsonl");
    std::fs::write(
        &reference,
        r#"{"doc": "x", "pub_date": "2010-05-03", "text": "It began on April 20 .", "timex": [{"text": "April 20", "value": "2010-04-20", "granularity": "day"}]}"#,
    )
    .unwrap();
    let out = chronicle()
        .args(["tag", "--compare"])
        .arg(&reference)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("F1 1.000"), "{text}");
    assert!(text.contains("wrong_year"), "{text}");

    // --sample: a TSV of disagreements (here the one wrong_year), id = doc#sentence.
    let disagreeing = dir.join("ht2.jsonl");
    std::fs::write(
        &disagreeing,
        r#"{"doc": "x", "sentence": 3, "pub_date": "2010-05-03", "text": "It began on April 20 .", "timex": [{"text": "April 20", "value": "2011-04-20", "granularity": "day"}]}"#,
    )
    .unwrap();
    let out = chronicle()
        .args(["tag", "--compare"])
        .arg(&disagreeing)
        .args(["--sample", "5", "--seed", "4"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("id\tcategory\tpub_date"), "{text}");
    assert!(
        lines[1].starts_with(
            "x#3\twrong_year\t2010-05-03\tApril 20\t2011-04-20\tApril 20\t2010-04-20\t"
        ),
        "{text}"
    );

    let out = chronicle()
        .args(["tag", "--bench"])
        .arg(&reference)
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("MB/s"));
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    // `chronicle tag --compare FILE --examples N | head -1`: the reader closes the pipe
    // after one line, long before the report's 3 MB of examples are written. The
    // process must end without a panic (Rust ignores SIGPIPE, so `println!` panics).
    let dir = scratch("closed-pipe");
    let reference = dir.join("reference.jsonl");
    let line = r#"{"doc": "d", "pub_date": "2010-06-04", "text": "It rained on Friday.", "timex": [{"text": "Friday", "value": "2010-06-11", "granularity": "day"}]}"#;
    std::fs::write(&reference, format!("{line}\n").repeat(20_000)).expect("writes");
    let mut child = chronicle()
        .args(["tag", "--examples", "100000", "--compare"])
        .arg(&reference)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = String::new();
    {
        use std::io::BufRead;
        let mut reader = std::io::BufReader::new(child.stdout.take().expect("stdout"));
        reader.read_line(&mut first).expect("reads a line");
    } // The pipe's read end closes here.
    let output = child.wait_with_output().expect("finishes");
    assert!(first.contains("20000 sentences"), "first line: {first}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert_ne!(output.status.code(), Some(101), "a panic's exit status");
}
