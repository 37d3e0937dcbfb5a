app_name = "financien"

urlpatterns = []
