//! Summarisation: for each ranked date, gather the sentences that can describe it and
//! choose the most central ones, avoiding repeats within and across dates.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;

use crate::corpus::Corpus;
use crate::rank::{RankedDate, is_retrospective};
use crate::select::Selection;
use crate::similarity::{Idf, SparseVector};

/// Lead sentences (by position) of an article that describe its publication day when
/// they carry no date of their own: news leads report the day's event.
const LEAD_SENTENCES: u32 = 3;
/// Sentence length bounds, in words, for summary sentences: shorter ones are usually
/// headlines or fragments, longer ones run-ons.
const MIN_WORDS: u32 = 6;
const MAX_WORDS: u32 = 70;
/// Sentences longer than this many words lose centrality in proportion to the square
/// root of their excess length: a timeline entry should be read at a glance, and long
/// sentences carry more than the event of the day.
const CONCISE_WORDS: f32 = 25.0;
/// Centrality factor of a sentence from a report that is not retrospective (published
/// before the date, on it or the next day, see [`is_retrospective`]): such reports tell
/// an event as it is planned or unfolds, in pieces ("boats were preparing to move to
/// safety from Thursday night"); reports written later refer back to it as one
/// completed fact, the way a timeline entry states it.
const NOT_RETROSPECTIVE: f32 = 0.8;
/// Centrality factor of a sentence from a report published [`HISTORICAL_AFTER_DAYS`] or
/// more after the date: by then an event is told as history, in a timeline's words ("May
/// 11/12 - Executives from BP, Transocean and Halliburton appear at congressional
/// hearings").
const HISTORICAL: f32 = 1.5;
const HISTORICAL_AFTER_DAYS: i64 = 14;
/// Centrality factor of a chronology entry of the press's own ("April 22 - The rig
/// sinks ."; see [`AnalysedSentence::is_chronology_entry`]): a journalist already wrote
/// it as a timeline entry, the day's event in one line.
///
/// [`AnalysedSentence::is_chronology_entry`]: crate::corpus::AnalysedSentence::is_chronology_entry
const CHRONOLOGY_ENTRY: f32 = 1.2;
/// Maximum cosine between two sentences of the same date.
const MAX_SAME_DATE_SIMILARITY: f32 = 0.5;
/// Maximum cosine between a sentence and any sentence already in the timeline.
const MAX_TIMELINE_SIMILARITY: f32 = 0.7;
/// Maximum cosine between a sentence and the sentences of dates within
/// [`NEAR_DATE_DAYS`] of its own: consecutive days of one event are reported in the same
/// words, and two entries a day apart that tell the same story waste the second.
const MAX_NEAR_DATE_SIMILARITY: f32 = 0.5;
const NEAR_DATE_DAYS: i64 = 3;
/// Weight of the whole story's vector in each date's centroid (the date's own is 1): a
/// timeline entry should tell the day's part of the story the timeline is about, not a
/// side story that happened to share its day.
const TOPIC_WEIGHT: f32 = 0.2;
/// How many terms describe the whole story (see [`Idf::topic_vector`]).
const TOPIC_TERMS: usize = 50;
/// How many ranked dates beyond the wanted number to consider, for dates that end up
/// with no usable sentence.
pub(crate) const SPARE_DATES: usize = 20;

/// The sentences chosen for one date.
pub(crate) struct DateSummary {
    pub ranked: RankedDate,
    /// Indices into [`Corpus::sentences`].
    pub sentences: Vec<usize>,
}

struct Candidate {
    sentence: usize,
    relevant: bool,
    vector: SparseVector,
}

