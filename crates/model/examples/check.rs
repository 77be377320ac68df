//! Parses the files given on the command line and prints the errors (or "ok")
//! and the time taken: `cargo run -p vanban-model --example check -- FILE…`.

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let start = std::time::Instant::now();
        let result = vanban_model::parse_bytes(&bytes);
        let took = start.elapsed();
        match result {
            Ok(doc) => println!("{path}: ok, {} top-level blocks ({took:?})", doc.body.len()),
            Err(errors) => println!("{path}: {} error(s) ({took:?})\n{errors}", errors.len()),
        }
    }
}
