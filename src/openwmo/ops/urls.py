app_name = "ops"

urlpatterns = []
