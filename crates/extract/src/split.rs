//! Splitting: a file that holds several documents (the scan of a whole folder) is cut
//! where a new document's header starts at the top of a page.
//!
//! Only page tops are candidates, and only a full header counts: a subject line with a
//! sender or recipient and a third heading element (date, another routing label, or a
//! document title such as `MEMORANDUM OF CONVERSATION`); or a letterhead
//! (`Washington, D.C. 20520`) with a routing label; or a cover form's title
//! (`IDENTIFICATION FORM`, `WITHDRAWAL SHEET`); or `PAGE 01` / `Page 1 of 3`. Three things keep pages
//! together that look like a new start but are not:
//! - a continuation marker at the top (`-2-`, `Page 2 of 5`, `PAGE 02`, `(continued)`);
//! - a part so far with no body of its own: a cover sheet, routing slip or record
//!   identification form belongs to the document behind it;
//! - attachments a part lists (`Attachments:`, `Tab 1 - ...`): the next new starts,
//!   as many as it lists, are those attachments, which extraction keeps as child records
//!   of the same document.

use crate::lines::lines;
use crate::normalize::Normalized;
use regex::Regex;
use std::sync::LazyLock;

/// One document of a file: a byte range of the normalized text and its pages (1-based,
/// inclusive, counted in the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub start: usize,
    pub end: usize,
    pub first_page: u32,
    pub last_page: u32,
}

/// Non-blank lines at the top of a page where a header must be (a telegram's INFO list
/// can push its SUBJECT line down).
const TOP_LINES: usize = 25;
/// Words in full lines (6 words or more) a part needs before a new document may start:
/// about three lines of prose.
const BODY_WORDS: usize = 30;

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[^\w\n]{0,3}(MEMORANDUM FOR|MEMO FOR|TO|THRU|THROUGH|FROM|FRO|FM|SUBJECT|SUBJ|SUBJECT\s*;|RE|DATE|INFO)\s*[:;.]?(?:\s|$)",
    )
    .expect("static regex")
});
const TITLE: &str = r"(?i)^\W{0,3}(MEMORANDUM OF CONVERSATION|BRIEFING MEMORANDUM|ACTION MEMORANDUM|INFORMATION MEMORANDUM|MEMORANDUM FOR THE RECORD|MEMORANDUM|DISPATCH|AIRGRAM|(?:OUTGOING |INCOMING )?TELEGRAM|LETTER OF TRANSMITTAL)\s*$";
// A letterhead's city line (`Washington, D. C. 20520`): first pages carry it, later
// pages do not.
const LETTERHEAD: &str = r"(?i)^\W{0,3}WASHINGTON,?\s*D\.?\s?C\.?(?:\s+\d{5})?\W{0,3}$";
// A routing label anywhere in a line: OCR often runs a header block into one line.
const LABEL_INSIDE: &str = r"(?-u:\b)(?:TO|THRU|THROUGH|FROM|SUBJECT|To|From|Subject)\s?:";
// The first page of a paginated document (`PAGE 01` of a telegram, `Page 1 of 3`).
const FIRST_PAGE: &str = r"(?i)^\W{0,3}PAGE\s+0?1(?:\s+OF\s+\d+)?(?:\s|$)";
const CONTINUED: &str = r"(?i)^\W{0,3}(?:-\s?0*(?:[2-9]|[1-9]\d{1,3})\s?-|PAGE\s+0*(?:[2-9]|[1-9]\d{1,3})(?:\s+OF\s+\d+)?(?-u:\b).*|.*\((?:cont(?:inued|'d)?)\)\s*)$";
// An attachment listing: a heading (`Attachments:`, `Atts`) and its entries (`Tab 1 - ...`).
static ATTACHMENT_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?im)^[^\w\n]{0,3}(?:Attachments?|Atts?\.?|Enclosures?|Encls?\.?|Tabs?)[ \t]*:?[ \t]*$",
    )
    .expect("static regex")
});
static ATTACHMENT_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    // (an ASCII word boundary: a Unicode one stops the fast engine at the first `’` of a
    // page's OCR, which then runs the page through a slow one)
    Regex::new(r"(?m)^[^\w\n]{0,3}(?:Tab|TAB|Attachment|Enclosure)\s+[A-Z0-9]{1,3}(?-u:\b)")
        .expect("static regex")
});
// Export page markers (`## Page 3`) are not part of any header.
const EXPORT_MARKER: &str = r"^#{1,6}\s*Page\s+\d+\s*$";

