from django.urls import path

from livelihood.views import tasks

app_name = "livelihood"

urlpatterns = [
    path("", tasks.LatestYearRedirectView.as_view(), name="latest"),
    path("<int:year>/", tasks.TaskListYearView.as_view(), name="year"),
    path("<int:year>/<int:number>/", tasks.TaskDetailView.as_view(), name="task"),
]
