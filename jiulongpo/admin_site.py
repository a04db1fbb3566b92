"""The admin site, hardened: an optional one-time-password second factor for staff.

Every model registered gets the editorial workflow, department scoping and history its
kind calls for (jiulongpo.workflow.admin.with_workflow).

Staff who have confirmed an authenticator (a TOTP device) must give its code at login;
staff without one log in with their password. The index page is the editors' dashboard.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp.forms import OTPAuthenticationFormMixin


class OptionalOTPAuthenticationForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    otp_device = forms.CharField(required=False, widget=forms.HiddenInput)
    otp_challenge = forms.CharField(required=False, widget=forms.HiddenInput)
    otp_token = forms.CharField(
        label=_("动态验证码"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("已绑定身份验证器的工作人员必填；其他人留空。"),
    )
    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": _("请输入身份验证器上的动态验证码。"),
        "invalid_token": _("动态验证码不正确或已过期，请重试。"),
    }

    def _chosen_device(self, user):
        # The login page has no device picker: staff have one authenticator app each.
        return super()._chosen_device(user) or next(devices_for_user(user, confirmed=True), None)

    def clean(self):
        self.cleaned_data = super().clean()
        if self.user_cache is not None and user_has_device(self.user_cache):
            self.clean_otp(self.user_cache)
        return self.cleaned_data


class HardenedAdminSite(admin.AdminSite):
    login_form = OptionalOTPAuthenticationForm
    index_template = "admin/dashboard_index.html"

    def register(self, model_or_iterable, admin_class=None, **options):
        from django.contrib.admin import ModelAdmin
        from django.db.models.base import ModelBase

        from jiulongpo.workflow.admin import with_workflow

        models = (
            [model_or_iterable] if isinstance(model_or_iterable, ModelBase) else model_or_iterable
        )
        for model in models:
            super().register(model, with_workflow(model, admin_class or ModelAdmin), **options)

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not user_has_device(request.user) or request.user.is_verified()

    def index(self, request, extra_context=None):
        from jiulongpo.workflow.dashboard import dashboard

        context = {"dashboard": dashboard(request.user), **(extra_context or {})}
        return super().index(request, context)
