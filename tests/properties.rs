//! Property tests (issue 8): every valid model renders; every word of the
//! input comes out in the typeset text, in order; numbering labels are a
//! bijection with positions; the date and number formatters accept every
//! valid date and pad as Decree 30 says.
//!
//! Case counts are modest so the file stays fast under `cargo test`.

mod common;

use proptest::prelude::*;
use serde_json::{Value, json};
use vanban_layout::flow::{Block, Run};
use vanban_layout::pages::Item;
use vanban_model::format::{
    MAX_LETTERED_POINT, date_line, month_text, number_text, pieces_to_string, point_letter, roman,
};
use vanban_model::{Document, PartialDate};

use common::WORDS;

/// A word, maybe emphasised or followed by a footnote.
fn token() -> impl Strategy<Value = String> {
    (
        prop::sample::select(WORDS),
        0u8..10,
        prop::collection::vec(prop::sample::select(WORDS), 1..5),
    )
        .prop_map(|(w, kind, note)| match kind {
            0 => format!("*{w}*"),
            1 => format!("**{w}**"),
            2 => format!("***{w}***"),
            3 => format!("{w}^[{}.]", note.join(" ")),
            _ => w.to_string(),
        })
}

fn text(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 1..max_words).prop_map(|t| t.join(" "))
}

/// A block at heading depth `depth` (1 = top).
fn block(depth: usize) -> BoxedStrategy<Value> {
    let para = text(40).prop_map(Value::String);
    let run_in = text(12).prop_map(|t| json!({ "heading": t }));
    let list = prop::collection::vec(text(15), 1..4).prop_map(|items| json!({ "list": items }));
    if depth >= 4 {
        return prop_oneof![4 => para, 1 => run_in, 1 => list].boxed();
    }
    let titled = (text(8), prop::collection::vec(block(depth + 1), 1..3))
        .prop_map(|(t, body)| json!({ "heading": t, "body": body }));
    prop_oneof![4 => para, 1 => run_in, 1 => list, 2 => titled].boxed()
}

/// A whole valid document around a generated body.
fn document() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(&["bao_cao", "ke_hoach", "to_trinh", "thong_bao", "quyet_dinh"][..]),
        prop::collection::vec(block(1), 1..6),
    )
        .prop_map(|(ty, body)| {
            let mut doc = json!({
                "type": ty,
                "issuer": { "parent": "ỦY BAN NHÂN DÂN HUYỆN BA TƠ", "name": "ỦY BAN NHÂN DÂN XÃ BA TÔ", "abbr": "UBND" },
                "number": 3,
                "place": "Ba Tô",
                "date": "2023-06-05",
                "title": "Kết quả thực hiện công tác dân vận",
                "body": body,
                "signature": { "on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Phạm Văn Hiền" },
                "recipients": ["UBND huyện"]
            });
            if ty == "quyet_dinh" {
                doc["authority"] = json!("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BA TÔ");
                doc["bases"] = json!(["Căn cứ Luật Tổ chức chính quyền địa phương"]);
            }
            doc
        })
}

/// The typeset text of every page, in drawing order, lower case, with all
/// white space removed (runs split words at style changes and marks).
fn page_stream(doc: &Document) -> String {
    let fonts = vanban_layout::fonts::FontSet::bundled();
    let flow = vanban_layout::style::style(doc, fonts).expect("style");
    let pages = vanban_layout::paginate::paginate(&flow, fonts).expect("paginate");
    let mut s = String::new();
    for p in &pages.pages {
        for it in &p.items {
            if let Item::Text(t) = it {
                s.extend(t.text.chars().filter(|c| !c.is_whitespace()));
            }
        }
    }
    s.to_lowercase()
}

