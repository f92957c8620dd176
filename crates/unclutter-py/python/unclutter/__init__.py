"""unclutter: strips page clutter from scraped article text and says exactly what it removed.

    >>> import unclutter
    >>> c = unclutter.Cleaner()
    >>> r = c.clean("Skip to main content\\nThe council met on Monday.\\n")
    >>> r.text
    'The council met on Monday.\\n'
    >>> r.removals[0].rule, r.removals[0].start, r.removals[0].end
    ('NAV001', 0, 21)

Offsets are character offsets into the cleaned string (``byte_start``/``byte_end`` give the
UTF-8 byte offsets); in HTML mode they index ``result.source_text``. ``Cleaner.clean_many``
cleans a list on every core, in order, with the GIL released. The datatrove pipeline blocks
live in ``unclutter.datatrove`` and the Spark recipe in ``unclutter.spark``.
"""

from ._unclutter import Cleaner, CleanResult, Removal, __version__, rules

__all__ = ["Cleaner", "CleanResult", "Removal", "rules", "__version__"]
