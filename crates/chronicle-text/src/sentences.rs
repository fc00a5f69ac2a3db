//! Sentence splitting.
//!
//! News text arrives in two shapes: paragraphs (one per line or separated by blank
//! lines) and pre-split corpora with one sentence per line (Timeline17). Both are
//! handled by treating every line as a block and splitting blocks with `sentencex`,
//! which knows news abbreviations ("U.S.", "Dec. 31", "Mr."). A line that ends without
//! sentence punctuation and is followed by a line starting in lower case is a hard wrap,
//! and the two lines are joined into one block. In a text hard-wrapped at a width
//! (`wrap_width`: many lines end mid-sentence, as long as the longest), a line with no
//! room left for the next line's first word continues into it whatever its case
//! ("… the singer Michael" / "Jackson died …"); a heading or a paragraph's last line
//! leaves room and stays apart. A list of unpunctuated lines of nearly equal length
//! looks wrapped too: a joined sentence too long for news, all of whose lines open
//! like sentences, is split back into its lines.

use crate::Language;

/// A sentence, as a byte range into the text it was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
}

impl Sentence {
    /// The sentence's text within `source` (the text it was split from).
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// Splits `text` into sentences, trimmed of surrounding white space; empty pieces are
/// dropped. Offsets are byte offsets into `text` and always fall on char boundaries.
///
/// ```
/// use chronicle_text::{split_sentences, Language};
/// let text = "Mr. Smith went to Washington.\nHe met the U.S. president on Friday.";
/// let s: Vec<&str> = split_sentences(text, Language::English).iter().map(|s| s.text(text)).collect();
/// assert_eq!(s, ["Mr. Smith went to Washington.", "He met the U.S. president on Friday."]);
/// ```
pub fn split_sentences(text: &str, language: Language) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (block_start, block_end) in blocks(text) {
        let first = out.len();
        split_block(text, block_start, block_end, language, &mut out);
        if text[block_start..block_end].contains('\n') {
            unjoin_runaway_sentences(text, first, &mut out);
        }
    }
    out
}

/// A sentence of more words than this, drawn across lines that `blocks` joined, may
/// show that the lines were no wrap: no news sentence runs so long (a summary sentence
/// has at most 70 words). A machine-made list of unpunctuated lines of nearly equal
/// length looks wrapped to `wrap_width`; joined, it was one sentence of thousands of
/// words.
const MAX_JOINED_WORDS: usize = 120;

/// Splits back into its lines each sentence from `out[first..]` that runs over
/// `MAX_JOINED_WORDS` words across joined lines, every one of which opens like a
/// sentence (a capital or a digit): a list's lines do, a wrap's seldom. A run-on
/// comment hard-wrapped stays whole, since its lines would be fragments.
fn unjoin_runaway_sentences(text: &str, first: usize, out: &mut Vec<Sentence>) {
    let runaway = |s: &Sentence| {
        let sentence = s.text(text);
        sentence.contains('\n')
            && sentence.split_whitespace().nth(MAX_JOINED_WORDS).is_some()
            && sentence.lines().all(|line| {
                line.trim_start()
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit())
            })
    };
    if !out[first..].iter().any(runaway) {
        return;
    }
    let sentences: Vec<Sentence> = out.drain(first..).collect();
    for sentence in sentences {
        if !runaway(&sentence) {
            out.push(sentence);
            continue;
        }
        let mut start = sentence.start;
        for line in sentence.text(text).split_inclusive('\n') {
            push_trimmed(text, start, start + line.len(), out);
            start += line.len();
        }
    }
}

