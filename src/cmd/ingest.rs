//! `chronicle ingest`: read inputs, analyse each new article once, and add it to a store.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use chronicle_store::{IngestOptions, Store};
use chronicle_text::Language;
use indicatif::{ProgressBar, ProgressStyle};

const EXAMPLES: &str = "\
Examples:
  chronicle ingest --store news.store examples/corpus
  chronicle ingest --store news.store ../shared/data/t17 feeds/ pages/*.html
  chronicle search --store news.store \"dam breach\"
  chronicle timeline --store news.store --keywords dam,breach --format json";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Store folder (created when absent).
    #[arg(long, value_name = "DIR")]
    store: PathBuf,

    /// Files or folders of articles: dated text, JSON Lines, news-tls JSONL, dataset
    /// folders, HTML pages, RSS/Atom feeds.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Language of articles that do not declare one (en, es, fr, it, de, pt, nl).
    #[arg(long, default_value = "en", value_parser = super::timeline::parse_language)]
    language: Language,

    /// Articles per transaction (each is committed atomically).
    #[arg(long, default_value_t = 1000, value_name = "N", hide = true)]
    batch: usize,

    /// No progress bars or summary (problems with the input are still reported).
    #[arg(long)]
    quiet: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    // Take the write lock first: a second writer fails before reading anything.
    let store = Store::create_or_open(&args.store)
        .with_context(|| format!("cannot open the store {}", args.store.display()))?;
    let read = super::timeline::read_with_progress(&args.inputs, args.quiet);
    for problem in &read.problems {
        eprintln!("warning: {problem} (skipped)");
    }
    if read.articles.is_empty() && !read.problems.is_empty() {
        bail!("no article could be read from the inputs (see the messages above)");
    }
    let read_articles = read.articles.len();
    let bar = if args.quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(read_articles as u64).with_style(
            ProgressStyle::with_template(
                "{spinner} ingesting {pos}/{len} articles [{bar:30}] {per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        )
    };
    let options = IngestOptions {
        default_language: args.language,
        batch: args.batch.max(1),
        ..IngestOptions::default()
    };
    let ingest_started = Instant::now();
    let report = store
        .ingest_with(read.articles, &options, &mut |done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        })
        .context("ingest failed (everything committed before the failure is kept)")?;
    bar.finish_and_clear();
    let ingest_secs = ingest_started.elapsed().as_secs_f64();
    if !args.quiet {
        let stats = store.stats()?;
        eprintln!(
            "read {read_articles} articles from {} files in {:.1}s; added {} ({} near duplicates, \
             kept as sources), {} already stored, {} duplicates in the input, {} skipped, {} renamed \
             ({:.0} articles/s); the store now holds {} articles",
            read.files,
            started.elapsed().as_secs_f64(),
            report.added,
            report.near_duplicates,
            report.already_stored,
            read.duplicates,
            read.problems.len(),
            report.renamed,
            read_articles as f64 / ingest_secs.max(1e-9),
            stats.articles,
        );
        let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
        for p in &read.problems {
            *reasons.entry(p.reason.as_str()).or_insert(0) += 1;
        }
        for (reason, n) in reasons {
            eprintln!("  skipped {n}: {reason}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
