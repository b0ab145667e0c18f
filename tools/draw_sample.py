#!/usr/bin/env python3
"""Draw coded sentences at random for a manual accuracy check (docs/accuracy.md).

usage: tools/draw_sample.py CORPUS.jsonl EVENTS.jsonl N SEED

EVENTS is `dyad code CORPUS.jsonl` output. Sentences with at least one event are grouped by
(doc_id, sentence_index), sorted, and N of them drawn with random.Random(SEED).sample. Each is
printed with its sentence text (the document text around the events' actions, cut at sentence
ends) and its events in the order of their action offsets; the first is the sentence's event.
"""
import json, random, re, sys

corpus, events_path, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
docs = {}
for line in open(corpus, encoding="utf-8"):
    d = json.loads(line)
    docs[str(d["id"])] = d["text"]
by_sentence = {}
for line in open(events_path, encoding="utf-8"):
    e = json.loads(line)
    by_sentence.setdefault((e["doc_id"], e["sentence_index"]), []).append(e)
keys = sorted(by_sentence)
for doc_id, index in random.Random(seed).sample(keys, n):
    evs = sorted(by_sentence[(doc_id, index)], key=lambda e: e["action"]["start"])
    text = docs[doc_id].encode("utf-8")  # event offsets are bytes
    a = evs[0]["action"]["start"]
    lo = max([m.end() for m in re.finditer(rb"[.!?]\s+(?=[A-Z\"])|\n\s*", text[:a])] + [0])
    m = re.search(rb"[.!?](?=\s+[A-Z\"]|\s*$)|\n", text[a:])
    hi = a + m.end() if m else len(text)
    print(f"## {doc_id} sentence {index}")
    print(" ".join(text[lo:hi].decode("utf-8", "replace").split()))
    for e in evs:
        s, t = e.get("source") or {}, e.get("target") or {}
        print(f"  {e['cameo']} {s.get('code') or '-'} ({s.get('text', '')}) -> {t.get('code') or '-'} "
              f"({t.get('text', '')}) | {e['action']['text']}")
    print()
