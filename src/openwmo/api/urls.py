from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.urls import include, path, re_path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from openwmo.accounts.api import MijView, TokenView
from openwmo.accounts.permissions import MEDEWERKER_ROLLEN, role_permission
from openwmo.gebieden.api import BuurtkamerList, WijkList
from openwmo.inwoners.api import PersoonContactgegevens, PersoonDetail, PersoonListCreate
from openwmo.organisaties.api import OrganisatieList

app_name = "api"
STAFF_ONLY = [role_permission(*MEDEWERKER_ROLLEN)]


@extend_schema(exclude=True)
class NietGevonden(APIView):
    """Any other path under /api/v1/ (also an id that is no number): a problem+json 404,
    not the HTML error page."""

    permission_classes = [AllowAny]

    def _niet_gevonden(self, request, *args, **kwargs):
        raise NotFound()

    get = post = put = patch = delete = _niet_gevonden


urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(permission_classes=STAFF_ONLY), name="schema"),
    path(
        "docs/",
        # Swagger UI's page has one inline <style>; scripts stay strictly 'self'.
        csp_update({"style-src": [UNSAFE_INLINE]})(
            SpectacularSwaggerSplitView.as_view(
                url_name="api:schema", permission_classes=STAFF_ONLY
            )
        ),
        name="docs",
    ),
    path("token/", TokenView.as_view(), name="token"),
    path("mij/", MijView.as_view(), name="mij"),
    path("personen/", PersoonListCreate.as_view(), name="personen"),
    path("personen/<int:pk>/", PersoonDetail.as_view(), name="persoon"),
    path(
        "personen/<int:pk>/contactgegevens/",
        PersoonContactgegevens.as_view(),
        name="persoon-contactgegevens",
    ),
    path("organisaties/", OrganisatieList.as_view(), name="organisaties"),
    path("wijken/", WijkList.as_view(), name="wijken"),
    path("buurtkamers/", BuurtkamerList.as_view(), name="buurtkamers"),
    # Domain apps add their endpoints in <app>/api_urls.py (names become "api:<name>").
    path("", include("openwmo.toegang.api_urls")),
    path("", include("openwmo.berichten.api_urls")),
    path("", include("openwmo.aanbod.api_urls")),
    path("", include("openwmo.plannen.api_urls")),
    path("", include("openwmo.besluiten.api_urls")),
    path("", include("openwmo.financien.api_urls")),
    path("", include("openwmo.kwaliteit.api_urls")),
    path("", include("openwmo.overgang.api_urls")),
    path("", include("openwmo.schuldhulp.api_urls")),
    path("", include("openwmo.jeugd.api_urls")),
    path("", include("openwmo.voorzieningen.api_urls")),
    path("", include("openwmo.sturing.api_urls")),
    re_path(r"^", NietGevonden.as_view()),  # last: every path no route above matched
]
