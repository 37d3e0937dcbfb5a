import datetime
import json
import logging
import sys

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from openwmo.ops import metrics
from openwmo.ops.logs import JsonFormatter

pytestmark = pytest.mark.django_db


def test_live_en_ready(client):
    assert client.get("/health/live").json() == {"status": "ok"}
    response = client.get("/health/ready")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert set(data["controles"]) == {"database", "taakwachtrij", "schijf"}


def _taak(**velden):
    from openwmo.toegang.tasks import termijnen_bewaken

    taak = DBTaskResult.objects.create(
        task_path=termijnen_bewaken.module_path,
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=taak.pk).update(**velden)
    return taak


def test_ready_meldt_een_achterlopende_wachtrij(client, settings):
    settings.OPS_MAX_WACHTRIJ_SECONDEN = 60
    _taak(enqueued_at=timezone.now() - datetime.timedelta(minutes=10))
    response = client.get("/health/ready")
    assert response.status_code == 503
    controle = response.json()["controles"]["taakwachtrij"]
    assert controle["goed"] is False
    assert "1 wachtend" in controle["detail"]


def test_ready_meldt_te_weinig_schijfruimte(client, settings):
    settings.OPS_MIN_VRIJ_MB = 10**12
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["controles"]["schijf"]["goed"] is False


def test_ready_meldt_een_onbereikbare_database(client, monkeypatch):
    from django.db import OperationalError, connection

    def kapot(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", kapot)
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["controles"]["database"]["goed"] is False


def test_metrics_alleen_lokaal_zonder_token(client):
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 403
    # behind a proxy on the same machine, a forwarded request is not local
    assert client.get("/metrics", HTTP_X_FORWARDED_FOR="10.1.2.3").status_code == 403
    assert client.get("/metrics").status_code == 200  # the test client is 127.0.0.1


def test_metrics_met_token(client, settings):
    settings.OPS_METRICS_TOKEN = "geheim-token-voor-prometheus"
    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer fout").status_code == 403
    response = client.get(
        "/metrics", REMOTE_ADDR="10.1.2.3", HTTP_AUTHORIZATION="Bearer geheim-token-voor-prometheus"
    )
    assert response.status_code == 200


def test_metrics_inhoud(client):
    from openwmo.berichten.models import Bericht

    Bericht.objects.create(
        richting="in",
        berichttype="WMO305",
        afzender="75100000",
        identificatie="A1",
        sha256="x" * 64,
        inhoud=b"<x/>",
        status="afgekeurd",
        ontvangen_op=timezone.now(),
    )
    _taak(enqueued_at=timezone.now() - datetime.timedelta(seconds=90))
    client.get("/health/live")
    client.get("/health/live")
    tekst = client.get("/metrics").content.decode()
    assert (
        'openwmo_http_request_duration_seconds_count{route="ops:live",method="GET",'
        'status="2xx"} 2' in tekst
    )
    assert 'le="+Inf"' in tekst
    assert "openwmo_taken_wachtend 1" in tekst
    oudste = next(r for r in tekst.splitlines() if r.startswith("openwmo_taken_oudste"))
    assert float(oudste.split()[1]) >= 90
    assert 'openwmo_iwmo_berichten{richting="in",status="afgekeurd"} 1' in tekst
    assert 'openwmo_termijnoverschrijdingen{soort="toegang_onderzoek"} 0' in tekst


def test_metrics_telt_de_andere_workers_mee(client, metrics_map):
    """A second gunicorn worker's numbers (its file) are added to this worker's."""
    metrics_map.mkdir(parents=True, exist_ok=True)
    ander = {"ops:live|GET|2xx": {"b": [3] * len(metrics.GRENZEN), "som": 0.03, "n": 3}}
    (metrics_map / "999999.json").write_text(json.dumps(ander))
    client.get("/health/live")
    tekst = client.get("/metrics").content.decode()
    assert (
        'openwmo_http_request_duration_seconds_count{route="ops:live",method="GET",'
        'status="2xx"} 4' in tekst
    )


def test_request_id_wordt_gezet_en_overgenomen(client):
    eigen = client.get("/health/live")["X-Request-ID"]
    assert len(eigen) == 32
    assert client.get("/health/live", HTTP_X_REQUEST_ID="proxy-1234abcd")["X-Request-ID"] == (
        "proxy-1234abcd"
    )
    # a malformed id (log injection) is replaced
    vreemd = client.get("/health/live", HTTP_X_REQUEST_ID='x"\n{"niveau": "ERROR"}')
    assert vreemd["X-Request-ID"] != 'x"\n{"niveau": "ERROR"}'


def test_json_log_zonder_persoonsgegevens():
    try:
        raise ValueError("BSN 123456782 van Jelle de Vries")
    except ValueError:
        record = logging.LogRecord(
            "openwmo.x", logging.ERROR, __file__, 1, "Verwerking mislukt", None, sys.exc_info()
        )
    record.request_id = "abc12345"
    regel = JsonFormatter().format(record)
    data = json.loads(regel)
    assert data["bericht"] == "Verwerking mislukt"
    assert data["request_id"] == "abc12345"
    assert data["fout"] == "builtins.ValueError"
    assert "123456782" not in regel and "Jelle" not in regel


def test_toegangslog_per_verzoek_zonder_zoekterm(client, caplog):
    caplog.set_level(logging.INFO, logger="openwmo.verzoek")
    client.get("/health/live?q=123456782")
    record = next(r for r in caplog.records if r.name == "openwmo.verzoek")
    regel = JsonFormatter().format(record)
    assert json.loads(regel)["route"] == "ops:live"
    assert "123456782" not in regel


def test_statische_bestanden_als_een_route(client):
    client.get("/static/openwmo/app.css")
    tekst = client.get("/metrics").content.decode()
    assert 'route="static",method="GET"' in tekst
