from django.urls import path

from aims.eu_ai_act import views

app_name = "eu_ai_act"

urlpatterns = [
    path("", views.classification_list, name="classification_list"),
    path("systems/<int:pk>/", views.system_result, name="system_result"),
    path("systems/<int:pk>/classify/", views.system_classify, name="system_classify"),
    path(
        "systems/<int:pk>/classifications/<int:classification>/",
        views.classification_detail,
        name="classification_detail",
    ),
]
