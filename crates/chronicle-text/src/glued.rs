//! Headlines and photo captions glued before an article's lead.
//!
//! Scraped news pages often come out with the headline, a photo caption and the lead on
//! one line, without the punctuation that would part them: "Swine flu outbreak reaches
//! Europe The UN has warned that the virus has the potential to become a pandemic The
//! first cases of swine flu have been confirmed in Europe ." (BBC), "Gulf of Mexico
//! Platform Explosion An oil platform exploded and caught fire Thursday ..." (Fox News).
//! The sentence splitter cannot see the seams, so one of the article's first sentences
//! carries two or three texts, and only the last is a report of the event. English
//! only: the seams are told by English words.

/// Fewest whitespace tokens of a sentence worth looking into: a headline and a
/// lead together are long.
const MIN_TOKENS: usize = 14;
/// Fewest tokens the lead after the last seam must keep.
const MIN_LEAD_TOKENS: usize = 8;

/// Words that open a lead or a caption and are not capitalised inside a sentence.
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "As", "After", "Before", "When", "While", "It",
    "He", "She", "They", "We", "This", "These", "Those", "Two", "Three", "Four", "Five",
    "Six", "Seven", "Eight", "Nine", "Ten", "More", "Some", "Many", "Most", "But", "There",
    "Its", "His", "Her", "Their", "Officials", "Authorities", "Scientists", "Experts",
    "Doctors",
];

/// Words that cannot end a headline or a caption: a seam never follows them ("in The
/// Hague", "of The Times").
#[rustfmt::skip]
const NO_SEAM_AFTER: &[&str] = &[
    "of", "the", "a", "an", "to", "in", "on", "at", "by", "for", "from", "with", "and",
    "or", "but", "as", "that", "than", "is", "are", "was", "were", "be", "been", "has",
    "have", "had", "its", "his", "her", "their", "our", "your", "my", "this", "these",
    "those", "into", "over", "under", "about", "after", "before", "during", "since",
    "until", "told", "said", "says", "say", "called", "named", "aboard", "read", "reads",
    "see", "watch", "including", "entitled", "titled", "like", "makes", "make", "made",
    "type", "category", "class", "grade", "plan", "influenza",
];

/// Words that do not go on a lead's first word ("This Just In will feature …", "…
/// influenza A With the UK …").
#[rustfmt::skip]
const NOT_SECOND: &[&str] = &[
    "will", "would", "can", "could", "may", "might", "should", "must", "and", "or", "but",
    "of",
];

