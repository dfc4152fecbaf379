//! The colour an AS7341 spectral sensor saw, from its eight visible channels.
//!
//! The lab's sensor (a Pico W with an AS7341, AccelerationConsortium/wireless-color-sensor)
//! reports raw counts of eight filters, named by its firmware `ch410` … `ch670`; the filters'
//! peaks, from the AS7341 datasheet, are at 415, 445, 480, 515, 555, 590, 630 and 680 nm.
//! The conversion, step by step:
//! 1. **Reflectance.** Each count is divided by the same channel's count for a white reference
//!    (the sensor over a white target, with the same LED and gain), which removes the filters'
//!    and the LED's own spectra: 1 means "reflects like the white", 0 "reflects nothing".
//! 2. **Spectrum.** The eight reflectances are joined into a spectrum over 380–780 nm by
//!    straight lines between the filter peaks, held flat beyond the first and the last.
//! 3. **XYZ.** The spectrum, lit by the CIE D65 illuminant, is integrated every 5 nm against
//!    the CIE 1931 2° colour-matching functions (the multi-lobe fit of Wyman, Sloan and
//!    Shirley, JCGT 2(2), 2013), and scaled so that the white reference itself is D65's
//!    white: a flat spectrum of reflectance r is then exactly the neutral grey of luminance r.
//! 4. **sRGB**, through [`super::lab::Xyz::rgb`] (out-of-gamut channels clamped).
//!
//! Eight broad samples cannot recover a spectrum exactly, so this is an estimate of the colour,
//! good for comparing wells measured the same way, not a calibrated colorimeter.

use super::lab::{D65, Xyz};
use super::srgb::Rgb;

/// The firmware's channel names and their filters' peak wavelengths (nm), in order.
pub const CHANNELS: [(&str, f64); 8] = [
    ("ch410", 415.0),
    ("ch440", 445.0),
    ("ch470", 480.0),
    ("ch510", 515.0),
    ("ch550", 555.0),
    ("ch583", 590.0),
    ("ch620", 630.0),
    ("ch670", 680.0),
];

/// One reading: the eight channels' counts, in [`CHANNELS`]' order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Counts(pub [f64; 8]);

impl Counts {
    /// A reading from the firmware's named channels; the name of the first missing or
    /// non-numeric channel is the error.
    pub fn from_named(value: impl Fn(&str) -> Option<f64>) -> Result<Counts, &'static str> {
        let mut counts = [0.0; 8];
        for (slot, (name, _)) in counts.iter_mut().zip(CHANNELS) {
            *slot = value(name)
                .filter(|v| v.is_finite() && *v >= 0.0)
                .ok_or(name)?;
        }
        Ok(Counts(counts))
    }

    /// Each channel relative to a white reference's (0 where the reference saw nothing).
    pub fn reflectance(&self, white: &Counts) -> [f64; 8] {
        let mut reflectance = [0.0; 8];
        for ((r, sample), reference) in reflectance.iter_mut().zip(self.0).zip(white.0) {
            *r = if reference > 0.0 {
                sample / reference
            } else {
                0.0
            };
        }
        reflectance
    }
}

/// The colour of a reading, relative to a white reference's reading.
pub fn rgb(sample: &Counts, white: &Counts) -> Rgb {
    xyz(&sample.reflectance(white)).rgb()
}

/// The XYZ colour of eight channel reflectances (see the module's steps 2 and 3).
pub fn xyz(reflectance: &[f64; 8]) -> Xyz {
    let raw = integrate(|nm| spectrum(reflectance, nm));
    let white = integrate(|_| 1.0);
    Xyz {
        x: D65.x * raw.x / white.x,
        y: D65.y * raw.y / white.y,
        z: D65.z * raw.z / white.z,
    }
}

/// The reflectance at `nm`, by straight lines between the filter peaks.
fn spectrum(reflectance: &[f64; 8], nm: f64) -> f64 {
    let peaks = CHANNELS.map(|(_, peak)| peak);
    if nm <= peaks[0] {
        return reflectance[0];
    }
    for i in 1..peaks.len() {
        if nm <= peaks[i] {
            let share = (nm - peaks[i - 1]) / (peaks[i] - peaks[i - 1]);
            return reflectance[i - 1] + share * (reflectance[i] - reflectance[i - 1]);
        }
    }
    reflectance[7]
}

/// ∫ reflectance(λ) · D65(λ) · (x̄, ȳ, z̄)(λ) dλ over 380–780 nm, every 5 nm.
fn integrate(reflectance: impl Fn(f64) -> f64) -> Xyz {
    let mut sum = Xyz {
        x: 0.0,
        y: 0.0,
        z: 0.0,
    };
    for step in 0..=80 {
        let nm = 380.0 + 5.0 * f64::from(step);
        let light = reflectance(nm) * d65(nm);
        let (x, y, z) = matching(nm);
        sum.x += light * x;
        sum.y += light * y;
        sum.z += light * z;
    }
    sum
}

