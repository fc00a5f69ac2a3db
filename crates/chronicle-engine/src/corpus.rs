//! Text analysis of a corpus, done once: sentences, scoring terms and dated mentions.
//!
//! Every later stage (select, rank dates, summarise, attribute sources) reads these
//! records and never re-parses article text.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use chronicle_ingest::Article;
use chronicle_text::{Analyzer, Language, LanguagePolicy, TermMemo, split_sentences};
use chronicle_timex::{DocContext, Granularity, Tagger};
use chrono::NaiveDate;
use rayon::prelude::*;

/// A scoring term, as a 64-bit hash of its normalised form. Hashing instead of interning
/// lets articles be analysed in parallel without a shared vocabulary; collisions among
/// the few hundred thousand terms of a corpus are negligible at 64 bits.
pub type TermId = u64;

/// A day that a sentence refers to, with how the text expressed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DayMention {
    pub day: NaiveDate,
    /// Byte offset of the expression within the sentence text.
    pub offset: usize,
}

/// The version of what [`Corpus::analyse`] records for each sentence, raised when a
/// field is added or its meaning changes (2: chronology entries; 3: Chinese, Japanese
/// and Korean dates, words and terms, Spanish and Portuguese days of the month, Russian,
/// German day ordinals the splitter cut off; 4: Arabic, Ukrainian, digits of other
/// scripts, a day and month with last/next after them; 5: chronology entries after a
/// bullet escaped as Markdown, "\*"; 6: page furniture written with its punctuation on
/// the words, as raw text has it, "SESAY: ", "(Updated 5:31 p.m. (0031 GMT)) ", and
/// datelines of other languages' agencies, "MADRID, 3 mar (EFE).- ", "/ТАСС/. ",
/// "新华社北京3月3日电"; 7: chronology entries without a separator, a day written out
/// with its year before a clause, "28 June 2009 Police interview Dr Murray", and the
/// lines of a text hard-wrapped at a width joined before a capitalised word too; 8:
/// Chinese, Japanese and Korean days named by their number alone or relative to
/// publication, "17日", "昨天", "上周三", "지난 15일", and a list of unpunctuated lines
/// that looked hard-wrapped kept as lines; 9: Chinese, Japanese and Korean days named
/// by the day last mentioned, "同日", "当天", "翌日", "이날", "다음 날", and years,
/// months and weeks in words or counted back, "去年3月15日", "지난달", "上周", "3か月前").
/// A store records the version its articles were analysed with, so it can tell that
/// they lack something this build would find.
pub const ANALYSIS_VERSION: u32 = 9;

/// One analysed sentence.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AnalysedSentence {
    /// Index of the article in [`Corpus::articles`].
    pub article: u32,
    /// Position of the sentence within its article (0 = lead).
    pub position: u32,
    /// Byte range of the sentence in the article text.
    pub start: usize,
    pub end: usize,
    /// Scoring terms, in text order (with repeats).
    pub terms: Vec<TermId>,
    /// Number of word tokens (for length preferences).
    pub words: u32,
    /// Day-level (or finer) dates the sentence mentions, in text order.
    pub days: Vec<DayMention>,
    /// Whether the sentence mentions any date at all, including coarser ones
    /// (a sentence about "last year" is not about its publication day).
    pub has_coarse_date: bool,
    /// When the sentence is an entry of a chronology, the byte length of its date and
    /// separator ("April 22 - " in "April 22 - The rig sinks ."; see
    /// [`chronology_prefix`]); 0 otherwise. The entry's day is `days[0]`.
    pub chronology_prefix: usize,
}

impl AnalysedSentence {
    /// Whether the sentence is an entry of a chronology: it opens with a day and a
    /// separator, the way the press writes its own timelines ("2 May : BP starts
    /// drilling the first relief well .").
    pub fn is_chronology_entry(&self) -> bool {
        self.chronology_prefix > 0
    }
}

