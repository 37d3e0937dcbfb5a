"""The gemeente, providers, volunteer organisations and partners; their teams and staff.

Staff and volunteers get log-ins without a usable password. Only the demo log-ins
(one per role) share the documented demo password, hashed once.
"""

import random
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password

from openwmo.accounts.models import Rol, User
from openwmo.organisaties.models import Medewerker, Organisatie, Team

from . import places
from .constants import DEMO_PASSWORD, GEMEENTECODE
from .geography import Geography, WijkPlan
from .names import NamePicker, ascii_slug

Soort = Organisatie.Soort

# The people behind the demo log-ins: username -> (first name, last name, job title).
DEMO_PEOPLE = {
    "vrijwilliger": ("Greet", "Molenaar", "Gastvrouw buurtkamer"),
    "sociaalwerker": ("Sanne", "Dijkhuis", "Sociaal werker"),
    "zorgaanbieder": ("Ruben", "Kalkman", "Persoonlijk begeleider"),
    "consulent": ("Ilse", "Verhoef", "Wmo-consulent"),
    "beleid": ("Martijn", "Schoonhoven", "Beleidsadviseur Wmo en contractmanager"),
    "toezicht": ("Yvonne", "Baldew", "Toezichthouder Wmo en klachtenfunctionaris"),
    "privacy": ("Koen", "Wessels", "Privacyfunctionaris"),
    "beheer": ("Hanneke", "Vos", "Functioneel beheerder"),
    "beheer2": ("Jeroen", "Bakker", "Functioneel beheerder"),
}
GEMEENTE_TEAMS = {
    Rol.WMO_CONSULENT: ("Wmo-consulenten", "Wmo-consulent"),
    Rol.BELEIDSMAKER: ("Beleid en control", "Beleidsadviseur Wmo"),
    Rol.TOEZICHTHOUDER: ("Toezicht en kwaliteit", "Toezichthouder Wmo"),
    Rol.PRIVACY_FUNCTIONARIS: ("Privacy en informatiebeveiliging", "Privacyfunctionaris"),
    Rol.BEHEERDER: ("Functioneel beheer", "Functioneel beheerder"),
}
PROVIDER_TITLES = ["Persoonlijk begeleider", "Begeleider", "Gedragsdeskundige", "Teamcoördinator"]
HH_TITLES = ["Huishoudelijk medewerker", "Planner", "Wijkcoördinator thuishulp"]
SOCIAL_WORKER_TITLES = ["Sociaal werker", "Wijkcoach", "Generalist", "Sociaal werker"]
VOLUNTEER_TITLES = ["Gastvrouw buurtkamer", "Gastheer buurtkamer", "Vrijwilliger", "Maatje"]


@dataclass
class Organisations:
    gemeente: Organisatie
    basis: Organisatie
    aanvullend: list[Organisatie]
    hh: list[Organisatie]
    vrijwilligers: list[Organisatie]
    partners: list[Organisatie]
    wijk_teams: dict[int, Team] = field(default_factory=dict)
    volunteer_teams: dict[int, Team] = field(default_factory=dict)
    provider_teams: dict[int, Team] = field(default_factory=dict)
    gemeente_teams: dict[str, Team] = field(default_factory=dict)

    def agb_codes(self) -> dict[str, list[str]]:
        return {
            "basis": [self.basis.agb_code],
            "aanvullend": [o.agb_code for o in self.aanvullend],
            "hh": [o.agb_code for o in self.hh],
        }


def domain(naam: str) -> str:
    words = [ascii_slug(w) for w in naam.split() if w.lower() not in ("stichting", "&")]
    return "-".join(w for w in words if w) + ".example"


