//! Containers: zip and tar.gz releases, read in place.
//!
//! Each entry is copied, with a size cap, to a temporary file and read like a file on disk
//! (text, JSONL, PDF or image), then deleted: one entry on disk at a time. Document paths
//! name the entry: `release.zip#box3/memo.pdf`. An archive is untrusted input, so:
//! - sizes are counted as bytes come out, not taken from headers, and a run over
//!   [`Limits::total_bytes`], or one entry expanding more than [`Limits::max_ratio`] times
//!   its compressed size, stops the container (a zip bomb is refused, not unpacked);
//! - entries whose names climb out (`../`) or are absolute are refused by name; nothing is
//!   ever written under an entry's own name, so they could not escape anyway;
//! - containers inside containers are reported, not opened (no recursion to exploit).

use crate::formats::read_file;
use crate::{FileRead, IngestError, ReadOptions};
use std::io::{Read, Write};
use std::path::{Component, Path};

/// Caps on what one container may expand to.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub entries: usize,
    /// Uncompressed bytes of all entries together.
    pub total_bytes: u64,
    /// Uncompressed bytes of one entry.
    pub entry_bytes: u64,
    /// Largest uncompressed / compressed size of an entry over [`RATIO_FROM`] bytes, read
    /// from the zip's headers before unpacking (the byte count catches headers that lie).
    pub max_ratio: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            entries: 1_000_000,
            total_bytes: 64 << 30,
            entry_bytes: 4 << 30,
            // Text compresses 3–10x, scans less; only bombs reach hundreds.
            max_ratio: 200,
        }
    }
}

/// Entries smaller than this are not checked for their ratio.
pub const RATIO_FROM: u64 = 64 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Zip,
    TarGz,
}

fn bad(path: &Path, why: impl Into<String>) -> IngestError {
    IngestError::Container {
        path: path.to_path_buf(),
        why: why.into(),
    }
}

/// Whether an entry name stays inside the container's root.
fn safe_name(name: &str) -> bool {
    let p = Path::new(name);
    !name.starts_with('/')
        && !name.starts_with('\\')
        && !name.contains(":\\")
        && p.components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

fn is_container(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [".zip", ".tar", ".tar.gz", ".tgz", ".gz"]
        .iter()
        .any(|e| n.ends_with(e))
}

struct Reader<'a> {
    path: &'a Path,
    shown: &'a str,
    opts: &'a ReadOptions,
    limits: Limits,
    tmp: tempfile::TempDir,
    total: u64,
    entries: usize,
    out: Vec<Result<crate::SourceDoc, IngestError>>,
}

impl Reader<'_> {
    /// Read one entry. `Err` stops the whole container (a limit was crossed).
    fn entry(&mut self, name: &str, data: &mut dyn Read) -> Result<(), IngestError> {
        self.entries += 1;
        if self.entries > self.limits.entries {
            return Err(bad(
                self.path,
                format!("more than {} entries", self.limits.entries),
            ));
        }
        if !safe_name(name) {
            self.out.push(Err(IngestError::UnsafeEntry {
                path: self.path.to_path_buf(),
                entry: name.to_string(),
            }));
            return Ok(());
        }
        if is_container(name) {
            self.out.push(Err(IngestError::Unsupported {
                path: self.path.join(name),
                format: "a container inside a container".into(),
            }));
            return Ok(());
        }
        // Keep the entry's extension (formats are detected by it); never its path.
        let ext = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .filter(|e| e.len() <= 8 && e.chars().all(|c| c.is_ascii_alphanumeric()))
            .map(|e| format!(".{e}"))
            .unwrap_or_default();
        let mut file = tempfile::Builder::new()
            .suffix(&ext)
            .tempfile_in(self.tmp.path())
            .map_err(|source| IngestError::Io {
                path: self.path.to_path_buf(),
                source,
            })?;
        let cap = self
            .limits
            .entry_bytes
            .min(self.limits.total_bytes - self.total);
        let copied = std::io::copy(&mut data.take(cap + 1), file.as_file_mut())
            .map_err(|e| bad(self.path, format!("{name}: cannot be unpacked: {e}")))?;
        self.total += copied;
        if copied > cap {
            return Err(bad(
                self.path,
                format!(
                    "{name}: expands past the limit ({} bytes in all, {} per entry): refused as a possible zip bomb",
                    self.limits.total_bytes, self.limits.entry_bytes
                ),
            ));
        }
        file.as_file_mut()
            .flush()
            .map_err(|source| IngestError::Io {
                path: self.path.to_path_buf(),
                source,
            })?;
        let shown = format!("{}#{name}", self.shown);
        let entry_path = self.path.join(name);
        match read_file(file.path(), &shown, self.opts) {
            Ok(FileRead { docs, .. }) => self.out.extend(
                docs.into_iter()
                    .map(|d| d.map_err(|e| e.at(entry_path.clone()))),
            ),
            // An empty entry (a folder marker, a placeholder) is not worth an error.
            Err(IngestError::Empty { .. }) => {}
            Err(e) => self.out.push(Err(e.at(entry_path))),
        }
        Ok(())
    }
}

