//! Per-task and average scores of a folder of predictions against a folder of gold
//! timelines, in the JSON shape of tilse's `scores.json`, and as a text table.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::EvalError;
use crate::metrics::{Scores, Task};
use crate::timeline::{ParseWarning, Timeline, read_timeline_file};
use crate::tokenize::TokenRule;

/// The scores of one task (one gold timeline).
///
/// ```
/// use chronicle_eval::{TaskReport, timeline::parse_timeline};
/// let gold = parse_timeline("2010-04-20\nOil leaked .\n--------------------------------\n", None).timeline;
/// let t = TaskReport::new("bpoil/bbc", &gold, &gold);
/// assert_eq!((t.gold_dates, t.pred_dates), (1, 1));
/// assert_eq!(t.scores.date.f_score, 1.0);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaskReport {
    /// `topic/name`.
    pub task: String,
    /// Number of gold dates.
    pub gold_dates: usize,
    /// Number of predicted dates.
    pub pred_dates: usize,
    /// Every metric.
    #[serde(flatten)]
    pub scores: Scores,
}

impl TaskReport {
    /// Scores `pred` against `gold` as task `task`.
    pub fn new(task: impl Into<String>, pred: &Timeline, gold: &Timeline) -> Self {
        TaskReport::with_tokens(task, pred, gold, TokenRule::Rouge155)
    }

    /// Like [`TaskReport::new`], with the ROUGE tokens of `rule`.
    pub fn with_tokens(
        task: impl Into<String>,
        pred: &Timeline,
        gold: &Timeline,
        rule: TokenRule,
    ) -> Self {
        TaskReport {
            task: task.into(),
            gold_dates: gold.len(),
            pred_dates: pred.len(),
            scores: Task::with_tokens(pred, gold, rule).scores(),
        }
    }
}

/// Scores of all tasks and their average (`scores.json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Tasks, ordered by name.
    pub tasks: Vec<TaskReport>,
    /// Precision and recall averaged over tasks, F1 from the averages.
    pub average: Scores,
    /// Number of tasks.
    pub n_tasks: usize,
}

impl Report {
    /// Builds the report and its average from task reports (sorted by task name).
    ///
    /// ```
    /// use chronicle_eval::{Report, TaskReport, Timeline};
    /// let r = Report::from_tasks(vec![TaskReport::new("t/a", &Timeline::new(), &Timeline::new())]);
    /// assert_eq!(r.n_tasks, 1);
    /// assert!(r.to_json().unwrap().contains("\"align_m1.rouge_1\""));
    /// ```
    pub fn from_tasks(mut tasks: Vec<TaskReport>) -> Self {
        tasks.sort_by(|a, b| a.task.cmp(&b.task));
        let all: Vec<Scores> = tasks.iter().map(|t| t.scores).collect();
        Report {
            average: Scores::average(&all),
            n_tasks: tasks.len(),
            tasks,
        }
    }

    /// The report as JSON, indented like tilse's `scores.json`.
    pub fn to_json(&self) -> Result<String, EvalError> {
        let mut buf = Vec::new();
        let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
        self.serialize(&mut ser)?;
        buf.push(b'\n');
        // serde_json only writes valid UTF-8.
        Ok(String::from_utf8_lossy(&buf).into_owned())
    }

    /// A per-task table (align+ m:1 ROUGE-1/2 F and date F1 first) and the averages.
    pub fn to_table(&self) -> String {
        let width = self
            .tasks
            .iter()
            .map(|t| t.task.len())
            .max()
            .unwrap_or(4)
            .max("average".len());
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<width$}  {:>5} {:>5}  {:>6} {:>6} {:>6}  {:>6} {:>6}  {:>6} {:>6}",
            "task", "gold", "pred", "AR1-F", "AR2-F", "Date-F", "C1-F", "C2-F", "A1-F", "A2-F"
        );
        let row = |out: &mut String, name: &str, g: String, p: String, s: &Scores| {
            let _ = writeln!(
                out,
                "{:<width$}  {:>5} {:>5}  {:>6.4} {:>6.4} {:>6.4}  {:>6.4} {:>6.4}  {:>6.4} {:>6.4}",
                name,
                g,
                p,
                s.align_m1_rouge_1.f_score,
                s.align_m1_rouge_2.f_score,
                s.date.f_score,
                s.concat_rouge_1.f_score,
                s.concat_rouge_2.f_score,
                s.agreement_rouge_1.f_score,
                s.agreement_rouge_2.f_score,
            );
        };
        for t in &self.tasks {
            row(
                &mut out,
                &t.task,
                t.gold_dates.to_string(),
                t.pred_dates.to_string(),
                &t.scores,
            );
        }
        let _ = writeln!(out, "{}", "-".repeat(width + 70));
        row(
            &mut out,
            "average",
            String::new(),
            String::new(),
            &self.average,
        );
        let _ = writeln!(out);
        let _ = writeln!(out, "average over {} task(s):", self.n_tasks);
        for (name, prf) in self.average.entries() {
            let _ = writeln!(
                out,
                "  {:<18} P {:.4}  R {:.4}  F {:.4}",
                name, prf.precision, prf.recall, prf.f_score
            );
        }
        out
    }
}

