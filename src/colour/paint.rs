//! A model of what the lab's three paints look like mixed, at the colour sensor's eight
//! channels: the model the sensor's stand-in answers with in tests and the demo, and a
//! campaign's first guess at what a recipe will look like.
//!
//! Paint mixes subtractively. Each paint absorbs light by wavelength; in a mix, by the
//! Beer–Lambert law, the absorbances add in proportion to each paint's share of the volume
//! (the well's depth and the total volume are held fixed by the lab, so only shares matter):
//! `A(λ) = Σ shareᵢ · Aᵢ(λ)`, and the well reflects `r(λ) = BASE · 10^(−A(λ))`, where `BASE`
//! is what the plate and the paints' white binder reflect. The absorbances below are sampled
//! at the eight channel peaks ([`super::as7341::CHANNELS`]) and chosen so that each paint alone
//! has the hue of the lab's paints: the red absorbs blue and green, the yellow absorbs blue,
//! the blue absorbs orange and red.

use super::as7341::{self, Counts};
use super::lab::Xyz;

/// What a well reflects where no paint absorbs.
pub const BASE: f64 = 0.9;

/// Absorbance (base-10) of each paint alone at the eight channel peaks, 415 … 680 nm.
pub const RED: [f64; 8] = [1.60, 1.80, 1.90, 2.10, 2.00, 1.00, 0.10, 0.05];
pub const YELLOW: [f64; 8] = [2.00, 2.20, 1.80, 0.50, 0.10, 0.06, 0.05, 0.05];
pub const BLUE: [f64; 8] = [0.40, 0.20, 0.25, 0.70, 1.30, 1.90, 2.20, 2.00];

/// The reflectance at the eight channels of a well holding `volumes` µL of red, yellow and
/// blue; `None` when no paint is in it.
pub fn reflectance(volumes: [f64; 3]) -> Option<[f64; 8]> {
    let total: f64 = volumes.iter().sum();
    if !(total > 0.0 && total.is_finite()) || volumes.iter().any(|v| *v < 0.0) {
        return None;
    }
    let shares = volumes.map(|v| v / total);
    let mut reflectance = [0.0; 8];
    for (channel, r) in reflectance.iter_mut().enumerate() {
        let absorbance =
            shares[0] * RED[channel] + shares[1] * YELLOW[channel] + shares[2] * BLUE[channel];
        *r = BASE * 10f64.powf(-absorbance);
    }
    Some(reflectance)
}

/// The colour of such a well, as the sensor would report it relative to a white reference.
pub fn colour(volumes: [f64; 3]) -> Option<Xyz> {
    reflectance(volumes).map(|r| as7341::xyz(&r))
}

/// The counts a sensor whose white reference reads `white` would report for such a well.
pub fn counts(volumes: [f64; 3], white: &Counts) -> Option<Counts> {
    let reflectance = reflectance(volumes)?;
    let mut counts = [0.0; 8];
    for ((count, r), reference) in counts.iter_mut().zip(reflectance).zip(white.0) {
        *count = r * reference;
    }
    Some(Counts(counts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::colour::ciede2000::delta_e;
    use crate::colour::lab::Lab;
    use crate::colour::srgb::Rgb;

    fn rgb(volumes: [f64; 3]) -> Rgb {
        colour(volumes).unwrap().rgb()
    }

    #[test]
    fn each_paint_has_its_hue_and_mixes_have_theirs() {
        let red = rgb([100.0, 0.0, 0.0]);
        assert!(red.0 > 2 * red.1.max(red.2), "red {red}");
        let yellow = rgb([0.0, 100.0, 0.0]);
        assert!(
            yellow.0 > 180 && yellow.1 > 160 && yellow.2 < 90,
            "yellow {yellow}"
        );
        let blue = rgb([0.0, 0.0, 100.0]);
        assert!(blue.2 > blue.0 && blue.2 > blue.1, "blue {blue}");
        let orange = rgb([50.0, 50.0, 0.0]);
        assert!(
            orange.0 > orange.1 && orange.1 > orange.2,
            "orange {orange}"
        );
        let green = rgb([0.0, 50.0, 50.0]);
        assert!(green.1 > green.0 && green.1 > green.2, "green {green}");
        assert_eq!(reflectance([0.0, 0.0, 0.0]), None);
        assert_eq!(reflectance([-1.0, 2.0, 0.0]), None);
        // Only shares count: twice the volume is the same colour.
        assert_eq!(rgb([20.0, 40.0, 10.0]), rgb([40.0, 80.0, 20.0]));
    }

    /// The lab's example target, a brown, is within reach: some recipe on a 10 µL grid of
    /// 300 µL mixes is within ΔE₀₀ 5 of it, so a campaign has something to find.
    #[test]
    fn the_labs_brown_can_be_mixed() {
        let target = Lab::of("#7a4e2d".parse().unwrap());
        let mut best = f64::INFINITY;
        let mut at = (
            [0.0; 3],
            Lab {
                l: 0.0,
                a: 0.0,
                b: 0.0,
            },
        );
        for red in (0..=300).step_by(10) {
            for yellow in (0..=300 - red).step_by(10) {
                let blue = 300 - red - yellow;
                let volumes = [red, yellow, blue].map(f64::from);
                let Some(xyz) = colour(volumes) else { continue };
                let d = delta_e(xyz.lab(), target);
                if d < best {
                    best = d;
                    at = (volumes, xyz.lab());
                }
            }
        }
        assert!(
            best < 5.0,
            "the closest mix is ΔE {best:.1} away: {at:?}, target {target:?}"
        );
    }

    #[test]
    fn counts_are_the_reflectance_of_the_white_reference() {
        let white = Counts([1000.0; 8]);
        let counts = counts([0.0, 100.0, 0.0], &white).unwrap();
        let reflectance = reflectance([0.0, 100.0, 0.0]).unwrap();
        for (count, r) in counts.0.iter().zip(reflectance) {
            assert!((count - 1000.0 * r).abs() < 1e-9);
        }
    }
}
