//! Writing: files and their documents go into SQLite and the index in batches.
//!
//! Order within a batch (see the crate docs for why): SQLite rows with `indexed = 0`,
//! SQLite commit, tantivy commit, then `indexed = 1`. Each file's row and its documents
//! are written in the same SQLite transaction, so a file is either done or not.

use crate::schema::Fields;
use crate::{Archive, ArchiveError, Result};
use declass_model::Record;
use declass_versions::{Signature, THRESHOLD};
use rusqlite::{params, Connection, OptionalExtension};
use tantivy::schema::Facet;
use tantivy::{IndexWriter, TantivyDocument, Term};

/// Documents per batch: large enough to amortize commits, small enough that an
/// interrupted run loses little work.
pub const BATCH_DOCS: usize = 5_000;
/// Documents read per band key, and candidates compared per new document: the work per
/// document stays flat when thousands share a band (boilerplate, or a much re-released
/// document). Any member of a group will do, and true versions share several bands, so
/// they come first.
const PER_BAND: i64 = 8;
const MAX_CANDIDATES: usize = 32;
/// `SELECT doc` for each of the bands' keys, at most [`PER_BAND`] each, in one statement.
static BAND_LOOKUP: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    (1..=declass_versions::BANDS)
        .map(|i| format!("SELECT * FROM (SELECT doc FROM bands WHERE key = ?{i} LIMIT {PER_BAND})"))
        .collect::<Vec<_>>()
        .join(" UNION ALL ")
});
/// The bands' `(key, doc)` rows in one statement.
static BAND_INSERT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let rows: Vec<String> = (0..declass_versions::BANDS)
        .map(|i| format!("(?{}, ?{})", 2 * i + 1, 2 * i + 2))
        .collect();
    format!(
        "INSERT OR IGNORE INTO bands(key, doc) VALUES {}",
        rows.join(", ")
    )
});
/// A candidate this similar is taken at once.
const SURE: f32 = 0.9;
/// SQLite page cache of the writer's connection, in KiB.
const WRITER_CACHE_KIB: i64 = 128 * 1024;
/// Memory for tantivy's indexing buffers (split across its threads).
const INDEX_BUDGET: usize = 200_000_000;

/// A document ready to be stored.
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub record: Record,
    /// Normalized text: the record's spans point into it.
    pub text: String,
    /// Decoded text before normalization, only when it differs.
    pub raw: Option<String>,
    /// Collection numbers to look the document up by, besides those in the record.
    pub extra_numbers: Vec<String>,
    /// MinHash of the text, for finding other versions (`None`: too short to tell).
    pub signature: Option<Signature>,
    /// The record as stored (JSON), made on the worker thread: the one writer has enough
    /// to do, and its length tells what the document weighs in memory.
    pub record_json: String,
}

impl NewDocument {
    /// A document to store; computes its signature (call it on a worker thread).
    pub fn new(
        record: Record,
        text: String,
        raw: Option<String>,
        extra_numbers: Vec<String>,
    ) -> NewDocument {
        let signature = Signature::of(&text);
        // a record always serializes (string keys only); an empty one is made again on store
        let record_json = serde_json::to_string(&record).unwrap_or_default();
        NewDocument {
            record,
            text,
            raw,
            extra_numbers,
            signature,
            record_json,
        }
    }

    /// A document only to print (`declass extract`): no signature and no stored JSON, which
    /// only an archive uses (about a tenth of extraction's time, saved).
    pub fn unsigned(
        record: Record,
        text: String,
        raw: Option<String>,
        extra_numbers: Vec<String>,
    ) -> NewDocument {
        NewDocument {
            record,
            text,
            raw,
            extra_numbers,
            signature: None,
            record_json: String::new(),
        }
    }

    /// Bytes this document holds in memory, roughly: its texts, and its record twice (the
    /// structure, whose strings and spans weigh about what their JSON does, and the JSON).
    pub fn weight(&self) -> u64 {
        (self.text.len() + self.raw.as_ref().map_or(0, String::len) + 2 * self.record_json.len())
            as u64
    }
}

