//! Document type from headings and anatomy (DESIGN.md's vocabulary).
//!
//! A heading near the top decides when there is one (OCR may eat its first letter:
//! `CTION MEMORANDUM`); otherwise the document's furniture does: a date-time group with
//! `CITE` or `FM`/`TO` lines is a telegram, a salutation a letter, `MEMORANDUM FOR` a
//! memorandum. No evidence gives `None`, not a guess.

use crate::earliest::Earliest;
use crate::normalize::Normalized;
use declass_model::{DocType, Spanned};
use regex::{Regex, RegexSet};
use std::sync::LazyLock;

/// How far into the text a heading may sit.
const HEAD_BYTES: usize = 3000;

static HEADINGS: LazyLock<Earliest<DocType>> = LazyLock::new(|| {
    Earliest::new(
    [
        (
            r"(?-u:\b)(?:B?RIEFING|BRIEFIN)\s+MEMORANDUM",
            DocType::BriefingMemorandum,
        ),
        (r"(?-u:\b)(?:A?CTION)\s+MEMORANDUM", DocType::ActionMemorandum),
        (
            r"(?-u:\b)(?:I?NFORMATION)\s+MEMORANDUM",
            DocType::InformationMemorandum,
        ),
        (
            r"(?-u:\b)MEMORANDUM\s+(?:FOR|TO)\s+(?:THE\s+)?(?:RECORD|FILE)(?-u:\b)|(?m)^\W{0,3}Memorandum\s+[Ff]or\s+[Tt]he\s+Record\W{0,3}$",
            DocType::MemorandumForTheRecord,
        ),
        (
            // (the State Department's form of the 1950s and 60s prints it in small letters)
            // (and a telephone call's: Kissinger's `TELCON`s)
            r"(?-u:\b)MEMORANDUM\s+OF\s+(?:TELEPHONE\s+)?CONVERSATION(?-u:\b)|(?-u:\b)MEMCON(?-u:\b)|(?m)^\W{0,3}(?:Memorandum\s+of\s+(?:Telephone\s+)?Conversation|TELCON|TELEPHONE\s+CONVERSATION|Telephone\s+Conversation)\W{0,3}$",
            DocType::MemorandumOfConversation,
        ),
        (
            r"(?m)^\W{0,4}(?:CONTINGENCY\s+)?TALKING\s+POINTS(?-u:\b)",
            DocType::TalkingPoints,
        ),
        (
            r"(?-u:\b)(?:NATIONAL|SPECIAL NATIONAL)\s+INTELLIGENCE\s+ESTIMATE(?-u:\b)|(?-u:\b)S?NIE\s+\d",
            DocType::IntelligenceEstimate,
        ),
        (
            r"(?-u:\b)IDENTIFICATION\s+FORM(?-u:\b)|(?-u:\b)WITHDRAWAL\s+SHEET(?-u:\b)|(?-u:\b)ROUTING\s+AND\s+RECORD\s+SHEET(?-u:\b)",
            DocType::CoverSheet,
        ),
        (
            // (an airgram is the telegram's form sent by pouch: a heading alone on its line)
            r"(?-u:\b)(?:INCOMING|OUTGOING)\s+TELEGRAM(?-u:\b)|(?-u:\b)CLASSIFIED\s+MESSAGE(?-u:\b)|(?-u:\b)TELEGRAM(?-u:\b)|(?m)^\W{0,3}AIRGRAM\W{0,3}$",
            DocType::Telegram,
        ),
        (
            r"(?-u:\b)INFORMATION\s+REPORT(?-u:\b)|(?-u:\b)CONTACT\s+REPORT(?-u:\b)|Contact\s+Report(?-u:\b)|(?-u:\b)INTELLIGENCE\s+(?:RESEARCH\s+)?REPORT(?-u:\b)|(?m)^\W{0,3}(?:INTELLIGENCE\s+(?:NOTE|BRIEF|ASSESSMENT)|RESEARCH\s+STUDY|Intelligence\s+(?:Research\s+Report|Report|Note|Brief|Assessment)|Research\s+(?:Study|Paper)|(?:BACKGROUND|BRIEFING|POSITION|SCOPE|ISSUES)\s+PAPER)\W{0,3}$|(?-u:\b)DATE\s+OF\s+REPORT(?-u:\b)|(?i:UNEVALUATED\s+I[NM]\w*|UNEVALUATED\s+\w*ORMATION)|(?-u:\b)DATE\s+DISTR(?-u:\b)|(?-u:\b)FIELD\s+[RF]E[PF][O0C]RT\s+NO(?-u:\b)",
            DocType::Report,
        ),
    ]
    .into_iter()
    .map(|(p, t)| (Regex::new(p).expect("static regex"), t))
    .collect(),
    )
});

