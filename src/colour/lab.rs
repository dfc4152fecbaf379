//! CIE XYZ and CIE L\*a\*b\* (1976) under the D65 white point, the space the colour difference
//! is measured in. sRGB ↔ XYZ uses the sRGB standard's matrices (IEC 61966-2-1).

use super::srgb::Rgb;

/// A colour in CIE XYZ, scaled so that the white point's Y is 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Xyz {
    pub x: f64,
    pub y: f64,
    pub z: f64,
}

/// A colour in CIE L\*a\*b\*: lightness 0–100 and two opponent axes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lab {
    pub l: f64,
    pub a: f64,
    pub b: f64,
}

/// D65, the white point of sRGB.
pub const D65: Xyz = Xyz {
    x: 0.950_47,
    y: 1.0,
    z: 1.088_83,
};

impl Xyz {
    pub fn of(rgb: Rgb) -> Xyz {
        let [r, g, b] = rgb.linear();
        Xyz {
            x: 0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b,
            y: 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175_0 * b,
            z: 0.019_333_9 * r + 0.119_192_0 * g + 0.950_304_1 * b,
        }
    }

    /// The nearest sRGB colour (channels outside the gamut are clamped).
    pub fn rgb(self) -> Rgb {
        let Xyz { x, y, z } = self;
        Rgb::from_linear([
            3.240_454_2 * x - 1.537_138_5 * y - 0.498_531_4 * z,
            -0.969_266_0 * x + 1.876_010_8 * y + 0.041_556_0 * z,
            0.055_643_4 * x - 0.204_025_9 * y + 1.057_225_2 * z,
        ])
    }

    pub fn lab(self) -> Lab {
        let f = |t: f64| {
            const DELTA: f64 = 6.0 / 29.0;
            if t > DELTA.powi(3) {
                t.cbrt()
            } else {
                t / (3.0 * DELTA * DELTA) + 4.0 / 29.0
            }
        };
        let (fx, fy, fz) = (f(self.x / D65.x), f(self.y / D65.y), f(self.z / D65.z));
        Lab {
            l: 116.0 * fy - 16.0,
            a: 500.0 * (fx - fy),
            b: 200.0 * (fy - fz),
        }
    }
}

impl Lab {
    pub fn of(rgb: Rgb) -> Lab {
        Xyz::of(rgb).lab()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(lab: Lab, (l, a, b): (f64, f64, f64)) {
        let off = (lab.l - l)
            .abs()
            .max((lab.a - a).abs())
            .max((lab.b - b).abs());
        assert!(off < 0.05, "{lab:?} is not ({l}, {a}, {b})");
    }

    #[test]
    fn srgb_colours_have_their_published_lab_values() {
        close(Lab::of(Rgb(255, 255, 255)), (100.0, 0.0, 0.0));
        close(Lab::of(Rgb(0, 0, 0)), (0.0, 0.0, 0.0));
        close(Lab::of(Rgb(255, 0, 0)), (53.24, 80.09, 67.20));
        close(Lab::of(Rgb(0, 255, 0)), (87.73, -86.18, 83.18));
        close(Lab::of(Rgb(0, 0, 255)), (32.30, 79.19, -107.86));
        close(Lab::of(Rgb(128, 128, 128)), (53.59, 0.0, 0.0));
    }

    #[test]
    fn xyz_turns_back_into_the_same_srgb_colour() {
        for rgb in [
            Rgb(0x7a, 0x4e, 0x2d),
            Rgb(1, 2, 3),
            Rgb(255, 128, 0),
            Rgb(20, 200, 90),
        ] {
            assert_eq!(Xyz::of(rgb).rgb(), rgb);
        }
    }
}
