//! Scoring catalogue records against a gold catalogue (`declass eval`).
//!
//! Gold files are JSONL, one object per document with a `file` path relative to the gold
//! file and the expected values (the format of `shared/data/eval/*/gold.jsonl`). The rules
//! are the ones the catalogue-extraction issue states:
//!
//! - date: equal at day precision; gold dates with an unknown part are not scored;
//! - agency: equal after aliasing (`CENTRAL INTELLIGENCE AGENCY` = `CIA`, `STATE` = `DOS`);
//! - from / to / through: a gold party is found when its first word, or at least half of its
//!   words, are among the words of one extracted party (raw, name, title, office together);
//! - title: at least 60% of the gold title's words (minus stop words and `MEMO`) appear;
//! - record number: equal, scored whenever the gold number appears in the text;
//! - drafted_by / cleared_by: the surname is among an extracted party's words.
//!
//! NARA catalogued from paper, so date, from, to and title are also scored on the documents
//! where the gold value is *legible* in the OCR text.

pub mod entities;

use declass_model::{Party, Record};
use regex::Regex;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {why}")]
    Gold {
        path: PathBuf,
        line: usize,
        why: String,
    },
}

/// One gold row: the document's file (resolved) and the expected values.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub file: PathBuf,
    pub values: serde_json::Map<String, Value>,
}

pub fn load_gold(path: &Path) -> Result<Vec<GoldDoc>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let base = path.parent().unwrap_or(Path::new("."));
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |why: String| EvalError::Gold {
            path: path.to_path_buf(),
            line: i + 1,
            why,
        };
        let v: Value = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        let Value::Object(values) = v else {
            return Err(bad("not a JSON object".into()));
        };
        let file = values
            .get("file")
            .and_then(Value::as_str)
            .ok_or_else(|| bad("no \"file\"".into()))?;
        out.push(GoldDoc {
            file: base.join(file),
            values,
        });
    }
    Ok(out)
}

/// Counts for one field.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FieldScore {
    pub field: String,
    /// Gold values scored.
    pub gold: usize,
    /// Extracted values among the scored documents.
    pub predicted: usize,
    /// Extracted values that match a gold value.
    pub correct_predicted: usize,
    /// Gold values found.
    pub found: usize,
    /// Gold values legible in the text (for date, from, to, title).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legible: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legible_found: Option<usize>,
}

impl FieldScore {
    pub fn precision(&self) -> f64 {
        ratio(self.correct_predicted, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    pub fn legible_recall(&self) -> Option<f64> {
        Some(ratio(self.legible_found?, self.legible?))
    }
}

/// The harmonic mean of precision and recall (0 when both are 0).
pub(crate) fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// A miss, for `--misses`: what gold said and what was extracted.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub file: String,
    pub field: String,
    pub gold: String,
    pub got: String,
    pub legible: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub documents: usize,
    pub fields: Vec<FieldScore>,
    pub misses: Vec<Miss>,
}

#[derive(Default)]
struct Acc {
    fields: BTreeMap<String, FieldScore>,
    misses: Vec<Miss>,
}

impl Acc {
    fn get(&mut self, f: &str) -> &mut FieldScore {
        self.fields
            .entry(f.to_string())
            .or_insert_with(|| FieldScore {
                field: f.to_string(),
                ..FieldScore::default()
            })
    }

    /// A list field's predictions for one document: how many items were extracted and how
    /// many of them match a gold item (gold items themselves go through `single`).
    fn list_predictions(&mut self, field: &str, predicted: usize, matched: usize) {
        let s = self.get(field);
        s.predicted += predicted;
        s.correct_predicted += matched.min(predicted);
    }

    /// The parts of an object field (`meeting.date`, `review.authority`): each gold part
    /// against the extracted value of the same name, compared exactly.
    fn spanned_parts(
        &mut self,
        file: &str,
        prefix: &str,
        gold: &serde_json::Map<String, Value>,
        parts: &[(&str, Option<&declass_model::Spanned<String>>)],
    ) {
        for (key, got) in parts {
            if let Some(gv) = gold.get(*key).and_then(Value::as_str) {
                let v = got.map(|x| x.value.as_str());
                self.single(file, &format!("{prefix}.{key}"), gv, v, v == Some(gv), None);
            }
        }
    }

