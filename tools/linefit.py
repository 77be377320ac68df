#!/usr/bin/env python3
"""Where does LibreOffice break a line of our DOCX? A measuring tool.

For each test line (runs of text with a style), this writes one-line
paragraphs into a copy of a DOCX that vanban made (so its styles and
settings apply), each with a measure one twip narrower than the one before,
converts the file with `soffice --headless --convert-to pdf`, and reports the
narrowest measure (in twips) that still holds the line on one line. Next to
it: the line's width by our model (vanban_layout::paginate): glyph advances
rounded to 1/120 pt, the whole run shaped (kerning at spaces included), plus
the italic correction when the line ends in italic text.

The cases in crates/layout/tests/paginate_measure.rs come from this tool.

Needs LibreOffice, poppler-utils (pdftotext) and `pip install uharfbuzz`.

Usage: tools/linefit.py [--docx FILE] [--size PT] [--mode14]
       (default: renders fixtures/quyet-dinh.json with target/release/vanban)
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FACES = {"r": "Regular", "i": "Italic", "b": "Bold", "bi": "BoldItalic"}
RPR = {"r": "", "i": "<w:i/><w:iCs/>", "b": "<w:b/><w:bCs/>", "bi": "<w:b/><w:bCs/><w:i/><w:iCs/>"}
WORDS = "chính quyền vận động quần chúng trong thời kỳ đổi mới và hội nhập có"
CASES = {
    "i×60 regular": [("i" * 60 + " x", "r")],
    "m×30 regular": [("m" * 30 + " x", "r")],
    "ệ×40 regular": [("ệ" * 40 + " x", "r")],
    "words regular": [(WORDS + " x", "r")],
    "words bold": [(WORDS + " x", "b")],
    "i×60 italic": [("i" * 60 + " x", "i")],
    "words italic": [(WORDS + " x", "i")],
    "italic, upright x": [(WORDS + " ", "i"), ("x", "r")],
    "upright, italic x": [(WORDS + " ", "r"), ("x", "i")],
    "kern a T": [("xã (Ea Tân, Phú Xuân, Ea Hồ), buộc tiêu hủy 186 con lợn với x", "r")],
}


def model(runs, size):
    """Our width in twips, or None without uharfbuzz."""
    try:
        import uharfbuzz as hb
    except ImportError:
        return None
    units = 0
    last_style = None
    for text, style in runs:
        blob = hb.Blob.from_file_path(os.path.join(ROOT, "fonts", f"LiberationSerif-{FACES[style]}.ttf"))
        face = hb.Face(blob)
        font = hb.Font(face)
        buf = hb.Buffer()
        buf.add_str(unicodedata.normalize("NFC", text))
        buf.guess_segment_properties()
        hb.shape(font, buf, {"kern": True})
        scale = size / face.upem
        units += sum(round(p.x_advance * scale * 120) for p in buf.glyph_positions)
        if text.strip():
            last_style = style
    if last_style in ("i", "bi"):
        # ascender + descender of Liberation Serif: (1825 + 443) / 2048 em
        units += round((1825 + 443) / 2048 * size * 120) // 12
    return units / 6


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docx", help="a DOCX written by vanban (its styles and settings are kept)")
    ap.add_argument("--size", type=float, default=14.0)
    ap.add_argument("--mode14", action="store_true", help="write compatibilityMode 14 instead of 15")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="linefit.")
    src = args.docx
    if not src:
        vanban = os.path.join(ROOT, "target/release/vanban")
        subprocess.run([vanban, "render", os.path.join(ROOT, "fixtures/quyet-dinh.json"), "--format", "docx",
                        "-o", os.path.join(tmp, "template.docx")], check=True, capture_output=True)
        src = os.path.join(tmp, "template.docx")
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    doc = parts["word/document.xml"].decode()
    sect = re.search(r"<w:sectPr.*</w:sectPr>", doc, re.S).group(0)
    page_w = int(re.search(r'w:pgSz w:w="(\d+)"', sect).group(1))
    left = int(re.search(r'<w:pgMar[^>]*w:left="(\d+)"', sect).group(1))
    right = int(re.search(r'<w:pgMar[^>]*w:right="(\d+)"', sect).group(1))
    full = page_w - left - right
    half_points = round(args.size * 2)
    paras, meta = [], []
    for name, runs in CASES.items():
        guess = model(runs, args.size) or sum(len(t) for t, _ in runs) * args.size * 10
        runs_xml = "".join(
            f'<w:r><w:rPr>{RPR[s]}<w:kern w:val="2"/><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
            f'<w:t xml:space="preserve">{unicodedata.normalize("NFC", t)}</w:t></w:r>'
            for t, s in runs
        )
        for k in range(-40, 41):
            m = int(guess) + k
            if not 0 < m <= full:
                continue
            paras.append(
                f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="340" w:lineRule="exact"/>'
                f'<w:ind w:left="0" w:right="{full - m}" w:firstLine="0"/><w:jc w:val="both"/></w:pPr>{runs_xml}</w:p>'
            )
            meta.append((name, m))
    doc = re.sub(r"<w:body>.*</w:body>", "<w:body>" + "".join(paras) + sect + "</w:body>", doc, flags=re.S)
    parts["word/document.xml"] = doc.encode()
    if args.mode14:
        parts["word/settings.xml"] = parts["word/settings.xml"].replace(b'w:val="15"', b'w:val="14"')
    test = os.path.join(tmp, "linefit.docx")
    with zipfile.ZipFile(test, "w") as z:
        for n, b in parts.items():
            z.writestr(n, b)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, test],
                   check=True, capture_output=True, env={**os.environ, "HOME": tmp})
    text = subprocess.run(["pdftotext", "-layout", os.path.join(tmp, "linefit.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    # One paragraph per case line: it fits when no line holds "x" alone.
    lines = [l.strip() for l in text.splitlines() if l.strip() and not l.strip().isdigit()]
    counts = []
    for l in lines:
        if l == "x" and counts:
            counts[-1] += 1
        else:
            counts.append(1)
    if len(counts) != len(meta):
        sys.exit(f"could not match paragraphs: {len(counts)} vs {len(meta)}")
    results = {}
    for (name, m), n in zip(meta, counts):
        results.setdefault(name, []).append((m, n))
    print(f"test document: {test} (open it in Word to compare)")
    print(f"{'case':20} {'LibreOffice':>12} {'model':>9}")
    for name, v in results.items():
        fits = [m for m, n in v if n == 1]
        lo = min(fits) if fits else None
        mod = model(CASES[name], args.size)
        print(f"{name:20} {str(lo):>12} {('%.2f' % mod) if mod else '-':>9}")


if __name__ == "__main__":
    main()
