//! `declass extract --jsonl-in`: a streaming filter for batch systems (Spark's `RDD.pipe`,
//! `xargs`, shell pipelines). Standard input (or the files given) is JSON Lines, one
//! document per line: `{"id": ..., "text": "..."}` or `{"id": ..., "path": "file.pdf"}`;
//! standard output is one record per document, in input order. Lines are read and extracted
//! in chunks, so memory holds one chunk whatever the input's size; a bad line is reported on
//! standard error with its file and number and the stream goes on.

use crate::pipeline::{documents, How};
use anyhow::{Context, Result};
use declass_ingest::{ReadOptions, SourceDoc};
use rayon::prelude::*;
use serde::Deserialize;
use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Lines extracted together (in parallel); the memory bound is this many documents.
const CHUNK: usize = 256;

#[derive(Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    text: Option<String>,
    path: Option<String>,
}

/// One input line's records, or why it has none.
fn records(
    line_no: usize,
    line: &str,
    opts: &ReadOptions,
    how: How,
    with_text: bool,
) -> Result<Vec<String>, String> {
    let parsed: Line = serde_json::from_str(line)
        .map_err(|e| format!("line {line_no}: not a JSON object: {e}"))?;
    let id = match parsed.id {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    let docs: Vec<SourceDoc> = match (parsed.text, parsed.path) {
        (Some(text), _) if !text.trim().is_empty() => vec![SourceDoc {
            path: format!(
                "-#{}",
                id.clone().unwrap_or_else(|| format!("line{line_no}"))
            ),
            external_id: id,
            file_sha256: declass_ingest::sha256_hex(text.as_bytes()),
            format: declass_ingest::Format::Text,
            encoding: "utf-8",
            pages: 1,
            text,
            ocr_pages: Vec::new(),
        }],
        (_, Some(path)) => {
            let p = std::path::Path::new(&path);
            let read = declass_ingest::read_file(p, &path, opts)
                .map_err(|e| format!("line {line_no}: {e}"))?;
            let mut docs = Vec::new();
            for d in read.docs {
                let mut d = d.map_err(|e| format!("line {line_no}: {e}"))?;
                if d.external_id.is_none() {
                    d.external_id = id.clone();
                }
                docs.push(d);
            }
            docs
        }
        _ => {
            return Err(format!(
                "line {line_no}: neither \"text\" (non-empty) nor \"path\""
            ))
        }
    };
    let mut out = Vec::new();
    for d in docs {
        for n in documents(d, how) {
            let json = if with_text {
                // what `declass ingest --records` stores: the record and the text its spans point into
                serde_json::to_string(
                    &serde_json::json!({"record": n.record, "text": n.text, "raw": n.raw}),
                )
            } else {
                serde_json::to_string(&n.record)
            };
            out.push(json.map_err(|e| format!("line {line_no}: {e}"))?);
        }
    }
    Ok(out)
}

/// Streams each of `paths` (JSON Lines files, `-` for standard input) in order. A file that
/// cannot be opened is reported with its name and the others go on.
pub fn run(paths: &[PathBuf], opts: &ReadOptions, how: How, with_text: bool) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    for path in paths {
        if path.as_os_str() == "-" {
            let stdin = std::io::stdin();
            failed += stream(stdin.lock(), None, opts, how, with_text, &mut out)?;
            continue;
        }
        let shown = path.display().to_string();
        match std::fs::File::open(path) {
            Ok(f) => {
                let input = std::io::BufReader::new(f);
                failed += stream(input, Some(&shown), opts, how, with_text, &mut out)?;
            }
            Err(e) => {
                failed += 1;
                eprintln!("declass: {shown}: cannot open: {e}");
            }
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One input's lines, extracted a chunk at a time; returns how many lines failed. Errors
/// name the file (`shown`) when the input is not standard input.
fn stream(
    mut input: impl BufRead,
    shown: Option<&str>,
    opts: &ReadOptions,
    how: How,
    with_text: bool,
    out: &mut impl Write,
) -> Result<usize> {
    let mut failed = 0usize;
    let mut line_no = 0usize;
    loop {
        let mut chunk: Vec<(usize, String)> = Vec::with_capacity(CHUNK);
        while chunk.len() < CHUNK {
            let mut line = String::new();
            let n = input
                .read_line(&mut line)
                .with_context(|| format!("reading {}", shown.unwrap_or("standard input")))?;
            if n == 0 {
                break;
            }
            line_no += 1;
            if !line.trim().is_empty() {
                chunk.push((line_no, line));
            }
        }
        if chunk.is_empty() {
            break;
        }
        let results: Vec<Result<Vec<String>, String>> = chunk
            .par_iter()
            .map(|(n, l)| records(*n, l.trim_end(), opts, how, with_text))
            .collect();
        for r in results {
            match r {
                Ok(lines) => {
                    for l in lines {
                        out.write_all(l.as_bytes())?;
                        out.write_all(b"\n")?;
                    }
                }
                Err(why) => {
                    failed += 1;
                    match shown {
                        Some(file) => eprintln!("declass: {file}: {why}"),
                        None => eprintln!("declass: {why}"),
                    }
                }
            }
        }
        out.flush()?;
    }
    Ok(failed)
}

/// One line of a records file, as `extract --jsonl-in --with-text` writes it.
#[derive(Deserialize)]
struct StoredLine {
    record: declass_model::Record,
    text: String,
    #[serde(default)]
    raw: Option<String>,
}

/// A stored document as it comes in: a JSON line, or a Parquet row.
enum Item {
    Line(String),
    Row(crate::parquet::StoredRow),
}

impl Item {
    fn hash_into(&self, hash: &mut sha2::Sha256) {
        use sha2::Digest;
        match self {
            Item::Line(l) => hash.update(l.as_bytes()),
            Item::Row(r) => {
                for part in [Some(&r.record), r.text.as_ref(), r.raw.as_ref()] {
                    hash.update(part.map_or(&b""[..], |s| s.as_bytes()));
                    hash.update([0]);
                }
            }
        }
    }

    fn len(&self) -> usize {
        match self {
            Item::Line(l) => l.len(),
            Item::Row(r) => {
                r.record.len()
                    + r.text.as_ref().map_or(0, String::len)
                    + r.raw.as_ref().map_or(0, String::len)
            }
        }
    }

    /// The document, or why not (`at` names the line or row).
    fn parse(self, at: &str) -> Result<declass_archive::NewDocument, String> {
        let s = match self {
            Item::Line(l) => serde_json::from_str::<StoredLine>(l.trim_end())
                .map_err(|e| format!("{at}: not a {{record, text}} line: {e}"))?,
            Item::Row(r) => StoredLine {
                record: serde_json::from_str(&r.record)
                    .map_err(|e| format!("{at}: `record` is not a declass record: {e}"))?,
                text: r.text.ok_or_else(|| {
                    format!("{at}: no text (export with --with-text to make a records file)")
                })?,
                raw: r.raw,
            },
        };
        let extra = s
            .record
            .source
            .path
            .split_once('#')
            .map(|(_, id)| id.to_string());
        Ok(declass_archive::NewDocument::new(
            s.record,
            s.text,
            s.raw,
            extra.into_iter().collect(),
        ))
    }
}

/// Counts of a records run: documents added, records already stored, items that failed.
#[derive(Default, Clone, Copy)]
pub struct Stored {
    pub added: u64,
    pub unchanged: u64,
    pub bad: usize,
}

/// Stores one chunk like a file (key `FILE#lines A-B` or `FILE#rows A-B`, with the
/// chunk's hash), so a second run skips the chunks already stored and a killed run resumes.
fn store_chunk(
    path: &std::path::Path,
    key: String,
    unit: &str,
    items: Vec<(usize, Item)>,
    archive: &declass_archive::Archive,
    w: &mut declass_archive::Writer<'_>,
    total: &mut Stored,
) -> Result<()> {
    use declass_archive::{FileOutcome, NewDocument};
    let mut hash = <sha2::Sha256 as sha2::Digest>::new();
    for (_, item) in &items {
        item.hash_into(&mut hash);
    }
    let sha: String = sha2::Digest::finalize(hash)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    if archive.file_state(&key)?.and_then(|s| s.sha256).as_deref() == Some(sha.as_str()) {
        total.unchanged += items.len() as u64;
        w.unchanged();
        return Ok(());
    }
    let size = items.iter().map(|(_, i)| i.len() as u64).sum();
    let parsed: Vec<Result<NewDocument, String>> = items
        .into_par_iter()
        .map(|(n, item)| item.parse(&format!("{}:{unit} {n}", path.display())))
        .collect();
    let mut docs = Vec::new();
    let mut error = None;
    for p in parsed {
        match p {
            Ok(d) => docs.push(d),
            Err(why) => {
                total.bad += 1;
                eprintln!("declass: {why}");
                error.get_or_insert(("bad_line".to_string(), why));
            }
        }
    }
    let outcome = FileOutcome {
        path: key.clone(),
        shown: key,
        sha256: Some(sha),
        size: Some(size),
        docs,
        error,
    };
    let stored = w.put_file(outcome)?;
    total.added += stored
        .iter()
        .filter(|o| matches!(o, declass_archive::AddOutcome::Added))
        .count() as u64;
    Ok(())
}

/// Items stored together: the commit and resume unit.
const RECORDS_CHUNK: usize = 1000;

/// One records file, JSON Lines or Parquet, read in chunks.
fn ingest_file(
    path: &std::path::Path,
    archive: &declass_archive::Archive,
    w: &mut declass_archive::Writer<'_>,
    total: &mut Stored,
) -> Result<()> {
    let abs = std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string();
    if crate::parquet::is_parquet(path) {
        return crate::parquet::read(path, |first, rows| {
            let mut rows = rows.into_iter().enumerate().peekable();
            while rows.peek().is_some() {
                let chunk: Vec<(usize, Item)> = rows
                    .by_ref()
                    .take(RECORDS_CHUNK)
                    .map(|(i, r)| (first + i + 1, Item::Row(r)))
                    .collect();
                let (a, b) = (chunk[0].0, chunk[chunk.len() - 1].0);
                let key = format!("{abs}#rows {a}-{b}");
                store_chunk(path, key, "row", chunk, archive, w, total)?;
            }
            Ok(())
        });
    }
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut input = std::io::BufReader::new(file);
    let mut line_no = 0usize;
    loop {
        let first = line_no + 1;
        let mut lines: Vec<(usize, Item)> = Vec::new();
        while lines.len() < RECORDS_CHUNK {
            let mut line = String::new();
            if input
                .read_line(&mut line)
                .with_context(|| format!("reading {}", path.display()))?
                == 0
            {
                break;
            }
            line_no += 1;
            if !line.trim().is_empty() {
                lines.push((line_no, Item::Line(line)));
            }
        }
        if lines.is_empty() {
            break;
        }
        let key = format!("{abs}#lines {first}-{line_no}");
        store_chunk(path, key, "line", lines, archive, w, total)?;
    }
    Ok(())
}

/// `declass ingest --records PATH`: a records file, or a folder of them (Spark's `part-*`
/// output; hidden files and `_SUCCESS` are skipped), in name order, into one run.
pub fn ingest_records(
    path: &std::path::Path,
    archive: &declass_archive::Archive,
) -> Result<Stored> {
    let files: Vec<std::path::PathBuf> = if path.is_dir() {
        let mut v: Vec<_> = std::fs::read_dir(path)
            .with_context(|| format!("reading {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| !n.starts_with('.') && !n.starts_with('_'))
            })
            .collect();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    };
    let mut w = archive.writer()?;
    let mut total = Stored::default();
    for f in &files {
        // a file that cannot be read is reported and the others are stored
        if let Err(e) = ingest_file(f, archive, &mut w, &mut total) {
            eprintln!("declass: {e:#}");
            total.bad += 1;
        }
    }
    w.finish()?;
    Ok(total)
}
