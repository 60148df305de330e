//! Versions: the same document released twice is linked, whatever the file, and the diff
//! between the two is there to read.

use declass_archive::{Archive, FileOutcome, NewDocument, Piece};
use declass_model::{Record, Source};

// The same 1979 CIA memo released twice by NARA, under two record numbers, with
// different cover sheets and OCR (from the bundled sample corpus).
const MEMO_A: &str = include_str!("../../../corpus/sample/jfk/104-10143-10199.txt");
const MEMO_B: &str = include_str!("../../../corpus/sample/jfk/104-10322-10096.txt");
const UNRELATED: &str = include_str!("../../../corpus/sample/seeds/000_79b9a1f4bfb66b60.txt");

fn doc(id: &str, text: &str) -> FileOutcome {
    let source = Source {
        path: format!("{id}.txt"),
        sha256: format!("{id:0>64}"),
        format: "text".into(),
        pages: 1,
        ..Source::default()
    };
    let record = Record::empty(id.to_string(), source);
    FileOutcome {
        path: format!("/abs/{id}.txt"),
        shown: format!("{id}.txt"),
        sha256: Some(format!("{id:0>64}")),
        size: Some(text.len() as u64),
        docs: vec![NewDocument::new(record, text.to_string(), None, vec![])],
        error: None,
    }
}

/// A later release: one paragraph withheld under (b)(1).
fn redacted(text: &str) -> String {
    text.replacen(
        "I don't think we made many points although Mr. Blakey",
        "(b)(1)",
        1,
    )
}

fn build(dir: &std::path::Path, docs: &[(&str, &str)]) -> Archive {
    let a = Archive::open_or_create(dir).unwrap();
    let mut w = a.writer().unwrap();
    for (id, text) in docs {
        w.put_file(doc(id, text)).unwrap();
    }
    w.finish().unwrap();
    a
}

#[test]
fn a_second_release_of_the_same_memo_is_linked_as_a_version() {
    let dir = tempfile::tempdir().unwrap();
    let third = redacted(MEMO_A);
    let a = build(
        dir.path(),
        &[
            ("00000000000000a1", MEMO_A),
            ("00000000000000e1", UNRELATED),
            ("00000000000000b1", MEMO_B),
            ("00000000000000c1", &third),
        ],
    );
    let got = a.get("00000000000000b1").unwrap().unwrap();
    let ids: Vec<&str> = got.versions.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(
        ids,
        ["00000000000000a1", "00000000000000b1", "00000000000000c1"]
    );
    assert_eq!(got.versions_total, 3);
    // A page lists a few and says how many there are.
    let listed = a.get_listing("00000000000000b1", 2).unwrap().unwrap();
    assert_eq!(listed.versions.len(), 2);
    assert_eq!(listed.versions_total, 3);
    let b = &got.versions[1];
    assert_eq!(b.of.as_deref(), Some("00000000000000a1"));
    assert_eq!(b.how.as_deref(), Some("near"));
    let s = b.similarity.unwrap();
    assert!((0.5..1.0).contains(&s), "similarity {s}");
    // The first of the group has no link of its own; the unrelated memo has no versions.
    assert_eq!(got.versions[0].of, None);
    assert!(a
        .get("00000000000000e1")
        .unwrap()
        .unwrap()
        .versions
        .is_empty());
    assert_eq!(a.stats().unwrap().versions, 2);

    let d = a
        .diff("00000000000000a1", "00000000000000c1")
        .unwrap()
        .unwrap();
    assert!(d
        .pieces
        .iter()
        .any(|p| matches!(p, Piece::Removed(t) if t.contains("points"))));
    assert!(d
        .pieces
        .iter()
        .any(|p| matches!(p, Piece::Added(t) if t.contains("(b)(1)"))));
    assert!(a.diff("00000000000000a1", "nope").unwrap().is_none());
}

#[test]
fn an_archive_from_before_versions_gets_them_on_the_next_write_open() {
    let dir = tempfile::tempdir().unwrap();
    drop(build(
        dir.path(),
        &[("00000000000000a1", MEMO_A), ("00000000000000b1", MEMO_B)],
    ));
    // Make it look like a schema-2 archive: no signatures, bands or links, and the
    // marker the migration leaves.
    {
        let c = rusqlite::Connection::open(dir.path().join("catalogue.sqlite")).unwrap();
        c.execute_batch(
            "DELETE FROM signatures; DELETE FROM bands; DELETE FROM versions;
             INSERT INTO meta(key, value) VALUES ('versions_backfill', '2');",
        )
        .unwrap();
    }
    assert!(Archive::open(dir.path())
        .unwrap()
        .versions("00000000000000b1")
        .unwrap()
        .is_empty());
    let a = Archive::open_or_create(dir.path()).unwrap();
    let v = a.versions("00000000000000b1").unwrap();
    assert_eq!(v.len(), 2);
    assert_eq!(v[1].of.as_deref(), Some("00000000000000a1"));
    // Done once: the marker is gone, and reopening adds nothing twice.
    drop(a);
    let a = Archive::open_or_create(dir.path()).unwrap();
    assert_eq!(a.stats().unwrap().versions, 1);
}
