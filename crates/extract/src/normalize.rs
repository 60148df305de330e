//! Normalization: the text every span points into.
//!
//! Kept deliberately light so a reader recognises the original: byte-order marks and
//! control characters go, line endings become `\n`, form feeds become page breaks.
//! Every deletion leaves a checkpoint in [`OffsetMap`], so a span in the normalized
//! text maps back to the raw text exactly.

use regex::Regex;
use std::sync::{LazyLock, OnceLock};

/// Normalized text, its page boundaries and the map back to the raw text.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// (not to be changed once lines are asked for: their starts are kept)
    pub text: String,
    /// Byte offset where each page starts; `page_starts[0] == 0`.
    pub page_starts: Vec<usize>,
    /// The page breaks were read from the layout (runs of blank lines), no marker.
    pub pages_from_layout: bool,
    pub map: OffsetMap,
    /// Where each line starts, found on first use: most fields read the text as lines.
    line_starts: OnceLock<Vec<usize>>,
}

// (the lines' starts follow from the text: not compared)
impl PartialEq for Normalized {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
            && self.page_starts == other.page_starts
            && self.pages_from_layout == other.pages_from_layout
            && self.map == other.map
    }
}
impl Eq for Normalized {}

impl Normalized {
    /// A normalized text as given, with its pages; no map back (it is its own raw text).
    pub fn new(text: String, page_starts: Vec<usize>, pages_from_layout: bool) -> Self {
        Normalized {
            text,
            page_starts,
            pages_from_layout,
            map: OffsetMap::default(),
            line_starts: OnceLock::new(),
        }
    }

    /// Byte offset where each line starts (the first is 0), found once.
    pub fn line_starts(&self) -> &[usize] {
        self.line_starts
            .get_or_init(|| crate::lines::line_starts(&self.text))
    }

    /// The lines of `text[start..end]`, offsets from `start` and indexes from 0: what
    /// [`crate::lines::lines`] gives of that slice, from the starts known.
    pub fn lines_in(
        &self,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = crate::lines::Line<'_>> {
        let starts = self.line_starts();
        let inner =
            &starts[starts.partition_point(|&s| s <= start)..starts.partition_point(|&s| s <= end)];
        std::iter::once(start)
            .chain(inner.iter().copied())
            .enumerate()
            .map(move |(index, s)| crate::lines::Line {
                text: &self.text[s..inner.get(index).map_or(end, |&next| next - 1)],
                start: s - start,
                index,
            })
    }

    /// The lines from the first that starts at `from` or after, with their offsets in the
    /// whole text (no search: the starts are known).
    pub fn lines_from(&self, from: usize) -> impl Iterator<Item = crate::lines::Line<'_>> {
        let starts = self.line_starts();
        let first = starts.partition_point(|&s| s < from);
        (first..starts.len()).map(move |index| {
            let start = starts[index];
            let end = starts.get(index + 1).map_or(self.text.len(), |&e| e - 1);
            crate::lines::Line {
                text: &self.text[start..end],
                start,
                index,
            }
        })
    }

    /// 1-based page of a byte offset.
    pub fn page_of(&self, offset: usize) -> u32 {
        let idx = self.page_starts.partition_point(|&s| s <= offset);
        idx.max(1) as u32
    }

    pub fn pages(&self) -> u32 {
        self.page_starts.len() as u32
    }

    /// A span over `start..end` with its page filled in.
    pub fn span(&self, start: usize, end: usize) -> declass_model::Span {
        declass_model::Span::new(start, end, self.page_of(start))
    }
}

/// Checkpoints `(normalized offset, raw offset)` after each edit; between checkpoints
/// the two texts advance together.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OffsetMap {
    checkpoints: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The raw byte offset of a normalized byte offset.
    pub fn to_raw(&self, norm: usize) -> usize {
        let idx = self.checkpoints.partition_point(|&(n, _)| n <= norm);
        if idx == 0 {
            norm
        } else {
            let (n, r) = self.checkpoints[idx - 1];
            r + (norm - n)
        }
    }

    pub fn is_identity(&self) -> bool {
        self.checkpoints.is_empty()
    }
}

