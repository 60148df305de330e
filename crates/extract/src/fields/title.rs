//! Title / subject: the `SUBJECT:` line (and OCR variants), joined across wrapped lines
//! and hyphen breaks (FIELDS.md §3).

use crate::lines::{lines, upper_ratio, Line};
use crate::normalize::Normalized;
use declass_model::Spanned;
use regex::Regex;
use std::sync::LazyLock;

// A word and a separator at the start of a line: `SUBJECT:`, `SUBJ --`, `SUBJECT ;`,
// `Subject.`, `TITLE:`, `RE:`. Which words are labels is decided by `is_label`.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[\s"'“‘*|.«]{0,3}(?P<w>[A-Za-z]{2,8})(?-u:\b)\s*(?:\(optional\))?\s*(?:[:;.,]+|--?|—|\s7\s)\s*"#)
        .expect("static regex")
});

/// SUBJECT read through OCR (`SUBIECT`, `UBJECT`, `IBJECT`), or SUBJ, TITLE, RE.
fn is_label(w: &str) -> bool {
    matches!(w.to_ascii_uppercase().as_str(), "SUBJ" | "TITLE" | "RE")
        || crate::fuzzy::is_word(w, "SUBJECT", 2)
}

// A line that starts another field or a numbered paragraph ends the subject.
static STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W{0,3}(?:[A-Z][A-Za-z /]{0,24}\s?[:;]|\d{1,2}\s?[.)]\s|\(?[a-z]\)\s|REF(?-u:\b)|#|--)",
    )
    .expect("static regex")
});

const MAX_LINES: usize = 4;
const MAX_CHARS: usize = 300;

fn is_stop(line: &Line<'_>, title_is_upper: bool) -> bool {
    let t = line.text.trim();
    STOP.is_match(t)
        || t.len() > 120
        // A heading in capitals after a mixed-case subject is the next section.
        || (!title_is_upper && t.len() > 3 && upper_ratio(t) > 0.9 && t.chars().any(|c| c.is_alphabetic()))
}

/// The document's subject line; failing that, the first sentence of its first numbered
/// paragraph (a cable's title as archivists write it), marked with a confidence.
pub fn extract(n: &Normalized, body_start: usize) -> Option<Spanned<String>> {
    subject(n, body_start)
        .or_else(|| flattened_subject(n, body_start))
        .or_else(|| first_sentence(n, body_start))
}

static MID_SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)SUBJECT\s*:").expect("static regex"));
static PREV_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:FROM|TO|THROUGH|THRU)\s*:").expect("static regex"));
static SUBJECT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)|\s[IVX]{1,4}\.\s|\*\*|(?-u:\b)\d{1,2}/\d{1,2}/\d{2,4}(?-u:\b)").expect("static regex")
});

/// A heading read row by row puts the subject's two halves around its label:
/// `FROM: DH Your Meeting with Chinese Vice Foreign Minister SUBJECT: Liu Huaqiu DI Friday`.
fn flattened_subject(n: &Normalized, body_start: usize) -> Option<Spanned<String>> {
    let text = &n.text;
    let line = lines(text)
        .filter(|l| l.start >= body_start)
        .take(80)
        .find(|l| l.text.len() > 150 && MID_SUBJECT.is_match(l.text))?;
    let t = line.text;
    let m = MID_SUBJECT.find(t)?;
    let before_start = PREV_LABEL
        .find_iter(&t[..m.start()])
        .last()
        .map_or(0, |p| p.end());
    let before = &t[before_start..m.start()];
    let after_all = &t[m.end()..];
    let after = &after_all[..SUBJECT_END
        .find(after_all)
        .map_or(after_all.len().min(120), |e| e.start())];
    let mut parts = Vec::new();
    let before_clean = crate::lines::trim_margin_letters(before)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // The first half counts only when it reads as words, not as an office and a name.
    if before_clean.split_whitespace().count() >= 3 && !before.contains(" - ") {
        parts.push(before_clean);
    }
    let after_clean = crate::lines::trim_margin_letters(after)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if !after_clean.is_empty() {
        parts.push(after_clean);
    }
    let value = parts.join(" ");
    if value.split_whitespace().count() < 2 {
        return None;
    }
    let start = if parts.len() == 2 {
        line.start + before_start
    } else {
        line.start + m.end()
    };
    Some(
        Spanned::new(value, n.span(start, line.start + m.end() + after.len())).with_confidence(0.7),
    )
}

