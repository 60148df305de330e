//! Originating agency, short form (`CIA`, `DOS`, `FBI`, `NSA`, ...).
//!
//! In order of strength (FIELDS.md §7): the agency a cover form names as originator; a
//! letterhead or seal at the top of the document; the collection's record-number prefix
//! (NARA's JFK numbers: 104 = CIA, 124 = FBI, 144 = NSA, 157 = SSCIA, 180 = HSCA); then the
//! furniture of an agency's own forms (CIA cables: `CITE`, `DIRECTOR`, `RYBAT`, `E2 IMPDET`).

use crate::earliest::Earliest;
use crate::fields::form::{Form, Key};
use crate::normalize::Normalized;
use declass_model::Spanned;
use regex::Regex;
use std::sync::LazyLock;

/// Agency names and abbreviations to the short forms of the record.
pub fn canonical(name: &str) -> Option<&'static str> {
    let u: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .collect::<String>()
        .to_uppercase();
    let u = u.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match u.as_str() {
        "CIA" | "CENTRAL INTELLIGENCE AGENCY" => "CIA",
        "FBI" | "FEDERAL BUREAU OF INVESTIGATION" => "FBI",
        "NSA" | "NATIONAL SECURITY AGENCY" => "NSA",
        "NSC" | "NATIONAL SECURITY COUNCIL" => "NSC",
        "DOS" | "STATE" | "STAT" | "DEPARTMENT OF STATE" | "STATE DEPARTMENT" => "DOS",
        "DOD" | "DEPARTMENT OF DEFENSE" => "DOD",
        // NARA names the Secretary of Defense's office as an originator of its own
        "OSD" | "OFFICE OF THE SECRETARY OF DEFENSE" => "OSD",
        "ARRB" | "ASSASSINATION RECORDS REVIEW BOARD" => "ARRB",
        "HSCA" | "HOUSE SELECT COMMITTEE ON ASSASSINATIONS" => "HSCA",
        "SSCIA" | "SSC" => "SSCIA",
        "PFIAB" => "PFIAB",
        "WH" | "WHITE HOUSE" | "THE WHITE HOUSE" => "WH",
        "NARA" => "NARA",
        "USIA" => "USIA",
        "DIA" => "DIA",
        "ARMY" | "US ARMY" => "ARMY",
        "NAVY" | "US NAVY" => "NAVY",
        "SECRET SERVICE" | "USSS" => "USSS",
        "WARREN COMMISSION" => "WC",
        _ => return None,
    })
}

