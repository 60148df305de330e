//! PDFs and page images through the real tools: Poppler and Tesseract 5 (scripts/test
//! installs them). Fixtures are made here from known text, so OCR is checked by its
//! character error rate against that text.

mod support;

use declass_ingest::{read_file, IngestError, OcrMode, ReadOptions, SourceDoc, Tesseract};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use support::*;

/// OCR of clean 300 dpi renders of typed text must be this good.
const MAX_CER: f64 = 0.03;

fn opts() -> ReadOptions {
    let o = ReadOptions::detect();
    assert!(
        o.tesseract.is_some(),
        "Tesseract is needed for these tests: sudo apt-get install tesseract-ocr (scripts/test installs it)"
    );
    o
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn one_doc(path: &Path, o: &ReadOptions) -> (SourceDoc, Vec<IngestError>) {
    let r = read_file(path, &path.display().to_string(), o).unwrap();
    let mut docs = Vec::new();
    let mut errs = Vec::new();
    for d in r.docs {
        match d {
            Ok(d) => docs.push(d),
            Err(e) => errs.push(e),
        }
    }
    assert_eq!(docs.len(), 1);
    (docs.remove(0), errs)
}

/// An image-only PDF of the two test pages, from 300 dpi grayscale renders.
fn scanned_pdf(dir: &Path) -> PathBuf {
    let text = write(dir, "typed.pdf", &text_pdf(&[PAGE_1, PAGE_2]));
    let pgms = render(&text, 300, "gray", &dir.join("scan"));
    assert_eq!(pgms.len(), 2);
    let pages: Vec<_> = pgms.iter().map(|p| read_pgm(p)).collect();
    write(dir, "scanned.pdf", &image_pdf(&pages))
}

#[test]
fn a_text_pdf_keeps_its_text_layer_page_by_page() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "memo.pdf", &text_pdf(&[PAGE_1, PAGE_2]));
    let o = opts();
    let (doc, errs) = one_doc(&p, &o);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(doc.pages, 2);
    assert!(doc.ocr_pages.is_empty(), "a text layer is not OCR'd");
    let pages: Vec<&str> = doc.text.split('\u{c}').collect();
    assert_eq!(pages.len(), 2);
    assert!(pages[0].contains("SUBJECT: Talking Points for Your Meeting with Vice Premier Qian"));
    assert!(pages[1].contains("Cleared: P - Robert M. Kimmitt"));
    assert!(cer(&format!("{PAGE_1}\n{PAGE_2}"), &doc.text) < 0.01);
    assert_eq!(o.progress.pages.load(Ordering::Relaxed), 2);
    assert_eq!(o.progress.ocr_pages.load(Ordering::Relaxed), 0);
}

#[test]
fn a_scanned_pdf_is_ocrd_with_page_confidence() {
    let dir = tempfile::tempdir().unwrap();
    let p = scanned_pdf(dir.path());
    let o = opts();
    let (doc, errs) = one_doc(&p, &o);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(doc.pages, 2);
    assert_eq!(doc.ocr_pages.len(), 2, "both pages OCR'd");
    for pg in &doc.ocr_pages {
        assert!(pg.confidence > 80.0 && pg.words > 10, "{pg:?}");
    }
    let pages: Vec<&str> = doc.text.split('\u{c}').collect();
    assert_eq!(pages.len(), 2, "page boundaries kept");
    let e1 = cer(PAGE_1, pages[0]);
    let e2 = cer(PAGE_2, pages[1]);
    eprintln!("scanned PDF: CER page 1 {e1:.4}, page 2 {e2:.4}");
    assert!(
        e1 < MAX_CER && e2 < MAX_CER,
        "CER {e1:.3} {e2:.3}\n{}",
        doc.text
    );
    assert_eq!(o.progress.ocr_pages.load(Ordering::Relaxed), 2);
}

#[test]
fn ocr_always_reads_text_pages_too_and_never_keeps_the_layer() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "memo.pdf", &text_pdf(&[PAGE_1]));
    let mut o = opts();
    o.ocr = OcrMode::Always;
    let (doc, _) = one_doc(&p, &o);
    assert_eq!(doc.ocr_pages.len(), 1);
    assert!(cer(PAGE_1, &doc.text) < MAX_CER, "{}", doc.text);

    let scanned = scanned_pdf(dir.path());
    let mut o = opts();
    o.ocr = OcrMode::Never;
    let e = read_file(&scanned, "scanned.pdf", &o).unwrap_err();
    assert_eq!(e.kind(), "no_text", "{e}");
}