/// `<topic>/<name>.txt` files under `root`, as (`topic/name`, path), sorted.
fn task_files(root: &Path) -> Result<Vec<(String, PathBuf)>, EvalError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EvalError::Io { path, source }
    };
    let mut out = Vec::new();
    for topic in fs::read_dir(root).map_err(io(root))? {
        let topic = topic.map_err(io(root))?.path();
        if !topic.is_dir() {
            continue;
        }
        let Some(topic_name) = topic.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        for file in fs::read_dir(&topic).map_err(io(&topic))? {
            let file = file.map_err(io(&topic))?.path();
            if !file.is_file() || file.extension().and_then(|e| e.to_str()) != Some("txt") {
                continue;
            }
            if let Some(stem) = file.file_stem().and_then(|n| n.to_str()) {
                out.push((format!("{topic_name}/{stem}"), file));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Something to tell the user that did not stop the evaluation.
///
/// ```
/// use chronicle_eval::Notice;
/// let n = Notice::MissingPrediction("bpoil/bbc".into());
/// assert!(n.to_string().starts_with("bpoil/bbc: no prediction"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A problem in a timeline file.
    Parse(ParseWarning),
    /// A gold task has no prediction: it scores zero.
    MissingPrediction(String),
    /// A prediction has no gold timeline: it is ignored.
    UnusedPrediction(String),
    /// A gold file that cannot be read or has no dated entry: the task is left out of
    /// the averages.
    SkippedGold {
        /// The task (`<topic>/<name>`).
        task: String,
        /// Why.
        reason: String,
    },
    /// A prediction file that cannot be read: the task scores zero.
    UnreadablePrediction {
        /// The task (`<topic>/<name>`).
        task: String,
        /// Why.
        reason: String,
    },
    /// The gold summaries are largely in a script ROUGE-1.5.5 cannot read (see
    /// [`TokenRule::Rouge155`]): its scores undercount them.
    ScriptUnreadByRouge {
        /// Percentage of the gold summaries' letters outside ASCII.
        percent: u32,
    },
}

/// The share of letters outside ASCII from which [`TokenRule::Rouge155`] is worth a
/// warning: Latin-script languages stay far below it (French a few per cent), other
/// scripts far above.
const UNREAD_SCRIPT_SHARE: f64 = 0.2;

impl Notice {
    /// A [`Notice::ScriptUnreadByRouge`] when `rule` cannot read the gold summaries of
    /// the tasks scored, given each task's share of letters outside ASCII
    /// ([`gold_letter_share`]); their mean decides.
    ///
    /// ```
    /// use chronicle_eval::{Notice, TokenRule};
    /// assert!(Notice::for_script(&[0.9], TokenRule::Rouge155).is_some());
    /// assert!(Notice::for_script(&[0.9], TokenRule::Unicode).is_none());
    /// assert!(Notice::for_script(&[0.03], TokenRule::Rouge155).is_none());
    /// assert!(Notice::for_script(&[], TokenRule::Rouge155).is_none());
    /// ```
    pub fn for_script(task_shares: &[f64], rule: TokenRule) -> Option<Notice> {
        let share = task_shares.iter().sum::<f64>() / task_shares.len().max(1) as f64;
        (rule == TokenRule::Rouge155 && share > UNREAD_SCRIPT_SHARE).then(|| {
            Notice::ScriptUnreadByRouge {
                percent: (share * 100.0).round() as u32,
            }
        })
    }
}

impl Notice {
    /// Whether the notice reports an error in the input (the scores leave something out
    /// or count it as zero), not merely a repaired detail.
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            Notice::SkippedGold { .. } | Notice::UnreadablePrediction { .. }
        )
    }
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::Parse(w) => write!(f, "{w}"),
            Notice::MissingPrediction(t) => write!(
                f,
                "{t}: no prediction; scored as an empty timeline (all zeros)"
            ),
            Notice::UnusedPrediction(t) => {
                write!(f, "{t}: prediction has no gold timeline; ignored")
            }
            Notice::SkippedGold { task, reason } => {
                write!(f, "{task}: {reason}; the task is left out of the averages")
            }
            Notice::UnreadablePrediction { task, reason } => {
                write!(
                    f,
                    "{task}: {reason}; scored as an empty timeline (all zeros)"
                )
            }
            Notice::ScriptUnreadByRouge { percent } => write!(
                f,
                "{percent} % of the gold summaries' letters are outside ASCII, which \
                 ROUGE-1.5.5 does not read: its scores undercount here (date F1 is \
                 unaffected); `--rouge-tokens unicode` counts the words of every script \
                 (not comparable with published ROUGE-1.5.5 numbers)"
            ),
        }
    }
}

