from django.urls import path

from danvan.reception import views

app_name = "reception"
urlpatterns = [
    path("", views.session_list, name="session_list"),
    path("buoi-tiep/moi/", views.session_create, name="session_create"),
    path("buoi-tiep/<int:pk>/", views.session_detail, name="session_detail"),
    path("buoi-tiep/<int:pk>/sua/", views.session_edit, name="session_edit"),
    path("buoi-tiep/<int:pk>/luu-tru/", views.session_archive, name="session_archive"),
    path("buoi-tiep/<int:pk>/luot-tiep/", views.visit_create, name="visit_create"),
    path("luot-tiep/<int:pk>/", views.visit_detail, name="visit_detail"),
    path("luot-tiep/<int:pk>/sua/", views.visit_edit, name="visit_edit"),
    path("luot-tiep/<int:pk>/luu-tru/", views.visit_archive, name="visit_archive"),
    path("luot-tiep/<int:pk>/dinh-kem/", views.visit_attach, name="visit_attach"),
    path("tep-luot-tiep/<int:pk>/", views.visit_attachment_download, name="visit_attachment_download"),
    path("doi-chieu-cong-dan/", views.citizen_matches, name="citizen_matches"),
    path("so-tiep-cong-dan/", views.register, name="register"),
]
