"""Whole builds under faults and awkward input.

A build killed with SIGKILL leaves the previous output as it was, and the next build
works. Two builds of the same articles write the same graph whatever the order of the
files and the hash seed. Huge files and strange text give one-line errors or are
processed. Builds that must be killed or given a hash seed run as real
`graphbuilder build` processes, as users run them.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic

from graphbuilder.articles import MAX_ARTICLE_CHARS
from graphbuilder.build import OUTPUT_FILES, build
from graphbuilder.cli import main
from graphbuilder.store import STORE_DIR

from conftest import ROOT, SEED

BUILD_TIMEOUT_S = 600
TINY = "Prezydent Francji Emmanuel Macron przyleciał do Warszawy.\n"
ARTICLES = {
    "a-seed.txt": SEED.read_text(encoding="utf-8"),
    "b-macron.txt": "Macron w Warszawie\nPrezydent Francji Emmanuel Macron przyleciał do Warszawy. "
                    "Spotkał się z premierem Donaldem Tuskiem.\n",
    "c-scholz.txt": "Scholz w Pradze\nKanclerz Niemiec Olaf Scholz odwiedził Pragę. Jak podaje Reuters, "
                    "rozmawiał z prezydentem Czech Petrem Pavlem.\n",
}
RDF_FORMATS = {"graph.ttl": ox.RdfFormat.TURTLE, "graph.trig": ox.RdfFormat.TRIG,
               "graph.nq": ox.RdfFormat.N_QUADS, "ontology.ttl": ox.RdfFormat.TURTLE}


def _environment(hash_seed: str = "0") -> dict[str, str]:
    """This tree's code, with a fixed hash seed."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": hash_seed}


def _build_command(paths: list[Path], out: Path) -> list[str]:
    return [sys.executable, "-m", "graphbuilder", "build", *map(str, paths), "--out", str(out)]


