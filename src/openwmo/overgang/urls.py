app_name = "overgang"

urlpatterns = []