// What a page's top lines are asked, in one set: the patterns above, in this order.
const TOP_EXPORT_MARKER: usize = 0;
const TOP_CONTINUED: usize = 1;
const TOP_FIRST_PAGE: usize = 2;
const TOP_FORM: usize = 3;
const TOP_TITLE: usize = 4;
const TOP_LETTERHEAD: usize = 5;
const TOP_LABEL_INSIDE: usize = 6;
const TOP_LABEL: usize = 7;
static PAGE_TOP: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    regex::RegexSet::new([
        EXPORT_MARKER,
        CONTINUED,
        FIRST_PAGE,
        crate::fields::form::form_header_pattern(),
        TITLE,
        LETTERHEAD,
        LABEL_INSIDE,
        LABEL.as_str(),
    ])
    .expect("static regex set")
});

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Label {
    To,
    From,
    Subject,
    Other(u8),
}

/// Whether the page starting at `start` (and ending at `end`) opens a new document.
fn opens_document(text: &str, start: usize, end: usize) -> bool {
    let mut labels: Vec<Label> = Vec::new();
    let mut title = false;
    let mut letterhead = false;
    let mut label_inside = false;
    for line in lines(&text[start..end])
        .filter(|l| !l.is_blank())
        .take(TOP_LINES)
    {
        let t = line.text.trim();
        // (one pass of the set over the line; most lines match none of them)
        let hit = PAGE_TOP.matches(t);
        if !hit.matched_any() || hit.matched(TOP_EXPORT_MARKER) {
            continue;
        }
        if hit.matched(TOP_CONTINUED) {
            return false;
        }
        // A record identification form or withdrawal sheet, or page 1 of a paginated
        // document: a new document by itself.
        if hit.matched(TOP_FIRST_PAGE) || hit.matched(TOP_FORM) {
            return true;
        }
        if hit.matched(TOP_TITLE) {
            title = true;
            continue;
        }
        if hit.matched(TOP_LETTERHEAD) {
            letterhead = true;
            continue;
        }
        label_inside |= hit.matched(TOP_LABEL_INSIDE);
        if let Some(c) = hit.matched(TOP_LABEL).then(|| LABEL.captures(t)).flatten() {
            let word = c[1].to_ascii_uppercase();
            let label = match word.split_whitespace().next().unwrap_or("") {
                "TO" | "MEMORANDUM" | "MEMO" => Label::To,
                "FROM" | "FRO" | "FM" => Label::From,
                "SUBJECT" | "SUBJ" | "RE" => Label::Subject,
                "THRU" | "THROUGH" => Label::Other(0),
                "DATE" => Label::Other(1),
                _ => Label::Other(2),
            };
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
    }
    let has = |l| labels.contains(&l);
    let routing = has(Label::To) || has(Label::From) || has(Label::Other(0));
    (has(Label::Subject) && routing && labels.len() + usize::from(title || letterhead) >= 3)
        || (letterhead && (routing || has(Label::Subject) || label_inside))
}

// A letter's head: the sender's office printed above it, or the city line.
static LETTER_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W{0,4}(?:THE\s+(?:DEPUTY\s+)?SECRETARY\s+OF\s+STATE|THE\s+WHITE\s+HOUSE|THE\s+PRESIDENT|(?:UNITED\s+STATES\s+)?DEPARTMENT\s+OF\s+STATE|WASHINGTON,?\s*D\.?\s?C\.?)(?-u:\b)")
        .expect("static regex")
});
static SALUTATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\W{0,3}Dear[\s\-]+\S").expect("static regex"));
/// Lines from a letter's head to its salutation, at most.
const HEAD_TO_SALUTATION: usize = 6;

