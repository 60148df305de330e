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
        span: Span::default(),
        ..Party::default()
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

fn entity(name: &str, canonical: Option<&str>, authority: Option<&str>) -> declass_model::Entity {
    declass_model::Entity {
        name: name.into(),
        canonical: canonical.map(str::to_string),
        authority: authority.map(str::to_string),
        mentions: vec![Span {
            start: 1,
            end: 2,
            page: 1,
        }],
    }
}

/// Entities of the text feed the names: linked people under the authority's name with the
/// role `mentioned`, organizations and places by canonical name. Corrections are stored
/// apart, applied to lists, pages, timelines and the person filter, and undone.
#[test]
fn entities_are_named_and_corrections_apply() {
    let dir = tempfile::tempdir().unwrap();
    {
        let a = Archive::open_or_create(dir.path()).unwrap();
        let mut w = a.writer().unwrap();
        for i in 1..=3 {
            let mut f = memo(i, 1975);
            let r = &mut f.docs[0].record;
            r.entities.people = vec![if i == 3 {
                entity("KISSINGER", Some("Kissinger"), None)
            } else {
                entity(
                    "SECSTATE KISSINGER",
                    Some("Henry A. Kissinger"),
                    Some("hsg:107252"),
                )
            }];
            r.entities.people.push(entity("the President", None, None));
            r.entities.countries = vec![entity("PEKING", Some("Beijing"), None)];
            r.entities.organizations = vec![
                entity("EMBASSY", None, None),
                entity("USUN", Some("U.S. Mission to the United Nations"), None),
            ];
            w.put_file(f).unwrap();
        }
        w.finish().unwrap();
    }
    let a = Archive::open(dir.path()).unwrap();
    assert_eq!(
        a.name_count(NameKind::Person, "Henry A. Kissinger")
            .unwrap(),
        Some(2)
    );
    let docs = a
        .name_documents(NameKind::Person, "Henry A. Kissinger", 10)
        .unwrap();
    assert!(docs.iter().all(|d| d.role == "mentioned"), "{docs:?}");
    // a bare title is not a name; a lone surname unlinked is not listed (ambiguous)
    assert_eq!(
        a.name_count(NameKind::Person, "the President").unwrap(),
        None
    );
    assert_eq!(a.name_count(NameKind::Person, "Kissinger").unwrap(), None);
    assert_eq!(a.name_count(NameKind::Place, "Beijing").unwrap(), Some(3));
    let (_, orgs) = a.names(NameKind::Organization, "", 0, 10).unwrap();
    let orgs: Vec<&str> = orgs.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(
        orgs,
        ["U.S. Mission to the United Nations"],
        "EMBASSY alone says not which"
    );

    // merge: Winston Lord's documents (2) and C. Kartman's (3) under one name
    let merged = a
        .correct(
            NameKind::Person,
            "C. Kartman",
            &declass_archive::Correction::Merge {
                into: "Winston Lord".into(),
            },
        )
        .unwrap();
    assert_eq!(
        merged,
        declass_archive::Correction::Merge {
            into: "Winston Lord".into()
        }
    );
    assert_eq!(
        a.name_count(NameKind::Person, "Winston Lord").unwrap(),
        Some(3)
    );
    assert_eq!(a.name_count(NameKind::Person, "C. Kartman").unwrap(), None);
    let (_, people) = a.names(NameKind::Person, "", 0, 10).unwrap();
    assert!(people.iter().all(|n| n.name != "C. Kartman"));
    assert_eq!(
        people
            .iter()
            .find(|n| n.name == "Winston Lord")
            .map(|n| n.documents),
        Some(3)
    );
    let years = a.name_timeline(NameKind::Person, "Winston Lord").unwrap();
    assert_eq!(years.iter().map(|y| y.documents).sum::<u64>(), 3);
    // a merge into a merged name goes to where that one went
    let chained = a
        .correct(
            NameKind::Person,
            "K. Wiedemann",
            &declass_archive::Correction::Merge {
                into: "C. Kartman".into(),
            },
        )
        .unwrap();
    assert_eq!(
        chained,
        declass_archive::Correction::Merge {
            into: "Winston Lord".into()
        }
    );
    // wrong: gone from the list; undo brings it back
    a.correct(
        NameKind::Place,
        "Beijing",
        &declass_archive::Correction::Wrong,
    )
    .unwrap();
    assert_eq!(a.name_count(NameKind::Place, "Beijing").unwrap(), None);
    assert_eq!(a.corrections().unwrap().len(), 3);
    assert!(a.uncorrect(NameKind::Place, "Beijing").unwrap());
    assert_eq!(a.name_count(NameKind::Place, "Beijing").unwrap(), Some(3));
    // bad corrections are refused with the reason
    let e = a
        .correct(
            NameKind::Person,
            "Nobody",
            &declass_archive::Correction::Wrong,
        )
        .unwrap_err()
        .to_string();
    assert!(e.contains("no person named"), "{e}");
    let e = a
        .correct(
            NameKind::Person,
            "Winston Lord",
            &declass_archive::Correction::Merge {
                into: "Winston Lord".into(),
            },
        )
        .unwrap_err()
        .to_string();
    assert!(e.contains("itself"), "{e}");

    // corrections survive a re-ingest: a writer adding documents leaves them alone
    {
        let w_archive = Archive::open_or_create(dir.path()).unwrap();
        let mut w = w_archive.writer().unwrap();
        w.put_file(memo(9, 1977)).unwrap();
        w.finish().unwrap();
    }
    let a = Archive::open(dir.path()).unwrap();
    assert_eq!(
        a.correction(NameKind::Person, "C. Kartman").unwrap(),
        Some(declass_archive::Correction::Merge {
            into: "Winston Lord".into()
        })
    );
    assert_eq!(
        a.name_count(NameKind::Person, "Winston Lord").unwrap(),
        Some(4)
    );
    // and the person filter finds the documents of the names merged in
    let req = declass_archive::SearchRequest {
        person: vec!["Winston Lord".into()],
        limit: 10,
        ..Default::default()
    };
    assert_eq!(a.search(&req).unwrap().total, 4);
    // and the person facet no longer offers the merged-away names
    let all = declass_archive::SearchRequest {
        limit: 10,
        facets: true,
        ..Default::default()
    };
    let people: Vec<String> = a.search(&all).unwrap().facets["person"]
        .iter()
        .map(|v| v.value.clone())
        .collect();
    assert!(people.contains(&"Winston Lord".to_string()), "{people:?}");
    assert!(
        !people.contains(&"C. Kartman".to_string())
            && !people.contains(&"K. Wiedemann".to_string()),
        "{people:?}"
    );
}
