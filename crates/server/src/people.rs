//! People, offices, organizations and places: the index with counts, one page per name
//! with its documents by role and a timeline, and corrections (merge, mark wrong). HTML at
//! `/people?kind=`, `/person?name=`, `/office?name=`, `/organization?name=`, `/place?name=`;
//! JSON at `/api/people`, `/api/person?name=` (and office, organization, place),
//! `/api/corrections` (GET lists, POST stores, DELETE removes).

use crate::charts::{bars, years_filled, Bar};
use crate::pages::layout;
use crate::{blocking, ApiError, Shared};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use declass_archive::{Correction, NameCount, NameDocument, NameKind, YearCount, ROLES};
use maud::html;
use serde::{Deserialize, Serialize};

/// Documents listed on a name's page.
const PAGE_DOCUMENTS: usize = 1000;
const PAGE_NAMES: usize = 200;

#[derive(Deserialize, Default)]
pub struct IndexParams {
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    q: Option<String>,
    #[serde(default)]
    offset: Option<usize>,
    #[serde(default)]
    limit: Option<usize>,
}

fn kind_of(s: Option<&str>) -> Result<NameKind, ApiError> {
    match s.unwrap_or("person") {
        "person" | "people" | "" => Ok(NameKind::Person),
        "office" | "offices" => Ok(NameKind::Office),
        "organization" | "organizations" => Ok(NameKind::Organization),
        "place" | "places" => Ok(NameKind::Place),
        other => Err(ApiError::bad_request(format!(
            "kind={other:?}: use person, office, organization or place"
        ))),
    }
}

fn plural(kind: NameKind) -> &'static str {
    match kind {
        NameKind::Person => "people",
        NameKind::Office => "offices",
        NameKind::Organization => "organizations",
        NameKind::Place => "places",
    }
}

/// Where a name's documents are searched: the person and office filters, or the name as
/// a phrase (organizations and places are not filters).
fn search_link(kind: NameKind, name: &str) -> String {
    match kind {
        NameKind::Person | NameKind::Office => format!("/?{}={}", kind.as_str(), urlencode(name)),
        _ => format!(
            "/?q={}",
            urlencode(&format!("\"{}\"", name.replace('"', "")))
        ),
    }
}

#[derive(Serialize)]
struct Index {
    kind: NameKind,
    total: u64,
    offset: usize,
    names: Vec<NameCount>,
}

async fn index(a: &Shared, p: IndexParams) -> Result<Index, ApiError> {
    let kind = kind_of(p.kind.as_deref())?;
    let prefix = p.q.unwrap_or_default();
    let offset = p.offset.unwrap_or(0);
    let limit = p.limit.unwrap_or(PAGE_NAMES);
    let (total, names) = blocking(a, move |a| a.names(kind, prefix.trim(), offset, limit)).await?;
    Ok(Index {
        kind,
        total,
        offset,
        names,
    })
}

pub async fn api_index(
    State(a): State<Shared>,
    Query(p): Query<IndexParams>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let i = index(&a, p).await?;
    Ok(Json(serde_json::to_value(i).unwrap_or_default()))
}

pub async fn index_page(State(a): State<Shared>, Query(p): Query<IndexParams>) -> Response {
    let q = p.q.clone().unwrap_or_default();
    let i = match index(&a, p).await {
        Ok(i) => i,
        Err(e) => return e.into_response(),
    };
    let this = i.kind.as_str();
    let page = html! {
        h1 { "People, offices, organizations and places" }
        nav.tabs {
            @for (n, k) in NameKind::ALL.into_iter().enumerate() {
                @if n > 0 { " · " }
                @if k == i.kind {
                    a.on href={ "/people?kind=" (k.as_str()) } { (plural(k)) }
                } @else {
                    a href={ "/people?kind=" (k.as_str()) } { (plural(k)) }
                }
            }
        }
        form.namefilter action="/people" method="get" {
            input type="hidden" name="kind" value=(this);
            input type="search" name="q" value=(q) placeholder="Name starts with…" aria-label="Name starts with";
            button type="submit" { "Filter" }
        }
        p.summary { strong { (i.total) } " " (plural(i.kind)) @if !q.is_empty() { " starting with " q { (q) } } ", most documents first." }
        table.names {
            thead { tr { th { (this) } th.num { "documents" } } }
            tbody {
                @for n in &i.names {
                    tr {
                        td { a href={ "/" (this) "?name=" (urlencode(&n.name)) } { (n.name) } }
                        td.num { (n.documents) }
                    }
                }
            }
        }
        nav.pager {
            @if i.offset > 0 {
                a href={ "/people?kind=" (this) "&q=" (urlencode(&q)) "&offset=" (i.offset.saturating_sub(PAGE_NAMES)) } { "← previous" }
            }
            @if (i.offset + i.names.len()) < i.total as usize {
                a href={ "/people?kind=" (this) "&q=" (urlencode(&q)) "&offset=" (i.offset + PAGE_NAMES) } { "next →" }
            }
        }
    };
    layout("People, offices, organizations and places", "", page).into_response()
}

