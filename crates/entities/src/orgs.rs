//! Organizations and offices: `[modifiers] HEAD [OF domain]` (`BOLIVIAN JUDICIARY`, `MINISTRY OF
//! FOREIGN AFFAIRS`, `AMEMBASSY LONDON`), cable words (`USUN`, `MFA`), FRUS abbreviations of
//! organizations, telegram references to the Department (`STATE 123456`) and State office
//! symbols (`EAP/CM`).

use crate::authority::TermKind;
use crate::tokens::{Case, Gap};
use crate::vocab::{
    is_stop, Head, DOMAIN_PHRASES, FEATURE_PHRASES, HEAD_PHRASES, ORG_HEADS, UNITS,
};
use crate::{Doc, Kind, Mention};

/// Washington's departments and agencies, in capitals as cables name them, and their names.
const US_DEPARTMENTS: &[(&str, &str)] = &[
    ("DEFENSE", "Department of Defense"),
    ("DOD", "Department of Defense"),
    ("TREASURY", "Department of the Treasury"),
    ("COMMERCE", "Department of Commerce"),
    ("AGRICULTURE", "Department of Agriculture"),
    ("JUSTICE", "Department of Justice"),
    ("LABOR", "Department of Labor"),
    ("AID", "Agency for International Development"),
    ("USIA", "United States Information Agency"),
    ("CIA", "Central Intelligence Agency"),
    ("NSC", "National Security Council"),
    ("ACDA", "Arms Control and Disarmament Agency"),
    ("USTR", "Office of the U.S. Trade Representative"),
    ("ENERGY", "Department of Energy"),
    ("DOE", "Department of Energy"),
    ("INTERIOR", "Department of the Interior"),
    ("TRANSPORTATION", "Department of Transportation"),
];

/// The department a word of [`US_DEPARTMENTS`] names.
fn department_name(k: &str) -> Option<&'static str> {
    US_DEPARTMENTS
        .iter()
        .find(|(w, _)| *w == k)
        .map(|(_, n)| *n)
}

/// A word listed beside a Washington department or STATE (`BY STATE AND AID`,
/// `STATE/DEFENSE`, `FROM STATE, COMMERCE AND TREASURY`): STATE there is the Department of
/// State, not a state, and COMMERCE the Department of Commerce.
fn beside_departments(d: &Doc, i: usize) -> bool {
    d.upper
        && d.listed_beside(i, |j| {
            department_name(d.key(j)).is_some() || d.key(j) == "STATE"
        })
}

/// A Washington department named by its word alone, as cables do (`FROM STATE, COMMERCE AND
/// OTHER POSTS`, `AT TREASURY`, `DEFENSE UNDERSECRETARY HOLST`, `COMMERCE APPRECIATES`):
/// beside another department or STATE, after AT, before an official's title, or as the
/// subject of a verb at a sentence's start. Elsewhere the word is the common noun
/// (`DEFENSE SPENDING`, `AID TO ISRAEL`).
fn department(d: &Doc, i: usize) -> Option<(Mention, usize)> {
    if !d.upper || d.toks[i].case != Case::Upper {
        return None;
    }
    let k = d.key(i);
    let canonical = department_name(k)?;
    let listed = beside_departments(d, i);
    let next_space = d.toks.get(i + 1).is_some_and(|t| t.gap == Gap::Space);
    let official = next_space
        && matches!(
            d.key(i + 1),
            "SECRETARY"
                | "UNDERSECRETARY"
                | "UNDER"
                | "DEPUTY"
                | "OFFICIAL"
                | "OFFICIALS"
                | "SPOKESMAN"
                | "REPRESENTATIVE"
                | "REP"
                | "REPS"
                | "ADMINISTRATOR"
        );
    let at = i > 0 && d.toks[i].gap == Gap::Space && d.key(i - 1) == "AT";
    // `1. COMMERCE APPRECIATES RECOMMENDATION`: a verb in the present or past after it
    let subject = d.toks[i].gap == Gap::Stop
        && next_space
        && d.toks.get(i + 1).is_some_and(|t| {
            let v = t.key.as_ref();
            crate::people::is_saying(v)
                || v.len() > 4
                    && (v.ends_with("ES") || v.ends_with("ED"))
                    && declass_lexicon::is_common_word(v)
        });
    (listed || official || at || subject).then(|| {
        (
            org_mention(Kind::Organization, k, i..i + 1, Some(canonical.to_string())),
            i + 1,
        )
    })
}

/// Abbreviations of two letters that are organizations whatever the context.
const SHORT_ORGS: &[&str] = &["UN", "EC", "GA"];

pub fn find(d: &Doc, out: &mut Vec<Mention>) {
    let n = d.toks.len();
    let Acronyms {
        bodies: defined,
        spelled,
        things,
    } = defined_acronyms(d);
    // `GA` is the General Assembly only where the United Nations is the matter (`29TH GA`,
    // `MISLEAD GA`); elsewhere a room, a state or OCR debris
    // (asked only when a GA is met)
    let un = std::cell::OnceCell::new();
    let un = || {
        *un.get_or_init(|| {
            d.upper
                && d.toks
                    .iter()
                    .any(|t| matches!(t.key.as_ref(), "UN" | "USUN" | "UNGA" | "ASSEMBLY" | "SYG"))
        })
    };
    // acronyms no list knows that the text shows as bodies somewhere (`DNTAC DIRECTOR`), and
    // the other places such letters stand: each of those is the body's too, checked at the
    // end (`ANTICIPATES DNTAC ORDER` comes first)
    let mut evidenced: Vec<&str> = Vec::new();
    let mut letters: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < n {
        // (`ROOM GA 50`; a state's abbreviation after its city: `ATLANTA, GA`)
        if d.key(i) == "GA"
            && (d
                .toks
                .get(i + 1)
                .is_some_and(|t| t.key.starts_with(|c: char| c.is_ascii_digit()))
                || i > 0 && d.f(i - 1).place
                || !un())
        {
            i += 1;
            continue;
        }
        // an acronym the text defines as a thing is no body, whatever the lists say:
        // `CONSUMER PRICE INDEX (CPI)`, though CPI is also the Communist Party of Italy
        if !things.is_empty() && things.contains(d.key(i)) {
            i += 1;
            continue;
        }
        // the name an acronym is defined by, with it: `AMERICAN IRON AND STEEL INSTITUTE
        // (AISI)` is one mention, named by its words, grouped with every later `AISI`
        if let Some(&at) = (!spelled.is_empty()).then(|| spelled.get(&i)).flatten() {
            let mut m = org_mention(Kind::Organization, d.key(at), i..at + 1, None);
            m.name = i..at;
            out.push(m);
            i = at + 1;
            continue;
        }
        if defined.contains(d.key(i)) {
            out.push(org_mention(Kind::Organization, d.key(i), i..i + 1, None));
            i += 1;
            continue;
        }
        if let Some((mut m, next)) = head(d, i)
            .or_else(|| department(d, i))
            .or_else(|| single(d, i))
            .or_else(|| named_by_kind(d, i))
        {
            // a bloc of states places read already (`SOUTH ASIAN NATIONS`) is no body
            if crate::places::BLOCS.contains(&d.key(m.toks.end.saturating_sub(1)))
                && out
                    .iter()
                    .any(|p| p.kind == Kind::Place && p.toks == m.toks)
            {
                i = next;
                continue;
            }
            // `NATIONALIST ACTION PARTY (NAP)`, `THE AIRLINE PILOTS' UNION (ANPAC)`: the
            // acronym bracketed after a body's name is part of its mention (still named by
            // the words), and every later use of it is the body's
            if let Some(at) = bracketed_acronym(d, next, &defined) {
                m.toks.end = at + 1;
                m.group = format!("ORG:{}", d.key(at));
                out.push(m);
                i = at + 1;
                continue;
            }
            out.push(m);
            i = next;
            continue;
        }
        if acronym_shape(d, i) {
            if acronym_after_the(d, i) || acronym_before_title(d, i) {
                evidenced.push(d.key(i));
                out.push(org_mention(Kind::Organization, d.key(i), i..i + 1, None));
            } else {
                letters.push(i);
            }
        }
        i += 1;
    }
    if !evidenced.is_empty() {
        for i in letters {
            if evidenced.contains(&d.key(i)) && unknown_acronym(d, i) {
                out.push(org_mention(Kind::Organization, d.key(i), i..i + 1, None));
            }
        }
    }
    out.retain(|m| m.kind != Kind::Organization || !message_form_words(d, m));
}

/// A CIA message form's printed words as OCR bends them, read as a body: its footer's
/// `ISSUING OFFICE` (`REPRODUCTION BY OTHER THAN THE IGSUING OFFICE`) and its `DATE-TIME
/// GROUP` box (`DAvE-TIME GROUP`, `DATE.TMe GROUP`).
fn message_form_words(d: &Doc, m: &Mention) -> bool {
    // (cheap test first: the body's head)
    if m.toks.is_empty() || !matches!(d.key(m.toks.end - 1), "OFFICE" | "GROUP") {
        return false;
    }
    let text = d.text_of(&m.toks).to_ascii_uppercase();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let near = |w: &str, to: &str, k: usize| declass_lexicon::within(w, to, k).is_some();
    match words[..] {
        [.., w, "OFFICE"] => w.len() >= 5 && near(w, "ISSUING", 2),
        [.., date, time, "GROUP"] => near(date, "DATE", 1) && near(time, "TIME", 2),
        _ => false,
    }
}