pub(crate) fn summarize(
    corpus: &Corpus,
    selection: &Selection,
    ranked: &[RankedDate],
    wanted: usize,
    per_date: Option<usize>,
) -> Vec<DateSummary> {
    let considered: Vec<&RankedDate> = ranked.iter().take(wanted + SPARE_DATES).collect();
    let dates: HashSet<NaiveDate> = considered.iter().map(|r| r.date).collect();
    let pools = candidate_pools(corpus, selection, &dates);
    let idf = Idf::new(
        selection
            .articles
            .iter()
            .flat_map(|&a| corpus.article_sentences(a)),
    );

    let reporting = reporting_sentences(corpus, selection);
    let topic = idf.topic_vector(
        reporting.values().flatten().map(|&s| &corpus.sentences[s]),
        TOPIC_TERMS,
    );
    let mut reported_vectors: HashMap<NaiveDate, Vec<SparseVector>> = HashMap::new();
    let punctuated = PunctuatedArticles::new(corpus);

    // Every sentence chosen so far, with its date.
    let mut chosen: Vec<(NaiveDate, SparseVector)> = Vec::new();
    let mut out = Vec::new();
    for ranked in considered {
        if out.len() == wanted {
            break;
        }
        let mut candidates: Vec<Candidate> = pools
            .get(&ranked.date)
            .into_iter()
            .flatten()
            .map(|&(sentence, relevant)| Candidate {
                sentence,
                relevant,
                vector: idf.vector(&corpus.sentences[sentence]),
            })
            .filter(|c| !c.vector.is_empty())
            .collect();
        // Keyword filtering can leave a date with fewer usable sentences than it
        // needs: then the undated leads of the next day's on-topic reports, which
        // tell what happened the day before, are candidates too.
        let usable_relevant = candidates
            .iter()
            .filter(|c| c.relevant && is_summary_length(&corpus.sentences[c.sentence]))
            .count();
        if usable_relevant < per_date.unwrap_or(1) {
            candidates.extend(next_day_leads(corpus, &reporting, &idf, ranked.date));
        }
        if candidates.is_empty() {
            continue;
        }
        // Off-topic sentences are a fallback for dates where no sentence matches.
        let any_relevant = candidates.iter().any(|c| c.relevant);
        let usable: Vec<&Candidate> = candidates
            .iter()
            .filter(|c| c.relevant || !any_relevant)
            .collect();
        let k = per_date.unwrap_or_else(|| automatic_sentence_count(corpus, &usable));
        // What the date is about: its candidates plus everything on topic that was
        // reported on the day or the next, with a little of the whole story;
        // candidates are ranked by how well they summarise that.
        // A day's reports serve two dates (the day and the one before): vectorise once.
        let days: Vec<NaiveDate> = [Some(ranked.date), ranked.date.succ_opt()]
            .into_iter()
            .flatten()
            .collect();
        for &day in &days {
            reported_vectors.entry(day).or_insert_with(|| {
                reporting.get(&day).map_or_else(Vec::new, |sentences| {
                    sentences
                        .iter()
                        .map(|&s| idf.vector(&corpus.sentences[s]))
                        .collect()
                })
            });
        }
        let reported = days.iter().flat_map(|day| &reported_vectors[day]);
        let centroid = SparseVector::centroid(usable.iter().map(|c| &c.vector).chain(reported))
            .blend(&topic, TOPIC_WEIGHT);
        let limits: Vec<(f32, &SparseVector)> = chosen
            .iter()
            .map(|(date, vector)| {
                let near = (*date - ranked.date).num_days().abs() <= NEAR_DATE_DAYS;
                let limit = if near {
                    MAX_NEAR_DATE_SIMILARITY
                } else {
                    MAX_TIMELINE_SIMILARITY
                };
                (limit, vector)
            })
            .collect();
        let picked = pick(
            corpus,
            ranked.date,
            &usable,
            &centroid,
            k,
            &limits,
            &punctuated,
        );
        if picked.is_empty() {
            continue;
        }
        chosen.extend(picked.iter().map(|c| (ranked.date, c.vector.clone())));
        out.push(DateSummary {
            ranked: ranked.clone(),
            sentences: picked.iter().map(|c| c.sentence).collect(),
        });
    }
    out
}

/// Whether a sentence is its article's headline: headlines compress an event into
/// telegraphic title case and repeat the report's lead, so the lead is the better
/// summary sentence.
fn is_headline(corpus: &Corpus, sentence: &crate::corpus::AnalysedSentence) -> bool {
    let title = corpus.article_of(sentence).title.as_deref();
    title.is_some_and(|t| t.trim() == corpus.sentence_text(sentence).trim())
}

/// Whether a sentence asks rather than tells: a timeline entry states what happened,
/// and questions in news are rhetorical leads, opinion or reader prompts.
fn is_question(text: &str) -> bool {
    without_closers(text).ends_with(['?', '؟', '？'])
}

