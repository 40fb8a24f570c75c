"""Convert NKJP (named entities) and UD Polish (tags) into spaCy DocBin files.

Inputs (kept in /work/shared/data, never copied into the repository):

* ``ner/nkjp-nested-simplified-v2.iob.gz``: NKJP 1M subcorpus, one token a line
  (``orth  lemma  ctag  IOB``), blank line between sentences, ``-DOCSTART FILE`` between
  documents. Its IOB column gives the named entities. Its ``ctag`` column is *not* the
  disambiguated tag: for ambiguous forms it is one of the analyser's readings, seemingly
  at random (``w`` is ``brev:pun`` 18k times, nouns are vocative 11 % of the time). The
  tag is therefore only kept where Morfeusz 2 leaves a single reduced reading that agrees
  with it, and left missing elsewhere.
* UD Polish LFG (dev + test) and PUD (test) CoNLL-U files: manual NKJP-style XPOS tags,
  which give the tagger its only supervision on ambiguous forms.
* Optionally (``--kpwr``) KPWr named entities, mapped onto the NKJP labels
  (:data:`KPWR_TYPES`); an experiment that did not help (training/README.md), not used by
  ``train.sh``.

Outputs (``--out``, default ``/tmp/nkjp-data``): ``train.spacy`` and ``dev.spacy``.
NKJP documents are split by their index in the file (:func:`split_of`): index % 10 == 0 is
test (never written here), == 1 dev, the rest train. UD sentences whose index % 10 == 0 go
to dev, the rest to train. Sentences that also occur in UD-PDB dev (the lemma benchmark)
get no tag annotation anywhere: UD ones are dropped, NKJP ones keep only their entities.

Run::

    .venv/bin/python -m training.convert_nkjp --out /tmp/nkjp-data
"""

from __future__ import annotations

import argparse
import gzip
import random
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from graphbuilder.tagset import expand_tag, reduce_tag

DATA = Path("/work/shared/data")
NKJP_PATH = DATA / "ner" / "nkjp-nested-simplified-v2.iob.gz"
#: Evaluation-only treebank (CC BY-NC-SA): its sentences are kept out of the tagger's data.
PDB_DEV_PATH = DATA / "ud" / "PDB_pl_pdb-ud-dev.conllu"
#: KPWr named entities (CC BY 3.0), one ``token label`` a line; used with ``--kpwr``.
KPWR_PATHS = (DATA / "ner" / "kpwr-ner-train.txt", DATA / "ner" / "kpwr-ner-test.txt")
UD_TRAIN_PATHS = (
    DATA / "ud" / "LFG_pl_lfg-ud-dev.conllu",
    DATA / "ud" / "LFG_pl_lfg-ud-test.conllu",
    DATA / "ud" / "PUD_pl_pud-ud-test.conllu",
)

#: NKJP entity types kept (sub-types such as ``placeName-country`` fold into their type).
ENTITY_LABELS: tuple[str, ...] = ("persName", "orgName", "placeName", "geogName")

#: KPWr type prefixes onto NKJP labels, the longest prefix wins, following how NKJP itself
#: annotates such names (ethnonyms and place adjectives "Polacy", "polski" are placeName,
#: buildings and streets geogName, newspapers and TV channels orgName, God persName). ``None``:
#: not an NKJP entity (events, titles, products); ``""``: unsure, left missing, not ``O``.
KPWR_TYPES: dict[str, str | None] = {
    "nam_liv_person": "persName", "nam_liv_god": "persName", "nam_liv_character": "persName",
    "nam_liv": "", "nam_adj_person": "", "nam_adj": "",
    "nam_org": "orgName", "nam_pro_media": "orgName", "nam_pro_media_web": "",
    "nam_org_nation": "placeName", "nam_liv_habitant": "placeName", "nam_loc_gpe": "placeName",
    "nam_loc_country_region": "placeName", "nam_loc_historical_region": "placeName",
    "nam_adj_country": "placeName", "nam_adj_city": "placeName",
    "nam_loc": "geogName", "nam_fac": "geogName", "nam_fac_system": "",
    "nam_pro": None, "nam_pro_brand": "", "nam_eve": None, "nam_num": None, "nam_oth": None,
}

NO_SPACE_BEFORE: frozenset[str] = frozenset(".,:;!?)]}”…%")
NO_SPACE_AFTER: frozenset[str] = frozenset("([{„")


@dataclass(frozen=True)
class NkjpToken:
    """One line of the NKJP IOB file."""

    orth: str
    lemma: str
    ctag: str
    iob: str


