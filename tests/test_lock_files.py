"""The production lock (Dockerfile) and the development lock (make) pin the same versions."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;]+)", re.MULTILINE)


def pins(name):
    return {pkg.lower(): version for pkg, version in PIN.findall((ROOT / name).read_text())}


def test_production_lock_pins_the_same_versions_as_the_development_lock():
    production, development = pins("requirements-prod.lock"), pins("requirements.lock")
    assert production and all(development.get(pkg) == v for pkg, v in production.items())


def test_production_lock_leaves_the_test_tools_out():
    assert not {"pytest", "playwright", "ruff"} & set(pins("requirements-prod.lock"))
