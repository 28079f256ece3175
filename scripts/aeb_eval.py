#!/usr/bin/env python3
"""Article extraction on the article-extraction-benchmark pages: quality and speed.

Runs `sitrep clean` (one thread) on the benchmark's `html/<id>.html.gz` pages and
scores its text against `ground-truth.json` with the benchmark's own metric: per
page, true/false positive and false negative counts over 4-gram shingles of `\\w+`
tokens (case kept), normalised to sum 1 so every page weighs the same; precision
and recall from the summed counts; F1 of the two. The literal "mean of per-page
P and R" is printed too. If trafilatura is importable, it is run on the same
pages, in this process, for comparison; its speed is CPU seconds of the
`extract` calls alone (no decompression), sitrep's is the CPU time of the whole
child process (start-up, decompression and JSON output included).

The data is read where it lies; nothing is copied.

Usage: scripts/aeb_eval.py DIR [--bin PATH] [--repeat N] [--no-trafilatura]
                           [--worst K]
  DIR        the benchmark folder (holding html/ and ground-truth.json)
  --bin      the sitrep binary (default: $CARGO_TARGET_DIR/release/sitrep)
  --repeat   pass the pages N times over, for a measurable timing (default 1)
  --worst    list the K pages with the lowest F1 (default 0)
"""

import argparse
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    grams = (" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def page_counts(true, pred):
    """Normalised (tp, fp, fn) of one page, as the benchmark computes them."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def ratio(a, b):
    return a / b if b else 0.0


def f1(p, r):
    return ratio(2 * p * r, p + r)


def score(truth, predicted):
    rows = {k: page_counts(v.get("articleBody", ""), predicted.get(k, "")) for k, v in truth.items()}
    tp = sum(r[0] for r in rows.values())
    fp = sum(r[1] for r in rows.values())
    fn = sum(r[2] for r in rows.values())
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    mean_p = sum(ratio(a, a + b) for a, b, _ in rows.values()) / len(rows)
    mean_r = sum(ratio(a, a + c) for a, _, c in rows.values()) / len(rows)
    per_page = {k: f1(ratio(a, a + b), ratio(a, a + c)) for k, (a, b, c) in rows.items()}
    return {"P": p, "R": r, "F1": f1(p, r), "meanP": mean_p, "meanR": mean_r,
            "F1(means)": f1(mean_p, mean_r)}, per_page


def cpu_children():
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def run_sitrep(binary, html_dir, repeat):
    cmd = [binary, "clean", "--threads", "1", "-q", "--format", "jsonl"] + [str(html_dir)] * repeat
    before, wall = cpu_children(), time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    cpu, wall = cpu_children() - before, time.perf_counter() - wall
    if out.returncode not in (0, 2):
        sys.exit(f"aeb_eval: {binary} failed ({out.returncode}): {out.stderr.strip()}")
    texts, records = {}, 0
    for line in out.stdout.splitlines():
        rec = json.loads(line)
        texts[rec["id"]] = rec["text"]
        records += 1
    return texts, records, cpu, wall


def run_trafilatura(pages, repeat):
    import trafilatura

    texts, cpu = {}, 0.0
    for _ in range(repeat):
        for k, html in pages.items():
            t0 = time.process_time()
            texts[k] = trafilatura.extract(html, include_comments=False) or ""
            cpu += time.process_time() - t0
    return texts, cpu


def load_pages(html_dir):
    pages = {}
    for path in sorted(html_dir.glob("*.html.gz")):
        with gzip.open(path, "rb") as f:
            pages[path.name[: -len(".html.gz")]] = f.read()
    return pages


def show(name, metrics, pages, cpu, wall=None):
    m = " ".join(f"{k}={v:.4f}" for k, v in metrics.items())
    speed = f"{pages / cpu:.1f} pages/CPU-s" if cpu else "-"
    w = f", wall {wall:.2f} s" if wall is not None else ""
    print(f"{name:12} {m}  | {pages} pages, CPU {cpu:.2f} s{w}, {speed}")


def worst(name, per_page, k):
    for key, v in sorted(per_page.items(), key=lambda kv: kv[1])[:k]:
        print(f"  {name} worst: {v:.3f} {key}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    default_bin = Path(os.environ.get("CARGO_TARGET_DIR", "target")) / "release" / "sitrep"
    ap.add_argument("--bin", default=str(default_bin))
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--no-trafilatura", action="store_true")
    a = ap.parse_args()
    truth_path, html_dir = a.dir / "ground-truth.json", a.dir / "html"
    if not truth_path.is_file() or not html_dir.is_dir():
        sys.exit(f"aeb_eval: {a.dir} holds no ground-truth.json and html/ (skipping)")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    pages = load_pages(html_dir)
    truth = {k: v for k, v in truth.items() if k in pages}
    n = len(pages) * a.repeat

    texts, records, cpu, wall = run_sitrep(a.bin, html_dir, a.repeat)
    if records != n:
        print(f"sitrep cleaned {records} of {n} pages (the rest were skipped)")
    metrics, per_page = score(truth, texts)
    show("sitrep", metrics, n, cpu, wall)
    worst("sitrep", per_page, a.worst)
    if a.no_trafilatura:
        return
    try:
        t_texts, t_cpu = run_trafilatura(pages, a.repeat)
    except ImportError:
        print("trafilatura is not installed: no comparison")
        return
    t_metrics, t_per_page = score(truth, t_texts)
    show("trafilatura", t_metrics, n, t_cpu)
    worst("trafilatura", t_per_page, a.worst)
    print(f"speed ratio sitrep/trafilatura: {(n / cpu) / (n / t_cpu):.1f}x")


if __name__ == "__main__":
    main()
