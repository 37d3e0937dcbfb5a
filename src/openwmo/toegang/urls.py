app_name = "toegang"
urlpatterns = []
