//! `/api/export`: any result set as CSV or JSON Lines, streamed. The archive hands over
//! batches of records; each batch is written and sent before the next is read, through a
//! bounded channel, so a million rows never sit in memory, and a client that hangs up
//! stops the export.

use crate::api::parse_request;
use crate::ApiError;
use crate::Shared;
use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use declass_model::{table, Record};

/// Records per batch read from the archive.
const BATCH: usize = 500;
/// Batches in flight between the archive thread and the client.
const IN_FLIGHT: usize = 4;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Csv,
    Jsonl,
}

fn encode(format: Format, batch: &[Record], first: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(batch.len() * 512);
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            if first {
                w.write_record(table::COLUMNS).map_err(|e| e.to_string())?;
            }
            for s in batch {
                w.write_record(table::row(s)).map_err(|e| e.to_string())?;
            }
            w.flush().map_err(|e| e.to_string())?;
        }
        Format::Jsonl => {
            for s in batch {
                serde_json::to_writer(&mut out, s).map_err(|e| e.to_string())?;
                out.push(b'\n');
            }
        }
    }
    Ok(out)
}

pub async fn export(State(a): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let req = match parse_request(raw.as_deref()) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let format =
        match serde_urlencoded::from_str::<Vec<(String, String)>>(raw.as_deref().unwrap_or(""))
            .unwrap_or_default()
            .into_iter()
            .find(|(k, _)| k == "format")
            .map(|(_, v)| v)
            .as_deref()
        {
            None | Some("csv") => Format::Csv,
            Some("jsonl") | Some("ndjson") => Format::Jsonl,
            Some(other) => {
                return ApiError::bad_request(format!("format={other:?}: use csv or jsonl"))
                    .into_response()
            }
        };
    // Bad queries are reported before the stream starts, with a status to match.
    let check = req.clone();
    let a2 = a.clone();
    let checked = tokio::task::spawn_blocking(move || {
        a2.search(&declass_archive::SearchRequest {
            limit: 1,
            facets: false,
            ..check
        })
    })
    .await;
    match checked {
        Ok(Ok(_)) => {}
        Ok(Err(e)) => return ApiError::from(e).into_response(),
        Err(e) => return ApiError::bad_request(e.to_string()).into_response(),
    }
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(IN_FLIGHT);
    tokio::task::spawn_blocking(move || {
        let mut first = true;
        let result = a.for_each_match(&req, BATCH, |batch| {
            let bytes = match encode(format, &batch, first) {
                Ok(b) => b,
                Err(why) => {
                    let _ = tx.blocking_send(Err(std::io::Error::other(why)));
                    return Ok(false);
                }
            };
            first = false;
            // A closed channel: the client went away; stop reading.
            Ok(tx.blocking_send(Ok(Bytes::from(bytes))).is_ok())
        });
        match result {
            Ok(_) if first && format == Format::Csv => {
                // No rows: still a valid CSV with its header.
                if let Ok(b) = encode(format, &[], true) {
                    let _ = tx.blocking_send(Ok(Bytes::from(b)));
                }
            }
            Ok(_) => {}
            Err(e) => {
                tracing::error!("export stopped: {e}");
                let _ = tx.blocking_send(Err(std::io::Error::other(e.to_string())));
            }
        }
    });
    let body = Body::from_stream(tokio_stream::wrappers::ReceiverStream::new(rx));
    let (ctype, name) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "declass-export.csv"),
        Format::Jsonl => ("application/x-ndjson", "declass-export.jsonl"),
    };
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}
