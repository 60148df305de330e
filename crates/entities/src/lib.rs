//! People, offices, organizations and places in a document's text, linked to authority files.
//!
//! ```text
//! text ─► tokens ─► places::find ─┐
//!                  orgs::find   ──┼─► mentions ─► group (co-reference, authority links) ─► Found
//!                  people::find ──┘
//! ```
//! Each family's rules live in its own module. The rules are written for the hard case, State
//! Department cables in capitals, where case gives no hint: they lean on titles (`PRESIDENT
//! BANZER`), cable vocabulary (`AMEMBASSY`, `GOB`, `EMBOFF`), gazetteers and the authority files
//! of U.S. officials and FRUS people, and an English word list to tell names from words.

pub mod authority;
mod group;
mod orgs;
mod people;
mod places;
pub mod tokens;
mod vocab;

use authority::Authority;
use tokens::{Gap, Token};

/// Which list of `entities` a found entity belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Person,
    /// A State Department office symbol (`EAP/CM`) or a bureau.
    Office,
    Organization,
    Country,
    Place,
}

/// One entity of a document: every mention of it, and what it was linked to.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: Kind,
    /// The fullest form the text gives (`Hugo Banzer`, `Bolivian Judiciary`).
    pub name: String,
    /// The authority's form (`Winston Lord`, `Beijing`) or, unlinked, a normalized form.
    pub canonical: Option<String>,
    /// Authority id (`hsg:108124`) when linked.
    pub authority: Option<String>,
    /// Byte spans of the mentions, in text order.
    pub mentions: Vec<(usize, usize)>,
}

/// A stretch of tokens naming something, before mentions are grouped into entities.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub kind: Kind,
    /// Token range of the whole mention (title included: `PRESIDENT BANZER`).
    pub toks: std::ops::Range<usize>,
    /// Token range of the name proper (`BANZER`); equals `toks` when there is no title.
    pub name: std::ops::Range<usize>,
    /// Grouping key within the document (`PERSON:BANZER`, `PLACE:Bolivia`).
    pub group: String,
    pub canonical: Option<String>,
    /// Title words before a person's name (`PRESIDENT`), for linking and co-reference.
    pub title: Option<String>,
    /// How sure the rule is: a bare surname is weaker than a title or a full name.
    pub strong: bool,
    /// The name when the text's form is not one (`HA:JUnderriner` → `J. Underriner`).
    pub label: Option<String>,
}

/// What the word lists say of one token, looked up once (the rules ask many times).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Facts {
    pub stop: bool,
    pub surname: bool,
    pub given: bool,
    /// A one-word place (`BOLIVIA`, `SOVIET`).
    pub place: bool,
    pub term: Option<authority::TermKind>,
    pub title: bool,
    pub head: bool,
    /// The first word of a head of two words (`AIR` of `AIR FORCE`, `HIGH` of `HIGH
    /// COMMISSION`): where [`orgs`]' heads are looked for besides `head`'s words.
    pub head_start: bool,
    pub modifier: bool,
    /// A cable word for an organization (`AMEMBASSY`, `USUN`).
    pub cable_org: bool,
    /// The first word of an authority person's full name (`WINSTON`).
    pub full_start: bool,
    /// Words in the longest place name this word starts (`NEW` → 3), 0 for none.
    pub place_run: u8,
    /// The same, for the word or, when it starts none, the word less a plural `S`
    /// (`KOREAS` → `KOREA`'s).
    pub place_run_s: u8,
    /// The first word of a feature noun (`SEA`, `AIR` of `AIR FORCE BASE`).
    pub feature: bool,
    /// The first word of a title (`PRIME` of `PRIME MINISTER`, `AMBASSADOR`).
    pub title_start: bool,
    /// A verb of saying (`SAID`), and a word that may stand before one (`ALSO`): asked of
    /// nearly every word in a cable, a bit here rather than a lookup there.
    pub saying: bool,
    pub before_saying: bool,
}

