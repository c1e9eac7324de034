"""The reader's vocabulary from the database: the indicator catalogue and the phrases administrators edit."""

from __future__ import annotations

from danvan.reading.grammar import Phrase, Reader, Term, Vocabulary
from danvan.reading.models import IndicatorPhrase
from danvan.reports.models import Indicator, disaggregation_choices


def load_vocabulary() -> Vocabulary:
    indicators = Indicator.objects.filter(archived_at__isnull=True).select_related("numerator", "denominator")
    terms = {
        i.code: Term(i.code, i.name, i.unit, i.numerator.code if i.numerator_id else "",
                     i.denominator.code if i.denominator_id else "",
                     tuple(disaggregation_choices(i.disaggregation)))
        for i in indicators
    }
    phrases = [Phrase(p.indicator.code, p.phrase, p.disaggregation_key)
               for p in IndicatorPhrase.objects.filter(archived_at__isnull=True, indicator__archived_at__isnull=True)
               .select_related("indicator").order_by("pk")]
    return Vocabulary(terms, phrases)


def reader() -> Reader:
    return Reader(load_vocabulary())
