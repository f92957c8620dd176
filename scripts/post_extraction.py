#!/usr/bin/env python3
"""Post-extraction use: unclutter run over other extractors' output.

usage: python3 scripts/post_extraction.py [DEVSET_DIR]   (default ../shared/devset/aeb)

Needs `pip install trafilatura readability-lxml` and a release build of the CLI
(`cargo build --release`). For each page, extracts the article from `<id>.html` with
trafilatura and with readability-lxml, scores the extraction against `<id>.gold.txt`, then
scores it again after `unclutter` cleaned it, with the devset README's token measures (mean
over pages) as `../shared/tools/score.py` implements them. Nothing is written; the extractors'
outputs are not kept.
"""
import json
import re
import statistics
import subprocess
import sys
from pathlib import Path

import lxml.html
import trafilatura
from readability import Document

ROOT = Path(__file__).resolve().parent.parent
# The measures live once, in the devset's own scorer; its `prf` is the per-page one and, as
# score.py does, the mean over pages is `statistics.mean` (exact, then rounded once).
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
from score import prf  # noqa: E402


def readability_text(html):
    root = lxml.html.fromstring(Document(html).summary())
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "br", "tr"):
        el.tail = "\n" + (el.tail or "")
    return re.sub(r"\n\s*\n+", "\n\n", root.text_content())


EXTRACTORS = {"trafilatura": lambda html: trafilatura.extract(html) or "", "readability-lxml": readability_text}


def main():
    devset = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "../shared/devset/aeb")
    cli = ROOT / "target/release/unclutter"
    ids = [json.loads(line)["id"] for line in open(devset / "index.jsonl", encoding="utf-8")]
    for name, extract in EXTRACTORS.items():
        alone, cleaned = [], []
        for i in ids:
            html = (devset / f"{i}.html").read_text(encoding="utf-8", errors="replace")
            gold = (devset / f"{i}.gold.txt").read_text(encoding="utf-8")
            try:
                text = extract(html)
            except Exception:  # an extractor failing on a page scores it empty
                text = ""
            out = subprocess.run([cli], input=text, capture_output=True, text=True, check=True).stdout
            alone.append(prf(text, gold))
            cleaned.append(prf(out, gold))
        mean = lambda rows, k: statistics.mean(r[k] for r in rows)
        print(
            f"{name}: alone P={mean(alone, 0):.3f} R={mean(alone, 1):.3f} F1={mean(alone, 2):.3f}"
            f" | then unclutter P={mean(cleaned, 0):.3f} R={mean(cleaned, 1):.3f} F1={mean(cleaned, 2):.3f}"
        )


if __name__ == "__main__":
    main()
