from django.conf import settings
from django.contrib.auth import authenticate
from django_otp import match_token
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from .models import Rol
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


class TokenView(APIView):
    """Wissel gebruikersnaam, wachtwoord en (medewerkers) een TOTP-code in voor een token."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [AnonRateThrottle]

    @extend_schema(request=TokenAanvraagSerializer, responses=TokenSerializer, operation_id="token")
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
        if settings.TWEESTAPS_VERPLICHT and user.rol != Rol.INWONER:
            token = data.validated_data.get("otp_token", "")
            if not token or match_token(user, token) is None:
                raise ValidationError(
                    {"otp_token": ["Een geldige code uit uw authenticator-app is verplicht."]}
                )
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})
