//! `declass extract --jsonl-in`: a streaming filter for batch systems (Spark's `RDD.pipe`,
//! `xargs`, shell pipelines). Standard input is JSON Lines, one document per line:
//! `{"id": ..., "text": "..."}` or `{"id": ..., "path": "file.pdf"}`; standard output is one
//! record per document, in input order. Lines are read and extracted in chunks, so memory
//! holds one chunk whatever the input's size; a bad line is reported on standard error with
//! its number and the stream goes on.

use crate::pipeline::documents;
use anyhow::{Context, Result};
use declass_ingest::{ReadOptions, SourceDoc};
use rayon::prelude::*;
use serde::Deserialize;
use std::io::{BufRead, BufWriter, Write};
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
    split: bool,
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
        for n in documents(d, split) {
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

pub fn run(opts: &ReadOptions, split: bool, with_text: bool) -> Result<ExitCode> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut line_no = 0usize;
    loop {
        let mut chunk: Vec<(usize, String)> = Vec::with_capacity(CHUNK);
        while chunk.len() < CHUNK {
            let mut line = String::new();
            let n = input
                .read_line(&mut line)
                .context("reading standard input")?;
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
            .map(|(n, l)| records(*n, l.trim_end(), opts, split, with_text))
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
                    eprintln!("declass: {why}");
                }
            }
        }
        out.flush()?;
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One line of a records file, as `extract --jsonl-in --with-text` writes it.
#[derive(Deserialize)]
struct StoredLine {
    record: declass_model::Record,
    text: String,
    #[serde(default)]
    raw: Option<String>,
}

/// `declass ingest --records FILE`: build or extend an archive from records extracted
/// elsewhere (a Spark job, another machine), without extracting again. The file is read in
/// chunks of 1,000 lines; each chunk is stored like a file (`FILE#lines A-B`, with the
/// chunk's hash), so a second run skips the chunks already stored and a killed run resumes.
fn ingest_file(
    path: &std::path::Path,
    archive: &declass_archive::Archive,
    writer: &mut declass_archive::Writer<'_>,
) -> Result<(u64, u64, usize)> {
    use declass_archive::{FileOutcome, NewDocument};
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let w = writer;
    let abs = std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string();
    let mut input = std::io::BufReader::new(file);
    let (mut added, mut unchanged, mut bad) = (0u64, 0u64, 0usize);
    let mut line_no = 0usize;
    loop {
        let first = line_no + 1;
        let mut lines: Vec<(usize, String)> = Vec::new();
        while lines.len() < 1000 {
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
                lines.push((line_no, line));
            }
        }
        if lines.is_empty() {
            break;
        }
        let key = format!("{abs}#lines {first}-{line_no}");
        let mut hash = <sha2::Sha256 as sha2::Digest>::new();
        for (_, l) in &lines {
            sha2::Digest::update(&mut hash, l.as_bytes());
        }
        let sha: String = sha2::Digest::finalize(hash)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if archive.file_state(&key)?.and_then(|s| s.sha256).as_deref() == Some(sha.as_str()) {
            unchanged += lines.len() as u64;
            w.unchanged();
            continue;
        }
        let parsed: Vec<Result<NewDocument, String>> = lines
            .par_iter()
            .map(|(n, l)| {
                let s: StoredLine = serde_json::from_str(l.trim_end()).map_err(|e| {
                    format!("{}:{n}: not a {{record, text}} line: {e}", path.display())
                })?;
                let extra = s
                    .record
                    .source
                    .path
                    .split_once('#')
                    .map(|(_, id)| id.to_string());
                Ok(NewDocument::new(
                    s.record,
                    s.text,
                    s.raw,
                    extra.into_iter().collect(),
                ))
            })
            .collect();
        let mut docs = Vec::new();
        let mut error = None;
        for p in parsed {
            match p {
                Ok(d) => docs.push(d),
                Err(why) => {
                    bad += 1;
                    eprintln!("declass: {why}");
                    error.get_or_insert(("bad_line".to_string(), why));
                }
            }
        }
        let outcome = FileOutcome {
            path: key.clone(),
            shown: key,
            sha256: Some(sha),
            size: Some(lines.iter().map(|(_, l)| l.len() as u64).sum()),
            docs,
            error,
        };
        let stored = w.put_file(outcome)?;
        added += stored
            .iter()
            .filter(|o| matches!(o, declass_archive::AddOutcome::Added))
            .count() as u64;
    }
    Ok((added, unchanged, bad))
}

/// `declass ingest --records PATH`: a records file, or a folder of them (Spark's `part-*`
/// output; hidden files and `_SUCCESS` are skipped), in name order, into one run.
pub fn ingest_records(
    path: &std::path::Path,
    archive: &declass_archive::Archive,
) -> Result<(u64, u64, usize)> {
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
    let mut total = (0, 0, 0);
    for f in &files {
        let (a, u, b) = ingest_file(f, archive, &mut w)?;
        total = (total.0 + a, total.1 + u, total.2 + b);
    }
    w.finish()?;
    Ok(total)
}
