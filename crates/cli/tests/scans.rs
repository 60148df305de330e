//! PDFs and scans end to end through the binary: files that need OCR wait while Tesseract
//! is missing, `ingest --resume` finishes them, and OCR confidence filters search.

#[path = "../../ingest/tests/support/mod.rs"]
mod support;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};
use support::*;

fn declass(args: &[&str], tesseract: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_declass"));
    c.args(args).env_remove("DECLASS_ARCHIVE");
    match tesseract {
        Some(t) => c.env("DECLASS_TESSERACT", t),
        None => c.env_remove("DECLASS_TESSERACT"),
    };
    c.output().expect("run declass")
}

/// Every JSON line of `ingest --json`.
fn events(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn scans_wait_for_tesseract_then_resume_and_filter_by_confidence() {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("work");
    let rel = tmp.path().join("release");
    std::fs::create_dir_all(&work).unwrap();
    std::fs::create_dir_all(&rel).unwrap();
    let typed = work.join("typed.pdf");
    std::fs::write(&typed, text_pdf(&[PAGE_1, PAGE_2])).unwrap();
    std::fs::write(rel.join("text-layer.pdf"), text_pdf(&[PAGE_1, PAGE_2])).unwrap();
    let pgms = render(&typed, 300, "gray", &work.join("scan"));
    let pages: Vec<_> = pgms.iter().map(|p| read_pgm(p)).collect();
    std::fs::write(rel.join("scanned.pdf"), image_pdf(&pages)).unwrap();
    let arch = tmp.path().join("arch");

    // Tesseract missing: the text PDF is read, the scan waits, and the run says how to go on.
    let out = declass(
        &["ingest", s(&rel), "--archive", s(&arch), "--json"],
        Some("/no/such/tesseract"),
    );
    assert_eq!(out.status.code(), Some(1), "waiting files: exit 1");
    let ev = events(&out);
    assert_eq!(ev[0]["event"], "start");
    assert!(ev[0]["ocr"].is_null());
    let files: Vec<&Value> = ev.iter().filter(|e| e["event"] == "file").collect();
    assert_eq!(files.len(), 2);
    let scan = files
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("scanned.pdf"))
        .unwrap();
    assert_eq!(scan["status"], "waiting");
    assert_eq!(scan["kind"], "waiting_ocr");
    let sum = ev.last().unwrap();
    assert_eq!(sum["event"], "summary");
    assert_eq!(sum["files_waiting"], 1);
    assert_eq!(sum["documents_added"], 1);
    // Text output says it once, with the install command.
    let out = declass(
        &["ingest", s(&rel), "--archive", s(&tmp.path().join("arch2"))],
        Some("/no/such/tesseract"),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.matches("Tesseract is not installed").count(),
        1,
        "{err}"
    );
    assert!(
        err.contains("apt-get install tesseract-ocr") && err.contains("--resume"),
        "{err}"
    );

    // Tesseract back: --resume (no paths) finishes the waiting scan, and only it.
    let out = declass(
        &["ingest", "--resume", "--archive", s(&arch), "--json"],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ev = events(&out);
    let sum = ev.last().unwrap();
    assert_eq!(sum["documents_added"], 1, "{sum}");
    assert_eq!(sum["files_waiting"], 0);
    assert_eq!(sum["ocr_pages"], 2);
    let stats: Value =
        serde_json::from_slice(&declass(&["stats", "--archive", s(&arch), "--json"], None).stdout)
            .unwrap();
    assert_eq!(stats["files_waiting"], 0);
    assert_eq!(stats["documents_ocr"], 1);
    assert_eq!(stats["pages"], 4);

    // The OCR'd record says so, page by page.
    let search = |extra: &[&str]| -> Vec<Value> {
        let mut args = vec!["search", "Qian", "--archive", s(&arch), "--json"];
        args.extend_from_slice(extra);
        let out = declass(&args, None);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["hits"].as_array().unwrap().clone()
    };
    let hits = search(&[]);
    assert_eq!(hits.len(), 2, "text layer and OCR both found");
    let scanned_id = hits
        .iter()
        .find(|h| h["path"].as_str().unwrap().ends_with("scanned.pdf"))
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let shown: Value = serde_json::from_slice(
        &declass(
            &["show", &scanned_id, "--archive", s(&arch), "--json"],
            None,
        )
        .stdout,
    )
    .unwrap();
    let source = &shown["record"]["source"];
    assert_eq!(source["ocr"], true, "{source}");
    assert_eq!(source["ocr_pages"].as_array().unwrap().len(), 2);
    let conf = source["ocr_confidence"].as_f64().unwrap();
    assert!(conf > 80.0, "{conf}");
    // A bar above the scan's confidence leaves out the scan, not the text layer.
    let above = format!("{}", conf.ceil() + 1.0);
    let hits = search(&["--min-ocr-confidence", &above]);
    assert_eq!(hits.len(), 1);
    assert!(hits[0]["path"]
        .as_str()
        .unwrap()
        .ends_with("text-layer.pdf"));
    assert_eq!(search(&["--min-ocr-confidence", "50"]).len(), 2);
}

#[test]
fn a_missing_language_pack_is_an_error_before_any_work() {
    let tmp = tempfile::tempdir().unwrap();
    let out = declass(
        &[
            "ingest",
            s(tmp.path()),
            "--archive",
            s(&tmp.path().join("a")),
            "--ocr-lang",
            "eng+xyz",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("xyz") && err.contains("tesseract-ocr-xyz"),
        "{err}"
    );
}
