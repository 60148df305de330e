//! People, offices, organizations and places: every party of a record (author, recipient,
//! drafter, clearer, ...) with its role, and every entity the text mentions, for the names
//! index, a name's page, and the `person` and `office` search filters.
//!
//! A person's name is the authority's (`Winston Lord`) when the entity is linked, else the
//! party's or entity's own (`J. Underriner`), white space collapsed; an office is its symbol
//! (`EAP/CM`); organizations and places their canonical names (`Beijing` for `PEKING`).
//! Corrections (`merge`, `wrong`) are stored apart and applied when names are read.

use crate::{Archive, Result};
use declass_model::{Entity, Party, Record};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// Roles, in the order pages list them: (key, label).
pub const ROLES: [(&str, &str); 10] = [
    ("author", "author"),
    ("recipient", "recipient"),
    ("through", "through"),
    ("info", "info copy"),
    ("copy", "distribution copy"),
    ("drafter", "drafter"),
    ("clearer", "clearer"),
    ("approver", "approver"),
    ("participant", "participant"),
    ("mentioned", "mentioned"),
];

/// What a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NameKind {
    Person,
    Office,
    Organization,
    Place,
}

impl NameKind {
    pub const ALL: [NameKind; 4] = [
        NameKind::Person,
        NameKind::Office,
        NameKind::Organization,
        NameKind::Place,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Office => "office",
            NameKind::Organization => "organization",
            NameKind::Place => "place",
        }
    }

    pub fn parse(s: &str) -> Option<NameKind> {
        NameKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The rows naming it: (table, name column, role expression, extra condition on `p`).
    fn source(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            NameKind::Person => ("parties", "person", "p.role", ""),
            NameKind::Office => ("parties", "office", "p.role", ""),
            NameKind::Organization => (
                "mentions",
                "name",
                "'mentioned'",
                " AND p.kind = 'organization'",
            ),
            NameKind::Place => ("mentions", "name", "'mentioned'", " AND p.kind = 'place'"),
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
    // who got copies (a distribution list's entries; filing copies name no one)
    .chain(
        r.distribution
            .iter()
            .flat_map(|d| d.to.iter().map(|p| ("copy", p))),
    )
}

/// The entity of a record that includes a party (its span is one of the entity's mentions).
fn entity_of<'a>(r: &'a Record, p: &Party) -> Option<&'a Entity> {
    r.entities
        .people
        .iter()
        .find(|e| e.mentions.contains(&p.span))
}

/// A party's person as indexed: the authority's name when its entity is linked, else
/// [`person_key`].
pub fn party_person(r: &Record, p: &Party) -> Option<String> {
    match entity_of(r, p) {
        Some(e) if e.authority.is_some() => e.canonical.as_deref().map(tidy),
        _ => person_key(p),
    }
}

/// A person entity as indexed: linked, the authority's name; else its own name or
/// canonical form of two words or more (a surname alone is ambiguous), not in capitals
/// only when it is a station (`DIRECTOR`) rather than a name the rules found.
fn entity_person(e: &Entity) -> Option<String> {
    // a title standing for someone (`the President`) has no canonical name: not listed
    let name = tidy(e.canonical.as_deref()?);
    if e.authority.is_some() {
        return Some(name);
    }
    let words = name
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphabetic()))
        .count();
    (words >= 2 && name.len() <= 80 && !name.starts_with("The ") && !name.starts_with("the "))
        .then_some(name)
}

/// An organization or place as indexed: its canonical name, or a name of two words or more
/// (`EMBASSY` alone says not which).
fn entity_name(e: &Entity) -> Option<String> {
    let name = match e.canonical.as_deref() {
        Some(c) => tidy(c),
        None => tidy(&e.name)
            .split_whitespace()
            .nth(1)
            .map(|_| tidy(&e.name))?,
    };
    (name.chars().any(|c| c.is_alphabetic()) && name.len() <= 120).then_some(name)
}

/// Distinct names of a record by kind (for the index and the counts).
pub struct Names {
    pub people: Vec<String>,
    pub offices: Vec<String>,
    pub organizations: Vec<String>,
    pub places: Vec<String>,
}

