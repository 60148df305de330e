//! Entity scoring on hand-annotated cables (History Lab's format, `eval/cables-ner`).
//!
//! A file is an entity list (`N. NAME   TYPE`), a line of `@@@`, then the body with mentions
//! marked `[[ text || N ]]` (marks nest). Gold is every marked mention's text, by the kind of
//! its entity (PER → people; ORG → organizations; GPE and LOC → places), pronouns dropped
//! (`US` marked as a place is the country, not the pronoun),
//! distinct per document. A gold mention is found when an extracted name, canonical name or
//! mention text of the same kind shares its last word and at least half of its words; an
//! extracted mention text is correct when it matches some gold mention that way.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::ratio;

/// The three kinds scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    People,
    Organizations,
    Places,
}

impl EntityKind {
    pub const ALL: [EntityKind; 3] = [
        EntityKind::People,
        EntityKind::Organizations,
        EntityKind::Places,
    ];

    /// From an annotation type: `PER.IND`, `ORG.GOV`, `GPE.NATION`, `LOC`.
    pub fn from_annotation(t: &str) -> Option<EntityKind> {
        let t = t.trim().to_ascii_uppercase();
        if t.starts_with("PER") {
            Some(EntityKind::People)
        } else if t.starts_with("ORG") {
            Some(EntityKind::Organizations)
        } else if t.starts_with("GPE") || t.starts_with("LOC") {
            Some(EntityKind::Places)
        } else {
            None
        }
    }
}

/// One annotated document: its plain body (marks removed) and gold mentions.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub text: String,
    pub gold: BTreeSet<(EntityKind, String)>,
}

const PRONOUNS: &[&str] = &[
    "I",
    "ME",
    "MY",
    "MINE",
    "WE",
    "US",
    "OUR",
    "OURS",
    "YOU",
    "YOUR",
    "YOURS",
    "HE",
    "HIM",
    "HIS",
    "SHE",
    "HER",
    "HERS",
    "IT",
    "ITS",
    "THEY",
    "THEM",
    "THEIR",
    "THEIRS",
    "WHO",
    "WHOM",
    "WHOSE",
    "WHICH",
    "THAT",
    "THIS",
    "THESE",
    "THOSE",
    "HIMSELF",
    "HERSELF",
    "ITSELF",
    "THEMSELVES",
    "OURSELVES",
    "ONE",
];

/// Words of a mention for matching: upper case, possessive `'S` (also `' S`) dropped.
pub fn mention_words(s: &str) -> Vec<String> {
    let up = s.to_uppercase().replace("' S", "'S").replace("’S", "'S");
    let mut out: Vec<String> = Vec::new();
    for w in up.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '.')) {
        let w = w.trim_matches(|c| c == '\'' || c == '.');
        let w = w.strip_suffix("'S").unwrap_or(w);
        if w == "S" && !out.is_empty() {
            continue;
        }
        if !w.is_empty() {
            out.push(w.to_string());
        }
    }
    out
}

/// The scoring rule: same last word, and at least half of the gold mention's words.
pub fn mention_matches(gold: &[String], got: &[String]) -> bool {
    let (Some(g), Some(e)) = (gold.last(), got.last()) else {
        return false;
    };
    g == e && gold.iter().filter(|w| got.contains(w)).count() * 2 >= gold.len()
}

