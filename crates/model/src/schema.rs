//! The JSON Schema of the input format, generated from the private raw serde types,
//! with Vietnamese titles and descriptions (and the decree's box numbers,
//! "ô số …" of Decree 30 App. I §II) put before the English ones, so an
//! editor's hover help is readable by the staff who edit these files.

use serde_json::{Map, Value};

use crate::block_kinds::{BLOCK_SCHEMA_VI, kind_list};
use crate::doctype::DocType;
use crate::raw::RawDocument;

/// The `$id` of the schema.
pub const SCHEMA_ID: &str = "https://example.invalid/vanban/schema/v1/document.schema.json";

/// Vietnamese help for the schema: (`Definition.property`, title,
/// description). `ROOT` is the document object; a key without a property
/// (`"Issuer"`) is the definition itself. The block kinds' rows are
/// declared with the kinds (the private `block_kinds` module); `{kinds}`
/// stands for the list of their keys. Box numbers follow the diagram of
/// Decree 30 App. I §II (ô số 1 quốc hiệu … ô số 13 địa chỉ liên hệ).
pub const SCHEMA_VI: &[(&str, &str, &str)] = &[
    (
        "ROOT",
        "Văn bản hành chính",
        "Một văn bản hành chính trình bày theo Nghị định 30/2020/NĐ-CP.",
    ),
    (
        "ROOT.$schema",
        "Lược đồ",
        "Đường dẫn tới lược đồ này, để trình soạn thảo gợi ý và kiểm tra; vanban bỏ qua trường này.",
    ),
    (
        "ROOT.type",
        "Loại văn bản",
        "Mã loại văn bản, ví dụ \"bao_cao\", \"quyet_dinh\", \"cong_van\" (Điều 7 Nghị định 30); xem danh sách bằng `vanban new --list`.",
    ),
    (
        "ROOT.issuer",
        "Cơ quan ban hành (ô số 2)",
        "Tên cơ quan, tổ chức ban hành văn bản và cơ quan chủ quản trực tiếp (ô số 2).",
    ),
    (
        "ROOT.number",
        "Số văn bản (ô số 3)",
        "Số của văn bản (ô số 3); để null thì để trống cho văn thư điền khi ban hành. Số từ 1 đến 9 được in thêm số 0 ở trước.",
    ),
    (
        "ROOT.symbol",
        "Ký hiệu văn bản (ô số 3)",
        "Ghi đè ký hiệu tự lập (phần sau \"Số: 05/\"), ví dụ \"QĐ-UBND\". Không có dấu cách; chỉ gồm chữ cái (kể cả Đ), chữ số và - / & .",
    ),
    (
        "ROOT.place",
        "Địa danh (ô số 4)",
        "Địa danh ghi trước ngày tháng (ô số 4), ví dụ \"Ba Tô\".",
    ),
    (
        "ROOT.date",
        "Ngày ban hành (ô số 4)",
        "Ngày tháng năm ban hành (ô số 4): \"YYYY-MM-DD\", \"YYYY-MM\" (để trống ngày cho văn thư điền), \"YYYY\", hoặc null (để trống cả ngày tháng).",
    ),
    (
        "ROOT.title",
        "Trích yếu nội dung (ô số 5a, 5b)",
        "Trích yếu nội dung văn bản (ô số 5a); với công văn in thành \"V/v …\" (ô số 5b). Ký tự xuống dòng (\\n) để ngắt dòng.",
    ),
    (
        "ROOT.to",
        "Kính gửi (ô số 9a)",
        "Các nơi nhận ghi sau \"Kính gửi:\" (ô số 9a), dùng cho công văn, tờ trình…",
    ),
    (
        "ROOT.authority",
        "Thẩm quyền ban hành",
        "Dòng thẩm quyền ban hành trên phần căn cứ của quyết định, nghị quyết, ví dụ \"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BA TÔ\".",
    ),
    (
        "ROOT.bases",
        "Căn cứ ban hành",
        "Các dòng căn cứ ban hành (in nghiêng); dấu \";\" và \".\" cuối dòng được thêm tự động.",
    ),
    (
        "ROOT.body",
        "Nội dung văn bản (ô số 6)",
        "Nội dung văn bản (ô số 6): ít nhất một khối (đoạn văn, đề mục, danh sách, bảng…).",
    ),
    (
        "ROOT.signature",
        "Người ký (ô số 7a, 7b, 7c)",
        "Quyền hạn, chức vụ, họ tên người ký (ô số 7a, 7c; chữ ký ở ô số 7b); hoặc một mảng hai người ký (trái, phải) cho biên bản, hợp đồng, bản ghi nhớ, bản thỏa thuận.",
    ),
    (
        "ROOT.recipients",
        "Nơi nhận (ô số 9b)",
        "Các dòng \"Nơi nhận:\" (ô số 9b), không ghi dấu \"- \" đầu dòng và dấu \";\" cuối dòng.",
    ),
    (
        "ROOT.archive",
        "Lưu",
        "Các mục của dòng \"- Lưu:\"; mặc định [\"VT\"] (văn thư).",
    ),
    (
        "ROOT.drafter",
        "Người soạn thảo, số bản (ô số 12)",
        "Chữ viết tắt tên người soạn thảo và số lượng bản phát hành, in \"PL.(300)\" (ô số 12).",
    ),
    (
        "ROOT.urgency",
        "Mức độ khẩn (ô số 10b)",
        "Dấu chỉ mức độ khẩn (ô số 10b): khan (KHẨN), thuong_khan (THƯỢNG KHẨN), hoa_toc (HỎA TỐC).",
    ),
    (
        "ROOT.secrecy",
        "Mức độ mật (ô số 10a)",
        "Dấu chỉ độ mật (ô số 10a).",
    ),
    (
        "ROOT.circulation",
        "Phạm vi lưu hành (ô số 11)",
        "Chỉ dẫn về phạm vi lưu hành, ví dụ \"LƯU HÀNH NỘI BỘ\" (ô số 11).",
    ),
    (
        "ROOT.contact",
        "Thông tin liên hệ (ô số 13)",
        "Địa chỉ cơ quan, điện thoại, thư điện tử, trang thông tin điện tử… ở chân trang đầu (ô số 13).",
    ),
    (
        "ROOT.appendices",
        "Phụ lục",
        "Các phụ lục kèm theo văn bản, đánh số \"Phụ lục I\", \"Phụ lục II\"…",
    ),
    (
        "ROOT.style",
        "Định dạng",
        "Điều chỉnh định dạng trong phạm vi Nghị định 30 cho phép; giá trị ngoài phạm vi là lỗi.",
    ),
    (
        "ROOT.meta",
        "Thông tin quản lý văn bản điện tử",
        "Các trường thông tin của văn bản điện tử (Phụ lục VI Nghị định 30), ghi vào siêu dữ liệu của PDF và DOCX.",
    ),
    (
        "ROOT.numbering",
        "Kiểu đánh số đề mục",
        "Kiểu số của đề mục theo từng cấp, ví dụ [\"1.\", \"a)\", \"-\"]; mặc định tùy loại văn bản.",
    ),
    (
        "Issuer",
        "Cơ quan ban hành (ô số 2)",
        "Tên cơ quan, tổ chức ban hành văn bản (ô số 2).",
    ),
    (
        "Issuer.parent",
        "Cơ quan chủ quản",
        "Tên cơ quan, tổ chức chủ quản trực tiếp, in hoa, chữ đứng, ví dụ \"ỦY BAN NHÂN DÂN HUYỆN BA TƠ\".",
    ),
    (
        "Issuer.name",
        "Tên cơ quan ban hành",
        "Tên cơ quan, tổ chức ban hành, in hoa, đậm, có đường kẻ ngang bên dưới; \\n để ngắt dòng.",
    ),
    (
        "Issuer.abbr",
        "Chữ viết tắt tên cơ quan",
        "Chữ viết tắt tên cơ quan dùng trong ký hiệu văn bản, ví dụ \"UBND\".",
    ),
    (
        "Issuer.normal_name",
        "Tên cơ quan viết thường",
        "Tên cơ quan ban hành viết như trong câu văn, ví dụ \"Phòng Kinh tế và Hạ tầng huyện Ba Tơ\", dùng ở dòng \"(Kèm theo … của …)\" của phụ lục (Mẫu 2.1). Mặc định: suy ra từ name.",
    ),
    (
        "Issuer.unit",
        "Đơn vị soạn thảo",
        "Chữ viết tắt tên đơn vị soạn thảo, ví dụ \"VP\", dùng trong ký hiệu công văn (\"UBND-VP\").",
    ),
    (
        "Signature",
        "Người ký (ô số 7a, 7b, 7c)",
        "Một người ký: quyền hạn, chức vụ (ô số 7a), chữ ký (ô số 7b), họ tên (ô số 7c).",
    ),
    (
        "Signature.on_behalf_of",
        "Thay mặt (TM.)",
        "Tập thể được ký thay mặt, in \"TM. ỦY BAN NHÂN DÂN\".",
    ),
    (
        "Signature.for",
        "Ký thay, thừa lệnh, thừa ủy quyền, quyền",
        "Ký thay người đứng đầu: in \"KT. CHỦ TỊCH\", \"TL. …\", \"TUQ. …\", \"Q. …\".",
    ),
    (
        "Signature.title",
        "Chức vụ người ký",
        "Chức vụ của người ký, ví dụ \"PHÓ CHỦ TỊCH\"; chỉ được bỏ khi hình thức ký là \"Q\".",
    ),
    (
        "Signature.name",
        "Họ và tên người ký (ô số 7c)",
        "Họ và tên người ký, ví dụ \"Phạm Văn Hiền\".",
    ),
    (
        "Signature.seal_mm",
        "Đường kính con dấu (ô số 8)",
        "Đường kính con dấu của cơ quan, tính bằng mm (30–45, mặc định 36): ô đóng dấu ChuKy_CoQuan là hình vuông cỡ thật của con dấu, đè lên khoảng một phần ba bên trái chữ ký.",
    ),
    (
        "Signatures",
        "Người ký",
        "Một người ký, hoặc một mảng hai người ký (trái, phải).",
    ),
    (
        "SignFor",
        "Hình thức ký",
        "Dòng \"KT.\" / \"TL.\" / \"TUQ.\" / \"Q.\" trên chức vụ người ký.",
    ),
    (
        "SignFor.mode",
        "Hình thức ký",
        "KT (ký thay người đứng đầu), TL (thừa lệnh), TUQ (thừa ủy quyền), Q (quyền). Với TM (thay mặt) dùng on_behalf_of.",
    ),
    (
        "SignFor.title",
        "Chức vụ người đứng đầu",
        "Chức vụ của người đứng đầu được ký thay, ví dụ \"CHỦ TỊCH\".",
    ),
    (
        "SignMode",
        "Hình thức ký",
        "Các hình thức ký: KT, TL, TUQ, Q, TM.",
    ),
    (
        "Drafter",
        "Người soạn thảo (ô số 12)",
        "Chữ viết tắt tên người soạn thảo và số lượng bản phát hành (ô số 12).",
    ),
    (
        "Drafter.initials",
        "Chữ viết tắt tên người soạn thảo",
        "Viết hoa, ví dụ \"PL\".",
    ),
    (
        "Drafter.copies",
        "Số lượng bản phát hành",
        "Số bản phát hành, ví dụ 300.",
    ),
    (
        "Contact",
        "Thông tin liên hệ (ô số 13)",
        "Thông tin liên hệ ở chân trang đầu (ô số 13).",
    ),
    ("Contact.address", "Địa chỉ", "Địa chỉ cơ quan, tổ chức."),
    ("Contact.phone", "Điện thoại", "Số điện thoại."),
    ("Contact.fax", "Fax", "Số fax."),
    ("Contact.email", "Thư điện tử", "Địa chỉ thư điện tử."),
    (
        "Contact.website",
        "Trang thông tin điện tử",
        "Địa chỉ trang thông tin điện tử.",
    ),
    (
        "Appendix",
        "Phụ lục",
        "Một phụ lục (\"Phụ lục I\"…), đánh số riêng.",
    ),
    ("Appendix.title", "Tên phụ lục", "Tên phụ lục, in hoa, đậm."),
    (
        "Appendix.body",
        "Nội dung phụ lục",
        "Nội dung phụ lục: ít nhất một khối.",
    ),
    (
        "Appendix.separate_file",
        "Phụ lục thành tệp riêng",
        "Ban hành phụ lục thành tệp riêng (Nghị định 30 Phụ lục I mục III.1.d, Phụ lục III Mẫu 2.2).",
    ),
    (
        "Appendix.landscape",
        "Trình bày khổ ngang",
        "Trình bày phụ lục trên trang A4 khổ ngang cho bảng rộng (Nghị định 30 Phụ lục I mục I.2 cho phép trình bày theo chiều rộng trang giấy khi có bảng, biểu; tệp Phụ lục I của Nghị định có phần khổ ngang). Lề như trang dọc theo chiều đọc, số trang ở giữa lề trên. Mặc định false.",
    ),
    (
        "Block",
        "Khối nội dung",
        "Một khối: một chuỗi (đoạn văn căn đều hai bên, lùi đầu dòng; *nghiêng*, **đậm**, ^[chú thích]; \\n để xuống dòng), hoặc một đối tượng có đúng một trong các khóa {kinds}.",
    ),
    (
        "ListItem",
        "Mục danh sách",
        "Một chuỗi (một đoạn), hoặc một mảng các khối.",
    ),
    ("Marker", "Dấu đầu dòng", "Dấu đầu dòng của danh sách."),
    ("Table", "Bảng", "Một bảng có kẻ ô."),
    (
        "Table.columns",
        "Các cột",
        "Các cột; cột nào có tiêu đề thì sinh hàng tiêu đề. Bỏ trống thì số cột lấy theo hàng đầu.",
    ),
    (
        "Table.rows",
        "Các hàng",
        "Các hàng. Ô là chuỗi (được dùng định dạng *nghiêng*, **đậm**; số viết dạng chữ, \"2,19\"), hoặc đối tượng {\"text\", \"colspan\", \"rowspan\"} cho ô gộp. Như HTML, mỗi hàng ghi các ô bắt đầu ở hàng đó, từ trái sang phải: ô gộp nhiều hàng chỉ ghi ở hàng trên cùng; các ô của hàng (tính cả số cột gộp) cùng các ô gộp từ hàng trên xuống phủ đúng mỗi cột một ô.",
    ),
    (
        "Cell",
        "Ô",
        "Một ô của bảng: chuỗi, hoặc đối tượng {\"text\", \"colspan\", \"rowspan\"} cho ô gộp.",
    ),
    (
        "SpanCell",
        "Ô gộp",
        "Một ô gộp nhiều cột và/hoặc nhiều hàng.",
    ),
    (
        "SpanCell.text",
        "Nội dung ô",
        "Chữ trong ô (được dùng *nghiêng*, **đậm**).",
    ),
    (
        "SpanCell.colspan",
        "Số cột gộp",
        "Số cột ô chiếm, tính từ cột của nó sang phải (mặc định 1).",
    ),
    (
        "SpanCell.rowspan",
        "Số hàng gộp",
        "Số hàng ô chiếm, tính từ hàng của nó xuống dưới (mặc định 1).",
    ),
    (
        "Table.header_rows",
        "Số hàng tiêu đề",
        "Số hàng (sau hàng tiêu đề sinh tự động) cũng là hàng tiêu đề, lặp lại ở đầu mỗi trang.",
    ),
    ("Column", "Cột", "Một cột của bảng."),
    ("Column.title", "Tiêu đề cột", "Chữ ở hàng tiêu đề."),
    (
        "Column.width",
        "Độ rộng tương đối",
        "Độ rộng tương đối, lớn hơn 0 (mặc định 1).",
    ),
    (
        "Column.align",
        "Căn lề",
        "Căn lề các ô của cột (mặc định căn trái).",
    ),
    (
        "Align",
        "Căn lề",
        "Căn lề ngang: left (trái), center (giữa), right (phải), justify (đều hai bên).",
    ),
    (
        "Style",
        "Định dạng",
        "Điều chỉnh định dạng; mọi giá trị phải nằm trong phạm vi Nghị định 30.",
    ),
    (
        "Style.body_size",
        "Cỡ chữ nội dung",
        "Cỡ chữ phần nội dung, đơn vị pt: 13 hoặc 14 (Phụ lục I mục II.6.e).",
    ),
    (
        "Style.margins_mm",
        "Lề trang",
        "Lề trang, đơn vị mm (Phụ lục I mục I.3).",
    ),
    (
        "Style.indent_cm",
        "Lùi đầu dòng",
        "Khoảng lùi đầu dòng, đơn vị cm: 1 hoặc 1,27 (Phụ lục I mục II.6.e).",
    ),
    (
        "Style.line_spacing",
        "Khoảng cách dòng",
        "Khoảng cách dòng: số từ 1.0 đến 1.5 (bội của dòng đơn), hoặc {\"exact_pt\": x} cố định (Phụ lục I mục II.6.e).",
    ),
    (
        "Style.paragraph_spacing_pt",
        "Khoảng cách đoạn",
        "Khoảng cách giữa các đoạn, đơn vị pt: 6–24 (tối thiểu 6, Phụ lục I mục II.6.e).",
    ),
    ("Margins", "Lề trang", "Lề trang, đơn vị mm."),
    ("Margins.top", "Lề trên", "Lề trên, 20–25 mm."),
    ("Margins.bottom", "Lề dưới", "Lề dưới, 20–25 mm."),
    ("Margins.left", "Lề trái", "Lề trái, 30–35 mm."),
    ("Margins.right", "Lề phải", "Lề phải, 15–20 mm."),
    (
        "LineSpacing",
        "Khoảng cách dòng",
        "Bội của dòng đơn, hoặc khoảng cách dòng cố định.",
    ),
    (
        "ExactSpacing",
        "Khoảng cách dòng cố định",
        "{\"exact_pt\": 17}: khoảng cách dòng cố định.",
    ),
    (
        "ExactSpacing.exact_pt",
        "Khoảng cách dòng (pt)",
        "Khoảng cách dòng, đơn vị pt, từ dòng đơn (1,149 × cỡ chữ) đến 1,5 dòng.",
    ),
    (
        "Meta",
        "Thông tin quản lý văn bản điện tử",
        "Các trường thông tin của văn bản đi (Phụ lục VI Nghị định 30).",
    ),
    (
        "Meta.organ_id",
        "Mã định danh cơ quan (OrganId)",
        "Mã định danh của cơ quan ban hành (tối đa 13 ký tự).",
    ),
    (
        "Meta.file_code",
        "Mã hồ sơ (FileCode)",
        "Mã hồ sơ mà văn bản thuộc về.",
    ),
    (
        "Meta.language",
        "Ngôn ngữ",
        "Ngôn ngữ của văn bản, mặc định \"vi\".",
    ),
    (
        "Meta.priority",
        "Độ ưu tiên",
        "Mã độ ưu tiên, 0–9 (Phụ lục VI: một chữ số).",
    ),
    ("Meta.keywords", "Từ khóa", "Các từ khóa."),
    (
        "Meta.due_date",
        "Hạn trả lời (DueDate)",
        "Hạn trả lời văn bản, YYYY-MM-DD.",
    ),
    (
        "Meta.issued_amount",
        "Số lượng bản phát hành",
        "Số lượng bản phát hành.",
    ),
    ("Meta.description", "Ghi chú", "Ghi chú về văn bản."),
    (
        "LabelKind",
        "Kiểu số đề mục",
        "Một kiểu số trong numbering: \"I.\", \"1.\", \"a)\", \"-\", \"+\", \"Điều\".",
    ),
    (
        "DocType",
        "Loại văn bản",
        "Loại văn bản (Điều 7 Nghị định 30).",
    ),
    (
        "Urgency",
        "Mức độ khẩn (ô số 10b)",
        "khan (KHẨN), thuong_khan (THƯỢNG KHẨN), hoa_toc (HỎA TỐC).",
    ),
    ("Secrecy", "Mức độ mật (ô số 10a)", "Độ mật của văn bản."),
];

