"""End-to-end tests in Debian's headless Chromium, driven by Playwright."""

import json
import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the Django test
# database is still used synchronously from here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "e2e-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium ontbreekt op {CHROMIUM}: installeer het Debian-pakket 'chromium'.")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Screen:
    """A browser page that records console errors and can run axe-core."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def goto(self, path):
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.ok, (path, response and response.status)
        return response

    def menu(self, label: str):
        """Follow a main-menu item; in a grouped menu, open its group first."""
        from stappen import klik

        klik(self.page, label, exact=True)

    def check(self, name: str):
        """No console errors, no serious or critical axe violations; save a screenshot."""
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        assert not self.errors, f"console errors on {name}: {self.errors}"
        # evaluate() is not subject to the page's Content-Security-Policy
        self.page.evaluate(AXE.read_text())
        result = self.page.evaluate(
            "async () => await axe.run(document, {runOnly: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})"
        )
        bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        (ARTIFACTS / f"{name}.axe.json").write_text(json.dumps(result["violations"], indent=1))
        assert not bad, f"axe on {name}: " + "; ".join(
            f"{v['id']}: {v['help']} ({len(v['nodes'])}x, {v['nodes'][0]['target']})" for v in bad
        )


@pytest.fixture(autouse=True)
def basisgegevens(transactional_db):
    """Reference data from data migrations, put back after an earlier test's flush."""
    from openwmo.testing.basisgegevens import herstel

    herstel()


@pytest.fixture
def screen(browser, live_server):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield Screen(page, live_server.url)
    context.close()
