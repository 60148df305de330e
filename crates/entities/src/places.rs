//! Countries and places: gazetteer phrases (countries with their old names and peoples,
//! capitals and large cities, regions), `GOx` governments, and the nominal `THE GOVERNMENT` /
//! `THE COUNTRY`, which co-reference later ties to the country the document is about.

use crate::authority::TermKind;
use crate::tokens::Gap;
use crate::{Doc, Kind, Mention};

/// Words before GOVERNMENT/COUNTRY that make it a mention of a particular state.
/// (Not `OTHER`, `HOST`, `MEMBER`: `OTHER COUNTRIES`, `HOST COUNTRY`, `MEMBER COUNTRIES` name
/// no one state; the annotators left 15 of 16 unmarked.)
const DETERMINERS: &[&str] = &[
    "THE", "HIS", "HER", "ITS", "THEIR", "OUR", "THIS", "BOTH", "TWO", "EACH", "EITHER", "THESE",
    "THOSE",
];

/// A strong mention of a place or country over `toks`, grouped as `PLACE:<group>`.
fn place(
    kind: Kind,
    toks: std::ops::Range<usize>,
    group: &str,
    canonical: Option<&str>,
) -> Mention {
    Mention {
        kind,
        name: toks.clone(),
        toks,
        group: format!("PLACE:{group}"),
        canonical: canonical.map(str::to_string),
        title: None,
        strong: true,
        label: None,
    }
}

/// The mention kind of a gazetteer entry.
fn kind_of(kind: crate::authority::PlaceKind) -> Kind {
    if kind.is_country() {
        Kind::Country
    } else {
        Kind::Place
    }
}

fn nominal(toks: std::ops::Range<usize>) -> Mention {
    Mention {
        kind: Kind::Country,
        name: toks.clone(),
        toks,
        group: NOMINAL.to_string(),
        canonical: None,
        title: None,
        strong: false,
        label: None,
    }
}

/// Group key of nominal mentions; [`crate::group`] gives them to the main country.
pub const NOMINAL: &str = "PLACE:@nominal";

/// Heads of a mention of a state (`GOVERNMENT`, `AUTHORITIES`) or, `true`, of a border or an
/// area (`ZAIRE BORDER`, `THE ATLANTIC AREA`, `INDIAN OCEAN REGION`), which only goes with
/// the place before it.
fn state_head(key: &str) -> Option<bool> {
    match key {
        "GOVERNMENT" | "GOVERNMENTS" | "GOVT" | "COUNTRY" | "COUNTRIES" | "REGIME"
        | "AUTHORITIES" | "ADMINISTRATION" => Some(false),
        "BORDER" | "BORDERS" | "FRONTIER" | "AREA" | "AREAS" | "REGION" => Some(true),
        _ => None,
    }
}

/// Words between a country or determiner and a state head: `THE NEW GOVERNMENT`.
const STATE_ADJECTIVES: &[&str] = &[
    "NEW",
    "FEDERAL",
    "TRANSITIONAL",
    "PROVISIONAL",
    "INTERIM",
    "PRESENT",
    "CURRENT",
    "FORMER",
    "PREVIOUS",
    "MILITARY",
    "CIVILIAN",
    "COMMUNIST",
    "NATIONALIST",
    "SOCIALIST",
    "REVOLUTIONARY",
    "COALITION",
    "CENTRAL",
    "LOCAL",
    "NATIONAL",
    "STATE",
    "REGIONAL",
    "PROVINCIAL",
    "ROYAL",
    "SOUTHERN",
    "NORTHERN",
    "EASTERN",
    "WESTERN",
];

/// Nouns for a group of states after a people's adjective: `ARAB STATES`, `WESTERN FIVE`.
/// (`COUNTRIES` is a state head: `AFRICAN COUNTRIES` is read there.)
pub(crate) const BLOCS: &[&str] = &["STATES", "NATIONS", "POWERS", "ALLIES", "FIVE", "WORLD"];

fn compass_adjective(key: &str) -> bool {
    matches!(key, "NORTHERN" | "SOUTHERN" | "EASTERN" | "WESTERN")
}

/// The gazetteer place (no people's adjective) starting at `i` and joined to the word
/// before: its length in tokens.
fn place_after(d: &Doc, i: usize) -> Option<usize> {
    let max = usize::from(d.f(i).place_run_s);
    if max == 0 || d.toks.get(i).is_none_or(|t| t.gap != Gap::Space) {
        return None;
    }
    (1..=max.min(d.toks.len() - i)).rev().find(|&len| {
        d.joined(i, i + len)
            && d.a
                .places
                .get(&d.phrase(i, i + len))
                .is_some_and(|(k, _)| *k != crate::authority::PlaceKind::Demonym)
    })
}

fn compass(key: &str) -> bool {
    matches!(key, "NORTH" | "SOUTH" | "EAST" | "WEST" | "GULF" | "HORN")
}

/// U.S. states as cables abbreviate them after a city; not those that are words or other
/// abbreviations too (`IN`, `OR`, `ME`, `LA`, `DEL`, `MISS`).
pub(crate) const STATE_ABBREVIATIONS: &[&str] = &[
    "ALA", "ARIZ", "ARK", "CALIF", "COLO", "CONN", "FLA", "GA", "ILL", "KANS", "KY", "MASS", "MD",
    "MICH", "MINN", "MONT", "NEB", "NEV", "N.H", "N.J", "NJ", "N.M", "N.Y", "NY", "N.C", "N.D",
    "OKLA", "ORE", "PA", "R.I", "S.C", "S.D", "TENN", "TEX", "VT", "VA", "W.VA", "WIS", "WYO",
    "D.C", "DC",
];

/// The longest feature noun at `i`, in tokens, capitalized.
fn feature_at(d: &Doc, i: usize) -> Option<usize> {
    if !d.f(i).feature {
        return None;
    }
    let (len, _) = crate::vocab::FEATURE_PHRASES.longest(d, i)?;
    (i..i + len).all(|k| d.cap(k)).then_some(len)
}

/// A word that can name a feature: capitalized, letters, not a function word or a title,
/// and not a common word unless a place or a known surname (`SOUTH CHINA`, `PATTERSON`).
fn feature_name_word(d: &Doc, i: usize) -> bool {
    d.toks
        .get(i)
        .is_some_and(|t| t.is_alpha() && t.key.len() >= 3)
        && d.cap(i)
        && !d.f(i).stop
        && !d.f(i).title
        && (d.f(i).place || d.f(i).surname || !d.is_word(i))
}

/// A named feature at `i`: one to three name words and a feature noun (`WRIGHT PATTERSON AIR
/// FORCE BASE`), or a feature noun, OF and one to three name words (`STRAIT OF JUAN DE
/// FUCA`, particles inside): its length in tokens, and where its name is.
fn feature(d: &Doc, i: usize) -> Option<(usize, std::ops::Range<usize>)> {
    if let Some(fl) = feature_at(d, i) {
        let of = i + fl;
        if d.key(of) == "OF" && d.joined(i, of + 2) {
            let mut j = of + 1;
            while j < of + 5
                && d.joined(i, j + 1)
                && (feature_name_word(d, j)
                    || j > of + 1 && crate::people::PARTICLES.contains(&d.key(j)))
            {
                j += 1;
            }
            // (not ending on a particle)
            while j > of + 1 && crate::people::PARTICLES.contains(&d.key(j - 1)) {
                j -= 1;
            }
            return (j > of + 1).then_some((j - i, of + 1..j));
        }
        return None;
    }
    // a feature noun within three words: only then are the words before it read
    let (j, fl) = (i + 1..=i + 3).find_map(|j| Some((j, feature_at(d, j)?)))?;
    (d.joined(i, j + 1) && (i..j).all(|k| feature_name_word(d, k))).then_some((j + fl - i, i..j))
}

