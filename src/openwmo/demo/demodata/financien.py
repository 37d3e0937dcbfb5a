"""Lindeveen's finance: 2026 lumpsums fixed from the existing beschikkingen that the
overgang demo imported (95% of their cost, the transformation target), subsidies for the
sociale basis, and a transfer request from an aanvullend provider waiting for the basis
provider's agreement. Runs after the overgang demo (see ``VOLGORDE``)."""

from openwmo.accounts.models import Rol, User
from openwmo.demo.constants import PEILDATUM
from openwmo.financien import selectors, services
from openwmo.financien.models import Lumpsum
from openwmo.organisaties.models import Organisatie

JAAR = PEILDATUM.year
DOEL = 95  # percent of the legacy cost that the lumpsums may spend
SUBSIDIES = [
    ("Buurtkamers en inloop in alle wijken", 300, 45_000_00),
    ("Maatjesprojecten en vrijwillige thuishulp", 120, 28_000_00),
    ("Mantelzorgondersteuning en lotgenotengroepen", 200, 32_000_00),
]


def vul(rng) -> dict:
    beleid = User.objects.filter(rol=Rol.BELEIDSMAKER).order_by("pk").first()
    if beleid is None:
        return {}
    from openwmo.demo.demodata.kwaliteit import zorg_voor_contracten

    zorg_voor_contracten()
    summary = {}
    groepen = selectors.startgroepen(JAAR)  # the beschikkingen the overgang demo imported
    if groepen and not Lumpsum.objects.filter(jaar=JAAR).exists():
        kosten = sum(g.kosten_cents for g in groepen)
        rijen = services.stel_lumpsums_vast(
            beleid,
            jaar=JAAR,
            totaal_cents=kosten * DOEL // 100,
            groepen=groepen,
            pgb_aandeel=900,
        )
        summary["lumpsums"] = len(rijen)
        _verzoek(rijen)
    orgs = Organisatie.objects.filter(
        soort__in=[Organisatie.Soort.VRIJWILLIGERS, Organisatie.Soort.PARTNER]
    ).order_by("pk")
    for org, (activiteiten, bereik, bedrag) in zip(orgs, SUBSIDIES, strict=False):
        services.verleen_subsidie(
            beleid,
            jaar=JAAR,
            organisatie_id=org.pk,
            bedrag_cents=bedrag + rng.randrange(0, 50) * 100_00,
            activiteiten=activiteiten,
            beoogd_bereik=bereik,
        )
        summary["subsidies"] = summary.get("subsidies", 0) + 1
    return summary


def _verzoek(rijen):
    aanbieder = (
        User.objects.filter(rol=Rol.ZORGAANBIEDER, medewerker__isnull=False)
        .select_related("medewerker")
        .order_by("pk")
        .first()
    )
    if aanbieder is None:
        return
    eigen = next(
        (ls for ls in rijen if ls.aanbieder_id == aanbieder.medewerker.organisatie_id), None
    )
    basis = next((ls for ls in rijen if ls.perceel.code == "basis"), None)
    if eigen is None or basis is None or eigen.perceel.pijler != "aanvullend":
        return
    services.dien_herverdeling_in(
        aanbieder,
        van_id=basis.pk,
        naar_id=eigen.pk,
        bedrag_cents=basis.bedrag_cents // 100,
        onderbouwing=(
            "Sinds de zomer komen meer inwoners met een complexe vraag direct in de aanvullende "
            "ondersteuning terecht dan de startverdeling aannam."
        ),
    )