    /// One single-valued comparison.
    #[allow(clippy::too_many_arguments)]
    fn single(
        &mut self,
        file: &str,
        field: &str,
        gold: &str,
        got: Option<&str>,
        ok: bool,
        legible: Option<bool>,
    ) {
        let s = self.get(field);
        s.gold += 1;
        if got.is_some_and(|g| !g.is_empty()) {
            s.predicted += 1;
            if ok {
                s.correct_predicted += 1;
            }
        }
        if ok {
            s.found += 1;
        }
        if let Some(l) = legible {
            *s.legible.get_or_insert(0) += usize::from(l);
            *s.legible_found.get_or_insert(0) += usize::from(l && ok);
        }
        if !ok {
            self.misses.push(Miss {
                file: file.to_string(),
                field: field.to_string(),
                gold: gold.to_string(),
                got: got.unwrap_or("").to_string(),
                legible: legible.unwrap_or(true),
            });
        }
    }
}

const STOP: &[&str] = &[
    "A", "AN", "AND", "THE", "OF", "TO", "IN", "ON", "FOR", "BY", "AT", "WITH", "FROM", "RE",
    "MEMO", "OR", "AS", "IS",
];

/// Upper-case words: letters, digits and `/` kept together (`D/OS`, `EAP/CM`).
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '/'))
        .map(|w| w.trim_matches('/').to_uppercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn party_words(p: &Party) -> HashSet<String> {
    let mut set = HashSet::new();
    for s in [
        Some(p.raw.as_str()),
        p.name.as_deref(),
        p.title.as_deref(),
        p.office.as_deref(),
    ]
    .into_iter()
    .flatten()
    {
        set.extend(words(s));
    }
    set
}

/// The rule for parties: first word, or at least half the words, in one extracted party.
pub fn party_matches(gold: &str, p: &Party) -> bool {
    let g = words(gold);
    let Some(first) = g.first() else { return false };
    let have = party_words(p);
    have.contains(first) || g.iter().filter(|w| have.contains(*w)).count() * 2 >= g.len()
}

fn text_has_words(text_words: &HashSet<String>, gold: &str) -> bool {
    let g = words(gold);
    let Some(first) = g.first() else { return false };
    text_words.contains(first)
        || g.iter().filter(|w| text_words.contains(*w)).count() * 2 >= g.len()
}

fn title_words(s: &str) -> Vec<String> {
    words(s)
        .into_iter()
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

/// The title rule: at least 60% of the gold title's content words appear.
pub fn title_matches(gold: &str, got: &str) -> bool {
    let g = title_words(gold);
    if g.is_empty() {
        return false;
    }
    let have: HashSet<String> = words(got).into_iter().collect();
    g.iter().filter(|w| have.contains(*w)).count() as f64 >= 0.6 * g.len() as f64
}

/// Agency names to the short forms the gold uses.
pub fn agency_alias(s: &str) -> String {
    let u = s.trim().to_uppercase();
    match u.as_str() {
        "CENTRAL INTELLIGENCE AGENCY" => "CIA",
        "STATE" | "DEPARTMENT OF STATE" | "STATE DEPARTMENT" | "STAT" => "DOS",
        "FEDERAL BUREAU OF INVESTIGATION" => "FBI",
        "NATIONAL SECURITY AGENCY" => "NSA",
        "NATIONAL SECURITY COUNCIL" => "NSC",
        "DEPARTMENT OF DEFENSE" | "DEFENSE" => "DOD",
        "WHITE HOUSE" => "WH",
        _ => return u,
    }
    .to_string()
}

const MONTHS: [&str; 12] = [
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];

/// Whether a gold date is written in the text in a form a reader would recognise.
pub fn date_legible(text: &str, y: i32, m: u32, d: u32) -> bool {
    let Some(month) = MONTHS.get(m as usize - 1) else {
        return false;
    };
    let mon = &month[..3];
    let yy = y % 100;
    let pats = [
        format!(r"\b0?{d}\s*(?:{month}|{mon}\.?)\s*,?\s*(?:{y}|'?{yy:02})\b"),
        format!(r"\b(?:{month}|{mon}\.?)\s*0?{d}(?:st|nd|rd|th)?,?\s*(?:{y}|'?{yy:02})\b"),
        format!(r"\b0?{m}/0?{d}/(?:{y}|{yy:02})\b"),
        format!(r"\b{y}[-/]0?{m}[-/]0?{d}\b"),
        format!(r"\b{d:02}\d{{4}}Z\s*{mon}\s*(?:{y}|{yy:02})\b"),
    ];
    let re = Regex::new(&format!("(?i){}", pats.join("|")));
    re.is_ok_and(|re| re.is_match(text))
}

fn gold_list(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => vec![s.clone()],
        Value::Array(a) => a
            .iter()
            .filter_map(|x| match x {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
                _ => None,
            })
            .filter(|s| !s.trim().is_empty())
            .collect(),
        _ => Vec::new(),
    }
}

fn parties_field<'a>(r: &'a Record, key: &str) -> &'a [Party] {
    match key {
        "from" => &r.from,
        "to" => &r.to,
        "through" => &r.through,
        "info" => &r.info,
        "drafted_by" => &r.drafted_by,
        "cleared_by" => &r.cleared_by,
        _ => &[],
    }
}