/// Whether a sentence is a photo or video caption ("The new capping stack is pictured in
/// this image captured from a BP live video feed …", "…, in this handout photograph .",
/// a wire photo's "Brown pelicans try to balance on an oil boom … , Wednesday , July 21 ,
/// 2010 ."): it tells what a picture shows, not what happened.
fn is_caption(text: &str) -> bool {
    const MARKS: &[&str] = &[
        "in this image",
        "in this photo",
        "in this handout",
        "in this file photo",
        "in this undated",
        "in this still",
        "in this picture",
        "in this aerial",
        "in this video",
        "in this frame",
        "in this screen",
        "is pictured",
        "are pictured",
        "video grab",
        "frame grab",
        "photograph no ",
    ];
    let lower = text.to_lowercase();
    MARKS.iter().any(|m| lower.contains(m)) || ends_with_photo_date(text)
}

/// Whether a sentence ends with the day a wire photo was taken, written out after a
/// comma as news agencies date their captions: ", Wednesday , July 21 , 2010 ." or
/// after the place, "… in Venice, Louisiana, May 2, 2010." (an agency credit in
/// brackets may follow). Prose names a day with a preposition ("on Wednesday", "by
/// May 2, 2010") and rarely closes on its date and year after a comma.
fn ends_with_photo_date(text: &str) -> bool {
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    const MONTHS: [&str; 24] = [
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    ];
    let mut text = text.trim_end();
    // "(AP Photo/Gerald Herbert)", "-LRB- AP Photo\/Dave Martin -RRB-".
    for (open, close) in [("(", ")"), ("-LRB-", "-RRB-")] {
        if let Some(start) = text.strip_suffix(close).and_then(|t| t.rfind(open))
            && text[start..].contains("Photo")
        {
            text = text[..start].trim_end();
        }
    }
    let text = text.trim_end_matches(['.', ' ']);
    let mut parts = text.rsplit(',').map(str::trim);
    let (Some(year), Some(month_day), Some(before)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let is_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    let month_day_ok = month_day.split_once(' ').is_some_and(|(month, day)| {
        let month = month.trim_end_matches('.').to_lowercase();
        MONTHS.contains(&month.as_str())
            && (1..=2).contains(&day.len())
            && day.bytes().all(|b| b.is_ascii_digit())
    });
    // The weekday, with the caption's text before it; or the place, the text's last
    // word.
    let dated_by = if WEEKDAYS.contains(&before.to_lowercase().as_str()) {
        parts.next().is_some_and(|body| !body.is_empty())
    } else {
        // "… in Venice, Louisiana": the place may be two parts; the caption comes first.
        let place = before.split_whitespace().next_back().unwrap_or("");
        let caption = before.contains(' ') || parts.next().is_some_and(|p| !p.is_empty());
        caption && place.starts_with(char::is_uppercase)
    };
    is_year && month_day_ok && dated_by
}

/// Whether a sentence is a teaser cut off by its page ("… saying they belie ...", "…
/// the oil industry still have n't ..."): it ends in an ellipsis, its end missing.
fn is_truncated(text: &str) -> bool {
    let text = text.trim_end();
    text.ends_with("...") || text.ends_with('…')
}

/// Whether a sentence has no end in an article whose sentences have one: a heading,
/// a standfirst or a caption without punctuation ("Chinese President Xi Jinping …
/// expressed the willingness to maintain close contacts with him in the new year",
/// where the article's lead goes on ", Chinese television reported on Saturday.").
/// An article that ends two or fewer of its other sentences with punctuation (a
/// transcript, a feed of posts) is not judged so.
fn is_unfinished(
    corpus: &Corpus,
    sentence: &crate::corpus::AnalysedSentence,
    punctuated: &PunctuatedArticles,
) -> bool {
    !has_final_punctuation(corpus.sentence_text(sentence))
        && punctuated.get(corpus, sentence.article as usize)
}

/// Whether each article ends at least three of its sentences with punctuation, found
/// once per article: an article without them (a feed of thousands of unpunctuated
/// lines) would otherwise be read through again for every candidate of every date.
struct PunctuatedArticles(Vec<OnceCell<bool>>);

impl PunctuatedArticles {
    fn new(corpus: &Corpus) -> Self {
        Self(vec![OnceCell::new(); corpus.articles.len()])
    }

    fn get(&self, corpus: &Corpus, article: usize) -> bool {
        *self.0[article].get_or_init(|| {
            corpus
                .article_sentences(article)
                .iter()
                .filter(|s| has_final_punctuation(corpus.sentence_text(s)))
                .take(3)
                .count()
                >= 3
        })
    }
}

/// Whether `text` ends with a sentence's punctuation, perhaps inside closing quotes or
/// brackets.
fn has_final_punctuation(text: &str) -> bool {
    without_closers(text).ends_with(['.', '!', '?', '…', '。', '！', '？', '؟', ';', ':'])
}

/// `text` without the closing quotes and brackets after its last word or mark (the
/// Penn Treebank's `''` and `-RRB-`, guillemets and CJK brackets included), where a
/// sentence's final punctuation sits: "… to blame?»", "「…採択した。」".
fn without_closers(text: &str) -> &str {
    let mut end = text.trim_end();
    loop {
        let trimmed = end
            .trim_end_matches([
                '"', '\'', '`', '”', '’', '»', ')', ']', '」', '』', '》', '）',
            ])
            .trim_end_matches("-RRB-")
            .trim_end();
        if trimmed.len() == end.len() {
            return end;
        }
        end = trimmed;
    }
}

/// Whether a sentence is a piece of one the splitter cut: the tail ("inserted a new
/// tube Sunday into …", "'s top kill attempt …", ", chairman of the committee , …")
/// starts in lower case, with a clitic or with punctuation; a piece cut inside
/// brackets ("… against oil giant BP Plc (BP .", "N) , British Prime Minister …")
/// opens more than it closes or the other way round. Either reads as nonsense alone.
fn is_fragment(text: &str) -> bool {
    let text = text.trim_start();
    text.starts_with("'s ")
        || text.starts_with("n't ")
        || text.starts_with([',', ';', ':', ')'])
        || text.chars().next().is_some_and(char::is_lowercase)
        || has_unbalanced_brackets(text)
}

/// Whether `text` opens more brackets than it closes, or the other way round (round
/// brackets or the Penn Treebank's `-LRB-` / `-RRB-`).
fn has_unbalanced_brackets(text: &str) -> bool {
    let opens = text.matches('(').count() + text.matches("-LRB-").count();
    let closes = text.matches(')').count() + text.matches("-RRB-").count();
    opens != closes
}

/// On-topic sentences (those matching the request, or all when it has no filter) by
/// their article's publication day.
fn reporting_sentences(corpus: &Corpus, selection: &Selection) -> BTreeMap<NaiveDate, Vec<usize>> {
    let mut by_day: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for &article in &selection.articles {
        let published = corpus.articles[article].published;
        let relevant = corpus.analyses[article]
            .sentence_range
            .clone()
            .filter(|&s| selection.relevant[s] || !selection.filtered);
        by_day.entry(published).or_default().extend(relevant);
    }
    by_day
}

/// Whether a sentence's length suits a summary (see [`MIN_WORDS`], [`MAX_WORDS`]).
fn is_summary_length(sentence: &crate::corpus::AnalysedSentence) -> bool {
    (MIN_WORDS..=MAX_WORDS).contains(&sentence.words)
}

/// The on-topic lead sentences without any date of their own in the reports published
/// the day after `date`: what those reports say happened (the fallback for thin
/// candidate pools).
fn next_day_leads(
    corpus: &Corpus,
    reporting: &BTreeMap<NaiveDate, Vec<usize>>,
    idf: &Idf,
    date: NaiveDate,
) -> Vec<Candidate> {
    let Some(sentences) = date.succ_opt().and_then(|next| reporting.get(&next)) else {
        return Vec::new();
    };
    sentences
        .iter()
        .filter(|&&s| {
            let sentence = &corpus.sentences[s];
            sentence.position < LEAD_SENTENCES
                && sentence.days.is_empty()
                && !sentence.has_coarse_date
        })
        .map(|&sentence| Candidate {
            sentence,
            relevant: true,
            vector: idf.vector(&corpus.sentences[sentence]),
        })
        .filter(|c| !c.vector.is_empty())
        .collect()
}

/// Two sentences for dates reported by several articles (there is more to say and
/// corroboration to choose from), one otherwise.
fn automatic_sentence_count(corpus: &Corpus, usable: &[&Candidate]) -> usize {
    let articles: HashSet<u32> = usable
        .iter()
        .map(|c| corpus.sentences[c.sentence].article)
        .collect();
    if articles.len() >= 3 && usable.len() >= 4 {
        2
    } else {
        1
    }
}

/// Greedy centroid selection with redundancy control: `timeline` holds each sentence
/// already chosen with the highest cosine a new sentence may have to it.
fn pick<'a>(
    corpus: &Corpus,
    date: NaiveDate,
    usable: &[&'a Candidate],
    centroid: &SparseVector,
    k: usize,
    timeline: &[(f32, &SparseVector)],
    punctuated: &PunctuatedArticles,
) -> Vec<&'a Candidate> {
    let mut scored: Vec<(f32, &Candidate)> = usable
        .iter()
        .filter(|c| {
            let sentence = &corpus.sentences[c.sentence];
            let text = corpus.sentence_text(sentence);
            is_summary_length(sentence)
                && !is_headline(corpus, sentence)
                && !is_question(text)
                && !is_fragment(text)
                && !is_caption(text)
                && !is_truncated(text)
                && !is_unfinished(corpus, sentence, punctuated)
        })
        .map(|c| {
            let sentence = &corpus.sentences[c.sentence];
            let concision = (CONCISE_WORDS / sentence.words as f32).min(1.0).sqrt();
            let published = corpus.article_of(sentence).published;
            let telling = if (published - date).num_days() >= HISTORICAL_AFTER_DAYS {
                HISTORICAL
            } else if is_retrospective(published, date) {
                1.0
            } else {
                NOT_RETROSPECTIVE
            };
            let form = if sentence.is_chronology_entry() {
                CHRONOLOGY_ENTRY
            } else {
                1.0
            };
            (c.vector.cosine(centroid) * concision * telling * form, *c)
        })
        .collect();
    // Highest centrality first; ties by corpus order for determinism.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.sentence.cmp(&b.1.sentence)));
    let mut picked: Vec<&Candidate> = Vec::new();
    for (_, candidate) in scored {
        if picked.len() == k {
            break;
        }
        let repeats_date = picked
            .iter()
            .any(|p| p.vector.cosine(&candidate.vector) > MAX_SAME_DATE_SIMILARITY);
        let repeats_timeline = timeline
            .iter()
            .any(|(limit, v)| v.cosine(&candidate.vector) > *limit);
        if !repeats_date && !repeats_timeline {
            picked.push(candidate);
        }
    }
    picked
}

