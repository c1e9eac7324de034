from django.apps import AppConfig
from django.db.models.signals import post_save


class DuplicatesConfig(AppConfig):
    name = "danvan.duplicates"
    verbose_name = "Đơn trùng"

    def ready(self) -> None:
        # Keep each letter's fingerprint in step with the letter, in the same transaction: the letters
        # app is not edited for this; its models' signals are enough (ADR 0009).
        from danvan.duplicates import signals

        post_save.connect(signals.letter_saved, sender="letters.Letter", dispatch_uid="duplicates.letter_saved")
        post_save.connect(signals.petitioner_saved, sender="letters.LetterPetitioner",
                          dispatch_uid="duplicates.petitioner_saved")
        post_save.connect(signals.citizen_saved, sender="people.Citizen", dispatch_uid="duplicates.citizen_saved")