// Page markers that stand alone on a line: `## Page 2` (OCR exports), `-2-` (State memos),
// `Page 3 of 7`, `14-00000` (the stamp atop each scanned sheet of NARA's JFK releases, OCR
// debris after it; the first sheet carries the record number instead). The marker line
// belongs to the page it opens.
static PAGE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:#{1,6}[ \t]*Page[ \t]+\d{1,5}|-[ \t]?\d{1,4}[ \t]?-|Page[ \t]+\d{1,5}[ \t]+of[ \t]+\d{1,5}|\d{2}-0{5}(?:[ \t][^\n]{0,12})?)[ \t]*$")
        .expect("static regex")
});

// A cable's page header, printed at the top of every page: `T 389706 E1A620 PAGE 02 IN
// 716115` (incoming, CIA), `78 0705837 PAGE 002` (outgoing), `PAGE TWO` (a continuation
// sheet). OCR often damages the digits (`PAGE 82` for 02), so only the first page's own
// header is told apart (`first_cable_page`).
static CABLE_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?m)^[^\n]{0,40}?(?-u:\b)PAGE[ \t]+(?P<n>[0-9OlI]{1,3})(?:-[0-9OlI]{1,3})?[ \t:.,|]*["“]?IN[ \t]+\d{5,7}|^[^\n]{0,24}?\d{6,7}[ \t]+PAGE[ \t]+(?P<m>\d{3})[ \t]*$|^[ \t]*PAGE[ \t]+(?:TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN)[ \t]*$"#)
        .expect("static regex")
});

static PAGE_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new("PAGE").expect("static regex"));

// The head of a continuation sheet, printed in capitals near the left edge: `CONTINUATION OF
// DISPATCH`, `CONTINUATION OF TDCS INFORMATION REPORT`. The sheet is a new page.
static CONTINUATION_SHEET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[^\n]{0,24}?(?-u:\b)CONTINUATION OF(?-u:\b)").expect("static regex")
});

/// Page breaks of a text exported from a scan with no marker left: where two blank lines or
/// more stand between pages and one between paragraphs (NARA's JFK texts), each longer run
/// opens a page. A text whose paragraphs are set two blank lines apart (History Lab's
/// telegrams) uses longer runs more often than single ones, and has none.
fn blank_run_breaks(text: &str) -> Vec<usize> {
    let mut singles = 0usize;
    let mut runs = Vec::new();
    let mut blank = 0usize;
    let mut seen_text = false;
    let mut start = 0;
    for line in text.as_bytes().split_inclusive(|&b| b == b'\n') {
        // (the normalized text keeps no \r; a blank line holds spaces and tabs at most)
        if line.iter().all(|&b| matches!(b, b' ' | b'\t' | b'\n')) {
            blank += 1;
        } else {
            if seen_text {
                match blank {
                    0 => {}
                    1 => singles += 1,
                    _ => runs.push(start),
                }
            }
            seen_text = true;
            blank = 0;
        }
        start += line.len();
    }
    if runs.is_empty() || singles < runs.len() {
        return Vec::new();
    }
    runs
}

/// Whether a cable page header's number reads as page 1 (`01`, `001`, OCR's `O1`, `0l`).
fn first_cable_page(n: &str) -> bool {
    let digits: String = n
        .chars()
        .map(|c| match c {
            'O' => '0',
            'l' | 'I' => '1',
            c => c,
        })
        .collect();
    digits.parse::<u32>() == Ok(1)
}

const PLAIN_BLOCK: usize = 32;

/// A byte `normalize` drops or replaces (or must look at: the BOM's first byte).
fn special(b: u8) -> bool {
    (b < 0x20 && b != b'\n' && b != b'\t') | (b == 0x7f) | (b == 0xef)
}

