//! The archive: one directory holding the catalogue and the full-text index.
//!
//! ```text
//! ARCHIVE/
//!   catalogue.sqlite   documents (record JSON, text), files (status, errors), runs, meta
//!   index/             tantivy: full text + catalogue fields as facets and fast fields
//! ```
//! SQLite is the source of truth; the tantivy index is derived from it and repaired from
//! it. A document is written to SQLite with `indexed = 0`, then to tantivy, then marked
//! `indexed = 1` once tantivy has committed. On open for writing, any document still at
//! `indexed = 0` (a crash between the two commits) is deleted from the index by id and
//! added again, so after any interruption every document is present exactly once.

mod facets;
mod people;
mod schema;
mod search;
mod stats;
mod write;

use rusqlite::{Connection, OptionalExtension};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tantivy::{Index, IndexReader, ReloadPolicy};

pub use declass_versions::{Diff, Piece};
pub use people::{
    names_of, office_key, parties_of, person_key, Correction, CorrectionRow, DocumentParty,
    NameCount, NameDocument, NameKind, Names, YearCount, ROLES,
};
pub use schema::SCHEMA_VERSION;
pub use search::{
    parse_date_bound, FacetCount, Hit, SearchRequest, SearchResults, Sort, FACET_SAMPLE,
    FACET_VALUES, MAX_QUERY_CHARS, MAX_QUERY_TERMS, MAX_WINDOW,
};
pub use stats::{FileError, FileState, Run, Stats};
pub use write::{AddOutcome, FileOutcome, NewDocument, RunCounts, Writer, BATCH_DOCS};

use declass_model::Record;

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error(
        "{path}: not a declass archive (no catalogue.sqlite); create one with `declass ingest`"
    )]
    NotAnArchive { path: PathBuf },
    #[error("{path}: made by a newer declass (archive schema {found}; this binary reads up to {supported}); upgrade declass")]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error(
        "{path}: built by an older declass; run `declass reindex --archive ...` to upgrade it"
    )]
    Outdated { path: PathBuf },
    #[error("{path}: cannot create the archive: {source}")]
    Create {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("catalogue ({path}): {source}")]
    Sql {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("full-text index ({path}): {source}")]
    Index {
        path: PathBuf,
        #[source]
        source: tantivy::TantivyError,
    },
    #[error("query {query:?}: {why}")]
    Query { query: String, why: String },
    #[error("stored record {id} is unreadable: {why}")]
    Corrupt { id: String, why: String },
}

pub type Result<T, E = ArchiveError> = std::result::Result<T, E>;

/// An open archive. Cheap to share between threads (`&Archive` is `Sync`).
pub struct Archive {
    dir: PathBuf,
    db_path: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: schema::Fields,
    pool: Mutex<Vec<Connection>>,
    facet_cache: search::FacetCache,
    read_only: bool,
}

/// One stored document: its record and the normalized text its spans point into.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StoredDocument {
    pub record: Record,
    pub text: String,
    /// The decoded text before normalization, when it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw_text: Option<String>,
    /// Earlier version of the same file, if this one replaced it.
    pub previous_id: Option<String>,
    /// Later version, if one replaced this one.
    pub next_id: Option<String>,
    /// Every version of this document (itself included) in the order they were added;
    /// empty when no other version is known. At most the number asked for.
    pub versions: Vec<Version>,
    /// How many versions there are, listed or not.
    pub versions_total: usize,
    pub added: String,
}

/// One version of a document.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Version {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub source_path: String,
    /// The earlier version this one was matched to (`None` for the first).
    pub of: Option<String>,
    /// Estimated share of word shingles in common with `of` (0–1); `None` when the
    /// link is that the same file changed.
    pub similarity: Option<f32>,
    /// `near` (similar text) or `file` (the same file, changed).
    pub how: Option<String>,
}

/// Versions listed per document at most (a group can grow with every release).
const MAX_VERSIONS: usize = 1000;

