//! Line iteration with byte offsets: every rule reads the text as lines and reports spans.

/// One line of the normalized text, without its `\n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    pub text: &'a str,
    /// Byte offset of the line's first character in the whole text.
    pub start: usize,
    /// Index of the line (0-based).
    pub index: usize,
}

impl<'a> Line<'a> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The trimmed text and its absolute start offset.
    pub fn trimmed(&self) -> (&'a str, usize) {
        let lead = self.text.len() - self.text.trim_start().len();
        (self.text.trim(), self.start + lead)
    }
}

/// A numbered paragraph's first line: `1. ON 28 APRIL`, `2, Subject was`, `3) The`.
pub static NUMBERED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\W{0,2}\d{1,2}\s?[.,)]\s").expect("static regex")
});

/// All lines of `text` with their offsets.
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut start = 0;
    text.split('\n').enumerate().map(move |(index, t)| {
        let line = Line {
            text: t,
            start,
            index,
        };
        start += t.len() + 1;
        line
    })
}

/// Byte offset where each line starts (the first is 0).
pub fn line_starts(text: &str) -> Vec<usize> {
    // (memchr's vector search: three fields ask this of every document)
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect()
}

/// Trim `s` (a slice of `text` starting at `offset`) and return it with its new offsets.
pub fn trim_span(s: &str, offset: usize) -> (&str, usize, usize) {
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (t, offset + lead, offset + lead + t.len())
}

/// Share of alphabetic characters that are upper case (1.0 for a line in capitals).
pub fn upper_ratio(s: &str) -> f32 {
    let (mut up, mut alpha) = (0u32, 0u32);
    if s.is_ascii() {
        // (most text: counted by bytes, without decoding characters)
        for b in s.bytes() {
            alpha += u32::from(b.is_ascii_alphabetic());
            up += u32::from(b.is_ascii_uppercase());
        }
    } else {
        for c in s.chars().filter(|c| c.is_alphabetic()) {
            alpha += 1;
            if c.is_uppercase() {
                up += 1;
            }
        }
    }
    if alpha == 0 {
        0.0
    } else {
        up as f32 / alpha as f32
    }
}

/// `text[start..]` up to `len` bytes, cut back to a character boundary.
pub fn window(text: &str, start: usize, len: usize) -> &str {
    let mut start = start.min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = start.saturating_add(len).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[start..end]
}

/// Letters left in the margins by stamps (`RH`, `ESP`, `DI`): short capitals at the edges
/// of a segment are trimmed off.
pub fn trim_margin_letters(s: &str) -> &str {
    let mut words: Vec<&str> = s.split_whitespace().collect();
    let junk = |w: &&str| w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase());
    while words.first().is_some_and(junk) {
        words.remove(0);
    }
    while words.last().is_some_and(junk) {
        words.pop();
    }
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return "";
    };
    let start = first.as_ptr() as usize - s.as_ptr() as usize;
    let end = last.as_ptr() as usize - s.as_ptr() as usize + last.len();
    &s[start..end]
}

/// Lower-case letters a page edge leaves before a line's first capital: a margin's stray
/// letters (`ic SUBJECT:`) or the tail of a word cut off (`ymond M. Reardon`). Up to
/// `max` letters and a space are skipped when a capital follows; otherwise `s` as it is.
/// A function word is the sentence's own, no fragment (`of Subject. The Station ...`).
pub fn skip_margin_fragment(s: &str, max: usize) -> &str {
    let letters = s.len() - s.trim_start_matches(|c: char| c.is_ascii_lowercase()).len();
    let rest = s[letters..].trim_start_matches([' ', '\t']);
    let sentence_word = matches!(
        &s[..letters],
        "a" | "an" | "as" | "at" | "by" | "in" | "is" | "of" | "on" | "or" | "to" | "the"
    );
    if (1..=max).contains(&letters)
        && !sentence_word
        && rest.len() < s.len() - letters
        && rest.starts_with(|c: char| c.is_ascii_uppercase())
    {
        rest
    } else {
        s
    }
}

/// Debris a page edge leaves after a value (`Jackson R. Horton i`, `Division |`): trailing
/// lone lower-case letters and runs of punctuation are cut off.
pub fn trim_trailing_debris(s: &str) -> &str {
    let mut t = s.trim_end();
    loop {
        let Some(cut) = t.rfind(char::is_whitespace) else {
            return t;
        };
        let space = t[cut..].chars().next().map_or(1, char::len_utf8);
        let last = &t[cut + space..];
        let lone_letter = last.len() == 1 && last.chars().all(|c| c.is_ascii_lowercase());
        let punctuation = !last.is_empty() && !last.chars().any(char::is_alphanumeric);
        if !(lone_letter || punctuation) {
            return t;
        }
        t = t[..cut].trim_end();
    }
}

