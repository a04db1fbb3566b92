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
