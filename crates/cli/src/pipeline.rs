//! One file through the pipeline: read (ingest) → extract → a `FileOutcome` for the archive.

use anyhow::{Context, Result};
use declass_archive::{FileOutcome, NewDocument};
use declass_ingest::{read_file, IngestError, ReadOptions, SourceDoc};
use declass_model::{PageOcr, Record, Source};
use rayon::prelude::*;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Condvar, Mutex};

/// How a source's documents are extracted.
#[derive(Debug, Clone, Copy)]
pub struct How {
    /// Cut a file holding several documents (a scanned folder) where a new document's
    /// header starts (`declass_extract::split`).
    pub split: bool,
    /// Made to be stored (with the signature and JSON the writer needs), or only printed.
    pub archive: bool,
    /// Look for the text's people, offices, organizations and places (`--no-entities`
    /// leaves them: extraction is about twice as fast without).
    pub entities: bool,
}

impl How {
    /// Ingest's way: split, to be stored, with entities.
    pub const STORED: How = How {
        split: true,
        archive: true,
        entities: true,
    };

    /// To be printed, not stored: what `declass extract` and `declass eval` do.
    pub fn printed(split: bool) -> How {
        How {
            split,
            archive: false,
            entities: true,
        }
    }
}

/// The documents of one source, each extracted (see [`How`]).
pub fn documents(doc: SourceDoc, how: How) -> Vec<NewDocument> {
    // Normalized once: to find the parts, and, for a file of one document, to extract.
    let n = declass_extract::normalize(&doc.text);
    // (a PDF's or a scan's pages are its own: blank lines in its text open none)
    let counts_pages = declass_extract::counts_own_pages(doc.format.as_str(), doc.pages);
    if !how.split || n.pages_from_layout && counts_pages {
        return vec![extract_doc(doc, n, None, how)];
    }
    let parts = declass_extract::split::split(&n);
    let starts: Vec<usize> = parts.iter().map(|p| n.map.to_raw(p.start)).collect();
    if parts.len() < 2 || !starts.iter().all(|&s| doc.text.is_char_boundary(s)) {
        return vec![extract_doc(doc, n, None, how)];
    }
    parts
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let end = starts.get(k + 1).copied().unwrap_or(doc.text.len());
            let pages = p.first_page..=p.last_page;
            let part = SourceDoc {
                path: doc.path.clone(),
                // The collection's id names the file's first document.
                external_id: if k == 0 {
                    doc.external_id.clone()
                } else {
                    None
                },
                file_sha256: doc.file_sha256.clone(),
                format: doc.format,
                encoding: doc.encoding,
                pages: p.last_page - p.first_page + 1,
                text: doc.text[starts[k]..end].to_string(),
                ocr_pages: doc
                    .ocr_pages
                    .iter()
                    .filter(|o| pages.contains(&o.page))
                    .map(|o| PageOcr {
                        page: o.page - p.first_page + 1,
                        ..*o
                    })
                    .collect(),
            };
            let n = declass_extract::normalize(&part.text);
            extract_doc(part, n, Some([p.first_page, p.last_page]), how)
        })
        .collect()
}

/// Extract one source document (`normalized` is its text normalized) into a record and
/// the text to store.
fn extract_doc(
    doc: SourceDoc,
    normalized: declass_extract::Normalized,
    page_range: Option<[u32; 2]>,
    how: How,
) -> NewDocument {
    let id = doc.id();
    let words: u32 = doc.ocr_pages.iter().map(|p| p.words).sum();
    let ocr_confidence = (words > 0).then(|| {
        let sum: f64 = doc
            .ocr_pages
            .iter()
            .map(|p| p.confidence as f64 * p.words as f64)
            .sum();
        (sum / words as f64) as f32
    });
    let source = Source {
        path: doc.path.clone(),
        sha256: doc.file_sha256.clone(),
        format: doc.format.as_str().to_string(),
        pages: doc.pages,
        ocr: !doc.ocr_pages.is_empty(),
        encoding: Some(doc.encoding.to_string()),
        ocr_confidence,
        ocr_pages: doc.ocr_pages.clone(),
        page_range,
    };
    let options = declass_extract::Options {
        entities: how.entities,
    };
    let e = declass_extract::extract_normalized_with(id, source, normalized, options);
    let raw =
        (!e.normalized.map.is_identity() || e.normalized.text != doc.text).then_some(doc.text);
    let extra = doc.external_id.into_iter().collect();
    if how.archive {
        NewDocument::new(e.record, e.normalized.text, raw, extra)
    } else {
        NewDocument::unsigned(e.record, e.normalized.text, raw, extra)
    }
}