/// Words that say what kind of body the name after them is: `NEWSPAPER BEELD`, `DAILY
/// NEPSZABADSAG`, `AIRLINE BRANIFF`.
const KIND_WORDS: &[&str] = &[
    "NEWSPAPER",
    "DAILY",
    "WEEKLY",
    "MAGAZINE",
    "PAPER",
    "JOURNAL",
    "AIRLINE",
    "CARRIER",
    "FIRM",
    "BANK",
    "PUBLICATION",
];

/// The name after a kind word: one to three name words no list knows (not common words);
/// or a foreign article and such words, the article kept (`LA NACION`).
fn named_by_kind(d: &Doc, i: usize) -> Option<(Mention, usize)> {
    if !d.upper {
        return None;
    }
    // (the papers cables quote: `LA NACION`, `EL UNIVERSO`, `LE MONDE`, `DIE WELT`)
    let article = crate::vocab::FOREIGN_ARTICLES.contains(&d.key(i))
        && d.toks.get(i + 1).is_some_and(|t| t.gap == Gap::Space)
        && !d.f(i + 1).surname
        && !d.f(i + 1).given;
    if !KIND_WORDS.contains(&d.key(i)) && !article {
        return None;
    }
    let start = i + 1;
    let mut end = start;
    while end < start + 3
        && d.toks
            .get(end)
            .is_some_and(|t| t.gap == Gap::Space && t.is_alpha())
        && !d.is_word(end)
        && !d.f(end).stop
        && !d.f(end).place
        && d.f(end).term.is_none()
    {
        end += 1;
    }
    if end == start {
        return None;
    }
    // (`LA PLATA`, `LA PAZ`: a place with its article)
    if article && d.a.places.contains_key(&d.phrase(i, end)) {
        return None;
    }
    let r = if article { i..end } else { start..end };
    let mut m = org_mention(Kind::Organization, d.phrase(r.start, r.end), r, None);
    if !article {
        // the mention takes its kind and where it is from, as a reader quotes it: `U.S. FIRM
        // CONOCO`, `HUNGARIAN COMMUNIST PARTY DAILY NEPSZABADSAG` (the name stays `CONOCO`)
        let mut s = i;
        while s > 0 && i - s < 3 && d.toks[s].gap == Gap::Space && {
            let f = d.f(s - 1);
            f.place || f.term == Some(TermKind::Org) || f.head || f.modifier
        } {
            s -= 1;
        }
        m.toks.start = s;
    }
    Some((m, end))
}

/// Letters a cable may use as an acronym no list knows: two to five capitals, no word,
/// place, title or name, no piece of a word broken at a dash, one vowel at most in four or
/// five letters (OCR's `CUASE` is a bent word).
fn unknown_acronym(d: &Doc, i: usize) -> bool {
    if !acronym_shape(d, i) {
        return false;
    }
    let t = &d.toks[i];
    let k = t.key.as_ref();
    let f = d.f(i);
    !(f.stop
        || f.place
        || f.title
        || f.head
        || f.surname
        || f.given
        || f.term.is_some_and(|t| t != TermKind::Org)
        || d.is_word(i)
        || misread_month(d, i)
        // (a company's abbreviation)
        || matches!(k, "CO" | "INC" | "LTD" | "CORP")
        // (a piece of a broken word, `THE DEVEL- OPMENT`, `PUTT - NG`)
        || d.text[t.end..].starts_with('-')
        || i > 0 && d.text[d.toks[i - 1].end..t.start].trim_end().ends_with('-')
        // (OCR's THE: `THR JUSTICE PARTY`, `AS TRE KING`)
        || k.len() == 3 && k.bytes().zip(*b"THE").filter(|(a, b)| a == b).count() == 2
        || k.len() >= 4 && k.bytes().filter(|b| b"AEIOU".contains(b)).count() > 1)
}

/// Two to five capital letters in a cable, and no function word: the cheap half of
/// [`unknown_acronym`].
fn acronym_shape(d: &Doc, i: usize) -> bool {
    let t = &d.toks[i];
    d.upper
        && (2..=5).contains(&t.key.len())
        && t.case == Case::Upper
        && t.key.bytes().all(|b| b.is_ascii_uppercase())
        && !d.f(i).stop
}

/// An acronym no list knows after THE, in a cable: a party or an agency (`THE MMM`, `THE
/// PSR`, `THE UDC`).
fn acronym_after_the(d: &Doc, i: usize) -> bool {
    i > 0
        && d.key(i - 1) == "THE"
        && d.toks[i].gap == Gap::Space
        && unknown_acronym(d, i)
        // (`THE HAGUE`)
        && !d.a.places.contains_key(&d.phrase(i - 1, i + 1))
        // (a body's noun after it makes a longer name, another rule's: `THE CCU RAIL UNIONS`)
        && !(i + 1..i + 3).any(|j| d.joined(i, j + 1) && d.f(j).head)
}

/// Nouns for a body's people (or its meeting) after its acronym beside the member nouns a
/// body's mention takes in ([`crate::group::MEMBER_NOUNS`]): `CCOP MEMBERS`, `CCOP CONFERENCE`.
const BODY_PEOPLE: &[&str] = &[
    "OFFICIAL",
    "LEADER",
    "SPOKESMAN",
    "MEMBERS",
    "DELEGATION",
    "DELEGATES",
    "REPRESENTATIVE",
    "REP",
    "CONFERENCE",
];

/// An acronym no list knows before a title or a noun for its people, in a cable: the body
/// the post is in (`DNTAC DIRECTOR`, `MNK CHIEF OF NAVAL OPERATIONS`, `CCOP CONFERENCE`); not
/// after a title or a given name, where it would be a person's name.
fn acronym_before_title(d: &Doc, i: usize) -> bool {
    let j = i + 1;
    // (three letters at least: OCR leaves pairs of capitals everywhere, `YS DIRECTOR`)
    d.toks[i].key.len() >= 3
        && j < d.toks.len()
        && d.toks[j].gap == Gap::Space
        && (d.f(j).title
            || BODY_PEOPLE.contains(&d.key(j))
            || crate::group::MEMBER_NOUNS.contains(&d.key(j)))
        && !(i > 0
            && d.toks[i].gap == Gap::Space
            && (d.f(i - 1).title || d.f(i - 1).title_start || d.f(i - 1).given))
        && unknown_acronym(d, i)
}

/// An organization or office mention named `key` (its group), over tokens `toks`.
fn org_mention(
    kind: Kind,
    key: impl std::fmt::Display,
    toks: std::ops::Range<usize>,
    canonical: Option<String>,
) -> Mention {
    Mention {
        kind,
        group: format!("ORG:{key}"),
        name: toks.clone(),
        toks,
        canonical,
        title: None,
        strong: true,
        label: None,
    }
}

/// Nouns that end the names of things acronyms stand for, not of bodies.
const NOT_BODIES: &[&str] = &[
    "INDEX",
    "AGREEMENT",
    "AGREEMENTS",
    "TREATY",
    "PRODUCT",
    "RATE",
    "RATES",
    "ACT",
    "LAW",
    "PROGRAM",
    "PROGRAMME",
    "PLAN",
    "SYSTEM",
    "SYSTEMS",
    "TAX",
    "ZONE",
    "AREA",
    "POLICY",
    "INITIATIVE",
    "CONVENTION",
    "TALKS",
    "PRICE",
    "PRICES",
    "REPORT",
    "PROJECT",
];

/// Where the name an acronym in brackets at token `at` spells starts: the words right
/// before it whose initials are its letters, in order, function words between them
/// (`NATIONAL PARTY OF NIGERIA (NPN)`, `CRIMINAL INVESTIGATION DIVISION (CID)`).
fn spelled_by(d: &Doc, at: usize) -> Option<usize> {
    let letters = d.key(at).as_bytes();
    let mut left = letters.len();
    let mut k = at;
    while left > 0 {
        if k == 0 || at - k >= 12 {
            return None;
        }
        k -= 1;
        let t = &d.toks[k];
        if k + 1 < at && d.toks[k + 1].gap != Gap::Space || !t.is_alpha() || !d.cap(k) {
            return None;
        }
        if t.key.as_bytes().first() == Some(&letters[left - 1]) {
            left -= 1;
        } else if !d.f(k).stop {
            return None;
        }
    }
    Some(k)
}

/// Two to seven capitals, the shape of an acronym a text defines in brackets.
fn bracket_letters(t: &crate::tokens::Token<'_>) -> bool {
    t.case == Case::Upper
        && (2..=7).contains(&t.key.len())
        && t.key.bytes().all(|b| b.is_ascii_uppercase())
}

/// The acronym alone in brackets at token `at`, right after a body's name: one the text
/// defines, or a word whose letters the name before spells (`NATIONALIST ACTION PARTY
/// (NAP)`).
fn bracketed_acronym(d: &Doc, at: usize, defined: &rustc_hash::FxHashSet<String>) -> Option<usize> {
    let t = d.toks.get(at)?;
    let prev_end = d.toks.get(at.checked_sub(1)?)?.end;
    (d.text[prev_end..t.start].trim() == "("
        && d.text[t.end..].trim_start_matches(' ').starts_with(')')
        && (defined.contains(d.key(at)) || bracket_letters(t) && spelled_by(d, at).is_some()))
    .then_some(at)
}

