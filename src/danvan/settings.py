"""danvan settings. Every deployment choice is an environment variable, documented in README.md."""

import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from danvan.core.proxy import parse_networks
from danvan.env import envbool, envint, envlist, envstr

PACKAGE_DIR = Path(__file__).resolve().parent
# var/ holds the embedded database, the generated development key and uploaded files.
VAR_DIR = Path(envstr("DANVAN_VAR_DIR") or PACKAGE_DIR.parent.parent / "var")

DEBUG = envbool("DANVAN_DEBUG", False)


def _secret_key() -> str:
    key = envstr("DANVAN_SECRET_KEY")
    if key:
        return key
    if not DEBUG and not envbool("DANVAN_DEV_KEY", False):
        raise ImproperlyConfigured(
            "DANVAN_SECRET_KEY (or DANVAN_SECRET_KEY_FILE) must be set when DANVAN_DEBUG is off."
        )
    # Development only: one generated key kept under var/ so sessions survive restarts.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = envlist("DANVAN_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = envlist("DANVAN_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "django_htmx",
    # Searchable pickers (ADR 0020): only for their static files (the autocomplete-light web component).
    "dal",
    "dal_alight",
    "danvan.core",
    "danvan.units",
    "danvan.people",
    "danvan.matters",
    "danvan.accounts",
    "danvan.legal",
    "danvan.reception",
    "danvan.letters",
    "danvan.mobilisation",
    "danvan.reports",
    "danvan.reading",
    "danvan.datagen",
    "danvan.duplicates",
    "danvan.papers",
    "danvan.hotspots",
    "danvan.ops",
    "danvan.workqueue",
    "django_prometheus",
]

MIDDLEWARE = [
    # Request id first, so that every other middleware's logs carry it; then a database too busy to write
    # answers 503 "hệ thống đang bận" from any layer below (core.busy); then metrics count the rest.
    "danvan.ops.requestid.RequestIdMiddleware",
    # Each request's CPU, queries and bytes to DANVAN_COST_LOG (off unless set: the load test sets it).
    "danvan.ops.cost.RequestCostMiddleware",
    "danvan.core.busy.DatabaseBusyMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Refuses an oversize body before reading it; NFC-normalises all text input (ADR 0013).
    "danvan.core.middleware.InputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Axes last, as its documentation asks.
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # Report pages read from the replica when there is one; last, so every other view hook (login) runs first.
    "danvan.ops.routers.ReplicaReadsMiddleware",
]

ROOT_URLCONF = "danvan.urls"
WSGI_APPLICATION = "danvan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "danvan.core.context_processors.navigation",
            ],
        },
    },
]

# Django's form renderer with the plain inputs and text areas written in Python (danvan.core.renderers): the same
# markup without three templates per field.
FORM_RENDERER = "danvan.core.renderers.PlainWidgetRenderer"