/// Attachments: a listed one (a string) is found when an extracted attachment carries its
/// title (the title rule); a stapled one (an object) is scored field by field against the
/// child records, in order, each field under `attachments.<field>`.
fn score_attachments(acc: &mut Acc, file: &str, items: &[Value], r: &Record) {
    let raws: Vec<&str> = r.attachments.iter().map(|a| a.raw.as_str()).collect();
    let mut children = r.attachments.iter().filter_map(|a| a.record.as_deref());
    for item in items {
        match item {
            Value::String(gv) => {
                let ok = raws.iter().any(|a| title_matches(gv, a));
                acc.single(file, "attachments", gv, Some(&raws.join(" | ")), ok, None);
            }
            Value::Object(o) => {
                let child = children.next();
                for (key, gv) in o {
                    let field = format!("attachments.{key}");
                    match key.as_str() {
                        "doc_type" | "drafted_date" => {
                            let Some(gv) = gv.as_str() else { continue };
                            let got = child.and_then(|c| match key.as_str() {
                                "doc_type" => c.doc_type.as_ref().map(|t| t.value.as_str()),
                                _ => c.drafted_by.first().and_then(|p| p.date.as_deref()),
                            });
                            acc.single(file, &field, gv, got, got == Some(gv), None);
                        }
                        "from" | "to" | "drafted_by" | "cleared_by" => {
                            let got = child.map_or(&[][..], |c| parties_field(c, key));
                            let shown: Vec<&str> = got.iter().map(|p| p.raw.as_str()).collect();
                            for g in gold_list(gv) {
                                let ok = if key.ends_with("_by") {
                                    let surname = words(&g).pop().unwrap_or_default();
                                    got.iter().any(|p| party_words(p).contains(&surname))
                                } else {
                                    got.iter().any(|p| party_matches(&g, p))
                                };
                                acc.single(file, &field, &g, Some(&shown.join(" | ")), ok, None);
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

/// Score extracted records against gold. `docs` pairs each gold row with the record
/// extracted from its file and the file's text.
pub fn score(docs: &[(GoldDoc, Record, String)]) -> Report {
    let mut acc = Acc::default();
    for (gold, r, text) in docs {
        let file = gold
            .file
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let upper_text = text.to_uppercase();
        let text_words: HashSet<String> = words(text).into_iter().collect();
        let g = &gold.values;
        let gs = |k: &str| {
            g.get(k)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };

        if let Some(gn) = gs("record_number") {
            if text.contains(gn) {
                let got = r.record_number.as_ref().map(|v| v.value.as_str());
                acc.single(&file, "record_number", gn, got, got == Some(gn), None);
            }
        }
        if let Some(gn) = gs("doc_number") {
            let got = r.doc_number.as_ref().map(|v| v.value.as_str());
            acc.single(&file, "doc_number", gn, got, got == Some(gn), None);
        }
        if let Some(gd) = gs("date") {
            let parts: Vec<i64> = gd.split('-').filter_map(|p| p.parse().ok()).collect();
            if parts.len() == 3 && parts.iter().all(|&p| p > 0) {
                let got = r.date.as_ref().map(|d| d.value.as_str());
                let legible = date_legible(text, parts[0] as i32, parts[1] as u32, parts[2] as u32);
                acc.single(&file, "date", gd, got, got == Some(gd), Some(legible));
            }
        }
        if let Some(ga) = gs("agency") {
            let got = r.agency.as_ref().map(|a| a.value.as_str());
            let ok = got.is_some_and(|a| agency_alias(a) == agency_alias(ga));
            acc.single(&file, "agency", ga, got, ok, None);
        }
        if let Some(gt) = gs("title") {
            let got = r.title_str();
            let ok = got.is_some_and(|t| title_matches(gt, t));
            let legible = title_matches(gt, &upper_text);
            acc.single(&file, "title", gt, got, ok, Some(legible));
        }
        if let Some(gt) = gs("doc_type") {
            let got = r.type_str();
            acc.single(&file, "doc_type", gt, got, got == Some(gt), None);
        }
        if let Some(gp) = g.get("pages").and_then(Value::as_u64) {
            let got = r.pages.to_string();
            acc.single(
                &file,
                "pages",
                &gp.to_string(),
                Some(&got),
                r.pages as u64 == gp,
                None,
            );
        }
        if let Some(c) = g.get("classification").and_then(Value::as_object) {
            for (k, field) in [
                ("level", "classification.level"),
                ("declassify_on", "classification.declassify_on"),
                ("released_as", "classification.released_as"),
            ] {
                if let Some(gv) = c.get(k).and_then(Value::as_str) {
                    let got = match k {
                        "level" => r.classification.level.clone(),
                        "declassify_on" => r
                            .classification
                            .declassify_on
                            .as_ref()
                            .map(|v| v.value.clone()),
                        _ => r
                            .classification
                            .released_as
                            .as_ref()
                            .map(|v| v.value.clone()),
                    };
                    acc.single(
                        &file,
                        field,
                        gv,
                        got.as_deref(),
                        got.as_deref() == Some(gv),
                        None,
                    );
                }
            }
            for gv in c.get("caveats").map(gold_list).unwrap_or_default() {
                let ok = r.classification.caveats.iter().any(|cv| cv.value == gv);
                let got: Vec<&str> = r
                    .classification
                    .caveats
                    .iter()
                    .map(|c| c.value.as_str())
                    .collect();
                acc.single(
                    &file,
                    "classification.caveats",
                    &gv,
                    Some(&got.join(", ")),
                    ok,
                    None,
                );
            }
        }
        if let Some(gc) = gs("control_number") {
            let ok = r.control_numbers.iter().any(|c| c.value == gc);
            let got: Vec<&str> = r.control_numbers.iter().map(|c| c.value.as_str()).collect();
            acc.single(
                &file,
                "control_numbers",
                gc,
                Some(&got.join(", ")),
                ok,
                None,
            );
        }
        for key in ["from", "to", "through"] {
            let gl = g.get(key).map(gold_list).unwrap_or_default();
            if gl.is_empty() {
                continue;
            }
            let got = parties_field(r, key);
            let shown: Vec<&str> = got.iter().map(|p| p.raw.as_str()).collect();
            let s = acc.get(key);
            s.gold += gl.len();
            s.predicted += got.len();
            s.correct_predicted += got
                .iter()
                .filter(|p| gl.iter().any(|gv| party_matches(gv, p)))
                .count();
            for gv in &gl {
                let ok = got.iter().any(|p| party_matches(gv, p));
                let legible = text_has_words(&text_words, gv);
                let s = acc.get(key);
                s.found += usize::from(ok);
                *s.legible.get_or_insert(0) += usize::from(legible);
                *s.legible_found.get_or_insert(0) += usize::from(legible && ok);
                if !ok {
                    acc.misses.push(Miss {
                        file: file.clone(),
                        field: key.to_string(),
                        gold: gv.clone(),
                        got: shown.join(" | "),
                        legible,
                    });
                }
            }
        }
        for key in ["drafted_by", "cleared_by"] {
            let gl = g.get(key).map(gold_list).unwrap_or_default();
            let got = parties_field(r, key);
            let shown: Vec<&str> = got.iter().map(|p| p.raw.as_str()).collect();
            for gv in gl {
                let surname = words(&gv).pop().unwrap_or_default();
                let ok = got.iter().any(|p| party_words(p).contains(&surname));
                acc.single(&file, key, &gv, Some(&shown.join(" | ")), ok, None);
            }
        }
        if let Some(gd) = gs("drafted_date") {
            let got = r.drafted_by.first().and_then(|p| p.date.as_deref());
            acc.single(&file, "drafted_date", gd, got, got == Some(gd), None);
        }
        if let Some(gl) = g.get("sections").map(gold_list) {
            for gv in gl {
                let ok = r
                    .sections
                    .iter()
                    .any(|s| s.heading.eq_ignore_ascii_case(&gv));
                let got: Vec<&str> = r.sections.iter().map(|s| s.heading.as_str()).collect();
                acc.single(&file, "sections", &gv, Some(&got.join(", ")), ok, None);
            }
        }
        if let Some(Value::Array(items)) = g.get("attachments") {
            score_attachments(&mut acc, &file, items, r);
        }
        if let Some(gl) = g.get("exemption_codes").map(gold_list) {
            for gv in gl {
                let ok = r
                    .exemptions
                    .iter()
                    .any(|s| s.value.eq_ignore_ascii_case(&gv));
                let got: Vec<&str> = r.exemptions.iter().map(|s| s.value.as_str()).collect();
                acc.single(&file, "exemptions", &gv, Some(&got.join(", ")), ok, None);
            }
        }
        if let Some(m) = g.get("meeting").and_then(Value::as_object) {
            let mt = r.meeting.as_ref();
            let parts = [
                ("date", mt.and_then(|x| x.date.as_ref())),
                ("time", mt.and_then(|x| x.time.as_ref())),
                ("place", mt.and_then(|x| x.place.as_ref())),
            ];
            acc.spanned_parts(&file, "meeting", m, &parts);
        }
        if let Some(Value::Object(sides)) = g.get("participants") {
            let mut matched = 0;
            for (side, names) in sides {
                for gv in gold_list(names) {
                    let ok = r
                        .participants
                        .iter()
                        .any(|p| p.side.as_deref() == Some(side.as_str()) && party_matches(&gv, p));
                    matched += usize::from(ok);
                    acc.single(&file, "participants", &gv, None, ok, None);
                }
            }
            acc.list_predictions("participants", r.participants.len(), matched);
        }
        if let Some(rv) = g.get("review").and_then(Value::as_object) {
            let got = r.review.as_ref();
            let parts = [
                ("date", got.and_then(|x| x.date.as_ref())),
                ("authority", got.and_then(|x| x.authority.as_ref())),
                ("case_id", got.and_then(|x| x.case_id.as_ref())),
            ];
            acc.spanned_parts(&file, "review", rv, &parts);
            let mut matched = 0;
            for gv in rv.get("decisions").map(gold_list).unwrap_or_default() {
                let ok = got.is_some_and(|x| {
                    x.decisions
                        .iter()
                        .any(|d| d.value.eq_ignore_ascii_case(&gv))
                });
                matched += usize::from(ok);
                acc.single(&file, "review.decisions", &gv, None, ok, None);
            }
            acc.list_predictions(
                "review.decisions",
                got.map_or(0, |x| x.decisions.len()),
                matched,
            );
        }
        if let Some(d) = g.get("decision").and_then(Value::as_object) {
            let got = r.decision.as_ref();
            let mut matched = 0;
            for gv in d.get("options").map(gold_list).unwrap_or_default() {
                let ok = got.is_some_and(|x| x.options.iter().any(|o| o.value == gv));
                matched += usize::from(ok);
                acc.single(&file, "decision.options", &gv, None, ok, None);
            }
            acc.list_predictions(
                "decision.options",
                got.map_or(0, |x| x.options.len()),
                matched,
            );
            if let Some(gv) = d.get("marked").and_then(Value::as_str) {
                let v = got
                    .and_then(|x| x.marked.as_ref())
                    .map(|x| x.value.as_str());
                acc.single(&file, "decision.marked", gv, v, v == Some(gv), None);
            }
            if let Some(gv) = d.get("recommendation").and_then(Value::as_str) {
                let v = got
                    .and_then(|x| x.recommendation.as_ref())
                    .map(|x| x.value.as_str());
                acc.single(&file, "decision.recommendation", gv, v, v == Some(gv), None);
            }
        }
        if let Some(Value::Array(reds)) = g.get("redactions") {
            let mut matched = 0;
            for gr in reds {
                let gv = gr.get("exemption").and_then(Value::as_str).unwrap_or("");
                let ok = r
                    .redactions
                    .iter()
                    .any(|x| x.exemption.as_deref() == Some(gv));
                matched += usize::from(ok);
                acc.single(&file, "redactions", gv, None, ok, None);
            }
            acc.list_predictions("redactions", r.redactions.len(), matched);
        }
        if let Some(Value::Array(atts)) = g.get("attachments") {
            for a in atts.iter().filter_map(Value::as_str) {
                let norm = |s: &str| words(s).join(" ");
                let ok = r
                    .attachments
                    .iter()
                    .any(|x| norm(&x.raw).contains(&norm(a)));
                let got: Vec<&str> = r.attachments.iter().map(|x| x.raw.as_str()).collect();
                acc.single(&file, "attachments", a, Some(&got.join(" | ")), ok, None);
            }
        }
    }
    Report {
        documents: docs.len(),
        fields: acc.fields.into_values().collect(),
        misses: acc.misses,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use declass_model::Span;

    fn party(raw: &str) -> Party {
        Party {
            raw: raw.into(),
            span: Span::default(),
            ..Party::default()
        }
    }

    #[test]
    fn party_rule_first_word_or_half() {
        assert!(party_matches(
            "GAMBINO, ROBERT, D/OS",
            &party("Robert W. Gambino Director of Security")
        ));
        assert!(party_matches("DIRECTOR", &party("DIRECTOR")));
        assert!(party_matches(
            "CHIEF, TASK FORCE W",
            &party("Chief, Task Force W")
        ));
        assert!(!party_matches(
            "INSPECTOR GENERAL",
            &party("Director of Security")
        ));
        assert!(party_matches("P - Mr. Tarnoff", &party("Peter Tarnoff, P")));
    }

    #[test]
    fn title_rule_sixty_percent_of_content_words() {
        assert!(title_matches(
            "MEMO - ALLEGATIONS REGARDING LEE HARVEY OSWALD FILE.",
            "Allegations Regarding Lee Harvey Oswald File"
        ));
        assert!(!title_matches(
            "LIAISON APPROVAL FOR DOROTHE K. MATLACK.",
            "Request"
        ));
    }

    #[test]
    fn legible_dates_in_several_forms() {
        assert!(date_legible("29 MAR 1977", 1977, 3, 29));
        assert!(date_legible("GAMBINO:rjw (29 Mar 77)", 1977, 3, 29));
        assert!(date_legible("March 29, 1977", 1977, 3, 29));
        assert!(date_legible("DATE : 03/29/1977", 1977, 3, 29));
        assert!(date_legible("SECRET 291530Z MAR 77", 1977, 3, 29));
        assert!(!date_legible("30 March 1977", 1977, 3, 29));
    }

    #[test]
    fn agencies_alias() {
        assert_eq!(agency_alias("Central Intelligence Agency"), "CIA");
        assert_eq!(agency_alias("STATE"), "DOS");
        assert_eq!(agency_alias("SSCIA"), "SSCIA");
    }
}