pub fn find(d: &Doc, out: &mut Vec<Mention>) {
    let n = d.toks.len();
    let mut i = 0;
    while i < n {
        let key = d.key(i);
        if !d.cap(i) {
            i += 1;
            continue;
        }
        // (a feature the gazetteer has, `INDIAN OCEAN`, `SUEZ CANAL`, is found below)
        if let Some((len, named, name)) = feature(d, i)
            .map(|(len, named)| (len, named, d.phrase(i, i + len)))
            .filter(|(_, _, name)| !d.a.places.contains_key(name))
        {
            out.push(place(Kind::Place, i..i + len, &name, None));
            // and the place it is named by, when the gazetteer has it: `COLOGNE` in
            // `COLOGNE AIRPORT`, `MAYOTTE` in `ISLAND OF MAYOTTE`
            if let Some(&(kind, canonical)) =
                d.a.places
                    .get(&d.phrase(named.start, named.end))
                    .filter(|(kind, _)| *kind != crate::authority::PlaceKind::Demonym)
            {
                out.push(place(kind_of(kind), named, canonical, Some(canonical)));
            }
            i += len;
            continue;
        }
        // `VIET-NAM`: a name of two words written with a hyphen (a word that does not split
        // into names the lists know)
        if d.toks[i].marked && key.contains('-') {
            if let Some(&(kind, canonical)) = d.a.places.get(&key.replace('-', " ")) {
                out.push(place(kind_of(kind), i..i + 1, canonical, Some(canonical)));
                i += 1;
                continue;
            }
        }
        let max = usize::from(d.f(i).place_run_s);
        if max > 0 {
            let mut hit = None;
            // the longest run that could be a place: joined, capitalized; one buffer for all
            // (in small letters between capitalized words, `of`, `the` and `and` join the
            // run: `People's Republic of China`, `Trinidad and Tobago`, as in capitals)
            let joins = |j: usize| {
                d.toks[j].gap == Gap::Space
                    && (d.cap(j)
                        || matches!(d.key(j), "OF" | "THE" | "AND")
                            && d.toks.get(j + 1).is_some_and(|t| t.gap == Gap::Space)
                            && d.cap(j + 1))
            };
            let mut run = 1;
            while run < max.min(n - i) && joins(i + run) {
                run += 1;
            }
            // (one word, the common case: its key, no phrase built)
            let full: std::borrow::Cow<'_, str> = if run == 1 {
                std::borrow::Cow::Borrowed(key)
            } else {
                std::borrow::Cow::Owned(d.phrase(i, i + run))
            };
            let mut ends: Vec<usize> = full.match_indices(' ').map(|(p, _)| p).collect();
            ends.push(full.len());
            for len in (1..=run).rev() {
                if len == 1 && compass(key) {
                    break;
                }
                // an abbreviation is written in capitals: `SU` is the Soviet Union, Spanish
                // `Su` is a possessive
                if len == 1 && key.len() <= 2 && d.toks[i].case != crate::tokens::Case::Upper {
                    break;
                }
                let phrase = &full[..ends[len - 1]];
                let found = d.a.places.get(phrase).or_else(|| plural_demonym(d, phrase));
                if let Some(&(kind, canonical)) = found {
                    hit = Some((len, kind, canonical));
                    break;
                }
            }
            if hit.is_some_and(|(len, _, _)| len == 1) && key == "US" && pronoun_us(d, i) {
                hit = None;
            }
            if let Some((len, kind, canonical)) = hit {
                // a people's states as a bloc: `ARAB STATES`, `WESTERN POWERS`, `THE WESTERN
                // FIVE` (a group of countries, neither the people nor one state)
                if kind == crate::authority::PlaceKind::Demonym
                    && d.toks
                        .get(i + len)
                        .is_some_and(|t| t.gap == Gap::Space && BLOCS.contains(&t.key.as_ref()))
                {
                    let toks = i..i + len + 1;
                    let name = d.phrase(toks.start, toks.end);
                    out.push(place(Kind::Place, toks.clone(), &name, None));
                    i = toks.end;
                    continue;
                }
                // `THE WESTERN PACIFIC`, `WESTERN UGANDA`: a part of the place after it, one
                // place (the adjective is no people's)
                if kind == crate::authority::PlaceKind::Demonym
                    && len == 1
                    && compass_adjective(key)
                {
                    if let Some(after) = place_after(d, i + 1) {
                        let toks = i..i + 1 + after;
                        let name = d.phrase(toks.start, toks.end);
                        out.push(place(Kind::Place, toks.clone(), &name, None));
                        i = toks.end;
                        continue;
                    }
                }
                // a U.S. city with its state's abbreviation: `KNOXVILLE, TENN`, `ATLANTA GA`,
                // `WASHINGTON D.C` (as written and annotated: one place)
                let with_state = kind == crate::authority::PlaceKind::City
                    && d.toks.get(i + len).is_some_and(|t| {
                        t.gap <= Gap::Mark
                            && d.text[d.toks[i + len - 1].end..t.start].trim_matches(' ') != "."
                            && STATE_ABBREVIATIONS.contains(&t.key.as_ref())
                    });
                let mut m = place(kind_of(kind), i..i + len, canonical, Some(canonical));
                // `THE NORTH ATLANTIC`: a compass point before a region names its part
                if kind == crate::authority::PlaceKind::Region
                    && i > 0
                    && d.toks[i].gap == Gap::Space
                    && compass(d.key(i - 1))
                    && out.last().is_none_or(|p| p.toks.end < i)
                {
                    m.toks.start = i - 1;
                }
                // (the name stays the city's)
                if with_state {
                    m.toks.end += 1;
                }
                i = m.toks.end;
                out.push(m);
                continue;
            }
        }
        // `IN THE NORTH`, `RELATIONS WITH THE WEST`: a compass point with its article after a
        // preposition is a region (a longer name, `THE NORTH ATLANTIC`, is found above)
        if d.upper
            && matches!(key, "NORTH" | "SOUTH" | "EAST" | "WEST")
            && i >= 2
            && d.key(i - 1) == "THE"
            && d.toks[i].gap == Gap::Space
            && d.toks[i - 1].gap == Gap::Space
            && matches!(
                d.key(i - 2),
                "IN" | "TO" | "FROM" | "WITH" | "OF" | "AND" | "ACROSS" | "FOR" | "BY"
            )
            && d.toks.get(i + 1).is_none_or(|t| {
                t.gap != Gap::Space || crate::vocab::is_stop(&t.key) || !t.is_alpha()
            })
        {
            out.push(place(
                Kind::Place,
                i - 1..i + 1,
                &format!("THE {key}"),
                None,
            ));
            i += 1;
            continue;
        }
        // `GOB`, `USG`, `HMG`: a government, which the annotators count as the state
        if d.f(i).term == Some(TermKind::Place)
            && key.len() >= 3
            && d.toks[i].case != crate::tokens::Case::Lower
        {
            if let Some((TermKind::Place, exp)) = d.a.terms.get(key).filter(|(_, exp)| {
                // `GOB` is a word too (a lump), but a cable's `GOB` is a government
                // (`GOVT` is listed as `government`: the word, which the nominal rule reads)
                exp.starts_with(char::is_uppercase)
                    && (!d.is_word(i)
                        || (key.starts_with("GO") && exp.starts_with("Government of")
                            // (`SAG`, South African Government: a word too)
                            || d.upper && exp.ends_with(" Government"))
                            && !verb_here(d, i))
            }) {
                let canonical = government_of(exp);
                out.push(place(
                    Kind::Country,
                    i..i + 1,
                    canonical.unwrap_or(key),
                    canonical,
                ));
                i += 1;
                continue;
            }
        }
        if d.upper && key == "HERE" && !here_is_no_place(d, i) {
            // in a cable, the host country (the annotators' reading too)
            out.push(nominal(i..i + 1));
        }
        if let Some(border) = state_head(key) {
            // the words that may stand between: `THE NEW GOVERNMENT`, `CHINESE COMMUNIST REGIME`
            let mut s = i;
            while s > 0
                && s + 2 > i
                && d.toks[s].gap == Gap::Space
                && STATE_ADJECTIVES.contains(&d.key(s - 1))
            {
                s -= 1;
            }
            // (`U.S. GOVERNMENT`: the abbreviation's point ends no sentence here)
            let joined = s > 0
                && (d.toks[s].gap == Gap::Space
                    || d.key(s - 1).contains('.')
                        && d.text[d.toks[s - 1].end..d.toks[s].start].trim() == ".");
            let det = joined && DETERMINERS.contains(&d.key(s - 1));
            // `SOVIET GOVT`, `CANADIAN GOVERNMENT`, `ZAIRE BORDER`: that country's
            if let Some(m) = out.last_mut().filter(|m| m.toks.end == s && joined) {
                if m.kind == Kind::Country && m.canonical.is_some()
                    || border
                        && m.kind == Kind::Place
                        // (a city's area is the city: `ALEPPO AREA` is annotated `ALEPPO`)
                        && (!matches!(key, "AREA" | "AREAS" | "REGION")
                            || d.a.places.get(&d.phrase(m.name.start, m.name.end)).is_some_and(
                                |(k, _)| *k == crate::authority::PlaceKind::Region,
                            ))
                {
                    m.toks.end = i + 1;
                    i += 1;
                    continue;
                }
            }
            if border {
                i += 1;
                continue;
            }
            // (`THE COUNTRIES`, `THESE GOVERNMENTS` name no state in particular; `BOTH
            // COUNTRIES`, `THE TWO GOVERNMENTS`, `THEIR GOVERNMENTS`, `THE WESTERN COUNTRIES` do)
            let vague_plural = matches!(key, "COUNTRIES" | "GOVERNMENTS")
                && s == i
                && s > 0
                && matches!(d.key(s - 1), "THE" | "THESE" | "THOSE");
            if det && !vague_plural {
                out.push(nominal(s - 1..i + 1));
            } else if joined
                && s == i
                && d.upper
                && d.toks[s - 1].is_alpha()
                && d.key(s - 1).len() >= 4
                && !d.is_word(s - 1)
                && !d.f(s - 1).title
                && !d.f(s - 1).stop
            {
                // `ECEVIT GOVERNMENT`, `NIMEIRI REGIME`: the state under its leader; the
                // leader stays a person of his own (the mention is named by its head)
                let mut m = nominal(s - 1..i + 1);
                m.name = i..i + 1;
                out.push(m);
            } else if d.upper
                && s == i
                && matches!(key, "GOVERNMENT" | "GOVT")
                && (i == 0 || d.toks[i].gap != Gap::Space || crate::vocab::is_stop(d.key(i - 1)))
                && d.key(i + 1) != "OF"
                // (`A GOVERNMENT TO BE FORMED`, `ANY GOVERNMENT IN THE WORLD`, `VARIOUS
                // GOVERNMENT PROGRAMS`, `ANTI-GOVERNMENT`: none in particular)
                && (i == 0
                    || !matches!(
                        d.key(i - 1),
                        "A" | "AN" | "ANY" | "EVERY" | "NO" | "SOME" | "ANOTHER" | "VARIOUS" | "ANTI"
                    ))
            {
                // a cable's `GOVERNMENT` alone is the host state's (`INTO GOVERNMENT`,
                // `GOVERNMENT INTEREST IN`), as annotators read it
                out.push(nominal(i..i + 1));
            }
        }
        i += 1;
    }
    // (the words the mentions so far cover, for the two passes over what is left)
    let mut taken = crate::covered(n, out.iter());
    listed_with_places(d, out, &mut taken);
    bent_countries(d, out, &taken);
}

