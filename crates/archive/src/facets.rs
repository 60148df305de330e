//! Facet counts that stay fast on millions of documents.
//!
//! tantivy's `FacetCollector` maps every facet of a segment's dictionary to its root for each
//! search, and turns every facet a hit carries into a string: with a person named in most
//! documents and tens of thousands of names (entity mentions, OCR noise), a search with
//! facets spent most of its time there (66 ms for 2,643 hits of 10,000 documents). Here a
//! segment's facets of one root are one range of ordinals (the dictionary is sorted and a
//! facet is `root\0value`), so collecting is one counter increment per facet of a hit; only
//! each root's most frequent ordinals of a segment ([`PER_SEGMENT`]) are turned into
//! strings, in one pass over the dictionary, and the segments' counts are summed by value.
//! As with Elasticsearch's `shard_size`, a value outside a segment's most frequent misses that
//! segment's count; listed years and decades are always exact, and so is everything on an
//! archive whose segments hold fewer distinct values than that.

use crate::search::{FacetCount, FACET_VALUES};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, LazyLock, Mutex};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::TermOrdHit;
use tantivy::fastfield::FacetReader;
use tantivy::query::{
    BooleanQuery, ConstScorer, EnableScoring, Explanation, Occur, Query, Scorer, Weight,
};
use tantivy::{DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

/// Values of a root kept from each segment before the segments are summed.
const PER_SEGMENT: usize = 4 * FACET_VALUES;

/// Roots whose values are all listed, in order of value.
fn listed_in_full(root: &str) -> bool {
    root == "year" || root == "decade"
}

/// Counts the values under each root of a facet field.
pub struct FacetCounter {
    pub field: &'static str,
    pub roots: &'static [&'static str],
    /// Count about one matching document in `stride` (1: all) and scale the counts by it.
    /// The sample is chosen by the query: search [`FacetCounter::sampled`].
    pub stride: u32,
}

impl FacetCounter {
    /// `query` narrowed to the sample of one document in `stride` (itself when counting
    /// all): the pass walks only the matches it counts.
    pub fn sampled(&self, query: &dyn Query) -> Box<dyn Query> {
        if self.stride <= 1 {
            return query.box_clone();
        }
        let sample = SampleQuery {
            bound: sample_bound(self.stride),
        };
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, query.box_clone()),
            (Occur::Must, Box::new(sample) as Box<dyn Query>),
        ]))
    }
}

/// A document's place in the sample: Fibonacci hashing spreads document numbers (which
/// follow ingest order) evenly over the `u32` range, so "hash ≤ bound" picks an even
/// sample of any run of them (a plain stride over the numbers would alias with anything
/// periodic in the ingest order).
fn hash(doc: DocId) -> u32 {
    doc.wrapping_mul(0x9E37_79B9)
}

/// The hash bound that keeps about one document in `stride`.
fn sample_bound(stride: u32) -> u32 {
    u32::MAX / stride.max(1)
}

/// The documents of the sample (`hash(doc) <= bound`), as a query: intersected with a
/// search, the facet pass walks only the matches it counts. A phrase's positions, say,
/// are then read for the sample's documents, not for every match.
#[derive(Clone, Debug)]
struct SampleQuery {
    bound: u32,
}

impl Query for SampleQuery {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(SampleWeight {
            bound: self.bound,
            gaps: sample_gaps(self.bound),
        }))
    }
}

struct SampleWeight {
    bound: u32,
    gaps: [u32; 3],
}

impl Weight for SampleWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let docs = SampleDocs::new(reader.max_doc(), self.bound, self.gaps);
        Ok(Box::new(ConstScorer::new(docs, boost)))
    }

    fn explain(&self, _: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        Ok(Explanation::new_with_string(
            format!(
                "document {doc} in the facet sample: {}",
                hash(doc) <= self.bound
            ),
            1.0,
        ))
    }
}

