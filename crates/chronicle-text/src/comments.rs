//! Readers' comments scraped with a news page.
//!
//! Pages often end with their comment thread, and a scraper keeps it as part of the
//! article: "July 10 , 2011 at 2:05 pm | Reply I concur with most of the comments …".
//! Readers' comments are not reports: they date nothing and summarise nothing.

use crate::dateline::is_clock;

/// Whether a sentence carries a comment system's links, which open every reader's
/// comment ("| Reply", "| Report abuse |"): where an article's comment thread begins.
/// Prose does not write them (a pipe, a capital R).
///
/// ```
/// use chronicle_text::is_comment_header;
/// assert!(is_comment_header("March 9 , 2011 at 10:18 am | Reply Send troops there ."));
/// assert!(is_comment_header("Posted by : Max | September 24 , 2008 4:21 PM | Report abuse"));
/// assert!(!is_comment_header("Inspectors were told to report abuse of prisoners ."));
/// assert!(is_comment_header("At 2:10 pm on 02 Jun 2009 , ghost wrote : As much as …"));
/// assert!(!is_comment_header("In a letter on Monday , Gillers wrote : `` No . ''"));
/// ```
pub fn is_comment_header(sentence: &str) -> bool {
    sentence.contains("| Reply") || sentence.contains("Report abuse") || is_comment_byline(sentence)
}

/// Whether a sentence opens a reader's comment with a blog's byline: a time stamp, then
/// the commenter's handle and "wrote :" ("At 2:10 pm on 02 Jun 2009 , ghost wrote :").
/// The handle is one word after a comma and the stamp holds a clock time; a reporter
/// quoting a letter ("In a letter to Feinberg , Gillers wrote :") has no clock.
fn is_comment_byline(sentence: &str) -> bool {
    /// How far into the sentence the byline may end, in bytes.
    const BYLINE_BYTES: usize = 120;
    let Some(wrote) = sentence
        .find(" wrote :")
        .or_else(|| sentence.find(" wrote:"))
        .filter(|&at| at <= BYLINE_BYTES)
    else {
        return false;
    };
    let before = sentence[..wrote].trim_end();
    let Some(comma) = before.rfind(',') else {
        return false;
    };
    let handle = before[comma + 1..].trim();
    !handle.is_empty()
        && !handle.contains(char::is_whitespace)
        && before[..comma].split_whitespace().any(is_clock)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blog_bylines_open_comments() {
        assert!(is_comment_header(
            "At 03:06 am on 03 Jun 2009 , gelaige wrote : Someone asked whether the site is open ."
        ));
        assert!(is_comment_header(
            "At 4:06 pm on 02 Jun 2009 , TrnOvrANwLeaf wrote: Censorship ."
        ));
    }

    #[test]
    fn quoted_writers_are_prose() {
        // No clock before the writer.
        assert!(!is_comment_header(
            "In a newspaper column on Monday , the former Cuban leader wrote : `` No . ''"
        ));
        // A clock, but a writer of several words.
        assert!(!is_comment_header(
            "At 10:30 on Tuesday , the UN envoy wrote : the talks are over ."
        ));
        // A score is no clock.
        assert!(!is_comment_header(
            "Arsenal won 12:345 , fan wrote : what a game ."
        ));
    }
}
