#!/usr/bin/env python3
"""DOCX/PDF parity: do our PDF and LibreOffice's rendering of our DOCX agree?

For each fixture: render PDF and DOCX with vanban, convert the DOCX with
`soffice --headless --convert-to pdf`, extract the text lines of both PDFs
with their positions (`pdftotext -bbox-layout`), and report page counts, the
share of lines identical word for word, the pages whose first and last lines
agree, and the first differences.

`page_break_difference` names the first line that is identical in both
files but on different pages, before the first page that holds a line
broken differently (null when there is none). `pages_first_line_agree` counts the pages whose first line
(after the page number) is the same in both. A page of ours and the same
page of LibreOffice's are identical when
they hold the same lines in the same order (body, footnotes and page number
alike), so the first line of every page is the same and the pages break
identically. `pages_identical` counts them; `first_page_difference` names
the first page that does not agree, with the first lines of both.

Usage: tools/parity.py [--vanban PATH] [--json] [--keep DIR] [FIXTURE.json ...]
Exit status: 0 when every fixture has equal page counts and identical pages,
1 otherwise.
"""

import argparse
import difflib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

LINE_RE = re.compile(r"<line[^>]*>(.*?)</line>", re.S)
WORD_RE = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', re.S)
PAGE_RE = re.compile(r"<page[^>]*>(.*?)</page>", re.S)


