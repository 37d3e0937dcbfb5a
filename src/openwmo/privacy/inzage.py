"""What the privacy app holds about one person: who looked at the file, requests, overrides."""

from .models import AuditRecord, Correctieverzoek, Doorbraak

MODELLEN = ("privacy.auditrecord", "privacy.correctieverzoek", "privacy.doorbraak")


def gegevens(persoon) -> dict[str, list[dict]]:
    return {
        "Wie heeft uw gegevens bekeken of gewijzigd": [
            {
                "tijdstip": r.tijdstip.isoformat(),
                "organisatie": r.organisatie,
                "rol": r.rol_omschrijving,
                "actie": r.get_actie_display(),
                "kanaal": r.get_kanaal_display(),
                "doel": r.doel,
                "gegevens": r.velden,
            }
            for r in AuditRecord.objects.filter(persoon_id=persoon.pk).order_by("tijdstip", "pk")
        ],
        "Correctieverzoeken": [
            {
                "ingediend_op": v.ingediend_op.isoformat(),
                "gegeven": v.get_gegeven_display(),
                "gewenste_waarde": v.gewenste_waarde,
                "toelichting": v.toelichting,
                "status": v.get_status_display(),
            }
            for v in Correctieverzoek.objects.filter(persoon=persoon).prefetch_related("statussen")
        ],
        "Toegang buiten het normale werkgebied (break-the-glass)": [
            {"begin": d.begin.isoformat(), "reden": d.reden, "oordeel": d.get_oordeel_display()}
            for d in Doorbraak.objects.filter(persoon=persoon)
        ],
    }