class OrganisationBuilder:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.rows: list[Organisatie] = []
        self.teams: list[Team] = []
        self.agb_used: set[str] = set()

    def organisation(self, naam: str, soort: str, provider: bool = False, kvk: bool = True):
        rng = self.rng
        agb = ""
        while provider and (not agb or agb in self.agb_used):
            agb = f"98{rng.randint(0, 999999):06d}"
        self.agb_used.add(agb)
        row = Organisatie(
            pk=len(self.rows) + 1,
            naam=naam,
            soort=soort,
            agb_code=agb,
            kvk_nummer=f"{rng.randint(10_000_000, 99_999_999)}" if kvk else "",
            gemeentecode=GEMEENTECODE if soort == Soort.GEMEENTE else "",
            email=f"info@{domain(naam)}",
            telefoon=f"0570-{rng.randint(200000, 899999)}",
        )
        self.rows.append(row)
        return row

    def team(self, organisatie: Organisatie, naam: str, wijk: WijkPlan | None = None) -> Team:
        team = Team(
            pk=len(self.teams) + 1,
            organisatie_id=organisatie.pk,
            naam=naam,
            wijk_id=wijk.pk if wijk else None,
        )
        self.teams.append(team)
        return team


def build_organisations(rng: random.Random, geography: Geography) -> Organisations:
    """Create and insert all organisations and teams."""
    b = OrganisationBuilder(rng)
    orgs = Organisations(
        gemeente=b.organisation(places.GEMEENTE_NAAM, Soort.GEMEENTE, kvk=False),
        basis=b.organisation(places.BASIS_PROVIDER, Soort.BASISONDERSTEUNING, provider=True),
        aanvullend=[
            b.organisation(n, Soort.AANVULLEND, provider=True) for n in places.AANVULLEND_PROVIDERS
        ],
        hh=[
            b.organisation(n, Soort.HUISHOUDELIJKE_HULP, provider=True) for n in places.HH_PROVIDERS
        ],
        vrijwilligers=[
            b.organisation(n, Soort.VRIJWILLIGERS) for n in places.VOLUNTEER_ORGANISATIONS
        ],
        partners=[b.organisation(n, Soort.PARTNER) for n in places.PARTNER_ORGANISATIONS],
    )
    for rol, (team_naam, _) in GEMEENTE_TEAMS.items():
        orgs.gemeente_teams[rol] = b.team(orgs.gemeente, team_naam)
    for wijk in geography.wijken:
        orgs.wijk_teams[wijk.pk] = b.team(orgs.basis, f"Wijkteam {wijk.naam}", wijk)
    for wijk in geography.wijken:
        kamer = "Dorpskamer" if wijk.soort == "dorp" else "Buurtkamer"
        orgs.volunteer_teams[wijk.pk] = b.team(orgs.vrijwilligers[0], f"{kamer} {wijk.naam}", wijk)
    for provider in orgs.aanvullend:
        naam = "Dagbesteding" if "Dagwerk" in provider.naam else "Ambulant team"
        orgs.provider_teams[provider.pk] = b.team(provider, naam)
    for provider in orgs.hh:
        orgs.provider_teams[provider.pk] = b.team(provider, "Thuishulp")
    Organisatie.objects.bulk_create(b.rows)
    Team.objects.bulk_create(b.teams)
    return orgs


@dataclass
class StaffMember:
    username: str
    first_name: str
    last_name: str
    rol: str
    organisatie: Organisatie | None
    team: Team | None
    functie: str
    wijken: list[int]
    persoon_id: int | None = None
    demo: bool = False
    is_staff: bool = False
    is_teamleider: bool = False


