//! How many steps a campaign needs to come within ΔE 5 of a target, Bayesian against random
//! search, over many seeds, on the sensor stand-in's model (`ot2ctl::colour::paint` with the
//! stand-in's 1 % noise per channel and its white): the optimiser half of bench/campaign.sh.
//!
//!   cargo run --release --example campaign_steps -- '#7a4e2d' 24 10

use std::time::Instant;

use ot2ctl::campaign::Optimiser;
use ot2ctl::campaign::optimiser::recipe_of;
use ot2ctl::colour::Rgb;
use ot2ctl::colour::ciede2000::delta_e;
use ot2ctl::colour::lab::Lab;
use ot2ctl::sensor::settings::NOMINAL_WHITE;
use ot2ctl::sensor::stand_in::reading_for;

const MATCHED: f64 = 5.0;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let target: Rgb = args
        .get(1)
        .map_or("#7a4e2d", String::as_str)
        .parse()
        .expect("a colour");
    let budget: u32 = args.get(2).map_or(24, |b| b.parse().expect("a budget"));
    let seeds: u64 = args
        .get(3)
        .map_or(10, |s| s.parse().expect("a number of seeds"));
    let target_lab = Lab::of(target);
    println!("target {} budget {budget} seeds {seeds}", target.hex());
    for optimiser in [Optimiser::Bayesian, Optimiser::Random] {
        if let Err(why) = optimiser.available() {
            println!("{:<9} not measured: {why}", optimiser.name());
            continue;
        }
        let mut steps_needed = Vec::new();
        let mut proposing = 0.0;
        let mut proposals = 0u32;
        for seed in 1..=seeds {
            let mut measured = Vec::new();
            let mut needed = None;
            let mut noise = fastrand::Rng::with_seed(seed);
            for number in 1..=budget {
                let started = Instant::now();
                let point = optimiser.next_point(seed, number, &measured);
                proposing += started.elapsed().as_secs_f64();
                proposals += 1;
                let recipe = recipe_of(point, 250).map(f64::from);
                let counts = reading_for(recipe, &NOMINAL_WHITE, 0.01, &mut noise);
                let colour = ot2ctl::colour::as7341::xyz(&counts.reflectance(&NOMINAL_WHITE));
                let distance = delta_e(colour.lab(), target_lab);
                measured.push((point, distance));
                if distance < MATCHED {
                    needed = Some(number);
                    break;
                }
            }
            steps_needed.push(needed);
        }
        let mut found: Vec<u32> = steps_needed.iter().flatten().copied().collect();
        found.sort_unstable();
        let median = if found.len() * 2 > steps_needed.len() {
            // Seeds that never matched count as above the budget.
            let mut all: Vec<u32> = steps_needed
                .iter()
                .map(|s| s.unwrap_or(budget + 1))
                .collect();
            all.sort_unstable();
            format!("{}", all[all.len() / 2])
        } else {
            format!(">{budget}")
        };
        let worst = if found.len() == steps_needed.len() {
            format!("{}", found.last().copied().unwrap_or(0))
        } else {
            format!(">{budget}")
        };
        println!(
            "{:<9} matched {}/{} seeds; steps to ΔE<{MATCHED}: median {median}, worst {worst}; {:.1} ms per proposal",
            optimiser.name(),
            found.len(),
            steps_needed.len(),
            proposing * 1000.0 / f64::from(proposals.max(1))
        );
    }
}
