import pytest

from openwmo.besluiten.tests.conftest import frank, frank_regel  # noqa: F401 (fixtures)
from openwmo.testing.plan_fixtures import *  # noqa: F403 (shared pytest fixtures)


@pytest.fixture(autouse=True)
def metrics_map(tmp_path, settings):
    from openwmo.ops import metrics

    settings.OPS_METRICS_DIR = tmp_path / "metrics"
    metrics.wis()
    yield settings.OPS_METRICS_DIR
    metrics.wis()


@pytest.fixture
def los_client():
    """A client that returns the 5xx response instead of raising the view's exception."""
    from django.test import Client

    return Client(raise_request_exception=False)
