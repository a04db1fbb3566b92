import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from jiulongpo.publishing import PublicationState
from jiulongpo.search import segment
from jiulongpo.search.models import SearchDocument
from tests.factories import ProgressUpdateFactory, ProjectFactory, SubdistrictFactory
from tests.factories_search import draft_project

pytestmark = pytest.mark.django_db


def document_of(project):
    return SearchDocument.objects.filter(object_id=project.pk, kind="project").first()


def test_district_words_stay_whole_when_segmented():
    tokens = segment.index_tokens("九龙坡杨家坪民主村片区坡坎崖绿化")
    assert {"九龙坡", "杨家坪", "民主村", "坡坎崖"} <= set(tokens)


def test_a_query_is_read_as_the_districts_words():
    assert segment.query_terms("民生实事 美术公园") == ["民生实事", "美术公园"]


def test_jieba_dictionary_is_loaded_when_django_starts():
    assert segment.is_loaded()


def test_a_fresh_process_has_jieba_ready_before_any_request():
    code = (
        "import django, jieba; django.setup(); "
        "from jiulongpo.search.segment import is_loaded; print(jieba.dt.initialized, is_loaded())"
    )
    env = {"DJANGO_SETTINGS_MODULE": "jiulongpo.settings", "DEBUG": "1", "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "True True", out.stderr


def test_saving_a_published_project_writes_its_search_document():
    project = ProjectFactory(name="民主村片区", summary="商圈新纽带")
    document = document_of(project)
    assert document.title == "民主村片区"
    assert " 民主村 " in document.tokens


def test_a_draft_project_has_no_search_document():
    assert document_of(draft_project(name="草稿项目")) is None


def test_withdrawing_a_project_removes_it_from_the_index():
    project = ProjectFactory()
    project.publication_state = PublicationState.UNPUBLISHED
    project.save()
    assert document_of(project) is None


def test_deleting_a_project_removes_its_document():
    project = ProjectFactory()
    project.delete()
    assert not SearchDocument.objects.filter(object_id=project.pk).exists()


def test_a_published_progress_update_is_searchable_through_its_project():
    project = ProjectFactory(name="民主村片区")
    ProgressUpdateFactory(project=project, title="示范街开街")
    assert " 示范街 " in document_of(project).tokens


def test_a_draft_progress_update_is_not_indexed():
    project = ProjectFactory()
    ProgressUpdateFactory(
        project=project, title="尚未审核的进展", publication_state=PublicationState.DRAFT
    )
    assert "尚未审核" not in document_of(project).body


def test_renaming_a_subdistrict_reindexes_its_projects():
    place = SubdistrictFactory(name="旧名街道")
    project = ProjectFactory(subdistrict=place)
    place.name = "黄桷坪"
    place.save()
    assert " 黄桷坪 " in document_of(project).tokens


def test_a_project_published_for_later_stays_hidden_until_then():
    later = timezone.now() + timezone.timedelta(days=1)
    project = ProjectFactory(published_at=later)
    assert not SearchDocument.objects.live().filter(object_id=project.pk).exists()


def test_rebuild_command_restores_a_lost_index():
    ProjectFactory(name="石桥铺商圈")
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index", stdout=StringIO())
    assert SearchDocument.objects.filter(title="石桥铺商圈").exists()


def test_district_fixtures_are_indexed_when_loaded(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_district", stdout=StringIO())
    assert SearchDocument.objects.filter(title="民主村片区").exists()
