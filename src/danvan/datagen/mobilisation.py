"""Dialogues, "Dân vận khéo" models, propaganda sessions, briefings, supervisions and commendations.

Volumes per province and year follow what the seed reports describe: each commune holds a dialogue
or two a year, the province a few; a commune registers a model every year or two, about half are
recognised and a few replicated; briefings are quarterly; commendations a few dozen a year.
"""

from __future__ import annotations

import datetime as dt

from danvan.units.models import OrganisationType

from . import texts
from .names import person_name

DIALOGUE_TOPICS = ("Đối thoại với Nhân dân về công tác bồi thường, giải phóng mặt bằng {p}",
                   "Đối thoại về xây dựng nông thôn mới nâng cao",
                   "Đối thoại với hội viên nông dân về chuyển đổi cây trồng",
                   "Đối thoại với thanh niên về việc làm, khởi nghiệp", "Đối thoại về sắp xếp đơn vị hành chính cấp xã",
                   "Đối thoại về cải cách thủ tục hành chính, chuyển đổi số",
                   "Đối thoại với phụ nữ về sinh kế bền vững",
                   "Đối thoại về bảo vệ môi trường, thu gom rác thải")
OPINIONS = ("Đề nghị công khai phương án bồi thường và giá đất cụ thể.", "Đường liên thôn xuống cấp, đề nghị sửa chữa.",
            "Thủ tục cấp giấy chứng nhận quyền sử dụng đất còn chậm.", "Đề nghị hỗ trợ giống cây trồng, vật nuôi.",
            "Tình trạng ô nhiễm từ cơ sở chăn nuôi chưa được xử lý dứt điểm.",
            "Đề nghị tăng cường an ninh trật tự ban đêm.",
            "Chế độ cho cán bộ thôn sau sắp xếp chưa rõ ràng.", "Đề nghị mở lớp dạy nghề cho lao động nông thôn.",
            "Nước sinh hoạt mùa khô thiếu, đề nghị đầu tư công trình.", "Trạm y tế thiếu thuốc, thiếu bác sĩ.")
COMMITMENTS = ("Chỉ đạo rà soát, trả lời bằng văn bản trước ngày {d}.",
               "Bố trí kinh phí sửa chữa tuyến đường trong năm.",
               "Giao cơ quan chuyên môn kiểm tra, xử lý và báo cáo kết quả.",
               "Tổ chức đối thoại lại sau khi có kết quả xác minh.")
PRACTICES = (("Mô hình \"Dân vận khéo\" trong hiến đất làm đường giao thông nông thôn", "rural"),
             ("Mô hình phát triển cây {c} gắn với xây dựng chuỗi giá trị", "economy"),
             ("Mô hình \"Camera an ninh\" bảo đảm trật tự ở {v}", "defence"),
             ("Mô hình \"Chi hội phụ nữ 5 không, 3 sạch\"", "culture"),
             ("Mô hình \"Dân vận khéo\" trong cải cách thủ tục hành chính", "political"),
             ("Mô hình \"Tổ tự quản bảo vệ môi trường\" {v}", "rural"),
             ("Mô hình \"Nhà văn hóa sáng - xanh - sạch\"", "culture"),
             ("Mô hình \"Đảng viên giúp hộ nghèo\"", "political"),
             ("Mô hình hợp tác xã chăn nuôi {c}", "economy"))
CROPS = ("hồi", "quế", "chè", "thạch đen", "lê", "dẻ", "cam", "bưởi", "mía", "gạo nếp")
PROPAGANDA = ("Tuyên truyền Luật Đất đai năm 2024", "Phổ biến Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo",
              "Tuyên truyền phòng, chống ma túy", "Tuyên truyền về sắp xếp đơn vị hành chính",
              "Phổ biến pháp luật về phòng, chống bạo lực gia đình", "Tuyên truyền bầu cử đại biểu Quốc hội và HĐND")


