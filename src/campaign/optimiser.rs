//! Where the next recipe comes from: the record alone (every measured point and its colour
//! difference, the seed, the step's number), so a campaign resumed after a kill proposes
//! exactly what it would have.
//!
//! A recipe is a point of the unit square: `x₁` is red's share of the total volume, `x₂`
//! yellow's share of the rest; blue has what is left. Every point is a recipe of the same
//! total and every recipe is a point, so the optimiser searches a plain box.
//!
//! - `random`: points drawn uniformly, from the seed and the step's number;
//! - `bayesian` (cargo feature `bayesian`, on by default, off on the robot): the first
//!   [`INITIAL_POINTS`] as `random`, then egobox's EGO (a Gaussian-process model of ΔE over
//!   the square, the next point where the expected improvement is greatest), asked with every
//!   measured point so far.

use serde::{Deserialize, Serialize};

/// The P300 GEN2 moves no less than this well: a smaller share is left out.
pub const MIN_PIPETTE_UL: u32 = 20;
/// Points drawn at random before the model is asked.
pub const INITIAL_POINTS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Optimiser {
    /// Bayesian optimisation (egobox EGO)
    Bayesian,
    /// Uniform random search (the baseline)
    Random,
}

impl Optimiser {
    pub fn name(self) -> &'static str {
        match self {
            Optimiser::Bayesian => "bayesian",
            Optimiser::Random => "random",
        }
    }

    /// Whether this build has it.
    pub fn available(self) -> Result<(), String> {
        match self {
            Optimiser::Bayesian if !cfg!(feature = "bayesian") => Err(
                "this ot2ctl was built without the `bayesian` feature (the robot's build): use \
                 --optimiser random, or a build with default features"
                    .into(),
            ),
            _ => Ok(()),
        }
    }

    /// The point of step `number` (from 1), given every measured `(point, ΔE)` before it.
    pub fn next_point(self, seed: u64, number: u32, measured: &[([f64; 2], f64)]) -> [f64; 2] {
        match self {
            Optimiser::Random => random_point(seed, number),
            Optimiser::Bayesian if measured.len() < INITIAL_POINTS => random_point(seed, number),
            Optimiser::Bayesian => bayesian(seed, number, measured),
        }
    }
}

fn random_point(seed: u64, number: u32) -> [f64; 2] {
    let mut rng =
        fastrand::Rng::with_seed(seed ^ u64::from(number).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    [rng.f64(), rng.f64()]
}

#[cfg(feature = "bayesian")]
fn bayesian(seed: u64, number: u32, measured: &[([f64; 2], f64)]) -> [f64; 2] {
    use egobox_ego::{EgorServiceBuilder, InfillStrategy};
    use ndarray::{Array2, array};

    let x = Array2::from_shape_fn((measured.len(), 2), |(i, j)| measured[i].0[j]);
    let y = Array2::from_shape_fn((measured.len(), 1), |(i, _)| measured[i].1);
    let service = EgorServiceBuilder::optimize()
        .configure(|config| {
            config
                .infill_strategy(InfillStrategy::EI)
                .seed(seed ^ u64::from(number))
        })
        .min_within(&array![[0.0, 1.0], [0.0, 1.0]]);
    match service {
        Ok(service) => {
            let next = service.suggest(&x, &y);
            [next[[0, 0]].clamp(0.0, 1.0), next[[0, 1]].clamp(0.0, 1.0)]
        }
        // A model that cannot be built (all points alike, say): a random point moves on.
        Err(_) => random_point(seed, number),
    }
}

#[cfg(not(feature = "bayesian"))]
fn bayesian(seed: u64, number: u32, _measured: &[([f64; 2], f64)]) -> [f64; 2] {
    random_point(seed, number)
}

/// The recipe of a point, in whole µL summing to `total`; a share under
/// [`MIN_PIPETTE_UL`] goes to the largest paint.
pub fn recipe_of(point: [f64; 2], total: u32) -> [u32; 3] {
    let [x1, x2] = point.map(|v| v.clamp(0.0, 1.0));
    let total_f = f64::from(total);
    let red = (total_f * x1).round() as u32;
    let yellow = ((total_f - f64::from(red)) * x2).round() as u32;
    let mut recipe = [red, yellow, total - red - yellow];
    let small: u32 = recipe.iter().filter(|v| **v < MIN_PIPETTE_UL).sum();
    for v in recipe.iter_mut() {
        if *v < MIN_PIPETTE_UL {
            *v = 0;
        }
    }
    let largest = (0..3).max_by_key(|i| recipe[*i]).unwrap_or(0);
    recipe[largest] += small;
    recipe
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_point_is_a_recipe_of_the_total_the_pipette_can_move() {
        for point in [
            [0.0, 0.0],
            [1.0, 1.0],
            [0.5, 0.5],
            [0.03, 0.99],
            [0.999, 0.2],
            [0.2, 0.05],
        ] {
            let recipe = recipe_of(point, 250);
            assert_eq!(recipe.iter().sum::<u32>(), 250, "{point:?} {recipe:?}");
            assert!(
                recipe.iter().all(|v| *v == 0 || *v >= MIN_PIPETTE_UL),
                "{recipe:?}"
            );
        }
        assert_eq!(recipe_of([1.0, 0.0], 200), [200, 0, 0]);
        assert_eq!(recipe_of([0.0, 1.0], 200), [0, 200, 0]);
        assert_eq!(recipe_of([0.0, 0.0], 200), [0, 0, 200]);
    }

    #[test]
    fn proposals_come_from_the_record_alone() {
        let measured = vec![([0.1, 0.2], 30.0), ([0.5, 0.5], 12.0)];
        for optimiser in [Optimiser::Random, Optimiser::Bayesian] {
            let one = optimiser.next_point(7, 3, &measured);
            assert_eq!(one, optimiser.next_point(7, 3, &measured));
            assert_ne!(one, optimiser.next_point(8, 3, &measured));
            assert!(one.iter().all(|v| (0.0..=1.0).contains(v)));
        }
    }

    /// The model alone (no noise) has a recipe of 250 µL within ΔE 5 of the target; the
    /// Bayesian optimiser finds one within a lab-sized budget where it is on.
    #[cfg(feature = "bayesian")]
    #[test]
    fn the_bayesian_optimiser_finds_the_target_on_the_paint_model() {
        use crate::colour::ciede2000::delta_e;
        use crate::colour::paint;
        let target = paint::colour([60.0, 90.0, 100.0]).unwrap().lab();
        let mut measured = Vec::new();
        let mut best = f64::MAX;
        for number in 1..=20u32 {
            let point = Optimiser::Bayesian.next_point(3, number, &measured);
            let recipe = recipe_of(point, 250).map(f64::from);
            let distance = paint::colour(recipe).map_or(100.0, |c| delta_e(c.lab(), target));
            best = best.min(distance);
            measured.push((point, distance));
        }
        assert!(best < 5.0, "best ΔE {best} after 20 steps");
    }
}
