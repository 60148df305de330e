//! Title / subject: the `SUBJECT:` line (and OCR variants), joined across wrapped lines
//! and hyphen breaks (FIELDS.md §3).

use crate::lines::{lines, upper_ratio, Line};
use crate::normalize::Normalized;
use declass_model::Spanned;
use regex::Regex;
use std::sync::LazyLock;

// A word and a separator at the start of a line: `SUBJECT:`, `SUBJ --`, `SUBJECT ;`,
// `Subject.`, `SUBJECT ?`, `TITLE:`, `RE:`, after a margin's stray letters (`ic SUBJECT:`).
// Which words are labels is decided by `is_label`.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[\s"'“‘*|.«]{0,3}(?:[a-z]{1,2}\s+)?(?P<w>[A-Za-z]{2,8})(?-u:\b)\s*(?:[({\[](?i:optional)[)}\]])?\s*(?:[:;.,?]+|--?|—|\s7\s)\s*"#)
        .expect("static regex")
});

// A report form's SUBJECT box has no separator, and a second column follows on the line:
// `SUBECT Julio Damaso, VASQUEZ OATE OSTR. February 1965` (JFK 104-10186-10186), or a
// quoted name: `SUMECT “MAYRA" (an alias) \ DATE DISTR.`.
static BARE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[\s"'“‘*|.«]{0,3}(?P<w>[A-Z]{5,8}|[a-z]{5,8})[ \t]+(?P<v>["“‘]?[A-Z])"#)
        .expect("static regex")
});
static SECOND_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\s‘'“][DO0]ATE\s+(?:[A-Za-z0-9]{2,6}[.,]?\s|OF\s)|\sREPORT\s+NO|\sNO\.\s+PAGES")
        .expect("static regex")
});

// The DATE DISTR box beside a report form's SUBJECT as OCR may read it (`date ost`).
static BARE_SECOND_COLUMN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\sdate\s+[a-z]{2,5}\s").expect("static regex"));

/// The words that open a report form's line below its SUBJECT box, when they continue the
/// subject: capitalised words up to the first debris, on a line that is not another box.
fn bare_continuation(line: &str) -> Option<&str> {
    let t = line.trim();
    let first = t.split_whitespace().next()?;
    let is_box = matches!(
        first
            .trim_end_matches(['.', ',', ':'])
            .to_ascii_uppercase()
            .as_str(),
        "NO" | "REFERENCES"
            | "DATE"
            | "PLACE"
            | "RETURN"
            | "INFO"
            | "SOURCE"
            | "COUNTRY"
            | "REPORT"
            | "SUBJECT"
            | "THIS"
    );
    // `OF THE PEOPLE'S REVOLUTIONARY MOVEMENT`: a wrapped phrase may open with a short word
    let joins = matches!(
        first,
        "OF" | "IN" | "ON" | "TO" | "AND" | "FOR" | "BY" | "AT"
    );
    if is_box
        || first.len() < 3 && !joins
        || !first.starts_with(|c: char| c.is_uppercase())
        || SECOND_COLUMN.is_match(t)
    {
        return None;
    }
    let mut end = 0;
    for w in t.split_whitespace() {
        if w.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            break;
        }
        end = t[end..].find(w).map_or(end, |p| end + p + w.len());
    }
    let kept = &t[..end];
    (kept.split_whitespace().count() <= 6).then_some(kept)
}

static OPTIONAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[({\[](?i:optional)[)}\]]").expect("static regex"));

/// SUBJECT read through OCR (`SUBIECT`, `UBJECT`, `IBJECT`), or SUBJ, TITLE, RE.
fn is_label(w: &str) -> bool {
    ["SUBJ", "TITLE", "RE"]
        .iter()
        .any(|l| w.eq_ignore_ascii_case(l))
        || crate::fuzzy::is_word(w, "SUBJECT", 2)
}

// A line that starts another field or a numbered paragraph ends the subject.
static STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W{0,3}(?:[A-Z][A-Za-z /]{0,24}\s?[:;]|\d{1,2}\s?[.)]\s|\(?[a-z]\)\s|REF(?-u:\b)|#|--)",
    )
    .expect("static regex")
});

/// A line of numbers: a digit in every word.
fn file_number(t: &str) -> bool {
    t.split_whitespace()
        .all(|w| w.chars().any(|c| c.is_ascii_digit()))
}

/// Whether a title opens with the places it is about, then a colon: `CHINA: THE PROGRESS
/// OF ECONOMIC REFORM`, `USSR-CHINA: ...` (the intelligence papers' form), no label.
fn places_lead(t: &str) -> bool {
    t.split_once(':').is_some_and(|(lead, _)| {
        lead.split(['-', '/'])
            .all(|p| !p.trim().is_empty() && declass_entities::is_place(p.trim()))
    })
}

/// A paper's number on its line: `No. 0512/69`, `13-7-70`, `NUMBER 13-8-72`, `No. 1045`
/// (and what stands in another column of the line).
fn paper_number(t: &str) -> bool {
    let mut words = t.split_whitespace();
    match words.next() {
        Some("No." | "NO." | "No" | "Number" | "NUMBER" | "Nr.") => words
            .next()
            .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit())),
        _ => file_number(t),
    }
}

// A numbered field's number before its label: `3. TITLE:` (asked of lines opening with a
// digit only).
static FIELD_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\s*\d{1,2}\.\s+)(?:TITLE|SUBJECT|Title|Subject)\s*:").expect("static regex")
});

const MAX_LINES: usize = 4;
const MAX_CHARS: usize = 300;

fn is_stop(line: &Line<'_>, title_is_upper: bool) -> bool {
    let t = line.text.trim();
    STOP.is_match(t)
        || t.len() > 120
        // the memo's first section (`Purpose`, `BACKGROUND`)
        || crate::fields::anatomy::is_heading_alone(t)
        // A heading in capitals after a mixed-case subject is the next section; a file
        // number under it (`SFH429 229`: a digit in every word) is not a heading.
        || (!title_is_upper && t.len() > 3 && upper_ratio(t) > 0.9 && !file_number(t))
}

/// The document's subject line; failing that, a title devised as archivists devise one
/// (DACS 2.3): the form's name and the gist of its first sentence (`Cable: DESPITE STATION
/// PRESSURE ...`), with a lower confidence and its span on the gist. A report form's
/// SUBJECT box names what the report is about (a person, an organisation) rather than
/// titling it, so there too the form's name leads (`Information report: Oreste VARELA`).
pub fn extract(n: &Normalized, body_start: usize, form: Option<&str>) -> Option<Spanned<String>> {
    let prefix = |mut t: Spanned<String>| {
        if let Some(form) = form {
            t.value = format!("{form}: {}", t.value);
        }
        t
    };
    let is_report = form.is_some_and(|f| f.ends_with("report"));
    subject(n, body_start)
        .map(|t| if is_report { prefix(t) } else { t })
        .or_else(|| flattened_subject(n, body_start))
        .or_else(|| dispatch_box(n, body_start))
        .or_else(|| under_type_heading(n, body_start))
        .or_else(|| form.is_none().then(|| form_heading(n)).flatten())
        .or_else(|| unlabelled_subject(n, body_start))
        .or_else(|| gist(n, body_start).map(prefix))
}

/// The papers of a meeting or a visit, as their heading names them.
const PAPERS: &str = "TALKING POINTS|(?:BRIEFING|BACKGROUND|POSITION|SCOPE|ISSUES) PAPER";

// A paper's type as its heading, over the paper's title in capitals: `TALKING POINTS` /
// `MEETING WITH AMBASSADOR ZHU QIZHEN`, `NATIONAL INTELLIGENCE ESTIMATE` / `COMMUNIST
// CHINA'S INTERNATIONAL POSTURE`.
static TYPE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\W{{0,3}}(?:{PAPERS}|(?:SPECIAL )?NATIONAL INTELLIGENCE ESTIMATE|INTELLIGENCE (?:MEMORANDUM|(?:RESEARCH )?REPORT|NOTE|BRIEF|ASSESSMENT)|RESEARCH (?:STUDY|PAPER))\W{{0,3}}$"))
        .expect("static regex")
});
// The heading going on to the occasion: `TALKING POINTS FOR THE SECRETARY'S MEETING WITH` /
// `FOREIGN MINISTER QIAN QICHEN`.
static TYPE_HEADING_TITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\W{{0,3}}(?:{PAPERS})\s+(?:FOR|ON)\s+\S")).expect("static regex")
});
static TYPE_HEADING_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)POINTS|ESTIMATE|PAPER|INTELLIGENCE (?:MEMORANDUM|REPORT|RESEARCH|NOTE|BRIEF|ASSESSMENT)|RESEARCH STUDY").expect("static regex")
});

/// A title typed in small letters: two long words or more, each capitalised, no
/// sentence's full stop (`Peking's Foreign Policy After the Ninth Party Congress`; not a
/// paper's number, `No. 0512/69`).
fn headline(t: &str) -> bool {
    let long = || {
        t.split_whitespace()
            .filter(|w| w.len() >= 4 && w.starts_with(|c: char| c.is_alphabetic()))
    };
    !t.ends_with('.')
        && long().nth(1).is_some()
        && t.split_whitespace().all(|w| {
            !w.starts_with(char::is_lowercase) || crate::lines::TITLE_SMALL_WORDS.contains(&w)
        })
}

/// Non-blank lines from the top where the type's heading may stand, and lines of the
/// title under it.
const TYPE_HEADING_LINES: usize = 12;
const TYPE_TITLE_LINES: usize = 3;

