//! Reading dated news articles from every input format Chronicle supports.
//!
//! Formats (see `README.md` and `../shared/docs/FORMATS.md`): dated text files
//! (`date YYYY-MM-DD [url|headline|text]` first line), the dataset layout
//! (`<dataset>/<topic>/InputDocs/<YYYY-MM-DD>/<id>.txt`), JSON Lines (generic and news-tls,
//! optionally gzip-compressed), `.json` articles, HTML pages (readability extraction, date
//! from metadata), RSS/Atom feeds, and directories of any of these.
//!
//! Bad input never stops a read: each bad file or line becomes one [`Problem`] and the rest
//! is still read.
//!
//! ```no_run
//! let report = chronicle_ingest::read_inputs(&["articles/", "more.jsonl.gz"]);
//! for problem in &report.problems {
//!     eprintln!("warning: {problem}");
//! }
//! println!("{} articles from {} files", report.articles.len(), report.files);
//! ```

#![warn(missing_docs)]

pub mod dataset;
mod dated;
mod feed;
mod html;
mod jsonl;
mod read;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

pub use dataset::{Dataset, DatasetError, SkippedTopic, Topic};
pub use dated::{
    DateLine, DateLineError, DatedText, DatedTextError, Rest, classify_rest, parse_date_line,
    parse_dated_text, url_host,
};
pub use feed::parse_feed;
pub use html::parse_html;
pub use jsonl::{JsonArticle, parse_iso_date, parse_json_line};

/// One news article, as read from any input format.
///
/// ```
/// use chronicle_ingest::Article;
/// let a = Article {
///     id: "bbc-68".into(),
///     published: chrono::NaiveDate::from_ymd_opt(2010, 5, 1).unwrap(),
///     title: None,
///     url: None,
///     source: Some("bbc".into()),
///     language: None,
///     text: "BP says ...".into(),
/// };
/// assert_eq!(a.published.to_string(), "2010-05-01");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// Unique within one read: the file name without extension for one-article files, the
    /// format's own `id`, or else a hash of date and text; qualified by folder on a clash.
    pub id: String,
    /// Publication date.
    pub published: NaiveDate,
    /// Headline, when the input has one.
    pub title: Option<String>,
    /// Article URL, when the input has one.
    pub url: Option<String>,
    /// Outlet name: URL host, the format's source field, or the dataset file-name prefix.
    pub source: Option<String>,
    /// ISO 639-1 code, when the input says.
    pub language: Option<String>,
    /// Body text: trimmed, LF line ends, never empty.
    pub text: String,
}

/// Something in the input that could not be read; the rest of the input still is.
///
/// ```
/// use chronicle_ingest::Problem;
/// let p = Problem::new("a.jsonl", Some(3), "missing publication date");
/// assert_eq!(p.to_string(), "a.jsonl:3: missing publication date");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file (or directory entry) concerned.
    pub path: PathBuf,
    /// 1-based line, for line-oriented formats.
    pub line: Option<usize>,
    /// What is wrong, for the user.
    pub reason: String,
}

impl Problem {
    /// A problem with `path` (at `line`, when known).
    pub fn new(path: impl Into<PathBuf>, line: Option<usize>, reason: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            line,
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.reason),
            None => write!(f, "{}: {}", self.path.display(), self.reason),
        }
    }
}

/// A path met while walking a directory that is deliberately not read (not an error).
///
/// ```
/// use chronicle_ingest::Skipped;
/// let s = Skipped::new("notes.md", "not an article format");
/// assert_eq!(s.to_string(), "notes.md: not an article format");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file or folder.
    pub path: PathBuf,
    /// Why it was not read.
    pub reason: String,
}

impl Skipped {
    /// `path` skipped because of `reason`.
    pub fn new(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

/// What one file gave: articles kept, duplicates dropped, problems.
///
/// ```
/// use chronicle_ingest::FileRead;
/// let f = FileRead { path: "feed.jsonl".into(), articles: 10, duplicates: 1, problems: 2 };
/// assert_eq!(f.to_string(), "feed.jsonl: 10 articles, 1 duplicates, 2 problems");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRead {
    /// The file.
    pub path: PathBuf,
    /// Articles kept from it.
    pub articles: usize,
    /// Its articles dropped as duplicates of earlier ones.
    pub duplicates: usize,
    /// Its problems (bad lines, or the whole file).
    pub problems: usize,
}

impl std::fmt::Display for FileRead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} articles, {} duplicates, {} problems",
            self.path.display(),
            self.articles,
            self.duplicates,
            self.problems
        )
    }
}

