//! Format detection and the reader for each format.
//!
//! Text and Markdown files are one document each. JSONL holds one document per line
//! (`{"id": ..., "text": ...}`); it is read twice, streaming, so the file's hash is known
//! before its documents go out and memory stays bounded whatever the file's size.

use crate::decode::{decode, known_binary, Decoded};
use crate::{sha256_hex, IngestError, ReadOptions, SourceDoc};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// One text file may be at most this large (a JSONL file may be larger: it streams).
pub const MAX_TEXT_FILE: u64 = 256 * 1024 * 1024;
/// One JSONL line may be at most this large.
pub const MAX_JSONL_LINE: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Jsonl,
    Pdf,
    /// TIFF, PNG or JPEG page images.
    Image,
    Zip,
    TarGz,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Jsonl => "jsonl",
            Format::Pdf => "pdf",
            Format::Image => "image",
            Format::Zip => "zip",
            Format::TarGz => "tar.gz",
        }
    }

    /// Formats read by outside tools, which are worth skipping by hash before reading.
    pub fn is_costly(self) -> bool {
        matches!(
            self,
            Format::Pdf | Format::Image | Format::Zip | Format::TarGz
        )
    }

    /// The format a path's extension announces; files with another extension are sniffed
    /// by their first bytes (a PDF saved as `.txt` is read as a PDF) and otherwise read as text.
    pub fn detect(path: &Path) -> Result<Format, IngestError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "pdf" => Ok(Format::Pdf),
            "tif" | "tiff" | "png" | "jpg" | "jpeg" => Ok(Format::Image),
            "zip" => Ok(Format::Zip),
            "tgz" => Ok(Format::TarGz),
            "gz" if path
                .to_string_lossy()
                .to_ascii_lowercase()
                .ends_with(".tar.gz") =>
            {
                Ok(Format::TarGz)
            }
            "gz" | "doc" | "docx" | "rar" | "7z" => Err(IngestError::Unsupported {
                path: path.to_path_buf(),
                format: ext.to_uppercase(),
            }),
            _ => {
                let mut head = [0u8; 8];
                let n = File::open(path)
                    .and_then(|mut f| f.read(&mut head))
                    .unwrap_or(0);
                Ok(match known_binary(&head[..n]) {
                    Some("PDF") => Format::Pdf,
                    Some("PNG image" | "JPEG image" | "TIFF image") => Format::Image,
                    Some("zip archive") => Format::Zip,
                    Some("gzip archive") => Format::TarGz,
                    _ => Format::Text,
                })
            }
        }
    }
}

/// What reading one file gave: its hash and size, then its documents, and errors for the
/// parts that could not be read (bad JSONL lines, PDF pages).
#[derive(Debug)]
pub struct FileRead {
    pub sha256: String,
    pub size: u64,
    pub docs: Vec<Result<SourceDoc, IngestError>>,
}

#[derive(Deserialize)]
struct JsonlDoc {
    id: Option<serde_json::Value>,
    text: Option<String>,
}

/// Hash a file without reading it into memory.
pub fn hash_file(path: &Path) -> Result<(String, u64), IngestError> {
    let io = |source| IngestError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut f = File::open(path).map_err(io)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = f.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        h.update(&buf[..n]);
    }
    Ok((crate::hex(&h.finalize()), size))
}

/// Read one file into documents. `shown` is the path as the user gave it.
pub fn read_file(path: &Path, shown: &str, opts: &ReadOptions) -> Result<FileRead, IngestError> {
    read_as(path, shown, Format::detect(path)?, None, opts)
}

