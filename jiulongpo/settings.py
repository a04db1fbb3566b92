"""Settings for the Jiulongpo civic site: one module, every value from the environment.

With no DATABASE_URL the site runs on a SQLite file in the project folder with DEBUG on;
production sets DEBUG=0 and must then provide SECRET_KEY and ALLOWED_HOSTS.
"""

import hashlib
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from jiulongpo.env import envbool, envint, envlist

BASE_DIR = Path(__file__).resolve().parent.parent

DEVELOPMENT_SECRET_KEY = "development-only-secret-key-never-used-in-production"
DATABASE_URL = os.environ.get("DATABASE_URL", "")
DEBUG = envbool("DEBUG", default=not DATABASE_URL)
SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])

if not DEBUG:
    # Production refuses to start half-configured (djangoproject.com settings/prod.py).
    if SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY must be set to a random value of 50+ characters.")
    if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names.")

INSTALLED_APPS = [
    "jiulongpo.admin_apps.HardenedAdminConfig",  # issue 5: django.contrib.admin, hardened
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "markdownx",
    # Editorial workflow and hardening (issue 5):
    "simple_history",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "jiulongpo",
    "projects",
    "livelihood",
    # Sitemap (issue 6: find and read it).
    "django.contrib.sitemaps",
    # Spreadsheet imports in the admin (issue 4); after the apps whose admins it extends.
    "import_export",
    "jiulongpo.imports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # issue 5: second factor for staff
    "simple_history.middleware.HistoryRequestMiddleware",  # issue 5: who changed it
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # issue 5: security headers, then django-axes last (it must see the login's outcome).
    "csp.middleware.CSPMiddleware",
    "jiulongpo.security.PermissionsPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "jiulongpo.urls"
WSGI_APPLICATION = "jiulongpo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jiulongpo.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}


def prepare_statements(database):
    """Planning a page's queries costs PostgreSQL more than running them (2 ms against 0.3 ms
    for a project page): bind parameters on the server, so psycopg prepares a statement once
    it has run five times on a connection and later runs skip the planning. Off
    (DB_PREPARED_STATEMENTS=0) behind a pooler in transaction mode, which cannot keep them."""
    if database["ENGINE"] == "django.db.backends.postgresql" and envbool(
        "DB_PREPARED_STATEMENTS", True
    ):
        database.setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
    return database


prepare_statements(DATABASES["default"])
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Front-end packages come from npm at set-up; pages work (as plain lists) without them.
if (BASE_DIR / "node_modules" / "leaflet" / "dist").is_dir():
    STATICFILES_DIRS.append(("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Uploaded photos: refuse anything larger before Pillow ever decodes it.
PHOTO_MAX_BYTES = envint("PHOTO_MAX_BYTES", 10 * 1024 * 1024)
PHOTO_MAX_PIXELS = envint("PHOTO_MAX_PIXELS", 40_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

MARKDOWNX_MARKDOWNIFY_FUNCTION = "jiulongpo.markdown.render_markdown"
MARKDOWNX_MEDIA_PATH = "markdown/"
MARKDOWNX_UPLOAD_MAX_SIZE = PHOTO_MAX_BYTES
MARKDOWNX_UPLOAD_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp"]

LOGIN_URL = "admin:login"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 2 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"jieba": {"level": "WARNING"}},
}

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

SITE_NAME = _("九龙坡区城市更新与民生信息网")

# The back office's path is a setting, so a deployment can move it off the well-known one.
ADMIN_PATH = os.environ.get("ADMIN_PATH", "admin/")

# --- Performance and scale-out (issue 7): cache, sessions, media storage, replicas -------------
# Redis is the cache when REDIS_URL is set; otherwise each process keeps its own memory cache.
# The versions of what pages show (jiulongpo/invalidation.py) must be shared by every process of
# a server, so without Redis they live in a file cache that all gunicorn workers on the host read.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_DIR = Path(os.environ.get("CACHE_DIR", "/tmp/jiulongpo-cache"))


def cache_namespace(database):
    """A name for the database whose rows the caches show. Sites sharing a host or a Redis
    (staging beside production, two checkouts) must not read each other's pages or versions:
    another site's page would be served here, and its saves would empty this site's caches."""
    identity = "|".join(str(database.get(key) or "") for key in ("ENGINE", "HOST", "PORT", "NAME"))
    return hashlib.sha256(identity.encode()).hexdigest()[:12]


CACHE_NAMESPACE = os.environ.get("CACHE_NAMESPACE") or cache_namespace(DATABASES["default"])
if REDIS_URL:
    _redis_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": f"jlp:{CACHE_NAMESPACE}",
    }
    # One store for both: a cached page and its versions come back in one round trip.
    CACHES = {"default": _redis_cache, "generation": _redis_cache}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": envint("CACHE_MAX_ENTRIES", 5000)},
        },
        "generation": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_DIR / CACHE_NAMESPACE / "generation",
            # A version culled would only cost a page its cache, but keep them all: one a
            # project, and the clock that dates them.
            "OPTIONS": {"MAX_ENTRIES": envint("VERSION_CACHE_MAX_ENTRIES", 1_000_000)},
        },
    }
