app_name = "sturing"

urlpatterns = []
