//! Every class of input error: the exact JSON path, line/column where known,
//! and a clear message.

use vanban_model::lang::Lang;
use vanban_model::{
    ErrorKind, Errors, MAX_BLOCKS, MAX_DEPTH, MAX_FOOTNOTES, MAX_INPUT_BYTES, parse, parse_bytes,
};

/// The English text of an error: these tests check the English wording
/// (the Vietnamese is checked by `every_message_has_both_languages` below
/// and by the tests/bad corpus, which runs in both languages).
trait En {
    fn en(&self) -> String;
}

impl En for vanban_model::Error {
    fn en(&self) -> String {
        self.render(Lang::En)
    }
}

impl En for Errors {
    fn en(&self) -> String {
        self.render(Lang::En)
    }
}

/// A valid report with `body` and extra top-level fields spliced in.
fn doc_with(body: &str, extra: &str) -> String {
    format!(
        r#"{{
  "type": "bao_cao",
  "issuer": {{ "name": "ỦY BAN NHÂN DÂN XÃ BA TÔ", "abbr": "UBND" }},
  "number": 5,
  "place": "Ba Tô",
  "date": "2023-06-05",
  "title": "Báo cáo",
  "body": {body},
  "signature": {{ "title": "CHỦ TỊCH", "name": "Phạm Văn Hiền" }}{extra}
}}"#
    )
}

fn doc(body: &str) -> String {
    doc_with(body, "")
}

/// Replaces one top-level field's JSON value in the base document.
fn with_field(field: &str, old: &str, new: &str) -> String {
    let base = doc(r#"["x"]"#);
    let from = format!("\"{field}\": {old}");
    assert!(base.contains(&from), "{from} not in base");
    base.replace(&from, &format!("\"{field}\": {new}"))
}

fn errs(json: &str) -> Errors {
    match parse(json) {
        Ok(_) => panic!("expected an error for:\n{json}"),
        Err(e) => {
            assert_both_languages(&e);
            e
        }
    }
}

/// Every message and hint exists in both languages: Vietnamese (NFC, with
/// Vietnamese letters, not the English text) and English. Runs on every
/// error these tests produce, so a message added in one language fails here.
fn assert_both_languages(errors: &Errors) {
    use unicode_normalization::UnicodeNormalization;
    for e in errors {
        let mut msgs = vec![&e.message];
        msgs.extend(e.hint.as_ref());
        for m in msgs {
            assert!(!m.en.trim().is_empty(), "no English text: {m:?}");
            assert!(!m.vi.trim().is_empty(), "no Vietnamese text: {m:?}");
            assert_ne!(m.vi, m.en, "not translated: {m:?}");
            assert!(!m.vi.is_ascii(), "no Vietnamese letter in {:?}", m.vi);
            assert_eq!(m.vi.nfc().collect::<String>(), m.vi, "not NFC: {:?}", m.vi);
        }
    }
}

/// Every case of the bad-input corpus (tests/bad at the workspace root)
/// gives errors with both languages.
#[test]
fn every_message_has_both_languages() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/bad");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/bad") {
        let path = entry.expect("entry").path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext != "json" && ext != "bin" {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read");
        if let Err(e) = parse_bytes(&bytes) {
            assert_both_languages(&e);
            n += 1;
        }
    }
    assert!(n >= 50, "only {n} failing cases in {}", dir.display());
}

/// The one error at `path`, asserting its message contains every needle.
fn expect(json: &str, path: &str, needles: &[&str]) -> vanban_model::Error {
    let e = errs(json);
    let found = e.iter().find(|x| x.path == path).cloned();
    let Some(found) = found else {
        panic!("no error at {path:?}; got:\n{e}");
    };
    let shown = found.en();
    assert!(
        shown.starts_with(&format!("{}: ", found.display_path())),
        "{shown}"
    );
    for n in needles {
        assert!(shown.contains(n), "{shown:?} lacks {n:?}");
    }
    found
}

