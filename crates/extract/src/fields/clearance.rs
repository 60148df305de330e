//! Drafting, clearance and approval lines (FIELDS.md §8): `Drafted: EAP/CM:ACarlson
//! (x7-9141, 10/30/93, SECMPOL 8868)`, `Drafted by:HA:JUnderriner:bj / 12/14/90 7-1337`,
//! `Cleared: EAP:PTomsen` followed by more `OFFICE:Name` pairs over several lines.
//!
//! State writes each person as office symbol, colon, initial and surname run together
//! (`PTomsen` = P. Tomsen); a second colon starts the typist's initials, which are dropped.

use crate::fields::date::find_dates;
use crate::lines::Line;
use crate::normalize::Normalized;
use declass_model::Party;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clearance {
    pub drafted_by: Vec<Party>,
    pub cleared_by: Vec<Party>,
    pub approved_by: Vec<Party>,
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?:^|\s)\W{0,3}(?P<kind>Drafted(?:\s+by)?|Prepared\s+by|Cleared(?:\s+by)?|Clearances?|Approved(?:\s+by)?|approved\s+by)\s*:\s*").expect("static regex")
});

// The labels' words as literals, asked first (the label's pattern has no literal prefix and
// is slow to search).
static LABEL_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Drafted|Prepared|Clear|Approved|approved by|DRAFTED|APPROVED|CLEARED")
        .expect("static regex")
});

// A State telegram's block in capitals: `DRAFTED BY EA/J:RADEMING:BK`, `APPROVED BY
// EA:RLSNEIDER`, then the clearing officers a line each (`EA/J:WCSHERMAN`, `S/S-O:JHOGANSON`).
static TELEGRAM_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}(?P<kind>DRAFTED|APPROVED|CLEARED)\s+BY\s*:?\s*").expect("static regex")
});

// (its labels as literals, asked of the whole text before its lines are walked)
static TELEGRAM_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:DRAFTED|APPROVED|CLEARED)\s+BY").expect("static regex"));

// An office symbol and initials run into a surname, in capitals, the typist's initials after
// a second colon: `EA/J:RADEMING:BK`, `S/S-O:JHOGANSON`.
static CAPS_PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<office>(?-u:\b)[A-Z][A-Z0-9&]{0,7}(?:/[A-Z0-9&\-]{1,8}){0,3})\s?:\s?(?P<who>[A-Z]{4,20})(?::[A-Z]{1,3})?(?-u:\b)")
        .expect("static regex")
});

// `EAP/CM:ACarlson`, `HA:NEly-Raphel`, `PM/PRO:VVan Diepen`, `EAP/CM: KWiedemann)`.
static PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<office>(?-u:\b)[A-Z][A-Z0-9&]{0,7}(?:/[A-Z0-9&\-]{1,8}){0,3})\s?:\s?(?P<ini>[A-Z]{1,2})(?P<sur>(?:(?:Van|Von|De|Del|La|Le|Di)\s)?[A-Z][a-z][A-Za-z'\-]*)(?::(?P<typist>[a-z]{1,3})(?-u:\b))?")
        .expect("static regex")
});

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(x\s?\d[\d\-]{3,6}|\d-\d{4})(?-u:\b)").expect("static regex")
});

/// `ACarlson` → `A. Carlson`, `VVan Diepen` → `V. Van Diepen`.
fn name(ini: &str, sur: &str) -> String {
    let initials: Vec<String> = ini.chars().map(|c| format!("{c}.")).collect();
    format!("{} {}", initials.join(" "), sur.trim())
}

