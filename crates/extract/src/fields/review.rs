//! Declassification review (FIELDS.md §10): the review stamp or form (authority, date,
//! case, decisions), exemption codes in their spellings (`B1`, `(b)(1)`, `25X1`,
//! `E.O. 13526 3.3(b)(1)`, JFK Act `1B`), and redactions marked in the text.
//!
//! Exemption codes are short and look like ordinary tokens, so the loose spellings (`B1`,
//! `1B`) count only where a reviewer writes them: a line holding nothing but codes, or a
//! form's RESTRICTIONS field. A code line inside the body marks a withheld passage.

use crate::fields::date::find_dates;
use crate::fields::form::{Form, Key};
use crate::normalize::Normalized;
use declass_model::{Redaction, Review, Spanned};
use regex::Regex;
use std::sync::LazyLock;

// Spellings that are exemption codes wherever they stand.
static STRICT_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(b\)\s?\(\d\)(?:\s?\([A-F]\))?|(?-u:\b)(?:25|50)X\d(?-u:\b)|(?-u:\b)3\.3\s?\(b\)\s?\(\d\)|(?-u:\b)1\.4\s?\([a-hA-H]\)").expect("static regex")
});
// A line of nothing but codes: `B1,A5`, `**B**1`, `(b)(1) (b)(3)`, `1B, 1C, 3, 4`.
static CODE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s*_#|]*(?:(?:1\.4\s?\([a-hA-H]\)|[AB]\*{0,2}\s?\d|\d[A-D]|\(b\)\s?\(\d\)|(?:25|50)X\d)[\s*,;/]*){1,8}$",
    )
    .expect("static regex")
});
static LOOSE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"1\.4\s?\([a-hA-H]\)|[AB]\*{0,2}\s?\d|\d[A-D](?-u:\b)|\(b\)\s?\(\d\)|(?:25|50)X\d")
        .expect("static regex")
});

static STAMP_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)Review\s+Authority|Classification\s+Review|FOI,?\s+Privacy|IS/FPC|MR\s+Cases\s+Only|DECLASSIFIED|Authority\s+NND|RELEASED\s+(?:WITH|IN)(?-u:\b)|Released\s+(?:under|on)|DATE\s+OF\s+LAST\s+REVIEW|(?-u:\b)EXCISE(?-u:\b)|(?-u:\b)DENY\s+IN\s+PART(?-u:\b)|^[^\w\n]*RELEASED[^\w\n]*$|Approved\s+For\s+Release")
        .expect("static regex")
});
static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:Review\s+Authority|REVIEW\s+AUTHORITY)\s*:?\s*(?P<a>[A-Z][A-Za-z.\s]{1,30}?)\s*(?:Date(?-u:\b)|DATE(?-u:\b)|$)").expect("static regex")
});
// NARA's declassification stamp names the project that declassified the file (`Authority
// NND 969000`), a presidential library its case (`Authority NLJ 99-123`, `MR 01-12`).
static PROJECT_AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)Authority\s*:?\s*(?P<a>(?:NND|NL[A-Z]|MR)[\s-]?\d[\d/\-]{2,12})")
        .expect("static regex")
});
static CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)Case\s*(?:ID|No\.?|#)\s*:?\s*(?P<c>[A-Z]{0,3}\s?:?\s?\d[0-9A-Z\-]{3,12})")
        .expect("static regex")
});
// (the CIA's CREST stamp on every page, `Approved For Release 2005/03/24 :
// CIA-RDP79T00865A001200010001-6`, and its `Sanitized Copy` form)
static DECISIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)((?i:Sanitized\s+Copy\s+)?(?i:Approved\s+For\s+Release)|RELEASED\s+WITH\s+DELETIONS|RELEASED\s+IN\s+(?:FULL|PART)|RELEASED|RELEASE|DECLASSIFIED|DECLASSIFY|EXCISE|DENY\s+IN\s+PART|DELETE\s+Non-Responsive\s+Info|CLASSIFY|DOWNGRADE)(?-u:\b)")
        .expect("static regex")
});
// (and the editors' notes of the Foreign Relations series and its kind: `[text not
// declassified]`, `[1 line not declassified]`, `[name not declassified]`, `[excised]`)
static REDACTION_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[(?:REDACTED|DELETED|DELETION|WITHHELD|[Rr]edacted|[Ee]xcised|EXCISED)\]|\((?:DELETION|DELETED)\)|(?-u:\b)X{5,}(?-u:\b)|\[[^\]\n]{0,60}not\s+declassified\]")
        .expect("static regex")
});

