//! `declass ingest`: files are read and extracted in parallel; one writer thread stores
//! them. Between the two, at most 256 MB of extracted text waits (`pipeline::Budget`):
//! memory stays flat whatever the input size and however far the writer falls behind.
//! PDF pages are OCR'd in parallel on the same worker pool (see `declass_ingest::pdf`).
//!
//! With `--json`, stdout is JSON Lines for scripts: a `start` event, a `file` event per
//! file, a `progress` event at most once a second, and a closing `summary`.

use crate::pipeline::{process, Budget, Processed};
use anyhow::{Context, Result};
use declass_archive::Archive;
use declass_ingest::{IngestError, ReadOptions};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::sync::mpsc::sync_channel;
use std::time::Instant;

/// Files in flight between the readers and the writer.
const CHANNEL: usize = 256;
/// Extracted documents (texts and records) waiting for the writer, at most (see [`Budget`]);
/// `DECLASS_IN_FLIGHT_MB` changes it.
const IN_FLIGHT_BYTES: u64 = 256 << 20;
/// Errors listed in the JSON summary (all are in `declass errors`).
const MAX_LISTED_ERRORS: usize = 100;

#[derive(Serialize)]
struct Summary {
    event: &'static str,
    archive: String,
    files_ok: u64,
    files_failed: u64,
    files_waiting: u64,
    pages: u64,
    ocr_pages: u64,
    files_unchanged: u64,
    documents_added: u64,
    documents_duplicate: u64,
    seconds: f64,
    documents_per_second: f64,
    errors: Vec<ErrorLine>,
}

#[derive(Serialize)]
struct ErrorLine {
    path: String,
    kind: String,
    error: String,
}

pub struct Options {
    pub json: bool,
    pub jobs: Option<usize>,
    pub commit_every: usize,
    /// Also take up what earlier runs left (waiting files, interrupted runs' inputs).
    pub resume: bool,
    pub read: ReadOptions,
    /// Cut files holding several documents (`declass_extract::split`).
    pub split: bool,
    /// Read again unchanged files that failed for a reason in their bytes.
    pub retry_failed: bool,
}

/// A warning above the progress bar, or plain on stderr when there is no bar (not a
/// terminal): indicatif drops `println` on a hidden bar.
fn warn(pb: &ProgressBar, msg: String) {
    if pb.is_hidden() {
        eprintln!("{msg}");
    } else {
        pb.println(msg);
    }
}

fn event(value: serde_json::Value) {
    println!("{value}");
}