/// Checks that `words` occur in `stream` in order (each after the last).
fn in_order(stream: &str, words: &[String]) -> Result<(), String> {
    let mut at = 0;
    for w in words {
        let w = w.to_lowercase();
        match stream.get(at..).and_then(|rest| rest.find(&w)) {
            Some(i) => at += i + w.len(),
            None => return Err(format!("word {w:?} missing after byte {at}")),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Every generated valid document parses, renders to PDF and DOCX, and
    /// its words come out in order.
    #[test]
    fn valid_documents_render_with_every_word_in_order(doc in document()) {
        let json = serde_json::to_string_pretty(&doc).expect("json");
        let model = vanban_model::parse(&json)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        let out = vanban::render(
            json.as_bytes(),
            &[vanban::Format::Pdf, vanban::Format::Docx],
            &vanban::RenderOptions::default(),
        )
        .map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        prop_assert!(out.pdf.as_deref().is_some_and(|p| p.starts_with(b"%PDF-")));
        prop_assert!(out.docx.as_deref().is_some_and(|d| d.starts_with(b"PK")));

        let stream = page_stream(&model);
        let words: Vec<String> = common::body_words(&model)
            .iter()
            .flat_map(|w| w.split(common::FOOTNOTE).map(str::to_string).collect::<Vec<_>>())
            .filter(|w| !w.is_empty())
            .collect();
        prop_assert!(!words.is_empty());
        if let Err(e) = in_order(&stream, &words) {
            return Err(TestCaseError::fail(format!("{e}\n{json}")));
        }
    }

    /// Any valid date is accepted by the parser and printed as the decree
    /// says (day 01–09, months 01 and 02 padded, March to December not).
    #[test]
    fn every_valid_date_parses_and_prints(
        y in 1900i32..=2999, m in 1u32..=12, d in 1u32..=31, n in prop::option::of(1u32..100_000)
    ) {
        let valid = chrono::NaiveDate::from_ymd_opt(y, m, d).is_some();
        let json = json!({
            "type": "cong_van",
            "issuer": { "name": "ỦY BAN NHÂN DÂN XÃ BA TÔ", "abbr": "UBND" },
            "number": n,
            "place": "Ba Tô",
            "date": format!("{y:04}-{m:02}-{d:02}"),
            "title": "Về việc thử",
            "body": ["Nội dung."],
            "signature": { "title": "CHỦ TỊCH", "name": "Phạm Văn Hiền" }
        })
        .to_string();
        match vanban_model::parse(&json) {
            Ok(doc) => {
                prop_assert!(valid, "accepted {y}-{m}-{d}");
                prop_assert_eq!(doc.date, PartialDate { year: Some(y), month: Some(m), day: Some(d) });
                let line = pieces_to_string(&date_line("Ba Tô", &doc.date));
                let month = if m <= 2 { format!("{m:02}") } else { m.to_string() };
                prop_assert_eq!(line, format!("Ba Tô, ngày {d:02} tháng {month} năm {y}"));
                prop_assert_eq!(doc.number, n);
            }
            Err(e) => {
                prop_assert!(!valid, "refused {y}-{m}-{d}: {e}");
                prop_assert!(e.render(vanban_model::lang::Lang::En).contains("is not a real date"), "{e}");
            }
        }
    }

    /// Numbers print with two digits at least, the value unchanged.
    #[test]
    fn number_text_pads_to_two_digits(n in 0u32..=u32::MAX) {
        let s = number_text(n);
        prop_assert!(s.len() >= 2);
        prop_assert_eq!(s.parse::<u32>().ok(), Some(n));
        prop_assert_eq!(s.len() == 2 && s.starts_with('0'), n < 10);
    }
}

/// Every day from 1900 to 2100: the date line never panics and pads the
/// day always and the month only in January and February.
#[test]
fn date_line_for_every_day_1900_2100() {
    let mut day = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).expect("start");
    let end = chrono::NaiveDate::from_ymd_opt(2100, 12, 31).expect("end");
    let mut count = 0;
    while day <= end {
        use chrono::Datelike;
        let date = PartialDate {
            year: Some(day.year()),
            month: Some(day.month()),
            day: Some(day.day()),
        };
        let s = pieces_to_string(&date_line("Hà Nội", &date));
        let want = format!(
            "Hà Nội, ngày {:02} tháng {} năm {}",
            day.day(),
            month_text(day.month()),
            day.year()
        );
        assert_eq!(s, want);
        assert_eq!(
            month_text(day.month()).len(),
            if day.month() <= 9 {
                if day.month() <= 2 { 2 } else { 1 }
            } else {
                2
            }
        );
        count += 1;
        day = day.succ_opt().expect("next day");
    }
    assert_eq!(count, 73_414);
}

/// Point letters and Roman numerals are injective where they are letters.
#[test]
fn point_letters_and_roman_numerals_are_injective() {
    let letters: Vec<String> = (1..=MAX_LETTERED_POINT).map(point_letter).collect();
    let set: std::collections::HashSet<&String> = letters.iter().collect();
    assert_eq!(set.len(), letters.len());
    for l in &letters {
        assert!(!l.contains(['f', 'j', 'w', 'z']), "{l}");
    }
    let romans: Vec<String> = (1..=3999).map(roman).collect();
    let set: std::collections::HashSet<&String> = romans.iter().collect();
    assert_eq!(set.len(), romans.len());
}

/// The labels the style gives to `n` sibling headings at a depth.
fn sibling_labels(ty: &str, depth: usize, n: usize) -> Vec<String> {
    let siblings: Vec<Value> = (1..=n)
        .map(|k| json!({ "heading": format!("Nội dung số {k}") }))
        .collect();
    let mut body = Value::Array(siblings);
    let mut path = String::from("body");
    for _ in 1..depth {
        body = json!([{ "heading": "Mục", "body": body }]);
        path.push_str("[0].body");
    }
    let json = json!({
        "type": ty,
        "issuer": { "name": "ỦY BAN NHÂN DÂN XÃ BA TÔ", "abbr": "UBND" },
        "number": null,
        "place": "Ba Tô",
        "date": "2023-06",
        "title": "Thử đánh số",
        "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BA TÔ",
        "body": body,
        "signature": { "title": "CHỦ TỊCH", "name": "Phạm Văn Hiền" }
    })
    .to_string();
    let doc = vanban_model::parse(&json).expect("valid");
    let flow =
        vanban_layout::style::style(&doc, vanban_layout::fonts::FontSet::bundled()).expect("style");
    let mut labels = Vec::new();
    for k in 1..=n {
        let want_path = format!("{path}[{}]", k - 1);
        let para = flow.sections[0]
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Para(p) if p.path == want_path => Some(p),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no paragraph at {want_path}"));
        let text: String = para
            .runs
            .iter()
            .filter_map(|r| match r {
                Run::Text(t) => Some(t.text.as_str()),
                _ => None,
            })
            .collect();
        let suffix = format!("Nội dung số {k}");
        let label = text
            .strip_suffix(&suffix)
            .or_else(|| text.strip_suffix(&suffix.to_uppercase()))
            .unwrap_or_else(|| panic!("{text:?} does not end with {suffix:?}"));
        labels.push(label.trim().to_string());
    }
    labels
}

/// N siblings get N distinct labels, in the scheme's order: I. II. …, 1. 2. …,
/// a) b) … đ) …, Điều 1. Điều 2. ….
#[test]
fn sibling_labels_are_a_bijection_with_positions() {
    let n = 60;
    let report = [
        (
            1,
            (1..=n)
                .map(|k| format!("{}.", roman(k)))
                .collect::<Vec<_>>(),
        ),
        (2, (1..=n).map(|k| format!("{k}.")).collect()),
        (
            3,
            (1..=n).map(|k| format!("{})", point_letter(k))).collect(),
        ),
    ];
    for (depth, want) in report {
        let got = sibling_labels("bao_cao", depth, n as usize);
        assert_eq!(got, want, "report numbering, depth {depth}");
        let set: std::collections::HashSet<&String> = got.iter().collect();
        assert_eq!(set.len(), got.len());
    }
    let legal = sibling_labels("quyet_dinh", 1, n as usize);
    let want: Vec<String> = (1..=n).map(|k| format!("Điều {k}.")).collect();
    assert_eq!(legal, want, "legal numbering, articles");
}
