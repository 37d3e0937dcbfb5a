"""Writing youth and child-safety records: one function per use case, validated first."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo import schrijven
from openwmo.accounts.models import Rol
from openwmo.plannen import selectors as plannen_selectors
from openwmo.plannen import services as plannen
from openwmo.plannen.models import Soort as Regelsoort
from openwmo.privacy import services as audit

from . import selectors
from .models import JetOverleg, Opvoedsteun, Risico, Risicotaxatie, Veiligheidsstap

PLAN_ROLLEN = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT})
MELDCODE = [
    Veiligheidsstap.Soort.SIGNALEN,
    Veiligheidsstap.Soort.CONSULTATIE,
    Veiligheidsstap.Soort.GESPREK,
    Veiligheidsstap.Soort.WEGEN,
    Veiligheidsstap.Soort.BESLISSEN,
]


_eis_rol = schrijven.eis_rol


_log = schrijven.log


_tekst = schrijven.tekst


def _datum(fouten, veld, waarde):
    if not waarde:
        fouten.setdefault(veld, []).append(_("Vul de datum in."))
    elif waarde > timezone.localdate():
        fouten.setdefault(veld, []).append(_("De datum ligt in de toekomst."))


def _plan(user, plan_id):
    plan = plannen_selectors.plannen_in_scope(user).filter(pk=plan_id).first()
    if plan is None:
        raise PermissionDenied(_("Dit plan valt buiten uw toegang."))
    return plan


# --- youth in the household plan ------------------------------------------------------


def start_opvoedsteun(
    user, *, plan_id: int, soort: str, resultaat: str, uren_per_week, startdatum, kanaal: str
) -> Opvoedsteun:
    """Light parenting support in basis: no decision, a basis line in the one plan."""
    _eis_rol(user, PLAN_ROLLEN)
    fouten: dict[str, list[str]] = {}
    if soort not in Opvoedsteun.Soort.values:
        fouten["soort"] = [_("Kies de soort ondersteuning.")]
    resultaat = _tekst(fouten, "resultaat", resultaat, _("Beschrijf het resultaat voor het gezin."))
    if not startdatum:
        fouten["startdatum"] = [_("Vul de startdatum in.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        plan = _plan(user, plan_id)
        regel = plannen.voeg_regel_toe(
            user,
            plan.pk,
            kanaal=kanaal,
            soort=Regelsoort.BASIS,
            resultaat=resultaat,
            uitvoerder=user.get_full_name() or user.username,
            omschrijving=_("Lichte opvoedondersteuning: %(s)s")
            % {"s": Opvoedsteun.Soort(soort).label},
            uren_per_week=uren_per_week,
            ingangsdatum=startdatum,
        )
        steun = Opvoedsteun.objects.create(
            huishouden_id=plan.huishouden_id,
            plan=plan,
            regel=regel,
            soort=soort,
            startdatum=startdatum,
            door=user,
        )
        _log(user, audit.Actie.AANMAKEN, kanaal, "opvoedsteun", steun, plan.persoon_id, ["soort"])
    return steun


def zet_jet_procesregie(user, *, plan_id: int, jet_medewerker: str, kanaal: str):
    """The JET becomes process coordinator for the youth part; the household's
    regievoerder stays as is (one household, one plan, one regievoerder)."""
    _eis_rol(user, PLAN_ROLLEN)
    fouten: dict[str, list[str]] = {}
    jet_medewerker = _tekst(
        fouten, "jet_medewerker", jet_medewerker, _("Vul de naam van de JET-medewerker in.")
    )
    if fouten:
        raise ValidationError(fouten)
    plan = _plan(user, plan_id)
    if not plan.regievoerder_soort:
        raise ValidationError(
            {"jet_medewerker": [_("Leg eerst de regievoerder van het huishouden vast.")]}
        )
    return plannen.wijzig_regievoerder(
        user,
        plan.pk,
        regievoerder_soort=plan.regievoerder_soort,
        regievoerder_naam=plan.regievoerder_naam,
        jeugd_procesregisseur=_("JET: %(naam)s") % {"naam": jet_medewerker},
        kanaal=kanaal,
    )


def leg_jet_overleg_vast(
    user, *, plan_id: int, datum, jet_medewerker: str, advies: str, kanaal: str
) -> JetOverleg:
    _eis_rol(user, PLAN_ROLLEN)
    fouten: dict[str, list[str]] = {}
    _datum(fouten, "datum", datum)
    jet_medewerker = _tekst(fouten, "jet_medewerker", jet_medewerker, _("Met wie van het JET?"))
    advies = _tekst(fouten, "advies", advies, _("Noteer het advies en de afspraken."))
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        plan = _plan(user, plan_id)
        overleg = JetOverleg.objects.create(
            plan=plan, datum=datum, jet_medewerker=jet_medewerker, advies=advies, door=user
        )
        _log(
            user, audit.Actie.AANMAKEN, kanaal, "jet_overleg", overleg, plan.persoon_id, ["advies"]
        )
    return overleg


# --- zicht op veiligheid -----------------------------------------------------------------


def _huishouden(user, huishouden_id):
    huishouden = selectors.huishoudens_voor_veiligheid(user).filter(pk=huishouden_id).first()
    if huishouden is None:
        raise PermissionDenied(_("Dit huishouden valt buiten uw toegang."))
    return huishouden


def _persoon_id(huishouden) -> int | None:
    return selectors.hoofdpersoon_id(huishouden.pk)


def leg_risicotaxatie_vast(
    user,
    *,
    huishouden_id: int,
    datum: datetime.date,
    risico: str,
    kindsignalen: bool,
    volwassenenproblematiek: str,
    onderbouwing: str,
    kanaal: str,
) -> Risicotaxatie:
    """Risk assessment for a household with children, also when the adults are the
    clients: the adults' problems are always weighed."""
    _eis_rol(user, selectors.VEILIGHEID_ROLLEN)
    huishouden = _huishouden(user, huishouden_id)
    fouten: dict[str, list[str]] = {}
    if not selectors.heeft_kinderen(huishouden.pk):
        fouten["__all__"] = [_("In dit huishouden wonen geen minderjarige kinderen.")]
    _datum(fouten, "datum", datum)
    if risico not in Risico.values:
        fouten["risico"] = [_("Kies de uitkomst van de taxatie.")]
    volwassenenproblematiek = _tekst(
        fouten,
        "volwassenenproblematiek",
        volwassenenproblematiek,
        _("Beoordeel ook of problemen van de volwassenen een risico zijn voor de kinderen."),
    )
    onderbouwing = _tekst(fouten, "onderbouwing", onderbouwing, _("Onderbouw de taxatie."))
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        taxatie = Risicotaxatie.objects.create(
            huishouden=huishouden,
            datum=datum,
            risico=risico,
            kindsignalen=bool(kindsignalen),
            volwassenenproblematiek=volwassenenproblematiek,
            onderbouwing=onderbouwing,
            door=user,
        )
        _log(
            user,
            audit.Actie.AANMAKEN,
            kanaal,
            "risicotaxatie",
            taxatie,
            _persoon_id(huishouden),
            ["risico"],
            {"risico": risico},
        )
    return taxatie


