//! The document types of Decree 30 Art. 7 and the abbreviations of its Appendix III §I.

use serde::{Deserialize, Serialize};

/// Declares the document types, one row each: the variant, then its JSON
/// key, its printed name (box 5a), its abbreviation (App. III §I), and its
/// names in Vietnamese and English. The row's doc comment becomes the
/// schema's description of the value. Generates [`DocType`],
/// [`DocType::ALL`] (in row order), [`DocType::key`],
/// [`DocType::printed_name`], [`DocType::abbr`], [`DocType::name_vi`] and
/// [`DocType::name_en`].
macro_rules! doc_types {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident = $key:literal, $printed:expr, $abbr:expr, $vi:literal, $en:literal;
    )*) => {
        /// A document type (Decree 30 Art. 7); the JSON key is the snake-case name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
        pub enum DocType {
            $(
                $(#[doc = $doc])*
                #[serde(rename = $key)]
                $variant,
            )*
        }

        impl DocType {
            /// Every type, in Appendix III order (công văn and thư công last).
            pub const ALL: [DocType; <[&str]>::len(&[$(stringify!($variant)),*])] =
                [$(DocType::$variant),*];

            /// The JSON key, e.g. `bao_cao`.
            pub fn key(self) -> &'static str {
                match self {
                    $(DocType::$variant => $key,)*
                }
            }

            /// The type name as printed in box 5a (upper case), or `None` for a
            /// công văn / thư công, which print no type name (Decree 30 App. I §II.5.b).
            pub fn printed_name(self) -> Option<&'static str> {
                match self {
                    $(DocType::$variant => $printed,)*
                }
            }

            /// The abbreviation used in the symbol (Decree 30 App. III §I), or `None`
            /// for công văn and thư công, which have none.
            pub fn abbr(self) -> Option<&'static str> {
                match self {
                    $(DocType::$variant => $abbr,)*
                }
            }

            /// The type's name in Vietnamese, as people say it ("Công văn",
            /// "Quyết định"), for lists and messages.
            pub fn name_vi(self) -> &'static str {
                match self {
                    $(DocType::$variant => $vi,)*
                }
            }

            /// The type's name in English, for `--lang en`.
            pub fn name_en(self) -> &'static str {
                match self {
                    $(DocType::$variant => $en,)*
                }
            }
        }
    };
}

