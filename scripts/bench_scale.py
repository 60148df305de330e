#!/usr/bin/env python3
"""`scripts/bench --only scale`: declass against PostgreSQL `tsvector` and SQLite FTS5 at N
documents, side by side in one run, plus tantivy alone (the raw ceiling).

For each N (default 10,000 and 100,000; `--scale-docs 10000,100000,1000000`):

1. `scripts/bench_corpus.py` makes N documents from the sample corpus (deterministic by seed;
   the first N of a larger run are the same documents).
2. declass: `declass ingest corpus.jsonl` (extract + catalogue + index); then `declass serve`
   with its cache of totals and facets off and the query mix through `/api/search` with
   facets (the search page's work: total, 20 hits with snippets, facet counts for type,
   agency, classification, caveat, year, decade, person, office, exemption, review); last
   (after the baselines have read the archive) 1,000 more documents into the same archive:
   incremental ingest.
3. tantivy alone (`crates/archive/examples/tantivy_ceiling.rs`) on the same JSON Lines.
4. SQLite FTS5 and PostgreSQL 15 load the same documents with the catalogue values declass
   extracted (read from the archive's SQLite: title, date, year, type, agency,
   classification, people), so every engine filters on the same values; PostgreSQL as
   History Lab builds it: `to_tsvector('english', title || body)` stored, a GIN index, btree
   indexes on the filter columns, a GIN index on the people array. Each answers the query
   mix as "the 20 best by rank, and the total": `ts_rank` / `bm25` order with `count(*)`.
   They compute no facets, so they do less than declass per query.

Latency is measured by a client on the same machine (declass over HTTP with keep-alive,
PostgreSQL over a loopback socket with psycopg, FTS5 in-process), each query run `--repeat`
times after one warm-up run. Peak RSS: the process's maximum resident set (wait4) for
declass and FTS5; for PostgreSQL the sum of the proportional set sizes (PSS, shared buffers
counted once) of its processes, sampled every 0.2 s.
"""
import json
import os
import pathlib
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import http.client
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parents[1]
BIN = ROOT / "target" / "release" / "declass"
CEILING = ROOT / "target" / "release" / "examples" / "tantivy_ceiling"
PG_BIN = pathlib.Path("/usr/lib/postgresql/15/bin")
sys.path.insert(0, str(ROOT / "scripts"))
import bench_corpus  # noqa: E402

# The query mix: terms are ANDed; `phrase` is one phrase; filters on the catalogue values.
# `person` "*" means the person named in most documents (from declass's person facet).
MIX = [
    ("single term", {"terms": ["embassy"]}),
    ("single term, rare", {"terms": ["tiananmen"]}),
    ("single term, OCR family", {"terms": ["oswald"]}),
    ("two-term AND", {"terms": ["soviet", "embassy"]}),
    ("two-term AND, common", {"terms": ["secret", "government"]}),
    ("phrase", {"phrase": "foreign minister"}),
    ("date range", {"terms": ["cuba"], "from": 1962, "to": 1964}),
    ("type filter", {"terms": ["meeting"], "type": "telegram"}),
    ("agency filter", {"terms": ["mexico"], "agency": "CIA"}),
    ("classification filter", {"terms": ["embassy"], "classification": "CONFIDENTIAL"}),
    ("person filter", {"terms": [], "person": "*"}),
    ("person and term", {"terms": ["meeting"], "person": "*"}),
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(xs, p):
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1)))))
    return xs[k]


