import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
application = get_wsgi_application()

from django.urls import reverse  # noqa: E402  (after the settings: the application is set up)

from danvan.env import envbool  # noqa: E402

# Every view's module imported now, not on a worker's first request (its URL configuration imports them all).
reverse("home")

if envbool("DANVAN_PRELOAD_DUPLICATES", False):
    # With gunicorn --preload, once in the master, shared by the workers it forks (issue 23, ADR 0027).
    from danvan.duplicates.index import preload

    preload()

# What is loaded by now (Django, every module, the URL configuration: about 180.000 objects) lives as long as the
# process: out of the garbage collector's sight. Each full collection walked all of it, a pause of 120 ms on a
# province's load test, once in every 250 requests or so of a worker (ADR 0035). With --preload, frozen in the
# master before the fork, which also keeps the collector from writing to pages the workers share.
gc.freeze()
