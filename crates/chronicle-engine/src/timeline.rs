//! The timeline: request options, output types, and the pipeline that connects the
//! stages (select → rank dates → summarise → attribute sources).

use chrono::NaiveDate;
use serde::Serialize;

use crate::corpus::{AnalysedSentence, Corpus};
use crate::{rank, select, sources, summarize};

/// Options of one timeline request.
///
/// ```
/// use chronicle_engine::TimelineOptions;
/// let options = TimelineOptions { keywords: vec!["dam".into()], dates: Some(5), ..Default::default() };
/// assert!(options.validate().is_ok());
/// ```
#[derive(Debug, Clone, Default)]
pub struct TimelineOptions {
    /// Keep sentences containing one of these (lower-cased substring match; outside
    /// English also holding all of a keyword's terms, so inflected forms match: see
    /// [`keyword_terms`](crate::keyword_terms)), and the articles that have such
    /// sentences.
    pub keywords: Vec<String>,
    /// Free-text query: keep articles that match most of its terms, and sentences that
    /// match one.
    pub query: Option<String>,
    /// First day of the window (publication dates and dates in text).
    pub from: Option<NaiveDate>,
    /// Last day of the window.
    pub to: Option<NaiveDate>,
    /// Number of dates; `None` chooses from the data.
    pub dates: Option<usize>,
    /// Sentences per date; `None` chooses 1 or 2 per date from the evidence.
    pub sentences: Option<usize>,
    /// How dates are ranked: Chronicle's evidence, or a baseline for comparison.
    pub ranking: DateRanking,
}

/// How candidate dates are ranked.
///
/// ```
/// use chronicle_engine::DateRanking;
/// assert_eq!(DateRanking::default(), DateRanking::Evidence);
/// assert_eq!("publications".parse::<DateRanking>().unwrap(), DateRanking::Publications);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DateRanking {
    /// In-text mentions (one vote per article, retrospective ones weigh more),
    /// publication volume, adjacent dates spread apart.
    #[default]
    Evidence,
    /// Baseline (PUBCOUNT in the literature): the days with most selected articles
    /// published on them. Summaries are chosen the same way.
    Publications,
}

impl std::str::FromStr for DateRanking {
    type Err = EngineError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "evidence" => Ok(DateRanking::Evidence),
            "publications" => Ok(DateRanking::Publications),
            other => Err(EngineError::UnknownRanking(other.to_string())),
        }
    }
}

impl TimelineOptions {
    /// Checks the options for contradictions.
    pub fn validate(&self) -> Result<(), EngineError> {
        if let (Some(from), Some(to)) = (self.from, self.to)
            && from > to
        {
            return Err(EngineError::EmptyWindow { from, to });
        }
        if self.dates == Some(0) {
            return Err(EngineError::Zero("dates"));
        }
        if self.sentences == Some(0) {
            return Err(EngineError::Zero("sentences"));
        }
        Ok(())
    }
}

/// Errors of a timeline request.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("the window is empty: from {from} is after to {to}")]
    EmptyWindow { from: NaiveDate, to: NaiveDate },
    #[error("the number of {0} must be at least 1")]
    Zero(&'static str),
    #[error("unknown date ranking {0:?}: use evidence or publications")]
    UnknownRanking(String),
}

/// A timeline: dates in chronological order, each with its summary.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Timeline {
    /// The window the timeline covers.
    pub window: Window,
    /// Number of articles selected for the timeline.
    pub articles: usize,
    /// How many articles matched the topic when only some were read: a store reads at
    /// most its `max_articles` most relevant candidates. `None` (and absent from JSON)
    /// when every match was read, as always from files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_articles: Option<usize>,
    pub dates: Vec<DateEntry>,
    /// The selected articles per publication day, in date order (days without one
    /// omitted): the topic's coverage over time, e.g. for a chart behind the dates.
    pub volume: Vec<DayVolume>,
}

/// How many of a timeline's articles were published on a day.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct DayVolume {
    pub date: NaiveDate,
    pub articles: usize,
}

/// A closed range of days. Both ends are `None` only for an empty selection.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Window {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// One date of a timeline.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DateEntry {
    pub date: NaiveDate,
    /// Always `"day"` for now; coarser entries (month) may come later.
    pub granularity: &'static str,
    /// Ranking score: higher means more evidence that the date mattered.
    pub score: f64,
    /// Number of distinct articles that report on or mention this date.
    pub reports: usize,
    pub sentences: Vec<SummarySentence>,
}

