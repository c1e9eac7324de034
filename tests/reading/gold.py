"""The gold set: report paragraphs written by hand in the styles units really use (Party committees'
Ban Dân vận, People's Committees, Mặt trận, communes and provinces), every figure labelled.

Not produced by danvan's narrative writer: styles vary on purpose (verb before or after the figure,
brackets, lists, approximations, numbers in words, zero padding, comparisons with "cùng kỳ") and the
paragraphs carry distractors that are not figures (years, dates, decision and article numbers,
durations, section numbers, money the catalogue does not hold).

A label is G(indicator code, value, approx, comparison, key, previous):
- value: the number as stated (45 nghìn → 45000, 96,5% → 96.5); for a comparison, the change's size;
- approx: "gần", "trên", "hơn", "khoảng" or "";
- comparison: None for a value of the period; the signed change for "tăng/giảm … so với cùng kỳ"; 0 for
  "bằng cùng kỳ";
- key: the breakdown key (mô hình "Dân vận khéo" by field, đơn thư by field);
- previous: True for a value of the same period last year ("cùng kỳ đạt 75,9%").
Numbers in a paragraph that are not labelled must not be read as figures.
"""

from __future__ import annotations

from typing import NamedTuple


class G(NamedTuple):
    indicator: str
    value: float
    approx: str = ""
    comparison: float | None = None
    key: str = ""
    previous: bool = False


