//! The tilse timeline text format: read and write.
//!
//! ```text
//! 2010-04-20
//! First sentence of the summary for that date .
//! --------------------------------
//! ```
//!
//! Reading follows tilse's `Timeline.from_file` on well-formed files (lines split as
//! Python's `splitlines`, stripped, date lines parsed as `strptime('%Y-%m-%d')`, a date
//! given twice keeps its last block). Where tilse would crash or silently lose text, the
//! reader keeps going and reports a [`ParseWarning`] with the line number instead.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::EvalError;
use crate::tokenize::py_strip;

/// A timeline: dates to summaries, each summary a list of sentences (tokens separated by
/// spaces, as in the T17 data).
///
/// ```
/// use chronicle_eval::Timeline;
/// use chrono::NaiveDate;
/// let mut tl = Timeline::new();
/// tl.insert(NaiveDate::from_ymd_opt(2010, 4, 20).unwrap(), vec!["The rig exploded .".into()]);
/// assert_eq!(tl.len(), 1);
/// ```
pub type Timeline = BTreeMap<NaiveDate, Vec<String>>;

/// The line that ends each date's block.
pub const SEPARATOR: &str = "--------------------------------";

/// Something odd in a timeline file that did not stop it from being read.
///
/// ```
/// use chronicle_eval::timeline::parse_timeline;
/// use std::path::Path;
/// let parsed = parse_timeline("2010-13-01\nA sentence .\n", Some(Path::new("tl.txt")));
/// assert!(parsed.timeline.is_empty());
/// assert_eq!(
///     parsed.warnings[0].to_string(),
///     "tl.txt:1: '2010-13-01' looks like a date but is not a valid YYYY-MM-DD date; read as a sentence"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseWarning {
    /// The file, where the text came from one.
    pub path: Option<PathBuf>,
    /// 1-based line number (0 for whole-file remarks such as invalid UTF-8).
    pub line: usize,
    /// What was wrong and what the reader did about it.
    pub message: String,
}

impl fmt::Display for ParseWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}:{}: {}", p.display(), self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

/// A parsed timeline with the warnings raised while reading it.
///
/// ```
/// use chronicle_eval::timeline::parse_timeline;
/// let parsed = parse_timeline("2010-04-20\nIt sank .\n", None); // no closing separator
/// assert_eq!(parsed.timeline.len(), 1);
/// assert_eq!(parsed.warnings.len(), 1);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// The timeline.
    pub timeline: Timeline,
    /// Problems found, in file order.
    pub warnings: Vec<ParseWarning>,
}

/// Python's `str.splitlines()` boundaries (what tilse's `readlines` on a codecs reader
/// splits on).
fn py_splitlines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\u{0b}'
                | '\u{0c}'
                | '\u{1c}'
                | '\u{1d}'
                | '\u{1e}'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            lines.push(&text[start..i]);
            let mut end = i + c.len_utf8();
            if c == '\r'
                && let Some(&(j, '\n')) = chars.peek()
            {
                chars.next();
                end = j + 1;
            }
            start = end;
        }
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// Parses a number of 1..=`max` written as Python's strptime accepts it for `%m`/`%d`:
/// one or two ASCII digits (`%d` also takes a space then a digit).
fn parse_small(s: &str, max: u32, allow_space: bool) -> Option<u32> {
    let b = s.as_bytes();
    let digits = match b {
        [d] if d.is_ascii_digit() => s,
        [b' ', d] if allow_space && d.is_ascii_digit() => &s[1..],
        [a, d] if a.is_ascii_digit() && d.is_ascii_digit() => s,
        _ => return None,
    };
    let n: u32 = digits.parse().ok()?;
    (1..=max).contains(&n).then_some(n)
}

