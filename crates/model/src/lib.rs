//! The catalogue record: one JSON object per document, shared by every stage of declass.
//!
//! Every extracted value carries its evidence as a [`Span`]: byte offsets into the
//! document's *normalized* text plus the page the span starts on. Absent values are
//! `null` or `[]`, never a guess. The record is versioned by [`SCHEMA_VERSION`];
//! docs/RECORD.md documents every key.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub mod table;

/// Version of the record layout. Bump when a key changes meaning or shape.
pub const SCHEMA_VERSION: u32 = 1;

/// Where a value was found: `start..end` are byte offsets into the normalized text,
/// `page` is the 1-based page the span starts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, JsonSchema)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub page: u32,
}

impl Span {
    pub fn new(start: usize, end: usize, page: u32) -> Self {
        Span { start, end, page }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A value with its evidence. `confidence` is present only when the extractor is unsure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned {
            value,
            span,
            confidence: None,
        }
    }

    pub fn with_confidence(mut self, confidence: f32) -> Self {
        self.confidence = Some(confidence);
        self
    }
}

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

/// The document's own date. `value` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY` by precision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocDate {
    pub value: String,
    pub precision: DatePrecision,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

impl DocDate {
    /// Year, month and day as numbers (month/day are 0 when unknown).
    pub fn parts(&self) -> (i32, u32, u32) {
        let mut it = self.value.split('-');
        let y = it.next().and_then(|s| s.parse().ok()).unwrap_or(0);
        let m = it.next().and_then(|s| s.parse().ok()).unwrap_or(0);
        let d = it.next().and_then(|s| s.parse().ok()).unwrap_or(0);
        (y, m, d)
    }
}

/// Controlled vocabulary of document types (DESIGN.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    BriefingMemorandum,
    ActionMemorandum,
    InformationMemorandum,
    Memorandum,
    MemorandumForTheRecord,
    MemorandumOfConversation,
    Letter,
    Telegram,
    TalkingPoints,
    Report,
    IntelligenceEstimate,
    CoverSheet,
    Other,
}

impl DocType {
    pub const ALL: [DocType; 13] = [
        DocType::BriefingMemorandum,
        DocType::ActionMemorandum,
        DocType::InformationMemorandum,
        DocType::Memorandum,
        DocType::MemorandumForTheRecord,
        DocType::MemorandumOfConversation,
        DocType::Letter,
        DocType::Telegram,
        DocType::TalkingPoints,
        DocType::Report,
        DocType::IntelligenceEstimate,
        DocType::CoverSheet,
        DocType::Other,
    ];

    /// The snake_case key used in JSON, the index and queries (`type:telegram`).
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::BriefingMemorandum => "briefing_memorandum",
            DocType::ActionMemorandum => "action_memorandum",
            DocType::InformationMemorandum => "information_memorandum",
            DocType::Memorandum => "memorandum",
            DocType::MemorandumForTheRecord => "memorandum_for_the_record",
            DocType::MemorandumOfConversation => "memorandum_of_conversation",
            DocType::Letter => "letter",
            DocType::Telegram => "telegram",
            DocType::TalkingPoints => "talking_points",
            DocType::Report => "report",
            DocType::IntelligenceEstimate => "intelligence_estimate",
            DocType::CoverSheet => "cover_sheet",
            DocType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<DocType> {
        DocType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// A label for people ("Briefing memorandum").
    pub fn label(self) -> String {
        let s = self.as_str().replace('_', " ");
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => s,
        }
    }
}