/// What reading one input file gave.
#[derive(Debug, Clone, Default)]
pub struct FileOutcome {
    /// Absolute path: the key that makes re-ingest idempotent.
    pub path: String,
    /// Path as the user gave it.
    pub shown: String,
    pub sha256: Option<String>,
    pub size: Option<u64>,
    pub docs: Vec<NewDocument>,
    /// `(kind, message)` when the file, or some of its documents, failed.
    pub error: Option<(String, String)>,
}

impl FileOutcome {
    /// The `files.status` this outcome is stored with: `ok`, `partial` (some documents, some
    /// errors), `failed`, or `waiting` (for OCR or a tool; error kinds `waiting_*`).
    pub fn status(&self) -> &'static str {
        match (&self.error, self.docs.is_empty()) {
            (None, _) => "ok",
            (Some((kind, _)), true) if kind.starts_with("waiting") => "waiting",
            (Some(_), false) => "partial",
            (Some(_), true) => "failed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddOutcome {
    Added,
    Duplicate,
}

/// Counts of one run.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct RunCounts {
    pub files_ok: u64,
    pub files_failed: u64,
    /// Files waiting for OCR (Tesseract missing) or another tool: `ingest --resume` takes them.
    pub files_waiting: u64,
    pub files_unchanged: u64,
    pub docs_added: u64,
    pub docs_duplicate: u64,
}

pub struct Writer<'a> {
    archive: &'a Archive,
    conn: Connection,
    index: IndexWriter<TantivyDocument>,
    fields: Fields,
    run_id: Option<i64>,
    in_tx: bool,
    batch_docs: usize,
    batch_limit: usize,
    pub counts: RunCounts,
}

pub(crate) fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// `YYYYMMDD` with zeros for unknown parts.
pub(crate) fn date_key(record: &Record) -> Option<i64> {
    let d = record.date.as_ref()?;
    let (y, m, day) = d.parts();
    (y > 0).then_some(y as i64 * 10_000 + m as i64 * 100 + day as i64)
}

/// The OCR confidence the index filters on: Tesseract's mean, rounded; 100 for text that
/// declass did not OCR (a text layer or a supplied transcript is not a guess of ours).
pub(crate) fn ocr_key(record: &Record) -> i64 {
    record
        .source
        .ocr_confidence
        .map_or(100, |c| c.round().clamp(0.0, 100.0) as i64)
}

