//! Archive furniture: the collection's document number, archival record numbers, control
//! numbers and other archives' numbers (NARA's release stamp, a telegram's message
//! reference; FIELDS.md §5).

use crate::fields::form::{Form, Key};
use crate::lines::lines;
use crate::normalize::Normalized;
use declass_model::{ArchiveNumber, NumberKind, Spanned};
use regex::Regex;
use std::sync::LazyLock;

// A collection number standing alone on one of the first lines: `01639`, `# 01328`.
static DOC_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*#*\s*(\d{3,6})\s*$").expect("static regex"));
// NARA JFK record numbers: agency prefix (104 CIA, 124 FBI, 157 SSCIA, 180 HSCA, 202 JCS,
// ...), five-digit box, five-digit item.
pub(crate) static RECORD_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([1-9]\d\d-\d{5}-\d{5})(?-u:\b)").expect("static regex"));
static CONTROL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:NODIS|EXDIS|S/S)\s*(?:-\s*)?(\d{7})(?-u:\b)").expect("static regex")
});

// NARA's stamp on each page of its JFK releases, `NW 65987 Docld:32414710 Page 1` (OCR:
// `NW 65990-Bocld 32322954-Ragest`, `Dold: 32385446`), and its release legend's
// `Case#:NW 64578`.
static DOC_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[DB][o0]c?\s*[Il1]d\s*[:;]?\s*(\d{7,9})(?-u:\b)").expect("static regex")
});
static NARA_CASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)NW\s?(\d{5})(?-u:\b)").expect("static regex"));

// A telegram's message reference number written whole: the year, the post's first six
// characters without their spaces, the serial (`1977PEKING00139`, `1973STATE057534`).
static MESSAGE_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)((?:19[4-9]|20[0-3])\d[A-Z]{3,6}\d{5,6})(?-u:\b)").expect("static regex")
});
// Where a telegram writes its post and serial: the page's head (`PAGE 01  BEIJIN 15432`,
// the post cut to six characters, `NEW DE 06456`), and the classification line over the
// text (`C O N F I D E N T I A L SECTION 02 OF 02 KHARTOUM 4476`, `UNCLAS STATE 057534`).
// (the page's head ends in the time it was sent, `050812Z`, after the sections: a CIA cable's
// `PAGE 84 IN 716339` is no post's)
static TELEGRAM_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[^\w\n]{0,3}PAGE\s+\d{2,3}\s+(?P<post>[A-Z][A-Z ]{1,5}?)\s+(?P<serial>\d{5,6})\s+(?:\d{2}\s+OF\s+\d{2}\s+)?[0-3]\d[0-2]\d[0-5]\dZ")
        .expect("static regex")
});
// A State telegram's marks, without which a classification line over a number is no
// telegram's (`SECRET CL BY 055636`, `SECRET IN 716339` in a CIA file).
static STATE_TELEGRAM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^FM [A-Z]|SECSTATE|AMEMBASSY|AMCONSUL|USMISSION|^TAGS\b")
        .expect("static regex")
});
static CLASSIFICATION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[^\w\n]{0,3}(?:(?:[A-Z] ){4,}[A-Z]|UNCLAS(?:SIFIED)?|CONFIDENTIAL|(?:TOP )?SECRET|LIMITED OFFICIAL USE)[ \t]+(?:SECTION[ \t]+\d{1,2}[ \t]+OF[ \t]+\d{1,2}[ \t]+)?(?P<post>[A-Z]+(?: [A-Z]+){0,3}?)[ \t]+(?P<serial>\d{4,6})(?:[ \t]+[A-Z][A-Z \t]*)?[ \t]*$")
        .expect("static regex")
});

// The stamp's words as literals (`NW`, and `DocId` as OCR bends it).
static STAMP_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"NW|ocId|ocld|oc1d|oclI|Dold|Docl|DocI").expect("static regex"));
/// How far from the top a message reference number written whole is looked for (an
/// export's header: `MRN: 1977PEKING00139`).
const REFERENCE_HEAD: usize = 4000;

/// The most frequent of `found` (the first on a tie: OCR bends a digit on some page),
/// with the span of its first occurrence.
fn most_frequent(found: &[(String, usize, usize)]) -> Option<&(String, usize, usize)> {
    // (value → occurrences and first index: a file of thousands of pages has as many stamps)
    let mut counts: std::collections::HashMap<&str, (usize, usize)> = Default::default();
    for (k, f) in found.iter().enumerate() {
        counts.entry(f.0.as_str()).or_insert((0, k)).0 += 1;
    }
    let (_, &(_, first)) = counts
        .iter()
        .max_by_key(|(_, &(count, first))| (count, std::cmp::Reverse(first)))?;
    found.get(first)
}

