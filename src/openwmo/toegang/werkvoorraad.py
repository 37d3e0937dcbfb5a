"""Start-page sections of the toegang app, per role."""

from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import scope_of
from openwmo.organisaties.models import Organisatie
from openwmo.privacy.services import Kanaal

from . import selectors

START_AANTAL = 10


def _lijst(user, lijst, titel, leeg):
    regels = selectors.werklijst(user, lijst, kanaal=Kanaal.UI, limit=START_AANTAL)
    return {
        "template": "toegang/start/lijst.html",
        "context": {
            "titel": titel,
            "regels": regels,
            "leeg": leeg,
            "toon": selectors.velden_voor(user),
            "lijst": lijst,
        },
    }


def secties(user) -> list[dict]:
    rol = user.rol
    if rol == Rol.VRIJWILLIGER:
        return [
            _lijst(
                user,
                "alle",
                _("Bezoekers van vandaag"),
                _("Vandaag zijn er nog geen vragen geregistreerd."),
            )
        ]
    if rol == Rol.SOCIAAL_WERKER:
        result = [
            _lijst(user, "mijn", _("Mijn meldingen"), _("U heeft geen openstaande meldingen.")),
            {
                "template": "toegang/start/gesprekken.html",
                "context": {
                    "gesprekken": selectors.mijn_gesprekken(user),
                    "termijnsignalen": selectors.termijnsignalen(user),
                    "signalen": selectors.open_signalen(user, limit=START_AANTAL),
                },
            },
        ]
        if selectors.is_teamleider(user):
            result += [
                _lijst(user, "nieuw", _("Niet toegewezen"), _("Alle meldingen zijn toegewezen.")),
                _lijst(
                    user, "te_laat", _("Termijn verlopen"), _("Er zijn geen meldingen te laat.")
                ),
            ]
        return result
    if rol == Rol.WMO_CONSULENT:
        return [
            _lijst(user, "te_laat", _("Termijn verlopen"), _("Er zijn geen meldingen te laat."))
        ]
    if rol == Rol.ZORGAANBIEDER:
        if scope_of(user).organisatie_soort != Organisatie.Soort.HUISHOUDELIJKE_HULP:
            return []
        return [
            _lijst(
                user,
                "open",
                _("Nieuwe meldingen huishoudelijke hulp"),
                _("Er zijn geen nieuwe meldingen voor uw organisatie."),
            )
        ]
    if rol == Rol.INWONER:
        return [_lijst(user, "alle", _("Mijn meldingen"), _("U heeft nog geen vraag gesteld."))]
    if rol == Rol.BELEIDSMAKER:
        return [
            {
                "template": "toegang/start/eerste_contact.html",
                "context": selectors.eerste_contact_cijfers(),
            }
        ]
    return []
