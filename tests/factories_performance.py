"""Bigger data for query-count tests: the same pages at a few rows and at many."""

from tests.factories import PhotoFactory, ProgressUpdateFactory, ProjectFactory, SubdistrictFactory


def build_projects(n, updates=3, photos=2, phases=1):
    """n published projects, each with updates, photos and phases of its own."""
    place = SubdistrictFactory()
    projects = []
    for _ in range(n):
        project = ProjectFactory(
            subdistrict=place, kind="compound", status="construction", featured=True
        )
        ProgressUpdateFactory.create_batch(updates, project=project)
        for kind in ("before", "after")[:photos]:
            photo = PhotoFactory(project=project, kind=kind)
            project.cover_photo = photo
        project.save()
        for _ in range(phases):
            phase = ProjectFactory(parent=project, subdistrict=place)
            ProgressUpdateFactory(project=phase)
        projects.append(project)
    return projects
