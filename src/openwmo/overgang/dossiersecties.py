"""The resident's file: existing beschikkingen and the maatwerkgesprek of the transition."""

from . import selectors


def secties(user, persoon) -> list[dict]:
    stand = selectors.dossierstand(user, persoon.pk)
    if stand is None:
        return []
    return [
        {
            "template": "overgang/_dossier.html",
            "context": stand,
            "velden": ["bestaande_beschikkingen", "maatwerkgesprek", "uitkomst_overgang"],
        }
    ]
