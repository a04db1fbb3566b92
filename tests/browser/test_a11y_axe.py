"""axe-core (from npm) run inside Chromium over every page template: zero violations."""

import json

import pytest
from django.conf import settings

from tests.browser.conftest import _tab
from tests.factories_search import every_page

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    }
}


@pytest.fixture
def axe_page(browser, request, live_server, viewport):
    if not AXE.exists():
        pytest.skip("axe-core is installed from npm by `make install`")
    with _tab(browser, request, live_server, viewport, bypass_csp=True) as page:
        yield page


def axe_violations(page, path):
    page.goto(page.base_url + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    assert result["passes"], f"axe checked nothing on {path}"
    return [
        f"{path}: {v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in result["violations"]
    ]


def test_every_page_template_has_no_axe_violations(axe_page):
    violations = []
    for _name, path in every_page():
        violations += axe_violations(axe_page, path)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)


def test_elder_mode_pages_have_no_axe_violations(axe_page):
    pages = every_page()
    axe_page.context.add_cookies([{"name": "elder_mode", "value": "1", "url": axe_page.base_url}])
    violations = []
    for _name, path in pages[:4]:
        violations += axe_violations(axe_page, path)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)
