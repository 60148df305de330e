//! The anatomy of a memorandum: section headings, listed attachments (`Tab 1 - Talking
//! Points`), the decision block (`Approve ___ Disapprove ___`) with its recommendation,
//! participants by side, and the meeting a briefing memo prepares (date, time, place).

use crate::fields::date::find_dates;
use crate::lines::{upper_ratio, Line};
use crate::normalize::Normalized;
use declass_model::{Attachment, Decision, Meeting, Party, Section, Spanned};
use regex::Regex;
use std::sync::LazyLock;

/// Section names of State and intelligence memoranda. A heading outside this list counts
/// only with a Roman numeral (`II. APPROACH`).
const SECTION_NAMES: &[&str] = &[
    "OBJECTIVES",
    "OBJECTIVE",
    "APPROACH",
    "PARTICIPANTS",
    "ISSUE FOR DECISION",
    "ISSUES FOR DECISION",
    "ESSENTIAL FACTORS",
    "RECOMMENDATION",
    "RECOMMENDATIONS",
    "BACKGROUND",
    "DISCUSSION",
    "ANALYSIS",
    "SUMMARY",
    "COMMENT",
    "COMMENTS",
    "ACTION REQUESTED",
    "ACTION REQUIRED",
    "SETTING",
    "ISSUES",
    "OPTIONS",
    "PRESS GUIDANCE",
    "CONGRESSIONAL ASPECTS",
    "CONCLUSION",
    "CONCLUSIONS",
    "TALKING POINTS",
    "SCENARIO",
    "YOUR OBJECTIVES",
    "KEY POINTS",
    "THE ISSUE",
    "PURPOSE",
    "THE PROBLEM",
];

static ATTACH_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[^\w\n]{0,3}(?:Attachments?|Enclosures?|Tabs?)[ \t]*:?[ \t]*$")
        .expect("static regex")
});
// The label's words, as literals: the lines where they stand are the only candidates.
static ATTACH_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"Attachment|Enclosure|Tab").expect("static regex"));
static ATTACH_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}((?:Tab|TAB|Attachment|Enclosure|Annex)\s+[A-Z0-9]{1,3}(?-u:\b).*)$")
        .expect("static regex")
});

static OPTIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?-u:\b)(Approve|APPROVE|Disapprove|DISAPPROVE|Agree|Disagree|Concur|Nonconcur|Approved|Disapproved)(?-u:\b)").expect("static regex")
});
// After an option: blanks (`___`) mean unmarked; initials or a check mean marked.
static MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[A-Z]{2,4}(?-u:\b)|[Xx✓](?-u:\b)|/s/)").expect("static regex")
});

/// Before or after noon, as typed.
const AMPM: &str = r"(?:a\.m\.|p\.m\.|A\.M\.|P\.M\.|am|pm|AM|PM)";

static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?P<date>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{{1,2}}(?:,\s*\d{{4}})?),?\s+(?P<time>\d{{1,2}}(?::\d\d)?(?:\s*-\s*\d{{1,2}}(?::\d\d)?)?\s*{AMPM}?)(?:,\s*(?P<place>[^\n]{{0,80}}))?"))
        .expect("static regex")
});

static PLACE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s[IVX]{1,4}\.\s|\*\*").expect("static regex"));

/// Where the participants' sides begin: a short line naming a country or side.
static SIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,2}(?:U\.S\.|US|USA|United States|Soviet Union|United Kingdom|South Africa|North Korea|South Korea|Saudi Arabia|West Germany|East Germany|[A-Z][a-z]+|[A-Z][A-Za-z.]+\s+Side|[A-Z]{2,5})\W{0,2}$").expect("static regex")
});

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Anatomy {
    pub sections: Vec<Section>,
    pub attachments: Vec<Attachment>,
    pub decision: Option<Decision>,
    pub participants: Vec<Party>,
    pub meeting: Option<Meeting>,
}

pub fn extract(n: &Normalized, body_start: usize, year: Option<i32>) -> Anatomy {
    let all: Vec<Line<'_>> = n.lines_from(body_start).collect();
    let mut a = Anatomy {
        sections: sections(n, &all),
        ..Anatomy::default()
    };
    a.attachments = attachments(n, &all);
    a.decision = decision(n, &a.sections);
    a.participants = participants(n, &all, &a.sections);
    a.meeting = if a.participants.is_empty() {
        None
    } else {
        labelled_meeting(n, &all)
    }
    .or_else(|| meeting(n, body_start, year));
    a
}

