"""spaCy component: relations between entities from the case-frame rules in `ontology/relations/`.

For each trigger word of a rule, each argument is looked for where the rule's frame says
(see `graphbuilder.rules`), checked for case, agreement and class, and the fact is kept
only if the ontology's domain and range allow it. Facts go to `doc._.facts` as plain
`Fact` objects whose arguments are entity keys `(class, canonical name)`.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..morph import FINITE_CLASSES, tag_features
from ..names import DASHES
from ..ontology import GazetteerEntry, load_lexicon, load_ontology, ontology_dir
from ..rules import Frame, Rule, load_rules
from ..types import ARTICLE, Fact
from .frames import UNSURE, Argument, ArgumentFinder, after_copula, function_words, trigger_lemmas, under_preposition
from .morphology import token_cases

HOME_PREDICATES = frozenset({"leaderOf", "ministerOf", "citizenOf"})
ROLE_MENTIONS = "gb_roles"  # doc.spans key of role phrases resolved to a person
IMPLIED = 0.6  # confidence of a role's country the text implies but does not state

if not Doc.has_extension("facts"):
    Doc.set_extension("facts", default=[])


def _plural_object(noun: Token) -> bool:
    """The noun as an object can only be plural: an accusative only in the plural
    ("porozumienia", which the tagger may read as a singular genitive), not "umowę"."""
    accusatives = [a.features.get("number", frozenset()) for a in noun._.analyses
                   if "acc" in a.features.get("case", ())]
    return any("pl" in n for n in accusatives) and not any("sg" in n for n in accusatives)


def _current_holders(facts) -> dict[tuple, list[tuple[int, tuple[str, str]]]]:
    """(place or body, role predicate) -> (sentence, person) of each role or citizenship the
    facts give, but no former one ("ówczesny szef polskiej dyplomacji")."""
    holders: dict[tuple, list[tuple[int, tuple[str, str]]]] = {}
    for fact in facts:
        if fact.predicate in HOME_PREDICATES and fact.subject != ARTICLE and fact.modality != "former":
            holders.setdefault((fact.object, fact.predicate), []).append((fact.sentence, fact.subject))
    return holders


def _remote(trigger: Token, end: int) -> bool:
    """A word of talk at a distance within two words of the trigger phrase: "rozmawiał
    telefonicznie z", "w rozmowie telefonicznej z", "rozmowy przez wideołącze"."""
    doc = trigger.doc
    return _at_a_distance(doc[max(trigger.sent.start, trigger.i - 2):min(trigger.sent.end, end + 2)])


def _in_a_remote_clause(span: Span) -> bool:
    """A word of talk at a distance in the name's clause, between the punctuation around it."""
    doc, sent = span.doc, span.sent
    start = next((t.i + 1 for t in reversed(doc[sent.start:span.start]) if t.is_punct), sent.start)
    end = next((t.i for t in doc[span.end:sent.end] if t.is_punct), sent.end)
    return _at_a_distance(doc[start:end])


def _at_a_distance(tokens: Span) -> bool:
    """One of the words holds a word of talk at a distance (`remote_markers`: "telefonicznie")."""
    return any(function_words()["remote_markers"] & (set(t._.lemmas) | {t.lower_}) for t in tokens)


def _interviewer(doc: Doc, argument: Argument) -> bool:
    """A journalist's noun right before the name ("w rozmowie z dziennikarzem RMF FM X"): an
    interview, no meeting."""
    before = doc[max(0, argument.start - 3):argument.start] if argument.start > 0 else []
    return any(function_words()["interviewer_nouns"] & set(t._.lemmas) for t in before)


def _phrase_gender(words: Span) -> str | None:
    """"f" or "m" when every reading of the adjective and noun in the nominative or oblique
    singular agrees on it ("francuski przywódca": a man; "brytyjska premier": a woman);
    None when they leave it open."""
    genders = set()
    for word in words:
        readings = [a.features.get("gender", frozenset()) for a in word._.analyses
                    if a.pos_class in {"adj", "subst"} and "sg" in a.features.get("number", ())]
        if readings and all(g == {"f"} for g in readings):
            genders.add("f")
        elif word.pos_ == "ADJ" and readings and all(g and "f" not in g for g in readings):
            genders.add("m")
    return genders.pop() if len(genders) == 1 else None


def _name_gender(span: Span, role_nouns: frozenset[str]) -> str | None:
    """The gender of a person's name where Morfeusz knows the first name as one gender only,
    else where a woman's role noun stands before it, past capitalised words only ("z
    przewodniczącą Komisji Europejskiej Ursulą von der Leyen"; not "W drodze powrotnej
    Zełenski")."""
    genders = {g for a in span[0]._.analyses if "imię" in a.categories for g in a.features.get("gender", ())}
    if genders:
        return "f" if genders == {"f"} else "m" if "f" not in genders else None
    role = next((t for t in reversed(span.doc[max(span.sent.start, span.start - 4):span.start])
                 if not t.text[:1].isupper()), None)
    if role is None or not (set(role._.lemmas) | {role.lower_}) & role_nouns:
        return None
    return _phrase_gender(span.doc[role.i:role.i + 1])


def _gender_of(doc: Doc, person: tuple[str, str], role_nouns: frozenset[str]) -> str | None:
    """The gender the person's mentions show (`_name_gender`), when they agree on one."""
    genders = {_name_gender(e, role_nouns) for e in doc.ents if (e.label_, e.kb_id_) == person} - {None}
    return genders.pop() if len(genders) == 1 else None