/// Read a file whose format is known, with its `(sha256, size)` when the caller already
/// hashed it (to skip unchanged costly files before reading: see [`Format::is_costly`]).
pub fn read_as(
    path: &Path,
    shown: &str,
    format: Format,
    hashed: Option<(String, u64)>,
    opts: &ReadOptions,
) -> Result<FileRead, IngestError> {
    let hash = || hashed.clone().map_or_else(|| hash_file(path), Ok);
    let io = |source| IngestError::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size == 0 {
        return Err(IngestError::Empty {
            path: path.to_path_buf(),
        });
    }
    match format {
        Format::Text | Format::Markdown => {
            if size > MAX_TEXT_FILE {
                return Err(IngestError::TooLarge {
                    path: path.to_path_buf(),
                    size,
                    limit: MAX_TEXT_FILE,
                });
            }
            let bytes = std::fs::read(path).map_err(io)?;
            let sha256 = sha256_hex(&bytes);
            let (text, encoding) = match decode(&bytes) {
                Decoded::Text { text, encoding } => (text, encoding),
                Decoded::Binary(why) => {
                    return Err(IngestError::Binary {
                        path: path.to_path_buf(),
                        why,
                    })
                }
            };
            if text.trim().is_empty() {
                return Err(IngestError::NoText {
                    path: path.to_path_buf(),
                });
            }
            let doc = SourceDoc {
                path: shown.to_string(),
                external_id: None,
                file_sha256: sha256.clone(),
                format,
                encoding,
                pages: 1,
                text,
                ocr_pages: Vec::new(),
            };
            Ok(FileRead {
                sha256,
                size: bytes.len() as u64,
                docs: vec![Ok(doc)],
            })
        }
        Format::Jsonl => read_jsonl(path, shown),
        Format::Pdf => {
            let (sha256, size) = hash()?;
            crate::pdf::read_pdf(path, shown, sha256, size, opts)
        }
        Format::Image => {
            let (sha256, size) = hash()?;
            crate::image::read_image(path, shown, sha256, size, opts)
        }
        Format::Zip | Format::TarGz => {
            let (sha256, size) = hash()?;
            let kind = if format == Format::Zip {
                crate::container::Kind::Zip
            } else {
                crate::container::Kind::TarGz
            };
            crate::container::read_container(
                path,
                shown,
                kind,
                sha256,
                size,
                opts,
                crate::container::Limits::default(),
            )
        }
    }
}

fn read_jsonl(path: &Path, shown: &str) -> Result<FileRead, IngestError> {
    let (sha256, size) = hash_file(path)?;
    let mut docs = Vec::new();
    jsonl_chunks(path, shown, Some(&sha256), usize::MAX, |chunk| {
        docs.extend(chunk.docs);
        Ok(())
    })?;
    Ok(FileRead { sha256, size, docs })
}

/// Lines of a JSON Lines file read together by [`jsonl_chunks`].
#[derive(Debug)]
pub struct JsonlChunk {
    /// First and last line numbers (1-based) of the chunk.
    pub lines: (usize, usize),
    /// SHA-256 of the chunk's bytes.
    pub sha256: String,
    pub size: u64,
    pub docs: Vec<Result<SourceDoc, IngestError>>,
}

/// Reads a JSON Lines file `chunk` lines at a time, so a file of any size is held one chunk
/// at a time. Each document carries `file_sha256` (or the chunk's hash when `None`) and the
/// path `shown#id`; bad lines are errors naming their line.
pub fn jsonl_chunks(
    path: &Path,
    shown: &str,
    file_sha256: Option<&str>,
    chunk: usize,
    mut each: impl FnMut(JsonlChunk) -> Result<(), IngestError>,
) -> Result<(), IngestError> {
    let io = |source| IngestError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut head = [0u8; 16];
    let n = File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(io)?;
    if let Some(kind) = known_binary(&head[..n]) {
        return Err(IngestError::Binary {
            path: path.to_path_buf(),
            why: kind.to_string(),
        });
    }
    let mut reader = BufReader::new(File::open(path).map_err(io)?);
    let mut buf = Vec::new();
    let mut line_no = 0;
    let mut eof = false;
    while !eof {
        let first = line_no + 1;
        let mut docs = Vec::new();
        let mut hash = Sha256::new();
        let mut size = 0u64;
        // documents carry the file's hash, or the chunk's, known once the chunk is read
        let sha = file_sha256.map(str::to_string);
        while docs.len() < chunk {
            buf.clear();
            let n = reader
                .by_ref()
                .take(MAX_JSONL_LINE as u64 + 1)
                .read_until(b'\n', &mut buf)
                .map_err(io)?;
            if n == 0 {
                eof = true;
                break;
            }
            line_no += 1;
            hash.update(&buf);
            size += n as u64;
            let bad = |why: String| IngestError::BadLine {
                path: path.to_path_buf(),
                line: line_no,
                why,
            };
            if buf.len() > MAX_JSONL_LINE {
                docs.push(Err(bad(format!("line longer than {MAX_JSONL_LINE} bytes"))));
                // Skip the rest of the over-long line.
                let mut sink = Vec::new();
                reader.read_until(b'\n', &mut sink).map_err(io)?;
                continue;
            }
            let line = match std::str::from_utf8(&buf) {
                Ok(l) if l.trim().is_empty() => continue,
                Ok(l) => l.trim(),
                Err(e) => {
                    docs.push(Err(bad(format!("not UTF-8: {e}"))));
                    continue;
                }
            };
            docs.push(jsonl_doc(line, line_no, shown, sha.as_deref().unwrap_or("")).map_err(bad));
        }
        if line_no < first {
            break;
        }
        let chunk_sha = crate::hex(&hash.finalize());
        if sha.is_none() {
            for d in docs.iter_mut().flatten() {
                d.file_sha256.clone_from(&chunk_sha);
            }
        }
        each(JsonlChunk {
            lines: (first, line_no),
            sha256: chunk_sha,
            size,
            docs,
        })?;
    }
    Ok(())
}

