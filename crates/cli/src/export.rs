//! `declass export`: the documents matching a query, as CSV, JSON Lines or Parquet, read from
//! the archive in batches and written as they come, so memory holds one batch (one Parquet
//! row group) whatever the archive's size.

use anyhow::{bail, Context, Result};
use declass_archive::{Archive, SearchRequest};
use declass_model::{table, Record};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;

/// Records read from the archive at a time.
const BATCH: usize = 1000;

/// A JSON line of a records file, as `declass ingest --records` reads it.
#[derive(serde::Serialize)]
struct StoredLine<'a> {
    record: &'a Record,
    text: &'a str,
    raw: Option<&'a str>,
}

enum Out {
    Csv(csv::Writer<Box<dyn Write + Send>>),
    Jsonl(Box<dyn Write + Send>),
    Parquet(crate::parquet::Writer<Box<dyn Write + Send>>),
}

/// Exports; returns the number of documents written.
pub fn run(
    a: &Archive,
    req: &SearchRequest,
    format: &str,
    with_text: bool,
    output: Option<&Path>,
) -> Result<u64> {
    let sink: Box<dyn Write + Send> = match output {
        Some(p) => Box::new(BufWriter::with_capacity(
            1 << 20,
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => {
            if format == "parquet" && std::io::stdout().is_terminal() {
                bail!("Parquet is binary: give a file with -o FILE (or redirect standard output)");
            }
            Box::new(BufWriter::with_capacity(1 << 20, std::io::stdout()))
        }
    };
    let mut out = match format {
        "csv" => {
            let mut w = csv::Writer::from_writer(sink);
            let mut header: Vec<&str> = table::COLUMNS.to_vec();
            if with_text {
                header.push("text");
            }
            w.write_record(&header)?;
            Out::Csv(w)
        }
        "jsonl" => Out::Jsonl(sink),
        "parquet" => Out::Parquet(crate::parquet::Writer::new(sink, with_text)?),
        other => bail!("--format {other:?}: use csv, jsonl or parquet"),
    };
    let total = a
        .search(&SearchRequest {
            limit: 0,
            facets: false,
            ..req.clone()
        })?
        .total;
    let pb = if output.is_some() {
        ProgressBar::new(total as u64)
    } else {
        ProgressBar::hidden()
    };
    pb.set_style(
        ProgressStyle::with_template("exporting {bar:30} {pos}/{len} documents, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut failure: Option<anyhow::Error> = None;
    let written = a.for_each_match(req, BATCH, |records| {
        let result = write_batch(a, &mut out, &records, with_text);
        pb.inc(records.len() as u64);
        match result {
            Ok(()) => Ok(true),
            Err(e) => {
                failure = Some(e);
                Ok(false)
            }
        }
    })?;
    pb.finish_and_clear();
    if let Some(e) = failure {
        return Err(e);
    }
    match out {
        Out::Csv(mut w) => w.flush()?,
        Out::Jsonl(mut w) => w.flush()?,
        Out::Parquet(w) => w.finish()?,
    }
    Ok(written)
}

fn write_batch(a: &Archive, out: &mut Out, records: &[Record], with_text: bool) -> Result<()> {
    let mut texts = if with_text {
        let ids: Vec<String> = records.iter().map(|r| r.id.clone()).collect();
        a.texts(&ids)?
    } else {
        Default::default()
    };
    for r in records {
        let text = if with_text {
            Some(
                texts
                    .remove(&r.id)
                    .with_context(|| format!("document {}: its text is missing", r.id))?,
            )
        } else {
            None
        };
        match out {
            Out::Csv(w) => {
                let row = table::row(r);
                match &text {
                    Some((t, _)) => {
                        w.write_record(row.iter().map(String::as_str).chain([t.as_str()]))?
                    }
                    None => w.write_record(&row)?,
                }
            }
            Out::Jsonl(w) => {
                match &text {
                    Some((t, raw)) => serde_json::to_writer(
                        &mut *w,
                        &StoredLine {
                            record: r,
                            text: t,
                            raw: raw.as_deref(),
                        },
                    )?,
                    None => serde_json::to_writer(&mut *w, r)?,
                }
                w.write_all(b"\n")?;
            }
            Out::Parquet(w) => w.push(r, text)?,
        }
    }
    Ok(())
}
