//! `chronicle synth`: a synthetic archive for scale tests, made by recombining the
//! sentences of a real corpus with shifted publication dates (never commit its output).

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use chronicle_text::{Language, split_sentences};
use chrono::Days;

const EXAMPLES: &str = "\
Examples:
  chronicle synth --articles 100000 --out /tmp/synth ../shared/data/t17
  chronicle synth --articles 3000 --out /tmp/small examples/corpus";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Articles to generate.
    #[arg(long, value_name = "N")]
    articles: usize,

    /// Output folder (JSON Lines files of 10,000 articles each).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,

    /// Random seed (the same seed gives the same archive).
    #[arg(long, default_value_t = 1)]
    seed: u64,

    /// Corpus whose sentences are recombined.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// No summary line.
    #[arg(long)]
    quiet: bool,
}

const PER_FILE: usize = 10_000;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let read = chronicle_ingest::read_inputs(&args.inputs);
    if read.articles.is_empty() {
        bail!("no article could be read from the inputs");
    }
    let bases: Vec<(chronicle_ingest::Article, Vec<String>)> = read
        .articles
        .into_iter()
        .map(|a| {
            let sentences = split_sentences(&a.text, Language::English)
                .into_iter()
                .map(|s| s.text(&a.text).trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            (a, sentences)
        })
        .filter(|(_, s): &(_, Vec<String>)| !s.is_empty())
        .collect();
    if bases.is_empty() {
        bail!("the inputs have no sentences");
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let mut rng = args.seed ^ 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let mut writer: Option<BufWriter<std::fs::File>> = None;
    for i in 0..args.articles {
        if i % PER_FILE == 0 {
            if let Some(mut w) = writer.take() {
                w.flush()?;
            }
            let path = args.out.join(format!("synth-{:05}.jsonl", i / PER_FILE));
            let file = std::fs::File::create(&path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            writer = Some(BufWriter::new(file));
        }
        let (base, sentences) = &bases[(next() % bases.len() as u64) as usize];
        // Most of a base article's sentences, in order, plus a few from elsewhere.
        let mut text = Vec::new();
        for s in sentences {
            if next() % 10 < 7 {
                text.push(s.as_str());
            }
            if next() % 10 == 0 {
                let (_, other) = &bases[(next() % bases.len() as u64) as usize];
                text.push(other[(next() % other.len() as u64) as usize].as_str());
            }
        }
        if text.is_empty() {
            text.push(sentences[0].as_str());
        }
        let shift = next() % 3650;
        let published = base
            .published
            .checked_add_days(Days::new(shift))
            .unwrap_or(base.published);
        let record = serde_json::json!({
            "id": format!("synth-{i}"),
            "date": published.to_string(),
            "source": base.source.as_deref().map_or_else(|| format!("outlet{}", i % 50), |s| format!("{s}-{}", i % 7)),
            "title": base.title,
            "text": text.join(" "),
        });
        let w = writer.as_mut().context("no output file")?;
        serde_json::to_writer(&mut *w, &record)?;
        w.write_all(b"\n")?;
    }
    if let Some(mut w) = writer {
        w.flush()?;
    }
    if !args.quiet {
        eprintln!(
            "wrote {} synthetic articles from {} to {}",
            args.articles,
            bases.len(),
            args.out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