/// `datetime.strptime(line, '%Y-%m-%d')`: four-digit year, month and day of one or two
/// digits; `None` for anything else, including impossible dates.
///
/// ```
/// use chronicle_eval::timeline::parse_date_line;
/// use chrono::NaiveDate;
/// assert_eq!(parse_date_line("2010-04-20"), NaiveDate::from_ymd_opt(2010, 4, 20));
/// assert_eq!(parse_date_line("2010-4-2"), NaiveDate::from_ymd_opt(2010, 4, 2));
/// assert_eq!(parse_date_line("2011-02-30"), None);
/// assert_eq!(parse_date_line("2011-04-0"), None);
/// ```
pub fn parse_date_line(line: &str) -> Option<NaiveDate> {
    let mut parts = line.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let month = parse_small(m, 12, false)?;
    let day = parse_small(d, 31, true)?;
    if year == 0 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A line that was probably meant as a date (digits and dashes, starting with a year).
fn looks_like_date(line: &str) -> bool {
    line.len() >= 6
        && line.len() <= 12
        && line.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && line.as_bytes()[4] == b'-'
        && line
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'-' || b == b' ')
}

struct Block {
    date: Option<(NaiveDate, usize)>,
    sentences: Vec<String>,
    first_text_line: Option<usize>,
}

impl Block {
    fn new() -> Self {
        Block {
            date: None,
            sentences: Vec::new(),
            first_text_line: None,
        }
    }
}

struct Reader<'a> {
    path: Option<&'a Path>,
    parsed: Parsed,
    /// Line where each date's kept block started, to report duplicates.
    seen: BTreeMap<NaiveDate, usize>,
    /// Date lines with no sentence after them; reported once per file, since systems
    /// legitimately output such dates (they still count as predicted dates).
    empty_dates: Vec<usize>,
}

impl Reader<'_> {
    fn warn(&mut self, line: usize, message: String) {
        self.parsed.warnings.push(ParseWarning {
            path: self.path.map(Path::to_path_buf),
            line,
            message,
        });
    }

    fn close(&mut self, block: Block, end_line: usize) {
        match block.date {
            Some((date, line)) => {
                if block.sentences.is_empty() {
                    self.empty_dates.push(line);
                }
                if let Some(&prev) = self.seen.get(&date) {
                    // The reference scores (scores.json) were computed with the blocks of a
                    // repeated date merged, which also loses no text.
                    self.warn(
                        line,
                        format!("date {date} given again (first at line {prev}); its sentences are appended to the earlier block"),
                    );
                } else {
                    self.seen.insert(date, line);
                }
                self.parsed
                    .timeline
                    .entry(date)
                    .or_default()
                    .extend(block.sentences);
            }
            None => {
                if let Some(first) = block.first_text_line {
                    self.warn(
                        first,
                        format!(
                            "{} sentence(s) before line {end_line} have no date line; skipped",
                            block.sentences.len()
                        ),
                    );
                }
            }
        }
    }
}