/// The title in capitals right under a paper's type heading (a line or up to three, to a
/// blank line): no label, no agency's name, no section.
fn under_type_heading(n: &Normalized, body_start: usize) -> Option<Spanned<String>> {
    // (the headings' words as literals first: most documents are no such paper)
    let head = crate::lines::window(&n.text, body_start, 3000);
    if !TYPE_HEADING_WORDS.is_match(head) {
        return None;
    }
    let all: Vec<Line<'_>> = n
        .lines_from(body_start)
        .filter(|l| !l.is_blank())
        .take(TYPE_HEADING_LINES + TYPE_TITLE_LINES)
        .collect();
    let (at, titled) = all
        .iter()
        .take(TYPE_HEADING_LINES)
        .enumerate()
        .find_map(|(i, l)| {
            let t = l.text.trim();
            if TYPE_HEADING.is_match(t) {
                Some((i, false))
            } else {
                TYPE_HEADING_TITLED.is_match(t).then_some((i, true))
            }
        })?;
    let mut parts: Vec<(&str, usize)> = Vec::new();
    let mut upper = true;
    // (a heading that goes on to what the paper is for is the title, its lines below too)
    if titled {
        let (t, s) = all[at].trimmed();
        upper = upper_ratio(t) >= 0.9;
        parts.push((t, s));
    }
    for (k, l) in all.iter().enumerate().skip(at + 1).take(TYPE_TITLE_LINES) {
        // (the title's lines stand together: a blank line ends it)
        if !parts.is_empty() && n.text[all[k - 1].end()..l.start].matches('\n').count() > 1 {
            break;
        }
        let (t, s) = l.trimmed();
        // the paper's number over its title (`No. 0512/69`, `13-7-70`, `NUMBER 13-8-72`,
        // `No. 1045` with the date in its own column)
        if parts.is_empty() && paper_number(t) {
            continue;
        }
        let words = t.split_whitespace().count();
        // (a paper on one country may be titled by its name alone: `TAIWAN`)
        let place_alone =
            words == 1 && parts.is_empty() && t.len() >= 4 && declass_entities::is_place(t);
        // (the title in capitals, or typed as a headline: its lines are all one or the other)
        if parts.is_empty() {
            upper = upper_ratio(t) >= 0.9;
        }
        if !(2..=14).contains(&words) && !place_alone
            || if upper {
                upper_ratio(t) < 0.9
            } else {
                !headline(t)
            }
            || is_stop(l, upper) && !(parts.is_empty() && places_lead(t))
            || crate::fields::anatomy::is_heading_alone(t)
            || t.contains("AGENCY")
            || t.starts_with("--")
        {
            break;
        }
        parts.push((t, s));
    }
    let (&(_, start), &(last, last_start)) = (parts.first()?, parts.last()?);
    let value = parts.iter().map(|p| p.0).collect::<Vec<_>>().join(" ");
    Some(Spanned::new(value, n.span(start, last_start + last.len())))
}

/// Lines from the top where a memorandum's routing block may end.
const ROUTING_LINES: usize = 40;

/// A subject typed without its label, a headline alone on its line under the routing
/// block (`FROM: EA - Arthur W. Hummel, Jr.` / `INR - Harold H. Saunders` / blank /
/// `Succession in China After Mao`), as the Department's memoranda of the 1970s have it.
fn unlabelled_subject(n: &Normalized, body_start: usize) -> Option<Spanned<String>> {
    let all: Vec<Line<'_>> = n.lines_from(body_start).take(ROUTING_LINES).collect();
    let (last, end) = all.iter().enumerate().rev().find_map(|(i, l)| {
        // (a label with its colon: a bare or bent one is as often OCR's debris)
        let end = crate::fields::routing::label_end(l.text)?;
        l.text[..end].contains(':').then_some((i, end))
    })?;
    // the label's value and its lines below (past a blank line when the label stands
    // alone, `FROM` / blank / `Jerry G. Brown`), then blank lines
    let mut k = last + 1;
    let skip_blank = |k: &mut usize| {
        while all.get(*k).is_some_and(|l| l.is_blank()) {
            *k += 1;
        }
    };
    if all[last].text[end..].trim().is_empty() {
        skip_blank(&mut k);
    }
    while all.get(k).is_some_and(|l| !l.is_blank()) {
        k += 1;
    }
    skip_blank(&mut k);
    let line = all.get(k)?;
    let (t, s) = line.trimmed();
    let alone = all.get(k + 1).is_none_or(|l| l.is_blank());
    // (a key in capitals opens a form's line: `PARTICIPANTS: The Secretary`)
    let key = t
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with(':') && upper_ratio(w) > 0.9);
    // (typed in small letters, of words alone: not a cable's slugs in capitals nor OCR's
    // marks, `WNINTEL MHSPLASH`, `FROME = - ° of, |`)
    let words_only = t
        .chars()
        .all(|c| c.is_alphanumeric() || " '’-,:./&()".contains(c));
    let fits = alone
        && !key
        && words_only
        && upper_ratio(t) < 0.6
        && t.split_whitespace().count() <= 14
        && headline(t)
        && !crate::fields::anatomy::is_heading_alone(t);
    fits.then(|| Spanned::new(t.to_string(), n.span(s, s + t.len())))
}

/// How a devised title names a party: by name, else by title (`The Secretary`).
fn named(p: &declass_model::Party) -> Option<&str> {
    p.name.as_deref().or(p.title.as_deref())
}

/// Most participants a devised title names.
const TITLE_PARTICIPANTS: usize = 6;

/// A memorandum of conversation's title devised from who took part, as an archivist
/// devises one (`Memorandum of conversation: Chou En-lai, Henry A. Kissinger`): its first
/// sentence is speech, not a gist. Confidence 0.5, span over the participants.
/// `kind` names the record (`Memorandum of conversation`, `Telephone conversation`); a
/// participant without a name is named by title (`The Secretary`).
pub fn from_participants(
    n: &Normalized,
    ps: &[declass_model::Party],
    kind: &str,
) -> Option<Spanned<String>> {
    let (first, last) = (ps.first()?, ps.last()?);
    let names: Vec<&str> = ps
        .iter()
        .filter_map(named)
        .take(TITLE_PARTICIPANTS)
        .collect();
    let more = if ps.len() > TITLE_PARTICIPANTS {
        " and others"
    } else {
        ""
    };
    Some(
        Spanned::new(
            format!("{kind}: {}{more}", names.join(", ")),
            n.span(first.span.start, last.span.end),
        )
        .with_confidence(0.5),
    )
}

/// A letter's title devised from its writer and addressee (`Letter from Jimmy Carter to Hua
/// Kuo-feng`), each by name or else title; confidence 0.5, span over the writer.
pub fn from_correspondents(
    from: &[declass_model::Party],
    to: &[declass_model::Party],
) -> Option<Spanned<String>> {
    let writer = from.first()?;
    let (a, b) = (named(writer)?, to.first().and_then(named)?);
    Some(Spanned::new(format!("Letter from {a} to {b}"), writer.span).with_confidence(0.5))
}

// A dispatch form's box under its SUBJECT: `ACTION REQUIRED - REFERENCES` (OCR's
// `REGUIRED`, `“ACTION`, a margin's `“of [ACTION`).
static ACTION_REQUIRED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}(?:[a-z]{1,2}\W{1,3})?ACTION\s+RE[QG]U\w*").expect("static regex")
});
/// Lines of a document's head searched for that box.
const DISPATCH_HEAD_LINES: usize = 60;

/// A dispatch's subject when the OCR lost its SUBJECT label: the form prints the subject
/// right above its `ACTION REQUIRED - REFERENCES` box (JFK 104-10068-10155: `suatet &
/// REDWOOD/ LC IMPROVE/AEVALIANT` / `Jack ROGALSKY (201-2973)`). A last line that only
/// ends the one above it (`= Goodwin`) is joined to it; the label's remains before the
/// subject (`saeco Operational ...`, a lone `E`) and crumbs after it are no part of it.
fn dispatch_box(n: &Normalized, body_start: usize) -> Option<Spanned<String>> {
    let text = n.text.get(body_start..)?;
    let head: Vec<Line<'_>> = lines(text).take(DISPATCH_HEAD_LINES).collect();
    let at = head.iter().position(|l| ACTION_REQUIRED.is_match(l.text))?;
    let above: Vec<&Line<'_>> = head[at.saturating_sub(4)..at]
        .iter()
        .filter(|l| !l.is_blank())
        .collect();
    let (&last, before) = above.split_last()?;
    let continues = |t: &str| {
        let t = t.trim();
        t.len() < 16 && !t.starts_with(|c: char| c.is_alphanumeric())
    };
    let used: Vec<&Line<'_>> = match before.last() {
        Some(&prev) if continues(last.text) => vec![prev, last],
        _ => vec![last],
    };
    let mut words: Vec<(usize, &str)> = Vec::new();
    for l in &used {
        for w in l.text.split_whitespace() {
            let at = w.as_ptr() as usize - text.as_ptr() as usize;
            // (a mark that only joins the lines: `= Goodwin`)
            if w.chars().any(char::is_alphanumeric) {
                words.push((at, w));
            }
        }
    }
    // the label's remains: a word in small letters (`saeco`, `suatet`) or a lone letter
    while let [(_, w), (_, next), ..] = words.as_slice() {
        let garbled = w.len() >= 4 && w.chars().all(|c| c.is_ascii_lowercase());
        let lone = w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
        if !(garbled || lone) || !next.starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        words.remove(0);
    }
    // crumbs after it: short words in small letters (`ma`, `a`)
    while words
        .last()
        .is_some_and(|(_, w)| w.len() <= 2 && w.chars().all(|c| c.is_ascii_lowercase()))
    {
        words.pop();
    }
    let content = words
        .iter()
        .filter(|(_, w)| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .count();
    let capital = words
        .iter()
        .any(|(_, w)| w.starts_with(|c: char| c.is_uppercase()));
    let (&(first, _), &(end_at, end_word)) = (words.first()?, words.last()?);
    if content < 2 || !capital {
        return None;
    }
    let value = words.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ");
    let (a, b) = (body_start + first, body_start + end_at + end_word.len());
    Some(Spanned::new(value, n.span(a, b)).with_confidence(0.7))
}

