from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.nl import bsn as stdnum_bsn


def validate_bsn(value: str) -> None:
    """A BSN has nine digits and passes the 11-check (elfproef)."""
    if not value or not value.isdigit() or len(value) != 9:
        raise ValidationError(_("Een BSN bestaat uit precies 9 cijfers."), code="bsn_formaat")
    if not stdnum_bsn.is_valid(value):
        raise ValidationError(
            _("Dit BSN klopt niet: het voldoet niet aan de elfproef."), code="bsn_elfproef"
        )