/// For each date: the sentences that can describe it, with whether each matches the
/// request's keywords/query. A sentence belongs to the first in-window day it
/// mentions other than to refer back to it ("the March 3 breach", "since April 22";
/// see [`refers_back`]); an undated lead sentence belongs to its article's publication
/// day.
fn candidate_pools(
    corpus: &Corpus,
    selection: &Selection,
    dates: &HashSet<NaiveDate>,
) -> BTreeMap<NaiveDate, Vec<(usize, bool)>> {
    let mut pools: BTreeMap<NaiveDate, Vec<(usize, bool)>> = BTreeMap::new();
    for &article in &selection.articles {
        let published = corpus.articles[article].published;
        let range = corpus.analyses[article].sentence_range.clone();
        for index in range {
            let sentence = &corpus.sentences[index];
            let text = corpus.sentence_text(sentence);
            let day = match sentence
                .days
                .iter()
                .find(|m| selection.day_in_window(m.day) && !refers_back(text, m.offset))
            {
                Some(mention) => Some(mention.day),
                None if sentence.days.is_empty()
                    && !sentence.has_coarse_date
                    && sentence.position < LEAD_SENTENCES =>
                {
                    Some(published)
                }
                None => None,
            };
            if let Some(day) = day.filter(|d| dates.contains(d)) {
                let relevant = selection.relevant[index] || !selection.filtered;
                pools.entry(day).or_default().push((index, relevant));
            }
        }
    }
    pools
}