// One row per type (Decree 30 Art. 7, App. III §I): adding a type is a row
// here (and, where it differs from the defaults, an arm in the methods
// below: legal numbering, signer layout, place-and-date line), plus its
// starter in starters/ and its arm in src/starters.rs.
doc_types! {
    /// nghi_quyet: NGHỊ QUYẾT, symbol NQ.
    NghiQuyet = "nghi_quyet", Some("NGHỊ QUYẾT"), Some("NQ"), "Nghị quyết (cá biệt)", "Resolution (individual)";
    /// quyet_dinh: QUYẾT ĐỊNH, symbol QĐ.
    QuyetDinh = "quyet_dinh", Some("QUYẾT ĐỊNH"), Some("QĐ"), "Quyết định (cá biệt)", "Decision (individual)";
    /// chi_thi: CHỈ THỊ, symbol CT.
    ChiThi = "chi_thi", Some("CHỈ THỊ"), Some("CT"), "Chỉ thị", "Directive";
    /// quy_che: QUY CHẾ, symbol QC.
    QuyChe = "quy_che", Some("QUY CHẾ"), Some("QC"), "Quy chế", "Regulation (quy chế)";
    /// quy_dinh: QUY ĐỊNH, symbol QyĐ.
    QuyDinh = "quy_dinh", Some("QUY ĐỊNH"), Some("QyĐ"), "Quy định", "Rules (quy định)";
    /// thong_cao: THÔNG CÁO, symbol TC.
    ThongCao = "thong_cao", Some("THÔNG CÁO"), Some("TC"), "Thông cáo", "Communiqué";
    /// thong_bao: THÔNG BÁO, symbol TB.
    ThongBao = "thong_bao", Some("THÔNG BÁO"), Some("TB"), "Thông báo", "Notice";
    /// huong_dan: HƯỚNG DẪN, symbol HD.
    HuongDan = "huong_dan", Some("HƯỚNG DẪN"), Some("HD"), "Hướng dẫn", "Guidance";
    /// chuong_trinh: CHƯƠNG TRÌNH, symbol CTr.
    ChuongTrinh = "chuong_trinh", Some("CHƯƠNG TRÌNH"), Some("CTr"), "Chương trình", "Programme";
    /// ke_hoach: KẾ HOẠCH, symbol KH.
    KeHoach = "ke_hoach", Some("KẾ HOẠCH"), Some("KH"), "Kế hoạch", "Plan";
    /// phuong_an: PHƯƠNG ÁN, symbol PA.
    PhuongAn = "phuong_an", Some("PHƯƠNG ÁN"), Some("PA"), "Phương án", "Scheme (phương án)";
    /// de_an: ĐỀ ÁN, symbol ĐA.
    DeAn = "de_an", Some("ĐỀ ÁN"), Some("ĐA"), "Đề án", "Proposal (đề án)";
    /// du_an: DỰ ÁN, symbol DA.
    DuAn = "du_an", Some("DỰ ÁN"), Some("DA"), "Dự án", "Project (dự án)";
    /// bao_cao: BÁO CÁO, symbol BC.
    BaoCao = "bao_cao", Some("BÁO CÁO"), Some("BC"), "Báo cáo", "Report";
    /// bien_ban: BIÊN BẢN, symbol BB.
    BienBan = "bien_ban", Some("BIÊN BẢN"), Some("BB"), "Biên bản", "Minutes";
    /// to_trinh: TỜ TRÌNH, symbol TTr.
    ToTrinh = "to_trinh", Some("TỜ TRÌNH"), Some("TTr"), "Tờ trình", "Submission";
    /// hop_dong: HỢP ĐỒNG, symbol HĐ.
    HopDong = "hop_dong", Some("HỢP ĐỒNG"), Some("HĐ"), "Hợp đồng", "Contract";
    /// cong_dien: CÔNG ĐIỆN, symbol CĐ.
    CongDien = "cong_dien", Some("CÔNG ĐIỆN"), Some("CĐ"), "Công điện", "Official telegram";
    /// ban_ghi_nho: BẢN GHI NHỚ, symbol BGN.
    BanGhiNho = "ban_ghi_nho", Some("BẢN GHI NHỚ"), Some("BGN"), "Bản ghi nhớ", "Memorandum of understanding";
    /// ban_thoa_thuan: BẢN THỎA THUẬN, symbol BTT.
    BanThoaThuan = "ban_thoa_thuan", Some("BẢN THỎA THUẬN"), Some("BTT"), "Bản thỏa thuận", "Agreement";
    /// giay_uy_quyen: GIẤY ỦY QUYỀN, symbol GUQ.
    GiayUyQuyen = "giay_uy_quyen", Some("GIẤY ỦY QUYỀN"), Some("GUQ"), "Giấy ủy quyền", "Letter of authorisation";
    /// giay_moi: GIẤY MỜI, symbol GM.
    GiayMoi = "giay_moi", Some("GIẤY MỜI"), Some("GM"), "Giấy mời", "Invitation";
    /// giay_gioi_thieu: GIẤY GIỚI THIỆU, symbol GGT.
    GiayGioiThieu = "giay_gioi_thieu", Some("GIẤY GIỚI THIỆU"), Some("GGT"), "Giấy giới thiệu", "Letter of introduction";
    /// giay_nghi_phep: GIẤY NGHỈ PHÉP, symbol GNP.
    GiayNghiPhep = "giay_nghi_phep", Some("GIẤY NGHỈ PHÉP"), Some("GNP"), "Giấy nghỉ phép", "Leave permit";
    /// phieu_gui: PHIẾU GỬI, symbol PG.
    PhieuGui = "phieu_gui", Some("PHIẾU GỬI"), Some("PG"), "Phiếu gửi", "Dispatch slip";
    /// phieu_chuyen: PHIẾU CHUYỂN, symbol PC.
    PhieuChuyen = "phieu_chuyen", Some("PHIẾU CHUYỂN"), Some("PC"), "Phiếu chuyển", "Transfer slip";
    /// phieu_bao: PHIẾU BÁO, symbol PB.
    PhieuBao = "phieu_bao", Some("PHIẾU BÁO"), Some("PB"), "Phiếu báo", "Notification slip";
    /// cong_van: (no type name printed), no abbreviation.
    CongVan = "cong_van", None, None, "Công văn", "Official letter";
    /// thu_cong: (no type name printed), no abbreviation.
    ThuCong = "thu_cong", None, None, "Thư công", "Official correspondence (thư công)";
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

    /// Whether this type prints the place-and-date line (box 4). App. III
    /// Mẫu 1.9: a biên bản has none; every other model form has it.
    ///
    /// The one decision: validation (place required, or refused), the
    /// header and import read it.
    pub fn has_place_date_line(self) -> bool {
        self != DocType::BienBan
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