/// Whether a memorandum of conversation's heading is a telephone call's (`TELCON`,
/// `Memorandum of Telephone Conversation`): of [`HEADINGS`]' forms, only those say `TEL`.
pub fn is_telephone_call(heading: &str) -> bool {
    heading.contains("TEL") || heading.contains("Tel")
}

static TELEGRAM_FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?-u:\b)[0-3]\d[0-2]\d[0-5]\dZ(?-u:\b)|^\s*FM\s+[A-Z]|(?-u:\b)CITE\s+[A-Z]|^\s*TAGS\s*:")
        .expect("static regex")
});
static ROUTING_SLIP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)ROUTING\s+SLIP(?-u:\b)").expect("static regex"));
// (the government's office memorandum form prints `Memorandum` alone on its line, under
// `UNITED STATES GOVERNMENT`)
// (and the NSC's numbered directives in small letters: `National Security Study
// Memorandum 14`, `Presidential Review Memorandum/NSC-24`)
static MEMO_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)(?-u:\b)MEMORANDUM(?-u:\b)|^\W{0,3}D[IE]SPATCH(?-u:\b)|^\W{0,3}Memorandum\W{0,3}$|^\W{0,3}(?:National\s+Security\s+(?:Study|Decision)|Presidential\s+Review)\s+Memorandum(?-u:\b)",
    )
    .expect("static regex")
});

/// The document type, with the heading or furniture that shows it.
pub fn extract(n: &Normalized) -> Option<Spanned<DocType>> {
    let h = crate::lines::window(&n.text, 0, HEAD_BYTES);
    // The earliest heading wins: a memo's own heading comes before the letter it attaches.
    let heading = HEADINGS.find_where(h, |at| !crate::lines::inside_prose(h, at));
    if let Some((s, e, t)) = heading {
        return Some(Spanned::new(t, n.span(s, e)));
    }
    let furniture: Vec<_> = TELEGRAM_FURNITURE.find_iter(h).take(2).collect();
    if furniture.len() >= 2 {
        let m = furniture[0];
        return Some(
            Spanned::new(DocType::Telegram, n.span(m.start(), m.end())).with_confidence(0.7),
        );
    }
    if let Some(m) = MEMO_FOR
        .find_iter(h)
        .find(|m| !crate::lines::inside_prose(h, m.start()))
    {
        let word = m.as_str().trim_matches(|c: char| !c.is_alphanumeric());
        let start = m.start() + m.as_str().find(word).unwrap_or(0);
        return Some(Spanned::new(
            DocType::Memorandum,
            n.span(start, start + word.len()),
        ));
    }
    if let Some(m) = crate::fields::routing::dear_line(h) {
        return Some(
            Spanned::new(DocType::Letter, n.span(m.start(), m.end())).with_confidence(0.7),
        );
    }
    // A routing slip clipped to a memorandum or letter is not what the file is; alone it is.
    if let Some(m) = ROUTING_SLIP.find(h) {
        return Some(Spanned::new(
            DocType::CoverSheet,
            n.span(m.start(), m.end()),
        ));
    }
    cable_form(h).map(|(s, e)| Spanned::new(DocType::Telegram, n.span(s, e)).with_confidence(0.6))
}

