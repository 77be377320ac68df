# vanban tasks (https://github.com/casey/just; `pip install rust-just` gives the binary)

# Render the Ba Tô report to out/ (PDF and DOCX)
render fixture="fixtures/bao-cao-ba-to.json":
    cargo run --release -- render {{fixture}} -o out/

# Render every fixture
render-all:
    for f in fixtures/*.json; do cargo run --release -q -- render "$f" -o out/ || exit 1; done

# The test suite (the README's command)
test:
    cargo test --workspace

# Formatting and lints, as CI runs them
lint:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings

# PNG pages of every rendered PDF and of LibreOffice's rendering of every DOCX, to look at
look: render-all
    mkdir -p out/png out/lo
    for f in out/*.docx; do soffice --headless --convert-to pdf --outdir out/lo "$f" >/dev/null; done
    for f in out/*.pdf; do pdftoppm -r 70 -png "$f" "out/png/$(basename "$f" .pdf)"; done
    for f in out/lo/*.pdf; do pdftoppm -r 70 -png "$f" "out/png/lo-$(basename "$f" .pdf)"; done

# CI, locally
ci:
    bash .ci/run

# DOCX/PDF parity: our PDF against LibreOffice's rendering of our DOCX, per fixture
parity:
    cargo build --release -q
    python3 tools/parity.py

# Where LibreOffice breaks test lines of our DOCX, twip by twip, against our line model (needs uharfbuzz)
linefit:
    cargo build --release -q
    python3 tools/linefit.py

# Criterion benchmarks of each stage on the Ba Tô report (parse, style, paginate, PDF, DOCX)
bench:
    cargo bench --bench pipeline

# vanban render vs typst compile vs soffice, a 1,000-document batch, peak memory; prints ratios
bench-compare:
    bash bench/compare.sh

# Instructions of one release render of the Ba Tô report under callgrind, against the CI bound
callgrind:
    bash bench/callgrind.sh
