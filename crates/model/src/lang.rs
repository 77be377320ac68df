//! The language of what vanban says to people: Vietnamese by default,
//! English on request (`--lang en` or `VANBAN_LANG=en`).
//!
//! Every user-facing text is a [`Msg`], which holds both languages, so a
//! message cannot exist in one language only: the type has no constructor
//! that takes one of them.

use std::fmt;

/// A language vanban speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Vietnamese, the default.
    #[default]
    Vi,
    /// English, on request.
    En,
}

/// The environment variable that selects the language (`vi` or `en`).
pub const LANG_ENV: &str = "VANBAN_LANG";

impl Lang {
    /// Parses a language code: `vi`/`vi-VN` or `en`/`en-US` (case-insensitive).
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        let head = code.split(['-', '_', '.']).next().unwrap_or("");
        match head {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language chosen by [`LANG_ENV`], else Vietnamese.
    pub fn from_env() -> Lang {
        std::env::var(LANG_ENV)
            .ok()
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }

    /// The language code (`vi`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

/// A user-facing text in Vietnamese and English.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Msg {
    /// The Vietnamese text (NFC).
    pub vi: String,
    /// The English text.
    pub en: String,
}

impl Msg {
    /// A message in both languages.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Msg {
        Msg {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

impl fmt::Display for Msg {
    /// Shows the Vietnamese text (the default language).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.vi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse() {
        assert_eq!(Lang::parse("vi"), Some(Lang::Vi));
        assert_eq!(Lang::parse("vi_VN.UTF-8"), Some(Lang::Vi));
        assert_eq!(Lang::parse("EN-us"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn msg_picks_language() {
        let m = Msg::new("Thiếu trích yếu", "Missing summary");
        assert_eq!(m.get(Lang::Vi), "Thiếu trích yếu");
        assert_eq!(m.get(Lang::En), "Missing summary");
        assert_eq!(m.to_string(), "Thiếu trích yếu");
    }
}
