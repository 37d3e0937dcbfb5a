"""The start page: each role sees its own work queue."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import gebruikers_zonder_inrichting, scope_of
from openwmo.gebieden import selectors as gebieden
from openwmo.inwoners import selectors as inwoners
from openwmo.organisaties import selectors as organisaties
from openwmo.organisaties.models import Organisatie
from openwmo.privacy import selectors as privacy

from . import registry

KLEINE_AANTALLEN = 5  # counts below this are not shown per area (privacy)


def _buurtkamers_vandaag(wijk_ids):
    vandaag = timezone.localdate()
    return [
        {"buurtkamer": kamer, "open": gebieden.open_op(kamer, vandaag)}
        for kamer in gebieden.buurtkamers(wijk_ids)
    ]


def _dossierwerk(user):
    scope = scope_of(user)
    recent_ids = privacy.recente_dossiers(user)
    recent = {p.pk: p for p in inwoners.personen_in_scope(user).filter(pk__in=recent_ids)}
    return {
        "recente_dossiers": [recent[i] for i in recent_ids if i in recent],
        "buurtkamers": _buurtkamers_vandaag(None if scope.gemeentebreed else scope.wijk_ids),
    }


def _inwoner(user):
    if not user.persoon_id:
        return {}
    return {
        "inzage_log": list(privacy.inzage_log_voor_persoon(user.persoon_id)[:20]),
        "persoon_id": user.persoon_id,
    }


def _vrijwilliger(user):
    return {"buurtkamers": _buurtkamers_vandaag(scope_of(user).wijk_ids)}


def _zorgaanbieder(user):
    return {
        "organisatie": organisaties.organisatie_van(user),
        "collegas": list(organisaties.collegas(user)),
    }


def _beleidsmaker(user):
    rijen = inwoners.aantal_inwoners_per_wijk()
    return {
        "inwoners_per_wijk": [
            {
                "wijk": r["wijk"] or "Onbekend",
                "aantal": r["aantal"],
                "onderdrukt": r["aantal"] < KLEINE_AANTALLEN,
            }
            for r in rijen
        ],
        "totaal_inwoners": sum(r["aantal"] for r in rijen),
    }


def _toezichthouder(user):
    return {
        "aanbieders": [
            o
            for o in organisaties.organisaties()
            if o.soort
            in (
                Organisatie.Soort.BASISONDERSTEUNING,
                Organisatie.Soort.AANVULLEND,
                Organisatie.Soort.HUISHOUDELIJKE_HULP,
            )
        ]
    }


def _privacy(user):
    return {"auditregels": list(privacy.zoek_auditregels(limit=25))}


def _beheerder(user):
    return {"onvolledig": gebruikers_zonder_inrichting()}


WERKVOORRAAD = {
    Rol.INWONER: _inwoner,
    Rol.VRIJWILLIGER: _vrijwilliger,
    Rol.SOCIAAL_WERKER: _dossierwerk,
    Rol.WMO_CONSULENT: _dossierwerk,
    Rol.ZORGAANBIEDER: _zorgaanbieder,
    Rol.BELEIDSMAKER: _beleidsmaker,
    Rol.TOEZICHTHOUDER: _toezichthouder,
    Rol.PRIVACY_FUNCTIONARIS: _privacy,
    Rol.BEHEERDER: _beheerder,
}


@login_required
def start(request):
    user = request.user
    context = {"rol": user.rol, "rol_naam": user.get_rol_display(), "vandaag": timezone.localdate()}
    context.update(WERKVOORRAAD[user.rol](user))
    context["secties"] = registry.werkvoorraad_secties(user)
    return render(request, "portaal/start.html", context)
