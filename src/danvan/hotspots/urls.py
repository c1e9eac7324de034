app_name = "hotspots"
urlpatterns = []
