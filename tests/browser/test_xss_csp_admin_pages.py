"""Every admin screen editors use works under the CSP: widgets load, nothing is blocked."""

import pytest

from jiulongpo.roles import ADMINISTRATOR
from tests.browser.guards import csp_violations, log_in, watch
from tests.factories import ProgressUpdateFactory
from tests.factories_editorial import PASSWORD, staff
from tests.factories_livelihood import IndicatorValueFactory, ParkFactory, TaskUpdateFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def admin_page(desktop_page):
    page = watch(desktop_page)
    log_in(page, staff(ADMINISTRATOR).username, PASSWORD)
    return page


@pytest.fixture
def rows():
    return {
        "project": ProgressUpdateFactory().project,
        "task": TaskUpdateFactory().task,
        "park": ParkFactory(),
        "indicator": IndicatorValueFactory().indicator,
    }


@pytest.mark.parametrize(
    "screen",
    [
        "projects/project/{project}/change/",
        "projects/project/add/",
        "projects/progressupdate/add/",
        "livelihood/task/{task}/change/",
        "livelihood/park/{park}/change/",
        "livelihood/indicator/{indicator}/change/",
        "auth/user/add/",
        "otp_totp/totpdevice/add/",
    ],
)
def test_admin_screens_raise_no_csp_violation(admin_page, rows, screen):
    path = screen.format(**{name: obj.pk for name, obj in rows.items()})
    admin_page.goto(f"{admin_page.base_url}/admin/{path}")
    admin_page.wait_for_load_state("networkidle")
    assert admin_page.locator("#content-main form").count() == 1
    assert csp_violations(admin_page) == []


def test_the_date_picker_opens_under_the_csp(admin_page):
    admin_page.goto(f"{admin_page.base_url}/admin/projects/progressupdate/add/")
    admin_page.locator("#id_date ~ .datetimeshortcuts a").first.click()
    assert admin_page.locator("#id_date").input_value() != ""
    assert csp_violations(admin_page) == []
