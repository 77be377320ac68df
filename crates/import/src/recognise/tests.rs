//! Tests of the recogniser.

use super::*;

#[test]
fn labels() {
    assert_eq!(label_of("I. Đánh giá").map(|l| l.0), Some(LabelKind::Roman));
    assert_eq!(
        label_of("1. Mục đích").map(|l| (l.0, l.2)),
        Some((LabelKind::Arabic, 3))
    );
    assert_eq!(
        label_of("1.2. Yêu cầu").map(|l| l.0),
        Some(LabelKind::Arabic2)
    );
    assert_eq!(label_of("đ) Điểm").map(|l| l.0), Some(LabelKind::Letter));
    assert_eq!(
        label_of("Điều 3. Hiệu lực").map(|l| (l.0, l.1)),
        Some((LabelKind::Article, "3".to_string()))
    );
    assert_eq!(label_of("Chương II").map(|l| l.0), Some(LabelKind::Chapter));
    assert_eq!(label_of("Mục đích, yêu cầu"), None);
    assert_eq!(label_of("- Một").map(|l| l.0), Some(LabelKind::Dash));
    assert_eq!(label_of("2023 là năm"), None);
}

#[test]
fn dates_and_archive() {
    assert_eq!(
        date_line("Ba Tô, ngày 05 tháng 6 năm 2023"),
        Some(("Ba Tô".into(), Some("2023-06-05".into())))
    );
    assert_eq!(
        date_line("Ba Tô, ngày      tháng 6 năm 2023"),
        Some(("Ba Tô".into(), Some("2023-06".into())))
    );
    assert_eq!(
        date_line("…, ngày …… tháng …… năm ……"),
        Some(("…".into(), None))
    );
    let (a, d) = parse_archive("VT, VP. NTH.(10).");
    assert_eq!(a, vec!["VT", "VP"]);
    assert_eq!(d, Some(json!({"initials": "NTH", "copies": 10})));
    assert_eq!(
        columns("ỦY BAN NHÂN DÂN\tCỘNG HÒA"),
        vec!["ỦY BAN NHÂN DÂN", "CỘNG HÒA"]
    );
    assert_eq!(
        columns("Nơi nhận:        TM. ỦY BAN"),
        vec!["Nơi nhận:", "TM. ỦY BAN"]
    );
}