def lines_of(pdf):
    """Pages of lines; a line is (text, x, y) with words joined by one space."""
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for page in PAGE_RE.findall(out):
        lines = []
        heights = sorted(float(d) - float(b) for _, b, _, d, _ in WORD_RE.findall(page)) or [0.0]
        typical = heights[len(heights) // 2]
        for line in LINE_RE.findall(page):
            words = [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in WORD_RE.findall(line)]
            if not words:
                continue
            # Footnote marks are compared with their words removed: LibreOffice
            # sets them as its own superscript (58 %), we as the Flow says.
            words = [w for w in words if not (w[4].isdigit() and (w[3] - w[1]) < 0.8 * typical)]
            # pdftotext may join the two cells of a grid row into one line:
            # split where the gap between words is wider than 3 em.
            group = [words[0]] if words else []
            for prev, w in zip(words, words[1:]):
                if w[0] - prev[2] > 3 * (w[3] - w[1]):
                    lines.append(group)
                    group = []
                group.append(w)
            if group:
                lines.append(group)
        lines = [
            (unicodedata.normalize("NFC", " ".join(w[4] for w in g)).replace("\u2011", "-"), g[0][0], g[0][1])
            for g in lines
        ]
        # Reading order: top to bottom, left to right (header grid cells are side by side).
        lines.sort(key=lambda l: (round(l[2]), l[1]))
        pages.append(lines)
    return pages


def unjoin(a, b):
    """Splits a line of `a` that is two adjacent lines of `b` joined (pdftotext
    groups the two cells of a grid row into one line in one file but not in
    the other)."""
    pairs = {b[i] + " " + b[i + 1]: (b[i], b[i + 1]) for i in range(len(b) - 1)}
    out = []
    for line in a:
        out.extend(pairs.get(line, (line,)))
    return out


def compare(ours, theirs):
    a = [l[0] for p in ours for l in p]
    b = [l[0] for p in theirs for l in p]
    a, b = unjoin(a, b), unjoin(b, a)
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    same = sum(blk.size for blk in sm.get_matching_blocks())
    share = same / max(len(a), len(b), 1)
    pages_agree = 0
    for pa, pb in zip(ours, theirs):
        if pa and pb and pa[0][0] == pb[0][0] and pa[-1][0] == pb[-1][0]:
            pages_agree += 1
    # Page breaks: every page holds the same lines as LibreOffice's page.
    pages_identical = 0
    first_page_difference = None
    for n, (pa, pb) in enumerate(zip(ours, theirs), start=1):
        la, lb = [l[0] for l in pa], [l[0] for l in pb]
        la, lb = unjoin(la, lb), unjoin(lb, la)
        if la == lb:
            pages_identical += 1
        elif first_page_difference is None:
            first_page_difference = {
                "page": n,
                "ours_first": la[:2],
                "libreoffice_first": lb[:2],
                "ours_last": la[-2:],
                "libreoffice_last": lb[-2:],
            }
    # The first line of each page (after the page number): the page breaks
    # themselves, even where a line inside a page differs.
    def first_line(page):
        for text, _, _ in page:
            if not text.isdigit():
                return text
        return None

    first_lines_agree = sum(
        1 for pa, pb in zip(ours, theirs) if first_line(pa) == first_line(pb)
    )
    first_line_differences = [
        {"page": n, "ours": first_line(pa), "libreoffice": first_line(pb)}
        for n, (pa, pb) in enumerate(zip(ours, theirs), start=1)
        if first_line(pa) != first_line(pb)
    ]
    # Page breaks as far as the lines agree. A line is matched when its
    # text occurs as often in both files. Up to the first page holding an
    # unmatched line (a line broken differently), every line whose text
    # occurs once in each file must be on the same page in both: a line
    # that moved to another page (a widow, a keep, a footnote that did not
    # fit) is a page-break difference even though every line is identical.
    from collections import Counter

    fa = [(n, l[0]) for n, p in enumerate(ours, start=1) for l in p]
    fb = [(n, l[0]) for n, p in enumerate(theirs, start=1) for l in p]
    ca, cb = Counter(t for _, t in fa), Counter(t for _, t in fb)
    unmatched = [n for n, t in fa if ca[t] != cb[t]] + [n for n, t in fb if ca[t] != cb[t]]
    first_unmatched = min(unmatched, default=max(len(ours), len(theirs)) + 1)
    page_a = {t: n for n, t in fa if ca[t] == 1}
    page_b = {t: n for n, t in fb if cb[t] == 1}
    page_break_difference = None
    for n, t in fa:
        if t in page_a and t in page_b and page_a[t] != page_b[t]:
            if min(page_a[t], page_b[t]) < first_unmatched:
                page_break_difference = {"line": t, "page_ours": page_a[t], "page_libreoffice": page_b[t]}
                break
    if first_page_difference is None and len(ours) != len(theirs):
        first_page_difference = {"page": min(len(ours), len(theirs)) + 1}
    diffs = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "equal":
            diffs.append({"ours": a[i1:i2][:3], "libreoffice": b[j1:j2][:3]})
        if len(diffs) >= 5:
            break
    return {
        "pages_ours": len(ours),
        "pages_libreoffice": len(theirs),
        "lines_ours": len(a),
        "lines_libreoffice": len(b),
        "lines_identical_share": round(share, 4),
        "pages_first_last_agree": pages_agree,
        "pages_identical": pages_identical,
        "pages_first_line_agree": first_lines_agree,
        "page_break_difference": page_break_difference,
        "page_first_line_differences": first_line_differences,
        "first_page_difference": first_page_difference,
        "first_differences": diffs,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vanban", default="target/release/vanban")
    ap.add_argument("--json", action="store_true", help="print JSON instead of text")
    ap.add_argument("--keep", help="keep both PDFs of each document in this folder (ours as NAME.pdf, LibreOffice's as NAME.lo.pdf)")
    ap.add_argument("fixtures", nargs="*")
    args = ap.parse_args()
    fixtures = args.fixtures or sorted(
        os.path.join("fixtures", f) for f in os.listdir("fixtures") if f.endswith(".json")
    )
    results = {}
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        stems = []
        for fx in fixtures:
            stem = os.path.splitext(os.path.basename(fx))[0]
            subprocess.run([args.vanban, "render", fx, "-o", tmp + "/"], check=True, capture_output=True)
            stems.append(stem)
        # One LibreOffice run converts every DOCX (its start-up is most of
        # the cost of a conversion).
        lo = os.path.join(tmp, "lo")
        os.makedirs(lo, exist_ok=True)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", lo]
            + [os.path.join(tmp, stem + ".docx") for stem in stems],
            check=True,
            capture_output=True,
            env={**os.environ, "HOME": tmp},
        )
        for stem in stems:
            r = compare(lines_of(os.path.join(tmp, stem + ".pdf")), lines_of(os.path.join(lo, stem + ".pdf")))
            results[stem] = r
            if args.keep:
                os.makedirs(args.keep, exist_ok=True)
                shutil.copy(os.path.join(tmp, stem + ".pdf"), os.path.join(args.keep, stem + ".pdf"))
                shutil.copy(os.path.join(lo, stem + ".pdf"), os.path.join(args.keep, stem + ".lo.pdf"))
            ok &= r["pages_ours"] == r["pages_libreoffice"] == r["pages_identical"]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        for stem, r in results.items():
            print(
                f"{stem:22} pages {r['pages_ours']}/{r['pages_libreoffice']}  "
                f"lines identical {100 * r['lines_identical_share']:.1f}% "
                f"({r['lines_ours']}/{r['lines_libreoffice']})  "
                f"pages first+last agree {r['pages_first_last_agree']}  "
                f"pages identical {r['pages_identical']}"
            )
            if r["first_page_difference"]:
                print(f"    first page that differs: {r['first_page_difference']}")
            for d in r["first_differences"][:3]:
                print(f"    ours: {d['ours']}\n    LO:   {d['libreoffice']}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
