//! Classification: level, handling caveats, declassification instruction, and the
//! marking stamped at release, kept apart from the original level (FIELDS.md §4).
//!
//! Banners are matched in capitals only (prose says "secret" too) with OCR-tolerant
//! spacing (`SEC RE T`). A line naming several levels is a checkbox list on a form,
//! not a banner, and is skipped.

use crate::normalize::Normalized;
use declass_model::{Classification, Spanned};
use regex::Regex;
use std::sync::LazyLock;

const LEVELS: [(&str, &str, u8); 5] = [
    ("TOP SECRET", r"T\s?O\s?P\s+S\s?E\s?C\s?R\s?E\s?T", 5),
    ("SECRET", r"S\s?E\s?C\s?R\s?E\s?T", 4),
    (
        "CONFIDENTIAL",
        r"C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L",
        3,
    ),
    ("LIMITED OFFICIAL USE", r"LIMITED\s+OFFICIAL\s+USE", 2),
    (
        "UNCLASSIFIED",
        r"U\s?N\s?C\s?L\s?A\s?S\s?S\s?I\s?F\s?I\s?E\s?D",
        1,
    ),
];

// All levels in one pattern, TOP SECRET first so it is not read as SECRET.
// (without the literal prefilter: its five one-letter prefixes are in every other word of a
// telegram, and the search would stop at each)
static LEVEL_ANY: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
    let alts: Vec<&str> = LEVELS.iter().map(|(_, p, _)| *p).collect();
    without_prefilter(&format!(r"(?-u:\b)(?:{})(?-u:\b)", alts.join("|")))
});

/// A static pattern searched by the DFA alone, for patterns whose literal prefixes are so
/// common in the text that the prefilter would stop at most words.
fn without_prefilter(pattern: &str) -> regex_automata::meta::Regex {
    regex_automata::meta::Regex::builder()
        .configure(regex_automata::meta::Config::new().auto_prefilter(false))
        .build(pattern)
        .expect("static regex")
}

static CAVEAT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(NODIS|EXDIS|LIMDIS|NOFORN|NOCONTRACT|ORCON|WNINTEL|PROPIN|EYES ONLY|ROGER CHANNEL|CHEROKEE|STADIS|SENSITIVE|NO\s+FOREIGN\s+DISSEM(?:INATION)?|CONTROLLED\s+DISSEM)(?-u:\b)")
        .expect("static regex")
});

// (without the literal prefilter too: `[EC€£]` starts the third form)
static DECL_RE: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
    without_prefilter(
        r"(?x)
        (?-u:\b)(?:DECL(?:ASSIFY)?(?:\s+ON)?|Decl(?:assify)?(?:\s+[Oo]n)?)\s*[:;.]\s*(?P<decl>OADR|[A-Z0-9/\-]{2,12}(?:\s+[A-Z0-9/\-]{2,12})?)
      | (?-u:\b)E\.?\s?O\.?\s*1\d{4}\s*[:;]\s*(?P<eo>GDS|XGDS(?:-\d)?|N/?A)(?-u:\b)
      | (?-u:\b)[EC€£]\s?[2Q]?,?\s+(?:IMPDET|EIPDET)(?-u:\b)
      # the 1960s' downgrading groups: alone on a line or before their rule's words, and a
      # telegram's `GP-3` at its end
      | (?m:^)[^\w\n]{0,3}(?:GROUP|Group)\s+(?P<group>[1-4])(?-u:\b)[^\w\n]{0,3}(?:(?m:$)|[A-Za-z]?(?:xcl|XCL)|Downgr|DOWNGR)
      | (?-u:\b)GP-(?P<gp>[1-4])(?-u:\b)
      # the 1970s' schedule alone on its line, perhaps with its date (`GDS 2/2/85`, `XGDS-2`)
      | (?m:^)[^\w\n]{0,3}(?P<gds>X?GDS(?:-\d)?(?:\s+\d{1,2}/\d{1,2}/\d{2,4})?)[^\w\n]{0,3}(?m:$)",
    )
});

