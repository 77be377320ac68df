//! Encoding sniffing: input that is not UTF-8 is rejected with a guess at
//! the legacy Vietnamese encoding it is in.

use crate::lang::Msg;

use super::error::{Error, ErrorKind};

/// The error for bytes that are not UTF-8, with a guess at the encoding.
pub(super) fn not_utf8(bytes: &[u8], offset: usize) -> Error {
    let byte = bytes.get(offset).copied().unwrap_or(0);
    let valid = bytes.get(..offset).unwrap_or(&[]);
    let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = std::str::from_utf8(valid.get(line_start..).unwrap_or(&[]))
        .map_or(1, |s| s.chars().count() + 1);
    let (guess_vi, guess_en) = match guess_legacy_encoding(bytes) {
        Some(name) => (
            format!(
                "có vẻ là bảng mã {} (phỏng đoán)",
                name.replace("fonts ", "phông ")
            ),
            format!("it looks like {name} (a guess)"),
        ),
        None => (
            "có thể là một bảng mã tiếng Việt cũ (Windows-1258, TCVN3 hoặc VNI)".to_string(),
            "it may be a legacy Vietnamese encoding (Windows-1258, TCVN3 or VNI)".to_string(),
        ),
    };
    let mut e = Error::new(
        ErrorKind::Encoding,
        "",
        Msg::new(
            format!(
                "tệp không ở dạng UTF-8 (byte 0x{byte:02X} ở vị trí {offset}); {guess_vi} — hãy lưu lại ở dạng UTF-8 (trong Word hoặc Notepad: Lưu thành (Save As), Mã hóa (Encoding): UTF-8; hoặc chuyển mã bằng công cụ của UniKey)"
            ),
            format!(
                "the file is not UTF-8 (byte 0x{byte:02X} at offset {offset}); {guess_en} — save it as UTF-8 (in Word or Notepad: Save As, Encoding: UTF-8; or convert with UniKey's tool)"
            ),
        ),
    );
    e.line = Some(line);
    e.column = Some(column);
    e
}

/// Guesses which legacy Vietnamese encoding non-UTF-8 bytes are in, from
/// byte patterns. Heuristics only (messages call it a guess):
/// - TCVN3 (ABC, fonts ".VnTime"): one byte per accented letter, many of
///   them in 0xA1–0xBF (0xB5 "à", 0xB8 "á", 0xA9 "â", 0xAE "đ", …), a
///   range that holds only symbols in the other two.
/// - VNI (fonts "VNI-Times"): an ASCII vowel followed by a diacritic byte
///   (lower case 0xE0–0xFC such as 0xF9 "´", 0xF8 "`", 0xE4 "^."; upper
///   case 0xC0–0xDC), then ASCII again.
/// - Windows-1258: a vowel (ASCII or â ê ô ơ ư ă) followed by a combining
///   tone mark byte 0xCC, 0xEC, 0xD2, 0xDE or 0xF2.
pub(super) fn guess_legacy_encoding(bytes: &[u8]) -> Option<&'static str> {
    pub(super) fn ascii_vowel(b: u8) -> bool {
        matches!(
            b.to_ascii_lowercase(),
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
        )
    }
    pub(super) fn cp1258_vowel(b: u8) -> bool {
        ascii_vowel(b)
            || matches!(
                b,
                0xE2 | 0xEA | 0xF4 | 0xF5 | 0xFD | 0xE3 | 0xC2 | 0xCA | 0xD4 | 0xD5 | 0xDD | 0xC3
            )
    }
    pub(super) fn vni_mark(b: u8) -> bool {
        matches!(
            b,
            0xF9 | 0xF8
                | 0xFB
                | 0xF5
                | 0xEF
                | 0xE1
                | 0xE0
                | 0xE5
                | 0xE3
                | 0xE4
                | 0xE9
                | 0xE8
                | 0xFA
                | 0xFC
                | 0xEB
                | 0xE2
                | 0xEA
                | 0xD9
                | 0xD8
                | 0xDB
                | 0xD5
                | 0xCF
                | 0xC1
                | 0xC0
                | 0xC5
                | 0xC3
                | 0xC4
                | 0xC9
                | 0xC8
                | 0xDA
                | 0xDC
                | 0xCB
                | 0xC2
                | 0xCA
        )
    }
    let (mut vni, mut cp1258, mut tcvn3) = (0usize, 0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0x80 {
            continue;
        }
        let prev = i
            .checked_sub(1)
            .and_then(|p| bytes.get(p))
            .copied()
            .unwrap_or(b' ');
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        if (0xA1..=0xBF).contains(&b) {
            tcvn3 += 2;
        }
        if ascii_vowel(prev) && vni_mark(b) && next < 0x80 {
            vni += 2;
        }
        if cp1258_vowel(prev) && matches!(b, 0xCC | 0xEC | 0xD2 | 0xDE | 0xF2) {
            cp1258 += 2;
        }
    }
    let best = [
        (tcvn3, "TCVN3 (ABC, fonts .VnTime)"),
        (vni, "VNI (fonts VNI-Times)"),
        (cp1258, "Windows-1258"),
    ]
    .into_iter()
    .max_by_key(|(score, _)| *score)?;
    if best.0 == 0 { None } else { Some(best.1) }
}
