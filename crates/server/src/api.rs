//! JSON API. Query parameters are the same as the search page's, so a page URL's query
//! string works on `/api/search` too.

use crate::{blocking, ApiError, Shared};
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use declass_archive::{SearchRequest, Sort};

/// A switch given as a query parameter: `1`, `true`, `on` or `yes`.
fn switched_on(v: &str) -> bool {
    matches!(v, "1" | "true" | "on" | "yes")
}

/// Parse a query string into a search request. Multi-valued filters may repeat
/// (`type=a&type=b`) or be comma-separated (`type=a,b`).
pub fn parse_request(raw: Option<&str>) -> Result<SearchRequest, ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|e| ApiError::bad_request(format!("query string: {e}")))?;
    let mut req = SearchRequest {
        limit: 20,
        facets: true,
        ..SearchRequest::default()
    };
    let num = |k: &str, v: &str| -> Result<usize, ApiError> {
        v.parse()
            .map_err(|_| ApiError::bad_request(format!("{k}={v:?}: expected a whole number")))
    };
    for (k, v) in pairs {
        let multi = || {
            v.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        match k.as_str() {
            "q" => req.q = v,
            "from" | "date_from" => req.date_from = Some(v).filter(|s| !s.is_empty()),
            "to" | "date_to" => req.date_to = Some(v).filter(|s| !s.is_empty()),
            "type" => req.doc_type.extend(multi()),
            "agency" => req.agency.extend(multi()),
            "classification" => req.classification.extend(multi()),
            "caveat" => req.caveat.extend(multi()),
            // Names may hold commas ("Lord, Winston"): one value per parameter.
            "person" => req
                .person
                .extend(Some(v.trim().to_string()).filter(|s| !s.is_empty())),
            "office" => req.office.extend(multi()),
            "exemption" => req.exemption.extend(multi()),
            "review" => req.review.extend(multi()),
            "min_ocr_confidence" | "ocr" => {
                req.min_ocr_confidence = match v.trim() {
                    "" => None,
                    t => Some(t.parse().map_err(|_| {
                        ApiError::bad_request(format!("{k}={v:?}: expected a number from 0 to 100"))
                    })?),
                }
            }
            "fuzzy" => req.fuzzy = switched_on(&v),
            "facets" => req.facets = !matches!(v.as_str(), "0" | "false" | "off" | "no"),
            "exact" | "exact_facets" => req.exact_facets = switched_on(&v),
            "sort" => {
                req.sort = Sort::parse(&v).ok_or_else(|| {
                    ApiError::bad_request(format!("sort={v:?}: use relevance, date or date_desc"))
                })?
            }
            "offset" => req.offset = num("offset", &v)?,
            "cursor" => req.cursor = Some(v).filter(|c| !c.is_empty()),
            "limit" => req.limit = num("limit", &v)?,
            _ => {} // unknown keys are ignored, as browsers add their own
        }
    }
    Ok(req)
}

pub async fn search(
    State(a): State<Shared>,
    RawQuery(raw): RawQuery,
) -> Result<Json<serde_json::Value>, ApiError> {
    let req = parse_request(raw.as_deref())?;
    let results = blocking(&a, move |a| a.search(&req)).await?;
    Ok(Json(serde_json::to_value(results).unwrap_or_default()))
}

pub async fn facets(
    State(a): State<Shared>,
    RawQuery(raw): RawQuery,
) -> Result<Json<serde_json::Value>, ApiError> {
    let mut req = parse_request(raw.as_deref())?;
    // the counts endpoint is for analyses: every match counted
    req.facets = true;
    req.exact_facets = true;
    req.limit = 1;
    req.offset = 0;
    let results = blocking(&a, move |a| a.search(&req)).await?;
    Ok(Json(
        serde_json::json!({"total": results.total, "facets": results.facets}),
    ))
}

pub async fn document(
    State(a): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let key = id.clone();
    match blocking(&a, move |a| a.get(&key)).await? {
        Some(doc) => Ok(Json(serde_json::to_value(doc).unwrap_or_default())),
        None => Err(ApiError::not_found(format!("no document {id:?}"))),
    }
}

pub async fn stats(State(a): State<Shared>) -> Result<Json<serde_json::Value>, ApiError> {
    let s = blocking(&a, |a| a.stats()).await?;
    Ok(Json(serde_json::to_value(s).unwrap_or_default()))
}

pub async fn errors(State(a): State<Shared>) -> Result<Json<serde_json::Value>, ApiError> {
    let e = blocking(&a, |a| a.errors(1000)).await?;
    Ok(Json(serde_json::to_value(e).unwrap_or_default()))
}

pub async fn diff(
    State(a): State<Shared>,
    Path((old, new)): Path<(String, String)>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let (o, n) = (old.clone(), new.clone());
    match blocking(&a, move |a| a.diff(&o, &n)).await? {
        Some(d) => Ok(Json(serde_json::to_value(d).unwrap_or_default())),
        None => Err(ApiError::not_found(format!(
            "no document {old:?} or {new:?}"
        ))),
    }
}
