import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_form_without_its_token_gets_a_chinese_page_without_inline_style(django_user_model):
    user = django_user_model.objects.create_superuser("chief", "c@example.com", "x" * 16)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post("/markdownx/markdownify/", {"content": "**好**"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "表单已过期" in html and "<style" not in html
