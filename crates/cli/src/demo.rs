//! `declass demo`: the bundled sample corpus, unpacked and ingested once, then reused.

use anyhow::{Context, Result};
use include_dir::{include_dir, Dir};
use std::path::{Path, PathBuf};

/// The sample corpus is compiled into the binary, so the demo works from any directory.
static SAMPLE: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../corpus/sample");

pub fn default_dir() -> PathBuf {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("declass").join("demo")
}

/// Unpack the corpus (if needed) and ingest it (unchanged files are skipped, so a second
/// run is quick). Returns the archive directory.
pub fn prepare(dir: &Path) -> Result<PathBuf> {
    let corpus = dir.join("corpus");
    let archive = dir.join("archive");
    let existed = archive.join("catalogue.sqlite").is_file();
    unpack(&SAMPLE, &corpus)?;
    // The three empty JFK texts of the source release are reported as failed files.
    crate::ingest::run(
        &archive,
        &[corpus],
        &crate::ingest::Options {
            json: false,
            jobs: None,
            commit_every: declass_archive::BATCH_DOCS,
            resume: false,
            read: declass_ingest::ReadOptions::detect(),
            split: true,
            retry_failed: false,
        },
    )?;
    // A demo archive from an older declass holds older records: extract them again once.
    let a = declass_archive::Archive::open_or_create(&archive)?;
    let current = declass_extract::VERSION.to_string();
    if a.meta("demo_extract_version")?.as_deref() != Some(current.as_str()) {
        if existed {
            eprintln!(
                "declass: the demo archive was built by an older declass; extracting it again"
            );
            let n = crate::pipeline::reextract(&a, |_| {})?;
            tracing::info!(
                documents = n,
                "demo archive extracted again with this version"
            );
        }
        a.set_meta("demo_extract_version", &current)?;
    }
    Ok(archive)
}

fn unpack(d: &Dir<'_>, to: &Path) -> Result<()> {
    for f in d.files() {
        let path = to.join(f.path());
        if path.is_file()
            && std::fs::metadata(&path).map(|m| m.len()).ok() == Some(f.contents().len() as u64)
        {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, f.contents())
            .with_context(|| format!("writing {}", path.display()))?;
    }
    for sub in d.dirs() {
        unpack(sub, to)?;
    }
    Ok(())
}
