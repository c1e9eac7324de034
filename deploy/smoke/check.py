"""The production smoke test: `seed` writes a head, an outsider and a denunciation with an attachment through
danvan's own services; `run` drives the real stack (nginx with TLS → gunicorn → danvan) as a browser would.

    python deploy/smoke/check.py seed OUT.json            (with the production environment loaded)
    python deploy/smoke/check.py run OUT.json --base https://127.0.0.1:8443 --cafile cert.pem --app http://127.0.0.1:8001
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import http.cookiejar
import json
import os
import re
import ssl
import sys
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "mat-khau-kiem-thu-2026"
ATTACHMENT = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + os.urandom(4096).hex().encode()
              + b"\ntrailer<<>>\n%%EOF\n")


def seed(out: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from danvan.accounts.models import Role, User
    from danvan.core.choices import ContentKind, Field
    from danvan.letters import services
    from danvan.units.models import Area, AreaLevel, DocumentStyle, Organisation, OrganisationType

    def area(level, code, name, parent=None):
        return Area.objects.create(level=level, code=code, name=name, parent=parent, valid_from=dt.date(2025, 7, 1))

    nation = area(AreaLevel.NATION, "VN", "Việt Nam")
    cao_bang, ha_noi = area(AreaLevel.PROVINCE, "04", "Tỉnh Cao Bằng", nation), area(AreaLevel.PROVINCE, "01",
                                                                                    "Thành phố Hà Nội", nation)
    board = Organisation.objects.create(name="Ban Tuyên giáo và Dân vận Tỉnh ủy Cao Bằng", area=cao_bang,
                                        type=OrganisationType.MOBILISATION_BOARD, document_style=DocumentStyle.PARTY)
    other = Organisation.objects.create(name="Ban Tuyên giáo và Dân vận Thành ủy Hà Nội", area=ha_noi,
                                        type=OrganisationType.MOBILISATION_BOARD, document_style=DocumentStyle.PARTY)
    head = User(username="truongban", organisation=board, role=Role.HEAD)
    outsider = User(username="ngoaitinh", organisation=other, role=Role.OFFICER)
    for user in (head, outsider):
        user.set_password(PASSWORD)
        user.save()
    letter = services.receive_letter(
        head, board, received_on=dt.date.today(), summary="Tố cáo cán bộ địa chính xã", field=Field.LAND_HOUSING,
        content_kind=ContentKind.DENUNCIATION, new_petitioners=[{"full_name": "Hoàng Văn Tố"}],
        attachments=[SimpleUploadedFile("đơn tố cáo.pdf", ATTACHMENT, content_type="application/pdf")])
    attachment = letter.attachments.get()
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({
            "head": head.username, "outsider": outsider.username, "password": PASSWORD,
            "summary": letter.summary, "media_name": attachment.file.name,
            "sha256": hashlib.sha256(ATTACHMENT).hexdigest(),
            "pages": [reverse("home"), reverse("letters:letter_list"), reverse("reports:dashboard"),
                      reverse("letters:letter_detail", args=[letter.pk])],
            "login": reverse("login"), "download": reverse("letters:attachment_download", args=[attachment.pk]),
        }, handle)


class Browser:
    def __init__(self, base: str, context: ssl.SSLContext):
        self.base, self.cookies = base, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context),
                                                  urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str, headers: dict | None = None):
        return self._open(urllib.request.Request(self.base + path, headers=headers or {}))

    def post(self, path: str, data: dict):
        body = urllib.parse.urlencode(data).encode()
        return self._open(urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path}))

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read(), response.url
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read(), request.full_url

    def cookie(self, name: str) -> str:
        return next(c.value for c in self.cookies if c.name == name)

    def login(self, login_path: str, username: str, password: str) -> None:
        status, _, _, _ = self.get(login_path)
        check(status == 200, "the login page loads", status)
        status, _, body, url = self.post(login_path, {"username": username, "password": password,
                                                      "csrfmiddlewaretoken": self.cookie("csrftoken")})
        check(status == 200 and login_path not in url, f"{username} logs in", (status, url))


def check(condition: bool, message: str, detail: object = "") -> None:
    if not condition:
        print(f"SMOKE FAILED: {message} {detail}", file=sys.stderr)
        sys.exit(1)
    print(f"  ok  {message}")


def run(seeded: str, base: str, cafile: str, app: str) -> None:
    data = json.load(open(seeded, encoding="utf-8"))
    context = ssl.create_default_context(cafile=cafile)

    browser = Browser(base, context)
    status, headers, body, _ = browser.get("/healthz")
    check(status == 200 and json.loads(body)["status"] == "ok" and headers["X-Request-ID"], "/healthz through TLS")
    status, _, _, url = browser.get(data["pages"][0])
    check(status == 200 and data["login"] in url, "an anonymous visitor is sent to the login page")

    browser.login(data["login"], data["head"], data["password"])
    for page in data["pages"]:
        status, headers, body, _ = browser.get(page)
        check(status == 200 and b"</html>" in body and headers["X-Request-ID"], f"{page} loads through the proxy")
    check(data["summary"].encode() in body, "the letter's page shows the letter")
    css = re.search(rb'href="(/static/[^"]+\.css)"', body)
    status, headers, _, _ = browser.get(css.group(1).decode())
    check(status == 200 and headers.get("Server", "").startswith("nginx") and "X-Request-ID" not in headers,
          f"{css.group(1).decode()} is served by nginx itself")

    status, headers, body, _ = browser.get(data["download"])
    check(status == 200 and hashlib.sha256(body).hexdigest() == data["sha256"], "the head downloads the attachment")
    check("attachment" in headers.get("Content-Disposition", "") and "X-Accel-Redirect" not in headers,
          "as a download, the internal path not shown")

    direct = urllib.request.Request(app + data["download"], headers={
        "Cookie": f"sessionid={browser.cookie('sessionid')}", "X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(direct, timeout=30) as response:
        accel, body = response.headers.get("X-Accel-Redirect", ""), response.read()
    check(accel == "/protected-media/" + urllib.parse.quote(data["media_name"]) and body == b"",
          "gunicorn hands the file to nginx (X-Accel-Redirect), it does not send it")
    status, _, _, _ = browser.get("/protected-media/" + urllib.parse.quote(data["media_name"]))
    check(status == 404, "the internal location cannot be reached from outside")
    status, _, _, _ = browser.get("/media/" + urllib.parse.quote(data["media_name"]))
    check(status == 404, "nor the media directory")

    outsider = Browser(base, context)
    outsider.login(data["login"], data["outsider"], data["password"])
    status, headers, body, _ = outsider.get(data["download"])
    check(status == 404 and hashlib.sha256(body).hexdigest() != data["sha256"], "an outsider gets 404, not the file")

    status, _, _, _ = browser.get("/metrics")
    check(status == 404, "/metrics is not served through the proxy without the token")
    with urllib.request.urlopen(app + "/metrics", timeout=30) as response:
        metrics = response.read().decode()
    check("django_http_requests_total_by_view_transport_method_total" in metrics,
          "/metrics answers a scraper on this machine")
    print("smoke test passed")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=["seed", "run"])
    parser.add_argument("seeded")
    parser.add_argument("--base")
    parser.add_argument("--cafile")
    parser.add_argument("--app")
    args = parser.parse_args()
    if args.step == "seed":
        seed(args.seeded)
    else:
        run(args.seeded, args.base, args.cafile, args.app)


if __name__ == "__main__":
    main()
