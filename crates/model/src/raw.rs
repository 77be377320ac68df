//! The raw input layer (private to the crate: not API): serde types that
//! mirror the JSON exactly (input format version 1, `docs/input-format.md`). Unknown fields are
//! errors everywhere. These types also generate the JSON Schema (their doc
//! comments become its descriptions); [`crate::parse()`] turns them into the
//! validated [`crate::Document`].

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::block_kinds::{RawBlockObject, block_schemas, kind_list};
use crate::doc::Align;
use crate::doctype::DocType;

/// Implements `Deserialize` for a struct derived with `#[serde(remote = "Self")]`
/// so that only a JSON object is accepted (serde's derive would also take an
/// array of the fields in order, which the schema does not allow).
macro_rules! object_only {
    ($t:ty, $what:literal) => {
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $t;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<$t, A::Error> {
                        <$t>::deserialize(MapAccessDeserializer::new(map))
                    }
                }
                d.deserialize_map(V)
            }
        }
    };
}

object_only!(RawDocument, "a JSON object describing one document");
object_only!(RawIssuer, "an issuer object {\"name\", \"abbr\", …}");
object_only!(RawSignature, "a signature object {\"title\", \"name\", …}");
object_only!(RawSignFor, "an object {\"mode\", \"title\"}");
object_only!(RawDrafter, "an object {\"initials\", \"copies\"}");
object_only!(RawContact, "a contact object");
object_only!(RawAppendix, "an appendix object {\"title\", \"body\"}");
object_only!(RawStyle, "a style object");
object_only!(
    RawMargins,
    "an object {\"top\", \"bottom\", \"left\", \"right\"}"
);
object_only!(RawExactSpacing, "an object {\"exact_pt\": points}");
object_only!(RawMeta, "a meta object");
object_only!(RawTable, "a table object {\"columns\", \"rows\", …}");
object_only!(
    RawColumn,
    "a column object {\"title\", \"width\", \"align\"}"
);

/// One document of vanban's input format (Decree 30/2020/NĐ-CP layout).
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "vanban document", rename = "Document")]
#[derive(Deserialize)]
#[serde(remote = "Self")]
pub struct RawDocument {
    /// Optional link to this schema, for editors; ignored by vanban.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// Document type key, e.g. "bao_cao", "quyet_dinh", "cong_van" (Decree 30 Art. 7).
    #[serde(rename = "type")]
    #[schemars(with = "DocType")]
    pub doc_type: String,
    /// The issuing body (box 2).
    pub issuer: RawIssuer,
    /// Document number (box 3); null leaves the blank the clerk fills at issuance. 1–9 print as 01–09.
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub number: Option<RawInteger>,
    /// Overrides the derived symbol (after "Số: 05/"), e.g. "QĐ-UBND". No spaces; letters (Đ included), digits, "-", "/", "&", ".".
    #[serde(default)]
    #[schemars(regex(pattern = r"^[A-Za-z0-9ĐđÐ&/.\-]+$"))]
    pub symbol: Option<String>,
    /// Place name of box 4, e.g. "Ba Tô". Required, except for a biên bản,
    /// which must leave it out: App. III Mẫu 1.9 has no place-and-date line
    /// (write the place in the body, e.g. under "Địa điểm").
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub place: Option<String>,
    /// Date of box 4: "YYYY-MM-DD", "YYYY-MM" (day left blank for the clerk), "YYYY", or null (all blank). A biên bản prints no date line (App. III Mẫu 1.9): its date goes only into the metadata (IssuedDate) and an appendix's reference line.
    #[serde(default)]
    #[schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))]
    pub date: Option<String>,
    /// Summary (trích yếu, box 5a); for a công văn printed as "V/v …" (box 5b). A newline forces a line break.
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub title: Option<String>,
    /// "Kính gửi:" recipients (box 9a).
    #[serde(default)]
    pub to: Option<Vec<String>>,
    /// Căn cứ lines (italic); their final ";" / "." is added automatically. Inline markup allowed.
    #[serde(default)]
    pub bases: Option<Vec<String>>,
    /// Authority line above the bases of a decision, e.g. "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BA TÔ".
    #[serde(default)]
    pub authority: Option<String>,
    /// The content (box 6): at least one block.
    #[schemars(length(min = 1))]
    pub body: Vec<RawBlock>,
    /// The signer (boxes 7a–7c), or an array of two (left, right) for a biên bản, hợp đồng, bản ghi nhớ or bản thỏa thuận.
    pub signature: RawSignatures,
    /// "Nơi nhận:" items (box 9b), without the leading "- " and final ";".
    #[serde(default)]
    pub recipients: Option<Vec<String>>,
    /// The "Lưu:" items; default ["VT"].
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub archive: Option<Vec<String>>,
    /// Drafter's initials and copies issued, printed "PL.(300)" (box 12).
    #[serde(default)]
    pub drafter: Option<RawDrafter>,
    /// Urgency mark (box 10b).
    #[serde(default)]
    pub urgency: Option<RawUrgency>,
    /// Secrecy mark (box 10a).
    #[serde(default)]
    pub secrecy: Option<RawSecrecy>,
    /// Circulation mark, e.g. "LƯU HÀNH NỘI BỘ" (box 11).
    #[serde(default)]
    pub circulation: Option<String>,
    /// Contact footer of the first page (box 13).
    #[serde(default)]
    pub contact: Option<RawContact>,
    /// Appendices, headed "Phụ lục I", "Phụ lục II", …
    #[serde(default)]
    pub appendices: Option<Vec<RawAppendix>>,
    /// Style overrides within the decree's ranges; values outside are errors.
    #[serde(default)]
    pub style: Option<RawStyle>,
    /// Archival metadata (Decree 30 App. VI), written into PDF XMP and DOCX properties.
    #[serde(default)]
    pub meta: Option<RawMeta>,
    /// Heading label sequence by depth, e.g. ["1.", "a)", "-"]; default depends on the type.
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub numbering: Option<Vec<RawLabelKind>>,
}

