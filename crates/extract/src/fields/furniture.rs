//! Archive furniture besides the numbers (`numbers.rs`): who got copies, from a State
//! distribution line (`DIST 12/14` over `D P T C EAP HA S/S`) or a memo's or dispatch's
//! distribution list (`Distribution:` / `Orig & 1 - Addressee` / `1 - TSD/CDS`; FIELDS.md
//! §9), and receipt stamps (`RECD S/S -IRM/RM&` over `1993 NOV -3 P 4: 15`).

use crate::fields::routing::party;
use crate::lines::Line;
use crate::normalize::Normalized;
use declass_model::{Distribution, Party, Receipt, Spanned};
use regex::Regex;
use std::sync::LazyLock;

// A distribution list's heading (`Distribution:`, OCR's `Distribation:`) and what may follow
// it on its line (`Distribution: 3 - COS, JMWAVE`).
pub(crate) static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\w\n]{0,3}(?i:distrib)\w*\s*[:;.]?\s*").expect("static regex")
});

// An entry: the copies (`Orig & 1`, `Original § 1`, `Orig, & 2`, `3`; lost at times), a
// dash OCR may double or bend (`-`, `--`, `=`, `—`, `.-.`), then the recipient, which opens
// with a letter (`2 - Chief, EUR w/o att`, `1 -_SR/CI/I for 201-734813`).
// (copies the OCR bent past reading, `Ci) - SAG`, are lost, not the entry)
static ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[\s"'‘“*|.]{0,3}(?:(?:(?P<copies>(?:Orig(?:inal)?|ORIG(?:INAL)?)\.?,?(?:\s*(?:&|and|§|\+)\s*\d{1,2})?|\d{1,2})|[A-Za-z0-9]{1,2}[)\]|!])?\s*[.,]?\s*(?:--?|—|–|=|~)\s*[.,_]?|(?P<dotted>\d{1,2})\.\s+)\s*(?P<to>[A-Za-z][^\n]*?)\s*$"#)
        .expect("static regex")
});

/// Words a recipient after a copies' point (`3. COB, JMWAVE`) may have: more is a numbered
/// paragraph (`3. The station reports ...`).
const DOTTED_WORDS: usize = 3;

// What follows a recipient in its entry: `w/att`, `w/o att`, `for 201-734813`, `via ...`.
static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\(|\s+(?:[wW]/|[wW]ith\s|for\s|via\s|#)").expect("static regex")
});

/// Copies kept by the office that wrote the document, or for its files: not recipients
/// with a name or an office (`Addressee`, `Chrono`, `OS Registry`, `Subject file`), read
/// through OCR (`Addvessee`, `Adressec`, `Piles`).
fn filing(recipient: &str) -> bool {
    recipient.split_whitespace().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_uppercase();
        matches!(w.as_str(), "ADSE" | "SUBJ" | "FILE")
            || crate::fuzzy::is_word(&w, "ADDRESSEE", 2)
            || crate::fuzzy::is_word(&w, "ADDRESSEES", 2)
            || ["CHRONO", "REGISTRY", "FILES", "SUBJECT"]
                .iter()
                .any(|f| crate::fuzzy::is_word(&w, f, 1))
    })
}