/// Acronyms the text defines: `... LABOR UNIONS (CISL)`: a capitalized unknown token alone in
/// brackets after a name of several words. Every use of it in the document is the organization.
fn defined_acronyms(d: &Doc) -> Acronyms {
    let mut out = rustc_hash::FxHashSet::default();
    let mut spelled = rustc_hash::FxHashMap::default();
    let mut things = rustc_hash::FxHashSet::default();
    for (i, t) in d.toks.iter().enumerate() {
        let k = t.key.as_ref();
        if !bracket_letters(t) {
            continue;
        }
        let before = d.text[..t.start].trim_end_matches(' ');
        let after = d.text[t.end..].trim_start_matches(' ');
        if !before.ends_with('(') || !after.starts_with(')') || i < 2 {
            continue;
        }
        // (an acronym that is also a word only when a body's name right before spells it:
        // `NATIONALIST ACTION PARTY (NAP)`, not `THE TALKS (NAP)`)
        let word_spelled = || d.f(i - 1).head && spelled_by(d, i).is_some_and(|s| s + 1 < i);
        if d.is_word(i) && !word_spelled()
            || d.a.places.contains_key(k)
            || d.a.surnames.contains_key(k) && !d.a.terms.contains_key(k)
        {
            continue;
        }
        // A known abbreviation of something else (`WEAPONS OF MASS DESTRUCTION (MDW)`) is
        // none, unless the name defining it is headed as a body is (`NATIONAL SALVATION
        // PARTY (NSP)`).
        if d.a.terms.get(k).is_some_and(|t| t.0 != TermKind::Org)
            && !(i.saturating_sub(6)..i).any(|j| d.f(j).head)
        {
            continue;
        }
        // the name before the bracket: its words' initials include the acronym's first letter
        let initial = k.as_bytes()[0];
        if (i.saturating_sub(6)..i).any(|j| d.key(j).as_bytes().first() == Some(&initial)) {
            let spells = spelled_by(d, i).filter(|&s| s + 1 < i);
            // (a name that spells it and ends in a thing's noun is no body: `CONSUMER PRICE
            // INDEX (CPI)`, `INTERNATIONAL SUGAR AGREEMENT (ISA)`)
            if spells.is_some() && NOT_BODIES.contains(&d.key(i - 1)) {
                things.insert(k.to_string());
                continue;
            }
            out.insert(k.to_string());
            if let Some(s) = spells {
                spelled.insert(s, i);
            }
        }
    }
    Acronyms {
        bodies: out,
        spelled,
        things,
    }
}

/// What a text's bracketed acronyms are.
struct Acronyms {
    /// Bodies: every use of one is the organization.
    bodies: rustc_hash::FxHashSet<String>,
    /// Where the names that spell them start: start token → the acronym's token.
    spelled: rustc_hash::FxHashMap<usize, usize>,
    /// Things, not bodies (`CPI` for CONSUMER PRICE INDEX).
    things: rustc_hash::FxHashSet<String>,
}

/// The end of the longest place name at `j` (joined to `from`) whose kind `keep` accepts.
fn place_end(
    d: &Doc,
    from: usize,
    j: usize,
    keep: impl Fn(crate::authority::PlaceKind) -> bool,
) -> Option<usize> {
    let max = usize::from(d.f(j).place_run);
    (1..=max).rev().find_map(|l| {
        let (kind, _) = d.a.places.get(&d.phrase(j, j + l))?;
        (d.joined(from, j + l) && keep(*kind)).then_some(j + l)
    })
}

/// The post a mission is at, after its head ending at `end`: a city (`AMEMBASSY BUENOS
/// AIRES`; a cable's `AMEMBASSY LUXEMBOURG`, `USIS MEXICO` also a country, `cable`), or after
/// `IN` a city or country (`EMBASSY IN WASHINGTON`). Returns the new end.
fn post_place(d: &Doc, end: usize, cable: bool) -> usize {
    use crate::authority::PlaceKind;
    let (mut from, mut j) = (end.saturating_sub(1), end);
    if d.key(j) == "GENERAL" && d.toks.get(j).is_some_and(|t| t.gap == Gap::Space) {
        (from, j) = (j, j + 1);
    }
    if d.key(j) == "IN" && d.toks.get(j).is_some_and(|t| t.gap == Gap::Space) {
        place_end(d, from, j + 1, |k| {
            matches!(k, PlaceKind::City | PlaceKind::Country | PlaceKind::State)
        })
    } else {
        place_end(d, from, j, |k| {
            k == PlaceKind::City || cable && k == PlaceKind::Country
        })
    }
    .unwrap_or(end)
}

/// Longest organization head starting at `i`: (length, how it names one).
fn head_at(d: &Doc, i: usize) -> Option<(usize, Head)> {
    let (len, n) = HEAD_PHRASES.longest(d, i)?;
    ORG_HEADS.get(n).map(|(_, how)| (len, *how))
}

/// The point between token `k` and a dotted abbreviation before it is the abbreviation's,
/// no sentence's end: `THE U.S. DELEGATION`.
fn abbreviation_point(d: &Doc, k: usize) -> bool {
    k > 0
        && d.key(k - 1).contains('.')
        && d.key(k - 1).len() <= 5
        && d.text[d.toks[k - 1].end..d.toks[k].start].trim() == "."
}

/// A unit's number: `1946TH COMMUNICATIONS SQUADRON`, `7TH FLEET`.
fn ordinal(k: &str) -> bool {
    let digits = k.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&k[digits..], "ST" | "ND" | "RD" | "TH")
}

fn modifier(d: &Doc, i: usize) -> bool {
    let f = d.f(i);
    if f.stop || d.key(i).is_empty() {
        return false;
    }
    if d.upper {
        // or a name no word list knows: `CACIF BOARD` (a surname before a trade is taken
        // by `head` itself: `HILTON HOTEL`)
        f.modifier
            || f.place
            || f.term == Some(TermKind::Org)
            || d.toks[i].is_alpha()
                && d.key(i).len() >= 3
                && !f.title
                && !f.surname
                && !d.is_word(i)
    } else {
        // mixed case: a capitalized word (`Bolivian`, `United`), or an abbreviation a list knows
        let t = &d.toks[i];
        t.case == Case::Title && !t.line_start
            || t.case == Case::Upper && (f.place || f.term == Some(TermKind::Org))
            || f.modifier && d.cap(i)
    }
}

/// Most bytes of a line above that is a heading's or a letterhead's, not wrapped prose.
const SHORT_LINE: usize = 45;

/// Whether the line above token `i` (the first on its line) is short and holds a body's
/// head word.
fn body_line_above(d: &Doc, i: usize) -> bool {
    let above = d.text[..d.toks[i].start].trim_end();
    let line = above.rsplit('\n').next().unwrap_or(above);
    if line.trim().len() >= SHORT_LINE {
        return false;
    }
    let mut k = i;
    while k > 0 {
        k -= 1;
        if d.f(k).head {
            return true;
        }
        if d.toks[k].line_start {
            break;
        }
    }
    false
}