/// What processing one walked path gave.
pub enum Processed {
    /// Already in the archive with the same content.
    Unchanged,
    File(FileOutcome),
    /// A chunk of a large JSON Lines file, stored like a file; `last` on the file's last chunk.
    Chunk {
        outcome: Option<FileOutcome>,
        last: bool,
    },
}

impl Processed {
    /// Bytes it holds until stored (texts and records): what [`Budget`] counts. Counting
    /// the texts alone let records, several times their text for a document rich in
    /// entities, fill a gigabyte while a million-document ingest's writer fell behind.
    pub fn weight(&self) -> u64 {
        let f = match self {
            Processed::Unchanged => None,
            Processed::File(f) => Some(f),
            Processed::Chunk { outcome, .. } => outcome.as_ref(),
        };
        f.map_or(0, |f| f.docs.iter().map(NewDocument::weight).sum())
    }

    /// What is to be stored, if anything.
    pub fn into_outcome(self) -> Option<FileOutcome> {
        match self {
            Processed::Unchanged => None,
            Processed::File(f) => Some(f),
            Processed::Chunk { outcome, .. } => outcome,
        }
    }
}

/// JSON Lines files larger than this (or `DECLASS_STREAM_JSONL_BYTES`) are read and stored
/// in chunks of [`JSONL_CHUNK`] lines (`FILE#lines A-B`, each with its own hash): memory holds
/// one chunk, a killed run resumes at the first chunk not stored, and a second run skips the
/// chunks already stored. Smaller files stay one unit, as every other file is. 8 MiB, not
/// more: a file read whole is held whole, with its records, by each worker; with the
/// benchmark's 60 MB files of 10,000 documents that was half of ingest's peak memory
/// (100,000 documents: anonymous peak 1,118 MB whole, 504 MB in chunks, same time).
pub const STREAM_JSONL_BYTES: u64 = 8 << 20;
pub const JSONL_CHUNK: usize = 1000;

/// Whether `path` is a JSON Lines file read in chunks.
pub fn streams(path: &Path) -> bool {
    let limit = std::env::var("DECLASS_STREAM_JSONL_BYTES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(STREAM_JSONL_BYTES);
    matches!(
        declass_ingest::Format::detect(path),
        Ok(declass_ingest::Format::Jsonl)
    ) && std::fs::metadata(path).is_ok_and(|m| m.len() > limit)
}

/// A large JSON Lines file, chunk by chunk: each chunk's documents extracted (in parallel)
/// and sent, unless a chunk with the same lines and bytes is stored already.
pub fn stream_jsonl(
    path: &Path,
    is_current: &dyn Fn(&str, &str) -> bool,
    how: How,
    send: &mut dyn FnMut(Processed),
) {
    let shown = path.display().to_string();
    let abs = absolute(path);
    let read = declass_ingest::formats::jsonl_chunks(path, &shown, None, JSONL_CHUNK, |c| {
        let lines = format!("#lines {}-{}", c.lines.0, c.lines.1);
        let key = format!("{abs}{lines}");
        let outcome = (!is_current(&key, &c.sha256)).then(|| {
            outcome(
                key,
                format!("{shown}{lines}"),
                c.sha256,
                c.size,
                c.docs,
                how,
            )
        });
        send(Processed::Chunk {
            outcome,
            last: false,
        });
        Ok(())
    });
    let failure = read.err().map(|e| failed(path, &e, None));
    send(Processed::Chunk {
        outcome: failure,
        last: true,
    });
}

/// A file's (or chunk's) outcome from what was read: documents extracted in parallel, bad
/// parts summed up in one error.
fn outcome(
    path: String,
    shown: String,
    sha256: String,
    size: u64,
    read: Vec<Result<SourceDoc, IngestError>>,
    how: How,
) -> FileOutcome {
    let (ok, errors): (Vec<_>, Vec<_>) = read.into_iter().partition(|d| d.is_ok());
    let mut errors: Vec<IngestError> = errors.into_iter().filter_map(|d| d.err()).collect();
    let extracted: Vec<Result<Vec<NewDocument>, IngestError>> = ok
        .into_par_iter()
        .filter_map(|d| d.ok())
        .map(|doc| guarded(doc, &shown, how, documents))
        .collect();
    let mut docs = Vec::with_capacity(extracted.len());
    for e in extracted {
        match e {
            Ok(d) => docs.extend(d),
            Err(e) => errors.push(e),
        }
    }
    let error = match errors.len() {
        0 => None,
        1 => Some((errors[0].kind().to_string(), errors[0].to_string())),
        n => Some((
            errors[0].kind().to_string(),
            format!("{} (and {} more bad lines)", errors[0], n - 1),
        )),
    };
    FileOutcome {
        path,
        shown,
        sha256: Some(sha256),
        size: Some(size),
        docs,
        error,
    }
}

/// [`documents`], with a panic (a bug of extraction, whatever the input) turned into the
/// document's error: the file's other documents and the batch go on.
fn guarded(
    doc: SourceDoc,
    shown: &str,
    how: How,
    documents: impl FnOnce(SourceDoc, How) -> Vec<NewDocument>,
) -> Result<Vec<NewDocument>, IngestError> {
    let document = doc.external_id.clone().unwrap_or_else(|| doc.path.clone());
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| documents(doc, how))).map_err(|p| {
        let why = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string());
        IngestError::Extract {
            path: shown.into(),
            document,
            why,
        }
    })
}