// What each form of `DECL_RE` must hold, searched first: most texts hold none, and a
// pattern without a literal prefilter is slow to search.
static DECL_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"DECL|Decl|IMPDET|EIPDET|GDS|GROUP|Group|GP-").expect("static regex")
});
// (and `N/A` after a colon, asked of each `NA`: the colon is too common to search for)
static NA: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"N/?A").expect("static regex"));

// Markings that mean the original classification was reviewed and lifted.
// (an executive order as a review's authority, `E.O. 12958, Sec. 3.6`; not the order a
// telegram's own classification line cites, `E.O. 12958: N/A`)
static RELEASE_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"RELEASED|Released|DECLASSIFIED|Declassified|Review Authority|REVIEW AUTHORITY|FOIA|Exemption|EXEMPTION|(?-u:\b)E\.?O\.?\s*1[23]\d{3}\s*(?:[^\s:]|\z)")
        .expect("static regex")
});

/// The rank of a matched banner: letters compared with white space ignored (`SEC RE T`).
fn level_rank(matched: &str) -> u8 {
    let letters = || matched.bytes().filter(|b| !b.is_ascii_whitespace());
    LEVELS
        .iter()
        .find(|(name, _, _)| letters().eq(name.bytes().filter(|b| *b != b' ')))
        .map_or(1, |l| l.2)
}

/// `SENSITIVE` at `start..end` is a marking, not the adjective of a sentence (`GAUSAC-3 IS
/// SENSITIVE SOURCE`, `FOR EXTREMELY SENSITIVE ITEMS`): alone on its line but for marks, after
/// a level (`SECRET SENSITIVE`, `SECRET/SENSITIVE`), or opening the warning notice
/// (`SENSITIVE INTELLIGENCE SOURCES AND METHODS INVOLVED`).
fn sensitive_marking(text: &str, start: usize, end: usize) -> bool {
    // (read near the word only: asked of every match, on lines of any length)
    let line_start = crate::lines::line_near(text, start).0;
    let before = text[line_start..start].trim_end_matches(|c: char| !c.is_alphanumeric());
    let after = crate::lines::line_at(crate::lines::window(text, end, 400), 0);
    // (up to a wide gap: past it stands another column, `TOP SECRET/SENSITIVE` ... `January
    // 4, 1980`)
    let after = after.find("   ").map_or(after, |g| &after[..g]);
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
    let after_level = before.is_empty()
        || LEVEL_ANY
            .find(before)
            .is_some_and(|m| m.end() == before.len() && letters(&before[..m.start()]) <= 2);
    // (or before more markings: `TOP SECRET/SENSITIVE/EXCLUSIVELY EYES ONLY`)
    let rest = after.trim_start_matches(|c: char| !c.is_alphanumeric());
    after_level
        && (letters(after) <= 2
            || after.trim_start().starts_with("INTELLIGENCE")
            || after.starts_with('/')
                && (rest.starts_with("EXCLUSIVELY")
                    || CAVEAT_RE.find(rest).is_some_and(|m| m.start() == 0)))
}

