from projects.models.photos import Photo, PhotoKind
from projects.models.projects import (
    Department,
    PilotLevel,
    Project,
    ProjectStatus,
    RenewalKind,
    Subdistrict,
    SubdistrictKind,
)
from projects.models.updates import ProgressUpdate

__all__ = [
    "Department",
    "Photo",
    "PhotoKind",
    "PilotLevel",
    "ProgressUpdate",
    "Project",
    "ProjectStatus",
    "RenewalKind",
    "Subdistrict",
    "SubdistrictKind",
]