fn head(d: &Doc, i: usize) -> Option<(Mention, usize)> {
    if !(d.f(i).head || d.f(i).head_start) || !d.cap(i) {
        return None;
    }
    let (len, how) = head_at(d, i)?;
    // (a place's feature that starts with a body's head: `CLARK AIR FORCE BASE`)
    if d.f(i).feature && FEATURE_PHRASES.longest(d, i).is_some_and(|(l, _)| l > len) {
        return None;
    }
    // `THE MILITARY`, `TURKISH MILITARY` end their phrase; `MILITARY ATTACHE` is no body (the
    // word is mostly an adjective; `BOLIVIAN JUDICIARY PROCESSES` keeps its head); after a
    // country it is the country's forces, before a noun too (`LEBANESE MILITARY AIRCRAFT`,
    // `USSR NAVAL PRESENCE`, `SYRIAN INTELLIGENCE BELIEVES`), not before a post (`SOVIET
    // MILITARY ATTACHE`)
    if matches!(d.key(i), "MILITARY" | "NAVAL" | "INTELLIGENCE" | "MEDIA")
        && d.toks
            .get(i + 1)
            .is_some_and(|t| t.gap == Gap::Space && t.is_alpha() && !is_stop(&t.key))
        && !(i > 0
            && d.toks[i].gap == Gap::Space
            && d.f(i - 1).place
            && !d.f(i + 1).title
            && !d.f(i + 1).title_start)
    {
        return None;
    }
    // and these three are a body only after a country: `SOVIET NAVAL`, `SYRIAN INTELLIGENCE`,
    // `ROMANIAN MEDIA` (not `HIGH INTELLIGENCE`, `NEWS MEDIA`, `Communications Intelligence`)
    if matches!(d.key(i), "NAVAL" | "INTELLIGENCE" | "MEDIA")
        && !(i > 0 && d.toks[i].gap == Gap::Space && d.f(i - 1).place)
    {
        return None;
    }
    // A trade after a name is a company (`KOBE STEEL`, `MITSUBISHI TRADING`); after a word,
    // a demonym or before a noun it is the trade (`STEEL TRADING`, `JAPANESE TRADING
    // COMPANIES`).
    if how == Head::AfterName {
        let named = i > 0 && d.toks[i].gap == Gap::Space && {
            let p = i - 1;
            d.toks[p].is_alpha()
                && !d.is_word(p)
                && !d.f(p).head
                && !d.f(p).stop
                && !matches!(
                    d.a.places.get(d.key(p)),
                    Some((crate::authority::PlaceKind::Demonym, _))
                )
        };
        // (a noun after the trade: a plural or a kind of business)
        let noun_after = d.toks.get(i + len).is_some_and(|t| {
            t.gap == Gap::Space
                && t.is_alpha()
                && !is_stop(&t.key)
                && d.is_word(i + len)
                // (a verb is no plural: `HILTON HOTEL HAS HAD`, `KOBE STEEL SAYS`)
                && !crate::people::is_verb(&t.key)
                && (t.key.ends_with('S')
                    || matches!(
                        t.key.as_ref(),
                        "COMPANY" | "FIRM" | "INDUSTRY" | "SECTOR" | "HOUSE" | "MILL" | "PLANT"
                    ))
        });
        if !named || noun_after {
            return None;
        }
    }
    let mut end = i + len;
    // modifiers before: `BOLIVIAN JUDICIARY`, `U.S EMBASSY`, `COMMUNIST PARTY`; a surname
    // naming a trade is the company's name (`HILTON HOTEL`: the name was checked above)
    let mut start = if how == Head::AfterName && d.f(i - 1).surname {
        i - 1
    } else {
        i
    };
    let mut sandwiched = false;
    // (a dotted abbreviation names a body that stands alone, `THE U.S. DELEGATION`; not a
    // kind of one, `U.S. FIRM CONOCO`)
    let abbreviated = |k: usize| how == Head::Alone && abbreviation_point(d, k);
    // (and a unit's number its unit: `1946TH COMMUNICATIONS SQUADRON`, not `25TH PARTY`)
    let unit = UNITS.contains(&d.key(i));
    while start > 0 && (d.toks[start].gap == Gap::Space || abbreviated(start)) && start + 4 > i {
        // (in small letters, not back onto a short line above naming a body of its own: a
        // letterhead's lines, `Department of State` / `Bureau of Intelligence and Research`;
        // but a narrow column's wrapped name, `the DIRECTOR, NATIONAL` / `SECURITY AGENCY`)
        if !d.upper && d.toks[start].line_start && body_line_above(d, start) {
            break;
        }
        if modifier(d, start - 1) || unit && ordinal(d.key(start - 1)) {
            start -= 1;
            continue;
        }
        // one common word between two that name bodies, in a cable: `NATIONALIST ACTION
        // PARTY`, `JAPAN STEEL SCRAP INDUSTRY ASSOCIATION`, `ECONOMIC COOPERATION MINISTRY`
        let w = start - 1;
        if !sandwiched
            && d.upper
            && w > 0
            && d.toks[w].gap == Gap::Space
            && d.toks[w].is_alpha()
            && d.key(w).len() >= 4
            // (in capitals: a form's value is not the next key's name, `National Security
            // Files` / `AGENCY FILE NUMBER`)
            && d.toks[w].case == Case::Upper
            && d.toks[w - 1].case == Case::Upper
            && d.is_word(w)
            // (a body's head of its own is another body: `STATE ARMY NAVY`)
            && !d.f(w).head
            && !d.f(w).stop
            && !d.f(w).title
            && !d.toks[w].possessive
            && !crate::people::is_verb(d.key(w))
            // (no verb's form: `CODEL REQUESTS EMBASSY`, `AMOCO STANDS FIRM`)
            && !["ED", "ING"].iter().any(|e| d.key(w).ends_with(e))
            // (a word the lists have before a body's head, or a place's: not an unknown name)
            && (d.f(w - 1).modifier || d.f(w - 1).place)
            && d.toks[w - 1].is_alpha()
        {
            start = w - 1;
            sandwiched = true;
            continue;
        }
        break;
    }
    // `THE ENVIRONMENT COMMITTEE`, `THE RADIATION PROTECTION AND PUBLIC HEALTH COMMITTEE`: a
    // body named by common words, its article in front
    if matches!(
        d.key(i),
        "COMMITTEE"
            | "COUNCIL"
            | "COMMISSION"
            | "BOARD"
            | "SUBCOMMITTEE"
            | "GROUP"
            | "INSTITUTE"
            | "UNION"
            | "COURT"
            | "FRONT"
            | "ASSOCIATION"
            | "FEDERATION"
            | "FOUNDATION"
            | "LEAGUE"
            | "SOCIETY"
            | "CENTER"
            | "CENTRE"
    ) {
        let mut s = start;
        while s > 0 && start - s < 6 && d.toks[s].gap == Gap::Space {
            let k = d.key(s - 1);
            if k == "THE" {
                // (a group by one word is mostly a description: `THE WHOLE GROUP`)
                let least = if d.key(i) == "GROUP" { 2 } else { 1 };
                if s + least <= start {
                    start = s - 1;
                }
                break;
            }
            if !d.toks[s - 1].is_alpha() || is_stop(k) && k != "AND" {
                break;
            }
            s -= 1;
        }
    }
    // `OF FOREIGN AFFAIRS`, `OF THE INTERIOR`, `OF BOLIVIA`
    if d.key(end) == "OF" && d.toks.get(end).is_some_and(|t| t.gap == Gap::Space) {
        let from = end + 1;
        let mut best = DOMAIN_PHRASES
            .longest(d, from)
            .filter(|_| d.joined(end, from + 1))
            .map(|(dl, _)| from + dl);
        if best.is_none() {
            let mut j = from;
            if d.key(j) == "THE" {
                j += 1;
            }
            best = place_end(d, end, j, |_| true);
        }
        // a complement no list has, in words (`OF INTERNATIONAL ARBITRATION`, `OF PORTS AND
        // LIGHTS`), or a people's word before its noun (`OF SWISS BANKS`)
        let demonym = best.is_some_and(|b| {
            matches!(
                d.a.places.get(d.key(b - 1)),
                Some((crate::authority::PlaceKind::Demonym, _))
            )
        });
        if best.is_none() || demonym {
            let from = best.unwrap_or(end + 1 + usize::from(d.key(end + 1) == "THE"));
            if let Some(b) = complement_words(d, from, !demonym) {
                best = Some(b);
            }
        }
        if let Some(b) = best {
            end = b;
        }
    }
    // `EMBASSY PARIS`, `CANADIAN EMBASSY IN WARSAW`, `CONSULATE GENERAL IN KADUNA`
    if end == i + len && matches!(d.key(i), "EMBASSY" | "CONSULATE" | "CONGEN" | "MISSION") {
        end = post_place(d, end, d.upper);
    }
    // `HIS PARTY`, `THE PARTY`: a party named by a determiner is the one the text speaks of
    if start == i && end == i + len && how != Head::Alone {
        let det = i > 0
            && d.toks[i].gap == Gap::Space
            && matches!(d.key(i - 1), "THE" | "HIS" | "HER" | "ITS" | "THEIR");
        if !(det
            && matches!(
                d.key(i),
                "PARTY" | "GOVERNMENT" | "COUNCIL" | "COMMITTEE" | "COMPANY" | "MILITARY"
            ))
        {
            return None;
        }
        start = i - 1;
    }
    // `SOVIET UNION`, `WEST BANK`: a place, not an organization
    if d.a.places.contains_key(&d.phrase(start, end)) {
        return None;
    }
    let r = start..end;
    Some((
        org_mention(Kind::Organization, d.phrase(r.start, r.end), r, None),
        end,
    ))
}

/// Where a body's complement in words ends: one to three words, two joined by AND, none a
/// function word, a place, a body or a verb's form (`-ED`, `-ING`, a verb of saying); the
/// phrase must end there (a mark or a function word next). `bare`: no people's word before.
fn complement_words(d: &Doc, from: usize, bare: bool) -> Option<usize> {
    // (and what a body does: `THE ORGANIZATION OF AFRICAN UNITY MET`; but `FORCES OF THE
    // EXTREME LEFT`)
    let acts = |k: &str| {
        crate::people::is_verb(k) || k != "LEFT" && crate::people::HOLDERS_ACTS.contains(&k)
    };
    let word = |j: usize| {
        d.toks.get(j).is_some_and(|t| {
            t.gap == Gap::Space
                && d.cap(j)
                && t.is_alpha()
                && t.key.len() >= 3
                && !d.f(j).stop
                && !d.f(j).place
                && !t.key.ends_with("ED")
                && !t.key.ends_with("ING")
                && !acts(&t.key)
                // (a body's own name stays its own: `CONGRESS OF THE WMO`)
                && d.f(j).term != Some(crate::authority::TermKind::Org)
                && !matches!(
                    t.key.as_ref(),
                    "UNQUOTE" | "HIMSELF" | "ITSELF" | "THEMSELVES" | "FEW" | "SEVERAL" | "MANY"
                        | "TWO" | "THREE" | "FOUR" | "FIVE" | "SIX" | "SEVEN" | "EIGHT" | "NINE"
                        | "TEN" | "TWENTY"
                )
        })
    };
    let mut j = from;
    let mut n = 0;
    while n < 3 && word(j) {
        j += 1;
        n += 1;
        if d.key(j) == "AND" && word(j + 1) {
            j += 1;
        }
    }
    let ends = d
        .toks
        .get(j)
        .is_none_or(|t| t.gap != Gap::Space || d.f(j).stop || acts(&t.key));
    // a number of people or things is no name (`GROUP OF EXPERTS`, `BOARD OF DIRECTORS MET`;
    // `PORTS AND LIGHTS` is two domains), unless a people's word says whose (`UNION OF SWISS
    // BANKS`)
    let first = d.key(from);
    let plural = bare
        && d.key(from + 1) != "AND"
        && first.len() > 3
        && first.ends_with('S')
        && declass_lexicon::is_common_word(first);
    (n > 0 && d.key(j - 1) != "AND" && ends && !plural).then_some(j)
}

