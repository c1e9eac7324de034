"""danvan settings. Every deployment choice is an environment variable, documented in README.md."""

import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

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
    "danvan.datagen",
    "danvan.duplicates",
]

MIDDLEWARE = [
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

# SQLite under var/ is the embedded default; DATABASE_URL selects PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'danvan.sqlite3'}",
        conn_max_age=envint("DANVAN_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the demo server and a CLI command share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
elif DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    # JIT compilation cost 0,3–0,6 s per large report query (EXPLAIN ANALYZE on 1M letters) and never paid
    # back on our queries, which run in well under a second once planned.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
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

# Login throttling: lock an account+address pair after repeated failures.
AXES_FAILURE_LIMIT = envint("DANVAN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("DANVAN_LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_ENABLED = envbool("DANVAN_LOGIN_THROTTLING", True)

# Cookies are secure whenever DEBUG is off; a plain-HTTP demo sets DANVAN_DEBUG=true.
SECURE_COOKIES = envbool("DANVAN_SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("DANVAN_SESSION_HOURS", 10) * 3600
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if envbool("DANVAN_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

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
USE_THOUSAND_SEPARATOR = True

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

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
SIMPLE_HISTORY_REVERT_DISABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("DANVAN_LOG_LEVEL", "WARNING")},
}

# dd/mm/yyyy everywhere, numbers 1.538 and 98,5% (DEVELOPERS.md).
FORMAT_MODULE_PATH = ["danvan.formats"]
