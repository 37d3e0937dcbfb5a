"""The persona flows of Jelle and Frank (domain brief), entered in a real browser from the
first question in the buurtkamer to the outcome of Het gesprek."""

import datetime
from importlib import import_module

import pytest
from django.apps import apps
from django.utils import timezone
from stappen import klik, verstuur

from openwmo.accounts.models import Rol
from openwmo.inwoners.models import Huishouden, Relatie
from openwmo.organisaties.models import Organisatie
from openwmo.testing import factories as f
from openwmo.testing.tijd import eerder_vandaag
from openwmo.toegang.models import Melding, Niveau, Status

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def gemeente(live_server):
    import_module("openwmo.toegang.migrations.0002_criteria_leeuwarden").laden(apps, None)
    wijk = f.WijkFactory(naam="Vrijheidswijk")
    postcode = f.PostcodeFactory(postcode="8921AB", buurt=f.BuurtFactory(wijk=wijk))
    f.BuurtkamerFactory(wijk=wijk, naam="Buurtkamer De Linde")
    jelle = f.PersoonFactory(
        voornamen="Jelle",
        achternaam="de Boer",
        geboortedatum=datetime.date(1982, 4, 1),
        huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode)),
    )
    gezin = f.HuishoudenFactory(
        adres=f.AdresFactory(buurt_postcode=postcode),
        samenstelling=Huishouden.Samenstelling.PAAR_MET_KINDEREN,
    )
    frank = f.PersoonFactory(
        voornamen="Frank",
        achternaam="Visser",
        geboortedatum=datetime.date(1994, 2, 11),
        huishouden=gezin,
        rol_in_huishouden="kind",
    )
    moeder = f.PersoonFactory(voornamen="Anneke", achternaam="Visser", huishouden=gezin)
    f.RelatieFactory(persoon=frank, gerelateerde=moeder, soort="ouder", is_mantelzorger=True)
    return {
        "jelle": jelle,
        "frank": frank,
        "vrijwilliger": f.medewerker(Rol.VRIJWILLIGER, wijken=[wijk], username="vrijwilliger"),
        "werker": f.medewerker(
            Rol.SOCIAAL_WERKER, wijken=[wijk], username="generalist", first_name="Sanne"
        ),
        "hh": f.OrganisatieFactory(
            naam="Schoon Thuis", soort=Organisatie.Soort.HUISHOUDELIJKE_HULP
        ),
    }


def login(screen, username):
    screen.page.context.clear_cookies()
    screen.goto("/inloggen/")
    screen.page.get_by_label("Gebruikersnaam").fill(username)
    screen.page.get_by_label("Wachtwoord").fill(f.PASSWORD)
    screen.page.get_by_role("button", name="Inloggen").click()
    screen.page.wait_for_load_state()


def vrijwilliger_registreert(screen, persoon, vraag, namens=""):
    """The volunteer receives the visitor and hands the question to a generalist."""
    page = screen.page
    login(screen, "vrijwilliger")
    klik(page, "Melding registreren")
    # the volunteer types the name; nothing from the register is shown back
    page.get_by_label("Naam van de bezoeker").fill(f"Bezoeker {persoon.voornamen}")
    page.get_by_label("BSN van de inwoner").fill(persoon.bsn)
    page.get_by_label("Geboortedatum").fill(persoon.geboortedatum.isoformat())
    if namens:
        page.get_by_label("Vraag gesteld door").fill(namens)
    page.get_by_role("combobox", name="Buurtkamer").select_option(label="Buurtkamer De Linde")
    page.get_by_label("De vraag, in de woorden van de inwoner").fill(vraag)
    verstuur(page, "Melding registreren")
    assert "De vraag is doorgegeven aan het sociaal team" in page.content()
    assert persoon.achternaam not in page.content()
    klik(page, f"Melding {Melding.objects.get(persoon=persoon).pk}")
    klik(page, "Uitkomst eerste contact vastleggen")
    page.get_by_label("Overdracht aan een generalist voor Het gesprek").check()
    verstuur(page, "Uitkomst vastleggen")
    assert "Wacht op Het gesprek" not in page.content()  # the volunteer does not see status
    assert "Overdracht aan een generalist" in page.content()
    return Melding.objects.get(persoon=persoon)


