"""An editor posts a progress update with a photo; residents see it once a reviewer publishes.

The journey runs in Chromium under the site's Content Security Policy: the editor works only
in the admin, the photo is a real JPEG file chosen in the upload field.
"""

from io import BytesIO

import pytest
from PIL import Image

from jiulongpo.roles import EDITOR, REVIEWER
from tests.browser.guards import csp_violations, log_in, watch
from tests.factories import ProjectFactory
from tests.factories_editorial import PASSWORD, DepartmentFactory, staff

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

TITLE = "示范街铺装完成"
ALT = "新铺的青石板街道，两侧是修缮后的老房子"


def small_jpeg():
    buffer = BytesIO()
    Image.new("RGB", (80, 60), "olive").save(buffer, "JPEG")
    return {"name": "street.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def editor_posts_update_with_photo(page, project):
    """Add the update on the project's form, then the photo on the update's own form."""
    page.goto(f"{page.base_url}/admin/projects/project/{project.pk}/change/")
    page.fill("#id_updates-0-date", "2022-06-01")
    page.fill("#id_updates-0-title", TITLE)
    page.click("input[name=_continue]")
    page.locator("#updates-group a.inlinechangelink").first.click()
    page.wait_for_url("**/admin/projects/progressupdate/*/change/")
    page.set_input_files("#id_photos-0-image", small_jpeg())
    page.fill("#id_photos-0-alt_text", ALT)
    update_url = page.url
    page.click("input[name=_submit_review]")
    return update_url


def test_an_editors_update_with_a_photo_reaches_residents_after_review(desktop_page):
    page = watch(desktop_page)
    department = DepartmentFactory(name="区住房城乡建委")
    project = ProjectFactory(department=department, name="民主村片区", slug="journey")
    editor, reviewer = staff(EDITOR, department), staff(REVIEWER)
    public_url = page.base_url + "/projects/journey/"

    log_in(page, editor.username, PASSWORD)
    update_url = editor_posts_update_with_photo(page, project)
    assert "已提交审核" in page.locator(".messagelist").inner_text()
    page.goto(public_url)
    assert TITLE not in page.locator("main").inner_text()
    assert page.locator(f'img[alt="{ALT}"]').count() == 0

    page.context.clear_cookies()
    log_in(page, reviewer.username, PASSWORD)
    page.goto(update_url)
    page.click("input[name=_publish]")
    assert "已发布" in page.locator(".messagelist").inner_text()

    page.goto(public_url)
    assert TITLE in page.locator(".timeline").inner_text()
    photo = page.locator(f'.timeline img[alt="{ALT}"]')
    photo.scroll_into_view_if_needed()  # thumbnails load lazily
    page.wait_for_function("img => img.complete", arg=photo.element_handle())
    assert photo.evaluate("img => img.naturalWidth") > 0
    assert csp_violations(page) == []
