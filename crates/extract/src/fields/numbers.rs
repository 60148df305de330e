//! Archive furniture: the collection's document number, archival record numbers and
//! control numbers (FIELDS.md §5).

use crate::fields::form::{Form, Key};
use crate::lines::lines;
use crate::normalize::Normalized;
use declass_model::Spanned;
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