#[test]
fn page_images_png_and_tiff_are_ocrd() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(dir.path(), "typed.pdf", &text_pdf(&[PAGE_1]));
    for format in ["png", "tiff"] {
        let images = render(&pdf, 300, format, &dir.path().join(format!("img{format}")));
        let (doc, errs) = one_doc(&images[0], &opts());
        assert!(errs.is_empty());
        assert_eq!(doc.format.as_str(), "image");
        assert_eq!(doc.ocr_pages.len(), 1);
        let e = cer(PAGE_1, &doc.text);
        assert!(e < MAX_CER, "{format}: CER {e:.3}\n{}", doc.text);
    }
    // OCR off: an image cannot be read, and the error says why.
    let images = render(&pdf, 100, "png", &dir.path().join("small"));
    let mut o = opts();
    o.ocr = OcrMode::Never;
    let e = read_file(&images[0], "small.png", &o).unwrap_err();
    assert_eq!(e.kind(), "ocr_disabled");
    assert!(e.to_string().contains("--ocr never"), "{e}");
}

/// Tesseract alone on an image file, Otsu thresholding and no straightening: what the
/// preprocessing is measured against.
fn plain_tesseract(image: &Path) -> String {
    let out = std::process::Command::new("tesseract")
        .arg(image)
        .args(["stdout", "-l", "eng", "--dpi", "300"])
        .env("OMP_THREAD_LIMIT", "1")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Save a grey page; the format follows the extension (PNG, TIFF).
fn save_page(page: &(u32, u32, Vec<u8>), path: &Path) {
    image::GrayImage::from_raw(page.0, page.1, page.2.clone())
        .unwrap()
        .save(path)
        .unwrap();
}

#[test]
fn a_crooked_scan_is_straightened_before_ocr() {
    let dir = tempfile::tempdir().unwrap();
    let typed = write(dir.path(), "typed.pdf", &text_pdf(&[PAGE_1]));
    let page = read_pgm(&render(&typed, 300, "gray", &dir.path().join("r"))[0]);
    let crooked = tilt(&page, 7.0);
    // Tesseract on its own loses the lines of a page this far off level.
    let png = dir.path().join("crooked.png");
    save_page(&crooked, &png);
    let plain = cer(PAGE_1, &plain_tesseract(&png));
    assert!(
        plain > 0.1,
        "plain Tesseract reads the crooked page: CER {plain:.3}"
    );
    // Through declass, as page images and as a page of a scanned PDF.
    let tif = dir.path().join("crooked.tif");
    save_page(&crooked, &tif);
    let pdf = write(dir.path(), "crooked.pdf", &image_pdf(&[crooked]));
    for input in [&png, &tif, &pdf] {
        let (doc, errs) = one_doc(input, &opts());
        assert!(errs.is_empty(), "{errs:?}");
        let e = cer(PAGE_1, &doc.text);
        assert!(
            e < MAX_CER,
            "{}: CER {e:.3} (plain {plain:.3})\n{}",
            input.display(),
            doc.text
        );
    }
}

#[test]
fn an_unevenly_lit_page_is_read_again_with_adaptive_thresholding() {
    let dir = tempfile::tempdir().unwrap();
    let typed = write(dir.path(), "typed.pdf", &text_pdf(&[PAGE_1, PAGE_2]));
    let pages = render(&typed, 300, "gray", &dir.path().join("r"));
    let shaded = shade(&read_pgm(&pages[0]));
    let png = dir.path().join("shaded.png");
    save_page(&shaded, &png);
    let plain = cer(PAGE_1, &plain_tesseract(&png));
    assert!(plain > 0.2, "Otsu reads the shaded page: CER {plain:.3}");
    // The shaded page is read again; the evenly lit one beside it is read once, as it was.
    let pdf = write(
        dir.path(),
        "shaded.pdf",
        &image_pdf(&[shaded, read_pgm(&pages[1])]),
    );
    let (doc, errs) = one_doc(&pdf, &opts());
    assert!(errs.is_empty(), "{errs:?}");
    let text: Vec<&str> = doc.text.split('\u{c}').collect();
    let e = cer(PAGE_1, text[0]);
    assert!(e < MAX_CER, "CER {e:.3} (plain {plain:.3})\n{}", text[0]);
    assert!(cer(PAGE_2, text[1]) < MAX_CER, "{}", text[1]);
    assert!(
        doc.ocr_pages.iter().all(|p| p.confidence >= 50.0),
        "{:?}",
        doc.ocr_pages
    );
}

#[test]
fn without_tesseract_files_wait_for_ocr() {
    let dir = tempfile::tempdir().unwrap();
    let p = scanned_pdf(dir.path());
    let o = ReadOptions {
        tesseract: None,
        ..ReadOptions::default()
    };
    let e = read_file(&p, "scanned.pdf", &o).unwrap_err();
    assert!(e.is_waiting());
    assert_eq!(e.kind(), "waiting_ocr");
    let msg = e.to_string();
    assert!(
        msg.contains("scanned.pdf")
            && msg.contains("apt-get install tesseract-ocr")
            && msg.contains("--resume"),
        "{msg}"
    );
    // A text PDF needs no OCR and is read as usual.
    let t = write(dir.path(), "memo.pdf", &text_pdf(&[PAGE_1]));
    assert!(read_file(&t, "memo.pdf", &o).is_ok());
    // A program that is not Tesseract is not taken for one.
    std::env::set_var("DECLASS_TESSERACT", "/no/such/tesseract");
    let found = Tesseract::find();
    std::env::remove_var("DECLASS_TESSERACT");
    assert!(found.is_none());
}

#[test]
fn bad_pdfs_give_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let o = opts();
    let good = text_pdf(&[PAGE_1, PAGE_2, PAGE_1]);

    let zero = write(dir.path(), "zero.pdf", b"");
    assert_eq!(
        read_file(&zero, "zero.pdf", &o).unwrap_err().kind(),
        "empty"
    );

    let corrupt = write(
        dir.path(),
        "corrupt.pdf",
        b"%PDF-1.4\n\x00\x01garbage garbage\n",
    );
    let e = read_file(&corrupt, "corrupt.pdf", &o).unwrap_err();
    assert_eq!(e.kind(), "pdf");
    assert!(e.to_string().contains("corrupt.pdf"), "{e}");

    // Cut short after the second page (a broken download): the trailer is lost. The
    // pages that survive are kept, and the file is marked read in part, naming the loss.
    let cut = good.windows(7).position(|w| w == b"8 0 obj").unwrap();
    let truncated = write(dir.path(), "truncated.pdf", &good[..cut]);
    let r = read_file(&truncated, "truncated.pdf", &o).unwrap();
    let doc = r
        .docs
        .iter()
        .find_map(|d| d.as_ref().ok())
        .expect("a document");
    let pages: Vec<&str> = doc.text.split('\u{c}').collect();
    assert_eq!(pages.len(), 3, "{pages:?}");
    assert!(pages[0].contains("Vice Premier Qian"));
    assert!(pages[1].contains("Robert M. Kimmitt"));
    assert!(pages[2].trim().is_empty());
    let partial = r
        .docs
        .iter()
        .find_map(|d| d.as_ref().err())
        .expect("the loss is reported");
    assert_eq!(partial.kind(), "partial");
    let msg = partial.to_string();
    assert!(
        msg.contains("truncated.pdf") && msg.contains("page 3"),
        "{msg}"
    );
    // Cut inside the header: nothing to recover, and the error says so by name.
    let stub = write(dir.path(), "stub.pdf", &good[..40]);
    let e = read_file(&stub, "stub.pdf", &o).unwrap_err();
    assert!(e.to_string().contains("stub.pdf"), "{e}");

    // Encrypted with a user password (qpdf, as a release tool would).
    let plain = write(dir.path(), "plain.pdf", &good);
    let locked = dir.path().join("locked.pdf");
    let st = std::process::Command::new("qpdf")
        .args(["--encrypt", "secret", "owner", "256", "--"])
        .arg(&plain)
        .arg(&locked)
        .status()
        .expect("qpdf runs (apt-get install qpdf; scripts/test installs it)");
    assert!(st.success());
    let e = read_file(&locked, "locked.pdf", &o).unwrap_err();
    assert_eq!(e.kind(), "encrypted", "{e}");
    assert!(e.to_string().contains("locked.pdf") && e.to_string().contains("password"));
}

#[test]
fn a_pdf_with_another_extension_is_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "memo.dat", &text_pdf(&[PAGE_1]));
    let (doc, _) = one_doc(&p, &opts());
    assert_eq!(doc.format.as_str(), "pdf");
}