/// Other archives' numbers for the document: NARA's case number and document id from its
/// release stamps, and a telegram's message reference number, written whole or made from
/// its post and serial with the year the telegram was sent (`year`, its date's).
pub fn archive_numbers(n: &Normalized, year: Option<i32>) -> Vec<ArchiveNumber> {
    let text = &n.text;
    let mut out = Vec::new();
    let number = |kind, value: String, (a, b): (usize, usize)| ArchiveNumber {
        kind,
        value,
        span: n.span(a, b),
    };
    // (the stamp's and the telegram's patterns open with a class, which no literal scan
    // skips ahead to: their words are asked first)
    let stamped = STAMP_WORDS.is_match(text);
    let telegram = stamped || text.contains("PAGE") || STATE_TELEGRAM.is_match(text);
    if stamped {
        let (case, id) = nara_stamp(text);
        out.extend(case.map(|(v, a, b)| number(NumberKind::NaraCase, format!("NW {v}"), (a, b))));
        out.extend(id.map(|(v, a, b)| number(NumberKind::NaraDocId, v, (a, b))));
    }
    // (a number written whole stands in an export's head)
    let whole = MESSAGE_REFERENCE
        .captures(crate::lines::window(text, 0, REFERENCE_HEAD))
        .and_then(|c| c.get(1))
        .map(|m| (m.as_str().to_string(), m.start(), m.end()));
    let made = || {
        let c = TELEGRAM_PAGE.captures(text).or_else(|| {
            STATE_TELEGRAM
                .is_match(text)
                .then(|| CLASSIFICATION_LINE.captures(text))
                .flatten()
        })?;
        let (post, serial) = (c.name("post")?, c.name("serial")?);
        let first = post.as_str().split(' ').next().unwrap_or("");
        if matches!(first, "IN" | "CL" | "OUT" | "REF" | "NR" | "NO") {
            return None;
        }
        let short: String = post
            .as_str()
            .chars()
            .take(6)
            .filter(|c| !c.is_whitespace())
            .collect();
        let value = format!("{:04}{short}{:0>5}", year?, serial.as_str());
        Some((value, post.start(), serial.end()))
    };
    if let Some((v, a, b)) = whole.or_else(|| telegram.then(made).flatten()) {
        out.push(number(NumberKind::MessageReference, v, (a, b)));
    }
    // (on every page: the most frequent, as OCR bends a digit on some)
    if text.contains("RDP") {
        let found: Vec<_> = CREST_NUMBER
            .find_iter(text)
            .map(|m| (m.as_str().to_string(), m.start(), m.end()))
            .collect();
        if let Some((v, a, b)) = most_frequent(&found) {
            out.push(number(NumberKind::Crest, v.clone(), (*a, *b)));
        }
    }
    out
}

// The CIA Records Search Tool's number: `CIA-RDP79T00865A001200010001-6`.
static CREST_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)CIA-RDP\d{2}[A-Z0-9]{6,20}-\d(?-u:\b)").expect("static regex")
});

/// A value and its offsets in the text.
type Found = (String, usize, usize);

/// NARA's case number and document id from its stamps: each the value most stamps agree
/// on. `NW` is a compass point too: the case number counts on the stamp's line beside the
/// document id, else after the legend's `Case#:` (`Case NW`, `aset:NW`) or alone on its
/// line; OCR bends the legend's more often than the stamp's.
fn nara_stamp(text: &str) -> (Option<Found>, Option<Found>) {
    let ids: Vec<Found> = DOC_ID
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| (m.as_str().to_string(), m.start(), m.end()))
        .collect();
    let (mut stamped, mut other): (Vec<Found>, Vec<Found>) = (Vec::new(), Vec::new());
    for start in crate::lines::lines_holding(text, &NARA_CASE) {
        let line = crate::lines::line_at(text, start);
        let on_stamp = DOC_ID.is_match(line);
        for c in NARA_CASE.captures_iter(line) {
            let (Some(all), Some(m)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let found = (m.as_str().to_string(), start + all.start(), start + m.end());
            let before = line[..all.start()].trim_end();
            if on_stamp {
                stamped.push(found);
            } else if before.contains("ase") && before.ends_with(['e', '#', ':', 't'])
                || before.is_empty() && line[all.end()..].trim().is_empty()
            {
                other.push(found);
            }
        }
    }
    let cases = if stamped.is_empty() { other } else { stamped };
    (most_frequent(&cases).cloned(), most_frequent(&ids).cloned())
}

