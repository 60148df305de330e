//! Walking the inputs: files as given, folders recursively, streaming (a folder of
//! 100,000 files is never listed whole), in name order so runs are reproducible.

use crate::IngestError;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Every file under `inputs`. Hidden files and folders (`.git`, `.DS_Store`) are skipped.
pub fn walk(inputs: &[PathBuf]) -> impl Iterator<Item = Result<PathBuf, IngestError>> + '_ {
    inputs.iter().flat_map(|input| {
        WalkDir::new(input)
            .sort_by_file_name()
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()))
            .filter_map(move |entry| match entry {
                Ok(e) if e.file_type().is_file() => Some(Ok(e.into_path())),
                Ok(_) => None,
                Err(err) => {
                    let path = err
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| input.clone());
                    let source = err
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("file system loop"));
                    Some(Err(IngestError::Io { path, source }))
                }
            })
    })
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_recursively_in_order_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("b/.git")).unwrap();
        std::fs::write(dir.path().join("b/2.txt"), "x").unwrap();
        std::fs::write(dir.path().join("b/.git/HEAD"), "x").unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden"), "x").unwrap();
        let found: Vec<_> = walk(&[dir.path().to_path_buf()])
            .map(|r| r.unwrap().strip_prefix(dir.path()).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            found,
            vec![PathBuf::from("a.txt"), PathBuf::from("b/2.txt")]
        );
    }

    #[test]
    fn a_missing_input_is_an_error_naming_it() {
        let errs: Vec<_> = walk(&[PathBuf::from("/no/such/declass/input")]).collect();
        assert_eq!(errs.len(), 1);
        let e = errs.into_iter().next().unwrap().unwrap_err();
        assert!(e.to_string().contains("/no/such/declass/input"), "{e}");
    }
}
