from django.urls import path

from danvan.letters import views

app_name = "letters"
urlpatterns = [
    path("", views.letter_list, name="letter_list"),
    path("xuat-excel/", views.export, name="export"),
    path("tiep-nhan/", views.letter_create, name="letter_create"),
    path("tu-luot-tiep/<int:visit_pk>/", views.letter_from_visit, name="letter_from_visit"),
    path("doi-chieu-nguoi-viet-don/", views.petitioner_matches, name="petitioner_matches"),
    path("thong-ke/", views.statistics, name="statistics"),
    path("<int:pk>/", views.letter_detail, name="letter_detail"),
    path("<int:pk>/xu-ly/<slug:action>/", views.letter_action, name="letter_action"),
    path("tep/<int:pk>/", views.attachment_download, name="attachment_download"),
]
