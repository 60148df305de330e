//! Kinds shown by patterns, asked as one: the first match in a text and the kind it shows
//! (a document's heading, a letterhead's agency).

use regex::Regex;

/// Patterns, each showing a kind, in the order that breaks ties. One scan of their
/// alternation finds where the first match starts (leftmost-first alternation makes the
/// list's choice among matches at one place); then the kinds are asked at that place only.
pub struct Earliest<T> {
    kinds: Vec<(Regex, T)>,
    any: Regex,
}

impl<T: Copy> Earliest<T> {
    /// From compiled patterns (static ones: their alternation compiles as they did alone).
    pub fn new(kinds: Vec<(Regex, T)>) -> Self {
        let alts: Vec<String> = kinds
            .iter()
            .map(|(re, _)| format!("(?:{})", re.as_str()))
            .collect();
        let any = Regex::new(&alts.join("|")).expect("static regex");
        Self { kinds, any }
    }

    /// The first match in `h`: where it starts and ends, and its kind.
    pub fn find(&self, h: &str) -> Option<(usize, usize, T)> {
        let any = self.any.find(h)?;
        self.kinds.iter().find_map(|(re, t)| {
            re.find_at(h, any.start())
                .filter(|m| m.start() == any.start())
                .map(|m| (m.start(), m.end(), *t))
        })
    }

    /// The first match in `h` that `keep` accepts (given where it starts).
    pub fn find_where(&self, h: &str, keep: impl Fn(usize) -> bool) -> Option<(usize, usize, T)> {
        self.any
            .find_iter(h)
            .filter(|m| keep(m.start()))
            .find_map(|any| {
                self.kinds.iter().find_map(|(re, t)| {
                    re.find_at(h, any.start())
                        .filter(|m| m.start() == any.start())
                        .map(|m| (m.start(), m.end(), *t))
                })
            })
    }

    /// What [`Earliest::find`] answers, asked the slow way (each pattern over the whole
    /// text, the earliest kept, ties to the first listed): for tests.
    #[cfg(test)]
    pub(crate) fn find_one_by_one(&self, h: &str) -> Option<(usize, usize, T)> {
        self.kinds
            .iter()
            .filter_map(|(re, t)| re.find(h).map(|m| (m.start(), m.end(), *t)))
            .min_by_key(|(s, _, _)| *s)
    }
}
