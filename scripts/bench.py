#!/usr/bin/env python3
"""Benchmark crossbrief on a newsroom-scale briefing, and compare it with Hugo and Zola.

    python3 scripts/bench.py [--sizes 1000,10000,all] [--corpus PATH] [--work DIR] [--jobs N]
                             [--binary PATH] [--keep] [--skip-build] [--hugo] [--zola]

For each size N it writes the first N records of the news corpus (file order) as plain-text
articles into WORK/N/content/, builds them with `crossbrief build --timings` from scratch, and
measures wall time, CPU time (user + sys) and peak RSS of the build. With --hugo / --zola, or
whenever `hugo` / `zola` is on PATH, it also exports the same articles (with the people and
places crossbrief found) as a plain Hugo / Zola site and times those tools on it.

It prints a table and a linearity report on stdout and appends one JSON line per measured
build to WORK/results.jsonl. Standard library only (Python 3.11+). See benches/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "news.jsonl.gz"
DEFAULT_WORK = Path("/tmp/crossbrief-bench")
DEFAULT_BINARY = REPO / "target" / "release" / "crossbrief"
STAGES = ("load", "extract", "link", "render", "write")
MANIFEST = ".materialised.json"
# Bump when the materialised file format changes, so old folders are rewritten.
FORMAT_VERSION = 1
MIB = 1024 * 1024


def note(msg: str) -> None:
    """Progress goes to stderr, so stdout holds only the report."""
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# The corpus


def one_line(value: str) -> str:
    """A header value on one line: newlines (and carriage returns) become spaces."""
    return re.sub(r"[\r\n]+", " ", value or "").strip()


def safe_id(raw: str, index: int) -> str:
    """The record's ID as a file name (corpus IDs are alphanumeric already)."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "_", raw or "")
    return cleaned or f"record{index:06d}"


def article_text(record: dict) -> str:
    """A record in crossbrief's plain-text header form."""
    lines = [
        f"Title: {one_line(record.get('title', ''))}",
        f"Outlet: {one_line(record.get('source', ''))}",
    ]
    date = one_line(record.get("date", ""))
    if date:
        lines.append(f"Date: {date}")
    lines.append(f"URL: {one_line(record.get('url', ''))}")
    authors = one_line(record.get("authors", ""))
    if authors:
        lines.append(f"Author: {authors}")
    return "\n".join(lines) + "\n\n" + (record.get("body") or "")


def utf8(text: str) -> bytes:
    # Lone surrogates (possible in JSON, absent from this corpus) cannot be written as UTF-8.
    return text.encode("utf-8", errors="replace")


def read_records(corpus: Path, limit: int | None):
    """Yields (index, record) for the first `limit` records (all when None), in file order."""
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as f:
        index = 0
        for line in f:
            if limit is not None and index >= limit:
                return
            if not line.strip():
                continue
            yield index, json.loads(line)
            index += 1


def corpus_ids(corpus: Path, limit: int | None) -> list[str]:
    ids = [safe_id(r.get("ID", ""), i) for i, r in read_records(corpus, limit)]
    if len(set(ids)) != len(ids):
        sys.exit("bench: the corpus has duplicate IDs; cannot name one file per record")
    return ids


def corpus_stamp(corpus: Path) -> dict:
    st = corpus.stat()
    return {
        "format": FORMAT_VERSION,
        "corpus": str(corpus.resolve()),
        "corpus_bytes": st.st_size,
        "corpus_mtime_ns": st.st_mtime_ns,
    }


def reusable(site: Path, ids: list[str], stamp: dict) -> bool:
    """True when site/content holds exactly the files for `ids`, written from this corpus."""
    content = site / "content"
    try:
        manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
        names = {e.name for e in os.scandir(content)}
    except (OSError, ValueError):
        return False
    return manifest == {**stamp, "n": len(ids)} and names == {f"{i}.txt" for i in ids}


