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

/// Names on standard error (also with `--quiet`) each input file or line that was
/// skipped, and each read despite a fault (a text file that is not UTF-8).
fn report_read_problems(report: &chronicle_ingest::ReadReport) {
    for problem in &report.problems {
        eprintln!("warning: {problem} (skipped)");
    }
    for note in &report.notes {
        eprintln!("note: {note}");
    }
}

/// Warns (on standard error, also with `--quiet`) when a store's articles were analysed
/// by an older build: its timelines lack what this build finds in text, such as
/// chronology entries, until it is reanalysed (`chronicle reanalyse`).
fn warn_if_analysis_is_older(store: &chronicle_store::Store) -> anyhow::Result<()> {
    let version = store.analysis_version()?;
    let current = chronicle_engine::corpus::ANALYSIS_VERSION;
    if version < current {
        eprintln!(
            "warning: the store {} was analysed by an older Chronicle (analysis version \
             {version}, this build {current}); its timelines can differ from those built \
             from the same files: run `chronicle reanalyse --store {}` to bring it up to \
             date",
            store.dir().display(),
            store.dir().display(),
        );
    }
    Ok(())
}
