#!/usr/bin/env python3
"""Runs six HTML main-content extractors over devset pages and caches their outputs as text.

usage: python3 scripts/extractors.py [FOLDER...] [--tools NAME,...] [--force] [--jobs N]
                                     [--devset DIR] [--timeout SECONDS]

FOLDER is a folder of the devset (`aeb`, `readability`, `trafilatura_eval`, `wcxb_dev`;
default: aeb wcxb_dev), read from `--devset` (default `../shared/devset` beside the workspace).
For each tool and folder, each page's HTML (`<id>.html`, or `<id>.html.gz` as wcxb_dev ships it)
goes through the tool's standard main-content call with its default settings, and the output is
written as plain UTF-8 text to

    ${UNCLUTTER_CACHE:-$HOME/.cache/unclutter}/extractors/<tool>/<folder>/<id>.txt

outside the repository, since it is third-party text. When the tool returns nothing the file is
empty; when it raises (or runs past `--timeout`, default 120 s) the file is empty too and the page
is counted as a failure, listed on the terminal and in `<tool>/<folder>.failures.tsv` (id, error),
so an empty file never hides a failure. Pages whose file exists are skipped unless `--force`;
files are written whole (a temporary file renamed), so an interrupted run leaves no partial file.
Pages run over `--jobs` processes (default 2). For each tool and folder the script prints the
pages, how many ran and how many were cached, the empty outputs, the failures, the wall-clock
seconds, and the seconds spent in the extraction calls themselves (summed over the processes, and
their CPU time, which other load on the machine does not inflate), then a total per tool.

The tools and their calls (the cache folder is named after the first word):

- trafilatura: `trafilatura.extract(html)`, default options.
- readability-lxml: `Document(html).summary()`, then the summary's text with each block element
  (p, div, li, headings, br, tr...) on its own line: white space inside a block collapsed, empty
  lines dropped.
- newspaper4k: `Article(url)`, `.download(input_html=html)` (no request is made), `.parse()`,
  `.text`; default configuration but `fetch_images=False`, since fetching images downloads them
  and only changes the image metadata, not the text. newspaper4k tokenizes the page's language
  (from its meta tags) for scoring: its `ja` and `zh` extras bring the tokenizers of those
  languages; Korean needs nltk's punkt data, downloaded at run time, so Korean pages fail where
  no download is possible (as here).
- resiliparse: `extract_plain_text(html, main_content=True)`.
- boilerpy3: `extractors.ArticleExtractor().get_content(html)`.
- justext: `justext.justext(html, stoplist)` with the stoplist of the page's language (the index's
  `lang`, English where it gives none), the paragraphs that are not boilerplate joined by
  newlines. For a language justext has no stoplist for (ja, zh) the stoplist is empty with
  `stopwords_low=stopwords_high=0`, justext's documented language-independent mode.

HTML is decoded as the devset README says: `<id>.html` is UTF-8; decompressed `<id>.html.gz` is
UTF-8 in which a few invalid bytes become U+FFFD, as the `unclutter_eval` crate reads it.

The script installs nothing. Create a throwaway virtual environment with the exact PyPI packages
and run it from there (upgrade pip first: pip 23.2's resolver trips over lxml's extras):

    python3 -m venv /tmp/venv-extract
    /tmp/venv-extract/bin/pip install --upgrade pip
    /tmp/venv-extract/bin/pip install trafilatura readability-lxml 'newspaper4k[ja,zh]' \\
        resiliparse boilerpy3 justext lxml_html_clean
    /tmp/venv-extract/bin/python scripts/extractors.py aeb wcxb_dev readability trafilatura_eval

The baseline of the first run used trafilatura 2.3.1, readability-lxml 0.9, newspaper4k 0.9.6,
resiliparse 2.0.1, boilerpy3 1.0.7, jusText 3.0.2 and lxml 6.1.3 (pin them with `==` to compare
with it). Then `python3 scripts/post_extraction.py` scores each cached output alone and after unclutter.
Exit status: 0 when every selected tool ran (page failures are reported, not fatal), 2 on a
usage error, a missing devset folder or a tool that cannot be imported.
"""
import argparse
import gzip
import json
import logging
import os
import re
import signal
import sys
import time
import warnings
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ("trafilatura", "readability-lxml", "newspaper4k", "resiliparse", "boilerpy3", "justext")
MODULES = {
    "trafilatura": "trafilatura",
    "readability-lxml": "readability",
    "newspaper4k": "newspaper",
    "resiliparse": "resiliparse.extract.html2text",
    "boilerpy3": "boilerpy3",
    "justext": "justext",
}
DEFAULT_FOLDERS = ("aeb", "wcxb_dev")


def cache_root():
    base = os.environ.get("UNCLUTTER_CACHE") or Path.home() / ".cache" / "unclutter"
    return Path(base) / "extractors"


