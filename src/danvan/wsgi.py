import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
application = get_wsgi_application()

from danvan.env import envbool  # noqa: E402  (after the settings: the application is set up)

if envbool("DANVAN_PRELOAD_DUPLICATES", False):
    # With gunicorn --preload, once in the master, shared by the workers it forks (issue 23, ADR 0027).
    from danvan.duplicates.index import preload

    preload()