/// The names of a record: its parties, and the people, offices, organizations and places
/// its text mentions.
pub fn names_of(r: &Record) -> Names {
    let e = &r.entities;
    let mut people: Vec<String> = parties_of(r)
        .filter_map(|(_, p)| party_person(r, p))
        .collect();
    people.extend(e.people.iter().filter_map(entity_person));
    let mut offices: Vec<String> = parties_of(r).filter_map(|(_, p)| office_key(p)).collect();
    offices.extend(
        e.offices
            .iter()
            .map(|o| tidy(&o.name).to_uppercase())
            .filter(|o| !o.is_empty()),
    );
    let mut organizations: Vec<String> = e.organizations.iter().filter_map(entity_name).collect();
    let mut places: Vec<String> = e
        .countries
        .iter()
        .chain(&e.places)
        .filter_map(entity_name)
        .collect();
    for v in [&mut people, &mut offices, &mut organizations, &mut places] {
        v.sort();
        v.dedup();
    }
    Names {
        people,
        offices,
        organizations,
        places,
    }
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

/// Store a new document's parties and mentions and count its names (inside the writer's
/// transaction). People and offices the text mentions that are not parties get the role
/// `mentioned`.
pub(crate) fn store(conn: &rusqlite::Connection, rowid: i64, r: &Record) -> rusqlite::Result<()> {
    let names = store_rows(conn, rowid, r)?;
    let mut count = conn.prepare_cached(
        "INSERT INTO names(kind, name, documents) VALUES (?1, ?2, 1)
         ON CONFLICT(kind, name) DO UPDATE SET documents = documents + 1",
    )?;
    for (kind, list) in [
        ("person", &names.people),
        ("office", &names.offices),
        ("organization", &names.organizations),
        ("place", &names.places),
    ] {
        for n in list {
            count.execute(params![kind, n])?;
        }
    }
    Ok(())
}

/// The names table counted again from the parties and mentions (after a re-extraction).
pub(crate) fn recount_names(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DELETE FROM names;
         INSERT INTO names(kind, name, documents)
           SELECT 'person', person, count(DISTINCT doc) FROM parties WHERE person IS NOT NULL GROUP BY person;
         INSERT INTO names(kind, name, documents)
           SELECT 'office', office, count(DISTINCT doc) FROM parties WHERE office IS NOT NULL GROUP BY office;
         INSERT INTO names(kind, name, documents)
           SELECT kind, name, count(DISTINCT doc) FROM mentions GROUP BY kind, name;",
    )
}

/// A document's parties and mentions rows; returns its names.
pub(crate) fn store_rows(
    conn: &rusqlite::Connection,
    rowid: i64,
    r: &Record,
) -> rusqlite::Result<Names> {
    let mut ins = conn
        .prepare_cached("INSERT INTO parties(doc, role, person, office) VALUES (?1, ?2, ?3, ?4)")?;
    let mut as_party: Vec<String> = Vec::new();
    let mut office_party: Vec<String> = Vec::new();
    for (role, p) in parties_of(r) {
        let (person, office) = (party_person(r, p), office_key(p));
        if person.is_some() || office.is_some() {
            ins.execute(params![rowid, role, person, office])?;
        }
        as_party.extend(person);
        office_party.extend(office);
    }
    let names = names_of(r);
    for p in names.people.iter().filter(|p| !as_party.contains(p)) {
        ins.execute(params![rowid, "mentioned", p, None::<String>])?;
    }
    for o in names.offices.iter().filter(|o| !office_party.contains(o)) {
        ins.execute(params![rowid, "mentioned", None::<String>, o])?;
    }
    let mut mention =
        conn.prepare_cached("INSERT INTO mentions(doc, kind, name) VALUES (?1, ?2, ?3)")?;
    for o in &names.organizations {
        mention.execute(params![rowid, "organization", o])?;
    }
    for p in &names.places {
        mention.execute(params![rowid, "place", p])?;
    }
    Ok(names)
}

/// Most names listed on one page of the index.
pub const MAX_NAMES: usize = 1000;

