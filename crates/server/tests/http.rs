//! HTTP tests of the API and pages, on an archive built from real sample documents.

mod common;

use axum::http::StatusCode;
use common::{call, get};
use declass_archive::{Archive, FileOutcome, NewDocument, Writer};
use declass_model::Source;

const SEED_000: &str = include_str!("../../../corpus/sample/seeds/000_79b9a1f4bfb66b60.txt");
const SEED_004: &str = include_str!("../../../corpus/sample/seeds/004_d82bf065194c113b.txt");
const XSS: &str =
    "SECRET\nSUBJECT: <script>alert('x')</script> test\n\n<img src=x onerror=alert(1)> Qian\n";

/// Store `text` as file `{name}{i}.txt`, extracted, with id `i` in 16 hex digits.
fn put_text(w: &mut Writer<'_>, name: &str, i: usize, text: &str) {
    let id = format!("{i:016x}");
    let source = Source {
        path: format!("{name}{i}.txt"),
        sha256: format!("{i:064x}"),
        format: "text".into(),
        pages: 1,
        ..Source::default()
    };
    let e = declass_extract::extract(id, source, text);
    w.put_file(FileOutcome {
        path: format!("/abs/{name}{i}.txt"),
        shown: format!("{name}{i}.txt"),
        sha256: Some(format!("{i:064x}")),
        size: Some(text.len() as u64),
        docs: vec![NewDocument::new(e.record, e.normalized.text, None, vec![])],
        error: None,
    })
    .unwrap();
}

fn archive(dir: &std::path::Path) -> Archive {
    let a = Archive::open_or_create(dir).unwrap();
    {
        let mut w = a.writer().unwrap();
        for (i, text) in [SEED_000, SEED_004, XSS].iter().enumerate() {
            put_text(&mut w, "doc", i, text);
        }
        w.put_file(FileOutcome {
            path: "/abs/bad.pdf".into(),
            shown: "bad.pdf".into(),
            error: Some((
                "unsupported".into(),
                "bad.pdf: PDF is not supported yet".into(),
            )),
            ..FileOutcome::default()
        })
        .unwrap();
        w.finish().unwrap();
    }
    drop(a);
    Archive::open(dir).unwrap()
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("{e}: {s}"))
}