class RelationExtractor(ArgumentFinder):
    """Applies the relation rules to a document whose entities are set."""

    def __init__(self, nlp: Language, name: str = "gb_relations", ontology: str | None = None) -> None:
        self.name = name
        directory = Path(ontology) if ontology else ontology_dir()
        self.lexicon = load_lexicon(directory)
        self.ontology = load_ontology(directory)
        self.rules = load_rules(directory, self.lexicon, self.ontology)
        self.place_country = {e.name: e.country for e in self.lexicon.entries if e.country}
        self.government_country = {e.name: e.country for e in self.lexicon.entries
                                   if e.country and e.cls == "GovernmentOrganization"}
        self.international = {e.name for e in self.lexicon.entries if e.cls == "InternationalOrganization"}
        self.buildings = frozenset(e.name for e in self.lexicon.entries if e.building)
        self.capital_of = {capital: country for country, capital in self.lexicon.capitals.items()}
        self.capital_of |= {variant: self.capital_of[name] for variant, name in self.lexicon.variants.items()
                            if name in self.capital_of}  # "New Delhi" stands for India as "Nowe Delhi" does
        self.ministry_country = {e.name.lower().split(" ", 1)[1]: e.country for e in self.lexicon.entries
                                 if e.cls == "GovernmentOrganization" and e.country and " " in e.name
                                 and e.name.split()[0] in function_words()["ministry_nouns"]}
        self.not_home_rules = {rule.id for rule in self.rules if rule.not_home}
        self.reception_verbs = frozenset(t for rule in self.rules if rule.passive and rule.predicate == "visits"
                                         for t in rule.triggers)  # "przyjąć": its object is the guest
        self.from_abroad_rules = {rule.id for rule in self.rules if rule.from_abroad}
        self.visitor_rules = frozenset(rule.id for rule in self.rules if rule.subject.position == "visitor")
        self.visitor_triggers = frozenset(t.split()[0] for rule in self.rules if rule.id in self.visitor_rules
                                          for t in rule.triggers)
        self.role_nouns = frozenset(role.split()[0] for role in self.lexicon.roles) | self.lexicon.person_nouns
        self.name_heads = frozenset(self.lexicon.heads)
        self.name_heads_of = {e.name: self._kinds_of(e) for e in self.lexicon.entries}
        self.body_kinds = frozenset(kind for e in self.lexicon.entries for kind in e.kinds)  # "blok": lower-case
        self.by_trigger: dict[str, list[Rule]] = {}
        self.phrases: dict[tuple[str, str], list[list[str]]] = {}  # (rule, first word) -> trigger phrases
        for rule in self.rules:
            for trigger in sorted(rule.triggers, key=lambda t: -len(t.split())):
                words = trigger.split()
                self.phrases.setdefault((rule.id, words[0]), []).append(words)
                if rule not in self.by_trigger.get(words[0], []):
                    self.by_trigger.setdefault(words[0], []).append(rule)

    def __call__(self, doc: Doc) -> Doc:
        """Passes: the facts, then again once role phrases ("rosyjski minister") are resolved
        to the people the first pass found holding those roles, and once more when a people's
        noun stands for one of them ("wizyta Holendra")."""
        sentence_of = {token.i: index for index, sent in enumerate(doc.sents) for token in sent}
        facts = self._facts(doc, sentence_of)
        implied = self._resolve_role_phrases(doc, facts.values(), sentence_of)
        self._mark_mentions(doc, self._guests(doc, facts.values(), sentence_of))
        if doc.spans.get(ROLE_MENTIONS):
            self._add_facts_again(doc, facts, sentence_of)
        nationals, citizens = self._nationals(doc, facts.values(), sentence_of)
        if nationals:
            self._mark_mentions(doc, nationals)
            self._add_facts_again(doc, facts, sentence_of)
        self._add_visits_of_the_last_visitor(doc, facts, sentence_of)
        for fact in implied + citizens + self._countries_implied(doc, facts.values(), sentence_of) \
                + self._hosts_implied(doc, facts.values(), sentence_of) + self._ministries_named(doc, sentence_of) \
                + self._counterparts(doc, facts.values(), sentence_of) + self._joined_talks(doc, facts.values()) \
                + self._members_listed(doc, sentence_of) + self._places_listed(doc, sentence_of) \
                + _places_around_visited(facts.values()):
            facts.setdefault((fact.subject, fact.predicate, fact.object, fact.sentence), fact)
        facts.update(self._on_behalf(facts.values()))
        doc._.facts = _best_per_key(self._drop_visits_home(list(facts.values()), doc))
        return doc

    def _add_facts_again(self, doc: Doc, facts: dict[tuple, Fact], sentence_of: dict[int, int],
                         rules: frozenset[str] | None = None, tokens: list[Token] | None = None) -> None:
        """Run the rules (or those named, at the tokens given) again over the mentions marked
        since, keeping the surer of two facts."""
        for key, fact in self._facts(doc, sentence_of, rules, tokens).items():
            if key not in facts or facts[key].confidence < fact.confidence:
                facts[key] = fact

    def _add_visits_of_the_last_visitor(self, doc: Doc, facts: dict[tuple, Fact], sentence_of: dict[int, int]) -> None:
        """The rules whose subject is the `visitor`, once the visits of the others are known."""
        if not self.visitor_rules:
            return
        starts = [sent.start for sent in doc.sents]
        doc._.visitors = [(starts[sentence], person) for sentence, person in self._visits_abroad(facts.values(), doc)]
        if doc._.visitors:
            self._add_facts_again(doc, facts, sentence_of, self.visitor_rules,
                                  [t for t in doc if t.lemma_.lower() in self.visitor_triggers])

    def _visits_abroad(self, facts, doc: Doc) -> list[tuple[int, tuple[str, str]]]:
        """(sentence, person) of each visit so far, in order, no host's at home."""
        return sorted((f.sentence, f.subject) for f in self._drop_visits_home(list(facts), doc)
                      if f.predicate == "visits" and f.subject != ARTICLE)

    def _on_behalf(self, facts) -> dict[tuple, Fact]:
        """Facts between what the people of a fact lead, for rules with `on_behalf`: when
        "przewodnicząca KE X i prezydent Azerbejdżanu Y podpisali memorandum", the Commission
        and Azerbaijan agree. A role stated in the fact's sentence comes first, else the one
        current role of that kind the article gives the person ("Macron i Tokajew podpisali
        deklarację" after "Prezydent Francji Emmanuel Macron")."""
        facts = list(facts)
        rules = {rule.id: rule for rule in self.rules if rule.on_behalf}
        led: dict[tuple, set] = {}
        anywhere: dict[tuple, set] = {}
        for fact in facts:
            led.setdefault((fact.subject, fact.predicate, fact.sentence), set()).add(fact.object)
            if fact.modality != "former":
                anywhere.setdefault((fact.subject, fact.predicate), set()).add(fact.object)

        def held(person: tuple[str, str], role: str, sentence: int) -> set:
            stated = led.get((person, role, sentence))
            only = anywhere.get((person, role), set())
            return stated or (only if len(only) == 1 else set())

        found: dict[tuple, Fact] = {}
        for fact in (f for f in facts if f.rule in rules):
            for role in rules[fact.rule].on_behalf:
                for subject in held(fact.subject, role, fact.sentence):
                    for obj in held(fact.object, role, fact.sentence):
                        if subject != obj and self._allowed(fact.predicate, subject, obj):
                            found[(subject, fact.predicate, obj, fact.sentence)] = Fact(
                                subject, fact.predicate, obj, fact.sentence, round(fact.confidence * UNSURE, 3),
                                fact.rule, fact.modality)
        return found

    def _facts(self, doc: Doc, sentence_of: dict[int, int], only: frozenset[str] | None = None,
               tokens: list[Token] | None = None) -> dict[tuple, Fact]:
        facts: dict[tuple, Fact] = {}
        for token in doc if tokens is None else tokens:
            lemmas = trigger_lemmas(token)
            rules = {id(r): r for lemma in lemmas for r in self.by_trigger.get(lemma, ())
                     if (r.id in only if only is not None else r.id not in self.visitor_rules)}
            longer = self._role_at(token) if rules else None
            for rule in rules.values():
                end = self._trigger_end(token, lemmas, rule)
                if end < 0 or (longer and end == token.i + 1 and longer[2] > end and longer[1] != rule.predicate):
                    continue  # "sekretarz generalny NATO" leads it; the "sekretarz" alone is another role
                for fact in self.apply(rule, token, end, sentence_of[token.i]):
                    key = (fact.subject, fact.predicate, fact.object, fact.sentence) \
                        + ((rule.id,) if rule.from_abroad else ())  # kept apart: it may be dropped
                    if key not in facts or facts[key].confidence < fact.confidence:
                        facts[key] = fact
        return facts

    def _resolve_role_phrases(self, doc: Doc, facts, sentence_of: dict[int, int]) -> list[Fact]:
        """A role phrase with no name ("rosyjskiego dyktatora", "z rosyjskim ministrem",
        "sekretarz stanu przyleciał", "szef amerykańskiej dyplomacji") is the person an
        earlier sentence named with the same role ("premier Mateusz Morawiecki" ... "polski
        premier", "szef rządu"; `same_as` in `roles.jsonl`) and gave a role in that country,
        else one named with the same role alone ("prezydent Węgier X i premier Y" ...
        "węgierski premier" is Y) and no role in another state or body ("szef saudyjskiego
        MSZ" is no "szef Departamentu Stanu"), else one given any role in that country; never
        a former holder ("ówczesny szef polskiej dyplomacji"). The phrase becomes a
        mention of that person (`doc.spans["gb_roles"]`); a country the phrase adds to a
        role named without one is a fact, returned: "polski premier" makes Morawiecki
        Poland's leader."""
        holders = _current_holders(facts)
        named = self._named_role_holders(doc)
        found, implied = [], []
        for token in doc:
            role = self._role_at(token)
            phrase = self._unnamed_role_phrase(token, role) if role else None
            if phrase is None:
                continue
            (lemma, predicate, end), (start, held) = role, phrase
            holding = [h for p in (predicate, "leaderOf", "ministerOf")
                       for h in holders.get((held, p), []) if h[0] < sentence_of[token.i]] if held else []
            home = self.place_country.get(held[1]) if held else None  # "Departament Stanu" is the USA's
            elsewhere = {person for (other, p), people in holders.items() if held and other != held
                         and (p == predicate or (p in {"leaderOf", "ministerOf"} and other[1] != home))
                         for _, person in people}
            kind = self.lexicon.role_kinds.get(lemma, lemma)
            same_role = [(position, person) for position, role_lemma, person, body in named
                         if self.lexicon.role_kinds.get(role_lemma, role_lemma) == kind
                         and position < token.i and person not in elsewhere and not self._held_elsewhere(body, held)]
            matching = [h for h in holding if h[1] in {person for _, person in same_role}]
            earlier = matching or same_role or holding \
                or (self._stateless_person_before(doc, token, held, holders, named) if start < token.i else [])
            if same_role and not matching and held and self._allowed(predicate, max(same_role)[1], held) \
                    and lemma not in self.lexicon.nationality_roles:  # "amerykański papież" leads no state
                implied.append(Fact(max(same_role)[1], predicate, held, sentence_of[token.i], UNSURE, "role-mention"))
            if earlier:
                person = max(earlier)[1]
                found.append(Span(doc, min(start, token.i), end, label=person[0], kb_id=person[1]))
        self._mark_mentions(doc, found)
        return implied

    def _stateless_person_before(self, doc: Doc, token: Token, held: tuple[str, str] | None, holders: dict[tuple, list],
                                 named: list[tuple]) -> list[tuple[int, tuple[str, str]]]:
        """With no holder of the role set up, a role phrase with a nationality adjective, an
        epithet for someone named before ("rosyjski przywódca", "ekwadorski polityk"; not
        "prezydent Rosji", which may bring in another person), is the last person named before
        it, in an earlier sentence, to whom the article gives no state, a subject if one was:
        "Erdogan spotkał się z Władimirem Putinem. Po rozmowach Putin oświadczył ... Rosyjski
        przywódca"; a man's epithet is no woman ("Francuski przywódca" after "Macron, wspólnie
        z Ursulą von der Leyen"), nor one named with a role of another state's place or body
        ("premier Regionalnego Rządu Kurdystanu X" ... "Irański prezydent")."""
        after = doc[token.i + 1:token.i + 5]
        titled = next((t.i for t in after
                       if t.ent_iob_ == "B" and self.ontology.top_class.get(t.ent_type_) == "Person"), None)
        if held is None or held[0] != "Country" or (
                titled is not None and not any(t.pos_ == "ADP" for t in doc[token.i + 1:titled])):
            return []  # "Najwyższy przywódca Iranu ajatollah Ali Chamenei": the name follows a title;
            # not "Polski przywódca wraz z małżonką Agatą": a companion
        placed = {person for (place, _), people in holders.items() if place[0] == "Country" for _, person in people} \
            | {person for _, _, person, body in named if self._in_a_state(body) and self._held_elsewhere(body, held)}
        people = [e for e in doc.ents
                  if e.end <= token.sent.start and self.ontology.top_class.get(e.label_) == "Person"]
        gender = _phrase_gender(doc[token.i - 1:token.i + 1])
        people = [e for e in people if (e.label_, e.kb_id_) not in placed
                  and (gender is None or _name_gender(e, self.role_nouns) in {None, gender})]
        subjects = [e for e in people if "Nom" in e[0].morph.get("Case")  # the topic: "Glas był ... za Correi"
                    or (not e[0].morph.get("Case") and not under_preposition(doc, e.start))]  # "António Guterres"
        return [(e.start, (e.label_, e.kb_id_)) for e in (subjects or people)[-1:]]

    @staticmethod
    def _mark_mentions(doc: Doc, found: list[Span]) -> None:
        """Phrases that name a person the first pass found become mentions of that person."""
        if found:
            doc.spans[ROLE_MENTIONS] = list(doc.spans.get(ROLE_MENTIONS, [])) + found
            doc.ents = filter_spans(list(doc.ents) + found)

    def _guests(self, doc: Doc, facts, sentence_of: dict[int, int]) -> list[Span]:
        """ "gościa" (the guest, as an object: "gościa powitał X", "podjął indyjskiego gościa")
        is the person an earlier sentence has visiting, the last one, of the adjective's
        country when one is given; so is a pronoun right after a verb of receiving, the last
        visitor of its gender ("W Białym Domu przyjął go prezydent Joe Biden")."""
        visits = self._visits_abroad(facts, doc)
        home = {(f.subject, f.object[1]) for f in facts if f.predicate in HOME_PREDICATES}
        found = []
        for token in doc:
            gender = self._received_pronoun_gender(token)
            if gender is None and (token.lemma_ != "gość" or not token.is_lower or token.ent_iob_ != "O"
                                   or not {"gen", "acc"} & token_cases(token) or "Plur" in token.morph.get("Number")):
                continue
            adjective = doc[token.i - 1] if token.i and doc[token.i - 1]._.refers_to else None
            guests = self._subject_before(token, gender) if gender is not None else []
            guests = guests or [person for sentence, person in visits if sentence < sentence_of[token.i] and (
                adjective is None or (person, adjective._.refers_to[1]) in home)
                and (gender is None or _gender_of(doc, person, self.role_nouns) in {None, gender})]
            if guests:
                start = token.i - (adjective is not None)
                found.append(Span(doc, start, token.i + 1, label=guests[-1][0], kb_id=guests[-1][1]))
        return found

    def _received_pronoun_gender(self, token: Token) -> str | None:
        """The gender ("m" or "f") of a singular accusative pronoun right after a verb of
        receiving a guest ("przyjął go", "powitał ją"), else None."""
        if not token.i or token.doc[token.i - 1].pos_ != "VERB" or token.pos_ not in {"PRON", "X"}:
            return None  # cheap tests first: this runs for every word
        pronouns = [a for a in token._.analyses if a.pos_class == "ppron3" and "acc" in a.features.get("case", ())
                    and "sg" in a.features.get("number", ())]
        if not pronouns or not trigger_lemmas(token.doc[token.i - 1]) & self.reception_verbs:
            return None
        return "f" if all(a.features.get("gender") == {"f"} for a in pronouns) else "m"

    def _subject_before(self, token: Token, gender: str) -> list[tuple[str, str]]:
        """The first person of the pronoun's gender its sentence names before it in the
        nominative, its subject, whom the pronoun stands for: "Macron poleciał do Samarkandy,
        gdzie przywitał go premier X", "Sikorski rozmawiał z Wadephulem, który powitał go"."""
        people = [e for e in token.sent.ents if e.end <= token.i and self.ontology.top_class.get(e.label_) == "Person"
                  and (not e[0].morph.get("Case") or "Nom" in e[0].morph.get("Case"))
                  and _gender_of(token.doc, (e.label_, e.kb_id_), self.role_nouns) in {None, gender}]
        return [(e.label_, e.kb_id_) for e in people[:1]]

    def _nationals(self, doc: Doc, facts, sentence_of: dict[int, int]) -> tuple[list[Span], list[Fact]]:
        """A people's noun (a demonym of the lexicon, whatever the tagger calls it) in the
        singular with no name beside it ("pierwsza wizyta Holendra w Turcji") is the person of
        that country (by a role or citizenship the article gives anywhere) named last before
        it; with none, the person an epithet would stand for, who becomes its citizen ("spotkał
        się António Guterres. Portugalczyk mówił": `_stateless_person_before`)."""
        nationals = {(f.subject, f.object[1]) for f in facts if f.predicate in HOME_PREDICATES}
        holders, named = _current_holders(facts), self._named_role_holders(doc)
        found, citizens = [], []
        for token in doc:
            country = token._.refers_to[1] if token._.refers_to and token._.refers_to[0] == "Country" else None
            if country is None or not self.lexicon.demonyms.keys() & {a.lemma for a in token._.analyses} \
                    or token.ent_iob_ != "O" or "Plur" in token.morph.get("Number") or self._person_beside(doc, token):
                continue
            people = [(e.label_, e.kb_id_) for e in doc.ents if e.end <= token.i
                      and ((self.ontology.top_class.get(e.label_), e.kb_id_), country) in nationals]
            stateless = self._stateless_person_before(doc, token, ("Country", country), holders, named) \
                if not people else []
            if stateless:
                people = [stateless[-1][1]]
                citizens.append(Fact(people[0], "citizenOf", ("Country", country), sentence_of[token.i], UNSURE,
                                     "national-mention"))
            if people:
                found.append(Span(doc, token.i, token.i + 1, label=people[-1][0], kb_id=people[-1][1]))
        return found, citizens

    def _person_beside(self, doc: Doc, token: Token) -> bool:
        """A person's name right after the noun, or before it past a comma: "Rosjanin Dmitrij
        Muratow", "Rutte, Holender"."""
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        before = doc[token.i - 2] if token.i > 1 and doc[token.i - 1].text == "," else None
        return any(t is not None and t.ent_iob_ in {"B", "I"} and self.ontology.top_class.get(t.ent_type_) == "Person"
                   for t in (after, before))

    def _countries_implied(self, doc: Doc, facts, sentence_of: dict[int, int]) -> list[Fact]:
        """ "Najgłośniej protestuje Francja. Prezydent Emmanuel Macron powtarzał ...": a person
        named with a role held only in a state (`country_role` in roles.jsonl) but no country
        ("Prezydent Emmanuel Macron", "Minister rolnictwa Czesław Siekierski") holds it in the
        one country that sentence and the one before name, if they name it as a subject (a
        nominative name or nationality adjective) and no other country, unless the article
        gives the person a country."""
        placed = {f.subject for f in facts if f.predicate in HOME_PREDICATES and f.object[0] == "Country"}
        sentences = list(doc.sents)
        found = []
        for position, role, person, _body in self._named_role_holders(doc):
            if role not in self.lexicon.country_roles or person in placed or not self._bare_subject_role(doc, position):
                continue
            sentence = sentence_of[position]
            context = sentences[max(0, sentence - 1):sentence + 1]
            countries = {c for s in context for c in self._countries(s)}
            if len(countries) == 1 and countries <= {c for s in context for c in self._countries(s, subject=position)}:
                found.append(Fact(person, self.lexicon.roles[role], ("Country", countries.pop()), sentence, IMPLIED,
                                  "role-implied-country"))
        return found

    def _bare_subject_role(self, doc: Doc, position: int) -> bool:
        """The role phrase before the name at `position` is in the nominative and names no
        country or body itself, by an entity or a nationality adjective ("Premier Donald
        Tusk zapowiedział", not "prezes Orlenu X", "francuska minister X" or "na stanowisku
        premiera X")."""
        for start in range(position - 1, max(-1, position - 7), -1):
            if self._role_at(doc[start]) is not None:
                nominative = "Nom" in doc[start].morph.get("Case")
                while start > doc[position].sent.start and doc[start - 1].pos_ == "ADJ":
                    start -= 1
                return nominative and not any(t.ent_type_ or t._.refers_to for t in doc[start:position])
        return False

    def _countries(self, sentence: Span, subject: int | None = None) -> set[str]:
        """Countries a sentence names, by name or nationality adjective; with `subject` (the
        position of the person whose country is sought), only in the nominative, not under a
        preposition and not the complement of a role named after that person ("Francja
        protestuje", "polski rząd"; not "Premier Donald Tusk i kanclerz Niemiec")."""
        found = set()
        for token in sentence:
            complement = token.i > (subject or 0) and self.role_nouns & set(token.doc[token.i - 1]._.lemmas)
            if subject is not None and ("Nom" not in token.morph.get("Case") or under_preposition(token.doc, token.i)
                                        or complement):
                continue
            if token.ent_iob_ == "B" and self.ontology.top_class.get(token.ent_type_) == "Country":
                found.add(token.ent_kb_id_)
            elif token.ent_iob_ not in {"B", "I"} and token._.refers_to and token._.refers_to[0] == "Country" \
                    and not (subject is not None and self._describes_a_role(token)):
                found.add(token._.refers_to[1])
        return found

    def _describes_a_role(self, adjective: Token) -> bool:
        """The nationality adjective describes a role noun after it, another person's: "Jacek
        Sasin oraz koreański minister handlu X" (not "polski rząd")."""
        doc, i = adjective.doc, adjective.i + 1
        while i < len(doc) and doc[i].pos_ == "ADJ":
            i += 1
        return i < len(doc) and self._role_at(doc[i]) is not None

    def _role_at(self, token: Token) -> tuple[str, str, int] | None:
        """(role, predicate, end) of the role noun phrase the token starts: "premier",
        "sekretarz stanu", "szef amerykańskiej dyplomacji" (adjectives inside a two-word role)."""
        doc, lemma = token.doc, token.lemma_.lower()
        if not token.is_lower and not token.is_sent_start:
            return None
        i = token.i + 1
        while i < min(len(doc), token.i + 3) and doc[i].pos_ == "ADJ" and doc[i].is_lower:
            i += 1
        for j in range(token.i + 1, min(i + 1, len(doc))):  # "sekretarz generalny", "szef [...] dyplomacji"
            two = next((two for word in (doc[j].lower_, doc[j].lemma_.lower())
                        if (two := f"{lemma} {word}") in self.lexicon.roles), None)
            if two is not None:
                return two, self.lexicon.roles[two], j + 1
        return (lemma, self.lexicon.roles[lemma], token.i + 1) if lemma in self.lexicon.roles else None

    def _unnamed_role_phrase(self, token: Token, role: tuple[str, str, int]) -> tuple[int, tuple[str, str] | None] | None:
        """(start, the country or body the role is held in, or None) of a role phrase in the
        singular with no name after it and no mark of a former holder before it."""
        doc, end = token.doc, role[2]
        if "Plur" in token.morph.get("Number") or (token.i and self._marks_former(doc[token.i - 1])) \
                or self._predicative(token):
            return None
        if " " in role[0]:  # "sekretarz stanu", "szef amerykańskiej dyplomacji", "szefa rządu Indii"
            complement = self._complement_after(doc, end)
            if token.ent_iob_ in {"B", "I"} or (end < len(doc) and doc[end].ent_iob_ == "B" and complement is None):
                return None
            adjective = next((t._.refers_to for t in doc[token.i + 1:end] if t._.refers_to), None)
            return token.i, complement or (adjective if adjective and adjective[0] == "Country" else None)
        phrase = self._role_phrase(token)
        if phrase is not None or token.ent_iob_ in {"B", "I"}:
            return phrase
        after = doc[end] if end < len(doc) else None
        bare = after is None or not (after.ent_iob_ == "B" or after.text[:1].isupper() or after.pos_ in {"ADJ", "NOUN"})
        return (token.i, None) if bare and not (token.i and doc[token.i - 1]._.refers_to) else None

    def _complement_after(self, doc: Doc, i: int) -> tuple[str, str] | None:
        """The state a role of two words is held in, named right after it in the genitive, with
        no person's name after that: "wizyta szefa rządu Indii w Ukrainie"."""
        if i >= len(doc) or doc[i].ent_iob_ != "B" or self.ontology.top_class.get(doc[i].ent_type_) != "Country" \
                or "gen" not in token_cases(doc[i]):
            return None
        after = next((t for t in doc[i + 1:] if t.ent_iob_ != "I"), None)
        if after is not None and after.ent_iob_ == "B" and self.ontology.top_class.get(after.ent_type_) == "Person":
            return None
        return "Country", doc[i].ent_kb_id_

    @staticmethod
    def _predicative(token: Token) -> bool:
        """A role noun in the instrumental with no preposition is what someone is or becomes
        ("Szefem dyplomacji został X"), not a mention of a holder ("z ministrem")."""
        i = token.i - 1
        while i >= 0 and token.doc[i].pos_ == "ADJ":
            i -= 1
        return token.morph.get("Case") == ["Ins"] and (i < 0 or token.doc[i].pos_ != "ADP")

    def _marks_former(self, token: Token) -> bool:
        return any(self.lexicon.modality.get(lemma, ("", 0))[0] == "former" for lemma in token._.lemmas)

    def _hosts_implied(self, doc: Doc, facts, sentence_of: dict[int, int]) -> list[Fact]:
        """ "W Ammanie rozmawiał z królem Abdullahem II", "odwiedził Katar, gdzie rozmawiał z
        emirem Tamimem": a person named right after a bare role held only in a state, met (or
        signing with the visitor) in a sentence that has the visitor in one country (or one of
        its towns), or that follows one that has ("Macron poleciał do Samarkandy. W czwartek
        spotkał się z gospodarzem, prezydentem X"), holds the role there, unless the article
        gives the person a country."""
        facts = list(facts)
        placed = {f.subject for f in facts if f.predicate in HOME_PREDICATES and f.object[0] == "Country"}
        visited: dict[int, set[str]] = {}
        for fact in (f for f in facts if f.predicate == "visits"):
            country = fact.object[1] if fact.object[0] == "Country" else self.place_country.get(fact.object[1])
            visited.setdefault(fact.sentence, set()).add(country)
        met = {(f.sentence, person) for f in facts if f.predicate in {"meetsWith", "agreementWith"}
               for person in (f.subject, f.object)}
        found = []
        for position, role, person, _body in self._named_role_holders(doc):
            sentence = sentence_of[position]
            countries = visited.get(sentence) or visited.get(sentence - 1, set())
            if role in self.lexicon.country_roles and person not in placed and (sentence, person) in met \
                    and len(countries) == 1 and None not in countries and self._bare_role_before(doc, position):
                found.append(Fact(person, self.lexicon.roles[role], ("Country", countries.pop()), sentence, IMPLIED,
                                  "role-host-country"))
        return found

    def _joined_talks(self, doc: Doc, facts) -> list[Fact]:
        """ "W rozmowach, które odbyły się w siedzibie Komisji, uczestniczył również Josep
        Borrell": a person in the nominative taking part (`joining_words`) in talks
        (`meeting_nouns`) that the sentence names with no one else meets those who met in the
        sentence before; not one taking part from afar ("a Erdogan dołączył do niej
        telefonicznie"). Several such people meet each other ("W obradach uczestniczyli
        Lula, Xi Jinping i Narendra Modi"), and those named after "z udziałem" in a sentence
        of meetings meet those who met in it."""
        met: dict[int, set[tuple[str, str]]] = {}
        for fact in facts:
            if fact.predicate == "meetsWith":
                met.setdefault(fact.sentence, set()).update({fact.subject, fact.object})
        words = function_words()
        found = []
        for index, sent in enumerate(doc.sents):
            lemmas = {lemma for token in sent for lemma in token._.lemmas}
            if index in met:
                found += [Fact(person, "meetsWith", other, index, UNSURE, "meets-joined-talks")
                          for person in self._taking_part(sent) for other in sorted(met[index] - {person})]
                continue
            if not (lemmas & words["joining_words"] and lemmas & words["meeting_nouns"]):
                continue
            people = {(e.label_, e.kb_id_) for e in sent.ents if self.ontology.top_class.get(e.label_) == "Person"
                      and "nom" in (token_cases(e[0]) or {"nom"}) and not under_preposition(doc, e.start)
                      and not _in_a_remote_clause(e)}
            pairs = {(person, other) for person in people for other in met.get(index - 1, set()) - {person}} \
                | set(combinations(sorted(people), 2))
            found += [Fact(person, "meetsWith", other, index, UNSURE, "meets-joined-talks")
                      for person, other in sorted(pairs)]
        return found

    def _taking_part(self, sent: Span) -> list[tuple[str, str]]:
        """People named after "z udziałem" (`participation_phrases`) in a sentence of talks:
        "rozmawiał z Xi, a część rozmów odbyła się z udziałem Ursuli von der Leyen" has her
        meet those who met."""
        doc, people = sent.doc, []
        for token in sent[1:]:
            if f"{doc[token.i - 1].lower_} {token.lower_}" in function_words()["participation_phrases"]:
                people += [(e.label_, e.kb_id_) for e in self._entities_after(doc, token.i + 1, sent.end)
                           if self.ontology.top_class.get(e.label_) == "Person"]
        return people

    def _counterparts(self, doc: Doc, facts, sentence_of: dict[int, int]) -> list[Fact]:
        """ "Szef polskiej dyplomacji X spotkał się ze swoim niemieckim odpowiednikiem Y": a
        person named after a counterpart's noun (`counterpart_nouns`) with a nationality
        adjective holds, in that country, the role the person met holds in theirs."""
        facts = list(facts)
        roles: dict[tuple[str, str], set[str]] = {}
        for fact in facts:
            if fact.predicate in {"leaderOf", "ministerOf"} and fact.object[0] == "Country" \
                    and fact.modality != "former":
                roles.setdefault(fact.subject, set()).add(fact.predicate)
        found = []
        for token in doc:
            named = token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "B" \
                and self.ontology.top_class.get(doc[token.i + 1].ent_type_) == "Person"
            if not named or not function_words()["counterpart_nouns"] & set(token._.lemmas):
                continue
            country = doc[token.i - 1]._.refers_to if token.i else None
            if country is None or country[0] != "Country":
                continue
            person, sentence = (doc[token.i + 1].ent_type_, doc[token.i + 1].ent_kb_id_), sentence_of[token.i]
            met = {other for f in facts if f.predicate == "meetsWith" and f.sentence == sentence
                   for other, them in ((f.subject, f.object), (f.object, f.subject)) if them == person}
            held = {predicate for other in met for predicate in roles.get(other, ())} \
                | self._roles_named_before(token.sent, met)
            found += [Fact(person, predicate, country, sentence, IMPLIED, "role-counterpart") for predicate in held]
        return found

    def _roles_named_before(self, sent: Span, people: set[tuple[str, str]]) -> set[str]:
        """The state roles of the role nouns right before those people's names in the
        sentence, with no state given: "prezydent Andrzej Duda rozmawiał ze swoim uzbeckim
        odpowiednikiem X" makes X a president."""
        held = set()
        for entity in sent.ents:
            if (entity.label_, entity.kb_id_) in people and entity.start > sent.start \
                    and (role := self._role_at(sent.doc[entity.start - 1])) and role[2] == entity.start \
                    and role[1] in {"leaderOf", "ministerOf"}:
                held.add(role[1])
        return held

    def _ministries_named(self, doc: Doc, sentence_of: dict[int, int]) -> list[Fact]:
        """ "minister obrony narodowej Mariusz Błaszczak", "Minister klimatu i środowiska Anna
        Moskwa": a minister's portfolio spelt out as only one state's ministry is named (the
        gazetteer's "Ministerstwo Obrony Narodowej", of Poland) is a minister of that state."""
        found = []
        for position, role, person, _body in self._named_role_holders(doc):
            if self.lexicon.roles[role] != "ministerOf":
                continue
            role_end = next((role_at[2] for i in range(position - 1, max(-1, position - 8), -1)
                             if (role_at := self._role_at(doc[i])) is not None), None)
            if role_end is None:
                continue
            country = self.ministry_country.get(" ".join(t.lower_ for t in doc[role_end:position]))
            if country:
                found.append(Fact(person, "ministerOf", ("Country", country), sentence_of[position], IMPLIED,
                                  "role-ministry-country"))
        return found

    def _members_listed(self, doc: Doc, sentence_of: dict[int, int]) -> list[Fact]:
        """ "przywódcy państw G7: prezydent USA Joe Biden, prezydent Francji Emmanuel Macron i
        ...": after "państw"/"krajów" and a bloc's name, a colon opens a list of its members,
        each state a list item or its leader's role complement ("kanclerz Austrii X, który
        ..., oraz premier Węgier Y"); not a state in a phrase of its own ("pomoc dla Ukrainy")."""
        words = function_words()
        found = []
        for colon in (t for t in doc if t.text == ":" and t.i >= 2):
            bloc = doc[colon.i - 1]
            if bloc.ent_iob_ not in {"B", "I"} or self.ontology.top_class.get(bloc.ent_type_) != "Organization":
                continue
            start = next(i for i in range(colon.i - 1, -1, -1) if doc[i].ent_iob_ == "B")
            if not start or not words["state_nouns"] & set(doc[start - 1]._.lemmas):
                continue
            found += [Fact(("Country", item.ent_kb_id_), "memberOf", ("Organization", bloc.ent_kb_id_),
                           sentence_of[item.i], IMPLIED, "member-listed")  # keys by top class
                      for item in self._listed(doc, colon, "Country", with_roles=True)]
        return found

    def _places_listed(self, doc: Doc, sentence_of: dict[int, int]) -> list[Fact]:
        """ "największe syryjskie miasta: Aleppo, Hamę i Hims", "na trzech polskich przejściach
        granicznych z Ukrainą – w Dorohusku, Hrebennem i Korczowej": the towns a colon or a
        dash lists after a plural noun with a nationality adjective are in that country."""
        words = function_words()
        found = []
        for mark in (t for t in doc if t.text == ":" or t.text in DASHES):
            adjective = None
            for token in reversed(doc[max(mark.sent.start, mark.i - 5):mark.i]):
                if token.pos_ in {"VERB", "AUX"} or token.text in words["list_separators"]:
                    break
                if token.pos_ == "ADJ" and token._.refers_to and token._.refers_to[0] == "Country" \
                        and "Plur" in token.morph.get("Number"):
                    adjective = token
                    break
            if adjective is None:
                continue
            found += [Fact(("City", item.ent_kb_id_), "locatedIn", adjective._.refers_to, sentence_of[item.i],
                           IMPLIED, "located-listed") for item in self._listed(doc, mark, "City")]
        return found

    def _listed(self, doc: Doc, mark: Token, top_class: str, with_roles: bool = False) -> list[Token]:
        """First tokens of the entities of a class a list after a colon or dash gives, each
        after the mark, a separator or a coordinator, past a preposition opening the list ("–
        w Dorohusku, Hrebennem i Korczowej"), or, `with_roles`, a role noun's complement."""
        words = function_words()
        items = []
        for token in doc[mark.i + 1:mark.sent.end]:
            before = doc[token.i - 1]
            if before.pos_ == "ADP" and before.i == mark.i + 1:
                before = mark
            joined = before.i == mark.i or before.text in words["list_separators"] \
                or before.lower_ in words["coordinators"] or (with_roles and self.role_nouns & set(before._.lemmas))
            if token.ent_iob_ == "B" and self.ontology.top_class.get(token.ent_type_) == top_class and joined:
                items.append(token)
        return items

    def _bare_role_before(self, doc: Doc, position: int) -> bool:
        """The word before the name is a role noun with no country of its own, not the
        sentence's subject: no complement and no nationality adjective ("z królem X", not "z
        polskim prezydentem X" nor "prezydent X rozmawiał")."""
        role = self._role_at(doc[position - 1]) if position else None
        return role is not None and role[2] == position and "Nom" not in doc[position - 1].morph.get("Case") \
            and not (position > 1 and doc[position - 2]._.refers_to)

    def _held_elsewhere(self, body: tuple[str, str] | None, held: tuple[str, str] | None) -> bool:
        """A role named of one place or body is not the same role of another country or body:
        "prezydent Regionu Kurdystanu X" is no "irański prezydent"."""
        return body is not None and held is not None and held[1] not in {body[1], self.place_country.get(body[1])}

    def _in_a_state(self, body: tuple[str, str] | None) -> bool:
        """The role is of a state, a place or a state's body (a government's, or one the
        gazetteer places in a country), not of an international one or a party."""
        return body is not None and (self.ontology.top_class.get(body[0]) != "Organization"
                                     or body[0] == "GovernmentOrganization" or body[1] in self.place_country)

    def _named_role_holders(self, doc: Doc) -> list[tuple[int, str, tuple[str, str], tuple[str, str] | None]]:
        """(position, role, person, the place or body the role is of) for each person named
        right after a role phrase, past a country and commas: "Premier Mateusz Morawiecki",
        "sekretarz stanu USA Antony Blinken"; not a former holder ("ówczesny szef polskiej
        dyplomacji Jacek Czaputowicz"), nor the subject of a verb the role noun is an object of
        ("Papieżowi towarzyszył Giorgio Marengo")."""
        named = []
        for entity in doc.ents:
            if entity.label_ != "Person":
                continue
            for start in range(entity.start - 1, max(-1, entity.start - 6), -1):
                role = self._role_at(doc[start])
                between = doc[role[2]:entity.start] if role is not None else []
                if role is not None and all(t.is_lower or t.text == "," or t.ent_type_ for t in between) \
                        and not any(t.pos_ in {"VERB", "AUX", "ADP"} for t in between):  # "Papieżowi towarzyszył X"
                    if not (start and self._marks_former(doc[start - 1])):  # "ówczesny szef dyplomacji X"
                        body = next(((t.ent_type_, t.ent_kb_id_) for t in between if t.ent_iob_ == "B"), None)
                        named.append((entity.start, role[0], (entity.label_, entity.kb_id_), body))
                    break
        return named

    def _role_phrase(self, token: Token) -> tuple[int, tuple[str, str]] | None:
        """(start, country or body) of "adjective + role noun" or "role noun + genitive
        country or body" not followed by a name ("rosyjski prezydent", "Prezydent Rosji
        spotkał się", "szefowa KE wystąpiła")."""
        doc = token.doc
        if token.ent_iob_ == "B" or token.ent_iob_ == "I":
            return None
        genitive = self._genitive_holder(token)
        if genitive is not None:
            return genitive
        for follower in doc[token.i + 1:token.i + 8]:  # past a portfolio: "minister handlu, przemysłu i energii X"
            if follower.ent_iob_ == "B":
                return None  # "rosyjski minister Siergiej Ławrow": the name is given
            if follower.pos_ == "ADP" or follower.pos_ == "VERB" or (follower.is_punct and follower.text != ","):
                break  # "polskiego ministra w Nowym Jorku", "z rosyjskim ministrem rozmawiał X"
        for i in range(token.i - 1, max(-1, token.i - 3), -1):
            refers = doc[i]._.refers_to
            if refers and refers[0] == "Country" and not doc[i].ent_iob_ in {"B", "I"}:
                return i, refers
            if doc[i].pos_ != "ADJ":
                return None
        return None

    def _genitive_holder(self, token: Token) -> tuple[int, tuple[str, str]] | None:
        """(role noun, country or body) of "prezydent Rosji", "minister obrony Ukrainy",
        "szefowa KE" with no name after it."""
        doc = token.doc
        for i in range(token.i + 1, min(len(doc), token.i + 4)):
            if doc[i].ent_iob_ == "B":
                holder = next(e for e in doc.ents if e.start == i)
                after = doc[holder.end] if holder.end < len(doc) else None
                named = after is not None and (after.ent_iob_ == "B" or after.text[:1].isupper() or after.text == ",")
                top = self.ontology.top_class.get(holder.label_)
                if top not in {"Country", "Organization"} or "gen" not in token_cases(doc[i]) or named:
                    return None
                return token.i, (top, holder.kb_id_)
            if not doc[i].is_lower or doc[i].pos_ not in {"NOUN", "ADJ"}:
                return None
        return None

    def _trigger_end(self, token: Token, lemmas: set[str], rule: Rule) -> int:
        """End of the trigger phrase at the token, or -1. The words of a multi-word trigger
        may have adjectives between them ("szef polskiej dyplomacji")."""
        for words in (p for lemma in lemmas for p in self.phrases.get((rule.id, lemma), ())):
            i = token.i + 1
            for word in words[1:]:
                while i < len(token.doc) and token.doc[i].pos_ == "ADJ" and word not in token.doc[i]._.lemmas:
                    i += 1
                if i >= len(token.doc) or word not in token.doc[i]._.lemmas:
                    break
                i += 1
            else:
                return i
        return -1

    def _kinds_of(self, entry: GazetteerEntry) -> frozenset[str]:
        """Nouns that stand for a body named before: the first words of its names, the kind
        nouns among their words and its `kinds` ("NATO": "nato", "sojusz", "organizacja",
        "blok"; "Międzynarodowy Trybunał Karny": "trybunał")."""
        words = [w.lower() for n in (entry.name, *entry.aliases) for w in n.split()]
        firsts = {n.split()[0].lower() for n in (entry.name, *entry.aliases)}
        return frozenset(firsts | (set(words) & self.name_heads) | set(entry.kinds))

    # ------------------------------------------------------------ applying a rule

    def apply(self, rule: Rule, trigger: Token, end: int, sentence: int) -> Iterator[Fact]:
        """Facts one trigger phrase yields under one rule."""
        predicate = rule.predicate
        copula = self.copula_after(trigger.doc, end) if rule.copula else -1
        if rule.copula and (not (after_copula(trigger) or copula >= 0) or not _predicative_case(trigger)):
            return
        if self._negated_possibility(trigger) or not _has_verb_form(trigger, rule.verb_form) or _manages_to(trigger):
            return
        if rule.verbless and any(t.tag_.split(":", 1)[0] in FINITE_CLASSES for t in trigger.sent):
            return
        if rule.in_person and (_remote(trigger, end) or self._remote_via(rule, trigger, end)):
            return
        if self._is_negated(trigger) or (copula >= 0 and self._is_negated(trigger.doc[copula])):
            if not rule.negated:
                return
            predicate = rule.negated
        subject_frame, object_frame = (_attributive(f, trigger) for f in passive_frames(rule)) \
            if rule.passive and _is_passive(trigger) else (rule.subject, rule.object)
        subjects = list(self.find(subject_frame, trigger, end, None))
        pairs = self._object_not_subject(subject_frame, trigger, _shared_objects(
            subjects, [_first_of_each(self.find(object_frame, trigger, end, s)) for s in subjects]))
        if subject_frame.position == "apposition" and len(subjects) > 1:
            own = [self._complement_before(s, object_frame, trigger) if object_frame.position == "after_trigger"
                   else None for s in subjects]
            pairs = list(zip(subjects, own)) if all(own) and len(set(own)) > 1 \
                else _respectively(subjects, [o for _, o in pairs], end)
        if rule.mutual:
            objects = list(dict.fromkeys(o for _, o in pairs))
            via = self.via_noun(trigger.doc, trigger, end, object_frame.via) if object_frame.via else None
            signed = not object_frame.via or via is not None
            several = via is not None and _plural_object(via) and len(subjects) == 1
            # one party's deals in the plural are one with each: "zawarła porozumienia z Niemcami i Włochami"
            pairs += [(a, b) for group in (subjects if signed else [], [] if several else objects)
                      for a, b in combinations(sorted(group, key=lambda a: a.start), 2)
                      if _same_kind(a, b) and not _own_preposition(trigger.doc, a, b, object_frame)]
        if rule.in_person:
            pairs = [(s, o) for s, o in pairs if not any(_interviewer(trigger.doc, a) for a in (s, o))]
        if not pairs:
            return
        modality, factor = (rule.modality, 1.0) if rule.modality else self._question(trigger)
        if modality is None and predicate == rule.predicate:
            modality, factor = self._modality(trigger)
        if modality is None and predicate == rule.predicate:
            modality, factor = self._conditional(trigger)
        if modality is None and predicate == rule.predicate:
            modality, factor = self._future(trigger)
        for subject, obj in pairs:
            if self._allowed(predicate, subject.key, obj.key):
                confidence = round(rule.confidence * subject.certainty * obj.certainty * factor, 3)
                yield Fact(subject.key, predicate, obj.key, sentence, confidence, rule.id, modality)

    def _complement_before(self, holder: Argument, frame: Frame, trigger: Token) -> Argument | None:
        """The role's complement named right before one of its holders: each state of
        "prezydenci Kirgistanu X, Tadżykistanu Y i Uzbekistanu Z" is its own holder's."""
        span = self._span_ending_at(trigger.doc, holder.start - 1) if holder.start > trigger.i + 1 else None
        return self._checked(span, frame, trigger) if span is not None else None

    def _remote_via(self, rule: Rule, trigger: Token, end: int) -> bool:
        """The noun a rule needs is talk at a distance: "rozmowy telefoniczne, które z X
        przeprowadziła Y"."""
        via = self.via_noun(trigger.doc, trigger, end, rule.object.via) if rule.object.via else None
        return via is not None and _remote(via, via.i + 1)

    def _object_not_subject(self, frame: Frame, trigger: Token, pairs: list[tuple[Argument, Argument]]
                            ) -> list[tuple[Argument, Argument]]:
        """A name after the verb taken as both its inverted subject and its object is the
        object, and the subject was dropped ("Iran zaatakował Izrael. Potem ostrzelał Irak.")
        or is no name ("Wojska Rosji zaatakowały Kijów")."""
        objects = {o.start for _, o in pairs}
        inverted = {s.start for s, _ in pairs if s.start > trigger.i and s.start in objects}
        if not inverted:
            return pairs
        kept = [(s, o) for s, o in pairs if s.start not in inverted]
        carried = self._carried(frame, trigger) if frame.carry else None
        if carried:
            kept += [(carried, o) for o in dict.fromkeys(o for s, o in pairs if s.start in inverted)]
        return kept

    def _modality(self, trigger: Token) -> tuple[str | None, float]:
        """A past role ("były wiceszef"; only a person's noun has one), a plan ("planuje zwiększyć")
        or a possibility ("może przystąpić") marked just before the trigger, from
        `lexicon/modality.jsonl`.
        Modal verbs count only before an infinitive or a verbal noun: the trigger ("rozważa
        nałożenie ceł") or a copula ("chce zostać członkiem")."""
        infinitive = trigger.tag_.startswith("inf") or any(a.pos_class == "ger" for a in trigger._.analyses)
        role = bool(self.role_nouns & trigger_lemmas(trigger)) or any(  # a person's noun: "były wiceszef"
            a.pos_class == "subst" and "m1" in a.features.get("gender", ()) for a in trigger._.analyses)
        for token in reversed(trigger.doc[max(trigger.sent.start, trigger.i - 3):trigger.i]):
            if token.is_punct:
                break
            for analysis in token._.analyses:
                marked = self.lexicon.modality.get(analysis.lemma.lower())
                verbal = analysis.pos_class in FINITE_CLASSES
                if marked and (not verbal or infinitive) \
                        and (marked[0] != "former" or (role and not _the_only_verb(token))):
                    return marked  # "były prezydent"; but "była sobotnia wizyta" is no former visit
            infinitive = infinitive or token.tag_.startswith("inf")
        if trigger.tag_.startswith("praet") and _span_of_years_beside(trigger):
            return self.lexicon.modality.get("@period", (None, 1.0))
        return None, 1.0

    def _question(self, trigger: Token) -> tuple[str | None, float]:
        """A question asserts nothing ("Czy Rosja zaatakuje Polskę?"): `@question` in
        `lexicon/modality.jsonl`."""
        last = next((t for t in reversed(trigger.sent) if not t.is_space), None)
        return self.lexicon.modality.get("@question", (None, 1.0)) if last is not None and last.text == "?" else (None, 1.0)

    def _conditional(self, trigger: Token) -> tuple[str | None, float]:
        """A clause in the conditional asserts nothing ("Podróż do RPA byłaby dla niego
        ryzykowna", "Gdyby pojechał do Rosji"): `@conditional` in `lexicon/modality.jsonl`,
        marked by a past verb with a conditional ending or a conditional conjunction
        (`function_words.json`) in the trigger's clause."""
        words, doc = function_words(), trigger.doc
        bounds = words["clause_breaks"] | {","}
        start = next((t.i + 1 for t in reversed(doc[trigger.sent.start:trigger.i]) if t.lower_ in bounds),
                     trigger.sent.start)
        end = next((t.i for t in doc[trigger.i + 1:trigger.sent.end] if t.lower_ in bounds), trigger.sent.end)
        conditional = any(t.lower_ in words["conditional_conjunctions"] or (
            t.tag_.startswith("praet") and t.lower_.endswith(tuple(words["conditional_endings"])))
            for t in doc[start:end])
        return self.lexicon.modality.get("@conditional", (None, 1.0)) if conditional else (None, 1.0)

    def _future(self, trigger: Token) -> tuple[str | None, float]:
        """A perfective verb in the present form speaks of the future, as does "będzie" or
        "zostanie" before a predicate noun: "obejmie przewodnictwo", "zostanie członkiem NATO"
        are marked as `@future` in `lexicon/modality.jsonl` says so. Not under negation: "nie
        przystąpi" is a decision, not a plan."""
        doc = trigger.doc
        verb = trigger
        if trigger.tag_.split(":", 1)[0] not in FINITE_CLASSES:
            verb = next((t for t in reversed(doc[max(trigger.sent.start, trigger.i - 3):trigger.i])
                         if t.pos_ not in {"ADJ", "ADV", "PART", "X"}), None)
            if verb is None or not function_words()["copulas"] & set(verb._.lemmas):
                return None, 1.0
        if verb.tag_.startswith("bedzie") or (verb.tag_.startswith("fin") and _only_perfective(verb)):
            return self.lexicon.modality.get("@future", (None, 1.0))
        return None, 1.0

    def _allowed(self, predicate: str, subject: tuple[str, str] | str, obj: tuple[str, str] | str) -> bool:
        if subject == obj or obj == ARTICLE:
            return False
        subject_class = "Article" if subject == ARTICLE else subject[0]
        if predicate == "locatedIn" and obj[0] == "Country" and self.place_country.get(subject[1], obj[1]) != obj[1]:
            return False  # the gazetteer puts it elsewhere: "działania Moskwy na Ukrainie"
        return self.ontology.allows(predicate, subject_class, obj[0])

    def _drop_visits_home(self, facts: list[Fact], doc: Doc) -> list[Fact]:
        """A leader, minister or citizen of a country does not visit it, nor its capital (other
        towns of it they do visit: "spotkali się w Anchorage"), nor does one who leads or works
        for its government's body ("Rzecznik chińskiego MSZ Guo Jiakun powiedział w Pekinie");
        under a `from_abroad` rule, which finds the host the visitor talks to, none of its
        towns, and one the text gives no country (nor an international body) does not visit a
        capital either (the host there: "W Ammanie rozmawiał z królem Abdullahem II")."""
        countries = {**self.government_country, **(doc._.entity_country or {})}
        home = {(f.subject, f.object[1]) for f in facts if f.predicate in HOME_PREDICATES} \
            | {(f.subject, countries[f.object[1]]) for f in facts if f.predicate in HOME_PREDICATES | {"affiliatedWith"}
               and f.object[0] == "Organization" and f.object[1] in countries}
        with_country = {f.subject for f in facts if f.predicate in HOME_PREDICATES and (
            f.object[0] == "Country" or f.object[1] in self.place_country or f.object[1] in self.international)}
        return [f for f in facts if not (
            (f.rule in self.not_home_rules and self._visits_home(f, home))
            or (f.rule in self.from_abroad_rules and f.subject not in with_country and f.object[1] in self.capital_of))]

    def _visits_home(self, fact: Fact, home: set[tuple]) -> bool:
        """The visit is to the subject's own country, its capital or a seat of its government
        ("Biały Dom"), or, for a host the visitor talks to (a `from_abroad` rule), to any town
        of it."""
        towns = self.place_country if fact.rule in self.from_abroad_rules or fact.object[1] in self.buildings \
            else self.capital_of
        return (fact.subject, fact.object[1]) in home or (fact.subject, towns.get(fact.object[1])) in home

    def _negated_possibility(self, trigger: Token) -> bool:
        """A modal verb under "nie" before an infinitive trigger, other than a verb of will:
        "Ukraina nie może przystąpić do NATO" states neither membership nor a refusal."""
        words = function_words()
        if not trigger.tag_.startswith("inf"):
            return False
        before = trigger.doc[max(trigger.sent.start, trigger.i - 3):trigger.i]
        for previous, token in zip(before, before[1:]):
            lemmas = set(token._.lemmas)
            if previous.lower_ in words["negation"] and lemmas & set(self.lexicon.modality) and not lemmas & words["volition"]:
                return True
        return False

    @staticmethod
    def _is_negated(trigger: Token) -> bool:
        """ "nie" before the trigger, past "się", a copula ("nie został zaatakowany", "nie jest
        członkiem") and, before an infinitive, a verb of will: "nie zamierza przystąpić" is a
        refusal, where "nie może przystąpić" is not."""
        words = function_words()
        passable = words["volition"] if trigger.tag_.startswith("inf") else frozenset()
        for token in reversed(trigger.doc[max(0, trigger.i - 3):trigger.i]):
            if token.lower_ in words["negation"]:
                return True
            lemmas = set(token._.lemmas)
            if token.lower_ not in words["reflexive"] and not (words["copulas"] | passable) & lemmas:
                return False
        return False