/// A country's, its people's or a region's name one letter off, as OCR or a typist bends it:
/// `HEXICO`, `LEABNON`, `CHPRUS`, `SENEGELESE`, `CARIBSEAN`. Six letters or more, no word (nor
/// one bent) and no name a list or the dictionary knows, and one place alone within the edit.
/// Such a mention names its entity only when no other does.
fn bent_countries(d: &Doc, out: &mut Vec<Mention>, taken: &[bool]) {
    type Bent = Option<(&'static str, (crate::authority::PlaceKind, &'static str))>;
    let mut seen: rustc_hash::FxHashMap<&str, Bent> = Default::default();
    for (k, t) in d.toks.iter().enumerate() {
        // (the cheapest tests first: this asks of every word)
        if t.key.len() < 6
            || taken[k]
            || !d.a.bent_ends(&t.key)
            || !d.cap(k)
            || !t.key.bytes().all(|b| b.is_ascii_uppercase())
            || d.f(k).listed()
            || d.f(k).full_start
            || d.is_word(k)
        {
            continue;
        }
        // (each word asked once: a long file repeats its words; the dictionary asked only of
        // the rare word one letter from a country)
        let found = *seen.entry(t.key.as_ref()).or_insert_with(|| {
            d.a.bent_country(&t.key)
                .and_then(|name| Some((name, *d.a.places.get(name)?)))
                // (a name of its own: `COLUMBIA`, `IBERIA`; a word bent: `BELIVE` is
                // BELIEVE, `NORWAL` NORMAL, not Belize, Norway)
                // (the country's own name may be a word: `SOVICT` is SOVIET, the word's bent)
                .filter(|(name, _)| {
                    !declass_lexicon::is_word(&t.key)
                        && (declass_lexicon::is_common_word(name)
                            || !declass_lexicon::near_common_word(&t.key)
                                && !declass_lexicon::near_common_short(&t.key))
                })
        });
        if let Some((_, (kind, canonical))) = found {
            let mut m = place(kind_of(kind), k..k + 1, canonical, Some(canonical));
            m.strong = false;
            out.push(m);
        }
    }
}

