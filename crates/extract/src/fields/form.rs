//! Cover sheets written as `KEY : value` forms: record identification forms (NARA's JFK
//! "IDENTIFICATION FORM"), withdrawal sheets (FIELDS.md §6).
//!
//! OCR reads such forms in two ways: interleaved (`TO : DIRECTOR` on one line, or the key
//! on one line and `: value` on the next) and column by column (a run of keys, then a run
//! of values in which empty values are simply missing). Both are read the same way here:
//! the form becomes runs of keys and runs of values, and each value goes to the first key
//! of its run whose *type* fits (a date to DATE, a record number to RECORD NUMBER, a page
//! count to PAGES), so the gaps left by empty values do not shift the rest. A typed value
//! read out of place (PAGES' `47` before the title) does not empty the keys before its own.
//! Values under a section heading with no key before them (the keys' column read above
//! the form's title, or lost) take the keys in the order the form prints them.

use crate::lines::lines;
use crate::normalize::Normalized;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Agency,
    RecordNumber,
    RecordSeries,
    FileNumber,
    Originator,
    From,
    To,
    Title,
    Date,
    Pages,
    Subjects,
    DocumentType,
    Classification,
    Restrictions,
    Status,
    ReviewDate,
    Criteria,
    Comments,
}

/// Key spellings (upper case, without the colon).
const KEYS: &[(&str, Key)] = &[
    ("AGENCY", Key::Agency),
    ("RECORD NUMBER", Key::RecordNumber),
    ("RECORD SERIES", Key::RecordSeries),
    ("RECORDS SERIES", Key::RecordSeries),
    ("AGENCY FILE NUMBER", Key::FileNumber),
    ("ORIGINATOR", Key::Originator),
    ("AGENCY ORIGINATOR", Key::Originator),
    ("FROM", Key::From),
    ("TO", Key::To),
    ("TITLE", Key::Title),
    ("DATE", Key::Date),
    ("PAGES", Key::Pages),
    ("SUBJECTS", Key::Subjects),
    ("DOCUMENT TYPE", Key::DocumentType),
    ("CLASSIFICATION", Key::Classification),
    ("RESTRICTIONS", Key::Restrictions),
    ("CURRENT STATUS", Key::Status),
    ("DATE OF LAST REVIEW", Key::ReviewDate),
    ("OPENING CRITERIA", Key::Criteria),
    ("COMMENTS", Key::Comments),
];

/// Section headings inside the form; neither keys nor values.
const HEADINGS: &[&str] = &[
    "AGENCY INFORMATION",
    "DOCUMENT INFORMATION",
    "JFK ASSASSINATION SYSTEM",
    "IDENTIFICATION FORM",
];

/// The form's two sections and their first keys, in the order the form prints them.
const SECTIONS: &[(&str, &[Key])] = &[
    (
        "AGENCY INFORMATION",
        &[
            Key::Agency,
            Key::RecordNumber,
            Key::RecordSeries,
            Key::FileNumber,
        ],
    ),
    (
        "DOCUMENT INFORMATION",
        &[
            Key::Originator,
            Key::From,
            Key::To,
            Key::Title,
            Key::Date,
            Key::Pages,
            // (the keys after the subject list are not put in: its lines, one subject each,
            // would be taken for their values)
            Key::Subjects,
        ],
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Date,
    Int,
    RecordNumber,
    Level,
    Text,
}

/// One value read off the form, with its span in the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormValue {
    pub key: Key,
    pub value: String,
    pub start: usize,
    pub end: usize,
}

/// A parsed form: its values, and where the form ends (the document proper follows).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    pub values: Vec<FormValue>,
    pub start: usize,
    pub end: usize,
}

impl Form {
    pub fn get(&self, key: Key) -> Option<&FormValue> {
        self.values.iter().find(|v| v.key == key)
    }
}

// Pieces of NARA's release legend (`Released under the John F. Kennedy Assassination Records
// Collection Act of 1992 (44 USC 2107 Note). Case#:NW 64578 Date: 06-14-2017`) as a page edge
// cuts it: `ennedy Assassination`, `ecords Collection Act of`, `aset:NW 64578 Date:`, `14.20)`;
// and its page stamp, `NW 64954` / `DocId:34517370 Page 1` (OCR: `Docld`).
static LEGEND_PIECE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)ennedy\s+Assassination\s*$|Collection\s+Act(?:\s+of)?\s*$|USC\s+2107|ase\s*[#t]?\s*:\s*NW\s*\d|^\W*\d{1,2}[.\-]\d{1,2}(?:[.\-]\d{2,4})?\)\W*$|^\W*NW\s*\d{3,6}\W*$|Doc\s*[Il1]d\s*:\s*\d{5,9}")
        .expect("static regex")
});

