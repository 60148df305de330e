//! `declass eval --entities`: entity extraction scored on hand-annotated cables.

use anyhow::{Context, Result};
use declass_eval::entities::{parse, score_document, EntityKind, EntityReport, Name};
use declass_model::{Entity, Source};
use std::path::PathBuf;
use std::process::ExitCode;

/// Every `*.txt` under the given files and folders, sorted.
fn annotated_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        for e in walkdir::WalkDir::new(p).sort_by_file_name() {
            let e = e.with_context(|| format!("reading {}", p.display()))?;
            if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "txt") {
                files.push(e.into_path());
            }
        }
    }
    anyhow::ensure!(!files.is_empty(), "no annotated .txt files under {paths:?}");
    Ok(files)
}

/// The names extraction gave, by scored kind: mention texts, names and canonical names.
pub fn names(text: &str, entities: &declass_model::Entities) -> Vec<Name> {
    let mut out = Vec::new();
    let lists: [(&[Entity], EntityKind); 5] = [
        (&entities.people, EntityKind::People),
        (&entities.offices, EntityKind::Organizations),
        (&entities.organizations, EntityKind::Organizations),
        (&entities.countries, EntityKind::Places),
        (&entities.places, EntityKind::Places),
    ];
    for (list, kind) in lists {
        for e in list {
            for s in &e.mentions {
                if let Some(t) = text.get(s.start..s.end) {
                    out.push(Name {
                        kind,
                        text: t.to_string(),
                        mention: true,
                    });
                }
            }
            for t in std::iter::once(&e.name).chain(e.canonical.as_ref()) {
                out.push(Name {
                    kind,
                    text: t.clone(),
                    mention: false,
                });
            }
        }
    }
    out
}

/// Whose names are scored.
pub enum Mode {
    /// declass's own extraction.
    Declass,
    /// Print the texts and stop.
    Texts,
    /// Names another tool wrote (JSONL).
    External(PathBuf),
}

#[derive(serde::Deserialize)]
struct ExternalDoc {
    file: String,
    names: Vec<ExternalName>,
}

#[derive(serde::Deserialize)]
struct ExternalName {
    kind: String,
    text: String,
}

fn external(path: &PathBuf) -> Result<std::collections::HashMap<String, Vec<Name>>> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = std::collections::HashMap::new();
    for (n, line) in raw
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let d: ExternalDoc = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a {{file, names}} line", path.display(), n + 1))?;
        let names = d
            .names
            .into_iter()
            .filter_map(|x| {
                let kind = match x.kind.as_str() {
                    "people" => EntityKind::People,
                    "organizations" => EntityKind::Organizations,
                    "places" => EntityKind::Places,
                    _ => return None,
                };
                Some(Name {
                    kind,
                    text: x.text,
                    mention: true,
                })
            })
            .collect();
        out.insert(d.file, names);
    }
    Ok(out)
}

pub fn run(
    paths: &[PathBuf],
    mode: Mode,
    json: bool,
    misses: usize,
    field: Option<&str>,
) -> Result<ExitCode> {
    let mut report = EntityReport::default();
    let others = match &mode {
        Mode::External(p) => Some(external(p)?),
        _ => None,
    };
    let stdout = std::io::stdout();
    for f in annotated_files(paths)? {
        let raw = std::fs::read(&f).with_context(|| format!("reading {}", f.display()))?;
        let doc = parse(&String::from_utf8_lossy(&raw));
        let file = f.display().to_string();
        let got = match (&mode, &others) {
            (Mode::Texts, _) => {
                use std::io::Write;
                let line = serde_json::json!({"file": file, "text": doc.text});
                writeln!(stdout.lock(), "{line}")?;
                continue;
            }
            (_, Some(o)) => o.get(&file).cloned().unwrap_or_default(),
            _ => {
                let e = declass_extract::extract(String::new(), Source::default(), &doc.text);
                names(&e.normalized.text, &e.record.entities)
            }
        };
        score_document(&mut report, &file, &doc, &got);
    }
    if matches!(mode, Mode::Texts) {
        return Ok(ExitCode::SUCCESS);
    }
    report
        .misses
        .retain(|m| field.is_none_or(|k| serde_json::to_value(m.kind).is_ok_and(|v| v == k)));
    report.misses.truncate(misses);
    if json {
        let kinds: serde_json::Map<String, serde_json::Value> = report
            .kinds
            .iter()
            .map(|(k, s)| {
                let mut v = serde_json::to_value(s).unwrap_or_default();
                v["precision"] = s.precision().into();
                v["recall"] = s.recall().into();
                v["f1"] = s.f1().into();
                (
                    serde_json::to_value(k)
                        .unwrap_or_default()
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                    v,
                )
            })
            .collect();
        let out = serde_json::json!({"documents": report.documents, "kinds": kinds, "misses": report.misses});
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} annotated documents", report.documents);
    println!(
        "{:<16}{:>6}{:>7}{:>10}{:>9}{:>7}{:>7}{:>7}",
        "kind", "gold", "found", "extracted", "correct", "P", "R", "F1"
    );
    for (k, s) in &report.kinds {
        println!(
            "{:<16}{:>6}{:>7}{:>10}{:>9}{:>7.2}{:>7.2}{:>7.2}",
            format!("{k:?}").to_lowercase(),
            s.gold,
            s.found,
            s.extracted,
            s.correct,
            s.precision(),
            s.recall(),
            s.f1()
        );
    }
    for m in &report.misses {
        println!(
            "{:<9} {:<14} {:<40} {}",
            m.what,
            format!("{:?}", m.kind).to_lowercase(),
            m.text,
            m.file
        );
    }
    Ok(ExitCode::SUCCESS)
}
