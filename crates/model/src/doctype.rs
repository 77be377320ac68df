//! The document types of Decree 30 Art. 7 and the abbreviations of its Appendix III §I.

use serde::{Deserialize, Serialize};

/// A document type (Decree 30 Art. 7); the JSON key is the snake-case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    /// nghi_quyet: NGHỊ QUYẾT, symbol NQ.
    NghiQuyet,
    /// quyet_dinh: QUYẾT ĐỊNH, symbol QĐ.
    QuyetDinh,
    /// chi_thi: CHỈ THỊ, symbol CT.
    ChiThi,
    /// quy_che: QUY CHẾ, symbol QC.
    QuyChe,
    /// quy_dinh: QUY ĐỊNH, symbol QyĐ.
    QuyDinh,
    /// thong_cao: THÔNG CÁO, symbol TC.
    ThongCao,
    /// thong_bao: THÔNG BÁO, symbol TB.
    ThongBao,
    /// huong_dan: HƯỚNG DẪN, symbol HD.
    HuongDan,
    /// chuong_trinh: CHƯƠNG TRÌNH, symbol CTr.
    ChuongTrinh,
    /// ke_hoach: KẾ HOẠCH, symbol KH.
    KeHoach,
    /// phuong_an: PHƯƠNG ÁN, symbol PA.
    PhuongAn,
    /// de_an: ĐỀ ÁN, symbol ĐA.
    DeAn,
    /// du_an: DỰ ÁN, symbol DA.
    DuAn,
    /// bao_cao: BÁO CÁO, symbol BC.
    BaoCao,
    /// bien_ban: BIÊN BẢN, symbol BB.
    BienBan,
    /// to_trinh: TỜ TRÌNH, symbol TTr.
    ToTrinh,
    /// hop_dong: HỢP ĐỒNG, symbol HĐ.
    HopDong,
    /// cong_dien: CÔNG ĐIỆN, symbol CĐ.
    CongDien,
    /// ban_ghi_nho: BẢN GHI NHỚ, symbol BGN.
    BanGhiNho,
    /// ban_thoa_thuan: BẢN THỎA THUẬN, symbol BTT.
    BanThoaThuan,
    /// giay_uy_quyen: GIẤY ỦY QUYỀN, symbol GUQ.
    GiayUyQuyen,
    /// giay_moi: GIẤY MỜI, symbol GM.
    GiayMoi,
    /// giay_gioi_thieu: GIẤY GIỚI THIỆU, symbol GGT.
    GiayGioiThieu,
    /// giay_nghi_phep: GIẤY NGHỈ PHÉP, symbol GNP.
    GiayNghiPhep,
    /// phieu_gui: PHIẾU GỬI, symbol PG.
    PhieuGui,
    /// phieu_chuyen: PHIẾU CHUYỂN, symbol PC.
    PhieuChuyen,
    /// phieu_bao: PHIẾU BÁO, symbol PB.
    PhieuBao,
    /// cong_van: (no type name printed), no abbreviation.
    CongVan,
    /// thu_cong: (no type name printed), no abbreviation.
    ThuCong,
}

/// How a document's signers are laid out (see [`DocType::signer_layout`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignerLayout {
    /// One signer, right of Nơi nhận (App. I §II.7, §II.9.d).
    Single,
    /// One or two signers side by side in halves of the closing grid, the
    /// first left and the second right, Nơi nhận under the left one (App. III
    /// Mẫu 1.9). The right-hand signer is the one with authority ("Chữ ký
    /// của người có thẩm quyền, dấu"), named first in the metadata.
    Pair,
}

impl DocType {
    /// Every type, in Appendix III order (công văn and thư công last).
    pub const ALL: [DocType; 29] = [
        DocType::NghiQuyet,
        DocType::QuyetDinh,
        DocType::ChiThi,
        DocType::QuyChe,
        DocType::QuyDinh,
        DocType::ThongCao,
        DocType::ThongBao,
        DocType::HuongDan,
        DocType::ChuongTrinh,
        DocType::KeHoach,
        DocType::PhuongAn,
        DocType::DeAn,
        DocType::DuAn,
        DocType::BaoCao,
        DocType::BienBan,
        DocType::ToTrinh,
        DocType::HopDong,
        DocType::CongDien,
        DocType::BanGhiNho,
        DocType::BanThoaThuan,
        DocType::GiayUyQuyen,
        DocType::GiayMoi,
        DocType::GiayGioiThieu,
        DocType::GiayNghiPhep,
        DocType::PhieuGui,
        DocType::PhieuChuyen,
        DocType::PhieuBao,
        DocType::CongVan,
        DocType::ThuCong,
    ];

