"""Logins are throttled, passwords long, sessions short-lived, and a second factor optional."""

import time

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from jiulongpo.roles import ADMINISTRATOR, EDITOR
from tests.factories_editorial import PASSWORD, staff

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


def log_in(client, username, password=PASSWORD, address="10.1.1.1", **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, **extra}, REMOTE_ADDR=address
    )


def fail(client, username, times, address="10.1.1.1"):
    for _ in range(times):
        log_in(client, username, "wrong-password-123", address)


def test_five_failures_lock_the_account_with_a_message_in_chinese(client):
    user = staff(EDITOR)
    fail(client, user.username, 5)
    response = log_in(client, user.username)
    assert response.status_code == 429
    assert "登录已被锁定" in response.content.decode()


def test_four_failures_do_not_lock_the_account(client):
    user = staff(EDITOR)
    fail(client, user.username, 4)
    assert log_in(client, user.username).status_code == 302


def test_the_lock_holds_for_that_user_at_that_address_only(client):
    user = staff(EDITOR)
    fail(client, user.username, 5, address="10.1.1.1")
    assert log_in(client, user.username, address="10.9.9.9").status_code == 302


def test_a_made_up_forwarded_address_does_not_escape_the_lock(client):
    user = staff(EDITOR)
    fail(client, user.username, 5)
    response = log_in(client, user.username, HTTP_X_FORWARDED_FOR="192.0.2.7")
    assert response.status_code == 429


def test_an_administrator_unlocks_an_account_in_the_admin(client):
    user = staff(EDITOR)
    fail(client, user.username, 5)
    attempt = AccessAttempt.objects.get(username=user.username)
    client.force_login(staff(ADMINISTRATOR))
    client.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    client.logout()
    assert log_in(client, user.username).status_code == 302


@pytest.mark.parametrize("password", ["short-pw-11", "123456789012345", "password1234"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted():
    assert validate_password("九龙坡-renewal-2022-长密码") is None


def test_each_request_pushes_the_session_expiry_forward(client):
    client.force_login(staff(EDITOR))
    client.get(reverse("admin:index"))
    session = Session.objects.get()
    soon = timezone.now() + timezone.timedelta(minutes=1)
    Session.objects.filter(pk=session.pk).update(expire_date=soon)
    client.get(reverse("admin:index"))
    assert Session.objects.get().expire_date > soon


def test_an_idle_session_expires_and_asks_for_login_again(client):
    client.force_login(staff(EDITOR))
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and LOGIN in response["Location"]


def test_the_session_cookie_is_not_kept_after_the_browser_closes(client, settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60


@pytest.fixture
def user_with_device():
    user = staff(EDITOR)
    device = TOTPDevice.objects.create(user=user, name="手机", confirmed=True)
    return user, device


def current_token(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return str(totp.token()).zfill(device.digits)


def test_staff_with_an_authenticator_must_give_its_code(client, user_with_device):
    user, _device = user_with_device
    response = log_in(client, user.username)
    assert response.status_code == 200
    assert "请输入身份验证器上的动态验证码" in response.content.decode()


def test_staff_with_an_authenticator_log_in_with_a_correct_code(client, user_with_device):
    user, device = user_with_device
    response = log_in(client, user.username, otp_token=current_token(device))
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_password_only_session_of_staff_with_an_authenticator_is_refused(
    client, user_with_device
):
    user, _device = user_with_device
    client.force_login(user)
    assert client.get(reverse("admin:index")).status_code == 302


def test_staff_without_an_authenticator_log_in_with_the_password(client):
    user = staff(EDITOR)
    assert log_in(client, user.username).status_code == 302
