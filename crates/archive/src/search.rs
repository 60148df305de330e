//! Search: the query language, filters, ranking, snippets and facet counts.
//!
//! The query language is tantivy's (terms, `"phrases"`, `AND`/`OR`/`NOT`, `field:value`)
//! with terms ANDed by default, as researchers expect. Catalogue filters (date range,
//! type, agency, classification, caveat, person, office, exemption, review, OCR
//! confidence) are separate parameters so the UI can show
//! them as controls; they combine with the query by AND.

use crate::{Archive, ArchiveError, Result};
use rusqlite::params_from_iter;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Bound;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 2_000;
/// Most terms in one query.
pub const MAX_QUERY_TERMS: usize = 100;
/// Deepest result reachable by offset + limit.
pub const MAX_WINDOW: usize = 100_000;
/// Most results on one page.
pub const MAX_LIMIT: usize = 500;

const FACET_ROOTS: [&str; 10] = [
    "type",
    "agency",
    "classification",
    "caveat",
    "year",
    "decade",
    "person",
    "office",
    "exemption",
    "review",
];
/// Values listed per facet, most frequent first (years and decades are all listed).
pub const FACET_VALUES: usize = 50;
/// Matching documents whose facets are counted one by one; a larger result set is sampled
/// evenly down to about this many and the counts scaled up. Counting walks every facet of
/// every counted document (about 0.3 µs each here): a search matching a quarter of a
/// million documents spent most of its time there, for counts a reader takes in at a glance.
pub const FACET_SAMPLE: usize = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    #[default]
    Relevance,
    DateAsc,
    DateDesc,
}

impl Sort {
    pub fn parse(s: &str) -> Option<Sort> {
        match s {
            "relevance" | "" => Some(Sort::Relevance),
            "date" | "date_asc" | "oldest" => Some(Sort::DateAsc),
            "date_desc" | "newest" => Some(Sort::DateDesc),
            _ => None,
        }
    }
}

/// A search: the query string plus catalogue filters.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SearchRequest {
    pub q: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; inclusive.
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub doc_type: Vec<String>,
    pub agency: Vec<String>,
    pub classification: Vec<String>,
    pub caveat: Vec<String>,
    /// People (a party's name) and offices (office symbols), any role.
    #[serde(default)]
    pub person: Vec<String>,
    #[serde(default)]
    pub office: Vec<String>,
    /// Exemption codes (`B1`, `25X1`) and review decisions (`RELEASE`, `EXCISE`, `REVIEWED`).
    #[serde(default)]
    pub exemption: Vec<String>,
    #[serde(default)]
    pub review: Vec<String>,
    /// Only documents whose OCR (by declass) has at least this mean word confidence, 0–100;
    /// text declass did not OCR always passes.
    #[serde(default)]
    pub min_ocr_confidence: Option<f32>,
    /// OCR-tolerant matching: each term also matches words one edit away.
    pub fuzzy: bool,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
    /// Compute facet counts: over every matching document up to [`FACET_SAMPLE`] of them,
    /// beyond that over an even sample of about that many, scaled up (`facets_estimated`).
    pub facets: bool,
    /// Count facets over every matching document however many there are (analyses that
    /// need exact figures; a broad search on millions of documents takes longer).
    #[serde(default)]
    pub exact_facets: bool,
    /// Where to go on from: a result set's `next_cursor`. Overrides `offset`; with a date
    /// sort it reaches any depth.
    #[serde(default)]
    pub cursor: Option<String>,
}

/// A position in a result set. Relevance: an offset (within [`MAX_WINDOW`]). Date sorts:
/// a date key and how many documents with that key were already seen, so a page is a
/// range query plus a small offset, however deep. Valid while the archive is unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cursor {
    Offset(usize),
    Date { key: i64, skip: usize },
}

