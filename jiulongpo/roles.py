"""The four editorial roles as Django groups, and the permissions each holds.

Applied by data migrations (sync_roles) so every deployment has the same groups; a later
migration re-applies them when new content models arrive.
"""

EDITOR = "编辑"
REVIEWER = "审核"
STATISTICIAN = "统计"
ADMINISTRATOR = "管理员"

# Content under the workflow: "publish_<model>" permissions are created for these.
WORKFLOW_MODELS = [
    "projects.project",
    "projects.progressupdate",
    "livelihood.tasklist",
    "livelihood.task",
    "livelihood.taskupdate",
    "livelihood.park",
    "livelihood.indicatorvalue",
]
VIEW = ["view"]
EDIT = ["view", "add", "change"]
EDIT_DELETE = ["view", "add", "change", "delete"]
FULL = ["view", "add", "change", "delete", "publish"]

ROLES = {
    EDITOR: {
        "projects.project": EDIT,
        "projects.progressupdate": EDIT_DELETE,
        "projects.photo": EDIT_DELETE,
        "projects.subdistrict": VIEW,
        "projects.department": VIEW,
        "livelihood.tasklist": VIEW,
        "livelihood.task": EDIT,
        "livelihood.taskupdate": EDIT_DELETE,
        "livelihood.park": EDIT,
        "livelihood.parkphoto": EDIT_DELETE,
    },
    REVIEWER: {
        "projects.project": FULL,
        "projects.progressupdate": FULL,
        "projects.photo": EDIT_DELETE,
        "projects.subdistrict": VIEW,
        "projects.department": VIEW,
        "livelihood.tasklist": FULL,
        "livelihood.task": FULL,
        "livelihood.taskupdate": FULL,
        "livelihood.park": FULL,
        "livelihood.parkphoto": EDIT_DELETE,
        "livelihood.indicator": VIEW,
        "livelihood.indicatorvalue": FULL,
        "jiulongpo.editorprofile": ["view", "change_any_department"],
        "imports.importrecord": VIEW,
    },
    STATISTICIAN: {
        "projects.department": VIEW,
        "livelihood.indicator": EDIT,
        "livelihood.indicatorvalue": EDIT_DELETE,
        "imports.importrecord": VIEW,
    },
}


def codename(action, model_name):
    return action if action == "change_any_department" else f"{action}_{model_name}"


def ensure_publish_permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for label in WORKFLOW_MODELS:
        app_label, model_name = label.split(".")
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue  # that app's models have not landed yet
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"publish_{model_name}",
            defaults={"name": f"Can publish {model._meta.verbose_name}"[:255]},
        )


def sync_roles(apps, schema_editor=None):
    """Data migration: create the groups and set each one's permissions as ROLES says."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    # Content types and permissions are normally made after migrate; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    apply_roles(apps)


def sync_roles_after_migrate(sender, apps=None, **kwargs):
    """post_migrate: keep groups whole after every migrate and after a test database flush."""
    from django.apps import apps as installed

    if sender.label == list(installed.get_app_configs())[-1].label:
        apply_roles(apps or installed)


def apply_roles(apps):
    ensure_publish_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        permissions = []
        for label, actions in grants.items():
            app_label, model_name = label.split(".")
            permissions += Permission.objects.filter(
                content_type__app_label=app_label,
                codename__in=[codename(action, model_name) for action in actions],
            )
        group.permissions.set(permissions)
    administrators, _ = Group.objects.get_or_create(name=ADMINISTRATOR)
    administrators.permissions.set(Permission.objects.all())
