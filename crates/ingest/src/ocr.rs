//! OCR with Tesseract 5, through its command line.
//!
//! The CLI rather than a binding crate: nothing to link at build time (the build stays
//! fast and works where Tesseract is absent), a crash on one bad image cannot take the
//! process down, and every page runs as its own process with `OMP_THREAD_LIMIT=1`, so pages
//! spread over cores without Tesseract's own threads fighting them. One call gives both
//! text and per-word confidence: the TSV output.

use std::path::{Path, PathBuf};
use std::process::Command;

/// When to OCR a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OcrMode {
    /// Pages with no usable text layer (empty, or not words), and all images.
    #[default]
    Auto,
    /// Every page, text layer or not.
    Always,
    /// Never: PDFs keep their text layer; images are refused.
    Never,
}

impl std::str::FromStr for OcrMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "auto" => Ok(OcrMode::Auto),
            "always" => Ok(OcrMode::Always),
            "never" => Ok(OcrMode::Never),
            _ => Err(format!("{s:?}: expected auto, always or never")),
        }
    }
}

/// The command that installs Tesseract, for messages.
pub const INSTALL_TESSERACT: &str = "sudo apt-get install tesseract-ocr";

/// A Tesseract found on this machine.
#[derive(Debug, Clone)]
pub struct Tesseract {
    pub program: PathBuf,
    pub version: String,
}

/// Mean word confidence under which a page is read a second time, with adaptive
/// thresholding. Low enough that ordinary poor scans (60–80) are read once.
pub const RETRY_BELOW: f32 = 50.0;

/// Text and confidence of one OCR'd page.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrPage {
    pub text: String,
    /// Mean word confidence, 0–100; `None` when no word was read.
    pub confidence: Option<f32>,
    pub words: u32,
}

/// A temporary folder for the page images of `path`'s OCR, removed when dropped.
pub(crate) fn scratch(path: &Path) -> Result<tempfile::TempDir, crate::IngestError> {
    tempfile::Builder::new()
        .prefix("declass-ocr-")
        .tempdir()
        .map_err(|source| crate::IngestError::Io {
            path: path.to_path_buf(),
            source,
        })
}

impl OcrPage {
    /// Confidence summed over the words read: more words read surely scores higher.
    fn total_confidence(&self) -> f32 {
        self.confidence.unwrap_or(0.0) * self.words as f32
    }
}

impl Tesseract {
    /// Tesseract on `PATH`, or the program named by `DECLASS_TESSERACT`; `None` when it
    /// does not run.
    pub fn find() -> Option<Tesseract> {
        let program = std::env::var_os("DECLASS_TESSERACT")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("tesseract"));
        let out = Command::new(&program).arg("--version").output().ok()?;
        if !out.status.success() {
            return None;
        }
        // `tesseract 5.3.0` on the first line (stdout or stderr, by version).
        let all = [out.stdout, out.stderr].concat();
        let text = String::from_utf8_lossy(&all);
        let version = text
            .lines()
            .next()
            .unwrap_or("tesseract")
            .trim()
            .to_string();
        Some(Tesseract { program, version })
    }

    /// Installed language packs (`eng`, `fra`, ...).
    pub fn languages(&self) -> Vec<String> {
        let Ok(out) = Command::new(&self.program).arg("--list-langs").output() else {
            return Vec::new();
        };
        let all = [out.stdout, out.stderr].concat();
        String::from_utf8_lossy(&all)
            .lines()
            .skip_while(|l| !l.starts_with("List of available languages"))
            .skip(1)
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// The languages of `lang` (`eng+fra`) that are not installed.
    pub fn missing_languages(&self, lang: &str) -> Vec<String> {
        let have = self.languages();
        lang.split('+')
            .filter(|l| !have.iter().any(|h| h == l))
            .map(str::to_string)
            .collect()
    }

    /// OCR one image file (PGM, TIFF, PNG, JPEG). A multi-page TIFF gives one page each.
    /// `dpi` is the resolution the image was rendered at, when known: a PGM carries none,
    /// and Tesseract's own estimate can split the first letters of lines off into a column
    /// of their own (measured: CER 0.0032 guessing, 0.0014 told, scripts/bench --only ocr).
    ///
    /// `adaptive` reads with Sauvola thresholding instead of Otsu's single threshold, which
    /// blackens a page lit unevenly (measured: CER 0.40 → 0.00x on shaded pages,
    /// scripts/bench --only ocr; [`crate::preprocess::uneven`] tells such pages). A page read
    /// with a mean confidence under [`RETRY_BELOW`] is read again the other way and the
    /// reading with more confidence in total is kept; on evenly lit pages both read alike,
    /// so only the pages that need it pay for a second reading.
    pub fn ocr(
        &self,
        image: &Path,
        lang: &str,
        dpi: Option<u32>,
        adaptive: bool,
    ) -> Result<Vec<OcrPage>, String> {
        const SAUVOLA: &[&str] = &["-c", "thresholding_method=2"];
        let (first, second) = if adaptive {
            (SAUVOLA, &[][..])
        } else {
            (&[][..], SAUVOLA)
        };
        let mut pages = self.read(image, lang, dpi, first)?;
        let poor = |p: &OcrPage| p.confidence.is_none_or(|c| c < RETRY_BELOW);
        if pages.iter().any(poor) {
            // A Tesseract without the setting fails here; the first reading stands.
            if let Ok(again) = self.read(image, lang, dpi, second) {
                for (page, other) in pages.iter_mut().zip(again) {
                    if poor(page) && other.total_confidence() > page.total_confidence() {
                        *page = other;
                    }
                }
            }
        }
        Ok(pages)
    }

    fn read(
        &self,
        image: &Path,
        lang: &str,
        dpi: Option<u32>,
        config: &[&str],
    ) -> Result<Vec<OcrPage>, String> {
        let mut cmd = Command::new(&self.program);
        cmd.arg(image).arg("stdout").args(["-l", lang]);
        if let Some(dpi) = dpi {
            cmd.args(["--dpi", &dpi.to_string()]);
        }
        let out = cmd
            .args(config)
            .arg("tsv")
            .env("OMP_THREAD_LIMIT", "1")
            .output()
            .map_err(|e| format!("cannot run {}: {e}", self.program.display()))?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            let why = err
                .lines()
                .find(|l| l.contains("Error") || l.contains("error") || l.contains("Cannot"))
                .or_else(|| err.lines().next())
                .unwrap_or("no message")
                .trim()
                .to_string();
            return Err(format!("tesseract failed ({}): {why}", out.status));
        }
        Ok(parse_tsv(&String::from_utf8_lossy(&out.stdout)))
    }
}