/// The heading at the end of a line, if any: the trailing run of capitals (markup such as
/// `**` and `#` aside), a known section name or one numbered with a Roman numeral.
/// Scanned by hand: every line of a cable ends in capitals, so this runs on most lines.
fn heading_at_end(t: &str) -> Option<(usize, usize, bool)> {
    let b = t.as_bytes();
    let mut i = b.len();
    while i > 0 && matches!(b[i - 1], b'*' | b':' | b' ' | b'\t') {
        i -= 1;
    }
    let end = i;
    while i > 0 && (b[i - 1].is_ascii_uppercase() || b[i - 1] == b' ') {
        i -= 1;
    }
    while i < end && b[i] == b' ' {
        i += 1;
    }
    if end - i < 4 || end - i > 60 {
        return None;
    }
    let run = &t[i..end];
    let before = t[..i].trim_end_matches(['*', '#', ' ', '\t']);
    let numbered = before
        .strip_suffix('.')
        .map(|p| {
            p.rsplit(|c: char| !c.is_ascii_uppercase())
                .next()
                .unwrap_or("")
        })
        .is_some_and(|num| {
            (1..=4).contains(&num.len()) && num.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        });
    let starts_clean = i == 0 || matches!(b[i - 1], b' ' | b'\t' | b'*' | b'#');
    if numbered && starts_clean && end - i <= 42 {
        return Some((i, end, true));
    }
    // A known name at the end of the run (`SECRET RECOMMENDATION` ends in one).
    SECTION_NAMES
        .iter()
        .filter(|name| run.ends_with(*name))
        .map(|name| end - name.len())
        .find(|&s| s == 0 || matches!(b[s - 1], b' ' | b'\t' | b'*' | b'#'))
        .map(|s| (s, end, false))
}

/// A known section name alone on its line in any case, as memoranda of the White House
/// and the NSC write them (`Background`, `Recommendation:`): its start and end in `t`.
fn heading_alone_at(t: &str) -> Option<(usize, usize)> {
    // (asked of every line: bytes, and out at the first that cannot open a name)
    let b = t.as_bytes();
    if b.len() > 40 {
        return None;
    }
    let markup = |c: u8| matches!(c, b' ' | b'\t' | b'*' | b'#' | b'_');
    let start = b.iter().position(|&c| !markup(c))?;
    if !b[start].is_ascii_uppercase() {
        return None;
    }
    let end = b.iter().rposition(|&c| !markup(c) && c != b':')? + 1;
    let word = &b[start..end];
    // (letters and spaces, as long as a name: most short lines are not)
    let shaped = (6..=24).contains(&word.len())
        && word.iter().all(|c| c.is_ascii_alphabetic() || *c == b' ');
    (shaped
        && SECTION_NAMES
            .iter()
            .any(|name| name.as_bytes().eq_ignore_ascii_case(word)))
    .then_some((start, end))
}

/// Whether `t` is a section heading alone on its line (any case): no line of a subject.
pub(crate) fn is_heading_alone(t: &str) -> bool {
    heading_alone_at(t).is_some()
}

