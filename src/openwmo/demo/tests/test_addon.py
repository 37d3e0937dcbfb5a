"""The demo is an add-on: product code never imports it, production leaves it out."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2]  # src/openwmo
BUITEN_PRODUCT = {"demo", "tests", "testing"}


def _imports(tree: ast.AST, pakket: str) -> list[str]:
    """Every module name a file imports (relative imports resolved against ``pakket``)."""
    namen = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            namen += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                basis = pakket.split(".")[: len(pakket.split(".")) - node.level + 1]
                module = ".".join(basis + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            namen.append(module)
            namen += [f"{module}.{alias.name}" for alias in node.names]
    return namen


def _productbestanden():
    for pad in sorted(SRC.rglob("*.py")):
        deel = pad.relative_to(SRC).parts
        if BUITEN_PRODUCT & set(deel[:-1]) or pad.name == "conftest.py":
            continue
        yield pad


def test_productcode_importeert_de_demo_niet():
    bestanden = list(_productbestanden())
    assert len(bestanden) > 100  # the walk really sees the product apps
    fout = []
    for pad in bestanden:
        pakket = ".".join(("openwmo", *pad.relative_to(SRC).parts[:-1]))
        for naam in _imports(ast.parse(pad.read_text(encoding="utf-8")), pakket):
            if naam == "openwmo.demo" or naam.startswith("openwmo.demo."):
                fout.append(f"{pad.relative_to(SRC)}: {naam}")
    assert not fout, "Productcode importeert de demo:\n" + "\n".join(fout)


def test_de_controle_ziet_een_relatieve_import_van_de_demo():
    tree = ast.parse("from ..demo.constants import PEILDATUM\n")
    assert "openwmo.demo.constants" in _imports(tree, "openwmo.financien")


def _installed_apps(tmp_path, **extra) -> list[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "OPENWMO_DEMO", "DATABASE_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="openwmo.conf.settings",
        SECRET_KEY="k8#Vq2!zP0rT9wXy4bN6mL1cJ3hG5fD7sA2eR8tY0uI4oP6aS9dF1gH3jK5lZ7xC",
        OPENWMO_VAR_DIR=str(tmp_path),
        **extra,
    )
    code = "from django.conf import settings; print('\\n'.join(settings.INSTALLED_APPS))"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_productie_instellingen_zonder_demo(tmp_path):
    apps = _installed_apps(tmp_path)
    assert "openwmo.overgang" in apps
    assert "openwmo.demo" not in apps


@pytest.mark.parametrize("extra", [{"DEBUG": "true"}, {"OPENWMO_DEMO": "true"}])
def test_demo_met_debug_of_openwmo_demo(tmp_path, extra):
    assert "openwmo.demo" in _installed_apps(tmp_path, **extra)


def test_seed_bestaat_niet_in_productie(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "OPENWMO_DEMO"}}
    env.update(
        DJANGO_SETTINGS_MODULE="openwmo.conf.settings",
        SECRET_KEY="k8#Vq2!zP0rT9wXy4bN6mL1cJ3hG5fD7sA2eR8tY0uI4oP6aS9dF1gH3jK5lZ7xC",
        OPENWMO_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'leeg.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "-m", "openwmo", "seed", "--residents", "100"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Unknown command: 'seed'" in result.stderr