def anon_rss_mb(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_measured(cmd, **kw):
    """(seconds, peak RSS in MB, stdout, peak anonymous RSS in MB) of a command; fails
    loudly. The peak RSS counts file pages the process touched (tantivy's memory-mapped
    segments, say); the anonymous memory alone is sampled every 0.2 s."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    out, err = [], []
    peak = [0.0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], anon_rss_mb(p.pid))
            done.wait(0.2)

    threads = [threading.Thread(target=lambda s, b: b.append(s.read()), args=(p.stdout, out)),
               threading.Thread(target=lambda s, b: b.append(s.read()), args=(p.stderr, err))]
    sampler = threading.Thread(target=sample)
    sampler.start()
    for th in threads:
        th.start()
    _, status, usage = os.wait4(p.pid, 0)
    done.set()
    sampler.join()
    for th in threads:
        th.join()
    p.returncode = os.waitstatus_to_exitcode(status)
    secs = time.perf_counter() - t
    if p.returncode not in (0, 1):
        sys.exit(f"{cmd[0]} failed ({p.returncode}): {''.join(err)[-2000:]}")
    return secs, usage.ru_maxrss / 1024, "".join(out), peak[0]


def dir_bytes(p):
    return sum(f.stat().st_size for f in pathlib.Path(p).rglob("*") if f.is_file())


PART_DOCS = 10_000  # documents per JSON Lines file: a release arrives as many files


def corpus(n, work, seed, first=0):
    """The generator's documents first..first+n as a folder of JSON Lines files of
    PART_DOCS documents; returns (folder, bytes). A larger size reuses a smaller one's parts."""
    folder = work / f"corpus-{first}-{n}"
    folder.mkdir(exist_ok=True)
    g = None
    size = 0
    for start in range(first, first + n, PART_DOCS):
        end = min(first + n, start + PART_DOCS)
        part = work / "parts" / f"part-{start:08d}-{end:08d}.jsonl"
        part.parent.mkdir(exist_ok=True)
        if not part.exists():
            g = g or bench_corpus.Generator(seed)
            tmp = part.with_suffix(".tmp")
            with open(tmp, "w", encoding="utf-8") as f:
                for i in range(start, end):
                    f.write(json.dumps({"id": f"gen-{seed}-{i}", "text": g.document(i)}) + "\n")
            tmp.rename(part)
        link = folder / part.name
        if not link.exists():
            link.hardlink_to(part)
        size += part.stat().st_size
    return folder, size


# ---- declass -------------------------------------------------------------------------------

def declass_params(q, person):
    p = {"limit": "20", "facets": "1"}
    p["q"] = f'"{q["phrase"]}"' if "phrase" in q else " ".join(q["terms"])
    for k in ("from", "to"):
        if k in q:
            p[k] = str(q[k])
    for k in ("type", "agency", "classification"):
        if k in q:
            p[k] = q[k]
    if "person" in q:
        p["person"] = person
    return p


def declass_side(n, work, seed, repeat):
    path, size = corpus(n, work, seed)
    archive = work / f"declass-{n}"
    secs, rss, out, anon = run_measured([str(BIN), "ingest", str(path), "--archive", str(archive), "--json"])
    added = json.loads(out.strip().splitlines()[-1])["documents_added"]
    disk = dir_bytes(archive)
    r = declass_queries(archive, repeat)
    return {"docs": added, "bytes": size, "ingest_s": secs, "ingest_rss_mb": rss, "ingest_anon_mb": anon, "disk": disk,
            "archive": archive, **r}


def wait_listening(port, server, seconds=600):
    """Until the server accepts connections (a connect, not a request: a heavy page polled
    with a short timeout would pile requests up on a large archive)."""
    end = time.time() + seconds
    while time.time() < end and server.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"declass serve did not start on port {port}")


