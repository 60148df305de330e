//! PDF: the text layer page by page, and OCR for the pages that have none worth keeping.
//!
//! Poppler's command-line tools do the PDF work (`pdfinfo`, `pdftotext -layout`,
//! `pdftoppm`): they read a file on demand rather than loading it whole (a 2 GB PDF costs
//! memory for its text, not its bytes), recover what they can from damaged files, and
//! keep the column layout of typed forms that text extraction libraries flatten. Pages run
//! in parallel on the caller's rayon pool: each is rendered to a grayscale PGM in a
//! temporary folder, OCR'd and deleted, so at most one page image per worker is on disk.

use crate::ocr::{OcrMode, OcrPage};
use crate::{FileRead, Format, IngestError, ReadOptions, SourceDoc};
use rayon::prelude::*;
use regex::bytes::Regex;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::Ordering;
use std::sync::LazyLock;

/// The Debian package with Poppler's tools, for messages.
pub const INSTALL_POPPLER: &str = "sudo apt-get install poppler-utils";
/// Resolution pages are rendered at for OCR: Tesseract reads typewriter text best near 300.
pub const OCR_DPI: u32 = 300;

/// What `pdfinfo` tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfInfo {
    pub pages: u32,
    pub encrypted: bool,
}

fn run(
    tool: &str,
    args: &[&std::ffi::OsStr],
    path: &Path,
) -> Result<std::process::Output, IngestError> {
    Command::new(tool).args(args).output().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            IngestError::ToolMissing {
                path: path.to_path_buf(),
                tool: tool.to_string(),
                install: INSTALL_POPPLER,
            }
        } else {
            IngestError::Io {
                path: path.to_path_buf(),
                source: e,
            }
        }
    })
}

/// The first line of a tool's complaint that says something.
fn complaint(stderr: &[u8]) -> String {
    let s = String::from_utf8_lossy(stderr);
    s.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("no message")
        .chars()
        .take(200)
        .collect()
}

pub fn info(path: &Path) -> Result<PdfInfo, IngestError> {
    let out = run("pdfinfo", &[path.as_os_str()], path)?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("Incorrect password") {
        return Err(IngestError::Encrypted {
            path: path.to_path_buf(),
        });
    }
    if !out.status.success() {
        return Err(IngestError::Pdf {
            path: path.to_path_buf(),
            why: complaint(&out.stderr),
        });
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let field = |name: &str| {
        stdout
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim_start_matches(':').trim().to_string())
    };
    let pages = field("Pages").and_then(|p| p.parse().ok()).unwrap_or(0);
    let encrypted = field("Encrypted").is_some_and(|e| e.starts_with("yes"));
    Ok(PdfInfo { pages, encrypted })
}

/// Whether a page's text layer is worth keeping: enough characters, and mostly words.
/// Scans often carry an invisible layer of junk from a bad earlier OCR; such a page is
/// read again.
pub fn usable_text(page: &str) -> bool {
    let alnum = page.chars().filter(|c| c.is_alphanumeric()).count();
    if alnum < 20 {
        return false;
    }
    let p = declass_lexicon::prose(page);
    p.tokens < 8 || p.ratio() >= 0.3
}

static OBJ: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,10})\s+(\d{1,5})\s+obj\b").expect("static regex"));
static CATALOG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/Type\s*/Catalog\b").expect("static regex"));

/// A truncated PDF (a download cut short) has lost its trailer, which names the document
/// catalog, so Poppler cannot start. Find the catalog object by scanning the file (in
/// chunks: memory stays bounded) and write a copy with a trailer naming it; Poppler then
/// rebuilds the cross-reference table and reads the pages whose objects survived.
fn with_trailer(path: &Path) -> Option<tempfile::NamedTempFile> {
    use std::io::{Read, Write};
    const CHUNK: usize = 1 << 20;
    const OVERLAP: usize = 4096;
    let mut f = std::fs::File::open(path).ok()?;
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK + OVERLAP);
    let mut root: Option<String> = None;
    let mut last_obj: Option<String> = None;
    loop {
        let keep = buf.len().min(OVERLAP);
        buf.drain(..buf.len() - keep);
        let mut chunk = vec![0u8; CHUNK];
        let n = f.read(&mut chunk).ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
        let mut objs = OBJ.captures_iter(&buf).peekable();
        for cat in CATALOG.find_iter(&buf) {
            while let Some(c) = objs.next_if(|c| c.get(0).is_some_and(|m| m.start() < cat.start()))
            {
                last_obj = Some(format!(
                    "{} {}",
                    String::from_utf8_lossy(&c[1]),
                    String::from_utf8_lossy(&c[2])
                ));
            }
            root = last_obj.clone().or(root);
        }
        if let Some(c) = objs.last() {
            last_obj = Some(format!(
                "{} {}",
                String::from_utf8_lossy(&c[1]),
                String::from_utf8_lossy(&c[2])
            ));
        }
    }
    let root = root?;
    let mut out = tempfile::Builder::new()
        .prefix("declass-repair-")
        .suffix(".pdf")
        .tempfile()
        .ok()?;
    let mut src = std::fs::File::open(path).ok()?;
    std::io::copy(&mut src, out.as_file_mut()).ok()?;
    write!(
        out.as_file_mut(),
        "\ntrailer\n<< /Root {root} R >>\n%%EOF\n"
    )
    .ok()?;
    Some(out)
}

