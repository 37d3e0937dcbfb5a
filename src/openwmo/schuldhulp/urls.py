app_name = "schuldhulp"

urlpatterns = []