impl Facts {
    fn of(t: &Token<'_>, a: &Authority) -> Facts {
        let k = t.key.as_ref();
        let f = a.facts.get(k).copied().unwrap_or_default();
        if t.is_alpha() {
            f
        } else {
            // `1977`, `EAP/CM`: only an abbreviation can match
            Facts {
                term: f.term,
                ..Facts::starts(f)
            }
        }
    }
    /// A list has the word itself (not only as a name's first word or a place's plural).
    fn listed(&self) -> bool {
        let Facts {
            stop,
            surname,
            given,
            place,
            term,
            title,
            head,
            head_start: _,
            modifier,
            cable_org,
            full_start: _,
            place_run: _,
            place_run_s: _,
            feature: _,
            title_start: _,
            saying: _,
            before_saying: _,
        } = *self;
        stop || surname
            || given
            || place
            || term.is_some()
            || title
            || head
            || modifier
            || cable_org
    }
    /// Only where names start: the facts of a word in small letters in mixed case, which
    /// no rule reads as a name (`the Hague`).
    fn starts(f: Facts) -> Facts {
        Facts {
            full_start: f.full_start,
            place_run: f.place_run,
            place_run_s: f.place_run_s,
            feature: f.feature,
            title_start: f.title_start,
            ..Facts::default()
        }
    }
}

/// The document as the rules see it.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Token<'a>>,
    pub facts: Vec<Facts>,
    /// [`Doc::is_word`]'s answers (bits 0-1: 0 not asked yet, 1 no, 2 yes) and
    /// [`Doc::near_word`]'s (bits 2-3, the same).
    words: Vec<std::cell::Cell<u8>>,
    /// Most letters are capitals (cables): case says nothing about names.
    pub upper: bool,
    pub year: Option<i32>,
    pub a: &'static Authority,
}

/// Which tokens the mentions `ms` cover: where a later rule must not claim a word again.
pub(crate) fn covered<'m>(n: usize, ms: impl IntoIterator<Item = &'m Mention>) -> Vec<bool> {
    let mut covered = vec![false; n];
    for m in ms {
        for k in m.toks.clone() {
            covered[k] = true;
        }
    }
    covered
}

impl Doc<'_> {
    pub fn key(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.key.as_ref())
    }
    /// Token `i` stands in a list beside one that `other` accepts: right next to it, or
    /// across `AND`, within a sentence (`US, UK AND USSR`; `BY STATE AND AID`).
    pub fn listed_beside(&self, i: usize, other: impl Fn(usize) -> bool) -> bool {
        let joined = |k: usize| self.toks.get(k).is_some_and(|t| t.gap <= Gap::Mark);
        let after = joined(i + 1) && (other(i + 1) || self.key(i + 1) == "AND" && other(i + 2));
        let before = i > 0
            && joined(i)
            && (other(i - 1) || i > 1 && matches!(self.key(i - 1), "AND" | "OR") && other(i - 2));
        after || before
    }
    /// Tokens `i..j` run on without punctuation between them.
    pub fn joined(&self, i: usize, j: usize) -> bool {
        (i + 1..j).all(|k| self.toks.get(k).is_some_and(|t| t.gap == Gap::Space))
    }
    /// Phrase key of tokens `i..j`.
    pub fn phrase(&self, i: usize, j: usize) -> String {
        let toks = &self.toks[i.min(self.toks.len())..j.min(self.toks.len())];
        // (one allocation: the keys' length known first)
        let mut s = String::with_capacity(toks.iter().map(|t| t.key.len() + 1).sum());
        for t in toks {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&t.key);
        }
        s
    }
    /// A common English word (not a name: `KISSINGER` is in the list only capitalized).
    /// A common English word (`SAID`, not `KISSINGER`); looked up on first ask, as most
    /// tokens are never asked.
    pub fn is_word(&self, i: usize) -> bool {
        let Some(c) = self.words.get(i) else {
            return false;
        };
        match c.get() & 3 {
            1 => false,
            2 => true,
            _ => {
                let w = declass_lexicon::is_common_word(self.key(i));
                c.set(c.get() & !3 | if w { 2 } else { 1 });
                w
            }
        }
    }
    /// A common word bent by one letter (`DENCOUNCED`); asked once per token, as the test
    /// tries hundreds of spellings.
    pub fn near_word(&self, i: usize) -> bool {
        let Some(c) = self.words.get(i) else {
            return false;
        };
        match c.get() >> 2 {
            1 => false,
            2 => true,
            _ => {
                let w = declass_lexicon::near_common_word(self.key(i));
                c.set(c.get() & 3 | if w { 8 } else { 4 });
                w
            }
        }
    }
    pub fn f(&self, i: usize) -> Facts {
        self.facts.get(i).copied().unwrap_or_default()
    }
    /// Could be part of a name: in mixed-case text capitalized, in capitals any letters.
    pub fn cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| self.upper || t.capitalized())
    }
    pub fn text_of(&self, r: &std::ops::Range<usize>) -> &str {
        let (Some(a), Some(b)) = (
            self.toks.get(r.start),
            self.toks.get(r.end.saturating_sub(1)),
        ) else {
            return "";
        };
        &self.text[a.start..b.end]
    }
}

