//! Server-rendered HTML pages. No scripts are needed: filters are links, the evidence of
//! a field is highlighted with the CSS `:target` selector when its value is clicked.

use crate::api::parse_request;
use crate::{blocking, css_response, ApiError, Shared};
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use declass_archive::{Piece, SearchRequest, SearchResults, Sort, StoredDocument};
use declass_model::Span;
use maud::{html, Markup, PreEscaped, DOCTYPE};

const STYLE: &str = include_str!("style.css");

pub async fn stylesheet() -> Response {
    css_response(STYLE)
}

pub(crate) fn layout(title: &str, q: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · declass" }
                link rel="stylesheet" href="/static/style.css";
            }
            body {
                header.top {
                    a.brand href="/" { "declass" }
                    nav.sections {
                        a href="/" { "Search" }
                        a href="/people" { "People" }
                        a href="/secrecy" { "Secrecy" }
                        a href="/network" { "Network" }
                        a href="/collection" { "Collection" }
                    }
                    form.searchbox action="/" method="get" role="search" {
                        input type="search" name="q" value=(q) placeholder="Search: terms are ANDed; \"phrases\", OR, NOT, type:telegram, caveat:NODIS" aria-label="Search query" autofocus;
                        button type="submit" { "Search" }
                    }
                }
                main { (body) }
            }
        }
    }
}

/// Query string for `req` with some keys replaced (`None` removes the key).
pub(crate) fn url_with(req: &SearchRequest, changes: &[(&str, Option<String>)]) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    let mut push = |k: &'static str, v: String| {
        if !v.is_empty() {
            pairs.push((k, v));
        }
    };
    push("q", req.q.clone());
    push("from", req.date_from.clone().unwrap_or_default());
    push("to", req.date_to.clone().unwrap_or_default());
    push("type", req.doc_type.join(","));
    push("agency", req.agency.join(","));
    push("classification", req.classification.join(","));
    push("caveat", req.caveat.join(","));
    for p in &req.person {
        push("person", p.clone());
    }
    push("office", req.office.join(","));
    push("exemption", req.exemption.join(","));
    push("review", req.review.join(","));
    if let Some(m) = req.min_ocr_confidence {
        push("ocr", m.to_string());
    }
    if req.fuzzy {
        push("fuzzy", "1".into());
    }
    if req.sort != Sort::Relevance {
        push(
            "sort",
            match req.sort {
                Sort::DateAsc => "date".into(),
                Sort::DateDesc => "date_desc".into(),
                Sort::Relevance => String::new(),
            },
        );
    }
    if req.offset > 0 {
        push("offset", req.offset.to_string());
    }
    for (k, v) in changes {
        pairs.retain(|(pk, _)| pk != k);
        if let Some(v) = v {
            pairs.push((k, v.clone()));
        }
    }
    format!(
        "/?{}",
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    )
}

/// The facet root in the results and the request parameter it filters.
const FACETS: [(&str, &str, &str); 9] = [
    ("type", "type", "Document type"),
    ("classification", "classification", "Classification"),
    ("caveat", "caveat", "Caveat"),
    ("agency", "agency", "Agency"),
    ("person", "person", "Person"),
    ("office", "office", "Office"),
    ("exemption", "exemption", "Exemption"),
    ("review", "review", "Review"),
    ("decade", "decade", "Decade"),
];

fn active(req: &SearchRequest, param: &str) -> Vec<String> {
    match param {
        "type" => req.doc_type.clone(),
        "agency" => req.agency.clone(),
        "classification" => req.classification.clone(),
        "caveat" => req.caveat.clone(),
        "person" => req.person.clone(),
        "office" => req.office.clone(),
        "exemption" => req.exemption.clone(),
        "review" => req.review.clone(),
        _ => Vec::new(),
    }
}

/// A facet count as shown: an estimate (scaled from a sample) to three significant digits.
fn count_text(n: u64, estimated: bool) -> String {
    if !estimated {
        return n.to_string();
    }
    let mut unit = 1;
    while n / unit >= 1000 {
        unit *= 10;
    }
    format!("≈{}", (n + unit / 2) / unit * unit)
}

