#!/usr/bin/env python3
"""Times unclutter beside its peers on the devset, in one process, single thread, alternating rounds.

usage: python3 scripts/bench_compare.py [--devset DIR] [--mode text|html|both] [--rounds N]
                                        [--limit N] [--json FILE] [--no-build]

Every document is read into memory first (decoded as UTF-8, invalid bytes as U+FFFD); then, for
each round, every system makes one pass over all the documents, timed with time.perf_counter(),
in an order that is reversed every other round. Per system the table gives the median round
(with an even count of rounds, the faster of the two middle ones): its MB/s (the documents'
UTF-8 bytes over its seconds), docs/s, and its MB/s over unclutter's. A system that raises on a
document has it counted as a failure and goes on; the failures are listed under the table.
Before the timed rounds each system runs once on a small built-in sample (that loads lazy models
and tokenizers); one that raises there is listed as unavailable, with the error, and not timed.
No page text is printed.

Modes (`--mode`, default both, the text table first):

- text: the dumps (`<id>.dump.txt`) of the devset folders aeb, readability, trafilatura_eval and
  wcxb_dev. Systems: unclutter (`unclutter.Cleaner().clean(text)`), unclutter --scorer none
  (`unclutter.Cleaner(scorer="none").clean(text)`), and datatrove's C4 line filter
  (`C4QualityFilter(...).filter(Document(text=text, id=...))`, a fresh Document each call since
  the filter rewrites its text) twice: without its sentence splitter (`split_paragraph=True`,
  lines as C4 has them, and `min_num_sentences=-1`, so that no sentence is ever split) and with
  it (the defaults: lines, and every kept line split into sentences to count them, a page with
  fewer than 5 dropped). The keyword names are read from the installed version's signature
  (`inspect.signature`) and the settings used are printed, with the splitter: datatrove's word
  tokenizer for the filter's language (for "eng" in datatrove 0.10, spaCy's blank English
  pipeline with its rule-based sentencizer, which needs no model download; versions that use
  nltk's punkt need its data installed). Where the splitter cannot load, that row is
  unavailable.
- html: the pages of aeb (`<id>.html`) and wcxb_dev (`<id>.html.gz`, gzip). Systems: unclutter
  (`Cleaner().clean_html(html)`), resiliparse
  (`resiliparse.extract.html2text.extract_plain_text(html, main_content=True)`), trafilatura
  (`trafilatura.extract(html)`), readability-lxml (`readability.Document(html).summary()`) and,
  as the bare-parse baseline, lxml parse only (`lxml.html.fromstring(html)`).

Each folder's documents are those of its `index.jsonl`, in its order; an id whose file is
missing is skipped and counted.

Set-up: the peers run in a throwaway virtual environment,
`${UNCLUTTER_CACHE:-$HOME/.cache/unclutter}/venv-bench`. The script creates it when missing
(`python3 -m venv`, then pip upgraded) and runs `pip install` of datatrove, spacy (datatrove's
English sentence splitter), resiliparse, trafilatura, readability-lxml, lxml and maturin from
PyPI (a no-op once they are there). Then it builds unclutter's wheel with the venv's maturin
(`maturin build --release -m crates/unclutter-py/Cargo.toml -o target/wheels -i VENV_PYTHON`),
installs it with `pip install --force-reinstall --no-deps`, and re-invokes itself with the
venv's python as the worker (`--worker`, refused outside the venv), which measures and prints.
The worker records the version of every package. It runs with OMP_NUM_THREADS,
OPENBLAS_NUM_THREADS, MKL_NUM_THREADS and RAYON_NUM_THREADS set to 1; every call is made on the
main thread.

Options:

  --devset DIR     the devset folder (default: ../shared/devset beside the repository)
  --mode MODE      text, html or both (default: both)
  --rounds N       timed passes per system; the median is reported (default: 5)
  --limit N        only the first N documents of each folder (for quick checks)
  --json FILE      also write the results as JSON: machine (cores, processor, CPU model),
                   Python version, package versions, and per mode its documents, bytes and per
                   system its settings, round times, failures and the rates of the median round
  --no-build       skip the maturin build and use the unclutter package installed in the venv

Exit status: 0 when the tables were printed (a peer that cannot load is listed as unavailable),
1 when the set-up failed (venv, pip, maturin, or the worker found no unclutter), 2 on a usage
error or a missing devset folder.
"""
import argparse
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT_FOLDERS = ("aeb", "readability", "trafilatura_eval", "wcxb_dev")
HTML_FOLDERS = ("aeb", "wcxb_dev")
PEERS = ("datatrove", "spacy", "resiliparse", "trafilatura", "readability-lxml", "lxml", "maturin")
VERSIONED = ("unclutter",) + PEERS
DEFAULT_ROUNDS = 5