impl Cursor {
    fn parse(s: &str) -> Option<Cursor> {
        if let Some(n) = s.strip_prefix('o') {
            return n.parse().ok().map(Cursor::Offset);
        }
        let (key, skip) = s.strip_prefix('d')?.split_once(':')?;
        Some(Cursor::Date {
            key: key.parse().ok()?,
            skip: skip.parse().ok()?,
        })
    }

    fn encode(self) -> String {
        match self {
            Cursor::Offset(n) => format!("o{n}"),
            Cursor::Date { key, skip } => format!("d{key}:{skip}"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub score: f32,
    pub title: Option<String>,
    pub date: Option<String>,
    pub doc_type: Option<String>,
    pub agency: Option<String>,
    pub classification: Option<String>,
    pub caveats: Vec<String>,
    pub from: String,
    pub to: String,
    pub path: String,
    pub pages: u32,
    /// Best-matching passage, HTML-escaped, with `<b>` around matched terms.
    pub snippet_html: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub query: String,
    pub total: usize,
    /// Results skipped before this page (with a date cursor: skipped at the cursor's date).
    pub offset: usize,
    pub hits: Vec<Hit>,
    /// Facet name (`type`, `agency`, `classification`, `caveat`, `year`, `decade`) to counts.
    pub facets: BTreeMap<String, Vec<FacetCount>>,
    /// The facet counts are scaled from a sample of the matching documents (more of them
    /// than [`FACET_SAMPLE`] and no `exact_facets`); `total` is always exact.
    pub facets_estimated: bool,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
    pub took_ms: f64,
}

/// What a search's total and facets depend on: the query and filters, not the page.
fn cache_key(req: &SearchRequest) -> String {
    serde_json::to_string(&(
        &req.q,
        &req.date_from,
        &req.date_to,
        (&req.doc_type, &req.agency, &req.classification, &req.caveat),
        (&req.person, &req.office, &req.exemption, &req.review),
        req.min_ocr_confidence,
        req.fuzzy,
        req.exact_facets,
    ))
    .unwrap_or_default()
}

type Facets = BTreeMap<String, Vec<FacetCount>>;
/// Facet counts, and whether they are estimated from a sample.
type Counted = (Facets, bool);
/// (key, index generation, total, facets if counted)
type CacheEntry = (String, u64, usize, Option<Counted>);

/// A small cache of totals and facet counts per search, for one index generation (as
/// Elasticsearch's request cache does for aggregations). Bounded: the oldest entries go.
pub(crate) struct FacetCache {
    entries: std::sync::Mutex<std::collections::VecDeque<CacheEntry>>,
    capacity: usize,
}

/// Searches whose totals and facets are kept, unless `DECLASS_SEARCH_CACHE` says how many
/// (0 turns the cache off: benchmarks measure every search computed in full).
const FACET_CACHE_ENTRIES: usize = 256;

impl Default for FacetCache {
    fn default() -> Self {
        let capacity = std::env::var("DECLASS_SEARCH_CACHE")
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(FACET_CACHE_ENTRIES);
        FacetCache {
            entries: Default::default(),
            capacity,
        }
    }
}

impl FacetCache {
    fn get(&self, key: &str, generation: u64, facets: bool) -> Option<(usize, Option<Counted>)> {
        let entries = self.entries.lock().ok()?;
        let (_, _, total, f) = entries
            .iter()
            .find(|(k, g, _, f)| k == key && *g == generation && (f.is_some() || !facets))?;
        Some((*total, if facets { f.clone() } else { None }))
    }

    fn put(&self, key: String, generation: u64, total: usize, facets: Option<Counted>) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        entries.retain(|(k, g, _, _)| *k != key && *g == generation);
        entries.push_back((key, generation, total, facets));
        while entries.len() > self.capacity {
            entries.pop_front();
        }
    }
}

/// Parse a date bound to `YYYYMMDD`: a lower bound fills unknown parts with 00, an upper
/// bound with 99, so `--from 1990 --to 1993` covers all of 1990 to 1993.
pub fn parse_date_bound(s: &str, upper: bool) -> Option<i64> {
    let parts: Vec<&str> = s.trim().split(['-', '/']).collect();
    let num = |i: usize, len: usize| -> Option<Option<i64>> {
        match parts.get(i) {
            None => Some(None),
            Some(p) if p.len() <= len && !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()) => {
                p.parse().ok().map(Some)
            }
            Some(_) => None,
        }
    };
    if parts.len() > 3 || parts[0].len() != 4 {
        return None;
    }
    let y = num(0, 4)??;
    let m = num(1, 2)?;
    let d = num(2, 2)?;
    let fill = if upper { 99 } else { 0 };
    if m.is_some_and(|m| !(1..=12).contains(&m)) || d.is_some_and(|d| !(1..=31).contains(&d)) {
        return None;
    }
    Some(y * 10_000 + m.unwrap_or(fill) * 100 + d.unwrap_or(fill))
}

fn query_error(q: &str, why: impl Into<String>) -> ArchiveError {
    ArchiveError::Query {
        query: if q.len() > 80 {
            let mut cut = 80;
            while !q.is_char_boundary(cut) {
                cut -= 1;
            }
            format!("{}…", &q[..cut])
        } else {
            q.to_string()
        },
        why: why.into(),
    }
}

/// Check a query's size and shape before it reaches the parser.
fn validate(q: &str) -> Result<()> {
    let chars = q.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(query_error(
            q,
            format!("{chars} characters is over the limit of {MAX_QUERY_CHARS}"),
        ));
    }
    let terms = q.split_whitespace().count();
    if terms > MAX_QUERY_TERMS {
        return Err(query_error(
            q,
            format!("{terms} terms is over the limit of {MAX_QUERY_TERMS}"),
        ));
    }
    if q.matches('"').count() % 2 == 1 {
        return Err(query_error(
            q,
            "unbalanced quote: a phrase needs a closing \"",
        ));
    }
    let mut depth = 0i32;
    for c in q.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return Err(query_error(q, "a ')' closes nothing"));
        }
    }
    if depth != 0 {
        return Err(query_error(q, "unbalanced parentheses"));
    }
    Ok(())
}

