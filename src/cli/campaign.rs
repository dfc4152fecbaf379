use clap::{Args, Subcommand, ValueEnum};

use super::OutputArgs;
use super::plate::ColorChoice;

#[derive(Debug, Subcommand)]
pub enum CampaignCommand {
    /// Start a colour-matching campaign: mix, measure, propose the next recipe, until the target is matched
    #[command(
        long_about = "Start a colour-matching campaign. Each step proposes a recipe (R, Y and B µL \
                      summing to the lab's total volume), runs the mix deployment into the next \
                      free well, runs the measurement deployment on that well, and compares the \
                      measured colour with the target (CIEDE2000 ΔE); it ends when ΔE is below \
                      --tolerance, when the budget is spent, or when a step cannot be done (paint \
                      or wells run out, a run fails). Every step is a flow run in Prefect, and \
                      the campaign's record is kept after every change: a campaign stopped at any \
                      point goes on with `ot2ctl campaign resume ID`.",
        after_help = "Examples:\n  ot2ctl campaign start --target '#7a4e2d' --budget 24\n  ot2ctl campaign start --target 7a4e2d --budget 12 --tolerance 3 \\\n      --optimiser random --seed 7\n  ot2ctl campaign start --target '#7a4e2d' --budget 3 --wells C1,C2,C3\n  ot2ctl campaign start --target '#7a4e2d' --budget 6 \\\n      --mix mix-color-with-inventory/mix-color-next-well \\\n      --measure measure-well/measure-well"
    )]
    Start(CampaignStartArgs),

    /// Go on with a campaign that was stopped (killed, a timeout, the machine restarted)
    #[command(after_help = "Examples:\n  ot2ctl campaign resume campaign-1a2b3c4d")]
    Resume(CampaignResumeArgs),

    /// Show a campaign: every step, the best match beside the target, ΔE per step
    #[command(
        after_help = "Examples:\n  ot2ctl campaign status campaign-1a2b3c4d\n  ot2ctl campaign status campaign-1a2b3c4d -o json"
    )]
    Status(CampaignStatusArgs),

    /// List the campaigns kept on this machine, the newest first
    #[command(after_help = "Examples:\n  ot2ctl campaign ls\n  ot2ctl campaign ls -o json")]
    Ls(CampaignLsArgs),
}

/// How the next recipe is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OptimiserChoice {
    /// Bayesian optimisation (egobox's EGO); in builds with the `bayesian` feature
    Bayesian,
    /// Uniform random search
    Random,
}

#[derive(Debug, Args)]
pub struct CampaignStartArgs {
    /// The colour to match, #rrggbb
    #[arg(long, value_name = "COLOUR")]
    pub target: String,
    /// How many mixes at most (1-96)
    #[arg(long, default_value_t = 24, value_parser = clap::value_parser!(u32).range(1..=96))]
    pub budget: u32,
    /// Matched when CIEDE2000 ΔE is below this (0.1-50)
    #[arg(long, default_value = "5", value_parser = tolerance)]
    pub tolerance: f64,
    /// µL in every mix [default: lab.yaml's campaign.total_ul, else 250]
    #[arg(long, value_name = "µL", value_parser = clap::value_parser!(u32).range(60..=300))]
    pub total_ul: Option<u32>,
    /// How the next recipe is chosen [default: bayesian where this build has it, else random]
    #[arg(long, value_enum)]
    pub optimiser: Option<OptimiserChoice>,
    /// Seed of the optimiser's random draws (the same seed proposes the same recipes)
    #[arg(long)]
    pub seed: Option<u64>,
    /// Which wells the mixes go into: auto (the plate's next free well each time) or a list
    /// in order, e.g. C1,C2,C3 (as many as the budget)
    #[arg(long, default_value = "auto", value_name = "auto|WELLS")]
    pub wells: String,
    /// The deployment that mixes into the next free well
    #[arg(
        long,
        value_name = "FLOW/DEPLOYMENT",
        default_value = "mix-color-with-inventory/mix-color-next-well"
    )]
    pub mix: String,
    /// The deployment that measures a well
    #[arg(
        long,
        value_name = "FLOW/DEPLOYMENT",
        default_value = "measure-well/measure-well"
    )]
    pub measure: String,
    /// The lab file whose campaign section is read [default: lab.yaml here, if any]
    #[arg(long, value_name = "FILE")]
    pub lab: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub wait: CampaignWaitArgs,
}

#[derive(Debug, Args)]
pub struct CampaignWaitArgs {
    /// Seconds one flow run may take before the campaign stops (it can be resumed)
    #[arg(long, default_value_t = 1800, value_parser = clap::value_parser!(u64).range(1..=86400))]
    pub run_timeout: u64,
}

#[derive(Debug, Args)]
pub struct CampaignResumeArgs {
    /// The campaign's id (`ot2ctl campaign ls`)
    pub id: String,
    #[command(flatten)]
    pub wait: CampaignWaitArgs,
}

#[derive(Debug, Args)]
pub struct CampaignStatusArgs {
    /// The campaign's id [default: the newest]
    pub id: Option<String>,
    /// Draw the colours in 24-bit colour (auto: on a terminal, unless NO_COLOR is set)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct CampaignLsArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}

fn tolerance(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(value) if (0.1..=50.0).contains(&value) => Ok(value),
        _ => Err(format!("must be a ΔE from 0.1 to 50, not {text}")),
    }
}