/// Vietnamese descriptions of enumerated values: (`Definition.value`,
/// description). Document types take their Vietnamese name from
/// [`DocType::name_vi`].
pub const VALUES_VI: &[(&str, &str)] = &[
    ("Align.left", "Căn trái."),
    ("Align.center", "Căn giữa."),
    ("Align.right", "Căn phải."),
    ("Align.justify", "Căn đều hai bên."),
    ("LabelKind.I.", "Số La Mã: \"I.\""),
    ("LabelKind.1.", "Số Ả Rập: \"1.\""),
    ("LabelKind.a)", "Chữ cái tiếng Việt của điểm: \"a)\""),
    ("LabelKind.-", "Gạch đầu dòng: \"-\""),
    ("LabelKind.+", "Dấu cộng: \"+\""),
    ("LabelKind.Điều", "Điều: \"Điều 1.\""),
    ("Marker.-", "Gạch đầu dòng \"-\"."),
    ("Marker.+", "Dấu cộng \"+\"."),
    ("Secrecy.mat", "MẬT"),
    ("Secrecy.toi_mat", "TỐI MẬT"),
    ("Secrecy.tuyet_mat", "TUYỆT MẬT"),
    ("SignMode.KT", "Ký thay người đứng đầu: \"KT.\""),
    ("SignMode.TL", "Thừa lệnh: \"TL.\""),
    ("SignMode.TUQ", "Thừa ủy quyền: \"TUQ.\""),
    ("SignMode.Q", "Quyền (người đứng đầu tạm thời): \"Q.\""),
    ("SignMode.TM", "Thay mặt tập thể: như on_behalf_of."),
    ("Urgency.khan", "KHẨN"),
    ("Urgency.thuong_khan", "THƯỢNG KHẨN"),
    ("Urgency.hoa_toc", "HỎA TỐC"),
];