/// The lines of `text` (start, text) whose first byte after spaces and tabs passes `first`:
/// a pattern anchored at a line's start asked of these lines only, where searching the
/// whole text would look at every byte.
pub fn lines_opening_with(
    text: &str,
    first: impl Fn(u8) -> bool,
) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = Some(0);
    std::iter::from_fn(move || loop {
        let start = at?;
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |e| start + e);
        at = (end < bytes.len()).then_some(end + 1);
        let lead = bytes[start..end]
            .iter()
            .position(|&b| b != b' ' && b != b'\t');
        if lead.is_some_and(|l| first(bytes[start + l])) {
            return Some((start, &text[start..end]));
        }
    })
}

/// The line of `text` that starts at `start`, without its newline.
pub fn line_at(text: &str, start: usize) -> &str {
    let rest = text.get(start..).unwrap_or_default();
    memchr::memchr(b'\n', rest.as_bytes()).map_or(rest, |e| &rest[..e])
}

/// Starts of the lines of `text` where `words` match (each line once, in order). Each
/// byte is looked at once, however long the line and however many matches it holds.
pub fn lines_holding(text: &str, words: &regex::Regex) -> Vec<usize> {
    let mut starts: Vec<usize> = Vec::new();
    let (mut line_start, mut scanned) = (0, 0);
    for m in words.find_iter(text) {
        if let Some(p) = text[scanned..m.start()].rfind('\n') {
            line_start = scanned + p + 1;
        }
        scanned = m.start();
        if starts.last() != Some(&line_start) {
            starts.push(line_start);
        }
    }
    starts
}

/// Share of dictionary words that makes a line prose on its own.
pub const PROSE: f64 = 0.6;

/// The words a title or a headline leaves in small letters (`Director General of the
/// Department`, `Peking's Foreign Policy After the Ninth Party Congress`).
pub const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "after",
    "before", "over", "under", "into", "as", "or", "vs", "via", "per", "de", "del", "la", "le",
    "y",
];

/// A line of prose: at least `min_tokens` words, [`PROSE`] of them English. A heading, a
/// label or a date inside such a line is the text's, not the form's (`...HIGHEST SINCE NOV
/// 1959.`, `...THE PRESIDENTIAL REVIEW MEMORANDUM/NSC-18...`).
pub fn is_prose(s: &str, min_tokens: usize) -> bool {
    prose_at_least(s, min_tokens, PROSE)
}

/// How far from a word its line is read, either way: a line of megabytes (a text with no
/// line breaks) is read near the word only, so asking of every match stays linear.
const NEAR: usize = 400;

/// The line around byte `at` (a character boundary), cut to [`NEAR`] bytes either side:
/// where it starts, and the text from there to its end or the cut.
pub fn line_near(text: &str, at: usize) -> (usize, &str) {
    let mut back = at.saturating_sub(NEAR);
    // (`at` is a boundary: this stops there at the latest)
    while !text.is_char_boundary(back) {
        back += 1;
    }
    let start = text[back..at].rfind('\n').map_or(back, |i| back + i + 1);
    let rest = window(text, start, 2 * NEAR);
    (
        start,
        &rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())],
    )
}

/// A long line of prose (more than 60 bytes, [`is_prose`] of 8 words): a paragraph of the
/// text, where a form's or a marking's words are the text's own.
pub fn long_prose_line(line: &str) -> bool {
    line.len() > 60 && is_prose(line, 8)
}

/// The word at `at` stands inside a sentence of the text's own, on a long line of prose and
/// well into it: a heading's or a form's word there is the text's (`...RESPONSE TO THE
/// PRESIDENTIAL REVIEW MEMORANDUM/NSC-18...`, `...FROM RIGA OVIR DIRECTOR NOV 30...`).
pub fn inside_prose(text: &str, at: usize) -> bool {
    let (start, line) = line_near(text, at);
    text[start..at].trim_start().len() > 12 && long_prose_line(line)
}

/// The words at `start..end` run on in a sentence of the text's own: a common word before
/// them and a word after, one space apart, on a long line of prose. A marking's or a stamp's
/// words there are the text's (`...HAS MADE NO SECRET OF HIS...`, `...AND RELEASED IN JULY,
/// 1978.`); on a form they stand between labels, codes and marks (`TDC () EXCISE ()`).
pub fn within_sentence(text: &str, start: usize, end: usize) -> bool {
    // (by bytes: a letter is ASCII, and the byte past any other is a character's boundary;
    // a word is read no further than NEAR bytes)
    let word_before = text[..start].strip_suffix(' ').map(|b| {
        let near = window(b, b.len().saturating_sub(NEAR), NEAR);
        let bytes = near.as_bytes();
        &near[bytes
            .iter()
            .rposition(|c| !c.is_ascii_alphabetic())
            .map_or(0, |i| i + 1)..]
    });
    let word_after = text[end..].strip_prefix(' ').map(|a| {
        let near = window(a, 0, NEAR);
        let bytes = near.as_bytes();
        &near[..bytes
            .iter()
            .position(|c| !c.is_ascii_alphabetic())
            .unwrap_or(near.len())]
    });
    word_before.is_some_and(declass_lexicon::is_common_word)
        && word_after.is_some_and(declass_lexicon::is_word)
        && long_prose_line(line_near(text, start).1)
}

