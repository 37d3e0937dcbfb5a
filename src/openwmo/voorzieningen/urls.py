app_name = "voorzieningen"

urlpatterns = []
