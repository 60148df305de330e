//! Zip and tar.gz releases read in place, with their limits: a zip bomb is refused, entries
//! that climb out with `../` are refused by name, and the rest of the container is read.

mod support;

use declass_ingest::container::{read_container, Kind, Limits};
use declass_ingest::{read_file, IngestError, ReadOptions, SourceDoc};
use std::io::Write;
use std::path::Path;
use support::*;
use zip::write::SimpleFileOptions;

fn zip_of(path: &Path, entries: &[(&str, &[u8])]) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, data) in entries {
        z.start_file(*name, opts).unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap();
}

fn split(docs: Vec<Result<SourceDoc, IngestError>>) -> (Vec<SourceDoc>, Vec<IngestError>) {
    let mut ok = Vec::new();
    let mut err = Vec::new();
    for d in docs {
        match d {
            Ok(d) => ok.push(d),
            Err(e) => err.push(e),
        }
    }
    (ok, err)
}

#[test]
fn a_zip_release_is_read_entry_by_entry() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = text_pdf(&[PAGE_1, PAGE_2]);
    let p = dir.path().join("release.zip");
    zip_of(
        &p,
        &[
            ("box1/memo.txt", b"SECRET\nSUBJECT: Talking points\n\n1. Text.\n"),
            ("box1/memo.pdf", &pdf),
            ("box2/batch.jsonl", b"{\"id\": \"A1\", \"text\": \"TO: DIRECTOR\"}\n{\"id\": \"A2\", \"text\": \"FROM: JMWAVE\"}\n"),
            ("../../evil.txt", b"escaped\n"),
            ("inner.zip", b"PK\x03\x04"),
            ("box2/empty.txt", b""),
        ],
    );
    let r = read_file(&p, "release.zip", &ReadOptions::detect()).unwrap();
    let (docs, errs) = split(r.docs);
    let paths: Vec<&str> = docs.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "release.zip#box1/memo.txt",
            "release.zip#box1/memo.pdf",
            "release.zip#box2/batch.jsonl#A1",
            "release.zip#box2/batch.jsonl#A2"
        ]
    );
    assert_eq!(docs[1].pages, 2);
    assert!(docs[1].text.contains("Vice Premier Qian"));
    let kinds: Vec<&str> = errs.iter().map(|e| e.kind()).collect();
    assert_eq!(kinds, vec!["unsafe_path", "unsupported"], "{errs:?}");
    let msg = errs[0].to_string();
    assert!(
        msg.contains("release.zip") && msg.contains("../../evil.txt"),
        "{msg}"
    );
    // Nothing was written outside (or anywhere near) the release.
    assert!(!dir.path().join("evil.txt").exists());
    assert!(!dir.path().parent().unwrap().join("evil.txt").exists());
}

#[test]
fn a_tar_gz_release_is_read_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("release.tar.gz");
    let gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&p).unwrap(),
        flate2::Compression::fast(),
    );
    let mut t = tar::Builder::new(gz);
    let pdf = text_pdf(&[PAGE_1]);
    for (name, data) in [
        ("a/memo.txt", &b"SUBJECT: Cable traffic\n"[..]),
        ("a/memo.pdf", &pdf),
    ] {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        t.append_data(&mut h, name, data).unwrap();
    }
    t.into_inner().unwrap().finish().unwrap();
    let r = read_file(&p, "release.tar.gz", &ReadOptions::detect()).unwrap();
    let (docs, errs) = split(r.docs);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1].path, "release.tar.gz#a/memo.pdf");
    // Cut short: what came before the cut is kept, the damage reported by name.
    let bytes = std::fs::read(&p).unwrap();
    let cut = dir.path().join("cut.tar.gz");
    std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    match read_file(&cut, "cut.tar.gz", &ReadOptions::detect()) {
        Ok(r) => {
            let (_, errs) = split(r.docs);
            assert!(errs
                .iter()
                .any(|e| e.kind() == "container" && e.to_string().contains("cut.tar.gz")));
        }
        Err(e) => assert!(e.to_string().contains("cut.tar.gz"), "{e}"),
    }
}

#[test]
fn a_zip_bomb_is_refused_not_unpacked() {
    let dir = tempfile::tempdir().unwrap();
    // 100 MiB of zeros deflates about 1000 to 1: refused from its headers.
    let zeros = vec![0u8; 100 << 20];
    let bomb = dir.path().join("bomb.zip");
    zip_of(&bomb, &[("zeros.txt", &zeros)]);
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1 << 20);
    let e = read_file(&bomb, "bomb.zip", &ReadOptions::detect()).unwrap_err();
    assert_eq!(e.kind(), "container");
    assert!(
        e.to_string().contains("bomb.zip") && e.to_string().contains("zip bomb"),
        "{e}"
    );
    // Under a byte budget, the bytes that come out are counted, whatever headers say;
    // the documents before the limit are kept.
    let many = dir.path().join("many.zip");
    let page = vec![b'a'; 1 << 20];
    zip_of(
        &many,
        &[
            ("ok.txt", b"SUBJECT: first\n"),
            ("big1.txt", &page),
            ("big2.txt", &page),
            ("big3.txt", &page),
        ],
    );
    let limits = Limits {
        total_bytes: (2 << 20) + 100,
        ..Limits::default()
    };
    let r = read_container(
        &many,
        "many.zip",
        Kind::Zip,
        String::new(),
        0,
        &ReadOptions::detect(),
        limits,
    )
    .unwrap();
    let (docs, errs) = split(r.docs);
    assert_eq!(docs.len(), 3, "ok.txt, big1.txt and big2.txt fit");
    assert_eq!(errs.len(), 1);
    let msg = errs[0].to_string();
    assert!(
        msg.contains("many.zip") && msg.contains("big3.txt") && msg.contains("limit"),
        "{msg}"
    );
}

#[test]
fn entry_errors_name_the_entry_and_keep_their_kind() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("release.zip");
    zip_of(
        &p,
        &[
            ("memo.txt", b"SUBJECT: kept\n"),
            ("box1/bad.pdf", b"%PDF-1.4\n\x00\x01garbage\n"),
        ],
    );
    let r = read_file(&p, "release.zip", &ReadOptions::detect()).unwrap();
    let (docs, errs) = split(r.docs);
    assert_eq!(docs.len(), 1);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].kind(), "pdf");
    assert_eq!(errs[0].path(), p.join("box1/bad.pdf"));
    assert!(errs[0]
        .to_string()
        .contains("release.zip/box1/bad.pdf: not a readable PDF"));

    // An entry that needs OCR while Tesseract is missing makes the whole container wait,
    // so `ingest --resume` reads it again.
    let scan = dir.path().join("scan.zip");
    let typed = dir.path().join("typed.pdf");
    std::fs::write(&typed, text_pdf(&[PAGE_1])).unwrap();
    let pgm = render(&typed, 150, "gray", &dir.path().join("pg"));
    let scanned = image_pdf(&[read_pgm(&pgm[0])]);
    zip_of(
        &scan,
        &[("memo.txt", b"SUBJECT: kept\n"), ("scan.pdf", &scanned)],
    );
    let no_ocr = ReadOptions {
        tesseract: None,
        ..ReadOptions::default()
    };
    let e = read_file(&scan, "scan.zip", &no_ocr).unwrap_err();
    assert!(e.is_waiting(), "{e}");
    assert_eq!(e.path(), scan);
}
