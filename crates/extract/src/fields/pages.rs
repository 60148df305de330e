//! Pages: how many the document has (FIELDS.md §9). Its own count where the paper declares
//! one (a cover form's `PAGES : 6`, NSA's `THIS DOCUMENT CONTAINS 2 PAGE(S)`), else the
//! pages of the text (markers and form feeds found by normalization, or the source's own
//! pages), else an estimate from the text's layout or length.

use crate::fields::form::{Form, Key};
use crate::normalize::Normalized;
use declass_model::Source;
use regex::Regex;
use std::sync::LazyLock;

/// Whether a source of this format counts its own pages: a PDF or a scan does (and a source
/// read as more than one page); a text export of a scan does not, so its page breaks come
/// from its markers, its layout or its length.
pub fn counts_own_pages(format: &str, pages: u32) -> bool {
    !matches!(format, "text" | "markdown" | "jsonl" | "") || pages > 1
}

/// Words of two letters or more on a typed page, about: 45 lines of 6 words. A text export
/// of a scan often keeps no trace of its page breaks (2 in 5 of NARA's JFK dev texts without
/// a marker are longer than a page); its length is then the best evidence of its pages.
const WORDS_PER_PAGE: usize = 260;

/// The page count of a text with no page markers, when its length says more than one.
fn estimated(text: &str) -> Option<u32> {
    let words = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().nth(1).is_some())
        .count();
    let pages = (words + WORDS_PER_PAGE / 2) / WORDS_PER_PAGE;
    (pages > 1).then(|| u32::try_from(pages).unwrap_or(u32::MAX))
}

// NSA's statement at the foot of a report: `THIS DOCUMENT CONTAINS 1 PAGE(S)`.
static CONTAINS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\W{0,3}THIS DOCUMENT CONTAINS (\d{1,4}) PAGE(?:\(S\)|S)?\W{0,3}$")
        .expect("static regex")
});

/// The count the paper declares for its document: the cover form's PAGES (the archive's
/// count of the document it describes; the text holds the form's own page too, and often
/// only part of a long release), or NSA's statement of its pages.
fn declared(n: &Normalized, form: Option<&Form>) -> Option<u32> {
    let on_form = form
        .and_then(|f| f.get(Key::Pages))
        .and_then(|v| v.value.trim().parse::<u32>().ok());
    let stated = || {
        n.text
            .contains("THIS DOCUMENT CONTAINS")
            .then(|| CONTAINS.captures(&n.text)?.get(1)?.as_str().parse().ok())
            .flatten()
    };
    on_form.or_else(stated).filter(|&p| p > 0)
}

/// The record's `pages` and `pages_estimated`; `text_export`: the source does not count
/// its own pages.
pub fn extract(
    n: &Normalized,
    source: &Source,
    text_export: bool,
    form: Option<&Form>,
) -> (u32, bool) {
    if let Some(p) = declared(n, form) {
        return (p, false);
    }
    let pages = n.pages().max(source.pages);
    if n.page_starts.len() > 1 {
        return (pages, n.pages_from_layout);
    }
    match estimated(&n.text).filter(|_| text_export) {
        Some(estimate) => (estimate, true),
        None => (pages, false),
    }
}

#[cfg(test)]
mod tests {
    use declass_model::Source;

    fn pages(text: &str) -> (u32, bool) {
        let r = crate::extract("x".into(), Source::default(), text).record;
        (r.pages, r.pages_estimated)
    }

    #[test]
    fn the_count_the_paper_declares() {
        // JFK 176-10037-10226: the identification form (`PAGES : 1`) and the one page it
        // describes, two pages of text; NARA counts 1. 157-10011-10123: `PAGES : 40`, of
        // which the text's layout shows 41 with the form.
        let one = include_str!("../../../../corpus/sample/jfk/176-10037-10226.txt");
        let forty = include_str!("../../../../corpus/sample/jfk/157-10011-10123.txt");
        assert_eq!(pages(one), (1, false));
        assert_eq!(pages(forty), (40, false));
        let r = crate::extract("x".into(), Source::default(), one).record;
        assert_eq!(r.page_starts.len(), 2, "the text's own pages stay");
        // A PAGES with no count leaves the text's pages.
        let zero = one.replacen("PAGES : 1", "PAGES : 0", 1);
        assert_ne!(zero, one);
        assert_eq!(pages(&zero), (2, true));
        // JFK 144-10001-10052: NSA's statement under a report read as two pages.
        let nsa = include_str!("../../../../corpus/sample/jfk/144-10001-10052.txt");
        assert!(nsa.contains("\nTHIS DOCUMENT CONTAINS 1 PAGE\n"));
        assert_eq!(pages(nsa), (1, false));
        let unstated = nsa.replacen("THIS DOCUMENT CONTAINS", "THIS PAPER HOLDS", 1);
        assert_eq!(pages(&unstated), (2, true));
    }
}
