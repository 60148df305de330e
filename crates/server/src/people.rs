//! People and offices: the index with counts, and one page per name with its documents by
//! role and a timeline. HTML at `/people`, `/person?name=`, `/office?name=`; JSON at
//! `/api/people`, `/api/person?name=`, `/api/office?name=`.

use crate::charts::{bars, years_filled, Bar};
use crate::pages::layout;
use crate::{blocking, ApiError, Shared};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use declass_archive::{NameCount, NameDocument, NameKind, YearCount, ROLES};
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
        other => Err(ApiError::bad_request(format!(
            "kind={other:?}: use person or office"
        ))),
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
    let (this, other) = match i.kind {
        NameKind::Person => ("person", "office"),
        NameKind::Office => ("office", "person"),
    };
    let page = html! {
        h1 { "People and offices" }
        nav.tabs {
            a.on href={ "/people?kind=" (this) } { (this) "s" }
            " · "
            a href={ "/people?kind=" (other) } { (other) "s" }
        }
        form.namefilter action="/people" method="get" {
            input type="hidden" name="kind" value=(this);
            input type="search" name="q" value=(q) placeholder="Name starts with…" aria-label="Name starts with";
            button type="submit" { "Filter" }
        }
        p.summary { strong { (i.total) } " " (this) "s" @if !q.is_empty() { " starting with " q { (q) } } ", most documents first." }
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
    layout("People and offices", "", page).into_response()
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
        return Err(ApiError::not_found(format!(
            "no {} {name:?} in this archive",
            kind.as_str()
        )));
    };
    Ok(NamePage {
        kind,
        name,
        documents,
        timeline,
        appearances,
    })
}

pub async fn api_person(
    State(a): State<Shared>,
    Query(p): Query<NameParams>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let d = name_page_data(&a, NameKind::Person, p.name).await?;
    Ok(Json(serde_json::to_value(d).unwrap_or_default()))
}

pub async fn api_office(
    State(a): State<Shared>,
    Query(p): Query<NameParams>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let d = name_page_data(&a, NameKind::Office, p.name).await?;
    Ok(Json(serde_json::to_value(d).unwrap_or_default()))
}

pub async fn person_page(State(a): State<Shared>, Query(p): Query<NameParams>) -> Response {
    render(&a, NameKind::Person, p.name).await
}

pub async fn office_page(State(a): State<Shared>, Query(p): Query<NameParams>) -> Response {
    render(&a, NameKind::Office, p.name).await
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
    let search = format!("/?{param}={}", urlencode(&d.name));
    let counts: Vec<(i64, u64)> = d.timeline.iter().map(|y| (y.year, y.documents)).collect();
    let timeline: Vec<Bar> = years_filled(&counts)
        .into_iter()
        .map(|(y, n)| Bar {
            label: y.to_string(),
            value: n,
            href: format!("{search}&from={y}&to={y}"),
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
    };
    layout(&d.name, "", page).into_response()
}
