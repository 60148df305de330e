//! The flat catalogue table: one row per document with the fields a spreadsheet or a
//! dataframe wants. CSV exports (`/api/export`, `declass export`) write it as text; Parquet
//! exports write the same columns, `pages` and `ocr_confidence` as numbers.

use crate::{Party, Record};

/// Column names, in order.
pub const COLUMNS: [&str; 17] = [
    "id",
    "date",
    "doc_type",
    "title",
    "agency",
    "classification",
    "caveats",
    "from",
    "to",
    "record_number",
    "doc_number",
    "archive_numbers",
    "exemptions",
    "pages",
    "ocr_confidence",
    "source_path",
    "url",
];

/// Index of `pages` in [`COLUMNS`].
pub const PAGES: usize = 13;
/// Index of `ocr_confidence` in [`COLUMNS`].
pub const OCR_CONFIDENCE: usize = 14;

/// Several values in one cell.
fn join(values: impl Iterator<Item = String>) -> String {
    values.collect::<Vec<_>>().join("; ")
}

/// One document's row, as text (empty where the record has no value).
pub fn row(r: &Record) -> [String; COLUMNS.len()] {
    let parties = |ps: &[Party]| join(ps.iter().map(|p| p.raw.clone()));
    let value = |f: &Option<crate::Spanned<String>>| f.as_ref().map(|v| v.value.clone());
    [
        r.id.clone(),
        r.date.as_ref().map(|d| d.value.clone()).unwrap_or_default(),
        r.type_str().unwrap_or("").to_string(),
        r.title_str().unwrap_or("").to_string(),
        value(&r.agency).unwrap_or_default(),
        r.level_str().unwrap_or("").to_string(),
        join(r.classification.caveats.iter().map(|c| c.value.clone())),
        parties(&r.from),
        parties(&r.to),
        value(&r.record_number).unwrap_or_default(),
        value(&r.doc_number).unwrap_or_default(),
        // (`nara_doc_id:32414710; message_reference:1977PEKING00139`)
        join(
            r.archive_numbers
                .iter()
                .map(|a| format!("{}:{}", a.kind.as_str(), a.value)),
        ),
        join(r.exemptions.iter().map(|e| e.value.clone())),
        r.pages.to_string(),
        r.source
            .ocr_confidence
            .map(|c| format!("{c:.1}"))
            .unwrap_or_default(),
        r.source.path.clone(),
        format!("/doc/{}", r.id),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArchiveNumber, NumberKind, Source, Span};

    #[test]
    fn the_numeric_columns_are_where_their_indexes_say() {
        assert_eq!(COLUMNS[PAGES], "pages");
        assert_eq!(COLUMNS[OCR_CONFIDENCE], "ocr_confidence");
    }

    #[test]
    fn archive_numbers_share_a_cell_each_with_its_kind() {
        let mut r = Record::empty("d1".into(), Source::default());
        r.pages = 3;
        for (kind, value) in [
            (NumberKind::NaraCase, "NW 65987"),
            (NumberKind::NaraDocId, "32414710"),
        ] {
            r.archive_numbers.push(ArchiveNumber {
                kind,
                value: value.into(),
                span: Span::new(0, 1, 1),
            });
        }
        let row = row(&r);
        let at = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
        assert_eq!(
            row[at("archive_numbers")],
            "nara_case:NW 65987; nara_doc_id:32414710"
        );
        assert_eq!(row[PAGES], "3");
        assert_eq!(row[at("url")], "/doc/d1");
    }
}