/// Where the text came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default, JsonSchema)]
pub struct Source {
    /// Path as given on the command line (for JSONL input: `file.jsonl#<line id>`).
    pub path: String,
    /// SHA-256 of the original bytes of the file (hex).
    pub sha256: String,
    /// Detected format of the file or container entry: `text`, `markdown`, `jsonl`,
    /// `pdf`, `image`.
    pub format: String,
    /// Pages in the source (1 when the source has no page structure).
    pub pages: u32,
    /// Whether the text came from OCR done by declass.
    pub ocr: bool,
    /// Text encoding the bytes were decoded from (`utf-8`, `utf-16le`, `windows-1252`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Mean Tesseract word confidence (0–100) over the pages declass OCR'd, weighted by
    /// words; absent when no page was OCR'd.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr_confidence: Option<f32>,
    /// Each OCR'd page with its mean word confidence (numbered within this document).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ocr_pages: Vec<PageOcr>,
    /// When the file holds several documents (a scanned folder): the file's pages this
    /// one covers, first and last, from 1. Page numbers in spans count from its first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_range: Option<[u32; 2]>,
}

/// One page declass OCR'd: its number (from 1) and Tesseract's mean word confidence.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default, JsonSchema)]
pub struct PageOcr {
    pub page: u32,
    pub confidence: f32,
    /// Words Tesseract read on the page.
    pub words: u32,
}

/// Classification as marked on the original, kept apart from the released marking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default, JsonSchema)]
pub struct Classification {
    /// `TOP SECRET`, `SECRET`, `CONFIDENTIAL`, `LIMITED OFFICIAL USE`, `UNCLASSIFIED`.
    pub level: Option<String>,
    /// Handling caveats: `NODIS`, `EXDIS`, `LIMDIS`, `NOFORN`, `EYES ONLY`, ...
    pub caveats: Vec<Spanned<String>>,
    /// Declassification instruction (`OADR`, `GDS`, `IMPDET`, a date).
    pub declassify_on: Option<Spanned<String>>,
    /// Marking stamped at release (`UNCLASSIFIED`, `RELEASED`).
    pub released_as: Option<Spanned<String>>,
    /// Evidence for `level`.
    pub span: Option<Span>,
    /// Present when `level` is inferred (from a caveat) rather than read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_confidence: Option<f32>,
}

/// A person or office on a routing, drafting or clearance line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default, JsonSchema)]
pub struct Party {
    pub raw: String,
    pub name: Option<String>,
    pub title: Option<String>,
    pub office: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// For participants: the side of the table (`U.S.`, `China`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<String>,
    /// For a distribution list's entries: the copies, as written (`Orig & 1`, `3`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copies: Option<String>,
    /// For a telegram's addressee: the precedence it was sent at (`IMMEDIATE`, `PRIORITY`,
    /// `NIACT IMMEDIATE`), as the address block writes it after the addressee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precedence: Option<String>,
    pub span: Span,
}

impl Party {
    /// The party as its line reads, a distribution entry with its copies (`Orig & 1 -
    /// Chief, SR`).
    pub fn as_listed(&self) -> String {
        match &self.copies {
            Some(c) => format!("{c} - {}", self.raw),
            None => self.raw.clone(),
        }
    }
}

/// What kind of number another archive gives the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// NARA's case number on its release stamp (`NW 65987`).
    NaraCase,
    /// NARA's document id on its release stamp (`DocId:32414710`: the file `docid-32414710.pdf`).
    NaraDocId,
    /// A State telegram's message reference number (`1977PEKING00139`), as the Central
    /// Foreign Policy Files index it.
    MessageReference,
    /// The CIA Records Search Tool's document number on its release stamp
    /// (`CIA-RDP79T00865A001200010001-6`).
    Crest,
}

impl NumberKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NumberKind::NaraCase => "nara_case",
            NumberKind::NaraDocId => "nara_doc_id",
            NumberKind::MessageReference => "message_reference",
            NumberKind::Crest => "crest",
        }
    }
}

/// A number another archive gives the document, with the text it was read from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ArchiveNumber {
    pub kind: NumberKind,
    pub value: String,
    pub span: Span,
}

