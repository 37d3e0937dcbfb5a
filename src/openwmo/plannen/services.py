"""Writing plans: one function per use case, validated before anything is stored.

Every change appends a ``PlanVersie`` (snapshot) and an audit record in one transaction.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor
from openwmo.gebeurtenissen import Gebeurtenis, publiceer
from openwmo.inwoners.selectors import personen_in_scope
from openwmo.privacy import services as audit

from . import selectors
from .models import (
    IWMO_CATEGORIE,
    Evaluatie,
    Intensiteitswijziging,
    Leveringsvorm,
    Plan,
    PlanStatus,
    PlanVersie,
    Productcategorie,
    Reactie,
    Regel,
    RegievoerderSoort,
    Soort,
    Voortgang,
)

WERK_ROLLEN = frozenset({Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT})
MAX_UREN = Decimal("60")


def _eis_rol(user, rollen):
    if user is None or user.rol not in rollen:
        raise PermissionDenied(_("Uw rol mag dit niet."))


def _log(user, actie, kanaal, object_type, object_id, persoon_id, velden, nieuw=None, oud=None):
    audit.log(
        user,
        actie=actie,
        kanaal=kanaal,
        doel=doel_voor(user) if user is not None else "Uitvoering Wmo 2015",
        object_type=object_type,
        object_id=object_id,
        persoon_id=persoon_id,
        velden=velden,
        nieuwe_waarden=nieuw,
        oude_waarden=oud,
    )


def _momentopname(plan: Plan) -> dict:
    return {
        "status": plan.status,
        "regievoerder": {
            "soort": plan.regievoerder_soort,
            "naam": plan.regievoerder_naam,
            "jeugd_procesregisseur": plan.jeugd_procesregisseur,
        },
        "toelichting": plan.toelichting,
        "regels": [
            {
                "id": r.pk,
                "soort": r.soort,
                "resultaat": r.resultaat,
                "uitvoerder": r.uitvoerder,
                "omschrijving": r.omschrijving,
                "organisatie": str(r.organisatie) if r.organisatie_id else "",
                "uren_per_week": str(r.uren_per_week) if r.uren_per_week is not None else "",
                "flexibel": r.flexibel,
                "productcategorie": r.productcategorie,
                "leveringsvorm": r.leveringsvorm,
                "ingangsdatum": r.ingangsdatum.isoformat() if r.ingangsdatum else "",
                "einddatum": r.einddatum.isoformat() if r.einddatum else "",
                "volume": r.volume,
                "eenheid": r.eenheid,
                "status": r.status,
            }
            for r in plan.regels.select_related("organisatie").order_by("pk")
        ],
    }


def _nieuwe_versie(user, plan: Plan, reden: str) -> PlanVersie:
    plan.versie += 1
    plan.save(update_fields=["versie"])
    return PlanVersie.objects.create(
        plan=plan,
        nummer=plan.versie,
        reden=reden[:300],
        momentopname=_momentopname(plan),
        door=user,
    )


def _plan_voor_wijziging(user, plan_id: int) -> Plan:
    _eis_rol(user, WERK_ROLLEN)
    plan = (
        selectors.plannen_in_scope(user).select_for_update(of=("self",)).filter(pk=plan_id).first()
    )
    if plan is None:
        raise PermissionDenied(_("Dit plan valt niet binnen uw werkgebied."))
    if plan.status == PlanStatus.BEEINDIGD:
        raise ValidationError({"plan": [_("Dit plan is beëindigd en kan niet meer wijzigen.")]})
    return plan


def _controleer_regievoerder(soort, naam, fouten):
    if naam and not soort:
        fouten.setdefault("regievoerder_soort", []).append(_("Kies wie de regie voert."))
    if soort and soort not in RegievoerderSoort.values:
        fouten.setdefault("regievoerder_soort", []).append(_("Kies een geldige regievoerder."))
    if soort and not naam:
        fouten.setdefault("regievoerder_naam", []).append(_("Vul de naam van de regievoerder in."))


def maak_plan(
    user,
    *,
    bsn: str,
    regievoerder_soort: str = "",
    regievoerder_naam: str = "",
    jeugd_procesregisseur: str = "",
    toelichting: str = "",
    kanaal: str,
) -> Plan:
    """A concept plan for the resident's household. Refused when the household already
    has an active plan (one household, one plan)."""
    _eis_rol(user, WERK_ROLLEN)
    regievoerder_naam = (regievoerder_naam or "").strip()
    with transaction.atomic():
        persoon = personen_in_scope(user).filter(bsn=(bsn or "").strip()).first()
        if persoon is None:
            raise ValidationError({"bsn": [_("Deze inwoner is niet gevonden in uw werkgebied.")]})
        fouten: dict[str, list[str]] = {}
        _controleer_regievoerder(regievoerder_soort, regievoerder_naam, fouten)
        if Plan.objects.filter(
            huishouden_id=persoon.huishouden_id, status=PlanStatus.ACTIEF
        ).exists():
            fouten.setdefault("bsn", []).append(
                _("Dit huishouden heeft al een actief ondersteuningsplan. Wijzig dat plan.")
            )
        if fouten:
            raise ValidationError(fouten)
        plan = Plan.objects.create(
            huishouden_id=persoon.huishouden_id,
            persoon=persoon,
            regievoerder_soort=regievoerder_soort,
            regievoerder_naam=regievoerder_naam,
            regievoerder_gebruiker=user
            if regievoerder_soort == RegievoerderSoort.PROFESSIONAL
            and regievoerder_naam == (user.get_full_name() or user.username)
            else None,
            jeugd_procesregisseur=(jeugd_procesregisseur or "").strip(),
            toelichting=(toelichting or "").strip(),
            aangemaakt_door=user,
        )
        _nieuwe_versie(user, plan, _("Plan aangemaakt"))
        _log(user, audit.Actie.AANMAKEN, kanaal, "ondersteuningsplan", plan.pk, persoon.pk, [])
    return plan


def wijzig_regievoerder(
    user,
    plan_id: int,
    *,
    regievoerder_soort: str,
    regievoerder_naam: str,
    jeugd_procesregisseur: str = "",
    kanaal: str,
) -> Plan:
    regievoerder_naam = (regievoerder_naam or "").strip()
    with transaction.atomic():
        plan = _plan_voor_wijziging(user, plan_id)
        fouten: dict[str, list[str]] = {}
        _controleer_regievoerder(regievoerder_soort, regievoerder_naam, fouten)
        if not regievoerder_soort:
            fouten.setdefault("regievoerder_soort", []).append(_("Kies wie de regie voert."))
        if fouten:
            raise ValidationError(fouten)
        oud = {"soort": plan.regievoerder_soort, "naam": plan.regievoerder_naam}
        plan.regievoerder_soort = regievoerder_soort
        plan.regievoerder_naam = regievoerder_naam
        plan.jeugd_procesregisseur = (jeugd_procesregisseur or "").strip()
        plan.regievoerder_gebruiker = (
            user
            if regievoerder_soort == RegievoerderSoort.PROFESSIONAL
            and regievoerder_naam == (user.get_full_name() or user.username)
            else None
        )
        plan.save()
        _nieuwe_versie(user, plan, _("Regievoerder: %(naam)s") % {"naam": regievoerder_naam})
        _log(
            user,
            audit.Actie.WIJZIGEN,
            kanaal,
            "ondersteuningsplan",
            plan.pk,
            plan.persoon_id,
            ["regievoerder"],
            nieuw={"soort": regievoerder_soort, "naam": regievoerder_naam},
            oud=oud,
        )
    return plan


def activeer(user, plan_id: int, *, kanaal: str) -> Plan:
    """Make the plan the household's active plan: needs a regievoerder and at least one
    line, and no other active plan for the household."""
    with transaction.atomic():
        plan = _plan_voor_wijziging(user, plan_id)
        fouten: dict[str, list[str]] = {}
        if plan.status != PlanStatus.CONCEPT:
            fouten.setdefault("plan", []).append(_("Alleen een conceptplan kan actief worden."))
        if not (plan.regievoerder_soort and plan.regievoerder_naam):
            fouten.setdefault("regievoerder_naam", []).append(
                _(
                    "Een plan zonder regievoerder kan niet actief worden. Leg eerst vast wie de "
                    "regie voert."
                )
            )
        if not plan.regels.exists():
            fouten.setdefault("plan", []).append(
                _("Voeg eerst minstens één regel aan het arrangement toe.")
            )
        if (
            Plan.objects.filter(huishouden_id=plan.huishouden_id, status=PlanStatus.ACTIEF)
            .exclude(pk=plan.pk)
            .exists()
        ):
            fouten.setdefault("plan", []).append(
                _(
                    "Dit huishouden heeft al een actief ondersteuningsplan: één huishouden, "
                    "één plan."
                )
            )
        if fouten:
            raise ValidationError(fouten)
        plan.status = PlanStatus.ACTIEF
        plan.geactiveerd_op = timezone.localdate()
        plan.save(update_fields=["status", "geactiveerd_op"])
        _nieuwe_versie(user, plan, _("Plan actief gemaakt"))
        _log(
            user,
            audit.Actie.WIJZIGEN,
            kanaal,
            "ondersteuningsplan",
            plan.pk,
            plan.persoon_id,
            ["status"],
            nieuw={"status": "actief"},
        )
    return plan


def beeindig(user, plan_id: int, *, reden: str, kanaal: str) -> Plan:
    """End the plan (support finished, moved, or replaced); its lines end with it. The
    versions stay; afterwards the household can get a new active plan."""
    reden = (reden or "").strip()
    if len(reden) < 5:
        raise ValidationError({"reden": [_("Geef de reden van beëindigen (minstens 5 tekens).")]})
    with transaction.atomic():
        plan = _plan_voor_wijziging(user, plan_id)
        vandaag = timezone.localdate()
        for regel in plan.regels.exclude(status__in=[Regel.Status.BEEINDIGD]):
            if regel.status in (Regel.Status.LOOPT, Regel.Status.TOEGEKEND):
                regel.einddatum = min(regel.einddatum or vandaag, vandaag)
            regel.status = Regel.Status.BEEINDIGD
            regel.save(update_fields=["status", "einddatum"])
        plan.status = PlanStatus.BEEINDIGD
        plan.save(update_fields=["status"])
        _nieuwe_versie(user, plan, _("Plan beëindigd: %(r)s") % {"r": reden})
        _log(
            user,
            audit.Actie.WIJZIGEN,
            kanaal,
            "ondersteuningsplan",
            plan.pk,
            plan.persoon_id,
            ["status"],
            nieuw={"status": "beeindigd", "reden": reden[:200]},
        )
    return plan


def _uren(waarde, veld, fouten, *, verplicht=False):
    if waarde in (None, ""):
        if verplicht:
            fouten.setdefault(veld, []).append(_("Vul het aantal uren per week in."))
        return None
    try:
        uren = Decimal(str(waarde)).quantize(Decimal("0.1"))
    except (InvalidOperation, ValueError):
        fouten.setdefault(veld, []).append(_("Vul een getal in, bijvoorbeeld 2 of 1,5."))
        return None
    if uren <= 0 or uren > MAX_UREN:
        fouten.setdefault(veld, []).append(_("Vul een aantal uren tussen 0,1 en 60 in."))
        return None
    return uren


def voeg_regel_toe(user, plan_id: int, *, kanaal: str, **data) -> Regel:
    """Add one line to the arrangement; what is required depends on the kind."""
    soort = data.get("soort", "")
    tekst = {k: (data.get(k) or "").strip() for k in ("resultaat", "uitvoerder", "omschrijving")}
    fouten: dict[str, list[str]] = {}
    if soort not in Soort.values:
        fouten["soort"] = [_("Kies een soort ondersteuning.")]
    if not tekst["resultaat"]:
        fouten["resultaat"] = [_("Beschrijf het resultaat dat bereikt moet worden.")]
    if not tekst["uitvoerder"]:
        fouten["uitvoerder"] = [_("Vul in wie dit levert.")]
    uren = _uren(
        data.get("uren_per_week"),
        "uren_per_week",
        fouten,
        verplicht=soort in (Soort.NETWERK, Soort.BASIS),
    )
    organisatie = data.get("organisatie")
    categorie = data.get("productcategorie") or ""
    vorm = data.get("leveringsvorm") or ""
    ingang, einde = data.get("ingangsdatum"), data.get("einddatum")
    volume = data.get("volume")
    if soort == Soort.SOCIALE_BASIS and not tekst["omschrijving"]:
        fouten["omschrijving"] = [_("Beschrijf de activiteit of de vrijwilligersinzet.")]
    if soort == Soort.AANVULLEND:
        if categorie not in Productcategorie.values:
            fouten["productcategorie"] = [_("Kies een productcategorie.")]
        if vorm not in Leveringsvorm.values:
            fouten["leveringsvorm"] = [_("Kies zorg in natura of pgb.")]
        if vorm == Leveringsvorm.ZIN and organisatie is None:
            fouten["organisatie"] = [_("Kies de aanbieder die de zorg in natura levert.")]
        if not ingang:
            fouten["ingangsdatum"] = [_("Vul de ingangsdatum in.")]
    else:
        categorie, vorm, volume = "", "", None
    if ingang and einde and einde < ingang:
        fouten["einddatum"] = [_("De einddatum ligt voor de ingangsdatum.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        plan = _plan_voor_wijziging(user, plan_id)
        regel = Regel.objects.create(
            plan=plan,
            soort=soort,
            **tekst,
            organisatie=organisatie,
            uren_per_week=uren,
            flexibel=bool(data.get("flexibel")) and soort == Soort.BASIS,
            productcategorie=categorie,
            leveringsvorm=vorm,
            ingangsdatum=ingang,
            einddatum=einde,
            volume=volume,
            eenheid=(data.get("eenheid") or "").strip() if volume else "",
            status=Regel.Status.VOORGESTELD if soort == Soort.AANVULLEND else Regel.Status.LOOPT,
        )
        if soort == Soort.BASIS:
            Intensiteitswijziging.objects.create(
                regel=regel,
                van=None,
                naar=uren,
                ingangsdatum=ingang or timezone.localdate(),
                toelichting=_("Start van de basisondersteuning"),
                door=user,
            )
        _nieuwe_versie(
            user,
            plan,
            _("Regel toegevoegd: %(soort)s") % {"soort": regel.get_soort_display()},
        )
        _log(user, audit.Actie.AANMAKEN, kanaal, "planregel", regel.pk, plan.persoon_id, [])
    return regel


def wijzig_intensiteit(
    user, regel_id: int, *, uren_per_week, toelichting: str, ingangsdatum=None, kanaal: str
) -> Intensiteitswijziging:
    """Scale a basis line up or down with a note. No decision is needed (basisondersteuning)."""
    fouten: dict[str, list[str]] = {}
    uren = _uren(uren_per_week, "uren_per_week", fouten, verplicht=True)
    toelichting = (toelichting or "").strip()
    if not toelichting:
        fouten["toelichting"] = [_("Licht toe waarom de inzet verandert.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        regel = selectors.regels_in_scope(user).filter(pk=regel_id).first()
        if regel is None:
            raise PermissionDenied(_("Deze regel valt niet binnen uw werkgebied."))
        plan = _plan_voor_wijziging(user, regel.plan_id)
        regel = Regel.objects.select_for_update(of=("self",)).get(pk=regel_id)
        if regel.soort != Soort.BASIS:
            raise ValidationError(
                {
                    "uren_per_week": [
                        _("Alleen bij basisondersteuning schaalt u op of af zonder nieuw besluit.")
                    ]
                }
            )
        if uren == regel.uren_per_week:
            raise ValidationError(
                {"uren_per_week": [_("De inzet is al %(u)s uur per week.") % {"u": uren}]}
            )
        wijziging = Intensiteitswijziging.objects.create(
            regel=regel,
            van=regel.uren_per_week,
            naar=uren,
            ingangsdatum=ingangsdatum or timezone.localdate(),
            toelichting=toelichting[:500],
            door=user,
        )
        oud = str(regel.uren_per_week)
        regel.uren_per_week = uren
        regel.save(update_fields=["uren_per_week"])
        _nieuwe_versie(
            user,
            plan,
            _("Intensiteit %(van)s → %(naar)s uur per week") % {"van": oud, "naar": uren},
        )
        _log(
            user,
            audit.Actie.WIJZIGEN,
            kanaal,
            "planregel",
            regel.pk,
            plan.persoon_id,
            ["uren_per_week"],
            nieuw={"uren_per_week": str(uren)},
            oud={"uren_per_week": oud},
        )
    return wijziging


def plan_evaluatie(user, regel_id: int, *, gepland_op, kanaal: str) -> Evaluatie:
    if not isinstance(gepland_op, datetime.date):
        raise ValidationError({"gepland_op": [_("Vul een geldige datum in.")]})
    if gepland_op < timezone.localdate():
        raise ValidationError({"gepland_op": [_("Een evaluatie plant u vandaag of later.")]})
    with transaction.atomic():
        regel = selectors.regels_in_scope(user).filter(pk=regel_id).first()
        if regel is None:
            raise PermissionDenied(_("Deze regel valt niet binnen uw werkgebied."))
        plan = _plan_voor_wijziging(user, regel.plan_id)
        evaluatie = Evaluatie.objects.create(regel=regel, gepland_op=gepland_op)
        _nieuwe_versie(
            user, plan, _("Evaluatie gepland op %(d)s") % {"d": gepland_op.strftime("%d-%m-%Y")}
        )
        _log(user, audit.Actie.AANMAKEN, kanaal, "evaluatie", evaluatie.pk, plan.persoon_id, [])
    return evaluatie


def leg_evaluatie_vast(
    user,
    evaluatie_id: int,
    *,
    voortgang: str,
    visie_inwoner: str,
    wat_verandert: str = "",
    kanaal: str,
) -> Evaluatie:
    fouten: dict[str, list[str]] = {}
    if voortgang not in Voortgang.values:
        fouten["voortgang"] = [_("Kies of het resultaat bereikt is.")]
    if not (visie_inwoner or "").strip():
        fouten["visie_inwoner"] = [_("Leg vast hoe de inwoner er zelf tegen aankijkt.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        evaluatie = (
            Evaluatie.objects.select_for_update(of=("self",))
            .filter(pk=evaluatie_id, regel__plan__in=selectors.plannen_in_scope(user))
            .first()
        )
        if evaluatie is None:
            raise PermissionDenied(_("Deze evaluatie valt niet binnen uw werkgebied."))
        plan = _plan_voor_wijziging(user, evaluatie.regel.plan_id)
        if evaluatie.uitgevoerd_op:
            raise ValidationError(
                {"voortgang": [_("Deze evaluatie is al vastgelegd. Plan een nieuwe evaluatie.")]}
            )
        evaluatie.voortgang = voortgang
        evaluatie.visie_inwoner = visie_inwoner.strip()
        evaluatie.wat_verandert = (wat_verandert or "").strip()
        evaluatie.uitgevoerd_op = timezone.localdate()
        evaluatie.door = user
        evaluatie.save()
        _nieuwe_versie(
            user,
            plan,
            _("Evaluatie: %(v)s") % {"v": evaluatie.get_voortgang_display()},
        )
        _log(
            user,
            audit.Actie.WIJZIGEN,
            kanaal,
            "evaluatie",
            evaluatie.pk,
            plan.persoon_id,
            ["voortgang", "visie_inwoner", "wat_verandert"],
            nieuw={"voortgang": voortgang},
        )
        publiceer(
            Gebeurtenis.EVALUATIE_VASTGELEGD,
            evaluatie_id=evaluatie.pk,
            persoon_id=plan.persoon_id,
            aanbieder_id=evaluatie.regel.organisatie_id,
            voortgang=voortgang,
        )
    return evaluatie


def reageer(user, plan_id: int, *, tekst: str, kanaal: str) -> Reactie:
    """The resident comments on their own plan."""
    _eis_rol(user, {Rol.INWONER})
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError({"tekst": [_("Schrijf uw reactie.")]})
    if len(tekst) > 4000:
        raise ValidationError({"tekst": [_("Uw reactie mag niet langer zijn dan 4000 tekens.")]})
    with transaction.atomic():
        plan = selectors.plannen_in_scope(user).filter(pk=plan_id).first()
        if plan is None:
            raise PermissionDenied
        reactie = Reactie.objects.create(plan=plan, tekst=tekst, door=user)
        _log(user, audit.Actie.AANMAKEN, kanaal, "reactie_op_plan", reactie.pk, plan.persoon_id, [])
    return reactie


# --- called by the besluiten app when aanvullende ondersteuning is approved ---------


def zet_besluit(user, regel_id: int, *, toegekend: bool, bron: str) -> Regel:
    """Record that an aanvullend line is granted (referral or beschikking) or refused, and
    for a grant send it on: a toewijzing (ZIN, when a contract exists) or a PGB record.
    Problems in iWmo are noted on the line, they never undo the decision."""
    from openwmo.berichten import services as berichten

    with transaction.atomic():
        regel = (
            Regel.objects.select_for_update(of=("self",))
            .select_related("plan__persoon", "organisatie")
            .get(pk=regel_id)
        )
        if regel.soort != Soort.AANVULLEND:
            raise ValidationError(
                {"regel": [_("Alleen aanvullende ondersteuning vraagt een verwijzing of besluit.")]}
            )
        if not toegekend:
            regel.status = Regel.Status.GEWEIGERD
            regel.save(update_fields=["status"])
            _nieuwe_versie(user, regel.plan, _("Aanvullende ondersteuning geweigerd"))
            return regel
        regel.status = Regel.Status.TOEGEKEND
        if not regel.iwmo_doorgegeven:
            regel.iwmo_doorgegeven, regel.iwmo = _naar_iwmo(berichten, regel, bron)
        regel.save(update_fields=["status", "iwmo", "iwmo_doorgegeven"])
        _nieuwe_versie(
            user, regel.plan, _("Aanvullende ondersteuning toegekend (%(b)s)") % {"b": bron}
        )
    return regel


def _naar_iwmo(berichten, regel: Regel, bron: str) -> tuple[bool, str]:
    categorie = IWMO_CATEGORIE.get(regel.productcategorie, "")
    persoon = regel.plan.persoon
    try:
        with transaction.atomic():
            if regel.leveringsvorm == Leveringsvorm.PGB:
                pgb = berichten.registreer_pgb(
                    None,
                    persoon=persoon,
                    product_categorie=categorie,
                    ingangsdatum=regel.ingangsdatum,
                    einddatum=regel.einddatum,
                    bron=bron,
                )
                return True, _("Pgb geregistreerd (%(nr)s)") % {"nr": pgb.pk}
            if regel.organisatie is None or not berichten.contract_voor(
                regel.organisatie, categorie, "", regel.ingangsdatum
            ):
                return False, _(
                    "Geen contract met deze aanbieder voor deze categorie: geen toewijzing "
                    "verstuurd."
                )
            t = berichten.maak_toewijzing(
                None,
                persoon=persoon,
                aanbieder=regel.organisatie,
                product_categorie=categorie,
                ingangsdatum=regel.ingangsdatum,
                einddatum=regel.einddatum,
                bron=bron,
            )
            return True, _("Toewijzing %(nr)s verstuurd") % {"nr": t.nummer}
    except (ValidationError, PermissionDenied, DatabaseError) as exc:
        meldingen = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
        return False, (_("Niet doorgegeven aan iWmo: %(m)s") % {"m": " ".join(meldingen)})[:500]