def declass_queries(archive, repeat):
    """The query mix against `declass serve` on ARCHIVE: per-query latencies and totals."""
    port = free_port()
    # no cache of totals and facets: every search below is computed in full
    server = subprocess.Popen([str(BIN), "serve", "--archive", str(archive), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=dict(os.environ, DECLASS_SEARCH_CACHE="0"))
    conn = None
    try:
        wait_listening(port, server)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)

        def get(params):
            conn.request("GET", "/api/search?" + urllib.parse.urlencode(params))
            r = conn.getresponse()
            body = r.read()
            if r.status != 200:
                sys.exit(f"declass search {params}: HTTP {r.status} {body[:300]!r}")
            return json.loads(body)

        facets = get({"q": "", "limit": "0", "facets": "1"})["facets"]
        person = facets["person"][0]["value"]
        per_query = {}
        for name, q in MIX:
            params = declass_params(q, person)
            total = get(params)["total"]
            wall, server_ms = [], []
            for _ in range(repeat):
                t = time.perf_counter()
                body = get(params)
                wall.append((time.perf_counter() - t) * 1000)
                server_ms.append(body["took_ms"])
            per_query[name] = {"total": total, "ms": wall, "server_ms": server_ms}
        server_rss = 0.0
        try:
            for line in open(f"/proc/{server.pid}/status"):
                if line.startswith("VmHWM:"):
                    server_rss = int(line.split()[1]) / 1024
        except OSError:
            pass
    finally:
        if conn:
            conn.close()
        server.terminate()
        server.wait()
    return {"person": person, "queries": per_query, "serve_rss_mb": server_rss}


def incremental(d, n, work, seed):
    """1,000 more documents into the archive of N."""
    more, _ = corpus(1000, work, seed, first=n)
    secs, _, out, _ = run_measured([str(BIN), "ingest", str(more), "--archive", str(d["archive"]), "--json"])
    d["incremental_s"] = secs
    d["incremental_docs"] = json.loads(out.strip().splitlines()[-1])["documents_added"]


def tantivy_side(n, work, seed):
    path, _ = corpus(n, work, seed)
    index = work / f"tantivy-{n}"
    shutil.rmtree(index, ignore_errors=True)
    secs, rss, out, _ = run_measured([str(CEILING), str(index), *sorted(str(p) for p in path.iterdir())])
    r = json.loads(out)
    shutil.rmtree(index, ignore_errors=True)
    return {"docs": r["documents"], "ingest_s": secs, "ingest_rss_mb": rss, "disk": r["index_bytes"]}


# ---- the rows both baselines load ----------------------------------------------------------

def catalogue_rows(archive):
    """(id, title, date, year, doc_type, agency, level, body, [people]) per document, read
    from a declass archive in rowid order, people merged in by a second ordered cursor."""
    db = sqlite3.connect(f"file:{archive / 'catalogue.sqlite'}?mode=ro", uri=True)
    people = db.cursor().execute(
        "SELECT doc, person FROM parties WHERE person IS NOT NULL ORDER BY doc")
    pending = next(people, None)
    for row in db.cursor().execute(
            "SELECT rowid, id, title, date, year, doc_type, agency, level, text FROM documents ORDER BY rowid"):
        names = set()
        while pending is not None and pending[0] <= row[0]:
            if pending[0] == row[0]:
                names.add(pending[1])
            pending = next(people, None)
        yield (*row[1:], sorted(names))


# ---- SQLite FTS5 (run in its own process: `bench_scale.py fts5 ARCHIVE DB MIX REPEAT PERSON`) --

def filters(q, person, prefix, mark, person_cond):
    """The mix's catalogue filters as SQL conditions and their arguments, for a baseline
    whose columns carry `prefix` and whose placeholder is `mark`."""
    where, args = [], []
    if "from" in q:
        where.append(f"{prefix}year BETWEEN {mark} AND {mark}")
        args += [q["from"], q["to"]]
    for k, col in (("type", "doc_type"), ("agency", "agency"), ("classification", "level")):
        if k in q:
            where.append(f"{prefix}{col} = {mark}")
            args.append(q[k])
    if "person" in q:
        where.append(person_cond)
        args.append(person)
    return where, args


