"""Listings: the ordered results of the named queries, stored in pages of PAGE_SIZE rows.

A named query over a whole build (every visit, every fact, every fact of a hub) returns
megabytes and must sort all of it before its first row: at a million triples that took
0.3 to 3 s however the query was written, and Oxigraph's sort alone was most of it
(strings longer than 15 bytes are looked up again for every comparison). So `build`
runs each query of `ontology/listings/` once, sorts its rows here in Python, and stores
the order: a `gb:Listing` node per listing (per entity, when the query projects
`?about`) with its number of entries and pages, and a page node per PAGE_SIZE entries
that is an `rdf:Seq` of them (`rdf:_1`, `rdf:_2`, ...). The named query of the same name
in `ontology/queries/` reads one page by index lookups, in milliseconds at any size, or
every page in order when its `page` parameter is left unbound.

A listing query projects `?entry` (the node a row is about, an assertion) and may
project `?about` (one listing per value); its ORDER BY line is the order, which is
applied here with SPARQL's rules for the terms these queries sort on.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from pathlib import Path

import pyoxigraph as ox

from .ontology import ontology_dir

PAGE_SIZE = 100
LISTINGS_GRAPH = ox.NamedNode("https://w3id.org/graphbuilder/listings")
LISTING_BASE = "https://w3id.org/graphbuilder/listing/"
GB = "https://w3id.org/graphbuilder/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
RDF_TYPE, RDF_SEQ = ox.NamedNode(RDF + "type"), ox.NamedNode(RDF + "Seq")
LISTING, QUERY, ENTRIES, PAGE_COUNT, ABOUT_PROPERTY, IN_LISTING, PAGE_NUMBER = (
    ox.NamedNode(GB + name) for name in ("Listing", "query", "entries", "pageCount", "about", "listing", "pageNumber"))
POSITIONS = [ox.NamedNode(f"{RDF}_{position}") for position in range(1, PAGE_SIZE + 1)]
ORDER_BY = re.compile(r"^\s*ORDER BY\s+(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
ORDER_KEY = re.compile(r"(ASC|DESC)?\s*\(?\s*\?(\w+)\s*\)?", re.IGNORECASE)
NUMERIC_TYPES = {"http://www.w3.org/2001/XMLSchema#" + name for name in ("integer", "decimal", "double", "float")}
ENTRY, ABOUT = "entry", "about"

Key = tuple[str, bool]  # a variable and whether it sorts descending


def listing_queries(ontology: Path | None = None) -> dict[str, Path]:
    """The listing queries of `ontology/listings/`, by the named query they order."""
    return {path.stem: path for path in sorted(((ontology or ontology_dir()) / "listings").glob("*.rq"))}


def order_keys(text: str) -> list[Key]:
    """The variables of a query's ORDER BY line, each with its direction."""
    found = ORDER_BY.search(text)
    if found is None:
        raise ValueError("a listing query needs an ORDER BY line")
    return [(name, (direction or "").upper() == "DESC") for direction, name in ORDER_KEY.findall(found.group(1))]


def without_order(text: str) -> str:
    """The query without its ORDER BY line: the rows are sorted by `sort_rows`."""
    return ORDER_BY.sub("", text)


def term_order(term) -> tuple:
    """A sort key giving SPARQL's ORDER BY order for the terms listings sort on:
    unbound first, then blank nodes, IRIs, and literals (numbers by value, other
    literals by their text in code point order, as Oxigraph compares them)."""
    if term is None:
        return (0,)
    if isinstance(term, ox.BlankNode):
        return (1, term.value)
    if isinstance(term, ox.NamedNode):
        return (2, term.value)
    if term.datatype.value in NUMERIC_TYPES:
        try:
            return (3, 0, Decimal(term.value), "")
        except InvalidOperation:
            pass
    return (3, 1, Decimal(0), term.value)


def sort_rows(rows: list[tuple], keys: list[bool]) -> list[tuple]:
    """Rows `(about, entry, key, ...)` sorted by their keys (`keys` says which descend),
    ties broken by the entry so the order is reproducible: one stable sort per key, from
    the last key to the first."""
    rows = sorted(rows, key=lambda row: row[1].value)
    for index in reversed(range(len(keys))):
        rows.sort(key=itemgetter(index + 2), reverse=keys[index])
    return rows


