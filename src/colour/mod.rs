//! Colour arithmetic the lab needs, free of any I/O: sRGB colours (`#rrggbb`) and their linear
//! light ([`srgb`]), CIE XYZ and L\*a\*b\* under D65 ([`lab`]), the CIEDE2000 colour difference
//! that says how far a measured colour is from a target ([`ciede2000`]), and the colour an
//! AS7341 spectral sensor's eight channel counts describe ([`as7341`]), and a model of the
//! lab's three paints mixed, as that sensor would see them ([`paint`]).

pub mod as7341;
pub mod ciede2000;
pub mod lab;
pub mod paint;
pub mod srgb;

pub use srgb::Rgb;
