//! Edit distance for OCR-damaged words (`MEGCO` for `MEXICO`, `SUBIECT` for `SUBJECT`).

/// Longest word compared; longer inputs are never within a small distance of a label.
const MAX_LEN: usize = declass_lexicon::EDIT_MAX_LEN;

pub use declass_lexicon::within;
use declass_lexicon::within_bytes;

/// How many of each letter a word has (case folded; every other byte in one bin): a
/// filter before [`within`], as each edit moves the counts by at most two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Letters([u8; 27]);

impl Letters {
    pub fn of(s: &str) -> Letters {
        let mut c = [0u8; 27];
        for b in s.bytes() {
            let i = if b.is_ascii_alphabetic() {
                usize::from(b.to_ascii_uppercase() - b'A')
            } else {
                26
            };
            c[i] = c[i].saturating_add(1);
        }
        Letters(c)
    }
    /// False when two words' counts differ too much for `k` edits to turn one into the
    /// other; true says only that they may.
    pub fn may_be_within(&self, other: &Letters, k: usize) -> bool {
        let moved: usize = self
            .0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| usize::from(a.abs_diff(*b)))
            .sum();
        moved <= 2 * k
    }
}

/// Whether `word`, upper-cased, is `target` read through OCR: at most `k` edits, and no
/// shorter than `target` minus `k` letters.
pub fn is_word(word: &str, target: &str, k: usize) -> bool {
    // (most words are out of reach by their length alone: no copy is made for them)
    let len = word.len();
    if len + k < target.len() || len.abs_diff(target.len()) > k || len >= MAX_LEN {
        return false;
    }
    let mut buf = [0u8; MAX_LEN];
    let w = &mut buf[..len];
    w.copy_from_slice(word.as_bytes());
    w.make_ascii_uppercase();
    within_bytes(w, target.as_bytes(), k).is_some()
}

/// Whether a line opens (after punctuation) with `target` read through OCR.
pub fn starts_with_word(line: &str, target: &str, k: usize) -> bool {
    let rest = line.trim_start_matches(|c: char| !c.is_alphabetic());
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    is_word(&rest[..end], target, k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocr_read_words() {
        assert!(is_word("Subiect", "SUBJECT", 1));
        assert!(starts_with_word("‘BUBJECT", "SUBJECT", 2));
        assert!(!starts_with_word("SUB", "SUBJECT", 2));
    }

    proptest::proptest! {
        // a word and the same word after up to two random edits (insert, delete, replace):
        // the filter must let the pair through at that many edits
        #[test]
        fn the_letter_filter_never_rejects_a_near_word(
            a in "[A-Z ]{0,9}",
            edits in proptest::collection::vec((0u8..3, 0usize..10, "[A-Z ]"), 0..3),
        ) {
            let mut b: Vec<char> = a.chars().collect();
            for (op, at, c) in &edits {
                let c = c.chars().next().unwrap_or(' ');
                let at = at % (b.len() + 1);
                match op {
                    0 => b.insert(at, c),
                    1 if at < b.len() => {
                        b.remove(at);
                    }
                    _ if at < b.len() => b[at] = c,
                    _ => b.push(c),
                }
            }
            let b: String = b.into_iter().collect();
            let k = edits.len();
            proptest::prop_assert!(within(&a, &b, k).is_some());
            proptest::prop_assert!(Letters::of(&a).may_be_within(&Letters::of(&b), k));
        }
    }

    #[test]
    fn the_letter_filter_on_station_names() {
        assert!(!Letters::of("DIRECTOR").may_be_within(&Letters::of("HAVANA"), 2));
        assert!(Letters::of("MEGCO").may_be_within(&Letters::of("MEXICO"), 2));
    }
}