fn facet_panel(req: &SearchRequest, r: &SearchResults) -> Markup {
    html! {
        aside.facets {
            form.filters action="/" method="get" {
                input type="hidden" name="q" value=(req.q);
                @for (param, vals) in [("type", &req.doc_type), ("agency", &req.agency), ("classification", &req.classification), ("caveat", &req.caveat), ("office", &req.office), ("exemption", &req.exemption), ("review", &req.review)] {
                    @if !vals.is_empty() { input type="hidden" name=(param) value=(vals.join(",")); }
                }
                @for p in &req.person { input type="hidden" name="person" value=(p); }
                h3 { "Date" }
                label { "from " input type="text" name="from" size="10" placeholder="YYYY" value=(req.date_from.clone().unwrap_or_default()); }
                label { " to " input type="text" name="to" size="10" placeholder="YYYY" value=(req.date_to.clone().unwrap_or_default()); }
                label.check { input type="checkbox" name="fuzzy" value="1" checked[req.fuzzy]; " OCR-tolerant" }
                label title="Leave out scans Tesseract read with less mean confidence (0–100); typed text always passes" {
                    "OCR confidence ≥ " input type="number" name="ocr" min="0" max="100" step="5" size="4" value=(req.min_ocr_confidence.map(|m| m.to_string()).unwrap_or_default());
                }
                label { "Sort "
                    select name="sort" {
                        option value="relevance" selected[req.sort == Sort::Relevance] { "relevance" }
                        option value="date" selected[req.sort == Sort::DateAsc] { "oldest first" }
                        option value="date_desc" selected[req.sort == Sort::DateDesc] { "newest first" }
                    }
                }
                button type="submit" { "Apply" }
            }
            @if r.facets_estimated {
                p.muted.estimated { "≈ Counts from an even sample of the " (r.total) " matches; the total is exact, and a narrower search counts every match." }
            }
            @for (root, param, label) in FACETS {
                @if let Some(counts) = r.facets.get(root) {
                    @if !counts.is_empty() {
                        section.facet {
                            h3 { (label) }
                            ul {
                                @for c in counts.iter().take(15) {
                                    @let on = active(req, param).iter().any(|v| v.eq_ignore_ascii_case(&c.value));
                                    li {
                                        @if root == "decade" {
                                            @if c.value == "unknown" {
                                                span.muted { "undated" }
                                            } @else {
                                                @let y = c.value.trim_end_matches('s').to_string();
                                                @let y_end = y.parse::<i32>().map(|v| (v + 9).to_string()).unwrap_or_default();
                                                a href=(url_with(req, &[("from", Some(y.clone())), ("to", Some(y_end)), ("offset", None)])) { (c.value) }
                                            }
                                        } @else if c.value == "unknown" {
                                            span.muted { "unknown" }
                                        } @else if on {
                                            a.on href=(url_with(req, &[(param, None), ("offset", None)])) title="remove this filter" { "✕ " (c.value.replace('_', " ")) }
                                        } @else {
                                            a href=(url_with(req, &[(param, Some(c.value.clone())), ("offset", None)])) { (c.value.replace('_', " ")) }
                                        }
                                        " " span.count { (count_text(c.count, r.facets_estimated)) }
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

fn badge(level: Option<&str>) -> Markup {
    let level = level.unwrap_or("");
    let class = match level {
        "TOP SECRET" => "badge ts",
        "SECRET" => "badge s",
        "CONFIDENTIAL" => "badge c",
        "LIMITED OFFICIAL USE" => "badge lou",
        "UNCLASSIFIED" => "badge u",
        _ => "badge none",
    };
    html! { @if !level.is_empty() { span class=(class) { (level) } } }
}

pub async fn search_page(State(a): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let req = match parse_request(raw.as_deref()) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let r2 = req.clone();
    let result = blocking(&a, move |a| a.search(&r2)).await;
    let body = match &result {
        Err(ApiError(status, msg, _)) => {
            let markup = layout(
                "Search",
                &req.q,
                html! {
                    div.error role="alert" { strong { "That search could not run. " } (msg) }
                    (syntax_help(true))
                },
            );
            return (*status, markup).into_response();
        }
        Ok(r) => r,
    };
    let page = html! {
        div.results-layout {
            (facet_panel(&req, body))
            section.results {
                p.summary {
                    strong { (body.total) } " document" @if body.total != 1 { "s" }
                    @if !req.q.is_empty() { " for " q { (req.q) } }
                    span.muted { " · " (format!("{:.1}", body.took_ms)) " ms" }
                    @let qs = url_with(&req, &[("offset", None)]);
                    @let qs = qs.trim_start_matches("/?");
                    span.views {
                        " · see as: " a href={ "/secrecy?" (qs) } { "secrecy" }
                        " · " a href={ "/network?" (qs) } { "network" }
                        " · export: " a.export href={ "/api/export?format=csv&" (qs) } { "CSV" }
                        " · " a.export href={ "/api/export?format=jsonl&" (qs) } { "JSONL" }
                    }
                }
                (syntax_help(req.q.is_empty() && body.offset == 0 && req.cursor.is_none()))
                @if let Some(years) = body.facets.get("year") {
                    (crate::charts::year_chart(&req, years, body.facets_estimated))
                }
                ol.hits start=(body.offset + 1) {
                    @for h in &body.hits {
                        li.hit {
                            div.line1 {
                                a.title href={ "/doc/" (h.id) } { (h.title.as_deref().unwrap_or("(no title)")) }
                            }
                            div.meta {
                                span.date { (h.date.as_deref().unwrap_or("undated")) }
                                (badge(h.classification.as_deref()))
                                @for c in &h.caveats { span.badge.caveat { (c) } }
                                @if let Some(t) = &h.doc_type { span.type { (t.replace('_', " ")) } }
                                @if let Some(ag) = &h.agency { span.agency { (ag) } }
                                @if !h.from.is_empty() || !h.to.is_empty() { span.route { (h.from) " → " (h.to) } }
                                span.path.muted { (h.path) }
                            }
                            // The snippet is tantivy's HTML: text escaped, matches in <b>.
                            p.snippet { (PreEscaped(&h.snippet_html)) }
                        }
                    }
                }
                // Next pages follow the cursor (any depth when sorted by date); a page
                // reached by cursor links back to the first.
                nav.pager {
                    @if req.cursor.is_some() {
                        a href=(url_with(&req, &[("offset", None)])) { "← first page" }
                    } @else if body.offset > 0 {
                        a href=(url_with(&req, &[("offset", Some(body.offset.saturating_sub(req.limit).to_string()))])) { "← previous" }
                    }
                    @if let Some(c) = &body.next_cursor {
                        a.next href=(url_with(&req, &[("offset", None), ("cursor", Some(c.clone()))])) { "next →" }
                    }
                }
            }
        }
    };
    layout(
        if req.q.is_empty() { "Search" } else { &req.q },
        &req.q,
        page,
    )
    .into_response()
}

/// Versions listed on a document page (the JSON has them all).
const VERSIONS_SHOWN: usize = 50;

/// The query language, by example; open on the landing page and after an error.
fn syntax_help(open: bool) -> Markup {
    let rows = [
        ("nonproliferation Qian", "both words (terms are ANDed)"),
        ("\"human rights\"", "the phrase"),
        ("Castro OR Guevara", "either word"),
        ("Cuba NOT Mexico, Cuba -Mexico", "the first without the second"),
        ("(Soviet OR Russian) embassy", "grouping"),
        ("type:telegram caveat:NODIS", "catalogue fields: type, agency, classification, caveat, number, title, from, to, person, office, exemption, review"),
        ("number:104-10300-10396", "a record, document or control number"),
        ("Gambimo + OCR-tolerant", "tick \"OCR-tolerant\" to match words one letter off"),
    ];
    html! {
        details.syntax open[open] {
            summary { "Search syntax" }
            table.names {
                tbody {
                    @for (q, what) in rows {
                        tr { td { code { (q) } } td.muted { (what) } }
                    }
                }
            }
            p.muted { "Dates, types, people and the other filters are also on the left; the URL keeps them all." }
        }
    }
}

/// Evidence spans of the record's fields, labelled for anchors.
fn evidence(d: &StoredDocument) -> Vec<(&'static str, String, Span)> {
    let r = &d.record;
    let mut out = Vec::new();
    if let Some(v) = &r.doc_number {
        out.push(("doc_number", v.value.clone(), v.span));
    }
    if let Some(v) = &r.record_number {
        out.push(("record_number", v.value.clone(), v.span));
    }
    if let Some(v) = &r.date {
        out.push(("date", v.value.clone(), v.span));
    }
    if let Some(v) = &r.doc_type {
        out.push(("doc_type", v.value.label(), v.span));
    }
    if let Some(v) = &r.title {
        out.push(("title", v.value.clone(), v.span));
    }
    if let Some(v) = &r.agency {
        out.push(("agency", v.value.clone(), v.span));
    }
    if let (Some(l), Some(s)) = (&r.classification.level, r.classification.span) {
        out.push(("classification", l.clone(), s));
    }
    for (i, c) in r.classification.caveats.iter().enumerate() {
        out.push((
            if i == 0 { "caveat" } else { "caveat_more" },
            c.value.clone(),
            c.span,
        ));
    }
    if let Some(v) = &r.classification.declassify_on {
        out.push(("declassify_on", v.value.clone(), v.span));
    }
    if let Some(v) = &r.classification.released_as {
        out.push(("released_as", v.value.clone(), v.span));
    }
    for c in &r.control_numbers {
        out.push(("control_number", c.value.clone(), c.span));
    }
    for a in &r.archive_numbers {
        out.push((a.kind.as_str(), a.value.clone(), a.span));
    }
    for x in &r.received {
        out.push(("received", x.summary(), x.span));
    }
    // (a distribution list's entries once, as its field, not again as `copy` parties)
    for (role, p) in declass_archive::parties_of(r).filter(|(role, _)| *role != "copy") {
        out.push((role, p.raw.clone(), p.span));
    }
    for d in &r.distribution {
        for p in &d.to {
            out.push(("distribution", p.as_listed(), p.span));
        }
    }
    if let Some(m) = &r.meeting {
        for (label, v) in [
            ("meeting_date", &m.date),
            ("meeting_time", &m.time),
            ("meeting_place", &m.place),
        ] {
            if let Some(v) = v {
                out.push((label, v.value.clone(), v.span));
            }
        }
    }
    if let Some(d) = &r.decision {
        if let Some(m) = &d.marked {
            out.push(("decision", m.value.clone(), m.span));
        }
        if let Some(rec) = &d.recommendation {
            out.push(("recommendation", rec.value.clone(), rec.span));
        }
    }
    for a in &r.attachments {
        out.push(("attachment", a.raw.clone(), a.span));
        // A stapled document's own routing, drafting and clearance, its spans in this text.
        for (role, p) in a.record.iter().flat_map(|c| declass_archive::parties_of(c)) {
            out.push((
                "in_attachment",
                format!("{} {}", role.replace('_', " "), p.raw),
                p.span,
            ));
        }
    }
    if let Some(v) = &r.review {
        for (label, f) in [
            ("review_authority", &v.authority),
            ("review_date", &v.date),
            ("review_case", &v.case_id),
        ] {
            if let Some(f) = f {
                out.push((label, f.value.clone(), f.span));
            }
        }
        for d in &v.decisions {
            out.push(("review_decision", d.value.clone(), d.span));
        }
    }
    for e in &r.exemptions {
        out.push(("exemption", e.value.clone(), e.span));
    }
    for x in &r.redactions {
        let what = match &x.exemption {
            Some(e) => format!("withheld under {e}"),
            None => "withheld".to_string(),
        };
        out.push(("redaction", what, x.span));
    }
    // every mention of every entity, last: marked in the text, listed apart (not as fields)
    for (_, list) in entity_lists(r) {
        for e in list {
            for m in &e.mentions {
                out.push(("entity", e.name.clone(), *m));
            }
        }
    }
    out
}

/// The record's entity lists with their headings and the page kind of their names.
fn entity_lists(r: &declass_model::Record) -> [(&'static str, &Vec<declass_model::Entity>); 5] {
    let e = &r.entities;
    [
        ("people", &e.people),
        ("offices", &e.offices),
        ("organizations", &e.organizations),
        ("countries", &e.countries),
        ("places", &e.places),
    ]
}

/// Where an entity's page is: (page kind, name as listed), when it has one.
fn entity_page(list: &str, e: &declass_model::Entity) -> Option<(&'static str, String)> {
    let name = e.canonical.clone().unwrap_or_else(|| e.name.clone());
    match list {
        "people" => (e.canonical.is_some()
            && (e.authority.is_some() || name.split_whitespace().count() >= 2))
            .then_some(("person", name)),
        "offices" => Some(("office", e.name.to_uppercase())),
        "organizations" => (e.canonical.is_some() || name.split_whitespace().count() >= 2)
            .then_some(("organization", name)),
        _ => Some(("place", name)),
    }
}

/// Marks of withheld text get their own colour.
fn mark_class(label: &str) -> &'static str {
    match label {
        "redaction" | "exemption" => "withheld",
        "entity" => "entity",
        _ => "field",
    }
}

/// The text with each evidence span wrapped in a `<mark>` whose id the field links to.
enum Segment<'t> {
    Plain(&'t str),
    Mark(&'t str, String, &'static str),
    Page(usize),
}

/// Plain text from `from` to `to`, cut at page breaks so each page's number shows.
fn plain<'t>(
    text: &'t str,
    page_starts: &[usize],
    from: usize,
    to: usize,
    out: &mut Vec<Segment<'t>>,
) {
    let mut at = from;
    for (i, &b) in page_starts.iter().enumerate() {
        if b > from && b < to && text.is_char_boundary(b) {
            out.push(Segment::Plain(&text[at..b]));
            out.push(Segment::Page(i + 1));
            at = b;
        }
    }
    out.push(Segment::Plain(&text[at..to]));
}

/// The evidence spans that get a mark in the text, in text order: (start, end, evidence
/// index). Where spans overlap, a field's wins over an entity mention, and the earlier and
/// longer over the later (a name inside a routing line keeps no mark of its own).
fn kept_marks(text: &str, spans: &[(&'static str, String, Span)]) -> Vec<(usize, usize, usize)> {
    let marks: Vec<(usize, usize, usize)> = spans
        .iter()
        .enumerate()
        .filter(|(_, (_, _, s))| {
            s.end <= text.len()
                && s.start < s.end
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        })
        .map(|(i, (_, _, s))| (s.start, s.end, i))
        .collect();
    // fields first (their marks are what a click on a value shows), then entity mentions
    // where no field's mark is
    let (mut fields, entities): (Vec<_>, Vec<_>) =
        marks.into_iter().partition(|m| spans[m.2].0 != "entity");
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    let mut entities = entities;
    for group in [&mut fields, &mut entities] {
        group.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
        for &(s, e, i) in group.iter() {
            if kept.iter().all(|&(ks, ke, _)| e <= ks || ke <= s) {
                kept.push((s, e, i));
            }
        }
    }
    kept.sort_by_key(|m| m.0);
    kept
}

fn highlighted_text(
    text: &str,
    spans: &[(&'static str, String, Span)],
    marks: &[(usize, usize, usize)],
    page_starts: &[usize],
) -> Markup {
    // Plain and marked segments in order.
    let mut segments: Vec<Segment<'_>> = Vec::new();
    let mut pos = 0;
    for &(s, e, i) in marks {
        plain(text, page_starts, pos, s, &mut segments);
        segments.push(Segment::Mark(
            &text[s..e],
            format!("ev{i}"),
            mark_class(spans[i].0),
        ));
        pos = e;
    }
    plain(text, page_starts, pos, text.len(), &mut segments);
    html! {
        @for seg in segments {
            @match seg {
                Segment::Page(n) => { span.pagebreak id={ "page" (n) } { "page " (n) } }
                Segment::Mark(t, id, class) => { mark id=(id) class=(class) { (t) } }
                Segment::Plain(t) => { (t) }
            }
        }
    }
}

pub async fn document_page(State(a): State<Shared>, Path(id): Path<String>) -> Response {
    let key = id.clone();
    let doc = match blocking(&a, move |a| a.get_listing(&key, VERSIONS_SHOWN)).await {
        Ok(Some(d)) => d,
        Ok(None) => {
            let m = layout(
                "Not found",
                "",
                html! { div.error { "No document " code { (id) } " in this archive." } },
            );
            return (StatusCode::NOT_FOUND, m).into_response();
        }
        Err(e) => return e.into_response(),
    };
    let r = &doc.record;
    let ev = evidence(&doc);
    let marks = kept_marks(&doc.text, &ev);
    // Page images when the source file is a PDF or a PNG/JPEG scan still on disk.
    let id2 = r.id.clone();
    let source = blocking(&a, move |a| a.source_file(&id2))
        .await
        .ok()
        .flatten();
    let has_original = source.is_some();
    let scan = source.and_then(|p| crate::scans::viewable(&p));
    let (first, last) = match r.source.page_range {
        Some([f, l]) => (f, l),
        None => (1, r.source.pages.max(1)),
    };
    let title = r.title_str().unwrap_or("(no title)").to_string();
    let page = html! {
        div.doc-layout {
            section.record {
                h1 { (title) }
                table.fields {
                    tr { th { "id" } td { code { (r.id) } } }
                    @for (i, (label, value, span)) in ev.iter().enumerate().filter(|(_, e)| e.0 != "entity") {
                        tr {
                            th { (label.trim_end_matches("_more").replace('_', " ")) }
                            td { a href={ "#ev" (i) } title={ "bytes " (span.start) "–" (span.end) ", page " (span.page) } { (value) } }
                        }
                    }
                    tr { th { "pages" } td { @if r.pages_estimated { span title="estimated from the text's length: it has no page markers" { "about " (r.pages) } } @else { (r.pages) } @if let Some([first, last]) = r.source.page_range { span.muted { " (pages " (first) "–" (last) " of the file)" } } } }
                    tr { th { "source" } td { (r.source.path) br; span.muted { (r.source.format) " · sha256 " code { (r.source.sha256.get(..16).unwrap_or(&r.source.sha256)) "…" } } } }
                }
                @let parties: Vec<(&str, &declass_model::Party)> = declass_archive::parties_of(r).collect();
                @if !parties.is_empty() {
                    h2 { "People and offices" }
                    ul.parties {
                        @for (role, p) in &parties {
                            li {
                                span.muted { (role) ": " }
                                @match declass_archive::person_key(p) {
                                    Some(n) => { a href={ "/person?name=" (crate::people::urlencode(&n)) } { (n) } }
                                    None => { (p.raw) }
                                }
                                @if let Some(o) = declass_archive::office_key(p) {
                                    " " a.muted href={ "/office?name=" (crate::people::urlencode(&o)) } { "(" (o) ")" }
                                }
                            }
                        }
                    }
                }
                @let kept: std::collections::HashSet<usize> = marks.iter().map(|m| m.2).collect();
                @let first_mention = |e: &declass_model::Entity| {
                    // the first mention with a mark of its own (one inside a field's span has none)
                    ev.iter().enumerate().position(|(i, x)| x.0 == "entity" && e.mentions.contains(&x.2) && kept.contains(&i))
                };
                @if entity_lists(r).iter().any(|(_, l)| !l.is_empty()) {
                    h2 { "Entities" }
                    @for (list, es) in entity_lists(r) {
                        @if !es.is_empty() {
                            p.entities {
                                span.muted { (list) ": " }
                                @for (n, e) in es.iter().enumerate() {
                                    @if n > 0 { ", " }
                                    @match entity_page(list, e) {
                                        Some((kind, name)) => { a href={ "/" (kind) "?name=" (crate::people::urlencode(&name)) } title=[e.authority.as_deref()] { (name) } }
                                        None => { (e.name) }
                                    }
                                    @if let Some(i) = first_mention(e) {
                                        " " a.muted href={ "#ev" (i) } title="first mention in the text" { "×" (e.mentions.len()) }
                                    }
                                }
                            }
                        }
                    }
                }
                h2 { "Cite" }
                p.cite #cite { (citation(r)) " declass id " code { (r.id) } ", " a href={ "/doc/" (r.id) } { "/doc/" (r.id) } "." }
                p.muted {
                    a href={ "/api/documents/" (r.id) } download={ (r.id) ".json" } { "Download the record (JSON)" }
                    " · "
                    a href={ "/doc/" (r.id) "/text" } download={ (r.id) ".txt" } { "the text as read" }
                    @if has_original { " · " a href={ "/doc/" (r.id) "/original" } { "the original file" } }
                }
                @if !doc.versions.is_empty() {
                    h2 { "Versions" }
                    ol.versions {
                        @for v in doc.versions.iter().take(VERSIONS_SHOWN) {
                            li {
                                @if v.id == r.id { strong { (v.id) } " (this one)" }
                                @else { a href={ "/doc/" (v.id) } { (v.id) } }
                                " · " (v.source_path)
                                @match (v.how.as_deref(), v.similarity) {
                                    (Some("file"), _) => { " · same file, changed" }
                                    (_, Some(s)) => { " · " (format!("{:.0}", s * 100.0)) "% alike" }
                                    _ => {}
                                }
                                @if v.id != r.id {
                                    " · " a.diff href={ "/diff/" (v.id) "/" (r.id) } { "diff" }
                                }
                            }
                        }
                    }
                    @if doc.versions_total > doc.versions.len() {
                        p.muted { "and " (doc.versions_total - doc.versions.len()) " more: " a href={ "/api/documents/" (r.id) } { "all in the JSON" } }
                    }
                }
                p.muted { "Click a value to see its evidence in the text. " a href={ "/api/documents/" (r.id) } { "Record as JSON" } }
            }
            section.text {
                @if let Some(pdf) = scan {
                    details.scan open {
                        summary { "Page images" @if pdf { " (pages " (first) "–" (last) " of the file)" } }
                        @if pdf {
                            nav.pages { @for n in first..=last.min(first + 199) { a href={ "/doc/" (r.id) "/page/" (n) } target="scan" { (n) } " " } }
                        }
                        img.scan src={ "/doc/" (r.id) "/page/" (first) } alt={ "Page " (first) " of the source" } loading="lazy";
                    }
                }
                pre.doctext { (highlighted_text(&doc.text, &ev, &marks, &r.page_starts)) }
            }
        }
    };
    layout(&title, "", page).into_response()
}

/// A Chicago-style archival note: title, type, parties, date, classification, record
/// number and source, as far as the record knows them.
pub(crate) fn citation(r: &declass_model::Record) -> String {
    let mut parts: Vec<String> = Vec::new();
    let party = |ps: &[declass_model::Party]| {
        ps.first().map(|p| {
            p.name
                .clone()
                .or_else(|| p.title.clone())
                .unwrap_or_else(|| p.raw.clone())
        })
    };
    let kind = r.type_str().map(|t| {
        let mut t = t.replace('_', " ");
        if let Some(c) = t.get_mut(0..1) {
            c.make_ascii_uppercase();
        }
        t
    });
    match (kind, party(&r.from), party(&r.to)) {
        (Some(k), Some(f), Some(t)) => parts.push(format!("{k}, {f} to {t}")),
        (Some(k), Some(f), None) => parts.push(format!("{k} from {f}")),
        (Some(k), None, Some(t)) => parts.push(format!("{k} to {t}")),
        (Some(k), None, None) => parts.push(k),
        (None, Some(f), Some(t)) => parts.push(format!("{f} to {t}")),
        _ => {}
    }
    if let Some(t) = r.title_str() {
        parts.push(format!("\u{201c}{t}\u{201d}"));
    }
    if let Some(d) = &r.date {
        parts.push(d.value.clone());
    }
    if let Some(l) = r.level_str() {
        parts.push(l.to_string());
    }
    if let Some(a) = &r.agency {
        parts.push(a.value.clone());
    }
    if let Some(n) = r.record_number.as_ref().or(r.doc_number.as_ref()) {
        parts.push(format!("no. {}", n.value));
    }
    parts.push(r.source.path.clone());
    parts.join(", ") + "."
}

/// `/doc/{id}/text`: the document's text as read (before normalization when it differs).
pub async fn document_text(State(a): State<Shared>, Path(id): Path<String>) -> Response {
    let key = id.clone();
    match blocking(&a, move |a| a.get(&key)).await {
        Ok(Some(d)) => (
            [(
                axum::http::header::CONTENT_TYPE,
                "text/plain; charset=utf-8",
            )],
            d.raw_text.unwrap_or(d.text),
        )
            .into_response(),
        Ok(None) => ApiError::not_found(format!("no document {id:?}")).into_response(),
        Err(e) => e.into_response(),
    }
}

/// `/diff/{old}/{new}`: what changed between two versions, word by word.
pub async fn diff_page(
    State(a): State<Shared>,
    Path((old, new)): Path<(String, String)>,
) -> Response {
    let (o, n) = (old.clone(), new.clone());
    let d = match blocking(&a, move |a| a.diff(&o, &n)).await {
        Ok(Some(d)) => d,
        Ok(None) => {
            let m = layout(
                "Not found",
                "",
                html! { div.error { "No document " code { (old) } " or " code { (new) } " in this archive." } },
            );
            return (StatusCode::NOT_FOUND, m).into_response();
        }
        Err(e) => return e.into_response(),
    };
    let page = html! {
        h1 { "Differences between versions" }
        p {
            del { a href={ "/doc/" (old) } { (old) } } " → " ins { a href={ "/doc/" (new) } { (new) } } " · "
            (d.words_removed) " words removed, " (d.words_added) " added, " (d.words_same) " the same"
            @if d.approximate { " (approximate: the texts differ too much for an exact diff in time)" }
        }
        pre.doctext.diff {
            @for p in &d.pieces {
                @match p {
                    Piece::Same(t) => { (t) }
                    Piece::Removed(t) => { del { (t) } }
                    Piece::Added(t) => { ins { (t) } }
                }
            }
        }
    };
    layout("Diff", "", page).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_estimated_facet_panel_says_so() {
        let mut r = SearchResults {
            query: "embassy".into(),
            total: 263_240,
            offset: 0,
            hits: Vec::new(),
            facets: [(
                "agency".to_string(),
                vec![declass_archive::FacetCount {
                    value: "CIA".into(),
                    count: 125_341,
                }],
            )]
            .into_iter()
            .collect(),
            facets_estimated: true,
            next_cursor: None,
            took_ms: 1.0,
        };
        let html = facet_panel(&SearchRequest::default(), &r).into_string();
        assert!(html.contains("≈125000"), "{html}");
        assert!(html.contains("even sample of the 263240 matches"), "{html}");
        r.facets_estimated = false;
        let html = facet_panel(&SearchRequest::default(), &r).into_string();
        assert!(html.contains(">125341<") && !html.contains('≈'), "{html}");
    }

    #[test]
    fn estimated_counts_show_three_significant_digits() {
        assert_eq!(count_text(125_341, false), "125341");
        assert_eq!(count_text(125_341, true), "≈125000");
        assert_eq!(count_text(125_651, true), "≈126000");
        assert_eq!(count_text(987, true), "≈987");
        assert_eq!(count_text(9_996, true), "≈10000");
    }

    #[test]
    fn highlighting_escapes_text_and_skips_bad_spans() {
        let spans = vec![
            ("date", "x".to_string(), Span::new(0, 6, 1)),
            ("bad", "y".to_string(), Span::new(3, 100, 1)),
        ];
        let html = highlighted_text(
            "SECRET <script>alert(1)</script>",
            &spans,
            &kept_marks("SECRET <script>alert(1)</script>", &spans),
            &[],
        )
        .into_string();
        assert!(
            html.starts_with("<mark id=\"ev0\" class=\"field\">SECRET</mark>"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("<script>"));
    }

    #[test]
    fn page_breaks_show_and_withheld_text_is_marked_apart() {
        let text = "SECRET\nDECL: OADR\n-2-\n(b)(1) was withheld here\n";
        let spans = vec![(
            "redaction",
            "withheld under B1".to_string(),
            Span::new(22, 28, 2),
        )];
        let html =
            highlighted_text(text, &spans, &kept_marks(text, &spans), &[0, 18]).into_string();
        assert!(
            html.contains("<span class=\"pagebreak\" id=\"page2\">page 2</span>-2-"),
            "{html}"
        );
        assert!(
            html.contains("<mark id=\"ev0\" class=\"withheld\">(b)(1)</mark>"),
            "{html}"
        );
    }

    #[test]
    fn urls_keep_state_and_replace_keys() {
        let req = SearchRequest {
            q: "Qian Qichen".into(),
            doc_type: vec!["telegram".into()],
            ..SearchRequest::default()
        };
        let u = url_with(
            &req,
            &[("type", None), ("classification", Some("SECRET".into()))],
        );
        assert_eq!(u, "/?q=Qian+Qichen&classification=SECRET");
    }
}