pub fn run(archive_dir: &Path, paths: &[PathBuf], opts: &Options) -> Result<ExitCode> {
    let (json, jobs) = (opts.json, opts.jobs);
    let started = Instant::now();
    let archive = Archive::open_or_create(archive_dir)
        .with_context(|| format!("opening archive {}", archive_dir.display()))?;
    let mut paths = paths.to_vec();
    if opts.resume {
        let left = archive.resume_paths()?;
        if !json {
            eprintln!("resuming: {} input(s) left by earlier runs", left.len());
        }
        paths.extend(left.into_iter().map(PathBuf::from));
    }
    let paths = &paths[..];
    let mut writer = archive.writer()?;
    let inputs: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let run_id = writer.start_run(&serde_json::to_string(&inputs)?)?;
    if json {
        event(serde_json::json!({
            "event": "start",
            "archive": archive_dir.display().to_string(),
            "inputs": inputs,
            "ocr": opts.read.tesseract.as_ref().map(|t| t.version.clone()),
        }));
    }
    let progress = opts.read.progress.clone();
    let mut told_no_ocr = false;
    let mut last_event = Instant::now();
    writer.set_batch_docs(opts.commit_every);

    let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    pb.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} files · {msg} · ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    if json {
        pb.set_draw_target(ProgressDrawTarget::hidden());
    }
    // Count files in the background so the bar gets a length (and an ETA) without delay.
    {
        let pb = pb.clone();
        let paths = paths.to_vec();
        std::thread::spawn(move || {
            let n = declass_ingest::walk(&paths).count() as u64;
            pb.set_length(n);
        });
    }

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .context("starting worker threads")?;
    let budget = Budget::new(
        std::env::var("DECLASS_IN_FLIGHT_MB")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
            .map_or(IN_FLIGHT_BYTES, |mb| mb << 20),
    );
    let budget = &budget;
    let how = crate::pipeline::How {
        split: opts.split,
        ..crate::pipeline::How::STORED
    };
    let (tx, rx) = sync_channel(CHANNEL);
    let mut errors: Vec<ErrorLine> = Vec::new();
    let write_result: Result<()> = std::thread::scope(|s| {
        let archive = &archive;
        s.spawn(move || {
            pool.install(|| {
                declass_ingest::walk(paths)
                    .par_bridge()
                    .for_each_with(tx, |tx, item| {
                        // Done with these bytes: read, or failed for a reason in the bytes
                        // themselves (unless --retry-failed).
                        let is_current = |path: &str, sha: &str| match archive.file_state(path) {
                            Ok(Some(f)) if f.sha256.as_deref() == Some(sha) => {
                                f.status == "ok"
                                    || (!opts.retry_failed
                                        && matches!(f.status.as_str(), "failed" | "partial")
                                        && f.kind
                                            .as_deref()
                                            .is_some_and(IngestError::is_lasting_kind))
                            }
                            _ => false,
                        };
                        // A closed channel means the writer stopped on an error; stop quietly.
                        if let Ok(path) = &item {
                            if crate::pipeline::streams(path) {
                                crate::pipeline::stream_jsonl(path, &is_current, how, &mut |p| {
                                    let held = budget.acquire(p.weight());
                                    let _ = tx.send((p, held));
                                });
                                return;
                            }
                        }
                        let p = process(item, &is_current, &opts.read, how);
                        let held = budget.acquire(p.weight());
                        let _ = tx.send((p, held));
                    });
            });
        });
        // `_held` gives the item's text back to the budget once it is stored.
        for (p, _held) in rx {
            let f = match p {
                Processed::Unchanged => {
                    pb.inc(1);
                    writer.unchanged();
                    None
                }
                Processed::File(f) => {
                    pb.inc(1);
                    Some(f)
                }
                // a large JSON Lines file counts as one file, done at its last chunk
                Processed::Chunk { outcome, last } => {
                    if last {
                        pb.inc(1);
                    }
                    if outcome.is_none() && !last {
                        writer.unchanged();
                    }
                    outcome
                }
            };
            match f {
                None => {}
                Some(f) => {
                    if let Some((kind, why)) = &f.error {
                        if json {
                            // reported in the file event below
                        } else if kind == "waiting_ocr" {
                            // One message for all the files that wait, not one per file.
                            if !told_no_ocr {
                                warn(&pb, format!(
                                    "warning: Tesseract is not installed, so files that need OCR wait ({}); install it with `{}`, then run `declass ingest --resume`",
                                    f.shown,
                                    declass_ingest::ocr::INSTALL_TESSERACT
                                ));
                                told_no_ocr = true;
                            }
                        } else {
                            warn(&pb, format!("warning: {why}"));
                        }
                        if errors.len() < MAX_LISTED_ERRORS {
                            errors.push(ErrorLine {
                                path: f.shown.clone(),
                                kind: kind.clone(),
                                error: why.clone(),
                            });
                        }
                    }
                    if json {
                        event(serde_json::json!({
                            "event": "file",
                            "path": f.shown,
                            "status": f.status(),
                            "documents": f.docs.len(),
                            "pages": f.docs.iter().map(|d| d.record.source.pages).sum::<u32>(),
                            "ocr_pages": f.docs.iter().map(|d| d.record.source.ocr_pages.len()).sum::<usize>(),
                            "kind": f.error.as_ref().map(|e| e.0.clone()),
                            "error": f.error.as_ref().map(|e| e.1.clone()),
                        }));
                    }
                    // A write error (disk full, read-only archive) ends the run: nothing
                    // after it could be stored. What was committed stays consistent.
                    writer.put_file(f)?;
                }
            }
            let c = writer.counts;
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            let pages = progress.pages.load(Ordering::Relaxed);
            let ocr_pages = progress.ocr_pages.load(Ordering::Relaxed);
            let ocr_rate = ocr_pages as f64 * 60.0 / secs;
            let ocr = if ocr_pages > 0 {
                format!(", {ocr_pages} OCR'd ({ocr_rate:.0}/min)")
            } else {
                String::new()
            };
            pb.set_message(format!(
                "{} documents ({:.0}/s), {pages} pages{ocr}, {} unchanged, {} failed{}",
                c.docs_added,
                c.docs_added as f64 / secs,
                c.files_unchanged,
                c.files_failed,
                if c.files_waiting > 0 {
                    format!(", {} waiting for OCR", c.files_waiting)
                } else {
                    String::new()
                }
            ));
            if json && last_event.elapsed().as_secs_f64() >= 1.0 {
                last_event = Instant::now();
                event(serde_json::json!({
                    "event": "progress",
                    "files": pb.position(),
                    "files_total": pb.length(),
                    "documents": c.docs_added,
                    "pages": pages,
                    "ocr_pages": ocr_pages,
                    "ocr_pages_per_minute": ocr_rate,
                    "failed": c.files_failed,
                    "waiting": c.files_waiting,
                    "seconds": secs,
                }));
            }
        }
        Ok(())
    });
    write_result?;
    let counts = writer.finish()?;
    pb.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    if opts.resume {
        archive.close_unfinished_runs(run_id)?;
    }
    let summary = Summary {
        event: "summary",
        archive: archive_dir.display().to_string(),
        files_ok: counts.files_ok,
        files_failed: counts.files_failed,
        files_waiting: counts.files_waiting,
        pages: progress.pages.load(Ordering::Relaxed),
        ocr_pages: progress.ocr_pages.load(Ordering::Relaxed),
        files_unchanged: counts.files_unchanged,
        documents_added: counts.docs_added,
        documents_duplicate: counts.docs_duplicate,
        seconds: secs,
        documents_per_second: counts.docs_added as f64 / secs.max(1e-3),
        errors,
    };
    if json {
        println!("{}", serde_json::to_string(&summary)?);
    } else {
        eprintln!(
            "ingested into {}: {} documents added, {} duplicates, {} files unchanged, {} failed ({:.1}s, {:.0} documents/s)",
            summary.archive,
            summary.documents_added,
            summary.documents_duplicate,
            summary.files_unchanged,
            summary.files_failed,
            secs,
            summary.documents_per_second
        );
        if summary.files_waiting > 0 {
            eprintln!(
                "{} file(s) wait for OCR: install Tesseract (`{}`), then run `declass ingest --resume --archive {}`",
                summary.files_waiting,
                declass_ingest::ocr::INSTALL_TESSERACT,
                summary.archive
            );
        }
        if summary.files_failed > 0 {
            eprintln!(
                "see the reasons with: declass errors --archive {}",
                summary.archive
            );
        }
    }
    Ok(if counts.files_failed > 0 || counts.files_waiting > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
