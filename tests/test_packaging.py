"""The wheel carries what a build needs: the ontology, lexicon, rules, queries and the model.

An editable install finds `ontology/` in the checkout; an installed wheel must find its own
copy (`graphbuilder/ontology`, a link to the top-level folder that setuptools copies in).
"""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_SUFFIXES = {".ttl", ".rq", ".jsonl", ".json", ".txt"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(folder), str(ROOT)],
                   check=True, capture_output=True)
    return next(folder.glob("graphbuilder-*.whl"))


def test_wheel_holds_every_ontology_file_and_the_model(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    ontology = {f"graphbuilder/ontology/{path.relative_to(ROOT / 'ontology')}"
                for path in (ROOT / "ontology").rglob("*") if path.suffix in SHIPPED_SUFFIXES}
    assert len(ontology) > 30
    assert ontology <= names
    assert {"graphbuilder/models/nkjp/config.cfg", "graphbuilder/models/nkjp/ner/model",
            "graphbuilder/templates/graph.html"} <= names


def test_unpacked_wheel_builds_outside_the_checkout(wheel, tmp_path):
    """Run from the wheel's files, in a folder of its own, the build finds the ontology it
    ships and writes the seed article's graph."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "putin.txt").write_text((ROOT / "input" / "putin-visits-kazakhstan.txt").read_text(encoding="utf-8"), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "GRAPHBUILDER_ONTOLOGY"} | {"PYTHONPATH": str(site)}
    code = "import graphbuilder, sys; from graphbuilder.cli import main; print(graphbuilder.__file__, file=sys.stderr); main()"
    done = subprocess.run([sys.executable, "-c", code, "build", "in", "--out", "out"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == str(site / "graphbuilder" / "__init__.py")
    assert '"Władimir Putin"@pl' in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_ontology_folder_of_ones_own(monkeypatch, tmp_path):
    from graphbuilder.ontology import ontology_dir
    from graphbuilder.query import named_queries

    assert (ontology_dir() / "graphbuilder.ttl").is_file()
    (tmp_path / "queries").mkdir()
    (tmp_path / "graphbuilder.ttl").write_text("", encoding="utf-8")
    (tmp_path / "queries" / "mine.rq").write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    monkeypatch.setenv("GRAPHBUILDER_ONTOLOGY", str(tmp_path))
    assert ontology_dir() == tmp_path
    assert list(named_queries()) == ["mine"]