/// [`is_prose`] with a share of one's own.
pub fn prose_at_least(s: &str, min_tokens: usize, ratio: f64) -> bool {
    // (a line's first 300 bytes tell: a telegram's paragraph is one line of thousands)
    let p = declass_lexicon::prose(window(s, 0, 300));
    p.tokens >= min_tokens && p.ratio() >= ratio
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_opening_with_a_byte_past_their_indent() {
        let t = "  -2-\ntext - here\n\n\t# Page 3\nPage 4 of 9";
        let found: Vec<(usize, &str)> = lines_opening_with(t, |b| b == b'-' || b == b'#').collect();
        assert_eq!(found, vec![(0, "  -2-"), (19, "\t# Page 3")]);
        let found: Vec<&str> = lines_opening_with(t, |b| b == b'P').map(|l| l.1).collect();
        assert_eq!(found, vec!["Page 4 of 9"]);
        assert_eq!(lines_opening_with("", |_| true).count(), 0);
        assert_eq!(line_at(t, 6), "text - here");
        assert_eq!(line_at(t, 29), "Page 4 of 9");
    }

    #[test]
    fn upper_ratio_counts_letters_by_bytes_or_characters_alike() {
        let by_chars = |s: &str| {
            let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
            let up = letters.iter().filter(|c| c.is_uppercase()).count();
            if letters.is_empty() {
                0.0
            } else {
                up as f32 / letters.len() as f32
            }
        };
        for s in [
            "",
            "1. C - ENTIRE TEXT",
            "Memorandum for the Record",
            "42 / 17",
            "MixED cASe x",
        ] {
            assert_eq!(upper_ratio(s), by_chars(s), "{s:?}");
        }
        // and text with letters beyond ASCII takes the characters' way
        assert_eq!(
            upper_ratio("\u{c9}TAT fran\u{e7}ais"),
            by_chars("\u{c9}TAT fran\u{e7}ais")
        );
        assert_eq!(upper_ratio("ABCD"), 1.0);
    }

    #[test]
    fn offsets_point_at_line_starts() {
        let text = "01639\n\n1993/11/03\n";
        let ls: Vec<_> = lines(text).collect();
        assert_eq!(ls.len(), 4);
        assert_eq!(&text[ls[2].start..ls[2].end()], "1993/11/03");
        assert!(ls[1].is_blank());
    }

    #[test]
    fn trim_span_keeps_absolute_offsets() {
        let text = "SUBJECT:   Liu Huaqiu  ";
        let (t, s, e) = trim_span(&text[8..], 8);
        assert_eq!(t, "Liu Huaqiu");
        assert_eq!(&text[s..e], "Liu Huaqiu");
    }

    #[test]
    fn trailing_debris_is_cut() {
        // JFK 104-10219-10177: `FROM : Jackson R. Horton i` / `Chief, Domestic Collection Division i`.
        assert_eq!(
            trim_trailing_debris("Jackson R. Horton i"),
            "Jackson R. Horton"
        );
        assert_eq!(
            trim_trailing_debris("Chief, WH Division | ;"),
            "Chief, WH Division"
        );
        // A middle initial or a real last word stays.
        assert_eq!(trim_trailing_debris("Rhoda A"), "Rhoda A");
        assert_eq!(trim_trailing_debris("Chief, SR"), "Chief, SR");
        // a wide space before the debris (found by the fuzz test)
        assert_eq!(trim_trailing_debris("Chief\u{3000}i"), "Chief");
    }

    #[test]
    fn margin_fragments_before_a_capital_are_skipped() {
        // JFK 104-10167-10438 and 104-10429-10085.
        assert_eq!(
            skip_margin_fragment("ic SUBJECT: Alerting", 2),
            "SUBJECT: Alerting"
        );
        assert_eq!(skip_margin_fragment("ymond M. Reardon", 5), "M. Reardon");
        // Too long to be a fragment, no space, or no capital after it: left alone.
        assert_eq!(
            skip_margin_fragment("ymond M. Reardon", 2),
            "ymond M. Reardon"
        );
        assert_eq!(skip_margin_fragment("iSUBJECT", 2), "iSUBJECT");
        assert_eq!(skip_margin_fragment("of the Station", 5), "of the Station");
        // JFK 104-10068-10155: a word of the sentence before a capital is no fragment
        assert_eq!(
            skip_margin_fragment("of Subject. The Station has", 2),
            "of Subject. The Station has"
        );
    }
}