@dataclass
class NkjpDocument:
    """One ``-DOCSTART FILE`` block: its name and its sentences."""

    name: str
    sentences: list[list[NkjpToken]] = field(default_factory=list)

    @property
    def tokens(self) -> list[NkjpToken]:
        """All tokens of the document, in order."""
        return [t for s in self.sentences for t in s]


# --------------------------------------------------------------------------- reading


def read_nkjp_documents(path: Path = NKJP_PATH) -> Iterator[NkjpDocument]:
    """Yield the documents of the NKJP IOB file in file order."""
    document: NkjpDocument | None = None
    sentence: list[NkjpToken] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART"):
                if document is not None:
                    _close_sentence(document, sentence)
                    yield document
                sentence = []
                document = NkjpDocument(line.split()[-1]) if " FILE " in line else None
            elif not line.strip():
                if document is not None:
                    _close_sentence(document, sentence)
                sentence = []
            else:
                orth, lemma, ctag, iob = line.split("\t")
                sentence.append(NkjpToken(orth, lemma, ctag, iob))
    if document is not None:
        _close_sentence(document, sentence)
        yield document


def _close_sentence(document: NkjpDocument, sentence: list[NkjpToken]) -> None:
    """Append a finished sentence to its document when it is not empty."""
    if sentence:
        document.sentences.append(list(sentence))
        sentence.clear()


def split_of(index: int) -> str:
    """The split of the NKJP document at ``index``: ``test``, ``dev`` or ``train``."""
    return {0: "test", 1: "dev"}.get(index % 10, "train")


def iter_split(split: str, path: Path = NKJP_PATH) -> Iterator[NkjpDocument]:
    """Yield the NKJP documents that belong to ``split`` (see :func:`split_of`)."""
    for index, document in enumerate(read_nkjp_documents(path)):
        if split_of(index) == split:
            yield document


# --------------------------------------------------------------------------- entities


def map_label(iob: str) -> tuple[str, str | None]:
    """Map a raw NKJP IOB label to ``(prefix, type)`` on the outer layer.

    ``B-persName#B-persName-forename`` → ``("B", "persName")``; dates, times and ``O``
    give ``("O", None)``.
    """
    outer = iob.split("#", 1)[0]
    if outer == "O" or "-" not in outer:
        return "O", None
    prefix, name = outer.split("-", 1)
    base = name.split("-", 1)[0]
    return (prefix, base) if base in ENTITY_LABELS else ("O", None)


def bio_spans(iobs: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, label)`` from raw IOB labels; a stray ``I-`` opens one."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, None
    for i, iob in enumerate(list(iobs) + ["O"]):
        prefix, name = map_label(iob)
        if label is not None and (prefix != "I" or name != label):
            spans.append((start, i, label))
            label = None
        if name is not None and label is None:
            start, label = i, name
    return spans


def kpwr_label(kpwr_type: str) -> str | None:
    """The NKJP label of a KPWr type by its longest listed prefix (see :data:`KPWR_TYPES`)."""
    parts = kpwr_type.split("_")
    for n in range(len(parts), 0, -1):
        prefix = "_".join(parts[:n])
        if prefix in KPWR_TYPES:
            return KPWR_TYPES[prefix]
    return ""


def read_kpwr(path: Path, per_doc: int = 20) -> Iterator[NkjpDocument]:
    """KPWr sentences as documents of ``per_doc`` sentences, types already mapped to NKJP
    labels in the IOB column (``B-orgName``; ``B-?`` marks an unsure span)."""
    documents = [NkjpDocument(f"kpwr:{path.name}:0")]
    sentence: list[NkjpToken] = []
    with path.open(encoding="utf-8") as lines:
        for line in list(lines) + [""]:
            orth, _, iob = line.strip().rpartition(" ")
            if orth:
                label = kpwr_label(iob[2:]) if iob[:2] in ("B-", "I-") else None
                sentence.append(NkjpToken(orth, "", "", "O" if label is None else f"{iob[:2]}{label or '?'}"))
                continue
            _close_sentence(documents[-1], sentence)
            if len(documents[-1].sentences) == per_doc:
                documents.append(NkjpDocument(f"kpwr:{path.name}:{len(documents)}"))
    yield from (d for d in documents if d.sentences)


def unsure_spans(iobs: Sequence[str]) -> list[tuple[int, int]]:
    """The ``(start, end)`` of the spans labelled ``B-?`` / ``I-?`` by :func:`read_kpwr`."""
    spans: list[tuple[int, int]] = []
    for i, iob in enumerate(iobs):
        if iob == "I-?" and spans and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1)
        elif iob.endswith("-?"):
            spans.append((i, i + 1))
    return spans