/// Splits the block `text[block_start..block_end]` into sentences, appended to `out`.
fn split_block(
    text: &str,
    block_start: usize,
    block_end: usize,
    language: Language,
    out: &mut Vec<Sentence>,
) {
    // The block's line breaks are wraps `blocks` joined, so the splitter reads them
    // as spaces: it cuts before a line that opens like a numbered item ("2012. The"),
    // which a wrap can put at a line's start. Same length, so offsets still hold.
    let joined;
    let block = match &text[block_start..block_end] {
        one_line if !one_line.contains('\n') => one_line,
        lines => {
            joined = lines.replace("\r\n", "  ").replace('\n', " ");
            joined.as_str()
        }
    };
    // A bare ordinal the splitter cut off ("15." before "Februar: …", "1." before a
    // list item), or a dateline it cut at its period ("MADRID, 3 mar (EFE).", then
    // "- El Gobierno …"; "МОСКВА, 3 марта.", "/ТАСС/.", then the report), starts the
    // next piece instead, where `body_start` finds it whole. A place and day is held
    // only for an agency or a dash that follows it.
    let mut held: Option<(usize, usize, Cut)> = None;
    for piece in sentencex::get_sentence_boundaries(language.code(), block) {
        let (Some(start), Some(end)) = (
            block_start.checked_add(piece.start_byte),
            block_start.checked_add(piece.end_byte),
        ) else {
            continue;
        };
        if end > block_end || start >= end {
            continue;
        }
        let own = text.get(start..end).unwrap_or("");
        if let Some((place_start, place_end, Cut::PlaceAndDay)) = held
            && !(crate::dateline::ends_with_agency(own)
                || own.trim_start().starts_with(['-', '–', '—']))
        {
            push_trimmed(text, place_start, place_end, out);
            held = None;
        }
        let start = held.take().map_or(start, |(s, _, _)| s);
        let cut = if is_bare_ordinal(own) || crate::dateline::ends_with_agency(own) {
            Some(Cut::Lead)
        } else if is_place_and_day(own) {
            Some(Cut::PlaceAndDay)
        } else {
            None
        };
        if let Some(cut) = cut {
            held = Some((start, end, cut));
            continue;
        }
        let mut from = start;
        if language == Language::English {
            // Offsets from `sentencex` are checked, as for `own` above.
            for cut in month_may_ends(text.get(start..end).unwrap_or("")) {
                push_trimmed(text, from, start + cut, out);
                from = start + cut;
            }
        }
        push_trimmed(text, from, end, out);
    }
    if let Some((start, end, _)) = held {
        push_trimmed(text, start, end, out);
    }
}

/// Byte offsets in `piece` just after each "May." that ends a sentence: the month's
/// whole name, or a person's, before a capitalised word ("… in May. Dr. Reyes said",
/// "… on 10 May. Mr Ban also said"). `sentencex` takes it for an abbreviation, as
/// "Jan." is, and splits there only before a common opener ("The"); but no
/// abbreviation is spelt "May.".
fn month_may_ends(piece: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut from = 0;
    while let Some(found) = piece[from..].find("May.") {
        let at = from + found;
        let end = at + "May.".len();
        let word_start = piece[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let rest = &piece[end..];
        let next = rest.trim_start();
        if word_start
            && rest.starts_with(char::is_whitespace)
            && next.starts_with(char::is_uppercase)
        {
            ends.push(end);
        }
        from = end;
    }
    ends
}

/// A piece the splitter cut off that belongs to the next one.
#[derive(Clone, Copy, PartialEq)]
enum Cut {
    /// A bare ordinal or a dateline ending in its agency: always the next piece's.
    Lead,
    /// A place in capitals and a day: the next piece's when an agency or a dash
    /// follows.
    PlaceAndDay,
}

/// Whether `piece` is only a one- or two-digit number and a period: a German date's day
/// ("15. Februar") or a list number, never a sentence of its own.
fn is_bare_ordinal(piece: &str) -> bool {
    piece
        .trim()
        .strip_suffix('.')
        .is_some_and(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `piece` is a dateline's place in capitals and its day, cut off at the day's
/// period: "МОСКВА, 3 марта.", "BUENOS AIRES, 3 mar." (at most six words).
fn is_place_and_day(piece: &str) -> bool {
    // Most pieces are longer, or open in lower case: answered before the words are split.
    let opens_in_capitals = piece
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    if !opens_in_capitals || piece.split_whitespace().nth(6).is_some() {
        return false;
    }
    let words: Vec<&str> = piece.split_whitespace().collect();
    let Some(comma) = words.iter().position(|w| w.ends_with(',')) else {
        return false;
    };
    let capitals = |w: &str| {
        let w = w.trim_end_matches(',');
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_uppercase() || c == '-' || c == '.')
    };
    let day = |w: &&str| {
        let w = w.trim_end_matches('.');
        (1..=2).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit())
    };
    words.len() <= 6
        && words[..=comma].iter().all(|w| capitals(w))
        && (1..=3).contains(&(words.len() - comma - 1))
        && words[comma + 1..].iter().any(day)
        && piece.trim_end().ends_with('.')
}

/// Pushes `text[start..end]` trimmed of white space, if anything is left.
fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return;
    }
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() || !trimmed.chars().any(char::is_alphanumeric) {
        return;
    }
    let s = start + lead;
    out.push(Sentence {
        start: s,
        end: s + trimmed.len(),
    });
}

