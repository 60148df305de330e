//! The authority files compiled into the binary (`data/authority/*.tsv`, built by
//! `scripts/authority/build.py`; provenance in `data/authority/SOURCES.md`).
//!
//! Loaded once, on first use, into hash maps keyed by the same upper-case token keys the
//! rules produce (see [`crate::tokens`]), so a lookup is one hash of a phrase.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::tokens::tokenize;

const PEOPLE: &str = include_str!("../../../data/authority/people.tsv");
const TENURES: &str = include_str!("../../../data/authority/tenures.tsv");
const TERMS: &str = include_str!("../../../data/authority/terms.tsv");
const PLACES: &str = include_str!("../../../data/authority/places.tsv");

/// What an abbreviation from the FRUS list stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    Org,
    Place,
    Title,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Demonym,
    City,
    State,
    Region,
}

impl PlaceKind {
    /// Countries (and their peoples) go to `entities.countries`, the rest to `places`.
    pub fn is_country(self) -> bool {
        matches!(self, PlaceKind::Country | PlaceKind::Demonym)
    }
}

#[derive(Debug)]
pub struct Person {
    pub id: &'static str,
    pub name: &'static str,
    pub born: Option<i32>,
    pub died: Option<i32>,
    pub tenures: Vec<Tenure>,
}

#[derive(Debug)]
pub struct Tenure {
    pub position: &'static str,
    pub place: &'static str,
    pub start: Option<i32>,
    pub end: Option<i32>,
}

impl Person {
    /// Whether the person could have been acting in `year`: alive and past twenty.
    pub fn active_in(&self, year: i32) -> bool {
        self.born.is_none_or(|b| year >= b + 20) && self.died.is_none_or(|d| year <= d)
    }

    /// Whether a document of `year` could name the person: past twenty by then (the dead
    /// are named too: a 1978 report on President Kennedy).
    pub fn nameable_in(&self, year: i32) -> bool {
        self.born.is_none_or(|b| year >= b + 20)
    }

    /// The tenure held in `year`, if any.
    pub fn tenure_in(&self, year: i32) -> Option<&Tenure> {
        self.tenures
            .iter()
            .find(|t| t.start.is_some_and(|s| s <= year) && t.end.is_none_or(|e| year <= e))
    }
}

