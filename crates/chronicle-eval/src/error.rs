//! Errors of the evaluation crate.

use std::path::PathBuf;

/// What can stop an evaluation. Malformed timeline text is not an error: it is read
/// leniently and reported as [`crate::timeline::ParseWarning`]s.
///
/// ```
/// use chronicle_eval::{EvalError, evaluate_dirs};
/// let dir = std::env::temp_dir().join("chronicle-eval-doc-empty-gold");
/// std::fs::create_dir_all(&dir).unwrap();
/// let err = evaluate_dirs(&dir, &dir).unwrap_err();
/// assert!(matches!(err, EvalError::NoGoldTimelines(_)));
/// ```
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
    /// Every gold timeline under the folder was left out (unreadable or without dates).
    #[error("no gold timeline under {} could be scored: {reasons}", dir.display())]
    NoScorableTask {
        /// The gold folder.
        dir: PathBuf,
        /// Each left-out task and why.
        reasons: String,
    },
    /// A JSON report could not be written.
    #[error("cannot write JSON report: {0}")]
    Json(#[from] serde_json::Error),
}
