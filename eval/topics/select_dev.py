#!/usr/bin/env python3
"""Deterministic, stratified selection of AllSides articles for the topic DEVELOPMENT set.

Standard library only.  Reads ../shared/data/stream/allsides_articles.jsonl.gz (path overridable),
keeps only the DEV half of the ids (see is_dev), and for each of the nine default topics draws
articles from several keyword strata so that the sample holds clear positives, borderline cases and
near-misses (keyword present, topic not substantial or a different sense).  Writes ids only.

Usage (from the repository root):
    /usr/bin/python3 eval/topics/select_dev.py \
        --data ../shared/data/stream/allsides_articles.jsonl.gz --out eval/topics
    add --stats to print stratum sizes.

Each stratum is sampled with its own RNG seeded from SEED and the stratum name, from a candidate list
sorted by id, so adding a stratum (a top-up round) never changes what earlier strata picked.
"""
import argparse
import gzip
import hashlib
import json
import os
import random
import re
import sys

SEED = 20261128


def is_dev(article_id):
    """DEV half: last hex digit of sha1(id) is even.  The odd half is HELD OUT: never select,
    read, tune or write rules against it."""
    return int(hashlib.sha1(article_id.encode("utf-8")).hexdigest()[-1], 16) % 2 == 0


I = re.IGNORECASE
# Keyword patterns per topic (what makes an article a *candidate*, not the topic definition).
KEYWORDS = {
    "sanctions": re.compile(r"\bsanction\w*|\bembargo\w*|\bexport controls?\b|\basset freeze|\bblacklist\w*", I),
    "drones": re.compile(r"\bdron(?:e|es|ed|ing)\b|\bUAVs?\b|\bunmanned aerial", I),
    "syria": re.compile(r"\bSyria\w*|\bAssad\b|\bDamascus\b|\bAleppo\b", I),
    "ukraine-war": re.compile(r"\bUkrain\w*|\bCrimea\w*|\bDonbas+\b|\bDonetsk\b|\bLuhansk\b", I),
    "iran": re.compile(r"\bIran\w*|\bTehran\b|\bKhamenei\b|\bRouhani\b", I),
    "north-korea": re.compile(r"\bNorth Korea\w*|\bPyongyang\b|\bKim Jong", I),
    "nuclear-weapons": re.compile(r"\bnuclear\b|\bnukes?\b|\batomic bomb|\bwarheads?\b", I),
    "terrorism": re.compile(r"\bterror\w*|\bISIS\b|\bISIL\b|\bal[- ]Qaeda\b|\bjihad\w*", I),
    "protests": re.compile(r"\bprotest\w*|\bdemonstrat\w*|\briot\w*|\bsit-ins?\b", I),
}

# Extra patterns that point at likely near-misses (other senses, passing or non-topic context).
SPECIAL = {
    "sanctions": re.compile(r"\b(?:NCAA|NFL|NBA|league|ethics|disciplin\w*|court-sanctioned|state-sanctioned|bar association)\b", I),
    "drones": re.compile(r"\bdron(?:ed|ing)\b|\bdrone on\b|\bdrones on\b|\bmonoton\w*", I),
    "syria": re.compile(r"\brefugee\w*|\btravel ban\b|\bmuslim ban\b", I),
    "ukraine-war": re.compile(r"\bimpeach\w*|\bwhistle-?blower\b|\bphone call\b|\bBurisma\b|\bHunter Biden\b", I),
    "iran": re.compile(r"\bIran-Contra\b|\bIranian-American\b", I),
    "north-korea": re.compile(r"\bOtto Warmbier\b|\bDennis Rodman\b|\bOlympic\w*", I),
    "nuclear-weapons": re.compile(r"\bnuclear (?:option|power|plant|energy|reactor|family|waste|industry|regulatory)\w*", I),
    "terrorism": re.compile(r"\bmass shooting\b|\bshooter\b|\bgunman\b|\bdomestic terror\w*", I),
    "protests": re.compile(r"\bdemonstrated\b|\bdemonstrates\b|\bdemonstration of\b|\briot act\b|\bprotested\b|\bhilarious\b|\briotous\b", I),
}

# Per topic, stratum -> how many to draw.
#  title:  keyword in the title (mostly positives)
#  multi:  keyword >= 3 times in the body, not in the title (positives and borderline)
#  few:    keyword exactly 2 times in the body, not in the title (borderline)
#  once:   keyword exactly once in the body, not in the title (mostly near-misses)
#  special: keyword anywhere + a near-miss cue (other senses, impeachment call, nuclear option ...)
QUOTAS = {
    "title": 9, "multi": 7, "few": 4, "once": 7, "special": 5,
}
# Per-topic adjustments (applied on top of QUOTAS); top-up rounds are recorded here too.
QUOTA_ADJUST = {
    # topic: {stratum: n}
}
RANDOM_N = 20   # plain random dev articles (mostly all-negative)