/// Texts longer than this are read a window at a time (cut at a blank line where one is
/// near), so memory follows the window, not the text: a whole box's OCR in one file (100 MB)
/// held some 20 bytes a byte read at once. Within a window everything is as for a short text;
/// across windows, entities of the same kind and name are one, but a bare surname is not tied
/// to the full name of an earlier window.
const WINDOW: usize = 1 << 20;

/// Find the entities of `text`. `year` is the document's year, used to choose among
/// namesakes in the authority (Winston Lord, ambassador 1985–89, assistant secretary 1993–97).
pub fn find(text: &str, year: Option<i32>) -> Vec<Found> {
    if text.len() <= WINDOW {
        return find_window(text, year);
    }
    let mut out: Vec<Found> = Vec::new();
    let mut seen: rustc_hash::FxHashMap<(Kind, String), usize> = Default::default();
    let mut start = 0;
    while start < text.len() {
        let end = window_end(text, start);
        for mut f in find_window(&text[start..end], year) {
            for m in &mut f.mentions {
                *m = (m.0 + start, m.1 + start);
            }
            let key = (
                f.kind,
                f.canonical.clone().unwrap_or_else(|| f.name.clone()),
            );
            match seen.get(&key) {
                Some(&i) => {
                    let e = &mut out[i];
                    if f.name.chars().count() > e.name.chars().count() {
                        e.name = f.name;
                    }
                    e.authority = e.authority.take().or(f.authority);
                    e.mentions.extend(f.mentions);
                }
                None => {
                    seen.insert(key, out.len());
                    out.push(f);
                }
            }
        }
        start = end;
    }
    out.sort_by_key(|f| (f.mentions.first().copied(), f.kind));
    out
}

/// Where the window from `start` ends: at a blank line in its last eighth, else a line's
/// end, else a character's; the text's end when it is near.
fn window_end(text: &str, start: usize) -> usize {
    if text.len() - start <= WINDOW {
        return text.len();
    }
    let mut limit = start + WINDOW;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    // (newlines are ASCII: any of them is a character boundary)
    let lo = limit - WINDOW / 8;
    let tail = &text.as_bytes()[lo..limit];
    let blank = tail.windows(2).rposition(|w| w == b"\n\n").map(|i| i + 2);
    let line = || tail.iter().rposition(|&b| b == b'\n').map(|i| i + 1);
    blank.or_else(line).map_or(limit, |i| lo + i)
}

