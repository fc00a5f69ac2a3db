//! Listing input files, decoding them in parallel, and assembling one deterministic report.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::dated::{DateLineError, DatedTextError, parse_dated_text, parse_ymd};
use crate::jsonl::{JsonArticle, parse_json_line, parse_json_value};
use crate::{Article, FileRead, Problem, ReadReport, Skipped};

/// How a file is decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// One article: a dated text file, or a dataset-layout article.
    Text,
    /// JSON Lines, optionally gzip-compressed.
    Jsonl { gz: bool },
    /// A JSON object or array of objects.
    Json,
    /// An HTML page (one article).
    Html,
    /// An RSS or Atom feed (one article per entry).
    Feed,
    /// A directory entry that could not be read, kept in walk order so that problems come
    /// out in path order.
    Unreadable(String),
}

#[derive(Debug)]
struct InputFile {
    path: PathBuf,
    kind: Kind,
    /// Size on disk (0 when unknown).
    bytes: u64,
}

/// Where an article's id came from, which decides how a clash is resolved.
enum IdOrigin {
    /// The file name: qualify with parent folders.
    FileName,
    /// The format's own id: qualify with the file stem and its parent folders.
    Format,
    /// A content hash: nothing to qualify with.
    Hash,
}

struct Candidate {
    article: Article,
    origin: IdOrigin,
}

struct FileOutcome<'a> {
    path: &'a Path,
    candidates: Vec<Candidate>,
    problems: Vec<Problem>,
    /// What was read despite a fault (see [`ReadReport::notes`]).
    notes: Vec<Problem>,
}

/// Files per parallel batch: small enough for smooth progress, large enough to keep
/// every core busy.
const BATCH: usize = 256;

pub(crate) fn read_all(inputs: &[&Path], progress: &mut dyn FnMut(usize, usize)) -> ReadReport {
    let mut articles = Vec::new();
    let mut report = read_each(inputs, progress, &mut |batch| {
        articles.extend(batch);
        ControlFlow::Continue(())
    });
    report.articles = articles;
    report
}

/// Reads the inputs a batch of files at a time, handing each batch's new articles (in
/// input order, exact duplicates dropped) to `each`, which may stop the reading. The
/// report's `articles` stay empty: only the ids and content hashes seen are held, so
/// memory does not grow with the archive's text.
pub(crate) fn read_each(
    inputs: &[&Path],
    progress: &mut dyn FnMut(usize, usize),
    each: &mut dyn FnMut(Vec<Article>) -> ControlFlow<()>,
) -> ReadReport {
    read_each_limited(inputs, Limits::default(), progress, each)
}

/// How much input is decoded at once.
#[derive(Debug, Clone, Copy)]
struct Limits {
    /// Bytes of files decoded together, about; a larger JSON Lines file is decoded in
    /// pieces.
    batch_bytes: u64,
    /// Bytes of such a file decoded at once.
    piece_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            batch_bytes: 64 << 20,
            piece_bytes: 32 << 20,
        }
    }
}

fn read_each_limited(
    inputs: &[&Path],
    limits: Limits,
    progress: &mut dyn FnMut(usize, usize),
    each: &mut dyn FnMut(Vec<Article>) -> ControlFlow<()>,
) -> ReadReport {
    let mut report = ReadReport::default();
    let files = list_files(inputs, &mut report);
    let total = files.len();
    report.files = files
        .iter()
        .filter(|f| !matches!(f.kind, Kind::Unreadable(_)))
        .count();
    progress(0, total);
    let mut assembler = Assembler::default();
    let mut done = 0;
    for batch in batches(&files, limits.batch_bytes) {
        let batch = &files[batch];
        if let [file] = batch
            && let Kind::Jsonl { gz } = file.kind
            && file.bytes > limits.batch_bytes
        {
            // One large JSON Lines file: decoded a piece at a time.
            let mut read = FileRead {
                path: file.path.clone(),
                articles: 0,
                duplicates: 0,
                problems: 0,
            };
            let mut flow = ControlFlow::Continue(());
            read_jsonl_pieces(&file.path, gz, limits.piece_bytes, &mut |outcome| {
                let (fresh, counts) = assemble(outcome, &mut assembler, &mut report);
                read.articles += counts.articles;
                read.duplicates += counts.duplicates;
                read.problems += counts.problems;
                if !fresh.is_empty() {
                    flow = each(fresh);
                }
                flow
            });
            report.files_read.push(read);
            done += 1;
            progress(done, total);
            if flow.is_break() {
                break;
            }
            continue;
        }
        let outcomes: Vec<FileOutcome> = batch.par_iter().map(read_file).collect();
        let mut fresh = Vec::new();
        for (file, outcome) in batch.iter().zip(outcomes) {
            let (articles, counts) = assemble(outcome, &mut assembler, &mut report);
            if !matches!(file.kind, Kind::Unreadable(_)) {
                report.files_read.push(counts);
            }
            fresh.extend(articles);
        }
        done += batch.len();
        let flow = if fresh.is_empty() {
            ControlFlow::Continue(())
        } else {
            each(fresh)
        };
        progress(done, total);
        if flow.is_break() {
            break;
        }
    }
    report
}