// JFK Act section 6 grounds on a form's RESTRICTIONS field: `1B; 1C`, `3`.
static JFK_ACT_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)\d[A-D]?(?-u:\b)").expect("static regex"));

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewFields {
    pub review: Option<Review>,
    pub exemptions: Vec<Spanned<String>>,
    pub redactions: Vec<Redaction>,
}

/// `B**1` → `B1`, `(b) (1)` → `(b)(1)`.
/// `1.4(D)` → `1.4(d)`: the executive order's own spelling, one facet value for both.
fn clean_code(c: &str) -> String {
    let code: String = c
        .chars()
        .filter(|ch| !ch.is_whitespace() && *ch != '*')
        .collect();
    if code.starts_with("1.4(") {
        code.to_ascii_lowercase()
    } else {
        code
    }
}

/// `TWAINSWORTH` → `T. Wainsworth` (State stamps run the initial into the surname).
fn authority_name(a: &str) -> String {
    let a = a.trim().trim_end_matches('.');
    if a.len() >= 5 && !a.contains(' ') && a.chars().all(|c| c.is_ascii_uppercase()) {
        let (ini, rest) = a.split_at(1);
        let rest = rest.to_lowercase();
        let mut r = rest.chars();
        let cap: String = r
            .next()
            .map(|f| f.to_uppercase().chain(r).collect())
            .unwrap_or_default();
        format!("{ini}. {cap}")
    } else {
        a.to_string()
    }
}