fn sections(n: &Normalized, all: &[Line<'_>]) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    // (a heading in small letters stands after a blank line: only those lines are asked)
    let mut after_blank = true;
    for l in all {
        let t = l.text.trim_end();
        let blank_above = std::mem::replace(&mut after_blank, t.trim_start().is_empty());
        let Some((s, e, _)) = heading_at_end(t).or_else(|| {
            blank_above
                .then(|| heading_alone_at(t).map(|(s, e)| (s, e, false)))
                .flatten()
        }) else {
            continue;
        };
        let heading = t[s..e].split_whitespace().collect::<Vec<_>>().join(" ");
        // In a text all in capitals, only a heading alone on its line counts.
        let alone = t[..s]
            .trim_matches(|c: char| c.is_whitespace() || c == '*' || c == '#')
            .is_empty()
            || t[..s].trim_end().ends_with('.') && t[..s].trim_end().len() <= 6;
        if upper_ratio(t) > 0.9 && !alone && t.len() > heading.len() + 12 {
            continue;
        }
        if out.iter().any(|x| x.heading == heading) {
            continue;
        }
        out.push(Section {
            span: n.span(l.start + s, l.start + e),
            heading,
        });
    }
    out
}

fn attachments(n: &Normalized, all: &[Line<'_>]) -> Vec<Attachment> {
    let mut out = Vec::new();
    let Some(first) = all.first() else { return out };
    let region = &n.text[first.start..];
    // Only lines holding the label's words are asked (a pattern anchored at every line's
    // start is slow to search), then the lines after the label are read.
    let labels = crate::lines::lines_holding(region, &ATTACH_WORDS)
        .into_iter()
        .filter(|&s| ATTACH_LABEL.is_match(crate::lines::line_at(region, s)));
    for label in labels {
        let at = first.start + label;
        let i = all.partition_point(|l| l.start <= at).saturating_sub(1);
        for next in all.iter().skip(i + 1).filter(|l| !l.is_blank()).take(8) {
            let Some(m) = ATTACH_ITEM.captures(next.text).and_then(|c| c.get(1)) else {
                break;
            };
            let raw = m.as_str().trim().to_string();
            out.push(Attachment {
                span: n.span(next.start + m.start(), next.start + m.start() + raw.len()),
                raw,
                record: None,
            });
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

fn decision(n: &Normalized, sections: &[Section]) -> Option<Decision> {
    let text = &n.text;
    let mut d = Decision::default();
    // The options stand together on one line (or two adjacent ones).
    let mut found: Vec<regex::Match<'_>> = Vec::new();
    for m in OPTIONS.find_iter(text) {
        if let Some(prev) = found.last() {
            if m.start() - prev.end() > 80 {
                if found.len() >= 2 {
                    break;
                }
                found.clear();
            }
        }
        found.push(m);
    }
    if found.len() < 2 {
        return None;
    }
    for m in &found {
        let word = m.as_str();
        let cap = word[..1].to_uppercase() + &word[1..].to_lowercase();
        d.options
            .push(Spanned::new(cap.clone(), n.span(m.start(), m.end())));
        let after = crate::lines::window(text, m.end(), 12);
        if d.marked.is_none() && MARK.is_match(after) && !after.trim_start().starts_with('_') {
            d.marked = Some(Spanned::new(cap, n.span(m.start(), m.end())));
        }
    }
    // The recommendation: the first paragraph under RECOMMENDATION.
    if let Some(sec) = sections
        .iter()
        .find(|s| s.heading.to_ascii_uppercase().starts_with("RECOMMENDATION"))
    {
        let after = &text[sec.span.end..];
        let lead = after.len() - after.trim_start().len();
        let para = after.trim_start().split("\n\n").next().unwrap_or("");
        let para = para.split_whitespace().collect::<Vec<_>>().join(" ");
        if para.len() > 10 && !OPTIONS.is_match(crate::lines::window(&para, 0, 12)) {
            let start = sec.span.end + lead;
            let raw_len = after.trim_start().split("\n\n").next().unwrap_or("").len();
            d.recommendation = Some(Spanned::new(para, n.span(start, start + raw_len)));
        }
    }
    Some(d)
}

/// Most participants read: a conference's list is longer than any memo's table.
const MAX_PARTICIPANTS: usize = 80;

// A memorandum of conversation's label, with its first side or participant after it on
// its line (`PARTICIPANTS:  PRC`, `Participants:`).
static PARTICIPANTS_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}(?:PARTICIPANTS|Participants)\s*[:;]").expect("static regex")
});
static PARTICIPANTS_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ARTICIPANTS|articipants").expect("static regex"));
// The memo's next label, which ends the participants (`DATE, TIME`, `AND PLACE:`).
static NEXT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}(?:DATE|Date|TIME|Time|PLACE|Place|AND PLACE|SUBJECT|Subject|SUBJ|DISTRIBUTION|Distribution|COPIES|Copies)(?-u:\b)")
        .expect("static regex")
});

/// The two parties of a telephone call's record, named between a slash on the first line
/// under its heading, which ends at `heading_end` (`TELCON` / `The Secretary/Amb. Huang
/// Chen` / `11/12/73  5:30 p.m.`).
pub fn telcon_parties(n: &Normalized, heading_end: usize) -> Vec<Party> {
    let Some(l) = n.lines_from(heading_end).find(|l| !l.is_blank()) else {
        return Vec::new();
    };
    let (t, s) = l.trimmed();
    let Some(slash) = t.find('/') else {
        return Vec::new();
    };
    let (a, b) = (&t[..slash], &t[slash + 1..]);
    // (two short names or titles: not a date, `11/12/73`, nor an office symbol, `EA/ROC`)
    let side = |p: &str| {
        let p = p.trim();
        (1..=6).contains(&p.split_whitespace().count())
            && p.chars().any(char::is_lowercase)
            && p.chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\''))
    };
    if b.contains('/') || !side(a) || !side(b) {
        return Vec::new();
    }
    let lead = |p: &str| p.len() - p.trim_start().len();
    vec![
        crate::fields::routing::party(a.trim(), s + lead(a), n),
        crate::fields::routing::party(b.trim(), s + slash + 1 + lead(b), n),
    ]
}