def _places_around_visited(facts) -> list[Fact]:
    """ "spotkał się na Zamku Królewskim w Warszawie": who visits a place visits the town its
    sentence puts it in, and who visits a town the country ("przyleciał do Dżuddy w Arabii
    Saudyjskiej"); not the region around a town, which a visit to the town does not always
    reach in the text's eyes ("w Kantonie w prowincji Guangdong")."""
    facts = list(facts)
    around: dict[tuple, list[tuple[str, str]]] = {}
    for fact in facts:
        places = (fact.subject[0], fact.object[0])
        if fact.predicate == "locatedIn" and fact.modality is None \
                and (places == ("City", "Country") or (places[1] == "City" and places[0] != "Country")):
            # by name below: "w Białym Domu" is a body's seat
            around.setdefault((fact.subject[1], fact.sentence), []).append(fact.object)
    return [replace(fact, object=place, confidence=round(fact.confidence * UNSURE, 3))
            for fact in facts if fact.predicate == "visits"
            for place in around.get((fact.object[1], fact.sentence), ())]


def _first_of_each(arguments: Iterator[Argument]) -> list[Argument]:
    """One argument per entity, its first mention: "stolica Kazachstanu, Astana" lists
    Kazachstan twice (Astana standing for its state), and the second is no other object."""
    first: dict[tuple, Argument] = {}
    for argument in arguments:
        first.setdefault(argument.key, argument)
    return list(first.values())


