//! Routing: who a document is from and to (FIELDS.md §2).
//!
//! Read from, in order of strength:
//! 1. labels in the heading: `MEMORANDUM FOR:`, `TO:`, `FROM:`, `THRU:`/`THROUGH:`/`VIA:`,
//!    OCR-damaged (`FRO:`, `FROM,`, `TO +`, `FROM 6`), the value on the same line or the
//!    lines after it, stopping at the next label or a merged second column (`DATE:`);
//! 2. cable furniture: `DIR CITE MEXI 7015` (to DIR, from MEXI), a transmission line
//!    `TOT: 221849Z JUL 78 DIRECTOR 261709` (from headquarters), and `CITE 51113`, a
//!    cite whose station was excised (from WITHHELD, NARA's convention);
//! 3. a dispatch heading, whose addressee and sender stand unlabelled, in that order;
//! 4. for a side none of these gave, a CIA dispatch's own symbol: `HMMA-21166` went from the
//!    Mexico City station to headquarters, `UFGW-6601` from headquarters to JMWAVE;
//! 5. a cable form routed by none of these: a station alone on a short line at its top, the
//!    TO box's value (`weXICe CITY a herb: Z`).
//!
//! CIA station cable codes are expanded (`WAVE` = JMWAVE, `MEXI` = MEXICO CITY) and kept
//! beside the text as read, so a party can be found under either form.

use crate::lines::{lines, upper_ratio, Line, NUMBERED};
use crate::normalize::Normalized;
use declass_model::Party;
use regex::Regex;
use std::cell::OnceCell;
use std::sync::LazyLock;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Routing {
    pub from: Vec<Party>,
    pub to: Vec<Party>,
    pub through: Vec<Party>,
    pub info: Vec<Party>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    To,
    From,
    Through,
    Info,
    Attention,
}

// A routing label at the start of a line. Upper-case labels may be followed by a space
// alone (cables: `TO MEXI`); mixed-case ones need a separator (`To :`), since prose lines
// start with "To" and "From" too.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x)^(?:[\W\d_]|[a-z]\s){0,3}?
        (?:
            (?P<memo>[MH][EF][MRH]ORAND[UO][MH]\s+(?:FOR|TO|TOR)|Memorandum\s+(?:for|to))(?-u:\b)(?P<memosep>\s*[:;.,]?)
          | (?P<plus>(?i:to|from|fm))\s*(?P<plussep>\+)
          | (?P<up>COPIES\s+TO|TO|T0|TOs|FROM|FRO|FRON|FROH|FM|THRU|THROUGH|VIA|INFO|ATTENTION|ATTN|CC|ec)(?-u:\b)(?P<upsep>\s[46]\s|\s*(?:[:;.,'’+=]|-\s)?)
          | (?P<mixed>Copies\s+to|To|From|Thru|Through|Via|Info|Attention|Attn|cc|to|Yo|T0)\s*(?P<mixsep>[:;=]|\s[+.,=]\s)
          | (?P<ocr>[A-Za-z]{3,5})\s*(?P<ocrsep>[:;.,+])
        )\s*"#,
    )
    .expect("static regex")
});

// A label of another field merged into the value: `To : *File DATE: 16 November 1965`.
// `INFO:` inside a cable's address line, after the addressee.
static INLINE_INFO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s(?:INFO|Info)(?:\s*[:;]|\s*$)").expect("static regex"));
static SECOND_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s(?:DATE|Date|SUBJECT|Subject|SUBJ|REF|FILE|File No|NO\.)\s?[:;]|\s{3,}\S|\s\|")
        .expect("static regex")
});

static PRECEDENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:OPERATIONAL\s+)?IMMEDIATE|PRIORITY|PRITY|ROUTINE|NIACT|FLASH|DEFERRED)(?-u:\b)[\s,]*",
    )
    .expect("static regex")
});

// `DIR CITE MEXI 7015`, `PRIORITY DIR INFO WAVE CITE HELS 1629`, `CITE 51113`.
static CITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)C[I1lA]TE(?-u:\b)\s*[:;,]?\s*(?P<from>[A-Z]{3,8}|\d{3,6})(?-u:\b)")
        .expect("static regex")
});
// A cite whose station code the OCR bent into small letters (`CITE wave 8101`, `CITE
// oiRECZO}`): read only where CITE found no code in capitals.
static CITE_BENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)C[I1lA]TE(?-u:\b)\s*[:;,]?\s*(?P<from>[A-Za-z]{3,9})")
        .expect("static regex")
});

/// The station a bent cite code names: a code one letter off (`wave`, `VaVE`), or
/// DIRECTOR a third of whose letters are bent (`oiRECZO`). None when two codes are as near.
fn bent_cite_station(code: &str) -> Option<&'static str> {
    let up = code.to_ascii_uppercase();
    if let Some(full) = station(&up) {
        return Some(full);
    }
    if up.len() >= 6 {
        return declass_lexicon::within(&up, "DIRECTOR", 3).map(|_| "DIRECTOR");
    }
    // (codes of four letters: one letter off a three-letter code is a word, `his` for HQS)
    let mut near = STATIONS.iter().filter(|(c, _)| {
        up.len() == 4 && c.len() == 4 && declass_lexicon::within(&up, c, 1).is_some()
    });
    match (near.next(), near.next()) {
        (Some((_, full)), None) => Some(full),
        _ => None,
    }
}

// The addressee code before CITE on its line: `DIR`, `PRIORITY DIR INFO WAVE`.
static CITE_TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([A-Z]{3,8})(?-u:\b)").expect("static regex"));

// Headquarters numbers its own cables: `DIRECTOR 238944`, on the transmission line
// (`TOT: 221849Z JUL 78 DIRECTOR 261709`, `STAFF 2218492 DIRECTOR 261709`) or at the top.
static OWN_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(DIRECTOR)\s+\d{4,7}(?-u:\b)").expect("static regex"));
static TRANSMISSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\W{0,3}(?:TOT|STAFF)(?-u:\b)").expect("static regex"));
// A REF line cites another cable's number.
static REF_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)RE[FS]?(?-u:\b)").expect("static regex"));
/// Lines from the top where a cable's own number stands.
const OWN_NUMBER_LINES: usize = 15;

static DISPATCH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\W{0,3}[A-Z]?(?:D[IE]|[iI1l])?SPATCH(?-u:\b)").expect("static regex")
});
// Form words printed beside the dispatch addressee block.
static DISPATCH_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:X{1,2}(?-u:\b)|[|_\[]|MARKED|INDEXING|NO INDEX|ONLY QUALIFIED|CAN JUDGE|PROCESSING|microfilm|mic[a-z]*$).*$").expect("static regex")
});
// `Chief of Station, JMWAVE`, `Chiet, WE`, `Chicf, WOMUSE`, `COS, Mexico City`, `C/WH/3`,
// after margin debris (`m™ Chief, WE`, `NFO. Chief, European Division`).
static DISPATCH_PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\w\n]{0,3}(?:[A-Za-z™]{1,3}[^\w\n]{1,3})?((?:Acting\s+|Deputy\s+)?Chi[ec][ft](?:\s+of\s+(?:Sta\w+|Base))?(?-u:\b).*|COS(?-u:\b).*|C/[A-Z].*)$")
        .expect("static regex")
});
// The processing-action boxes printed only on the dispatch form.
static PROCESSING_BOX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)MARKED\s+FOR\s+INDEX|INDEXING\s+REQ|QUALIFIED\s+DESK|JUDGE\s+INDEX|PROCESSING\s+ACTION").expect("static regex")
});
static SUBJECT_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\W{0,3}(?:SUBJECT|SUBJ|RE)\s*[:;.]").expect("static regex"));
// `P - Robert M. Kimmitt`, `EAP - Winston Lord`: an office symbol, a dash, the rest.
static OFFICE_DASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Z][A-Z/&\-]{0,12})\s+-\s+(.+)$").expect("static regex"));
/// A line that is an office, a dash and its officer (`EA/ACA - Mr. Barnett`, `INR - Harold
/// H. Saunders`): a party of the State Department's memoranda and clearance lists.
pub(crate) fn office_and_officer(t: &str) -> bool {
    OFFICE_DASH
        .captures(t)
        .and_then(|c| c.get(2))
        .is_some_and(|p| PERSON.is_match(p.as_str().trim_end_matches('.')))
}

/// Whether `t` is a person's name alone (`Robert L. Suettinger`, `Mr. Barnett`), no title's
/// or office's word in it.
pub(crate) fn person_alone(t: &str) -> bool {
    let t = t.trim_end_matches('.');
    PERSON.is_match(t) && !TITLE_WORDS.is_match(t)
}

/// Where the routing label opening a line ends (`TO:`, `FROM:`, `THROUGH:`, OCR's `FRO:`).
pub(crate) fn label_end(t: &str) -> Option<usize> {
    let c = LABEL.captures(t)?;
    role(&c)?;
    Some(c.get(0)?.end())
}

static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Mr|Mrs|Ms|Dr|Gen|Adm|Col)\.?\s+)?(?:[A-Z]\.\s*)?[A-Z][a-z]+\.?(?:\s+[A-Z]\.?)*(?:\s+[A-Z][a-zA-Z'\-]+){0,2}(?:,?\s+(?:Jr|Sr|II|III|IV)\.?)?$").expect("static regex")
});

// Words of titles and offices, never of a personal name.
/// Words of a title or an office, which a person's name does not hold.
pub(crate) const TITLE_WORD_LIST: &str = "Acting|Chief|Director|Counsel|General|Deputy|Assistant|Office|Staff|Division|Section|Branch|Officer|Secretary|Inspector|Committee|Station|Base|Group|Record|File|Files|Headquarters|Bureau|Department|Agency|Security|Legal|Attache";
static TITLE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?-u:\b)(?:{TITLE_WORD_LIST})(?-u:\b)")).expect("static regex")
});

/// CIA station cable codes and the names NARA catalogues them under.
const STATIONS: &[(&str, &str)] = &[
    ("DIR", "DIRECTOR"),
    ("WAVE", "JMWAVE"),
    ("MEXI", "MEXICO CITY"),
    ("HAVA", "HAVANA"),
    ("PARI", "PARIS"),
    ("LOND", "LONDON"),
    ("ROME", "ROME"),
    ("MADR", "MADRID"),
    ("BONN", "BONN"),
    ("BERL", "BERLIN"),
    ("CARA", "CARACAS"),
    ("BOGO", "BOGOTA"),
    ("MANA", "MANAGUA"),
    ("GUAT", "GUATEMALA CITY"),
    ("SDOM", "SANTO DOMINGO"),
    ("KING", "KINGSTON"),
    ("HELS", "HELSINKI"),
    ("MOSC", "MOSCOW"),
    ("TOKY", "TOKYO"),
    ("FRAN", "FRANKFURT"),
    ("HAMB", "HAMBURG"),
    ("VIEN", "VIENNA"),
    ("LIMA", "LIMA"),
    ("QUIT", "QUITO"),
    ("SANT", "SANTIAGO"),
    ("BUEN", "BUENOS AIRES"),
    ("MONT", "MONTEVIDEO"),
    ("RIOD", "RIO DE JANEIRO"),
    ("PANA", "PANAMA CITY"),
    ("SAJO", "SAN JOSE"),
    ("TEGU", "TEGUCIGALPA"),
    ("SALV", "SAN SALVADOR"),
    ("PAPR", "PORT AU PRINCE"),
    ("OTTA", "OTTAWA"),
    ("HQS", "HEADQUARTERS"),
    ("WASHINGTON", "WASHINGTON"),
];

/// CIA dispatch symbols: a station's letters, then the way the dispatch went (`A` from the
/// station to headquarters, `W` from headquarters to the station): `HMMA-21166` was sent
/// by the Mexico City station, `UFGW-6601` to JMWAVE.
const DISPATCH_STATIONS: &[(&str, &str)] = &[("HMM", "MEXICO CITY"), ("UFG", "JMWAVE")];

static DISPATCH_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(HMM|UFG)([AW])\s?[-=~«]{0,2}\s?\d{3,6}(?-u:\b)").expect("static regex")
});

/// The station of a dispatch and the side it was on, from the document's own dispatch
/// symbol (not one it refers to: `REFERENCE: UFGA 17854`, `per HMMW-12393`): the sender
/// when it went to headquarters, the addressee when it came from there. Only when every
/// symbol of its own agrees, and only for a side no label or form gave.
fn dispatch_symbol(n: &Normalized, body_start: usize, own_end: usize, r: &mut Routing) {
    let text = &n.text;
    let end = own_end.min(text.len()).max(body_start);
    let region = &text[body_start..end];
    // (most documents hold no symbol: one scan for the letters first)
    if !DISPATCH_SYMBOL.is_match(region) {
        return;
    }
    let mut own: Option<(&str, &str, usize, usize)> = None;
    // (a reference list runs on in lettered lines: `REFERENCE: A, HMMW-11321` / `B. HMMA-20931`)
    let mut in_refs = false;
    let mut at = 0;
    for line in region.split_inclusive('\n') {
        let start = at;
        at += line.len();
        // (every line is asked this: no copy of it is made)
        let lead = line
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .as_bytes();
        let lettered = lead.len() > 2
            && lead[0].is_ascii_alphabetic()
            && matches!(lead[1], b'.' | b',' | b')');
        // (`REF:`, `Reft`, `REs` as the OCR reads them)
        let letters = lead.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let first = &lead[..letters];
        in_refs = first
            .get(..3)
            .is_some_and(|f| f.eq_ignore_ascii_case(b"ref"))
            || first.eq_ignore_ascii_case(b"res")
            || in_refs && lettered;
        // the form's box or a page's head (`HMMA-21166`, `SECRET UFGW-6601 PAGE 2`), not
        // a citation in the prose
        if in_refs || line.trim().len() > 48 || !line.contains(['A', 'W']) {
            continue;
        }
        for m in DISPATCH_SYMBOL.captures_iter(line) {
            let (Some(all), Some(code), Some(way)) = (m.get(0), m.get(1), m.get(2)) else {
                continue;
            };
            // (a form's words may stand before it, `DISPATCH SECRET`, `Separate Cover
            // Attachment A to`; a
            // sentence or a citation's date does not: `... 1963, HMMW-12064.`,
            // `HMMA-22562, 5 December 1963`)
            let before = line[..all.start()].to_ascii_lowercase();
            if ["ref", "per ", "reply", "cf."]
                .iter()
                .any(|w| before.contains(w))
                || before.split_whitespace().count() > 3 && !before.contains("attach")
                || before.bytes().any(|b| b.is_ascii_digit())
                || line[all.end()..].trim_start().starts_with(',')
            {
                continue;
            }
            match own {
                Some((c, w, _, _)) if (c, w) != (code.as_str(), way.as_str()) => return,
                Some(_) => {}
                None => {
                    own = Some((
                        code.as_str(),
                        way.as_str(),
                        start + all.start(),
                        start + all.end(),
                    ))
                }
            }
        }
    }
    let Some((code, way, a, b)) = own else { return };
    let Some(&(_, station)) = DISPATCH_STATIONS.iter().find(|(c, _)| *c == code) else {
        return;
    };
    let p = Party {
        raw: region[a..b].to_string(),
        title: Some("Chief of Station".to_string()),
        office: Some(station.to_string()),
        span: n.span(body_start + a, body_start + b),
        ..Party::default()
    };
    match way {
        "A" if r.from.is_empty() => r.from.push(p),
        "W" if r.to.is_empty() => r.to.push(p),
        _ => {}
    }
}

fn station(code: &str) -> Option<&'static str> {
    STATIONS
        .iter()
        .find(|(c, n)| *c == code || *n == code)
        .map(|(_, n)| *n)
}

/// A station name read through OCR damage (`MEGCO Clty`, `UEMAVE`): a quarter of the
/// letters may be wrong, on names of six letters or more.
fn station_fuzzy(value: &str) -> Option<&'static str> {
    station_fuzzy_within(value, 4)
}

/// [`station_fuzzy`] allowing one letter in `per` wrong.
fn station_fuzzy_within(value: &str, per: usize) -> Option<&'static str> {
    let v: String = value
        .chars()
        .filter(|c| c.is_ascii_alphabetic() || *c == ' ')
        .collect::<String>()
        .to_ascii_uppercase();
    let v = v.trim();
    if v.len() < 6 {
        return None;
    }
    let whole = crate::fuzzy::Letters::of(v);
    LONG_STATIONS
        .iter()
        .filter_map(|(n, letters)| {
            let k = n.len() / per;
            // The value may run on past the name (`MEXCO CITY nt`): compare its head too.
            let head = v.get(..(n.len() + 1).min(v.len())).unwrap_or(v).trim();
            // (most values share too few letters with a name to be within k edits of it)
            let near = |s: &str, l: &crate::fuzzy::Letters| {
                l.may_be_within(letters, k)
                    .then(|| crate::fuzzy::within(s, n, k))
                    .flatten()
            };
            near(head, &crate::fuzzy::Letters::of(head))
                .or_else(|| near(v, &whole))
                .map(|d| (d, *n))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

/// The station names [`station_fuzzy`] compares, with their letter counts.
static LONG_STATIONS: LazyLock<Vec<(&'static str, crate::fuzzy::Letters)>> = LazyLock::new(|| {
    STATIONS
        .iter()
        .filter(|(_, n)| n.len() >= 6)
        .map(|(_, n)| (*n, crate::fuzzy::Letters::of(n)))
        .collect()
});

/// Whether a party's name is a person's. A cable's station (`DIRECTOR`, `JMWAVE`,
/// `HEADQUARTERS`), an excised one (`WITHHELD`) and the record a memorandum is for (`MFR`)
/// stand where a name would, and are not people.
pub fn names_a_person(p: &Party) -> bool {
    p.name
        .as_deref()
        .is_some_and(|nm| !matches!(nm, "MFR" | "WITHHELD") && station(nm).is_none())
}

fn station_code(name: &str) -> Option<&'static str> {
    STATIONS
        .iter()
        .find(|(c, n)| *n == name || *c == name)
        .map(|(c, _)| *c)
}

// An office symbol standing alone (`DCD/OSG/OSB`, `C/OCA/CCS`, `WH/4`, `S/S`).
static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Za-z0-9]{1,7}(?:/[A-Za-z0-9&\-]{1,8}){1,4}$").expect("static regex")
});

/// A value that is one office symbol, in capitals, with the OCR's `0` and `1` inside a
/// segment of letters read as the `O` and `I` they stand for (`DCD/0SG/0SB`, `C1/OBER`);
/// a segment with other digits keeps them (`WH/4`, `TSD/DB/5`).
fn office_symbol(s: &str) -> Option<String> {
    if s.bytes().filter(u8::is_ascii_alphabetic).count() < 2 || !SYMBOL.is_match(s) {
        return None;
    }
    let segments: Vec<String> = s
        .split('/')
        .map(|seg| {
            let up = seg.to_ascii_uppercase();
            let lettered = seg.len() >= 2
                && seg.bytes().any(|b| b.is_ascii_alphabetic())
                && seg
                    .bytes()
                    .all(|b| !b.is_ascii_digit() || b == b'0' || b == b'1');
            if lettered {
                up.replace('0', "O").replace('1', "I")
            } else {
                up
            }
        })
        .collect();
    Some(segments.join("/"))
}

/// A title that is an office symbol (`FROM: JAMES W. FRANKLIN` / `c/oca/ccs`) is the
/// party's office.
fn settle_symbol(p: &mut Party) {
    if p.office.is_none() {
        if let Some(sym) = p.title.as_deref().and_then(office_symbol) {
            p.office = Some(sym);
            p.title = None;
        }
    }
}

/// A date typed after the party on its line (`Chief, WH/4/PM 14 July 1960`): where the
/// party ends, and the date. OCR's bent day before the month goes with it (`1k July`).
fn trailing_date(raw: &str) -> Option<(usize, String)> {
    if !raw.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let hit = crate::fields::date::find_dates(raw).into_iter().last()?;
    if hit.end != raw.len() || hit.start == 0 {
        return None;
    }
    let before = raw[..hit.start].trim_end();
    let before = match before.rsplit_once(char::is_whitespace) {
        Some((head, day))
            if day.len() <= 2 && day.bytes().any(|b| b.is_ascii_digit()) && !head.is_empty() =>
        {
            head.trim_end()
        }
        _ => before,
    };
    let before = before.trim_end_matches([',', ';', '-', ' ']);
    (before.bytes().filter(u8::is_ascii_alphabetic).count() >= 2)
        .then(|| (before.len(), hit.value()))
}

/// Split a routing value into office, title and name.
pub fn party(raw: &str, start: usize, n: &Normalized) -> Party {
    let mut p = party_parts(raw, start, n);
    settle_symbol(&mut p);
    p
}

fn party_parts(raw: &str, start: usize, n: &Normalized) -> Party {
    let raw = crate::lines::trim_trailing_debris(raw)
        .trim()
        .trim_end_matches([',', ';', ':', '.', '|'])
        .trim();
    let (raw, date) = match trailing_date(raw) {
        Some((end, date)) => (&raw[..end], Some(date)),
        None => (raw, None),
    };
    let raw = raw.to_string();
    let mut p = Party {
        span: n.span(start, start + raw.len()),
        date,
        ..Party::default()
    };
    let mut rest = raw.as_str();
    if let Some(c) = OFFICE_DASH.captures(&raw) {
        if let (Some(o), Some(r)) = (c.get(1), c.get(2)) {
            p.office = Some(o.as_str().to_string());
            rest = r.as_str();
        }
    }
    let upper = rest.to_uppercase();
    if let Some(c) = TITLE_COMMA_OFFICE.captures(rest) {
        // `Chief of Station, JMWAVE`, `Chief, WH Division`: a title, then the office or
        // station it heads (a station by its catalogue name). In capitals, the office is
        // in capitals too (`DIRECTOR, FBI`, `SAC, DALLAS`; not OCR's `DIRECTOR, nas`).
        let parts = c
            .get(1)
            .zip(c.get(2))
            .filter(|(t, o)| upper_ratio(t.as_str()) < 0.9 || upper_ratio(o.as_str()) >= 0.9);
        if let Some((t, o)) = parts {
            let title = t.as_str().trim();
            let o = o.as_str().trim();
            // After `Chief of Station` only a station can stand: a third of its letters may
            // be bent (`Chief of Station, Jin'AVE`).
            let at_station = title.contains(" of ");
            let office =
                station_of(o).or_else(|| at_station.then(|| station_fuzzy_within(o, 3)).flatten());
            p.title = Some(title.to_string());
            p.office = Some(office.unwrap_or(o).to_string());
            p.raw = raw;
            return p;
        }
    }
    // (a CIA station is written in capitals or alone; a State post in small letters with
    // its serial, or by the post's own word, is no station: `Tokyo 402`, `Amconsul TOKYO`)
    let post = post_value(rest);
    let cia_station = || station(upper.trim()).or_else(|| station_of(rest));
    let small_post = upper_ratio(rest) < 0.9
        && (POST.is_match(rest) || post.is_some_and(|(p, _)| p.len() < rest.len()));
    if let Some(full) = cia_station().filter(|_| !small_post) {
        p.office = station_code(full).map(str::to_string);
        p.name = Some(full.to_string());
    } else if let Some((post, precedence)) = post {
        p.title = Some(post.to_string());
        p.precedence = precedence.map(|w| {
            w.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_uppercase()
        });
    } else if let Some((title, name)) = titled_person(rest) {
        p.title = Some(title.to_string());
        p.name = Some(name.to_string());
    } else if PERSON.is_match(rest) && upper_ratio(rest) < 0.9 && !TITLE_WORDS.is_match(rest)
        || upper_known_person(rest)
    {
        p.name = Some(rest.to_string());
    } else if !rest.is_empty() {
        p.title = Some(rest.to_string());
    }
    p.raw = raw;
    p
}

// A title written before its holder's name: `Amb. Huang Chen`, `Secretary Kissinger`,
// `Vice Premier Deng`.
static TITLE_BEFORE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:Vice\s+|Deputy\s+)?(?:Amb\.|Ambassador|Premier|Foreign\s+Minister|Minister|Secretary|Senator|Sen\.|Governor|Gov\.|President|Chairman|General|Gen\.|Admiral|Adm\.))\s+(\S.*)$")
        .expect("static regex")
});

/// A title and the name after it, in small letters (`Amb. Huang Chen`).
fn titled_person(v: &str) -> Option<(&str, &str)> {
    let c = TITLE_BEFORE_NAME.captures(v)?;
    let (title, name) = (c.get(1)?.as_str(), c.get(2)?.as_str());
    (PERSON.is_match(name) && upper_ratio(name) < 0.9 && !TITLE_WORDS.is_match(name))
        .then_some((title, name))
}