/// Read a PDF into one document whose pages are separated by form feeds.
pub fn read_pdf(
    path: &Path,
    shown: &str,
    sha256: String,
    size: u64,
    opts: &ReadOptions,
) -> Result<FileRead, IngestError> {
    let (meta, repaired, damage) = match info(path) {
        Ok(i) => (i, None, None),
        Err(IngestError::Pdf { why, .. }) if why.contains("trailer") || why.contains("xref") => {
            let Some(copy) = with_trailer(path) else {
                return Err(IngestError::Pdf {
                    path: path.to_path_buf(),
                    why,
                });
            };
            let i = info(copy.path()).map_err(|e| e.at(path.to_path_buf()))?;
            (i, Some(copy), Some(why))
        }
        Err(e) => return Err(e),
    };
    let file = repaired.as_ref().map_or(path, |c| c.path());
    let mut read = read_pages(path, file, &meta, shown, sha256, size, opts)?;
    if let Some(why) = damage {
        let empty: Vec<String> = read
            .docs
            .iter()
            .find_map(|d| d.as_ref().ok())
            .map(|d| {
                d.text
                    .split('\u{c}')
                    .enumerate()
                    .filter(|(_, t)| t.trim().is_empty())
                    .map(|(i, _)| (i + 1).to_string())
                    .collect()
            })
            .unwrap_or_default();
        let mut lost =
            format!("damaged or truncated ({why}); its trailer was rebuilt to read what survives");
        if !empty.is_empty() {
            lost.push_str(&format!("; lost: page {}", empty.join(", ")));
        }
        match read.docs.iter_mut().find_map(|d| d.as_mut().err()) {
            Some(IngestError::Partial { why, .. }) => *why = format!("{lost}; {why}"),
            _ => read.docs.push(Err(IngestError::Partial {
                path: path.to_path_buf(),
                why: lost,
            })),
        }
    }
    Ok(read)
}

/// Read the PDF at `file` (the original `path`, or a repaired copy of it).
fn read_pages(
    path: &Path,
    file: &Path,
    info: &PdfInfo,
    shown: &str,
    sha256: String,
    size: u64,
    opts: &ReadOptions,
) -> Result<FileRead, IngestError> {
    let out = run(
        "pdftotext",
        &[
            "-layout".as_ref(),
            "-enc".as_ref(),
            "UTF-8".as_ref(),
            file.as_os_str(),
            "-".as_ref(),
        ],
        path,
    )?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut problems: Vec<String> = Vec::new();
    if !out.status.success() {
        if text.trim().is_empty() && info.pages == 0 {
            return Err(IngestError::Pdf {
                path: path.to_path_buf(),
                why: complaint(&out.stderr),
            });
        }
        problems.push(format!("text layer: {}", complaint(&out.stderr)));
    }
    // pdftotext ends every page with a form feed.
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    let n = (info.pages as usize).max(pages.len());
    pages.resize(n, String::new());
    opts.progress.pages.fetch_add(n as u64, Ordering::Relaxed);

    let wanted: Vec<usize> = (0..n)
        .filter(|&i| match opts.ocr {
            OcrMode::Always => true,
            OcrMode::Auto => !usable_text(&pages[i]),
            OcrMode::Never => false,
        })
        .collect();
    let mut ocr_pages = Vec::new();
    if !wanted.is_empty() {
        let Some(tess) = &opts.tesseract else {
            return Err(IngestError::OcrUnavailable {
                path: path.to_path_buf(),
                pages: wanted.len(),
            });
        };
        let tmp = crate::ocr::scratch(path)?;
        let results: Vec<(usize, Result<OcrPage, String>)> = wanted
            .par_iter()
            .map(|&i| {
                let r = ocr_page(file, i as u32 + 1, tmp.path(), tess, &opts.lang);
                opts.progress.ocr_pages.fetch_add(1, Ordering::Relaxed);
                (i, r)
            })
            .collect();
        for (i, r) in results {
            match r {
                Ok(page) => {
                    // Keep the text layer when OCR found less on the page than it had.
                    if page.words == 0 && !pages[i].trim().is_empty() {
                        continue;
                    }
                    if let Some(c) = page.confidence {
                        ocr_pages.push(declass_model::PageOcr {
                            page: i as u32 + 1,
                            confidence: c,
                            words: page.words,
                        });
                    }
                    pages[i] = page.text;
                }
                Err(why) => problems.push(format!("page {}: {why}", i + 1)),
            }
        }
    }
    let text = pages.join("\u{c}");
    if text.trim().is_empty() {
        return Err(match problems.first() {
            Some(p) => IngestError::Pdf {
                path: path.to_path_buf(),
                why: p.clone(),
            },
            None => IngestError::NoText {
                path: path.to_path_buf(),
            },
        });
    }
    let doc = SourceDoc {
        path: shown.to_string(),
        external_id: None,
        file_sha256: sha256.clone(),
        format: Format::Pdf,
        encoding: "utf-8",
        pages: n as u32,
        text,
        ocr_pages,
    };
    let mut docs = vec![Ok(doc)];
    if !problems.is_empty() {
        docs.push(Err(IngestError::Partial {
            path: path.to_path_buf(),
            why: problems.join("; "),
        }));
    }
    Ok(FileRead { sha256, size, docs })
}

