use vanban_layout::fonts::{FontId, FontSet, Shaper};
#[test]
fn measure() {
    let f = FontSet::bundled();
    let mut s = Shaper::new(f);
    let mm = |pt: f32| pt * 25.4 / 72.0;
    for (id, size, t) in [
        (FontId::Bold, 13.0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (FontId::Bold, 14.0, "Độc lập - Tự do - Hạnh phúc"),
        (FontId::Bold, 13.0, "ỦY BAN NHÂN DÂN XÃ BA TÔ"),
        (FontId::Regular, 13.0, "ỦY BAN NHÂN DÂN HUYỆN BA TƠ"),
        (FontId::Bold, 13.0, "ỦY BAN NHÂN DÂN XÃ TAM THÀNH"),
        (FontId::Regular, 13.0, "ỦY BAN NHÂN DÂN HUYỆN PHÚ NINH"),
        (FontId::Bold, 13.0, "ỦY BAN NHÂN DÂN"),
        (FontId::Bold, 13.0, "HUYỆN NGHĨA HÀNH"),
        (FontId::Regular, 13.0, "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"),
        (FontId::Bold, 13.0, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"),
        (FontId::Regular, 13.0, "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH"),
        (FontId::Bold, 13.0, "ỦY BAN NHÂN DÂN XÃ AN HIỆP"),
        (FontId::Bold, 13.0, "ỦY BAN NHÂN DÂN HUYỆN MỘ ĐỨC"),
        (FontId::Regular, 13.0, "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"),
        (FontId::Bold, 13.0, "ỦY BAN NHÂN DÂN HUYỆN KRÔNG NĂNG"),
        (FontId::Regular, 13.0, "ỦY BAN NHÂN DÂN HUYỆN HƯƠNG KHÊ"),
        (FontId::Bold, 13.0, "ỦY BAN NHÂN DÂN XÃ HƯƠNG LIÊN"),
        (FontId::Regular, 13.0, "Số: 245/TB-UBND"),
        (FontId::Italic, 14.0, "Krông Năng, ngày 13 tháng 9 năm 2024"),
        (FontId::Italic, 14.0, "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019"),
        (FontId::Italic, 14.0, "Quảng Ngãi, ngày 08 tháng 3 năm 2024"),
        (FontId::Regular, 13.0, "V/v đẩy mạnh cung cấp dịch vụ công trực tuyến và thanh toán trực tuyến trong giải quyết thủ tục hành chính"),
        (FontId::Bold, 14.0, "Kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm và nhiệm vụ trọng tâm 6 tháng cuối năm 2023"),
    ] {
        let w = s.width(id, size, t);
        println!("{:7.2} pt {:6.1} mm  {t}", w, mm(w));
    }
    println!("asc {} desc {}", f.ascender(FontId::Regular), f.descender(FontId::Regular));
}
