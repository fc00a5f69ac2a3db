//! The dataset layout of the benchmark protocol:
//!
//! ```text
//! <dataset>/<topic>/keywords.json                    ["bp", "oil", "spill"]
//! <dataset>/<topic>/InputDocs/<YYYY-MM-DD>/<id>.txt  one article per file
//! <dataset>/<topic>/timelines/<name>.txt             gold timeline (tilse text format)
//! ```
//!
//! A missing `keywords.json` gives no keywords and a missing `timelines/` no gold files,
//! without error: both are optional to reading, and the caller (e.g. the benchmark, which
//! needs gold timelines) decides whether that is acceptable. A `keywords.json` that is
//! present but malformed *is* an error, since silently dropping keywords changes results.
//! A dataset opens with the topics that open; the others are listed in
//! [`Dataset::skipped`] with their error, so one bad folder does not stop the rest.

use std::path::{Path, PathBuf};

use crate::{ReadReport, read_inputs_with_progress};

/// Why a folder cannot be opened as a dataset or topic.
///
/// ```
/// use chronicle_ingest::{Dataset, DatasetError};
/// let err = Dataset::open("/no/such/dataset").unwrap_err();
/// assert!(matches!(err, DatasetError::Io { .. }));
/// assert!(err.to_string().starts_with("cannot read /no/such/dataset"));
/// ```
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    /// The path is missing or cannot be listed.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The path is a file.
    #[error("{0} is not a folder: a dataset is a folder of topic folders")]
    NotADirectory(PathBuf),
    /// The path is a topic, not a dataset.
    #[error(
        "{0} is a topic folder (it has InputDocs/), not a dataset: pass its parent folder, or open it with Topic::open"
    )]
    IsATopic(PathBuf),
    /// No topic folders at all.
    #[error(
        "{0} holds no topic folders: expected <dataset>/<topic>/InputDocs/<YYYY-MM-DD>/<id>.txt"
    )]
    NoTopics(PathBuf),
    /// A topic folder without `InputDocs/`.
    #[error("{0} is not a topic folder: it has no InputDocs/ folder of articles")]
    MissingInputDocs(PathBuf),
    /// `keywords.json` is not a JSON array of strings.
    #[error("{path}: keywords must be a JSON array of strings: {source}")]
    BadKeywords {
        /// The keywords file.
        path: PathBuf,
        /// The parse error.
        source: serde_json::Error,
    },
}

/// A dataset: a folder of topics.
///
/// Subfolders that cannot be opened as topics (no `InputDocs/`, a malformed
/// `keywords.json`) are left out and listed in `skipped`; opening fails only when no
/// topic opens.
///
/// ```no_run
/// use chronicle_ingest::Dataset;
/// let t17 = Dataset::open("../shared/data/t17")?;
/// for topic in &t17.topics {
///     let report = topic.read_articles();
///     println!("{}: {} articles, {} gold timelines", topic.name, report.articles.len(), topic.timelines.len());
/// }
/// # Ok::<(), chronicle_ingest::DatasetError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dataset {
    /// The folder's name (e.g. `t17`).
    pub name: String,
    /// The dataset folder.
    pub dir: PathBuf,
    /// Topics, sorted by name.
    pub topics: Vec<Topic>,
    /// Subfolders left out, sorted, each with why.
    pub skipped: Vec<SkippedTopic>,
}

/// A subfolder of a dataset that is not a usable topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedTopic {
    /// The subfolder.
    pub dir: PathBuf,
    /// Why it was left out (the [`DatasetError`]'s message).
    pub reason: String,
}