/// A town the gazetteer lacks, listed with towns it has: `MALMO, GOTEBORG, FALUN, OREBRO
/// AND OTHER PLACES`, `FROM NHABE, SINGAPORE AND BANGKOK`. A list of single words joined by
/// commas and `AND`, two of them towns the gazetteer knows; the word no list knows, no word
/// and no word the OCR bent.
fn listed_with_places(d: &Doc, out: &mut Vec<Mention>, taken: &mut [bool]) {
    let n = d.toks.len();
    let mut town = vec![false; n];
    for m in out.iter() {
        // (a city-state counts: `NHABE, SINGAPORE AND BANGKOK`; a people does not)
        if m.toks.len() == 1
            && match m.kind {
                Kind::Place => true,
                Kind::Country => !matches!(
                    d.a.places.get(d.key(m.toks.start)),
                    Some((crate::authority::PlaceKind::Demonym, _)) | None
                ),
                _ => false,
            }
        {
            town[m.toks.start] = true;
        }
    }
    if town.iter().filter(|&&t| t).count() < 2 {
        return;
    }
    // the next item of a list after item `k`: across a comma, `AND`, or both
    let next = |k: usize| -> Option<usize> {
        let j = k + 1;
        let t = d.toks.get(j)?;
        let between = d.text[d.toks[k].end..t.start].trim();
        match (between, d.key(j)) {
            ("," | "", "AND") if t.gap != Gap::Stop => (j + 1 < n).then_some(j + 1),
            (",", _) => Some(j),
            _ => None,
        }
    };
    let single = |k: usize| {
        // an item is one word: what follows it ends it
        d.toks
            .get(k + 1)
            .is_none_or(|t| t.gap != Gap::Space || d.key(k + 1) == "AND")
    };
    let unknown = |k: usize| {
        let (t, f) = (&d.toks[k], d.f(k));
        d.cap(k)
            && t.is_alpha()
            && t.key.len() >= 4
            && !f.listed()
            && !f.full_start
            && !d.is_word(k)
            && !d.near_word(k)
            // (the Latin of diplomatic English: `THE US, INTER ALIA, FRANCE`)
            && !matches!(t.key.as_ref(), "ALIA" | "INTERALIA")
    };
    let mut k = 0;
    while k < n {
        if !town[k] {
            k += 1;
            continue;
        }
        // the list around this town: back to its first item, then forward
        // (items of one word: `AND OTHER PLACES` ends it)
        let mut first = k;
        while let Some(p) = (first.saturating_sub(2)..first)
            .rev()
            .find(|&p| next(p) == Some(first) && single(p))
        {
            first = p;
        }
        let mut items = vec![first];
        let mut at = first;
        while let Some(j) = next(at).filter(|&j| single(j)) {
            items.push(j);
            at = j;
        }
        let last = at;
        let towns = items.iter().filter(|&&j| town[j]).count();
        if towns >= 2 && single(k) {
            for &j in &items {
                if !taken[j] && unknown(j) {
                    taken[j] = true;
                    out.push(place(Kind::Place, j..j + 1, d.key(j), None));
                }
            }
        }
        k = last.max(k) + 1;
    }
}

/// A word that is also a government's abbreviation read as the verb it is (`THE FACT THEY
/// GOT TOGETHER`, `IT GOES WITHOUT SAYING`, `THIS DRAFT GOES CONSIDERABLY BEYOND`): after a
/// pronoun, or before an adverb or a particle no subject takes.
fn verb_here(d: &Doc, i: usize) -> bool {
    // (not THAT: `MENTIONED THAT GOT HAD ENCOURAGED`)
    const PRONOUNS: &[&str] = &["I", "WE", "YOU", "HE", "SHE", "IT", "THEY", "WHO"];
    const PARTICLES: &[&str] = &[
        "TOGETHER", "WITHOUT", "BEYOND", "INTO", "AWAY", "BACK", "ALONG", "AHEAD", "UP", "DOWN",
        "OFF", "OUT", "ON",
    ];
    let joined = |k: usize| d.toks.get(k).is_some_and(|t| t.gap == Gap::Space);
    (i > 0 && joined(i) && PRONOUNS.contains(&d.key(i - 1)))
        || joined(i + 1)
            && (PARTICLES.contains(&d.key(i + 1))
                || d.key(i + 1).len() > 4 && d.key(i + 1).ends_with("LY")
                // (its object's determiner: `BUT GOT NO RESPONSE`, `MUCH GOT THE FEELING`; a
                // government's verb comes first, unless it is an object too: `GIVEN THE GOB
                // THE IMPULSE`)
                || matches!(d.key(i + 1), "THE" | "A" | "AN" | "NO" | "SOME" | "ANY")
                    && !(i > 0 && d.key(i - 1) == "THE"))
}

/// `SWEDES`, `ISRAELIS`: a people in the plural, its demonym's entry.
pub(crate) fn plural_demonym<'a>(
    d: &Doc<'a>,
    key: &str,
) -> Option<&'a (crate::authority::PlaceKind, &'static str)> {
    let one = key.strip_suffix('S')?;
    d.a.places
        .get(one)
        .filter(|(k, _)| *k == crate::authority::PlaceKind::Demonym)
}

/// `HERE` that points rather than places: presenting (`QUOTE HERE ARE THE STORIES`), someone's
/// presence (`WE ARE HERE TODAY`), or the diplomats at the post (`OUR BRITISH COLLEAGUES
/// HERE`, `THE BRITISH HERE`, `SELECTED DELEGATIONS HERE`): these speak of people, not of the
/// host country (`PUBLICITY HERE`, `CONDITIONS HERE` do).
fn here_is_no_place(d: &Doc, i: usize) -> bool {
    const BE: &[&str] = &["AM", "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING"];
    const ENVOYS: &[&str] = &[
        "COLLEAGUE",
        "COLLEAGUES",
        "REPRESENTATIVE",
        "REPRESENTATIVES",
        "DELEGATION",
        "DELEGATIONS",
        "DIPLOMAT",
        "DIPLOMATS",
        "AMBASSADOR",
        "AMBASSADORS",
        "EMBASSIES",
        "MISSIONS",
    ];
    let joined = |k: usize| d.toks.get(k).is_some_and(|t| t.gap == Gap::Space);
    // (a cable's `QUOTE` opens a sentence as a quotation mark does)
    let opens = i == 0 || d.toks[i].gap == Gap::Stop || d.key(i - 1) == "QUOTE";
    if joined(i + 1) && BE.contains(&d.key(i + 1)) && opens {
        return true;
    }
    if i == 0 || !joined(i) {
        return false;
    }
    let before = d.key(i - 1);
    BE.contains(&before)
        || ENVOYS.contains(&before)
        || d.a
            .places
            .get(before)
            .is_some_and(|(k, _)| *k == crate::authority::PlaceKind::Demonym)
}

/// `US` in capitals: the pronoun (`TOLD US THAT`) unless a noun follows (`US EMBASSY`) or
/// an article comes before (`THE US`).
fn pronoun_us(d: &Doc, i: usize) -> bool {
    if i > 0 && d.toks[i].gap == Gap::Space && matches!(d.key(i - 1), "THE" | "A" | "AN") {
        return false;
    }
    // listed with another country (`US, UK AND USSR`, `BY UK AND US`)
    let country = |j: usize| {
        d.a.places
            .get(d.key(j))
            .is_some_and(|(k, _)| k.is_country() && *k != crate::authority::PlaceKind::Demonym)
    };
    if d.listed_beside(i, country) {
        return false;
    }
    // the object pronoun is no verb's subject: `US SAID`, `US WOULD` (but `QUESTION FOR US
    // IS`: after a preposition it is the object still)
    let after_preposition = i > 0
        && matches!(
            d.key(i - 1),
            "FOR" | "TO" | "WITH" | "BY" | "OF" | "FROM" | "AGAINST" | "ABOUT"
        );
    if crate::people::subject_of_verb(d, i) && !after_preposition {
        return false;
    }
    // the object of a verb of giving or telling, before no noun of a country's own (`GAVE US
    // FURTHER DETAILS`, `LET US GET TO`; not `TOLD US REP`, `BRIEFED US EMBASSY`)
    if i > 0
        && d.toks[i].gap == Gap::Space
        && (crate::people::TOLD.contains(&d.key(i - 1)) || GIVING.contains(&d.key(i - 1)))
        && !d.toks.get(i + 1).is_some_and(|t| {
            t.gap == Gap::Space && {
                let f = d.f(i + 1);
                f.title || f.head || f.term.is_some() || f.modifier
            }
        })
    {
        return true;
    }
    match d.toks.get(i + 1) {
        Some(t) if t.gap == Gap::Space => {
            crate::vocab::is_stop(&t.key) || !t.is_alpha() || t.key.len() < 2
        }
        _ => true,
    }
}

