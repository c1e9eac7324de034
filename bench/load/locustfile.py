"""50 province officers browsing, filtering and entering (run by `python -m bench.load`, not directly); with
`--readers`, officers reading the report pages instead (`ReportReader`).

Each simulated officer logs in once with one of the accounts `bench.load.setup` made, then, with one
to three seconds of reading between requests, mostly browses and filters the letter list and the
reception register, opens a letter, looks at dialogues and models, and now and then records a
reception session with a visit. Every response must be 200 (or the redirect of a successful POST).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re

from locust import HttpUser, between, task

PASSWORD = os.environ.get("DANVAN_LOAD_PASSWORD", "danvan-load")
USERS = int(os.environ.get("DANVAN_LOAD_ACCOUNTS", "50"))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LETTER_LINK = re.compile(r'href="/don-thu/(\d+)/"')
ACTION_FORM_LINK = re.compile(r'hx-get="(/don-thu/\d+/xu-ly/[\w-]+/)"')
SESSION_LINK = re.compile(r'/tiep-cong-dan/buoi-tiep/(\d+)/')

KINDS = ("complaint", "denunciation", "recommendation", "several")
FIELDS = ("land", "policy", "admin_other", "environment", "justice", "party", "urban", "other")
WORDS = ("bồi thường", "đất", "trợ cấp", "ô nhiễm", "đường", "cán bộ", "Nguyễn", "thi hành án")
SUMMARIES = ("Công dân phản ánh việc bồi thường khi thu hồi đất chưa thỏa đáng.",
             "Đề nghị sửa chữa tuyến đường liên thôn xuống cấp.",
             "Hỏi về chế độ trợ cấp người cao tuổi chậm chi trả.",
             "Phản ánh ô nhiễm từ cơ sở chăn nuôi gần khu dân cư.")
NAMES = ("Nông Văn Dũng", "Hoàng Thị Mai", "Lường Văn Thắng", "Nguyễn Thị Hoa", "Bế Văn Hùng", "Triệu Thị Lan")

_next = iter(range(1, 10**9))


class _LoggedIn(HttpUser):
    abstract = True
    wait_time = between(1, 3)

    def on_start(self):
        self.number = (next(_next) - 1) % USERS + 1
        self.letters: list[str] = []
        page = self.client.get("/tai-khoan/dang-nhap/", name="đăng nhập (trang)")
        token = CSRF.search(page.text).group(1)
        response = self.client.post("/tai-khoan/dang-nhap/", name="đăng nhập", allow_redirects=False, data={
            "csrfmiddlewaretoken": token, "username": f"load-officer-{self.number:02d}", "password": PASSWORD})
        if response.status_code != 302:
            raise RuntimeError(f"login failed for load-officer-{self.number:02d}: {response.status_code}")

    def _get(self, url: str, name: str, headers: dict[str, str] | None = None):
        with self.client.get(url, name=name, catch_response=True, headers=headers) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
            return response


PERIODS = ("2025", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025-H1", "2024", "2025-9M")
UNIT_LINK = re.compile(r'don_vi=(\d+)')


class ReportReader(_LoggedIn):
    """An officer reading reports (`python -m bench.load --readers`): the dashboard of the province for a
    period, a commune's dashboard from its rows, and now and then the Excel workbook. A report page is read, not
    skimmed: 5 to 15 seconds between pages (an officer at work: 1 to 3)."""

    wait_time = between(5, 15)
    units: list[str] = []

    @task(6)
    def province(self):
        response = self._get(f"/bao-cao/?ky={random.choice(PERIODS)}", "báo cáo: tỉnh, một kỳ")
        self.units = sorted(set(UNIT_LINK.findall(response.text)))[:200] or self.units

    @task(3)
    def commune(self):
        if not self.units:
            return self.province()
        self._get(f"/bao-cao/?ky={random.choice(PERIODS)}&don_vi={random.choice(self.units)}",
                  "báo cáo: xã, một kỳ")

    @task(1)
    def workbook(self):
        page = self._get("/bao-cao/?ky=2025", "báo cáo: tỉnh, một kỳ")
        token = CSRF.search(page.text)
        if token is None:
            return
        data = {"csrfmiddlewaretoken": token.group(1), "ky": "2025", "dinh_dang": "xlsx"}
        with self.client.post("/bao-cao/van-ban/", name="báo cáo: tệp Excel năm", catch_response=True,
                              data=data) as response:
            if response.status_code != 200 or not response.content.startswith(b"PK"):
                response.failure(f"{response.status_code}")


class Officer(_LoggedIn):

    @task(6)
    def letter_list(self):
        page = random.randint(1, 5)
        response = self._get(f"/don-thu/?page={page}", "đơn: danh sách (trang 1–5)")
        self.letters = LETTER_LINK.findall(response.text)[:20] or self.letters

    @task(6)
    def letter_filter(self):
        params = f"content_kind={random.choice(KINDS)}&field={random.choice(FIELDS)}"
        if random.random() < 0.4:
            params += "&deadline=" + random.choice(("overdue", "due_soon"))
        self._get(f"/don-thu/?{params}", "đơn: lọc loại, lĩnh vực, thời hạn")

    @task(3)
    def letter_search(self):
        self.client.get("/don-thu/", params={"q": random.choice(WORDS)}, name="đơn: tìm từ khóa")

    @task(5)
    def letter_detail(self):
        if not self.letters:
            return self.letter_list()
        letter = random.choice(self.letters)
        page = self._get(f"/don-thu/{letter}/", "đơn: chi tiết")
        # One page in four, the officer opens a closed action to act: its form comes then, through htmx.
        closed = ACTION_FORM_LINK.findall(page.text)
        if closed and random.random() < 0.25:
            self._get(random.choice(closed), "đơn: mở biểu mẫu xử lý (htmx)", headers={"HX-Request": "true"})
        # The page's htmx panel asks for the letters that may be the same matter (the duplicate index), with the
        # header htmx sends: the server answers the panel alone, not a whole page around it.
        self._get(f"/don-trung/thu/{letter}/", "đơn: gợi ý đơn trùng (htmx)", headers={"HX-Request": "true"})

    @task(3)
    def reception(self):
        self._get("/tiep-cong-dan/", "tiếp dân: buổi tiếp")

    @task(2)
    def register(self):
        self._get("/tiep-cong-dan/so-tiep-cong-dan/", "tiếp dân: sổ tiếp công dân")

    @task(1)
    def dialogues(self):
        self._get("/dan-van/doi-thoai/", "dân vận: đối thoại")

    @task(1)
    def models(self):
        self._get("/dan-van/dan-van-kheo/", "dân vận: Dân vận khéo")

    @task(2)
    def enter_visit(self):
        """Open a reception session today and record one visit in it, as at the reception desk."""
        form = self._get("/tiep-cong-dan/buoi-tiep/moi/", "nhập: mở buổi tiếp (trang)")
        token = CSRF.search(form.text).group(1)
        org = re.search(r'name="organisation"[^>]*>.*?<option value="(\d+)" selected', form.text, re.S)
        today = dt.date.today().strftime("%d/%m/%Y")
        with self.client.post("/tiep-cong-dan/buoi-tiep/moi/", name="nhập: mở buổi tiếp", allow_redirects=False,
                              catch_response=True, data={
                                  "csrfmiddlewaretoken": token, "organisation": org.group(1) if org else "",
                                  "kind": "regular", "date": today, "place": "Phòng tiếp công dân"}) as response:
            if response.status_code != 302:
                response.failure(f"{response.status_code}")
                return
        session = SESSION_LINK.search(response.headers["Location"]).group(1)
        # The browser follows the redirect to the session's page, where the visit form is. (Until 02/12/2026 the
        # scenario asked for the visit form's own URL instead, which only redirects to that page: two requests
        # where a browser makes one, and the slowest line of every run.)
        form = self._get(f"/tiep-cong-dan/buoi-tiep/{session}/", "nhập: buổi tiếp vừa mở (trang)")
        token = CSRF.search(form.text).group(1)
        url = f"/tiep-cong-dan/buoi-tiep/{session}/luot-tiep/"
        with self.client.post(url, name="nhập: ghi lượt tiếp", allow_redirects=False, catch_response=True, data={
                "csrfmiddlewaretoken": token, "full_name": random.choice(NAMES),
                "birth_year": str(random.randint(1950, 2000)), "address": "Xã Quảng Lâm, Tỉnh Cao Bằng",
                "persons": "1", "representatives": "0", "occurrence": "first",
                "content_kind": random.choice(KINDS[:3]), "field": random.choice(FIELDS),
                "summary": random.choice(SUMMARIES), "handling": random.choice(("guided", "explained"))}) as response:
            if response.status_code != 302:
                response.failure(f"{response.status_code}")
