from openwmo.testing.plan_fixtures import *  # noqa: F403 (shared pytest fixtures)
