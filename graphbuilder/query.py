"""SPARQL over the build's output with Oxigraph (pyoxigraph), and named queries.

The per-article named graphs are loaded as they are, with the ontology in a graph of its
own, and queries see the union of all graphs as their default graph: simple queries
need no GRAPH clause, and `GRAPH ?g { ... }` still reaches one article's facts.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .ontology import ontology_dir

ONTOLOGY_GRAPH = ox.NamedNode("https://w3id.org/graphbuilder/ontology")
DATA_FILES = ("graph.trig", "graph.nq", "graph.ttl")
PARAM_LINE = re.compile(r"^#\s*param:\s*(\w+)", re.MULTILINE)


@dataclass
class Table:
    """A SELECT result as strings, ready to print."""

    columns: list[str]
    rows: list[list[str]]


def data_files(paths: list[Path]) -> list[Path]:
    """Files to load: a folder stands for the first of its graph.trig/.nq/.ttl."""
    files = []
    for path in paths:
        if path.is_dir():
            found = next((path / name for name in DATA_FILES if (path / name).exists()), None)
            if found is None:
                raise FileNotFoundError(f"{path}: no graph.trig, graph.nq or graph.ttl (run `graphbuilder build`)")
            files.append(found)
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return files


def open_store(paths: list[Path], ontology: Path | None = None) -> ox.Store:
    """An in-memory store holding the data files and the ontology."""
    store = ox.Store()
    for path in data_files(paths):
        store.load(path=str(path))
    store.load(path=str((ontology or ontology_dir()) / "graphbuilder.ttl"), to_graph=ONTOLOGY_GRAPH)
    return store


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


def query_params(text: str) -> list[str]:
    """Parameters a query declares with `# param: NAME` lines."""
    return PARAM_LINE.findall(text)


def run_query(store: ox.Store, text: str, params: dict[str, str] | None = None):
    """Run a query; parameters are bound with a trailing VALUES clause as Polish literals
    (labels are @pl), which works for any query form."""
    for name, value in (params or {}).items():
        text += f"\nVALUES ?{name} {{ {ox.Literal(value, language='pl')} }}"
    return store.query(text, use_default_graph_as_union=True)


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
