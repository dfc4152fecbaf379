//! A credential's value in a type that cannot be shown: it has no `Display`, its `Debug` is
//! the mask, and the text is reached only through [`Secret::expose`], where it is sent.

use std::fmt;

use super::redact::MASK;

/// A password, token, key or auth string.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(text: impl Into<String>) -> Secret {
        Secret(text.into())
    }

    /// The text itself, for the one place it goes: a header, a child's environment, a file
    /// of mode 0600.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_shows_as_the_mask() {
        let secret = Secret::new("pnu_topsecret");
        assert_eq!(format!("{secret:?}"), MASK);
        assert_eq!(secret.expose(), "pnu_topsecret");
    }
}
