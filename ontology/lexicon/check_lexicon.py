#!/usr/bin/env python3
"""Consistency check for the Polish gazetteer in ``ontology/lexicon/``.

Run from anywhere::

    python ontology/lexicon/check_lexicon.py [--verbose] [--no-morfeusz]

Hard errors (exit status 1):

* every ``*.jsonl`` line is a JSON object with exactly the documented keys (and the optional ones at the end),
  in the documented order, and every value has the documented type;
* names are unique within a file and across files (a name lives in exactly
  one file); an alias or abbreviation never equals another entry's name,
  alias or abbreviation (within the place files and within organizations);
* every ``class`` / ``predicate`` is one of the allowed values and is
  declared in ``ontology/graphbuilder.ttl``;
* every ``country`` reference names an entry of ``countries.jsonl``;
* every ``capital`` of a country is a city of ``cities.jsonl`` that lies in
  that country and has ``"capital": true`` (or, for city-states and
  homonymous capitals such as Singapur or Meksyk, the country's own name),
  and every city with ``"capital": true`` is some country's capital;
* every country has at least one lowercase adjective, a capital and an ISO code, but a
  state no longer in being (no ISO code and no capital: "Związek Radziecki");
* each file is sorted by name in Polish alphabetical order;
* ``abbreviations.txt`` has one unique abbreviation ending in ``.`` a line.

Warnings (printed, exit status unaffected), when morfeusz2 is importable:

* a name whose head tokens have no nominative reading in Morfeusz, or whose
  tokens Morfeusz lemmatises to a different word (a likely typo or an
  inflected form slipped in);
* a country adjective that Morfeusz does not know as an adjective lemma;
* a role lemma that Morfeusz does not return as the lemma of that word.

Tokens Morfeusz does not know at all (foreign names, rare exonyms) are only
counted; ``--verbose`` lists them for manual proofreading.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable

HERE = Path(__file__).resolve().parent

SCHEMAS: dict[str, list[tuple[str, type | tuple[type, ...]]]] = {
    "countries.jsonl": [
        ("name", str),
        ("class", str),
        ("iso", (str, type(None))),
        ("aliases", list),
        ("adjectives", list),
        ("demonyms", list),
        ("capital", (str, type(None))),
    ],
    "cities.jsonl": [
        ("name", str),
        ("class", str),
        ("country", str),
        ("aliases", list),
        ("capital", bool),
    ],
    "locations.jsonl": [
        ("name", str),
        ("class", str),
        ("country", (str, type(None))),
        ("aliases", list),
    ],
    "organizations.jsonl": [
        ("name", str),
        ("class", str),
        ("abbreviations", list),
        ("aliases", list),
        ("country", (str, type(None))),
    ],
}
ROLE_KEYS_REQUIRED = ["lemma", "predicate"]
ROLE_KEYS_OPTIONAL = ["forms", "same_as", "country_role", "adjective_is_nationality", "note"]

CLASSES: dict[str, set[str]] = {
    "countries.jsonl": {"Country"},
    "cities.jsonl": {"City"},
    "locations.jsonl": {"Location", "Region", "Pipeline"},
    "organizations.jsonl": {
        "Organization",
        "InternationalOrganization",
        "GovernmentOrganization",
        "Company",
        "PoliticalParty",
        "MediaOrganization",
    },
}
PREDICATES = {"leaderOf", "ministerOf", "affiliatedWith", "memberOf"}

# Polish alphabet order, with the letters q, v, x used in loanwords.
_ORDER = {ch: i for i, ch in enumerate("aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż")}


def polish_sort_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key following the Polish alphabet (ą after a, ł after l, ...).

    Letters outside the Polish alphabet are folded to their base letter
    (é -> e, ü -> u); digits and punctuation sort before letters.
    Comparison is case-insensitive.
    """
    key: list[tuple[int, int | str]] = []
    for ch in text.lower():
        if ch in _ORDER:
            key.append((2, _ORDER[ch]))
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        if base in _ORDER:
            key.append((2, _ORDER[base]))
        elif ch.isspace():
            key.append((0, " "))
        else:
            key.append((1, ch))
    return tuple(key)