/// Classification of the document as marked on the original.
pub fn extract(n: &Normalized) -> Classification {
    let text = &n.text;
    let mut c = Classification::default();
    let mut best: Option<(u8, usize, usize)> = None; // (rank, start, end)
    let mut unclassified: Option<(usize, usize)> = None;
    // One pass over the text; matches are then grouped by line.
    let starts = n.line_starts();
    let found: Vec<(usize, u8, usize, usize)> = LEVEL_ANY
        .find_iter(text)
        .filter(|m| !crate::lines::within_sentence(text, m.start(), m.end()))
        .map(|m| {
            let rank = level_rank(&text[m.range()]);
            (
                starts.partition_point(|&s| s <= m.start()),
                rank,
                m.start(),
                m.end(),
            )
        })
        .collect();
    for group in found.chunk_by(|a, b| a.0 == b.0) {
        let mut ranks: Vec<u8> = group.iter().map(|f| f.1).collect();
        ranks.sort_unstable();
        ranks.dedup();
        if ranks.len() > 1 {
            continue; // a checkbox list of every level
        }
        for &(_, rank, s, e) in group {
            if rank == 1 {
                unclassified.get_or_insert((s, e));
            } else if best.is_none_or(|(r, _, _)| rank > r) {
                best = Some((rank, s, e));
            }
        }
    }
    let released_context = RELEASE_CONTEXT.is_match(text);
    if let Some((rank, s, e)) = best {
        c.level = LEVELS.iter().find(|l| l.2 == rank).map(|l| l.0.to_string());
        c.span = Some(n.span(s, e));
    }
    for m in CAVEAT_RE.find_iter(text) {
        if m.as_str() == "SENSITIVE" && !sensitive_marking(text, m.start(), m.end()) {
            continue;
        }
        // the 1960s' spelling of NOFORN, kept as one facet value with it (and one value of
        // the estimates' `CONTROLLED DISSEM` however it wraps)
        let value = if m.as_str().contains("FOREIGN") {
            "NOFORN"
        } else if m.as_str().starts_with("CONTROLLED") {
            "CONTROLLED DISSEM"
        } else {
            m.as_str()
        };
        if !c.caveats.iter().any(|cv| cv.value == value) {
            c.caveats
                .push(Spanned::new(value.to_string(), n.span(m.start(), m.end())));
        }
    }
    if let Some((s, e)) = unclassified {
        // UNCLASSIFIED beside a higher level, caveats or release stamps is the release marking.
        if c.level.is_some() || !c.caveats.is_empty() || released_context {
            c.released_as = Some(Spanned::new("UNCLASSIFIED".into(), n.span(s, e)));
        } else {
            c.level = Some("UNCLASSIFIED".into());
            c.span = Some(n.span(s, e));
        }
    }
    // NODIS traffic is classified SECRET or higher: when the level itself is not legible,
    // say so with a low confidence rather than leave the field empty.
    if c.level.is_none() && c.caveats.iter().any(|cv| cv.value == "NODIS") {
        c.level = Some("SECRET".into());
        c.span = c
            .caveats
            .iter()
            .find(|cv| cv.value == "NODIS")
            .map(|cv| cv.span);
        c.level_confidence = Some(0.5);
    }
    let mut cap = DECL_RE.create_captures();
    let na_after_colon = || {
        NA.find_iter(text)
            .any(|m| text[..m.start()].trim_end().ends_with([':', ';']))
    };
    if DECL_WORDS.is_match(text) || na_after_colon() {
        DECL_RE.captures(text, &mut cap);
    }
    if cap.is_match() {
        let (value, m) = if let Some(m) = cap.get_group_by_name("decl") {
            (text[m.range()].trim().to_string(), m)
        } else if let Some(m) = cap
            .get_group_by_name("eo")
            .or_else(|| cap.get_group_by_name("gds"))
        {
            (text[m.range()].to_string(), m)
        } else if let Some(m) = cap
            .get_group_by_name("group")
            .or_else(|| cap.get_group_by_name("gp"))
        {
            // (the span from the group's word to its number)
            let whole = cap.get_group(0).map_or(m.start, |w| w.start);
            let word = text[whole..m.start]
                .find('G')
                .map_or(m.start, |g| whole + g);
            (
                format!("GROUP {}", &text[m.range()]),
                regex_automata::Span::from(word..m.end),
            )
        } else if let Some(m) = cap.get_group(0) {
            ("IMPDET".to_string(), m)
        } else {
            return c;
        };
        c.declassify_on = Some(Spanned::new(value, n.span(m.start, m.end)));
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn cls(s: &str) -> Classification {
        extract(&normalize(s))
    }

    fn decl(t: &str) -> Option<String> {
        cls(t).declassify_on.map(|d| d.value)
    }

    #[test]
    fn seed_review_stamp_line_gives_secret_and_oadr() {
        // State seed 000: the banner is flattened into the review-stamp line.
        let t = "BRIEFING MEMORANDUM DEPARTMENT OF STATE Date: 1MAY96 S/S I W RELEASE () DECLASSIFY MR Cases Only SECRET TDC () EXCISE () DECLASSIFY DECL: OADR () DENY IN PART\nThe Secretary\n";
        let c = cls(t);
        assert_eq!(c.level.as_deref(), Some("SECRET"));
        let span = c.span.unwrap();
        assert_eq!(&t[span.start..span.end], "SECRET");
        assert_eq!(c.declassify_on.unwrap().value, "OADR");
    }

    #[test]
    fn released_unclassified_is_kept_apart_from_caveats() {
        // State seed 004.
        let c = cls("### RELEASEDUNCLASSIFIED\n\nNODIS 9026213\n\nB1,A5\n\nUNCLASSIFIED\n");
        // No banner survives; NODIS implies SECRET, said with a low confidence.
        assert_eq!(c.level.as_deref(), Some("SECRET"));
        assert_eq!(c.level_confidence, Some(0.5));
        assert_eq!(c.caveats.len(), 1);
        assert_eq!(c.caveats[0].value, "NODIS");
        assert_eq!(c.released_as.unwrap().value, "UNCLASSIFIED");
    }

    #[test]
    fn a_telegram_unclassified_from_the_start_is_not_released() {
        // *made up* in the form of a 1997 State telegram: its order line cites E.O. 12958
        // with a colon, as telegrams do, and the banner is its own level
        let c = cls("UNCLASSIFIED\n\nR 121530Z MAY 97\nFM SECSTATE WASHDC\n\nUNCLAS STATE 091234\n\nE.O. 12958: N/A\nTAGS: ECON, ETRD, CH\n");
        assert_eq!(c.level.as_deref(), Some("UNCLASSIFIED"));
        assert!(c.released_as.is_none());
        // the order as a review's authority marks a release
        let c = cls("UNCLASSIFIED\n\nAuthority: E.O. 12958, Sec. 3.6\n\nMEMORANDUM\n");
        assert_eq!(
            c.released_as.map(|r| r.value).as_deref(),
            Some("UNCLASSIFIED")
        );
    }

    #[test]
    fn spaced_banner_and_impdet() {
        // JFK 104-10003-10183 and 104-10056-10107.
        let c = cls("SEC RE T 271536Z\nDIR CITE A916\n");
        assert_eq!(c.level.as_deref(), Some("SECRET"));
        let c = cls("SECRET E2, IMPDET —\nCL'BY: 012034\n");
        assert_eq!(c.declassify_on.unwrap().value, "IMPDET");
    }

    #[test]
    fn executive_order_line_gives_its_instruction() {
        // Made up in the form of a 1970s State telegram's head (no dev file has one): the
        // instruction after the order's number, `N/A` as well as `GDS`.
        for (line, want) in [
            ("E.O. 11652: GDS", "GDS"),
            ("E.O. 11652: XGDS-1", "XGDS-1"),
            ("E.O. 11652: N/A", "N/A"),
            ("E.O. 12065:  NA", "NA"),
        ] {
            let t = format!("CONFIDENTIAL\nSTATE 123456\n{line}\nTAGS: PFOR, CH\n");
            let c = cls(&t);
            assert_eq!(
                c.declassify_on.map(|d| d.value),
                Some(want.to_string()),
                "{line}"
            );
        }
    }

    #[test]
    fn the_schedule_alone_at_a_memos_foot() {
        // *made up* in the form of the Department's memoranda of the 1970s: the general
        // declassification schedule typed alone, perhaps with its date
        assert_eq!(
            decl("SECRET\n\nClearances: EA/PRCM:HEHorowitz\n\nGDS 2/2/85\n"),
            Some("GDS 2/2/85".into())
        );
        assert_eq!(decl("SECRET\n\nXGDS-2\n"), Some("XGDS-2".into()));
        // in a sentence, or a word that holds it, it is none
        assert_eq!(
            decl("SECRET\n\nThe GDS 2/2/85 date was set by the office.\n"),
            None
        );
        assert_eq!(decl("SECRET\n\nGDSX\n"), None);
    }

    #[test]
    fn the_instruction_in_small_letters() {
        // *made up* in the form of the NSC's memoranda of the 1990s
        assert_eq!(
            decl("CONFIDENTIAL\nDeclassify on: OADR\n"),
            Some("OADR".into())
        );
        assert_eq!(decl("SECRET\nDecl: 6/30/04\n"), Some("6/30/04".into()));
        // the verb in a sentence is none
        assert_eq!(decl("We should declassify. The rest follows.\n"), None);
    }

    #[test]
    fn the_1960s_downgrading_groups() {
        // JFK 194-10001-10279, 104-10071-10119, 104-10177-10147 (abridged)
        assert_eq!(
            decl("SECRET\n\nGROUP 1 |\nPxeluded from automatic\ndowngrading end\n"),
            Some("GROUP 1".into())
        );
        assert_eq!(
            decl("GROUP 1\u{2022}\n\nEXCEED FROM AUTONTIC\n"),
            Some("GROUP 1".into())
        );
        assert_eq!(decl("Group 1 - Exclucec\n"), Some("GROUP 1".into()));
        // JFK 104-10217-10135: a CIA cable's `GP-4`, its span the marking's
        let t = "3. FILE: DEFER GP-4\nSECRET\n";
        let d = cls(t).declassify_on.unwrap();
        assert_eq!(
            (d.value.as_str(), &t[d.span.start..d.span.end]),
            ("GROUP 4", "GP-4")
        );
        // *made up* in the form of a 1960s State telegram's end
        assert_eq!(
            decl("CONFIDENTIAL\n...VIEWS OF MINISTER. GP-3. RICE\n"),
            Some("GROUP 3".into())
        );
        // a group in a sentence or a list is no marking
        assert_eq!(
            decl("THE GROUP 1 MEMBERS MET\nGROUP 2 OF THE COMMITTEE\n"),
            None
        );
    }

    #[test]
    fn checkbox_rows_and_prose_are_not_banners() {
        // JFK 104-10124-10199: every level on one form row.
        let c = cls("fom 610 (] secReT [[] CONFIDENTIAL [1] tseonty. C1 UNCLASSIFIED SECRET\nThe Secretary of State said it was a secret.\n");
        assert_eq!(c.level, None);
        assert_eq!(cls("SECRETARY OF STATE\n").level, None);
    }

    #[test]
    fn a_level_inside_a_cables_sentence_is_no_marking() {
        // cables-ner 1973ECBRU05448, 1977USUNN05653, 1978KADUNA01298: the words in prose
        for body in [
            "THIS APPARENTLY INFURIATED JAUERGUI WHO HAS MADE NO SECRET OF HIS DEEP-ROOTED AND HIGHLY PERSONALIZED DIFFERENCES WITH MCLELLAN SPANNING MANY YEARS.\n",
            "--ON THURSDAY MORNING, AUSTRIA, WHICH HAS INTRODUCED A RESOLUTION ON ITS OWN BEHALF, WILL ASK FOR A SECRET BALLOT.\n",
            "1. THE CONSULATE HAS OBTAINED A COPY OF THE CONFIDENTIAL MINUTES OF THE AUGUST 26 MEETING IN LAGOS WHICH LAUNCHED THE NATION\n",
        ] {
            assert_eq!(cls(body).level, None, "{body}");
            // the cable's own marking below such a line is read (1973OSLO01967's end)
            let t = format!("{body}\nCROWE\n*** Current Classification *** SECRET\n");
            let c = cls(&t);
            assert_eq!(c.level.as_deref(), Some("SECRET"));
            assert_eq!(c.span.unwrap().start, t.rfind("SECRET").unwrap());
        }
        // JFK 104-10400-10311: THE SECRET SERVICE in the text, the banner further down
        let t = "INTEREST TO HIM AND SELECT COMMITTEE. THEY ARE THE DIVISION OF\n\nreeen ge TWEEN Aw: SECURITY AND THE SECRET SERVICE AND Bs INTELe\n\nSECRET aNort\n";
        assert_eq!(cls(t).span.unwrap().start, t.rfind("SECRET").unwrap());
        // a form's field between words, not in a sentence (JFK 104-10221-10003)
        let c = cls("Y REPORT CLASS SECRET NO FOREIGN ce 8262\n");
        assert_eq!(c.level.as_deref(), Some("SECRET"));
    }

    #[test]
    fn sensitive_is_a_caveat_only_as_a_marking() {
        let caveats =
            |t: &str| -> Vec<String> { cls(t).caveats.into_iter().map(|c| c.value).collect() };
        // JFK 104-10063-10016, 104-10063-10160, 104-10127-10017: the adjective in the text
        for t in [
            "ON AND DISSEMINATION CONTROLS WITH\nAREA DESK. GAUSAC-3 IS SENSITIVE SOURCE WHO SUSCEPTIBLE TO\n",
            "D. PER SENSITIVE BKHERALD ASSET, AS oF 31 JAN.\n",
            "CES THAT THE SUBJECT wOULD RE\nHANDLED AS CLASSIFIED AND SENSITIVE,\n",
        ] {
            assert!(caveats(t).is_empty(), "{t}");
        }
        // JFK 104-10056-10107's warning notice, 157-10002-10052's marking alone, and after a level
        for t in [
            "WARNING NOTICE\nSENSITIVE INTELLIGENCE SOURCES AND METHODS INVOLVED\n",
            "INTERVIEW WITH RICHARD GOODWIN\nSENSITIVE\nFILE:\n",
            "_ SENSITIVE |\n",
            "SECRET/SENSITIVE\n",
        ] {
            assert_eq!(caveats(t), ["SENSITIVE"], "{t}");
        }
        // *made up*, the White House's memoranda of conversation: before more markings
        assert_eq!(
            caveats("TOP SECRET/SENSITIVE/EXCLUSIVELY EYES ONLY\n"),
            ["SENSITIVE", "EYES ONLY"]
        );
        assert_eq!(caveats("SECRET/SENSITIVE/NODIS\n"), ["SENSITIVE", "NODIS"]);
        // *made up*, an estimate's cover of 1972: the intelligence community's marking
        assert_eq!(
            caveats("SECRET\nCONTROLLED DISSEM\n\nNATIONAL INTELLIGENCE ESTIMATE\n"),
            ["CONTROLLED DISSEM"]
        );
        assert!(caveats("THE REPORT WAS GIVEN CONTROLLED DISSEMINATION ONLY.\n").is_empty());
        // and before another column: the date at the right
        assert_eq!(
            caveats("TOP SECRET/SENSITIVE                          January 4, 1980\n"),
            ["SENSITIVE"]
        );
        // (but not an adjective after a slash in a sentence)
        assert!(caveats("THE SECRET/SENSITIVE MATTERS OF THE STATION ARE\n").is_empty());
    }

    #[test]
    fn no_foreign_dissem_is_noforn() {
        let caveats =
            |t: &str| -> Vec<String> { cls(t).caveats.into_iter().map(|c| c.value).collect() };
        // JFK 104-10221-10003's report form, and a banner with NOFORN spelled short later
        assert_eq!(
            caveats(
                "FILEO 1719872 REPORT CLASS ZECRET/NO FOREIGN DISSEM 2
"
            ),
            ["NOFORN"]
        );
        assert_eq!(
            caveats(
                "SECRET/NO FOREIGN DISSEMINATION

SECRET NOFORN
"
            ),
            ["NOFORN"]
        );
    }

    #[test]
    fn top_secret_outranks_secret() {
        let c = cls("TOP SECRET DINAR\nSECRET\n");
        assert_eq!(c.level.as_deref(), Some("TOP SECRET"));
    }
}