fn participants(n: &Normalized, all: &[Line<'_>], sections: &[Section]) -> Vec<Party> {
    // After the PARTICIPANTS section's heading, else after the label of a memorandum of
    // conversation (and on its line), up to the next section.
    let (from, first) = match sections
        .iter()
        .find(|s| s.heading.eq_ignore_ascii_case("PARTICIPANTS"))
    {
        Some(sec) => (sec.span.end, None),
        None => {
            // (the label's literal first, in one scan of the head: most documents have none)
            let head = &all[..all.len().min(80)];
            let (Some(a), Some(b)) = (head.first(), head.last()) else {
                return Vec::new();
            };
            if !PARTICIPANTS_WORD.is_match(&n.text[a.start..b.end()]) {
                return Vec::new();
            }
            let Some((l, m)) = head
                .iter()
                .find_map(|l| PARTICIPANTS_LABEL.find(l.text).map(|m| (l, m)))
            else {
                return Vec::new();
            };
            let rest = &l.text[m.end()..];
            let lead = rest.len() - rest.trim_start().len();
            (
                l.end(),
                Some((rest.trim(), l.start + m.end() + lead, m.end() + lead)),
            )
        }
    };
    let next_section = sections
        .iter()
        .map(|s| s.span.start)
        .filter(|&s| s > from)
        .min()
        .unwrap_or(usize::MAX);
    let mut out: Vec<Party> = Vec::new();
    let mut side: Option<String> = None;
    let below = all
        .iter()
        .filter(|l| l.start >= from && l.start < next_section)
        .map(|l| {
            let (t, s) = l.trimmed();
            (t, s, s - l.start)
        });
    // (how far the last participant's line stood in: a line further in continues it)
    let mut last_indent = usize::MAX;
    // (a blank line above: what follows starts afresh, a side or a participant)
    let mut after_blank = false;
    for (t, s, indent) in first.into_iter().chain(below) {
        if t.is_empty() {
            after_blank = true;
            continue;
        }
        let fresh = std::mem::take(&mut after_blank);
        // (a table of a meeting's participants is short; a text of labels is no table)
        if out.len() >= MAX_PARTICIPANTS || PARTICIPANTS_LABEL.is_match(t) {
            break;
        }
        let sentence = t.ends_with('.') && t.split_whitespace().count() >= 8 || running_text(t);
        if ATTACH_LABEL.is_match(t)
            || t.starts_with("Drafted")
            || t.len() > 80
            || NEXT_LABEL.is_match(t)
            || crate::lines::NUMBERED.is_match(t)
            || sentence
        {
            break;
        }
        // `(notetaker)` and wrapped titles continue the previous participant.
        // (a parenthesis of more words is a remark on what follows, after them: `(All the
        // information reported below is from TEPEDINO`)
        let remark = t.starts_with('(') && t.split_whitespace().count() > 3;
        if remark && !out.is_empty() {
            break;
        }
        let hanging = indent > last_indent.saturating_add(1) && !out.is_empty();
        let continues = hanging
            || t.starts_with('(') && !remark
            || !fresh
                && t.split_whitespace().count() == 1
                && t.chars().next().is_some_and(char::is_uppercase)
                && out.last().is_some_and(|p| p.raw.contains(','));
        if !continues && SIDE.is_match(t) {
            side = Some(
                t.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                    .to_string(),
            );
            continue;
        }
        if continues {
            if let Some(p) = out.last_mut() {
                p.raw.push(' ');
                p.raw.push_str(t);
                if !t.starts_with('(') {
                    p.title = p.title.take().map(|x| format!("{x} {t}"));
                }
                p.span.end = s + t.len();
            }
            continue;
        }
        // A line listing names (`Sel. Com. - David Aaron, Rick Inderfurth, Greg Treverton`,
        // its side before the dash): a participant each.
        last_indent = indent;
        if let Some(names) = name_list(t) {
            let (list_side, names) = names;
            for (a, b) in names {
                out.push(Party {
                    raw: t[a..b].to_string(),
                    name: Some(t[a..b].to_string()),
                    side: list_side.map(str::to_string).or_else(|| side.clone()),
                    span: n.span(s + a, s + b),
                    ..Party::default()
                });
            }
            continue;
        }
        let (name, title) = match t.split_once(',') {
            Some((a, b)) => (a.trim().to_string(), Some(b.trim().to_string())),
            None => (t.split(" (").next().unwrap_or(t).trim().to_string(), None),
        };
        out.push(Party {
            raw: t.to_string(),
            name: Some(name),
            title,
            side: side.clone(),
            span: n.span(s, s + t.len()),
            ..Party::default()
        });
    }
    out
}

/// A line of running text, not a participant and a title: three words or more in small
/// letters besides a title's own (`of`, `the`, `and`): `The Secretary welcomed the Vice
/// Minister and said he looked forward`, where `Director General of the Department of North
/// American Affairs` has none and `(notetaker)` one.
fn running_text(t: &str) -> bool {
    t.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && w.chars().all(char::is_alphabetic)
                && !crate::lines::TITLE_SMALL_WORDS.contains(w)
        })
        .count()
        >= 3
}

