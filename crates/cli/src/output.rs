//! Printing results for people (text) and scripts (`--json`).

use anyhow::Result;
use declass_archive::{FileError, SearchResults, Stats, StoredDocument};
use std::io::{IsTerminal, Write};

fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}

/// Snippet HTML to terminal text: `<b>` becomes bold on a terminal, entities are decoded.
fn snippet_text(html: &str, tty: bool) -> String {
    let (on, off) = if tty {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    html.replace("<b>", on)
        .replace("</b>", off)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn search(r: &SearchResults, json: bool) -> Result<()> {
    let mut out = stdout();
    if json {
        serde_json::to_writer_pretty(&mut out, r)?;
        writeln!(out)?;
        return Ok(out.flush()?);
    }
    let tty = std::io::stdout().is_terminal();
    writeln!(
        out,
        "{} document{} match ({:.1} ms)",
        r.total,
        if r.total == 1 { "" } else { "s" },
        r.took_ms
    )?;
    for (i, h) in r.hits.iter().enumerate() {
        writeln!(
            out,
            "{:>4}. {}  {:<12} {:<22} {}",
            r.offset + i + 1,
            h.date.as_deref().unwrap_or("----------"),
            h.classification.as_deref().unwrap_or("-"),
            h.doc_type.as_deref().unwrap_or("-"),
            h.title.as_deref().unwrap_or("(no title)"),
        )?;
        writeln!(out, "      {}  {}", h.id, h.path)?;
        let s = snippet_text(&h.snippet_html, tty);
        if !s.is_empty() {
            writeln!(out, "      {s}")?;
        }
    }
    for (name, counts) in &r.facets {
        let shown: Vec<String> = counts
            .iter()
            .take(12)
            .map(|c| format!("{} {}", c.value, c.count))
            .collect();
        if !shown.is_empty() {
            writeln!(out, "{name}: {}", shown.join(", "))?;
        }
    }
    Ok(out.flush()?)
}

pub fn show(d: &StoredDocument, json: bool, text_only: bool) -> Result<()> {
    let mut out = stdout();
    if json {
        serde_json::to_writer_pretty(&mut out, d)?;
        writeln!(out)?;
        return Ok(out.flush()?);
    }
    if text_only {
        write!(out, "{}", d.text)?;
        return Ok(out.flush()?);
    }
    let r = &d.record;
    let field = |out: &mut dyn Write, k: &str, v: Option<String>| -> std::io::Result<()> {
        if let Some(v) = v {
            writeln!(out, "{k:<17} {v}")?;
        }
        Ok(())
    };
    field(&mut out, "id", Some(r.id.clone()))?;
    field(
        &mut out,
        "source",
        Some(format!(
            "{} ({}, sha256 {})",
            r.source.path, r.source.format, &r.source.sha256
        )),
    )?;
    field(
        &mut out,
        "doc number",
        r.doc_number.as_ref().map(|v| v.value.clone()),
    )?;
    field(
        &mut out,
        "record number",
        r.record_number.as_ref().map(|v| v.value.clone()),
    )?;
    for a in &r.archive_numbers {
        field(
            &mut out,
            &a.kind.as_str().replace('_', " "),
            Some(a.value.clone()),
        )?;
    }
    field(&mut out, "date", r.date.as_ref().map(|v| v.value.clone()))?;
    field(&mut out, "type", r.type_str().map(str::to_string))?;
    field(&mut out, "title", r.title_str().map(str::to_string))?;
    field(
        &mut out,
        "agency",
        r.agency.as_ref().map(|v| v.value.clone()),
    )?;
    field(
        &mut out,
        "classification",
        r.level_str().map(str::to_string),
    )?;
    let caveats: Vec<&str> = r
        .classification
        .caveats
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    field(
        &mut out,
        "caveats",
        (!caveats.is_empty()).then(|| caveats.join(", ")),
    )?;
    field(
        &mut out,
        "declassify on",
        r.classification
            .declassify_on
            .as_ref()
            .map(|v| v.value.clone()),
    )?;
    field(
        &mut out,
        "released as",
        r.classification
            .released_as
            .as_ref()
            .map(|v| v.value.clone()),
    )?;
    // routing, drafting, clearance and copies, each party as read
    for (role, p) in declass_archive::parties_of(r) {
        let label = declass_archive::ROLES
            .iter()
            .find(|(k, _)| *k == role)
            .map_or(role, |(_, l)| l);
        field(&mut out, label, Some(p.as_listed()))?;
    }
    for x in &r.received {
        field(&mut out, "received", Some(x.summary()))?;
    }
    field(
        &mut out,
        "pages",
        Some(match r.source.page_range {
            Some([first, last]) => format!("{} (pages {first}-{last} of the file)", r.pages),
            None => r.pages.to_string(),
        }),
    )?;
    for v in &d.versions {
        let how = match (v.how.as_deref(), v.similarity) {
            (Some("file"), _) => "same file, changed".to_string(),
            (_, Some(s)) => format!("{:.0}% alike", s * 100.0),
            _ => "first".to_string(),
        };
        let this = if v.id == r.id { " (this one)" } else { "" };
        field(
            &mut out,
            "version",
            Some(format!("{} {} ({how}){this}", v.id, v.source_path)),
        )?;
    }
    writeln!(out, "{}", "-".repeat(72))?;
    write!(out, "{}", d.text)?;
    if !d.text.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(out.flush()?)
}

pub fn stats(s: &Stats, json: bool) -> Result<()> {
    let mut out = stdout();
    if json {
        serde_json::to_writer_pretty(&mut out, s)?;
        writeln!(out)?;
        return Ok(out.flush()?);
    }
    writeln!(out, "documents   {}", s.documents)?;
    writeln!(out, "pages       {}", s.pages)?;
    writeln!(
        out,
        "versions    {} documents linked to an earlier version",
        s.versions
    )?;
    writeln!(
        out,
        "files       {} read, {} failed, {} partly read ({} ingest runs)",
        s.files_ok, s.files_failed, s.files_partial, s.runs
    )?;
    for (name, map) in [
        ("by year", &s.by_year),
        ("by type", &s.by_type),
        ("by agency", &s.by_agency),
        ("by classification", &s.by_classification),
    ] {
        writeln!(out, "\n{name}")?;
        for (k, v) in map {
            writeln!(out, "  {k:<28}{v:>8}")?;
        }
    }
    Ok(out.flush()?)
}

pub fn errors(errors: &[FileError], json: bool) -> Result<()> {
    let mut out = stdout();
    if json {
        serde_json::to_writer_pretty(&mut out, errors)?;
        writeln!(out)?;
        return Ok(out.flush()?);
    }
    if errors.is_empty() {
        writeln!(out, "no failed files")?;
    }
    for e in errors {
        writeln!(
            out,
            "{:<8} {:<12} {}",
            e.status,
            e.kind.as_deref().unwrap_or("-"),
            e.error.as_deref().unwrap_or(&e.path)
        )?;
    }
    Ok(out.flush()?)
}

/// A word diff in git's `--word-diff` notation: `[-removed-]{+added+}`.
pub fn diff(d: &declass_archive::Diff, old: &str, new: &str, json: bool) -> Result<()> {
    let mut out = stdout();
    if json {
        serde_json::to_writer_pretty(&mut out, d)?;
        writeln!(out)?;
        return Ok(out.flush()?);
    }
    writeln!(
        out,
        "--- {old}\n+++ {new}\n{} words removed, {} added, {} the same{}",
        d.words_removed,
        d.words_added,
        d.words_same,
        if d.approximate {
            " (approximate: the texts differ too much for an exact diff in time)"
        } else {
            ""
        }
    )?;
    writeln!(out, "{}", "-".repeat(72))?;
    for p in &d.pieces {
        match p {
            declass_archive::Piece::Same(t) => write!(out, "{t}")?,
            declass_archive::Piece::Removed(t) => write!(out, "[-{t}-]")?,
            declass_archive::Piece::Added(t) => write!(out, "{{+{t}+}}")?,
        }
    }
    writeln!(out)?;
    Ok(out.flush()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_lose_markup_on_pipes() {
        assert_eq!(
            snippet_text("a <b>Qian</b> &amp; &lt;x&gt;", false),
            "a Qian & <x>"
        );
    }
}