/// Verbs of giving, showing and helping, whose object is a person too (besides the verbs of
/// telling, [`crate::people::TOLD`]): after one, `US` is the pronoun.
const GIVING: &[&str] = &[
    "GAVE",
    "GIVE",
    "GIVES",
    "GIVEN",
    "GIVING",
    "TELLS",
    "LET",
    "SHOWED",
    "SHOW",
    "SENT",
    "ASKED",
    "ASK",
    "INVITED",
    "HELP",
    "HELPED",
    "CONTACTED",
    "JOIN",
    "JOINED",
    "PROVIDE",
    "PROVIDED",
];

/// `Government of Bolivia; Government of Brazil` → `Bolivia` when there is one reading.
fn government_of(expansion: &str) -> Option<&str> {
    if expansion.contains(';') || expansion.contains(" also ") {
        return None;
    }
    let rest = expansion.strip_prefix("Government of ")?;
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    Some(rest.split([',', '(']).next().unwrap_or(rest).trim())
}

#[cfg(test)]
mod tests {
    use crate::testing::{one, seen};
    use crate::Kind;

    // 1973LAPAZ03608 (cables-ner dev)
    const LAPAZ: &str = "THE COMMISSION ALSO NOTED THAT IT BELIEVES THERE ARE APPROXIMATELY 400 POLITICAL PRISONERS IN THE COUNTRY.\n\n3. COMMENT: THE WOMEN' S ACTION HAS OBVIOUSLY GIVEN THE GOB THE IMPULSE IT NEEDED. NEVERTHELESS, BOLIVIAN JUDICIARY PROCESSES GRIND SLOWLY.";

    #[test]
    fn demonyms_and_nominal_mentions_are_the_country() {
        let all = seen(LAPAZ, None);
        let b = one(&all, "BOLIVIAN");
        assert_eq!((b.0, b.2.as_deref()), (Kind::Country, Some("Bolivia")));
        // `THE COUNTRY` is the country the cable speaks of (the annotators' reading)
        assert_eq!(b.4, ["THE COUNTRY", "BOLIVIAN"]);
        // `GOB` has two readings in the FRUS list (Bolivia, Brazil): no canonical
        let g = one(&all, "GOB");
        assert_eq!((g.0, g.2), (Kind::Country, None));
    }

    #[test]
    fn a_cables_government_alone_is_the_state() {
        // cables-ner 1974TEGUCI03372, 1977SANA04097
        let all = seen("HONDURAN SUGAR PRODUCERS AND GOVERNMENT INTEREST IN MAINTAINING QUOTA. EFFORTS TO BRING LIKUD INTO GOVERNMENT. THE GOVERNMENT OF KENYA AGREED.", None);
        let nominal: Vec<_> = all
            .iter()
            .filter(|s| s.4.iter().any(|m| m == "GOVERNMENT"))
            .collect();
        assert!(!nominal.is_empty(), "{all:?}");
        // no one state: `OTHER COUNTRIES`, `THE HOST COUNTRY` (1977USUNN05653)
        let all = seen(
            "THE SOVIET UNION AND OTHER COUNTRIES ABSTAINED. THE HOST COUNTRY OBJECTED.",
            None,
        );
        assert!(
            all.iter().flat_map(|s| &s.4).all(|m| !m.contains("COUNTR")),
            "{all:?}"
        );
    }

    #[test]
    fn towns_listed_with_known_towns_and_governments_that_are_words() {
        // cables-ner 1977STOCKH00147: two towns the gazetteer lacks in a list with two it has
        let all = seen(
            "THE FIRM HAS AGENTS IN MALMO, GOTEBORG, FALUN, OREBRO AND OTHER PLACES IN SWEDEN.",
            None,
        );
        for town in ["GOTEBORG", "FALUN"] {
            assert_eq!(one(&all, town).0, Kind::Place, "{town}");
        }
        assert!(all.iter().all(|s| s.1 != "OTHER"), "{all:?}");
        // one known town is no list of towns; nor is the Latin of a list of states
        let all = seen(
            "VISITS TO BANGKOK, UTAPAO, AND BORDER AREAS. FRANCE, INTER ALIA, AND ITALY, SPAIN",
            None,
        );
        assert!(
            all.iter().all(|s| s.1 != "UTAPAO" && s.1 != "ALIA"),
            "{all:?}"
        );
        // 1977PRETOR06868: SAG, the South African Government, is a word too
        let all = seen(
            "WE BELIEVED IT IMPORTANT FOR THE SAG TO HAVE OUR VIEWS",
            None,
        );
        assert_eq!(one(&all, "SAG").0, Kind::Country);
        // adjectives of states and regions the country list lacks (1976STATE293158,
        // 1975THEHA01744)
        let all = seen(
            "THE PHILIPPINE DELEGATION AND THE ALASKAN MARINE SYSTEMS",
            None,
        );
        assert_eq!(one(&all, "PHILIPPINE").2.as_deref(), Some("Philippines"));
        assert_eq!(one(&all, "ALASKAN").2.as_deref(), Some("Alaska"));
    }

    #[test]
    fn countries_one_letter_off() {
        // cables-ner 1976DAMASC06820, 1976STATE013369, 1974USUNN00675; JFK 104-10071-10252
        let all = seen(
            "SARRAJ WENT TO LEABNON TO REACTIVATE HIS NETWORK. LEBANON IS QUIET. CREECE - NO \
             REPRESENTATION. INCLUDE HERSELF, SENEGELESE, AND US. CABLES TO HEXICO CITY.",
            None,
        );
        let l = one(&all, "LEBANON");
        assert_eq!(
            (l.2.as_deref(), l.4.clone()),
            (
                Some("Lebanon"),
                vec!["LEABNON".to_string(), "LEBANON".to_string()]
            )
        );
        for (bent, country) in [
            ("CREECE", "Greece"),
            ("SENEGELESE", "Senegal"),
            ("HEXICO", "Mexico"),
        ] {
            assert_eq!(one(&all, bent).2.as_deref(), Some(country), "{bent}");
        }
        // a word bent (BELIEVE, NORMAL), and a name of its own, are no country
        let all = seen(
            "MANY DAMASCENES BELIVE TENSIONS HIGH. NORWAL PROCEDURES. COLUMBIA UNIVERSITY.",
            None,
        );
        assert!(all.iter().all(|s| s.0 != Kind::Country), "{all:?}");
    }

