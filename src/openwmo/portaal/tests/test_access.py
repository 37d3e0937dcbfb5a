"""Table-driven access test: every URL of the product, with every role.

A new URL without a rule in ACCESS makes this test fail, so no page or endpoint
can be added without deciding who may use it.
"""

import pytest
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
    ),
    "api:organisaties": ("/api/v1/organisaties/", STAFF, "get"),
    "api:wijken": ("/api/v1/wijken/", STAFF, "get"),
    "api:buurtkamers": ("/api/v1/buurtkamers/", STAFF, "get"),
}
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
    path, allowed, method = ACCESS[name]
    path = path.format(inwoner=inwoner.pk)
    client = APIClient()
    client.force_login(users[rol])
    if method == "patch":
        response = client.patch(path, {"telefoon": "0612345678"}, format="json")
    else:
        response = getattr(client, method)(path)
    if allowed == PUBLIC:
        assert response.status_code < 500
        return
    if rol in allowed:
        assert response.status_code == 200, (name, rol, response.status_code)
    else:
        assert response.status_code in (403, 404), (name, rol, response.status_code)


@pytest.mark.parametrize("name", sorted(n for n, v in ACCESS.items() if v[1] != PUBLIC))
def test_anonymous_is_refused(inwoner, name):
    path, _, method = ACCESS[name]
    response = getattr(APIClient(), method)(path.format(inwoner=inwoner.pk))
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