# Top-up rounds, added after labelling round 1 showed too few positives (see README).  Each draws from
# its pool MINUS everything already selected, after all strata above, so round-1 picks never change.
#   round 2: ukraine-war had 8 positives (most Ukraine titles are about the 2019 impeachment call) and
#            drones 21 (3 borderline).
CONFLICT = re.compile(r"\b(?:separatists?|rebels?|annex\w*|invasion|invaded|cease-?fire|Donbas+|Donetsk|"
                      r"Luhansk|Crimea\w*|Russian troops|Russian forces|Minsk)\b", I)
TOPUP = [
    # (name, topic, stratum, extra body filter or None, minimum filter matches, n)
    ("ukraine-war/title+conflict-r2", "ukraine-war", "title", CONFLICT, 2, 16),
    ("drones/title-r2", "drones", "title", None, 0, 6),
]


def strata_of(topic, title, body):
    pat = KEYWORDS[topic]
    in_title = bool(pat.search(title))
    n_body = len(pat.findall(body))
    out = []
    if in_title:
        out.append("title")
    elif n_body >= 3:
        out.append("multi")
    elif n_body == 2:
        out.append("few")
    elif n_body == 1:
        out.append("once")
    if (in_title or n_body) and SPECIAL[topic].search(title + "\n" + body):
        out.append("special")
    return out


def load(path):
    seen_urls = set()
    seen_titles = set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if not is_dev(a["id"]):
                continue
            body = a.get("body") or ""
            title = a.get("title") or ""
            if len(body) < 400:
                continue
            # skip exact repeats (same URL or same title+body start) so one story is not labelled twice
            key_u = (a.get("url") or "").strip()
            key_t = (title.strip().lower(), body[:200])
            if key_u in seen_urls or key_t in seen_titles:
                continue
            seen_urls.add(key_u)
            seen_titles.add(key_t)
            yield a["id"], title, body


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "..", "shared", "data", "stream",
                                                   "allsides_articles.jsonl.gz"))
    ap.add_argument("--out", default=here)
    ap.add_argument("--stats", action="store_true")
    args = ap.parse_args()

    cands = {}  # (topic, stratum) -> [ids]
    all_ids = []
    texts = {}
    for aid, title, body in load(args.data):
        all_ids.append(aid)
        texts[aid] = body
        for t in KEYWORDS:
            for s in strata_of(t, title, body):
                cands.setdefault((t, s), []).append(aid)

    chosen = []       # ordered, unique
    why = {}          # id -> [reasons]
    def take(name, pool, n):
        pool = sorted(pool)
        rng = random.Random(f"{SEED}:{name}")
        picks = rng.sample(pool, min(n, len(pool)))
        for aid in picks:
            if aid not in why:
                chosen.append(aid)
                why[aid] = []
            why[aid].append(name)
        return picks

    for t in KEYWORDS:
        quotas = dict(QUOTAS)
        quotas.update(QUOTA_ADJUST.get(t, {}))
        for s, n in quotas.items():
            pool = cands.get((t, s), [])
            if args.stats:
                print(f"{t:16s} {s:10s} candidates={len(pool):6d} take={n}", file=sys.stderr)
            take(f"{t}/{s}", pool, n)
    take("random", all_ids, RANDOM_N)

    for name, t, stratum, filt, min_hits, n in TOPUP:
        pool = [aid for aid in cands.get((t, stratum), []) if aid not in why
                and (filt is None or len(filt.findall(texts[aid])) >= min_hits)]
        if args.stats:
            print(f"{name:30s} candidates={len(pool):6d} take={n}", file=sys.stderr)
        take(name, pool, n)

    if args.stats:
        print(f"dev articles={len(all_ids)} selected={len(chosen)}", file=sys.stderr)
    with open(os.path.join(args.out, "dev_sample_ids.txt"), "w") as f:
        for aid in chosen:
            f.write(aid + "\n")
    with open(os.path.join(args.out, "dev_sample_strata.tsv"), "w") as f:
        f.write("id\tstrata\n")
        for aid in chosen:
            f.write(aid + "\t" + ",".join(why[aid]) + "\n")


if __name__ == "__main__":
    main()
