"""Relation extraction on hand-written Polish sentences: word order, negation, dropped
subjects, coordination, metonymy, classes and provenance of the facts."""
from __future__ import annotations

import pytest

from graphbuilder.types import ARTICLE


def facts(nlp, text: str) -> set[tuple[str, str, str]]:
    return {(ARTICLE if f.subject == ARTICLE else f.subject[1], f.predicate, f.object[1])
            for f in nlp(text)._.facts}


@pytest.mark.parametrize("text, fact", [
    ("Władimir Putin przybył do Kazachstanu.", ("Władimir Putin", "visits", "Kazachstan")),
    ("Do Kazachstanu przybył w środę Władimir Putin.", ("Władimir Putin", "visits", "Kazachstan")),
    ("W Helsinkach rozmawiał z dziennikarzami Jacek Czaputowicz.", ("Jacek Czaputowicz", "visits", "Helsinki")),
    ("Annalena Baerbock odwiedziła Kijów.", ("Annalena Baerbock", "visits", "Kijów")),
])
def test_relations_word_order_and_inflection(nlp, text, fact):
    assert fact in facts(nlp, text)


def test_relations_negation_turns_joining_into_declining(nlp):
    found = facts(nlp, "Szwajcaria nie przystąpi do Unii Europejskiej.")
    assert ("Szwajcaria", "declinedToJoin", "Unia Europejska") in found
    assert ("Szwajcaria", "memberOf", "Unia Europejska") not in found


def test_relations_refusal_is_never_membership(nlp):
    found = facts(nlp, "Kazachstan odmówił przystąpienia do bloku gospodarczego BRICS.")
    assert found == {("Kazachstan", "declinedToJoin", "BRICS")}


def test_relations_negated_visit_is_not_a_visit(nlp):
    assert not facts(nlp, "Olaf Scholz nie odwiedził Kijowa.")


def test_relations_dropped_subject_is_carried_from_the_previous_sentence(nlp):
    found = facts(nlp, "Emmanuel Macron przyleciał do Pekinu. Spotkał się z Xi Jinpingiem.")
    assert ("Emmanuel Macron", "visits", "Pekin") in found
    assert ("Emmanuel Macron", "meetsWith", "Xi Jinping") in found


def test_relations_two_facts_in_one_sentence(nlp):
    found = facts(nlp, "Prezydent Francji, Emmanuel Macron, przyjechał do Berlina.")
    assert {("Emmanuel Macron", "leaderOf", "Francja"), ("Emmanuel Macron", "visits", "Berlin")} <= found


def test_relations_coordinated_partners_meet_each_other(nlp):
    found = facts(nlp, "Jens Stoltenberg spotkał się z prezydentem Turcji Recepem Tayyipem Erdoganem "
                       "i premierem Szwecji Ulfem Kristerssonem.")
    assert {("Jens Stoltenberg", "meetsWith", "Recep Tayyip Erdogan"),
            ("Jens Stoltenberg", "meetsWith", "Ulf Kristersson"),
            ("Recep Tayyip Erdogan", "meetsWith", "Ulf Kristersson"),
            ("Recep Tayyip Erdogan", "leaderOf", "Turcja"),
            ("Ulf Kristersson", "leaderOf", "Szwecja")} <= found


def test_relations_metonymic_capital_stands_for_its_state(nlp):
    assert ("Rosja", "sanctions", "Litwa") in facts(nlp, "Moskwa nałożyła sankcje na Litwę.")


def test_relations_nobody_visits_the_country_they_lead(nlp):
    found = facts(nlp, "Prezydent Azerbejdżanu Ilham Alijew i Ursula von der Leyen podpisali w Baku memorandum.")
    assert ("Ursula von der Leyen", "visits", "Baku") in found
    assert ("Ilham Alijew", "visits", "Baku") not in found
    assert ("Ilham Alijew", "agreementWith", "Ursula von der Leyen") in found


