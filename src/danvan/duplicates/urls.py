from django.urls import path

from danvan.duplicates import views

app_name = "duplicates"
urlpatterns = [
    path("du-thao/", views.suggestions_for_text, name="suggestions_for_text"),
    path("thu/<int:letter_pk>/", views.suggestions_for_letter, name="suggestions_for_letter"),
    path("thu/<int:letter_pk>/cung-vu-viec/<int:candidate_pk>/", views.confirm, name="confirm"),
    path("thu/<int:letter_pk>/khong-trung/<int:candidate_pk>/", views.reject, name="reject"),
]