/// One topic of a dataset.
///
/// ```
/// # let dir = tempfile::tempdir().unwrap();
/// # let topic_dir = dir.path().join("bpoil");
/// # std::fs::create_dir_all(topic_dir.join("InputDocs/2010-04-21")).unwrap();
/// # std::fs::write(topic_dir.join("InputDocs/2010-04-21/bbc-1.txt"), "A rig exploded .\n").unwrap();
/// # std::fs::write(topic_dir.join("keywords.json"), r#"["bp", "oil"]"#).unwrap();
/// use chronicle_ingest::Topic;
/// let topic = Topic::open(&topic_dir)?;
/// assert_eq!(topic.name, "bpoil");
/// assert_eq!(topic.keywords, ["bp", "oil"]);
/// let report = topic.read_articles();
/// assert_eq!(report.articles[0].id, "bbc-1");
/// assert_eq!(report.articles[0].source.as_deref(), Some("bbc"));
/// # Ok::<(), chronicle_ingest::DatasetError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// The folder's name (e.g. `bpoil`).
    pub name: String,
    /// The topic folder.
    pub dir: PathBuf,
    /// From `keywords.json`; empty when the file is missing.
    pub keywords: Vec<String>,
    /// Gold timeline files under `timelines/`, sorted; empty when there is none.
    pub timelines: Vec<PathBuf>,
    /// The `InputDocs/` folder.
    pub input_dir: PathBuf,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> DatasetError + '_ {
    move |source| DatasetError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn folder_name(dir: &Path) -> String {
    // `Dataset::open(".")` should still be named after the folder.
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

impl Dataset {
    /// Opens a dataset folder: every visible subfolder that is a topic (has `InputDocs/`
    /// and, if present, a well-formed `keywords.json`); the others go to `skipped`.
    pub fn open(dir: impl AsRef<Path>) -> Result<Dataset, DatasetError> {
        let dir = dir.as_ref();
        let meta = std::fs::metadata(dir).map_err(io(dir))?;
        if !meta.is_dir() {
            return Err(DatasetError::NotADirectory(dir.to_path_buf()));
        }
        if dir.join("InputDocs").is_dir() {
            return Err(DatasetError::IsATopic(dir.to_path_buf()));
        }
        let mut subdirs = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io(dir))? {
            let path = entry.map_err(io(dir))?.path();
            if path.is_dir() && !is_hidden(&path) {
                subdirs.push(path);
            }
        }
        subdirs.sort();
        if subdirs.is_empty() {
            return Err(DatasetError::NoTopics(dir.to_path_buf()));
        }
        let mut topics = Vec::new();
        let mut skipped = Vec::new();
        let mut first_error = None;
        for subdir in &subdirs {
            match Topic::open(subdir) {
                Ok(topic) => topics.push(topic),
                Err(e) => {
                    skipped.push(SkippedTopic {
                        dir: subdir.clone(),
                        reason: e.to_string(),
                    });
                    first_error.get_or_insert(e);
                }
            }
        }
        if let (true, Some(e)) = (topics.is_empty(), first_error) {
            return Err(e);
        }
        Ok(Dataset {
            name: folder_name(dir),
            dir: dir.to_path_buf(),
            topics,
            skipped,
        })
    }

    /// The topic named `name`.
    pub fn topic(&self, name: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.name == name)
    }
}

