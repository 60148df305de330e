"""The PySpark job (scripts/spark/extract.py) in local mode: a folder extracted by Spark into
Parquet (or JSON Lines) and stored with `declass ingest --records` gives the archive `declass
ingest` gives on the same files (same documents, records and texts); and the Parquet that
`declass export` writes is read by Spark as it is."""
import json
import os
import pathlib
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("DECLASS_BIN", ROOT / "target" / "debug" / "declass"))
sys.path.insert(0, str(ROOT / "scripts" / "spark"))

import extract  # noqa: E402


def declass(*args):
    r = subprocess.run([str(BIN), *map(str, args)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r.stdout


def documents(archive):
    hits = json.loads(declass("search", "", "--archive", archive, "--json", "--limit", "100"))["hits"]
    out = {}
    for h in hits:
        d = json.loads(declass("show", h["id"], "--archive", archive, "--json"))
        out[h["id"]] = (d["record"], d["text"])
    return out


def sample_folder(tmp):
    src = tmp / "in"
    src.mkdir()
    sample = ROOT / "corpus" / "sample"
    picks = sorted((sample / "seeds").glob("*.txt")) + sorted((sample / "cables").glob("*.txt"))[:8]
    for p in picks:
        shutil.copy(p, src / p.name)
    return src, picks


def check_same_archive(tmp, src, picks, out):
    declass("ingest", src, "--archive", tmp / "direct")
    stored = json.loads(declass("ingest", "--records", out, "--archive", tmp / "spark", "--json"))
    assert stored["documents_added"] == len(picks), stored
    a, b = documents(tmp / "direct"), documents(tmp / "spark")
    assert len(a) == len(picks)
    assert a.keys() == b.keys()
    for k in a:
        assert a[k] == b[k], k


def test_spark_extraction_to_parquet_builds_the_same_archive(tmp_path):
    tmp = tmp_path
    src, picks = sample_folder(tmp)
    n = extract.run(src, tmp / "out", BIN, master="local[2]", partitions=3)
    assert n == len(picks)
    parts = sorted((tmp / "out").glob("part-*.parquet"))
    assert len(parts) == 3, parts
    check_same_archive(tmp, src, picks, tmp / "out")


def test_spark_extraction_to_jsonl_builds_the_same_archive(tmp_path):
    tmp = tmp_path
    src, picks = sample_folder(tmp)
    n = extract.run(src, tmp / "out", BIN, master="local[2]", partitions=2, fmt="jsonl")
    assert n == len(picks)
    assert len(sorted((tmp / "out").glob("part-*"))) == 2
    check_same_archive(tmp, src, picks, tmp / "out")


def test_spark_reads_the_parquet_declass_exports(tmp_path):
    from pyspark.sql import SparkSession

    tmp = tmp_path
    src, picks = sample_folder(tmp)
    declass("ingest", src, "--archive", tmp / "a")
    declass("export", "--archive", tmp / "a", "--format", "parquet", "--with-text", "-o", tmp / "all.parquet")
    spark = (SparkSession.builder.master("local[1]").appName("declass-export-test")
             .config("spark.ui.enabled", "false").getOrCreate())
    try:
        rows = spark.read.parquet(str(tmp / "all.parquet")).collect()
    finally:
        spark.stop()
    want = documents(tmp / "a")
    assert {r["id"] for r in rows} == want.keys()
    for r in rows:
        record, text = want[r["id"]]
        assert json.loads(r["record"]) == record
        assert r["text"] == text
        assert r["title"] == (record["title"] or {}).get("value")
        assert r["pages"] == record["pages"]