pub struct Authority {
    pub people: Vec<Person>,
    /// Surname key → people.
    pub surnames: HashMap<String, Vec<u32>>,
    /// Full-name key (`HUGO BANZER`, `HUGO BANZER SUAREZ`, `H. BANZER`) → people.
    pub full_names: HashMap<String, Vec<u32>>,
    /// Everything the word lists say of a one-word key, in one lookup per token.
    pub(crate) facts: HashMap<String, crate::Facts>,
    /// Given-name first words seen in the authority (`HUGO`, `WINSTON`).
    pub given: HashMap<String, u32>,
    pub terms: HashMap<String, (TermKind, &'static str)>,
    /// Place phrase key → kind, canonical name.
    pub places: HashMap<String, (PlaceKind, &'static str)>,
    /// One-word countries, their peoples and regions of six letters or more, by each form with one
    /// letter dropped (and whole): where an OCR'd or misspelled name (`HEXICO`, `LEABNON`)
    /// finds the names one edit away. Built on first use.
    bent_countries: std::sync::OnceLock<BentIndex>,
    /// Places of two words by their second word's length and ends, for
    /// [`Authority::bent_place_pair`]. Built on first use.
    place_pairs: std::sync::OnceLock<PlacePairs>,
}

/// [`Authority::bent_place_pair`]'s index: two-word places by their second word's length
/// and its first letter (`false`) or last (`true`).
type PlacePairs = HashMap<(usize, u8, bool), Vec<(&'static str, &'static str)>>;

/// [`Authority::bent_country`]'s index: the names by their forms with a letter dropped,
/// and their first and last three letters (one edit leaves one end whole, so a word with
/// neither end of a country's is no country's: one cheap test for most words).
struct BentIndex {
    names: HashMap<String, Vec<&'static str>>,
    /// Bit sets of first and last three letters (26³ each): asked of every long word.
    heads: Vec<u64>,
    tails: Vec<u64>,
}

/// A word's first or last three capital letters as a number below 26³.
fn end_key(w: &[u8], last: bool) -> Option<usize> {
    let n = w.len();
    let three = if last {
        w.get(n.checked_sub(3)?..)?
    } else {
        w.get(..3)?
    };
    three.iter().try_fold(0usize, |acc, &b| {
        b.is_ascii_uppercase()
            .then(|| acc * 26 + usize::from(b - b'A'))
    })
}

fn bit(set: &[u64], k: Option<usize>) -> bool {
    k.is_some_and(|k| set[k / 64] >> (k % 64) & 1 == 1)
}

impl Authority {
    /// The country or people one letter changed, added, dropped or swapped from `key` (an
    /// upper-case word), when there is exactly one: `LEABNON` → `LEBANON`.
    pub fn bent_country(&'static self, key: &str) -> Option<&'static str> {
        if !self.bent_ends(key) {
            return None;
        }
        let index = self.bent_index();
        let mut found: Option<&'static str> = None;
        let mut two = false;
        deletions(key, |v| {
            for &name in index.names.get(v).into_iter().flatten() {
                if name != key && one_edit(key, name) {
                    match found {
                        Some(f) if f != name => two = true,
                        _ => found = Some(name),
                    }
                }
            }
        });
        found.filter(|_| !two)
    }

    /// Whether two words are a place of two words the OCR bent (`UATTED STATEN`, `KEXTCO
    /// CTTY`, `SOUTH ANERICH`): each word within two edits of the place's (one for a word
    /// of four or five letters, none for a shorter one), three in all, and not the place
    /// itself. Asked of a name no list knows, before it is taken for a person's.
    pub fn bent_place_pair(&'static self, a: &str, b: &str) -> bool {
        // (an edit or two leaves an end of a word whole: the places are found by the second
        // word's length and its first or its last letter)
        let pairs = self.place_pairs.get_or_init(|| {
            let mut m = PlacePairs::default();
            for key in self.places.keys() {
                let mut words = key.split(' ');
                if let (Some(p), Some(q), None) = (words.next(), words.next(), words.next()) {
                    let qb = q.as_bytes();
                    for end in [(qb[0], false), (qb[qb.len() - 1], true)] {
                        m.entry((q.len(), end.0, end.1)).or_default().push((p, q));
                    }
                }
            }
            m
        });
        let (ab, bb) = (a.as_bytes(), b.as_bytes());
        let (Some(&b_first), Some(&b_last)) = (bb.first(), bb.last()) else {
            return false;
        };
        let allowed = |w: &str| match w.len() {
            0..=3 => 0,
            4..=5 => 1,
            _ => 2,
        };
        (bb.len().saturating_sub(2)..=bb.len() + 2).any(|lq| {
            [(b_first, false), (b_last, true)].into_iter().any(|end| {
                pairs.get(&(lq, end.0, end.1)).is_some_and(|ps| {
                    ps.iter().any(|(p, q)| {
                        let pb = p.as_bytes();
                        pb.len().abs_diff(ab.len()) <= 2
                            && (pb.first() == ab.first() || pb.last() == ab.last())
                            && declass_lexicon::within(a, p, allowed(p)).is_some_and(|dp| {
                                declass_lexicon::within(b, q, allowed(q))
                                    .is_some_and(|dq| (1..=3).contains(&(dp + dq)))
                            })
                    })
                })
            })
        })
    }

    /// Whether `key` has a country's first or last three letters: [`Self::bent_country`]'s
    /// cheap test, to be asked first.
    pub fn bent_ends(&'static self, key: &str) -> bool {
        let index = self.bent_index();
        let b = key.as_bytes();
        bit(&index.heads, end_key(b, false)) || bit(&index.tails, end_key(b, true))
    }

    fn bent_index(&'static self) -> &'static BentIndex {
        self.bent_countries.get_or_init(|| {
            let words = (26 * 26 * 26usize).div_ceil(64);
            let mut index = BentIndex {
                names: HashMap::default(),
                heads: vec![0; words],
                tails: vec![0; words],
            };
            for (name, (kind, _)) in &self.places {
                if matches!(
                    kind,
                    PlaceKind::Country | PlaceKind::Demonym | PlaceKind::Region
                ) && name.len() >= 6
                    && name.bytes().all(|b| b.is_ascii_uppercase())
                {
                    let name: &'static str = name.as_str();
                    for (set, last) in [(&mut index.heads, false), (&mut index.tails, true)] {
                        if let Some(k) = end_key(name.as_bytes(), last) {
                            set[k / 64] |= 1 << (k % 64);
                        }
                    }
                    deletions(name, |v| {
                        index.names.entry(v.to_string()).or_default().push(name)
                    });
                }
            }
            index
        })
    }
}

/// `each` of the word with one letter dropped (at every place), then of the word whole; one
/// buffer for all (a character of several bytes is never split).
fn deletions(w: &str, mut each: impl FnMut(&str)) {
    let mut v = String::with_capacity(w.len());
    for (i, c) in w.char_indices() {
        v.clear();
        v.push_str(&w[..i]);
        v.push_str(&w[i + c.len_utf8()..]);
        each(&v);
    }
    each(w);
}

/// Two ASCII words one edit apart: a letter changed, added, dropped, or two adjacent swapped.
pub(crate) fn one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    declass_lexicon::within_bytes(a, b, 1) == Some(1) || {
        // (the swap Levenshtein counts as two)
        let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let (ra, rb) = (&a[head..], &b[head..]);
        a.len() == b.len()
            && ra.len() >= 2
            && ra[0] == rb[1]
            && ra[1] == rb[0]
            && ra[2..] == rb[2..]
    }
}

fn year(s: &str) -> Option<i32> {
    s.get(..4)?.parse().ok()
}

/// Key of a phrase as the tokenizer would make it: `U. S.` → `U.S`, `Côte d'Ivoire` →
/// `CÔTE D'IVOIRE`.
pub fn phrase_key(s: &str) -> String {
    let toks = tokenize(s);
    let mut k = String::with_capacity(s.len());
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            k.push(' ');
        }
        k.push_str(&t.key);
    }
    k
}

/// Whether a variant of a person's name names a person: the FRUS lists give some an office
/// as a variant (`Col. J.M. Flesch` / `Security Affairs`), which would make `AFFAIRS` a
/// surname. A variant sharing no word with the name and made of English words alone is one.
fn names_someone(variant: &str, name: &str, surname: &str) -> bool {
    let mut words = variant.split(' ');
    words
        .clone()
        .any(|w| w == surname || name.split(' ').any(|n| n == w))
        || !words.all(|w| w.len() < 2 || declass_lexicon::is_common_word(w))
}

fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
}