/// A printed form's name among a document's first lines, in capitals: a head noun of the
/// form kind after one to three words (`ANNUITY STATEMENT`, `OFFICIAL ROUTING SLIP`), or
/// a request or notice of something (`REQUEST FOR PERSONNEL ACTION`). Archivists title
/// such a form by its name; a telegram, dispatch or report (a `form` name of its own) is
/// titled by its gist instead.
static FORM_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(?:REQUEST|APPLICATION|NOTIFICATION|CERTIFICATE|AUTHORIZATION|REPORT)\s+(?:FOR|OF)\s+[A-Z]{3,}(?:\s+(?:OR\s+|AND\s+|OF\s+)?[A-Z]{3,}){0,4}|[A-Z]{3,}(?:\s+(?:AND\s+)?(?:\(\d{3}\)|[A-Z]{3,})){0,3}\s+(?:STATEMENT|SLIP|SHEET|ORDER|RECEIPT|VOUCHER|QUESTIONNAIRE|REQUEST))(?-u:\b)",
    )
    .expect("static regex")
});
/// Lines (not blank) at the top of a document where a form's name is looked for.
const HEADING_LINES: usize = 12;

fn form_heading(n: &Normalized) -> Option<Spanned<String>> {
    let text = &n.text;
    let mut seen = 0;
    for line in lines(text) {
        if line.text.trim().is_empty() {
            continue;
        }
        seen += 1;
        if seen > HEADING_LINES {
            break;
        }
        // (a heading is a short line; a telegram's paragraph is one line of thousands)
        if line.text.len() > 200 {
            continue;
        }
        // A field's label (`ANNUITY STATEMENT:`) is not the form's name, nor is a sentence
        // in capitals (`KEEP THIS STATEMENT`, `... WE CAN ORDER`: a word in capitals goes
        // on before it), nor a routing sheet or slip, which carries another document
        // (titled by that one's gist).
        let upper_word = |w: Option<&str>| {
            w.is_some_and(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()))
        };
        if let Some(m) = FORM_HEADING.find_iter(line.text).find(|m| {
            let words = || m.as_str().split_whitespace();
            !line.text[m.end()..].trim_start().starts_with(':')
                && !upper_word(line.text[..m.start()].split_whitespace().next_back())
                && !upper_word(line.text[m.end()..].split_whitespace().next())
                && !words().any(|w| {
                    matches!(
                        w,
                        "THIS"
                            | "THAT"
                            | "THE"
                            | "YOUR"
                            | "ANY"
                            | "EACH"
                            | "ROUTING"
                            | "TRANSMITTAL"
                    )
                })
        }) {
            let start = line.start + m.start();
            // a form about someone is titled with their name too (`REQUEST FOR SECURITY
            // CLEARANCE: PHILLIPS, DAVID ATLEE`), from its NAME box
            let value = match named_in_form(text, line.start + line.text.len()) {
                Some(name) => format!("{}: {name}", m.as_str()),
                None => m.as_str().to_string(),
            };
            return Some(Spanned::new(value, n.span(start, start + m.len())).with_confidence(0.6));
        }
    }
    None
}

// A form's NAME box, OCR-bent (`WAME (LAST » FIRST © MIDDLE)`, `2. NAME (Last-First-Middie)`),
// and the `SURNAME, Given` under it.
static NAME_BOX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)[NW]AME\s*[(\x{2018}'`]\s*LAST").expect("static regex")
});
static SURNAME_GIVEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\w\n]{0,3}([A-Z][A-Z'\-]+,\s+[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]*\.?){0,2})[^\w\n]{0,3}$")
        .expect("static regex")
});

/// The name in a form's NAME box, within the lines after its heading (which ends at `from`).
fn named_in_form(text: &str, from: usize) -> Option<&str> {
    let mut rest = lines(text.get(from..)?).filter(|l| !l.text.trim().is_empty());
    rest.by_ref().take(12).find(|l| NAME_BOX.is_match(l.text))?;
    rest.take(2)
        .find_map(|l| SURNAME_GIVEN.captures(l.text.trim()))
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
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
    let after = match SUBJECT_END.find(after_all) {
        Some(e) => &after_all[..e.start()],
        // 120 bytes may end inside a character (`“`): cut at a boundary.
        None => crate::lines::window(after_all, 0, 120),
    };
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

// The first numbered paragraph (`1.`, `1,"`, `1.°`, a margin letter before it); failing
// that, a cable's text right after its REF line.
static FIRST_PARA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[^\w\n]{0,3}(?:[A-Za-z][^\w\n]{1,3})?1\s?[.,)][^\w\s]{0,2}[ \t]+")
        .expect("static regex")
});
static AFTER_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[^\w\n]{0,3}(?:[a-z]\s)?RE[FYIS][A-Z]{0,3}s?[:;.]?\s[^\n]*\n(?:[^\n]{0,25}\n|\s*\n)*?[^\w\n]{0,3}(?:[a-z]\s)?(?P<body>[A-Z][A-Z0-9,'/\-]*(?:[ \t]+[A-Z0-9,'/\-]+){2})").expect("static regex")
});
// Printed furniture of the forms: all dictionary words, never the document's own text.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)REPRODUCTION\s+BY|ISSUING\s+OFFICE|UNEVALUATED|material\s+contains|national\s+defense|RETURN\s+TO\s+CIA|Background\s+Use|Do\s+Not\s+Reproduce|INDEXING|CLASSIFIED\s+MESSAGE|ROUTING\s+(?:AND|SLIP|SHEET)|PROCESSING\s+ACTION|no\s+objection\s+to|declassif|releas|eleased\s+under|Records\s+Coll|Collection\s+Act|ITEM\s+IS\s+RESTRICTED|SENDER\s+WILL\s+CHECK|RETURN\s+TO\s+SENDER|PREVIOUS\s+EDITION|(?:DIRECT|PREPARE)\s+REPLY|FOLD\s+HERE|RESTRICTED\s+HANDLING|(?-u:\b)CITE(?-u:\b)|(?-u:\b)\d{6}\s?Z(?-u:\b)|(?-u:\b)PAGE\s+\d|COORDINATING|AUTHENTICATING").expect("static regex")
});
// A telegram paragraph that only marks its classification (`(C) ENTIRE TEXT.`, `SECRET -
// ENTIRE TEXT`, `ENTIRE TEXT LOU.`), and the next paragraph's number after it.
static ENTIRE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?\s*(?:[A-Z]{1,12}\s*\)?\s*[-\x{2013}]?\s*)?ENTIRE\s+TEXT(?:\s+[A-Z]{1,3})?[\s.)]*(?:\d{1,2}\s?\.\s+)?")
        .expect("static regex")
});
static PARA_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}\s?\.\s+").expect("static regex"));
static SUMMARY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:BEGIN\s+)?SUMMARY(?:\s+AND\s+COMMENT)?\s*[:.]\s+").expect("static regex")
});
// A line that starts with a label (`TO:`, `FROM :`, `INFO.`) is routing, not text.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\w\n]{0,3}[A-Za-z]{2}[A-Za-z .&/]{0,23}\s?[:;]").expect("static regex")
});

/// Most words taken from a first sentence.
const SENTENCE_WORDS: usize = 30;
/// Fewest words before a period or a blank line may end the gist (OCR scatters both).
const SENTENCE_MIN_WORDS: usize = 8;
/// How far into the body the first sentence is looked for.
const GIST_WINDOW: usize = 20_000;

/// Share of dictionary words that makes a line prose where the form says text begins
/// (below a numbered paragraph or a REF line): OCR damage is allowed more there.
const PROSE_WHERE_TEXT_BEGINS: f64 = 0.35;

use crate::lines::{is_prose, prose_at_least};

/// Where the document's own text starts: the first numbered paragraph that reads as prose,
/// the text after a cable's REF line, or the first line of prose below the furniture.
fn text_start(n: &Normalized, body_start: usize) -> Option<usize> {
    let text = &n.text;
    let end = body_start + crate::lines::window(text, body_start, GIST_WINDOW).len();
    let region = &text[body_start..end];
    let reads = |at: usize| {
        let line = crate::lines::window(text, at, 2_000)
            .lines()
            .next()
            .unwrap_or("");
        !FURNITURE.is_match(line) && prose_at_least(line, 3, PROSE_WHERE_TEXT_BEGINS)
    };
    if let Some(at) = FIRST_PARA
        .find_iter(region)
        .map(|m| body_start + m.end())
        .take(3)
        .find(|&at| reads(at))
    {
        return Some(at);
    }
    // Find with the DFA, then capture inside the match only (captures run a slower engine).
    if let Some(m) = AFTER_REF.find(region) {
        let at = body_start + m.start();
        if let Some(b) = AFTER_REF
            .captures(&text[at..body_start + m.end()])
            .and_then(|c| c.name("body"))
        {
            if reads(at + b.start()) {
                return Some(at + b.start());
            }
        }
    }
    lines(region)
        .take(200)
        .find(|l| {
            let t = l.text.trim();
            t.len() >= 20 && !LABELLED.is_match(t) && !FURNITURE.is_match(t) && is_prose(t, 5)
        })
        .map(|l| body_start + l.trimmed().1)
}