/// An analysed article: its sentences are `sentences[range]` in [`Corpus::sentences`].
#[derive(Debug, Clone)]
pub struct ArticleAnalysis {
    pub sentence_range: std::ops::Range<usize>,
    pub language: Language,
}

/// An analysed corpus: the articles plus their sentences, terms and dates.
///
/// ```
/// use chronicle_engine::Corpus;
/// use chronicle_ingest::Article;
/// use chrono::NaiveDate;
///
/// let article = Article {
///     id: "a1".into(),
///     published: NaiveDate::from_ymd_opt(2024, 3, 5).unwrap(),
///     title: None, url: None, source: Some("herald".into()), language: None,
///     text: "The dam failed on 2024-03-03. Crews worked all night.".into(),
/// };
/// let corpus = Corpus::analyse(vec![article]);
/// assert_eq!(corpus.sentences.len(), 2);
/// assert_eq!(corpus.sentences[0].days[0].day, NaiveDate::from_ymd_opt(2024, 3, 3).unwrap());
/// ```
pub struct Corpus {
    pub articles: Vec<Article>,
    pub analyses: Vec<ArticleAnalysis>,
    pub sentences: Vec<AnalysedSentence>,
}

impl Corpus {
    /// Analyses `articles` with the default language (English) for articles that do
    /// not declare one.
    pub fn analyse(articles: Vec<Article>) -> Corpus {
        Corpus::analyse_with(articles, Language::English)
    }

    /// Analyses `articles`; `language` decides the language of articles that do not
    /// declare one (a [`Language`] assumes it; [`LanguagePolicy::Detect`] identifies
    /// it from the text). Runs in parallel; the result is the same whatever the thread
    /// count.
    pub fn analyse_with(articles: Vec<Article>, language: impl Into<LanguagePolicy>) -> Corpus {
        let policy = language.into();
        let languages: Vec<Language> = articles
            .par_iter()
            .map(|a| policy.language_of(a.language.as_deref(), &a.text))
            .collect();
        let toolkits: HashMap<Language, Toolkit> = languages
            .iter()
            .copied()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .map(|lang| (lang, Toolkit::new(lang)))
            .collect();
        let per_article: Vec<(Language, Vec<AnalysedSentence>)> = articles
            .par_iter()
            .zip(languages.par_iter())
            .enumerate()
            // One memo of analysed words per language for each of rayon's jobs (see
            // `TermMemo`): a job analyses a run of articles on one thread.
            .map_init(HashMap::new, |memos, (index, (article, &lang))| {
                let toolkit = &toolkits[&lang];
                let memo = memos.entry(lang).or_default();
                (lang, analyse_article(index as u32, article, toolkit, memo))
            })
            .collect();
        let mut analyses = Vec::with_capacity(articles.len());
        let mut sentences = Vec::new();
        for (language, article_sentences) in per_article {
            let start = sentences.len();
            sentences.extend(article_sentences);
            analyses.push(ArticleAnalysis {
                sentence_range: start..sentences.len(),
                language,
            });
        }
        Corpus {
            articles,
            analyses,
            sentences,
        }
    }

    /// Reassembles a corpus from analysis records kept elsewhere (e.g. a store), one
    /// entry per article: its language and its analysed sentences (whose `article`
    /// field is rewritten to the article's index here). No text is re-analysed.
    pub fn from_parts(
        articles: Vec<Article>,
        per_article: Vec<(Language, Vec<AnalysedSentence>)>,
    ) -> Result<Corpus, String> {
        if articles.len() != per_article.len() {
            return Err(format!(
                "{} articles but {} analyses",
                articles.len(),
                per_article.len()
            ));
        }
        let mut analyses = Vec::with_capacity(articles.len());
        let mut sentences = Vec::new();
        for (index, (language, article_sentences)) in per_article.into_iter().enumerate() {
            let text = &articles[index].text;
            let start = sentences.len();
            for mut sentence in article_sentences {
                if sentence.start > sentence.end
                    || sentence.end > text.len()
                    || !text.is_char_boundary(sentence.start)
                    || !text.is_char_boundary(sentence.end)
                {
                    return Err(format!(
                        "sentence {}..{} is outside article {}",
                        sentence.start, sentence.end, articles[index].id
                    ));
                }
                sentence.article = index as u32;
                sentences.push(sentence);
            }
            analyses.push(ArticleAnalysis {
                sentence_range: start..sentences.len(),
                language,
            });
        }
        Ok(Corpus {
            articles,
            analyses,
            sentences,
        })
    }

