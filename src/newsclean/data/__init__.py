"""Packaged data, generated from well-kept packages by :mod:`newsclean.data.build`.

Loading a package's full tables costs seconds at cold start (wordfreq's English table alone is ~0.3 s, symspellpy's
dictionary ~3 s); the few slices newsclean needs are extracted once, at development time, into small JSON files here.
``python -m newsclean.data.build`` regenerates them and ``tests/test_data.py`` checks they match the installed packages.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Any

__all__ = ["load"]


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Load ``<name>.json`` from this package (cached; raises FileNotFoundError naming the file if absent)."""
    # The files sit next to this module (newsclean is installed as a directory); importlib.resources would find
    # them in a zip too, but importing it (tempfile, zipfile, shutil...) costs a CLI run ~8 ms.
    path = os.path.join(os.path.dirname(__file__), f"{name}.json")
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise FileNotFoundError(
            f"newsclean data file {name}.json is missing; reinstall newsclean or run python -m newsclean.data.build"
        ) from None
