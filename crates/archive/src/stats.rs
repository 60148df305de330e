//! Collection statistics and the failed-file report, straight from the catalogue.

use crate::{Archive, Result};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub documents: u64,
    pub pages: u64,
    pub files_ok: u64,
    pub files_failed: u64,
    pub files_partial: u64,
    /// Waiting for OCR or a tool (`declass ingest --resume` after installing it).
    pub files_waiting: u64,
    /// Documents with pages declass OCR'd.
    pub documents_ocr: u64,
    /// Documents linked as a later version of another (see `declass versions`).
    pub versions: u64,
    pub runs: u64,
    pub by_year: BTreeMap<String, u64>,
    pub by_type: BTreeMap<String, u64>,
    pub by_agency: BTreeMap<String, u64>,
    pub by_classification: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileError {
    pub path: String,
    pub status: String,
    pub kind: Option<String>,
    pub error: Option<String>,
    pub updated: String,
}

/// One ingest run.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    pub id: i64,
    pub started: String,
    /// `None` while running, or when the run was killed (until `--resume` takes it over).
    pub finished: Option<String>,
    pub inputs: String,
    pub files_ok: u64,
    pub files_failed: u64,
    pub files_unchanged: u64,
    pub docs_added: u64,
    pub docs_duplicate: u64,
}

impl Archive {
    /// Ingest runs, newest first.
    pub fn runs(&self, limit: usize) -> Result<Vec<Run>> {
        self.with_conn(|c| {
            let mut stmt = c.prepare(
                "SELECT id, started, finished, inputs, files_ok, files_failed, files_unchanged,
                        docs_added, docs_duplicate FROM runs ORDER BY id DESC LIMIT ?1",
            )?;
            let n = |v: i64| v.max(0) as u64;
            let rows = stmt.query_map([limit as i64], |r| {
                Ok(Run {
                    id: r.get(0)?,
                    started: r.get(1)?,
                    finished: r.get(2)?,
                    inputs: r.get(3)?,
                    files_ok: n(r.get(4)?),
                    files_failed: n(r.get(5)?),
                    files_unchanged: n(r.get(6)?),
                    docs_added: n(r.get(7)?),
                    docs_duplicate: n(r.get(8)?),
                })
            })?;
            rows.collect()
        })
    }

    pub fn stats(&self) -> Result<Stats> {
        self.with_conn(|c| {
            let one = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).map(|v| v.max(0) as u64);
            let group = |col: &str| -> rusqlite::Result<BTreeMap<String, u64>> {
                let mut stmt = c.prepare(&format!(
                    "SELECT coalesce(CAST({col} AS TEXT), 'unknown'), count(*) FROM documents GROUP BY 1"
                ))?;
                let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64)))?;
                rows.collect()
            };
            Ok(Stats {
                documents: one("SELECT count(*) FROM documents")?,
                pages: one("SELECT coalesce(sum(pages), 0) FROM documents")?,
                files_ok: one("SELECT count(*) FROM files WHERE status = 'ok'")?,
                files_failed: one("SELECT count(*) FROM files WHERE status = 'failed'")?,
                files_partial: one("SELECT count(*) FROM files WHERE status = 'partial'")?,
                files_waiting: one("SELECT count(*) FROM files WHERE status = 'waiting'")?,
                documents_ocr: one("SELECT count(*) FROM documents WHERE ocr_confidence IS NOT NULL")?,
                versions: one("SELECT count(*) FROM versions")?,
                runs: one("SELECT count(*) FROM runs")?,
                by_year: group("year")?,
                by_type: group("doc_type")?,
                by_agency: group("agency")?,
                by_classification: group("level")?,
            })
        })
    }

    /// Files that failed or were read only in part, with the reason, newest first.
    pub fn errors(&self, limit: usize) -> Result<Vec<FileError>> {
        self.with_conn(|c| {
            let mut stmt = c.prepare(
                "SELECT shown, status, kind, error, updated FROM files
                 WHERE status != 'ok' ORDER BY updated DESC, shown LIMIT ?1",
            )?;
            let rows = stmt.query_map([limit as i64], |r| {
                Ok(FileError {
                    path: r.get(0)?,
                    status: r.get(1)?,
                    kind: r.get(2)?,
                    error: r.get(3)?,
                    updated: r.get(4)?,
                })
            })?;
            rows.collect()
        })
    }

    /// What `ingest --resume` should read again: files waiting for OCR or a tool, and the
    /// inputs of runs that never finished (killed, power loss). Files already done are
    /// skipped by hash when read again, so this may overlap them freely.
    pub fn resume_paths(&self) -> Result<Vec<String>> {
        self.with_conn(|c| {
            let mut out: Vec<String> = Vec::new();
            let mut stmt =
                c.prepare("SELECT path FROM files WHERE status = 'waiting' ORDER BY path")?;
            for p in stmt.query_map([], |r| r.get::<_, String>(0))? {
                out.push(p?);
            }
            let mut stmt =
                c.prepare("SELECT inputs FROM runs WHERE finished IS NULL ORDER BY id")?;
            for inputs in stmt.query_map([], |r| r.get::<_, String>(0))? {
                let inputs = inputs?;
                // Inputs are a JSON list; runs of older versions joined them with spaces.
                match serde_json::from_str::<Vec<String>>(&inputs) {
                    Ok(list) => out.extend(list),
                    Err(_) => out.extend(inputs.split_whitespace().map(str::to_string)),
                }
            }
            let mut seen = std::collections::HashSet::new();
            out.retain(|p| seen.insert(p.clone()));
            Ok(out)
        })
    }

    /// Mark every unfinished run as finished (after `--resume` has taken over its work).
    pub fn close_unfinished_runs(&self, except: i64) -> Result<()> {
        self.with_conn(|c| {
            c.execute(
                "UPDATE runs SET finished = coalesce(finished, 'resumed') WHERE finished IS NULL AND id != ?1",
                [except],
            )
            .map(|_| ())
        })
    }

    /// What the archive knows of an input file: its last content hash, status and error
    /// kind (`None` if it was never seen).
    pub fn file_state(&self, path: &str) -> Result<Option<FileState>> {
        use rusqlite::OptionalExtension;
        self.with_conn(|c| {
            c.query_row(
                "SELECT sha256, status, kind FROM files WHERE path = ?1",
                [path],
                |r| {
                    Ok(FileState {
                        sha256: r.get(0)?,
                        status: r.get(1)?,
                        kind: r.get(2)?,
                    })
                },
            )
            .optional()
        })
    }
}

/// A file's row in the catalogue.
#[derive(Debug, Clone)]
pub struct FileState {
    pub sha256: Option<String>,
    pub status: String,
    pub kind: Option<String>,
}
