""""Dân vận khéo" models: the transition table, one service per step, dates, evidence checks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.mobilisation import services
from danvan.mobilisation.choices import PracticeStatus, RecognitionLevel
from danvan.mobilisation.models import GoodPractice, GoodPracticeEvidence
from tests.mobilisation import factories as make

D = dt.date
STEPS = {
    PracticeStatus.BUILDING: lambda actor, p, on: services.start_building(actor, p, on=on),
    PracticeStatus.RECOGNISED: lambda actor, p, on: services.recognise(actor, p, on=on,
                                                                       level=RecognitionLevel.PROVINCE),
    PracticeStatus.REPLICATED: lambda actor, p, on: services.replicate(actor, p, on=on),
}


def _at(actor, tree, status):
    practice = make.practice(actor, tree.ubnd_quang_lam, registered_on=D(2025, 1, 10))
    for step, day in ((PracticeStatus.BUILDING, D(2025, 2, 1)), (PracticeStatus.RECOGNISED, D(2025, 5, 1)),
                      (PracticeStatus.REPLICATED, D(2025, 8, 1))):
        if practice.status == status:
            break
        practice = STEPS[step](actor, practice, day)
    return practice


@pytest.mark.parametrize("current", PracticeStatus.values)
@pytest.mark.parametrize("target", [s for s in PracticeStatus.values if s != PracticeStatus.REGISTERED])
def test_transition_table(tree, alice, current, target):
    practice = _at(alice, tree, current)
    allowed = target in services.PRACTICE_TRANSITIONS[current]
    steps_before = practice.status_changes.count()
    if allowed:
        practice = STEPS[target](alice, practice, D(2025, 9, 1))
        assert GoodPractice.objects.get(pk=practice.pk).status == target
        assert practice.status_changes.count() == steps_before + 1
    else:
        with pytest.raises(ValidationError) as error:
            STEPS[target](alice, practice, D(2025, 9, 1))
        assert "Không thể chuyển" in error.value.message_dict["status"][0]
        assert GoodPractice.objects.get(pk=practice.pk).status == current
        assert practice.status_changes.count() == steps_before


def test_the_order_of_steps_is_forward_only():
    assert services.PRACTICE_TRANSITIONS == {
        "registered": {"building"}, "building": {"recognised"}, "recognised": {"replicated"}, "replicated": set(),
    }


def test_recognition_records_level_and_date_and_a_step_cannot_go_back_in_time(tree, alice):
    practice = _at(alice, tree, PracticeStatus.BUILDING)
    with pytest.raises(ValidationError) as error:
        services.recognise(alice, practice, on=D(2025, 1, 20), level=RecognitionLevel.COMMUNE)
    assert "changed_on" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.recognise(alice, practice, on=D(2025, 3, 1), level="")
    services.recognise(alice, practice, on=D(2025, 3, 1), level=RecognitionLevel.CENTRAL, decision="15-QĐ/BDVTW")
    practice.refresh_from_db()
    assert (practice.status, practice.recognition_level, practice.recognised_on) == (
        "recognised", "central", D(2025, 3, 1))
    assert [s.status for s in practice.status_changes.all()] == ["registered", "building", "recognised"]


def test_viewer_cannot_move_a_model(tree, alice, bob, client_for):
    practice = make.practice(alice, tree.ubnd_quang_lam)
    response = client_for(bob).post(reverse("mobilisation:practice_transition", args=[practice.pk, "building"]),
                                    {"on": "2025-04-01"})
    assert response.status_code == 403
    assert GoodPractice.objects.get().status == PracticeStatus.REGISTERED


def test_transition_through_the_page(tree, alice, client_for):
    practice = make.practice(alice, tree.ubnd_quang_lam, registered_on=D(2025, 3, 10))
    client = client_for(alice)
    url = reverse("mobilisation:practice_transition", args=[practice.pk, "recognised"])
    response = client.post(url, {"on": "2025-04-01", "level": "province"})
    assert response.status_code == 400 and "Không thể chuyển" in response.content.decode()
    url = reverse("mobilisation:practice_transition", args=[practice.pk, "building"])
    assert client.post(url, {"on": "2025-04-01"}).status_code == 302
    page = client.get(reverse("mobilisation:practice_detail", args=[practice.pk])).content.decode()
    assert "Đang xây dựng" in page and "01/04/2025" in page
    assert reverse("history", args=["mobilisation", "goodpractice", practice.pk]) in page


@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        ("bien-ban.pdf", b"%PDF-1.7 ...", True),
        ("anh.jpg", b"\xff\xd8\xff\xe0 JFIF", True),
        ("anh.png", b"\x89PNG\r\n\x1a\n....", True),
        ("bao-cao.docx", b"PK\x03\x04 word", True),
        ("virus.exe", b"MZ\x90\x00", False),
        ("gia-mao.pdf", b"MZ\x90\x00 not a pdf", False),
        ("anh.png", b"%PDF-1.7", False),
    ],
)
def test_evidence_type_is_checked_by_extension_and_content(tree, alice, name, content, accepted, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    practice = make.practice(alice, tree.ubnd_quang_lam)
    upload = SimpleUploadedFile(name, content)
    if accepted:
        evidence = services.add_evidence(alice, practice, title="Minh chứng", file=upload)
        assert evidence.file.read() == content
    else:
        with pytest.raises(ValidationError) as error:
            services.add_evidence(alice, practice, title="Minh chứng", file=upload)
        assert "file" in error.value.message_dict
        assert not GoodPracticeEvidence.objects.exists()


def test_evidence_size_is_limited_and_the_page_says_so(tree, alice, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.DANVAN_MAX_ATTACHMENT_MB = 1
    practice = make.practice(alice, tree.ubnd_quang_lam)
    big = SimpleUploadedFile("lon.pdf", b"%PDF" + b"0" * (1024 * 1024))
    response = client_for(alice).post(reverse("mobilisation:practice_add_evidence", args=[practice.pk]),
                                      {"title": "Tệp lớn", "file": big})
    assert response.status_code == 400
    assert "lớn hơn 1 MB" in response.content.decode()
    assert not GoodPracticeEvidence.objects.exists()

    small = SimpleUploadedFile("nho.pdf", b"%PDF-1.4 ok")
    assert client_for(alice).post(reverse("mobilisation:practice_add_evidence", args=[practice.pk]),
                                  {"title": "Biên bản", "file": small}).status_code == 302
    evidence = GoodPracticeEvidence.objects.get()
    download = client_for(alice).get(reverse("mobilisation:evidence_download", args=[evidence.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 ok"


def test_only_recognition_asks_for_a_level_and_it_is_required(tree, alice, client_for):
    practice = _at(alice, tree, PracticeStatus.BUILDING)
    client = client_for(alice)
    page = client.get(reverse("mobilisation:practice_detail", args=[practice.pk])).content.decode()
    assert 'id="recognised-level"' in page and 'id="step-replicated"' not in page
    url = reverse("mobilisation:practice_transition", args=[practice.pk, "recognised"])
    response = client.post(url, {"on": "01/06/2025"})
    assert response.status_code == 400 and "Cấp công nhận:" in response.content.decode()
    assert GoodPractice.objects.get().status == PracticeStatus.BUILDING
    assert client.post(url, {"on": "01/06/2025", "level": "province", "decision": "88-QĐ/TU"}).status_code == 302
    practice.refresh_from_db()
    assert (practice.status, practice.recognition_level, practice.recognised_on) == (
        "recognised", "province", D(2025, 6, 1))
    assert practice.status_changes.last().decision == "88-QĐ/TU"
    page = client.get(reverse("mobilisation:practice_detail", args=[practice.pk])).content.decode()
    assert 'id="step-replicated"' in page and 'id="replicated-level"' not in page


def test_correcting_the_registration_date_moves_the_first_step_until_the_model_moves_on(tree, alice, client_for):
    from danvan.mobilisation import counts

    practice = make.practice(alice, tree.ubnd_quang_lam, registered_on=D(2025, 3, 10))
    services.amend(alice, practice, registered_on=D(2024, 12, 20))
    assert practice.status_changes.get().changed_on == D(2024, 12, 20)
    year_2024 = counts.count_good_practices(tree.cao_bang, D(2024, 1, 1), D(2024, 12, 31))
    assert (year_2024.registered, year_2024.by_status) == (1, {"registered": 1})

    services.start_building(alice, practice, on=D(2025, 1, 5))
    payload = {"organisation": tree.ubnd_quang_lam.pk, "name": practice.name, "holder": practice.holder,
               "holder_name": practice.holder_name, "field": practice.field, "year": "2025",
               "registered_on": "01/01/2025"}
    response = client_for(alice).post(reverse("mobilisation:practice_edit", args=[practice.pk]), payload)
    assert response.status_code == 400 and "không sửa được ngày đăng ký" in response.content.decode()
    practice.refresh_from_db()
    assert practice.registered_on == D(2024, 12, 20)
    assert practice.status_changes.first().changed_on == D(2024, 12, 20)