/// Normalize decoded text. Linear in the input, allocation-bounded by its size.
pub fn normalize(raw: &str) -> Normalized {
    let mut text = String::with_capacity(raw.len());
    let mut map = OffsetMap::default();
    let mut feeds = Vec::new();
    let bytes = raw.as_bytes();
    let mut i = 0;
    let mut run_start = 0; // start of the current run copied verbatim
    let mut changed = false;
    // bytes before `checked` were found plain in a block, or are being read one by one
    let mut checked = 0;
    while i < bytes.len() {
        if i >= checked {
            // (whole blocks without a byte to drop or change are skipped: a test the
            // compiler vectorizes, where the match below takes a branch per byte)
            while let Some(block) = bytes.get(i..i + PLAIN_BLOCK) {
                if block.iter().fold(false, |any, &b| any | special(b)) {
                    break;
                }
                i += PLAIN_BLOCK;
            }
            checked = i + PLAIN_BLOCK;
            if i >= bytes.len() {
                break;
            }
        }
        let b = bytes[i];
        // Multi-byte characters are copied as they are, except the BOM and C1 controls.
        let drop_len = match b {
            // CRLF: drop the \r, keep the \n (a lone \r is handled below).
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 1,
            b'\r' => 0,
            b'\n' | b'\t' => 0,
            0x0c => 0,
            0x00..=0x1f | 0x7f => 1,
            0xef if raw[i..].starts_with('\u{feff}') => 3,
            _ => 0,
        };
        if drop_len > 0 {
            text.push_str(&raw[run_start..i]);
            i += drop_len;
            run_start = i;
            map.checkpoints.push((text.len(), i));
            changed = true;
            continue;
        }
        if b == b'\r' {
            // A lone CR is a line break.
            text.push_str(&raw[run_start..i]);
            text.push('\n');
            i += 1;
            run_start = i;
            continue;
        }
        if b == 0x0c {
            text.push_str(&raw[run_start..i]);
            text.push('\n');
            feeds.push(text.len());
            i += 1;
            run_start = i;
            continue;
        }
        i += 1;
    }
    text.push_str(&raw[run_start..]);
    if !changed {
        map.checkpoints.clear();
    }

    let mut page_starts = vec![0];
    // A marker of page 1 opens the first page, whatever precedes it (an export's title).
    // (asked of the lines that may open so: `#`, `-`, `Page`, the stamp's digits)
    let marker_line = |b: u8| matches!(b, b'#' | b'-' | b'P') || b.is_ascii_digit();
    let mut breaks: Vec<usize> = crate::lines::lines_opening_with(&text, marker_line)
        .filter_map(|(start, line)| PAGE_MARKER.find(line).map(|m| (start, m)))
        .filter(|(_, m)| {
            let first_number = m
                .as_str()
                .split(|c: char| !c.is_ascii_digit())
                .find(|d| !d.is_empty());
            first_number.and_then(|d| d.parse::<u32>().ok()) != Some(1)
        })
        .map(|(start, m)| start + m.start())
        .collect();
    // An export's own page headings (`## Page 2`) are its pages: a `- 3 -` or a NARA stamp
    // between them numbers the paper's pages, which the headings have counted already.
    let heading = |at: &usize| text[*at..].trim_start().starts_with('#');
    if !breaks.is_empty() && (breaks.iter().any(heading) || text.contains("## Page 1")) {
        breaks.retain(heading);
    }
    // Most texts have no such header: skip the scan then; find with the DFA, capture only
    // inside a match (captures run a slower engine).
    if text.contains("PAGE") {
        // (each form holds `PAGE` on the line it opens: only those lines are asked)
        let lines = crate::lines::lines_holding(&text, &PAGE_WORD);
        breaks.extend(lines.into_iter().filter_map(|start| {
            let line = crate::lines::line_at(&text, start);
            let m = CABLE_PAGE.find(line)?;
            let c = CABLE_PAGE.captures(m.as_str())?;
            let n = c.name("n").or_else(|| c.name("m")).map(|n| n.as_str());
            (!n.is_some_and(first_cable_page)).then_some(start + m.start())
        }));
    }
    if text.contains("CONTINUATION OF") {
        breaks.extend(CONTINUATION_SHEET.find_iter(&text).map(|m| m.start()));
    }
    breaks.extend(feeds);
    let pages_from_layout = breaks.is_empty();
    if pages_from_layout {
        breaks = blank_run_breaks(&text);
    }
    breaks.sort_unstable();
    for b in breaks {
        // A marker at the very top opens page 1; never count the same offset twice.
        let last = *page_starts.last().unwrap_or(&0);
        if b > last && !text[last..b].trim().is_empty() {
            page_starts.push(b);
        }
    }
    Normalized {
        pages_from_layout: pages_from_layout && page_starts.len() > 1,
        text,
        page_starts,
        map,
        line_starts: OnceLock::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_bom_and_controls_are_removed_with_a_map_back() {
        let raw = "\u{feff}SECRET\r\nTO:\u{0} DIRECTOR\r\n";
        let n = normalize(raw);
        assert_eq!(n.text, "SECRET\nTO: DIRECTOR\n");
        let at = n.text.find("DIRECTOR").unwrap();
        assert_eq!(&raw[n.map.to_raw(at)..n.map.to_raw(at) + 8], "DIRECTOR");
        assert_eq!(n.map.to_raw(0), 3);
    }

    #[test]
    fn pages_from_runs_of_blank_lines_in_a_text_without_markers() {
        // JFK 104-10177-10066 (abridged): paragraphs one blank line apart, the cable's second
        // page three blank lines down (NARA counts 2 pages)
        let t = "NUNEZ HAD BEEN OPTIMISTIC OVER PLAN FOR SOLUTION\n\nPRIME MINISTER.\nWHICH HAD DISCUSSED WITH BATISTA\n\nANOTHER CABINET\n\n\n\nDe\". BA MARCH 1953\n\nto . \\\n1ROM + .\nTO U.N. SHORTLY.\n";
        let n = normalize(t);
        assert_eq!(n.pages(), 2);
        assert!(n.pages_from_layout);
        assert!(n.text[n.page_starts[1]..].starts_with("De\". BA MARCH"));
        // a State telegram whose paragraphs stand two blank lines apart (sample
        // 1977STATE075309): one page
        let t = "1. WE ARE SENDING ADDRESSEES SEPARATELY A RATHER LONG ANALYTICAL PIECE.\n\n\n2. LEBANESE CHRISTIAN FORCES EVIDENTLY DECIDED TO PUSH.\n\n\n3. SYRIANS AND FATAH HAVE ALSO MOVED.\n\n4. END.\n";
        let n = normalize(t);
        assert_eq!(n.pages(), 1);
        assert!(!n.pages_from_layout);
        // a marker wins: the runs open no page then
        let t = "Page one.\n\nMore.\n\n\n\nStill page one.\n\n-2-\nPage two.\n";
        let n = normalize(t);
        assert_eq!(n.pages(), 2);
        assert!(n.text[n.page_starts[1]..].starts_with("-2-"));
        assert!(!n.pages_from_layout);
    }

    #[test]
    fn lines_from_known_starts_are_the_lines_read_from_the_top() {
        for t in ["", "one", "one\n", "a\n\nb\nlast line", "\n\n"] {
            let n = normalize(t);
            for from in 0..=n.text.len() {
                let read: Vec<_> = crate::lines::lines(&n.text)
                    .filter(|l| l.start >= from)
                    .collect();
                assert_eq!(
                    n.lines_from(from).collect::<Vec<_>>(),
                    read,
                    "{t:?} from {from}"
                );
            }
        }
    }

    #[test]
    fn lines_in_a_range_are_the_lines_of_its_slice() {
        for t in [
            "",
            "one",
            "one\n",
            "a\n\nb\nlast line",
            "\n\n",
            "ab\ncd\n\nef",
        ] {
            let n = normalize(t);
            for a in 0..=n.text.len() {
                for b in a..=n.text.len() {
                    let sliced: Vec<_> = crate::lines::lines(&n.text[a..b]).collect();
                    assert_eq!(
                        n.lines_in(a, b).collect::<Vec<_>>(),
                        sliced,
                        "{t:?} {a}..{b}"
                    );
                }
            }
        }
    }

    #[test]
    fn identity_when_nothing_changes() {
        let n = normalize("plain text\nsecond line");
        assert!(n.map.is_identity());
        assert_eq!(n.map.to_raw(5), 5);
    }

    #[test]
    fn pages_from_markdown_headings_dash_numbers_and_form_feeds() {
        // From the JFK OCR exports and the State seed (`-2-`).
        let n = normalize("## Page 1\nDate: 09/30/98\n---\n## Page 2\nSECRET\x0cTab 1");
        assert_eq!(n.pages(), 3);
        assert_eq!(n.page_of(n.text.find("Date").unwrap()), 1);
        assert_eq!(n.page_of(n.text.find("SECRET").unwrap()), 2);
        assert_eq!(n.page_of(n.text.find("Tab 1").unwrap()), 3);
        let n = normalize("SECRET\n\n-2-\nReal differences");
        assert_eq!(n.pages(), 2);
        assert_eq!(n.page_of(n.text.find("Real").unwrap()), 2);
        // JFK 104-10229-10440 (abridged): under the export's page headings, a `- 3-` is the
        // paper's own page number (NARA: one page)
        let n = normalize(
            "## Page 1\n\n104-10229-10440\n\nEXCERPTS FROM AN OFFICE\n\nMEMORANDUM, 2 January 1963\n\n(bleeding of\n\n- 3-\n\nNW 65890 Dold: 32385446 Page 1\n",
        );
        assert_eq!(n.pages(), 1);
    }

    #[test]
    fn pages_from_cable_page_headers() {
        // JFK incoming cables: every page's header, digits damaged by the OCR; page 1's
        // own header opens nothing.
        let raw = "104-10216-10083\nSECRET\nT 444520 E1A627 PAGE 01 IN 724591\n1. TEXT OF PAGE ONE\nT 444520 ELARa7\" PAGE 82 IN 724591\n2. TEXT OF PAGE TWO\nT 424520 ELA827 PAGE 03 IN 724591\n3. END\n";
        let n = normalize(raw);
        assert_eq!(n.pages(), 3);
        assert_eq!(n.page_of(n.text.find("PAGE ONE").unwrap()), 1);
        assert_eq!(n.page_of(n.text.find("PAGE TWO").unwrap()), 2);
        assert_eq!(n.page_of(n.text.find("3. END").unwrap()), 3);
        // JFK 104-10218-10083: an outgoing cable's continuation sheet; and the outgoing
        // form's `78 0705837 PAGE 002` header.
        let n = normalize("CLASSIFIED MESSAGE\nFrom: DIRECTOR\n\nPAGE TWO\nAND CIRCUMSTANCES\n");
        assert_eq!(n.pages(), 2);
        let n = normalize("SECRET\n1. FIRST\n{ 78 0762295 PAGE 002\n2. SECOND\n");
        assert_eq!(n.pages(), 2);
        // JFK 104-10063-10285: NARA's sheet stamp opens each scanned page after the first,
        // a blank sheet included.
        let n = normalize("104-10063-10285\nSECRET\n200-006-387/3\n\n14-00000\n\n* nana\n\n14-00000 fa\n\nx the SDU at SFU\n");
        assert_eq!(n.pages(), 3);
        assert_eq!(n.page_of(n.text.find("nana").unwrap()), 2);
        assert_eq!(n.page_of(n.text.find("SDU").unwrap()), 3);
        // JFK 104-10310-10140: a dispatch's continuation sheet; in prose the words are no break.
        let n = normalize("(Continued)\nAPPROVED: Ferdinand B. Womack\n- CONTINUATI\n~ CONTINUATION OF |\nDISPATCH . - SECRET.\n3. The article\n");
        assert_eq!(n.pages(), 2);
        assert_eq!(n.page_of(n.text.find("3. The").unwrap()), 2);
        let n =
            normalize("If returned to post for a second tour, continuation of Spanish language\n");
        assert_eq!(n.pages(), 1);
        // In prose a page reference is no break.
        let n = normalize("SEE PAGE 2 OF THE REPORT\nSECTION IX CONTINUED TO PAGE 6\n");
        assert_eq!(n.pages(), 1);
    }

    // The block skip must find a byte to drop wherever it falls: each byte checked against
    // the rules read one byte at a time.
    proptest::proptest! {
        #[test]
        fn blocks_skip_no_byte_to_drop(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    "[a-zA-Z .]{0,40}",
                    proptest::strategy::Just("\r\n".to_string()),
                    proptest::strategy::Just("\r".to_string()),
                    proptest::strategy::Just("\u{c}".to_string()),
                    proptest::strategy::Just("\u{0}".to_string()),
                    proptest::strategy::Just("\u{7f}".to_string()),
                    proptest::strategy::Just("\u{feff}".to_string()),
                    proptest::strategy::Just("\u{f000}é\n\t".to_string()),
                ],
                0..40,
            )
        ) {
            let raw: String = pieces.concat();
            let mut want = String::new();
            let mut chars = raw.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\r' if chars.peek() == Some(&'\n') => {}
                    '\r' | '\u{c}' => want.push('\n'),
                    '\n' | '\t' => want.push(c),
                    '\u{feff}' => {}
                    c if (c as u32) < 0x20 || c == '\u{7f}' => {}
                    c => want.push(c),
                }
            }
            proptest::prop_assert_eq!(normalize(&raw).text, want);
        }
    }

    #[test]
    fn multibyte_text_survives() {
        let n = normalize("Will bé available “now”\r\n");
        assert_eq!(n.text, "Will bé available “now”\n");
    }
}
