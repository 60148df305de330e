//! Words of a text with their byte spans and the keys the rules match on.
//!
//! Cables are upper case and OCR spaces punctuation apart (`CASTRO' S`, `U. S.`), so a key is
//! the word in capitals with a possessive dropped and dotted initials joined (`U.S`). Case is
//! kept as evidence: in mixed-case text only capitalized words can be names.

use std::borrow::Cow;
use std::sync::LazyLock;

/// How a word is written, for telling names from prose in mixed-case text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `BANZER`, `NATO`
    Upper,
    /// `Banzer`, `McNamara`
    Title,
    /// `said`
    Lower,
    /// digits, `1977PEKING`
    Other,
}

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// Spaces or one line break: a name may run on.
    Space,
    /// A comma, dash, bracket or quote: a name stops, a sentence does not.
    Mark,
    /// A sentence end (`.`, `:`, `;`), a blank line, or the start of the text.
    Stop,
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    /// Upper case, possessive dropped, trailing period dropped: `CASTRO' S` → `CASTRO`.
    /// Borrowed from the text when it is in capitals already (cables: no allocation).
    pub key: Cow<'a, str>,
    pub case: Case,
    pub gap: Gap,
    /// The token is the first on its line.
    pub line_start: bool,
    /// Written in the possessive (`CASTRO'S`, OCR's `CASTRO' S`); the key is without it.
    pub possessive: bool,
}

impl Token<'_> {
    /// Letters only (with inner `.`, `'`, `-`): `U.S`, `O'BRIEN`, not `1977` or `EAP/CM`.
    pub fn is_alpha(&self) -> bool {
        self.key.bytes().any(|b| b.is_ascii_uppercase())
            && self
                .key
                .bytes()
                .all(|b| b.is_ascii_uppercase() || matches!(b, b'.' | b'-' | b'\''))
    }
    pub fn capitalized(&self) -> bool {
        matches!(self.case, Case::Upper | Case::Title)
    }
}

fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

fn case_of(word: &str) -> Case {
    if word.is_ascii() {
        // (most words: one pass over the bytes)
        let (mut first, mut upper, mut digit) = (None, true, false);
        for b in word.bytes() {
            if b.is_ascii_digit() {
                digit = true;
            } else if b.is_ascii_alphabetic() {
                first = first.or(Some(b));
                upper &= b.is_ascii_uppercase();
            }
        }
        return match first {
            None => Case::Other,
            Some(_) if digit => Case::Other,
            Some(_) if upper => Case::Upper,
            Some(f) if f.is_ascii_uppercase() => Case::Title,
            Some(_) => Case::Lower,
        };
    }
    case_of_chars(word)
}

fn case_of_chars(word: &str) -> Case {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return Case::Other;
    };
    if word.bytes().any(|b| b.is_ascii_digit()) {
        return Case::Other;
    }
    let rest_upper = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    if rest_upper {
        Case::Upper
    } else if first.is_uppercase() {
        Case::Title
    } else {
        Case::Lower
    }
}

/// Function words in lower case and their keys: the only lower-case words a rule compares
/// (`the government`, `Ministry of Defense`). Other lower-case words keep their own text as
/// key, which matches no list, so they cost no allocation.
static LOWER_KEYS: LazyLock<rustc_hash::FxHashMap<String, &'static str>> = LazyLock::new(|| {
    crate::vocab::STOP
        .iter()
        .map(|w| (w.to_ascii_lowercase(), *w))
        .collect()
});

/// Upper-case key of a word, possessive dropped (`Castro's` → `CASTRO`).
pub fn key_of(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        if word.len() > 13 {
            return Cow::Borrowed(word);
        }
        return match LOWER_KEYS.get(word) {
            Some(k) => Cow::Borrowed(*k),
            None => Cow::Borrowed(word),
        };
    }
    let mut k: Cow<'_, str> = if !word.bytes().any(|b| b.is_ascii_lowercase() || b >= 0x80) {
        Cow::Borrowed(word)
    } else if word.is_ascii() {
        Cow::Owned(word.to_ascii_uppercase())
    } else {
        Cow::Owned(word.to_uppercase())
    };
    for suffix in ["'S", "’S"] {
        if k.len() > suffix.len() + 1 && k.ends_with(suffix) {
            let cut = k.len() - suffix.len();
            k = match k {
                Cow::Borrowed(b) => Cow::Borrowed(&b[..cut]),
                Cow::Owned(mut o) => {
                    o.truncate(cut);
                    Cow::Owned(o)
                }
            };
        }
    }
    k
}

