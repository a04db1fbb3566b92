"""Admin for who edits for which department, shown on the user's own page."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from jiulongpo.models import EditorProfile

User = get_user_model()


class EditorProfileInline(admin.StackedInline):
    model = EditorProfile
    can_delete = False
    filter_horizontal = ["departments"]
    verbose_name_plural = _("所属部门（编辑只能修改这些部门的内容）")


class SiteUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, EditorProfileInline]
    list_display = [*UserAdmin.list_display, "departments"]
    list_filter = [*UserAdmin.list_filter, "editor_profile__departments"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("editor_profile__departments")

    @admin.display(description=_("所属部门"))
    def departments(self, user):
        profile = getattr(user, "editor_profile", None)
        return "、".join(d.name for d in profile.departments.all()) if profile else "—"


admin.site.unregister(User)
admin.site.register(User, SiteUserAdmin)
