"""spaCy component: relations between entities from the case-frame rules in `ontology/relations/`.

For each trigger word of a rule, each argument is looked for where the rule's frame says
(see `graphbuilder.rules`), checked for case, agreement and class, and the fact is kept
only if the ontology's domain and range allow it. Facts go to `doc._.facts` as plain
`Fact` objects whose arguments are entity keys `(class, canonical name)`.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..morph import FINITE_CLASSES
from ..ontology import load_lexicon, load_ontology, ontology_dir
from ..rules import Frame, Rule, load_rules
from ..types import ARTICLE, Fact
from .morphology import token_cases

CLAUSE_BREAKS = frozenset({"że", "który", "która", "które", "którzy", "gdy", "kiedy", "jeśli", "ponieważ", ";", ":", "–"})
COORDINATORS = frozenset({"i", "oraz", ","})
NEGATION = "nie"
REFLEXIVE = frozenset({"się", "sobie"})
WINDOW = 4  # words a complement may stand from its trigger or preposition
UNSURE = 0.9  # confidence factor when a case could not be checked (unknown word)
CARRIED = 0.85  # confidence factor for a subject carried over from the previous sentence

for _name in ("facts",):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=[])


@dataclass(frozen=True)
class Argument:
    """A found argument: an entity key (or ARTICLE) and how sure we are of it."""

    key: tuple[str, str] | str
    certainty: float = 1.0
    end: int = -1  # token index after the argument, to look for coordinated ones


def _is_finite_verb(token: Token) -> bool:
    return token.tag_.split(":", 1)[0] in FINITE_CLASSES


def _is_clause_break(token: Token) -> bool:
    return token.lower_ in CLAUSE_BREAKS or token.is_sent_start


def _cases_ok(token: Token, cases: frozenset[str]) -> float:
    """1.0 if the word can be in one of the cases, UNSURE if unknown, 0 if it cannot."""
    if not cases:
        return 1.0
    allowed = token_cases(token)
    if not allowed:
        return UNSURE
    return 1.0 if allowed & cases else 0.0


def _agrees_with_verb(token: Token, verb: Token) -> bool:
    """Subject-verb agreement in number and (past tense) gender, where both are known."""
    verb_features = [a.features for a in verb._.analyses if a.lemma == verb.lemma_]
    noun_features = [a.features for a in token._.analyses if "nom" in a.features.get("case", ())]
    if not verb_features or not noun_features:
        return True
    return any(
        all(v.get(name, frozenset()) & n.get(name, frozenset()) or name not in v or name not in n
            for name in ("number", "gender"))
        for v in verb_features for n in noun_features
    )


class RelationExtractor:
    """Applies the relation rules to a document whose entities are set."""

    def __init__(self, nlp: Language, name: str = "gb_relations", ontology: str | None = None) -> None:
        self.name = name
        directory = Path(ontology) if ontology else ontology_dir()
        self.lexicon = load_lexicon(directory)
        self.ontology = load_ontology(directory)
        self.rules = load_rules(directory, self.lexicon, self.ontology)
        self.capital_country = {e.name: e.country for e in self.lexicon.entries if e.country}
        self.by_trigger: dict[str, list[Rule]] = {}
        for rule in self.rules:
            for trigger in rule.triggers:
                self.by_trigger.setdefault(trigger.split()[0], []).append(rule)

    def __call__(self, doc: Doc) -> Doc:
        facts: dict[tuple, Fact] = {}
        sentence_of = {}
        for index, sent in enumerate(doc.sents):
            for token in sent:
                sentence_of[token.i] = index
        for token in doc:
            for rule in self.by_trigger.get(token.lemma_.lower(), ()):
                if self._trigger_matches(token, rule):
                    for fact in self.apply(rule, token, sentence_of[token.i]):
                        key = (fact.subject, fact.predicate, fact.object, fact.sentence)
                        if key not in facts or facts[key].confidence < fact.confidence:
                            facts[key] = fact
        doc._.facts = list(facts.values())
        return doc

    @staticmethod
    def _trigger_matches(token: Token, rule: Rule) -> bool:
        """Multi-word triggers ("sekretarz generalny") must match the following words too."""
        for trigger in rule.triggers:
            words = trigger.split()
            if words[0] != token.lemma_.lower():
                continue
            following = token.doc[token.i + 1: token.i + len(words)]
            if [t.lemma_.lower() for t in following] == words[1:]:
                return True
        return False

    # ------------------------------------------------------------ applying a rule

    def apply(self, rule: Rule, trigger: Token, sentence: int) -> Iterator[Fact]:
        """Facts one trigger word yields under one rule."""
        predicate = rule.predicate
        if self._is_negated(trigger):
            if not rule.negated:
                return
            predicate = rule.negated
        subjects = list(self.find(rule.subject, trigger, None))
        if not subjects:
            return
        for subject in subjects:
            for obj in self.find(rule.object, trigger, subject):
                if self._allowed(predicate, subject.key, obj.key):
                    confidence = round(rule.confidence * subject.certainty * obj.certainty, 3)
                    yield Fact(subject.key, predicate, obj.key, sentence, confidence, rule.id)

    def _allowed(self, predicate: str, subject: tuple[str, str] | str, obj: tuple[str, str] | str) -> bool:
        if subject == obj or obj == ARTICLE:
            return False
        subject_class = "Article" if subject == ARTICLE else subject[0]
        return self.ontology.allows(predicate, subject_class, obj[0])

    @staticmethod
    def _is_negated(trigger: Token) -> bool:
        for token in reversed(trigger.doc[max(0, trigger.i - 2):trigger.i]):
            if token.lower_ == NEGATION:
                return True
            if token.lower_ not in REFLEXIVE:
                return False
        return False

    def find(self, frame: Frame, trigger: Token, subject: Argument | None) -> Iterator[Argument]:
        """Arguments of a frame around a trigger; coordinated arguments ("X i Y") too."""
        finder = {
            "left": self._left, "right": self._right, "any": self._any,
            "after_trigger": self._after_trigger, "adjective": self._adjective,
            "apposition": self._apposition, "before_comma": self._before_comma,
            "article": lambda f, t, s: Argument(ARTICLE),
        }[frame.position]
        found = finder(frame, trigger, subject)
        if found is None:
            return
        yield found
        if frame.position in {"right", "any"} and found.end > 0:
            yield from self._coordinated(frame, trigger.doc, found)

    # ------------------------------------------------------------ positions

    def _entity(self, span: Span, frame: Frame, certainty: float = 1.0) -> Argument | None:
        """The span as an argument if its class fits the frame."""
        if frame.classes and span.label_ not in frame.classes \
                and self.ontology.top_class.get(span.label_) not in frame.classes:
            return None
        return Argument((self.ontology.top_class[span.label_], span.kb_id_), certainty, span.end)

    def _left(self, frame: Frame, trigger: Token, subject: Argument | None) -> Argument | None:
        doc = trigger.doc
        for i in range(trigger.i - 1, trigger.sent.start - 1, -1):
            token = doc[i]
            if _is_clause_break(doc[i + 1]) and i + 1 != trigger.i:
                break
            if i != trigger.i - 1 and _is_finite_verb(token):
                break
            span = self._span_ending_at(doc, i)
            if span is None or self._in_prepositional_phrase(span):
                continue
            found = self._checked(span, frame, trigger)
            if found:
                return found
        return self._carried(frame, trigger) if frame.carry else None

    def _checked(self, span: Span, frame: Frame, trigger: Token) -> Argument | None:
        """Case, agreement and class checks of a candidate argument."""
        certainty = max(_cases_ok(token, frame.case) for token in span)
        if not certainty or (frame.agree and not any(_agrees_with_verb(t, trigger) for t in span)):
            return None
        return self._entity(span, frame, certainty)

    def _carried(self, frame: Frame, trigger: Token) -> Argument | None:
        """A dropped subject: the first fitting nominative entity of the previous sentence."""
        sent = trigger.sent
        if sent.start == 0 or any("nom" in token_cases(t) and t.pos_ in {"NOUN", "PROPN"}
                                  for t in trigger.doc[sent.start:trigger.i]):
            return None
        previous = trigger.doc[sent.start - 1].sent
        for span in previous.ents:
            found = None if self._in_prepositional_phrase(span) else self._checked(span, frame, trigger)
            if found:
                return Argument(found.key, found.certainty * CARRIED)
        return None

    def _right(self, frame: Frame, trigger: Token, subject: Argument | None) -> Argument | None:
        doc = trigger.doc
        i = trigger.i + 1
        if frame.via:
            i = self._skip_to_via(doc, i, frame.via)
            if i < 0:
                return None
        end = self._clause_end(doc, i)
        while i < end:
            if frame.prep:
                i = self._next_preposition(doc, i, end, frame)
                if i < 0:
                    return None
                for span in self._entities_after(doc, i + 1, end):
                    if found := self._entity(span, frame, _cases_ok(span[0], frame.case) or UNSURE):
                        return found
                return None
            span = self._span_starting_at(doc, i)
            if span is not None and not self._in_prepositional_phrase(span):
                if found := self._checked(span, frame, trigger):
                    return found
            i = span.end if span is not None else i + 1
        return None

    def _any(self, frame: Frame, trigger: Token, subject: Argument | None) -> Argument | None:
        return self._right(frame, trigger, subject) or self._left(frame, trigger, subject)

    def _after_trigger(self, frame: Frame, trigger: Token, subject: Argument | None) -> Argument | None:
        """A complement within a few lower-case words after the trigger."""
        doc = trigger.doc
        for i in range(trigger.i + 1, min(len(doc), trigger.i + 1 + WINDOW)):
            token = doc[i]
            if frame.anaphors and token.lemma_.lower() in frame.anaphors:
                return self._anaphor(trigger, subject)
            span = self._span_starting_at(doc, i)
            if span is not None:
                return self._checked(span, frame, trigger)
            if not token.is_lower or token.is_punct or _is_finite_verb(token):
                return None
        return None

    def _anaphor(self, trigger: Token, subject: Argument | None) -> Argument | None:
        """ "kraj", "państwo": the subject city's country, else the last country named."""
        if subject is not None and subject.key != ARTICLE:
            country = self.capital_country.get(subject.key[1])
            if country and any(e.kb_id_ == country for e in trigger.doc.ents):
                return Argument(("Country", country), UNSURE)
        countries = [e for e in trigger.doc.ents if e.end <= trigger.i and self.ontology.top_class.get(e.label_) == "Country"]
        return Argument(("Country", countries[-1].kb_id_), UNSURE * UNSURE) if countries else None

    def _adjective(self, frame: Frame, trigger: Token, subject: Argument | None) -> Argument | None:
        """A nationality adjective before the trigger, possibly with one adjective between."""
        doc = trigger.doc
        for i in range(trigger.i - 1, max(-1, trigger.i - 3), -1):
            if doc[i]._.country:
                return Argument(("Country", doc[i]._.country))
            if doc[i].pos_ != "ADJ":
                return None
        return None

    def _apposition(self, frame: Frame, trigger: Token, subject: Argument | None) -> Argument | None:
        """The person a role noun describes: right after its complement, or right before ", role"."""
        doc = trigger.doc
        for i in range(trigger.i + 1, min(len(doc), trigger.i + 2 + 2 * WINDOW)):
            span = self._span_starting_at(doc, i)
            if span is not None and self.ontology.top_class.get(span.label_) == "Person":
                return self._entity(span, frame)
            token = doc[i]
            if _is_finite_verb(token) or _is_clause_break(token) or (token.is_punct and token.text != ","):
                break
        if trigger.i >= 2 and doc[trigger.i - 1].text == ",":
            span = self._span_ending_at(doc, trigger.i - 2)
            if span is not None and self.ontology.top_class.get(span.label_) == "Person":
                return self._entity(span, frame)
        return None

    def _before_comma(self, frame: Frame, trigger: Token, subject: Argument | None) -> Argument | None:
        doc = trigger.doc
        if trigger.i < 2 or doc[trigger.i - 1].text != ",":
            return None
        span = self._span_ending_at(doc, trigger.i - 2)
        return self._entity(span, frame) if span is not None else None

    def _coordinated(self, frame: Frame, doc: Doc, first: Argument) -> Iterator[Argument]:
        """Further arguments of the same class joined by "i", "oraz" or commas."""
        i = first.end
        while i < len(doc) and doc[i].lower_ in COORDINATORS:
            for j in range(i + 1, min(len(doc), i + 2 + WINDOW)):
                span = self._span_starting_at(doc, j)
                if span is not None and self.ontology.top_class.get(span.label_) == first.key[0]:
                    found = self._entity(span, frame, first.certainty)
                    if found is None:
                        return
                    yield found
                    i = span.end
                    break
                if _is_finite_verb(doc[j]) or doc[j].is_punct:
                    return
            else:
                return

    # ------------------------------------------------------------ token helpers

    @staticmethod
    def _span_ending_at(doc: Doc, i: int) -> Span | None:
        ent = doc[i].ent_iob_ and [e for e in doc.ents if e.start <= i < e.end]
        return ent[0] if ent and ent[0].end == i + 1 else None

    @staticmethod
    def _span_starting_at(doc: Doc, i: int) -> Span | None:
        if doc[i].ent_iob_ != "B":
            return None
        return next((e for e in doc.ents if e.start == i), None)

    @staticmethod
    def _in_prepositional_phrase(span: Span) -> bool:
        previous = span.doc[span.start - 1] if span.start else None
        return previous is not None and any(a.pos_class == "prep" for a in previous._.analyses) \
            and previous.pos_ == "ADP"

    @staticmethod
    def _skip_to_via(doc: Doc, i: int, via: frozenset[str]) -> int:
        for j in range(i, min(len(doc), i + WINDOW)):
            if doc[j].lemma_.lower() in via:
                return j + 1
        return -1

    @staticmethod
    def _clause_end(doc: Doc, i: int) -> int:
        end = i
        while end < len(doc) and not (end > i and (_is_clause_break(doc[end]) or _is_finite_verb(doc[end]))):
            end += 1
        return end

    @staticmethod
    def _next_preposition(doc: Doc, i: int, end: int, frame: Frame) -> int:
        for j in range(i, end):
            token = doc[j]
            preps = [a for a in token._.analyses if a.pos_class == "prep" and a.lemma.lower() in frame.prep]
            if preps and (not frame.case or any(frame.case & a.features.get("case", frozenset()) for a in preps)):
                return j
        return -1

    @staticmethod
    def _entities_after(doc: Doc, i: int, end: int) -> Iterator[Span]:
        """Entities after a preposition, past lower-case words and genitive names
        ("do bloku gospodarczego BRICS", "z ministrem spraw zagranicznych Rosji Siergiejem Ławrowem")."""
        j = i
        while j < min(end, i + 2 * WINDOW):
            if doc[j].ent_iob_ == "B":
                span = next(e for e in doc.ents if e.start == j)
                yield span
                j = span.end
                continue
            if not doc[j].is_lower or doc[j].pos_ == "ADP":
                return
            j += 1


@Language.factory("gb_relations", default_config={"ontology": None},
                  assigns=["doc._.facts"], requires=["doc.ents"])
def make_relations(nlp: Language, name: str, ontology: str | None) -> RelationExtractor:
    """Factory registered with spaCy (also as a `spacy_factories` entry point)."""
    return RelationExtractor(nlp, name, ontology)
