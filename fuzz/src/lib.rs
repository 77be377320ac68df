//! The fuzz targets' bodies, shared by the cargo-fuzz targets
//! (`fuzz_targets/`) and the stable driver (`src/bin/stable_driver.rs`).
//! Each must return normally for every input: a panic, an abort, a stack
//! overflow or a hang is a bug.

/// The inline-markup parser on any text; also checks that parsing the
/// plain text of a result again does not panic.
pub fn markup(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(inlines) = vanban_model::markup::parse_inline(s) {
        let plain = vanban_model::markup::plain_text(&inlines);
        let _ = vanban_model::markup::parse_inline(&plain);
    }
}

/// Bytes → validated model (encoding guess, depth pre-scan, serde, validation).
pub fn json_model(data: &[u8]) {
    match vanban_model::parse_bytes(data) {
        Ok(_) => {}
        Err(errors) => {
            // Every error renders and names a place.
            for e in errors.iter() {
                let _ = e.to_string();
            }
        }
    }
}

/// The whole pipeline to PDF and DOCX. Input that is a document renders as
/// it is; other input becomes the body of a fixed report (paragraphs split
/// at blank lines), so that the typesetter and the writers see arbitrary
/// text, markup and lengths.
pub fn render(data: &[u8]) {
    let opts = vanban::RenderOptions::default();
    let formats = [vanban::Format::Pdf, vanban::Format::Docx];
    if vanban_model::parse_bytes(data).is_ok() {
        let _ = vanban::render(data, &formats, &opts);
        return;
    }
    let text = String::from_utf8_lossy(data);
    let body: Vec<&str> = text.split("\n\n").collect();
    let doc = serde_json::json!({
        "type": "bao_cao",
        "issuer": { "name": "ỦY BAN NHÂN DÂN XÃ BA TÔ", "abbr": "UBND" },
        "number": 1,
        "place": "Ba Tô",
        "date": "2023-06-05",
        "title": "Thử",
        "body": body,
        "signature": { "title": "CHỦ TỊCH", "name": "Phạm Văn Hiền" }
    });
    let _ = vanban::render(doc.to_string().as_bytes(), &formats, &opts);
}