// The first numbered paragraph; failing that, a cable's text right after its REF line.
static FIRST_PARA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\W{0,3}1\s?[.,)]\s+").expect("static regex"));
static AFTER_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[^\w\n]{0,3}(?:[a-z]\s)?RE[FYIS][A-Z]{0,3}[:;.]?\s[^\n]*\n(?:[^\n]{0,25}\n|\s*\n)*?[^\w\n]{0,3}(?:[a-z]\s)?(?P<body>[A-Z][A-Z0-9,'/\-]*(?:[ \t]+[A-Z0-9,'/\-]+){3})").expect("static regex")
});

/// Most words taken from a first sentence.
const SENTENCE_WORDS: usize = 30;

fn first_sentence(n: &Normalized, body_start: usize) -> Option<Spanned<String>> {
    let text = &n.text;
    let end = body_start + crate::lines::window(text, body_start, 20_000).len();
    let region = &text[body_start..end];
    let start = match FIRST_PARA.find(region) {
        Some(m) => body_start + m.end(),
        None => body_start + AFTER_REF.captures(region)?.name("body")?.start(),
    };
    let rest = &text[start..end];
    // Up to the sentence's end: a period before white space, or a blank line.
    let mut stop = rest.len();
    let bytes = rest.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'.' && bytes.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()) && i > 10 {
            stop = i;
            break;
        }
        if b == b'\n' && bytes.get(i + 1) == Some(&b'\n') && i > 10 {
            stop = i;
            break;
        }
    }
    let sentence = &rest[..stop];
    let mut words: Vec<&str> = sentence.split_whitespace().collect();
    words.truncate(SENTENCE_WORDS);
    let value = words.join(" ");
    if value.chars().filter(|c| c.is_alphabetic()).count() < 10 {
        return None;
    }
    let last = words.last().copied().unwrap_or("");
    let span_end = sentence.find(last).map_or(stop, |_| {
        sentence.rfind(last).map_or(stop, |p| p + last.len())
    });
    Some(Spanned::new(value, n.span(start, start + span_end)).with_confidence(0.5))
}