fn parties_in(line: &str, offset: usize, n: &Normalized) -> Vec<Party> {
    let pairs: Vec<Party> = PAIR
        .captures_iter(line)
        .filter_map(|c| {
            let sur = c.name("sur")?;
            let name = name(c.name("ini")?.as_str(), sur.as_str());
            Some(pair_party(line, offset, n, &c, sur.end(), name))
        })
        .collect();
    if !pairs.is_empty() {
        return pairs;
    }
    if let Some(pieces) = dash_pairs(line) {
        return pieces
            .into_iter()
            .map(|(at, t)| crate::fields::routing::party(t, offset + at, n))
            .collect();
    }
    // a name alone, before a wide gap or the phone and date (`Prepared by: Robert L.
    // Suettinger`, in the intelligence papers' form)
    let first = PIECES.split(line).next().unwrap_or_default();
    let at = first.len() - first.trim_start().len();
    let who = first.trim();
    if crate::fields::routing::person_alone(who) {
        return vec![crate::fields::routing::party(who, offset + at, n)];
    }
    Vec::new()
}

// The 1960s' form, an office symbol, a dash and the officer (`EA/ACA - Mr. Barnett`, `EA -
// William P. Bundy`), one a piece between semicolons, commas or wide spaces.
static PIECES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*[;,]\s*|\s{3,}").expect("static regex"));

/// A line made only of office-dash-officer pieces: each piece's offset and text.
fn dash_pairs(line: &str) -> Option<Vec<(usize, &str)>> {
    if !line.contains('-') {
        return None;
    }
    let ends = PIECES
        .find_iter(line)
        .map(|m| (m.start(), m.end()))
        .chain(std::iter::once((line.len(), line.len())));
    let mut out = Vec::new();
    let mut at = 0;
    for (end, next) in ends {
        let piece = &line[at..end];
        let t = piece.trim();
        if !t.is_empty() {
            if !crate::fields::routing::office_and_officer(t) {
                return None;
            }
            out.push((at + piece.len() - piece.trim_start().len(), t));
        }
        at = next;
    }
    (!out.is_empty()).then_some(out)
}

/// The party of a pair matched in `line` (at `offset` in the text), its evidence up to
/// `end` (the typist's initials left out).
fn pair_party(
    line: &str,
    offset: usize,
    n: &Normalized,
    c: &regex::Captures<'_>,
    end: usize,
    name: String,
) -> Party {
    let start = c.get(0).map_or(end, |m| m.start());
    Party {
        raw: line[start..end].to_string(),
        name: Some(name),
        office: c.name("office").map(|o| o.as_str().to_string()),
        span: n.span(offset + start, offset + end),
        ..Party::default()
    }
}

// A clearer's remark after the pair: `EB:RSmith (info)`, `L:JDoe (subs)`, `(in draft)`.
static REMARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\([^()\n]{0,25}\)").expect("static regex"));

/// A line that carries only the pairs `pair` reads (a clearance list continuing), each
/// perhaps with a remark in brackets.
fn only_pairs(pair: &Regex, t: &str) -> bool {
    let rest = pair.replace_all(t, "");
    let rest = REMARK.replace_all(&rest, "");
    !t.trim().is_empty()
        && pair.is_match(t)
        && rest.chars().filter(|c| c.is_alphanumeric()).count() <= 3
}

/// `RADEMING` → `R. A. Deming`: the initials end where a surname the authority files know
/// begins (two initials tried first, State's usual), else after one.
fn caps_name(who: &str) -> String {
    let cut = [2, 1, 3]
        .into_iter()
        .find(|&k| who.len() >= k + 3 && declass_entities::known_surname(&who[k..]))
        .unwrap_or(1);
    let (ini, sur) = who.split_at(cut);
    name(ini, &declass_entities::title_case(sur))
}

/// The `OFFICE:INITIALSURNAME` pairs of a line in capitals.
fn caps_parties_in(line: &str, offset: usize, n: &Normalized) -> Vec<Party> {
    CAPS_PAIR
        .captures_iter(line)
        .filter_map(|c| {
            let who = c.name("who")?;
            Some(pair_party(
                line,
                offset,
                n,
                &c,
                who.end(),
                caps_name(who.as_str()),
            ))
        })
        .collect()
}

/// The label `re` finds on `line`: its kind, and where its value begins.
fn labelled<'t>(re: &Regex, line: &'t str) -> Option<(&'t str, usize)> {
    let m = re.captures(line)?;
    Some((m.name("kind")?.as_str(), m.get(0)?.end()))
}

