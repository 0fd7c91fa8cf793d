//! Bilingual text: every user-facing sentence exists in Simplified Chinese and English.

use serde::{Deserialize, Serialize};

/// The two languages scamcheck speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Simplified Chinese.
    Zh,
    /// English.
    #[default]
    En,
}

impl Lang {
    /// The language the system asks for (`zh*` gives Chinese), falling back to English.
    pub fn from_system() -> Lang {
        sys_locale::get_locale()
            .map(|tag| Lang::from_tag(&tag))
            .unwrap_or_default()
    }

    /// Reads a locale tag such as `zh_CN.UTF-8`, `zh-Hans` or `en-GB`.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// Formats one message in both languages: `says!("中文 {x}", "English {x}", args…)`; both
/// format strings take the same arguments.
#[macro_export]
macro_rules! says {
    ($zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        $crate::text::Text::new(format!($zh $(, $arg)*), format!($en $(, $arg)*))
    };
}

/// One sentence in both languages, as written in `rules.ron`: `(zh: "…", en: "…")`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Simplified Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Builds a text from its two translations.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags_pick_chinese_only_for_zh() {
        assert_eq!(Lang::from_tag("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_tag("zh-Hans-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag("ZH"), Lang::Zh);
        assert_eq!(Lang::from_tag("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_tag("C"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }

    #[test]
    fn text_returns_the_asked_language() {
        let t = Text::new("挂断", "Hang up");
        assert_eq!(t.get(Lang::Zh), "挂断");
        assert_eq!(t.get(Lang::En), "Hang up");
    }
}