    #[test]
    fn a_compass_point_with_its_article_is_a_region() {
        // cables-ner 1979KAMPAL00452, 1974STATE143507
        let all = seen("INSURGENT ACTIVITY HAS INCREASED IN THE NORTH, OFFICIALS SAY. RELATIONS WITH THE WEST ARE GOOD. THE NORTH ATLANTIC COUNCIL MET. HE WENT NORTH.", None);
        assert_eq!(one(&all, "THE NORTH").0, Kind::Place);
        assert_eq!(one(&all, "THE WEST").0, Kind::Place);
        assert!(all.iter().all(|s| s.1 != "NORTH"), "{all:?}");
    }

    #[test]
    fn a_city_with_its_state() {
        // 1978STATE048231, 1978STATE116253: one mention; the name stays the city's
        let all = seen(
            "SEMINAR AT KNOXVILLE, TENN. IN MAY. THE FAA AT ATLANTA GA REQUESTS. IN LONDON, IN \
             MAY.",
            None,
        );
        assert_eq!(one(&all, "KNOXVILLE").4, ["KNOXVILLE, TENN"]);
        assert_eq!(one(&all, "ATLANTA").4, ["ATLANTA GA"]);
        assert_eq!(one(&all, "LONDON").4, ["LONDON"]);
    }

    #[test]
    fn named_features() {
        // 1978ATHENS04229, 1979CAIRO19372, 1975BONN00621, 1977STATE208258, 1979KAMPAL00452
        let all = seen(
            "THE CONTINENTAL SHELF OF THE IONIAN SEA. DRILLING IN THE GULF OF SUEZ. \
             ARRIVED AT COLOGNE AIRPORT. THE STRAIT OF JUAN DE FUCA. NEAR RUWENZORI \
             NATIONAL PARK. SHIPS IN THE INDIAN OCEAN. A STATE OF EMERGENCY.",
            None,
        );
        for place in [
            "IONIAN SEA",
            "GULF OF SUEZ",
            "COLOGNE AIRPORT",
            "STRAIT OF JUAN DE FUCA",
            "RUWENZORI NATIONAL PARK",
        ] {
            assert_eq!(one(&all, place).0, Kind::Place, "{place}");
        }
        // the place it is named by is a mention too; a people's name is not
        assert_eq!(one(&all, "COLOGNE").4, ["COLOGNE"]);
        assert_eq!(one(&all, "INDIAN OCEAN").0, Kind::Place);
        assert!(all.iter().all(|s| s.1 != "INDIAN"), "{all:?}");
        assert!(all.iter().all(|s| !s.1.contains("EMERGENCY")), "{all:?}");
    }

    #[test]
    fn cold_war_demonyms() {
        // 1977PRETOR06868, 1977KINSHA11101, 1978VIENTI00109
        let all = seen(
            "THE RHODESIAN SECURITY FORCES AND ZAIRIAN TROOPS MET THE LAO.",
            None,
        );
        assert_eq!(one(&all, "RHODESIAN").2.as_deref(), Some("Zimbabwe"));
        assert_eq!(one(&all, "ZAIRIAN").2.as_deref(), Some("DR Congo"));
        assert_eq!(one(&all, "LAO").2.as_deref(), Some("Laos"));
        // old names of places and big cities whose names are words (1978STATE048231,
        // 1974PEKING00626, 1978USUNN00467, 1977PEKING00781); countries listed with slashes
        // (1975USUNN03826), not an office symbol
        let all = seen(
            "1977 (KIEV). FLIGHTS TO CANTON. BYELORUSSIA VOTED. THE SHANGHAI COMMUNIQUE. \
             CANDIDATES ARE: ROMANIA, INDIA/PAKISTAN/PHILIPPINES, PANAMA. EAP/CM CLEARED.",
            None,
        );
        assert_eq!(one(&all, "KIEV").2.as_deref(), Some("Kyiv"));
        assert_eq!(one(&all, "CANTON").2.as_deref(), Some("Guangzhou"));
        assert_eq!(one(&all, "BYELORUSSIA").2.as_deref(), Some("Belarus"));
        assert_eq!(one(&all, "SHANGHAI").0, Kind::Place);
        for country in ["INDIA", "PAKISTAN", "PHILIPPINES"] {
            assert_eq!(one(&all, country).0, Kind::Country);
        }
        assert_eq!(one(&all, "EAP/CM").0, Kind::Office);
        // a two-word name written with a hyphen (1975STATE105676)
        let all = seen("THOSE DESIRING TO RETURN TO VIET-NAM. END SUMMARY", None);
        assert_eq!(one(&all, "VIET-NAM").2.as_deref(), Some("Vietnam"));
    }

    #[test]
    fn us_is_a_pronoun_unless_a_noun_follows() {
        // sample telegrams (cables-ner): the pronoun, then the country twice
        let text = "AMB BAZAN AND HIS ADVISOR, HOLGER, HAVE BOTH TOLD US THAT THE TEXT WOULD BE ACCEPTABLE.\n\n\
                    3. US DEL HAS GIVEN A COPY OF ABOVE TEXT. IMPROPER GRANT OF RIGHTS TO U. S. LINES IN NEGOTIATIONS.";
        let all = seen(text, None);
        let us = one(&all, "US");
        assert_eq!(us.2.as_deref(), Some("United States"));
        assert_eq!(us.4, ["US", "U. S"]);
        let first = text.find("US DEL").unwrap();
        let countries = crate::find(text, None)
            .into_iter()
            .filter(|f| f.kind == Kind::Country);
        assert!(
            countries.flat_map(|f| f.mentions).all(|m| m.0 >= first),
            "TOLD US is no place"
        );
        // 1977USUNN00684, 1978STATE300315: listed with other countries, or a verb's subject
        let us_found = |t: &str| seen(t, None).iter().any(|s| s.1 == "US");
        assert!(us_found("FYI: US, UK AND USSR ABSTAINED."));
        assert!(us_found(
            "IT WAS SPONSORED BY UK AND US, BUT WITH AN EXPLANATION."
        ));
        assert!(us_found("4. US SAID ARGUMENT FOR ANNEXING WAS WEAK."));
        // 1977STATE075309: after a preposition the object still
        assert!(!us_found("QUESTION FOR US IS, HAVE SYRIANS DECIDED."));
        // 1976STATE218654, 1979USUNN04958: a verb of giving or telling's object; but
        // 1979USUNN02993: the country's representative after one
        assert!(!us_found(
            "SOVIET OFFICIAL GAVE US FURTHER DETAILS ON STATUS OF TALKS."
        ));
        assert!(!us_found("SO LET US GET TO THE BUSINESS AT HAND."));
        assert!(us_found(
            "MENDELEVICH (USSR) TOLD US REP THAT TEXT IS NOT ACCEPTABLE."
        ));
    }

    #[test]
    fn a_text_may_open_with_any_head() {
        // (each head as the first word: no word before it to look at)
        for text in [
            "COUNTRIES",
            "GOVERNMENTS ARE",
            "GOVERNMENT",
            "HERE IS",
            "AREA",
            "DEL",
        ] {
            let _ = seen(text, None);
        }
    }

