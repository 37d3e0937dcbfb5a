app_name = "kwaliteit"

urlpatterns = []
