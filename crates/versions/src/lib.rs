//! Versions: the same document released twice (another scan, another OCR, more or fewer
//! redactions) found without comparing every pair, and the diff between two versions.
//!
//! A document's words become overlapping 3-word shingles; a [`Signature`] keeps, for each
//! of 64 hash functions, the smallest hash of any shingle (MinHash). The share of equal
//! positions between two signatures estimates the Jaccard similarity of the shingle sets.
//! The signature is cut into 16 bands of 4 rows; documents sharing any band's hash are
//! candidates (LSH), so finding a new document's earlier versions is 16 index lookups
//! whatever the archive's size. With these numbers a pair at similarity 0.7 becomes a
//! candidate with probability 0.99, at 0.5 with 0.64, at 0.3 with 0.12.
//!
//! Shingles of words rather than characters: an OCR error spoils the three shingles that
//! hold the word, and page furniture shared by a whole collection (form labels, banners)
//! makes up a small share of a real document's shingles.

use serde::Serialize;
use std::time::Duration;

/// Hash functions in a signature.
pub const HASHES: usize = 64;
/// LSH bands; `HASHES / BANDS` rows each.
pub const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;
/// Words per shingle.
const SHINGLE: usize = 3;
/// Below this many distinct shingles a text is too short to call anything a version of it.
pub const MIN_SHINGLES: usize = 30;
/// Estimated Jaccard similarity from which two documents are versions of one another.
/// On the sample corpus (`examples/calibrate.rs`, figures in docs/BENCHMARKS.md) the
/// highest similarity between unrelated documents is 0.27 at p99 and the one pair above
/// 0.5 is a real version (the same memo under two record numbers); copies with one word in
/// ten damaged, or with a third withheld, stay above 0.5 for 98% of documents.
pub const THRESHOLD: f32 = 0.5;

/// A MinHash signature of a text's word shingles.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Signature([u32; HASHES]);

// splitmix64: a fixed, documented mixer, so signatures stored in an archive stay valid
// across builds and platforms (std's hashers make no such promise).
const fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Multiply-shift hash family: `(a·x + b) >> 32` with odd `a`.
const COEFFS: [(u64, u64); HASHES] = {
    let mut out = [(0u64, 0u64); HASHES];
    let mut i = 0;
    while i < HASHES {
        out[i] = (mix(2 * i as u64) | 1, mix(2 * i as u64 + 1));
        i += 1;
    }
    out
};

fn word_hash(word: &[u8]) -> u64 {
    // FNV-1a over the lower-cased bytes.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h ^= b.to_ascii_lowercase() as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

/// Words for shingling: runs of letters and digits of at least two characters (single
/// characters are mostly OCR specks), case-folded.
fn words(text: &str) -> impl Iterator<Item = u64> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some())
        .map(|w| word_hash(w.as_bytes()))
}

impl Signature {
    /// The signature of a text, or `None` when it has fewer than [`MIN_SHINGLES`]
    /// distinct shingles. Linear in the text; no allocation beyond a small window.
    pub fn of(text: &str) -> Option<Signature> {
        let mut mins = [u32::MAX; HASHES];
        // Which shingle gave each minimum: a text that repeats a few shingles (a page of
        // `XXXX XXXX`, a form left blank) says nothing about versions.
        let mut argmins = [0u64; HASHES];
        let mut window = [0u64; SHINGLE];
        let mut seen = 0usize;
        let mut shingles = 0usize;
        for w in words(text) {
            window.rotate_left(1);
            window[SHINGLE - 1] = w;
            seen += 1;
            if seen < SHINGLE {
                continue;
            }
            let s = mix(window
                .iter()
                .fold(0u64, |acc, &h| mix(acc ^ h).rotate_left(17)));
            for ((m, arg), &(a, b)) in mins.iter_mut().zip(argmins.iter_mut()).zip(COEFFS.iter()) {
                let h = (a.wrapping_mul(s).wrapping_add(b) >> 32) as u32;
                if h < *m {
                    *m = h;
                    *arg = s;
                }
            }
            shingles += 1;
        }
        (shingles >= MIN_SHINGLES && distinct_enough(&argmins)).then_some(Signature(mins))
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets, 0 to 1.
    pub fn similarity(&self, other: &Signature) -> f32 {
        let equal = self
            .0
            .iter()
            .zip(other.0.iter())
            .filter(|(a, b)| a == b)
            .count();
        equal as f32 / HASHES as f32
    }

    /// One key per band: documents sharing a key are candidate versions. The band's
    /// number is mixed in, so keys of different bands never collide by construction.
    pub fn bands(&self) -> [i64; BANDS] {
        let mut out = [0i64; BANDS];
        for (band, key) in out.iter_mut().enumerate() {
            let rows = &self.0[band * ROWS..(band + 1) * ROWS];
            let h = rows
                .iter()
                .fold(mix(band as u64), |acc, &r| mix(acc ^ r as u64));
            *key = h as i64;
        }
        out
    }

    /// Little-endian bytes, for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Read stored bytes back; `None` if they are not a signature.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != HASHES * 4 {
            return None;
        }
        let mut out = [0u32; HASHES];
        for (v, chunk) in out.iter_mut().zip(bytes.chunks_exact(4)) {
            *v = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(Signature(out))
    }
}