/// One list entry as a party: the recipient's office, title and name from the words before
/// any note; `raw` the whole entry after its copies.
fn entry(n: &Normalized, line: &Line<'_>, at: usize) -> Option<Party> {
    let text = &line.text[at..];
    let c = ENTRY.captures(text)?;
    let to = c.name("to")?;
    let recipient_end = NOTE.find(to.as_str()).map_or(to.len(), |m| m.start());
    // (and OCR's crumbs after it, short words in small letters: `Chief, WE pe gy`, and
    // marks: `COB," W/att`)
    let mut recipient =
        to.as_str()[..recipient_end].trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
    while let Some((before, last)) = recipient.trim_end().rsplit_once(' ') {
        let crumb = last.len() <= 3 && last.chars().all(|c| c.is_ascii_lowercase());
        if !crumb {
            break;
        }
        recipient = before;
    }
    // (a recipient is a word or a symbol: OCR's crumbs, `pe gy`, are not)
    if !recipient
        .split_whitespace()
        .any(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
    {
        return None;
    }
    if c.name("dotted").is_some() && recipient.split_whitespace().count() > DOTTED_WORDS {
        return None;
    }
    let start = line.start + at + to.start();
    let mut p = if filing(recipient) {
        Party::default()
    } else {
        party(recipient, start, n)
    };
    // A list names offices by their symbols alone (`SAG`, `FBI`), or after a title's
    // abbreviation (`COS, JMWAVE`), where a routing line would hold a title.
    if p.office.is_none() && p.name.is_none() {
        let r = recipient.trim();
        match r.split_once(", ") {
            None if crate::fields::routing::caps_symbol(r) => {
                p.office = Some(r.to_string());
                p.title = None;
            }
            Some((title, office)) if crate::fields::routing::caps_symbol(office.trim()) => {
                p.title = Some(title.trim().to_string());
                p.office = Some(office.trim().to_string());
            }
            _ => {}
        }
    }
    p.raw = to.as_str().to_string();
    p.span = n.span(start, start + to.len());
    p.copies = c
        .name("copies")
        .or_else(|| c.name("dotted"))
        .map(|m| m.as_str().trim_end_matches([',', '.']).to_string());
    Some(p)
}

/// Lines read after a list's heading before giving up on entries.
const LIST_LINES: usize = 20;
/// Lines that are no entry (OCR's debris between entries) the list may hold in a row.
const GAP_LINES: usize = 2;

/// A memo's or dispatch's distribution list: the entries after its heading (and on the
/// heading's line), until lines that are no entries.
fn list(n: &Normalized, all: &[Line<'_>], heading: usize, end: usize) -> Option<Distribution> {
    let first = &all[heading];
    let mut to = Vec::new();
    let mut last = first.end();
    let head_end = HEADING
        .find(first.text)
        .map_or(first.text.len(), |m| m.end());
    if let Some(p) = entry(n, first, head_end) {
        last = p.span.end;
        to.push(p);
    } else if let Some(pieces) = crate::fields::routing::listed(first.text[head_end..].trim_end()) {
        // offices listed on the heading's line: `DISTRIBUTION: S/S, EA, S/P`
        for (at, t) in pieces {
            let s = first.start + head_end + at;
            to.push(party(t, s, n));
            last = s + t.len();
        }
    }
    let mut gap = 0;
    for line in all[heading + 1..]
        .iter()
        .filter(|l| !l.is_blank() && l.start < end)
        .take(LIST_LINES)
    {
        match entry(n, line, 0) {
            Some(p) => {
                last = p.span.end;
                to.push(p);
                gap = 0;
            }
            None => {
                gap += 1;
                // (a line of prose, long and in small letters, ends it)
                if gap > GAP_LINES
                    || crate::lines::upper_ratio(line.text) < 0.2 && line.text.len() > 60
                {
                    break;
                }
            }
        }
    }
    (!to.is_empty()).then(|| Distribution {
        date: None,
        to,
        span: n.span(first.start, last),
    })
}

// A State distribution line: `DIST 12/14`, `REDIST 12/1`, alone on its line.
static DIST_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\w\n]{0,3}(?:RE)?DIST\.?\s+(?P<date>[01]?\d/[0-3]?\d)\W{0,3}$")
        .expect("static regex")
});

// The offices it went to, on the next line: symbols of capitals, `S/S`, `EAP`, `D`; a
// symbol longer than four letters has its slash (`EAP/CM`): not a line of telegram prose.
static OFFICES_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let symbol = r"(?:[A-Z][A-Z&\-]{0,3}|[A-Z][A-Z&\-]{0,5}/[A-Z/&\-]{1,9})";
    Regex::new(&format!(r"^\s*{symbol}(?:[ \t]+{symbol}){{1,30}}\s*$")).expect("static regex")
});

