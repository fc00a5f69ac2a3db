//! Timeline evaluation exactly as Python tilse 0.2.1 with Perl ROUGE-1.5.5 computes it.
//!
//! Score one predicted timeline against a gold one:
//!
//! ```
//! use chronicle_eval::{evaluate, timeline::parse_timeline};
//! let gold = parse_timeline("2010-04-20\nBP 's rig exploded .\n--------------------------------\n", None);
//! let pred = parse_timeline("2010-04-20\nThe rig exploded .\n--------------------------------\n", None);
//! let scores = evaluate(&pred.timeline, &gold.timeline);
//! assert_eq!(scores.date.f_score, 1.0);
//! assert_eq!(scores.align_m1_rouge_1.precision, 1.0);
//! ```
//!
//! Modules: [`tokenize`] and [`stem`] (ROUGE's text processing), [`rouge`] (n-gram
//! counts), [`timeline`] (tilse text format), [`metrics`] (concat, agreement,
//! align+ m:1, dates), [`report`] (folders of tasks, averages, `scores.json` shape).

#![warn(missing_docs)]

pub mod error;
pub mod metrics;
pub mod report;
pub mod rouge;
pub mod stem;
pub mod timeline;
pub mod tokenize;

pub use error::EvalError;
pub use metrics::{Prf, RougeScores, Scores, Task, evaluate};
pub use report::{
    Notice, Report, TaskReport, evaluate_dirs, evaluate_dirs_with, gold_letter_share,
};
pub use timeline::{
    ParseWarning, Parsed, Timeline, parse_timeline, read_timeline_file, to_tilse_string,
    write_task_timeline, write_timeline_file,
};
pub use tokenize::TokenRule;
