//! Compact binary encoding of an article's analysed sentences (one blob per article).
//!
//! Layout (all integers LEB128 varints unless noted): format byte `1`, sentence count,
//! then per sentence: position, start, end, words, flags (bit 0 = `has_coarse_date`,
//! bit 1 = a chronology entry), the chronology prefix's length when bit 1 is set, term
//! count, terms (8 bytes little-endian each), day count, then per day: days since
//! 0001-01-01 (CE), byte offset. Decoding checks every length, so a corrupt blob is an
//! error, never a panic. Blobs written before bit 1 existed read as sentences that are
//! no chronology entries.

use chronicle_engine::corpus::{AnalysedSentence, DayMention};
use chrono::{Datelike, NaiveDate};

const FORMAT: u8 = 1;

/// Encodes sentences (their `article` field is not stored).
pub(crate) fn encode(sentences: &[AnalysedSentence]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + sentences.len() * 64);
    out.push(FORMAT);
    put(&mut out, sentences.len() as u64);
    for s in sentences {
        put(&mut out, u64::from(s.position));
        put(&mut out, s.start as u64);
        put(&mut out, s.end as u64);
        put(&mut out, u64::from(s.words));
        let entry = s.is_chronology_entry();
        out.push(u8::from(s.has_coarse_date) | u8::from(entry) << 1);
        if entry {
            put(&mut out, s.chronology_prefix as u64);
        }
        put(&mut out, s.terms.len() as u64);
        for t in &s.terms {
            out.extend_from_slice(&t.to_le_bytes());
        }
        put(&mut out, s.days.len() as u64);
        for d in &s.days {
            put(&mut out, d.day.num_days_from_ce() as u64);
            put(&mut out, d.offset as u64);
        }
    }
    out
}

/// Decodes a blob written by [`encode`]; `article` is set on every sentence.
pub(crate) fn decode(bytes: &[u8], article: u32) -> Result<Vec<AnalysedSentence>, String> {
    let mut r = Reader { bytes, at: 0 };
    let format = r.byte()?;
    if format != FORMAT {
        return Err(format!("unknown sentence encoding {format}"));
    }
    let count = r.len()?;
    let mut out = Vec::with_capacity(count.min(1 << 16));
    for _ in 0..count {
        let position = r.u32()?;
        let start = r.usize()?;
        let end = r.usize()?;
        let words = r.u32()?;
        let flags = r.byte()?;
        let has_coarse_date = flags & 1 == 1;
        let chronology_prefix = if flags & 2 == 2 {
            let prefix = r.usize()?;
            if prefix == 0 || prefix > end.saturating_sub(start) {
                return Err("chronology prefix outside its sentence".into());
            }
            prefix
        } else {
            0
        };
        let n_terms = r.len()?;
        let mut terms = Vec::with_capacity(n_terms.min(1 << 16));
        for _ in 0..n_terms {
            terms.push(r.u64_le()?);
        }
        let n_days = r.len()?;
        let mut days = Vec::with_capacity(n_days.min(1 << 10));
        for _ in 0..n_days {
            let ce = i32::try_from(r.var()?).map_err(|_| "day out of range".to_string())?;
            let day = NaiveDate::from_num_days_from_ce_opt(ce).ok_or("day out of range")?;
            let offset = r.usize()?;
            days.push(DayMention { day, offset });
        }
        out.push(AnalysedSentence {
            article,
            position,
            start,
            end,
            terms,
            words,
            days,
            has_coarse_date,
            chronology_prefix,
        });
    }
    if r.at != bytes.len() {
        return Err("trailing bytes after sentences".into());
    }
    Ok(out)
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("truncated sentence record")?;
        self.at += 1;
        Ok(b)
    }
    fn var(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err("varint too long".into())
    }
    fn u32(&mut self) -> Result<u32, String> {
        u32::try_from(self.var()?).map_err(|_| "value out of range".into())
    }
    fn usize(&mut self) -> Result<usize, String> {
        usize::try_from(self.var()?).map_err(|_| "value out of range".into())
    }
    /// A count that must fit in what is left of the blob (at least one byte per item).
    fn len(&mut self) -> Result<usize, String> {
        let n = self.usize()?;
        if n > self.bytes.len() - self.at {
            return Err("count larger than the record".into());
        }
        Ok(n)
    }
    fn u64_le(&mut self) -> Result<u64, String> {
        let end = self.at + 8;
        let slice = self.bytes.get(self.at..end).ok_or("truncated term")?;
        self.at = end;
        let mut b = [0u8; 8];
        b.copy_from_slice(slice);
        Ok(u64::from_le_bytes(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corruption() {
        let s = AnalysedSentence {
            article: 0,
            position: 3,
            start: 10,
            end: 300,
            terms: vec![1, u64::MAX, 42],
            words: 17,
            days: vec![DayMention {
                day: NaiveDate::from_ymd_opt(2010, 4, 20).unwrap(),
                offset: 5,
            }],
            has_coarse_date: true,
            chronology_prefix: 0,
        };
        let entry = AnalysedSentence {
            chronology_prefix: 11,
            has_coarse_date: false,
            ..s.clone()
        };
        let blob = encode(&[s.clone(), entry]);
        let back = decode(&blob, 7).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].article, 7);
        assert!(back[0].has_coarse_date);
        assert!(!back[0].is_chronology_entry());
        assert!(!back[1].has_coarse_date);
        assert_eq!(back[1].chronology_prefix, 11);
        assert_eq!(back[0].terms, s.terms);
        assert_eq!(back[0].days, s.days);
        for cut in 0..blob.len() {
            assert!(decode(&blob[..cut], 0).is_err());
        }
        assert!(decode(&[1, 0xff, 0xff, 0xff], 0).is_err());
    }
}
