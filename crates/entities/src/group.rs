//! From mentions to entities: overlaps settled, co-reference within the document (`PRESIDENT
//! BANZER` … `BANZER` … `THE PRESIDENT`; `LIU HUAQIU` … `LIU`), nominal governments given to
//! the country the document is about, and people linked to the authority by name and date.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;

use crate::places::NOMINAL;
use crate::{Doc, Found, Kind, Mention};

pub fn group(d: &Doc, mut ms: Vec<Mention>) -> Vec<Found> {
    roles_in_bodies(d, &mut ms);
    settle_overlaps(d, &mut ms);
    widen_to_members(d, &mut ms);
    widen_titled(d, &mut ms);
    corefer_people(d, &mut ms);
    let mut groups: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
    for m in ms {
        groups.entry(m.group.clone()).or_default().push(m);
    }
    split_namesakes(d, &mut groups);
    merge_titles(&mut groups);
    merge_given_first(d, &mut groups);
    merge_nominal(&mut groups);
    let mut out: Vec<Found> = groups.into_values().filter_map(|g| found(d, g)).collect();
    out.sort_by_key(|f| (f.mentions.first().copied(), f.kind));
    out
}

/// Words before a role's title that belong to its mention: the article, `EX`, `ACTING`,
/// `SUPREME` and the words that say which holder (`FORMER`, `OUTGOING`).
fn role_opener(k: &str) -> bool {
    matches!(k, "THE" | "EX" | "ACTING" | "SUPREME") || HOLDER_WORDS.contains(&k)
}

/// A title held in a body or a country that is named after it (`SUPREME COMMANDER OF NATO`,
/// `PRESIDENT OF THE GENERAL ASSEMBLY`, `AMB TO THE UN`) stands for its holder: a role
/// mention running to the body's end, as a reader (and the annotators) quote it. The body
/// stays a mention of its own; a title a rule already read as a person's is left to it.
fn roles_in_bodies(d: &Doc, ms: &mut Vec<Mention>) {
    let mut people: Option<Vec<bool>> = None;
    let mut roles = Vec::new();
    let mut widen: Vec<(usize, usize)> = Vec::new();
    for m in ms.iter().filter(|m| m.kind != Kind::Person) {
        let mut p = m.toks.start;
        if p > 0 && d.key(p - 1) == "THE" && d.joined(p - 1, p + 1) {
            p -= 1;
        }
        if p < 2 || !matches!(d.key(p - 1), "OF" | "FOR" | "TO") || !d.joined(p - 2, p + 1) {
            continue;
        }
        let of = p - 1;
        // a named body: not a common noun alone (`SECRETARY OF THE COMMITTEE` may be anyone's)
        let named = m.toks.start + usize::from(d.key(m.toks.start) == "THE");
        if m.toks.end - named <= 1 && d.is_word(m.toks.end - 1) {
            continue;
        }
        // a people's word needs the noun the page or the line cut off (`First Secretary of
        // the Cuban` / ... / `Embassy`)
        if matches!(
            d.a.places.get(d.key(m.toks.end - 1)),
            Some((crate::authority::PlaceKind::Demonym, _))
        ) {
            continue;
        }
        // the body ends the phrase: not a people's word before the body's own name (`CHIEF OF
        // THE TURKISH GENERAL STAFF`, `COUNSELOR OF TANZANIA EMBASSY`)
        let e = m.toks.end;
        let runs_on = d.toks.get(e).is_some_and(|t| {
            t.gap == crate::tokens::Gap::Space
                && d.cap(e)
                && t.is_alpha()
                && !d.f(e).stop
                && !crate::people::is_verb(&t.key)
        });
        if runs_on {
            continue;
        }
        let Some(t) = crate::people::title_before(d, of) else {
            continue;
        };
        let people = people.get_or_insert_with(|| {
            crate::covered(d.toks.len(), ms.iter().filter(|m| m.kind == Kind::Person))
        });
        if people[t..m.toks.end].iter().any(|&c| c) {
            // a bare title read already (`THE CHAIRMAN`) runs on over the body it heads
            if !people[of..m.toks.end].iter().any(|&c| c) {
                widen.push((of, m.toks.end));
            }
            continue;
        }
        let mut start = t;
        // (`EX-PRESIDENT` as the OCR or the line end split it: `EX- PRESIDENT`)
        let ex = |k: usize| {
            d.key(k - 1) == "EX" && d.text[d.toks[k - 1].end..d.toks[k].start].trim() == "-"
        };
        while start > 0
            && (d.joined(start - 1, start + 1) && role_opener(d.key(start - 1)) || ex(start))
        {
            start -= 1;
        }
        // a post someone is named to or serves in is no one yet (`NAMED HEAD OF THREE-MAN
        // COMMITTEE`, `WHO WILL BE MADE PRESIDENT OF ZIMBABWE`)
        if start == t
            && start > 0
            && matches!(
                d.key(start - 1),
                "NAMED" | "MADE" | "APPOINTED" | "ELECTED" | "BE" | "BECOME" | "BECOMES" | "BECAME"
            )
        {
            continue;
        }
        let title = d.phrase(t, of);
        let mut r = crate::people::mention_at(d, t);
        r.toks = start..m.toks.end;
        r.name = t..of;
        r.strong = false;
        r.group = format!(
            "PERSON:@{title} {} {}",
            d.key(of),
            d.phrase(m.toks.start, m.toks.end)
        );
        // (a body's acronym stays in capitals: `Supreme Commander of NATO`)
        let body = d.phrase(m.toks.start, m.toks.end);
        let body = if !d.upper {
            d.text_of(&m.toks)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        } else if m.toks.len() == 1 && body.len() <= 5 {
            body
        } else {
            title_case(&body)
        };
        r.label = Some(format!(
            "{} {} {body}",
            title_case(&d.phrase(start, of)),
            d.key(of).to_ascii_lowercase()
        ));
        r.title = Some(title);
        roles.push(r);
    }
    if !widen.is_empty() {
        // (bare titles by where they end: one lookup each, not a walk over every mention)
        let bare: HashMap<usize, usize> = ms
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == Kind::Person && m.group.starts_with("PERSON:@"))
            .map(|(i, m)| (m.toks.end, i))
            .collect();
        for (of, end) in widen {
            if let Some(&i) = bare.get(&of) {
                ms[i].toks.end = end;
            }
        }
    }
    ms.extend(roles);
}