/// The CIE 1931 2° colour-matching functions, by Wyman, Sloan and Shirley's multi-lobe fit.
fn matching(nm: f64) -> (f64, f64, f64) {
    let lobe = |mean: f64, below: f64, above: f64| {
        let width = if nm < mean { below } else { above };
        (-0.5 * ((nm - mean) / width).powi(2)).exp()
    };
    let x = 1.056 * lobe(599.8, 37.9, 31.0) + 0.362 * lobe(442.0, 16.0, 26.7)
        - 0.065 * lobe(501.1, 20.4, 26.2);
    let y = 0.821 * lobe(568.8, 46.9, 40.5) + 0.286 * lobe(530.9, 16.3, 31.1);
    let z = 1.217 * lobe(437.0, 11.8, 36.0) + 0.681 * lobe(459.0, 26.0, 13.8);
    (x, y, z)
}

/// The CIE standard illuminant D65's relative spectral power, tabulated every 10 nm from 380
/// to 780 nm (CIE 015), linearly interpolated between.
fn d65(nm: f64) -> f64 {
    const TABLE: [f64; 41] = [
        49.98, 54.65, 82.75, 91.49, 93.43, 86.68, 104.86, 117.01, 117.81, 114.86, 115.92, 108.81,
        109.35, 107.80, 104.79, 107.69, 104.41, 104.05, 100.00, 96.33, 95.79, 88.69, 90.01, 89.60,
        87.70, 83.29, 83.70, 80.03, 80.21, 82.28, 78.28, 69.72, 71.61, 74.35, 61.60, 69.89, 75.09,
        63.59, 46.42, 66.81, 63.38,
    ];
    let at = ((nm - 380.0) / 10.0).clamp(0.0, 40.0);
    let below = at.floor() as usize;
    let above = (below + 1).min(40);
    let share = at - below as f64;
    TABLE[below] + share * (TABLE[above] - TABLE[below])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::colour::lab::Lab;

    fn flat(r: f64) -> [f64; 8] {
        [r; 8]
    }

    #[test]
    fn flat_spectra_are_neutral_greys_of_their_reflectance() {
        assert_eq!(xyz(&flat(1.0)).rgb(), Rgb(255, 255, 255));
        assert_eq!(xyz(&flat(0.0)).rgb(), Rgb(0, 0, 0));
        let grey = xyz(&flat(0.5)).lab();
        assert!((grey.l - 76.07).abs() < 0.01, "{grey:?}");
        assert!(grey.a.abs() < 1e-6 && grey.b.abs() < 1e-6, "{grey:?}");
        assert_eq!(xyz(&flat(0.5)).rgb(), Rgb(188, 188, 188));
    }

    #[test]
    fn a_spectrum_reflecting_one_end_has_that_ends_hue() {
        // Long wavelengths only: red. Long and middle: yellow. Short only: blue.
        let red = xyz(&[0.05, 0.05, 0.05, 0.05, 0.05, 0.3, 0.9, 0.9]).rgb();
        assert!(
            red.0 > 150 && u16::from(red.0) > 2 * u16::from(red.1),
            "{red:?}"
        );
        let yellow = xyz(&[0.05, 0.05, 0.1, 0.6, 0.9, 0.9, 0.9, 0.9]).rgb();
        assert!(
            yellow.0 > 150 && yellow.1 > 150 && yellow.2 < 80,
            "{yellow:?}"
        );
        let blue = xyz(&[0.6, 0.8, 0.7, 0.2, 0.05, 0.05, 0.05, 0.05]).rgb();
        assert!(blue.2 > blue.0 && blue.2 > blue.1, "{blue:?}");
        let lab = Lab::of(red);
        assert!(lab.a > 30.0, "{lab:?}");
    }

    #[test]
    fn a_reading_is_taken_relative_to_its_white_reference() {
        let white = Counts([100.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0, 800.0]);
        let half = Counts(white.0.map(|c| c / 2.0));
        assert_eq!(half.reflectance(&white), flat(0.5));
        assert_eq!(rgb(&half, &white), Rgb(188, 188, 188));
        let dark = Counts([0.0; 8]);
        assert_eq!(half.reflectance(&dark), flat(0.0), "no reference, no light");
        let named = |name: &str| {
            CHANNELS
                .iter()
                .position(|(n, _)| *n == name)
                .map(|i| i as f64)
        };
        assert_eq!(
            Counts::from_named(named),
            Ok(Counts([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]))
        );
        let missing = |name: &str| (name != "ch583").then_some(1.0);
        assert_eq!(Counts::from_named(missing), Err("ch583"));
        assert_eq!(Counts::from_named(|_| Some(f64::NAN)), Err("ch410"));
    }
}