fn load() -> Authority {
    let mut people = Vec::new();
    let mut index: HashMap<&str, u32> = HashMap::default();
    let mut surnames: HashMap<String, Vec<u32>> = HashMap::default();
    let mut full_names: HashMap<String, Vec<u32>> = HashMap::default();
    let mut given: HashMap<String, u32> = HashMap::default();
    for r in rows(PEOPLE) {
        let [id, name, surname, variants, born, died] = r[..] else {
            continue;
        };
        let n = people.len() as u32;
        index.insert(id, n);
        let skey = phrase_key(surname);
        if skey.is_empty() {
            continue;
        }
        surnames.entry(skey.clone()).or_default().push(n);
        let name_key = phrase_key(name);
        let first = name_key.split(' ').next().unwrap_or_default().to_string();
        // each variant's key, and whether it is written inverted (`Kissinger, Henry`)
        let variant_keys: Vec<(String, bool)> = variants
            .split('|')
            .filter(|v| !v.is_empty())
            .map(|v| (phrase_key(v), v.contains(',')))
            .filter(|(k, _)| names_someone(k, &name_key, &skey))
            .collect();
        let mut forms = vec![name_key];
        forms.extend(variant_keys.iter().map(|(k, _)| k.clone()));
        if first.len() > 1 && first != skey {
            // `WINSTON LORD` and `W. LORD` besides the full `WINSTON LORD`
            forms.push(format!("{first} {skey}"));
            *given.entry(first.clone()).or_default() += 1;
            if let Some(initial) = first.chars().next() {
                forms.push(format!("{initial} {skey}"));
            }
        }
        // A variant spelled another way names the person by its own last word too:
        // `Salvador Allende` (surname ALLENDE GOSSENS), `Constantine Caramanlis`, `Georgi M.
        // Korniyenko` (Kornienko). Not an inverted form (`Kissinger, Henry`) nor a suffix.
        for (key, _) in variant_keys.into_iter().filter(|(_, inverted)| !inverted) {
            let last = key.rsplit(' ').next().unwrap_or_default();
            let plain = last.len() >= 3 && last.chars().all(char::is_alphabetic);
            if plain && last != skey && !matches!(last, "JR" | "SR" | "II" | "III" | "IV") {
                surnames.entry(last.to_string()).or_default().push(n);
                if key.contains(' ') {
                    full_names.entry(key).or_default().push(n);
                }
            }
        }
        // Known by the middle name (`W. Anthony Lake`, `J. Stapleton Roy`): `ANTHONY LAKE` too
        let by_middle: Vec<String> = forms
            .iter()
            .filter_map(|f| {
                let mut w = f.split(' ');
                let (initial, middle) = (w.next()?, w.next()?);
                let rest = &f[initial.len() + 1..];
                // (not the surname alone: `E DE LEON`, `J VILLEDA MORALES`)
                (initial.len() == 1 && middle.len() > 1 && w.next().is_some() && rest != skey)
                    .then(|| rest.to_string())
            })
            .collect();
        forms.extend(by_middle);
        forms.sort();
        forms.dedup();
        for f in forms {
            if f.contains(' ') && f.ends_with(skey.as_str()) {
                full_names.entry(f).or_default().push(n);
            }
        }
        people.push(Person {
            id,
            name,
            born: year(born),
            died: year(died),
            tenures: Vec::new(),
        });
    }
    for r in rows(TENURES) {
        let [person, position, place, start, end] = r[..] else {
            continue;
        };
        if let Some(&n) = index.get(person) {
            people[n as usize].tenures.push(Tenure {
                position,
                place,
                start: year(start),
                end: year(end),
            });
        }
    }
    let mut terms = HashMap::default();
    for r in rows(TERMS) {
        let [abbr, kind, expansion] = r[..] else {
            continue;
        };
        let kind = match kind {
            "org" => TermKind::Org,
            "place" => TermKind::Place,
            "title" => TermKind::Title,
            _ => TermKind::Other,
        };
        terms.insert(phrase_key(abbr), (kind, expansion));
    }
    let mut places = HashMap::default();
    let mut place_starts: HashMap<String, usize> = HashMap::default();
    for r in rows(PLACES) {
        let [name, kind, canonical] = r[..] else {
            continue;
        };
        let kind = match kind {
            "country" => PlaceKind::Country,
            "demonym" => PlaceKind::Demonym,
            "city" => PlaceKind::City,
            "state" => PlaceKind::State,
            _ => PlaceKind::Region,
        };
        let key = phrase_key(name);
        // (the possessive's apostrophe is often lost: `Peoples Republic of China`, which
        // without this would read as the Republic of China after a stray word)
        let apostrophe_lost = (name.contains("PEOPLE'S") || name.contains("People's")).then(|| {
            phrase_key(
                &name
                    .replace("PEOPLE'S", "PEOPLES")
                    .replace("People's", "Peoples"),
            )
        });
        for key in std::iter::once(key).chain(apostrophe_lost) {
            let mut words = key.split(' ');
            let len = key.split(' ').count();
            if let Some(first) = words.next() {
                let e = place_starts.entry(first.to_string()).or_default();
                *e = (*e).max(len);
            }
            places.entry(key).or_insert((kind, canonical));
        }
    }
    let mut facts: HashMap<String, crate::Facts> = HashMap::default();
    for k in surnames.keys() {
        facts.entry(k.clone()).or_default().surname = true;
    }
    for k in given.keys() {
        facts.entry(k.clone()).or_default().given = true;
    }
    for k in places.keys().filter(|k| !k.contains(' ')) {
        facts.entry(k.clone()).or_default().place = true;
    }
    for (k, (kind, _)) in &terms {
        facts.entry(k.clone()).or_default().term = Some(*kind);
    }
    for w in crate::vocab::STOP {
        // `OF` is also an office symbol (Office of Finance): a function word first
        let f = facts.entry(w.to_string()).or_default();
        f.stop = true;
        f.term = None;
    }
    for w in crate::people::SAYING {
        facts.entry(w.to_string()).or_default().saying = true;
    }
    for w in crate::people::BEFORE_SAYING {
        facts.entry(w.to_string()).or_default().before_saying = true;
    }
    for w in crate::vocab::TITLES.iter().filter(|t| !t.contains(' ')) {
        facts.entry(w.to_string()).or_default().title = true;
    }
    for (w, _) in crate::vocab::ORG_HEADS
        .iter()
        .filter(|(t, _)| !t.contains(' '))
    {
        facts.entry(w.to_string()).or_default().head = true;
    }
    for w in crate::vocab::ORG_HEADS
        .iter()
        .filter_map(|(t, _)| t.split_once(' ').map(|(first, _)| first))
    {
        facts.entry(w.to_string()).or_default().head_start = true;
    }
    for w in crate::vocab::ORG_MODIFIERS {
        facts.entry(w.to_string()).or_default().modifier = true;
    }
    for w in crate::vocab::CABLE_ORGS {
        facts.entry(w.to_string()).or_default().cable_org = true;
    }
    for w in crate::vocab::TITLES
        .iter()
        .filter_map(|t| t.split(' ').next())
    {
        facts.entry(w.to_string()).or_default().title_start = true;
    }
    for w in crate::vocab::FEATURES
        .iter()
        .filter_map(|f| f.split(' ').next())
    {
        facts.entry(w.to_string()).or_default().feature = true;
    }
    // where names start, so most tokens are ruled out by the one lookup of their facts
    for k in full_names.keys().filter_map(|k| k.split(' ').next()) {
        facts.entry(k.to_string()).or_default().full_start = true;
    }
    let run = |len: usize| u8::try_from(len).unwrap_or(u8::MAX);
    for (k, &len) in &place_starts {
        let plural = format!("{k}S");
        if !place_starts.contains_key(&plural) {
            facts.entry(plural).or_default().place_run_s = run(len);
        }
    }
    for (k, &len) in &place_starts {
        let f = facts.entry(k.clone()).or_default();
        f.place_run = run(len);
        f.place_run_s = run(len);
    }
    Authority {
        facts,
        people,
        surnames,
        full_names,
        given,
        terms,
        places,
        bent_countries: std::sync::OnceLock::new(),
        place_pairs: std::sync::OnceLock::new(),
    }
}