/// The gaps between consecutive documents of the sample, smallest first. Hashing is a
/// rotation of the circle by a fixed step, and the sample is the documents the rotation
/// brings into one arc; the times of return to an arc take at most three values, `a`, `b`
/// and `a + b`, where `a` and `b` are the first steps that move a point forward or back by
/// less than the arc's length (Slater's three-gap theorem). So the next document of the
/// sample is found in three hash checks instead of a scan of every document between.
fn sample_gaps(bound: u32) -> [u32; 3] {
    let first = |hit: &dyn Fn(u32) -> bool| (1..=u32::MAX).find(|&g| hit(hash(g))).unwrap_or(1);
    let a = first(&|h| h <= bound);
    let b = first(&|h| h != 0 && h.wrapping_neg() <= bound);
    let (a, b) = (a.min(b), a.max(b));
    [a, b, a.saturating_add(b)]
}

struct SampleDocs {
    doc: DocId,
    max_doc: DocId,
    bound: u32,
    gaps: [u32; 3],
}

impl SampleDocs {
    /// The sample of a segment of `max_doc` documents, on its first document.
    fn new(max_doc: DocId, bound: u32, gaps: [u32; 3]) -> SampleDocs {
        let mut docs = SampleDocs {
            doc: 0,
            max_doc,
            bound,
            gaps,
        };
        docs.doc = docs.first_from(0);
        docs
    }

    fn first_from(&self, mut d: DocId) -> DocId {
        while d < self.max_doc {
            if hash(d) <= self.bound {
                return d;
            }
            d += 1;
        }
        TERMINATED
    }

    /// The sample's next document after `d`, itself in the sample.
    fn next_after(&self, d: DocId) -> DocId {
        for g in self.gaps {
            let Some(n) = d.checked_add(g).filter(|&n| n < self.max_doc) else {
                // the next one, a gap or more away, is past the segment
                return TERMINATED;
            };
            if hash(n) <= self.bound {
                return n;
            }
        }
        // not reached if the theorem holds; a scan is right regardless
        self.first_from(d + 1)
    }
}

impl DocSet for SampleDocs {
    fn advance(&mut self) -> DocId {
        if self.doc != TERMINATED {
            self.doc = self.next_after(self.doc);
        }
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc == TERMINATED || self.doc >= target {
            return self.doc;
        }
        // near: step through the sample; far: scan from the target (about half a gap)
        if target - self.doc <= 4 * self.gaps[2] {
            while self.doc < target {
                self.doc = self.next_after(self.doc);
            }
        } else {
            self.doc = self.first_from(target);
        }
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        (u64::from(self.max_doc) * u64::from(self.bound) / u64::from(u32::MAX)) as u32
    }
}

/// Zeroed counter arrays kept between searches. A segment of a million-document archive
/// holds hundreds of thousands of facet values (people, offices); allocating, zeroing and
/// then scanning a counter for each of them was a fixed cost of milliseconds per segment
/// and search, whatever the number of hits. A harvested segment zeroes the counters it
/// touched and hands its array back.
static ZEROED: Mutex<Vec<Vec<u32>>> = Mutex::new(Vec::new());
/// Arrays kept: enough for the segments of a few concurrent searches.
const KEPT_ARRAYS: usize = 32;

/// A zeroed array of `len` counters: the kept one closest in length, so little is cleared.
fn zeroed(len: usize) -> Vec<u32> {
    let mut v = ZEROED
        .lock()
        .ok()
        .and_then(|mut pool| {
            let best = (0..pool.len()).min_by_key(|&i| pool[i].len().abs_diff(len))?;
            Some(pool.swap_remove(best))
        })
        .unwrap_or_default();
    v.resize(len, 0);
    v
}

fn give_back(mut v: Vec<u32>, touched: Vec<u64>) {
    for o in touched {
        if let Some(c) = v.get_mut(o as usize) {
            *c = 0;
        }
    }
    if let Ok(mut pool) = ZEROED.lock() {
        if pool.len() < KEPT_ARRAYS {
            pool.push(v);
        }
    }
}