// The form's title, as OCR reads it too (`Tdentification-Form`).
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[IT]DENTIFICATION|[IT]dentification|identification)(?:\s+|-)(?:FORM|Form|form)(?-u:\b)|(?-u:\b)(?:WITHDRAWAL|Withdrawal)\s+(?:SHEET|NOTICE|Sheet|Notice)(?-u:\b)")
        .expect("static regex")
});
static DATE_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\D{0,3}(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{2,4})\D{0,3}$").expect("static regex")
});
static INT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\D{0,2}(\d{1,4})\W{0,2}$").expect("static regex"));
static LEVEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(TOP SECRET|SECRET|CONFIDENTIA[LI]|UNCLASSIFIED|LIMITED OFFICIAL USE)\W*$")
        .expect("static regex")
});

fn kind_of(v: &str) -> Kind {
    if DATE_VALUE.is_match(v) {
        Kind::Date
    } else if crate::fields::numbers::RECORD_NUMBER.is_match(v) && v.len() < 24 {
        Kind::RecordNumber
    } else if INT.is_match(v) {
        Kind::Int
    } else if LEVEL.is_match(v) {
        Kind::Level
    } else {
        Kind::Text
    }
}

fn accepts(k: Key, kind: Kind) -> bool {
    match k {
        Key::Date | Key::ReviewDate => kind == Kind::Date,
        Key::Pages => kind == Kind::Int,
        Key::RecordNumber => kind == Kind::RecordNumber,
        Key::Classification => kind == Kind::Level,
        Key::FileNumber | Key::Comments => kind != Kind::Level,
        _ => kind == Kind::Text,
    }
}

/// Keys whose value is an agency's name (`CIA`, `SSCIA`, `FBI`).
fn names_agency(k: Key) -> bool {
    matches!(k, Key::Agency | Key::Originator)
}

/// A value that reads as a phrase (a title's line), not a name: six words or more, or a
/// label of its own inside (`OUTLINE: PROJECT ...`).
fn prose_value(v: &str) -> bool {
    v.split_whitespace().count() >= 6 || v.contains(": ")
}

/// Whether `next` continues the value `prev` (both read off the form as lines): `prev`
/// does not end a sentence and `next` opens as a wrapped phrase does, with a small letter,
/// a function word, or a bracket followed by more words (`(PRIMARILY PHOTOGRAPHIC)
/// SURVEILLANCE OPERATION`; not a value of its own like `(WITHHELD)`).
fn continues(prev: &str, next: &str) -> bool {
    let Some(first) = next.split_whitespace().next() else {
        return false;
    };
    let opens = first.starts_with(|c: char| c.is_lowercase())
        || next.starts_with('(')
            && next
                .find(')')
                .is_some_and(|close| next[close + 1..].chars().any(char::is_alphabetic))
        || matches!(
            first.to_ascii_uppercase().as_str(),
            "AGAINST" | "OF" | "IN" | "ON" | "AND" | "FOR" | "BY" | "WITH" | "AT" | "INTO"
        );
    // (a short value is a name or an agency: `SSCIA` then `THE CONGO` are two; the typed
    // test, a few regexes, last)
    opens
        && !prev.trim_end().ends_with(['.', ':', ';'])
        && prev.split_whitespace().count() >= 3
        && kind_of(prev) == Kind::Text
}

/// Keys that take only one kind of value.
fn typed(k: Key) -> bool {
    matches!(
        k,
        Key::Date | Key::ReviewDate | Key::Pages | Key::RecordNumber | Key::Classification
    )
}

/// Keys whose value may wrap onto following lines.
fn multi_line(k: Key) -> bool {
    matches!(
        k,
        Key::Title | Key::Subjects | Key::Comments | Key::RecordSeries
    )
}

fn clean_key(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphabetic() || c == ' ' {
                c.to_ascii_uppercase()
            } else {
                ' '
            }
        })
        .collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// OCR-damaged keys (`SUBJECTS` read `«SUBJECTS`): one edit on keys of six letters or more.
