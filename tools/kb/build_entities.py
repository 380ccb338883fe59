#!/usr/bin/env python3
"""newsflow knowledge base: builds the entity table (people and organisations) from the curated lists.

    python3 tools/kb/build_entities.py [--check] [--out DIR] [--curated DIR]
    python3 tools/kb/build_entities.py --validate-user FILE

Reads   tools/kb/curated/*.jsonl (project-curated people and organisations), tools/kb/place_stoplist.txt,
        src/main/resources/kb/VERSION, and the built place tables (countries.jsonl, regions.jsonl, cities.tsv)
        for the country codes and for cross-table warnings
Writes  src/main/resources/kb/entities.jsonl (merged, normalised, sorted by id)

Python 3 standard library only. The output is deterministic: the same inputs give a byte-identical file.
--check builds in memory and fails if the committed file differs. --validate-user FILE checks a user
override file (same JSONL format; an entry with a built-in id replaces it, {"id": ..., "deleted": true}
removes it) against the curated entries and writes nothing. Exit status 1 on any error; nothing is
written then. File formats and rules: tools/kb/README.md.
"""

import argparse
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, '..', '..'))
KB_DIR = os.path.join(REPO, 'src', 'main', 'resources', 'kb')

TYPE_PREFIX = {'PERSON': 'person:', 'ORGANIZATION': 'org:'}
ID_RE = re.compile(r'^(person|org):[a-z0-9]+(-[a-z0-9]+)*$')
QID_RE = re.compile(r'^Q[1-9][0-9]*$')
ALIAS_KEYS = {'text', 'caseSensitive', 'ambiguous'}
# Field order of an output record; any other field an entry carries follows, in its own order.
FIELD_ORDER = ['id', 'type', 'name', 'aliases', 'surnames', 'roles', 'countryCode', 'category', 'wikidataId']

# ---------------------------------------------------------------- text helpers (same rules as build_places.mjs)
SPECIAL = {
    'ß': 'ss', 'ẞ': 'SS', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D',
    'ł': 'l', 'Ł': 'L', 'ı': 'i', 'ħ': 'h', 'Ħ': 'H', 'þ': 'th', 'Þ': 'Th', 'ð': 'd', 'Ð': 'D', 'ŋ': 'ng',
    '’': "'", '‘': "'", 'ʼ': "'", 'ʻ': "'", 'ʿ': "'", 'ʾ': "'", '`': "'", '´': "'", '′': "'",
    '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-',
}


def fold(s):
    """Accent folding: special letters mapped, then NFKD with combining marks removed."""
    s = ''.join(SPECIAL.get(c, c) for c in s)
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.category(c).startswith('M'))
    return unicodedata.normalize('NFC', s)


def key(s):
    """Comparison key: folded, lower-cased, whitespace collapsed."""
    return re.sub(r'\s+', ' ', fold(s).lower()).strip()


def match_key(s):
    """Key under which the matcher meets an alias: the folded, lower-cased tokens (runs of letters and digits,
    and single punctuation marks; whitespace ignored), as dev.newsflow.enrich.entities.Tokenizer splits
    them. "al-Qaeda" is al - qaeda, "OPEC+" is opec +, and "U.S." is u . s ."""
    return '\u0001'.join(re.findall(r'[^\W_]+|\S', fold(s).lower()))


def slug(s):
    s = re.sub(r'[\'"]', '', fold(s).lower())
    return re.sub(r'[^a-z0-9]+', '-', s).strip('-')


def auto_case_sensitive(text):
    """Acronyms of three letters or fewer ("US", "U.N.", "IS") match only as written."""
    return re.fullmatch(r'[A-Z]{1,3}', re.sub(r'[.\s]', '', text)) is not None


def read_stoplist():
    stop = set()
    with open(os.path.join(HERE, 'place_stoplist.txt'), encoding='utf-8') as f:
        for line in f:
            t = line.split('#', 1)[0].strip()
            if t:
                stop.add(key(t))
    return stop