/// Consecutive runs of files to decode together: at most [`BATCH`] files and about
/// `max_bytes` (a larger file is a batch of its own).
fn batches(files: &[InputFile], max_bytes: u64) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut bytes = 0;
    for (i, f) in files.iter().enumerate() {
        if i > start && (i - start == BATCH || bytes + f.bytes > max_bytes) {
            out.push(start..i);
            start = i;
            bytes = 0;
        }
        bytes += f.bytes;
    }
    if start < files.len() {
        out.push(start..files.len());
    }
    out
}

/// Gives a decoded file's candidates their run-unique ids and drops duplicates;
/// problems go to the report. Returns the new articles and what the file gave.
fn assemble(
    outcome: FileOutcome<'_>,
    assembler: &mut Assembler,
    report: &mut ReadReport,
) -> (Vec<Article>, FileRead) {
    let mut read = FileRead {
        path: outcome.path.to_path_buf(),
        articles: 0,
        duplicates: 0,
        problems: outcome.problems.len(),
    };
    report.problems.extend(outcome.problems);
    report.notes.extend(outcome.notes);
    let mut fresh = Vec::with_capacity(outcome.candidates.len());
    for candidate in outcome.candidates {
        match assembler.add(candidate, outcome.path) {
            Some(article) => fresh.push(article),
            None => read.duplicates += 1,
        }
    }
    read.articles = fresh.len();
    report.duplicates += read.duplicates;
    (fresh, read)
}

/// Expands inputs into the files to read, in input order, each directory sorted by path.
fn list_files(inputs: &[&Path], report: &mut ReadReport) -> Vec<InputFile> {
    let mut files = Vec::new();
    for &input in inputs {
        match std::fs::metadata(input) {
            Err(e) => files.push(InputFile {
                path: input.to_path_buf(),
                kind: Kind::Unreadable(io_reason("cannot read input", &e)),
                bytes: 0,
            }),
            Ok(meta) if meta.is_dir() => walk_dir(input, &mut files, report),
            // A file named explicitly is read even with an unusual extension: the user asked.
            Ok(meta) => files.push(InputFile {
                path: input.to_path_buf(),
                kind: kind_of(input).unwrap_or(Kind::Text),
                bytes: meta.len(),
            }),
        }
    }
    files
}

fn walk_dir(dir: &Path, files: &mut Vec<InputFile>, report: &mut ReadReport) {
    let mut walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let reason = if let Some(ancestor) = e.loop_ancestor() {
                    format!(
                        "symbolic link loop back to {}, not followed",
                        ancestor.display()
                    )
                } else {
                    match e.io_error() {
                        Some(io) => io_reason("cannot read directory entry", io),
                        None => format!("cannot read directory entry: {e}"),
                    }
                };
                files.push(InputFile {
                    path,
                    kind: Kind::Unreadable(reason),
                    bytes: 0,
                });
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        let in_topic = || path.parent().is_some_and(|p| p.join("InputDocs").is_dir());
        if entry.depth() > 0 && name.starts_with('.') {
            report
                .skipped
                .push(Skipped::new(path, "hidden file or folder"));
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if entry.file_type().is_dir() {
            if entry.depth() > 0 && name == "timelines" && in_topic() {
                report.skipped.push(Skipped::new(
                    path,
                    "gold timelines of a dataset topic, not articles",
                ));
                walker.skip_current_dir();
            }
            continue;
        }
        if !entry.file_type().is_file() {
            // Reading a pipe or device found by walking could block forever.
            report.skipped.push(Skipped::new(
                path,
                "not a regular file (pipe, socket or device)",
            ));
            continue;
        }
        if name == "keywords.json" && in_topic() {
            report.skipped.push(Skipped::new(
                path,
                "keywords of a dataset topic, not articles",
            ));
            continue;
        }
        match kind_of(path) {
            Some(kind) => files.push(InputFile {
                path: path.to_path_buf(),
                kind,
                bytes: entry.metadata().map_or(0, |m| m.len()),
            }),
            None => report.skipped.push(Skipped::new(
                path,
                "not an article format (reads .txt, .jsonl, .jsonl.gz, .json, .html, .htm, .rss, .atom, .xml)",
            )),
        }
    }
}

