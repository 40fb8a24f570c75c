"""Where the arguments of a relation rule stand: one finder per frame position.

`ArgumentFinder` holds the positions of `graphbuilder.rules` ("left", "right",
"after_trigger", "apposition" ...) and the checks every candidate passes: case (reading
the words as the entity's class allows), subject-verb agreement, class and name. The
relation component applies rules with it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..morph import CASES, FINITE_CLASSES, tag_features
from ..names import DASHES, agrees  # a dash with spaces sets off an apposition like a comma
from ..ontology import ontology_dir
from ..rules import Frame
from ..types import ARTICLE
from .entities import NESTED, PLACE_CLASSES, is_roman_numeral, without_compass_prefix
from .morphology import token_cases

AUXILIARY = frozenset({"bedzie"})  # "będzie realizować": the clause goes on
PARTICIPLES = frozenset({"ppas", "pact"})
CLASS_CATEGORIES = {
    "Person": {"imię", "nazwisko"}, "Country": {"nazwa_geograficzna"}, "City": {"nazwa_geograficzna"},
    "Location": {"nazwa_geograficzna"}, "Organization": {"nazwa_organizacji", "nazwa_instytucji", "nazwa_firmy"},
}
WINDOW = 4  # words a complement may stand from its trigger or preposition
UNSURE = 0.9  # confidence factor when a case could not be checked (unknown word)
CARRIED = 0.85  # confidence factor for a subject carried over from the previous sentence
CARRY_SENTENCES = 3  # how many sentences back a dropped subject is looked for, through subject-less ones


if not Doc.has_extension("visitors"):
    Doc.set_extension("visitors", default=())  # (first token of the sentence, person) of each visit found


@dataclass(frozen=True)
class Argument:
    """A found argument: an entity key (or ARTICLE) and how sure we are of it."""

    key: tuple[str, str] | str
    certainty: float = 1.0
    start: int = -1  # token span of the mention, to look for coordinated ones
    end: int = -1


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Polish function words the frames rely on, from `ontology/lexicon/function_words.json`:
    clause breaks ("że", "który"), coordinators ("i", "oraz"), negation, reflexive "się"."""
    data = json.loads((ontology_dir() / "lexicon" / "function_words.json").read_text(encoding="utf-8"))
    return {key: frozenset(values) for key, values in data.items()}


def trigger_lemmas(token: Token) -> set[str]:
    """Lemmas a trigger may match: every reading but gerunds ("przystąpienia" is the noun
    "przystąpienie", not the verb "przystąpić"), so a tagging error does not hide a trigger;
    an adjective after a part of the world also as the adjective ("północnowietnamski":
    "wietnamski"; not a continent's: "południowoamerykański")."""
    lemmas = {a.lemma.lower() for a in token._.analyses if a.pos_class != "ger"} | {token.lower_}
    words = function_words()
    return lemmas | {rest for lemma in lemmas
                     if (rest := without_compass_prefix(lemma, words["compass_prefixes"], words["compass_continents"]))}


def _pos_class(token: Token) -> str:
    return token.tag_.split(":", 1)[0]


def _names_a_man(token: Token) -> bool:
    """A common noun of the masculine personal gender: a place after it is its complement,
    no place of the phrase ("ambasadora USA", "na zaproszenie prezydenta Francji")."""
    return token.pos_ == "NOUN" and token.is_lower and "m1" in tag_features(token.tag_).get("gender", frozenset())


def _breaks_clause(token: Token) -> bool:
    """A finite verb other than an auxiliary starts another clause; not a past form the
    tagger chose where an adjective agrees with the noun after it ("i były minister X"), nor
    a name the tagger read as a verb ("Odwiedził również Buczę": "buczę", I buzz)."""
    return _pos_class(token) in FINITE_CLASSES - AUXILIARY and not _adjective_before_its_noun(token) \
        and token.ent_iob_ not in {"B", "I"}


def _adjective_before_its_noun(token: Token) -> bool:
    """The word has an adjective's reading agreeing with the noun right after it."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.pos_ == "NOUN" and any(
        agrees(a, n.features) for a in token._.analyses if a.pos_class == "adj"
        for n in following._.analyses if n.pos_class == "subst")


def _has_participle(tokens: Span) -> bool:
    """An adjectival participle opens a phrase of its own: in "ataki na rosyjskie bazy
    znajdujące się na terytorium Kazachstanu" the bases are attacked, not Kazakhstan."""
    return any(token.tag_.startswith(("pact", "ppas")) for token in tokens)


def is_plural(token: Token) -> bool:
    """A plural noun: "ministrowie spraw zagranicznych Polski i Ukrainy, X i Y"."""
    return token.tag_.split(":")[1:2] == ["pl"]


def _is_goal_of(doc: Doc, start: int, verbs: frozenset[str]) -> bool:
    """Whether the name at `start` follows one of `verbs` in its clause, past a preposition
    and adverbs ("przyleciał w czwartek do Warszawy")."""
    for i in range(start - 1, max(doc[start].sent.start, start - 2 * WINDOW) - 1, -1):
        if verbs & set(doc[i]._.lemmas):
            return True
        if _breaks_clause(doc[i]) or _is_clause_break(doc[i]):
            return False
    return False


def _is_clause_break(token: Token) -> bool:
    return token.lower_ in function_words()["clause_breaks"] or bool(token.is_sent_start)


def _class_cases(token: Token, top_class: str, name: str = "") -> frozenset[str]:
    """Cases of the readings that fit the entity's class ("Jasina" as a surname is nominative)
    and, given the entity's name, those of its own words, in the singular if they have one:
    "Litwy" is Litwa's genitive, not a plural; "Węgry" has only the plural. A person's
    first word is read as a first name when it can be one."""
    if token.is_upper and len(token.text) > 1 and top_class != "Person":
        return frozenset(CASES)  # an acronym often does not inflect, whatever Morfeusz says: "szef MON"
    categories = CLASS_CATEGORIES.get(top_class, set())
    fitting = [a for a in token._.analyses if categories & set(a.categories)]
    if not fitting:  # a foreign name that is a Polish common word tells nothing ("Putin i Kim podpisali")
        return frozenset() if top_class == "Person" and token.text[:1].isupper() else token_cases(token)
    if name:
        words = name.lower().split()
        own = [a for a in fitting if a.lemma.lower() in words]
        if not own and top_class == "Person":
            return frozenset()  # "Rustem" (Umerow) read as the surname Rust tells nothing of its case
        fitting = own or fitting
        fitting = [a for a in fitting if "sg" in a.features.get("number", ())] or fitting
        if top_class == "Person" and len(words) > 1:  # "Karol III" is no Mrs Karol, whose name does not inflect
            fitting = [a for a in fitting if a.lemma.lower() != words[0] or "imię" in a.categories] or fitting
    return frozenset().union(*(a.features.get("case", frozenset()) for a in fitting))


def _may_be_nominative(span: Span, top_class: str) -> bool:
    """A word of the name has a nominative reading, or no word is known and the mention is
    the canonical (nominative) name: "Justin Trudeau", but not "Antonym Blinkenem".
    Lower-case particles ("von der Leyen", "da Silva") do not count."""
    known = [cases for token in span if not token.is_lower and (cases := _class_cases(token, top_class, span.kb_id_))]
    return any("nom" in cases for cases in known) or (not known and span.text == span.kb_id_)


def _in_another_case(span: Span, noun: Token) -> bool:
    """A person's name whose first name Morfeusz knows in no case of the noun before it."""
    first_names = [a for a in span[0]._.analyses if "imię" in a.categories]
    cases = frozenset().union(*(a.features.get("case", frozenset()) for a in first_names))
    return span.label_ == "Person" and bool(cases) and not cases & token_cases(noun)


def _ends_inflected(span: Span) -> bool:
    """The name's last word is not one of the nominative name's words and Morfeusz knows it
    not at all, or as a name in no nominative ("Chinhem" of "Pham Minh Chinh", "Lamem" of
    "To Lam"; "Yoon" standing for "Yoon Suk-yeol" is one; "szef dyplomacji" is no name)."""
    last = span[-1]
    unknown = all(a.pos_class == "ign" for a in last._.analyses)
    return last.text not in re.split(r"[\s-]+", span.kb_id_) \
        and (unknown or (not last.is_lower and "nom" not in token_cases(last)))


def _opens_list(doc: Doc, i: int) -> bool:
    """ "w tym", "wśród nich": the words after a comma that go on naming what is before it."""
    return " ".join(t.lower_ for t in doc[i:i + 2]) in function_words()["list_openers"]


def _two_named(mentions: list[tuple[int, tuple[str, str]]], most: bool = False) -> list[tuple[str, str]]:
    """Of (position, entity) mentions, the two entities named last (`most`: named most often,
    the later named first among equals), in the order the article first named them; none
    unless there are two."""
    first: dict[tuple[str, str], int] = {}
    score: dict[tuple[str, str], tuple[int, int]] = {}
    for position, entity in sorted(mentions):
        first.setdefault(entity, position)
        score[entity] = (score.get(entity, (0, 0))[0] + most, position)
    two = sorted(score, key=score.get)[-2:]
    return sorted(two, key=first.get) if len(two) == 2 else []


def _listed(span: Span) -> bool:
    """The name is one of a list: a comma or a coordinator joins it to another name."""
    doc = span.doc
    joiners = function_words()["coordinators"] | {","}
    after = span.end + 1 < len(doc) and doc[span.end].lower_ in joiners and doc[span.end + 1].ent_iob_ == "B"
    before = span.start >= 2 and doc[span.start - 1].lower_ in joiners and doc[span.start - 2].ent_iob_ in {"B", "I"}
    return after or before


def _past_relative_clause(doc: Doc, i: int) -> int:
    """Before a relative clause set off by commas that ends at i ("OTCA, której sekretariat
    mieści się w Brasílii, zrzesza"), the word before its opening comma; else i."""
    if i < 2 or doc[i].text != ",":
        return i
    for j in range(i - 1, max(doc[i].sent.start, i - 12), -1):
        if doc[j].text == ",":
            opens = any(function_words()["relative_pronouns"] & set(t._.lemmas) for t in doc[j + 1:j + 3])
            return j - 1 if opens else i
    return i


def _apposition_comma(doc: Doc, i: int) -> bool:
    """A comma between two common nouns in one case, the second in apposition to the first:
    "z gospodarzem, prezydentem Szawkatem Mirzijojewem"."""
    if doc[i].text != "," or i == 0 or i + 1 >= len(doc):
        return False
    before, after = doc[i - 1], doc[i + 1]
    return before.pos_ == after.pos_ == "NOUN" and before.is_lower and after.is_lower \
        and bool(set(before.morph.get("Case")) & set(after.morph.get("Case")))


def _opens_a_list_of(doc: Doc, i: int) -> bool:
    """A colon right after a plural noun, whose members follow it."""
    return doc[i].text == ":" and i > 0 and doc[i - 1].pos_ == "NOUN" and "Plur" in doc[i - 1].morph.get("Number")


def _comitative(token: Token) -> bool:
    """ "z" with the instrumental: a companion's phrase ("wraz z małżonką")."""
    return token.pos_ == "ADP" and token.tag_.startswith("prep:inst")