// Words of a title or a body, which no name in a list of names holds (`Yeh Chien-ying, Vice
// Chairman, Military Affairs Commission` is one participant with his title).
// (routing's title words, and those of foreign and diplomatic offices)
static OFFICE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    let routing = crate::fields::routing::TITLE_WORD_LIST;
    Regex::new(&format!(r"(?i)(?-u:\b)(?:{routing}|Chairman|Commission|Minister|Ministry|Ambassador|Premier|President|Vice|Affairs|Council|Embassy|Consul|Adviser|Advisor|Counselor|Interpreter)(?-u:\b)"))
        .expect("static regex")
});

/// A line of three names or more between commas (and a last `and`), each of two or three
/// capitalised words, after a side and its dash: the side, and each name's offsets.
#[allow(clippy::type_complexity)]
fn name_list(t: &str) -> Option<(Option<&str>, Vec<(usize, usize)>)> {
    let (side, list, at) = match t.split_once(" - ") {
        Some((side, rest)) if side.split_whitespace().count() <= 3 => {
            (Some(side.trim()), rest, t.len() - rest.len())
        }
        _ => (None, t, 0),
    };
    let mut names = Vec::new();
    let mut pos = 0;
    for piece in list.split(',').flat_map(|p| p.split(" and ")) {
        let off = list[pos..].find(piece).map_or(pos, |o| pos + o);
        pos = off + piece.len();
        let name = piece.trim();
        let words: Vec<&str> = name.split_whitespace().collect();
        let capitalised = words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
        });
        if !(2..=3).contains(&words.len()) || !capitalised || OFFICE_WORD.is_match(name) {
            return None;
        }
        let lead = piece.len() - piece.trim_start().len();
        names.push((at + off + lead, at + off + lead + name.len()));
    }
    (names.len() >= 3).then_some((side, names))
}

// A memorandum of conversation's labels for when and where, and the value beside them:
// `DATE:`, `TIME:`, `PLACE:`, `DATE AND TIME:`, `DATE, TIME` over `AND PLACE:`. A colon or
// a column's gap parts label and value.
static MEETING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let join = r"\s*(?:,|AND|and|&)\s*";
    Regex::new(&format!(
        r"^\W{{0,3}}(?P<label>(?:DATE|Date)(?:{join}(?:TIME|Time))?(?:{join}(?:PLACE|Place))?|(?:(?:AND|and)\s+)?(?:TIME|Time)(?:{join}(?:PLACE|Place))?|(?:(?:AND|and)\s+)?(?:PLACE|Place))(?:\s*[:;]\s*|\s{{2,}})(?P<value>\S.*?)\s*$"
    ))
    .expect("static regex")
});
// A time of day or a span of them: `10:00 a.m.-11:30 a.m.`, `3:00-3:30 p.m.`, `4 p.m.`.
static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)\d{{1,2}}(?::\d\d\s*{AMPM}?|\s*{AMPM})(?:\s*[-–]\s*\d{{1,2}}(?::\d\d)?\s*{AMPM}?)?"
    ))
    .expect("static regex")
});

// `Place:` with its value on the lines below (a form read a column at a time).
static PLACE_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}(?:(?:AND|and)\s+)?(?:PLACE|Place)\s*[:;]\s*$").expect("static regex")
});