def _respectively(subjects: list[Argument], objects: list[Argument], end: int) -> list[tuple[Argument, Argument]]:
    """Coordinated holders of a plural role go with its coordinated complements in order
    ("ministrowie Polski i Ukrainy, X i Y": X of Polska, Y of Ukraina); one complement
    right after the trigger is all the holders'; with other unequal numbers nothing says
    which goes with which."""
    objects = sorted(dict.fromkeys(objects), key=lambda o: o.start)
    if len(objects) == 1 and objects[0].start == end:  # "państw członkowskich UE: X, Y", not "przywódcy
        return [(subject, objects[0]) for subject in subjects]  # dwóch krajów UE: X, Y"
    if len(objects) != len(subjects):
        return []
    return list(zip(sorted(subjects, key=lambda s: s.start), objects))


def _span_of_years_beside(trigger: Token) -> bool:
    """A span of years ("w latach 2014–2019", `period_openers`) or a count of years or decades
    (`duration_nouns`) within four words of the trigger, in its sentence: "Rada Europejska,
    której Tusk przewodniczył w latach 2014–2019" was led by him once, and so was Syria by
    "Asad, który rządził Syrią przez 24 lata"."""
    doc, sent, words = trigger.doc, trigger.sent, function_words()
    durations = set(words["duration_nouns"])
    for i in range(max(sent.start, trigger.i - 4), min(sent.end - 2, trigger.i + 5)):
        if f"{doc[i].lower_} {doc[i + 1].lower_}" in words["period_openers"] and doc[i + 2].like_num:
            return True
        if (doc[i].like_num or doc[i].pos_ == "NUM") and set(doc[i + 1]._.lemmas) & durations:
            return True
    return False


