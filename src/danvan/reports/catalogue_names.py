"""The short names of the shipped indicators (migrations reports 0002, 0003; reading 0002, 0004; hotspots 0002),
marked for translation: the dashboard shows them as its key-figure labels and column headers with
`{% translate indicator.short_name %}`. The catalogue is data; an indicator an administrator adds later keeps its
name as written."""

from django.utils.translation import gettext_noop

SHORT_NAMES = [
    gettext_noop("Lượt tiếp"), gettext_noop("Người được tiếp"), gettext_noop("Vụ việc"),
    gettext_noop("Đoàn đông người"), gettext_noop("Đơn tiếp nhận"), gettext_noop("Đủ điều kiện"),
    gettext_noop("Thuộc thẩm quyền"), gettext_noop("Đã thụ lý"), gettext_noop("Đã giải quyết"),
    gettext_noop("Đúng hạn"), gettext_noop("Đơn chuyển"), gettext_noop("Đơn trùng"),
    gettext_noop("Cuộc đối thoại"), gettext_noop("Người tham dự"), gettext_noop("Ý kiến"), gettext_noop("Cam kết"),
    gettext_noop("Mô hình đăng ký"), gettext_noop("Được công nhận"), gettext_noop("Buổi tuyên truyền"),
    gettext_noop("Lượt người dự"), gettext_noop("Lượt tập huấn"), gettext_noop("Giao ban"), gettext_noop("Giám sát"),
    gettext_noop("Khen thưởng"), gettext_noop("Tỷ lệ giải quyết"), gettext_noop("Tỷ lệ đúng hạn"),
    gettext_noop("Kỳ trước chuyển sang"), gettext_noop("Phát sinh trong kỳ"), gettext_noop("Phải giải quyết"),
    # Shipped later by the reading and hot-spot migrations (issue 20): a key figure an administrator picks among
    # them read in Vietnamese on the English dashboard.
    gettext_noop("Kỷ niệm chương"), gettext_noop("Vấn đề bức xúc"), gettext_noop("Lượt LLVT giúp dân"),
    gettext_noop("Điểm nóng phát sinh"), gettext_noop("Được chỉ đạo xử lý"), gettext_noop("Điểm nóng đã giải quyết"),
    gettext_noop("Ngày công giúp dân"), gettext_noop("Tiền, hiện vật hỗ trợ"), gettext_noop("Đơn vị có đối thoại"),
    gettext_noop("Tổng số đơn vị"), gettext_noop("Tỷ lệ đơn vị có đối thoại"), gettext_noop("Hồ sơ TTHC tiếp nhận"),
    gettext_noop("Hồ sơ đã giải quyết"), gettext_noop("Hồ sơ đúng hạn"), gettext_noop("Tỷ lệ hồ sơ đúng hạn"),
    gettext_noop("Văn bản điện tử"),
]
