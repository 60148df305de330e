//! Charts drawn on the server as inline SVG: no script, no library, readable without CSS.

use crate::pages::url_with;
use declass_archive::{FacetCount, SearchRequest};
use maud::{html, Markup};

/// One bar: its label (a year), its height, where clicking it goes, and its tooltip.
pub struct Bar {
    pub label: String,
    pub value: u64,
    pub href: String,
}

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 120.0;
const AXIS: f64 = 16.0;

/// A bar chart over consecutive years; gaps are drawn as empty years so time reads true.
pub fn bars(title: &str, bars: &[Bar]) -> Markup {
    if bars.is_empty() {
        return html! {};
    }
    let max = bars.iter().map(|b| b.value).max().unwrap_or(1).max(1) as f64;
    let step = WIDTH / bars.len() as f64;
    let every = (bars.len() / 12).max(1);
    html! {
        figure.chart {
            svg viewBox={ "0 0 " (WIDTH) " " (HEIGHT + AXIS) } role="img" aria-label=(title) preserveAspectRatio="none" {
                title { (title) }
                @for (i, b) in bars.iter().enumerate() {
                    @let h = (b.value as f64 / max * HEIGHT).max(if b.value > 0 { 1.0 } else { 0.0 });
                    a href=(b.href) {
                        rect x=(format!("{:.1}", i as f64 * step + 0.5)) y=(format!("{:.1}", HEIGHT - h))
                             width=(format!("{:.1}", (step - 1.0).max(0.5))) height=(format!("{:.1}", h)) {
                            title { (b.label) ": " (b.value) " document" @if b.value != 1 { "s" } }
                        }
                        // A full-height hit area so short bars are easy to click.
                        rect.hit x=(format!("{:.1}", i as f64 * step)) y="0" width=(format!("{:.1}", step)) height=(HEIGHT) {}
                    }
                    @if i % every == 0 {
                        text x=(format!("{:.1}", i as f64 * step)) y=(HEIGHT + AXIS - 3.0) { (b.label) }
                    }
                }
            }
            figcaption { (title) }
        }
    }
}

/// Consecutive years from `(year, count)` pairs, empty years filled in.
pub fn years_filled(counts: &[(i64, u64)]) -> Vec<(i64, u64)> {
    let (Some(first), Some(last)) = (
        counts.iter().map(|c| c.0).min(),
        counts.iter().map(|c| c.0).max(),
    ) else {
        return Vec::new();
    };
    // A stray far-off year (an OCR'd "1066") must not stretch the axis over centuries.
    if last - first > 200 {
        return counts.to_vec();
    }
    (first..=last)
        .map(|y| (y, counts.iter().find(|c| c.0 == y).map_or(0, |c| c.1)))
        .collect()
}

/// Documents per year for a search; a bar filters the search to its year.
pub fn year_chart(req: &SearchRequest, years: &[FacetCount], estimated: bool) -> Markup {
    let counts: Vec<(i64, u64)> = years
        .iter()
        .filter_map(|c| Some((c.value.parse::<i64>().ok()?, c.count)))
        .collect();
    if counts.len() < 2 {
        return html! {};
    }
    let bars: Vec<Bar> = years_filled(&counts)
        .into_iter()
        .map(|(y, n)| Bar {
            label: y.to_string(),
            value: n,
            href: url_with(
                req,
                &[
                    ("from", Some(y.to_string())),
                    ("to", Some(y.to_string())),
                    ("offset", None),
                ],
            ),
        })
        .collect();
    let title = if estimated {
        "Documents per year, estimated from a sample of the matches (click a year to filter)"
    } else {
        "Documents per year (click a year to filter)"
    };
    self::bars(title, &bars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_consecutive_and_far_outliers_do_not_stretch_the_axis() {
        assert_eq!(
            years_filled(&[(1990, 2), (1993, 1)]),
            vec![(1990, 2), (1991, 0), (1992, 0), (1993, 1)]
        );
        assert_eq!(years_filled(&[(1066, 1), (1990, 2)]).len(), 2);
        assert!(years_filled(&[]).is_empty());
    }

    #[test]
    fn a_chart_links_each_bar_and_escapes_its_labels() {
        let m = bars(
            "t<",
            &[Bar {
                label: "1990".into(),
                value: 3,
                href: "/?from=1990&to=1990".into(),
            }],
        )
        .into_string();
        assert!(m.contains("href=\"/?from=1990&amp;to=1990\""), "{m}");
        assert!(m.contains("1990: 3 documents"));
        assert!(m.contains("t&lt;"));
    }
}
