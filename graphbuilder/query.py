"""Named queries and their results: SPARQL over the build's store (graphbuilder.store).

A query declares its parameters with lines such as `# param: name (text): ...`,
`# param: min_confidence (number, optional): ...` or `# param: page (integer, default 1)`;
they are bound with a VALUES clause.
The store's default graph is the union of all graphs, as it is in `graphbuilder serve`.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

from .listings import listing_size
from .ontology import ontology_dir

PARAM_LINE = re.compile(r"^#\s*param:\s*(\w+)\s*(?:\(([\w ,.]*)\))?(.*)$", re.MULTILINE)
EXAMPLE = re.compile(r'e\.g\. --param \w+=(?:"([^"]*)"|(\S+))')
XSD_DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
WHERE_GROUP = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
PAGE, ENTITY_NAME = "page", "name"  # a paged query's page, and the name that picks a per-entity listing


@dataclass(frozen=True)
class Param:
    """A parameter a query declares: text (bound as a Polish literal, like labels), a
    number (bound as an xsd:decimal) or an integer; an optional one may be left unbound,
    and one with a default is bound to it unless given (or deliberately left unbound)."""

    name: str
    number: bool = False
    required: bool = True
    integer: bool = False
    default: str | None = None
    example: str | None = None


@dataclass
class Table:
    """A SELECT result as strings, ready to print."""

    columns: list[str]
    rows: list[list[str]]


def named_queries(ontology: Path | None = None) -> dict[str, Path]:
    """The shipped queries of `ontology/queries/`, by file stem."""
    return {path.stem: path for path in sorted(((ontology or ontology_dir()) / "queries").glob("*.rq"))}


def resolve_query(query: str, ontology: Path | None = None) -> str:
    """QUERY is a named query, a .rq file, or SPARQL text."""
    named = named_queries(ontology)
    if query in named:
        return named[query].read_text(encoding="utf-8")
    if query.endswith(".rq") or ("\n" not in query and _is_file(query)):
        return Path(query).read_text(encoding="utf-8")
    return query


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except OSError:  # a long one-line query is not a valid path
        return False


def declared_params(text: str) -> dict[str, Param]:
    """Parameters a query declares with `# param: NAME (number, optional)` lines; the
    bracket is optional and a parameter is text and required unless it says otherwise
    (`optional`, or `default VALUE`). An `e.g. --param NAME=VALUE` on the line is its example."""
    declared = {}
    for name, attributes, rest in PARAM_LINE.findall(text):
        words = [word.strip() for word in attributes.split(",")]
        default = next((word.split(None, 1)[1] for word in words if word.startswith("default ")), None)
        example = EXAMPLE.search(rest)
        declared[name] = Param(name, number="number" in words, integer="integer" in words,
                               required="optional" not in words and default is None, default=default,
                               example=example and (example.group(1) if example.group(1) is not None else example.group(2)))
    return declared


def query_params(text: str) -> list[str]:
    """Parameters a query needs: the declared ones that are not optional."""
    return [param.name for param in declared_params(text).values() if param.required]


def default_params(text: str) -> dict[str, str]:
    """The declared defaults, which `graphbuilder query` binds unless told otherwise."""
    return {param.name: param.default for param in declared_params(text).values() if param.default is not None}


def example_params(text: str) -> dict[str, str]:
    """Defaults, and an example for each required parameter that declares one: what the
    query page of `graphbuilder serve` shows bound."""
    params = declared_params(text).values()
    return default_params(text) | {param.name: param.example for param in params if param.required and param.example}


def param_literal(param: Param, value: str) -> ox.Literal:
    """A parameter value as the literal the query compares it with."""
    if param.integer:
        if not value.strip().isdigit():
            raise ValueError(f"parameter {param.name} needs a whole number, not {value!r}")
        return ox.Literal(str(int(value)), datatype=XSD_INTEGER)
    if not param.number:
        return ox.Literal(value, language="pl")
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise ValueError(f"parameter {param.name} needs a number, not {value!r}")
    return ox.Literal(f"{number:f}", datatype=XSD_DECIMAL)


def bind_params(text: str, params: dict[str, str] | None = None) -> str:
    """The query with each parameter bound by a VALUES clause at the start of its WHERE
    group, or after the query if it has none; a parameter the query does not declare is
    bound as text. At the start, the engine knows the value before it joins: the `entity`
    query ran 36 times faster there than with the VALUES clause after it, with the same rows.
    The clauses come in the order the query declares its parameters, which is the order
    Oxigraph starts its joins from (`entity` starts from the name, not the page number)."""
    declared = declared_params(text)
    order = list(declared)
    ordered = sorted((params or {}).items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order))
    values = "".join(f"\nVALUES ?{name} {{ {param_literal(declared.get(name, Param(name)), value)} }}"
                     for name, value in ordered)
    if not values:
        return text
    where = WHERE_GROUP.search(text)
    if where is None:
        return text + values
    return text[:where.end()] + values + text[where.end():]


def run_query(store: ox.Store, text: str, params: dict[str, str] | None = None):
    """Run a query with its parameters bound; the store's default graph is the union."""
    return store.query(bind_params(text, params))


def pages_of(store: ox.Store, name: str, params: dict[str, str]) -> tuple[int, int] | None:
    """Entries and pages of the named query `name` (of the entity its `name` parameter
    names, for a listing per entity); None when it is not paged or not built."""
    return listing_size(store, name, params.get(ENTITY_NAME))


def every_page(store: ox.Store, name: str, text: str, params: dict[str, str]) -> Table:
    """All rows of a paged named query, page after page: each page is a few index lookups,
    where the query with its page unbound makes Oxigraph join the whole listing first."""
    size = pages_of(store, name, params)
    table = to_table(run_query(store, text, params | {PAGE: "1"}))
    for page in range(2, (size[1] if size else 0) + 1):
        table.rows += to_table(run_query(store, text, params | {PAGE: str(page)})).rows
    return table


def term_text(term) -> str:
    """A term as a user reads it: IRIs bare, literals by value."""
    if term is None:
        return ""
    return term.value


def to_table(solutions: ox.QuerySolutions) -> Table:
    """Materialise SELECT solutions as strings."""
    columns = [variable.value for variable in solutions.variables]
    rows = [[term_text(solution[name]) for name in columns] for solution in solutions]
    return Table(columns, rows)


def format_table(table: Table, fmt: str) -> str:
    """CSV or JSON text of a table (the terminal table is drawn by the CLI)."""
    if fmt == "json":
        return json.dumps([dict(zip(table.columns, row)) for row in table.rows], ensure_ascii=False, indent=2)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return buffer.getvalue()
