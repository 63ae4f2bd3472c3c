//! The UI's two languages and its message table (`messages.toml`): Indonesian by default,
//! English on request (`?lang=en`, remembered in a cookie).

use std::collections::BTreeMap;
use std::sync::LazyLock;

/// A language the UI speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Bahasa Indonesia, the default.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Every language, default first.
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The language code used in `?lang=`, the cookie and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The language with this code, if the UI speaks it.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language's name in itself, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Id => "Bahasa Indonesia",
            Lang::En => "English",
        }
    }

    /// The texts in this language.
    pub fn texts(self) -> &'static Texts {
        let tables = &*TABLES;
        match self {
            Lang::Id => &tables.id,
            Lang::En => &tables.en,
        }
    }
}

/// The messages of one language, by key.
#[derive(Debug, serde::Deserialize)]
#[serde(transparent)]
pub struct Texts(BTreeMap<String, String>);

impl Texts {
    /// The message for `key`; the key itself when missing (a test keeps that from happening).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.0.get(key).map_or(key, String::as_str)
    }

    #[cfg(test)]
    fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

#[derive(Debug, serde::Deserialize)]
struct Tables {
    id: Texts,
    en: Texts,
}

const MESSAGES: &str = include_str!("messages.toml");

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    toml::from_str(MESSAGES).expect("the bundled messages.toml parses (checked by a unit test)")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_exists_in_both_languages_with_text() {
        let id: Vec<&str> = Lang::Id.texts().keys().collect();
        let en: Vec<&str> = Lang::En.texts().keys().collect();
        assert_eq!(id, en, "the two tables must have the same keys");
        for lang in Lang::ALL {
            for key in &id {
                assert!(
                    !lang.texts().get(key).trim().is_empty(),
                    "{key} is empty in {}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn every_key_a_template_or_handler_uses_is_in_the_table() {
        let sources = [
            include_str!("../templates/base.html"),
            include_str!("../templates/sign_in.html"),
            include_str!("../templates/queue.html"),
            include_str!("../templates/case.html"),
            include_str!("../templates/appeals.html"),
            include_str!("../templates/regulator.html"),
            include_str!("../templates/error.html"),
            include_str!("pages.rs"),
            include_str!("lib.rs"),
        ];
        let texts = Lang::Id.texts();
        let mut checked = 0;
        for source in sources {
            for (_, rest) in source
                .match_indices("t.get(\"")
                .map(|(i, _)| source.split_at(i + 7))
            {
                let key = rest.split('"').next().unwrap_or_default();
                assert!(texts.0.contains_key(key), "message key {key:?} is missing");
                checked += 1;
            }
            for (_, rest) in source
                .match_indices("msg(\"")
                .map(|(i, _)| source.split_at(i + 5))
            {
                let key = rest.split('"').next().unwrap_or_default();
                assert!(texts.0.contains_key(key), "message key {key:?} is missing");
                checked += 1;
            }
        }
        assert!(
            checked > 50,
            "only {checked} keys found: is the scan broken?"
        );
    }

    #[test]
    fn language_codes_round_trip_and_unknown_codes_are_refused() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::default(), Lang::Id);
    }
}