/// A name in capitals that the authority files know as one person's (`FROM: BRENT
/// SCOWCROFT`): capitals alone tell no name from a title or a post (`SECSTATE WASHDC`).
fn upper_known_person(v: &str) -> bool {
    let words = v.split_whitespace().count();
    (2..=4).contains(&words)
        && upper_ratio(v) >= 0.9
        && !v.bytes().any(|b| b.is_ascii_digit())
        && !TITLE_WORDS.is_match(v)
        && declass_entities::link_name(v, None).is_some()
}

// A Foreign Service post or a command as State's telegrams and airgrams address it
// (`Amconsul HONG KONG`, `AMEMBASSY TOKYO`, `USLO PEKING`, `CINCPAC`): a title, no name.
static POST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:Am(?:embassy|consul|congen|legation)|US(?:LO|UN|NATO|EC|MISSION|DEL|INT|CINC[A-Z]*)|CINC[A-Z]+|SECSTATE|SECDEF|Department\s+of\s+State)(?-u:\b)")
        .expect("static regex")
});

/// Most posts or offices one address line lists.
const MAX_LISTED: usize = 64;

// A post with the serial and precedence a telegram gives it: `Secstate 1634 PRIORITY`,
// `Taipei 567`, `Amembassy TAIPEI 789`.
static POST_SERIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<post>[A-Za-z][A-Za-z .'\-]*?)(?:\s+(?P<p1>(?i:NIACT\s+)?(?i:IMMEDIATE|PRIORITY|ROUTINE|FLASH)))?(?:\s+\d{1,6})?(?:\s+(?P<p2>(?i:NIACT\s+)?(?i:IMMEDIATE|PRIORITY|ROUTINE|FLASH)))?\s*$")
        .expect("static regex")
});

/// A post or a command as a telegram or airgram addresses it (`Amconsul HONG KONG`,
/// `Hong Kong`, `Secstate 1634 PRIORITY`): the post, and its precedence. A city alone
/// stands for the post there (the 1960s' `FROM: Hong Kong`).
fn post_value(v: &str) -> Option<(&str, Option<&str>)> {
    // (asked of every party: most values open with no post's word and hold no place)
    let c = POST_SERIAL.captures(v)?;
    let post = c.name("post")?.as_str().trim();
    let is_post = POST.is_match(post)
        || post.len() >= 4
            && post.split_whitespace().count() <= 3
            && declass_entities::is_place(post);
    is_post.then(|| {
        (
            post,
            c.name("p1").or_else(|| c.name("p2")).map(|m| m.as_str()),
        )
    })
}

/// An office named by its symbol alone, in capitals (`S/S`, `FE`, `USUN`, `SAG`, `EA/ACA`).
pub(crate) fn caps_symbol(t: &str) -> bool {
    t.len() <= 12
        && t.bytes().any(|b| b.is_ascii_uppercase())
        && t.bytes().all(|b| {
            b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'/' | b'-' | b'&')
        })
}

/// A value listing posts or office symbols between commas (`Amembassy TAIPEI, Amembassy
/// TOKYO, CINCPAC`, a memorandum of conversation's `COPIES TO: S/S, FE, IO, USUN`): each
/// one's offset and text.
pub(crate) fn listed(value: &str) -> Option<Vec<(usize, &str)>> {
    if !value.contains(',') {
        return None;
    }
    let mut out = Vec::new();
    let mut at = 0;
    for piece in value.split(',') {
        let t = piece.trim();
        // (a list longer than any address line is the text's, not a heading's)
        if !POST.is_match(t) && !caps_symbol(t) || out.len() == MAX_LISTED {
            return None;
        }
        out.push((at + piece.len() - piece.trim_start().len(), t));
        at += piece.len() + 1;
    }
    Some(out)
}

static TITLE_COMMA_OFFICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:Acting\s+|Deputy\s+|ACTING\s+|DEPUTY\s+)?(?:Chi[ec][ft]|Director|Head|CHIEF|DIRECTOR|SAC|Legat|LEGAT)(?:\s+of\s+(?:Sta\w+|Base))?)\s*[,;]\s*([A-Za-z][^,;]{1,40}?)(?:\s*\(\d{2,3}-\d{1,7}\))?$")
        .expect("static regex")
});

fn role(c: &regex::Captures<'_>) -> Option<Role> {
    if c.name("memo").is_some() {
        return Some(Role::To);
    }
    // Any short word with a separator may be FROM read through OCR (`FRO:`, `fom.`,
    // `TROM`, `ROM.`): one letter off at most.
    if let Some(w) = c.name("ocr") {
        let w = w.as_str().to_ascii_uppercase();
        return crate::fuzzy::within(&w, "FROM", 1).map(|_| Role::From);
    }
    if let Some(p) = c.name("plus") {
        return Some(if p.as_str().eq_ignore_ascii_case("to") {
            Role::To
        } else {
            Role::From
        });
    }
    let w = c
        .name("up")
        .or_else(|| c.name("mixed"))?
        .as_str()
        .to_uppercase();
    Some(match w.as_str() {
        "TO" | "TOS" | "YO" | "T0" => Role::To,
        "FROM" | "FRO" | "FRON" | "FROH" | "FM" => Role::From,
        "THRU" | "THROUGH" | "VIA" => Role::Through,
        "INFO" | "CC" | "EC" => Role::Info,
        w if w.starts_with("COPIES") => Role::Info,
        "ATTENTION" | "ATTN" => Role::Attention,
        _ => return None,
    })
}

// A `MEMORANDUM` heading on a line of its own, naming no addressee.
static LONE_MEMORANDUM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\W{0,3}MEMORANDUM\W{0,3}$").expect("static regex"));
// `MEMORANDUN FOR:`, `MRMORANDUM: FOR:`, `HEVOPANIAM POR:`: the word read through OCR.
static MEMO_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[^\w\n]{0,3}([A-Za-z]{8,11})\s*[:;.\-]?\s*(?:(?:FOR|POR|FDR|TO|For|for)(?-u:\b)\s*[:;.]?)",
    )
    .expect("static regex")
});

/// An OCR-damaged `MEMORANDUM FOR` heading: where its addressee starts, or that it is
/// for the record (`MEXORANDIR-FOR THE RECORE`).
enum DamagedMemo {
    To(usize),
    Record,
}

fn damaged_memorandum(t: &str) -> Option<DamagedMemo> {
    // Cheap test first: the line's first word has 8 to 11 letters.
    let first = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    let len = first.chars().take_while(char::is_ascii_alphabetic).count();
    if !(8..=11).contains(&len) {
        return None;
    }
    let c = MEMO_WORD.captures(t)?;
    let word = c.get(1)?.as_str().to_ascii_uppercase();
    let end = c.get(0)?.end();
    // Further from the word only with the colon of a label after FOR (`HEVOPANIAM POR:`).
    let colon = t[..end].trim_end().ends_with(':');
    let reach = if colon { 5 } else { 3 };
    if word == "MEMORANDUM" || crate::fuzzy::within(&word, "MEMORANDUM", reach).is_none() {
        return None; // the clean label is read by LABEL
    }
    let rest = t[end..].trim_start().to_ascii_uppercase();
    let record = rest
        .strip_prefix("THE ")
        .and_then(|r| r.split_whitespace().next())
        .is_some_and(|w| crate::fuzzy::is_word(w, "RECORD", 1));
    Some(if record {
        DamagedMemo::Record
    } else {
        DamagedMemo::To(end)
    })
}

// The routing sheet's printed `EXTENSION` and `NO.` columns beside its `FROM:`.
static EXTENSION_COLUMN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^EXTENSION\W{0,3}(?:NO\b|$)").expect("static regex"));

/// The first of the next three lines that opens with an office symbol, as its party.
fn symbol_below(all: &[Line<'_>], i: usize, n: &Normalized) -> Option<Party> {
    all.iter().skip(i + 1).take(3).find_map(|l| {
        let (t, s) = l.trimmed();
        let first = t.split_whitespace().next()?;
        office_symbol(first)?;
        Some(party(first, s, n))
    })
}

/// The addressee of a memorandum for the record, its evidence the heading.
fn record_party(raw: &str, start: usize, n: &Normalized) -> Party {
    let mut p = party(raw, start, n);
    p.title = Some("MEMORANDUM FOR THE RECORD".into());
    p.name = Some("MFR".into());
    p
}

/// A label match that is really prose ("TO BE DISCUSSED", "FROM THE FILES OF").
/// A line of running text: mostly letters, six words or more, or three and no label.
fn prose_line(t: &str) -> bool {
    let (letters, marks) = t
        .chars()
        .filter(|c| !c.is_whitespace())
        .fold((0, 0), |(l, m), c| {
            if c.is_alphabetic() {
                (l + 1, m)
            } else {
                (l, m + 1)
            }
        });
    let words = t.split_whitespace().count();
    letters >= marks && (words >= 6 || words >= 3 && !LABEL.is_match(t))
}

fn prose_after_label(value: &str, upper_label_bare: bool) -> bool {
    if !upper_label_bare {
        return false;
    }
    let first = value.split_whitespace().next().unwrap_or("");
    matches!(
        first,
        "BE" | "THE"
            | "A"
            | "AN"
            | "HIS"
            | "HER"
            | "THEIR"
            | "THIS"
            | "THAT"
            | "WHICH"
            | "WHOM"
            | "HAVE"
            | "MAKE"
            | "DATE"
            | "OUR"
            | "ALL"
            | "ANY"
            | "SEE"
            | "OBTAIN"
            | "ASSIST"
            // (an infinitive: `TO COME AND ARREST SEVERAL PERSONS`)
            | "COME"
            | "GO"
            | "GET"
            | "GIVE"
            | "TAKE"
            | "KEEP"
            | "SEND"
            | "PROVIDE"
            | "DETERMINE"
            | "DISCUSS"
            | "ARRANGE"
            | "MEET"
            | "HELP"
            | "ENSURE"
            | "INSURE"
            | "PERMIT"
            | "ALLOW"
            | "PREVENT"
            | "AVOID"
            | "CONTINUE"
            | "BEGIN"
            | "FIND"
            | "LEARN"
            | "SAY"
            | "TELL"
            | "ASK"
            | "EXPLAIN"
    ) || value.split_whitespace().count() > 7
}

// The routing and record sheet's printed column heading after its `TO:` and `FROM:`
// (`(Officer designation, room number, and building)`), no party.
static PRINTED_COLUMN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)designat\w*,\s*room").expect("static regex"));

// A key alone on its line (`OFFICE:`, `REFERENCE:`): a form read column by column.
static BARE_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}[A-Z][A-Za-z]*(?:\s[A-Za-z]+){0,2}\s?[:;]\W{0,2}$").expect("static regex")
});

struct Found {
    role: Role,
    parties: Vec<Party>,
}

/// Read the value of a label: the rest of its line, else the next lines.
fn label_value(
    all: &[Line<'_>],
    i: usize,
    after: usize,
    role: Role,
    memo: bool,
    n: &Normalized,
) -> Vec<Party> {
    let line = &all[i];
    let mut rest = &line.text[after..];
    if let Some(m) = SECOND_COLUMN.find(rest) {
        rest = &rest[..m.start()];
    }
    // a cable's address on one line: `TO * SAVE INFO: PARIS`, `TO: IMMEDIATE INFO: DIRECTOR,`
    // (the station excised): the addressee ends at INFO, and is not looked for below
    let info_after = role == Role::To && !memo && {
        match INLINE_INFO.find(rest) {
            Some(m) => {
                rest = &rest[..m.start()];
                true
            }
            None => false,
        }
    };
    let lead = rest.len() - rest.trim_start().len();
    let mut start = line.start + after + lead;
    let mut value = rest.trim();
    if let Some(m) = PRECEDENCE.find(value) {
        start += m.end();
        value = &value[m.end()..];
    }
    let value = value
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(')
        .trim_end_matches(|c: char| c == '*' || c == '|' || c == '_' || c.is_whitespace());
    let mut out = Vec::new();
    if legible_value(value) {
        let offset = line.text[after..]
            .find(value)
            .map_or(start, |o| line.start + after + o);
        match listed(value) {
            Some(list) => out.extend(list.into_iter().map(|(o, t)| party(t, offset + o, n))),
            None => out.push(party(value, offset, n)),
        }
        if role == Role::From {
            // A title on the next line: `FRO: Robert W. Gambino` / `Director of Security`.
            if let Some(next) = all.get(i + 1).filter(|l| !l.is_blank()) {
                let (t, s) = next.trimmed();
                let t = crate::lines::trim_trailing_debris(t);
                // `Chief,` reads like a damaged label; only a real one ends the value.
                let labelled = LABEL.captures(t).is_some_and(|c| self::role(&c).is_some())
                    // (another field's key: `DATE: 02/26/97 08:43:20 AM`)
                    || other_key(t);
                // a joint memo's second sender under the first, each an office and its
                // officer (`FROM: EA - Arthur W. Hummel, Jr.` / `INR - Harold H. Saunders`)
                let second_sender = out.last().is_some_and(|p| p.office.is_some())
                    && office_and_officer(t)
                    && next.text.starts_with(char::is_whitespace);
                if second_sender {
                    out.push(party(t, s, n));
                } else if !labelled
                    && t.len() < 60
                    && !NUMBERED.is_match(t)
                    && !SUBJECT_LINE.is_match(t)
                {
                    if let Some(p) = out.last_mut() {
                        if p.title.is_none() && t.chars().next().is_some_and(char::is_uppercase) {
                            p.title = Some(t.to_string());
                            p.span.end = s + t.len();
                            settle_symbol(p);
                        }
                    }
                }
            }
        }
        if matches!(role, Role::To | Role::Info) && !memo {
            out.extend(sibling_addressees(all, i, value, n));
        }
        if !memo {
            return out;
        }
    }
    if info_after {
        return out;
    }
    // The value is on the following lines: one for FROM/TO, several for MEMORANDUM FOR.
    let max = if memo { 5 } else { 1 };
    let mut j = i + 1;
    let mut blanks = 0;
    while j < all.len() && out.len() < max {
        let l = &all[j];
        if l.is_blank() {
            blanks += 1;
            if blanks > 1 {
                break;
            }
            j += 1;
            continue;
        }
        let (t, s) = l.trimmed();
        if LABEL.is_match(t)
            || BARE_KEY.is_match(t)
            // a cable's slugs under its address (`TO` / `WNINTEL`: the addressee excised)
            || SLUG_LINE.is_match(t)
            // another field's key and its value: the form's `ACTION: C/WH` under an empty FROM
            || other_key(t)
            || NUMBERED.is_match(t)
            || SUBJECT_LINE.is_match(t)
            || t.len() > 70
            || crate::fuzzy::starts_with_word(t, "SUBJECT", 2)
            || crate::fuzzy::starts_with_word(t, "ATTENTION", 2)
        {
            break;
        }
        if let Some(prev) = out.last_mut().filter(|p| wrapped_title(p, t)) {
            // the last word of a title the line broke (`Special Assistant to DDO for
            // External` / `Oversight`): the same addressee
            let (joined, start) = (format!("{} {t}", prev.raw), prev.span.start);
            *prev = party(&joined, start, n);
            prev.span.end = n.span(s, s + t.len()).end;
        } else if legible_value(t) {
            out.push(party(t, s, n));
        }
        if !memo {
            break;
        }
        blanks = 0;
        j += 1;
    }
    out
}

/// Most addressees one TO line heads.
const SIBLINGS: usize = 5;

/// Addressees typed under the first, each on its line, indented to its value and opening
/// with its first word (`TO: The Secretary of State` / `The Secretary of Defense`), or
/// posts under a post (`INFO: Taipei 567` / `Tokyo 402`): the lines right below, to a
/// blank line. A line opening otherwise is the first's title or address (`TO: Director` /
/// `Federal Bureau of Investigation`), not another addressee.
fn sibling_addressees(all: &[Line<'_>], i: usize, first: &str, n: &Normalized) -> Vec<Party> {
    let Some(word) = first.split_whitespace().next() else {
        return Vec::new();
    };
    let posts = OnceCell::new();
    let mut out = Vec::new();
    for l in all.iter().skip(i + 1).take(SIBLINGS) {
        let (t, s) = l.trimmed();
        let indented = l.text.starts_with(char::is_whitespace);
        if !indented || LABEL.is_match(t) || t.len() > 70 {
            break;
        }
        let sibling = t.split_whitespace().next() == Some(word)
            || *posts.get_or_init(|| post_value(first).is_some()) && post_value(t).is_some();
        if !sibling {
            break;
        }
        out.push(party(t, s, n));
    }
    out
}

// `ACTION:` addresses a telegram's action copy: to a post (`ACTION: Secstate 1634 PRIORITY`,
// `ACTION: Amembassy TAIPEI 789`); on a CIA cable it names the desk acting on it
// (`ACTION: C/WH 5`), no addressee.
static ACTION_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\W{0,3}(?:ACTION|Action)\s*:\s*").expect("static regex"));

/// Where the post after a line's `ACTION:` label begins, when a post follows it.
fn action_post(t: &str) -> Option<usize> {
    if !t.trim_start().starts_with(['A', 'a']) {
        return None;
    }
    let m = ACTION_LABEL.find(t)?;
    let rest = &t[m.end()..];
    let value = SECOND_COLUMN
        .find(rest)
        .map_or(rest, |c| &rest[..c.start()]);
    post_value(value.trim()).map(|_| m.end())
}

// A cable's dissemination slugs or a classification opening a line: no addressee.
static SLUG_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:WNINTEL|RYBAT|NOFORN|NOCONTRACT|ORCON|PROPIN|KAPOK|NODIS|EXDIS|LIMDIS|(?:TOP\s+)?SECRET|CONFIDENTIAL|UNCLASSIFIED)(?-u:\b)")
        .expect("static regex")
});

/// A value a party can be read from: a word of three letters or more, an office's two
/// capitals (`WH`, `EE`) or an office symbol in capitals (`S/S`, the Executive
/// Secretariat); not OCR's crumbs (`— es 7`).
fn legible_value(v: &str) -> bool {
    v.split(|c: char| !c.is_alphabetic()).any(|w| {
        let letters = w.chars().count();
        letters >= 3 || letters == 2 && w.chars().all(char::is_uppercase)
    }) || !v.contains(|c: char| c.is_lowercase()) && office_symbol(v).is_some()
}

/// A line opening with a key in capitals and its colon (`ACTION: C/WH`, `DATE: 02/26/97`).
fn other_key(t: &str) -> bool {
    let w = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    w.split_whitespace().next().is_some_and(|k| {
        let k = k.trim_end_matches([':', ';']);
        k.len() >= 3
            && k.len() < w.len()
            && w[k.len()..].starts_with([':', ';'])
            && k.bytes().all(|b| b.is_ascii_uppercase())
    })
}

/// Whether `next`, one capitalised common word, ends the title `p` holds: a title of three
/// words or more, with no name, ending in neither a comma nor a full stop (another
/// addressee's line is a title of its own: `Deputy Director (Plans)`).
fn wrapped_title(p: &Party, next: &str) -> bool {
    let mut chars = next.chars();
    p.name.is_none()
        && p.title
            .as_ref()
            .is_some_and(|t| t.split_whitespace().count() >= 3 && !t.ends_with([',', '.', ')']))
        && !next.contains(char::is_whitespace)
        && chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase())
        && declass_lexicon::is_common_word(&next.to_ascii_uppercase())
}

/// Routing of the document whose heading starts at `body_start`.
/// `own_end`: where the document's own text ends (the first document stapled into it,
/// [`crate::split::stapled`]); its signature block comes before.
pub fn extract(n: &Normalized, body_start: usize, own_end: usize) -> Routing {
    let text = &n.text;
    let all: Vec<Line<'_>> = n.lines_from(body_start).take(120).collect();
    let mut found: Vec<Found> = Vec::new();
    let mut seen_numbered = false;
    // (a numbered paragraph above, labels read or not: the text has begun)
    let mut text_begun = false;
    // The cable secretariat's stamp `ACTION RESPONSIBILITY FOR THIS CABLE HAS BEEN
    // TRANSFERRED / FROM ... / TO ...` names divisions, not the cable's sender or addressee.
    let mut transfer_stamp_until = 0;
    for (i, line) in all.iter().enumerate() {
        let t = line.text;
        let numbered = NUMBERED.is_match(t);
        if numbered && !found.is_empty() {
            seen_numbered = true;
        }
        if seen_numbered {
            break;
        }
        // (and the line above is the text's: a telegram may carry its heading after the
        // text, below a transmission line; asked only of a bare label)
        let begun = text_begun;
        let numbered_above = |i: usize| {
            begun
                && all[..i]
                    .iter()
                    .rev()
                    .find(|l| !l.is_blank())
                    .is_some_and(|l| prose_line(l.text))
        };
        text_begun |= numbered;
        if t.contains("RESPONSIBILITY FOR") {
            transfer_stamp_until = i + 6;
        }
        if i < transfer_stamp_until {
            continue;
        }
        if let Some(damaged) = damaged_memorandum(t) {
            let parties = match damaged {
                DamagedMemo::To(after) => label_value(&all, i, after, Role::To, true, n),
                DamagedMemo::Record => {
                    let (raw, s) = line.trimmed();
                    vec![record_party(raw, s, n)]
                }
            };
            if !parties.is_empty() && !found.iter().any(|f| f.role == Role::To) {
                found.push(Found {
                    role: Role::To,
                    parties,
                });
            }
            continue;
        }
        if let Some(after) = action_post(t) {
            let parties = label_value(&all, i, after, Role::To, false, n);
            if !parties.is_empty() {
                found.push(Found {
                    role: Role::To,
                    parties,
                });
            }
            continue;
        }
        let Some(c) = LABEL.captures(t) else { continue };
        let Some(role) = role(&c) else { continue };
        let Some(m) = c.get(0) else { continue };
        let memo = c.name("memo").is_some();
        let bare =
            c.name("up").is_some() && c.name("upsep").is_none_or(|s| s.as_str().trim().is_empty());
        let after_text = t[m.end()..].trim();
        // "MEMORANDUM FOR THE RECORD" is an addressee of its own.
        let upper_after = after_text.to_uppercase();
        if memo && (upper_after.starts_with("THE RECORD") || upper_after.starts_with("RECORD")) {
            let (raw, s, _) = crate::lines::trim_span(&t[m.start()..], line.start + m.start());
            found.push(Found {
                role: Role::To,
                parties: vec![record_party(raw, s, n)],
            });
            continue;
        }
        // a bare `TO` (a word of prose, unlike `FM`) inside the numbered text continues a
        // sentence (`... WHICH CAUSES POLICE`
        // / `TO COME AND ARREST SEVERAL PERSONS,`): a heading's labels come before the text
        if prose_after_label(after_text, bare)
            || PRINTED_COLUMN.is_match(after_text)
            || bare
                && numbered_above(i)
                && c.name("up")
                    .is_some_and(|u| matches!(u.as_str(), "TO" | "T0" | "THROUGH" | "VIA"))
            || (c.name("up").is_some()
                && upper_ratio(after_text) < 0.3
                && bare
                && !after_text.is_empty())
        {
            continue;
        }
        // a State telegram's `INFO  LOG-00   ADS-00`: offices given copies, no addressees
        if role == Role::Info && crate::fields::furniture::OFFICE_CODES.is_match(t) {
            continue;
        }
        // the routing sheet's `FROM:` over its printed `EXTENSION | NO.` columns: the sender
        // is the office symbol a line or two below, before its extension (`C1/Ober 5847`)
        if role == Role::From && EXTENSION_COLUMN.is_match(after_text) {
            if let Some(p) = symbol_below(&all, i, n) {
                found.push(Found {
                    role,
                    parties: vec![p],
                });
            }
            continue;
        }
        let parties = label_value(&all, i, m.end(), role, memo, n);
        if !parties.is_empty() {
            found.push(Found { role, parties });
        }
        // the info addressees after the addressee on its line
        if role == Role::To && !memo {
            if let Some(at) = INLINE_INFO.find(&t[m.end()..]).map(|x| m.end() + x.end()) {
                if t[at..].chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                    let parties = label_value(&all, i, at, Role::Info, false, n);
                    if !parties.is_empty() {
                        found.push(Found {
                            role: Role::Info,
                            parties,
                        });
                    }
                }
            }
        }
    }
    column_read_memo(n, &all, &mut found);
    infer_unlabelled_to(n, &all, &mut found);
    state_label_run(n, body_start, &mut found);
    let mut r = Routing::default();
    for f in found {
        let slot = match f.role {
            Role::To => &mut r.to,
            Role::From => &mut r.from,
            Role::Through => &mut r.through,
            Role::Info => &mut r.info,
            Role::Attention => continue,
        };
        // The first block of each role is the heading's; later ones are quoted text.
        if slot.is_empty() {
            slot.extend(f.parties);
        }
    }
    if let Some(block) = telegram_addresses(n, &all) {
        r.from = block.from;
        r.to = block.to;
        if !block.info.is_empty() {
            r.info = block.info;
        }
    }
    cable(n, body_start, &mut r);
    // (asked up to four times below; its regexes scan the heading)
    let cable_head = std::cell::OnceCell::new();
    let is_cable = || *cable_head.get_or_init(|| is_cable(text, body_start));
    if r.to.is_empty() && r.from.is_empty() && is_cable() {
        unlabelled_cable_boxes(n, &all, &mut r);
    }
    let dispatch_form = is_dispatch(text, &all);
    dispatch(n, &all, dispatch_form, &mut r);
    if r.to.is_empty() && (dispatch_form || END_OF_DISPATCH.is_match(text)) {
        r.to.extend(distribution_head(n, &all));
    }
    if r.to.is_empty() && !r.from.iter().any(|p| p.raw.contains("DIRECTOR")) {
        // An incoming cable's form prints its addressee, DIRECTOR, on a short line of its own
        // near the top, its label lost: `; DIRECTOR`, `04 DIRECTOR ©. pape`, `D + DIRECTOR`.
        if let Some(l) = all.iter().take(20).find(|l| {
            let t = l.text.trim();
            t.len() <= 24 && t.contains("DIRECTOR") && !LABEL.is_match(t) && !OWN_NUMBER.is_match(t)
        }) {
            let at = l.start + l.text.find("DIRECTOR").unwrap_or(0);
            if is_cable() {
                r.to.push(party("DIRECTOR", at, n));
            }
        }
    }
    if r.to.is_empty() && r.from.is_empty() {
        if let Some(p) = lone_station_head(n, &all, is_cable()) {
            r.to.push(p);
        }
    }
    if r.to.is_empty() {
        unlabelled_memo(n, &all, dispatch_form, &mut r);
    }
    if r.to.is_empty() {
        if let Some(p) = salutation_or_original(n, body_start) {
            r.to.push(p);
        }
    }
    // A memorandum headed `MEMORANDUM` alone, addressed to no one, is catalogued as one
    // for the record (NARA's JFK cataloguers write `MEMO FOR THE RECORD`).
    if r.to.is_empty() && !is_cable() {
        if let Some(l) = all
            .iter()
            .take(40)
            .find(|l| LONE_MEMORANDUM.is_match(l.text))
        {
            let (raw, s) = l.trimmed();
            r.to.push(record_party(raw, s, n));
        }
    }
    if r.from.is_empty() {
        if let Some(p) = submitted_by(n, &all) {
            r.from.push(p);
        }
    }
    if r.from.is_empty() && !r.to.is_empty() {
        if let Some(p) = station_chief_head(n, &all, &r.to) {
            r.from.push(p);
        }
    }
    if r.from.is_empty() || r.to.is_empty() {
        dispatch_symbol(n, body_start, own_end, &mut r);
    }
    // A memo's signature block names its author: as the sender when no FROM label was
    // read, or as the name of a sender read only as a title (`FROM: Acting Legislative
    // Counsel` signed `Lyle L. Miller`).
    let cable_form = is_cable();
    let to_empty = r.to.is_empty();
    let memo_like = || (!to_empty || !cable_form) && !telegram_body(text, body_start, own_end);
    match r.from.first_mut() {
        None if memo_like() => {
            if let Some(mut p) = signature(n, body_start, own_end) {
                mend_from_distribution(&text[body_start..own_end.min(text.len())], &mut p);
                r.from.push(p);
            }
        }
        Some(p) if p.name.is_none() && !cable_form => {
            if let Some(sig) = signature(n, body_start, own_end) {
                p.name = sig.name;
            }
        }
        _ => {}
    }
    r
}

