//! `chronicle ingest`: read inputs, analyse each new article once, and add it to a store.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use chronicle_ingest::{Article, ReadReport};
use chronicle_store::{IngestOptions, Store};
use chronicle_text::LanguagePolicy;

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

    /// Language of articles that do not declare one: `auto` identifies it from each
    /// article's text (English when it cannot be told), or one of en, es, fr, it, de,
    /// pt, nl, ru, ar, uk.
    #[arg(long, default_value = "auto", value_parser = super::timeline::parse_language_policy)]
    language: LanguagePolicy,

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
    super::warn_if_store_is_older(&store)?;
    let options = IngestOptions {
        language: args.language,
        batch: args.batch.max(1),
        ..IngestOptions::default()
    };
    let bar = super::progress_bar(
        args.quiet,
        "{spinner} ingesting: {pos}/{len} files read [{bar:30}] {msg} eta {eta}",
    );
    let mut ingester = store.ingester(&options)?;
    // Files are read on one thread while the articles already read are analysed and
    // stored on this one; the bounded channel keeps memory flat however large the input.
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Article>>(2);
    let inputs = args.inputs.clone();
    let reader_bar = bar.clone();
    let (read, stored): (ReadReport, anyhow::Result<()>) = std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            chronicle_ingest::read_inputs_each(
                &inputs,
                &mut |done, total| {
                    reader_bar.set_length(total as u64);
                    reader_bar.set_position(done as u64);
                },
                &mut |batch| match send.send(batch) {
                    Ok(()) => ControlFlow::Continue(()),
                    // The store side gave up (an error): stop reading.
                    Err(_) => ControlFlow::Break(()),
                },
            )
        });
        let mut stored = Ok(());
        let mut pending: Vec<Article> = Vec::new();
        for batch in receive.iter() {
            pending.extend(batch);
            if pending.len() >= options.batch {
                if let Err(e) = ingester.add(std::mem::take(&mut pending)) {
                    stored = Err(e.into());
                    break;
                }
                let r = ingester.report();
                let secs = started.elapsed().as_secs_f64().max(1e-9);
                bar.set_message(format!(
                    "{} articles stored, {:.0}/s",
                    r.added,
                    r.offered as f64 / secs
                ));
            }
        }
        if stored.is_ok() && !pending.is_empty() {
            stored = ingester.add(pending).map_err(Into::into);
        }
        drop(receive);
        match reader.join() {
            Ok(read) => (read, stored),
            Err(_) => (
                ReadReport::default(),
                stored.and(Err(anyhow::anyhow!(
                    "reading the inputs failed unexpectedly"
                ))),
            ),
        }
    });
    bar.finish_and_clear();
    super::report_read_problems(&read);
    stored.context("ingest failed (everything committed before the failure is kept)")?;
    let report = ingester
        .finish()
        .context("ingest failed (everything committed before the failure is kept)")?;
    if report.offered == 0 && !read.problems.is_empty() {
        bail!("no article could be read from the inputs (see the messages above)");
    }
    let secs = started.elapsed().as_secs_f64();
    if !args.quiet {
        let stats = store.stats()?;
        eprintln!(
            "read {} articles from {} files; added {} ({} near duplicates, kept as sources), \
             {} already stored, {} duplicates in the input, {} skipped, {} renamed in {:.1}s \
             ({:.0} articles/s); the store now holds {} articles",
            report.offered,
            read.files,
            report.added,
            report.near_duplicates,
            report.already_stored,
            read.duplicates,
            read.problems.len(),
            report.renamed,
            secs,
            report.offered as f64 / secs.max(1e-9),
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