/// A place or organization inside a person's name (`PRESIDENT JORDAN`, `ROGERS`) is the
/// name; a weak person guess under an organization or place gives way.
fn settle_overlaps(d: &Doc, ms: &mut Vec<Mention>) {
    // a people in the plural is no one's name (`SWEDES NOTED`, `ISRAELIS SAID`): the
    // country's mention of the word stays, the person guess goes before anything is weighed
    let peoples: HashSet<usize> = ms
        .iter()
        .filter(|m| m.kind == Kind::Country && m.toks.len() == 1)
        .map(|m| m.toks.start)
        .filter(|&i| crate::places::plural_demonym(d, d.key(i)).is_some())
        .collect();
    if !peoples.is_empty() {
        ms.retain(|m| {
            !(m.kind == Kind::Person && m.toks.len() == 1 && peoples.contains(&m.toks.start))
        });
    }
    // a name run on into a place's name of two words or more ends where the place begins
    // (`Foreign Minister Qian Qichen Peoples Republic of China`, an address on one line)
    let mut place_starts: Vec<usize> = ms
        .iter()
        .filter(|m| matches!(m.kind, Kind::Country | Kind::Place) && m.name.len() > 1)
        .map(|m| m.name.start)
        .collect();
    place_starts.sort_unstable();
    for m in ms.iter_mut().filter(|m| m.kind == Kind::Person) {
        let first = place_starts.partition_point(|&s| s <= m.name.start);
        let Some(&cut) = place_starts.get(first).filter(|&&s| s < m.name.end) else {
            continue;
        };
        if m.toks.end == m.name.end {
            m.toks.end = cut;
        }
        m.name.end = cut;
        m.group = format!("PERSON:{}", d.key(cut - 1));
    }
    let strong_people = Intervals::new(
        ms.iter()
            .filter(|m| m.kind == Kind::Person && m.strong)
            .map(|m| m.name.clone()),
    );
    // (by their names: `ECEVIT` in `ECEVIT GOVERNMENT`, a place named by its head, stays)
    let others = Intervals::new(
        ms.iter()
            .filter(|m| m.kind != Kind::Person)
            .map(|m| m.name.clone()),
    );
    // (a place's name of two words or more holds no one-word person: `ZEALAND AGREED` in
    // `US-NEW ZEALAND AGREED MINUTE`; the leader in `ECEVIT GOVERNMENT` is not the name; nor
    // any person, when a feature's name holds it: `THE STRAIT OF JUAN DE FUCA`)
    let long_places = Intervals::new(
        ms.iter()
            .filter(|m| matches!(m.kind, Kind::Country | Kind::Place) && m.name.len() > 1)
            .map(|m| m.name.clone()),
    );
    let features = Intervals::new(
        ms.iter()
            .filter(|m| m.kind == Kind::Place && m.name.len() > 2 && d.f(m.name.start).feature)
            .map(|m| m.name.clone()),
    );
    ms.retain(|m| match m.kind {
        Kind::Person if m.toks.len() == 1 && long_places.contains(&m.toks) => false,
        Kind::Person if features.contains(&m.toks) => false,
        Kind::Person if !m.strong && m.name != m.toks => true,
        Kind::Person if !m.strong => !others.overlaps(&m.toks),
        Kind::Person => true,
        _ => !strong_people.contains(&m.toks),
    });
}