class Report:
    """Collects errors and warnings."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, msg: str) -> None:
        self.errors.append(msg)

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)


def load_jsonl(path: Path, rep: Report) -> list[dict[str, Any]]:
    """Load a JSON Lines file, recording malformed lines as errors."""
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                rep.error(f"{path.name}:{lineno}: empty line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                rep.error(f"{path.name}:{lineno}: invalid JSON: {exc}")
                continue
            if not isinstance(obj, dict):
                rep.error(f"{path.name}:{lineno}: not a JSON object")
                continue
            obj["__line"] = lineno
            rows.append(obj)
    return rows


OPTIONAL: dict[str, list[tuple[str, type]]] = {  # keys a line may add at its end
    "organizations.jsonl": [("building", bool), ("kinds", list)],
    "cities.jsonl": [("variants", list)],
    "locations.jsonl": [("variants", list)],
}


def check_schema(fname: str, rows: list[dict[str, Any]], rep: Report) -> list[dict[str, Any]]:
    """Check keys, key order, value types and classes.

    Returns the rows whose keys and value types are right, so that the
    cross-reference checks can run on them even when other rows are broken.
    """
    schema = SCHEMAS[fname]
    keys = [k for k, _ in schema]
    good: list[dict[str, Any]] = []
    for row in rows:
        where = f"{fname}:{row['__line']}"
        got = [k for k in row if k != "__line"]
        optional = [(k, t) for k, t in OPTIONAL.get(fname, []) if k in row]
        if got != keys + [k for k, _ in optional]:
            rep.error(f"{where}: keys {got} != {keys}")
            continue
        bad_type = False
        for key, typ in schema + optional:
            if not isinstance(row[key], typ):
                rep.error(f"{where}: {key!r} has type {type(row[key]).__name__}")
                bad_type = True
        if bad_type:
            continue
        good.append(row)
        for key in ("aliases", "adjectives", "demonyms", "abbreviations"):
            if key in row and isinstance(row[key], list):
                vals = row[key]
                if not all(isinstance(v, str) and v.strip() == v and v for v in vals):
                    rep.error(f"{where}: {key} must be non-empty trimmed strings")
                if len(set(vals)) != len(vals):
                    rep.error(f"{where}: duplicate values in {key}")
                if row["name"] in vals:
                    rep.error(f"{where}: {key} repeats the name {row['name']!r}")
        if row.get("class") not in CLASSES[fname]:
            rep.error(f"{where}: class {row.get('class')!r} not in {sorted(CLASSES[fname])}")
        name = row.get("name")
        if isinstance(name, str) and (not name or name.strip() != name or "  " in name):
            rep.error(f"{where}: badly spaced name {name!r}")
    return good


def check_sorted(fname: str, names: list[str], rep: Report) -> None:
    """Require Polish alphabetical order by name."""
    keys = [polish_sort_key(n) for n in names]
    for i in range(1, len(keys)):
        if keys[i] < keys[i - 1]:
            rep.error(f"{fname}: not sorted: {names[i - 1]!r} before {names[i]!r}")
            return


def check_places_and_orgs(data: dict[str, list[dict[str, Any]]], rep: Report) -> None:
    """Uniqueness, cross references and capitals."""
    owner: dict[str, str] = {}
    for fname, rows in data.items():
        seen: Counter[str] = Counter(r["name"] for r in rows)
        for name, n in seen.items():
            if n > 1:
                rep.error(f"{fname}: name {name!r} occurs {n} times")
        for name in seen:
            if name in owner:
                rep.error(f"name {name!r} is in both {owner[name]} and {fname}")
            owner[name] = fname

    # Surface forms (names, aliases, abbreviations) must point to one entry.
    groups = {
        "places": ["countries.jsonl", "cities.jsonl", "locations.jsonl"],
        "organizations": ["organizations.jsonl"],
    }
    all_surfaces: dict[str, list[str]] = defaultdict(list)
    for group, files in groups.items():
        surface: dict[str, list[str]] = defaultdict(list)
        for fname in files:
            for r in data[fname]:
                forms = [r["name"], *r["aliases"], *r.get("abbreviations", [])]
                for f in forms:
                    surface[f].append(f"{fname}:{r['name']}")
                    all_surfaces[f].append(f"{fname}:{r['name']}")
        for form, who in surface.items():
            if len(set(who)) > 1:
                rep.error(f"{group}: surface form {form!r} used by {sorted(set(who))}")
    for form, who in all_surfaces.items():
        files = {w.split(":", 1)[0] for w in who}
        if "organizations.jsonl" in files and len(files) > 1:
            rep.error(f"surface form {form!r} is both a place and an organization: {sorted(set(who))}")

    countries = {r["name"]: r for r in data["countries.jsonl"]}
    cities = {r["name"]: r for r in data["cities.jsonl"]}
    for fname in ("cities.jsonl", "locations.jsonl", "organizations.jsonl"):
        for r in data[fname]:
            c = r.get("country")
            if c is not None and c not in countries:
                rep.error(f"{fname}: {r['name']!r} has unknown country {c!r}")

    isos: Counter[str] = Counter()
    capitals: set[str] = set()
    for name, r in countries.items():
        if r["iso"] is not None:  # None: a state no ISO 3166 code names (Somaliland)
            if not re.fullmatch(r"[A-Z]{2}", r["iso"]):
                rep.error(f"countries.jsonl: {name!r} has bad iso {r['iso']!r}")
            isos[r["iso"]] += 1
        former = r["iso"] is None and r["capital"] is None  # a state gone: "Związek Radziecki", "Jugosławia"
        adjs = r["adjectives"]
        if not adjs and not former:
            rep.error(f"countries.jsonl: {name!r} has no adjective")
        for a in adjs:
            if a != a.lower() or " " in a:
                rep.error(f"countries.jsonl: {name!r}: adjective {a!r} must be one lowercase word")
        for d in r["demonyms"]:
            if not d[:1].isupper() or " " in d:
                rep.error(f"countries.jsonl: {name!r}: demonym {d!r} must be one capitalised word")
        cap = r["capital"]
        capitals.add(cap)
        if cap == name or former:
            continue  # city-state / homonymous capital: the country entry stands for both
        city = cities.get(cap)
        if city is None:
            rep.error(f"countries.jsonl: capital {cap!r} of {name!r} not in cities.jsonl")
        elif city["country"] != name or city["capital"] is not True:
            rep.error(f"cities.jsonl: {cap!r} should have country {name!r} and capital true")
    for iso, n in isos.items():
        if n > 1:
            rep.error(f"countries.jsonl: iso {iso} used {n} times")
    for name, city in cities.items():
        if city["capital"] and name not in capitals:
            rep.error(f"cities.jsonl: {name!r} marked capital but no country names it")

    adj_owner: dict[str, list[str]] = defaultdict(list)
    for name, r in countries.items():
        for a in r["adjectives"]:
            adj_owner[a].append(name)
    for a, who in adj_owner.items():
        if len(who) > 1:
            rep.warn(f"adjective {a!r} shared by {who}")
    demonym_owner = Counter(d for r in countries.values() for d in r["demonyms"])
    for d, n in demonym_owner.items():
        if n > 1:
            rep.error(f"countries.jsonl: demonym {d!r} names {n} countries")


def check_against_ontology(ttl: Path, data: dict[str, list[dict[str, Any]]],
                           roles: list[dict[str, Any]], rep: Report) -> None:
    """Every class and predicate used here must be declared in the OWL file."""
    if not ttl.exists():
        rep.warn(f"{ttl} not found: classes not checked against the ontology")
        return
    declared = set(re.findall(r"^gb:(\w+)\s+a\s+owl:(?:Class|ObjectProperty)", ttl.read_text(encoding="utf-8"), re.M))
    used = {r["class"] for rows in data.values() for r in rows} | {r.get("predicate", "") for r in roles}
    for name in sorted(used - declared):
        rep.error(f"{name!r} is not declared in {ttl.name}")


def load_roles(path: Path, rep: Report) -> list[dict[str, Any]]:
    """Load and validate roles.jsonl."""
    rows = load_jsonl(path, rep)
    seen: Counter[str] = Counter()
    lemmas = {r.get("lemma") for r in rows}
    for r in rows:
        where = f"{path.name}:{r['__line']}"
        keys = [k for k in r if k != "__line"]
        if keys[:2] != ROLE_KEYS_REQUIRED or any(k not in ROLE_KEYS_OPTIONAL for k in keys[2:]):
            rep.error(f"{where}: keys {keys} not lemma, predicate[, forms][, same_as][, country_role][, adjective_is_nationality][, note]")
        if keys[2:] != [k for k in ROLE_KEYS_OPTIONAL if k in keys[2:]]:
            rep.error(f"{where}: optional keys out of order: {keys[2:]}")
        if r.get("predicate") not in PREDICATES:
            rep.error(f"{where}: predicate {r.get('predicate')!r} not in {sorted(PREDICATES)}")
        if "forms" in r and (
            not isinstance(r["forms"], list)
            or not r["forms"]
            or not all(isinstance(f, str) and f for f in r["forms"])
        ):
            rep.error(f"{where}: forms must be a non-empty list of strings")
        if "note" in r and not isinstance(r["note"], str):
            rep.error(f"{where}: note must be a string")
        if "country_role" in r and r["country_role"] is not True:
            rep.error(f"{where}: country_role must be true when given")
        if "same_as" in r and r["same_as"] not in lemmas:
            rep.error(f"{where}: same_as {r['same_as']!r} is no role's lemma")
        for f in [r.get("lemma", ""), *r.get("forms", [])]:
            seen[f] += 1
    for f, n in seen.items():
        if n > 1:
            rep.error(f"{path.name}: {f!r} appears {n} times (lemma or form)")
    check_sorted(path.name, [r.get("lemma", "") for r in rows], rep)
    return rows


def check_abbreviations(path: Path, rep: Report) -> list[str]:
    """abbreviations.txt: one abbreviation per line, each ending in a period."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for i, line in enumerate(lines, 1):
        if not line or line != line.strip() or " " in line:
            rep.error(f"{path.name}:{i}: bad line {line!r}")
        elif not line.endswith("."):
            rep.error(f"{path.name}:{i}: {line!r} does not end in a period")
    for a, n in Counter(lines).items():
        if n > 1:
            rep.error(f"{path.name}: {a!r} repeated")
    return lines


