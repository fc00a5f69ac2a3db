//! `chronicle serve` as a process: starts on a store built from the example corpus (and
//! on the corpus files read into memory), answers over TCP, stops gracefully on
//! SIGTERM; bad options fail fast.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

fn chronicle() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chronicle"));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// A bare HTTP/1.1 GET: status code and body.
fn http_get(addr: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[cfg(unix)]
#[test]
fn serves_a_store_of_the_example_corpus_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("news.store");
    let ingest = chronicle()
        .args(["ingest", "--quiet", "--store"])
        .arg(&store)
        .arg("examples/corpus")
        .output()
        .unwrap();
    assert!(ingest.status.success(), "{ingest:?}");
    serve_and_check(&["serve", "--store", store.to_str().unwrap()]);
}

#[cfg(unix)]
#[test]
fn serves_input_files_from_memory() {
    serve_and_check(&["serve", "examples/corpus"]);
}

#[cfg(unix)]
fn serve_and_check(args: &[&str]) {
    let mut child = chronicle()
        .args(args)
        .args(["--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut addr = None;
    let mut line = String::new();
    while stderr.read_line(&mut line).unwrap() > 0 {
        if let Some(rest) = line.split("listening on http://").nth(1) {
            addr = rest.split('/').next().map(str::to_string);
            break;
        }
        line.clear();
    }
    let addr = addr.expect("the server says where it listens");

    let (status, body) = http_get(&addr, "/healthz");
    assert_eq!(status, 200);
    assert!(body.contains("\"ok\""));
    let (status, body) = http_get(&addr, "/api/v1/timeline?query=dam&dates=5");
    assert_eq!(status, 200);
    assert!(body.contains("2024-03-03"), "{body}");
    let (status, body) = http_get(&addr, "/api/v1/stats");
    assert_eq!(status, 200);
    assert!(body.contains("\"articles\":16"), "{body}");

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(status.success(), "exit {status:?}: {rest}");
    assert!(rest.contains("stopped"), "{rest}");
}

#[test]
fn bad_options_fail_fast() {
    let output = chronicle()
        .args(["serve", "--store", "no/such/folder"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no store at"));

    let output = chronicle()
        .args(["serve", "no/such/file"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("does not exist"));

    let dir = tempfile::tempdir().unwrap();
    let token = dir.path().join("token");
    std::fs::write(&token, "short\n").unwrap();
    let output = chronicle()
        .args(["serve", "examples/corpus", "--token-file"])
        .arg(&token)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("too short"));
}
