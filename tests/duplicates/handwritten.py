"""A hand-written labelled set: 33 letters as citizens write them, about 15 matters.

Each matter is written again the way repeats arrive in practice: reworded, typed without diacritics,
the decision number and the dates written another way, sent to another level. The distractors are
what makes a naive matcher fail: the same petitioner about another matter (B against A), the same
road project and the same kind of decision for a neighbouring household (J against I), the same
commune and field with other facts (D against C), the same boilerplate everywhere.

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
)
