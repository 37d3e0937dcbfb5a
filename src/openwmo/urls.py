from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from openwmo.portaal.forms import LoginForm

urlpatterns = [
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html", authentication_form=LoginForm
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("privacy/", include("openwmo.privacy.urls")),
    path("tweestaps/", include("openwmo.accounts.urls")),
    path("beheer/", admin.site.urls),
    path("", include("openwmo.accounts.beheer_urls")),
    path("api/v1/", include("openwmo.api.urls")),
    path("inwoners/", include("openwmo.inwoners.urls")),
    path("toegang/", include("openwmo.toegang.urls")),
    path("berichten/", include("openwmo.berichten.urls")),
    path("aanbod/", include("openwmo.aanbod.urls")),
    path("plannen/", include("openwmo.plannen.urls")),
    path("besluiten/", include("openwmo.besluiten.urls")),
    path("financien/", include("openwmo.financien.urls")),
    path("kwaliteit/", include("openwmo.kwaliteit.urls")),
    path("overgang/", include("openwmo.overgang.urls")),
    path("schuldhulp/", include("openwmo.schuldhulp.urls")),
    path("jeugd/", include("openwmo.jeugd.urls")),
    path("voorzieningen/", include("openwmo.voorzieningen.urls")),
    path("sturing/", include("openwmo.sturing.urls")),
    path("", include("openwmo.ops.urls")),
    path("", include("openwmo.portaal.urls")),
]
