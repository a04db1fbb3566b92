"""Watch a browser tab for the two things a successful XSS or a CSP breakage leaves behind."""

WATCH_SCRIPT = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' @' + e.sourceFile + ':' +
    e.lineNumber + ':' + e.columnNumber + ' sample=' + e.sample + ' doc=' + e.documentURI);
});
"""


def watch(page):
    """Record every dialog (alert/confirm/prompt) and every CSP violation on this tab."""
    page.dialogs = []

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.add_init_script(WATCH_SCRIPT)
    return page


def traces_of_injection(page):
    """What a payload would have left: a flag, injected elements, event-handler attributes."""
    return page.evaluate(
        """() => {
        const found = [];
        if (window.__xss !== undefined) found.push('window.__xss set');
        document.querySelectorAll('[data-xss], iframe').forEach(
            el => found.push(el.outerHTML.slice(0, 80)));
        document.querySelectorAll('*').forEach(el => {
            for (const attr of el.attributes) {
                const scripted = /^\\s*javascript:/i.test(attr.value);
                if (attr.name.startsWith('on') || scripted) {
                    found.push(el.tagName + '[' + attr.name + ']');
                }
            }
        });
        return found;
    }"""
    )


def csp_violations(page):
    return page.evaluate("window.__csp || []")


def log_in(page, username, password):
    page.goto(page.base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("#login-form input[type=submit]")
    page.wait_for_url("**/admin/")
