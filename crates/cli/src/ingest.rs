//! `declass ingest`: files are read and extracted in parallel; one writer thread stores
//! them. A bounded channel between the two keeps memory flat whatever the input size.

use crate::pipeline::{process, Processed};
use anyhow::{Context, Result};
use declass_archive::Archive;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::sync_channel;
use std::time::Instant;

/// Files in flight between the readers and the writer.
const CHANNEL: usize = 256;
/// Errors listed in the JSON summary (all are in `declass errors`).
const MAX_LISTED_ERRORS: usize = 100;

#[derive(Serialize)]
struct Summary {
    archive: String,
    files_ok: u64,
    files_failed: u64,
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
}

pub fn run(archive_dir: &Path, paths: &[PathBuf], opts: &Options) -> Result<ExitCode> {
    let (json, jobs) = (opts.json, opts.jobs);
    let started = Instant::now();
    let archive = Archive::open_or_create(archive_dir)
        .with_context(|| format!("opening archive {}", archive_dir.display()))?;
    let mut writer = archive.writer()?;
    let inputs = paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(" ");
    writer.start_run(&inputs)?;
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
    let (tx, rx) = sync_channel::<Processed>(CHANNEL);
    let mut errors: Vec<ErrorLine> = Vec::new();
    let write_result: Result<()> = std::thread::scope(|s| {
        let archive = &archive;
        s.spawn(move || {
            pool.install(|| {
                declass_ingest::walk(paths).par_bridge().for_each_with(tx, |tx, item| {
                    let is_current = |path: &str, sha: &str| {
                        matches!(archive.file_state(path), Ok(Some((Some(old), status))) if old == sha && status == "ok")
                    };
                    // A closed channel means the writer stopped on an error; stop quietly.
                    let _ = tx.send(process(item, &is_current));
                });
            });
        });
        for p in rx {
            pb.inc(1);
            match p {
                Processed::Unchanged => writer.unchanged(),
                Processed::File(f) => {
                    if let Some((kind, why)) = &f.error {
                        if !json {
                            pb.println(format!("warning: {why}"));
                        }
                        if errors.len() < MAX_LISTED_ERRORS {
                            errors.push(ErrorLine {
                                path: f.shown.clone(),
                                kind: kind.clone(),
                                error: why.clone(),
                            });
                        }
                    }
                    // A write error (disk full, read-only archive) ends the run: nothing
                    // after it could be stored. What was committed stays consistent.
                    writer.put_file(f)?;
                }
            }
            let c = writer.counts;
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            pb.set_message(format!(
                "{} documents ({:.0}/s), {} unchanged, {} failed",
                c.docs_added,
                c.docs_added as f64 / secs,
                c.files_unchanged,
                c.files_failed
            ));
        }
        Ok(())
    });
    write_result?;
    let counts = writer.finish()?;
    pb.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    let summary = Summary {
        archive: archive_dir.display().to_string(),
        files_ok: counts.files_ok,
        files_failed: counts.files_failed,
        files_unchanged: counts.files_unchanged,
        documents_added: counts.docs_added,
        documents_duplicate: counts.docs_duplicate,
        seconds: secs,
        documents_per_second: counts.docs_added as f64 / secs.max(1e-3),
        errors,
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
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
        if summary.files_failed > 0 {
            eprintln!(
                "see the reasons with: declass errors --archive {}",
                summary.archive
            );
        }
    }
    Ok(if counts.files_failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