class StaffBuilder:
    """Collects log-ins first, then writes users, medewerkers and werkgebieden."""

    def __init__(self, rng: random.Random, names: NamePicker, taken_usernames: set[str]):
        self.rng = rng
        self.names = names
        self.taken = set(taken_usernames)
        self.members: list[StaffMember] = []

    def add_demo(self, username, rol, organisatie, team, wijken, **extra) -> None:
        first, last, functie = DEMO_PEOPLE.get(username, ("", "", ""))
        first, last = extra.pop("names", (first, last))
        self.taken.add(username)
        self.members.append(
            StaffMember(
                username, first, last, rol, organisatie, team, functie, wijken, demo=True, **extra
            )
        )

    def add(self, rol, organisatie, team, functie, wijken=()) -> None:
        rng = self.rng
        culture = self.names.culture()
        geslacht = "1" if rng.random() < 0.35 else "2"
        first = self.names.first_name(culture, geslacht, rng.randint(1964, 2001))
        voorvoegsel, achternaam = self.names.surname(self.names.surname_id(culture))
        last = f"{voorvoegsel} {achternaam}".strip()
        base = f"{ascii_slug(first)[:1]}.{ascii_slug(last)}"
        username, number = base, 1
        while username in self.taken:
            number += 1
            username = f"{base}{number}"
        self.taken.add(username)
        self.members.append(
            StaffMember(username, first, last, rol, organisatie, team, functie, list(wijken))
        )

    def save(self, first_pk: int) -> dict[str, int]:
        demo_hash = make_password(DEMO_PASSWORD)
        users, medewerkers, werkgebieden = [], [], []
        for offset, member in enumerate(self.members):
            user = User(
                pk=first_pk + offset,
                username=member.username,
                first_name=member.first_name,
                last_name=member.last_name,
                email=self.email(member),
                rol=member.rol,
                is_active=True,
                is_staff=member.is_staff,
                persoon_id=member.persoon_id,
            )
            if member.demo:
                user.password = demo_hash
            else:
                user.set_unusable_password()
            users.append(user)
            if member.organisatie is not None:
                medewerkers.append(
                    Medewerker(
                        pk=len(medewerkers) + 1,
                        user_id=user.pk,
                        organisatie_id=member.organisatie.pk,
                        team_id=member.team.pk if member.team else None,
                        functie=member.functie,
                        is_teamleider=member.is_teamleider,
                        telefoon=f"06{self.rng.randint(10000000, 99999999)}",
                    )
                )
            werkgebieden += [
                User.wijken.through(user_id=user.pk, wijk_id=wijk_pk) for wijk_pk in member.wijken
            ]
        User.objects.bulk_create(users, batch_size=500)
        Medewerker.objects.bulk_create(medewerkers, batch_size=500)
        User.wijken.through.objects.bulk_create(werkgebieden, batch_size=500)
        return {"gebruikers": len(users), "medewerkers": len(medewerkers)}

    @staticmethod
    def email(member: StaffMember) -> str:
        if member.organisatie is None:
            return f"{member.username}@mail.example"
        return f"{member.username}@{domain(member.organisatie.naam)}"


def build_staff(
    rng: random.Random,
    geography: Geography,
    orgs: Organisations,
    names: NamePicker,
    jelle: tuple[int, str, str],
    first_user_pk: int,
    taken_usernames: set[str],
) -> dict[str, int]:
    """The demo log-ins first, then social workers, provider staff and volunteers."""
    staff = StaffBuilder(rng, names, taken_usernames)
    add_demo_users(staff, geography, orgs, jelle)
    add_municipal_staff(staff, geography, orgs)
    add_social_workers(staff, geography, orgs)
    add_provider_staff(staff, geography, orgs)
    add_volunteers(staff, geography, orgs)
    return staff.save(first_user_pk)


