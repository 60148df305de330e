//! An English word list compiled into the binary, and the measures built on it.
//!
//! OCR of carbons and routing sheets yields lines like `use aoe - | essa VSL Giiaeesusy`
//! beside lines of real prose in capitals (`DESPITE STATION PRESSURE HAVE HELD BACK`).
//! Letter-class heuristics cannot tell them apart; a dictionary can. The list is SCOWL
//! (`data/SOURCES.md`): 73,000 words, 650 KB, binary-searched, no start-up cost beyond
//! one split of the text on first use.

use std::sync::LazyLock;

/// Each word of the list, and whether it is there only as a proper noun (`proper.txt`).
static WORDS: LazyLock<rustc_hash::FxHashMap<&'static str, bool>> = LazyLock::new(|| {
    let mut m: rustc_hash::FxHashMap<&'static str, bool> = include_str!("../data/words.txt")
        .lines()
        .map(|w| (w, false))
        .collect();
    for w in include_str!("../data/proper.txt").lines() {
        m.insert(w, true);
    }
    m
});

/// Longest word looked up; longer tokens are not English words.
const MAX_WORD: usize = 24;

/// Whether `word` (any case, ASCII letters only) is an English word.
pub fn is_word(word: &str) -> bool {
    let len = word.len();
    if len == 0 || len > MAX_WORD || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let mut buf = [0u8; MAX_WORD];
    for (d, s) in buf.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let Ok(lower) = std::str::from_utf8(&buf[..len]) else {
        return false;
    };
    WORDS.contains_key(lower)
}

/// Whether `word` is a common English word: in the list, and not a proper noun of it
/// (`Kissinger`, `Aachen` are in the list only capitalized).
pub fn is_common_word(word: &str) -> bool {
    lookup(word) == Some(false)
}

/// `Some(proper)` when `word` is in the list.
fn lookup(word: &str) -> Option<bool> {
    let len = word.len();
    if len == 0 || len > MAX_WORD || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut buf = [0u8; MAX_WORD];
    for (d, s) in buf.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..len]).ok()?;
    WORDS.get(lower).copied()
}

/// Shortest word [`near_common_word`] tries: a short name is one letter from many words.
pub const NEAR_MIN: usize = 8;