def _the_only_verb(token: Token) -> bool:
    """A word that may be a finite "być" with no other finite verb in its sentence is that verb:
    "W Pekinie byli wiceprzewodniczący Fatahu ..." says who was there, not who was once
    deputy chairman ("Byli ministrowie krytykowali rząd")."""
    if not any(a.lemma == "być" and a.pos_class in FINITE_CLASSES for a in token._.analyses):
        return False
    return not any(t.i != token.i and t.tag_.split(":")[0] in FINITE_CLASSES for t in token.sent)


def _predicative_case(trigger: Token) -> bool:
    """A predicate noun after "być" or "zostać" is in the instrumental ("była kanclerzem");
    in the nominative the "była" before it is the adjective "former" ("Była kanclerz Niemiec
    Angela Merkel"). A chosen nominative reading rules the instrumental out."""
    chosen = tag_features(trigger.tag_).get("case", frozenset())
    return "inst" in token_cases(trigger) and ("nom" not in chosen or "inst" in chosen)


def _own_preposition(doc: Doc, a: Argument, b: Argument, frame: Frame) -> bool:
    """The later of two coordinated objects repeats the preposition: separate meetings
    ("spotkał się z premierem X oraz z ministrem Y"), not one of the three ("z X i Y")."""
    return bool(frame.prep) and any(t.lower_ in frame.prep for t in doc[a.end:b.start])