def materialise(corpus: Path, sites: dict[int, Path], stamp: dict) -> None:
    """Writes the first N records into sites[N]/content for every N, in one pass."""
    if not sites:
        return
    for site in sites.values():
        (site / MANIFEST).unlink(missing_ok=True)
        shutil.rmtree(site / "content", ignore_errors=True)
        (site / "content").mkdir(parents=True)
    sizes = sorted(sites)
    t0 = time.perf_counter()
    for index, record in read_records(corpus, sizes[-1]):
        name = safe_id(record.get("ID", ""), index) + ".txt"
        data = utf8(article_text(record))
        for n in sizes:
            if index < n:
                (sites[n] / "content" / name).write_bytes(data)
    for n, site in sites.items():
        (site / MANIFEST).write_text(json.dumps({**stamp, "n": n}), encoding="utf-8")
    note(f"materialised sizes {', '.join(map(str, sizes))} in {time.perf_counter() - t0:.1f} s")


# --------------------------------------------------------------------------------------------
# Measuring a build


def run_measured(cmd: list[str], log_dir: Path, name: str, env: dict | None = None) -> dict:
    """Runs `cmd` with stdout/stderr to files; returns wall, CPU (user+sys) and the child's own
    peak RSS from wait4. Keep this process small: Linux counts the parent's resident memory at
    exec time into the child's peak, so the report has a floor of this script's RSS (~15 MB)."""
    out_path = log_dir / f"{name}.stdout"
    err_path = log_dir / f"{name}.stderr"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    rss_bytes = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    return {
        "rc": proc.returncode,
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "max_rss_mb": rss_bytes / MIB,
        "stdout": out_path,
        "stderr": err_path,
    }


def tree_size(folder: Path) -> tuple[int, int, int]:
    """(bytes, files, html files) under folder."""
    total = files = html = 0
    for dirpath, _, filenames in os.walk(folder):
        for fn in filenames:
            try:
                total += os.lstat(os.path.join(dirpath, fn)).st_size
            except OSError:
                continue
            files += 1
            html += fn.endswith(".html")
    return total, files, html


def tail(path: Path, lines: int = 15) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.rstrip().splitlines()[-lines:])


def failed(tool: str, n: int, m: dict) -> None:
    note(f"{tool} failed on n={n} (exit {m['rc']}); last lines of {m['stderr']}:")
    print(tail(m["stderr"]), file=sys.stderr)


TRASH: Path | None = None


def set_aside(path: Path) -> None:
    """Moves a previous output out of the way, to be deleted once every build is timed.

    Deleting hundreds of thousands of files just before a build slows the build's own file
    creation several-fold on this machine's ext4 (the kernel skips inodes freed in the last
    minutes, reading each one's inode block to find out), so outputs are renamed into a trash
    folder instead and removed at the end of the run.
    """
    if not path.exists():
        return
    assert TRASH is not None
    TRASH.mkdir(parents=True, exist_ok=True)
    path.rename(TRASH / f"{path.parent.name}-{path.name}-{time.time_ns()}")


