//! Countries and places: gazetteer phrases (countries with their old names and peoples,
//! capitals and large cities, regions), `GOx` governments, and the nominal `THE GOVERNMENT` /
//! `THE COUNTRY`, which co-reference later ties to the country the document is about.

use crate::authority::TermKind;
use crate::tokens::Gap;
use crate::{Doc, Kind, Mention};

/// Words before GOVERNMENT/COUNTRY that make it a mention of a particular state.
const DETERMINERS: &[&str] = &[
    "THE", "HIS", "HER", "ITS", "THEIR", "OUR", "HOST", "THIS", "BOTH", "TWO", "EACH", "EITHER",
    "MEMBER", "OTHER", "THESE", "THOSE",
];

fn nominal(toks: std::ops::Range<usize>) -> Mention {
    Mention {
        kind: Kind::Country,
        name: toks.clone(),
        toks,
        group: NOMINAL.to_string(),
        canonical: None,
        title: None,
        strong: false,
    }
}

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
        let starts =
            d.a.place_starts
                .get(key)
                .or_else(|| d.a.place_starts.get(key.strip_suffix('S')?));
        if let Some(&max) = starts {
            let mut hit = None;
            // the longest run that could be a place: joined, capitalized; one buffer for all
            let mut run = 1;
            while run < max.min(n - i) && d.toks[i + run].gap == Gap::Space && d.cap(i + run) {
                run += 1;
            }
            let full = d.phrase(i, i + run);
            let mut ends: Vec<usize> = full.match_indices(' ').map(|(p, _)| p).collect();
            ends.push(full.len());
            for len in (1..=run).rev() {
                if len == 1 && compass(key) {
                    break;
                }
                let phrase = &full[..ends[len - 1]];
                let found = d.a.places.get(phrase).or_else(|| {
                    // `SWEDES`, `ISRAELIS`: the people of a demonym
                    let one = phrase.strip_suffix('S')?;
                    d.a.places
                        .get(one)
                        .filter(|(k, _)| *k == crate::authority::PlaceKind::Demonym)
                });
                if let Some(&(kind, canonical)) = found {
                    hit = Some((len, kind, canonical));
                    break;
                }
            }
            if hit.is_some_and(|(len, _, _)| len == 1) && key == "US" && pronoun_us(d, i) {
                hit = None;
            }
            if let Some((len, kind, canonical)) = hit {
                let k = if kind.is_country() {
                    Kind::Country
                } else {
                    Kind::Place
                };
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
        if d.f(i).term == Some(TermKind::Place)
            && key.len() >= 3
            && d.toks[i].case != crate::tokens::Case::Lower
            && !d.is_word(i)
        {
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
        if d.upper && key == "HERE" {
            // in a cable, the host country (the annotators' reading too)
            out.push(nominal(i..i + 1));
        }
        if matches!(
            key,
            "GOVERNMENT" | "GOVERNMENTS" | "GOVT" | "COUNTRY" | "COUNTRIES" | "REGIME"
        ) {
            let det = i > 0 && d.toks[i].gap == Gap::Space && DETERMINERS.contains(&d.key(i - 1));
            // `SOVIET GOVT`, `CANADIAN GOVERNMENT`: that country's
            if let Some(m) = out
                .last_mut()
                .filter(|m| m.toks.end == i && d.toks[i].gap == Gap::Space)
            {
                if m.kind == Kind::Country && m.canonical.is_some() {
                    m.toks.end = i + 1;
                    i += 1;
                    continue;
                }
            }
            if det {
                out.push(nominal(i - 1..i + 1));
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