def fts5_sql(q, person):
    match = f'"{q["phrase"]}"' if "phrase" in q else " ".join(q["terms"])
    where, args = filters(q, person, "d.", "?", "d.rowid IN (SELECT doc FROM people WHERE name = ?)")
    if match:
        cond = " AND ".join(["fts MATCH ?"] + where)
        top = (f"SELECT d.id FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE {cond} "
               "ORDER BY fts.rank LIMIT 20")
        count = f"SELECT count(*) FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE {cond}"
        return top, count, [match] + args
    cond = " AND ".join(where) or "1"
    return (f"SELECT d.id FROM docs d WHERE {cond} ORDER BY d.date LIMIT 20",
            f"SELECT count(*) FROM docs d WHERE {cond}", args)


def fts5_main(archive, db_path, mix_json, repeat, person):
    mix = json.loads(mix_json)
    db_path = pathlib.Path(db_path)
    if db_path.exists():
        db_path.unlink()
    db = sqlite3.connect(db_path)
    db.executescript("""
        PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
        CREATE TABLE docs (id TEXT, title TEXT, date TEXT, year INTEGER, doc_type TEXT,
                           agency TEXT, level TEXT);
        CREATE TABLE people (doc INTEGER, name TEXT);
        CREATE VIRTUAL TABLE fts USING fts5(title, body);
    """)
    t = time.perf_counter()
    n = 0
    batch = []

    def flush():
        db.executemany("INSERT INTO docs (rowid, id, title, date, year, doc_type, agency, level) "
                       "VALUES (?,?,?,?,?,?,?,?)", [b[0] for b in batch])
        db.executemany("INSERT INTO fts (rowid, title, body) VALUES (?,?,?)", [b[1] for b in batch])
        db.executemany("INSERT INTO people (doc, name) VALUES (?,?)", [p for b in batch for p in b[2]])
        db.commit()
        batch.clear()

    for (i, title, date, year, typ, agency, level, body, names) in catalogue_rows(pathlib.Path(archive)):
        n += 1
        batch.append(((n, i, title, date, year, typ, agency, level), (n, title or "", body),
                      [(n, p) for p in names]))
        if len(batch) >= 5000:
            flush()
    flush()
    db.executescript("""
        CREATE INDEX docs_year ON docs(year); CREATE INDEX docs_type ON docs(doc_type);
        CREATE INDEX docs_agency ON docs(agency); CREATE INDEX docs_level ON docs(level);
        CREATE INDEX docs_date ON docs(date); CREATE INDEX people_name ON people(name);
        INSERT INTO fts(fts) VALUES ('optimize');
    """)
    db.commit()
    load_s = time.perf_counter() - t
    per_query = {}
    for name, q in mix:
        top, count, args = fts5_sql(q, person)
        total = db.execute(count, args).fetchone()[0]
        db.execute(top, args).fetchall()
        ms = []
        for _ in range(repeat):
            t = time.perf_counter()
            db.execute(top, args).fetchall()
            db.execute(count, args).fetchone()
            ms.append((time.perf_counter() - t) * 1000)
        per_query[name] = {"total": total, "ms": ms}
    db.close()
    disk = sum(p.stat().st_size for p in db_path.parent.glob(db_path.name + "*"))
    print(json.dumps({"docs": n, "ingest_s": load_s, "disk": disk, "queries": per_query}))


def fts5_side(archive, work, repeat, person):
    db = work / "fts5.sqlite"
    secs, rss, out, _ = run_measured([sys.executable, __file__, "fts5", str(archive), str(db),
                                   json.dumps(MIX), str(repeat), person])
    r = json.loads(out)
    r["ingest_rss_mb"] = rss
    for p in work.glob("fts5.sqlite*"):
        p.unlink()
    return r


# ---- PostgreSQL 15 --------------------------------------------------------------------------

