from django.conf import settings
from django.contrib.auth import authenticate
from django_otp import match_token
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from openwmo.privacy.services import Kanaal

from . import services
from .beveiliging import ClientIpThrottle, GebruikersnaamThrottle, token_verloopt_op
from .middleware import is_medewerker
from .selectors import scope_of


class MijSerializer(serializers.Serializer):
    gebruikersnaam = serializers.CharField()
    naam = serializers.CharField()
    rol = serializers.CharField()
    rol_omschrijving = serializers.CharField()
    organisatie = serializers.CharField(allow_null=True)
    wijken = serializers.ListField(child=serializers.CharField())


class MijView(APIView):
    """De ingelogde gebruiker met rol, organisatie en werkgebied."""

    @extend_schema(responses=MijSerializer, operation_id="mij")
    def get(self, request):
        user = request.user
        scope_of(user)
        medewerker = getattr(user, "medewerker", None)
        return Response(
            MijSerializer(
                {
                    "gebruikersnaam": user.username,
                    "naam": user.get_full_name(),
                    "rol": user.rol,
                    "rol_omschrijving": user.get_rol_display(),
                    "organisatie": medewerker.organisatie.naam if medewerker else None,
                    "wijken": [w.naam for w in user.wijken.order_by("naam")],
                }
            ).data
        )


class TokenAanvraagSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, style={"input_type": "password"})
    otp_token = serializers.RegexField(
        r"^[0-9]{6}$",
        required=False,
        error_messages={"invalid": "Vul de 6 cijfers uit uw authenticator-app in."},
    )


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()
    verloopt_op = serializers.DateTimeField(allow_null=True)


class TokenView(APIView):
    """POST: wissel gebruikersnaam, wachtwoord en (medewerkers) een TOTP-code in voor een
    token; een nieuw token vervangt het vorige en verloopt na API_TOKEN_GELDIGHEID_UREN.
    DELETE: trek het eigen token in."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ClientIpThrottle, GebruikersnaamThrottle]

    def get_authenticators(self):
        # Asking for a token needs no log-in; revoking one is done by its (logged-in) owner.
        if getattr(self, "request", None) is not None and self.request.method == "DELETE":
            return [auth() for auth in api_settings.DEFAULT_AUTHENTICATION_CLASSES]
        return super().get_authenticators()

    def get_permissions(self):
        if self.request.method == "DELETE":
            return [IsAuthenticated()]
        return super().get_permissions()

    def get_throttles(self):
        if self.request.method == "DELETE":
            return []
        return super().get_throttles()

    @extend_schema(
        request=TokenAanvraagSerializer,
        responses=TokenSerializer,
        operation_id="token",
        description=(
            "Wissel gebruikersnaam, wachtwoord en (medewerkers) een TOTP-code in voor een "
            "token. Een nieuw token vervangt het vorige; het verloopt op `verloopt_op`."
        ),
    )
    def post(self, request):
        data = TokenAanvraagSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = authenticate(
            request=request,
            username=data.validated_data["username"],
            password=data.validated_data["password"],
        )
        if user is None or not user.is_active:
            raise ValidationError(
                {"niet_veldgebonden": ["Gebruikersnaam of wachtwoord klopt niet."]}
            )
        if settings.TWEESTAPS_VERPLICHT and is_medewerker(user):
            token = data.validated_data.get("otp_token", "")
            if not token or match_token(user, token) is None:
                raise ValidationError(
                    {"otp_token": ["Een geldige code uit uw authenticator-app is verplicht."]}
                )
        token = services.nieuw_token(user, kanaal=Kanaal.API)
        return Response({"token": token.key, "verloopt_op": token_verloopt_op(token)})

    @extend_schema(
        request=None,
        responses={204: None},
        operation_id="token_intrekken",
        description="Trek het eigen token in (met dat token of een sessie).",
    )
    def delete(self, request):
        services.trek_token_in(request.user, request.user.pk, kanaal=Kanaal.API)
        return Response(status=204)
