//! Datelines, time stamps and other page furniture at the start of a news sentence.
//!
//! Article bodies open with a dateline ("WASHINGTON (Reuters) - ", "Cairo, Egypt (CNN)
//! -- ") and pages often glue a headline and a time stamp ("Thursday , April 29 , 2010 ;
//! 4:49 PM ") before it; live pages and transcripts lead with credits, update stamps and
//! speaker labels ("(AP) ", "(Updated 5:31 p.m. ET) ", "SESAY : "). None of that is part
//! of the event the sentence reports, and it makes a summary sentence longer and
//! noisier, so the engine scores, tags and shows the sentence from [`body_start`] on.

/// How far into a sentence (in whitespace tokens) a dateline or time stamp may end.
const MAX_PREFIX_TOKENS: usize = 30;

/// Byte offset where the body of `sentence` starts: after a leading time stamp and/or
/// a dateline (ending in a dash, or in a news agency's bracket), with whatever was glued
/// before them (usually a headline), and after credits, photo credits, update stamps,
/// live pages' entry stamps, speaker labels and subheadings. 0 when the sentence has
/// none of them.
///
/// ```
/// use chronicle_text::body_start;
/// let s = "WASHINGTON (Reuters) - The Senate passed the bill.";
/// assert_eq!(&s[body_start(s)..], "The Senate passed the bill.");
/// let s = "Thursday , April 29 , 2010 ; 4:49 PM A massive spill is expected.";
/// assert_eq!(&s[body_start(s)..], "A massive spill is expected.");
/// let s = "NATO - led forces said on Friday that they had left.";
/// assert_eq!(body_start(s), 0);
/// ```
pub fn body_start(sentence: &str) -> usize {
    let east_asian = east_asian_dateline_end(sentence);
    if east_asian > 0 {
        return east_asian;
    }
    // A dateline may follow a glued headline and time stamp: look that far past them.
    let tokens = punctuation_tokens(sentence, 2 * MAX_PREFIX_TOKENS + 1);
    let mut body = 0; // index of the first body token
    if let Some(after_stamp) = time_stamp_end(&tokens) {
        body = after_stamp;
    }
    // Some pages print the dateline twice ("WASHINGTON -- WASHINGTON (AP) -- ").
    while let Some(after_dateline) = dateline_end(&tokens, body) {
        body = after_dateline;
    }
    if let Some(after_wire) = wire_end(&tokens, body) {
        body = after_wire;
    }
    if let Some(after_video) = video_teaser_end(&tokens, body) {
        body = after_video;
    }
    // A gallery glues caption after caption, each with its credits.
    while let Some(after_credit) = credited_caption_end(&tokens, body) {
        body = after_credit;
        if let Some(after_dateline) = dateline_end(&tokens, body) {
            body = after_dateline;
        }
    }
    // A credit, update stamp or speaker label may lead, before or after the above.
    // A stray dash may lead furniture ("-- (Update 2:52 a.m. Cairo) Ali Regal …").
    let dashed = |at: usize| {
        tokens
            .get(at)
            .filter(|&&(_, t)| is_dash(t))
            .and_then(|_| furniture_end(&tokens, at + 1))
    };
    while let Some(after) = furniture_end(&tokens, body).or_else(|| dashed(body)) {
        body = after;
        if let Some(after_dateline) = dateline_end(&tokens, body) {
            body = after_dateline;
        }
    }
    match tokens.get(body) {
        // The body starts a word: a bracket peeled off a word that goes on stays
        // with it.
        Some(&(offset, _)) if body > 0 => sentence[..offset]
            .trim_end_matches(|c: char| !c.is_whitespace())
            .len(),
        _ => 0,
    }
}

/// Byte offset after an East Asian wire's dateline that opens `sentence`, 0 when there
/// is none: Chinese "新华社北京3月3日电（记者张三）" or "中新网3月3日电 " (a place and
/// day, then 电, "wired", and perhaps the reporter in brackets), Japanese "【ワシントン共同】",
/// Korean "(서울=연합뉴스) 홍길동 기자 = ". Like other datelines, its day is the
/// publication's, not an event's.
fn east_asian_dateline_end(sentence: &str) -> usize {
    /// How many characters such a dateline may have before its end mark.
    const MAX_CHARS: usize = 24;
    // Most sentences open otherwise: answered before anything is copied.
    let opens = sentence
        .chars()
        .next()
        .is_some_and(|c| crate::is_unspaced(c) || c == '【' || c == '(');
    if !opens {
        return 0;
    }
    let head_end = sentence
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(sentence.len(), |(i, _)| i);
    let head = &sentence[..head_end];
    let after = |end: usize| {
        let rest = &sentence[end..];
        let body = rest.trim_start();
        (!body.is_empty()).then(|| sentence.len() - body.len())
    };
    // Chinese: "…月…日电", then perhaps "（记者…）".
    if let Some(wired) = head.find('电') {
        let before = &head[..wired];
        let dated = before.contains('月') && before.contains('日');
        let plain = !before.contains(['，', '。', ',', '：']);
        let mut end = wired + '电'.len_utf8();
        let rest = &sentence[end..];
        // "电" also opens words ("电视", television): a wire's name, a bracket or a space
        // must tell the dateline.
        const CHINESE_WIRES: [&str; 6] =
            ["新华社", "中新社", "中新网", "人民网", "央视网", "环球网"];
        let marked = CHINESE_WIRES.iter().any(|w| before.starts_with(w))
            || rest.starts_with(['（', '('])
            || rest.starts_with(char::is_whitespace);
        if dated && plain && marked && before.starts_with(crate::is_unspaced) {
            if rest.starts_with('（')
                && let Some(close) = rest.find('）')
                && rest[..close].chars().count() <= MAX_CHARS
            {
                end += close + '）'.len_utf8();
            }
            return after(end).unwrap_or(0);
        }
    }
    // Japanese: "【ワシントン共同】".
    if head.starts_with('【')
        && let Some(close) = head.find('】')
    {
        return after(close + '】'.len_utf8()).unwrap_or(0);
    }
    // Korean: "(서울=연합뉴스) 홍길동 기자 = ".
    if head.starts_with('(')
        && let Some(close) = head.find(')')
        && head[..close].contains('=')
        && head[..close]
            .chars()
            .any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
    {
        let mut end = close + 1;
        let rest = &sentence[end..];
        if let Some(equals) = rest.find(" = ")
            && rest[..equals].trim_end().ends_with("기자")
            && rest[..equals].chars().count() <= MAX_CHARS
        {
            end += equals + " = ".len();
        }
        return after(end).unwrap_or(0);
    }
    0
}

