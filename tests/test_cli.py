"""Tests for the command line (graphbuilder.cli) through click's CliRunner.

Builds use a one-sentence article to stay fast; the query tests use the session's
build of the seed article.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from graphbuilder import __version__
from graphbuilder.cli import main

from conftest import ROOT

TINY = "Prezydent Francji Emmanuel Macron przyleciał do Warszawy.\n"
ERROR_PREFIX = "graphbuilder: error: "
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def _runner() -> CliRunner:
    """A runner that keeps stderr apart (click < 8.2 needs mix_stderr=False for that)."""
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2: stdout and stderr are always separate
        return CliRunner()


def _invoke(*args: str):
    return _runner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


# --- help and version ---------------------------------------------------------------

@pytest.mark.parametrize("command", sorted(main.commands))
def test_cli_command_has_help(command):
    cmd = main.commands[command]
    assert cmd.help and cmd.help.strip()
    result = _invoke(command, "--help")
    assert result.exit_code == 0
    assert f" {command} [OPTIONS]" in result.stdout.splitlines()[0]
    assert cmd.help.split("\n")[0].strip()[:30] in " ".join(result.stdout.split())


def test_cli_main_help_lists_every_command():
    result = _invoke("--help")
    assert result.exit_code == 0
    for command in main.commands:
        assert command in result.stdout
    assert _invoke("-h").stdout == result.stdout


def test_cli_version():
    result = _invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout
    assert "graphbuilder" in result.stdout


def test_cli_readme_mentions_every_command():
    readme = ROOT / "README.md"
    if not readme.exists():
        pytest.skip("README.md does not exist yet")
    text = readme.read_text(encoding="utf-8")
    for command in main.commands:
        assert f"graphbuilder {command}" in text


def test_cli_python_m_graphbuilder_help():
    result = subprocess.run([sys.executable, "-m", "graphbuilder", "--help"], capture_output=True,
                            text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    for command in main.commands:
        assert command in result.stdout


# --- build --------------------------------------------------------------------------

def test_cli_build_reports_bad_files_and_builds_the_good_one(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a-good.txt").write_text(TINY, encoding="utf-8")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-image.txt").write_bytes(PNG_BYTES + b"\x00" * 64)
    result = _invoke("build", folder, "--out", out)
    assert result.exit_code == 1
    lines = _error_lines(result)
    assert len(lines) == 2, result.stderr
    assert all(line.startswith(ERROR_PREFIX) for line in lines)
    assert str(folder / "b-empty.txt") in lines[0] and "empty file" in lines[0]
    assert str(folder / "c-image.txt") in lines[1] and "decode" in lines[1]
    assert "a-good.txt" not in result.stderr
    assert "1 articles, 2 failed" in result.stdout
    ttl = out / "graph.ttl"
    assert ttl.is_file()
    assert "Emmanuel Macron" in ttl.read_text(encoding="utf-8")
    assert not list(out.glob(".staging-*"))


def test_cli_build_missing_path(tmp_path):
    missing = tmp_path / "brak-artykulu.txt"
    result = _invoke("build", missing, "--out", tmp_path / "out")
    assert result.exit_code != 0
    lines = _error_lines(result)
    assert any(line.startswith(ERROR_PREFIX) and str(missing) in line and "no such file" in line
               for line in lines), result.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_cli_build_failure_keeps_earlier_output(tmp_path):
    good, bad, out = tmp_path / "good", tmp_path / "bad", tmp_path / "out"
    good.mkdir()
    bad.mkdir()
    (good / "macron.txt").write_text(TINY, encoding="utf-8")
    (bad / "empty.txt").write_bytes(b"")
    first = _invoke("build", good, "--out", out)
    assert first.exit_code == 0, first.stderr
    before = {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}
    assert "graph.ttl" in before and b"Emmanuel Macron" in before["graph.ttl"]

    second = _invoke("build", bad, "--out", out)
    assert second.exit_code == 1
    lines = _error_lines(second)
    assert lines[0] == f"{ERROR_PREFIX}{bad / 'empty.txt'}: empty file"
    assert all(line.startswith(ERROR_PREFIX) for line in lines)
    assert "0 articles, 1 failed" in second.stdout
    assert {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()} == before
    assert not list(out.glob(".staging-*"))


# --- query (on the seed article's build) ---------------------------------------------

def test_cli_query_named_query_table(seed_build):
    out, _ = seed_build
    result = _invoke("query", "visits", "--data", out)
    assert result.exit_code == 0, result.stderr
    assert "Władimir Putin" in result.stdout and "Kazachstan" in result.stdout
    assert result.stdout.rstrip().endswith("rows")


def test_cli_query_csv(seed_build):
    out, _ = seed_build
    result = _invoke("query", "visits", "--data", out, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["visitor", "place", "confidence", "sentence"]
    assert ["Władimir Putin", "Kazachstan"] in [row[:2] for row in rows[1:]]
    assert all(len(row) == 4 for row in rows)


def test_cli_query_json(seed_build):
    out, _ = seed_build
    result = _invoke("query", "visits", "--data", out, "--format", "json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert all(list(record) == ["visitor", "place", "confidence", "sentence"] for record in records)
    assert any(r["visitor"] == "Władimir Putin" and r["place"] == "Kazachstan" for r in records)


def test_cli_query_sparql_text_and_rq_file(seed_build, tmp_path):
    out, _ = seed_build
    text = ("PREFIX gb: <https://w3id.org/graphbuilder/ontology#>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "SELECT DISTINCT ?visitor WHERE { ?p gb:visits ?x ; rdfs:label ?visitor }")
    rq = tmp_path / "visitors.rq"
    rq.write_text(text, encoding="utf-8")
    for query in (text, str(rq)):
        result = _invoke("query", query, "--data", out, "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout) == [{"visitor": "Władimir Putin"}]


def test_cli_query_ask_prints_boolean(seed_build):
    out, _ = seed_build
    result = _invoke("query", "ASK { ?p <https://w3id.org/graphbuilder/ontology#visits> ?o }", "--data", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "true\n"


def test_cli_query_entity_with_param(seed_build):
    out, _ = seed_build
    result = _invoke("query", "entity", "--param", "name=Władimir Putin", "--data", out, "--format", "json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert records and all("Putin" in r["sentence"] or "dyktator" in r["sentence"] for r in records)


def test_cli_query_entity_without_param(seed_build):
    out, _ = seed_build
    result = _invoke("query", "entity", "--data", out)
    assert result.exit_code == 2
    lines = _error_lines(result)
    assert len(lines) == 1 and lines[0].startswith(ERROR_PREFIX)
    assert "--param name=" in lines[0]
    assert result.stdout == ""


@pytest.mark.parametrize("text", ["SELECT WHERE {", "SELEKT ?s WHERE { ?s ?p ?o }", "SELECT ?s WHERE { ?s ?p }"])
def test_cli_query_malformed(seed_build, text):
    out, _ = seed_build
    result = _invoke("query", text, "--data", out)
    assert result.exit_code == 2
    lines = _error_lines(result)
    assert lines and lines[0].startswith(ERROR_PREFIX)
    assert result.stdout == ""


def test_cli_query_missing_data(tmp_path):
    result = _invoke("query", "visits", "--data", tmp_path)
    assert result.exit_code == 2
    lines = _error_lines(result)
    assert len(lines) == 1 and lines[0].startswith(ERROR_PREFIX) and str(tmp_path) in lines[0]


def test_cli_query_long_one_line_sparql(seed_build):
    out, _ = seed_build
    text = 'ASK { ?s ?p ?o . FILTER (STR(?s) != "' + "x" * 300 + '") }'
    result = _runner().invoke(main, ["query", text, "--data", str(out)])
    assert result.exit_code == 0
    assert result.stdout == "true\n"


@pytest.mark.parametrize("args, message", [
    (["html", "--min-confidence", "2"], "graphbuilder: error: html: Invalid value for '--min-confidence'"),
    (["query"], "graphbuilder: error: query: Missing argument 'QUERY'."),
    (["nosuch"], "graphbuilder: error: No such command 'nosuch'."),
])
def test_cli_usage_errors_take_one_line(args, message):
    from graphbuilder.cli import main

    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
