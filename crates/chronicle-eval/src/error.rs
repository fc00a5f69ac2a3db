//! Errors of the evaluation crate.

use std::path::PathBuf;

/// What can stop an evaluation. Malformed timeline text is not an error: it is read
/// leniently and reported as [`crate::timeline::ParseWarning`]s.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The gold folder holds no `<topic>/<name>.txt` timeline.
    #[error("no gold timelines (<topic>/<name>.txt) under {}", .0.display())]
    NoGoldTimelines(PathBuf),
    /// A JSON report could not be written.
    #[error("cannot write JSON report: {0}")]
    Json(#[from] serde_json::Error),
}