fn single(d: &Doc, i: usize) -> Option<(Mention, usize)> {
    let t = &d.toks[i];
    let k = t.key.as_ref();
    if t.case == Case::Lower || t.case == Case::Other && !k.contains('/') {
        return None;
    }
    let f = d.f(i);
    if f.term.is_none() && !f.cable_org && !k.contains('/') && k != "STATE" || misread_month(d, i) {
        return None;
    }
    let mut kind = Kind::Organization;
    let mut canonical;
    let mut end = i + 1;
    if f.cable_org && (d.upper || t.case == Case::Upper || k.len() > 4) {
        canonical = crate::vocab::canonical_org(k).map(str::to_string);
        if let (None, Some((TermKind::Org, exp))) = (&canonical, d.a.terms.get(k)) {
            canonical = Some(if exp.contains(';') { k } else { exp }.to_string());
        }
        // `AMEMBASSY LONDON`, `AMEMBASSY BUENOS AIRES`, `USIS MEXICO`
        if k.starts_with("AM") || k.starts_with("US") {
            end = post_place(d, end, true);
        }
    } else if k == "STATE"
        && (d
            .toks
            .get(i + 1)
            .is_some_and(|n| n.key.bytes().all(|b| b.is_ascii_digit()) && n.gap == Gap::Space)
            || i > 0 && d.key(i - 1) == "SECSTATE"
            || beside_departments(d, i))
    {
        canonical = Some("Department of State".to_string());
    } else if k.contains('/') && t.case == Case::Upper {
        // a State office symbol: `EAP/CM`, `S/S-IRM`; its bureau must be a known symbol
        // (`A/S` is a title, not an office; `PM/PRO` is an office of the PM bureau)
        let bureau = k.split(['/', '-']).next().unwrap_or(k);
        let whole = d.a.terms.get(k).map(|t| t.0);
        let first = d.a.terms.get(bureau).map(|t| t.0);
        let office = match whole {
            Some(TermKind::Org) => true,
            Some(_) => false,
            None => matches!(first, Some(TermKind::Org | TermKind::Title)),
        };
        if !office || k.len() > 12 || crate::portion_mark(k) {
            return None;
        }
        // the telegraph office's note on the transmission (`NOTE BY OC/T: NOT PASSED TO`):
        // the telegram's furniture, like its end marker, not a mention of the text's
        if i >= 2 && d.key(i - 1) == "BY" && d.key(i - 2) == "NOTE" {
            return None;
        }
        if k.split('/')
            .any(|p| p.is_empty() || p.len() > 6 || p.bytes().any(|b| b.is_ascii_digit()))
        {
            return None;
        }
        kind = Kind::Office;
        canonical = crate::vocab::canonical_org(k)
            .map(str::to_string)
            .or_else(|| d.a.terms.get(k).map(|(_, e)| e.to_string()));
        // OCR spaces a symbol's hyphen apart: `S/S -IRM/RM` is S/S-IRM
        if let Some(next) = d.toks.get(i + 1) {
            let between = &d.text[t.end..next.start];
            let part = next.key.split('/').next().unwrap_or_default();
            if between.trim() == "-" && next.case == Case::Upper && (2..=4).contains(&part.len()) {
                let symbol = format!("{k}-{part}");
                return Some((org_mention(kind, symbol, i..i + 2, canonical), i + 2));
            }
        }
    } else {
        let (TermKind::Org, exp) = *d.a.terms.get(k)? else {
            return None;
        };
        if k.len() < 2 || k.len() == 2 && !SHORT_ORGS.contains(&k) || t.case != Case::Upper {
            return None;
        }
        if d.is_word(i) || is_stop(k) || d.a.places.contains_key(k) {
            return None;
        }
        // an expansion with several readings (`NSA`: Advisor; Agency) leaves the abbreviation
        let exp = if exp.contains(';') { k } else { exp };
        canonical = Some(crate::vocab::canonical_org(k).unwrap_or(exp).to_string());
    }
    let r = i..end;
    Some((
        org_mention(kind, d.phrase(r.start, r.end), r, canonical),
        end,
    ))
}

/// A month's abbreviation OCR read one letter wrong, beside a day or a year: `21 CCT 1963`
/// is October, not the Costa Rican confederation.
fn misread_month(d: &Doc, i: usize) -> bool {
    let k = d.key(i).as_bytes();
    let near = k.len() == 3
        && crate::vocab::MONTHS
            .iter()
            .any(|m| m.bytes().zip(k).filter(|(a, b)| a != *b).count() <= 1);
    let number = |j: usize| {
        // (a day, a year, a range of days: `6-11 CCT`)
        d.toks.get(j).is_some_and(|t| {
            t.key.len() <= 5
                && t.key.starts_with(|c: char| c.is_ascii_digit())
                && t.key.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        })
    };
    near && (i > 0 && number(i - 1) || number(i + 1))
}

#[cfg(test)]
mod tests {
    use crate::testing::{one, seen};
    use crate::Kind;

    #[test]
    fn a_bodys_complement_in_words() {
        // 1973OSLO01967, 1977KINSHA11101, 1973TRIPOL01068 (cables-ner): no list has these
        // complements; the people's word before its noun (`SWISS BANKS`) joins too
        let all = seen(
            "LONG ASSOCIATED WITH THE WORLD COURT AND THE PERMANENT COURT OF INTERNATIONAL ARBITRATION , HIS CREDENTIALS ARE IMPRESSIVE.",
            None,
        );
        assert_eq!(
            one(&all, "PERMANENT COURT OF INTERNATIONAL ARBITRATION").0,
            Kind::Organization
        );
        let all = seen(
            "TRANSFERRED FROM A FRENCH BANK TO THE UNION OF SWISS BANKS AT GENEVA BY THE FORMER DG.",
            None,
        );
        assert_eq!(one(&all, "UNION OF SWISS BANKS").0, Kind::Organization);
        let all = seen(
            "MAINTENANCE IS RESPONSIBITY OF DIRECTORATE OF PORTS AND LIGHTS , NOT REPEAT NOT THE LIBYAN ARAB NAVY.",
            None,
        );
        assert_eq!(
            one(&all, "DIRECTORATE OF PORTS AND LIGHTS").0,
            Kind::Organization
        );
        // a body named after it stays its own (1975ROME01196); a number of people is no name
        let all = seen(
            "INVITATION TO THE PRG TO ATTEND THE SEVENTH CONGRESS OF THE WMO, GAJA SAID THAT.",
            None,
        );
        assert!(all.iter().any(|e| e.1 == "WMO"), "{all:#?}");
        assert!(all.iter().all(|e| !e.1.ends_with("OF THE WMO")), "{all:#?}");
        // (1977KINSHA07917)
        let all = seen(
            "THE BOARD OF DIRECTORS MET. THREE LAWYERS REPRESENTED MAMPA BEFORE TRIBUNAL OF FIVE MILITARY OFFICIALS. MBU HAD EASY ACCESS.",
            None,
        );
        assert!(all.iter().all(|e| !e.1.contains(" OF ")), "{all:#?}");
    }

    #[test]
    fn heads_with_modifiers_and_portfolios() {
        // 1973LAPAZ03608; seed 000 (a two-column form read across)
        let all = seen("NEVERTHELESS, BOLIVIAN JUDICIARY PROCESSES GRIND SLOWLY. THE MINISTRY OF FOREIGN AFFAIRS AND AMEMBASSY LONDON CONCUR.", None);
        assert_eq!(one(&all, "BOLIVIAN JUDICIARY").0, Kind::Organization);
        assert_eq!(
            one(&all, "MINISTRY OF FOREIGN AFFAIRS").4,
            ["MINISTRY OF FOREIGN AFFAIRS"]
        );
        let l = one(&all, "AMEMBASSY LONDON");
        assert_eq!(l.2.as_deref(), Some("U.S. Embassy"));
        // `SOVIET UNION` is a place, not a union
        let all = seen(
            "THE SOVIET UNION HAD COME TO THE AID. THE ORTHODOX COMMUNIST PARTY ABSTAINED",
            None,
        );
        assert_eq!(one(&all, "SOVIET UNION").0, Kind::Country);
        assert_eq!(one(&all, "COMMUNIST PARTY").0, Kind::Organization);
        // an institution as an institute (1976ATHENS11651: the monarchy); alone, none
        let all = seen(
            "THEY ARE ALSO THE VERY PEOPLE WHO EVEN POSE AS NOSTALGIC FOR THE ROYAL INSTITUTION , ALTHOUGH THEY APPLAUDED. THE INSTITUTION WAS OLD.",
            None,
        );
        assert_eq!(one(&all, "ROYAL INSTITUTION").0, Kind::Organization);
        assert!(all.iter().all(|e| e.1 != "INSTITUTION"), "{all:#?}");
        // a department's or committee's kind is its name's (1977PEKING00781, 1976KABUL03173)
        let all = seen(
            "A GRAY-HAIRED LADY WITH A GENTLE MANNER, IS NOT THE CONSULAR DEPARTMENT'S FIRST-STRING HATCHETMAN. THE STEERING COMMITTEE MET.",
            None,
        );
        assert!(all.iter().any(|e| e.1 == "CONSULAR DEPARTMENT"), "{all:#?}");
        assert!(all.iter().any(|e| e.1 == "STEERING COMMITTEE"), "{all:#?}");
        // a country's desk at headquarters (JFK 104-10074-10174): a body, no one's name
        let all = seen(
            "2. On 17 January 1974 at the request of MacVane I\nvisited the El Salvador Desk to ascertain their objections to\nour source.",
            None,
        );
        assert_eq!(one(&all, "El Salvador Desk").0, Kind::Organization);
        assert!(
            all.iter()
                .all(|e| e.0 != Kind::Person || !e.1.contains("Desk")),
            "{all:#?}"
        );
        // one common word between words of bodies' names (1979TOKYO22325, 1978ATHENS04229)
        let all = seen(
            "KOBE STEEL ; KANTO SHREDDER (A MAJOR SCRAP PROCESSOR) ; JAPAN STEEL SCRAP RESERVE ASSOCIATION ; TOKYO STEEL. HIS PARTY VOTED FOR RATIFICATION, AS DID THE RIGHTIST NATIONAL CAMP PARTY .",
            None,
        );
        assert!(
            all.iter()
                .any(|e| e.1 == "JAPAN STEEL SCRAP RESERVE ASSOCIATION"),
            "{all:#?}"
        );
        assert!(all.iter().any(|e| e.1 == "NATIONAL CAMP PARTY"), "{all:#?}");
        // not a verb's form (1973BEIRUT07784), nor after a name no list has (1977LONDON03717)
        let all = seen(
            "FOR THE INDUSTRIAL AND ECONOMIC DEVELOPMENT OF THE OIL PRODUCING NATIONS, TO WHICH",
            None,
        );
        assert!(all.iter().all(|e| !e.1.contains("PRODUCING")), "{all:#?}");
        let all = seen(
            "AS EXTENDED BY AMBASSADOR SALZMAN. CODEL REQUESTS EMBASSY'S ASSISTANCE.",
            None,
        );
        assert!(all.iter().all(|e| !e.1.contains("REQUESTS")), "{all:#?}");
    }