/// A summary sentence with its provenance.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SummarySentence {
    pub text: String,
    /// Id of the article the text is taken from.
    pub article: String,
    /// Every article that carries this sentence or a near-duplicate of it, the
    /// originating article first.
    pub sources: Vec<SourceRef>,
}

/// An article, as cited by a summary sentence.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SourceRef {
    pub article: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: NaiveDate,
}

/// Builds a timeline from an analysed corpus. Deterministic: the same corpus and
/// options give the same timeline.
///
/// ```
/// use chronicle_engine::{build_timeline, Corpus, TimelineOptions};
/// use chronicle_ingest::Article;
/// use chrono::NaiveDate;
///
/// let day = |d| NaiveDate::from_ymd_opt(2024, 3, d).unwrap();
/// let article = |id: &str, d, text: &str| Article {
///     id: id.into(), published: day(d), title: None, url: None,
///     source: None, language: None, text: text.into(),
/// };
/// let corpus = Corpus::analyse(vec![
///     article("a", 4, "The old Miller Creek dam failed on 2024-03-03, flooding the valley."),
///     article("b", 5, "The Miller Creek dam failed on 2024-03-03 after days of rain."),
///     article("c", 9, "An inquiry into the dam failure opened on 2024-03-09."),
/// ]);
/// let options = TimelineOptions { keywords: vec!["dam".into()], ..Default::default() };
/// let timeline = build_timeline(&corpus, &options).unwrap();
/// assert_eq!(timeline.dates[0].date, day(3));
/// assert_eq!(timeline.dates[0].sentences[0].sources.len(), 2);
/// // The selected articles per publication day.
/// assert_eq!(timeline.volume.iter().map(|v| v.articles).sum::<usize>(), 3);
/// assert_eq!(timeline.volume[0].date, day(4));
/// ```
pub fn build_timeline(corpus: &Corpus, options: &TimelineOptions) -> Result<Timeline, EngineError> {
    options.validate()?;
    let selection = select::select(corpus, options);
    let window = Window {
        from: selection.from,
        to: selection.to,
    };
    if selection.articles.is_empty() {
        return Ok(Timeline {
            window,
            articles: 0,
            matched_articles: None,
            dates: Vec::new(),
            volume: Vec::new(),
        });
    }
    let ranked = match options.ranking {
        DateRanking::Evidence => rank::rank_dates(corpus, &selection),
        DateRanking::Publications => rank::rank_by_publications(corpus, &selection),
    };
    let wanted = options
        .dates
        .unwrap_or_else(|| rank::automatic_date_count(&ranked));
    let ordered = match options.ranking {
        DateRanking::Evidence => rank::prefer_event_day(
            &rank::spread_adjacent(&ranked, wanted + summarize::SPARE_DATES),
            &ranked,
            wanted,
        ),
        DateRanking::Publications => ranked,
    };
    let summaries = summarize::summarize(corpus, &selection, &ordered, wanted, options.sentences);
    let source_index = sources::SourceIndex::new(corpus, &selection);
    let mut dates: Vec<DateEntry> = summaries
        .into_iter()
        .map(|summary| {
            let carriers = source_index.carriers(corpus, &summary.sentences, summary.ranked.date);
            let sentences = summary
                .sentences
                .iter()
                .zip(carriers)
                .map(|(&sentence, carriers)| {
                    let s = &corpus.sentences[sentence];
                    SummarySentence {
                        text: clean_sentence(summary_text(corpus, s, summary.ranked.date)),
                        article: corpus.article_of(s).id.clone(),
                        sources: carriers
                            .into_iter()
                            .map(|a| source_ref(corpus, a))
                            .collect(),
                    }
                })
                .collect();
            DateEntry {
                date: summary.ranked.date,
                granularity: "day",
                score: round4(summary.ranked.score),
                reports: summary.ranked.reports,
                sentences,
            }
        })
        .collect();
    dates.sort_by_key(|d| d.date);
    // Background dates may precede the first article: the window covers them.
    let window = Window {
        from: match (window.from, dates.first()) {
            (Some(from), Some(first)) if options.from.is_none() => Some(from.min(first.date)),
            (from, _) => from,
        },
        to: window.to,
    };
    Ok(Timeline {
        window,
        articles: selection.articles.len(),
        matched_articles: None,
        dates,
        volume: volume(corpus, &selection.articles),
    })
}

