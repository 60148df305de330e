//! Time `find` over a folder of texts: `cargo run --release -p declass-entities --example speed -- DIR`.

// (the allocator the `declass` binary runs with)
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "corpus/sample/cables".into());
    let mut texts = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten() {
            if let Ok(b) = std::fs::read(e.path()) {
                texts.push(String::from_utf8_lossy(&b).into_owned());
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let t = std::time::Instant::now();
    let _ = declass_entities::find("warm up", None);
    println!(
        "authority loaded in {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let reps = 5;
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..reps {
        for x in &texts {
            n += declass_entities::find(x, Some(1975)).len();
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!("{:.1} MB/s ({n} entities)", (bytes * reps) as f64 / 1e6 / s);
}