#[tokio::test]
async fn api_search_document_stats_facets_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let app = declass_server::router(archive(tmp.path()));

    let (st, body) = get(
        &app,
        "/api/search?q=nonproliferation+%22Qian+Qichen%22&from=1990&to=1993&classification=SECRET",
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    let r = json(&body);
    assert_eq!(r["total"], 1, "{r}");
    let id = r["hits"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(r["hits"][0]["date"], "1993-11-03");
    assert_eq!(r["facets"]["type"][0]["value"], "briefing_memorandum");
    assert_eq!(
        r["facets_estimated"], false,
        "a handful of matches: all counted"
    );
    let (st, body) = get(&app, "/api/search?q=Qian&exact=1&facets=1").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(json(&body)["facets_estimated"], false);
    let (st, _) = get(&app, "/api/search?q=Qian&exact=maybe").await;
    assert_eq!(
        st,
        StatusCode::OK,
        "exact is a switch: anything but 1/true/on/yes is off"
    );

    // Filters combine: type as a comma list, sort by date.
    let (_, body) = get(
        &app,
        "/api/search?q=Qian&type=briefing_memorandum,action_memorandum&sort=date",
    )
    .await;
    let r = json(&body);
    assert_eq!(r["total"], 2);
    assert_eq!(r["hits"][0]["date"], "1990-12-15", "oldest first: {r}");

    let (st, body) = get(&app, &format!("/api/documents/{id}")).await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(json(&body)["record"]["doc_number"]["value"], "01639");
    let (st, body) = get(&app, "/api/documents/01328").await;
    assert_eq!(st, StatusCode::OK, "lookup by collection number");
    assert_eq!(
        json(&body)["record"]["doc_type"]["value"],
        "action_memorandum"
    );
    let (st, body) = get(&app, "/api/documents/nope").await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert_eq!(json(&body)["kind"], "not_found");

    let (_, body) = get(&app, "/api/stats").await;
    assert_eq!(json(&body)["documents"], 3);
    let (_, body) = get(&app, "/api/facets?q=Qian").await;
    let f = json(&body);
    assert_eq!(f["total"], 3);
    assert!(f["facets"]["classification"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["value"] == "SECRET"));
    let (_, body) = get(&app, "/api/errors").await;
    assert!(body.contains("bad.pdf"));
}

#[tokio::test]
async fn an_estimated_page_count_is_shown_as_one() {
    // JFK 104-10065-10172: two pages exported as text without a page break.
    let memo = include_str!("../../../corpus/sample/jfk/104-10065-10172.txt");
    let tmp = tempfile::tempdir().unwrap();
    let a = Archive::open_or_create(tmp.path()).unwrap();
    {
        let mut w = a.writer().unwrap();
        put_text(&mut w, "memo", 7, memo);
        put_text(&mut w, "seed", 8, SEED_004);
        w.finish().unwrap();
    }
    let app = declass_server::router(a);
    let (st, body) = get(&app, &format!("/doc/{:016x}", 7)).await;
    assert_eq!(st, StatusCode::OK);
    assert!(body.contains("about 2</span>"), "{body}");
    let (_, api) = get(&app, &format!("/api/documents/{:016x}", 7)).await;
    assert_eq!(json(&api)["record"]["pages_estimated"], true, "{api}");
    // The seed's pages are marked in its text: counted, not estimated.
    let (_, body) = get(&app, &format!("/doc/{:016x}", 8)).await;
    assert!(!body.contains("about 2</span>"));
}

#[tokio::test]
async fn bad_requests_are_bounded_and_explained() {
    let tmp = tempfile::tempdir().unwrap();
    let app = declass_server::router(archive(tmp.path()));
    let (st, body) = get(&app, "/api/search?q=%22unbalanced").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    let e = json(&body);
    assert_eq!(e["kind"], "bad_query");
    assert!(e["error"].as_str().unwrap().contains("unbalanced quote"));
    let long = "a+".repeat(5000);
    let (st, _) = get(&app, &format!("/api/search?q={long}")).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    let (st, body) = get(&app, "/api/search?q=x&offset=200000").await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
    let (st, _) = get(&app, "/api/search?limit=lots").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    // Nothing outside the archive is served.
    let (st, _) = get(&app, "/static/../../etc/passwd").await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    let (st, _) = get(&app, "/catalogue.sqlite").await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    // The HTML search page explains a bad query too.
    let (st, body) = get(&app, "/?q=%22unbalanced").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(body.contains("unbalanced quote"));
}

#[tokio::test]
async fn pages_render_and_escape_document_text() {
    let tmp = tempfile::tempdir().unwrap();
    let app = declass_server::router(archive(tmp.path()));
    let (st, body) = get(&app, "/?q=Qian").await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        body.contains("Your") || body.contains("Suggested letter"),
        "{body}"
    );
    assert!(body.contains("briefing memorandum"), "facet link");
    assert!(!body.contains("<script>alert"), "titles are escaped");
    assert!(!body.contains("<img src=x"), "snippets are escaped");

    let (_, search) = get(&app, "/api/search?q=onerror").await;
    let id = json(&search)["hits"][0]["id"].as_str().unwrap().to_string();
    let (st, body) = get(&app, &format!("/doc/{id}")).await;
    assert_eq!(st, StatusCode::OK);
    assert!(body.contains("&lt;script&gt;"), "{body}");
    assert!(!body.contains("<script>alert"));
    assert!(!body.contains("<img src=x"));

    let (st, body) = get(&app, "/doc/01639").await;
    assert_eq!(st, StatusCode::OK);
    // The date's evidence is marked in the text and linked from the field.
    assert!(body.contains("<mark id=\"ev"), "{body}");
    assert!(body.contains(">1993/11/03</mark>"), "{body}");
    // The receipt stamp is a field with its evidence; so are a distribution line's offices.
    assert!(
        body.contains("<th>received</th>") && body.contains("S/S-IRM/RM 1993-11-03 16:15"),
        "{body}"
    );
    assert!(body.contains(">RECD S/S -IRM/RM&amp;</mark>"), "{body}");
    let (_, body) = get(&app, "/doc/01328").await;
    let rows: Vec<&str> = body
        .split("<tr><th>distribution</th>")
        .skip(1)
        .map(|r| r.split("</tr>").next().unwrap_or(""))
        .collect();
    assert_eq!(rows.len(), 7, "D P T C EAP HA S/S: {body}");
    assert!(
        !body.contains("<tr><th>copy</th>"),
        "each entry once: {body}"
    );
    assert!(rows[4].contains(">EAP</a>"), "{}", rows[4]);
    // Every response carries the server's own time, a 404 too.
    for uri in [
        "/?q=Qian",
        "/doc/01639",
        "/api/search?q=Qian",
        "/doc/nothing-here",
    ] {
        let res = tower::ServiceExt::oneshot(
            app.clone(),
            axum::http::Request::builder()
                .uri(uri)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
        let timing = res.headers()["server-timing"].to_str().unwrap().to_string();
        let ms: f64 = timing
            .strip_prefix("app;dur=")
            .and_then(|d| d.parse().ok())
            .unwrap_or_else(|| panic!("{uri}: {timing}"));
        assert!((0.0..60_000.0).contains(&ms), "{uri}: {timing}");
    }
    let (st, css) = get(&app, "/static/style.css").await;
    assert_eq!(st, StatusCode::OK);
    assert!(css.contains("mark:target"));
}

#[tokio::test]
async fn versions_are_listed_and_diffed() {
    let tmp = tempfile::tempdir().unwrap();
    let a = Archive::open_or_create(tmp.path()).unwrap();
    // A second release of the seed memo with one passage withheld.
    let redacted = SEED_000.replacen("nonproliferation", "(b)(1)", 1);
    assert_ne!(redacted, SEED_000);
    {
        let mut w = a.writer().unwrap();
        for (i, text) in [SEED_000, redacted.as_str()].iter().enumerate() {
            put_text(&mut w, "release", i, text);
        }
        w.finish().unwrap();
    }
    drop(a);
    let app = declass_server::router(Archive::open(tmp.path()).unwrap());
    let (old, new) = (format!("{:016x}", 0), format!("{:016x}", 1));

    let (_, body) = get(&app, &format!("/api/documents/{new}")).await;
    let v = json(&body);
    assert_eq!(v["versions"][0]["id"], old.as_str(), "{}", v["versions"]);
    assert_eq!(v["versions"][1]["of"], old.as_str());
    assert_eq!(v["versions"][1]["how"], "near");

    let (st, page) = get(&app, &format!("/doc/{new}")).await;
    assert_eq!(st, StatusCode::OK);
    assert!(page.contains(&format!("/diff/{old}/{new}")), "diff link");

    let (st, body) = get(&app, &format!("/api/diff/{old}/{new}")).await;
    assert_eq!(st, StatusCode::OK);
    let d = json(&body);
    assert_eq!(d["words_added"], 1, "{d}");
    assert!(d["pieces"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["op"] == "removed" && p["text"] == "nonproliferation,"));
    let (st, page) = get(&app, &format!("/diff/{old}/{new}")).await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        page.contains("<del>nonproliferation,</del><ins>(b)(1),</ins>"),
        "{page}"
    );
    let (st, body) = get(&app, &format!("/api/diff/{old}/nope")).await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert_eq!(json(&body)["kind"], "not_found");
}