fn kind_of(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    if name.ends_with(".txt") {
        Some(Kind::Text)
    } else if name.ends_with(".jsonl") {
        Some(Kind::Jsonl { gz: false })
    } else if name.ends_with(".jsonl.gz") {
        Some(Kind::Jsonl { gz: true })
    } else if name.ends_with(".json") {
        Some(Kind::Json)
    } else if name.ends_with(".html") || name.ends_with(".htm") {
        Some(Kind::Html)
    } else if [".rss", ".atom", ".xml"].iter().any(|e| name.ends_with(e)) {
        Some(Kind::Feed)
    } else {
        None
    }
}

fn io_reason(what: &str, e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => format!("{what}: no such file or directory"),
        std::io::ErrorKind::PermissionDenied => format!("{what}: permission denied"),
        _ => format!("{what}: {e}"),
    }
}

fn read_file(file: &InputFile) -> FileOutcome<'_> {
    let path = &file.path;
    let mut out = FileOutcome {
        path,
        candidates: Vec::new(),
        problems: Vec::new(),
        notes: Vec::new(),
    };
    let problem = |line, reason: String| Problem::new(path, line, reason);
    if let Kind::Unreadable(reason) = &file.kind {
        out.problems.push(problem(None, reason.clone()));
        return out;
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            out.problems
                .push(problem(None, io_reason("cannot read file", &e)));
            return out;
        }
    };
    match file.kind {
        Kind::Text => {
            let (content, legacy) = text_of(&bytes);
            if legacy {
                out.notes.push(problem(
                    None,
                    "not UTF-8: read as Windows-1252 (Latin-1 with its punctuation)".into(),
                ));
            }
            match read_text(path, &content) {
                Ok(candidate) => out.candidates.push(candidate),
                Err((line, reason)) => out.problems.push(problem(line, reason)),
            }
        }
        Kind::Jsonl { gz } => {
            let bytes = if gz {
                let mut decoded = Vec::new();
                match flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut decoded) {
                    Ok(_) => decoded,
                    Err(e) => {
                        out.problems
                            .push(problem(None, format!("corrupt gzip file, skipped: {e}")));
                        return out;
                    }
                }
            } else {
                bytes
            };
            read_jsonl(path, &bytes, &mut out);
        }
        Kind::Json => read_json(path, &bytes, &mut out),
        Kind::Html => match read_html(path, &bytes) {
            Ok(candidate) => out.candidates.push(candidate),
            Err((line, reason)) => out.problems.push(problem(line, reason)),
        },
        Kind::Feed => match crate::feed::parse_feed(&bytes) {
            Ok(entries) => {
                for entry in entries {
                    match entry {
                        Ok(a) => out.candidates.push(json_candidate(a)),
                        Err(reason) => out.problems.push(problem(None, reason)),
                    }
                }
            }
            Err(reason) => out.problems.push(problem(None, reason)),
        },
        Kind::Unreadable(_) => {}
    }
    out
}

fn utf8(bytes: &[u8]) -> Result<&str, (Option<usize>, String)> {
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        (
            Some(line),
            "invalid UTF-8: the file must be UTF-8 text".to_string(),
        )
    })
}

/// The text of a one-article file: UTF-8, or else Windows-1252, the usual encoding of
/// older Western European news archives (every byte is a character in it, so nothing is
/// lost; a file that is neither reads as mojibake rather than not at all). Whether the
/// fallback was used.
fn text_of(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.into(), false),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text, true)
        }
    }
}

