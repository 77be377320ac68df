//! Runs the importers on files and prints what the model rejected (to
//! reproduce fuzz findings): `cargo run -p vanban-import --example repro -- FILE…`
//! (a path containing "docx" is read as DOCX, else as text).
fn main() {
    for p in std::env::args().skip(1) {
        let b = std::fs::read(&p).unwrap_or_default();
        let kind = if p.contains("docx") {
            vanban_import::SourceKind::Docx
        } else {
            vanban_import::SourceKind::Text
        };
        if let Err(vanban_import::ImportError::Invalid(m)) = vanban_import::import(&b, kind) {
            println!("{p}: INVALID {m}");
        }
    }
}
