//! Ingest: from paths on disk to decoded source documents.
//!
//! ```text
//! inputs ─► walk (files, folders; streaming) ─► detect format ─► reader ─► SourceDoc*
//! ```
//! A [`SourceDoc`] is one document's decoded text with where it came from. Each format
//! has a reader: text, Markdown and JSONL in [`formats`], PDF in [`pdf`] (text layer, OCR
//! where it is missing), page images in [`image`]; [`ocr`] drives Tesseract for both.
//! Errors name the file and the reason; one bad file never stops the batch.

pub mod container;
pub mod decode;
pub mod formats;
pub mod image;
pub mod ocr;
pub mod pdf;
pub mod preprocess;
pub mod walk;

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

pub use formats::{read_as, read_file, FileRead, Format};
pub use ocr::{OcrMode, Tesseract};
pub use walk::walk;

/// How files are read: OCR settings and shared progress counters.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    pub ocr: OcrMode,
    /// Tesseract languages, `eng` or several joined by `+` (`eng+fra`).
    pub lang: String,
    /// `None` when Tesseract is not installed: files that need OCR wait for it.
    pub tesseract: Option<Tesseract>,
    pub progress: Arc<Progress>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            ocr: OcrMode::Auto,
            lang: "eng".into(),
            tesseract: None,
            progress: Arc::default(),
        }
    }
}

impl ReadOptions {
    /// Default settings with Tesseract looked up on this machine.
    pub fn detect() -> ReadOptions {
        ReadOptions {
            tesseract: Tesseract::find(),
            ..ReadOptions::default()
        }
    }
}

/// Pages read and OCR'd so far, for progress displays (shared by all workers).
#[derive(Debug, Default)]
pub struct Progress {
    pub pages: AtomicU64,
    pub ocr_pages: AtomicU64,
}

/// One document's text and provenance, ready for extraction.
#[derive(Debug, Clone, PartialEq)]
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
    /// Pages separated by form feeds.
    pub text: String,
    /// The pages declass OCR'd, with Tesseract's confidence.
    pub ocr_pages: Vec<declass_model::PageOcr>,
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
    #[error(
        "{path}: binary file ({why}); declass reads text, Markdown, JSONL, PDF and page images"
    )]
    Binary { path: PathBuf, why: String },
    #[error("{path}: {format} is not supported (text, Markdown, JSONL, PDF, TIFF, PNG, JPEG, zip and tar.gz are)")]
    Unsupported { path: PathBuf, format: String },
    #[error("{path}: not a readable PDF: {why}")]
    Pdf { path: PathBuf, why: String },
    #[error("{path}: encrypted PDF: it needs a password to open")]
    Encrypted { path: PathBuf },
    #[error("{path}: read in part: {why}")]
    Partial { path: PathBuf, why: String },
    #[error("{path}: document {document}: extraction stopped on an internal error ({why}); the file's other documents are stored. Please report it; after an upgrade, `declass ingest --retry-failed` reads the file again")]
    Extract {
        path: PathBuf,
        document: String,
        why: String,
    },
    #[error("{path}: OCR failed: {why}")]
    Ocr { path: PathBuf, why: String },
    #[error("{path}: waits for OCR ({pages} page(s)): Tesseract is not installed ({install}); then run `declass ingest --resume`", install = ocr::INSTALL_TESSERACT)]
    OcrUnavailable { path: PathBuf, pages: usize },
    #[error("{path}: {why}")]
    Container { path: PathBuf, why: String },
    #[error("{path}: entry {entry:?} points outside the container; skipped")]
    UnsafeEntry { path: PathBuf, entry: String },
    #[error("{path}: a page image needs OCR, and OCR is off (--ocr never)")]
    OcrDisabled { path: PathBuf },
    #[error("{path}: waits for {tool}, which is not installed ({install}); then run `declass ingest --resume`")]
    ToolMissing {
        path: PathBuf,
        tool: String,
        install: &'static str,
    },
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
            | IngestError::BadLine { path, .. }
            | IngestError::Pdf { path, .. }
            | IngestError::Encrypted { path }
            | IngestError::Partial { path, .. }
            | IngestError::Extract { path, .. }
            | IngestError::Ocr { path, .. }
            | IngestError::OcrUnavailable { path, .. }
            | IngestError::OcrDisabled { path }
            | IngestError::Container { path, .. }
            | IngestError::UnsafeEntry { path, .. }
            | IngestError::ToolMissing { path, .. } => path,
        }
    }

    /// The same error about another file: errors read from a container entry's temporary
    /// copy are moved to the entry (`release.zip/box1/memo.pdf`), keeping their kind.
    pub fn at(mut self, to: PathBuf) -> IngestError {
        match &mut self {
            IngestError::Io { path, .. }
            | IngestError::Empty { path }
            | IngestError::NoText { path }
            | IngestError::Binary { path, .. }
            | IngestError::Unsupported { path, .. }
            | IngestError::TooLarge { path, .. }
            | IngestError::BadLine { path, .. }
            | IngestError::Pdf { path, .. }
            | IngestError::Encrypted { path }
            | IngestError::Partial { path, .. }
            | IngestError::Extract { path, .. }
            | IngestError::Ocr { path, .. }
            | IngestError::OcrUnavailable { path, .. }
            | IngestError::OcrDisabled { path }
            | IngestError::Container { path, .. }
            | IngestError::UnsafeEntry { path, .. }
            | IngestError::ToolMissing { path, .. } => *path = to,
        }
        self
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
            IngestError::Pdf { .. } => "pdf",
            IngestError::Encrypted { .. } => "encrypted",
            IngestError::Partial { .. } => "partial",
            IngestError::Extract { .. } => "extract",
            IngestError::Ocr { .. } => "ocr",
            IngestError::OcrUnavailable { .. } => "waiting_ocr",
            IngestError::OcrDisabled { .. } => "ocr_disabled",
            IngestError::Container { .. } => "container",
            IngestError::UnsafeEntry { .. } => "unsafe_path",
            IngestError::ToolMissing { .. } => "waiting_tool",
        }
    }

    /// Whether an error of this kind comes from the file's bytes, so reading the same bytes
    /// again gives it again (an empty, corrupt or encrypted file), unlike an I/O error,
    /// an OCR failure, a missing tool or OCR turned off.
    pub fn is_lasting_kind(kind: &str) -> bool {
        matches!(
            kind,
            "empty"
                | "no_text"
                | "binary"
                | "unsupported"
                | "too_large"
                | "bad_line"
                | "pdf"
                | "encrypted"
                | "partial"
                | "extract"
                | "container"
                | "unsafe_path"
        )
    }

    /// Whether the file is waiting for a tool to be installed (`declass ingest --resume`
    /// picks it up), rather than bad.
    pub fn is_waiting(&self) -> bool {
        matches!(
            self,
            IngestError::OcrUnavailable { .. } | IngestError::ToolMissing { .. }
        )
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