pub(crate) fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)])
        .unwrap_or_default()
        .trim_start_matches('=')
        .to_string()
}

#[derive(Deserialize)]
pub struct NameParams {
    name: String,
}

#[derive(Serialize)]
struct NamePage {
    kind: NameKind,
    name: String,
    documents: u64,
    timeline: Vec<YearCount>,
    /// Documents with the role the name has in each, oldest first (at most 1,000).
    appearances: Vec<NameDocument>,
}

async fn name_page_data(a: &Shared, kind: NameKind, name: String) -> Result<NamePage, ApiError> {
    let n = name.clone();
    let found = blocking(a, move |a| {
        let Some(count) = a.name_count(kind, &n)? else {
            return Ok(None);
        };
        Ok(Some((
            count,
            a.name_timeline(kind, &n)?,
            a.name_documents(kind, &n, PAGE_DOCUMENTS)?,
        )))
    })
    .await?;
    let Some((documents, timeline, appearances)) = found else {
        let n = name.clone();
        let why = match blocking(a, move |a| a.correction(kind, &n)).await? {
            Some(Correction::Merge { into }) => format!("{name:?} was merged into {into:?}"),
            Some(Correction::Wrong) => format!("{name:?} was marked as not a {}", kind.as_str()),
            None => format!("no {} {name:?} in this archive", kind.as_str()),
        };
        return Err(ApiError::not_found(why));
    };
    Ok(NamePage {
        kind,
        name,
        documents,
        timeline,
        appearances,
    })
}

/// `/api/person`, `/api/office`, `/api/organization`, `/api/place`.
pub async fn api_name(
    kind: NameKind,
    a: Shared,
    p: NameParams,
) -> Result<Json<serde_json::Value>, ApiError> {
    let d = name_page_data(&a, kind, p.name).await?;
    Ok(Json(serde_json::to_value(d).unwrap_or_default()))
}

/// `/person`, `/office`, `/organization`, `/place`. A name merged into another goes there.
pub async fn name_page(kind: NameKind, a: Shared, p: NameParams) -> Response {
    let n = p.name.clone();
    if let Ok(Some(Correction::Merge { into })) =
        blocking(&a, move |a| a.correction(kind, &n)).await
    {
        let to = format!("/{}?name={}", kind.as_str(), urlencode(&into));
        return axum::response::Redirect::to(&to).into_response();
    }
    render(&a, kind, p.name).await
}

