//! `declass`: the command line. A thin shell over the library crates:
//! ingest (walk, read) → extract (record) → archive (store, index, search) → server.

mod demo;
mod eval_entities;
mod export;
mod ingest;
mod output;
mod parquet;
mod pipeline;
mod stream;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use declass_archive::{Archive, SearchRequest, Sort};
use std::path::PathBuf;
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A research archive for declassified government records.
///
/// declass reads released documents (OCR text, Markdown, JSONL), writes a catalogue
/// record for each (date, type, subject, classification, routing, ...) with the evidence
/// for every value, and makes the collection searchable from the command line, a JSON
/// API and a web UI. Everything lives in one archive directory.
///
/// Exit codes: 0 done; 1 done, but some files failed (see `declass errors`); 2 could not run.
#[derive(Parser)]
#[command(name = "declass", version, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct ArchiveArg {
    /// The archive directory.
    #[arg(
        long,
        env = "DECLASS_ARCHIVE",
        default_value = "./declass-archive",
        global = true
    )]
    archive: PathBuf,
}

#[derive(Subcommand)]
enum CorrectCommand {
    /// NAME is the same as INTO (a listed name of the same KIND).
    Merge {
        /// person, office, organization or place.
        #[arg(value_parser = ["person", "office", "organization", "place"])]
        kind: String,
        name: String,
        into: String,
    },
    /// NAME is not a KIND at all (a word the rules took for a name).
    Wrong {
        #[arg(value_parser = ["person", "office", "organization", "place"])]
        kind: String,
        name: String,
    },
    /// Remove the correction of NAME.
    Undo {
        #[arg(value_parser = ["person", "office", "organization", "place"])]
        kind: String,
        name: String,
    },
    /// Every correction, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum Command {
    /// Ingest files and folders (recursively) into an archive
    ///
    /// Reads .txt and .md files (UTF-8, UTF-16 with BOM, or Windows-1252), JSONL with one
    /// {"id": ..., "text": ...} object per line, PDFs (text layer; pages without one are
    /// OCR'd) and page images (TIFF, PNG, JPEG; OCR'd), with Tesseract and Poppler's tools.
    /// Files already in the archive with the same content are skipped; a changed file becomes
    /// a new version. A file that cannot be read is recorded with its reason (see `declass
    /// errors`) and the batch goes on. Files that need OCR while Tesseract is missing wait:
    /// install it, then `declass ingest --resume`. A killed run is finished the same way.
    ///
    /// Examples:
    ///   declass ingest ./release/ --archive ./my-archive
    ///   declass ingest scans/ --ocr-lang eng+spa -j 2
    ///   declass ingest --resume
    #[command(verbatim_doc_comment)]
    Ingest {
        /// Files and folders to ingest.
        #[arg(required_unless_present_any = ["resume", "records"])]
        paths: Vec<PathBuf>,
        /// Store records extracted elsewhere instead of reading files: a file, or a folder of
        /// them (Spark's part files), in JSON Lines of `{"record", "text", "raw"}` as `declass
        /// extract --jsonl-in --with-text` writes them, or in Parquet with a `record` (JSON)
        /// and a `text` column as `scripts/spark/extract.py` and `declass export --format
        /// parquet --with-text` write them. Nothing is extracted again; chunks already stored
        /// are skipped, so the command can be run again after an interruption.
        #[arg(long, value_name = "PATH", conflicts_with_all = ["paths", "resume"])]
        records: Option<PathBuf>,
        /// Also read again what earlier runs left: files waiting for OCR (or a tool), and the
        /// inputs of runs that were interrupted.
        #[arg(long)]
        resume: bool,
        /// Read again files that failed for a reason in their bytes (empty, corrupt,
        /// encrypted, partly readable) although they have not changed; by default they are
        /// skipped like files already read. I/O and OCR errors are always retried.
        #[arg(long)]
        retry_failed: bool,
        #[command(flatten)]
        ocr: OcrArgs,
        #[command(flatten)]
        split: SplitArgs,
        /// Print a JSON summary on stdout instead of text.
        #[arg(long)]
        json: bool,
        /// Worker threads for reading and extraction (default: all cores).
        #[arg(long, short = 'j')]
        jobs: Option<usize>,
        /// Commit (make durable and searchable) after this many new documents. An interrupted
        /// run loses at most this much work; the next run redoes it.
        #[arg(long, default_value_t = declass_archive::BATCH_DOCS)]
        commit_every: usize,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Search the archive
    ///
    /// Terms are ANDed: `nonproliferation "Qian Qichen"` finds documents with both. Use OR and
    /// NOT (or -term), "phrases", parentheses, and field:value for catalogue fields: type, agency,
    /// classification, caveat, number, title, from, to (e.g. type:telegram, caveat:NODIS).
    ///
    /// Example:
    ///   declass search 'nonproliferation AND "Qian Qichen"' --from 1990 --to 1993 \
    ///       --classification SECRET
    #[command(verbatim_doc_comment)]
    Search {
        /// The query (empty: every document, for browsing with filters).
        #[arg(default_value = "")]
        query: String,
        #[command(flatten)]
        filters: Box<FilterArgs>,
        #[command(flatten)]
        page: PageArgs,
        /// Print JSON on stdout.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Show one document's catalogue record and text, by id or collection number.
    Show {
        /// Document id (16 hex digits), or a doc/record/control number.
        id: String,
        /// Print the record and text as JSON.
        #[arg(long)]
        json: bool,
        /// Print only the text.
        #[arg(long, conflicts_with = "json")]
        text: bool,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// People, offices, organizations or places named in the archive, with document counts
    ///
    /// Names come from routing, drafting, clearance and participant lines and from the
    /// entities of the text (people linked to the Office of the Historian's authority files
    /// carry its form of the name: `Henry A. Kissinger` for `SECSTATE KISSINGER`).
    /// Corrections (`declass correct`) apply. Use a person or office with
    /// `declass search --person NAME` (or --office SYMBOL).
    ///
    /// Examples:
    ///   declass people --prefix Lord
    ///   declass people --offices --limit 50 --json
    ///   declass people --kind place --limit 20
    #[command(verbatim_doc_comment)]
    People {
        /// Offices (office symbols, stations) instead of people (same as --kind office).
        #[arg(long, conflicts_with = "kind")]
        offices: bool,
        /// person (default), office, organization or place.
        #[arg(long, value_parser = ["person", "office", "organization", "place"])]
        kind: Option<String>,
        /// Only names starting with this (case-insensitive).
        #[arg(long, default_value = "")]
        prefix: String,
        #[arg(long, default_value_t = 100)]
        limit: usize,
        #[arg(long, default_value_t = 0)]
        offset: usize,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Correct the names extraction found: merge one into another, or mark one wrong
    ///
    /// Corrections are stored apart from the extracted records and applied whenever names
    /// are read (the names index, a name's page, the person and office search filters), so
    /// they survive re-ingest. A merged name's documents count for the name it was merged
    /// into; a wrong name disappears from the index.
    ///
    /// Examples:
    ///   declass correct merge person "Kissinger" "Henry A. Kissinger"
    ///   declass correct wrong person "Cases"
    ///   declass correct undo person "Cases"
    ///   declass correct list --json
    #[command(verbatim_doc_comment)]
    Correct {
        #[command(subcommand)]
        what: CorrectCommand,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// What changed between two versions of a document, word by word
    ///
    /// Versions are found at ingest: the same document released again (another scan, OCR or
    /// redactions) is linked to the earlier one; `declass show ID` lists them. Removed words
    /// print as [-...-], added ones as {+...+}.
    ///
    /// Example:
    ///   declass diff 1a2b3c4d5e6f7a8b 9c8d7e6f5a4b3c2d
    #[command(verbatim_doc_comment)]
    Diff {
        /// The older document (id or collection number).
        old: String,
        /// The newer document (id or collection number).
        new: String,
        /// Print the diff as JSON: pieces of {op: same|added|removed, text} and word counts.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Counts: documents, pages, files, and documents by year, type, agency and classification.
    Stats {
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Files that could not be read, or were read only in part, with the reason.
    Errors {
        #[arg(long)]
        json: bool,
        /// Most rows to print.
        #[arg(long, default_value_t = 1000)]
        limit: usize,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Write the catalogue, or the documents matching a query, as CSV, JSON Lines or Parquet
    ///
    /// CSV and Parquet have one row per document with the catalogue's main fields (id, date,
    /// doc_type, title, agency, classification, caveats, from, to, record_number, doc_number,
    /// exemptions, pages, ocr_confidence, source_path, url); Parquet adds the whole record as
    /// JSON in `record`, for DuckDB (`record->>'$.date.precision'`), pandas and Spark. JSON
    /// Lines has one whole record per line. With --with-text each row also carries the text
    /// its spans point into, which makes a records file: `declass ingest --records FILE`
    /// stores it in another archive without extracting again. Rows are written as they are
    /// read, so memory stays small whatever the archive's size.
    ///
    /// Examples:
    ///   declass export --format parquet -o catalogue.parquet
    ///   declass export 'caveat:NODIS' --from 1977 --to 1979 --format csv > nodis.csv
    ///   declass export --format parquet --with-text -o all.parquet
    ///   declass ingest --records all.parquet --archive ./copy
    #[command(verbatim_doc_comment)]
    Export {
        /// The query (empty: every document).
        #[arg(default_value = "")]
        query: String,
        #[command(flatten)]
        filters: Box<FilterArgs>,
        /// csv, jsonl or parquet.
        #[arg(long, default_value = "jsonl", value_parser = ["csv", "jsonl", "parquet"])]
        format: String,
        /// Also write each document's text (and its text before normalization, when it differs).
        #[arg(long)]
        with_text: bool,
        /// Write to this file instead of standard output (Parquet needs a file).
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Print catalogue records for files without touching an archive.
    ///
    /// Reads files, folders, or `-` for standard input (text; or JSONL with --jsonl-in).
    /// Files are read on every core (`RAYON_NUM_THREADS=1` for one) and printed in the order
    /// they are found.
    Extract {
        /// Files, folders, or `-` for standard input.
        #[arg(default_value = "-")]
        paths: Vec<PathBuf>,
        /// Read the inputs (standard input by default, or JSONL files) as JSON Lines, one
        /// document per line (`{"id", "text"}` or `{"id", "path"}`), and write one record per
        /// line as each chunk is done: a streaming filter with bounded memory for batch systems
        /// (`RDD.pipe`). A bad line is reported on stderr with its file and number; the exit
        /// code is 1 if any line failed.
        #[arg(long, conflicts_with = "format")]
        jsonl_in: bool,
        /// With --jsonl-in: write `{"record", "text", "raw"}` per document, what
        /// `declass ingest --records` stores.
        #[arg(long, requires = "jsonl_in")]
        with_text: bool,
        /// Output: one record per line (jsonl), a JSON array (json), or indented JSON (pretty).
        #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "json", "pretty"])]
        format: String,
        /// Leave out the text's people, offices, organizations and places (the record's
        /// `entities`): extraction runs about twice as fast, for jobs that need only the
        /// catalogue fields.
        #[arg(long)]
        no_entities: bool,
        #[command(flatten)]
        ocr: OcrArgs,
        #[command(flatten)]
        split: SplitArgs,
    },
    /// Score extraction against a gold catalogue: per-field precision, recall and F1
    ///
    /// GOLD is JSONL with a "file" path (relative to GOLD) and expected values per line, as in
    /// shared/data/eval/*/gold.jsonl. Date, from, to and title are also scored on the documents
    /// where the gold value is legible in the text.
    ///
    /// With --entities, GOLD is one or more folders of hand-annotated cables (History Lab's
    /// `[[ mention || N ]]` format) and people, organizations and places are scored instead:
    /// a gold mention is found when an extracted name of the same kind shares its last word
    /// and at least half its words.
    ///
    /// Examples:
    ///   declass eval ../shared/data/eval/jfk/gold.jsonl --misses 20 --field date
    ///   declass eval --entities ../shared/data/eval/cables-ner/dev --misses 50 --field people
    #[command(verbatim_doc_comment)]
    Eval {
        /// The gold file (with --entities: annotated files or folders).
        #[arg(required = true)]
        gold: Vec<PathBuf>,
        /// Score entities on annotated cables instead of catalogue fields.
        #[arg(long)]
        entities: bool,
        /// With --entities: print the annotated texts as JSONL `{"file", "text"}` (marks
        /// removed) and stop, so another tool can be run on exactly these texts.
        #[arg(long, requires = "entities")]
        texts: bool,
        /// With --entities: score another tool's names instead of declass's, from JSONL lines
        /// `{"file", "names": [{"kind": "people"|"organizations"|"places", "text"}]}`.
        #[arg(long, requires = "entities", value_name = "JSONL")]
        extracted: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        /// Also list this many misses (gold value, extracted value, file).
        #[arg(long, default_value_t = 0)]
        misses: usize,
        /// Only list misses of this field.
        #[arg(long)]
        field: Option<String>,
    },
    /// Serve the web UI and JSON API over an archive.
    Serve {
        /// Address to bind. Only 127.0.0.1 (the default) keeps the archive private to this machine.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        #[arg(long, default_value_t = 8080)]
        port: u16,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Ingest the bundled sample corpus into a cached archive and serve it.
    ///
    /// The sample is two State Department memoranda, 300 JFK assassination records and 170
    /// State Department telegrams. The archive is kept in the cache directory and reused.
    Demo {
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Ingest only; do not serve.
        #[arg(long)]
        no_serve: bool,
        /// Where to keep the demo archive (default: the user cache directory).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Print the JSON Schema of the catalogue record.
    Schema,
    /// Rebuild the full-text index from the catalogue.
    Reindex {
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Extract every stored document again with this version of declass
    ///
    /// Records, their people, offices, organizations and places, collection numbers and the
    /// index are rebuilt from the stored text (an archive made before entities existed gets
    /// them). Document ids, versions and file states are kept; corrections, stored apart,
    /// apply as before. Resumable: run it again after an interruption.
    ///
    /// Example:
    ///   declass reextract --archive ./my-archive
    #[command(verbatim_doc_comment)]
    Reextract {
        #[command(flatten)]
        archive: ArchiveArg,
    },
}

/// How files holding several documents are read.
#[derive(Args, Debug, Clone, Copy)]
struct SplitArgs {
    /// Keep each file as one document. By default a file holding several (the scan of a
    /// folder) is cut where a new document's header starts at the top of a page (a full
    /// TO/FROM/SUBJECT header, a record identification form, a telegram's PAGE 01), each
    /// part with its page range; cover sheets, continuation pages and listed attachments
    /// stay with their document.
    #[arg(long)]
    no_split: bool,
}

#[derive(Args, Clone)]
struct OcrArgs {
    /// When to OCR with Tesseract: auto (PDF pages without a usable text layer, and page
    /// images), always (every page, ignoring text layers), never (text layers only; images
    /// are refused).
    #[arg(long, default_value = "auto", value_parser = ["auto", "always", "never"])]
    ocr: String,
    /// Tesseract languages, joined by + (eng+fra). More packs: apt-get install tesseract-ocr-fra.
    #[arg(long, default_value = "eng", value_name = "LANGS")]
    ocr_lang: String,
}

impl OcrArgs {
    /// Reading options, with Tesseract looked up once. A language that is not installed is
    /// an error now rather than on every page.
    fn options(&self) -> Result<declass_ingest::ReadOptions> {
        let mut opts = declass_ingest::ReadOptions::detect();
        opts.ocr = self.ocr.parse().map_err(anyhow::Error::msg)?;
        opts.lang = self.ocr_lang.clone();
        if let (Some(t), true) = (&opts.tesseract, opts.ocr != declass_ingest::OcrMode::Never) {
            let missing = t.missing_languages(&opts.lang);
            if !missing.is_empty() {
                anyhow::bail!(
                    "--ocr-lang {}: Tesseract has no language pack for {} (install with: sudo apt-get install {})",
                    opts.lang,
                    missing.join(", "),
                    missing
                        .iter()
                        .map(|l| format!("tesseract-ocr-{}", l.replace('_', "-").to_lowercase()))
                        .collect::<Vec<_>>()
                        .join(" ")
                );
            }
        }
        Ok(opts)
    }
}

#[derive(Args, Clone, Default)]
struct FilterArgs {
    /// Earliest document date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long)]
    from: Option<String>,
    /// Latest document date (inclusive): YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long)]
    to: Option<String>,
    /// Document type (repeatable), e.g. telegram, briefing_memorandum.
    #[arg(long = "type")]
    doc_type: Vec<String>,
    /// Originating agency (repeatable), e.g. CIA, DOS.
    #[arg(long)]
    agency: Vec<String>,
    /// Classification level (repeatable), e.g. SECRET, "TOP SECRET".
    #[arg(long)]
    classification: Vec<String>,
    /// Handling caveat (repeatable), e.g. NODIS.
    #[arg(long)]
    caveat: Vec<String>,
    /// A person named in any role: author, recipient, drafter, clearer, ... (repeatable),
    /// as `declass people` lists them, e.g. "Winston Lord".
    #[arg(long)]
    person: Vec<String>,
    /// An office symbol in any role (repeatable), e.g. EAP/CM.
    #[arg(long)]
    office: Vec<String>,
    /// An exemption code marked on the document (repeatable), e.g. B1, 25X1.
    #[arg(long)]
    exemption: Vec<String>,
    /// A review decision (repeatable): RELEASE, EXCISE, DENY IN PART, ..., or REVIEWED.
    #[arg(long)]
    review: Vec<String>,
    /// Only documents whose OCR by declass reached this mean word confidence (0-100), to
    /// leave out unreadable scans. Text declass did not OCR always passes.
    #[arg(long, value_name = "PERCENT")]
    min_ocr_confidence: Option<f32>,
    /// OCR-tolerant matching: terms also match words one letter off.
    #[arg(long)]
    fuzzy: bool,
}

impl FilterArgs {
    /// A request for every document matching the query and these filters.
    fn request(self, q: String) -> SearchRequest {
        SearchRequest {
            q,
            date_from: self.from,
            date_to: self.to,
            doc_type: self.doc_type,
            agency: self.agency,
            classification: self.classification,
            caveat: self.caveat,
            person: self.person,
            office: self.office,
            exemption: self.exemption,
            review: self.review,
            min_ocr_confidence: self.min_ocr_confidence,
            fuzzy: self.fuzzy,
            ..SearchRequest::default()
        }
    }
}

#[derive(clap::Args)]
struct PageArgs {
    /// relevance, date (oldest first) or date_desc.
    #[arg(long, default_value = "relevance")]
    sort: String,
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Continue from a previous page's next_cursor (printed with --json); with --sort date
    /// it pages through result sets of any size.
    #[arg(long)]
    cursor: Option<String>,
    /// Also print facet counts (type, agency, classification, caveat, year, person, office,
    /// exemption, review), over every match (the web UI estimates them from a sample of a
    /// large result set).
    #[arg(long)]
    facets: bool,
}

fn main() -> ExitCode {
    let filter = tracing_subscriber::EnvFilter::try_from_env("DECLASS_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("declass: error: {}", chain(&e));
            ExitCode::from(2)
        }
    }
}

/// An error and its causes, each said once: the library errors name their cause in their
/// own message (`gold.jsonl: No such file or directory`), which `{:#}` would repeat.
fn chain(e: &anyhow::Error) -> String {
    let mut msg = String::new();
    for cause in e.chain() {
        let s = cause.to_string();
        if msg.contains(&s) {
            continue;
        }
        if !msg.is_empty() {
            msg.push_str(": ");
        }
        msg.push_str(&s);
    }
    msg
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest {
            records: Some(records),
            json,
            archive,
            ..
        } => {
            let a = Archive::open_or_create(&archive.archive)
                .with_context(|| format!("opening {}", archive.archive.display()))?;
            let stream::Stored {
                added,
                unchanged,
                bad,
            } = stream::ingest_records(&records, &a)?;
            if json {
                let s = serde_json::json!({"documents_added": added, "records_unchanged": unchanged, "failed": bad});
                println!("{s}");
            } else {
                println!(
                    "stored {added} documents from {} ({unchanged} records already stored; {bad} lines, rows or files failed)",
                    records.display()
                );
            }
            Ok(if bad > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Ingest {
            paths,
            resume,
            retry_failed,
            ocr,
            split,
            json,
            jobs,
            commit_every,
            archive,
            records: None,
        } => ingest::run(
            &archive.archive,
            &paths,
            &ingest::Options {
                json,
                jobs,
                commit_every,
                resume,
                read: ocr.options()?,
                split: !split.no_split,
                retry_failed,
            },
        ),
        Command::Search {
            query,
            filters,
            page,
            json,
            archive,
        } => {
            let a = open(&archive.archive)?;
            let sort = Sort::parse(&page.sort).with_context(|| {
                format!("--sort {:?}: use relevance, date or date_desc", page.sort)
            })?;
            let req = SearchRequest {
                sort,
                offset: page.offset,
                limit: page.limit,
                facets: page.facets,
                exact_facets: page.facets,
                cursor: page.cursor,
                ..filters.request(query)
            };
            let results = a.search(&req)?;
            output::search(&results, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            query,
            filters,
            format,
            with_text,
            output,
            archive,
        } => {
            let a = open(&archive.archive)?;
            let req = filters.request(query);
            let n = export::run(&a, &req, &format, with_text, output.as_deref())?;
            if let Some(o) = &output {
                eprintln!("declass: exported {n} documents to {}", o.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show {
            id,
            json,
            text,
            archive,
        } => {
            let a = open(&archive.archive)?;
            let doc = a
                .get(&id)?
                .with_context(|| format!("no document {id:?} in {}", archive.archive.display()))?;
            output::show(&doc, json, text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::People {
            offices,
            kind,
            prefix,
            limit,
            offset,
            json,
            archive,
        } => {
            let a = open(&archive.archive)?;
            let kind = match (offices, kind.as_deref()) {
                (true, _) => declass_archive::NameKind::Office,
                (false, k) => declass_archive::NameKind::parse(k.unwrap_or("person"))
                    .unwrap_or(declass_archive::NameKind::Person),
            };
            let (total, names) = a.names(kind, &prefix, offset, limit)?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(
                        &serde_json::json!({"kind": kind, "total": total, "offset": offset, "names": names})
                    )?
                );
            } else {
                for n in &names {
                    println!("{:>7}  {}", n.documents, n.name);
                }
                eprintln!("{} of {total} {}", names.len(), kind.as_str());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Correct { what, archive } => correct(&archive.archive, what),
        Command::Diff {
            old,
            new,
            json,
            archive,
        } => {
            let a = open(&archive.archive)?;
            let id = |key: &str| -> Result<String> {
                Ok(a.get(key)?
                    .with_context(|| {
                        format!("no document {key:?} in {}", archive.archive.display())
                    })?
                    .record
                    .id)
            };
            let (o, n) = (id(&old)?, id(&new)?);
            let d = a
                .diff(&o, &n)?
                .with_context(|| format!("no document {o:?} or {n:?}"))?;
            output::diff(&d, &o, &n, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats { json, archive } => {
            let a = open(&archive.archive)?;
            output::stats(&a.stats()?, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Errors {
            json,
            limit,
            archive,
        } => {
            let a = open(&archive.archive)?;
            let errors = a.errors(limit)?;
            output::errors(&errors, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            paths,
            format,
            jsonl_in,
            with_text,
            no_entities,
            ocr,
            split,
        } => {
            let how = pipeline::How {
                entities: !no_entities,
                ..pipeline::How::printed(!split.no_split)
            };
            if jsonl_in {
                return stream::run(&paths, &ocr.options()?, how, with_text);
            }
            pipeline::extract_command(&paths, &format, &ocr.options()?, how)
        }
        Command::Eval {
            gold,
            entities,
            texts,
            extracted,
            json,
            misses,
            field,
        } => {
            if entities {
                let how = match (texts, extracted) {
                    (true, _) => eval_entities::Mode::Texts,
                    (false, Some(p)) => eval_entities::Mode::External(p),
                    (false, None) => eval_entities::Mode::Declass,
                };
                return eval_entities::run(&gold, how, json, misses, field.as_deref());
            }
            let [gold] = &gold[..] else {
                anyhow::bail!("give one gold file (several paths only with --entities)");
            };
            pipeline::eval_command(
                &declass_ingest::ReadOptions::detect(),
                gold,
                json,
                misses,
                field.as_deref(),
            )
        }
        Command::Serve {
            bind,
            port,
            archive,
        } => {
            let a = open(&archive.archive)?;
            serve(a, &bind, port)
        }
        Command::Demo {
            bind,
            port,
            no_serve,
            dir,
        } => {
            let dir = dir.unwrap_or_else(demo::default_dir);
            let archive = demo::prepare(&dir)?;
            if no_serve {
                println!("demo archive ready: {}", archive.display());
                return Ok(ExitCode::SUCCESS);
            }
            serve(open(&archive)?, &bind, port)
        }
        Command::Schema => {
            println!(
                "{}",
                serde_json::to_string_pretty(&declass_model::record_schema())?
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Reextract { archive } => {
            let a = Archive::open_or_create(&archive.archive)
                .with_context(|| format!("opening {}", archive.archive.display()))?;
            let total = a.stats()?.documents;
            let pb = indicatif::ProgressBar::new(total);
            pb.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} documents re-extracted ({per_sec}, eta {eta})",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            let n = pipeline::reextract(&a, |n| pb.set_position(n as u64))?;
            pb.finish_and_clear();
            println!("re-extracted {n} documents");
            Ok(ExitCode::SUCCESS)
        }
        Command::Reindex { archive } => {
            let a = Archive::open_or_create(&archive.archive)
                .with_context(|| format!("opening {}", archive.archive.display()))?;
            let n = a.reindex_all()?;
            println!("re-indexed {n} documents");
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn correct(dir: &std::path::Path, what: CorrectCommand) -> Result<ExitCode> {
    use declass_archive::{Correction, NameKind};
    let a = open(dir)?;
    let kind = |k: &str| NameKind::parse(k).with_context(|| format!("kind {k:?}"));
    match what {
        CorrectCommand::Merge {
            kind: k,
            name,
            into,
        } => match a.correct(kind(&k)?, &name, &Correction::Merge { into })? {
            Correction::Merge { into } => println!("{k} {name:?} is now {into:?}"),
            Correction::Wrong => {}
        },
        CorrectCommand::Wrong { kind: k, name } => {
            a.correct(kind(&k)?, &name, &Correction::Wrong)?;
            println!("{k} {name:?} is marked wrong");
        }
        CorrectCommand::Undo { kind: k, name } => {
            if !a.uncorrect(kind(&k)?, &name)? {
                anyhow::bail!("no correction of {k} {name:?}");
            }
            println!("correction of {k} {name:?} removed");
        }
        CorrectCommand::List { json } => {
            let rows = a.corrections()?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&serde_json::json!({ "corrections": rows }))?
                );
            } else {
                for r in &rows {
                    match &r.correction {
                        Correction::Merge { into } => {
                            println!(
                                "{}  merge  {} {:?} → {:?}",
                                r.made,
                                r.kind.as_str(),
                                r.name,
                                into
                            )
                        }
                        Correction::Wrong => {
                            println!("{}  wrong  {} {:?}", r.made, r.kind.as_str(), r.name)
                        }
                    }
                }
                eprintln!("{} correction(s)", rows.len());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn open(dir: &std::path::Path) -> Result<Archive> {
    Ok(Archive::open(dir)?)
}

fn serve(archive: Archive, bind: &str, port: u16) -> Result<ExitCode> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    rt.block_on(declass_server::serve(archive, bind, port))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// Each example of a command's `--help` is a line of its own that starts with `declass`,
    /// not a run of prose clap rewrapped into one paragraph.
    #[test]
    fn help_examples_stand_one_per_line() {
        let mut cli = Cli::command();
        let mut checked = 0;
        for sub in cli.get_subcommands_mut() {
            let name = sub.get_name().to_string();
            let help = sub.render_long_help().to_string();
            let Some(at) = help.find("Example") else {
                continue;
            };
            let block: Vec<&str> = help[at..]
                .lines()
                .skip(1)
                .take_while(|l| !l.trim().is_empty())
                .collect();
            assert!(!block.is_empty(), "{name}: no example under the heading");
            for line in block {
                let t = line.trim_start();
                assert!(
                    t.starts_with("declass ") || t.starts_with("--"),
                    "{name}: `{line}` is not an example line"
                );
                assert!(
                    t.matches("declass ").count() <= 1,
                    "{name}: two examples on one line: `{line}`"
                );
            }
            checked += 1;
        }
        assert!(checked >= 8, "only {checked} commands have examples");
    }
}
