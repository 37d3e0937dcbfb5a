"""Two batches at the same moment for the same toewijzing (issue 21, item 6).

Each batch runs in its own thread with its own database connection. The test holds a
lock while both start, so that both are inside the pipeline before either may write;
then it lets go. The chain state must be read under the batch's own lock: exactly one
start (or stop) is accepted, the other gets the retour code of a second one.

SQLite: the in-memory test database cannot make a second writer wait (shared cache
answers "table is locked" at once), so the threads work on a file copy of it, as
production does (WAL, ``transaction_mode`` IMMEDIATE, a busy timeout)."""

import sqlite3
import threading
import time

import pytest
from django.db import connection, transaction

from openwmo.berichten import services
from openwmo.berichten.models import Bericht, Levering, Toewijzing
from openwmo.berichten.verwerking import Invoer, verwerk

from . import keten


def _in_thread(pad, werk):
    """``werk()`` in a new thread with its own connection (to the file ``pad`` if given)."""
    fout = []

    def doe():
        try:
            if pad is not None:
                connection.settings_dict = {**connection.settings_dict, "NAME": str(pad)}
            werk()
        except BaseException as e:  # noqa: BLE001 - reported in the test thread
            fout.append(e)
        finally:
            connection.close()

    t = threading.Thread(target=doe)
    t.start()
    return t, fout


def _wacht_op_wachtenden(aantal, uiterlijk=15.0):
    """PostgreSQL: until ``aantal`` other sessions wait for a lock in this database."""
    eind = time.monotonic() + uiterlijk
    while time.monotonic() < eind:
        with connection.cursor() as c:
            c.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
            )
            if c.fetchone()[0] >= aantal:
                return
        time.sleep(0.05)


def _houd_toewijzing_vast(t):
    Toewijzing.objects.select_for_update().get(pk=t.pk)


def _houd_leveringen_vast():
    with connection.cursor() as c:
        c.execute(f'LOCK TABLE "{Levering._meta.db_table}" IN EXCLUSIVE MODE')


def _samen(pad, werken, houd_vast):
    """Run the batches in threads so that they overlap for sure: on PostgreSQL while
    ``houd_vast`` holds a lock until both wait for it, on SQLite (file ``pad``) while
    another connection holds the write lock of the file."""
    if pad is None:
        with transaction.atomic():
            houd_vast()
            threads = [_in_thread(None, werk) for werk in werken]
            _wacht_op_wachtenden(len(werken))
    else:
        blok = sqlite3.connect(pad, isolation_level=None)
        blok.execute("BEGIN IMMEDIATE")
        threads = [_in_thread(pad, werk) for werk in werken]
        time.sleep(1.5)
        blok.execute("ROLLBACK")
        blok.close()
    for thread, fout in threads:
        thread.join(60)
        assert not thread.is_alive()
        assert not fout, fout


@pytest.mark.parametrize(
    ("soort", "tweede"),
    [
        (Levering.Soort.START, "9074"),  # TR074: this start was delivered before
        (Levering.Soort.STOP, "9415"),  # TR415: this start has been stopped for good
    ],
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twee_gelijktijdige_batches_voor_dezelfde_toewijzing(
    soort, tweede, consulent, aanbieder, mariska, tmp_path
):
    """Two starts (305) or two stops (307, through the provider's service) at once."""
    org, user = aanbieder
    t = keten.toewijzing(consulent, org, mariska, categorie="02")
    begin = keten.dagen(-5)
    berichten = [
        keten.bericht_305(
            org.agb_code, mariska.bsn, nummer=t.nummer, categorie="02", begindatum=begin, ident=i
        )
        for i in ("START-A", "START-B")
    ]
    start_id = None
    if soort == Levering.Soort.STOP:
        [r] = verwerk([Invoer(berichten[0], org)])
        assert r.retourcodes == ["0200"]
        start_id = Levering.objects.get().pk
    pad = None
    if connection.vendor == "sqlite":
        pad = tmp_path / "openwmo.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(pad) as kopie:
            connection.connection.backup(kopie)
            kopie.execute("PRAGMA journal_mode=WAL")  # as the settings leave a database
        kopie.close()

    uitkomst = []

    def batch(raw):
        def werk():
            if soort == Levering.Soort.START:
                [r] = verwerk([Invoer(raw, org)])
            else:
                r = services.meld_stop(user, start_id, einddatum=keten.dagen(-1), reden="21")
            uitkomst.append(tuple(r.retourcodes))

        return werk

    # PostgreSQL: hold the toewijzing until both batches wait for a lock
    _samen(pad, [batch(raw) for raw in berichten], lambda: _houd_toewijzing_vast(t))

    assert sorted(uitkomst) == [("0200",), (tweede,)]

    telling = {}

    def tel():
        telling["actief"] = Levering.objects.filter(
            toewijzing_id=t.pk, soort=soort, actief=True
        ).count()
        telling["berichten"] = list(
            Bericht.objects.filter(
                berichttype="WMO305" if soort == Levering.Soort.START else "WMO307"
            ).values_list("status", flat=True)
        )
        telling["toewijzing"] = Toewijzing.objects.values_list("gestart", "gestopt").get(pk=t.pk)

    thread, fout = _in_thread(pad, tel)
    thread.join(60)
    assert not fout, fout
    assert telling["actief"] == 1  # nothing double
    assert sorted(telling["berichten"]) == sorted(
        [Bericht.Status.GEACCEPTEERD, Bericht.Status.AFGEKEURD]
    )
    assert telling["toewijzing"] == (True, soort == Levering.Soort.STOP)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twee_gelijktijdige_taakgerichte_starts_zonder_toewijzing(aanbieder, mariska, tmp_path):
    """Two taakgericht starts (305 without ToewijzingNummer) for the same client and
    product at once: no toewijzing row to lock, so the client's register row keeps them
    apart. PostgreSQL: the test holds the table of leveringen, so both batches read their
    state before either can store a start; without the client lock both would pass."""
    org, _ = aanbieder
    berichten = [
        keten.bericht_305(org.agb_code, mariska.bsn, categorie="06", ident=i)
        for i in ("TAAK-A", "TAAK-B")
    ]
    pad = None
    if connection.vendor == "sqlite":
        pad = tmp_path / "openwmo.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(pad) as kopie:
            connection.connection.backup(kopie)
            kopie.execute("PRAGMA journal_mode=WAL")
        kopie.close()

    uitkomst = []

    def batch(raw):
        def werk():
            [r] = verwerk([Invoer(raw, org)])
            uitkomst.append(tuple(r.retourcodes))

        return werk

    _samen(pad, [batch(raw) for raw in berichten], _houd_leveringen_vast)

    assert sorted(uitkomst) == [("0200",), ("9074",)]  # as a second start one after another

    telling = {}

    def tel():
        telling["actief"] = Levering.objects.filter(
            bsn=mariska.bsn, soort=Levering.Soort.START, actief=True
        ).count()

    thread, fout = _in_thread(pad, tel)
    thread.join(60)
    assert not fout, fout
    assert telling["actief"] == 1
