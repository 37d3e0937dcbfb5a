from django import template

register = template.Library()


def euro_tekst(cents) -> str:
    """Dutch notation of an amount in cents: € 1.234.567,89 (negative: − € 12,00)."""
    if cents is None or cents == "":
        return ""
    cents = int(cents)
    teken = "− " if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return f"{teken}€ {euros:,}".replace(",", ".") + f",{rest:02d}"


@register.filter
def euro(cents) -> str:
    return euro_tekst(cents)


@register.filter
def procent(basispunten) -> str:
    if basispunten is None:
        return ""
    heel, rest = divmod(int(basispunten), 100)
    return f"{heel},{rest:02d}%"
