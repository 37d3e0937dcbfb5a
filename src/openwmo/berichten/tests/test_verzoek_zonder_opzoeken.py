"""A provider asking for a toewijzing (315) for a new client types the client's data itself:
it cannot look up a resident in the register by BSN. The gemeente checks the stated data
against the register; only the gemeente sees the register's side."""

import datetime

import pytest

from openwmo.berichten import schema
from openwmo.berichten.models import Bericht, Verzoek
from openwmo.privacy.models import AuditRecord

from . import keten

pytestmark = pytest.mark.django_db

URL = "/berichten/verzoeken/nieuw/"


def _formulier(bsn, **extra):
    return {
        "bsn": bsn,
        "product_categorie": "07",
        "ingangsdatum": keten.dagen(7).isoformat(),
        **extra,
    }


def test_alleen_een_bsn_geeft_geen_gegevens_uit_het_register(client, aanbieder, mariska):
    org, user = aanbieder
    client.force_login(user)
    response = client.post(URL, _formulier(mariska.bsn))
    assert response.status_code == 200
    fouten = response.context["form"].errors
    assert "achternaam" in fouten and "geboortedatum" in fouten
    assert not Bericht.objects.exists()
    pagina = response.content.decode()
    assert mariska.achternaam not in pagina and mariska.voornamen not in pagina
    assert not AuditRecord.objects.filter(gebruiker=user, persoon_id=mariska.pk).exists()


def test_het_bericht_draagt_wat_de_aanbieder_invult(client, aanbieder, mariska):
    org, user = aanbieder
    client.force_login(user)
    response = client.post(
        URL,
        _formulier(
            mariska.bsn,
            achternaam="Fisser",
            voorletters="M.",
            geboortedatum="1980-05-17",
            geslacht="2",
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    verzoek = Verzoek.objects.get()
    data = schema.lees(bytes(verzoek.bericht.inhoud)).data["Client"]
    assert data["Naam"]["Geslachtsnaam"]["Achternaam"] == "Fisser"
    assert data["Naam"]["Voorletters"] == "M"
    assert data["Geboortedatum"]["Datum"] == datetime.date(1980, 5, 17)
    # the provider read nothing of the resident from the register
    assert not AuditRecord.objects.filter(
        gebruiker=user, persoon_id=mariska.pk, actie="lezen", object_type="persoon"
    ).exists()
    # and its list and the request page show the BSN, not the register's name
    for url in ("/berichten/verzoeken/", f"/berichten/verzoeken/{verzoek.pk}/"):
        pagina = client.get(url).content.decode()
        assert mariska.bsn in pagina and "Visser" not in pagina and "Mariska" not in pagina


def test_de_gemeente_controleert_tegen_het_register(client, aanbieder, mariska, consulent):
    org, user = aanbieder
    client.force_login(user)
    client.post(
        URL,
        _formulier(
            mariska.bsn,
            achternaam="Fisser",
            geboortedatum=mariska.geboortedatum.isoformat(),
            geslacht="0",
        ),
    )
    verzoek = Verzoek.objects.get()
    client.force_login(consulent)
    response = client.get(f"/berichten/verzoeken/{verzoek.pk}/")
    controle = {c["gegeven"]: c for c in response.context["controle"]}
    assert controle["Achternaam"]["aanbieder"] == "Fisser"
    assert controle["Achternaam"]["register"] == "Visser"
    assert not controle["Achternaam"]["klopt"]
    assert controle["Geboortedatum"]["klopt"]
    assert "Klopt niet" in response.content.decode()


def test_onbekend_bsn_verraadt_niets(client, aanbieder, consulent):
    """A BSN that is not in the register gets the same answer as a known one; the gemeente
    sees that the client is not in the register."""
    org, user = aanbieder
    client.force_login(user)
    response = client.post(
        URL,
        _formulier("111222333", achternaam="Jansen", geboortedatum="1970-01-01", geslacht="1"),
    )
    assert response.status_code == 302
    verzoek = Verzoek.objects.get()
    assert verzoek.persoon is None
    client.force_login(consulent)
    pagina = client.get(f"/berichten/verzoeken/{verzoek.pk}/").content.decode()
    assert "geen inwoner met dit BSN" in pagina