impl Archive {
    /// Facet values of people and offices that users corrected are left out: a name marked
    /// wrong, and a name merged into another (the other's filter finds its documents).
    fn without_corrected(&self, mut facets: Facets) -> Result<Facets> {
        let corrected: std::collections::HashSet<(String, String)> = self
            .corrections()?
            .into_iter()
            .map(|c| (c.kind.as_str().to_string(), c.name))
            .collect();
        if corrected.is_empty() {
            return Ok(facets);
        }
        for root in ["person", "office"] {
            if let Some(values) = facets.get_mut(root) {
                values.retain(|v| !corrected.contains(&(root.to_string(), v.value.clone())));
            }
        }
        Ok(facets)
    }

    /// The request with each person and office filter widened to the names users merged
    /// into it (`person=Henry A. Kissinger` also finds documents indexed under `Kissinger`).
    fn with_merged_names<'r>(
        &self,
        req: &'r SearchRequest,
    ) -> Result<std::borrow::Cow<'r, SearchRequest>> {
        if req.person.is_empty() && req.office.is_empty() {
            return Ok(std::borrow::Cow::Borrowed(req));
        }
        let mut out = req.clone();
        for (kind, values) in [
            (crate::NameKind::Person, &mut out.person),
            (crate::NameKind::Office, &mut out.office),
        ] {
            let mut all = Vec::new();
            for v in values.iter() {
                all.extend(self.name_group(kind, v)?);
            }
            all.dedup();
            *values = all;
        }
        Ok(std::borrow::Cow::Owned(out))
    }

    fn parse_query(&self, req: &SearchRequest) -> Result<Box<dyn Query>> {
        let q = req.q.trim();
        validate(q)?;
        let f = &self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if !q.is_empty() {
            // Matching and ranking are on the text alone (`title:` asks for the title): a
            // title is read from the text, so its words are there, and one posting list per
            // term lets tantivy skip blocks that cannot make the page (block-max WAND),
            // which a title clause, even one only weighing in the ranking, prevents: a page
            // of a broad search on a million documents took 1.5-3 ms instead of 0.3-0.6.
            let mut parser = QueryParser::for_index(&self.index, vec![f.body]);
            parser.set_conjunction_by_default();
            if req.fuzzy {
                parser.set_field_fuzzy(f.body, false, 1, true);
            }
            let parsed = parser
                .parse_query(q)
                .map_err(|e| query_error(q, e.to_string()))?;
            clauses.push((Occur::Must, parsed));
        }
        let any_of = |field, values: &[String]| -> Option<Box<dyn Query>> {
            let qs: Vec<(Occur, Box<dyn Query>)> = values
                .iter()
                .filter(|v| !v.trim().is_empty())
                .map(|v| {
                    let t = Term::from_field_text(field, &v.trim().to_lowercase());
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>,
                    )
                })
                .collect();
            (!qs.is_empty()).then(|| Box::new(BooleanQuery::new(qs)) as Box<dyn Query>)
        };
        for (field, values) in [
            (f.doc_type, &req.doc_type),
            (f.agency, &req.agency),
            (f.level, &req.classification),
            (f.caveat, &req.caveat),
            (f.person, &req.person),
            (f.office, &req.office),
            (f.exemption, &req.exemption),
            (f.review, &req.review),
        ] {
            if let Some(q) = any_of(field, values) {
                clauses.push((Occur::Must, q));
            }
        }
        let bound = |s: &Option<String>, upper: bool| -> Result<Bound<Term>> {
            match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                None => Ok(Bound::Unbounded),
                Some(v) => parse_date_bound(v, upper)
                    .map(|k| Bound::Included(Term::from_field_i64(f.date, k)))
                    .ok_or_else(|| query_error(v, "a date bound is YYYY, YYYY-MM or YYYY-MM-DD")),
            }
        };
        if let Some(min) = req.min_ocr_confidence.filter(|m| *m > 0.0) {
            let lo = Term::from_field_i64(f.ocr, min.ceil().min(100.0) as i64);
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(Bound::Included(lo), Bound::Unbounded)),
            ));
        }
        let (mut lo, hi) = (bound(&req.date_from, false)?, bound(&req.date_to, true)?);
        // Undated documents carry date 0: an upper bound alone must not take them in.
        if matches!(lo, Bound::Unbounded) && !matches!(hi, Bound::Unbounded) {
            lo = Bound::Included(Term::from_field_i64(f.date, 1));
        }
        if !matches!((&lo, &hi), (Bound::Unbounded, Bound::Unbounded)) {
            clauses.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
        }
        Ok(match clauses.len() {
            0 => Box::new(AllQuery),
            1 => clauses
                .pop()
                .map(|(_, q)| q)
                .unwrap_or_else(|| Box::new(AllQuery)),
            _ => Box::new(BooleanQuery::new(clauses)),
        })
    }

    /// Every document matching a search (its query and filters; sort, offset and limit
    /// are ignored), in index order, handed to `each` in batches of at most `batch`
    /// records: memory holds one batch whatever the result set. `each` returns
    /// `false` to stop (a client that went away). Returns how many were handed over.
    pub fn for_each_match(
        &self,
        req: &SearchRequest,
        batch: usize,
        mut each: impl FnMut(Vec<declass_model::Record>) -> Result<bool>,
    ) -> Result<u64> {
        let expanded = self.with_merged_names(req)?;
        let query = self.parse_query(&expanded)?;
        let searcher = self.reader.searcher();
        let weight = query
            .weight(tantivy::query::EnableScoring::disabled_from_searcher(
                &searcher,
            ))
            .map_err(|e| self.index_err(e))?;
        let batch = batch.clamp(1, 10_000);
        let mut ids: Vec<String> = Vec::with_capacity(batch);
        let mut sent = 0u64;
        let mut outcome: Result<bool> = Ok(true);
        let mut flush = |ids: &mut Vec<String>, outcome: &mut Result<bool>| {
            if ids.is_empty() || !matches!(outcome, Ok(true)) {
                ids.clear();
                return;
            }
            let n = ids.len() as u64;
            *outcome = self.records(ids).and_then(&mut each);
            if matches!(outcome, Ok(true)) {
                sent += n;
            }
            ids.clear();
        };
        for reader in searcher.segment_readers() {
            let store = reader
                .get_store_reader(16)
                .map_err(|e| self.index_err(e.into()))?;
            let alive = reader.alive_bitset();
            let mut store_err: Option<tantivy::TantivyError> = None;
            weight
                .for_each_no_score(reader, &mut |docs| {
                    for &d in docs {
                        if !matches!(outcome, Ok(true)) || store_err.is_some() {
                            return;
                        }
                        if alive.is_some_and(|a| !a.is_alive(d)) {
                            continue;
                        }
                        match store.get::<TantivyDocument>(d) {
                            Ok(doc) => {
                                if let Some(id) =
                                    doc.get_first(self.fields.id).and_then(|v| v.as_str())
                                {
                                    ids.push(id.to_string());
                                }
                            }
                            Err(e) => store_err = Some(e),
                        }
                        if ids.len() >= batch {
                            flush(&mut ids, &mut outcome);
                        }
                    }
                })
                .map_err(|e| self.index_err(e))?;
            if let Some(e) = store_err {
                return Err(self.index_err(e));
            }
            if !matches!(outcome, Ok(true)) {
                break;
            }
        }
        flush(&mut ids, &mut outcome);
        outcome.map(|_| sent)
    }

    /// Run a search.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        let started = std::time::Instant::now();
        let expanded = self.with_merged_names(req)?;
        let req = expanded.as_ref();
        let limit = req.limit.clamp(1, MAX_LIMIT);
        let cursor = match req
            .cursor
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            None => None,
            Some(c) => Some(Cursor::parse(c).ok_or_else(|| {
                query_error(c, "not a cursor: pass the next_cursor of a previous page")
            })?),
        };
        let date_sorted = req.sort != Sort::Relevance;
        let (offset, date_from) = match cursor {
            None => (req.offset, None),
            Some(Cursor::Offset(n)) => (n, None),
            Some(Cursor::Date { key, skip }) if date_sorted => (skip, Some((key, skip))),
            Some(Cursor::Date { .. }) => {
                return Err(query_error(
                    &req.q,
                    "this cursor belongs to a date-sorted result set",
                ))
            }
        };
        if date_from.is_none() && offset + limit > MAX_WINDOW {
            return Err(query_error(
                &req.q,
                format!(
                    "results beyond {MAX_WINDOW} are out of reach by offset; sort by date and follow next_cursor, or use /api/export"
                ),
            ));
        }
        let query = self.parse_query(req)?;
        // A date cursor narrows the page's query to the dates from its key on; counts and
        // facets still come from the whole result set.
        let page_query: Box<dyn Query> = match date_from {
            None => query.box_clone(),
            Some((key, _)) => {
                let t = Term::from_field_i64(self.fields.date, key);
                let range = if req.sort == Sort::DateAsc {
                    RangeQuery::new(Bound::Included(t), Bound::Unbounded)
                } else {
                    RangeQuery::new(Bound::Unbounded, Bound::Included(t))
                };
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, query.box_clone()),
                    (Occur::Must, Box::new(range) as Box<dyn Query>),
                ]))
            }
        };
        let searcher = self.reader.searcher();
        let run = |e: tantivy::TantivyError| query_error(&req.q, e.to_string());
        // Totals and facets depend on the query and filters only: pages of one search (next
        // page, another sort) reuse them while the index is unchanged.
        let generation = searcher.generation().generation_id();
        let key = cache_key(req);
        let cached = self.facet_cache.get(&key, generation, req.facets);
        // Three passes, each the fastest of its kind: the page alone (a relevance page lets
        // tantivy skip blocks that cannot reach it, block-max WAND); the total alone (a
        // single term's is its document frequency); then the facets of an even sample of
        // the matches, about `FACET_SAMPLE` of them, unless exact counts are asked for.
        // One more than a page tells whether there is a next one.
        let top = TopDocs::with_limit(limit + 1).and_offset(offset);
        let (mut addrs, mut keys): (Vec<(f32, DocAddress)>, Vec<i64>) = match req.sort {
            Sort::Relevance => (
                searcher
                    .search(&*page_query, &top.order_by_score())
                    .map_err(run)?,
                Vec::new(),
            ),
            Sort::DateAsc | Sort::DateDesc => {
                let order = if req.sort == Sort::DateAsc {
                    Order::Asc
                } else {
                    Order::Desc
                };
                let by_date = top.order_by_fast_field::<i64>("date", order);
                let t = searcher.search(&*page_query, &by_date).map_err(run)?;
                let keys = t.iter().map(|(k, _)| k.unwrap_or(0)).collect();
                (t.into_iter().map(|(_, a)| (0.0, a)).collect(), keys)
            }
        };
        let page_done = started.elapsed();
        let more = addrs.len() > limit;
        addrs.truncate(limit);
        keys.truncate(limit);
        let mut count_done = page_done;
        let (total, counted) = match cached {
            Some(hit) => hit,
            None => {
                let total = searcher.search(&*query, &Count).map_err(run)?;
                count_done = started.elapsed();
                let counted = if req.facets {
                    let stride = if req.exact_facets {
                        1
                    } else {
                        total.div_ceil(FACET_SAMPLE).max(1) as u32
                    };
                    let counter = crate::facets::FacetCounter {
                        field: "facets",
                        roots: &FACET_ROOTS,
                        stride,
                    };
                    let sampled = counter.sampled(&*query);
                    Some(searcher.search(&*sampled, &counter).map_err(run)?)
                } else {
                    None
                };
                self.facet_cache
                    .put(key, generation, total, counted.clone());
                (total, counted)
            }
        };
        let counted_done = started.elapsed();
        let (facets, facets_estimated) = counted.unwrap_or_default();
        let next_cursor = if !more {
            None
        } else if date_sorted {
            keys.last().map(|&last| {
                let same = keys.iter().rev().take_while(|&&k| k == last).count();
                let before = match date_from {
                    Some((key, skip)) if key == last => skip,
                    _ => 0,
                };
                Cursor::Date {
                    key: last,
                    skip: before + same,
                }
                .encode()
            })
        } else {
            (offset + 2 * limit <= MAX_WINDOW).then(|| Cursor::Offset(offset + limit).encode())
        };
        let hits = self.hydrate(&searcher, &*query, &addrs)?;
        let facets = self.without_corrected(facets)?;
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        tracing::debug!(
            q = %req.q,
            page_ms = ms(page_done),
            count_ms = ms(count_done - page_done),
            facets_ms = ms(counted_done - count_done),
            hydrate_ms = ms(started.elapsed() - counted_done),
            "search passes"
        );
        Ok(SearchResults {
            query: req.q.clone(),
            total,
            offset,
            hits,
            facets,
            facets_estimated,
            next_cursor,
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
        })
    }

    /// Fetch the catalogue rows of the hits and make their snippets.
    fn hydrate(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        addrs: &[(f32, DocAddress)],
    ) -> Result<Vec<Hit>> {
        let mut ids = Vec::with_capacity(addrs.len());
        for (score, addr) in addrs {
            let doc: TantivyDocument = searcher.doc(*addr).map_err(|e| self.index_err(e))?;
            if let Some(id) = doc.get_first(self.fields.id).and_then(|v| v.as_str()) {
                ids.push((id.to_string(), *score));
            }
        }
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let snippets = SnippetGenerator::create(searcher, query, self.fields.body)
            .map_err(|e| self.index_err(e))?;
        // The generator keeps its terms to itself: the window needs them too.
        let mut terms: Vec<String> = Vec::new();
        query.query_terms(&mut |term, _| {
            if term.field() == self.fields.body {
                if let Some(t) = term.value().as_str() {
                    terms.push(t.to_string());
                }
            }
        });
        let placeholders = vec!["?"; ids.len()].join(",");
        // the catalogue columns, and of the record only what a hit shows besides them
        let sql = format!(
            "SELECT id, title, date, doc_type, agency, level, source_path, pages, record, text
             FROM documents WHERE id IN ({placeholders})"
        );
        type Row = (HitColumns, String, String);
        let mut rows: std::collections::HashMap<String, Row> = self.with_conn(|c| {
            let mut stmt = c.prepare(&sql)?;
            let rows = stmt.query_map(params_from_iter(ids.iter().map(|(id, _)| id)), |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    (
                        HitColumns {
                            title: r.get(1)?,
                            date: r.get(2)?,
                            doc_type: r.get(3)?,
                            agency: r.get(4)?,
                            classification: r.get(5)?,
                            path: r.get(6)?,
                            pages: r.get::<_, i64>(7)? as u32,
                        },
                        r.get::<_, String>(8)?,
                        r.get::<_, String>(9)?,
                    ),
                ))
            })?;
            rows.collect()
        })?;
        let mut hits = Vec::with_capacity(ids.len());
        for (id, score) in ids {
            let Some((cols, record, text)) = rows.remove(&id) else {
                continue;
            };
            // serde skips the record's other keys (entities, spans, sections) without
            // building them: a hit needs only caveats and parties
            let r: HitRecord =
                serde_json::from_str(&record).map_err(|e| ArchiveError::Corrupt {
                    id: id.clone(),
                    why: e.to_string(),
                })?;
            let window = snippet_window(&text, &terms);
            let mut snippet = snippets.snippet(window);
            if snippet.is_empty() && window.len() < text.len() && !terms.is_empty() {
                snippet = snippets.snippet(&text); // the term is further on than a plain search saw
            }
            snippet.set_snippet_prefix_postfix("<b>", "</b>");
            let mut snippet_html = snippet.to_html();
            if snippet_html.is_empty() {
                snippet_html = escape_html(&text.chars().take(200).collect::<String>());
            }
            hits.push(Hit {
                title: cols.title,
                date: cols.date,
                doc_type: cols.doc_type,
                agency: cols.agency,
                classification: cols.classification,
                caveats: r
                    .classification
                    .caveats
                    .into_iter()
                    .map(|c| c.value)
                    .collect(),
                from: crate::write::party_text(&r.from),
                to: crate::write::party_text(&r.to),
                path: cols.path,
                pages: cols.pages,
                snippet_html,
                score,
                id,
            });
        }
        Ok(hits)
    }
}

