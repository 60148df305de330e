//! Views over a result set and over the collection: secrecy (classification and exemptions
//! over time and by agency), the network of who wrote to and cleared for whom, and the
//! collection's ingest runs, failed files and OCR queue. Each takes the search page's query
//! string, so any search can be seen these ways; each has a JSON twin under `/api/`.

use crate::api::parse_request;
use crate::charts::years_filled;
use crate::pages::{layout, url_with};
use crate::people::urlencode;
use crate::{blocking, ApiError, Shared};
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use declass_archive::{Archive, ArchiveError, FacetCount, SearchRequest};
use maud::{html, Markup};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Values broken down over time on the secrecy page, per dimension.
const SERIES: usize = 6;
/// Documents a network is drawn from: the first of the result set.
const NETWORK_DOCS: usize = 500;
/// Nodes drawn, most connected first.
const NETWORK_NODES: usize = 40;

/// One value of a dimension (a classification level, an exemption code) and its
/// documents per year for the query.
#[derive(Serialize)]
struct Series {
    value: String,
    total: u64,
    years: BTreeMap<String, u64>,
}

#[derive(Serialize)]
struct Secrecy {
    total: usize,
    years: Vec<String>,
    classification: Vec<Series>,
    exemption: Vec<Series>,
    review: Vec<Series>,
    /// Agency → classification level → documents.
    by_agency: BTreeMap<String, BTreeMap<String, u64>>,
}

fn facet(r: &declass_archive::SearchResults, root: &str) -> Vec<FacetCount> {
    r.facets.get(root).cloned().unwrap_or_default()
}

fn secrecy(a: &Archive, req: &SearchRequest) -> Result<Secrecy, ArchiveError> {
    let base = SearchRequest {
        facets: true,
        // charts of secrecy over time compare counts: every match counted
        exact_facets: true,
        limit: 1,
        offset: 0,
        ..req.clone()
    };
    let all = a.search(&base)?;
    let over_time = |root: &str,
                     set: &dyn Fn(&mut SearchRequest, String)|
     -> Result<Vec<Series>, ArchiveError> {
        let mut out = Vec::new();
        for c in facet(&all, root)
            .into_iter()
            .filter(|c| c.value != "unknown")
            .take(SERIES)
        {
            let mut r = base.clone();
            set(&mut r, c.value.clone());
            let res = a.search(&r)?;
            out.push(Series {
                value: c.value,
                total: c.count,
                years: facet(&res, "year")
                    .into_iter()
                    .map(|y| (y.value, y.count))
                    .collect(),
            });
        }
        Ok(out)
    };
    let classification = over_time("classification", &|r, v| r.classification = vec![v])?;
    let exemption = over_time("exemption", &|r, v| r.exemption = vec![v])?;
    let review = over_time("review", &|r, v| r.review = vec![v])?;
    let mut by_agency = BTreeMap::new();
    for ag in facet(&all, "agency").into_iter().take(10) {
        let mut r = base.clone();
        r.agency = vec![ag.value.clone()];
        let res = a.search(&r)?;
        by_agency.insert(
            ag.value,
            facet(&res, "classification")
                .into_iter()
                .map(|c| (c.value, c.count))
                .collect(),
        );
    }
    let years: Vec<String> = {
        let counts: Vec<(i64, u64)> = facet(&all, "year")
            .iter()
            .filter_map(|y| Some((y.value.parse().ok()?, y.count)))
            .collect();
        years_filled(&counts)
            .into_iter()
            .map(|(y, _)| y.to_string())
            .collect()
    };
    Ok(Secrecy {
        total: all.total,
        years,
        classification,
        exemption,
        review,
        by_agency,
    })
}

pub async fn api_secrecy(
    State(a): State<Shared>,
    RawQuery(raw): RawQuery,
) -> Result<Json<serde_json::Value>, ApiError> {
    let req = parse_request(raw.as_deref())?;
    let s = blocking(&a, move |a| secrecy(a, &req)).await?;
    Ok(Json(serde_json::to_value(s).unwrap_or_default()))
}

