import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories_data import read_csv, read_json

pytestmark = pytest.mark.django_db


@pytest.fixture
def district():
    call_command("load_district", verbosity=0)


def test_every_dataset_of_the_real_fixtures_downloads_in_every_format(client, district):
    for entry in client.get(reverse("data:catalogue")).context["entries"]:
        slug = entry["dataset"].slug
        rows = read_csv(client.get(reverse("data:download", args=[slug, "csv"])))
        data = read_json(client.get(reverse("data:download", args=[slug, "json"])))
        xlsx = client.get(reverse("data:download", args=[slug, "xlsx"]))
        assert len(rows) - 1 == data["count"] == entry["count"], slug
        assert xlsx.status_code == 200


def test_the_real_2022_report_prints_its_tasks_and_figures(client, district):
    response = client.get(reverse("year_report", args=[2022]))
    assert response.status_code == 200
    assert response.context["tasks"] and response.context["figures"]