/// The issuing body (box 2).
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Issuer")]
#[derive(Deserialize)]
#[serde(remote = "Self")]
pub struct RawIssuer {
    /// Direct parent body, printed upper case, regular, e.g. "ỦY BAN NHÂN DÂN HUYỆN BA TƠ".
    #[serde(default)]
    pub parent: Option<String>,
    /// Issuing body, printed upper case, bold, with the short rule; a newline forces a line break.
    #[schemars(length(min = 1))]
    pub name: String,
    /// Issuer abbreviation used in the symbol, e.g. "UBND".
    #[schemars(regex(pattern = r"^[A-Za-z0-9ĐđÐ&/.\-]+$"))]
    pub abbr: String,
    /// Drafting unit abbreviation, e.g. "VP": used in a công văn symbol ("UBND-VP").
    #[serde(default)]
    #[schemars(regex(pattern = r"^[A-Za-z0-9ĐđÐ&/.\-]+$"))]
    pub unit: Option<String>,
    /// The issuer's name in normal case, as running text writes it, e.g. "Phòng Kinh tế và Hạ tầng huyện Ba Tơ": used in an appendix's reference line ("(Kèm theo … của Phòng Kinh tế và Hạ tầng huyện Ba Tơ)", App. III Mẫu 2.1). Default: derived from `name` (App. II capitalisation).
    #[serde(default)]
    pub normal_name: Option<String>,
}

/// Any JSON integer; range checks happen in validation (with the JSON path).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawInteger(pub i128);