/// A telegram's text without its heading: in capitals (nine letters in ten over its first
/// 2,000 bytes), no memo's signature block under it.
fn telegram_body(text: &str, body_start: usize, own_end: usize) -> bool {
    let end = own_end.min(text.len()).max(body_start);
    let region = crate::lines::window(text, body_start, 2_000.min(end - body_start));
    crate::lines::upper_ratio(region) >= 0.9
}

// `Dear Mr. Tichborn:` names a letter's addressee; `Orig & 1 - Chief, SR` in a distribution
// list names the addressee of the original.
static SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[^\w\n]{0,3}De[ae][rx][\s\-]+((?:Mr|Mrs|Ms|Dr|Senator|General|Judge|Congressman|Ambassador|Director)\.?\s+[A-Z][A-Za-z'\-]+)(?P<more>(?:[ \t]+[A-Z][A-Za-z'\-]+){1,2}[ \t]*[:,])?").expect("static regex")
});
static DEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[^\w\n]{0,3}De[ae][rx][\s\-]+[A-Z][A-Za-z]*\.?").expect("static regex")
});
static ORIGINAL_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[^\w\n]{0,3}Orig(?:inal)?\.?\s*(?:&|and)?\s*\d?\s*-\s*([A-Z][^\n]{2,40}?)\s*(?:w/|$)").expect("static regex")
});

/// Where a letter's salutation starts (`Dear Mr. Tichborn:`), if anywhere: the pattern
/// is run only on a text that holds its letters (it opens with a class, so the regex
/// engine has no literal to skip ahead to, and a telegram in capitals never has them).
fn dear(region: &str) -> Option<usize> {
    dear_line(region).map(|m| m.start())
}

/// A letter's salutation as OCR reads it (`Dear Mr.`, `Deax Mr. Tichborn:`), its first words.
pub(crate) fn dear_line(region: &str) -> Option<regex::Match<'_>> {
    if !region.contains("Dea") && !region.contains("Dee") {
        return None;
    }
    DEAR.find(region)
}

fn salutation_or_original(n: &Normalized, body_start: usize) -> Option<Party> {
    let region = crate::lines::window(&n.text, body_start, 30_000);
    let m = SALUTATION
        .captures(crate::lines::window(region, 0, 3000))
        .or_else(|| {
            // (the pattern opens with a class, which no literal scan can skip ahead of)
            region
                .contains("Orig")
                .then(|| ORIGINAL_TO.captures(region))
                .flatten()
        })
        .and_then(|c| {
            // (a title of more words up to the salutation's colon: `Dear Mr. Foreign
            // Minister:`; without the colon only the first word is sure)
            let who = c.get(1)?;
            let end = c.name("more").map_or(who.end(), |m| {
                who.end() + m.as_str().trim_end_matches([':', ',', ' ', '\t']).len()
            });
            Some((who.start(), end))
        })?;
    let (start, end) = m;
    let value = &region[start..end];
    // (`Orig & 1 - Addressee` names no one; as the OCR reads it too: `Adressec`)
    if crate::fuzzy::is_word(value.trim(), "ADDRESSEE", 2) {
        return None;
    }
    if let Some(p) = office_only(value).and_then(|office| addressed(n, body_start, start, office)) {
        return Some(p);
    }
    Some(party(value, body_start + start, n))
}

/// Words of an office a letter may greet its holder by, with no name: `Dear Mr. Foreign
/// Minister`, `Dear Mr. Secretary`, `Dear Madam Chairman`.
const OFFICE_GREETING: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Foreign",
    "Minister",
    "Secretary",
    "Chairman",
    "Chairwoman",
    "Premier",
    "Ambassador",
    "Director",
    "General",
    "Governor",
    "Speaker",
    "Deputy",
    "Under",
    "Assistant",
    "Excellency",
    "Commissioner",
    "Attorney",
    "Senator",
    "Counselor",
];

/// The office a salutation greets when it names no one (`Mr. Foreign Minister` → `Foreign
/// Minister`).
fn office_only(salutation: &str) -> Option<&str> {
    let (courtesy, office) = salutation.split_once(char::is_whitespace)?;
    let office = office.trim();
    let courtesy_only = courtesy.trim_end_matches('.');
    (matches!(courtesy_only, "Mr" | "Mrs" | "Ms" | "Madam" | "Madame")
        && !office.is_empty()
        && office
            .split_whitespace()
            .all(|w| OFFICE_GREETING.contains(&w)))
    .then_some(office)
}

/// Non-blank lines above a salutation read for its inside address (`The Honorable` /
/// `George P. Shultz` / `Secretary of State` / `Washington, D.C. 20520`).
const ADDRESS_LINES: usize = 12;

/// The person a letter greeting an `office` is addressed to: the name on a line opening
/// with the office, or on the line under `His Excellency` / `The Honorable`; the nearest
/// such line above the salutation (the inside address), else below it (the address State
/// types at a letter's foot), within the letter's first 30,000 bytes. Its evidence is the
/// address line.
fn addressed(n: &Normalized, body_start: usize, salutation: usize, office: &str) -> Option<Party> {
    let at = body_start + salutation;
    let end = body_start + crate::lines::window(&n.text, body_start, 30_000).len();
    let above: Vec<Line<'_>> = n
        .lines_in(body_start, at)
        .filter(|l| !l.is_blank())
        .collect();
    let below: Vec<Line<'_>> = n
        .lines_in(at, end.max(at))
        .skip(1)
        .filter(|l| !l.is_blank())
        .take(400)
        .collect();
    // (an address line, or an honorific and the line under it; offsets from `base`)
    let read = |ls: &[Line<'_>], i: usize, base: usize| -> Option<Party> {
        let t = ls[i].text.trim();
        let from = base + ls[i].start + (ls[i].text.len() - ls[i].text.trim_start().len());
        let opens_with_office = t
            .get(..office.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(office))
            && t[office.len()..].starts_with(char::is_whitespace);
        if opens_with_office {
            return person_in(n, from, t, office);
        }
        let next = ls.get(i + 1).filter(|_| HONORIFIC.is_match(t))?;
        let to = base + next.start + next.text.len();
        person_in(n, from, &n.text[from..to], office)
    };
    let k = above.len();
    (k.saturating_sub(ADDRESS_LINES)..k)
        .rev()
        .find_map(|i| read(&above, i, body_start))
        .or_else(|| (0..below.len()).find_map(|i| read(&below, i, at)))
}

// `His Excellency`, `Her Excellency`, `The Honorable` alone on the line over the name.
static HONORIFIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:His|Her|HIS|HER)\s+(?:Excellency|EXCELLENCY)\W*$|^(?:The\s+)?(?:Honorable|Honourable|HONORABLE)\W*$")
        .expect("static regex")
});

/// The first person named in `read` (at `from` in the text), as the addressee of a letter
/// greeting `office`: the name, the office as title, the address up to the name as evidence.
fn person_in(n: &Normalized, from: usize, read: &str, office: &str) -> Option<Party> {
    let read = crate::lines::window(read, 0, 300);
    let person = declass_entities::find(read, None)
        .into_iter()
        .find(|f| f.kind == declass_entities::Kind::Person && f.name.contains(' '))
        // (a role is no name: `Secretary of State` under the name in an inside address)
        .filter(|f| !f.name.to_lowercase().contains(&office.to_lowercase()))?;
    let &(_, end) = person.mentions.first()?;
    // (an address, not a sentence: `Secretary Baker said` names someone else)
    let after = read[end..].trim_start_matches([' ', '\t', ',']);
    if after.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let raw = read[..end].split_whitespace().collect::<Vec<_>>().join(" ");
    Some(Party {
        raw,
        name: Some(person.name),
        title: Some(office.to_string()),
        span: n.span(from, from + end),
        ..Party::default()
    })
}

// Where a memo's signature block ends: the distribution list, attachments, a copy list,
// or the typist line (`REW:dla (9 June 1961)`).
static SIGNATURE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[^\w\n]{0,3}(?:Distribution|DISTRIBUTION|Attachments?|A[il]tach\w*|Enclosures?|cc\s?:|CC\s?:|Atts?[.:]?[ \t]*$|[A-Z]{2,}:[a-z]{2,4}(?-u:\b))").expect("static regex")
});
// A name alone on a line: `Lyle L. Miller`, `JAMES W. FRANKLIN`, `Jerry GC. Brown` (an
// initial with a stray capital read into it).
static NAME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}((?:[A-Z][._]\s?_?){0,2}[A-Z][A-Za-z'\-]+\.?(?:,?\s+(?:[A-Z]{1,2}[.,]|\d\.|[A-Z][A-Za-z'\-]+)){0,3})\W{0,2}$").expect("static regex")
});

/// A signed name: NAME_LINE with at least two parts (`W. S. RENEHAN`, `Lyle L. Miller`),
/// none of them a function word (`END OF DISPATCH` is in capitals too).
fn name_line(t: &str) -> Option<regex::Match<'_>> {
    NAME_LINE
        .captures(t)
        .and_then(|c| c.get(1))
        .filter(|m| m.as_str().split_whitespace().count() >= 2)
        .filter(|m| {
            !m.as_str().split_whitespace().any(|w| {
                ["OF", "THE", "AND", "END", "FOR", "TO", "IN", "ON", "BY"]
                    .iter()
                    .any(|f| w.eq_ignore_ascii_case(f))
            })
        })
        // (a form's box label is no name: `DATE DISPATCHED`, `Operational`, `UNCLASSIFIED`;
        // as the OCR reads it too, a letter off in a longer word: `DSPATOHED`, `Operationai`)
        .filter(|m| {
            !m.as_str().split_whitespace().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                FORM_WORDS.iter().any(|f| {
                    w.eq_ignore_ascii_case(f) || f.len() >= 6 && crate::fuzzy::is_word(w, f, 1)
                })
            })
        })
}

/// Words of a form's printed boxes, which no signer's name holds.
const FORM_WORDS: &[&str] = &[
    "DATE",
    "PAGE",
    "SECRET",
    "CONFIDENTIAL",
    "CLASSIFICATION",
    "DISPATCH",
    "DISPATCHED",
    "TYPED",
    "NUMBER",
    "SYMBOL",
    "INDEXING",
    "ROUTING",
    "UNCLASSIFIED",
    "OPERATIONAL",
    "ADDRESSEE",
];
// The title words a TITLE_LINE must hold (else the slash of an office symbol, `DC/CI/R&A`),
// as literals for one fast scan of a whole text.
static SIGNER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"Chief|Director|Deputy|Inspector|Counsel|Principal|Coordinator|Officer|Head|Executive",
    )
    .expect("static regex")
});
static COURTESY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}(?:Mr|Mrs|Ms|Dr|Miss|Messrs)\.?\s").expect("static regex")
});
static PARA_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}[.,]\s+").expect("static regex"));
static TITLE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}((?:Acting\s+|Deputy\s+|Assistant\s+|Special\s+Assistant\s+)?(?:Chief|Director|Deputy|Inspector|General Counsel|Legislative Counsel|Principal|Coordinator|Officer|Head|Executive)(?-u:\b)[^\n]{0,60}|[A-Z]{1,5}(?:/[A-Z0-9&]{1,6}){1,4})\W{0,2}$").expect("static regex")
});

// A paragraph's last line: several words, a full stop.
static PARAGRAPH_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)[a-z]{2,}\s+[a-z]{2,}\s+[A-Za-z']{2,}\.\s*$").expect("static regex")
});

// The line under a signer's name naming the unit signed for: `Security Analysis Group`.
static UNIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}(?:[A-Z][A-Za-z&,/\-]*\s+){0,5}(?:Group|Division|Staff|Section|Branch|Office|Center|Affairs|Agency|Service|Committee|Board)\W{0,2}$").expect("static regex")
});

/// A signature line as the page edge left it: a cut-off first name's tail before the rest
/// (`ymond M. Reardon`, `y G. Brown`, `agi Chief`) and debris after it.
fn unmargined(t: &str, start: usize) -> (&str, usize) {
    let t = crate::lines::trim_trailing_debris(t);
    let rest = crate::lines::skip_margin_fragment(t, 5);
    (rest, start + t.len() - rest.len())
}

/// A memo's author from its signature block: a name and a title or office, just above
/// the distribution list or typist line.
fn signature(n: &Normalized, body_start: usize, own_end: usize) -> Option<Party> {
    let mut p = signature_block(n, body_start, own_end)?;
    settle_symbol(&mut p);
    Some(p)
}

fn signature_block(n: &Normalized, body_start: usize, own_end: usize) -> Option<Party> {
    let text = &n.text;
    // Only this document's own text: a memo's attachment is signed by its own writer.
    let end_page = own_end.min(text.len()).max(body_start);
    let region = &text[body_start..end_page];
    // The block sits after the text: under the first anchor that follows a paragraph (a
    // file of several memos without page breaks has one after each).
    let first_paragraph = PARAGRAPH_END.find(region).map_or(region.len(), |m| m.end());
    let anchor = SIGNATURE_END
        .find_iter(region)
        .map(|m| m.start())
        .find(|&s| s > region.len() / 5 || s > first_paragraph);
    if let Some(p) = signed_for(n, body_start, region).or_else(|| closed(n, body_start, region)) {
        return Some(p);
    }
    if let Some(a) = anchor {
        return block_above(n, body_start, region, a, false);
    }
    signed_after_prose(n, body_start, region)
        // a block that closes the text, name over title, is signed too
        .or_else(|| block_above(n, body_start, region, region.len(), true))
        .or_else(|| set_off_block(n, body_start, region))
}

// A letter's complimentary close, its signer's name on a line below.
static CLOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?mi)^[ \t]*[_\W]{0,3}(?:Sincerely(?:\s+yours)?|Respectfully(?:\s+yours)?|Very\s+truly\s+yours|Yours\s+(?:sincerely|faithfully|truly)|Faithfully(?:\s+yours)?|Cordially|(?:(?:Warm|Warmest|Best|Kind|Kindest)\s+)?[Rr]egards|(?:With\s+)?(?:[Bb]est|[Ww]arm)\s+(?:wishes|regards))\s*,?\s*$")
        .expect("static regex")
});
// Its words as literals, asked first (a pattern of any case anchored at every line's start
// is slow to search).
static CLOSE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"incerely|INCERELY|espectfully|ESPECTFULLY|ruly yours|RULY YOURS|aithfully|AITHFULLY|ordially|ORDIALLY|ours sincerely|OURS SINCERELY|egards|est wishes|arm wishes")
        .expect("static regex")
});
/// Lines below the close where the name may stand (a signature's scrawl or `/s/` between).
const CLOSE_LINES: usize = 3;

/// A letter signed under its close (`Sincerely,` / `James A. Baker, III`): the name on the
/// first line below that reads as one, its title on the line under it (`G. Robert Blakey`
/// / `Chief Counsel and Staff Director`). A title met first means the name above it was
/// lost to the OCR (`avid G. Marwell` / `Executive Director`): no signer from the close.
fn closed(n: &Normalized, body_start: usize, region: &str) -> Option<Party> {
    if !CLOSE_WORDS.is_match(region) {
        return None;
    }
    let close = CLOSE.find_iter(region).last()?;
    let below: Vec<Line<'_>> = lines(&region[close.end()..])
        .filter(|l| !l.is_blank())
        .take(CLOSE_LINES + 1)
        .collect();
    for (i, l) in below.iter().enumerate().take(CLOSE_LINES) {
        let (t, s) = l.trimmed();
        if TITLE_WORDS.is_match(t) {
            return None;
        }
        let skip = SIGNED.find(t).map_or(0, |m| m.end());
        let Some(m) = name_line(&t[skip..]) else {
            continue;
        };
        let at = body_start + close.end() + s + skip + m.start();
        let mut p = Party {
            raw: m.as_str().to_string(),
            name: Some(m.as_str().to_string()),
            span: n.span(at, at + m.len()),
            ..Party::default()
        };
        if let Some(next) = below.get(i + 1) {
            let (t, ts) = next.trimmed();
            // (a capitalised title: `copy to Mr. Hyland, State Department` is a note)
            let capitalised = t.starts_with(|c: char| c.is_uppercase());
            if capitalised && TITLE_WORDS.is_match(t) && t.len() <= 60 && !SIGNATURE_END.is_match(t)
            {
                let end = body_start + close.end() + ts + t.len();
                p.raw = format!("{}, {t}", p.raw);
                p.title = Some(t.to_string());
                p.span = n.span(at, end);
            }
        }
        return Some(p);
    }
    None
}

// `FOR THE DIRECTOR OF SECURITY:` (OCR's `FOR TRE`), `For the Deputy Director (Plans):`: one
// signing for the head of the office, the signer's name below.
static SIGNED_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\W{0,3}(?:FOR|For)\s+(?:T[A-Z]E|the)\s+[A-Z][A-Za-z ,()/\-]{3,60}\s?[:;]")
        .expect("static regex")
});

/// A name under a `FOR THE <head of the office>:` line (within the next two lines): the
/// signer, who signs for the office's head.
fn signed_for(n: &Normalized, body_start: usize, region: &str) -> Option<Party> {
    // (the block closes the text: only its last lines are read)
    let tail = crate::lines::window(region, region.len().saturating_sub(2_000), 2_000);
    let from = region.len() - tail.len();
    if !tail.contains("FOR T") && !tail.contains("For the") {
        return None;
    }
    let m = SIGNED_FOR.find_iter(tail).last()?;
    let at = from + m.end();
    lines(&region[at..])
        .skip(1)
        .filter(|l| !l.is_blank())
        .take(2)
        .find_map(|l| {
            let (t, s) = l.trimmed();
            let name = name_line(t)?;
            let first = at + s + name.start();
            Some(Party {
                raw: name.as_str().to_string(),
                name: Some(name.as_str().to_string()),
                span: n.span(body_start + first, body_start + first + name.len()),
                ..Party::default()
            })
        })
}

/// The last block set off by a blank line above it, a name over a title and perhaps a unit
/// (`Siam G, Shackley May` / `Chief` / `Western Hemisphere Division`), wherever it falls:
/// a long file's signed page is not always its last.
fn set_off_block(n: &Normalized, body_start: usize, region: &str) -> Option<Party> {
    // (one fast scan first: most texts hold no signer's title at all)
    if !SIGNER_TITLE.is_match(region) && !region.contains('/') {
        return None;
    }
    let all: Vec<Line<'_>> = n.lines_in(body_start, body_start + region.len()).collect();
    let short_title = |l: &Line<'_>| {
        let t = l.text.trim();
        t.split_whitespace().count() <= 6 && !t.ends_with('.') && TITLE_LINE.is_match(t)
    };
    let unit = |l: &Line<'_>| UNIT_LINE.is_match(l.text.trim());
    // After the text's first paragraph: a letter's inside address above it is not signed,
    // nor is a name with a courtesy title (`Mr. John Pereira` / `Director`).
    let first_paragraph = PARAGRAPH_END.find(region).map_or(region.len(), |m| m.end());
    let mut found = None;
    for i in 1..all.len() {
        let t = all[i].text.trim();
        // (cheap tests first: this runs on every paragraph's first line)
        if t.len() > 40
            || !t.starts_with(|c: char| c.is_ascii_uppercase())
            || all[i].start < first_paragraph
            || !all[i - 1].is_blank()
        {
            continue;
        }
        let Some(j) = (i + 1..all.len().min(i + 3)).find(|&j| !all[j].is_blank()) else {
            continue;
        };
        if !short_title(&all[j]) || COURTESY.is_match(t) || name_line(t).is_none() {
            continue;
        }
        let end = match all.get(j + 1) {
            Some(u) if unit(u) => u.start + u.text.len(),
            _ => all[j].start + all[j].text.len(),
        };
        found = block_above(n, body_start, region, end, true).or(found);
    }
    found
}

