"""Rows for the search, discovery and accessibility tests, and the list of every page
template a resident can reach (axe-core and the Nu HTML Checker walk it)."""

from jiulongpo.publishing import PublicationState
from tests.factories import (
    PhotoFactory,
    ProgressUpdateFactory,
    ProjectFactory,
    SubdistrictFactory,
)
from tests.factories_livelihood import (
    IndicatorFactory,
    IndicatorValueFactory,
    ParkFactory,
    ParkPhotoFactory,
    TaskFactory,
    TaskUpdateFactory,
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


def livelihood():
    """A task with a target and an update, a park with a photo, an indicator with values."""
    task = TaskFactory(
        title="3岁以下婴幼儿托位",
        title_en="Childcare places for under-threes",
        sector="childcare",
        target_value="2290",
        unit="个",
        summary="新增托位，让幼有所育。",
    )
    TaskUpdateFactory(task=task, title="托位建设过半", date="2022-06-30", percent=60)
    park = ParkFactory(
        name="天宝公园",
        name_en="Tianbao Park",
        slug="tianbao-gongyuan",
        summary="荒地改成的小而美公园。",
        facilities="健身器材、儿童游乐",
    )
    park.cover_photo = ParkPhotoFactory(park=park, alt_text="天宝公园里的花坛和步道")
    park.save()
    indicator = IndicatorFactory(code="park-green-per-capita", name="人均公园绿地面积")
    IndicatorValueFactory(indicator=indicator, year=2021, value="16.5")
    IndicatorValueFactory(indicator=indicator, year=2022, value="16.8")
    return task, park, indicator


def every_page():
    """(name, path) of a page for every public template, with data filling it."""
    project = minzhucun()
    ProjectFactory(name="重庆美术公园", slug="chongqing-meishu-gongyuan", kind="park")
    task, park, indicator = livelihood()
    return [
        ("task list", task.task_list.get_absolute_url()),
        ("task detail", task.get_absolute_url()),
        ("park list", "/parks/"),
        ("parks near a point", "/parks/?lat=29.5&lng=106.5"),
        ("park detail", park.get_absolute_url()),
        ("figures", "/figures/"),
        ("figure detail", indicator.get_absolute_url()),
        ("open data catalogue", "/data/"),
        ("printable year report", f"/livelihood/{task.task_list.year}/report/"),
        ("printable project card", f"{project.get_absolute_url()}card/"),
        ("task detail in English", f"/en{task.get_absolute_url()}"),
        ("park detail in English", f"/en{park.get_absolute_url()}"),
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
        # fix-9: cards and lists whose Chinese names are marked lang="zh-Hans" in English
        ("project list in English", "/en/projects/"),
        ("park list in English", "/en/parks/"),
        ("task list in English", f"/en{task.task_list.get_absolute_url()}"),
    ]


def draft_project(**kwargs):
    return ProjectFactory(publication_state=PublicationState.DRAFT, **kwargs)
