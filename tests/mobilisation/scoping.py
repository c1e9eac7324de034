"""Every mobilisation URL with an argument, with a record in Cao Bằng (tests/core/test_outsiders.py)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.mobilisation import services
from tests.mobilisation import factories as make


def _dialogue(tree, user):
    return {"pk": make.dialogue(user, tree.ubnd_quang_lam).pk}


def _commitment(tree, user):
    return {"pk": make.commitment(user, make.dialogue(user, tree.ubnd_quang_lam)).pk}


def _practice(tree, user):
    return make.practice(user, tree.ubnd_quang_lam)


def _briefing(tree, user):
    return make.briefing(user, tree.board_cb)


def _supervision(tree, user):
    return make.supervision(user, tree.board_cb)


def _evidence(tree, user):
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 minh chung", content_type="application/pdf")
    return {"pk": services.add_evidence(user, _practice(tree, user), title="Biên bản", file=upload).pk}


def _task(tree, user):
    return {"pk": services.add_briefing_task(user, _briefing(tree, user), content="Rà soát", owner="Ban").pk}


def _recommendation(tree, user):
    return {"pk": services.add_recommendation(user, _supervision(tree, user), content="Công khai", owner="Trường").pk}


def _pk(factory):
    return lambda tree, user: {"pk": factory(tree, user).pk}


SECTION_FACTORIES = {
    "dialogue": lambda tree, user: make.dialogue(user, tree.ubnd_quang_lam),
    "practice": _practice,
    "session": lambda tree, user: make.session(user, tree.ubnd_quang_lam),
    "course": lambda tree, user: make.course(user, tree.board_cb),
    "briefing": _briefing,
    "supervision": _supervision,
    "support": lambda tree, user: make.support(user, tree.ubnd_quang_lam),
    "directive": lambda tree, user: make.directive(user, tree.board_cb),
    "commendation": lambda tree, user: make.commendation(user, tree.board_cb),
}

URL_FACTORIES = {
    "mobilisation:dialogue_add_opinion": _dialogue,
    "mobilisation:dialogue_add_commitment": _dialogue,
    "mobilisation:dialogue_close": _dialogue,
    "mobilisation:commitment_complete": _commitment,
    "mobilisation:briefing_add_task": _pk(_briefing),
    "mobilisation:task_complete": _task,
    "mobilisation:supervision_add_recommendation": _pk(_supervision),
    "mobilisation:recommendation_complete": _recommendation,
    "mobilisation:practice_transition": lambda tree, user: {"pk": _practice(tree, user).pk, "step": "building"},
    "mobilisation:practice_add_evidence": _pk(_practice),
    "mobilisation:evidence_download": _evidence,
    "mobilisation:directive_file_review": lambda tree, user: {"pk": make.directive(user, tree.board_cb).pk},
    "mobilisation:archive": lambda tree, user: {"kind": "dialogue", **_dialogue(tree, user)},
    "mobilisation:restore": lambda tree, user: {"kind": "dialogueopinion", "pk": make.opinion(
        user, make.dialogue(user, tree.ubnd_quang_lam)).pk},
}
for _key, _factory in SECTION_FACTORIES.items():
    URL_FACTORIES[f"mobilisation:{_key}_detail"] = _pk(_factory)
    URL_FACTORIES[f"mobilisation:{_key}_edit"] = _pk(_factory)