fn absolute(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| {
            std::env::current_dir()
                .map(|d| d.join(path))
                .unwrap_or_else(|_| path.to_path_buf())
        })
        .to_string_lossy()
        .into_owned()
}

/// A file that could not be read. Its hash is kept when the fault is in its bytes, so an
/// unchanged bad file is not read again on the next run (unless `--retry-failed`).
fn failed(path: &Path, e: &IngestError, hashed: Option<(String, u64)>) -> FileOutcome {
    let hashed = match hashed {
        Some(h) => Some(h),
        None if IngestError::is_lasting_kind(e.kind()) => {
            declass_ingest::formats::hash_file(path).ok()
        }
        None => None,
    };
    FileOutcome {
        path: absolute(path),
        shown: path.display().to_string(),
        sha256: hashed.as_ref().map(|h| h.0.clone()),
        size: hashed.map(|h| h.1),
        error: Some((e.kind().to_string(), e.to_string())),
        ..FileOutcome::default()
    }
}

/// Read and extract one file. `is_current(abs_path, sha)` says whether the archive
/// already holds this exact content for this path.
pub fn process(
    item: Result<PathBuf, IngestError>,
    is_current: &dyn Fn(&str, &str) -> bool,
    opts: &ReadOptions,
    how: How,
) -> Processed {
    let path = match item {
        Ok(p) => p,
        Err(e) => return Processed::File(failed(e.path(), &e, None)),
    };
    let shown = path.display().to_string();
    let abs = absolute(&path);
    let format = match declass_ingest::Format::detect(&path) {
        Ok(f) => f,
        Err(e) => {
            let f = failed(&path, &e, None);
            return match &f.sha256 {
                Some(sha) if is_current(&abs, sha) => Processed::Unchanged,
                _ => Processed::File(f),
            };
        }
    };
    // PDFs, images and containers cost OCR time: skip them by hash before reading.
    let mut hashed = None;
    if format.is_costly() {
        match declass_ingest::formats::hash_file(&path) {
            Ok((sha, _)) if is_current(&abs, &sha) => return Processed::Unchanged,
            Ok(h) => hashed = Some(h),
            Err(e) => return Processed::File(failed(&path, &e, None)),
        }
    }
    let read = match declass_ingest::read_as(&path, &shown, format, hashed.clone(), opts) {
        Ok(r) => r,
        Err(e) => {
            let f = failed(&path, &e, hashed);
            return match &f.sha256 {
                Some(sha) if is_current(&abs, sha) => Processed::Unchanged,
                _ => Processed::File(f),
            };
        }
    };
    if is_current(&abs, &read.sha256) {
        return Processed::Unchanged;
    }
    // The documents of one file (a JSONL batch, a container) are extracted in parallel.
    Processed::File(outcome(abs, shown, read.sha256, read.size, read.docs, how))
}

/// `declass extract`: records for files or standard input, no archive.
/// A file's records as `declass extract` prints them: in JSON Lines already (made on the
/// worker that read the file), or as records for a JSON array.
#[derive(Default)]
struct Rendered {
    error: Option<String>,
    lines: Vec<u8>,
    records: Vec<Record>,
}

impl Rendered {
    fn of(p: Processed, jsonl: bool) -> Result<Rendered> {
        let Some(f) = p.into_outcome() else {
            return Ok(Rendered::default());
        };
        let mut r = Rendered::records(f.docs, jsonl)?;
        r.error = f.error.map(|(_, why)| why);
        Ok(r)
    }

