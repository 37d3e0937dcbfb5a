app_name = "jeugd"

urlpatterns = []
