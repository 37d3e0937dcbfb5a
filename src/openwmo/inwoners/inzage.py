"""What the resident register holds about one person, for their inzage export (AVG art. 15)."""

from .models import Persoon, Relatie

MODELLEN = ("inwoners.persoon", "inwoners.adres", "inwoners.huishouden", "inwoners.relatie")


def _veld(obj, veld):
    waarde = getattr(obj, veld)
    display = getattr(obj, f"get_{veld}_display", None)
    if display and waarde not in ("", None):
        return display()
    if hasattr(waarde, "pk"):
        return str(waarde)
    return waarde.isoformat() if hasattr(waarde, "isoformat") else waarde


def gegevens(persoon: Persoon) -> dict[str, list[dict]]:
    velden = [v for v in Persoon.PERSOONSGEGEVENS if v != "huishouden"]
    result = {"Persoonsgegevens": [{v: _veld(persoon, v) for v in velden}]}
    if persoon.huishouden_id:
        adres = persoon.huishouden.adres
        result["Adres"] = [{v: _veld(adres, v) for v in adres.PERSOONSGEGEVENS}]
        result["Huishouden"] = [
            {
                "samenstelling": persoon.huishouden.get_samenstelling_display(),
                "aantal_leden": persoon.huishouden.leden.count(),
            }
        ]
    relaties = Relatie.objects.filter(persoon=persoon).select_related("gerelateerde")
    result["Relaties, mantelzorgers en vertegenwoordigers"] = [
        {
            "naam": r.weergavenaam,
            "soort": r.get_soort_display(),
            "telefoon": r.telefoon,
            "mantelzorger": r.is_mantelzorger,
            "mantelzorg_uren_per_week": r.mantelzorg_uren_per_week,
            "vertegenwoordiging": r.get_vertegenwoordiging_display()
            if r.vertegenwoordiging
            else "",
            "sinds": r.sinds.isoformat() if r.sinds else None,
        }
        for r in relaties
    ]
    return result