#[tokio::test]
async fn people_offices_secrecy_network_and_collection() {
    let tmp = tempfile::tempdir().unwrap();
    let app = declass_server::router(archive(tmp.path()));

    // The seed action memo: from HA - Richard Schifter, cleared by K. Wiedemann (EAP/CM).
    let (st, body) = get(&app, "/api/people?kind=person&q=Richard").await;
    assert_eq!(st, StatusCode::OK);
    let p = json(&body);
    assert!(
        p["names"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["name"] == "Richard Schifter"),
        "{p}"
    );
    let (st, body) = get(&app, "/api/person?name=Richard%20Schifter").await;
    assert_eq!(st, StatusCode::OK);
    let d = json(&body);
    assert_eq!(d["documents"], 1);
    assert_eq!(d["appearances"][0]["role"], "author");
    assert_eq!(d["timeline"][0]["year"], 1990);
    let (_, landing) = get(&app, "/").await;
    assert!(
        landing.contains("<details class=\"syntax\" open"),
        "syntax help on the landing page"
    );
    let (st, page) = get(&app, "/person?name=Richard%20Schifter").await;
    assert_eq!(st, StatusCode::OK);
    assert!(page.contains("As author"), "{page}");
    assert!(page.contains("<svg"), "a timeline");
    let (st, body) = get(&app, "/api/office?name=EAP%2FCM").await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert!(json(&body)["appearances"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["role"] == "clearer"));
    let (st, body) = get(&app, "/api/person?name=Nobody%20Here").await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert_eq!(json(&body)["kind"], "not_found");
    let (st, _) = get(&app, "/api/people?kind=planet").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);

    // Person, office, exemption and review are search filters with facet counts.
    let (_, body) = get(&app, "/api/search?person=Richard%20Schifter").await;
    let r = json(&body);
    assert_eq!(r["total"], 1, "{r}");
    assert!(r["facets"]["office"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["value"] == "EAP/CM"));
    let (_, body) = get(&app, "/api/search?exemption=B1").await;
    assert!(json(&body)["total"].as_u64().unwrap() >= 1, "{body}");
    let (_, body) = get(&app, "/api/search?office=EAP%2FCM&q=Qian").await;
    assert!(json(&body)["total"].as_u64().unwrap() >= 1);

    // Secrecy over time: classification levels and exemption codes by year.
    let (st, body) = get(&app, "/api/secrecy").await;
    assert_eq!(st, StatusCode::OK);
    let s = json(&body);
    let secret = s["classification"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["value"] == "SECRET")
        .expect("SECRET documents");
    assert_eq!(secret["years"]["1993"], 1, "{s}");
    assert!(s["exemption"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["value"] == "B1"));
    let (st, page) = get(&app, "/secrecy?q=Qian").await;
    assert_eq!(st, StatusCode::OK);
    assert!(page.contains("Exemption codes"));

    // The network: clearers → the author they cleared for.
    let (_, body) = get(&app, "/api/network").await;
    let n = json(&body);
    assert!(
        n["edges"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["from"] == "K. Wiedemann"
                && e["to"] == "Richard Schifter"
                && e["relation"] == "cleared for"),
        "{n}"
    );
    // ... and the author → the offices of its distribution line (seed 004's `DIST 12/14`).
    assert!(
        n["edges"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["from"] == "Richard Schifter"
                && e["to"] == "EAP"
                && e["relation"] == "copied to"),
        "{n}"
    );
    // The relations drawn, chosen: copies alone, or all but copies; a wrong name is an error.
    let relations = |body: &str| -> Vec<String> {
        json(body)["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["relation"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let (_, body) = get(&app, "/api/network?relations=copied").await;
    let r = relations(&body);
    assert!(
        !r.is_empty() && r.iter().all(|r| r == "copied to"),
        "{body}"
    );
    let (_, body) = get(&app, "/api/network?relations=wrote,cleared").await;
    let r = relations(&body);
    assert!(r.iter().any(|r| r == "cleared for"), "{body}");
    assert!(!r.iter().any(|r| r == "copied to"), "{body}");
    let (st, body) = get(&app, "/api/network?relations=friends").await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
    let (_, page) = get(&app, "/network?relations=copied").await;
    assert!(page.contains("<strong>copied to</strong>"), "{page}");
    assert!(
        page.contains("href=\"/network?relations=cleared\""),
        "{page}"
    );
    // A distribution copy is an office's role on its page.
    let (_, body) = get(&app, "/api/office?name=EAP").await;
    let roles: Vec<String> = json(&body)["appearances"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|d| d["role"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(roles.iter().any(|r| r == "copy"), "{body}");
    let (st, page) = get(&app, "/network").await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        page.contains("/person?name=Richard+Schifter"),
        "nodes link to people"
    );

    // The collection: runs and files, and the document page's citation and text download.
    let (st, body) = get(&app, "/api/collection").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(json(&body)["stats"]["documents"], 3);
    let (st, page) = get(&app, "/collection").await;
    assert_eq!(st, StatusCode::OK);
    assert!(page.contains("bad.pdf"), "failed files listed");
    let (_, body) = get(&app, "/api/search?q=Schifter").await;
    let id = json(&body)["hits"][0]["id"].as_str().unwrap().to_string();
    let (_, page) = get(&app, &format!("/doc/{id}")).await;
    assert!(
        page.contains("Action memorandum, Richard Schifter to"),
        "{page}"
    );
    assert!(page.contains("/person?name=Richard+Schifter"));
    let (st, text) = get(&app, &format!("/doc/{id}/text")).await;
    assert_eq!(st, StatusCode::OK);
    assert!(text.contains("Qian Qichen"));
}

#[tokio::test]
async fn any_result_set_exports_as_csv_or_jsonl() {
    let tmp = tempfile::tempdir().unwrap();
    let app = declass_server::router(archive(tmp.path()));
    let (st, csv) = get(&app, "/api/export?q=Qian&format=csv").await;
    assert_eq!(st, StatusCode::OK);
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("id,date,doc_type,title,"));
    // Quoted fields may hold line breaks: count records, not lines.
    let rows = csv.matches("\n").count();
    assert!(rows >= 3, "{csv}");
    assert!(csv.contains("1993-11-03,briefing_memorandum,"), "{csv}");
    let (st, jsonl) = get(
        &app,
        "/api/export?q=Qian&format=jsonl&type=action_memorandum",
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    let records: Vec<serde_json::Value> = jsonl.lines().map(json).collect();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["doc_number"]["value"], "01328");
    // Nothing matches: a CSV with its header only.
    let (_, csv) = get(&app, "/api/export?q=zzzzqqq").await;
    assert_eq!(csv.lines().count(), 1, "{csv}");
    let (st, body) = get(&app, "/api/export?format=xml").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(body.contains("use csv or jsonl"));
    let (st, body) = get(&app, "/api/export?q=%22open").await;
    assert_eq!(
        st,
        StatusCode::BAD_REQUEST,
        "bad queries fail before streaming: {body}"
    );
}

#[tokio::test]
async fn the_openapi_file_describes_every_api_route() {
    let tmp = tempfile::tempdir().unwrap();
    let app = declass_server::router(archive(tmp.path()));
    let (st, body) = get(&app, "/api/openapi.json").await;
    assert_eq!(st, StatusCode::OK);
    let spec = json(&body);
    assert_eq!(spec["openapi"], "3.1.0");
    let paths = spec["paths"].as_object().unwrap();
    // Every /api/ route of the router (read from its source) is documented, and back.
    let src = include_str!("../src/lib.rs");
    // (every string literal starting `/api/`: rustfmt may put a route's path on its own line)
    let mut routes: Vec<&str> = src
        .split("\"/api/")
        .skip(1)
        .filter_map(|l| l.split('"').next())
        .map(|r| &src[src.find(&format!("\"/api/{r}\"")).unwrap_or(0) + 1..][..r.len() + 5])
        .collect();
    routes.sort();
    routes.dedup();
    assert!(routes.len() >= 14, "{routes:?}");
    for r in &routes {
        assert!(paths.contains_key(*r), "{r} is not in openapi.json");
        let (st, _) = get(
            &app,
            &r.replace("{id}", "x")
                .replace("{old}", "x")
                .replace("{new}", "y"),
        )
        .await;
        assert_ne!(st, StatusCode::METHOD_NOT_ALLOWED, "{r}");
    }
    for p in paths.keys() {
        assert!(
            routes.contains(&p.as_str()),
            "{p} is documented but not served"
        );
    }
}

#[tokio::test]
async fn entities_pages_and_corrections() {
    let tmp = tempfile::tempdir().unwrap();
    let app = declass_server::router(archive(tmp.path()));

    // The seed memos mention China's capital and the Ministry of Foreign Affairs.
    let (st, body) = get(&app, "/api/people?kind=place").await;
    assert_eq!(st, StatusCode::OK);
    let places = json(&body);
    assert!(
        places["names"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["name"] == "China"),
        "{places}"
    );
    let (st, body) = get(&app, "/api/place?name=China").await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(json(&body)["appearances"][0]["role"], "mentioned");
    let (st, page) = get(&app, "/people?kind=organization").await;
    assert_eq!(st, StatusCode::OK);
    assert!(page.contains("Ministry of Foreign Affairs"), "{page}");
    // the document page lists its entities, linked to their pages and first mentions
    let (_, body) = get(&app, "/api/search?q=Tarnoff").await;
    let id = json(&body)["hits"][0]["id"].as_str().unwrap().to_string();
    let (_, page) = get(&app, &format!("/doc/{id}")).await;
    assert!(page.contains("<h2>Entities</h2>"), "{page}");
    assert!(page.contains("href=\"/place?name=China\""), "{page}");
    assert!(
        page.contains("href=\"/person?name=Winston%20Lord\"")
            || page.contains("href=\"/person?name=Winston+Lord\""),
        "{page}"
    );
    assert!(
        page.contains("<mark id=\"ev") && page.contains("class=\"entity\""),
        "mentions are marked"
    );

    // Merge one person into another through the API; the merged name's page redirects.
    let (st, body) = get(&app, "/api/people?kind=person&limit=1000").await;
    assert_eq!(st, StatusCode::OK);
    let names: Vec<String> = json(&body)["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap().to_string())
        .collect();
    // (one from each seed memo)
    assert!(
        names.contains(&"K. Wiedemann".to_string()) && names.contains(&"Winston Lord".to_string()),
        "{names:?}"
    );
    let ct = [("content-type", "application/json")];
    let merge =
        r#"{"kind": "person", "name": "K. Wiedemann", "action": "merge", "into": "Winston Lord"}"#;
    let (st, body) = call(&app, "POST", "/api/corrections", &ct, merge).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(json(&body)["into"], "Winston Lord");
    let (st, body) = get(&app, "/api/person?name=K.%20Wiedemann").await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert!(body.contains("merged into"), "{body}");
    let (st, body) = call(&app, "GET", "/person?name=K.%20Wiedemann", &[], "").await;
    assert_eq!(st, StatusCode::SEE_OTHER, "{body}");
    assert!(body.starts_with("location: /person?name=Winston"), "{body}");
    let (_, body) = get(&app, "/api/search?person=Winston%20Lord").await;
    assert_eq!(
        json(&body)["total"],
        2,
        "the merged name's documents are found too"
    );
    let (_, body) = get(&app, "/api/corrections").await;
    assert_eq!(json(&body)["corrections"][0]["name"], "K. Wiedemann");

    // Refused: another site's form, an unknown name, a bad action.
    let foreign = [
        ("content-type", "application/json"),
        ("origin", "http://evil.example"),
        ("host", "127.0.0.1:8080"),
    ];
    let (st, _) = call(&app, "POST", "/api/corrections", &foreign, merge).await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    let (st, body) = call(
        &app,
        "POST",
        "/api/corrections",
        &ct,
        r#"{"kind": "person", "name": "Nobody", "action": "wrong"}"#,
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
    let (st, _) = call(
        &app,
        "POST",
        "/api/corrections",
        &ct,
        r#"{"kind": "person", "name": "Nobody", "action": "shrug"}"#,
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);

    // The name page's form marks a name wrong and goes back to the list.
    let form = [("content-type", "application/x-www-form-urlencoded")];
    let (st, body) = call(
        &app,
        "POST",
        "/corrections",
        &form,
        "kind=place&name=China&action=wrong",
    )
    .await;
    assert_eq!(st, StatusCode::SEE_OTHER, "{body}");
    let (st, _) = get(&app, "/api/place?name=China").await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    let (st, _) = call(
        &app,
        "DELETE",
        "/api/corrections?kind=place&name=China",
        &[],
        "",
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    let (st, _) = get(&app, "/api/place?name=China").await;
    assert_eq!(st, StatusCode::OK);
}