/// How many non-blank lines from the top a collection number may stand on.
const TOP_LINES: usize = 3;

pub fn doc_number(n: &Normalized) -> Option<Spanned<String>> {
    let line = lines(&n.text)
        .filter(|l| !l.is_blank())
        .take(TOP_LINES)
        .find(|l| DOC_NUMBER.is_match(l.text))?;
    let m = DOC_NUMBER.captures(line.text)?.get(1)?;
    Some(Spanned::new(
        m.as_str().to_string(),
        n.span(line.start + m.start(), line.start + m.end()),
    ))
}

/// The record number: the identification form's RECORD NUMBER when the text holds the
/// form (a stamp atop the page may be OCR'd a digit off, `157-10014-10485)` over the form's
/// `157-10014-10185`), else the first one written.
pub fn record_number(n: &Normalized, form: Option<&Form>) -> Option<Spanned<String>> {
    let on_form = form.and_then(|f| f.get(Key::RecordNumber)).and_then(|v| {
        let m = RECORD_NUMBER.captures(&n.text[v.start..v.end])?.get(1)?;
        Some((v.start + m.start(), v.start + m.end()))
    });
    if let Some((a, b)) = on_form {
        return Some(Spanned::new(n.text[a..b].to_string(), n.span(a, b)));
    }
    let m = RECORD_NUMBER.captures(&n.text)?.get(1)?;
    Some(Spanned::new(
        m.as_str().to_string(),
        n.span(m.start(), m.end()),
    ))
}

