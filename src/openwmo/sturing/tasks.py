"""Background task: compute the steering figures ahead (nightly via
`openwmo sturing_bijwerken`, or when a policy maker asks for it)."""

from django_tasks import task

from . import services


@task()
def bijwerken() -> dict:
    return services.tussenstanden_bijwerken()