/// The place on the lines after its label: up to two lines (OCR breaks one), to the next
/// label.
fn place_below(n: &Normalized, below: &[Line<'_>]) -> Option<Spanned<String>> {
    let mut lines_of = below
        .iter()
        .filter(|l| !l.is_blank())
        .take(2)
        .take_while(|l| {
            !NEXT_LABEL.is_match(l.text.trim()) && !PARTICIPANTS_LABEL.is_match(l.text)
        });
    let first = lines_of.next()?;
    let (t, s) = first.trimmed();
    let mut value = t.to_string();
    let mut end = s + t.len();
    for l in lines_of {
        let (t, s) = l.trimmed();
        value.push(' ');
        value.push_str(t);
        end = s + t.len();
    }
    Some(Spanned::new(value, n.span(s, end)))
}

/// The meeting a memorandum of conversation records, from its DATE/TIME/PLACE labels near
/// its top: the date written under a DATE label, the time under any, the place under a
/// PLACE label (or after the time, on a line labelled with all three).
fn labelled_meeting(n: &Normalized, all: &[Line<'_>]) -> Option<Meeting> {
    let mut m = Meeting::default();
    let head = &all[..all.len().min(80)];
    for (i, l) in head.iter().enumerate() {
        if m.place.is_none() && PLACE_ALONE.is_match(l.text) {
            m.place = place_below(n, &head[i + 1..]);
            continue;
        }
        let Some(c) = MEETING_LABEL.captures(l.text) else {
            continue;
        };
        let (Some(label), Some(value)) = (c.name("label"), c.name("value")) else {
            continue;
        };
        let label = label.as_str().to_ascii_uppercase();
        let (v, at) = (value.as_str(), l.start + value.start());
        if label.contains("DATE") && m.date.is_none() {
            m.date = find_dates(v)
                .into_iter()
                .next()
                .map(|h| Spanned::new(h.value(), n.span(at + h.start, at + h.end)));
        }
        let time = TIME_OF_DAY.find(v);
        if m.time.is_none() {
            m.time = time.map(|t| {
                Spanned::new(
                    t.as_str().trim().to_string(),
                    n.span(at + t.start(), at + t.end()),
                )
            });
        }
        if label.contains("PLACE") && m.place.is_none() {
            // (after the date and time on a line that holds all three)
            let from = if label.contains("DATE") || label.contains("TIME") {
                time.map_or(v.len(), |t| t.end())
            } else {
                0
            };
            let rest = v[from..].trim_start_matches([',', ';', ' ']);
            let start = at + v.len() - rest.len();
            if rest.chars().any(char::is_alphabetic) {
                m.place = Some(Spanned::new(
                    rest.to_string(),
                    n.span(start, start + rest.len()),
                ));
            }
        }
    }
    (m.date.is_some() || m.place.is_some()).then_some(m)
}

fn meeting(n: &Normalized, body_start: usize, year: Option<i32>) -> Option<Meeting> {
    let text = &n.text;
    let end = body_start + crate::lines::window(text, body_start, 4000).len();
    let window = &text[body_start..end];
    // Every weekday ends in "day": skip the full pattern where none is written.
    if !window.contains("day") {
        return None;
    }
    // Find first (fast), then read the groups of the one match.
    let found = MEETING.find(window)?;
    let c = MEETING.captures(found.as_str())?;
    let base = body_start + found.start();
    let at = |m: regex::Match<'_>| n.span(base + m.start(), base + m.end());
    let dm = c.name("date")?;
    // The weekday line rarely has the year: take it from the document's date.
    let with_year = if find_dates(dm.as_str()).is_empty() {
        year.map(|y| format!("{}, {y}", dm.as_str()))
    } else {
        Some(dm.as_str().to_string())
    };
    let date = with_year
        .as_deref()
        .and_then(|s| find_dates(s).into_iter().next())
        .map(|h| Spanned::new(h.value(), at(dm)));
    let time = c
        .name("time")
        .map(|m| Spanned::new(m.as_str().trim().to_string(), at(m)));
    let place = c.name("place").and_then(|m| {
        // The place runs to the next section marker (`I. OBJECTIVES`) or the line's end.
        let raw = m.as_str();
        let cut = PLACE_END.find(raw).map_or(raw.len(), |x| x.start());
        let p = crate::lines::trim_margin_letters(&raw[..cut]);
        if p.is_empty() {
            return None;
        }
        let off = p.as_ptr() as usize - raw.as_ptr() as usize;
        Some({
            Spanned::new(
                p.to_string(),
                n.span(base + m.start() + off, base + m.start() + off + p.len()),
            )
        })
    });
    Some(Meeting { date, time, place })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    const SEED_000: &str = include_str!("../../../../corpus/sample/seeds/000_79b9a1f4bfb66b60.txt");
    const SEED_004: &str = include_str!("../../../../corpus/sample/seeds/004_d82bf065194c113b.txt");

    fn headings(a: &Anatomy) -> Vec<&str> {
        a.sections.iter().map(|s| s.heading.as_str()).collect()
    }

    #[test]
    fn a_section_heading_alone_in_small_letters() {
        // JFK 157-10002-10052: `Participants:` alone on its line
        let t = "residence, 815536552nd Sta Ww, (6X3)\n\nParticipants:\n\nSel. Com. - David Aaron, Rick Inderfurth, Greg Treverton\n";
        let n = crate::normalize::normalize(t);
        let all: Vec<Line<'_>> = n.lines_from(0).collect();
        let s = sections(&n, &all);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].heading, "Participants");
        assert_eq!(&n.text[s[0].span.start..s[0].span.end], "Participants");
        // a word of the list inside a sentence, or in small letters, is no heading
        let n = crate::normalize::normalize("The background of the case.\nbackground\n");
        let all: Vec<Line<'_>> = n.lines_from(0).collect();
        assert!(sections(&n, &all).is_empty());
    }

    #[test]
    fn a_memorandum_of_conversations_labels() {
        // *made up* in the form of State's memoranda of conversation: the first side on the
        // label's line, the participants indented under it, then `DATE, TIME` over `AND
        // PLACE:` in the left column
        let t = "MEMORANDUM OF CONVERSATION\n\nSUBJECT:       Secretary's Meeting with Foreign Minister Qian\n\nPARTICIPANTS:  PRC\n               Foreign Minister Qian Qichen\n               Ambassador Zhu Qizhen\n\n               U.S.\n               The Secretary\n               Lynn Pascoe, EAP/C (notetaker)\n\nDATE, TIME     September 29, 1990, 10:00 a.m.-11:30 a.m.\nAND PLACE:     Waldorf Astoria, New York\n\n1. The Secretary welcomed Foreign Minister Qian.\n";
        let n = normalize(t);
        let a = extract(&n, 0, Some(1990));
        let sides: Vec<(&str, &str)> = a
            .participants
            .iter()
            .filter_map(|p| Some((p.side.as_deref()?, p.name.as_deref()?)))
            .collect();
        assert_eq!(
            sides,
            [
                ("PRC", "Foreign Minister Qian Qichen"),
                ("PRC", "Ambassador Zhu Qizhen"),
                ("U.S.", "The Secretary"),
                ("U.S.", "Lynn Pascoe")
            ]
        );
        let m = a.meeting.unwrap();
        let (date, time, place) = (m.date.unwrap(), m.time.unwrap(), m.place.unwrap());
        assert_eq!(date.value, "1990-09-29");
        assert_eq!(
            &n.text[date.span.start..date.span.end],
            "September 29, 1990"
        );
        assert_eq!(time.value, "10:00 a.m.-11:30 a.m.");
        assert_eq!(place.value, "Waldorf Astoria, New York");
        assert_eq!(&n.text[place.span.start..place.span.end], place.value);
    }

    #[test]
    fn a_side_after_a_blank_line_and_the_text_after_the_list() {
        // *made up* in State's form: a side's name under a blank line starts a side, not the
        // last participant's wrapped title; the text of the conversation below is no one
        let t = "MEMORANDUM OF CONVERSATION\n\nPARTICIPANTS:\n\nU.S.\nThe Secretary\nJeffrey Bader, Director, EAP/CM (notetaker)\n\nChina\nVice Foreign Minister Liu Huaqiu\nMa Zhengang, Director General of the Department of North American Affairs\n\nThe Secretary welcomed the Vice Minister and said he looked forward\nto a frank exchange on human rights.\n";
        let a = extract(&normalize(t), 0, Some(1993));
        let sides: Vec<(&str, &str)> = a
            .participants
            .iter()
            .filter_map(|p| Some((p.side.as_deref()?, p.raw.as_str())))
            .collect();
        assert_eq!(
            sides,
            [
                ("U.S.", "The Secretary"),
                ("U.S.", "Jeffrey Bader, Director, EAP/CM (notetaker)"),
                ("China", "Vice Foreign Minister Liu Huaqiu"),
                (
                    "China",
                    "Ma Zhengang, Director General of the Department of North American Affairs"
                ),
            ]
        );
    }

    #[test]
    fn a_meetings_labels_and_a_list_of_names() {
        // JFK 157-10002-10052 (the Select Committee's memo of a meeting): the form read a
        // column at a time, the place's value below its label and broken by the OCR, the
        // participants one line of names after their side
        let t = "SENSITIVE\n\nFILE:\n\nDate: May 27, 1975\n\nTime: 10:00 a.m.\n\nPlace:\n\nGoodwin's\n\nresidence, 815536552nd Sta Ww, (6X3)\n\nParticipants:\n\nSel. Com. - David Aaron, Rick Inderfurth, Greg Treverton\n\nSubject:\n\nIntelligence Activities in Latin America\n";
        let n = normalize(t);
        let a = extract(&n, 0, Some(1975));
        let names: Vec<(&str, &str)> = a
            .participants
            .iter()
            .filter_map(|p| Some((p.side.as_deref()?, &n.text[p.span.start..p.span.end])))
            .collect();
        assert_eq!(
            names,
            [
                ("Sel. Com.", "David Aaron"),
                ("Sel. Com.", "Rick Inderfurth"),
                ("Sel. Com.", "Greg Treverton")
            ]
        );
        let m = a.meeting.unwrap();
        assert_eq!(m.date.unwrap().value, "1975-05-27");
        assert_eq!(m.time.unwrap().value, "10:00 a.m.");
        assert_eq!(
            m.place.unwrap().value,
            "Goodwin's residence, 815536552nd Sta Ww, (6X3)"
        );
        // JFK 104-10183-10424 (a contact report): a remark in parentheses under the
        // participants is none of them
        let t = "CONTACT REPORT\n\nParticipants: Carlos TEPEDINO, (Harry Webster and Harold F..\nSwenson\n\n(All the information reported below is from TEPEDINO\n\nA. PRQ-1 form filled out by Carlos. See attached original.\n";
        let n = normalize(t);
        let a = extract(&n, 0, Some(1965));
        assert_eq!(a.participants.len(), 1, "{:?}", a.participants);
        assert_eq!(a.participants[0].name.as_deref(), Some("Carlos TEPEDINO"));
        // a text of labels and names is no table of participants: a second label ends
        // it, and a list stops at its bound
        let n = normalize(&"PARTICIPANTS: PRC\nSincerely,\n".repeat(50));
        assert!(extract(&n, 0, None).participants.len() <= 1);
        let names: String = (0..500)
            .map(|i| format!("Name Number{i}, Director\n"))
            .collect();
        let n = normalize(&format!("PARTICIPANTS:\n{names}"));
        assert_eq!(extract(&n, 0, None).participants.len(), MAX_PARTICIPANTS);
        // a DATE label without participants is the memo's date, no meeting's
        let n = normalize("MEMORANDUM FOR THE RECORD\n\nDATE: 29 March 1977\n\n1. Text.\n");
        assert!(extract(&n, 0, Some(1977)).meeting.is_none());
    }

    #[test]
    fn seed_000_sections_attachments_participants_meeting() {
        let n = normalize(SEED_000);
        let a = extract(&n, 0, Some(1993));
        assert_eq!(headings(&a), vec!["OBJECTIVES", "APPROACH", "PARTICIPANTS"]);
        let tabs: Vec<&str> = a.attachments.iter().map(|t| t.raw.as_str()).collect();
        assert_eq!(
            tabs,
            vec!["Tab 1 - Talking Points", "Tab 2 - Biographic Information"]
        );
        let m = a.meeting.unwrap();
        assert_eq!(m.date.unwrap().value, "1993-11-05");
        assert_eq!(m.time.unwrap().value, "3:00-3:30 p.m.");
        assert_eq!(m.place.unwrap().value, "Your Office");
        let us: Vec<&str> = a
            .participants
            .iter()
            .filter(|p| p.side.as_deref() == Some("U.S."))
            .filter_map(|p| p.name.as_deref())
            .collect();
        assert_eq!(
            us,
            vec![
                "The Secretary",
                "Mr. Tarnoff",
                "A/S Lord",
                "A/S Shattuck",
                "EAP/CM Director Keyser",
                "Ms. Vivian Chang"
            ]
        );
        let china: Vec<&str> = a
            .participants
            .iter()
            .filter(|p| p.side.as_deref() == Some("China"))
            .filter_map(|p| p.name.as_deref())
            .collect();
        assert_eq!(
            china,
            vec![
                "Vice Foreign Minister Liu",
                "Ambassador Li Daoyu",
                "Ma Zhengang",
                "Liu Xiaoming",
                "Mr. Jiang Jiang"
            ]
        );
    }

    #[test]
    fn seed_004_sections_and_decision() {
        let n = normalize(SEED_004);
        let a = extract(&n, 0, Some(1990));
        assert_eq!(
            headings(&a),
            vec!["ISSUE FOR DECISION", "ESSENTIAL FACTORS", "RECOMMENDATION"]
        );
        let d = a.decision.unwrap();
        let opts: Vec<&str> = d.options.iter().map(|o| o.value.as_str()).collect();
        assert_eq!(opts, vec!["Approve", "Disapprove"]);
        assert_eq!(
            d.marked.unwrap().value,
            "Approve",
            "initials RMK beside Approve"
        );
        assert_eq!(
            d.recommendation.unwrap().value,
            "That you sign the attached letter to Foreign Minister Qian Qichen of the Peoples Republic of China."
        );
    }

    #[test]
    fn blank_options_are_not_marked() {
        let n =
            normalize("RECOMMENDATION\n\nThat you approve.\n\nApprove ______ Disapprove ______\n");
        let d = extract(&n, 0, None).decision.unwrap();
        assert_eq!(d.options.len(), 2);
        assert!(d.marked.is_none());
        // *made up* in the form of the NSC's memoranda for the President: the sections'
        // headings in small letters, alone on their lines
        let t = "SUBJECT:  Sending a Private Emissary to Beijing\n\nPurpose\n\nTo decide whether to send an emissary.\n\nRecommendation\n\nThat you approve sending the emissary.\n\n          Approve ______          Disapprove ______\n";
        let a = extract(&normalize(t), 0, None);
        assert_eq!(headings(&a), ["Purpose", "Recommendation"]);
        let d = a.decision.unwrap();
        assert_eq!(
            d.recommendation.unwrap().value,
            "That you approve sending the emissary."
        );
    }
}
