"""Classic XSS payloads: each would set window.__xss or add a [data-xss] element if it ran."""

PAYLOADS = [
    "<script>window.__xss=1;alert(1)</script>",
    '<img src=x onerror="window.__xss=1;alert(1)" data-xss>',
    '<svg onload="window.__xss=1" data-xss></svg>',
    '"><script>window.__xss=1</script>',
    "'><b data-xss onmouseover=alert(1)>x</b>",
    "[点我](javascript:window.__xss=1)",
    '<a href="javascript:window.__xss=1" data-xss>链接</a>',
    '<iframe src="javascript:window.__xss=1" data-xss></iframe>',
    "</textarea><script>window.__xss=1</script>",
    '<details open ontoggle="window.__xss=1" data-xss>',
    '![x](x" onerror="window.__xss=1)',
    "<style>@import 'http://evil.example/x.css';</style>",
]


def payload_text(*extra):
    return "\n\n".join([*PAYLOADS, *extra])


def hostile_project():
    """A published project whose every text and Markdown field carries payloads."""
    from tests.factories import PhotoFactory, ProgressUpdateFactory, ProjectFactory
    from tests.factories_editorial import DepartmentFactory

    text = payload_text()
    project = ProjectFactory(
        name=PAYLOADS[1][:120],
        name_en=PAYLOADS[0],
        summary=PAYLOADS[0],
        body=text,
        source=PAYLOADS[3],
        slug="hostile",
        department=DepartmentFactory(name=PAYLOADS[4][:60]),
    )
    ProgressUpdateFactory(project=project, title=PAYLOADS[4], body=text, source=PAYLOADS[6])
    PhotoFactory(project=project, alt_text=PAYLOADS[3], caption=PAYLOADS[1][:200], kind="after")
    project.summary = PAYLOADS[2]
    project.save()  # a second version, so the change record and diff carry payloads too
    return project
