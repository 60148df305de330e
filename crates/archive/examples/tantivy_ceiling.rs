//! The raw ceiling for `scripts/bench --only scale`: tantivy alone indexing the same JSON Lines
//! (`{"id", "text"}`) that `declass ingest` reads, with no extraction, no catalogue and no
//! SQLite: an `id` and a `body` field as in the archive's index, the same writer memory
//! budget and the same commit cadence (every 5,000 documents). What declass adds on top of
//! this is the cost of extraction and cataloguing.
//!
//!     cargo run --release -p declass-archive --example tantivy_ceiling -- INDEX_DIR INPUT.jsonl...
//!
//! Prints one JSON object: documents, seconds, input bytes, index bytes.

use std::io::BufRead;
use tantivy::schema::{Schema, STORED, STRING, TEXT};
use tantivy::{doc, Index};

#[derive(serde::Deserialize)]
struct Line {
    id: String,
    text: String,
}

fn dir_size(p: &std::path::Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
                .sum()
        })
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((dir, inputs)) = args.split_first().filter(|(_, i)| !i.is_empty()) else {
        return Err("usage: tantivy_ceiling INDEX_DIR INPUT.jsonl...".into());
    };
    let started = std::time::Instant::now();
    let mut b = Schema::builder();
    let id = b.add_text_field("id", STRING | STORED);
    let body = b.add_text_field("body", TEXT);
    std::fs::create_dir_all(dir)?;
    let index = Index::create_in_dir(dir, b.build())?;
    let mut writer: tantivy::IndexWriter = index.writer(200_000_000)?;
    let (mut docs, mut bytes) = (0u64, 0u64);
    let lines = inputs.iter().map(|input| {
        std::fs::File::open(input).map(|f| std::io::BufReader::with_capacity(1 << 20, f).lines())
    });
    for line in lines.collect::<Result<Vec<_>, _>>()?.into_iter().flatten() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        bytes += line.len() as u64;
        let l: Line = serde_json::from_str(&line)?;
        writer.add_document(doc!(id => l.id, body => l.text))?;
        docs += 1;
        if docs % 5_000 == 0 {
            writer.commit()?;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({"documents": docs, "seconds": seconds, "input_bytes": bytes,
                           "index_bytes": dir_size(std::path::Path::new(dir))})
    );
    Ok(())
}
