//! People and offices: every party of a record (author, recipient, drafter, clearer, ...)
//! with its role, for the people index, a person's or office's page, and the `person` and
//! `office` search filters.
//!
//! Names are the extracted `name` of a party (`Winston Lord`, `J. Underriner`) with white
//! space collapsed; offices its office symbol (`EAP/CM`). Linking variants of one person
//! to one identity is the entities work (issue 6); here a name is what the record says.

use crate::{Archive, Result};
use declass_model::{Party, Record};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// Roles, in the order pages list them: (key, label).
pub const ROLES: [(&str, &str); 8] = [
    ("author", "author"),
    ("recipient", "recipient"),
    ("through", "through"),
    ("info", "info copy"),
    ("drafter", "drafter"),
    ("clearer", "clearer"),
    ("approver", "approver"),
    ("participant", "participant"),
];

/// What a name is: a person or an office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NameKind {
    Person,
    Office,
}

impl NameKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Office => "office",
        }
    }

    fn column(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Office => "office",
        }
    }
}

fn tidy(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .to_string()
}

/// Whether a party's name is a station or addressee in capitals (`DIRECTOR`, `MEXICO
/// CITY`, `JMWAVE` on CIA cables) rather than a person's name.
fn is_station(name: &str) -> bool {
    !name.chars().any(|c| c.is_lowercase()) && name.split_whitespace().count() <= 4
}

/// A party's name as indexed, or `None` when it has none worth listing: at least two
/// words (a surname alone is ambiguous until entities link it), not a station in capitals.
pub fn person_key(p: &Party) -> Option<String> {
    let name = tidy(p.name.as_deref()?);
    let words = name
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphabetic()))
        .count();
    (words >= 2 && name.len() <= 80 && !is_station(&name)).then_some(name)
}

/// A party's office as indexed: its office symbol (upper case, `EAP / CM` as `EAP/CM`), or the name
/// of a station or addressee in capitals when it has no symbol.
pub fn office_key(p: &Party) -> Option<String> {
    let office: String = match p.office.as_deref() {
        Some(o) => o
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace(" /", "/")
            .replace("/ ", "/")
            .to_uppercase(),
        None => {
            let name = tidy(p.name.as_deref()?);
            if !is_station(&name) {
                return None;
            }
            name
        }
    };
    (office.chars().any(|c| c.is_alphabetic()) && office.len() <= 30).then_some(office)
}

/// Every party of a record with its role.
pub fn parties_of(r: &Record) -> impl Iterator<Item = (&'static str, &Party)> {
    [
        ("author", &r.from),
        ("recipient", &r.to),
        ("through", &r.through),
        ("info", &r.info),
        ("drafter", &r.drafted_by),
        ("clearer", &r.cleared_by),
        ("approver", &r.approved_by),
        ("participant", &r.participants),
    ]
    .into_iter()
    .flat_map(|(role, ps)| ps.iter().map(move |p| (role, p)))
}

/// Distinct person and office keys of a record (for the index and the counts).
pub fn names_of(r: &Record) -> (Vec<String>, Vec<String>) {
    let mut people: Vec<String> = parties_of(r).filter_map(|(_, p)| person_key(p)).collect();
    let mut offices: Vec<String> = parties_of(r).filter_map(|(_, p)| office_key(p)).collect();
    people.sort();
    people.dedup();
    offices.sort();
    offices.dedup();
    (people, offices)
}

/// A name and how many documents it appears in.
#[derive(Debug, Clone, Serialize)]
pub struct NameCount {
    pub name: String,
    pub documents: u64,
}

/// One document a name appears in, with the role it has there.
#[derive(Debug, Clone, Serialize)]
pub struct NameDocument {
    pub role: String,
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub doc_type: Option<String>,
}

/// Documents per year for a name.
#[derive(Debug, Clone, Serialize)]
pub struct YearCount {
    pub year: i64,
    pub documents: u64,
}

/// Store a new document's parties and count its names (inside the writer's transaction).
pub(crate) fn store(conn: &rusqlite::Connection, rowid: i64, r: &Record) -> rusqlite::Result<()> {
    let mut ins = conn
        .prepare_cached("INSERT INTO parties(doc, role, person, office) VALUES (?1, ?2, ?3, ?4)")?;
    for (role, p) in parties_of(r) {
        let (person, office) = (person_key(p), office_key(p));
        if person.is_some() || office.is_some() {
            ins.execute(params![rowid, role, person, office])?;
        }
    }
    let (people, offices) = names_of(r);
    let mut count = conn.prepare_cached(
        "INSERT INTO names(kind, name, documents) VALUES (?1, ?2, 1)
         ON CONFLICT(kind, name) DO UPDATE SET documents = documents + 1",
    )?;
    for p in &people {
        count.execute(params!["person", p])?;
    }
    for o in &offices {
        count.execute(params!["office", o])?;
    }
    Ok(())
}

/// Most names listed on one page of the index.
pub const MAX_NAMES: usize = 1000;

