#!/usr/bin/env python3
"""Extract a folder of documents into declass records with Apache Spark.

Each partition pipes its documents through `declass extract --jsonl-in --with-text` (the
streaming filter: JSON Lines in, one `{record, text, raw}` per document out, bounded memory),
so any Spark cluster can do the extraction of a collection too large for one machine. The
output is Parquet (one row per document: id, date, doc_type, title, agency, classification,
the whole record as JSON in `record`, the text in `text`), for Spark SQL, DuckDB and pandas as
it is; with `--format jsonl`, the filter's JSON Lines. Either output folder (Spark's `part-*`
files) becomes an archive with

    declass ingest --records OUTPUT_DIR --archive ARCHIVE

without extracting again. Local mode here; on a cluster, give `--master` and put the
`declass` binary and the input on every worker (a shared file system), or pass texts with
`--inline` (the documents' text travels in the job instead of their paths).

    python3 scripts/spark/extract.py INPUT_DIR OUTPUT_DIR [--declass target/release/declass]
        [--master local[2]] [--partitions N] [--inline] [--format parquet|jsonl]
"""
import argparse
import json
import os
import pathlib
import shlex
import sys

# what `declass ingest` reads from a folder (containers and scans included)
SUFFIXES = {".txt", ".md", ".markdown", ".jsonl", ".ndjson", ".pdf", ".tif", ".tiff", ".png",
            ".jpg", ".jpeg", ".zip", ".tgz", ".gz"}


def lines_for(input_dir, inline):
    files = sorted(p for p in pathlib.Path(input_dir).rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    for p in files:
        if inline:
            text = p.read_text(encoding="utf-8", errors="replace")
            yield json.dumps({"id": str(p), "text": text})
        else:
            yield json.dumps({"path": str(p.resolve())})


# the columns written besides the record and the text, read from the record's JSON
COLUMNS = [("id", "$.id"), ("date", "$.date.value"), ("doc_type", "$.doc_type.value"),
           ("title", "$.title.value"), ("agency", "$.agency.value"),
           ("classification", "$.classification.level")]


def run(input_dir, output_dir, declass, master="local[2]", partitions=None, inline=False,
        fmt="parquet"):
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(master).appName("declass-extract")
             .config("spark.ui.enabled", "false").getOrCreate())
    try:
        lines = list(lines_for(input_dir, inline))
        n = partitions or max(1, min(len(lines), spark.sparkContext.defaultParallelism * 4))
        rdd = spark.sparkContext.parallelize(lines, n)
        # one declass process per partition; its records come back as text lines
        out = rdd.pipe(shlex.join([str(declass), "extract", "--jsonl-in", "--with-text"]))
        if fmt == "jsonl":
            out.saveAsTextFile(str(output_dir))
        else:
            from pyspark.sql import functions as F

            # each line is {"record": {...}, "text": "...", "raw": ...}: reading `record` as a
            # string keeps its JSON as written, so no field of it is lost or retyped
            df = spark.read.schema("record STRING, text STRING, raw STRING").json(out)
            df = df.select(*[F.get_json_object("record", path).alias(name) for name, path in COLUMNS],
                           "record", "text", "raw")
            df.write.parquet(str(output_dir))
        return len(lines)
    finally:
        spark.stop()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--declass", default=os.environ.get("DECLASS_BIN", "target/release/declass"))
    ap.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[2]"))
    ap.add_argument("--partitions", type=int)
    ap.add_argument("--inline", action="store_true", help="send texts, not paths (no shared file system)")
    ap.add_argument("--format", choices=["parquet", "jsonl"], default="parquet")
    a = ap.parse_args()
    declass = pathlib.Path(a.declass).resolve()
    if not declass.exists():
        sys.exit(f"{declass}: no declass binary (cargo build --release, or --declass PATH)")
    n = run(a.input, a.output, declass, a.master, a.partitions, a.inline, a.format)
    print(f"{n} documents extracted into {a.output}; store them with: declass ingest --records {a.output}")


if __name__ == "__main__":
    main()
