"""Choice labels come from a table built once, and still follow the page's language."""

from django.utils import translation

from livelihood.models import Park
from projects.models import Project


def test_a_label_follows_the_active_language():
    project = Project(status="construction", kind="compound")
    with translation.override("zh-hans"):
        assert project.get_status_display() == "建设中"
    with translation.override("en"):
        assert project.get_status_display() == "Under construction"
    with translation.override("zh-hans"):
        assert project.get_kind_display() == "老旧小区"


def test_an_empty_or_unknown_value_shows_as_itself():
    assert Project(status="").get_status_display() == ""
    assert Project(status="retired").get_status_display() == "retired"


def test_every_public_model_gets_the_same_labels_as_django_would():
    park = Park(status=Park._meta.get_field("status").choices[0][0])
    expected = str(Park._meta.get_field("status").choices[0][1])
    assert park.get_status_display() == expected