# SQLite under var/ is the embedded default; DATABASE_URL selects PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'danvan.sqlite3'}",
        conn_max_age=envint("DANVAN_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL: readers never wait for the writer. One writer at a time: a write waits up to the busy timeout for
    # the lock (bulk jobs commit in short chunks), then the request answers 503 (core.busy). IMMEDIATE: a write
    # transaction takes the lock when it begins, so it waits there rather than failing half-way.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": envint("DANVAN_SQLITE_BUSY_SECONDS", 10),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
elif DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    # JIT compilation cost 0,3–0,6 s per large report query (EXPLAIN ANALYZE on 1M letters) and never paid
    # back on our queries, which run in well under a second once planned.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# A PostgreSQL streaming replica for reports and dashboards (danvan.ops.routers): used while it is at most
# DANVAN_REPLICA_MAX_LAG_SECONDS behind, else the primary answers. Tests mirror it onto the primary.
if envstr("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(envstr("DATABASE_REPLICA_URL"),
                                                 conn_max_age=envint("DANVAN_DB_CONN_MAX_AGE", 0))
    DATABASES["replica"]["OPTIONS"] = {**DATABASES["default"].get("OPTIONS", {}), "connect_timeout": 3}
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["danvan.ops.routers.ReplicaRouter"]
DANVAN_REPLICA_MAX_LAG_SECONDS = envint("DANVAN_REPLICA_MAX_LAG_SECONDS", 30)
DANVAN_REPLICA_NAMESPACES = ["reports"]

# Report figures, charts and the dashboard's fragments (danvan.reports.cache, ADR 0021) are cached in each process
# unless DANVAN_CACHE_DIR names a directory: then gunicorn's workers on the machine share them (Django's
# FileBasedCache), and a report one worker computed serves the others instead of being counted again in each.
if envstr("DANVAN_CACHE_DIR"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                          "LOCATION": envstr("DANVAN_CACHE_DIR"), "TIMEOUT": 300,
                          "OPTIONS": {"MAX_ENTRIES": 5000}}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, reading the user's organisation and area with the user (one query, not three).
    # A session signed in before this backend existed names Django's, so its user signs in once more.
    "danvan.accounts.backends.ScopedModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
CSRF_FAILURE_VIEW = "danvan.core.errors.csrf_failure"  # a Vietnamese page in the app's layout

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: an account is locked after repeated failures from anywhere, and an address after repeated
# failures on any accounts (one password tried across many usernames). The address is the client's as told by a
# trusted reverse proxy (core.proxy): behind a proxy every request comes from the proxy, and keying on it would
# let one officer's typos lock the whole office out.
AXES_FAILURE_LIMIT = envint("DANVAN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("DANVAN_LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
DANVAN_TRUSTED_PROXIES = parse_networks(envlist("DANVAN_TRUSTED_PROXIES", []))
AXES_CLIENT_IP_CALLABLE = "danvan.core.proxy.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_ENABLED = envbool("DANVAN_LOGIN_THROTTLING", True)
DANVAN_COST_LOG = envstr("DANVAN_COST_LOG", "") or ""

# Cookies are secure whenever DEBUG is off; a plain-HTTP demo sets DANVAN_DEBUG=true.
SECURE_COOKIES = envbool("DANVAN_SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("DANVAN_SESSION_HOURS", 10) * 3600
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
BEHIND_TLS_PROXY = envbool("DANVAN_BEHIND_TLS_PROXY", False)
if BEHIND_TLS_PROXY:
    # Served over HTTPS only: the proxy says which requests came over TLS; plain HTTP is redirected and
    # browsers are told to use HTTPS from then on (HSTS).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind the TLS proxy, HTTPS is the default: plain HTTP is redirected (except the loopback probes) and browsers
# are told to keep to HTTPS (HSTS, a year, subdomains included); each can still be set on its own.
SECURE_SSL_REDIRECT = envbool("DANVAN_SSL_REDIRECT", BEHIND_TLS_PROXY)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]  # probed over plain HTTP on loopback
SECURE_HSTS_SECONDS = envint("DANVAN_HSTS_SECONDS", 365 * 24 * 3600 if BEHIND_TLS_PROXY else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("DANVAN_HSTS_INCLUDE_SUBDOMAINS", BEHIND_TLS_PROXY)
SECURE_HSTS_PRELOAD = envbool("DANVAN_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Preloading is a commitment made for the whole domain by its owner, not a default of the application.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Content-Security-Policy: everything is served from this origin, no inline scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Off: Django's automatic grouping also reached ids, years and other values that pages send back
# ("1.234" in a hidden input or a link answered 404 or 400, issue 13). A number a person reads is
# grouped explicitly, with the `vn_number` filter or `core.formatting.vn_number` (1.184, 96,5%).
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = Path(envstr("DANVAN_MEDIA_ROOT") or VAR_DIR / "media")
MEDIA_URL = "media/"
# Attachments: size limit in MiB and accepted types.
DANVAN_MAX_ATTACHMENT_MB = envint("DANVAN_MAX_ATTACHMENT_MB", 20)
# A whole request (a letter with its attachments): refused from its Content-Length, before it is read.
DANVAN_MAX_UPLOAD_MB = envint("DANVAN_MAX_UPLOAD_MB", 5 * DANVAN_MAX_ATTACHMENT_MB)
# Free texts (a letter's content, a dialogue's report): at most this many characters each (core.forms).
DANVAN_MAX_TEXT_CHARS = envint("DANVAN_MAX_TEXT_CHARS", 20_000)
# The form fields of one request, files aside: room for a dozen capped texts of Vietnamese, percent-encoded
# (up to 9 bytes a character); a larger body is a 400 before any form sees it.
DATA_UPLOAD_MAX_MEMORY_SIZE = max(5 * 1024 * 1024, DANVAN_MAX_TEXT_CHARS * 9 * 12)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Behind nginx: attachments leave through its `internal` location under this prefix (X-Accel-Redirect), after
# danvan's permission check; empty: danvan streams them itself.
DANVAN_ACCEL_REDIRECT_PREFIX = envstr("DANVAN_ACCEL_REDIRECT_PREFIX", "")

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
SIMPLE_HISTORY_REVERT_DISABLED = True

LOG_FORMAT = envstr("DANVAN_LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"DANVAN_LOG_FORMAT must be text or json, not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every record carries the request id (danvan.ops.requestid), also echoed in the X-Request-ID header.
    "filters": {"request_id": {"()": "danvan.ops.requestid.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
        "json": {"()": "danvan.ops.requestid.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": LOG_FORMAT},
    },
    "root": {"handlers": ["console"], "level": envstr("DANVAN_LOG_LEVEL", "WARNING")},
}
# /metrics (Prometheus text): with a token, only `Authorization: Bearer <token>`; without, only a scraper on
# this machine talking to gunicorn directly (never through the proxy).
DANVAN_METRICS_TOKEN = envstr("DANVAN_METRICS_TOKEN", "")

# dd/mm/yyyy everywhere, numbers 1.538 and 98,5% (ADR 0006, core/formatting.py).
FORMAT_MODULE_PATH = ["danvan.formats"]

# Reception: a visit of this many persons or more is a large group (đoàn đông người). Form 01/TCD counts
# large groups but the law sets no size; 5 is the usual reading (Luật Tiếp công dân 2013 Điều 29 speaks of
# groups of 5 or more sending representatives).
DANVAN_LARGE_GROUP_MIN_PERSONS = envint("DANVAN_LARGE_GROUP_MIN_PERSONS", 5)

# E-mail (the daily reminder digest, `danvan send_reminders`): Django's SMTP backend.
EMAIL_HOST = envstr("DANVAN_EMAIL_HOST") or "localhost"
EMAIL_PORT = envint("DANVAN_EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("DANVAN_EMAIL_USER") or ""
EMAIL_HOST_PASSWORD = envstr("DANVAN_EMAIL_PASSWORD") or ""
EMAIL_USE_TLS = envbool("DANVAN_EMAIL_STARTTLS", False)
EMAIL_USE_SSL = envbool("DANVAN_EMAIL_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("DANVAN_EMAIL_STARTTLS and DANVAN_EMAIL_SSL cannot both be true")
EMAIL_TIMEOUT = envint("DANVAN_EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = envstr("DANVAN_EMAIL_FROM") or "danvan@localhost"
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address of the site as users reach it, for the links in e-mails.
DANVAN_BASE_URL = (envstr("DANVAN_BASE_URL") or "http://127.0.0.1:8000").rstrip("/")