/// Who got copies: a distribution line (`DIST 12/14` over `D P T C EAP HA S/S`) or list
/// (`Distribution:` / `Orig & 1 - Addressee` / `1 - TSD/CDS`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default, JsonSchema)]
pub struct Distribution {
    /// The date written with the line, as written (`12/14`: month and day).
    pub date: Option<Spanned<String>>,
    /// Each recipient; `raw` keeps the entry's notes (`w/att`), `copies` its copies.
    pub to: Vec<Party>,
    pub span: Span,
}

/// A receipt stamp: which office received the document, and when (`RECD S/S-IRM/RM` over
/// `1993 NOV -3 P 4: 15`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default, JsonSchema)]
pub struct Receipt {
    pub office: Option<String>,
    /// `YYYY-MM-DD`, when the stamp's date is whole.
    pub date: Option<String>,
    /// `HH:MM`, 24-hour.
    pub time: Option<String>,
    pub raw: String,
    pub span: Span,
}

impl Receipt {
    /// Office, date and time as one line (`S/S-IRM/RM 1993-11-03 16:15`); the stamp as
    /// read when it names no office.
    pub fn summary(&self) -> String {
        std::iter::once(self.office.as_deref().unwrap_or(&self.raw))
            .chain(
                [self.date.as_deref(), self.time.as_deref()]
                    .into_iter()
                    .flatten(),
            )
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default, JsonSchema)]
pub struct Meeting {
    pub date: Option<Spanned<String>>,
    pub time: Option<Spanned<String>>,
    pub place: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default, JsonSchema)]
pub struct Decision {
    pub options: Vec<Spanned<String>>,
    pub recommendation: Option<Spanned<String>>,
    pub marked: Option<Spanned<String>>,
}

/// A listed attachment (`Tab 1 - Talking Points`) or a document stapled into the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Attachment {
    pub raw: String,
    pub span: Span,
    /// A child record when the attachment's text is in this file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<Box<Record>>,
}

/// Declassification review: stamps and forms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default, JsonSchema)]
pub struct Review {
    pub authority: Option<Spanned<String>>,
    pub date: Option<Spanned<String>>,
    pub case_id: Option<Spanned<String>>,
    pub decisions: Vec<Spanned<String>>,
    pub exemptions: Vec<Spanned<String>>,
    pub span: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Redaction {
    pub exemption: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    pub heading: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Entity {
    /// The fullest form the text gives (`President Banzer` → `BANZER`; `Hugo Banzer`).
    pub name: String,
    /// The authority's form (`Winston Lord`, `Beijing`, `Bureau of East Asian and Pacific
    /// Affairs`), or for an unlinked person a normalized form of the name.
    pub canonical: Option<String>,
    /// Authority id when linked: `hsg:<n>` (Office of the Historian's FRUS people) or
    /// `pocom:<id>` (principal officers and chiefs of mission).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// Every mention in the text, in order.
    pub mentions: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default, JsonSchema)]
pub struct Entities {
    pub people: Vec<Entity>,
    pub offices: Vec<Entity>,
    pub organizations: Vec<Entity>,
    pub countries: Vec<Entity>,
    pub places: Vec<Entity>,
}

/// The catalogue record of one document. Key names follow DESIGN.md.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Record {
    pub schema: u32,
    pub id: String,
    pub source: Source,
    pub doc_number: Option<Spanned<String>>,
    pub record_number: Option<Spanned<String>>,
    pub control_numbers: Vec<Spanned<String>>,
    /// Other archives' numbers: NARA's release stamp, a telegram's message reference
    /// (absent from records stored before they were read).
    #[serde(default)]
    pub archive_numbers: Vec<ArchiveNumber>,
    /// Receipt stamps (absent from records stored before they were read).
    #[serde(default)]
    pub received: Vec<Receipt>,
    pub date: Option<DocDate>,
    pub doc_type: Option<Spanned<DocType>>,
    pub title: Option<Spanned<String>>,
    pub agency: Option<Spanned<String>>,
    pub classification: Classification,
    pub from: Vec<Party>,
    pub to: Vec<Party>,
    pub through: Vec<Party>,
    pub info: Vec<Party>,
    /// Distribution lines and lists (absent from records stored before they were read).
    #[serde(default)]
    pub distribution: Vec<Distribution>,
    pub drafted_by: Vec<Party>,
    pub cleared_by: Vec<Party>,
    pub approved_by: Vec<Party>,
    pub participants: Vec<Party>,
    pub meeting: Option<Meeting>,
    pub decision: Option<Decision>,
    pub attachments: Vec<Attachment>,
    pub review: Option<Review>,
    pub redactions: Vec<Redaction>,
    pub exemptions: Vec<Spanned<String>>,
    pub sections: Vec<Section>,
    pub pages: u32,
    /// `pages` was estimated from the text's length: it has no page marker, and its source
    /// does not count pages (a text export of a scan).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pages_estimated: bool,
    /// Byte offset in the normalized text where each page starts, when there are several
    /// (form feeds, `## Page N`, `-2-` markers); the normalized text itself has line breaks there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub page_starts: Vec<usize>,
    pub entities: Entities,
}

