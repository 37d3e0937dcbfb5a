"""Writing the sociale kaart, volunteer profiles, matches, hours and buurtkamer rosters.

Other apps call ``stel_match_voor`` (e.g. a plan line of kind sociale basis).
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor
from openwmo.gebieden.models import Buurtkamer, Wijk
from openwmo.gebieden.selectors import normaliseer_postcode
from openwmo.inwoners.selectors import personen_in_scope
from openwmo.privacy import services as audit
from openwmo.toegang.models import Domein

from . import selectors
from .models import (
    Aanmelding,
    Activiteit,
    ActiviteitBeoordeling,
    ActiviteitDomein,
    Belastingcheck,
    Beoordeling,
    Beschikbaarheid,
    Bezetting,
    Bezoek,
    Dagdeel,
    Dienst,
    EindReden,
    Inzet,
    Mantelzorger,
    Match,
    MatchGebeurtenis,
    MatchStatus,
    Tijdslot,
    VrijwilligerDomein,
    Vrijwilligersprofiel,
    Waardering,
    Weekdag,
)


def _fout(veld, tekst):
    raise ValidationError({veld: [tekst]})


def _punt(postcode: str, veld="postcode"):
    punt = selectors.coordinaten(postcode)
    if punt is None:
        _fout(veld, _("Deze postcode kennen we niet in de gemeente."))
    return punt


# --- sociale kaart -----------------------------------------------------------------------


@dataclass
class ActiviteitGegevens:
    titel: str
    omschrijving: str
    doelgroep: str
    domeinen: list[str]
    weekdagen: list[int]
    van: datetime.time
    tot: datetime.time
    soort: str = Activiteit.Soort.ACTIVITEIT
    buurtkamer_id: int | None = None
    wijk_id: int | None = None
    locatie: str = ""
    postcode: str = ""
    kosten: Decimal = Decimal("0")
    kosten_toelichting: str = ""
    aanmelding: str = Aanmelding.INLOOP
    contact: str = ""
    respijt: bool = False


def _vul(activiteit: Activiteit, g: ActiviteitGegevens):
    fouten = {}
    if not g.domeinen or any(d not in Domein.values for d in g.domeinen):
        fouten["domeinen"] = [_("Kies minstens één levensdomein.")]
    if not g.weekdagen or any(int(d) not in Weekdag.values for d in g.weekdagen):
        fouten["weekdagen"] = [_("Kies minstens één dag.")]
    if g.van and g.tot and g.tot <= g.van:
        fouten["tot"] = [_("De eindtijd moet na de begintijd liggen.")]
    if g.aanmelding == Aanmelding.AANMELDEN and not g.contact.strip():
        fouten["contact"] = [_("Vermeld hoe inwoners zich aanmelden.")]
    activiteit.titel = g.titel.strip()
    activiteit.omschrijving = g.omschrijving.strip()
    activiteit.doelgroep = g.doelgroep.strip()
    activiteit.soort = g.soort
    activiteit.kosten = g.kosten
    activiteit.kosten_toelichting = g.kosten_toelichting.strip()
    activiteit.aanmelding = g.aanmelding
    activiteit.contact = g.contact.strip()
    activiteit.respijt = g.respijt
    if g.buurtkamer_id:
        kamer = Buurtkamer.objects.filter(pk=g.buurtkamer_id).first()
        if kamer is None:
            fouten["buurtkamer"] = [_("Kies een buurtkamer uit de lijst.")]
        else:
            activiteit.buurtkamer = kamer
            activiteit.wijk_id = kamer.wijk_id
            activiteit.locatie = kamer.naam
            activiteit.postcode = kamer.postcode
    else:
        activiteit.buurtkamer = None
        if not g.wijk_id or not Wijk.objects.filter(pk=g.wijk_id).exists():
            fouten["wijk"] = [_("Kies een buurtkamer, of een wijk met een adres.")]
        else:
            activiteit.wijk_id = g.wijk_id
        if not g.locatie.strip():
            fouten["locatie"] = [_("Vul de locatie in (naam en straat).")]
        activiteit.locatie = g.locatie.strip()
        activiteit.postcode = normaliseer_postcode(g.postcode)
    punt = selectors.coordinaten(activiteit.postcode) if activiteit.postcode else None
    if punt is None and "buurtkamer" not in fouten:
        fouten["postcode"] = [_("Deze postcode kennen we niet in de gemeente.")]
    else:
        activiteit.latitude, activiteit.longitude = punt or (0, 0)
    if fouten:
        raise ValidationError(fouten)
    activiteit.full_clean(exclude=["organisatie", "wijk"])


def _schrijf_details(activiteit: Activiteit, g: ActiviteitGegevens):
    activiteit.domeinen.all().delete()
    activiteit.tijden.all().delete()
    ActiviteitDomein.objects.bulk_create(
        ActiviteitDomein(activiteit=activiteit, domein=d) for d in sorted(set(g.domeinen))
    )
    Tijdslot.objects.bulk_create(
        Tijdslot(activiteit=activiteit, weekdag=int(d), van=g.van, tot=g.tot)
        for d in sorted({int(d) for d in g.weekdagen})
    )


def dien_activiteit_in(user, gegevens: ActiviteitGegevens) -> Activiteit:
    """An organisation adds an activity; the gemeente reviews it before it is shown."""
    if not selectors.mag_aanbieden(user):
        raise PermissionDenied
    activiteit = Activiteit(organisatie_id=selectors.organisatie_id(user))
    _vul(activiteit, gegevens)
    with transaction.atomic():
        activiteit.save()
        _schrijf_details(activiteit, gegevens)
        ActiviteitBeoordeling.objects.create(
            activiteit=activiteit, status=Beoordeling.INGEDIEND, door=user
        )
    return activiteit


def wijzig_activiteit(user, pk: int, gegevens: ActiviteitGegevens) -> Activiteit:
    """A change goes back to the gemeente for review."""
    with transaction.atomic():
        activiteit = Activiteit.objects.select_for_update(of=("self",)).get(pk=pk)
        if not selectors.mag_bewerken(user, activiteit):
            raise PermissionDenied
        _vul(activiteit, gegevens)
        activiteit.status = Beoordeling.INGEDIEND
        activiteit.save()
        _schrijf_details(activiteit, gegevens)
        ActiviteitBeoordeling.objects.create(
            activiteit=activiteit,
            status=Beoordeling.INGEDIEND,
            door=user,
            toelichting=_("Gewijzigd door de aanbieder"),
        )
    return activiteit


def beoordeel_activiteit(user, pk: int, *, oordeel: str, toelichting: str = "") -> Activiteit:
    if user.rol not in selectors.BEOORDELAAR_ROLLEN:
        raise PermissionDenied
    if oordeel not in (Beoordeling.GOEDGEKEURD, Beoordeling.AFGEWEZEN):
        _fout("oordeel", _("Kies goedkeuren of afwijzen."))
    toelichting = (toelichting or "").strip()
    if oordeel == Beoordeling.AFGEWEZEN and not toelichting:
        _fout("toelichting", _("Licht toe waarom het aanbod niet op de sociale kaart komt."))
    with transaction.atomic():
        activiteit = Activiteit.objects.select_for_update(of=("self",)).get(pk=pk)
        activiteit.status = oordeel
        activiteit.save(update_fields=["status", "gewijzigd_op"])
        ActiviteitBeoordeling.objects.create(
            activiteit=activiteit, status=oordeel, door=user, toelichting=toelichting[:500]
        )
    return activiteit


# --- volunteer profiles ------------------------------------------------------------------


@dataclass
class ProfielGegevens:
    wijk_id: int
    postcode: str
    domeinen: list[str]
    beschikbaarheid: list[str]  # "1-ochtend", "3-middag", ...
    vaardigheden: str = ""
    vog_datum: datetime.date | None = None
    max_matches: int = 2
    actief: bool = True
    extra: dict = field(default_factory=dict)


def _beschikbaarheid(waarden) -> list[tuple[int, str]]:
    result = set()
    for waarde in waarden:
        dag, _sep, deel = str(waarde).partition("-")
        if not dag.isdigit() or int(dag) not in Weekdag.values or deel not in Dagdeel.values:
            _fout("beschikbaarheid", _("Kies dagdelen uit de lijst."))
        result.add((int(dag), deel))
    return sorted(result)


def sla_profiel_op(user, gegevens: ProfielGegevens, *, profiel_id: int | None = None):
    """The volunteer keeps their own profile; a coordinator of the volunteer organisation
    may keep it too. Only a coordinator records the VOG date."""
    if user.rol != Rol.VRIJWILLIGER or selectors.organisatie_id(user) is None:
        raise PermissionDenied
    fouten = {}
    if not Wijk.objects.filter(pk=gegevens.wijk_id).exists():
        fouten["wijk"] = [_("Kies een wijk uit de lijst.")]
    postcode = normaliseer_postcode(gegevens.postcode)
    punt = selectors.coordinaten(postcode)
    if punt is None:
        fouten["postcode"] = [_("Deze postcode kennen we niet in de gemeente.")]
    if not gegevens.domeinen or any(d not in Domein.values for d in gegevens.domeinen):
        fouten["domeinen"] = [_("Kies minstens één levensdomein waarbij u kunt helpen.")]
    if gegevens.vog_datum and gegevens.vog_datum > timezone.localdate():
        fouten["vog_datum"] = [_("De datum van de VOG kan niet in de toekomst liggen.")]
    if not 1 <= int(gegevens.max_matches) <= 10:
        fouten["max_matches"] = [_("Kies een aantal van 1 tot en met 10.")]
    if fouten:
        raise ValidationError(fouten)
    dagdelen = _beschikbaarheid(gegevens.beschikbaarheid)
    with transaction.atomic():
        if profiel_id is None:
            profiel = Vrijwilligersprofiel.objects.filter(user=user).first()
            if profiel is None:
                profiel = Vrijwilligersprofiel(
                    user=user, organisatie_id=user.medewerker.organisatie_id
                )
        else:
            profiel = (
                selectors.profielen_in_scope(user)
                .select_for_update(of=("self",))
                .filter(pk=profiel_id)
                .first()
            )
            if profiel is None:
                raise PermissionDenied
        oud = {"vog_datum": str(profiel.vog_datum or "")} if profiel.pk else {}
        if selectors.is_coordinator(user):
            profiel.vog_datum = gegevens.vog_datum
        profiel.wijk_id = gegevens.wijk_id
        profiel.postcode = postcode
        profiel.latitude, profiel.longitude = punt
        profiel.vaardigheden = gegevens.vaardigheden.strip()[:500]
        profiel.max_matches = int(gegevens.max_matches)
        profiel.actief = gegevens.actief
        profiel.save()
        profiel.domeinen.all().delete()
        profiel.beschikbaarheid.all().delete()
        VrijwilligerDomein.objects.bulk_create(
            VrijwilligerDomein(profiel=profiel, domein=d) for d in sorted(set(gegevens.domeinen))
        )
        Beschikbaarheid.objects.bulk_create(
            Beschikbaarheid(profiel=profiel, weekdag=dag, dagdeel=deel) for dag, deel in dagdelen
        )
        audit.log(
            user,
            actie=audit.Actie.WIJZIGEN,
            kanaal=audit.Kanaal.UI,
            doel=_("Registratie vrijwilliger"),
            object_type="vrijwilligersprofiel",
            object_id=profiel.pk,
            velden=["wijk", "postcode", "domeinen", "beschikbaarheid", "vog_datum"],
            oude_waarden=oud,
            nieuwe_waarden={"vog_datum": str(profiel.vog_datum or "")},
        )
    return profiel


# --- matches -----------------------------------------------------------------------------


def stel_match_voor(
    user,
    *,
    persoon_id: int,
    profiel_id: int,
    domein: str,
    hulpvraag: str,
    contactafspraak: str,
    weekdagen=(),
    kanaal: str = audit.Kanaal.UI,
) -> Match:
    """Propose a volunteer for a resident's need. The volunteer must be among the
    matcher's candidates; the explanation of the ranking is stored with the match."""
    hulpvraag = (hulpvraag or "").strip()
    contactafspraak = (contactafspraak or "").strip()
    fouten = {}
    if not hulpvraag:
        fouten["hulpvraag"] = [_("Beschrijf waar de vrijwilliger bij helpt.")]
    elif len(hulpvraag) > 300:
        fouten["hulpvraag"] = [_("Gebruik hooguit 300 tekens.")]
    if not contactafspraak:
        fouten["contactafspraak"] = [_("Vul in hoe de vrijwilliger contact opneemt.")]
    elif len(contactafspraak) > 200:
        fouten["contactafspraak"] = [_("Gebruik hooguit 200 tekens.")]
    if fouten:
        raise ValidationError(fouten)
    uitkomst = selectors.kandidaten(
        user, persoon_id=persoon_id, domein=domein, hulpvraag=hulpvraag, weekdagen=weekdagen
    )
    kandidaat = next((k for k in uitkomst.kandidaten if k.profiel.pk == profiel_id), None)
    if kandidaat is None:
        _fout("profiel", _("Deze vrijwilliger past niet (meer) bij deze vraag."))
    with transaction.atomic():
        match = Match.objects.create(
            profiel=kandidaat.profiel,
            persoon_id=persoon_id,
            domein=domein,
            hulpvraag=hulpvraag,
            contactafspraak=contactafspraak,
            uitleg=kandidaat.redenen,
            score=kandidaat.score,
            voorgesteld_door=user,
        )
        MatchGebeurtenis.objects.create(match=match, status=MatchStatus.VOORGESTELD, door=user)
        audit.log(
            user,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="vrijwilligersmatch",
            object_id=match.pk,
            persoon_id=persoon_id,
            velden=["domein", "hulpvraag", "contactafspraak", "vrijwilliger"],
            nieuwe_waarden={"domein": domein, "vrijwilliger": kandidaat.profiel.pk},
        )
    return match