/// Text and confidence from Tesseract's TSV: words joined by spaces within a line, lines by
/// newlines, a blank line between paragraphs, so paragraph structure reaches extraction.
pub fn parse_tsv(tsv: &str) -> Vec<OcrPage> {
    struct Acc {
        text: String,
        conf_sum: f64,
        words: u32,
        key: (u32, u32, u32),
    }
    let mut pages: Vec<Acc> = Vec::new();
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 12 || cols[0] != "5" {
            continue;
        }
        let num = |i: usize| cols[i].trim().parse::<u32>().unwrap_or(0);
        let page = num(1).max(1) as usize;
        let word = cols[11].trim();
        if word.is_empty() {
            continue;
        }
        while pages.len() < page {
            pages.push(Acc {
                text: String::new(),
                conf_sum: 0.0,
                words: 0,
                key: (0, 0, 0),
            });
        }
        let acc = &mut pages[page - 1];
        let key = (num(2), num(3), num(4)); // block, paragraph, line
        if acc.words > 0 {
            if (key.0, key.1) != (acc.key.0, acc.key.1) {
                acc.text.push_str("\n\n");
            } else if key.2 != acc.key.2 {
                acc.text.push('\n');
            } else {
                acc.text.push(' ');
            }
        }
        acc.key = key;
        acc.text.push_str(word);
        if let Ok(c) = cols[10].trim().parse::<f64>() {
            if c >= 0.0 {
                acc.conf_sum += c;
                acc.words += 1;
            }
        }
    }
    pages
        .into_iter()
        .map(|a| OcrPage {
            confidence: (a.words > 0).then(|| (a.conf_sum / a.words as f64) as f32),
            words: a.words,
            text: a.text,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_rows_become_lines_paragraphs_and_a_mean_confidence() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
            1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n\
            5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\tSECRET\n\
            5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t80\tTO:\n\
            5\t1\t1\t1\t2\t2\t0\t0\t1\t1\t70\tDIRECTOR\n\
            5\t1\t2\t1\t1\t1\t0\t0\t1\t1\t60\t1.\n\
            5\t2\t1\t1\t1\t1\t0\t0\t1\t1\t50\tPage\n";
        let pages = parse_tsv(tsv);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].text, "SECRET\nTO: DIRECTOR\n\n1.");
        assert_eq!(pages[0].words, 4);
        assert_eq!(pages[0].confidence, Some(75.0));
        assert_eq!(pages[1].text, "Page");
    }

    #[test]
    fn modes_parse_and_bad_ones_are_named() {
        assert_eq!("always".parse::<OcrMode>(), Ok(OcrMode::Always));
        assert!("sometimes"
            .parse::<OcrMode>()
            .unwrap_err()
            .contains("sometimes"));
    }
}
