//! Page images straightened before OCR, only when they are tilted enough for it to matter.
//!
//! Measured (`scripts/bench --only ocr`, its skew rows): Tesseract reads typed lines tilted by
//! up to about 3° nearly as well as level ones (character error rate 0.001 → 0.008), but
//! past 5° its line finding breaks (0.30–0.43 at 6°). So a page's skew is estimated
//! (projection profiles of the dark pixels: the angle whose rows of text stack into the
//! sharpest peaks) and a page tilted by at least [`MIN_SKEW`] is rotated back before it
//! goes to Tesseract. Level pages are passed on untouched, at no cost but the estimate.
//!
//! Uneven lighting is the other measured failure (Otsu's single threshold blackens a
//! shaded half page: CER 0.40). A page whose paper tone varies across it ([`uneven`]) is
//! read with Tesseract's own adaptive (Sauvola) thresholding instead; and any page read with
//! low confidence is read again the other way ([`crate::ocr`]).

use image::GrayImage;
use std::path::{Path, PathBuf};

/// Smallest tilt, in degrees, worth a rotation (below it Tesseract's own handling suffices,
/// and a rotation's resampling blurs a little).
pub const MIN_SKEW: f32 = 1.0;
/// Largest tilt looked for: a scanner's feed, not a page laid sideways (OSD's business).
pub const MAX_SKEW: f32 = 12.0;

/// Pixels across the reduced copy the estimate works on: enough for text lines at 300 dpi.
const ESTIMATE_WIDTH: u32 = 900;
/// Fewer dark pixels than this: a blank page, nothing to estimate.
const MIN_DARK: usize = 500;

/// The page's tilt in degrees, counter-clockwise positive (text lines rising to the right);
/// 0 when the page has too little ink to tell.
pub fn skew_degrees(img: &GrayImage) -> f32 {
    let (w, h) = img.dimensions();
    if w == 0 || h == 0 {
        return 0.0;
    }
    let step = w.div_ceil(ESTIMATE_WIDTH).max(1);
    let (sw, sh) = (w / step, h / step);
    let mut hist = [0u32; 256];
    for y in 0..sh {
        for x in 0..sw {
            hist[img.get_pixel(x * step, y * step).0[0] as usize] += 1;
        }
    }
    let threshold = otsu(&hist);
    let mut dark: Vec<(f32, f32)> = Vec::new();
    for y in 0..sh {
        for x in 0..sw {
            if img.get_pixel(x * step, y * step).0[0] < threshold {
                dark.push((x as f32, y as f32));
            }
        }
    }
    // A page mostly dark is a photograph or a failed threshold: no lines to find.
    if dark.len() < MIN_DARK || dark.len() > (sw * sh / 2) as usize {
        return 0.0;
    }
    let score = |deg: f32| profile_score(&dark, sw, sh, deg);
    let best = |from: f32, to: f32, by: f32, seed: f32| {
        let mut best = (score(seed), seed);
        let mut a = from;
        while a <= to + f32::EPSILON {
            let s = score(a);
            if s > best.0 {
                best = (s, a);
            }
            a += by;
        }
        best.1
    };
    let coarse = best(-MAX_SKEW, MAX_SKEW, 0.5, 0.0);
    best(coarse - 0.5, coarse + 0.5, 0.05, coarse)
}

/// Sum of squared row counts after shearing the dark pixels by `deg`: largest when the
/// rows follow the text lines.
fn profile_score(dark: &[(f32, f32)], w: u32, h: u32, deg: f32) -> f64 {
    let t = deg.to_radians().tan();
    let pad = (w as f32 * MAX_SKEW.to_radians().tan()).ceil() as usize + 1;
    let mut rows = vec![0u32; h as usize + 2 * pad];
    for &(x, y) in dark {
        // A line rising to the right by `deg` keeps y + x·tan(deg) constant (y grows down).
        let r = (y + x * t).round() as isize + pad as isize;
        if let Some(c) = usize::try_from(r).ok().and_then(|r| rows.get_mut(r)) {
            *c += 1;
        }
    }
    rows.iter().map(|&c| (c as f64) * (c as f64)).sum()
}

/// Otsu's threshold of a grey-level histogram.
fn otsu(hist: &[u32; 256]) -> u8 {
    let total: f64 = hist.iter().map(|&c| c as f64).sum();
    let sum_all: f64 = hist
        .iter()
        .enumerate()
        .map(|(i, &c)| i as f64 * c as f64)
        .sum();
    let (mut w0, mut sum0, mut best, mut at) = (0.0, 0.0, -1.0, 128u8);
    for (i, &c) in hist.iter().enumerate() {
        w0 += c as f64;
        sum0 += i as f64 * c as f64;
        let w1 = total - w0;
        if w0 == 0.0 || w1 == 0.0 {
            continue;
        }
        let (m0, m1) = (sum0 / w0, (sum_all - sum0) / w1);
        let between = w0 * w1 * (m0 - m1) * (m0 - m1);
        if between > best {
            best = between;
            at = i as u8;
        }
    }
    at.saturating_add(1)
}