impl Topic {
    /// Opens one topic folder.
    pub fn open(dir: impl AsRef<Path>) -> Result<Topic, DatasetError> {
        let dir = dir.as_ref();
        let meta = std::fs::metadata(dir).map_err(io(dir))?;
        if !meta.is_dir() {
            return Err(DatasetError::NotADirectory(dir.to_path_buf()));
        }
        let input_dir = dir.join("InputDocs");
        if !input_dir.is_dir() {
            return Err(DatasetError::MissingInputDocs(dir.to_path_buf()));
        }
        let keywords_path = dir.join("keywords.json");
        let keywords = match std::fs::read(&keywords_path) {
            Ok(bytes) => {
                // A byte-order mark, as Windows editors and Python's utf-8-sig write it,
                // is no part of the JSON.
                let json = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
                serde_json::from_slice(json).map_err(|source| DatasetError::BadKeywords {
                    path: keywords_path.clone(),
                    source,
                })?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(io(&keywords_path)(e)),
        };
        let timelines_dir = dir.join("timelines");
        let mut timelines = Vec::new();
        if timelines_dir.is_dir() {
            for entry in std::fs::read_dir(&timelines_dir).map_err(io(&timelines_dir))? {
                let path = entry.map_err(io(&timelines_dir))?.path();
                if path.is_file() && !is_hidden(&path) {
                    timelines.push(path);
                }
            }
            timelines.sort();
        }
        Ok(Topic {
            name: folder_name(dir),
            dir: dir.to_path_buf(),
            keywords,
            timelines,
            input_dir,
        })
    }

    /// Reads the topic's articles (`InputDocs/`); see [`crate::read_inputs`].
    pub fn read_articles(&self) -> ReadReport {
        self.read_articles_with_progress(&mut |_, _| {})
    }

    /// Like [`Topic::read_articles`], calling `progress(files_done, files_total)`.
    pub fn read_articles_with_progress(
        &self,
        progress: &mut dyn FnMut(usize, usize),
    ) -> ReadReport {
        read_inputs_with_progress(&[&self.input_dir], progress)
    }

    /// The name of a gold timeline file without extension (e.g. `bbc`), as benchmarks
    /// report them.
    pub fn timeline_name(path: &Path) -> String {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(root: &Path, name: &str) -> PathBuf {
        let dir = root.join(name);
        std::fs::create_dir_all(dir.join("InputDocs/2010-01-01")).unwrap();
        std::fs::write(
            dir.join("InputDocs/2010-01-01/a-1.txt"),
            format!("{name} text .\n"),
        )
        .unwrap();
        dir
    }

    #[test]
    fn keywords_with_a_byte_order_mark_are_read() {
        let tmp = tempfile::tempdir().unwrap();
        let a = topic(tmp.path(), "a");
        std::fs::write(a.join("keywords.json"), "\u{feff}[\"morte\", \"covid\"]").unwrap();
        let ds = Dataset::open(tmp.path()).unwrap();
        assert_eq!(ds.topic("a").unwrap().keywords, ["morte", "covid"]);
    }

    #[test]
    fn opens_sorted_topics_with_optional_parts() {
        let tmp = tempfile::tempdir().unwrap();
        let b = topic(tmp.path(), "b");
        topic(tmp.path(), "a");
        std::fs::create_dir(tmp.path().join(".git")).unwrap();
        std::fs::write(tmp.path().join("README.md"), "x").unwrap();
        std::fs::write(b.join("keywords.json"), r#"["x", "y"]"#).unwrap();
        std::fs::create_dir(b.join("timelines")).unwrap();
        std::fs::write(b.join("timelines/z.txt"), "").unwrap();
        std::fs::write(b.join("timelines/m.txt"), "").unwrap();
        let ds = Dataset::open(tmp.path()).unwrap();
        let names: Vec<&str> = ds.topics.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
        assert!(ds.topics[0].keywords.is_empty() && ds.topics[0].timelines.is_empty());
        let b = ds.topic("b").unwrap();
        assert_eq!(b.keywords, ["x", "y"]);
        let tl: Vec<String> = b
            .timelines
            .iter()
            .map(|p| Topic::timeline_name(p))
            .collect();
        assert_eq!(tl, ["m", "z"]);
        assert_eq!(b.read_articles().articles[0].text, "b text .");
    }

    #[test]
    fn clear_errors_outside_the_layout() {
        let tmp = tempfile::tempdir().unwrap();
        let err = |p: &Path| Dataset::open(p).unwrap_err();
        assert!(matches!(
            err(&tmp.path().join("nope")),
            DatasetError::Io { .. }
        ));
        assert!(matches!(err(tmp.path()), DatasetError::NoTopics(_)));
        let file = tmp.path().join("f.txt");
        std::fs::write(&file, "x").unwrap();
        assert!(matches!(err(&file), DatasetError::NotADirectory(_)));
        let t = topic(tmp.path(), "t");
        assert!(matches!(err(&t), DatasetError::IsATopic(_)));
        // A folder that is no topic is left out, with why; the others open.
        std::fs::create_dir(tmp.path().join("stray")).unwrap();
        let ds = Dataset::open(tmp.path()).unwrap();
        assert_eq!(ds.topics.len(), 1);
        assert_eq!(ds.skipped.len(), 1);
        assert!(ds.skipped[0].dir.ends_with("stray"));
        assert!(
            ds.skipped[0].reason.contains("no InputDocs/"),
            "{:?}",
            ds.skipped
        );
        // With no topic left, opening fails with the first folder's error.
        std::fs::write(t.join("keywords.json"), "{\"bp\": 1}").unwrap();
        let e = err(tmp.path());
        assert!(matches!(&e, DatasetError::MissingInputDocs(p) if p.ends_with("stray")));
        std::fs::remove_dir(tmp.path().join("stray")).unwrap();
        assert!(matches!(err(tmp.path()), DatasetError::BadKeywords { .. }));
    }
}
