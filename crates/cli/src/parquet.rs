//! Parquet in and out: `declass export --format parquet` writes the catalogue table (the
//! columns of [`declass_model::table`], the whole record as a JSON column, and with
//! `--with-text` the text); `declass ingest --records` reads any Parquet file with a
//! `record` column (JSON) and a `text` column: ours, or a Spark job's
//! (`scripts/spark/extract.py`). Both work a row group at a time, so memory holds one row
//! group whatever the file's size.

use anyhow::{bail, Context, Result};
use declass_model::{table, Record};
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::file::writer::SerializedFileWriter;
use parquet::record::Field;
use parquet::schema::types::Type;
use std::io::Write;
use std::sync::Arc;

/// Column indexes after the table's: the record's JSON, the text, the raw text.
const RECORD: usize = table::COLUMNS.len();
const TEXT: usize = RECORD + 1;

/// Rows per row group; a group is also closed once its text passes [`GROUP_BYTES`].
const GROUP_ROWS: usize = 10_000;
const GROUP_BYTES: usize = 64 << 20;

/// The file's schema: the table's columns, then `record` (and `text`, `raw`).
fn schema(with_text: bool) -> Result<Type> {
    let mut fields = Vec::new();
    for (i, name) in table::COLUMNS.iter().enumerate() {
        fields.push(match i {
            0 => format!("required binary {name} (STRING);"),
            table::PAGES => format!("required int64 {name};"),
            table::OCR_CONFIDENCE => format!("optional double {name};"),
            _ => format!("optional binary {name} (STRING);"),
        });
    }
    fields.push("required binary record (JSON);".to_string());
    if with_text {
        fields.push("required binary text (STRING);".to_string());
        fields.push("optional binary raw (STRING);".to_string());
    }
    let message = format!("message declass_record {{ {} }}", fields.join(" "));
    Ok(parquet::schema::parser::parse_message_type(&message)?)
}

/// One buffered row.
struct Row {
    cells: [String; table::COLUMNS.len()],
    pages: i64,
    ocr_confidence: Option<f64>,
    record: String,
    text: Option<(String, Option<String>)>,
}

/// Writes records as Parquet, one row group per [`GROUP_ROWS`] rows.
pub struct Writer<W: Write + Send> {
    inner: SerializedFileWriter<W>,
    rows: Vec<Row>,
    bytes: usize,
    with_text: bool,
}

impl<W: Write + Send> Writer<W> {
    pub fn new(out: W, with_text: bool) -> Result<Self> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("declass {}", env!("CARGO_PKG_VERSION")))
            .build();
        Ok(Writer {
            inner: SerializedFileWriter::new(out, Arc::new(schema(with_text)?), Arc::new(props))?,
            rows: Vec::new(),
            bytes: 0,
            with_text,
        })
    }

    /// Adds a record (with its text and raw text when the writer carries text).
    pub fn push(&mut self, r: &Record, text: Option<(String, Option<String>)>) -> Result<()> {
        if self.with_text && text.is_none() {
            bail!("document {}: no text to export", r.id);
        }
        let record = serde_json::to_string(r)?;
        self.bytes += record.len()
            + text
                .as_ref()
                .map_or(0, |(t, raw)| t.len() + raw.as_ref().map_or(0, String::len));
        self.rows.push(Row {
            cells: table::row(r),
            pages: i64::from(r.pages),
            ocr_confidence: r.source.ocr_confidence.map(f64::from),
            record,
            text: if self.with_text { text } else { None },
        });
        if self.rows.len() >= GROUP_ROWS || self.bytes >= GROUP_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let mut rows = std::mem::take(&mut self.rows);
        self.bytes = 0;
        let mut group = self.inner.next_row_group()?;
        let mut column = 0usize;
        while let Some(mut w) = group.next_column()? {
            match column {
                table::PAGES => {
                    let v: Vec<i64> = rows.iter().map(|r| r.pages).collect();
                    w.typed::<Int64Type>().write_batch(&v, None, None)?;
                }
                table::OCR_CONFIDENCE => {
                    let v: Vec<f64> = rows.iter().filter_map(|r| r.ocr_confidence).collect();
                    let def: Vec<i16> = rows
                        .iter()
                        .map(|r| i16::from(r.ocr_confidence.is_some()))
                        .collect();
                    w.typed::<DoubleType>().write_batch(&v, Some(&def), None)?;
                }
                c => {
                    // strings: a table cell, the record, the text or the raw text
                    let values: Vec<Option<String>> = rows
                        .iter_mut()
                        .map(|r| match c {
                            0 => Some(std::mem::take(&mut r.cells[0])),
                            c if c < RECORD => {
                                Some(std::mem::take(&mut r.cells[c])).filter(|s| !s.is_empty())
                            }
                            RECORD => Some(std::mem::take(&mut r.record)),
                            TEXT => r.text.as_mut().map(|t| std::mem::take(&mut t.0)),
                            _ => r.text.as_mut().and_then(|t| t.1.take()),
                        })
                        .collect();
                    let required = matches!(c, 0 | RECORD | TEXT);
                    let def: Vec<i16> = values.iter().map(|v| i16::from(v.is_some())).collect();
                    let v: Vec<ByteArray> = values
                        .into_iter()
                        .flatten()
                        .map(|s| ByteArray::from(s.into_bytes()))
                        .collect();
                    w.typed::<ByteArrayType>().write_batch(
                        &v,
                        (!required).then_some(def.as_slice()),
                        None,
                    )?;
                }
            }
            w.close()?;
            column += 1;
        }
        group.close()?;
        Ok(())
    }

    /// Writes what is buffered and the file's footer.
    pub fn finish(mut self) -> Result<()> {
        self.flush()?;
        self.inner.close()?;
        Ok(())
    }
}