fn subject(n: &Normalized, body_start: usize) -> Option<Spanned<String>> {
    let text = &n.text;
    let all: Vec<Line<'_>> = lines(text)
        .filter(|l| l.start >= body_start)
        .take(400)
        .collect();
    for (i, line) in all.iter().enumerate() {
        let Some(m) = LABEL
            .captures(line.text)
            .filter(|c| c.name("w").is_some_and(|w| is_label(w.as_str())))
            .and_then(|c| c.get(0))
        else {
            continue;
        };
        let first = line.text[m.end()..].trim();
        let mut start = line.start
            + m.end()
            + (line.text[m.end()..].len() - line.text[m.end()..].trim_start().len());
        let mut end = start + first.len();
        let mut parts: Vec<&str> = Vec::new();
        if !first.is_empty() {
            parts.push(first);
        }
        let mut j = i + 1;
        let mut blanks = 0;
        while j < all.len() && parts.len() < MAX_LINES {
            let next = &all[j];
            if next.is_blank() {
                blanks += 1;
                // One blank line may sit inside a wrapped subject (OCR exports double-space).
                if blanks > 1 || parts.last().is_some_and(|p| p.ends_with('.')) {
                    break;
                }
                j += 1;
                continue;
            }
            let title_is_upper = parts.first().is_some_and(|p| upper_ratio(p) > 0.9);
            if is_stop(next, title_is_upper) {
                break;
            }
            let (t, s) = next.trimmed();
            if parts.is_empty() {
                start = s;
            }
            parts.push(t);
            end = s + t.len();
            blanks = 0;
            j += 1;
        }
        if parts.is_empty() {
            continue;
        }
        let mut value = String::new();
        for p in parts {
            if value.ends_with('-') && p.starts_with(|c: char| c.is_lowercase()) {
                value.pop(); // `Mention-` + `ing` = `Mentioning`
            } else if !value.is_empty() {
                value.push(' ');
            }
            value.push_str(p);
        }
        if value.len() > MAX_CHARS {
            let mut cut = MAX_CHARS;
            while !value.is_char_boundary(cut) {
                cut -= 1;
            }
            value.truncate(cut);
        }
        let value = value
            .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
            .to_string();
        if value.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            continue;
        }
        return Some(Spanned::new(value, n.span(start, end)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn title(s: &str) -> Option<String> {
        extract(&normalize(s), 0).map(|t| t.value)
    }

    #[test]
    fn wrapped_subject_across_blank_lines_stops_at_heading() {
        // State seed 004.
        let t = "SUBJECT:\n\nSuggested letter from Secretary Baker to Foreign\n\nMinister Qian Qichen\n\n#### ISSUE FOR DECISION\n\nWhether to sign";
        let n = normalize(t);
        let s = extract(&n, 0).unwrap();
        assert_eq!(
            s.value,
            "Suggested letter from Secretary Baker to Foreign Minister Qian Qichen"
        );
        assert!(t[s.span.start..s.span.end].starts_with("Suggested"));
        assert!(t[s.span.start..s.span.end].ends_with("Qichen"));
    }

    #[test]
    fn hyphen_breaks_are_joined() {
        // JFK 104-10056-10107.
        let t = "SUBJECT : Follow-up to SLHORIZON-1 Report Mention-\ning Cuban Minister-Counselor Statement\non the Assassination of President Kennedy\n\n1. On 26 November";
        assert_eq!(
            title(t).unwrap(),
            "Follow-up to SLHORIZON-1 Report Mentioning Cuban Minister-Counselor Statement on the Assassination of President Kennedy"
        );
    }

    #[test]
    fn subject_stops_at_next_label_and_numbered_paragraph() {
        // JFK 104-10300-10396.
        let t = "FRO: Robert W. Gambino\nDirector of Security\n\nSUBJECT: Allegations Regarding\nLee Harvey Oswald File\n\nJohn: 7\n\n1. The attached was brought";
        assert_eq!(
            title(t).unwrap(),
            "Allegations Regarding Lee Harvey Oswald File"
        );
    }

    #[test]
    fn ocr_variants_of_the_label() {
        assert_eq!(
            title("SUBJ -- TERMINATION OF AMMUG/1\n").unwrap(),
            "TERMINATION OF AMMUG/1"
        );
        assert_eq!(
            title("SUBJECT ; Meeting with Castro\n").unwrap(),
            "Meeting with Castro"
        );
        assert_eq!(title("no subject here\n"), None);
        // JFK 104-10303-10008: OCR read SUBJECT as SUBIECT.
        assert_eq!(
            title("SUBIECT : ISD Support to Other Agencies\n\n1. Technical").unwrap(),
            "ISD Support to Other Agencies"
        );
    }

    #[test]
    fn subject_halves_around_a_flattened_label() {
        // State seed 000.
        let t = "The Secretary () DOWNGRADE TS to () S or 1 TO: THROUGH: P - Mr. Tarnoff PAS EAP - Winston Lord V FROM: DH Your Meeting with Chinese Vice Foreign Minister SUBJECT: Liu Huaqiu DI Friday, November 5, 3:00-3:30 p.m., RH Your Office ESP I. **OBJECTIVES**\n";
        assert_eq!(
            title(t).unwrap(),
            "Your Meeting with Chinese Vice Foreign Minister Liu Huaqiu"
        );
    }

    #[test]
    fn cables_without_a_subject_take_their_first_sentence() {
        // JFK 104-10003-10183 (abridged).
        let n = normalize("DIR CITE A916\nREF DIR 23726\n| 1. POSSIBLY DUE CONTINUED AND UNEXPECTEDLY STRONG TIPSTAFF/1\n/CONTROL OVER TIPSTAF ORGANIZATION, WE NEVER RECEIVED REF RESULTS. 27 MAY TIPSTAFF SAID\n");
        let t = extract(&n, 0).unwrap();
        assert!(t.value.starts_with("POSSIBLY DUE CONTINUED"), "{}", t.value);
        assert!(t.value.ends_with("REF RESULTS"), "{}", t.value);
        assert_eq!(t.confidence, Some(0.5));
        // JFK 104-10183-10019: no numbered paragraph; the text follows the REF line.
        let n = normalize("TO ROME . INFO. i: CHE DR 2 5 3\nKEYWAY PBROMEN AMWHIP\nREF: DIR 64665 (28 Aug. 63) *\nDUE PRESS PRIVATE BUSINESS, RECENT TRIP KUBARK BEHALF, AND\nDELAY ENROUTE FOR KUBARK BUSINESS PARTS.\n");
        assert!(extract(&n, 0)
            .unwrap()
            .value
            .starts_with("DUE PRESS PRIVATE BUSINESS"));
    }
}