def test_relations_head_of_a_ministry_is_a_minister_of_its_country(nlp):
    found = facts(nlp, "Szef MSZ Ukrainy Dmytro Kułeba przemawiał w Brukseli.")
    assert ("Dmytro Kułeba", "ministerOf", "Ukraina") in found
    assert not [f for f in found if f[1] == "leaderOf"]


def test_relations_respect_domain_and_range(nlp):
    found = facts(nlp, "Kazachstan przybył do Rosji.")  # a country does not visit
    assert not [f for f in found if f[1] == "visits"]


def test_relations_reported_by_is_about_the_article(nlp):
    assert facts(nlp, "Jak podaje The Moscow Times, rozmowy trwały długo.") == {
        (ARTICLE, "reportedBy", "The Moscow Times")}


def test_relations_facts_carry_sentence_rule_and_confidence(nlp):
    doc = nlp("Pierwsze zdanie. Władimir Putin przybył do Kazachstanu.")
    fact = next(f for f in doc._.facts if f.predicate == "visits")
    assert fact.sentence == 1 and fact.rule == "visits-arrive-to" and 0 < fact.confidence <= 1


@pytest.mark.parametrize("text, predicate, modality", [
    ("Jak poinformował były wiceszef MSW Ukrainy, Anton Heraszczenko, było zimno.", "ministerOf", "former"),
    ("Szwecja planuje przystąpić do NATO.", "memberOf", "planned"),
    ("Finlandia może przystąpić do NATO.", "memberOf", "possible"),
    ("Finlandia przystąpiła do NATO.", "memberOf", None),
])
def test_relations_modality_is_marked_and_lowers_confidence(nlp, text, predicate, modality):
    fact = next(f for f in nlp(text)._.facts if f.predicate == predicate)
    assert fact.modality == modality
    assert (fact.confidence < 0.8) == (modality in {"planned", "possible"})


def test_relations_role_phrase_refers_to_the_person_holding_that_role(nlp):
    doc = nlp("Prezydent Rosji Władimir Putin przybył do Astany. Władze wyświetliły hasła na cześć rosyjskiego dyktatora.")
    found = {(f.subject[1], f.predicate, f.object[1]) for f in doc._.facts}
    assert ("Władimir Putin", "citizenOf", "Rosja") in found
    phrase = doc.spans["gb_roles"][0]
    assert phrase.text == "rosyjskiego dyktatora" and phrase.kb_id_ == "Władimir Putin"


def test_relations_role_phrase_with_a_name_is_not_resolved_elsewhere(nlp):
    doc = nlp("Prezydent Rosji Władimir Putin przybył. Rosyjski minister Siergiej Ławrow przemawiał.")
    assert "gb_roles" not in doc.spans or not list(doc.spans["gb_roles"])


def test_relations_subject_shared_with_the_previous_clause(nlp):
    found = facts(nlp, "Wołodymyr Zełenski przybył do Waszyngtonu, gdzie spotkał się z prezydentem USA "
                       "Joe Bidenem oraz sekretarzem stanu Antonym Blinkenem.")
    assert {("Wołodymyr Zełenski", "meetsWith", "Joe Biden"), ("Wołodymyr Zełenski", "meetsWith", "Antony Blinken"),
            ("Wołodymyr Zełenski", "visits", "Waszyngton")} <= found
    assert ("Joe Biden", "visits", "Waszyngton") not in found  # he leads the country


def test_relations_noun_after_the_prepositional_phrase(nlp):
    found = facts(nlp, "Stany Zjednoczone i Unia Europejska nałożyły na Rosję kolejne sankcje. "
                       "Zełenski podpisał z Bidenem porozumienie.")
    assert {("Stany Zjednoczone", "sanctions", "Rosja"), ("Unia Europejska", "sanctions", "Rosja")} <= found


def test_names_feminine_surnames_keep_their_ending(nlp):
    doc = nlp("Rzeczniczka rosyjskiego MSZ Maria Zacharowa skrytykowała plany.")
    assert ("Maria Zacharowa", "Person") in {(s.kb_id_, s.label_) for s in doc.ents}