/// Read every entry of a zip or tar.gz container.
pub fn read_container(
    path: &Path,
    shown: &str,
    kind: Kind,
    sha256: String,
    size: u64,
    opts: &ReadOptions,
    limits: Limits,
) -> Result<FileRead, IngestError> {
    let io = |source| IngestError::Io {
        path: path.to_path_buf(),
        source,
    };
    let tmp = tempfile::Builder::new()
        .prefix("declass-unpack-")
        .tempdir()
        .map_err(io)?;
    let mut r = Reader {
        path,
        shown,
        opts,
        limits,
        tmp,
        total: 0,
        entries: 0,
        out: Vec::new(),
    };
    let stopped = match kind {
        Kind::Zip => {
            let f = std::fs::File::open(path).map_err(io)?;
            let mut zip = zip::ZipArchive::new(f)
                .map_err(|e| bad(path, format!("not a readable zip: {e}")))?;
            let mut stop = None;
            for i in 0..zip.len() {
                let mut entry = match zip.by_index(i) {
                    Ok(e) => e,
                    Err(e) => {
                        r.out.push(Err(bad(path, format!("entry {i}: {e}"))));
                        continue;
                    }
                };
                if entry.is_dir() {
                    continue;
                }
                let name = match entry.name() {
                    Ok(n) => n.into_owned(),
                    Err(e) => {
                        r.out.push(Err(bad(path, format!("entry {i}: name: {e}"))));
                        continue;
                    }
                };
                let (big, packed) = (entry.size(), entry.compressed_size().max(1));
                if big > RATIO_FROM && big / packed > limits.max_ratio {
                    stop = Some(bad(
                        path,
                        format!(
                            "{name}: expands {}x ({big} bytes from {packed}): refused as a possible zip bomb",
                            big / packed
                        ),
                    ));
                    break;
                }
                if let Err(e) = r.entry(&name, &mut entry) {
                    stop = Some(e);
                    break;
                }
            }
            stop
        }
        Kind::TarGz => {
            let f = std::fs::File::open(path).map_err(io)?;
            let mut tar = tar::Archive::new(flate2::read::MultiGzDecoder::new(f));
            let mut stop = None;
            match tar.entries() {
                Err(e) => stop = Some(bad(path, format!("not a readable tar.gz: {e}"))),
                Ok(entries) => {
                    for entry in entries {
                        let mut entry = match entry {
                            Ok(e) => e,
                            Err(e) => {
                                stop = Some(bad(path, format!("cut short or damaged: {e}")));
                                break;
                            }
                        };
                        if !entry.header().entry_type().is_file() {
                            continue;
                        }
                        let name = match entry.path() {
                            Ok(p) => p.to_string_lossy().into_owned(),
                            Err(e) => {
                                r.out.push(Err(bad(path, format!("entry name: {e}"))));
                                continue;
                            }
                        };
                        if let Err(e) = r.entry(&name, &mut entry) {
                            stop = Some(e);
                            break;
                        }
                    }
                }
            }
            stop
        }
    };
    let mut docs = r.out;
    // An entry waiting for OCR makes the whole container wait: `--resume` reads it again.
    let waiting: usize = docs
        .iter()
        .filter_map(|d| d.as_ref().err())
        .filter(|e| e.is_waiting())
        .count();
    if waiting > 0 {
        return Err(IngestError::OcrUnavailable {
            path: path.to_path_buf(),
            pages: waiting,
        });
    }
    if let Some(e) = stopped {
        if !docs.iter().any(|d| d.is_ok()) {
            return Err(e);
        }
        docs.push(Err(e));
    }
    if docs.is_empty() {
        return Err(IngestError::NoText {
            path: path.to_path_buf(),
        });
    }
    Ok(FileRead { sha256, size, docs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_climb_out_are_unsafe() {
        assert!(safe_name("box3/memo.pdf"));
        assert!(safe_name("./memo.txt"));
        assert!(!safe_name("../../etc/passwd"));
        assert!(!safe_name("box/../../x.txt"));
        assert!(!safe_name("/etc/passwd"));
        assert!(!safe_name("C:\\Windows\\x.txt"));
    }
}