async fn render(a: &Shared, kind: NameKind, name: String) -> Response {
    let d = match name_page_data(a, kind, name.clone()).await {
        Ok(d) => d,
        Err(ApiError(StatusCode::NOT_FOUND, msg, _)) => {
            let m = layout("Not found", "", html! { div.error { (msg) } });
            return (StatusCode::NOT_FOUND, m).into_response();
        }
        Err(e) => return e.into_response(),
    };
    let param = kind.as_str();
    let search = search_link(kind, &d.name);
    let sep = if search.contains('?') { "&" } else { "?" };
    let counts: Vec<(i64, u64)> = d.timeline.iter().map(|y| (y.year, y.documents)).collect();
    let timeline: Vec<Bar> = years_filled(&counts)
        .into_iter()
        .map(|(y, n)| Bar {
            label: y.to_string(),
            value: n,
            href: format!("{search}{sep}from={y}&to={y}"),
        })
        .collect();
    let page = html! {
        h1 { (d.name) }
        p.summary {
            (param) " · named in " strong { (d.documents) } " document" @if d.documents != 1 { "s" }
            " · " a href=(search) { "search these documents" }
            " · " a href={ "/api/" (param) "?name=" (urlencode(&d.name)) } { "JSON" }
        }
        (bars(&format!("Documents per year naming {}", d.name), &timeline))
        @for (role, label) in ROLES {
            @let docs: Vec<&NameDocument> = d.appearances.iter().filter(|x| x.role == role).collect();
            @if !docs.is_empty() {
                section.role {
                    h2 { "As " (label) " " span.count { (docs.len()) } }
                    table.names {
                        tbody {
                            @for x in docs {
                                tr {
                                    td.date { (x.date.as_deref().unwrap_or("undated")) }
                                    td { a href={ "/doc/" (x.id) } { (x.title.as_deref().unwrap_or("(no title)")) } }
                                    td.muted { (x.doc_type.as_deref().unwrap_or("").replace('_', " ")) }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if d.appearances.len() >= PAGE_DOCUMENTS {
            p.muted { "The first " (PAGE_DOCUMENTS) " appearances by date; " a href=(search) { "search" } " for all." }
        }
        section.correct {
            h2 { "Correct this " (param) }
            p.muted { "Corrections are kept apart from what extraction found, apply at once, and survive re-ingest." }
            form method="post" action="/corrections" {
                input type="hidden" name="kind" value=(param);
                input type="hidden" name="name" value=(d.name);
                input type="hidden" name="action" value="merge";
                label { "Same " (param) " as " input type="text" name="into" required placeholder="another name, exactly as listed"; }
                " " button type="submit" { "Merge" }
            }
            form method="post" action="/corrections" {
                input type="hidden" name="kind" value=(param);
                input type="hidden" name="name" value=(d.name);
                input type="hidden" name="action" value="wrong";
                button type="submit" { "Not a " (param) }
            }
        }
    };
    layout(&d.name, "", page).into_response()
}

/// A correction as the API and the name page's forms send it.
#[derive(Deserialize)]
pub struct CorrectionRequest {
    kind: String,
    name: String,
    /// `merge` or `wrong`.
    action: String,
    /// For `merge`: the name it is.
    #[serde(default)]
    into: Option<String>,
}

fn correction_of(r: &CorrectionRequest) -> Result<(NameKind, Correction), ApiError> {
    let kind = kind_of(Some(&r.kind))?;
    let c = match (r.action.as_str(), r.into.as_deref().map(str::trim)) {
        ("merge", Some(into)) if !into.is_empty() => Correction::Merge {
            into: into.to_string(),
        },
        ("merge", _) => {
            return Err(ApiError::bad_request(
                "a merge needs `into`: the name it is".into(),
            ))
        }
        ("wrong", _) => Correction::Wrong,
        (other, _) => {
            return Err(ApiError::bad_request(format!(
                "action={other:?}: use merge or wrong"
            )))
        }
    };
    Ok((kind, c))
}

/// A form posted from another site must not change the archive: when the browser says
/// where the request comes from, it must be this server.
fn same_origin(headers: &axum::http::HeaderMap) -> Result<(), ApiError> {
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok());
    match (
        headers
            .get(axum::http::header::ORIGIN)
            .and_then(|o| o.to_str().ok()),
        host,
    ) {
        (None, _) => Ok(()),
        (Some(origin), Some(host)) if origin.split("://").nth(1) == Some(host) => Ok(()),
        _ => Err(ApiError(
            StatusCode::FORBIDDEN,
            "corrections are taken only from this server's own pages".into(),
            "forbidden",
        )),
    }
}

#[derive(Serialize)]
struct Stored {
    kind: NameKind,
    name: String,
    #[serde(flatten)]
    correction: Correction,
}

/// `POST /api/corrections` with JSON `{kind, name, action, into?}`.
pub async fn api_correct(
    State(a): State<Shared>,
    headers: axum::http::HeaderMap,
    Json(r): Json<CorrectionRequest>,
) -> Result<Json<serde_json::Value>, ApiError> {
    same_origin(&headers)?;
    let (kind, c) = correction_of(&r)?;
    let name = r.name.clone();
    let stored = blocking(&a, move |a| a.correct(kind, &name, &c)).await?;
    let out = Stored {
        kind,
        name: r.name,
        correction: stored,
    };
    Ok(Json(serde_json::to_value(out).unwrap_or_default()))
}

/// `GET /api/corrections`: every correction, newest first.
pub async fn api_corrections(State(a): State<Shared>) -> Result<Json<serde_json::Value>, ApiError> {
    let rows = blocking(&a, |a| a.corrections()).await?;
    Ok(Json(serde_json::json!({ "corrections": rows })))
}

#[derive(Deserialize)]
pub struct UndoParams {
    kind: String,
    name: String,
}

/// `DELETE /api/corrections?kind=&name=`.
pub async fn api_uncorrect(
    State(a): State<Shared>,
    headers: axum::http::HeaderMap,
    Query(p): Query<UndoParams>,
) -> Result<Json<serde_json::Value>, ApiError> {
    same_origin(&headers)?;
    let kind = kind_of(Some(&p.kind))?;
    let name = p.name.clone();
    let removed = blocking(&a, move |a| a.uncorrect(kind, &name)).await?;
    if !removed {
        return Err(ApiError::not_found(format!(
            "no correction of {} {:?}",
            kind.as_str(),
            p.name
        )));
    }
    Ok(Json(
        serde_json::json!({ "removed": true, "kind": kind, "name": p.name }),
    ))
}

/// `POST /corrections` from a name page's forms: store, then show the result.
pub async fn form_correct(
    State(a): State<Shared>,
    headers: axum::http::HeaderMap,
    axum::Form(r): axum::Form<CorrectionRequest>,
) -> Response {
    let done = async {
        same_origin(&headers)?;
        let (kind, c) = correction_of(&r)?;
        let name = r.name.clone();
        let stored = blocking(&a, move |a| a.correct(kind, &name, &c)).await?;
        Ok::<_, ApiError>((kind, stored))
    };
    match done.await {
        Ok((kind, Correction::Merge { into })) => {
            axum::response::Redirect::to(&format!("/{}?name={}", kind.as_str(), urlencode(&into)))
                .into_response()
        }
        Ok((kind, Correction::Wrong)) => {
            axum::response::Redirect::to(&format!("/people?kind={}", kind.as_str())).into_response()
        }
        Err(ApiError(status, msg, _)) => (
            status,
            layout("Not corrected", "", html! { div.error { (msg) } }),
        )
            .into_response(),
    }
}