    #[test]
    fn heads_of_two_words() {
        // 1975ANKARA01774, 1973BUENOS03147 (cables-ner): `AIR FORCE` is a head of its own
        let all = seen(
            "MEETING WITH COMMANDERS OF THE GROUND FORCES , THE AIR FORCE AND THE NAVY . \
             PARTIAL OUTCOME IS THAT WITTE ( AIR FORCE COMODORO RETIRED) REPORTEDLY",
            None,
        );
        let af = one(&all, "AIR FORCE");
        assert_eq!((af.0, af.4.len()), (Kind::Organization, 2));
        assert_eq!(one(&all, "NAVY").0, Kind::Organization);
        // a base named by it is a place, and no body inside the place
        let all = seen(
            "THE AIRCRAFT LANDED AT CLARK AIR FORCE BASE ON MONDAY.",
            None,
        );
        assert_eq!(one(&all, "CLARK AIR FORCE BASE").0, Kind::Place);
        assert!(all.iter().all(|s| s.0 != Kind::Organization), "{all:?}");
        // `HIGH COMMISSION` with the country before it
        let all = seen("THE BRITISH HIGH COMMISSION SAID SO.", None);
        assert_eq!(one(&all, "BRITISH HIGH COMMISSION").0, Kind::Organization);
    }

    #[test]
    fn a_legislatures_chambers_and_a_complement_before_its_verb() {
        // 1974CANBER00684, 1979PRETOR04480 (cables-ner)
        let all = seen(
            "THERE WOULD BE PARLIAMENTARY QEUSTION AND ANSWER ON DIEGO GARCIA IN HOUSE OF \
             COMMONS FEB. 5. AN ABSOLUTE MAJORITY IN THE CABINET AS WELL AS IN THE HOUSE OF \
             ASSEMBLY.",
            None,
        );
        assert_eq!(one(&all, "HOUSE OF COMMONS").0, Kind::Organization);
        assert_eq!(one(&all, "HOUSE OF ASSEMBLY").0, Kind::Organization);
        // (made up: what a body does ends its name)
        let all = seen("THE ORGANIZATION OF AFRICAN UNITY MET IN ADDIS.", None);
        assert_eq!(
            one(&all, "ORGANIZATION OF AFRICAN UNITY").0,
            Kind::Organization
        );
        // `LEFT` is no act after `OF THE EXTREME` (1978LIMA05896)
        let all = seen("THE FORCES OF THE EXTREME LEFT ARE DIVIDED.", None);
        assert_eq!(
            one(&all, "FORCES OF THE EXTREME LEFT").0,
            Kind::Organization
        );
    }

    #[test]
    fn a_letterheads_lines_are_bodies_of_their_own() {
        // *made up*, INR's letterhead; JFK 119-10017-10228's two bodies on two lines; but
        // JFK 144-10001-10052's narrow stamp wraps one name
        let all = seen(
            "United States Department of State\nBureau of Intelligence and Research\n\nThe report follows.\n",
            None,
        );
        assert_eq!(
            one(&all, "Bureau of Intelligence and Research").0,
            Kind::Organization
        );
        assert!(
            all.iter().all(|s| !s.1.starts_with("State Bureau")),
            "{all:?}"
        );
        let all = seen(
            "It may not be released except as specifically authorized\nby the DIRECTOR, NATIONAL\nSECURITY AGENCY.\n",
            None,
        );
        assert_eq!(one(&all, "NATIONAL SECURITY AGENCY").0, Kind::Organization);
    }

    #[test]
    fn a_bodys_words_before_its_head() {
        // cables-ner 1977BONN13075, 1978KHARTO02715, 1979PORTL01459, 1975USBERL00411: a
        // dotted abbreviation, a people's and a mixed body, a unit's number
        let all = seen(
            "IT IS LIKELY TO BE RAISED WITH THE U.S. DELEGATION HAVE BEEN. IS NOW BEING \
             DEBATED IN THE PEOPLE'S ASSEMBLY. THE FRENCH - MAURITIAN MIXED COMMISSION WAS \
             BEING. ACTIVITIES OF THIS UNIT WITHIN 1946TH COMMUNICATIONS SQUADRON AND THE",
            None,
        );
        for name in [
            "U.S. DELEGATION",
            "PEOPLE'S ASSEMBLY",
            "MAURITIAN MIXED COMMISSION",
            "1946TH COMMUNICATIONS SQUADRON",
        ] {
            assert_eq!(one(&all, name).0, Kind::Organization, "{name}");
        }
        // not a kind of body after the abbreviation (1979CAIRO19372), nor a party's number
        // (1976STATE218654)
        let all = seen(
            "NEAR SHARM EL- SHEIKH . THE U.S. FIRM CONOCO HAS BEGUN. SOMEWHAT OBLIQUELY, \
             BREZHNEV'S 25TH PARTY CONGRESS SPEECH AS",
            None,
        );
        assert_eq!(one(&all, "CONOCO").0, Kind::Organization);
        assert!(all.iter().all(|s| !s.1.contains("25TH")), "{all:?}");
    }

    #[test]
    fn missions_with_their_posts() {
        // cables-ner 1974BONN08226, 1976OTTAWA00108, 1978KADUNA01298
        let all = seen(
            "INFO AMEMBASSY BUENOS AIRES\nNO INFORMATION HAD COME FROM CANADIAN EMBASSY IN WARSAW. \
             THE CONSULATE GENERAL IN KADUNA REPORTS",
            None,
        );
        let ba = one(&all, "AMEMBASSY BUENOS AIRES");
        assert_eq!(
            (ba.0, ba.4.clone()),
            (
                Kind::Organization,
                vec!["AMEMBASSY BUENOS AIRES".to_string()]
            )
        );
        // the post is a place mention of its own
        assert_eq!(one(&all, "BUENOS AIRES").0, Kind::Place);
        assert_eq!(
            one(&all, "CANADIAN EMBASSY IN WARSAW").0,
            Kind::Organization
        );
        assert_eq!(
            one(&all, "CONSULATE GENERAL IN KADUNA").0,
            Kind::Organization
        );
        // 1975CARACA09559 (dev): a cable's post may be a country
        let all = seen("AND SUGGEST THAT USIS MEXICO, WHICH KNOWS HIM, ASK", None);
        assert_eq!(one(&all, "USIS MEXICO").0, Kind::Organization);
        assert_eq!(one(&all, "MEXICO").0, Kind::Country);
    }

    #[test]
    fn the_military_groups_and_teams() {
        // cables-ner 1977MOSCOW14954, 1976ECBRU10807; a military attache is a person's
        // title, no body
        let all = seen(
            "ZIA'S POSITION WITHIN THE MILITARY IS NOT ASSURED. THE MILITARY ATTACHE CALLED. \
             THE NAMES AND TITLES OF THE MEMBERS OF THE US FISHERIES TEAM WHO ARE COMING",
            None,
        );
        let m = one(&all, "THE MILITARY");
        assert_eq!(
            (m.0, m.4.clone()),
            (Kind::Organization, vec!["THE MILITARY".to_string()])
        );
        assert_eq!(one(&all, "US FISHERIES TEAM").0, Kind::Organization);
    }

    #[test]
    fn a_country_s_press_is_no_organization() {
        // cables-ner 1976PRAGUE00662: the annotators mark the country, not a body
        let all = seen(
            "HE HAD NOT SEEN CZECH PRESS REPORTS, BUT WENT THROUGH",
            None,
        );
        assert!(all.iter().all(|e| e.0 != Kind::Organization), "{all:#?}");
        assert_eq!(one(&all, "CZECH").0, Kind::Country);
    }

    #[test]
    fn bodies_named_after_their_kind() {
        // cables-ner 1979PRETOR04480 and 1979BUDAPE06138
        let all = seen(
            "ACCORDING TO THE AFRIKAANS NEWSPAPER BEELD, AT THE REQUEST OF THE UK",
            None,
        );
        assert_eq!(one(&all, "BEELD").0, Kind::Organization);
        let text = "1. SUMMARY: HUNGARIAN COMMUNIST PARTY DAILY NEPSZABADSAG CARRIED LONG THREE COLUMN ARTICLE";
        let all = seen(text, None);
        // (the mention takes the kind and the body before it; the name stays the paper's)
        assert_eq!(
            one(&all, "NEPSZABADSAG").4,
            ["HUNGARIAN COMMUNIST PARTY DAILY NEPSZABADSAG"]
        );
        assert!(all.iter().all(|s| s.1 != "CARRIED"), "{all:?}");
    }