    /// Analyses one article on its own, as [`Corpus::analyse_with`] would, returning
    /// its language and sentences (with `article` set to 0), e.g. to store them.
    pub fn analyse_article(
        article: &Article,
        language: impl Into<LanguagePolicy>,
    ) -> (Language, Vec<AnalysedSentence>) {
        let language = language
            .into()
            .language_of(article.language.as_deref(), &article.text);
        let toolkit = Toolkit::new(language);
        let mut memo = TermMemo::default();
        (language, analyse_article(0, article, &toolkit, &mut memo))
    }

    /// The text of a sentence.
    pub fn sentence_text(&self, sentence: &AnalysedSentence) -> &str {
        &self.articles[sentence.article as usize].text[sentence.start..sentence.end]
    }

    /// The article a sentence belongs to.
    pub fn article_of(&self, sentence: &AnalysedSentence) -> &Article {
        &self.articles[sentence.article as usize]
    }

    /// The sentences of one article.
    pub fn article_sentences(&self, article: usize) -> &[AnalysedSentence] {
        &self.sentences[self.analyses[article].sentence_range.clone()]
    }

    /// The terms of `text` in `language` (see [`term_ids`]), e.g. to turn a query into
    /// terms the same way sentences were.
    pub fn term_ids(&self, text: &str, language: Language) -> Vec<TermId> {
        term_ids(text, language)
    }
}

/// The terms of `text` analysed in `language` (stemmed, stop words left out), as
/// sentences' [`AnalysedSentence::terms`] are.
///
/// ```
/// use chronicle_engine::corpus::{term_id, term_ids};
/// use chronicle_text::Language;
/// assert_eq!(term_ids("The dams failed", Language::English), [term_id("dam"), term_id("fail")]);
/// ```
pub fn term_ids(text: &str, language: Language) -> Vec<TermId> {
    let mut out = Vec::new();
    analyzer(language).for_each_term(text, |t| out.push(term_id(t)));
    out
}

/// The analyzer of `language`, built once for the whole process (each holds its
/// language's stop words), for callers that analyse short texts one at a time.
///
/// ```
/// use chronicle_text::Language;
/// let fr = chronicle_engine::corpus::analyzer(Language::French);
/// assert_eq!(fr.language(), Language::French);
/// ```
pub fn analyzer(language: Language) -> &'static Analyzer {
    static ANALYZERS: std::sync::LazyLock<Vec<Analyzer>> =
        std::sync::LazyLock::new(|| Language::ALL.iter().map(|&l| Analyzer::new(l)).collect());
    ANALYZERS
        .iter()
        .find(|a| a.language() == language)
        .unwrap_or(&ANALYZERS[0])
}

struct Toolkit {
    language: Language,
    analyzer: Analyzer,
    tagger: Tagger,
}

impl Toolkit {
    fn new(language: Language) -> Self {
        Toolkit {
            language,
            analyzer: Analyzer::new(language),
            tagger: Tagger::new(language),
        }
    }
}

/// Hash of a normalised term.
pub fn term_id(term: &str) -> TermId {
    // FNV-1a: stable across runs and platforms, unlike std's RandomState.
    let mut hasher = Fnv1a::default();
    term.hash(&mut hasher);
    hasher.finish()
}

struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv1a {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// The first sentences of an article where a scraped page's headline, standfirst or
/// caption may be glued before the lead (see [`chronicle_text::glued_lead_start`]).
const GLUED_LINES: usize = 3;

fn analyse_article(
    index: u32,
    article: &Article,
    toolkit: &Toolkit,
    memo: &mut TermMemo<TermId>,
) -> Vec<AnalysedSentence> {
    let text = article.text.as_str();
    // The sentences of an article are tagged in order: "two days later" counts from the
    // date an earlier sentence named.
    let mut context = DocContext::new();
    let mut spans = split_sentences(text, toolkit.language);
    // A comment thread scraped with the page ends the article: readers' comments are
    // not reports.
    if let Some(comments) = spans
        .iter()
        .position(|span| chronicle_text::is_comment_header(span.text(text)))
    {
        spans.truncate(comments);
    }
    spans
        .into_iter()
        .enumerate()
        .map(|(position, span)| {
            // Datelines and time stamps are page furniture, not the event; so are a
            // headline and a caption glued before the lead in the first lines of an
            // English article (a page's top: headline, standfirst, credits, lead).
            let mut body = chronicle_text::body_start(span.text(text));
            if position < GLUED_LINES && toolkit.language == Language::English {
                body += chronicle_text::glued_lead_start(&span.text(text)[body..]);
            }
            let start = span.start + body;
            let sentence = &text[start..span.end];
            let mut terms = Vec::new();
            let words = toolkit
                .analyzer
                .for_each_term_memo(sentence, memo, term_id, |t| terms.push(t));
            let words = u32::try_from(words).unwrap_or(u32::MAX);
            let mut days = Vec::new();
            let mut has_coarse_date = false;
            let timexes = toolkit
                .tagger
                .tag_in_context(sentence, article.published, &mut context);
            let stamps = time_stamps(sentence, &timexes);
            let chronology_prefix = match timexes.first() {
                Some(first) if !stamps.contains(&0) => chronology_prefix(sentence, first),
                _ => 0,
            };
            for (i, timex) in timexes.iter().enumerate() {
                if stamps.contains(&i) {
                    // When a post or comment was written, not when anything happened.
                    has_coarse_date = true;
                    continue;
                }
                match (timex.granularity, timex.day) {
                    (Granularity::Day | Granularity::Time, Some(day)) => days.push(DayMention {
                        day,
                        offset: timex.byte_start,
                    }),
                    _ => {
                        if timex.kind != chronicle_timex::TimexType::Duration {
                            has_coarse_date = true;
                        }
                    }
                }
            }
            AnalysedSentence {
                article: index,
                position: position as u32,
                start,
                end: span.end,
                terms,
                words,
                days,
                has_coarse_date,
                chronology_prefix,
            }
        })
        .collect()
}

/// The byte length of a chronology entry's date and separator when `first`, the
/// sentence's first temporal expression, is a day that opens it as one: nothing before
/// it but a list bullet, then a colon or a dash and a space ("April 22 - The rig sinks",
/// "* 2 May : BP starts drilling", "June 17 -- Hayward testifies"; Chinese and Japanese
/// type a full-width colon without a space: "3月17日：安理会通过决议"); 0 otherwise. A
/// day followed by anything else opens prose ("Friday Editor 's Note : …", "April 20 ,
/// 2010 4:36 PM" stamps are left out before this is asked), unless it is written out
/// with its year before a clause ([`dated_clause_prefix`]).
fn chronology_prefix(sentence: &str, first: &chronicle_timex::Timex) -> usize {
    // The same test as for `days`, so that the entry's day is `days[0]`.
    let is_day = matches!(first.granularity, Granularity::Day | Granularity::Time);
    if !is_day || first.day.is_none() {
        return 0;
    }
    let before = sentence.get(..first.byte_start).unwrap_or("x");
    if !before
        .trim()
        .trim_start_matches(['*', '-', '•', '·', '\\'])
        .trim()
        .is_empty()
    {
        return 0;
    }
    let after = sentence.get(first.byte_end..).unwrap_or("");
    let separated = after.trim_start();
    if let Some(rest) = separated.strip_prefix('：') {
        return sentence.len() - rest.trim_start().len();
    }
    let rest = separated
        .strip_prefix(':')
        .or_else(|| separated.strip_prefix("--"))
        .or_else(|| separated.strip_prefix(['-', '–', '—']));
    match rest {
        Some(rest) if rest.starts_with(char::is_whitespace) => {
            sentence.len() - rest.trim_start().len()
        }
        _ => dated_clause_prefix(sentence, first, after),
    }
}

/// The byte length of a chronology entry's date when the entry has no separator: a day
/// written day first with its month's name and its year, then a space and a clause in
/// its own case ("28 June 2009 Los Angeles police interview Dr Murray", as the BBC's
/// timelines print them); 0 otherwise. A word in capitals may be a dateline's place
/// ("25 June 2009 LONDON (Reuters)"), and a page's stamp names itself ("… Last
/// updated at").
fn dated_clause_prefix(sentence: &str, first: &chronicle_timex::Timex, after: &str) -> usize {
    const STAMP_WORDS: [&str; 4] = ["Last", "Updated", "Published", "Posted"];
    let digits = first.text.chars().filter(char::is_ascii_digit).count();
    let month_name = first.text.chars().any(char::is_alphabetic);
    // The day first, then the month's name and a four-digit year (at least five digits
    // in all), no comma. Written the American way ("Thursday , July 29 , 2010 The oil
    // …", "May 1 , 2010 If what I found …") it was a caption's or a comment's stamp in
    // every T17 case.
    let day_first = first.text.starts_with(|c: char| c.is_ascii_digit());
    if digits < 5
        || !month_name
        || !day_first
        || first.text.contains(',')
        || !after.starts_with(' ')
    {
        return 0;
    }
    let rest = after.trim_start();
    let Some(word) = rest.split_whitespace().next() else {
        return 0;
    };
    let clause = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && !STAMP_WORDS.contains(&word);
    if clause {
        sentence.len() - rest.len()
    } else {
        0
    }
}

/// Indices of the expressions that form machine time stamps: a date written out with
/// its year and followed at once by a clock time ("June 4 , 2010 4:36 PM", "September
/// 25 , 2008 12:05 PM"), as page furniture prints them for posts, comments and
/// updates. They date the page, not an event; prose puts a preposition or the clock
/// time first ("at 9:45 p.m. on April 20").
fn time_stamps(sentence: &str, timexes: &[chronicle_timex::Timex]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, pair) in timexes.windows(2).enumerate() {
        let (date, clock) = (&pair[0], &pair[1]);
        let between = sentence.get(date.byte_end..clock.byte_start).unwrap_or("x");
        let adjacent = between.trim().is_empty() || between.trim().eq_ignore_ascii_case("at");
        let with_year = date.text.chars().filter(char::is_ascii_digit).count() >= 4
            && date.granularity == Granularity::Day;
        if adjacent && with_year && clock.granularity == Granularity::Time && is_clock(&clock.text)
        {
            out.push(i);
            out.push(i + 1);
        }
    }
    out
}