# --------------------------------------------------------------------------- text


def guess_spaces(tokens: Sequence[NkjpToken]) -> list[bool]:
    """Whether a space follows each token; the file has no whitespace, so this is a guess.

    No space before closing punctuation and agglutinates (``zrobił|em``), none after
    opening brackets and quotes.
    """
    spaces: list[bool] = []
    for token, following in zip(tokens, list(tokens[1:]) + [None]):
        if following is None:
            spaces.append(False)
        elif token.orth in NO_SPACE_AFTER:
            spaces.append(False)
        elif following.orth in NO_SPACE_BEFORE or following.ctag.startswith("aglt"):
            spaces.append(False)
        else:
            spaces.append(True)
    return spaces


# --------------------------------------------------------------------------- tags


@lru_cache(maxsize=None)
def _morfeusz():  # type: ignore[no-untyped-def]
    """One shared Morfeusz 2 analyser with compact (dotted) tags."""
    import morfeusz2

    return morfeusz2.Morfeusz(expand_tags=False)


@lru_cache(maxsize=500_000)
def morfeusz_readings(word: str) -> frozenset[str]:
    """All reduced tags Morfeusz 2 allows for ``word`` as a single segment."""
    analyses = _morfeusz().analyse(word)
    last = max((end for _, end, _ in analyses), default=1)
    readings = {
        r.render()
        for start, end, (_, _, tag, *_rest) in analyses
        if start == 0 and end == last
        for r in expand_tag(tag)
    }
    return frozenset(readings)


def reliable_tag(token: NkjpToken) -> str:
    """The reduced NKJP tag when Morfeusz makes it certain, else ``""`` (missing)."""
    reduced = reduce_tag(token.ctag)
    readings = morfeusz_readings(token.orth)
    return reduced if readings == {reduced} else ""


# --------------------------------------------------------------------------- docs


def sentence_key(words: Iterable[str]) -> str:
    """A sentence's words joined by spaces, to find the same sentence in two corpora."""
    return " ".join(words)


def held_out_sentences(path: Path = PDB_DEV_PATH) -> frozenset[str]:
    """Keys of the UD-PDB dev sentences; ``benchmarks/lemmas_ud.py`` evaluates on them.

    Many of them are NKJP sentences and about 400 are also in UD-LFG dev, so without this
    filter the tagger would be trained on the benchmark's sentences.
    """
    if not path.exists():
        return frozenset()
    return frozenset(sentence_key(w.form for w in s) for s in read_conllu(path))


def nkjp_doc(
    vocab: Vocab,
    document: NkjpDocument,
    with_tags: bool = True,
    untagged: frozenset[str] = frozenset(),
) -> Doc:
    """A spaCy Doc on the gold NKJP tokens with entities and (reliable) tags.

    Tags stay missing for sentences whose key is in ``untagged``.
    """
    tokens = document.tokens
    sent_starts = [i == 0 for s in document.sentences for i in range(len(s))]
    doc = Doc(
        vocab,
        words=[t.orth for t in tokens],
        spaces=guess_spaces(tokens),
        sent_starts=sent_starts,
    )
    if with_tags:
        tag_mask = [
            sentence_key(t.orth for t in s) not in untagged
            for s in document.sentences
            for _ in s
        ]
        for token, source, keep in zip(doc, tokens, tag_mask):
            token.tag_ = reliable_tag(source) if keep else ""
    ents = [Span(doc, s, e, label=lab) for s, e, lab in bio_spans([t.iob for t in tokens])]
    doc.set_ents(ents, default="outside")
    doc.user_data["nkjp_file"] = document.name
    return doc


def kpwr_doc(vocab: Vocab, document: NkjpDocument) -> Doc:
    """A KPWr Doc with NKJP entities and no tags; its unsure spans are missing, not ``O``,
    so they teach the NER nothing either way."""
    doc = nkjp_doc(vocab, document, with_tags=False)
    missing = [Span(doc, s, e) for s, e in unsure_spans([t.iob for t in document.tokens])]
    doc.set_ents(list(doc.ents), missing=missing, default="unmodified")
    return doc


@dataclass(frozen=True)
class UdWord:
    """One syntactic word of a CoNLL-U sentence."""

    form: str
    lemma: str
    xpos: str
    space_after: bool
    token: str = ""  # surface form of the multi-word token holding this word, if any