# Anonymous GET pages are cached whole; saved, published or deleted content makes every cached
# page that shows it unreachable at once (jiulongpo/cache.py, jiulongpo/page_tags.py).
PAGE_CACHE_ENABLED = envbool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 60 * 60)
# Cookies a page's HTML depends on; each value gets its own cached copy.
PAGE_CACHE_VARY_COOKIES = ["elder_mode"]
# Cards of lists, cached per version of the content, for pages the whole-page cache misses.
FRAGMENT_CACHE_ENABLED = envbool("FRAGMENT_CACHE_ENABLED", True)
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "jiulongpo.cache.PageCacheMiddleware",
)
# Hashed static file names never change content, so browsers may keep them for a year.
WHITENOISE_MAX_AGE = envint("WHITENOISE_MAX_AGE", 365 * 24 * 60 * 60)

# Sessions: "db" (default) or "cache" (Redis) keep app servers stateless.
SESSION_ENGINE = {
    "db": "django.contrib.sessions.backends.db",
    "cache": "django.contrib.sessions.backends.cache",
    "cached_db": "django.contrib.sessions.backends.cached_db",
}[os.environ.get("SESSION_STORE", "db")]
if SESSION_ENGINE.endswith(".cache") and not REDIS_URL:
    raise ImproperlyConfigured(
        "SESSION_STORE=cache needs REDIS_URL: memory caches are per process."
    )

# Media on S3-compatible object storage when a bucket is configured (django-storages).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_QUERYSTRING_AUTH = envbool("AWS_QUERYSTRING_AUTH", False)
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=31536000"}

# Optional read replica: reads go to it, writes and anything after a write stay on the primary.
READ_REPLICA_URL = os.environ.get("READ_REPLICA_URL", "")
if READ_REPLICA_URL:
    DATABASES["replica"] = prepare_statements(
        dj_database_url.parse(
            READ_REPLICA_URL, conn_max_age=envint("CONN_MAX_AGE", 60), conn_health_checks=True
        )
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["jiulongpo.routers.ReadReplicaRouter"]

# /bench/trivial: a view that does nothing, the benchmark's baseline. Off unless asked for.
BENCH_VIEWS = envbool("BENCH_VIEWS", False)
# --- end performance and scale-out --------------------------------------------------------------

# --- Maps (issue 3: parks, projects) ---
# Tiles come from OpenStreetMap unless 天地图 is chosen and its key is in the environment.
MAP_TILE_PROVIDER = os.environ.get("MAP_TILE_PROVIDER", "osm").strip().lower()
TIANDITU_KEY = os.environ.get("TIANDITU_KEY", "")
if MAP_TILE_PROVIDER not in ("osm", "tianditu"):
    raise ImproperlyConfigured("MAP_TILE_PROVIDER must be 'osm' or 'tianditu'.")
if MAP_TILE_PROVIDER == "tianditu" and not TIANDITU_KEY:
    raise ImproperlyConfigured("MAP_TILE_PROVIDER=tianditu needs TIANDITU_KEY.")

# --- Editorial workflow, login hardening and security headers (issue 5) ---------------------
from csp.constants import NONE, SELF  # noqa: E402

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out user before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = None  # a locked account stays locked until an administrator unlocks it
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
LOGGING["loggers"]["axes"] = {"level": "WARNING"}
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
# X-Forwarded-For is trusted only when the deployment says how many proxies add to it;
# otherwise anyone could dodge the lockout by sending a made-up address.
AXES_IPWARE_PROXY_COUNT = envint("AXES_PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# Sessions end after SESSION_COOKIE_AGE of inactivity (each request renews the cookie).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
OTP_TOTP_ISSUER = "九龙坡区信息网"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True
# "Parks near me" asks for the position on this site only; nothing else is ever allowed.
PERMISSIONS_POLICY = (
    "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), "
    "magnetometer=(), gyroscope=(), accelerometer=(), interest-cohort=()"
)
# Map tiles come from the provider chosen above (issue 3), or hosts the deployment lists.
CSP_MAP_TILES = envlist(
    "CSP_MAP_TILES",
    ["https://*.tianditu.gov.cn"]
    if MAP_TILE_PROVIDER == "tianditu"
    else ["https://tile.openstreetmap.org"],
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *CSP_MAP_TILES],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}
# Media files: served with nosniff, images inline, anything else as a download.
SERVE_MEDIA = envbool("SERVE_MEDIA", DEBUG)
# --- end of issue 5 block -------------------------------------------------------------------

# A refused form gets a Chinese page that the CSP allows (no inline style).
CSRF_FAILURE_VIEW = "jiulongpo.views.csrf_failure"