/// The first `limit` tokens of `sentence` with their byte offsets, punctuation apart
/// as in tokenized corpora (Penn Treebank style, as Timeline17's): brackets that open
/// a word and brackets, commas, semicolons and colons that close it are tokens of their
/// own ("SESAY: (AP) Well," reads "SESAY", ":", "(", "AP", ")", "Well", ","), so the
/// rules below read raw text as they read tokenized text. Colons and periods inside a
/// word stay ("4:36", "p.m.", "U.S.").
pub(crate) fn punctuation_tokens(sentence: &str, limit: usize) -> Vec<(usize, &str)> {
    const OPENING: [char; 2] = ['(', '['];
    const CLOSING: [char; 5] = [')', ']', ',', ';', ':'];
    let mut tokens = Vec::new();
    for word in sentence.split_whitespace() {
        let mut offset = word.as_ptr() as usize - sentence.as_ptr() as usize;
        let mut rest = word;
        while rest.len() > 1 && rest.starts_with(OPENING) {
            tokens.push((offset, &rest[..1]));
            rest = &rest[1..];
            offset += 1;
        }
        // An agency's bracket closed by a period or a dash: "(EFE).-", "(EFE).".
        let (rest, dash) = match rest
            .strip_suffix(".-")
            .or_else(|| rest.strip_suffix('-'))
            .or_else(|| rest.strip_suffix('.'))
        {
            Some(before) if before.ends_with(')') => (before, Some(&rest[before.len()..])),
            _ => (rest, None),
        };
        let core = rest.trim_end_matches(CLOSING);
        // A token of punctuation only ("),", ":") stays whole when it is one character.
        let core = if core.is_empty() { &rest[..1] } else { core };
        tokens.push((offset, core));
        for (i, c) in rest[core.len()..].char_indices() {
            let at = core.len() + i;
            tokens.push((offset + at, &rest[at..at + c.len_utf8()]));
        }
        if let Some(dash) = dash {
            tokens.push((offset + rest.len(), dash));
        }
        if tokens.len() >= limit {
            tokens.truncate(limit);
            break;
        }
    }
    tokens
}

/// How many tokens a leading credit, stamp or speaker label may have.
const MAX_FURNITURE_TOKENS: usize = 12;

/// Index of the token after page furniture that starts at `from`, when a capitalised
/// body (or a quotation) follows it:
/// - a parenthetical group: "(AP) ", "-LRB- Updated 5:31 p.m. -LRB- 0031 GMT -RRB- -RRB- ";
/// - the tail of one the sentence splitter cut ("ET Monday) ", "AP -RRB- "): a closing
///   bracket with no opening one before it;
/// - a transcript's speaker label or a section label ("SESAY : ", "NEWS : ");
/// - a subheading in capitals glued to its paragraph ("NEW CAP FOR LEAKING OIL WELL When
///   engineers removed …");
/// - a photo credit ending in its agency ("Photograph : Gerald Herbert\/AP ", "AP
///   Photo/Transocean ");
/// - a live page's entry stamp ("LIBYA , 3:29 p.m. ET , 10:29 p.m. local : ").
fn furniture_end(tokens: &[(usize, &str)], from: usize) -> Option<usize> {
    let limit = tokens.len().min(from + MAX_FURNITURE_TOKENS);
    let first = tokens.get(from)?.1;
    let end = if let Some(end) = photo_credit_end(tokens, from, limit) {
        end
    } else if let Some(end) = live_stamp_end(tokens, from) {
        end
    } else if let Some(end) = subheading_end(tokens, from) {
        return Some(end);
    } else if is_open(first) {
        let mut depth = 0usize;
        let mut close = None;
        for (i, &(_, t)) in tokens.iter().enumerate().take(limit).skip(from) {
            depth += usize::from(is_open(t));
            if is_close(t) {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
        }
        close? + 1
    } else if let Some(close) = (from..limit)
        .take_while(|&i| !is_open(tokens[i].1))
        .find(|&i| is_close(tokens[i].1))
    {
        close + 1
    } else {
        let colon = (from + 1..limit.min(from + 4)).find(|&i| tokens[i].1 == ":")?;
        if !tokens[from..colon].iter().all(|&(_, t)| is_upper_word(t)) {
            return None;
        }
        colon + 1
    };
    // A dash may separate the furniture from the body ("(Reuters) - Syrian …"); another
    // parenthetical may follow ("AP) (Photos by …) Officials …").
    let end = match tokens.get(end) {
        Some(&(_, t)) if is_dash(t) => end + 1,
        _ => end,
    };
    let next = tokens.get(end)?.1;
    if is_open(next) && end > from {
        return Some(end);
    }
    starts_body(next).then_some(end)
}

/// The token after a live page's entry stamp: clock times with their am/pm and time
/// zone, perhaps after an upper-case place, ending in a colon or a dash ("LIBYA , 3:29
/// p.m. ET , 10:29 p.m. local : ", "2:30 pm ET - ").
fn live_stamp_end(tokens: &[(usize, &str)], from: usize) -> Option<usize> {
    let mut i = from;
    if tokens.get(i + 1).is_some_and(|&(_, t)| t == ",") && is_upper_word(tokens[i].1) {
        i += 2;
    }
    loop {
        if !is_clock(tokens.get(i)?.1) {
            return None;
        }
        i += 1;
        if tokens.get(i).is_some_and(|&(_, t)| is_am_pm(t)) {
            i += 1;
        }
        if tokens
            .get(i)
            .is_some_and(|&(_, t)| is_time_zone(t) || t == "local")
        {
            i += 1;
        }
        // "…, 10:29 p.m. local": the same moment in another time zone.
        match (tokens.get(i), tokens.get(i + 1)) {
            (Some(&(_, ",")), Some(&(_, next))) if is_clock(next) => i += 1,
            _ => break,
        }
    }
    matches!(tokens.get(i)?.1, ":" | "-" | "--").then_some(i + 1)
}

/// The token after a run of three or more upper-case words (a subheading) that a
/// capitalised word in lower case follows.
fn subheading_end(tokens: &[(usize, &str)], from: usize) -> Option<usize> {
    let caps = |t: &str| {
        t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && t.chars().all(|c| c.is_uppercase() || c == '\'' || c == '-')
    };
    let run = tokens[from..].iter().take_while(|&&(_, t)| caps(t)).count();
    let next = tokens.get(from + run)?.1;
    (run >= 3 && starts_capitalised(next) && next.chars().any(char::is_lowercase))
        .then_some(from + run)
}

/// The token after a leading photo credit: "Photograph :" or "Photo :" up to the token
/// naming the agency after a slash ("Gerald Herbert\/AP", "Ann Heisenfelt/EPA"), or a
/// token "Photo/…" after an agency ("AP Photo\/Transocean").
fn photo_credit_end(tokens: &[(usize, &str)], from: usize, limit: usize) -> Option<usize> {
    let first = tokens.get(from)?.1;
    let second = tokens.get(from + 1)?.1;
    let agency = |t: &str| (2..=5).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase());
    if ["Photograph", "Photo", "Photos", "Picture"].contains(&first) && second == ":" {
        // "Photograph : PA The Conservatives …": an agency alone.
        if tokens.get(from + 2).is_some_and(|&(_, t)| agency(t)) {
            return Some(from + 3);
        }
        return (from + 2..limit)
            .find(|&i| tokens[i].1.contains('/'))
            .map(|i| i + 1);
    }
    (agency(first) && (second.starts_with("Photo/") || second.starts_with("Photo\\/")))
        .then_some(from + 2)
}