def _best_per_key(facts: list[Fact]) -> list[Fact]:
    """The most confident of the facts stating the same thing in the same sentence."""
    best: dict[tuple, Fact] = {}
    for fact in facts:
        key = (fact.subject, fact.predicate, fact.object, fact.sentence)
        if key not in best or best[key].confidence < fact.confidence:
            best[key] = fact
    return list(best.values())


def _shared_objects(subjects: list[Argument], found: list[list[Argument]]) -> list[tuple[Argument, Argument]]:
    """Each subject with the objects found from it. Coordinated subjects share their verb's
    object: where the search from one of them found only the subjects ("Xi Jinpinga powitali
    prezydent Tamás Sulyok i premier Viktor Orbán"), it takes the objects found from another;
    not where subjects and other names make one list, which is the object's ("spotkał się z
    ministrem X, ministrem Y oraz szefem Z")."""
    starts = {s.start for s in subjects}
    pairs = [(s, o) for s, objects in zip(subjects, found) for o in objects]
    mixed = any({o.start in starts for o in objects} == {True, False} for objects in found)
    shared = list({o.start: o for _, o in pairs if o.start not in starts}.values())
    if len(subjects) < 2 or not shared or mixed:
        return pairs
    return [(s, o) for s in subjects for o in shared]


def _same_kind(a: Argument, b: Argument) -> bool:
    """Coordinated arguments that relate to each other: two people, or two states or bodies
    ("Premier Polski i prezydent Ukrainy, Donald Tusk i Wołodymyr Zełenski": not Poland and
    Tusk)."""
    return (a.key[0] == "Person") == (b.key[0] == "Person")


