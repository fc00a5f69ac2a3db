//! Near-duplicate detection (the same wire story republished by several outlets):
//! MinHash signatures over word 4-shingles, with LSH banding to find candidates.
//!
//! An article's signature is [`HASHES`] minimum hash values; two articles whose
//! signatures agree on at least [`THRESHOLD`] of the positions (an estimate of the
//! Jaccard similarity of their shingle sets) and whose publication dates are at most
//! [`MAX_DAYS_APART`] apart are near duplicates. Candidates are the articles sharing at
//! least one band (4 consecutive values) of the signature, which finds pairs of Jaccard
//! 0.7 with probability above 0.99.

use xxhash_rust::xxh3::xxh3_64;

/// Values per signature.
pub const HASHES: usize = 32;
/// Values per LSH band.
pub const ROWS: usize = 4;
/// Bands per signature.
pub const BANDS: usize = HASHES / ROWS;
/// Minimum estimated Jaccard similarity of two near duplicates.
pub const THRESHOLD: f64 = 0.7;
/// Maximum distance between the publication dates of two near duplicates.
pub const MAX_DAYS_APART: i64 = 3;
/// Words per shingle.
const SHINGLE: usize = 4;
/// Texts with fewer words are too short to call near duplicates.
const MIN_WORDS: usize = 12;

/// A MinHash signature.
pub type Signature = [u32; HASHES];

/// The signature of a text, or `None` when it is too short to compare.
pub fn signature(text: &str) -> Option<Signature> {
    // One hash per word (lower-cased), combined into shingle hashes; each signature
    // value is then one multiply-add of the shingle hash (a universal hash family).
    let mut words: Vec<u64> = Vec::with_capacity(text.len() / 5);
    let mut buf = String::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            buf.clear();
            buf.extend(w.chars().flat_map(char::to_lowercase));
            words.push(xxh3_64(buf.as_bytes()));
        } else {
            words.push(xxh3_64(w.as_bytes()));
        }
    }
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut sig = [u32::MAX; HASHES];
    for window in words.windows(SHINGLE) {
        let mut base = 0u64;
        for &w in window {
            base = splitmix(base ^ w);
        }
        for (i, slot) in sig.iter_mut().enumerate() {
            let h = (base.wrapping_mul(MULS[i]).wrapping_add(SEEDS[i]) >> 32) as u32;
            if h < *slot {
                *slot = h;
            }
        }
    }
    Some(sig)
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

/// The LSH band keys of a signature (one per band, band index mixed in).
pub fn band_keys(sig: &Signature) -> [i64; BANDS] {
    let mut keys = [0i64; BANDS];
    for (band, key) in keys.iter_mut().enumerate() {
        let mut bytes = [0u8; 4 * ROWS + 1];
        bytes[0] = band as u8;
        for (j, v) in sig[band * ROWS..(band + 1) * ROWS].iter().enumerate() {
            bytes[1 + 4 * j..5 + 4 * j].copy_from_slice(&v.to_le_bytes());
        }
        *key = xxh3_64(&bytes) as i64;
    }
    keys
}

/// Signature as stored (little-endian u32s).
pub fn to_bytes(sig: &Signature) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// A stored signature, or `None` when the bytes are not one.
pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
    if bytes.len() != 4 * HASHES {
        return None;
    }
    let mut sig = [0u32; HASHES];
    for (i, chunk) in bytes.chunks_exact(4).enumerate() {
        sig[i] = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    Some(sig)
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

const MULS: [u64; HASHES] = {
    let mut muls = [0u64; HASHES];
    let mut i = 0;
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    while i < HASHES {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        muls[i] = x | 1;
        i += 1;
    }
    muls
};

const SEEDS: [u64; HASHES] = {
    let mut seeds = [0u64; HASHES];
    let mut i = 0;
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    while i < HASHES {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        seeds[i] = x;
        i += 1;
    }
    seeds
};

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Rescue teams worked through the night after the dam failed on Sunday, \
        flooding the lower valley and forcing thousands of residents to leave their homes. \
        Officials said the water level was falling but warned of more rain on Tuesday.";

    #[test]
    fn republished_story_is_near_duplicate_and_other_is_not() {
        let a = signature(STORY).unwrap();
        let b = signature(&format!("LONDON (Wire) - {STORY} More to follow.")).unwrap();
        assert!(similarity(&a, &b) >= THRESHOLD, "{}", similarity(&a, &b));
        assert!(
            band_keys(&a)
                .iter()
                .zip(band_keys(&b))
                .any(|(x, y)| *x == y)
        );
        let c = signature(
            "The central bank raised interest rates by a quarter point on Wednesday, \
             citing persistent inflation in services and a tight labour market overall.",
        )
        .unwrap();
        assert!(similarity(&a, &c) < 0.2);
        assert_eq!(from_bytes(&to_bytes(&a)), Some(a));
        assert!(signature("too short").is_none());
    }
}