/// An initial or an abbreviated title, whose period does not end a sentence.
fn abbreviation(key: &str) -> bool {
    key.len() == 1 && key.bytes().all(|b| b.is_ascii_uppercase())
        || matches!(
            key,
            "MR" | "MRS"
                | "MS"
                | "DR"
                | "ST"
                | "GEN"
                | "AMB"
                | "LT"
                | "COL"
                | "SEN"
                | "REP"
                | "GOV"
                | "CAPT"
                | "MAJ"
                | "ADM"
                | "PROF"
                | "REV"
                | "MESSRS"
                | "AMBS"
        )
}

/// Join the pieces of words broken at a line's end (`COM- MITTEE`, `MIN- ISTER`,
/// `REP-\nRESENTATIVE`): a hyphen, then a space or one line break, between two words in
/// letters of one case. Their letters may spell an abbreviation (`COM`) or make a name of
/// nonsense (`THELESS`); joined, they are the word. Two words each whole (`SOVIET-
/// AMERICAN`, `EAST- WEST`) stay apart.
/// `whole` says whether a piece is a word of its own.
pub fn join_broken<'a>(
    text: &'a str,
    mut toks: Vec<Token<'a>>,
    whole: impl Fn(&str) -> bool,
) -> Vec<Token<'a>> {
    let bytes = text.as_bytes();
    // in place: most texts have no broken word, and then nothing moves
    let mut w = 0;
    for r in 0..toks.len() {
        if w > 0 {
            let (prev, t) = (&toks[w - 1], &toks[r]);
            let rest = bytes.get(prev.end + 1..t.start).unwrap_or_default();
            if bytes.get(prev.end) == Some(&b'-')
                && !rest.is_empty()
                && rest.iter().all(|b| matches!(b, b' ' | b'\n' | b'\r'))
                && rest.iter().filter(|&&b| b == b'\n').count() <= 1
                && prev.is_alpha()
                && t.is_alpha()
                && prev.case == t.case
                && !prev.possessive
                && (!(whole(&prev.key) && whole(&t.key))
                    // (`COM- MENTATOR`, `UN- CONSIDERED`: pieces an abbreviation, the whole
                    // a word)
                    || declass_lexicon::is_common_word(&format!("{}{}", prev.key, t.key)))
            {
                let key = format!("{}{}", prev.key, t.key);
                let (end, possessive) = (t.end, t.possessive);
                let prev = &mut toks[w - 1];
                prev.key = Cow::Owned(key);
                prev.end = end;
                prev.possessive = possessive;
                continue;
            }
        }
        toks.swap(w, r);
        w += 1;
    }
    toks.truncate(w);
    toks
}

/// Split `text` into tokens. Linear, one allocation per token.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 4 + 1);
    let mut i = 0;
    let mut gap = Gap::Stop;
    let mut line_start = true;
    let mut newlines = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !word_byte(b) {
            match b {
                b'\n' => {
                    newlines += 1;
                    line_start = true;
                    if newlines >= 2 {
                        gap = Gap::Stop;
                    }
                }
                // `M. Kimmitt`, `Mr. Tarnoff`: the period of an initial or a title ends nothing
                b'.' if out
                    .last()
                    .is_some_and(|t: &Token<'_>| t.end == i && abbreviation(&t.key)) => {}
                b'.' | b':' | b';' | b'!' | b'?' => gap = Gap::Stop,
                b' ' | b'\t' | b'\r' => {}
                _ => gap = gap.max(Gap::Mark),
            }
            i += 1;
            continue;
        }
        newlines = 0;
        let start = i;
        while i < bytes.len() {
            if word_byte(bytes[i]) {
                i += 1;
            } else if matches!(bytes[i], b'.' | b'\'' | b'-' | b'&' | b'/')
                && i + 1 < bytes.len()
                && word_byte(bytes[i + 1])
            {
                i += 2;
            } else {
                break;
            }
        }
        let mut end = i;
        let mut key = key_of(&text[start..end]);
        let mut possessive = key.len() > 1
            && ["'S", "'s", "’S", "’s"]
                .iter()
                .any(|p| text[start..end].ends_with(p));
        // an OCR-spaced possessive: `CASTRO' S`
        if bytes.get(i) == Some(&b'\'') {
            let mut j = i + 1;
            while bytes.get(j) == Some(&b' ') {
                j += 1;
            }
            if matches!(bytes.get(j), Some(b's' | b'S'))
                && !bytes.get(j + 1).is_some_and(|&b| word_byte(b))
            {
                end = j + 1;
                i = end;
                possessive = true;
            }
        }
        let case = case_of(&text[start..end]);
        // dotted initials spaced apart: `U. S.` → one token `U.S`
        if let Some(prev) = out.last_mut() {
            let single = |k: &str| k.split('.').all(|p| p.len() == 1);
            if key.len() == 1
                && key.bytes().all(|b| b.is_ascii_uppercase())
                && single(&prev.key)
                && matches!(text[prev.end..start].trim_end(), ".")
            {
                prev.key = Cow::Owned(format!("{}.{}", prev.key, key));
                prev.end = end;
                gap = Gap::Space;
                continue;
            }
        }
        if key.ends_with('.') {
            key = match key {
                Cow::Borrowed(b) => Cow::Borrowed(&b[..b.len() - 1]),
                Cow::Owned(mut o) => {
                    o.pop();
                    Cow::Owned(o)
                }
            };
        }
        out.push(Token {
            start,
            end,
            key,
            case,
            gap,
            line_start,
            possessive,
        });
        gap = Gap::Space;
        line_start = false;
    }
    out
}