/// Resolution of page images shown beside the text: enough to read a typed page on screen.
pub const VIEW_DPI: u32 = 100;

/// Render one page (from 1) of a PDF as a PNG for viewing, through `pdftoppm` on stdout.
/// The page's bytes only: the file is read on demand, whatever its size.
pub fn render_png(pdf: &Path, page: u32) -> Result<Vec<u8>, IngestError> {
    let p = page.max(1).to_string();
    let dpi = VIEW_DPI.to_string();
    let out = run(
        "pdftoppm",
        &[
            "-png".as_ref(),
            "-r".as_ref(),
            dpi.as_ref(),
            "-f".as_ref(),
            p.as_ref(),
            "-l".as_ref(),
            p.as_ref(),
            "-singlefile".as_ref(),
            pdf.as_os_str(),
        ],
        pdf,
    )?;
    if !out.status.success() || !out.stdout.starts_with(b"\x89PNG") {
        return Err(IngestError::Pdf {
            path: pdf.to_path_buf(),
            why: format!("cannot render page {page}: {}", complaint(&out.stderr)),
        });
    }
    Ok(out.stdout)
}

/// Render page `page` (from 1) to a grayscale PGM and OCR it.
fn ocr_page(
    pdf: &Path,
    page: u32,
    tmp: &Path,
    tess: &crate::ocr::Tesseract,
    lang: &str,
) -> Result<OcrPage, String> {
    let stem = tmp.join(format!("p{page}"));
    let p = page.to_string();
    let dpi = OCR_DPI.to_string();
    let out = Command::new("pdftoppm")
        .args(["-r", &dpi, "-gray", "-f", &p, "-l", &p, "-singlefile"])
        .arg(pdf)
        .arg(&stem)
        .output()
        .map_err(|e| format!("cannot run pdftoppm: {e}"))?;
    let image = stem.with_extension("pgm");
    if !out.status.success() || !image.is_file() {
        return Err(format!("cannot render: {}", complaint(&out.stderr)));
    }
    // Not decodable here: Tesseract reads the render as it is.
    let prep = crate::preprocess::prepare(&image, tmp).unwrap_or_default();
    if prep.level.is_some() || prep.uneven {
        tracing::debug!(pdf = %pdf.display(), page, skew = prep.skew, uneven = prep.uneven, "preprocessed before OCR");
    }
    let r = tess.ocr(
        prep.level.as_deref().unwrap_or(&image),
        lang,
        Some(OCR_DPI),
        prep.uneven,
    );
    if let Some(level) = &prep.level {
        let _ = std::fs::remove_file(level);
    }
    let _ = std::fs::remove_file(&image);
    Ok(r?.into_iter().next().unwrap_or(OcrPage {
        text: String::new(),
        confidence: None,
        words: 0,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_layer_of_words_is_kept_and_junk_is_not() {
        assert!(usable_text(
            "MEMORANDUM FOR: Chief, Security Analysis Group\nSUBJECT: Request for name check on the above"
        ));
        assert!(!usable_text("   \n  3 \n"));
        assert!(!usable_text(
            "~~ ,;' I1l !!i :: lIl1 ..,, ''` ~~~ xq zzv qqj rrt ffw 1l1l pqx zzk vvq"
        ));
    }
}