def after_copula(trigger: Token) -> bool:
    """A copula within five words before a predicate noun, in its clause ("jest pełnoprawnym
    członkiem", "jest od wtorku 31. członkiem")."""
    for token in reversed(trigger.doc[max(trigger.sent.start, trigger.i - 5):trigger.i]):
        if function_words()["copulas"] & set(token._.lemmas):
            return True
        if token.text == "," or token.lower_ in function_words()["clause_breaks"]:
            return False
    return False


def under_preposition(doc: Doc, i: int) -> bool:
    """The word at i is in a prepositional phrase: a preposition before it, past adjectives."""
    before = next((t for t in reversed(doc[max(0, i - 3):i]) if t.pos_ not in {"ADJ", "NUM"}), None)
    return before is not None and before.pos_ == "ADP"


def _closes_aside(doc: Doc, k: int) -> bool:
    """A dash that closes a remark opened by another a few words before ("Prezydent Finlandii
    – Alexander Stubb – przyjechał"): no clause ends there."""
    return doc[k].text in DASHES and any(
        doc[j].text in DASHES for j in range(max(doc[k].sent.start, k - 8), k))


def _opens_aside(doc: Doc, k: int) -> bool:
    """A dash that a later one, a few words on, closes."""
    return doc[k].text in DASHES and any(
        doc[j].text in DASHES for j in range(k + 1, min(doc[k].sent.end, k + 9)))


def _entity_span(doc: Doc, start: int, end: int) -> Span:
    """The entity span of words start..end, as `doc.ents` holds it."""
    return Span(doc, start, end, label=doc[start].ent_type_, kb_id=doc[start].ent_kb_id_)


def _agrees_with_verb(token: Token, verb: Token) -> bool:
    """Agreement of a singular finite verb with its subject in number and (past tense) gender.

    Plural verbs may have coordinated singular subjects ("Rau i Ławrow rozmawiali"), and
    participles or nouns as triggers agree with something else, so those always pass."""
    verb_features = [a.features for a in verb._.analyses if a.lemma == verb.lemma_ and a.pos_class in FINITE_CLASSES]
    noun_features = [a.features for a in token._.analyses if "nom" in a.features.get("case", ())]
    if not verb_features or not noun_features or any("pl" in v.get("number", ()) for v in verb_features):
        return True
    return any(
        all(v.get(name, frozenset()) & n.get(name, frozenset()) or name not in v or name not in n
            for name in ("number", "gender"))
        for v in verb_features for n in noun_features
    )


def _subject_noun_after(doc: Doc, verb: Token) -> bool:
    """A common noun after the verb, in its clause, that can only be a nominative and agrees
    with it: the verb's own subject ("Powitała go wielka flaga")."""
    for token in doc[verb.i + 1:verb.sent.end]:
        if _is_clause_break(token) or _breaks_clause(token):
            return False
        if token.pos_ == "NOUN" and token.is_lower and token.ent_iob_ == "O" and token_cases(token) == {"nom"} \
                and not under_preposition(doc, token.i) and _agrees_with_verb(token, verb):
            return True
    return False


def _gender_clash(token: Token, verb: Token) -> bool:
    """A plural verb of men ("podpisali") cannot have a subject that is no men's plural
    ("porozumienia, które podpisali przywódcy": "które" is the object)."""
    verb_genders = [a.features.get("gender", frozenset()) for a in verb._.analyses
                    if a.pos_class in FINITE_CLASSES and "pl" in a.features.get("number", ())]
    nominatives = [a.features.get("gender", frozenset()) for a in token._.analyses
                   if "nom" in a.features.get("case", ()) and "pl" in a.features.get("number", ())]
    return bool(verb_genders) and all(g == {"m1"} for g in verb_genders) and bool(nominatives) \
        and not any("m1" in g for g in nominatives)