/// The signature block read upwards from `anchor`: title lines, then the name. A `closing`
/// block ends right at the anchor and has both a name and a title.
fn block_above(
    n: &Normalized,
    body_start: usize,
    region: &str,
    anchor: usize,
    closing: bool,
) -> Option<Party> {
    // The block is a few short lines above the anchor: read only the text just above it.
    let mut w = anchor.saturating_sub(1_500);
    while !region.is_char_boundary(w) {
        w -= 1;
    }
    let w = region[..w].rfind('\n').map_or(0, |p| p + 1);
    let before: Vec<Line<'_>> = lines(&region[w..anchor])
        .filter(|l| !l.is_blank())
        .map(|l| Line {
            start: l.start + w,
            ..l
        })
        .collect();
    let mut name: Option<(String, usize, usize)> = None;
    // Title lines under the name, read upwards: `Chief` then `Security Analysis Group`.
    let mut titles: Vec<(String, usize, usize)> = Vec::new();
    let mut name_at = 0;
    for (i, l) in before.iter().enumerate().rev().take(5) {
        let (t, s) = l.trimmed();
        if t.len() > 60 || t.ends_with('.') && t.split_whitespace().count() > 4 {
            break; // back in the prose
        }
        let (t, s) = unmargined(t, s);
        let title = TITLE_LINE
            .captures(t)
            .and_then(|c| c.get(1))
            .map(|m| (m.start(), m.end()))
            .or_else(|| UNIT_LINE.is_match(t).then_some((0, t.len())));
        if let Some((a, b)) = title {
            titles.push((t[a..b].to_string(), s + a, s + b));
            continue;
        }
        // A unit's name reads like a name (`Security Analysis Group`); a signer's has no
        // title or office word. At the text's end OCR may read the signature's scrawl
        // before it as a number (`2. Sidney Gottlieb.`).
        let scrawl = if closing {
            PARA_NUMBER.find(t).map_or(0, |m| m.end())
        } else {
            0
        };
        // (no one signs with a courtesy title: `Mr. John Pereira` is an addressee)
        if closing && COURTESY.is_match(t) {
            break;
        }
        if let Some(m) = name_line(&t[scrawl..]).filter(|m| !TITLE_WORDS.is_match(m.as_str())) {
            let (a, b) = (scrawl + m.start(), scrawl + m.end());
            name = Some((t[a..b].trim_end_matches('.').to_string(), s + a, s + b));
            name_at = i;
            break;
        }
        if closing {
            break; // the block must close the text
        }
    }
    // (names under a colon are a list: `available through the Section:`)
    let listed = name_at > 0 && before[name_at - 1].text.trim_end().ends_with(':');
    if closing && (name.is_none() || titles.is_empty() || listed) {
        return None;
    }
    // The two lines right under the name; office symbols further down are copies.
    titles.reverse();
    titles.truncate(2);
    let title = (!titles.is_empty()).then(|| {
        let joined = titles
            .iter()
            .map(|t| t.0.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        (joined, titles[0].1, titles[titles.len() - 1].2)
    });
    let (first, last) = match (&name, &title) {
        (Some(nm), Some(tt)) => (nm.1, tt.2),
        (Some(nm), None) => (nm.1, nm.2),
        (None, Some(tt)) => (tt.1, tt.2),
        (None, None) => return None,
    };
    // Composed rather than cut from the text, which keeps margin debris between the lines.
    let raw = [name.as_ref(), title.as_ref()]
        .into_iter()
        .flatten()
        .map(|p| p.0.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    Some(Party {
        raw,
        name: name.map(|n| n.0),
        title: title.map(|t| t.0),
        span: n.span(body_start + first, body_start + last),
        ..Party::default()
    })
}

// `/s/` before a signed name, as OCR reads it (`Js}`, `/S/`, `|s|`).
static SIGNED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[/|J]\s?[sS]\s?[/|}\]]\s*").expect("static regex"));
// The line under a signed name: an office symbol (`WH/Pers`, `c/oca/ccs` as typed or read)
// or a short title (`Intelligence Officer`).
static OFFICE_OR_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}(?:[A-Za-z]{1,6}(?:/[A-Za-z0-9&]{1,8}){1,4}|(?:[A-Za-z]+\s){0,3}(?i:officer|chief|director|division|staff|branch|section|counsel))\W{0,2}$").expect("static regex")
});

// An estimate's cover: `Submitted by` (or `by the`) over its submitter, a name and his
// title or the title alone (`RICHARD HELMS` / `DIRECTOR OF CENTRAL INTELLIGENCE`).
static SUBMITTED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}(?:Submitted|SUBMITTED)\s+(?:by|BY)(?:\s+(?:the|THE))?\W{0,3}$")
        .expect("static regex")
});
/// Lines from the top where the cover's `Submitted by` may stand.
const COVER_LINES: usize = 40;

/// The paper's submitter under its cover's `Submitted by`.
fn submitted_by(n: &Normalized, all: &[Line<'_>]) -> Option<Party> {
    // (the word first, over the cover's lines: most documents have no such cover)
    let (first, last) = (all.first()?, all.get(COVER_LINES.min(all.len()) - 1)?);
    let cover = &n.text[first.start..last.end()];
    if !cover.contains("ubmitted") && !cover.contains("UBMITTED") {
        return None;
    }
    let mut lines = all.iter().take(COVER_LINES).filter(|l| !l.is_blank());
    lines.find(|l| SUBMITTED_BY.is_match(l.text.trim()))?;
    // (a title's line: `DIRECTOR OF CENTRAL INTELLIGENCE`)
    let titled = |t: &str| t.len() <= 60 && !t.ends_with('.') && TITLE_WORDS.is_match(t);
    let (t, s) = lines.next()?.trimmed();
    if let Some(m) = name_line(t).filter(|_| !titled(t)) {
        let mut p = party(m.as_str(), s + m.start(), n);
        p.name = Some(m.as_str().to_string());
        if let Some((title, ts)) = lines.next().map(|l| l.trimmed()).filter(|(t, _)| titled(t)) {
            p.title = Some(title.to_string());
            p.raw = format!("{}, {title}", m.as_str());
            p.span = n.span(s + m.start(), ts + title.len());
        }
        return Some(p);
    }
    // (a title alone, not a station's name: `DIRECTOR` ...)
    titled(t).then(|| Party {
        raw: t.to_string(),
        title: Some(t.to_string()),
        span: n.span(s, s + t.len()),
        ..Party::default()
    })
}

/// How far in a name typed where the signature goes stands (a page's right half).
const SIGNATURE_INDENT: usize = 24;

/// A signature block with no distribution list or typist line below it: a name line right
/// after the last prose paragraph (a sentence ending in a full stop), with an office or
/// title line under it. Names in lists follow a colon, not a full stop, and have no office
/// line, so they are not taken.
fn signed_after_prose(n: &Normalized, body_start: usize, region: &str) -> Option<Party> {
    let ls: Vec<Line<'_>> = n
        .lines_in(body_start, body_start + region.len())
        .filter(|l| !l.is_blank())
        .collect();
    // A letter is signed with the name alone (the office is its letterhead).
    let salutation = dear(region);
    for w in ls.windows(3) {
        let prev = w[0].text.trim();
        if !(prev.ends_with('.') || prev.ends_with(".)")) || prev.split_whitespace().count() < 2 {
            continue;
        }
        let (t, s) = w[1].trimmed();
        let skip = SIGNED.find(t).map_or(0, |m| m.end());
        let Some(m) = name_line(&t[skip..]) else {
            continue;
        };
        let (office, os) = w[2].trimmed();
        // (a lettered heading over a numbered paragraph is a section's: `B. Administrative`
        // / `1. While on your present assignment`)
        if NUMBERED.is_match(office) {
            continue;
        }
        if office.len() > 40 || !OFFICE_OR_TITLE.is_match(office) {
            // (as is a memo on its writer's letterhead, the name typed at the right where
            // the signature goes: `David E. McGiffert` under `THE ASSISTANT SECRETARY OF
            // DEFENSE`'s memo)
            let at_right = s - w[1].start >= SIGNATURE_INDENT && m.as_str().contains(' ');
            if at_right || salutation.is_some_and(|at| at < w[1].start) {
                let first = s + skip + m.start();
                let last = first + m.len();
                return Some(Party {
                    raw: m.as_str().to_string(),
                    name: Some(m.as_str().to_string()),
                    span: n.span(body_start + first, body_start + last),
                    ..Party::default()
                });
            }
            continue;
        }
        let first = s + skip + m.start();
        let last = os + office.len();
        let raw = region[first..last]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        return Some(Party {
            raw,
            name: Some(m.as_str().to_string()),
            title: Some(office.to_string()),
            span: n.span(body_start + first, body_start + last),
            ..Party::default()
        });
    }
    None
}

/// A memo heading read column by column (ARRB-era e-mail memos especially): its keys in a
/// run (`MEMORANDUM FOR:`, `FROM:`, `OFFICE:`, `SUBJECT:`), then, after the date and
/// markings of the other column, the addressee and the sender on two lines of their own
/// (`Kathryn Dyer @ DCI`, `J. Barry Harrelson`).
fn column_read_memo(n: &Normalized, all: &[Line<'_>], found: &mut Vec<Found>) {
    if found
        .iter()
        .any(|f| f.role == Role::To || f.role == Role::From)
    {
        return;
    }
    let key_role = |t: &str| {
        let c = LABEL.captures(t)?;
        let m = c.get(0)?;
        t[m.end()..].trim().is_empty().then(|| role(&c)).flatten()
    };
    let keys: Vec<(usize, Option<Role>)> = all
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_blank())
        .take(30)
        .map(|(i, l)| (i, key_role(l.text.trim())))
        .collect();
    // The run: key lines only, an addressee's key first and a sender's among them.
    let Some(first) = keys.iter().position(|(_, r)| *r == Some(Role::To)) else {
        return;
    };
    let run_len = keys[first..]
        .iter()
        .take_while(|(i, r)| r.is_some() || BARE_KEY.is_match(all[*i].text))
        .count();
    if run_len < 3
        || !keys[first..first + run_len]
            .iter()
            .any(|(_, r)| *r == Some(Role::From))
    {
        return;
    }
    let after = keys[first + run_len - 1].0 + 1;
    let values: Vec<&Line<'_>> = all[after..]
        .iter()
        .filter(|l| !l.is_blank())
        .take(8)
        .collect();
    let person = |l: &Line<'_>| {
        let (t, s) = l.trimmed();
        let t = ADDRESS_SUFFIX.find(t).map_or(t, |m| &t[..m.start()]);
        name_line(t).map(|m| party(m.as_str(), s + m.start(), n))
    };
    for pair in values.windows(2) {
        if let (Some(to), Some(from)) = (person(pair[0]), person(pair[1])) {
            found.push(Found {
                role: Role::To,
                parties: vec![to],
            });
            found.push(Found {
                role: Role::From,
                parties: vec![from],
            });
            return;
        }
    }
}

// An e-mail address after a name: `Kathryn Dyer @ DCI`, `John Pereira @ DCt`.
static ADDRESS_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+@\s*\S+\W{0,2}$").expect("static regex"));

// A cable form's TO line whose label OCR lost (`jo : MEXICO CITY`, `wo: ROME`): a short
// token, a separator, then the value, on the line just above FROM.
static DAMAGED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}(?:[A-Za-z0-9]{1,3}\s?[:.,+;]|DIRECTOR\s?[:;])\s*(\S.*)$")
        .expect("static regex")
});

static LOST_LABEL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\w\n]{0,3}[a-z]{1,3}[^\w\n]{0,2}\s+([A-Z].*)$").expect("static regex")
});

fn infer_unlabelled_to(n: &Normalized, all: &[Line<'_>], found: &mut Vec<Found>) {
    if found.iter().any(|f| f.role == Role::To) {
        return;
    }
    let Some(from_line) = found
        .iter()
        .find(|f| f.role == Role::From)
        .and_then(|f| f.parties.first())
        .map(|p| p.span.start)
    else {
        return;
    };
    let Some(idx) = all
        .iter()
        .position(|l| l.start <= from_line && from_line <= l.end())
    else {
        return;
    };
    for l in all[..idx].iter().rev().filter(|l| !l.is_blank()).take(2) {
        let (t, s) = l.trimmed();
        let bare = t.trim_start_matches(|c: char| !c.is_alphanumeric());
        if bare.starts_with("DIRECTOR") && bare.len() < 30 {
            found.push(Found {
                role: Role::To,
                parties: vec![party("DIRECTOR", s, n)],
            });
            return;
        }
        if let Some(m) = DAMAGED_LABEL.captures(t).and_then(|c| c.get(1)) {
            let v = PRECEDENCE.replace(m.as_str(), "");
            let v = SECOND_COLUMN
                .find(&v)
                .map_or(v.as_ref(), |c| &v[..c.start()])
                .to_string();
            let p = party(&v, s + m.start(), n);
            // Only a value that reads as a station or office, not a stray line.
            if p.office.is_some() || upper_ratio(&v) > 0.8 && v.len() >= 3 {
                found.push(Found {
                    role: Role::To,
                    parties: vec![p],
                });
                return;
            }
        }
        // A name after the label's remains in lower case (`* ws Winston M. Scott`).
        if let Some(m) = LOST_LABEL_NAME
            .captures(t)
            .and_then(|c| c.get(1))
            .and_then(|m| name_line(m.as_str()).map(|n| (m.start() + n.start(), n.as_str())))
        {
            found.push(Found {
                role: Role::To,
                parties: vec![party(m.1, s + m.0, n)],
            });
            return;
        }
    }
}

// An addressee's title standing alone at the head of a memo whose labels the OCR lost:
// `Chief, CI/SID`, `chief, cI/0a`, `Ghief, Security Analysis Group 40 April 1975` (the date
// of the second column after it), `Deputy Chief, WH Division`.
static UNLABELLED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\w\n]{0,3}((?:Acting\s+|Deputy\s+)?[CcG]hie[ft](?:,|\s+of\s)\s*[A-Za-z][^\n]{1,50}?)(?:\s+\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})?[^\w\n)]{0,3}$")
        .expect("static regex")
});
static END_OF_DISPATCH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)[BE]ND\s+OF\s+\W?DISPATCH").expect("static regex"));

/// A memorandum printed without its labels (CIA's memo form read with its left column
/// lost): the addressee's title on a line of its own above the text, the sender on the line
/// under it (a title or a name). Dispatches are left alone: their form puts sender and
/// addressee either way round.
fn unlabelled_memo(n: &Normalized, all: &[Line<'_>], dispatch_form: bool, r: &mut Routing) {
    // (a letter's text begins at its salutation: a title under it is the address block's at
    // the foot, `The Honorable` / `George Bush` / `Chief, United States Liaison Office`)
    let head: Vec<&Line<'_>> = all
        .iter()
        .filter(|l| !l.is_blank())
        .take_while(|l| !NUMBERED.is_match(l.text) && dear_line(l.text).is_none())
        .take(25)
        .collect();
    // With a sender found, the addressee is above it.
    let from_at = r.from.first().map(|p| p.span.start);
    let Some((i, m, s)) = head.iter().enumerate().find_map(|(i, l)| {
        let (t, s) = l.trimmed();
        let m = UNLABELLED_TITLE.captures(t)?.get(1)?;
        from_at.is_none_or(|f| l.start < f).then_some((i, m, s))
    }) else {
        return;
    };
    if dispatch_form || END_OF_DISPATCH.is_match(&n.text) {
        return;
    }
    let to = party(m.as_str(), s + m.start(), n);
    // a station's chief over a text whose original goes elsewhere (`Orig & 1 - Chief, SR`)
    // is the sender, the dispatch form's labels lost (see `station_chief_head`)
    if let Some(full) = to.office.as_deref().and_then(station) {
        let body_start = all.first().map_or(0, |l| l.start);
        if salutation_or_original(n, body_start)
            .is_some_and(|o| !o.raw.to_uppercase().contains(full))
        {
            return;
        }
    }
    r.to.push(to);
    if r.from.is_empty() {
        if let Some(next) = head.get(i + 1) {
            let (t, s) = next.trimmed();
            let sender = TITLE_LINE
                .captures(t)
                .and_then(|c| c.get(1))
                .or_else(|| name_line(t));
            if let Some(m) = sender {
                r.from.push(party(m.as_str(), s + m.start(), n));
            }
        }
    }
}

// State memoranda read row by row: labels in a run (`TO: THROUGH:`, `THRU: FROM`) and
// their values after them, each an office symbol, a dash and a name.
static RUN_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(TO|THRU|THROUGH|FROM)(?-u:\b)\s*:?").expect("static regex")
});
static OFFICE_CHUNK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Z][A-Z/]{0,8})\s+-\s+((?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z][a-z]*\.?(?:\s+[A-Z]\.)*(?:\s+[A-Z][a-z]+\.?)*(?:,\s+(?:Jr|III|II)\.?)?)").expect("static regex")
});
static PRINCIPAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)The\s+(?:(?:Deputy|Under|Acting)\s+)?(?:Secretary|President)(?-u:\b)")
        .expect("static regex")
});

fn state_label_run(n: &Normalized, body_start: usize, found: &mut Vec<Found>) {
    let text = &n.text;
    let end = body_start + crate::lines::window(text, body_start, 3000).len();
    let head = &text[body_start..end];
    // A run: two labels with nothing but white space between them.
    // (label word, start, end of the label with its colon)
    let labels: Vec<(&str, usize, usize)> = RUN_LABEL
        .find_iter(head)
        .map(|m| {
            let word = m
                .as_str()
                .trim_end_matches(|c: char| c == ':' || c.is_whitespace());
            (word, m.start(), m.end())
        })
        .collect();
    let Some(run_at) = labels
        .windows(2)
        .position(|w| head[w[0].2..w[1].1].trim().is_empty())
    else {
        return;
    };
    let run_end = labels[run_at + 1].2;
    // Roles that take office-dash values: every label from the run on, except TO.
    let roles: Vec<Role> = labels[run_at..]
        .iter()
        .map(|(word, _, _)| match *word {
            "TO" => Role::To,
            "FROM" => Role::From,
            _ => Role::Through,
        })
        .filter(|r| *r != Role::To)
        .collect();
    let chunks: Vec<_> = OFFICE_CHUNK
        .captures_iter(&head[run_end..])
        .take(roles.len())
        .collect();
    if chunks.is_empty() {
        return;
    }
    for (role, c) in roles.iter().zip(chunks.iter()) {
        let Some(m) = c.get(0) else { continue };
        let p = party(m.as_str(), body_start + run_end + m.start(), n);
        found.retain(|f| f.role != *role);
        found.push(Found {
            role: *role,
            parties: vec![p],
        });
    }
    // The addressee of such a memo is a principal named near the labels.
    if !found.iter().any(|f| f.role == Role::To) || labels[run_at].0 == "TO" {
        if let Some(m) = PRINCIPAL.find(head) {
            let p = party(m.as_str(), body_start + m.start(), n);
            found.retain(|f| f.role != Role::To);
            found.push(Found {
                role: Role::To,
                parties: vec![p],
            });
        }
    }
}

// A cable's date-time group (`171338Z`; OCR reads the Z as `2`, `7` or `z`).
static DTG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[0-3]\d[0-2]\d[0-5]\d[Z27z](?-u:\b)").expect("static regex")
});

// The printed furniture of a cable form: its title, routing box, ACTION and INFO lines.
static CABLE_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)[CG]LASSIFIED\s+MESSAGE|[CG]lassified\s+[Mm]essage|(?-u:\b)(?:ROUTING|Routing|rOUTING)(?-u:\b)|^[^\w\n]{0,3}(?:ACTION|ACTON|Action|action|INFO|NFO|Info|info)\s*[:;+.]",
    )
    .expect("static regex")
});

// Any of the three marks above, in one scan.
static CABLE_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "(?:{})|(?:{})|(?:{})",
        CITE.as_str(),
        DTG.as_str(),
        CABLE_FORM.as_str()
    ))
    .expect("static regex")
});

/// Whether the heading is a cable's: a cite, a date-time group or the message form.
fn is_cable(text: &str, body_start: usize) -> bool {
    let head = crate::lines::window(text, body_start, 4000);
    CABLE_MARK.is_match(head)
        || CABLE_NUMBER
            .captures_iter(head)
            .any(|c| c.get(2).is_some() || c.get(1).is_some_and(|m| station(m.as_str()).is_some()))
}

// A station's cable number on a line of its own (`WAVE 8252`), or an incoming number cited
// (`(IN 24774)`): marks of a cable when its form and CITE line are lost.
static CABLE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[^\w\n]{0,3}([A-Z]{3,4})\s+\d{3,6}[^\w\n]{0,3}$|\((I)N\s+\d{4,6}\)")
        .expect("static regex")
});

// A header line's first word and the rest: `om, DIRECTOR`, `Tom 4 HAVANA`, `tog DIRECTOR`.
static HEAD_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\w\n]{0,3}(?:[a-z][^\w\n]{1,2})?([A-Za-z]{2,5})(?:\s*[:;.,+=]|\s[46+]|\s)\s*(?P<rest>[A-Za-z][^\n]*)$")
        .expect("static regex")
});

/// The station a value names (`HAVANA CANLE |` → HAVANA, `MBXICO CITY`), if any.
fn station_of(value: &str) -> Option<&'static str> {
    let first = value
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_uppercase();
    // (a title's head is no station: `Director of Central Intelligence`)
    let rest = value
        .trim_start()
        .get(first.len()..)
        .unwrap_or("")
        .trim_start();
    if rest.starts_with("of ") || rest.starts_with("OF ") {
        return None;
    }
    station(&first)
        .filter(|_| first.len() >= 4)
        .or_else(|| station_fuzzy(value))
}

/// A station's name alone on a line (`HABANA`, `MEXICO CITY`, `DIRECTOR`).
fn lone_station(t: &str) -> Option<&str> {
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    ((1..=3).contains(&t.split_whitespace().count())
        && t.bytes().all(|b| b.is_ascii_uppercase() || b == b' ')
        && (t == "DIRECTOR" || station_of(t).is_some()))
    .then_some(t)
}

/// A cable form whose labels the OCR lost, neither sender nor addressee read: a station
/// alone on a short line at its top is the addressee the form prints there (`weXICe CITY a
/// herb: Z`, `HEADQUARTERS.`, `+ SMWAVE | re 2 3`). Not a letterhead's city (`Washington,
/// D.C. 20505` is the sender's). DIRECTOR only on a text with a cable's marks: a memo may
/// name the Director on a line of its own.
fn lone_station_head(n: &Normalized, all: &[Line<'_>], cable: bool) -> Option<Party> {
    let l = all.iter().filter(|l| !l.is_blank()).take(15).find(|l| {
        let t = l.text.trim();
        // (the box's value is typed in capitals: a line mostly in small letters is the OCR's
        // debris, not asked of the station names)
        t.len() <= 24
            && upper_ratio(t) >= 0.5
            && !LABEL.is_match(t)
            && station_of(t.trim_start_matches(|c: char| !c.is_alphanumeric()))
                .is_some_and(|s| s != "WASHINGTON" && (cable || s != "DIRECTOR"))
    })?;
    let (t, s) = l.trimmed();
    Some(party(t, s, n))
}

/// A cable form whose TO and FROM labels the OCR lost prints their values on two lines of
/// their own, in that order (`HABANA` / `DIRECTOR`).
fn unlabelled_cable_boxes(n: &Normalized, all: &[Line<'_>], r: &mut Routing) {
    let head: Vec<&Line<'_>> = all
        .iter()
        .filter(|l| !l.is_blank())
        .take_while(|l| !NUMBERED.is_match(l.text))
        .take(40)
        .collect();
    for pair in head.windows(2) {
        let (Some(to), Some(from)) = (lone_station(pair[0].text), lone_station(pair[1].text))
        else {
            continue;
        };
        if to == from {
            continue;
        }
        let at = |l: &Line<'_>, v: &str| l.start + l.text.find(v).unwrap_or(0);
        r.to.push(party(to, at(pair[0], to), n));
        r.from.push(party(from, at(pair[1], from), n));
        return;
    }
}

/// Labels too damaged for the label rule (`om,` `Tom 4` `Hom +` for FROM; `tog` for TO) still
/// route a cable when what follows is a station: two edits off FROM, one off TO, and only
/// when the value is a station name or code.
fn damaged_cable_labels(n: &Normalized, head: &str, head_start: usize, r: &mut Routing) {
    let mut above: Option<Line<'_>> = None;
    for line in lines(head).take(40) {
        if !r.from.is_empty() && !r.to.is_empty() {
            return;
        }
        if line.is_blank() {
            continue;
        }
        // the outgoing form's `FROM:` bent past reading (`eras DIRECTOR`), its `CONF:` next
        if r.from.is_empty() && CONF_LINE.is_match(line.text) {
            if let Some(a) = above.filter(|a| a.text.len() <= 30) {
                let t = a.text.trim_end_matches(|c: char| !c.is_ascii_alphabetic());
                if let Some(at) = t.strip_suffix("DIRECTOR").map(str::len) {
                    if t[..at].trim().len() <= 6 && !t[..at].ends_with(char::is_alphabetic) {
                        let start = head_start + a.start + at;
                        r.from.push(party("DIRECTOR", start, n));
                    }
                }
            }
        }
        above = Some(line);
        // Decide on the first two words before any regex runs: most lines start otherwise.
        let maybe_label = line.text.split_whitespace().take(2).any(|tok| {
            let w = tok.trim_matches(|c: char| !c.is_ascii_alphabetic());
            (2..=5).contains(&w.len())
                && (crate::fuzzy::is_word(w, "FROM", 2) || crate::fuzzy::is_word(w, "TO", 1))
        });
        if !maybe_label {
            continue;
        }
        let Some(c) = HEAD_WORD.captures(line.text) else {
            continue;
        };
        let (Some(word), Some(rest)) = (c.get(1), c.name("rest")) else {
            continue;
        };
        let w = word.as_str().to_ascii_uppercase();
        let role = if r.from.is_empty() && crate::fuzzy::within(&w, "FROM", 2).is_some() {
            Role::From
        } else if r.to.is_empty() && w.len() <= 3 && crate::fuzzy::within(&w, "TO", 1).is_some() {
            Role::To
        } else {
            continue;
        };
        if station_of(rest.as_str()).is_none() {
            continue;
        }
        let start = head_start + line.start + rest.start();
        let raw = rest
            .as_str()
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        let p = party(&raw, start, n);
        match role {
            Role::From => r.from.push(p),
            _ => r.to.push(p),
        }
    }
}

// The outgoing cable form's `CONF:` line (who confirms it), as OCR reads it.
static CONF_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}(?:CONF|COME|CONE|CONP|COMF|C0NF)(?-u:\b)").expect("static regex")
});