def add_demo_users(staff: StaffBuilder, geography, orgs: Organisations, jelle) -> None:
    first, second = geography.wijken[0], geography.wijken[1]
    gemeente = orgs.gemeente
    jelle_pk, jelle_first, jelle_last = jelle
    staff.add_demo(
        "inwoner", Rol.INWONER, None, None, [], names=(jelle_first, jelle_last), persoon_id=jelle_pk
    )
    staff.add_demo(
        "vrijwilliger",
        Rol.VRIJWILLIGER,
        orgs.vrijwilligers[0],
        orgs.volunteer_teams[first.pk],
        [first.pk],
    )
    staff.add_demo(
        "sociaalwerker",
        Rol.SOCIAAL_WERKER,
        orgs.basis,
        orgs.wijk_teams[first.pk],
        [first.pk, second.pk],
        is_teamleider=True,  # the demo worker also sees the team lead's queues
    )
    provider = orgs.aanvullend[0]
    staff.add_demo(
        "zorgaanbieder", Rol.ZORGAANBIEDER, provider, orgs.provider_teams[provider.pk], []
    )
    for username, rol in (
        ("consulent", Rol.WMO_CONSULENT),
        ("beleid", Rol.BELEIDSMAKER),
        ("toezicht", Rol.TOEZICHTHOUDER),
        ("privacy", Rol.PRIVACY_FUNCTIONARIS),
        ("beheer", Rol.BEHEERDER),
        ("beheer2", Rol.BEHEERDER),  # a second one, so four-eyes approvals can be tried
    ):
        staff.add_demo(
            username,
            rol,
            gemeente,
            orgs.gemeente_teams[rol],
            [],
            is_staff=rol == Rol.BEHEERDER,
        )


def add_municipal_staff(staff: StaffBuilder, geography, orgs: Organisations) -> None:
    residents = geography.residents
    counts = {
        Rol.WMO_CONSULENT: 2 + residents // 15_000,
        Rol.BELEIDSMAKER: 1 + residents // 100_000,
        Rol.TOEZICHTHOUDER: 1 + residents // 250_000,
        Rol.PRIVACY_FUNCTIONARIS: 0 + residents // 250_000,
        Rol.BEHEERDER: 1 + residents // 250_000,
    }
    for rol, count in counts.items():
        team = orgs.gemeente_teams[rol]
        functie = GEMEENTE_TEAMS[rol][1]
        for _ in range(count):
            staff.add(rol, orgs.gemeente, team, functie)


def add_social_workers(staff: StaffBuilder, geography, orgs: Organisations) -> None:
    rng = staff.rng
    for wijk in geography.wijken:
        residents = sum(b.target for b in wijk.buurten)
        count = rng.randint(4, 6) + residents // 4000
        team = orgs.wijk_teams[wijk.pk]
        staff.add(Rol.SOCIAAL_WERKER, orgs.basis, team, "Teamleider", [wijk.pk])
        for index in range(count - 1):
            functie = SOCIAL_WORKER_TITLES[index % len(SOCIAL_WORKER_TITLES)]
            staff.add(Rol.SOCIAAL_WERKER, orgs.basis, team, functie, [wijk.pk])


def add_provider_staff(staff: StaffBuilder, geography, orgs: Organisations) -> None:
    residents = geography.residents
    for provider in orgs.aanvullend:
        for index in range(3 + residents // 25_000):
            functie = PROVIDER_TITLES[index % len(PROVIDER_TITLES)]
            staff.add(Rol.ZORGAANBIEDER, provider, orgs.provider_teams[provider.pk], functie)
    for provider in orgs.hh:
        for index in range(2 + residents // 40_000):
            functie = HH_TITLES[index % len(HH_TITLES)]
            staff.add(Rol.ZORGAANBIEDER, provider, orgs.provider_teams[provider.pk], functie)


def add_volunteers(staff: StaffBuilder, geography, orgs: Organisations) -> None:
    """About five volunteers per buurtkamer, most from the volunteer centre."""
    rng = staff.rng
    for wijk in geography.wijken:
        team = orgs.volunteer_teams[wijk.pk]
        for index in range(rng.randint(3, 5)):
            functie = VOLUNTEER_TITLES[index % 3]
            staff.add(Rol.VRIJWILLIGER, orgs.vrijwilligers[0], team, functie, [wijk.pk])
        other = orgs.vrijwilligers[1 + wijk.number % (len(orgs.vrijwilligers) - 1)]
        staff.add(Rol.VRIJWILLIGER, other, None, VOLUNTEER_TITLES[3], [wijk.pk])