class ArgumentFinder:
    """Finds rule arguments around a trigger; needs `ontology`, `place_country`, `capital_of`, `buildings`,
    `role_nouns`, `name_heads`, `name_heads_of`, `body_kinds`, `lexicon` and `_named_role_holders`."""

    def find(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Iterator[Argument]:
        """Arguments of a frame around a trigger, with coordinated ones ("X i Y")."""
        if subject is None and frame.position in {"left", "any"} and "Person" in frame.classes \
                and (people := self._both(trigger) or self._group(trigger)):
            yield from people  # "Obaj przywódcy podpisali deklarację", "Przywódcy spotkali się"
            return
        if subject is None and frame.position in {"left", "any"} and (not frame.classes or "Country" in frame.classes) \
                and (states := self._both_states(trigger)):
            yield from states  # "Oba kraje podpisały 15 umów"
            return
        finder = {
            "left": self._left, "right": self._right, "any": self._any,
            "after_trigger": self._after_trigger, "adjective": self._adjective, "adjective_first": self._adjective_first,
            "adjective_before": self._adjective_before,
            "adjective_after": self._adjective_after,
            "apposition": self._apposition, "before_comma": self._before_comma, "before": self._before,
            "sentence": self._sentence, "where": self._where, "place_before": self._place_before, "next": self._next,
            "last_city": self._last_city,
            "sole_country": self._sole_country,
            "self": self._self, "inner": self._inner, "owner": self._owner, "visitor": self._visitor,
        }.get(frame.position)
        if frame.position == "article":
            yield Argument(ARTICLE)
            return
        if frame.companions and subject is None:
            yield from self._companions(frame, trigger)
        found = finder(frame, trigger, end, subject)
        if found is None or (frame.not_goal_of and found.end > 0
                             and _is_goal_of(trigger.doc, found.start, frame.not_goal_of)):
            return
        yield self._as_country(found, frame, trigger.doc)
        if (frame.position in {"left", "right", "any", "after_trigger"}
                or (frame.position in {"apposition", "next", "before_comma"} and is_plural(trigger))) and found.end > 0:
            for other in self._coordinated(frame, trigger.doc, found, trigger):
                yield self._as_country(other, frame, trigger.doc)

    def _companions(self, frame: Frame, trigger: Token) -> Iterator[Argument]:
        """The people a companion's preposition names in the trigger's clause before it, past
        lower-case words, and those coordinated with them: "Obok Łukaszenki do Astany
        przyjechali X i Y", "Polski przywódca wraz z małżonką Agatą Kornhauser-Dudą przebywa"."""
        doc = trigger.doc
        for i in range(trigger.i - 1, trigger.sent.start - 1, -1):
            words = next((n for n in (2, 1) if " ".join(t.lower_ for t in doc[i:i + n])
                          in function_words()["companion_prepositions"]), 0)
            span = next(self._entities_after(doc, i + words, trigger.i), None) if words else None
            if span is not None and (found := self._entity(span, frame)):
                yield found
                yield from self._coordinated(frame, doc, found, trigger)
            if _breaks_clause(doc[i]) or _is_clause_break(doc[i]):
                return

    def _as_country(self, found: Argument, frame: Frame, doc: Doc) -> Argument:
        """With `country_of`, an organisation stands for its country ("szef MSZ Polski")."""
        if not frame.country_of or found.key == ARTICLE:
            return found
        country = (doc._.entity_country or {}).get(found.key[1]) or self.place_country.get(found.key[1])
        return Argument(("Country", country), found.certainty, found.start, found.end) if country else found

    # ------------------------------------------------------------ positions

    def _entity(self, span: Span, frame: Frame, certainty: float = 1.0) -> Argument | None:
        """The span as an argument if its class and name fit the frame."""
        top = self.ontology.top_class.get(span.label_)
        if frame.classes and top == "City" and "City" not in frame.classes and "Country" in frame.classes \
                and span.kb_id_ in self.capital_of and not frame.literal:
            return Argument(("Country", self.capital_of[span.kb_id_]), certainty * UNSURE, span.start, span.end)
        if frame.classes and span.kb_id_ in self.buildings and "Location" in frame.classes \
                and top not in frame.classes:
            top = "Location"  # the seat where people meet: "podpisali w Białym Domu"
        elif frame.classes and span.label_ not in frame.classes and top not in frame.classes:
            return None
        if (frame.name_prefix and not span.kb_id_.startswith(frame.name_prefix)) \
                or (frame.not_name_prefix and span.kb_id_.startswith(frame.not_name_prefix)):
            return None
        return Argument((top, span.kb_id_), certainty, span.start, span.end)

    def _checked(self, span: Span, frame: Frame, trigger: Token) -> Argument | None:
        """Case, agreement and class checks of a candidate argument. A name right after the
        noun of its kind does not inflect; the noun shows the case ("z partii Razem"); a
        person's name after a body's noun is no name of that body ("Rzecznik rządu Jan
        Kowalski przyleciał")."""
        top = self.ontology.top_class.get(span.label_, "")
        kind = span.doc[span.start - 1] if span.start else None
        represented = False
        if kind is not None and kind.is_lower and self.name_heads & set(kind._.lemmas) and top != "Person":
            certainty = self._case_fit(kind, frame.case, "")
        elif represented := bool(frame.case and "nom" in frame.case and top != "Person" and self._represented(span)):
            certainty = 1.0  # "podpisali przedstawiciele Indii, USA i Arabii Saudyjskiej": the states act
        elif span[-1].is_lower and frame.case:  # common nouns standing for a name: "Indyjskiego gościa",
            head = next((t for t in span if t.pos_ == "NOUN"), span[-1])  # "szef polskiej dyplomacji"
            certainty = 1.0 if tag_features(head.tag_).get("case", frame.case) & frame.case else 0.0
        else:
            inflecting = [t for t in span if not is_roman_numeral(t)] or list(span)
            certainty = max(self._case_fit(token, frame.case, top, span.kb_id_) for token in inflecting)  # "Karol III"
        if frame.case == {"nom"} and top == "Person" and _ends_inflected(span):
            certainty = 0.0  # a foreign name inflects at its end: "premierem Pham Minh Chinhem" is no subject
        if not certainty or (frame.agree and not represented and not any(_agrees_with_verb(t, trigger) for t in span)):
            return None
        return self._entity(span, frame, certainty)

    @staticmethod
    def _represented(span: Span) -> bool:
        """The name is a genitive after a nominative noun for those who act for a state or a
        body ("przedstawiciele", "przywódcy", "władze", "ministrowie"), also after "z"
        (`from_prepositions`), past the names listed before it: "przywódcy Rosji, Armenii i
        Azerbejdżanu", "władze Chin", "ministrowie z Turcji, Iraku i Kataru"."""
        doc, words = span.doc, function_words()
        joiners = words["coordinators"] | words["list_separators"]
        i = span.start - 1
        while i >= 0 and (doc[i].ent_iob_ in {"B", "I"} or doc[i].lower_ in joiners):
            i -= 1
        if i > 0 and doc[i].pos_ == "ADP" and doc[i].lower_ in words["from_prepositions"]:
            i -= 1  # "ministrowie z Turcji"
        noun = doc[i] if i >= 0 else None
        return noun is not None and noun.pos_ == "NOUN" and bool(words["representative_nouns"] & set(noun._.lemmas)) \
            and "nom" in token_cases(noun) and "gen" in token_cases(span[0])

    @staticmethod
    def _case_fit(token: Token, cases: frozenset[str], top_class: str, name: str = "") -> float:
        """1.0 if the word can be in one of the cases, UNSURE if unknown, 0 if it cannot."""
        if not cases:
            return 1.0
        allowed = _class_cases(token, top_class, name)
        if not allowed:
            return UNSURE
        return 1.0 if allowed & cases else 0.0

    def _left(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """The nearest fitting entity before the trigger in its clause; else after it
        (Polish inverts: "W Helsinkach rozmawiał z nim Jacek Czaputowicz"); else carried. An
        impersonal verb has no subject ("Zainaugurowano go w Samarkandzie")."""
        doc = trigger.doc
        if not frame.prep and _pos_class(trigger) == "imps":
            return None
        if (frame.via and not self._has_via(doc, trigger, end, frame.via)) \
                or (frame.direct_object and self._object_before(doc, trigger, frame)):
            return None
        before = _past_relative_clause(doc, trigger.i - 1)  # "OTCA, której sekretariat mieści się w Brasílii, zrzesza"
        verbless = trigger.pos_ == "ADP"  # "rozmawiał z Modim tuż po przylocie": past its clause's verb
        for i in range(before, trigger.sent.start - 1, -1):
            if (_is_clause_break(doc[i + 1]) and i + 1 not in {trigger.i, before + 1}
                    and not _closes_aside(doc, i + 1)):
                break
            if i != before and _breaks_clause(doc[i]) and not _opens_aside(doc, i):
                if not verbless:
                    break
                verbless = False
            span = self._span_ending_at(doc, i)
            if span is not None and (found := self._fitting(span, frame, trigger)):
                return found
            if span is None and i and doc[i].lower_ in function_words()["clause_pronouns"] and doc[i - 1].text == "," \
                    and "Neut" in trigger.morph.get("Gender"):
                return None  # "rozmawiał z Putinem, co spotkało się z krytyką": "co" is the subject
            if span is None and function_words()["relative_pronouns"] & set(doc[i]._.lemmas):
                found = self._relative_antecedent(doc, i, frame)
                subject_pronoun = not frame.prep and doc[i - 1].pos_ != "ADP" and token_cases(doc[i]) & frame.case \
                    and not _gender_clash(doc[i], trigger) and _agrees_with_verb(doc[i], trigger)
                if found or subject_pronoun:
                    return found  # "Ruttego, lidera VVD, który kierował": not the clause before
            if span is None and i == trigger.sent.start and doc[i].pos_ == "NOUN" and "Organization" in frame.classes \
                    and not frame.prep and (found := self._kind_anaphor(frame, trigger, i, i + 1)):
                return found  # "Organizacja, której sekretariat mieści się w Stambule, zrzesza Turcję"
            noun = i + 1 + (i + 2 < len(doc) and bool(function_words()["composition_nouns"] & set(doc[i + 1]._.lemmas)))
            if span is None and frame.prep and doc[i].lower_ in frame.prep and doc[i].pos_ == "ADP" \
                    and "Organization" in frame.classes \
                    and (found := self._kind_anaphor(frame, trigger, noun, noun + 1)):
                return found  # "Do sojuszu, obok Kazachstanu, należą Rosja i Białoruś", "W skład bloku weszły"
        if frame.prep:
            return None
        if _pos_class(trigger) in PARTICIPLES and not after_copula(trigger):
            return self._inverted(frame, trigger, end)  # "rządząca Nigrem junta": its noun, not the clause before
        return (self._inverted(frame, trigger, end) or self._previous_clause_subject(frame, trigger)
                or (self._carried(frame, trigger) if frame.carry else None))

    def _both(self, trigger: Token) -> list[Argument]:
        """The two people "obaj prezydenci", "obaj ministrowie", "obaj przywódcy" before the
        trigger in its clause stand for: the last two named with that role, else the last
        two people the article named before it."""
        doc = trigger.doc
        for i in range(trigger.i - 2, trigger.sent.start - 1, -1):
            if doc[i].lower_ in function_words()["both"] and doc[i + 1].pos_ == "NOUN" \
                    and "Plur" in doc[i + 1].morph.get("Number") and self._names_people(doc[i + 1]):
                return self._last_two_people(doc, i, doc[i + 1].lemma_.lower())
            if _is_clause_break(doc[i]) or _breaks_clause(doc[i]):
                return []
        return []

    def _group(self, trigger: Token) -> list[Argument]:
        """A bare plural noun for leaders (`group_nouns`) opening the trigger's sentence,
        right before its verb ("Przywódcy spotkali się w bazie"), stands for the two to four
        people the nearer of the two sentences before it named; not a noun with a
        complement ("Przywódcy państw G7 spotkali się"). A noun for a couple (`couple_nouns`)
        with its adjective stands for two ("Para królewska przyleciała do Nairobi")."""
        doc, sent = trigger.doc, trigger.sent
        noun = doc[sent.start]
        plural = any(a.pos_class == "subst" and "pl" in a.features.get("number", ())
                     and "nom" in a.features.get("case", ()) for a in noun._.analyses)  # the tagger may say genitive
        couple = bool(function_words()["couple_nouns"] & set(noun._.lemmas))
        verb = sent.start + 1 + (couple and doc[sent.start + 1].pos_ == "ADJ")
        if sent.start == 0 or not (couple or (plural and function_words()["group_nouns"] & set(noun._.lemmas))) \
                or verb >= sent.end or doc[verb].pos_ not in {"VERB", "AUX"} or trigger.i > verb + 2:
            return []
        before, read = sent, 0
        while read < 2 and before.start > 0:  # the nearer of the two sentences before that names several people
            before = doc[before.start - 1].sent
            read += not before.text.isspace()  # a paragraph break is no sentence
            people = list(dict.fromkeys((e.label_, e.kb_id_) for e in before.ents
                                        if self.ontology.top_class.get(e.label_) == "Person"))
            if len(people) >= 2:
                return [Argument(person, UNSURE) for person in people] if len(people) <= (2 if couple else 4) else []
        return []

    def _names_people(self, noun: Token) -> bool:
        """A plural noun for people ("przywódcy", "prezydentki"), not things ("Oba dokumenty
        sygnowali ...", "obie deklaracje")."""
        return bool(self.role_nouns & set(noun._.lemmas)) or any(
            a.pos_class == "subst" and "m1" in a.features.get("gender", ()) and "pl" in a.features.get("number", ())
            for a in noun._.analyses)

    def _both_states(self, trigger: Token) -> list[Argument]:
        """ "oba kraje", "obydwa państwa" (`both` and `state_nouns`) before the trigger in its
        clause stand for the two countries the article named most before them, by name or
        adjective (a third, named last, may be only what they talk about: "kwestia
        cypryjska"), in the order it first named them."""
        doc = trigger.doc
        for i in range(trigger.i - 2, trigger.sent.start - 1, -1):
            if doc[i].lower_ in function_words()["both"] and function_words()["state_nouns"] & set(doc[i + 1]._.lemmas):
                states = [(e.start, (e.label_, e.kb_id_)) for e in doc.ents
                          if e.end <= i and self.ontology.top_class.get(e.label_) == "Country"] \
                    + [(t.i, t._.refers_to) for t in doc[:i] if t._.refers_to and t._.refers_to[0] == "Country"
                       and t.ent_iob_ == "O"]  # "greccy ratownicy" name Greece too
                return [Argument(state, UNSURE) for state in _two_named(states, most=True)]
            if _is_clause_break(doc[i]) or _breaks_clause(doc[i]):
                return []
        return []

    def _last_two_people(self, doc: Doc, i: int, noun: str) -> list[Argument]:
        """The two, in the order the article named them."""
        kind = self.lexicon.role_kinds.get(noun)
        named = [(position, person) for position, role, person, _body in self._named_role_holders(doc)
                 if position < i and kind is not None and self.lexicon.role_kinds.get(role, role) == kind]
        mentioned = [(e.start, (e.label_, e.kb_id_)) for e in doc.ents
                     if e.end <= i and self.ontology.top_class.get(e.label_) == "Person"]
        for people in (named, mentioned):
            if two := _two_named(people):
                return [Argument(person, UNSURE) for person in two]
        return []

    def _relative_antecedent(self, doc: Doc, i: int, frame: Frame) -> Argument | None:
        """The entity a relative pronoun at i stands for, when the pronoun's preposition or
        case fits the frame: "grupy BRICS, do której należą Indie", "Finlandia, która
        przystąpiła do NATO"."""
        if not function_words()["relative_pronouns"] & set(doc[i]._.lemmas):
            return None
        k = i - 1
        if doc[k].pos_ == "ADP":
            if not frame.prep & set(doc[k]._.lemmas):
                return None
            k -= 1
        elif frame.prep or (frame.case and not token_cases(doc[i]) & frame.case):
            return None
        if k < 1 or doc[k].text != ",":
            return None
        span = self._span_ending_at(doc, k - 1)
        if span is None and k > 2 and doc[k - 1].text == ")":  # "ECOWAS (...), do której": the abbreviation's
            span = self._span_ending_at(doc, k - 2)
        found = self._entity(span, frame) if span is not None else None
        if found is None and span is not None:  # past an apposition: "Marka Ruttego, lidera VVD, który"
            comma = next((j for j in range(span.start - 1, max(0, span.start - 5), -1) if doc[j].text == ","), None)
            earlier = self._span_ending_at(doc, comma - 1) if comma else None
            found = self._entity(earlier, frame) if earlier is not None else None
        return found

    def _previous_clause_subject(self, frame: Frame, trigger: Token) -> Argument | None:
        """A subject shared with the previous clause of the sentence ("X przybył do Y,
        gdzie spotkał się z Z", "X przybył i spotkał się z Z")."""
        if not frame.carry:
            return None
        doc = trigger.doc
        verbs = [t for t in doc[trigger.sent.start:trigger.i] if _breaks_clause(t)]
        if not verbs:
            return None
        for i in range(verbs[-1].i - 1, trigger.sent.start - 1, -1):
            span = self._span_ending_at(doc, i)
            if span is not None and self._governing_preposition(span) is None:
                if found := self._checked(span, frame, trigger):
                    return found
            if span is None and (found := self._relative_antecedent(doc, i, frame)):
                return found  # "Xi Jinpinga, który odwiedził X, a gościł Y"
        return None

    def _fitting(self, span: Span, frame: Frame, trigger: Token) -> Argument | None:
        """A candidate left of the trigger: in the frame's prepositional phrase, or bare."""
        preposition = self._governing_preposition(span)
        if frame.prep:
            if preposition is None or not (frame.prep & set(preposition._.lemmas)):
                return None
        elif preposition is not None and not self._represented(span):
            return None  # but "ministrowie z Turcji i Iraku podpisali"
        return self._checked(span, frame, trigger)

    def _inverted(self, frame: Frame, trigger: Token, end: int) -> Argument | None:
        """A nominative subject right after the verb, before any other argument; for a
        predicate noun, after the copula that follows it ("Stolicą Ukrainy jest Kijów")."""
        if not frame.case or "nom" not in frame.case:
            return None
        doc = trigger.doc
        if not any(_pos_class(t) in FINITE_CLASSES for t in doc[trigger.i:end]):  # "podpisy złożyli": past the verb
            end = self.copula_after(doc, end, any_verb=_pos_class(trigger) not in PARTICIPLES) + 1
            if not end:
                return None
        if listed := self._listed_after_a_group(frame, doc, end):
            return listed
        for i in range(end, self._clause_end(doc, end)):
            span = self._span_starting_at(doc, i)
            if span is not None and self._governing_preposition(span) is None \
                    and (_may_be_nominative(span, self.ontology.top_class.get(span.label_, ""))
                         or self._represented(span)):
                if found := self._checked(span, frame, trigger):
                    return found
        return None

    def _listed_after_a_group(self, frame: Frame, doc: Doc, end: int) -> Argument | None:
        """A plural noun for leaders right after the verb, its people listed after a colon:
        "przybyli przywódcy państw G7: prezydent USA Joe Biden, ..." (the first of them; the
        list is coordinated)."""
        noun = next((t for t in doc[end:end + 2] if function_words()["group_nouns"] & set(t._.lemmas)), None)
        if noun is None or "nom" not in token_cases(noun):
            return None
        colon = next((t.i for t in doc[noun.i + 1:noun.i + 8] if t.text == ":" or _is_clause_break(t)), None)
        if colon is None or doc[colon].text != ":":
            return None
        spans = self._entities_after(doc, colon + 1, self._clause_end(doc, colon + 1))
        return next((found for span in spans if (found := self._entity(span, frame, UNSURE))), None)

    def copula_after(self, doc: Doc, end: int, any_verb: bool = False) -> int:
        """Where a copula (or, `any_verb`, any finite verb: "Na czele Rady stanął X") follows
        a predicate noun's complement (one name or lower-case words: "Prezydentem Francji
        jest"; names in prepositional phrases and a role's state do not count: "W rozmowach w
        Nowym Jorku z Bidenem uczestniczyli", "przystankiem prezydenta Indonezji X były"), or -1."""
        names = 0
        for i in range(end, min(len(doc), end + 2 * WINDOW)):
            verb = any_verb or function_words()["copulas"] & set(doc[i]._.lemmas)
            if verb and _pos_class(doc[i]) in FINITE_CLASSES:
                return i
            names += doc[i].ent_iob_ == "B" and not under_preposition(doc, i) \
                and not (i > end and self.role_nouns & set(doc[i - 1]._.lemmas))  # "prezydenta Indonezji X"
            if names > 1 or doc[i].is_punct or _is_clause_break(doc[i]) or _breaks_clause(doc[i]):
                return -1
        return -1

    def _carried(self, frame: Frame, trigger: Token) -> Argument | None:
        """A dropped subject: the first fitting nominative entity of the previous sentence,
        or of the one before when that one dropped its subject too ("Blinken ... W Ammanie
        spotkał się z ... Tego samego dnia odwiedził Katar"), unless a noun that can be the
        subject stands before the trigger (one in a prepositional phrase cannot: "W czwartek
        w Pekinie rozmawiał z ...") or a common noun only nominative that agrees with the
        verb follows it ("Powitała go wielka flaga")."""
        sent, doc = trigger.sent, trigger.doc
        if sent.start == 0 or self._has_subject_noun(doc, sent.start, trigger.i) \
                or _subject_noun_after(doc, trigger):
            return None
        certainty, previous = CARRIED, doc[sent.start - 1].sent
        for _ in range(CARRY_SENTENCES):
            for span in self._spans_between(doc, previous.start, previous.end):
                found = None if self._governing_preposition(span) else self._checked(span, frame, trigger)
                if found:
                    return Argument(found.key, found.certainty * certainty, found.start, found.end)
            verb = next((t for t in previous if t.pos_ == "VERB"), None)
            if previous.start == 0 or verb is None or self._has_subject_noun(doc, previous.start, verb.i):
                return None  # the sentence before has a subject of its own, which is no fitting name
            certainty, previous = certainty * CARRIED, doc[previous.start - 1].sent
        return None

    @staticmethod
    def _has_subject_noun(doc: Doc, start: int, end: int) -> bool:
        """A noun that can be a subject before the verb: the clause states its own subject;
        not one measuring time before an adverb of time ("Dzień wcześniej rozmawiał z X")."""
        return any("nom" in token_cases(t) and t.pos_ in {"NOUN", "PROPN"} and not under_preposition(doc, t.i)
                   and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in function_words()["time_adverbs"])
                   for t in doc[start:end])

    def _right(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        doc = trigger.doc
        i = end
        if frame.via and not self._has_via(doc, trigger, end, frame.via):
            return None
        if frame.direct_object and self._object_before(doc, trigger, frame):
            return None
        clause_end = self._clause_end(doc, i)
        if frame.prep:
            first = i = self._next_preposition(doc, i, clause_end, frame)
            if first > end and frame.classes <= PLACE_CLASSES and any(
                    t.lower_ in function_words()["topic_prepositions"] and t.pos_ == "ADP" for t in doc[end:first]):
                return None  # the topic's place: "rozmawiali o zakładnikach przetrzymywanych w Strefie Gazy"
            while i >= 0:  # the next phrase when one has no fitting name: "infrastrukturę w Odessie",
                for span in self._entities_after(doc, i + 1, clause_end):  # "zaproszenie do przystąpienia do BRICS"
                    top = self.ontology.top_class.get(span.label_, "")
                    if top != "Person" and "Person" in frame.classes and self._role_holder_after(doc, span):
                        continue  # "podpisał z prezydentem Ukrainy Wołodymyrem Zełenskim umowę": the holder signs
                    if frame.classes <= PLACE_CLASSES and span.start > i + 1 and _names_a_man(doc[span.start - 1]):
                        continue  # a man's complement: "w rezydencji ambasadora USA w Rzymie" is in Rome
                    if found := self._entity(span, frame, self._case_fit(span[0], frame.case, top) or UNSURE):
                        return found
                following = self._next_preposition(doc, i + 1, clause_end, frame)
                i = following if following < 0 or not _has_participle(doc[i + 1:following]) else -1
            if first < 0:
                return None
            if first + 1 < clause_end and any(a.pos_class == "ppron3" for a in doc[first + 1]._.analyses):
                return self._pronoun_antecedent(frame, trigger)
            head = next((t for t in doc[first + 1:clause_end] if t.pos_ != "ADJ"), None)
            if frame.anaphors and not frame.scene and head is not None and head.lemma_.lower() in frame.anaphors \
                    and "Plur" not in head.morph.get("Number"):
                return self._anaphor(trigger, subject)  # "napadła na ten kraj"
            if frame.scene:
                return self._scene_anaphor(frame, trigger, first + 1, clause_end, subject)
            return self._kind_anaphor(frame, trigger, first + 1, clause_end)
        while i < clause_end:
            span = self._span_starting_at(doc, i)
            if span is not None and self._governing_preposition(span) in (None, trigger):  # "Jako członek UE Holandia"
                if found := self._checked(span, frame, trigger):
                    return found
            elif frame.direct_object and self._takes_object_slot(doc, i, frame):
                return None
            i = span.end if span is not None else i + 1
        return None

    def _object_before(self, doc: Doc, trigger: Token, frame: Frame,
                       slot: Callable[[Doc, int, Frame], bool] | None = None) -> bool:
        """Object-verb-subject order: a common noun before the verb that can only be in the
        frame's case, not the nominative ("Decyzję Erdogana przyjął Joe Biden"); or, with
        `_role_object_slot`, a role noun so ("chińskiego przywódcę powitał X")."""
        slot = slot or self._takes_object_slot
        for i in range(trigger.i - 1, trigger.sent.start - 1, -1):
            if "nom" not in token_cases(doc[i]) and slot(doc, i, frame):
                return True
            if _is_clause_break(doc[i]) or _breaks_clause(doc[i]):
                return False
        return False

    def _takes_object_slot(self, doc: Doc, i: int, frame: Frame) -> bool:
        """A common noun in the frame's case, outside a prepositional phrase, is the verb's
        object, so no name after it is ("przyjął dymisję ministra X")."""
        token = doc[i]
        if token.pos_ != "NOUN" or self.role_nouns & set(token._.lemmas) or not frame.case & token_cases(token) \
                or token.ent_iob_ != "O" or token.lower_ in function_words()["pronoun_nouns"] \
                or token.lemma_ in function_words()["pronoun_nouns"]:
            return False  # a mention of someone named before ("gościa powitał X"); "tego samego wieczoru"
        return not under_preposition(doc, i)

    def _any(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """After the trigger, else before it; before it first when the one after modifies a
        noun ("W Seulu podpisali memorandum o budowie elektrowni w Pątnowie")."""
        right = self._right(frame, trigger, end, subject)
        if right is not None and right.start > end and self._modifies_a_noun(trigger.doc, right, frame):
            return self._left(frame, trigger, end, subject) or right
        if right is not None and subject is not None and right.start == subject.start:
            return self._left(frame, trigger, end, subject) or right  # "Macrona powitał prezydent X": X is the subject
        if right is None and frame.direct_object and self._unnamed_role_object(trigger.doc, end, frame):
            return None  # "Xi Jinping przyjął niemieckiego kanclerza": the guest is the role's holder, not Xi
        if right is not None and frame.direct_object and right.start >= end \
                and _may_be_nominative(self._span_starting_at(trigger.doc, right.start), right.key[0]):
            left = self._left(frame, trigger, end, subject)  # object, verb, subject:
            if left is not None and left.certainty >= right.certainty:  # "Xi Jinpinga powitał gubernator X"
                return left
            if left is None and self._object_before(trigger.doc, trigger, frame, self._role_object_slot):
                return None  # "chińskiego przywódcę powitał gubernator X": the role's holder, once resolved
        return right or self._left(frame, trigger, end, subject)

    def _role_object_slot(self, doc: Doc, i: int, frame: Frame) -> bool:
        """A role noun in the frame's case, outside a prepositional phrase: its holder, once
        resolved, is the verb's object."""
        token = doc[i]
        return token.pos_ == "NOUN" and bool(self.role_nouns & set(token._.lemmas)) \
            and bool(frame.case & token_cases(token)) and not under_preposition(doc, i)

    def _unnamed_role_object(self, doc: Doc, end: int, frame: Frame) -> bool:
        """The first noun after the trigger outside a prepositional phrase is a role noun in
        the frame's case and not the nominative, with no name after it: the object is that
        role's holder ("prezydent RP Andrzej Duda" after the verb may be its subject)."""
        for i in range(end, self._clause_end(doc, end)):
            if doc[i].pos_ == "NOUN" and not under_preposition(doc, i):
                cases = token_cases(doc[i])
                return bool(self.role_nouns & set(doc[i]._.lemmas)) and bool(frame.case & cases) and "nom" not in cases
        return False

    @staticmethod
    def _modifies_a_noun(doc: Doc, found: Argument, frame: Frame) -> bool:
        """The argument's preposition follows a common noun or its adjective: "elektrowni
        jądrowej w Pątnowie"."""
        i = found.start - 1
        if not frame.prep or i < 1 or not frame.prep & set(doc[i]._.lemmas):
            return False
        if frame.via and any(frame.via & set(t._.lemmas) for t in doc[max(0, i - 2):i]):
            return False  # the frame's own noun: "rozpoczynając wizytę (państwową) w Chinach"
        return doc[i - 1].is_lower and doc[i - 1].pos_ in {"NOUN", "ADJ"}

    def _after_trigger(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """A complement within a few lower-case words after the trigger phrase, past a role
        noun's own complement ("wizyta ministra obrony Ukrainy Rustema Umerowa") and
        quotation marks ('według dziennika "The Guardian"'); after a preposition, not
        past its own noun; not past "ds." right before a name, the portfolio ("minister ds. Unii
        Europejskiej"; but "minister ds. zakupów obronnych Korei Południowej"); past the
        rule's `via` noun, if it has one ("zaatakował pozycje Armenii")."""
        doc = trigger.doc
        i, past_name = end, False
        while i < min(len(doc), end + WINDOW + 1):
            token = doc[i]
            if token.is_quote:
                i += 1
                continue
            if frame.anaphors and token.lemma_.lower() in frame.anaphors and "Plur" not in token.morph.get("Number"):
                return self._anaphor(trigger, subject)
            if token.lemma_.lower() in function_words()["state_nouns"]:
                return None  # "szefem rządu państwa Unii Europejskiej": an unnamed state's, not the Union's
            if token.lower_ in function_words()["portfolio_markers"] and i + 1 < len(doc) and doc[i + 1].ent_iob_ == "B":
                return None  # "minister ds. Unii Europejskiej": the portfolio, not the employer
            span = self._span_starting_at(doc, i)
            if span is not None and frame.via and not any(frame.via & set(t._.lemmas) for t in doc[end:span.start]):
                return None  # the rule's noun comes first: "zaatakował pozycje Armenii", not "ambasadę Polski"
            if span is not None:
                found = self._checked(span, frame, trigger)
                if found or not self._after_role_noun(doc, span.start):
                    return found
                i, past_name = span.end, True
                continue
            if token.pos_ == "NOUN" and (not token.is_lower or self.body_kinds & set(token._.lemmas)) \
                    and "Organization" in frame.classes and (found := self._kind_anaphor(frame, trigger, i, i + 1)):
                return found  # "członek Sojuszu", "członkiem bloku": named before (not "agencji ... USAID")
            if frame.direct_object and token.pos_ == "NOUN" and token.is_lower and frame.case & token_cases(token) \
                    and not (self.name_heads | self.body_kinds) & set(token._.lemmas):
                return None  # "na czele delegacji USA": the delegation is led, not the state
            next_role = token.lower_ in function_words()["coordinators"] or self.role_nouns & set(token._.lemmas)
            if not token.is_lower or token.is_punct or token.pos_ == "ADP" or _breaks_clause(token) \
                    or (past_name and next_role) or self._prepositions_own_noun(trigger, token):
                break  # "Premier Donald Tusk i kanclerz Niemiec": Germany is the other role's
            i += 1
        return self._possessor(frame, trigger)

    def _prepositions_own_noun(self, trigger: Token, token: Token) -> bool:
        """A common noun after a preposition trigger is its object, whose complement a name
        after it is ("w towarzystwie prezydenta Francji"); not a name's kind noun ("według
        agencji AFP", "w prowincji Kolumbia Brytyjska")."""
        return trigger.pos_ == "ADP" and token.pos_ == "NOUN" and not self.name_heads & set(token._.lemmas)

    def _possessor(self, frame: Frame, trigger: Token) -> Argument | None:
        """ "Choć wybory wygrała PVV, jej lider Geert Wilders": a possessive pronoun before the
        trigger stands for the last entity of the frame's classes before it, in its sentence
        or the one before, or for the body a noun of its kind names ("Organizacja"), but
        not for one of a list, which is several; a genitive relative pronoun for the name
        before its comma ("Turcja, której prezydent Recep Tayyip Erdogan groził")."""
        doc = trigger.doc
        i = trigger.i - 1
        if i >= 2 and doc[i - 1].text == "," and "gen" in token_cases(doc[i]) \
                and function_words()["relative_pronouns"] & set(doc[i]._.lemmas):
            antecedent = self._span_ending_at(doc, i - 2)  # "Iran i Turcja, której prezydent X": Turkey alone
            found = self._entity(antecedent, frame) if antecedent is not None else None
            return Argument(found.key, found.certainty) if found else None
        while i >= 0 and doc[i].pos_ == "ADJ" and not doc[i]._.refers_to:
            i -= 1
        if i < 0 or doc[i].lower_ not in function_words()["possessives"]:
            return None
        first = doc[doc[i].sent.start - 1].sent.start if doc[i].sent.start else 0
        for j in range(i - 1, first - 1, -1):
            if "Organization" in frame.classes and doc[j].ent_iob_ == "O" \
                    and (found := self._kind_anaphor(frame, doc[j], j, j + 1)):
                return found  # "Organizacja ... zrzesza Turcję, Azerbejdżan i Kazachstan. Jej sekretarz generalny X"
            span = self._span_ending_at(doc, j)
            if span is not None and not _listed(span) and (found := self._entity(span, frame)):
                return Argument(found.key, found.certainty * UNSURE, found.start, found.end)
        return None

    def _anaphor(self, trigger: Token, subject: Argument | None) -> Argument | None:
        """ "kraj", "państwo": the subject city's country, else the last country named other
        than the subject ("to Rosja napadła na ten kraj": Ukraine, named before)."""
        if subject is not None and subject.key != ARTICLE:
            country = self.place_country.get(subject.key[1])
            if country and any(t.ent_kb_id_ == country for t in trigger.doc):
                return Argument(("Country", country), UNSURE)
        for i in range(trigger.i - 1, -1, -1):
            token = trigger.doc[i]
            if token.ent_iob_ == "B" and self.ontology.top_class.get(token.ent_type_) == "Country" \
                    and (subject is None or subject.key != ("Country", token.ent_kb_id_)) \
                    and self._span_starting_at(trigger.doc, i).end <= trigger.i:
                return Argument(("Country", token.ent_kb_id_), UNSURE * UNSURE)
        return None

    def _adjective(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """An adjective naming an entity: before the trigger ("kazachski minister"), between
        the words of a trigger phrase ("szef polskiej dyplomacji"), or the trigger itself."""
        inside = next((t for t in trigger.doc[trigger.i + 1:end] if t._.refers_to), None)
        if inside is not None and not trigger._.refers_to:
            return self._referred(inside, frame)
        return self._adjective_before(frame, trigger, end, subject)

    def _adjective_before(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """An adjective naming an entity before the trigger, or the trigger itself; not one
        inside a trigger phrase, which describes its second noun ("szef polskiej dyplomacji")."""
        doc = trigger.doc
        if trigger._.refers_to:
            return self._referred(trigger, frame)
        for i in range(trigger.i - 1, max(-1, trigger.i - 3), -1):
            if doc[i]._.refers_to:
                return self._referred(doc[i], frame)
            if doc[i].pos_ != "ADJ":
                return None
        return None

    def _adjective_first(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """The first part of a compound nationality adjective before the trigger: "polsko-"
        in "polsko-amerykańską deklarację" (the second is the `adjective`)."""
        doc = trigger.doc
        for i in range(trigger.i - 1, max(1, trigger.i - 4), -1):
            if not doc[i]._.refers_to:
                return None
            if doc[i - 1].text == "-" and doc[i - 2]._.refers_to:
                return self._referred(doc[i - 2], frame)
        return None

    def _adjective_after(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """A nationality adjective after the `via` noun in the trigger's clause: the goods or
        people a ban is aimed at ("wprowadziła zakaz importu polskich jabłek")."""
        doc = trigger.doc
        seen_via = not frame.via
        for token in doc[end:min(self._clause_end(doc, end), end + 2 * WINDOW)]:
            if seen_via and token._.refers_to:
                return self._referred(token, frame)
            if token.ent_iob_ == "B" or (token.is_punct and token.text != "-"):
                return None
            seen_via = seen_via or bool(frame.via & set(token._.lemmas))
        return None

    def _scene_anaphor(self, frame: Frame, trigger: Token, start: int, end: int,
                       subject: Argument | None) -> Argument | None:
        """ "na sąsiedni kraj": an anaphor after the preposition stands for the place last
        named after a `scene` noun and "w" or "na" in this or the previous sentence ("wojna na
        Ukrainie"; not "walka z Rosją")."""
        doc = trigger.doc
        head = next((t for t in doc[start:end] if t.pos_ != "ADJ"), None)
        if head is None or not frame.anaphors & set(head._.lemmas):
            return None
        before = next((t for t in reversed(doc[:trigger.sent.start]) if not t.is_space), None)
        first = before.sent.start if before is not None else 0
        for i in range(trigger.i - 1, first - 1, -1):
            if not frame.scene & set(doc[i]._.lemmas):
                continue
            for j in range(i + 1, min(trigger.i, i + 1 + WINDOW)):
                at_place = function_words()["scene_prepositions"] & set(doc[j - 1]._.lemmas)
                span = self._span_starting_at(doc, j) if at_place else None
                found = self._entity(span, frame, UNSURE * UNSURE) if span is not None else None
                if found and (subject is None or found.key != subject.key):
                    return found
        return None

    def _pronoun_antecedent(self, frame: Frame, trigger: Token) -> Argument | None:
        """ "Format B9 powstał w 2015 roku. Należą do niego Bułgaria, Czechy ...": a pronoun
        after the preposition stands for the last name of the frame's classes before the
        trigger, in its sentence or the one before."""
        doc = trigger.doc
        start = doc[trigger.sent.start - 1].sent.start if trigger.sent.start else 0
        found = None
        for span in self._spans_between(doc, start, trigger.i):
            found = self._entity(span, frame, UNSURE) or found
        return found

    def _kind_anaphor(self, frame: Frame, trigger: Token, start: int, end: int) -> Argument | None:
        """ "dołączyła do sojuszu": a noun after the preposition, lower-case or capitalised but
        no entity ("należy do Sojuszu"), that begins the name, or another name, of an
        organisation named before in the text (NATO, "Sojusz Północnoatlantycki") stands for
        the last one so named."""
        doc = trigger.doc
        head = next((t for t in doc[start:end] if t.pos_ != "ADJ"), None)
        if head is None or head.ent_iob_ in {"B", "I"} or head.pos_ != "NOUN":
            return None
        lemmas = set(head._.lemmas)
        for i in range(trigger.i - 1, -1, -1):
            token = doc[i]
            if token.ent_iob_ == "B" and self.ontology.top_class.get(token.ent_type_) == "Organization" \
                    and lemmas & self.name_heads_of.get(token.ent_kb_id_, {token.ent_kb_id_.split()[0].lower()}):
                span = self._span_starting_at(doc, i)
                return self._entity(span, frame, UNSURE * UNSURE) if span.end <= trigger.i else None
        return None

    def _owner(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """The entity owning the verb's subject noun: its nationality adjective or genitive
        ("rosyjskie wojska", "armia izraelska", "wojska Rosji zaatakowały"), or the country of
        a people's noun as the subject ("Rosjanie zaatakowali"), or of the noun an active
        participle right after it modifies, in any case ("rosyjskiej armii prowadzącej inwazję")."""
        doc = trigger.doc
        for i in range(trigger.i - 1, max(trigger.sent.start, trigger.i - 2 * WINDOW) - 1, -1):
            head = doc[i]
            subject = (not under_preposition(doc, i) and "nom" in token_cases(head)) \
                or (i == trigger.i - 1 and trigger.tag_.startswith("pact"))
            if frame.heads & set(head._.lemmas) and subject:
                return self._modifier_of(head, frame)
            if head._.refers_to and head.pos_ != "ADJ" and subject:
                return self._referred(head, frame)
            if _is_clause_break(head) or _breaks_clause(head):
                return None
        return None

    def _visitor(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """The last visitor of an earlier sentence, for a visit noun with a preposition after it
        and no agent ("Termin wizyty w Serbii", "jego pierwsza wizyta w Grecji"), in a sentence
        that names no person who might be the one visiting."""
        doc = trigger.doc
        after = next((t for t in doc[end:trigger.sent.end] if t.pos_ != "ADJ"), None)
        if after is None or after.pos_ != "ADP" or not any("sg" in a.features.get("number", ()) for a in trigger._.analyses) \
                or any(self.ontology.top_class.get(e.label_) == "Person" for e in trigger.sent.ents):
            return None
        earlier = [person for start, person in doc._.visitors if start < trigger.sent.start]
        return Argument(earlier[-1], UNSURE) if earlier else None

    def _modifier_of(self, head: Token, frame: Frame) -> Argument | None:
        """A nationality adjective next to the noun, or a genitive name right after it."""
        doc = head.doc
        for i in [*range(head.i - 1, max(-1, head.i - 3), -1), *range(head.i + 1, min(len(doc), head.i + 3))]:
            if doc[i]._.refers_to and doc[i].pos_ == "ADJ":
                return self._referred(doc[i], frame)
        span = self._span_starting_at(doc, head.i + 1) if head.i + 1 < len(doc) else None
        if span is not None and self._case_fit(span[0], frozenset({"gen"}), self.ontology.top_class.get(span.label_, "")):
            return self._entity(span, frame)
        return None

    def _referred(self, token: Token, frame: Frame) -> Argument | None:
        top, name = token._.refers_to
        if frame.classes and top not in frame.classes:
            return None
        return Argument((top, name))

    def _apposition(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """The entity a role noun or adjective describes: right after its complement, or
        right before ", role". Not for a role noun that is the complement of another
        ("doradca prezydenta Ukrainy X", "szef gabinetu prezydenta X": X is the adviser)."""
        doc = trigger.doc
        before = next((t for t in reversed(doc[trigger.sent.start:trigger.i]) if t.pos_ != "ADJ"), None)
        if before is not None and "gen" in token_cases(trigger) and (self.role_nouns & set(before._.lemmas) or (
                before.pos_ == "NOUN" and "gen" in token_cases(before) and self._after_role_noun(doc, before.i))) \
                and not self._inner_role_holder(doc, end, before):
            return None  # "szef gabinetu prezydenta Polski X": X is the head of the office
        i, last = end, min(len(doc), end + 1 + 2 * WINDOW)
        while i < last:
            span = self._span_starting_at(doc, i)
            if span is not None and (found := self._entity(span, frame)):
                return self._respective_holder(frame, trigger, found)
            token = doc[i]
            if token.text == "(":  # a remark: "Premier Japonii (od października) Sanae Takaichi"
                i = next((j for j in range(i + 1, min(len(doc), i + 8)) if doc[j].text == ")"), last)
            elif token.text in DASHES and token.whitespace_:
                pass  # "Prezydent Finlandii – Alexander Stubb –"
            elif token.text == ":" and not (i + 1 < len(doc) and self.role_nouns & set(doc[i + 1]._.lemmas)):
                pass  # a list: "państw członkowskich UE: Hiszpania, Słowacja" (not "UE: kanclerz Austrii X")
            elif _breaks_clause(token) or _is_clause_break(token) or (token.is_punct and token.text != ",") \
                    or _comitative(token) or (token.pos_ == "ADP" and doc[i - 1].text == "," and not _opens_list(doc, i)) \
                    or (doc[i - 1].text == "," and token.lower_ in function_words()["coordinators"]) \
                    or self._other_persons_noun_after(doc, i, trigger):
                break  # "Polski przywódca wraz z małżonką X": X is his companion; "w Sanie, stolicy
                # kraju, w portowym mieście Al-Hudajda": a new phrase, no apposition; "w Chartumie,
                # stolicy Sudanu, i sąsiednim Omdurmanie": the next of a list
            i += 1
        comma = trigger.i - 1
        while comma > 0 and doc[comma].is_lower and (
                doc[comma].pos_ == "ADJ" or any(a.pos_class == "adj" for a in doc[comma]._.analyses)):
            comma -= 1  # "Marka Ruttego, wieloletniego lidera VVD", "Janet Yellen, była przewodnicząca Fedu"
        if comma >= 1 and doc[comma].text == ",":
            span = self._span_ending_at(doc, comma - 1)
            if span is not None:
                return self._entity(span, frame)
        return None

    def _other_persons_noun_after(self, doc: Doc, i: int, trigger: Token) -> bool:
        """A coordinator at i before a lower-case noun in the role noun's case that is no role
        ("amerykański prezydent i pierwsza dama Jill Biden"): the name after it is that
        person's; coordinated roles share out the names after them ("Kanclerz Niemiec i
        prezydent Francji, X i Y"), and a portfolio goes on ("minister górnictwa i energetyki X")."""
        if doc[i].lower_ not in function_words()["coordinators"]:
            return False
        noun = next((t for t in doc[i + 1:i + 4] if t.pos_ != "ADJ"), None)
        return noun is not None and noun.pos_ == "NOUN" and noun.is_lower and not self.role_nouns & set(noun._.lemmas) \
            and "Sing" in noun.morph.get("Number") and noun.morph.get("Case") == trigger.morph.get("Case")

    def _inner_role_holder(self, doc: Doc, end: int, outer: Token) -> bool:
        """The person named after the inner role's complement is in a case the outer noun
        cannot be in, so holds the inner role: "To bliski współpracownik prezydenta Rosji
        Władimira Putina" (Putin is the president)."""
        for i in range(end, min(len(doc), end + 2 * WINDOW)):
            if doc[i].ent_iob_ == "B" and self.ontology.top_class.get(doc[i].ent_type_) == "Person":
                return "gen" in token_cases(doc[i]) and not token_cases(doc[i]) & token_cases(outer)
        return False

    def _respective_holder(self, frame: Frame, trigger: Token, first: Argument) -> Argument:
        """The k-th of coordinated names for the k-th of coordinated role phrases ("Kanclerz
        Niemiec i prezydent Francji, Friedrich Merz i Emmanuel Macron": Macron is the
        president)."""
        rank = self._role_rank(trigger)
        if not rank:
            return first
        names = [first, *self._coordinated(frame, trigger.doc, first, trigger)]
        return names[rank] if len(names) > rank else first

    def _role_rank(self, trigger: Token) -> int:
        """How many role nouns come before the trigger in its coordinated noun phrase, up to
        a person's name: each role of "z premierem Polski X, prezydentem Francji Y i
        kanclerzem Niemiec Z" has its own; not a role noun in another case or number, whose
        phrase the names list ("20 przywódców, m.in. prezydent Serbii X i premier Słowacji Y")."""
        rank = 0
        for token in reversed(trigger.doc[trigger.sent.start:trigger.i]):
            if token.pos_ in {"VERB", "AUX", "ADP"} or (token.is_punct and token.text != ",") or token.ent_type_ == "Person":
                break
            rank += bool(self.role_nouns & set(token._.lemmas)) and bool(token_cases(token) & token_cases(trigger)) \
                and token.morph.get("Number") == trigger.morph.get("Number")
        return rank

    def _next(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """The entity right after the trigger, past an adjective, the common noun of its
        kind and a quote ("rosyjski Gazprom", "norweski koncern Equinor", "rosyjski koncern
        naftowy Łukoil", 'hiszpański dziennik „El País”'); not a common noun standing for a
        name, which the adjective only picks out ("rosyjskiej stolicy" is Moscow)."""
        doc = trigger.doc
        for i in range(end, min(len(doc), end + 4)):
            span = self._span_starting_at(doc, i)
            if span is not None:
                return None if len(span) == 1 and span[0].is_lower else self._entity(span, frame)
            if doc[i].pos_ != "ADJ" and not doc[i].is_quote \
                    and not (doc[i].is_lower and self.name_heads & set(doc[i]._.lemmas)):
                return None
        return None

    def _self(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """The entity whose mention contains the trigger ("Opery Astana", "rosyjskiego dyktatora")."""
        span = self._span_containing(trigger.doc, trigger.i)
        return self._entity(span, frame) if span is not None else None

    def _inner(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """A known name nested in the subject's mention (`doc.spans["gb_nested"]`)."""
        if subject is None or subject.start < 0:
            return None
        for span in trigger.doc.spans.get(NESTED, []):
            if subject.start <= span.start and span.end <= subject.end and (found := self._entity(span, frame)):
                return found
        return None

    def _before(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """The entity right before the trigger ("Przemysław Czarnek z PiS"); before a preposition,
        a body only when a preposition makes it a place too ("w Białym Domu w Waszyngtonie",
        "skarga do MTS w Hadze"), not as a noun's complement ("szczyt NATO w Wilnie" is where
        the body met)."""
        doc = trigger.doc
        span = self._span_ending_at(doc, trigger.i - 1) if trigger.i else None
        if span is None or (trigger.pos_ == "ADP" and self.ontology.top_class.get(span.label_) == "Organization"
                            and not (span.start and doc[span.start - 1].pos_ == "ADP")):
            return None
        return self._entity(span, frame)

    def _before_comma(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """The entity before a comma or "jako" opening the trigger's apposition, past its
        adjectives, participles and their adverbs: "Turcja, członek Sojuszu", "Chiny jako
        stały członek Rady", "Gotlandii, strategicznie położonej szwedzkiej wyspy"."""
        doc = trigger.doc
        i = trigger.i - 1
        while i > 0 and doc[i].is_lower and (doc[i].pos_ == "ADV" or any(
                a.pos_class in {"adj", "ppas", "pact"} for a in doc[i]._.analyses)):
            i -= 1  # "stały", which the tagger may read as a verb
        if i < 1 or doc[i].lower_ not in function_words()["apposition_markers"]:
            return None
        if trigger.pos_ == "ADJ" and not trigger.tag_.startswith("ppas") \
                and not self._unnamed_kind_after(doc, trigger.i + 1):
            return None  # "agencja Reuters, indyjski premier"; "Airbusa, francuskiego koncernu EDF"
        span = self._span_ending_at(doc, i - 1)
        return self._entity(span, frame) if span is not None else None

    def _unnamed_kind_after(self, doc: Doc, i: int) -> bool:
        """A kind noun ("koncern", "agencja") comes past the adjectives from i, with no name of its own."""
        while i < len(doc) and doc[i].pos_ == "ADJ":
            i += 1
        if i >= len(doc) or not self.name_heads & set(doc[i]._.lemmas):
            return False
        j = i + 1
        while j < len(doc) and doc[j].pos_ == "ADJ" and doc[j].is_lower:
            j += 1
        return j >= len(doc) or doc[j].ent_iob_ not in {"B", "I"}

    def _last_city(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """ "przybył do Kijowa. W stolicy Ukrainy ...": a capital named only by its country,
        after a preposition, is the city the text named last, in its sentence or the one
        before, if no other place came between and the gazetteer does not know it as a city
        that is no capital of that country. A name given after it ("w stolicy Ukrainy, Kijowie") is the
        capital instead. The country may be an adjective ("w chińskiej stolicy")."""
        doc = trigger.doc
        adjective = doc[trigger.i - 1] if trigger.i > 1 and doc[trigger.i - 1].pos_ == "ADJ" else None
        if adjective is not None and adjective._.refers_to and adjective._.refers_to[0] == "Country" \
                and doc[trigger.i - 2].pos_ == "ADP":
            country_name, after = adjective._.refers_to[1], doc[end:end + 3]  # "w chińskiej stolicy"
        elif trigger.i and doc[trigger.i - 1].pos_ == "ADP" and end < len(doc) and doc[end].ent_iob_ == "B":
            country = _entity_span(doc, end, next((i for i in range(end + 1, len(doc)) if doc[i].ent_iob_ != "I"),
                                                  len(doc)))
            country_name, after = country.kb_id_, doc[country.end:country.end + 3]
        else:
            return None
        if any(self.ontology.top_class.get(t.ent_type_) == "City" for t in after):
            return None
        start = doc[trigger.sent.start - 1].sent.start if trigger.sent.start else 0
        places = [span for span in self._spans_between(doc, start, trigger.i)
                  if self.ontology.top_class.get(span.label_) in {"Country", "City", "Location"}]
        if not places or self.ontology.top_class.get(places[-1].label_) != "City":
            return None
        city = places[-1].kb_id_
        if city in self.place_country and self.capital_of.get(city) != country_name:
            return None
        return self._entity(places[-1], frame)

    def _sole_country(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """ "Ukraina od początku rosyjskiej inwazji eksportuje zboże": a war named without its
        target ("na X") is against the country its sentence names besides the subject, when
        its names, adjectives and capitals name it more often than any other ("podróż
        ukraińskiego przywódcy do Polski od początku rosyjskiej inwazji" names no target)."""
        doc = trigger.doc
        if end < len(doc) and frame.prep & set(doc[end]._.lemmas):
            return None
        spans = list(self._spans_between(doc, trigger.sent.start, trigger.sent.end))
        countries = {span.kb_id_: span for span in spans if self.ontology.top_class.get(span.label_) == "Country"}
        mentions = Counter([span.kb_id_ for span in spans if span.kb_id_ in countries]
                           + [self.capital_of[span.kb_id_] for span in spans if span.kb_id_ in self.capital_of]
                           + [t._.refers_to[1] for t in trigger.sent
                              if t._.refers_to and t._.refers_to[0] == "Country"
                              and self.ontology.top_class.get(t.ent_type_) != "Country"])  # not the names again
        if subject is not None:
            del mentions[subject.key[1]]
        ranked = mentions.most_common(2)
        if not ranked or ranked[0][0] not in countries or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return self._entity(countries[ranked[0][0]], frame)

    def _sentence(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """The first entity of the frame's classes anywhere in the trigger's sentence."""
        for span in self._spans_between(trigger.doc, trigger.sent.start, trigger.sent.end):
            if found := self._entity(span, frame):
                return found
        return None

    def _where(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """ "w Wilnie, gdzie ... spotkał się": the place the relative clause is about."""
        doc = trigger.doc
        for i in range(trigger.i - 1, trigger.sent.start + 1, -1):
            if doc[i].lower_ in function_words()["relative_where"] and doc[i - 1].text == ",":
                span = self._span_ending_at(doc, i - 2)
                return self._entity(span, frame) if span is not None else None
            if _breaks_clause(doc[i]):
                return None
        return None

    def _place_before(self, frame: Frame, trigger: Token, end: int, subject: Argument | None) -> Argument | None:
        """The nearest place under the frame's preposition before the trigger's entity in its
        clause, past verbs: "W Warszawie jeszcze przed rozmową spotkał się w Pałacu
        Prezydenckim" (not one after it, the topic's: "w Pałacu Elizejskim rozmawiał o
        sytuacji w Kijowie"; nor one past "a", another clause's)."""
        doc = trigger.doc
        own = self._span_containing(doc, trigger.i)
        for i in range((own.start if own is not None else trigger.i) - 1, trigger.sent.start - 1, -1):
            if _is_clause_break(doc[i + 1]) and i + 1 != trigger.i:
                return None
            span = self._span_ending_at(doc, i)
            if span is not None and (found := self._fitting(span, frame, trigger)):
                return found
        return None

    def _coordinated(self, frame: Frame, doc: Doc, first: Argument, trigger: Token) -> Iterator[Argument]:
        """Arguments of the same class joined to the first by "i", "oraz" or commas, after it
        ("z Turcją i Finlandią") or, for subjects, before it ("X i prezydent Y podpisali")."""
        if first.key == ARTICLE:
            return
        if first.end <= trigger.i:
            yield from self._coordinated_before(frame, doc, first)
            return
        i = first.end
        words = function_words()
        joiners = words["coordinators"] | words["list_separators"]
        preposition = self._governing_preposition(doc[first.start:first.end])
        if preposition is not None and words["between_prepositions"] & set(preposition._.lemmas):
            joiners |= words["between_coordinators"]  # "między Izraelem a Hamasem"
        while i < len(doc) and doc[i].lower_ in joiners:
            if doc[i].lower_ in words["list_separators"] and self._apposition_after(doc, i + 1):
                return  # "do Kantonu, stolicy prowincji Guangdong": no list
            found = self._same_class_within(doc, i + 1, first.key[0], frame, step=1)
            if found is None:
                break
            yield found
            i = found.end
        opening = preposition or next((t for t in reversed(doc[trigger.i + 1:first.start])
                                       if t.pos_ == "ADP" and frame.prep & set(t._.lemmas)), None)
        if opening is not None:  # "z przewodniczącym parlamentu X": the preposition before the role
            yield from self._gapped(frame, doc, i, opening, first.key[0])

    def _gapped(self, frame: Frame, doc: Doc, i: int, preposition: Token, top: str) -> Iterator[Argument]:
        """ "spotkał się z X, a w czwartek także z Y", "przyleciał do Paryża, a potem do
        Berlina", "rozmawiał w Moskwie z X, a w Pekinie z Y": the clause after "a" with no verb
        of its own repeats the verb, and its phrase with the same preposition names one more
        argument."""
        i = self._clause_end(doc, i)
        if i >= len(doc) or doc[i].lower_ not in function_words()["gap_coordinators"]:
            return
        end = self._clause_end(doc, i)
        if (end < len(doc) and doc[end].pos_ == "VERB") or any(_breaks_clause(t) for t in doc[i + 1:end]):
            return
        for j in range(i + 1, end):
            if doc[j].pos_ == "ADP" and doc[j].lower_ == preposition.lower_:
                found = self._same_class_within(doc, j + 1, top, frame, step=1)
                if found is not None and found.end <= end:
                    yield found
                return

    def _apposition_after(self, doc: Doc, i: int) -> bool:
        """A lower-case common noun after a comma that is no role noun describes the name
        before it ("Kantonu, stolicy prowincji"); role nouns go on a list of people
        ("z premierem Polski X, prezydentem Francji Y")."""
        return i < len(doc) and doc[i].is_lower and doc[i].pos_ == "NOUN" \
            and not self.role_nouns & set(doc[i]._.lemmas)

    def _coordinated_before(self, frame: Frame, doc: Doc, first: Argument) -> Iterator[Argument]:
        """Going left from the subject nearest the trigger: "i" or "oraz" joins the one before,
        and past that the commas of a list ("Niger, Mali i Burkina Faso"), also before a
        role ("Donald Tusk, prezydent Francji Emmanuel Macron i kanclerz Niemiec Olaf Scholz")."""
        i, listed = first.start - 1, False
        words = function_words()
        while i > 0:
            joiners = words["coordinators"] | (words["list_separators"] if listed else frozenset())
            joined = next((j for j in range(i, max(-1, i - 2 * WINDOW), -1) if doc[j].lower_ in joiners), None)
            if joined is None or any(_breaks_clause(t) or t.is_punct for t in doc[joined + 1:i + 1]):
                return
            listed = True
            if doc[joined].lower_ in words["list_separators"] and self._comma_ends_a_clause(doc, joined, i):
                return
            found = self._same_class_within(doc, joined - 1, first.key[0], frame, step=-1)
            if found is None or (not frame.prep and frame.position != "before_comma"
                                 and under_preposition(doc, found.start)
                                 and not self._represented(doc[found.start:found.end])):
                return  # "Po wizycie w Kijowie, Polska i Litwa ...": Kyiv is no subject; but
                # "ministrowie z Iraku, Kataru i ZEA" act for all three, and an apposition
                # follows a list in any case ("z Ceutą i Melillą, hiszpańskimi miastami")
            yield found
            i = found.start - 1

    def _comma_ends_a_clause(self, doc: Doc, comma: int, i: int) -> bool:
        """The comma before a list item at i closes another clause, not a list item, when a
        common noun other than a role opens the item ("Jak podała agencja Xinhua, delegacje
        Chin i Serbii zawarły"; not "szef dyplomacji ZEA X") or what stands before the comma
        is a subordinate clause with a verb of its own ("Jak poinformowała agencja Reuters,
        Polska i Niemcy podpisały"; not "Należą do niego Bułgaria, Czechy i Węgry")."""
        opening = next((t for t in doc[comma + 1:i + 1] if t.pos_ != "ADJ"), None)
        if opening is not None and opening.is_lower and opening.pos_ == "NOUN" \
                and not self.role_nouns & set(opening._.lemmas):
            return True
        verb = False
        for j in range(comma - 1, doc[comma].sent.start - 1, -1):
            verb = verb or _breaks_clause(doc[j])
            if doc[j].text == "," or _is_clause_break(doc[j]):
                return verb and doc[j].lower_ in function_words()["clause_breaks"]
        return False

    def _same_class_within(self, doc: Doc, i: int, top: str, frame: Frame, step: int) -> Argument | None:
        """The first entity of a class within a few words from i, going right or left; going
        right, not past a common noun other than a role and its complement or a name's kind
        ("Dagalo, zwanego Hemetti, zastępcę Burhana", "agresję na Ukrainę oraz współudział
        Białorusi": the name is the noun's complement, not a list item)."""
        after_role = False
        for j in range(i, i + step * (2 + 2 * WINDOW), step):
            if not 0 <= j < len(doc):
                return None
            span = self._span_starting_at(doc, j) if step > 0 else self._span_ending_at(doc, j)
            span_top = self.ontology.top_class.get(span.label_) if span is not None else None
            if step > 0 and span_top not in (None, top) and self._after_role_noun(doc, j):
                continue  # "i premier Szwecji Magdalena Andersson": Sweden is the role's complement
            capital = span_top == "City" and top == "Country" and span.kb_id_ in self.capital_of  # "Kijów i Waszyngton"
            if span_top is not None and (span_top == top or span_top in frame.classes or capital):
                return self._entity(span, frame)
            if _breaks_clause(doc[j]) or _is_clause_break(doc[j]) or (doc[j].is_punct and doc[j].text != ","):
                return None
            if doc[j].pos_ == "ADP" and not frame.prep & set(doc[j]._.lemmas):
                return None  # "w Rydze, stolicy Łotwy, i w Tallinie": another phrase
            if step > 0 and top != "Person" and self.role_nouns & set(doc[j]._.lemmas):
                return None  # "Kanclerz Niemiec i prezydent Francji": another role's complement
            after_role = after_role or bool(self.role_nouns & set(doc[j]._.lemmas))
            if step > 0 and not after_role and doc[j].is_lower and doc[j].pos_ == "NOUN" \
                    and not self.name_heads & set(doc[j]._.lemmas) \
                    and not any(a.pos_class == "adj" for a in doc[j]._.analyses):
                return None  # "agresję na Ukrainę oraz współudział Białorusi"
        return None

    # ------------------------------------------------------------ token helpers

    @staticmethod
    def _span_ending_at(doc: Doc, i: int) -> Span | None:
        """The entity whose last word is i, read from the words' IOB tags (building
        `doc.ents` for every question cost more than all the frames together)."""
        if doc[i].ent_iob_ not in {"B", "I"} or (i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I"):
            return None
        start = i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        return _entity_span(doc, start, i + 1)

    @staticmethod
    def _span_starting_at(doc: Doc, i: int) -> Span | None:
        """The entity whose first word is i (none past the text's end)."""
        if i >= len(doc) or doc[i].ent_iob_ != "B":
            return None
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return _entity_span(doc, i, end)

    @classmethod
    def _span_containing(cls, doc: Doc, i: int) -> Span | None:
        """The entity with word i in it."""
        if doc[i].ent_iob_ not in {"B", "I"}:
            return None
        while doc[i].ent_iob_ == "I" and i > 0:
            i -= 1
        return cls._span_starting_at(doc, i)

    @classmethod
    def _spans_between(cls, doc: Doc, start: int, end: int) -> Iterator[Span]:
        """The entities that begin in words start..end, in order."""
        for i in range(start, end):
            if doc[i].ent_iob_ == "B":
                yield cls._span_starting_at(doc, i)

    def _governing_preposition(self, span: Span) -> Token | None:
        """The preposition a name depends on, past adjectives, a role noun or the common noun
        of its kind in apposition ("z prezydentem USA Joe Bidenem", "do grupy BRICS"), genitive
        names and the genitive of a role's title ("z ministrem finansów Niemiec"), if any.
        Another noun ends the search: in "w niedzielę Polskę" the name does not depend on "w",
        nor in "Z Warszawy Modi udał się" does a name right after another with no noun
        between them, nor a noun right after a name ("w Kremlu premiera Niemiec X")."""
        doc = span.doc
        after_name = span.start > 0 and (doc[span.start - 1].pos_ == "PROPN"
                                         or doc[span.start - 1].ent_iob_ in {"B", "I"})  # "Ze Stanów Zjednoczonych"
        if after_name and span[0].is_lower:
            return None  # a role phrase after another's name: "Wraz z premierem X turecki przywódca podpisał"
        noun_after, person = False, self.ontology.top_class.get(span.label_) == "Person"
        for token in reversed(doc[max(0, span.start - 5):span.start]):
            if token.pos_ == "ADP" and token.tag_.startswith("prep:nom"):
                return None  # "widać, jak Prigożyn rozmawia": a conjunction; "jako premier Donald Tusk
                # wyjechał": the name is in apposition to the role "jako" takes, both nominative
            if token.pos_ == "ADP":
                return None if after_name else token
            if token.lower_ in function_words()["coordinators"] and token.i and (
                    conjunct := self._span_ending_at(doc, token.i - 1)) is not None:
                return self._governing_preposition(conjunct)  # "z X i przewodniczącą KE Y": Y's is X's
            if token.pos_ == "PROPN" and noun_after:
                return None
            noun_after = (token.pos_ == "NOUN" and not self.lexicon.person_nouns & set(token._.lemmas)) \
                or (token.pos_ == "ADJ" and noun_after)  # "MSZ księciem"; "w Sandringham brytyjski król X"
            if token.pos_ == "NOUN" or self.role_nouns & set(token._.lemmas):
                after_name = False  # "Z przewodniczącym Chin Xi Jinpingiem": a role, though tagged as an adjective
            if token.is_punct or _breaks_clause(token) or token.pos_ not in {"ADJ", "NOUN", "PROPN", "X", "CCONJ"}:
                return None
            heads = self.role_nouns | self.name_heads | function_words()["composition_nouns"]
            if person and token.pos_ == "NOUN" and self.name_heads & set(token._.lemmas) \
                    and not (self.role_nouns | self.lexicon.person_nouns) & set(token._.lemmas):
                return None  # "przyjął w pałacu Kamikawę": a place's noun heads no person's name
            if token.pos_ == "NOUN" and not heads & set(token._.lemmas) \
                    and not ("gen" in token_cases(token) and self._after_role_noun(doc, token.i)):
                return None  # but "w skład SzOW" depends on "w"
            if token.i == span.start - 1 and self.role_nouns & set(token._.lemmas) and _in_another_case(span, token):
                return None  # "rozmawiał z dziennikarzami Jacek Czaputowicz": no apposition
        return None

    def _role_holder_after(self, doc: Doc, span: Span) -> bool:
        """The name is a role's complement and the holder's name follows it: "prezydentem
        Ukrainy Wołodymyrem Zełenskim"."""
        following = self._span_starting_at(doc, span.end)
        return self._after_role_noun(doc, span.start) and following is not None \
            and self.ontology.top_class.get(following.label_) == "Person"

    def _after_role_noun(self, doc: Doc, i: int) -> bool:
        """A role noun stands within two words before i ("ministrem spraw zagranicznych")."""
        return any(self.role_nouns & set(t._.lemmas) for t in doc[max(0, i - 2):i])

    @classmethod
    def _has_via(cls, doc: Doc, trigger: Token, end: int, via: frozenset[str]) -> bool:
        return cls.via_noun(doc, trigger, end, via) is not None

    @staticmethod
    def via_noun(doc: Doc, trigger: Token, end: int, via: frozenset[str]) -> Token | None:
        """The noun a rule needs ("sankcje", "porozumienie") in the clause after the trigger,
        in either order with the prepositional phrase ("nałożyły na Rosję sankcje",
        "podpisał z Bidenem porozumienie"), or right before a participle trigger
        ("memorandum zawarte z Turcją"), if there is one."""
        if _pos_class(trigger) in PARTICIPLES:
            before = [t for t in doc[max(0, trigger.i - 3):trigger.i] if via & set(t._.lemmas)]
            if before:
                return before[-1]
        for token in doc[end:min(len(doc), end + 3 * WINDOW)]:
            if via & set(token._.lemmas):
                return token
            if _breaks_clause(token) or token.text in {".", ";"}:
                break
        return ArgumentFinder._via_noun_before(doc, trigger, via)

    @staticmethod
    def _via_noun_before(doc: Doc, trigger: Token, via: frozenset[str]) -> Token | None:
        """The noun fronted in its clause, not in a prepositional phrase: "Sankcje na
        Białoruś nałożyła Kanada", "Porozumienie z Turcją podpisała Unia"; or the antecedent
        of the clause's relative pronoun, past its adjectives: "wojny, którą Rosja prowadzi
        przeciwko Ukrainie", "sankcji gospodarczych, które Unia nałożyła na Syrię"."""
        for i in range(trigger.i - 1, max(trigger.sent.start, trigger.i - 2 * WINDOW) - 1, -1):
            if via & set(doc[i]._.lemmas) and not under_preposition(doc, i):
                return doc[i]
            if i >= 2 and function_words()["relative_pronouns"] & set(doc[i]._.lemmas) and doc[i - 1].text == ",":
                k = i - 2
                while k > trigger.sent.start and doc[k].pos_ == "ADJ" and doc[k].is_lower:
                    k -= 1  # "sankcji gospodarczych, które"
                return doc[k] if via & set(doc[k]._.lemmas) else None
            if _is_clause_break(doc[i]) or _breaks_clause(doc[i]):
                return None
        return None

    @staticmethod
    def _clause_end(doc: Doc, i: int) -> int:
        """Where the clause from i ends; a colon after a plural noun opens its list and ends
        nothing: "zrzesza osiem państw: Brazylię, Boliwię i Peru"."""
        end = i
        while end < len(doc) and not (end > i and (_is_clause_break(doc[end]) or _breaks_clause(doc[end]))
                                      and not _opens_a_list_of(doc, end)):
            end += 1
        return end

    @staticmethod
    def _next_preposition(doc: Doc, i: int, end: int, frame: Frame) -> int:
        """The first of the frame's prepositions whose phrase can be in the frame's case:
        "w poniedziałek w Baku" skips the accusative "w poniedziałek" for a locative frame;
        an adjective opening the phrase shows its case too ("z przewodniczącym parlamentu X",
        a role the tagger reads as a participle)."""
        for j in range(i, end):
            preps = [a for a in doc[j]._.analyses if a.pos_class == "prep" and a.lemma.lower() in frame.prep]
            if preps and (not frame.case or any(frame.case & a.features.get("case", frozenset()) for a in preps)):
                head = next((t for t in doc[j + 1:end]  # past "86-letnim": "z 86-letnim królem X"
                             if t.pos_ != "ADJ" and not t.like_num and t.text not in DASHES), None)
                cases = token_cases(head) if head is not None else frozenset()
                if j + 1 < end and doc[j + 1].pos_ == "ADJ":
                    cases |= token_cases(doc[j + 1])
                if not frame.case or not cases or cases & frame.case or (head is not None and head.ent_iob_ == "B"):
                    return j
        return -1

    @classmethod
    def _entities_after(cls, doc: Doc, i: int, end: int) -> Iterator[Span]:
        """Entities after a preposition, past lower-case words, numbers and genitive names
        ("do bloku gospodarczego BRICS", "z ministrem spraw zagranicznych Rosji Siergiejem
        Ławrowem"), and past a comma before the names a plural noun's apposition gives in its
        case ("z ministrami spraw zagranicznych Rosji i Iranu, Siergiejem Ławrowem i ...")."""
        j = i
        head = next((t for t in doc[i:end] if t.pos_ == "NOUN"), None)
        while j < min(end, i + 2 * WINDOW):
            if doc[j].ent_iob_ == "B":
                span = cls._span_starting_at(doc, j)
                yield span
                j = span.end
                continue
            if not (doc[j].is_lower or doc[j].like_num or doc[j].text == "-" or _apposition_comma(doc, j)
                    or cls._names_after_plural(doc, j, head)) or doc[j].pos_ == "ADP":
                return  # past an age: "z 86-letnim saudyjskim królem X"
            j += 1

    @staticmethod
    def _names_after_plural(doc: Doc, i: int, head: Token | None) -> bool:
        """A comma after a plural noun's complement, before a name in the noun's case."""
        return head is not None and doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].ent_iob_ == "B" \
            and "Plur" in head.morph.get("Number") and head.is_lower \
            and bool(set(head.morph.get("Case")) & set(doc[i + 1].morph.get("Case")))