impl Archive {
    /// Names of a kind, most documents first; `prefix` filters by the start of the name
    /// (case-insensitive). Names marked wrong or merged into another are left out; a name
    /// others were merged into counts the documents of all of them. Returns the number of
    /// matching names and one page of them.
    pub fn names(
        &self,
        kind: NameKind,
        prefix: &str,
        offset: usize,
        limit: usize,
    ) -> Result<(u64, Vec<NameCount>)> {
        let limit = limit.clamp(1, MAX_NAMES) as i64;
        let pattern = format!("{}%", prefix.replace(['%', '_'], ""));
        let (total, mut page) = self.with_conn(|c| {
            let total: i64 = c.query_row(
                "SELECT count(*) FROM names n WHERE kind = ?1 AND name LIKE ?2
                 AND NOT EXISTS (SELECT 1 FROM corrections k WHERE k.kind = n.kind AND k.name = n.name)",
                params![kind.as_str(), pattern],
                |r| r.get(0),
            )?;
            let mut stmt = c.prepare_cached(
                "SELECT name, documents FROM names n WHERE kind = ?1 AND name LIKE ?2
                 AND NOT EXISTS (SELECT 1 FROM corrections k WHERE k.kind = n.kind AND k.name = n.name)
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
        })?;
        for n in page.iter_mut() {
            let group = self.name_group(kind, &n.name)?;
            if group.len() > 1 {
                n.documents = self.group_count(kind, &group)?;
            }
        }
        Ok((total, page))
    }

    /// A name and the names merged into it (the name first).
    pub fn name_group(&self, kind: NameKind, name: &str) -> Result<Vec<String>> {
        self.with_conn(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT name FROM corrections WHERE kind = ?1 AND action = 'merge' AND target = ?2 ORDER BY name",
            )?;
            let merged = stmt.query_map(params![kind.as_str(), name], |r| r.get::<_, String>(0))?;
            let mut out = vec![name.to_string()];
            for m in merged {
                out.push(m?);
            }
            Ok(out)
        })
    }

    fn group_count(&self, kind: NameKind, group: &[String]) -> Result<u64> {
        let (table, column, _, kind_clause) = kind.source();
        let marks = vec!["?"; group.len()].join(",");
        let sql = format!("SELECT count(DISTINCT p.doc) FROM {table} p WHERE p.{column} IN ({marks}){kind_clause}");
        self.with_conn(|c| {
            c.query_row(&sql, rusqlite::params_from_iter(group.iter()), |r| {
                r.get::<_, i64>(0).map(|n| n as u64)
            })
        })
    }

    /// How many documents a name appears in (`None`: never seen, marked wrong, or merged
    /// into another name; [`Archive::correction`] tells which).
    pub fn name_count(&self, kind: NameKind, name: &str) -> Result<Option<u64>> {
        if self.correction(kind, name)?.is_some() {
            return Ok(None);
        }
        let own = self.with_conn(|c| {
            c.query_row(
                "SELECT documents FROM names WHERE kind = ?1 AND name = ?2",
                params![kind.as_str(), name],
                |r| r.get::<_, i64>(0).map(|n| n as u64),
            )
            .optional()
        })?;
        let group = self.name_group(kind, name)?;
        match own {
            Some(_) if group.len() > 1 => Ok(Some(self.group_count(kind, &group)?)),
            other => Ok(other),
        }
    }

    /// The documents a name (with the names merged into it) appears in, oldest first, with
    /// its role in each.
    pub fn name_documents(
        &self,
        kind: NameKind,
        name: &str,
        limit: usize,
    ) -> Result<Vec<NameDocument>> {
        let group = self.name_group(kind, name)?;
        let (table, column, role, kind_clause) = kind.source();
        let marks = (2..group.len() + 2)
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(",");
        let sql = format!(
            "SELECT {role}, d.id, d.title, d.date, d.doc_type
             FROM {table} p JOIN documents d ON d.rowid = p.doc
             WHERE p.{column} IN ({marks}){kind_clause} ORDER BY d.date IS NULL, d.date, d.rowid LIMIT ?1"
        );
        let mut args: Vec<rusqlite::types::Value> = vec![(limit as i64).into()];
        args.extend(group.into_iter().map(rusqlite::types::Value::from));
        self.with_conn(|c| {
            let mut stmt = c.prepare_cached(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
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

    /// Documents per year for a name and the names merged into it (years without a known
    /// date are left out).
    pub fn name_timeline(&self, kind: NameKind, name: &str) -> Result<Vec<YearCount>> {
        let group = self.name_group(kind, name)?;
        let (table, column, _, kind_clause) = kind.source();
        let marks = vec!["?"; group.len()].join(",");
        let sql = format!(
            "SELECT d.year, count(DISTINCT d.rowid) FROM {table} p JOIN documents d ON d.rowid = p.doc
             WHERE p.{column} IN ({marks}){kind_clause} AND d.year IS NOT NULL GROUP BY d.year ORDER BY d.year"
        );
        self.with_conn(|c| {
            let mut stmt = c.prepare_cached(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(group.iter()), |r| {
                Ok(YearCount {
                    year: r.get(0)?,
                    documents: r.get::<_, i64>(1)? as u64,
                })
            })?;
            rows.collect()
        })
    }
}

/// What a user said of an extracted name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "lowercase")]
pub enum Correction {
    /// The name is another name (`Kissinger` is `Henry A. Kissinger`).
    Merge { into: String },
    /// The name is not an entity of its kind (`Cases` is not a person).
    Wrong,
}

/// One stored correction.
#[derive(Debug, Clone, Serialize)]
pub struct CorrectionRow {
    pub kind: NameKind,
    pub name: String,
    #[serde(flatten)]
    pub correction: Correction,
    pub made: String,
}

impl Archive {
    /// The correction stored for a name, if any.
    pub fn correction(&self, kind: NameKind, name: &str) -> Result<Option<Correction>> {
        self.with_conn(|c| {
            c.query_row(
                "SELECT action, target FROM corrections WHERE kind = ?1 AND name = ?2",
                params![kind.as_str(), name],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)),
            )
            .optional()
        })
        .map(|row| {
            row.map(|(action, target)| match (action.as_str(), target) {
                ("merge", Some(into)) => Correction::Merge { into },
                _ => Correction::Wrong,
            })
        })
    }

    /// Every correction, newest first.
    pub fn corrections(&self) -> Result<Vec<CorrectionRow>> {
        self.with_conn(|c| {
            let mut stmt =
                c.prepare("SELECT kind, name, action, target, made FROM corrections ORDER BY made DESC, kind, name")?;
            let rows = stmt.query_map([], |r| {
                let kind: String = r.get(0)?;
                let action: String = r.get(2)?;
                let target: Option<String> = r.get(3)?;
                Ok(CorrectionRow {
                    kind: NameKind::parse(&kind).unwrap_or(NameKind::Person),
                    name: r.get(1)?,
                    correction: match (action.as_str(), target) {
                        ("merge", Some(into)) => Correction::Merge { into },
                        _ => Correction::Wrong,
                    },
                    made: r.get(4)?,
                })
            })?;
            rows.collect()
        })
    }

    /// Store a correction. The name must be one the archive has (or already corrected); a
    /// merge target must be a known name of the same kind, not itself merged away (merging
    /// into a name that was merged goes to where that one went), and not the name.
    /// Works on an archive opened for reading too: corrections are written apart from the
    /// catalogue's extracted data, so a running server can take them.
    pub fn correct(
        &self,
        kind: NameKind,
        name: &str,
        correction: &Correction,
    ) -> Result<Correction> {
        let known = |n: &str| -> Result<bool> {
            Ok(self.with_conn(|c| {
                c.query_row(
                    "SELECT count(*) FROM names WHERE kind = ?1 AND name = ?2",
                    params![kind.as_str(), n],
                    |r| r.get::<_, i64>(0),
                )
            })? > 0)
        };
        let invalid = |why: String| crate::ArchiveError::Query {
            query: name.to_string(),
            why,
        };
        if !known(name)? && self.correction(kind, name)?.is_none() {
            return Err(invalid(format!(
                "no {} named {name:?} in this archive",
                kind.as_str()
            )));
        }
        let stored = match correction {
            Correction::Wrong => Correction::Wrong,
            Correction::Merge { into } => {
                let mut target = into.trim().to_string();
                // follow a chain: merging into a name merged elsewhere goes there
                for _ in 0..16 {
                    match self.correction(kind, &target)? {
                        Some(Correction::Merge { into }) => target = into,
                        Some(Correction::Wrong) => {
                            return Err(invalid(format!(
                                "{target:?} is marked wrong; undo that first"
                            )))
                        }
                        None => break,
                    }
                }
                if target == name {
                    return Err(invalid("a name cannot be merged into itself".into()));
                }
                if !known(&target)? {
                    return Err(invalid(format!(
                        "no {} named {target:?} to merge into",
                        kind.as_str()
                    )));
                }
                Correction::Merge { into: target }
            }
        };
        let (action, target) = match &stored {
            Correction::Merge { into } => ("merge", Some(into.as_str())),
            Correction::Wrong => ("wrong", None),
        };
        let conn = crate::schema::open_connection(&self.db_path, false)?;
        let tx = || -> rusqlite::Result<()> {
            conn.execute_batch("BEGIN IMMEDIATE")?;
            conn.execute(
                "INSERT INTO corrections(kind, name, action, target, made) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(kind, name) DO UPDATE SET action = ?3, target = ?4, made = ?5",
                params![kind.as_str(), name, action, target, crate::write::now()],
            )?;
            // names merged into this one follow it
            if let Some(t) = target {
                conn.execute(
                    "UPDATE corrections SET target = ?3 WHERE kind = ?1 AND action = 'merge' AND target = ?2",
                    params![kind.as_str(), name, t],
                )?;
            }
            conn.execute_batch("COMMIT")
        };
        tx().map_err(|e| self.sql_err(e))?;
        Ok(stored)
    }

    /// Remove the correction of a name; whether there was one.
    pub fn uncorrect(&self, kind: NameKind, name: &str) -> Result<bool> {
        let conn = crate::schema::open_connection(&self.db_path, false)?;
        let n = conn
            .execute(
                "DELETE FROM corrections WHERE kind = ?1 AND name = ?2",
                params![kind.as_str(), name],
            )
            .map_err(|e| self.sql_err(e))?;
        Ok(n > 0)
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

impl Archive {
    /// A value the application keeps in the archive's `meta` table (`None`: never set).
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        self.with_conn(|c| {
            c.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
                .optional()
        })
    }

    /// Set a value in the `meta` table (the demo records which extraction built it).
    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        let conn = crate::schema::open_connection(&self.db_path, false)?;
        conn.execute(
            "INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2",
            params![key, value],
        )
        .map_err(|e| self.sql_err(e))?;
        Ok(())
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
            span: Span::default(),
            ..Party::default()
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
