//! A single-pass tokenizer: words, digit runs and single punctuation characters, each
//! classified once so the rules compare small enums instead of strings.

use crate::lang::{Lex, Table};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    /// A digit run: its value (saturating), its digit count, and whether an ordinal
    /// suffix ("31st") or a plural "s" ("1990s") is glued to it.
    Num {
        value: u32,
        digits: u8,
        ordinal: bool,
        plural: bool,
    },
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub bs: usize,
    pub be: usize,
    pub kind: Kind,
    pub lex: Lex,
    /// First letter uppercase (words only).
    pub cap: bool,
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str, table: &Table) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let n = bytes.len();
    let mut lower = String::new();
    // Whether an Arabic word was seen: only then can month names need joining.
    let mut arabic = false;
    while i < n {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b.is_ascii_digit()
            || b >= 0x80 && text[i..].chars().next().and_then(other_digit).is_some()
        {
            let start = i;
            let mut value: u32 = 0;
            let mut count = 0usize;
            if b.is_ascii_digit() {
                while i < n && bytes[i].is_ascii_digit() {
                    value = value
                        .saturating_mul(10)
                        .saturating_add(u32::from(bytes[i] - b'0'));
                    i += 1;
                    count += 1;
                }
            } else {
                // The digits of another script, one run of them.
                for c in text[i..].chars() {
                    let Some(d) = other_digit(c) else {
                        break;
                    };
                    value = value.saturating_mul(10).saturating_add(d);
                    count += 1;
                    i += c.len_utf8();
                }
            }
            let digits = u8::try_from(count).unwrap_or(u8::MAX);
            // Glue an ordinal or plural suffix only when the letters end there.
            let mut ordinal = false;
            let mut plural = false;
            let mut j = i;
            while j < n && bytes[j].is_ascii_alphabetic() {
                j += 1;
            }
            if j > i && (j >= n || !is_word_byte(bytes[j])) {
                let suf = &text[i..j];
                if ["st", "nd", "rd", "th"]
                    .iter()
                    .any(|s| suf.eq_ignore_ascii_case(s))
                {
                    ordinal = true;
                    i = j;
                } else if suf == "s" {
                    plural = true;
                    i = j;
                }
            }
            out.push(Tok {
                bs: start,
                be: i,
                kind: Kind::Num {
                    value,
                    digits,
                    ordinal,
                    plural,
                },
                lex: Lex::Other,
                cap: false,
            });
            continue;
        }
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        // Chinese and Japanese have no spaces between words: each character is a token,
        // so "2011年3月17日" reads as number, 年, number, 月, number, 日.
        if chronicle_text::is_unspaced(c) {
            let l = c.len_utf8();
            out.push(Tok {
                bs: i,
                be: i + l,
                kind: Kind::Word,
                lex: Lex::Other,
                cap: false,
            });
            i += l;
            continue;
        }
        if c.is_alphabetic() {
            let start = i;
            let mut ascii = true;
            let mut len = 0usize;
            let mut end = i;
            let mut prev = c;
            for ch in text[i..].chars() {
                let inside = if ch.is_alphabetic() {
                    !chronicle_text::is_unspaced(ch)
                } else {
                    // Ukrainian writes an apostrophe inside words ("п'ятниця", "дев'ять").
                    matches!(ch, '\'' | '\u{2019}')
                        && is_cyrillic(prev)
                        && text[end + ch.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(is_cyrillic)
                };
                if !inside {
                    break;
                }
                ascii &= ch.is_ascii();
                end += ch.len_utf8();
                len += 1;
                prev = ch;
            }
            arabic |= chronicle_text::is_arabic(c);
            i = end;
            let word = &text[start..end];
            let lex = if len > 12 || len < 2 && !word.eq_ignore_ascii_case("a") && word != "و" {
                crate::lang::Lex::Other
            } else if ascii {
                let mut buf = [0u8; 16];
                let lw = &mut buf[..word.len()];
                lw.copy_from_slice(word.as_bytes());
                lw.make_ascii_lowercase();
                // `lw` is ASCII, so always valid UTF-8.
                match std::str::from_utf8(lw) {
                    Ok(s) => table.lex(s),
                    Err(_) => Lex::Other,
                }
            } else {
                lower.clear();
                lower.extend(
                    word.chars()
                        .flat_map(char::to_lowercase)
                        .filter_map(crate::lang::fold_arabic)
                        .map(|c| {
                            if matches!(c, '\u{2019}' | '\u{2BC}') {
                                '\''
                            } else {
                                c
                            }
                        }),
                );
                table.lex(&lower)
            };
            out.push(Tok {
                bs: start,
                be: end,
                kind: Kind::Word,
                lex,
                cap: c.is_uppercase(),
            });
            continue;
        }
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let l = c.len_utf8();
        out.push(Tok {
            bs: i,
            be: i + l,
            kind: Kind::Punct(ascii_punct(c)),
            lex: Lex::Other,
            cap: false,
        });
        i += l;
    }
    if arabic {
        join_month_names(text, &mut out);
    }
    out
}

