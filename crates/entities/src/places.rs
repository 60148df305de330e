//! Countries and places: gazetteer phrases (countries with their old names and peoples,
//! capitals and large cities, regions), `GOx` governments, and the nominal `THE GOVERNMENT` /
//! `THE COUNTRY`, which co-reference later ties to the country the document is about.

use crate::authority::TermKind;
use crate::tokens::Gap;
use crate::{Doc, Kind, Mention};

/// Words before GOVERNMENT/COUNTRY that make it a mention of a particular state.
const DETERMINERS: &[&str] = &["THE", "HIS", "HER", "ITS", "THEIR", "OUR", "HOST", "THIS", "BOTH", "TWO"];

/// Group key of nominal mentions; [`crate::group`] gives them to the main country.
pub const NOMINAL: &str = "PLACE:@nominal";

fn compass(key: &str) -> bool {
    matches!(key, "NORTH" | "SOUTH" | "EAST" | "WEST" | "GULF" | "HORN")
}

pub fn find(d: &Doc, out: &mut Vec<Mention>) {
    let n = d.toks.len();
    let mut i = 0;
    while i < n {
        let key = d.key(i);
        if !d.cap(i) {
            i += 1;
            continue;
        }
        if let Some(&max) = d.a.place_starts.get(key) {
            let mut hit = None;
            for len in (1..=max.min(n - i)).rev() {
                if len > 1 && !d.joined(i, i + len) {
                    continue;
                }
                if len > 1 && !(i..i + len).all(|k| d.cap(k)) {
                    continue;
                }
                if len == 1 && compass(key) {
                    break;
                }
                if let Some(&(kind, canonical)) = d.a.places.get(&d.phrase(i, i + len)) {
                    hit = Some((len, kind, canonical));
                    break;
                }
            }
            if hit.is_some_and(|(len, _, _)| len == 1) && key == "US" && pronoun_us(d, i) {
                hit = None;
            }
            if let Some((len, kind, canonical)) = hit {
                let k = if kind.is_country() { Kind::Country } else { Kind::Place };
                out.push(Mention {
                    kind: k,
                    toks: i..i + len,
                    name: i..i + len,
                    group: format!("PLACE:{canonical}"),
                    canonical: Some(canonical.to_string()),
                    title: None,
                    strong: true,
                });
                i += len;
                continue;
            }
        }
        // `GOB`, `USG`, `HMG`: a government, which the annotators count as the state
        if key.len() >= 3 && d.toks[i].case != crate::tokens::Case::Lower && !d.is_word(i) {
            if let Some((TermKind::Place, exp)) = d.a.terms.get(key) {
                let canonical = government_of(exp);
                out.push(Mention {
                    kind: Kind::Country,
                    toks: i..i + 1,
                    name: i..i + 1,
                    group: format!("PLACE:{}", canonical.unwrap_or(key)),
                    canonical: canonical.map(str::to_string),
                    title: None,
                    strong: true,
                });
                i += 1;
                continue;
            }
        }
        if matches!(key, "GOVERNMENT" | "GOVERNMENTS" | "GOVT" | "COUNTRY" | "REGIME") {
            let det = i > 0 && d.toks[i].gap == Gap::Space && DETERMINERS.contains(&d.key(i - 1));
            if det {
                let start = if det { i - 1 } else { i };
                out.push(Mention {
                    kind: Kind::Country,
                    toks: start..i + 1,
                    name: start..i + 1,
                    group: NOMINAL.to_string(),
                    canonical: None,
                    title: None,
                    strong: false,
                });
            }
        }
        i += 1;
    }
}

/// `US` in capitals: the pronoun (`TOLD US THAT`) unless a noun follows (`US EMBASSY`) or
/// an article comes before (`THE US`).
fn pronoun_us(d: &Doc, i: usize) -> bool {
    if i > 0 && d.toks[i].gap == Gap::Space && matches!(d.key(i - 1), "THE" | "A" | "AN") {
        return false;
    }
    match d.toks.get(i + 1) {
        Some(t) if t.gap == Gap::Space => {
            crate::vocab::is_stop(&t.key) || !t.is_alpha() || t.key.len() < 2
        }
        _ => true,
    }
}

/// `Government of Bolivia; Government of Brazil` → `Bolivia` when there is one reading.
fn government_of(expansion: &str) -> Option<&str> {
    if expansion.contains(';') || expansion.contains(" also ") {
        return None;
    }
    let rest = expansion.strip_prefix("Government of ")?;
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    Some(rest.split([',', '(']).next().unwrap_or(rest).trim())
}
