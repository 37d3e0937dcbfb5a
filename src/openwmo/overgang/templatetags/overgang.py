from django import template

register = template.Library()


@register.filter
def euro(cents) -> str:
    """Integer euro cents as '€ 1.234,56' (Dutch notation)."""
    cents = int(cents or 0)
    teken = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return f"€ {teken}{euros:,}".replace(",", ".") + f",{rest:02d}"


@register.filter
def neg(value) -> int:
    return -int(value or 0)
