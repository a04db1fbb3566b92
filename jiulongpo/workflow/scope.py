"""Department scoping: an editor changes only the content of the departments they belong to."""

from django.db.models import Q

from jiulongpo.publishing import Publishable

# Model → lookup from it to its responsible department, e.g. "project__department".
DEPARTMENT_PATHS = {}


def register(model, department_path):
    DEPARTMENT_PATHS[model] = department_path


def department_path(model):
    return DEPARTMENT_PATHS.get(model)


def sees_all_departments(user):
    return user.is_superuser or user.has_perm("jiulongpo.change_any_department")


def user_department_ids(user):
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_department_ids"):
        user._department_ids = set(
            user.editor_profile.departments.values_list("pk", flat=True)
            if hasattr(user, "editor_profile")
            else ()
        )
    return user._department_ids


def scope_queryset(queryset, user):
    """The rows this user may change: all for reviewers, their departments' for editors."""
    path = department_path(queryset.model)
    if path is None or sees_all_departments(user):
        return queryset
    return queryset.filter(Q(**{f"{path}__in": user_department_ids(user)}))


def department_id_of(obj):
    """Follow the department path on an (unsaved) instance."""
    path = department_path(type(obj))
    target = obj
    *hops, last = path.split("__")
    for hop in hops:
        target = getattr(target, hop, None)
        if target is None:
            return None
    return getattr(target, f"{last}_id", None)


def in_scope(user, obj):
    if department_path(type(obj)) is None or sees_all_departments(user):
        return True
    return department_id_of(obj) in user_department_ids(user)


def is_workflow_model(model):
    return issubclass(model, Publishable)
