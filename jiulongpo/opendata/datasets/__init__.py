"""Dataset declarations, one module per app."""

import importlib

MODULES = [
    "jiulongpo.opendata.datasets.projects",
    "jiulongpo.opendata.datasets.livelihood",
]


def load_all():
    for module in MODULES:
        importlib.import_module(module)