/// Hashes of every common word whose length `keep` accepts with one letter taken out (at
/// each place), sorted.
fn deletion_hashes(keep: impl Fn(usize) -> bool) -> Vec<u64> {
    let mut out = Vec::new();
    let mut buf = Vec::with_capacity(MAX_WORD);
    for (w, proper) in WORDS.iter() {
        if *proper || !keep(w.len()) || !w.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        for i in 0..w.len() {
            buf.clear();
            buf.extend_from_slice(&w.as_bytes()[..i]);
            buf.extend_from_slice(&w.as_bytes()[i + 1..]);
            out.push(fx(&buf));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// [`deletion_hashes`] of the common words of at least `NEAR_MIN - 1` letters: built on
/// first use (a few tens of milliseconds, 3 MB).
static DELETIONS: LazyLock<Vec<u64>> = LazyLock::new(|| deletion_hashes(|n| n + 1 >= NEAR_MIN));

/// [`deletion_hashes`] of the common words of six letters: the letter a six-letter word may
/// have wrong, for [`near_common_short`] ([`DELETIONS`] has the longer words). Built on
/// first use.
static SHORT_DELETIONS: LazyLock<Vec<u64>> = LazyLock::new(|| deletion_hashes(|n| n == 6));

/// [`near_common_word`] for a word of six or seven letters: one letter too many, missing or
/// wrong (`BELIVE`, `NORWAL`). A short word is one letter from many words, so this is for a
/// word a rule already suspects, not for every word.
pub fn near_common_short(word: &str) -> bool {
    let len = word.len();
    if !(6..NEAR_MIN).contains(&len) {
        return false;
    }
    let same_length: &[u64] = if len == 6 {
        &SHORT_DELETIONS
    } else {
        &DELETIONS
    };
    near(word, same_length)
}

/// One letter too many, missing or wrong from a common word, as in SymSpell: letters taken
/// out of both sides. `same_length` holds the deletions of the words as long as `word`
/// ([`DELETIONS`] those one longer).
fn near(word: &str, same_length: &[u64]) -> bool {
    let len = word.len();
    if len > MAX_WORD || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let mut lower = [0u8; MAX_WORD];
    for (d, s) in lower.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let lower = &lower[..len];
    // a letter missing: the word is a longer common word with one taken out
    if holds(&DELETIONS, fx(lower)) {
        return true;
    }
    let mut buf = [0u8; MAX_WORD];
    for i in 0..len {
        buf[..i].copy_from_slice(&lower[..i]);
        buf[i..len - 1].copy_from_slice(&lower[i + 1..]);
        let shorter = &buf[..len - 1];
        // a letter too many; or a letter wrong (both lose it at the same place)
        let too_many = std::str::from_utf8(shorter).is_ok_and(|s| WORDS.get(s) == Some(&false));
        if too_many || holds(same_length, fx(shorter)) {
            return true;
        }
    }
    false
}

/// Whether the sorted `hashes` hold `h`. The hashes spread evenly over `u64`, so `h`'s share
/// of the range is near its place: a guess there and a gallop to bracket it touch a cache
/// line or two, where a binary search over 3 MB touches about twenty.
fn holds(hashes: &[u64], h: u64) -> bool {
    let n = hashes.len();
    if n == 0 {
        return false;
    }
    let guess = ((u128::from(h) * n as u128) >> 64) as usize;
    let (mut lo, mut hi) = (guess, guess + 1);
    let mut step = 1;
    // widen [lo, hi) until it brackets h: hashes[lo] <= h < hashes[hi] (or an end)
    while lo > 0 && hashes[lo] > h {
        hi = lo;
        lo = lo.saturating_sub(step);
        step *= 2;
    }
    while hi < n && hashes[hi - 1] < h {
        lo = hi - 1;
        hi = (hi + step).min(n);
        step *= 2;
    }
    hashes[lo..hi].binary_search(&h).is_ok()
}

fn fx(bytes: &[u8]) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(bytes);
    h.finish()
}

/// Whether `word` (ASCII letters, at least [`NEAR_MIN`]) is a common word bent by the OCR or
/// a typist: one letter too many (`DENCOUNCED`), missing (`APPOINTMEN`) or wrong
/// (`INTELLIGEMCE`), found as in SymSpell by taking letters out of both sides (so two edits
/// in one place also count). About twice the word's length in lookups.
pub fn near_common_word(word: &str) -> bool {
    (NEAR_MIN..=MAX_WORD).contains(&word.len()) && near(word, &DELETIONS)
}

/// Longest word [`within`] compares; longer inputs are never within a small distance of a
/// label or a name.
pub const EDIT_MAX_LEN: usize = 64;

/// Levenshtein distance between `a` and `b` if it is at most `k`. Compares bytes (the
/// words compared are ASCII labels and names), keeps two rows on the stack, and stops as
/// soon as every cell of a row exceeds `k`: no allocation, linear for small `k`. (Here for
/// both extraction's OCR'd labels and entities' OCR'd place names.)
pub fn within(a: &str, b: &str, k: usize) -> Option<usize> {
    within_bytes(a.as_bytes(), b.as_bytes(), k)
}

/// [`within`] of byte strings.
pub fn within_bytes(a: &[u8], b: &[u8], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k || b.len() >= EDIT_MAX_LEN || a.len() >= EDIT_MAX_LEN {
        return None;
    }
    if k <= 1 {
        return within_one(a, b, k);
    }
    edit_rows(a, b, k)
}

/// [`within_bytes`] for `k` of 0 or 1, in one pass (most calls ask one edit of a list).
fn within_one(a: &[u8], b: &[u8], k: usize) -> Option<usize> {
    // (lengths differ by at most k: the caller checked)
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if head == a.len() && head == b.len() {
        return Some(0);
    }
    if k == 0 {
        return None;
    }
    // one substitution, or one letter more on either side, at the first difference
    let rest = match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Equal => a[head + 1..] == b[head + 1..],
        std::cmp::Ordering::Greater => a[head + 1..] == b[head..],
        std::cmp::Ordering::Less => a[head..] == b[head + 1..],
    };
    rest.then_some(1)
}

/// Levenshtein distance by rows, stopping when a whole row exceeds `k`.
fn edit_rows(a: &[u8], b: &[u8], k: usize) -> Option<usize> {
    // (distances under EDIT_MAX_LEN fit a byte: two small rows to clear per call)
    let mut prev = [0u8; EDIT_MAX_LEN + 1];
    let mut cur = [0u8; EDIT_MAX_LEN + 1];
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = j as u8;
    }
    let k8 = k.min(EDIT_MAX_LEN) as u8;
    for i in 1..=a.len() {
        cur[0] = i as u8;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > k8 {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = usize::from(prev[b.len()]);
    (d <= k).then_some(d)
}

/// Whether `word` is in the list only as a proper noun.
pub fn is_proper(word: &str) -> bool {
    lookup(word) == Some(true)
}

/// Counts of the tokens of a passage: all tokens with a letter, and those that are words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prose {
    pub tokens: usize,
    pub words: usize,
}

impl Prose {
    /// Share of tokens that are English words (0 when there are none).
    pub fn ratio(self) -> f64 {
        if self.tokens == 0 {
            0.0
        } else {
            self.words as f64 / self.tokens as f64
        }
    }
}

/// Reads `text` as whitespace-separated tokens with edge punctuation trimmed
/// (`"WHAT`, `OUTCOME.`, `(alias`). A single letter counts only as `a`/`I`, so margin debris
/// (`R`, `c`, `Y`) lowers the ratio.
pub fn prose(text: &str) -> Prose {
    let mut p = Prose::default();
    for tok in text.split_whitespace() {
        let t = tok.trim_matches(|c: char| !c.is_alphanumeric());
        if !t.chars().any(char::is_alphabetic) {
            continue;
        }
        p.tokens += 1;
        if is_word(t)
            || t.split(['-', '/'])
                .all(|part| part.len() > 1 && is_word(part))
        {
            p.words += 1;
        }
    }
    p
}

#[cfg(test)]
mod near_tests {
    use super::{holds, near_common_short, near_common_word, DELETIONS};

    #[test]
    fn the_guessed_search_agrees_with_a_binary_search() {
        let dels = &*DELETIONS;
        // every member, at the ends too, and values between members and past both ends
        for (i, &h) in dels
            .iter()
            .enumerate()
            .step_by(97)
            .chain(dels.iter().enumerate().rev().take(3))
        {
            assert!(holds(dels, h), "member {i}");
            for probe in [h.wrapping_add(1), h.wrapping_sub(1)] {
                assert_eq!(holds(dels, probe), dels.binary_search(&probe).is_ok());
            }
        }
        for probe in [0, 1, u64::MAX, u64::MAX - 1, u64::MAX / 2] {
            assert_eq!(holds(dels, probe), dels.binary_search(&probe).is_ok());
        }
        assert!(!holds(&[], 5));
        assert!(holds(&[5], 5) && !holds(&[5], 4) && !holds(&[5], 6));
        // a skewed list: every value crowded at the low end
        let skewed: Vec<u64> = (0..1000).collect();
        assert!((0..1000).all(|h| holds(&skewed, h)));
        assert!(!holds(&skewed, 1000) && !holds(&skewed, u64::MAX));
    }

    #[test]
    fn words_bent_by_a_letter() {
        // too many, missing, wrong (cables-ner and JFK OCR)
        for w in [
            "DENCOUNCED",
            "APPOINTMEN",
            "RECOMMENDATON",
            "INTELLIGEMCE",
            "LIKLIHOOD",
        ] {
            assert!(near_common_word(w), "{w}");
        }
        // names, and words themselves too short to judge
        for w in [
            "WACHTMEISTER",
            "COPELAND",
            "GANKOVSKIY",
            "BOODHOO",
            "SHAMSUDDIN",
        ] {
            assert!(!near_common_word(w), "{w}");
        }
    }

    #[test]
    fn short_words_bent_by_a_letter() {
        // a letter missing, wrong, too many (cables-ner 1976DAMASC06820; JFK OCR)
        for w in ["BELIVE", "NORWAL", "BRENCH", "PRATHER"] {
            assert!(near_common_short(w), "{w}");
        }
        // a country bent is no word bent, nor a name; longer and shorter words are not asked
        for w in [
            "LEABNON",
            "HEXICO",
            "CREECE",
            "BOODHOO",
            "ZIGDIS",
            "GHASHMI",
            "APPOINTMEN",
        ] {
            assert!(!near_common_short(w), "{w}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_in_one_pass_agrees_with_the_rows() {
        // every pair of words of up to four letters of a three-letter alphabet
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        let mut last = vec![Vec::new()];
        for _ in 0..4 {
            last = last
                .iter()
                .flat_map(|w: &Vec<u8>| {
                    b"ABC".iter().map(move |c| {
                        let mut v = w.clone();
                        v.push(*c);
                        v
                    })
                })
                .collect();
            words.extend(last.iter().cloned());
        }
        for a in &words {
            for b in &words {
                for k in 0..=1 {
                    let rows = if a.len().abs_diff(b.len()) > k {
                        None
                    } else {
                        edit_rows(a, b, k)
                    };
                    assert_eq!(within_bytes(a, b, k), rows, "{a:?} {b:?} {k}");
                }
            }
        }
        assert_eq!(within("MINISTERIO", "MINISTERO", 1), Some(1));
        assert_eq!(within("ESTADES", "ESTADOS", 1), Some(1));
        assert_eq!(within("ESTADES", "ESTODES", 0), None);
    }

    #[test]
    fn words_any_case() {
        for w in [
            "despite",
            "STATION",
            "Pressure",
            "held",
            "investigation",
            "a",
            "I",
        ] {
            assert!(is_word(w), "{w}");
        }
        for w in ["", "aoe", "Giiaeesusy", "DISPOBAL", "x", "Ã©", "abc1"] {
            assert!(!is_word(w), "{w}");
        }
    }

    #[test]
    fn the_lists_load_whole() {
        assert!(WORDS.len() > 70_000);
        assert_eq!(WORDS.values().filter(|&&p| p).count(), 9_558);
    }

    #[test]
    fn prose_from_debris() {
        // JFK 104-10436-10061: the first paragraph of a cable, and the routing debris above it.
        let body = prose("1. DESPITE STATION PRESSURE TIPSTAFFS HAVE HELD BACK ON REF");
        assert_eq!(body.tokens, 9); // `1.` has no letter
        assert!(body.ratio() >= 0.7, "{body:?}");
        let debris = prose("use aoe - | essa VSL Giiaeesusy");
        assert!(debris.ratio() < 0.5, "{debris:?}");
        assert_eq!(prose("-- | 12 ::"), Prose::default());
        assert_eq!(prose("").ratio(), 0.0);
    }

    #[test]
    fn hyphenated_and_slashed_compounds() {
        assert_eq!(prose("counter-sabotage and/or").words, 2);
        assert_eq!(prose("AMLASH-1").words, 0);
    }
}

#[cfg(test)]
mod distance_tests {
    use super::within;

    #[test]
    fn distances() {
        assert_eq!(within("MEGCO", "MEXICO", 2), Some(2));
        assert_eq!(within("SUBIECT", "SUBJECT", 1), Some(1));
        assert_eq!(within("FROM", "FROM", 0), Some(0));
        assert_eq!(within("DIRECTOR", "HAVANA", 2), None);
        assert_eq!(within("", "AB", 2), Some(2));
        assert_eq!(within("UEMAVE", "JMWAVE", 3), Some(3));
        assert_eq!(within(&"A".repeat(100), &"A".repeat(100), 3), None);
        assert_eq!(within("KEXTCO", "MEXICO", 2), Some(2));
        assert_eq!(within("CLAUS", "CLARA", 1), None);
        assert_eq!(within("AB", "ABCD", 1), None);
    }

    // against the textbook distance on every pair of a few words, at every bound
    #[test]
    fn agrees_with_the_textbook_distance() {
        let words = [
            "MEXICO", "KEXTCO", "CITY", "CTTY", "STATES", "STATEN", "UATTED", "UNITED", "A", "",
        ];
        for x in words {
            for y in words {
                let d = strsim::levenshtein(x, y);
                for k in 0..4 {
                    assert_eq!(within(x, y, k), (d <= k).then_some(d), "{x} {y} {k}");
                }
            }
        }
    }
}

#[cfg(test)]
mod proper_tests {
    use super::*;

    #[test]
    fn proper_nouns_are_not_common_words() {
        assert!(is_word("Kissinger") && !is_common_word("KISSINGER"));
        assert!(is_common_word("young") && is_common_word("SMITH"));
        assert!(!is_proper("embassy"));
    }
}