def pg_pss_mb(pgdata):
    """The PSS of the server's processes (those whose command line names its data dir, and
    their children), in MB."""
    total = 0
    pid_file = pathlib.Path(pgdata) / "postmaster.pid"
    try:
        master = int(pid_file.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0.0
    pids = [master]
    try:
        pids += [int(c) for c in open(f"/proc/{master}/task/{master}/children").read().split()]
    except OSError:
        pass
    for pid in pids:
        try:
            for line in open(f"/proc/{pid}/smaps_rollup"):
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def pg_sql(q, person):
    if "phrase" in q:
        tsq, qargs = "phraseto_tsquery('english', %s)", [q["phrase"]]
    elif q["terms"]:
        tsq, qargs = "plainto_tsquery('english', %s)", [" ".join(q["terms"])]
    else:
        tsq, qargs = None, []
    where, args = filters(q, person, "", "%s", "people @> ARRAY[%s]::text[]")
    if tsq:
        cond = " AND ".join([f"tsv @@ {tsq}"] + where)
        top = f"SELECT id FROM docs WHERE {cond} ORDER BY ts_rank(tsv, {tsq}) DESC LIMIT 20"
        return top, f"SELECT count(*) FROM docs WHERE {cond}", qargs + args + qargs, qargs + args
    cond = " AND ".join(where) or "true"
    return (f"SELECT id FROM docs WHERE {cond} ORDER BY date LIMIT 20",
            f"SELECT count(*) FROM docs WHERE {cond}", args, args)


def pg_side(archive, work, repeat, person, python):
    """Runs in the bench's venv python (psycopg): starts a server, loads, queries, stops."""
    pgdata = work / "pgdata"
    shutil.rmtree(pgdata, ignore_errors=True)
    pgdata.mkdir()
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_pg:
        shutil.chown(pgdata, "postgres", "postgres")
        os.chmod(work, 0o755)
    subprocess.run(as_pg + [str(PG_BIN / "initdb"), "-D", str(pgdata), "-U", "bench", "-A", "trust",
                            "--no-sync"], check=True, capture_output=True)
    port = free_port()
    opts = (f"-p {port} -k /tmp -c listen_addresses=127.0.0.1 -c shared_buffers=2GB "
            "-c maintenance_work_mem=1GB -c work_mem=64MB -c max_wal_size=8GB "
            "-c effective_cache_size=8GB -c random_page_cost=1.1 -c jit=off")
    subprocess.run(as_pg + [str(PG_BIN / "pg_ctl"), "-D", str(pgdata), "-o", opts, "-w", "-l",
                            str(pgdata / "log"), "start"], check=True, capture_output=True)
    peak = [0.0]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], pg_pss_mb(pgdata))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        secs, _, out, _ = run_measured([python, __file__, "pg", str(archive), str(port), json.dumps(MIX),
                                     str(repeat), person])
        r = json.loads(out)
    finally:
        stop.set()
        sampler.join()
        subprocess.run(as_pg + [str(PG_BIN / "pg_ctl"), "-D", str(pgdata), "-m", "fast", "stop"],
                       capture_output=True)
        shutil.rmtree(pgdata, ignore_errors=True)
    r["ingest_rss_mb"] = peak[0]
    return r


def pg_main(archive, port, mix_json, repeat, person):
    import psycopg

    mix = json.loads(mix_json)
    conn = psycopg.connect(host="127.0.0.1", port=int(port), user="bench", dbname="postgres",
                           autocommit=True)
    cur = conn.cursor()
    cur.execute("""CREATE TABLE docs (id text, title text, date text, year int, doc_type text,
                   agency text, level text, body text, people text[])""")
    t = time.perf_counter()
    n = 0
    with cur.copy("COPY docs (id, title, date, year, doc_type, agency, level, body, people) FROM STDIN") as cp:
        for row in catalogue_rows(pathlib.Path(archive)):
            cp.write_row(row)
            n += 1
    loaded = time.perf_counter() - t
    cur.execute("""ALTER TABLE docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS
                   (to_tsvector('english', coalesce(title, '') || ' ' || body)) STORED""")
    cur.execute("CREATE INDEX docs_tsv ON docs USING gin (tsv)")
    for col in ("year", "doc_type", "agency", "level", "date"):
        cur.execute(f"CREATE INDEX docs_{col} ON docs ({col})")
    cur.execute("CREATE INDEX docs_people ON docs USING gin (people)")
    cur.execute("VACUUM ANALYZE docs")
    load_s = time.perf_counter() - t
    cur.execute("SELECT pg_total_relation_size('docs')")
    disk = cur.fetchone()[0]
    per_query = {}
    for name, q in mix:
        top, count, top_args, count_args = pg_sql(q, person)
        cur.execute(count, count_args)
        total = cur.fetchone()[0]
        cur.execute(top, top_args)
        cur.fetchall()
        ms = []
        for _ in range(repeat):
            t = time.perf_counter()
            cur.execute(top, top_args)
            cur.fetchall()
            cur.execute(count, count_args)
            cur.fetchone()
            ms.append((time.perf_counter() - t) * 1000)
        per_query[name] = {"total": total, "ms": ms}
    conn.close()
    print(json.dumps({"docs": n, "copy_s": loaded, "ingest_s": load_s, "disk": disk,
                      "queries": per_query}))