SAMPLE_TEXT = (
    "Home | News | Sport | Contact\n"
    "The council approved the new budget on Tuesday after a long debate. Members argued about\n"
    "the cost of the bridge. It will be finished next year. The mayor said she was pleased.\n"
    "Critics said the plan was rushed. Work starts in May. Residents will be consulted first.\n"
    "Share this article\n"
    "Copyright 2024 Example News. All rights reserved.\n"
)
SAMPLE_HTML = (
    "<!DOCTYPE html><html><head><title>Budget approved</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    "<article><h1>Budget approved</h1>"
    + "".join(f"<p>{line}</p>" for line in SAMPLE_TEXT.splitlines()[1:4])
    + "</article><footer>Copyright 2024 Example News.</footer></body></html>"
)


# --- set-up, outside the venv --------------------------------------------------------------------


def cache_root():
    return Path(os.environ.get("UNCLUTTER_CACHE") or Path.home() / ".cache" / "unclutter")


def venv_dir():
    return cache_root() / "venv-bench"


def venv_python():
    return venv_dir() / "bin" / "python"


def in_venv():
    return Path(sys.prefix).resolve() == venv_dir().resolve()


def make_venv():
    if not venv_python().exists():
        print(f"creating {venv_dir()}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv_dir())], check=True)
        # An old pip's resolver trips over lxml's extras: upgrade it first.
        subprocess.run(pip_install() + ["--upgrade", "pip"], check=True)
    print(f"installing the peers from PyPI into {venv_dir()} (kept when present)", file=sys.stderr)
    subprocess.run(pip_install() + list(PEERS), check=True)


def pip_install():
    return [str(venv_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]


def build_unclutter():
    """Builds the wheel for the venv's python and installs it; returns False when it could not."""
    maturin = venv_dir() / "bin" / "maturin"
    print("building unclutter's wheel (maturin, release)", file=sys.stderr)
    started = time.time()
    subprocess.run([str(maturin), "build", "--quiet", "--release", "-m", "crates/unclutter-py/Cargo.toml",
                    "-o", "target/wheels", "-i", str(venv_python())], cwd=ROOT, check=True)  # fmt: skip
    wheels = [w for w in (ROOT / "target" / "wheels").glob("unclutter-*.whl") if w.stat().st_mtime >= started - 1]
    if not wheels:
        print("bench_compare: maturin wrote no unclutter wheel to target/wheels", file=sys.stderr)
        return False
    wheel = max(wheels, key=lambda w: w.stat().st_mtime)
    subprocess.run(pip_install() + ["--force-reinstall", "--no-deps", str(wheel)], check=True)
    return True


def set_up(build):
    """Makes the venv and installs unclutter there; returns False when it could not."""
    try:
        make_venv()
        if build:
            return build_unclutter()
        found = subprocess.run([str(venv_python()), "-c", "import unclutter"], capture_output=True)
        if found.returncode != 0:
            print(f"bench_compare: --no-build, but {venv_dir()} has no unclutter package", file=sys.stderr)
            return False
    except (OSError, subprocess.CalledProcessError) as err:
        print(f"bench_compare: set-up failed: {err}", file=sys.stderr)
        return False
    return True


def run_worker(args):
    """Re-invokes this script with the venv's python; returns its exit status (1 when it crashed)."""
    command = [str(venv_python()), str(Path(__file__).resolve()), "--worker", "--devset",
               str(args.devset.resolve()), "--mode", args.mode, "--rounds", str(args.rounds)]  # fmt: skip
    if args.limit is not None:
        command += ["--limit", str(args.limit)]
    if args.json is not None:
        command += ["--json", str(args.json.resolve())]
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS"):
        env[var] = "1"  # single thread, should any library start a pool
    try:
        status = subprocess.run(command, env=env).returncode
    except OSError as err:
        print(f"bench_compare: could not start the worker: {err}", file=sys.stderr)
        return 1
    return 0 if status == 0 else 1


# --- documents ------------------------------------------------------------------------------------


def read_ids(folder):
    with open(folder / "index.jsonl", encoding="utf-8") as f:
        return [json.loads(line)["id"] for line in f if line.strip()]


def read_document(path):
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def document_path(folder, page_id, mode):
    if mode == "text":
        return folder / f"{page_id}.dump.txt"
    plain = folder / f"{page_id}.html"
    return plain if plain.exists() else folder / f"{page_id}.html.gz"


def load_documents(devset, mode, limit):
    """(documents, {folder: count}, missing count): every document's text, in index order."""
    documents, counts, missing = [], {}, 0
    for name in TEXT_FOLDERS if mode == "text" else HTML_FOLDERS:
        folder = devset / name
        ids = read_ids(folder)[:limit]
        counts[name] = 0
        for page_id in ids:
            path = document_path(folder, page_id, mode)
            if not path.exists():
                missing += 1
                continue
            documents.append(read_document(path))
            counts[name] += 1
    return documents, counts, missing


# --- systems, inside the venv ---------------------------------------------------------------------


def c4_settings(with_sentences):
    """The C4QualityFilter keywords for the line filter with or without punkt, from its signature."""
    import inspect

    from datatrove.pipeline.filters import C4QualityFilter

    params = inspect.signature(C4QualityFilter.__init__).parameters
    settings = {}
    if "split_paragraph" in params:
        settings["split_paragraph"] = True  # lines, as C4 has them (False: punkt sentences)
    else:
        raise RuntimeError(f"C4QualityFilter has no split_paragraph keyword: {list(params)}")
    if not with_sentences:
        if "min_num_sentences" not in params:
            raise RuntimeError(f"C4QualityFilter has no min_num_sentences keyword: {list(params)}")
        settings["min_num_sentences"] = -1  # no sentence count, so punkt never runs
    return settings


def c4_system(with_sentences):
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    settings = c4_settings(with_sentences)
    step = C4QualityFilter(**settings)
    # The filter's effective values of the keywords that matter here, defaults included.
    described = {k: getattr(step, k) for k in ("split_paragraph", "min_num_sentences") if hasattr(step, k)}
    if with_sentences:
        described["sentence_splitter"] = sentence_splitter(step)
    return lambda text: step.filter(Document(text=text, id="bench")), described


def sentence_splitter(step):
    """The class of the word tokenizer that splits the filter's sentences, where it can be told."""
    language = getattr(step, "language", None) or getattr(step, "tokenizer_language", None)
    try:
        from datatrove.utils.word_tokenizers import load_word_tokenizer

        return f"{type(load_word_tokenizer(language)).__name__} ({language})"
    except Exception:  # noqa: BLE001 - older versions: nltk punkt, no registry of tokenizers
        return f"unknown ({language})"


def text_systems():
    """(name, factory) pairs; a factory returns (function of one document, settings)."""

    def unclutter_with(**kwargs):
        import unclutter

        return unclutter.Cleaner(**kwargs).clean, kwargs

    return [
        ("unclutter", lambda: unclutter_with()),
        ("unclutter --scorer none", lambda: unclutter_with(scorer="none")),
        ("datatrove C4, no sentence splitter", lambda: c4_system(False)),
        ("datatrove C4, with sentence splitter", lambda: c4_system(True)),
    ]


def html_systems():
    def unclutter_html():
        import unclutter

        return unclutter.Cleaner().clean_html, {}

    def resiliparse():
        from resiliparse.extract.html2text import extract_plain_text

        return lambda html: extract_plain_text(html, main_content=True), {"main_content": True}

    def trafilatura():
        import trafilatura

        return trafilatura.extract, {}

    def readability():
        from readability import Document

        return lambda html: Document(html).summary(), {}

    def lxml_parse():
        import lxml.html

        return lxml.html.fromstring, {}

    return [
        ("unclutter", unclutter_html),
        ("resiliparse", resiliparse),
        ("trafilatura", trafilatura),
        ("readability-lxml", readability),
        ("lxml parse only", lxml_parse),
    ]


def first_line(err):
    lines = str(err).strip().splitlines()
    return f"{type(err).__name__}: {lines[0] if lines else ''}"


def prepare(systems, sample):
    """[(name, function, settings)] that ran on the sample, and {name: reason} for the others."""
    ready, unavailable = [], {}
    for name, factory in systems:
        try:
            function, settings = factory()
            function(sample)
        except Exception as err:  # noqa: BLE001 - any failure makes the system unavailable
            unavailable[name] = first_line(err)
            continue
        ready.append((name, function, settings))
    return ready, unavailable


# --- timing ---------------------------------------------------------------------------------------


def one_pass(function, documents):
    """(seconds, failures) of one pass over the documents."""
    failures = 0
    start = time.perf_counter()
    for document in documents:
        try:
            function(document)
        except Exception:  # noqa: BLE001 - counted, the pass goes on
            failures += 1
    return time.perf_counter() - start, failures


def time_systems(ready, documents, rounds):
    """{name: [(seconds, failures) per round]}, the order reversed every other round."""
    runs = {name: [] for name, _, _ in ready}
    for round_number in range(rounds):
        order = ready if round_number % 2 == 0 else ready[::-1]
        for name, function, _ in order:
            runs[name].append(one_pass(function, documents))
    return runs


def summarise(ready, runs, documents, total_bytes):
    """Per system: settings, round times, failures and the median round's rates."""
    results = []
    for name, _, settings in ready:
        seconds = [s for s, _ in runs[name]]
        median = statistics.median_low(seconds)  # a round that ran, also for an even count
        results.append({
            "system": name,
            "settings": settings,
            "round_seconds": seconds,
            "failures_per_round": [f for _, f in runs[name]],
            "median_seconds": median,
            "mb_per_s": total_bytes / 1e6 / median if median > 0 else None,
            "docs_per_s": len(documents) / median if median > 0 else None,
        })  # fmt: skip
    base = next((r["mb_per_s"] for r in results if r["system"] == "unclutter"), None)
    for result in results:
        rate = result["mb_per_s"]
        result["vs_unclutter"] = rate / base if base and rate else None
    return results


# --- report ---------------------------------------------------------------------------------------


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_info():
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu_model(),
        "processor": platform.processor(),
        "machine": platform.machine(),
        "python": platform.python_version(),
    }


def package_versions():
    from importlib import metadata

    versions = {}
    for name in VERSIONED:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def number(value, digits):
    return "n/a" if value is None else f"{value:,.{digits}f}"


def print_mode(report, machine):
    folders = ", ".join(f"{name} {count:,}" for name, count in report["folders"].items())
    print(f"{report['mode']} mode: {report['documents']:,} documents ({folders}), "
          f"{report['bytes'] / 1e6:.1f} MB, median of {report['rounds']} round{'s' * (report['rounds'] > 1)}, "
          f"single thread; "
          f"{machine['cpu_count']} cores, {machine['cpu_model']}, Python {machine['python']}")  # fmt: skip
    print()
    print("| system | MB/s | docs/s | vs unclutter |")
    print("|---|---:|---:|---:|")
    for r in report["systems"]:
        ratio = "n/a" if r["vs_unclutter"] is None else f"{r['vs_unclutter']:.2f}x"
        print(f"| {r['system']} | {number(r['mb_per_s'], 1)} | {number(r['docs_per_s'], 0)} | {ratio} |")
    print()
    for r in report["systems"]:
        if r["settings"]:
            settings = ", ".join(f"{k}={v!r}" for k, v in r["settings"].items())
            print(f"{r['system']}: {settings}")
        failures = max(r["failures_per_round"])
        if failures:
            print(f"{r['system']}: raised on {failures:,} of {report['documents']:,} documents")
    for name, reason in report["unavailable"].items():
        print(f"{name}: unavailable ({reason})")
    if report["missing"]:
        print(f"{report['missing']:,} indexed document(s) had no file and were skipped")


def run_mode(mode, devset, rounds, limit):
    documents, folders, missing = load_documents(devset, mode, limit)
    total_bytes = sum(len(d.encode("utf-8")) for d in documents)
    systems, sample = (text_systems(), SAMPLE_TEXT) if mode == "text" else (html_systems(), SAMPLE_HTML)
    ready, unavailable = prepare(systems, sample)
    runs = time_systems(ready, documents, rounds)
    return {
        "mode": mode,
        "documents": len(documents),
        "folders": folders,
        "missing": missing,
        "bytes": total_bytes,
        "rounds": rounds,
        "systems": summarise(ready, runs, documents, total_bytes),
        "unavailable": unavailable,
    }


def worker(args):
    import logging
    import warnings

    logging.disable(logging.CRITICAL)  # trafilatura and readability log per page
    warnings.simplefilter("ignore")
    machine, versions = machine_info(), package_versions()
    if versions["unclutter"] is None:
        print("bench_compare: the venv has no unclutter package", file=sys.stderr)
        return 1
    reports = []
    for mode in ("text", "html") if args.mode == "both" else (args.mode,):
        if reports:
            print()
        reports.append(run_mode(mode, args.devset, args.rounds, args.limit))
        print_mode(reports[-1], machine)
    print()
    print("versions: " + ", ".join(f"{name} {version or 'not installed'}" for name, version in versions.items()))
    if args.json is not None:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"machine": machine, "versions": versions, "modes": reports}, f, indent=2)
            f.write("\n")
    return 0


