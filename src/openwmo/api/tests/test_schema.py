"""The committed OpenAPI schema (docs/openapi.yaml) must match the code and be valid."""

from pathlib import Path

import yaml
from django.core.management import call_command
from openapi_spec_validator import validate

SCHEMA = Path(__file__).resolve().parents[4] / "docs" / "openapi.yaml"


def test_schema_is_valid_openapi_and_has_no_drift(tmp_path):
    generated = tmp_path / "openapi.yaml"
    call_command("spectacular", "--file", str(generated), "--validate", "--fail-on-warn")
    validate(yaml.safe_load(generated.read_text()))
    assert SCHEMA.exists(), "docs/openapi.yaml ontbreekt: draai `make schema`"
    assert generated.read_text() == SCHEMA.read_text(), (
        "Het API-schema wijkt af van docs/openapi.yaml: draai `make schema` en commit het."
    )