/// Escape text for HTML element content and attribute values.
/// What a hit shows from the documents table's catalogue columns.
struct HitColumns {
    title: Option<String>,
    date: Option<String>,
    doc_type: Option<String>,
    agency: Option<String>,
    classification: Option<String>,
    path: String,
    pages: u32,
}

/// The parts of a stored record a hit shows that have no column of their own.
#[derive(Deserialize)]
struct HitRecord {
    #[serde(default)]
    classification: HitClassification,
    #[serde(default)]
    from: Vec<declass_model::Party>,
    #[serde(default)]
    to: Vec<declass_model::Party>,
}

#[derive(Deserialize, Default)]
struct HitClassification {
    #[serde(default)]
    caveats: Vec<declass_model::Spanned<String>>,
}

/// Bytes of text a snippet is looked for in, and how many of them come before the first
/// place a query term occurs.
const SNIPPET_WINDOW: usize = 2_000;
const SNIPPET_LEAD: usize = 400;

/// The part of a hit's text its snippet is cut from: around the first occurrence of a query
/// term (a case-blind byte search), or the start. Tokenizing whole texts of tens of kilobytes
/// for every hit was most of a search page's time.
fn snippet_window<'t>(text: &'t str, terms: &[String]) -> &'t str {
    if text.len() <= SNIPPET_WINDOW {
        return text;
    }
    let lower = text.to_ascii_lowercase(); // same byte offsets as the text
                                           // A whole word: `tentative` inside `tentatively` is not a token the snippet would mark.
    let is_word_at = |at: usize, len: usize| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + len..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    let first = terms
        .iter()
        .filter(|t| !t.is_empty())
        .filter_map(|t| {
            memchr::memmem::find_iter(lower.as_bytes(), t.as_bytes())
                .find(|&at| lower.is_char_boundary(at) && is_word_at(at, t.len()))
        })
        .min();
    let start = text.floor_char_boundary(first.map_or(0, |p| p.saturating_sub(SNIPPET_LEAD)));
    &text[start..text.floor_char_boundary(start + SNIPPET_WINDOW)]
}

pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_bounds_cover_whole_periods() {
        assert_eq!(parse_date_bound("1990", false), Some(19_900_000));
        assert_eq!(parse_date_bound("1993", true), Some(19_939_999));
        assert_eq!(parse_date_bound("1993-11", true), Some(19_931_199));
        assert_eq!(parse_date_bound("1993-11-03", false), Some(19_931_103));
        assert_eq!(parse_date_bound("93", false), None);
        assert_eq!(parse_date_bound("1993-13", false), None);
        assert_eq!(parse_date_bound("last year", false), None);
    }

    #[test]
    fn snippets_are_cut_around_the_first_term() {
        let long = format!(
            "{}The Oswald file was reviewed. {}",
            "Routine text. ".repeat(400),
            "More routine text \u{e9}. ".repeat(400)
        );
        let w = snippet_window(&long, &["oswald".to_string()]);
        assert!(w.len() <= SNIPPET_WINDOW);
        let at = w.find("Oswald").expect("the term is inside the window");
        assert!((300..=SNIPPET_LEAD).contains(&at), "{at}");
        // A whole word only: `Oswalds` earlier in the text does not move the window.
        let shadowed = format!("Oswalds {long}");
        let w = snippet_window(&shadowed, &["oswald".to_string()]);
        assert!(w.contains("The Oswald file"), "{}", &w[..40]);
        // No term found (a fuzzy query gives none): the start.
        assert!(long.starts_with(snippet_window(&long, &[])));
        // Short texts whole; a cut never splits a character.
        assert_eq!(snippet_window("short", &["x".into()]), "short");
        let accents = "\u{e9}".repeat(3_000);
        assert!(snippet_window(&accents, &["\u{e9}".into()]).len() <= SNIPPET_WINDOW);
    }

    #[test]
    fn malformed_queries_are_refused_with_a_reason() {
        assert!(validate("nonproliferation AND \"Qian Qichen\"").is_ok());
        let e = validate("\"Qian Qichen").unwrap_err().to_string();
        assert!(e.contains("unbalanced quote"), "{e}");
        let many = vec!["term"; 10_000].join(" ");
        let e = validate(&many).unwrap_err().to_string();
        assert!(e.contains("characters") || e.contains("terms"), "{e}");
        assert!(validate("(a OR b").is_err());
    }
}