def bench_crossbrief(binary: Path, site: Path, n: int, jobs: int | None) -> dict | None:
    public = site / "public"
    set_aside(public)
    cmd = [str(binary), "build", "--root", str(site), "--output", str(public), "--timings"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    note(f"crossbrief n={n}: {' '.join(cmd)}")
    m = run_measured(cmd, site, "crossbrief")
    if m["rc"] != 0:
        failed("crossbrief", n, m)
        return None
    report = None
    for line in m["stdout"].read_text(encoding="utf-8").splitlines():
        if line.startswith("{"):
            report = json.loads(line)
    if report is None:
        note(f"crossbrief printed no --timings JSON on n={n}; see {m['stdout']}")
        return None
    size, files, _ = tree_size(public)
    return {
        "tool": "crossbrief",
        "n": n,
        "wall_s": m["wall_s"],
        "cpu_s": m["cpu_s"],
        "max_rss_mb": m["max_rss_mb"],
        "pages": report.get("pages"),
        "files": files,
        "bytes": size,
        "stages_ms": report.get("stages_ms", {}),
        "total_ms": report.get("total_ms"),
        "articles": report.get("articles"),
        "warnings": report.get("warnings"),
    }


def bench_other(tool: str, cmd: list[str], out: Path, site: Path, n: int, env: dict) -> dict | None:
    set_aside(out)
    note(f"{tool} n={n}: {' '.join(cmd)}")
    m = run_measured(cmd, site, tool, env)
    if m["rc"] != 0:
        failed(tool, n, m)
        return None
    size, files, html = tree_size(out)
    return {
        "tool": tool,
        "n": n,
        "wall_s": m["wall_s"],
        "cpu_s": m["cpu_s"],
        "max_rss_mb": m["max_rss_mb"],
        "pages": html,
        "files": files,
        "bytes": size,
        "stages_ms": {},
        "total_ms": None,
    }


# --------------------------------------------------------------------------------------------
# Hugo and Zola exports (run in a child process: see run_measured on memory)


def toml_str(value: str) -> str:
    """A TOML basic string. JSON escapes are valid TOML; DEL must be escaped too."""
    value = value.encode("utf-8", errors="replace").decode("utf-8")
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_list(values: list[str]) -> str:
    return "[" + ", ".join(toml_str(v) for v in values) + "]"


def toml_date(value: str | None) -> str | None:
    """A TOML local date when `value` is a real YYYY-MM-DD date, else None."""
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return None
    return value


def markdown_body(body: str) -> str:
    # `{{` / `{%` would start a Hugo shortcode or a Zola (Tera) shortcode: break them up.
    return body.replace("{{", "{ {").replace("{%", "{ %").replace("%}", "% }").replace("}}", "} }")


HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode | default "en" }}">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body>
<nav><a href="{{ "/" | relURL }}">Home</a> · <a href="{{ "/articles/" | relURL }}">Articles</a> · <a href="{{ "/people/" | relURL }}">People</a> · <a href="{{ "/places/" | relURL }}">Places</a></nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p>{{ with .Params.outlet }}{{ . }}{{ end }}{{ if not .Date.IsZero }} · <time>{{ .Date.Format "2006-01-02" }}</time>{{ end }}</p>
{{ with .GetTerms "people" }}<p>People: {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}
{{ with .GetTerms "places" }}<p>Places: {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}
{{ .Content }}
</article>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
""",
    "_default/taxonomy.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
""",
    "_default/term.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
""",
}

ZOLA_TEMPLATES = {
    "base.html": """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{% block title %}{{ config.title }}{% endblock title %}</title></head>