/// Byte offset where the lead starts in one of an article's first sentences, after a
/// headline or caption glued before it: at the last seam, a plain word followed by a
/// capitalised word that
/// - opens leads ("… Europe The first cases …"),
/// - repeats the sentence's first two words, the headline's subject ("Saudi Arabia
///   recalls ambassador … by security forces Saudi Arabia has said …"; one word is not
///   enough: "… of fines BP will have to pay" is one sentence),
/// - repeats the word before it ("… continues to mount up for BP BP says …"), or
/// - follows three upper-case headline words ("HOW SWINE FLU OUTBREAK EMERGED Flu
///   viruses …").
///
/// The lead must end the sentence with its punctuation and keep at least eight tokens.
/// 0 when there is no seam.
///
/// ```
/// use chronicle_text::glued_lead_start;
/// let s = "Swine flu outbreak reaches Europe The UN has warned that the virus has the \
///          potential to become a pandemic The first cases of swine flu have been \
///          confirmed in Europe .";
/// assert_eq!(&s[glued_lead_start(s)..], "The first cases of swine flu have been confirmed in Europe .");
/// let s = "Officials in Haiti said on Sunday that the outbreak of cholera in the camps \
///          of The Hague-funded clinics was under control .";
/// assert_eq!(glued_lead_start(s), 0);
/// ```
pub fn glued_lead_start(sentence: &str) -> usize {
    let tokens: Vec<(usize, &str)> = sentence
        .split_whitespace()
        .map(|t| (t.as_ptr() as usize - sentence.as_ptr() as usize, t))
        .collect();
    let n = tokens.len();
    if n < MIN_TOKENS || !ends_sentence(sentence) {
        return 0;
    }
    // The headline's subject: its first two words, both capitalised ("Saudi Arabia").
    let subject =
        (starts_upper(tokens[0].1) && starts_upper(tokens[1].1) && !is_no_seam_word(tokens[0].1))
            .then(|| [tokens[0].1, tokens[1].1]);
    let mut seam = None;
    for i in 2..=n - MIN_LEAD_TOKENS {
        let (word, before) = (tokens[i].1, tokens[i - 1].1);
        let next = tokens[i + 1].1;
        // A lead does not go on with "and", "will" ("This Just In and the latest") nor
        // with a capitalised opener ("… influenza A With the UK …").
        if !starts_upper(word)
            || !is_plain_word(before)
            || is_no_seam_word(before)
            || !is_plain_word(next)
            || NOT_SECOND.contains(&next)
            || OPENERS.contains(&next)
        {
            continue;
        }
        let opener = OPENERS.contains(&word);
        // A name said twice in a row: the headline ended with it and the lead opens
        // with it ("… continues to mount up for BP BP says …"). (One word repeating the
        // subject after another name may be a name's last part: "President Barack Obama
        // has …" in a headline on Obama.)
        let echo = i > 2 && subject == Some([word, next])
            || before == word && next.chars().next().is_some_and(char::is_lowercase);
        // Three headline words in capitals: two may be an acronym and a title ("BP
        // CEO Tony Hayward").
        let after_caps = i >= 3
            && tokens[i - 3..i]
                .iter()
                .all(|&(_, t)| is_upper_word(t) && t.chars().count() >= 3)
            && word.chars().any(char::is_lowercase);
        if opener || echo || after_caps {
            seam = Some(i);
        }
    }
    seam.map_or(0, |i| tokens[i].0)
}

fn starts_upper(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_uppercase)
}

/// Letters and digits, perhaps joined by hyphens ("Port-au-Prince"): no punctuation
/// that would mark a seam itself.
fn is_plain_word(token: &str) -> bool {
    token
        .split('-')
        .all(|part| !part.is_empty() && part.chars().all(char::is_alphanumeric))
        && token.chars().any(char::is_alphabetic)
}

/// Two or more letters, all upper case.
fn is_upper_word(token: &str) -> bool {
    token.chars().count() >= 2 && token.chars().all(char::is_uppercase)
}

fn is_no_seam_word(token: &str) -> bool {
    NO_SEAM_AFTER.iter().any(|w| w.eq_ignore_ascii_case(token))
}

