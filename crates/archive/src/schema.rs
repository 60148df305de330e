//! Storage layout: the SQLite tables and the tantivy schema, and their versions.

use crate::{ArchiveError, Result};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::path::Path;
use tantivy::directory::MmapDirectory;
use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
    FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{LowerCaser, RawTokenizer, TextAnalyzer};
use tantivy::Index;

/// Version of the archive layout (tables and index fields). Bump on any change that an
/// older binary could misread; newer archives are refused with a clear error.
pub const SCHEMA_VERSION: u32 = 5;

const DDL: &str = r#"
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id          TEXT PRIMARY KEY,     -- first 16 hex digits of the text's SHA-256
    file_sha256 TEXT NOT NULL,        -- SHA-256 of the original file's bytes
    source_path TEXT NOT NULL,
    format      TEXT NOT NULL,
    pages       INTEGER NOT NULL,
    date        TEXT,                 -- YYYY[-MM[-DD]]
    year        INTEGER,
    doc_type    TEXT,
    agency      TEXT,
    level       TEXT,
    title       TEXT,
    record      TEXT NOT NULL,        -- the catalogue record as JSON
    text        TEXT NOT NULL,        -- normalized text (spans point here)
    raw         TEXT,                 -- decoded text before normalization, when it differs
    previous_id TEXT,                 -- the version this document replaced
    ocr_confidence REAL,              -- mean Tesseract word confidence when declass OCR'd it
    run_id      INTEGER,
    added       TEXT NOT NULL,
    indexed     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS documents_year ON documents(year);
CREATE INDEX IF NOT EXISTS documents_type ON documents(doc_type);
CREATE INDEX IF NOT EXISTS documents_agency ON documents(agency);
CREATE INDEX IF NOT EXISTS documents_level ON documents(level);
CREATE INDEX IF NOT EXISTS documents_previous ON documents(previous_id);
CREATE INDEX IF NOT EXISTS documents_pending ON documents(indexed) WHERE indexed = 0;
-- Collection numbers (doc, record, control, external ids) for lookup by number.
CREATE TABLE IF NOT EXISTS numbers (number TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL,
    PRIMARY KEY (number, id));
