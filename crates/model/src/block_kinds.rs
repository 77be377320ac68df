//! Every kind of object block, declared once: its JSON key, the options it
//! takes, its JSON Schema (English doc comments, constraints) and its
//! Vietnamese help. From this one table come:
//! - the serde type [`RawBlockObject`] (one optional field per kind key and
//!   per option);
//! - the shape checks of validation: exactly one kind key, and only the
//!   options the kind declares ([`BLOCK_KINDS`], [`RawBlockObject::kinds`],
//!   [`RawBlockObject::options`]);
//! - the schema: one definition per kind (`HeadingBlock`, …) in the
//!   `anyOf` of `Block` ([`block_schemas`]), with its Vietnamese titles
//!   ([`BLOCK_SCHEMA_VI`]), and every message or description that lists
//!   the kind keys ([`kind_list`]).
//!
//! Adding a kind: one entry in the `block_kinds!` call below (its first
//! field is the kind key; the others are the options it takes, each also
//! listed under `options` if new), then its arm in `validate/blocks.rs`
//! (what the validated [`crate::BlockKind`] is) and its layout.

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;

use crate::doc::Align;
use crate::raw::{RawBlock, RawLabel, RawListItem, RawMarker, RawTable};

/// One kind of object block, as the validator and the schema see it.
pub(crate) struct BlockKindSpec {
    /// The JSON key that makes a block this kind, e.g. "heading".
    pub key: &'static str,
    /// The other keys this kind takes, e.g. "number", "body".
    pub options: &'static [&'static str],
}