/// A State distribution line and the offices on the line after it.
fn dist_line(n: &Normalized, all: &[Line<'_>], at: usize) -> Option<Distribution> {
    let line = &all[at];
    let c = DIST_LINE.captures(line.text)?;
    let date = c.name("date")?;
    let offices = all[at + 1..].iter().find(|l| !l.is_blank())?;
    if !OFFICES_LINE.is_match(offices.text) {
        return None;
    }
    let mut to = Vec::new();
    let mut pos = 0;
    for w in offices.text.split_whitespace() {
        let off = offices.text[pos..].find(w).map_or(pos, |p| pos + p);
        pos = off + w.len();
        let start = offices.start + off;
        to.push(Party {
            raw: w.to_string(),
            office: Some(w.to_string()),
            span: n.span(start, start + w.len()),
            ..Party::default()
        });
    }
    let d0 = line.start + date.start();
    Some(Distribution {
        date: Some(Spanned::new(
            date.as_str().to_string(),
            n.span(d0, d0 + date.len()),
        )),
        to,
        span: n.span(line.start, offices.end()),
    })
}

// A State telegram's own distribution, above its address block: the action office and
// the offices informed, each with its copies (`ACTION EAP-00` / `INFO  LOG-00   ADS-00
// INR-05 ...`, more on the lines below, then the copies in all: `/027 W`).
pub(crate) static OFFICE_CODES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\w\n]{0,3}(?P<label>ACTION|INFO)?\s*(?:[A-Z][A-Z/]{0,7}-\d{2}(?:\s+|$))+(?:/\d{3}\s*W\s*)?$")
        .expect("static regex")
});
static OFFICE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<office>[A-Z][A-Z/]{0,7})-(?P<copies>\d{2})").expect("static regex")
});

/// The block of office codes from the `ACTION` or `INFO` line at `all[0]`: its lines of
/// codes, the action office's entry written with its label.
fn office_codes(n: &Normalized, all: &[Line<'_>]) -> Option<Distribution> {
    let first = all.first()?;
    OFFICE_CODES
        .captures(first.text)
        .filter(|c| c.name("label").is_some())?;
    let mut to = Vec::new();
    let mut last = first.end();
    for line in all.iter().filter(|l| !l.is_blank()) {
        let Some(c) = OFFICE_CODES.captures(line.text) else {
            break;
        };
        let action = c.name("label").is_some_and(|m| m.as_str() == "ACTION");
        for m in OFFICE_CODE.captures_iter(line.text) {
            let (Some(whole), Some(office)) = (m.get(0), m.name("office")) else {
                continue;
            };
            let start = if action {
                line.start + line.text.find("ACTION").unwrap_or(0)
            } else {
                line.start + whole.start()
            };
            let end = line.start + whole.end();
            to.push(Party {
                raw: n.text[start..end].to_string(),
                office: Some(office.as_str().to_string()),
                copies: m.name("copies").map(|c| c.as_str().to_string()),
                span: n.span(start, end),
                ..Party::default()
            });
        }
        last = line.end();
    }
    (!to.is_empty()).then(|| Distribution {
        date: None,
        to,
        span: n.span(first.start, last),
    })
}

// The words that may open them, as literals (the regex crate searches these with SIMD;
// a pattern anchored at every line's start is several times slower).
static DIST_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"DIST|istrib|ISTRIB|ACTION |INFO ").expect("static regex"));

/// The lines from byte `at` (a line's start) up to `end` (where a stapled document starts),
/// with their offsets in the text.
fn lines_from<'a>(n: &'a Normalized, at: usize, end: usize) -> impl Iterator<Item = Line<'a>> {
    n.lines_from(at)
        .take_while(move |l| l.start < end)
        .map(move |l| Line {
            text: &l.text[..l.text.len().min(end - l.start)],
            ..l
        })
}

/// Lines at a document's foot where a copy list without its heading may stand.
const FOOT_LINES: usize = 30;
/// Most words a recipient of such a list has (more is a sentence).
const FOOT_WORDS: usize = 5;

