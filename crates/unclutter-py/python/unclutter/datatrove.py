"""datatrove pipeline blocks (imported only when datatrove is installed).

``UnclutterCleaner`` cleans each ``Document.text`` and records what it removed in the document's
metadata; ``UnclutterFilter`` does the same and drops documents left almost empty::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from unclutter.datatrove import UnclutterCleaner

    LocalPipelineExecutor(
        pipeline=[JsonlReader("data/"), UnclutterCleaner(), JsonlWriter("clean/")],
        tasks=4, workers=2,
    ).run()

The cleaner is built in each worker on first use (it is not pickled), from the keyword arguments
given here (those of ``unclutter.Cleaner``).
"""

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter

from . import Cleaner

__all__ = ["UnclutterCleaner", "UnclutterFilter"]


def _record(doc, result):
    """Sets the cleaned text and the metadata of what went."""
    doc.text = result.text
    doc.metadata["unclutter_removed_share"] = round(result.removed_share, 6)
    doc.metadata["unclutter_counts"] = result.counts()
    doc.metadata["unclutter_input_kind"] = result.input_kind
    if result.metadata is not None:
        # With ``metadata=True``: the page's title, authors, date... (see ``CleanResult.metadata``).
        doc.metadata["unclutter_metadata"] = result.metadata


class _LazyCleaner:
    """The cleaner of a pipeline block: built on first use in each worker from the options, and
    left out when the block is pickled (a Rust object is not picklable)."""

    def _init_cleaner(self, html, cleaner_options):
        self.html = html
        self.cleaner_options = cleaner_options
        self._cleaner = None

    @property
    def cleaner(self):
        if self._cleaner is None:
            self._cleaner = Cleaner(**self.cleaner_options)
        return self._cleaner

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_cleaner"] = None
        return state

    def _clean(self, doc):
        """Cleans ``doc.text`` and records what went in its metadata; returns the result."""
        result = self.cleaner.clean_html(doc.text) if self.html else self.cleaner.clean(doc.text)
        _record(doc, result)
        return result


class UnclutterCleaner(_LazyCleaner, PipelineStep):
    """Cleans each document's text (``html=True``: the text is HTML) and records in its metadata
    ``unclutter_removed_share``, ``unclutter_counts`` (removals per category) and
    ``unclutter_input_kind``."""

    name = "🧹 unclutter"
    type = "✂️ - FORMAT"

    def __init__(self, html: bool = False, **cleaner_options):
        super().__init__()
        self._init_cleaner(html, cleaner_options)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update("documents")
            with self.track_time():
                self._clean(doc)
            self.update_doc_stats(doc)
            yield doc


class UnclutterFilter(_LazyCleaner, BaseFilter):
    """Cleans each document like ``UnclutterCleaner`` and drops it when fewer than
    ``min_chars`` characters are left (or more than ``max_removed_share`` of it went)."""

    name = "🧹 unclutter filter"

    def __init__(self, min_chars: int = 200, max_removed_share: float = 0.95, html: bool = False,
                 exclusion_writer=None, **cleaner_options):
        super().__init__(exclusion_writer)
        self.min_chars = min_chars
        self.max_removed_share = max_removed_share
        self._init_cleaner(html, cleaner_options)

    def filter(self, doc):
        result = self._clean(doc)
        if len(result.text.strip()) < self.min_chars:
            return False, "unclutter_too_short"
        if result.removed_share > self.max_removed_share:
            return False, "unclutter_mostly_clutter"
        return True
