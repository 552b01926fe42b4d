"""Settings for aims, read from the environment (see .env.example)."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from aims.lib.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("AIMS_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see .env.example).")
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Before allauth, so that our templates override allauth's.
    "aims.accounts",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "template_partials",
    "django_typer",
    "simple_history",
    "csp",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "aims.organizations",
    "aims.audit",
    "aims.catalog",
    "aims.ai_systems",
    "aims.components",
    "aims.third_parties",
    "aims.eu_ai_act",
    "aims.interchange",
    "aims.context",
    "aims.documents",
    "aims.policies",
    "aims.acknowledgements",
    "aims.risks",
    "aims.impact_assessments",
    "aims.controls",
    "aims.evidence",
    "aims.incidents",
    "aims.improvement",
    "aims.internal_audits",
    "aims.objectives",
    "aims.monitoring",
    "aims.changes",
    "aims.reviews",
    "aims.reminders",
    "aims.people",
    "aims.readiness",
    "aims.packs",
    "aims.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # After the view: every request of an external auditor is appended to the organisation's audit trail.
    "aims.organizations.middleware.ExternalAuditorAccessLogMiddleware",
]

ROOT_URLCONF = "aims.urls"
WSGI_APPLICATION = "aims.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "aims" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "aims.organizations.context_processors.organizations",
            ],
        },
    }
]

# Database: SQLite under var/ by default, PostgreSQL (or another) through DATABASE_URL.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "aims.sqlite3"),
            "OPTIONS": {
                # WAL lets readers run beside the writer; IMMEDIATE takes the write lock at BEGIN,
                # so two writers queue on the busy timeout instead of failing mid-transaction.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            },
            "TEST": {"NAME": ":memory:"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds the login and public-link rate limits and the TOTP codes already used, so it must be one for
# every worker process: Redis when REDIS_URL is set, otherwise a table in the aims database (created by
# `aims migrate`), never a process's own memory.
CACHE_URL = env_str("REDIS_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "aims_cache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    )
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "account_login"

# django-allauth: e-mail sign-in, no open sign-up unless invited or AIMS_OPEN_SIGNUP is on.
ACCOUNT_ADAPTER = "aims.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "none")
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("AIMS_LOGIN_RATE_LIMIT", "5/5m/ip,5/5m/key"),
    "reset_password": "5/m/ip,3/m/key",
    "signup": "20/m/ip",
}
AIMS_OPEN_SIGNUP = env_bool("AIMS_OPEN_SIGNUP", False)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "aims")

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "aims <aims@localhost>")

# Background work (reminders, e-mail) through the django.tasks API. "database" (the default) keeps the queue
# in our own database, SQLite or PostgreSQL, and `aims worker` runs it; "redis" puts it on Redis through RQ
# (pip install 'aims[redis]', REDIS_URL); "immediate" runs each task at once, in the request (tests, demos).
AIMS_TASKS_BACKEND = env_str("AIMS_TASKS_BACKEND", "database")
_TASK_BACKENDS = {
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    "redis": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]},
    "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
if AIMS_TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"AIMS_TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}.")
if AIMS_TASKS_BACKEND == "redis":
    if not CACHE_URL:
        raise ImproperlyConfigured("AIMS_TASKS_BACKEND=redis needs REDIS_URL.")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": CACHE_URL}}
TASKS = {"default": _TASK_BACKENDS[AIMS_TASKS_BACKEND]}
# How often `aims worker` sweeps for reminders (and records computed measurements).
AIMS_REMINDER_INTERVAL_MINUTES = env_int("AIMS_REMINDER_INTERVAL_MINUTES", 60)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# Static files: our own under aims/static, vendor assets installed by npm into node_modules
# (see package.json) and served from this machine; never from a CDN.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "aims" / "static",
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/pico", NODE_MODULES / "@picocss" / "pico" / "css"),
    ("vendor/chartjs", NODE_MODULES / "chart.js" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("AIMS_MANIFEST_STATIC", not DEBUG and env_bool("AIMS_COLLECTED_STATIC", False))
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = VAR_DIR / "media"
WHITENOISE_USE_FINDERS = True

# Security headers and the content-security policy: no inline script, nothing from other hosts.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG and SITE_URL.startswith("https"))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# The API: one page size rule for every list.
AIMS_API_PAGE_SIZE = 50
AIMS_API_MAX_PAGE_SIZE = 200
AIMS_TOKEN_DEFAULT_DAYS = env_int("AIMS_TOKEN_DEFAULT_DAYS", 90)
# The longest an external auditor's access may run from the day it is granted or extended.
AIMS_EXTERNAL_AUDIT_MAX_DAYS = env_int("AIMS_EXTERNAL_AUDIT_MAX_DAYS", 90)
AIMS_MAX_IMPORT_BYTES = env_int("AIMS_MAX_IMPORT_BYTES", 10 * 1024 * 1024)
AIMS_MAX_UPLOAD_BYTES = env_int("AIMS_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
# What an imported workbook may expand to when read, whatever its size on the wire: all its parts unpacked,
# the cells of one sheet's grid (first to last used row and column), and the memory and CPU time of the
# child process that reads it.
AIMS_IMPORT_MAX_EXPANDED_BYTES = env_int("AIMS_IMPORT_MAX_EXPANDED_BYTES", 250_000_000)
AIMS_IMPORT_MAX_CELLS = env_int("AIMS_IMPORT_MAX_CELLS", 5_000_000)
AIMS_IMPORT_READER_MEMORY_MB = env_int("AIMS_IMPORT_READER_MEMORY_MB", 1024)
AIMS_IMPORT_READER_SECONDS = env_int("AIMS_IMPORT_READER_SECONDS", 60)
# The Ed25519 key that signs evidence packs (`aims pack key` shows its fingerprint); made on first use.
AIMS_PACK_SIGNING_KEY_FILE = Path(
    env_str("AIMS_PACK_SIGNING_KEY_FILE", str(VAR_DIR / "pack-signing-key.pem"))
)
AIMS_CONCERN_REPORTS_PER_HOUR = env_int("AIMS_CONCERN_REPORTS_PER_HOUR", 20)
AIMS_INCIDENT_REPORTS_PER_HOUR = env_int("AIMS_INCIDENT_REPORTS_PER_HOUR", 20)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