    #[test]
    fn states_in_general_are_no_state() {
        let nominals =
            |t: &str| -> Vec<String> { seen(t, None).into_iter().flat_map(|s| s.4).collect() };
        // 1975CARACA09559, 1977ANKARA04748 (cables-ner): no state in particular
        assert!(nominals(
            "ONE DISTINGUISHED WRITER FROM EACH OF THE COUNTRIES SCHEDULED TO PARTICIPATE."
        )
        .is_empty());
        let cankaya = nominals("IN THE SHORTEST POSSIBLE TIME, THE GOVERNMENTS OF CANKAYA");
        assert!(
            !cankaya.iter().any(|m| m.contains("GOVERNMENTS")),
            "{cankaya:?}"
        );
        // a government, not the government (1976BEIRUT04055, 1979SEOUL08599, 1978KHARTO02715,
        // 1975ROME01196)
        for text in [
            "SUFFICIENT SECURITY FOR A GOVERNMENT TO BE FORMED AND THE COUNTRY REBUILT.",
            "MORE CONTACT WITH PYONGYANG THAN WITH ALMOST ANY GOVERNMENT IN THE WORLD.",
            "OPPORTUNITY TO LAMBASTE VARIOUS GOVERNMENT PROGRAMS.",
            "THE PRG CANNOT BE GIVEN TREATMENT AS A GOVERNMENT, AS IT HAS NONE OF THE ATTRIBUTES.",
        ] {
            let all = nominals(text);
            assert!(!all.iter().any(|m| m == "GOVERNMENT"), "{text}: {all:?}");
        }
        // 1974STATE143507 (`BOTH COUNTRIES`, annotated) and the ambassadors' own governments
        // (1977GENEVA01270)
        assert_eq!(
            nominals("BENEFICIAL FOR THE SECURITY OF BOTH COUNTRIES, HAS STRENGTHENED THE TIES."),
            ["BOTH COUNTRIES"]
        );
        assert_eq!(
            nominals("BOTH SAID THEIR GOVERNMENTS DID NOT WISH REACH FINAL CONCLUSIONS."),
            ["THEIR GOVERNMENTS"]
        );
    }

    #[test]
    fn a_peoples_states_as_a_bloc_are_one_place() {
        // 1976STATE218654, 1978STOCKH00531, 1975KUWAIT00760, 1977MOSCOW14954 (cables-ner)
        let all = seen(
            "THE FACT THEY ARE DISCUSSING MATTER WITH WESTERN POWERS SHOWS THAT THEY PROBABLY \
             ARE DECIDED. SWEDES NOTED SWAPO AVERSION TO USE OF PROXIES ACTING ON BEHALF OF \
             WESTERN FIVE. A USEFUL VEHICLE TO GET JORDAN'S VIEWS TO ARAB WORLD. NORMALIZATION \
             OF RELATIONS AMONG SOUTH ASIAN NATIONS.",
            None,
        );
        for bloc in [
            "WESTERN POWERS",
            "WESTERN FIVE",
            "ARAB WORLD",
            "ASIAN NATIONS",
        ] {
            let b = one(&all, bloc);
            assert_eq!(
                (b.0, b.2.as_deref(), &b.4[..]),
                (Kind::Place, None, &[bloc.to_string()][..])
            );
        }
        // neither the people nor a body: no `WESTERN`, `ARAB` country, no organization
        assert!(all
            .iter()
            .all(|s| !matches!(s.1.as_str(), "WESTERN" | "ARAB" | "ASIAN")));
        assert!(
            all.iter()
                .all(|s| s.0 != Kind::Organization || s.1 == "SWAPO"),
            "{all:?}"
        );
    }

    #[test]
    fn a_compass_adjective_and_a_place_are_one_place() {
        // 1977TAIPEI05268 (cables-ner dev)
        let all = seen(
            "PEACE AND STABILITY IN NORTHEAST ASIA AND THE WESTERN PACIFIC . IT IS HOPED THAT",
            None,
        );
        let w = one(&all, "WESTERN PACIFIC");
        assert_eq!(
            (w.0, &w.4[..]),
            (Kind::Place, &["WESTERN PACIFIC".to_string()][..])
        );
        assert!(
            all.iter().all(|s| s.1 != "WESTERN" && s.1 != "PACIFIC"),
            "{all:?}"
        );
    }

    #[test]
    fn a_regions_area_and_its_compass_part_are_the_region() {
        // 1974STATE143507, 1979USUNN02993 (cables-ner): annotated whole
        let all = seen(
            "THEIR OWN SECURITY AND THAT OF THE ATLANTIC AREA, THUS HELPING. EXISTING \
             ARRANGEMENTS FOR THE DEFENSE OF THE NORTH ATLANTIC AREA INCLUDING THE \
             MEDITERRANEAN. FORCES MIGHT BE USED TO THREATEN STATES IN THE INDIAN OCEAN REGION.",
            None,
        );
        assert_eq!(
            one(&all, "ATLANTIC").4,
            ["ATLANTIC AREA", "NORTH ATLANTIC AREA"]
        );
        assert_eq!(one(&all, "INDIAN OCEAN").4, ["INDIAN OCEAN REGION"]);
        // 1976DAMASC06820: a city's area is the city, as annotated
        let all = seen("ARMS FLOWING INTO ALEPPO AREA IN PREPARATION FOR", None);
        assert_eq!(one(&all, "ALEPPO").4, ["ALEPPO"]);
    }

    #[test]
    fn here_is_the_host_country_unless_it_points_at_people() {
        let here = |t: &str| {
            seen(t, None)
                .iter()
                .flat_map(|s| s.4.clone())
                .filter(|m| m == "HERE")
                .count()
        };
        // 1974CANBER01895, 1977SANA04097: the country the cable is sent from
        assert_eq!(
            here(
                "GARCIA HAS BEEN GIVEN WIDESPREAD PUBLICITY HERE, WITH A GOOD DEAL OF DISTORTION."
            ),
            1
        );
        assert_eq!(
            here("THE ABILITY OF SOUTH YEMEN TO EXPLOIT INSTABILITY HERE AND THERE HAVE BEEN"),
            1
        );
        // 1973OSLO01967, 1977USUNN05653, 1979USUNN04958, 1977JOHANN01364: the diplomats at
        // the post, someone's presence, a presentation
        for text in [
            "OUR BRITISH COLLEAGUES HERE TELL US THAT THE DEMARCHE WAS MADE.",
            "THE BRITISH HERE DO NOT, OF COURSE, KNOW HOW LONG.",
            "ON SEVERAL OCCASIONS MEXICAN REPRESENTATIVES HERE HAVE ASKED US TO PUT FORWARD",
            "I WILL BE BRIEF. FOR WE ARE HERE, TODAY, TO ACT.",
            "NEWSPAPERS CARRIED THE ITEM. QUOTE HERE ARE THE STORIES THE PRESS HAS NOT TOLD.",
        ] {
            assert_eq!(here(text), 0, "{text}");
        }
    }