/// Whether a token can open a body after furniture: a capitalised word or a quotation.
fn starts_body(token: &str) -> bool {
    starts_capitalised(token) || token.starts_with("``") || token.starts_with('"')
}

/// A dash that parts a dateline or credit from the body.
fn is_dash(token: &str) -> bool {
    matches!(token, "-" | "--" | "—" | "–" | ".-")
}

/// Whether a token, past any opening quotes, starts with a capital or a digit, or a
/// letter of a script without case (Arabic, Chinese): the first word of a body.
fn starts_capitalised(token: &str) -> bool {
    token
        .trim_start_matches(['"', '\'', '`', '«', '„', '“'])
        .chars()
        .next()
        .is_some_and(|c| {
            c.is_uppercase() || c.is_ascii_digit() || c.is_alphabetic() && !c.is_lowercase()
        })
}

/// A bracket as tokenized corpora write it ("-LRB-", "-RSB-").
fn is_bracket_token(token: &str) -> bool {
    matches!(
        token,
        "-LRB-" | "-RRB-" | "-LSB-" | "-RSB-" | "-LCB-" | "-RCB-"
    )
}

fn is_open(token: &str) -> bool {
    token == "-LRB-" || token.starts_with('(')
}

fn is_close(token: &str) -> bool {
    token == "-RRB-" || token.ends_with(')')
}

/// Index of the token after a time stamp "… 2011 7:12 pm EDT", "Friday 10 September
/// 2010 10.16 BST", "… 2011 Last updated at 17:03 GMT Help", "July 10 , 2011 at 2:05 pm
/// | Reply": a clock time right after a year (only punctuation or a stamp's words
/// between), with its am/pm, time zone and links. A stamp may follow a long headline and
/// standfirst, so it is looked for as far as tokens were collected.
fn time_stamp_end(tokens: &[(usize, &str)]) -> Option<usize> {
    for i in 1..tokens.len() {
        let (t, next) = (tokens[i].1, tokens.get(i + 1).map_or("", |&(_, t)| t));
        // "10.16" is a clock only with its time zone (The Guardian's stamps).
        if !(is_clock(t) || is_dotted_clock(t) && is_time_zone(next)) {
            continue;
        }
        let mut end = i + 1;
        if tokens.get(end).is_some_and(|&(_, t)| is_am_pm(t)) {
            end += 1;
        }
        if tokens.get(end).is_some_and(|&(_, t)| is_time_zone(t)) {
            end += 1;
        }
        // Between the year and the clock: punctuation, or the words of a page's stamp
        // ("Last updated at 17:03 GMT") or of a comment's header ("July 10 , 2011 at
        // 2:05 pm | Reply", opening the sentence or before its "|"); not a sentence's
        // own date ("began on June 3 , 2010 at 10:16").
        // (Prose dates with a preposition: "On June 3 , 2010 at 10:16 BP said …".)
        let opens_with_date =
            !["On", "At", "By", "From", "Since", "Until", "In", "After"].contains(&tokens[0].1);
        let header = i <= 6 && opens_with_date || tokens.get(end).is_some_and(|&(_, t)| t == "|");
        let connector = |k: usize| {
            let t = tokens[k].1;
            !t.chars().any(char::is_alphanumeric)
                || t == "Last"
                || t == "updated"
                || t == "at" && (header || k > 0 && tokens[k - 1].1 == "updated")
        };
        let year_before = (i.saturating_sub(5)..i)
            .rev()
            .find(|&k| !connector(k))
            .is_some_and(|k| is_year(tokens[k].1.trim_end_matches([',', ';'])));
        if !year_before {
            continue;
        }
        // The BBC's stamp is followed by its "Help" link.
        if tokens.get(end).is_some_and(|&(_, t)| t == "Help")
            && tokens
                .get(end + 1)
                .is_some_and(|&(_, t)| starts_capitalised(t))
        {
            end += 1;
        }
        // A comment's header goes on with its links: "| Reply", "| Report abuse |".
        while tokens.get(end).is_some_and(|&(_, t)| t == "|") {
            end += 1;
            match tokens.get(end..end + 2) {
                Some([(_, "Reply"), ..]) => end += 1,
                Some([(_, "Report"), (_, "abuse")]) => end += 2,
                _ => {}
            }
        }
        // A body must follow.
        return (end < tokens.len()).then_some(end);
    }
    None
}