OVERGANGEN = {
    MatchStatus.VOORGESTELD: {MatchStatus.GESTART, MatchStatus.BEEINDIGD},
    MatchStatus.GESTART: {MatchStatus.BEEINDIGD},
    MatchStatus.BEEINDIGD: set(),
}


def wijzig_match(
    user, match_id: int, *, status: str, reden: str = "", toelichting: str = "", kanaal: str
) -> Match:
    """Start or end a match. Ending needs a reason."""
    if user.rol not in (Rol.SOCIAAL_WERKER, Rol.VRIJWILLIGER):
        raise PermissionDenied
    if status == MatchStatus.BEEINDIGD and reden not in EindReden.values:
        _fout("reden", _("Kies de reden waarom de inzet stopt."))
    with transaction.atomic():
        match = (
            selectors.matches_in_scope(user)
            .select_for_update(of=("self",))
            .filter(pk=match_id)
            .first()
        )
        if match is None:
            raise PermissionDenied
        if status not in OVERGANGEN[MatchStatus(match.status)]:
            _fout("status", _("Deze stap kan niet bij de huidige status van de match."))
        oud = match.status
        match.status = status
        match.eind_reden = reden if status == MatchStatus.BEEINDIGD else ""
        match.save(update_fields=["status", "eind_reden"])
        MatchGebeurtenis.objects.create(
            match=match,
            status=status,
            reden=match.eind_reden,
            toelichting=(toelichting or "").strip()[:500],
            door=user,
        )
        audit.log(
            user,
            actie=audit.Actie.WIJZIGEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="vrijwilligersmatch",
            object_id=match.pk,
            persoon_id=match.persoon_id,
            velden=["status"],
            oude_waarden={"status": oud},
            nieuwe_waarden={"status": status, "reden": match.eind_reden},
        )
    return match