impl Archive {
    /// Open an archive for writing, creating it if needed, and repair the index if a
    /// previous run was interrupted.
    pub fn open_or_create(dir: &Path) -> Result<Archive> {
        std::fs::create_dir_all(dir.join("index")).map_err(|source| ArchiveError::Create {
            path: dir.to_path_buf(),
            source,
        })?;
        let archive = Archive::open_inner(dir, false)?;
        archive.repair()?;
        Ok(archive)
    }

    /// Open an existing archive for reading (search, show, stats, serve).
    pub fn open(dir: &Path) -> Result<Archive> {
        if !dir.join("catalogue.sqlite").is_file() {
            return Err(ArchiveError::NotAnArchive {
                path: dir.to_path_buf(),
            });
        }
        Archive::open_inner(dir, true)
    }

    fn open_inner(dir: &Path, read_only: bool) -> Result<Archive> {
        let db_path = dir.join("catalogue.sqlite");
        let conn = schema::open_connection(&db_path, read_only)?;
        if !read_only {
            schema::migrate(&conn, &db_path)?;
        }
        schema::check_version(&conn, &db_path)?;
        let index_dir = dir.join("index");
        if !read_only && schema::index_outdated(&index_dir) {
            // Built by an older declass: rebuild it from the catalogue (repair re-adds).
            tracing::warn!("the index lacks fields of this version; rebuilding it");
            let err = |source| ArchiveError::Create {
                path: index_dir.clone(),
                source,
            };
            std::fs::remove_dir_all(&index_dir).map_err(err)?;
            std::fs::create_dir_all(&index_dir).map_err(err)?;
            conn.execute("UPDATE documents SET indexed = 0", [])
                .map_err(|source| ArchiveError::Sql {
                    path: db_path.clone(),
                    source,
                })?;
        }
        let (mut index, fields) = schema::open_index(&index_dir, read_only)?;
        // A search runs its segments on every core: one query's latency falls with the
        // cores, while under many clients the pool keeps them from oversubscribing.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if cores > 1 {
            index
                .set_multithread_executor(cores)
                .map_err(|source| ArchiveError::Index {
                    path: index_dir.clone(),
                    source,
                })?;
        }
        if !read_only {
            schema::mark_index_format(&index_dir).map_err(|source| ArchiveError::Create {
                path: index_dir.clone(),
                source,
            })?;
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|source| ArchiveError::Index {
                path: index_dir.clone(),
                source,
            })?;
        Ok(Archive {
            dir: dir.to_path_buf(),
            db_path,
            index,
            reader,
            fields,
            pool: Mutex::new(vec![conn]),
            facet_cache: search::FacetCache::default(),
            read_only,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn sql_err(&self, source: rusqlite::Error) -> ArchiveError {
        ArchiveError::Sql {
            path: self.db_path.clone(),
            source,
        }
    }

    fn index_err(&self, source: tantivy::TantivyError) -> ArchiveError {
        ArchiveError::Index {
            path: self.dir.join("index"),
            source,
        }
    }

    /// Run `f` with a pooled SQLite connection.
    fn with_conn<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T> {
        let conn = match self.pool.lock().ok().and_then(|mut p| p.pop()) {
            Some(c) => c,
            None => schema::open_connection(&self.db_path, self.read_only)?,
        };
        let out = f(&conn).map_err(|e| self.sql_err(e));
        if let Ok(mut p) = self.pool.lock() {
            if p.len() < 16 {
                p.push(conn);
            }
        }
        out
    }

    /// Make the index see the latest commit (after a writer committed).
    pub fn reload(&self) -> Result<()> {
        self.reader.reload().map_err(|e| self.index_err(e))
    }

    /// Start writing. One writer at a time per archive (tantivy holds a lock).
    pub fn writer(&self) -> Result<Writer<'_>> {
        Writer::new(self)
    }

    /// Re-add to the index every document whose indexing was interrupted.
    fn repair(&self) -> Result<()> {
        let pending: i64 = self.with_conn(|c| {
            c.query_row(
                "SELECT count(*) FROM documents WHERE indexed = 0",
                [],
                |r| r.get(0),
            )
        })?;
        if pending > 0 {
            tracing::warn!(pending, "re-indexing documents from an interrupted run");
            let mut w = self.writer()?;
            w.reindex_pending()?;
            w.commit()?;
        }
        let backfill: Option<i64> = self.with_conn(|c| {
            c.query_row(
                "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'versions_backfill'",
                [],
                |r| r.get(0),
            )
            .optional()
        })?;
        let parties: Option<i64> = self.with_conn(|c| {
            c.query_row(
                "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'parties_backfill'",
                [],
                |r| r.get(0),
            )
            .optional()
        })?;
        if let Some(last) = parties {
            tracing::warn!("listing people and offices of documents stored by an older declass");
            let mut w = self.writer()?;
            w.backfill_parties(last)?;
        }
        if let Some(last) = backfill {
            tracing::warn!("finding versions among documents stored by an older declass");
            let mut w = self.writer()?;
            let n = w.backfill_versions(last)?;
            tracing::info!(documents = n, "versions backfilled");
        }
        Ok(())
    }

    /// Rebuild the whole full-text index from the catalogue.
    pub fn reindex_all(&self) -> Result<usize> {
        self.with_conn(|c| c.execute("UPDATE documents SET indexed = 0", []))?;
        let mut w = self.writer()?;
        w.clear_index()?;
        let n = w.reindex_pending()?;
        w.commit()?;
        Ok(n)
    }

    /// A document by id, or by a collection number (doc number, record number).
    pub fn get(&self, key: &str) -> Result<Option<StoredDocument>> {
        self.get_listing(key, MAX_VERSIONS)
    }

    /// A document, listing at most `versions` of its versions (a page shows a few of a
    /// group that may have hundreds).
    pub fn get_listing(&self, key: &str, versions: usize) -> Result<Option<StoredDocument>> {
        let row = self.with_conn(|c| {
            c.query_row(
                "SELECT record, text, raw, previous_id, added,
                        (SELECT id FROM documents n WHERE n.previous_id = d.id LIMIT 1)
                 FROM documents d
                 WHERE id = ?1 OR id IN (SELECT id FROM numbers WHERE number = ?1 LIMIT 1)
                 LIMIT 1",
                [key],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, Option<String>>(5)?,
                    ))
                },
            )
            .optional()
        })?;
        let Some((record, text, raw_text, previous_id, added, next_id)) = row else {
            return Ok(None);
        };
        let record: Record = serde_json::from_str(&record).map_err(|e| ArchiveError::Corrupt {
            id: key.to_string(),
            why: e.to_string(),
        })?;
        let (versions, versions_total) = self.versions_up_to(&record.id, versions)?;
        Ok(Some(StoredDocument {
            record,
            text,
            raw_text,
            previous_id,
            next_id,
            versions,
            versions_total,
            added,
        }))
    }

    /// The file a document was read from, when it is still on disk unchanged in size: for
    /// showing its page images. `None` for text supplied in JSONL, a file since moved or
    /// changed, or a document read from inside a container.
    pub fn source_file(&self, id: &str) -> Result<Option<PathBuf>> {
        let row: Option<(String, Option<i64>)> = self.with_conn(|c| {
            c.query_row(
                "SELECT f.path, f.size FROM documents d JOIN files f ON f.sha256 = d.file_sha256
                 WHERE d.id = ?1 LIMIT 1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
        })?;
        Ok(row.and_then(|(path, size)| {
            let path = PathBuf::from(path);
            let meta = std::fs::metadata(&path).ok()?;
            (meta.is_file() && size.is_none_or(|s| s as u64 == meta.len())).then_some(path)
        }))
    }

    /// Records by id, in the order given (ids not found are left out). Reads the record
    /// column only, not the text.
    pub fn records(&self, ids: &[String]) -> Result<Vec<Record>> {
        let placeholders = vec!["?"; ids.len()].join(",");
        let sql = format!("SELECT id, record FROM documents WHERE id IN ({placeholders})");
        let mut rows: std::collections::HashMap<String, String> = self.with_conn(|c| {
            let mut stmt = c.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(ids.iter()), |r| {
                Ok((r.get::<_, String>(0)?, r.get(1)?))
            })?;
            rows.collect()
        })?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(json) = rows.remove(id) {
                out.push(
                    serde_json::from_str(&json).map_err(|e| ArchiveError::Corrupt {
                        id: id.clone(),
                        why: e.to_string(),
                    })?,
                );
            }
        }
        Ok(out)
    }

    /// Texts by id (the normalized text, and the decoded text before normalization when it
    /// differs), for exports that carry them; ids not found are left out.
    pub fn texts(
        &self,
        ids: &[String],
    ) -> Result<std::collections::HashMap<String, (String, Option<String>)>> {
        let placeholders = vec!["?"; ids.len()].join(",");
        let sql = format!("SELECT id, text, raw FROM documents WHERE id IN ({placeholders})");
        self.with_conn(|c| {
            let mut stmt = c.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(ids.iter()), |r| {
                Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?)))
            })?;
            rows.collect()
        })
    }

    /// The versions of a document (itself included), oldest first; empty when it has none.
    /// Reads only the columns stored before the record and text, so a large group costs
    /// no overflow pages.
    pub fn versions(&self, id: &str) -> Result<Vec<Version>> {
        Ok(self.versions_up_to(id, MAX_VERSIONS)?.0)
    }

    /// The first `limit` versions of a document and how many there are in all.
    pub fn versions_up_to(&self, id: &str, limit: usize) -> Result<(Vec<Version>, usize)> {
        let limit = limit.clamp(1, MAX_VERSIONS);
        let (rows, total) = self.with_conn(|c| {
            let root: String = c
                .query_row(
                    "SELECT coalesce((SELECT root FROM versions WHERE id = ?1), ?1)",
                    [id],
                    |r| r.get(0),
                )?;
            // The group's ids first (indexed), then their rows: no scan, no OR.
            let mut stmt = c.prepare_cached(
                "SELECT d.id, d.title, d.date, d.source_path, v.of, v.similarity, v.how
                 FROM (SELECT ?1 AS id UNION ALL SELECT id FROM versions WHERE root = ?1 LIMIT ?2) ids
                 JOIN documents d ON d.id = ids.id LEFT JOIN versions v ON v.id = d.id
                 ORDER BY d.rowid",
            )?;
            let rows = stmt.query_map(rusqlite::params![root, limit as i64], |r| {
                Ok(Version {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    date: r.get(2)?,
                    source_path: r.get(3)?,
                    of: r.get(4)?,
                    similarity: r.get::<_, Option<f64>>(5)?.map(|s| s as f32),
                    how: r.get(6)?,
                })
            })?;
            let rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
            let total = if rows.len() < limit {
                rows.len()
            } else {
                c.query_row(
                    "SELECT 1 + count(*) FROM versions WHERE root = ?1",
                    [&root],
                    |r| r.get::<_, i64>(0),
                )? as usize
            };
            Ok((rows, total))
        })?;
        Ok(if total > 1 {
            (rows, total)
        } else {
            (Vec::new(), 0)
        })
    }

    /// The word diff from document `old` to document `new` (by id); `None` if either is
    /// not in the archive.
    pub fn diff(&self, old: &str, new: &str) -> Result<Option<declass_versions::Diff>> {
        let text = |id: &str| {
            self.with_conn(|c| {
                c.query_row("SELECT text FROM documents WHERE id = ?1", [id], |r| {
                    r.get::<_, String>(0)
                })
                .optional()
            })
        };
        let (Some(a), Some(b)) = (text(old)?, text(new)?) else {
            return Ok(None);
        };
        Ok(Some(declass_versions::diff(&a, &b)))
    }
}