/// Byte ranges of blocks: lines, with hard-wrapped lines joined.
fn blocks(text: &str) -> Vec<(usize, usize)> {
    let width = wrap_width(text);
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    let mut previous: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            previous = None;
            continue;
        }
        let end = start + content.len();
        let continues = previous.is_some_and(|previous| {
            (is_open(previous) && trimmed.chars().next().is_some_and(char::is_lowercase))
                || width.is_some_and(|width| is_full(previous, trimmed, width))
        });
        match blocks.last_mut() {
            Some(last) if continues => last.1 = end,
            _ => blocks.push((start, end)),
        }
        previous = Some(content);
    }
    blocks
}

/// Whether a line ends without sentence punctuation, so the next may continue it.
fn is_open(line: &str) -> bool {
    !line
        .trim_end()
        .ends_with(['.', '!', '?', '"', '\'', ':', '”', '’', '»', ')'])
}

/// Whether `line` was broken by a wrap at `width` characters: the next line's first
/// word would not have fitted on it. A line a writer ended (a heading, a paragraph's
/// last line) leaves room for that word.
fn is_full(line: &str, next: &str, width: usize) -> bool {
    let first_word = next.split_whitespace().next().unwrap_or("");
    let length = line.trim_end().chars().count();
    // A line longer than the wrap (a title) was not wrapped.
    length <= width && length + 1 + first_word.chars().count() > width
}

