"""A datatrove formatter step, so newsclean drops into datatrove pipelines on any executor (local, Slurm, Ray).

>>> from datatrove.executor import LocalPipelineExecutor                    # doctest: +SKIP
>>> from datatrove.pipeline.readers import JsonlReader                      # doctest: +SKIP
>>> from datatrove.pipeline.writers import JsonlWriter                      # doctest: +SKIP
>>> from newsclean.integrations.datatrove import NewscleanFormatter
>>> LocalPipelineExecutor(pipeline=[
...     JsonlReader("raw/"),
...     NewscleanFormatter(report_key="newsclean"),
...     JsonlWriter("clean/"),
... ], tasks=4).run()                                                       # doctest: +SKIP

Needs ``pip install 'newsclean[datatrove]'``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsclean.batch import report_json, resolve_pipeline
from newsclean.integrations import require
from newsclean.pipeline import Pipeline

if TYPE_CHECKING:
    from datatrove.pipeline.formatters.base import BaseFormatter
else:
    # Imported through require(), which says how to install datatrove when it is missing; a type checker cannot
    # follow that call, so it is shown the plain import.
    BaseFormatter = require("datatrove.pipeline.formatters.base", "datatrove").BaseFormatter

__all__ = ["NewscleanFormatter"]


class NewscleanFormatter(BaseFormatter):
    """Clean each document's text with a newsclean pipeline.

    ``pipeline`` is the pipeline to use (default: the default pipeline with ``options``, which are
    :class:`~newsclean.Config` keys). With ``report_key``, the JSON report of each document
    (compact, or with ``full_report`` every edit: :func:`newsclean.batch.report_json`) is stored in
    ``document.metadata[report_key]``. The step's stats count the documents changed and the edits of each normalizer
    (``edits_<name>``).
    """

    name = "📰 newsclean"

    def __init__(
        self,
        pipeline: Pipeline | None = None,
        report_key: str | None = None,
        full_report: bool = False,
        **options: Any,
    ) -> None:
        super().__init__()
        # The step is pickled to every task; a pipeline pickles as its options, and loads its data once per process.
        self.pipeline = resolve_pipeline(pipeline, options)
        self.report_key = report_key
        self.full_report = full_report

    def format(self, text: str) -> str:
        return self.pipeline.fix(text)

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Any:
        for doc in data:
            self.stat_update("total")
            with self.track_time():
                result = self.pipeline.clean(doc.text)
            doc.text = result.text
            if result.changed:
                self.stat_update("changed")
            for normalizer, count in result.counts().items():
                self.stat_update(f"edits_{normalizer}", value=count)
            if self.report_key:
                doc.metadata[self.report_key] = report_json(result, full=self.full_report)
            yield doc