pub fn control_numbers(n: &Normalized) -> Vec<Spanned<String>> {
    let mut out: Vec<Spanned<String>> = Vec::new();
    for c in CONTROL.captures_iter(&n.text) {
        if let Some(m) = c.get(1) {
            if !out.iter().any(|o| o.value == m.as_str()) {
                out.push(Spanned::new(
                    m.as_str().to_string(),
                    n.span(m.start(), m.end()),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn seed_collection_numbers() {
        let n = normalize("01639\n\n1993/11/03\n");
        let d = doc_number(&n).unwrap();
        assert_eq!(d.value, "01639");
        assert_eq!((d.span.start, d.span.end), (0, 5));
        assert_eq!(
            doc_number(&normalize("# 01328\n\n1990/12/15\n"))
                .unwrap()
                .value,
            "01328"
        );
        // A number deep in the body is not the collection's number.
        assert_eq!(
            doc_number(&normalize("MEMO\nTO: X\nFROM: Y\n01639\n")),
            None
        );
    }

    #[test]
    fn record_and_control_numbers() {
        let n = normalize("104-10300-10396\n\n29 MAR 1977\n");
        assert_eq!(record_number(&n, None).unwrap().value, "104-10300-10396");
        // JFK 202-10002-10124: the Joint Chiefs' prefix.
        let n = normalize("Jcs\n202-10002-10124\nJCS CENTRAL FILES\n");
        assert_eq!(record_number(&n, None).unwrap().value, "202-10002-10124");
        let n = normalize("NODIS 9026213\n\nB1,A5\nS/S 9026213\n");
        let c = control_numbers(&n);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].value, "9026213");
    }
}

#[cfg(test)]
mod archive_tests {
    use super::*;
    use crate::normalize::normalize;

    fn numbers(t: &str, year: Option<i32>) -> Vec<(NumberKind, String, String)> {
        let n = normalize(t);
        archive_numbers(&n, year)
            .into_iter()
            .map(|a| {
                let written = n.text[a.span.start..a.span.end].to_string();
                (a.kind, a.value, written)
            })
            .collect()
    }

    #[test]
    fn naras_release_stamp() {
        // JFK 104-10183-10434: the stamp at each page's foot
        let t = "RETURN TO CIA\nNW 65987 Docld:32414710 Page 1\n\n2. TEXT\nNW 65987 Docld:32414710 Page 2\n";
        let got = numbers(t, None);
        assert_eq!(
            got,
            [
                (NumberKind::NaraCase, "NW 65987".into(), "NW 65987".into()),
                (NumberKind::NaraDocId, "32414710".into(), "32414710".into()),
            ]
        );
        // 104-10229-10440: `DocId` as OCR bent it
        let got = numbers("\nNW 65890 Dold: 32385446 Page 1\n", None);
        assert_eq!(got[1].1, "32385446");
        // 104-10071-10119: the legend's case number bent (`55924`), the stamp's whole
        let t = "Case NW 55924 Date: 10-25-2021\n\n\nNW 65924 Docld:32349215 Page 1\n";
        assert_eq!(numbers(t, None)[0].1, "NW 65924");
        // 104-10418-10265: no stamp with a document id; the legend's and a lone line's
        let t = "992 (44 USC 2107 Note).\naset:NW 64578 Date:\n14.20)\n\nNW 64578\n";
        assert_eq!(
            numbers(t, None),
            [(NumberKind::NaraCase, "NW 64578".into(), "NW 64578".into())]
        );
        // 104-10400-10311: `NW` in prose is a compass point
        let t = "THE 13TH. WITH DEFENSE ARG ALSO DETAILED NW 24029,\"\n";
        assert!(numbers(t, None).is_empty());
    }

    #[test]
    fn the_crest_number_on_every_page() {
        // *made up* in the form of a CIA memo released through CREST: the stamp atop and at
        // the foot of each page, a digit bent on one
        let stamp = "Approved For Release 2005/03/24 : CIA-RDP79T00865A001200010001-6";
        let bent = "Approved For Release 2005/03/24 : CIA-RDP79T00865A00120001000l-6";
        let t = format!("{stamp}\n\nSECRET\n\nMEMORANDUM\n\n{bent}\n\n{stamp}\n");
        let found = numbers(&t, None);
        assert_eq!(
            found,
            [(
                NumberKind::Crest,
                "CIA-RDP79T00865A001200010001-6".to_string(),
                "CIA-RDP79T00865A001200010001-6".to_string()
            )]
        );
    }

    #[test]
    fn a_telegrams_message_reference_number() {
        // 1979KHARTO04476 (cables-ner): the classification line's post and serial with the
        // year it was sent; the post cut to six characters, the serial to five digits
        let t = "FM AMEMBASSY KHARTOUM \nTO SECSTATE WASHDC PRIORITY 1852\nC O N F I D E N T I A L SECTION 02 OF 02 KHARTOUM 4476\n";
        assert_eq!(
            numbers(t, Some(1979)),
            [(
                NumberKind::MessageReference,
                "1979KHARTO04476".into(),
                "KHARTOUM 4476".into()
            )]
        );
        // with no year, no number
        assert!(numbers(t, None).is_empty());
        // *made up*, as the Central Foreign Policy Files write it, and a page's head whose
        // post is cut with its space (`NEW DE`, the files' `1976NEWDE13223`)
        assert_eq!(
            numbers("MRN: 1977PEKING00139\n", None)[0].1,
            "1977PEKING00139"
        );
        let t = "PAGE 01        NEW DE 06456  01 OF 02  230312Z\nACTION NEA-00\n";
        assert_eq!(numbers(t, Some(1977))[0].1, "1977NEWDE06456");
        // JFK 104-10400-10311: a CIA cable's page and a classification line over its
        // classifier's number are no telegram's
        let t = "AMEMBASSY MEXICO CITY\n\u{201c}PAGE 84 IN 716339\nSECRET CL BY 055636\n";
        assert!(numbers(t, Some(1975)).is_empty());
        // *made up*: a CIA station's cable number under its classification, in a file with
        // no State telegram's marks
        assert!(numbers("SECRET WAVE 8252\n1. TEXT\n", Some(1963)).is_empty());
        assert_eq!(
            numbers("SECRET WAVE 8252\nTAGS: PINT\n", Some(1963)).len(),
            1
        );
    }
}

#[cfg(test)]
mod form_tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn the_forms_record_number_over_a_stamp_read_a_digit_off() {
        // JFK 157-10014-10185: the stamp atop the page OCR'd `157-10014-10485)`, the
        // identification form below it `157-10014-10185`.
        let t = include_str!("../../../../corpus/sample/jfk/157-10014-10185.txt");
        assert!(t.starts_with("157-10014-10485)"));
        let n = normalize(t);
        let form = crate::fields::form::extract(&n);
        let r = record_number(&n, form.as_ref()).unwrap();
        assert_eq!(r.value, "157-10014-10185");
        assert_eq!(&n.text[r.span.start..r.span.end], "157-10014-10185");
        assert_eq!(record_number(&n, None).unwrap().value, "157-10014-10485");
    }
}
