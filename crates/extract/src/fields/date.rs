//! Document date: every written date is a candidate; position and labels pick the one
//! that dates the document. Review, release, print and receipt dates are decoys
//! (FIELDS.md §1), and so are dates inside prose sentences.

use crate::lines::upper_ratio;
use crate::normalize::Normalized;
use declass_model::{DatePrecision, DocDate};
use regex::Regex;
use std::sync::LazyLock;

/// A date written somewhere in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateHit {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub precision: DatePrecision,
    pub start: usize,
    pub end: usize,
}

impl DateHit {
    pub fn value(&self) -> String {
        match self.precision {
            DatePrecision::Day => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
            DatePrecision::Month => format!("{:04}-{:02}", self.year, self.month),
            DatePrecision::Year => format!("{:04}", self.year),
        }
    }
}

const MONTH: &str = r"(jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";

static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let pats = [
        // 1993/11/03, 1993-11-03
        r"(?P<iy>(?:19|20)\d\d)[/\-.](?P<im>[01]?\d)[/\-.](?P<id>[0-3]?\d)",
        // 230300Z JAN 77 (date-time group)
        &format!(r"(?P<gd>[0-3]\d)[0-2]\d[0-5]\d[Z27]\s*(?P<gm>{MONTH})\s*(?P<gy>\d{{2,4}})"),
        // November 3, 1993 / Nov. 3 1993
        &format!(r"(?P<mm>{MONTH})\s+(?P<md>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<my>\d{{4}}|'\d\d)"),
        // 29 MAR 1977, 1MAY96, 29 Mar 77, 3 November 1993
        &format!(r"(?P<dd>[0-3]?\d)\s*(?P<dm>{MONTH})\s*,?\s*(?P<dy>(?:19|20)\d\d|'?\d\d)"),
        // 18. December 1975 (the day's point; with a four-digit year only: `2. JULY 22` is
        // a paragraph's number before a month's day)
        &format!(r"(?P<pd>[0-3]?\d)\.[ \t]*(?P<pm>{MONTH})\s*,?\s*(?P<py>(?:19|20)\d\d)"),
        // 10/30/93, 03/29/1977
        r"(?P<nm>[01]?\d)/(?P<nd>[0-3]?\d)/(?P<ny>(?:19|20)\d\d|\d\d)",
        // December 1993 (month precision)
        &format!(r"(?P<ym>{MONTH})\s+(?P<yy>(?:19|20)\d\d)"),
    ];
    Regex::new(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", pats.join("|"))).expect("static regex")
});