/// Whether the date expression at `offset` refers back to an earlier day instead of
/// dating what the sentence reports: a noun's attribute names an earlier event ("the
/// March 3 breach", "the 20 April explosion"), and "since" the start of a state the
/// sentence describes ("oil has leaked since April 22", "depuis le 22 avril", "seit dem
/// 22. April", Chinese and Japanese "3月15日以来", "15日以降", Korean "15일 이후").
fn refers_back(sentence: &str, offset: usize) -> bool {
    since_after(sentence, offset) || refers_back_by_word_before(sentence, offset)
}

/// Chinese, Japanese and Korean write "since" after the date: "3月15日以来", "15日以降",
/// "지난 15일 이후". The date's last unit character ("日", "号", "일") within a few
/// characters of `offset`, then the word.
fn since_after(sentence: &str, offset: usize) -> bool {
    const SINCE: &[&str] = &["以来", "以來", "以降", "이후", "이래"];
    let Some(after) = sentence.get(offset..) else {
        return false;
    };
    after
        .char_indices()
        .take(12)
        .filter(|(_, c)| matches!(c, '日' | '号' | '號' | '天' | '일'))
        .any(|(at, c)| {
            let rest = after[at + c.len_utf8()..].trim_start();
            SINCE.iter().any(|w| rest.starts_with(w))
        })
}