/// Pieces of a CIA cable that survive poor OCR, one pattern per kind: the cite and the
/// date-time group as OCR reads them (`C1TE`, `151047Z` read `1510472`), the message
/// form's name, a precedence at the head of a line or before the addressee (`PRITY DIR`),
/// the form's end and footer lines, a cable number after a station (`DIRECTOR 83209`,
/// `WAVE 3059`), the outgoing form's officers' block, the cable secretariat, an incoming
/// cable's number after a reference (`MEXI 7201 (IN 71903)`), the form's NO INDEX box.
/// Any one may stand in a memo's prose; two kinds make a cable.
static CABLE_PIECES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"(?-u:\b)C[I1lA]TE(?-u:\b)",
        // the date-time group, or six digits after the classification that opens the line
        r"(?-u:\b)[0-3]\d[0-2]\d[0-5]\d[Z27z](?-u:\b)|S\W?E\W?C\W?R\W?E\W?T\s+[0-3]\d[0-2]\d[0-5]\d(?-u:\b)",
        r"[CG]LASSIFIED\s+MESSAGE|[Cc]lassified\s+[Mm]essage",
        r"(?m)^[^\w\n]{0,3}(?:PRIORITY|PRITY|ROUTINE|IMMEDIATE|OPIM|NIACT)(?-u:\b)|(?-u:\b)(?:PRIORITY|PRITY|ROUTINE|IMMEDIATE|OPIM|NIACT)\s+(?:DIR|INFO)(?-u:\b)",
        // `END OF, MESSAGE`, `{Eno OF Message)`
        r"[EB]ND\W{0,2}\s+[OC][FP]\W{0,2}\s*MESSAGE|(?-u:\b)E[MN]D\s+oF(?-u:\b)|(?-u:\b)END\s+OF\s+MSG(?-u:\b)|(?-u:\b)[EB][Nn][DdOo]\s+[Oo0C][FfP]\s+[Mm][EeAa][Ss]|(?-u:\b)[OC][FP]\s+ME[S5]{1,2}AGE(?-u:\b)",
        // `BY OTHER. THAN THE ISSUING`, `RY OTHER THAN THF ISSIHNG`, `THAN THE iSSUING`
        r"OTHER\W{0,2}\s+THAN\s+TH[EF]\W{0,3}[iI1l][S5]{1,2}[A-Za-z1]{1,3}NG|THAN\s+THE\W{0,3}[iI]SSUING",
        // the addressee line: `DIR INFO WAVE`, `DIR. INFO RABA`, `DIR WAVE INFO HAGU`
        r"(?-u:\b)DIR(?:ECTOR)?\.?,?(?:\s+[A-Z]{4})?\s+INFO\s+[A-Z]{3,}",
        // the incoming cable's routing box: `ACTION: C/WH 5`, `C/CA COPY SLOTTED 1800`
        // (literals, no case folding: the search keeps its fast prefilter)
        r"(?-u:\b)(?:ACTION|Action|action)\s*[:;.]\s*[A-Z]{1,4}/|(?:SLOTTED|Slotted|slotted)\s+(?:AT\s+|at\s+)?\d{3,4}",
        r"(?-u:\b)(?:DIR|DIRECTOR|WAVE|MEXI|HAVA|PARI|LOND|ROME|MADR|BONN|HELS|CARA)\s+\d{3,6}(?-u:\b)",
        r"(?:COORDINATING|RELEASING|AUTHENTICATING)\s+OFFICER",
        r"ABLE\s+SECRETARIAT",
        r"\((?:IN|OUT|1N|IH|ZN|1M)[\s\-]+\d{4,6}\)",
        r"(?-u:\b)NO\s*INDEX(?-u:\b)",
    ]
    .into_iter()
    .map(|p| Regex::new(p).expect("static regex"))
    .collect()
});

static CABLE_SET: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(CABLE_PIECES.iter().map(Regex::as_str)).expect("static regex"));

/// The first piece of a cable form, when pieces of two kinds are found.
fn cable_form(h: &str) -> Option<(usize, usize)> {
    // Most texts hold no piece or one: one pass of the set says so, and only the kinds it
    // found are then looked for where they stand.
    let kinds = CABLE_SET.matches(h);
    if kinds.iter().count() < 2 {
        return None;
    }
    let found: Vec<(usize, usize)> = kinds
        .iter()
        .filter_map(|i| CABLE_PIECES[i].find(h))
        .map(|m| {
            let lead = m.as_str().len()
                - m.as_str()
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .len();
            (m.start() + lead, m.end())
        })
        .collect();
    (found.len() >= 2)
        .then(|| found.into_iter().min())
        .flatten()
}

// State's telegram header lines; CIA cables carry CITE and routing boxes instead.
static STATE_TELEGRAM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\s*FM\s+[A-Z]|^\s*TAGS\s*:").expect("static regex"));

/// The name of the document's form as an archivist writes it at the head of a devised
/// title (`Cable: ...`, `Dispatch: ...`), read from the type and the evidence that showed it.
/// A CIA cable and a State telegram are both `telegram`s, but each service names its own.
static INFORMATION_REPORT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)INFORMATION\s+REPORT(?-u:\b)").expect("static regex"));

