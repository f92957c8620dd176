from typing import Any, Dict, List, Optional, Sequence

__version__: str

class Removal:
    """One removed piece of the cleaned string."""

    start: int
    """First removed character (of the input, or of ``source_text`` in HTML mode)."""
    end: int
    """One past the last removed character."""
    byte_start: int
    """The same range in UTF-8 bytes."""
    byte_end: int
    rule: str
    """The rule's code, as ``"NAV001"``."""
    name: str
    """The rule's name, as ``"skip-link"``."""
    category: str
    """The rule's category, as ``"navigation"``."""
    reason: str
    text: str
    """The removed text."""
    def to_dict(self) -> Dict[str, Any]: ...

class CleanResult:
    """What cleaning one document gave."""

    text: str
    """The kept text."""
    removals: List[Removal]
    input_kind: str
    """``"page"`` or ``"article"``: what the input was taken for."""
    source_text: Optional[str]
    """In HTML mode, the page's text projection that the offsets index."""
    removed_share: float
    """Characters removed over characters cleaned."""
    metadata: Optional[Dict[str, Any]]
    """With ``Cleaner(metadata=True)``: ``title``, ``author`` (a list), ``date`` (ISO 8601),
    ``site``, ``description``, ``language``, ``photo_credits``, ``sources``,
    ``reading_time_minutes``, ``tags``; each a dict ``{"value", "source", ...}`` (``start`` and
    ``end`` in characters). Fields the page does not give are absent. None without it."""
    def counts(self) -> Dict[str, int]:
        """Removals per category."""
    def to_dict(self) -> Dict[str, Any]:
        """``text``, ``input_kind``, ``removed``, in HTML mode ``source_text``, and ``metadata``
        when the cleaner reads it."""

class Cleaner:
    """A cleaner: build it once, use it from any thread.

    Raises ValueError on an unknown selector, bias, input kind or model file.
    """

    def __init__(
        self,
        select: Optional[Sequence[str]] = None,
        ignore: Optional[Sequence[str]] = None,
        bias: str = "balanced",
        input_kind: Optional[str] = None,
        scorer: str = "bundled",
        max_bytes: Optional[int] = None,
        max_lines: Optional[int] = None,
        metadata: bool = False,
    ) -> None: ...
    def clean(self, text: str) -> CleanResult:
        """Cleans one document of plain text (ValueError when over the limits)."""
    def clean_html(self, html: str) -> CleanResult:
        """Cleans one HTML page; offsets index ``result.source_text``."""
    def clean_many(self, texts: Sequence[str], threads: Optional[int] = None, html: bool = False) -> List[CleanResult]:
        """Cleans many documents in parallel (GIL released), results in input order."""
    def rules(self) -> List[str]:
        """The codes of the rules this cleaner runs."""

def rules() -> List[Dict[str, Any]]:
    """Every rule: code, name, category, summary, scored."""
