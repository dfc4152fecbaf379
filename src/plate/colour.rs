//! The colour a well is drawn in: what was mixed into it, estimated from the recipe. Paint
//! mixes subtractively: each paint absorbs part of the light, so a mix reflects, per channel,
//! roughly the volume-weighted geometric mean of what its paints reflect. That is what this
//! computes, in linear light, from the three paints' own colours; it is a picture of the plate,
//! not a measurement (the colour sensor measures).

use super::model::Recipe;
pub use crate::colour::Rgb;
use crate::colour::srgb::{to_linear, to_srgb};

/// The paints of the lab's rack, as they look in their tubes.
const RED: Rgb = Rgb(0xd0, 0x21, 0x2b);
const YELLOW: Rgb = Rgb(0xf6, 0xd3, 0x1c);
const BLUE: Rgb = Rgb(0x1f, 0x4e, 0xb4);

/// The colour of a mix; `None` when no paint went in.
pub fn mixed(recipe: &Recipe) -> Option<Rgb> {
    let total = recipe.total();
    if total <= 0.0 || !total.is_finite() {
        return None;
    }
    let parts = [
        (RED, recipe.red / total),
        (YELLOW, recipe.yellow / total),
        (BLUE, recipe.blue / total),
    ];
    let channel = |pick: fn(Rgb) -> u8| {
        let log_mean: f64 = parts
            .iter()
            .filter(|(_, share)| *share > 0.0)
            .map(|(paint, share)| share * to_linear(pick(*paint)).max(1e-4).ln())
            .sum();
        to_srgb(log_mean.exp())
    };
    Some(Rgb(channel(|c| c.0), channel(|c| c.1), channel(|c| c.2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recipe(red: f64, yellow: f64, blue: f64) -> Recipe {
        Recipe { red, yellow, blue }
    }

    #[test]
    fn one_paint_is_its_own_colour_and_mixes_lie_between() {
        assert_eq!(mixed(&recipe(100.0, 0.0, 0.0)), Some(RED));
        assert_eq!(mixed(&recipe(0.0, 0.0, 50.0)), Some(BLUE));
        assert_eq!(mixed(&recipe(0.0, 0.0, 0.0)), None);
        // Yellow and blue make a green: more green than red or blue.
        let green = mixed(&recipe(0.0, 100.0, 100.0)).unwrap();
        assert!(green.1 > green.0 && green.1 > green.2, "{green:?}");
        // Red and yellow make an orange: red above green above blue.
        let orange = mixed(&recipe(100.0, 100.0, 0.0)).unwrap();
        assert!(orange.0 > orange.1 && orange.1 > orange.2, "{orange:?}");
        assert_eq!(Rgb(1, 2, 255).hex(), "#0102ff");
    }
}
