#!/usr/bin/env python3
"""Post-extraction use: unclutter run over other extractors' output, one table row per tool.

usage: python3 scripts/post_extraction.py [FOLDER...] [--tools NAME,...] [--details]
                                          [--devset DIR] [--bias BIAS] [--oof DIR] [--select S]
                                          [--page-type TYPE]

First fill the cache of extractor outputs with `scripts/extractors.py` (its docstring says how to
make the throwaway virtual environment it runs in); this script needs only python3 and cargo.
For each tool folder of the cache, `${UNCLUTTER_CACHE:-$HOME/.cache/unclutter}/extractors/<tool>/`,
and each devset FOLDER it holds (default: every one it holds; `--tools` narrows the tools), it
runs the evaluate example in text mode on the extractor's outputs,

    cargo run --release -p unclutter-eval --example evaluate -- DEVSET/FOLDER --inputs CACHE/<tool>/FOLDER

and prints one row per (tool, folder): the pages, the F1 of the extractor's output alone and after
unclutter cleaned it, the same for recall (gold kept), and the pages whose cleaning lost more than
20% of their gold tokens. Folders with snippet gold (trafilatura_eval) give the snippet F1 and
recall, summed over pages as score.py does, and count the pages that lost a `with` snippet the
extractor's output held. A first row per folder, tool `dump`, is the page's text dump cleaned as
text mode usually cleans it (no loss count: evaluate lists losses for `--inputs` only).

Measures are the devset README's (mean over pages of token precision, recall and F1), computed by
the `unclutter_eval` crate as `../shared/tools/score.py` computes them; for `readability` the
rows count every page, its 34 synthetic test pages included. `--details` also prints each
evaluate run's own output: the pages losing gold, with their recall before -> after. `--bias` is
passed on to evaluate, and so are `--oof DIR` (clean each page with the content scorer of its
fold: out-of-fold numbers, see `scripts/train`) and `--select` (repeatable: `--select ALL
--select CODE` adds a preview rule). `--page-type TYPE` scores only the pages of that
wcxb_dev page type (`article`). Nothing is written.

Exit status: 0 when every run succeeded, 1 when one failed (its row says so), 2 on a usage error.
"""
import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The order of the rows; other tool folders in the cache follow, by name.
TOOLS = ("trafilatura", "readability-lxml", "newspaper4k", "resiliparse", "boilerpy3", "justext")
FOLDERS = ("aeb", "readability", "trafilatura_eval", "wcxb_dev")

NUM = r"[0-9]+\.[0-9]+"
SCORES = re.compile(
    rf"^(?P<name>\S+): pages=(?P<pages>\d+) precision={NUM} recall=(?P<recall>{NUM}) F1=(?P<f1>{NUM})"
    rf"(?P<snippets> \(snippets\))? \((dump|input) as is: precision={NUM} recall=(?P<recall0>{NUM}) F1=(?P<f10>{NUM})\)$"
)
LOSING = re.compile(r"^(?P<name>\S+): pages losing (more than 20% of their gold tokens|a with snippet)"
                    r" through cleaning: (?P<n>\d+) of (?P<of>\d+)$")


def cache_root():
    base = os.environ.get("UNCLUTTER_CACHE") or Path.home() / ".cache" / "unclutter"
    return Path(base) / "extractors"


def evaluate(args):
    """Runs the evaluate example; returns (exit code, stdout, stderr)."""
    command = ["cargo", "run", "--quiet", "--release", "-p", "unclutter-eval", "--example", "evaluate", "--"]
    run = subprocess.run(command + args, cwd=ROOT, capture_output=True, text=True)
    return run.returncode, run.stdout, run.stderr


def parse(folder, output):
    """The folder's first scores line (all pages) and its loss count, from evaluate's output."""
    row = {}
    for line in output.splitlines():
        scores = SCORES.match(line)
        if scores and scores["name"] == folder and "f1" not in row:
            row.update(
                pages=int(scores["pages"]),
                f1=float(scores["f1"]),
                f1_alone=float(scores["f10"]),
                recall=float(scores["recall"]),
                recall_alone=float(scores["recall0"]),
                snippets=bool(scores["snippets"]),
            )
        losing = LOSING.match(line)
        if losing and losing["name"] == folder:
            row["losing"] = f"{losing['n']} of {losing['of']}"
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", metavar="FOLDER", help="devset folders (default: all cached)")
    parser.add_argument("--tools", help="comma-separated tool folders of the cache (default: all)")
    parser.add_argument("--details", action="store_true", help="also print each evaluate run's output")
    parser.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    parser.add_argument("--bias", default="balanced", help="passed on to evaluate")
    parser.add_argument("--oof", help="passed on to evaluate: the fold models' folder")
    parser.add_argument("--select", action="append", default=[], help="passed on to evaluate")
    parser.add_argument("--page-type", help="passed on to evaluate: only pages of this type")
    args = parser.parse_args()
    passed = (["--oof", args.oof] if args.oof else []) + [a for s in args.select for a in ("--select", s)]
    passed += ["--page-type", args.page_type] if args.page_type else []

    cache = cache_root()
    if not cache.is_dir():
        parser.error(f"{cache}: no cache of extractor outputs; run scripts/extractors.py first")
    order = lambda tool: (TOOLS.index(tool) if tool in TOOLS else len(TOOLS), tool)
    cached = sorted((p.name for p in cache.iterdir() if p.is_dir()), key=order)
    tools = [t.strip() for t in args.tools.split(",")] if args.tools else cached
    missing = [t for t in tools if t not in cached]
    if missing:
        parser.error(f"not in {cache}: {', '.join(missing)}")
    folders = args.folders or [f for f in FOLDERS if any((cache / t / f).is_dir() for t in tools)]
    for folder in folders:
        if not (args.devset / folder / "index.jsonl").exists():
            parser.error(f"{args.devset / folder}: no index.jsonl (expected a devset folder)")

    build = ["cargo", "build", "--quiet", "--release", "-p", "unclutter-eval", "--example", "evaluate"]
    if subprocess.run(build, cwd=ROOT).returncode != 0:
        return 2

    print(f"cache: {cache}")
    print(f"bias: {args.bias}; losing: pages whose cleaning lost more than 20% of their gold tokens"
          " (snippet folders: pages that lost a `with` snippet)\n")
    header = ("tool", "folder", "pages", "F1 alone", "F1 after", "recall alone", "recall after", "losing")
    rows, failed = [], False
    for folder in folders:
        runs = [("dump", [])]
        runs += [(t, ["--inputs", str(cache / t / folder)]) for t in tools if (cache / t / folder).is_dir()]
        for tool, extra in runs:
            code, out, err = evaluate([str(args.devset / folder), "--worst", "0", "--bias", args.bias] + passed + extra)
            if args.details:
                print(f"## {tool} {folder}\n{out}{err}")
            row = parse(folder, out) if code == 0 else {}
            if "f1" not in row:
                failed = True
                message = err.strip().splitlines()[-1] if err.strip() else f"exit {code}"
                rows.append((tool, folder, "error: " + message, "", "", "", "", ""))
                continue
            kind = " (snippets)" if row["snippets"] else ""
            rows.append((
                tool,
                folder + kind,
                str(row["pages"]),
                f"{row['f1_alone']:.3f}",
                f"{row['f1']:.3f}",
                f"{row['recall_alone']:.3f}",
                f"{row['recall']:.3f}",
                row.get("losing", "-"),
            ))
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print(line(row))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