// Letterheads and seals, read in the first lines of the document proper.
static LETTERHEADS: LazyLock<Earliest<&'static str>> = LazyLock::new(|| {
    Earliest::new(
    [
        (r"(?i)FEDERAL\s+BUREA[UO]?\s*(?:OF\s+)?(?:INVE)?STIGATION|(?-u:\b)FBI\s+(?:Laboratory|file)", "FBI"),
        // the Bureau's airtel and teletype forms (`FBI` alone atop them), and a field office
        // or the Director as the sender (`FROM: SAC, DALLAS`, `FROM SAC NEW ORLEANS`,
        // `FROM: Director, FBI`)
        (r"^[ \t]*\W{0,3}FBI\W{0,3}$|^[ \t]*\W{0,3}FROM\s*:?\s*(?:SAC(?-u:\b)|(?i:Director),?\s+FBI(?-u:\b))", "FBI"),
        // as a heading, at a line's start: in prose (`strong Department of State support`,
        // `sent to American Embassy`) they are what a document speaks of, not who wrote it
        (r"(?i)^[ \t]*\W{0,3}(?:(?:THE|UNITED\s+STATES)\s+)?(?:DEPARTMENT\s+OF\s+STATE|American\s+Embassy)(?-u:\b)|Washington,\s*D\.\s*C\.\s*20520|(?-u:\b)SECSTATE(?-u:\b)|(?-u:\b)AMEMBASSY(?-u:\b)", "DOS"),
        (r"(?i)Assassination\s+Records\s+Review\s+Board", "ARRB"),
        (r"(?i)NATIONAL\s+SECURITY\s+AGENCY|THIS\s+DOCUMENT\s+CONTAINS\s+\d+\s+PAGE", "NSA"),
        (r"(?i)NATIONAL\s+SECURITY\s+COUNCIL", "NSC"),
        // (alone on its line, over `WASHINGTON`: in prose the White House is spoken of)
        (r"(?i)^[ \t]*\W{0,3}THE\s+WHITE\s+HOUSE\W{0,3}(?:WASHINGTON\W{0,3})?$", "WH"),
        // the Secretary's own letterhead (`THE SECRETARY OF STATE` over `WASHINGTON`)
        (r"(?i)^[ \t]*\W{0,3}THE\s+SECRETARY\s+OF\s+STATE\W{0,3}$", "DOS"),
        (r"(?i)Select\s+Committee\s+to\s+Study\s+Governmental\s+Operations", "SSCIA"),
        (r"(?i)^\W*House\s+Select\s+Committee\s+on\s+Assassinations\s*$", "HSCA"),
        (r"(?i)President'?s\s+Foreign\s+Intelligence\s+Advisory\s+Board", "PFIAB"),
        (r"(?i)CENTRAL\s+INTELLIGENCE\s+AGENCY", "CIA"),
        // (at a line's start too: `the Department of Defense` in prose is a recipient)
        (r"(?i)^[ \t]*\W{0,3}(?:THE\s+)?Office\s+of\s+the\s+Secretary\s+of\s+Defense", "OSD"),
        (r"(?i)^[ \t]*\W{0,3}(?:(?:THE|UNITED\s+STATES)\s+)?DEPARTMENT\s+OF\s+(?:DEFENSE|THE\s+ARMY)", "DOD"),
        // the letterheads of the Secretary of Defense's officers (`THE ASSISTANT SECRETARY OF
        // DEFENSE` over `WASHINGTON, D.C. 20301`) and of the Director of Central
        // Intelligence (his estimates' `Submitted by` / `DIRECTOR OF CENTRAL INTELLIGENCE`),
        // alone on their line (not the Agency's ZIP code: an addressee's too)
        (r"(?i)^[ \t]*\W{0,3}THE\s+(?:(?:ASSISTANT|DEPUTY|UNDER)\s+)?SECRETARY\s+OF\s+DEFENSE\W{0,3}$", "OSD"),
        (r"(?i)^[ \t]*\W{0,3}(?:THE\s+)?DIRECTOR\s+OF\s+CENTRAL\s+INTELLIGENCE\W{0,3}$", "CIA"),
        (r"(?i)^[ \t]*\W{0,3}DEFENSE\s+INTELLIGENCE\s+AGENCY", "DIA"),
    ]
    .into_iter()
    .map(|(p, a)| (Regex::new(&format!("(?m){p}")).expect("static regex"), a))
    .collect(),
    )
});

// CIA furniture: cable slugs and forms.
static CIA_FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)CITE(?-u:\b)|(?-u:\b)[0-3]\d[0-2]\d[0-5]\dZ(?-u:\b)|(?-u:\b)DIRECTOR(?-u:\b)|(?-u:\b)RYBAT(?-u:\b)|(?-u:\b)KUBARK(?-u:\b)|(?-u:\b)IMPDET(?-u:\b)|(?-u:\b)CL\s?BY(?-u:\b)|(?-u:\b)TO[RT]\s*:|(?-u:\b)DISPATCH(?-u:\b)|ROUTING\s+AND\s+RECORD\s+SHEET|RETURN\s+TO\s+CIA|CLASSIFIED\s+MESSAGE|(?-u:\b)WNINTEL(?-u:\b)|(?-u:\b)JMWAVE(?-u:\b)|(?-u:\b)HQS(?-u:\b)|(?-u:\b)DDP(?-u:\b)|(?-u:\b)DCI(?-u:\b)")
        .expect("static regex")
});

static STATE_DRAFTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\W{0,3}Drafted(?:\s+by)?\s*:\s*[A-Z]{1,5}(?:/[A-Z]{1,5}){0,2}\s*:\s*[A-Z]")
        .expect("static regex")
});