CREATE INDEX IF NOT EXISTS numbers_id ON numbers(id);
-- One row per input file: its last content hash and whether it was read.
CREATE TABLE IF NOT EXISTS files (
    path      TEXT PRIMARY KEY,       -- absolute path (JSONL: the file)
    shown     TEXT NOT NULL,          -- path as the user gave it
    sha256    TEXT,
    size      INTEGER,
    status    TEXT NOT NULL,          -- ok | failed | partial | waiting (for OCR or a tool)
    kind      TEXT,                   -- error kind (empty, binary, unsupported, io, ...)
    error     TEXT,
    documents INTEGER NOT NULL DEFAULT 0,
    run_id    INTEGER,
    updated   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS files_status ON files(status);
CREATE INDEX IF NOT EXISTS files_sha256 ON files(sha256);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    inputs TEXT NOT NULL,
    files_ok INTEGER NOT NULL DEFAULT 0,
    files_failed INTEGER NOT NULL DEFAULT 0,
    files_unchanged INTEGER NOT NULL DEFAULT 0,
    docs_added INTEGER NOT NULL DEFAULT 0,
    docs_duplicate INTEGER NOT NULL DEFAULT 0
);
-- Versions (see the declass-versions crate): each document's MinHash signature, its LSH
-- band keys for finding candidates without comparing all pairs, and the links found.
CREATE TABLE IF NOT EXISTS signatures (
    doc INTEGER PRIMARY KEY,          -- documents.rowid
    sig BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS bands (
    key INTEGER NOT NULL,
    doc INTEGER NOT NULL,             -- documents.rowid
    PRIMARY KEY (key, doc)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS versions (
    id         TEXT PRIMARY KEY,      -- a document that is a version of an earlier one
    root       TEXT NOT NULL,         -- the first document of its group
    of         TEXT NOT NULL,         -- the earlier document it matched
    similarity REAL,                  -- estimated Jaccard of word shingles (NULL: same file)
    how        TEXT NOT NULL          -- near (similar text) | file (same file, changed)
);
CREATE INDEX IF NOT EXISTS versions_root ON versions(root);
-- People and offices (see people.rs): each party of a record with its role, and how many
-- documents each name appears in (kept up to date by the writer, for the index page).
CREATE TABLE IF NOT EXISTS parties (
    doc    INTEGER NOT NULL,          -- documents.rowid
    role   TEXT NOT NULL,             -- author | recipient | through | info | drafter | clearer | approver | participant
    person TEXT,
    office TEXT
);
CREATE INDEX IF NOT EXISTS parties_person ON parties(person) WHERE person IS NOT NULL;
CREATE INDEX IF NOT EXISTS parties_office ON parties(office) WHERE office IS NOT NULL;
-- A document's parties: the network of a result set, and replacing them on re-extraction
-- (without it both scanned every party of the archive).
CREATE INDEX IF NOT EXISTS parties_doc ON parties(doc);
CREATE TABLE IF NOT EXISTS names (
    kind      TEXT NOT NULL,          -- person | office
    name      TEXT NOT NULL,
    documents INTEGER NOT NULL,
    PRIMARY KEY (kind, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_by_count ON names(kind, documents DESC);
-- Organizations and places a document mentions (its entities), for their pages.
CREATE TABLE IF NOT EXISTS mentions (
    doc  INTEGER NOT NULL,            -- documents.rowid
    kind TEXT NOT NULL,               -- organization | place
    name TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_name ON mentions(kind, name);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc);
-- Corrections people made to entities: kept apart from what extraction wrote (which a
-- re-ingest rewrites) and applied when names are read. `merge`: `name` is `target`;
-- `wrong`: `name` is not an entity of that kind.
CREATE TABLE IF NOT EXISTS corrections (
    kind   TEXT NOT NULL,             -- person | office | organization | place
    name   TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('merge', 'wrong')),
    target TEXT,
    made   TEXT NOT NULL,
    PRIMARY KEY (kind, name)
) WITHOUT ROWID;
"#;

pub fn open_connection(path: &Path, read_only: bool) -> Result<Connection> {
    let err = |source| ArchiveError::Sql {
        path: path.to_path_buf(),
        source,
    };
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI
    };
    let conn = Connection::open_with_flags(path, flags).map_err(err)?;
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .map_err(err)?;
    if !read_only {
        // WAL: readers (search, serve) never block the writer; NORMAL sync is crash-safe in WAL.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(err)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(err)?;
    }
    Ok(conn)
}

pub fn migrate(conn: &Connection, path: &Path) -> Result<()> {
    let err = |source| ArchiveError::Sql {
        path: path.to_path_buf(),
        source,
    };
    let had_parties: bool = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'parties'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(err)?
        > 0;
    let had_versions: bool = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'signatures'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(err)?
        > 0;
    conn.execute_batch(DDL).map_err(err)?;
    // Version 2 → 3: documents stored before signatures existed get them on the next
    // write-open (`Archive::repair`), in rowid order, up to this rowid.
    // Version 3 → 4: parties of documents already stored are filled in the same way.
    if !had_parties {
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value)
             SELECT 'parties_backfill', max(rowid) FROM documents HAVING count(*) > 0",
            [],
        )
        .map_err(err)?;
    }
    if !had_versions {
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value)
             SELECT 'versions_backfill', max(rowid) FROM documents HAVING count(*) > 0",
            [],
        )
        .map_err(err)?;
    }
    // Version 1 → 2: documents gained `ocr_confidence`.
    let has_ocr: bool = conn
        .query_row(
            "SELECT count(*) FROM pragma_table_info('documents') WHERE name = 'ocr_confidence'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(err)?
        > 0;
    if !has_ocr {
        conn.execute_batch("ALTER TABLE documents ADD COLUMN ocr_confidence REAL")
            .map_err(err)?;
    }
    conn.execute_batch(
        "CREATE INDEX IF NOT EXISTS documents_ocr ON documents(ocr_confidence) WHERE ocr_confidence IS NOT NULL",
    )
    .map_err(err)?;
    conn.execute(
        "INSERT INTO meta(key, value) VALUES ('schema_version', ?1)
         ON CONFLICT(key) DO UPDATE SET value = max(CAST(value AS INTEGER), ?1)",
        [SCHEMA_VERSION.to_string()],
    )
    .map_err(err)?;
    Ok(())
}