/// Whether a time expression is a clock reading with minutes ("4:36 PM", "12:05").
fn is_clock(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        (b == b':' || b == b'.')
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_digit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyse_one(text: &str) -> Vec<AnalysedSentence> {
        Corpus::analyse(vec![crate::test_support::article("a", (2010, 6, 5), text)]).sentences
    }

    #[test]
    fn time_stamps_of_posts_are_not_event_dates() {
        let sentences = analyse_one(
            "Posted by Phil Davis , on June 4 , 2010 4:36 PM Posted by Max Carter , on June 3 , 2010 12:27 PM thanks .",
        );
        assert!(sentences[0].days.is_empty());
        assert!(sentences[0].has_coarse_date);
        // Prose keeps its dates.
        let sentences =
            analyse_one("The rig exploded at 9:45 p.m. on April 20 , 2010 , killing 11 .");
        assert_eq!(sentences[0].days.len(), 1);
    }

    #[test]
    fn a_comment_thread_ends_the_article() {
        let sentences = analyse_one(
            "The rebels took the town on Friday , officials said .\n\
             March 9 , 2011 at 10:18 am | Reply They should have left on Thursday .\n\
             Another reader wrote on Sunday .",
        );
        assert_eq!(sentences.len(), 1);
        // A blog's comment byline opens a thread too.
        let sentences = analyse_one(
            "The rebels took the town on Friday , officials said .\n\
             At 2:10 pm on 12 Mar 2011 , ghost wrote : They should have left on Thursday .",
        );
        assert_eq!(sentences.len(), 1);
    }

    #[test]
    fn chronology_entries_open_with_a_day_and_a_separator_or_its_year() {
        fn entry(text: &str) -> (bool, &str) {
            let s = &analyse_one(text)[0];
            (s.is_chronology_entry(), &text[s.chronology_prefix..])
        }
        assert_eq!(
            entry("April 22 - The rig sinks ."),
            (true, "The rig sinks .")
        );
        assert_eq!(
            entry("* 2 May : BP starts drilling a relief well ."),
            (true, "BP starts drilling a relief well .")
        );
        // A bullet escaped as Markdown, as scraped factboxes carry it.
        assert_eq!(
            entry("\\* May 8 - The containment dome hits a snag ."),
            (true, "The containment dome hits a snag .")
        );
        assert_eq!(
            entry("June 17 , 2010 -- Hayward testifies in Congress ."),
            (true, "Hayward testifies in Congress .")
        );
        assert_eq!(
            entry("3月17日：安理会通过第1973号决议。"),
            (true, "安理会通过第1973号决议。")
        );
        // The BBC's timelines print the day with its year and no separator.
        assert_eq!(
            entry("28 June 2009 Los Angeles police interview Dr Murray for three hours ."),
            (
                true,
                "Los Angeles police interview Dr Murray for three hours ."
            )
        );
        assert_eq!(
            entry("8 February 2010 Dr Murray is charged with involuntary manslaughter."),
            (true, "Dr Murray is charged with involuntary manslaughter.")
        );
        let sentences = analyse_one("April 22 - The rig sinks .");
        assert_eq!(
            sentences[0].days[0].day,
            NaiveDate::from_ymd_opt(2010, 4, 22).unwrap()
        );
        // A day that opens prose, a day after other words, a hyphen that joins words
        // and a bracket are no entries.
        for prose in [
            "Friday Editor 's Note : This article is updated constantly .",
            "On April 22 - as the rig sank - crews fled .",
            "AP June 23 : This image shows oil gushing from the well .",
            "April 22 -LRB- Reuters -RRB- The rig sank .",
            "The rig sank on April 22 : crews fled .",
            // Without a separator: a caption's or comment's stamp the American way, a
            // day without its year, a comma, a word in capitals.
            "Thursday , July 29 , 2010 The oil is then soaked up with absorbent boom .",
            "May 1 , 2010 If what I found is true we have been shafted .",
            "28 June Police interview Dr Murray for three hours .",
            "28 June 2009 , the day after Jackson died , police interview Dr Murray .",
            "28 June 2009 LAPD detectives interview Dr Murray for three hours .",
        ] {
            assert!(!entry(prose).0, "{prose}");
        }
    }

    #[test]
    fn clock_readings_have_minutes() {
        assert!(is_clock("4:36 PM"));
        assert!(is_clock("12.05"));
        assert!(!is_clock("4 p.m."));
        assert!(!is_clock("noon"));
    }
}