/// Scores every `<topic>/<name>.txt` of `pred_dir` against the gold file of the same name
/// in `gold_dir` (one task per gold file; a missing prediction scores zero).
///
/// A gold file that cannot be read or has no dated entry leaves its task out, and an
/// unreadable prediction scores zero, each with a [`Notice`] (see [`Notice::is_error`]).
/// Errors when a folder cannot be read or no gold timeline can be scored.
pub fn evaluate_dirs(gold_dir: &Path, pred_dir: &Path) -> Result<(Report, Vec<Notice>), EvalError> {
    evaluate_dirs_with(gold_dir, pred_dir, TokenRule::Rouge155)
}

/// Like [`evaluate_dirs`], with the ROUGE tokens of `rule`.
pub fn evaluate_dirs_with(
    gold_dir: &Path,
    pred_dir: &Path,
    rule: TokenRule,
) -> Result<(Report, Vec<Notice>), EvalError> {
    let gold_files = task_files(gold_dir)?;
    if gold_files.is_empty() {
        return Err(EvalError::NoGoldTimelines(gold_dir.to_path_buf()));
    }
    let pred_files = task_files(pred_dir)?;
    let mut notices = Vec::new();
    let mut tasks = Vec::new();
    let mut shares = Vec::new();
    for (task, gold_path) in &gold_files {
        let gold = match read_timeline_file(gold_path) {
            Ok(gold) => gold,
            Err(e) => {
                notices.push(Notice::SkippedGold {
                    task: task.clone(),
                    reason: e.to_string(),
                });
                continue;
            }
        };
        notices.extend(gold.warnings.into_iter().map(Notice::Parse));
        if gold.timeline.is_empty() {
            notices.push(Notice::SkippedGold {
                task: task.clone(),
                reason: format!("{} has no dated entry", gold_path.display()),
            });
            continue;
        }
        let pred = match pred_files.binary_search_by(|(t, _)| t.cmp(task)) {
            Ok(i) => match read_timeline_file(&pred_files[i].1) {
                Ok(parsed) => {
                    notices.extend(parsed.warnings.into_iter().map(Notice::Parse));
                    parsed.timeline
                }
                Err(e) => {
                    notices.push(Notice::UnreadablePrediction {
                        task: task.clone(),
                        reason: e.to_string(),
                    });
                    Timeline::new()
                }
            },
            Err(_) => {
                notices.push(Notice::MissingPrediction(task.clone()));
                Timeline::new()
            }
        };
        shares.push(gold_letter_share(&gold.timeline));
        tasks.push(TaskReport::with_tokens(
            task.clone(),
            &pred,
            &gold.timeline,
            rule,
        ));
    }
    for (task, _) in &pred_files {
        if gold_files.binary_search_by(|(t, _)| t.cmp(task)).is_err() {
            notices.push(Notice::UnusedPrediction(task.clone()));
        }
    }
    if tasks.is_empty() {
        return Err(EvalError::NoScorableTask {
            dir: gold_dir.to_path_buf(),
            reasons: notices
                .iter()
                .filter(|n| n.is_error())
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        });
    }
    notices.extend(Notice::for_script(&shares, rule));
    Ok((Report::from_tasks(tasks), notices))
}

/// The share of a gold timeline's letters outside ASCII (see
/// [`crate::tokenize::non_ascii_letter_share`]).
pub fn gold_letter_share(gold: &Timeline) -> f64 {
    crate::tokenize::non_ascii_letter_share(gold.values().flatten().map(String::as_str))
}