def leg_stap_vast(
    user, *, huishouden_id: int, soort: str, datum, notitie: str, besluit: str = "", kanaal: str
) -> Veiligheidsstap:
    """A meldcode step (in order; step 5 with its decision) or a recorded action.
    A report to Veilig Thuis follows a decision to report, or an acute assessment."""
    _eis_rol(user, selectors.VEILIGHEID_ROLLEN)
    fouten: dict[str, list[str]] = {}
    if soort not in Veiligheidsstap.Soort.values:
        fouten["soort"] = [_("Kies de stap.")]
    _datum(fouten, "datum", datum)
    notitie = _tekst(fouten, "notitie", notitie, _("Noteer wat er is gedaan en besloten."))
    if soort == Veiligheidsstap.Soort.BESLISSEN and besluit not in Veiligheidsstap.Besluit.values:
        fouten["besluit"] = [_("Leg het besluit van stap 5 vast.")]
    if soort != Veiligheidsstap.Soort.BESLISSEN:
        besluit = ""
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        huishouden = _huishouden(user, huishouden_id)
        # Lock the household's safety file so two steps are checked one after the other.
        taxaties = Risicotaxatie.objects.select_for_update().filter(huishouden=huishouden)
        laatste = taxaties.order_by("-datum", "-pk").first()
        gedaan = set(
            Veiligheidsstap.objects.filter(huishouden=huishouden).values_list("soort", flat=True)
        )
        if laatste is None:
            raise ValidationError({"soort": [_("Leg eerst een risicotaxatie vast.")]})
        if soort in MELDCODE:
            vorige = MELDCODE[MELDCODE.index(soort) - 1] if soort != MELDCODE[0] else None
            if vorige and vorige not in gedaan:
                raise ValidationError(
                    {
                        "soort": [
                            _("Zet eerst de vorige stap van de meldcode: %(s)s.")
                            % {"s": Veiligheidsstap.Soort(vorige).label}
                        ]
                    }
                )
        if soort == Veiligheidsstap.Soort.VEILIG_THUIS:
            melden = Veiligheidsstap.objects.filter(
                huishouden=huishouden,
                soort=Veiligheidsstap.Soort.BESLISSEN,
                besluit=Veiligheidsstap.Besluit.MELDEN,
            ).exists()
            if not melden and laatste.risico != Risico.ACUUT:
                raise ValidationError(
                    {
                        "soort": [
                            _(
                                "Een melding bij Veilig Thuis volgt op het besluit in stap 5 "
                                "om te melden, of op een acuut onveilige taxatie."
                            )
                        ]
                    }
                )
        stap = Veiligheidsstap.objects.create(
            huishouden=huishouden,
            soort=soort,
            datum=datum,
            besluit=besluit,
            notitie=notitie,
            door=user,
        )
        _log(
            user,
            audit.Actie.AANMAKEN,
            kanaal,
            "veiligheidsstap",
            stap,
            _persoon_id(huishouden),
            ["soort"],
            {"soort": soort, "besluit": besluit},
        )
    return stap