static RECORD_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(1\d\d)-\d{5}-\d{5}(?-u:\b)").expect("static regex"));

/// How far into the document proper a letterhead may be.
const HEAD_BYTES: usize = 1500;

fn prefix_agency(p: &str) -> Option<&'static str> {
    match p {
        "104" => Some("CIA"),
        "124" => Some("FBI"),
        "144" => Some("NSA"),
        "157" => Some("SSCIA"),
        "180" => Some("HSCA"),
        _ => None,
    }
}

/// `body_start`: where the document proper begins (after a cover form).
pub fn extract(
    n: &Normalized,
    form: Option<&Form>,
    body_start: usize,
    source_path: &str,
) -> Option<Spanned<String>> {
    let text = &n.text;
    if let Some(f) = form {
        for key in [Key::Originator, Key::Agency] {
            if let Some(v) = f.get(key) {
                if let Some(a) = canonical(&v.value) {
                    return Some(Spanned::new(a.to_string(), n.span(v.start, v.end)));
                }
            }
        }
    }
    let head_end = body_start + crate::lines::window(text, body_start, HEAD_BYTES).len();
    let head = &text[body_start.min(head_end)..head_end];
    if let Some((s, e, a)) = LETTERHEADS.find(head) {
        return Some(Spanned::new(
            a.to_string(),
            n.span(body_start + s, body_start + e),
        ));
    }
    // The record number's prefix: in the text, else in the file name NARA gave it.
    if let Some(c) = RECORD_PREFIX.captures(text) {
        if let (Some(m), Some(a)) = (c.get(0), c.get(1).and_then(|p| prefix_agency(p.as_str()))) {
            return Some(
                Spanned::new(a.to_string(), n.span(m.start(), m.end())).with_confidence(0.8),
            );
        }
    }
    let file_prefix = std::path::Path::new(source_path)
        .file_name()
        .and_then(|f| f.to_str())
        .and_then(|f| RECORD_PREFIX.captures(f))
        .and_then(|c| c.get(1).and_then(|p| prefix_agency(p.as_str())));
    let furniture: Vec<_> = CIA_FURNITURE
        .find_iter(text)
        .filter(|m| !crate::lines::inside_prose(text, m.start()))
        .take(2)
        .collect();
    if let Some(a) = file_prefix {
        let span = furniture
            .first()
            .map(|m| n.span(m.start(), m.end()))
            .unwrap_or_else(|| n.span(0, 0));
        return Some(Spanned::new(a.to_string(), span).with_confidence(0.7));
    }
    // The State Department's drafting line: an office symbol, a colon, the drafter
    // (`Drafted: EAP/C:LPascoe`), as no other agency writes it.
    if let Some(m) = STATE_DRAFTED.find(text) {
        return Some(
            Spanned::new("DOS".to_string(), n.span(m.start(), m.end())).with_confidence(0.6),
        );
    }
    if furniture.len() >= 2 {
        let m = furniture[0];
        return Some(
            Spanned::new("CIA".to_string(), n.span(m.start(), m.end())).with_confidence(0.6),
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn agency(s: &str, path: &str) -> Option<String> {
        extract(&normalize(s), None, 0, path).map(|a| a.value)
    }

    // The one scan chooses as the letterheads asked one by one, the earliest first.
    #[test]
    fn one_scan_finds_the_earliest_letterhead() {
        for h in [
            "} FEDERAL BUREA STIGATION\npeoena ores\nAPR 13 1956\n",
            "RECD S/S -IRM/RM&\n\nWashington, D. C. 20520\n",
            "He enjoyed strong Department of State support.\nDEPARTMENT OF STATE\n",
            "CENTRAL INTELLIGENCE AGENCY\nNATIONAL SECURITY COUNCIL\n",
            "  House Select Committee on Assassinations\nTO SECSTATE WASHDC\n",
            "nothing of the kind here\n",
        ] {
            assert_eq!(LETTERHEADS.find(h), LETTERHEADS.find_one_by_one(h), "{h:?}");
        }
    }

    #[test]
    fn the_bureaus_forms() {
        // *made up* in the forms of the FBI's airtel, office memorandum and teletype of 1963
        for t in [
            "FBI\n\nDate: 11/24/63\n\nTransmit the following in PLAIN TEXT\n\nTO: DIRECTOR, FBI (105-82555)\n",
            "UNITED STATES GOVERNMENT\n\nMemorandum\n\nTO: DIRECTOR, FBI\n\nFROM: SAC, NEW YORK\n\nSUBJECT: LEE HARVEY OSWALD\n",
            "URGENT 11-24-63 2-15 AM EST HLD\n\nTO DIRECTOR AND SAC DALLAS\n\nFROM SAC NEW ORLEANS 242145\n",
            "TO: Mr. Richard Helms\nFROM: Director, FBI\nSUBJECT: Lee Harvey Oswald\n",
        ] {
            assert_eq!(agency(t, "x.txt").as_deref(), Some("FBI"), "{t}");
        }
        // a letter to the Bureau is not the Bureau's
        let t = "MEMORANDUM FOR: Director, FBI\nFROM: Deputy Director, Plans\nSUBJECT: Oswald\n";
        assert_ne!(agency(t, "x.txt").as_deref(), Some("FBI"));
    }

    #[test]
    fn letterheads() {
        // JFK 194-10001-10279: OCR cut the FBI letterhead.
        assert_eq!(
            agency(
                "} FEDERAL BUREA STIGATION\npeoena ores\nAPR 13 1956\n",
                "x.txt"
            )
            .as_deref(),
            Some("FBI")
        );
        // State seed 000: the zip code 20520 is the cue.
        assert_eq!(
            agency("RECD S/S -IRM/RM&\n\nWashington, D. C. 20520\n", "x.txt").as_deref(),
            Some("DOS")
        );
        assert_eq!(
            agency(
                "Assassination Records Review Board\n600 E Street NW\n",
                "x.txt"
            )
            .as_deref(),
            Some("ARRB")
        );
        assert_eq!(
            agency("DEPARTMENT OF STATE\nWashington\n", "x.txt").as_deref(),
            Some("DOS")
        );
        // the Secretary of Defense's office apart from the department (made up)
        let osd = "OFFICE OF THE SECRETARY OF DEFENSE\nWashington, D.C. 20301\n";
        assert_eq!(agency(osd, "x.txt").as_deref(), Some("OSD"));
        // *made up*: an officer's letterhead of his office; the Director of Central
        // Intelligence submitting an estimate; the Defense Intelligence Agency's form
        let asd = "SECRET\n                     THE ASSISTANT SECRETARY OF DEFENSE\n                           WASHINGTON, D.C. 20301\n";
        assert_eq!(agency(asd, "x.txt").as_deref(), Some("OSD"));
        let nie = "NATIONAL INTELLIGENCE ESTIMATE\nNUMBER 13-8-72\n\nSubmitted by\nRICHARD HELMS\nDIRECTOR OF CENTRAL INTELLIGENCE\n";
        assert_eq!(agency(nie, "x.txt").as_deref(), Some("CIA"));
        let dia = "DEFENSE INTELLIGENCE AGENCY\nINTELLIGENCE INFORMATION REPORT\n";
        assert_eq!(agency(dia, "x.txt").as_deref(), Some("DIA"));
        // in a sentence or an address, none of them is the writer
        let to = "MEMORANDUM FOR: The Director of Central Intelligence, who asked\nfor it.\n";
        assert_eq!(agency(to, "x.txt"), None);
        let dod = "DEPARTMENT OF DEFENSE\nWashington, D.C. 20301\n";
        assert_eq!(agency(dod, "x.txt").as_deref(), Some("DOD"));
        // the White House's letterhead (made up, as the NSC's memoranda for the President
        // carry it), and the White House in prose (JFK 104-10103-10280)
        let wh = "                          THE WHITE HOUSE\n                            WASHINGTON\n\nSECRET\n";
        assert_eq!(agency(wh, "x.txt").as_deref(), Some("WH"));
        let t = "and stated that the white House had been told the story was a fabri\n";
        assert_eq!(agency(t, "x.txt"), None);
        // a State memorandum of conversation without a letterhead: its drafting line's
        // office symbol and drafter (made up, as seed 004 writes the line)
        let t = "MEMORANDUM OF CONVERSATION\n\n1. The Secretary welcomed the Minister.\n\nDrafted: EAP/C:LPascoe\nCleared: EAP:RSolomon\n";
        assert_eq!(agency(t, "x.txt").as_deref(), Some("DOS"));
        assert_eq!(agency("Drafted by Smith on 3 May\n", "x.txt"), None);
        // the Secretary's own letterhead (made up, as his letters carry it)
        let t = "                 THE SECRETARY OF STATE\n                       WASHINGTON\n";
        assert_eq!(agency(t, "x.txt").as_deref(), Some("DOS"));
        // a letterhead centred on the page (made up)
        let dos = "                     DEPARTMENT OF STATE\n                   Washington, D.C.\n";
        assert_eq!(agency(dos, "x.txt").as_deref(), Some("DOS"));
        // JFK 104-10303-10008: the Department of Defense in a CIA memo's prose.
        let t = "MEMORANDUM FOR; Deputy Director for Science & Technology\n\n2. Over the years the chief non-CIA recipients of this\nsupport have been the-Department of Defense, the Federal.\n";
        assert_eq!(agency(t, "104-10303-10008.txt").as_deref(), Some("CIA"));
        // JFK 104-10308-10080 and 104-10178-10102: the State Department in a CIA text's
        // prose is not its letterhead; the record number's prefix says CIA.
        let t = "104-10308-10080\nSECRET\nHe enjoyed strong Department of State support. It was his intent\n";
        assert_eq!(agency(t, "x.txt").as_deref(), Some("CIA"));
        let t = "104-10478-10102\nRETURN TO CIA\nKING, HE WAS SENT TO AMERICAN EMBASSY BY GERMAN AMBASSADOR TO WHOM\n";
        assert_eq!(agency(t, "x.txt").as_deref(), Some("CIA"));
    }

    #[test]
    fn record_prefix_then_cable_furniture() {
        assert_eq!(
            agency("104-10300-10396\n\n29 MAR 1977\n", "x.txt").as_deref(),
            Some("CIA")
        );
        assert_eq!(
            agency("SECRET 0883378\n14441218\n", "180-10143-10468.txt").as_deref(),
            Some("HSCA")
        );
        assert_eq!(
            agency("SEC RE T 271536Z\nDIR CITE A916\n", "x.txt").as_deref(),
            Some("CIA")
        );
        assert_eq!(agency("a page of prose", "x.txt"), None);
    }

    #[test]
    fn a_cable_forms_words_inside_sentences_show_no_agency() {
        // cables-ner 1973MOSCOW15075: a State cable's body, two directors in its prose
        let body = "1. AMCIT ARNOLD OZOLINS, SR. INFORMED CONSOFF BY TELEPHONE DECEMBER 3 THAT HE RECEIVED LETTER FROM RIGA OVIR DIRECTOR NOV 30 STATING THAT HIS APPLICATION FOR SOVIET EXIT PERMISSION HAS BEEN REFUSED ONCE AGAIN.\n\n2. COMMENT. DURING CALL ON RIGA OVIR DIRECTOR KAIJA OCT 11 MOSCOW AND LENINGRAD CONSOFFS PRESENTED LIST OF LATVIAN CASES ON USG REPRESENTATION LIST XV\n";
        assert_eq!(agency(body, "x.txt"), None);
        // the same words in a CIA cable's heading show it
        assert_eq!(
            agency(&format!("TO: DIRECTOR\nCITE MOSC 4471\n{body}"), "x.txt").as_deref(),
            Some("CIA")
        );
    }

    #[test]
    fn canonical_names() {
        assert_eq!(canonical("Central Intelligence Agency"), Some("CIA"));
        assert!(canonical("AGENCY. : CIA").is_none());
        assert_eq!(canonical("CIA"), Some("CIA"));
        // JFK 202-10002-10124: the form's originator `osD`, NARA's OSD (not DOD)
        assert_eq!(canonical("osD"), Some("OSD"));
        assert_eq!(canonical("Department of Defense"), Some("DOD"));
    }
}