_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʻ][^\W\d_]+)?", re.UNICODE)


class MorfeuszChecker:
    """Morfeusz-based plausibility checks (warnings only)."""

    def __init__(self) -> None:
        import morfeusz2  # type: ignore[import-not-found]

        self.m = morfeusz2.Morfeusz()
        self.unknown: Counter[str] = Counter()

    def analyses(self, word: str) -> list[tuple[str, str]]:
        """(lemma without qualifiers, tag) pairs for a single word."""
        out = []
        for _s, _e, interp in self.m.analyse(word):
            out.append((interp[1].split(":")[0], interp[2]))
        return out

    @staticmethod
    def _is_nominal(tag: str) -> bool:
        return tag.split(":")[0] in {"subst", "depr", "adj", "ppas", "pact", "num"}

    def check_name(self, name: str, where: str, rep: Report) -> None:
        """Warn if the head of a name is not a nominative or lemmatises oddly.

        Tokens up to and including the first noun must allow a nominative
        reading; later tokens may be genitives ("Wybrzeże Kości Słoniowej").
        A token whose every reading has a lemma unrelated to the token is
        reported as well.
        """
        in_head = True
        for tok in _TOKEN.findall(name):
            if len(tok) == 1 or (tok.isupper() and len(tok) <= 6):
                in_head = False  # initials and abbreviations are not words
                continue
            an = self.analyses(tok)
            if not an or all(t == "ign" for _l, t in an):
                self.unknown[tok] += 1
                in_head = False
                continue
            nominal = [(lem, t) for lem, t in an if self._is_nominal(t)]
            if in_head and nominal:
                if not any(":nom" in t or ".nom" in t for _l, t in nominal):
                    lemmas = sorted({lem for lem, _t in nominal})
                    rep.warn(f"{where}: {name!r}: head token {tok!r} has no nominative reading (lemmas {lemmas})")
                if any(t.startswith(("subst", "depr")) for _l, t in nominal):
                    in_head = False
            elif in_head:
                in_head = False
            lemmas = {lem.lower() for lem, _t in an}
            if tok.lower() not in lemmas and all(":nom" not in t and ".nom" not in t for _l, t in an):
                # Inflected-only reading: fine for genitive complements, so
                # report only when the lemma is not a prefix-related word.
                if not any(tok.lower()[:2] == lem[:2] for lem in lemmas):
                    rep.warn(f"{where}: {name!r}: token {tok!r} lemmatises to {sorted(lemmas)}")

    def check_adjective(self, adj: str, where: str, rep: Report) -> None:
        """Warn if Morfeusz does not know ``adj`` as an adjective lemma."""
        an = self.analyses(adj)
        if not any(lem == adj and t.startswith("adj") for lem, t in an):
            if all(t == "ign" for _l, t in an):
                self.unknown[adj] += 1
            else:
                rep.warn(f"{where}: adjective {adj!r} is not an adjective lemma in Morfeusz: {sorted(set(an))[:4]}")

    def check_role(self, row: dict[str, Any], rep: Report) -> None:
        """Warn if a role lemma's head word is not its own Morfeusz lemma."""
        for word in [row["lemma"], *row.get("forms", [])]:
            head = word.split()[0]
            an = self.analyses(head)
            if all(t == "ign" for _l, t in an):
                self.unknown[head] += 1
                continue
            lemmas = {lem for lem, _t in an}
            if word == row["lemma"] and head not in lemmas:
                rep.warn(f"roles.jsonl: lemma {word!r}: Morfeusz lemmas are {sorted(lemmas)}")
            elif word != row["lemma"] and head not in lemmas and row["lemma"].split()[0] not in lemmas:
                rep.warn(f"roles.jsonl: form {word!r} of {row['lemma']!r}: Morfeusz lemmas are {sorted(lemmas)}")
        for word in [row["lemma"], *row.get("forms", [])][:1]:
            for tail in word.split()[1:]:
                an = self.analyses(tail)
                if all(t == "ign" for _l, t in an):
                    self.unknown[tail] += 1