fn find_window(text: &str, year: Option<i32>) -> Vec<Found> {
    let a = authority::get();
    // a piece the lists know (`SOVIET- AMERICAN`) is a word of its own
    let whole =
        |k: &str| declass_lexicon::is_common_word(k) || a.facts.get(k).is_some_and(Facts::listed);
    let toks = tokens::join_broken(text, tokens::tokenize(text), whole);
    let (mut caps, mut letters) = (0usize, 0usize);
    for t in &toks {
        match t.case {
            tokens::Case::Upper => {
                caps += 1;
                letters += 1
            }
            tokens::Case::Title | tokens::Case::Lower => letters += 1,
            tokens::Case::Other => {}
        }
    }
    let upper = letters > 0 && caps * 10 >= letters * 7;
    let piece = |k: &str| {
        // a name's particle (`AL-MAHDI`) or a word's prefix (`EURO-MPS`) binds the word to it;
        // a short word is a phrase's (`VIS-A-VIS`)
        if people::PARTICLES.contains(&k) || matches!(k, "ABU" | "ABD" | "ABDUL" | "EURO" | "AFRO")
        {
            return tokens::Piece::Other;
        }
        // (one lookup: the token facts; a hyphenated surname is one person's in mixed case:
        // `Edward Korn-Patterson`)
        let f = a.facts.get(k).copied().unwrap_or_default();
        let known = f.term == Some(authority::TermKind::Org) || upper && f.surname && !f.given;
        if f.place {
            tokens::Piece::Place
        } else if known {
            tokens::Piece::Known
        } else if k.len() >= 3 && declass_lexicon::is_common_word(k) {
            tokens::Piece::Word
        } else {
            tokens::Piece::Other
        }
    };
    let toks = tokens::split_compounds(text, toks, piece);
    // in mixed case a word in lower case is never part of a name: no lookups for it
    let facts = toks
        .iter()
        .map(|t| {
            if upper || t.case != tokens::Case::Lower {
                Facts::of(t, a)
            } else if t.key.starts_with(|c: char| c.is_ascii_uppercase()) {
                // a function word keyed in capitals (`the` → `THE`) may start a name
                Facts::starts(Facts::of(t, a))
            } else {
                Facts::default()
            }
        })
        .collect();
    let doc = Doc {
        text,
        facts,
        words: vec![std::cell::Cell::new(0); toks.len()],
        upper,
        toks,
        year,
        a,
    };
    let mut mentions = Vec::new();
    places::find(&doc, &mut mentions);
    orgs::find(&doc, &mut mentions);
    people::find(&doc, &mut mentions);
    group::group(&doc, mentions)
}

/// The authority person a name written alone names (a drafter's `A. Carlson`, a sender's
/// `Winston Lord`), when the authority and the year leave exactly one: (name, id).
/// An initial and a surname (`A. Carlson`) link only to someone holding office that year.
pub fn link_name(name: &str, year: Option<i32>) -> Option<(&'static str, &'static str)> {
    let a = authority::get();
    let key = authority::phrase_key(name);
    let words: Vec<&str> = key.split(' ').filter(|w| !vocab::is_stop(w)).collect();
    let (&last, rest) = words.split_last()?;
    let full = words.join(" ");
    let initial_only = rest.iter().all(|w| w.len() == 1);
    let cands = if rest.is_empty() {
        a.surnames.get(last)?
    } else {
        a.full_names.get(&full)?
    };
    let ps: Vec<&authority::Person> = cands
        .iter()
        .filter_map(|&i| a.people.get(i as usize))
        .filter(|p| {
            year.is_none_or(|y| {
                if rest.is_empty() {
                    p.active_in(y)
                } else {
                    p.nameable_in(y)
                }
            })
        })
        .filter(|p| {
            !(initial_only || rest.is_empty()) || year.is_some_and(|y| p.tenure_in(y).is_some())
        })
        .collect();
    match ps[..] {
        [p] => Some((p.name, p.id)),
        _ => None,
    }
}

/// A name in capitals as it is written in small letters: `HUGO BANZER` → `Hugo Banzer`,
/// `MCCONE` → `McCone`, `KENNEDY-MINOTT` → `Kennedy-Minott`.
pub fn title_case(name: &str) -> String {
    group::title_case(name)
}

/// Whether a word in capitals (`DEMING`) is the surname of someone the authority files know:
/// where initials run into a surname in capitals (`RADEMING`), it says where to cut.
pub fn known_surname(word: &str) -> bool {
    authority::get().facts.get(word).is_some_and(|f| f.surname)
}

/// Whether a name is a place of the gazetteer (`MEXICO CITY`, a CIA station's name in a
/// routing line, is not a person).
pub fn is_place(name: &str) -> bool {
    authority::get()
        .places
        .contains_key(&authority::phrase_key(name))
}

