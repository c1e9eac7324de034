import datetime as dt
from danvan.accounts.models import Role
from danvan.datagen.generator import SCALES, Generator
from danvan.datagen.models import GeneratedLabel
from danvan.duplicates import index as dup_index, services
from danvan.letters.models import Letter
from danvan.units.models import OrganisationType
from danvan.units.services import create_standard_organisations
from tests.conftest import make_org, make_user
from tests.duplicates.test_quality import Score, _earlier


def test_dbg(tree, root):
    create_standard_organisations(tree.nation, [tree.cao_bang, tree.ha_noi], [tree.quang_lam, tree.hoa_an, tree.hoan_kiem])
    Generator(scale=SCALES["tiny"], seed=11, until=dt.date(2026, 10, 31), letters=400, visits=60, history=False).run()
    dup_index.forget(); dup_index.reindex_all()
    label_of = dict(GeneratedLabel.objects.values_list("letter_id", "chain_id"))
    head = make_user("tw", make_org("Ban Dân vận Trung ương", OrganisationType.MOBILISATION_BOARD, tree.nation), Role.HEAD)
    letters = list(Letter.objects.select_related("subject_area").prefetch_related("petitioner_links__citizen").order_by("received_on", "pk"))
    byid = {l.pk: l for l in letters}
    score = Score(); shown = 0
    for letter in letters:
        people = [(l.citizen.full_name, l.citizen.id_number, l.citizen.birth_year) for l in letter.petitioner_links.all()]
        sug = services.suggestions_for_draft(head, text=f"{letter.summary}\n{letter.content}", petitioners=people, subject_area=letter.subject_area,
                field=letter.field, received_on=letter.received_on, exclude_letters=frozenset({letter.pk}))
        score.add(sug, label_of, label_of[letter.pk], _earlier(letters, label_of, letter), letter.pk)
        for s in sug[:5]:
            if s.likely_same and label_of[s.letter.pk] != label_of[letter.pk] and shown < 0:
                shown += 1
                print("\n=== FALSE", s.hit, "\nQ:", letter.summary, "|", letter.content[:400], "\nD:", s.letter.summary, "|", byid[s.letter.pk].content[:400], "\nR:", s.reasons)
    print(score.precision, score.recall); print(score.sweep())
