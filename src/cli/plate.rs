use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::{OutputArgs, WhereArgs};

#[derive(Debug, Subcommand)]
pub enum PlateCommand {
    /// Draw the plate: free, reserved and used wells, each used well in the colour mixed into it
    #[command(
        after_help = "Examples:\n  ot2ctl plate status\n  ot2ctl plate status --local --color never\n  ot2ctl plate status --plate plate-1a2b3c4d -o json"
    )]
    Status(PlateStatusArgs),

    /// The next free well, in the lab's order (by row, then by column)
    #[command(after_help = "Examples:\n  ot2ctl plate next\n  ot2ctl plate next --local -o json")]
    Next(PlateNextArgs),

    /// Record a fresh plate; the one in use is kept in the history
    #[command(
        long_about = "Record a fresh plate, every well empty; the plate in use is kept in the \
                      history (`ot2ctl plate history`). The layout (rows, columns), the project \
                      and where a mix that names no well goes (missing_well) come from the \
                      `plate:` section of lab.yaml (--lab, or lab.yaml in this directory if \
                      there is one); the flags override it. Refused while a run holds a well of \
                      the plate in use.",
        after_help = "Examples:\n  ot2ctl plate new --yes\n  ot2ctl plate new --project OT2-demo --lab lab.yaml --yes\n  ot2ctl plate new --rows B-H --columns 1-6 --local --yes"
    )]
    New(PlateNewArgs),

    /// Correct one well by hand (used or empty), with a reason kept in the plate's log
    #[command(
        after_help = "Examples:\n  ot2ctl plate mark B3 --used --reason \"spilled while loading\"\n  ot2ctl plate mark B3 --empty --reason \"mix failed before dispensing\" \\\n      --operator lab_tech_1"
    )]
    Mark(PlateMarkArgs),

    /// List the plates recorded on this machine's store, the one in use first
    #[command(after_help = "Examples:\n  ot2ctl plate history\n  ot2ctl plate history -o json")]
    History(PlateLocalArgs),

    /// List the plate's log: new plates and corrections, newest first (this machine's store)
    #[command(after_help = "Examples:\n  ot2ctl plate log\n  ot2ctl plate log --limit 5 -o json")]
    Log(PlateLogArgs),
}

/// When the picture is drawn in colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When standard output is a terminal and NO_COLOR is not set
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct PlateStatusArgs {
    /// Show a plate of the history by its id instead of the plate in use
    #[arg(long, value_name = "PLATE_ID")]
    pub plate: Option<String>,
    /// Draw used wells in 24-bit colour (auto: on a terminal, unless NO_COLOR is set)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    #[command(flatten)]
    pub place: WhereArgs,
}

#[derive(Debug, Args)]
pub struct PlateNextArgs {
    #[command(flatten)]
    pub place: WhereArgs,
}

#[derive(Debug, Args)]
pub struct PlateNewArgs {
    /// The project written into every well's document [default: lab.yaml's, else OT2]
    #[arg(long, value_name = "NAME")]
    pub project: Option<String>,
    /// The rows used, a range or a list: B-H, B,D,F [default: lab.yaml's, else B-H]
    #[arg(long, value_name = "ROWS")]
    pub rows: Option<String>,
    /// The columns used, a range or a list: 1-12, 1,3,5 [default: lab.yaml's, else 1-12]
    #[arg(long, value_name = "COLUMNS")]
    pub columns: Option<String>,
    /// Where a mix that names no well goes [default: lab.yaml's, else protocol-default]
    #[arg(long, value_name = "CHOICE", value_parser = ["auto", "protocol-default"])]
    pub missing_well: Option<String>,
    /// The lab file whose `plate:` section to read [default: lab.yaml here, if there is one]
    #[arg(long, value_name = "FILE")]
    pub lab: Option<PathBuf>,
    /// Who put in the plate, for the plate's log
    #[arg(long, value_name = "NAME", default_value = "system")]
    pub operator: String,
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
    #[command(flatten)]
    pub place: WhereArgs,
}

#[derive(Debug, Args)]
pub struct PlateMarkArgs {
    /// The well, e.g. B3
    pub well: String,
    /// Mark it used (paint is in it)
    #[arg(long, conflicts_with = "empty", required_unless_present = "empty")]
    pub used: bool,
    /// Mark it empty (no paint in it)
    #[arg(long)]
    pub empty: bool,
    /// Why, for the plate's log
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
    /// Who corrected it, for the plate's log
    #[arg(long, value_name = "NAME", default_value = "system")]
    pub operator: String,
    #[command(flatten)]
    pub place: WhereArgs,
}

#[derive(Debug, Args)]
pub struct PlateLocalArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct PlateLogArgs {
    /// How many entries, newest first (1 to 100000)
    #[arg(long, short = 'n', default_value_t = 20, value_parser = super::whole_in::<usize>(1, 100_000))]
    pub limit: usize,
    #[command(flatten)]
    pub output: OutputArgs,
}
