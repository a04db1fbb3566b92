import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded files go to a throwaway folder, never the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "x" * 16)
    client.force_login(user)
    return client


# Page cache (issue 7): pages are rendered afresh in tests, so a row changed without a signal
# never shows an old page; tests/test_cache_*.py turn the caches on themselves.
@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.FRAGMENT_CACHE_ENABLED = False


@pytest.fixture
def page_cache(settings):
    """The page, card and fragment caches on, in empty stores of this test's own."""
    from django.core.cache import caches

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "p"},
        "generation": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "g"},
    }
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    caches["default"].clear()
    caches["generation"].clear()


@pytest.fixture(autouse=True)
def default_language_after_each_test():
    """A request to an /en/ page leaves English active in the test's thread; reset it so
    the next test's reverse() and get_absolute_url() give Chinese paths again."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests create many staff users; the production hasher is slow on purpose (issue 5)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# Browser journeys (issue 10): the live server answers the admin's parallel requests (a
# change page fires one django-markdownx preview per Markdown field at once) in parallel
# threads, and each one saves the session (SESSION_SAVE_EVERY_REQUEST). An in-memory SQLite
# database shared between threads fails such concurrent writes at once ("database table is
# locked") instead of waiting: the preview came back as a 400/500 error page, which markdownx
# pastes into the admin page whatever its status. A file database waits for the lock, as
# PostgreSQL does; it is used only when browser tests run, without fsync (a throwaway file).
@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix, request, tmp_path_factory
):
    database = settings.DATABASES["default"]
    browser = any(item.get_closest_marker("browser") for item in request.session.items)
    if browser and database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.db")
        options = database.setdefault("OPTIONS", {})
        options["init_command"] = "PRAGMA synchronous=OFF; PRAGMA journal_mode=MEMORY;"