def generate(gen) -> None:
    from danvan.mobilisation.models import (
        Briefing,
        BriefingTask,
        Commendation,
        Dialogue,
        DialogueCommitment,
        DialogueOpinion,
        GoodPractice,
        GoodPracticeStatusChange,
        PropagandaSession,
        Supervision,
        SupervisionRecommendation,
    )

    rng, sink, until = gen.rng, gen.sink, gen.until
    years = range(gen.start.year, until.year + 1)
    # At national scale one commune in three is sampled each year, which keeps the volume proportionate.
    commune_share = 0.35 if gen.scale.all_provinces else 1.0
    bar = gen._bar(len(gen.provinces), "Công tác dân vận")

    def day_in(year: int) -> dt.date | None:
        low = max(dt.date(year, 1, 1), gen.start)
        high = min(dt.date(year, 12, 31), until)
        if high < low:
            return None
        return low + dt.timedelta(days=rng.randrange((high - low).days + 1))

    for ctx in gen.provinces:
        board = ctx.orgs[OrganisationType.MOBILISATION_BOARD]
        ubnd = ctx.orgs[OrganisationType.PEOPLES_COMMITTEE]
        for year in years:
            hosts = [(ubnd, None)] * 3 + [
                (ctx.commune_orgs[c.pk][OrganisationType.PEOPLES_COMMITTEE], c) for c in ctx.communes
                if rng.random() < commune_share]
            for org, commune in hosts:
                held = day_in(year)
                if held is None:
                    continue
                place = ctx.places_by_commune[commune.pk][0] if commune else gen.pick_place(ctx)
                chair = person_name(rng, male=rng.random() < 0.8, province_code=ctx.area.code)
                closed = held + dt.timedelta(days=rng.randrange(3, 20))
                dialogue = sink.add(Dialogue, {
                    "organisation_id": org.pk, "area_id": org.area_id, "held_on": held,
                    "topic": rng.choice(DIALOGUE_TOPICS).format(
                        p=rng.choice(texts.PROJECTS).format(n=3, w=place.village)),
                    "place": f"Hội trường {org.name}"[:255], "chair_name": chair,
                    "chair_role": rng.choice(("ubnd_chair", "secretary", "deputy", "mttq_chair")),
                    "chair_position": f"Chủ tịch {org.name}"[:200], "participants": rng.randrange(30, 250),
                    "created_at": _at(held, rng),
                    "closed_at": _at(closed, rng) if closed <= until and rng.random() < 0.8 else None,
                    "closing_report": ("Hội nghị đã tiếp thu, trả lời các ý kiến của Nhân dân."
                                       if closed <= until else ""),
                })
                for _ in range(rng.randrange(2, 8)):
                    taken = rng.random() < 0.4
                    opinion = sink.add(DialogueOpinion, {
                        "dialogue_id": dialogue, "speaker": person_name(rng, male=rng.random() < 0.6,
                                                                         province_code=ctx.area.code),
                        "content": rng.choice(OPINIONS), "field": rng.choice(("land", "policy", "admin_other",
                                                                              "environment", "other")),
                        "handling": "taken_away" if taken else "answered",
                        "answer": "" if taken else "Đã giải thích, trả lời trực tiếp tại hội nghị.",
                        "created_at": _at(held, rng),
                    })
                    if taken:
                        due = held + dt.timedelta(days=rng.randrange(15, 120))
                        done = rng.random() < 0.7 and due - dt.timedelta(days=5) <= until
                        completed = min(until, due - dt.timedelta(days=rng.randrange(0, 10)) +
                                        dt.timedelta(days=rng.randrange(0, 30) if rng.random() < 0.2 else 0))
                        sink.add(DialogueCommitment, {
                            "dialogue_id": dialogue, "opinion_id": opinion, "owner": rng.choice(
                                ("Phòng Kinh tế", "Văn phòng HĐND và UBND", "Công an xã", "Ban quản lý dự án")),
                            "content": rng.choice(COMMITMENTS).format(d=f"{due.day}/{due.month}/{due.year}"),
                            "due_on": due, "status": "done" if done else "open",
                            "completed_on": completed if done else None,
                            "result": "Đã thực hiện xong, thông báo cho công dân." if done else "",
                            "created_at": _at(held, rng),
                        })
            # Good-practice models, with their append-only status steps.
            for commune in ctx.communes:
                if rng.random() >= 0.5 * commune_share:
                    continue
                registered = day_in(year)
                if registered is None:
                    continue
                org = ctx.commune_orgs[commune.pk].get(OrganisationType.PARTY_COMMITTEE) or ubnd
                place = ctx.places_by_commune[commune.pk][rng.randrange(len(ctx.places_by_commune[commune.pk]))]
                name, field = rng.choice(PRACTICES)
                collective = rng.random() < 0.7
                steps = [("registered", registered, "")]
                building = registered + dt.timedelta(days=rng.randrange(10, 60))
                if building <= until:
                    steps.append(("building", building, ""))
                    recognised = building + dt.timedelta(days=rng.randrange(120, 400))
                    if recognised <= until and rng.random() < 0.55:
                        level = rng.choices(("commune", "province", "central"), (70, 27, 3))[0]
                        steps.append(("recognised", recognised, level))
                        replicated = recognised + dt.timedelta(days=rng.randrange(90, 365))
                        if replicated <= until and rng.random() < 0.3:
                            steps.append(("replicated", replicated, level))
                status, last_on, level = steps[-1]
                recognised_step = next((s for s in steps if s[0] == "recognised"), None)
                practice = sink.add(GoodPractice, {
                    "organisation_id": org.pk, "area_id": org.area_id,
                    "name": name.format(c=rng.choice(CROPS), v=place.village)[:300],
                    "holder": "collective" if collective else "individual",
                    "holder_name": (f"Chi bộ {place.village}" if collective else
                                    person_name(rng, male=rng.random() < 0.6, province_code=ctx.area.code)),
                    "place_id": place.commune_id, "field": field, "year": registered.year, "registered_on": registered,
                    "situation": f"Trước đây {place.village} còn nhiều khó khăn, người dân chưa đồng thuận.",
                    "goals": "Huy động Nhân dân cùng tham gia, nâng cao đời sống.",
                    "method": "Cán bộ, đảng viên gương mẫu đi đầu; vận động từng hộ gia đình.",
                    "status": status, "recognition_level": recognised_step[2] if recognised_step else "",
                    "recognised_on": recognised_step[1] if recognised_step else None,
                    "replicated_on": last_on if status == "replicated" else None,
                    "created_at": _at(registered, rng),
                })
                for step_status, on, step_level in steps:
                    sink.add(GoodPracticeStatusChange, {
                        "practice_id": practice, "status": step_status, "changed_on": on,
                        "level": step_level if step_status in ("recognised", "replicated") else "",
                        "decision": f"{rng.randrange(10, 900)}-QĐ/{rng.choice(('ĐU', 'TU', 'BDVTU'))}"
                        if step_status == "recognised" else "", "created_at": _at(on, rng),
                    })
                if recognised_step and rng.random() < 0.5:
                    on = recognised_step[1] + dt.timedelta(days=rng.randrange(5, 60))
                    if on <= until:
                        sink.add(Commendation, {
                            "organisation_id": board.pk, "area_id": board.area_id, "kind": "merit_paper",
                            "recipient_kind": "collective" if collective else "individual",
                            "recipient_name": f"Chi bộ {place.village}" if collective else person_name(rng, male=True),
                            "decision_number": f"{rng.randrange(100, 3000)}-QĐ/TU", "decided_on": on,
                            "issued_by": board.name, "reason": "Có thành tích xuất sắc trong xây dựng mô hình "
                            "\"Dân vận khéo\".", "practice_id": practice, "created_at": _at(on, rng),
                        })
            # Commendations: the yearly medal and certificates.
            for _ in range(rng.randrange(8, 25)):
                on = day_in(year)
                if on is None:
                    break
                kind = rng.choices(("medal", "certificate", "merit_paper"), (40, 25, 35))[0]
                sink.add(Commendation, {
                    "organisation_id": board.pk, "area_id": board.area_id, "kind": kind,
                    "recipient_kind": "individual" if rng.random() < 0.8 else "collective",
                    "recipient_name": person_name(rng, male=rng.random() < 0.6, province_code=ctx.area.code),
                    "recipient_position": rng.choice(("Bí thư chi bộ", "Trưởng thôn", "Chủ tịch Hội Nông dân xã",
                                                      "Công chức văn hóa - xã hội", "Cựu chiến binh")),
                    "decision_number": f"{rng.randrange(100, 3000)}-QĐ/{'BDVTW' if kind == 'medal' else 'TU'}",
                    "decided_on": on,
                    "issued_by": "Ban Tuyên giáo và Dân vận Trung ương" if kind == "medal" else board.name,
                    "reason": "Có nhiều đóng góp cho sự nghiệp dân vận.", "created_at": _at(on, rng),
                })
            # Propaganda sessions, quarterly briefings, supervisions.
            for _ in range(rng.randrange(6, 20)):
                on = day_in(year)
                if on is None:
                    break
                sink.add(PropagandaSession, {
                    "organisation_id": board.pk, "area_id": board.area_id, "held_on": on,
                    "kind": rng.choice(("propaganda", "legal")), "topic": rng.choice(PROPAGANDA),
                    "place": gen.pick_place(ctx).commune, "attendees": rng.randrange(20, 400),
                    "created_at": _at(on, rng),
                })
            for quarter in range(4):
                on = dt.date(year, 3 * quarter + 3, 25)
                if on < gen.start or on > until:
                    continue
                briefing = sink.add(Briefing, {
                    "organisation_id": board.pk, "area_id": board.area_id, "held_on": on,
                    "period": f"Quý {('I', 'II', 'III', 'IV')[quarter]}/{year}",
                    "chair_name": person_name(rng, male=True, province_code=ctx.area.code),
                    "participants": rng.randrange(10, 40),
                    "conclusions": "Nắm chắc tình hình Nhân dân, giải quyết kịp thời các vụ việc phức tạp.",
                    "created_at": _at(on, rng),
                })
                due = on + dt.timedelta(days=60)
                done = due <= until and rng.random() < 0.8
                sink.add(BriefingTask, {
                    "briefing_id": briefing, "owner": "Ban Dân vận các xã, phường",
                    "content": "Rà soát các vụ việc khiếu nại đông người, báo cáo trước kỳ giao ban sau.",
                    "due_on": due, "status": "done" if done else "open", "completed_on": due if done else None,
                    "result": "Đã báo cáo." if done else "", "created_at": _at(on, rng),
                })
            for _ in range(rng.randrange(1, 4)):
                on = day_in(year)
                if on is None:
                    break
                commune = ctx.communes[rng.randrange(len(ctx.communes))]
                supervised = ctx.commune_orgs[commune.pk][OrganisationType.PEOPLES_COMMITTEE]
                front = ctx.orgs.get(OrganisationType.FATHERLAND_FRONT, board)
                supervision = sink.add(Supervision, {
                    "organisation_id": front.pk, "area_id": front.area_id, "held_on": on,
                    "supervised_id": supervised.pk,
                    "subject": "Giám sát việc tiếp công dân, giải quyết khiếu nại, tố cáo",
                    "findings": "Cơ bản thực hiện đúng quy định; còn đơn quá hạn giải quyết.",
                    "created_at": _at(on, rng),
                })
                due = on + dt.timedelta(days=90)
                done = due <= until and rng.random() < 0.6
                sink.add(SupervisionRecommendation, {
                    "supervision_id": supervision, "owner": supervised.name,
                    "content": "Giải quyết dứt điểm các đơn quá hạn; công khai kết quả.", "due_on": due,
                    "status": "done" if done else "open", "completed_on": due if done else None,
                    "result": "Đã khắc phục." if done else "", "created_at": _at(on, rng),
                })
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()


def _at(day, rng):
    from .generator import _at as at

    return at(day, rng)
