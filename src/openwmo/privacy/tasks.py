"""Background tasks for retention (django-tasks; run by `openwmo db_worker`)."""

from django_tasks import task

from . import bewaren


@task()
def markeer_verlopen_bewaartermijnen() -> int:
    return bewaren.markeer_verlopen()


@task()
def voer_bewaarbesluiten_uit() -> int:
    return bewaren.voer_uit()
