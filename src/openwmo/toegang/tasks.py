"""Background tasks of the toegang app (django-tasks)."""

from django_tasks import task

from . import services


@task()
def termijnen_bewaken(dagen: int = 7) -> dict:
    """Warn about legal terms that expire within ``dagen`` days or have expired."""
    resultaat = services.bewaak_termijnen(dagen)
    return {"waarschuwingen": resultaat.waarschuwingen, "verlopen": resultaat.verlopen}
