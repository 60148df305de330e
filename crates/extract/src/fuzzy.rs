//! Edit distance for OCR-damaged words (`MEGCO` for `MEXICO`, `SUBIECT` for `SUBJECT`).

/// Longest word compared; longer inputs are never within a small distance of a label.
const MAX_LEN: usize = 64;

/// Levenshtein distance between `a` and `b` if it is at most `k`. Compares bytes (the
/// words compared are ASCII labels and names), keeps two rows on the stack, and stops as
/// soon as every cell of a row exceeds `k`: no allocation, linear for small `k`.
pub fn within(a: &str, b: &str, k: usize) -> Option<usize> {
    within_bytes(a.as_bytes(), b.as_bytes(), k)
}

fn within_bytes(a: &[u8], b: &[u8], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k || b.len() >= MAX_LEN || a.len() >= MAX_LEN {
        return None;
    }
    // (distances under MAX_LEN fit a byte: two small rows to clear per call)
    let mut prev = [0u8; MAX_LEN + 1];
    let mut cur = [0u8; MAX_LEN + 1];
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = j as u8;
    }
    let k8 = k.min(MAX_LEN) as u8;
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
    fn distances() {
        assert_eq!(within("MEGCO", "MEXICO", 2), Some(2));
        assert_eq!(within("SUBIECT", "SUBJECT", 1), Some(1));
        assert_eq!(within("FROM", "FROM", 0), Some(0));
        assert_eq!(within("DIRECTOR", "HAVANA", 2), None);
        assert_eq!(within("", "AB", 2), Some(2));
        assert_eq!(within("UEMAVE", "JMWAVE", 3), Some(3));
        assert_eq!(within(&"A".repeat(100), &"A".repeat(100), 3), None);
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
