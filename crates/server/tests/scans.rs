//! Page images beside the text: a PDF's pages rendered on request, only for files the
//! archive recorded (needs Poppler's pdftoppm, which scripts/test installs).

#[path = "../../ingest/tests/support/mod.rs"]
mod support;

mod common;

use axum::http::StatusCode;
use common::send as get;
use declass_archive::{Archive, FileOutcome, NewDocument};
use declass_ingest::{read_file, ReadOptions};

#[tokio::test]
async fn a_pdf_documents_pages_are_shown_as_images() {
    let tmp = tempfile::tempdir().unwrap();
    let pdf = tmp.path().join("memo.pdf");
    std::fs::write(&pdf, support::text_pdf(&[support::PAGE_1, support::PAGE_2])).unwrap();
    let read = read_file(&pdf, "memo.pdf", &ReadOptions::default()).unwrap();
    let doc = read.docs.into_iter().next().unwrap().unwrap();
    let id = doc.id();
    let source = declass_model::Source {
        path: doc.path.clone(),
        sha256: doc.file_sha256.clone(),
        format: "pdf".into(),
        pages: doc.pages,
        ..Default::default()
    };
    let e = declass_extract::extract(id.clone(), source, &doc.text);
    let a = Archive::open_or_create(&tmp.path().join("arch")).unwrap();
    {
        let mut w = a.writer().unwrap();
        w.put_file(FileOutcome {
            path: pdf.canonicalize().unwrap().display().to_string(),
            shown: "memo.pdf".into(),
            sha256: Some(read.sha256.clone()),
            size: Some(read.size),
            docs: vec![NewDocument::new(
                e.record,
                e.normalized.text,
                Some(doc.text),
                vec![],
            )],
            error: None,
        })
        .unwrap();
        w.finish().unwrap();
    }
    drop(a);
    let app = declass_server::router(Archive::open(&tmp.path().join("arch")).unwrap());

    let (st, _, page) = get(&app, &format!("/doc/{id}")).await;
    assert_eq!(st, StatusCode::OK);
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains(&format!("/doc/{id}/page/1")), "{page}");
    assert!(page.contains(&format!("/doc/{id}/page/2")));
    for n in [1, 2] {
        let (st, ctype, png) = get(&app, &format!("/doc/{id}/page/{n}")).await;
        assert_eq!(st, StatusCode::OK);
        assert_eq!(ctype.as_deref(), Some("image/png"));
        assert!(png.starts_with(b"\x89PNG"));
        // 8.5 x 11 inches at 100 dpi.
        let (w, h) = (
            u32::from_be_bytes(png[16..20].try_into().unwrap()),
            u32::from_be_bytes(png[20..24].try_into().unwrap()),
        );
        assert_eq!((w, h), (850, 1100));
    }
    let (st, _, _) = get(&app, &format!("/doc/{id}/page/9")).await;
    assert_eq!(st, StatusCode::NOT_FOUND, "no such page");
    // The original file, as it was read.
    assert!(page.contains(&format!("/doc/{id}/original")));
    let (st, ctype, bytes) = get(&app, &format!("/doc/{id}/original")).await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(ctype.as_deref(), Some("application/octet-stream"));
    assert_eq!(bytes, std::fs::read(&pdf).unwrap());
    // A moved or changed file is not shown.
    std::fs::write(&pdf, b"%PDF-1.4 changed").unwrap();
    let (st, _, _) = get(&app, &format!("/doc/{id}/page/1")).await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    let (st, _, _) = get(&app, &format!("/doc/{id}/original")).await;
    assert_eq!(st, StatusCode::NOT_FOUND);
}
