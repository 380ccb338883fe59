#!/usr/bin/env python3
"""Print dev-sample articles for labelling: title, lead (first N chars) and every later sentence that
contains a topic keyword (with per-topic keyword counts).  Standard library only.

    /usr/bin/python3 eval/topics/show.py START COUNT [--lead 1800] [--full]
prints articles START..START+COUNT-1 of eval/topics/dev_sample_ids.txt (0-based).
"""
import argparse, gzip, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from select_dev import KEYWORDS, is_dev

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("start", type=int)
ap.add_argument("count", type=int)
ap.add_argument("--lead", type=int, default=1800)
ap.add_argument("--full", action="store_true")
ap.add_argument("--kwmax", type=int, default=3500)
ap.add_argument("--ids", default=os.path.join(here, "dev_sample_ids.txt"))
ap.add_argument("--data", default=os.path.join(here, "..", "..", "..", "shared", "data", "stream",
                                               "allsides_articles.jsonl.gz"))
a = ap.parse_args()
ids = [l.split()[0] for l in open(a.ids) if l.strip()]
want = ids[a.start:a.start + a.count]
assert all(is_dev(i) for i in want)
need = set(want); arts = {}
with gzip.open(a.data, "rt", encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        if d["id"] in need:
            arts[d["id"]] = d
            if len(arts) == len(need):
                break
ANY = re.compile("|".join("(?:%s)" % p.pattern for p in KEYWORDS.values()), re.I)
SENT = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])|\n+")
for k, aid in enumerate(want, a.start):
    d = arts[aid]; t = d["title"]; b = d["body"]
    counts = {tp: len(p.findall(t + "\n" + b)) for tp, p in KEYWORDS.items()}
    counts = {tp: c for tp, c in counts.items() if c}
    print(f"=== [{k}] {aid} | {d.get('source')} | {d.get('published')} | len={len(b)}")
    print(f"KW: {counts}")
    print(f"TITLE: {t}")
    if a.full:
        print(b); print(); continue
    lead = b[:a.lead]
    print(f"LEAD: {lead}")
    rest = b[a.lead:]
    sents = [s.strip() for s in SENT.split(rest) if s.strip()]
    hits = [i for i, s in enumerate(sents) if ANY.search(s)]
    out = []
    last = -5
    for i in hits:
        seg = sents[i]
        if i == last + 1:
            out[-1] += " " + seg
        else:
            out.append(seg)
        last = i
    if out:
        print("KWSENTS: " + " || ".join(out)[:a.kwmax])
    print()
