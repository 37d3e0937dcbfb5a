"""New model instances for the pipeline without Django's per-field constructor work.

``nieuw(Model, **velden)`` gives the same instance as ``Model(**velden)``: every concrete
field with its default (callable defaults called per instance), the given values, and a
relation given as an object set through its descriptor. Django's ``Model.__init__`` costs
about 20 µs per instance (it walks all fields and pops keyword arguments); a batch of
messages creates tens of thousands (messages, deliveries, requests, prestaties). Anything
this does not know (another keyword, a model with init signals) goes to the ordinary
constructor. ``laad(queryset)`` does the same for instances read from the database (the
state of a batch loads thousands).
"""

from django.db.models import ForeignKey, signals
from django.db.models.base import ModelState
from django.db.models.query import ModelIterable

_PLANNEN: dict = {}


def _plan(model):
    if signals.pre_init.has_listeners(model) or signals.post_init.has_listeners(model):
        return None
    vast, roepen, relaties, namen = {}, [], {}, set()
    for f in model._meta.concrete_fields:
        namen.add(f.attname)
        if f.has_default() and callable(f.default):
            roepen.append((f.attname, f.default))
        else:
            vast[f.attname] = f.get_default()
        if isinstance(f, ForeignKey):
            relaties[f.name] = (f.attname, f.cache_name)
    return vast, roepen, relaties, namen


def _plan_van(model):
    try:
        return _PLANNEN[model]
    except KeyError:
        plan = _PLANNEN[model] = _plan(model)
        return plan


def nieuw(model, **velden):
    plan = _plan_van(model)
    if plan is None:
        return model(**velden)
    vast, roepen, relaties, namen = plan
    obj = model.__new__(model)
    state = obj._state = ModelState()
    d = obj.__dict__
    d.update(vast)
    for naam, maker in roepen:
        if naam not in velden:
            d[naam] = maker()
    for naam, waarde in velden.items():
        if naam in namen:
            d[naam] = waarde
            continue
        relatie = relaties.get(naam)
        if relatie is None:  # a property or an unknown name: Django decides
            return model(**velden)
        if waarde is None:  # what the descriptor does for None on a new instance
            d[relatie[0]] = None
            state.fields_cache[relatie[1]] = None
        else:  # the descriptor itself (it also settles the database of both)
            setattr(obj, naam, waarde)
    return obj


def laad(queryset) -> list:
    """``list(queryset)`` for a plain queryset of whole instances, without Django's
    per-field constructor: the same values (read with the same converters, as
    ``values_list``), the same instance state. Anything else goes to Django."""
    model = queryset.model
    query = queryset.query
    if (
        _plan_van(model) is None
        or query.select_related
        or query.annotations
        or query.extra
        or queryset._known_related_objects
        or query.deferred_loading != (frozenset(), True)
        or queryset._prefetch_related_lookups
        or queryset._iterable_class is not ModelIterable
    ):
        return list(queryset)
    namen = [f.attname for f in model._meta.concrete_fields]
    db = queryset.db
    uit = []
    for rij in queryset.values_list(*namen):
        obj = model.__new__(model)
        state = obj._state = ModelState()
        state.adding, state.db = False, db
        obj.__dict__.update(zip(namen, rij, strict=True))
        uit.append(obj)
    return uit
