import pytest
from django.core.management import call_command

from projects.models import Project

pytestmark = pytest.mark.django_db

NAMED_IN_REPORT = [
    "民主村片区",
    "民主村片区（一期）",
    "重庆美术公园",
    "红育坡片区",
    "石杨路",
    "黄正街—龙吟路",
    "美术半岛艺术家群落",
    "石桥铺—渝州交易城",
    "陈家坪立交",
    "国美支路示范段",
    "万象城连通工程",
    "九龙半岛",
    "杨家坪商圈",
    "石桥铺商圈",
]


@pytest.fixture
def district(db):
    call_command("load_district")


def test_every_renewal_project_the_report_names_is_loaded(district):
    names = set(Project.objects.values_list("name", flat=True))
    assert set(NAMED_IN_REPORT) <= names


def test_every_project_cites_the_report(district):
    assert not Project.objects.filter(source="").exists()
    assert all(
        "district-report-2022" in s for s in Project.objects.values_list("source", flat=True)
    )


def test_phase_one_hangs_under_minzhucun(district):
    phase = Project.objects.get(name="民主村片区（一期）")
    assert phase.parent.name == "民主村片区"


def test_municipal_pilots_are_the_three_the_report_names(district):
    pilots = set(Project.objects.filter(pilot_level="municipal").values_list("name", flat=True))
    assert pilots == {"民主村片区", "重庆美术公园", "红育坡片区"}


def test_nothing_the_report_does_not_say_is_filled_in(district):
    invented = Project.objects.exclude(
        investment=None, floor_area=None, planned_start=None, actual_start=None, latitude=None
    )
    assert not invented.exists()


def test_loading_twice_does_not_duplicate(district):
    call_command("load_district")
    assert Project.objects.filter(name="民主村片区").count() == 1


def test_every_real_project_page_renders(district, client):
    for project in Project.objects.published():
        response = client.get(project.get_absolute_url())
        assert response.status_code == 200, project.name


def test_resident_reads_about_minzhucun(district, client):
    html = client.get("/projects/minzhucun-pianqu/").content.decode()
    assert "留、改、拆、建" in html
    assert "市级试点" in html
    assert "民主村片区（一期）" in html