def read_jsonl(path):
    """Yields (line number, parsed object or None, error or None) for every non-comment line."""
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            try:
                yield n, json.loads(line), None
            except json.JSONDecodeError as e:
                yield n, None, f'invalid JSON: {e.msg} (column {e.colno})'


# ---------------------------------------------------------------- place tables (for codes and warnings)
def read_places():
    codes, country_keys, region_keys, city_keys = set(), {}, {}, {}
    for n, c, err in read_jsonl(os.path.join(KB_DIR, 'countries.jsonl')):
        if err:
            raise SystemExit(f'countries.jsonl:{n}: {err}')
        codes.add(c['countryCode'].upper())
        for a in c.get('aliases', []) + c.get('demonyms', []):
            country_keys.setdefault(match_key(a['text']), (c['id'], set()))[1].add(a['text'])
    path = os.path.join(KB_DIR, 'regions.jsonl')
    if os.path.exists(path):
        for n, r, err in read_jsonl(path):
            if err:
                raise SystemExit(f'regions.jsonl:{n}: {err}')
            for a in r.get('aliases', []):
                region_keys.setdefault(match_key(a['text']), (r['id'], set()))[1].add(a['text'])
    path = os.path.join(KB_DIR, 'cities.tsv')
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            header = None
            for line in f:
                if line.startswith('#'):
                    continue
                cols = line.rstrip('\n').split('\t')
                if header is None:
                    header = cols
                    continue
                row = dict(zip(header, cols))
                for t in row.get('aliases', '').split('|'):
                    if t:
                        city_keys.setdefault(match_key(t), (row['id'], set()))[1].add(t)
    return codes, country_keys, region_keys, city_keys


# ---------------------------------------------------------------- validation and normalisation
class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, where, msg):
        self.errors.append(f'{where}: {msg}')

    def warn(self, where, msg):
        self.warnings.append(f'{where}: {msg}')


def norm_alias_list(raw, field, where, rep, stop):
    """Checks and normalises a list of aliases (strings or {text, caseSensitive?, ambiguous?})."""
    if not isinstance(raw, list):
        rep.error(where, f'"{field}" must be a list')
        return []
    out, seen = [], {}
    for i, a in enumerate(raw):
        if isinstance(a, str):
            a = {'text': a}
        if not isinstance(a, dict):
            rep.error(where, f'{field}[{i}] must be a string or an object')
            continue
        unknown = set(a) - ALIAS_KEYS
        if unknown:
            rep.error(where, f'{field}[{i}] has unknown field(s) {sorted(unknown)}')
        text = a.get('text')
        if not isinstance(text, str) or not text.strip():
            rep.error(where, f'{field}[{i}] has no text')
            continue
        text = re.sub(r'\s+', ' ', text).strip()
        flags = {}
        for flag in ('caseSensitive', 'ambiguous'):
            if flag in a and not isinstance(a[flag], bool):
                rep.error(where, f'{field}[{i}] "{text}": {flag} must be true or false')
        cs = a['caseSensitive'] if isinstance(a.get('caseSensitive'), bool) else auto_case_sensitive(text)
        amb = a['ambiguous'] if isinstance(a.get('ambiguous'), bool) else key(text) in stop
        o = {'text': text}
        if cs:
            o['caseSensitive'] = True
        if amb:
            o['ambiguous'] = True
        if text in seen:
            prev = seen[text]
            if prev != o:
                rep.warn(where, f'{field}: "{text}" listed twice with different flags; the first is kept')
            continue
        seen[text] = o
        out.append(o)
    return out


def tidy(aliases):
    """Drops "the X" when "X" is also present, except the first alias (the name)."""
    texts = {a['text'] for a in aliases}
    out = []
    for i, a in enumerate(aliases):
        m = re.match(r'^the (.+)$', a['text'], re.IGNORECASE)
        if i > 0 and m and m.group(1) in texts:
            continue
        out.append(a)
    return out


