"""Writing household-help assessments, fast-route requests and regional advice."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo import schrijven
from openwmo.accounts.models import Rol
from openwmo.privacy import services as audit

from . import normen, selectors
from .models import Aanvraag, Beoordeling, Normenkader, RegionaalAdvies, Soort, Vakantieafspraak

WERK = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT})
PROCENTEN = (0, 25, 50, 75, 100)


_eis_rol = schrijven.eis_rol


_log = schrijven.log


_persoon = schrijven.persoon_in_scope


_tekst = schrijven.tekst


def _plus_maanden(d: datetime.date, maanden: int) -> datetime.date:
    jaar, maand = divmod(d.month - 1 + maanden, 12)
    jaar, maand = d.year + jaar, maand + 1
    dag = min(
        d.day, [31, 29 if jaar % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][maand - 1]
    )
    return datetime.date(jaar, maand, dag)


def leeftijd(geboortedatum: datetime.date, op: datetime.date) -> int:
    return (
        op.year
        - geboortedatum.year
        - ((op.month, op.day) < (geboortedatum.month, geboortedatum.day))
    )


# --- norm framework and assessment ------------------------------------------------------


def laad_normenkader(user, *, naam: str, bron: str, ingangsdatum, inhoud, kanaal: str):
    """Load a new version of the framework; earlier assessments keep theirs."""
    if user is not None:
        _eis_rol(user, {Rol.WMO_CONSULENT, Rol.BEHEERDER})
    fouten: dict[str, list[str]] = {}
    naam = _tekst(fouten, "naam", naam, _("Geef het normenkader een naam."))
    bron = _tekst(fouten, "bron", bron, _("Noem de bron van het normenkader."))
    if not ingangsdatum:
        fouten["ingangsdatum"] = [_("Vul de ingangsdatum in.")]
    if problemen := normen.controleer_inhoud(inhoud):
        fouten["inhoud"] = problemen
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        hoogste = Normenkader.objects.select_for_update().aggregate(m=Max("versie"))["m"] or 0
        kader = Normenkader.objects.create(
            naam=naam,
            bron=bron,
            versie=hoogste + 1,
            ingangsdatum=ingangsdatum,
            inhoud=inhoud,
            geladen_door=user,
        )
        if user is not None:
            _log(user, audit.Actie.AANMAKEN, kanaal, "normenkader", kader, None, ["inhoud"])
    return kader


def beoordeel_hh(
    user,
    *,
    persoon_id: int,
    personen: int,
    kamers: int,
    overname: dict,
    toeslagen=(),
    kanaal: str,
) -> Beoordeling:
    """Compute household-help minutes with the framework in force today."""
    _eis_rol(user, WERK)
    persoon = _persoon(user, persoon_id)
    kader = selectors.geldend_normenkader()
    fouten: dict[str, list[str]] = {}
    if kader is None:
        raise ValidationError({"__all__": [_("Er is nog geen normenkader geladen.")]})
    if not isinstance(personen, int) or not 1 <= personen <= 12:
        fouten["personen"] = [_("Vul een huishouden van 1 tot 12 personen in.")]
    if not isinstance(kamers, int) or not 1 <= kamers <= 15:
        fouten["kamers"] = [_("Vul 1 tot 15 kamers in gebruik in.")]
    codes = {a["code"] for a in kader.inhoud["activiteiten"]}
    for code in codes:
        if overname.get(code) not in PROCENTEN:
            fouten[f"overname_{code}"] = [_("Kies welk deel moet worden overgenomen.")]
    onbekend = set(toeslagen) - {t["code"] for t in kader.inhoud.get("toeslagen", [])}
    if onbekend:
        fouten["toeslagen"] = [_("Kies alleen toeslagen uit het normenkader.")]
    if fouten:
        raise ValidationError(fouten)
    minuten, regels = normen.bereken(
        kader.inhoud, personen=personen, kamers=kamers, overname=overname, toeslagen=toeslagen
    )
    with transaction.atomic():
        b = Beoordeling.objects.create(
            persoon=persoon,
            normenkader=kader,
            invoer={
                "personen": personen,
                "kamers": kamers,
                "overname": overname,
                "toeslagen": sorted(toeslagen),
            },
            berekening=regels,
            minuten_per_week=minuten,
            door=user,
        )
        _log(user, audit.Actie.AANMAKEN, kanaal, "hh_beoordeling", b, persoon.pk, ["berekening"])
    return b


def leg_vakantie_vast(
    user, beoordeling_id: int, *, van, tot, minuten_per_week: int, afspraak: str, kanaal: str
) -> Vakantieafspraak:
    _eis_rol(user, WERK)
    fouten: dict[str, list[str]] = {}
    afspraak = _tekst(fouten, "afspraak", afspraak, _("Noteer wat met de inwoner is afgesproken."))
    if not van or not tot or tot < van:
        fouten["tot"] = [_("Vul een periode in waarvan het einde na het begin ligt.")]
    with transaction.atomic():
        b = (
            selectors.beoordelingen_in_scope(user)
            .select_for_update(of=("self",))
            .filter(pk=beoordeling_id)
            .first()
        )
        if b is None:
            raise PermissionDenied(_("Deze beoordeling valt buiten uw toegang."))
        if minuten_per_week is None or not 0 <= minuten_per_week < b.minuten_per_week:
            fouten["minuten_per_week"] = [
                _("In de vakantie is het minder dan de %(m)s minuten per week.")
                % {"m": b.minuten_per_week}
            ]
        if fouten:
            raise ValidationError(fouten)
        v = Vakantieafspraak.objects.create(
            beoordeling=b,
            van=van,
            tot=tot,
            minuten_per_week=minuten_per_week,
            afspraak=afspraak,
            door=user,
        )
        _log(user, audit.Actie.AANMAKEN, kanaal, "hh_vakantie", v, b.persoon_id, ["periode"])
    return v


# --- fast route -------------------------------------------------------------------------


def dien_aanvraag_in(
    user,
    *,
    soort: str,
    toelichting: str,
    chronisch: bool = False,
    persoon_id=None,
    kanaal: str,
) -> Aanvraag:
    """A resident requests for himself (online); a worker on behalf of a resident."""
    _eis_rol(user, WERK | {Rol.INWONER})
    if user.rol == Rol.INWONER:
        persoon_id = user.persoon_id
    persoon = _persoon(user, persoon_id)
    fouten: dict[str, list[str]] = {}
    if soort not in Soort.values:
        fouten["soort"] = [_("Kies de voorziening.")]
    toelichting = _tekst(
        fouten, "toelichting", toelichting, _("Beschrijf kort waarvoor u het nodig heeft.")
    )
    if (
        not fouten
        and selectors.aanvragen_in_scope(user)
        .filter(persoon=persoon, soort=soort, besluit="")
        .exists()
    ):
        fouten["soort"] = [_("Er loopt al een aanvraag voor deze voorziening.")]
    if fouten:
        raise ValidationError(fouten)
    vandaag = timezone.localdate()
    termijn = normen.route_instellingen()[soort]["beslistermijn"]
    with transaction.atomic():
        a = Aanvraag.objects.create(
            persoon=persoon,
            soort=soort,
            toelichting=toelichting,
            chronisch=bool(chronisch),
            ingediend_op=vandaag,
            ingediend_door=user,
            beslissen_uiterlijk=vandaag + datetime.timedelta(days=termijn),
        )
        _log(user, audit.Actie.AANMAKEN, kanaal, "snelle_aanvraag", a, persoon.pk, ["soort"])
    return a


def beslis_aanvraag(
    user, pk: int, *, besluit: str, reden: str, beoordeling_id=None, kanaal: str
) -> Aanvraag:
    """The gemeente decides on the fast route; household help needs an assessment."""
    _eis_rol(user, {Rol.WMO_CONSULENT})
    fouten: dict[str, list[str]] = {}
    if besluit not in Aanvraag.Besluit.values:
        fouten["besluit"] = [_("Kies het besluit.")]
    reden = _tekst(fouten, "reden", reden, _("Motiveer het besluit."))
    with transaction.atomic():
        a = selectors.aanvragen_in_scope(user).select_for_update(of=("self",)).filter(pk=pk).first()
        if a is None:
            raise PermissionDenied(_("Deze aanvraag valt buiten uw toegang."))
        if a.besluit:
            fouten["besluit"] = [_("Op deze aanvraag is al besloten.")]
        beoordeling = None
        if a.soort == Soort.HH and besluit == Aanvraag.Besluit.TOEGEKEND:
            beoordeling = Beoordeling.objects.filter(
                pk=beoordeling_id, persoon_id=a.persoon_id
            ).first()
            if beoordeling is None:
                fouten["beoordeling_id"] = [
                    _("Kies de beoordeling huishoudelijke hulp van deze inwoner.")
                ]
        if fouten:
            raise ValidationError(fouten)
        vandaag = timezone.localdate()
        instellingen = normen.route_instellingen()
        a.besluit = besluit
        a.reden = reden
        a.besloten_op = vandaag
        a.besloten_door = user
        a.beoordeling = beoordeling
        if besluit == Aanvraag.Besluit.TOEGEKEND:
            a.leveren_uiterlijk = vandaag + datetime.timedelta(
                days=instellingen[a.soort]["levertijd"]
            )
            if a.soort == Soort.HH:
                lang = (
                    a.chronisch
                    or leeftijd(a.persoon.geboortedatum, vandaag) >= instellingen["leeftijd_lang"]
                )
                maanden = instellingen["geldigheid_lang_maanden" if lang else "geldigheid_maanden"]
                a.geldig_tot = _plus_maanden(vandaag, maanden)
        a.save()
        _log(
            user,
            audit.Actie.WIJZIGEN,
            kanaal,
            "snelle_aanvraag",
            a,
            a.persoon_id,
            ["besluit"],
            {"besluit": besluit},
        )
    return a


# --- regional and national facilities -----------------------------------------------------


def dien_advies_in(
    user, *, persoon_id: int, voorziening: str, advies: str, expertteam: str = "", kanaal: str
) -> RegionaalAdvies:
    """Basisondersteuning writes the weighty advice and keeps coordination."""
    _eis_rol(user, {Rol.SOCIAAL_WERKER})
    persoon = _persoon(user, persoon_id)
    fouten: dict[str, list[str]] = {}
    if voorziening not in RegionaalAdvies.Voorziening.values:
        fouten["voorziening"] = [_("Kies de voorziening.")]
    advies = _tekst(fouten, "advies", advies, _("Schrijf het zwaarwegend advies."))
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        r = RegionaalAdvies.objects.create(
            persoon=persoon,
            voorziening=voorziening,
            advies=advies,
            expertteam=(expertteam or "").strip(),
            regievoerder=user,
            ingediend_op=timezone.localdate(),
        )
        _log(user, audit.Actie.AANMAKEN, kanaal, "regionaal_advies", r, persoon.pk, ["advies"])
    return r


def beslis_advies(user, pk: int, *, besluit: str, toetsing: str, kanaal: str) -> RegionaalAdvies:
    _eis_rol(user, {Rol.WMO_CONSULENT})
    fouten: dict[str, list[str]] = {}
    if besluit not in RegionaalAdvies.Besluit.values:
        fouten["besluit"] = [_("Kies het besluit.")]
    toetsing = _tekst(fouten, "toetsing", toetsing, _("Beschrijf de toetsing van het advies."))
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        r = selectors.adviezen_in_scope(user).select_for_update(of=("self",)).filter(pk=pk).first()
        if r is None:
            raise PermissionDenied(_("Dit advies valt buiten uw toegang."))
        if r.besluit:
            raise ValidationError({"besluit": [_("Op dit advies is al besloten.")]})
        r.besluit, r.toetsing = besluit, toetsing
        r.besloten_op, r.besloten_door = timezone.localdate(), user
        r.save()
        _log(
            user,
            audit.Actie.WIJZIGEN,
            kanaal,
            "regionaal_advies",
            r,
            r.persoon_id,
            ["besluit"],
            {"besluit": besluit},
        )
    return r
