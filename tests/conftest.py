"""Shared fixtures: paths to the seeds and the clean prose used by property tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"

# "ci" runs more examples than a developer's quick loop; both are deterministic in what they generate per run.
settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in seed_paths()}


#: Fixtures whose tests leave threads running for good: Ray's outlive ray.shutdown(); datatrove's pipelines start
#: fsspec's IO thread and tqdm's monitor.
_LEAVE_THREADS = {"ray", "datatrove"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Those tests run last: while other threads run, clean_many spawns its workers instead of forking them, and the
    # forked path would go untested in every test after them.
    items.sort(key=lambda item: not _LEAVE_THREADS.isdisjoint(getattr(item, "fixturenames", ())))
