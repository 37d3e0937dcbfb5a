import io
import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_scenario_leeuwarden_als_een_json_regel():
    uit = io.StringIO()
    call_command("financien", "scenario", "leeuwarden", stdout=uit)
    regels = uit.getvalue().splitlines()
    assert len(regels) == 1
    data = json.loads(regels[0])
    assert (data["target"], data["measures_total"], data["reserve"]) == (
        360_000_000,
        444_000_000,
        84_000_000,
    )
    with pytest.raises(CommandError):
        call_command("financien", "scenario", "bestaat-niet", stdout=io.StringIO())


def test_startverdeling_uit_een_csv(tmp_path):
    pad = tmp_path / "legacy.csv"
    pad.write_text(
        "bsn,product,volume,eenheid\n1,TO3,4,uur_per_week\n2,TO1,2,uur_per_week\n", encoding="utf-8"
    )
    uit = io.StringIO()
    call_command("financien", "startverdeling", "--jaar", "2026", "--bestand", str(pad), stdout=uit)
    data = json.loads(uit.getvalue())
    to3 = 4 * 52 * 6_200
    assert data["per_categorie"]["TO3"] == {"basis": to3 // 2, "aanvullend": to3 // 2}
    assert data["basis_cents"] + data["aanvullend_cents"] == to3 + 2 * 52 * 4_800