def registreer_inzet(
    user, match_id: int, *, datum: datetime.date, uren: Decimal, omschrijving: str = ""
) -> Inzet:
    """The volunteer records hours on a running match."""
    if user.rol != Rol.VRIJWILLIGER:
        raise PermissionDenied
    fouten = {}
    if datum > timezone.localdate():
        fouten["datum"] = [_("De datum kan niet in de toekomst liggen.")]
    if not Decimal("0.25") <= uren <= Decimal("12"):
        fouten["uren"] = [_("Vul tussen 0,25 en 12 uur in.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        match = (
            selectors.matches_in_scope(user)
            .select_for_update(of=("self",))
            .filter(pk=match_id, profiel__user=user)
            .first()
        )
        if match is None:
            raise PermissionDenied
        if match.status != MatchStatus.GESTART:
            _fout("datum", _("Uren schrijft u alleen op een gestarte match."))
        return Inzet.objects.create(
            match=match, datum=datum, uren=uren, omschrijving=(omschrijving or "").strip()[:200]
        )


# --- buurtkamers -------------------------------------------------------------------------


def _kamer_voor_beheer(user, buurtkamer_id: int) -> Buurtkamer:
    kamer = Buurtkamer.objects.filter(pk=buurtkamer_id).first()
    if kamer is None or not selectors.mag_rooster_beheren(user, kamer):
        raise PermissionDenied
    return kamer


def stel_minimum_in(user, buurtkamer_id: int, minimum: int) -> Bezetting:
    kamer = _kamer_voor_beheer(user, buurtkamer_id)
    if not 1 <= minimum <= 20:
        _fout("minimum", _("Kies een aantal van 1 tot en met 20."))
    with transaction.atomic():
        bezetting, _nieuw = Bezetting.objects.select_for_update().get_or_create(
            buurtkamer=kamer, defaults={"minimum": minimum}
        )
        bezetting.minimum = minimum
        bezetting.save()
    return bezetting


def voeg_dienst_toe(
    user, buurtkamer_id: int, *, weekdag: int, van, tot, soort: str, naam: str
) -> Dienst:
    kamer = _kamer_voor_beheer(user, buurtkamer_id)
    dienst = Dienst(
        buurtkamer=kamer, weekdag=weekdag, van=van, tot=tot, soort=soort, naam=(naam or "").strip()
    )
    if van and tot and tot <= van:
        _fout("tot", _("De eindtijd moet na de begintijd liggen."))
    dienst.full_clean()
    dienst.save()
    return dienst


def verwijder_dienst(user, dienst_id: int) -> None:
    dienst = Dienst.objects.filter(pk=dienst_id).first()
    if dienst is None:
        _fout("dienst", _("Deze dienst bestaat niet meer."))
    _kamer_voor_beheer(user, dienst.buurtkamer_id)
    dienst.delete()


def registreer_bezoek(
    user, buurtkamer_id: int, *, datum: datetime.date, aantal: int, melding_id: int | None = None
) -> Bezoek:
    """Visitors of a buurtkamer: an anonymous count, or a visit linked to a melding."""
    if user.rol not in (Rol.VRIJWILLIGER, Rol.SOCIAAL_WERKER):
        raise PermissionDenied
    kamer = selectors.buurtkamers_in_scope(user).filter(pk=buurtkamer_id).first()
    if kamer is None:
        raise PermissionDenied
    fouten = {}
    if datum > timezone.localdate():
        fouten["datum"] = [_("De datum kan niet in de toekomst liggen.")]
    if not 1 <= aantal <= 500:
        fouten["aantal"] = [_("Vul een aantal van 1 tot en met 500 in.")]
    if melding_id is not None and aantal != 1:
        fouten["aantal"] = [_("Een bezoek bij een melding telt als één bezoeker.")]
    if fouten:
        raise ValidationError(fouten)
    if melding_id is not None:
        from openwmo.toegang import selectors as toegang

        if not toegang.meldingen_in_scope(user).filter(pk=melding_id).exists():
            _fout("melding", _("Deze melding kunt u niet koppelen."))
    return Bezoek.objects.create(
        buurtkamer=kamer,
        datum=datum,
        aantal=aantal,
        melding_id=melding_id,
        geregistreerd_door=user,
    )


# --- carers (mantelzorgers) --------------------------------------------------------------


def registreer_mantelzorger(
    user,
    *,
    persoon_id: int,
    naam: str,
    uren_per_week: int,
    relatie_id: int | None = None,
    telefoon: str = "",
    postcode: str = "",
    sinds: datetime.date | None = None,
    kanaal: str = audit.Kanaal.UI,
) -> Mantelzorger:
    """Register a carer with the person they care for (social worker or consultant)."""
    if user.rol not in selectors.MANTELZORG_ROLLEN:
        raise PermissionDenied
    persoon = personen_in_scope(user).filter(pk=persoon_id).first()
    if persoon is None:
        raise PermissionDenied
    relatie = None
    if relatie_id:
        relatie = persoon.relaties.filter(pk=relatie_id).first()
        if relatie is None:
            _fout("relatie", _("Kies een relatie van deze inwoner."))
        naam = naam or relatie.naam
        telefoon = telefoon or relatie.telefoon
    postcode = normaliseer_postcode(postcode)
    mz = Mantelzorger(
        persoon=persoon,
        relatie=relatie,
        naam=(naam or "").strip(),
        telefoon=(telefoon or "").strip(),
        postcode=postcode,
        uren_per_week=uren_per_week,
        sinds=sinds,
        geregistreerd_door=user,
    )
    fouten = {}
    if not mz.naam:
        fouten["naam"] = [_("Vul de naam van de mantelzorger in, of kies een relatie.")]
    if sinds and sinds > timezone.localdate():
        fouten["sinds"] = [_("Deze datum kan niet in de toekomst liggen.")]
    if postcode and selectors.coordinaten(postcode) is None:
        fouten["postcode"] = [_("Deze postcode kennen we niet in de gemeente.")]
    if fouten:
        raise ValidationError(fouten)
    mz.full_clean(exclude=["persoon", "relatie"])
    with transaction.atomic():
        mz.save()
        audit.log(
            user,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="mantelzorger",
            object_id=mz.pk,
            persoon_id=persoon.pk,
            velden=["naam", "telefoon", "postcode", "uren_per_week", "sinds"],
        )
    return mz


def vul_belastingcheck_in(
    user, mantelzorger_id: int, antwoorden: dict, *, kanaal: str = audit.Kanaal.UI
) -> Belastingcheck:
    codes = [code for code, _vraag in selectors.BELASTINGVRAGEN]
    ontbrekend = [c for c in codes if antwoorden.get(c) not in selectors.ANTWOORDPUNTEN]
    if ontbrekend:
        raise ValidationError({c: [_("Kies nee, soms of ja.")] for c in ontbrekend})
    with transaction.atomic():
        mz = (
            selectors.mantelzorgers_in_scope(user)
            .select_for_update(of=("self",))
            .filter(pk=mantelzorger_id)
            .first()
        )
        if mz is None:
            raise PermissionDenied
        schoon = {c: antwoorden[c] for c in codes}
        score, niveau = selectors.belastingscore(schoon)
        check = Belastingcheck.objects.create(
            mantelzorger=mz,
            datum=timezone.localdate(),
            antwoorden=schoon,
            score=score,
            niveau=niveau,
            ingevuld_door=user,
        )
        audit.log(
            user,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=doel_voor(user),
            object_type="belastingcheck",
            object_id=check.pk,
            persoon_id=mz.persoon_id,
            velden=["belastingcheck"],
            nieuwe_waarden={"score": score, "niveau": niveau},
        )
    return check


def nodig_uit_voor_waardering(user, *, jaar: int, activiteit_id: int) -> int:
    """Invite every active carer in scope, not yet invited this year, to the appreciation
    activity. Returns the number of new invitations."""
    if user.rol not in selectors.MANTELZORG_ROLLEN:
        raise PermissionDenied
    fouten = {}
    if not 2015 <= jaar <= timezone.localdate().year + 1:
        fouten["jaar"] = [_("Kies dit jaar of volgend jaar.")]
    activiteit = Activiteit.objects.filter(pk=activiteit_id, status=Beoordeling.GOEDGEKEURD).first()
    if activiteit is None:
        fouten["activiteit"] = [_("Kies een goedgekeurde activiteit van de sociale kaart.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        al = Waardering.objects.filter(jaar=jaar).values("mantelzorger_id")
        nieuw = [
            Waardering(mantelzorger=mz, jaar=jaar, activiteit=activiteit, uitgenodigd_door=user)
            for mz in selectors.mantelzorgers_in_scope(user)
            .filter(actief=True)
            .exclude(pk__in=al)
            .order_by("pk")
        ]
        Waardering.objects.bulk_create(nieuw)
    return len(nieuw)