/// A copy list at the document's foot with no heading (an FBI memorandum's `2 - Bureau
/// (Encs. 2)` / `1 - Dallas` over the typist's `JPH:cah`): two entries or more in a row,
/// each its copies in digits and a recipient of a few words, not under a label of its own
/// (`Enclosures:` lists what is attached).
fn foot_list(n: &Normalized, end: usize) -> Option<Distribution> {
    let text = &n.text[..end];
    let from = text
        .rmatch_indices('\n')
        .nth(FOOT_LINES)
        .map_or(0, |(i, _)| i + 1);
    let mut run: Vec<Party> = Vec::new();
    // (whether the entries in a row so far stand under a label)
    let mut labelled = false;
    let mut above_label = false;
    for l in lines_from(n, from, end).filter(|l| !l.is_blank()) {
        // (copies and a dash: a form's numbered fields, `2. DATE: 08/13/79`, are no copies)
        let dashed = ENTRY
            .captures(l.text)
            .is_some_and(|c| c.name("copies").is_some());
        let copy = entry(n, &l, 0).filter(|p| {
            dashed
                && p.copies.as_deref().is_some_and(|c| {
                    c.bytes().all(|b| b.is_ascii_digit())
                        || c.get(..4).is_some_and(|o| o.eq_ignore_ascii_case("orig"))
                })
                && p.raw.split_whitespace().count() <= FOOT_WORDS
        });
        match copy {
            Some(p) => {
                labelled |= run.is_empty() && above_label;
                if !labelled {
                    run.push(p);
                }
            }
            None if run.len() >= 2 => break,
            None => {
                run.clear();
                labelled = false;
                above_label = l.text.trim_end().ends_with(':');
            }
        }
    }
    let (first, last) = (run.first()?.span, run.last()?.span);
    (run.len() >= 2).then_some(Distribution {
        date: None,
        span: declass_model::Span {
            end: last.end,
            ..first
        },
        to: run,
    })
}

/// The document's distribution lines and lists, before `own_end` (where documents stapled
/// into it start); with none, a copy list at its foot.
pub fn distribution(n: &Normalized, own_end: usize) -> Vec<Distribution> {
    let mut out = labelled_distribution(n, own_end);
    if out.is_empty() {
        out.extend(foot_list(n, own_end.min(n.text.len())));
    }
    out
}

fn labelled_distribution(n: &Normalized, own_end: usize) -> Vec<Distribution> {
    let text = &n.text[..own_end.min(n.text.len())];
    let mut out = Vec::new();
    let mut read_to = 0;
    for at in crate::lines::lines_holding(text, &DIST_WORDS) {
        let Some(first) = lines_from(n, at, text.len()).next() else {
            continue;
        };
        let (line, heading) = (DIST_LINE.is_match(first.text), HEADING.is_match(first.text));
        let codes = !(line || heading) && OFFICE_CODES.is_match(first.text);
        if at < read_to || !(line || heading || codes) {
            continue;
        }
        // (blank lines between entries included)
        let all: Vec<Line<'_>> = lines_from(n, at, text.len()).take(4 * LIST_LINES).collect();
        let found = if line {
            dist_line(n, &all, 0)
        } else if codes {
            office_codes(n, &all)
        } else {
            list(n, &all, 0, own_end)
        };
        if let Some(d) = found {
            read_to = d.span.end;
            out.push(d);
        }
    }
    out
}

const MONTH: &str = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.?";

// A receipt stamp's head: `RECD S/S -IRM/RM&`, `REC'D CABLE SECT.`; spelled out
// (`RECEIVED S/S`) only before an office symbol, since a routing slip prints RECEIVED over
// its columns (`RECEIVED | FORWARDED`) and prose starts with the word.
static RECEIVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\w\n]{0,3}(?:(?P<short>RECD|REC'D|REC’D)\.?|RECEIVED)[ \t]+(?P<office>[A-Z][A-Z/&\- .]{0,24}?)[\W&&[^/]]*$")
        .expect("static regex")
});

static RECEIPT_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"RECD|REC'D|REC’D|RECEIVED").expect("static regex"));