/// The image turned by `deg` (counter-clockwise positive) about its centre, same size,
/// bilinear, white where the turn uncovers the margin.
pub fn rotate(img: &GrayImage, deg: f32) -> GrayImage {
    let (w, h) = img.dimensions();
    let (s, c) = deg.to_radians().sin_cos();
    let (cx, cy) = ((w as f32 - 1.0) / 2.0, (h as f32 - 1.0) / 2.0);
    let at = |x: i64, y: i64| -> f32 {
        if x < 0 || y < 0 || x >= w as i64 || y >= h as i64 {
            255.0
        } else {
            img.get_pixel(x as u32, y as u32).0[0] as f32
        }
    };
    GrayImage::from_fn(w, h, |x, y| {
        // The source of an output pixel: the output point turned back by -deg.
        let (dx, dy) = (x as f32 - cx, y as f32 - cy);
        let sx = cx + dx * c - dy * s;
        let sy = cy + dx * s + dy * c;
        let (x0, y0) = (sx.floor(), sy.floor());
        let (fx, fy) = (sx - x0, sy - y0);
        let (x0, y0) = (x0 as i64, y0 as i64);
        let top = at(x0, y0) * (1.0 - fx) + at(x0 + 1, y0) * fx;
        let bottom = at(x0, y0 + 1) * (1.0 - fx) + at(x0 + 1, y0 + 1) * fx;
        image::Luma([(top * (1.0 - fy) + bottom * fy).round() as u8])
    })
}

/// Tiles across (and down) the grid that [`uneven`] compares.
const TILES: u32 = 8;
/// Spread of the tiles' paper tone (grey levels, 10th to 90th percentile) that makes a page
/// unevenly lit. Text covers too little of a tile to move its median, so a clean page's
/// tiles all read paper-white; a shaded one's fall away by 100 levels and more.
const UNEVEN_SPREAD: u8 = 60;

/// Whether the page's paper tone changes across it (a lamp off to one side, a darkened
/// fold), so that one global threshold cannot split ink from paper.
pub fn uneven(img: &GrayImage) -> bool {
    let (w, h) = img.dimensions();
    if w < TILES * 4 || h < TILES * 4 {
        return false;
    }
    let step = w.div_ceil(ESTIMATE_WIDTH).max(1);
    let (tw, th) = (w / TILES, h / TILES);
    let mut medians: Vec<u8> = Vec::with_capacity((TILES * TILES) as usize);
    for ty in 0..TILES {
        for tx in 0..TILES {
            let mut hist = [0u32; 256];
            let mut n = 0u32;
            for y in (ty * th..(ty + 1) * th).step_by(step as usize) {
                for x in (tx * tw..(tx + 1) * tw).step_by(step as usize) {
                    hist[img.get_pixel(x, y).0[0] as usize] += 1;
                    n += 1;
                }
            }
            let mut seen = 0;
            let median = hist
                .iter()
                .position(|&c| {
                    seen += c;
                    seen * 2 >= n
                })
                .unwrap_or(255);
            medians.push(median as u8);
        }
    }
    medians.sort_unstable();
    let at = |q: usize| medians[(medians.len() - 1) * q / 100];
    at(90).saturating_sub(at(10)) >= UNEVEN_SPREAD
}

/// What preprocessing found for one page image.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prepared {
    /// A straightened grey copy (PGM), when the page was tilted by [`MIN_SKEW`] or more.
    pub level: Option<PathBuf>,
    /// The tilt measured, in degrees.
    pub skew: f32,
    /// Lit unevenly: to be read with adaptive thresholding.
    pub uneven: bool,
}

/// Look at the page image at `path`: straighten it into `dir` if it is tilted, and tell
/// whether it is lit unevenly. An image this does not decode is Tesseract's to try as it is.
pub fn prepare(path: &Path, dir: &Path) -> Result<Prepared, String> {
    let untouched = Prepared::default();
    // A TIFF of several pages goes to Tesseract whole (it reads every page).
    if tiff_pages(path).is_some_and(|n| n > 1) {
        return Ok(untouched);
    }
    let img = match image::open(path) {
        Ok(i) => i.into_luma8(),
        Err(image::ImageError::Unsupported(_)) => return Ok(untouched),
        Err(e) => return Err(format!("cannot decode the page image: {e}")),
    };
    let skew = skew_degrees(&img);
    let uneven = uneven(&img);
    if skew.abs() < MIN_SKEW {
        return Ok(Prepared {
            uneven,
            ..untouched
        });
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "page".into());
    let out = dir.join(format!("{stem}-level.pgm"));
    rotate(&img, -skew)
        .save_with_format(&out, image::ImageFormat::Pnm)
        .map_err(|e| format!("cannot write the straightened page: {e}"))?;
    Ok(Prepared {
        level: Some(out),
        skew,
        uneven,
    })
}

