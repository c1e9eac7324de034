"""Issue 5, mobilisation: alice records a dialogue with three opinions and one commitment, marks the
commitment done, sees the counts, then registers a "Dân vận khéo" model and moves it to recognised."""

import datetime as dt

import pytest

from danvan.accounts.models import Role
from danvan.mobilisation.choices import FollowUpStatus, PracticeStatus
from danvan.mobilisation.models import Dialogue, GoodPractice
from tests.browser.conftest import login, pick, shot
from tests.conftest import PASSWORD, make_user

OPINIONS = (
    ("Đề nghị công khai phương án bồi thường", "Đất đai, nhà ở", "Trả lời tại hội nghị"),
    ("Đường liên thôn xuống cấp", "Hành chính khác", "Tiếp thu, nghiên cứu giải quyết sau"),
    ("Nước sinh hoạt mùa khô thiếu", "Hành chính khác", "Tiếp thu, nghiên cứu giải quyết sau"),
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_alice_records_a_dialogue_follows_its_commitment_and_recognises_a_model(page, tree):
    make_user("alice", tree.board_cb, Role.OFFICER, first_name="Alice", last_name="Nguyễn")
    today = dt.date.today()
    day = f"{today:%d/%m/%Y}"

    login(page, "alice", PASSWORD)
    page.get_by_role("link", name="Công tác dân vận").first.click()
    page.get_by_role("heading", name="Công tác dân vận").wait_for()
    page.locator("#dialogues").get_by_role("link", name="Đối thoại với Nhân dân").click()
    page.get_by_role("link", name="Thêm mới").click()
    pick(page, "Cơ quan, tổ chức", "Ủy ban nhân dân xã Quảng Lâm", "quang lam")
    page.get_by_label("Ngày đối thoại").fill(day)
    page.get_by_label("Chủ đề").fill("Giải phóng mặt bằng đường tỉnh 208")
    page.get_by_label("Người chủ trì *", exact=True).fill("Nông Văn Hải")
    page.get_by_label("Chức vụ người chủ trì").select_option(label="Chủ tịch Ủy ban nhân dân")
    page.get_by_label("Số lượt người tham gia").fill("0")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.locator(".errorlist", has_text="Số lượt người tham gia:").wait_for()
    assert not Dialogue.objects.exists()
    page.get_by_label("Số lượt người tham gia").fill("1538")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Đã lưu: Giải phóng mặt bằng đường tỉnh 208").wait_for()

    for content, field, handling in OPINIONS:
        page.get_by_text("Ghi ý kiến", exact=True).click()
        form = page.locator("#opinion-form")
        form.get_by_label("Nội dung ý kiến").fill(content)
        form.get_by_label("Lĩnh vực").select_option(label=field)
        form.get_by_label("Hình thức trả lời").select_option(label=handling)
        form.get_by_role("button", name="Lưu ý kiến").click()
        page.get_by_text("Đã ghi ý kiến.").wait_for()
    page.get_by_role("heading", name="Ý kiến (3)").wait_for()

    page.get_by_text("Ghi cam kết", exact=True).click()
    form = page.locator("#commitment-form")
    form.get_by_label("Ý kiến liên quan").select_option(label="Đường liên thôn xuống cấp")
    form.get_by_label("Nội dung cam kết").fill("Bố trí kinh phí sửa đường liên thôn")
    form.get_by_label("Người, đơn vị thực hiện").fill("UBND xã Quảng Lâm")
    form.get_by_label("Hạn hoàn thành").fill(f"{today + dt.timedelta(days=30):%d/%m/%Y}")
    form.get_by_role("button", name="Lưu cam kết").click()
    page.get_by_text("Đã ghi cam kết.").wait_for()
    row = page.locator("#commitments + table tbody tr", has_text="Bố trí kinh phí")
    assert "Đang thực hiện" in row.inner_text()
    shot(page, "mobilisation-dialogue-open-commitment")

    row.get_by_label("Kết quả thực hiện").fill("Đã sửa xong 2 km đường liên thôn")
    row.get_by_role("button", name="Ghi nhận hoàn thành").click()
    page.get_by_text("Đã ghi nhận hoàn thành.").wait_for()
    row = page.locator("#commitments + table tbody tr", has_text="Bố trí kinh phí")
    assert f"Đã hoàn thành {today:%d/%m/%Y}" in row.inner_text()
    dialogue = Dialogue.objects.get()
    assert dialogue.commitments.get().status == FollowUpStatus.DONE
    assert dialogue.opinions.count() == 3
    shot(page, "mobilisation-dialogue-commitment-done")

    page.get_by_role("link", name="Công tác dân vận").first.click()
    figures = page.locator("#dialogues")
    assert figures.locator('[data-count="dialogues"]').inner_text() == "1"
    assert figures.locator('[data-count="participants"]').inner_text() == "1.538"
    assert figures.locator('[data-count="opinions"]').inner_text() == "3"
    assert figures.locator('[data-count="open-commitments"]').inner_text() == "0"
    assert "Đất đai, nhà ở 1; Hành chính khác 2." in figures.locator("#opinions-by-field").inner_text()
    shot(page, "mobilisation-overview")

    page.locator("#practices").get_by_role("link", name="Mô hình “Dân vận khéo”").click()
    page.get_by_role("link", name="Thêm mới").click()
    pick(page, "Cơ quan, tổ chức", "Ủy ban nhân dân xã Quảng Lâm", "quang lam")
    page.get_by_label("Tên mô hình").fill("Hiến đất làm đường giao thông nông thôn")
    page.get_by_label("Chủ thể").select_option(label="Tập thể")
    page.get_by_label("Tập thể, cá nhân thực hiện").fill("Chi bộ thôn Nà Mạ")
    page.get_by_label("Lĩnh vực").select_option(label="Xây dựng nông thôn mới")
    page.get_by_label("Năm đăng ký").fill(str(today.year))
    page.get_by_label("Ngày đăng ký").fill(day)
    page.get_by_label("Thực trạng, sự cần thiết").fill("Đường đất lầy lội mùa mưa")
    page.get_by_label("Mục tiêu, tiêu chí").fill("Cứng hóa 3 km đường thôn")
    page.get_by_label("Nội dung, cách làm").fill("Vận động các hộ hiến đất, góp ngày công")
    page.get_by_label("Phạm vi, đối tượng thụ hưởng").fill("120 hộ thôn Nà Mạ")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Đã lưu: Hiến đất làm đường giao thông nông thôn").wait_for()

    page.get_by_text("Chuyển sang: Đang xây dựng").click()
    page.locator("#step-building").get_by_role("button", name="Đang xây dựng").click()
    page.get_by_text("Mô hình chuyển sang: Đang xây dựng.").wait_for()
    page.get_by_text("Chuyển sang: Được công nhận").click()
    step = page.locator("#step-recognised")
    step.get_by_label("Cấp công nhận").select_option(label="Cấp xã")
    step.get_by_label("Quyết định công nhận").fill("15-QĐ/ĐU")
    step.get_by_role("button", name="Được công nhận").click()
    page.get_by_text("Mô hình chuyển sang: Được công nhận.").wait_for()
    practice = GoodPractice.objects.get()
    assert (practice.status, practice.recognition_level, practice.recognised_on) == (
        PracticeStatus.RECOGNISED, "commune", today)
    assert page.locator("#step-replicated").count() == 1  # the next step offered is replication
    shot(page, "mobilisation-practice-recognised")

    page.get_by_role("link", name="Công tác dân vận").first.click()
    practices = page.locator("#practices")
    assert practices.locator('[data-count="registered"]').inner_text() == "1"
    assert practices.locator('[data-count="recognised"]').inner_text() == "1"
    assert practices.locator("tr", has_text="Xây dựng nông thôn mới").locator("td.num").inner_text() == "1"
    # One definition of "được công nhận" on the page (issue 16): no second, differently counted status line.
    assert practices.inner_text().lower().count("được công nhận") == 2  # the figure and its definition
    shot(page, "mobilisation-overview-after-model")
