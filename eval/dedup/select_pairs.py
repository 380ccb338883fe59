#!/usr/bin/env python3
"""Deterministic selection of article pairs for the de-duplication development set (standard library only).

Reads the AllSides file, keeps only the DEVELOPMENT half of the ids (is_dev, as in eval/topics), finds candidate
pairs in several independent ways (repeated URLs, identical bodies, identical or similar titles, shared lead
shingles, shared body shingles, same-day same-topic reports with shared title words) and writes the pairs worth
reading: every candidate that overlaps noticeably or was found by URL, body or title, plus a seeded sample of the
rest. Writes ids only.

Usage (from the repository root):
    /usr/bin/python3 eval/dedup/select_pairs.py --data ../shared/data/stream/allsides_articles.jsonl.gz \
        --out /tmp/selected.jsonl
"""
import argparse, collections, gzip, hashlib, itertools, json, random, re, sys

SEED = 20261128
WEAK_SAMPLE = 80

def is_dev(article_id):
    return int(hashlib.sha1(article_id.encode("utf-8")).hexdigest()[-1], 16) % 2 == 0

WORD = re.compile(r"[a-z0-9]+")

def words(s):
    return WORD.findall(s.lower())

def shingles(tokens, n):
    return {" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}

def h(s):
    return int(hashlib.md5(s.encode()).hexdigest()[:8], 16)

def canon_url(u):
    u = u.strip().lower().split("#")[0]
    u = re.sub(r"^https?://(www\.)?", "", u)
    base, _, q = u.partition("?")
    return base.rstrip("/")

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="../shared/data/stream/allsides_articles.jsonl.gz")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    arts = {}
    with gzip.open(args.data, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if is_dev(a["id"]):
                arts[a["id"]] = a
    ids = sorted(arts)
    why = collections.defaultdict(set)

    def add(x, y, reason):
        if x != y:
            why[tuple(sorted((x, y)))].add(reason)

    def groups(key, reason):
        g = collections.defaultdict(list)
        for i in ids:
            k = key(arts[i])
            if k:
                g[k].append(i)
        for v in g.values():
            if 1 < len(v) <= 20:
                for x, y in itertools.combinations(v, 2):
                    add(x, y, reason)

    groups(lambda a: canon_url(a["url"]), "same-url")
    groups(lambda a: " ".join(words(a["body"])), "same-body")
    groups(lambda a: " ".join(words(a["title"])) if len(words(a["title"])) >= 3 else None, "same-title")
    body = {i: words(arts[i]["body"]) for i in ids}

    def shared(features, min_shared, reason):
        """Pairs with at least min_shared features in common; features found in more than 30 articles are skipped."""
        index = collections.defaultdict(list)
        for i in ids:
            for f in features(i):
                index[f].append(i)
        counts = collections.Counter()
        for v in index.values():
            if 1 < len(v) <= 30:
                for x, y in itertools.combinations(sorted(set(v)), 2):
                    counts[(x, y)] += 1
        for (x, y), n in counts.items():
            if n >= min_shared:
                add(x, y, reason)

    # Lead: 8-word shingles of the first 80 body words, at least 3 in common.
    shared(lambda i: shingles(body[i][:80], 8), 3, "shared-lead")
    # Whole body: 6-word shingles sampled by hash (1 in 8), at least 8 in common.
    shared(lambda i: {s for s in shingles(body[i], 6) if h(s) % 8 == 0}, 8, "shared-body")
    # Titles: content-word Jaccard >= 0.5 (at least four words each).
    stop = set("a an the of to in on for and or is are was were be with at by from as that this it its".split())
    tw = {i: set(words(arts[i]["title"])) - stop for i in ids}
    title_index = collections.defaultdict(list)
    for i in ids:
        for w in tw[i]:
            title_index[w].append(i)
    for i in ids:
        if len(tw[i]) < 4:
            continue
        cands = collections.Counter()
        for w in tw[i]:
            if len(title_index[w]) <= 300:
                for j in title_index[w]:
                    if j > i:
                        cands[j] += 1
        for j, n in cands.items():
            if len(tw[j]) >= 4 and n / len(tw[i] | tw[j]) >= 0.5:
                add(i, j, "similar-title")
    # Hard negatives: same published date, same AllSides topic, >= 3 shared content title words.
    day = collections.defaultdict(list)
    for i in ids:
        a = arts[i]
        if a.get("published") and a.get("topic"):
            day[(a["published"], a["topic"])].append(i)
    for v in day.values():
        for x, y in itertools.combinations(v, 2):
            if len(tw[x] & tw[y]) >= 3:
                add(x, y, "same-day-topic")
    c = collections.Counter(r for v in why.values() for r in v)
    print(len(why), "candidate pairs;", dict(sorted(c.items())), file=sys.stderr)
    # Keep the pairs worth reading: every pair that overlaps noticeably or was found by URL, body or title, plus a
    # seeded random sample of the rest (weak overlaps, same-day same-topic reports) as ordinary negatives.
    body5 = {}

    def shingle_set(i):
        if i not in body5:
            body5[i] = shingles(body[i], 5)
        return body5[i]

    strong, rest = [], []
    for (x, y) in sorted(why):
        a, b = shingle_set(x), shingle_set(y)
        inter = len(a & b)
        jaccard = inter / max(1, len(a | b))
        containment = inter / max(1, min(len(a), len(b)))
        flagged = why[(x, y)] & {"same-url", "same-body", "same-title", "similar-title"}
        (strong if jaccard >= 0.15 or containment >= 0.4 or flagged else rest).append((x, y))
    random.seed(SEED)
    weak = random.sample(rest, min(WEAK_SAMPLE, len(rest)))
    with open(args.out, "w") as out:
        for stratum, chosen in (("strong", strong), ("weak-sample", weak)):
            for (x, y) in chosen:
                out.write(json.dumps({"a": x, "b": y, "stratum": stratum, "found_by": sorted(why[(x, y)])}) + "\n")
    print(len(strong), "strong and", len(weak), "sampled pairs written to", args.out, file=sys.stderr)

if __name__ == "__main__":
    main()