pub fn check_version(conn: &Connection, path: &Path) -> Result<()> {
    let found: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(|source| ArchiveError::Sql {
            path: path.to_path_buf(),
            source,
        })?;
    let found: u32 = found.and_then(|v| v.parse().ok()).unwrap_or(0);
    if found > SCHEMA_VERSION {
        return Err(ArchiveError::TooNew {
            path: path.parent().unwrap_or(path).to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Fields of the full-text index. Field names are the query syntax: `type:telegram`.
#[derive(Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub title: Field,
    pub body: Field,
    pub doc_type: Field,
    pub agency: Field,
    pub level: Field,
    pub caveat: Field,
    pub number: Field,
    pub from: Field,
    pub to: Field,
    pub date: Field,
    /// Mean OCR confidence rounded (0–100); 100 for text declass did not OCR.
    pub ocr: Field,
    pub person: Field,
    pub office: Field,
    pub exemption: Field,
    pub review: Field,
    pub facets: Field,
}

/// Case-insensitive whole-value matching for catalogue fields (`classification:secret`).
pub const KEYWORD: &str = "keyword";

fn build_schema() -> Schema {
    let mut b = Schema::builder();
    let keyword = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(KEYWORD)
            .set_index_option(IndexRecordOption::Basic),
    );
    b.add_text_field("id", STRING | STORED);
    b.add_text_field("title", tantivy::schema::TEXT);
    b.add_text_field("body", tantivy::schema::TEXT);
    b.add_text_field("type", keyword.clone());
    b.add_text_field("agency", keyword.clone());
    b.add_text_field("classification", keyword.clone());
    b.add_text_field("caveat", keyword.clone());
    b.add_text_field("number", keyword.clone());
    b.add_text_field("person", keyword.clone());
    b.add_text_field("office", keyword.clone());
    b.add_text_field("exemption", keyword.clone());
    b.add_text_field("review", keyword);
    b.add_text_field("from", tantivy::schema::TEXT);
    b.add_text_field("to", tantivy::schema::TEXT);
    // YYYYMMDD with 00 for unknown parts: sortable, and ranges read naturally.
    b.add_i64_field("date", NumericOptions::default() | INDEXED | FAST);
    b.add_i64_field("ocr", NumericOptions::default() | INDEXED | FAST);
    b.add_facet_field("facets", FacetOptions::default());
    b.build()
}

/// What the index holds beyond its fields' names: bumped when the values change meaning
/// (format 2: undated documents have date 0, so date-sorted paging reaches them).
pub const INDEX_FORMAT: &str = "3";
const INDEX_FORMAT_FILE: &str = "declass-index-format";

/// Whether the index in `dir` was built by an older declass (a field missing, or an older
/// format): the writer then rebuilds it from the catalogue.
pub fn index_outdated(dir: &Path) -> bool {
    let Ok(index) = Index::open_in_dir(dir) else {
        return false;
    };
    let have = index.schema();
    let format = std::fs::read_to_string(dir.join(INDEX_FORMAT_FILE)).unwrap_or_default();
    format.trim() != INDEX_FORMAT
        || build_schema()
            .fields()
            .any(|(_, entry)| have.get_field(entry.name()).is_err())
}

/// Record that the index in `dir` is of this version's format.
pub fn mark_index_format(dir: &Path) -> std::io::Result<()> {
    std::fs::write(dir.join(INDEX_FORMAT_FILE), INDEX_FORMAT)
}

pub fn open_index(dir: &Path, read_only: bool) -> Result<(Index, Fields)> {
    let err = |source| ArchiveError::Index {
        path: dir.to_path_buf(),
        source,
    };
    let index = if read_only {
        Index::open_in_dir(dir).map_err(err)?
    } else {
        let mmap = MmapDirectory::open(dir).map_err(|e| err(e.into()))?;
        Index::open_or_create(mmap, build_schema()).map_err(err)?
    };
    index.tokenizers().register(
        KEYWORD,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
    let s = index.schema();
    let f = |name: &str| {
        s.get_field(name).map_err(|_| ArchiveError::Outdated {
            path: dir.to_path_buf(),
        })
    };
    let fields = Fields {
        id: f("id")?,
        title: f("title")?,
        body: f("body")?,
        doc_type: f("type")?,
        agency: f("agency")?,
        level: f("classification")?,
        caveat: f("caveat")?,
        number: f("number")?,
        from: f("from")?,
        to: f("to")?,
        date: f("date")?,
        ocr: f("ocr")?,
        person: f("person")?,
        office: f("office")?,
        exemption: f("exemption")?,
        review: f("review")?,
        facets: f("facets")?,
    };
    Ok((index, fields))
}
