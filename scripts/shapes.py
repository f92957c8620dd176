#!/usr/bin/env python3
"""Times the hostile input shapes of the robustness work through the release CLI, beside prose
of the same size and mode, with each run's peak memory (GNU time's maximum resident set).

    cargo build --release -p unclutter-cli
    python3 scripts/shapes.py [--text-mb 8] [--html-mb 2] [--bin target/release/unclutter]

A shape passes when it takes at most 5x the time of prose of its size and mode and peaks under
20x its size plus 64 MiB. Exits 1 when one does not.
"""

import argparse
import os
import subprocess
import sys
import tempfile

PROSE = "The council voted seven to two on Tuesday to fund the new bridge across the river, after years of delay."
FIRST = ["Anna", "Ben", "Carla", "Dev", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jon"]
LAST = ["Albers", "Brandt", "Costa", "Dumont", "Eriksen", "Fischer", "Garcia", "Horvat", "Ivanova", "Jansen"]


def name(i):
    return f"{FIRST[i % 10]} {LAST[(i // 10) % 10]}{i // 100}"


# Each shape: unit(i) -> str; a document repeats units until it reaches the size.
TEXT = {
    "prose": lambda i: f"{PROSE}\n\n",
    "related-blanks": lambda i: f"{PROSE}\nRelated Stories\n{chr(10) * 2000}Why the bridge closed\n",
    "teaser-list": lambda i: f"{PROSE}\nYou Might Like\n"
    + "".join(f"Story {i}-{k}: what the vote means for you\n" for k in range(40)),
    "bylines": lambda i: f"By {name(i)}\n{PROSE}\nShort line {i}\n",
    "byline-short": lambda i: f"By {name(i)}\n{PROSE}\n",
    "slugs": lambda i: f"{name(i).lower().replace(' ', '-')}\n{PROSE}\n",
    "contains-line": lambda i: "click here to subscribe" * 3 + " ",
    "latin-extended": lambda i: "ąćęłńóśźżĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚě ",
    "blank-lines": lambda i: "\n",
    "space-lines": lambda i: " \n",
}

HTML = {
    "prose": lambda i: f"<p>{PROSE}</p>\n",
    "open-b": lambda i: "<p><b>word</p>",
    "open-b-classes": lambda i: f'<p><b class="c{i}">word</p>',
    "misnested-b-div": lambda i: "<b><div>x</b>",
    "custom-tags": lambda i: f"<x-tag{i}>w</x-tag{i}>",
    "open-head": lambda i: "<head>",
    "open-svg": lambda i: "<svg>",
    "open-math": lambda i: "<math>",
    "br-lines": lambda i: "w<br>",
    "li-lines": lambda i: "<li>w</li>",
    "open-tr-td": lambda i: "<tr><td>a<td>b",
    "open-dt-dd": lambda i: "<dt>a<dd>b",
    "open-li-p": lambda i: "<li><p>a",
}

# Shapes whose units sit inside a wrapper: (before, after).
HTML_WRAP = {
    "br-lines": (f'<div class="{"x" * 16000}">', "</div>"),
    "li-lines": ("<ul>", "</ul>"),
    "open-tr-td": ("<table>", "</table>"),
    "open-dt-dd": ("<dl>", "</dl>"),
    "open-li-p": ("<ul>", "</ul>"),
}


def document(unit, size, wrap=("", "")):
    parts, length, i = [wrap[0]], len(wrap[0]), 0
    while length < size:
        part = unit(i)
        parts.append(part)
        length += len(part.encode())
        i += 1
    parts.append(wrap[1])
    return "".join(parts)


def run(binary, path, html):
    args = ["/usr/bin/time", "-f", "%e %M", binary, "--max-bytes", "1G", "--input", "html" if html else "text", path]
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    last = done.stderr.strip().splitlines()[-1]
    seconds, kib = last.split()
    return float(seconds), int(kib) / 1024, done.returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text-mb", type=float, default=8)
    parser.add_argument("--html-mb", type=float, default=2)
    parser.add_argument("--bin", default="target/release/unclutter")
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for mode, shapes, mb in (("text", TEXT, args.text_mb), ("html", HTML, args.html_mb)):
            size = int(mb * (1 << 20))
            limit_mib = 20 * mb + 64
            print(f"{mode} at {mb:g} MiB: time limit 5x prose, memory limit {limit_mib:g} MiB")
            prose_seconds = None
            for shape, unit in shapes.items():
                path = os.path.join(tmp, f"{shape}.{mode}")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(document(unit, size, HTML_WRAP.get(shape, ("", "")) if mode == "html" else ("", "")))
                seconds, mib, code = run(args.bin, path, mode == "html")
                if prose_seconds is None:
                    prose_seconds = max(seconds, 0.01)
                ratio = seconds / prose_seconds
                ok = code == 0 and ratio <= 5 and mib <= limit_mib
                failed |= not ok
                print(f"  {shape:<16} {seconds:6.2f} s {ratio:5.1f}x prose {mib:7.1f} MiB  {'ok' if ok else 'FAIL'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