fn close(a: &str, b: &str) -> bool {
    a == b || (b.len() >= 6 && crate::fuzzy::within(a, b, 1).is_some())
}

fn key_of(s: &str) -> Option<Key> {
    let k = clean_key(s);
    KEYS.iter()
        .find(|(name, _)| close(&k, name))
        .map(|(_, key)| *key)
}

/// Split a form line into a key and the value after it: `TO : DIRECTOR`, `PAGES : 6`,
/// `TITLE:`, `FROM`. Lines that hold no key return `(None, whole line)`.
fn split_key(line: &str) -> (Option<Key>, &str, usize) {
    // Key with a separator: up to the first ':' ('=' and ';' are OCR for it).
    if let Some(pos) = line.find([':', '=', ';']) {
        // past a page edge's lower-case fragment before the key (`ed DATE : 3/12/1964`)
        let key = crate::lines::skip_margin_fragment(line[..pos].trim_start(), 2);
        if let Some(k) = key_of(key) {
            let rest = &line[pos + 1..];
            let lead = rest.len() - rest.trim_start().len();
            return (Some(k), rest.trim(), pos + 1 + lead);
        }
    }
    if let Some(k) = key_of(line) {
        return (Some(k), "", line.len());
    }
    (None, line, 0)
}

#[derive(Debug)]
enum Item<'a> {
    Key(Key),
    Value {
        text: &'a str,
        start: usize,
        bound: bool,
    },
}

/// Find and read the first form in the text.
/// Whether a line holds the title of a cover form.
pub fn is_form_header(line: &str) -> bool {
    HEADER.is_match(line)
}

/// The pattern [`is_form_header`] asks, for a set that asks several at once.
pub fn form_header_pattern() -> &'static str {
    HEADER.as_str()
}

pub fn extract(n: &Normalized) -> Option<Form> {
    let text = &n.text;
    let header = HEADER.find(text)?;
    // The form sits on its own page; read to the end of that page (at most 150 lines).
    let page = n.page_of(header.start()) as usize;
    let page_end = n.page_starts.get(page).copied().unwrap_or(text.len());
    let form_start = text[..header.start()]
        .rfind('\n')
        .map(|i| i + 1)
        .unwrap_or(0);
    // The page's print header (`Date: 03/24/97`, `Page: 1`) above the form belongs to it
    // too (it is not the document's date), though it is not read for values.
    let page_start = n
        .page_starts
        .get(page.saturating_sub(1))
        .copied()
        .unwrap_or(0);
    let region_start = if text[page_start..form_start].lines().count() <= 10 {
        page_start
    } else {
        form_start
    };
    let mut items: Vec<Item<'_>> = Vec::new();
    let mut end = header.end();
    // `Date:` right under the title, before any key, is the page's print date.
    let mut print_date = false;
    let form_lines: Vec<_> = lines(&text[form_start..page_end]).take(151).collect();
    // whether a key of the form itself has been read yet
    let mut keyed = false;
    for (count, line) in form_lines.iter().enumerate() {
        let (t, s) = line.trimmed();
        let s = s + form_start;
        if t.is_empty() {
            continue;
        }
        // (the line's key form made once, each heading compared with it; a long line is
        // no heading)
        let ck = if t.len() <= 48 {
            clean_key(t)
        } else {
            String::new()
        };
        if let Some(&(_, section)) = SECTIONS.iter().find(|(h, _)| close(&ck, h)) {
            // A section's values with no key before them (the OCR read the keys above the
            // form's title, or lost them): the form's own order of keys.
            let next_is_key = form_lines[count + 1..]
                .iter()
                .map(|l| l.text.trim())
                .find(|t| !t.is_empty())
                .is_none_or(|t| split_key(t).0.is_some());
            if !keyed && !next_is_key {
                items.extend(section.iter().map(|&k| Item::Key(k)));
            }
            continue;
        }
        if HEADINGS.iter().any(|h| close(&ck, h)) {
            continue;
        }
        // The release legend after the form ends it; its pieces cut by a page edge inside
        // the form's values are no values.
        if t.starts_with("Released")
            || t.starts_with("Heleased")
            || t.contains("ITEM IS RESTRICTED")
        {
            break;
        }
        if LEGEND_PIECE.is_match(t) {
            continue;
        }
        end = s + t.len();
        let split = split_key(t);
        if items.is_empty() && split.0 == Some(Key::Date) {
            print_date = true;
            continue;
        }
        if std::mem::take(&mut print_date) && split.0.is_none() && DATE_VALUE.is_match(t) {
            continue;
        }
        match split {
            (Some(k), rest, off) => {
                keyed = true;
                items.push(Item::Key(k));
                if !rest.is_empty() {
                    items.push(Item::Value {
                        text: rest,
                        start: s + off,
                        bound: true,
                    });
                }
            }
            (None, v, _) => {
                // `: value` on its own line belongs to the key just before it.
                let bound = v.starts_with(':');
                // The form prints FROM right after ORIGINATOR: a second `: value` after
                // ORIGINATOR's is FROM's, its key lost to the OCR.
                if bound
                    && matches!(
                        items.as_slice(),
                        [
                            ..,
                            Item::Key(Key::Originator),
                            Item::Value { bound: true, .. }
                        ]
                    )
                {
                    items.push(Item::Key(Key::From));
                }
                let v2 = v.trim_start_matches([':', ' ', '.']);
                let v2_start = s + (v.len() - v2.len());
                // A long value wrapped over lines with blank lines between (a column read
                // by OCR): its next line goes on it rather than to the next key.
                if let Some(Item::Value {
                    text: prev,
                    start: prev_start,
                    bound: false,
                }) = items.last_mut()
                {
                    if !bound && continues(prev, v2) {
                        *prev = &text[*prev_start..v2_start + v2.len()];
                        continue;
                    }
                }
                if !v2.is_empty() {
                    items.push(Item::Value {
                        text: v2,
                        start: v2_start,
                        bound,
                    });
                }
            }
        }
    }
    let values = assign(&items);
    if values.len() < 2 {
        return None;
    }
    Some(Form {
        values,
        start: region_start,
        end,
    })
}

