"""Morfeusz (NKJP tagset) analyses as plain data, and helpers to read their tags.

Morfeusz returns every analysis a word form can have. Downstream stages need the chosen
one (lemma, part of speech, features) but also the alternatives: case frames ask "can
this word be genitive?", not only "was it tagged genitive?".
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import morfeusz2

CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
GENDERS = ("m1", "m2", "m3", "f", "n")
NUMBERS = ("sg", "pl")
NAME_CATEGORIES = frozenset({
    "imię", "nazwisko", "nazwa_geograficzna", "nazwa_organizacji", "nazwa_instytucji",
    "nazwa_firmy", "nazwa_obiektu", "nazwa_własna", "tytuł", "nazwa_marki", "pseudonim",
})
VERB_CLASSES = frozenset({"fin", "bedzie", "praet", "impt", "imps", "inf", "pcon", "pant", "winien", "pred"})
FINITE_CLASSES = frozenset({"fin", "bedzie", "praet", "impt", "imps", "winien", "pred"})

UPOS = {
    "subst": "NOUN", "depr": "NOUN", "ger": "NOUN", "brev": "X", "burk": "X",
    "adj": "ADJ", "adja": "ADJ", "adjp": "ADJ", "adjc": "ADJ", "pact": "ADJ", "ppas": "ADJ",
    "adv": "ADV", "num": "NUM", "numcol": "NUM", "ppron12": "PRON", "ppron3": "PRON",
    "siebie": "PRON", "prep": "ADP", "conj": "CCONJ", "comp": "SCONJ", "qub": "PART",
    "interj": "INTJ", "interp": "PUNCT", "aglt": "AUX", "xxx": "X", "ign": "X",
    **{cls: "VERB" for cls in VERB_CLASSES},
}
UD_FEATURES = {
    "case": ("Case", {"nom": "Nom", "gen": "Gen", "dat": "Dat", "acc": "Acc", "inst": "Ins", "loc": "Loc", "voc": "Voc"}),
    "number": ("Number", {"sg": "Sing", "pl": "Plur"}),
    "gender": ("Gender", {"m1": "Masc", "m2": "Masc", "m3": "Masc", "f": "Fem", "n": "Neut"}),
    "aspect": ("Aspect", {"perf": "Perf", "imperf": "Imp"}),
    "negation": ("Polarity", {"aff": "Pos", "neg": "Neg"}),
}
_VALUE_FEATURE = {
    **{c: "case" for c in CASES}, **{g: "gender" for g in GENDERS}, **{n: "number" for n in NUMBERS},
    "perf": "aspect", "imperf": "aspect", "aff": "negation", "neg": "negation",
}


class Analysis(NamedTuple):
    """One Morfeusz interpretation of a word form."""

    lemma: str  # homonym markers stripped: "prezydent:Sf" -> "prezydent"
    tag: str  # NKJP tag, e.g. "subst:sg:gen:m1"
    categories: tuple[str, ...]  # Morfeusz name categories, e.g. ("imię",)

    @property
    def pos_class(self) -> str:
        return self.tag.split(":", 1)[0]

    @property
    def features(self) -> dict[str, frozenset[str]]:
        return tag_features(self.tag)

    @property
    def is_name(self) -> bool:
        return bool(NAME_CATEGORIES.intersection(self.categories))

    @property
    def is_common(self) -> bool:
        """A common word; demonyms ("Rosjanin") are capitalised but common nouns."""
        return self.pos_class != "ign" and not self.is_name and (
            not self.lemma[:1].isupper() or "nazwa_pospolita" in self.categories)


def strip_homonym(lemma: str) -> str:
    """Morfeusz marks homonyms after a colon ("Moskwa:Sf"); the lemma is what precedes it."""
    return lemma.split(":", 1)[0] if ":" in lemma[1:] else lemma


@lru_cache(maxsize=65536)
def tag_features(tag: str) -> dict[str, frozenset[str]]:
    """Read an NKJP tag into feature sets; dotted alternatives ("gen.acc") stay sets."""
    features: dict[str, set[str]] = {}
    for field in tag.split(":")[1:]:
        values = field.split(".")
        name = _VALUE_FEATURE.get(values[0])
        if name:
            features.setdefault(name, set()).update(v for v in values if _VALUE_FEATURE.get(v) == name)
    return {name: frozenset(values) for name, values in features.items()}


def ud_morph(tag: str) -> str:
    """The Universal Dependencies feature string of an NKJP tag, for `token.morph`."""
    parts = []
    for name, values in sorted(tag_features(tag).items()):
        ud_name, mapping = UD_FEATURES.get(name, (None, {}))
        ud_values = sorted({mapping[v] for v in values if v in mapping})
        if ud_name and ud_values:
            parts.append(f"{ud_name}={','.join(ud_values)}")
    return "|".join(parts)


def upos(analysis: Analysis, text: str) -> str:
    """Universal part of speech; names are PROPN, unknown capitalised words too."""
    pos = UPOS.get(analysis.pos_class, "X")
    if pos == "NOUN" and (analysis.is_name or analysis.lemma[:1].isupper()):
        return "PROPN"
    if analysis.pos_class == "ign" and text[:1].isupper():
        return "PROPN"
    return pos


class Analyser:
    """A cached Morfeusz analyser: word form -> tuple of Analysis."""

    def __init__(self) -> None:
        self._morfeusz = morfeusz2.Morfeusz(expand_tags=False)
        self._generator = morfeusz2.Morfeusz(analyse=False, generate=True)
        self.analyse = lru_cache(maxsize=200_000)(self._analyse)
        self.generate = lru_cache(maxsize=50_000)(self._generate)

    def _analyse(self, form: str) -> tuple[Analysis, ...]:
        """Analyses of the whole form; for agglutinated forms ("zrobiłem") the first segment's.
        A form that keeps its full stop is an abbreviation (a sentence's full stop is a token
        of its own): "proc." is "procent", not "proca" and a full stop."""
        result = []
        for start, _end, (_orth, lemma, tag, quals, *_rest) in self._morfeusz.analyse(form):
            if start == 0:
                result.append(Analysis(strip_homonym(lemma), tag, tuple(quals)))
        abbreviations = [a for a in result if a.pos_class == "brev"] if len(form) > 1 and form.endswith(".") else []
        return tuple(dict.fromkeys(abbreviations or result))

    def _generate(self, lemma: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """All (form, tag, name categories) of a lemma, for inflecting names."""
        try:
            return tuple((form, tag, tuple(quals)) for form, _lemma, tag, quals, *_rest
                         in self._generator.generate(lemma))
        except RuntimeError:
            return ()