/// A one-article file (its text, from [`text_of`]). Under `InputDocs/<YYYY-MM-DD>/` the
/// folder gives the date (dataset layout); elsewhere a date line is needed, with a
/// date-named folder as the fallback.
fn read_text(path: &Path, content: &str) -> Result<Candidate, (Option<usize>, String)> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let parent = path.parent();
    let folder_date = parent
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .and_then(parse_ymd);
    let in_input_docs = parent
        .and_then(Path::parent)
        .and_then(|p| p.file_name())
        .is_some_and(|n| n == "InputDocs");
    let stem = file_stem(path);
    let dataset_article = |date: NaiveDate| -> Result<Candidate, (Option<usize>, String)> {
        let text = normalize(content);
        if text.is_empty() {
            return Err((None, "empty file: no article text".to_string()));
        }
        // `bbc-1387` → `bbc`: the dataset names files `<source>-<original id>`.
        let source = stem
            .split_once('-')
            .map(|(s, _)| s.to_string())
            .filter(|s| !s.is_empty());
        Ok(Candidate {
            article: Article {
                id: stem.clone(),
                published: date,
                title: None,
                url: None,
                source,
                language: None,
                text,
            },
            origin: IdOrigin::FileName,
        })
    };
    if let (Some(date), true) = (folder_date, in_input_docs) {
        return dataset_article(date);
    }
    match parse_dated_text(content) {
        Ok(a) => Ok(Candidate {
            article: Article {
                id: stem.clone(),
                published: a.date,
                title: a.title,
                url: a.url,
                source: a.source,
                language: None,
                text: normalize(&a.text),
            },
            origin: IdOrigin::FileName,
        }),
        Err(e @ DatedTextError::DateLine(DateLineError::NoDateLine)) => match folder_date {
            Some(date) => dataset_article(date),
            None if content.trim().is_empty() => Err((
                None,
                "empty file: no date line and no article text".to_string(),
            )),
            None if content
                .lines()
                .next()
                .and_then(|l| parse_ymd(l.trim()))
                .is_some() =>
            {
                Err((
                    Some(1),
                    "the first line is a bare date: this looks like a timeline (tilse format), \
                 not an article, which starts with `date YYYY-MM-DD`"
                        .to_string(),
                ))
            }
            None => Err((Some(1), e.to_string())),
        },
        Err(e @ DatedTextError::DateLine(_)) => Err((Some(1), e.to_string())),
        Err(e @ DatedTextError::EmptyBody) => Err((None, e.to_string())),
    }
}

/// Trims and turns CRLF into LF, so the same article compares equal whatever its line ends.
pub(crate) fn normalize(text: &str) -> String {
    let text = text.trim();
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    }
}

fn file_stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    for ext in [".jsonl.gz", ".txt", ".jsonl", ".json"] {
        if lower.ends_with(ext) {
            return name[..name.len() - ext.len()].to_string();
        }
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or(name)
}

/// An HTML page: named after its file, like a one-article text file.
fn read_html(path: &Path, bytes: &[u8]) -> Result<Candidate, (Option<usize>, String)> {
    let content = utf8(bytes)?;
    let a = crate::html::parse_html(content).map_err(|reason| (None, reason))?;
    let mut candidate = json_candidate(a);
    candidate.article.id = file_stem(path);
    candidate.origin = IdOrigin::FileName;
    Ok(candidate)
}

fn json_candidate(a: JsonArticle) -> Candidate {
    let origin = if a.id.is_some() {
        IdOrigin::Format
    } else {
        IdOrigin::Hash
    };
    Candidate {
        article: a.into_article(),
        origin,
    }
}

/// Id for an article without one: a hash of its date and text, so re-reads agree.
pub(crate) fn content_id(date: NaiveDate, text: &str) -> String {
    let mut buf = Vec::with_capacity(text.len() + 11);
    buf.extend_from_slice(date.to_string().as_bytes());
    buf.push(b'\n');
    buf.extend_from_slice(text.as_bytes());
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(&buf))
}

fn read_jsonl(path: &Path, bytes: &[u8], out: &mut FileOutcome<'_>) {
    read_jsonl_lines(path, bytes, 1, out);
}

