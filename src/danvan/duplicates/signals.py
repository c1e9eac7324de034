"""Receivers that keep the fingerprints of letters up to date (connected in `apps.py`)."""

from __future__ import annotations


def letter_saved(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return  # fixtures loading: `danvan reindex_duplicates` afterwards
    from danvan.duplicates.index import refresh_fingerprint

    refresh_fingerprint(instance)


def petitioner_saved(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    from danvan.duplicates.index import refresh_fingerprint

    refresh_fingerprint(instance.letter)


def citizen_saved(sender, instance, created=False, raw=False, **kwargs) -> None:
    """A corrected name or ID number changes the petitioner keys of the citizen's letters."""
    if raw or created:
        return
    from danvan.duplicates.index import refresh_fingerprint
    from danvan.letters.models import Letter

    for letter in Letter.objects.filter(petitioner_links__citizen=instance).distinct():
        refresh_fingerprint(letter)