impl<'de> Deserialize<'de> for RawInteger {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RawInteger;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawInteger, E> {
                Ok(RawInteger(i128::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawInteger, E> {
                Ok(RawInteger(i128::from(v)))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<RawInteger, E> {
                Ok(RawInteger(v))
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<RawInteger, E> {
                Ok(RawInteger(i128::try_from(v).unwrap_or(i128::MAX)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawInteger, E> {
                // 5.0 is a whole number (as in JSON Schema); beyond i128 saturates.
                if v.is_finite() && v.fract() == 0.0 {
                    Ok(RawInteger(v as i128))
                } else {
                    Err(E::invalid_type(de::Unexpected::Float(v), &self))
                }
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for RawInteger {
    fn schema_name() -> Cow<'static, str> {
        "Integer".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "integer" })
    }
}

/// One signer, or two (left and right).
#[derive(Debug, Clone)]
pub enum RawSignatures {
    /// `"signature": { … }`
    One(RawSignature),
    /// `"signature": [{ … }, { … }]`
    Many(Vec<RawSignature>),
}

impl<'de> Deserialize<'de> for RawSignatures {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawSignatures;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a signature object, or an array of one or two signature objects")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawSignatures, A::Error> {
                RawSignature::deserialize(MapAccessDeserializer::new(map)).map(RawSignatures::One)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawSignatures, A::Error> {
                Vec::<RawSignature>::deserialize(SeqAccessDeserializer::new(seq))
                    .map(RawSignatures::Many)
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for RawSignatures {
    fn schema_name() -> Cow<'static, str> {
        "Signatures".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<RawSignature>();
        json_schema!({
            "anyOf": [
                one,
                { "type": "array", "items": one, "minItems": 1, "maxItems": 2 }
            ]
        })
    }
}

/// One signer (boxes 7a, 7b, 7c).
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Signature")]
#[derive(Deserialize)]
#[serde(remote = "Self")]
pub struct RawSignature {
    /// The collective signed for, printed "TM. ỦY BAN NHÂN DÂN".
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    /// Signing for a head: printed "KT. CHỦ TỊCH", "TL. …", "TUQ. …", "Q. …".
    #[serde(default, rename = "for")]
    pub for_: Option<RawSignFor>,
    /// The signer's own title, e.g. "PHÓ CHỦ TỊCH"; may be omitted only with mode "Q".
    #[serde(default)]
    pub title: Option<String>,
    /// The signer's name, e.g. "Phạm Văn Hiền".
    #[schemars(length(min = 1))]
    pub name: String,
    /// Diameter of the organisation's seal in mm (30–45, default 36): the
    /// seal box is a square of its real size.
    #[serde(default)]
    #[schemars(range(min = 30, max = 45))]
    pub seal_mm: Option<f64>,
}

/// The "KT." / "TL." / "TUQ." / "Q." line above the signer's title.
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "SignFor")]
#[derive(Deserialize)]
#[serde(remote = "Self")]
pub struct RawSignFor {
    /// KT (deputy for the head), TL (by order), TUQ (by authorisation), Q (acting). "TM" is accepted as another way to write `on_behalf_of`.
    #[schemars(with = "RawSignModeSchema")]
    pub mode: String,
    /// The head's title, e.g. "CHỦ TỊCH".
    #[schemars(length(min = 1))]
    pub title: String,
}

/// Signing modes, for the schema only (validation reads a string to list all errors).
#[derive(JsonSchema)]
#[allow(dead_code, clippy::upper_case_acronyms)]
#[schemars(rename = "SignMode")]
enum RawSignModeSchema {
    /// Deputy signs for the head: "KT."
    KT,
    /// By order: "TL."
    TL,
    /// By authorisation: "TUQ."
    TUQ,
    /// Acting head: "Q."
    Q,
    /// On behalf of a collective: same as `on_behalf_of`.
    TM,
}

/// Drafter's initials and copies (box 12).
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Drafter")]
#[derive(Deserialize)]
#[serde(remote = "Self")]
pub struct RawDrafter {
    /// Initials, upper case, e.g. "PL".
    #[schemars(length(min = 1))]
    pub initials: String,
    /// Number of copies issued, e.g. 300.
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub copies: Option<RawInteger>,
}

/// Urgency (box 10b).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(rename = "Urgency")]
pub enum RawUrgency {
    /// KHẨN
    Khan,
    /// THƯỢNG KHẨN
    ThuongKhan,
    /// HỎA TỐC
    HoaToc,
}

/// Secrecy (box 10a).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(rename = "Secrecy")]
pub enum RawSecrecy {
    /// MẬT
    Mat,
    /// TỐI MẬT
    ToiMat,
    /// TUYỆT MẬT
    TuyetMat,
}

/// Contact footer (box 13).
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Contact")]
#[derive(Deserialize)]
#[serde(remote = "Self")]
pub struct RawContact {
    /// Postal address.
    #[serde(default)]
    pub address: Option<String>,
    /// Telephone.
    #[serde(default)]
    pub phone: Option<String>,
    /// Fax.
    #[serde(default)]
    pub fax: Option<String>,
    /// E-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Website.
    #[serde(default)]
    pub website: Option<String>,
}

/// An appendix ("Phụ lục I" …), numbered separately.
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Appendix")]
#[derive(Deserialize)]
#[serde(remote = "Self")]
pub struct RawAppendix {
    /// Title, printed upper case bold.
    #[serde(default)]
    pub title: Option<String>,
    /// Content: at least one block.
    #[schemars(length(min = 1))]
    pub body: Vec<RawBlock>,
    /// Issue the appendix as its own file (Decree 30 App. I §III.1.d,
    /// App. III Mẫu 2.2): rendered to `<stem>.phu-luc-N.pdf`/`.docx`, with
    /// its reference line left unfilled and an empty signature field for the
    /// organisation at the top right of its first page. Default false: the
    /// appendix follows the main text in the same file (Mẫu 2.1).
    #[serde(default)]
    pub separate_file: Option<bool>,
    /// Set the appendix on A4 landscape pages, for a wide table (Decree 30
    /// App. I §I.2 allows the width of the sheet for tables; the decree's
    /// own Appendix I file has a landscape section). The margins keep their
    /// places in reading direction; the page number is centred in the top
    /// margin. Default false.
    #[serde(default)]
    pub landscape: Option<bool>,
}

/// Style overrides; every value must lie within Decree 30's ranges.
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Style")]
#[derive(Deserialize)]
#[serde(remote = "Self")]
pub struct RawStyle {
    /// Body font size in points: 13 or 14 (App. I §II.6.e).
    #[serde(default)]
    #[schemars(extend("enum" = [13, 14]))]
    pub body_size: Option<f64>,
    /// Page margins in millimetres (App. I §I.3).
    #[serde(default)]
    pub margins_mm: Option<RawMargins>,
    /// First-line indent in centimetres: 1 or 1.27 (App. I §II.6.e).
    #[serde(default)]
    #[schemars(extend("enum" = [1, 1.27]))]
    pub indent_cm: Option<f64>,
    /// Line spacing: a number 1.0–1.5 (multiple of single spacing), or {"exact_pt": x} with x between single and 1.5 lines of the body size (App. I §II.6.e).
    #[serde(default)]
    pub line_spacing: Option<RawLineSpacing>,
    /// Space between paragraphs in points: 6–24 (at least 6, App. I §II.6.e).
    #[serde(default)]
    #[schemars(range(min = 6, max = 24))]
    pub paragraph_spacing_pt: Option<f64>,
}

/// Page margins in millimetres.
#[derive(Debug, Clone, Copy, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Margins")]
#[derive(Deserialize)]
#[serde(remote = "Self")]
pub struct RawMargins {
    /// Top margin, 20–25 mm.
    #[schemars(range(min = 20, max = 25))]
    pub top: f64,
    /// Bottom margin, 20–25 mm.
    #[schemars(range(min = 20, max = 25))]
    pub bottom: f64,
    /// Left margin, 30–35 mm.
    #[schemars(range(min = 30, max = 35))]
    pub left: f64,
    /// Right margin, 15–20 mm.
    #[schemars(range(min = 15, max = 20))]
    pub right: f64,
}

/// Line spacing: a multiple of single spacing, or an exact line pitch.
#[derive(Debug, Clone, Copy, PartialEq, JsonSchema)]
#[serde(untagged)]
#[schemars(rename = "LineSpacing")]
pub enum RawLineSpacing {
    /// Multiple of single line spacing, 1.0–1.5.
    Multiple(#[schemars(range(min = 1.0, max = 1.5))] f64),
    /// Exact line pitch in points.
    Exact(RawExactSpacing),
}

impl<'de> Deserialize<'de> for RawLineSpacing {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawLineSpacing;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a number 1.0–1.5 (multiple of single spacing) or {\"exact_pt\": points}",
                )
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawLineSpacing, E> {
                Ok(RawLineSpacing::Multiple(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawLineSpacing, E> {
                Ok(RawLineSpacing::Multiple(v as f64))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawLineSpacing, E> {
                Ok(RawLineSpacing::Multiple(v as f64))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawLineSpacing, A::Error> {
                RawExactSpacing::deserialize(MapAccessDeserializer::new(map))
                    .map(RawLineSpacing::Exact)
            }
        }
        d.deserialize_any(V)
    }
}

/// `{"exact_pt": 17}`: an exact line pitch.
#[derive(Debug, Clone, Copy, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "ExactSpacing")]
#[derive(Deserialize)]
#[serde(remote = "Self")]
pub struct RawExactSpacing {
    /// Line pitch in points, between single (1.149 × body size) and 1.5 lines.
    pub exact_pt: f64,
}

/// Archival metadata (Decree 30 App. VI, outgoing documents).
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Meta")]
#[derive(Deserialize)]
#[serde(remote = "Self")]
pub struct RawMeta {
    /// OrganId: identifier of the issuing body (up to 13 characters).
    #[serde(default)]
    pub organ_id: Option<String>,
    /// FileCode: the case file the document belongs to.
    #[serde(default)]
    pub file_code: Option<String>,
    /// Language, default "vi".
    #[serde(default)]
    pub language: Option<String>,
    /// Priority code, 0–9 (App. VI: one digit; values not defined by the decree).
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 0, max = 9))]
    pub priority: Option<RawInteger>,
    /// Keywords.
    #[serde(default)]
    pub keywords: Option<Vec<String>>,
    /// DueDate: reply deadline, YYYY-MM-DD.
    #[serde(default)]
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub due_date: Option<String>,
    /// IssuedAmount: number of copies issued.
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub issued_amount: Option<RawInteger>,
    /// Description: notes.
    #[serde(default)]
    pub description: Option<String>,
}

/// A numbering label kind in `numbering`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[schemars(rename = "LabelKind")]
pub enum RawLabelKind {
    /// Roman: "I."
    #[serde(rename = "I.")]
    Roman,
    /// Arabic: "1."
    #[serde(rename = "1.")]
    Arabic,
    /// Vietnamese point letters: "a)"
    #[serde(rename = "a)")]
    Letter,
    /// Dash: "-"
    #[serde(rename = "-")]
    Dash,
    /// Plus: "+"
    #[serde(rename = "+")]
    Plus,
    /// Articles: "Điều 1."
    #[serde(rename = "Điều")]
    Article,
}

/// Dash-list marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[schemars(rename = "Marker")]
pub enum RawMarker {
    /// "-"
    #[serde(rename = "-")]
    Dash,
    /// "+"
    #[serde(rename = "+")]
    Plus,
}

/// An explicit label such as "III", "2" or "đ" (a whole number is accepted too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawLabel(pub String);

impl<'de> Deserialize<'de> for RawLabel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RawLabel;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a label string such as \"III\", \"2\" or \"đ\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawLabel, E> {
                Ok(RawLabel(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawLabel, E> {
                Ok(RawLabel(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawLabel, E> {
                Ok(RawLabel(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for RawLabel {
    fn schema_name() -> Cow<'static, str> {
        "Label".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Explicit label such as \"III\", \"2\" or \"đ\", printed instead of the counted one.",
            "type": ["string", "integer"],
            "minLength": 1
        })
    }
}

/// A block of the body: a string (a paragraph) or an object with exactly one
/// of the kind keys of [`crate::block_kinds`].
#[derive(Debug, Clone)]
pub enum RawBlock {
    /// A plain paragraph.
    Text(String),
    /// An object block (boxed: the object is large and blocks are many).
    Object(Box<RawBlockObject>),
}

impl<'de> Deserialize<'de> for RawBlock {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawBlock;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(
                    f,
                    "a block: a string, or an object with one of the keys {}",
                    kind_list()
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawBlock, E> {
                Ok(RawBlock::Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<RawBlock, E> {
                Ok(RawBlock::Text(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawBlock, A::Error> {
                RawBlockObject::deserialize(MapAccessDeserializer::new(map))
                    .map(|o| RawBlock::Object(Box::new(o)))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for RawBlock {
    fn schema_name() -> Cow<'static, str> {
        "Block".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut any_of =
            vec![serde_json::json!({ "type": "string", "description": "A paragraph." })];
        any_of.extend(block_schemas(generator).into_iter().map(Schema::to_value));
        json_schema!({
            "description": format!("A block: a string (a justified paragraph with first-line indent; inline markup *italic*, **bold**, ***both***, ^[footnote], \\ escapes, newline = line break), or an object with exactly one of {}.", kind_list()),
            "anyOf": any_of
        })
    }
}

/// A list item: a string (one paragraph), or an array of blocks.
#[derive(Debug, Clone)]
pub enum RawListItem {
    /// A one-paragraph item.
    Text(String),
    /// An item made of several blocks.
    Blocks(Vec<RawBlock>),
}

impl<'de> Deserialize<'de> for RawListItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawListItem;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list item: a string, or an array of blocks")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawListItem, E> {
                Ok(RawListItem::Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<RawListItem, E> {
                Ok(RawListItem::Text(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawListItem, A::Error> {
                Vec::<RawBlock>::deserialize(SeqAccessDeserializer::new(seq))
                    .map(RawListItem::Blocks)
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for RawListItem {
    fn schema_name() -> Cow<'static, str> {
        "ListItem".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let blocks = generator.subschema_for::<RawBlock>();
        json_schema!({
            "description": "A list item: a string (one paragraph), or an array of blocks.",
            "anyOf": [
                { "type": "string" },
                { "type": "array", "items": blocks, "minItems": 1 }
            ]
        })
    }
}

/// A ruled table.
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Table")]
#[derive(Deserialize)]
#[serde(remote = "Self")]
pub struct RawTable {
    /// Columns; if any has a title, a header row is generated. If omitted, the first row sets the column count (equal widths, left aligned).
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub columns: Option<Vec<RawColumn>>,
    /// Body rows. A cell is a string (inline markup allowed; write numbers as text, "2,19"), or an object {"text", "colspan", "rowspan"} for a merged cell. As in HTML, a row lists the cells that start in it, left to right: a cell spanning rows is written only in its top row, and the cells of a row, with their column spans and the cells reaching down from rows above, fill exactly one slot per column.
    #[schemars(length(min = 1))]
    pub rows: Vec<Vec<RawCell>>,
    /// How many of `rows`, from the top, are header rows too: printed bold and centred and repeated at the top of every page the table runs onto (as `w:tblHeader` in the DOCX), below the title row. The title row generated from the column titles is always a header row, repeated on every page, and is not counted. Default 0.
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 0))]
    pub header_rows: Option<RawInteger>,
}

/// A table cell: a string, or an object for a merged cell.
#[derive(Debug, Clone)]
pub enum RawCell {
    /// A one-slot cell.
    Text(String),
    /// A cell that may span columns and rows.
    Span(RawSpanCell),
}

impl RawCell {
    /// The cell's text.
    pub fn text(&self) -> &str {
        match self {
            RawCell::Text(t) => t,
            RawCell::Span(s) => s.text.as_deref().unwrap_or(""),
        }
    }
}

impl<'de> Deserialize<'de> for RawCell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawCell;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a cell: a string, or an object {\"text\", \"colspan\", \"rowspan\"}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawCell, E> {
                Ok(RawCell::Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<RawCell, E> {
                Ok(RawCell::Text(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawCell, A::Error> {
                RawSpanCell::deserialize(MapAccessDeserializer::new(map)).map(RawCell::Span)
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for RawCell {
    fn schema_name() -> Cow<'static, str> {
        "Cell".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let span = generator.subschema_for::<RawSpanCell>();
        json_schema!({
            "description": "A table cell: a string, or an object {\"text\", \"colspan\", \"rowspan\"} for a merged cell.",
            "anyOf": [ { "type": "string" }, span ]
        })
    }
}

/// A merged table cell.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "SpanCell")]
pub struct RawSpanCell {
    /// The cell's text (inline markup allowed).
    #[serde(default)]
    pub text: Option<String>,
    /// How many columns the cell covers, from its own (default 1).
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub colspan: Option<RawInteger>,
    /// How many rows the cell covers, from its own down (default 1).
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub rowspan: Option<RawInteger>,
}

/// A table column.
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Column")]
#[derive(Deserialize)]
#[serde(remote = "Self")]
pub struct RawColumn {
    /// Header text (inline markup allowed).
    #[serde(default)]
    pub title: Option<String>,
    /// Relative width, > 0 (default 1).
    #[serde(default)]
    #[schemars(extend("exclusiveMinimum" = 0))]
    pub width: Option<f64>,
    /// Alignment of the column's body cells (default left).
    #[serde(default)]
    pub align: Option<Align>,
}