/// Token ranges sorted by start, with the furthest end reached so far: whether one of them
/// holds or overlaps a range is a binary search, not a walk over all of them (a long file
/// has thousands of mentions).
struct Intervals {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Intervals {
    fn new(ranges: impl Iterator<Item = std::ops::Range<usize>>) -> Intervals {
        let mut rs: Vec<(usize, usize)> = ranges.map(|r| (r.start, r.end)).collect();
        rs.sort_unstable();
        let starts = rs.iter().map(|r| r.0).collect();
        let max_end = rs
            .iter()
            .scan(0, |m, r| {
                *m = (*m).max(r.1);
                Some(*m)
            })
            .collect();
        Intervals { starts, max_end }
    }
    /// The furthest end of the ranges starting before `bound`.
    fn end_before(&self, bound: usize) -> Option<usize> {
        let n = self.starts.partition_point(|&s| s < bound);
        n.checked_sub(1).map(|i| self.max_end[i])
    }
    /// Some range holds all of `a`.
    fn contains(&self, a: &std::ops::Range<usize>) -> bool {
        self.end_before(a.start + 1).is_some_and(|e| e >= a.end)
    }
    /// Some range shares a token with `a`.
    fn overlaps(&self, a: &std::ops::Range<usize>) -> bool {
        self.end_before(a.end).is_some_and(|e| e > a.start)
    }
}

/// Nouns for a body's or a country's people that annotators, and readers, take with its name:
/// `MFA OFFICIALS`, `PLO LEADERS`, `US OFFICIALS` (`STAFF`, `MEMBERS` go either way).
pub(crate) const MEMBER_NOUNS: &[&str] = &[
    "OFFICIALS",
    "LEADERS",
    "LEADERSHIP",
    "PERSONNEL",
    "REPS",
    "REPRESENTATIVES",
    "EMPLOYEES",
];

/// An organization's or country's mention takes in the noun for its people after it; the
/// name stays the body's (`MFA`).
fn widen_to_members(d: &Doc, ms: &mut [Mention]) {
    let taken = crate::covered(d.toks.len(), ms.iter().filter(|m| m.kind == Kind::Person));
    for m in ms.iter_mut().filter(|m| m.kind != Kind::Person) {
        let e = m.toks.end;
        if d.toks.get(e).is_some_and(|t| {
            t.gap == crate::tokens::Gap::Space && MEMBER_NOUNS.contains(&t.key.as_ref())
        }) && !taken[e]
        {
            m.toks.end = e + 1;
        }
    }
}

/// Words before a title that say which holder: `FORMER`, `OUTGOING`, `LONG TIME`.
const HOLDER_WORDS: &[&str] = &[
    "FORMER", "LATE", "THEN", "NEW", "OUTGOING", "INCOMING", "RETIRED", "SENIOR", "VETERAN",
    "LONGTIME", "LONG", "TIME", "PRESENT", "CURRENT",
];

/// Words before a title that say which post: `LIAISON OFFICER`, `PRESIDENTIAL ASSISTANT`.
const POST_WORDS: &[&str] = &[
    "LIAISON",
    "COMMERCIAL",
    "POLITICAL",
    "ECONOMIC",
    "PRESIDENTIAL",
    "SPECIAL",
    "PRESS",
    "MILITARY",
    "CULTURAL",
    "CONSULAR",
    "LABOR",
    "SCIENCE",
    "AGRICULTURAL",
    "NAVAL",
    "AIR",
    "POL",
    "ECON",
];

/// A titled name's mention runs back over what qualifies the title: the country, body or
/// office it is held in and words like FORMER (`FORMER NORWEGIAN PRIMIN EINAR GERHARDSEN`,
/// `SOVIET MFA IO DIVISION DIRECTOR ISRAELYAN`), as a reader quotes it. The country and the
/// body stay mentions of their own.
fn widen_titled(d: &Doc, ms: &mut [Mention]) {
    // where each mention of another kind starts, by the token it ends before
    let mut ends: HashMap<usize, usize> = HashMap::default();
    for m in ms.iter().filter(|m| m.kind != Kind::Person) {
        let e = ends.entry(m.toks.end).or_insert(m.toks.start);
        *e = (*e).min(m.toks.start);
    }
    for m in ms.iter_mut().filter(|m| m.kind == Kind::Person && m.strong) {
        if m.toks.start == m.name.start {
            // a name a rule found by itself, a title right before it: `DEPUTY DIRECTOR OF
            // OPERATIONS AKIRA TSUSAKA`, `LIAISON OFFICER LWENO`
            match crate::people::title_before(d, m.toks.start) {
                Some(t) => m.toks.start = t,
                None => continue,
            }
        }
        let mut s = m.toks.start;
        // (joined, or after the bracket that closes a body's acronym: `NATIONAL SALVATION
        // PARTY (NSP) CHAIRMAN ERBAKAN`)
        let joined = |s: usize| {
            d.toks[s].gap == crate::tokens::Gap::Space
                || ends.contains_key(&s) && d.text[d.toks[s - 1].end..d.toks[s].start].trim() == ")"
        };
        while s > 0 && m.toks.start - s < 8 && joined(s) {
            if let Some(&start) = ends.get(&s).filter(|&&st| st < s) {
                s = start;
            } else if HOLDER_WORDS.contains(&d.key(s - 1)) || POST_WORDS.contains(&d.key(s - 1)) {
                s -= 1;
            } else {
                break;
            }
        }
        m.toks.start = s;
    }
}

/// Every other occurrence of a named person's surname is a mention of them.
fn corefer_people(d: &Doc, ms: &mut Vec<Mention>) {
    let mut surnames: HashSet<String> = HashSet::default();
    // surnames that are common words (`BROWN`, `BEGIN`, `YOUNG`): theirs only where a person
    // stands, as the subject of saying or in the possessive
    let mut word_surnames: HashSet<String> = HashSet::default();
    let mut last_words: HashSet<&str> = HashSet::default();
    for m in ms
        .iter()
        .filter(|m| m.kind == Kind::Person && m.strong && !m.group.starts_with("PERSON:@"))
    {
        if m.name.len() >= 2 {
            last_words.insert(d.key(m.name.end - 1));
        }
        for k in m.name.clone() {
            let key = d.key(k);
            if key.len() >= 3 && !d.is_word(k) && !crate::vocab::is_stop(key) {
                surnames.insert(key.to_string());
            } else if k + 1 == m.name.end
                && key.len() >= 3
                && d.upper
                && !crate::vocab::is_stop(key)
                && !d.f(k).title
            {
                word_surnames.insert(key.to_string());
            }
        }
    }
    if surnames.is_empty() && word_surnames.is_empty() {
        return;
    }
    let as_person = |i: usize| {
        // (`THE CASE IS` is the noun, though SENATOR CASE spoke)
        let determined = i > 0
            && (crate::people::DETERMINERS.contains(&d.key(i - 1))
                || matches!(
                    d.key(i - 1),
                    "THIS" | "A" | "AN" | "NO" | "ANY" | "EACH" | "EVERY"
                ));
        let speaks = crate::people::subject_of_verb(d, i);
        !determined && (d.toks[i].possessive || speaks)
    };
    // A city's name that is a named person's surname (`MINORU UEDA`, then `UEDA`) is theirs.
    let city_of = |m: &Mention| {
        m.kind == Kind::Place
            && m.toks.len() == 1
            && last_words.contains(d.key(m.toks.start))
            && matches!(
                d.a.places.get(d.key(m.toks.start)),
                Some((crate::authority::PlaceKind::City, _))
            )
    };
    ms.retain(|m| !city_of(m));
    let covered = crate::covered(d.toks.len(), ms.iter());
    for (i, t) in d.toks.iter().enumerate() {
        if !covered[i]
            && d.cap(i)
            && (surnames.contains(t.key.as_ref())
                || word_surnames.contains(t.key.as_ref()) && as_person(i))
        {
            let mut m = crate::people::mention_at(d, i);
            m.strong = false;
            ms.push(m);
        }
    }
}

/// Namesakes are two people: `IAN SMITH` and `DAVID SMITH` share a surname, their given names
/// differ. `HARVEY OSWALD` is `LEE HARVEY OSWALD`, `H. KISSINGER` `HENRY KISSINGER`, OCR's
/// `Victor Rigo Galan` `Victor Rico Galan`: each given name of the shorter that the authority
/// knows as one is one of the longer's, its initial, or the same but for one letter. A
/// surname alone is the namesake named last before it (the first one named, before any).
fn split_namesakes(d: &Doc, groups: &mut BTreeMap<String, Vec<Mention>>) {
    let given = |m: &Mention| -> Vec<&str> {
        (m.name.start..m.name.end.saturating_sub(1))
            .map(|k| d.key(k).trim_end_matches('.'))
            .collect()
    };
    // (one letter off, in words long enough for that to mean a slip)
    let bent = |w: &str, l: &str| w.len().min(l.len()) >= 3 && crate::authority::one_edit(w, l);
    let agree = |a: &[&str], b: &[&str]| {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        // (a word no list has as a given name proves nothing: OCR's `Licg` for RICO)
        short.iter().all(|w| {
            !d.a.given.contains_key(*w)
                || long
                    .iter()
                    .any(|l| l.starts_with(w) || w.starts_with(l) || bent(w, l))
        })
    };
    let split: Vec<String> = groups
        .iter()
        .filter(|(k, ms)| {
            k.starts_with("PERSON:") && !k.starts_with("PERSON:@") && {
                let mut names = ms.iter().map(given).filter(|g| !g.is_empty());
                names.next().is_some_and(|f| names.any(|g| !agree(&f, &g)))
            }
        })
        .map(|(k, _)| k.clone())
        .collect();
    for key in split {
        let Some(mut ms) = groups.remove(&key) else {
            continue;
        };
        ms.sort_by_key(|m| m.toks.start);
        // the namesakes by their fullest names first (`LEE HARVEY` takes `HARVEY` and `LEE`),
        // then in the order first named
        let mut names: Vec<(usize, Vec<&str>)> = ms
            .iter()
            .enumerate()
            .map(|(i, m)| (i, given(m)))
            .filter(|(_, g)| !g.is_empty())
            .collect();
        names.sort_by_key(|(i, g)| (std::cmp::Reverse(g.len()), *i));
        let mut sakes: Vec<(usize, Vec<&str>)> = Vec::new();
        for (i, g) in names {
            match sakes.iter_mut().find(|(_, s)| agree(s, &g)) {
                Some(s) => s.0 = s.0.min(i),
                None => sakes.push((i, g)),
            }
        }
        sakes.sort_by_key(|(i, _)| *i);
        let mut current = 0;
        let mut parts: Vec<(usize, Mention)> = Vec::with_capacity(ms.len());
        for m in ms {
            let g = given(&m);
            if !g.is_empty() {
                current = sakes.iter().position(|(_, s)| agree(s, &g)).unwrap_or(0);
            }
            parts.push((current, m));
        }
        for (c, m) in parts {
            let group = match c {
                0 => key.clone(),
                _ => format!("{key}#{c}"),
            };
            groups.entry(group).or_default().push(m);
        }
    }
}

/// `THE PRESIDENT` is the one person the document names with that title, if there is one.
fn merge_titles(groups: &mut BTreeMap<String, Vec<Mention>>) {
    // only titles one person holds at a time in a country; `THE SECRETARY` may be any of many
    const ONE_HOLDER: &[&str] = &[
        "PRESIDENT",
        "VICE PRESIDENT",
        "PRIME MINISTER",
        "KING",
        "QUEEN",
        "SHAH",
        "EMIR",
        "SULTAN",
        "POPE",
        "CHANCELLOR",
        "PREMIER",
        "FOREIGN MINISTER",
        "SECRETARY GENERAL",
    ];
    let titled: Vec<String> = groups
        .keys()
        .filter(|k| k.starts_with("PERSON:@") && ONE_HOLDER.contains(&&k["PERSON:@".len()..]))
        .cloned()
        .collect();
    for key in titled {
        let title = &key["PERSON:@".len()..];
        let holders: Vec<&String> = groups
            .iter()
            .filter(|(k, ms)| {
                k.starts_with("PERSON:")
                    && !k.starts_with("PERSON:@")
                    && ms
                        .iter()
                        .any(|m| m.title.as_deref().is_some_and(|t| t == title))
            })
            .map(|(k, _)| k)
            .collect();
        if let [holder] = holders[..] {
            let holder = holder.clone();
            if let Some(ms) = groups.remove(&key) {
                groups.entry(holder).or_default().extend(ms);
            }
        }
    }
}

/// `LIU` alone joins `LIU HUAQIU` (family name first) when no other name starts with it.
fn merge_given_first(d: &Doc, groups: &mut BTreeMap<String, Vec<Mention>>) {
    let mut starts: HashMap<String, Vec<String>> = HashMap::default();
    for (k, ms) in groups.iter() {
        if k.starts_with("PERSON:") && !k.starts_with("PERSON:@") {
            let mut firsts: Vec<String> = ms
                .iter()
                .filter(|m| m.name.len() > 1)
                .map(|m| d.key(m.name.start).to_string())
                .collect();
            firsts.sort();
            firsts.dedup();
            for f in firsts {
                starts.entry(f).or_default().push(k.clone());
            }
        }
    }
    for (first, holders) in starts {
        let alone = format!("PERSON:{first}");
        if let [holder] = &holders[..] {
            if *holder != alone
                && groups
                    .get(&alone)
                    .is_some_and(|ms| ms.iter().all(|m| m.name.len() == 1))
            {
                if let Some(ms) = groups.remove(&alone) {
                    groups.entry(holder.clone()).or_default().extend(ms);
                }
            }
        }
    }
}

/// `THE GOVERNMENT`, `THE COUNTRY` are the country the document speaks of most.
fn merge_nominal(groups: &mut BTreeMap<String, Vec<Mention>>) {
    let Some(nominal) = groups.remove(NOMINAL) else {
        return;
    };
    let main = groups
        .iter()
        .filter(|(_, ms)| ms.iter().any(|m| m.kind == Kind::Country))
        // most mentioned; then one the gazetteer knows; then the first named
        .max_by_key(|(_, ms)| {
            let first = ms.iter().map(|m| m.toks.start).min().unwrap_or(usize::MAX);
            (
                ms.len(),
                ms.iter().any(|m| m.canonical.is_some()),
                std::cmp::Reverse(first),
            )
        })
        .map(|(k, _)| k.clone());
    match main {
        Some(k) => groups.entry(k).or_default().extend(nominal),
        None => {
            groups.insert(NOMINAL.to_string(), nominal);
        }
    }
}

/// `HUGO BANZER` → `Hugo Banzer`.
pub(crate) fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // (a function word inside stays small: `Ambassador in Lagos`, `Minister of Finance`)
        // and a Romance name's particles (`Juan de la Cruz`, `Cuenca de la Plata`)
        if i > 0
            && matches!(
                w,
                "OF" | "IN"
                    | "TO"
                    | "AT"
                    | "THE"
                    | "AND"
                    | "FOR"
                    | "ON"
                    | "DE"
                    | "DEL"
                    | "LA"
                    | "DA"
                    | "DOS"
                    | "DAS"
                    | "DU"
                    | "DEN"
                    | "DER"
            )
        {
            out.push_str(&w.to_ascii_lowercase());
            continue;
        }
        // each part of a hyphenated name, and a name after `O'`, `D'` or `MC`:
        // `Kennedy-Minott`, `O'Neill`, `McCone` (not a possessive: `Braniff's`)
        let mut upper = true;
        for (k, c) in w.char_indices() {
            match (upper, c.is_ascii()) {
                (true, true) => out.push(c.to_ascii_uppercase()),
                (false, true) => out.push(c.to_ascii_lowercase()),
                (true, false) => out.extend(c.to_uppercase()),
                (false, false) => out.extend(c.to_lowercase()),
            }
            upper = c == '-'
                || c == '\'' && k == 1 && w.len() > 3
                || k == 1 && w.len() > 3 && w.starts_with("MC");
        }
    }
    out
}