static AUTHORITY: LazyLock<Authority> = LazyLock::new(load);

/// The authority, loaded on first use.
pub fn get() -> &'static Authority {
    &AUTHORITY
}

#[cfg(test)]
mod tests {
    #[test]
    fn two_word_places_bent_by_the_ocr() {
        let a = get();
        // JFK OCR: a letter or two wrong in each word
        assert!(a.bent_place_pair("UATTED", "STATEN"));
        assert!(a.bent_place_pair("KEXTCO", "CTTY"));
        assert!(a.bent_place_pair("SOUTH", "ANERICH"));
        // the place itself, a word too far off, or a short word changed: no
        assert!(!a.bent_place_pair("UNITED", "STATES"));
        assert!(!a.bent_place_pair("SANTA", "CLAUS"));
        assert!(!a.bent_place_pair("LONG", "BEEK"));
        assert!(!a.bent_place_pair("JOHN", "SMITH"));
    }

    #[test]
    fn one_edit_apart() {
        use super::one_edit;
        // a letter swapped, dropped, added, changed; not two edits, not the same word
        assert!(one_edit("LEABNON", "LEBANON"));
        assert!(one_edit("PORTUGESE", "PORTUGUESE"));
        assert!(one_edit("ALLEPPO", "ALEPPO"));
        assert!(one_edit("CREECE", "GREECE"));
        assert!(!one_edit("CREECA", "GREECE"));
        assert!(!one_edit("GREECE", "GREECE"));
        assert!(!one_edit("ASTURIA", "AUSTRIA"));
        // against every word one edit from each short word of a small alphabet
        let mut words: Vec<String> = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .filter(|w| w.len() == words.last().map_or(0, String::len))
                .flat_map(|w| ["A", "B", "C"].map(|c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        let edits = |w: &str| -> std::collections::HashSet<String> {
            let mut out = std::collections::HashSet::new();
            for i in 0..=w.len() {
                for c in ["A", "B", "C"] {
                    out.insert(format!("{}{c}{}", &w[..i], &w[i..]));
                    if i < w.len() {
                        out.insert(format!("{}{c}{}", &w[..i], &w[i + 1..]));
                    }
                }
                if i < w.len() {
                    out.insert(format!("{}{}", &w[..i], &w[i + 1..]));
                }
                if i + 1 < w.len() {
                    out.insert(format!(
                        "{}{}{}{}",
                        &w[..i],
                        &w[i + 1..i + 2],
                        &w[i..i + 1],
                        &w[i + 2..]
                    ));
                }
            }
            out.remove(w);
            out
        };
        for a in &words {
            let near = edits(a);
            for b in &words {
                assert_eq!(one_edit(a, b), near.contains(b), "{a} {b}");
            }
        }
    }

    use super::*;

    #[test]
    fn loads_people_places_and_terms() {
        let a = get();
        assert!(a.people.len() > 15_000, "{}", a.people.len());
        // known by the middle name
        assert!(a.full_names.contains_key("ANTHONY LAKE"));
        assert!(a.full_names.contains_key("STAPLETON ROY"));
        assert!(!a.full_names.contains_key("DE LEON"));
        let lord = &a.full_names["WINSTON LORD"];
        let p = &a.people[lord[0] as usize];
        assert!(
            p.tenures.iter().any(|t| t.place == "China"),
            "{:?}",
            p.tenures
        );
        assert_eq!(a.places["PEKING"], (PlaceKind::City, "Beijing"));
        assert_eq!(a.places["U.S"].1, "United States");
        assert_eq!(a.terms["GOB"].0, TermKind::Place);
        assert!(a.facts["NEW"].place_run >= 2);
        assert!(a.facts["WINSTON"].full_start);
        // a plural finds the place its singular starts; the plural itself starts none
        assert_eq!(a.facts["KOREAS"].place_run, 0);
        assert!(a.facts["KOREAS"].place_run_s >= 1);
    }
}
