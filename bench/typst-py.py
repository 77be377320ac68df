#!/usr/bin/env python3
"""`typst compile` through the typst Python package (PyPI `typst`, the typst
compiler as a library), for bench/compare.sh on machines without the typst
CLI: `typst-py.py IN.typ OUT.pdf` compiles with the bundled fonts only
(fonts/, no system fonts) to PDF/A-2b. `typst-py.py --import-only` only
starts Python and loads the module: compare.sh subtracts that run, so the
figure is the compiler's work, as the CLI would do it, without Python."""
import sys

import typst

if sys.argv[1:] == ["--import-only"]:
    sys.exit(0)
src, out = sys.argv[1], sys.argv[2]
typst.compile(src, output=out, font_paths=["fonts"], ignore_system_fonts=True, pdf_standards="a-2b")