/// Where documents stapled into this one start: pages inside it that open a document of
/// their own (the attachments [`split`] kept with the document that lists them), and
/// letters that follow the text of the memo carrying them (a letterhead, then `Dear ...`
/// within a few lines), once the document has a body of its own before them.
pub fn stapled(n: &Normalized) -> Vec<usize> {
    let text = &n.text;
    // One page and no salutation (most documents): no page top, no letter, nothing to scan.
    if n.page_starts.len() < 2 && !text.contains("Dear") {
        return Vec::new();
    }
    let mut out: Vec<usize> = Vec::new();
    let all: Vec<_> = n.lines_from(0).filter(|l| !l.is_blank()).collect();
    // Body words before each line, summed once: every document passes here, and a check
    // must not recount its text from the top (quadratic on a 1,000-page scan).
    let mut before = Vec::with_capacity(all.len());
    let mut words = 0;
    for l in &all {
        before.push(words);
        if words < BODY_WORDS {
            words += body_words(l.text, BODY_WORDS);
        }
    }
    let body_before = |at: usize| {
        before
            .get(all.partition_point(|l| l.start < at))
            .copied()
            .unwrap_or(words)
    };
    let page_end = |i: usize| n.page_starts.get(i + 1).copied().unwrap_or(text.len());
    for (i, &start) in n.page_starts.iter().enumerate().skip(1) {
        if body_before(start) >= BODY_WORDS && opens_document(text, start, page_end(i)) {
            out.push(start);
        }
    }
    // a letter: a salutation, and its head a few lines above it (the salutation looked for
    // first: `Dear` is rare, a head-like line is not)
    if text.contains("Dear") {
        for (s, l) in all.iter().enumerate() {
            if !l.text.contains("Dear") || !SALUTATION.is_match(l.text) {
                continue;
            }
            for i in s.saturating_sub(HEAD_TO_SALUTATION)..s {
                if before[i] >= BODY_WORDS && LETTER_HEAD.is_match(all[i].text) {
                    out.push(all[i].start);
                }
            }
        }
    }
    out.sort_unstable();
    // A letterhead on a page that opens a document: one start, the page's.
    out.dedup_by(|later, earlier| *later - *earlier < 400);
    out
}

/// How many attachments a text lists: its entries, or one for a bare heading.
fn listed_attachments(text: &str) -> usize {
    match ATTACHMENT_ENTRY.find_iter(text).count() {
        0 => usize::from(ATTACHMENT_HEADING.is_match(text)),
        n => n,
    }
}

/// Words in lines of prose (six tokens or more, most of them English words): the body a
/// part has so far, counted up to `cap`. OCR of a cover form's boxes gives long lines too
/// (`gl iccaasi| were Coatten es somcroed | nerananaide`), but not of words.
fn body_words(text: &str, cap: usize) -> usize {
    let mut words = 0;
    for l in lines(text) {
        if words >= cap {
            break;
        }
        let n = l.text.split_whitespace().count();
        if n >= 6 && declass_lexicon::prose(l.text).ratio() >= PROSE_RATIO {
            words += n;
        }
    }
    words
}

/// Share of a line's tokens that must be English words for it to be prose.
const PROSE_RATIO: f64 = 0.6;