def read_conllu(path: Path) -> Iterator[list[UdWord]]:
    """Yield the sentences of a CoNLL-U file as lists of syntactic words.

    Multi-word tokens (``4-5 straciłem``) are skipped in favour of their words; the space
    after the last word is taken from the multi-word token line.
    """
    sentence: list[UdWord] = []
    mwt_end, mwt_space, mwt_form = -1, True, ""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line:
                if sentence:
                    yield sentence
                sentence, mwt_end = [], -1
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0]:
                mwt_end = int(cols[0].split("-")[1])
                mwt_space = "SpaceAfter=No" not in cols[9]
                mwt_form = cols[1]
                continue
            if "." in cols[0]:
                continue
            index = int(cols[0])
            space = "SpaceAfter=No" not in cols[9]
            token = ""
            if index <= mwt_end:
                space = mwt_space if index == mwt_end else False
                token = mwt_form
            sentence.append(UdWord(cols[1], cols[2], cols[4], space, token))
    if sentence:
        yield sentence


def ud_doc(vocab: Vocab, sentence: Sequence[UdWord]) -> Doc:
    """A Doc with reduced tags and no entity annotation (NER loss ignores it)."""
    doc = Doc(vocab, words=[w.form for w in sentence], spaces=[w.space_after for w in sentence])
    for token, word in zip(doc, sentence):
        token.tag_ = reduce_tag(word.xpos)
    return doc


# --------------------------------------------------------------------------- main


def write_docbin(docs: Iterable[Doc], path: Path) -> int:
    """Serialise ``docs`` (with user data) to ``path``; return their number."""
    docbin = DocBin(store_user_data=True)
    count = 0
    for doc in docs:
        docbin.add(doc)
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return count


def describe(name: str, docs: Sequence[Doc]) -> None:
    """Print token, entity and tag counts of a set of docs."""
    tokens = sum(len(d) for d in docs)
    tagged = sum(1 for d in docs for t in d if t.tag_)
    ents = Counter(e.label_ for d in docs for e in d.ents)
    print(f"{name}: {len(docs)} docs, {tokens} tokens, {tagged} tagged, entities {dict(ents)}")


def main(argv: Sequence[str] | None = None) -> None:
    """Write ``train.spacy`` and ``dev.spacy`` under ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nkjp", type=Path, default=NKJP_PATH)
    parser.add_argument("--ud", type=Path, nargs="*", default=list(UD_TRAIN_PATHS))
    parser.add_argument("--out", type=Path, default=Path("/tmp/nkjp-data"))
    parser.add_argument("--ud-repeat", type=int, default=4, help="copies of UD train docs")
    parser.add_argument("--no-nkjp-tags", action="store_true", help="keep NKJP tags missing")
    parser.add_argument("--kpwr", type=Path, nargs="*", default=[], help="KPWr files to add (NER only)")
    parser.add_argument("--final", action="store_true",
                        help="train on the NKJP dev documents too (for the shipped model, once the settings are chosen)")
    args = parser.parse_args(argv)

    vocab = Vocab()
    held_out = held_out_sentences()
    train: list[Doc] = []
    dev: list[Doc] = []
    for index, document in enumerate(read_nkjp_documents(args.nkjp)):
        split = split_of(index)
        if split == "test":
            continue
        doc = nkjp_doc(vocab, document, with_tags=not args.no_nkjp_tags, untagged=held_out)
        (dev if split == "dev" else train).append(doc)
    describe("nkjp train", train)
    describe("nkjp dev", dev)
    kpwr = [kpwr_doc(vocab, d) for path in args.kpwr for d in read_kpwr(path)]
    describe("kpwr train", kpwr)

    ud_train: list[Doc] = []
    ud_dev: list[Doc] = []
    dropped = 0
    for path in args.ud:
        for index, sentence in enumerate(read_conllu(path)):
            if sentence_key(w.form for w in sentence) in held_out:
                dropped += 1
                continue
            (ud_dev if index % 10 == 0 else ud_train).append(ud_doc(vocab, sentence))
    print(f"ud: {dropped} sentences dropped because UD-PDB dev has them")
    describe("ud train", ud_train)
    describe("ud dev", ud_dev)

    train_all = train + kpwr + ud_train * args.ud_repeat
    random.Random(0).shuffle(train_all)
    if args.final:  # after the shuffle, as the 2026-12-03 model was trained; spacy train shuffles every epoch
        train_all += dev
    write_docbin(train_all, args.out / "train.spacy")
    write_docbin(dev + ud_dev, args.out / "dev.spacy")
    labels = Counter(t.tag_ for d in train_all for t in d if t.tag_)
    print(f"tag labels: {len(labels)}; wrote {args.out}/train.spacy, dev.spacy")


if __name__ == "__main__":
    main()