/// Parse one annotated file. Unknown entity numbers and types other than the three are skipped.
pub fn parse(raw: &str) -> Annotated {
    let raw = raw.trim_start_matches('\u{feff}');
    let (head, body) = match raw.lines().position(|l| {
        let t = l.trim();
        t.len() >= 3 && t.bytes().all(|b| b == b'@')
    }) {
        Some(n) => {
            let mut lines = raw.split_inclusive('\n');
            let head: String = lines.by_ref().take(n + 1).collect();
            (head, lines.collect::<String>())
        }
        None => (String::new(), raw.to_string()),
    };
    let mut kinds: HashMap<String, EntityKind> = HashMap::new();
    for line in head.lines() {
        // `12. NAME   TYPE` or, in some files, `12<TAB>NAME<TAB>TYPE`
        let t = line.trim();
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let (num, rest) = t.split_at(digits);
        if num.is_empty() || !rest.starts_with(|c: char| c == '.' || c.is_whitespace()) {
            continue;
        }
        if let Some(kind) = rest
            .split_whitespace()
            .last()
            .and_then(EntityKind::from_annotation)
        {
            kinds.insert(num.to_string(), kind);
        }
    }
    let mut text = String::with_capacity(body.len());
    let mut stack: Vec<usize> = Vec::new();
    let mut gold = BTreeSet::new();
    let mut rest = body.as_str();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("[[") {
            stack.push(text.len());
            rest = r;
        } else if let (Some(r), Some(start)) = (rest.strip_prefix("||"), stack.last().copied()) {
            let close = r.find("]]").unwrap_or(r.len());
            let num = r[..close].trim();
            stack.pop();
            let words = mention_words(&text[start..]);
            if let Some(&kind) = kinds.get(num) {
                // `US` marked as a place is the United States (`US PAPER`), not the pronoun
                let pronoun = words.len() == 1
                    && PRONOUNS.contains(&words[0].as_str())
                    && !(kind == EntityKind::Places && words[0] == "US");
                if !words.is_empty() && !pronoun {
                    gold.insert((kind, words.join(" ")));
                }
            }
            rest = r.get(close + 2..).unwrap_or("");
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    Annotated { text, gold }
}

/// One name extraction gave: a mention's text (scored for precision and recall) or an
/// entity's name or canonical name (recall only: `United States` for the mention `U.S.`).
#[derive(Debug, Clone)]
pub struct Name {
    pub kind: EntityKind,
    pub text: String,
    pub mention: bool,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct KindScore {
    pub gold: usize,
    pub found: usize,
    pub extracted: usize,
    pub correct: usize,
}

impl KindScore {
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.extracted)
    }
    pub fn f1(&self) -> f64 {
        crate::f1(self.precision(), self.recall())
    }
}

/// One miss: a gold mention not found, or an extracted mention matching no gold.
#[derive(Debug, Clone, Serialize)]
pub struct EntityMiss {
    pub file: String,
    pub kind: EntityKind,
    pub text: String,
    /// `missed` (gold not found) or `spurious` (extracted, not gold).
    pub what: &'static str,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct EntityReport {
    pub documents: usize,
    pub kinds: BTreeMap<EntityKind, KindScore>,
    pub misses: Vec<EntityMiss>,
}