/// The month a name or abbreviation names (`AUGUST`, `Aug.`, `SEPT`).
pub(crate) fn month_number(s: &str) -> Option<u32> {
    let l = s.trim_end_matches('.').to_ascii_lowercase();
    let m = match l.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Two-digit years: 30–99 are 19xx, 00–29 are 20xx (declassified records span 1930–2029).
fn year_number(s: &str) -> Option<i32> {
    let digits = s.trim_start_matches('\'');
    let y: i32 = digits.parse().ok()?;
    let y = match digits.len() {
        2 if y >= 30 => 1900 + y,
        2 => 2000 + y,
        4 => y,
        _ => return None,
    };
    (1900..=2030).contains(&y).then_some(y)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

pub(crate) fn valid(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// Every parseable date in `text`, with offsets relative to `text`.
pub fn find_dates(text: &str) -> Vec<DateHit> {
    let mut out = Vec::new();
    // Find first (fast), then read the groups of each match only.
    for found in DATE_RE.find_iter(text) {
        let Some(c) = DATE_RE.captures(found.as_str()) else {
            continue;
        };
        let Some(whole) = c
            .get(0)
            .map(|w| (found.start() + w.start(), found.start() + w.end()))
        else {
            continue;
        };
        let g = |n: &str| c.name(n).map(|m| m.as_str());
        let parsed = if let (Some(y), Some(m), Some(d)) = (g("iy"), g("im"), g("id")) {
            Some((
                year_number(y),
                m.parse().ok(),
                d.parse().ok(),
                DatePrecision::Day,
            ))
        } else if let (Some(d), Some(m), Some(y)) = (g("gd"), g("gm"), g("gy")) {
            Some((
                year_number(y),
                month_number(m),
                d.parse().ok(),
                DatePrecision::Day,
            ))
        } else if let (Some(m), Some(d), Some(y)) = (g("mm"), g("md"), g("my")) {
            Some((
                year_number(y),
                month_number(m),
                d.parse().ok(),
                DatePrecision::Day,
            ))
        } else if let (Some(d), Some(m), Some(y)) = (
            g("dd").or_else(|| g("pd")),
            g("dm").or_else(|| g("pm")),
            g("dy").or_else(|| g("py")),
        ) {
            Some((
                year_number(y),
                month_number(m),
                d.parse().ok(),
                DatePrecision::Day,
            ))
        } else if let (Some(m), Some(d), Some(y)) = (g("nm"), g("nd"), g("ny")) {
            Some((
                year_number(y),
                m.parse().ok(),
                d.parse().ok(),
                DatePrecision::Day,
            ))
        } else if let (Some(m), Some(y)) = (g("ym"), g("yy")) {
            Some((
                year_number(y),
                month_number(m),
                Some(1),
                DatePrecision::Month,
            ))
        } else {
            None
        };
        if let Some((Some(year), Some(month), Some(day), precision)) = parsed {
            if valid(year, month, day) {
                out.push(DateHit {
                    year,
                    month,
                    day: if precision == DatePrecision::Day {
                        day
                    } else {
                        0
                    },
                    precision,
                    start: whole.0,
                    end: whole.1,
                });
            }
        }
    }
    out
}

// Labels that mark a date as something other than the document's own date (a line that
// opens with REF or REFERENCES dates the message it refers to).
// A microfilming stamp's word, alone at its line's start (`MICROFILMED`, OCR's `MICROFILMEO`).
static MICROFILM_STAMP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\W{0,3}MICRO\s?FILM").expect("static regex"));
// A printout's page number under its print date (`Date : 08/07/95` / `Page : 1`, the header
// atop each page of an identification form printed in the 1990s).
static PRINT_PAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\W{0,3}Page\s*[:;.]\s*\d{1,3}\W{0,3}$").expect("static regex"));

static DECOY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)review|releas|declass|downgrad|printed|received|(?-u:\b)recd(?-u:\b)|case\s*#|date of last|(?-u:\b)D?P?OB(?-u:\b)|born|expir|edition|replaces|date of[,\s]*(?:[:;.]|info|acq|birth)|(?-u:\b)DECL(?-u:\b)|(?-u:\b)drafted(?-u:\b)|Drafted|(?-u:\b)cleared(?-u:\b)|^\W{0,3}refs?(?:erences?)?(?-u:\b)")
        .expect("static regex")
});

// `DATE:` right before the date, wherever it stands on the line (`To : File DATE: 17 June`).
static LABEL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:[dpo]ate|dated)(?:\s+[a-z][a-z0-9]{1,5}\.?)?\W{0,6}$")
        .expect("static regex")
});
// A header row naming the dates below it (`DATE TYPED DATE DISPATCHED`).
static DATE_HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)DATE(?-u:\b)").expect("static regex"));

static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W{0,3}(?:[dpob]ate|dated|date typed)\s*[:.;]").expect("static regex")
});

/// The one full date written in a form value (`04/06/1968`, `3/17/1963 .`).
pub fn day_date(value: &str) -> Option<DateHit> {
    find_dates(value)
        .into_iter()
        .find(|h| h.precision == DatePrecision::Day)
}