/// The outcome of reading inputs.
///
/// ```
/// let report = chronicle_ingest::read_inputs(&["/no/such/folder"]);
/// assert!(report.articles.is_empty());
/// assert_eq!(report.problems.len(), 1);
/// assert!(report.summary().contains("0 articles"));
/// ```
#[derive(Debug, Default)]
pub struct ReadReport {
    /// Articles in input order (directories sorted by path; JSON Lines in line order).
    pub articles: Vec<Article>,
    /// Bad files and lines, in the same order.
    pub problems: Vec<Problem>,
    /// Files read despite a fault, with what was assumed (a text file that is not UTF-8
    /// is read as Windows-1252), in the same order.
    pub notes: Vec<Problem>,
    /// Articles skipped as exact duplicates (same id, or same date and text).
    pub duplicates: usize,
    /// Files opened.
    pub files: usize,
    /// Per file opened, in read order: what it gave.
    pub files_read: Vec<FileRead>,
    /// Paths met in directories and not read, with why (other formats, gold timelines,
    /// topic keywords, hidden files).
    pub skipped: Vec<Skipped>,
}

impl ReadReport {
    /// One line for the user: articles, files, duplicates, problems, skipped paths.
    pub fn summary(&self) -> String {
        format!(
            "{} articles from {} files ({} duplicates dropped, {} problems, {} paths skipped)",
            self.articles.len(),
            self.files,
            self.duplicates,
            self.problems.len(),
            self.skipped.len()
        )
    }
}

/// Reads every article under `inputs` (files or directories).
///
/// Never fails and never panics: what cannot be read is listed in
/// [`ReadReport::problems`]. The result is the same whatever the thread count.
pub fn read_inputs<P: AsRef<Path>>(inputs: &[P]) -> ReadReport {
    read_inputs_with_progress(inputs, &mut |_, _| {})
}

/// Like [`read_inputs`], calling `progress(files_done, files_total)` as it goes.
///
/// ```no_run
/// let report = chronicle_ingest::read_inputs_with_progress(&["data/"], &mut |done, total| {
///     eprint!("\r{done}/{total} files");
/// });
/// ```
pub fn read_inputs_with_progress<P: AsRef<Path>>(
    inputs: &[P],
    progress: &mut dyn FnMut(usize, usize),
) -> ReadReport {
    let inputs: Vec<&Path> = inputs.iter().map(AsRef::as_ref).collect();
    read::read_all(&inputs, progress)
}

/// Reads the inputs as [`read_inputs_with_progress`] does, but hands the articles to
/// `each` a batch of files at a time instead of keeping them, so an archive larger
/// than memory can be processed; `each` may stop the reading with
/// `ControlFlow::Break`. The returned report has no `articles` (everything else is
/// filled in); the batches, concatenated, are exactly [`read_inputs`]'s articles.
///
/// ```
/// use std::ops::ControlFlow;
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("a.txt"), "date 2024-03-04\nThe dam failed.").unwrap();
/// let mut seen = 0;
/// let report = chronicle_ingest::read_inputs_each(&[dir.path()], &mut |_, _| {}, &mut |batch| {
///     seen += batch.len();
///     ControlFlow::Continue(())
/// });
/// assert_eq!((seen, report.articles.len()), (1, 0));
/// ```
pub fn read_inputs_each<P: AsRef<Path>>(
    inputs: &[P],
    progress: &mut dyn FnMut(usize, usize),
    each: &mut dyn FnMut(Vec<Article>) -> std::ops::ControlFlow<()>,
) -> ReadReport {
    let inputs: Vec<&Path> = inputs.iter().map(AsRef::as_ref).collect();
    read::read_each(&inputs, progress, each)
}