/// One JSON Lines document, `{"id", "text"}`, or why the line is not one.
fn jsonl_doc(line: &str, line_no: usize, shown: &str, sha: &str) -> Result<SourceDoc, String> {
    let parsed: JsonlDoc =
        serde_json::from_str(line).map_err(|e| format!("not a JSON object: {e}"))?;
    let text = parsed
        .text
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| "no \"text\" (or it is empty)".to_string())?;
    let id = match parsed.id {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    let label = id.clone().unwrap_or_else(|| format!("line{line_no}"));
    Ok(SourceDoc {
        path: format!("{shown}#{label}"),
        external_id: id,
        file_sha256: sha.to_string(),
        format: Format::Jsonl,
        encoding: "utf-8",
        pages: 1,
        text,
        ocr_pages: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let p = dir.join(name);
        std::fs::File::create(&p).unwrap().write_all(bytes).unwrap();
        p
    }

    #[test]
    fn text_file_is_one_document_with_its_hash() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "memo.txt", b"SECRET\nSUBJECT: Test\n");
        let r = read_file(&p, "memo.txt", &ReadOptions::default()).unwrap();
        assert_eq!(r.docs.len(), 1);
        assert_eq!(r.sha256, sha256_hex(b"SECRET\nSUBJECT: Test\n"));
        let d = r.docs.into_iter().next().unwrap().unwrap();
        assert_eq!(d.path, "memo.txt");
        assert_eq!(d.format, Format::Text);
        assert_eq!(d.id().len(), 16);
    }

    #[test]
    fn empty_blank_binary_and_pdf_files_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            ("empty.txt", &b""[..], "empty file"),
            ("blank.txt", &b"  \n\n "[..], "no text"),
            ("junk.txt", &b"ab\0\x01\x02cd"[..], "binary file"),
            ("bundle.zip", &b"PK\x03\x04"[..], "not a readable zip"),
            (
                "letter.doc",
                &b"\xd0\xcf\x11\xe0"[..],
                "DOC is not supported",
            ),
        ];
        for (name, bytes, why) in cases {
            let p = write(dir.path(), name, bytes);
            let e = read_file(&p, name, &ReadOptions::default())
                .unwrap_err()
                .to_string();
            assert!(e.contains(name) && e.contains(why), "{e}");
        }
    }

    #[test]
    fn jsonl_lines_become_documents_and_bad_lines_errors() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "batch.jsonl",
            b"{\"id\": \"A1\", \"text\": \"TO: DIRECTOR\"}\n\nnot json\n{\"id\": 7, \"text\": \"FROM: JMWAVE\"}\n{\"id\": \"B\"}\n",
        );
        let r = read_file(&p, "batch.jsonl", &ReadOptions::default()).unwrap();
        assert_eq!(r.docs.len(), 4);
        let ok: Vec<_> = r.docs.iter().filter_map(|d| d.as_ref().ok()).collect();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].path, "batch.jsonl#A1");
        assert_eq!(ok[1].external_id.as_deref(), Some("7"));
        let errs: Vec<String> = r
            .docs
            .iter()
            .filter_map(|d| d.as_ref().err())
            .map(|e| e.to_string())
            .collect();
        assert!(
            errs[0].contains("batch.jsonl:3: not a JSON object"),
            "{errs:?}"
        );
        assert!(errs[1].contains("batch.jsonl:5: no \"text\""), "{errs:?}");
    }
}