// The stamp's date and time: `1993 NOV -3 P 4: 15` (a.m./p.m. before the hour).
static STAMP_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\W{{0,3}}(?P<y>(?:19|20)\d\d)\s+(?P<m>{MONTH})\s*-?\s*(?P<d>[0-3]?\d)\s+(?P<ap>[AP])\.?\s*(?P<h>[01]?\d)\s*[:.]\s*(?P<mi>[0-5]\d)\W{{0,3}}$"
    ))
    .expect("static regex")
});

// A date alone on a stamp's line: `NOV -3 1993`.
static STAMP_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\W{{0,3}}(?P<m>{MONTH})\s*-?\s*(?P<d>[0-3]?\d)[,\s]+(?P<y>(?:19|20)\d\d)\W{{0,3}}$"
    ))
    .expect("static regex")
});

fn iso(y: &str, m: &str, d: &str) -> Option<String> {
    let month = crate::fields::date::month_number(m)?;
    let day: u32 = d.parse().ok()?;
    let year: i32 = y.parse().ok()?;
    crate::fields::date::valid(year, month, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Lines below a stamp's head where its date may stand.
const STAMP_LINES: usize = 4;

/// Receipt stamps before `own_end` (where documents stapled into it start): the office
/// that received the document (`RECD S/S -IRM/RM&` -> `S/S-IRM/RM`), with the date and
/// time stamped within the next few lines; the span is the stamp's head.
pub fn receipts(n: &Normalized, own_end: usize) -> Vec<Receipt> {
    let text = &n.text[..own_end.min(n.text.len())];
    let mut out = Vec::new();
    for at in crate::lines::lines_holding(text, &RECEIPT_WORDS) {
        let mut from_here = lines_from(n, at, text.len());
        let Some(l) = from_here.next() else {
            continue;
        };
        let Some(c) = RECEIVED.captures(l.text) else {
            continue;
        };
        let Some(office) = c.name("office") else {
            continue;
        };
        if c.name("short").is_none() && !office.as_str().contains('/') {
            continue;
        }
        // `S/S -IRM/RM&`: the stamp's spacing and ink are no part of the symbol
        let office_value: String = office
            .as_str()
            .trim_end_matches(['.', ' ', '&'])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace(" -", "-")
            .replace("- ", "-");
        let mut r = Receipt {
            office: Some(office_value),
            raw: l.text.trim().to_string(),
            span: n.span(l.start, l.end()),
            ..Receipt::default()
        };
        for below in from_here.filter(|b| !b.is_blank()).take(STAMP_LINES) {
            if let Some(t) = STAMP_TIME.captures(below.text) {
                let g = |k: &str| t.name(k).map_or("", |m| m.as_str());
                r.date = iso(g("y"), g("m"), g("d"));
                let hour: u32 =
                    g("h").parse().unwrap_or(0) % 12 + if g("ap") == "P" { 12 } else { 0 };
                r.time = Some(format!("{hour:02}:{}", g("mi")));
            } else if let Some(t) = STAMP_DATE.captures(below.text) {
                let g = |k: &str| t.name(k).map_or("", |m| m.as_str());
                r.date = iso(g("y"), g("m"), g("d"));
            } else {
                continue;
            }
            break;
        }
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    const SEED_000: &str = include_str!("../../../../corpus/sample/seeds/000_79b9a1f4bfb66b60.txt");
    const SEED_004: &str = include_str!("../../../../corpus/sample/seeds/004_d82bf065194c113b.txt");

    fn offices(d: &Distribution) -> Vec<&str> {
        d.to.iter().filter_map(|p| p.office.as_deref()).collect()
    }

    #[test]
    fn a_state_distribution_line_and_its_offices() {
        // Seed 004 (the action memo of 1990): `DIST 12/14` over its offices.
        let n = normalize(SEED_004);
        let d = distribution(&n, n.text.len());
        assert_eq!(d.len(), 1, "{d:?}");
        let date = d[0].date.as_ref().map(|v| v.value.as_str());
        assert_eq!(date, Some("12/14"));
        assert_eq!(offices(&d[0]), ["D", "P", "T", "C", "EAP", "HA", "S/S"]);
        let eap = &d[0].to[4];
        assert_eq!(&n.text[eap.span.start..eap.span.end], "EAP");
        // `REDIST 12/1` inside a heading's line is no line of its own.
        assert!(SEED_004.contains("CTION MEMORANDUMBP 12/14 REDIST 12/1"));
        // A line of words after DIST is no office list.
        let n = normalize("DIST 12/14\n\nTHE MEETING WAS HELD\n");
        assert!(distribution(&n, n.text.len()).is_empty());
    }

    #[test]
    fn a_telegrams_office_codes() {
        // *made up* in the form of the State Department's telegrams of the 1980s (no dev
        // file keeps the heading): the action office, then the offices informed, each with
        // its copies, over two lines; the copies in all (`/027 W`) end it.
        let t = "PAGE 01        BEIJIN 15432  01 OF 03  050812Z\nACTION EAP-00\n\nINFO  LOG-00   ADS-00   INR-05\n      H-01     PM-10    S/P-02\n      /027 W\n";
        let n = normalize(t);
        let d = distribution(&n, n.text.len());
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            offices(&d[0]),
            ["EAP", "LOG", "ADS", "INR", "H", "PM", "S/P"]
        );
        let copies: Vec<_> = d[0].to.iter().filter_map(|p| p.copies.as_deref()).collect();
        assert_eq!(copies, ["00", "00", "00", "05", "01", "10", "02"]);
        let action = &d[0].to[0];
        assert_eq!(&n.text[action.span.start..action.span.end], "ACTION EAP-00");
        let pm = &d[0].to[5];
        assert_eq!(&n.text[pm.span.start..pm.span.end], "PM-10");
        // the copies in all on the codes' last line (*made up*, as above)
        let n = normalize("ACTION EA-09\n\nINFO  OCT-01  ISO-00  SS-15  NSC-05  /030 W\n");
        let d = distribution(&n, n.text.len());
        assert_eq!(offices(&d[0]), ["EA", "OCT", "ISO", "SS", "NSC"]);
        // an INFO line of posts is a telegram's addressees, no office codes
        let n = normalize("INFO AMEMBASSY TOKYO\nAMEMBASSY SEOUL\n");
        assert!(distribution(&n, n.text.len()).is_empty());
    }

    #[test]
    fn a_memos_distribution_list() {
        // JFK 104-10300-10396 (FIELDS.md §9): `Original §` for `Original &`, an entry the
        // OCR bent past reading (`Ci) - SAG`, kept: its copies are lost, not the office).
        let t = "Attachneat\nec: DN/A\nDistribution:\nOriginal § 1 - Addressee\n1 - DD/A\n1 - OS Registry\nCi) - SAG\n1 - Chrono\n";
        let n = normalize(t);
        let d = distribution(&n, n.text.len());
        assert_eq!(d.len(), 1);
        let raws: Vec<&str> = d[0].to.iter().map(|p| p.raw.as_str()).collect();
        assert_eq!(raws, ["Addressee", "DD/A", "OS Registry", "SAG", "Chrono"]);
        let copies: Vec<Option<&str>> = d[0].to.iter().map(|p| p.copies.as_deref()).collect();
        assert_eq!(
            copies,
            [Some("Original § 1"), Some("1"), Some("1"), None, Some("1")]
        );
        // filing copies name no office and no person
        assert_eq!(offices(&d[0]), ["DD/A", "SAG"]);
        assert!(d[0].to[0].name.is_none() && d[0].to[2].name.is_none());
        let first = &d[0].to[0];
        assert_eq!(&n.text[first.span.start..first.span.end], "Addressee");
        // JFK 104-10194-10001 and 104-10185-10163: filing copies read through OCR.
        let n = normalize("Distribution:\nOrig - Addvessee\n3 - Piles\n1 - TSD/CDS\n");
        let to = &distribution(&n, n.text.len())[0].to;
        assert!(
            to[..2]
                .iter()
                .all(|p| p.name.is_none() && p.title.is_none()),
            "{to:?}"
        );
        assert_eq!(to[2].office.as_deref(), Some("TSD/CDS"));
    }

    #[test]
    fn a_dispatchs_list_with_its_notes() {
        // JFK 104-10063-10285: the first entry's copies lost, notes after the recipient.
        let t = "Distribution:\n- Chief, WOMUSE w/att\n2 - Chief, EUR w/o att\n";
        let n = normalize(t);
        let d = distribution(&n, n.text.len());
        let to = &d[0].to;
        assert_eq!(to.len(), 2);
        assert_eq!(to[0].raw, "Chief, WOMUSE w/att");
        assert_eq!(
            (to[0].title.as_deref(), to[0].office.as_deref()),
            (Some("Chief"), Some("WOMUSE"))
        );
        assert_eq!(
            (to[1].copies.as_deref(), to[1].office.as_deref()),
            (Some("2"), Some("EUR"))
        );
        // JFK 104-10068-10155: OCR's crumbs on the heading's line and in an entry.
        let t = "Distribution: Qo 4473\nOrig & 1 - Chief, SR\n2.-.Chief, WE pe gy\n";
        let n = normalize(t);
        let to = &distribution(&n, n.text.len())[0].to;
        let got: Vec<(Option<&str>, Option<&str>)> = to
            .iter()
            .map(|p| (p.copies.as_deref(), p.office.as_deref()))
            .collect();
        assert_eq!(
            got,
            [(Some("Orig & 1"), Some("SR")), (Some("2"), Some("WE"))]
        );
        // JFK 104-10166-10066: the copies' point for a dash, the heading OCR'd; a numbered
        // paragraph after a list is no entry (made up).
        let t = "End of Dispatch\n\nDistribation:\n3. COB, JMWAVE\nQof-A7B/3°\n\n2. The station will report on the meeting when it is held.\n";
        let n = normalize(t);
        let d = distribution(&n, n.text.len());
        let got: Vec<(Option<&str>, Option<&str>)> = d[0]
            .to
            .iter()
            .map(|p| (p.copies.as_deref(), p.office.as_deref()))
            .collect();
        assert_eq!(got, [(Some("3"), Some("JMWAVE"))]);
        // *made up* in the form of the Department's memoranda of conversation: the offices
        // listed on the heading's line
        let t = "DISTRIBUTION: S/S, EA, S/P\n\nThe Secretary: Welcome.\n";
        let d = distribution(&normalize(t), t.len());
        let got: Vec<&str> = d[0]
            .to
            .iter()
            .map(|p| &t[p.span.start..p.span.end])
            .collect();
        assert_eq!(got, ["S/S", "EA", "S/P"]);
        // The same on the heading's line: `Distribution: 3 - COS, JMWAVE` (made up).
        let n = normalize("Distribution: 3 - COS, JMWAVE\n");
        let to = &distribution(&n, n.text.len())[0].to;
        assert_eq!(
            (to[0].copies.as_deref(), to[0].office.as_deref()),
            (Some("3"), Some("JMWAVE"))
        );
    }

    #[test]
    fn a_copy_list_at_the_foot_without_its_heading() {
        // *made up* in the form of the FBI's airtel of 1963
        // JFK 104-10071-10109: a CIA memo's, the original first
        let t = "Attacnment: a/s\n\nOrig & 1 - Addressee\n1 - SRB Memo Chrono\n1 - Outgoing correspondence\n\nY\nCONFIDENTIAL\n";
        let d = distribution(&normalize(t), t.len());
        let copies: Vec<Option<&str>> = d[0].to.iter().map(|p| p.copies.as_deref()).collect();
        assert_eq!(copies, [Some("Orig & 1"), Some("1"), Some("1")]);
        let t = "Enclosed for the Bureau are two copies of an LHM dated as above.\n\n2 - Bureau (Encs. 2)\n1 - Dallas\nJPH:cah\n(3)\n";
        let d = distribution(&normalize(t), t.len());
        let got: Vec<(Option<&str>, &str)> = d[0]
            .to
            .iter()
            .map(|p| (p.copies.as_deref(), &t[p.span.start..p.span.end]))
            .collect();
        assert_eq!(
            got,
            [(Some("2"), "Bureau (Encs. 2)"), (Some("1"), "Dallas")]
        );
        // one entry, a list under its own label, or numbered sentences are none
        for t in [
            "The report follows.\n\n1 - Dallas\nJPH:cah\n",
            "Enclosures:\n1 - Photograph\n2 - Map of the area\n3 - Chart\n",
            // cables-ner 1979STOCKH03310: a form's numbered fields
            "1. 401/01/P 0118\n2. DATE: 08/13/79\n3. FPOLSON\n4. 401/SWEDEN\n",
            "1 - The station reports that the subject left for Mexico City on the morning flight.\n2 - Headquarters has no traces of him in its files at this time.\n",
        ] {
            assert!(distribution(&normalize(t), t.len()).is_empty(), "{t}");
        }
    }

    #[test]
    fn no_list_without_entries_nor_after_the_documents_end() {
        // A sentence that names distribution is no list.
        let n = normalize("The distribution of the report was limited.\n\nThe station agreed.\n");
        assert!(distribution(&n, n.text.len()).is_empty());
        // A list in a document stapled after this one's end is that document's.
        let t = "MEMO\n\nText.\n\nDistribution:\n1 - DD/A\n";
        let n = normalize(t);
        assert!(distribution(&n, t.find("Distribution").unwrap()).is_empty());
    }

    #[test]
    fn a_receipt_stamp_with_its_date_and_time() {
        // Seed 000: the Secretariat's stamp, its date and time two lines below.
        let n = normalize(SEED_000);
        let r = receipts(&n, n.text.len());
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].office.as_deref(), Some("S/S-IRM/RM"));
        assert_eq!(r[0].date.as_deref(), Some("1993-11-03"));
        assert_eq!(r[0].time.as_deref(), Some("16:15"));
        // (the span is the stamp's head: the letterhead between it and its date is evidence
        // of another field)
        assert_eq!(&n.text[r[0].span.start..r[0].span.end], "RECD S/S -IRM/RM&");
        // JFK 104-10182-10057 (a cable form): a received stamp with no date under it.
        let n = normalize("REC'D CABLE SECT.\n\nTHE TEXT FOLLOWS.\n");
        let r = receipts(&n, n.text.len());
        assert_eq!(
            (r[0].office.as_deref(), r[0].date.as_deref()),
            (Some("CABLE SECT"), None)
        );
        // A date alone under the stamp (`NOV -3 1993`, seed 000's other stamp).
        let n = normalize("RECD S/S\nNOV -3 1993\n");
        assert_eq!(
            receipts(&n, n.text.len())[0].date.as_deref(),
            Some("1993-11-03")
        );
        // A stamp on a document stapled after this one's end is that document's (made up).
        let t = "MEMO\n\nText.\n\nRECD S/S\nNOV -3 1993\n";
        let n = normalize(t);
        assert!(receipts(&n, t.find("RECD").unwrap()).is_empty());
        assert_eq!(receipts(&n, n.text.len()).len(), 1);
    }

    #[test]
    fn a_routing_slips_columns_and_prose_are_no_stamps() {
        // JFK 104-10400-10311 and 104-10194-10001: a routing slip's printed columns; JFK
        // 104-10221-10003: a cable's sentence; 157-10011-10123: a form's label.
        for t in [
            "RECEIVED | FORWARDED\n",
            "RECEIVED [RETURNED\n",
            "RECEIVED OPERATIONAL ASSIGHMENT ON WHICH HE NOW TRAVELING THROUGH\n",
            "RECEIVED FROM\n\nSEP 20 1975\n",
            "DATE\nRECEIVED\n",
        ] {
            let n = normalize(t);
            assert!(receipts(&n, n.text.len()).is_empty(), "{t}");
        }
    }
}
