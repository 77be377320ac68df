//! The entry points: bytes or text in, a validated [`Document`] or every
//! error out.

use crate::doc::Document;
use crate::lang::Msg;
use crate::locate;
use crate::raw::RawDocument;

use super::encoding::not_utf8;
use super::error::{Error, ErrorKind, Errors};
use super::limits::*;
use super::serde_msg::{render_path, serde_error};

/// Parses a file's bytes: checks the size, strips a UTF-8 BOM, and rejects
/// input that is not UTF-8 with a guess at what it is (Windows-1258, TCVN3,
/// VNI, UTF-16) before [`parse()`].
pub fn parse_bytes(bytes: &[u8]) -> Result<Document, Errors> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Errors::single(too_big(bytes.len())));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Errors::single(Error::new(
            ErrorKind::Encoding,
            "",
            Msg::new(
                "tệp được lưu ở dạng UTF-16 (mở đầu bằng dấu thứ tự byte UTF-16); hãy lưu lại ở dạng UTF-8",
                "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8",
            ),
        )));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => parse(s),
        Err(e) => Err(Errors::single(not_utf8(bytes, e.valid_up_to()))),
    }
}

/// Parses and validates a JSON document (see docs/input-format.md). A leading BOM
/// is ignored. Returns every error found: syntax and shape errors stop at the
/// first one; semantic errors are all collected.
pub fn parse(json: &str) -> Result<Document, Errors> {
    if json.len() > MAX_INPUT_BYTES {
        return Err(Errors::single(too_big(json.len())));
    }
    let json = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    if let Some((path, pos)) = locate::too_deep(json, MAX_JSON_DEPTH) {
        let mut e = Error::new(
            ErrorKind::Limit,
            path,
            Msg::new(
                format!(
                    "lồng quá sâu: ở đây có hơn {MAX_JSON_DEPTH} tầng mảng và đối tượng (các khối chỉ được lồng nhau tối đa {MAX_DEPTH} tầng); hãy làm phẳng cấu trúc"
                ),
                format!(
                    "nested too deeply: more than {MAX_JSON_DEPTH} levels of arrays and objects here (blocks may nest at most {MAX_DEPTH} deep); flatten the structure"
                ),
            ),
        );
        e.line = Some(pos.line);
        e.column = Some(pos.column);
        return Err(Errors::single(e));
    }
    if json.trim().is_empty() {
        return Err(Errors::single(Error::new(
            ErrorKind::Syntax,
            "",
            Msg::new(
                "dữ liệu vào trống; cần một đối tượng JSON mô tả một văn bản",
                "the input is empty; expected a JSON object describing one document",
            ),
        )));
    }
    let raw = read_raw(json)?;
    match crate::validate::validate(&raw, json) {
        (Some(doc), None) => Ok(doc),
        (_, Some(errors)) => Err(errors),
        (None, None) => Err(Errors::single(Error::new(
            ErrorKind::Value,
            "",
            Msg::new("văn bản không hợp lệ", "the document is not valid"),
        ))),
    }
}

fn too_big(len: usize) -> Error {
    Error::new(
        ErrorKind::Limit,
        "",
        Msg::new(
            format!(
                "dữ liệu vào dài {len} byte; vanban đọc tối đa {MAX_INPUT_BYTES} byte (16 MiB) cho một văn bản"
            ),
            format!(
                "the input is {len} bytes; vanban reads at most {MAX_INPUT_BYTES} bytes (16 MiB) per document"
            ),
        ),
    )
}

/// Reads the raw serde types, turning serde errors into [`Error`]s.
fn read_raw(json: &str) -> Result<RawDocument, Errors> {
    let mut de = serde_json::Deserializer::from_str(json);
    let result: Result<RawDocument, _> = serde_path_to_error::deserialize(&mut de);
    match result {
        Ok(raw) => match de.end() {
            Ok(()) => Ok(raw),
            Err(e) => Err(Errors::single(serde_error(json, String::new(), &e))),
        },
        Err(e) => {
            let path = render_path(e.path());
            Err(Errors::single(serde_error(json, path, e.inner())))
        }
    }
}
