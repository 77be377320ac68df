//! Why an import failed. Every error has a Vietnamese and an English text
//! (Vietnamese by `Display`), names the part of the file and says what to do.

use vanban_model::lang::{Lang, Msg};

/// A failed import: nothing is produced.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The input exceeds a size limit.
    TooLarge {
        /// What was too large (e.g. "word/document.xml").
        what: String,
        /// Its limit in bytes.
        limit: usize,
    },
    /// Not a zip archive, so not a DOCX.
    NotZip(String),
    /// A zip archive without `word/document.xml`.
    NotDocx,
    /// An encrypted (password-protected) Office file.
    Encrypted,
    /// An old binary Word document (.doc).
    LegacyDoc,
    /// Too many entries in the archive.
    TooManyEntries(usize),
    /// A part is not well-formed XML.
    Xml {
        /// The part, e.g. "word/document.xml".
        part: String,
        /// Line (1-based).
        line: u32,
        /// Column (1-based).
        col: u32,
        /// What is wrong.
        detail: String,
    },
    /// A part is not UTF-8 text.
    Encoding(String),
    /// The source holds no text at all.
    Empty,
    /// The produced document does not validate (a bug of the importer).
    Invalid(String),
}

impl ImportError {
    /// The message in both languages.
    pub fn msg(&self) -> Msg {
        match self {
            ImportError::TooLarge { what, limit } => Msg::new(
                format!(
                    "{what} quá lớn (giới hạn {} MiB); hãy tách văn bản hoặc bỏ bớt hình ảnh",
                    limit >> 20
                ),
                format!(
                    "{what} is too large (limit {} MiB); split the document or remove pictures",
                    limit >> 20
                ),
            ),
            ImportError::NotZip(d) => Msg::new(
                format!(
                    "tệp không phải DOCX (không đọc được dạng nén zip: {d}); hãy lưu lại bằng Word dưới dạng .docx"
                ),
                format!(
                    "not a DOCX file (not a readable zip archive: {d}); save it from Word as .docx"
                ),
            ),
            ImportError::NotDocx => Msg::new(
                "tệp nén này không phải văn bản Word (thiếu word/document.xml)",
                "this zip archive is not a Word document (word/document.xml is missing)",
            ),
            ImportError::Encrypted => Msg::new(
                "tệp được đặt mật khẩu; hãy mở bằng Word, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu) rồi lưu lại",
                "the file is password-protected; open it in Word, remove the password (File > Info > Protect Document) and save it again",
            ),
            ImportError::LegacyDoc => Msg::new(
                "đây là tệp Word cũ (.doc); hãy chuyển sang .docx: soffice --headless --convert-to docx TỆP.doc (LibreOffice) hoặc Word: Lưu thành .docx",
                "this is an old Word file (.doc); convert it to .docx: soffice --headless --convert-to docx FILE.doc (LibreOffice) or Word: Save As .docx",
            ),
            ImportError::TooManyEntries(n) => Msg::new(
                format!("tệp nén có quá nhiều mục ({n}); không phải văn bản Word thông thường"),
                format!("the archive has too many entries ({n}); not an ordinary Word document"),
            ),
            ImportError::Xml {
                part,
                line,
                col,
                detail,
            } => Msg::new(
                format!(
                    "{part}, dòng {line}, cột {col}: XML hỏng ({detail}); tệp bị lỗi, hãy mở bằng Word và lưu lại"
                ),
                format!(
                    "{part}, line {line}, column {col}: broken XML ({detail}); the file is damaged, open it in Word and save it again"
                ),
            ),
            ImportError::Encoding(part) => Msg::new(
                format!("{part}: không phải văn bản UTF-8"),
                format!("{part}: not UTF-8 text"),
            ),
            ImportError::Empty => Msg::new(
                "không tìm thấy chữ nào trong tệp",
                "the file contains no text",
            ),
            ImportError::Invalid(d) => Msg::new(
                format!("văn bản nhập được không hợp lệ (lỗi của chương trình, xin báo lại): {d}"),
                format!("the imported document does not validate (a bug, please report it): {d}"),
            ),
        }
    }

    /// The message in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        self.msg().get(lang).to_string()
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg().vi)
    }
}

impl std::error::Error for ImportError {}
