import pytest

from tests.factories_livelihood import (
    IndicatorFactory,
    IndicatorValueFactory,
    TaskFactory,
    TaskUpdateFactory,
)

pytestmark = pytest.mark.django_db


def test_home_shows_this_years_task_progress(client):
    TaskFactory(title="新增公办幼儿园", target_value=8, achieved_value=4, unit="所")
    html = client.get("/").content.decode()
    assert "2022年十件民生实事" in html and "新增公办幼儿园" in html
    assert 'value="50"' in html


def test_home_shows_headline_figures_only(client):
    headline = IndicatorFactory(name="人均公园绿地面积", headline=True)
    IndicatorValueFactory(indicator=headline, value="16.8")
    IndicatorValueFactory(indicator=IndicatorFactory(name="化粪池在线监控系统"), value="315")
    html = client.get("/").content.decode()
    assert "16.8平方米" in html and "化粪池在线监控系统" not in html


@pytest.mark.parametrize("rows", [1, 10])
def test_home_query_count_does_not_grow_with_tasks_and_figures(
    client, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        TaskUpdateFactory(task=TaskFactory())
        IndicatorValueFactory(indicator=IndicatorFactory(headline=True))
    with django_assert_max_num_queries(10):
        assert client.get("/").status_code == 200