# ---- the report -----------------------------------------------------------------------------

def pooled(r):
    return [m for q in r["queries"].values() for m in q["ms"]]


def run(sizes, repeat, seed, python, keep=False, pg_max=None, partial=None, fts5_max=None):
    """Runs every size; returns the markdown section."""
    for tool in (BIN, CEILING):
        if not tool.exists():
            sys.exit(f"{tool}: build it first (cargo build --release; cargo build --release -p "
                     "declass-archive --example tantivy_ceiling)")
    work = pathlib.Path(tempfile.mkdtemp(prefix="declass-scale-"))
    results = []
    try:
        for n in sizes:
            print(f"[scale {n:,}] declass ...", flush=True)
            d = declass_side(n, work, seed, repeat)
            print(f"[scale {n:,}] tantivy alone ...", flush=True)
            t = tantivy_side(n, work, seed)
            if fts5_max is None or n <= fts5_max:
                print(f"[scale {n:,}] SQLite FTS5 ...", flush=True)
                f = fts5_side(d["archive"], work, repeat, d["person"])
            else:
                f = None
            if pg_max is None or n <= pg_max:
                print(f"[scale {n:,}] PostgreSQL ...", flush=True)
                p = pg_side(d["archive"], work, repeat, d["person"], python)
            else:
                p = None
            print(f"[scale {n:,}] declass, 1,000 more documents ...", flush=True)
            incremental(d, n, work, seed)
            results.append((n, d, t, f, p))
            print(json.dumps({"n": n, "declass": {k: v for k, v in d.items() if k not in ("queries", "archive")},
                              "tantivy": t, "fts5": {k: v for k, v in (f or {}).items() if k != "queries"},
                              "pg": {k: v for k, v in (p or {}).items() if k != "queries"}}, default=str),
                  flush=True)
            if partial:
                # what is measured so far survives a later size that fails
                pathlib.Path(partial).write_text(report(results, repeat, seed))
            if not keep:
                shutil.rmtree(d["archive"], ignore_errors=True)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    return report(results, repeat, seed)


