"""Small factories: each test builds just the rows it needs."""

from io import BytesIO

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from jiulongpo.publishing import PublicationState
from projects.models import Photo, ProgressUpdate, Project, Subdistrict


def image_upload(name="photo.jpg", size=(64, 48), fmt="JPEG", color="green", **save_kwargs):
    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt, **save_kwargs)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}.get(fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


class SubdistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subdistrict

    name = factory.Sequence(lambda n: f"测试街道{n}")
    slug = factory.Sequence(lambda n: f"test-subdistrict-{n}")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    name = factory.Sequence(lambda n: f"测试项目{n}")
    slug = factory.Sequence(lambda n: f"test-project-{n}")
    summary = "用于测试的项目。"
    publication_state = PublicationState.PUBLISHED


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    project = factory.SubFactory(ProjectFactory)
    date = factory.Faker("date_between", start_date="-2y", end_date="today")
    title = factory.Sequence(lambda n: f"进展{n}")
    percent = 50
    publication_state = PublicationState.PUBLISHED


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    project = factory.SubFactory(ProjectFactory)
    image = factory.LazyFunction(image_upload)
    alt_text = "施工现场的照片"
