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
    while i < n {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b.is_ascii_digit() {
            let start = i;
            let mut value: u32 = 0;
            while i < n && bytes[i].is_ascii_digit() {
                value = value
                    .saturating_mul(10)
                    .saturating_add(u32::from(bytes[i] - b'0'));
                i += 1;
            }
            let digits = u8::try_from(i - start).unwrap_or(u8::MAX);
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
            for ch in text[i..].chars() {
                if ch.is_alphabetic() && !chronicle_text::is_unspaced(ch) {
                    ascii &= ch.is_ascii();
                    end += ch.len_utf8();
                    len += 1;
                } else {
                    break;
                }
            }
            i = end;
            let word = &text[start..end];
            let lex = if len > 12 || len < 2 && !word.eq_ignore_ascii_case("a") {
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
                lower.extend(word.chars().flat_map(char::to_lowercase));
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
            kind: Kind::Punct(c),
            lex: Lex::Other,
            cap: false,
        });
        i += l;
    }
    out
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}