/// The first sentence of the document's own text, joined across wrapped lines, stepping
/// over interleaved debris lines, cut at its end or at `SENTENCE_WORDS` words.
fn gist(n: &Normalized, body_start: usize) -> Option<Spanned<String>> {
    let text = &n.text;
    let mut start = text_start(n, body_start)?;
    // A telegram's first paragraph may only classify it (`1. (C) ENTIRE TEXT.`); a
    // paragraph's number and a summary's label are no words of the gist (`2. SUMMARY: AS
    // SEPTEMBER BEGINS ...`).
    for re in [&*PARA_MARK, &*ENTIRE_TEXT, &*PARA_MARK, &*SUMMARY_LABEL] {
        start += re.find(&text[start..]).map_or(0, |m| m.end());
    }
    let end = start + crate::lines::window(text, start, 4_000).len();
    // Each word with its absolute offset.
    let mut words: Vec<(&str, usize)> = Vec::new();
    let mut span_end = start;
    let mut blanks = 0;
    let mut skipped = 0;
    let mut closed = false;
    'lines: for line in lines(&text[start..end]) {
        let t = line.text.trim();
        if t.is_empty() {
            blanks += 1;
            // (a short sentence closed by its point, then a blank line: `PLEASE REPLY REF.`)
            if blanks > 2 || (blanks > 1 && words.len() >= SENTENCE_MIN_WORDS) || closed {
                break;
            }
            continue;
        }
        blanks = 0;
        if !words.is_empty() {
            // The next numbered paragraph or a line of debris: stop, or step over a few.
            if FIRST_PARA.is_match(line.text) && words.len() >= SENTENCE_MIN_WORDS {
                break;
            }
            // a sentence cut after a function word (`TOLD ODURGE AND`) goes on, whatever
            // the next line's share of dictionary words (cryptonyms: `ODENVY OF AMLASH`)
            let open = words.last().is_some_and(|(w, _)| {
                matches!(
                    w.to_ascii_uppercase().as_str(),
                    "AND"
                        | "OR"
                        | "OF"
                        | "TO"
                        | "THE"
                        | "IN"
                        | "FOR"
                        | "WITH"
                        | "ON"
                        | "BY"
                        | "FROM"
                        | "AT"
                        | "THAT"
                )
            });
            if FURNITURE.is_match(t) || LABELLED.is_match(t) || !(open || is_prose(t, 1)) {
                skipped += 1;
                if skipped > 2 {
                    break;
                }
                continue;
            }
        }
        let line_start = start + line.start;
        let mut offset = 0;
        for w in line.text.split_whitespace() {
            let at = line.text[offset..].find(w).map_or(offset, |p| offset + p);
            offset = at + w.len();
            // Margin debris (`c : __-SUGGEST`, `i 0 rm) i !`) is not taken.
            let alnum = w.chars().filter(|c| c.is_alphanumeric()).count();
            let lone_letter = alnum == 1
                && !matches!(w, "a" | "A" | "I")
                && !w.starts_with(|c: char| c.is_ascii_digit());
            if alnum == 0 || (lone_letter && (words.is_empty() || w.len() <= 2)) {
                continue;
            }
            words.push((w, line_start + at));
            span_end = line_start + offset;
            closed = words.len() >= 3 && w.ends_with('.') && offset == line.text.trim_end().len();
            // (an initial's point ends nothing; a number's does: `CUTENAFU 9.`)
            // nor does a title's (`to Mr. Goodwin`), nor a point the sentence runs on
            // after in small letters (OCR's `Jane Roman seked. me whether`)
            let small = |x: &str| x.starts_with(|c: char| c.is_lowercase());
            let next_small = small(w)
                && line.text[offset..]
                    .split_whitespace()
                    .next()
                    .is_some_and(|n| {
                        n.bytes().all(|b| b.is_ascii_lowercase())
                            && declass_lexicon::is_common_word(n)
                    });
            // (nor a month's abbreviation before its day: `BRIEFED ON SEPT. 5 MFA OFFICIAL`)
            // (a day is one or two digits and a comma at most; `2.` numbers a paragraph)
            let dated = w.ends_with('.')
                && w.len() <= 6
                && crate::fields::date::month_number(w).is_some()
                && line.text[offset..]
                    .split_whitespace()
                    .next()
                    .is_some_and(|day| {
                        let day = day.trim_end_matches(',');
                        (1..=2).contains(&day.len()) && day.bytes().all(|b| b.is_ascii_digit())
                    });
            let ends = w.ends_with(['.', '?', '!'])
                && (w.chars().filter(|c| c.is_alphanumeric()).count() > 1
                    || w.starts_with(|c: char| c.is_ascii_digit()))
                && !is_honorific(w.trim_end_matches('.'))
                && !next_small
                && !dated;
            if words.len() >= SENTENCE_WORDS || (ends && words.len() >= SENTENCE_MIN_WORDS) {
                // a paragraph's number inside a line is the next paragraph's (`... ASSIOTANT
                // 7. OCCUPATIONAL`); a date's day stays (`DECEMBER 7. EMBASSY SHOULD`)
                let month = |p: &str| crate::fields::date::month_number(p).is_some();
                let marker = w.len() <= 3
                    && w.trim_end_matches('.').bytes().all(|b| b.is_ascii_digit())
                    && !line.text[offset..].trim().is_empty()
                    && words.len() >= 2
                    && !month(words[words.len() - 2].0);
                if ends && marker {
                    words.pop();
                    if let Some(&(w, at)) = words.last() {
                        span_end = at + w.len();
                    }
                }
                break 'lines;
            }
        }
    }
    let (first, first_at) = *words.first()?;
    let lead = first.len()
        - first
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let mut value = words.iter().map(|w| w.0).collect::<Vec<_>>().join(" ");
    value.drain(..lead);
    while value.ends_with(['.', ',', ';', ':', '-', ' ']) {
        value.pop();
    }
    if value.chars().filter(|c| c.is_alphabetic()).count() < 10 {
        return None;
    }
    Some(Spanned::new(value, n.span(first_at + lead, span_end)).with_confidence(0.5))
}

/// A title or abbreviation written with a point before a name: its point ends no sentence.
fn is_honorific(w: &str) -> bool {
    matches!(
        w.to_ascii_uppercase().as_str(),
        "MR" | "MRS"
            | "MS"
            | "DR"
            | "PROF"
            | "GEN"
            | "COL"
            | "LT"
            | "MAJ"
            | "CAPT"
            | "SGT"
            | "ADM"
            | "GOV"
            | "SEN"
            | "REP"
            | "AMB"
            | "ST"
            | "NO"
            | "MESSRS"
    )
}

