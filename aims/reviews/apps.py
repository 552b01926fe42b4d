from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "aims.reviews"
    label = "reviews"
    verbose_name = "Management review"
