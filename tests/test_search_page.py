import pytest
from django.urls import reverse

from tests.factories import ProgressUpdateFactory, ProjectFactory
from tests.factories_search import draft_project

pytestmark = pytest.mark.django_db


def search(client, q, **params):
    return client.get(reverse("search"), {"q": q, **params})


def test_a_chinese_word_is_found_inside_chinese_text(client):
    ProjectFactory(name="国美支路示范段", summary="介绍杨家坪民主村片区的变化时提到这里。")
    assert "国美支路示范段" in search(client, "民主村").content.decode()


def test_a_one_character_query_still_finds_words(client):
    ProjectFactory(name="民主村片区")
    assert search(client, "村").context["result"].total == 1


def test_a_two_character_query_finds_part_of_a_longer_word(client):
    ProjectFactory(name="重庆美术公园")
    assert search(client, "公园").context["result"].total == 1


def test_results_highlight_the_query_in_title_and_snippet(client):
    ProjectFactory(name="民主村片区", summary="杨家坪民主村的老旧小区更新。")
    html = search(client, "民主村").content.decode()
    assert "<mark>民主村</mark>片区" in html
    assert "杨家坪<mark>民主村</mark>的" in html


def test_titles_rank_above_passing_mentions(client):
    ProjectFactory(name="万象城连通工程", summary="介绍民主村片区时提到。")
    ProjectFactory(name="民主村片区")
    titles = [doc.title for doc in search(client, "民主村").context["object_list"]]
    assert titles == ["民主村片区", "万象城连通工程"]


def test_counts_are_shown_per_type(client):
    ProjectFactory(name="民主村片区")
    ProjectFactory(name="民主村片区（一期）")
    response = search(client, "民主村")
    assert response.context["result"].counts == [("project", "城市更新项目", 2)]
    assert "城市更新项目（2）" in response.content.decode()


def test_drafts_never_appear_in_results(client):
    draft_project(name="民主村二期草稿")
    assert "民主村二期草稿" not in search(client, "民主村").content.decode()


def test_progress_update_text_leads_to_the_project(client):
    project = ProjectFactory(name="民主村片区（一期）")
    ProgressUpdateFactory(project=project, title="示范街开街")
    assert project.get_absolute_url() in search(client, "示范街").content.decode()


def test_no_results_offers_words_that_do_find_something(client):
    ProjectFactory(name="民主村片区")
    response = search(client, "火星基地")
    assert response.context["suggestions"] == ["民主村"]
    assert "试试这些词" in response.content.decode()


def test_an_empty_query_shows_just_the_form(client):
    response = client.get(reverse("search"))
    assert response.status_code == 200
    assert response.context["hits"] == []


def test_unknown_type_filter_shows_everything(client):
    ProjectFactory(name="民主村片区")
    assert len(search(client, "民主村", type="nonsense").context["hits"]) == 1


@pytest.mark.parametrize("path", ["/", "/projects/", "/search/"])
def test_every_page_header_has_the_search_box(client, path):
    html = client.get(path).content.decode()
    assert 'id="site-search-q" name="q"' in html


def test_english_results_link_to_english_pages_with_english_names(client):
    ProjectFactory(name="民主村片区", name_en="Minzhu Village Area", slug="minzhucun-pianqu")
    html = client.get("/en/search/", {"q": "民主村"}).content.decode()
    assert 'href="/en/projects/minzhucun-pianqu/"' in html
    assert "Minzhu Village Area" in html


@pytest.mark.parametrize("rows", [2, 30])
def test_search_page_query_count_does_not_grow_with_results(
    client, django_assert_max_num_queries, rows
):
    for n in range(rows):
        ProjectFactory(name=f"民主村测试{n}")
    with django_assert_max_num_queries(6):
        search(client, "民主村")


def test_no_results_page_query_count_is_bounded(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        search(client, "火星基地")


def test_markup_typed_into_the_search_box_is_shown_as_text(client):
    ProjectFactory(name="民主村片区", summary="民主村<b>更新</b>")
    assert "<script>" not in search(client, "<script>民主村").content.decode()
    assert "&lt;b&gt;更新&lt;/b&gt;" in search(client, "民主村").content.decode()


def test_searching_minzhucun_in_the_real_data_lists_the_area_itself_first(
    client, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_district")
    response = client.get("/search/", {"q": "民主村"})
    first = response.context["page_obj"].object_list[0]
    assert first.title == "民主村片区"
