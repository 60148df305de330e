//! Edit distance for OCR-damaged words (`MEGCO` for `MEXICO`, `SUBIECT` for `SUBJECT`).

/// Levenshtein distance between `a` and `b` if it is at most `k`, computed on characters
/// within a band of width `2k + 1`: linear in the length for small `k`.
pub fn within(a: &str, b: &str, k: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    let inf = usize::MAX / 2;
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![inf; b.len() + 1];
        if i <= k {
            cur[0] = i;
        }
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(b.len());
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    let d = prev[b.len()];
    (d <= k).then_some(d)
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
    }
}