/// A letter of the Cyrillic script.
fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4FF}').contains(&c)
}

/// The value of a decimal digit of another script than ASCII that news writes numbers
/// in: Arabic-Indic ("١٥ مارس ٢٠١١"), Eastern Arabic-Indic (Persian, Urdu) and
/// full-width (Japanese "２０１１年３月").
fn other_digit(c: char) -> Option<u32> {
    let zero = match c {
        '\u{660}'..='\u{669}' => '\u{660}',
        '\u{6F0}'..='\u{6F9}' => '\u{6F0}',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        _ => return None,
    };
    Some(u32::from(c) - u32::from(zero))
}

/// Arabic punctuation as the ASCII mark the rules look for ("15 مارس، 2011").
fn ascii_punct(c: char) -> char {
    match c {
        '\u{60C}' => ',',
        '\u{61B}' => ';',
        '\u{61F}' => '?',
        _ => c,
    }
}

/// Joins month names written in two words or twice into one month token:
/// - the Levantine names of two words ("كانون الثاني", January; "تشرين الأول",
///   October), whose first word alone is no month;
/// - a month given in two calendars' names, as Arabic outlets write it ("15 آذار/مارس
///   2011", "آذار (مارس)"), so the day and the year still stand beside one month.
fn join_month_names(text: &str, tokens: &mut Vec<Tok>) {
    let word = |t: &Tok| -> String {
        text[t.bs..t.be]
            .chars()
            .filter_map(crate::lang::fold_arabic)
            .collect()
    };
    let mut i = 0;
    while i + 1 < tokens.len() {
        // The first words of the two-word names are written without marks or hamza.
        let two_words = if tokens[i].kind == Kind::Word
            && tokens[i + 1].kind == Kind::Word
            && matches!(&text[tokens[i].bs..tokens[i].be], "كانون" | "تشرين")
        {
            crate::lang::levantine_month(&word(&tokens[i]), &word(&tokens[i + 1]))
        } else {
            None
        };
        if let Some(month) = two_words {
            tokens[i].be = tokens[i + 1].be;
            tokens[i].lex = Lex::Month(month, false);
            tokens.remove(i + 1);
            continue;
        }
        if let Lex::Month(month, _) = tokens[i].lex
            && let Some(Kind::Punct(open @ ('/' | '('))) = tokens.get(i + 1).map(|t| t.kind)
            && tokens
                .get(i + 2)
                .is_some_and(|t| t.lex == Lex::Month(month, false))
        {
            let close = open == '('
                && tokens
                    .get(i + 3)
                    .is_some_and(|t| t.kind == Kind::Punct(')'));
            if open == '/' || close {
                let last = if close { i + 3 } else { i + 2 };
                tokens[i].be = tokens[last].be;
                tokens.drain(i + 1..=last);
            }
        }
        i += 1;
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}
