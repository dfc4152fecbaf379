//! sRGB colours, 8 bits per channel, and the sRGB transfer function (IEC 61966-2-1) between
//! them and linear light.

use std::fmt;
use std::str::FromStr;

/// A colour in sRGB, 8 bits per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// The three channels in linear light, 0–1.
    pub fn linear(self) -> [f64; 3] {
        [to_linear(self.0), to_linear(self.1), to_linear(self.2)]
    }

    /// The colour of linear-light channels (clamped to 0–1, so out-of-gamut colours are cut).
    pub fn from_linear([r, g, b]: [f64; 3]) -> Rgb {
        Rgb(to_srgb(r), to_srgb(g), to_srgb(b))
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.hex())
    }
}

/// Why a text is not a colour.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("'{0}' is not a colour: write it as #rrggbb (e.g. #7a4e2d)")]
pub struct NotAColour(pub String);

impl FromStr for Rgb {
    type Err = NotAColour;

    /// `#7a4e2d`, `7a4e2d` or `#7A4E2D`.
    fn from_str(text: &str) -> Result<Rgb, NotAColour> {
        let bad = || NotAColour(text.to_string());
        let digits = text.trim().strip_prefix('#').unwrap_or(text.trim());
        if digits.len() != 6 || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let channel = |at: usize| u8::from_str_radix(&digits[at..at + 2], 16).map_err(|_| bad());
        Ok(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }
}

/// An 8-bit sRGB channel in linear light.
pub fn to_linear(value: u8) -> f64 {
    let v = f64::from(value) / 255.0;
    if v <= 0.04045 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

/// Linear light (clamped to 0–1) as an 8-bit sRGB channel.
pub fn to_srgb(linear: f64) -> u8 {
    let v = if linear.is_nan() {
        0.0
    } else {
        linear.clamp(0.0, 1.0)
    };
    let encoded = if v <= 0.003_130_8 {
        v * 12.92
    } else {
        1.055 * v.powf(1.0 / 2.4) - 0.055
    };
    (encoded * 255.0).round() as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_read_and_print_as_hex_and_bad_text_says_how_to_write_one() {
        assert_eq!("#7a4e2d".parse(), Ok(Rgb(0x7a, 0x4e, 0x2d)));
        assert_eq!("7A4E2D".parse(), Ok(Rgb(0x7a, 0x4e, 0x2d)));
        assert_eq!(Rgb(1, 2, 255).to_string(), "#0102ff");
        for bad in [
            "", "#7a4e2", "#7a4e2dd", "#gg0000", "red", "#+a4e2d", "#é4e2d",
        ] {
            let error = bad.parse::<Rgb>().unwrap_err();
            assert!(error.to_string().contains("write it as #rrggbb"), "{bad}");
        }
    }

    #[test]
    fn every_channel_survives_a_trip_through_linear_light() {
        for value in 0..=255u8 {
            assert_eq!(to_srgb(to_linear(value)), value);
        }
        assert_eq!(to_srgb(f64::NAN), 0);
        assert_eq!(to_srgb(2.0), 255);
    }
}
