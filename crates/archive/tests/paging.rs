//! Paging by cursor: every document of a result set exactly once, in order, at any depth,
//! ties at one date and undated documents included.

use declass_archive::{Archive, FileOutcome, NewDocument, SearchRequest, Sort};
use declass_model::{DatePrecision, DocDate, Record, Source, Span};
use std::collections::HashSet;

fn doc(i: u32) -> FileOutcome {
    let id = format!("{i:016x}");
    let mut r = Record::empty(
        id,
        Source {
            path: format!("d{i}.txt"),
            sha256: format!("{i:064x}"),
            format: "text".into(),
            pages: 1,
            ..Source::default()
        },
    );
    // Four dates shared by many documents, and every seventh undated.
    if !i.is_multiple_of(7) {
        r.date = Some(DocDate {
            value: format!("19{}-0{}-15", 60 + i % 4, 1 + i % 4),
            precision: DatePrecision::Day,
            span: Span::default(),
            confidence: None,
        });
    }
    FileOutcome {
        path: format!("/abs/d{i}.txt"),
        shown: format!("d{i}.txt"),
        sha256: Some(format!("{i:064x}")),
        size: Some(1),
        docs: vec![NewDocument::new(
            r,
            format!("cable number {i} about Cuba"),
            None,
            vec![],
        )],
        error: None,
    }
}

fn walk(a: &Archive, sort: Sort, q: &str) -> Vec<(String, Option<String>)> {
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let r = a
            .search(&SearchRequest {
                q: q.into(),
                sort,
                limit: 7,
                facets: true,
                cursor: cursor.clone(),
                ..SearchRequest::default()
            })
            .unwrap();
        assert_eq!(
            r.total, 100,
            "the total is the whole result set's on every page"
        );
        assert!(r.facets["year"].iter().map(|f| f.count).sum::<u64>() == 100);
        seen.extend(r.hits.iter().map(|h| (h.id.clone(), h.date.clone())));
        match r.next_cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
        assert!(seen.len() <= 100, "no end");
    }
    seen
}

#[test]
fn a_cursor_reaches_every_document_once_in_date_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = Archive::open_or_create(dir.path()).unwrap();
    let mut w = a.writer().unwrap();
    for i in 1..=100 {
        w.put_file(doc(i)).unwrap();
    }
    w.finish().unwrap();

    for (sort, q) in [
        (Sort::DateAsc, "cuba"),
        (Sort::DateDesc, ""),
        (Sort::Relevance, "cable"),
    ] {
        let seen = walk(&a, sort, q);
        let ids: HashSet<&String> = seen.iter().map(|s| &s.0).collect();
        assert_eq!(seen.len(), 100, "{sort:?}");
        assert_eq!(ids.len(), 100, "{sort:?}: no document twice");
        if sort != Sort::Relevance {
            let dates: Vec<String> = seen
                .iter()
                .map(|s| s.1.clone().unwrap_or_default())
                .collect();
            let mut sorted = dates.clone();
            sorted.sort();
            if sort == Sort::DateDesc {
                sorted.reverse();
            }
            assert_eq!(
                dates, sorted,
                "{sort:?}: in date order, undated at the old end"
            );
        }
    }
    // A date filter with only an upper bound leaves the undated out.
    let r = a
        .search(&SearchRequest {
            date_to: Some("1999".into()),
            limit: 1,
            ..SearchRequest::default()
        })
        .unwrap();
    assert_eq!(r.total, 100 - 100 / 7);
    // Cursors are checked.
    let bad = a.search(&SearchRequest {
        cursor: Some("zz".into()),
        limit: 5,
        ..SearchRequest::default()
    });
    assert!(bad.unwrap_err().to_string().contains("not a cursor"));
}

#[test]
fn cached_totals_and_facets_follow_new_documents() {
    let dir = tempfile::tempdir().unwrap();
    let a = Archive::open_or_create(dir.path()).unwrap();
    let req = SearchRequest {
        q: "cuba".into(),
        limit: 5,
        facets: true,
        ..SearchRequest::default()
    };
    let mut w = a.writer().unwrap();
    for i in 1..=10 {
        w.put_file(doc(i)).unwrap();
    }
    w.commit().unwrap();
    let first = a.search(&req).unwrap();
    assert_eq!(first.total, 10);
    // The same search again (another page, another sort) is answered from the cache...
    let again = a
        .search(&SearchRequest {
            sort: Sort::DateDesc,
            ..req.clone()
        })
        .unwrap();
    assert_eq!(again.total, 10);
    assert_eq!(again.facets["year"], first.facets["year"]);
    // ...until the index changes.
    for i in 11..=15 {
        w.put_file(doc(i)).unwrap();
    }
    w.finish().unwrap();
    let after = a.search(&req).unwrap();
    assert_eq!(after.total, 15);
    assert_eq!(
        after.facets["year"].iter().map(|f| f.count).sum::<u64>(),
        15
    );
    // Without facets asked for, none are returned even when cached.
    let bare = a
        .search(&SearchRequest {
            facets: false,
            ..req
        })
        .unwrap();
    assert!(bare.facets.is_empty());
    assert_eq!(bare.total, 15);
}

/// A search with more matches than `FACET_SAMPLE` counts the facets of a sample, scaled
/// and flagged as estimated, close to the exact counts `exact_facets` gives; the total is
/// exact either way, and a narrower search counts every match.
#[test]
fn broad_searches_estimate_facets_from_a_sample() {
    let dir = tempfile::tempdir().unwrap();
    let a = Archive::open_or_create(dir.path()).unwrap();
    let n = 3 * declass_archive::FACET_SAMPLE as u32;
    let mut w = a.writer().unwrap();
    for i in 1..=n {
        w.put_file(doc(i)).unwrap();
    }
    w.finish().unwrap();
    let req = SearchRequest {
        q: "cuba".into(),
        limit: 3,
        facets: true,
        ..SearchRequest::default()
    };
    let years = |r: &declass_archive::SearchResults| -> Vec<(String, u64)> {
        r.facets["year"]
            .iter()
            .map(|c| (c.value.clone(), c.count))
            .collect()
    };
    let sampled = a.search(&req).unwrap();
    let exact = a
        .search(&SearchRequest {
            exact_facets: true,
            ..req.clone()
        })
        .unwrap();
    assert_eq!((sampled.total, exact.total), (n as usize, n as usize));
    assert!(sampled.facets_estimated && !exact.facets_estimated);
    // five years (four dates and undated), each within 10% of its exact count
    assert_eq!(years(&exact).len(), 5);
    for ((y, s), (y2, e)) in years(&sampled).into_iter().zip(years(&exact)) {
        assert_eq!(y, y2);
        let err = (s as f64 - e as f64).abs() / e as f64;
        assert!(err < 0.1, "{y}: sampled {s}, exact {e}");
    }
    // A narrower search (one year) is counted in full.
    let one_year = a
        .search(&SearchRequest {
            date_from: Some("1961".into()),
            date_to: Some("1961".into()),
            ..req
        })
        .unwrap();
    assert!(!one_year.facets_estimated);
    assert_eq!(
        one_year.facets["year"],
        exact.facets["year"]
            .iter()
            .filter(|c| c.value == "1961")
            .cloned()
            .collect::<Vec<_>>()
    );
}
