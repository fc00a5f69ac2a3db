//! `chronicle timeline`: read articles, analyse them, build and render a timeline.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, bail};
use chronicle_engine::{Corpus, Format, TimelineOptions, build_timeline, render};
use chronicle_text::{Language, LanguagePolicy};
use chrono::NaiveDate;
use indicatif::ProgressBar;

const EXAMPLES: &str = "\
Examples:
  chronicle timeline examples/corpus
  chronicle timeline ../shared/seeds --dates 6 --format markdown
  chronicle timeline data/t17/bpoil --keywords bp,oil,spill --dates 20 --format tilse
  chronicle timeline --store news.store --query \"dam collapse\" --from 2024-03-01 --format json
  chronicle timeline articles.jsonl --query \"dam collapse\" --from 2024-03-01 --to 2024-06-30 --format json --output timeline.json";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Files or folders of articles: dated text files, JSON Lines (.jsonl, .jsonl.gz),
    /// news-tls JSONL, or a dataset folder (<topic>/InputDocs/<date>/<id>.txt).
    #[arg(required_unless_present = "store", value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Build the timeline from a corpus store (see `chronicle ingest`) instead of files:
    /// the topic's articles are selected from it, nothing is re-analysed.
    #[arg(long, value_name = "DIR", conflicts_with = "inputs")]
    store: Option<PathBuf>,

    /// With --store: read at most this many of the topic's matching articles, the most
    /// relevant (bounds time and memory on broad topics in a large archive).
    #[arg(long, value_name = "N", default_value_t = chronicle_store::DEFAULT_MAX_ARTICLES, requires = "store")]
    max_articles: usize,

    /// Keep sentences (and articles) containing one of these words, e.g. `bp,oil,spill`.
    #[arg(long, short, value_delimiter = ',', value_name = "WORDS")]
    keywords: Vec<String>,

    /// Free-text topic: keep articles matching most of its words.
    #[arg(long, short, value_name = "TEXT")]
    query: Option<String>,

    /// First day of the timeline (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    from: Option<NaiveDate>,

    /// Last day of the timeline (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    to: Option<NaiveDate>,

    /// Number of dates [default: chosen from the data].
    #[arg(long, short = 'n', value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    dates: Option<u32>,

    /// Sentences per date [default: 1 or 2, chosen per date].
    #[arg(long, short = 's', value_name = "K", value_parser = clap::value_parser!(u32).range(1..=100))]
    sentences: Option<u32>,

    /// Output format: text, markdown, json or tilse.
    #[arg(long, short, default_value = "text", value_parser = parse_format)]
    format: Format,

    /// Write the timeline to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Language of articles that do not declare one: `auto` identifies it from each
    /// article's text (English when it cannot be told), or one of en, es, fr, it, de,
    /// pt, nl, ru, ar, uk.
    #[arg(long, default_value = "auto", value_parser = parse_language_policy)]
    language: LanguagePolicy,

    /// No progress bars or summary line (problems with the input are still reported).
    #[arg(long)]
    quiet: bool,
}

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("'{s}' is not a date in YYYY-MM-DD form ({e})"))
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

pub(crate) fn parse_language(s: &str) -> Result<Language, String> {
    s.parse()
        .map_err(|e: chronicle_text::UnknownLanguage| e.to_string())
}

