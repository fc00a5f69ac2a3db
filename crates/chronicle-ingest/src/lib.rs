//! Reading dated news articles from every input format Chronicle supports.
//!
//! Interface placeholder: being written (issue "Chronicle v1", item 1).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

/// One news article, as read from any input format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// Unique within one read.
    pub id: String,
    /// Publication date.
    pub published: NaiveDate,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Outlet name: URL host, the format's source field, or the dataset file-name prefix.
    pub source: Option<String>,
    /// ISO 639-1 code, when the input says.
    pub language: Option<String>,
    /// Body text.
    pub text: String,
}

/// Something in the input that could not be read; the rest of the input still is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    /// 1-based line, for line-oriented formats.
    pub line: Option<usize>,
    pub reason: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.reason),
            None => write!(f, "{}: {}", self.path.display(), self.reason),
        }
    }
}

/// The outcome of reading inputs.
#[derive(Debug, Default)]
pub struct ReadReport {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
    /// Articles skipped as exact duplicates (same id, or same date and text).
    pub duplicates: usize,
    /// Files opened.
    pub files: usize,
}

/// Reads every article under `inputs` (files or directories).
pub fn read_inputs<P: AsRef<Path>>(inputs: &[P]) -> ReadReport {
    read_inputs_with_progress(inputs, &mut |_, _| {})
}

/// Like [`read_inputs`], calling `progress(files_done, files_total)` as it goes.
pub fn read_inputs_with_progress<P: AsRef<Path>>(
    _inputs: &[P],
    _progress: &mut dyn FnMut(usize, usize),
) -> ReadReport {
    ReadReport::default()
}
