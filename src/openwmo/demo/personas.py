"""The four persona residents of the domain brief, with fixed names, in the first buurt.

Their ages hold on the PEILDATUM (1 October 2026) until their next birthday in 2027.
Mariska (25): TO3 + DB5. Pieter (28): TO2 + DB2. Jelle (44): TO2, 4 hours a week, few
contacts; he is the demo log-in "inwoner". Frank (32): autism, lives with his parents;
his mother is his mantelzorger and his schriftelijk gemachtigde; no beschikking yet.
"""

import datetime
from dataclasses import dataclass

from openwmo.inwoners.models import Relatie

from .population import (
    ALLEENSTAAND,
    HOOFDBEWONER,
    KIND,
    MAN,
    PAAR_MET_KINDEREN,
    PARTNER,
    VROUW,
    HouseholdSpec,
    Member,
    age_on,
)

Soort = Relatie.Soort


@dataclass(frozen=True)
class Persona:
    key: str
    voornamen: str
    voorvoegsel: str
    achternaam: str
    geboortedatum: datetime.date
    geslacht: str
    rol: str
    telefoon: str = ""
    email: str = ""


MARISKA = Persona(
    "mariska",
    "Mariska",
    "",
    "Holtkamp",
    datetime.date(2001, 9, 12),
    VROUW,
    HOOFDBEWONER,
    "0600000101",
    "mariska.holtkamp@mail.example",
)
PIETER = Persona(
    "pieter",
    "Pieter",
    "",
    "Zandbergen",
    datetime.date(1998, 9, 3),
    MAN,
    HOOFDBEWONER,
    "0600000102",
)
JELLE = Persona(
    "jelle",
    "Jelle",
    "",
    "Bosveld",
    datetime.date(1982, 8, 20),
    MAN,
    HOOFDBEWONER,
    "0600000103",
    "jelle.bosveld@mail.example",
)
GERARD = Persona(
    "gerard",
    "Gerard",
    "van",
    "Linden",
    datetime.date(1963, 6, 2),
    MAN,
    HOOFDBEWONER,
    "0570-401234",
)
ANNEKE = Persona(
    "anneke",
    "Anneke",
    "",
    "Westerhof",
    datetime.date(1965, 4, 19),
    VROUW,
    PARTNER,
    "0600000104",
    "anneke.westerhof@mail.example",
)
FRANK = Persona(
    "frank", "Frank", "van", "Linden", datetime.date(1994, 9, 15), MAN, KIND, "0600000105"
)

HOUSEHOLDS = [
    (ALLEENSTAAND, [MARISKA]),
    (ALLEENSTAAND, [PIETER]),
    (ALLEENSTAAND, [JELLE]),
    (PAAR_MET_KINDEREN, [GERARD, ANNEKE, FRANK]),
]

# Legacy beschikkingen: persona key -> [(product, volume)], all ZIN at the first provider.
BESCHIKKINGEN = {
    "mariska": [("TO3", 6), ("DB5", 4)],
    "pieter": [("TO2", 3), ("DB2", 3)],
    "jelle": [("TO2", 4)],
}

# Relations to people outside the register: persona key -> [(soort, naam, telefoon)].
OUTSIDE_RELATIONS = {
    "mariska": [(Soort.OUDER, "Ellen Holtkamp", "0600000201")],
    "pieter": [(Soort.BROER_ZUS, "Lotte Zandbergen", "0600000202")],
    "jelle": [(Soort.VRIEND, "Wim de Ruiter", "0600000203")],
}


def add_personas(residents, buurt) -> int:
    """Write the persona households at the first addresses of ``buurt``; returns persons."""
    placed = 0
    for samenstelling, personas in HOUSEHOLDS:
        members = [Member(age_on(p.geboortedatum), p.geslacht, p.rol) for p in personas]
        spec = HouseholdSpec(samenstelling, members)
        huishouden_pk, address = residents.new_household(buurt, samenstelling)
        drafts = {}
        for persona, member in zip(personas, members, strict=True):
            draft = residents.draft(member, persona.geboortedatum)
            draft.voornamen = persona.voornamen
            draft.voorvoegsel = persona.voorvoegsel
            draft.achternaam = persona.achternaam
            draft.beschikkingen = [
                residents.legacy.beschikking(product, False, 0, volume)
                for product, volume in BESCHIKKINGEN.get(persona.key, [])
            ]
            residents.add_person(draft, huishouden_pk, persona.telefoon, persona.email)
            drafts[persona.key] = draft
        if "frank" in drafts:
            add_frank_relations(residents, drafts)
        for key, draft in drafts.items():
            for soort, naam, telefoon in OUTSIDE_RELATIONS.get(key, []):
                residents.relation(draft.pk, soort, naam=naam, telefoon=telefoon)
            if draft.beschikkingen:
                residents.legacy.write(residents.client(draft, address), draft.beschikkingen)
            if key == "jelle":
                residents.jelle = (draft.pk, draft.voornamen, draft.achternaam)
        placed += len(spec.members)
    return placed


def add_frank_relations(residents, drafts) -> None:
    gerard, anneke, frank = drafts["gerard"], drafts["anneke"], drafts["frank"]
    residents.relation(gerard.pk, Soort.PARTNER, gerelateerde_id=anneke.pk)
    residents.relation(anneke.pk, Soort.PARTNER, gerelateerde_id=gerard.pk)
    residents.relation(gerard.pk, Soort.KIND, gerelateerde_id=frank.pk)
    residents.relation(anneke.pk, Soort.KIND, gerelateerde_id=frank.pk)
    residents.relation(frank.pk, Soort.OUDER, gerelateerde_id=gerard.pk)
    residents.relation(
        frank.pk,
        Soort.OUDER,
        gerelateerde_id=anneke.pk,
        is_mantelzorger=True,
        mantelzorg_uren_per_week=15,
        vertegenwoordiging=Relatie.Vertegenwoordiging.GEMACHTIGDE,
        sinds=datetime.date(2012, 9, 15),
    )