/// The DATE of a cover form, with the span of its value.
pub fn from_form(f: &crate::fields::form::Form) -> Option<(DocDate, usize, usize)> {
    let v = f.get(crate::fields::form::Key::Date)?;
    let hit = day_date(&v.value)?;
    // The database behind NARA's identification forms printed its empty date as 01/01/1900.
    if hit.value() == "1900-01-01" {
        return None;
    }
    Some((
        DocDate {
            value: hit.value(),
            precision: DatePrecision::Day,
            span: declass_model::Span::default(),
            confidence: None,
        },
        v.start,
        v.end,
    ))
}

/// The document's own date, or `None` when no candidate is convincing. Text in `skip`
/// (a cover form, whose dates are print and review dates) is not read.
pub fn extract(n: &Normalized, skip: std::ops::Range<usize>) -> Option<DocDate> {
    let text = &n.text;
    let mut best: Option<(f32, DateHit)> = None;
    let starts = n.line_starts();
    let line_at = |i: usize| -> &str {
        let s = starts[i];
        let e = starts.get(i + 1).map_or(text.len(), |&e| e - 1);
        &text[s..e]
    };
    for h in find_dates(text) {
        if h.start >= skip.start && h.start < skip.end {
            continue;
        }
        let idx = starts.partition_point(|&s| s <= h.start) - 1;
        let trimmed = line_at(idx).trim();
        // The label of the line above (blank lines skipped) may make a short line a decoy.
        // At most a few lines up: a hostile run of blank lines must not make this quadratic.
        let prev = (idx.saturating_sub(4)..idx)
            .rev()
            .map(line_at)
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim();
        let line_start = starts[idx];
        let from = h.start.saturating_sub(16).max(line_start);
        let before = crate::lines::window(text, from, h.start - from);
        let labelled = DATE_LABEL.is_match(trimmed) || LABEL_BEFORE.is_match(before);
        // A decoy label on the line, or on the line above a short unlabelled one; a
        // microfilm stamp's date stands over its word too (`MAY 15 1975` / `MICROFILMED`).
        let below = || {
            (idx + 1..(idx + 3).min(starts.len()))
                .map(line_at)
                .find(|l| !l.trim().is_empty())
        };
        let stamp_below = || below().is_some_and(|l| MICROFILM_STAMP.is_match(l));
        let print_header = || trimmed.len() < 40 && below().is_some_and(|l| PRINT_PAGE.is_match(l));
        if DECOY_LABEL.is_match(trimmed)
            || (!labelled && trimmed.len() < 40 && (DECOY_LABEL.is_match(prev) || stamp_below()))
            || print_header()
        {
            continue;
        }
        // Earlier is better: the dateline sits in the heading.
        let mut score = 10.0 - (idx as f32 / 8.0).min(9.0);
        // A date set apart by a wide gap stands in a column of its own (`No. 1045` ...
        // `June 12, 1985`): the rest of its line is another column's, not its sentence.
        let trimmed = column(
            text,
            line_start,
            line_start + line_at(idx).len(),
            h.start,
            h.end,
        );
        let rest = trimmed.len() as f32 - (h.end - h.start) as f32;
        if rest <= 12.0 {
            score += 4.0; // the date stands on its own line
        }
        if labelled {
            score += 3.0;
        } else if DATE_HEADER.is_match(prev) && prev.len() < 60 {
            score += 2.0;
        }
        // Inside a sentence of prose: a decoy more often than not.
        if trimmed.len() > 60
            && rest > 40.0
            && (upper_ratio(trimmed) < 0.5 || !labelled && crate::lines::long_prose_line(trimmed))
        {
            score -= 6.0;
        }
        if h.precision != DatePrecision::Day {
            score -= 2.0;
        }
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, h));
        }
    }
    let (score, hit) = best?;
    if score < LEAST_SCORE {
        return None;
    }
    let confidence = if score >= 10.0 {
        None
    } else {
        Some((score / 10.0).clamp(0.2, 0.95))
    };
    Some(DocDate {
        value: hit.value(),
        precision: hit.precision,
        span: n.span(hit.start, hit.end),
        confidence,
    })
}