def _manages_to(trigger: Token) -> bool:
    """ "uda się podpisać": "udać się" before an infinitive is managing to, not going."""
    if not function_words()["manage_verbs"] & set(trigger._.lemmas):
        return False
    return any(t.tag_.startswith("inf") for t in trigger.doc[trigger.i + 1:trigger.i + 4])


def _has_verb_form(trigger: Token, verb_form: str | None) -> bool:
    """Whether the trigger can be the rule's verb form: a finite verb ("przewodniczą", but
    not the participle "przewodnicząca") or a passive participle ("objęty")."""
    if verb_form == "finite":
        return any(a.pos_class in FINITE_CLASSES for a in trigger._.analyses)
    return verb_form is None or _is_passive(trigger)


def _is_passive(trigger: Token) -> bool:
    """A passive participle ("zaatakowany", "nałożone"), with or without "został"."""
    return trigger.tag_.startswith("ppas")


@lru_cache(maxsize=None)
def passive_frames(rule: Rule) -> tuple[Frame, Frame]:
    """The rule's frames for a passive participle: the bare accusative becomes the nominative
    subject and the nominative the agent after "przez" ("Kijów został zaatakowany przez
    Rosję", "Finlandia została przyjęta do NATO"); a prepositional frame stays ("sankcje
    nałożone na Iran przez UE")."""
    return _passive_frame(rule.subject), _passive_frame(rule.object)