#[test]
fn valid_base_parses() {
    let d = parse(&doc(r#"["x"]"#)).unwrap();
    assert_eq!(d.symbol, "BC-UBND");
    assert_eq!(d.number, Some(5));
    assert_eq!(d.archive, vec!["VT".to_string()]);
    assert_eq!(d.meta.language, "vi");
}

#[test]
fn unknown_field_has_path_line_and_column() {
    let body = r#"[
    "a",
    "b",
    "c",
    { "heading": "H", "body": [
        "d",
        { "headng": "typo" }
    ]}
  ]"#;
    let e = errs(&doc(body));
    assert_eq!(e.len(), 1);
    let first = e.first().unwrap();
    assert_eq!(first.kind, ErrorKind::Structure);
    let shown = first.en();
    assert!(shown.contains("body[3].body[1]"), "{shown}");
    assert!(shown.contains("unknown field \"headng\""), "{shown}");
    assert!(shown.contains("expected one of \"heading\""), "{shown}");
    assert_eq!(first.line, Some(14));
    assert!(first.column.is_some());
}

#[test]
fn unknown_top_level_field() {
    let e = errs(&doc_with(r#"["x"]"#, ",\n  \"recipents\": []"));
    let shown = e.en();
    assert!(shown.contains("unknown field \"recipents\""), "{shown}");
    assert!(shown.contains("\"recipients\""), "{shown}");
    assert_eq!(e.first().unwrap().line, Some(10));
}

#[test]
fn syntax_error_has_line_and_column() {
    let json = "{\n  \"type\": \"bao_cao\",\n  \"place\": \"Ba Tô\" \"x\"\n}";
    let e = errs(json);
    let first = e.first().unwrap();
    assert_eq!(first.kind, ErrorKind::Syntax);
    assert_eq!(first.line, Some(3));
    // Column counts characters: `  "place": "Ba Tô" ` is 19 characters.
    assert_eq!(first.column, Some(20));
    assert!(first.en().contains("(line 3, column 20)"), "{first}");

    let e = errs("{\"type\": \"bao_cao\",");
    assert_eq!(e.first().unwrap().kind, ErrorKind::Syntax);
    assert!(e.en().contains("ends too early"), "{e}");

    let e = errs("   ");
    assert!(e.en().contains("the input is empty"), "{e}");
    assert!(e.en().starts_with("(document): "), "{e}");

    let e = errs(&format!("{} x", doc(r#"["x"]"#)));
    assert_eq!(e.first().unwrap().kind, ErrorKind::Syntax);
    assert!(e.first().unwrap().line.is_some());

    let e = errs(&doc(r#"["x",]"#));
    assert!(e.en().contains("trailing comma"), "{e}");
}

#[test]
fn wrong_type_has_path() {
    let e = expect(
        &with_field("place", "\"Ba Tô\"", "12"),
        "place",
        &["invalid type: integer 12", "expected a string"],
    );
    assert_eq!(e.kind, ErrorKind::Structure);
    assert_eq!(e.line, Some(5));
    expect(&doc(r#"["x", 5]"#), "body[1]", &["expected a block"]);
    expect(
        &doc(r#"[{"list": [1]}]"#),
        "body[0].list[0]",
        &["a list item"],
    );
}

#[test]
fn dates() {
    let e = expect(
        &with_field("date", "\"2023-06-05\"", "\"2023-02-30\""),
        "date",
        &["date: 2023-02-30 is not a real date (February 2023 has 28 days)"],
    );
    assert_eq!(e.kind, ErrorKind::Value);
    assert_eq!((e.line, e.column), (Some(6), Some(11)));
    expect(
        &with_field("date", "\"2023-06-05\"", "\"2024-02-30\""),
        "date",
        &["February 2024 has 29 days"],
    );
    expect(
        &with_field("date", "\"2023-06-05\"", "\"2023-04-31\""),
        "date",
        &["April 2023 has 30 days"],
    );
    expect(
        &with_field("date", "\"2023-06-05\"", "\"2023-13-01\""),
        "date",
        &["there is no month 13"],
    );
    expect(
        &with_field("date", "\"2023-06-05\"", "\"2023-00\""),
        "date",
        &["there is no month 0"],
    );
    expect(
        &with_field("date", "\"2023-06-05\"", "\"2023-06-00\""),
        "date",
        &["there is no day 0"],
    );
    expect(
        &with_field("date", "\"2023-06-05\"", "\"05/06/2023\""),
        "date",
        &["not a date in a supported form", "YYYY-MM-DD"],
    );
    expect(
        &with_field("date", "\"2023-06-05\"", "\"2023-6-5\""),
        "date",
        &["YYYY-MM-DD"],
    );
    expect(
        &with_field("date", "\"2023-06-05\"", "\"0202-06-05\""),
        "date",
        &["looks mistyped"],
    );
    expect(
        &with_field("date", "\"2023-06-05\"", "5"),
        "date",
        &["invalid type"],
    );

    let d = parse(&with_field("date", "\"2023-06-05\"", "\"2023-06\"")).unwrap();
    assert_eq!(
        (d.date.year, d.date.month, d.date.day),
        (Some(2023), Some(6), None)
    );
    let d = parse(&with_field("date", "\"2023-06-05\"", "\"2023\"")).unwrap();
    assert_eq!(
        (d.date.year, d.date.month, d.date.day),
        (Some(2023), None, None)
    );
    let d = parse(&with_field("date", "\"2023-06-05\"", "null")).unwrap();
    assert_eq!(d.date, vanban_model::PartialDate::default());
    let d = parse(&with_field("date", "\"2023-06-05\"", "\"2024-02-29\"")).unwrap();
    assert_eq!(d.date.day, Some(29));
}

#[test]
fn numbers() {
    expect(
        &with_field("number", "5", "0"),
        "number",
        &["must be 1 or more (got 0)", "null"],
    );
    expect(
        &with_field("number", "5", "-3"),
        "number",
        &["must be 1 or more (got -3)"],
    );
    expect(
        &with_field("number", "5", "99999999999"),
        "number",
        &["too large"],
    );
    expect(
        &with_field("number", "5", "18446744073709551615"),
        "number",
        &["too large"],
    );
    expect(
        &with_field("number", "5", "1.5"),
        "number",
        &["expected a whole number"],
    );
    expect(
        &with_field("number", "5", "\"5\""),
        "number",
        &["expected a whole number"],
    );
    assert_eq!(
        parse(&with_field("number", "5", "null")).unwrap().number,
        None
    );
}

#[test]
fn unknown_type_lists_valid_keys() {
    let json = doc(r#"["x"]"#).replace("\"bao_cao\"", "\"bao-cao\"");
    expect(
        &json,
        "type",
        &[
            "unknown document type \"bao-cao\"",
            "did you mean \"bao_cao\"",
            "quyet_dinh",
            "cong_van",
            "thu_cong",
        ],
    );
    let json = doc(r#"["x"]"#).replace("\"bao_cao\"", "\"memo\"");
    let e = expect(
        &json,
        "type",
        &["unknown document type \"memo\"; valid types: nghi_quyet"],
    );
    assert_eq!(e.line, Some(2));
}

#[test]
fn signature_rules() {
    let sig =
        |s: &str| doc(r#"["x"]"#).replace(r#"{ "title": "CHỦ TỊCH", "name": "Phạm Văn Hiền" }"#, s);
    expect(
        &sig(r#"{ "title": "CHỦ TỊCH" }"#),
        "signature",
        &["missing field \"name\""],
    );
    expect(
        &sig(r#"{ "title": "CHỦ TỊCH", "name": "  " }"#),
        "signature.name",
        &["is empty"],
    );
    expect(
        &sig(r#"{ "name": "A" }"#),
        "signature.title",
        &["title is missing", "\"Q\""],
    );
    expect(
        &sig(r#"{ "name": "A", "title": "B", "for": {"mode": "kt.", "title": "CHỦ TỊCH"} }"#),
        "signature.for.mode",
        &["unknown signing mode \"kt.\"", "write \"KT\""],
    );
    expect(
        &sig(r#"{ "name": "A", "title": "B", "for": {"mode": "XX", "title": "CHỦ TỊCH"} }"#),
        "signature.for.mode",
        &["KT", "TL", "TUQ", "Q"],
    );
    expect(
        &sig(
            r#"{ "name": "A", "title": "B", "on_behalf_of": "UBND", "for": {"mode": "TM", "title": "X"} }"#,
        ),
        "signature.for.mode",
        &["on_behalf_of"],
    );
    expect(&sig(r#"[]"#), "signature", &["empty"]);
    expect(
        &sig(r#"[{ "title": "A", "name": "B" }, { "title": "C", "name": "D" }]"#),
        "signature",
        &["a bao_cao has one signer, but 2 are given"],
    );

    // Q: no own title needed.
    let d = parse(&sig(
        r#"{ "name": "A", "for": {"mode": "Q", "title": "CHỦ TỊCH"} }"#,
    ))
    .unwrap();
    assert_eq!(
        d.signatures[0].for_,
        Some((vanban_model::SignMode::Q, "CHỦ TỊCH".to_string()))
    );
    assert_eq!(d.signatures[0].title, None);
    // TM is mapped to on_behalf_of.
    let d = parse(&sig(r#"{ "name": "A", "title": "CHỦ TỊCH", "for": {"mode": "TM", "title": "ỦY BAN NHÂN DÂN"} }"#)).unwrap();
    assert_eq!(
        d.signatures[0].on_behalf_of.as_deref(),
        Some("ỦY BAN NHÂN DÂN")
    );
    assert_eq!(d.signatures[0].for_, None);
    // Three lines: TM + KT + own title.
    let d = parse(&sig(r#"{ "on_behalf_of": "ỦY BAN NHÂN DÂN", "for": {"mode": "KT", "title": "CHỦ TỊCH"}, "title": "PHÓ CHỦ TỊCH", "name": "A" }"#)).unwrap();
    assert_eq!(
        d.signatures[0].for_,
        Some((vanban_model::SignMode::Kt, "CHỦ TỊCH".to_string()))
    );
    // A one-element array is fine.
    assert_eq!(
        parse(&sig(r#"[{ "title": "A", "name": "B" }]"#))
            .unwrap()
            .signatures
            .len(),
        1
    );

    // biên bản: two signers.
    let bb = sig(r#"[{ "title": "THƯ KÝ", "name": "B" }, { "title": "CHỦ TỌA", "name": "D" }]"#)
        .replace("bao_cao", "bien_ban")
        .replace("  \"place\": \"Ba Tô\",\n", "");
    assert_eq!(parse(&bb).unwrap().signatures.len(), 2);
    let three = sig(r#"[{ "title": "A", "name": "B" }, { "title": "C", "name": "D" }, { "title": "E", "name": "F" }]"#).replace("bao_cao", "bien_ban");
    expect(&three, "signature", &["at most two signers"]);
    let bad_second =
        sig(r#"[{ "title": "A", "name": "B" }, { "name": "D" }]"#).replace("bao_cao", "bien_ban");
    expect(&bad_second, "signature[1].title", &["title is missing"]);
}

/// Issue 12 item 2: a biên bản has no place-and-date line (App. III Mẫu
/// 1.9), so a place given is an error rather than lost; every other type
/// still needs one.
#[test]
fn bien_ban_place_is_refused_and_others_need_one() {
    let bb = doc(r#"["x"]"#).replace("bao_cao", "bien_ban");
    expect(&bb, "place", &["Mẫu 1.9", "leave place out"]);
    assert!(parse(&bb.replace("  \"place\": \"Ba Tô\",\n", "")).is_ok());
    let no_place = doc(r#"["x"]"#).replace("  \"place\": \"Ba Tô\",\n", "");
    assert!(!no_place.contains("place"));
    expect(&no_place, "", &["missing field \"place\""]);
}

#[test]
fn empty_required_text() {
    expect(
        &with_field("title", "\"Báo cáo\"", "\"\""),
        "title",
        &["is empty"],
    );
    let json = doc(r#"["x"]"#).replace("\"name\": \"ỦY BAN NHÂN DÂN XÃ BA TÔ\"", "\"name\": \" \"");
    expect(&json, "issuer.name", &["is empty"]);
    expect(
        &with_field("place", "\"Ba Tô\"", "\"\""),
        "place",
        &["is empty"],
    );
    expect(&doc(r#"["x", ""]"#), "body[1]", &["is empty"]);
    expect(
        &doc(r#"[{"heading": ""}]"#),
        "body[0].heading",
        &["is empty"],
    );
    expect(&doc("[]"), "body", &["the body is empty"]);
}

#[test]
fn style_ranges() {
    let style = |s: &str| doc_with(r#"["x"]"#, &format!(",\n  \"style\": {s}"));
    expect(
        &style(r#"{"body_size": 12}"#),
        "style.body_size",
        &["12 pt", "13 or 14"],
    );
    expect(
        &style(r#"{"body_size": 13.5}"#),
        "style.body_size",
        &["13.5 pt"],
    );
    let m = style(r#"{"margins_mm": {"top": 19, "bottom": 26, "left": 36, "right": 14}}"#);
    expect(&m, "style.margins_mm.top", &["20–25 mm"]);
    expect(&m, "style.margins_mm.bottom", &["20–25 mm"]);
    expect(&m, "style.margins_mm.left", &["30–35 mm"]);
    expect(&m, "style.margins_mm.right", &["15–20 mm"]);
    expect(
        &style(r#"{"margins_mm": {"top": 20}}"#),
        "style.margins_mm",
        &["missing field \"bottom\""],
    );
    expect(
        &style(r#"{"indent_cm": 1.5}"#),
        "style.indent_cm",
        &["1 or 1.27 cm"],
    );
    expect(
        &style(r#"{"line_spacing": 2}"#),
        "style.line_spacing",
        &["1.0", "1.5"],
    );
    expect(
        &style(r#"{"line_spacing": 0.9}"#),
        "style.line_spacing",
        &["single"],
    );
    expect(
        &style(r#"{"line_spacing": {"exact_pt": 12}}"#),
        "style.line_spacing.exact_pt",
        &["between single and 1.5 lines"],
    );
    expect(
        &style(r#"{"body_size": 13, "line_spacing": {"exact_pt": 24}}"#),
        "style.line_spacing.exact_pt",
        &["14.9–22.4 pt"],
    );
    expect(
        &style(r#"{"line_spacing": {"exact": 18}}"#),
        "style.line_spacing.exact",
        &["unknown field \"exact\"", "\"exact_pt\""],
    );
    expect(
        &style(r#"{"line_spacing": "1.5"}"#),
        "style.line_spacing",
        &["invalid type"],
    );
    expect(
        &style(r#"{"paragraph_spacing_pt": 5}"#),
        "style.paragraph_spacing_pt",
        &["at least 6 pt"],
    );
    expect(
        &style(r#"{"paragraph_spacing_pt": 100}"#),
        "style.paragraph_spacing_pt",
        &["at most 24 pt"],
    );

    let d = parse(&style(r#"{"body_size": 14, "margins_mm": {"top": 20, "bottom": 20, "left": 30, "right": 15}, "indent_cm": 1.27, "line_spacing": 1.15, "paragraph_spacing_pt": 6}"#)).unwrap();
    assert_eq!(d.style.body_size, Some(14.0));
    assert_eq!(d.style.indent_cm, Some(1.27));
    assert_eq!(
        d.style.line_spacing,
        Some(vanban_model::LineSpacing::Multiple(1.15))
    );
    assert_eq!(d.style.margins_mm.map(|m| m.left), Some(30.0));
    let d = parse(&style(
        r#"{"body_size": 14, "line_spacing": {"exact_pt": 17}}"#,
    ))
    .unwrap();
    assert_eq!(
        d.style.line_spacing,
        Some(vanban_model::LineSpacing::ExactPt(17.0))
    );
    let d = parse(&style(r#"{"line_spacing": 1}"#)).unwrap();
    assert_eq!(
        d.style.line_spacing,
        Some(vanban_model::LineSpacing::Multiple(1.0))
    );
}

#[test]
fn control_characters() {
    let e = expect(
        &doc(r#"["a\tb"]"#),
        "body[0]",
        &["U+0009 (tab) at \"a[U+0009]b\""],
    );
    assert_eq!(e.kind, ErrorKind::Value);
    expect(&doc(r#"["a\u0000b"]"#), "body[0]", &["U+0000"]);
    expect(
        &doc(r#"["a\r\nb"]"#),
        "body[0]",
        &["U+000D (carriage return)"],
    );
    expect(&doc(r#"["a\u0085b"]"#), "body[0]", &["U+0085"]);
    expect(
        &with_field("place", "\"Ba Tô\"", "\"Ba\\nTô\""),
        "place",
        &["U+000A", "line break"],
    );
    // A newline in a paragraph is a line break.
    let d = parse(&doc(r#"["a\nb"]"#)).unwrap();
    let vanban_model::BlockKind::Paragraph(p) = &d.body[0].kind else {
        panic!()
    };
    assert_eq!(p.content[1], vanban_model::Inline::LineBreak);
    // ... and in the issuer's name.
    let json = doc(r#"["x"]"#).replace("ỦY BAN NHÂN DÂN XÃ BA TÔ", "ỦY BAN NHÂN DÂN\\nXÃ BA TÔ");
    assert_eq!(
        parse(&json).unwrap().issuer.name,
        "ỦY BAN NHÂN DÂN\nXÃ BA TÔ"
    );
}

#[test]
fn markup_errors_map_to_paths() {
    let e = expect(
        &doc(r#"["ok", {"heading": "H", "body": ["06 điểm^[5 điểm tại"]}]"#),
        "body[1].body[0]",
        &[
            "footnote \"^[\" opened at \"06 điểm^[5 điểm tại\"",
            "no closing \"]\"",
        ],
    );
    assert_eq!(e.kind, ErrorKind::Markup);
    expect(
        &doc(r#"["a **b"]"#),
        "body[0]",
        &["\"**\" (bold) opened at \"a **b\""],
    );
    expect(
        &doc(r#"[{"heading": "*Mô hình"}]"#),
        "body[0].heading",
        &["\"*\" (italic) opened at \"*Mô hình\""],
    );
    expect(
        &doc(r#"[{"table": {"rows": [["a^[b"]]}}]"#),
        "body[0].table.rows[0][0]",
        &["no closing"],
    );
    expect(
        &doc(r#"[{"list": ["a", "b *c"]}]"#),
        "body[0].list[1]",
        &["italic"],
    );
    let json = doc_with(r#"["x"]"#, ",\n  \"bases\": [\"ok\", \"5*3\"]");
    expect(&json, "bases[1]", &["italic", "\\*"]);
    // 5 * 3 with spaces is literal.
    assert!(parse(&doc(r#"["5 * 3 = 15"]"#)).is_ok());
}

#[test]
fn tables() {
    expect(
        &doc(r#"[{"table": {"rows": []}}]"#),
        "body[0].table.rows",
        &["no rows"],
    );
    expect(
        &doc(r#"[{"table": {"rows": [["a", "b"], []]}}]"#),
        "body[0].table.rows[1]",
        &["the row is empty"],
    );
    expect(
        &doc(
            r#"[{"table": {"columns": [{"title": "A"}, {"title": "B"}], "rows": [["a", "b"], ["c"], ["d", "e", "f"]]}}]"#,
        ),
        "body[0].table.rows[1]",
        &["this row has 1 cell but the table has 2 columns"],
    );
    expect(
        &doc(
            r#"[{"table": {"columns": [{"title": "A"}, {"title": "B"}], "rows": [["a", "b"], ["d", "e", "f"]]}}]"#,
        ),
        "body[0].table.rows[1]",
        &["3 cells"],
    );
    expect(
        &doc(r#"[{"table": {"columns": [{"width": 0}], "rows": [["a"]]}}]"#),
        "body[0].table.columns[0].width",
        &["relative width"],
    );
    expect(
        &doc(r#"[{"table": {"rows": [["a"]], "header_rows": 2}}]"#),
        "body[0].table.header_rows",
        &["too large"],
    );
    expect(
        &doc(r#"[{"table": {"rows": [["a", 2]]}}]"#),
        "body[0].table.rows[0][1]",
        &["invalid type"],
    );
    let d = parse(&doc(r#"[{"table": {"columns": [{"title": "TT", "width": 1, "align": "center"}, {"title": "**Nội dung**", "width": 4}], "rows": [["1", "a"], ["2", ""]], "header_rows": 0}}]"#)).unwrap();
    let vanban_model::BlockKind::Table(t) = &d.body[0].kind else {
        panic!()
    };
    assert_eq!(t.columns.len(), 2);
    assert_eq!(t.columns[0].align, vanban_model::Align::Center);
    assert_eq!(t.columns[1].align, vanban_model::Align::Left);
    assert_eq!(t.rows[1][1], vec![]);
}

#[test]
fn block_shape_errors() {
    expect(
        &doc(r#"[{"heading": "a", "list": ["b"]}]"#),
        "body[0]",
        &["\"heading\" and \"list\"", "exactly one"],
    );
    expect(
        &doc(r#"[{"body": ["b"]}]"#),
        "body[0]",
        &["none of the keys"],
    );
    expect(
        &doc(r#"[{"paragraph": "a", "marker": "-"}]"#),
        "body[0].marker",
        &["does not apply to a paragraph block", "list"],
    );
    expect(
        &doc(r#"[{"page_break": false}]"#),
        "body[0].page_break",
        &["must be true"],
    );
    expect(
        &doc(r#"[{"chapter": "Quy định chung"}]"#),
        "body[0]",
        &["a chapter needs a \"body\""],
    );
    expect(
        &doc(r#"[{"heading": "a", "body": []}]"#),
        "body[0].body",
        &["the body is empty"],
    );
    expect(
        &doc(r#"[{"list": []}]"#),
        "body[0].list",
        &["the list is empty"],
    );
    expect(
        &doc(r#"[{"list": [[]]}]"#),
        "body[0].list[0]",
        &["the list item is empty"],
    );
    expect(
        &doc(r#"[{"heading": "a", "number": "2", "numbered": false}]"#),
        "body[0].number",
        &["numbered"],
    );
    expect(
        &doc(r#"[{"paragraph": "a", "align": "centre"}]"#),
        "body[0].align",
        &[
            "unknown value \"centre\" (did you mean \"center\"?)",
            "\"center\"",
        ],
    );
}

#[test]
fn collects_all_semantic_errors() {
    let json = doc_with(
        r#"["a *b", {"heading": ""}, {"table": {"rows": [["a"], ["b", "c"]]}}]"#,
        ",\n  \"style\": {\"body_size\": 15}",
    )
    .replace("\"2023-06-05\"", "\"2023-02-30\"")
    .replace("\"number\": 5", "\"number\": 0");
    let e = errs(&json);
    let paths: Vec<&str> = e.iter().map(|x| x.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "number",
            "date",
            "body[0]",
            "body[1].heading",
            "body[2].table.rows[1]",
            "style.body_size"
        ]
    );
    assert!(
        e.iter().all(|x| x.line.is_some() && x.column.is_some()),
        "{e}"
    );
    assert_eq!(e.en().lines().count(), 6);
}

#[test]
fn symbols() {
    assert_eq!(parse(&doc(r#"["x"]"#)).unwrap().symbol, "BC-UBND");
    let qd = doc(r#"["x"]"#).replace("bao_cao", "quyet_dinh");
    assert_eq!(parse(&qd).unwrap().symbol, "QĐ-UBND");
    let cv = doc(r#"["x"]"#).replace("bao_cao", "cong_van");
    assert_eq!(parse(&cv).unwrap().symbol, "UBND");
    let cv_unit = cv.replace("\"abbr\": \"UBND\"", "\"abbr\": \"UBND\", \"unit\": \"VP\"");
    assert_eq!(parse(&cv_unit).unwrap().symbol, "UBND-VP");
    let over = doc_with(r#"["x"]"#, ",\n  \"symbol\": \"KH-BCĐ\"");
    assert_eq!(parse(&over).unwrap().symbol, "KH-BCĐ");
    let bad = doc_with(r#"["x"]"#, ",\n  \"symbol\": \"BC - UBND\"");
    expect(&bad, "symbol", &["contains a space at \"BC - UBND\""]);
    let bad = doc_with(r#"["x"]"#, ",\n  \"symbol\": \"BC_UBND\"");
    expect(&bad, "symbol", &["\"_\""]);
    let bad_abbr = doc(r#"["x"]"#).replace("\"abbr\": \"UBND\"", "\"abbr\": \"UB ND\"");
    expect(&bad_abbr, "issuer.abbr", &["a space"]);
}

#[test]
fn block_paths() {
    let body = r#"[
      "p0",
      {"heading": "h1", "body": ["p", {"heading": "h1.1"}]},
      {"list": ["a", ["b", {"paragraph": "c"}]]},
      {"part": "Phần", "number": "II", "body": [{"chapter": "Ch", "body": [{"section": "S", "body": ["x"]}]}]},
      {"page_break": true}
    ]"#;
    let json = doc_with(
        body,
        ",\n  \"appendices\": [{\"title\": \"Phụ lục\", \"body\": [\"a\", \"b\", {\"table\": {\"rows\": [[\"1\"]]}}]}]",
    );
    let d = parse(&json).unwrap();
    let paths: Vec<&str> = d.body.iter().map(|b| b.path.as_str()).collect();
    assert_eq!(
        paths,
        ["body[0]", "body[1]", "body[2]", "body[3]", "body[4]"]
    );
    let vanban_model::BlockKind::Heading(h) = &d.body[1].kind else {
        panic!()
    };
    assert_eq!(h.body.as_ref().unwrap()[1].path, "body[1].body[1]");
    let vanban_model::BlockKind::Heading(inner) = &h.body.as_ref().unwrap()[1].kind else {
        panic!()
    };
    assert!(inner.body.is_none());
    assert!(inner.numbered);
    let vanban_model::BlockKind::List(l) = &d.body[2].kind else {
        panic!()
    };
    assert_eq!(l.items[0][0].path, "body[2].list[0]");
    assert_eq!(l.items[1][0].path, "body[2].list[1][0]");
    assert_eq!(l.items[1][1].path, "body[2].list[1][1]");
    assert_eq!(l.marker, vanban_model::ListMarker::Dash);
    let vanban_model::BlockKind::Division(part) = &d.body[3].kind else {
        panic!()
    };
    assert_eq!(part.kind, vanban_model::DivisionKind::Part);
    assert_eq!(part.number.as_deref(), Some("II"));
    assert_eq!(part.body[0].path, "body[3].body[0]");
    assert_eq!(d.body[4].kind, vanban_model::BlockKind::PageBreak);
    assert_eq!(d.appendices[0].body[2].path, "appendices[0].body[2]");
    assert_eq!(d.appendices[0].title.as_deref(), Some("Phụ lục"));
}

#[test]
fn heading_number_may_be_an_integer() {
    let d = parse(&doc(r#"[{"heading": "a", "number": 3}]"#)).unwrap();
    let vanban_model::BlockKind::Heading(h) = &d.body[0].kind else {
        panic!()
    };
    assert_eq!(h.number.as_deref(), Some("3"));
}

#[test]
fn numbering_and_meta() {
    let json = doc_with(
        r#"["x"]"#,
        r#",
  "numbering": ["I.", "1.", "a)", "-", "+", "Điều"],
  "meta": {"organ_id": "000.00.00.H01", "priority": 2, "keywords": ["dân vận"], "due_date": "2023-07-01", "issued_amount": 12, "description": "d"}"#,
    );
    let d = parse(&json).unwrap();
    use vanban_model::LabelKind::*;
    assert_eq!(
        d.numbering,
        Some(vec![Roman, Arabic, Letter, Dash, Plus, Article])
    );
    assert_eq!(d.meta.language, "vi");
    assert_eq!(d.meta.priority, Some(2));
    assert_eq!(d.meta.due_date.as_deref(), Some("2023-07-01"));
    assert_eq!(d.meta.issued_amount, Some(12));

    expect(
        &doc_with(r#"["x"]"#, ",\n  \"numbering\": [\"i.\"]"),
        "numbering[0]",
        &["unknown value \"i.\""],
    );
    expect(
        &doc_with(r#"["x"]"#, ",\n  \"numbering\": []"),
        "numbering",
        &["is empty"],
    );
    expect(
        &doc_with(r#"["x"]"#, ",\n  \"meta\": {\"due_date\": \"2023-06\"}"),
        "meta.due_date",
        &["YYYY-MM-DD"],
    );
    expect(
        &doc_with(r#"["x"]"#, ",\n  \"meta\": {\"due_date\": \"2023-06-31\"}"),
        "meta.due_date",
        &["June 2023 has 30 days"],
    );
    expect(
        &doc_with(r#"["x"]"#, ",\n  \"meta\": {\"priority\": 10}"),
        "meta.priority",
        &["too large"],
    );
    expect(
        &doc_with(r#"["x"]"#, ",\n  \"meta\": {\"language\": \"tiếng Việt\"}"),
        "meta.language",
        &["language tag"],
    );
    expect(
        &doc_with(r#"["x"]"#, ",\n  \"archive\": []"),
        "archive",
        &["VT"],
    );
    expect(
        &doc_with(
            r#"["x"]"#,
            ",\n  \"drafter\": {\"initials\": \"PL\", \"copies\": 0}",
        ),
        "drafter.copies",
        &["1 or more"],
    );
    expect(
        &doc_with(r#"["x"]"#, ",\n  \"urgency\": \"khẩn\""),
        "urgency",
        &["unknown value", "\"khan\""],
    );
}

#[test]
fn nfd_input_comes_out_nfc() {
    // "Ba Tô" and "Việt" written decomposed (NFD).
    let nfd_place = "Ba To\u{0302}";
    let nfd_text = "Vie\u{0323}\u{0302}t Nam";
    let json = doc(&format!("[\"{nfd_text}\"]")).replace("\"Ba Tô\"", &format!("\"{nfd_place}\""));
    let d = parse(&json).unwrap();
    assert_eq!(d.place, "Ba Tô");
    assert_eq!(d.place.chars().count(), 5);
    let vanban_model::BlockKind::Paragraph(p) = &d.body[0].kind else {
        panic!()
    };
    assert_eq!(
        p.content,
        vec![vanban_model::Inline::Text {
            text: "Việt Nam".into(),
            bold: false,
            italic: false
        }]
    );
}

#[test]
fn bom_is_stripped() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(doc(r#"["x"]"#).as_bytes());
    assert!(parse_bytes(&bytes).is_ok());
    assert!(parse(&format!("\u{FEFF}{}", doc(r#"["x"]"#))).is_ok());
}

fn encoding_error(bytes: &[u8]) -> String {
    let e = parse_bytes(bytes).unwrap_err();
    assert_eq!(e.len(), 1);
    let first = e.first().unwrap();
    assert_eq!(first.kind, ErrorKind::Encoding);
    first.en()
}

#[test]
fn non_utf8_is_detected() {
    // "Cộng hòa xã hội chủ nghĩa Việt Nam" in three legacy encodings.
    let tcvn3 = b"{\"place\": \"C\xE9ng ho\xB5 x\xB7 h\xE9i ch\xF1 ngh\xDCa Vi\xD6t Nam\"}";
    let vni = b"{\"place\": \"Co\xE4ng ho\xF8a xa\xF5 ho\xE4i chu\xFB ngh\xF3a Vie\xE4t Nam\"}";
    let cp1258 =
        b"{\"place\": \"C\xF4\xF2ng ho\xCCa xa\xDE h\xF4\xF2i chu\xD2 nghi\xDEa Vi\xEA\xF2t Nam\"}";

    let m = encoding_error(tcvn3);
    assert!(m.contains("not UTF-8 (byte 0xE9 at offset 12)"), "{m}");
    assert!(m.contains("TCVN3"), "{m}");
    assert!(m.contains("save it as UTF-8"), "{m}");
    assert!(m.contains("guess"), "{m}");
    assert!(m.contains("(line 1, column 13)"), "{m}");

    let m = encoding_error(vni);
    assert!(m.contains("byte 0xE4 at offset 13"), "{m}");
    assert!(m.contains("VNI"), "{m}");

    let m = encoding_error(cp1258);
    assert!(m.contains("byte 0xF4 at offset 12"), "{m}");
    assert!(m.contains("Windows-1258"), "{m}");

    let m = encoding_error(b"\xFF\xFE{\x00}\x00");
    assert!(m.contains("UTF-16"), "{m}");

    // Line and column of the first bad byte.
    let m = encoding_error(b"{\n  \"a\": \"\xB5\"}");
    assert!(m.contains("(line 2, column 9)"), "{m}");
}

#[test]
fn input_size_limit() {
    let big = " ".repeat(MAX_INPUT_BYTES + 1);
    let e = parse(&big).unwrap_err();
    assert_eq!(e.first().unwrap().kind, ErrorKind::Limit);
    assert!(e.en().contains("16 MiB"), "{e}");
    let e = parse_bytes(big.as_bytes()).unwrap_err();
    assert_eq!(e.first().unwrap().kind, ErrorKind::Limit);
}

#[test]
fn block_count_limit() {
    let body = format!("[{}]", vec!["\"x\""; MAX_BLOCKS + 1].join(","));
    let e = errs(&doc(&body));
    let limit: Vec<_> = e.iter().filter(|x| x.kind == ErrorKind::Limit).collect();
    assert_eq!(limit.len(), 1, "{e}");
    assert_eq!(limit[0].path, format!("body[{MAX_BLOCKS}]"));
    assert!(limit[0].message.en.contains("too many blocks"));
    // Exactly the limit is fine.
    let body = format!("[{}]", vec!["\"x\""; MAX_BLOCKS].join(","));
    assert!(parse(&doc(&body)).is_ok());
}

#[test]
fn footnote_count_limit() {
    let para = "a^[n]".repeat(MAX_FOOTNOTES + 1);
    let e = errs(&doc(&format!("[\"{para}\"]")));
    assert!(e.en().contains("too many footnotes"), "{e}");
    let para = "a^[n]".repeat(MAX_FOOTNOTES);
    assert!(parse(&doc(&format!("[\"{para}\"]"))).is_ok());
}

fn nested_headings(levels: usize) -> String {
    let mut s = String::new();
    for _ in 0..levels {
        s.push_str("[{\"heading\": \"h\", \"body\": ");
    }
    s.push_str("[\"x\"]");
    for _ in 0..levels {
        s.push_str("}]");
    }
    s
}

#[test]
fn block_depth_limit() {
    // MAX_DEPTH blocks deep is fine (the innermost paragraph is the last level).
    assert!(parse(&doc(&nested_headings(MAX_DEPTH - 1))).is_ok());
    let e = errs(&doc(&nested_headings(MAX_DEPTH)));
    assert_eq!(e.len(), 1, "{e}");
    let first = e.first().unwrap();
    assert_eq!(first.kind, ErrorKind::Limit);
    assert!(
        first.message.en.contains("nested more than 32 deep"),
        "{first}"
    );
    assert_eq!(
        first.path,
        format!("body[0]{}", ".body[0]".repeat(MAX_DEPTH))
    );
    assert!(first.line.is_some());
}

fn deep_arrays(depth: usize) -> String {
    doc(&format!("{}\"x\"{}", "[".repeat(depth), "]".repeat(depth)))
}

#[test]
fn deep_json_300_gives_a_clean_error() {
    let e = errs(&deep_arrays(300));
    assert_eq!(e.len(), 1);
    let first = e.first().unwrap();
    assert_eq!(first.kind, ErrorKind::Limit);
    assert!(first.message.en.contains("nested too deeply"), "{first}");
    assert!(first.path.starts_with("body[0][0]"), "{first}");
    assert_eq!(first.line, Some(8));
}

#[test]
fn deep_json_in_small_stack() {
    // 10,000 and 100,000 levels, in a thread with a 256 KiB stack: no overflow.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let mut messages = Vec::new();
            for depth in [10_000usize, 100_000] {
                for json in [
                    deep_arrays(depth),
                    "{\"a\":".repeat(depth),
                    "[".repeat(depth),
                ] {
                    match parse(&json) {
                        Ok(_) => messages.push("unexpected success".to_string()),
                        Err(e) => messages.push(e.en()),
                    }
                }
            }
            messages
        })
        .unwrap();
    let messages = handle.join().unwrap();
    assert_eq!(messages.len(), 6);
    for m in messages {
        assert!(m.contains("nested too deeply"), "{m}");
    }
}

#[test]
fn deep_but_allowed_json_in_small_stack() {
    // Just under the JSON limit, through lists (3 JSON levels per block):
    // serde recurses ~118 levels, validation stops at MAX_DEPTH. 1 MiB stack.
    let mut s = String::new();
    let levels = 38;
    for _ in 0..levels {
        s.push_str("[{\"list\": [");
    }
    s.push_str("[\"x\"]");
    for _ in 0..levels {
        s.push_str("]}]");
    }
    let json = doc(&s);
    let handle = std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || parse(&json).map(|_| ()).map_err(|e| e.en()))
        .unwrap();
    let r = handle.join().unwrap();
    let m = r.unwrap_err();
    assert!(m.contains("nested more than 32 deep"), "{m}");
}

#[test]
fn root_path_is_shown_as_document() {
    let e = errs("[1, 2]");
    assert!(
        e.en()
            .starts_with("(document): invalid type: sequence, expected a JSON object"),
        "{e}"
    );
    let e = errs(&doc(r#"["x"]"#).replace(
        r#"{ "name": "ỦY BAN NHÂN DÂN XÃ BA TÔ", "abbr": "UBND" }"#,
        r#"["A", "B"]"#,
    ));
    assert!(
        e.en()
            .starts_with("issuer: invalid type: sequence, expected an issuer object"),
        "{e}"
    );
    let e = errs("{}");
    assert!(
        e.en().starts_with("(document): missing field \"type\""),
        "{e}"
    );
}

/// The hint of the single syntax error in `json`, in both languages.
fn hint_of(json: &str) -> (String, String) {
    let e = errs(json);
    let first = e.first().expect("an error");
    assert_eq!(first.kind, ErrorKind::Syntax, "{}", first.en());
    let h = first
        .hint
        .as_ref()
        .unwrap_or_else(|| panic!("no hint: {}", first.en()));
    assert!(
        first.source_line.is_some(),
        "no source line: {}",
        first.en()
    );
    (h.vi.clone(), h.en.clone())
}

/// The JSON mistakes people make by hand each get a hint saying exactly
/// what to type, in Vietnamese and English, and the line with a caret.
#[test]
fn json_mistakes_say_what_to_type() {
    let base = doc(r#"["Báo cáo như sau."]"#);
    // Curly quotes used as JSON quotes.
    let (vi, en) = hint_of(&base.replace(r#""place": "Ba Tô""#, "“place”: “Ba Tô”"));
    assert!(
        vi.contains("gõ dấu ngoặc kép thẳng \"") && en.contains("type straight double quotes \""),
        "{vi} / {en}"
    );
    // A raw line break inside a string.
    let (vi, en) = hint_of(&base.replace("Báo cáo như sau.", "Báo cáo\nnhư sau."));
    assert!(
        vi.contains("gõ \\n") && en.contains("type \\n"),
        "{vi} / {en}"
    );
    // A straight quote inside text.
    let (vi, en) = hint_of(&base.replace("Báo cáo như sau.", "về \"Tăng cường\" như sau."));
    assert!(
        vi.contains("gõ \\\"") && en.contains("type \\\""),
        "{vi} / {en}"
    );
    // `\*` typed for a literal star.
    let (vi, en) = hint_of(&base.replace("như sau.", "như sau \\* ghi chú."));
    assert!(
        vi.contains("gõ \\\\*") && en.contains("type \\\\*"),
        "{vi} / {en}"
    );
    // A missing comma.
    let (vi, en) = hint_of(&base.replace(r#""place": "Ba Tô","#, r#""place": "Ba Tô""#));
    assert!(
        vi.contains("gõ dấu \",\" vào cuối dòng 5")
            && en.contains("type \",\" at the end of line 5"),
        "{vi} / {en}"
    );
    // The caret sits under the column.
    let e = errs(&base.replace(r#""place": "Ba Tô""#, "“place”: “Ba Tô”"));
    let shown = e.render(Lang::Vi);
    assert!(shown.contains("5 |   “place”: “Ba Tô”,\n"), "{shown}");
    assert!(shown.ends_with("\n        ^"), "{shown:?}");
}

/// A misspelt field or value gets a "did you mean" in every kind of object.
#[test]
fn did_you_mean_in_every_object() {
    let cases = [
        (
            doc(r#"["x"]"#).replace("\"title\":", "\"titel\":"),
            "titel",
            "title",
        ),
        (
            doc(r#"["x"]"#).replace("\"abbr\":", "\"abrv\":"),
            "issuer.abrv",
            "abbr",
        ),
        (
            doc(r#"["x"]"#).replace("\"name\": \"Phạm", "\"nam\": \"Phạm"),
            "signature.nam",
            "name",
        ),
        (
            doc(r#"[{"heading": "A", "bdy": ["x"]}]"#),
            "body[0].bdy",
            "body",
        ),
        (
            doc(r#"[{"table": {"columns": [{"title": "A", "widht": 2}], "rows": [["a"]]}}]"#),
            "body[0].table.columns[0].widht",
            "width",
        ),
        (
            doc_with(
                r#"["x"]"#,
                r#", "appendices": [{"titel": "A", "body": ["x"]}]"#,
            ),
            "appendices[0].titel",
            "title",
        ),
        (
            doc_with(
                r#"["x"]"#,
                r#", "style": {"margins_mm": {"topp": 20, "bottom": 20, "left": 30, "right": 15}}"#,
            ),
            "style.margins_mm.topp",
            "top",
        ),
        (
            doc_with(r#"["x"]"#, r#", "urgency": "hoatoc""#),
            "urgency",
            "hoa_toc",
        ),
        (
            doc(r#"[{"paragraph": "x", "align": "centre"}]"#),
            "body[0].align",
            "center",
        ),
    ];
    for (json, path, want) in cases {
        let e = errs(&json);
        let first = e.first().expect("error");
        assert_eq!(first.path, path, "{}", first.en());
        let m = &first.message;
        assert!(
            m.en.contains(&format!("(did you mean \"{want}\"?)")),
            "{}",
            m.en
        );
        assert!(
            m.vi.contains(&format!("(có phải ý bạn là \"{want}\"?)")),
            "{}",
            m.vi
        );
    }
}

/// Every message that lists the block kinds lists all eight, in both
/// languages (the list comes from the one table of block kinds).
#[test]
fn block_kind_lists_in_messages() {
    let keys = "heading, part, chapter, section, list, table, paragraph, page_break";
    // serde: a block that is neither a string nor an object.
    let e = errs(&doc("[42]"));
    assert!(e.render(Lang::En).contains(keys), "{}", e.render(Lang::En));
    let vi = e.render(Lang::Vi);
    assert!(
        vi.contains(&format!("một đối tượng có một trong các khóa {keys}")),
        "{vi}"
    );
    // validation: an object with no kind key.
    let e = errs(&doc(r#"[{"body": ["b"]}]"#));
    assert!(e.render(Lang::En).contains(keys), "{}", e.render(Lang::En));
    assert!(e.render(Lang::Vi).contains(keys), "{}", e.render(Lang::Vi));
    // An option's owners are the kinds that declare it.
    let e = errs(&doc(r#"[{"list": ["a"], "number": "2"}]"#));
    assert!(
        e.render(Lang::En)
            .contains("(it is used with heading, part, chapter and section)"),
        "{}",
        e.render(Lang::En)
    );
    assert!(
        e.render(Lang::Vi)
            .contains("(chỉ dùng với heading, part, chapter và section)"),
        "{}",
        e.render(Lang::Vi)
    );
}

#[test]
fn merged_cells() {
    // Two-level header: "Chiều dài (km)" over "Tổng | Đã cứng hóa".
    let ok = r#"[{"table": {"columns": [{"width": 1}, {"width": 4}, {"width": 2}, {"width": 2}], "header_rows": 2, "rows": [
        [{"text": "TT", "rowspan": 2}, {"text": "Tuyến", "rowspan": 2}, {"text": "Chiều dài (km)", "colspan": 2}],
        ["Tổng", "Đã cứng hóa"],
        ["1", "ĐH.01", "12,5", "10,0"]]}}]"#;
    let d = parse(&doc(ok)).unwrap();
    let vanban_model::BlockKind::Table(t) = &d.body[0].kind else {
        panic!()
    };
    assert_eq!(t.rows.len(), 3);
    assert!(t.rows.iter().all(|r| r.len() == 4));
    assert!(
        matches!(&t.rows[1][2][..], [vanban_model::Inline::Text { text, .. }] if text == "Tổng")
    );
    assert_eq!(t.rows[1][0], vec![]);
    assert_eq!(
        t.merges,
        vec![
            vanban_model::Merge {
                row: 0,
                col: 0,
                rows: 2,
                cols: 1
            },
            vanban_model::Merge {
                row: 0,
                col: 1,
                rows: 2,
                cols: 1
            },
            vanban_model::Merge {
                row: 0,
                col: 2,
                rows: 1,
                cols: 2
            },
        ]
    );
    // A column span that overruns the table.
    expect(
        &doc(r#"[{"table": {"columns": [{}, {}], "rows": [["a", {"text": "b", "colspan": 2}]]}}]"#),
        "body[0].table.rows[0][1].colspan",
        &[
            "starts in column 2 and spans 2 columns",
            "reduce colspan to 1",
        ],
    );
    // A row span that overruns the table.
    expect(
        &doc(
            r#"[{"table": {"columns": [{}, {}], "rows": [["a", {"text": "b", "rowspan": 3}], ["c"]]}}]"#,
        ),
        "body[0].table.rows[0][1].rowspan",
        &["spans 3 rows, beyond the table's 2", "reduce rowspan to 2"],
    );
    // A column span overlapping a cell from the row above.
    expect(
        &doc(
            r#"[{"table": {"columns": [{}, {}, {}], "rows": [["a", {"text": "b", "rowspan": 2}, "c"], [{"text": "d", "colspan": 2}, "e"]]}}]"#,
        ),
        "body[0].table.rows[1][0].colspan",
        &["overlaps column 2"],
    );
    // Too many cells once the span from above is counted.
    expect(
        &doc(
            r#"[{"table": {"columns": [{}, {}], "rows": [[{"text": "a", "rowspan": 2}, "b"], ["c", "d"]]}}]"#,
        ),
        "body[0].table.rows[1][1]",
        &["too many cells", "1 of them covered"],
    );
    // Too few.
    expect(
        &doc(r#"[{"table": {"columns": [{}, {}, {}], "rows": [[{"text": "a", "colspan": 2}]]}}]"#),
        "body[0].table.rows[0]",
        &["covers 2 of the table's 3 columns"],
    );
    // A header cell reaching into the body.
    expect(
        &doc(
            r#"[{"table": {"columns": [{}, {}], "header_rows": 1, "rows": [[{"text": "a", "rowspan": 2}, "b"], ["c"]]}}]"#,
        ),
        "body[0].table.rows[0][0].rowspan",
        &["from a header row into the body"],
    );
    expect(
        &doc(r#"[{"table": {"columns": [{}], "rows": [[{"text": "a", "colspan": 0}]]}}]"#),
        "body[0].table.rows[0][0].colspan",
        &["must be 1 or more"],
    );
    expect(
        &doc(r#"[{"table": {"columns": [{}], "rows": [[{"text": "a", "span": 2}]]}}]"#),
        "body[0].table.rows[0][0].span",
        &["\"text\", \"colspan\", \"rowspan\""],
    );
}
