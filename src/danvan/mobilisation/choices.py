"""Vocabulary of mobilisation work (domain.md §Mobilisation; QĐ 23-QĐ/TW 2021; "Dân vận khéo")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChairRole(models.TextChoices):
    """Who chaired a dialogue with citizens (QĐ 23-QĐ/TW 2021: heads hold dialogues with the people)."""

    PEOPLES_COMMITTEE_CHAIR = "ubnd_chair", _("Chủ tịch Ủy ban nhân dân")
    PARTY_SECRETARY = "secretary", _("Bí thư cấp ủy")
    PEOPLES_COUNCIL_CHAIR = "hdnd_chair", _("Chủ tịch Hội đồng nhân dân")
    FRONT_CHAIR = "mttq_chair", _("Chủ tịch Ủy ban MTTQ")
    DEPUTY = "deputy", _("Cấp phó được ủy quyền")
    OTHER = "other", _("Khác")


class OpinionHandling(models.TextChoices):
    ANSWERED = "answered", _("Trả lời tại hội nghị")
    TAKEN_AWAY = "taken_away", _("Tiếp thu, nghiên cứu giải quyết sau")


class FollowUpStatus(models.TextChoices):
    """Status of a commitment, a briefing task or a supervision recommendation."""

    OPEN = "open", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")


class PracticeField(models.TextChoices):
    """Fields of "Dân vận khéo" models as the seed reports break them down (domain.md §Mobilisation)."""

    ECONOMY = "economy", _("Kinh tế")
    CULTURE_SOCIETY = "culture", _("Văn hóa - xã hội")
    DEFENCE_SECURITY = "defence", _("Quốc phòng - an ninh")
    POLITICAL_SYSTEM = "political", _("Xây dựng Đảng, hệ thống chính trị")
    NEW_RURAL = "rural", _("Xây dựng nông thôn mới")
    OTHER = "other", _("Khác")


class PracticeHolder(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")


class RecognitionLevel(models.TextChoices):
    COMMUNE = "commune", _("Cấp xã")
    PROVINCE = "province", _("Cấp tỉnh")
    CENTRAL = "central", _("Trung ương")


class PracticeStatus(models.TextChoices):
    REGISTERED = "registered", _("Đăng ký")
    BUILDING = "building", _("Đang xây dựng")
    RECOGNISED = "recognised", _("Được công nhận")
    REPLICATED = "replicated", _("Được nhân rộng")


class SessionKind(models.TextChoices):
    PROPAGANDA = "propaganda", _("Tuyên truyền")
    LEGAL = "legal", _("Phổ biến, giáo dục pháp luật")


class SupportProvider(models.TextChoices):
    ARMY = "army", _("Quân đội")
    POLICE = "police", _("Công an")
    BORDER_GUARD = "border", _("Bộ đội Biên phòng")
    MILITIA = "militia", _("Dân quân tự vệ")
    OTHER = "other", _("Tổ chức, cá nhân khác")


class ReviewKind(models.TextChoices):
    INTERIM = "interim", _("Sơ kết")
    FINAL = "final", _("Tổng kết")


class CommendationKind(models.TextChoices):
    MEDAL = "medal", _('Kỷ niệm chương "Vì sự nghiệp dân vận"')
    CERTIFICATE = "certificate", _("Bằng khen")
    MERIT_PAPER = "merit_paper", _("Giấy khen")
    OTHER = "other", _("Hình thức khác")


class RecipientKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