pub(crate) fn party_text(parties: &[declass_model::Party]) -> String {
    parties
        .iter()
        .map(|p| p.raw.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// A record's exemption codes (marked in the text, on review stamps, on redactions),
/// upper-cased and distinct.
pub(crate) fn exemptions_of(r: &Record) -> Vec<String> {
    let mut out: Vec<String> = r
        .exemptions
        .iter()
        .map(|e| e.value.as_str())
        .chain(
            r.review
                .iter()
                .flat_map(|v| v.exemptions.iter().map(|e| e.value.as_str())),
        )
        .chain(r.redactions.iter().filter_map(|x| x.exemption.as_deref()))
        .map(|e| e.trim().to_uppercase())
        .filter(|e| !e.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A record's review status: the decisions marked on its review stamp (`RELEASE`,
/// `EXCISE`, ...), `REVIEWED` when a stamp has none legible, nothing without a stamp.
pub(crate) fn reviews_of(r: &Record) -> Vec<String> {
    let Some(review) = &r.review else {
        return Vec::new();
    };
    let mut out: Vec<String> = review
        .decisions
        .iter()
        .map(|d| d.value.trim().to_uppercase())
        .filter(|d| !d.is_empty())
        .collect();
    if out.is_empty() {
        out.push("REVIEWED".to_string());
    }
    out.sort();
    out.dedup();
    out
}

fn numbers_of(record: &Record) -> Vec<(&str, &'static str)> {
    let mut out = Vec::new();
    if let Some(n) = &record.doc_number {
        out.push((n.value.as_str(), "doc_number"));
    }
    if let Some(n) = &record.record_number {
        out.push((n.value.as_str(), "record_number"));
    }
    for n in &record.control_numbers {
        out.push((n.value.as_str(), "control_number"));
    }
    for n in &record.archive_numbers {
        out.push((n.value.as_str(), n.kind.as_str()));
    }
    out
}

impl<'a> Writer<'a> {
    pub(crate) fn new(archive: &'a Archive) -> Result<Writer<'a>> {
        let conn = crate::schema::open_connection(&archive.db_path, false)?;
        // The writer touches the documents, numbers and version tables at random places:
        // a larger page cache than SQLite's 2 MB default keeps their upper levels in memory.
        conn.pragma_update(None, "cache_size", -WRITER_CACHE_KIB)
            .map_err(|e| archive.sql_err(e))?;
        let index = archive
            .index
            .writer(INDEX_BUDGET)
            .map_err(|e| archive.index_err(e))?;
        Ok(Writer {
            archive,
            conn,
            index,
            fields: archive.fields,
            run_id: None,
            in_tx: false,
            batch_docs: 0,
            batch_limit: BATCH_DOCS,
            counts: RunCounts::default(),
        })
    }

    fn sql(&self, e: rusqlite::Error) -> ArchiveError {
        self.archive.sql_err(e)
    }

    /// Commit after this many new documents (at least 1).
    pub fn set_batch_docs(&mut self, n: usize) {
        self.batch_limit = n.max(1);
    }

    /// Record the start of an ingest run; its counts are kept in `runs`.
    pub fn start_run(&mut self, inputs: &str) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO runs(started, inputs) VALUES (?1, ?2)",
                params![now(), inputs],
            )
            .map_err(|e| self.sql(e))?;
        let id = self.conn.last_insert_rowid();
        self.run_id = Some(id);
        Ok(id)
    }

    fn begin(&mut self) -> Result<()> {
        if !self.in_tx {
            self.conn
                .execute_batch("BEGIN IMMEDIATE")
                .map_err(|e| self.sql(e))?;
            self.in_tx = true;
        }
        Ok(())
    }

    /// Note a file that is already in the archive with the same content.
    pub fn unchanged(&mut self) {
        self.counts.files_unchanged += 1;
    }

    /// Store one file's outcome: its documents (new ones only) and its status row.
    pub fn put_file(&mut self, file: FileOutcome) -> Result<Vec<AddOutcome>> {
        self.begin()?;
        let previous: Option<(Option<String>, String)> = self
            .conn
            .query_row(
                "SELECT sha256, status FROM files WHERE path = ?1",
                [&file.path],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.sql(e))?;
        // A changed file: its new document is a new version of the old one.
        let previous_id: Option<String> = match (&previous, &file.sha256) {
            (Some((Some(old), _)), Some(new)) if old != new => self
                .conn
                .query_row(
                    "SELECT id FROM documents WHERE file_sha256 = ?1 ORDER BY rowid LIMIT 1",
                    [old],
                    |r| r.get(0),
                )
                .optional()
                .map_err(|e| self.sql(e))?,
            _ => None,
        };
        let mut outcomes = Vec::with_capacity(file.docs.len());
        for (i, doc) in file.docs.iter().enumerate() {
            let prev = if i == 0 { previous_id.as_deref() } else { None };
            outcomes.push(self.put_document(doc, &file, prev)?);
        }
        let status = file.status();
        let (kind, message) = match &file.error {
            Some((k, m)) => (Some(k.as_str()), Some(m.as_str())),
            None => (None, None),
        };
        self.conn
            .execute(
                "INSERT INTO files(path, shown, sha256, size, status, kind, error, documents, run_id, updated)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT(path) DO UPDATE SET shown = ?2, sha256 = ?3, size = ?4, status = ?5,
                    kind = ?6, error = ?7, documents = ?8, run_id = ?9, updated = ?10",
                params![
                    file.path,
                    file.shown,
                    file.sha256,
                    file.size.map(|s| s as i64),
                    status,
                    kind,
                    message,
                    file.docs.len() as i64,
                    self.run_id,
                    now()
                ],
            )
            .map_err(|e| self.sql(e))?;
        if status == "failed" {
            self.counts.files_failed += 1;
        } else if status == "waiting" {
            self.counts.files_waiting += 1;
        } else {
            self.counts.files_ok += 1;
        }
        if self.batch_docs >= self.batch_limit {
            self.commit()?;
        }
        Ok(outcomes)
    }

    fn put_document(
        &mut self,
        doc: &NewDocument,
        file: &FileOutcome,
        previous_id: Option<&str>,
    ) -> Result<AddOutcome> {
        let r = &doc.record;
        let made;
        let record_json = if doc.record_json.is_empty() {
            made = serde_json::to_string(r).map_err(|e| ArchiveError::Corrupt {
                id: r.id.clone(),
                why: e.to_string(),
            })?;
            &made
        } else {
            &doc.record_json
        };
        let inserted = self
            .conn
            .execute(
                "INSERT OR IGNORE INTO documents(id, file_sha256, source_path, format, pages, date, year,
                    doc_type, agency, level, title, record, text, raw, previous_id, run_id, added, ocr_confidence, indexed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, 0)",
                params![
                    r.id,
                    file.sha256.as_deref().unwrap_or(&r.source.sha256),
                    r.source.path,
                    r.source.format,
                    r.pages as i64,
                    r.date.as_ref().map(|d| d.value.as_str()),
                    r.date.as_ref().map(|d| d.parts().0 as i64),
                    r.type_str(),
                    r.agency.as_ref().map(|a| a.value.as_str()),
                    r.level_str(),
                    r.title_str(),
                    record_json,
                    doc.text,
                    doc.raw,
                    previous_id,
                    self.run_id,
                    now(),
                    r.source.ocr_confidence.map(f64::from)
                ],
            )
            .map_err(|e| self.sql(e))?;
        if inserted == 0 {
            self.counts.docs_duplicate += 1;
            return Ok(AddOutcome::Duplicate);
        }
        let rowid = self.conn.last_insert_rowid();
        self.link_version(rowid, &r.id, doc.signature.as_ref(), previous_id)?;
        crate::people::store(&self.conn, rowid, r).map_err(|e| self.sql(e))?;
        let numbers = numbers_of(r).into_iter().chain(
            doc.extra_numbers
                .iter()
                .map(|n| (n.as_str(), "external_id")),
        );
        for (n, kind) in numbers {
            self.conn
                .execute(
                    "INSERT OR IGNORE INTO numbers(number, id, kind) VALUES (?1, ?2, ?3)",
                    params![n, r.id, kind],
                )
                .map_err(|e| self.sql(e))?;
        }
        self.index_document(r, &doc.text, &doc.extra_numbers)?;
        self.counts.docs_added += 1;
        self.batch_docs += 1;
        Ok(AddOutcome::Added)
    }

    /// Store a new document's signature and band keys, and link it to the earlier
    /// document it is a version of: the one it replaced in the same file, else the most
    /// similar candidate at or above the threshold.
    pub(crate) fn link_version(
        &mut self,
        rowid: i64,
        id: &str,
        sig: Option<&Signature>,
        previous_id: Option<&str>,
    ) -> Result<()> {
        let sql = |e| self.archive.sql_err(e);
        let mut link: Option<(String, Option<f32>, &str)> =
            previous_id.map(|p| (p.to_string(), None, "file"));
        if let Some(sig) = sig {
            let bands = sig.bands();
            if link.is_none() {
                let mut candidates = Vec::new();
                {
                    // One statement for the 16 band lookups (each capped), one round trip.
                    let mut stmt = self.conn.prepare_cached(&BAND_LOOKUP).map_err(sql)?;
                    let rows = stmt
                        .query_map(rusqlite::params_from_iter(bands.iter()), |r| {
                            r.get::<_, i64>(0)
                        })
                        .map_err(sql)?;
                    for row in rows {
                        candidates.push(row.map_err(sql)?);
                    }
                }
                // Most shared bands first: the likeliest versions survive the cap.
                candidates.sort_unstable();
                let mut counted: Vec<(usize, i64)> = Vec::new();
                for c in candidates {
                    match counted.last_mut() {
                        Some((n, d)) if *d == c => *n += 1,
                        _ => counted.push((1, c)),
                    }
                }
                counted.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                counted.truncate(MAX_CANDIDATES);
                let mut best: Option<(f32, i64)> = None;
                let mut stmt = self
                    .conn
                    .prepare_cached("SELECT sig FROM signatures WHERE doc = ?1")
                    .map_err(sql)?;
                for (_, doc) in counted {
                    let bytes: Option<Vec<u8>> = stmt
                        .query_row([doc], |r| r.get(0))
                        .optional()
                        .map_err(sql)?;
                    let Some(other) = bytes.as_deref().and_then(Signature::from_bytes) else {
                        continue;
                    };
                    let s = sig.similarity(&other);
                    if s >= THRESHOLD && best.is_none_or(|(b, _)| s > b) {
                        best = Some((s, doc));
                        if s >= SURE {
                            break;
                        }
                    }
                }
                drop(stmt);
                if let Some((s, doc)) = best {
                    let of: String = self
                        .conn
                        .query_row("SELECT id FROM documents WHERE rowid = ?1", [doc], |r| {
                            r.get(0)
                        })
                        .map_err(sql)?;
                    link = Some((of, Some(s), "near"));
                }
            }
            self.conn
                .prepare_cached("INSERT OR REPLACE INTO signatures(doc, sig) VALUES (?1, ?2)")
                .and_then(|mut st| st.execute(params![rowid, sig.to_bytes()]))
                .map_err(sql)?;
            let mut stmt = self.conn.prepare_cached(&BAND_INSERT).map_err(sql)?;
            stmt.execute(rusqlite::params_from_iter(
                bands.iter().flat_map(|&k| [k, rowid]),
            ))
            .map_err(sql)?;
        }
        if let Some((of, similarity, how)) = link {
            if of != id {
                self.conn
                    .execute(
                        "INSERT OR IGNORE INTO versions(id, root, of, similarity, how)
                         VALUES (?1, coalesce((SELECT root FROM versions WHERE id = ?2), ?2), ?2, ?3, ?4)",
                        params![id, of, similarity.map(f64::from), how],
                    )
                    .map_err(sql)?;
            }
        }
        Ok(())
    }

    /// List the parties of documents stored before archive schema 4, up to `last` rowid.
    /// Resumable: each batch commits with its progress in `meta`.
    pub(crate) fn backfill_parties(&mut self, last: i64) -> Result<usize> {
        let mut n = 0;
        let mut after: i64 = self
            .conn
            .query_row(
                "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'parties_backfill_done'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql(e))?
            .unwrap_or(0);
        loop {
            let rows: Vec<(i64, String)> = {
                let mut stmt = self
                    .conn
                    .prepare(
                        "SELECT rowid, record FROM documents WHERE rowid > ?1 AND rowid <= ?2
                         ORDER BY rowid LIMIT 1000",
                    )
                    .map_err(|e| self.sql(e))?;
                let mapped = stmt
                    .query_map(params![after, last], |r| Ok((r.get(0)?, r.get(1)?)))
                    .map_err(|e| self.sql(e))?;
                mapped
                    .collect::<rusqlite::Result<_>>()
                    .map_err(|e| self.sql(e))?
            };
            let Some(&(end, _)) = rows.last() else { break };
            self.begin()?;
            for (rowid, json) in rows {
                let r: Record = serde_json::from_str(&json).map_err(|e| ArchiveError::Corrupt {
                    id: format!("rowid {rowid}"),
                    why: e.to_string(),
                })?;
                crate::people::store(&self.conn, rowid, &r).map_err(|e| self.sql(e))?;
                n += 1;
            }
            self.conn
                .execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('parties_backfill_done', ?1)",
                    [end],
                )
                .map_err(|e| self.sql(e))?;
            self.conn.execute("COMMIT", []).map_err(|e| self.sql(e))?;
            self.in_tx = false;
            after = end;
        }
        self.conn
            .execute(
                "DELETE FROM meta WHERE key IN ('parties_backfill', 'parties_backfill_done')",
                [],
            )
            .map_err(|e| self.sql(e))?;
        Ok(n)
    }

    /// Give documents stored before signatures existed (archive schema 2) their
    /// signatures and version links, in the order they were added, up to `last` rowid.
    /// Resumable: progress is kept in `meta` with each batch.
    pub(crate) fn backfill_versions(&mut self, last: i64) -> Result<usize> {
        let mut n = 0;
        let mut after: i64 = 0;
        loop {
            let rows: Vec<(i64, String, String, Option<String>)> = {
                let mut stmt = self
                    .conn
                    .prepare(
                        "SELECT rowid, id, text, previous_id FROM documents
                         WHERE rowid > ?1 AND rowid <= ?2
                           AND rowid NOT IN (SELECT doc FROM signatures WHERE doc > ?1)
                           AND id NOT IN (SELECT id FROM versions)
                         ORDER BY rowid LIMIT 500",
                    )
                    .map_err(|e| self.sql(e))?;
                let mapped = stmt
                    .query_map(params![after, last], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                    })
                    .map_err(|e| self.sql(e))?;
                mapped
                    .collect::<rusqlite::Result<_>>()
                    .map_err(|e| self.sql(e))?
            };
            let Some(&(end, ..)) = rows.last() else { break };
            self.begin()?;
            for (rowid, id, text, previous) in rows {
                let sig = Signature::of(&text);
                self.link_version(rowid, &id, sig.as_ref(), previous.as_deref())?;
                n += 1;
            }
            self.conn.execute("COMMIT", []).map_err(|e| self.sql(e))?;
            self.in_tx = false;
            after = end;
        }
        self.conn
            .execute("DELETE FROM meta WHERE key = 'versions_backfill'", [])
            .map_err(|e| self.sql(e))?;
        Ok(n)
    }

    fn index_document(&mut self, r: &Record, text: &str, extra_numbers: &[String]) -> Result<()> {
        let f = &self.fields;
        self.index.delete_term(Term::from_field_text(f.id, &r.id));
        let mut d = TantivyDocument::default();
        d.add_text(f.id, &r.id);
        d.add_text(f.body, text);
        if let Some(t) = r.title_str() {
            d.add_text(f.title, t);
        }
        let mut facet =
            |root: &str, value: &str| d.add_facet(f.facets, Facet::from_path([root, value]));
        facet("type", r.type_str().unwrap_or("unknown"));
        facet(
            "agency",
            r.agency
                .as_ref()
                .map(|a| a.value.as_str())
                .unwrap_or("unknown"),
        );
        facet("classification", r.level_str().unwrap_or("unknown"));
        for c in &r.classification.caveats {
            facet("caveat", &c.value);
        }
        let names = crate::people::names_of(r);
        let exemptions = exemptions_of(r);
        let reviews = reviews_of(r);
        for p in &names.people {
            facet("person", p);
        }
        for o in &names.offices {
            facet("office", o);
        }
        for e in &exemptions {
            facet("exemption", e);
        }
        for v in &reviews {
            facet("review", v);
        }
        if let Some(key) = date_key(r) {
            let y = key / 10_000;
            facet("year", &y.to_string());
            facet("decade", &format!("{}s", y / 10 * 10));
        } else {
            facet("year", "unknown");
            facet("decade", "unknown");
        }
        if let Some(t) = r.type_str() {
            d.add_text(f.doc_type, t);
        }
        if let Some(a) = &r.agency {
            d.add_text(f.agency, &a.value);
        }
        if let Some(l) = r.level_str() {
            d.add_text(f.level, l);
        }
        for c in &r.classification.caveats {
            d.add_text(f.caveat, &c.value);
        }
        for p in &names.people {
            d.add_text(f.person, p);
        }
        for o in &names.offices {
            d.add_text(f.office, o);
        }
        for e in &exemptions {
            d.add_text(f.exemption, e);
        }
        for v in &reviews {
            d.add_text(f.review, v);
        }
        for (n, _) in numbers_of(r) {
            d.add_text(f.number, n);
        }
        for n in extra_numbers {
            d.add_text(f.number, n);
        }
        d.add_text(f.from, party_text(&r.from));
        d.add_text(f.to, party_text(&r.to));
        // Undated documents sort before the dated ones (0), so date-sorted paging reaches them.
        d.add_i64(f.date, date_key(r).unwrap_or(0));
        d.add_i64(f.ocr, ocr_key(r));
        self.index
            .add_document(d)
            .map_err(|e| self.archive.index_err(e))?;
        Ok(())
    }

    /// Make everything written so far durable and searchable.
    pub fn commit(&mut self) -> Result<()> {
        if self.in_tx {
            self.conn.execute_batch("COMMIT").map_err(|e| self.sql(e))?;
            self.in_tx = false;
        }
        self.index.commit().map_err(|e| self.archive.index_err(e))?;
        self.conn
            .execute("UPDATE documents SET indexed = 1 WHERE indexed = 0", [])
            .map_err(|e| self.sql(e))?;
        if let Some(run) = self.run_id {
            let c = self.counts;
            self.conn
                .execute(
                    "UPDATE runs SET files_ok = ?2, files_failed = ?3 + ?7, files_unchanged = ?4,
                        docs_added = ?5, docs_duplicate = ?6 WHERE id = ?1",
                    params![
                        run,
                        c.files_ok as i64,
                        c.files_failed as i64,
                        c.files_unchanged as i64,
                        c.docs_added as i64,
                        c.docs_duplicate as i64,
                        c.files_waiting as i64
                    ],
                )
                .map_err(|e| self.sql(e))?;
        }
        self.batch_docs = 0;
        self.archive.reload()?;
        Ok(())
    }

    /// Commit and close the run.
    pub fn finish(mut self) -> Result<RunCounts> {
        self.commit()?;
        if let Some(run) = self.run_id {
            self.conn
                .execute(
                    "UPDATE runs SET finished = ?2 WHERE id = ?1",
                    params![run, now()],
                )
                .map_err(|e| self.sql(e))?;
        }
        self.index
            .wait_merging_threads()
            .map_err(|e| self.archive.index_err(e))?;
        Ok(self.counts)
    }

    pub(crate) fn clear_index(&mut self) -> Result<()> {
        self.index
            .delete_all_documents()
            .map_err(|e| self.archive.index_err(e))?;
        Ok(())
    }

    /// Index every document marked `indexed = 0` (streaming; memory stays bounded).
    pub(crate) fn reindex_pending(&mut self) -> Result<usize> {
        let mut n = 0;
        let mut last_rowid = 0i64;
        loop {
            let rows: Vec<(i64, String, String, Vec<String>)> = {
                let mut stmt = self
                    .conn
                    .prepare(
                        "SELECT rowid, record, text,
                            (SELECT group_concat(number, char(31)) FROM numbers
                              WHERE numbers.id = documents.id AND kind = 'external_id')
                         FROM documents WHERE indexed = 0 AND rowid > ?1 ORDER BY rowid LIMIT 1000",
                    )
                    .map_err(|e| self.sql(e))?;
                let mapped = stmt
                    .query_map([last_rowid], |r| {
                        let extra: Option<String> = r.get(3)?;
                        Ok((
                            r.get(0)?,
                            r.get(1)?,
                            r.get(2)?,
                            extra
                                .map(|s| s.split('\u{1f}').map(str::to_string).collect())
                                .unwrap_or_default(),
                        ))
                    })
                    .map_err(|e| self.sql(e))?;
                mapped
                    .collect::<rusqlite::Result<_>>()
                    .map_err(|e| self.sql(e))?
            };
            if rows.is_empty() {
                break;
            }
            for (rowid, record, text, extra) in rows {
                last_rowid = rowid;
                let record: Record =
                    serde_json::from_str(&record).map_err(|e| ArchiveError::Corrupt {
                        id: format!("rowid {rowid}"),
                        why: e.to_string(),
                    })?;
                self.index_document(&record, &text, &extra)?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Extract every stored document again with `extract` (a batch of `(record, input
    /// text)` in, `(record, normalized text)` out, in order), replacing the records, their
    /// parties, mentions and numbers, and the index entries; then recount the names. The
    /// documents' ids, versions and files are kept; corrections, stored apart, are untouched.
    /// Resumable: a run killed midway continues after the last batch committed.
    pub fn reextract(
        &mut self,
        mut extract: impl FnMut(Vec<(Record, String)>) -> Vec<(Record, String)>,
        mut progress: impl FnMut(usize),
    ) -> Result<usize> {
        let mut after: i64 = self
            .conn
            .query_row(
                "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'reextract_done'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql(e))?
            .unwrap_or(0);
        let mut n = 0;
        loop {
            let rows: Vec<(i64, String, String, Option<String>)> = {
                let mut stmt = self
                    .conn
                    .prepare("SELECT rowid, record, text, raw FROM documents WHERE rowid > ?1 ORDER BY rowid LIMIT 500")
                    .map_err(|e| self.sql(e))?;
                let mapped = stmt
                    .query_map([after], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                    })
                    .map_err(|e| self.sql(e))?;
                mapped
                    .collect::<rusqlite::Result<_>>()
                    .map_err(|e| self.sql(e))?
            };
            let Some(&(last, ..)) = rows.last() else {
                break;
            };
            let mut rowids = Vec::with_capacity(rows.len());
            let mut input = Vec::with_capacity(rows.len());
            for (rowid, json, text, raw) in rows {
                let r: Record = serde_json::from_str(&json).map_err(|e| ArchiveError::Corrupt {
                    id: format!("rowid {rowid}"),
                    why: e.to_string(),
                })?;
                rowids.push(rowid);
                input.push((r, raw.unwrap_or(text)));
            }
            let output = extract(input);
            self.begin()?;
            for (rowid, (r, text)) in rowids.into_iter().zip(output) {
                let json = serde_json::to_string(&r).map_err(|e| ArchiveError::Corrupt {
                    id: r.id.clone(),
                    why: e.to_string(),
                })?;
                self.conn
                    .execute(
                        "UPDATE documents SET record = ?2, text = ?3, date = ?4, year = ?5, doc_type = ?6,
                            agency = ?7, level = ?8, title = ?9, indexed = 0 WHERE rowid = ?1",
                        params![
                            rowid,
                            json,
                            text,
                            r.date.as_ref().map(|d| d.value.as_str()),
                            r.date.as_ref().map(|d| d.parts().0 as i64),
                            r.type_str(),
                            r.agency.as_ref().map(|a| a.value.as_str()),
                            r.level_str(),
                            r.title_str(),
                        ],
                    )
                    .map_err(|e| self.sql(e))?;
                for table in [
                    "DELETE FROM parties WHERE doc = ?1",
                    "DELETE FROM mentions WHERE doc = ?1",
                ] {
                    self.conn.execute(table, [rowid]).map_err(|e| self.sql(e))?;
                }
                self.conn
                    .execute(
                        "DELETE FROM numbers WHERE id = ?1 AND kind != 'external_id'",
                        [&r.id],
                    )
                    .map_err(|e| self.sql(e))?;
                for (num, kind) in numbers_of(&r) {
                    self.conn
                        .execute(
                            "INSERT OR IGNORE INTO numbers(number, id, kind) VALUES (?1, ?2, ?3)",
                            params![num, r.id, kind],
                        )
                        .map_err(|e| self.sql(e))?;
                }
                crate::people::store_rows(&self.conn, rowid, &r).map_err(|e| self.sql(e))?;
                let extra: Vec<String> = self
                    .conn
                    .prepare_cached(
                        "SELECT number FROM numbers WHERE id = ?1 AND kind = 'external_id'",
                    )
                    .and_then(|mut st| st.query_map([&r.id], |x| x.get(0))?.collect())
                    .map_err(|e| self.sql(e))?;
                self.index_document(&r, &text, &extra)?;
                n += 1;
            }
            self.conn
                .execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('reextract_done', ?1)",
                    [last],
                )
                .map_err(|e| self.sql(e))?;
            self.commit()?;
            after = last;
            progress(n);
        }
        self.begin()?;
        crate::people::recount_names(&self.conn).map_err(|e| self.sql(e))?;
        self.conn
            .execute("DELETE FROM meta WHERE key = 'reextract_done'", [])
            .map_err(|e| self.sql(e))?;
        self.commit()?;
        Ok(n)
    }
}
