//! Calibrate the version threshold on a folder of real texts (all pairs: small sets only).
//!
//! For every document: its highest similarity to any other document of the set (unrelated
//! pairs, assuming the set holds no versions), and its similarity to damaged copies of
//! itself (word-level OCR noise, a third withheld). Run:
//!   cargo run --release -p declass-versions --example calibrate -- corpus/sample/jfk corpus/sample/cables
use declass_versions::{Signature, THRESHOLD};

fn noise(text: &str, every: usize) -> String {
    text.split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i % every == every - 1 && w.len() > 2 {
                let mut c: Vec<char> = w.chars().collect();
                let k = i % c.len();
                c[k] = if c[k] == 'e' { 'c' } else { 'e' };
                c.into_iter().collect()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn withhold_third(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let n = words.len();
    words[..n / 3]
        .iter()
        .chain(std::iter::once(&"(b)(1)"))
        .chain(words[2 * n / 3..].iter())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    let mut docs = Vec::new();
    for dir in std::env::args().skip(1) {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("{dir}: not a folder");
            continue;
        };
        for e in entries.flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                docs.push((e.path().display().to_string(), t));
            }
        }
    }
    let sigs: Vec<Option<Signature>> = docs.iter().map(|(_, t)| Signature::of(t)).collect();
    let signed = sigs.iter().filter(|s| s.is_some()).count();
    println!("{} texts, {} long enough to sign", docs.len(), signed);
    let mut worst = (0.0f32, 0, 0);
    let mut above = 0;
    let mut maxes = Vec::new();
    for i in 0..docs.len() {
        let Some(a) = &sigs[i] else { continue };
        let mut m = 0.0f32;
        for (j, b) in sigs.iter().enumerate() {
            if i == j {
                continue;
            }
            if let Some(b) = b {
                let s = a.similarity(b);
                m = m.max(s);
                if s > worst.0 {
                    worst = (s, i, j);
                }
            }
        }
        if m >= THRESHOLD {
            above += 1;
        }
        maxes.push(m);
    }
    maxes.sort_by(f32::total_cmp);
    let q = |p: f64| {
        maxes
            .get(((maxes.len() as f64 - 1.0) * p) as usize)
            .copied()
            .unwrap_or(0.0)
    };
    println!(
        "unrelated: max similarity to another document: median {:.2}, p95 {:.2}, p99 {:.2}, max {:.2}; {} at or above the threshold {THRESHOLD}",
        q(0.5), q(0.95), q(0.99), q(1.0), above
    );
    for t in [0.3f32, 0.4, 0.5] {
        println!(
            "  documents with another at similarity >= {t}: {}",
            maxes.iter().filter(|&&m| m >= t).count()
        );
    }
    if worst.0 > 0.0 {
        println!(
            "  most similar pair: {} ~ {}",
            docs[worst.1].0, docs[worst.2].0
        );
    }
    for (label, f) in [
        (
            "OCR noise, 1 word in 20",
            &(|t: &str| noise(t, 20)) as &dyn Fn(&str) -> String,
        ),
        ("OCR noise, 1 word in 10", &|t: &str| noise(t, 10)),
        ("middle third withheld", &|t: &str| withhold_third(t)),
    ] {
        let mut sims: Vec<f32> = docs
            .iter()
            .zip(&sigs)
            .filter_map(|((_, t), s)| Some(s.as_ref()?.similarity(&Signature::of(&f(t))?)))
            .collect();
        sims.sort_by(f32::total_cmp);
        let found = sims.iter().filter(|&&s| s >= THRESHOLD).count();
        let at = |t: f32| sims.iter().filter(|&&s| s >= t).count();
        println!("  at 0.5: {}, at 0.4: {}", at(0.5), at(0.4));
        let q = |p: f64| {
            sims.get(((sims.len() as f64 - 1.0) * p) as usize)
                .copied()
                .unwrap_or(0.0)
        };
        println!(
            "{label}: similarity p5 {:.2}, median {:.2}; {found}/{} found as versions",
            q(0.05),
            q(0.5),
            sims.len()
        );
    }
}