/// Index of the token after a dateline that starts at or after `from`: a run of
/// upper-case place words, an optional agency in parentheses, then a dash, followed by
/// a capitalised word.
fn dateline_end(tokens: &[(usize, &str)], from: usize) -> Option<usize> {
    let limit = tokens.len().min(from + MAX_PREFIX_TOKENS);
    for dash in from + 1..limit {
        if !is_dash(tokens[dash].1) {
            continue;
        }
        let next_is_capital = tokens
            .get(dash + 1)
            .is_some_and(|&(_, t)| starts_capitalised(t));
        if !next_is_capital {
            continue;
        }
        let mut place_end = dash;
        // An agency group: "(Reuters)", "-LRB- Reuters -RRB-", "(Northstar Wire)".
        let last = tokens[dash - 1].1;
        let agency = is_close(last);
        if agency {
            let open = (from..dash).rev().take(6).find(|&j| is_open(tokens[j].1))?;
            place_end = open;
        }
        let place: Vec<&str> = tokens[from..place_end]
            .iter()
            .rev()
            .take_while(|&&(_, t)| is_place_word(t))
            .map(|&(_, t)| t)
            .collect();
        // Upper case tells a place ("NEW ORLEANS --"); with an agency group, a
        // capitalised one is enough ("Cairo, Egypt (CNN) --").
        let is_place = place.iter().any(|t| is_upper_word(t))
            || (agency && place.iter().any(|t| t.chars().any(char::is_alphabetic)));
        if is_place {
            return Some(dash + 1);
        }
    }
    None
}

/// News agencies whose name in brackets ends a dateline.
const WIRES: &[&str] = &[
    "CNN",
    "Reuters",
    "AP",
    "AFP",
    "Xinhua",
    "Bloomberg",
    "UPI",
    "EFE",
    "dpa",
    "DPA",
    "ANSA",
    "ANP",
    "Lusa",
    "Belga",
    "APA",
    "Kyodo",
    "Yonhap",
    "PTI",
    "IANS",
    "ТАСС",
    "Интерфакс",
    "РИА",
    "РИА Новости",
    "УНИАН",
    "Укрінформ",
    "رويترز",
    "Europa Press",
    "Associated Press",
];

/// Index of the token after a news agency's group that ends a dateline, with or without
/// its place and dash, after whatever a page glued before it: story highlights ("…
/// reminder of the rebel coalition 's fragility Tripoli , Libya (CNN) -- The killing
/// …", "They are calling for Mubarak to step down now (CNN) -- Egyptians …"), a dash
/// left out ("TRIPOLI , Libya (Reuters) Libyan representatives …"). A capitalised word
/// or a quotation must follow.
fn wire_end(tokens: &[(usize, &str)], from: usize) -> Option<usize> {
    let limit = tokens.len().min(from + 2 * MAX_PREFIX_TOKENS);
    for open in from..limit {
        let Some(mut end) = agency_group_end(tokens, open) else {
            continue;
        };
        // "(EFE).- El …", "(EFE). - El …" (a splitter's cut mended).
        if tokens.get(end).is_some_and(|&(_, t)| t == ".") {
            end += 1;
        }
        if tokens.get(end).is_some_and(|&(_, t)| is_dash(t)) {
            end += 1;
        }
        if starts_body(tokens.get(end)?.1) {
            return Some(end);
        }
    }
    None
}

/// The index after a news agency's name in brackets or slashes that opens at token
/// `open`: "(Reuters)", "-LRB- Reuters -RRB-", "(Europa Press)", and the Russian
/// agencies' "/ТАСС/." and "/РИА Новости/.".
fn agency_group_end(tokens: &[(usize, &str)], open: usize) -> Option<usize> {
    let word = |i: usize| tokens.get(i).map(|&(_, t)| t);
    let o = word(open)?;
    let bracket = match o {
        "(" => Some(")"),
        "-LRB-" => Some("-RRB-"),
        _ => None,
    };
    if let Some(close) = bracket {
        let name = word(open + 1)?;
        if word(open + 2) == Some(close) && is_wire(&[name]) {
            return Some(open + 3);
        }
        let second = word(open + 2)?;
        return (word(open + 3) == Some(close) && is_wire(&[name, second])).then_some(open + 4);
    }
    if let Some(inner) = o.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        return is_wire(&[inner]).then_some(open + 1);
    }
    let head = o.strip_prefix('/')?;
    if let Some(inner) = head.trim_end_matches('.').strip_suffix('/') {
        return is_wire(&[inner]).then_some(open + 1);
    }
    let tail = word(open + 1)?.trim_end_matches('.').strip_suffix('/')?;
    is_wire(&[head, tail]).then_some(open + 2)
}

/// Whether `name` (its words) is one of [`WIRES`].
fn is_wire(name: &[&str]) -> bool {
    WIRES
        .iter()
        .any(|wire| wire.split(' ').eq(name.iter().copied()))
}

