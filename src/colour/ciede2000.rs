//! The CIEDE2000 colour difference ΔE₀₀ (CIE 142-2001), as specified and tested by Sharma, Wu
//! and Dalal, "The CIEDE2000 color-difference formula: implementation notes, supplementary test
//! data, and mathematical observations" (Color Research & Application 30(1), 2005), with the
//! parametric factors kL = kC = kH = 1. About 1 is the smallest difference most people see; the
//! lab counts a colour as matched below a tolerance of a few units.

use super::lab::Lab;

/// ΔE₀₀ between two colours (symmetric, 0 for equal colours).
pub fn delta_e(one: Lab, other: Lab) -> f64 {
    let pow7 = |x: f64| x.powi(7);
    let twenty_five_7 = pow7(25.0);
    let chroma = |lab: Lab| lab.a.hypot(lab.b);
    let mean_chroma = (chroma(one) + chroma(other)) / 2.0;
    let g = 0.5 * (1.0 - (pow7(mean_chroma) / (pow7(mean_chroma) + twenty_five_7)).sqrt());
    // a′, C′ and h′ (degrees, 0–360) of each colour.
    let primed = |lab: Lab| {
        let a = (1.0 + g) * lab.a;
        let c = a.hypot(lab.b);
        let h = if a == 0.0 && lab.b == 0.0 {
            0.0
        } else {
            lab.b.atan2(a).to_degrees().rem_euclid(360.0)
        };
        (c, h)
    };
    let (c1, h1) = primed(one);
    let (c2, h2) = primed(other);

    let delta_l = other.l - one.l;
    let delta_c = c2 - c1;
    let delta_h_angle = if c1 * c2 == 0.0 {
        0.0
    } else if (h2 - h1).abs() <= 180.0 {
        h2 - h1
    } else if h2 - h1 > 180.0 {
        h2 - h1 - 360.0
    } else {
        h2 - h1 + 360.0
    };
    let delta_h = 2.0 * (c1 * c2).sqrt() * (delta_h_angle.to_radians() / 2.0).sin();

    let mean_l = (one.l + other.l) / 2.0;
    let mean_c = (c1 + c2) / 2.0;
    let mean_h = if c1 * c2 == 0.0 {
        h1 + h2
    } else if (h1 - h2).abs() <= 180.0 {
        (h1 + h2) / 2.0
    } else if h1 + h2 < 360.0 {
        (h1 + h2 + 360.0) / 2.0
    } else {
        (h1 + h2 - 360.0) / 2.0
    };
    let cos = |degrees: f64| degrees.to_radians().cos();
    let t =
        1.0 - 0.17 * cos(mean_h - 30.0) + 0.24 * cos(2.0 * mean_h) + 0.32 * cos(3.0 * mean_h + 6.0)
            - 0.20 * cos(4.0 * mean_h - 63.0);
    let delta_theta = 30.0 * (-((mean_h - 275.0) / 25.0).powi(2)).exp();
    let r_c = 2.0 * (pow7(mean_c) / (pow7(mean_c) + twenty_five_7)).sqrt();
    let l50 = (mean_l - 50.0).powi(2);
    let s_l = 1.0 + 0.015 * l50 / (20.0 + l50).sqrt();
    let s_c = 1.0 + 0.045 * mean_c;
    let s_h = 1.0 + 0.015 * mean_c * t;
    let r_t = -(2.0 * delta_theta).to_radians().sin() * r_c;

    let (l, c, h) = (delta_l / s_l, delta_c / s_c, delta_h / s_h);
    (l * l + c * c + h * h + r_t * c * h).max(0.0).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lab(l: f64, a: f64, b: f64) -> Lab {
        Lab { l, a, b }
    }

    /// Pairs from Sharma, Wu and Dalal's supplementary test data (Table 1), with their ΔE₀₀.
    #[test]
    fn the_published_test_pairs_give_their_published_differences() {
        let pairs = [
            (
                lab(50.0, 2.6772, -79.7751),
                lab(50.0, 0.0, -82.7485),
                2.0425,
            ),
            (
                lab(50.0, 3.1571, -77.2803),
                lab(50.0, 0.0, -82.7485),
                2.8615,
            ),
            (
                lab(50.0, 2.8361, -74.0200),
                lab(50.0, 0.0, -82.7485),
                3.4412,
            ),
            (lab(50.0, 0.0, 0.0), lab(50.0, -1.0, 2.0), 2.3669),
            (lab(50.0, 2.49, -0.001), lab(50.0, -2.49, 0.0009), 7.1792),
            (lab(50.0, 2.49, -0.001), lab(50.0, -2.49, 0.0011), 7.2195),
            (lab(50.0, 2.5, 0.0), lab(73.0, 25.0, -18.0), 27.1492),
            (lab(50.0, 2.5, 0.0), lab(61.0, -5.0, 29.0), 22.8977),
            (lab(50.0, 2.5, 0.0), lab(56.0, -27.0, -3.0), 31.9030),
            (lab(50.0, 2.5, 0.0), lab(58.0, 24.0, 15.0), 19.4535),
            (
                lab(60.2574, -34.0099, 36.2677),
                lab(60.4626, -34.1751, 39.4387),
                1.2644,
            ),
            (
                lab(63.0109, -31.0961, -5.8663),
                lab(62.8187, -29.7946, -4.0864),
                1.2630,
            ),
            (
                lab(22.7233, 20.0904, -46.6940),
                lab(23.0331, 14.9730, -42.5619),
                2.0373,
            ),
            (
                lab(90.8027, -2.0831, 1.4410),
                lab(91.1528, -1.6435, 0.0447),
                1.4441,
            ),
            (
                lab(2.0776, 0.0795, -1.1350),
                lab(0.9033, -0.0636, -0.5514),
                0.9082,
            ),
        ];
        for (one, other, expected) in pairs {
            let forth = delta_e(one, other);
            let back = delta_e(other, one);
            assert!(
                (forth - expected).abs() < 1e-4,
                "{one:?} {other:?}: {forth}, not {expected}"
            );
            assert!((forth - back).abs() < 1e-9, "not symmetric: {forth} {back}");
        }
        assert_eq!(delta_e(lab(40.0, 10.0, -5.0), lab(40.0, 10.0, -5.0)), 0.0);
    }
}
