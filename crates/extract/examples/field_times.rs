//! Time each field family over a folder of texts: `cargo run --release --example
//! field_times -p declass-extract -- corpus/sample/jfk`. Shows where extraction spends.

use declass_extract::{fields, normalize, Normalized};
use std::hint::black_box;
use std::time::Instant;

// (the allocator the `declass` binary runs with: timing glibc's would misstate extraction)
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    let norm: Vec<Normalized> = texts.iter().map(|t| normalize(t)).collect();
    let reps: usize = std::env::var("REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    // `ONLY=all` times one stage, e.g. under a profiler.
    let only = std::env::var("ONLY").ok();
    macro_rules! time {
        ($name:expr, |$n:ident| $body:expr) => {{
            if only.as_deref().is_none_or(|o| o == $name) {
                // (one untimed pass first: lists and regexes are built on first use)
                for $n in &norm {
                    black_box($body);
                }
                let t = Instant::now();
                for _ in 0..reps {
                    for $n in &norm {
                        black_box($body);
                    }
                }
                let s = t.elapsed().as_secs_f64();
                println!(
                    "{:<16} {:>8.1} MB/s",
                    $name,
                    (bytes * reps) as f64 / 1e6 / s
                );
            }
        }};
    }
    time!("normalize", |n| normalize(&n.text));
    time!("form", |n| fields::form::extract(n));
    time!("numbers", |n| (
        fields::numbers::doc_number(n),
        fields::numbers::record_number(n, None),
        fields::numbers::control_numbers(n),
        fields::numbers::archive_numbers(n, Some(1963))
    ));
    time!("furniture", |n| (
        fields::furniture::distribution(n, n.text.len()),
        fields::furniture::receipts(n, n.text.len())
    ));
    time!("date", |n| fields::date::extract(n, 0..0));
    time!("doc_type", |n| fields::doc_type::extract(n));
    time!("title", |n| fields::title::extract(n, 0, Some("Cable")));
    time!("classification", |n| fields::classification::extract(n));
    time!("agency", |n| fields::agency::extract(n, None, 0, ""));
    time!("routing", |n| fields::routing::extract(n, 0, n.text.len()));
    time!("clearance", |n| fields::clearance::extract(n, 0));
    time!("anatomy", |n| fields::anatomy::extract(n, 0, None));
    time!("review", |n| fields::review::extract(n, None, 0));
    time!("entities", |n| declass_entities::find(&n.text, Some(1963)));
    time!("all", |n| declass_extract::extract(
        "x".into(),
        Default::default(),
        &n.text
    ));
    time!("all but entities", |n| declass_extract::extract_with(
        "x".into(),
        Default::default(),
        &n.text,
        declass_extract::Options { entities: false }
    ));
}