/// The minima must come from many different shingles: 20 of 64 needs about 25 distinct
/// shingles in the text.
fn distinct_enough(argmins: &[u64; HASHES]) -> bool {
    let mut v = argmins.to_vec();
    v.sort_unstable();
    v.dedup();
    v.len() >= 20
}

/// One stretch of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "lowercase")]
pub enum Piece {
    Same(String),
    Added(String),
    Removed(String),
}

/// The word-level difference from an old version's text to a new one's.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub pieces: Vec<Piece>,
    pub words_added: usize,
    pub words_removed: usize,
    pub words_same: usize,
    /// The diff took longer than its time limit and is coarser than the smallest one.
    pub approximate: bool,
}

/// Time a diff may take before it settles for a coarser answer.
const DIFF_TIMEOUT: Duration = Duration::from_millis(500);

/// Diff two texts word by word (whitespace kept with the words). Bounded in time:
/// pathological inputs get a correct but coarser diff.
pub fn diff(old: &str, new: &str) -> Diff {
    let started = std::time::Instant::now();
    let d = similar::TextDiff::configure()
        .timeout(DIFF_TIMEOUT)
        .diff_words(old, new);
    let mut out = Diff {
        pieces: Vec::new(),
        words_added: 0,
        words_removed: 0,
        words_same: 0,
        approximate: started.elapsed() >= DIFF_TIMEOUT,
    };
    for change in d.iter_all_changes() {
        let text = change.value();
        let n = text.split_whitespace().count();
        let piece = match change.tag() {
            similar::ChangeTag::Equal => {
                out.words_same += n;
                Piece::Same(text.to_string())
            }
            similar::ChangeTag::Insert => {
                out.words_added += n;
                Piece::Added(text.to_string())
            }
            similar::ChangeTag::Delete => {
                out.words_removed += n;
                Piece::Removed(text.to_string())
            }
        };
        out.pieces.push(piece);
    }
    out.pieces = coalesce(std::mem::take(&mut out.pieces));
    out
}

/// Merge a change into one removed and one added stretch, taking in the whitespace
/// between its words, so `[-a-] [-b-]{+x+} {+y+}` reads `[-a b-]{+x y+}`. Whitespace
/// inside a change is in both texts, so it goes to both sides.
fn coalesce(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let (mut removed, mut added) = (String::new(), String::new());
    let mut space = String::new();
    for p in pieces {
        let changing = !removed.is_empty() || !added.is_empty();
        match p {
            Piece::Same(t) if changing && t.trim().is_empty() => space.push_str(&t),
            Piece::Same(t) => {
                flush(&mut out, &mut removed, &mut added);
                push_same(&mut out, std::mem::take(&mut space) + &t);
            }
            Piece::Removed(t) => {
                removed.push_str(&space);
                added.push_str(&space);
                space.clear();
                removed.push_str(&t);
            }
            Piece::Added(t) => {
                removed.push_str(&space);
                added.push_str(&space);
                space.clear();
                added.push_str(&t);
            }
        }
    }
    flush(&mut out, &mut removed, &mut added);
    push_same(&mut out, space);
    out
}