// A cable's address line, its label and CITE lost: the addressee's code right before INFO
// (`) WAVE NFO MAEXD`, `od LATE LIMA NFO`, `PRIORITY DIR INFO WAVE`).
static ADDRESS_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([A-Z]{3,8})\s+I?NFO(?-u:\b)").expect("static regex"));

/// The addressee of a cable's address line, if a line of the heading has one.
fn address_line(n: &Normalized, head: &str, head_start: usize) -> Option<Party> {
    lines(head).take(40).find_map(|line| {
        let c = ADDRESS_LINE
            .captures_iter(line.text)
            .find(|c| c.get(1).is_some_and(|m| station(m.as_str()).is_some()))?;
        let code = c.get(1)?;
        let at = head_start + line.start + code.start();
        let mut p = party(station(code.as_str())?, at, n);
        p.raw = code.as_str().to_string();
        p.span = n.span(at, at + code.len());
        Some(p)
    })
}

/// A station's chief alone on a line atop a text whose addressee is known elsewhere (`Chicf
/// of Station, Ottawa` over a dispatch whose distribution gives `Orig & 1 - Chief, SR`): the
/// sender's box of a form whose labels the OCR lost. A station writes to headquarters; a
/// division's chief at headquarters may be either side, so only the chief of a station.
fn station_chief_head(n: &Normalized, all: &[Line<'_>], to: &[Party]) -> Option<Party> {
    all.iter()
        .filter(|l| !l.is_blank())
        .take(10)
        .take_while(|l| !NUMBERED.is_match(l.text) && !SUBJECT_LINE.is_match(l.text))
        .find_map(|l| {
            let (t, s) = l.trimmed();
            if t.len() > 40 || LABEL.is_match(t) {
                return None;
            }
            let c = DISPATCH_PARTY.captures(t)?;
            let m = c.get(1)?;
            let p = party(m.as_str(), s + m.start(), n);
            let full = p.office.as_deref().and_then(station)?;
            // (not the addressee's own station)
            let shared = to.iter().any(|q| q.raw.to_uppercase().contains(full));
            (!shared).then_some(p)
        })
}

// A State telegram's address block, its labels bare and in capitals: `FM AMEMBASSY
// KHARTOUM` / `TO SECSTATE WASHDC PRIORITY 1852` / `INFO AMEMBASSY ADDIS ABABA`, then one
// more addressee a line (`USINT BAGHDAD`, `AMEMBASSY CAIRO`).
static TELEGRAM_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(FM|TO|INFO)\s+(\S.*?)\s*$").expect("static regex"));

// An addressee as the block writes it: a routing indicator before it (`RUEHC/`), the
// precedence it was sent at and the sender's serial for it after (`PRIORITY 1852`).
static ADDRESSEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z]{3,6} ?/ ?)?(?P<who>[A-Z][A-Z0-9 .,&'/\-]*?)(?: +(?P<precedence>(?:NIACT +)?(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH)))?(?: +\d{1,6})?[ *.]*$")
        .expect("static regex")
});

// Lines after the addressees: the classification line (`C O N F I D E N T I A L SECTION
// 02 OF 02 KHARTOUM 4476`, `UNCLAS STATE 057534`), `BT`, caveats, `XMT` exclusions.
static AFTER_ADDRESSES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W*(?:[A-Z] ){3,}|(?-u:\b)(?:UNCLAS\w*|CONFIDENTIAL|SECRET|LIMITED +OFFICIAL|NODIS|EXDIS|LIMDIS|STADIS|BT|XMT|SECTION +\d+)(?-u:\b)")
        .expect("static regex")
});

/// Most addressees a block is read for (a telegram to every post in a region has dozens).
const ADDRESSEES: usize = 60;

/// One addressee of a telegram's address block, from `value` at `start`: the post as the
/// party's title (or station), the precedence apart, the value as written its evidence.
fn addressee(value: &str, start: usize, n: &Normalized) -> Option<Party> {
    let c = ADDRESSEE.captures(value)?;
    let who = c.name("who")?;
    if who.as_str().split_whitespace().count() > 8 || !legible_value(who.as_str()) {
        return None;
    }
    let mut p = party(who.as_str(), start + who.start(), n);
    p.raw = value.trim_end_matches([' ', '*', '.']).to_string();
    p.span = n.span(start, start + p.raw.len());
    p.precedence = c
        .name("precedence")
        .map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "));
    Some(p)
}

/// A State telegram's address block: an `FM` line with a `TO` line next, the `INFO` line
/// after, and each addressee after a label on a line of its own until the classification
/// line (or `BT`, a blank line, anything else). `None` without the block.
fn telegram_addresses(n: &Normalized, all: &[Line<'_>]) -> Option<Routing> {
    fn label<'a>(l: &Line<'a>) -> Option<(&'a str, regex::Match<'a>)> {
        let c = TELEGRAM_LABEL.captures(l.text)?;
        Some((c.get(1)?.as_str(), c.get(2)?))
    }
    // (the label's literal first: a regex asked of every heading line is dear)
    let fm = (0..all.len()).find(|&i| {
        all[i].text.trim_start().starts_with("FM ")
            && label(&all[i]).is_some_and(|(w, _)| w == "FM")
            && all[i + 1..]
                .iter()
                .find(|x| !x.is_blank())
                .and_then(label)
                .is_some_and(|(w, _)| w == "TO")
    })?;
    let mut r = Routing::default();
    let mut role = Role::From;
    for l in &all[fm..] {
        let (value, at) = match label(l) {
            Some((w, v)) => {
                role = match w {
                    "FM" => Role::From,
                    "TO" => Role::To,
                    _ => Role::Info,
                };
                // (a second FM: another telegram's block)
                if role == Role::From && !r.from.is_empty() {
                    break;
                }
                (v.as_str(), l.start + v.start())
            }
            None if role != Role::From => {
                let (t, s) = l.trimmed();
                (t, s)
            }
            None => break,
        };
        if l.is_blank() || AFTER_ADDRESSES.is_match(value) || NUMBERED.is_match(value) {
            break;
        }
        // (the INFO label may close the last addressee's line, or stand alone)
        let (value, info_next) = match value.strip_suffix("INFO") {
            Some(v) if v.is_empty() || v.ends_with(' ') => (v.trim_end(), true),
            _ => (value, false),
        };
        if !value.is_empty() {
            let Some(p) = addressee(value, at, n) else {
                break;
            };
            let slot = match role {
                Role::From => &mut r.from,
                Role::To => &mut r.to,
                _ => &mut r.info,
            };
            slot.push(p);
        }
        if info_next {
            role = Role::Info;
        }
        if r.to.len() + r.info.len() >= ADDRESSEES {
            break;
        }
    }
    (!r.from.is_empty() && !r.to.is_empty()).then_some(r)
}

/// Cable furniture: CITE and transmission lines.
fn cable(n: &Normalized, body_start: usize, r: &mut Routing) {
    let text = &n.text;
    let head_end = body_start + crate::lines::window(text, body_start, 4000).len();
    let head = &text[body_start..head_end];
    damaged_cable_labels(n, head, body_start, r);
    let cite = CITE.captures(head);
    // (the pattern opens with a class and a boundary, which its engine cannot skip ahead to:
    // asked only where the word stands; OCR's `CATE` ends too many words in capitals)
    let cite_word = || ["CITE", "C1TE", "ClTE"].iter().any(|w| head.contains(w));
    if cite.is_none() && r.from.is_empty() && cite_word() {
        let bent = CITE_BENT.captures_iter(head).find_map(|c| {
            let m = c.name("from")?;
            let code = m.as_str();
            // (a code in capitals CITE would have read: this is for the OCR's small letters)
            let bent = code.bytes().any(|b| b.is_ascii_lowercase());
            bent.then(|| bent_cite_station(code))
                .flatten()
                .map(|full| (m, full))
        });
        if let Some((m, full)) = bent {
            let at = body_start + m.start();
            let mut p = party(full, at, n);
            p.raw = m.as_str().to_string();
            p.span = n.span(at, at + m.len());
            r.from.push(p);
        }
    }
    if let Some(c) = cite {
        if let Some(fm) = c.name("from") {
            let code = fm.as_str();
            let start = body_start + fm.start();
            let sender = if code.chars().all(|ch| ch.is_ascii_digit()) {
                // The station's name was excised; the cable number remains.
                let mut p = party(code, start, n);
                p.name = Some("WITHHELD".into());
                p
            } else if let Some(full) = (station(code).is_none() && code.len() == 4)
                .then(|| bent_cite_station(code))
                .flatten()
            {
                // a code in capitals one letter off a station's (`HEXI`, `MEXE` for MEXI)
                let mut p = party(full, start, n);
                p.raw = code.to_string();
                p.span = n.span(start, start + code.len());
                p
            } else {
                party(code, start, n)
            };
            match r.from.first_mut() {
                None => r.from.push(sender),
                Some(p) => {
                    // Keep the code beside the text as read: `FROM 6 MEXCO CITY` + `CITE MEXI`.
                    if p.office.is_none() && sender.office.is_some() {
                        p.office = sender.office.clone();
                        if p.name.is_none() {
                            p.name = sender.name.clone();
                        }
                    }
                }
            }
        }
        let cite_at = c.get(0).map_or(0, |m| m.start());
        let line_start = head[..cite_at].rfind('\n').map_or(0, |i| i + 1);
        let before = &head[line_start..cite_at];
        let to = CITE_TO
            .find_iter(before)
            .find(|m| station(m.as_str()).is_some());
        if let Some(to) = to {
            let to_start = line_start + to.start();
            if let Some(full) = station(to.as_str()) {
                // The party is named in full, but its evidence is the code as written.
                let mut p = party(full, body_start + to_start, n);
                p.raw = to.as_str().to_string();
                p.span = n.span(body_start + to_start, body_start + to_start + to.len());
                match r.to.first_mut() {
                    None => r.to.push(p),
                    Some(first) if first.office.is_none() => {
                        first.office = p.office.clone();
                        first.name = first.name.clone().or(p.name.clone());
                    }
                    Some(_) => {}
                }
            }
        }
    }
    if r.to.is_empty() {
        r.to.extend(address_line(n, head, body_start));
    }
    // (the own number follows DIRECTOR: no other head needs its lines walked)
    if r.from.is_empty() && head.contains("DIRECTOR") {
        let own = lines(head)
            .enumerate()
            .filter(|(i, l)| *i < OWN_NUMBER_LINES || TRANSMISSION.is_match(l.text))
            .filter(|(_, l)| !REF_LINE.is_match(l.text))
            .find_map(|(_, l)| {
                OWN_NUMBER
                    .captures(l.text)
                    .and_then(|c| c.get(1))
                    .map(|m| l.start + m.start())
            });
        if let Some(at) = own {
            r.from.push(party("DIRECTOR", body_start + at, n));
        }
    }
}

/// A dispatch (CIA Form 53) names its addressee, any info addressee and its sender down the
/// left of the form, in that order, their labels often lost; the processing-action boxes
/// on the right (`MARKED FOR INDEXING`, `ONLY QUALIFIED DESK`) are read into the same lines.
/// Where the form shows (its heading or two of those boxes) and two or more parties stand
/// in that column, their order routes the dispatch, over labels read across the columns.
/// A dispatch: its heading, or two of its form's processing boxes, near the top.
// A distribution entry: copies, a dash, the office (`3 - COS, JMWAVE`, `3 = WHD w/att A-D`).
static DIST_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}\d{1,2}\s*[-=.]\s*((?:[A-Z][A-Za-z]*[/,]?\s?)*[A-Z]{2,}[A-Za-z/]*)(?:\s+[wW]/.*)?\s*$")
        .expect("static regex")
});

// A distribution entry's office symbol: `1 -_SR/CI/I for 201-734813`, `1 - TSD/LSS`.
static DIST_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\W{0,3}\d{1,2}\s*[-=.~]+\s*_?([A-Za-z0-9]{1,7}(?:/[A-Za-z0-9&\-]{1,8}){1,4})(?:\s|$)",
    )
    .expect("static regex")
});

/// A signer's office symbol the OCR cut or bent, mended by the memo's own copy in its
/// distribution list (the originating office keeps one): `- SR/C` over `1 - SR/CI/I`,
/// `TSD/ISS` over `1 - TSD/LSS`. Only when one entry is that near.
fn mend_from_distribution(text: &str, p: &mut Party) {
    let Some(sym) = p.office.clone().filter(|s| s.len() >= 3) else {
        return;
    };
    let mut near = list_lines(lines(text)).take(15).filter_map(|l| {
        let c = office_symbol(DIST_SYMBOL.captures(l.text.trim())?.get(1)?.as_str())?;
        let close = c != sym
            && (c.starts_with(&sym)
                || c.len() == sym.len() && declass_lexicon::within(&c, &sym, 1).is_some());
        close.then_some(c)
    });
    if let (Some(c), None) = (near.next(), near.next()) {
        p.office = Some(c);
    }
}

/// The non-blank lines after a distribution list's heading, or after the end of a dispatch
/// (`END OF DISPATCH`, `BND oF 'DISPATCH.`), which the list follows; none when there is
/// neither.
fn list_lines<'a>(lines: impl IntoIterator<Item = Line<'a>>) -> impl Iterator<Item = Line<'a>> {
    let mut rest = lines.into_iter().filter(|l| !l.is_blank());
    // (the heading's search runs the lines out when there is none)
    let _ = rest.by_ref().any(|l| {
        crate::fields::furniture::HEADING.is_match(l.text) || END_OF_DISPATCH.is_match(l.text)
    });
    rest
}