def normalise_entry(e, where, rep, ctx):
    """Validates one curated entry and returns the normalised record (or None when it is unusable)."""
    if not isinstance(e, dict):
        rep.error(where, 'an entry must be a JSON object')
        return None
    if e.get('deleted') is True:
        rep.error(where, '"deleted" entries belong in a user override file, not in the curated lists')
        return None
    for f in ('id', 'type', 'name', 'aliases'):
        if f not in e:
            rep.error(where, f'required field "{f}" is missing')
    eid, etype, name = e.get('id'), e.get('type'), e.get('name')
    if not isinstance(eid, str) or not ID_RE.match(eid):
        rep.error(where, f'bad id {eid!r} (expected "person:slug" or "org:slug", lower-case ASCII and hyphens)')
        return None
    where = f'{where} {eid}'
    if etype not in TYPE_PREFIX:
        rep.error(where, f'type must be PERSON or ORGANIZATION, not {etype!r}')
        return None
    if not eid.startswith(TYPE_PREFIX[etype]):
        rep.error(where, f'id prefix does not match type {etype} (expected "{TYPE_PREFIX[etype]}")')
    if not isinstance(name, str) or not name.strip():
        rep.error(where, 'name must be a non-empty string')
        return None
    cc = e.get('countryCode')
    if cc is not None:
        if not isinstance(cc, str) or cc.upper() not in ctx['codes']:
            rep.error(where, f'countryCode {cc!r} is not in countries.jsonl (need "country:{str(cc).lower()}")')
        else:
            cc = cc.upper()
    qid = e.get('wikidataId')
    if qid is not None and (not isinstance(qid, str) or not QID_RE.match(qid)):
        rep.error(where, f'wikidataId {qid!r} is not a Wikidata item id (Q123) or null')
    if 'category' in e and e['category'] is not None and not isinstance(e['category'], str):
        rep.error(where, 'category must be a string or null')
    aliases = norm_alias_list(e.get('aliases'), 'aliases', where, rep, ctx['stop'])
    if isinstance(e.get('aliases'), list) and not e['aliases']:
        rep.error(where, 'aliases must not be empty')
    name = re.sub(r'\s+', ' ', name).strip()
    # the canonical name is always the first alias
    first = [a for a in aliases if a['text'] == name]
    rest = [a for a in aliases if a['text'] != name]
    if not first:
        first = norm_alias_list([name], 'name', where, rep, ctx['stop'])
    aliases = tidy(first + rest)
    rec = {'id': eid, 'type': etype, 'name': name, 'aliases': aliases}
    if 'surnames' in e:
        if etype != 'PERSON':
            rep.error(where, '"surnames" is only for PERSON entries')
        rec['surnames'] = norm_alias_list(e['surnames'], 'surnames', where, rep, ctx['stop'])
    if 'roles' in e:
        roles = e['roles']
        if not isinstance(roles, list) or not all(isinstance(r, str) and r.strip() for r in roles):
            rep.error(where, '"roles" must be a list of non-empty strings')
        rec['roles'] = roles
    rec['countryCode'] = cc
    rec['category'] = e.get('category')
    rec['wikidataId'] = qid
    for k, v in e.items():
        if k not in rec and k not in FIELD_ORDER:
            rec[k] = v
    return rec


def load_curated(curated_dir, rep, ctx):
    """Reads every curated file; returns (records by id, per-file counts)."""
    by_id, origin, per_file = {}, {}, {}
    files = sorted(f for f in os.listdir(curated_dir) if f.endswith('.jsonl'))
    if not files:
        rep.error(curated_dir, 'no *.jsonl files')
    for fname in files:
        counts = per_file.setdefault(fname, {'PERSON': 0, 'ORGANIZATION': 0})
        for n, e, err in read_jsonl(os.path.join(curated_dir, fname)):
            where = f'curated/{fname}:{n}'
            if err:
                rep.error(where, err)
                continue
            rec = normalise_entry(e, where, rep, ctx)
            if rec is None:
                continue
            if rec['id'] in by_id:
                rep.error(where, f'duplicate id {rec["id"]} (first in {origin[rec["id"]]})')
                continue
            by_id[rec['id']] = rec
            origin[rec['id']] = where
            counts[rec['type']] += 1
    return by_id, origin, per_file


