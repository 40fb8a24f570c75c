"""spaCy component: Polish morphology from Morfeusz 2 (SGJP dictionary).

Every token gets all its Morfeusz analyses (`token._.analyses`) and the chosen one sets
`lemma_`, `pos_`, `tag_` and `morph`. Two ways to choose (`lemma_choice`):

* `"scorer"` (default): the NKJP tagger shipped in `models/nkjp` and a small fitted scorer
  (`graphbuilder/lemma_choice.py`): lemmas right on 97.0 % of UD-PDB dev words against
  92.0 % for the heuristic (BENCHMARKS.md), for a CNN pass and the scorer, which cost about
  a third of the pipeline's throughput.
* `"heuristic"`: two cues that are cheap and reliable in news text, capitalisation (a
  capitalised word mid-sentence is a name) and the case a preceding preposition governs.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..lemma_choice import AnalysisChooser
from ..morph import Analyser, Analysis, tag_features, ud_morph, upos

PUNCT_ANALYSIS = Analysis("", "interp", ())
RARE_IN_NEWS = frozenset({"impt", "depr", "interj"})  # imperatives etc.: readings news rarely needs

for _name, _default in (("analyses", ()), ("lemmas", ())):
    if not Token.has_extension(_name):
        Token.set_extension(_name, default=_default)


def _governed_cases(token: Token) -> frozenset[str]:
    """Cases a preposition right before the token (skipping adjectives) asks for."""
    for left in reversed(token.doc[max(0, token.i - 3):token.i]):
        analyses = left._.analyses
        if not analyses:
            return frozenset()
        prep_cases = [a.features.get("case", frozenset()) for a in analyses if a.pos_class == "prep"]
        if prep_cases:
            return frozenset().union(*prep_cases)
        if not any(a.pos_class in {"adj", "num"} for a in analyses):
            return frozenset()
    return frozenset()


def _score(analysis: Analysis, token: Token, cases: frozenset[str]) -> int:
    """Higher is better; ties keep Morfeusz's order."""
    score = 0
    capitalised = token.text[:1].isupper()
    sentence_initial = token.is_sent_start or token.i == 0
    if capitalised and not sentence_initial:
        score += 2 if analysis.is_name or analysis.lemma[:1].isupper() else 0
    elif not capitalised:
        score += 1 if not analysis.lemma[:1].isupper() else 0
    if cases and cases & analysis.features.get("case", frozenset()):
        score += 2
    if analysis.pos_class in RARE_IN_NEWS or analysis.features.get("case") == {"voc"}:
        score -= 2
    return score


def choose_analysis(token: Token) -> Analysis:
    """Pick the most plausible analysis of a token in its context."""
    analyses = token._.analyses
    if not analyses:
        return PUNCT_ANALYSIS
    cases = _governed_cases(token)
    return max(analyses, key=lambda a: _score(a, token, cases))


class Morphology:
    """Adds Morfeusz analyses to every token and sets lemma, POS, tag and features."""

    def __init__(self, name: str = "gb_morphology", lemma_choice: str = "scorer") -> None:
        if lemma_choice not in {"scorer", "heuristic"}:
            raise ValueError(f"lemma_choice must be 'scorer' or 'heuristic', not {lemma_choice!r}")
        self.name = name
        self.analyser = Analyser()
        self.chooser = AnalysisChooser() if lemma_choice == "scorer" else None

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.is_space:
                token.pos_ = "SPACE"
                continue
            analyses = self.analyser.analyse(token.text)
            token._.analyses = analyses
            token._.lemmas = sorted({a.lemma.lower() for a in analyses} | {token.lower_})
        scored = self.chooser.choose(doc, self.analyser) if self.chooser else [None] * len(doc)
        for token, analysis in zip(doc, scored):
            if not token.is_space:
                self._set_chosen(token, analysis or choose_analysis(token))
        return doc

    @staticmethod
    def _set_chosen(token: Token, analysis: Analysis) -> None:
        token.lemma_ = analysis.lemma if analysis.pos_class not in {"ign", "interp"} else token.text
        token.pos_ = upos(analysis, token.text) if analysis.tag != "interp" or token.is_punct else "X"
        token.tag_ = analysis.tag
        token.set_morph(ud_morph(analysis.tag) or None)


def token_cases(token: Token) -> frozenset[str]:
    """Every case any analysis of the token allows (empty for unknown words)."""
    cases: set[str] = set()
    for analysis in token._.analyses:
        cases |= tag_features(analysis.tag).get("case", frozenset())
    return frozenset(cases)


@Language.factory("gb_morphology", assigns=["token.lemma", "token.pos", "token.tag", "token.morph"],
                  default_config={"lemma_choice": "scorer"})
def make_morphology(nlp: Language, name: str, lemma_choice: str) -> Morphology:
    """Factory registered with spaCy (also as a `spacy_factories` entry point)."""
    return Morphology(name, lemma_choice)