/// Whether `piece`, of at most six words, ends with a news agency's name in brackets
/// or slashes ("Madrid, 3 mar (EFE).", "/ТАСС/."): a dateline that a sentence splitter
/// cut off at its period, to be read with the sentence after it.
pub(crate) fn ends_with_agency(piece: &str) -> bool {
    // Most pieces end otherwise: answered before the words are split.
    let closed = piece
        .trim_end()
        .trim_end_matches(['.', '-'])
        .ends_with([')', '/']);
    if !closed || piece.split_whitespace().nth(6).is_some() {
        return false;
    }
    let tokens = punctuation_tokens(piece, usize::MAX);
    let mut end = tokens.len();
    while end > 0 && matches!(tokens[end - 1].1, "." | "-" | ".-") {
        end -= 1;
    }
    (0..end).any(|open| agency_group_end(&tokens[..end], open) == Some(end))
}

/// Index of the token after a video teaser's running time and date, with the video's
/// title glued before them ("Clinton warns of Libya civil war (1:23) Mar 1 - Secretary
/// of State Hillary Clinton is warning …"; "-LRB- 2:38 -RRB- Aug. 12 - …"): like a
/// dateline, the date is when the video was posted, and the description follows it. A
/// capitalised word must follow the dash.
fn video_teaser_end(tokens: &[(usize, &str)], from: usize) -> Option<usize> {
    let limit = tokens.len().min(from + 2 * MAX_PREFIX_TOKENS);
    for open in from..limit.saturating_sub(6) {
        let window = &tokens[open..open + 7];
        let [(_, o), (_, length), (_, c), (_, month), (_, day), ..] = *window else {
            continue;
        };
        let running_time = is_open(o)
            && is_close(c)
            && length
                .split_once(':')
                .is_some_and(|(m, s)| is_number(m) && s.len() == 2 && is_number(s));
        let dated = month.chars().next().is_some_and(char::is_uppercase)
            && month.chars().all(|ch| ch.is_alphabetic() || ch == '.')
            && day.len() <= 2
            && is_number(day);
        if !(running_time && dated) {
            continue;
        }
        let dash = open + 5;
        if is_dash(window[5].1) && starts_capitalised(window[6].1) {
            return Some(dash + 1);
        }
    }
    None
}

/// Index of the token after a photo's credit in brackets, with the caption glued
/// before it ("Map shows the forecast location of oil (J. Bell - AP) Vessels gather …",
/// "… in Cushing, Okla. (By Shane Bevel -- Bloomberg News) The precipitous fall …"): a
/// bracket of capitalised words, a photographer and an outlet on either side of a
/// dash, a byline ("(By Alex Wong -- Getty Images for …)") or an agency's "Photo/…". A
/// capitalised word or a quotation must follow; a dateline may (a story after its
/// photo).
fn credited_caption_end(tokens: &[(usize, &str)], from: usize) -> Option<usize> {
    const MAX_CREDIT_TOKENS: usize = 14;
    let limit = tokens.len().min(from + 2 * MAX_PREFIX_TOKENS);
    for open in from..limit {
        if !is_open(tokens[open].1) {
            continue;
        }
        let Some(close) = (open + 1..limit.min(open + 2 + MAX_CREDIT_TOKENS))
            .find(|&i| is_close(tokens[i].1) || is_open(tokens[i].1))
            .filter(|&i| is_close(tokens[i].1))
        else {
            continue;
        };
        let inside = &tokens[open + 1..close];
        let dash = inside.iter().position(|&(_, t)| is_dash(t));
        let photo = inside
            .iter()
            .any(|&(_, t)| t.contains("Photo/") || t.contains("Photo\\/"));
        let credit_words = inside.iter().all(|&(_, t)| {
            is_dash(t) || t.contains('/') || t.chars().next().is_some_and(char::is_uppercase)
        });
        let sides = dash.is_some_and(|d| d > 0 && d + 1 < inside.len());
        // "(By Alex Wong -- Getty Images For ``Meet The Press'')".
        let byline = inside.first().is_some_and(|&(_, t)| t == "By") && sides;
        if (credit_words && sides || photo || byline) && starts_body(tokens.get(close + 1)?.1) {
            return Some(close + 1);
        }
    }
    None
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A word of a dateline's place: upper-case ("NEW", "ORLEANS,"), a comma, a
/// capitalised region after a comma ("DERAA , Syria"), or the day of a dated dateline
/// ("BEIJING, Dec. 31 (Xinhua) --"), or an agency's bracket left open ("ALGIERS , Aug
/// 30 -LRB- Reuters - ").
fn is_place_word(token: &str) -> bool {
    matches!(token, "," | "(" | "-LRB-")
        || (!token.is_empty()
            && token
                .trim_end_matches(',')
                .bytes()
                .all(|b| b.is_ascii_digit()))
        || is_upper_word(token)
        || token
            .trim_end_matches(',')
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// A word in capitals ("WASHINGTON", "PORT-AU-PRINCE,", "U.N."); not a tokenized
/// bracket ("-RRB-").
fn is_upper_word(token: &str) -> bool {
    let word = token.trim_end_matches([',', '.']);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && !is_bracket_token(word)
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '-' || c == '.' || c == '\'')
}

/// A clock reading as one token: "4:36", "16:20", "4:36pm,".
pub(crate) fn is_clock(token: &str) -> bool {
    let token = token.trim_end_matches([',', ';']);
    let Some((h, m)) = token.split_once(':') else {
        return false;
    };
    let m = m.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.bytes().all(|b| b.is_ascii_digit())
        && m.bytes().all(|b| b.is_ascii_digit())
}

fn is_am_pm(token: &str) -> bool {
    matches!(
        token.to_ascii_lowercase().as_str(),
        "am" | "pm" | "a.m." | "p.m."
    )
}

/// "10.16": hours and minutes with a dot.
fn is_dotted_clock(token: &str) -> bool {
    token.split_once('.').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
            && h.parse::<u32>().is_ok_and(|h| h < 24)
            && m.parse::<u32>().is_ok_and(|m| m < 60)
    })
}

