//! What the HTTP tests share: one request through the router.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// GET `uri`: status, content type, body bytes.
pub async fn send(app: &axum::Router, uri: &str) -> (StatusCode, Option<String>, Vec<u8>) {
    let res = app
        .clone()
        .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let ctype = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (status, ctype, bytes.to_vec())
}

/// GET `uri`: status and body as text.
pub async fn get(app: &axum::Router, uri: &str) -> (StatusCode, String) {
    let (status, _, bytes) = send(app, uri).await;
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

/// A request with a method, headers and a body: status and body as text.
pub async fn call(
    app: &axum::Router,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (StatusCode, String) {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = app
        .clone()
        .oneshot(req.body(Body::from(body.to_string())).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    (
        status,
        location.map_or(text.clone(), |l| format!("location: {l}\n{text}")),
    )
}
