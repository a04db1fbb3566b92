"""A browser tab with extra context options (no JavaScript, CSP bypass for axe), saving a
screenshot when its test fails, like the `page` fixture in conftest.py."""

from contextlib import contextmanager

from tests.browser.conftest import ARTIFACTS, _new_page


@contextmanager
def tab(browser, request, live_server, viewport, **context_options):
    context, page = _new_page(browser, request, viewport, **context_options)
    page.base_url = live_server.url
    try:
        yield page
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
        context.close()