/// Decodes a large JSON Lines file (optionally gzip-compressed) a piece of whole lines
/// at a time, handing each piece's outcome to `each`, which may stop the reading.
fn read_jsonl_pieces(
    path: &Path,
    gz: bool,
    piece_bytes: usize,
    each: &mut dyn FnMut(FileOutcome<'_>) -> ControlFlow<()>,
) {
    let outcome = |problems: Vec<Problem>| FileOutcome {
        path,
        candidates: Vec::new(),
        problems,
        notes: Vec::new(),
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            let _ = each(outcome(vec![Problem::new(
                path,
                None,
                io_reason("cannot read file", &e),
            )]));
            return;
        }
    };
    let mut reader: Box<dyn BufRead> = if gz {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(
            BufReader::new(file),
        )))
    } else {
        Box::new(BufReader::with_capacity(1 << 20, file))
    };
    let mut lines_read = 0;
    loop {
        let first_line = lines_read + 1;
        let mut piece = Vec::with_capacity(piece_bytes + (1 << 16));
        let mut problems = Vec::new();
        let mut end = false;
        while piece.len() < piece_bytes {
            match reader.read_until(b'\n', &mut piece) {
                Ok(0) => {
                    end = true;
                    break;
                }
                Ok(_) => lines_read += 1,
                Err(e) => {
                    let what = if gz {
                        "corrupt gzip data"
                    } else {
                        "cannot read file"
                    };
                    problems.push(Problem::new(
                        path,
                        Some(lines_read + 1),
                        format!("{what} from this line on, the rest skipped: {e}"),
                    ));
                    // Keep the whole lines read before the failure.
                    let whole = piece.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
                    piece.truncate(whole);
                    end = true;
                    break;
                }
            }
        }
        let mut out = outcome(Vec::new());
        read_jsonl_lines(path, &piece, first_line, &mut out);
        out.problems.extend(problems);
        if each(out).is_break() || end {
            return;
        }
    }
}

/// Decodes JSON Lines whose first line is line `first_line` of the file.
fn read_jsonl_lines(path: &Path, bytes: &[u8], first_line: usize, out: &mut FileOutcome<'_>) {
    // Lines decode in parallel: one large news-tls file would otherwise use one core.
    let lines: Vec<(usize, &[u8])> = bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, l)| (i + first_line, l))
        .filter(|(_, l)| !l.trim_ascii().is_empty())
        .collect();
    let results: Vec<Result<Candidate, Problem>> = lines
        .par_iter()
        .map(|&(n, line)| {
            let line = std::str::from_utf8(line).map_err(|_| {
                Problem::new(path, Some(n), "invalid UTF-8: the line must be UTF-8 text")
            })?;
            parse_json_line(line)
                .map(json_candidate)
                .map_err(|reason| Problem::new(path, Some(n), reason))
        })
        .collect();
    for r in results {
        match r {
            Ok(c) => out.candidates.push(c),
            Err(p) => out.problems.push(p),
        }
    }
}

/// A `.json` file: one article object, or an array of them. Anything else (a config, a
/// keyword list) is not an article file and is reported as such.
fn read_json(path: &Path, bytes: &[u8], out: &mut FileOutcome<'_>) {
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            let reason = if e.is_syntax() || e.is_eof() {
                format!("not valid JSON: {e}")
            } else {
                format!("cannot read JSON: {e}")
            };
            out.problems.push(Problem::new(
                path,
                Some(e.line()).filter(|&l| l > 0),
                reason,
            ));
            return;
        }
    };
    let items = match value {
        serde_json::Value::Array(items) if items.iter().all(|v| v.is_object()) => items,
        v @ serde_json::Value::Object(_) => vec![v],
        _ => {
            out.problems.push(Problem::new(
                path,
                None,
                "JSON file is neither an article object nor an array of article objects",
            ));
            return;
        }
    };
    let single = items.len() == 1;
    for (i, item) in items.into_iter().enumerate() {
        match parse_json_value(item) {
            Ok(a) => out.candidates.push(json_candidate(a)),
            Err(reason) if single => out.problems.push(Problem::new(path, None, reason)),
            Err(reason) => out.problems.push(Problem::new(
                path,
                None,
                format!("array item {}: {reason}", i + 1),
            )),
        }
    }
}

/// Gives each article a run-unique id and drops exact duplicates, in input order.
/// Holds ids and 128-bit content hashes only, not the articles.
#[derive(Default)]
struct Assembler {
    ids: HashSet<String>,
    /// (date, text hash) of every article kept.
    contents: HashSet<(NaiveDate, u128)>,
}

impl Assembler {
    /// The article with a run-unique id, or `None` when the same date and text came
    /// before (the same article again, whatever its id says).
    fn add(&mut self, c: Candidate, path: &Path) -> Option<Article> {
        let key = (
            c.article.published,
            xxhash_rust::xxh3::xxh3_128(c.article.text.as_bytes()),
        );
        if !self.contents.insert(key) {
            return None;
        }
        let id = self.unique_id(&c, path);
        self.ids.insert(id.clone());
        Some(Article { id, ..c.article })
    }

