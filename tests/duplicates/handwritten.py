"""A hand-written labelled set: 61 letters as citizens write them, 31 matters.

Each matter is written again the way repeats arrive in practice: reworded, typed without diacritics,
the decision number and the dates written another way, sent to another level. The distractors are
what makes a naive matcher fail: the same petitioner about another matter (B against A), the same
road project and the same kind of decision for a neighbouring household (J against I), the same
commune and field with other facts (D against C), the same boilerplate everywhere.

Issue 19 added 28 letters (P to AF), written before the engine was tuned on them and not in the data
generator's style: the same person's boilerplate complaint against another decision of the commune chairman
(Q against P), a group of households and one resident on the same matter (R), two neighbours on one
building and a third matter on the same street (S, T), amounts, times, units and numbers written two ways
(V, W, X, Z, AA), the everyday names of a land-use certificate (X), another plot in the same commune (Y
against X), the same school and the same village on other matters (AB, AC), the same person and street
on another matter (AD against L), a protected denunciation (AE).

`matter` is the label (the ground truth); `org` and `area` name attributes of the `tree` fixture.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan.core.choices import ContentKind as K
from danvan.core.choices import Field as F


@dataclass(frozen=True)
class Written:
    matter: str
    received_on: dt.date
    org: str
    area: str
    kind: str
    field: str
    name: str
    summary: str
    content: str
    id_number: str = ""
    birth_year: int | None = None


D = dt.date

LETTERS: tuple[Written, ...] = (
    # A. Land compensation for a road, Nông Văn Dũng: three letters, the third without diacritics.
    Written("A", D(2024, 6, 3), "ubnd_quang_lam", "quang_lam", K.COMPLAINT, F.LAND_HOUSING, "Nông Văn Dũng",
            "Khiếu nại Quyết định số 125/QĐ-UBND ngày 12/4/2024 về bồi thường khi thu hồi đất",
            "Kính gửi: Ủy ban nhân dân xã Quảng Lâm.\nTôi là Nông Văn Dũng, sinh năm 1968, trú tại xóm Nà Mạ. "
            "Gia đình tôi có 300 m² đất trồng lúa tại thửa số 45, tờ bản đồ số 12 bị thu hồi để làm đường "
            "theo Quyết định số 125/QĐ-UBND ngày 12/4/2024. Số tiền bồi thường 1.230.000.000 đồng thấp hơn "
            "giá thị trường, chưa tính hỗ trợ chuyển đổi nghề. Đề nghị xem xét giải quyết.",
            "004068001234", 1968),
    Written("A", D(2024, 8, 19), "board_cb", "quang_lam", K.COMPLAINT, F.LAND_HOUSING, "Nông Văn Dũng",
            "Khiếu nại lần 2: tiền bồi thường thửa đất số 45 theo QĐ 125/QĐ-UBND",
            "Đồng kính gửi: Ban Tuyên giáo và Dân vận Tỉnh ủy Cao Bằng.\nTên tôi là Nông Văn Dũng (CCCD "
            "004068001234). Ngày 03/6/2024 tôi đã gửi đơn lên xã nhưng chưa được trả lời. QĐ 125/QĐ-UBND ngày "
            "12/04/2024 chỉ bồi thường 1.230.000.000 đ cho 300 m² đất lúa thửa 45 tờ bản đồ 12, không có hỗ "
            "trợ đào tạo chuyển đổi nghề. Kính mong các cấp xem xét.",
            "004068001234", 1968),
    Written("A", D(2025, 1, 6), "ubnd_cb", "quang_lam", K.COMPLAINT, F.LAND_HOUSING, "Nong Van Dung",
            "Don khieu nai ve boi thuong dat lam duong, quyet dinh 125/QD-UBND",
            "Kinh gui UBND tinh Cao Bang. Toi ten la Nong Van Dung, nam sinh 1968, o xom Na Ma xa Quang Lam. "
            "Toi khieu nai quyet dinh so 125/QD-UBND ngay 12 thang 4 nam 2024: dat lua 300 m2 thua so 45 to ban "
            "do so 12 chi duoc boi thuong 1230000000 dong, khong co ho tro chuyen doi nghe. Toi da gui don hai "
            "lan ma chua duoc giai quyet.",
            "004068001234", 1968),
    # B. The same petitioner, another matter: a neighbour's wall on his garden.
    Written("B", D(2024, 9, 9), "ubnd_quang_lam", "quang_lam", K.RECOMMENDATION, F.LAND_HOUSING,
            "Nông Văn Dũng",
            "Phản ánh hộ ông Hoàng Văn Páo xây tường rào lấn sang đất vườn",
            "Kính gửi UBND xã Quảng Lâm. Tôi là Nông Văn Dũng, xóm Nà Mạ. Tháng 8/2024 hộ ông Hoàng Văn Páo "
            "xây tường rào bằng gạch lấn sang đất vườn nhà tôi khoảng 1,2 mét theo chiều dài 18 mét. Tôi đã "
            "báo trưởng xóm nhưng ông Páo không dừng. Đề nghị xã xuống đo đạc, lập biên bản.",
            "004068001234", 1968),
    Written("B", D(2024, 11, 25), "ubnd_quang_lam", "quang_lam", K.RECOMMENDATION, F.LAND_HOUSING,
            "Nông Văn Dũng",
            "Đề nghị giải quyết việc hộ Hoàng Văn Páo xây tường lấn đất vườn",
            "Tôi, Nông Văn Dũng, tiếp tục đề nghị xã giải quyết việc tường rào nhà ông Hoàng Văn Páo lấn "
            "sang vườn nhà tôi 1,2 m, dài 18 m. Từ tháng 9 đến nay cán bộ địa chính chưa xuống đo đạc lại "
            "ranh giới, hai gia đình đã xảy ra cãi vã.",
            "004068001234", 1968),
    # C. Pig farm pollution at Khuổi Khon, Lý Thị Mai.
    Written("C", D(2024, 4, 15), "ubnd_quang_lam", "quang_lam", K.RECOMMENDATION, F.ENVIRONMENT, "Lý Thị Mai",
            "Phản ánh trại lợn của Hợp tác xã Phúc Sen xả thải ra suối Khuổi Khon",
            "Kính gửi: UBND xã Quảng Lâm. Tôi là Lý Thị Mai, thôn Khuổi Khon. Trại lợn khoảng 2.000 con của "
            "Hợp tác xã Phúc Sen xả nước thải chưa qua xử lý ra suối Khuổi Khon, mùi hôi thối cả ngày, 27 hộ "
            "dùng nước suối bị ngứa. Đề nghị kiểm tra, buộc trại lợn xây hầm biogas.", "", 1979),
    Written("C", D(2024, 7, 1), "board_cb", "quang_lam", K.RECOMMENDATION, F.ENVIRONMENT, "Lý Thị Mai",
            "Tiếp tục phản ánh ô nhiễm từ trại lợn Phúc Sen ở Khuổi Khon",
            "Thưa quý cơ quan, tôi Lý Thị Mai ở Khuổi Khon, Quảng Lâm. Đã ba tháng kể từ đơn gửi xã ngày "
            "15/4/2024, trại lợn 2.000 con của HTX Phúc Sen vẫn xả thải ra suối, 27 hộ bị ảnh hưởng nước "
            "sinh hoạt, cá chết trắng suối. Xã chưa có biện pháp nào. Kính đề nghị tỉnh vào cuộc.", "", 1979),
    Written("C", D(2024, 10, 14), "ubnd_cb", "quang_lam", K.RECOMMENDATION, F.ENVIRONMENT, "Ly Thi Mai",
            "Phan anh trai lon HTX Phuc Sen gay o nhiem suoi Khuoi Khon",
            "Toi Ly Thi Mai, thon Khuoi Khon. Trai lon cua hop tac xa Phuc Sen van xa nuoc thai xuong suoi, "
            "27 ho dan khong co nuoc sach, tre em bi benh ngoai da. De nghi dinh chi hoat dong trai lon.",
            "", 1979),
    # D. The same commune and field, other facts: smoke from a brick kiln at Nà Mạ.
    Written("D", D(2024, 5, 20), "ubnd_quang_lam", "quang_lam", K.RECOMMENDATION, F.ENVIRONMENT,
            "Đàm Văn Thắng",
            "Phản ánh lò gạch thủ công Tân Phú gây khói bụi tại xóm Nà Mạ",
            "Kính gửi UBND xã Quảng Lâm. Tôi là Đàm Văn Thắng, xóm Nà Mạ. Lò gạch thủ công Tân Phú đốt than "
            "ban đêm, khói đen bay vào khu dân cư, hoa màu 5 sào ngô của các hộ bị cháy lá. Đề nghị kiểm tra "
            "giấy phép và di dời lò gạch."),
    Written("D", D(2024, 8, 5), "board_cb", "quang_lam", K.RECOMMENDATION, F.ENVIRONMENT, "Đàm Văn Thắng",
            "Lò gạch Tân Phú vẫn hoạt động, khói bụi làm hỏng ngô của dân Nà Mạ",
            "Tôi Đàm Văn Thắng tiếp tục phản ánh: lò gạch Tân Phú ở xóm Nà Mạ vẫn đốt lò ban đêm, khói đen "
            "làm cháy lá 5 sào ngô, người già ho nhiều. Xã hứa di dời nhưng chưa thực hiện."),
    # E. Denunciation (protected): a commune official taking money for land certificates.
    Written("E", D(2024, 3, 11), "ubnd_hoa_an", "hoa_an", K.DENUNCIATION, F.LAND_HOUSING, "Hoàng Văn Tú",
            "Tố cáo cán bộ địa chính xã nhận tiền khi làm giấy chứng nhận quyền sử dụng đất",
            "Kính gửi: UBND huyện. Tôi tố cáo ông Lương Văn Hải, cán bộ địa chính xã Hòa An, đã nhận của gia "
            "đình tôi 15.000.000 đồng ngày 20/01/2024 để làm giấy chứng nhận quyền sử dụng đất thửa số 112, "
            "tờ bản đồ số 7. Đến nay chưa có giấy, ông Hải không trả lại tiền. Nhiều hộ khác cũng bị như vậy.",
            "004071009876", 1971),
    Written("E", D(2024, 6, 24), "board_cb", "hoa_an", K.DENUNCIATION, F.LAND_HOUSING, "Hoàng Văn Tú",
            "Tố cáo ông Lương Văn Hải nhận 15 triệu đồng làm sổ đỏ",
            "Tôi Hoàng Văn Tú, CCCD 004071009876, tố cáo ông Lương Văn Hải (địa chính xã Hòa An) nhận 15 "
            "triệu đồng (15.000.000 đ) ngày 20/1/2024 để làm sổ đỏ cho thửa 112 tờ bản đồ 7 nhưng đến nay "
            "không làm. Đơn đã gửi tháng 3/2024 chưa được xem xét.", "004071009876", 1971),
    Written("E", D(2024, 10, 7), "ubnd_cb", "hoa_an", K.DENUNCIATION, F.LAND_HOUSING, "Hoang Van Tu",
            "To cao can bo dia chinh Luong Van Hai nhan tien lam so do",
            "Toi to cao ong Luong Van Hai, dia chinh xa Hoa An, nhan 15.000.000 dong cua gia dinh toi ngay "
            "20-01-2024 de lam giay chung nhan thua dat so 112 to ban do so 7. Den nay van chua co so do.",
            "004071009876", 1971),
    # F. Policy: a martyr's mother's allowance.
    Written("F", D(2024, 2, 19), "ubnd_hoa_an", "hoa_an", K.RECOMMENDATION, F.POLICY, "Đàm Thị Hoa",
            "Đề nghị giải quyết chế độ thân nhân liệt sĩ Đàm Văn Hùng",
            "Kính gửi UBND xã Hòa An. Tôi là Đàm Thị Hoa, sinh năm 1952, mẹ của liệt sĩ Đàm Văn Hùng hy sinh "
            "năm 1984 tại mặt trận Vị Xuyên. Hồ sơ đề nghị trợ cấp thờ cúng liệt sĩ nộp từ tháng 5/2019 đến "
            "nay chưa được giải quyết. Kính đề nghị xem xét.", "", 1952),
    Written("F", D(2024, 9, 2), "board_cb", "hoa_an", K.RECOMMENDATION, F.POLICY, "Dam Thi Hoa",
            "De nghi xem xet tro cap tho cung liet si Dam Van Hung",
            "Toi Dam Thi Hoa, 1952, me liet si Dam Van Hung (hy sinh nam 1984 o Vi Xuyen). Ho so tro cap tho "
            "cung nop tu thang 5 nam 2019, da 5 nam chua co ket qua. Toi tuoi cao, mong duoc giai quyet som.",
            "", 1952),
    # G. Policy, the same commune: allowance when the commune was merged.
    Written("G", D(2024, 3, 4), "ubnd_hoa_an", "hoa_an", K.COMPLAINT, F.POLICY, "Triệu Văn Sơn",
            "Khiếu nại chế độ nghỉ việc khi sáp nhập xã theo Nghị định 29/2023/NĐ-CP",
            "Tôi là Triệu Văn Sơn, nguyên Phó Chủ tịch Hội Nông dân xã. Khi sáp nhập xã, tôi nghỉ việc theo "
            "Nghị định 29/2023/NĐ-CP nhưng chỉ được tính 8 năm công tác thay vì 14 năm có đóng bảo hiểm xã "
            "hội. Đề nghị tính lại trợ cấp.", "004065003333", 1965),
    Written("G", D(2024, 7, 22), "board_cb", "hoa_an", K.COMPLAINT, F.POLICY, "Triệu Văn Sơn",
            "Khiếu nại việc tính thời gian công tác khi nghỉ việc do sáp nhập xã",
            "Kính gửi Ban Dân vận Tỉnh ủy. Tôi Triệu Văn Sơn, CCCD 004065003333, nguyên Phó Chủ tịch Hội Nông "
            "dân xã Hòa An, nghỉ theo Nghị định số 29/2023/NĐ-CP. Xã chỉ tính 8 năm, trong khi sổ bảo hiểm ghi "
            "14 năm đóng bảo hiểm. Đơn gửi xã tháng 3 chưa được trả lời.", "004065003333", 1965),
    # H. A boundary dispute between neighbours at Hòa An.
    Written("H", D(2024, 4, 8), "ubnd_hoa_an", "hoa_an", K.RECOMMENDATION, F.LAND_HOUSING, "Bế Văn Lâm",
            "Đề nghị hòa giải tranh chấp ranh giới thửa đất số 78 với hộ Nông Văn Quý",
            "Kính gửi UBND xã Hòa An. Tôi Bế Văn Lâm, thôn Nà Lòa. Hộ ông Nông Văn Quý trồng cây lấn sang thửa "
            "đất số 78, tờ bản đồ số 5 của gia đình tôi đã được cấp giấy chứng nhận năm 2009. Đề nghị xã tổ "
            "chức hòa giải, xác định lại mốc giới."),
    Written("H", D(2024, 8, 12), "ubnd_hoa_an", "hoa_an", K.RECOMMENDATION, F.LAND_HOUSING, "Bế Văn Lâm",
            "Hòa giải không thành, đề nghị xã giải quyết tranh chấp thửa 78 tờ bản đồ 5",
            "Tôi Bế Văn Lâm, Nà Lòa. Buổi hòa giải ngày 10/6/2024 với ông Nông Văn Quý không thành. Ông Quý vẫn "
            "chiếm phần đất thửa 78 tờ 5 của gia đình tôi. Đề nghị UBND xã giải quyết theo thẩm quyền."),
    # I. Road QL34, Lục Thị Nga's household; J. the same road, Mã Văn Cường's household.
    Written("I", D(2024, 1, 15), "ubnd_cb", "hoa_an", K.COMPLAINT, F.LAND_HOUSING, "Lục Thị Nga",
            "Khiếu nại Quyết định số 2207/QĐ-UBND về thu hồi đất làm Quốc lộ 34",
            "Kính gửi UBND tỉnh Cao Bằng. Tôi Lục Thị Nga, thôn Bó Bủn, xã Hòa An. Quyết định số "
            "2207/QĐ-UBND ngày 05/9/2023 thu hồi 820 m² đất ở và đất vườn của gia đình tôi để nâng cấp Quốc lộ "
            "34, nhưng chỉ bồi thường theo giá đất vườn 650.000.000 đồng. Đề nghị bồi thường theo giá đất ở.",
            "004080004567", 1980),
    Written("I", D(2024, 5, 27), "board_cb", "hoa_an", K.COMPLAINT, F.LAND_HOUSING, "Lục Thị Nga",
            "Khiếu nại tiếp về bồi thường 820 m² đất theo QĐ 2207/QĐ-UBND",
            "Tôi Lục Thị Nga (CCCD 004080004567) ở Bó Bủn. QĐ 2207/QĐ-UBND ký ngày 05.09.2023 về dự án Quốc lộ "
            "34 bồi thường 650 triệu cho 820 m², tính cả đất ở là đất vườn. Tôi đã khiếu nại lên tỉnh từ "
            "tháng 1/2024.", "004080004567", 1980),
    Written("J", D(2024, 2, 26), "ubnd_cb", "hoa_an", K.COMPLAINT, F.LAND_HOUSING, "Mã Văn Cường",
            "Khiếu nại Quyết định số 2210/QĐ-UBND về bồi thường dự án Quốc lộ 34",
            "Kính gửi UBND tỉnh Cao Bằng. Tôi là Mã Văn Cường, thôn Bó Bủn, xã Hòa An. Quyết định số "
            "2210/QĐ-UBND ngày 05/9/2023 thu hồi 410 m² đất nông nghiệp và chuồng trại của gia đình tôi cho dự "
            "án nâng cấp Quốc lộ 34, không bồi thường chuồng trại và cây ăn quả. Đề nghị kiểm kê lại.",
            "004077007777", 1977),
    Written("J", D(2024, 6, 10), "board_cb", "hoa_an", K.COMPLAINT, F.LAND_HOUSING, "Mã Văn Cường",
            "Đề nghị kiểm kê lại chuồng trại, cây ăn quả bị thu hồi theo QĐ 2210/QĐ-UBND",
            "Tôi Mã Văn Cường ở Bó Bủn, xã Hòa An. Theo QĐ 2210/QĐ-UBND ngày 5/9/2023, 410 m² đất nông nghiệp "
            "bị thu hồi nhưng chuồng trại và 35 cây nhãn không được kiểm kê, bồi thường. Tôi đã gửi đơn lên "
            "tỉnh tháng 2/2024.", "004077007777", 1977),
    # K. An inter-village road, Nông Thị Thu.
    Written("K", D(2024, 3, 18), "ubnd_quang_lam", "quang_lam", K.RECOMMENDATION, F.ADMINISTRATIVE_OTHER,
            "Nông Thị Thu",
            "Kiến nghị sửa đường liên thôn Khuổi Khon – Nà Mạ bị sạt lở",
            "Kính gửi UBND xã Quảng Lâm. Đoạn đường liên thôn Khuổi Khon – Nà Mạ dài 2,5 km bị sạt lở sau mưa "
            "lũ tháng 9/2023, xe máy không đi được, học sinh phải lội bộ. Thay mặt 40 hộ, tôi Nông Thị Thu "
            "kiến nghị xã sớm sửa chữa."),
    Written("K", D(2024, 9, 16), "board_cb", "quang_lam", K.RECOMMENDATION, F.ADMINISTRATIVE_OTHER,
            "Nong Thi Thu",
            "Kien nghi sua duong lien thon Khuoi Khon Na Ma",
            "Toi Nong Thi Thu thay mat 40 ho dan kien nghi sua doan duong 2,5 km tu Khuoi Khon di Na Ma bi sat "
            "lo tu mua lu thang 9 nam 2023. Da mot nam xa chua sua, hoc sinh di hoc rat vat va."),
    # L. Hà Nội: karaoke noise in Hàng Bạc; M. Hà Nội, another matter.
    Written("L", D(2024, 5, 6), "ubnd_hoan_kiem", "hoan_kiem", K.RECOMMENDATION, F.URBAN_ORDER,
            "Phạm Minh Tuấn",
            "Phản ánh quán karaoke số 47 phố Hàng Bạc gây ồn sau 23 giờ",
            "Kính gửi UBND phường. Tôi Phạm Minh Tuấn, số 45 phố Hàng Bạc. Quán karaoke tại số 47 Hàng Bạc "
            "hát đến 2 giờ sáng, vượt tiếng ồn cho phép, các hộ xung quanh không ngủ được. Đề nghị kiểm tra, "
            "xử phạt."),
    Written("L", D(2024, 7, 15), "board_hn", "hoan_kiem", K.RECOMMENDATION, F.URBAN_ORDER, "Phạm Minh Tuấn",
            "Quán karaoke 47 Hàng Bạc tiếp tục gây ồn ban đêm",
            "Tôi Phạm Minh Tuấn (45 Hàng Bạc) đã phản ánh lên phường ngày 06/5/2024 về quán karaoke số 47 Hàng "
            "Bạc hát quá 23 giờ. Phường có kiểm tra một lần nhưng quán vẫn mở đến 1–2 giờ sáng."),
    Written("M", D(2024, 8, 26), "ubnd_hoan_kiem", "hoan_kiem", K.RECOMMENDATION, F.URBAN_ORDER,
            "Trần Thị Hạnh",
            "Phản ánh hàng quán lấn chiếm vỉa hè phố Hàng Bạc",
            "Tôi Trần Thị Hạnh, số 12 Hàng Bạc. Các quán ăn từ số 20 đến số 36 Hàng Bạc bày bàn ghế kín vỉa "
            "hè, người đi bộ phải xuống lòng đường. Đề nghị phường lập lại trật tự."),
    # N. Unpaid social insurance.
    Written("N", D(2024, 4, 1), "ubnd_hoa_an", "hoa_an", K.COMPLAINT, F.POLICY, "Vi Thị Lan",
            "Công ty TNHH May Hòa Phát nợ đóng bảo hiểm xã hội cho công nhân",
            "Kính gửi UBND xã Hòa An. Tôi Vi Thị Lan, công nhân Công ty TNHH May Hòa Phát. Công ty trừ tiền "
            "bảo hiểm vào lương nhưng không đóng cho Bảo hiểm xã hội từ tháng 6/2022, 132 công nhân không "
            "được hưởng chế độ thai sản. Đề nghị can thiệp.", "", 1990),
    Written("N", D(2024, 8, 19), "board_cb", "hoa_an", K.COMPLAINT, F.POLICY, "Vi Thi Lan",
            "Cong ty May Hoa Phat no bao hiem xa hoi cua 132 cong nhan",
            "Toi Vi Thi Lan tiep tuc phan anh Cong ty TNHH May Hoa Phat khong dong bao hiem xa hoi tu thang 6 "
            "nam 2022 du da tru vao luong, 132 cong nhan bi anh huong, nhieu chi em khong duoc huong thai san.",
            "", 1990),
    # O. Letters about nothing written before.
    Written("O1", D(2024, 6, 17), "ubnd_quang_lam", "quang_lam", K.RECOMMENDATION, F.POLICY, "Hoàng Thị Dung",
            "Đề nghị xét hộ nghèo cho gia đình có người khuyết tật",
            "Kính gửi UBND xã Quảng Lâm. Tôi Hoàng Thị Dung, thôn Khuổi Khon, chồng bị tai nạn lao động mất "
            "sức 81%, hai con nhỏ. Năm 2024 gia đình không được xét hộ nghèo. Đề nghị xã rà soát lại."),
    Written("O2", D(2024, 10, 21), "ubnd_hoa_an", "hoa_an", K.DENUNCIATION, F.PARTY_MASS, "Nông Văn Khánh",
            "Tố cáo Bí thư chi bộ thôn Nà Lòa sử dụng quỹ thôn sai mục đích",
            "Tôi tố cáo ông Bí thư chi bộ thôn Nà Lòa dùng 48.500.000 đồng quỹ xây nhà văn hóa thôn để mua xe "
            "máy cá nhân, không công khai thu chi với bà con.", "004062002222", 1962),
    Written("O3", D(2024, 11, 4), "board_hn", "hoan_kiem", K.COMPLAINT, F.JUSTICE, "Đỗ Quang Vinh",
            "Khiếu nại việc chậm thi hành bản án dân sự số 58/2022/DS-ST",
            "Tôi Đỗ Quang Vinh khiếu nại Chi cục Thi hành án dân sự chậm thi hành Bản án số 58/2022/DS-ST ngày "
            "14/7/2022, người phải thi hành án còn nợ tôi 320.000.000 đồng.", "079070005555", 1970),
    # P. Hà Văn Khu against a fine (decision 45); Q. the same man, the same words, against another decision (61).
    Written("P", D(2024, 4, 22), "ubnd_quang_lam", "quang_lam", K.COMPLAINT, F.LAND_HOUSING, "Hà Văn Khu",
            "Khiếu nại Quyết định số 45/QĐ-UBND ngày 10/3/2024 của Chủ tịch UBND xã",
            "Kính gửi Chủ tịch Ủy ban nhân dân xã Quảng Lâm. Tôi là Hà Văn Khu, xóm Nà Mạ. Tôi không đồng ý với "
            "Quyết định số 45/QĐ-UBND ngày 10/3/2024 của Chủ tịch UBND xã xử phạt tôi 7.500.000 đồng vì dựng lán "
            "chứa phân bón trên đất vườn của gia đình. Lán dựng tạm bằng tre, không phải công trình xây dựng. Đề "
            "nghị Chủ tịch UBND xã xem xét hủy bỏ quyết định trên."),
    Written("P", D(2024, 7, 8), "board_cb", "quang_lam", K.COMPLAINT, F.LAND_HOUSING, "Hà Văn Khu",
            "Lán tre chứa phân bị phạt 7,5 triệu - khiếu nại lần hai",
            "Gửi các đồng chí ở Ban. Tôi Hà Văn Khu, Nà Mạ, Quảng Lâm. Cái lán tre để phân bón trong vườn nhà "
            "tôi mà xã phạt tận 7 triệu 500 nghìn theo QĐ 45/QĐ-UBND. Tôi đã khiếu nại từ tháng tư mà hơn hai "
            "tháng rồi chưa ai trả lời. Lán tạm thì sao gọi là xây dựng trái phép được?"),
    Written("Q", D(2024, 9, 30), "ubnd_quang_lam", "quang_lam", K.COMPLAINT, F.LAND_HOUSING, "Hà Văn Khu",
            "Khiếu nại Quyết định số 61/QĐ-UBND ngày 22/8/2024 của Chủ tịch UBND xã",
            "Kính gửi Chủ tịch Ủy ban nhân dân xã Quảng Lâm. Tôi là Hà Văn Khu, xóm Nà Mạ. Tôi không đồng ý với "
            "Quyết định số 61/QĐ-UBND ngày 22/8/2024 của Chủ tịch UBND xã buộc tôi tháo dỡ ki-ốt bán tạp hóa ở "
            "đầu cầu Nà Mạ. Ki-ốt đặt trên phần đất gia đình tôi đã sử dụng ổn định từ năm 1998. Đề nghị Chủ "
            "tịch UBND xã xem xét hủy bỏ quyết định trên."),
    Written("Q", D(2024, 11, 11), "board_cb", "quang_lam", K.COMPLAINT, F.LAND_HOUSING, "Ha Van Khu",
            "Ki ot dau cau Na Ma bi buoc thao do",
            "Toi Ha Van Khu o Na Ma. Xa ra QD 61/QD-UBND bat toi do ki ot tap hoa o dau cau, trong khi dat do "
            "nha toi dung tu 1998, co nguoi lam chung. Toi da co don gui xa cuoi thang 9 nhung chua duoc tra loi."),
    # R. A culvert filled in by the road works: eighteen households, then one of them.
    Written("R", D(2024, 6, 17), "ubnd_quang_lam", "quang_lam", K.RECOMMENDATION, F.ADMINISTRATIVE_OTHER,
            "Lưu Văn Cao",
            "18 hộ xóm Nà Mạ đề nghị khơi thông cống thủy lợi bị lấp",
            "Chúng tôi gồm 18 hộ dân xóm Nà Mạ, do ông Lưu Văn Cao làm đại diện, kiến nghị: khi thi công nền "
            "đường vào xóm, đơn vị thi công đã đổ đất lấp mất cống thủy lợi dẫn nước vào cánh đồng Pác Rằng. "
            "Mưa to ngày 02/6/2024 nước không thoát, khoảng 3 ha lúa mới cấy bị ngập úng. Đề nghị xã yêu cầu "
            "đơn vị thi công khơi thông cống, bồi thường thiệt hại."),
    Written("R", D(2024, 8, 26), "board_cb", "quang_lam", K.RECOMMENDATION, F.ADMINISTRATIVE_OTHER,
            "Lưu Thị Bích",
            "Ruộng Pác Rằng vẫn ngập vì cống bị lấp",
            "Tôi là Lưu Thị Bích, nhà ở xóm Nà Mạ. Ruộng nhà tôi ở cánh đồng Pác Rằng cùng ruộng nhiều hộ khác "
            "bị ngập từ đầu tháng 6 vì cái cống thủy lợi bị đổ đất lấp lúc làm đường. Bà con đã làm đơn gửi xã "
            "mà đến giờ cống vẫn chưa được khơi, lúa chết gần hết."),
    # S. A building on Hàng Buồm adding floors without a permit, by two neighbours; T. the same street, smoke.
    Written("S", D(2024, 3, 25), "ubnd_hoan_kiem", "hoan_kiem", K.RECOMMENDATION, F.URBAN_ORDER,
            "Trịnh Văn Lộc",
            "Phản ánh nhà số 18 Hàng Buồm xây thêm tầng không phép",
            "Kính gửi UBND phường Hoàn Kiếm. Tôi Trịnh Văn Lộc, nhà số 20 phố Hàng Buồm. Nhà số 18 Hàng Buồm đang "
            "xây thêm tầng 5 và tầng 6, không treo biển giấy phép xây dựng, làm tường nhà tôi nứt dài khoảng 2m. "
            "Đề nghị phường kiểm tra, đình chỉ thi công."),
    Written("S", D(2024, 5, 13), "board_hn", "hoan_kiem", K.RECOMMENDATION, F.URBAN_ORDER, "Ngô Thị Hằng",
            "Công trình 18 Hàng Buồm cơi nới, làm nứt nhà bên cạnh",
            "Tôi là Ngô Thị Hằng ở số 16 Hàng Buồm. Công trình ở số 18 cơi nới lên 6 tầng mà không có giấy phép, "
            "đêm vẫn đổ bê tông, tường nhà tôi và nhà số 20 đều bị nứt. Phường đã xuống lập biên bản nhưng họ "
            "vẫn xây tiếp."),
    Written("T", D(2024, 6, 3), "ubnd_hoan_kiem", "hoan_kiem", K.RECOMMENDATION, F.URBAN_ORDER, "Đinh Quang Hải",
            "Quán nướng số 22 Hàng Buồm gây khói trên vỉa hè",
            "Tôi Đinh Quang Hải, số 24 Hàng Buồm. Quán nướng ở số 22 Hàng Buồm đặt bếp than ngay trên vỉa hè từ "
            "17h đến 23h, khói bay vào nhà dân, khách ngồi kín lối đi. Đề nghị phường nhắc nhở, xử lý."),
    # V. Unpaid wages: amounts, months in words and digits.
    Written("V", D(2024, 5, 20), "ubnd_hoa_an", "hoa_an", K.COMPLAINT, F.POLICY, "Sầm Văn Tới",
            "Công ty TNHH Xây dựng Hưng Thịnh nợ lương công nhân 4 tháng",
            "Kính gửi UBND xã Hòa An. Tôi Sầm Văn Tới cùng 35 công nhân làm cho Công ty TNHH Xây dựng Hưng "
            "Thịnh ở công trình trường mầm non Hòa An. Công ty nợ lương chúng tôi 4 tháng, mỗi người khoảng "
            "24.000.000 đồng, tổng 840.000.000 đồng. Giám đốc hẹn nhiều lần không trả."),
    Written("V", D(2024, 7, 29), "board_cb", "hoa_an", K.COMPLAINT, F.POLICY, "Sầm Văn Tới",
            "Cty Hưng Thịnh vẫn chưa trả 840 triệu tiền lương",
            "Tôi Sầm Văn Tới đại diện anh em công nhân xin phản ánh: đã sáu tháng Cty Hưng Thịnh chưa trả lương "
            "(trước đây bốn tháng, nay thêm hai tháng), riêng bốn tháng đầu là 840 triệu, mỗi người 24 triệu. "
            "Xã đã mời công ty lên làm việc nhưng không có kết quả."),
    # W. A sawmill running at night: times written two ways.
    Written("W", D(2024, 2, 5), "ubnd_hoa_an", "hoa_an", K.RECOMMENDATION, F.ENVIRONMENT, "Tạ Thị Xuân",
            "Xưởng cưa gỗ thôn Bó Bủn chạy máy đến 22 giờ",
            "Tôi Tạ Thị Xuân, thôn Bó Bủn. Xưởng cưa xẻ gỗ của ông Mông Văn Piu cạnh nhà tôi chạy máy cưa từ 5 "
            "giờ sáng đến 22 giờ đêm, tiếng ồn và mùn cưa bay khắp xóm, cháu nhỏ không ngủ được."),
    Written("W", D(2024, 4, 15), "ubnd_hoa_an", "hoa_an", K.RECOMMENDATION, F.ENVIRONMENT, "Ta Thi Xuan",
            "xuong go ong Piu o Bo Bun van chay may toi 22h",
            "toi da phan anh tu thang 2 ve xuong xe go cua ong Mong Van Piu o Bo Bun chay may cua tu 5h sang toi "
            "22h dem. Den nay van vay, mun cua bay vao nha, tieng may ram ram ca ngay."),
    # X. A land-use certificate not issued; Y. the same commune, the same complaint, another plot.
    Written("X", D(2024, 3, 4), "ubnd_hoa_an", "hoa_an", K.RECOMMENDATION, F.LAND_HOUSING, "Nông Văn Pảo",
            "Đề nghị cấp giấy chứng nhận quyền sử dụng đất thửa số 210",
            "Kính gửi UBND xã Hòa An. Tôi Nông Văn Pảo, thôn Nà Lòa. Tháng 6/2023 tôi nộp hồ sơ đề nghị cấp giấy "
            "chứng nhận quyền sử dụng đất cho thửa đất số 210, tờ bản đồ số 9, diện tích 450m2 (đất ở 150m2). Đã "
            "quá hạn nhiều tháng nhưng chưa được cấp, cán bộ địa chính bảo còn chờ."),
    Written("X", D(2024, 8, 19), "board_cb", "hoa_an", K.RECOMMENDATION, F.LAND_HOUSING, "Nông Văn Pảo",
            "Hơn một năm chưa được cấp sổ đỏ",
            "Tôi Nông Văn Pảo (Nà Lòa, Hòa An) nộp hồ sơ làm sổ đỏ cho mảnh đất 450 m2, thửa 210 tờ 9 từ tháng "
            "6 năm ngoái, đến nay đã hơn một năm vẫn chưa có sổ. Tôi đã hỏi nhiều lần, đề nghị cấp trên đôn đốc."),
    Written("Y", D(2024, 9, 9), "ubnd_hoa_an", "hoa_an", K.RECOMMENDATION, F.LAND_HOUSING, "Hoàng Thị Mỷ",
            "Đề nghị cấp giấy chứng nhận quyền sử dụng đất thửa số 233",
            "Kính gửi UBND xã Hòa An. Tôi Hoàng Thị Mỷ, thôn Nà Lòa. Năm 2023 tôi nộp hồ sơ đề nghị cấp giấy "
            "chứng nhận quyền sử dụng đất cho thửa đất số 233, tờ bản đồ số 9, diện tích 380m2. Đã quá hạn mà "
            "chưa được cấp, cán bộ địa chính bảo còn chờ đo đạc."),
    # Z. Compensation for two sào of rice: "đền bù" and "bồi thường", amounts two ways.
    Written("Z", D(2024, 5, 6), "ubnd_quang_lam", "quang_lam", K.COMPLAINT, F.LAND_HOUSING, "Bế Thị Lả",
            "Tiền đền bù 2 sào ruộng làm trạm biến áp quá thấp",
            "Tôi Bế Thị Lả, thôn Khuổi Khon. Nhà tôi bị lấy 2 sào ruộng (720 m2) để xây trạm biến áp 110kV, chỉ "
            "được đền bù 85 triệu đồng, không bằng một nửa giá ruộng ở thôn. Đề nghị xem xét lại giá đền bù."),
    Written("Z", D(2024, 8, 12), "ubnd_cb", "quang_lam", K.COMPLAINT, F.LAND_HOUSING, "Bế Thị Lả",
            "Khiếu nại mức bồi thường khi thu hồi đất xây trạm biến áp 110 kV",
            "Kính gửi UBND tỉnh. Diện tích 720m2 đất lúa của gia đình tôi ở Khuổi Khon, Quảng Lâm bị thu hồi để "
            "xây trạm biến áp 110 kV với số tiền bồi thường 85.000.000 đồng. Tôi đã có đơn gửi xã tháng 5 nhưng "
            "chưa được giải quyết."),
    # AA. Overcharging at a school: one parent, then the parents of a class; AB. the same school, another matter.
    Written("AA", D(2024, 10, 7), "ubnd_hoa_an", "hoa_an", K.RECOMMENDATION, F.ADMINISTRATIVE_OTHER,
            "Vy Văn Thuận",
            "Trường THCS Hòa An thu các khoản ngoài quy định",
            "Tôi Vy Văn Thuận, phụ huynh em Vy Thị Na lớp 8A Trường THCS Hòa An. Đầu năm học nhà trường thu mỗi "
            "học sinh 1.200.000 đồng gồm tiền máy điều hòa, quỹ khuyến học, tiền trông xe. Nhiều gia đình khó "
            "khăn không đóng nổi. Đề nghị kiểm tra."),
    Written("AA", D(2024, 11, 4), "board_cb", "hoa_an", K.RECOMMENDATION, F.ADMINISTRATIVE_OTHER, "Lục Văn Sáng",
            "Phụ huynh lớp 8A phản ánh lạm thu ở trường THCS Hòa An",
            "Chúng tôi là phụ huynh học sinh lớp 8A trường THCS Hòa An. Năm học này trường thu của mỗi em 1,2 "
            "triệu, trong đó có tiền lắp điều hòa và quỹ khuyến học, không có văn bản nào. Một phụ huynh đã "
            "phản ánh lên xã từ tháng 10 nhưng trường vẫn thu."),
    Written("AB", D(2024, 11, 18), "ubnd_hoa_an", "hoa_an", K.RECOMMENDATION, F.ADMINISTRATIVE_OTHER,
            "Đàm Thị Nhung",
            "Giáo viên trường THCS Hòa An đánh học sinh",
            "Tôi là Đàm Thị Nhung, mẹ em Đàm Văn Hiếu lớp 7B trường THCS Hòa An. Ngày 12/11/2024 thầy dạy thể "
            "dục đánh cháu bằng thước, bầm tím tay. Đề nghị nhà trường và xã xử lý nghiêm."),
    # AC. Power cuts at Khuổi Khon (the same village as K and C, another matter).
    Written("AC", D(2024, 7, 1), "ubnd_quang_lam", "quang_lam", K.RECOMMENDATION, F.ADMINISTRATIVE_OTHER,
            "Triệu Thị Dình",
            "Điện thôn Khuổi Khon chập chờn, mất điện liên tục",
            "Kính gửi UBND xã Quảng Lâm. Từ đầu tháng 6 điện ở thôn Khuổi Khon ngày nào cũng mất 3 - 4 lần, "
            "điện yếu không chạy được máy bơm, tủ lạnh hỏng. Trạm biến áp của thôn quá tải. Đề nghị xã đề nghị "
            "Điện lực nâng cấp trạm."),
    Written("AC", D(2024, 9, 23), "board_cb", "quang_lam", K.RECOMMENDATION, F.ADMINISTRATIVE_OTHER,
            "Trieu Thi Dinh",
            "Dien Khuoi Khon van yeu, mat dien hang ngay",
            "Toi Trieu Thi Dinh o Khuoi Khon. Ba thang nay dien mat lien tuc, dien yeu, may bom khong chay duoc, "
            "tram bien ap qua tai ma dien luc chua nang cap. Da bao xa tu thang 7."),
    # AD. The karaoke neighbour of L, on another matter in the same street.
    Written("AD", D(2024, 10, 14), "ubnd_hoan_kiem", "hoan_kiem", K.RECOMMENDATION, F.URBAN_ORDER,
            "Phạm Minh Tuấn",
            "Nhà số 43 Hàng Bạc để nước mái chảy sang nhà tôi",
            "Kính gửi UBND phường. Tôi Phạm Minh Tuấn, số 45 phố Hàng Bạc. Nhà số 43 Hàng Bạc lắp máng nước mái "
            "đổ thẳng sang tường nhà tôi, mỗi lần mưa tường thấm, bong tróc. Tôi đã nói nhưng họ không sửa. Đề "
            "nghị phường hòa giải."),
    # AE. Protected denunciation: a commune policeman asking for money, written twice.
    Written("AE", D(2024, 4, 29), "ubnd_hoa_an", "hoa_an", K.DENUNCIATION, F.JUSTICE, "Lý Văn Chiến",
            "Tố cáo công an xã đòi tiền khi đăng ký xe máy",
            "Tôi tố cáo ông Nông Đức Mạnh, công an xã Hòa An, khi tôi đến làm thủ tục đăng ký chiếc xe máy Honda "
            "biển 11B1-456.78 ngày 15/4/2024 đã đòi tôi 2.000.000 đồng mới làm nhanh.", "004085006789", 1985),
    Written("AE", D(2024, 7, 22), "board_cb", "hoa_an", K.DENUNCIATION, F.JUSTICE, "Lý Văn Chiến",
            "Tố cáo ông Nông Đức Mạnh nhận 2 triệu khi đăng ký xe",
            "Tôi Lý Văn Chiến, CCCD 004085006789, tiếp tục tố cáo ông Nông Đức Mạnh (công an xã Hòa An) đòi "
            "2 triệu đồng ngày 15/4/2024 khi đăng ký xe máy cho tôi. Đơn gửi xã tháng 4 chưa được xem xét.",
            "004085006789", 1985),
    # AF. Letters about nothing written before.
    Written("AF1", D(2024, 6, 24), "ubnd_quang_lam", "quang_lam", K.RECOMMENDATION, F.POLICY, "Mã Thị Sen",
            "Xin hỗ trợ làm nhà cho hộ nghèo",
            "Nhà tôi ở Khuổi Khon là nhà tạm, mái dột, tường đất sắp sập. Tôi là hộ nghèo, chồng mất, nuôi 3 con. "
            "Xin xã xem xét hỗ trợ làm nhà theo chương trình xóa nhà tạm."),
    Written("AF2", D(2024, 12, 2), "board_hn", "hoan_kiem", K.RECOMMENDATION, F.URBAN_ORDER, "Lê Thu Trang",
            "Đề nghị lắp đèn chiếu sáng ngõ Hàng Bạc",
            "Ngõ 36 Hàng Bạc không có đèn chiếu sáng, tối đi lại nguy hiểm, đã có người bị giật túi. Đề nghị phường "
            "lắp đèn."),
)