/// The value under a box's label: the next line that is not blank (one blank line may sit
/// between), when it reads as a topic (a few words, not another label or a paragraph).
fn box_value(n: &Normalized, rest: &[Line<'_>]) -> Option<Spanned<String>> {
    let next = rest.iter().take(2).find(|l| !l.is_blank())?;
    let (t, s) = next.trimmed();
    let words = t.split_whitespace().count();
    if !(2..=16).contains(&words)
        || is_stop(next, upper_ratio(t) > 0.9)
        || LABEL.is_match(t)
        || !prose_at_least(t, 2, 0.5)
    {
        return None;
    }
    // a stray bracket or letters of the box's edge before the value
    let lead = t.len() - t.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    let v = &t[lead..];
    Some(Spanned::new(v.to_string(), n.span(s + lead, s + t.len())).with_confidence(0.7))
}

fn subject(n: &Normalized, body_start: usize) -> Option<Spanned<String>> {
    let all: Vec<Line<'_>> = n.lines_from(body_start).take(400).collect();
    // whether the text's numbered paragraphs have begun (`1. ON 28 APRIL ...`)
    let mut in_text = false;
    for (i, line) in all.iter().enumerate() {
        // A form's numbered field (`3. TITLE: (U) PLA UNITS IN BEIJING`, a defense
        // intelligence report): its label is read after the number.
        let skip = if line
            .text
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
        {
            FIELD_NUMBER
                .captures(line.text)
                .and_then(|c| c.get(1))
                .map_or(0, |m| m.end())
        } else {
            0
        };
        let (text, text_start) = (&line.text[skip..], line.start + skip);
        // Most lines start with no label word at all: decide that before any regex runs.
        let head = text.trim_start_matches(|c: char| c.is_whitespace() || "\"'“‘*|.«".contains(c));
        if !in_text && head.starts_with(|c: char| c.is_ascii_digit()) {
            in_text = crate::lines::NUMBERED.is_match(head);
        }
        // A margin's stray letters before the label: `ic SUBJECT:`.
        let head = crate::lines::skip_margin_fragment(head, 2);
        let word = &head[..head
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(head.len())];
        if word.len() < 2 || word.len() > 8 || !is_label(word) {
            continue;
        }
        // `RE` inside or under the text is a note's, not the document's subject (a
        // handwritten `RE- OS BRISA` at a cable's foot)
        if in_text && word.eq_ignore_ascii_case("RE") {
            continue;
        }
        let labelled = LABEL
            .captures(text)
            .filter(|c| c.name("w").is_some_and(|w| is_label(w.as_str())))
            .and_then(|c| c.get(0));
        let bare = || {
            BARE_LABEL
                .captures(text)
                .filter(|c| {
                    c.name("w")
                        .is_some_and(|w| crate::fuzzy::is_word(w.as_str(), "SUBJECT", 2))
                })
                .and_then(|c| Some(c.get(0)?.start()..c.name("v")?.start()))
        };
        // `SUBJECT.` closing a line of prose (`... METHOD APPROACH\nSUBJECT.`) is a word.
        let sentence_end = labelled.is_some_and(|m| {
            m.as_str().trim_end().ends_with('.') && text[m.end()..].trim().is_empty()
        });
        if sentence_end {
            continue;
        }
        // A form's SUBJECT box printed on a line of its own, its value on the next line
        // (a dispatch: `SUBJECT` / `Operational Monthly Report for the period 1-31 March 1964`)
        if labelled.is_none() && head.trim_end() == word && word.len() >= 5 {
            if let Some(t) = box_value(n, &all[i + 1..]) {
                return Some(t);
            }
            continue;
        }
        let (m, is_bare) = match labelled {
            Some(m) => (m.range(), false),
            None => match bare() {
                Some(r) => (r, true),
                None => continue,
            },
        };
        let mut first = text[m.end..].trim();
        // A routing sheet's printed `SUBJECT: (Optional)` is a label, not a value; a
        // portion marking opening it (`(U) PLA UNITS`, `(S/NF)`) is the paragraph's
        // classification, not its words.
        if let Some(rest) = OPTIONAL.find(first).filter(|o| o.start() == 0) {
            first = first[rest.end()..].trim();
        }
        if let Some((mark, rest)) = first.strip_prefix('(').and_then(|f| f.split_once(')')) {
            if declass_entities::portion_mark(mark) {
                first = rest.trim();
            }
        }
        if let Some(col) = SECOND_COLUMN
            .find(first)
            .or_else(|| is_bare.then(|| BARE_SECOND_COLUMN.find(first)).flatten())
        {
            first = first[..col.start()].trim_end();
        }
        // The box holds a name or a topic; a sentence there is prose that starts `SUBJECT`.
        if is_bare && first.split_whitespace().count() > 12 {
            continue;
        }
        // (`first` is a piece of `text`: where it begins there)
        let mut start = text_start + (first.as_ptr() as usize - text.as_ptr() as usize);
        let mut end = start + first.len();
        let mut parts: Vec<&str> = Vec::new();
        if !first.is_empty() {
            parts.push(first);
        }
        let mut j = i + 1;
        let mut blanks = 0;
        while j < all.len() && parts.len() < MAX_LINES && !is_bare {
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
            // Past a blank line, a subject's wrapped end stands alone; a line with more text
            // right under it opens the first paragraph.
            let opens_paragraph = || {
                all.get(j + 1)
                    .is_some_and(|after| !after.is_blank() && !is_stop(after, title_is_upper))
            };
            // (and a whole sentence alone is a paragraph of one line, or one announcing a
            // list: `The study should consider:`)
            let sentence = || {
                let t = next.text.trim_end();
                t.ends_with(['.', ':']) && t.split_whitespace().count() >= SENTENCE_MIN_WORDS
            };
            // A dateline alone (`August 14, 1969`) opens the text under the heading.
            let dateline = || {
                let t = next.text.trim();
                t.len() < 40
                    && crate::fields::date::day_date(t)
                        .is_some_and(|h| h.start <= 2 && t.len() - h.end <= 2)
            };
            // A reference opening the text (`Re Dallas teletype to Bureau 11/23/63.`,
            // `ReBuairtel`).
            let reference = || {
                let t = next.text.trim_start();
                t.strip_prefix("Re")
                    .or_else(|| t.strip_prefix("RE"))
                    .is_some_and(|r| r.starts_with([' ', ':']) || r.starts_with("Bu"))
            };
            // A letter's salutation (`Dear Mr. Chairman:`) opens the letter.
            let salutation = || crate::fields::routing::dear_line(next.text).is_some();
            if blanks == 1
                && !parts.is_empty()
                && (opens_paragraph() || sentence() || dateline() || reference())
                || !parts.is_empty() && salutation()
            {
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
        // A report form's SUBJECT box wraps too: its second line sits right under the first,
        // beside the next box's debris (`Communist Leader i ae`).
        if is_bare && !parts.is_empty() {
            if let Some((t, s)) = all
                .get(i + 1)
                .and_then(|l| bare_continuation(l.text).map(|t| (t, l.start)))
            {
                let at = s + all[i + 1].text.find(t).unwrap_or(0);
                parts.push(t);
                end = at + t.len();
            }
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
            .trim_matches(|c: char| "*_\\|".contains(c) || c.is_whitespace())
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
        extract(&normalize(s), 0, None).map(|t| t.value)
    }

    #[test]
    fn re_under_the_numbered_text_is_no_subject() {
        // JFK 104-10178-10102 (abridged): a handwritten `RE-` note at the cable's foot
        let t = "SECRET\n\n1. ON 28 APRIL DOCTOR KLAUS STEER, GERMAN DIRECTOR SCIENTIFIC\nDEPARTMENT AFRICA, REPORTED THAT HE SAW MAN IN LAGOS 23 APRIL.\n\n4. STEER WILL BE IN ADDIS ABABA UNTIL THURSDAY 2 MAY IF THER ANY\nAS hp &\nRE- OS BRISA\n\nNEED QUERY HIM FURTHER.\nSECRET\n";
        let got = title(t).unwrap_or_default();
        assert!(got.starts_with("ON 28 APRIL DOCTOR KLAUS STEER"), "{got}");
        // above the text, `RE:` is the subject
        let t = "TO: DIRECTOR\nRE: SAFE CONDUCT FOR MORALES\n\n1. ACCORDING TO SOURCE IMPOSSIBLE ARRANGE.\n";
        assert_eq!(title(t).unwrap(), "SAFE CONDUCT FOR MORALES");
    }

    #[test]
    fn a_form_is_titled_by_its_printed_name() {
        // JFK 104-10128-10357 and 104-10105-10308: OCR debris around the name.
        let t = "i. t01280367]\nparece Sail vculin! SSD\n- 26 PE\nmeweww\u{2122}\" REQUEST FOR PERSONNEL ACTION UNVOUCHERED\nREQUESTING OFFICE: Fill in items 1 through 12";
        let s = extract(&normalize(t), 0, None).unwrap();
        assert_eq!(s.value, "REQUEST FOR PERSONNEL ACTION UNVOUCHERED");
        assert_eq!(&normalize(t).text[s.span.start..s.span.end], s.value);
        let t = "TRAL INTELLIGENCE AGENCY\nRETENEMENT AND DISABILITY SYSTEM\nWASHINGTON, D.C. 20505\nos ail 20 october 1970\n\u{2018}Gorwection of Sectel Security ANNUITY STATEMENT fitistta\nRaber\nKEEP THIS STATEMENT. YOU WILL NEED IT FOR FEDERAL INCOME TAX";
        assert_eq!(title(t).unwrap(), "ANNUITY STATEMENT");
        // A telegram (a form name of its own) keeps its gist; a subject line wins over a name.
        let t = "ROUTING AND RECORD SHEET\n\nSUBJECT: Travel of Mr. Hunt\n\n1. The trip";
        assert_eq!(title(t).unwrap(), "Travel of Mr. Hunt");
        let t = "ROUTING AND RECORD SHEET\n\nAMSPELL REPORTS THE STATION MET THE DELEGATION AT THE AIRPORT ON ARRIVAL.";
        let n = normalize(t);
        assert!(extract(&n, 0, Some("Cable"))
            .unwrap()
            .value
            .starts_with("Cable: AMSPELL"));
        // A field's label is not the form's name; nor is a sentence's "this request".
        let t = "ANNUITY STATEMENT: none\nKEEP THIS STATEMENT\nOFFICIAL ROUTING SLIP\nIF NOT AVAILABLE WE CAN ORDER\nTRAVEL ORDER\n";
        assert_eq!(
            form_heading(&normalize(t)).map(|t| t.value),
            Some("TRAVEL ORDER".to_string())
        );
        assert_eq!(
            form_heading(&normalize("MEMORANDUM FOR: Chief, WH\nSUBJECT: Travel\n")),
            None
        );
    }

    #[test]
    fn a_subject_box_on_a_line_of_its_own() {
        // JFK 104-10246-10023 (abridged): a dispatch's SUBJECT box, its value under it
        let t = "Chief, WH Division : : CAN JUDGE INDEXING\n\nMexico City MICROFILM\n\nSUBJECT\n\n[aquaTig Operational Monthly Report for the period 1-31 March 1964\n\u{201c}ACTION REQUIRED - REFERENCES:\n\nPresented below is a report of the operational and support activities.\n";
        let n = normalize(t);
        let s = extract(&n, 0, Some("Dispatch")).unwrap();
        assert_eq!(
            s.value,
            "aquaTig Operational Monthly Report for the period 1-31 March 1964"
        );
        assert_eq!(&n.text[s.span.start..s.span.end], s.value);
        // a box with another label under it gives nothing
        let t = "SUBJECT\n\nDATE: 12 May 1964\n\n1. The station reports that the meeting was held as planned.\n";
        assert!(subject(&normalize(t), 0).is_none());
    }

    #[test]
    fn a_gist_ends_with_its_sentence() {
        let gist_of = |t: &str| gist(&normalize(t), 0).map(|s| s.value);
        // JFK 104-10183-10434: a line cut after AND goes on, though cryptonyms fill the next
        let t = "1. FOR PAR 154 VICTOR ESPINOSA ON RETURN PBPRIME TOLD ODURGE AND\n\nODENVY OF AMLASH CONSPIRACY; CONTACIS WITH AMLASH 2 AND 3, CUTENAFU 9.\n\nMIRRLEES; CRITICISM OF KUBARK STAFFERS AT MADR, INCLUDING GROVERY,\n";
        assert_eq!(
            gist_of(t).unwrap(),
            "FOR PAR 154 VICTOR ESPINOSA ON RETURN PBPRIME TOLD ODURGE AND ODENVY OF AMLASH CONSPIRACY; CONTACIS WITH AMLASH 2 AND 3, CUTENAFU 9"
        );
        // JFK 104-10173-10053: the next paragraph's number inside the line is not the gist's
        let t = "1. CONSIDER MARVIN KANTOR RIPE FOR DIRECT APPROACH TO EXPLORE HIS OPERATIONAL POTENTIAL 2. PREFER INITIAL APPROACH MADE BY OUTSIDER\n";
        assert_eq!(
            gist_of(t).unwrap(),
            "CONSIDER MARVIN KANTOR RIPE FOR DIRECT APPROACH TO EXPLORE HIS OPERATIONAL POTENTIAL"
        );
        // cables-ner 1979STATE317223: a date's day stays
        let t = "1. EMBASSY SHOULD PASS FOLLOWING REPORT TO COSSIGA ON VISITS TO WASHINGTON, DECEMBER 7. EMBASSY SHOULD MAKE CLEAR THAT WE\n";
        assert!(gist_of(t).unwrap().ends_with("WASHINGTON, DECEMBER 7"));
        // JFK 104-10167-10380: a title's point ends nothing
        let t = "1. I wedersterd that the question of or pest (900 rer xonth\nsubsidy to Mr. Jarona hes come up Zor discussion recently. The\nfollowing might be useful\n";
        assert!(gist_of(t)
            .unwrap()
            .ends_with("to Mr. Jarona hes come up Zor discussion recently"));
        // JFK 104-10219-10120: nor a point OCR read into a word the sentence runs on after
        let t = "1, On the afternoon of 28 C-tober 19%, Jane Rowan seked. me\nwnether we had any addresses for TI'@AMA/L in the nited States.\n";
        assert!(gist_of(t).unwrap().ends_with("in the nited States"));
    }

    #[test]
    fn a_form_about_someone_is_titled_with_their_name() {
        // JFK 104-10128-10027 and 104-10111-10088: the NAME box read `WAME`, the value under it
        let t = "SECRET u\n\n(When Filled In)\n\nREQUEST FOR SECURITY CLEARANCE\n\nWAME (LAST \u{bb} FIRST \u{a9} MIDDLE)\n\nPHILLIPS, DAVID ATLEE\n\nPOSITION TITLE\n\nOPS OFFICER\n";
        let n = normalize(t);
        let s = form_heading(&n).unwrap();
        assert_eq!(
            s.value,
            "REQUEST FOR SECURITY CLEARANCE: PHILLIPS, DAVID ATLEE"
        );
        assert_eq!(
            &n.text[s.span.start..s.span.end],
            "REQUEST FOR SECURITY CLEARANCE"
        );
        let t = "SECRET\n\n. REQUEST FOR PERSONNEL ACTION\n\n(When Filled In)\n\nDATE PREPARED\n\n1. SERIAL NUMBER | 2. NAME (Last-First-Middie)\n\n| CHRIST, DAVID L.\n\n3. NATURE OF PERSONNEL ACTION\n";
        assert_eq!(
            form_heading(&normalize(t)).unwrap().value,
            "REQUEST FOR PERSONNEL ACTION: CHRIST, DAVID L."
        );
        // JFK 104-10130-10375 (head): a report form, its NAME box's bracket read as a quote
        let t = "104-10730-10375 . : :\nan CONFIDENTIAL\nRITY_INFORMAT ION\nTs DATE OF INTERVIEW 2. PLACE\nREPORT OF INTERVIEW 6/12/55 Berkeley, Calif.\n3. PREVIOUS APPLICATION Sr INTERVIEWER REFERRED BY\nCT tes CEI No dFwinter\n6. NAME \u{2018}Last name first, in caps!\nTARASOFF, Boris Dimitri\n";
        assert_eq!(
            form_heading(&normalize(t)).unwrap().value,
            "REPORT OF INTERVIEW: TARASOFF, Boris Dimitri"
        );
        // JFK 104-10173-10008, 104-10182-10046 (heads): requests named by their kind
        for (t, name) in [
            ("65997 Date: 10-28-2021\n\nPERSONALITY FILE ACTION REQUEST\n\nRID/201 Section\n", "PERSONALITY FILE ACTION REQUEST"),
            ("\u{a2} SECRET out\nWhe Folin td -\nPERSONALITY (201) FILE REQUEST \\\nti/amursts \u{2018}SECTION ees so RE-PUNGH =\n", "PERSONALITY (201) FILE REQUEST"),
        ] {
            assert_eq!(form_heading(&normalize(t)).unwrap().value, name);
        }
        // a NAME box with no name under it adds nothing
        let t = "REQUEST FOR SECURITY CLEARANCE\nNAME (LAST, FIRST, MIDDLE)\n\nPOSITION TITLE\n";
        assert_eq!(
            form_heading(&normalize(t)).unwrap().value,
            "REQUEST FOR SECURITY CLEARANCE"
        );
    }

    #[test]
    fn wrapped_subject_across_blank_lines_stops_at_heading() {
        // State seed 004.
        let t = "SUBJECT:\n\nSuggested letter from Secretary Baker to Foreign\n\nMinister Qian Qichen\n\n#### ISSUE FOR DECISION\n\nWhether to sign";
        let n = normalize(t);
        let s = extract(&n, 0, None).unwrap();
        assert_eq!(
            s.value,
            "Suggested letter from Secretary Baker to Foreign Minister Qian Qichen"
        );
        assert!(t[s.span.start..s.span.end].starts_with("Suggested"));
        assert!(t[s.span.start..s.span.end].ends_with("Qichen"));
    }

    #[test]
    fn a_file_number_under_the_subject_is_part_of_it() {
        // JFK 104-10273-10313: the Office of Security file number wraps under the name.
        let t = "MORANDUM FOR: Chief, Security Analysis Group\n\nSUBJECT : HEMMING, Gerald Patrick\nSFH429 229\n\n1. On 9 June 1969";
        assert_eq!(title(t).unwrap(), "HEMMING, Gerald Patrick SFH429 229");
        // A heading or a stamp in capitals still ends a mixed-case subject (JFK
        // 104-10331-10172, 104-10408-10335).
        let t = "SUBJECT: Barry, Eileen:\nCONFIDENTIAL\n1. The trip";
        assert_eq!(title(t).unwrap(), "Barry, Eileen:");
        let t = "SUBJECT: Lee Harvey OSWALD\nAZ 26/- 73481\n1. The trip";
        assert_eq!(title(t).unwrap(), "Lee Harvey OSWALD");
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
        let t = extract(&n, 0, None).unwrap();
        assert!(t.value.starts_with("POSSIBLY DUE CONTINUED"), "{}", t.value);
        assert!(t.value.ends_with("REF RESULTS"), "{}", t.value);
        assert_eq!(t.confidence, Some(0.5));
        // JFK 104-10183-10019: no numbered paragraph; the text follows the REF line.
        let n = normalize("TO ROME . INFO. i: CHE DR 2 5 3\nKEYWAY PBROMEN AMWHIP\nREF: DIR 64665 (28 Aug. 63) *\nDUE PRESS PRIVATE BUSINESS, RECENT TRIP KUBARK BEHALF, AND\nDELAY ENROUTE FOR KUBARK BUSINESS PARTS.\n");
        assert!(extract(&n, 0, None)
            .unwrap()
            .value
            .starts_with("DUE PRESS PRIVATE BUSINESS"));
    }

    #[test]
    fn a_telegrams_paragraph_holds_no_forms_name() {
        // 1977PRETOR06868 (cables-ner, abridged): `UPON RECEIPT` inside paragraph 2 is no
        // form's printed name; the text's first sentence titles it
        let p1 = "1. THE SOUTH AFRICAN   REACTION TO THE DCM'S  DECEMBER 5 PRESENTATON TO UNDER SECRETARY BECKER  OF OUR  CONCERNS ABOUT THE CHIMOIO  RAID AND ITS DETRIMENTAL AFFECT ON THE PROSPECTS FOR A PEACEFUL RHODESIAN  SETTLEMENT REFLECTS AN ACUTE SENSITIVITY. THERE FOLLOWS A FULL ACCOUNT OF HOW THE POINTS ON THE CHIMOIO   RAID WERE PRESENTED TO DFA.";
        let t = format!("\n\n\n{p1}\n\n\n2. AS NOTED IN PRETORIA 6645, WE ACTED ON STATE 289251 UPON RECEIPT. I  HANDLED THE APPROACH TO HAWKINS . IN THE ABSENCE OF BOTHA AND FOURIE (AT THE BOPHUTHATSWANA INDEPENDENCE CEREMONIES) AND VAN DALSEN (ON VACATION) I   ASKED DCM  TO SEE NEXT IN LINE OF COMMAND: JOHN BECKER , UNDER SECRETARY.\n");
        let n = normalize(&t);
        let title = extract(&n, 0, None).unwrap().value;
        assert!(title.starts_with("THE SOUTH AFRICAN REACTION"), "{title}");
    }

    #[test]
    fn a_short_sentence_and_a_classification_paragraph() {
        // JFK 104-10066-10220 (head): a text of three words after the REF line (OCR read
        // its colon as `s`), then the form's debris after a blank line
        let n = normalize("een i DIRECTOR 238944\nTO\n\nWNINTEL\nREFs DIRECTOR .235838\nPLEASE REPLY REF.\n\n: : \u{b0}\nsats * SECRET FREE oe peeve\nSTAFF\n");
        assert_eq!(
            extract(&n, 0, Some("Cable")).unwrap().value,
            "Cable: PLEASE REPLY REF"
        );
        // 1979KHARTO04476 (cables-ner): the first paragraph only classifies the telegram
        let n = normalize("\n\n\n1. C - ENTIRE TEXT\n\n\n2. SUMMARY: AS SEPTEMBER BEGINS NIMEIRI  IS FACING VERY FLUID SITUATION. SEPTEMBER COULD BE CRITICAL FOR NIMEIRI\n");
        assert_eq!(
            extract(&n, 0, None).unwrap().value,
            "AS SEPTEMBER BEGINS NIMEIRI IS FACING VERY FLUID SITUATION"
        );
        // 1979ROME24202 (cables-ner): a month's abbreviation before its day ends nothing
        let n = normalize("\n1. (C- ENTIRE TEXT.)\n\n\n2. IN ACCORDANCE WITH REFTEL, WE  BRIEFED ON SEPT. 5 MFA  OFFICIAL  RESPONSIBLE FOR MULTILATERAL COMMODITY NEGOTIATIONS. HE  RESPONDED\n");
        assert_eq!(
            extract(&n, 0, None).unwrap().value,
            "IN ACCORDANCE WITH REFTEL, WE BRIEFED ON SEPT. 5 MFA OFFICIAL RESPONSIBLE FOR MULTILATERAL COMMODITY NEGOTIATIONS"
        );
        // 1974CANBER00684 (cables-ner): references, then paragraph 2 and its summary
        let n = normalize("B) STATE   019914\nC) STATE   06883, 14 JAN 72\n\n2. SUMMARY: FOLLOWING RECEIPT OF INSTRUCTIONS IN REF A, ON FEB 5 EMBOFF  AND COUNSELOR OF  BRITISH  HIGH COMMISSION PRESENTED THE TEXT.\n");
        assert!(extract(&n, 0, None)
            .unwrap()
            .value
            .starts_with("FOLLOWING RECEIPT OF INSTRUCTIONS"));
        for t in [
            "(C) ENTIRE TEXT.",
            "(SECRET-ENTIRE TEXT.) 2. ",
            "ENTIRE TEXT LOU. 2. ",
            "( C - ENTIRE TEXT.)",
        ] {
            assert_eq!(ENTIRE_TEXT.find(t).map(|m| m.end()), Some(t.len()), "{t:?}");
        }
    }

    #[test]
    fn devised_titles_name_the_form_and_step_over_margin_debris() {
        // JFK 104-10413-10038: the RECORD COPY margin letters run down the left of the text.
        let t = "TO + MEXICO CITY 382\nR FROM: DIRECTOR : R\nTO MEXI. - INFO. CITE DIR 5642\nREF: MEXI 5412 (IN 81732)*\n. R\nR\n1 ‘ 1\nc : __-SUGGEST CURTIS RAISE QUESTION OF VERBATIM TRANSCRIPTIONS i\n0 rm) i\nP Of LIENVOY PRRUMEN TAKE WITH DAINOLD WHILE LATTER MEXI, IN 7\n";
        let n = normalize(t);
        let s = extract(&n, 0, Some("Cable")).unwrap();
        assert!(
            s.value
                .starts_with("Cable: SUGGEST CURTIS RAISE QUESTION OF VERBATIM TRANSCRIPTIONS"),
            "{}",
            s.value
        );
        assert!(!s.value.contains(" i "), "{}", s.value);
        assert_eq!(&t[s.span.start..s.span.start + 7], "SUGGEST");
        assert_eq!(s.confidence, Some(0.5));
    }

    #[test]
    fn release_stamps_and_cable_headers_are_not_the_text() {
        // JFK 104-10177-10087 and 104-10063-10016 (abridged): stamp and header lines read as
        // words, but they are furniture.
        let t = "Released under the John F. Kennedy Assassination Records Collection Act of 1992\nSECRET 1620022 OCT 70 CITE PARIS ACTING HEADQUARTERS\nVIEW POSSIBILITY CHOADEN ENCOUNTERING DIFFICULTIES ON ARRIVAL HE SHOULD\nCARRY A LETTER\n";
        assert!(title(t).unwrap().starts_with("VIEW POSSIBILITY CHOADEN"));
    }

    #[test]
    fn a_routing_slips_printed_boxes_are_not_the_text() {
        // JFK 104-10140-10045 (abridged): Form 237's footer and check boxes read as words;
        // the journal it carries is the text
        let t = "OFFICIAL ROUTING SLIP\n\nRemarks:\n\nFoR HO, 237 Use previous editions\n\nETO \"RETURN TO SENDER\n\nTpePaction | | DIRECT REPLY | PREPARE REPLY __|\n\nBOLD HERE TO RETURN TO SENDER\n\n\n\nJournal - Office of Legislative Counsel\nTuesday - 8 November 1977\n\n:  38.- (Internal Use Only - PG) LIAISON Spent the better part\nof the afternoon in the Coordination & Review staff conference room.\n";
        let got = title(t).unwrap_or_default();
        assert!(
            got.starts_with("Journal Office of Legislative Counsel"),
            "{got}"
        );
    }

    #[test]
    fn report_form_subject_box_without_separator() {
        // JFK 104-10186-10186: no colon after the OCR'd label, the second column on the line.
        let t = "COUNTRY Cuba : REPORT NO, CS CI-316/00687-65\nSUBECT Julio Damaso, VASQUEZ OATE OSTR. «= February 1965\n\n: 7 NO, PAGES 1\n";
        let n = normalize(t);
        let s = extract(&n, 0, Some("Information report")).unwrap();
        assert_eq!(s.value, "Information report: Julio Damaso, VASQUEZ");
        assert_eq!(&t[s.span.start..s.span.end], "Julio Damaso, VASQUEZ");
        // JFK 104-10186-10167: a quoted name after the bare label; the box's rule dropped.
        let t = "SUMECT \u{201c}MAYRA\" (an alias) \\ DATE DISTR. \u{ab}18 March 1965 -\n";
        let s = extract(&normalize(t), 0, Some("Information report")).unwrap();
        assert_eq!(s.value, "Information report: \u{201c}MAYRA\" (an alias)");
        // JFK 104-10186-10100: the box wraps; its second line has the next box's debris.
        let t = "SUMECT Rune DEPESTRE, Haitian DATE OTR, \u{a7}=\u{2014}\u{ab}-17 December 1964\nCommunist Leader i ae\nNO. PAGES 1\n";
        let s = extract(&normalize(t), 0, Some("Information report")).unwrap();
        assert_eq!(
            s.value,
            "Information report: Rune DEPESTRE, Haitian Communist Leader"
        );
        assert!(t[s.span.start..s.span.end].ends_with("Communist Leader"));
        // JFK 104-10179-10121 (the date box beside it left out): the wrapped half opens
        // with `OF`.
        let t = "SUBSET STATEMENTS OF MANOLA\u{2019}RAY, EXILE LEADER\nOF THE PEOPLE'S REVOLUTIONARY HOVEMENT :\n: PRECEDENCE ROUTINE\n";
        assert_eq!(
            title(t).unwrap(),
            "STATEMENTS OF MANOLA\u{2019}RAY, EXILE LEADER OF THE PEOPLE'S REVOLUTIONARY HOVEMENT"
        );
        // JFK 104-10168-10402: the DATE DISTR box read as `date ost`.
        let t = "SUBECT Cuban Revolutionary Air Feree (FA2))~ date ost Us August 1559\nInforastion Concern!\nNO. PAGES 3\n";
        assert_eq!(
            title(t).unwrap(),
            "Cuban Revolutionary Air Feree (FA2))~ Inforastion Concern!"
        );
        // JFK 104-10186-10180: the label read in lower case.
        let t =
            "suwect \"JORGE\" (an alias) \u{2018}DATE OISTR. 16 February 1965\n\nNO. PAGES. 1\n";
        assert_eq!(title(t).unwrap(), "\"JORGE\" (an alias)");
        // JFK 104-10220-10234: a sentence after the word is prose, not the box.
        let t = "| SUBJECT APPEARS AT. A LATER DATE, IT WILL BC REPORTED TO You AS 17, ecc\u{e9}nes\nAVAILABLE. eee eed\n";
        assert!(!title(t).unwrap_or_default().starts_with("APPEARS"));
        // In prose the word is not a label: the line is read as text (a devised title).
        let n = normalize("Subject has continued to cooperate with the Station\n");
        assert_eq!(extract(&n, 0, None).unwrap().confidence, Some(0.5));
    }

    #[test]
    fn the_first_paragraph_after_a_blank_line_is_not_the_subject() {
        // JFK 104-10167-10438: a margin's letters before the label, then the memo's text.
        let t = "MEXORANDIR-FOR THE RECORE\nic SUBJECT: Alerting CI/Ln of the Casario Diosdado Case\n\n\u{2018}This date I brought to the attention of | CE/Ln, the\n~~~\" \u{20ac}a8@ of Ceaaric Diosdado, the Customs xan wo \u{2018}est. Tony =\n";
        let n = normalize(t);
        let s = extract(&n, 0, None).unwrap();
        assert_eq!(s.value, "Alerting CI/Ln of the Casario Diosdado Case");
        assert_eq!(&t[s.span.start..s.span.end], s.value);
        // JFK 104-10216-10366: `SUBJECT.` ends a sentence of a cable; it labels nothing.
        let t = "2. AMLASH SUGGESTED DR. PRIMITIVO LIMA PROBABLY MIAMI AREA,\nWHO AS VERY CLOSE FRIEND BEST QUALIFIED TO RECOMMEND METHOD APPROACH\nSUBJECT.\nSECR ui i\n";
        assert!(!title(t).unwrap_or_default().starts_with("SECR"));
        // JFK 104-10312-10384: OCR read the colon as a question mark.
        assert_eq!(
            title("SUBJECT ? Gordon Michael Dwane Novel\n\n1. I have reviewed").unwrap(),
            "Gordon Michael Dwane Novel"
        );
    }

    #[test]
    fn past_a_blank_line_a_sentence_or_a_section_is_no_subject() {
        // JFK 104-10117-10268: the memo's first paragraph, one sentence on one line
        let t = "FROM : OP/Contract Personnel Divisior.\n\nSUBJECT : Notification of Contract Terminations\n\nListed below are contract terminations received dur:ng the month of June 1977.\n\n";
        assert_eq!(title(t).unwrap(), "Notification of Contract Terminations");
        // *made up* in the form of the NSC's memoranda for the President: the first
        // section's heading in small letters, alone on its line
        let t = "MEMORANDUM FOR THE PRESIDENT\n\nFROM:             BRENT SCOWCROFT\n\nSUBJECT:          Sending a Private Emissary to Beijing\n\nPurpose\n\nTo decide whether to send an emissary.\n";
        assert_eq!(title(t).unwrap(), "Sending a Private Emissary to Beijing");
        // *made up* in the form of the NSC's study memoranda: a paragraph announcing a list
        let t = "TO: The Secretary of State\n\nSUBJECT: U.S. China Policy\n\nThe President has directed a study of U.S. policy toward China. The study should consider:\n\n-- The current status of U.S. relations\n";
        assert_eq!(title(t).unwrap(), "U.S. China Policy");
        // *made up* in the form of the FBI's airtel: the case's caption, then a reference
        let t = "FROM:    SAC, DALLAS (100-10461)\n\nSUBJECT: LEE HARVEY OSWALD\n         IS - R - CUBA\n\nRe Dallas teletype to Bureau 11/23/63.\n\nEnclosed for the Bureau are two copies of an LHM.\n";
        assert_eq!(title(t).unwrap(), "LEE HARVEY OSWALD IS - R - CUBA");
        // *made up* in the form of INR's intelligence notes: the dateline under the subject
        let t = "From : INR - Thomas L. Hughes\n\nSubject: Communist China: Peking Signals Interest in Resuming Warsaw Talks\n\nAugust 14, 1969\n\nPeking's decision to publish the statement suggests that the Chinese wish to keep open the talks.\n";
        assert_eq!(
            title(t).unwrap(),
            "Communist China: Peking Signals Interest in Resuming Warsaw Talks"
        );
    }

    #[test]
    fn a_papers_title_under_its_types_heading() {
        // *made up* in the forms of the State Department's talking points and the Director
        // of Central Intelligence's estimates (no dev file holds either)
        let t = "CONFIDENTIAL\n\nTALKING POINTS\n\nMEETING WITH AMBASSADOR ZHU QIZHEN\n\n-- We want to maintain a constructive relationship.\n";
        assert_eq!(title(t).unwrap(), "MEETING WITH AMBASSADOR ZHU QIZHEN");
        let t = "SECRET\n\nNIE 13-7-70\n\n      CENTRAL INTELLIGENCE AGENCY\n\n      NATIONAL INTELLIGENCE ESTIMATE\n\n      COMMUNIST CHINA'S INTERNATIONAL POSTURE\n\n           Submitted by the\n      DIRECTOR OF CENTRAL INTELLIGENCE\n\nTHE PROBLEM\n\nTo assess Communist China's international posture.\n";
        assert_eq!(title(t).unwrap(), "COMMUNIST CHINA'S INTERNATIONAL POSTURE");
        // *made up* in the form of the CIA's intelligence memoranda: the heading and the
        // title typed in small letters, the paper's number between them
        let t = "SECRET\n\nCENTRAL INTELLIGENCE AGENCY\nDIRECTORATE OF INTELLIGENCE\n\n2 May 1969\n\nIntelligence Memorandum\n\nNo. 0512/69\n\nPeking's Foreign Policy After the\nNinth Party Congress\n\nSummary\n\nThe Ninth Congress of the Chinese Communist Party, which closed on 24 April, gave no sign of change.\n";
        assert_eq!(
            title(t).unwrap(),
            "Peking's Foreign Policy After the Ninth Party Congress"
        );
        // *made up* in the forms of INR's research reports and the estimates of the 1970s:
        // the number over the title (its date in a column of its own), and a title opening
        // with the places it is about
        let t = "CONFIDENTIAL\n\nINTELLIGENCE RESEARCH REPORT\n\nNo. 1045                                         June 12, 1985\n\nCHINA: THE PROGRESS OF ECONOMIC REFORM IN THE CITIES\n\nSummary\n";
        assert_eq!(
            title(t).unwrap(),
            "CHINA: THE PROGRESS OF ECONOMIC REFORM IN THE CITIES"
        );
        let t = "SECRET\n\nNATIONAL INTELLIGENCE ESTIMATE\nNUMBER 13-8-72\n\nCommunist China's Military Policy and\nGeneral Purpose Forces\n\nSubmitted by\nRICHARD HELMS\n";
        assert_eq!(
            title(t).unwrap(),
            "Communist China's Military Policy and General Purpose Forces"
        );
        // (a label is no place: `PURPOSE: ...` under the heading titles nothing)
        let t = "INTELLIGENCE NOTE\n\nPURPOSE: TO REVIEW THE TALKS\n\nThe talks resumed.\n";
        assert_ne!(title(t).as_deref(), Some("PURPOSE: TO REVIEW THE TALKS"));
        // *made up*: a heading going on to the paper's occasion is its title
        let t = "SECRET\n\nTALKING POINTS FOR THE SECRETARY'S MEETING WITH\nFOREIGN MINISTER QIAN QICHEN\n\nParis, July 30, 1989\n\n-- We remain deeply troubled by the events of June 4.\n";
        assert_eq!(
            title(t).unwrap(),
            "TALKING POINTS FOR THE SECRETARY'S MEETING WITH FOREIGN MINISTER QIAN QICHEN"
        );
        // *made up*, a 1972 visit's background paper on one country: its name alone
        let t = "SECRET\n\nPRESIDENT'S VISIT TO THE PEOPLE'S REPUBLIC OF CHINA\nFebruary 1972\n\nBACKGROUND PAPER\n\nTAIWAN\n\nThe Taiwan question is the crucial issue in our relations with\nthe PRC.\n";
        assert_eq!(title(t).unwrap(), "TAIWAN");
        // (a word alone that names no place is no title: `SUMMARY`, `CONFIDENTIAL`)
        let t = "BACKGROUND PAPER\n\nDISCUSSION\n\nThe question is the crucial issue in our relations with them.\n";
        assert_ne!(title(t).as_deref(), Some("DISCUSSION"));
        // the heading over a section's name or the points themselves titles nothing
        let t = "TALKING POINTS\n\n-- We want to maintain a constructive relationship.\n";
        assert_ne!(
            title(t).as_deref(),
            Some("-- We want to maintain a constructive relationship.")
        );
    }

    #[test]
    fn a_subject_without_its_label_under_the_routing() {
        // *made up* in the form of the Department's information memoranda of the 1970s
        let t = "INFORMATION MEMORANDUM\n\nSECRET                S/S 7619833\n\nTO:        The Secretary\n\nFROM:      EA - Arthur W. Hummel, Jr.\n           INR - Harold H. Saunders\n\nSuccession in China After Mao\n\nMao Tse-tung's death yesterday opens the succession. Hua Kuo-feng is in the strongest position.\n";
        let s = extract(&normalize(t), 0, Some("Information memorandum")).unwrap();
        assert_eq!(s.value, "Succession in China After Mao");
        assert_eq!(&t[s.span.start..s.span.end], s.value);
        // the text's first sentence, a form's key line, or a section's heading is none
        for below in [
            "Mao Tse-tung's death yesterday opens the succession.",
            "PARTICIPANTS: The Secretary, Mr. Habib",
            "BACKGROUND",
            // JFK 104-10130-10183, 104-10121-10320: a cable's slugs, OCR's marks
            "WNINTEL MHSPLASH CKELEG SGCHART RTWINNER",
            "FROME = - \u{b0} of, | Communications i",
            "J Acron, OELL 15 eee awe",
        ] {
            let t = format!(
                "TO: The Secretary\nFROM: EA - Arthur W. Hummel, Jr.\n\n{below}\n\nText of it.\n"
            );
            assert_ne!(title(&t).as_deref(), Some(below), "{below}");
        }
        // JFK 104-10119-10418 (abridged): the sender's name under a label standing alone
        let t = "MEMORANDUM FOR: Chief, Security Analysis Group\n\nFROM\n\nJerry G. Brown\n\nSUBJECT\n\nGerald Patrick Hemming\n";
        assert_ne!(title(t).as_deref(), Some("Jerry G. Brown"));
    }

    #[test]
    fn a_numbered_title_field_and_its_portion_marking() {
        // *made up* in the form of the defense attaches' intelligence information reports
        let t = "INTELLIGENCE INFORMATION REPORT\n\n1. COUNTRY: (U) CHINA (CH)\n\n2. REPORT NUMBER: 6 856 0123 89\n\n3. TITLE: (U) PLA UNITS IN BEIJING AFTER 4 JUNE\n\n4. DATE OF INFORMATION: 890605\n";
        let s = extract(&normalize(t), 0, None).unwrap();
        assert_eq!(s.value, "PLA UNITS IN BEIJING AFTER 4 JUNE");
        assert_eq!(&t[s.span.start..s.span.end], s.value);
        let t = "SUBJECT: (S/NF) Chinese Arms Sales\n\n1. Text.\n";
        assert_eq!(title(t).unwrap(), "Chinese Arms Sales");
    }

    #[test]
    fn a_printed_optional_is_not_the_subject() {
        // JFK 104-10071-10034: a routing sheet's empty SUBJECT box; the memo's own follows.
        let t = "ROUTING AND RECORD SHEET\n\nSUBJECT: {Optional}\n\nFROM: EXTENSION | NO,\n\nSUBJECT: Bahamas/United States Black Power Ties\n";
        assert_eq!(title(t).unwrap(), "Bahamas/United States Black Power Ties");
    }

    #[test]
    fn a_dispatchs_subject_above_its_action_box() {
        // JFK 104-10068-10155 (lines): the SUBJECT label bent past reading (`suatet`), the
        // crypt line, then the subject right above `ACTION REQUIRED - REFERENCES`.
        let t = "Chicf of Station, Ottawa\n\nsuatet & REDWOOD/ LC IMPROVE/AEVALIANT\n\nJack ROGALSKY (201-2973)\n\n\u{201c}ACTION REQUIRED - REFERENCES\n\nReference: OCOW-4058, 13 December 1962\n\n1. The SMABOVES are still bombarding the Station.\n";
        let n = normalize(t);
        let s = extract(&n, 0, Some("Dispatch")).unwrap();
        assert_eq!(s.value, "Jack ROGALSKY (201-2973)");
        assert_eq!(&t[s.span.start..s.span.end], s.value);
        // JFK 104-10169-10093: the label's remains (`saeco`) before it, its last word on
        // a line of its own after a mark.
        let t = "Chief, Western Hemisphere\n\nsaeco Operational TYPIC7 Tranamittal AWRAZZ-1 Letter to Mr. Richard\n= Goodwin\n\nACTION REQUIRED - RIVERENCES\n\nAction Required: FYI and any action deemed necessary.\n";
        assert_eq!(
            title(t).unwrap(),
            "Operational TYPIC7 Tranamittal AWRAZZ-1 Letter to Mr. Richard Goodwin"
        );
        // JFK 104-10310-10140: a lone letter before it, a margin's `of [` before the box.
        let t = "Assi @CALL MHORDER Opera: Tonal\n\nE Recent Newspaper Article Concerning Richard Case NAGEL\n\u{201c}of [ACTION REQUIRED - REFERENCES\n\nReference: ko71, 10 October. 1968 tae\n";
        assert_eq!(
            title(t).unwrap(),
            "Recent Newspaper Article Concerning Richard Case NAGEL"
        );
        // JFK 104-10308-10023: only crumbs above the box: no subject from it.
        let n = normalize("vane Debricfings\n\nma\n\nACTION REQUIRED - REFERENCES\n");
        assert!(dispatch_box(&n, 0).is_none());
    }

    #[test]
    fn a_word_of_the_sentence_before_subject_is_no_margin() {
        // JFK 104-10068-10155: `of Subject.` inside a paragraph is no SUBJECT label.
        let t = "1. The SMABOVES are still bombarding the Station (although\nthe volume has diminished) with trace requests on correspondents\nof Subject. The Station has several times made clear our feel-\ning that wholesale tracing is a poor expenditure of effort.\n";
        assert!(subject(&normalize(t), 0).is_none());
        // a margin's stray letters still may stand before the label
        assert_eq!(
            title("ic SUBJECT: Travel of Mr. Hunt\n\n1. The trip").unwrap(),
            "Travel of Mr. Hunt"
        );
    }
}