def _attributive(frame: Frame, trigger: Token) -> Frame:
    """A participle with no copula modifies the name right before it, its patient in any
    case ("sankcje na Białoruś rządzoną przez Łukaszenkę": Białoruś, not the sentence's
    subject)."""
    doc = trigger.doc
    if frame.position != "left" or frame.case != {"nom"} or after_copula(trigger) or trigger.i < 2:
        return frame
    if doc[trigger.i - 1].ent_iob_ in {"B", "I"}:
        return replace(frame, position="before", case=frozenset(), carry=False)
    name_cases = token_cases(doc[trigger.i - 2])
    if doc[trigger.i - 1].text == "," and doc[trigger.i - 2].ent_iob_ in {"B", "I"} \
            and (not name_cases or name_cases & token_cases(trigger) - {"voc"}):  # not "Junta w Nigrze, kierowana"
        return replace(frame, position="before_comma", case=frozenset(), carry=False)  # "Do BRICS, tworzonego przez"
    return frame


def _passive_frame(frame: Frame) -> Frame:
    if not frame.prep and "acc" in frame.case and "nom" not in frame.case:
        return replace(frame, position="left", case=frozenset({"nom"}), carry=True, agree=False)
    if "nom" in frame.case:
        return replace(frame, position="any", prep=function_words()["passive_agent"], case=frozenset({"acc"}),
                       carry=False, agree=False)
    return frame



@Language.factory("gb_relations", default_config={"ontology": None},
                  assigns=["doc._.facts"], requires=["doc.ents"])
def make_relations(nlp: Language, name: str, ontology: str | None) -> RelationExtractor:
    """Factory registered with spaCy (also as a `spacy_factories` entry point)."""
    return RelationExtractor(nlp, name, ontology)


def _only_perfective(verb: Token) -> bool:
    """A present form that is perfective only: a verb of both aspects ("należą",
    "aresztuje") speaks of the present."""
    forms = [a.tag for a in verb._.analyses if a.pos_class == "fin" and a.lemma == verb.lemma_] or [verb.tag_]
    return all(":perf" in tag for tag in forms)
