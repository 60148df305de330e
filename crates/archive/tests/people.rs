//! People and offices: counted as documents are stored, listed by role, backfilled for
//! archives written before they existed.

use declass_archive::{Archive, FileOutcome, NameKind, NewDocument};
use declass_model::{DatePrecision, DocDate, Party, Record, Source, Span};

fn party(raw: &str, name: &str, office: &str) -> Party {
    Party {
        raw: raw.into(),
        name: Some(name.into()),
        title: None,
        office: Some(office.into()),
        date: None,
        phone: None,
        side: None,
        span: Span::default(),
    }
}

fn memo(i: u32, year: u32) -> FileOutcome {
    let id = format!("{i:016x}");
    let mut r = Record::empty(
        id.clone(),
        Source {
            path: format!("memo{i}.txt"),
            sha256: format!("{i:064x}"),
            format: "text".into(),
            pages: 1,
            ..Source::default()
        },
    );
    // The seed action memo's routing and clearances.
    r.from = vec![party("HA - Richard Schifter", "Richard Schifter", "HA")];
    r.cleared_by = vec![
        party("EAP/CM: KWiedemann", "K. Wiedemann", "EAP/CM"),
        party("P: CKartman", "C. Kartman", "P"),
    ];
    if i.is_multiple_of(2) {
        r.to = vec![party("EAP - Winston Lord", "Winston Lord", "EAP")];
    }
    r.date = Some(DocDate {
        value: format!("{year}-12-15"),
        precision: DatePrecision::Day,
        span: Span::default(),
        confidence: None,
    });
    FileOutcome {
        path: format!("/abs/memo{i}.txt"),
        shown: format!("memo{i}.txt"),
        sha256: Some(format!("{i:064x}")),
        size: Some(10),
        docs: vec![NewDocument::new(r, format!("memo {i}"), None, vec![])],
        error: None,
    }
}

#[test]
fn names_are_counted_listed_by_role_and_backfilled() {
    let dir = tempfile::tempdir().unwrap();
    {
        let a = Archive::open_or_create(dir.path()).unwrap();
        let mut w = a.writer().unwrap();
        for i in 1..=4 {
            w.put_file(memo(i, 1989 + i)).unwrap();
        }
        w.finish().unwrap();
    }
    let check = |a: &Archive| {
        let (total, people) = a.names(NameKind::Person, "", 0, 10).unwrap();
        assert_eq!(total, 4);
        assert_eq!(people[0].name, "C. Kartman"); // 4 documents; ties by name
        assert_eq!(people[0].documents, 4);
        assert_eq!(
            a.name_count(NameKind::Person, "Winston Lord").unwrap(),
            Some(2)
        );
        let (_, w) = a.names(NameKind::Person, "win", 0, 10).unwrap();
        assert_eq!(w.len(), 1, "prefix filter, any case");
        let docs = a.name_documents(NameKind::Office, "EAP/CM", 10).unwrap();
        assert_eq!(docs.len(), 4);
        assert!(docs.iter().all(|d| d.role == "clearer"));
        assert_eq!(docs[0].date.as_deref(), Some("1990-12-15"), "oldest first");
        let years: Vec<i64> = a
            .name_timeline(NameKind::Person, "Winston Lord")
            .unwrap()
            .iter()
            .map(|y| y.year)
            .collect();
        assert_eq!(years, [1991, 1993]);
    };
    check(&Archive::open(dir.path()).unwrap());

    // An archive from before people were listed: its documents get their names on the
    // next write-open, once.
    {
        let c = rusqlite::Connection::open(dir.path().join("catalogue.sqlite")).unwrap();
        c.execute_batch(
            "DELETE FROM parties; DELETE FROM names;
             INSERT INTO meta(key, value) VALUES ('parties_backfill', '4');",
        )
        .unwrap();
    }
    drop(Archive::open_or_create(dir.path()).unwrap());
    drop(Archive::open_or_create(dir.path()).unwrap());
    check(&Archive::open(dir.path()).unwrap());
}
