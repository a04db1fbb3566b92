"""Dataset declarations, one module per app."""

import importlib

MODULES = ["jiulongpo.opendata.datasets.projects"]


def load_all():
    for module in MODULES:
        importlib.import_module(module)
