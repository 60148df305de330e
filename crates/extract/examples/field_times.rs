//! Time each field family over a folder of texts: `cargo run --release --example
//! field_times -p declass-extract -- corpus/sample/jfk`. Shows where extraction spends.

use declass_extract::{fields, normalize};
use std::time::Instant;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "corpus/sample/jfk".into());
    let mut texts = Vec::new();
    for e in std::fs::read_dir(&dir).expect("a folder of texts") {
        let p = e.expect("entry").path();
        texts.push(String::from_utf8_lossy(&std::fs::read(p).expect("readable")).into_owned());
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let norm: Vec<_> = texts.iter().map(|t| normalize(t)).collect();
    let reps = 10;
    let time = |name: &str, f: &dyn Fn(&declass_extract::Normalized)| {
        let t = Instant::now();
        for _ in 0..reps {
            for n in &norm {
                f(n);
            }
        }
        let s = t.elapsed().as_secs_f64();
        println!("{name:<16} {:>8.1} MB/s", (bytes * reps) as f64 / 1e6 / s);
    };
    time("normalize", &|n| drop(normalize(&n.text)));
    time("form", &|n| drop(fields::form::extract(n)));
    time("numbers", &|n| {
        drop((
            fields::numbers::doc_number(n),
            fields::numbers::record_number(n),
            fields::numbers::control_numbers(n),
        ))
    });
    time("date", &|n| drop(fields::date::extract(n, 0..0)));
    time("doc_type", &|n| drop(fields::doc_type::extract(n)));
    time("title", &|n| drop(fields::title::extract(n, 0)));
    time("classification", &|n| {
        drop(fields::classification::extract(n))
    });
    time("agency", &|n| drop(fields::agency::extract(n, None, 0, "")));
    time("routing", &|n| drop(fields::routing::extract(n, 0)));
    time("clearance", &|n| drop(fields::clearance::extract(n, 0)));
    time("anatomy", &|n| drop(fields::anatomy::extract(n, 0, None)));
    time("review", &|n| drop(fields::review::extract(n, None, 0)));
    time("a.sections", &|n| {
        let all: Vec<_> = declass_extract::lines::lines(&n.text).collect();
        drop(fields::anatomy::sections(n, &all))
    });
    time("a.attach", &|n| {
        let all: Vec<_> = declass_extract::lines::lines(&n.text).collect();
        drop(fields::anatomy::attachments(n, &all))
    });
    time("a.decision", &|n| drop(fields::anatomy::decision(n, &[])));
    time("a.meeting", &|n| drop(fields::anatomy::meeting(n, 0, None)));
    time("a.lines", &|n| {
        let all: Vec<_> = declass_extract::lines::lines(&n.text).collect();
        drop(all)
    });
    time("all", &|n| {
        drop(declass_extract::extract(
            "x".into(),
            Default::default(),
            &n.text,
        ))
    });
}
