import re

import pytest
from django.conf import settings
from django.utils import translation

from tests.factories import ProjectFactory
from tests.factories_search import minzhucun

pytestmark = pytest.mark.django_db

TEMPLATES = settings.BASE_DIR / "templates"
PO_FILE = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
CJK = re.compile(r"[\u4e00-\u9fff]")
TRANSLATED = [
    re.compile(r"{% blocktranslate.*?{% endblocktranslate %}", re.S),
    re.compile(r"{% translate .*?%}"),
    re.compile(r"{#.*?#}"),
    re.compile(r'_\(".*?"\)'),
    re.compile(r"_\('.*?'\)"),
]
# The language switcher names each language in that language; 500.html is static and
# already bilingual (it must render even when translations cannot load).
NOT_FOR_TRANSLATION = {"includes/site_tools.html": ["中文"], "500.html": None}


def page_templates():
    return sorted(p for p in TEMPLATES.rglob("*.html"))


def untranslated_chinese(path):
    name = str(path.relative_to(TEMPLATES))
    allowed = NOT_FOR_TRANSLATION.get(name, [])
    if allowed is None:
        return []
    text = path.read_text()
    for pattern in TRANSLATED:
        text = pattern.sub("", text)
    for word in allowed:
        text = text.replace(f">{word}<", "><")
    return [f"{name}: {line.strip()}" for line in text.splitlines() if CJK.search(line)]


def test_every_chinese_string_in_templates_is_marked_for_translation():
    found = [line for path in page_templates() for line in untranslated_chinese(path)]
    assert not found, "\n".join(found)


def test_every_message_in_the_catalogue_has_an_english_translation():
    entries = PO_FILE.read_text().split("\n\n")[1:]
    empty = [e for e in entries if re.search(r'^msgstr(\[\d\])? ""$(?!\n")', e, re.M)]
    assert not empty, "\n\n".join(empty)
    assert "#, fuzzy" not in PO_FILE.read_text()


def test_translations_are_compiled_and_used_at_run_time():
    with translation.override("en"):
        assert translation.gettext("跳到正文") == "Skip to main content"


def test_english_pages_live_under_en(client):
    html = client.get("/en/").content.decode()
    assert '<html lang="en"' in html
    assert "Featured projects" in html and "重点项目" not in html


def test_chinese_stays_the_default_at_the_plain_paths(client):
    assert "重点项目" in client.get("/").content.decode()


def test_english_project_pages_show_the_english_name_when_recorded(client):
    project = minzhucun()
    html = client.get(f"/en{project.get_absolute_url()}").content.decode()
    assert "<h1>Minzhu Village Area</h1>" in html
    assert "Under construction" in html


def test_content_without_an_english_name_stays_chinese(client):
    project = ProjectFactory(name="红育坡片区", name_en="")
    html = client.get(f"/en{project.get_absolute_url()}").content.decode()
    assert '<h1><span lang="zh-Hans">红育坡片区</span></h1>' in html


@pytest.mark.parametrize(
    ("path", "next_path", "language"),
    [("/projects/?kind=area", "/en/projects/?kind=area", "en"), ("/en/", "/", "zh-hans")],
)
def test_the_language_switcher_posts_to_the_same_page_in_the_other_language(
    client, path, next_path, language
):
    html = client.get(path).content.decode()
    assert f'name="next" value="{next_path.replace("&", "&amp;")}"' in html
    assert f'name="language" value="{language}"' in html


def test_switching_language_lands_on_the_english_page(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/en/projects/"})
    assert response["Location"] == "/en/projects/"


def test_english_home_names_projects_in_english_in_latest_progress(client):
    minzhucun()
    html = client.get("/en/").content.decode()
    assert 'Minzhu Village Area: <span lang="zh-Hans">示范街开街</span>' in html
