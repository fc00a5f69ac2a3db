//! `chronicle bench`: the benchmark protocol of timeline summarisation (news-tls, ACL
//! 2020) on any dataset in the dataset layout, scored with the tilse metrics.
//!
//! Per gold timeline: the window runs from its first to its last date (± an optional
//! extension), `l` is its number of dates, `k` its mean number of sentences per date
//! (rounded half to even, as numpy does), keywords come from the topic's
//! `keywords.json`. Gold sentences are read only by the scorer, after the prediction
//! has been written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chronicle_engine::{Corpus, DateRanking, Timeline, TimelineOptions, build_timeline};
use chronicle_eval::{Notice, Report, TaskReport, TokenRule};
use chronicle_ingest::dataset::{Dataset, Topic};
use chronicle_text::LanguagePolicy;
use chrono::{Days, NaiveDate};
use rayon::prelude::*;

const EXAMPLES: &str = "\
Examples:
  chronicle bench --dataset ../shared/data/t17 --out bench-out/t17
  chronicle bench --dataset ../shared/data/t17 --out bench-out/t17 --topics bpoil,h1n1 --json t17.json
  chronicle bench --dataset ../shared/data/t17 --out bench-out/t17-pubcount --ranking publications";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Dataset folder: <topic>/keywords.json, <topic>/InputDocs/<date>/*.txt,
    /// <topic>/timelines/*.txt.
    #[arg(long, value_name = "DIR")]
    dataset: PathBuf,

    /// Folder for the predicted timelines (<topic>/<name>.txt, tilse format).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,

    /// Only these topics (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    topics: Vec<String>,

    /// Extend each task's window by this many days on both sides.
    #[arg(long, default_value_t = 0, value_name = "DAYS")]
    window_extension: u32,

    /// Also write the scores as JSON (the shape of tilse fixture scores.json).
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,

    /// Language of articles that do not declare one: `auto` identifies it from each
    /// article's text (English when it cannot be told), or one of en, es, fr, it, de,
    /// pt, nl, ru, ar, uk.
    #[arg(long, default_value = "auto", value_parser = super::timeline::parse_language_policy)]
    language: LanguagePolicy,

    /// Date ranking: `evidence` (Chronicle) or `publications` (the PUBCOUNT baseline,
    /// for comparing on a new dataset).
    #[arg(long, default_value = "evidence", value_name = "METHOD")]
    ranking: DateRanking,

    /// ROUGE tokens: `rouge155` (ROUGE-1.5.5 exactly, as published results are
    /// computed: ASCII letters and digits only) or `unicode` (letters and digits of every
    /// script, for datasets in other languages; not comparable with published numbers).
    #[arg(long, default_value = "rouge155", value_name = "RULE")]
    rouge_tokens: TokenRule,

    /// No progress messages.
    #[arg(long)]
    quiet: bool,
}

/// Wall time per stage, summed over topics and tasks.
#[derive(Default)]
struct StageTimes {
    read: Duration,
    analyse: Duration,
    timeline: Duration,
    score: Duration,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let dataset = Dataset::open(&args.dataset)
        .with_context(|| format!("cannot open the dataset {}", args.dataset.display()))?;
    // Bad input is reported and skipped; the rest of the benchmark runs, and the exit
    // status says that something was left out.
    let mut problems = 0;
    for skipped in &dataset.skipped {
        // With --topics, a folder the user did not ask for is only worth a warning.
        if args.topics.is_empty() {
            eprintln!("error: {} (topic skipped)", skipped.reason);
            problems += 1;
        } else {
            eprintln!("warning: {} (not a topic)", skipped.reason);
        }
    }
    let topics: Vec<&Topic> = if args.topics.is_empty() {
        dataset.topics.iter().collect()
    } else {
        args.topics
            .iter()
            .map(|name| {
                dataset.topic(name).with_context(|| {
                    format!(
                        "no topic '{name}' in {} (topics: {})",
                        args.dataset.display(),
                        topic_names(&dataset)
                    )
                })
            })
            .collect::<anyhow::Result<_>>()?
    };

