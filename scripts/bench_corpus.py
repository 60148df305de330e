#!/usr/bin/env python3
"""Scale the sample corpus to N documents for benchmarks, deterministically by seed.

Each generated document takes the header (first block) of a real sample document and fills
its body with blocks drawn from the bodies of all documents of the same family (State
telegrams, JFK records, memoranda), as many as the template had, so document lengths and the
term distribution stay those of the real collection while the documents differ. Then it
perturbs what varies between real documents:

- names: surnames of the Office of the Historian's people file that appear in the text are
  swapped, consistently within the document, for other surnames of that file;
- dates: every year 1940-1999 moves by the same random offset (-4..+4);
- OCR noise: in the OCR'd families, about one character in 400 becomes a typical confusion
  (e->c, l->1, rn->m, O->0, ...).

A last line `Archive reference: GEN-<seed>-<n>` makes every document distinct.

    python3 scripts/bench_corpus.py N OUT.jsonl [--seed 7]

Output: JSON Lines `{"id", "text"}`, what `declass ingest` reads.
"""
import argparse
import json
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpus" / "sample"
OCR_FAMILIES = {"jfk"}
CONFUSIONS = [("e", "c"), ("l", "1"), ("rn", "m"), ("m", "rn"), ("O", "0"), ("i", "l"), ("h", "b"),
              ("a", "o"), ("S", "5"), ("I", "l"), ("c", "e"), ("t", "f")]
BLOCK_LINES = 12  # blocks longer than this are cut, so long OCR pages mix too


def blocks(text):
    out = []
    for b in re.split(r"\n[ \t]*\n", text):
        lines = b.split("\n")
        for i in range(0, len(lines), BLOCK_LINES):
            piece = "\n".join(lines[i:i + BLOCK_LINES])
            if piece.strip():
                out.append(piece)
    return out


def surnames():
    """Surnames of the authority's people that are not ordinary English words."""
    words = set((ROOT / "crates" / "lexicon" / "data" / "words.txt").read_text().lower().split())
    names = set()
    with open(ROOT / "data" / "authority" / "people.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            s = cols[2] if len(cols) > 2 else ""
            if s.isalpha() and len(s) > 3 and s.lower() not in words:
                names.add(s)
    return sorted(names)


PIECE = re.compile(r"\b(?:(19[4-9]\d)|([A-Z][A-Za-z]{2,}))\b")


class Generator:
    def __init__(self, seed=7):
        self.seed = seed
        self.names = surnames()
        self.known = set(n.upper() for n in self.names)
        self.families = {}
        for fam in sorted(p for p in SAMPLE.iterdir() if p.is_dir()):
            docs, pool = [], []
            for p in sorted(fam.glob("*.txt")):
                t = p.read_text(encoding="utf-8", errors="replace")
                if t.strip():
                    bs = [self.segments(b) for b in blocks(t)]
                    docs.append((bs[0], len(bs) - 1))
                    pool.extend(bs[1:])
            if docs:
                self.families[fam.name] = (docs, pool)
        self.weights = [(name, len(docs)) for name, (docs, _) in sorted(self.families.items())]

    def segments(self, block):
        """A block cut once, at load, into text and the names and years a document varies:
        strings, ("y", year) and ("n", SURNAME, written_upper)."""
        out, at = [], 0
        for m in PIECE.finditer(block):
            if m.group(1):
                seg = ("y", int(m.group(1)))
            elif m.group(2).upper() in self.known:
                seg = ("n", m.group(2).upper(), m.group(2).isupper())
            else:
                continue
            out.append(block[at:m.start()])
            out.append(seg)
            at = m.end()
        out.append(block[at:])
        return out

    def document(self, n):
        # one generator per document: document n is the same whatever else is generated
        rng = random.Random(self.seed * 1_000_003 + n)
        fam = rng.choices([w[0] for w in self.weights], [w[1] for w in self.weights])[0]
        docs, pool = self.families[fam]
        header, body_len = rng.choice(docs)
        parts = [header] + ([rng.choice(pool) for _ in range(body_len)] if pool else [])
        shift = rng.randint(-4, 4)
        swap = {}
        out = []
        for i, segs in enumerate(parts):
            if i:
                out.append("\n\n")
            for seg in segs:
                if isinstance(seg, str):
                    out.append(seg)
                elif seg[0] == "y":
                    out.append(str(min(1999, max(1940, seg[1] + shift))))
                else:
                    # names swap consistently within the document, in the case they are written in
                    new = swap.get(seg[1])
                    if new is None:
                        new = swap[seg[1]] = rng.choice(self.names)
                    out.append(new.upper() if seg[2] else new)
        text = "".join(out)

        if fam in OCR_FAMILIES and len(text) > 400:
            for _ in range(len(text) // 400):
                i = rng.randrange(len(text))
                for a, b in rng.sample(CONFUSIONS, 3):
                    if text.startswith(a, i):
                        text = text[:i] + b + text[i + len(a):]
                        break
        return f"{text}\n\nArchive reference: GEN-{self.seed}-{n:07d}\n"


def write(n, path, seed=7):
    """Writes N documents to PATH; returns the bytes of text written."""
    g = Generator(seed)
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = g.document(i)
            size += len(text.encode("utf-8"))
            f.write(json.dumps({"id": f"gen-{seed}-{i}", "text": text}) + "\n")
    return size


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out", help="a .jsonl file: one {id, text} object a line")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    if not a.out.endswith(".jsonl"):
        # declass tells formats by extension: under another name the whole file is one text
        ap.error(f"{a.out}: the output must end in .jsonl (declass would read it as one text document)")
    size = write(a.n, a.out, a.seed)
    print(f"{a.n} documents, {size / 1e6:.1f} MB of text, in {a.out}")


if __name__ == "__main__":
    main()
