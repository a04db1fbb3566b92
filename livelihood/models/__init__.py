from livelihood.models.indicators import (
    Betterness,
    Indicator,
    IndicatorCategory,
    IndicatorValue,
    Qualifier,
)
from livelihood.models.parks import Park, ParkKind, ParkPhoto, ParkStatus
from livelihood.models.tasks import Sector, Task, TaskKind, TaskList, TaskStatus, TaskUpdate

__all__ = [
    "Betterness",
    "Indicator",
    "IndicatorCategory",
    "IndicatorValue",
    "Park",
    "ParkKind",
    "ParkPhoto",
    "ParkStatus",
    "Qualifier",
    "Sector",
    "Task",
    "TaskKind",
    "TaskList",
    "TaskStatus",
    "TaskUpdate",
]
