"""Letter texts built from many templates: per topic several openings, fact paragraphs, requests and
closings, with dates, decision numbers, amounts and place names in the slots.

A `Case` is one matter as the citizen sees it (the facts never change); `write_letter` renders one
letter about it. Writing the same case again with another variant choice gives the rewritten
letters of a duplicate chain; `rewrite` adds the distortions seen in practice: no diacritics, the
decision number written another way, another recipient.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
import unicodedata
from dataclasses import dataclass, field

from .names import person_name
from .places import Place

KINDS = ("complaint", "denunciation", "recommendation", "several")


# --------------------------------------------------------------------------------------------------
# Slots


@dataclass(slots=True)  # not frozen: a frozen dataclass is built several times slower
class Decision:
    number: int
    year: int
    agency: str  # "UBND", "STNMT", …
    kind: str  # "QĐ", "TB", "CV"
    signed: dt.date

    def canonical(self) -> str:
        return self.variant(0)

    def variant(self, index: int) -> str:
        """The decision as citizens actually write it: 0 is the canonical form, 1–5 the rewritings of
        duplicate chains. Only the one asked for is built (this runs for every letter)."""
        d = self.signed
        word = DECISION_WORDS[self.kind]
        if index == 0:
            return f"{word} số {self.number}/{self.kind}-{self.agency} ngày {d.day}/{d.month}/{d.year}"
        if index == 1:
            return f"{self.kind} {self.number}/{self.kind}-{self.agency} ngày {d.day:02d}/{d.month:02d}/{d.year}"
        if index == 2:
            return f"{word} số {self.number}/{self.kind}-{self.agency} ngày {d.day} tháng {d.month} năm {d.year}"
        if index == 3:
            return f"{word.lower()} {self.number}/{self.kind}-{self.agency} ngày {d.day}-{d.month}-{d.year}"
        if index == 4:
            return f"{word} số {self.number}/{self.kind} - {self.agency} ký ngày {d.day:02d}.{d.month:02d}.{d.year}"
        return f"văn bản số {self.number}/{self.kind}-{self.agency} ({d.day}/{d.month}/{d.year})"

    def variants(self) -> tuple[str, ...]:
        """The same decision as citizens actually write it (used by duplicate chains)."""
        return tuple(self.variant(i) for i in range(DECISION_VARIANTS))


DECISION_WORDS = {"QĐ": "Quyết định", "TB": "Thông báo", "CV": "Công văn"}
DECISION_VARIANTS = 6


PROJECTS = ("dự án nâng cấp Quốc lộ {n}", "dự án khu dân cư {w}", "dự án hồ chứa nước {w}",
            "dự án đường tránh thị trấn", "dự án cụm công nghiệp {w}", "dự án khu tái định cư {w}",
            "dự án đường dây 110 kV", "dự án trường trung học cơ sở {w}", "dự án chợ trung tâm {w}",
            "dự án kè chống sạt lở bờ sông {w}")
PLACE_WORDS = ("Bắc Sơn", "Nam Thành", "Đông Hưng", "Tân Phú", "Hòa Bình", "Phú Lợi", "Minh Tân", "An Khánh",
               "Đồng Xuân", "Thanh Bình", "Hưng Thịnh", "Kim Đồng", "Pác Bó", "Nà Giàng")
COMPANIES = ("Công ty TNHH {w}", "Công ty cổ phần xây dựng {w}", "Hợp tác xã {w}", "Công ty TNHH MTV khoáng sản {w}",
             "trang trại chăn nuôi lợn của hộ ông {p}", "cơ sở sản xuất gạch {w}")
TITLES_OFFICIAL = ("Chủ tịch UBND {c}", "Phó Chủ tịch UBND {c}", "cán bộ địa chính {c}", "Trưởng {v}",
                   "công chức tư pháp - hộ tịch {c}", "Bí thư chi bộ {v}", "cán bộ Sở Nông nghiệp và Môi trường",
                   "kế toán {c}", "Trưởng Công an {c}", "công chức văn hóa - xã hội {c}")


AGENCIES = ("UBND", "UBND", "UBND", "STNMT", "SLĐTBXH", "CCTHADS", "TTr")
DECISION_KINDS = ("QĐ", "QĐ", "QĐ", "TB", "CV")
ROAD_NUMBERS = (3, 4, 34, 1, 14, 6, 279)


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


@dataclass(slots=True)  # not frozen: a frozen dataclass is built several times slower
class Case:
    """One matter: what happened, to whom, where. Every letter about it shares these facts."""

    topic: str
    kind: str
    field: str
    petitioner: str
    birth_year: int
    id_number: str
    place: Place
    decision: Decision
    event: dt.date
    amount: int  # đồng
    area_m2: int
    plot: int
    sheet: int
    project: str
    company: str
    official: str
    official_title: str
    years: int
    household_count: int


def _r(rng: random.Random, low: int, high: int) -> int:
    """An int in [low, high): `randrange` is several times slower and this runs millions of times."""
    return low + int(rng.random() * (high - low))


def _c(rng: random.Random, seq):
    """One element of `seq`, uniformly: `rng.choice` is several times slower and this runs millions of times."""
    return seq[int(rng.random() * len(seq))]


def _n(value: int) -> str:
    """1538 -> "1.538" (domain.md §Reports), for ints, fast."""
    return f"{value:,}".replace(",", ".")


def _round_amount(rng: random.Random, low: int, high: int) -> int:
    return _r(rng, low, high) // 100_000 * 100_000


def _company(rng: random.Random) -> str:
    template = COMPANIES[int(rng.random() * len(COMPANIES))]
    owner = person_name(rng, male=True) if "{p}" in template else ""
    return template.format(w=PLACE_WORDS[int(rng.random() * len(PLACE_WORDS))], p=owner)


def make_case(rng: random.Random, topic: Topic, person, place: Place, received: dt.date) -> Case:
    signed = received - dt.timedelta(days=_r(rng, 20, 400))
    w = _c(rng, PLACE_WORDS)
    agency = _c(rng, AGENCIES)
    return Case(
        topic=topic.key,
        kind=topic.kind,
        field=topic.field,
        petitioner=person.full_name,
        birth_year=person.birth_year,
        id_number=person.id_number,
        place=place,
        decision=Decision(_r(rng, 12, 3800), signed.year, agency, _c(rng, DECISION_KINDS),
                          signed),
        event=received - dt.timedelta(days=_r(rng, 10, 900)),
        amount=_round_amount(rng, 15_000_000, 2_400_000_000),
        area_m2=_r(rng, 40, 4800),
        plot=_r(rng, 1, 900),
        sheet=_r(rng, 1, 60),
        project=_c(rng, PROJECTS).format(n=_c(rng, ROAD_NUMBERS), w=w),
        company=_company(rng),
        official=person_name(rng, male=rng.random() < 0.8, province_code=place.province_code),
        official_title=_c(rng, TITLES_OFFICIAL).format(c=_lower_first(place.commune), v=_lower_first(place.village)),
        years=_r(rng, 2, 30),
        household_count=_r(rng, 3, 80),
    )


# --------------------------------------------------------------------------------------------------
# Templates. Placeholders: {name} {by} {cccd} {address} {village} {commune} {province} {decision}
# {event} {amount} {area} {plot} {sheet} {project} {company} {official} {title} {years} {households}


@dataclass(frozen=True)
class Topic:
    key: str
    kind: str
    field: str
    summary: tuple[str, ...]
    facts: tuple[str, ...]
    requests: tuple[str, ...]
    weight: float = 1.0


TOPICS: tuple[Topic, ...] = (
    Topic("land_compensation", "complaint", "land",
          ("Khiếu nại về bồi thường, hỗ trợ khi thu hồi đất thực hiện {project}",
           "Khiếu nại mức bồi thường đất nông nghiệp bị thu hồi tại {village}",
           "Không đồng ý phương án bồi thường, hỗ trợ {project}"),
          ("Gia đình tôi có {area} m² đất nông nghiệp tại thửa đất số {plot}, tờ bản đồ số {sheet}, {village}, "
           "bị thu hồi để thực hiện {project} theo {decision}. Số tiền bồi thường, hỗ trợ được phê duyệt chỉ là "
           "{amount} đồng, thấp hơn nhiều so với giá đất thực tế chuyển nhượng tại địa phương.",
           "Theo {decision}, Nhà nước thu hồi {area} m² đất của gia đình tôi (thửa số {plot}, tờ bản đồ {sheet}) "
           "để làm {project}. Phương án bồi thường chỉ tính {amount} đồng, không tính tài sản trên đất và không "
           "có khoản hỗ trợ chuyển đổi nghề nghiệp, trong khi gia đình tôi đã canh tác ổn định {years} năm.",
           "Ngày {event}, Hội đồng bồi thường {project} công bố phương án kèm theo {decision}. Diện tích {area} m² "
           "đất trồng lúa của gia đình tôi chỉ được bồi thường {amount} đồng; cây trồng và công trình phụ bị bỏ "
           "sót, việc kiểm đếm không có mặt chủ hộ.",
           "Tôi là chủ sử dụng thửa đất số {plot}, tờ bản đồ số {sheet} tại {village}, diện tích {area} m². Khi thu "
           "hồi đất cho {project}, UBND đã áp giá bồi thường không đúng loại đất, tổng số tiền {amount} đồng "
           "được ghi trong {decision} là không thỏa đáng."),
          ("Đề nghị cơ quan có thẩm quyền xem xét lại {decision}, áp giá bồi thường đúng quy định của Luật Đất đai "
           "và bổ sung các khoản hỗ trợ cho gia đình tôi.",
           "Kính đề nghị hủy bỏ phương án bồi thường nêu trên, tổ chức kiểm đếm lại có sự chứng kiến của gia đình "
           "và tính bồi thường theo giá đất cụ thể phù hợp với thị trường.",
           "Tôi khiếu nại {decision} và đề nghị được bồi thường bằng đất tái định cư tại {commune}."),
          2.5),
    Topic("land_certificate", "complaint", "land",
          ("Khiếu nại việc từ chối cấp giấy chứng nhận quyền sử dụng đất",
           "Khiếu nại về việc chậm cấp sổ đỏ cho thửa đất tại {village}"),
          ("Gia đình tôi sử dụng ổn định thửa đất số {plot}, tờ bản đồ số {sheet} tại {village} từ {years} năm nay, "
           "không tranh chấp. Tôi đã nộp hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất nhưng bị trả lời từ "
           "chối bằng {decision} với lý do không có giấy tờ về nguồn gốc đất.",
           "Ngày {event}, tôi nộp hồ sơ cấp giấy chứng nhận cho {area} m² đất ở tại {village}. Quá thời hạn giải "
           "quyết đã lâu, đến khi nhận được {decision} thì hồ sơ bị trả lại mà không nêu rõ căn cứ."),
          ("Đề nghị xem xét lại {decision} và cấp giấy chứng nhận quyền sử dụng đất cho gia đình tôi theo quy định.",
           "Tôi đề nghị thu hồi văn bản từ chối nêu trên và hướng dẫn cụ thể các thủ tục còn thiếu."),
          1.2),
    Topic("sanction", "complaint", "admin_other",
          ("Khiếu nại quyết định xử phạt vi phạm hành chính",
           "Khiếu nại {decision} về xử phạt hành chính"),
          ("Ngày {event}, tôi nhận được {decision} xử phạt vi phạm hành chính với số tiền {amount} đồng về hành vi "
           "xây dựng công trình không phép tại {village}. Công trình của gia đình tôi chỉ là sửa chữa mái nhà cũ, "
           "không thuộc trường hợp phải xin phép.",
           "Theo {decision}, gia đình tôi bị phạt {amount} đồng và buộc tháo dỡ phần công trình {area} m². Việc lập "
           "biên bản không có mặt tôi, không có người làm chứng và không được giải thích quyền khiếu nại."),
          ("Đề nghị hủy {decision} và trả lại số tiền đã nộp phạt.",
           "Kính đề nghị xem xét lại toàn bộ vụ việc, đình chỉ thi hành quyết định xử phạt trong khi chờ giải quyết."),
          0.7),
    Topic("merit_policy", "complaint", "policy",
          ("Khiếu nại về việc không được hưởng chế độ người có công",
           "Khiếu nại việc cắt trợ cấp người có công với cách mạng"),
          ("Bố tôi là thương binh, đã được hưởng trợ cấp {years} năm. Ngày {event}, Sở Lao động - Thương binh và Xã "
           "hội ban hành {decision} dừng trợ cấp với lý do hồ sơ thất lạc, khiến gia đình tôi mất khoản "
           "{amount} đồng tiền truy lĩnh.",
           "Tôi tham gia kháng chiến và bị nhiễm chất độc hóa học, đã nộp đầy đủ hồ sơ từ năm {year_event}. "
           "Đến nay {decision} lại trả lời không đủ điều kiện mà không nêu rõ thiếu giấy tờ gì."),
          ("Đề nghị xem xét lại {decision}, khôi phục chế độ và truy lĩnh trợ cấp cho gia đình tôi.",
           "Kính mong các cấp xác minh lại hồ sơ và giải quyết chế độ theo Pháp lệnh ưu đãi người có công."),
          1.0),
    Topic("merger_regime", "complaint", "policy",
          ("Khiếu nại chế độ nghỉ việc khi sắp xếp đơn vị hành chính",
           "Khiếu nại việc tính chế độ tinh giản biên chế sau sáp nhập xã"),
          ("Tôi là cán bộ không chuyên trách của {commune} với {years} năm công tác. Khi sắp xếp đơn vị hành chính "
           "năm 2025, tôi nghỉ việc theo {decision}, nhưng khoản hỗ trợ chỉ được tính {amount} đồng, không tính đủ "
           "thời gian đóng bảo hiểm xã hội.",
           "Theo {decision}, tôi thuộc diện nghỉ việc do sắp xếp tổ chức bộ máy. Cách tính chế độ của {commune} "
           "bỏ qua {years} năm tôi làm cán bộ thôn, số tiền được nhận {amount} đồng là chưa đúng quy định."),
          ("Đề nghị tính lại chế độ cho tôi theo đúng quy định của Chính phủ về chính sách khi sắp xếp bộ máy.",
           "Kính đề nghị điều chỉnh {decision} và chi trả phần chênh lệch còn thiếu."),
          0.8),
    Topic("official_land_abuse", "denunciation", "land",
          ("Tố cáo {title} {official} lợi dụng chức vụ trong quản lý đất đai",
           "Tố cáo sai phạm trong giao đất, cho thuê đất tại {village}",
           "Tố cáo ông {official} có dấu hiệu vụ lợi khi cấp đất"),
          ("Tôi tố cáo ông (bà) {official}, {title}, đã lợi dụng chức vụ ký giao {area} m² đất công tại "
           "{village} cho người nhà sử dụng trái phép từ {event}. Khu đất này trước đây là đất công ích do xã quản lý.",
           "Khoảng tháng {month_event}/{year_event}, ông {official} ({title}) đã tự ý xác nhận nguồn gốc đất "
           "sai sự thật "
           "để cấp giấy chứng nhận cho {households} hộ, thu của mỗi hộ một khoản tiền, tổng cộng khoảng {amount} đồng.",
           "Nhân dân {village} phản ánh nhiều lần việc {title} {official} chỉ đạo san lấp, phân lô {area} m² đất "
           "nông nghiệp để bán trái phép, nhưng chính quyền không xử lý. Tôi có ảnh chụp và danh sách người mua."),
          ("Đề nghị cơ quan có thẩm quyền xác minh, làm rõ và xử lý nghiêm người vi phạm theo quy định.",
           "Kính đề nghị thu hồi diện tích đất giao sai, xử lý trách nhiệm ông {official} và giữ bí mật danh tính "
           "người tố cáo.",
           "Tôi đề nghị thanh tra toàn bộ việc quản lý đất công tại {commune} trong {years} năm gần đây."),
          1.5),
    Topic("bribery", "denunciation", "admin_other",
          ("Tố cáo cán bộ gây phiền hà, sách nhiễu khi giải quyết thủ tục hành chính",
           "Tố cáo hành vi nhận tiền của người dân khi làm hồ sơ"),
          ("Khi tôi làm thủ tục tại bộ phận một cửa {commune} ngày {event}, {title} {official} yêu cầu nộp thêm "
           "{amount} đồng \"chi phí đi lại\" thì mới nhận hồ sơ, không có biên lai.",
           "Ông {official}, {title}, nhiều lần hẹn đi hẹn lại hồ sơ của gia đình tôi, rồi gợi ý phải \"bồi dưỡng\" "
           "mới giải quyết nhanh. Nhiều hộ khác ở {village} cũng gặp tình trạng tương tự."),
          ("Đề nghị xác minh và xử lý kỷ luật cán bộ nêu trên, trả lại tiền cho người dân.",
           "Kính đề nghị làm rõ, công khai kết quả xử lý để lấy lại niềm tin của Nhân dân."),
          1.0),
    Topic("rural_funds", "denunciation", "party",
          ("Tố cáo đảng viên sai phạm trong sử dụng kinh phí xây dựng nông thôn mới",
           "Tố cáo việc thu, chi sai nguồn đóng góp của Nhân dân tại {village}"),
          ("Ông {official}, {title}, là đảng viên, đã kê khống khối lượng công trình đường bê tông {village}, làm "
           "thất thoát khoảng {amount} đồng vốn Chương trình mục tiêu quốc gia xây dựng nông thôn mới.",
           "Từ năm {year_event}, {title} {official} thu tiền đóng góp của {households} hộ dân để làm nhà văn hóa "
           "{village} nhưng không công khai thu chi; số tiền khoảng {amount} đồng không rõ sử dụng vào việc gì."),
          ("Đề nghị Ủy ban kiểm tra cấp ủy kiểm tra, làm rõ và xử lý kỷ luật đảng viên vi phạm.",
           "Kính đề nghị công khai quyết toán và thu hồi số tiền sử dụng sai mục đích."),
          0.8),
    Topic("sand_mining", "denunciation", "environment",
          ("Tố cáo khai thác cát trái phép, có sự bao che của cán bộ",
           "Tố cáo {company} khai thác khoáng sản trái phép"),
          ("{company} ngày đêm khai thác cát trên sông đoạn qua {village}, gây sạt lở {area} m² đất canh tác của các "
           "hộ dân. Người dân đã báo nhiều lần nhưng {title} {official} không xử lý, có dấu hiệu bao che.",
           "Từ {event}, tại {village} xuất hiện tàu hút cát của {company} hoạt động không có giấy phép. Khi người "
           "dân ngăn cản thì bị đe dọa; chính quyền xã chỉ lập biên bản rồi để đâu vào đấy."),
          ("Đề nghị cơ quan chức năng kiểm tra, đình chỉ ngay hoạt động khai thác và xử lý người bao che.",
           "Kính đề nghị bồi thường thiệt hại cho các hộ bị sạt lở đất và xử lý nghiêm các sai phạm."),
          0.7),
    Topic("road", "recommendation", "admin_other",
          ("Kiến nghị sửa chữa tuyến đường liên thôn xuống cấp",
           "Phản ánh đường giao thông tại {village} hư hỏng nặng",
           "Đề nghị nâng cấp đường vào {village}"),
          ("Tuyến đường từ {village} ra trung tâm {commune} dài khoảng {km} km đã xuống cấp nghiêm trọng, nhiều "
           "ổ gà, mùa mưa lầy lội, học sinh và người dân đi lại rất khó khăn.",
           "Đoạn đường bê tông qua {village} làm từ năm {year_event} nay đã vỡ nát; xe tải chở vật liệu của {project} "
           "đi qua hằng ngày làm hư hỏng thêm, đã xảy ra {households} vụ tai nạn nhỏ.",
           "Cử tri {village} nhiều lần kiến nghị tại các buổi tiếp xúc nhưng tuyến đường vẫn chưa được sửa chữa. "
           "Cầu tạm qua suối bị cuốn trôi từ {event}, {households} hộ dân bị chia cắt."),
          ("Kính đề nghị các cấp bố trí kinh phí sửa chữa, nâng cấp tuyến đường trong năm nay.",
           "Đề nghị yêu cầu đơn vị thi công {project} hoàn trả mặt đường như ban đầu.",
           "Chúng tôi sẵn sàng đóng góp ngày công, mong Nhà nước hỗ trợ xi măng để làm đường."),
          1.6),
    Topic("pollution", "recommendation", "environment",
          ("Phản ánh ô nhiễm môi trường từ {company}",
           "Kiến nghị xử lý ô nhiễm nguồn nước tại {village}"),
          ("{company} ở {village} xả nước thải chưa qua xử lý ra mương tưới tiêu, bốc mùi hôi thối, cá chết hàng "
           "loạt; {households} hộ dân xung quanh bị ảnh hưởng sức khỏe.",
           "Từ {event}, khói bụi và tiếng ồn của {company} hoạt động cả ban đêm làm ảnh hưởng nghiêm trọng đến "
           "sinh hoạt của người dân {village}. Nước giếng của nhiều hộ đã đổi màu."),
          ("Kính đề nghị cơ quan chức năng kiểm tra, lấy mẫu quan trắc và buộc cơ sở khắc phục ô nhiễm.",
           "Đề nghị di dời cơ sở ra khỏi khu dân cư và công khai kết quả kiểm tra cho Nhân dân biết."),
          1.2),
    Topic("flooding", "recommendation", "urban",
          ("Kiến nghị xử lý ngập úng, thoát nước tại {village}",
           "Phản ánh tình trạng lấn chiếm vỉa hè, mương thoát nước"),
          ("Mỗi khi mưa lớn, khu vực {village} ngập sâu 0,5 m do hệ thống thoát nước bị lấp khi thi công {project}; "
           "{households} hộ dân phải kê đồ đạc, tài sản bị hư hỏng.",
           "Một số hộ kinh doanh ở {village} lấn chiếm vỉa hè, đổ phế thải xuống mương thoát nước chung, gây mất "
           "trật tự đô thị và ngập cục bộ. Phản ánh với tổ dân phố nhiều lần nhưng không được xử lý."),
          ("Đề nghị nạo vét, làm lại hệ thống thoát nước trước mùa mưa bão.",
           "Kính đề nghị chính quyền lập lại trật tự đô thị, xử lý các trường hợp lấn chiếm."),
          0.8),
    Topic("allowance_delay", "recommendation", "policy",
          ("Kiến nghị về việc chậm chi trả trợ cấp xã hội",
           "Phản ánh việc chưa được hưởng trợ cấp người cao tuổi"),
          ("Mẹ tôi năm nay {age} tuổi, thuộc diện hưởng trợ cấp xã hội hằng tháng nhưng từ tháng {month_event}/"
           "{year_event} chưa được chi trả, tổng số tiền chậm trả khoảng {amount} đồng.",
           "Gia đình tôi thuộc hộ nghèo ở {village}; hồ sơ đề nghị trợ cấp nộp từ {event} đến nay chưa có kết quả, "
           "cán bộ xã trả lời là đang chờ kinh phí."),
          ("Đề nghị sớm chi trả trợ cấp còn nợ và thông báo rõ lý do chậm trễ.",
           "Kính mong các cấp quan tâm, giải quyết chế độ cho gia đình tôi theo quy định."),
          1.0),
    Topic("judgment_enforcement", "recommendation", "justice",
          ("Kiến nghị về việc chậm thi hành án dân sự",
           "Đề nghị đẩy nhanh thi hành bản án đã có hiệu lực"),
          ("Bản án dân sự phúc thẩm tuyên buộc ông {official} trả cho tôi {amount} đồng đã có hiệu lực pháp luật từ "
           "{event}, nhưng Chi cục Thi hành án dân sự chưa tổ chức thi hành, dù người phải thi hành án có tài sản.",
           "Tôi đã nộp đơn yêu cầu thi hành án từ năm {year_event}; đến nay đã {years} lần làm việc nhưng vụ việc "
           "vẫn chưa được giải quyết, tài sản bảo đảm đang bị tẩu tán."),
          ("Đề nghị cơ quan thi hành án khẩn trương tổ chức thi hành án theo quy định.",
           "Kính đề nghị kê biên tài sản của người phải thi hành án để bảo đảm quyền lợi của tôi."),
          0.6),
    Topic("utilities", "recommendation", "other",
          ("Kiến nghị về điện sinh hoạt và nước sạch tại {village}",
           "Phản ánh trạm y tế, trường học xuống cấp"),
          ("{households} hộ dân ở {village} vẫn chưa có điện lưới quốc gia, phải dùng thủy điện nhỏ tự chế rất nguy "
           "hiểm; công trình nước sạch tập trung xây năm {year_event} đã hỏng từ lâu.",
           "Phòng học điểm trường {village} xuống cấp, mùa mưa dột nát; trạm y tế {commune} thiếu bác sĩ, người "
           "dân phải đi {km} km mới đến bệnh viện."),
          ("Kính đề nghị các cấp quan tâm đầu tư để người dân ổn định cuộc sống.",
           "Đề nghị sửa chữa công trình và bố trí cán bộ phục vụ Nhân dân."),
          0.9),
    Topic("land_dispute_multi", "several", "land",
          ("Khiếu nại và tố cáo liên quan đến tranh chấp đất đai tại {village}",
           "Đơn khiếu nại, tố cáo việc giải quyết tranh chấp đất"),
          ("Gia đình tôi và hộ ông {official} tranh chấp ranh giới thửa đất số {plot}, tờ bản đồ số {sheet}. "
           "{decision} giải quyết tranh chấp không đúng thực tế sử dụng {years} năm của gia đình tôi. Tôi cũng "
           "tố cáo cán bộ địa chính đã sửa hồ sơ địa chính để hợp thức hóa phần đất lấn chiếm {area} m².",
           "Tôi khiếu nại {decision} về giải quyết tranh chấp đất đai, đồng thời tố cáo {title} {official} đã nhận "
           "tiền của bên kia; đề nghị xem xét cả hai nội dung."),
          ("Đề nghị giải quyết dứt điểm tranh chấp và xử lý cán bộ sai phạm.",
           "Kính đề nghị thành lập đoàn xác minh thực địa, đo đạc lại thửa đất."),
          0.6),
)
TOPIC_BY_KEY = {t.key: t for t in TOPICS}
TOPIC_WEIGHTS = tuple(t.weight for t in TOPICS)
_TOPIC_CUM = tuple(itertools.accumulate(TOPIC_WEIGHTS))

TITLES = {
    "complaint": ("ĐƠN KHIẾU NẠI", "ĐƠN KHIẾU NẠI", "ĐƠN KHIẾU NẠI (lần {n})", "Đơn khiếu nại"),
    "denunciation": ("ĐƠN TỐ CÁO", "ĐƠN TỐ GIÁC", "Đơn tố cáo"),
    "recommendation": ("ĐƠN KIẾN NGHỊ", "ĐƠN PHẢN ÁNH", "ĐƠN ĐỀ NGHỊ", "Đơn kiến nghị, phản ánh"),
    "several": ("ĐƠN KHIẾU NẠI, TỐ CÁO", "ĐƠN KHIẾU NẠI VÀ TỐ CÁO"),
}
HEADERS = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n", "",
           "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Độc lập – Tự do – Hạnh phúc\n---oOo---\n")
INTROS = (
    "Tôi tên là {name}, sinh năm {by}, CCCD số {cccd}, trú tại {address}.",
    "Tôi là {name}, sinh năm {by}, số căn cước {cccd}, hiện cư trú tại {address}.",
    "Người làm đơn: {name}. Năm sinh: {by}. Số định danh cá nhân: {cccd}. Địa chỉ: {address}.",
    "Họ và tên tôi là {name} ({by}), thường trú tại {address}; CCCD {cccd}.",
    "Tôi, {name}, sinh năm {by}, địa chỉ: {address}, xin trình bày sự việc như sau:",
    "Tên tôi là {name}, {by}, ở {village}, {commune}.",
)
CONNECTORS = ("Nội dung sự việc như sau:", "Tôi xin trình bày như sau:", "", "Sự việc cụ thể:",
              "Nay tôi làm đơn này trình bày với quý cơ quan:")
CLOSINGS = (
    "Tôi xin cam đoan những nội dung trình bày trên là đúng sự thật và chịu trách nhiệm trước pháp luật.",
    "Rất mong nhận được sự quan tâm, giải quyết của quý cơ quan. Tôi xin chân thành cảm ơn!",
    "Tôi xin chịu trách nhiệm về nội dung đơn. Kính mong quý cấp xem xét giải quyết sớm.",
    "Kèm theo đơn là bản photo các giấy tờ liên quan. Xin trân trọng cảm ơn.",
    "Gia đình tôi tha thiết mong được giải quyết thỏa đáng.",
)
REPEAT_NOTES = ("Đơn này tôi đã gửi ngày {prev}, đến nay chưa được trả lời.",
                "Tôi đã gửi đơn nhiều lần nhưng chưa được xem xét.",
                "Nay tôi tiếp tục gửi đơn đến quý cơ quan vì cấp dưới chưa giải quyết.",
                "Đơn gửi lần {n}.")


@dataclass
class RenderedLetter:
    summary: str
    text: str
    template_key: str
    variant_flags: list[str] = field(default_factory=list)


def _strip_slowly(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", plain.replace("đ", "d").replace("Đ", "D"))


# Every character below U+3000 that loses a mark (Latin with diacritics, "đ", lone combining marks), mapped
# once: `str.translate` then strips a whole letter in C instead of a Python step per character.
_STRIP = {cp: _strip_slowly(chr(cp)) for cp in range(0x80, 0x3000)
          if not 0xD800 <= cp < 0xE000 and _strip_slowly(chr(cp)) != chr(cp)}


def strip_diacritics(text: str) -> str:
    """What a letter typed on a keyboard without Vietnamese input looks like: case kept, marks dropped."""
    if not unicodedata.is_normalized("NFC", text):
        return _strip_slowly(text)
    return text.translate(_STRIP)


def _slots(case: Case, decision_text: str, rng: random.Random) -> dict[str, str]:
    p = case.place
    return {
        "name": case.petitioner, "by": str(case.birth_year), "cccd": case.id_number, "address": p.address,
        "village": p.village, "commune": p.commune, "province": p.province, "decision": decision_text,
        "event": f"{case.event.day}/{case.event.month}/{case.event.year}", "month_event": str(case.event.month),
        "year_event": str(case.event.year), "amount": _n(case.amount), "area": _n(case.area_m2),
        "plot": str(case.plot), "sheet": str(case.sheet), "project": case.project, "company": case.company,
        "official": case.official, "title": case.official_title, "years": str(case.years),
        "households": str(case.household_count), "km": str(2 + case.plot % 14), "age": str(80 + case.sheet % 15),
        "n": "2", "prev": "",
    }


def _fill(template: str, slots: dict[str, str]) -> str:
    text = template.format_map(slots)
    return text[:1].upper() + text[1:]


def write_letter(rng: random.Random, case: Case, recipient: str, *, repeat: int = 0, previous: dt.date | None = None,
                 avoid: str = "", no_diacritics: bool = False, decision_variant: int = 0) -> RenderedLetter:
    """One letter about `case`. `avoid` is a previous template key: a rewrite picks other wording."""
    topic = TOPIC_BY_KEY[case.topic]
    for _attempt in range(8):
        r = rng.random
        choice = (int(r() * len(HEADERS)), int(r() * len(TITLES[case.kind])), int(r() * len(INTROS)),
                  int(r() * len(CONNECTORS)), int(r() * len(topic.facts)), int(r() * len(topic.requests)),
                  int(r() * len(CLOSINGS)), int(r() * len(topic.summary)))
        key = f"{topic.key}:" + ".".join(map(str, choice))
        if key != avoid:
            break
    h, ti, i, c, f, r, cl, s = choice
    slots = _slots(case, case.decision.variant(decision_variant), rng)
    slots["n"] = str(repeat + 1)
    if previous is not None:
        slots["prev"] = f"{previous.day}/{previous.month}/{previous.year}"
    parts = []
    if HEADERS[h]:
        parts.append(HEADERS[h])
    parts.append(TITLES[case.kind][ti].format(n=repeat + 1))
    parts.append(f"Kính gửi: {recipient}")
    parts.append(_fill(INTROS[i], slots))
    if CONNECTORS[c]:
        parts.append(CONNECTORS[c])
    parts.append(_fill(topic.facts[f], slots))
    if repeat:
        note = REPEAT_NOTES[_r(rng, 0 if previous else 1, len(REPEAT_NOTES))]
        parts.append(_fill(note, slots))
    parts.append(_fill(topic.requests[r], slots))
    parts.append(CLOSINGS[cl])
    parts.append(f"Người làm đơn\n{case.petitioner}")
    text = "\n".join(parts)
    summary = _fill(topic.summary[s], slots)
    flags = []
    if no_diacritics:
        text, summary = strip_diacritics(text), strip_diacritics(summary)
        flags.append("no_diacritics")
    if decision_variant:
        flags.append("decision_rewritten")
    return RenderedLetter(summary=summary[:300], text=text, template_key=key, variant_flags=flags)


def summary_for(rng: random.Random, case: Case) -> str:
    """The one-line summary an officer writes in the register (a visit has no letter text)."""
    topic = TOPIC_BY_KEY[case.topic]
    return _fill(topic.summary[int(rng.random() * len(topic.summary))], _slots(case, case.decision.canonical(), rng))


def pick_topic(rng: random.Random) -> Topic:
    return TOPICS[bisect.bisect_right(_TOPIC_CUM, rng.random() * _TOPIC_CUM[-1])]
