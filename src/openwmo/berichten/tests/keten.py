"""Test helpers: a gemeente, a provider with contracts, and message builders."""

import datetime

from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.berichten import schema
from openwmo.berichten.models import Contract, Uitvoeringsvariant
from openwmo.organisaties.models import Organisatie
from openwmo.testing import factories as f

GEMEENTECODE = "1999"
TAAKGERICHT_BSN = "999000019"


def gemeente(org=None) -> Organisatie:
    org = org or f.OrganisatieFactory(soort=Organisatie.Soort.GEMEENTE, agb_code="")
    org.gemeentecode = GEMEENTECODE
    org.save()
    return org


def contract(aanbieder, categorie, variant=Uitvoeringsvariant.INSPANNINGSGERICHT, **kw):
    return Contract.objects.create(
        aanbieder=aanbieder,
        productcategorie=categorie,
        uitvoeringsvariant=variant,
        ingangsdatum=datetime.date(2020, 1, 1),
        **kw,
    )


def aanbieder_met_gebruiker(**contracten):
    """A provider organisation, a zorgaanbieder log-in and contracts {categorie: variant}."""
    org = f.OrganisatieFactory(soort=Organisatie.Soort.AANVULLEND)
    user = f.medewerker(Rol.ZORGAANBIEDER, organisatie=org)
    for cat, variant in contracten.items():
        contract(org, cat.removeprefix("c"), variant)
    return org, user


def vandaag():
    return timezone.localdate()


def dagen(n: int) -> datetime.date:
    return vandaag() + datetime.timedelta(days=n)


def toewijzing(consulent, org, persoon, *, begin: int = -30, categorie: str = "02"):
    """A toewijzing from the gemeente to ``org`` for ``persoon``, starting ``begin`` days
    from today."""
    from openwmo.berichten import services

    return services.maak_toewijzing(
        consulent,
        persoon=persoon,
        aanbieder=org,
        product_categorie=categorie,
        ingangsdatum=dagen(begin),
    )


def bericht_305(
    agb,
    bsn,
    *,
    nummer=None,
    begindatum=None,
    status="1",
    ident="T305",
    categorie=None,
    code=None,
    dagtekening=None,
    gemeentecode=GEMEENTECODE,
) -> bytes:
    sp = {}
    if nummer is not None:
        sp["ToewijzingNummer"] = nummer
    if categorie:
        sp["Product"] = {"Categorie": categorie, **({"Code": code} if code else {})}
    sp["Begindatum"] = begindatum or dagen(-5)
    sp["StatusAanlevering"] = status
    return schema.schrijf(
        "305",
        {
            "Header": schema.header(
                "305",
                afzender=agb,
                ontvanger=gemeentecode,
                identificatie=ident,
                dagtekening=dagtekening or vandaag(),
            ),
            "Client": {
                "Bsn": bsn,
                "Geboortedatum": {"Datum": datetime.date(1960, 1, 1)},
                "Geslacht": "2",
                "Naam": {"Geslachtsnaam": {"Achternaam": "Visser"}},
                "StartProducten": {"StartProduct": [sp]},
            },
        },
    )
