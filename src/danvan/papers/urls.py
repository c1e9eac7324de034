from django.urls import path

from danvan.papers import pickers, views

app_name = "papers"
urlpatterns = [
    path("so-tiep-cong-dan/", views.reception_register, name="reception_register"),
    path("so-theo-doi-don/", views.letter_register, name="letter_register"),
    path("chon/co-quan-nhan/", pickers.body_picker, name="body_picker"),
    path("giay/<int:pk>/", views.paper_detail, name="paper_detail"),
    path("giay/<int:pk>/word/", views.paper_docx, name="paper_docx"),
    path("giay/<int:pk>/da-gui/", views.paper_sent, name="paper_sent"),
    path("giay/<int:pk>/luu-tru/", views.paper_archive, name="paper_archive"),
    # source: "don" (a letter) or "luot-tiep" (a visit at the reception desk)
    path("<slug:source>/<int:pk>/", views.record_papers, name="record_papers"),
    path("<slug:source>/<int:pk>/lap/<slug:kind>/", views.issue, name="issue"),
]
