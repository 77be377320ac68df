//! Starter documents: for each of the 29 document types a JSON file in the
//! shape of the decree's model form (Decree 30 Appendix III), with
//! realistic Vietnamese content, the number left blank (null) for the
//! clerk, and `$schema` so an editor offers completion. `vanban new TYPE`
//! writes one; the web editor serves them. The files live in `starters/`
//! and are compiled in.

use vanban_model::DocType;

/// The starter JSON of `doc_type` (UTF-8, NFC, ends with a line feed).
pub fn starter(doc_type: DocType) -> &'static str {
    match doc_type {
        DocType::NghiQuyet => include_str!("../starters/nghi_quyet.json"),
        DocType::QuyetDinh => include_str!("../starters/quyet_dinh.json"),
        DocType::ChiThi => include_str!("../starters/chi_thi.json"),
        DocType::QuyChe => include_str!("../starters/quy_che.json"),
        DocType::QuyDinh => include_str!("../starters/quy_dinh.json"),
        DocType::ThongCao => include_str!("../starters/thong_cao.json"),
        DocType::ThongBao => include_str!("../starters/thong_bao.json"),
        DocType::HuongDan => include_str!("../starters/huong_dan.json"),
        DocType::ChuongTrinh => include_str!("../starters/chuong_trinh.json"),
        DocType::KeHoach => include_str!("../starters/ke_hoach.json"),
        DocType::PhuongAn => include_str!("../starters/phuong_an.json"),
        DocType::DeAn => include_str!("../starters/de_an.json"),
        DocType::DuAn => include_str!("../starters/du_an.json"),
        DocType::BaoCao => include_str!("../starters/bao_cao.json"),
        DocType::BienBan => include_str!("../starters/bien_ban.json"),
        DocType::ToTrinh => include_str!("../starters/to_trinh.json"),
        DocType::HopDong => include_str!("../starters/hop_dong.json"),
        DocType::CongDien => include_str!("../starters/cong_dien.json"),
        DocType::BanGhiNho => include_str!("../starters/ban_ghi_nho.json"),
        DocType::BanThoaThuan => include_str!("../starters/ban_thoa_thuan.json"),
        DocType::GiayUyQuyen => include_str!("../starters/giay_uy_quyen.json"),
        DocType::GiayMoi => include_str!("../starters/giay_moi.json"),
        DocType::GiayGioiThieu => include_str!("../starters/giay_gioi_thieu.json"),
        DocType::GiayNghiPhep => include_str!("../starters/giay_nghi_phep.json"),
        DocType::PhieuGui => include_str!("../starters/phieu_gui.json"),
        DocType::PhieuChuyen => include_str!("../starters/phieu_chuyen.json"),
        DocType::PhieuBao => include_str!("../starters/phieu_bao.json"),
        DocType::CongVan => include_str!("../starters/cong_van.json"),
        DocType::ThuCong => include_str!("../starters/thu_cong.json"),
    }
}
