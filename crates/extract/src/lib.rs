//! Extraction: decoded text in, catalogue record out. Pure, deterministic, no I/O.
//!
//! ```text
//! raw text ─► normalize (page breaks, offset map) ─► fields::* ─► Record
//! ```
//! Where a field is read: `fields/<family>.rs`, one module per family, each with tests
//! built from real snippets of the development data.

pub mod earliest;
pub mod fields;
pub mod fuzzy;
pub mod lines;
pub mod normalize;
pub mod split;

use declass_model::{DocDate, Record, Source, Spanned};
pub use fields::pages::counts_own_pages;
pub use normalize::{normalize, Normalized};
use std::collections::{HashMap, HashSet};

/// Bumped when extraction changes what records hold (2: entities), so an archive built by an
/// older version can be told apart (the demo extracts its documents again then; 3: page
/// counts estimated from length; 4: distribution lists and receipt stamps, declared page
/// counts; 5: telegram address blocks, archival numbers).
pub const VERSION: u32 = 5;

/// The record of one document and the normalized text its spans point into.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub record: Record,
    pub normalized: Normalized,
}

/// What extraction looks for besides the catalogue fields.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// People, offices, organizations and places of the text (`declass-entities`): about
    /// half of extraction's time, so a job that needs only the catalogue can leave them.
    pub entities: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { entities: true }
    }
}

/// Extract the catalogue record of one document. `id` and `source` come from ingest.
pub fn extract(id: String, source: Source, raw: &str) -> Extracted {
    extract_with(id, source, raw, Options::default())
}

/// [`extract`], with [`Options`].
pub fn extract_with(id: String, source: Source, raw: &str, options: Options) -> Extracted {
    extract_normalized_with(id, source, normalize(raw), options)
}

/// [`extract`] on text already normalized (ingest normalizes once to find where a file's
/// documents start, and hands the text on when it holds one).
pub fn extract_normalized(id: String, source: Source, normalized: Normalized) -> Extracted {
    extract_normalized_with(id, source, normalized, Options::default())
}

/// [`extract_normalized`], with [`Options`].
pub fn extract_normalized_with(
    id: String,
    source: Source,
    normalized: Normalized,
    options: Options,
) -> Extracted {
    let starts = split::stapled(&normalized);
    let own_end = starts.first().copied().unwrap_or(normalized.text.len());
    let mut out = extract_one(id, source, normalized, own_end, options.entities);
    let n = &out.normalized;
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(n.text.len());
        let child = child_record(&out.record, n, start, end, i);
        attach(&mut out.record, n, start, child);
    }
    out
}

/// The record of a document stapled into `parent`'s text at `start..end`, its spans in the
/// parent's text. A letter carried by an action memo is cleared with the memo: when it has
/// no clearance of its own, the memo's sender and clearers are its clearers.
fn child_record(parent: &Record, n: &Normalized, start: usize, end: usize, i: usize) -> Record {
    let inner = Normalized::new(
        n.text[start..end].to_string(),
        std::iter::once(0)
            .chain(
                n.page_starts
                    .iter()
                    .filter(|&&p| p > start && p < end)
                    .map(|p| p - start),
            )
            .collect(),
        n.pages_from_layout,
    );
    // The parent's entities already cover this text: not looked for again.
    let own_end = split::stapled(&inner)
        .first()
        .copied()
        .unwrap_or(inner.text.len());
    let mut child = extract_one(
        format!("{}-{}", parent.id, i + 1),
        parent.source.clone(),
        inner,
        own_end,
        false,
    )
    .record;
    child.page_starts.clear();
    shift_spans(&mut child, start, n.page_of(start) - 1);
    if child.cleared_by.is_empty() {
        child.cleared_by = parent
            .from
            .iter()
            .chain(&parent.cleared_by)
            .cloned()
            .collect();
    }
    child
}

