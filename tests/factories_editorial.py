"""Departments and staff in each editorial role."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from jiulongpo.models import EditorProfile
from jiulongpo.roles import ADMINISTRATOR, EDITOR, REVIEWER, STATISTICIAN
from projects.models import Department

PASSWORD = "长长的测试密码-correct-horse"
ROLES = [EDITOR, REVIEWER, STATISTICIAN, ADMINISTRATOR]


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"区测试局{n}")


class StaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if extracted:
            user.groups.add(Group.objects.get(name=extracted))
        user.save()

    @factory.post_generation
    def departments(user, create, extracted, **kwargs):
        if extracted:
            EditorProfile.objects.get_or_create(user=user)[0].departments.set(extracted)


def staff(role, *departments, **kwargs):
    return StaffFactory(role=role, departments=list(departments), **kwargs)