    fn unique_id(&self, c: &Candidate, path: &Path) -> String {
        let base = &c.article.id;
        if !self.ids.contains(base) {
            return base.clone();
        }
        // Qualify by the nearest folders first: `2010-05-01/bbc-68`, `bpoil/2010-05-01/bbc-68`.
        let mut qualifiers: Vec<String> = Vec::new();
        if matches!(c.origin, IdOrigin::Format) {
            qualifiers.push(file_stem(path));
        }
        if !matches!(c.origin, IdOrigin::Hash) {
            qualifiers.extend(
                path.parent()
                    .into_iter()
                    .flat_map(Path::ancestors)
                    .filter_map(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned()),
            );
        }
        let mut id = base.clone();
        for q in qualifiers {
            id = format!("{q}/{id}");
            if !self.ids.contains(&id) {
                return id;
            }
        }
        (2..)
            .map(|n| format!("{id}#{n}"))
            .find(|id| !self.ids.contains(id))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn jsonl(n: usize) -> String {
        let mut out = String::new();
        for i in 0..n {
            if i == 7 {
                out.push_str("{not json\n");
            } else if i == 9 {
                out.push('\n');
            } else {
                out.push_str(&format!(
                    "{{\"id\":\"a{i}\",\"date\":\"2024-03-{:02}\",\"text\":\"Report number {i} on the dam.\"}}\n",
                    1 + i % 28
                ));
            }
        }
        // A repeat of the first article: a duplicate.
        out.push_str(
            "{\"id\":\"again\",\"date\":\"2024-03-01\",\"text\":\"Report number 0 on the dam.\"}",
        );
        out
    }

    fn read_small(paths: &[&Path]) -> (Vec<Vec<Article>>, ReadReport) {
        let limits = Limits {
            batch_bytes: 64,
            piece_bytes: 200,
        };
        let mut batches = Vec::new();
        let report = read_each_limited(paths, limits, &mut |_, _| {}, &mut |b| {
            batches.push(b);
            ControlFlow::Continue(())
        });
        (batches, report)
    }

    #[test]
    fn large_jsonl_files_are_read_in_pieces_with_the_same_result() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("a.jsonl");
        std::fs::write(&plain, jsonl(40)).unwrap();
        let gz = dir.path().join("b.jsonl.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(jsonl(30).as_bytes()).unwrap();
        std::fs::write(&gz, enc.finish().unwrap()).unwrap();

        let whole = read_all(&[dir.path()], &mut |_, _| {});
        let (batches, pieces) = read_small(&[dir.path()]);
        assert!(batches.len() > 4, "{} pieces", batches.len());
        let streamed: Vec<Article> = batches.into_iter().flatten().collect();
        assert_eq!(streamed, whole.articles);
        assert_eq!(pieces.problems, whole.problems);
        assert_eq!(pieces.duplicates, whole.duplicates);
        assert_eq!(pieces.files_read, whole.files_read);
        let lines: Vec<Option<usize>> = pieces.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(8), Some(8)]);
    }

    #[test]
    fn a_corrupt_gzip_piece_keeps_what_came_before() {
        let dir = tempfile::tempdir().unwrap();
        let gz = dir.path().join("c.jsonl.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(jsonl(200).as_bytes()).unwrap();
        let mut bytes = enc.finish().unwrap();
        let cut = bytes.len() * 2 / 3;
        bytes.truncate(cut);
        std::fs::write(&gz, bytes).unwrap();
        let (batches, report) = read_small(&[gz.as_path()]);
        let read: usize = batches.iter().map(Vec::len).sum();
        assert!(read > 50, "{read} articles kept");
        let last = report.problems.last().unwrap();
        assert!(last.reason.contains("corrupt gzip data"), "{last}");
    }

    #[test]
    fn stopping_stops_the_reading() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("a.jsonl");
        std::fs::write(&plain, jsonl(40)).unwrap();
        let limits = Limits {
            batch_bytes: 64,
            piece_bytes: 200,
        };
        let mut calls = 0;
        read_each_limited(&[plain.as_path()], limits, &mut |_, _| {}, &mut |_| {
            calls += 1;
            ControlFlow::Break(())
        });
        assert_eq!(calls, 1);
    }
}
