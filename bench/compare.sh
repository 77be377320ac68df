#!/usr/bin/env bash
# `just bench-compare`: times, in one run on this machine,
#   1. `vanban render` of the Ba Tô report (PDF/A-2b + DOCX), through the CLI;
#   2. `typst compile` of the equivalent bench/ba-to.typ (PDF/A-2b), bundled fonts only
#      (the typst CLI if installed, else the typst compiler of the PyPI package `typst`
#      through bench/typst-py.py, less a run that only starts Python and loads it);
#   3. `soffice --headless --convert-to pdf` of our DOCX;
#   4. a 1,000-document `vanban batch` (copies of the fixtures), in documents/s;
# plus instructions (valgrind's callgrind, deterministic) of both, peak memory
# (/usr/bin/time -v) of one render and of 100- and 1,000-document batches, and prints ratios. Uses hyperfine when installed, else a timing loop.
# Wall times on shared machines drift 5-10 % between runs: read the ratios.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
runs="${RUNS:-30}"
batch_docs="${BATCH_DOCS:-1000}"

cargo build --release -q
vanban="$target/release/vanban"
fixture="fixtures/bao-cao-ba-to.json"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

typst_bin="$(command -v typst || true)"
[ -z "$typst_bin" ] && [ -x "$HOME/.cargo/bin/typst" ] && typst_bin="$HOME/.cargo/bin/typst"
soffice_bin="$(command -v soffice || true)"
have_hyperfine="$(command -v hyperfine || true)"

# mean seconds of a command over N runs (after one warm-up) -> stdout
time_cmd() {
  local n="$1"
  shift
  if [ -n "$have_hyperfine" ]; then
    hyperfine -N --style none --warmup 2 --runs "$n" --export-json "$tmp/h.json" "$*" >/dev/null 2>&1 ||
      hyperfine --style none --warmup 2 --runs "$n" --export-json "$tmp/h.json" "$*" >/dev/null
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["mean"], r["stddev"] or 0)' "$tmp/h.json"
  else
    "$@" >/dev/null 2>&1
    local start end
    start=$(date +%s.%N)
    for _ in $(seq "$n"); do "$@" >/dev/null 2>&1; done
    end=$(date +%s.%N)
    python3 -c "import sys; print((float(sys.argv[2])-float(sys.argv[1]))/int(sys.argv[3]), 0)" "$start" "$end" "$n"
  fi
}

ms() { python3 -c "import sys; m,s=map(float,sys.argv[1:3]); print(f'{m*1e3:8.2f} ms ± {s*1e3:5.2f}')" "$1" "$2"; }
peak_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}'; }

echo "== one document: the Ba Tô report (fixtures/bao-cao-ba-to.json) =="
mkdir -p "$tmp/v"
read -r v_mean v_sd < <(time_cmd "$runs" "$vanban" render "$fixture" -o "$tmp/v/")
echo "vanban render (PDF/A-2b + DOCX):        $(ms "$v_mean" "$v_sd")"
"$vanban" render "$fixture" -o "$tmp/v/" 2>/dev/null

t_mean=""
typst_py=""
if [ -z "$typst_bin" ] && python3 -c 'import typst' 2>/dev/null; then
  # The interpreter itself, not a wrapper script (pyenv's shim) that
  # callgrind would follow instead.
  typst_py="$(python3 -c 'import sys; print(sys.executable)')"
fi
if [ -n "$typst_py" ]; then
  read -r t_full t_sd < <(time_cmd "$runs" "$typst_py" bench/typst-py.py bench/ba-to.typ "$tmp/t.pdf")
  read -r t_base _ < <(time_cmd "$runs" "$typst_py" bench/typst-py.py --import-only)
  t_mean=$(python3 -c "import sys; print(float(sys.argv[1])-float(sys.argv[2]))" "$t_full" "$t_base")
  echo "typst compile, PyPI typst $("$typst_py" -c 'import importlib.metadata as m; print(m.version("typst"))') (with Python: $(ms "$t_full" "$t_sd"), Python start and import: $(ms "$t_base" 0 | awk '{print $1, $2}'))"
  echo "typst compile (the compiler's share):   $(ms "$t_mean" "$t_sd")"
elif [ -n "$typst_bin" ]; then
  std_args=(--pdf-standard a-2b)
  "$typst_bin" compile --ignore-system-fonts --font-path fonts/ "${std_args[@]}" bench/ba-to.typ "$tmp/t.pdf" 2>/dev/null || std_args=()
  read -r t_mean t_sd < <(time_cmd "$runs" "$typst_bin" compile --ignore-system-fonts --font-path fonts/ "${std_args[@]}" bench/ba-to.typ "$tmp/t.pdf")
  echo "typst compile ($("$typst_bin" --version | head -1)): $(ms "$t_mean" "$t_sd")"
else
  echo "typst compile:                          skipped (neither the typst CLI nor pip's typst: pip install typst)"
fi

s_mean=""
if [ -n "$soffice_bin" ]; then
  lo=(-env:UserInstallation="file://$tmp/lo-profile")
  "$soffice_bin" "${lo[@]}" --headless --convert-to pdf --outdir "$tmp/lo" "$tmp/v/bao-cao-ba-to.docx" >/dev/null 2>&1 || true
  read -r s_mean s_sd < <(time_cmd "${SOFFICE_RUNS:-5}" "$soffice_bin" "${lo[@]}" --headless --convert-to pdf --outdir "$tmp/lo" "$tmp/v/bao-cao-ba-to.docx")
  echo "soffice --convert-to pdf of our DOCX:   $(ms "$s_mean" "$s_sd")"