/// The first entry of a dispatch's distribution list.
fn distribution_head(n: &Normalized, all: &[Line<'_>]) -> Option<Party> {
    list_lines(all.iter().copied()).take(10).find_map(|l| {
        let (t, s) = l.trimmed();
        let m = DIST_ENTRY.captures(t)?.get(1)?;
        Some(party(
            m.as_str().trim_end_matches([',', ' ']),
            s + m.start(),
            n,
        ))
    })
}

/// `all` are lines of `text`.
fn is_dispatch(text: &str, all: &[Line<'_>]) -> bool {
    let head = || all.iter().filter(|l| !l.is_blank()).take(30);
    let (Some(first), Some(last)) = (head().next(), head().last()) else {
        return false;
    };
    // (one scan of the head first: the lines are asked only when it matches; telegrams
    // hold paragraphs on a line, and most texts are no dispatch)
    let span = text.get(first.start..last.end()).unwrap_or_default();
    (DISPATCH.is_match(span) && head().any(|l| DISPATCH.is_match(l.text)))
        || (PROCESSING_BOX.find_iter(span).nth(1).is_some()
            && head().filter(|l| PROCESSING_BOX.is_match(l.text)).count() >= 2)
}

/// A dispatch's addressee and sender as OCR bends them, its labels and heading lost: `yo
/// Catef of Rtation, Yoxtoo City` then `mom Chief of Station, Manacue`. The title is read
/// within two edits (`Chief`) and one (`Station`, `Base`); a place follows a comma.
/// Returns the value's start in the line and its title.
fn bent_station_party(t: &str) -> Option<(usize, &'static str)> {
    // (asked of every head line of a text routed otherwise: a comma first, then at most a
    // label fragment, the title's three words and one of the value)
    if !t.contains(',') {
        return None;
    }
    let words: Vec<(usize, &str)> = t
        .split_whitespace()
        .take(5)
        .map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
        .collect();
    // (after at most one label fragment: `mom`, `yo`, `FROM`)
    (0..words.len().min(2)).find_map(|k| {
        let [(at, chief), (_, of), (_, post), ..] = words.get(k..)? else {
            return None;
        };
        let word = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_uppercase()
        };
        let post_word = word(post);
        let title = if crate::fuzzy::is_word(&post_word, "STATION", 1) {
            "Chief of Station"
        } else if crate::fuzzy::is_word(&post_word, "BASE", 1) {
            "Chief of Base"
        } else {
            return None;
        };
        (crate::fuzzy::is_word(&word(chief), "CHIEF", 2)
            && matches!(word(of).as_str(), "OF" | "OR" | "AF" | "0F")
            && post.ends_with(',')
            && words.len() > k + 3)
            .then_some((*at, title))
    })
}

/// Two adjacent lines near the top that are both [`bent_station_party`]: addressee, sender.
fn bent_dispatch(n: &Normalized, all: &[Line<'_>], r: &mut Routing) {
    let head: Vec<&Line<'_>> = all.iter().filter(|l| !l.is_blank()).take(30).collect();
    for pair in head.windows(2) {
        let (Some((a, ta)), Some((b, tb))) = (
            bent_station_party(pair[0].text),
            bent_station_party(pair[1].text),
        ) else {
            continue;
        };
        let mut to = party(&pair[0].text[a..], pair[0].start + a, n);
        let mut from = party(&pair[1].text[b..], pair[1].start + b, n);
        to.title = Some(ta.to_string());
        from.title = Some(tb.to_string());
        r.to = vec![to];
        r.from = vec![from];
        return;
    }
}

fn dispatch(n: &Normalized, all: &[Line<'_>], dispatch_form: bool, r: &mut Routing) {
    let head = || all.iter().filter(|l| !l.is_blank()).take(30);
    if !dispatch_form {
        if r.to.is_empty() && r.from.is_empty() {
            bent_dispatch(n, all, r);
        }
        return;
    }
    let mut parties: Vec<(Party, bool)> = Vec::new();
    for l in head() {
        let (t, s) = l.trimmed();
        if SUBJECT_LINE.is_match(t) || NUMBERED.is_match(t) {
            break;
        }
        let Some(c) = DISPATCH_PARTY.captures(t) else {
            // a station alone: the sender's line with its title lost (`Mexico City`)
            let v = DISPATCH_NOISE.replace(t, "");
            let v = v.trim_end_matches(|c: char| !c.is_alphanumeric());
            if !parties.is_empty()
                && (1..=3).contains(&v.split_whitespace().count())
                && v.starts_with(|c: char| c.is_ascii_uppercase())
                && station_of(v).is_some()
            {
                parties.push((party(v, s, n), false));
                if parties.len() == 3 {
                    break;
                }
            }
            continue;
        };
        let Some(m) = c.get(1) else { continue };
        let v = DISPATCH_NOISE.replace(m.as_str(), "");
        let v = v.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
        if v.len() < 4 {
            continue;
        }
        let info = t[..m.start()].to_ascii_uppercase().contains("NFO");
        parties.push((party(v, s + m.start(), n), info));
        if parties.len() == 3 {
            break;
        }
    }
    if parties.len() < 2 && !(r.to.is_empty() && r.from.is_empty()) {
        return;
    }
    // One party in the heading, the addressee's copies first in the distribution list
    // (`Distribution: 3 - COS, JMWAVE`): the party in the heading is the sender.
    if parties.len() == 1 {
        if let Some(to) = distribution_head(n, all) {
            let shared = to
                .raw
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 2)
                .any(|w| parties[0].0.raw.contains(w));
            if !shared {
                r.to = vec![to];
                r.from = vec![parties.remove(0).0];
                return;
            }
        }
    }
    let info_at = match parties.len() {
        3 => Some(1),
        _ => parties.iter().position(|(_, info)| *info),
    };
    let mut rest: Vec<Party> = Vec::new();
    for (i, (p, _)) in parties.into_iter().enumerate() {
        if Some(i) == info_at {
            r.info = vec![p];
        } else {
            rest.push(p);
        }
    }
    let mut it = rest.into_iter();
    if let Some(to) = it.next() {
        r.to = vec![to];
    }
    if let Some(from) = it.next() {
        r.from = vec![from];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    // The union must say what the three patterns say, each asked alone.
    #[test]
    fn cable_marks_in_one_scan_agree_with_each_pattern() {
        for head in [
            "DIR CITE MEXI 7015\n",
            "SECRET 271536Z\n",
            "CLASSIFIED MESSAGE\nROUTING\n",
            "  INFO: DDP, C/WH\n",
            "Action: C/WH 5\n",
            "MEMORANDUM FOR THE RECORD\nSUBJECT: Citations of a cited site\n",
            "the 27th of May, 1536 hours\n",
        ] {
            let each = CITE.is_match(head) || DTG.is_match(head) || CABLE_FORM.is_match(head);
            assert_eq!(CABLE_MARK.is_match(head), each, "{head:?}");
        }
    }

    /// Each party's office, title and name.
    fn parts(ps: &[Party]) -> Vec<(Option<&str>, Option<&str>, Option<&str>)> {
        ps.iter()
            .map(|p| (p.office.as_deref(), p.title.as_deref(), p.name.as_deref()))
            .collect()
    }

    fn route(s: &str) -> (Vec<String>, Vec<String>, Routing) {
        let n = normalize(s);
        let own_end = crate::split::stapled(&n)
            .first()
            .copied()
            .unwrap_or(n.text.len());
        let r = extract(&n, 0, own_end);
        let show = |ps: &[Party]| ps.iter().map(|p| p.raw.clone()).collect::<Vec<_>>();
        (show(&r.from), show(&r.to), r)
    }

    #[test]
    fn a_letter_greeting_an_office_is_addressed_to_the_name_of_its_address() {
        // Made up in the forms of U.S. letters (no dev file has an inside address): the
        // inside address above the salutation, `The Honorable` over the name ...
        let t = "The Honorable\nGeorge P. Shultz\nSecretary of State\nWashington, D.C. 20520\n\nDear Mr. Secretary:\n\nThank you for your letter of March 3.\n";
        let (_, _, r) = route(t);
        assert_eq!(r.to[0].name.as_deref(), Some("George P. Shultz"));
        assert_eq!(r.to[0].title.as_deref(), Some("Secretary"));
        assert_eq!(
            &t[r.to[0].span.start..r.to[0].span.end],
            "The Honorable\nGeorge P. Shultz"
        );
        // ... `His Excellency` over the name at the letter's foot
        let t = "Dear Mr. Minister:\n\nI write to thank you for our talks in Geneva.\n\nSincerely,\n\nJames A. Baker, III\n\nHis Excellency\nEduard A. Shevardnadze,\nMinister of Foreign Affairs,\nMoscow.\n";
        let (_, _, r) = route(t);
        assert_eq!(r.to[0].name.as_deref(), Some("Eduard A. Shevardnadze"));
        // *made up*, a Secretary's letter of 1975: the office line under the name at the
        // foot is the address's, not an unlabelled memo's addressee
        let t = "SECRET/NODIS\n\nDear Mr. Ambassador:\n\nI write to give you the background of the decision.\n\nWarm regards,\n\nHenry A. Kissinger\n\nThe Honorable\nGeorge Bush\nChief, United States Liaison Office\nPeking\n";
        let (_, _, r) = route(t);
        assert_eq!(
            (r.to[0].name.as_deref(), r.to[0].title.as_deref()),
            (Some("George Bush"), Some("Ambassador"))
        );
        // a sentence opening with the office names someone else: the greeting stays
        let (_, to, _) =
            route("Dear Mr. Secretary:\n\nSecretary James Baker said that the talks went well.\n");
        assert_eq!(to, vec!["Mr. Secretary"]);
        // a greeting with a name is not replaced
        let (_, to, _) =
            route("The Honorable\nGeorge P. Shultz\n\nDear Mr. Shultz:\n\nThank you.\n");
        assert_eq!(to, vec!["Mr. Shultz"]);
    }

    #[test]
    fn crumbs_of_ocr_under_a_label_are_no_party() {
        // JFK 104-10335-10006 (abridged): a mark and two letters above the addressee's lines
        let t = "CSi-0307/95\n20 February 1996\n\nMEMORANDUM FOR:\n\n\u{2014} es 7\nDS&T Focal Point for\nJFK Board Requests\n\nFROM: Barry Harrelson\nHistorical Review Group\n";
        let (from, to, _) = route(t);
        assert_eq!(to, vec!["DS&T Focal Point for", "JFK Board Requests"]);
        assert_eq!(from[0], "Barry Harrelson");
        // an office's two capitals stay (`TO: WH`)
        let (_, to, _) = route("TO: WH\nFROM: DIRECTOR\n");
        assert_eq!(to, vec!["WH"]);
        // *made up* in the form of INR's notes: the Executive Secretariat's symbol, its
        // letters one each
        let (_, _, r) =
            route("To : The Secretary\n\nThrough: S/S\n\nFrom : INR - Thomas L. Hughes\n");
        assert_eq!(r.through.len(), 1);
        assert_eq!(r.through[0].office.as_deref(), Some("S/S"));
        let (_, _, r) = route("TO: The Secretary\nTHROUGH: S/S-O\n");
        assert_eq!(r.through[0].office.as_deref(), Some("S/S-O"));
        // a fraction stays a crumb
        let (_, _, r) = route("TO: The Secretary\nTHROUGH: 1/2\n");
        assert!(r.through.is_empty());
    }

    #[test]
    fn a_dispatch_address_bent_by_the_ocr() {
        // JFK 104-10216-10083 (abridged): heading and labels lost, both titles bent
        let t = "ERD pe sear omen\nLinea\n\nyo Catef of Rtation, Yoxtoo City\nmom Chief of Station, Manacue\n\nOperational\n\npisparca xo. WEA} 413 _\n";
        let (from, to, r) = route(t);
        assert_eq!(from, vec!["Chief of Station, Manacue"]);
        assert_eq!(to, vec!["Catef of Rtation, Yoxtoo City"]);
        assert_eq!(r.to[0].title.as_deref(), Some("Chief of Station"));
        // after `Chief of Station` a third of the station's letters may be bent
        assert_eq!(r.from[0].office.as_deref(), Some("MANAGUA"));
        // JFK 104-10177-10189
        let (_, _, r) = route("DISPATCH\nFROM =: Chief of Station, Jin'AVE\nSUBJECT: Engagement\n");
        assert_eq!(r.from[0].office.as_deref(), Some("JMWAVE"));
        let (_, _, r) = route("DISPATCH\nFROM : Chief, Jin'AVE\nSUBJECT: Engagement\n");
        assert_eq!(
            r.from[0].office.as_deref(),
            Some("Jin'AVE"),
            "a chief of no station"
        );
        // one such line alone, or prose that names a chief, routes nothing
        let (from, to, _) = route("The Chief of Station, Mexico City, agreed.\nHe left.\n");
        assert!(from.is_empty() && to.is_empty(), "{from:?} {to:?}");
    }

    #[test]
    fn a_forms_box_label_or_a_section_heading_is_no_signers_name() {
        // JFK 104-10308-10023: the DATE DISPATCHED box, OCR'd, read as the sender's name
        assert!(name_line("DAE NPD DATE DSPATOHED").is_none());
        // and the Operational box, a letter off (JFK 104-10216-10083-like dispatch forms)
        assert!(name_line("A. Operationai").is_none());
        assert!(name_line("JAMES W. FRANKLIN").is_some());
        assert!(name_line("Lyle L. Miller").is_some());
        // JFK 104-10174-10043 (abridged): a letter's lettered section headings over numbered
        // paragraphs are no signatures
        let t = "Dear Mr. Tichborn:\n\nThis letter sets out your instructions. Please indicate your agreement by signing below.\n\nA. Operational .\n1. You will be briefed generally on some aspects of the situation.\n\nB. Administrative\n\n1. While on your present assignment you will keep a record of your expenses.\n";
        let (from, _, _) = route(t);
        assert!(from.is_empty(), "{from:?}");
    }

    #[test]
    fn a_name_opening_with_an_initial_a_broken_title_and_what_is_no_title() {
        // JFK 104-10061-10347 (abridged): `B. Hugh Tovar` is a name, his title under it
        let t = "MEMORANDUM FOR: Special Assistant to DDO for External\n\nOversight\nATTENTION : Mr. Norbert Shepanek\nFROM : B. Hugh Tovar\nChief, Counterintelligence Staff\nSUBJECT : Response to House Select Committee\n";
        let (_, to, r) = route(t);
        assert_eq!(r.from[0].name.as_deref(), Some("B. Hugh Tovar"));
        // and the addressee's title the line broke before its last word is one addressee
        assert_eq!(to, ["Special Assistant to DDO for External Oversight"]);
        assert_eq!(
            r.from[0].title.as_deref(),
            Some("Chief, Counterintelligence Staff")
        );
        // JFK 104-10333-10016 (abridged): another field's key under the sender is no title
        let t = "FROM: J. Barry Harrelson\nDATE: 02/26/97 08:43:20 AM\nSUBJECT: Records\n";
        let (_, _, r) = route(t);
        assert_eq!(r.from[0].name.as_deref(), Some("J. Barry Harrelson"));
        assert_eq!(r.from[0].title, None);
        // JFK 104-10209-10129 (abridged): `Orig & 1 - Addressee`, as the OCR read it, names
        // no one
        let t = "Donuvan E. Pratt\n\nDC/CI/R&A\n\nDistribution\n\nOrig & 1 - Adressec\n\n1 - A/DCI (Mr. Goodwin)\n";
        let (_, to, _) = route(t);
        assert!(!to.iter().any(|p| p.contains("Adressec")), "{to:?}");
    }

    #[test]
    fn a_lone_station_atop_an_unrouted_cable_is_its_addressee() {
        // JFK 104-10077-10184, 104-10100-10108 (abridged): the form's labels lost, the TO
        // box's station left, bent
        let t = "14007-1184 :\n\\* @A8/PERSONHEL ~ <P SECRPT =\n2 39 KOVEMBER 63 f ;\n\n+ SMWAVE | re 2 3\nfeo\u{201d} > as\n\nREY WAVE 8)96 (1 68487)\nPER REF ER. GS-12 KURIOT TECHHICIAS, ARS\n";
        let (_, _, r) = route(t);
        assert_eq!(r.to[0].name.as_deref(), Some("JMWAVE"));
        let t = "i04-0100-(0108\n\n8 9iBepon 8--C-R-E T\nweXICe CITY a herb: Z\nRETURNTOCIA. ie rey\n\ni. PER BAVA BADIO GROAGCAST. 24 SEPT. THE COUNCIL ACCEPTED THE RESIGNATION.\n";
        let (_, _, r) = route(t);
        assert_eq!(r.to[0].name.as_deref(), Some("MEXICO CITY"));
        // a letterhead's city is the sender's, not an addressee
        let t = "CENTRAL INTELLIGENCE AGENCY\nWashington, D.C. 20505\n\nThe agency has reviewed the request.\n";
        let (_, to, _) = route(t);
        assert!(to.is_empty(), "{to:?}");
    }

    #[test]
    fn a_dispatch_symbol_names_the_station_it_went_from_or_to() {
        // JFK 104-10175-10179 (abridged): references first, the form's own symbol at the
        // foot; `A`: from the Mexico City station to headquarters
        let t = "SLINUFF/L\n\nREFERENCE: A, HMMW=l1321, 13 Fed 1963\nB. HMMA~20931, 22 Mar 1963\n\n1, Transmitted under separaze cover truename attachments are the\nfollowing forms to complete Headquarters! records on subject:\n\n29 Apr.63 | 30 Apr 63\n\nHMMA\u{ab}21166 #\n";
        let (from, _, r) = route(t);
        assert_eq!(from, vec!["HMMA\u{ab}21166"]);
        assert_eq!(r.from[0].office.as_deref(), Some("MEXICO CITY"));
        assert_eq!(r.from[0].title.as_deref(), Some("Chief of Station"));
        // JFK 104-10183-10320 (abridged): `W`, from headquarters: the addressee
        let (from, to, r) = route("SECRET UFGW-6601 PAGE 2\n\n3. The station should report.\n");
        assert!(from.is_empty(), "{from:?}");
        assert_eq!(to, vec!["UFGW-6601"]);
        assert_eq!(r.to[0].office.as_deref(), Some("JMWAVE"));
        // a symbol referred to or cited names neither side (JFK 104-10163-10106,
        // 104-10414-10380, 104-10103-10280)
        for t in [
            "REFERENCE; UFGA 17854\n\n1. Headquarters has reviewed the proposal.\n",
            "REFS: A. HMMW 11321\nB. HMMA 20931\n\n1. Transmitted under separate cover.\n",
            // (the label as OCR may read it)
            "REs: HMMW 11321\n\n1. Transmitted under separate cover.\n",
            "He was\nICFLUTTERED on 8 October 1963, HMMW-12064.\n",
            "this report was handed to the Legal Attache:\n\nHMMA- 22562, 5 December 1963]\n",
        ] {
            let (from, to, _) = route(t);
            assert!(from.is_empty() && to.is_empty(), "{t:?}: {from:?} {to:?}");
        }
    }

    #[test]
    fn a_transfer_stamp_is_not_routing() {
        // JFK 104-10436-10061 (abridged): the addressee's label lost (`D + DIRECTOR`); the
        // secretariat's stamp below names the divisions action passed between.
        let t = "104-10436-10064)\nD + DIRECTOR\nOM + \\\nTION: = C/WH 5\nSECRET 171338z\nDIR crte{___ piss CJACONNSTY ACTING)\nC/S COMMENT: THE ACTION RESPONSIBILITY FOR THIS CABLE HAS\n\nBEEN TRANSFERRED ?\nFROM Lit, _\n(Division)\nTO WE\nBY\n\n1. DESPITE STATION PRESSURE TIPSTAFFS HAVE HELD BACK ON REF\n";
        let (from, to, _) = route(t);
        assert_eq!(to, vec!["DIRECTOR"]);
        assert!(!from.iter().any(|f| f.contains("Lit")), "{from:?}");
    }

    #[test]
    fn memos_whose_labels_the_ocr_lost() {
        // JFK 104-10256-10054: addressee (the date of the second column beside it), then
        // the sender's name; a stray capital in the initial.
        let t = "04-0256. 10054] 22 oo\n\nGhief, Security Analysis Group 40 April 1975\nJerry GC. Brown\n\nCentral Investigation Agency, Inc,\n\n1, Reference is made to CIRA-0371-74, dated 27 June 1974,\n";
        let (from, to, _) = route(t);
        assert_eq!(to, vec!["Ghief, Security Analysis Group"]);
        assert_eq!(from, vec!["Jerry GC. Brown"]);
        // JFK 104-10121-10060 (abridged): the sender a title; routing-sheet debris above.
        let t = "Dop. Chief\nA. to Chiet\n\u{2018}SSD Files\n\nEVES ONLY\n\nChief, cY/sID\n\nDeputy Director of Security\n(Investigations and Support)\n\nRULITSITY, Doris Yofinovich\n\n1. You are referred to our memorandum of this date, concerning\n";
        let (from, to, _) = route(t);
        assert_eq!(to, vec!["Chief, cY/sID"]);
        assert_eq!(from, vec!["Deputy Director of Security"]);
        // JFK 104-10218-10094: the sender's label read (`FRCH`), the addressee's lost.
        let t = "104-10218-10094\nlc\n17 0CT 1962\nFERORANDU:\nchief, cI/0a\nx\nFRCH : Deputy Lirector of Security (Investipstions\nand Opersticnal Support)\nSUZJZCT + 9483 oz\n\n1. A check of the indices was made.\n";
        let (_, to, _) = route(t);
        assert_eq!(to, vec!["chief, cI/0a"]);
        // A dispatch's form puts its parties either way round: not read as a memo's (whose
        // sender would be the next line); the dispatch's lone party is read as addressee.
        let t = "ROUTING AND RECORD SHEET\n-) CDISPATCH [sre\nChief, Special Affairs Staff\nTRTEL/TIPIC AMCORE-2 production\n\nthe REF blueprints were fairly accurate.\nEnd of Dispatch\n";
        let (from, to, _) = route(t);
        assert!(from.is_empty(), "{from:?}");
        assert_eq!(to, vec!["Chief, Special Affairs Staff"]);
        // A title line inside the text is no addressee.
        let t = "SUBJECT: Garrison\n\n1. The Chief of Station reported on the visit\nChief, WH Division\n";
        assert!(route(t).1.is_empty());
    }

    #[test]
    fn a_memo_heading_read_column_by_column() {
        // JFK 104-10331-10360 (abridged): the keys in a run, then the other column's date,
        // the addressee (an e-mail address after the name) and the sender.
        let t = "MEMORANDUM FOR:\n\nFROM:\n\nOFFICE:\nSUBJECT:\n\nREFERENCE:\n\nADMINISTRATIVE - INTERNAL USE ONLY\n\nAMlackmeg 10 \u{a2}\n\n18 August 1997\n\nKathryn Dyer @ DC!\nJ. Barry Harrelson\n\nCSIMRG\n\nARRB Request for DC! McCone's Files\n\nMichelle Combs will be at IP Tuesday 19 August to review records.\n";
        let (from, to, r) = route(t);
        assert_eq!(to, vec!["Kathryn Dyer"]);
        assert_eq!(from, vec!["J. Barry Harrelson"]);
        assert_eq!(&t[r.to[0].span.start..r.to[0].span.end], "Kathryn Dyer");
        // A key alone is no value: FROM's value is not `OFFICE:`.
        let t = "MEMORANDUM FOR:\n\nFROM:\nOFFICE:\nSUBJECT:\n\nThe text.\n";
        assert!(route(t).0.is_empty());
    }

    #[test]
    fn labels_the_ocr_bent() {
        // JFK 104-10123-10316: a zero for the O.
        let t = "T0- 4 FILES\nSUBJECT: CROSS REFERENCES\n";
        assert_eq!(route(t).1, vec!["4 FILES"]);
        // JFK 104-10195-10000: `To:` read `ws`, between the date and the sender.
        let t = "_Date: April 23, 1964\n\n* ws Winston M. Scott\n\nFrom: Shean D. Anderson\n\nLegal Attache\n\nSubject: Lee Harvey OSWALD\n";
        let (from, to, _) = route(t);
        assert_eq!(to, vec!["Winston M. Scott"]);
        assert_eq!(from, vec!["Shean D. Anderson"]);
        // JFK 104-10219-10120: MEMORANDUM FOR far gone, its colon kept; the damaged
        // ATTENTION line under it is not a second addressee.
        let t = "27 Ontoper Lysy\n\nHEVOPANIAM POR: CI/OPS/SovSat\nATCENTION 1 Mr, Miler\n\nROM. a WE/L = Granquiet\n\n1, On the afternoon of 28 October\n";
        assert_eq!(route(t).1, vec!["CI/OPS/SovSat"]);
        // Without the colon, a word that far from MEMORANDUM is not taken for it.
        let t = "HEVOPANIAM POR CI/OPS/SovSat\n";
        assert!(route(t).1.is_empty());
    }

    #[test]
    fn a_dispatch_addressee_from_its_distribution_list() {
        // JFK 104-10166-10066 (abridged): one party in the heading; the list's first
        // entry is the addressee, so the heading's party is the sender.
        let t = "ROUTING AND RECORD SHEET\n-) CDISPATCH [sre\nChief, Special Affairs Staff\nTRTEL/TIPIC AMCORE-2 production\n\nthe REF blueprints were fairly accurate.\n\nEnd of Dispatch\n\nDistribation:\n3. COB, JMWAVE\nQof-A7B/3\n";
        let (from, to, _) = route(t);
        assert_eq!(to, vec!["COB, JMWAVE"]);
        assert_eq!(from, vec!["Chief, Special Affairs Staff"]);
        // JFK 104-10308-10304 (abridged): the end of the dispatch read `BND oF 'DISPATCH`,
        // the entry's attachments after it.
        let t = "RYBAT/JMZIP KUDESK\n\nForwarded under separate cover the attachments.\n\nBeeece . BND oF \u{2018}DISPATCH.\n\n: a/a mc\n3 = WHD w/att A-D vac\n";
        assert_eq!(route(t).1, vec!["WHD"]);
        // JFK 104-10246-10023 (abridged): the sender's line kept only its station
        let t = "SECRET ~ PAY 96.\n\n__ [MARKED FOR INDEXING\n\nChief, KURLOT\n\nPeter T. SWINEHART 2X _|NO INDEXING RequiRED\n\nChief, WH Division : : CAN JUDGE INDEXING\n\nMexico City MICROFILM\n\nSUBJECT\n\nOperational Monthly Report\n";
        let (from, to, r) = route(t);
        assert_eq!(to, vec!["Chief, KURLOT"]);
        assert_eq!(from, vec!["Mexico City"]);
        assert_eq!(r.info[0].raw, "Chief, WH Division");
    }

    #[test]
    fn a_cable_form_with_its_box_labels_lost() {
        // JFK 104-10177-10087 (abridged): the form's TO and FROM values on lines of their own
        let t = "_ASSIFIED MESS. CF\n\nSECRET\n\nrOUTING\n\n2287\n\nSH AUGUST 1959\n\nHABANA\n\nDIRECTOR\n\nDEFEATED\n\nPRIORITY\n\n1. VIEW POSSIBILITY CHOADEN ENCOUNTERING DIFFICULTIES ON ARRIVAL.\n";
        let (from, to, r) = route(t);
        assert_eq!(to, vec!["HABANA"]);
        assert_eq!(from, vec!["DIRECTOR"]);
        assert_eq!(r.to[0].name.as_deref(), Some("HAVANA"));
        // two stations in an INFO list's run of a line are no boxes
        let t = "CLASSIFIED MESSAGE\nINFO: MEXI, WAVE, HAVA\nSECRET 151047Z MAR 69\n1. TEXT OF THE CABLE.\n";
        assert!(route(t).1.is_empty());
    }

    #[test]
    fn margin_debris_after_a_from_line_is_dropped() {
        // JFK 104-10219-10177: a stray letter after the name kept the title line off it.
        let t = "MEMORANDUM FOR: Special Assistant to DDO for\n' External Oversight\n\nFROM : Jackson R. Horton i\nChief, Domestic Collection Division i\nSUBJECT : Joseph Raymond Merola\n";
        let (from, _, r) = route(t);
        assert_eq!(from, vec!["Jackson R. Horton"]);
        assert_eq!(r.from[0].name.as_deref(), Some("Jackson R. Horton"));
        assert_eq!(
            r.from[0].title.as_deref(),
            Some("Chief, Domestic Collection Division")
        );
    }

    #[test]
    fn memoranda_for_the_record() {
        // JFK 104-10167-10438: the heading damaged, a hyphen for the space.
        let (_, to, r) = route(
            "MEXORANDIR-FOR THE RECORE\nic SUBJECT: Alerting CI/Ln of the Casario Diosdado Case\n",
        );
        assert_eq!(to, vec!["MEXORANDIR-FOR THE RECORE"]);
        assert_eq!(r.to[0].name.as_deref(), Some("MFR"));
        // JFK 104-10103-10108: `MEMORANDUM` alone, addressed to no one.
        let t = "SECRET\n\n14 February 1977\nMEMORANDUM\nSUBJECT: Nestor Antonio MORENO Lopez (201-312091)\n\n1. MORENO was born on 25 August 1921 in Havana, Cuba.\n";
        let (_, to, r) = route(t);
        assert_eq!(to, vec!["MEMORANDUM"]);
        assert_eq!(r.to[0].title.as_deref(), Some("MEMORANDUM FOR THE RECORD"));
        let sp = r.to[0].span;
        assert_eq!(&t[sp.start..sp.end], "MEMORANDUM");
        // Addressed, it is not.
        let (_, to, _) = route(
            "MEMORANDUM\n\nTO: Chief, WH Division\nSUBJECT: Travel\n\n1. The trip was made.\n",
        );
        assert_eq!(to, vec!["Chief, WH Division"]);
    }

    #[test]
    fn memo_labels_with_ocr_damage() {
        // JFK 104-10300-10396: `FRO:` for FROM, the title on the next line.
        let (from, to, r) = route("MEMORANDUM FOR: Inspector General\n\nFRO: Robert W. Gambino\nDirector of Security\n\nSUBJECT: Allegations\n");
        assert_eq!(to, vec!["Inspector General"]);
        assert_eq!(from, vec!["Robert W. Gambino"]);
        assert_eq!(r.from[0].name.as_deref(), Some("Robert W. Gambino"));
        assert_eq!(r.from[0].title.as_deref(), Some("Director of Security"));
    }

    #[test]
    fn several_addressees_and_via_lines() {
        // JFK 104-10065-10172.
        let (_, to, _) = route("MEMORANDUM FOR: . Deputy Director for Operations\nDeputy Director for Administration\nInspector General\nGeneral Counsel\nFROM: Acting Legislative Counsel\n");
        assert_eq!(to.len(), 4);
        assert_eq!(to[0], "Deputy Director for Operations");
        // JFK 104-10056-10107: ATTENTION and VIA between TO and FROM.
        let (from, to, r) = route("MEMORANDUM FOR: The Inspector General\nATTENTION : Scott Breckinridge .\nVIA : SA/ADDO :\nFROM : Raymond A. Warren\n");
        assert_eq!(to, vec!["The Inspector General"]);
        assert_eq!(from, vec!["Raymond A. Warren"]);
        assert_eq!(r.through[0].raw, "SA/ADDO");
        // *made up* in the form of the NSC's study memoranda: one TO over three addressees
        let (_, to, _) = route("TO: The Secretary of State\n    The Secretary of Defense\n    The Director of Central Intelligence\n\nSUBJECT: U.S. China Policy\n");
        assert_eq!(
            to,
            vec![
                "The Secretary of State",
                "The Secretary of Defense",
                "The Director of Central Intelligence"
            ]
        );
        // the line under an addressee that opens otherwise is its title, or the text
        let (_, to, _) = route(
            "TO: Director\n    Federal Bureau of Investigation\nFROM: Deputy Director, Plans\n",
        );
        assert_eq!(to, vec!["Director"]);
        let (_, to, _) = route("TO: The Secretary\nThe meeting is set for Friday.\n");
        assert_eq!(to, vec!["The Secretary"]);
    }

    #[test]
    fn second_column_is_cut() {
        // JFK 104-10109-10398.
        let (from, to, _) =
            route("To : *File DATE: 16 November 1965\nFROM : Acting Chief, Alien Affairs Staff\n");
        assert_eq!(to, vec!["File"]);
        assert_eq!(from, vec!["Acting Chief, Alien Affairs Staff"]);
    }

    #[test]
    fn cable_headers() {
        // JFK 104-10170-10072: `+` and `4` for the colon; CITE WAVE gives the station code.
        let (from, to, r) = route("TO + DIRECTOR | i? I] Hea\nFROM 4 UEMAVE nt\nSECRET 9529197.\nDIP INFO PALP CITE WAVE 7462\n");
        assert_eq!(to[0], "DIRECTOR");
        assert!(from[0].starts_with("UEMAVE"));
        assert_eq!(r.from[0].name.as_deref(), Some("JMWAVE"));
        // JFK 104-10127-10017: outgoing; precedence words dropped.
        let (from, to, _) = route("TOT: 221849Z JUL 78 DIRECTOR 261709\nSECRET\n¢ TOs IMMEDIATE MEXICO CITY,\nREF: MEXICO CITY 45940\n");
        assert_eq!(from, vec!["DIRECTOR"]);
        assert_eq!(to, vec!["MEXICO CITY"]);
        // A cite whose station was excised.
        let (_, _, r) = route("SECRET 1620022 OCT 70 CITE 51113 (GOERLICH ACTING)\n");
        assert_eq!(r.from[0].name.as_deref(), Some("WITHHELD"));
    }

    #[test]
    fn a_station_chief_alone_atop_a_text_addressed_elsewhere_sends_it() {
        // JFK 104-10068-10155 (abridged): the dispatch form's labels lost; the distribution
        // gives the addressee, the signature the name
        let t = "_chket. sB\n\nChicf of Station, Ottawa\n\nsuatet & REDWOOD/ LC IMPROVE/AEVALIANT\n\nJack ROGALSKY (201-2973)\n\n1. The Station has several times made clear our feeling on the tracing of contacts.\n\n“BRUCE C, GIBSON /\nDistribution: Qo 4473\nOrig & 1 - Chief, SR\n2.-.Chief, WE\n";
        let (_, to, r) = route(t);
        assert_eq!(to, vec!["Chief, SR"]);
        assert_eq!(r.from[0].title.as_deref(), Some("Chicf of Station"));
        assert_eq!(r.from[0].office.as_deref(), Some("OTTAWA"));
        // spelt right, the same
        let (_, _, r) = route(&t.replace("Chicf", "Chief"));
        assert_eq!(r.from[0].office.as_deref(), Some("OTTAWA"));
        // a chief at headquarters may be either side: not taken
        let n = normalize(&t.replace("Chicf of Station, Ottawa", "Chief of Staff, WE Division"));
        let all: Vec<Line<'_>> = lines(&n.text).collect();
        let sr = party("Chief, SR", 0, &n);
        assert!(station_chief_head(&n, &all, std::slice::from_ref(&sr)).is_none());
        // nor the addressee's own station
        let (_, _, r) = route(&t.replace("Chief, SR", "Chief of Station, Ottawa"));
        assert!(
            r.from.iter().all(|p| p.office.as_deref() != Some("OTTAWA")),
            "{:?}",
            r.from
        );
    }

    #[test]
    fn one_signing_for_the_head_of_the_office() {
        // JFK 104-10121-10060 (abridged): the sender a title; `FOR TRE DIRECTOR OF SECURITY:`
        // over the signer's name, its middle initial read as a digit
        let t = "MEMORANDUM FOR: Chief, CI/SID\nFROM: Deputy Director of Security\nSUBJECT: RULITSITY, Doris\n\n1. You are referred to our memorandum of this date, concerning the Subject.\n\n2. CI/CA will be interested in the information in this memorandum.\n\nFOR TRE DIRECTOR OF SECURITY: : has\n\nRobert 3. Cunningham\n\n03\nA Lipjw\n8 October 1958\n";
        let (_, _, r) = route(t);
        assert_eq!(
            r.from[0].title.as_deref(),
            Some("Deputy Director of Security")
        );
        assert_eq!(r.from[0].name.as_deref(), Some("Robert 3. Cunningham"));
    }

    #[test]
    fn a_cable_address_on_one_line_ends_at_info() {
        // JFK 104-10216-10387 (abridged)
        let (from, to, r) = route("201-252234\n\nTO * SAVE INFO: PARIS\nFROM: DIRECTOR\n");
        assert_eq!(to, vec!["SAVE"]);
        assert_eq!(
            r.info.iter().map(|p| p.raw.as_str()).collect::<Vec<_>>(),
            ["PARIS"]
        );
        assert_eq!(from, vec!["DIRECTOR"]);
        // JFK 104-10326-10092: INFO closing the line, its addressees cut
        let (_, to, _) = route(
            "CITE 62359\n\nTO: PRIORITY DIRECTOR INFO\n\nFOR: LIMIT CE/R/IO INFO C/CE/R, DC/CE\n",
        );
        assert_eq!(to, vec!["DIRECTOR"]);
        // the addressee excised: nothing, and not the text's first line below
        let (_, to, r) = route("SECRET 1122202 JAN 76 STAFF\nTO: IMMEDIATE INFO: DIRECTOR,\n\nRYBAT PLMHCONGA CONGRESSMAN MILFORD\n");
        assert!(to.is_empty(), "{to:?}");
        assert_eq!(
            r.info.iter().map(|p| p.raw.as_str()).collect::<Vec<_>>(),
            ["DIRECTOR"]
        );
    }

    #[test]
    fn an_empty_label_takes_no_other_fields_line() {
        // JFK 104-10003-10183 (abridged): FROM left empty, the ACTION box's line below it
        let t =
            "CLASSIFIED MESSAGE\nFROM’ :\n\n“ACTION: © C/WH\n\nINFO; — *DCI, D/DCI, DDP, C/cI\n";
        let (from, _, _) = route(t);
        assert!(from.is_empty(), "{from:?}");
        assert!(other_key("DATE: 02/26/97 08:43:20 AM"));
        assert!(!other_key("Chief, WH Division") && !other_key("Re: the meeting"));
        // JFK 104-10066-10220: TO alone, the addressee excised, the cable's slug below
        let (_, to, _) = route(
            "een i DIRECTOR 238944\nTO\n\nWNINTEL\nREFs DIRECTOR .235838\nPLEASE REPLY REF.\n",
        );
        assert!(to.is_empty(), "{to:?}");
    }

    #[test]
    fn a_bare_to_inside_the_numbered_text_continues_a_sentence() {
        // JFK 104-10227-10076 (abridged): a paragraph's line opens with `TO`
        let t = "SECRET 2614302 MAR 63 CITE WAVE 1234\n1. FIGHT BROKE OUT AT MEETING WHEN GROUP TRIED\nTO BREAK IT UP. RESULT WAS FRACAS WHICH CAUSES POLICE\n\nTO COME AND ARREST SEVERAL PERSONS,\n2. NO FURTHER NEWS.\n";
        let (_, to, _) = route(t);
        assert!(to.is_empty(), "{to:?}");
        // the same as OCR'd, its paragraph number lost: an infinitive follows the bare `TO`
        let t = "SECRET 2614302 MAR 63 CITE WAVE 1234\n#250 BY ANDIP=y\nwho te BREAK If UP. | RESULT UAS FRACAS WHICH CAUSES POLICE\nTO COME AND ARREST S<VERAL- PERSONS,\n";
        let (_, to, _) = route(t);
        assert!(to.is_empty(), "{to:?}");
        // a telegram's heading below its text, under a transmission line, is read
        let t = "1. SUMMARY: COUNCIL CONSIDERED THE US URBAN INITIATIVE AT LENGTH.\n2. U.S. REP OPENED THE DISCUSSION.\n------------------127952 192040Z /63\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC PRIORITY 3520\n";
        let (from, to, _) = route(t);
        assert_eq!(from, vec!["AMEMBASSY PARIS"]);
        assert_eq!(to, vec!["SECSTATE WASHDC PRIORITY 3520"]);
        // and `FM` is no word of prose: under a paragraph's line it still labels the sender
        // (1979LONDON02802, the transmission line run into the text)
        let t = "4. IN THE PAPER, THE GOVERNMENT AGAIN STATES THAT THE ------------------008698 121412Z /46\n\nFM AMEMBASSY LONDON\nTO SECSTATE WASH DC 4520\n";
        let (from, _, _) = route(t);
        assert_eq!(from, vec!["AMEMBASSY LONDON"]);
    }

    #[test]
    fn a_title_headed_by_a_stations_word_is_no_station() {
        // *made up* (a 1962 CIA memo) and JFK 104-10331-10118's attached memo: the Director
        // of Central Intelligence is a title; `DIRECTOR` alone, a cable's, is headquarters
        let n = normalize("x");
        let p = party("Director of Central Intelligence", 0, &n);
        assert_eq!(
            (p.name.as_deref(), p.title.as_deref(), p.office.as_deref()),
            (None, Some("Director of Central Intelligence"), None)
        );
        let p = party("DIRECTOR", 0, &n);
        assert_eq!(
            (p.name.as_deref(), p.office.as_deref()),
            (Some("DIRECTOR"), Some("DIR"))
        );
    }

    #[test]
    fn an_estimate_is_from_its_submitter() {
        // *made up* in the forms of the Director of Central Intelligence's estimates of
        // 1972 (his name over his title) and 1970 (the title alone)
        let t = "SECRET\n\nNATIONAL INTELLIGENCE ESTIMATE\nNUMBER 13-8-72\n\nCommunist China's Military Policy\n\nSubmitted by\nRICHARD HELMS\nDIRECTOR OF CENTRAL INTELLIGENCE\n\nConcurred in by the\nUNITED STATES INTELLIGENCE BOARD\n";
        let r = extract(&normalize(t), 0, t.len());
        let p = &r.from[0];
        assert_eq!(
            (p.name.as_deref(), p.title.as_deref()),
            (
                Some("RICHARD HELMS"),
                Some("DIRECTOR OF CENTRAL INTELLIGENCE")
            )
        );
        let t = "NATIONAL INTELLIGENCE ESTIMATE\n\n      Submitted by the\n      DIRECTOR OF CENTRAL INTELLIGENCE\n\nTHE PROBLEM\n";
        let r = extract(&normalize(t), 0, t.len());
        assert_eq!(
            r.from[0].title.as_deref(),
            Some("DIRECTOR OF CENTRAL INTELLIGENCE")
        );
        // in a sentence it labels nothing
        let t = "MEMORANDUM\n\nThe estimate was submitted by\nRICHARD HELMS to the board.\n";
        let r = extract(&normalize(t), 0, t.len());
        assert!(r
            .from
            .iter()
            .all(|p| p.name.as_deref() != Some("RICHARD HELMS")));
    }

    #[test]
    fn a_memo_on_its_writers_letterhead_signed_at_the_right() {
        let sig = |t: &str| {
            let n = normalize(t);
            signature(&n, 0, n.text.len()).map(|p| p.name)
        };
        // *made up* in the form of a 1979 memo of the Assistant Secretary of Defense: the
        // name typed where the signature goes, no title under it (the letterhead's)
        let t = "MEMORANDUM FOR THE SECRETARY OF DEFENSE\n\nSUBJECT: Technology Transfer\n\n(S) The interagency group has completed its review of the list.\n\n                                        David E. McGiffert\n\nClassified by: ASD(ISA)\nReview on: 13 Mar 1999\n";
        assert_eq!(sig(t), Some(Some("David E. McGiffert".into())));
        // at the margin, a name after the prose is a list's or a heading's
        let t = "MEMORANDUM FOR THE SECRETARY OF DEFENSE\n\nSUBJECT: Technology Transfer\n\n(S) The interagency group has completed its review of the list.\n\nDavid E. McGiffert\n\nClassified by: ASD(ISA)\nReview on: 13 Mar 1999\n";
        assert_eq!(sig(t), None);
    }

    #[test]
    fn a_letter_signed_under_its_close() {
        let sig = |t: &str| {
            let n = normalize(t);
            signature(&n, 0, n.text.len()).map(|p| (p.name, p.title))
        };
        // *made up*, a Secretary's personal letter of 1975: a warmer close
        for close in [
            "Warm regards,",
            "Best regards,",
            "With best wishes,",
            "Regards,",
        ] {
            let t = format!("Dear Mr. Ambassador:\n\nI write to give you the background of the decision.\n\n{close}\n\nHenry A. Kissinger\n\nThe Honorable\nGeorge Bush\n");
            assert_eq!(
                sig(&t).and_then(|s| s.0).as_deref(),
                Some("Henry A. Kissinger"),
                "{close}"
            );
        }
        // JFK 104-10406-10268: a scrawl between the close and the name, the title below
        let t = "We also respectfully request that your Agency make Mr. Dan Niesciur available.\n\nSincerely,\n\nCOAM\n\nG. Robert Blakey\n\nChief Counsel and Staff Director\n\nGRB: Alh\n";
        assert_eq!(
            sig(t),
            Some((
                Some("G. Robert Blakey".into()),
                Some("Chief Counsel and Staff Director".into())
            ))
        );
        // 104-10400-10311: a note under the name is no title
        let t = "which a member of the Select Committee staff has been asked to make.\n\n_ Sincerely,\n\n\u{2019} William G. Miller\n4\n\ncopy to. Mr. Hyland, State Department\n";
        assert_eq!(sig(t), Some((Some("William G. Miller".into()), None)));
        // 104-10335-10006: the name's first letter lost (`avid G. Marwell`), its title
        // read first: the close names no one (the block above the title is read instead)
        let t = "interests.\n\nSincerely yours, .\n\n4 GU\n\navid G. Marwell\nExecutive Director\n";
        assert_ne!(sig(t).and_then(|p| p.0), Some("Executive Director".into()));
        // *made up*, as the Secretary's letters are set out: the close and the name far in
        let t = "Dear Mr. Minister:\n\nI am writing to follow up on our discussions.\n\n                                        Sincerely,\n\n                                        James A. Baker, III\n";
        assert_eq!(sig(t), Some((Some("James A. Baker, III".into()), None)));
    }

    #[test]
    fn a_name_in_capitals_the_authority_knows() {
        // JFK 202-10002-10124: the identification form's FROM in capitals
        let n = normalize("CYRUS R. VANCE\n");
        let p = party("CYRUS R. VANCE", 0, &n);
        assert_eq!(p.name.as_deref(), Some("CYRUS R. VANCE"));
        assert_eq!(p.title, None);
        // capitals alone make no name: a title, a telegram's post
        for v in ["THE PRESIDENT", "SECSTATE WASHDC", "MULTIPLE RECIPIENTS"] {
            let p = party(v, 0, &normalize(v));
            assert_eq!((p.name, p.title.as_deref()), (None, Some(v)));
        }
    }

    #[test]
    fn an_airgrams_posts() {
        // *made up* in the form of the Department's airgram: the posts in small letters are
        // titles, and the INFO line lists three
        let t = "AIRGRAM\n\nTO : Department of State\n\nINFO : Amembassy TAIPEI, Amembassy TOKYO, CINCPAC\n\nFROM : Amconsul HONG KONG                     DATE: March 3, 1966\n\nSUBJECT : Peking's Reaction\n";
        let (from, _, r) = route(t);
        assert_eq!(from, ["Amconsul HONG KONG"]);
        assert_eq!(
            (r.from[0].name.as_deref(), r.from[0].title.as_deref()),
            (None, Some("Amconsul HONG KONG"))
        );
        let info: Vec<&str> = r
            .info
            .iter()
            .map(|p| &t[p.span.start..p.span.end])
            .collect();
        assert_eq!(info, ["Amembassy TAIPEI", "Amembassy TOKYO", "CINCPAC"]);
        // a list of people between commas stays one value, as does a title and its office
        let (_, to, _) = route("TO : Mr. Bundy, Mr. Barnett\n");
        assert_eq!(to, ["Mr. Bundy, Mr. Barnett"]);
        let (_, to, _) = route("TO : Chief, WH\n");
        assert_eq!(to, ["Chief, WH"]);
        // *made up* in the form of the Department's memorandum of conversation of the 1960s
        let t = "PARTICIPANTS: The Secretary\n\nCOPIES TO: S/S, FE, IO, Amembassy TAIPEI, USUN\n\nThe Ambassador called at his request.\n";
        let (_, _, r) = route(t);
        let info: Vec<&str> = r
            .info
            .iter()
            .map(|p| &t[p.span.start..p.span.end])
            .collect();
        assert_eq!(info, ["S/S", "FE", "IO", "Amembassy TAIPEI", "USUN"]);
    }

    #[test]
    fn the_bureaus_parties() {
        // *made up* in the form of the FBI's airtel: a title, the office, the file number
        let (_, _, r) = route("TO:      DIRECTOR, FBI (105-82555)\n\nFROM:    SAC, DALLAS (100-10461)\n\nSUBJECT: LEE HARVEY OSWALD\n");
        assert_eq!(parts(&r.to), [(Some("FBI"), Some("DIRECTOR"), None)]);
        assert_eq!(parts(&r.from), [(Some("DALLAS"), Some("SAC"), None)]);
        // JFK 104-10177-10255: OCR's crumbs after a cable's DIRECTOR leave it the station
        let (_, _, r) = route("TO: DIRECTOR, nas\nFROM: RIO DE JANEIRO\n");
        assert_eq!(r.to[0].office.as_deref(), Some("DIR"));
    }

    #[test]
    fn a_joint_memos_senders() {
        // *made up* in the form of the Department's information memoranda of the 1970s: two
        // bureaus send it, the first's officer with his suffix
        let t = "INFORMATION MEMORANDUM\n\nTO:        The Secretary\n\nFROM:      EA - Arthur W. Hummel, Jr.\n           INR - Harold H. Saunders\n\nSuccession in China After Mao\n";
        let (_, _, r) = route(t);
        assert_eq!(
            parts(&r.from),
            [
                (Some("EA"), None, Some("Arthur W. Hummel, Jr")),
                (Some("INR"), None, Some("Harold H. Saunders"))
            ]
        );
        // a title under a sender stays the title (JFK 104-10054-10232's form, abridged)
        let (_, _, r) = route("FROM: Robert W. Gambino\nDirector of Security\n");
        assert_eq!(r.from[0].title.as_deref(), Some("Director of Security"));
    }

    #[test]
    fn the_1960s_telegram_forms() {
        // *made up* in the form of the Department's incoming telegram of the 1960s: the post
        // it came from, the action and info posts with their serials
        let t = "INCOMING TELEGRAM          Department of State\n\nCONFIDENTIAL\n\nControl: 2317\n\nFROM: Hong Kong\n\nACTION: Secstate 1634 PRIORITY\n\nINFO: Taipei 567\n      Tokyo 402\n\nDATE: March 4, 5 p.m.\n\n1. Chinese Communist press today carried first comment.\n";
        let (_, _, r) = route(t);
        assert_eq!(parts(&r.from), [(None, Some("Hong Kong"), None)]);
        assert_eq!(parts(&r.to), [(None, Some("Secstate"), None)]);
        assert_eq!(r.to[0].precedence.as_deref(), Some("PRIORITY"));
        assert_eq!(
            parts(&r.info),
            [(None, Some("Taipei"), None), (None, Some("Tokyo"), None)]
        );
        // the outgoing form's action post
        let (_, to, _) = route("OUTGOING TELEGRAM Department of State\n\nCONFIDENTIAL\n\nACTION: Amembassy TAIPEI 789\n\nINFO: Amconsul HONG KONG 456\n");
        assert_eq!(to, ["Amembassy TAIPEI 789"]);
        // a CIA cable's action desk is no addressee, and its stations stay stations
        let (_, to, r) = route("ACTION: C/WH 5\nTO: MEXICO CITY\n");
        assert_eq!(to, ["MEXICO CITY"]);
        assert_eq!(r.to[0].office.as_deref(), Some("MEXI"));
        // JFK 104-10246-10023: a CIA memo from the station, in small letters
        let (_, _, r) = route("MEMORANDUM FOR: Chief, WH Division\nFROM: Mexico City\n");
        assert_eq!(r.from[0].office.as_deref(), Some("MEXI"));
    }

    #[test]
    fn a_telegrams_address_block_one_addressee_a_line() {
        // 1979KHARTO04476 (cables-ner): the block under the text's transmission line, the
        // info addressees one a line after the label, up to the classification line.
        let t = "NOTE BY OC/T: (#) OMISSION. CORRECTION TO FOLLOW.\n------------------026944 311527Z /44\nFM AMEMBASSY KHARTOUM \nTO SECSTATE WASHDC PRIORITY 1852\nINFO AMEMBASSY ADDIS ABABA \nUSINT BAGHDAD \nAMEMBASSY CAIRO \nUSCINCEUR VAIHINGEN GERMANY \nC O N F I D E N T I A L SECTION 02 OF 02 KHARTOUM 4476\n";
        let (from, to, r) = route(t);
        assert_eq!(from, ["AMEMBASSY KHARTOUM"]);
        // the addressee apart from its precedence and the serial; the line its evidence
        assert_eq!(to, ["SECSTATE WASHDC PRIORITY 1852"]);
        assert_eq!(r.to[0].title.as_deref(), Some("SECSTATE WASHDC"));
        assert_eq!(r.to[0].precedence.as_deref(), Some("PRIORITY"));
        let n = normalize(t);
        let s = r.to[0].span;
        assert_eq!(&n.text[s.start..s.end], "SECSTATE WASHDC PRIORITY 1852");
        let info: Vec<_> = r.info.iter().filter_map(|p| p.title.as_deref()).collect();
        assert_eq!(
            info,
            [
                "AMEMBASSY ADDIS ABABA",
                "USINT BAGHDAD",
                "AMEMBASSY CAIRO",
                "USCINCEUR VAIHINGEN GERMANY"
            ]
        );
        let s = r.info[1].span;
        assert_eq!(&n.text[s.start..s.end], "USINT BAGHDAD");
        // 1979PRETOR04480: a second addressee under TO, the INFO label closing its line
        let t = "FM AMEMBASSY PRETORIA \nTO SECSTATE WASHDC 4919\nUSMISSION USUN NEW YORK INFO\nAMCONSUL CAPE TOWN \nAMEMBASSY DAR ES SALAAM \n\nC O N F I D E N T I A L SECTION 02 OF 02 PRETORIA 04480\n";
        let (_, _, r) = route(t);
        let titles = |ps: &[Party]| {
            ps.iter()
                .filter_map(|p| p.title.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            titles(&r.to),
            ["SECSTATE WASHDC", "USMISSION USUN NEW YORK"]
        );
        assert_eq!(
            titles(&r.info),
            ["AMCONSUL CAPE TOWN", "AMEMBASSY DAR ES SALAAM"]
        );
    }

    #[test]
    fn a_telegrams_routing_indicators_and_office_codes() {
        // *made up* in the form of the State Department's telegrams of the 1980s (no dev file
        // keeps the heading): the Department's own distribution (`INFO  LOG-00 ...`) is no
        // info addressee; an addressee's routing indicator (`RUEHC/`) is no part of it.
        let t = "ACTION EAP-00\n\nINFO  LOG-00   ADS-00   INR-05   SS-00\n      /027 W\n                  ------------------123456  050815Z /38\nO 050810Z JUN 89\nFM AMEMBASSY BEIJING\nTO RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 1234\nINFO RUEHHK/AMCONSUL HONG KONG PRIORITY\nAMEMBASSY TOKYO\nBT\nS E C R E T BEIJING 15432\n";
        let (from, _, r) = route(t);
        assert_eq!(from, ["AMEMBASSY BEIJING"]);
        assert_eq!(r.to[0].title.as_deref(), Some("SECSTATE WASHDC"));
        assert_eq!(r.to[0].precedence.as_deref(), Some("NIACT IMMEDIATE"));
        let info: Vec<_> = r.info.iter().filter_map(|p| p.title.as_deref()).collect();
        assert_eq!(info, ["AMCONSUL HONG KONG", "AMEMBASSY TOKYO"]);
        // without an address block, the office codes are still no info addressees
        let (_, _, r) = route("INFO  LOG-00   ADS-00   INR-05   SS-00\nSUBJECT: TALKS\n");
        assert!(r.info.is_empty(), "{:?}", r.info);
    }

    #[test]
    fn a_telegrams_text_in_capitals_is_searched_for_no_signature() {
        // 1979KHARTO04476 (cables-ner, head): a telegram's text without its heading
        let t = "1. C - ENTIRE TEXT\n\n2. SUMMARY: AS SEPTEMBER BEGINS NIMEIRI  IS FACING VERY FLUID SITUATION. SEPTEMBER COULD BE CRITICAL FOR NIMEIRI\n\nBREWSTER\n";
        assert!(telegram_body(t, 0, t.len()));
        // a memo in mixed case is, and its signer is read (JFK 104-10300-10396, abridged)
        let t = "MEMORANDUM FOR: Inspector General\n\n1. The file was reviewed by this office and found complete.\n\nRobert W. Gambino\nDirector of Security\n";
        assert!(!telegram_body(t, 0, t.len()));
        let (from, _, _) = route(t);
        assert!(from.iter().any(|f| f.contains("Gambino")), "{from:?}");
    }

    #[test]
    fn a_routing_sheets_printed_column_heading_is_no_addressee() {
        // JFK 104-10071-10034 (lines): the sheet's `TO:` column heading; the memo's original
        // goes to the FBI
        let t = "FROM: EXTENSION | NO,\nB-308\nC1/Ober 5847 | Ar\n\nTO: (Officer designatian, room number, ond\nbuilding)\n\nby Dr. King and this could produce security\nproblems,\n\nDistribution:\n\nOrig - FBI w/att. CSDB-312/00191\n";
        let (from, to, r) = route(t);
        assert!(to.iter().all(|p| !p.contains("designat")), "{to:?}");
        // and its `FROM:` over the printed `EXTENSION | NO,` columns: the office symbol below
        // (`C1/Ober 5847`) is the sender, not the column
        assert_eq!(from, vec!["C1/Ober"]);
        assert_eq!(r.from[0].office.as_deref(), Some("CI/OBER"));
        assert!(PRINTED_COLUMN.is_match("(Officer designation, room number, and building)"));
    }

    #[test]
    fn an_office_symbol_standing_alone_is_the_partys_office() {
        // JFK 104-10312-10384: the OCR read the O of each office as a zero
        let (_, to, r) = route("18 December 1975\n\nMEMORANDUM FOR: DCD/0SG/0SB\nATTENTION +: Graig Hale\nSUBJECT ? Gordon Michael Dwane Novel\n");
        assert_eq!(to, vec!["DCD/0SG/0SB"]);
        assert_eq!(r.to[0].office.as_deref(), Some("DCD/OSG/OSB"));
        assert_eq!(r.to[0].title, None);
        // JFK 104-10130-10381 (abridged): a signature block, the office under the name
        let t = "1. The Station advised that the subject had been given cover duties abroad.\n2. I advised that the WHD was aware of the above, and\naccepted same, and that the proviso would be brought to\nattention of C/wi/3.\n\nW. S. RENEHAN\nWi/Pers\n";
        let (_, _, r) = route(t);
        let sender = r.from.first().expect("the signature's sender");
        assert_eq!(sender.name.as_deref(), Some("W. S. RENEHAN"));
        assert_eq!(sender.office.as_deref(), Some("WI/PERS"));
        // a segment with a real digit keeps it; one letter is no symbol's segment to mend
        assert_eq!(office_symbol("TSD/DB/5").as_deref(), Some("TSD/DB/5"));
        assert_eq!(office_symbol("C1/Ober").as_deref(), Some("CI/OBER"));
        assert_eq!(office_symbol("WH/4/PM").as_deref(), Some("WH/4/PM"));
        assert_eq!(office_symbol("1/2"), None);
        assert_eq!(office_symbol("Chief, WH/4"), None);
    }

    #[test]
    fn a_date_after_the_addressee_is_the_partys_date() {
        // JFK 104-10164-10059: the memo's date typed on the addressee's line, its day bent
        let (_, to, r) = route("SECRET\nMEMORANDUM FOR: Chief, WH/l/PM 1k July 1960\nSUBJECT: Frencisco (Frank) Wealthy Cuban\n");
        assert_eq!(to, vec!["Chief, WH/l/PM"]);
        assert_eq!(r.to[0].office.as_deref(), Some("WH/l/PM"));
        assert_eq!(r.to[0].date.as_deref(), Some("1960-07"));
        // a party that is all date is kept as read
        assert_eq!(trailing_date("14 July 1960"), None);
    }

    #[test]
    fn the_outgoing_forms_sender_above_its_conf_line() {
        // JFK 104-10071-10252 (lines): `FROM:` read as `eras`, `CONF:` as `COME:`
        let t = "27 APR 64 D FILE IN CS FILE NO,\n\nLORI EY\n: NAGA, HEXICO, BANASDA, SAN SALVACOR, TESUCIGALPA\n\nGUATAGALA, SAN JOSB, M@TTAGA, JBuAVE - BOUTING)\neras DIRECTOR\n\nCOME: C/wH 5 as\n\"Ot DOP, ADDP, C/CI, C/FI/O 4, C/wE, OC/wH/SA, f :\n";
        let (from, to, _) = route(t);
        assert_eq!(from, vec!["DIRECTOR"]);
        assert!(!to.contains(&"DIRECTOR".to_string()), "{to:?}");
        // a line of prose ending in the word is none
        let t = "THE CABLE WAS SENT BY THE DEPUTY DIRECTOR\nCONF: C/WH 5\n";
        let (from, _, _) = route(t);
        assert!(from.is_empty(), "{from:?}");
    }

    #[test]
    fn a_signers_office_mended_by_its_copy_in_the_distribution() {
        // JFK 104-10408-10335 (lines): the signer's symbol cut short, the office's own copy
        // listed in full
        let t = "MEMORANDUM FOR: Chief, WH/3\nSUBJECT: Mrs. FERRER\n\n1. In this regard we note\nthe fact that Jack RUBY was the owner of at least\ntwo night clubs in Dallas and apparently has had\nconnections with organized crime.\n\n- SR/C\n\nDistribution:\n\nOriginal § 1 - Addressee\n1 -_SR/CI/I for 201-734813\nAT C/WH/3\n\n1 - Chrono\n";
        let (from, _, r) = route(t);
        assert_eq!(from, vec!["SR/C"]);
        assert_eq!(r.from[0].office.as_deref(), Some("SR/CI/I"));
        // JFK 104-10121-10010 (lines): a letter bent; the nearest entry, not another office
        let mut p = Party {
            office: Some("TSD/ISS".into()),
            ..Party::default()
        };
        mend_from_distribution(
            "TSD/ISS\n\nDistribution:\n1 - Addressee\n1 - TSD/CDS\n1 - TSD/LSS\n",
            &mut p,
        );
        assert_eq!(p.office.as_deref(), Some("TSD/LSS"));
        // two entries as near: left as read
        let mut p = Party {
            office: Some("TSD/ISS".into()),
            ..Party::default()
        };
        mend_from_distribution("Distribution:\n1 - TSD/LSS\n1 - TSD/IST\n", &mut p);
        assert_eq!(p.office.as_deref(), Some("TSD/ISS"));
    }

    #[test]
    fn a_cite_read_with_a_comma() {
        // JFK 104-10176-10056 (abridged): the OCR put a comma after CITE
        let (from, to, _) =
            route("SECRET 2721192\nOPI DIR INFO PRITY PRIW CITE, SNTO 2e25\nREFS SNTO 20e4F\n");
        assert_eq!(from, vec!["SNTO"]);
        assert_eq!(to, vec!["DIR"]);
    }

    #[test]
    fn a_cite_code_the_ocr_bent_into_small_letters() {
        // JFK 104-10217-10133 (abridged): DIRECTOR read as `oiRECZO}`
        let (from, _, r) = route("SECRET 2822172 JUL 71\nCITE oiRECZO} n\nPLEASE RELAY.\n");
        assert_eq!(r.from[0].name.as_deref(), Some("DIRECTOR"), "{from:?}");
        assert_eq!(r.from[0].raw, "oiRECZO");
        // JFK 104-10221-10003, 104-10177-10147: a code in small letters, or one letter off
        let (_, _, r) = route("SECRET 1416302 FEB 64\nCITE wave 8101\nREF A.\n");
        assert_eq!(r.from[0].name.as_deref(), Some("JMWAVE"));
        let (_, _, r) = route("SECRET 1416302 FEB 64\nCITE VaVE 8101\nREF A.\n");
        assert_eq!(r.from[0].name.as_deref(), Some("JMWAVE"));
        // JFK 104-10097-10072, 104-10098-10328 (heads): in capitals, one letter off MEXI
        for (t, raw) in [
            (
                "SEC RE O719062 ,\n|. DIR CITE HEXI 7295\nTYPIC ,anaop\n",
                "HEXI",
            ),
            (
                "SECRET 0723452\nDIR CITE MEXE 4211\nREF DIR 32290\n",
                "MEXE",
            ),
        ] {
            let (_, _, r) = route(t);
            assert_eq!(r.from[0].name.as_deref(), Some("MEXICO CITY"), "{t:?}");
            assert_eq!(r.from[0].raw, raw);
        }
        // a word in small letters after CITE that names no station routes nothing
        let (from, _, _) = route("SECRET 1416302 FEB 64\nCITE the 8101\nREF A.\n");
        assert!(from.is_empty(), "{from:?}");
        // JFK 104-10063-10016: nor one a letter off a three-letter code (`his`, HQS)
        let (from, _, _) = route("SECRET 1620022 OCT 70 CITE his CARKLEIGH ACTING)\n");
        assert!(from.is_empty(), "{from:?}");
    }

    #[test]
    fn a_cable_address_line_without_its_label_or_cite() {
        // JFK 104-10100-10090: TO and CITE lost; the station before INFO is the addressee.
        let t = "acting\nata: DIRECTOR\nee C/'SAS 5\nG5 \u{201c}DOP, AODP, C/CI, RE/AN DUMMY, C/WH 5, RF, (VR\nait\n) WAVE NFO MAEXD\n~~ RYBAT TYPIC\nREP: WAVE 4369 (10 20073)\n";
        let (_, to, r) = route(t);
        assert_eq!(to, vec!["WAVE"]);
        let s = r.to[0].span;
        assert_eq!(&t[s.start..s.end], "WAVE");
        // JFK 104-10068-10139: OCR garbled the TO box; LIMA stands before NFO.
        let (_, to, _) = route("CLASSIFIED MESSAGE\nFROM: DIRECTOR\nCONF: WH & : ais \u{2014}\nod LATE LIMA NFO \"Baggage\nREF: DIR 84944\n");
        assert_eq!(to, vec!["LIMA"]);
    }

    #[test]
    fn dispatch_without_labels() {
        // JFK 104-10171-10032.
        let (from, to, _) = route("DISPATCH | =>\n“Chief of Station, JMWAVE\nChief, Task Force ¥\nS35\" Operat ionai/GrRoss/M\n");
        assert_eq!(to, vec!["Chief of Station, JMWAVE"]);
        assert!(from[0].starts_with("Chief, Task Force"));
    }

    #[test]
    fn state_memo_parties_split_into_office_and_name() {
        let n = normalize("THRU: P - Robert M. Kimmitt\nFROM: HA - Richard Schifter\n");
        let r = extract(&n, 0, n.text.len());
        assert_eq!(r.through[0].office.as_deref(), Some("P"));
        assert_eq!(r.through[0].name.as_deref(), Some("Robert M. Kimmitt"));
        assert_eq!(r.from[0].office.as_deref(), Some("HA"));
    }

    #[test]
    fn state_label_runs_read_row_by_row() {
        // State seed 004: the TO label was lost; THRU and FROM stand together.
        let n = normalize("The Secretary\n\nTHRU: FROM\n\nP - Robert M. Kimmitt HA - Richard Schifter\n\nSUBJECT:\n");
        let r = extract(&n, 0, n.text.len());
        assert_eq!(r.to[0].raw, "The Secretary");
        assert_eq!(r.through[0].raw, "P - Robert M. Kimmitt");
        assert_eq!(r.from[0].raw, "HA - Richard Schifter");
        // State seed 000: the header flattened into one line with the review stamp.
        let n = normalize("CLASSIFY as () S or SOC The Secretary () DOWNGRADE TS to () S or 1 TO: THROUGH: P - Mr. Tarnoff PAS EAP - Winston Lord V FROM: DH Your Meeting with Chinese Vice Foreign Minister SUBJECT: Liu Huaqiu DI Friday\n");
        let r = extract(&n, 0, n.text.len());
        assert_eq!(r.to[0].raw, "The Secretary");
        assert_eq!(r.through[0].raw, "P - Mr. Tarnoff");
        assert_eq!(r.from[0].raw, "EAP - Winston Lord");
        assert_eq!(r.from[0].name.as_deref(), Some("Winston Lord"));
    }

    #[test]
    fn damaged_memorandum_labels_salutations_and_original_copies() {
        // JFK 104-10071-10109 and 104-10220-10189.
        let (_, to, _) =
            route("MEMORANDUN FOR: IG Staf£\nATTENTION: : John Leader\nSUBJECT: Martin\n");
        assert_eq!(to, vec!["IG Staf£"]);
        let (_, to, _) = route("MRMORANDUM: FOR: Chief, CI/OA\n‘BUBJECT\n");
        assert_eq!(to, vec!["Chief, CI/OA"]);
        // JFK 104-10174-10043: a letter's addressee from its salutation.
        let (_, to, _) =
            route("104-10174-10043\n\nDeax Mr. Tichborn:\n\nThe following is set forth\n");
        assert_eq!(to, vec!["Mr. Tichborn"]);
        // seed 004's letter: a title of two words up to the salutation's colon; without
        // the colon only the first word is sure
        let (_, to, _) = route("RELEASED\n\nDear-Mr. Foreign Minister:\n\nDuring your recent visit to Washington we discussed\n");
        assert_eq!(to, vec!["Mr. Foreign Minister"]);
        let (_, to, _) = route("Dear Mr. Tichborn Please\n\nThe following is set forth\n");
        assert_eq!(to, vec!["Mr. Tichborn"]);
        // JFK 104-10068-10155: the original's addressee in the distribution list.
        let (_, to, _) =
            route("BRUCE C. GIBSON\nDistribution:\nOrig & 1 - Chief, SR\n2 - Chief, WE\n");
        assert_eq!(to, vec!["Chief, SR"]);
        // JFK 104-10183-10320: `=` for the colon.
        let (_, to, _) = route("INDEX = NO\nTo = CHIEF OF STATION, JHWAVE\n");
        assert!(to[0].starts_with("CHIEF OF STATION, JHWAVE"), "{to:?}");
    }

    #[test]
    fn an_incoming_cable_addressed_to_director_without_its_label() {
        // JFK 104-10103-10190 (abridged): the TO label lost, DIRECTOR on a short line.
        let (_, to, _) = route("Esertectaiantat (> GLASSIFIED MESSAGE Gey\nus 62 eee { SECRET ; to iB 4\nDIRECTOR ; arene ere\n528. O/TFw\n");
        assert_eq!(to, vec!["DIRECTOR"]);
        // Not in a memo that merely names the Director.
        let (_, to, _) = route("MEMORANDUM\nDIRECTOR ; arene ere\n");
        assert!(!to.iter().any(|t| t.contains("DIRECTOR")), "{to:?}");
    }

    #[test]
    fn signature_blocks_name_the_author() {
        // JFK 104-10065-10172 (abridged): FROM gives a title; the signature gives the name.
        let t = "MEMORANDUM FOR: Inspector General\nFROM: Acting Legislative Counsel\nSUBJECT: House Select Committee\n\n1. The meeting was held as planned and the points were presented to the DDCI.\n\nLyle L. Miller\n\nAttachments\ncc: Each Member\n";
        let (_, _, r) = route(t);
        assert_eq!(
            r.from[0].title.as_deref(),
            Some("Acting Legislative Counsel")
        );
        assert_eq!(r.from[0].name.as_deref(), Some("Lyle L. Miller"));
        // JFK 104-10209-10129: no FROM label; name and office above the distribution list.
        let t = "MEMORANDUM FOR: Chief, CI\nSUBJECT: Garrison\n\n1. Reference forwarded a memorandum about him and his associates in New Orleans.\n\nDonuvan E. Pratt\n\nDC/CI/R&A\n\nDistribution\n";
        let (from, _, r) = route(t);
        assert_eq!(from, vec!["Donuvan E. Pratt, DC/CI/R&A"]);
        assert_eq!(r.from[0].office.as_deref(), Some("DC/CI/R&A"));
        // JFK 104-10121-10287 (abridged): nothing below the block but a release stamp.
        let t = "MEMORANDUM FOR: Chief, Personnel Security Division\nSUBJECT: MORALES, David S.\n\n2. It is requested that a security certification be prepared and returned.\n\nJAMES W. FRANKLIN\nc/oca/ccs\n\nRETURN TO CIA\n";
        let (from, _, r) = route(t);
        assert_eq!(from, vec!["JAMES W. FRANKLIN c/oca/ccs"]);
        assert_eq!(r.from[0].name.as_deref(), Some("JAMES W. FRANKLIN"));
        // JFK 104-10176-10013 (abridged): `/s/` read as `Js}`, a title below.
        let t = "MEMORANDUM FOR: Chief, FE\n\nadvise you of any further full or partial dissemination of this material.\n\nJs} Robert C. DAMIEN\nintelligence Officer\n\nField Interrogation Report Number I 08\n";
        let (_, _, r) = route(t);
        assert_eq!(r.from[0].name.as_deref(), Some("Robert C. DAMIEN"));
        // State seed 004 (abridged): a letter signed with the name alone.
        let t = "## THE SECRETARY OF STATE WASHINGTON\n\nDear-Mr. Foreign Minister:\n\nI am pleased that Assistant Secretary Schifter will be travelling to China from December 17-21 for discussions on human rights.\n\nJames A. Baker, III\n\nForeign Minister Qian Qichen Peoples Republic of China Beijing Drafted:HA/BA:MArietti / 12/11/90 x71716\n";
        let (from, _, r) = route(t);
        assert_eq!(from, vec!["James A. Baker, III"]);
        let sp = r.from[0].span;
        assert_eq!(&t[sp.start..sp.end], "James A. Baker, III");
        // ... greeted by office (`Mr. Foreign Minister`), addressed by name at its foot,
        // the name run into the place on one line
        let to = &r.to[0];
        assert_eq!(to.raw, "Foreign Minister Qian Qichen");
        assert_eq!(
            (to.name.as_deref(), to.title.as_deref()),
            (Some("Qian Qichen"), Some("Foreign Minister"))
        );
        assert_eq!(
            &t[to.span.start..to.span.end],
            "Foreign Minister Qian Qichen"
        );
        // JFK 104-10429-10085 (abridged): the page edge cut the first name; the unit under
        // it; `Atts` below; a second memo follows in the same file without a page break.
        let t = "MEMORANDUM FOR: Deputy Chief, Security Analysis Group\n\n1. In response to your request, the files were reviewed.\n\nof Nosenko's knowledge of Oswald.\n[e\nymond M. Reardon\n\nSecurity Analysis Group\n\nAtts\n\nfor FOIA Review on MAR 1977\n\nMEMORANDUM FOR: Chief, SAG\n\n1. A second memo follows at length here, and it goes on for a while.\n\n2. Its text is long enough that the first block sits in the first fifth.\n\n3. And more text is here to pad it out to that length, in plain words.\n\n4. So that the rule cannot lean on where the anchor falls in the file.\n\nDistribution:\nOrig - Addressee\n";
        let (from, _, r) = route(t);
        assert_eq!(from, vec!["M. Reardon, Security Analysis Group"]);
        assert_eq!(r.from[0].name.as_deref(), Some("M. Reardon"));
        let sp = r.from[0].span;
        assert!(t[sp.start..sp.end].starts_with("M. Reardon"));
        assert!(t[sp.start..sp.end].ends_with("Analysis Group"));
        // JFK 104-10273-10313 (abridged): a title and a unit on two lines under the name;
        // a unit's name is not taken for the signer's.
        let t = "MEMORANDUM FOR: Chief, Security Analysis Group\n\n7. GARRISON dropped his interest after they joined GARRISCN's investigation.\n\ny G. Brown\nagi Chief\n\nSecurity Analysis Group\n\nAtts\n";
        let (from, _, _) = route(t);
        assert_eq!(from, vec!["G. Brown, Chief, Security Analysis Group"]);
        // JFK 104-10273-10313 (abridged): NARA's sheet stamps mark the pages; the block is
        // on the memo's third page, the file's fifth.
        let t = "NEW DOCUMENT RECORD\n\n13-00000\n\n11 June 1976\n\n13-00000\n\n11 June 1976\n\nMORANDUM FOR: Chief, Security Analysis Group\n\nSUBJECT : HEMMING, Gerald Patrick\n\n1. On 9 June 1969 contacted Staff and Operations Branch/Operational Evaluation\nwas referred to the writer, who is holding the HEMMING file.\n\n13-00000\n\nhad been providing information on ZIMERI to the\nGuatemalan government for the past six months or so.\n\n13-00000 u \u{2014}\n\nshortly thereafter dropped his interest in HALL, but it is\ninteresting that he did so after Gerald Patrick HEMMING and\nanother cohort, Robert K. BROWN, joined GARRISCN's investigation.\n\ny G. Brown\nagi Chief\n\nSecurity Analysis Group\n\nAtts\n";
        assert_eq!(crate::normalize(t).pages(), 5);
        let (from, _, _) = route(t);
        assert_eq!(from, vec!["G. Brown, Chief, Security Analysis Group"]);
        // JFK 104-10221-10003: the form's closing words are not a name.
        let t = "MEMORANDUM FOR: Chief, WH\n\n1. The cables were not sent to Panama or Merida, as the station knows.\n\nEND OF DISPATCH\n\nDistribution:\n2 - Mexico City\n";
        let (from, _, _) = route(t);
        assert!(from.is_empty(), "{from:?}");
        // JFK 104-10303-10008 (abridged): no anchor after the block, a number read
        // before the name, the title under it.
        let t = "MEMORANDUM FOR: Deputy Director for Science & Technology\nSUBJECT : TSD Support to Other Agencies\n\n1. Technical Services Division's charter requires that it provide assistance.\n\nbeen issued, TSD retains photographs and records of such support i\nuntil the documentation has been returned to TSD. If the material |\nis not returned after a reasonable time, the requester is reminded //\nof the outstanding Cree Nena\n\n2. Sidney Gottlieb.\n: Chief \"\n";
        let (_, _, r) = route(t);
        assert_eq!(r.from[0].name.as_deref(), Some("Sidney Gottlieb"));
        assert_eq!(r.from[0].title.as_deref(), Some("Chief"));
        // Not a paragraph that closes the text with a name alone.
        let t = "MEMORANDUM FOR: Chief, WH\n\n1. The cables were not sent to Panama or Merida, as the station knows.\n\n2. Background Information\n";
        let (from, _, _) = route(t);
        assert!(from.is_empty(), "{from:?}");
        // JFK 104-10414-10110 (abridged): the signed page is not the file's last; a name
        // set off above a title and a unit.
        let t = "MEMORANDUM FOR: Deputy Director for Plans\n\n1. The station proposes a second basehouse for photographic coverage.\n\nactivated if for any reason the KDABSINTHE basehouse becomes\nuntenable, ok\n\nSiam G, Shackley May\n\nChief\nWestern Hemisphere Division\n\nOnl (2 Wa, 7\na nd Mle. Wego. Date + fA\n\nSECRET\n\nnot ee TRING\n| ADDP MEMO of 14 December 197# wm SO\n";
        let (_, _, r) = route(t);
        assert_eq!(
            r.from[0].title.as_deref(),
            Some("Chief, Western Hemisphere Division")
        );
        // JFK 104-10335-10006 (abridged): a letter's inside address is its addressee's.
        let t = "November 8, 1995\n\nMr. John Pereira\nDirector\nHistorical Review Group\n\nDear Mr. Pereira:\n\nThe Board has asked for the histories listed in the attachment.\n\nfor the Board, on\n\nMr. John Pereira\nDirector\nHistorical Review Group\n";
        let (from, _, _) = route(t);
        assert!(from.is_empty(), "{from:?}");
        // A list of names after a colon is not a signature.
        let t = "MEMORANDUM FOR: Chief, Ops\n\nFollowing is a list of Agent Candidates available through the Section:\nAdeline Pieper\nWH/4\n";
        let (from, _, _) = route(t);
        assert!(from.is_empty(), "{from:?}");
    }

    #[test]
    fn prose_is_not_routing() {
        let (from, to, _) = route("to be the key issues on the subject.\nFrom the Desk of David\nTO BE DISCUSSED AT THE MEETING\n");
        assert!(from.is_empty() && to.is_empty(), "{from:?} {to:?}");
    }

    #[test]
    fn cable_labels_too_damaged_for_the_label_rule() {
        // JFK 104-10164-10092 and 104-10177-10066: FROM lost its first letters; the value is
        // a station, which is what lets the damaged label count.
        let (from, to, r) = route("pate, 16 MAY 1962\nTo . MBXICO CITY\nom, DIRECTOR\ncon’ Ain\n");
        assert_eq!(from, vec!["DIRECTOR"]);
        assert_eq!(to, vec!["MBXICO CITY"]);
        assert_eq!(r.to[0].name.as_deref(), Some("MEXICO CITY"));
        let (from, _, r) =
            route("pte DIFECTOR : : weld QW\ni thom, HAVANA CANLE |\nACTION «KH ROUTINE.\n");
        assert_eq!(from, vec!["HAVANA CANLE"]);
        assert_eq!(r.from[0].name.as_deref(), Some("HAVANA"));
        // Not a station: a damaged word alone routes nothing.
        let (from, _, _) = route("om, the embassy reported\n");
        assert!(from.is_empty());
    }

    #[test]
    fn a_station_cable_number_marks_a_cable() {
        // JFK 104-10075-10250: form and CITE lost; `WAVE 8252` alone on its line remains, so
        // the short DIRECTOR line near the top is the addressee.
        let (_, to, _) = route("DIRECTOR : ae\nTROM ‘AME oe\n, Anoop, c/ci; C/Ft 2\nWAVE 8252\n1. MESSAGE WRITTEN 4 NOV\n");
        assert_eq!(to, vec!["DIRECTOR"]);
        // Without a mark of a cable the same line routes nothing.
        let (_, to, _) = route("DIRECTOR : ae\nTROM ‘AME oe\n1. MESSAGE WRITTEN 4 NOV\n");
        assert!(to.is_empty());
    }

    #[test]
    fn cite_read_as_cate() {
        // JFK 104-10220-10284: OCR read CITE as CATE; the addressee code stands before it.
        let (from, to, _) = route("DIR. INFO WAVE CATE ASUN. 11.89,\n");
        assert_eq!(to, vec!["DIR"]);
        assert_eq!(from, vec!["ASUN"]);
    }

    #[test]
    fn headquarters_own_cable_number() {
        // JFK 104-10066-10220: `DIRECTOR 238944` is this cable's number; the REF line cites another.
        let (from, _, _) = route(
            "een i DIRECTOR 238944\nTO\n\nWNINTEL\nREFs DIRECTOR .235838\nPLEASE REPLY REF.\n",
        );
        assert_eq!(from, vec!["DIRECTOR"]);
        let (from, _, _) = route("REF DIRECTOR 83209\n1. NAGELL LAST APPEARED\n");
        assert!(from.is_empty());
    }

    #[test]
    fn dispatch_form_column_over_labels_read_across_it() {
        // JFK 104-10063-10285: the processing-action boxes read into the routing lines.
        let (from, to, r) = route("PROCESSING ACTION\n] |MARKED FOR INDEXING\ni Chicf, WOMUSE NO INDEXING REQUIRED\nNFO. lONLY QUALIFIED DESK\nChief, European Division pie [CAN JUOGE INDEXING\nFROM REET oe\n“Chief of Station, Tp MICROFIUN\nSUBETRYBAT MHCHAOS\n");
        assert_eq!(to, vec!["Chicf, WOMUSE"]);
        assert_eq!(r.info[0].raw, "Chief, European Division pie");
        assert_eq!(from, vec!["Chief of Station, Tp"]);
        // JFK 104-10215-10174: margin debris before the party.
        let (from, to, r) = route("DISPATCH\nontin t action tonearm\n© Chiet of Station; Paris : [EEE\ninal ‘i Cur Qua pe\nm™ Chief, WE\nwaxct PBRUMEN/AMLASH\n");
        assert_eq!(to, vec!["Chiet of Station; Paris"]);
        assert_eq!(from, vec!["Chief, WE"]);
        // Title and the office it heads, a station by its catalogue name.
        assert_eq!(r.to[0].title.as_deref(), Some("Chiet of Station"));
        assert_eq!(r.to[0].office.as_deref(), Some("PARIS"));
        assert_eq!(r.from[0].title.as_deref(), Some("Chief"));
        assert_eq!(r.from[0].office.as_deref(), Some("WE"));
    }
}
