//! One module per subcommand: argument definitions and the glue to the library crates.

pub mod bench;
pub mod eval;
pub mod ingest;
pub mod reanalyse;
pub mod search;
pub mod serve;
pub mod stats;
pub mod synth;
pub mod tag;
pub mod timeline;

/// An error and its causes on one line, as `{:#}` prints them, less a cause that the
/// error wrapping it already quotes ("cannot read DIR: No such file or directory" is not
/// followed by "No such file or directory" again).
pub fn error_message(err: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

/// A progress bar on standard error drawn with `template` (indicatif's syntax), or a
/// hidden one with `--quiet` (indicatif hides it too when stderr is not a terminal).
fn progress_bar(quiet: bool, template: &str) -> indicatif::ProgressBar {
    if quiet {
        return indicatif::ProgressBar::hidden();
    }
    indicatif::ProgressBar::new(0).with_style(
        indicatif::ProgressStyle::with_template(template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    )
}

/// Input files or lines named for one reason before the rest are counted: an archive
/// with thousands of empty files should not bury the output.
const NAMED_PER_REASON: usize = 10;

/// Names on standard error (also with `--quiet`) each input file or line that was
/// skipped, and each read despite a fault (a text file that is not UTF-8), up to
/// [`NAMED_PER_REASON`] for one reason; the others are counted.
fn report_read_problems(report: &chronicle_ingest::ReadReport) {
    print_per_reason(&report.problems, "warning", " (skipped)");
    print_per_reason(&report.notes, "note", "");
}

fn print_per_reason(problems: &[chronicle_ingest::Problem], level: &str, suffix: &str) {
    let mut named: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut unnamed: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for problem in problems {
        let seen = named.entry(problem.reason.as_str()).or_default();
        *seen += 1;
        if *seen <= NAMED_PER_REASON {
            eprintln!("{level}: {problem}{suffix}");
        } else {
            *unnamed.entry(problem.reason.as_str()).or_default() += 1;
        }
    }
    for (reason, n) in unnamed {
        eprintln!("{level}: {n} more input(s) for the same reason: {reason}{suffix}");
    }
}

/// Warns (on standard error, also with `--quiet`) when a store was made by an older
/// build: its timelines lack what this build finds in text, such as chronology entries,
/// until it is reanalysed (`chronicle reanalyse`); an older full-text index ranks
/// articles in other languages after English ones until it is rebuilt (the same
/// command).
fn warn_if_store_is_older(store: &chronicle_store::Store) -> anyhow::Result<()> {
    let version = store.analysis_version()?;
    let current = chronicle_engine::corpus::ANALYSIS_VERSION;
    let dir = store.dir().display();
    if version < current {
        eprintln!(
            "warning: the store {dir} was analysed by an older Chronicle (analysis version \
             {version}, this build {current}); its timelines can differ from those built \
             from the same files: run `chronicle reanalyse --store {dir}` to bring it up to \
             date",
        );
    } else if store.index_is_outdated() {
        eprintln!(
            "warning: the full-text index of the store {dir} was made by an older \
             Chronicle: searches rank articles in other languages than English after the \
             English ones and can miss Chinese or Japanese words; run `chronicle reanalyse \
             --store {dir}` to rebuild it",
        );
    }
    Ok(())
}

#[cfg(test)]
mod error_tests {
    use super::error_message;
    use anyhow::Context;

    #[test]
    fn a_cause_already_quoted_is_not_repeated() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        /// An error that quotes its source in its message, as the library errors do.
        #[derive(Debug)]
        struct Quoting {
            source: std::io::Error,
        }
        impl std::fmt::Display for Quoting {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "cannot read data: {}", self.source)
            }
        }
        impl std::error::Error for Quoting {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&self.source)
            }
        }
        let err = Err::<(), _>(Quoting { source: io })
            .context("cannot open the dataset")
            .unwrap_err();
        assert_eq!(
            error_message(&err),
            "cannot open the dataset: cannot read data: no such file"
        );
        // Causes that are not quoted are all kept, as `{:#}` keeps them.
        let err = Err::<(), _>(std::io::Error::other("disk full"))
            .context("writing out.txt")
            .unwrap_err();
        assert_eq!(error_message(&err), "writing out.txt: disk full");
    }
}