/// A State telegram's drafting block in capitals: the drafter, the approving officer and,
/// on the lines under the approval that hold only pairs, the clearing officers.
fn telegram_block(n: &Normalized, all: &[Line<'_>], c: &mut Clearance) {
    let mut i = 0;
    while i < all.len() {
        let line = &all[i];
        let Some((kind, after)) = labelled(&TELEGRAM_LABEL, line.text) else {
            i += 1;
            continue;
        };
        let ps = caps_parties_in(&line.text[after..], line.start + after, n);
        i += 1;
        match kind {
            "DRAFTED" => {
                if c.drafted_by.is_empty() {
                    c.drafted_by.extend(ps.into_iter().take(1));
                }
            }
            kind => {
                if kind == "APPROVED" {
                    c.approved_by.extend(ps);
                } else {
                    c.cleared_by.extend(ps);
                }
                // (a blank line ends the block: no telegram sets its clearers apart)
                while let Some(next) = all.get(i) {
                    if TELEGRAM_LABEL.is_match(next.text) || !only_pairs(&CAPS_PAIR, next.text) {
                        break;
                    }
                    c.cleared_by
                        .extend(caps_parties_in(next.text, next.start, n));
                    i += 1;
                }
            }
        }
    }
}

/// The drafting date typed on the line under the drafting line (`Drafted: EAP/CM:SSmith` /
/// `6/1/93  wang 1234A`, the date and the word processor's file), when its own has none:
/// a short line, no label, opening with the date.
fn date_below(all: &[Line<'_>], i: usize) -> Option<String> {
    let next = all.iter().skip(i + 1).take(3).find(|l| !l.is_blank())?;
    let t = next.text.trim();
    if t.len() > 40 || LABEL.is_match(next.text) {
        return None;
    }
    find_dates(t)
        .into_iter()
        .find(|d| d.start <= 2)
        .map(|d| d.value())
}

/// The first drafting line and the clearances that follow it, up to the next `Drafted`
/// (which belongs to an attached document).
pub fn extract(n: &Normalized, body_start: usize) -> Clearance {
    let text = &n.text;
    let mut c = Clearance::default();
    // Most documents have no such line: one search decides before lines are listed.
    let rest = &text[body_start.min(text.len())..];
    if !LABEL_WORDS.is_match(rest) {
        return c;
    }
    if !LABEL.is_match(rest) {
        if TELEGRAM_WORDS.is_match(rest) {
            let all: Vec<Line<'_>> = n.lines_from(body_start).collect();
            telegram_block(n, &all, &mut c);
        }
        return c;
    }
    let all: Vec<Line<'_>> = n.lines_from(body_start).collect();
    let mut drafted_seen = false;
    let mut i = 0;
    while i < all.len() {
        let line = &all[i];
        let Some((kind, after)) = labelled(&LABEL, line.text) else {
            i += 1;
            continue;
        };
        let kind = kind.to_ascii_lowercase();
        let value = &line.text[after..];
        let offset = line.start + after;
        if kind.starts_with("drafted") || kind.starts_with("prepared") {
            if drafted_seen {
                break; // an attachment's own drafting line
            }
            drafted_seen = true;
            let mut ps = parties_in(value, offset, n);
            if let Some(p) = ps.first_mut() {
                p.date = find_dates(value)
                    .first()
                    .map(|d| d.value())
                    .or_else(|| date_below(&all, i));
                p.phone = PHONE.find(value).map(|m| m.as_str().replace(' ', ""));
            }
            c.drafted_by.extend(ps.into_iter().take(1));
            i += 1;
            continue;
        }
        let target = if kind.starts_with("approved") {
            &mut c.approved_by
        } else {
            &mut c.cleared_by
        };
        target.extend(parties_in(value, offset, n));
        // The list goes on over following lines that hold only pairs (blank lines between).
        let mut j = i + 1;
        while j < all.len() {
            let next = &all[j];
            if next.is_blank() {
                j += 1;
                continue;
            }
            if LABEL.is_match(next.text)
                || !only_pairs(&PAIR, next.text) && dash_pairs(next.text).is_none()
            {
                break;
            }
            target.extend(parties_in(next.text, next.start, n));
            j += 1;
        }
        i = j;
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn names(ps: &[Party]) -> Vec<(String, String)> {
        ps.iter()
            .map(|p| {
                (
                    p.office.clone().unwrap_or_default(),
                    p.name.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn the_1960s_clearance_block() {
        // *made up* in the form of the Department's outgoing telegram of the 1960s: the
        // approval label in small letters after the transmission's words, office-dash-officer
        let t = "RUSK\n\nDrafted by: EA/ROC:JWMcGrath:ml 3/4/66\nTelegraphic transmission and classification approved by: EA - William P. Bundy\nClearances: EA/ACA - Mr. Barnett\n            S/S - Mr. Moose; L/FE - Mr. Aldrich\n\nCONFIDENTIAL\n";
        let c = extract(&normalize(t), 0);
        assert_eq!(
            names(&c.drafted_by),
            vec![("EA/ROC".into(), "J. W. McGrath".into())]
        );
        assert_eq!(
            names(&c.approved_by),
            vec![("EA".into(), "William P. Bundy".into())]
        );
        assert_eq!(
            names(&c.cleared_by),
            vec![
                ("EA/ACA".into(), "Mr. Barnett".into()),
                ("S/S".into(), "Mr. Moose".into()),
                ("L/FE".into(), "Mr. Aldrich".into())
            ]
        );
        let s = c.cleared_by[2].span;
        assert_eq!(&t[s.start..s.end], "L/FE - Mr. Aldrich");
        // a sentence with a dash in it is no officer
        let c = extract(
            &normalize("Clearances: EA/ACA - Mr. Barnett\nThe Embassy - as you know - agrees.\n"),
            0,
        );
        assert_eq!(c.cleared_by.len(), 1);
    }

    #[test]
    fn seed_000_drafting_and_clearances_over_several_lines() {
        let t = "Tab 2 - Biographic Information\n\n\n\nDrafted: EAP/CM:ACarlson (x7-9141, 10/30/93, SECMPOL 8868)\n\nCleared: EAP:PTomsen\n\nE:ADerse\n\nEB/TDC:JShelton HA:NEly-Raphel PM/PRO:VVan Diepen\n\nT:JBarker\n\nMo rection\n";
        let n = normalize(t);
        let c = extract(&n, 0);
        assert_eq!(
            names(&c.drafted_by),
            vec![("EAP/CM".into(), "A. Carlson".into())]
        );
        assert_eq!(c.drafted_by[0].date.as_deref(), Some("1993-10-30"));
        assert_eq!(c.drafted_by[0].phone.as_deref(), Some("x7-9141"));
        let span = c.drafted_by[0].span;
        assert_eq!(&t[span.start..span.end], "EAP/CM:ACarlson");
        assert_eq!(
            names(&c.cleared_by),
            vec![
                ("EAP".into(), "P. Tomsen".into()),
                ("E".into(), "A. Derse".into()),
                ("EB/TDC".into(), "J. Shelton".into()),
                ("HA".into(), "N. Ely-Raphel".into()),
                ("PM/PRO".into(), "V. Van Diepen".into()),
                ("T".into(), "J. Barker".into()),
            ]
        );
    }

    #[test]
    fn seed_004_typist_dropped_and_attachment_lines_left_to_the_attachment() {
        let t = "Drafted by:HA:JUnderriner:bj / 12/14/90 7-1337\n\nClearances: EAP/CM: KWiedemann)\nP: CKartman\n\nH:WMiele C:RWilson\n\n## THE SECRETARY OF STATE\n\nForeign Minister Qian Qichen Peoples Republic of China Beijing Drafted:HA/BA:MArietti / 12/11/90 x71716\n\nCleared:HA:RSchifter EAP/CM:KWiedemann\n";
        let c = extract(&normalize(t), 0);
        assert_eq!(
            names(&c.drafted_by),
            vec![("HA".into(), "J. Underriner".into())]
        );
        assert_eq!(c.drafted_by[0].date.as_deref(), Some("1990-12-14"));
        assert_eq!(
            names(&c.cleared_by),
            vec![
                ("EAP/CM".into(), "K. Wiedemann".into()),
                ("P".into(), "C. Kartman".into()),
                ("H".into(), "W. Miele".into()),
                ("C".into(), "R. Wilson".into()),
            ]
        );
    }

    #[test]
    fn typed_lists_with_remarks_and_the_date_below() {
        // *made up* in the form of State's memoranda typed on a word processor: the date and
        // file under the drafting line, clearers set in under the label, one with a remark
        let t = "Drafted: EAP/CM:SSmith:x7-6300\n         6/1/93  wang 1234A\nCleared: EAP/CM:JBader\n         EB:RSmith (info)\n         S/P:KLieberthal\n";
        let c = extract(&normalize(t), 0);
        assert_eq!(c.drafted_by[0].date.as_deref(), Some("1993-06-01"));
        assert_eq!(
            names(&c.cleared_by),
            vec![
                ("EAP/CM".into(), "J. Bader".into()),
                ("EB".into(), "R. Smith".into()),
                ("S/P".into(), "K. Lieberthal".into()),
            ]
        );
        // a date further in a line of its own below is another's (a memo's text, a stamp)
        let c = extract(
            &normalize("Drafted: EAP/CM:SSmith\nThe meeting of 6/1/93 was held\n"),
            0,
        );
        assert_eq!(c.drafted_by[0].date, None);
    }

    #[test]
    fn a_telegrams_block_in_capitals() {
        // *made up* in the form of the Department's outgoing telegrams of the 1970s: the
        // drafter (typist dropped), the approving officer, then a clearing officer a line
        let t = "ORIGIN EA-10\n\nINFO  OCT-01  ISO-00  SS-15  /031 R\n\nDRAFTED BY EA/J:RADEMING:BK\nAPPROVED BY EA:RLSNEIDER\nEA/J:WCSHERMAN\nS/S-O:JHOGANSON\n                  --------------------- 105234\nR 262310Z JUN 75\nFM SECSTATE WASHDC\n";
        let c = extract(&normalize(t), 0);
        assert_eq!(
            names(&c.drafted_by),
            vec![("EA/J".into(), "R. A. Deming".into())]
        );
        assert_eq!(
            names(&c.approved_by),
            vec![("EA".into(), "R. L. Sneider".into())]
        );
        assert_eq!(
            names(&c.cleared_by),
            vec![
                ("EA/J".into(), "W. C. Sherman".into()),
                ("S/S-O".into(), "J. Hoganson".into()),
            ]
        );
        let span = c.drafted_by[0].span;
        assert_eq!(&t[span.start..span.end], "EA/J:RADEMING");
        // initials cut where a known surname begins; one initial when none is known
        assert_eq!(caps_name("JHOGANSON"), "J. Hoganson");
        assert_eq!(caps_name("QXZWORTHY"), "Q. Xzworthy");
    }

    #[test]
    fn each_label_alone_is_read() {
        // The lines of seed 004 and seed 000 under each label by itself: a text need hold no
        // `Drafted` for its clearances or approval to be read.
        for (t, who) in [
            ("Cleared:HA:RSchifter EAP/CM:KWiedemann\n", "R. Schifter"),
            ("Clearances: EAP/CM: KWiedemann)\n", "K. Wiedemann"),
            ("Approved: EAP:PTomsen\n", "P. Tomsen"),
            ("Prepared by: EAP/CM:ACarlson (x7-9141)\n", "A. Carlson"),
            // *made up*, in the form of INR's research reports: a name alone
            (
                "Prepared by: Robert L. Suettinger\n",
                "Robert L. Suettinger",
            ),
            (
                "Approved by: Ralph N. Clough      x21234\n",
                "Ralph N. Clough",
            ),
        ] {
            let c = extract(&normalize(t), 0);
            let all: Vec<_> = [c.drafted_by, c.cleared_by, c.approved_by].concat();
            assert_eq!(
                all.first().and_then(|p| p.name.as_deref()),
                Some(who),
                "{t}"
            );
        }
    }
}