def listing_rows(store: ox.Store, text: str) -> list[tuple]:
    """The rows of a listing query as `(about, entry, sort key, ...)`, in its order. The
    sort keys of equal terms are one object, so a listing of a million rows holds each
    label once."""
    keys = order_keys(text)
    abouts: dict = {None: None}
    sort_keys: dict = {None: term_order(None)}

    def key(term) -> tuple:
        return sort_keys.setdefault(term, term_order(term))
    rows = [(abouts.setdefault(s[ABOUT], s[ABOUT]), s[ENTRY], *(key(s[name]) for name, _ in keys))
            for s in store.query(without_order(text))]
    return sort_rows(rows, [descending for _, descending in keys])


def listing_node(name: str, about: ox.NamedNode | None) -> ox.NamedNode:
    """The listing's IRI: one per named query, or per entity it is about."""
    if about is None:
        return ox.NamedNode(f"{LISTING_BASE}{name}")
    digest = hashlib.sha1(about.value.encode("utf-8")).hexdigest()[:16]
    return ox.NamedNode(f"{LISTING_BASE}{name}/{digest}")


def integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD_INTEGER)


def listing_quads(name: str, about, entries: list) -> Iterator[ox.Quad]:
    """The listing node and its pages, each page an rdf:Seq of up to PAGE_SIZE entries,
    in the listings graph only: the default graph stays the union of the articles and
    the ontology, so that queries over it never meet a page node."""
    node = listing_node(name, about)
    pages = (len(entries) + PAGE_SIZE - 1) // PAGE_SIZE
    yield ox.Quad(node, RDF_TYPE, LISTING, LISTINGS_GRAPH)
    yield ox.Quad(node, QUERY, ox.Literal(name), LISTINGS_GRAPH)
    yield ox.Quad(node, ENTRIES, integer(len(entries)), LISTINGS_GRAPH)
    yield ox.Quad(node, PAGE_COUNT, integer(pages), LISTINGS_GRAPH)
    if about is not None:
        yield ox.Quad(node, ABOUT_PROPERTY, about, LISTINGS_GRAPH)
    for number in range(1, pages + 1):
        page = ox.NamedNode(f"{node.value}/page/{number}")
        yield ox.Quad(page, RDF_TYPE, RDF_SEQ, LISTINGS_GRAPH)
        yield ox.Quad(page, IN_LISTING, node, LISTINGS_GRAPH)
        yield ox.Quad(page, PAGE_NUMBER, integer(number), LISTINGS_GRAPH)
        first = (number - 1) * PAGE_SIZE
        for position, entry in zip(POSITIONS, entries[first:first + PAGE_SIZE]):
            yield ox.Quad(page, position, entry, LISTINGS_GRAPH)


def grouped_entries(rows: list[tuple]) -> dict:
    """Entries by the value of ?about (None for a listing of the whole build), in order."""
    groups: dict = {}
    for about, entry, *_keys in rows:
        groups.setdefault(about, []).append(entry)
    return groups


def add_listings(store: ox.Store, ontology: Path | None = None) -> int:
    """Run every listing query on the store and store its pages; returns the number of
    entries listed. Run after the data is loaded, and before nothing else is added."""
    listed = 0
    for name, path in listing_queries(ontology).items():
        groups = grouped_entries(listing_rows(store, path.read_text(encoding="utf-8")))
        store.bulk_extend(quad for about, entries in groups.items() for quad in listing_quads(name, about, entries))
        listed += sum(len(entries) for entries in groups.values())
    store.flush()
    return listed


SIZE_QUERY = f"""PREFIX gb: <{GB}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?entries ?pages WHERE {{
  GRAPH <{LISTINGS_GRAPH.value}> {{ ?listing gb:query ?query ; gb:entries ?entries ; gb:pageCount ?pages }}
}}"""
ENTITY_PATTERN = "?e rdfs:label ?name . GRAPH <%s> { ?listing gb:about ?e }" % LISTINGS_GRAPH.value


def listing_size(store: ox.Store, name: str, entity: str | None = None) -> tuple[int, int] | None:
    """How many entries and pages the named query `name` has, for the entity labelled
    `entity` when its listing is one per entity (entities sharing the label add up; their
    pages run side by side); None when the store has no such listing."""
    start = f'VALUES ?query {{ "{name}" }}'
    if entity is not None:  # from the name first: Oxigraph starts its joins from the first VALUES
        start = f"VALUES ?name {{ {ox.Literal(entity, language='pl')} }} {ENTITY_PATTERN} {start}"
    rows = list(store.query(SIZE_QUERY.replace("WHERE {", "WHERE {\n  " + start, 1)))
    if not rows:
        return None
    return sum(int(row["entries"].value) for row in rows), max(int(row["pages"].value) for row in rows)
