#!/usr/bin/env python3
"""Run spaCy's NER on the texts `declass eval --entities --texts` prints, write the names as
`declass eval --entities --extracted` reads them. Reads JSONL on stdin, writes JSONL on stdout.

    declass eval --entities DIR --texts | python3 entities_spacy.py MODEL > spacy.jsonl

spaCy labels map to the scored kinds as generously as they can: PERSON → people; ORG → organizations;
GPE, LOC, NORP (nationalities, which the annotators mark as places), FAC → places.
"""
import json
import sys

import spacy

KINDS = {"PERSON": "people", "ORG": "organizations", "GPE": "places", "LOC": "places",
         "NORP": "places", "FAC": "places"}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    # --titlecase: give spaCy the capitals it learned names from (`President Banzer Said`);
    # spans keep their offsets, so the names are cut from the original text
    titlecase = "--titlecase" in sys.argv
    nlp = spacy.load(args[0] if args else "en_core_web_sm")
    docs = [json.loads(l) for l in sys.stdin if l.strip()]
    texts = (d["text"].title() if titlecase else d["text"] for d in docs)
    for d, doc in zip(docs, nlp.pipe(texts, batch_size=16)):
        names = [{"kind": KINDS[e.label_], "text": d["text"][e.start_char:e.end_char]}
                 for e in doc.ents if e.label_ in KINDS]
        print(json.dumps({"file": d["file"], "names": names}))


if __name__ == "__main__":
    main()
