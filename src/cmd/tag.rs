//! `chronicle tag`: temporal expressions as JSON Lines, and the tagger's evaluations
//! (TempEval-3 scores, agreement with HeidelTime, throughput).

use std::io::{BufRead, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use chronicle_text::Language;
use chronicle_timex::Tagger;
use chronicle_timex::eval::{self, Disagreement, Outcome, TempEvalCounts};
use chronicle_timex::jsonl;
use chrono::NaiveDate;

const EXAMPLES: &str = "\
Examples:
  echo 'It rained on Friday.' | chronicle tag --pub-date 2011-03-18
  chronicle tag --jsonl sentences.jsonl > tagged.jsonl
  chronicle tag --score-tempeval ../shared/data/timex/tbaq_timebank.jsonl ../shared/data/timex/tbaq_aquaint.jsonl
  chronicle tag --compare ../shared/data/t17-heideltime/dev-bpoil-h1n1.jsonl --examples 5
  chronicle tag --compare ../shared/data/t17-heideltime/dev-bpoil-h1n1.jsonl --sample 120 --seed 4
  chronicle tag --bench ../shared/data/t17-heideltime/dev-bpoil-h1n1.jsonl";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Input: plain text, or JSON Lines with --jsonl; `-` or nothing for stdin.
    #[arg(value_name = "FILE|-")]
    input: Option<PathBuf>,

    /// Reference date for plain text (YYYY-MM-DD); default today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub_date: Option<NaiveDate>,

    /// Input is JSON Lines: objects with `text` and `pub_date`; each comes out with a
    /// `timex` list added. Consecutive objects with the same `doc` field are the
    /// sentences of one document, tagged in order with document context.
    #[arg(long)]
    jsonl: bool,

    /// Language of the text.
    #[arg(long, default_value = "en", value_parser = super::timeline::parse_language)]
    language: Language,

    /// Compare day-level values with a reference tagger's tags (JSON Lines
    /// `{doc, pub_date, text, timex: [{text, value, granularity}]}`, as HeidelTime's).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["score_tempeval", "bench"])]
    compare: Option<PathBuf>,

    /// Score against TempEval-3 gold files (JSON Lines `{id, pub_date, text, timexes}`):
    /// relaxed and strict span F1, value F1, per file and overall.
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "bench")]
    score_tempeval: Vec<PathBuf>,

    /// With --compare or --score-tempeval: print this many disagreements per category.
    #[arg(long, default_value_t = 0, value_name = "N")]
    examples: usize,

    /// With --compare: print a seeded random sample of about N disagreements, stratified
    /// over the categories in proportion to their counts, as TSV (for adjudication).
    #[arg(long, value_name = "N", requires = "compare")]
    sample: Option<usize>,

    /// Seed of --sample.
    #[arg(long, default_value_t = 1, value_name = "S")]
    seed: u64,

    /// Measure throughput (MB/s on one core) on the texts of FILE: plain text, or any
    /// JSON Lines file with a `text` and a `pub_date` field per line.
    #[arg(long, value_name = "FILE")]
    bench: Option<PathBuf>,

    /// With --compare: tag each sentence alone instead of the sentences of one `doc` in
    /// order with document context (dates mentioned earlier anchor "two days later").
    #[arg(long, requires = "compare")]
    sentences_alone: bool,

    /// Print the report as JSON (with --compare, --score-tempeval, --bench).
    #[arg(long)]
    json: bool,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    jsonl::parse_date(s).ok_or_else(|| format!("{s:?} is not a date (YYYY-MM-DD)"))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let tagger = Tagger::new(args.language);
    if let Some(path) = &args.compare {
        let by_document = !args.sentences_alone;
        if let Some(n) = args.sample {
            return sample(&tagger, path, n, args.seed, by_document);
        }
        return compare(&tagger, path, args.examples, args.json, by_document);
    }
    if !args.score_tempeval.is_empty() {
        return score(&tagger, &args.score_tempeval, args.examples, args.json);
    }
    if let Some(path) = &args.bench {
        return bench(&tagger, path, args.json);
    }
    let reader: Box<dyn BufRead> = match &args.input {
        None => Box::new(std::io::stdin().lock()),
        Some(p) if p.as_os_str() == "-" => Box::new(std::io::stdin().lock()),
        Some(p) => Box::new(std::io::BufReader::new(
            std::fs::File::open(p).with_context(|| format!("cannot open {}", p.display()))?,
        )),
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.jsonl {
        let name = args
            .input
            .as_ref()
            .map_or("<stdin>".to_string(), |p| p.display().to_string());
        let mut bad = 0usize;
        let mut records = jsonl::Records::default();
        for (n, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("{name}: cannot read line {}", n + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            match jsonl::tag_record_in(&tagger, &line, &mut records) {
                Ok(v) => writeln!(out, "{v}")?,
                Err(e) => {
                    bad += 1;
                    out.flush()?;
                    eprintln!("error: {name}, line {}: {e}", n + 1);
                }
            }
        }
        out.flush()?;
        if bad > 0 {
            eprintln!("{bad} line(s) skipped");
            return Ok(ExitCode::from(1));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    let mut reader = reader;
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    text.push_str(&String::from_utf8_lossy(&bytes));
    let date = args
        .pub_date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    for v in jsonl::tag_plain(&tagger, &text, date) {
        writeln!(out, "{v}")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn compare(
    tagger: &Tagger,
    path: &Path,
    examples: usize,
    json: bool,
    by_document: bool,
) -> anyhow::Result<ExitCode> {
    let sentences = eval::read_reference(path)?;
    let c = eval::compare_reference(tagger, &sentences, examples, by_document);
    if json {
        println!("{}", serde_json::to_string_pretty(&c)?);
        return Ok(ExitCode::SUCCESS);
    }
    let mode = if by_document {
        "tagged by document"
    } else {
        "each tagged alone"
    };
    println!("{}: {} sentences, {mode}", path.display(), c.sentences);
    println!(
        "day-level values: reference {}, system {}, agreed {}",
        c.reference_days, c.system_days, c.agreed
    );
    println!(
        "precision {:.3}  recall {:.3}  F1 {:.3}",
        c.scores.precision, c.scores.recall, c.scores.f1
    );
    println!("disagreements by category:");
    for cat in Disagreement::ALL {
        println!(
            "  {:<18} {}",
            cat.name(),
            c.categories.get(&cat).copied().unwrap_or(0)
        );
    }
    for cat in Disagreement::ALL {
        let ex: Vec<_> = c.examples.iter().filter(|e| e.category == cat).collect();
        if ex.is_empty() {
            continue;
        }
        println!("\n== {} ==", cat.name());
        for e in ex {
            println!(
                "[{} {}] ref {:?} sys {:?}\n    {}",
                e.doc, e.pub_date, e.reference, e.system, e.sentence
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints a stratified sample of disagreements as TSV: id (doc#sentence), category,
/// pub date, reference text and value, system text and value, sentence.
fn sample(
    tagger: &Tagger,
    path: &Path,
    n: usize,
    seed: u64,
    by_document: bool,
) -> anyhow::Result<ExitCode> {
    let sentences = eval::read_reference(path)?;
    let c = eval::compare_reference(tagger, &sentences, usize::MAX, by_document);
    let s = eval::sample_disagreements(&c.examples, n, seed);
    let clean = |x: &str| x.replace(['\t', '\n'], " ");
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    writeln!(
        out,
        "id\tcategory\tpub_date\tref_text\tref_value\tsys_text\tsys_value\tsentence"
    )?;
    for e in &s {
        let (rt, rv) = e.reference.clone().unwrap_or_default();
        let (st, sv) = e.system.clone().unwrap_or_default();
        writeln!(
            out,
            "{}#{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            e.doc,
            e.sentence_index,
            e.category.name(),
            e.pub_date,
            clean(&rt),
            rv,
            clean(&st),
            sv,
            clean(&e.sentence)
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn score(
    tagger: &Tagger,
    paths: &[PathBuf],
    examples: usize,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let mut total = TempEvalCounts::default();
    let mut rows = Vec::new();
    let mut all_outcomes = Vec::new();
    for p in paths {
        let docs = eval::read_tempeval(p)?;
        let (c, o) = eval::score_tempeval(tagger, &docs);
        total.add(&c);
        rows.push((p.display().to_string(), c));
        all_outcomes.extend(o);
    }
    if paths.len() > 1 {
        rows.push(("all".to_string(), total));
    }
    if json {
        let v: Vec<_> = rows
            .iter()
            .map(|(name, c)| serde_json::json!({"file": name, "counts": c, "scores": c.scores()}))
            .collect();
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<50} {:>5} {:>5} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "file", "gold", "sys", "relax-P", "relax-R", "relax-F1", "strictF1", "value-F1"
    );
    for (name, c) in &rows {
        let s = c.scores();
        println!(
            "{:<50} {:>5} {:>5} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>8.3}",
            name,
            c.gold,
            c.system,
            s.relaxed.precision,
            s.relaxed.recall,
            s.relaxed.f1,
            s.strict.f1,
            s.value_f1
        );
    }
    if examples > 0 {
        let mut shown = [0usize; 3];
        for o in &all_outcomes {
            let (k, line) = match o {
                Outcome::Correct => continue,
                Outcome::WrongValue(gt, gv, st, sv) => {
                    (0, format!("value  gold {gt:?}={gv}  sys {st:?}={sv}"))
                }
                Outcome::Missed(t, v) => (1, format!("missed {t:?}={v}")),
                Outcome::Spurious(t, v) => (2, format!("extra  {t:?}={v}")),
            };
            if shown[k] < examples {
                shown[k] += 1;
                println!("{line}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads the texts to time: `(text, reference)` pairs.
fn bench_texts(path: &Path) -> anyhow::Result<Vec<(String, NaiveDate)>> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = Vec::new();
    let mut json_lines = 0usize;
    for line in raw.lines() {
        if let Ok(serde_json::Value::Object(o)) = serde_json::from_str::<serde_json::Value>(line)
            && let Some(serde_json::Value::String(t)) = o.get("text")
        {
            let d = o
                .get("pub_date")
                .and_then(|d| d.as_str())
                .and_then(jsonl::parse_date)
                .unwrap_or_default();
            out.push((t.clone(), d));
            json_lines += 1;
        }
    }
    if json_lines == 0 {
        out.push((raw, chrono::Local::now().date_naive()));
    }
    if out.iter().all(|(t, _)| t.is_empty()) {
        bail!("{}: no text to tag", path.display());
    }
    Ok(out)
}

fn bench(tagger: &Tagger, path: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let texts = bench_texts(path)?;
    let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    // Warm up, then repeat for at least two seconds.
    let mut found = 0usize;
    for (t, d) in &texts {
        found += tagger.tag(t, *d).len();
    }
    let started = Instant::now();
    let mut rounds = 0usize;
    while rounds == 0 || started.elapsed().as_secs_f64() < 2.0 {
        for (t, d) in &texts {
            std::hint::black_box(tagger.tag(t, *d));
        }
        rounds += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    let mbps = (bytes * rounds) as f64 / secs / 1e6;
    if json {
        println!(
            "{}",
            serde_json::json!({"file": path.display().to_string(), "bytes": bytes,
                "texts": texts.len(), "expressions": found, "rounds": rounds,
                "seconds": secs, "mb_per_s": mbps})
        );
    } else {
        println!(
            "{}: {} texts, {:.1} MB, {} expressions; {} rounds in {:.2} s: {:.1} MB/s on one core",
            path.display(),
            texts.len(),
            bytes as f64 / 1e6,
            found,
            rounds,
            secs,
            mbps
        );
    }
    Ok(ExitCode::SUCCESS)
}
