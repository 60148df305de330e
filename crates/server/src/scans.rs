//! The source file of a document: `/doc/{id}/page/{n}` renders page `n` of the file it
//! was read from (a PDF through Poppler, at 100 dpi) or serves a PNG or JPEG scan as it
//! is; `/doc/{id}/original` downloads the file. Only files the archive recorded for that
//! document are ever opened, and only while their size is unchanged.

use crate::{ApiError, Shared};
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use declass_ingest::Format;

/// What a document's source can show: `Some(true)` page images of a PDF, `Some(false)`
/// one image file, `None` nothing (text, a TIFF browsers cannot show, a moved file).
pub(crate) fn viewable(path: &std::path::Path) -> Option<bool> {
    match Format::detect(path).ok()? {
        Format::Pdf => Some(true),
        Format::Image => {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            matches!(ext.as_deref(), Some("png" | "jpg" | "jpeg")).then_some(false)
        }
        _ => None,
    }
}

pub async fn page_image(
    State(a): State<Shared>,
    Path((id, page)): Path<(String, u32)>,
) -> Response {
    let key = id.clone();
    let found =
        tokio::task::spawn_blocking(move || -> Result<Option<(Vec<u8>, &'static str)>, String> {
            let Some(path) = a.source_file(&key).map_err(|e| e.to_string())? else {
                return Ok(None);
            };
            match viewable(&path) {
                Some(true) => declass_ingest::pdf::render_png(&path, page)
                    .map(|png| Some((png, "image/png")))
                    .map_err(|e| e.to_string()),
                Some(false) if page == 1 => {
                    let bytes =
                        std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                    let ctype = if bytes.starts_with(b"\x89PNG") {
                        "image/png"
                    } else {
                        "image/jpeg"
                    };
                    Ok(Some((bytes, ctype)))
                }
                _ => Ok(None),
            }
        })
        .await;
    match found {
        Ok(Ok(Some((bytes, ctype)))) => {
            let mut r = bytes.into_response();
            let h = r.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("max-age=3600"));
            r
        }
        Ok(Ok(None)) => ApiError::not_found(format!(
            "no page image {page} for document {id:?}: its source is text, not on disk any more, or not an image"
        ))
        .into_response(),
        Ok(Err(why)) => ApiError::not_found(why).into_response(),
        Err(e) => ApiError::bad_request(e.to_string()).into_response(),
    }
}

/// Files larger than this are not offered for download through the server.
const MAX_ORIGINAL: u64 = 512 * 1024 * 1024;

pub async fn original(State(a): State<Shared>, Path(id): Path<String>) -> Response {
    let key = id.clone();
    let found =
        tokio::task::spawn_blocking(move || -> Result<Option<(Vec<u8>, String)>, String> {
            let Some(path) = a.source_file(&key).map_err(|e| e.to_string())? else {
                return Ok(None);
            };
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            if size > MAX_ORIGINAL {
                return Err(format!(
                    "{}: {size} bytes is over the download limit; open it from disk",
                    path.display()
                ));
            }
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().replace('"', ""))
                .unwrap_or_else(|| "original".into());
            Ok(Some((bytes, name)))
        })
        .await;
    match found {
        Ok(Ok(Some((bytes, name)))) => {
            let mut r = bytes.into_response();
            let h = r.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/octet-stream"),
            );
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
                h.insert(header::CONTENT_DISPOSITION, v);
            }
            r
        }
        Ok(Ok(None)) => ApiError::not_found(format!(
            "the original of document {id:?} is not on disk any more (or came from a JSONL file or a container)"
        ))
        .into_response(),
        Ok(Err(why)) => ApiError::bad_request(why).into_response(),
        Err(e) => ApiError::bad_request(e.to_string()).into_response(),
    }
}
