//! Any input gives a record whose every span points inside the text on character
//! boundaries; hostile shapes (huge lines, endless labels, deep brackets) finish.
//! Inputs that once broke the extractor are kept in `tests/regressions/`.

use declass_extract::extract;
use declass_model::{Record, Source, Span};
use proptest::prelude::*;

/// Every span in a record, found by walking its JSON (so new fields are covered too).
fn spans(r: &Record) -> Vec<Span> {
    fn walk(v: &serde_json::Value, out: &mut Vec<Span>) {
        match v {
            serde_json::Value::Object(m) => {
                if let (Some(s), Some(e)) = (
                    m.get("start").and_then(|x| x.as_u64()),
                    m.get("end").and_then(|x| x.as_u64()),
                ) {
                    out.push(Span::new(
                        s as usize,
                        e as usize,
                        m.get("page").and_then(|x| x.as_u64()).unwrap_or(1) as u32,
                    ));
                }
                m.values().for_each(|x| walk(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(r).unwrap(), &mut out);
    out
}

fn check(input: &str) {
    let e = extract("t".into(), Source::default(), input);
    let text = &e.normalized.text;
    for s in spans(&e.record) {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "span {s:?} outside text of {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "span {s:?} splits a character"
        );
        assert!(
            s.page >= 1 && s.page <= e.normalized.pages(),
            "page {} of {}",
            s.page,
            e.normalized.pages()
        );
    }
}

/// Pieces that real documents are made of, so random inputs reach the rules.
const PIECES: &[&str] = &[
    "TO: ",
    "FROM: ",
    "FRO: ",
    "MEMORANDUM FOR: ",
    "THRU: FROM\n",
    "SUBJECT: ",
    "SUBJ -- ",
    "DATE: ",
    "Date: 1MAY96 ",
    "SECRET",
    "SEC RE T ",
    "TOP SECRET",
    "NODIS ",
    "DECL: OADR",
    "E2 IMPDET",
    "CITE MEXI 7015",
    "DIR CITE ",
    "271536Z ",
    "29 MAR 1977",
    "1993/11/03",
    "10/30/93",
    "November 5, 1993",
    "Friday, November 5, 3:00-3:30 p.m., ",
    "Drafted: ",
    "EAP/CM:ACarlson ",
    "Cleared: ",
    "HA:JUnderriner:bj",
    "Approve ",
    "Disapprove ",
    "RECOMMENDATION\n",
    "III. PARTICIPANTS\n",
    "U.S.\n",
    "Attachments:\n",
    "Tab 1 - Talking Points\n",
    "Review Authority TWAINSWORTH Date 05/28/95 Case ID: 93",
    "B1,A5\n",
    "(b)(1)",
    "25X1",
    "## Page 2\n",
    "-2-\n",
    "\x0c",
    "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\n",
    "AGENCY :",
    "TITLE\n",
    ": DIRECTOR\n",
    "PAGES : 6\n",
    "DISPATCH\n",
    "Chief of Station, JMWAVE\n",
    "HMMA-21166\n",
    "UFGW-6601 ",
    "REFS: A. ",
    "B. ",
    "DOCUMENT INFORMATION\n",
    "AGENCY INFORMATION\n",
    "RE- ",
    "COUNTRIES ",
    "THE GOVERNMENTS ",
    "HERE ",
    "WESTERN ",
    "NORTH ATLANTIC AREA ",
    "VIET-NAM ",
    "WASHING- TON ",
    "1. ",
    "REF: ",
    "P - Robert M. Kimmitt ",
    "\n",
    "\n\n",
    " ",
    "é",
    "“",
    "\u{feff}",
    "\r\n",
    "\0",
    "[[",
    "]]",
    "((((",
    "))))",
    ":",
    "-",
    "_",
    "*",
    "#",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn documents_made_of_real_pieces(idx in prop::collection::vec(0..PIECES.len(), 0..80)) {
        let s: String = idx.into_iter().map(|i| PIECES[i]).collect();
        check(&s);
    }

    #[test]
    fn any_unicode(s in "\\PC{0,400}") {
        check(&s);
    }
}

#[test]
fn hostile_shapes_finish() {
    check(&"SECRET ".repeat(700_000)); // one 5 MB line
                                       // one 5 MB line of prose holding furniture's and stamps' words (each asked whether it
                                       // stands in a sentence)
    check(&"HE SAW THE DIRECTOR AND SAID IT WAS RELEASED IN JULY AND ".repeat(90_000));
    check(&"SECRET SENSITIVE ".repeat(300_000));
    // one 5 MB addressee line listing posts; a clearance list of office-dash-officer lines;
    // action posts; indented addressees under one TO
    check(&format!("INFO: {}", "Amembassy TAIPEI, ".repeat(300_000)));
    check(&format!(
        "Clearances: {}",
        "S/S - Mr. Moose\n".repeat(200_000)
    ));
    check(&"ACTION: Secstate 1634 PRIORITY\n".repeat(150_000));
    check(&format!(
        "TO: The Secretary\n{}",
        "    The Secretary\n".repeat(200_000)
    ));
    check(&"TO: DIRECTOR\n".repeat(100_000));
    check(&"Cleared: EAP:PTomsen\n".repeat(50_000));
    check(&"DIST 12/14 RECD S/S ".repeat(250_000)); // one 5 MB line of furniture words
    check(&"Distribution:\n1 - TSD/CDS\n".repeat(100_000));
    check(&"NW 65987 Docld:32414710 ".repeat(200_000)); // one 5 MB line of release stamps
    check(&"NW 65987 Docld:32414710 Page 1\n".repeat(150_000));
    check(&"FM AMEMBASSY PARIS\nTO SECSTATE WASHDC\nINFO LOG-00 ADS-00\n".repeat(40_000));
    check(&"SECSTATE WASHDC\n".repeat(100_000)); // one title repeated: an entity of 100,000 mentions
    check(&"PARTICIPANTS: PRC\nSincerely,\n".repeat(150_000));
    check(&format!("{}x{}", "[".repeat(100_000), "]".repeat(100_000)));
    check(&"1. ".repeat(200_000));
    check(&"\n".repeat(1_000_000));
    // over entities' 1 MiB window with no line to cut at, in two-byte characters
    check(&"Qian Qichen é".repeat(200_000));
    check(&format!("{}29 MAR 1977\n", "\n".repeat(2_000)).repeat(500)); // dates after long gaps
}

#[test]
fn regressions() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        check(&String::from_utf8_lossy(&bytes));
    }
}
