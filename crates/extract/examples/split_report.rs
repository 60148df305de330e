//! Print the parts `declass ingest` would cut each text file into (files of one part are
//! counted, not listed). Use it to check the splitting rules on a collection:
//!   cargo run --release -p declass-extract --example split_report -- corpus/sample/*/
fn main() {
    let (mut files, mut split_files) = (0, 0);
    for arg in std::env::args().skip(1) {
        let paths: Vec<std::path::PathBuf> = match std::fs::read_dir(&arg) {
            Ok(rd) => rd.flatten().map(|e| e.path()).collect(),
            Err(_) => vec![arg.into()],
        };
        for p in paths {
            let Ok(raw) = std::fs::read_to_string(&p) else {
                continue;
            };
            files += 1;
            let n = declass_extract::normalize(&raw);
            let parts = declass_extract::split::split(&n);
            if parts.len() > 1 {
                split_files += 1;
                println!(
                    "{} ({} pages): {} parts",
                    p.display(),
                    n.pages(),
                    parts.len()
                );
                for part in parts {
                    let head: String = n.text[part.start..part.end]
                        .split_whitespace()
                        .take(14)
                        .collect::<Vec<_>>()
                        .join(" ");
                    println!("  pages {}-{}: {head}", part.first_page, part.last_page);
                }
            }
        }
    }
    println!("{files} files, {split_files} cut into several documents");
}
