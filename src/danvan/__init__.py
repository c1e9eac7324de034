"""danvan: công tác dân vận — citizen reception, letters, dialogues, "Dân vận khéo" and reports."""

__version__ = "0.1.0"