/// The JSON Schema of the record (draft 2020-12), generated from these types.
pub fn record_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Record)).unwrap_or_default()
}

impl Record {
    /// An empty record for a document: every field absent.
    pub fn empty(id: String, source: Source) -> Record {
        Record {
            schema: SCHEMA_VERSION,
            id,
            pages: source.pages.max(1),
            source,
            doc_number: None,
            record_number: None,
            control_numbers: Vec::new(),
            archive_numbers: Vec::new(),
            received: Vec::new(),
            date: None,
            doc_type: None,
            title: None,
            agency: None,
            classification: Classification::default(),
            from: Vec::new(),
            to: Vec::new(),
            through: Vec::new(),
            info: Vec::new(),
            distribution: Vec::new(),
            drafted_by: Vec::new(),
            cleared_by: Vec::new(),
            approved_by: Vec::new(),
            participants: Vec::new(),
            meeting: None,
            decision: None,
            attachments: Vec::new(),
            review: None,
            redactions: Vec::new(),
            exemptions: Vec::new(),
            sections: Vec::new(),
            pages_estimated: false,
            page_starts: Vec::new(),
            entities: Entities::default(),
        }
    }

    pub fn title_str(&self) -> Option<&str> {
        self.title.as_ref().map(|t| t.value.as_str())
    }

    pub fn level_str(&self) -> Option<&str> {
        self.classification.level.as_deref()
    }

    pub fn type_str(&self) -> Option<&'static str> {
        self.doc_type.as_ref().map(|t| t.value.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_type_round_trips_through_its_key() {
        for t in DocType::ALL {
            assert_eq!(DocType::parse(t.as_str()), Some(t));
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
        }
        assert_eq!(DocType::parse("memo"), None);
        assert_eq!(
            DocType::MemorandumOfConversation.label(),
            "Memorandum of conversation"
        );
    }

    #[test]
    fn empty_record_serializes_absent_values_as_null_or_empty() {
        let r = Record::empty("abc".into(), Source::default());
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["schema"], 1);
        assert!(v["date"].is_null());
        assert_eq!(v["from"], serde_json::json!([]));
        assert_eq!(v["pages"], 1);
        let back: Record = serde_json::from_value(v).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn the_committed_schema_is_the_generated_one() {
        let generated = serde_json::to_string_pretty(&record_schema()).unwrap() + "\n";
        let committed = include_str!("../../../docs/record.schema.json");
        assert_eq!(
            committed, generated,
            "docs/record.schema.json is stale: run `declass schema > docs/record.schema.json`"
        );
    }

    #[test]
    fn date_parts_handle_partial_precision() {
        let d = DocDate {
            value: "1993-11".into(),
            precision: DatePrecision::Month,
            span: Span::default(),
            confidence: None,
        };
        assert_eq!(d.parts(), (1993, 11, 0));
    }
}