/// The width a text was hard-wrapped at, when it was: the longest of the lines with
/// another line after them in the same paragraph, if at least two of the lines that
/// end mid-sentence, and at least a third of all lines followed so, are full at that
/// width. A title longer than the wrap may come first: the next longest lengths are
/// tried too (of lines that end mid-sentence, three; of others, five). A text with one
/// sentence or paragraph per line has lines of every length, few of them near the
/// longest, and they end with their sentences.
fn wrap_width(text: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    // Lines followed by another in the same paragraph; a title or a link set apart by
    // a blank line may be longer than the wrap.
    let inner: Vec<(&str, &str)> = lines
        .windows(2)
        .filter(|pair| !pair[0].trim().is_empty() && !pair[1].trim().is_empty())
        .map(|pair| (pair[0], pair[1].trim_start()))
        .collect();
    // Most texts end their lines with their sentences: answered before counting widths.
    let open = inner.iter().filter(|(line, _)| is_open(line)).count();
    if open < 2 || 3 * open < inner.len() {
        return None;
    }
    let longest = |open: bool, at_least: usize, count: usize| {
        let mut widths: Vec<usize> = inner
            .iter()
            .filter(|(line, _)| is_open(line) == open)
            .map(|(line, _)| line.chars().count())
            .filter(|&width| width >= at_least)
            .collect();
        widths.sort_unstable_by(|a, b| b.cmp(a));
        widths.dedup();
        widths.truncate(count);
        widths
    };
    let mut widths = longest(true, 0, 3);
    // A line ending its sentence is as likely as any to be the longest; when it is,
    // only its length is the wrap's width. A few such lengths are tried too, bounded
    // so that a text of long one-line paragraphs costs no more.
    let shortest_open = widths.last().copied().unwrap_or(0);
    widths.extend(longest(false, shortest_open, 5));
    widths.sort_unstable_by(|a, b| b.cmp(a));
    widths.dedup();
    widths.into_iter().find(|&width| {
        let full = inner
            .iter()
            .filter(|(line, next)| is_open(line) && is_full(line, next, width))
            .count();
        full >= 2 && 3 * full >= inner.len()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(text: &str) -> Vec<&str> {
        texts_in(text, Language::English)
    }

    fn texts_in(text: &str, language: Language) -> Vec<&str> {
        split_sentences(text, language)
            .iter()
            .map(|s| s.text(text))
            .collect()
    }

    /// The sentences of `text` with their white space collapsed, to compare a wrapped
    /// text with the same text on one line.
    fn collapsed_texts(text: &str) -> Vec<String> {
        texts(text)
            .iter()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn a_dateline_cut_at_its_period_starts_the_next_sentence() {
        let text =
            "MADRID, 3 mar (EFE).- El Gobierno aprobó la reforma. La oposición votó en contra.";
        let s = texts_in(text, Language::Spanish);
        assert_eq!(s[0], "MADRID, 3 mar (EFE).- El Gobierno aprobó la reforma.");
        for text in [
            "МОСКВА, 3 марта. /ТАСС/. Правительство одобрило реформу во вторник.",
            "МОСКВА, 3 марта. /РИА Новости/. Правительство одобрило реформу во вторник.",
        ] {
            assert_eq!(texts_in(text, Language::Russian), [text]);
        }
        // Short sentences in capitals are no datelines, nor is a place and a number
        // that no agency or dash follows.
        let text = "NATO agreed. The plan, 2 pages long, was signed. WASHINGTON, he said.";
        assert_eq!(texts(text).len(), 3, "{:?}", texts(text));
        let text = "EEUU, 3 detenidos. La policía investiga el caso.";
        let s = texts_in(text, Language::Spanish);
        assert_eq!(s, ["EEUU, 3 detenidos.", "La policía investiga el caso."]);
    }

    #[test]
    fn a_bare_ordinal_starts_the_next_sentence() {
        let text = "15. Februar: In Bengasi beginnen die Proteste.\n3.";
        let s = texts_in(text, Language::German);
        assert_eq!(s, ["15. Februar: In Bengasi beginnen die Proteste.", "3."]);
    }

    #[test]
    fn keeps_news_abbreviations_together() {
        let text = "BEIJING, Dec. 31 (Xinhua) -- Xi spoke on Sunday. The U.S. envoy left. Mr. Putin replied.";
        assert_eq!(
            texts(text),
            [
                "BEIJING, Dec. 31 (Xinhua) -- Xi spoke on Sunday.",
                "The U.S. envoy left.",
                "Mr. Putin replied."
            ]
        );
    }

    #[test]
    fn one_sentence_per_line_corpora_stay_split() {
        let text = "Oil reaches the coast \nBP says it will pay .\n\nObama visits the Gulf .";
        assert_eq!(
            texts(text),
            [
                "Oil reaches the coast",
                "BP says it will pay .",
                "Obama visits the Gulf ."
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let text = "The minister said the talks\nwould resume next week. Nobody objected.";
        assert_eq!(
            texts(text),
            [
                "The minister said the talks\nwould resume next week.",
                "Nobody objected."
            ]
        );
    }

    #[test]
    fn lines_wrapped_before_a_capitalised_word_are_joined() {
        // Wrapped at 50 columns: the first two lines end mid-sentence, full.
        let text = "Fans gathered on Thursday outside the hospital in\n\
                    Los Angeles where the singer Michael Jackson died,\n\
                    and many stayed through the night. Police closed\n\
                    the road.";
        assert_eq!(
            texts(text).len(),
            2,
            "one sentence across three lines: {:?}",
            texts(text)
        );
        assert!(texts(text)[0].ends_with("through the night."));
        // A title longer than the wrap does not hide it, set apart by a blank line or
        // not, and is not joined to the text.
        for gap in ["\n\n", "\n"] {
            let titled = format!(
                "Thousands of fans mourn outside the hospital where the singer died{gap}{text}"
            );
            let s = texts(&titled);
            assert_eq!(s.len(), 3, "{s:?}");
            assert!(s[0].ends_with("the singer died"), "{s:?}");
        }
    }

    #[test]
    fn a_wrapped_paragraph_splits_as_on_one_line() {
        for (paragraph, width) in [
            // The wrap puts "2012." and "2014." at lines' starts; reading the line
            // breaks, the splitter took them for numbered items and cut before them.
            (
                "Crews sealed the well with cement in the autumn of 2010. BP said the leak \
                 was over, and the company paid for the clean-up of the coast in 2011. \
                 Officials agreed that the work ended in 2012. The company sold its stake \
                 in 2013. A court fined it in 2014. Its chief left in 2015.",
                32,
            ),
            // The longest line ends with "U.S.", not mid-sentence: the width is still
            // its length, and "Treasury" still joins it.
            (
                "Shares fell on Friday after an inquiry by the U.S. Treasury into its trade \
                 with Iran, which ran for years, and the chief said that it would pay the \
                 fine.",
                50,
            ),
        ] {
            let wrapped = textwrap::fill(paragraph, width);
            assert_eq!(
                collapsed_texts(paragraph),
                collapsed_texts(&wrapped),
                "{wrapped}"
            );
        }
    }

    #[test]
    fn a_list_of_lines_of_equal_length_is_not_joined_into_one_sentence() {
        // Every line ends mid-sentence and is full at the longest width, as in a wrap;
        // joined, the list was one sentence of 520 words.
        let list: String = (0..40)
            .map(|i| {
                format!(
                    "Officials in district {i:04} reported flooding on March {}\n",
                    i % 9 + 1
                )
            })
            .collect();
        let s = texts(&list);
        assert_eq!(s.len(), 40, "{s:?}");
        assert_eq!(
            s[3],
            "Officials in district 0003 reported flooding on March 4"
        );
        // A run-on text hard-wrapped is still joined, however long: its lines would be
        // fragments ("wont know the long term").
        let words = "the people who will try to clean up this mess and wont know the long term \
                     damage to the Gulf and its coast should be told by BP";
        let run_on: String = std::iter::repeat_n(words, 6).collect::<Vec<_>>().join(" ") + ".";
        let wrapped = textwrap::fill(&run_on, 60);
        assert!(wrapped.lines().count() > 10);
        assert_eq!(collapsed_texts(&wrapped), [run_on]);
    }

    #[test]
    fn a_heading_before_a_wrapped_paragraph_stays_apart() {
        let text = "Oil reaches the coast\n\
                    The slick from the damaged well reached the shore of\n\
                    Louisiana on Thursday, officials said, and crews on\n\
                    the beaches began to clean the sand.";
        let s = texts(text);
        assert_eq!(s[0], "Oil reaches the coast");
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn the_month_of_may_ends_a_sentence() {
        assert_eq!(
            texts("A second round follows in May. Dr. Reyes will report in June."),
            [
                "A second round follows in May.",
                "Dr. Reyes will report in June."
            ]
        );
        assert_eq!(
            texts("The bombs went off on 10 May. Mr Ban also said the talks would go on."),
            [
                "The bombs went off on 10 May.",
                "Mr Ban also said the talks would go on."
            ]
        );
        // Before a number or a lower-case word, or ending a longer word, it is no end.
        for whole in [
            "Talks resume on May. 3, the ministry said.",
            "The vote in May. was delayed, officials said.",
            "He showed no DisMay. Police said nothing.",
        ] {
            assert!(month_may_ends(whole).is_empty(), "{whole}");
        }
        assert_eq!(month_may_ends("in May. Dr. Reyes and May. Police"), [7, 26]);
        // Only English reads "May" as the month.
        assert_eq!(
            texts_in("Er kam im May. Dr. Weber sprach.", Language::German).len(),
            1
        );
    }

    #[test]
    fn punctuation_only_lines_are_dropped() {
        assert!(texts("...\n--\n").is_empty());
    }

    proptest! {
        /// A paragraph hard-wrapped at any common width splits into the same sentences
        /// as the paragraph on one line.
        #[test]
        fn wrapping_does_not_change_the_sentences(
            sentences in proptest::collection::vec(
                proptest::collection::vec(
                    "(the|talks|Minister|Michael|Jackson|said|in|Gulf|on|Friday|oil|BP|would|resume|and|officials|New|York|2010|reports)",
                    8..20,
                ),
                3..8,
            ),
            width in 40usize..80,
        ) {
            let paragraph: String = sentences
                .iter()
                .map(|words| format!("{}.", words.join(" ")))
                .collect::<Vec<_>>()
                .join(" ");
            let wrapped = textwrap::fill(&paragraph, textwrap::Options::new(width).break_words(false));
            let plain = collapsed_texts(&paragraph);
            let joined = collapsed_texts(&wrapped);
            // Wrapping is recognised from lines that end mid-sentence: at least two,
            // and a third of the lines.
            let lines = wrapped.lines().count();
            let open = wrapped.lines().filter(|l| !l.ends_with('.')).count();
            if open >= 2 && 3 * open >= lines {
                prop_assert_eq!(plain, joined);
            }
        }

        #[test]
        fn spans_are_valid_and_ordered(
            text in "(\\PC|[ .\n]|MADRID, 3 mar \\(EFE\\)\\.|/ТАСС/\\. |15\\. ){0,120}"
        ) {
            let sentences = split_sentences(&text, Language::English);
            let mut last = 0;
            for s in sentences {
                prop_assert!(s.start >= last && s.start < s.end && s.end <= text.len());
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                last = s.end;
            }
        }
    }
}
