from django.contrib.admin.apps import AdminConfig


class HardenedAdminConfig(AdminConfig):
    """django.contrib.admin with the site's hardened admin site (issue 5)."""

    default_site = "jiulongpo.admin_site.HardenedAdminSite"