/// Score one document into `report`. `extracted` holds names, canonical names and mention texts.
pub fn score_document(report: &mut EntityReport, file: &str, doc: &Annotated, extracted: &[Name]) {
    report.documents += 1;
    for kind in EntityKind::ALL {
        let s = report.kinds.entry(kind).or_default();
        let words = |mention_only: bool| -> BTreeSet<Vec<String>> {
            extracted
                .iter()
                .filter(|n| n.kind == kind && (n.mention || !mention_only))
                .map(|n| mention_words(&n.text))
                .filter(|w| !w.is_empty())
                .collect()
        };
        let (got, names) = (words(true), words(false));
        let gold: Vec<Vec<String>> = doc
            .gold
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, t)| t.split(' ').map(str::to_string).collect())
            .collect();
        for g in &gold {
            s.gold += 1;
            if names.iter().any(|e| mention_matches(g, e)) {
                s.found += 1;
            } else {
                report.misses.push(EntityMiss {
                    file: file.to_string(),
                    kind,
                    text: g.join(" "),
                    what: "missed",
                });
            }
        }
        for e in &got {
            s.extracted += 1;
            if gold.iter().any(|g| mention_matches(g, e)) {
                s.correct += 1;
            } else {
                report.misses.push(EntityMiss {
                    file: file.to_string(),
                    kind,
                    text: e.join(" "),
                    what: "spurious",
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\u{feff}1. HUGO BANZER        PER.INDIVIDUAL\n2. BOLIVIA         GPE.NATION \n4. BOLIVIAN JUDICIARY         ORG.GOV  \n6. MINISTER OF INTERIOR CASTRO         PER.INDIVIDUAL \n\n\n@@@\n\n\nREPORTS OF [[CASTRO' S || 6 ]] MEETING. [[HIS || 6]] PROMISE. [[[[BOLIVIAN || 2 ]] JUDICIARY || 4]] PROCESSES. [[PRESIDENT BANZER||1]]\n";

    #[test]
    fn us_as_a_place_is_the_country_not_the_pronoun() {
        // as in eval/cables-ner/train/1975STATE055582.txt
        let a = parse("1. UNITED STATES   GPE.NATION\n2. EMBASSY OFFICIAL  PER.IND\n@@@\n[[US || 1]] PAPER DEALS WITH IT. FRENCH TOLD [[US||2]] THAT\n");
        let gold: Vec<(EntityKind, &str)> = a.gold.iter().map(|(k, t)| (*k, t.as_str())).collect();
        assert_eq!(gold, vec![(EntityKind::Places, "US")]);
    }

    #[test]
    fn reads_entity_lists_numbered_with_a_tab() {
        // as in eval/cables-ner/dev/1976OTTAWA00108.txt
        let a = parse("1\tEMBASSY OFFICIAL\tPER.INDIVIDUAL\n2\tWARSAW\tGPE.SPECIAL\n\n@@@\n\n[[EMBOFF||1]] DISCUSSED [[WARSAW||2]] CONFERENCE\n");
        let gold: Vec<(EntityKind, &str)> = a.gold.iter().map(|(k, t)| (*k, t.as_str())).collect();
        assert_eq!(
            gold,
            vec![
                (EntityKind::People, "EMBOFF"),
                (EntityKind::Places, "WARSAW")
            ]
        );
    }

    #[test]
    fn parses_nested_marks_and_drops_pronouns() {
        let a = parse(SAMPLE);
        // marks go, the spaces inside them stay
        let words: Vec<&str> = a.text.split_whitespace().collect();
        assert_eq!(
            words.join(" "),
            "REPORTS OF CASTRO' S MEETING. HIS PROMISE. BOLIVIAN JUDICIARY PROCESSES. PRESIDENT BANZER"
        );
        let gold: Vec<(EntityKind, &str)> = a.gold.iter().map(|(k, t)| (*k, t.as_str())).collect();
        assert_eq!(
            gold,
            [
                (EntityKind::People, "CASTRO"),
                (EntityKind::People, "PRESIDENT BANZER"),
                (EntityKind::Organizations, "BOLIVIAN JUDICIARY"),
                (EntityKind::Places, "BOLIVIAN"),
            ]
        );
    }

    #[test]
    fn last_word_and_half_the_words() {
        let w = |s: &str| mention_words(s);
        assert!(mention_matches(&w("PRESIDENT BANZER"), &w("BANZER")));
        assert!(mention_matches(&w("BANZER"), &w("Hugo Banzer")));
        assert!(!mention_matches(&w("MINISTER OF INTERIOR"), &w("INTERIOR")));
        assert!(!mention_matches(&w("BANZER"), &w("BANZER GOVERNMENT")));
        let mut r = EntityReport::default();
        let doc = parse(SAMPLE);
        let name = |kind, text: &str, mention| Name {
            kind,
            text: text.to_string(),
            mention,
        };
        let got = vec![
            name(EntityKind::People, "Banzer", true),
            name(EntityKind::People, "Siles", true),
            name(EntityKind::People, "Hugo Banzer", false),
            name(EntityKind::Organizations, "Judiciary", true),
        ];
        score_document(&mut r, "f", &doc, &got);
        let p = r.kinds[&EntityKind::People];
        assert_eq!((p.gold, p.found, p.extracted, p.correct), (2, 1, 2, 1));
        let o = r.kinds[&EntityKind::Organizations];
        assert_eq!((o.gold, o.found, o.extracted, o.correct), (1, 1, 1, 1));
        assert_eq!(r.kinds[&EntityKind::Places].found, 0);
    }
}
