from openwmo.accounts.models import Rol

BELEID = {Rol.BELEIDSMAKER}
# the provider's contract manager; a team lead is a sociaal_werker with is_teamleider
# (the shared fixture's social worker is not one: see test_views for team leads)
OPERATIONEEL = {Rol.ZORGAANBIEDER}

ACCESS = {
    "sturing:index": ("/sturing/", BELEID | OPERATIONEEL, "get"),
    "sturing:strategisch": ("/sturing/strategisch/?jaar=2026", BELEID, "get"),
    "sturing:tactisch": ("/sturing/tactisch/?jaar=2026", BELEID, "get"),
    "sturing:wijken": ("/sturing/wijken/?jaar=2026", BELEID, "get"),
    "sturing:operationeel": ("/sturing/operationeel/", OPERATIONEEL, "get"),
    "sturing:export": ("/sturing/tactisch/export.xlsx?jaar=2026", BELEID, "get"),
    "sturing:bijwerken": ("/sturing/bijwerken/", BELEID, "get"),
    "sturing:raadsrapportage": ("/sturing/raadsrapportage/2026.pdf", BELEID, "get"),
    "sturing:gevallen": ("/sturing/gevallen/wachttijd_mediaan/", OPERATIONEEL, "get"),
    "sturing:indicatoren": ("/sturing/indicatoren/", BELEID, "get"),
    "sturing:indicator": ("/sturing/indicatoren/doelrealisatie/", BELEID, "get"),
    "sturing:enquete": ("/sturing/vragenlijst/{uitnodiging}/", {Rol.INWONER}, "get"),
}


def objecten(users, inwoner):
    from openwmo.sturing.models import Uitnodiging

    u = Uitnodiging.objects.create(persoon=inwoner, aanleiding="evaluatie", bron_id=1)
    return {"uitnodiging": u.pk}