    #[test]
    fn acronyms_bracketed_after_a_body_s_name_no_initials_spell() {
        // cables-ner 1977JOHANN01364 and 1979MANAGU00268: the annotators mark the name and
        // its acronym as one mention; the letters are the union's own or Spanish
        let text = "ON ATTEMPTS BY THE SWEET FOOD AND ALLIED WORKERS UNION (SFAW)  TO ORGANIZE \
                    AT THE KELLOGG PLANT. SFAW HAS ALSO. THE INDEPEDENT LIBERAL PARTY (PLI) \
                    JOINED. THE PLI SAID";
        let all = seen(text, None);
        let sfaw = one(&all, "THE SWEET FOOD AND ALLIED WORKERS UNION");
        assert_eq!(sfaw.0, Kind::Organization);
        assert_eq!(
            sfaw.4,
            ["THE SWEET FOOD AND ALLIED WORKERS UNION (SFAW)", "SFAW"]
        );
        let start = text.find("THE SWEET").unwrap_or_default();
        assert_eq!(&text[start..start + sfaw.4[0].len()], sfaw.4[0]);
        assert_eq!(
            one(&all, "INDEPEDENT LIBERAL PARTY").4,
            ["INDEPEDENT LIBERAL PARTY (PLI)", "PLI"]
        );
        // no acronym of a body: a bracketed reference stays apart (`(REF A)`)
        let all = seen("THE LABOR PARTY (REF A) WON.", None);
        assert!(
            all.iter().all(|s| !s.4.iter().any(|m| m.contains('('))),
            "{all:?}"
        );
    }

    #[test]
    fn a_portion_marking_is_no_office() {
        // *made up* in the form of a 1980s defense report's paragraphs
        let all = seen(
            "8. SUMMARY: (S/NF) UNITS REMAINED. 9. (C/NF) ARMOR SEEN. CLEARED BY S/S AND EAP/CM.",
            None,
        );
        assert!(
            all.iter().all(|s| s.1 != "S/NF" && s.1 != "C/NF"),
            "{all:?}"
        );
        assert_eq!(one(&all, "EAP/CM").0, Kind::Office);
    }

    #[test]
    fn offices_telegram_references_and_defined_acronyms() {
        let all = seen(
            "Drafted: EAP/CM:ACarlson\nCleared: PM/PRO:VVan Diepen; A/S Lord",
            None,
        );
        assert_eq!(one(&all, "EAP/CM").0, Kind::Office);
        assert_eq!(one(&all, "PM/PRO").0, Kind::Office);
        // `A/S` is a title (Assistant Secretary), not an office
        assert!(all.iter().all(|s| s.1 != "A/S"), "{all:?}");
        // an acronym that is a word too, spelled by the body's name before it (cables-ner
        // 1977ANKARA04748); a word spelled by no body's name stays a word
        let all = seen(
            "FORMER PRIMIN DEMIREL , NATIONAL SALVATION PARTY (NSP)  CHAIRMAN ERBAKAN , NATIONALIST ACTION PARTY (NAP)  CHAIRMAN TURKES  AND THE CONSERVATIVE PRESS HAVE REACTED",
            None,
        );
        assert_eq!(
            one(&all, "NATIONALIST ACTION PARTY").4,
            ["NATIONALIST ACTION PARTY (NAP)"]
        );
        let all = seen("HE RAISED THE NEW ALLIED PROPOSAL (NAP) AGAIN.", None);
        assert!(all.iter().all(|s| s.0 != Kind::Organization), "{all:?}");
        // the telegraph office's note is the transmission's furniture (cables-ner
        // 1979KHARTO04476); the same office in the text is one
        let all = seen("NOTE BY OC/T: (#) OMISSION. CORRECTION TO FOLLOW.", None);
        assert!(all.iter().all(|s| s.1 != "OC/T"), "{all:?}");
        let all = seen("THE MESSAGE WAS REPEATED BY OC/T TO ALL POSTS.", None);
        assert_eq!(one(&all, "OC/T").0, Kind::Office);
        // sample telegrams: a reference, and an acronym defined in brackets then used again
        let text = "B. STATE 290453 AND PREVIOUS. THE WORLD DISARMAMENT CONFERENCE (WDC) AND \
                    ENVIRONMENTAL MODIFICATION. THE WDC WILL MEET.";
        let all = seen(text, None);
        assert_eq!(one(&all, "STATE").2.as_deref(), Some("Department of State"));
        // (the name that spells it and the acronym are one mention, and one body with
        // every later use)
        assert_eq!(
            one(&all, "WORLD DISARMAMENT CONFERENCE").4,
            ["WORLD DISARMAMENT CONFERENCE (WDC)", "WDC"]
        );
        // 1976STATE218654: a known abbreviation of no body, defined in brackets, is none;
        // 1977ANKARA04748: one defined by a name headed as a body (PARTY) is one.
        let all = seen(
            "SOVIETS HAD ASKED FOR FRENCH VIEWS ON A WEAPONS OF MASS DESTRUCTION (MDW) RESOLUTION.",
            None,
        );
        assert!(all.iter().all(|s| s.1 != "MDW"), "{all:?}");
        let text = "NATIONAL SALVATION PARTY (NSP) CHAIRMAN ERBAKAN SAID. THE NSP ALSO SAID THAT";
        assert_eq!(
            one(&seen(text, None), "NATIONAL SALVATION PARTY").4,
            ["NATIONAL SALVATION PARTY (NSP)", "NSP"]
        );
        // function words between the initials (1978KADUNA01298, 1979VICTOR01578); a name
        // that ends in a thing's noun is none (1978BUENOS06262)
        let all = seen(
            "THE NATIONAL PARTY OF NIGERIA (NPN) WON. THE NPN SAID",
            None,
        );
        assert_eq!(
            one(&all, "NATIONAL PARTY OF NIGERIA").4,
            ["NATIONAL PARTY OF NIGERIA (NPN)", "NPN"]
        );
        let all = seen("THE POLICE CRIMINAL INVESTIGATION DIVISION (CID) HAS", None);
        assert_eq!(
            one(&all, "CRIMINAL INVESTIGATION DIVISION").4,
            ["CRIMINAL INVESTIGATION DIVISION (CID)"]
        );
        // GA where the United Nations is the matter (1977USUNN00684), not a room or a state
        let all = seen(
            "USUN 822. THIS CAN ONLY MISLEAD GA INTO THINKING. AT THE FAA ATLANTA, GA.",
            None,
        );
        assert_eq!(one(&all, "GA").4, ["GA"]);
        // an acronym no list knows after THE (1979PORTL00665, 1978LIMA05896); not a place
        // (`THE HAGUE`), a broken word or a word the OCR bent
        let all = seen(
            "THE MMM WON. THE PSR SAID. IN THE HAGUE. THE DEVEL- OPMENT. THE CUASE OF IT.",
            None,
        );
        assert_eq!(one(&all, "MMM").0, Kind::Organization);
        assert_eq!(one(&all, "PSR").0, Kind::Organization);
        for no in ["HAGUE", "DEVEL", "CUASE"] {
            assert!(
                all.iter()
                    .all(|s| !(s.0 == Kind::Organization && s.1.contains(no))),
                "{no}: {all:?}"
            );
        }
        // an acronym no list knows before a title, then its every use (1973BUENOS03147,
        // 1973PHNOM03957, 1976KUALA06790); not OCR's THE or a pair of capitals
        let all = seen(
            "1. BRANIFF LOCAL OFFICE ANTICIPATES DNTAC ORDER. SECOND ATTACK BY DNTAC OFFICIAL \
             WITTE. CONVOYS ARE ORGAINIZED BY MNK CHIEF OF NAVAL OPERATIONS. SECOND DAY OF CCOP \
             CONFERENCE. AS TRE KING IS CONCERNED. SiCTA YS DIRECTOR OF REARSY SCHOOL",
            None,
        );
        assert_eq!(one(&all, "DNTAC").4, ["DNTAC", "DNTAC"]);
        assert_eq!(one(&all, "MNK").0, Kind::Organization);
        assert_eq!(one(&all, "CCOP").0, Kind::Organization);
        assert!(
            all.iter().all(|s| !matches!(s.1.as_str(), "TRE" | "YS")),
            "{all:?}"
        );
        // a country's forces, intelligence and press (1976STATE012708, 1974CANBER01895,
        // 1976DAMASC06820); not a post, a quality, a kind of press
        let all = seen(
            "THE ATTACK BY LEBANESE MILITARY AIRCRAFT. USSR NAVAL PRESENCE HAS GROWN. SYRIAN \
             INTELLIGENCE BELIEVES SARRAJ IS THERE. ROMANIAN MEDIA HAVE MOUNTED A CAMPAIGN. \
             THE SOVIET MILITARY ATTACHE CALLED. A MAN OF HIGH INTELLIGENCE. NEWS MEDIA CAME.",
            None,
        );
        for body in [
            "LEBANESE MILITARY",
            "USSR NAVAL",
            "SYRIAN INTELLIGENCE",
            "ROMANIAN MEDIA",
        ] {
            assert_eq!(one(&all, body).0, Kind::Organization, "{body}");
        }
        for no in ["SOVIET MILITARY", "HIGH INTELLIGENCE", "NEWS MEDIA"] {
            assert!(all.iter().all(|s| s.1 != no), "{no}: {all:?}");
        }
        // the bodies that reviewed the assassination records (JFK 104-10331-10354)
        let all = seen("ARRB STAFF REQUESTED THE FILES", None);
        assert_eq!(
            one(&all, "ARRB").2.as_deref(),
            Some("Assassination Records Review Board")
        );
        let all = seen(
            "RETURN TO: RID/ ANALYSIS SECTION, ROOM GA 50, HQS. BLDG.",
            None,
        );
        assert!(all.iter().all(|s| s.1 != "GA"), "{all:?}");
        let all = seen(
            "THE CONSUMER PRICE INDEX (CPI) ROSE. THE CPI ROSE AGAIN",
            None,
        );
        assert!(
            all.iter()
                .all(|s| !s.1.contains("CPI") && !s.1.contains("INDEX")),
            "{all:?}"
        );
    }

