"""Table-driven access test: every URL of the product, with every role.

A new URL without a rule makes this test fail, so no page or endpoint can be
added without deciding who may use it. Apps add their rules in
``<app>/tests/access_rules.py``: a dict ``ACCESS`` like the one below, and
optionally ``objecten(users, inwoner) -> dict`` that creates the objects named
by placeholders in their paths (e.g. ``{melding}``).
"""

from importlib import import_module

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient

from openwmo.accounts.models import Rol

pytestmark = pytest.mark.django_db

ALL = frozenset(Rol.values)
STAFF = ALL - {Rol.INWONER}
DOSSIER = {Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT}
PUBLIC = "public"

# url name -> (path template, roles that get 200, method)
ACCESS = {
    "login": ("/inloggen/", PUBLIC, "get"),
    "logout": ("/uitloggen/", PUBLIC, "post"),
    "portaal:start": ("/", ALL, "get"),
    "inwoners:zoeken": ("/inwoners/?naam=Jelle", DOSSIER, "get"),
    "inwoners:registreren": ("/inwoners/registreren/", DOSSIER, "get"),
    "inwoners:dossier": ("/inwoners/{inwoner}/", DOSSIER | {Rol.INWONER}, "get"),
    "api:schema": ("/api/v1/schema/", STAFF, "get"),
    "api:docs": ("/api/v1/docs/", STAFF, "get"),
    "api:token": ("/api/v1/token/", PUBLIC, "post"),
    "api:mij": ("/api/v1/mij/", ALL, "get"),
    "api:personen": ("/api/v1/personen/?naam=Jelle", DOSSIER, "get"),
    "api:persoon": ("/api/v1/personen/{inwoner}/", DOSSIER | {Rol.INWONER}, "get"),
    "api:persoon-contactgegevens": (
        "/api/v1/personen/{inwoner}/contactgegevens/",
        DOSSIER | {Rol.INWONER},
        "patch",
        {"telefoon": "0612345678"},
    ),
    "api:organisaties": ("/api/v1/organisaties/", STAFF, "get"),
    "api:wijken": ("/api/v1/wijken/", STAFF, "get"),
    "api:buurtkamers": ("/api/v1/buurtkamers/", STAFF, "get"),
}


def _app_rules():
    modules = []
    for config in apps.get_app_configs():
        if config.name.startswith("openwmo."):
            try:
                modules.append(import_module(f"{config.name}.tests.access_rules"))
            except ModuleNotFoundError as exc:
                if not exc.name.startswith(config.name):
                    raise
    return modules


APP_RULES = _app_rules()
for _module in APP_RULES:
    ACCESS.update(_module.ACCESS)


def placeholders(users, inwoner) -> dict:
    values = {"inwoner": inwoner.pk}
    for module in APP_RULES:
        if hasattr(module, "objecten"):
            nieuw = module.objecten(users, inwoner)
            dubbel = set(nieuw) & set(values)
            assert not dubbel, f"{module.__name__} hergebruikt placeholders {dubbel}"
            values.update(nieuw)
    return values


# Django admin (beheer/) is covered by test_beheer_alleen_voor_beheerder.
SKIP_NAMESPACES = {"admin"}


def named_urls(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIP_NAMESPACES:
                continue
            ns = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from named_urls(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield prefix + entry.name


def test_every_url_has_an_access_rule():
    missing = sorted(set(named_urls()) - set(ACCESS))
    assert not missing, f"URLs zonder toegangsregel: {missing}"


@pytest.mark.parametrize("name", sorted(ACCESS))
@pytest.mark.parametrize("rol", sorted(ALL))
def test_access_matrix(users, inwoner, name, rol):
    path, allowed, method, *data = ACCESS[name]
    path = path.format(**placeholders(users, inwoner))
    client = APIClient()
    client.force_login(users[rol])
    if data:  # (path, roles, method, payload): the payload is sent as JSON
        response = getattr(client, method)(path, data[0], format="json")
    else:
        response = getattr(client, method)(path)
    if allowed == PUBLIC:  # public URLs: only "never a server error"
        assert response.status_code < 500
        return
    if rol in allowed:
        assert response.status_code == 200, (name, rol, response.status_code)
    else:
        assert response.status_code in (403, 404), (name, rol, response.status_code)


@pytest.mark.parametrize("name", sorted(n for n, v in ACCESS.items() if v[1] != PUBLIC))
def test_anonymous_is_refused(users, inwoner, name):
    path, _, method, *_data = ACCESS[name]
    response = getattr(APIClient(), method)(path.format(**placeholders(users, inwoner)))
    if path.startswith("/api/"):
        assert response.status_code in (401, 403)
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/inloggen/")


def test_beheer_alleen_voor_beheerder(users, client):
    for rol, user in users.items():
        user.is_staff = True
        user.save()
        client.force_login(user)
        response = client.get("/beheer/accounts/user/")
        if rol == Rol.BEHEERDER:
            assert response.status_code == 200
        else:
            assert response.status_code in (302, 403), rol
        # residents' personal data is never in the admin
        assert client.get("/beheer/inwoners/persoon/").status_code in (302, 403, 404)