/// Selected articles per publication day.
fn volume(corpus: &Corpus, articles: &[usize]) -> Vec<DayVolume> {
    let mut per_day: std::collections::BTreeMap<NaiveDate, usize> = Default::default();
    for &article in articles {
        *per_day
            .entry(corpus.articles[article].published)
            .or_default() += 1;
    }
    per_day
        .into_iter()
        .map(|(date, articles)| DayVolume { date, articles })
        .collect()
}

fn source_ref(corpus: &Corpus, article: usize) -> SourceRef {
    let a = &corpus.articles[article];
    SourceRef {
        article: a.id.clone(),
        source: a.source.clone(),
        url: a.url.clone(),
        title: a.title.clone(),
        published: a.published,
    }
}

/// The words of a summary sentence shown under `date`: a chronology entry of that day
/// loses its date and separator ("April 22 - The rig sinks ." → "The rig sinks ."),
/// which the timeline's own date says.
fn summary_text<'a>(corpus: &'a Corpus, sentence: &AnalysedSentence, date: NaiveDate) -> &'a str {
    let text = corpus.sentence_text(sentence);
    if sentence.is_chronology_entry() && sentence.days.first().is_some_and(|m| m.day == date) {
        text.get(sentence.chronology_prefix..).unwrap_or(text)
    } else {
        text
    }
}