    let mut times = StageTimes::default();
    let mut tasks = Vec::new();
    let mut gold_shares = Vec::new();
    for topic in topics {
        if topic.timelines.is_empty() {
            eprintln!(
                "warning: topic {} has no gold timelines (skipped)",
                topic.name
            );
            continue;
        }
        if topic.keywords.is_empty() {
            // The protocol filters by the topic's keywords; without them every article
            // and sentence of the topic is on-topic, which changes what is measured.
            eprintln!(
                "warning: topic {} has no keywords ({} missing or empty): its timelines \
                 use every sentence of the topic",
                topic.name,
                topic.dir.join("keywords.json").display()
            );
        }
        let clock = Instant::now();
        let report = topic.read_articles();
        times.read += clock.elapsed();
        // Named one by one, also with --quiet, as `timeline` and `ingest` do: a file left
        // out changes what is measured.
        super::report_read_problems(&report);
        if !args.quiet {
            eprintln!(
                "{}: {} articles, {} problems, {} gold timelines",
                topic.name,
                report.articles.len(),
                report.problems.len(),
                topic.timelines.len()
            );
        }
        let clock = Instant::now();
        let corpus = Corpus::analyse_with(report.articles, args.language);
        times.analyse += clock.elapsed();

        // The tasks of a topic share its corpus and are independent: predicted in
        // parallel, then written, reported and scored in order.
        let clock = Instant::now();
        let predictions: Vec<Prediction> = topic
            .timelines
            .par_iter()
            .map(|gold_path| predict(&corpus, topic, gold_path, &args))
            .collect();
        times.timeline += clock.elapsed();

        for prediction in predictions {
            let Prediction {
                task,
                name,
                gold_path,
                timeline,
                messages,
            } = prediction;
            for message in messages {
                eprintln!("{message}");
            }
            let timeline = match timeline {
                Some(timeline) => timeline?,
                None => {
                    problems += 1;
                    continue;
                }
            };
            let predicted: chronicle_eval::Timeline = timeline
                .dates
                .iter()
                .map(|d| (d.date, d.sentences.iter().map(|s| s.text.clone()).collect()))
                .collect();
            let out = args.out.join(&topic.name).join(format!("{name}.txt"));
            write_prediction(&out, &predicted)?;

            let clock = Instant::now();
            let gold = chronicle_eval::read_timeline_file(gold_path).with_context(|| {
                format!("cannot read the gold timeline {}", gold_path.display())
            })?;
            if !args.quiet {
                for warning in &gold.warnings {
                    eprintln!("warning: {warning}");
                }
            }
            gold_shares.push(chronicle_eval::gold_letter_share(&gold.timeline));
            tasks.push(TaskReport::with_tokens(
                task,
                &predicted,
                &gold.timeline,
                args.rouge_tokens,
            ));
            times.score += clock.elapsed();
        }
    }
    if tasks.is_empty() {
        bail!(
            "no gold timeline could be scored in {} (expected <topic>/timelines/*.txt in \
             the tilse format{})",
            args.dataset.display(),
            if problems > 0 {
                "; see the errors above"
            } else {
                ""
            }
        );
    }
    let report = Report::from_tasks(tasks);
    if let Some(notice) = Notice::for_script(&gold_shares, args.rouge_tokens) {
        eprintln!("warning: {notice}");
    }
    print!("{}", report.to_table());
    if args.rouge_tokens == TokenRule::Unicode {
        println!(
            "\nROUGE tokens: letters and digits of every script (--rouge-tokens unicode), \
             not ROUGE-1.5.5's"
        );
    }
    println!(
        "\ntime: read {:.2}s, analyse {:.2}s, timeline {:.2}s, score {:.2}s, total {:.2}s",
        times.read.as_secs_f64(),
        times.analyse.as_secs_f64(),
        times.timeline.as_secs_f64(),
        times.score.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
    if let Some(path) = &args.json {
        std::fs::write(path, report.to_json()?)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if problems > 0 {
        eprintln!(
            "error: {problems} topic(s) or task(s) skipped (see above): the averages cover \
             the {} task(s) scored",
            report.tasks.len()
        );
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}

/// One task's timeline, with what to tell the user about it.
struct Prediction<'a> {
    task: String,
    name: String,
    gold_path: &'a Path,
    /// None when the gold timeline could not be read (an error in `messages`).
    timeline: Option<anyhow::Result<Timeline>>,
    /// Warnings and errors, in the order they arose.
    messages: Vec<String>,
}

/// Predicts the timeline of the task of `gold_path`, taking from the gold timeline only
/// its dates and number of sentences per date.
fn predict<'a>(corpus: &Corpus, topic: &Topic, gold_path: &'a Path, args: &Args) -> Prediction<'a> {
    let name = Topic::timeline_name(gold_path);
    let task = format!("{}/{}", topic.name, name);
    let mut messages = Vec::new();
    let shape = match gold_shape(gold_path) {
        Ok(shape) => shape,
        Err(e) => {
            messages.push(format!(
                "error: {} (task {task} skipped)",
                super::error_message(&e)
            ));
            return Prediction {
                task,
                name,
                gold_path,
                timeline: None,
                messages,
            };
        }
    };
    let options = TimelineOptions {
        keywords: topic.keywords.clone(),
        query: None,
        from: shape
            .first
            .checked_sub_days(Days::new(args.window_extension.into())),
        to: shape
            .last
            .checked_add_days(Days::new(args.window_extension.into())),
        dates: Some(shape.dates),
        sentences: Some(shape.sentences_per_date),
        ranking: args.ranking,
    };
    let timeline = task_timeline(corpus, topic, &task, &options, &mut messages);
    Prediction {
        task,
        name,
        gold_path,
        timeline: Some(timeline),
        messages,
    }
}

