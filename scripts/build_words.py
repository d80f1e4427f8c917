#!/usr/bin/env python3
"""Regenerate data/common_words.txt and data/given_names.tsv.

common_words.txt: English words that news text writes in lower case at least as often as
capitalised mid-sentence. Extraction uses it to tell a sentence-initial capital ("Earlier",
"Officials") from a name ("Kupiansk"), and a title-case heading from a name. Counted over the
bulk news corpus (../shared/corpus/news.jsonl.gz, or the path given as the first argument);
only word statistics are kept, no text.

surnames.txt: the 10,000 most common US Census 1990 surnames (public domain, same package),
used to tell a person from a small town that shares their name.

given_names.tsv: US Census 1990 first names (public domain; from the MIT-licensed PyPI package
`names`), with the share of male and female bearers, for resolving "he"/"she".

Usage: python3 scripts/build_words.py [news.jsonl.gz] [names-package-dir]
"""
import collections
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
WORD = re.compile(r"[A-Za-z][a-z]+(?:'[a-z]+)?")
SENTENCE_START = re.compile(r'(^|[.!?:]["”’\']?\s+|["“]\s*)$')


def common_words(corpus):
    lower = collections.Counter()
    capital = collections.Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            body = json.loads(line)["body"]
            for para in body.split("\n"):
                for m in WORD.finditer(para):
                    w = m.group(0)
                    if w[0].islower():
                        lower[w] += 1
                    elif not SENTENCE_START.search(para[max(0, m.start() - 3):m.start()]) and m.start() > 0:
                        capital[w.lower()] += 1
    words = sorted(
        w for w, n in lower.items()
        if n >= 10 and 2 * n >= capital.get(w, 0) and len(w) >= 2
    )
    return words


def given_names(names_dir):
    share = {}
    for sex in ("male", "female"):
        with open(os.path.join(names_dir, f"dist.{sex}.first")) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2:
                    name = parts[0].capitalize()
                    share.setdefault(name, {"male": 0.0, "female": 0.0})[sex] += float(parts[1])
    rows = []
    for name in sorted(share):
        m, f = share[name]["male"], share[name]["female"]
        gender = "m" if m > 4 * f else "f" if f > 4 * m else "u"
        rows.append(f"{name}\t{gender}")
    return rows


def names_package_dir():
    tmp = tempfile.mkdtemp()
    subprocess.check_call([sys.executable, "-m", "pip", "download", "names==0.3.0", "--no-deps", "-d", tmp],
                          stdout=subprocess.DEVNULL)
    subprocess.check_call(["tar", "xzf", os.path.join(tmp, "names-0.3.0.tar.gz"), "-C", tmp])
    return os.path.join(tmp, "names-0.3.0", "names")


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "corpus", "news.jsonl.gz")
    names_dir = sys.argv[2] if len(sys.argv) > 2 else names_package_dir()
    words = common_words(corpus)
    with open(os.path.join(DATA, "common_words.txt"), "w") as f:
        f.write("\n".join(words) + "\n")
    rows = given_names(names_dir)
    with open(os.path.join(DATA, "given_names.tsv"), "w") as f:
        f.write("\n".join(rows) + "\n")
    with open(os.path.join(names_dir, "dist.all.last")) as f:
        surnames = [line.split()[0].capitalize() for line in f if line.strip()][:10000]
    with open(os.path.join(DATA, "surnames.txt"), "w") as f:
        f.write("\n".join(surnames) + "\n")
    print(f"{len(words)} common words, {len(rows)} given names")


if __name__ == "__main__":
    main()
