"""Fill in admin forms the way a browser would: read the page, change some fields, post."""

from bs4 import BeautifulSoup


def form_data(response, form_id=None):
    """Every field of the page's form with the value the page shows."""
    soup = BeautifulSoup(response.content, "html.parser")
    # The change form is "<model>_form"; the header's log-out form comes first on the page.
    form = soup.find("form", id=form_id or (lambda i: bool(i) and i.endswith("_form")))
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file", "image"):
            continue
        if field.name == "textarea":
            data[name] = field.text.removeprefix("\n")
        elif field.name == "select":
            chosen = field.find_all("option", selected=True)
            if field.has_attr("multiple"):
                data[name] = [o.get("value") for o in chosen]
            else:
                data[name] = chosen[0].get("value") if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    return data


def post_admin_form(client, url, changes=None, **extra):
    data = form_data(client.get(url))
    data.update(changes or {})
    data.update(extra)
    return client.post(url, {k: v for k, v in data.items() if v is not None})
