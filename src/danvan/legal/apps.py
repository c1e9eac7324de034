from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "danvan.legal"
    verbose_name = "Thời hạn pháp lý"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from danvan.legal import services
        from danvan.legal.models import HolidayDay, HolidayDecision, LegalReading, RuleOverride

        # Any write to the holiday tables clears the cached calendar and announces `holidays_changed`.
        post_save.connect(services.on_decision_changed, sender=HolidayDecision, dispatch_uid="legal.decision_saved")
        post_save.connect(services.on_day_changed, sender=HolidayDay, dispatch_uid="legal.day_saved")
        post_delete.connect(services.on_day_changed, sender=HolidayDay, dispatch_uid="legal.day_deleted")
        post_save.connect(services.on_rule_changed, sender=RuleOverride, dispatch_uid="legal.rule_saved")
        post_save.connect(services.on_rule_changed, sender=LegalReading, dispatch_uid="legal.reading_saved")