def report(results, repeat, seed):
    cores = os.cpu_count()
    lines = [
        "## Scale: declass against PostgreSQL `tsvector`, SQLite FTS5 and tantivy alone",
        "",
        f"Command: `scripts/bench --only scale --scale-docs {','.join(str(r[0]) for r in results)}`. "
        f"Run {time.strftime('%Y-%m-%d')} on {cores} cores. Corpus: `scripts/bench_corpus.py` (seed {seed}): "
        "headers of real sample documents with bodies drawn from their family's blocks, names "
        "swapped for others of the authority file, years shifted, OCR confusions in the OCR'd "
        "family. Queries: the mix below, each run "
        f"{repeat} times after a warm-up; latency is client time (declass over HTTP with facets and its "
        "cache of totals and facets off, PostgreSQL over loopback, FTS5 in-process). Ratios are the other engine's figure over "
        "declass's (for latency > 1 means declass is faster).",
        "",
    ]
    for n, d, t, f, p in results:
        dl = pooled(d)
        fl = pooled(f) if f else None
        pl = pooled(p) if p else None
        rate = lambda r: r["docs"] / r["ingest_s"]  # noqa: E731
        no_pg = "not run at this size"
        lines += [
            f"**{n:,} documents** ({d['bytes'] / 1e6:,.0f} MB of text)",
            "",
            "| | declass | tantivy alone | SQLite FTS5 | PostgreSQL 15 |",
            "|---|---|---|---|---|",
            f"| ingest, documents/s | {rate(d):,.0f} | {rate(t):,.0f} ({rate(t) / rate(d):.2f}×) | "
            + (f"{rate(f):,.0f} ({rate(f) / rate(d):.2f}×) | " if f else f"{no_pg} | ")
            + (f"{rate(p):,.0f} ({rate(p) / rate(d):.2f}×) |" if p else f"{no_pg} |"),
            "| what ingest does | extract, catalogue, versions, index | index text | load catalogue values + text, FTS5 | COPY, tsvector, GIN + btree indexes |",
            f"| on disk | {d['disk'] / 1e9:.2f} GB | {t['disk'] / 1e9:.2f} GB ({t['disk'] / d['disk']:.2f}×) | "
            + (f"{f['disk'] / 1e9:.2f} GB ({f['disk'] / d['disk']:.2f}×) | " if f else " | ")
            + (f"{p['disk'] / 1e9:.2f} GB ({p['disk'] / d['disk']:.2f}×) |" if p else " |"),
            f"| peak RSS, ingest (anonymous memory alone) | {d['ingest_rss_mb']:,.0f} MB ({d.get('ingest_anon_mb', 0):,.0f} MB) | {t['ingest_rss_mb']:,.0f} MB | "
            + (f"{f['ingest_rss_mb']:,.0f} MB | " if f else " | ")
            + (f"{p['ingest_rss_mb']:,.0f} MB (PSS) |" if p else " |"),
        ]
        for label, pc in (("p50", 50), ("p95", 95), ("p99", 99)):
            a = percentile(dl, pc)
            pg = f"{percentile(pl, pc):.1f} ms ({percentile(pl, pc) / a:.1f}×)" if p else ""
            fts = f"{percentile(fl, pc):.1f} ms ({percentile(fl, pc) / a:.1f}×)" if f else ""
            lines.append(f"| query {label}, all queries | {a:.1f} ms | – | {fts} | {pg} |")
        lines += [
            (f"| incremental: 1,000 more documents | {d['incremental_s']:.1f} s ({d['incremental_docs']:,} added) | | | |"
             if "incremental_s" in d else "| incremental: 1,000 more documents | not run | | | |"),
            f"| peak RSS, serving | {d['serve_rss_mb']:,.0f} MB | | | |",
            "",
            f"Per query (p50 ms, and hits: declass / FTS5 / PostgreSQL; the person is `{d['person']}`):",
            "",
            "| query | declass | FTS5 | PostgreSQL | hits |",
            "|---|---|---|---|---|",
        ]
        for name, _ in MIX:
            a = d["queries"][name]
            b = f["queries"][name] if f else None
            c = p["queries"][name] if p else None
            lines.append(f"| {name} | {statistics.median(a['ms']):.1f} | "
                         + (f"{statistics.median(b['ms']):.1f}" if b else "–") + " | "
                         + (f"{statistics.median(c['ms']):.1f}" if c else "–")
                         + f" | {a['total']:,} / " + (f"{b['total']:,}" if b else "–") + " / "
                         + (f"{c['total']:,} |" if c else "– |"))
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:2] == ["fts5"]:
        fts5_main(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6])
    elif sys.argv[1:2] == ["pg"]:
        pg_main(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6])
    else:
        sys.exit("run through scripts/bench --only scale")
