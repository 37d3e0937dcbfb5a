"""New model instances for the pipeline without Django's per-field constructor work.

``nieuw(Model, **velden)`` gives the same instance as ``Model(**velden)``: every concrete
field with its default (callable defaults called per instance), the given values, and a
relation given as an object set through its descriptor. Django's ``Model.__init__`` costs
about 20 µs per instance (it walks all fields and pops keyword arguments); a batch of
messages creates tens of thousands (messages, deliveries, requests, prestaties). Anything
this does not know (another keyword, a model with init signals) goes to the ordinary
constructor.
"""

from django.db.models import ForeignKey, signals
from django.db.models.base import ModelState

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


def nieuw(model, **velden):
    try:
        plan = _PLANNEN[model]
    except KeyError:
        plan = _PLANNEN[model] = _plan(model)
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