/// The documents of one file, in order. A file with one page, or with no page that opens
/// a new document, is one part covering everything.
pub fn split(n: &Normalized) -> Vec<Part> {
    let text = &n.text;
    let starts = &n.page_starts;
    if starts.len() < 2 {
        return vec![Part {
            start: 0,
            end: text.len(),
            first_page: 1,
            last_page: 1,
        }];
    }
    let page_end = |i: usize| starts.get(i + 1).copied().unwrap_or(text.len());
    // A cover form's lines are not a body: the document starts behind it.
    let form = crate::fields::form::extract(n).map(|f| f.start..f.end);
    let body_of = |range: std::ops::Range<usize>| -> usize {
        match &form {
            Some(f) if f.start < range.end && range.start < f.end => {
                body_words(&text[range.start..f.start.max(range.start)], BODY_WORDS)
                    + body_words(&text[f.end.min(range.end)..range.end], BODY_WORDS)
            }
            _ => body_words(&text[range], BODY_WORDS),
        }
    };
    let mut parts = Vec::new();
    let mut part_start = 0usize;
    let mut first_page = 1u32;
    // Attachments listed and not yet seen, counted up to the page before `start`.
    let mut expected = 0usize;
    // The part's body so far, page by page (lines never cross a page), so no page is
    // counted twice however long the part runs before a document opens.
    let mut part_body = 0usize;
    for (i, &start) in starts.iter().enumerate().skip(1) {
        let page = starts[i - 1]..start;
        expected += listed_attachments(&text[page.clone()]);
        if part_body < BODY_WORDS {
            part_body += body_of(page);
        }
        if part_body < BODY_WORDS || !opens_document(text, start, page_end(i)) {
            continue;
        }
        if expected > 0 {
            expected -= 1;
            continue;
        }
        {
            parts.push(Part {
                start: part_start,
                end: start,
                first_page,
                last_page: i as u32,
            });
            part_start = start;
            first_page = i as u32 + 1;
            part_body = 0;
        }
    }
    parts.push(Part {
        start: part_start,
        end: text.len(),
        first_page,
        last_page: starts.len().max(1) as u32,
    });
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize;

    // Page 1 of the seed NODIS briefing memo (State, 1993), abridged.
    const MEMO: &str = "SECRET\nNODIS\n\nBRIEFING MEMORANDUM\n\nS/S\n\nTO: The Secretary\n\n\
FROM: EAP - Winston Lord\n\nSUBJECT: Your Meeting with PRC Vice Premier and Foreign Minister\nQian Qichen\n\n\
I. OBJECTIVES\n\nReassure Qian that we want to build a constructive relationship with China.\n\
Press him for concrete progress on human rights, nonproliferation and trade.\n\
Signal that the President's decision on MFN renewal next year depends on progress.\n";
    // The seed action memo (State, 1990), abridged (its lines wrapped).
    const ACTION: &str = "CONFIDENTIAL\n\nACTION MEMORANDUM\n\nTO: P - Robert M. Kimmitt\n\n\
FROM: EAP - Richard H. Solomon\n\nSUBJECT: Visit of PRC Foreign Minister Qian Qichen\n\n\
Issue for Decision\n\nWhether to sign attached letter to Foreign Minister Qian Qichen of the People's Republic\n\
of China. We are, as you know concerned that the Chinese view my expected travel as part of\n\
a serious dialogue, not merely a cosmetic step.\n";
    const CONTINUATION: &str = "SECRET\n\n-2-\n\nTO: continue the dialogue, the Chinese side\n\
SUBJECT: of human rights remains the central issue in our relationship.\nFROM: Beijing the view is different.\n";
    const COVER: &str = "JFK Assassination System\nIdentification Form\n\nAGENCY : CIA\n\
RECORD NUMBER : 104-10300-10396\nRECORD SERIES : JFK\nFROM :\nTO :\nTITLE :\nDATE : 03/20/79\n";

    fn parts(pages: &[&str]) -> Vec<(u32, u32, String)> {
        let n = normalize(&pages.join("\u{c}"));
        split(&n)
            .into_iter()
            .map(|p| {
                let first = n.text[p.start..p.end]
                    .lines()
                    .find(|l| !l.trim().is_empty());
                (p.first_page, p.last_page, first.unwrap_or("").to_string())
            })
            .collect()
    }

    #[test]
    fn a_scanned_folder_is_cut_where_each_memo_starts() {
        let got = parts(&[MEMO, ACTION, MEMO]);
        assert_eq!(
            got,
            vec![
                (1, 1, "SECRET".to_string()),
                (2, 2, "CONFIDENTIAL".to_string()),
                (3, 3, "SECRET".to_string())
            ]
        );
        // The parts cover the text exactly, in order.
        let n = normalize(&[MEMO, ACTION].join("\u{c}"));
        let p = split(&n);
        assert_eq!(
            (p[0].start, p[0].end, p[1].start, p[1].end),
            (0, p[1].start, p[0].end, n.text.len())
        );
    }

    #[test]
    fn the_seed_memos_scanned_together_are_two_documents() {
        // The action memo's OCR lost its SUBJECT label and title; its letterhead and
        // THRU line still mark a first page.
        let briefing = include_str!("../../../corpus/sample/seeds/000_79b9a1f4bfb66b60.txt");
        let action = include_str!("../../../corpus/sample/seeds/004_d82bf065194c113b.txt");
        let got = parts(&[action, briefing]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].2, "01639");
        // The briefing memo lists two tabs: the next two starts are its attachments.
        assert_eq!(parts(&[briefing, action]).len(), 1);
        assert_eq!(parts(&[briefing, action, action, action]).len(), 2);
    }

    #[test]
    fn a_folder_of_jfk_records_is_cut_at_each_identification_form() {
        // Three NARA releases (cover form, then the document), scanned as one file.
        let a = include_str!("../../../corpus/sample/jfk/104-10001-10008.txt");
        let b = include_str!("../../../corpus/sample/jfk/104-10006-10280.txt");
        let c = include_str!("../../../corpus/sample/jfk/104-10071-10119.txt");
        let got = parts(&[a, b, c]);
        assert_eq!(got.len(), 3, "{got:?}");
        for (part, file) in
            got.iter()
                .zip(["104-10001-10008", "104-10006-10280", "104-10071-10119"])
        {
            assert!(
                part.2.contains("DOCID") || part.2.contains("IDENTIFICATION"),
                "{part:?} {file}"
            );
        }
        // Each file alone is one document.
        for f in [a, b, c] {
            assert_eq!(parts(&[f]).len(), 1);
        }
    }

    #[test]
    fn a_telegram_folder_is_cut_at_each_page_01() {
        let cable = |n: &str| {
            format!("UNCLASSIFIED\nPAGE 01 STATE {n}\nACTION EAP-00\n\n1. THE AMBASSADOR CALLED ON THE FOREIGN MINISTER TODAY TO DISCUSS THE VISIT.\n2. THE MINISTER SAID HIS GOVERNMENT WOULD WELCOME AN EARLY DATE FOR THE TALKS AND WOULD REPLY SOON.\n3. WE WILL REPORT FURTHER WHEN WE HAVE HIS ANSWER IN WRITING.\n")
        };
        let second_page = "UNCLASSIFIED\nPAGE 02 STATE 057534\n4. COMMENT: NOTHING FURTHER.\n";
        let (a, b) = (cable("057534"), cable("057600"));
        let got = parts(&[&a, second_page, &b]);
        assert_eq!(
            got.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(),
            vec![(1, 2), (3, 3)]
        );
    }

    #[test]
    fn continuation_pages_stay_with_their_document() {
        assert_eq!(parts(&[MEMO, CONTINUATION]).len(), 1);
        let page_2 = format!("Page 2 of 3\n{ACTION}");
        assert_eq!(parts(&[MEMO, &page_2]).len(), 1);
    }

    #[test]
    fn a_cover_form_belongs_to_the_document_behind_it() {
        assert_eq!(
            parts(&[COVER, MEMO]),
            vec![(1, 2, "JFK Assassination System".to_string())]
        );
        // JFK 104-10273-10313: a document record form's boxes read as long lines of debris
        // (a few real words among them) are no body of its own either.
        let debris = "104-10273-10313]\u{2014}, veae oe ere ae NEW DOCUMENT RECORD,\nE Gye \u{201d} ae tpoions | t\n\
2 gases <sret Witte ATREATNEUTS * waite Racin | [Nun] W\n\
gl iccaasi| were Coatten es somcroed | nerananaide teromeecrer oucirll ox ive wissen iavchaner ree T\n\
Jocren Cecsicn To 119 Ounacrers| COORDINATE WITH (10 CHARACTERS) | CLES\n";
        assert_eq!(parts(&[debris, MEMO]).len(), 1);
        // Prose of the same length is a body: the memo after it is a document of its own.
        assert_eq!(parts(&[ACTION, MEMO]).len(), 2);
    }

    #[test]
    fn a_letter_stapled_behind_its_memo_starts_at_its_letterhead() {
        // State seed 004 (abridged): the action memo, then the letter it asks to sign.
        let t = "CTION MEMORANDUM\n\nTHRU: FROM\n\nSUBJECT:\n\nSuggested letter from Secretary Baker to Foreign\n\nMinister Qian Qichen\n\n#### ISSUE FOR DECISION\n\nWhether to sign attached letter to Foreign Minister Qian Qichen of the People's Republic of China. We are, as you know concerned that the Chinese view my expected travel as part of a serious dialogue, not merely a cosmetic step.\n\nThat you sign the attached letter to Foreign Minister Qian Qichen of the Peoples Republic of China.\n\nDrafted by:HA:JUnderriner:bj / 12/14/90 7-1337\n\n## THE SECRETARY OF STATE WASHINGTON\n\nRELEASED\n\nDear-Mr. Foreign Minister:\n\nDuring your recent visit to Washington we discussed the fundamental importance.\n";
        let n = normalize::normalize(t);
        let at = stapled(&n);
        assert_eq!(at.len(), 1);
        assert!(
            n.text[at[0]..].starts_with("## THE SECRETARY OF STATE"),
            "{}",
            &n.text[at[0]..]
        );
        // The memo's own letterhead, above its text, staples nothing.
        let top =
            "United States Department of State\nWashington, D. C. 20520\nDear Sir:\nThank you.\n";
        assert!(stapled(&normalize::normalize(top)).is_empty());
    }

    #[test]
    fn an_attachment_stays_with_the_memo_that_lists_it() {
        let with_tabs = format!("{MEMO}\nAttachments:\nTab A - Incoming letter\n");
        assert_eq!(parts(&[&with_tabs, ACTION]).len(), 1);
        // One listed, one seen: the next memo is a document of its own.
        assert_eq!(parts(&[&with_tabs, ACTION, MEMO]).len(), 2);
        // JFK 104-10429-10085: `Atts` under the signature, the report it carries behind.
        let atts = format!("{MEMO}\nRaymond M. Reardon\nSecurity Analysis Group\n\nAtts\n");
        assert_eq!(parts(&[&atts, ACTION]).len(), 1);
    }

    #[test]
    fn pages_without_breaks_or_headers_are_one_part() {
        assert_eq!(parts(&[MEMO]), vec![(1, 1, "SECRET".to_string())]);
        assert_eq!(parts(&[""]).len(), 1);
        let prose = "The meeting went on for three hours and covered every subject.\n".repeat(5);
        assert_eq!(parts(&[MEMO, &prose, &prose]).len(), 1);
    }
}
