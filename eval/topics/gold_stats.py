#!/usr/bin/env python3
"""Count, per topic, positives and near-miss negatives in dev_gold.jsonl.

near-miss = the topic's selection keyword (select_dev.KEYWORDS) occurs in the title or body, but the
article is NOT labelled with the topic.  Also reports how many positives are marked borderline.
Standard library only.  Writes dev_gold_stats.txt next to this script (or --out).

    /usr/bin/python3 eval/topics/gold_stats.py --data ../shared/data/stream/allsides_articles.jsonl.gz
"""
import argparse, gzip, json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from select_dev import KEYWORDS, is_dev

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--gold", default=os.path.join(here, "dev_gold.jsonl"))
ap.add_argument("--data", default=os.path.join(here, "..", "..", "..", "shared", "data", "stream",
                                               "allsides_articles.jsonl.gz"))
ap.add_argument("--out", default=os.path.join(here, "dev_gold_stats.txt"))
a = ap.parse_args()

gold = [json.loads(l) for l in open(a.gold) if l.strip()]
ids = {g["id"] for g in gold}
assert len(ids) == len(gold), "duplicate ids in gold"
assert all(is_dev(i) for i in ids), "gold contains a held-out id"
texts = {}
with gzip.open(a.data, "rt", encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        if d["id"] in ids:
            texts[d["id"]] = (d.get("title") or "") + "\n" + (d.get("body") or "")
missing = ids - set(texts)
assert not missing, f"ids not found in data: {sorted(missing)[:5]}"

rows = []
for t, pat in KEYWORDS.items():
    pos = [g for g in gold if t in g["topics"]]
    border_pos = [g for g in pos if t in g.get("borderline", [])]
    kw = [g for g in gold if pat.search(texts[g["id"]])]
    near = [g for g in kw if t not in g["topics"]]
    border_neg = [g for g in near if t in g.get("borderline", [])]
    pos_nokw = [g for g in pos if not pat.search(texts[g["id"]])]
    rows.append((t, len(pos), len(border_pos), len(near), len(border_neg), len(kw), len(pos_nokw)))

n_empty = sum(1 for g in gold if not g["topics"])
lines = [f"dev_gold.jsonl: {len(gold)} articles labelled, {n_empty} with no topic",
         "near-miss = topic keyword present in title/body (select_dev.KEYWORDS) but topic not labelled",
         "",
         f"{'topic':16s} {'positives':>9s} {'(border)':>8s} {'near-miss':>9s} {'(border)':>8s} {'kw-present':>10s} {'pos-w/o-kw':>10s}"]
for r in rows:
    lines.append(f"{r[0]:16s} {r[1]:9d} {r[2]:8d} {r[3]:9d} {r[4]:8d} {r[5]:10d} {r[6]:10d}")
lines += ["",
          "(border) = of those, how many carry the topic in the record's 'borderline' list (a hard call).",
          "pos-w/o-kw = positives whose text lacks the selection keyword (recall cases a keyword rule misses)."]
open(a.out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
