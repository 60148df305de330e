//! Ingest: from paths on disk to decoded source documents.
//!
//! ```text
//! inputs ─► walk (files, folders; streaming) ─► detect format ─► reader ─► SourceDoc*
//! ```
//! A [`SourceDoc`] is one document's decoded text with where it came from. Each format
//! has a reader in [`formats`]; PDF and image readers slot in beside the text ones.
//! Errors name the file and the reason; one bad file never stops the batch.

pub mod decode;
pub mod formats;
pub mod walk;

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

pub use formats::{read_file, Format};
pub use walk::walk;

/// One document's text and provenance, ready for extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDoc {
    /// Path as given (for JSONL: `file.jsonl#<id>`).
    pub path: String,
    /// The collection's own id, when the input carries one (JSONL `id`).
    pub external_id: Option<String>,
    /// SHA-256 of the whole input file's bytes.
    pub file_sha256: String,
    pub format: Format,
    pub encoding: &'static str,
    pub pages: u32,
    pub text: String,
}

impl SourceDoc {
    /// Stable document id: the first 16 hex digits of the SHA-256 of the text, so the
    /// same text ingested twice, from anywhere, is one document.
    pub fn id(&self) -> String {
        let mut h = hex(&Sha256::digest(self.text.as_bytes()));
        h.truncate(16);
        h
    }
}

/// Why a file could not be read. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: empty file")]
    Empty { path: PathBuf },
    #[error("{path}: no text (only white space)")]
    NoText { path: PathBuf },
    #[error("{path}: binary file ({why}); declass reads text, Markdown and JSONL")]
    Binary { path: PathBuf, why: String },
    #[error("{path}: {format} is not supported yet (text, Markdown and JSONL are)")]
    Unsupported { path: PathBuf, format: String },
    #[error("{path}: {size} bytes is over the {limit}-byte limit for one text file")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}:{line}: {why}")]
    BadLine {
        path: PathBuf,
        line: usize,
        why: String,
    },
}

impl IngestError {
    pub fn path(&self) -> &Path {
        match self {
            IngestError::Io { path, .. }
            | IngestError::Empty { path }
            | IngestError::NoText { path }
            | IngestError::Binary { path, .. }
            | IngestError::Unsupported { path, .. }
            | IngestError::TooLarge { path, .. }
            | IngestError::BadLine { path, .. } => path,
        }
    }

    /// A short machine-readable kind for reports and `--json`.
    pub fn kind(&self) -> &'static str {
        match self {
            IngestError::Io { .. } => "io",
            IngestError::Empty { .. } => "empty",
            IngestError::NoText { .. } => "no_text",
            IngestError::Binary { .. } => "binary",
            IngestError::Unsupported { .. } => "unsupported",
            IngestError::TooLarge { .. } => "too_large",
            IngestError::BadLine { .. } => "bad_line",
        }
    }
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}