/// The JSON Schema (draft 2020-12) of a vanban document, pretty-printed.
/// Editors use it for completion and checking (`"$schema"` in the document);
/// it is the single source of truth for the input format. Titles are
/// Vietnamese; descriptions are Vietnamese, then the English original.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(RawDocument);
    let mut v = schema.to_value();
    if let Value::Object(root) = &mut v {
        root.insert("$id".to_string(), SCHEMA_ID.into());
        localize(root, "ROOT");
        if let Some(Value::Object(defs)) = root.get_mut("$defs") {
            for (name, def) in defs.iter_mut() {
                if let Value::Object(def) = def {
                    localize(def, name);
                }
            }
        }
    }
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

/// The Vietnamese row for `key`.
fn vi(key: &str) -> Option<(&'static str, &'static str)> {
    SCHEMA_VI
        .iter()
        .chain(BLOCK_SCHEMA_VI)
        .find(|(k, _, _)| *k == key)
        .map(|(_, t, d)| (*t, *d))
}

/// Puts the Vietnamese title and description on `obj` (named `name`), on
/// each of its properties and on each of its enumerated values, keeping the
/// English description after it.
fn localize(obj: &mut Map<String, Value>, name: &str) {
    apply(obj, name);
    if let Some(Value::Array(values)) = obj.get_mut("oneOf") {
        for v in values.iter_mut() {
            let Value::Object(v) = v else { continue };
            let Some(c) = v.get("const").and_then(Value::as_str).map(str::to_owned) else {
                continue;
            };
            let vi = match (name, DocType::from_key(&c)) {
                ("DocType", Some(t)) => Some(match t.abbr() {
                    Some(a) => format!("{} (ký hiệu {a}).", t.name_vi()),
                    None => format!(
                        "{} (không in tên loại, không có chữ viết tắt).",
                        t.name_vi()
                    ),
                }),
                _ => VALUES_VI
                    .iter()
                    .find(|(k, _)| *k == format!("{name}.{c}"))
                    .map(|(_, d)| (*d).to_owned()),
            };
            if let Some(vi) = vi {
                let text = match v.get("description").and_then(Value::as_str) {
                    Some(en) if !en.is_empty() => format!("{vi}\n\n(English) {en}"),
                    _ => vi,
                };
                v.insert("description".to_string(), text.into());
            }
        }
    }
    if let Some(Value::Object(props)) = obj.get_mut("properties") {
        for (prop, schema) in props.iter_mut() {
            if let Value::Object(p) = schema {
                apply(p, &format!("{name}.{prop}"));
            }
        }
    }
}

fn apply(obj: &mut Map<String, Value>, key: &str) {
    let Some((title, desc)) = vi(key) else {
        return;
    };
    obj.insert("title".to_string(), title.into());
    let text = match obj.get("description").and_then(Value::as_str) {
        Some(en) if !en.is_empty() => format!("{desc}\n\n(English) {en}"),
        _ => desc.to_string(),
    };
    let text = text.replace("{kinds}", &kind_list());
    obj.insert("description".to_string(), text.into());
}
