"""Install a trained checkpoint as ``graphbuilder/models/nkjp`` with metadata, slimmed.

``spacy train`` stores every string it has seen (about 3 MB of Polish word forms) in
``vocab/strings.json``. The pipeline does not need them: the tok2vec hashes its features
and the tagger and NER keep their own labels. This script writes the checkpoint with a
string store that holds only the labels, fills in ``meta.json`` (name, licence, sources,
benchmark pointer) and checks that the slimmed copy predicts exactly what the original does
on a sample of NKJP dev documents; if not, it keeps the full string store.

Run::

    .venv/bin/python -m training.package_model /tmp/nkjp-model/model-best graphbuilder/models/nkjp
"""

from __future__ import annotations

import argparse
import shutil
from itertools import islice
from pathlib import Path
from typing import Sequence

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc

from training.convert_nkjp import iter_split, nkjp_doc

META = {
    "name": "graphbuilder_nkjp",
    "version": "0.1.0",
    "description": (
        "Polish CNN pipeline for graphbuilder: tok2vec (hashed NORM, PREFIX, SUFFIX, SHAPE "
        "and Morfeusz 2 readings, classes, name categories and lemmas of the form) + tagger (reduced "
        "NKJP tags class:number:case:gender) + NER (persName, orgName, placeName, geogName). "
        "Trained on the NKJP 1M subcorpus (entities; tags only where Morfeusz 2 makes them "
        "certain) and UD Polish-LFG dev/test + PUD (tags). See training/README.md."
    ),
    "license": "GPL-3.0 (NKJP: GPL v3 / CC BY; UD-LFG: GPL-3.0; UD-PUD: CC BY-SA 4.0)",
    "sources": [
        {"name": "NKJP 1M subcorpus, nested-simplified NER IOB (CLARIN-PL/PolDeepNer)",
         "license": "GPL v3 / CC BY (as stated by the source, not verified)"},
        {"name": "UD Polish-LFG (dev, test)", "license": "GPL-3.0"},
        {"name": "UD Polish-PUD (test)", "license": "CC BY-SA 4.0"},
    ],
}


def label_strings(nlp: Language) -> list[str]:
    """The strings the pipeline's components need: tag and entity labels."""
    strings: set[str] = set()
    for name in nlp.pipe_names:
        labels = getattr(nlp.get_pipe(name), "labels", ())
        strings.update(str(label) for label in labels)
    strings.update(f"{m}-{label}" for m in "BILU" for label in nlp.get_pipe("ner").labels)
    return sorted(strings)


def predictions(nlp: Language, docs: Sequence[Doc]) -> list[tuple]:
    """Tags and entities predicted on fresh copies of ``docs``."""
    fresh = (Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
             for d in docs)
    return [
        (tuple(t.tag_ for t in d), tuple((e.start, e.end, e.label_) for e in d.ents))
        for d in nlp.pipe(fresh)
    ]


def package(source: Path, target: Path, n_check: int = 60) -> None:
    """Copy ``source`` to ``target`` with metadata and a label-only string store."""
    nlp = spacy.load(source)
    nlp.meta.update(META)
    sample_vocab = spacy.blank("pl").vocab
    sample = [nkjp_doc(sample_vocab, d, with_tags=False) for d in islice(iter_split("dev"), n_check)]
    expected = predictions(nlp, sample)

    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    full_strings = srsly.read_json(target / "vocab" / "strings.json")
    srsly.write_json(target / "vocab" / "strings.json", label_strings(nlp))

    if predictions(spacy.load(target), sample) != expected:
        print("slimmed string store changes predictions; keeping the full one")
        srsly.write_json(target / "vocab" / "strings.json", full_strings)
    else:
        print(f"string store slimmed from {len(full_strings)} to {len(label_strings(nlp))} "
              f"strings; predictions identical on {len(sample)} NKJP dev docs")


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments and package."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    args = parser.parse_args(argv)
    package(args.source, args.target)


if __name__ == "__main__":
    main()