def iter_names(rows: Iterable[dict[str, Any]]) -> Iterable[str]:
    """Names and aliases of rows (abbreviations are not words)."""
    for r in rows:
        yield r["name"]
        yield from r["aliases"]


def main(argv: list[str] | None = None) -> int:
    """Run all checks; return 0 when there is no hard error."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--dir", type=Path, default=HERE, help="lexicon directory")
    ap.add_argument("--verbose", action="store_true", help="list tokens unknown to Morfeusz")
    ap.add_argument("--no-morfeusz", action="store_true", help="skip Morfeusz warnings")
    args = ap.parse_args(argv)

    rep = Report()
    data: dict[str, list[dict[str, Any]]] = {}
    for fname in SCHEMAS:
        rows = load_jsonl(args.dir / fname, rep)
        good = check_schema(fname, rows, rep)
        check_sorted(fname, [str(r.get("name", "")) for r in rows], rep)
        data[fname] = good
    check_places_and_orgs(data, rep)
    roles = load_roles(args.dir / "roles.jsonl", rep)
    abbrevs = check_abbreviations(args.dir / "abbreviations.txt", rep)
    check_against_ontology(args.dir.parent / "graphbuilder.ttl", data, roles, rep)

    mc: MorfeuszChecker | None = None
    if not args.no_morfeusz:
        try:
            mc = MorfeuszChecker()
        except ImportError:
            rep.warn("morfeusz2 not importable: Morfeusz checks skipped")
    if mc is not None:
        for fname in ("countries.jsonl", "cities.jsonl", "locations.jsonl"):
            for name in iter_names(data[fname]):
                mc.check_name(name, fname, rep)
        for r in data["organizations.jsonl"]:
            if r["class"] in {"InternationalOrganization", "GovernmentOrganization", "PoliticalParty"}:
                for name in iter_names([r]):
                    mc.check_name(name, "organizations.jsonl", rep)
        for r in data["countries.jsonl"]:
            for a in r["adjectives"]:
                mc.check_adjective(a, f"countries.jsonl:{r['name']}", rep)
        for r in roles:
            mc.check_role(r, rep)

    counts = {f: sum(1 for _ in (args.dir / f).open(encoding="utf-8")) for f in data}
    counts["roles.jsonl"] = len(roles)
    counts["abbreviations.txt"] = len(abbrevs)
    for f, n in counts.items():
        print(f"{f:22s} {n:5d} lines")
    for w in rep.warnings:
        print(f"WARNING: {w}")
    if mc is not None:
        print(f"tokens unknown to Morfeusz: {len(mc.unknown)} distinct"
              + ("" if args.verbose else " (--verbose lists them)"))
        if args.verbose:
            print("  " + ", ".join(sorted(mc.unknown, key=polish_sort_key)))
    for e in rep.errors:
        print(f"ERROR: {e}")
    print(f"{len(rep.errors)} errors, {len(rep.warnings)} warnings")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
