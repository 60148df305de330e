//! Print the entities of a text file: `cargo run -p declass-entities --example show -- FILE [YEAR]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: show FILE [YEAR]");
        std::process::exit(2);
    };
    let year = args.next().and_then(|y| y.parse().ok());
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    for f in declass_entities::find(&text, year) {
        let texts: Vec<&str> = f.mentions.iter().map(|&(a, b)| &text[a..b]).collect();
        println!(
            "{:<12} {:<30} {:<40} {:<14} {:?}",
            format!("{:?}", f.kind),
            f.name,
            f.canonical.unwrap_or_default(),
            f.authority.unwrap_or_default(),
            texts
        );
    }
}
