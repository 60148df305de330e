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
            out.push(serde_json::to_string(&n.record).map_err(|e| format!("line {line_no}: {e}"))?);
        }
    }
    Ok(out)
}

pub fn run(opts: &ReadOptions, split: bool) -> Result<ExitCode> {
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
            .map(|(n, l)| records(*n, l.trim_end(), opts, split))
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
