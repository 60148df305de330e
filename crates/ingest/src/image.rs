//! Page images (TIFF, multi-page included; PNG; JPEG), OCR'd by Tesseract. A page tilted by
//! a degree or more is straightened first, and one lit unevenly is read with adaptive
//! thresholding ([`crate::preprocess`]); a TIFF of several pages goes to Tesseract whole.

use crate::ocr::OcrMode;
use crate::{FileRead, Format, IngestError, ReadOptions, SourceDoc};
use std::path::Path;
use std::sync::atomic::Ordering;

pub fn read_image(
    path: &Path,
    shown: &str,
    sha256: String,
    size: u64,
    opts: &ReadOptions,
) -> Result<FileRead, IngestError> {
    if opts.ocr == OcrMode::Never {
        return Err(IngestError::OcrDisabled {
            path: path.to_path_buf(),
        });
    }
    let Some(tess) = &opts.tesseract else {
        return Err(IngestError::OcrUnavailable {
            path: path.to_path_buf(),
            pages: 1,
        });
    };
    let tmp = crate::ocr::scratch(path)?;
    // An image this cannot decode is still Tesseract's to try (it reads more formats).
    let prep = crate::preprocess::prepare(path, tmp.path()).unwrap_or_default();
    if prep.level.is_some() || prep.uneven {
        tracing::debug!(image = %path.display(), skew = prep.skew, uneven = prep.uneven, "preprocessed before OCR");
    }
    let pages = tess
        .ocr(
            prep.level.as_deref().unwrap_or(path),
            &opts.lang,
            None,
            prep.uneven,
        )
        .map_err(|why| IngestError::Ocr {
            path: path.to_path_buf(),
            why,
        })?;
    opts.progress
        .pages
        .fetch_add(pages.len() as u64, Ordering::Relaxed);
    opts.progress
        .ocr_pages
        .fetch_add(pages.len() as u64, Ordering::Relaxed);
    let ocr_pages = pages
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            p.confidence.map(|c| declass_model::PageOcr {
                page: i as u32 + 1,
                confidence: c,
                words: p.words,
            })
        })
        .collect();
    let text = pages
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\u{c}");
    if text.trim().is_empty() {
        return Err(IngestError::NoText {
            path: path.to_path_buf(),
        });
    }
    let doc = SourceDoc {
        path: shown.to_string(),
        external_id: None,
        file_sha256: sha256.clone(),
        format: Format::Image,
        encoding: "utf-8",
        pages: pages.len().max(1) as u32,
        text,
        ocr_pages,
    };
    Ok(FileRead {
        sha256,
        size,
        docs: vec![Ok(doc)],
    })
}