def _write_articles(folder: Path, texts: dict[str, str]) -> list[Path]:
    """Write the articles in the dict's order (which is also the folder's creation order)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def _output_files(out: Path) -> dict[str, bytes]:
    """Every file of a build folder (the store's too), but not the hidden ones a build
    keeps for itself (staging folders, a lock)."""
    return {str(path.relative_to(out)): path.read_bytes() for path in sorted(out.rglob("*"))
            if path.is_file() and not path.relative_to(out).parts[0].startswith(".")}


def _staging_folders(out: Path) -> set[Path]:
    return set(out.glob(".staging-*"))


def _assert_complete_and_loadable(out: Path, label: str) -> None:
    """Every output file parses in a strict parser and holds `label`; the store opens."""
    ask = f'ASK {{ ?s <http://www.w3.org/2000/01/rdf-schema#label> "{label}"@pl }}'
    for name, rdf_format in RDF_FORMATS.items():
        store = ox.Store()
        store.load(path=str(out / name), format=rdf_format)
        assert len(store) > 0, name
        if name != "ontology.ttl":
            assert bool(store.query(ask, use_default_graph_as_union=True)), name
    assert Literal(label, lang="pl") in set(Graph().parse(out / "graph.jsonld", format="json-ld").objects())
    assert label in {data["label"] for _, data in nx.read_graphml(out / "graph.graphml").nodes(data=True)}
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert page.rstrip().endswith("</html>") and label in page
    assert bool(ox.Store.read_only(str(out / STORE_DIR)).query(ask))


def _kill_when_present(process: subprocess.Popen, out: Path, pattern: str) -> None:
    """SIGKILL the build as soon as `pattern` appears in its output folder."""
    deadline = time.monotonic() + BUILD_TIMEOUT_S
    while not list(out.glob(pattern)):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the build ended (code {process.returncode}) before {pattern} appeared")
        time.sleep(0.002)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)


# --- SIGKILL midway -----------------------------------------------------------------------

@pytest.mark.parametrize("moment", [".staging-*", f".staging-*/{STORE_DIR}/CURRENT"],
                         ids=["staging-folder-created", "store-being-written"])
def test_reliability_sigkill_midway_keeps_previous_output_and_next_build_works(tmp_path, moment):
    out = tmp_path / "out"
    assert build(_write_articles(tmp_path / "old", {"macron.txt": TINY}), out).articles == 1
    before = _output_files(out)
    assert set(OUTPUT_FILES) <= set(before)
    # Several articles, so that writing the output takes long enough to be caught midway.
    new = _write_articles(tmp_path / "new", {f"{n}.txt": f"Wydanie {n}\n{ARTICLES['a-seed.txt']}" for n in range(6)})

    process = subprocess.Popen(_build_command(new, out), env=_environment(), cwd=tmp_path,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _kill_when_present(process, out, moment)

    assert process.returncode == -signal.SIGKILL
    stale = _staging_folders(out)
    assert stale, "a killed build leaves its staging folder behind"
    assert _output_files(out) == before
    _assert_complete_and_loadable(out, "Emmanuel Macron")

    report = build(new, out)
    assert report.articles == 6 and not report.errors
    _assert_complete_and_loadable(out, "Władimir Putin")
    assert _staging_folders(out) <= stale


# --- determinism --------------------------------------------------------------------------

def _sorted_lines(data: bytes) -> list[bytes]:
    return sorted(data.splitlines())


def test_reliability_builds_are_equal_whatever_file_order_and_hash_seed(tmp_path):
    folder = tmp_path / "in"
    runs = [("0", sorted(ARTICLES), True), ("4242", sorted(ARTICLES, reverse=True), False)]
    outs = []
    for hash_seed, order, by_folder in runs:
        shutil.rmtree(folder, ignore_errors=True)
        paths = _write_articles(folder, {name: ARTICLES[name] for name in order})
        out = tmp_path / f"out-{hash_seed}"
        result = subprocess.run(_build_command([folder] if by_folder else paths, out), env=_environment(hash_seed),
                                cwd=tmp_path, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
        assert result.returncode == 0, result.stderr
        outs.append(out)
    first, second = outs

    assert _sorted_lines((first / "graph.nq").read_bytes()) == _sorted_lines((second / "graph.nq").read_bytes())
    one, two = Graph().parse(first / "graph.ttl"), Graph().parse(second / "graph.ttl")
    assert isomorphic(one, two)
    assert _sorted_lines(one.serialize(format="nt", encoding="utf-8")) == \
        _sorted_lines(two.serialize(format="nt", encoding="utf-8"))
    assert isomorphic(Graph().parse(first / "graph.jsonld"), Graph().parse(second / "graph.jsonld"))
    graphs = [{g.identifier: g for g in Dataset().parse(out / "graph.trig", format="trig").graphs() if len(g)}
              for out in outs]
    assert graphs[0].keys() == graphs[1].keys() and len(graphs[0]) == len(ARTICLES)
    assert all(isomorphic(graphs[0][name], graphs[1][name]) for name in graphs[0])
    for name in ("graph.ttl", "graph.graphml", "graph.html"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


# --- huge and awkward input ---------------------------------------------------------------

def _invoke_build(*args: Path):
    try:
        runner = CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart anyway
        runner = CliRunner()
    return runner.invoke(main, ["build", *map(str, args)], catch_exceptions=False)


def test_reliability_huge_files_are_one_line_errors_and_the_rest_is_built(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    _write_articles(folder, {"a-good.txt": TINY})
    sentence = "Prezydent Rosji Władimir Putin przybył do Kazachstanu. "
    _write_articles(folder, {"b-long.txt": sentence * (MAX_ARTICLE_CHARS // len(sentence) + 1)})
    with (folder / "c-50mb-one-line.txt").open("wb") as file:
        for _ in range(50):
            file.write(sentence.encode("utf-8") * (2**20 // len(sentence) + 1))

    result = _invoke_build(folder, "--out", out)

    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert str(folder / "b-long.txt") in lines[0] and "too long" in lines[0]
    assert str(folder / "c-50mb-one-line.txt") in lines[1] and "too long" in lines[1]
    assert "1 articles, 2 failed" in result.stdout
    _assert_complete_and_loadable(out, "Emmanuel Macron")


AWKWARD = {
    "nul.txt": "Prezydent Francji Emmanuel Macron\x00 przyleciał do Warszawy.\x00\n",
    "newlines.txt": "Pavel w Pradze\r\nPrezydent Czech Petr Pavel przyjął gości.\rJak podaje Reuters,\n"
                    "rozmawiał z\u2028premierem Czech.\r\n",
    "control-chars.txt": "Kanclerz Niemiec Olaf Sch\x1bolz\x07 odwiedził\x0c Pragę.\x7f\n",
    "zero-width.txt": "Prezydent Rosji Wła\u200bdimir Pu\u200dtin\u00ad przybył do Ka\u200czachstanu.\ufeff "
                      "Spotkał się z Kasym-\u2060Żomartem Tokajewem w Astanie.\n",
    "combining.txt": unicodedata.normalize("NFD", "Prezydent Polski Andrzej Duda spotkał się w Łodzi "
                                                  "z premierem Węgier Viktorem Orbánem.\n"),
    "english.txt": "President Emmanuel Macron flew to Warsaw on Monday to meet Donald Tusk.\n",
    "russian.txt": "Президент России Владимир Путин прибыл в Казахстан.\n",
    "arabic-rtl.txt": "وصل الرئيس الروسي فلاديمير بوتين إلى \u202eكازاخستان\u202c اليوم.\n",
    "chinese-emoji.txt": "习近平在北京会见了普京。🇵🇱🇺🇦 😀 Putin 🚀 spotkał się z Xi.\n",
}


def test_reliability_awkward_text_is_processed_into_valid_nfc_output(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    _write_articles(folder, AWKWARD)

    result = _invoke_build(folder, "--out", out)

    assert result.exit_code == 0, result.stderr
    assert f"{len(AWKWARD)} articles" in result.stdout
    _assert_complete_and_loadable(out, "Emmanuel Macron")
    graph = Graph().parse(out / "graph.ttl")
    literals = [str(o) for o in graph.objects() if isinstance(o, Literal)]
    assert all(unicodedata.is_normalized("NFC", text) and "\x00" not in text and "\r" not in text
               for text in literals)
    labels = {str(o) for o in graph.objects(None, None) if isinstance(o, Literal) and o.language == "pl"}
    assert {"Olaf Scholz", "Petr Pavel", "Władimir Putin", "Kazachstan", "Andrzej Duda", "Łódź"} <= labels
