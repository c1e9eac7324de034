"""A held-out set, written after the reader and its phrases and never used to tune them: how the reader does on
phrasings its vocabulary was not written for. Same labels as `gold.py`."""

from tests.reading.gold import G

HELD_OUT: list[tuple[str, list[G]]] = [
    ("Năm 2020, Thường trực Huyện ủy đã tiếp được 52 lượt công dân đến kiến nghị, phản ánh.",
     [G("TCD_LUOT", 52)]),
    ("Ủy ban nhân dân tỉnh đã tổ chức 6 cuộc đối thoại với người dân có đất bị thu hồi, có khoảng 400 người tham dự.",
     [G("DTH_CUOC", 6)]),
    ("Các cấp đã tiếp nhận tổng cộng 412 đơn, trong đó 380 đơn đủ điều kiện xử lý.",
     [G("DT_NHAN", 412), G("DT_DUDK", 380)]),
    ("Số đoàn đông người giảm mạnh, chỉ còn 02 đoàn đông người, giảm 5 đoàn so với cùng kỳ năm trước.",
     [G("TCD_DOAN", 2), G("TCD_DOAN", 5, comparison=-5)]),
    ("Đã công nhận 9 mô hình “Dân vận khéo” cấp tỉnh và biểu dương 40 mô hình cấp huyện.",
     [G("MH_CONGNHAN", 9)]),
    ("Phối hợp tổ chức 35 buổi tuyên truyền lưu động tại các thôn, bản với hơn 4.000 lượt người nghe.",
     [G("TT_BUOI", 35), G("TT_NGUOI", 4000, approx="hơn")]),
    ("Cử 06 đồng chí tham gia lớp bồi dưỡng do Trung ương tổ chức trong 5 ngày.",
     []),
    ("Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Hội nghị Trung ương 7 khóa XI, trong năm tổ chức 4 cuộc "
     "giám sát việc thực hiện dân chủ ở cơ sở.",
     [G("GS_CUOC", 4)]),
    ("Tỷ lệ giải quyết đơn thư thuộc thẩm quyền đạt 96,5%, vượt chỉ tiêu đề ra.",
     [G("DT_TYLE_GQ", 96.5)]),
    ("Lực lượng vũ trang huy động gần 2 nghìn lượt cán bộ, chiến sĩ giúp dân thu hoạch lúa.",
     [G("LLVT_LUOT", 2000, approx="gần")]),
    ("Khen thưởng 15 tập thể và 27 cá nhân có thành tích tiêu biểu.",
     [G("KT_SO", 15)]),
    ("Đã tiếp 120 lượt công dân, tăng 14 lượt so với cùng kỳ, số vụ việc là 96 vụ việc.",
     [G("TCD_LUOT", 120), G("TCD_LUOT", 14, comparison=14), G("TCD_VUVIEC", 96)]),
]