    #[test]
    fn companies_by_their_trade_or_legal_form() {
        // 1979TOKYO22325, 1979STOCKH03310: after a name; not after a word or a demonym, nor
        // before a noun of business (1979STATE070307, 1974TOKYO01547)
        let all = seen(
            "KOBE STEEL AND MITSUBISHI TRADING SIGNED. SALEN AND WICANDER AB SOLD ITS SHARE.",
            None,
        );
        assert_eq!(one(&all, "KOBE STEEL").0, Kind::Organization);
        assert_eq!(one(&all, "MITSUBISHI TRADING").0, Kind::Organization);
        assert_eq!(one(&all, "WICANDER AB").0, Kind::Organization);
        let all = seen(
            "STEEL TRADING WAS DISCUSSED WITH JAPANESE TRADING COMPANIES AND KOBE STEEL MILLS.",
            None,
        );
        assert!(all.iter().all(|s| s.0 != Kind::Organization), "{all:?}");
    }

    #[test]
    fn state_beside_other_departments() {
        // 1977STATE148785, 1976STATE295304
        let all = seen(
            "FOLLOWING GUIDANCE PROVIDED BY STATE AND AID FOR MEETING. WOULD APPRECIATE COMMENTS FROM STATE, COMMERCE AND TREASURY. STATE AND LOCAL TAXES ROSE.",
            None,
        );
        let s = one(&all, "STATE");
        assert_eq!(s.2.as_deref(), Some("Department of State"));
        assert_eq!(s.4, ["STATE", "STATE"]);
    }

    #[test]
    fn foreign_papers_by_their_article() {
        // cables-ner 1974GUAYAQ00301, 1978BUENOS06262
        let all = seen("LA NACION AND EL UNIVERSO REPORTED IT. EL SALVADOR AND LA PAZ AGREED. JUAN DE LA TORRE SAID NO.", None);
        assert_eq!(one(&all, "LA NACION").0, Kind::Organization);
        assert_eq!(one(&all, "EL UNIVERSO").0, Kind::Organization);
        assert_eq!(one(&all, "EL SALVADOR").0, Kind::Country);
        assert_eq!(one(&all, "JUAN DE LA TORRE").0, Kind::Person);
        // quoted, and an article the authority has as a name (1974GUAYAQ00301)
        let all = seen(
            "MORNING GUAYAQUIL PRESS OF MARCH 28, \"EL TELEGRAFO \" AND \"EL UNIVERSO \", CARRIED IT.",
            None,
        );
        assert_eq!(one(&all, "EL TELEGRAFO").0, Kind::Organization);
        assert!(all.iter().all(|s| s.0 != Kind::Person), "{all:?}");
        // a hotel after its name
        let all = seen("MEETING AT OKURA HOTEL TODAY.", None);
        assert_eq!(one(&all, "OKURA HOTEL").0, Kind::Organization);
        // a surname naming the trade is the company's name (1979KHARTO04476)
        let all = seen(
            "IN KHARTOUM. HILTON HOTEL HAS HAD TO CLOSE ITS RESTAURANT.",
            None,
        );
        assert_eq!(one(&all, "HILTON HOTEL").0, Kind::Organization);
        assert!(all.iter().all(|s| s.0 != Kind::Person), "{all:?}");
    }

    #[test]
    fn a_missions_post_may_be_its_country_in_a_cable() {
        // cables-ner 1976STATE012708; JFK 104-10127-10017
        let all = seen("INFO AMEMBASSY BANGKOK. EMBASSY PANAMA REPORTS THAT", None);
        assert_eq!(one(&all, "EMBASSY PANAMA").0, Kind::Organization);
    }

    #[test]
    fn a_bodys_people_are_in_its_mention() {
        // cables-ner 1977TAIPEI05268, 1975KUWAIT00760: `MFA OFFICIALS`, `PLO LEADERS` are
        // mentions of the body; its name stays the body's
        let all = seen(
            "US OFFICIALS MET MFA OFFICIALS AND PLO LEADERS. THE MFA AGREED.",
            None,
        );
        let mfa = one(&all, "MFA");
        assert_eq!(mfa.4, ["MFA OFFICIALS", "MFA"]);
        assert_eq!(one(&all, "PLO").4, ["PLO LEADERS"]);
        assert_eq!(one(&all, "US").4, ["US OFFICIALS"]);
    }

    #[test]
    fn washington_departments_by_their_word() {
        // cables-ner 1975STATE046226, 1977SANJO03339, 1978PARIS41898, 1978OSLO01345,
        // 1977STATE148785
        let all = seen("1. COMMERCE APPRECIATES RECOMMENDATION. WOULD APPRECIATE COMMENTS FROM STATE, COMMERCE AND OTHER POSTS. HE SPOKE TO ROSENBLOOM AT TREASURY. CONVERSATION WITH DEFENSE UNDERSECRETARY HOLST. GUIDANCE PROVIDED BY STATE AND AID FOR MEETING.", None);
        assert_eq!(
            one(&all, "COMMERCE").2.as_deref(),
            Some("Department of Commerce")
        );
        assert_eq!(one(&all, "COMMERCE").4.len(), 2);
        for name in ["TREASURY", "DEFENSE", "AID"] {
            assert_eq!(one(&all, name).0, Kind::Organization, "{name}");
        }
        // the common nouns
        let all = seen(
            "DEFENSE SPENDING ROSE. THE AID TO ISRAEL AND COMMERCE BETWEEN THEM GREW.",
            None,
        );
        assert!(
            all.iter()
                .all(|s| !matches!(s.1.as_str(), "DEFENSE" | "AID" | "COMMERCE")),
            "{all:?}"
        );
    }

    #[test]
    fn a_month_misread_is_no_body() {
        // JFK 104-10100-10148: `6-11 CCT` is October; the confederation's acronym elsewhere
        let all = seen("CAN BE UEKI 6-11 CCT, CAN ADVISE. 23 CCT 7C.", None);
        assert!(all.iter().all(|s| s.1 != "CCT"), "{all:?}");
        let all = seen("THE CCT AND THE CTM MET.", None);
        assert_eq!(one(&all, "CCT").0, Kind::Organization);
    }

    #[test]
    fn a_body_named_by_common_words_after_its_article() {
        // 1978PARIS34984: the committees of an agency, named by what they do
        let text =
            "THE RADIATION PROTECTION AND PUBLIC HEALTH COMMITTEE WILL MEET. THE SECOND ITEM.";
        let all = seen(text, None);
        assert_eq!(
            one(&all, "THE RADIATION PROTECTION AND PUBLIC HEALTH COMMITTEE").0,
            Kind::Organization
        );
        // without an article the words are not taken
        let all = seen("RADIATION PROTECTION COMMITTEE MEMBERS MET.", None);
        assert!(all.iter().all(|s| !s.1.starts_with("RADIATION")), "{all:?}");
        // 1977JOHANN01364, 1978PARIS19560, 1977MOSCOW14954: unions, groups, institutes
        for name in [
            "THE SWEET FOOD AND ALLIED WORKERS UNION",
            "THE ORIENTAL STUDIES INSTITUTE",
        ] {
            let all = seen(&format!("HE SPOKE TO {name} ON TUESDAY."), None);
            assert_eq!(one(&all, name).0, Kind::Organization, "{name}");
        }
        // (words a body's name takes anywhere name it without its article)
        let all = seen("HE SPOKE TO THE URBAN ENVIRONMENT GROUP ON TUESDAY.", None);
        assert_eq!(one(&all, "URBAN ENVIRONMENT GROUP").0, Kind::Organization);
        // 1979STOCKH03310: a group by one word is a description
        let all = seen("THE WHOLE GROUP LEFT.", None);
        assert!(all.iter().all(|s| !s.1.contains("WHOLE")), "{all:?}");
    }

    #[test]
    fn a_message_forms_printed_words_are_no_bodies() {
        // JFK 104-10400-10311 (lines): the form's footer and its DATE-TIME GROUP box
        for t in [
            "REPRODUCTION BY OTHER THAN THE\nIGSUING OFFICE IS PROHIBITED\n",
            "MERBAGE HANDLING INDICATOR ~ (DATE-Timg GROUP ore SASEAGS MERRIE UE\n",
            "MESSAGE HANDLING INDICATOR DAvE-TIME GROUP. cme 7 [MESSAGE REFERENCE NUMBER\n",
        ] {
            let all = seen(t, None);
            assert!(
                all.iter().all(|s| s.0 != Kind::Organization),
                "{t:?}: {all:?}"
            );
        }
        // a body whose head is an office or group stays one
        let all = seen(
            "THE MEXICAN DELEGATION MET THE PLANNING OFFICE AND THE STUDY GROUP.",
            None,
        );
        assert!(
            all.iter().any(|s| s.1.ends_with("PLANNING OFFICE")),
            "{all:?}"
        );
    }

    #[test]
    fn words_broken_at_a_line_end() {
        // 1976ROME20912 and 1977STATE148785: a broken word is read whole (the title
        // `MINISTER`), and its first piece is no abbreviation (`COM`, FRUS's Chiefs of
        // Mission).
        let all = seen(
            "FINANCE MIN- ISTER PANDOLFI SAID THAT THE MINISTRY WOULD",
            None,
        );
        assert_eq!(one(&all, "PANDOLFI").4, ["FINANCE MIN- ISTER PANDOLFI"]);
        let all = seen("THE CARE WITH WHICH THE COM- MITTEE HAS LOOKED", None);
        assert!(all.iter().all(|s| s.1 != "COM"), "{all:?}");
    }
}