/// Move every span in `value` by `by` bytes and `pages` pages (a child's spans into its
/// parent's text). Spans are the objects with `start`, `end` and `page`.
fn shift_spans<T: serde::Serialize + serde::de::DeserializeOwned>(
    value: &mut T,
    by: usize,
    pages: u32,
) {
    fn walk(v: &mut serde_json::Value, by: u64, pages: u64) {
        match v {
            serde_json::Value::Object(m) => {
                let is_span = m.len() == 3
                    && ["start", "end", "page"]
                        .iter()
                        .all(|k| m.get(*k).is_some_and(|x| x.is_u64()));
                if is_span {
                    for (k, add) in [("start", by), ("end", by), ("page", pages)] {
                        if let Some(x) = m.get(k).and_then(|x| x.as_u64()) {
                            m.insert(k.into(), (x + add).into());
                        }
                    }
                } else {
                    m.values_mut().for_each(|x| walk(x, by, pages));
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| walk(x, by, pages)),
            _ => {}
        }
    }
    let Ok(mut v) = serde_json::to_value(&*value) else {
        return;
    };
    walk(&mut v, by as u64, pages as u64);
    if let Ok(shifted) = serde_json::from_value(v) {
        *value = shifted;
    }
}

/// Hang a child record on the attachment it is: the next listed one without a record, or
/// a new entry named by its title, type or first line.
fn attach(record: &mut Record, n: &Normalized, start: usize, child: Record) {
    if let Some(a) = record.attachments.iter_mut().find(|a| a.record.is_none()) {
        a.record = Some(Box::new(child));
        return;
    }
    let first_line = n.text[start..].lines().next().unwrap_or("").trim();
    let raw = child
        .title
        .as_ref()
        .map(|t| t.value.clone())
        .or_else(|| {
            child
                .doc_type
                .as_ref()
                .map(|t| t.value.as_str().replace('_', " "))
        })
        .unwrap_or_else(|| first_line.to_string());
    record.attachments.push(declass_model::Attachment {
        raw,
        span: n.span(start, start + first_line.len()),
        record: Some(Box::new(child)),
    });
}

/// One document's record, without looking for documents stapled into it; its entities
/// when `with_entities`.
/// `own_end`: where the document's own text ends, before the first document stapled into it.
fn extract_one(
    id: String,
    source: Source,
    mut normalized: Normalized,
    own_end: usize,
    with_entities: bool,
) -> Extracted {
    let text_export = !counts_own_pages(&source.format, source.pages);
    if normalized.pages_from_layout && !text_export {
        normalized.page_starts.truncate(1);
        normalized.pages_from_layout = false;
    }
    let n = &normalized;
    let mut record = Record::empty(id, source);
    // A cover form (record identification form) describes the document that follows it:
    // its values come first, and the body is read after it.
    let form = fields::form::extract(n);
    let body = form.as_ref().map_or(0..0, |f| f.start..f.end);
    (record.pages, record.pages_estimated) =
        fields::pages::extract(n, &record.source, text_export, form.as_ref());
    if n.page_starts.len() > 1 {
        record.page_starts = n.page_starts.clone();
    }
    record.doc_number = fields::numbers::doc_number(n);
    record.record_number = fields::numbers::record_number(n, form.as_ref());
    record.control_numbers = fields::numbers::control_numbers(n);
    record.received = fields::furniture::receipts(n, own_end);
    record.date = form
        .as_ref()
        .and_then(fields::date::from_form)
        .map(|d| DocDate {
            span: n.span(d.1, d.2),
            ..d.0
        })
        .or_else(|| fields::date::extract(n, body.clone()));
    record.doc_type = fields::doc_type::extract(n);
    record.title = form
        .as_ref()
        .and_then(|f| f.get(fields::form::Key::Title))
        .map(|v| Spanned::new(v.value.clone(), n.span(v.start, v.end)))
        .or_else(|| {
            let form_name = fields::doc_type::form_name(n, record.doc_type.as_ref());
            fields::title::extract(n, body.end, form_name)
        });
    record.classification = fields::classification::extract(n);
    record.agency = fields::agency::extract(n, form.as_ref(), body.end, &record.source.path);
    let routing = fields::routing::extract(n, body.end, own_end);
    // (a form's value has its spaces collapsed: its span is the value's own, not its length)
    let form_party = |key| {
        form.as_ref().and_then(|f| f.get(key)).map(|v| {
            let mut p = fields::routing::party(&v.value, v.start, n);
            p.span = n.span(v.start, v.end);
            vec![p]
        })
    };
    record.from = form_party(fields::form::Key::From).unwrap_or(routing.from);
    record.to = form_party(fields::form::Key::To).unwrap_or(routing.to);
    record.through = routing.through;
    record.distribution = fields::furniture::distribution(n, own_end);
    let clearance = fields::clearance::extract(n, body.end);
    record.drafted_by = clearance.drafted_by;
    record.cleared_by = clearance.cleared_by;
    record.approved_by = clearance.approved_by;
    let year = record.date.as_ref().map(|d| d.parts().0);
    record.archive_numbers = fields::numbers::archive_numbers(n, year);
    let anatomy = fields::anatomy::extract(n, body.end, year);
    record.sections = anatomy.sections;
    record.attachments = anatomy.attachments;
    record.decision = anatomy.decision;
    record.participants = anatomy.participants;
    // (a telephone call's two parties stand under its heading, `TELCON`)
    let call = record.doc_type.as_ref().filter(|t| {
        t.value == declass_model::DocType::MemorandumOfConversation
            && n.text
                .get(t.span.start..t.span.end)
                .is_some_and(fields::doc_type::is_telephone_call)
    });
    if let Some(heading) = call.filter(|_| record.participants.is_empty()) {
        record.participants = fields::anatomy::telcon_parties(n, heading.span.end);
    }
    let call = call.is_some();
    // a signer read over the list of participants (its last lines, a name and a title) is
    // a participant, not the sender
    let participants = &record.participants;
    record.from.retain(|p| {
        !participants
            .iter()
            .any(|q| p.span.start < q.span.end && q.span.start < p.span.end)
    });
    record.meeting = anatomy.meeting;
    // (a memorandum of conversation without a subject is titled by who took part: known
    // only once its participants are read)
    let memcon = record
        .doc_type
        .as_ref()
        .is_some_and(|t| t.value == declass_model::DocType::MemorandumOfConversation);
    let devised = record.title.as_ref().is_none_or(|t| t.confidence.is_some());
    if memcon && devised {
        let kind = if call {
            "Telephone conversation"
        } else {
            "Memorandum of conversation"
        };
        if let Some(t) = fields::title::from_participants(n, &record.participants, kind) {
            record.title = Some(t);
        }
    }
    // (and a letter without a subject by who wrote to whom, as the archives title one)
    let letter = record
        .doc_type
        .as_ref()
        .is_some_and(|t| t.value == declass_model::DocType::Letter);
    if letter && devised {
        if let Some(t) = fields::title::from_correspondents(&record.from, &record.to) {
            record.title = Some(t);
        }
    }
    let review = fields::review::extract(n, form.as_ref(), body.end);
    record.review = review.review;
    record.exemptions = review.exemptions;
    record.redactions = review.redactions;
    record.info = routing.info;
    if with_entities {
        record.entities = entities(n, year, &record);
    }
    Extracted { record, normalized }
}

/// People, offices, organizations and places of the text (`declass-entities`), with spans,
/// joined by the people and offices of the routing, drafting and clearance lines.
fn entities(n: &Normalized, year: Option<i32>, record: &Record) -> declass_model::Entities {
    use declass_entities::Kind;
    let mut out = declass_model::Entities::default();
    for f in declass_entities::find(&n.text, year) {
        let e = declass_model::Entity {
            name: f.name,
            canonical: f.canonical,
            authority: f.authority,
            mentions: f.mentions.iter().map(|&(a, b)| n.span(a, b)).collect(),
        };
        match f.kind {
            Kind::Person => out.people.push(e),
            Kind::Office => out.offices.push(e),
            Kind::Organization => out.organizations.push(e),
            Kind::Country => out.countries.push(e),
            Kind::Place => out.places.push(e),
        }
    }
    let parties = [
        &record.from,
        &record.to,
        &record.through,
        &record.info,
        &record.drafted_by,
        &record.cleared_by,
        &record.approved_by,
        &record.participants,
    ];
    // (built at the first party that joins: most documents have none)
    let mut join: Option<Join> = None;
    for p in parties.into_iter().flatten() {
        if let Some(office) = p.office.as_deref().filter(|o| !o.trim().is_empty()) {
            let j = join.get_or_insert_with(|| Join::new(&out));
            j.office(&mut out, office, p.span);
        }
        if let Some(name) = p
            .name
            .as_deref()
            .filter(|o| !o.trim().is_empty() && fields::routing::names_a_person(p))
        {
            let j = join.get_or_insert_with(|| Join::new(&out));
            j.person(&mut out, name, p.span, year);
        }
    }
    // (organizations that moved to the offices left their place empty)
    out.organizations.retain(|e| !e.name.is_empty());
    out
}

fn last_word(s: &str) -> String {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .rfind(|w| !w.is_empty())
        .unwrap_or_default()
        .to_uppercase()
}

/// The text's people, offices and organizations by the keys a party joins them under,
/// built once: a record of many parties (a clearance list of thousands of lines) joins
/// them in linear time.
struct Join {
    /// a person's surname (last word of name or canonical form) → the first such person
    people: HashMap<String, usize>,
    /// mentions of the people joined so far: (person, start, end)
    mentioned: HashSet<(usize, usize, usize)>,
    /// the people whose mentions are in `mentioned`
    seeded: HashSet<usize>,
    /// an office's or organization's name in capitals → its place
    offices: HashMap<String, usize>,
    organizations: HashMap<String, usize>,
}

impl Join {
    fn new(out: &declass_model::Entities) -> Join {
        let mut j = Join {
            people: HashMap::new(),
            mentioned: HashSet::new(),
            seeded: HashSet::new(),
            offices: HashMap::new(),
            organizations: HashMap::new(),
        };
        for (i, e) in out.people.iter().enumerate() {
            j.person_keys(e, i);
        }
        for (i, e) in out.offices.iter().enumerate() {
            j.offices.entry(e.name.to_uppercase()).or_insert(i);
        }
        for (i, e) in out.organizations.iter().enumerate() {
            j.organizations.entry(e.name.to_uppercase()).or_insert(i);
        }
        j
    }

    fn person_keys(&mut self, e: &declass_model::Entity, i: usize) {
        self.people.entry(last_word(&e.name)).or_insert(i);
        if let Some(c) = e.canonical.as_deref() {
            self.people.entry(last_word(c)).or_insert(i);
        }
    }

    /// A party's office joins the office entity of that symbol (an organization found under
    /// the same abbreviation in the text moves to the offices).
    fn office(
        &mut self,
        out: &mut declass_model::Entities,
        office: &str,
        span: declass_model::Span,
    ) {
        let key = office.to_uppercase();
        if let Some(k) = self.organizations.remove(&key) {
            let e = std::mem::replace(
                &mut out.organizations[k],
                declass_model::Entity {
                    name: String::new(),
                    canonical: None,
                    authority: None,
                    mentions: Vec::new(),
                },
            );
            self.offices.entry(key.clone()).or_insert(out.offices.len());
            out.offices.push(e);
        }
        match self.offices.get(&key) {
            Some(&i) => out.offices[i].mentions.push(span),
            None => {
                self.offices.insert(key, out.offices.len());
                out.offices.push(declass_model::Entity {
                    name: office.to_string(),
                    canonical: declass_entities::office_name(office),
                    authority: None,
                    mentions: vec![span],
                });
            }
        }
    }

    /// A party's name joins the person of that surname, or is a person of its own.
    fn person(
        &mut self,
        out: &mut declass_model::Entities,
        name: &str,
        span: declass_model::Span,
        year: Option<i32>,
    ) {
        let key = last_word(name);
        // a CIA station or city in a routing line (`MEXICO CITY`) is not a person
        if key.len() < 2 || declass_entities::is_place(name) {
            return;
        }
        match self.people.get(&key) {
            Some(&i) => {
                // (a person's mentions are listed at its first join)
                if self.seeded.insert(i) {
                    let ms = &out.people[i].mentions;
                    self.mentioned
                        .extend(ms.iter().map(|m| (i, m.start, m.end)));
                }
                if self.mentioned.insert((i, span.start, span.end)) {
                    out.people[i].mentions.push(span);
                }
            }
            None => {
                let linked = declass_entities::link_name(name, year);
                let e = declass_model::Entity {
                    name: name.to_string(),
                    canonical: Some(linked.map_or_else(|| name.to_string(), |l| l.0.to_string())),
                    authority: linked.map(|l| l.1.to_string()),
                    mentions: vec![span],
                };
                let i = out.people.len();
                self.person_keys(&e, i);
                self.seeded.insert(i);
                self.mentioned.insert((i, span.start, span.end));
                out.people.push(e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use declass_model::DocType;

    const SEED_004: &str = include_str!("../../../corpus/sample/seeds/004_d82bf065194c113b.txt");

    #[test]
    fn the_last_participant_is_no_sender() {
        // *made up* in the form of the Department's memoranda of conversation of the 1970s:
        // the sides' lists end with a name and title over the distribution line
        let t = "MEMORANDUM OF CONVERSATION\n\nSUBJECT: Secretary's Meeting with Huang Chen\n\nPARTICIPANTS:\n\nChina\nHuang Chen, Chief, PRC Liaison Office\nShih Yen-hua, Interpreter\n\nUnited States\nThe Secretary\nWinston Lord, Director, Policy Planning Staff\n\nDISTRIBUTION: S/S, EA, S/P\n\nThe Secretary: Welcome. I wanted to talk about the trip.\n";
        let r = extract("x".into(), Source::default(), t).record;
        assert!(
            r.participants
                .iter()
                .any(|p| p.name.as_deref() == Some("Winston Lord")),
            "{:?}",
            r.participants
        );
        assert!(r.from.is_empty(), "{:?}", r.from);
    }

    #[test]
    fn a_memorandum_of_conversation_without_a_subject_is_titled_by_its_participants() {
        // *made up* in the form of the NSC's memoranda of conversation of 1971: the
        // participants one a line with their titles (one wrapped under a hanging indent), no
        // SUBJECT, the text speech
        let t = "                          MEMORANDUM OF CONVERSATION\n\nPARTICIPANTS:     Chou En-lai, Premier of the State Council\n                  Yeh Chien-ying, Vice Chairman, Military Affairs Commission\n\n                  Henry A. Kissinger, Assistant to the President for\n                    National Security Affairs\n                  Winston Lord, NSC Staff\n\nDATE AND TIME:    Friday, July 9, 1971, 4:35-11:20 p.m.\n\nPLACE:            Chinese Government Guest House, Peking\n\nPM Chou: I welcome you to China.\n";
        let r = extract("x".into(), Source::default(), t).record;
        let people: Vec<(&str, &str)> = r
            .participants
            .iter()
            .filter_map(|p| Some((p.name.as_deref()?, p.title.as_deref()?)))
            .collect();
        assert_eq!(
            people,
            [
                ("Chou En-lai", "Premier of the State Council"),
                (
                    "Yeh Chien-ying",
                    "Vice Chairman, Military Affairs Commission"
                ),
                (
                    "Henry A. Kissinger",
                    "Assistant to the President for National Security Affairs"
                ),
                ("Winston Lord", "NSC Staff"),
            ]
        );
        let title = r.title.unwrap();
        assert_eq!(
            title.value,
            "Memorandum of conversation: Chou En-lai, Yeh Chien-ying, Henry A. Kissinger, Winston Lord"
        );
        assert_eq!(title.confidence, Some(0.5));
        assert!(t[title.span.start..title.span.end].starts_with("Chou En-lai"));
        assert!(t[title.span.start..title.span.end].ends_with("NSC Staff"));
        let m = r.meeting.unwrap();
        assert_eq!(
            m.place.unwrap().value,
            "Chinese Government Guest House, Peking"
        );
    }

    #[test]
    fn a_telephone_calls_record_is_titled_by_its_two_parties() {
        // *made up* in the form of Kissinger's telcons of 1973: the heading, the two
        // parties between a slash, the date and hour, then the talk
        let t = "TELCON\nThe Secretary/Amb. Huang Chen\n11/12/73   5:30 p.m.\n\nK:  Mr. Ambassador, I wanted to tell you that I have just talked to the\nPresident about the communique.\n\nH:  (through interpreter) Thank you, Mr. Secretary.\n";
        let r = extract("x".into(), Source::default(), t).record;
        assert_eq!(
            r.doc_type.map(|d| d.value),
            Some(DocType::MemorandumOfConversation)
        );
        let parties: Vec<_> = r
            .participants
            .iter()
            .map(|p| (p.title.as_deref(), p.name.as_deref()))
            .collect();
        assert_eq!(
            parties,
            [
                (Some("The Secretary"), None),
                (Some("Amb."), Some("Huang Chen"))
            ]
        );
        assert_eq!(
            r.title.map(|t| t.value).as_deref(),
            Some("Telephone conversation: The Secretary, Huang Chen")
        );
        // a date's slashes or an office symbol's under the heading are no parties
        for t in [
            "TELCON\n11/12/73   5:30 p.m.\n\nK: Hello.\n",
            "TELCON\nEA/ROC\n\nK: Hello.\n",
        ] {
            let r = extract("x".into(), Source::default(), t).record;
            assert!(r.participants.is_empty(), "{t}: {:?}", r.participants);
        }
    }

    #[test]
    fn a_letter_without_a_subject_is_titled_by_who_wrote_to_whom() {
        // *made up* in the form of a President's letter of 1978: the letterhead, the
        // salutation, the close and the signature, the addressee's block at the foot
        let t = "THE WHITE HOUSE\nWASHINGTON\n\nDecember 15, 1978\n\nDear Mr. Chairman:\n\nOn the occasion of the establishment of diplomatic relations between\nour two countries, I want to convey to you my personal greetings.\n\nSincerely,\n\nJimmy Carter\n\nHis Excellency\nHua Kuo-feng\nChairman of the Central Committee\nof the Communist Party of China\nPeking\n";
        let r = extract("x".into(), Source::default(), t).record;
        let title = r.title.unwrap();
        assert_eq!(title.value, "Letter from Jimmy Carter to Hua Kuo-feng");
        assert_eq!(title.confidence, Some(0.5));
        assert_eq!(&t[title.span.start..title.span.end], "Jimmy Carter");
        // with a subject of its own, the subject
        let t = t.replace(
            "Dear Mr. Chairman:",
            "Subject: Normalization of Relations\n\nDear Mr. Chairman:",
        );
        let r = extract("x".into(), Source::default(), &t).record;
        assert_eq!(r.title.unwrap().value, "Normalization of Relations");
    }

    #[test]
    fn pages_of_a_text_without_markers_come_from_its_length() {
        // JFK 104-10065-10172: a two-page memo exported as text without its page break (NARA
        // counts 2 pages); 104-10121-10060, a memo on a routing sheet (2 pages); a one-page
        // cable (104-10003-10183, 1 page).
        let memo = include_str!("../../../corpus/sample/jfk/104-10065-10172.txt");
        let cable = include_str!("../../../corpus/sample/jfk/104-10121-10060.txt");
        let one_page = include_str!("../../../corpus/sample/jfk/104-10003-10183.txt");
        for (text, pages, estimated) in [(memo, 2, true), (cable, 2, true), (one_page, 1, false)] {
            let r = extract("x".into(), Source::default(), text).record;
            assert_eq!((r.pages, r.pages_estimated), (pages, estimated));
        }
        // Markers win over length; a scan's own page count too, even of one page.
        let marked = format!("{memo}\n-2-\nThe second page.");
        let r = extract("x".into(), Source::default(), &marked).record;
        assert_eq!((r.pages, r.pages_estimated), (2, false));
        let scan = Source {
            pages: 1,
            ..Source::default()
        };
        assert_eq!(extract("x".into(), scan, "").record.pages, 1);
        for pages in [1, 3] {
            let scan = Source {
                pages,
                format: "pdf".into(),
                ..Source::default()
            };
            let r = extract("x".into(), scan, memo).record;
            assert_eq!((r.pages, r.pages_estimated), (pages, false));
        }
    }

    #[test]
    fn stations_and_the_record_are_no_people() {
        let record = |t: &str| extract("x".into(), Source::default(), t).record;
        let people = |t: &str| -> Vec<String> {
            let r = record(t);
            r.entities.people.iter().map(|e| e.name.clone()).collect()
        };
        // JFK 104-10097-10072 and 104-10127-10017 (heads): the address is a station, whose
        // code is an office.
        let cable = "SEC RE O719062 ,\n|. DIR CITE HEXI 7295\nTYPIC ,anaop\n";
        assert!(people(cable).is_empty(), "{:?}", people(cable));
        assert!(record(cable)
            .entities
            .offices
            .iter()
            .any(|e| e.name == "DIR"));
        let cable = "TOT: 221849Z JUL 78 DIRECTOR 261709\nSECRET\n\u{a2} TOs IMMEDIATE JMWAVE,\nREF: MEXICO CITY 45940\n";
        assert!(people(cable).is_empty(), "{:?}", people(cable));
        // an excised cite, a memorandum for the record
        assert!(
            people("SECRET 1620022 OCT 70 CITE 51113 (GOERLICH ACTING)\n")
                .iter()
                .all(|p| p != "WITHHELD")
        );
        let mfr = "MEMORANDUM FOR THE RECORD\n\nSUBJECT: Meeting with Mr. John Smith\n";
        assert!(
            !people(mfr).contains(&"MFR".to_string()),
            "{:?}",
            people(mfr)
        );
        // a sender's own name still is one
        let memo =
            "MEMORANDUM FOR: Inspector General\nFROM: Robert W. Gambino\nDirector of Security\n";
        assert!(
            people(memo).iter().any(|p| p.contains("Gambino")),
            "{:?}",
            people(memo)
        );
    }

    #[test]
    fn seed_004_first_fields() {
        let e = extract("x".into(), Source::default(), SEED_004);
        let r = &e.record;
        assert_eq!(r.doc_number.as_ref().unwrap().value, "01328");
        assert_eq!(r.date.as_ref().unwrap().value, "1990-12-15");
        assert_eq!(
            r.doc_type.as_ref().unwrap().value,
            DocType::ActionMemorandum
        );
        assert_eq!(
            r.title_str(),
            Some("Suggested letter from Secretary Baker to Foreign Minister Qian Qichen")
        );
        assert_eq!(r.classification.caveats[0].value, "NODIS");
        assert_eq!(r.control_numbers[0].value, "9026213");
        assert_eq!(r.pages, 2);
        // The page break (the seed's `-2-` marker) is kept as an offset.
        assert_eq!(r.page_starts.len(), 2);
        assert!(e.normalized.text[r.page_starts[1]..]
            .trim_start()
            .starts_with("-2-"));
        // Every span points at its evidence in the normalized text.
        let d = r.date.as_ref().unwrap();
        assert_eq!(&e.normalized.text[d.span.start..d.span.end], "1990/12/15");
    }

    #[test]
    fn any_bytes_give_a_record() {
        for s in [
            "",
            "\0\0\0",
            "SUBJECT:",
            "SUBJECT:\n\n\n",
            "## Page 1\n## Page 2",
            "-2-\n-3-",
            "\u{feff}",
        ] {
            let _ = extract("x".into(), Source::default(), s);
        }
    }
}
