app_name = "berichten"
urlpatterns = []
