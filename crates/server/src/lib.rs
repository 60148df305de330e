//! HTTP: a JSON API and server-rendered HTML pages over one archive.
//!
//! Routes: `/` (search page), `/doc/{id}` (document page), `/diff/{old}/{new}`,
//! `/api/search`, `/api/documents/{id}`, `/api/diff/{old}/{new}`, `/api/stats`, `/api/facets`, `/api/errors`, `/static/*`.
//! Every page escapes document text (maud escapes by default); nothing is served from
//! the file system; query size and result windows are bounded by the archive crate.

mod api;
mod charts;
mod export;
mod pages;
mod people;
mod scans;
mod views;

use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use declass_archive::{Archive, ArchiveError, NameKind};
use std::sync::Arc;

pub type Shared = Arc<Archive>;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("server stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// The router, for serving and for tests.
pub fn router(archive: Archive) -> Router {
    let shared: Shared = Arc::new(archive);
    Router::new()
        .route("/", get(pages::search_page))
        .route("/doc/{id}", get(pages::document_page))
        .route("/doc/{id}/text", get(pages::document_text))
        .route("/doc/{id}/page/{n}", get(scans::page_image))
        .route("/doc/{id}/original", get(scans::original))
        .route("/diff/{old}/{new}", get(pages::diff_page))
        .route("/secrecy", get(views::secrecy_page))
        .route("/network", get(views::network_page))
        .route("/collection", get(views::collection_page))
        .route("/people", get(people::index_page))
        .route(
            "/person",
            get(|s, q: Query<people::NameParams>| people::name_page(NameKind::Person, s_(s), q.0)),
        )
        .route(
            "/office",
            get(|s, q: Query<people::NameParams>| people::name_page(NameKind::Office, s_(s), q.0)),
        )
        .route(
            "/organization",
            get(|s, q: Query<people::NameParams>| {
                people::name_page(NameKind::Organization, s_(s), q.0)
            }),
        )
        .route(
            "/place",
            get(|s, q: Query<people::NameParams>| people::name_page(NameKind::Place, s_(s), q.0)),
        )
        .route("/corrections", post(people::form_correct))
        .route("/static/style.css", get(pages::stylesheet))
        .route("/api/search", get(api::search))
        .route("/api/facets", get(api::facets))
        .route("/api/documents/{id}", get(api::document))
        .route("/api/diff/{old}/{new}", get(api::diff))
        .route("/api/export", get(export::export))
        .route("/api/secrecy", get(views::api_secrecy))
        .route("/api/network", get(views::api_network))
        .route("/api/collection", get(views::api_collection))
        .route("/api/people", get(people::api_index))
        .route(
            "/api/person",
            get(|s, q: Query<people::NameParams>| people::api_name(NameKind::Person, s_(s), q.0)),
        )
        .route(
            "/api/office",
            get(|s, q: Query<people::NameParams>| people::api_name(NameKind::Office, s_(s), q.0)),
        )
        .route(
            "/api/organization",
            get(|s, q: Query<people::NameParams>| {
                people::api_name(NameKind::Organization, s_(s), q.0)
            }),
        )
        .route(
            "/api/place",
            get(|s, q: Query<people::NameParams>| people::api_name(NameKind::Place, s_(s), q.0)),
        )
        .route(
            "/api/corrections",
            get(people::api_corrections)
                .post(people::api_correct)
                .delete(people::api_uncorrect),
        )
        .route("/api/openapi.json", get(openapi))
        .route("/api/stats", get(api::stats))
        .route("/api/errors", get(api::errors))
        .fallback(|| async { (StatusCode::NOT_FOUND, "not found") })
        // Bodies are only corrections (a kind and two names).
        .layer(DefaultBodyLimit::max(16 * 1024))
        .layer(axum::middleware::from_fn(server_timing))
        .with_state(shared)
}

/// Every response says how long the server took to make it (`Server-Timing: app;dur=3.21`,
/// milliseconds): browsers show it beside the network time, and the benchmark reads it to
/// tell server time from the client's. For a streamed export it covers the work before the
/// first byte.
async fn server_timing(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let started = std::time::Instant::now();
    let mut res = next.run(req).await;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if let Ok(v) = HeaderValue::from_str(&format!("app;dur={ms:.2}")) {
        res.headers_mut().insert("server-timing", v);
    }
    res
}

/// The shared archive out of a handler's state (for the per-kind name routes).
fn s_(s: State<Shared>) -> Shared {
    s.0
}

/// The API's description (OpenAPI 3.1), kept beside the routes; a test checks every
/// `/api/` route is in it.
pub const OPENAPI: &str = include_str!("openapi.json");

async fn openapi() -> Response {
    let mut r = OPENAPI.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

/// Serve until Ctrl-C.
pub async fn serve(archive: Archive, bind: &str, port: u16) -> Result<(), ServeError> {
    let addr = format!("{bind}:{port}");
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .map_err(|source| ServeError::Bind {
            addr: addr.clone(),
            source,
        })?;
    let local = listener.local_addr()?;
    eprintln!(
        "declass: serving {} on http://{local}/ (Ctrl-C to stop)",
        archive.dir().display()
    );
    axum::serve(listener, router(archive))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// An error as the API shows it: a status and `{"error": ..., "kind": ...}`.
pub struct ApiError(StatusCode, String, &'static str);

impl From<ArchiveError> for ApiError {
    fn from(e: ArchiveError) -> Self {
        match e {
            ArchiveError::Query { .. } => {
                ApiError(StatusCode::BAD_REQUEST, e.to_string(), "bad_query")
            }
            _ => {
                tracing::error!("{e}");
                ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string(), "internal")
            }
        }
    }
}

impl ApiError {
    pub fn not_found(what: String) -> ApiError {
        ApiError(StatusCode::NOT_FOUND, what, "not_found")
    }
    pub fn bad_request(what: String) -> ApiError {
        ApiError(StatusCode::BAD_REQUEST, what, "bad_request")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({"error": self.1, "kind": self.2});
        (self.0, axum::Json(body)).into_response()
    }
}

/// Run archive work off the async threads.
pub(crate) async fn blocking<T: Send + 'static>(
    archive: &Shared,
    f: impl FnOnce(&Archive) -> Result<T, ArchiveError> + Send + 'static,
) -> Result<T, ApiError> {
    let a = archive.clone();
    tokio::task::spawn_blocking(move || f(&a))
        .await
        .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string(), "internal"))?
        .map_err(ApiError::from)
}

pub(crate) fn css_response(body: &'static str) -> Response {
    let mut r = body.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    r
}