fn is_year(token: &str) -> bool {
    token.len() == 4
        && (token.starts_with("19") || token.starts_with("20"))
        && token.bytes().all(|b| b.is_ascii_digit())
}

fn is_time_zone(token: &str) -> bool {
    (2..=4).contains(&token.len())
        && token.bytes().all(|b| b.is_ascii_uppercase())
        && !matches!(token, "AM" | "PM")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(s: &str) -> &str {
        &s[body_start(s)..]
    }

    #[test]
    fn live_page_stamps_are_furniture() {
        assert_eq!(
            body(
                "LIBYA , 3:29 p.m. ET , 10:29 p.m. local : Libyan leader Moammar Gadhafi is in Libya ."
            ),
            "Libyan leader Moammar Gadhafi is in Libya ."
        );
        assert_eq!(
            body("2:30 pm ET - Protests are not limited to Egypt ."),
            "Protests are not limited to Egypt ."
        );
        // A clock that opens a sentence of its own.
        for s in [
            "10:30 was the hour set for the vote .",
            "At 3:29 p.m. ET : the vote .",
            "3:29 p.m. ET , the vote began .",
        ] {
            assert_eq!(body_start(s), 0, "{s}");
        }
    }

    #[test]
    fn a_clock_time_or_agency_in_a_sentence_is_no_furniture() {
        for s in [
            "The meeting that began on June 3 , 2010 at 10:16 ended with a vote .",
            "It began June 3 , 2010 at 10:16 , and ended with a vote .",
            "On June 3 , 2010 at 10:16 BP said the cap was in place .",
            "Shares in BP closed at 10.16 on Friday , the lowest price since 2010 .",
            "In 2009 10.16 million barrels were produced , against 9.8 million a year before .",
            "Fears flared on Tuesday after tar balls turned up in Florida -LRB- Reuters -RRB- .",
            "He told CNN on Sunday that the talks -LRB- held in Doha -RRB- had failed .",
        ] {
            assert_eq!(body_start(s), 0, "{s}");
        }
    }

    #[test]
    fn strips_datelines_time_stamps_and_glued_headlines() {
        let cases = [
            (
                "AMMAN | Fri Apr 22 , 2011 7:12 pm EDT AMMAN -LRB- Reuters -RRB- - Syrian forces fired.",
                "Syrian forces fired.",
            ),
            (
                "Full Article Syrian forces kill 28 ; some troops mutiny AMMAN | Fri Jun 10 , 2011 11:51 pm IST AMMAN -LRB- Reuters -RRB- - Syrian forces shot dead 28.",
                "Syrian forces shot dead 28.",
            ),
            (
                "NEW ORLEANS -- No oil appeared to be leaking, the Coast Guard said.",
                "No oil appeared to be leaking, the Coast Guard said.",
            ),
            (
                "DERAA , Syria | Sat Mar 26 , 2011 11:08 pm GMT DERAA , Syria -LRB- Reuters -RRB- - Security forces fired.",
                "Security forces fired.",
            ),
            (
                "BEIJING, Dec. 31 (Xinhua) -- The development of relations has shown it.",
                "The development of relations has shown it.",
            ),
            (
                "MARROW FALLS (Northstar Wire) - Crews began work on Monday.",
                "Crews began work on Monday.",
            ),
            (
                "Friday , April 30 , 2010 ; 2:30 PM A huge spill washed up on Friday.",
                "A huge spill washed up on Friday.",
            ),
            (
                "Cairo , Egypt -LRB- CNN -RRB- -- Bowing to eight days of protests, he spoke.",
                "Bowing to eight days of protests, he spoke.",
            ),
            (
                "during Mubarak speech Cairo, Egypt (CNN) -- Major opposition leaders warned.",
                "Major opposition leaders warned.",
            ),
            (
                "-LRB- AP -RRB- President Obama on Saturday reassured the prime minister.",
                "President Obama on Saturday reassured the prime minister.",
            ),
            (
                "Photograph : Gerald Herbert\\/AP Underwater robots dived to the ocean floor.",
                "Underwater robots dived to the ocean floor.",
            ),
            (
                "AP Photo\\/Transocean BP has begun work on a relief well.",
                "BP has begun work on a relief well.",
            ),
            (
                "WASHINGTON -- WASHINGTON -LRB- AP -RRB- -- The BP oil spill has hammered the fishing industry.",
                "The BP oil spill has hammered the fishing industry.",
            ),
            (
                "BP estimates oil spill up to 100,000 barrels per day in document BURAS , Louisiana | Sun Jun 20 , 2010 7:19 pm EDT BURAS , Louisiana -LRB- Reuters -RRB- - BP Plc estimates a worst case.",
                "BP Plc estimates a worst case.",
            ),
            (
                "BP oil spill prompts Q3 results delay Gulf oil spill means BP is to delay publication of third-quarter results as company requires more time to prepare figures Friday 10 September 2010 10.16 BST BP is to delay publication of its results.",
                "BP is to delay publication of its results.",
            ),
            (
                "Tell them we will pray for them ... March 9 , 2011 at 10:18 am | Reply Send troops to guard the wells .",
                "Send troops to guard the wells .",
            ),
            (
                "6 January 2011 Last updated at 17:03 GMT Help A US report into the BP leak is out .",
                "A US report into the BP leak is out .",
            ),
            (
                "July 10 , 2011 at 2:05 pm | Reply I concur with most of the comments .",
                "I concur with most of the comments .",
            ),
            (
                "NEW CAP FOR LEAKING OIL WELL When engineers removed the cap , oil flowed again.",
                "When engineers removed the cap , oil flowed again.",
            ),
            (
                "An ex-ambassador says `` revenge by Tripoli '' is the `` most likely scenario '' One expert says the death is a reminder of the rebel coalition 's fragility Tripoli , Libya -LRB- CNN -RRB- -- The killing on Thursday of the commander shook the rebels .",
                "The killing on Thursday of the commander shook the rebels .",
            ),
            (
                "They are calling for Mubarak to step down now -LRB- CNN -RRB- -- Egyptians took to the streets Saturday .",
                "Egyptians took to the streets Saturday .",
            ),
            (
                "TRIPOLI , Libya -LRB- Reuters -RRB- Libyan representatives are ready to hold more talks .",
                "Libyan representatives are ready to hold more talks .",
            ),
            (
                "Ras Lanuf , Libya -LRB- CNN -RRB- -- `` Down ! '' shouted a fighter .",
                "`` Down ! '' shouted a fighter .",
            ),
            (
                "Photograph : PA A lawyer for one of the soldiers blamed his superiors.",
                "A lawyer for one of the soldiers blamed his superiors.",
            ),
            (
                "-LRB- Updated 5:31 p.m. -LRB- 0031 in Egypt -RRB- -RRB- Mubarak says he asked the government to resign.",
                "Mubarak says he asked the government to resign.",
            ),
            (
                "ET Monday -RRB- Mobile phone networks will be shut down.",
                "Mobile phone networks will be shut down.",
            ),
            (
                "AP -RRB- A boat cuts through a sheen of oil.",
                "A boat cuts through a sheen of oil.",
            ),
            (
                "SESAY : Well , in other news from Egypt , protests go on.",
                "Well , in other news from Egypt , protests go on.",
            ),
            (
                "(Reuters) `` We will not leave , '' he said.",
                "`` We will not leave , '' he said.",
            ),
            (
                "-LRB- AP -RRB- WASHINGTON -- The Senate passed the bill.",
                "The Senate passed the bill.",
            ),
            (
                "-LRB- Reuters -RRB- - Syrian President Bashar al-Assad is facing a crisis.",
                "Syrian President Bashar al-Assad is facing a crisis.",
            ),
            (
                "AP -RRB- -LRB- Photos By Melina Mara -- The Washington Post -RRB- Officials met.",
                "Officials met.",
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(body(sentence), expected, "{sentence}");
        }
    }

    #[test]
    fn raw_text_furniture_is_stripped_like_tokenized_text() {
        // The same furniture with its punctuation written on the words, as raw text
        // has it (Timeline17 is tokenized: "SESAY : ", "-LRB- AP -RRB- ").
        let cases = [
            (
                "SESAY: Well, in other news from Egypt, protests go on.",
                "Well, in other news from Egypt, protests go on.",
            ),
            (
                "PRESIDENT BUSH: I believe it is a significant issue.",
                "I believe it is a significant issue.",
            ),
            (
                "(Updated 5:31 p.m. (0031 GMT)) Officials said the well was capped.",
                "Officials said the well was capped.",
            ),
            (
                "Photograph: Gerald Herbert/AP The oil reached the coast.",
                "The oil reached the coast.",
            ),
            (
                "LIBYA, 3:29 p.m. ET, 10:29 p.m. local: Rebels took the town.",
                "Rebels took the town.",
            ),
            (
                "-- (Update 2:52 a.m. Cairo, 7:52 p.m. ET) Ali Regal, a student leader, said.",
                "Ali Regal, a student leader, said.",
            ),
            (
                "-- -LRB- Update 2:52 a.m. Cairo , 7:52 p.m. ET -RRB- Ali Regal said .",
                "Ali Regal said .",
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(body(sentence), expected, "{sentence}");
        }
        for s in [
            "- The minister said the talks would resume.",
            "Mr Smith: the view from the top.",
            "US: The view from Washington.",
            "He said (in a statement) that BP would pay.",
        ] {
            assert_eq!(body_start(s), 0, "{s}");
        }
    }

    #[test]
    fn video_teasers_and_credited_captions_are_furniture() {
        let cases = [
            // A video's title, running time and posting date, tokenized or raw.
            (
                "Clinton warns of Libya civil war -LRB- 1:23 -RRB- Mar 1 - Secretary of State Hillary Clinton is warning .",
                "Secretary of State Hillary Clinton is warning .",
            ),
            (
                "Jessica Gray, Reuters Syrian refugees in Turkey camp (1:06) June 18 - Thousands of Syrians make new homes.",
                "Thousands of Syrians make new homes.",
            ),
            (
                "(2:38) Aug. 12 - Amateur video shows thousands taking part.",
                "Amateur video shows thousands taking part.",
            ),
            // Captions with their photographers' credits, one after another.
            (
                "-LRB- AP Photo\\/Dave Martin -RRB- -LRB- Dave Martin - AP -RRB- Map shows the forecast location of oil -LRB- J. Bell - AP -RRB- Vessels gather at the site .",
                "Vessels gather at the site .",
            ),
            (
                "A worker monitors a manifold in Cushing, Okla. (By Shane Bevel -- Bloomberg News) The fall in prices has added to the confusion.",
                "The fall in prices has added to the confusion.",
            ),
            (
                "-LRB- By Alex Wong -- Getty Images For `` Meet The Press '' -RRB- David Brancaccio of PBS says so .",
                "David Brancaccio of PBS says so .",
            ),
            // A story's dateline after its photo.
            (
                "Sen. John McCain meets with leaders in Columbia , Mo. -LRB- By Ricky Carioti -- The Washington Post -RRB- BELTON , Mo. , Oct. 20 -- Battling George W. Bush , McCain lashed out .",
                "Battling George W. Bush , McCain lashed out .",
            ),
            // An agency's bracket left open.
            (
                "ALGIERS , Aug 30 -LRB- Reuters - Muammar Gaddafi became a grandfather .",
                "Muammar Gaddafi became a grandfather .",
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(body(sentence), expected, "{sentence}");
        }
        for s in [
            "The score stood at (2:38) Aug 12 - nothing more .",
            "The council (in a 9-6 vote) - Members then left.",
            "Hugh Bold (1731 - 1809) was a Brecon lawyer.",
        ] {
            assert_eq!(body_start(s), 0, "{s}");
        }
        // A tokenized bracket is no word in capitals, so no dateline's place.
        assert!(!is_upper_word("-RRB-") && !is_upper_word("-LRB-"));
        assert!(is_upper_word("WASHINGTON") && is_upper_word("PORT-AU-PRINCE,"));
    }

    #[test]
    fn agencies_of_other_languages_end_datelines() {
        let cases = [
            (
                "MADRID, 3 mar (EFE).- El Gobierno aprobó el martes la reforma.",
                "El Gobierno aprobó el martes la reforma.",
            ),
            (
                "MADRID, 3 mar (EFE). - El Gobierno aprobó el martes la reforma.",
                "El Gobierno aprobó el martes la reforma.",
            ),
            (
                "МОСКВА, 3 марта. /ТАСС/. Правительство одобрило реформу во вторник.",
                "Правительство одобрило реформу во вторник.",
            ),
            (
                "Berlin (dpa) - Die Regierung hat am Dienstag die Reform beschlossen.",
                "Die Regierung hat am Dienstag die Reform beschlossen.",
            ),
            (
                "МОСКВА, 3 марта. /РИА Новости/. Правительство одобрило реформу.",
                "Правительство одобрило реформу.",
            ),
            (
                "Sevilla, 3 mar (Europa Press).- La Junta aprobó la reforma.",
                "La Junta aprobó la reforma.",
            ),
            (
                "القاهرة (رويترز) - وافقت الحكومة يوم الثلاثاء على الإصلاح.",
                "وافقت الحكومة يوم الثلاثاء على الإصلاح.",
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(body(sentence), expected, "{sentence}");
        }
        for s in [
            "El Gobierno aprobó la reforma (en 2010).",
            "Правительство одобрило реформу /в принципе/.",
        ] {
            assert_eq!(body_start(s), 0, "{s}");
        }
    }

    #[test]
    fn east_asian_wire_datelines_are_furniture() {
        let cases = [
            (
                "新华社北京3月3日电（记者张三）国务院3日召开常务会议。",
                "国务院3日召开常务会议。",
            ),
            (
                "中新网3月3日电 国务院3日召开常务会议。",
                "国务院3日召开常务会议。",
            ),
            (
                "【ワシントン共同】米政府は3日、新たな制裁を発表した。",
                "米政府は3日、新たな制裁を発表した。",
            ),
            (
                "(서울=연합뉴스) 홍길동 기자 = 정부는 3일 개혁안을 승인했다.",
                "정부는 3일 개혁안을 승인했다.",
            ),
            (
                "(서울=연합뉴스) 정부는 3일 개혁안을 승인했다.",
                "정부는 3일 개혁안을 승인했다.",
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(body(sentence), expected, "{sentence}");
        }
        for s in [
            "他说，3月3日电网公司发布了新规定。",
            "国务院3月3日电视讲话。",
            "新华社北京3月3日电",
        ] {
            assert_eq!(body_start(s), 0, "{s}");
        }
    }

    #[test]
    fn punctuation_comes_apart_from_words() {
        let s = "SESAY: (AP) Well, at 4:36 p.m. the U.S.), said";
        let tokens: Vec<&str> = punctuation_tokens(s, 100)
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(
            tokens,
            [
                "SESAY", ":", "(", "AP", ")", "Well", ",", "at", "4:36", "p.m.", "the", "U.S.",
                ")", ",", "said"
            ]
        );
        for (offset, token) in punctuation_tokens(s, 100) {
            assert_eq!(&s[offset..offset + token.len()], token);
        }
        assert_eq!(punctuation_tokens(s, 3).len(), 3);
        assert_eq!(
            punctuation_tokens("), :", 10)
                .into_iter()
                .map(|(_, t)| t)
                .collect::<Vec<_>>(),
            [")", ",", ":"]
        );
    }

    #[test]
    fn leaves_ordinary_sentences_alone() {
        for s in [
            "The U.S. - backed plan was signed.",
            "April 28 - The Coast Guard says the flow is 5,000 barrels per day.",
            "He said the score was 6 - 4 at 10:30 on Friday.",
            "Talks resumed at 10:30 GMT in Geneva.",
            "NATO - led forces withdrew.",
            "The council (in a 9-6 vote) - Members then left.",
            "(The figures are estimates.)",
            "(and it held) the line.",
            "Oil (crude) prices rose.",
            "Mr Smith : the view from the top.",
            "US : The view from Washington.",
            "BP said (in a statement) it would pay.",
            "-LRB- MSD -RRB- confirmed today that its test was used.",
            "",
            "-",
            "WASHINGTON -",
        ] {
            assert_eq!(body_start(s), 0, "{s}");
        }
    }

    proptest::proptest! {
        /// Any text: the body starts on a char boundary inside the text, at the start
        /// of a whitespace-separated token, and never takes everything away.
        #[test]
        fn body_start_is_a_token_start(
            text in "(\\PC|[ ()\\-:,]|-LRB-|-RRB-|AP|ET|CNN|\\(AP\\) |SESAY: |Photo: |\\(1:23\\) Mar 1 - |\\(By A - B\\) |\\(EFE\\)\\.- |/ТАСС/\\. |新华社北京3月3日电|（记者）|【共同】|\\(서울=연합뉴스\\) | 기자 = ){0,40}"
        ) {
            let start = body_start(&text);
            proptest::prop_assert!(start <= text.len());
            proptest::prop_assert!(text.is_char_boundary(start));
            if start > 0 {
                // A word starts after white space, or after an East Asian dateline.
                proptest::prop_assert!(text[..start].ends_with(|c: char| c.is_whitespace() || !c.is_ascii()));
                proptest::prop_assert!(!text[start..].trim().is_empty());
            }
        }
    }
}