/// A table of series × years, each cell shaded by its share of the row's maximum and
/// linked to the search for that value and year.
fn heat(
    req: &SearchRequest,
    param: &'static str,
    label: &str,
    years: &[String],
    series: &[Series],
) -> Markup {
    html! {
        @if !series.is_empty() {
            section.secrecy {
                h2 { (label) }
                div.heatwrap {
                    table.heat {
                        thead { tr { th { (label) } th.num { "total" } @for y in years { th.year { (y.get(2..).unwrap_or(y)) } } } }
                        tbody {
                            @for s in series {
                                @let max = s.years.values().copied().max().unwrap_or(1).max(1);
                                tr {
                                    th { a href=(url_with(req, &[(param, Some(s.value.clone())), ("offset", None)])) { (s.value) } }
                                    td.num { (s.total) }
                                    @for y in years {
                                        @let n = s.years.get(y).copied().unwrap_or(0);
                                        @if n == 0 { td {} } @else {
                                            td style={ "background: rgba(176, 32, 32, " (format!("{:.2}", 0.12 + 0.78 * n as f64 / max as f64)) ")" } {
                                                a href=(url_with(req, &[(param, Some(s.value.clone())), ("from", Some(y.clone())), ("to", Some(y.clone())), ("offset", None)]))
                                                  title={ (s.value) ", " (y) ": " (n) } { (n) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub async fn secrecy_page(State(a): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let req = match parse_request(raw.as_deref()) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let r2 = req.clone();
    let s = match blocking(&a, move |a| secrecy(a, &r2)).await {
        Ok(s) => s,
        Err(e) => return e.into_response(),
    };
    let levels: Vec<String> = {
        let mut l: Vec<String> = s
            .by_agency
            .values()
            .flat_map(|m| m.keys().cloned())
            .filter(|k| k != "unknown")
            .collect();
        l.sort();
        l.dedup();
        l
    };
    let page = html! {
        h1 { "Secrecy" }
        p.summary {
            "What was classified, withheld and released, over time and by agency, for "
            strong { (s.total) } " documents"
            @if !req.q.is_empty() { " matching " q { (req.q) } }
            ". Click a cell to see its documents. "
            a href={ "/api/secrecy?" (raw.as_deref().unwrap_or("")) } { "JSON" }
        }
        (heat(&req, "classification", "Classification", &s.years, &s.classification))
        (heat(&req, "exemption", "Exemption codes", &s.years, &s.exemption))
        (heat(&req, "review", "Review decisions", &s.years, &s.review))
        @if !s.by_agency.is_empty() {
            section.secrecy {
                h2 { "Classification by agency" }
                table.names {
                    thead { tr { th { "agency" } @for l in &levels { th.num { (l) } } } }
                    tbody {
                        @for (ag, m) in &s.by_agency {
                            tr {
                                th { a href=(url_with(&req, &[("agency", Some(ag.clone())), ("offset", None)])) { (ag) } }
                                @for l in &levels {
                                    td.num {
                                        @if let Some(n) = m.get(l) {
                                            a href=(url_with(&req, &[("agency", Some(ag.clone())), ("classification", Some(l.clone())), ("offset", None)])) { (n) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    layout("Secrecy", &req.q, page).into_response()
}

#[derive(Serialize, Clone)]
struct Node {
    name: String,
    kind: &'static str,
    degree: u64,
    x: f64,
    y: f64,
}

#[derive(Serialize)]
struct Edge {
    from: String,
    to: String,
    /// `wrote to` (author → recipient), `cleared for` (clearer → author) or `copied to`
    /// (author → a distribution list's entry).
    relation: &'static str,
    documents: u64,
}

#[derive(Serialize)]
struct Network {
    /// Documents the network was drawn from (the first of the result set).
    documents: usize,
    total: usize,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

/// The relations the network draws: (the other party's role, the relation, whether the
/// edge runs from the author to that party, the key of `relations=`).
const RELATIONS: [(&str, &str, bool, &str); 3] = [
    ("recipient", "wrote to", true, "wrote"),
    ("clearer", "cleared for", false, "cleared"),
    ("copy", "copied to", true, "copied"),
];

/// The relations asked for by `relations=wrote,cleared,copied` (all when absent or empty).
fn chosen_relations(raw: Option<&str>) -> Result<Vec<&'static str>, ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|e| ApiError::bad_request(format!("query string: {e}")))?;
    let Some(v) = pairs
        .iter()
        .rev()
        .find(|(k, _)| k == "relations")
        .map(|p| &p.1)
    else {
        return Ok(RELATIONS.iter().map(|r| r.3).collect());
    };
    let mut chosen = Vec::new();
    for w in v.split(',').map(str::trim).filter(|w| !w.is_empty()) {
        let Some(r) = RELATIONS.iter().find(|r| r.3 == w) else {
            return Err(ApiError::bad_request(format!(
                "relations={v:?}: use wrote, cleared or copied, comma-separated"
            )));
        };
        chosen.push(r.3);
    }
    if chosen.is_empty() {
        chosen = RELATIONS.iter().map(|r| r.3).collect();
    }
    Ok(chosen)
}

fn network(a: &Archive, req: &SearchRequest, chosen: &[&str]) -> Result<Network, ArchiveError> {
    let r = a.search(&SearchRequest {
        facets: false,
        offset: 0,
        limit: NETWORK_DOCS,
        ..req.clone()
    })?;
    let ids: Vec<String> = r.hits.iter().map(|h| h.id.clone()).collect();
    let parties = a.parties(&ids)?;
    // A party is a person when named, else its office.
    let mut by_doc: HashMap<&str, Vec<(&str, String, &'static str)>> = HashMap::new();
    for p in &parties {
        let node = match (&p.person, &p.office) {
            (Some(n), _) => (n.clone(), "person"),
            (None, Some(o)) => (o.clone(), "office"),
            _ => continue,
        };
        by_doc
            .entry(p.id.as_str())
            .or_default()
            .push((p.role.as_str(), node.0, node.1));
    }
    let mut edges: HashMap<(String, String, &'static str), u64> = HashMap::new();
    let mut kinds: HashMap<String, &'static str> = HashMap::new();
    let drawn: Vec<_> = RELATIONS.iter().filter(|r| chosen.contains(&r.3)).collect();
    for parts in by_doc.values() {
        let of = |role: &'static str| parts.iter().filter(move |p| p.0 == role);
        for a in of("author") {
            kinds.insert(a.1.clone(), a.2);
            for &&(role, relation, from_author, _) in &drawn {
                for o in of(role) {
                    kinds.insert(o.1.clone(), o.2);
                    if a.1 != o.1 {
                        let (f, t) = if from_author { (a, o) } else { (o, a) };
                        *edges
                            .entry((f.1.clone(), t.1.clone(), relation))
                            .or_default() += 1;
                    }
                }
            }
        }
    }
    let mut degree: HashMap<&str, u64> = HashMap::new();
    for ((f, t, _), n) in &edges {
        *degree.entry(f).or_default() += n;
        *degree.entry(t).or_default() += n;
    }
    let mut top: Vec<(&str, u64)> = degree.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    top.truncate(NETWORK_NODES);
    // Circular layout, most connected first around the circle: readable, deterministic,
    // and cheap whatever the result set.
    let n = top.len().max(1) as f64;
    let nodes: Vec<Node> = top
        .iter()
        .enumerate()
        .map(|(i, (name, d))| {
            let angle = i as f64 / n * std::f64::consts::TAU - std::f64::consts::FRAC_PI_2;
            Node {
                name: name.to_string(),
                kind: kinds.get(*name).copied().unwrap_or("person"),
                degree: *d,
                x: 400.0 + 300.0 * angle.cos(),
                y: 340.0 + 300.0 * angle.sin(),
            }
        })
        .collect();
    let shown: HashMap<&str, ()> = nodes.iter().map(|n| (n.name.as_str(), ())).collect();
    let mut edges: Vec<Edge> = edges
        .into_iter()
        .filter(|((f, t, _), _)| shown.contains_key(f.as_str()) && shown.contains_key(t.as_str()))
        .map(|((from, to, relation), documents)| Edge {
            from,
            to,
            relation,
            documents,
        })
        .collect();
    edges.sort_by(|a, b| {
        b.documents
            .cmp(&a.documents)
            .then(a.from.cmp(&b.from))
            .then(a.to.cmp(&b.to))
    });
    Ok(Network {
        documents: r.hits.len(),
        total: r.total,
        nodes,
        edges,
    })
}

pub async fn api_network(
    State(a): State<Shared>,
    RawQuery(raw): RawQuery,
) -> Result<Json<serde_json::Value>, ApiError> {
    let req = parse_request(raw.as_deref())?;
    let chosen = chosen_relations(raw.as_deref())?;
    let n = blocking(&a, move |a| network(a, &req, &chosen)).await?;
    Ok(Json(serde_json::to_value(n).unwrap_or_default()))
}

pub async fn network_page(State(a): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let (req, chosen) = match (
        parse_request(raw.as_deref()),
        chosen_relations(raw.as_deref()),
    ) {
        (Ok(r), Ok(c)) => (r, c),
        (Err(e), _) | (_, Err(e)) => return e.into_response(),
    };
    let (r2, c2) = (req.clone(), chosen.clone());
    let net = match blocking(&a, move |a| network(a, &r2, &c2)).await {
        Ok(n) => n,
        Err(e) => return e.into_response(),
    };
    let pos: HashMap<&str, (f64, f64)> = net
        .nodes
        .iter()
        .map(|n| (n.name.as_str(), (n.x, n.y)))
        .collect();
    let max_deg = net.nodes.iter().map(|n| n.degree).max().unwrap_or(1).max(1) as f64;
    let page = html! {
        h1 { "Network" }
        p.summary {
            "Who wrote to whom (grey), who cleared whose memos (blue) and who got copies (green, dashed), in the first "
            strong { (net.documents) } " of " (net.total) " documents"
            @if !req.q.is_empty() { " matching " q { (req.q) } }
            "; the " (net.nodes.len()) " most connected people and offices. "
            a href={ "/api/network?" (raw.as_deref().unwrap_or("")) } { "JSON" }
        }
        @let all = chosen.len() == RELATIONS.len();
        @let link = |key: Option<&str>| {
            let search = url_with(&req, &[("relations", key.map(str::to_string)), ("offset", None)]);
            format!("/network{}", search.trim_start_matches('/'))
        };
        p.muted.relations {
            "Relations: "
            @if all { strong { "all" } } @else { a href=(link(None)) { "all" } }
            @for (_, relation, _, key) in RELATIONS {
                " · "
                @if !all && chosen == [key] { strong { (relation) } }
                @else { a href=(link(Some(key))) { (relation) } }
            }
        }
        @if net.nodes.is_empty() {
            p.muted { "No routing or clearance lines in these documents." }
        } @else {
            figure.network {
                svg viewBox="-120 0 1040 680" role="img" aria-label="Network of authors, recipients, clearers and copies" {
                    defs {
                        marker #arrow viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse" {
                            path d="M 0 0 L 10 5 L 0 10 z" fill="#888" {}
                        }
                    }
                    @for e in &net.edges {
                        @if let (Some(f), Some(t)) = (pos.get(e.from.as_str()), pos.get(e.to.as_str())) {
                            line class={ "edge " (match e.relation { "cleared for" => "cleared", "copied to" => "copied", _ => "wrote" }) }
                                 x1=(format!("{:.1}", f.0)) y1=(format!("{:.1}", f.1)) x2=(format!("{:.1}", t.0)) y2=(format!("{:.1}", t.1))
                                 stroke-width=(format!("{:.1}", 0.6 + (e.documents as f64).ln_1p())) marker-end="url(#arrow)" {
                                title { (e.from) " " (e.relation) " " (e.to) ": " (e.documents) }
                            }
                        }
                    }
                    @for n in &net.nodes {
                        a href={ "/" (n.kind) "?name=" (urlencode(&n.name)) } {
                            circle class=(n.kind) cx=(format!("{:.1}", n.x)) cy=(format!("{:.1}", n.y)) r=(format!("{:.1}", 4.0 + 10.0 * (n.degree as f64 / max_deg).sqrt())) {
                                title { (n.name) " (" (n.degree) ")" }
                            }
                            // Labels sit outside the circle, pointing away from its centre.
                            @let (dx, dy) = ((n.x - 400.0) / 300.0, (n.y - 340.0) / 300.0);
                            @let anchor = if dx > 0.2 { "start" } else if dx < -0.2 { "end" } else { "middle" };
                            text x=(format!("{:.1}", n.x + 16.0 * dx)) y=(format!("{:.1}", n.y + 16.0 * dy + 4.0)) text-anchor=(anchor) { (n.name) }
                        }
                    }
                }
            }
            table.names {
                thead { tr { th { "from" } th { "relation" } th { "to" } th.num { "documents" } } }
                tbody {
                    @for e in net.edges.iter().take(50) {
                        tr { td { (e.from) } td.muted { (e.relation) } td { (e.to) } td.num { (e.documents) } }
                    }
                }
            }
        }
    };
    layout("Network", &req.q, page).into_response()
}

#[derive(Serialize)]
struct Collection {
    stats: declass_archive::Stats,
    runs: Vec<declass_archive::Run>,
    /// Files that failed, were read in part, or wait for OCR (the OCR queue).
    files: Vec<declass_archive::FileError>,
}

fn collection(a: &Archive) -> Result<Collection, ArchiveError> {
    Ok(Collection {
        stats: a.stats()?,
        runs: a.runs(50)?,
        files: a.errors(1000)?,
    })
}

pub async fn api_collection(State(a): State<Shared>) -> Result<Json<serde_json::Value>, ApiError> {
    let c = blocking(&a, collection).await?;
    Ok(Json(serde_json::to_value(c).unwrap_or_default()))
}

pub async fn collection_page(State(a): State<Shared>) -> Response {
    let c = match blocking(&a, collection).await {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let waiting: Vec<&declass_archive::FileError> =
        c.files.iter().filter(|f| f.status == "waiting").collect();
    let bad: Vec<&declass_archive::FileError> =
        c.files.iter().filter(|f| f.status != "waiting").collect();
    let s = &c.stats;
    let page = html! {
        h1 { "Collection" }
        table.names.stats {
            tbody {
                tr { th { "documents" } td.num { (s.documents) } }
                tr { th { "pages" } td.num { (s.pages) } }
                tr { th { "OCR'd by declass" } td.num { (s.documents_ocr) } }
                tr { th { "linked versions" } td.num { (s.versions) } }
                tr { th { "files read" } td.num { (s.files_ok) } }
                tr { th { "files read in part" } td.num { (s.files_partial) } }
                tr { th { "files failed" } td.num { (s.files_failed) } }
                tr { th { "files waiting for OCR or a tool" } td.num { (s.files_waiting) } }
            }
        }
        h2 { "OCR queue " span.count { (waiting.len()) } }
        @if waiting.is_empty() {
            p.muted { "Nothing waits." }
        } @else {
            p { "These files need Tesseract (or Poppler). Install it, then run " code { "declass ingest --resume" } "." }
            (file_table(&waiting))
        }
        h2 { "Failed or partly read files " span.count { (bad.len()) } }
        @if bad.is_empty() { p.muted { "None." } } @else { (file_table(&bad)) }
        h2 { "Ingest runs" }
        table.names {
            thead { tr { th { "run" } th { "started" } th { "finished" } th.num { "added" } th.num { "duplicates" } th.num { "files read" } th.num { "failed" } th.num { "unchanged" } th { "inputs" } } }
            tbody {
                @for r in &c.runs {
                    tr {
                        td.num { (r.id) }
                        td { (r.started) }
                        td { @match &r.finished { Some(f) => { (f) }, None => { span.badge.s { "unfinished" } } } }
                        td.num { (r.docs_added) }
                        td.num { (r.docs_duplicate) }
                        td.num { (r.files_ok) }
                        td.num { (r.files_failed) }
                        td.num { (r.files_unchanged) }
                        td.muted { (inputs_text(&r.inputs)) }
                    }
                }
            }
        }
        p.muted { a href="/api/collection" { "JSON" } }
    };
    layout("Collection", "", page).into_response()
}

fn inputs_text(inputs: &str) -> String {
    serde_json::from_str::<Vec<String>>(inputs)
        .map(|v| v.join(", "))
        .unwrap_or_else(|_| inputs.to_string())
}

fn file_table(files: &[&declass_archive::FileError]) -> Markup {
    html! {
        table.names {
            thead { tr { th { "file" } th { "status" } th { "kind" } th { "reason" } } }
            tbody {
                @for f in files {
                    tr {
                        td { code { (f.path) } }
                        td { (f.status) }
                        td { (f.kind.as_deref().unwrap_or("")) }
                        td { (f.error.as_deref().unwrap_or("")) }
                    }
                }
            }
        }
    }
}
