#!/usr/bin/env python3
"""Where a peer extractor keeps a page's text and unclutter does not: page by page, unclutter's
outputs against one peer's, on the same devset folder.

usage: python3 scripts/peer_gaps.py PREDS [--peer trafilatura] [--folder wcxb_dev]
                                    [--page-type TYPE] [--worst N] [--devset DIR]

PREDS is a folder of unclutter's outputs, one `<id>.txt` per page, as

    cargo run --release -p unclutter-eval --example evaluate -- ../shared/devset/wcxb_dev --html \\
        --oof crates/unclutter-eval/models/oof --write-preds /tmp/preds

writes them (out of fold; text mode without `--html`). The peer's outputs come from the cache
`scripts/extractors.py` fills (`${UNCLUTTER_CACHE:-$HOME/.cache/unclutter}/extractors/<peer>/
<folder>/<id>.txt`). Prints the mean F1 of both per wcxb_dev page type (or over the folder), the
pages where unclutter trails the peer most, and the pages where unclutter keeps (nearly) nothing
while the peer scores above 0.5: text the cleaner never saw or threw away whole, the kind of gap
one general cause explains (a forum's posts served only inside `noscript` was found this way).
Measures are the devset README's (lower-cased `\\w+` tokens, multiset overlap, F1 per page), but
pages with empty gold are left out of the means (17 of wcxb_dev's), so they run above evaluate's.
Needs python3 only; writes nothing.
"""
import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tokens(path):
    if not path.exists():
        return Counter()
    return Counter(re.findall(r"\w+", path.read_text(encoding="utf-8", errors="replace").lower()))


def f1(output, gold):
    overlap = sum((output & gold).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(output.values()), overlap / sum(gold.values())
    return 2 * p * r / (p + r)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("preds", help="unclutter's outputs, <id>.txt per page (evaluate --write-preds)")
    parser.add_argument("--peer", default="trafilatura")
    parser.add_argument("--folder", default="wcxb_dev")
    parser.add_argument("--page-type")
    parser.add_argument("--worst", type=int, default=20)
    parser.add_argument("--devset", default=str(ROOT.parent / "shared/devset"))
    args = parser.parse_args()

    devset = Path(args.devset) / args.folder
    cache = Path(os.environ.get("UNCLUTTER_CACHE", Path.home() / ".cache/unclutter")) / "extractors"
    peer_dir = cache / args.peer / args.folder
    preds = Path(args.preds)
    for path, what in [(devset / "index.jsonl", "the devset folder"), (peer_dir, "the peer's cached outputs"),
                       (preds, "unclutter's outputs")]:
        if not path.exists():
            print(f"{path}: not found ({what})", file=sys.stderr)
            return 2

    rows = []
    for line in open(devset / "index.jsonl", encoding="utf-8"):
        entry = json.loads(line)
        kind = entry.get("page_type", "-")
        if args.page_type and kind != args.page_type:
            continue
        gold = tokens(devset / f"{entry['id']}.gold.txt")
        if not gold:
            continue
        ours = tokens(preds / f"{entry['id']}.txt")
        rows.append((kind, entry["id"], entry.get("domain", entry.get("site", "")), f1(ours, gold),
                     f1(tokens(peer_dir / f"{entry['id']}.txt"), gold), sum(ours.values())))
    if not rows:
        print("no page with gold text", file=sys.stderr)
        return 2

    by_type = defaultdict(list)
    for row in rows:
        by_type[row[0]].append(row)
    print(f"{'page type':<16} {'pages':>5} {'unclutter':>9} {args.peer:>12}")
    for kind, group in sorted(by_type.items(), key=lambda kv: -len(kv[1])):
        ours = sum(r[3] for r in group) / len(group)
        theirs = sum(r[4] for r in group) / len(group)
        print(f"{kind:<16} {len(group):>5} {ours:>9.3f} {theirs:>12.3f}")
    print(f"{'all':<16} {len(rows):>5} {sum(r[3] for r in rows) / len(rows):>9.3f} "
          f"{sum(r[4] for r in rows) / len(rows):>12.3f}")

    print(f"\nwhere unclutter trails {args.peer} most:")
    for kind, page, domain, ours, theirs, _ in sorted(rows, key=lambda r: r[3] - r[4])[:args.worst]:
        print(f"  {page}  {kind:<13} {domain[:32]:<32} unclutter {ours:.2f}  {args.peer} {theirs:.2f}")
    empty = [r for r in rows if r[5] < 10 and r[4] > 0.5]
    print(f"\n{len(empty)} pages unclutter keeps (nearly) nothing of while {args.peer} scores above 0.5:")
    for kind, page, domain, ours, theirs, kept in empty:
        print(f"  {page}  {kind:<13} {domain[:32]:<32} {kept} words kept  {args.peer} {theirs:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