/// Declares the block kinds; see the module documentation.
macro_rules! block_kinds {
    (
        kinds {
            $(
                $(#[doc = $sdoc:literal])*
                $schema:ident ($vi_title:literal, $vi_desc:literal) {
                    $(#[$kmeta:meta])*
                    $key:ident : $kty:ty => $kraw:ty, ($kvi_title:literal, $kvi_desc:literal),
                    $(
                        $(#[$fmeta:meta])*
                        $field:ident : $fty:ty, ($fvi_title:literal, $fvi_desc:literal),
                    )*
                }
            )*
        }
        options {
            $(
                $(#[doc = $odoc:literal])*
                $opt:ident : $oty:ty,
            )*
        }
    ) => {
        /// An object block as read: every key optional; validation checks
        /// that exactly one kind key is present and the others fit it.
        #[derive(Debug, Clone, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(crate) struct RawBlockObject {
            $(
                #[doc = concat!("The `", stringify!($key), "` kind key (`", stringify!($schema), "`).")]
                #[serde(default)]
                pub $key: Option<$kraw>,
            )*
            $(
                $(#[doc = $odoc])*
                #[serde(default)]
                pub $opt: Option<$oty>,
            )*
        }

        impl RawBlockObject {
            /// The kind keys present, in the order of [`BLOCK_KINDS`].
            pub(crate) fn kinds(&self) -> Vec<&'static str> {
                let mut out = Vec::new();
                $(
                    if self.$key.is_some() {
                        out.push(stringify!($key));
                    }
                )*
                out
            }

            /// Every option key, and whether it is present.
            pub(crate) fn options(&self) -> Vec<(&'static str, bool)> {
                vec![$((stringify!($opt), self.$opt.is_some())),*]
            }
        }

        /// Every block kind, in the order the schema lists them.
        pub(crate) const BLOCK_KINDS: &[BlockKindSpec] = &[$(
            BlockKindSpec {
                key: stringify!($key),
                options: &[$(stringify!($field)),*],
            }
        ),*];

        $(
            $(#[doc = $sdoc])*
            #[derive(JsonSchema)]
            #[serde(deny_unknown_fields)]
            #[allow(dead_code)]
            struct $schema {
                $(#[$kmeta])*
                $key: $kty,
                $(
                    $(#[$fmeta])*
                    $field: $fty,
                )*
            }
        )*

        /// The schema of each kind, in the order of [`BLOCK_KINDS`].
        pub(crate) fn block_schemas(generator: &mut SchemaGenerator) -> Vec<Schema> {
            vec![$(generator.subschema_for::<$schema>()),*]
        }

        /// Vietnamese help of the kinds' schema definitions, as rows of
        /// [`crate::schema::SCHEMA_VI`]: (`Definition.property`, title,
        /// description).
        pub(crate) const BLOCK_SCHEMA_VI: &[(&str, &str, &str)] = &[$(
            (stringify!($schema), $vi_title, $vi_desc),
            (concat!(stringify!($schema), ".", stringify!($key)), $kvi_title, $kvi_desc),
            $((concat!(stringify!($schema), ".", stringify!($field)), $fvi_title, $fvi_desc),)*
        )*];
    };
}

block_kinds! {
    kinds {
        /// A numbered item: a title with a body, or (without body) a run-in numbered paragraph.
        HeadingBlock ("Đề mục", "Một đề mục có số thứ tự: tiêu đề kèm nội dung, hoặc (không có body) một đoạn văn có số thứ tự.") {
            /// The heading text (inline markup allowed); the label comes from depth and numbering.
            #[schemars(length(min = 1))]
            heading: String => String, ("Tiêu đề", "Nội dung đề mục; số thứ tự tự đánh theo cấp và kiểu đánh số."),
            /// Explicit label instead of the counted one, e.g. "III", "2", "đ".
            number: Option<RawLabel>, ("Số thứ tự ghi tay", "Số thứ tự ghi rõ thay cho số tự đánh, ví dụ \"III\", \"2\", \"đ\"."),
            /// false drops the label.
            numbered: Option<bool>, ("Có số thứ tự", "false thì không in số thứ tự."),
            /// With a body the heading is a title (I. upper case bold, 1. bold); without, a run-in numbered paragraph.
            #[schemars(length(min = 1))]
            body: Option<Vec<RawBlock>>, ("Nội dung đề mục", "Có body thì đề mục là tiêu đề (I. in hoa đậm, 1. đậm); không có thì là đoạn văn có số thứ tự."),
            /// true: the text is not a title but a lead-in sentence that introduces the body, e.g. a khoản "1. Tổ chức rà soát … như sau:" followed by its points a), b) …, or an untitled Điều ("Điều 2. Giao các đơn vị sau thực hiện:" followed by khoản). Printed regular and justified like a run-in paragraph (only "Điều N." stays bold); only a title is bold (Decree 30 App. I §II.6.c). Default: true when the text ends with ":", else false.
            lead_in: Option<bool>, ("Câu dẫn", "Tiêu đề là một câu dẫn (kết thúc bằng dấu hai chấm), in chữ đứng thường."),
        }
        /// "Phần I" and its title, printed centred on two lines.
        PartBlock ("Phần", "\"Phần I\" và tên phần, in giữa trên hai dòng.") {
            /// The part's title (printed upper case bold).
            #[schemars(length(min = 1))]
            part: String => String, ("Tên phần", "Tên phần (in hoa, đậm)."),
            /// Explicit number, e.g. "II".
            number: Option<RawLabel>, ("Số phần", "Số ghi rõ, ví dụ \"II\"."),
            /// Content.
            #[schemars(length(min = 1))]
            body: Vec<RawBlock>, ("Nội dung", "Nội dung của phần."),
        }
        /// "Chương I" and its title, printed centred on two lines.
        ChapterBlock ("Chương", "\"Chương I\" và tên chương, in giữa trên hai dòng.") {
            /// The chapter's title (printed upper case bold).
            #[schemars(length(min = 1))]
            chapter: String => String, ("Tên chương", "Tên chương (in hoa, đậm)."),
            /// Explicit number, e.g. "II".
            number: Option<RawLabel>, ("Số chương", "Số ghi rõ, ví dụ \"II\"."),
            /// Content.
            #[schemars(length(min = 1))]
            body: Vec<RawBlock>, ("Nội dung", "Nội dung của chương."),
        }
        /// "Mục 1" and its title, printed centred on two lines.
        SectionBlock ("Mục", "\"Mục 1\" và tên mục, in giữa trên hai dòng.") {
            /// The section's title (printed upper case bold).
            #[schemars(length(min = 1))]
            section: String => String, ("Tên mục", "Tên mục (in hoa, đậm)."),
            /// Explicit number, e.g. "3".
            number: Option<RawLabel>, ("Số mục", "Số ghi rõ, ví dụ \"3\"."),
            /// Content.
            #[schemars(length(min = 1))]
            body: Vec<RawBlock>, ("Nội dung", "Nội dung của mục."),
        }
        /// A dash list.
        ListBlock ("Danh sách gạch đầu dòng", "Một danh sách gạch đầu dòng.") {
            /// Items: each a string (one paragraph) or an array of blocks.
            #[schemars(length(min = 1))]
            list: Vec<RawListItem> => Vec<RawListItem>, ("Các mục", "Mỗi mục là một chuỗi (một đoạn) hoặc một mảng các khối."),
            /// Marker, "-" (default) or "+".
            marker: Option<RawMarker>, ("Dấu đầu dòng", "\"-\" (mặc định) hoặc \"+\"."),
        }
        /// A ruled table.
        TableBlock ("Bảng", "Một bảng có kẻ ô.") {
            /// The table.
            table: RawTable => RawTable, ("Bảng", "Nội dung bảng."),
        }
        /// A paragraph with explicit options.
        ParagraphBlock ("Đoạn văn", "Một đoạn văn có tùy chọn riêng.") {
            /// The text (inline markup allowed).
            paragraph: String => String, ("Nội dung đoạn", "Nội dung (được dùng *nghiêng*, **đậm**, ^[chú thích])."),
            /// Alignment; default justify.
            align: Option<Align>, ("Căn lề", "Căn lề; mặc định căn đều hai bên."),
            /// First-line indent; default true.
            indent: Option<bool>, ("Lùi đầu dòng", "Lùi đầu dòng thứ nhất; mặc định có."),
            /// Whole paragraph bold.
            bold: Option<bool>, ("In đậm", "In đậm cả đoạn."),
            /// Whole paragraph italic.
            italic: Option<bool>, ("In nghiêng", "In nghiêng cả đoạn."),
        }
        /// A forced page break.
        PageBreakBlock ("Ngắt trang", "Sang trang mới.") {
            /// Always true.
            #[schemars(extend("const" = true))]
            page_break: bool => bool, ("Ngắt trang", "Luôn là true."),
        }
    }
    options {
        /// Explicit label (heading, part, chapter, section).
        number: RawLabel,
        /// `false` drops the label (heading).
        numbered: bool,
        /// The heading text is a lead-in sentence, printed regular (heading).
        lead_in: bool,
        /// Content (heading, part, chapter, section).
        body: Vec<RawBlock>,
        /// List marker (list).
        marker: RawMarker,
        /// Alignment (paragraph).
        align: Align,
        /// First-line indent on/off (paragraph).
        indent: bool,
        /// Whole paragraph bold (paragraph).
        bold: bool,
        /// Whole paragraph italic (paragraph).
        italic: bool,
    }
}

/// The kind keys, "heading, part, …, page_break", for messages and
/// descriptions.
pub(crate) fn kind_list() -> String {
    BLOCK_KINDS
        .iter()
        .map(|k| k.key)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The kinds that take option `key`, as English running text ("heading,
/// part, chapter and section"); `and` is the word before the last one.
pub(crate) fn owners_of(key: &str, and: &str) -> String {
    let owners: Vec<&str> = BLOCK_KINDS
        .iter()
        .filter(|k| k.options.contains(&key))
        .map(|k| k.key)
        .collect();
    match owners.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
        None => String::new(),
    }
}
