from django.db import models
from django.utils.translation import gettext_lazy as _


class Formuliertoken(models.Model):
    """A one-time token of a submitted form: the same form sent twice is handled once."""

    token = models.CharField(_("token"), max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True, db_index=True)
    locatie = models.CharField(_("doorverwezen naar"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("formuliertoken")
        verbose_name_plural = _("formuliertokens")

    def __str__(self):
        return self.token