impl Archive {
    /// People or offices, most documents first; `prefix` filters by the start of the name
    /// (case-insensitive). Returns the number of matching names and one page of them.
    pub fn names(
        &self,
        kind: NameKind,
        prefix: &str,
        offset: usize,
        limit: usize,
    ) -> Result<(u64, Vec<NameCount>)> {
        let limit = limit.clamp(1, MAX_NAMES) as i64;
        let pattern = format!("{}%", prefix.replace(['%', '_'], ""));
        self.with_conn(|c| {
            let total: i64 = c.query_row(
                "SELECT count(*) FROM names WHERE kind = ?1 AND name LIKE ?2",
                params![kind.as_str(), pattern],
                |r| r.get(0),
            )?;
            let mut stmt = c.prepare_cached(
                "SELECT name, documents FROM names WHERE kind = ?1 AND name LIKE ?2
                 ORDER BY documents DESC, name LIMIT ?3 OFFSET ?4",
            )?;
            let rows =
                stmt.query_map(params![kind.as_str(), pattern, limit, offset as i64], |r| {
                    Ok(NameCount {
                        name: r.get(0)?,
                        documents: r.get::<_, i64>(1)? as u64,
                    })
                })?;
            Ok((total as u64, rows.collect::<rusqlite::Result<Vec<_>>>()?))
        })
    }

    /// How many documents a name appears in (`None`: never seen).
    pub fn name_count(&self, kind: NameKind, name: &str) -> Result<Option<u64>> {
        self.with_conn(|c| {
            c.query_row(
                "SELECT documents FROM names WHERE kind = ?1 AND name = ?2",
                params![kind.as_str(), name],
                |r| r.get::<_, i64>(0).map(|n| n as u64),
            )
            .optional()
        })
    }

    /// The documents a name appears in, oldest first, with its role in each.
    pub fn name_documents(
        &self,
        kind: NameKind,
        name: &str,
        limit: usize,
    ) -> Result<Vec<NameDocument>> {
        let sql = format!(
            "SELECT p.role, d.id, d.title, d.date, d.doc_type
             FROM parties p JOIN documents d ON d.rowid = p.doc
             WHERE p.{} = ?1 ORDER BY d.date IS NULL, d.date, d.rowid LIMIT ?2",
            kind.column()
        );
        self.with_conn(|c| {
            let mut stmt = c.prepare_cached(&sql)?;
            let rows = stmt.query_map(params![name, limit as i64], |r| {
                Ok(NameDocument {
                    role: r.get(0)?,
                    id: r.get(1)?,
                    title: r.get(2)?,
                    date: r.get(3)?,
                    doc_type: r.get(4)?,
                })
            })?;
            rows.collect()
        })
    }

    /// Documents per year for a name (years without a known date are left out).
    pub fn name_timeline(&self, kind: NameKind, name: &str) -> Result<Vec<YearCount>> {
        let sql = format!(
            "SELECT d.year, count(DISTINCT d.rowid) FROM parties p JOIN documents d ON d.rowid = p.doc
             WHERE p.{} = ?1 AND d.year IS NOT NULL GROUP BY d.year ORDER BY d.year",
            kind.column()
        );
        self.with_conn(|c| {
            let mut stmt = c.prepare_cached(&sql)?;
            let rows = stmt.query_map([name], |r| {
                Ok(YearCount {
                    year: r.get(0)?,
                    documents: r.get::<_, i64>(1)? as u64,
                })
            })?;
            rows.collect()
        })
    }
}

/// One party of a document, for the network of a result set.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentParty {
    pub id: String,
    pub role: String,
    pub person: Option<String>,
    pub office: Option<String>,
}

impl Archive {
    /// The parties of the given documents (by id).
    pub fn parties(&self, ids: &[String]) -> Result<Vec<DocumentParty>> {
        let mut out = Vec::new();
        for chunk in ids.chunks(500) {
            let placeholders = vec!["?"; chunk.len()].join(",");
            let sql = format!(
                "SELECT d.id, p.role, p.person, p.office FROM documents d JOIN parties p ON p.doc = d.rowid
                 WHERE d.id IN ({placeholders})"
            );
            let rows = self.with_conn(|c| {
                let mut stmt = c.prepare(&sql)?;
                let rows = stmt.query_map(rusqlite::params_from_iter(chunk.iter()), |r| {
                    Ok(DocumentParty {
                        id: r.get(0)?,
                        role: r.get(1)?,
                        person: r.get(2)?,
                        office: r.get(3)?,
                    })
                })?;
                rows.collect::<rusqlite::Result<Vec<_>>>()
            })?;
            out.extend(rows);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use declass_model::Span;

    fn party(raw: &str, name: Option<&str>, office: Option<&str>) -> Party {
        Party {
            raw: raw.into(),
            name: name.map(str::to_string),
            title: None,
            office: office.map(str::to_string),
            date: None,
            phone: None,
            side: None,
            span: Span::default(),
        }
    }

    #[test]
    fn keys_are_tidy_names_and_office_symbols() {
        // From the seed action memo's routing and clearance lines.
        let p = party(
            "EAP/CM: KWiedemann",
            Some("K.  Wiedemann"),
            Some("eap / cm"),
        );
        assert_eq!(person_key(&p).as_deref(), Some("K. Wiedemann"));
        assert_eq!(office_key(&p).as_deref(), Some("EAP/CM"));
        assert_eq!(person_key(&party("The Secretary", None, None)), None);
        // CIA cable routing: stations and addressees are offices, not people.
        let station = party("TO : DIRECTOR", Some("DIRECTOR"), None);
        assert_eq!(person_key(&station), None);
        assert_eq!(office_key(&station).as_deref(), Some("DIRECTOR"));
        let city = party("FROM: MEXICO CITY", Some("MEXICO CITY"), None);
        assert_eq!(office_key(&city).as_deref(), Some("MEXICO CITY"));
        assert_eq!(person_key(&party("Lord", Some("Lord"), None)), None);
        assert_eq!(person_key(&party("x", Some("-"), None)), None);
        assert_eq!(office_key(&party("x", None, Some("  "))), None);
    }
}
