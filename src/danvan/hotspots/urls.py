from django.urls import path

from danvan.hotspots import views

app_name = "hotspots"

urlpatterns = [
    path("", views.hotspot_list, name="list"),
    path("them/", views.hotspot_create, name="create"),
    path("<int:pk>/", views.hotspot_detail, name="detail"),
    path("<int:pk>/sua/", views.hotspot_edit, name="edit"),
    path("<int:pk>/bien-phap/", views.measure_add, name="measure_add"),
    path("<int:pk>/giai-quyet/", views.hotspot_resolve, name="resolve"),
    path("<int:pk>/tinh-trang/", views.hotspot_status, name="status"),
    path("<int:pk>/lien-ket/", views.hotspot_link, name="link"),
    path("bien-phap/<int:pk>/hoan-thanh/", views.measure_complete, name="measure_complete"),
    path("lien-ket/<int:pk>/bo/", views.link_remove, name="link_remove"),
    path("canh-bao/", views.alert_list, name="alert_list"),
    path("canh-bao/<int:pk>/", views.alert_detail, name="alert_detail"),
    path("canh-bao/<int:pk>/bo-qua/", views.alert_dismiss, name="alert_dismiss"),
    path("canh-bao/<int:pk>/lap-diem-nong/", views.alert_open, name="alert_open"),
    path("ban-do/", views.hotspot_map, name="map"),
    path("bao-cao-tinh-hinh/", views.report_list, name="report_list"),
    path("bao-cao-tinh-hinh/them/", views.report_create, name="report_create"),
    path("bao-cao-tinh-hinh/<int:pk>/", views.report_detail, name="report_detail"),
    path("bao-cao-tinh-hinh/<int:pk>/van-de/", views.report_add_topic, name="report_add_topic"),
    path("van-de/<int:pk>/nang-diem-nong/", views.topic_raise, name="topic_raise"),
]