    #[test]
    fn a_government_abbreviated_as_a_word_or_the_verb() {
        // 1979ANKARA00334: a government; 1974CANBER01895, 1976STATE293158: the verb (the
        // LAPAZ text's `GIVEN THE GOB THE IMPULSE` is the government, an object)
        let all = seen(
            "PRIME MINISTER MENTIONED THAT GOT HAD ENCOURAGED THEM.",
            None,
        );
        assert_eq!(one(&all, "GOT").0, Kind::Country);
        for text in [
            "THE PAPER SAID THAT THE FACT THEY GOT TOGETHER DESPITE THEIR RIVALRY",
            "INDEED, THIS DRAFT GOES CONSIDERABLY BEYOND THE OCTOBER TEXT.",
            "IT GOES WITHOUT SAYING THAT THIS WOULD",
            // 1976STATE012708, 1979GUATEM04071: its object's determiner after it
            "FOR ONE WEEK IF ICELAND AGREES TO COMPROMISE BUT GOT NO RESPONSE.",
            "HOWEVER, I VERY MUCH GOT THE FEELING HE EXPECTS THE US TO",
        ] {
            let all = seen(text, None);
            assert!(all.iter().all(|s| s.1 != "GOT" && s.1 != "GOES"), "{all:?}");
        }
    }

    #[test]
    fn a_countrys_full_name_in_small_letters() {
        // seed 004 and JFK 104-10534-10102 (the apostrophe lost): `of` joins the name as it
        // does in capitals, and `Peoples` is the People's Republic, not a word before the
        // Republic of China (Taiwan)
        let text = "Foreign Minister Qian Qichen of the People's Republic of China. We are\n\n\
                    by order of the government of\nthe Peoples Republic of China. Lee H Oswald";
        let all = seen(text, None);
        let prc = one(&all, "People's Republic of China");
        assert_eq!(prc.2.as_deref(), Some("China"));
        assert_eq!(
            prc.4,
            vec!["People's Republic of China", "Peoples Republic of China"]
        );
        assert!(
            all.iter().all(|e| e.2.as_deref() != Some("Taiwan")),
            "{all:?}"
        );
        // made up: the two Koreas apart in small letters, as in capitals
        let all = seen(
            "Delegations of the Republic of Korea and the Democratic People's Republic of Korea met.",
            None,
        );
        assert_eq!(
            one(&all, "Republic of Korea").2.as_deref(),
            Some("South Korea")
        );
        assert_eq!(
            one(&all, "Democratic People's Republic of Korea")
                .2
                .as_deref(),
            Some("North Korea")
        );
    }

    #[test]
    fn cold_war_states_by_their_official_names() {
        // Made up (no dev text spells these out): the states of the period by their official
        // names, in capitals and in small letters
        let text = "TALKS BETWEEN THE FEDERAL REPUBLIC OF GERMANY AND THE GERMAN DEMOCRATIC REPUBLIC.

                    The Union of Soviet Socialist Republics, the Republic of Vietnam and the                     Democratic Republic of Vietnam, the Khmer Republic and the United Arab Republic.\n\n\
                    THE YEMEN ARAB REPUBLIC, THE PEOPLES DEMOCRATIC REPUBLIC OF \
                    YEMEN AND NORTHERN RHODESIA.";
        let all = seen(text, Some(1972));
        for (name, canonical) in [
            ("FEDERAL REPUBLIC OF GERMANY", "West Germany"),
            ("GERMAN DEMOCRATIC REPUBLIC", "East Germany"),
            ("Union of Soviet Socialist Republics", "Soviet Union"),
            ("Republic of Vietnam", "South Vietnam"),
            ("Democratic Republic of Vietnam", "North Vietnam"),
            ("Khmer Republic", "Cambodia"),
            ("United Arab Republic", "Egypt"),
            ("YEMEN ARAB REPUBLIC", "North Yemen"),
            ("PEOPLES DEMOCRATIC REPUBLIC OF YEMEN", "South Yemen"),
            ("NORTHERN RHODESIA", "Zambia"),
        ] {
            assert_eq!(one(&all, name).2.as_deref(), Some(canonical), "{name}");
        }
        // JFK 104-10186-10180: British Guiana was read as the British and French Guiana
        let all = seen(
            "1. \"JORGE\" is an apprentice on the British Guiana desk",
            Some(1963),
        );
        assert_eq!(one(&all, "British Guiana").2.as_deref(), Some("Guyana"));
        assert!(
            all.iter().all(|e| e.2.as_deref() != Some("French Guiana")),
            "{all:?}"
        );
        // (one entity a country: the Khmer Republic above is Cambodia too)
        let all = seen("TROOPS OF DEMOCRATIC KAMPUCHEA CROSSED.", Some(1978));
        assert_eq!(
            one(&all, "DEMOCRATIC KAMPUCHEA").2.as_deref(),
            Some("Cambodia")
        );
    }

    #[test]
    fn old_names_and_governments() {
        // sample telegrams: snippets of four
        let text = "ESPECIALLY SINCE THE TIME WHEN PEKING HAD EXERTED PRESSURES ON ALBANIA.\n\n\
                    BE RESOLVED ONLY THROUGH CENTRALLY MADE SOVIET GOVT DECISION.\n\n\
                    BUT THE FRG DISARMAMENT COMMISSIONER HAS SAID SO.\n\n\
                    CONCERN COULD BE ALLAYED, SWEDES BELIEVE, BY ASSURING";
        let all = seen(text, None);
        assert_eq!(one(&all, "PEKING").2.as_deref(), Some("Beijing"));
        let soviet = one(&all, "SOVIET");
        assert_eq!(
            (soviet.2.as_deref(), soviet.4),
            (Some("Soviet Union"), vec!["SOVIET GOVT".to_string()])
        );
        assert_eq!(one(&all, "FRG").2.as_deref(), Some("West Germany"));
        assert_eq!(one(&all, "SWEDES").2.as_deref(), Some("Sweden"));
    }

    #[test]
    fn governments_authorities_and_borders() {
        // cables-ner 1978VIENNA09707, 1979KAMPAL00452, 1977ANKARA04748, 1978STATE285181
        let text = "I HAVE DETERMINED THAT THE EQUIPMENT THUS OFFERED BY THE U.S. GOVERNMENT CAN \
                    READILY BE USED. SOLDIERS ALONG THE ZAIRE BORDER IN SOUTHWEST UGANDA. THE \
                    ECEVIT GOVERNMENT WILL FACE A VOTE. ECEVIT SAID SO. THE POLISH AUTHORITIES \
                    AGREED. THE NEW GOVERNMENT IS WEAK.";
        let all = seen(text, Some(1977));
        let us = one(&all, "U.S");
        assert!(us.4.contains(&"U.S. GOVERNMENT".to_string()), "{us:?}");
        assert_eq!(one(&all, "ZAIRE").4, ["ZAIRE BORDER"]);
        assert_eq!(one(&all, "POLISH").4, ["POLISH AUTHORITIES"]);
        // the state under its leader is a mention of a country; the leader stays a person
        let mentions: Vec<&String> = all.iter().flat_map(|e| &e.4).collect();
        assert!(
            mentions.contains(&&"ECEVIT GOVERNMENT".to_string()),
            "{all:#?}"
        );
        assert!(
            mentions.contains(&&"NEW GOVERNMENT".to_string())
                || mentions.contains(&&"THE NEW GOVERNMENT".to_string()),
            "{all:#?}"
        );
        assert_eq!(one(&all, "ECEVIT").0, Kind::Person);
        // 1977STATE051361 (dev): the administration is the state's
        let all = seen(
            "ON SEABED MINING LEGISLATION, I DIRECT THAT THE ADMINISTRATION WILL: WORK WITH CONGRESS",
            Some(1977),
        );
        let mentions: Vec<&String> = all.iter().flat_map(|e| &e.4).collect();
        assert!(
            mentions.contains(&&"THE ADMINISTRATION".to_string()),
            "{all:#?}"
        );
    }
}