def generalist_pakt_op(screen, melding):
    page = screen.page
    login(screen, "generalist")
    klik(page, "Meldingen")
    klik(page, "Niet toegewezen")
    klik(page, f"Melding {melding.pk}")
    klik(page, "Zelf oppakken")
    verstuur(page, "Toewijzen")


def onderzoek(screen, scores, resultaat, **teksten):
    page = screen.page
    klik(page, "Het gesprek: onderzoek vastleggen")
    page.get_by_label("Gewezen op gratis onafhankelijke cliëntondersteuning op").fill(
        timezone.localdate().isoformat()
    )
    for label, tekst in teksten.items():
        page.get_by_label(label).fill(tekst)
    page.get_by_label("Resultaat dat de inwoner wil bereiken").fill(resultaat)
    for domein, (score, reden) in scores.items():
        page.get_by_label(f"Score {domein}").select_option(str(score))
        page.get_by_label(f"Waarom van belang voor de vraag ({domein})").fill(reden)
    verstuur(page, "Onderzoek opslaan")
    assert "Het onderzoek is opgeslagen" in page.content()


def gesprek(screen, deelnemers):
    page = screen.page
    klik(page, "Gesprek plannen of vastleggen")
    begin = eerder_vandaag(hours=1)
    page.get_by_label("Datum en tijd").fill(begin.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Het gesprek heeft al plaatsgevonden").check()
    for label, naam in deelnemers.items():
        page.get_by_label(label).fill(naam)
    verstuur(page, "Gesprek vastleggen")
    assert "Het gesprek is vastgelegd" in page.content()


def behoefte(screen, omschrijving, niveau, inzet, redenen):
    page = screen.page
    klik(page, "Oplossingsladder: behoefte toevoegen")
    page.get_by_label("Behoefte", exact=True).fill(omschrijving)
    page.get_by_label(niveau, exact=True).check()
    page.get_by_label("Wat wordt ingezet (wie, hoe vaak)?").fill(inzet)
    for optie, reden in redenen.items():
        page.get_by_label(f"Waarom volstaat {optie} niet?").fill(reden)
    verstuur(page, "Oplossing vastleggen")
    assert "De oplossing is vastgelegd" in page.content()


def triage(screen, keuze, besluit, leveringsvorm=None, toelichting=""):
    page = screen.page
    klik(page, "Triage basis of aanvullend")
    page.get_by_label("Soort ondersteuning").select_option(label="Thuisondersteuning (Leeuwarden)")
    verstuur(page, "Criteria tonen")
    for radio in page.locator(f'input[type="radio"][value="{keuze}"]').all():
        radio.check()
    verstuur(page, "Advies tonen")
    page.get_by_role("status").filter(has_text="Advies").wait_for()
    screen.check(f"triage-{keuze}")
    page.get_by_label(besluit, exact=True).check()
    if leveringsvorm:
        page.get_by_label("Wens voor de leveringsvorm").select_option(label=leveringsvorm)
    if toelichting:
        page.get_by_label("Toelichting").fill(toelichting)
    verstuur(page, "Triage vastleggen")
    assert "De triage is vastgelegd" in page.content()


def afronden(screen):
    page = screen.page
    klik(page, "Onderzoek afronden")
    verstuur(page, "Onderzoek afronden")
    assert "Het onderzoek is afgerond" in page.content()


def test_jelle_van_buurtkamer_tot_basisondersteuning(screen, gemeente):
    jelle = gemeente["jelle"]
    melding = vrijwilliger_registreert(
        screen,
        jelle,
        "Ik heb schulden van toen ik op straat leefde en wil weer werken. "
        "Ik ben bang dat ik terugval en mijn huis kwijtraak.",
    )
    screen.check("toegang-vrijwilliger-melding")
    generalist_pakt_op(screen, melding)
    onderzoek(
        screen,
        {
            "Financiën": (2, "Schulden uit de periode op straat, schuldsanering nodig"),
            "Sociaal netwerk": (2, "Weinig contacten, wil uit het oude wereldje blijven"),
            "Maatschappelijke participatie": (2, "Werkt al een tijd niet, wil weer meedoen"),
        },
        "Grip op mijn geld, werk vinden en mijn huis houden.",
        **{"Wat kan de inwoner zelf?": "Woont zelfstandig en is trots op zijn appartement."},
    )
    screen.check("toegang-onderzoek")
    gesprek(screen, {"Naam ervaringsdeskundige": "Piet (ervaringsdeskundige)"})
    behoefte(
        screen,
        "Financiën en administratie op orde, schuldsanering voorbereiden",
        "Sociale basis",
        "Vrijwilliger 2 uur per week voor financiën en administratie",
        {"eigen kracht": "Geen overzicht over de schulden", "eigen netwerk": "Weinig contacten"},
    )
    behoefte(
        screen,
        "Weer meedoen en werk zoeken",
        "Sociale basis",
        "Sollicitatieclub op dinsdagmiddag in de buurtkamer",
        {
            "eigen kracht": "Geen cv en weinig zelfvertrouwen",
            "eigen netwerk": "Geen werkende kennissen",
        },
    )
    behoefte(
        screen,
        "Terugval voorkomen en één regievoerder",
        "Basisondersteuning",
        "Vaste begeleider gemiddeld 3 uur per week, flexibel zonder beschikking",
        {
            "eigen kracht": "Risico op terugval in drugsgebruik",
            "eigen netwerk": "Geen netwerk dat signaleert",
            "sociale basis": "Signaleren van terugval vraagt een beroepskracht",
        },
    )
    screen.check("toegang-oplossingsladder")
    triage(screen, "basis", "Basisondersteuning")
    afronden(screen)
    screen.page.get_by_role("link", name="Verslag bekijken").click()
    screen.page.get_by_role("heading", name="Verslag van het gesprek met Jelle de Boer").wait_for()
    screen.check("toegang-verslag")

    melding.refresh_from_db()
    assert melding.status == Status.ONDERZOEK_AFGEROND
    assert melding.behandelaar == gemeente["werker"]
    assert melding.uitkomst == "gesprek" and melding.kanaal == "buurtkamer"
    assert melding.onderzoek.clientondersteuning_gemeld_op == timezone.localdate()
    assert sorted(melding.onderzoek.scores.values_list("domein", "score")) == [
        ("financien", 2),
        ("netwerk", 2),
        ("participatie", 2),
    ]
    assert [b.niveau for b in melding.behoeften.all()] == [
        Niveau.SOCIALE_BASIS,
        Niveau.SOCIALE_BASIS,
        Niveau.BASIS,
    ]
    assert melding.behoeften.last().afwegingen.count() == 3
    triage_ = melding.triages.get()
    assert (triage_.advies, triage_.besluit, triage_.leveringsvorm) == ("basis", "basis", "")
    assert melding.gesprekken.get().gevoerd
    assert not melding.overdrachten.exists()  # the plan is the next issue


def test_frank_van_ouders_in_de_buurtkamer_tot_verwijzing_met_pgb(screen, gemeente):
    frank = gemeente["frank"]
    melding = vrijwilliger_registreert(
        screen,
        frank,
        "Frank komt bijna niet buiten en zit vast in dwanghandelingen. Wij zoeken een "
        "begeleider die bij hem past, zodat zijn wereld groter wordt.",
        namens="Zijn ouders (moeder Anneke Visser)",
    )
    generalist_pakt_op(screen, melding)
    onderzoek(
        screen,
        {
            "Geestelijke gezondheid": (2, "Autisme en dwanghandelingen belemmeren thuis"),
            "Maatschappelijke participatie": (1, "Komt alleen met zijn ouders buiten"),
        },
        "Frank gaat zelfstandiger dingen doen buiten huis; ouders worden ontlast.",
        **{"Gebruikelijke hulp en netwerk": "Ouders zorgen dagelijks; moeder is mantelzorger."},
    )
    page = screen.page
    page.get_by_role("link", name="Het gesprek: onderzoek vastleggen").click()
    page.get_by_label("Belasting van de mantelzorger").select_option(
        label="Risico op overbelasting"
    )
    verstuur(page, "Onderzoek opslaan")
    gesprek(
        screen,
        {
            "Naam familie": "Anneke en Jan Visser (ouders)",
            "Naam specialist": "Autismespecialist van de aanvullende ondersteuning",
            "Naam onafhankelijke cliëntondersteuner": "Cliëntondersteuner MEE",
        },
    )
    behoefte(
        screen,
        "Begeleiding thuis bij dwanghandelingen en de wereld groter maken",
        "Aanvullende ondersteuning",
        "Begeleider van een kleinschalige PGB-organisatie gespecialiseerd in autisme",
        {
            "eigen kracht": "Frank kan de dwanghandelingen niet zelf doorbreken",
            "eigen netwerk": "Ouders zijn overbelast en hebben lang gezocht",
            "sociale basis": "Een maatje kan pas later, naast de begeleider",
            "basisondersteuning": "De vraag is te specifiek: specifieke deskundigheid nodig",
        },
    )
    triage(
        screen,
        "aanvullend",
        "Aanvullende ondersteuning",
        leveringsvorm="Persoonsgebonden budget (PGB)",
        toelichting="PGB beheerd door de ouders; later een maatje verkennen.",
    )
    afronden(screen)
    klik(page, "Overdragen voor het ondersteuningsplan")
    page.get_by_label("Wat geeft u mee aan het ondersteuningsplan?").fill(
        "Verwijzing naar aanvullende ondersteuning als PGB, beheerd door de ouders. "
        "Onderzoek later een maatje voor activiteiten."
    )
    verstuur(page, "Overdracht vastleggen")
    assert "De overdracht is vastgelegd" in page.content()
    screen.check("toegang-frank-overgedragen")

    melding.refresh_from_db()
    assert melding.status == Status.OVERGEDRAGEN
    assert melding.namens.startswith("Zijn ouders")
    assert melding.onderzoek.mantelzorgbelasting == "risico"
    deelnemers = set(melding.gesprekken.get().deelnemers.values_list("soort", flat=True))
    assert deelnemers == {"familie", "specialist", "clientondersteuner"}
    behoefte_ = melding.behoeften.get()
    assert behoefte_.niveau == Niveau.AANVULLEND and behoefte_.afwegingen.count() == 4
    triage_ = melding.triages.get()
    assert (triage_.advies, triage_.besluit, triage_.leveringsvorm) == (
        "aanvullend",
        "aanvullend",
        "pgb",
    )
    overdracht = melding.overdrachten.get()
    assert (overdracht.naar, overdracht.leveringsvorm) == ("verwijzing", "pgb")
    assert Relatie.objects.get(persoon=frank).is_mantelzorger


def test_online_vraag_en_snelle_route_huishoudelijke_hulp(screen, gemeente):
    page = screen.page
    jelle = gemeente["jelle"]
    screen.goto("/toegang/melden/")
    screen.check("toegang-online-formulier")
    page.get_by_label("Uw naam").fill("Jelle de Boer")
    page.get_by_label("Uw BSN").fill(jelle.bsn)
    page.get_by_label("Uw geboortedatum").fill(jelle.geboortedatum.isoformat())
    page.get_by_label("Uw postcode").fill("8921 AB")
    page.get_by_label("Telefoonnummer").fill("0612345678")
    page.get_by_label("Waar wilt u hulp bij?").fill("Ik wil hulp bij mijn post.")
    verstuur(page, "Vraag versturen")
    page.get_by_role("heading", name="Uw vraag is ontvangen").wait_for()
    assert Melding.objects.get(persoon=jelle).kanaal == "online"

    provider = f.medewerker(Rol.ZORGAANBIEDER, organisatie=gemeente["hh"], username="schoon")
    login(screen, "vrijwilliger")
    klik(page, "Melding registreren")
    page.get_by_label("Naam van de bezoeker").fill("Frank")
    page.get_by_label("BSN van de inwoner").fill(gemeente["frank"].bsn)
    page.get_by_label("Geboortedatum").fill(gemeente["frank"].geboortedatum.isoformat())
    page.get_by_role("combobox", name="Buurtkamer").select_option(label="Buurtkamer De Linde")
    page.get_by_label("De vraag, in de woorden van de inwoner").fill("Hulp bij het schoonmaken.")
    page.get_by_label("Snelle route huishoudelijke hulp").check()
    page.get_by_label("Aanbieder huishoudelijke hulp").select_option(label="Schoon Thuis")
    verstuur(page, "Melding registreren")
    assert "De vraag is doorgegeven aan het sociaal team" in page.content()

    login(screen, provider.username)
    page.get_by_role("heading", name="Nieuwe meldingen huishoudelijke hulp").wait_for()
    assert "Hulp bij het schoonmaken." in page.content()
    screen.check("toegang-aanbieder-start")
    hh = Melding.objects.get(persoon=gemeente["frank"])
    assert hh.status == Status.BIJ_AANBIEDER and not hh.gesprekken.exists()
