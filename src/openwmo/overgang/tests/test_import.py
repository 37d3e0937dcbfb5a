import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied

from openwmo.accounts.models import Rol
from openwmo.overgang import services
from openwmo.overgang.models import BestaandeBeschikking, Importbestand
from openwmo.privacy.models import AuditRecord

from .conftest import KOP, regel

pytestmark = pytest.mark.django_db


def importeer(users, inhoud, naam="export.csv"):
    return services.importeer(
        users[Rol.WMO_CONSULENT], bestandsnaam=naam, inhoud=inhoud, kanaal="ui"
    )


def test_import_schrijft_beschikkingen_met_voorlopige_pijler(users, export, clienten):
    resultaat = importeer(users, export)
    assert (resultaat.regels, resultaat.nieuw, resultaat.al_ingelezen) == (4, 4, False)
    pijlers = dict(BestaandeBeschikking.objects.values_list("product", "voorlopige_pijler"))
    assert pijlers == {
        "TO3": "te_beoordelen",
        "DB5": "te_beoordelen",
        "TO2": "basis",
        "DB2": "te_beoordelen",
    }
    assert AuditRecord.objects.filter(object_type="overgang_import").count() == 1


def test_zelfde_bestand_opnieuw_verandert_niets(users, export):
    importeer(users, export)
    voor = list(BestaandeBeschikking.objects.order_by("pk").values())
    tweede = importeer(users, export)
    assert tweede.al_ingelezen and tweede.nieuw == 0
    assert list(BestaandeBeschikking.objects.order_by("pk").values()) == voor
    assert Importbestand.objects.count() == 1
    # the same rows in another file (semicolons, Windows line ends) add nothing either
    anders = export.decode().replace(",", ";").replace("\n", "\r\n").encode()
    derde = importeer(users, anders, "export-2.csv")
    assert not derde.al_ingelezen and derde.nieuw == 0
    assert BestaandeBeschikking.objects.count() == 4


def test_bestand_met_fouten_schrijft_niets_en_noemt_elke_fout(users, clienten, aanbieder):
    m, p = clienten["mariska"], clienten["pieter"]
    tekst = KOP + "".join(
        [
            regel(m, "TO3", "uur_per_week"),  # good
            regel(m, "TO9", "uur_per_week"),  # unknown product
            regel(p, "DB2", "uur_per_week"),  # wrong unit
            regel(p, "TO2", "uur_per_week", einde="2025-01-01"),  # end before start
            regel(p, "TO4", "uur_per_week", agb="12345678"),  # unknown provider
            regel(p, "TO1", "uur_per_week", agb="", vorm="ZIN"),  # ZIN without provider
            regel(p, "TO1", "uur_per_week", volume=0, vorm="X"),  # volume and vorm
            "123456789,Onbekend,1990-01-01,9001AB,1,TO1,41000001,2026-01-01,,2,uur_per_week,ZIN\n",
            regel(m, "TO3", "uur_per_week"),  # duplicate of line 2
        ]
    )
    tekst = tekst.replace(
        f"{m.bsn},{m.achternaam},{m.geboortedatum.isoformat()},9001AB,1,TO9",
        f"{m.bsn},{m.achternaam},1999-01-01,9001AB,1,TO9",
    )
    with pytest.raises(services.Importfouten) as fout:
        importeer(users, tekst.encode())
    gevonden = {(f.regel, f.veld) for f in fout.value.fouten}
    assert gevonden == {
        (3, "product"),
        (3, "geboortedatum"),
        (4, "eenheid"),
        (5, "einddatum"),
        (6, "aanbieder_agb"),
        (7, "aanbieder_agb"),
        (8, "volume"),
        (8, "leveringsvorm"),
        (9, "bsn"),
        (10, "product"),
    }
    assert all(f.probleem for f in fout.value.fouten)
    assert any(m.startswith("Regel 3, product:") for m in fout.value.message_dict["bestand"])
    assert not BestaandeBeschikking.objects.exists()
    assert not Importbestand.objects.exists()


def test_ontbrekende_kolommen_en_verkeerd_bestandstype(users, export):
    zonder = export.decode().replace("leveringsvorm", "vorm").encode()
    with pytest.raises(services.Importfouten) as fout:
        importeer(users, zonder)
    assert [(f.regel, f.veld) for f in fout.value.fouten] == [(1, "leveringsvorm")]
    with pytest.raises(services.Importfouten):
        importeer(users, export, "export.pdf")
    with pytest.raises(services.Importfouten):
        importeer(users, b"\xff\xfe\x00", "export.csv")
    with pytest.raises(services.Importfouten):
        importeer(users, b"niet-excel", "export.xlsx")
    assert not Importbestand.objects.exists()


def test_excel_import(users, export):
    boek = openpyxl.Workbook()
    blad = boek.active
    for rij in export.decode().splitlines():
        waarden = rij.split(",")
        blad.append([int(w) if w.isdigit() and len(w) < 5 else w for w in waarden])
    uit = io.BytesIO()
    boek.save(uit)
    resultaat = importeer(users, uit.getvalue(), "export.xlsx")
    assert resultaat.nieuw == 4


@pytest.mark.parametrize("rol", [Rol.SOCIAAL_WERKER, Rol.BELEIDSMAKER, Rol.ZORGAANBIEDER])
def test_alleen_consulent_importeert(users, export, rol):
    with pytest.raises(PermissionDenied):
        services.importeer(users[rol], bestandsnaam="e.csv", inhoud=export, kanaal="ui")