/// A stored document as a records file carries it: the record's JSON, the text, the raw text.
pub struct StoredRow {
    pub record: String,
    pub text: Option<String>,
    pub raw: Option<String>,
}

/// Whether a file is Parquet (its magic number), whatever its name.
pub fn is_parquet(path: &std::path::Path) -> bool {
    use std::io::Read;
    let mut magic = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok()
        && &magic == b"PAR1"
}

fn string(field: &Field) -> Option<String> {
    match field {
        Field::Str(s) => Some(s.clone()),
        Field::Bytes(b) => String::from_utf8(b.data().to_vec()).ok(),
        _ => None,
    }
}

/// Reads a records file's row groups, calling `each(first_row, rows)` for each; rows keep
/// the file's order. Only `record`, `text` and `raw` are read.
pub fn read(
    path: &std::path::Path,
    mut each: impl FnMut(usize, Vec<StoredRow>) -> Result<()>,
) -> Result<()> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let reader = SerializedFileReader::new(file)
        .with_context(|| format!("{}: not a readable Parquet file", path.display()))?;
    let root = reader.metadata().file_metadata().schema();
    let wanted: Vec<Arc<Type>> = root
        .get_fields()
        .iter()
        .filter(|f| matches!(f.name(), "record" | "text" | "raw"))
        .cloned()
        .collect();
    for column in ["record", "text"] {
        if !wanted.iter().any(|f| f.name() == column) {
            bail!(
                "{}: no `{column}` column: a Parquet records file has the record as JSON in `record` \
                 and the text in `text` (`declass export --format parquet --with-text` writes one)",
                path.display()
            );
        }
    }
    let projection = Type::group_type_builder(root.name())
        .with_fields(wanted)
        .build()?;
    let mut first = 0usize;
    for g in 0..reader.num_row_groups() {
        let group = reader
            .get_row_group(g)
            .with_context(|| format!("{}: row group {g}", path.display()))?;
        let mut rows = Vec::new();
        for row in group.get_row_iter(Some(projection.clone()))? {
            let row = row.with_context(|| format!("{}: row group {g}", path.display()))?;
            let mut out = StoredRow {
                record: String::new(),
                text: None,
                raw: None,
            };
            for (name, field) in row.get_column_iter() {
                let value = string(field);
                match name.as_str() {
                    "record" => out.record = value.unwrap_or_default(),
                    "text" => out.text = value,
                    _ => out.raw = value,
                }
            }
            rows.push(out);
        }
        let n = rows.len();
        each(first, rows)?;
        first += n;
    }
    Ok(())
}