GOLD: list[tuple[str, list[G]]] = [
    # 1 — the issue's own example (Ban Dân vận huyện, 2019)
    ("Năm 2019, đã tiếp 63 lượt công dân (41 vụ việc), giảm 12 lượt (7 vụ việc) so với cùng kỳ; đã giải quyết "
     "35/41 vụ việc, đạt 85,4%.",
     [G("TCD_LUOT", 63), G("TCD_VUVIEC", 41), G("TCD_LUOT", 12, comparison=-12), G("TCD_VUVIEC", 7, comparison=-7),
      G("DT_GIAIQUYET", 35), G("DT_PHAIGQ", 41), G("DT_TYLE_GQ", 85.4)]),
    # 2
    ("Tổ chức 24 cuộc đối thoại với 2.105 lượt người tham gia, tiếp nhận 318 lượt ý kiến, kiến nghị của Nhân dân.",
     [G("DTH_CUOC", 24), G("DTH_NGUOI", 2105), G("DTH_YKIEN", 318)]),
    # 3 — list by field
    ("Toàn tỉnh có 72 mô hình “Dân vận khéo” (kinh tế 25, văn hóa - xã hội 30, quốc phòng - an ninh 9, "
     "xây dựng Đảng 8).",
     [G("MH_DANGKY", 72), G("MH_DANGKY", 25, key="economy"), G("MH_DANGKY", 30, key="culture"),
      G("MH_DANGKY", 9, key="defence"), G("MH_DANGKY", 8, key="political")]),
    # 4 — approximations, province propaganda
    ("Thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư, các cấp đã tổ chức hơn 250 buổi tuyên truyền "
     "với gần 9.000 lượt người dự.",
     [G("TT_BUOI", 250, approx="hơn"), G("TT_NGUOI", 9000, approx="gần")]),
    # 5 — thousands in words
    ("Qua đó đã bồi dưỡng, tập huấn nghiệp vụ công tác dân vận cho trên 45 nghìn lượt người.",
     [G("TH_NGUOI", 45000, approx="trên")]),
    # 6 — numbers in words, zero padding
    ("Trong quý, Ủy ban nhân dân xã tiếp 04 đoàn đông người với 37 người, tăng hai đoàn so với cùng kỳ.",
     # the 37 persons came in groups: not the persons received, so not a figure of the catalogue
     [G("TCD_DOAN", 4), G("TCD_DOAN", 2, comparison=2)]),
    # 7 — letters, increase
    ("Tiếp nhận 156 đơn thư các loại, tăng 9 đơn so với cùng kỳ năm 2023; trong đó 121 đơn đủ điều kiện xử lý.",
     [G("DT_NHAN", 156), G("DT_NHAN", 9, comparison=9), G("DT_DUDK", 121)]),
    # 8 — same as last year
    ("Số cuộc giám sát là 6 cuộc, bằng cùng kỳ.",
     [G("GS_CUOC", 6), G("GS_CUOC", 0, comparison=0)]),
    # 9 — distractors only
    ("Thực hiện Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị về ban hành Quy chế công tác dân vận của hệ "
     "thống chính trị, sau 10 năm thực hiện Chỉ thị số 49-CT/TW, nhận thức của cấp ủy đã có chuyển biến rõ nét.",
     []),
    # 10 — rate, State style
    ("Đã giải quyết 31/38 vụ việc thuộc thẩm quyền, đạt 81,6%; số còn lại đang tiếp tục xác minh.",
     [G("DT_GIAIQUYET", 31), G("DT_PHAIGQ", 38), G("DT_TYLE_GQ", 81.6)]),
    # 11 — commendations
    ("Dịp tổng kết, Ban Thường vụ Huyện ủy khen thưởng 32 tập thể, cá nhân có thành tích xuất sắc trong phong trào "
     "thi đua “Dân vận khéo” giai đoạn 2016 - 2020.",
     [G("KT_SO", 32)]),
    # 12 — Kỷ niệm chương
    ("Đề nghị Ban Dân vận Trung ương tặng Kỷ niệm chương “Vì sự nghiệp Dân vận” cho 15 đồng chí.",
     [G("KNC_SO", 15)]),
    # 13 — briefings
    ("Duy trì giao ban công tác dân vận định kỳ, trong năm tổ chức 12 cuộc giao ban khối dân vận.",
     [G("GB_CUOC", 12)]),
    # 14 — models recognised
    ("Qua bình xét, Ban Chỉ đạo đã công nhận 18 mô hình “Dân vận khéo” tiêu biểu cấp huyện.",
     [G("MH_CONGNHAN", 18)]),
    # 15 — reception, figure after the noun
    ("Công tác tiếp công dân: lãnh đạo Đảng ủy, UBND xã đã tiếp công dân định kỳ theo quy định, số lượt tiếp là "
     "28 lượt, số người được tiếp là 31 người.",
     [G("TCD_LUOT", 28), G("TCD_NGUOI", 31)]),
    # 16 — letters transferred, duplicates
    ("Đã chuyển 14 đơn đến cơ quan có thẩm quyền giải quyết; lưu 6 đơn trùng lặp, nặc danh.",
     [G("DT_CHUYEN", 14), G("DT_TRUNG", 6)]),
    # 17 — letters within jurisdiction, accepted
    ("Trong số đơn đủ điều kiện xử lý có 47 đơn thuộc thẩm quyền; đã thụ lý 45 đơn, giải quyết đúng hạn 40/45 đơn, "
     "đạt 88,9%.",
     [G("DT_THAMQUYEN", 47), G("DT_THULY", 45), G("DT_DUNGHAN", 40), G("DT_GIAIQUYET", 45),
      G("DT_TYLE_DUNGHAN", 88.9)]),
    # 18 — pressing issues
    ("Phối hợp nắm tình hình, tham mưu giải quyết dứt điểm 7 vấn đề bức xúc, nổi cộm ở cơ sở.",
     [G("VDBX_SO", 7)]),
    # 19 — armed forces
    ("Lực lượng vũ trang tỉnh đã huy động trên 3.500 lượt cán bộ, chiến sĩ giúp Nhân dân khắc phục hậu quả bão số 3, "
     "hỗ trợ kinh phí 150 triệu đồng.",
     # (the money joined the labels with the support indicators, issue 20's last bullet)
     [G("LLVT_LUOT", 3500, approx="trên"), G("HT_TIEN", 150_000_000)]),
    # 20 — dialogue decrease, Party style
    ("Cấp ủy, người đứng đầu cấp ủy, chính quyền các cấp tổ chức 18 cuộc đối thoại trực tiếp với Nhân dân, giảm 3 "
     "cuộc so với cùng kỳ.",
     [G("DTH_CUOC", 18), G("DTH_CUOC", 3, comparison=-3)]),
    # 21 — commitments
    ("Sau đối thoại, chính quyền đã cam kết giải quyết 26 việc, đến nay đã giải quyết xong 20 việc.",
     [G("DTH_CAMKET", 26)]),
    # 22 — 6 tháng, reception with words
    ("6 tháng đầu năm 2024, Thường trực Đảng ủy phường tiếp ba lượt công dân, giải quyết dứt điểm cả ba vụ việc.",
     [G("TCD_LUOT", 3)]),
    # 23 — province letters, thousand separators
    ("Năm 2022, các cơ quan trong tỉnh tiếp nhận 1.184 đơn, giảm 216 đơn so với năm 2021.",
     [G("DT_NHAN", 1184), G("DT_NHAN", 216, comparison=-216)]),
    # 24 — millions of people reached
    ("Các hình thức tuyên truyền phong phú, đã tổ chức 1.240 buổi tuyên truyền, thu hút trên 1,5 triệu lượt người "
     "tham dự.",
     [G("TT_BUOI", 1240), G("TT_NGUOI", 1500000, approx="trên")]),
    # 25 — list with colons and units, after a comparison
    ("Các cơ quan, đơn vị đăng ký 54 mô hình “Dân vận khéo”, tăng 6 mô hình so với cùng kỳ (kinh tế: 20 mô hình; "
     "văn hóa - xã hội: 18 mô hình; xây dựng nông thôn mới: 16 mô hình).",
     [G("MH_DANGKY", 54), G("MH_DANGKY", 6, comparison=6), G("MH_DANGKY", 20, key="economy"),
      G("MH_DANGKY", 18, key="culture"), G("MH_DANGKY", 16, key="rural")]),
    # 26 — distractors: articles, law numbers, section number
    ("2. Thực hiện Điều 15 Luật Tiếp công dân năm 2013 và Nghị định số 64/2014/NĐ-CP, từ ngày 01/01/2024 đến "
     "ngày 30/6/2024 Chủ tịch UBND huyện tiếp công dân 12 buổi định kỳ.",
     []),
    # 27 — reception compared, same
    ("Quý III năm 2025, Ban Tiếp công dân tỉnh tiếp 86 lượt công dân (54 vụ việc), bằng cùng kỳ.",
     [G("TCD_LUOT", 86), G("TCD_VUVIEC", 54), G("TCD_LUOT", 0, comparison=0), G("TCD_VUVIEC", 0, comparison=0)]),
    # 28 — approximate letters, commune
    ("Cả năm, xã tiếp nhận gần 40 đơn kiến nghị, phản ánh, chủ yếu liên quan đến đất đai.",
     [G("DT_NHAN", 40, approx="gần")]),
    # 29 — previous rate
    ("Tỷ lệ giải quyết đơn thuộc thẩm quyền đạt 92,3%; cùng kỳ đạt 87,5%.",
     [G("DT_TYLE_GQ", 92.3), G("DT_TYLE_GQ", 87.5, previous=True)]),
    # 30 — training with numbers in words and years
    ("Phối hợp Trường Chính trị tỉnh mở hai lớp tập huấn cho 320 lượt cán bộ làm công tác dân vận năm 2023.",
     [G("TH_NGUOI", 320)]),
    # 31 — mixed: large groups decrease
    ("Có 5 đoàn đông người đến trụ sở tiếp công dân, giảm 2 đoàn so với cùng kỳ, không có đoàn nào vượt cấp.",
     [G("TCD_DOAN", 5), G("TCD_DOAN", 2, comparison=-2)]),
    # 32 — propaganda sessions in words
    ("Mặt trận và các đoàn thể tổ chức mười buổi tuyên truyền pháp luật về đất đai cho đoàn viên, hội viên.",
     [G("TT_BUOI", 10)]),
    # 33 — persons received
    ("Tổng số người được tiếp trong kỳ là 1.012 người; số vụ việc là 604 vụ việc.",
     [G("TCD_NGUOI", 1012), G("TCD_VUVIEC", 604)]),
    # 34 — supervision, comparison increase
    ("Ban Dân vận chủ trì giám sát 9 cuộc, tăng 1 cuộc so với cùng kỳ, tập trung vào thực hiện Quy chế dân chủ ở "
     "cơ sở.",
     [G("GS_CUOC", 9), G("GS_CUOC", 1, comparison=1)]),
    # 35 — unknown figures stay unknown: percent increase, households, money
    ("Thu nhập bình quân đầu người đạt 62 triệu đồng, tăng 8,5% so với năm trước; 214 hộ thoát nghèo.",
     []),
    # 36 — models by field with words
    ("Phường có 12 mô hình “Dân vận khéo”, trong đó lĩnh vực kinh tế 5 mô hình, văn hóa - xã hội 4 mô hình, "
     "quốc phòng - an ninh 3 mô hình.",
     [G("MH_DANGKY", 12), G("MH_DANGKY", 5, key="economy"), G("MH_DANGKY", 4, key="culture"),
      G("MH_DANGKY", 3, key="defence")]),
    # 37 — letters resolved, title-style header in sentence
    ("Về giải quyết đơn thư: đã giải quyết 128/140 đơn thuộc thẩm quyền, đạt 91,4%, tăng 4 đơn so với cùng kỳ.",
     [G("DT_GIAIQUYET", 128), G("DT_PHAIGQ", 140), G("DT_TYLE_GQ", 91.4), G("DT_GIAIQUYET", 4, comparison=4)]),
    # 38 — dialogue participants approximate
    ("Các cuộc đối thoại thu hút hơn 1.600 lượt người tham dự với 245 ý kiến phát biểu.",
     [G("DTH_NGUOI", 1600, approx="hơn"), G("DTH_YKIEN", 245)]),
    # 39 — armed forces, Party style, with days of work (labelled once the catalogue held them)
    ("Bộ Chỉ huy Quân sự tỉnh phối hợp tổ chức cho 850 lượt cán bộ, chiến sĩ tham gia giúp dân 4.200 ngày công.",
     [G("LLVT_LUOT", 850), G("HT_NGAYCONG", 4200)]),
    # 40 — Kỷ niệm chương, decree distractor
    ("Năm 2024 có 27 đồng chí được tặng Kỷ niệm chương “Vì sự nghiệp Dân vận” theo Quyết định số 1208-QĐ/BDVTW.",
     [G("KNC_SO", 27)]),
    # 41 — reception by the chairman, two numbers in one sentence with "lượt người"
    ("Đồng chí Bí thư Huyện ủy tiếp công dân định kỳ 12 kỳ, tiếp 47 lượt công dân, tăng 5 lượt so với cùng kỳ.",
     [G("TCD_LUOT", 47), G("TCD_LUOT", 5, comparison=5)]),
    # 42 — letters by field: the catalogue does not break "Số đơn tiếp nhận" down (its `disaggregation` is
    # empty, so an entered value by field could not be stored): the list is not figures of the catalogue, and the
    # reader lists it as not understood. (Relabelled after the first measurement: the first labels assumed a
    # breakdown the catalogue does not have.)
    ("Tiếp nhận 230 đơn (đất đai, nhà ở 140 đơn; chế độ, chính sách 52 đơn; tư pháp 38 đơn).",
     [G("DT_NHAN", 230)]),
    # 43 — dialogue, pressing issues approx
    ("Thông qua đối thoại đã giải quyết được gần 30 vấn đề bức xúc của Nhân dân.",
     [G("VDBX_SO", 30, approx="gần")]),
    # 44 — commune, 9 tháng, training
    ("9 tháng năm 2025, Đảng ủy xã tổ chức 03 hội nghị tập huấn cho 215 lượt người là cán bộ chi bộ, trưởng thôn.",
     [G("TH_NGUOI", 215)]),
    # 45 — qualifying letters, words
    ("Số đơn đủ điều kiện xử lý là 88 đơn, chiếm 73,3% tổng số đơn.",
     [G("DT_DUDK", 88)]),
    # 46 — duration and ordinal distractors
    ("Kỷ niệm 95 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 - 15/10/2025), lần thứ 26 Ngày "
     "“Dân vận” của cả nước.",
     []),
    # 47 — models registered, thousands approx
    ("Toàn tỉnh đã xây dựng trên 1.200 mô hình “Dân vận khéo”, tăng 150 mô hình so với cùng kỳ.",
     [G("MH_DANGKY", 1200, approx="trên"), G("MH_DANGKY", 150, comparison=150)]),
    # 48 — sessions and people together, commune
    ("Xã đã tổ chức 15 buổi tuyên truyền với 1.350 lượt người dự về phòng, chống lừa đảo qua mạng.",
     [G("TT_BUOI", 15), G("TT_NGUOI", 1350)]),
    # --- Written before the reader knew them: dân vận chính quyền (one-stop dossiers, electronic documents),
    # the armed forces' help (persons, working days, money in đồng), Kỷ niệm chương, pressing issues, units holding
    # dialogues, "khoảng". Money the support records do not hold (budgets, income) is not a figure.
    # 49 — People's Committee of a district, dân vận chính quyền, decree distractor
    ("Thực hiện Nghị định 61/2018/NĐ-CP của Chính phủ về cơ chế một cửa, một cửa liên thông, năm 2024 Bộ phận Một "
     "cửa huyện tiếp nhận 12.345 hồ sơ, đã giải quyết 12.100 hồ sơ, trong đó giải quyết đúng hạn 98,5% hồ sơ.",
     [G("HS_TIEPNHAN", 12345), G("HS_GIAIQUYET", 12100), G("HS_TYLE_DUNGHAN", 98.5)]),
    # 50 — province, rate stated alone; electronic documents in thousands
    ("Tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt 99,2%; các cơ quan hành chính nhà nước đã gửi, nhận trên 250 "
     "nghìn văn bản điện tử.",
     [G("HS_TYLE_DUNGHAN", 99.2), G("VBDT_SO", 250000, approx="trên")]),
    # 51 — commune, fraction of dossiers resolved on time; dossiers still within their time are not in the catalogue
    ("Bộ phận tiếp nhận và trả kết quả của xã tiếp nhận 1.526 hồ sơ, giải quyết đúng và trước hạn 1.498/1.510 hồ "
     "sơ, đạt 99,2%; còn 16 hồ sơ đang trong hạn giải quyết.",
     [G("HS_TIEPNHAN", 1526), G("HS_DUNGHAN", 1498), G("HS_GIAIQUYET", 1510), G("HS_TYLE_DUNGHAN", 99.2)]),
    # 52 — documents, plan number distractor, a share the catalogue does not hold, comparison
    ("Triển khai Kế hoạch số 45-KH/BDVTU, 100% văn bản của UBND huyện (trừ văn bản mật) được gửi, nhận trên môi "
     "trường mạng, với 18.400 văn bản đi/đến, tăng 2.100 văn bản so với năm 2023.",
     [G("VBDT_SO", 18400), G("VBDT_SO", 2100, comparison=2100)]),
    # 53 — military unit report: persons, about N working days, money in tỷ
    ("Năm 2025, Bộ Chỉ huy Quân sự tỉnh tổ chức cho hơn 1.200 lượt cán bộ, chiến sĩ giúp Nhân dân xây dựng nông thôn "
     "mới với khoảng 3.600 ngày công, tặng quà, hỗ trợ trị giá 1,2 tỷ đồng.",
     [G("LLVT_LUOT", 1200, approx="hơn"), G("HT_NGAYCONG", 3600, approx="khoảng"), G("HT_TIEN", 1_200_000_000)]),
    # 54 — border guard post, money in triệu, houses not in the catalogue
    ("Đồn Biên phòng phối hợp cấp ủy, chính quyền xã huy động 320 lượt cán bộ, chiến sĩ, dân quân giúp dân thu hoạch "
     "mùa màng 960 ngày công; vận động ủng hộ hơn 350 triệu đồng xây 05 căn nhà “Đại đoàn kết”.",
     [G("LLVT_LUOT", 320), G("HT_NGAYCONG", 960), G("HT_TIEN", 350_000_000, approx="hơn")]),
    # 55 — Party committee of the military, "10 năm" and resolution distractors, medal and working days
    ("Sau 10 năm thực hiện Nghị quyết số 25-NQ/TW, lực lượng vũ trang tỉnh đã có 46 đồng chí được tặng Kỷ niệm "
     "chương “Vì sự nghiệp Dân vận”, đóng góp trên 15.000 ngày công giúp dân.",
     [G("KNC_SO", 46), G("HT_NGAYCONG", 15000, approx="trên")]),
    # 56 — medal, compared with the previous year
    ("Năm 2024, toàn tỉnh có 35 đồng chí được tặng Kỷ niệm chương “Vì sự nghiệp Dân vận”, tăng 5 đồng chí so với "
     "năm 2023.",
     [G("KNC_SO", 35), G("KNC_SO", 5, comparison=5)]),
    # 57 — pressing issues directed (the hot spots' count) and resolved
    ("Các cấp đã chỉ đạo xử lý 14 vấn đề bức xúc, nổi cộm ở cơ sở, trong đó đã giải quyết dứt điểm 11 vấn đề; không "
     "để xảy ra điểm nóng về an ninh, trật tự.",
     [G("DN_CHIDAO", 14), G("VDBX_SO", 11)]),
    # 58 — units holding dialogues out of all units, with the rate and the participants
    ("Thực hiện Quyết định số 23-QĐ/TW, năm 2024 có 10/12 xã, phường tổ chức đối thoại với Nhân dân (đạt 83,3%), "
     "thu hút 1.450 lượt người tham gia.",
     [G("DTH_DONVI", 10), G("DTH_DONVI_TONG", 12), G("DTH_TYLE_DONVI", 83.3), G("DTH_NGUOI", 1450)]),
    # 59 — all communes held dialogues, as a percentage
    ("100% xã, phường, thị trấn đã tổ chức đối thoại định kỳ; tổng số 36 cuộc đối thoại, giảm 4 cuộc so với cùng kỳ.",
     [G("DTH_TYLE_DONVI", 100), G("DTH_CUOC", 36), G("DTH_CUOC", 4, comparison=-4)]),
    # 60 — Party committee on dân vận chính quyền; an online share the catalogue does not hold
    ("Cấp ủy chỉ đạo thực hiện tốt dân vận chính quyền gắn với cải cách hành chính; khoảng 85% hồ sơ được nộp qua "
     "dịch vụ công trực tuyến, tiếp nhận 8.420 hồ sơ, tỷ lệ giải quyết hồ sơ đúng hạn đạt 97,8%.",
     [G("HS_TIEPNHAN", 8420), G("HS_TYLE_DUNGHAN", 97.8)]),
    # 61 — militia and army, about N persons, comparison, money approx
    ("Lực lượng vũ trang huyện huy động khoảng 2.000 lượt cán bộ, chiến sĩ, tăng 300 lượt so với cùng kỳ, giúp Nhân "
     "dân 5.400 ngày công, trị giá trên 800 triệu đồng.",
     [G("LLVT_LUOT", 2000, approx="khoảng"), G("LLVT_LUOT", 300, comparison=300), G("HT_NGAYCONG", 5400),
      G("HT_TIEN", 800_000_000, approx="trên")]),
    # 62 — ward People's Committee, dossiers compared in brackets, on time among the resolved
    ("Năm 2025, UBND phường tiếp nhận 3.215 hồ sơ thủ tục hành chính (giảm 185 hồ sơ so với năm 2024); đã giải quyết "
     "3.190 hồ sơ, trong đó trước và đúng hạn 3.172 hồ sơ.",
     [G("HS_TIEPNHAN", 3215), G("HS_TIEPNHAN", 185, comparison=-185), G("HS_GIAIQUYET", 3190),
      G("HS_DUNGHAN", 3172)]),
    # 63 — a budget in tỷ đồng and a share are not figures; electronic documents in millions
    ("Năm 2024, ngân sách tỉnh chi 12 tỷ đồng cho chuyển đổi số; các sở, ngành gửi, nhận 1,2 triệu văn bản điện tử, "
     "giảm 30% thời gian xử lý.",
     [G("VBDT_SO", 1_200_000)]),
    # 64 — district military command, words and zero padding, value of labour and materials
    ("Ban Chỉ huy Quân sự huyện cử hai tổ công tác với 24 lượt cán bộ, chiến sĩ giúp dân sửa chữa 03 trường học, "
     "trị giá ngày công và vật liệu khoảng 150 triệu đồng.",
     [G("LLVT_LUOT", 24), G("HT_TIEN", 150_000_000, approx="khoảng")]),
]
