//! Readers' comments scraped with a news page.
//!
//! Pages often end with their comment thread, and a scraper keeps it as part of the
//! article: "July 10 , 2011 at 2:05 pm | Reply I concur with most of the comments …".
//! Readers' comments are not reports: they date nothing and summarise nothing.

/// Whether a sentence carries a comment system's links, which open every reader's
/// comment ("| Reply", "| Report abuse |"): where an article's comment thread begins.
/// Prose does not write them (a pipe, a capital R).
///
/// ```
/// use chronicle_text::is_comment_header;
/// assert!(is_comment_header("March 9 , 2011 at 10:18 am | Reply Send troops there ."));
/// assert!(is_comment_header("Posted by : Max | September 24 , 2008 4:21 PM | Report abuse"));
/// assert!(!is_comment_header("Inspectors were told to report abuse of prisoners ."));
/// ```
pub fn is_comment_header(sentence: &str) -> bool {
    sentence.contains("| Reply") || sentence.contains("Report abuse")
}