pub fn extract(n: &Normalized, form: Option<&Form>, body_start: usize) -> ReviewFields {
    let text = &n.text;
    let mut out = ReviewFields::default();
    let push_code = |code: String, s: usize, e: usize, out: &mut ReviewFields| {
        if !out.exemptions.iter().any(|x| x.value == code) {
            out.exemptions.push(Spanned::new(code, n.span(s, e)));
        }
    };
    let mut review = Review::default();
    let mut stamp_spans: Vec<(usize, usize)> = Vec::new();
    // Whole-text passes; matches are placed on their lines afterwards.
    for m in STRICT_CODE.find_iter(text) {
        push_code(clean_code(m.as_str()), m.start(), m.end(), &mut out);
    }
    for m in REDACTION_MARK.find_iter(text) {
        out.redactions.push(Redaction {
            exemption: None,
            span: n.span(m.start(), m.end()),
        });
    }
    let starts = n.line_starts();
    let line_of = |i: usize| {
        let s = starts[i];
        (s, starts.get(i + 1).map_or(text.len(), |&e| e - 1))
    };
    let body_lines = starts.len().max(1);
    for idx in 0..starts.len() {
        let (ls, le) = line_of(idx);
        let t = &text[ls..le];
        // Code lines are short and hold a digit: test that before the pattern.
        if t.len() > 48 || !t.bytes().any(|b| b.is_ascii_digit()) || !CODE_LINE.is_match(t) {
            continue;
        }
        let codes: Vec<_> = LOOSE_CODE.find_iter(t).collect();
        // A code line between paragraphs of the body marks a withheld passage; one
        // in the heading (near caveats and stamps) lists the codes claimed.
        let in_body = ls > body_start && idx > body_lines / 10 && codes.len() == 1;
        for m in &codes {
            let code = clean_code(m.as_str());
            push_code(code.clone(), ls + m.start(), ls + m.end(), &mut out);
            if in_body {
                out.redactions.push(Redaction {
                    exemption: Some(code),
                    span: n.span(ls + m.start(), ls + m.end()),
                });
            }
        }
    }
    let mut last_line = usize::MAX;
    // (a stamp's words in a sentence of the text are the text's: `...DETAINED BY GOS IN APRIL
    // AND RELEASED IN JULY, 1978.`)
    for m in STAMP_LINE
        .find_iter(text)
        .filter(|m| !crate::lines::within_sentence(text, m.start(), m.end()))
    {
        let idx = starts.partition_point(|&s| s <= m.start()) - 1;
        if idx == last_line {
            continue;
        }
        last_line = idx;
        let (ls, le) = line_of(idx);
        let t = &text[ls..le];
        stamp_spans.push((ls, le));
        if let Some(m) = AUTHORITY.captures(t).and_then(|c| c.name("a")) {
            review.authority.get_or_insert(Spanned::new(
                authority_name(m.as_str()),
                n.span(ls + m.start(), ls + m.end()),
            ));
        } else if let Some(m) = PROJECT_AUTHORITY.captures(t).and_then(|c| c.name("a")) {
            review.authority.get_or_insert(Spanned::new(
                m.as_str().to_string(),
                n.span(ls + m.start(), ls + m.end()),
            ));
        }
        if let Some(m) = CASE.captures(t).and_then(|c| c.name("c")) {
            review.case_id.get_or_insert(Spanned::new(
                m.as_str().trim().to_string(),
                n.span(ls + m.start(), ls + m.end()),
            ));
        }
        for m in DECISIONS.find_iter(t) {
            let v = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
            // (CREST's stamp in capitals, as the other stamps' words)
            let v = if v.to_ascii_uppercase().ends_with("APPROVED FOR RELEASE") {
                v.to_ascii_uppercase()
            } else {
                v
            };
            if !review.decisions.iter().any(|d| d.value == v) {
                review
                    .decisions
                    .push(Spanned::new(v, n.span(ls + m.start(), ls + m.end())));
            }
        }
    }
    // The review date: a date on a stamp line, or on a `Date:` line within two lines of one.
    for &(s, e) in &stamp_spans {
        let window_end = text[e..]
            .match_indices('\n')
            .nth(2)
            .map_or(text.len(), |(i, _)| e + i);
        let window_start = text[..s].rmatch_indices('\n').nth(2).map_or(0, |(i, _)| i);
        let region = &text[window_start..window_end];
        if let Some(d) = find_dates(region).into_iter().find(|d| d.year >= 1970) {
            review.date = Some(Spanned::new(
                d.value(),
                n.span(window_start + d.start, window_start + d.end),
            ));
            break;
        }
    }
    if let Some(f) = form {
        if let Some(v) = f.get(Key::ReviewDate) {
            if let Some(hit) = crate::fields::date::day_date(&v.value) {
                review.date = Some(Spanned::new(hit.value(), n.span(v.start, v.end)));
            }
        }
        if let Some(v) = f.get(Key::Restrictions) {
            for m in JFK_ACT_CODE.find_iter(&v.value) {
                push_code(
                    m.as_str().to_string(),
                    v.start + m.start(),
                    v.start + m.end(),
                    &mut out,
                );
            }
        }
        if let Some(v) = f.get(Key::Status) {
            review
                .decisions
                .push(Spanned::new(v.value.to_uppercase(), n.span(v.start, v.end)));
        }
    }
    if !stamp_spans.is_empty() || review.date.is_some() || !review.decisions.is_empty() {
        review.span = stamp_spans.first().map(|&(s, e)| n.span(s, e));
        review.exemptions = out.exemptions.clone();
        out.review = Some(review);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    const SEED_004: &str = include_str!("../../../../corpus/sample/seeds/004_d82bf065194c113b.txt");
    const SEED_000: &str = include_str!("../../../../corpus/sample/seeds/000_79b9a1f4bfb66b60.txt");

    #[test]
    fn seed_004_review_stamp_codes_and_redaction() {
        let n = normalize(SEED_004);
        let r = extract(&n, None, 0);
        let codes: Vec<&str> = r.exemptions.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(codes, vec!["B1", "A5"]);
        assert_eq!(r.redactions.len(), 1);
        assert_eq!(r.redactions[0].exemption.as_deref(), Some("B1"));
        let rev = r.review.unwrap();
        assert_eq!(rev.authority.unwrap().value, "T. Wainsworth");
        assert_eq!(rev.date.unwrap().value, "1995-05-28");
        assert_eq!(rev.case_id.unwrap().value, "9300158B");
        assert!(rev.decisions.iter().any(|d| d.value == "RELEASED"));
    }

    #[test]
    fn the_editors_notes_of_withheld_text_are_redactions() {
        // *made up* in the Foreign Relations series' forms
        let t = "Lee Teng-hui has asked to attend a reunion. [text not declassified] We\nrecommend no change. The Station [1\u{bd} lines not declassified] reported it to\n[name not declassified], and [excised] again.\n";
        let n = normalize(t);
        let r = extract(&n, None, 0);
        let marks: Vec<&str> = r
            .redactions
            .iter()
            .map(|m| &n.text[m.span.start..m.span.end])
            .collect();
        assert_eq!(
            marks,
            [
                "[text not declassified]",
                "[1\u{bd} lines not declassified]",
                "[name not declassified]",
                "[excised]"
            ]
        );
        // a bracket that only speaks of it is none
        let n =
            normalize("The paper [which was not declassified until 1998, see below] said so.\n");
        assert!(extract(&n, None, 0).redactions.is_empty());
    }

    #[test]
    fn the_cias_release_stamps() {
        // *made up*, CREST's stamp; JFK 104-10061-10347's Historical Review Program stamp
        let n = normalize(
            "Approved For Release 2005/03/24 : CIA-RDP79T00865A001200010001-6\n\nSECRET\n",
        );
        let rev = extract(&n, None, 0).review.unwrap();
        assert_eq!(rev.decisions[0].value, "APPROVED FOR RELEASE");
        assert_eq!(rev.date.unwrap().value, "2005-03-24");
        let n = normalize("CI/OA File #306052 re Gibson\n\n993\nAPPROVED FOR RELEASE 1!\nCIA HISTORICAL REVIEW PROGRAM\n");
        let rev = extract(&n, None, 0).review.unwrap();
        assert_eq!(rev.decisions[0].value, "APPROVED FOR RELEASE");
    }

    #[test]
    fn seed_000_review_form_date_and_boxes() {
        let rev = extract(&normalize(SEED_000), None, 0).review.unwrap();
        assert_eq!(rev.date.unwrap().value, "1996-05-01");
        let d: Vec<&str> = rev.decisions.iter().map(|d| d.value.as_str()).collect();
        for want in [
            "RELEASE",
            "DECLASSIFY",
            "EXCISE",
            "DENY IN PART",
            "CLASSIFY",
            "DOWNGRADE",
        ] {
            assert!(d.contains(&want), "{want} in {d:?}");
        }
    }

    #[test]
    fn a_stamps_words_inside_a_sentence_are_no_stamp() {
        // cables-ner 1979VICTOR01578; JFK 104-10174-10043 (OCR's `excise` for `excuse`)
        for text in [
            "4. (C) WE ARE NOT SURE HOW TO PROCEED FROM THIS POINT. FYI, LOCAL CHAUFFEUR OF UK HIGH COMMISSION WAS AMONG THOSE DETAINED BY GOS IN APRIL AND RELEASED IN JULY, 1978. CHARGE WILL CONSULT HIGH COMMISSION.\n",
            "are so inclined, this vill provide you with a plausible excise for\ndaing Yoth a tourist\n",
        ] {
            assert_eq!(extract(&normalize(text), None, 0).review, None, "{text}");
        }
        // the stamp under such a sentence is read
        let t = "AND RELEASED IN JULY, 1978. CHARGE WILL CONSULT THE HIGH COMMISSION AS TO HOW THAT SITUATION WAS HANDLED.\nRELEASED IN PART\nB1, 1.4(D)\n";
        let rev = extract(&normalize(t), None, 0).review.unwrap();
        assert_eq!(rev.decisions[0].value, "RELEASED IN PART");
    }

    #[test]
    fn naras_declassification_stamp() {
        // *made up* in the form of NARA's stamp on the Department's central files
        let t = "CONFIDENTIAL\n\nAIRGRAM\n\nRICE\n\nDECLASSIFIED\nAuthority NND 969000\nBy SMA NARA Date 8/9/01\n";
        let r = extract(&normalize(t), None, 0).review.unwrap();
        let a = r.authority.unwrap();
        assert_eq!(
            (a.value.as_str(), &t[a.span.start..a.span.end]),
            ("NND 969000", "NND 969000")
        );
        assert_eq!(r.date.unwrap().value, "2001-08-09");
        assert_eq!(r.decisions[0].value, "DECLASSIFIED");
    }

    #[test]
    fn code_spellings() {
        let r = extract(
            &normalize("Text withheld under (b)(1) and (b) (3).\nE.O. 13526 3.3(b)(1)\n25X1\n"),
            None,
            0,
        );
        let codes: Vec<&str> = r.exemptions.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(codes, vec!["(b)(1)", "(b)(3)", "3.3(b)(1)", "25X1"]);
        // A State release stamp's codes: the FOIA exemption and the executive order's
        // section, in capitals as stamped (made up in the stamp's form; the seeds' is `B1,A5`)
        let r = extract(
            &normalize("RELEASED IN PART\nB1, 1.4(D)\n\n1. (C) TEXT.\n\nB1\n\n2. MORE TEXT.\n3. END.\n4. \n5. \n6. \n7. \n8. \n9. \n10. \n11. \n1.4(B)\n12. LAST.\n"),
            None,
            0,
        );
        let codes: Vec<&str> = r.exemptions.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(codes, vec!["1.4(d)", "1.4(b)", "B1"]);
        let withheld: Vec<Option<&str>> = r
            .redactions
            .iter()
            .map(|x| x.exemption.as_deref())
            .collect();
        assert_eq!(withheld, vec![Some("B1"), Some("1.4(b)")]);
        // Ordinary words and numbers are not codes.
        assert!(
            extract(&normalize("Flight B1 left at 1B gate. Room A5.\n"), None, 0)
                .exemptions
                .is_empty()
        );
    }
}
