"""Collect every stored record about one person, from every app, for the inzage export.

Apps do not have to register their data: every model in an OpenWmo app with a foreign
key to ``inwoners.Persoon`` is found here, and so are models linked only to the person's
household (``inwoners.Huishouden``), and the direct children of those records (the lines
of a plan, the conversations of a melding). A model whose records are presented by an
app's own ``inzage`` module is listed in that module's ``MODELLEN`` and skipped here.

A model may withhold its records from the export with a class attribute
``INZAGE_UITZONDERING = "<reason>"`` (for example child-safety records, which the law lets
a municipality withhold to protect the child); the privacy officer sees these in the data
register with their reason. Everything else is exported, so a new app cannot forget it.
"""

import datetime
import decimal
from functools import cache

from django.apps import apps
from django.db import models

PERSOON = "inwoners.persoon"
NOOIT = {"password"}  # secrets are never part of an export
HUISHOUDEN = "inwoners.huishouden"


def _label(model) -> str:
    return model._meta.label_lower


def _koppelingen(model, doel: str) -> list[str]:
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is not None and _label(f.related_model) == doel
    ]


@cache
def persoonsmodellen() -> tuple[tuple[type[models.Model], tuple[str, ...], str], ...]:
    """(model, link fields, "persoon" or "huishouden") for every model about a person."""
    result = []
    for model in apps.get_models():
        if not model.__module__.startswith("openwmo.") or _label(model) in (PERSOON, HUISHOUDEN):
            continue
        personen = _koppelingen(model, PERSOON)
        if personen:
            result.append((model, tuple(personen), "persoon"))
            continue
        huishoudens = _koppelingen(model, HUISHOUDEN)
        if huishoudens:
            result.append((model, tuple(huishoudens), "huishouden"))
    return tuple(result)


def _is_gekoppeld(model) -> bool:
    return bool(_koppelingen(model, PERSOON) or _koppelingen(model, HUISHOUDEN))


@cache
def kinderen(model) -> tuple:
    """One-to-many relations to records that only exist as part of ``model``'s record."""
    return tuple(
        rel
        for rel in model._meta.related_objects
        if rel.one_to_many
        and rel.related_model.__module__.startswith("openwmo.")
        and not _is_gekoppeld(rel.related_model)
        and not uitzondering(rel.related_model)
    )


def uitzondering(model) -> str:
    return getattr(model, "INZAGE_UITZONDERING", "")


def _waarde(obj, veld):
    if veld.choices:
        waarde = getattr(obj, veld.attname)
        return obj._get_FIELD_display(veld) if waarde not in ("", None) else waarde
    if veld.is_relation:
        return str(getattr(obj, veld.name)) if getattr(obj, veld.attname) is not None else None
    waarde = getattr(obj, veld.attname)
    if isinstance(waarde, memoryview | bytes):
        return bytes(waarde).decode("utf-8", errors="replace")
    if isinstance(waarde, datetime.date | datetime.time):
        return waarde.isoformat()
    if isinstance(waarde, decimal.Decimal):
        return str(waarde)
    return waarde


def kenmerk(obj) -> str:
    return f"{_label(type(obj))}#{obj.pk}"


def rij(obj, overslaan=()) -> dict:
    result = {"kenmerk": kenmerk(obj)}
    for veld in obj._meta.concrete_fields:
        if veld.primary_key or veld.name in overslaan or veld.name in NOOIT:
            continue
        result[str(veld.verbose_name)] = _waarde(obj, veld)
    return result


def _kop(model) -> str:
    app = apps.get_app_config(model._meta.app_label).verbose_name
    return f"{app}: {str(model._meta.verbose_name_plural).capitalize()}"


def records(persoon, behandeld: frozenset[str] = frozenset()):
    """(model, link fields, queryset) for every model with records about ``persoon``."""
    for model, velden, soort in persoonsmodellen():
        if _label(model) in behandeld or uitzondering(model):
            continue
        if soort == "persoon":
            waarde = persoon.pk
        elif persoon.huishouden_id:
            waarde = persoon.huishouden_id
        else:
            continue
        filter_ = models.Q()
        for veld in velden:
            filter_ |= models.Q(**{f"{veld}_id": waarde})
        yield model, velden, model._default_manager.filter(filter_).order_by("pk")


def gegevens(persoon, behandeld: frozenset[str] = frozenset()) -> dict[str, list[dict]]:
    onderdelen: dict[str, list[dict]] = {}
    for model, velden, qs in records(persoon, behandeld):
        objs = list(qs)
        if not objs:
            continue
        onderdelen.setdefault(_kop(model), []).extend(rij(o, velden) for o in objs)
        for rel in kinderen(model):
            kind_objs = rel.related_model._default_manager.filter(
                **{f"{rel.field.name}__in": objs}
            ).order_by("pk")
            regels = [
                rij(k, (rel.field.name,)) | {"hoort bij": kenmerk_van(k, rel)} for k in kind_objs
            ]
            if regels:
                kop = f"{_kop(model)} — {str(rel.related_model._meta.verbose_name_plural)}"
                onderdelen.setdefault(kop, []).extend(regels)
    return onderdelen


def kenmerk_van(kind, rel) -> str:
    return f"{_label(rel.model)}#{getattr(kind, rel.field.attname)}"
