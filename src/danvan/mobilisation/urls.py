from django.urls import path

from danvan.mobilisation import views
from danvan.mobilisation.sections import SECTIONS

app_name = "mobilisation"

# URL prefixes of the sections, in Vietnamese without diacritics.
PREFIXES = {
    "dialogue": "doi-thoai",
    "practice": "dan-van-kheo",
    "session": "tuyen-truyen",
    "course": "boi-duong",
    "briefing": "giao-ban",
    "supervision": "giam-sat",
    "support": "ho-tro",
    "directive": "van-ban-chi-dao",
    "commendation": "khen-thuong",
}

urlpatterns = [
    path("", views.index, name="index"),
    path("van-ban-chi-dao/chua-bao-cao/", views.missing_reviews, name="missing_reviews"),
    path("doi-thoai/cam-ket-qua-han/", views.overdue_commitments, name="overdue_commitments"),
    path("doi-thoai/<int:pk>/y-kien/", views.dialogue_add_opinion, name="dialogue_add_opinion"),
    path("doi-thoai/<int:pk>/cam-ket/", views.dialogue_add_commitment, name="dialogue_add_commitment"),
    path("doi-thoai/<int:pk>/ket-thuc/", views.dialogue_close, name="dialogue_close"),
    path("cam-ket/<int:pk>/hoan-thanh/", views.commitment_complete, name="commitment_complete"),
    path("giao-ban/<int:pk>/nhiem-vu/", views.briefing_add_task, name="briefing_add_task"),
    path("nhiem-vu/<int:pk>/hoan-thanh/", views.task_complete, name="task_complete"),
    path("giam-sat/<int:pk>/kien-nghi/", views.supervision_add_recommendation, name="supervision_add_recommendation"),
    path("kien-nghi/<int:pk>/hoan-thanh/", views.recommendation_complete, name="recommendation_complete"),
    path("dan-van-kheo/<int:pk>/chuyen/<str:step>/", views.practice_transition, name="practice_transition"),
    path("dan-van-kheo/<int:pk>/minh-chung/", views.practice_add_evidence, name="practice_add_evidence"),
    path("minh-chung/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("van-ban-chi-dao/<int:pk>/bao-cao/", views.directive_file_review, name="directive_file_review"),
    path("luu-tru/<str:kind>/<int:pk>/", views.archive_record, name="archive"),
    path("khoi-phuc/<str:kind>/<int:pk>/", views.restore_record, name="restore"),
    path("tuyen-truyen/nhap-nhieu/", views.session_bulk, name="session_bulk"),
    path("tuyen-truyen/nhap-excel/", views.session_import, name="session_import"),
    path("tuyen-truyen/mau-excel/", views.session_template, name="session_template"),
]

for key in SECTIONS:
    prefix = PREFIXES[key]
    urlpatterns += [
        path(f"{prefix}/", views.section_list, {"section": key}, name=f"{key}_list"),
        path(f"{prefix}/them/", views.section_create, {"section": key}, name=f"{key}_create"),
        path(f"{prefix}/<int:pk>/", views.section_detail, {"section": key}, name=f"{key}_detail"),
        path(f"{prefix}/<int:pk>/sua/", views.section_edit, {"section": key}, name=f"{key}_edit"),
    ]