/// The text of the column holding `start..end` on the line `line_start..line_end`, trimmed:
/// bounded by runs of three spaces or more.
fn column(text: &str, line_start: usize, line_end: usize, start: usize, end: usize) -> &str {
    const GAP: &str = "   ";
    let from = text[line_start..start]
        .rfind(GAP)
        .map_or(line_start, |i| line_start + i);
    // (a date may run over the line's end: `7 August` / `1964`)
    let to = text
        .get(end..line_end)
        .and_then(|after| after.find(GAP))
        .map_or(line_end, |i| end + i);
    text[from..to].trim()
}

/// The least score of the document's date. Below it: a date inside a sentence (in a
/// cable's body with no heading, every date is a date of the events told), or one deep in
/// the text on a line of other words.
const LEAST_SCORE: f32 = 4.5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn one(s: &str) -> (String, &str) {
        let hits = find_dates(s);
        assert_eq!(hits.len(), 1, "{s}: {hits:?}");
        (hits[0].value(), &s[hits[0].start..hits[0].end])
    }

    #[test]
    fn written_forms_from_the_dev_data() {
        assert_eq!(one("1993/11/03"), ("1993-11-03".into(), "1993/11/03"));
        assert_eq!(one("29 MAR 1977"), ("1977-03-29".into(), "29 MAR 1977"));
        assert_eq!(one("GAMBINO:rjw (29 Mar 77)").0, "1977-03-29");
        assert_eq!(one("Date: 1MAY96 S/S").0, "1996-05-01");
        assert_eq!(one("Friday, November 5, 1993").0, "1993-11-05");
        assert_eq!(one("(x7-9141, 10/30/93, SECMPOL 8868)").0, "1993-10-30");
        assert_eq!(one("DATE : 04/06/1968").0, "1968-04-06");
        assert_eq!(one("TOR: 071840Z MAR 76 92099").0, "1976-03-07");
        assert_eq!(one("To : *File DATE: 16 November 1965").0, "1965-11-16");
        assert_eq!(one("in December 1993 the").0, "1993-12");
        // JFK 104-10312-10384, 104-10056-10107: the day with its point
        assert_eq!(one("a 18. December 1975").0, "1975-12-18");
        assert_eq!(one("| Date 25. March 1959").0, "1959-03-25");
        // (a paragraph's number before a month's day is none: `2. JULY 22`)
        assert!(find_dates("2. JULY 22 MEETING WAS HELD").is_empty());
    }

    #[test]
    fn impossible_dates_are_not_dates() {
        assert!(find_dates("31/31/93 and 1993/13/40 and 30 FEB 1990").is_empty());
    }

    #[test]
    fn seed_header_date_wins_over_review_stamp() {
        // State seed 000: collection date on top; `Date: 1MAY96` is the review stamp.
        let n = normalize("01639\n\n1993/11/03\n\nBRIEFING MEMORANDUM DEPARTMENT OF STATE Date: 1MAY96 S/S I W RELEASE () DECLASSIFY\n");
        let d = extract(&n, 0..0).unwrap();
        assert_eq!(d.value, "1993-11-03");
        assert_eq!(&n.text[d.span.start..d.span.end], "1993/11/03");
    }

    #[test]
    fn typed_date_beats_later_prose_and_typist_line() {
        // JFK 104-10300-10396: typed date first, a decoy in the prose later.
        let n = normalize("104-10300-10396\n\n29 MAR 1977\n\nMEMORANDUM FOR: Inspector General\n\n2. I am advised that he has been requested to return to Washington. He\nWill be available for interview after 30 March 1977 or so, as he said.\n");
        assert_eq!(extract(&n, 0..0).unwrap().value, "1977-03-29");
    }

    #[test]
    fn a_date_in_a_column_of_its_own_is_the_dateline() {
        // made up, in INR's report form: the paper's number and its date on one line, wide
        // apart (the line as a whole had read as a sentence)
        let t = "CONFIDENTIAL\n\nINTELLIGENCE RESEARCH REPORT\n\nNo. 1045                                         June 12, 1985\n\nCHINA: THE PROGRESS OF ECONOMIC REFORM\n";
        let n = normalize(t);
        let d = extract(&n, 0..0).unwrap();
        assert_eq!(
            (d.value.as_str(), &n.text[d.span.start..d.span.end]),
            ("1985-06-12", "June 12, 1985")
        );
    }

    #[test]
    fn ocr_damaged_dtg_beats_a_birth_date() {
        // JFK 104-10065-10102: `Z` read as `7`; the DPOB date in the body is a decoy.
        let n = normalize("TOTs 2620567 MAY 78 - DIRECTOR 229921\nSECRET\n1. SUBJECT: LICOOKY=1 DPOB; 24 AUG 1927,\n");
        assert_eq!(extract(&n, 0..0).unwrap().value, "1978-05-26");
    }

    #[test]
    fn labels_beside_the_date_and_form_editions() {
        // JFK 104-10161-10376: a form edition line above; DATE: mid-line beside the addressee.
        let n = normalize("FORM NO. 64\n4 MAY 1942 EDITION.\n\nTo : File DATE: 17 June 1968\n");
        assert_eq!(extract(&n, 0..0).unwrap().value, "1968-06-17");
        // JFK 104-10186-10083: `pate oste.` is DATE DISTR.; DATE OF (INFO) is a decoy.
        let n = normalize(
            "REPORT\nsunker (an alias) : pate oste. «= 8 February 1965\nDATE OF, : . 8 July 1964\n",
        );
        assert_eq!(extract(&n, 0..0).unwrap().value, "1965-02-08");
        // JFK 104-10186-10342: DATE DISTR read as `DATE Ci5TR.`; the date under REFERENCES
        // is the referenced report's.
        let n = normalize("countay Cuba REPORT NO. CS CI-316/00630-65\nsupect . Oreste VARBLA (alias \"Odon\") DATE Ci5TR. 10 February 1965\n\nNO. PAGES 1\n\nREFERENCES CSCI-316/00252-64\n\n21 July 1964\n");
        assert_eq!(extract(&n, 0..0).unwrap().value, "1965-02-10");
    }

    #[test]
    fn a_reference_line_dates_another_message() {
        // JFK 104-10063-10285 (abridged): the dispatch's own date stands 50 lines further
        // down, under its text; the reference's, near the top, used to win.
        let text = format!(
            "Action; See paragraph 3\nReference; \u{201c}OCOA-14721, 30 September 1969\n\n1. As you will note in paragraph 7 of the Reference, we\n{}\n4 November 1969.\n",
            "asked them to give us compiled information that they have on\n".repeat(50)
        );
        assert_eq!(
            extract(&normalize(&text), 0..0).unwrap().value,
            "1969-11-04"
        );
        // A cable's REF line (JFK 104-10073-10353): the date above it stays the cable's.
        let n = normalize("1 SEPT 76 0900\n\nDCD/MIAMI\n\nREF: DCD MIAMI 13488, 31 AUG 76\n");
        assert_eq!(extract(&n, 0..0).unwrap().value, "1976-09-01");
    }

    #[test]
    fn a_microfilm_stamps_date_is_a_decoy() {
        // JFK 104-10408-10335 (lines): the stamp's date over its word, the typed date's year
        // cut by the OCR
        let n = normalize("Memo No. 225\n\nMAY 15 1975 2 December 191\nMICROFILMED\nMEMORANDUM FOR: DC/CI 3\n\nSUBJECT: Lee Harvey OSWALD\n");
        assert_eq!(extract(&n, 0..0), None);
        // the same line without the stamp under it dates the memo
        let n = normalize("Memo No. 225\n\nMAY 15 1975 2 December 191\nMEMORANDUM FOR: DC/CI 3\n\nSUBJECT: Lee Harvey OSWALD\n");
        assert_eq!(
            extract(&n, 0..0).map(|d| d.value),
            Some("1975-05-15".into())
        );
    }

    #[test]
    fn a_printouts_date_over_its_page_number_is_a_decoy() {
        // JFK 157-10014-10186 (lines): the header atop a 1995 printout of the identification
        // form; the memo's own date is typed further down.
        let tail = "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY\nRECORD NUMBER\n\nMEMORANDUM\n\nDate: September 5, 1975\n";
        let n = normalize(&format!("Date : 08/07/95\nPage : 1\n{tail}"));
        assert_eq!(extract(&n, 0..0).unwrap().value, "1975-09-05");
        // the same date with no page number under it is the document's
        let n = normalize(&format!("Date : 08/07/95\n{tail}"));
        assert_eq!(extract(&n, 0..0).unwrap().value, "1995-08-07");
    }

    #[test]
    fn dates_in_a_cables_sentences_are_not_its_date() {
        // cables-ner 1975TOKYO16130 and 1979USUNN04958, bodies with no heading: the dates are
        // a statistic's and a speech's
        let tokyo = "1. ACCORDING TO FIGURES RELEASED BY\n\n\nSTATISTICS BUREAU OF PRIMIN'S OFFICE\n\n\nON NOV 7, NUMBER OF JAPANESE UNEMPLOYED TOTALED 990,000 IN SEPT, AN INCREASE OF 50,000 FROM AUG. SEASONALLY ADJUSTED UNEMPLOYMENT RATE FOR SEPT REACHED 1.93 PERCENT, THE HIGHEST SINCE NOV 1959. NUMBER OF WORKERS EMPLOYED IN MANUFACTURING SECTOR\n";
        assert_eq!(extract(&normalize(tokyo), 0..0), None);
        let usun = "1. THE FOLLOWING IS THE FULL TEXT OF SECRETARY OF STATE VANCE'S SPEECH TO THE UNITED NATIONS PLEDGING CONFERENCE FOR EMERGENCY HUMANITARIAN RELIEF TO THE PEOPLE OF KAMPUCHEA, NOVEMBER 5, 1979.\n\n\n2. BEGIN TEXT: \"MR. SECRETARY GENERAL, LET ME THANK YOU\n";
        assert_eq!(extract(&normalize(usun), 0..0), None);
        // a cable's own date-time group over such a body is still its date
        let dated = format!("R 100512Z NOV 75\nFM AMEMBASSY TOKYO\n{tokyo}");
        assert_eq!(
            extract(&normalize(&dated), 0..0).unwrap().value,
            "1975-11-10"
        );
    }

    #[test]
    fn review_dates_alone_give_no_date() {
        let n = normalize("DATE OF LAST REVIEW : 08/11/93\nReleased on 08-05-2022\n");
        assert_eq!(extract(&n, 0..0), None);
    }

    #[test]
    fn a_forms_empty_date_is_no_date() {
        // JFK 104-10103-10280 (abridged): the form's DATE is the database's empty value
        let form = |date: &str| {
            let t = format!("JFK ASSASSINATION SYSTEM\n\nIDENTIFICATION FORM\n\nAGENCY INFORMATION\n\nAGENCY : CIA\n\nDOCUMENT INFORMATION\n\nTITLE\n\nDATE\n\nPAPER ON OSWALD/CUBAN CONNECTION.\n\n{date}\n\nSUBJECTS : CUBA\n");
            crate::fields::form::extract(&normalize(&t)).and_then(|f| from_form(&f))
        };
        assert_eq!(form("01/01/1900"), None);
        assert_eq!(
            form("01/02/1964").map(|d| d.0.value),
            Some("1964-01-02".to_string())
        );
    }
}