def check_collisions(records, origin, rep, ctx):
    """No alias key may name two entities unless every one of them marks it ambiguous."""
    owners = {}
    for r in records:
        for a in r['aliases']:
            owners.setdefault(match_key(a['text']), {}).setdefault(r['id'], []).append(a)
    for k, ents in sorted(owners.items()):
        if len(ents) < 2:
            continue
        all_amb = all(any(a.get('ambiguous') for a in lst) for lst in ents.values())
        if not all_amb:
            desc = ', '.join(
                f'{eid} ("{lst[0]["text"]}"{", ambiguous" if any(a.get("ambiguous") for a in lst) else ""})'
                for eid, lst in sorted(ents.items()))
            rep.error(origin[sorted(ents)[0]].split(' ')[0],
                      f'alias "{k.replace(chr(1), " ")}" is claimed by {desc}: '
                      'mark it ambiguous in every entity or keep it in one')
    # surnames: shared surnames are resolved per article by the surname rule; a surname that is another
    # entity's alias is worth a look
    for r in records:
        for s in r.get('surnames', []):
            others = [eid for eid in owners.get(match_key(s['text']), {}) if eid != r['id']]
            if others:
                rep.warn(r['id'], f'surname "{s["text"]}" is also an alias of {", ".join(sorted(others))}')
    # aliases that also name a place: the matcher has to choose; usually the alias should be ambiguous
    # (a case-sensitive alias is fine when no place is written exactly the same way: "ITU" and Itu)
    for r in records:
        for a in r['aliases']:
            if a.get('ambiguous'):
                continue
            k = match_key(a['text'])
            for table, keys in (('country', ctx['country_keys']), ('region', ctx['region_keys']),
                                ('city', ctx['city_keys'])):
                if k in keys and not (a.get('caseSensitive') and a['text'] not in keys[k][1]):
                    rep.warn(r['id'], f'alias "{a["text"]}" is also a {table} alias ({keys[k][0]}); '
                                      'consider "ambiguous": true')


# ---------------------------------------------------------------- output
def ordered(rec):
    out = {k: rec[k] for k in FIELD_ORDER if k in rec}
    out.update({k: v for k, v in rec.items() if k not in out})
    return out


def render(records, kb_version):
    head = [
        '# newsflow knowledge base: entities (people and organisations)',
        f'# kb-version: {kb_version}',
        '# generated by tools/kb/build_entities.py: do not edit by hand (edit tools/kb/curated/*.jsonl and rebuild)',
        '# sources: tools/kb/curated/*.jsonl (project-curated lists)',
        '# licence: project-curated, Apache-2.0 (the project licence); see NOTICE',
        '# format: lines starting with # are comments; see tools/kb/README.md',
    ]
    lines = [json.dumps(ordered(r), ensure_ascii=False, separators=(',', ':')) for r in records]
    return '\n'.join(head) + '\n' + '\n'.join(lines) + '\n'


def context():
    codes, country_keys, region_keys, city_keys = read_places()
    return {'codes': codes, 'country_keys': country_keys, 'region_keys': region_keys, 'city_keys': city_keys,
            'stop': read_stoplist()}


def print_report(rep, show_warnings):
    if show_warnings:
        for w in rep.warnings:
            print(f'WARNING {w}', file=sys.stderr)
    elif rep.warnings:
        print(f'{len(rep.warnings)} warning(s) (--warnings lists them)', file=sys.stderr)
    for e in rep.errors:
        print(f'ERROR {e}', file=sys.stderr)


