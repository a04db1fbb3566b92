import pytest
from django.core.management import call_command

from livelihood.models import Indicator, Park, Task, TaskList

pytestmark = pytest.mark.django_db


@pytest.fixture
def district(db):
    call_command("load_district", verbosity=0)


def test_the_2022_list_declares_ten_and_records_the_three_the_report_names(district):
    task_list = TaskList.objects.get(year=2022)
    assert task_list.declared_total == 10
    assert task_list.tasks.listed().count() == 3


def test_the_demonstration_street_task_links_the_minzhucun_phase_one_project(district):
    task = Task.objects.get(title__contains="示范街开街")
    assert [p.name for p in task.projects.all()] == ["民主村片区（一期）"]


def test_every_named_park_is_there_and_none_has_invented_coordinates(district):
    names = set(Park.objects.values_list("name", flat=True))
    assert names == {"天宝公园", "中梁山花博园", "华龙家社区体育公园", "凌江园", "九龙坡爱情公园"}
    assert not Park.objects.located().exists()


def test_every_fixture_record_cites_its_source(district):
    for model in (TaskList, Task, Park, Indicator):
        assert not model.objects.filter(source="").exists()


def test_hedged_figures_keep_the_reports_qualifier(district):
    displays = {
        code: Indicator.objects.get(code=code).latest_value.display
        for code in ("good-air-days", "street-problems-fixed", "green-area")
    }
    assert displays == {
        "good-air-days": "超过300天",
        "street-problems-fixed": "1万余个",
        "green-area": "5059万平方米",
    }


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/livelihood/2022/",
        "/livelihood/2022/2/",
        "/parks/",
        "/parks/tianbao-gongyuan/",
        "/figures/",
        "/figures/park-green-per-capita/",
        "/figures/yangtze-water-quality/",
        "/projects/",
    ],
)
def test_pages_render_with_the_real_fixtures(client, district, path):
    assert client.get(path).status_code == 200


def test_the_year_page_says_three_of_ten_are_shown(client, district):
    assert "清单共 10 件，本站收录有出处的 3 件" in client.get("/livelihood/2022/").content.decode()


def test_english_pages_use_the_english_names(client, district):
    html = client.get("/en/parks/").content.decode()
    assert "Tianbao Park" in html