/// The timeline of `task` for `options`; without the topic's keywords when they match
/// no article in the window. Warnings go to `messages`.
fn task_timeline(
    corpus: &Corpus,
    topic: &Topic,
    task: &str,
    options: &TimelineOptions,
    messages: &mut Vec<String>,
) -> anyhow::Result<Timeline> {
    let mut timeline = build_timeline(corpus, options)
        .with_context(|| format!("cannot build the timeline for {task}"))?;
    if timeline.articles == 0 && !options.keywords.is_empty() {
        // Every article of a dataset's topic is about the topic: keywords that
        // match none of them in the window (another spelling, another script)
        // say nothing about which sentences are on topic, so the task runs as
        // if the topic had none, rather than scoring an empty timeline.
        let unfiltered = build_timeline(
            corpus,
            &TimelineOptions {
                keywords: Vec::new(),
                ..options.clone()
            },
        )
        .with_context(|| format!("cannot build the timeline for {task}"))?;
        if unfiltered.articles > 0 {
            messages.push(format!(
                "warning: task {task}: no article in its window contains a keyword \
                 of {}; its timeline uses every sentence of the topic",
                topic.dir.join("keywords.json").display()
            ));
            timeline = unfiltered;
        }
    }
    if timeline.articles == 0 {
        messages.push(format!(
            "warning: task {task}: no article of the topic was published in its \
             window ({} to {}): its timeline is empty",
            options.from.map_or("-".into(), |d| d.to_string()),
            options.to.map_or("-".into(), |d| d.to_string()),
        ));
    }
    Ok(timeline)
}

fn topic_names(dataset: &Dataset) -> String {
    dataset
        .topics
        .iter()
        .map(|t| t.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the protocol takes from a gold timeline before prediction.
struct GoldShape {
    first: NaiveDate,
    last: NaiveDate,
    dates: usize,
    sentences_per_date: usize,
}

fn gold_shape(path: &Path) -> anyhow::Result<GoldShape> {
    let parsed = chronicle_eval::read_timeline_file(path)
        .with_context(|| format!("cannot read the gold timeline {}", path.display()))?;
    let gold: &BTreeMap<NaiveDate, Vec<String>> = &parsed.timeline;
    let (Some((&first, _)), Some((&last, _))) = (gold.first_key_value(), gold.last_key_value())
    else {
        bail!("the gold timeline {} has no dates", path.display());
    };
    let sentences: usize = gold.values().map(Vec::len).sum();
    let mean = sentences as f64 / gold.len() as f64;
    Ok(GoldShape {
        first,
        last,
        dates: gold.len(),
        sentences_per_date: (round_half_even(mean) as usize).max(1),
    })
}

/// Rounds like numpy's `round`: halves go to the even neighbour.
fn round_half_even(x: f64) -> f64 {
    let rounded = x.round();
    if (x - x.trunc()).abs() == 0.5 && rounded % 2.0 != 0.0 {
        rounded - x.signum()
    } else {
        rounded
    }
}

fn write_prediction(path: &Path, timeline: &chronicle_eval::Timeline) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    chronicle_eval::write_timeline_file(path, timeline)
        .with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::round_half_even;

    #[test]
    fn rounds_halves_to_even_like_numpy() {
        assert_eq!(round_half_even(2.5), 2.0);
        assert_eq!(round_half_even(3.5), 4.0);
        assert_eq!(round_half_even(1.4), 1.0);
        assert_eq!(round_half_even(1.6), 2.0);
        assert_eq!(round_half_even(0.5), 0.0);
    }
}