/// A paragraph's classification marking, the letters inside its brackets (`U`, `S/NF`,
/// `C/NF`, `TS/SCI`, `S/WN/NC`): a level, then controls. Written as a symbol, it is no
/// office.
pub fn portion_mark(k: &str) -> bool {
    let mut parts = k.split('/');
    matches!(
        parts.next(),
        Some("U" | "C" | "S" | "TS" | "LOU" | "SBU" | "FOUO")
    ) && parts.all(|p| {
        matches!(
            p,
            "NF" | "WN" | "OC" | "NC" | "PR" | "SCI" | "REL" | "NOFORN" | "ORCON" | "WNINTEL"
        )
    })
}

/// What an office symbol or organization abbreviation stands for (`EAP/CM` → its bureau's
/// name when the symbol itself is not listed).
pub fn office_name(symbol: &str) -> Option<String> {
    let a = authority::get();
    let key = authority::phrase_key(symbol);
    if let Some(c) = vocab::canonical_org(&key) {
        return Some(c.to_string());
    }
    if let Some((_, e)) = a.terms.get(&key) {
        return Some(e.to_string());
    }
    None
}

#[cfg(test)]
pub(crate) mod testing {
    use super::{find, Found, Kind};

    /// An entity as a test states it: kind, name, canonical, authority, mention texts.
    pub type Seen = (Kind, String, Option<String>, Option<String>, Vec<String>);

    pub fn seen(text: &str, year: Option<i32>) -> Vec<Seen> {
        find(text, year)
            .into_iter()
            .map(|f: Found| {
                let texts = f
                    .mentions
                    .iter()
                    .map(|&(a, b)| text[a..b].to_string())
                    .collect();
                (f.kind, f.name, f.canonical, f.authority, texts)
            })
            .collect()
    }

    /// The one entity with this name, or a panic listing what there is.
    pub fn one(all: &[Seen], name: &str) -> Seen {
        let hits: Vec<&Seen> = all.iter().filter(|s| s.1 == name).collect();
        match hits[..] {
            [s] => s.clone(),
            _ => panic!("{name}: {} found in {all:#?}", hits.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{one, seen};
    use super::*;

    // Seed 000's first lines (State, 1993), abridged: a paragraph many times over.
    const PARAGRAPH: &str = "FROM: EAP - Winston Lord\n\nSUBJECT: Your Meeting with PRC Vice Premier and Foreign Minister Qian Qichen\n\nReassure Qian that we want to build a constructive relationship with China.\n\n";

    #[test]
    fn a_text_longer_than_a_window_is_read_a_window_at_a_time() {
        let times = 3 * WINDOW / PARAGRAPH.len();
        let text = PARAGRAPH.repeat(times);
        assert!(text.len() > 2 * WINDOW);
        let all = seen(&text, Some(1993));
        // one entity each across the windows, every mention kept and in place
        let lord = one(&all, "Winston Lord");
        assert_eq!(lord.0, Kind::Person);
        assert_eq!(lord.4.len(), times);
        assert!(lord.4.iter().all(|m| m == "Winston Lord"));
        let qian = one(&all, "Qian Qichen");
        assert_eq!(qian.4.len(), 2 * times, "each `Qian` too");
        // the same entities as the paragraph alone gives
        let alone: Vec<(Kind, String)> = seen(PARAGRAPH, Some(1993))
            .into_iter()
            .map(|s| (s.0, s.1))
            .collect();
        let long: Vec<(Kind, String)> = all.into_iter().map(|s| (s.0, s.1)).collect();
        assert_eq!(long, alone);
    }

    #[test]
    fn windows_end_at_a_blank_line_and_cover_the_text() {
        let text = format!("{}\n\n{}", "a".repeat(WINDOW - 100), "é".repeat(WINDOW));
        let mut start = 0;
        let mut ends = Vec::new();
        while start < text.len() {
            let end = window_end(&text, start);
            assert!(end > start && text.is_char_boundary(end));
            ends.push(end);
            start = end;
        }
        assert_eq!(ends[0], WINDOW - 100 + 2, "after the blank line");
        assert_eq!(*ends.last().unwrap(), text.len());
    }
}