pub struct FacetSegment {
    reader: FacetReader,
    /// The facet column's ordinals, read a document's run at a time into `buf` (one
    /// unpacking of the run instead of a call per value).
    ords: tantivy::columnar::Column<u64>,
    buf: Vec<u64>,
    /// Per ordinal; zero but for the ordinals in `touched`.
    counts: Vec<u32>,
    /// Ordinals counted at least once, in the order first seen.
    touched: Vec<u64>,
    /// What each count is multiplied by: the stride.
    scale: u64,
    /// (root index, first ordinal, end ordinal) of each root, and names already looked up.
    known: Arc<Known>,
    roots: &'static [&'static str],
}

fn first_ord_from(dict: &tantivy::columnar::Dictionary, key: &[u8]) -> tantivy::Result<u64> {
    Ok(match dict.term_ord_or_next(key)? {
        TermOrdHit::Exact(o) | TermOrdHit::Next(o) => o.min(dict.num_terms() as u64),
    })
}

/// What a segment's facet dictionary told earlier searches: each root's range of ordinals
/// and the names of the ordinals shown. Looking them up again (sstable blocks decoded for
/// every segment and search) was a fixed cost of milliseconds a search on a million
/// documents; a segment never changes, so neither does what it told.
struct Known {
    /// (root index, first ordinal, end ordinal), in order of ordinal.
    ranges: Vec<(usize, u64, u64)>,
    /// (FxHash: an ordinal is looked up for every value a search shows, per segment)
    names: Mutex<rustc_hash::FxHashMap<u64, Arc<str>>>,
}

/// Segments remembered (all of them are forgotten past this: a merge retires segments).
const KNOWN_SEGMENTS: usize = 1024;
/// Names remembered per segment: the values searches show, not the whole dictionary.
const KNOWN_NAMES: usize = 100_000;

type KnownKey = (tantivy::index::SegmentId, String);
static KNOWN: LazyLock<Mutex<HashMap<KnownKey, Arc<Known>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

impl FacetCounter {
    fn known(&self, segment: &SegmentReader, reader: &FacetReader) -> tantivy::Result<Arc<Known>> {
        let key = (
            segment.segment_id(),
            format!("{}\0{}", self.field, self.roots.join("\0")),
        );
        if let Some(k) = KNOWN.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(k);
        }
        let dict = reader.facet_dict();
        let mut ranges = Vec::with_capacity(self.roots.len());
        for (i, root) in self.roots.iter().enumerate() {
            // children of `root` are `root\0...`, so they sort between `root\0` and `root\x01`
            let mut key = root.as_bytes().to_vec();
            key.push(0);
            let lo = first_ord_from(dict, &key)?;
            *key.last_mut().unwrap_or(&mut 0) = 1;
            let hi = first_ord_from(dict, &key)?;
            if lo < hi {
                ranges.push((i, lo, hi));
            }
        }
        ranges.sort_unstable_by_key(|r| r.1);
        let known = Arc::new(Known {
            ranges,
            names: Mutex::new(Default::default()),
        });
        if let Ok(mut m) = KNOWN.lock() {
            if m.len() >= KNOWN_SEGMENTS {
                m.clear();
            }
            m.insert(key, known.clone());
        }
        Ok(known)
    }
}

