"""Rows for the search, discovery and accessibility tests, and the list of every page
template a resident can reach (axe-core and the Nu HTML Checker walk it)."""

from jiulongpo.publishing import PublicationState
from tests.factories import (
    PhotoFactory,
    ProgressUpdateFactory,
    ProjectFactory,
    SubdistrictFactory,
)


def minzhucun():
    """民主村片区 with a phase, a cover photo, a before/after pair and a timeline."""
    place = SubdistrictFactory(name="杨家坪", slug="yangjiaping")
    project = ProjectFactory(
        name="民主村片区",
        name_en="Minzhu Village Area",
        slug="minzhucun-pianqu",
        subdistrict=place,
        kind="area",
        status="construction",
        pilot_level="municipal",
        approach_retain=True,
        approach_renovate=True,
        summary="市级试点片区，商圈与居民家园之间的更新。",
        body="## 更新方式\n\n留、改、拆、建结合，以**微改造**为主。",
        latitude="29.503000",
        longitude="106.512000",
    )
    cover = PhotoFactory(project=project, alt_text="改造后的民主村街景", kind="after")
    PhotoFactory(project=project, alt_text="改造前的老楼外墙", kind="before")
    project.cover_photo = cover
    project.save()
    ProjectFactory(name="民主村片区（一期）", slug="minzhucun-pianqu-yiqi", parent=project)
    ProgressUpdateFactory(project=project, title="示范街开街", date="2022-09-30", percent=40)
    return project


def every_page():
    """(name, path) of a page for every public template, with data filling it."""
    project = minzhucun()
    ProjectFactory(name="重庆美术公园", slug="chongqing-meishu-gongyuan", kind="park")
    return [
        ("home", "/"),
        ("project list", "/projects/"),
        ("project list, filtered to nothing", "/projects/?kind=road"),
        ("project detail", project.get_absolute_url()),
        ("search form", "/search/"),
        ("search results", "/search/?q=%E6%B0%91%E4%B8%BB%E6%9D%91"),
        ("search, no results", "/search/?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA"),
        ("not found", "/projects/no-such-project/"),
        ("home in English", "/en/"),
        ("project detail in English", f"/en{project.get_absolute_url()}"),
        ("search in English", "/en/search/?q=%E6%9D%91"),
    ]


def draft_project(**kwargs):
    return ProjectFactory(publication_state=PublicationState.DRAFT, **kwargs)
