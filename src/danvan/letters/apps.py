from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "danvan.letters"
    verbose_name = "Đơn thư"

    def ready(self) -> None:
        # Stored deadlines depend on the holiday calendar: recompute the open letters' deadlines when
        # an administrator changes the year's holidays (danvan.legal's `holidays_changed` signal).
        try:
            from danvan.legal.signals import holidays_changed, rules_changed
        except ImportError:
            return
        from danvan.letters.signals import on_holidays_changed, on_rules_changed

        holidays_changed.connect(on_holidays_changed, dispatch_uid="letters.recompute_open_deadlines")
        rules_changed.connect(on_rules_changed, dispatch_uid="letters.recompute_after_rule_change")