/// Parses tilse timeline text. Never fails: problems become warnings.
///
/// ```
/// use chronicle_eval::timeline::parse_timeline;
/// let text = "2010-04-20\nThe rig exploded .\n--------------------------------\n\
///             2010-04-22\nIt sank .\nOil leaked .\n--------------------------------\n";
/// let parsed = parse_timeline(text, None);
/// assert!(parsed.warnings.is_empty());
/// assert_eq!(parsed.timeline.len(), 2);
/// assert_eq!(parsed.timeline.values().last().unwrap().len(), 2);
/// ```
pub fn parse_timeline(text: &str, path: Option<&Path>) -> Parsed {
    let mut r = Reader {
        path,
        parsed: Parsed::default(),
        seen: BTreeMap::new(),
        empty_dates: Vec::new(),
    };
    let mut block = Block::new();
    // A leading byte-order mark (Windows editors, Python's utf-8-sig) is skipped; tilse
    // would read it as part of the first line and lose the first date.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = py_splitlines(text);
    let n_lines = lines.len();
    for (idx, raw) in lines.into_iter().enumerate() {
        let lineno = idx + 1;
        let line = py_strip(raw);
        if line == SEPARATOR {
            let done = std::mem::replace(&mut block, Block::new());
            r.close(done, lineno);
            continue;
        }
        if let Some(date) = parse_date_line(line) {
            if let Some((prev, _)) = block.date {
                // tilse would move the sentences read so far to the new date and lose the
                // old one; treating the date line as an implicit separator loses nothing.
                r.warn(
                    lineno,
                    format!(
                        "date line without a separator after the block of {prev}; block closed here"
                    ),
                );
                let done = std::mem::replace(&mut block, Block::new());
                r.close(done, lineno);
            } else if let Some(first) = block.first_text_line {
                r.warn(
                    first,
                    format!(
                        "{} sentence(s) before the date line at line {lineno}; skipped",
                        block.sentences.len()
                    ),
                );
                block = Block::new();
            }
            block.date = Some((date, lineno));
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if looks_like_date(line) {
            r.warn(
                lineno,
                format!("'{line}' looks like a date but is not a valid YYYY-MM-DD date; read as a sentence"),
            );
        }
        block.first_text_line.get_or_insert(lineno);
        block.sentences.push(line.to_string());
    }
    if block.date.is_some() || block.first_text_line.is_some() {
        if block.date.is_some() {
            r.warn(
                n_lines,
                "last block has no closing separator line; kept".to_string(),
            );
        }
        r.close(block, n_lines);
    }
    if let Some(&first) = r.empty_dates.first() {
        let n = r.empty_dates.len();
        r.warn(
            first,
            format!(
                "{n} date(s) have no sentences (kept as dates with empty summaries; first here)"
            ),
        );
    }
    r.parsed
}

/// Reads a timeline file; bytes that are not UTF-8 are replaced (with a warning), as
/// tilse's `codecs.open(..., 'replace')` does.
pub fn read_timeline_file(path: &Path) -> Result<Parsed, EvalError> {
    let bytes = fs::read(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8_lossy(&bytes);
    let mut parsed = parse_timeline(&text, Some(path));
    if let std::borrow::Cow::Owned(_) = text {
        parsed.warnings.insert(
            0,
            ParseWarning {
                path: Some(path.to_path_buf()),
                line: 0,
                message: "file is not valid UTF-8; invalid bytes replaced by U+FFFD".to_string(),
            },
        );
    }
    Ok(parsed)
}

/// Writes a timeline in the tilse text format, dates in order. White space runs inside a
/// sentence (line breaks included) become single spaces and empty sentences are left out,
/// so the text reads back as the same timeline (the format cannot carry a sentence that
/// is itself a date line or the separator; such a sentence would read back as one).
///
/// ```
/// use chronicle_eval::timeline::{parse_timeline, to_tilse_string};
/// use chronicle_eval::Timeline;
/// use chrono::NaiveDate;
/// let mut tl = Timeline::new();
/// tl.insert(NaiveDate::from_ymd_opt(2010, 4, 20).unwrap(), vec!["The rig exploded .".into()]);
/// let text = to_tilse_string(&tl);
/// assert_eq!(text, "2010-04-20\nThe rig exploded .\n--------------------------------\n");
/// assert_eq!(parse_timeline(&text, None).timeline, tl);
/// ```
pub fn to_tilse_string(timeline: &Timeline) -> String {
    let mut out = String::new();
    for (date, sentences) in timeline {
        out.push_str(&date.format("%Y-%m-%d").to_string());
        out.push('\n');
        for s in sentences {
            let one_line: String = crate::tokenize::py_split(s).collect::<Vec<_>>().join(" ");
            if !one_line.is_empty() {
                out.push_str(&one_line);
                out.push('\n');
            }
        }
        out.push_str(SEPARATOR);
        out.push('\n');
    }
    out
}

/// Writes `timeline` to `path` in the tilse format, creating parent folders.
pub fn write_timeline_file(path: &Path, timeline: &Timeline) -> Result<(), EvalError> {
    let io = |source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
    {
        fs::create_dir_all(parent).map_err(io)?;
    }
    fs::write(path, to_tilse_string(timeline)).map_err(io)
}

/// Writes `timeline` as `<dir>/<task>.txt`, where `task` is `topic/name` (the layout
/// `chronicle eval --pred DIR` reads).
pub fn write_task_timeline(
    dir: &Path,
    task: &str,
    timeline: &Timeline,
) -> Result<PathBuf, EvalError> {
    let path = dir.join(format!("{task}.txt"));
    write_timeline_file(&path, timeline)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn duplicate_date_merges_blocks() {
        let t = "2010-01-01\na\n--------------------------------\n2010-01-01\nb\n--------------------------------\n";
        let p = parse_timeline(t, None);
        assert_eq!(
            p.timeline[&d(2010, 1, 1)],
            vec!["a".to_string(), "b".to_string()]
        );
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(p.warnings[0].line, 4);
    }

    #[test]
    fn bad_date_line_is_reported() {
        let t = "2011-04-0\nsomething .\n--------------------------------\n";
        let p = parse_timeline(t, Some(Path::new("x.txt")));
        assert!(p.timeline.is_empty());
        assert!(
            p.warnings[0]
                .to_string()
                .starts_with("x.txt:1: '2011-04-0' looks like a date")
        );
        assert_eq!(p.warnings.len(), 2);
    }

    #[test]
    fn missing_separators_and_empty_dates() {
        let t = "2010-01-01\na\n2010-01-02\n\n2010-01-03\r\nc\r\n";
        let p = parse_timeline(t, None);
        assert_eq!(p.timeline.len(), 3);
        assert!(p.timeline[&d(2010, 1, 2)].is_empty());
        assert_eq!(p.timeline[&d(2010, 1, 3)], vec!["c".to_string()]);
        assert!(
            p.warnings
                .iter()
                .any(|w| w.message.contains("no sentences"))
        );
        assert!(
            p.warnings
                .iter()
                .any(|w| w.message.contains("closing separator"))
        );
    }

    #[test]
    fn strips_python_whitespace() {
        let t = "  2010-01-01 \n\u{a0}a b\u{1f}\n--------------------------------   \n";
        let p = parse_timeline(t, None);
        assert_eq!(p.timeline[&d(2010, 1, 1)], vec!["a b".to_string()]);
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn invalid_utf8_is_read_lossily_with_a_warning() {
        let path =
            std::env::temp_dir().join(format!("chronicle-eval-utf8-{}.txt", std::process::id()));
        fs::write(
            &path,
            b"2010-01-01\nBP \xff\xfe oil .\n--------------------------------\n",
        )
        .unwrap();
        let p = read_timeline_file(&path).unwrap();
        let _ = fs::remove_file(&path);
        assert_eq!(
            p.timeline[&d(2010, 1, 1)],
            vec!["BP \u{fffd}\u{fffd} oil .".to_string()]
        );
        assert_eq!(p.warnings.len(), 1);
        assert!(p.warnings[0].message.contains("not valid UTF-8"));
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let parsed = parse_timeline(
            "\u{feff}2010-04-20\r\nThe rig exploded .\r\n--------------------------------\r\n",
            None,
        );
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        assert_eq!(parsed.timeline[&d(2010, 4, 20)], ["The rig exploded ."]);
    }

    #[test]
    fn missing_file_is_an_error() {
        let err = read_timeline_file(Path::new("/nonexistent/chronicle/x.txt")).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/chronicle/x.txt"));
    }

    #[test]
    fn splitlines_like_python() {
        assert_eq!(
            py_splitlines("a\r\nb\rc\u{2028}d\n"),
            vec!["a", "b", "c", "d"]
        );
        assert_eq!(py_splitlines(""), Vec::<&str>::new());
    }
}