/// What a piece of a hyphenated word is, for [`split_compounds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// A place or a people (`SOVIET`, `US`): two such pieces stay one phrase
    /// (`CANADIAN-SOVIET FRIENDSHIP SOCIETY`).
    Place,
    /// Another name the lists know: a body, a surname (`IAEA`, `HOLBROOKE`).
    Known,
    /// A common word (`BACKED`, `ANTI`).
    Word,
    /// Anything else (`AL`, `SO`'s partner in `SO-CALLED` is a word, but neither is known).
    Other,
}

/// Split a word joined by hyphens into its pieces when the lists know one of them and each
/// of the others is known or a common word: `EURATOM-IAEA`, `US-POLISH`, `SOVIET-BACKED`,
/// `HOLBROOKE-CHIANG` are two names or a name and a word; `SO-CALLED`, `AL-ASSAD`,
/// `JEAN-PIERRE` stay whole. The pieces after the first follow a mark, so no name runs
/// over the hyphen.
pub fn split_compounds<'a>(
    text: &'a str,
    toks: Vec<Token<'a>>,
    piece: impl Fn(&str) -> Piece,
) -> Vec<Token<'a>> {
    // most texts have few hyphenated words: copy only when one splits
    let splits = |t: &Token<'_>| {
        let k = t.key.as_ref();
        // (cheap tests first: this is asked of every token; only words of letters split)
        k.len() >= 4
            && k.bytes().any(|b| b == b'-')
            && k.bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'-' || b == b'.')
            && t.end - t.start >= k.len()
            && {
                let mut known = false;
                k.split('-').all(|p| match piece(p) {
                    Piece::Other => false,
                    Piece::Word => true,
                    Piece::Known | Piece::Place => {
                        known = true;
                        true
                    }
                }) && known
            }
    };
    // countries listed with slashes: `INDIA/PAKISTAN/PHILIPPINES` (not an office symbol,
    // `EAP/CM`: every piece must be a place)
    let slashed = |t: &Token<'_>| {
        let k = t.key.as_ref();
        k.len() >= 5
            && k.bytes().any(|b| b == b'/')
            && k.bytes().all(|b| b.is_ascii_uppercase() || b == b'/')
            && t.end - t.start >= k.len()
            && k.split('/').all(|p| piece(p) == Piece::Place)
    };
    // which tokens split, and where, asked once each
    let at: Vec<(usize, char)> = toks
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            if splits(t) {
                Some((i, '-'))
            } else if slashed(t) {
                Some((i, '/'))
            } else {
                None
            }
        })
        .collect();
    if at.is_empty() {
        return toks;
    }
    let mut out = Vec::with_capacity(toks.len() + 2 * at.len());
    let mut next = at.iter().peekable();
    for (i, t) in toks.into_iter().enumerate() {
        let Some(&&(_, sep)) = next.peek().filter(|(at, _)| *at == i) else {
            out.push(t);
            continue;
        };
        next.next();
        let n = t.key.split(sep).count();
        let mut pos = t.start;
        let mut prev_place = false;
        for (j, part) in t.key.split(sep).enumerate() {
            let place = piece(part) == Piece::Place;
            let gap = match j {
                0 => t.gap,
                // (a slash lists: each place its own)
                _ if place && prev_place && sep == '-' => t.gap.max(Gap::Space),
                _ => t.gap.max(Gap::Mark),
            };
            prev_place = place;
            let (a, b) = (pos, pos + part.len());
            pos = b + 1;
            let raw = &text[a..b];
            out.push(Token {
                start: a,
                // the last piece keeps the possessive's letters in its span
                end: if j + 1 == n { t.end } else { b },
                key: if raw == part {
                    Cow::Borrowed(raw)
                } else {
                    Cow::Owned(part.to_string())
                },
                case: case_of(raw),
                gap,
                line_start: j == 0 && t.line_start,
                possessive: j + 1 == n && t.possessive,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn case_by_bytes_agrees_with_case_by_chars() {
        let alphabet = ["A", "b", "7", "'", ".", "-", "Z", "q"];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        for w in &words {
            assert_eq!(super::case_of(w), super::case_of_chars(w), "{w:?}");
        }
    }
    use super::*;

    fn keys(t: &str) -> Vec<String> {
        tokenize(t)
            .into_iter()
            .map(|t| t.key.into_owned())
            .collect()
    }

    #[test]
    fn words_broken_at_a_line_end_are_joined() {
        let joined = |t: &str| {
            let whole = |k: &str| {
                declass_lexicon::is_common_word(k) || ["SOVIET", "AMERICAN", "COM"].contains(&k)
            };
            join_broken(t, tokenize(t), whole)
                .into_iter()
                .map(|t| t.key.into_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            joined("FINANCE MIN- ISTER PANDOLFI"),
            ["FINANCE", "MINISTER", "PANDOLFI"]
        );
        assert_eq!(joined("REP-\nRESENTATIVE"), ["REPRESENTATIVE"]);
        // two whole words, a hyphen inside a word, a blank line between: left alone
        assert_eq!(
            joined("SOVIET- AMERICAN TALKS"),
            ["SOVIET", "AMERICAN", "TALKS"]
        );
        assert_eq!(joined("EURATOM-IAEA"), ["EURATOM-IAEA"]);
        // pieces that are words, whole a word: joined (1979BUDAPE06138)
        assert_eq!(
            joined("POLITICAL COM- MENTATOR"),
            ["POLITICAL", "COMMENTATOR"]
        );
        assert_eq!(joined("COM-\n\nMITTEE"), ["COM", "MITTEE"]);
    }

    #[test]
    fn hyphenated_names_are_split() {
        fn split(t: &str) -> Vec<(String, &str, Gap)> {
            let piece = |k: &str| match k {
                "EURATOM" | "IAEA" => Piece::Known,
                "SOVIET" | "US" | "POLISH" => Piece::Place,
                _ if declass_lexicon::is_common_word(k) => Piece::Word,
                _ => Piece::Other,
            };
            split_compounds(t, tokenize(t), piece)
                .into_iter()
                .map(|x| (x.key.into_owned(), &t[x.start..x.end], x.gap))
                .collect::<Vec<_>>()
        }
        // cables-ner 1974BONN08226, 1978BUDAPE00954 (as annotated: each name apart)
        let s = split("THE EURATOM-IAEA AGREEMENT");
        assert_eq!(s[1], ("EURATOM".into(), "EURATOM", Gap::Space));
        assert_eq!(s[2], ("IAEA".into(), "IAEA", Gap::Mark));
        assert_eq!(s[3].0, "AGREEMENT");
        let s = split("SOVIET-BACKED FORCES AND US-POLISH'S TALKS");
        assert_eq!(s[0].1, "SOVIET");
        assert_eq!(s[1].1, "BACKED");
        // two places' pieces stay one phrase: no mark between
        assert_eq!(s[5], ("POLISH".into(), "POLISH'S", Gap::Space));
        // nothing known, or a piece neither known nor a word: whole
        assert_eq!(split("THE SO-CALLED PLAN")[1].0, "SO-CALLED");
        assert_eq!(split("AL-ASSAD")[0].0, "AL-ASSAD");
    }

    #[test]
    fn possessives_initials_and_gaps() {
        assert_eq!(
            keys("PRESS REPORTS OF CASTRO' S MEETING WITH U. S. AND U.S. OFFICIALS"),
            [
                "PRESS",
                "REPORTS",
                "OF",
                "CASTRO",
                "MEETING",
                "WITH",
                "U.S",
                "AND",
                "U.S",
                "OFFICIALS"
            ]
        );
        let t = tokenize("TO MININTERIOR, THE COMMISSION. Castro said");
        assert_eq!(t[0].gap, Gap::Stop);
        assert_eq!(t[2].gap, Gap::Mark);
        assert_eq!(t[4].gap, Gap::Stop);
        assert_eq!((t[4].case, t[5].case), (Case::Title, Case::Lower));
        let t = tokenize("CASTRO' S MEETING");
        assert_eq!(&"CASTRO' S MEETING"[t[0].start..t[0].end], "CASTRO' S");
    }
}
