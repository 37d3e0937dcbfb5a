"""Steps the end-to-end tests share: follow a link (also inside the grouped main menu) and
submit a form."""


def klik(page, naam: str, *, exact: bool = False):
    """Follow the first visible link with this name. A main-menu item in a closed group is
    reached by opening that group first, as a person would."""
    links = page.get_by_role("link", name=naam, exact=exact)
    if links.count() == 0:
        verborgen = page.get_by_role("link", name=naam, exact=exact, include_hidden=True)
        menu = page.get_by_role("navigation", name="Hoofdmenu")
        menu.locator("li.ow-nav__groep", has=verborgen).first.locator("summary").click()
    links.first.click()
    page.wait_for_load_state()


def verstuur(page, knop: str):
    page.get_by_role("button", name=knop).click()
    page.wait_for_load_state()