fn found(d: &Doc, ms: Vec<Mention>) -> Option<Found> {
    let first = ms.first()?;
    let kind = if ms.iter().any(|m| m.kind == Kind::Country) {
        Kind::Country
    } else {
        first.kind
    };
    // the fullest name: most words, then the first seen
    // a bare title (`the President`) names the entity only when nothing else does
    let bare = |m: &Mention| m.title.is_some() && (m.name == m.toks || m.label.is_some());
    // (asked once, not for every mention: a text may repeat one title thousands of times)
    let all_bare = ms.iter().all(bare);
    let none_strong = ms.iter().all(|o| !o.strong);
    let best = ms
        .iter()
        .filter(|m| !bare(m) || all_bare)
        // (a place read past an OCR slip, `LEABNON`, names it only when nothing else does)
        .filter(|m| m.kind == Kind::Person || m.strong || none_strong)
        .filter(|m| m.canonical.is_some() || kind != Kind::Country || m.group != NOMINAL)
        .max_by_key(|m| (m.name.len(), std::cmp::Reverse(m.name.start)))
        .unwrap_or(first);
    let mut name = d
        .text_of(&best.name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // a name seen only in the possessive is named without it (`KLACKENBERG'S`)
    for suffix in ["'S", "'s", "’S", "’s", "' S", "' s"] {
        if let Some(n) = name.strip_suffix(suffix) {
            name = n.to_string();
            break;
        }
    }
    // an office is named by its symbol, as the rule read it (`S/S -IRM` → `S/S-IRM`)
    let name = match first.group.strip_prefix("ORG:") {
        Some(symbol) if kind == Kind::Office => symbol.to_string(),
        _ => name,
    };
    let name = best.label.clone().unwrap_or(name);
    let mut canonical = ms.iter().find_map(|m| m.canonical.clone());
    let mut authority = None;
    if kind == Kind::Person {
        if let Some(p) = link(d, &ms) {
            canonical = Some(p.name.to_string());
            authority = Some(p.id.to_string());
        } else if first.group.starts_with("PERSON:@") {
            // a role (`French Ambassador`) is no person's name
        } else if let Some(l) = &best.label {
            canonical = Some(l.clone());
        } else {
            canonical = Some(title_case(&d.phrase(best.name.start, best.name.end)));
        }
    }
    let mut mentions: Vec<(usize, usize)> = ms
        .iter()
        .filter_map(|m| {
            let a = d.toks.get(m.toks.start)?;
            let b = d.toks.get(m.toks.end.checked_sub(1)?)?;
            // a bracket opened inside the mention closes inside it: `... CONFERENCE (WDC)`
            let inside = &d.text[a.start..b.end];
            let rest = &d.text[b.end..];
            let close = rest.len() - rest.trim_start_matches(' ').len();
            let end = if inside.matches('(').count() > inside.matches(')').count()
                && rest[close..].starts_with(')')
            {
                b.end + close + 1
            } else {
                b.end
            };
            Some((a.start, end))
        })
        .collect();
    mentions.sort_unstable();
    mentions.dedup();
    Some(Found {
        kind,
        name,
        canonical,
        authority,
        mentions,
    })
}

/// The authority person these mentions name, when the names, titles and date leave one.
fn link<'a>(d: &Doc, ms: &[Mention]) -> Option<&'a crate::authority::Person> {
    let a = d.a;
    let mut cands: Vec<u32> = Vec::new();
    for m in ms.iter().filter(|m| m.name.len() > 1) {
        // a rule's reading of the name first (`KISSINGER, HENRY A.` → HENRY A KISSINGER)
        let key = match &m.label {
            Some(l) => crate::authority::phrase_key(l),
            None => d.phrase(m.name.start, m.name.end),
        };
        if let Some(v) = a.full_names.get(&key) {
            cands.extend(v);
        }
    }
    let full = !cands.is_empty();
    if !full {
        let last = ms
            .iter()
            .map(|m| d.key(m.name.end.saturating_sub(1)))
            .next()?;
        cands.extend(a.surnames.get(last)?);
    }
    cands.sort_unstable();
    cands.dedup();
    let people = |c: &[u32]| -> Vec<&'static crate::authority::Person> {
        c.iter().filter_map(|&i| a.people.get(i as usize)).collect()
    };
    let mut ps = people(&cands);
    if let Some(y) = d.year {
        // a full name may be of someone dead by then; a surname alone must be of the living
        ps.retain(|p| {
            if full {
                p.nameable_in(y)
            } else {
                p.active_in(y)
            }
        });
        let titles: Vec<String> = ms
            .iter()
            .filter_map(|m| m.title.as_deref())
            .flat_map(|t| t.split(' '))
            .filter(|w| w.len() > 3)
            .map(|w| w.to_lowercase())
            .collect();
        let serving: Vec<_> = ps
            .iter()
            .copied()
            .filter(|p| {
                p.tenure_in(y).is_some_and(|t| {
                    let pos = t.position.to_lowercase();
                    titles.is_empty() || titles.iter().any(|w| pos.contains(w.as_str()))
                })
            })
            .collect();
        if !serving.is_empty() {
            ps = serving;
        }
    }
    match ps[..] {
        // a full name the authority knows, one person of that name active then
        [p] if full => Some(p),
        // a surname alone only when the person held an office in the authority that year
        [p] if d.year.is_some_and(|y| p.tenure_in(y).is_some()) => Some(p),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::title_case;
    use crate::testing::{one, seen};

    #[test]
    fn a_name_ends_where_a_places_name_begins() {
        // seed 004: the letter's address typed on one line
        let t =
            "Foreign Minister Qian Qichen Peoples Republic of China Beijing Drafted:HA/BA:MArietti";
        let all = seen(t, Some(1990));
        let qian = one(&all, "Qian Qichen");
        assert_eq!(qian.4, vec!["Foreign Minister Qian Qichen"]);
        assert_eq!(
            one(&all, "Peoples Republic of China").2.as_deref(),
            Some("China")
        );
    }

    #[test]
    fn a_title_held_in_a_body_named_after_it_is_a_role() {
        let texts = |all: &[crate::testing::Seen]| -> Vec<String> {
            all.iter()
                .filter(|s| s.0 == crate::Kind::Person)
                .flat_map(|s| s.4.clone())
                .collect()
        };
        // 1975ANKARA01774 (cables-ner): the role runs to the body's end; NATO stays a body
        let all = seen(
            "GENERAL ALEXANDER HAIG , THE SUPREME COMMANDER OF NATO , AND MRS HAIG , ARRIVED.",
            Some(1975),
        );
        assert!(
            texts(&all).contains(&"THE SUPREME COMMANDER OF NATO".to_string()),
            "{all:#?}"
        );
        assert_eq!(one(&all, "NATO").0, crate::Kind::Organization);
        // 1973OSLO01967: `EX-` and the article before the body belong to the role
        let all = seen(
            "THE NAME THAT COMES TO MIND IS EDVARD HAMBRO, FORMER NORWEGIAN AMB TO THE UN AND EX- PRESIDENT OF THE GENERAL ASSEMBLY .",
            Some(1973),
        );
        let t = texts(&all);
        assert!(
            t.contains(&"EX- PRESIDENT OF THE GENERAL ASSEMBLY".to_string()),
            "{t:?}"
        );
        // a bare title read already runs on over the body it heads
        assert!(t.contains(&"NORWEGIAN AMB TO THE UN".to_string()), "{t:?}");
        // the body only a people's word before its own name: no role cut short
        let all = seen(
            "GENERAL HAIG CALLED ON CHIEF OF THE TURKISH GENERAL STAFF , GENERAL SEMIH SANCAR.",
            Some(1975),
        );
        assert!(
            !texts(&all).iter().any(|t| t.ends_with("TURKISH")),
            "{all:#?}"
        );
        // a post someone is to be made holder of is no one (1979PRETOR04480)
        let all = seen(
            "HIS VOICE WILL BE THE KEY ONE IN DETERMINING WHO WILL BE MADE PRESIDENT OF ZIMBABWE- RHODESIA. IT IS CONCEDED.",
            Some(1979),
        );
        assert!(
            !texts(&all).iter().any(|t| t.contains("PRESIDENT OF")),
            "{all:#?}"
        );
    }

    #[test]
    fn a_word_of_a_places_name_or_a_people_is_no_person() {
        // 1974STATE234930 (cables-ner): `ZEALAND AGREED` read as a surname before a verb
        let all = seen(
            "4. US -NEW ZEALAND AGREED MINUTE REQUIRES FILING OF SCHEDULE 60 DAYS IN ADVANCE.",
            None,
        );
        assert_eq!(one(&all, "NEW ZEALAND").0, crate::Kind::Country);
        assert!(all.iter().all(|s| s.0 != crate::Kind::Person), "{all:?}");
        // the leader whose government a mention names stays a person (1977ANKARA04748)
        let all = seen(
            "THE ECEVIT GOVERNMENT FELL. ECEVIT SAID HE WOULD TRY AGAIN.",
            None,
        );
        assert_eq!(one(&all, "ECEVIT").0, crate::Kind::Person);
        // a feature's name holds no person (1977STATE208258)
        let all = seen(
            "CT A CIRCULATION STUDY IN THE STRAIT OF JUAN DE FUCA. THE NEXT PHASE OF",
            None,
        );
        assert_eq!(one(&all, "STRAIT OF JUAN DE FUCA").0, crate::Kind::Place);
        assert!(all.iter().all(|s| s.0 != crate::Kind::Person), "{all:?}");
        // nor is a people in the plural (1978STOCKH00531)
        let all = seen(
            "ON THE OTHER HAND, SWEDES NOTED SWAPO AVERSION TO USE OF PROXIES.",
            None,
        );
        assert!(all.iter().all(|s| s.0 != crate::Kind::Person), "{all:?}");
        assert_eq!(one(&all, "SWEDES").2.as_deref(), Some("Sweden"));
    }

    #[test]
    fn intervals_answer_as_a_walk_over_all_ranges_does() {
        // every range of up to 4 tokens over 6, against sets drawn from them
        let all: Vec<std::ops::Range<usize>> = (0..6)
            .flat_map(|s| (s..=(s + 4).min(6)).map(move |e| s..e))
            .collect();
        for seed in 0..400usize {
            let set: Vec<_> = all
                .iter()
                .enumerate()
                .filter(|(i, _)| (seed.wrapping_mul(2654435761) >> (i % 29)) & 3 == 0)
                .map(|(_, r)| r.clone())
                .take(seed % 7)
                .collect();
            let iv = super::Intervals::new(set.iter().cloned());
            for a in &all {
                let holds = set.iter().any(|b| b.start <= a.start && a.end <= b.end);
                let meets = set.iter().any(|b| a.start < b.end && b.start < a.end);
                assert_eq!(iv.contains(a), holds, "{a:?} in {set:?}");
                assert_eq!(iv.overlaps(a), meets, "{a:?} over {set:?}");
            }
        }
    }

    #[test]
    fn namesakes_are_two_people() {
        // cables-ner 1979PRETOR04480: the surname alone is the one named last before it
        let all = seen(
            "REPORTS INDICATING THAT DAVID SMITH HAS BEEN INDUCED BACK INTO POLITICS. SMITH IS \
             WELL-RESPECTED. SOME SOURCES SPECULATE THAT IAN SMITH MIGHT OPPOSE HIS NOMINATION. \
             SMITH SAID NOTHING.",
            Some(1979),
        );
        assert_eq!(one(&all, "DAVID SMITH").4, ["DAVID SMITH", "SMITH"]);
        assert_eq!(one(&all, "IAN SMITH").4, ["IAN SMITH", "SMITH"]);
        // one person by his fuller name, an initial, and OCR's letter (JFK texts)
        let all = seen(
            "Lee Harvey Oswald was in Mexico. Harvey Oswald visited. Lee Oswald left. \
             L. Oswald wrote.",
            Some(1964),
        );
        assert_eq!(one(&all, "Lee Harvey Oswald").4.len(), 4);
        // a word no list has as a given name proves nothing
        let all = seen("Victor Rico Galan met. Victor Licg Galan left.", Some(1964));
        assert_eq!(one(&all, "Victor Rico Galan").4.len(), 2);
    }

    #[test]
    fn names_in_title_case() {
        // signatures of 1977 cables, a DCI in a JFK list, a possessive kept small
        assert_eq!(title_case("KENNEDY-MINOTT"), "Kennedy-Minott");
        assert_eq!(title_case("STRAUSZ-HUPE"), "Strausz-Hupe");
        assert_eq!(title_case("JOHN MCCONE"), "John McCone");
        assert_eq!(title_case("D'AUBUISSON"), "D'Aubuisson");
        assert_eq!(title_case("BRANIFF'S"), "Braniff's");
        assert_eq!(
            title_case("SAUDI AMBASSADOR IN LAGOS"),
            "Saudi Ambassador in Lagos"
        );
        assert_eq!(title_case("MAC"), "Mac");
    }
}