/// Pages of a TIFF file: 1, or 2 meaning "more than one"; `None` when it is not a TIFF.
fn tiff_pages(path: &Path) -> Option<usize> {
    let mut head = [0u8; 4];
    let mut f = std::fs::File::open(path).ok()?;
    std::io::Read::read_exact(&mut f, &mut head).ok()?;
    if &head != b"II*\0" && &head != b"MM\0*" {
        return None;
    }
    let f = std::fs::File::open(path).ok()?;
    let d = tiff::decoder::Decoder::new(std::io::BufReader::new(f)).ok()?;
    Some(if d.more_images() { 2 } else { 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of "typed" lines: dark dashes of varying length on white, like words.
    fn page() -> GrayImage {
        let mut img = GrayImage::from_pixel(1200, 1600, image::Luma([255]));
        for line in 0..40u32 {
            let y0 = 100 + line * 36;
            let mut x = 100 + (line * 37) % 60;
            let mut word = line;
            while x < 1080 {
                word = word.wrapping_mul(1103515245).wrapping_add(12345);
                let len = 20 + (word >> 16) % 70;
                for dx in 0..len.min(1100 - x) {
                    for dy in 0..14 {
                        img.put_pixel(x + dx, y0 + dy, image::Luma([20]));
                    }
                }
                x += len + 14;
            }
        }
        img
    }

    #[test]
    fn a_level_page_reads_level() {
        assert!(skew_degrees(&page()).abs() < 0.3);
    }

    #[test]
    fn a_tilted_page_is_measured_and_straightened() {
        for deg in [-7.0f32, -2.5, 4.0, 9.0] {
            let tilted = rotate(&page(), deg);
            let got = skew_degrees(&tilted);
            assert!((got - deg).abs() < 0.3, "tilted {deg}°, measured {got}°");
            let back = rotate(&tilted, -got);
            assert!(skew_degrees(&back).abs() < 0.3, "straightened from {deg}°");
        }
    }

    #[test]
    fn shade_across_the_page_is_uneven_and_text_is_not() {
        let clean = page();
        assert!(!uneven(&clean));
        // Darker to the right by up to 110 grey levels, as under a lamp off to one side.
        let (w, _) = clean.dimensions();
        let shaded = GrayImage::from_fn(clean.width(), clean.height(), |x, y| {
            let v = clean.get_pixel(x, y).0[0] as f32 * 0.75 + 40.0 - 110.0 * x as f32 / w as f32;
            image::Luma([v.clamp(0.0, 255.0) as u8])
        });
        assert!(uneven(&shaded));
        // Evenly grey paper (a yellowed page) is not uneven.
        let grey = GrayImage::from_fn(clean.width(), clean.height(), |x, y| {
            image::Luma([(clean.get_pixel(x, y).0[0] as f32 * 0.7) as u8])
        });
        assert!(!uneven(&grey));
    }

    #[test]
    fn a_tiff_of_several_pages_is_told_from_one_page() {
        let dir = tempfile::tempdir().unwrap();
        let one = dir.path().join("one.tif");
        page().save(&one).unwrap();
        assert_eq!(tiff_pages(&one), Some(1));
        let two = dir.path().join("two.tif");
        let mut enc =
            tiff::encoder::TiffEncoder::new(std::fs::File::create(&two).unwrap()).unwrap();
        // Tilted pages, which a single page would have straightened.
        for _ in 0..2 {
            let p = rotate(&page(), 5.0);
            enc.write_image::<tiff::encoder::colortype::Gray8>(p.width(), p.height(), p.as_raw())
                .unwrap();
        }
        drop(enc);
        assert_eq!(tiff_pages(&two), Some(2));
        // Several pages: left to Tesseract as they are.
        assert_eq!(prepare(&two, dir.path()).unwrap(), Prepared::default());
        let png = dir.path().join("page.png");
        page().save(&png).unwrap();
        assert_eq!(tiff_pages(&png), None);
    }

    #[test]
    fn blank_and_black_pages_have_no_tilt() {
        assert_eq!(
            skew_degrees(&GrayImage::from_pixel(800, 1000, image::Luma([255]))),
            0.0
        );
        assert_eq!(
            skew_degrees(&GrayImage::from_pixel(800, 1000, image::Luma([0]))),
            0.0
        );
        assert_eq!(skew_degrees(&GrayImage::new(0, 0)), 0.0);
    }
}