/// Give each value to a key: see the module docs.
fn assign(items: &[Item<'_>]) -> Vec<FormValue> {
    let mut out: Vec<FormValue> = Vec::new();
    let mut filled: Vec<Key> = Vec::new();
    let mut pending: Vec<Key> = Vec::new(); // keys of the current run, in order
    let mut last_text_key: Option<Key> = None; // the key a wrapped value continues
    let mut orphans: Vec<(&str, usize)> = Vec::new();
    let mut prev_was_key = false;
    let mut i = 0;
    while i < items.len() {
        match &items[i] {
            Item::Key(k) => {
                if !prev_was_key {
                    pending.clear();
                }
                if !filled.contains(k) && !pending.contains(k) {
                    pending.push(*k);
                }
                // A key with no value in reach may take an orphan of its type read before it.
                if matches!(k, Key::Date) {
                    if let Some(pos) = orphans.iter().position(|(t, _)| kind_of(t) == Kind::Date) {
                        let (t, s) = orphans.remove(pos);
                        out.push(FormValue {
                            key: *k,
                            value: t.to_string(),
                            start: s,
                            end: s + t.len(),
                        });
                        filled.push(*k);
                        pending.retain(|p| p != k);
                    }
                }
                prev_was_key = true;
                last_text_key = None;
                i += 1;
            }
            Item::Value { .. } if pending.is_empty() && filled.is_empty() => {
                // Values before the first key are the print header (`Date: 7/7/2015`).
                i += 1;
            }
            Item::Value { .. } => {
                // The run of values up to the next key.
                let run_end = items[i..]
                    .iter()
                    .position(|x| matches!(x, Item::Key(_)))
                    .map_or(items.len(), |p| i + p);
                let run: Vec<(&str, usize, bool)> = items[i..run_end]
                    .iter()
                    .filter_map(|x| match x {
                        Item::Value { text, start, bound } => Some((*text, *start, *bound)),
                        Item::Key(_) => None,
                    })
                    .collect();
                assign_run(
                    &run,
                    &mut pending,
                    &mut filled,
                    &mut out,
                    &mut orphans,
                    &mut last_text_key,
                );
                prev_was_key = false;
                i = run_end;
            }
        }
    }
    out
}

fn assign_run<'a>(
    run: &[(&'a str, usize, bool)],
    pending: &mut Vec<Key>,
    filled: &mut Vec<Key>,
    out: &mut Vec<FormValue>,
    orphans: &mut Vec<(&'a str, usize)>,
    last_text_key: &mut Option<Key>,
) {
    // FROM / TO / TITLE all pending with fewer text values than keys: the values belong
    // to the last keys (TITLE is rarely empty, FROM and TO often are).
    let text_before_typed = run
        .iter()
        .take_while(|(t, _, _)| kind_of(t) == Kind::Text)
        .count();
    let group: Vec<Key> = pending
        .iter()
        .copied()
        .filter(|k| matches!(k, Key::From | Key::To | Key::Title))
        .collect();
    // Text keys pending before the group (ORIGINATOR) take the run's first text values.
    let lead_keys = pending
        .iter()
        .take_while(|k| !group.contains(k))
        .filter(|k| accepts(**k, Kind::Text) && !typed(**k))
        .count();
    // (as many as there are short values for them: an originator is an agency's name)
    let lead = run
        .iter()
        .take(lead_keys)
        .take_while(|(t, _, _)| kind_of(t) == Kind::Text && !prose_value(t))
        .count();
    let for_group = text_before_typed.saturating_sub(lead);
    if group.len() >= 2 && for_group < group.len() && !run.first().is_some_and(|r| r.2) {
        let skip = group.len() - for_group.max(1);
        for k in group.iter().take(skip) {
            pending.retain(|p| p != k);
        }
    }
    for (idx, &(t, s, bound)) in run.iter().enumerate() {
        let kind = kind_of(t);
        let target = if bound && idx == 0 {
            // `: value` right after a key line: the last key of the run.
            pending.last().copied().filter(|k| {
                accepts(*k, kind)
                    || (kind != Kind::Text && matches!(k, Key::From | Key::To | Key::Title))
            })
        } else {
            pending
                .iter()
                .copied()
                .find(|k| accepts(*k, kind) && !(names_agency(*k) && prose_value(t)))
        };
        match target {
            Some(k) => {
                // Text keys before the target in the run are empty on this form; typed keys
                // (DATE, PAGES, ...) wait for a value of their type. (A typed value says
                // nothing of the text keys before its key: a column read as OCR does puts
                // PAGES' `47` before the title it follows on the form.)
                if let Some(pos) = pending.iter().position(|p| *p == k) {
                    if !bound && kind == Kind::Text {
                        let skipped: Vec<Key> = pending[..pos]
                            .iter()
                            .copied()
                            .filter(|p| typed(*p))
                            .collect();
                        pending.drain(..pos);
                        pending.splice(0..0, skipped);
                    }
                }
                pending.retain(|p| *p != k);
                out.push(FormValue {
                    key: k,
                    value: t.split_whitespace().collect::<Vec<_>>().join(" "),
                    start: s,
                    end: s + t.len(),
                });
                filled.push(k);
                *last_text_key = multi_line(k).then_some(k);
            }
            None => match (*last_text_key, kind) {
                // A wrapped line of a title or subject list.
                (Some(k), Kind::Text) => {
                    if let Some(v) = out.iter_mut().rev().find(|v| v.key == k) {
                        for w in t.split_whitespace() {
                            v.value.push(' ');
                            v.value.push_str(w);
                        }
                        v.end = s + t.len();
                    }
                }
                _ => orphans.push((t, s)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn form(s: &str) -> Form {
        extract(&normalize(s)).expect("a form")
    }

    fn val(f: &Form, k: Key) -> Option<&str> {
        f.get(k).map(|v| v.value.as_str())
    }

    /// Each key's value as expected (`None`: the key has none).
    fn expect_values(f: &Form, want: &[(Key, Option<&str>)]) {
        for &(k, v) in want {
            assert_eq!(val(f, k), v, "{k:?}");
        }
    }

    #[test]
    fn a_title_wrapped_over_blank_lines_stays_one_value() {
        // JFK 104-10414-10380 (abridged): the originator's value read before its key, the
        // title's three lines apart; FROM and TO empty.
        let t = "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY FILE NUMBER : RUSS HOLMES WORK FILE\n\nDOCUMENT INFORMATION\n\nCIA\n\nAGENCY ORIGINATOR\n\nFROM\n\nTO\n\nTITLE :\n\nOUTLINE: PROJECT LIONION-THIS IS A TECHNICAL\n\n(PRIMARILY PHOTOGRAPHIC) SURVEILLANCE OPERATION\n\nAGAINST THE PBRUMEN EMBASSY IN MEXICO CITY.\n\n01/01/1964\n\nDATE\n\nPAGES :\n";
        let f = form(t);
        let title = f.get(Key::Title).expect("a title");
        assert_eq!(title.value, "OUTLINE: PROJECT LIONION-THIS IS A TECHNICAL (PRIMARILY PHOTOGRAPHIC) SURVEILLANCE OPERATION AGAINST THE PBRUMEN EMBASSY IN MEXICO CITY.");
        assert!(t[title.start..title.end].starts_with("OUTLINE"));
        assert!(t[title.start..title.end].ends_with("CITY."));
        assert_eq!(val(&f, Key::From), None);
        assert_eq!(val(&f, Key::To), None);
        assert_eq!(val(&f, Key::Date), Some("01/01/1964"));
        // A bracketed value alone is a value of its own.
        assert!(!continues("CHIEF, WH DIVISION", "(WITHHELD)"));
        assert!(continues(
            "REPORT ON THE",
            "(PRIMARILY PHOTOGRAPHIC) SURVEILLANCE"
        ));
    }

    #[test]
    fn a_page_count_read_before_the_title_leaves_the_title_its_value() {
        // JFK 104-10103-10280 (abridged): FROM and TO empty, PAGES' value first
        let t = "JEK ASSASSINATION SYSTEM\n\nIDENTIFICATION FORM\n\nAGENCY INFORMATION\n\nAGENCY : CIA\n\nDOCUMENT INFORMATION\n\nAGENCY ORIGINATOR : CIA\n\nFROM\n\nTO\n\nTITLE\n\nDATE\n\nPAGES\n\n47\n\nPAPER ON OSWALD/CUBAN CONNECTION.\n\n01/01/1900\n\nSUBJECTS : CUBA\n";
        expect_values(
            &form(t),
            &[
                (Key::Title, Some("PAPER ON OSWALD/CUBAN CONNECTION.")),
                (Key::Pages, Some("47")),
                (Key::Date, Some("01/01/1900")),
                (Key::From, None),
                (Key::To, None),
            ],
        );
    }

    #[test]
    fn values_whose_keys_were_read_above_the_title_take_the_forms_order() {
        // JFK 202-10002-10124 (abridged): the keys' column came out before the form's
        // title, the values after its section headings
        let t = "RECORD NUMBER\nRECORDS SERIES\nAGENCY FILE NUMBER\n\nORIGINATOR\nFROM\n\nTO\n\nTITLE\n\nDATE\n\nPAGES\nSUBJECTS\n\nJFK ASSASSINATION. SYSTEM\nIDENTIFICATION FORM\n\nAGENCY INFORMATION\n\nJcs\n202-10002-10124\nJCS CENTRAL FILES\n\nDOCUMENT INFORMATION\n\nosD\n\nCYRUS R. VANCE\n\nMULTIPLE RECIPIENTS\n\nCUBAN AFFAIRS IN THE DEPARTMENT OF DEFENSE\n\n06/26/65\n27\nICCCA, ADMINISTRATION\n\nPSYCHOLOGICAL PROGRAMS - CUBA\n\nPAPER, TEXTUAL. DOCUMENT\n\nCONFIDENTIAL\n\nRELEASED WITH DELETIONS\n";
        expect_values(
            &form(t),
            &[
                (Key::RecordNumber, Some("202-10002-10124")),
                (Key::From, Some("CYRUS R. VANCE")),
                (Key::To, Some("MULTIPLE RECIPIENTS")),
                (
                    Key::Title,
                    Some("CUBAN AFFAIRS IN THE DEPARTMENT OF DEFENSE"),
                ),
                (Key::Date, Some("06/26/65")),
                (Key::Pages, Some("27")),
                // the subject list's lines are not taken for the keys after it
                (Key::Status, None),
            ],
        );
    }

    #[test]
    fn interleaved_layout() {
        // JFK 104-10071-10119 (blank lines dropped).
        let t = "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY FILE NUMBER\nBOT01357A\nDOCUMENT INFORMATION\nAGENCY ORIGINATOR : CIA\nFROM : WITHHELD\nTO : DIRECTOR\nTITLE: POSSIBLE ADVERSE REACTION TO ASSASSINATION OF DR.\nMARTIN LUTHER KING\nDATE : 04/06/1968\nPAGES : 1\n";
        let f = form(t);
        assert_eq!(val(&f, Key::From), Some("WITHHELD"));
        assert_eq!(val(&f, Key::To), Some("DIRECTOR"));
        assert_eq!(
            val(&f, Key::Title),
            Some("POSSIBLE ADVERSE REACTION TO ASSASSINATION OF DR. MARTIN LUTHER KING")
        );
        assert_eq!(val(&f, Key::Date), Some("04/06/1968"));
        assert_eq!(val(&f, Key::Pages), Some("1"));
        let d = f.get(Key::Date).unwrap();
        assert_eq!(&t[d.start..d.end], "04/06/1968");
    }

    #[test]
    fn a_form_read_through_page_edge_damage() {
        // JFK 104-10418-10265 (abridged): the title read `Tdentification-Form`; the release
        // legend, cut by the page edge, among the document's values.
        let t = "FK Assassination System\nTdentification-Form\nDate:\n10/16/20\nAGENCY :\nRECORD NUMBER :\n= \u{2018}Agency Information\nCIA\n104-104 18-10265\nORIGINATOR :\nFROM:\nTO\nTITLE:\nDATE:\nPAGES:\n* Document Information\nCIA\nWITHHELD eS\nCHIEF, EUROPEAN DIVISION :\nennedy Assassination\necords Collection Act of\n992 (44 USC 2107 Note).\naset:NW 64578 Date:\n14.20)\nDISPATCH-TRANSMITTAL OF PRESS CLIPPINGS- WILLEM OLTMANS.\n02/01/1972\n4\n";
        let f = extract(&normalize(t)).unwrap();
        assert_eq!(val(&f, Key::From), Some("WITHHELD eS"));
        assert_eq!(
            val(&f, Key::Title),
            Some("DISPATCH-TRANSMITTAL OF PRESS CLIPPINGS- WILLEM OLTMANS.")
        );
        assert_eq!(val(&f, Key::Date), Some("02/01/1972"));
        assert_eq!(val(&f, Key::Pages), Some("4"));
    }

    #[test]
    fn a_key_after_a_page_edge_fragment() {
        // JFK 176-10037-10226: `ed` before DATE, the stamp's edge.
        let t = "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\n\nAGENCY : NARA\u{2019}\nRECORD NUMBER : 176-10037-10226\nTITLE : John F. Kennedy document Control Record\ned DATE : 3/12/1964 -\nPAGES : 1\nSUBJECTS :\n";
        let f = extract(&normalize(t)).unwrap();
        assert_eq!(val(&f, Key::Date), Some("3/12/1964 -"));
        assert_eq!(val(&f, Key::Pages), Some("1"));
    }

    #[test]
    fn column_by_column_layout_with_missing_values() {
        // JFK 157-10014-10185: keys first, then values; FROM and TO are empty.
        let t = "JFK Assassination System Date:\nIdentification Form\n7/7/2015\nAGENCY :\nRECORD NUMBER :\nRECORD SERIES :\nAGENCY FILE NUMBER :\nORIGINATOR :\nFROM:\nTO:\nTITLE\nDATE\nPAGES\nSUBJECTS :\nDOCUMENT TYPE =\nCLASSIFICATION :\nRESTRICTIONS :\nCURRENT STATUS :\nDATE OF LAST REVIEW:\nOPENING CRITERIA :\nCOMMENTS :\nAgency Information\nSSCIA\n157-10014-10185\nMISCELLANEOUS RECORDS OF THE CHURCH COMMITTEE\n07-M-90\nDocument Information\nSSCIA\nTHE CONGO\n08/22/1975\n5\nCIA\nMOBUTU\nSUMMARY\nUnclassified\n1B; 1C\nRedact\n05/31/2000\n";
        let f = form(t);
        assert_eq!(val(&f, Key::Agency), Some("SSCIA"));
        assert_eq!(val(&f, Key::RecordNumber), Some("157-10014-10185"));
        assert_eq!(val(&f, Key::Title), Some("THE CONGO"));
        assert_eq!(val(&f, Key::From), None);
        assert_eq!(val(&f, Key::Date), Some("08/22/1975"));
        assert_eq!(val(&f, Key::Pages), Some("5"));
        assert_eq!(val(&f, Key::Classification), Some("Unclassified"));
        assert_eq!(val(&f, Key::ReviewDate), Some("05/31/2000"));
    }

    #[test]
    fn colon_lines_bind_to_the_key_before_them() {
        // JFK 104-10273-10321: FROM empty, `: DIRECTOR` is TO's.
        let t = "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY : CIA\nDOCUMENT INFORMATION\nAGENCY ORIGINATOR\nCIA\nFROM\nTO\n: DIRECTOR\nTITLE\n: CABLE: HEMMING BROTHERS INVOLVEMENT IN PLOT TO\nASSASINATE LAUGERUD\nDATE\nPAGES\n06/08/1976\n9\nSUBJECTS : HEMMING, GERALD\n";
        let f = form(t);
        assert_eq!(val(&f, Key::From), None);
        assert_eq!(val(&f, Key::To), Some("DIRECTOR"));
        assert_eq!(
            val(&f, Key::Title),
            Some("CABLE: HEMMING BROTHERS INVOLVEMENT IN PLOT TO ASSASINATE LAUGERUD")
        );
        assert_eq!(val(&f, Key::Date), Some("06/08/1976"));
        assert_eq!(val(&f, Key::Pages), Some("9"));
    }

    #[test]
    fn a_date_read_before_its_key_is_still_the_date() {
        // JFK 104-10418-10225: the DATE value is printed above its key.
        let t = "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nFROM\n:RAYMOND G. ROCCA C/CI/R&A\nTO\n: MFR\nTITLE:\nGARRISON AND THE KENNEDY ASSASSINATION: INTERVIEW OF.\nGARRISON ON DUTCH TV BY WILLIAM L. OLTMANS\n03/01/1968\nDATE\nPAGES : 6\n";
        let f = form(t);
        assert_eq!(val(&f, Key::From), Some("RAYMOND G. ROCCA C/CI/R&A"));
        assert_eq!(val(&f, Key::To), Some("MFR"));
        assert_eq!(val(&f, Key::Date), Some("03/01/1968"));
        assert!(val(&f, Key::Title).unwrap().ends_with("WILLIAM L. OLTMANS"));
    }

    #[test]
    fn a_value_after_the_originator_is_from_when_its_key_is_lost() {
        // JFK 104-10143-10180: OCR dropped the FROM key; its `: value` line remains.
        let t = "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nDOCUMENT INFORMATION\nAGENCY ORIGINATOR : CIA\n\n: CARLUCCI, FRANK C., DDCI\n\nTO : HENSHAW,\n\nEDMUND L., JR., CONGRESS\n\nTITLE : LETTER RE SECURITY REVIEW OF THE HSCA FINAL REPORT\n\nDATE\n\n06/18/1979\n";
        let f = form(t);
        assert_eq!(val(&f, Key::Originator), Some("CIA"));
        assert_eq!(val(&f, Key::From), Some("CARLUCCI, FRANK C., DDCI"));
        assert!(val(&f, Key::To).unwrap().starts_with("HENSHAW"));
        let v = f.get(Key::From).unwrap();
        assert_eq!(&t[v.start..v.end], "CARLUCCI, FRANK C., DDCI");
    }

    #[test]
    fn the_originator_takes_the_first_value_before_empty_from_and_to() {
        // JFK 104-10006-10280: keys then values; FROM and TO are empty.
        let t = "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nDOCUMENT INFORMATION\nORIGINATOR :\nFROM\nTO\nTITLE\nDATE\nPAGES\nSUBJECTS\nCIA\nNAME CHECK REQUEST - MOYKA RACHITSKAYA\n03/02/64\nRACHITSKAYA, M.\n";
        let f = form(t);
        assert_eq!(val(&f, Key::Originator), Some("CIA"));
        assert_eq!(val(&f, Key::From), None);
        assert_eq!(val(&f, Key::To), None);
        assert_eq!(
            val(&f, Key::Title),
            Some("NAME CHECK REQUEST - MOYKA RACHITSKAYA")
        );
        assert_eq!(val(&f, Key::Date), Some("03/02/64"));
    }

    #[test]
    fn nara_page_stamps_between_keys_and_values_are_none() {
        // JFK 194-10001-10279 (abridged): the page's stamp read between the keys and their
        // values
        let t = "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\n\nDOCUMENT INFORMATION\nORIGINATOR\nFROM\n\nTO\n\nTITLE\n\nDATE\n\nNW 64954\nDocld:34517370 Page 1\n\nFBI\nFEDERAL BUREAU OF INVESTIGATIONS\n04/13/56\n";
        let f = form(t);
        assert_eq!(val(&f, Key::Originator), Some("FBI"));
        assert!(f
            .values
            .iter()
            .all(|v| !v.value.contains("Docld") && !v.value.contains("64954")));
    }

    #[test]
    fn no_form_no_values() {
        assert_eq!(
            extract(&normalize(
                "MEMORANDUM FOR: Inspector General\nFROM: Director\n"
            )),
            None
        );
    }
}
