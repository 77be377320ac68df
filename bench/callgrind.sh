#!/usr/bin/env bash
# `just callgrind`: instructions of one `vanban render` of the Ba Tô report
# (PDF/A-2b + DOCX, release build) under valgrind's callgrind, against a
# bound. Instruction counts are deterministic for the same binary and input,
# unlike times, so CI can guard them: the script fails above BOUND.
#
# Measured (2026-12, release, x86_64): 114.0 M before the deflate work;
# 105.7 M after it (one compressor per thread in krilla and the DOCX zip);
# 111.9 M once the issuance text fields (two digit subsets of the faces,
# embedded for the form fields, about 5 M) and the fidelity work landed;
# 73.1 M with libdeflate level 1 for every stream (krilla, DOCX zip, field
# fonts: deflate 38.7 M -> 12.1 M), krilla's /FontBBox from the face's head
# table (no outline drawing, -4 M) and the field font subsets cached.
# 72.3 M with krilla's per-glyph font look-ups (font handle, PostScript name,
# units per em) done once per glyph run (outputs byte-identical); 71.5 M
# with one font look-up per glyph in krilla's text spanner; 70.8 M with no
# font identifier cloned per CID glyph in krilla's glyph grouper; 70.1 M
# with the shaper's word cache Fx-hashed instead of SipHash.
# Raise BOUND only with a reason in the commit message.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bound="${BOUND:-70800000}"
target="${CARGO_TARGET_DIR:-$root/target}"
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
cargo build --release --locked -q
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
  "$target/release/vanban" render fixtures/bao-cao-ba-to.json -o "$tmp/out/" >/dev/null 2>"$tmp/log"
ir=$(awk '/^summary:/ {print $2}' "$tmp/cg.out")
[ -n "$ir" ] || { cat "$tmp/log" >&2; echo "no instruction count" >&2; exit 2; }
printf 'callgrind: vanban render bao-cao-ba-to (PDF + DOCX): %s instructions (bound %s)\n' "$ir" "$bound"
if [ "$ir" -gt "$bound" ]; then
  echo "FAILED: above the bound; see where they go with: callgrind_annotate --inclusive=yes" >&2
  exit 1
fi