pub(crate) fn parse_language_policy(s: &str) -> Result<LanguagePolicy, String> {
    s.parse()
        .map_err(|e: chronicle_text::UnknownLanguage| e.to_string())
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let options = TimelineOptions {
        keywords: args.keywords.clone(),
        query: args.query.clone(),
        from: args.from,
        to: args.to,
        dates: args.dates.map(|n| n as usize),
        sentences: args.sentences.map(|n| n as usize),
        ..Default::default()
    };
    options.validate()?;
    if let Some(dir) = &args.store {
        return run_store(dir, &options, &args);
    }

    let report = read_with_progress(&args.inputs, args.quiet);
    super::report_read_problems(&report);
    if !args.quiet {
        eprintln!(
            "read {} articles from {} files ({} duplicates, {} skipped)",
            report.articles.len(),
            report.files,
            report.duplicates,
            report.problems.len()
        );
    }
    if report.articles.is_empty() {
        bail!(
            "no article could be read from {} (see the messages above); \
             inputs must be dated text files, JSON Lines or dataset folders",
            display_inputs(&args.inputs)
        );
    }

    let spinner = spinner(args.quiet, "analysing articles");
    let corpus = Corpus::analyse_with(report.articles, args.language);
    spinner.set_message("building the timeline");
    let timeline = build_timeline(&corpus, &options)?;
    spinner.finish_and_clear();
    if timeline.dates.is_empty() && !args.quiet {
        eprintln!("{}", why_no_dates(&timeline, &options));
    }

    write_timeline(&timeline, &args)
}

fn write_timeline(timeline: &chronicle_engine::Timeline, args: &Args) -> anyhow::Result<ExitCode> {
    let rendered = render(timeline, args.format);
    match &args.output {
        Some(path) => std::fs::write(path, rendered)
            .with_context(|| format!("cannot write the timeline to {}", path.display()))?,
        None => print!("{rendered}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// The timeline of a topic from a store: candidates from its index, records from SQLite.
fn run_store(dir: &Path, options: &TimelineOptions, args: &Args) -> anyhow::Result<ExitCode> {
    let store = chronicle_store::Store::open(dir)
        .with_context(|| format!("cannot open the store {}", dir.display()))?
        .with_max_articles(args.max_articles);
    super::warn_if_store_is_older(&store)?;
    let spinner = spinner(args.quiet, "selecting articles and building the timeline");
    let (timeline, coverage) = store.timeline_with_coverage(options)?;
    spinner.finish_and_clear();
    if coverage.truncated() {
        // Said even with --quiet: the timeline covers only part of the topic.
        eprintln!(
            "note: about {} articles match; the timeline read the {} most relevant \
             (raise --max-articles, narrow the topic or set --from/--to to cover more)",
            coverage.matched, coverage.read
        );
    }
    if !args.quiet {
        eprintln!("{} articles selected from the store", timeline.articles);
        if timeline.dates.is_empty() {
            eprintln!("{}", why_no_dates(&timeline, options));
        }
    }
    write_timeline(&timeline, args)
}

/// Why a timeline has no dates, and what to try.
fn why_no_dates(timeline: &chronicle_engine::Timeline, options: &TimelineOptions) -> String {
    let filtered = !options.keywords.is_empty() || options.query.is_some();
    match (timeline.articles, filtered) {
        (0, true) => "no dates found: no article matched the keywords/query in the window \
                      (try other keywords, or widen --from/--to)"
            .to_string(),
        (0, false) => "no dates found: no article was published in the window \
                       (widen --from/--to)"
            .to_string(),
        (n, _) => format!(
            "no dates found: {n} article(s) selected, but none has a sentence that can \
             summarise a date (sentences of 6 to 70 words, not headlines or questions)"
        ),
    }
}

fn display_inputs(inputs: &[PathBuf]) -> String {
    inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads the inputs, with a progress bar on stderr (hidden when stderr is not a
/// terminal or with `--quiet`).
pub(crate) fn read_with_progress(inputs: &[PathBuf], quiet: bool) -> chronicle_ingest::ReadReport {
    let bar = super::progress_bar(
        quiet,
        "{spinner} reading {pos}/{len} files [{bar:30}] {per_sec} eta {eta}",
    );
    let report = chronicle_ingest::read_inputs_with_progress(inputs, &mut |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    report
}

pub(crate) fn spinner(quiet: bool, message: &'static str) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let spinner = ProgressBar::new_spinner().with_message(message);
    spinner.enable_steady_tick(Duration::from_millis(120));
    spinner
}