    /// The JSON key, e.g. `bao_cao`.
    pub fn key(self) -> &'static str {
        match self {
            DocType::NghiQuyet => "nghi_quyet",
            DocType::QuyetDinh => "quyet_dinh",
            DocType::ChiThi => "chi_thi",
            DocType::QuyChe => "quy_che",
            DocType::QuyDinh => "quy_dinh",
            DocType::ThongCao => "thong_cao",
            DocType::ThongBao => "thong_bao",
            DocType::HuongDan => "huong_dan",
            DocType::ChuongTrinh => "chuong_trinh",
            DocType::KeHoach => "ke_hoach",
            DocType::PhuongAn => "phuong_an",
            DocType::DeAn => "de_an",
            DocType::DuAn => "du_an",
            DocType::BaoCao => "bao_cao",
            DocType::BienBan => "bien_ban",
            DocType::ToTrinh => "to_trinh",
            DocType::HopDong => "hop_dong",
            DocType::CongDien => "cong_dien",
            DocType::BanGhiNho => "ban_ghi_nho",
            DocType::BanThoaThuan => "ban_thoa_thuan",
            DocType::GiayUyQuyen => "giay_uy_quyen",
            DocType::GiayMoi => "giay_moi",
            DocType::GiayGioiThieu => "giay_gioi_thieu",
            DocType::GiayNghiPhep => "giay_nghi_phep",
            DocType::PhieuGui => "phieu_gui",
            DocType::PhieuChuyen => "phieu_chuyen",
            DocType::PhieuBao => "phieu_bao",
            DocType::CongVan => "cong_van",
            DocType::ThuCong => "thu_cong",
        }
    }

    /// The type name as printed in box 5a (upper case), or `None` for a
    /// công văn / thư công, which print no type name (Decree 30 App. I §II.5.b).
    pub fn printed_name(self) -> Option<&'static str> {
        match self {
            DocType::NghiQuyet => Some("NGHỊ QUYẾT"),
            DocType::QuyetDinh => Some("QUYẾT ĐỊNH"),
            DocType::ChiThi => Some("CHỈ THỊ"),
            DocType::QuyChe => Some("QUY CHẾ"),
            DocType::QuyDinh => Some("QUY ĐỊNH"),
            DocType::ThongCao => Some("THÔNG CÁO"),
            DocType::ThongBao => Some("THÔNG BÁO"),
            DocType::HuongDan => Some("HƯỚNG DẪN"),
            DocType::ChuongTrinh => Some("CHƯƠNG TRÌNH"),
            DocType::KeHoach => Some("KẾ HOẠCH"),
            DocType::PhuongAn => Some("PHƯƠNG ÁN"),
            DocType::DeAn => Some("ĐỀ ÁN"),
            DocType::DuAn => Some("DỰ ÁN"),
            DocType::BaoCao => Some("BÁO CÁO"),
            DocType::BienBan => Some("BIÊN BẢN"),
            DocType::ToTrinh => Some("TỜ TRÌNH"),
            DocType::HopDong => Some("HỢP ĐỒNG"),
            DocType::CongDien => Some("CÔNG ĐIỆN"),
            DocType::BanGhiNho => Some("BẢN GHI NHỚ"),
            DocType::BanThoaThuan => Some("BẢN THỎA THUẬN"),
            DocType::GiayUyQuyen => Some("GIẤY ỦY QUYỀN"),
            DocType::GiayMoi => Some("GIẤY MỜI"),
            DocType::GiayGioiThieu => Some("GIẤY GIỚI THIỆU"),
            DocType::GiayNghiPhep => Some("GIẤY NGHỈ PHÉP"),
            DocType::PhieuGui => Some("PHIẾU GỬI"),
            DocType::PhieuChuyen => Some("PHIẾU CHUYỂN"),
            DocType::PhieuBao => Some("PHIẾU BÁO"),
            DocType::CongVan => None,
            DocType::ThuCong => None,
        }
    }

    /// The abbreviation used in the symbol (Decree 30 App. III §I), or `None`
    /// for công văn and thư công, which have none.
    pub fn abbr(self) -> Option<&'static str> {
        match self {
            DocType::NghiQuyet => Some("NQ"),
            DocType::QuyetDinh => Some("QĐ"),
            DocType::ChiThi => Some("CT"),
            DocType::QuyChe => Some("QC"),
            DocType::QuyDinh => Some("QyĐ"),
            DocType::ThongCao => Some("TC"),
            DocType::ThongBao => Some("TB"),
            DocType::HuongDan => Some("HD"),
            DocType::ChuongTrinh => Some("CTr"),
            DocType::KeHoach => Some("KH"),
            DocType::PhuongAn => Some("PA"),
            DocType::DeAn => Some("ĐA"),
            DocType::DuAn => Some("DA"),
            DocType::BaoCao => Some("BC"),
            DocType::BienBan => Some("BB"),
            DocType::ToTrinh => Some("TTr"),
            DocType::HopDong => Some("HĐ"),
            DocType::CongDien => Some("CĐ"),
            DocType::BanGhiNho => Some("BGN"),
            DocType::BanThoaThuan => Some("BTT"),
            DocType::GiayUyQuyen => Some("GUQ"),
            DocType::GiayMoi => Some("GM"),
            DocType::GiayGioiThieu => Some("GGT"),
            DocType::GiayNghiPhep => Some("GNP"),
            DocType::PhieuGui => Some("PG"),
            DocType::PhieuChuyen => Some("PC"),
            DocType::PhieuBao => Some("PB"),
            DocType::CongVan => None,
            DocType::ThuCong => None,
        }
    }

    /// Whether the body uses the legal numbering (Điều / khoản / điểm) by default.
    pub fn legal_numbering(self) -> bool {
        matches!(
            self,
            DocType::QuyetDinh | DocType::NghiQuyet | DocType::QuyChe | DocType::QuyDinh
        )
    }

    /// How this type's signers are laid out: [`SignerLayout::Pair`] for the
    /// types signed by two people or two parties, one beside the other, as
    /// App. III Mẫu 1.9 draws a biên bản (THƯ KÝ left, CHỦ TỌA right, Nơi
    /// nhận under the left signer): biên bản, and the two-party texts
    /// hợp đồng, bản ghi nhớ and bản thỏa thuận (Decree 30 Art. 7 cl. 17, 19,
    /// 20). Every other type has one signer (App. I §II.7).
    ///
    /// This is the one decision: validation (how many signers are accepted),
    /// layout (the closing grid) and the metadata (SignerInfo) all read it.
    pub fn signer_layout(self) -> SignerLayout {
        match self {
            DocType::BienBan | DocType::HopDong | DocType::BanGhiNho | DocType::BanThoaThuan => {
                SignerLayout::Pair
            }
            _ => SignerLayout::Single,
        }
    }

    /// The most signers a document of this type takes (see [`Self::signer_layout`]).
    pub fn max_signers(self) -> usize {
        match self.signer_layout() {
            SignerLayout::Single => 1,
            SignerLayout::Pair => 2,
        }
    }

    /// Parses a JSON key.
    pub fn from_key(key: &str) -> Option<DocType> {
        DocType::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// The names people read (`vanban new --list`, messages).
impl DocType {
    /// The type's name in Vietnamese, as people say it ("Công văn",
    /// "Quyết định"), for lists and messages.
    pub fn name_vi(self) -> &'static str {
        match self {
            DocType::CongVan => "Công văn",
            DocType::ThuCong => "Thư công",
            DocType::NghiQuyet => "Nghị quyết (cá biệt)",
            DocType::QuyetDinh => "Quyết định (cá biệt)",
            DocType::ChiThi => "Chỉ thị",
            DocType::QuyChe => "Quy chế",
            DocType::QuyDinh => "Quy định",
            DocType::ThongCao => "Thông cáo",
            DocType::ThongBao => "Thông báo",
            DocType::HuongDan => "Hướng dẫn",
            DocType::ChuongTrinh => "Chương trình",
            DocType::KeHoach => "Kế hoạch",
            DocType::PhuongAn => "Phương án",
            DocType::DeAn => "Đề án",
            DocType::DuAn => "Dự án",
            DocType::BaoCao => "Báo cáo",
            DocType::BienBan => "Biên bản",
            DocType::ToTrinh => "Tờ trình",
            DocType::HopDong => "Hợp đồng",
            DocType::CongDien => "Công điện",
            DocType::BanGhiNho => "Bản ghi nhớ",
            DocType::BanThoaThuan => "Bản thỏa thuận",
            DocType::GiayUyQuyen => "Giấy ủy quyền",
            DocType::GiayMoi => "Giấy mời",
            DocType::GiayGioiThieu => "Giấy giới thiệu",
            DocType::GiayNghiPhep => "Giấy nghỉ phép",
            DocType::PhieuGui => "Phiếu gửi",
            DocType::PhieuChuyen => "Phiếu chuyển",
            DocType::PhieuBao => "Phiếu báo",
        }
    }

    /// The type's name in English, for `--lang en`.
    pub fn name_en(self) -> &'static str {
        match self {
            DocType::CongVan => "Official letter",
            DocType::ThuCong => "Official correspondence (thư công)",
            DocType::NghiQuyet => "Resolution (individual)",
            DocType::QuyetDinh => "Decision (individual)",
            DocType::ChiThi => "Directive",
            DocType::QuyChe => "Regulation (quy chế)",
            DocType::QuyDinh => "Rules (quy định)",
            DocType::ThongCao => "Communiqué",
            DocType::ThongBao => "Notice",
            DocType::HuongDan => "Guidance",
            DocType::ChuongTrinh => "Programme",
            DocType::KeHoach => "Plan",
            DocType::PhuongAn => "Scheme (phương án)",
            DocType::DeAn => "Proposal (đề án)",
            DocType::DuAn => "Project (dự án)",
            DocType::BaoCao => "Report",
            DocType::BienBan => "Minutes",
            DocType::ToTrinh => "Submission",
            DocType::HopDong => "Contract",
            DocType::CongDien => "Official telegram",
            DocType::BanGhiNho => "Memorandum of understanding",
            DocType::BanThoaThuan => "Agreement",
            DocType::GiayUyQuyen => "Letter of authorisation",
            DocType::GiayMoi => "Invitation",
            DocType::GiayGioiThieu => "Letter of introduction",
            DocType::GiayNghiPhep => "Leave permit",
            DocType::PhieuGui => "Dispatch slip",
            DocType::PhieuChuyen => "Transfer slip",
            DocType::PhieuBao => "Notification slip",
        }
    }
}
