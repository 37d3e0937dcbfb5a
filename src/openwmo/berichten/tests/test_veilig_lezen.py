"""Hostile input: only UTF-8, no DOCTYPE, nothing loaded, size and depth capped.

A named pipe (FIFO) stands in for the local file an entity names: if the parser opened it,
it would block in open(), and a writer opening the pipe without blocking would find a
reader. Each case must be refused within a second, with the pipe never opened and our
refusing ``Resolver`` never reached (the checks on the raw bytes come first)."""

import os
import threading
import time

import pytest
from lxml import etree

from openwmo.berichten import schema

from .test_codec import REFERENTIE

CODERINGEN = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]


@pytest.fixture
def pijp(tmp_path):
    pad = tmp_path / "geheim"
    os.mkfifo(pad)
    return pad


@pytest.fixture
def resolver_niet_gebruikt():
    voor = schema.GeenExterneBronnen.aanroepen
    yield
    assert schema.GeenExterneBronnen.aanroepen == voor


def geopend(pijp) -> bool:
    """Whether a reader has the pipe open (then it is released with a byte)."""
    try:
        fd = os.open(pijp, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        return False
    os.write(fd, b"x")
    os.close(fd)
    return True


def weigert_snel(raw: bytes, pijp=None, lees=schema.lees) -> str:
    """Read ``raw`` in a thread; it must end within a second, refused, pipe untouched."""
    uitkomst = {}

    def lezen():
        uitkomst["g"] = lees(raw)

    t0 = time.perf_counter()
    draad = threading.Thread(target=lezen, daemon=True)
    draad.start()
    draad.join(1.0)
    duur = time.perf_counter() - t0
    if pijp is not None:
        assert not geopend(pijp), "het bestand uit de entiteit is geopend"
    draad.join(2.0)
    assert duur < 1.0 and "g" in uitkomst, f"niet binnen een seconde geweigerd ({duur:.2f} s)"
    g = uitkomst["g"]
    assert g.definitie is None and g.fouten and g.fouten[0].code == "0001"
    return g.fouten[0].melding


def _xxe(codering: str, soort: str, pijp) -> bytes:
    kop = f'<?xml version="1.0" encoding="{codering.upper()}"?>\n'
    if soort == "parameter-entiteit":
        tekst = f'{kop}<!DOCTYPE x [<!ENTITY % p SYSTEM "file://{pijp}"> %p;]>\n<x/>'
    else:
        tekst = f'{kop}<!DOCTYPE x SYSTEM "file://{pijp}">\n<x/>'
    return tekst.encode(codering)


@pytest.mark.parametrize("soort", ["parameter-entiteit", "externe-dtd"])
@pytest.mark.parametrize("codering", CODERINGEN)
def test_utf16_en_utf32_xxe_worden_geweigerd(codering, soort, pijp, resolver_niet_gebruikt):
    melding = weigert_snel(_xxe(codering, soort, pijp), pijp)
    assert "alleen UTF-8" in melding
    assert str(pijp) not in melding


@pytest.mark.parametrize("codering", ["utf-8", "utf-16", "utf-32"])
def test_billion_laughs_in_elke_codering(codering, resolver_niet_gebruikt):
    lagen = ['<!ENTITY a0 "ha">'] + [
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    tekst = f'<?xml version="1.0" encoding="{codering.upper()}"?>\n'
    tekst += f"<!DOCTYPE x [{''.join(lagen)}]>\n<x>&a9;</x>"
    weigert_snel(tekst.encode(codering))


@pytest.mark.parametrize("codering", ["utf-8", "utf-16"])
def test_entiteit_naar_dev_zero_en_bestand(codering, pijp, resolver_niet_gebruikt):
    for doel in ("/dev/zero", f"file://{pijp}"):
        tekst = f'<?xml version="1.0" encoding="{codering.upper()}"?>\n'
        tekst += f'<!DOCTYPE x [<!ENTITY % p SYSTEM "{doel}"> %p;]>\n<x/>'
        weigert_snel(tekst.encode(codering), pijp)


def test_50_mb_wordt_geweigerd(resolver_niet_gebruikt):
    raw = b"<x>" + b"a" * (50 * 1024 * 1024) + b"</x>"
    assert "groter dan 5 MB" in weigert_snel(raw)


def test_100000_diep_genest_wordt_geweigerd(resolver_niet_gebruikt):
    raw = b"<a>" * 100_000 + b"</a>" * 100_000
    assert len(raw) < schema.MAX_BYTES
    assert "Geen geldige XML" in weigert_snel(raw)


@pytest.mark.parametrize(
    "raw",
    [
        '<?xml version="1.0" encoding="UTF-7"?><x>+AOk-</x>'.encode("utf-7"),
        '<?xml version="1.0" encoding="ISO-8859-1"?><x>Ren\xe9e</x>'.encode("latin-1"),
        '<?xml version="1.0" encoding="windows-1252"?><x>Ren\xe9e</x>'.encode("cp1252"),
        "<x>Ren\xe9e</x>".encode("latin-1"),  # undeclared, not UTF-8
    ],
    ids=["utf-7", "latin-1", "windows-1252", "latin-1-zonder-declaratie"],
)
def test_andere_coderingen_dan_utf8_worden_geweigerd(raw, resolver_niet_gebruikt):
    assert "UTF-8" in weigert_snel(raw)


def test_utf8_met_bom_of_zonder_declaratie_blijft_geldig(resolver_niet_gebruikt):
    raw = (REFERENTIE / "voorbeelden" / "WMO305.xml").read_bytes()
    zonder = raw[raw.index(b"?>") + 2 :]
    for variant in (raw, b"\xef\xbb\xbf" + raw, zonder):
        g = schema.lees(variant)
        assert g.nr == "305" and g.fouten == []


def test_resolver_weigert_als_libxml2_toch_iets_wil_laden(pijp):
    """The safety net under the byte checks: our parser's Resolver refuses a load, so even
    a document that reached libxml2 with an external entity opens nothing."""
    voor = schema.GeenExterneBronnen.aanroepen
    raw = f'<!DOCTYPE x [<!ENTITY % p SYSTEM "file://{pijp}"> %p;]><x/>'.encode()

    def direct(raw):
        try:
            etree.fromstring(raw, schema._parser())
        except (schema.OngeldigeXml, etree.LxmlError) as exc:
            return schema.Gelezen(raw, None, {}, [schema.Fout("", "0001", str(exc))], "")
        return schema.Gelezen(raw, None, {}, [], "")

    assert "niet geladen" in weigert_snel(raw, pijp, lees=direct)
    assert schema.GeenExterneBronnen.aanroepen == voor + 1


def _vervang_tekst(nr: str, element: str, nieuw: str) -> bytes:
    raw = (REFERENTIE / "voorbeelden" / f"WMO{nr}.xml").read_text("utf-8")
    open_ = f"<wmo{nr}:{element}>"
    begin = raw.index(open_) + len(open_)
    eind = raw.index("<", begin)
    return (raw[:begin] + nieuw + raw[eind:]).encode("utf-8")


@pytest.mark.parametrize(
    "nr, element, waarde",
    [
        ("305", "Begindatum", "٢٠٢٥-٠٤-٠٥"),  # Arabic-Indic digits
        ("305", "Begindatum", "２０２５-０４-０５"),  # fullwidth digits
        ("301", "Toewijzingstijd", "١٢:٣٠:٠٠"),
    ],
    ids=["datum-arabisch", "datum-breed", "tijd-arabisch"],
)
def test_cijfers_buiten_ascii_worden_geweigerd(nr, element, waarde):
    raw = _vervang_tekst(nr, element, waarde)
    for lees in (schema.lees, schema.lees_gedetailleerd):
        g = lees(raw)
        assert g.nr == nr and g.fouten, "cijfers buiten ASCII geaccepteerd"
        assert element in g.fouten[0].melding


def test_de_grens_is_een_instelling(settings):
    raw = (REFERENTIE / "voorbeelden" / "WMO305.xml").read_bytes()
    settings.IWMO_MAX_BYTES = len(raw)
    assert schema.lees(raw).fouten == []
    settings.IWMO_MAX_BYTES = len(raw) - 1
    g = schema.lees(raw)
    assert g.definitie is None and f"groter dan {len(raw) - 1} bytes" in g.fouten[0].melding