fn push_same(out: &mut Vec<Piece>, t: String) {
    if t.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Piece::Same(prev)) => prev.push_str(&t),
        _ => out.push(Piece::Same(t)),
    }
}

/// Emit a change. When one side is only the whitespace the other side begins or ends
/// with, that whitespace is unchanged text, not a change.
fn flush(out: &mut Vec<Piece>, removed: &mut String, added: &mut String) {
    let (r, a) = (std::mem::take(removed), std::mem::take(added));
    let pure = |s: &str| !s.is_empty() && s.trim().is_empty();
    let (same, r, a, before) = if pure(&r) && a.starts_with(&r) {
        (r.clone(), String::new(), a[r.len()..].to_string(), true)
    } else if pure(&r) && a.ends_with(&r) {
        (
            r.clone(),
            String::new(),
            a[..a.len() - r.len()].to_string(),
            false,
        )
    } else if pure(&a) && r.starts_with(&a) {
        (a.clone(), r[a.len()..].to_string(), String::new(), true)
    } else if pure(&a) && r.ends_with(&a) {
        (
            a.clone(),
            r[..r.len() - a.len()].to_string(),
            String::new(),
            false,
        )
    } else {
        (String::new(), r, a, true)
    };
    if before {
        push_same(out, same.clone());
    }
    if !r.is_empty() {
        out.push(Piece::Removed(r));
    }
    if !a.is_empty() {
        out.push(Piece::Added(a));
    }
    if !before {
        push_same(out, same);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // From the seed NODIS memo (State, 1993): real prose, long enough to sign.
    const MEMO: &str = "Our objectives for your meeting with Vice Premier Qian Qichen are to \
        convey the President's desire for a constructive relationship with China, to press \
        for progress on human rights, including the release of political prisoners and access \
        for the International Committee of the Red Cross, to urge restraint in missile and \
        nuclear exports to Pakistan and Iran, and to explore cooperation on Korea. The \
        Chinese will seek an end to sanctions imposed after Tiananmen and assurances on \
        Taiwan arms sales. You should make clear that MFN renewal next year depends on \
        overall significant progress on human rights as the President's executive order \
        sets out, and that we are prepared to resume high-level dialogue if they meet us.";

    const OTHER: &str = "The Bureau has received information that the subject traveled to \
        Mexico City in late September and visited the Cuban and Soviet embassies there. A \
        review of files at the field office reflects no additional identifying data. The \
        source, who has furnished reliable information in the past, advised that he did not \
        know the purpose of the visits. Copies of this communication are being furnished to \
        the Legal Attache in Mexico for any further inquiries he deems necessary regarding \
        the subject's contacts, and the results will be reported promptly to headquarters.";

    /// Damage one word in `every`: the OCR errors of a second scan.
    fn ocr_noise(text: &str, every: usize) -> String {
        text.split(' ')
            .enumerate()
            .map(|(i, w)| {
                if i % every == every - 1 && w.len() > 2 {
                    w.replacen('e', "c", 1)
                        .replacen('o', "0", 1)
                        .replacen('i', "l", 1)
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn another_ocr_of_the_same_text_is_a_version() {
        let a = Signature::of(MEMO).unwrap();
        let b = Signature::of(&ocr_noise(MEMO, 20)).unwrap();
        let s = a.similarity(&b);
        assert!(s >= THRESHOLD, "similarity {s}");
        assert!(a.bands().iter().zip(b.bands().iter()).any(|(x, y)| x == y));
    }

    #[test]
    fn a_redacted_release_is_a_version_of_the_full_one() {
        // The second release withholds a sentence: `(b)(1)` stands in its place.
        let redacted = MEMO.replace(
            "The Chinese will seek an end to sanctions imposed after Tiananmen and assurances on Taiwan arms sales.",
            "(b)(1)",
        );
        let redacted = redacted.split_whitespace().collect::<Vec<_>>().join(" ");
        let memo = MEMO.split_whitespace().collect::<Vec<_>>().join(" ");
        let s = Signature::of(&memo)
            .unwrap()
            .similarity(&Signature::of(&redacted).unwrap());
        assert!(s >= THRESHOLD, "similarity {s}");
    }

    #[test]
    fn unrelated_documents_are_not_versions_even_with_the_same_furniture() {
        let furniture = "SECRET NODIS DEPARTMENT OF STATE WASHINGTON MEMORANDUM FOR THE SECRETARY \
            FROM SUBJECT DECL OADR DECLASSIFIED RELEASED IN FULL REVIEW AUTHORITY ";
        let a = Signature::of(&format!("{furniture}{MEMO}")).unwrap();
        let b = Signature::of(&format!("{furniture}{OTHER}")).unwrap();
        let s = a.similarity(&b);
        assert!(s < 0.25, "similarity {s}");
    }

    #[test]
    fn case_and_punctuation_do_not_matter() {
        let upper = MEMO.to_uppercase().replace(',', " ,");
        assert_eq!(Signature::of(MEMO), Signature::of(&upper));
    }

    #[test]
    fn short_or_repetitive_texts_get_no_signature() {
        assert_eq!(Signature::of("SECRET\nSUBJECT: Talks with China\n"), None);
        assert_eq!(Signature::of(&"XXXX XXXXX XXXX ".repeat(200)), None);
        assert_eq!(Signature::of(""), None);
    }

    #[test]
    fn signatures_round_trip_through_bytes_and_are_stable() {
        let s = Signature::of(MEMO).unwrap();
        assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s.clone()));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
        // Stored signatures must mean the same thing to every later build.
        let again = Signature::of(MEMO).unwrap();
        assert_eq!(s.bands(), again.bands());
        assert_eq!(COEFFS[0].0 & 1, 1);
        assert_eq!(mix(0), 0xE220_A839_7B1D_CDAF);
    }

    fn rebuild(d: &Diff, new_side: bool) -> String {
        d.pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Same(t) => Some(t.as_str()),
                Piece::Added(t) if new_side => Some(t.as_str()),
                Piece::Removed(t) if !new_side => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn a_diff_gives_back_both_texts(
            old in proptest::collection::vec("[a-c]{1,2}|[ \n]{1,2}", 0..30),
            new in proptest::collection::vec("[a-c]{1,2}|[ \n]{1,2}", 0..30),
        ) {
            let (old, new) = (old.concat(), new.concat());
            let d = diff(&old, &new);
            proptest::prop_assert_eq!(rebuild(&d, false), old);
            proptest::prop_assert_eq!(rebuild(&d, true), new);
            // Never two pieces of the same kind in a row.
            for w in d.pieces.windows(2) {
                proptest::prop_assert!(std::mem::discriminant(&w[0]) != std::mem::discriminant(&w[1]), "{:?}", d.pieces);
            }
        }
    }

    #[test]
    fn the_diff_shows_what_a_release_withheld() {
        let old = "The Chinese will seek an end to sanctions and assurances on Taiwan.";
        let new = "The Chinese will seek (b)(1) and assurances on Taiwan.";
        let d = diff(old, new);
        assert!(!d.approximate);
        assert_eq!(d.words_removed, 4, "{:?}", d.pieces);
        assert_eq!(d.words_added, 1);
        assert_eq!(d.pieces[0], Piece::Same("The Chinese will seek ".into()));
        assert!(d
            .pieces
            .iter()
            .any(|p| matches!(p, Piece::Removed(t) if t.contains("sanctions"))));
        assert!(d
            .pieces
            .iter()
            .any(|p| matches!(p, Piece::Added(t) if t.contains("(b)(1)"))));
        // Put together, the pieces give back both texts.
        assert_eq!(rebuild(&d, true), new);
        assert_eq!(rebuild(&d, false), old);
        // One change, one removed and one added stretch, not one per word.
        assert_eq!(d.pieces.len(), 4, "{:?}", d.pieces);
        assert_eq!(d.pieces[1], Piece::Removed("an end to sanctions".into()));
    }
}