def validate_user(path, args):
    rep = Report()
    ctx = context()
    by_id, origin, _ = load_curated(args.curated, rep, ctx)
    if rep.errors:
        print_report(rep, args.warnings)
        print(f'{len(rep.errors)} error(s) in the curated lists', file=sys.stderr)
        return 1
    replaced = added = deleted = 0
    for n, e, err in read_jsonl(path):
        where = f'{os.path.basename(path)}:{n}'
        if err:
            rep.error(where, err)
            continue
        if isinstance(e, dict) and e.get('deleted') is True:
            if set(e) - {'id', 'deleted'}:
                rep.error(where, 'a deletion has only "id" and "deleted"')
            if e.get('id') not in by_id:
                rep.error(where, f'deletes unknown id {e.get("id")!r}')
            else:
                del by_id[e['id']]
                deleted += 1
            continue
        rec = normalise_entry(e, where, rep, ctx)
        if rec is None:
            continue
        if rec['id'] in by_id:
            replaced += 1
        else:
            added += 1
        by_id[rec['id']] = rec
        origin[rec['id']] = where
    check_collisions([by_id[i] for i in sorted(by_id)], origin, rep, ctx)
    print_report(rep, args.warnings)
    print(f'user file {path}: {added} added, {replaced} replaced, {deleted} deleted; {len(by_id)} entities after merge')
    if rep.errors:
        print(f'{len(rep.errors)} error(s)', file=sys.stderr)
        return 1
    return 0


def main():
    p = argparse.ArgumentParser(description='Builds src/main/resources/kb/entities.jsonl from tools/kb/curated/*.jsonl.')
    p.add_argument('--check', action='store_true', help='build in memory; fail if the committed file differs')
    p.add_argument('--out', default=KB_DIR, help='output directory (default: src/main/resources/kb)')
    p.add_argument('--curated', default=os.path.join(HERE, 'curated'), help='directory of curated *.jsonl files')
    p.add_argument('--warnings', action='store_true', help='list every warning (default: only their number)')
    p.add_argument('--validate-user', metavar='FILE', help='validate a user override file against the curated lists')
    args = p.parse_args()
    if args.validate_user:
        return validate_user(args.validate_user, args)

    rep = Report()
    ctx = context()
    by_id, origin, per_file = load_curated(args.curated, rep, ctx)
    records = [by_id[i] for i in sorted(by_id)]
    check_collisions(records, origin, rep, ctx)
    print_report(rep, args.warnings)
    if rep.errors:
        print(f'{len(rep.errors)} error(s); nothing written', file=sys.stderr)
        return 1

    with open(os.path.join(KB_DIR, 'VERSION'), encoding='utf-8') as f:
        kb_version = f.read().strip() or 'unversioned'
    content = render(records, kb_version)
    target = os.path.join(args.out, 'entities.jsonl')
    status = 0
    if args.check:
        current = open(target, encoding='utf-8').read() if os.path.exists(target) else ''
        if current != content:
            print(f'STALE {target}', file=sys.stderr)
            status = 1
    else:
        os.makedirs(args.out, exist_ok=True)
        with open(target, 'w', encoding='utf-8', newline='\n') as f:
            f.write(content)

    types = {'PERSON': 0, 'ORGANIZATION': 0}
    for r in records:
        types[r['type']] += 1
    print(f'entities: {len(records)} (PERSON {types["PERSON"]}, ORGANIZATION {types["ORGANIZATION"]})')
    for fname, c in per_file.items():
        print(f'  curated/{fname}: {c["PERSON"] + c["ORGANIZATION"]} (PERSON {c["PERSON"]}, ORGANIZATION {c["ORGANIZATION"]})')
    aliases = sum(len(r['aliases']) for r in records)
    surnames = sum(len(r.get('surnames', [])) for r in records)
    print(f'aliases: {aliases}, surnames: {surnames}, with wikidataId: {sum(1 for r in records if r["wikidataId"])}')
    print(f'{"checked" if args.check else "wrote"} {os.path.relpath(target, REPO)} (kb-version {kb_version})')
    return status


if __name__ == '__main__':
    sys.exit(main())
