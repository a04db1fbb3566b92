"""Synthetic renewal projects, progress updates and photo records, made with bulk_create."""

from datetime import timedelta
from decimal import Decimal
from io import BytesIO

from django.core.files.base import ContentFile
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from PIL import Image, ImageDraw

from jiulongpo.markdown import render_markdown
from jiulongpo.publishing import PublicationState
from jiulongpo.synthetic import (
    BATCH,
    MARK,
    PLACES,
    SYNTHETIC_SOURCE,
    THINGS,
    WORKS,
    spread_dates,
)
from projects.models import (
    Department,
    Photo,
    PhotoKind,
    ProgressUpdate,
    Project,
    ProjectStatus,
    RenewalKind,
    Subdistrict,
)

SUBDISTRICTS = 20
DEPARTMENTS = 12
SAMPLE_IMAGES = 4
UPDATE_BODY = "合成进展说明，仅用于性能测试。"
UPDATE_BODY_HTML = render_markdown(UPDATE_BODY)
# A box the size of the district, for map markers only; the points mean nothing.
LAT_RANGE = (29.38, 29.56)
LNG_RANGE = (106.28, 106.55)


def _sample_image(n):
    """A small generated picture with SYNTHETIC written on it, so no one mistakes it."""
    colours = ["#6b8e23", "#8b5a2b", "#4682b4", "#b22222"]
    image = Image.new("RGB", (960, 640), colours[n % len(colours)])
    draw = ImageDraw.Draw(image)
    for x in range(0, 960, 80):
        draw.line([(x, 0), (x + 320, 640)], fill="#ffffff", width=6)
    draw.rectangle([40, 40, 400, 110], fill="#000000")
    draw.text((60, 60), f"SYNTHETIC {n + 1}", fill="#ffffff")
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return ContentFile(buffer.getvalue(), name="synthetic.jpg")


def _places():
    subdistricts = Subdistrict.objects.bulk_create(
        Subdistrict(
            name=f"{MARK}街道{n:02}", slug=f"synthetic-street-{n:02}", source=SYNTHETIC_SOURCE
        )
        for n in range(1, SUBDISTRICTS + 1)
    )
    departments = Department.objects.bulk_create(
        Department(name=f"{MARK}部门{n:02}", slug=f"synthetic-department-{n:02}")
        for n in range(1, DEPARTMENTS + 1)
    )
    return subdistricts, departments


def _project(rng, n, subdistricts, departments, parent=None):
    place, thing, work = rng.choice(PLACES), rng.choice(THINGS), rng.choice(WORKS)
    start = spread_dates(rng)
    state = PublicationState.PUBLISHED if rng.random() < 0.9 else PublicationState.DRAFT
    # bulk_create skips save(): the stored HTML is made here.
    body = f"## 合成数据\n\n`seed_synthetic` 生成的假项目，编号 {n}。\n\n- {work}\n- {thing}"
    return Project(
        name=f"{MARK}{place}{thing}{work}{n:05}",
        slug=f"synthetic-{n:05}",
        parent=parent,
        kind=rng.choice(RenewalKind.values),
        approach_renovate=True,
        approach_retain=rng.random() < 0.5,
        subdistrict=rng.choice(subdistricts),
        department=rng.choice(departments),
        status=rng.choice(ProjectStatus.values),
        planned_start=start,
        planned_finish=start + timedelta(days=rng.randrange(90, 900)),
        investment=Decimal(rng.randrange(100, 500_000)),
        summary=f"合成数据：{place}{thing}的{work}，仅用于性能测试。",
        body=body,
        body_html=render_markdown(body),
        latitude=Decimal(f"{rng.uniform(*LAT_RANGE):.6f}"),
        longitude=Decimal(f"{rng.uniform(*LNG_RANGE):.6f}"),
        featured=rng.random() < 0.01,
        publication_state=state,
        published_at=timezone.now() - timedelta(days=rng.randrange(1, 2000)),
        source=SYNTHETIC_SOURCE,
    )


def seed_projects(rng, counts, report):
    subdistricts, departments = _places()
    total = counts["projects"]
    top_count = max(1, total - total // 10)
    projects = Project.objects.bulk_create(
        (_project(rng, n, subdistricts, departments) for n in range(1, top_count + 1)),
        batch_size=BATCH,
    )
    # One project in ten is a phase (一期/二期) of another.
    parents = projects[: max(1, total // 20)]
    projects += Project.objects.bulk_create(
        (
            _project(rng, n, subdistricts, departments, parent=rng.choice(parents))
            for n in range(top_count + 1, total + 1)
        ),
        batch_size=BATCH,
    )
    report("projects", len(projects))
    seed_updates(rng, projects, counts["updates"], report)
    seed_photos(rng, projects, counts["photos"], report)
    return projects


def seed_updates(rng, projects, total, report):
    per_project = max(1, total // len(projects))

    def updates():
        for project in projects:
            day = project.planned_start
            for step in range(1, per_project + 1):
                day += timedelta(days=rng.randrange(10, 60))
                yield ProgressUpdate(
                    project=project,
                    date=day,
                    percent=min(100, step * 100 // per_project),
                    title=f"{MARK}第{step}次进展",
                    # Most updates are a title and a percent, as on the district's own pages.
                    body=UPDATE_BODY if step == per_project else "",
                    body_html=UPDATE_BODY_HTML if step == per_project else "",
                    publication_state=(
                        PublicationState.PUBLISHED if rng.random() < 0.9 else PublicationState.DRAFT
                    ),
                    published_at=project.published_at,
                    source=SYNTHETIC_SOURCE,
                )

    created = ProgressUpdate.objects.bulk_create(updates(), batch_size=BATCH)
    report("progress updates", len(created))


def seed_photos(rng, projects, total, report):
    """A few real small images with real thumbnails, reused by every synthetic photo record."""
    samples = []
    for n in range(SAMPLE_IMAGES):
        photo = Photo(
            project=projects[0],
            image=_sample_image(n),
            alt_text=f"{MARK}合成示例图片{n + 1}",
            kind=PhotoKind.values[n % 3],
        )
        photo.save()
        photo.refresh_from_db()
        samples.append(photo)
    per_project = max(1, total // len(projects))

    def photos():
        for project in projects:
            for position in range(per_project):
                sample = rng.choice(samples)
                yield Photo(
                    project=project,
                    image=sample.image.name,
                    width=sample.width,
                    height=sample.height,
                    thumbnail_small=sample.thumbnail_small.name,
                    thumbnail_large=sample.thumbnail_large.name,
                    alt_text=f"{MARK}合成照片",
                    caption=f"{MARK}示例照片 {position + 1}",
                    kind=PhotoKind.values[position % 3],
                    position=position,
                )

    created = Photo.objects.bulk_create(photos(), batch_size=BATCH)
    first_photo = Photo.objects.filter(project=OuterRef("pk")).order_by("position", "pk")
    Project.objects.filter(source=SYNTHETIC_SOURCE).update(
        cover_photo=Subquery(first_photo.values("pk")[:1])
    )
    report("photos", len(created) + len(samples))