else
  echo "soffice:                                skipped (LibreOffice not installed)"
fi

echo
echo "== instructions (callgrind) =="
cg_ir() { valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$@" >/dev/null 2>&1 && awk '/^summary:/ {print $2}' "$tmp/cg.out"; }
v_ir=""
t_ir=""
if command -v valgrind >/dev/null; then
  v_ir=$(cg_ir "$vanban" render "$fixture" -o "$tmp/v/")
  echo "vanban render (PDF/A-2b + DOCX):        $v_ir"
  if [ -n "$typst_py" ]; then
    t_ir=$(($(cg_ir "$typst_py" bench/typst-py.py bench/ba-to.typ "$tmp/t.pdf") - $(cg_ir "$typst_py" bench/typst-py.py --import-only)))
    echo "typst compile (less Python start):      $t_ir"
  elif [ -n "$typst_bin" ]; then
    t_ir=$(cg_ir "$typst_bin" compile --ignore-system-fonts --font-path fonts/ "${std_args[@]}" bench/ba-to.typ "$tmp/t.pdf")
    echo "typst compile:                          $t_ir"
  fi
else
  echo "skipped (valgrind not installed)"
fi

echo
echo "== batch: $batch_docs documents (copies of the fixtures) =="
make_batch() {
  local n="$1" dir="$2" i=0
  mkdir -p "$dir"
  local fixtures=(fixtures/*.json)
  while [ "$i" -lt "$n" ]; do
    local f="${fixtures[$((i % ${#fixtures[@]}))]}"
    cp "$f" "$dir/$(printf '%05d' "$i")-$(basename "$f")"
    i=$((i + 1))
  done
}
make_batch "$batch_docs" "$tmp/in"
best=""
for _ in 1 2 3; do
  rm -rf "$tmp/out"
  start=$(date +%s.%N)
  "$vanban" batch "$tmp/in" -o "$tmp/out" --quiet
  end=$(date +%s.%N)
  secs=$(python3 -c "import sys; print(float(sys.argv[2])-float(sys.argv[1]))" "$start" "$end")
  best=$(python3 -c "import sys; a=sys.argv[1]; b=float(sys.argv[2]); print(b if not a else min(float(a), b))" "$best" "$secs")
done
written=$(find "$tmp/out" -type f | wc -l)
b_rate=$(python3 -c "import sys; print(int(sys.argv[1])/float(sys.argv[2]))" "$batch_docs" "$best")
printf 'vanban batch, %s documents on %s cores: %.3f s (best of 3), %.0f documents/s, %s files\n' \
  "$batch_docs" "$(nproc)" "$best" "$b_rate" "$written"

echo
echo "== peak memory (maximum resident set size) =="
rss_one=$(peak_kb "$vanban" render "$fixture" -o "$tmp/v/")
echo "vanban render, one document:      $((rss_one / 1024)) MB ($rss_one kB)"
make_batch 100 "$tmp/in100"
rm -rf "$tmp/out"
rss_100=$(peak_kb "$vanban" batch "$tmp/in100" -o "$tmp/out" --quiet)
rm -rf "$tmp/out"
rss_1000=$(peak_kb "$vanban" batch "$tmp/in" -o "$tmp/out" --quiet)
echo "vanban batch, 100 documents:      $((rss_100 / 1024)) MB ($rss_100 kB)"
echo "vanban batch, $batch_docs documents:     $((rss_1000 / 1024)) MB ($rss_1000 kB)"
if [ -n "$typst_py" ]; then
  rss_t=$(peak_kb "$typst_py" bench/typst-py.py bench/ba-to.typ "$tmp/t.pdf")
  echo "typst compile (with Python):      $((rss_t / 1024)) MB ($rss_t kB)"
elif [ -n "$typst_bin" ]; then
  rss_t=$(peak_kb "$typst_bin" compile --ignore-system-fonts --font-path fonts/ "${std_args[@]}" bench/ba-to.typ "$tmp/t.pdf")
  echo "typst compile:                    $((rss_t / 1024)) MB ($rss_t kB)"
fi
if [ -n "$soffice_bin" ]; then
  rss_s=$(peak_kb "$soffice_bin" "${lo[@]}" --headless --convert-to pdf --outdir "$tmp/lo" "$tmp/v/bao-cao-ba-to.docx")
  echo "soffice --convert-to pdf:         $((rss_s / 1024)) MB ($rss_s kB)"
fi

echo
echo "== ratios (higher = vanban faster) =="
[ -n "$t_mean" ] && python3 -c "import sys; print(f'typst compile / vanban render:   {float(sys.argv[1])/float(sys.argv[2]):6.1f}x  (target >= 5x, moonshot 10x)')" "$t_mean" "$v_mean"
[ -n "$t_ir" ] && [ -n "$v_ir" ] && python3 -c "import sys; print(f'typst / vanban instructions:     {int(sys.argv[1])/int(sys.argv[2]):6.1f}x')" "$t_ir" "$v_ir"
[ -n "$s_mean" ] && python3 -c "import sys; print(f'soffice / vanban render:         {float(sys.argv[1])/float(sys.argv[2]):6.1f}x')" "$s_mean" "$v_mean"
python3 -c "import sys; print(f'batch vs one CLI render each:    {float(sys.argv[1])*float(sys.argv[2]):6.1f}x  ({float(sys.argv[2]):.0f} documents/s, target >= 300)')" "$v_mean" "$b_rate"