/// [`refers_back`] by the word before the date: "the", or "since" in the languages
/// that write it first.
fn refers_back_by_word_before(sentence: &str, offset: usize) -> bool {
    /// "since" in the languages the tagger reads (Italian's "dal" also opens ranges).
    const SINCE: &[&str] = &["since", "depuis", "desde", "seit", "sinds", "منذ"];
    /// Articles that may stand between "since" and the date.
    const ARTICLES: &[&str] = &["le", "el", "dem"];
    let before = sentence.get(..offset).unwrap_or("");
    let mut words = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let Some(last) = words.next() else {
        return false;
    };
    let one_of = |list: &[&str], word: &str| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    last.eq_ignore_ascii_case("the")
        || one_of(SINCE, last)
        || one_of(ARTICLES, last) && words.next().is_some_and(|w| one_of(SINCE, w))
}

#[cfg(test)]
mod tests {
    use super::refers_back;

    #[test]
    fn questions_are_not_summary_sentences() {
        use super::is_question;
        assert!(is_question("Who is to blame for the spill?"));
        assert!(is_question("Will the cleanup make it worse ? ''"));
        assert!(!is_question("He asked who was to blame."));
        assert!(is_question("من المسؤول عن التسرب؟"));
        // Inside guillemets, brackets or a treebank's closing bracket too.
        assert!(is_question("«¿Quién tiene la culpa?»"));
        assert!(is_question("-LRB- Who pays ? -RRB-"));
        assert!(!is_question("\"Why now?\" he asked, before the vote."));
    }

    #[test]
    fn fragments_are_not_summary_sentences() {
        use super::is_fragment;
        assert!(is_fragment("inserted a new tube Sunday into the pipe."));
        assert!(is_fragment("'s `` top kill '' attempt failed."));
        assert!(!is_fragment("BP inserted a new tube on Sunday."));
        assert!(!is_fragment("`` We will not leave , '' he said."));
        assert!(!is_fragment("12 people died."));
        assert!(is_fragment(
            ", chairman of the committee , said he would resign ."
        ));
        assert!(is_fragment("Shrimpers sued oil giant BP Plc -LRB- BP ."));
        assert!(is_fragment(
            "N) , Prime Minister David Cameron said on Friday …"
        ));
        assert!(!is_fragment(
            "The fund -LRB- $ 20bn -RRB- opened (in London) ."
        ));
    }

    #[test]
    fn teasers_cut_off_are_not_summary_sentences() {
        use super::is_truncated;
        assert!(is_truncated(
            "Coast Guard officials suspended the search , saying they belie ..."
        ));
        assert!(is_truncated("The panel found the industry still has n't …"));
        assert!(!is_truncated(
            "The panel ... found the industry unchanged ."
        ));
    }

    #[test]
    fn sentences_without_an_end_are_not_summary_sentences() {
        use super::{Corpus, PunctuatedArticles, has_final_punctuation, is_unfinished};
        for finished in [
            "The rig sank .",
            "\"We will pay,\" he said.",
            "He said he was `` deeply sorry . ''",
            "The fund (the largest) opened (in London.)",
            "The fund opened -LRB- in London . -RRB-",
            "安理会通过了决议。",
            "首相は「決議を採択した。」",
            "The list: ",
        ] {
            assert!(has_final_punctuation(finished), "{finished}");
        }
        for unfinished in [
            "Coast Guard rescue following oil rig explosion in Gulf of Mexico",
            "Xi expressed the willingness to maintain close contacts with him in the new year",
            "Oil prices (Brent)",
        ] {
            assert!(!has_final_punctuation(unfinished), "{unfinished}");
        }
        let article = |id: &str, text: &str| crate::test_support::article(id, (2022, 12, 31), text);
        let corpus = Corpus::analyse(vec![
            article(
                "a",
                "Xi wrote to Putin on the New Year\nXi wrote to Putin on Friday, \
                 television reported. Putin replied on Saturday. Both hailed the ties.",
            ),
            article(
                "b",
                "Xi wrote to Putin on the New Year\nPutin replied on Saturday",
            ),
        ]);
        let punctuated = PunctuatedArticles::new(&corpus);
        let unfinished: Vec<bool> = corpus
            .sentences
            .iter()
            .map(|s| is_unfinished(&corpus, s, &punctuated))
            .collect();
        // The second article has no sentence with an end to judge by.
        assert_eq!(unfinished, [true, false, false, false, false, false]);
    }