    fn records(docs: Vec<NewDocument>, jsonl: bool) -> Result<Rendered> {
        let mut r = Rendered::default();
        for d in docs {
            if jsonl {
                serde_json::to_writer(&mut r.lines, &d.record)?;
                r.lines.push(b'\n');
            } else {
                r.records.push(d.record);
            }
        }
        Ok(r)
    }
}

pub fn extract_command(
    paths: &[PathBuf],
    format: &str,
    opts: &ReadOptions,
    how: How,
) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut records: Vec<Record> = Vec::new();
    let mut failures = 0;
    let jsonl = format == "jsonl";
    let mut print = |p: Rendered| -> Result<()> {
        if let Some(why) = &p.error {
            eprintln!("declass: {why}");
            failures += 1;
        }
        out.write_all(&p.lines)?;
        records.extend(p.records);
        Ok(())
    };
    for p in paths {
        if p.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("reading standard input")?;
            let (text, encoding) = match declass_ingest::decode::decode(&bytes) {
                declass_ingest::decode::Decoded::Text { text, encoding } => (text, encoding),
                declass_ingest::decode::Decoded::Binary(why) => {
                    anyhow::bail!("standard input: binary ({why})")
                }
            };
            let doc = SourceDoc {
                path: "-".into(),
                external_id: None,
                file_sha256: declass_ingest::sha256_hex(&bytes),
                format: declass_ingest::Format::Text,
                encoding,
                pages: 1,
                text,
                ocr_pages: Vec::new(),
            };
            print(Rendered::records(documents(doc, how), jsonl)?)?;
            continue;
        }
        // Files a few at a time on every core, printed in the order they were found; only
        // a batch is held at once.
        let at_once = rayon::current_num_threads() * 16;
        let mut batch: Vec<Result<PathBuf, IngestError>> = Vec::with_capacity(at_once);
        let mut walk = declass_ingest::walk(std::slice::from_ref(p));
        loop {
            let next = walk.next();
            let end = next.is_none();
            let stream = match next {
                Some(Ok(path)) if streams(&path) => Some(path),
                other => {
                    batch.extend(other);
                    None
                }
            };
            if batch.len() >= at_once || stream.is_some() || end {
                let done: Vec<Rendered> = std::mem::take(&mut batch)
                    .into_par_iter()
                    .map(|item| Rendered::of(process(item, &|_, _| false, opts, how), jsonl))
                    .collect::<Result<_>>()?;
                done.into_iter().try_for_each(&mut print)?;
            }
            // chunk by chunk, each printed before the next is read
            if let Some(path) = stream {
                let mut printed: Result<()> = Ok(());
                stream_jsonl(&path, &|_, _| false, how, &mut |p| {
                    if printed.is_ok() {
                        printed = Rendered::of(p, jsonl).and_then(&mut print);
                    }
                });
                printed?;
            }
            if end {
                break;
            }
        }
    }
    match format {
        "json" => serde_json::to_writer(&mut out, &records)?,
        "pretty" => serde_json::to_writer_pretty(&mut out, &records)?,
        _ => {}
    }
    if format != "jsonl" {
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `declass eval`: extract every file a gold catalogue names and score the records.
pub fn eval_command(
    opts: &ReadOptions,
    gold: &Path,
    json: bool,
    misses: usize,
    field: Option<&str>,
) -> Result<ExitCode> {
    let rows = declass_eval::load_gold(gold)?;
    let mut docs = Vec::with_capacity(rows.len());
    for g in rows {
        let shown = g.file.display().to_string();
        let (record, text) = match read_file(&g.file, &shown, opts) {
            Ok(read) => match read.docs.into_iter().find_map(|d| d.ok()) {
                Some(doc) => {
                    // Scored as ingest reads it: the file's first document.
                    let d = documents(doc, How::printed(true)).swap_remove(0);
                    (d.record, d.text)
                }
                None => (
                    Record::empty(String::new(), Source::default()),
                    String::new(),
                ),
            },
            // Empty files have no record to score: every gold value counts as missed.
            Err(_) => (
                Record::empty(String::new(), Source::default()),
                String::new(),
            ),
        };
        docs.push((g, record, text));
    }
    let mut report = declass_eval::score(&docs);
    report.misses.retain(|m| field.is_none_or(|f| m.field == f));
    report.misses.truncate(misses);
    if json {
        let fields: Vec<serde_json::Value> = report
            .fields
            .iter()
            .map(|f| {
                let mut v = serde_json::to_value(f).unwrap_or_default();
                v["precision"] = f.precision().into();
                v["recall"] = f.recall().into();
                v["f1"] = f.f1().into();
                if let Some(l) = f.legible_recall() {
                    v["legible_recall"] = l.into();
                }
                v
            })
            .collect();
        let out = serde_json::json!({"documents": report.documents, "fields": fields, "misses": report.misses});
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} documents scored against {}",
        report.documents,
        gold.display()
    );
    println!(
        "{:<30}{:>6}{:>7}{:>7}{:>7}{:>7}   legible: recall (n)",
        "field", "gold", "found", "P", "R", "F1"
    );
    for f in &report.fields {
        let legible = match (f.legible_recall(), f.legible) {
            (Some(r), Some(n)) => format!("{r:.2} ({n})"),
            _ => String::new(),
        };
        println!(
            "{:<30}{:>6}{:>7}{:>7.2}{:>7.2}{:>7.2}   {}",
            f.field,
            f.gold,
            f.found,
            f.precision(),
            f.recall(),
            f.f1(),
            legible
        );
    }
    for m in &report.misses {
        println!(
            "miss {:<12} {:<28} gold {:?} got {:?}{}",
            m.field,
            m.file,
            m.gold,
            m.got,
            if m.legible { "" } else { " (illegible)" }
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Extract every stored document of an archive again (`declass reextract`, and the demo when
/// its archive is older than this declass); `progress` gets the count done so far.
pub fn reextract(a: &declass_archive::Archive, progress: impl FnMut(usize)) -> Result<usize> {
    let mut w = a.writer()?;
    let n = w.reextract(
        |batch| {
            batch
                .into_par_iter()
                .map(|(r, input)| {
                    let e = declass_extract::extract(r.id.clone(), r.source.clone(), &input);
                    (e.record, e.normalized.text)
                })
                .collect()
        },
        progress,
    )?;
    w.finish()?;
    Ok(n)
}

/// A bound on the documents extracted but not yet stored. Readers outrunning the writer (which
/// slows as the index grows) wait here instead of queueing files: before, the queue was
/// bounded by files (256), so a folder of 10,000-document files could hold millions of
/// extracted documents in memory (peak RSS grew with the archive's size).
pub struct Budget {
    used: Mutex<u64>,
    freed: Condvar,
    cap: u64,
}

/// Text held by one item in flight; given back to the [`Budget`] when dropped (stored, or
/// dropped unsent when the writer stops: waiting readers then go on and find it gone).
pub struct Permit<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Budget {
    pub fn new(cap: u64) -> Budget {
        Budget {
            used: Mutex::new(0),
            freed: Condvar::new(),
            cap: cap.max(1),
        }
    }

    /// Wait until `bytes` fit (an item larger than the whole budget goes when nothing else
    /// is in flight), then hold them.
    pub fn acquire(&self, bytes: u64) -> Permit<'_> {
        let bytes = bytes.min(self.cap);
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        while *used > 0 && *used + bytes > self.cap {
            used = self.freed.wait(used).unwrap_or_else(|e| e.into_inner());
        }
        *used += bytes;
        Permit {
            budget: self,
            bytes,
        }
    }

    /// Bytes held now.
    #[cfg(test)]
    fn used(&self) -> u64 {
        *self.used.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut used = self.budget.used.lock().unwrap_or_else(|e| e.into_inner());
        *used -= self.bytes;
        self.budget.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORED: How = How::STORED;

    #[test]
    fn a_file_deleted_after_the_walk_is_recorded_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone.txt");
        std::fs::write(&gone, "SECRET\n").unwrap();
        std::fs::remove_file(&gone).unwrap();
        match process(
            Ok(gone.clone()),
            &|_, _| false,
            &ReadOptions::default(),
            STORED,
        ) {
            Processed::File(f) => {
                let (kind, why) = f.error.expect("an error");
                assert_eq!(kind, "io");
                assert!(why.contains("gone.txt"), "{why}");
                assert!(f.docs.is_empty());
            }
            _ => panic!("a file outcome"),
        }
    }

    #[test]
    fn a_panic_in_extraction_is_the_document_s_error() {
        let doc = |id: &str| SourceDoc {
            path: format!("batch.jsonl#{id}"),
            external_id: Some(id.into()),
            file_sha256: "0".repeat(64),
            format: declass_ingest::Format::Jsonl,
            encoding: "utf-8",
            pages: 1,
            text: "MEMORANDUM FOR: Chief, WH\nSUBJECT: Plans\n".into(),
            ocr_pages: Vec::new(),
        };
        let how = How::printed(false);
        let e = guarded(doc("doc-7"), "batch.jsonl", how, |_, _| {
            panic!("byte index 9 is out of bounds")
        })
        .err()
        .unwrap();
        assert_eq!(e.kind(), "extract");
        assert!(IngestError::is_lasting_kind(e.kind()));
        let msg = e.to_string();
        assert!(
            msg.starts_with("batch.jsonl: document doc-7: extraction stopped"),
            "{msg}"
        );
        assert!(msg.contains("byte index 9 is out of bounds"), "{msg}");
        // without a panic, the documents as they are
        assert_eq!(
            guarded(doc("doc-8"), "batch.jsonl", how, documents)
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn printed_documents_carry_no_archive_work() {
        let doc = || {
            SourceDoc {
            path: "memo.txt".into(),
            external_id: None,
            file_sha256: "0".repeat(64),
            format: declass_ingest::Format::Text,
            encoding: "utf-8",
            pages: 1,
            text: "MEMORANDUM FOR: Chief, WH\nSUBJECT: Cuban exile groups in Miami and their plans for the coming year\n\n1. The groups met twice in March and agreed on a common program of action, which the station has reported in full to headquarters with the names of every member present.\n".into(),
            ocr_pages: Vec::new(),
        }
        };
        let stored = documents(
            doc(),
            How {
                archive: true,
                ..How::printed(false)
            },
        )
        .swap_remove(0);
        let printed = documents(doc(), How::printed(false)).swap_remove(0);
        assert!(stored.signature.is_some() && !stored.record_json.is_empty());
        assert!(printed.signature.is_none() && printed.record_json.is_empty());
        // the same record either way
        assert_eq!(
            serde_json::to_string(&printed.record).unwrap(),
            stored.record_json
        );
    }

    #[test]
    fn blank_lines_open_pages_of_a_text_export_not_of_a_pdf() {
        // two memos a text export set three blank lines apart: two documents; the same text
        // from a one-page PDF is one page, so one document
        let memo = |to: &str, subject: &str| {
            format!("MEMORANDUM FOR: Chief, {to}\nFROM: Chief of Station, JMWAVE\nSUBJECT: {subject}\n\n1. The groups met twice in March and agreed on a common program of action for the year.\n\n2. The station has reported the meetings in full to headquarters with the names of every member present.\n")
        };
        let text = format!(
            "{}\n\n\n{}",
            memo("WH", "Cuban exile groups in Miami"),
            memo("SR", "Soviet trawlers off Florida")
        );
        let doc = |format| SourceDoc {
            path: "memos".into(),
            external_id: None,
            file_sha256: "0".repeat(64),
            format,
            encoding: "utf-8",
            pages: 1,
            text: text.clone(),
            ocr_pages: Vec::new(),
        };
        assert_eq!(
            documents(doc(declass_ingest::Format::Text), How::printed(true)).len(),
            2
        );
        assert_eq!(
            documents(doc(declass_ingest::Format::Pdf), How::printed(true)).len(),
            1
        );
    }

    #[test]
    fn unchanged_files_skip_extraction() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("memo.txt");
        std::fs::write(&p, "SECRET\nSUBJECT: x\n").unwrap();
        let sha = declass_ingest::sha256_hex(b"SECRET\nSUBJECT: x\n");
        assert!(matches!(
            process(
                Ok(p.clone()),
                &|_, s| s == sha,
                &ReadOptions::default(),
                STORED
            ),
            Processed::Unchanged
        ));
        assert!(
            matches!(process(Ok(p), &|_, _| false, &ReadOptions::default(), STORED), Processed::File(f) if f.docs.len() == 1)
        );
    }

    #[test]
    fn the_budget_holds_readers_until_the_writer_frees_text() {
        let budget = Budget::new(100);
        let first = budget.acquire(70);
        assert_eq!(budget.used(), 70);
        std::thread::scope(|s| {
            let waiter = s.spawn(|| {
                let _held = budget.acquire(50);
                budget.used()
            });
            std::thread::sleep(std::time::Duration::from_millis(100));
            assert!(!waiter.is_finished(), "70 + 50 does not fit in 100");
            drop(first);
            assert_eq!(waiter.join().unwrap(), 50);
        });
        assert_eq!(budget.used(), 0, "every permit given back");
        let big = budget.acquire(1_000);
        assert_eq!(budget.used(), 100, "an item over the budget goes alone");
        drop(big);
    }
}
