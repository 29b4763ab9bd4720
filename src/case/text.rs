//! Bilingual text. Every string a trainee reads may come in Chinese, English or both.

use serde::{Deserialize, Serialize};

/// A UI/case language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Lang::En),
            "zh" | "cn" | "chinese" | "中文" => Some(Lang::Zh),
            _ => None,
        }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
}

/// `(en: "...", zh: "...")` in a case file. Either may be left out; the validator warns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub zh: String,
}

impl Text {
    pub fn new(en: &str, zh: &str) -> Text {
        Text {
            en: en.to_string(),
            zh: zh.to_string(),
        }
    }
    /// The text in `lang`, falling back to the other language.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::En => (&self.en, &self.zh),
            Lang::Zh => (&self.zh, &self.en),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }
    pub fn is_empty(&self) -> bool {
        self.en.trim().is_empty() && self.zh.trim().is_empty()
    }
    pub fn has(&self, lang: Lang) -> bool {
        match lang {
            Lang::En => !self.en.trim().is_empty(),
            Lang::Zh => !self.zh.trim().is_empty(),
        }
    }
    /// Both languages, for iterating over every string.
    pub fn strings(&self) -> [&str; 2] {
        [&self.en, &self.zh]
    }
}
