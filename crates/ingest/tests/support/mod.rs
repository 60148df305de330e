//! Test fixtures made from text the tests control: text PDFs written here (Helvetica, one
//! of the fonts every PDF reader has), page images rendered from them by Poppler, and
//! image-only PDFs wrapping those images, so OCR output can be checked against the text.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// A PDF with one page per entry, each line of the entry a line of 11-point Helvetica.
pub fn text_pdf(pages: &[&str]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = Vec::new();
    // 1: catalog, 2: page tree, 3: font; then a page and its content per page.
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", 4 + 2 * i))
        .collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .into_bytes(),
    );
    objects.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec());
    for (i, text) in pages.iter().enumerate() {
        let mut content = String::from("BT /F1 11 Tf 14 TL 72 720 Td\n");
        for line in text.lines() {
            let escaped = line
                .replace('\\', "\\\\")
                .replace('(', "\\(")
                .replace(')', "\\)");
            content.push_str(&format!("({escaped}) Tj T*\n"));
        }
        content.push_str("ET");
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * i
            )
            .into_bytes(),
        );
        objects.push(stream("", content.as_bytes()));
    }
    assemble(&objects)
}

/// A PDF whose pages are only images (8-bit grayscale, `width` x `height` pixels each),
/// stretched over a US Letter page: a scan with no text layer.
pub fn image_pdf(pages: &[(u32, u32, Vec<u8>)]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", 3 + 3 * i))
        .collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .into_bytes(),
    );
    for (i, (w, h, pixels)) in pages.iter().enumerate() {
        let page = 3 + 3 * i;
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 {} 0 R >> >> /Contents {} 0 R >>",
                page + 1,
                page + 2
            )
            .into_bytes(),
        );
        objects.push(stream(
            &format!("/Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 8"),
            pixels,
        ));
        objects.push(stream("", b"q 612 0 0 792 0 0 cm /Im1 Do Q"));
    }
    assemble(&objects)
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut v = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    v.extend_from_slice(data);
    v.extend_from_slice(b"\nendstream");
    v
}

fn assemble(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Render every page of `pdf` with pdftoppm; `format` is `gray` (PGM), `png` or `tiff`.
pub fn render(pdf: &Path, dpi: u32, format: &str, out_stem: &Path) -> Vec<PathBuf> {
    let flag = match format {
        "gray" => "-gray",
        "png" => "-png",
        "tiff" => "-tiff",
        other => panic!("format {other}"),
    };
    let st = Command::new("pdftoppm")
        .args(["-r", &dpi.to_string(), flag])
        .arg(pdf)
        .arg(out_stem)
        .status()
        .expect("pdftoppm runs (install poppler-utils; scripts/test does)");
    assert!(st.success());
    let dir = out_stem.parent().unwrap();
    let stem = out_stem.file_name().unwrap().to_str().unwrap().to_string();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{stem}-")))
        })
        .collect();
    files.sort();
    files
}

/// Width, height and pixels of a binary (P5) PGM.
pub fn read_pgm(path: &Path) -> (u32, u32, Vec<u8>) {
    let bytes = std::fs::read(path).unwrap();
    // Header: P5 <ws> width <ws> height <ws> maxval <one ws> data
    let mut fields = Vec::new();
    let mut i = 2;
    while fields.len() < 3 {
        while bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(
            std::str::from_utf8(&bytes[start..i])
                .unwrap()
                .parse::<u32>()
                .unwrap(),
        );
    }
    let data = bytes[i + 1..].to_vec();
    assert_eq!(data.len() as u32, fields[0] * fields[1], "8-bit PGM");
    (fields[0], fields[1], data)
}

/// A page as a scanner's crooked feed leaves it: turned by `deg` counter-clockwise about its
/// centre (nearest neighbour, white outside), written independently of the library's own
/// rotation so that the two cannot share a mistake.
pub fn tilt(page: &(u32, u32, Vec<u8>), deg: f64) -> (u32, u32, Vec<u8>) {
    let (w, h, px) = page;
    let (s, c) = deg.to_radians().sin_cos();
    let (cx, cy) = (*w as f64 / 2.0, *h as f64 / 2.0);
    let mut out = vec![255u8; px.len()];
    for y in 0..*h {
        for x in 0..*w {
            // Inverse map: where this output pixel was before the turn.
            let (dx, dy) = (x as f64 - cx, y as f64 - cy);
            let sx = (cx + dx * c - dy * s).round();
            let sy = (cy + dx * s + dy * c).round();
            if sx >= 0.0 && sy >= 0.0 && sx < *w as f64 && sy < *h as f64 {
                out[(y * w + x) as usize] = px[(sy as u32 * w + sx as u32) as usize];
            }
        }
    }
    (*w, *h, out)
}

/// A page photographed under a lamp off to one side: darker and noisier to the right,
/// the way Otsu's one threshold cannot split ink from shade.
pub fn shade(page: &(u32, u32, Vec<u8>)) -> (u32, u32, Vec<u8>) {
    let (w, h, px) = page;
    let mut seed: u32 = 7;
    let out = px
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let x = (i as u32 % w) as f64;
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let noise = ((seed >> 16) % 61) as f64 - 30.0;
            (v as f64 * 0.75 + 40.0 - 110.0 * x / *w as f64 + noise).clamp(0.0, 255.0) as u8
        })
        .collect();
    (*w, *h, out)
}

/// Character error rate: edit distance over the reference length, after collapsing
/// white space (layout differences are not OCR errors).
pub fn cer(reference: &str, ocr: &str) -> f64 {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let a: Vec<char> = norm(reference).chars().collect();
    let b: Vec<char> = norm(ocr).chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] as f64 / a.len().max(1) as f64
}

/// Two memo pages in the style of the seeds (public domain text written for the tests).
pub const PAGE_1: &str = "SECRET
MEMORANDUM FOR: The Deputy Secretary
FROM: EAP - Winston Lord
SUBJECT: Talking Points for Your Meeting with Vice Premier Qian
1. The Vice Premier will raise nonproliferation and trade.
2. We recommend that you stress our concern about missile exports.
Drafted: EAP/CM:ACarlson x7-2455";

pub const PAGE_2: &str = "2
3. The Chinese side has asked for a reply before the meeting.
Attachments: Tab A - Talking Points
Cleared: P - Robert M. Kimmitt
DECL: OADR";