# --- the extractors: each takes (html, page entry) and returns text ---------------------------


def run_trafilatura(html, entry):
    import trafilatura

    return trafilatura.extract(html) or ""


# Elements that start a new line in the text of readability's summary.
BLOCKS = (
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "tr", "ul",
)  # fmt: skip
SPACE = re.compile(r"\s+")


def run_readability(html, entry):
    import lxml.html
    from readability import Document

    summary = Document(html).summary()
    if not summary.strip():
        return ""
    root = lxml.html.fromstring(summary)
    # Source line breaks inside a paragraph are not lines: collapse white space, then give each
    # block element a line of its own.
    for el in root.iter():
        if el.text:
            el.text = SPACE.sub(" ", el.text)
        if el.tail:
            el.tail = SPACE.sub(" ", el.tail)
    for el in root.iter(*BLOCKS):
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
        el.tail = "\n" + (el.tail or "")
    lines = (line.strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def run_newspaper(html, entry):
    from newspaper import Article, Config

    config = Config()
    config.fetch_images = False
    article = Article(entry.get("url") or "https://example.invalid/", config=config)
    article.download(input_html=html)
    article.parse()
    return article.text or ""


def run_resiliparse(html, entry):
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(html, main_content=True) or ""


def run_boilerpy3(html, entry):
    from boilerpy3 import extractors

    return extractors.ArticleExtractor().get_content(html) or ""


# ISO 639-1 codes of the devset's languages to justext's stoplist names; a code absent here and
# from justext's lists (ja, zh) runs in justext's language-independent mode.
JUSTEXT_LANGS = {
    "ar": "Arabic", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "es": "Spanish", "fi": "Finnish", "fr": "French", "hu": "Hungarian", "id": "Indonesian",
    "it": "Italian", "ko": "Korean", "la": "Latin", "nl": "Dutch", "no": "Norwegian_Bokmal",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sv": "Swedish",
    "tr": "Turkish", "uk": "Ukrainian",
}  # fmt: skip


def run_justext(html, entry):
    import justext

    code = (entry.get("lang") or "en").lower().split("-")[0]
    name = JUSTEXT_LANGS.get(code)
    if name is None and code in ("ja", "zh"):
        paragraphs = justext.justext(html, frozenset(), stopwords_low=0, stopwords_high=0)
    else:
        paragraphs = justext.justext(html, justext.get_stoplist(name or "English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


EXTRACTORS = {
    "trafilatura": run_trafilatura,
    "readability-lxml": run_readability,
    "newspaper4k": run_newspaper,
    "resiliparse": run_resiliparse,
    "boilerpy3": run_boilerpy3,
    "justext": run_justext,
}


# --- one page, in a worker process -----------------------------------------------------------


class Timeout(BaseException):  # not Exception: the tools must not swallow it
    pass


def on_alarm(signum, frame):
    raise Timeout()


def init_worker(tools):
    # The tools log odd pages, and boilerpy3 each failure's traceback, on their own loggers; the
    # failures are counted and listed here instead.
    logging.disable(logging.CRITICAL)
    warnings.filterwarnings("ignore")
    signal.signal(signal.SIGALRM, on_alarm)
    # Import up front, so that the seconds of the first page are not the import's.
    for tool in tools:
        __import__(MODULES[tool])


def describe(error):
    """One line for a failure: the exception and, when it says nothing itself, its cause."""
    words = f"{type(error).__name__}: {error}".strip()
    if not str(error).strip() and error.__cause__ is not None:
        words += f" (from {type(error.__cause__).__name__}: {error.__cause__})"
    return " ".join(words.split())[:300]


def read_html(devset, id_):
    plain = devset / f"{id_}.html"
    if plain.exists():
        return plain.read_bytes().decode("utf-8")
    return gzip.decompress((devset / f"{id_}.html.gz").read_bytes()).decode("utf-8", errors="replace")


def write_whole(path, text):
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def extract_page(task):
    """Runs one tool on one page and writes its output.

    Returns (id, status, error, seconds, cpu seconds) where the seconds are the extraction call's
    own, wall-clock and this process's CPU time (the latter unaffected by other load).
    """
    tool, devset, out, entry, timeout = task
    id_ = entry["id"]
    error, text, seconds, cpu = None, "", 0.0, 0.0
    try:
        html = read_html(devset, id_)
        start, start_cpu = time.perf_counter(), time.process_time()
        signal.alarm(timeout)
        try:
            text = EXTRACTORS[tool](html, entry)
        finally:
            signal.alarm(0)
            seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        if not isinstance(text, str):
            raise TypeError(f"returned {type(text).__name__}, not text")
    except Timeout:
        error, text = f"timed out after {timeout} s", ""
    except Exception as e:  # noqa: BLE001: every failure is counted and reported
        error, text = describe(e), ""
    write_whole(out / f"{id_}.txt", text)
    status = "failed" if error else ("empty" if not text.strip() else "ok")
    return id_, status, error, seconds, cpu


# --- the run ---------------------------------------------------------------------------------


def read_failures(path):
    if not path.exists():
        return {}
    rows = (line.split("\t", 1) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {row[0]: row[1] if len(row) > 1 else "" for row in rows}


def write_failures(path, failures):
    if failures:
        write_whole(path, "".join(f"{id_}\t{error}\n" for id_, error in sorted(failures.items())))
    elif path.exists():
        path.unlink()


def run_folder(pool, tool, devset, out, force, timeout):
    entries = [json.loads(line) for line in open(devset / "index.jsonl", encoding="utf-8") if line.strip()]
    out.mkdir(parents=True, exist_ok=True)
    todo = [e for e in entries if force or not (out / f"{e['id']}.txt").exists()]
    failures_path = out.parent / f"{out.name}.failures.tsv"
    failures = read_failures(failures_path)
    counts = {"ok": 0, "empty": 0, "failed": 0}
    new_failures, extraction, cpu = [], 0.0, 0.0
    start = time.perf_counter()
    tasks = [(tool, devset, out, entry, timeout) for entry in todo]
    for id_, status, error, seconds, page_cpu in pool.imap_unordered(extract_page, tasks, chunksize=2):
        counts[status] += 1
        extraction += seconds
        cpu += page_cpu
        failures.pop(id_, None)
        if error:
            failures[id_] = error
            new_failures.append((id_, error))
    wall = time.perf_counter() - start
    # Pages gone from the index drop out of the failure list.
    ids = {e["id"] for e in entries}
    failures = {id_: error for id_, error in failures.items() if id_ in ids}
    write_failures(failures_path, failures)
    return {
        "pages": len(entries),
        "ran": len(todo),
        "cached": len(entries) - len(todo),
        "empty": counts["empty"],
        "failed": counts["failed"],
        "failed_in_cache": len(failures),
        "wall": wall,
        "extraction": extraction,
        "cpu": cpu,
        "new_failures": sorted(new_failures),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", default=list(DEFAULT_FOLDERS), metavar="FOLDER")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated, from: " + ", ".join(TOOLS))
    parser.add_argument("--force", action="store_true", help="extract again pages already cached")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    parser.add_argument("--timeout", type=int, default=120, help="seconds per page before it fails")
    args = parser.parse_args()

    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        parser.error(f"unknown tool {', '.join(unknown)} (known: {', '.join(TOOLS)})")
    for folder in args.folders:
        if not (args.devset / folder / "index.jsonl").exists():
            parser.error(f"{args.devset / folder}: no index.jsonl (expected a devset folder)")
    missing = []
    warnings.filterwarnings("ignore", message="nltk is not installed")  # newspaper4k: NLP only
    for tool in tools:
        try:
            __import__(MODULES[tool])
        except Exception as e:  # noqa: BLE001
            missing.append(f"{tool} ({type(e).__name__}: {e})")
    if missing:
        print(f"extractors: cannot import {'; '.join(missing)}; see the docstring for the venv", file=sys.stderr)
        return 2

    cache = cache_root()
    print(f"cache: {cache}")
    with Pool(args.jobs, initializer=init_worker, initargs=(tools,)) as pool:
        for tool in tools:
            total = {"pages": 0, "ran": 0, "failed": 0, "failed_in_cache": 0, "wall": 0.0, "extraction": 0.0, "cpu": 0.0}
            for folder in args.folders:
                r = run_folder(pool, tool, args.devset / folder, cache / tool / folder, args.force, args.timeout)
                for key in total:
                    total[key] += r[key]
                rate = f", {r['ran'] / r['cpu']:.1f} pages per CPU second" if r["cpu"] else ""
                print(
                    f"{tool} {folder}: pages={r['pages']} ran={r['ran']} cached={r['cached']} empty={r['empty']}"
                    f" failures={r['failed']} (in cache: {r['failed_in_cache']}) seconds={r['wall']:.1f} wall,"
                    f" {r['extraction']:.1f} in extraction calls ({r['cpu']:.1f} CPU){rate}"
                )
                for id_, error in r["new_failures"][:10]:
                    print(f"    failed {id_}: {error}")
                if len(r["new_failures"]) > 10:
                    print(f"    ... and {len(r['new_failures']) - 10} more in {cache / tool / folder}.failures.tsv")
            print(
                f"{tool}: pages={total['pages']} ran={total['ran']} failures={total['failed']}"
                f" (in cache: {total['failed_in_cache']}) seconds={total['wall']:.1f} wall,"
                f" {total['extraction']:.1f} in extraction calls ({total['cpu']:.1f} CPU)",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