/// Whether the sentence ends with its punctuation, perhaps inside closing quotes or a
/// bracket, written apart or not ("… pretty well . ''", "… pretty well.\"").
fn ends_sentence(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|c: char| c.is_whitespace() || ['"', '\'', '’', '”', ')'].contains(&c))
        .ends_with(['.', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(s: &str) -> &str {
        &s[glued_lead_start(s)..]
    }

    #[test]
    fn headline_and_caption_before_the_lead_are_cut() {
        let s = "Saudi Arabia recalls ambassador to Syria Protests have continued in cities \
                 across Syria despite the crackdown by security forces Saudi Arabia has said \
                 it is recalling its ambassador from Damascus .";
        assert_eq!(
            lead(s),
            "Saudi Arabia has said it is recalling its ambassador from Damascus ."
        );
        let s = "HOW SWINE FLU OUTBREAK EMERGED Flu viruses mutate over time causing small \
                 changes to proteins on their surface called antigens .";
        assert_eq!(
            lead(s),
            "Flu viruses mutate over time causing small changes to proteins on their \
             surface called antigens ."
        );
        let s = "Gulf of Mexico Platform Explosion An oil platform exploded and caught fire \
                 Thursday off the Louisiana coast ; all 13 crew members are safe .";
        assert!(
            lead(s).starts_with("An oil platform exploded"),
            "{}",
            lead(s)
        );
    }

    #[test]
    fn a_lead_may_end_inside_its_quotation() {
        for s in [
            "Gulf oil spill 's animal victims As BP works to control the oil spill in the Gulf \
             of Mexico , local wildlife struggle for survival . ''",
            "Gulf oil spill's animal victims As BP works to control the oil spill in the Gulf \
             of Mexico, local wildlife struggle for survival.\"",
        ] {
            assert!(lead(s).starts_with("As BP works"), "{s}");
        }
    }

    #[test]
    fn ordinary_sentences_are_left_whole() {
        for s in [
            "The White House said on Thursday that BP would pay for the spill , and the \
             company said it would set aside $ 20bn for claims .",
            "Mr Obama told The New York Times that the administration would not allow \
             new drilling until the inquiry had reported .",
            "Shares in BP fell 5 % in London after the company said it had failed to stop \
             the leak , and analysts said The worst may be over",
            "Rescue teams worked through the night in the capital , where officials said \
             Two more bodies had been found in the rubble .",
            "Short sentence The end .",
        ] {
            assert_eq!(glued_lead_start(s), 0, "{s}");
        }
    }

    #[test]
    fn a_subject_named_again_inside_a_sentence_is_no_seam() {
        let s = "BP faces fines of as much as 20 to 50 percent , signaling a dispute over \
                 how many billions of dollars of fines BP will have to pay under the Clean \
                 Water Act .";
        assert_eq!(glued_lead_start(s), 0);
        for s in [
            "Tests confirmed that eight New York City schoolchildren had a type A influenza \
             virus that was likely to be the swine flu , officials said .",
            "A protester holds a picture of BP CEO Tony Hayward outside the company 's \
             headquarters in London on the day of its results .",
            "He is the author of numerous books on the Middle East , including A Path Out of \
             the Desert : A Grand Strategy for America .",
        ] {
            assert_eq!(glued_lead_start(s), 0, "{s}");
        }
        // A name twice in a row: the headline ended with it.
        let s = "The cost of the Gulf of Mexico oil disaster continues to mount up for BP BP \
                 says the cost of its oil spill has risen to $ 8bn .";
        assert_eq!(
            &s[glued_lead_start(s)..],
            "BP says the cost of its oil spill has risen to $ 8bn ."
        );
        // Not after another name: it may be the name's last part.
        let s = "Obama hopes oil spill boosts support for climate bill President Barack \
                 Obama speaks in the Rose Garden of the White House on Tuesday .";
        assert_eq!(glued_lead_start(s), 0);
        let s = "CNN reports from the protests in Cairo , where crowds gathered again as \
                 news came in Follow live blogging on This Just In and the latest tweets \
                 from our correspondents .";
        assert_eq!(glued_lead_start(s), 0);
    }

    proptest::proptest! {
        #[test]
        fn the_lead_starts_at_a_token_and_keeps_its_words(
            words in proptest::collection::vec("(The|the|Europe|EMERGED|HOW|Saudi|Arabia|and|\\.|of|[A-Za-z]{1,8}|\\PC{1,3})", 0..60)
        ) {
            let text = words.join(" ");
            let start = glued_lead_start(&text);
            proptest::prop_assert!(text.is_char_boundary(start));
            if start > 0 {
                proptest::prop_assert!(text[..start].ends_with(char::is_whitespace));
                proptest::prop_assert!(text[start..].split_whitespace().count() >= MIN_LEAD_TOKENS);
            }
        }
    }

    #[test]
    fn the_lead_keeps_enough_words() {
        // A seam too close to the end would leave a fragment.
        let s = "BP shares rise as the company prepares its next attempt to plug the well \
                 with mud and cement The attempt begins today .";
        assert_eq!(glued_lead_start(s), 0);
    }
}