# --- main -----------------------------------------------------------------------------------------


def positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def parse_args():
    first, _, rest = __doc__.partition("\n")
    parser = argparse.ArgumentParser(
        description=first, epilog=rest, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--devset", type=Path, metavar="DIR", default=ROOT.parent / "shared" / "devset",
                        help="the devset folder (default: ../shared/devset beside the repository)")
    parser.add_argument("--mode", choices=("text", "html", "both"), default="both", metavar="MODE",
                        help="text (the dumps), html (the pages) or both (default)")
    parser.add_argument("--rounds", type=positive, default=DEFAULT_ROUNDS, metavar="N",
                        help=f"timed passes per system, the median reported (default: {DEFAULT_ROUNDS})")
    parser.add_argument("--limit", type=positive, metavar="N", help="only the first N documents of each folder")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--no-build", action="store_true", help="use the unclutter installed in the venv")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker and not in_venv():
        parser.error(f"--worker runs inside {venv_dir()}")
    if args.json is not None and not args.json.resolve().parent.is_dir():
        parser.error(f"--json {args.json}: no such folder {args.json.resolve().parent}")
    return args


def main():
    args = parse_args()
    modes = ("text", "html") if args.mode == "both" else (args.mode,)
    needed = {name for mode in modes for name in (TEXT_FOLDERS if mode == "text" else HTML_FOLDERS)}
    for name in sorted(needed):
        if not (args.devset / name / "index.jsonl").is_file():
            print(f"bench_compare: no {args.devset / name / 'index.jsonl'}", file=sys.stderr)
            return 2
    if args.worker:
        return worker(args)
    if not set_up(build=not args.no_build):
        return 1
    return run_worker(args)


if __name__ == "__main__":
    sys.exit(main())
