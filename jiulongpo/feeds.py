"""Atom feeds of published progress updates: the whole district, and one per project."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from jiulongpo.markdown import render_markdown
from projects.models import ProgressUpdate, Project

FEED_LENGTH = 50


class UpdatesFeed(Feed):
    feed_type = Atom1Feed
    title = _("九龙坡区城市更新进展")
    subtitle = _("九龙坡区城市更新项目最新发布的进展更新。")

    def link(self):
        return reverse("home")

    def feed_url(self):
        return reverse("feeds:updates")

    def updates(self):
        return (
            ProgressUpdate.objects.published()
            .filter(project__in=Project.objects.published())
            .select_related("project")
            .order_by("-date", "-pk")
        )

    def items(self):
        return self.updates()[:FEED_LENGTH]

    def item_title(self, update):
        return f"{update.project.name}：{update.title}"

    def item_description(self, update):
        return render_markdown(update.body)

    def item_link(self, update):
        return update.get_absolute_url()

    def item_pubdate(self, update):
        return timezone.make_aware(datetime.combine(update.date, time(12)))

    def item_updateddate(self, update):
        return update.updated_at


class ProjectUpdatesFeed(UpdatesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Project.objects.published(), slug=slug)

    def title(self, project):
        return _("%(name)s的进展") % {"name": project.name}

    def subtitle(self, project):
        return project.summary or project.name

    def link(self, project):
        return project.get_absolute_url()

    def feed_url(self, project):
        return reverse("feeds:project", kwargs={"slug": project.slug})

    def items(self, project):
        return self.updates().filter(project=project)[:FEED_LENGTH]
