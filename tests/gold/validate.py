#!/usr/bin/env python3
"""Check a gold file against its fixture articles.

Usage: python3 tests/gold/validate.py tests/gold/<set>.yaml [...]

For every annotation: `context` (or `text`, when no context is given) must occur exactly once
in the article body, and `text` must occur inside the context. Prints counts per kind.
"""
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures", "dev")
UNITS_WITH_NOUN = {"count"}
QUALIFIERS = {"exact", "approximate", "lower_bound", "upper_bound", "range"}


def body_of(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    head, sep, body = text.partition("\n\n")
    if not sep:
        raise SystemExit(f"{path}: no blank line after the header")
    return body


def locate(body, entry, where, problems):
    text = entry.get("text")
    if not isinstance(text, str) or not text:
        problems.append(f"{where}: missing text")
        return
    context = entry.get("context")
    if context is None:
        n = body.count(text)
        if n != 1:
            problems.append(f"{where}: text {text!r} occurs {n} times; add a unique context")
        return
    n = body.count(context)
    if n != 1:
        problems.append(f"{where}: context {context!r} occurs {n} times (must be exactly once)")
    if text not in context:
        problems.append(f"{where}: text {text!r} is not inside context {context!r}")


def check_file(gold_path):
    with open(gold_path, encoding="utf-8") as f:
        gold = yaml.safe_load(f)
    problems = []
    counts = {"quotes": 0, "figures": 0, "places": 0, "place mentions": 0}
    set_name = gold.get("set")
    for art in gold.get("articles", []):
        path = os.path.join(FIXTURES, set_name, art["file"])
        if not os.path.exists(path):
            problems.append(f"{art['file']}: no such fixture")
            continue
        body = body_of(path)
        for i, q in enumerate(art.get("quotes") or []):
            where = f"{art['file']} quotes[{i}]"
            locate(body, q, where, problems)
            if q.get("speaker") is not None and q.get("kind") not in ("person", "organization"):
                problems.append(f"{where}: kind must be person or organization")
            counts["quotes"] += 1
        for i, fig in enumerate(art.get("figures") or []):
            where = f"{art['file']} figures[{i}]"
            locate(body, fig, where, problems)
            if fig.get("qualifier") not in QUALIFIERS:
                problems.append(f"{where}: qualifier {fig.get('qualifier')!r} not one of {sorted(QUALIFIERS)}")
            if not isinstance(fig.get("value"), (int, float)):
                problems.append(f"{where}: value must be a number")
            if fig.get("unit") in UNITS_WITH_NOUN and not fig.get("noun"):
                problems.append(f"{where}: a count needs a noun")
            counts["figures"] += 1
        for i, p in enumerate(art.get("places") or []):
            where = f"{art['file']} places[{i}]"
            text = p.get("text")
            n = body.count(text) if text else 0
            if not text or n == 0:
                problems.append(f"{where}: text {text!r} not in body")
            elif p.get("count", 0) > n:
                problems.append(f"{where}: count {p.get('count')} > {n} occurrences of {text!r}")
            counts["places"] += 1
            counts["place mentions"] += p.get("count", 0)
    for i, d in enumerate(gold.get("disputes") or []):
        for fig in d.get("figures", []):
            path = os.path.join(FIXTURES, set_name, fig["file"])
            if os.path.exists(path) and body_of(path).count(fig["context"]) != 1:
                problems.append(f"disputes[{i}]: context {fig['context']!r} not unique in {fig['file']}")
    return counts, problems


def main():
    bad = False
    for path in sys.argv[1:]:
        counts, problems = check_file(path)
        print(f"{path}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        for p in problems:
            print(f"  PROBLEM {p}")
        bad = bad or bool(problems)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