<body>
<nav><a href="{{ get_url(path="/") | safe }}">Home</a> · <a href="{{ get_url(path="@/articles/_index.md") | safe }}">Articles</a> · <a href="{{ get_url(path="people") | safe }}/">People</a> · <a href="{{ get_url(path="places") | safe }}/">Places</a></nav>
<main>{% block main %}{% endblock main %}</main>
</body>
</html>
""",
    "index.html": """{% extends "base.html" %}
{% block main %}
<h1>{{ config.title }}</h1>
<ul>
<li><a href="{{ get_url(path="@/articles/_index.md") | safe }}">Articles</a></li>
<li><a href="{{ get_url(path="people") | safe }}/">People</a></li>
<li><a href="{{ get_url(path="places") | safe }}/">Places</a></li>
</ul>
{% endblock main %}
""",
    "section.html": """{% extends "base.html" %}
{% block title %}{{ section.title }}{% endblock title %}
{% block main %}
<h1>{{ section.title }}</h1>
<ul>{% for page in section.pages %}<li><a href="{{ page.permalink | safe }}">{{ page.title }}</a></li>{% endfor %}</ul>
{% endblock main %}
""",
    "page.html": """{% extends "base.html" %}
{% block title %}{{ page.title }}{% endblock title %}
{% block main %}
<article>
<h1>{{ page.title }}</h1>
<p>{% if page.extra.outlet %}{{ page.extra.outlet }}{% endif %}{% if page.date %} · <time>{{ page.date }}</time>{% endif %}</p>
{% if page.taxonomies.people %}<p>People: {% for name in page.taxonomies.people %}<a href="{{ get_taxonomy_url(kind="people", name=name) | safe }}">{{ name }}</a> {% endfor %}</p>{% endif %}
{% if page.taxonomies.places %}<p>Places: {% for name in page.taxonomies.places %}<a href="{{ get_taxonomy_url(kind="places", name=name) | safe }}">{{ name }}</a> {% endfor %}</p>{% endif %}
{{ page.content | safe }}
</article>
{% endblock main %}
""",
    "taxonomy_list.html": """{% extends "base.html" %}
{% block title %}{{ taxonomy.name }}{% endblock title %}
{% block main %}
<h1>{{ taxonomy.name }}</h1>
<ul>{% for term in terms %}<li><a href="{{ term.permalink | safe }}">{{ term.name }}</a> ({{ term.pages | length }})</li>{% endfor %}</ul>
{% endblock main %}
""",
    "taxonomy_single.html": """{% extends "base.html" %}
{% block title %}{{ term.name }}{% endblock title %}
{% block main %}
<h1>{{ term.name }}</h1>
<ul>{% for page in term.pages %}<li><a href="{{ page.permalink | safe }}">{{ page.title }}</a></li>{% endfor %}</ul>
{% endblock main %}
""",
}


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(utf8(text))


def export(site: Path, hugo: bool, zola: bool) -> None:
    """Writes site/hugo and/or site/zola from site/public/briefing.json."""
    briefing = json.loads((site / "public" / "briefing.json").read_text(encoding="utf-8"))
    articles = briefing.get("articles", [])
    terms: dict[str, dict[str, list[str]]] = {}
    for kind in ("people", "places"):
        by_article: dict[str, list[str]] = {}
        for entity in briefing.get(kind, []):
            for article_id in entity.get("articles", []):
                by_article.setdefault(article_id, []).append(entity["name"])
        terms[kind] = by_article
    del briefing
    title = f"crossbrief benchmark ({len(articles)} articles)"

    def front(article: dict, zola_style: bool) -> str:
        lines = [f"title = {toml_str(article.get('title') or article['id'])}"]
        date = toml_date(article.get("date"))
        if date:
            lines.append(f"date = {date}")
        people = sorted(set(terms["people"].get(article["id"], [])))
        places = sorted(set(terms["places"].get(article["id"], [])))
        outlet = article.get("outlet")
        if zola_style:
            # Zola rejects unknown top-level keys: outlet goes under [extra].
            if outlet:
                lines += ["", "[extra]", f"outlet = {toml_str(outlet)}"]
            lines += ["", "[taxonomies]", f"people = {toml_list(people)}", f"places = {toml_list(places)}"]
        else:
            if outlet:
                lines.append(f"outlet = {toml_str(outlet)}")
            lines += [f"people = {toml_list(people)}", f"places = {toml_list(places)}"]
        return "+++\n" + "\n".join(lines) + "\n+++\n\n" + markdown_body(article.get("body", "")) + "\n"

    def write_site(root: Path, config: tuple[str, list[str]], zola_style: bool,
                   templates: tuple[str, dict[str, str]]) -> None:
        # A previous export (with its built public/) is set aside, like crossbrief's output.
        set_aside(root)
        write(root / config[0], "\n".join(config[1] + [""]))
        write(root / "content" / "articles" / "_index.md", '+++\ntitle = "Articles"\n+++\n')
        for article in articles:
            write(root / "content" / "articles" / f"{article['id']}.md", front(article, zola_style))
        for rel, text in templates[1].items():
            write(root / templates[0] / rel, text)

    if hugo:
        write_site(site / "hugo", ("hugo.toml", [
            'baseURL = "http://localhost/"',
            'languageCode = "en"',
            f"title = {toml_str(title)}",
            # crossbrief makes no feeds or sitemap: leave them out so the work is comparable.
            'disableKinds = ["RSS", "sitemap", "robotsTXT"]',
            "",
            "[taxonomies]",
            '  person = "people"',
            '  place = "places"',
        ]), False, ("layouts", HUGO_LAYOUTS))
    if zola:
        write_site(site / "zola", ("config.toml", [
            'base_url = "http://localhost"',
            f"title = {toml_str(title)}",
            "compile_sass = false",
            "build_search_index = false",
            'taxonomies = [{ name = "people" }, { name = "places" }]',
        ]), True, ("templates", ZOLA_TEMPLATES))


# --------------------------------------------------------------------------------------------
# Reporting


def fmt(value, spec: str, width: int) -> str:
    if value is None:
        return "-".rjust(width)
    return format(value, spec).rjust(width)


def table(rows: list[dict]) -> str:
    head = (f"{'tool':<11}{'n':>7}{'wall s':>9}{'cpu s':>9}{'peak MB':>9}{'pages':>9}{'MB written':>12}"
            + "".join(f"{s:>9}" for s in STAGES))
    out = [head, "-" * len(head)]
    for r in rows:
        stages = r.get("stages_ms") or {}
        line = (f"{r['tool']:<11}{r['n']:>7}{fmt(r['wall_s'], '.2f', 9)}{fmt(r['cpu_s'], '.2f', 9)}"
                f"{fmt(r['max_rss_mb'], '.0f', 9)}{fmt(r['pages'], 'd', 9)}{fmt(r['bytes'] / MIB, '.1f', 12)}")
        if r["tool"] == "crossbrief":
            line += "".join(fmt(stages.get(s, 0) / 1000 if s in stages else None, ".2f", 9) for s in STAGES)
        out.append(line)
    out.append("(stage columns: crossbrief's own --timings, in seconds; MB = 2^20 bytes)")
    return "\n".join(out)


def linearity(rows: list[dict]) -> str:
    cb = sorted((r for r in rows if r["tool"] == "crossbrief"), key=lambda r: r["n"])
    if not cb:
        return "no crossbrief runs to compare"
    sizes = [r["n"] for r in cb]
    head = f"{'ms per 1,000 articles':<24}" + "".join(f"{'n=' + str(n):>11}" for n in sizes)
    head += f"{'largest/smallest':>18}" if len(cb) > 1 else ""
    out = [head, "-" * len(head)]

    def per_k(r: dict, key: str) -> float | None:
        ms = {"total": r.get("total_ms"), "wall": r["wall_s"] * 1000, "cpu": r["cpu_s"] * 1000}.get(
            key, (r.get("stages_ms") or {}).get(key))
        return None if ms is None else ms * 1000 / max(r["n"], 1)

    for key in (*STAGES, "total", "wall", "cpu"):
        values = [per_k(r, key) for r in cb]
        line = f"{key:<24}" + "".join(fmt(v, ".1f", 11) for v in values)
        if len(cb) > 1:
            first, last = values[0], values[-1]
            line += fmt(last / first if first and last is not None else None, ".2f", 18)
        out.append(line)
    if len(cb) < 2:
        return "\n".join(out)
    out.append(f"(1.00 = linear from n={sizes[0]} to n={sizes[-1]}; 2.00 = each article costs twice as much"
               f" at n={sizes[-1]}; fixed start-up costs push small sizes up)")
    # Marginal cost between neighbouring sizes: fixed costs cancel out.
    out.append("")
    pairs = list(zip(cb, cb[1:]))
    head = f"{'marginal ms per 1,000':<24}" + "".join(f"{a['n']}->{b['n']}".rjust(15) for a, b in pairs)
    out += [head, "-" * len(head)]
    for key in (*STAGES, "total", "wall", "cpu"):
        line = f"{key:<24}"
        for a, b in pairs:
            pa, pb = per_k(a, key), per_k(b, key)
            if pa is None or pb is None or b["n"] == a["n"]:
                line += fmt(None, "", 15)
            else:
                line += fmt((pb * b["n"] - pa * a["n"]) / (b["n"] - a["n"]), ".1f", 15)
        out.append(line)
    return "\n".join(out)


def ratios(rows: list[dict]) -> str:
    out = []
    by = {(r["tool"], r["n"]): r for r in rows}
    for tool in ("hugo", "zola"):
        for (t, n), other in sorted(by.items(), key=lambda kv: kv[0][1]):
            cb = by.get(("crossbrief", n))
            if t != tool or cb is None:
                continue
            parts = []
            for key, label in (("wall_s", "wall"), ("cpu_s", "cpu"), ("max_rss_mb", "peak RSS")):
                parts.append(f"{label} {cb[key] / other[key]:.2f}x" if other[key] else f"{label} -")
            out.append(f"crossbrief/{tool:<5} n={n:<7} " + ", ".join(parts))
    return "\n".join(out)


def git_describe() -> str | None:
    try:
        rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        return rev + ("-dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return None


def tool_version(cmd: list[str]) -> str | None:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return None


# --------------------------------------------------------------------------------------------


def parse_sizes(text: str) -> list[str]:
    sizes = []
    for part in text.split(","):
        part = part.strip().lower()
        if not part:
            continue
        if part != "all" and not (part.isdigit() and int(part) > 0):
            raise argparse.ArgumentTypeError(f"size {part!r} is neither a positive number nor 'all'")
        sizes.append(part)
    if not sizes:
        raise argparse.ArgumentTypeError("no sizes given")
    return sizes


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=parse_sizes, default=parse_sizes("1000,10000,all"),
                   help="comma-separated article counts, 'all' = every record (default 1000,10000,all)")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"JSONL(.gz) corpus (default {DEFAULT_CORPUS})")
    p.add_argument("--work", type=Path, default=DEFAULT_WORK, help=f"work folder (default {DEFAULT_WORK})")
    p.add_argument("--jobs", type=int, help="threads for crossbrief --jobs (also GOMAXPROCS for Hugo, RAYON_NUM_THREADS for Zola)")
    p.add_argument("--binary", type=Path, help=f"crossbrief binary (default {DEFAULT_BINARY.relative_to(REPO)}, built first)")
    p.add_argument("--keep", action="store_true", help="keep the built sites (public/, hugo/, zola/) after measuring")
    p.add_argument("--skip-build", action="store_true", help="do not run cargo build --release first")
    p.add_argument("--hugo", action="store_true", help="export and time Hugo (automatic when hugo is on PATH)")
    p.add_argument("--zola", action="store_true", help="export and time Zola (automatic when zola is on PATH)")
    p.add_argument("--only-crossbrief", action="store_true", help="time crossbrief alone, even when hugo or zola is on PATH")
    p.add_argument("--export-only", type=Path, help=argparse.SUPPRESS)  # internal: run an export
    args = p.parse_args()

    if args.export_only:
        export(args.export_only, args.hugo, args.zola)
        return 0

    corpus = args.corpus.resolve()
    if not corpus.is_file():
        sys.exit(f"bench: no corpus at {corpus} (see --corpus)")
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    global TRASH
    TRASH = work / ".trash"

    binary = (args.binary or DEFAULT_BINARY).resolve()
    if args.binary is None and not args.skip_build:
        note("cargo build --release")
        if subprocess.run(["cargo", "build", "--release"], cwd=REPO).returncode != 0:
            sys.exit("bench: cargo build --release failed")
    if not os.access(binary, os.X_OK):
        sys.exit(f"bench: no crossbrief binary at {binary} (build it, or pass --binary)")

    hugo_bin = shutil.which("hugo")
    zola_bin = shutil.which("zola")
    do_hugo = not args.only_crossbrief and (args.hugo or hugo_bin is not None)
    do_zola = not args.only_crossbrief and (args.zola or zola_bin is not None)
    if args.hugo and not hugo_bin:
        note("hugo is not on PATH: writing the Hugo export but not timing it (apt-get install hugo)")
    if args.zola and not zola_bin:
        note("zola is not on PATH: writing the Zola export but not timing it (see benches/README.md)")

    # Sizes: 'all' and anything past the end of the corpus mean every record.
    wanted = [None if s == "all" else int(s) for s in args.sizes]
    limit = None if None in wanted else max(wanted)
    note(f"reading IDs from {corpus}")
    ids = corpus_ids(corpus, limit)
    total = len(ids) if limit is None else None
    sizes: list[int] = []
    for s in wanted:
        n = len(ids) if s is None else min(s, len(ids))
        if s is not None and s > len(ids):
            note(f"size {s} is past the end of the corpus; using {n}")
        if n not in sizes:
            sizes.append(n)
    sizes.sort()

    stamp = corpus_stamp(corpus)
    to_write = {}
    for n in sizes:
        site = work / str(n)
        if reusable(site, ids[:n], stamp):
            note(f"n={n}: reusing {site / 'content'}")
        else:
            to_write[n] = site
    materialise(corpus, to_write, stamp)

    jobs_env = dict(os.environ)
    if args.jobs:
        jobs_env["GOMAXPROCS"] = str(args.jobs)
        jobs_env["RAYON_NUM_THREADS"] = str(args.jobs)

    run_info = {
        "time": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "commit": git_describe(),
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "jobs": args.jobs,
        "binary": str(binary),
        "corpus": str(corpus),
        "corpus_records": total,
    }
    versions = {"crossbrief": tool_version([str(binary), "--version"])}
    if hugo_bin:
        versions["hugo"] = tool_version([hugo_bin, "version"])
    if zola_bin:
        versions["zola"] = tool_version([zola_bin, "--version"])

    rows: list[dict] = []
    ok = True
    results = work / "results.jsonl"
    for n in sizes:
        site = work / str(n)
        row = bench_crossbrief(binary, site, n, args.jobs)
        if row is None:
            ok = False
            continue
        rows.append(row)
        if do_hugo or do_zola:
            t0 = time.perf_counter()
            cmd = [sys.executable, str(Path(__file__).resolve()), "--export-only", str(site)]
            cmd += ["--hugo"] if do_hugo else []
            cmd += ["--zola"] if do_zola else []
            if subprocess.run(cmd).returncode != 0:
                note(f"the Hugo/Zola export failed on n={n}")
                ok = False
            else:
                note(f"n={n}: exported {'Hugo ' if do_hugo else ''}{'Zola ' if do_zola else ''}"
                     f"sites in {time.perf_counter() - t0:.1f} s")
                if hugo_bin:
                    hugo_site = site / "hugo"
                    r = bench_other("hugo", [hugo_bin, "--quiet", "-s", str(hugo_site), "-d", str(hugo_site / "public")],
                                    hugo_site / "public", site, n, jobs_env)
                    ok &= r is not None
                    rows += [r] if r else []
                if zola_bin:
                    zola_site = site / "zola"
                    r = bench_other("zola", [zola_bin, "--root", str(zola_site), "build"],
                                    zola_site / "public", site, n, jobs_env)
                    ok &= r is not None
                    rows += [r] if r else []
        with open(results, "a", encoding="utf-8") as f:
            for r in rows:
                if r["n"] == n:
                    f.write(json.dumps({**r, **run_info, "version": versions.get(r["tool"])}) + "\n")
        if not args.keep:
            for sub in ("public", "hugo", "zola"):
                set_aside(site / sub)
    if TRASH is not None and TRASH.exists():
        note(f"removing the set-aside outputs in {TRASH}")
        shutil.rmtree(TRASH, ignore_errors=True)

    print(f"crossbrief benchmark  {run_info['time']}  commit {run_info['commit'] or '?'}  "
          f"{run_info['cpus']} CPUs  jobs {args.jobs or 'default'}")
    print(f"corpus {corpus}  work {work}")
    for tool, v in versions.items():
        print(f"{tool}: {v or '?'}")
    if not hugo_bin:
        print("hugo: not on PATH, not timed")
    if not zola_bin:
        print("zola: not on PATH, not timed")
    print()
    print(table(rows))
    if any(r["tool"] != "crossbrief" for r in rows):
        print()
        print("crossbrief / other tool (same run; below 1.00 = crossbrief is faster or smaller)")
        print(ratios(rows))
    print()
    print("Linearity (crossbrief)")
    print(linearity(rows))
    print()
    print(f"results appended to {results}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