    #[test]
    fn captions_are_not_summary_sentences() {
        use super::is_caption;
        assert!(is_caption(
            "The new capping stack is pictured in this image captured from a BP video feed ."
        ));
        assert!(is_caption(
            "Debris floats in the Gulf of Mexico after the rig sank , in this handout photograph ."
        ));
        assert!(!is_caption("The rig sank on Thursday , officials said ."));
        assert!(!is_caption("Photographers were barred from the hearing ."));
        // A wire photo's caption, tokenized or raw, with or without its credit.
        assert!(is_caption(
            "Brown pelicans try to balance on an oil boom near Martin Island in St. Bernard \
             Parish , La. , Wednesday , July 21 , 2010 ."
        ));
        assert!(is_caption(
            "BP Chief Executive Bob Dudley speaks at a press conference in London, Tuesday, \
             Nov. 2, 2010. (AP Photo/Alastair Grant)"
        ));
        // Dated after the place instead of a weekday.
        assert!(is_caption(
            "U.S. President Barack Obama talks after touring the Coast Guard center in \
             Venice, Louisiana, May 2, 2010."
        ));
        assert!(is_caption(
            "People wear face masks at a shopping street in Kobe , western Japan , May 17 , 2009 ."
        ));
        // Prose that names the day otherwise is kept.
        assert!(!is_caption(
            "The company said it would finish the sale by December 31, 2010."
        ));
        assert!(!is_caption(
            "The moratorium, announced in May, ends on November 30, 2010."
        ));
        assert!(!is_caption("Paris, May 2, 2010."));
        assert!(!is_caption(
            "BP capped the well on Thursday , July 15 , 2010 , after 87 days ."
        ));
        assert!(!is_caption("The well was capped on July 15 , 2010 ."));
        assert!(!is_caption(", Tuesday , July 20 , 2010 ."));
    }

    #[test]
    fn attributes_and_starts_of_states_refer_back() {
        let s = "Of the residents forced out by the March 3 breach, most are back.";
        assert!(refers_back(s, s.find("March").unwrap()));
        let s = "Up to 60,000 barrels a day have leaked into the Gulf since 22 April .";
        assert!(refers_back(s, s.find("22 April").unwrap()));
        let s = "Le pétrole fuit depuis le 22 avril .";
        assert!(refers_back(s, s.find("22").unwrap()));
        let s = "Öl tritt seit dem 22. April aus .";
        assert!(refers_back(s, s.find("22").unwrap()));
        let s = "يتظاهر السكان منذ 15 آذار .";
        assert!(refers_back(s, s.find("15").unwrap()));
        let s = "The dam broke on March 3, flooding the town.";
        assert!(!refers_back(s, s.find("March").unwrap()));
        let s = "Le barrage a cédé le 3 mars .";
        assert!(!refers_back(s, s.find("3 mars").unwrap()));
        assert!(!refers_back("March 3: the dam broke.", 0));
        let s = "3月15日以来，已有数千人逃离家园。";
        assert!(refers_back(s, 0));
        let s = "住民は15日以降、避難を続けている。";
        assert!(refers_back(s, s.find("15").unwrap()));
        let s = "주민들은 지난 15일 이후 대피하고 있다.";
        assert!(refers_back(s, s.find("지난").unwrap()));
        let s = "水坝于3月4日决堤，此后已有数千人逃离。";
        assert!(!refers_back(s, s.find('3').unwrap()));
        let s = "ダムは4日に決壊した。それ以来、村は無人だ。";
        assert!(!refers_back(s, s.find('4').unwrap()));
    }
}