pub fn form_name(n: &Normalized, doc_type: Option<&Spanned<DocType>>) -> Option<&'static str> {
    let t = doc_type?;
    let evidence = n
        .text
        .get(t.span.start..t.span.end)
        .unwrap_or("")
        .to_ascii_uppercase();
    Some(match t.value {
        DocType::Telegram
            if evidence.contains("TELEGRAM")
                || STATE_TELEGRAM.is_match(crate::lines::window(&n.text, 0, HEAD_BYTES)) =>
        {
            "Telegram"
        }
        DocType::Telegram => "Cable",
        DocType::Memorandum if evidence.contains("SPATCH") => "Dispatch",
        DocType::Memorandum => "Memorandum",
        // `THIS IS UNEVALUATED INFORMATION` is the information report form's own line.
        // So is `DATE DISTR.`, the box beside its SUBJECT when OCR has lost the form's name.
        // The form's name printed below a box read first (`DATE OF REPORT`, then `FIELD
        // INFORMATION REPORT`) names it too.
        DocType::Report
            if evidence.contains("INFORMATION")
                || evidence.contains("UNEVALUATED")
                || evidence.contains("DISTR")
                || evidence.starts_with("FIELD")
                || INFORMATION_REPORT.is_match(crate::lines::window(&n.text, 0, HEAD_BYTES)) =>
        {
            "Information report"
        }
        DocType::Report if evidence.contains("INTELLIGENCE") => "Intelligence report",
        DocType::Report if evidence.starts_with("CONTACT") => "Contact report",
        DocType::Report => "Report",
        DocType::BriefingMemorandum => "Briefing memorandum",
        DocType::ActionMemorandum => "Action memorandum",
        DocType::InformationMemorandum => "Information memorandum",
        DocType::MemorandumForTheRecord => "Memorandum for the record",
        DocType::MemorandumOfConversation => "Memorandum of conversation",
        DocType::Letter => "Letter",
        DocType::TalkingPoints => "Talking points",
        DocType::IntelligenceEstimate => "Intelligence estimate",
        DocType::CoverSheet | DocType::Other => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn ty(s: &str) -> Option<DocType> {
        extract(&normalize(s)).map(|t| t.value)
    }

    // The one scan must pick what asking every heading's pattern and keeping the earliest
    // picked (ties to the first listed): heads with several headings, overlapping ones, and
    // line anchors.
    #[test]
    fn one_scan_finds_the_earliest_heading() {
        for h in [
            "INFORMATION MEMORANDUM\nMEMORANDUM FOR THE RECORD\n",
            "MEMORANDUM FOR THE RECORD\nINFORMATION REPORT\n",
            "x TELEGRAM\n  TALKING POINTS\nBRIEFING MEMORANDUM",
            "NIE 11-8 and the NATIONAL INTELLIGENCE ESTIMATE\n",
            "OUTGOING TELEGRAM\nCLASSIFIED MESSAGE\nROUTING AND RECORD SHEET",
            "FIELD REPORT NO 12\nUNEVALUATED INFORMATION\nDATE DISTR 3 MAY",
            "ACTION MEMORANDUM\nTHE MEMCON OF 3 MAY\n",
            "nothing of the kind here\n",
            "DEPARTMENT OF STATE\n\nMemorandum of Conversation\n\nAIRGRAM\n",
            "AIRGRAMS\n  Memorandum for the Record\n",
        ] {
            assert_eq!(HEADINGS.find(h), HEADINGS.find_one_by_one(h), "{h:?}");
            assert_eq!(HEADINGS.find_where(h, |_| true), HEADINGS.find(h), "{h:?}");
        }
    }

    #[test]
    fn headings_from_the_seeds() {
        assert_eq!(
            ty("01639\n\nBRIEFING MEMORANDUM DEPARTMENT OF STATE Date: 1MAY96\n"),
            Some(DocType::BriefingMemorandum)
        );
        // OCR lost the A of ACTION in seed 004; the letter it attaches comes later.
        assert_eq!(
            ty("United States Department of State\n\nCTION MEMORANDUMBP 12/14 REDIST 12/1\n\nDear-Mr. Foreign Minister:\n"),
            Some(DocType::ActionMemorandum)
        );
    }

    #[test]
    fn a_heading_word_inside_a_sentence_is_no_heading() {
        // cables-ner 1977STATE051361 and 1974USUNN00675: bodies with no heading
        assert_eq!(
            ty("1. THE FOLLOWING IS TEXT OF PRESIDENTIAL DIRECTIVE/NSC-4 DATED MARCH 8, 1977: BEGIN TEXT:\n\n\nI HAVE REVIEWED THE PRESIDENTIAL REVIEW MEMORANDUM/NSC-18, PART 1, RESPONSE IN- CLUDING SPECIFICALLY THE RECOMMENDATIONS AND AGENCY VIEWS ON LOS NEGOTIATING AND LEGISLATIVE POSTURES.\n"),
            None
        );
        assert_eq!(
            ty("1. AS INFORMAL DRAFTING COMITE OF USSR, FRANCE, AND UK WAS CONVENING AM, FEB 27, MRS. NEHRU (INDIA ) URGED THAT GROUP BE ENLARGED. HE EXPRESSED THE HOPE THAT A TELEGRAM TEXT MIGHT BE FOUND WHICH WOULD BE ACCEPTABLE TO ALL\n"),
            None
        );
        // a heading over such a sentence, or opening a line, still is one
        assert_eq!(
            ty("INFORMATION MEMORANDUM\n1. I HAVE REVIEWED THE PRESIDENTIAL REVIEW MEMORANDUM/NSC-18, PART 1, RESPONSE INCLUDING THE RECOMMENDATIONS.\n"),
            Some(DocType::InformationMemorandum)
        );
        assert_eq!(
            ty("MEMORANDUM FOR THE RECORD of the meeting held on the third of May with the people who came\n"),
            Some(DocType::MemorandumForTheRecord)
        );
    }

    #[test]
    fn state_forms_of_the_1960s() {
        // *made up* in the Department's forms: the memorandum of conversation's title in
        // small letters, the airgram's heading
        assert_eq!(
            ty("DEPARTMENT OF STATE\n\nMemorandum of Conversation\n\nSECRET\n\nDATE: May 3, 1966\n"),
            Some(DocType::MemorandumOfConversation)
        );
        assert_eq!(
            ty("CONFIDENTIAL\n\nAIRGRAM\n\nDEPARTMENT OF STATE\n\nA-1123\n\nTO : Department of State\n"),
            Some(DocType::Telegram)
        );
        // in a sentence, neither is a heading
        assert_eq!(
            ty("DEPARTMENT OF STATE\n\nSee the enclosed Memorandum of Conversation and the AIRGRAM on it.\n"),
            None
        );
    }

    #[test]
    fn intelligence_papers_are_reports() {
        // *made up* in the forms of INR's research reports and notes and the CIA's
        // assessments: a heading in capitals, or in small letters alone on its line
        for t in [
            "CONFIDENTIAL\n\nUnited States Department of State\nBureau of Intelligence and Research\n\nINTELLIGENCE RESEARCH REPORT\n\nNo. 1045\n",
            "SECRET\n\nINTELLIGENCE NOTE\n\nREA-12, March 3, 1969\n",
            "SECRET\n\nDirectorate of Intelligence\n\nIntelligence Assessment\n\nChina: The Army After Tiananmen\n",
            // *made up*: a visit's background paper
            "SECRET\n\nPRESIDENT'S VISIT TO CHINA\nFebruary 1972\n\nBACKGROUND PAPER\n\nTAIWAN\n",
        ] {
            assert_eq!(ty(t), Some(DocType::Report), "{t}");
        }
        // in a sentence, no heading
        assert_eq!(
            ty("MEMORANDUM\n\nSee the Intelligence Assessment of May on the army.\n"),
            Some(DocType::Memorandum)
        );
    }

    #[test]
    fn the_nscs_directives() {
        // *made up* in the form of the NSC's study and decision memoranda of 1969
        assert_eq!(
            ty("NATIONAL SECURITY COUNCIL\nWASHINGTON, D.C. 20506\n\nSECRET\n\nFebruary 5, 1969\n\nNational Security Study Memorandum 14\n\nTO: The Secretary of State\n"),
            Some(DocType::Memorandum)
        );
        assert_eq!(
            ty("THE WHITE HOUSE\n\nNational Security Decision Memorandum 17\n\nTO: The Secretary of State\n"),
            Some(DocType::Memorandum)
        );
    }

    #[test]
    fn cia_forms() {
        assert_eq!(
            ty("104-10300-10396\n\n29 MAR 1977\n\nMEMORANDUM FOR: Inspector General\n"),
            Some(DocType::Memorandum)
        );
        assert_eq!(
            ty("MEMORANDUM FOR THE RECORD\n\nSUBJECT: Meeting\n"),
            Some(DocType::MemorandumForTheRecord)
        );
        assert_eq!(
            ty("SEC RE T 271536Z\nDIR CITE A916\n"),
            Some(DocType::Telegram)
        );
    }

    #[test]
    fn cables_known_by_the_pieces_ocr_left() {
        // JFK 104-10215-10073 (abridged): no date-time group survived; a precedence before
        // the addressee and the cite did.
        let t = "pies Difecron\n\n70M :\n\nPRITY DIR INFO WAVE CITE HELS 1629 . eseeeae :\n\n1, IN LENGTHY nTes 1\u{b0} AND 2 AUG YITH FaLLUcct\n";
        let n = normalize(t);
        let d = extract(&n).expect("a cable");
        assert_eq!(d.value, DocType::Telegram);
        assert_eq!(&t[d.span.start..d.span.end], "PRITY");
        // JFK 104-10226-10018 (abridged): a cable number after the station, the form's end.
        let t = "WAYE PRITY INFO\n\nREY WAVE 3059 aa\n\nPOS GRANTED RALPH HANSCOM. ASSIGNED CRYPT 127/1.\n\"EMD oF\n";
        assert_eq!(ty(t), Some(DocType::Telegram));
        // JFK 104-10216-10366 (abridged): a date-time group and the addressee line.
        let t = "i menue pp? AES ee Ccifow |\nECR ET 2416582 if? a\nDIR INFO RABA WAVE C,\nTYPIC MHAPRON AMLASH\n1. AMLASH QUERIED BY QUSPORT RE SUBJECT PARA 2\n";
        assert_eq!(ty(t), Some(DocType::Telegram));
        // JFK 104-10103-10190 (abridged): the routing box of an incoming cable and the
        // form's footer with a quote OCR put in it.
        let t = "CLASSIFIED MESSACE\naction: C/WH 5\nI SSORET\n' REPRODUCTION BY OTHER THAN THE \u{201c}ISSUING OFFICE 8 PROHIBITED\n";
        assert_eq!(ty(t), Some(DocType::Telegram));
        // An end of message in small letters, the cable slotted.
        assert_eq!(
            ty("C/CA COrY SLOTTED 1800,\nON 17 JULY CUBELA PHONED\nEND oF mEsascEe\n"),
            Some(DocType::Telegram)
        );
        // JFK 104-10077-10320, 104-10077-10354, 104-10215-10082, 104-10097-10248,
        // 104-10216-10329, 104-10164-10092 (lines): each piece alone is not a cable, any two
        // kinds are.
        let pieces = [
            "REF: \u{a9} MEXE 7201 (1M 71903)\u{a2}\n",
            "PEPRQDUCTION BY OTHER. THAN THE ISSUING OFFICE iS PROHIBITED, me\n",
            "T] NO INDEX\n",
            "COORDINATING OFFICERS\n",
            "END OF, MESSAGE : i\n",
            "PRODUCTION BY OTHER THAN THE iSSUING OFFICE IS PROHIBITED. Np.\n",
            "SECRET 122522\n",
            "i veel DIR WAVE INFO HAGU ZRUS MADR LOND\n",
            "REP, WERT 0691 (ZN 24774) \"083\n",
            "{Eno OF Message)\n",
            "C/S COMMENT: NO RECORD IN CABLE SECRETARIAT AS OF 1620\n",
        ];
        for p in pieces {
            assert_eq!(ty(p), None, "{p:?}");
        }
        for (a, b) in [
            (0, 1),
            (1, 2),
            (1, 3),
            (4, 5),
            (5, 6),
            (6, 7),
            (8, 9),
            (9, 10),
            (3, 10),
        ] {
            let t = format!("{}{}", pieces[a], pieces[b]);
            assert_eq!(ty(&t), Some(DocType::Telegram), "{t:?}");
        }
        // JFK 104-10161-10376 (head): the office memorandum form's own word, alone on its
        // line; not the word in prose
        let t = "4 MAY 1942 EDITION.\n. UNITED STATES GOVERNMENT SECRET\n\nMemorandum\n\nTo : File DATE: 17 June 1968\n";
        let n = normalize(t);
        let d = extract(&n).expect("a memorandum");
        assert_eq!(d.value, DocType::Memorandum);
        assert_eq!(&t[d.span.start..d.span.end], "Memorandum");
        assert_eq!(
            ty("1. You are referred to our Memorandum of this date.\n"),
            None
        );
        // JFK 104-10178-10158 (head): a routing slip alone is the cover; clipped to a
        // memorandum it is not what the file is
        assert_eq!(
            ty("OFFICIAL ROUTING SLIP\nTO NAME AND ADDRESS DATE INITIALS\n"),
            Some(DocType::CoverSheet)
        );
        assert_eq!(
            ty("OFFICIAL ROUTING SLIP\nTO NAME AND ADDRESS\n\nMEMORANDUM FOR: Chief, WH\n"),
            Some(DocType::Memorandum)
        );
        // One piece alone is prose.
        assert_eq!(
            ty("The request was handled as a PRIORITY matter.\nIMMEDIATE action followed.\n"),
            None
        );
    }

    #[test]
    fn form_names_follow_the_service() {
        let name = |s: &str| {
            let n = normalize(s);
            form_name(&n, extract(&n).as_ref())
        };
        // JFK 104-10413-10038 and 104-10169-10093 (OCR read DISPATCH as DESPATCH).
        assert_eq!(
            name("CLASSIFIED MESSAGE\nTO : MEXICO CITY\n"),
            Some("Cable")
        );
        assert_eq!(name("SEC RE T 271536Z\nDIR CITE A916\n"), Some("Cable"));
        assert_eq!(name("+ DESPATCH\n\nSECRET\n"), Some("Dispatch"));
        assert_eq!(
            name("SECRET\nCOUNTRY Cuba\nINFORMATION REPORT\n"),
            Some("Information report")
        );
        // JFK 104-10074-10413: the form's DATE OF REPORT box read before its name.
        assert_eq!(
            name("REPORT MADE BY: Dolores R. CASGAVETI\nDATE OF REPORT: 12 December 1960\nSUDJECT : \u{201c}Jose Xavier CORTES Hernandez\n, FIELD INFORMATION REPORT -\u{2014}\n"),
            Some("Information report")
        );
        assert_eq!(name("DATE OF REPORT: 12 December 1960\n"), Some("Report"));
        // JFK 104-10221-10020 and 104-10183-10424 (heads): a case officer's contact report
        assert_eq!(
            name("104-10221-10020\n\nCONTACT REPORT\n\nSUBJECT: Meeting with AMSTEER/1\n"),
            Some("Contact report")
        );
        assert_eq!(
            name("Contact Report\n\n1. Contact was initiated\n"),
            Some("Contact report")
        );
        // JFK 104-10186-10167: the form's name and its UNEVALUATED line lost to the OCR.
        assert_eq!(
            name("\u{2018}couNTRy Cuba REPORT NO, = CSCI-316 /01256-65\nSUMECT \u{201c}MAYRA\" (an alias) \\ DATE DISTR. \u{ab}18 March 1965 -\n"),
            Some("Information report")
        );
        // JFK 104-10186-10100 and 104-10168-10402: the form's name lost, its DATE DISTR box
        // read as `DATE OTR` and `date ost`, its other boxes left.
        assert_eq!(
            name("THIS 15 UNEVALUATED INPORMATION. SOURCE CRADINGS ARE DEFINITIVE.\n"),
            Some("Information report")
        );
        assert_eq!(
            name("NO. PAGES 3\nPLACE &\nDATE ACO. FIELD FEPCRT NO.\n"),
            Some("Information report")
        );
        // A State telegram (cables sample).
        assert_eq!(
            name("R 230300Z JAN 77\nFM AMEMBASSY PEKING\nTO SECSTATE WASHDC 0123\n"),
            Some("Telegram")
        );
        assert_eq!(name("no furniture"), None);
    }

    #[test]
    fn letters_and_nothing() {
        assert_eq!(ty("Dear Mr. Director:\n\nThank you"), Some(DocType::Letter));
        // JFK 104-10174-10043 (head): OCR's `Deax`
        let t = "104-10174-10043\nPa\n\u{e9}\np\nDeax Mr. Tichborn:\nThe following is set forth as clarification of your piesent\n";
        let n = normalize(t);
        let d = extract(&n).expect("a letter");
        assert_eq!(d.value, DocType::Letter);
        assert_eq!(&n.text[d.span.start..d.span.end], "Deax Mr.");
        assert_eq!(ty("a page of prose with no furniture at all"), None);
    }
}