impl Collector for FacetCounter {
    /// Counts by root, and whether they were scaled from a sample.
    type Fruit = (BTreeMap<String, Vec<FacetCount>>, bool);
    type Child = FacetSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<FacetSegment> {
        let reader = segment.facet_reader(self.field)?;
        let known = self.known(segment, &reader)?;
        let ords = segment
            .fast_fields()
            .str(self.field)?
            .map(|c| c.ords().clone())
            .ok_or_else(|| {
                tantivy::TantivyError::SchemaError(format!("no facet column {}", self.field))
            })?;
        Ok(FacetSegment {
            ords,
            buf: Vec::new(),
            counts: zeroed(reader.num_facets()),
            touched: Vec::new(),
            scale: u64::from(self.stride.max(1)),
            reader,
            known,
            roots: self.roots,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<SegmentCounts>) -> tantivy::Result<Self::Fruit> {
        let mut sums: rustc_hash::FxHashMap<(usize, Arc<str>), u64> = Default::default();
        let mut estimated = false;
        for (counts, sampled) in segments {
            estimated |= sampled;
            for (root, value, count) in counts {
                *sums.entry((root, value)).or_default() += count;
            }
        }
        let mut by_root: Vec<Vec<FacetCount>> = vec![Vec::new(); self.roots.len()];
        for ((root, value), count) in sums {
            by_root[root].push(FacetCount {
                value: value.to_string(),
                count,
            });
        }
        let mut out = BTreeMap::new();
        for (i, mut counts) in by_root.into_iter().enumerate() {
            let root = self.roots[i];
            if listed_in_full(root) {
                counts.sort_by(|a, b| a.value.cmp(&b.value));
            } else {
                counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
                counts.truncate(FACET_VALUES);
            }
            out.insert(root.to_string(), counts);
        }
        Ok((out, estimated))
    }
}

/// A segment's (root, value, count) triples, counts scaled; and whether they were sampled.
pub type SegmentCounts = (Vec<(usize, Arc<str>, u64)>, bool);

impl SegmentCollector for FacetSegment {
    type Fruit = SegmentCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        let mut previous = u64::MAX;
        let rows = self.ords.index.value_row_ids(doc);
        let len = rows.len();
        if self.buf.len() < len {
            self.buf.resize(len, 0);
        }
        self.ords
            .values
            .get_range(u64::from(rows.start), &mut self.buf[..len]);
        for &ord in &self.buf[..len] {
            if ord != previous {
                if let Some(c) = self.counts.get_mut(ord as usize) {
                    if *c == 0 {
                        self.touched.push(ord);
                    }
                    *c += 1;
                }
                previous = ord;
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        // each root's counted ordinals, by a scan of the (few) roots' ranges
        let ranges = &self.known.ranges;
        let mut by_range: Vec<Vec<(u64, usize, u64)>> = vec![Vec::new(); ranges.len()];
        for &o in &self.touched {
            // ranges are in order of ordinal: the last starting at or before `o`
            let r = ranges.partition_point(|&(_, lo, _)| lo <= o);
            if let Some(&(root, _, hi)) = r.checked_sub(1).and_then(|r| ranges.get(r)) {
                if o < hi {
                    let count = u64::from(self.counts[o as usize]) * self.scale;
                    by_range[r - 1].push((o, root, count));
                }
            }
        }
        // the ordinals to name: (ordinal, root, count), each root's most frequent
        let mut chosen: Vec<(u64, usize, u64)> = Vec::new();
        for (&(root, _, _), mut seen) in ranges.iter().zip(by_range) {
            if !listed_in_full(self.roots[root]) && seen.len() > PER_SEGMENT {
                seen.select_nth_unstable_by(PER_SEGMENT - 1, |a, b| b.2.cmp(&a.2));
                seen.truncate(PER_SEGMENT);
            }
            chosen.extend(seen);
        }
        give_back(self.counts, self.touched);
        chosen.sort_unstable_by_key(|c| c.0);
        let Ok(mut known) = self.known.names.lock() else {
            return (Vec::new(), false);
        };
        let missing: Vec<u64> = chosen
            .iter()
            .map(|c| c.0)
            .filter(|o| !known.contains_key(o))
            .collect();
        let mut names: Vec<Arc<str>> = Vec::with_capacity(missing.len());
        let named = self
            .reader
            .facet_dict()
            .sorted_ords_to_term_cb(&missing, |bytes| {
                // `root\0value`: the value is the last path segment
                let leaf = bytes.rsplit(|&b| b == 0).next().unwrap_or(bytes);
                names.push(String::from_utf8_lossy(leaf).into());
            });
        if named.is_err() || names.len() != missing.len() {
            tracing::warn!("facet dictionary could not name its ordinals; facets left out");
            return (Vec::new(), false);
        }
        let mut fresh: rustc_hash::FxHashMap<u64, Arc<str>> =
            missing.into_iter().zip(names).collect();
        let mut name = |o: u64| -> Arc<str> {
            match fresh.remove(&o) {
                Some(n) => {
                    if known.len() < KNOWN_NAMES {
                        known.insert(o, n.clone());
                    }
                    n
                }
                None => known.get(&o).cloned().unwrap_or_else(|| Arc::from("")),
            }
        };
        let counts = chosen
            .into_iter()
            .map(|(o, root, count)| (root, name(o), count))
            .collect();
        (counts, self.scale > 1)
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::query::{AllQuery, TermQuery};
    use tantivy::schema::{Facet, FacetOptions, IndexRecordOption, Schema, STRING};
    use tantivy::{doc, Index, Term};

    /// Stepping by the three gaps visits exactly the documents a scan finds, for arcs of many
    /// sizes, and seeking lands on the first sampled document at or after the target.
    #[test]
    fn sample_steps_by_gaps_visit_what_a_scan_finds() {
        let max_doc = 300_000;
        for stride in [2u32, 3, 7, 10, 64, 131, 132, 500, 1000, 4097] {
            let bound = sample_bound(stride);
            let scan: Vec<DocId> = (0..max_doc).filter(|&d| hash(d) <= bound).collect();
            // the theorem: no gap outside the three (the scan fallback is never needed)
            let gaps = sample_gaps(bound);
            assert!(
                scan.windows(2).all(|w| gaps.contains(&(w[1] - w[0]))),
                "stride {stride}: {gaps:?}"
            );
            let mut docs = SampleDocs::new(max_doc, bound, gaps);
            let mut walked = Vec::new();
            while docs.doc() != TERMINATED {
                walked.push(docs.doc());
                docs.advance();
            }
            assert_eq!(walked, scan, "stride {stride}");
            for target in [1, 17, 999, 5_000, 123_457, 299_999] {
                let mut docs = SampleDocs::new(max_doc, bound, gaps);
                docs.seek(target / 2);
                let expected = scan
                    .iter()
                    .copied()
                    .find(|&d| d >= target)
                    .unwrap_or(TERMINATED);
                assert_eq!(
                    docs.seek(target),
                    expected,
                    "stride {stride} target {target}"
                );
            }
        }
    }

    /// Counts over three segments equal the counts made by walking the documents, for all
    /// documents and for a query; years come in order, other roots most frequent first.
    /// The second search reuses what the first learnt of the segments (ranges, names) and
    /// its counter arrays, which must come back zeroed.
    #[test]
    fn counts_across_segments_match_the_documents() {
        let mut b = Schema::builder();
        let facets = b.add_facet_field("facets", FacetOptions::default());
        let word = b.add_text_field("word", STRING);
        let index = Index::create_in_ram(b.build());
        let mut w: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let people = ["Winston Lord", "Qian Qichen", "Liu Huaqiu", "James Baker"];
        let mut docs: Vec<(&str, Vec<(&str, String)>)> = Vec::new();
        for i in 0..90usize {
            let mut fs = vec![
                ("year", (1970 + i % 7).to_string()),
                ("type", ["memorandum", "telegram"][i % 2].to_string()),
            ];
            // person j appears in documents i with i % (j + 1) == 0: distinct counts
            for (j, p) in people.iter().enumerate() {
                if i % (j + 1) == 0 {
                    fs.push(("person", p.to_string()));
                }
            }
            docs.push((["china", "japan"][i % 3 % 2], fs));
        }
        for (i, (wd, fs)) in docs.iter().enumerate() {
            let mut d = doc!(word => *wd);
            for (root, v) in fs {
                d.add_facet(facets, Facet::from_path([*root, v.as_str()]));
            }
            w.add_document(d).unwrap();
            if i % 30 == 29 {
                w.commit().unwrap();
            }
        }
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 3);
        let counter = FacetCounter {
            field: "facets",
            roots: &["type", "year", "person"],
            stride: 1,
        };
        let expect = |only: Option<&str>, root: &str| -> Vec<(String, u64)> {
            let mut m: BTreeMap<String, u64> = BTreeMap::new();
            for (wd, fs) in &docs {
                if only.is_some_and(|o| o != *wd) {
                    continue;
                }
                for (r, v) in fs {
                    if *r == root {
                        *m.entry(v.clone()).or_default() += 1;
                    }
                }
            }
            let mut v: Vec<(String, u64)> = m.into_iter().collect();
            if root != "year" {
                v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            }
            v
        };
        let china = TermQuery::new(
            Term::from_field_text(word, "china"),
            IndexRecordOption::Basic,
        );
        for (query, only) in [
            (&AllQuery as &dyn tantivy::query::Query, None),
            (&china, Some("china")),
        ] {
            let (got, estimated) = searcher.search(query, &counter).unwrap();
            assert!(!estimated);
            for root in ["type", "year", "person"] {
                let got: Vec<(String, u64)> = got[root]
                    .iter()
                    .map(|c| (c.value.clone(), c.count))
                    .collect();
                assert_eq!(got, expect(only, root), "{root} {only:?}");
            }
        }
    }

    /// A sample of one document in ten, scaled, lands within a few percent of the exact
    /// counts, also where the values follow ingest order (a plain stride would alias with
    /// a value repeating every ten documents); a stride of one is exact.
    #[test]
    fn sampled_counts_are_close_to_the_exact_ones() {
        let mut b = Schema::builder();
        let facets = b.add_facet_field("facets", FacetOptions::default());
        let index = Index::create_in_ram(b.build());
        let mut w: tantivy::IndexWriter = index.writer_with_num_threads(1, 50_000_000).unwrap();
        let n = 20_000u64;
        for i in 0..n {
            let mut d = tantivy::TantivyDocument::default();
            // "every tenth" repeats at the stride; "first quarter" follows ingest order
            let kind = if i % 10 == 0 { "every tenth" } else { "other" };
            d.add_facet(facets, Facet::from_path(["type", kind]));
            let era = if i < n / 4 { "first quarter" } else { "rest" };
            d.add_facet(facets, Facet::from_path(["agency", era]));
            w.add_document(d).unwrap();
            if i == n / 2 {
                w.commit().unwrap();
            }
        }
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let count = |stride| {
            let counter = FacetCounter {
                field: "facets",
                roots: &["type", "agency"],
                stride,
            };
            let (got, estimated) = searcher
                .search(&*counter.sampled(&AllQuery), &counter)
                .unwrap();
            let get = |root: &str, v: &str| {
                got[root]
                    .iter()
                    .find(|c| c.value == v)
                    .map_or(0, |c| c.count)
            };
            let counts = [
                get("type", "every tenth"),
                get("type", "other"),
                get("agency", "first quarter"),
                get("agency", "rest"),
            ];
            assert_eq!(estimated, stride > 1);
            counts
        };
        let exact = count(1);
        assert_eq!(exact, [n / 10, n - n / 10, n / 4, n - n / 4]);
        // The sample as a query holds exactly the documents whose hash is under the bound,
        // and the counter, searching it, counts those and no others (each document has one
        // type, so the type counts sum to ten times the sample).
        let bound = sample_bound(10);
        let in_sample = searcher
            .search(&SampleQuery { bound }, &tantivy::collector::DocSetCollector)
            .unwrap();
        let expected: usize = searcher
            .segment_readers()
            .iter()
            .map(|r| (0..r.max_doc()).filter(|&d| hash(d) <= bound).count())
            .sum();
        assert_eq!(in_sample.len(), expected);
        let sampled = count(10);
        assert_eq!(sampled[0] + sampled[1], 10 * expected as u64);
        for (s, e) in sampled.iter().zip(exact) {
            let err = (*s as f64 - e as f64).abs() / e as f64;
            assert!(err < 0.1, "sampled {sampled:?} against exact {exact:?}");
        }
    }
}
