"""Wijk shapes for the neighbourhood map, drawn from the postcode coordinates: the convex
hull of a wijk's postcodes, widened a little. Deterministic for the same geography."""

from decimal import Decimal

RAND = 0.0025  # degrees (about 200 metres) around the outer postcodes


def _kruis(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def omhullende(punten: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Convex hull (Andrew's monotone chain), counter-clockwise, without repeating the
    first point."""
    punten = sorted(set(punten))
    if len(punten) <= 2:
        return punten
    onder, boven = [], []
    for p in punten:
        while len(onder) >= 2 and _kruis(onder[-2], onder[-1], p) <= 0:
            onder.pop()
        onder.append(p)
    for p in reversed(punten):
        while len(boven) >= 2 and _kruis(boven[-2], boven[-1], p) <= 0:
            boven.pop()
        boven.append(p)
    return onder[:-1] + boven[:-1]


def _verbreed(punten):
    """Each corner of the square around every point, so the hull has a margin."""
    uit = []
    for x, y in punten:
        for dx in (-RAND, RAND):
            for dy in (-RAND, RAND):
                uit.append((round(x + dx, 6), round(y + dy, 6)))
    return uit


def geojson(wijken: list[tuple[str, str, list[tuple[Decimal, Decimal]]]]) -> dict:
    """wijken: (code, naam, [(lat, lon), ...]) -> GeoJSON FeatureCollection (lon, lat)."""
    features = []
    for code, naam, punten in sorted(wijken):
        if not punten:
            continue
        rand = omhullende(_verbreed([(float(lon), float(lat)) for lat, lon in punten]))
        ring = [[x, y] for x, y in rand] + [[rand[0][0], rand[0][1]]]
        features.append(
            {
                "type": "Feature",
                "properties": {"code": code, "naam": naam},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    return {"type": "FeatureCollection", "features": features}