/// Collapses internal white space (hard-wrapped lines) so a sentence prints on one line.
fn clean_sentence(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_support::article;

    /// The date of a one-date timeline of `corpus`, with its summary.
    fn top_date(corpus: &Corpus) -> DateEntry {
        let options = TimelineOptions {
            dates: Some(1),
            ..Default::default()
        };
        build_timeline(corpus, &options).unwrap().dates.remove(0)
    }

    /// Chinese has no spaces between words: its dates, summary lengths and query terms
    /// come from the characters themselves.
    #[test]
    fn a_chinese_corpus_gives_a_dated_timeline() {
        let corpus = Corpus::analyse(vec![
            article(
                "a",
                (2024, 3, 6),
                "河谷水坝于3月4日夜间决堤，下游三个村庄被洪水淹没。\n\
                 救援人员星期二继续在村庄里搜寻失踪者。",
            ),
            article(
                "b",
                (2024, 3, 12),
                "当局表示，水坝在3月4日决堤前已多次出现裂缝。\n\
                 省政府于2024年3月11日宣布拨款重建水坝。",
            ),
            article(
                "c",
                (2024, 3, 12),
                "球队在周末的比赛中以二比一获胜，球迷们非常高兴。",
            ),
        ]);
        let dates = |options: &TimelineOptions| -> Vec<(String, String)> {
            build_timeline(&corpus, options)
                .unwrap()
                .dates
                .iter()
                .map(|d| (d.date.to_string(), d.sentences[0].text.clone()))
                .collect()
        };
        let all = dates(&TimelineOptions {
            dates: Some(2),
            ..Default::default()
        });
        assert_eq!(all[0].0, "2024-03-04");
        assert!(
            all[0].1.contains("3月4日") && all[0].1.contains("决堤"),
            "{all:?}"
        );
        assert_eq!(
            all[1],
            (
                "2024-03-11".to_string(),
                "省政府于2024年3月11日宣布拨款重建水坝。".to_string()
            )
        );
        // A query of unspaced text selects by its character pairs: the match report
        // is left out.
        let dam = build_timeline(
            &corpus,
            &TimelineOptions {
                query: Some("水坝决堤".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(dam.articles, 2);
    }

    /// Chinese reports name the days near publication by the day's number alone
    /// ("4日"), or as "昨天" (yesterday): those mentions date the event, not the days
    /// the reports came out.
    #[test]
    fn chinese_reports_dated_by_the_day_alone() {
        let corpus = Corpus::analyse(vec![
            article(
                "a",
                (2024, 3, 5),
                "当局说，河谷水坝4日夜间决堤，下游三个村庄被洪水淹没。\n\
                 救援人员正在村庄里搜寻失踪者，天气仍然很冷。",
            ),
            article(
                "b",
                (2024, 3, 5),
                "昨天夜里水坝决堤后，数千名居民被迫离开家园。\n\
                 省政府表示将尽快修复受损的道路和桥梁。",
            ),
            article(
                "c",
                (2024, 3, 12),
                "专家说，4日决堤的水坝多年来一直缺乏维护和检查。\n\
                 省政府宣布拨款重建水坝，工程将在明年完成。",
            ),
        ]);
        let top = top_date(&corpus);
        assert_eq!(top.date.to_string(), "2024-03-04");
        assert!(top.sentences[0].text.contains("决堤"));
    }

    /// Japanese and Korean reports tell the events of a day named once in sentences
    /// that open with "同日" or "이날" (the same day): those sentences are the day's,
    /// so they summarise it.
    #[test]
    fn japanese_and_korean_sentences_dated_by_the_same_day() {
        for (a, b) in [
            (
                "県は4日、住民に避難指示を出した。\n同日夜、ダムが決壊し、下流の三つの村が浸水した。",
                "警察は4日、道路を封鎖した。\n同日夜、ダムが決壊して数千人が家を失った。",
            ),
            (
                "군청은 4일 주민들에게 대피령을 내렸다.\n이날 밤 댐이 무너져 마을 세 곳이 물에 잠겼다.",
                "경찰은 4일 도로를 막았다.\n이날 밤 댐이 무너져 수천 명이 집을 잃었다.",
            ),
        ] {
            let corpus = Corpus::analyse(vec![
                article("a", (2024, 3, 6), a),
                article("b", (2024, 3, 6), b),
            ]);
            let top = top_date(&corpus);
            assert_eq!(top.date.to_string(), "2024-03-04", "{a}");
            let text = &top.sentences[0].text;
            assert!(text.contains("決壊") || text.contains("무너져"), "{text}");
        }
    }

    /// A wire's dateline dates the report, not the event: three wire reports of a
    /// dam's breach, each dated the day it was filed, name the breach's day in their
    /// text, and that day wins; the summary is shown without the dateline.
    #[test]
    fn wire_datelines_are_no_mentions_in_any_language() {
        let reports = [
            (
                "zh",
                "新华社北京3月6日电（记者张三）河谷水坝于3月4日夜间决堤，下游三个村庄被淹。",
            ),
            (
                "es",
                "MADRID, 6 mar (EFE).- La presa del valle se rompió el 4 de marzo por la noche.",
            ),
            (
                "ru",
                "МОСКВА, 6 марта. /ТАСС/. Плотина в долине прорвалась 4 марта ночью.",
            ),
        ];
        for (language, text) in reports {
            let mut reports: Vec<chronicle_ingest::Article> = (0..3)
                .map(|i| article(&format!("{language}-{i}"), (2024, 3, 6 + i), text))
                .collect();
            for (i, report) in reports.iter_mut().enumerate() {
                report.language = Some(language.into());
                // Each report filed on its own day, its dateline saying so.
                report.text = report.text.replacen('6', &(6 + i).to_string(), 1);
            }
            let corpus = Corpus::analyse(reports);
            let days: Vec<NaiveDate> = corpus
                .sentences
                .iter()
                .flat_map(|s| s.days.iter().map(|d| d.day))
                .collect();
            let breach = NaiveDate::from_ymd_opt(2024, 3, 4).unwrap();
            assert!(days.iter().all(|&d| d == breach), "{language}: {days:?}");
            let top = top_date(&corpus);
            assert_eq!(top.date, breach, "{language}");
            let shown = &top.sentences[0].text;
            assert!(
                !shown.contains("EFE") && !shown.contains("ТАСС") && !shown.contains("新华社"),
                "{language}: {shown}"
            );
        }
    }

    #[test]
    fn a_chronology_entry_is_shown_without_its_date() {
        let article = article(
            "factbox",
            (2010, 5, 10),
            "Key events in the spill :\nApril 20 - The rig explodes , killing 11 workers .",
        );
        let corpus = Corpus::analyse(vec![article]);
        let options = TimelineOptions {
            dates: Some(1),
            ..Default::default()
        };
        let timeline = build_timeline(&corpus, &options).unwrap();
        assert_eq!(
            timeline.dates[0].date,
            NaiveDate::from_ymd_opt(2010, 4, 20).unwrap()
        );
        assert_eq!(
            timeline.dates[0].sentences[0].text,
            "The rig explodes , killing 11 workers ."
        );
    }
}
