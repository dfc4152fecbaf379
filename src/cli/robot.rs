use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::OutputArgs;

#[derive(Debug, Subcommand)]
pub enum RobotCommand {
    /// Labware offsets sent with every run on a robot
    #[command(
        subcommand,
        long_about = "robot-server keeps labware offsets per run only, so ot2ctl stores them per \
                      robot (under OT2CTL_HOME) and the worker sends them with every run it \
                      creates. Offsets are matched by labware definition URI and deck slot; take \
                      them from the Opentrons App's Labware Position Check.",
        after_help = "Examples:\n  ot2ctl robot offsets ls --robot http://10.0.0.5:31950\n  ot2ctl robot offsets import lpc-export.json\n  ot2ctl robot offsets set opentrons/corning_96_wellplate_360ul_flat/2 \\\n      --slot 1 --x 0.1 --y -0.2 --z 0.3"
    )]
    Offsets(OffsetsCommand),
}

#[derive(Debug, Subcommand)]
pub enum OffsetsCommand {
    /// List a robot's stored labware offsets
    #[command(
        visible_alias = "list",
        after_help = "Examples:\n  ot2ctl robot offsets ls\n  ot2ctl robot offsets ls --robot http://10.0.0.5:31950 -o json"
    )]
    Ls {
        #[command(flatten)]
        robot: RobotArgs,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Store the offset of one labware in one slot (replacing any earlier one)
    #[command(
        long_about = "Store the offset of one labware in one slot (replacing any earlier one). \
                      robot-server applies an offset only to labware of exactly that definition \
                      URI (namespace/load_name/version) in that slot: the lab's own labware is in \
                      namespace ot2ctl (protocols/labware/), Opentrons' in namespace opentrons. \
                      The URI and slot are checked against the protocols of --protocols-dir, \
                      with a warning when no protocol could use the offset.",
        after_help = "Examples:\n  ot2ctl robot offsets set opentrons/corning_96_wellplate_360ul_flat/2 \\\n      --slot 1 --x 0.1 --y -0.2 --z 0.3\n  ot2ctl robot offsets set ot2ctl/ot2ctl_6_tuberack_15ml/1 --slot 3 --z -0.5\n  ot2ctl robot offsets set ot2ctl/ot2ctl_sensor_charging_port/1 --slot 10 \\\n      --x 0.2 --protocols-dir /data/protocols"
    )]
    Set(OffsetSetArgs),

    /// Forget stored offsets: all of them, or those of one labware (and slot)
    #[command(
        after_help = "Examples:\n  ot2ctl robot offsets clear --yes\n  ot2ctl robot offsets clear opentrons/opentrons_96_tiprack_300ul/1 --slot 9"
    )]
    Clear(OffsetClearArgs),

    /// Store the offsets of an Opentrons App export (JSON), replacing those of the same labware and slot
    #[command(
        after_help = "Examples:\n  ot2ctl robot offsets import lpc-export.json\n  curl -s -H 'Opentrons-Version: *' http://10.0.0.5:31950/runs/RUN/ | ot2ctl robot offsets import -"
    )]
    Import(OffsetImportArgs),
}

/// The robot a command is about.
#[derive(Debug, Clone, Args)]
pub struct RobotArgs {
    /// The robot, by its robot-server URL (port 31950)
    #[arg(long, env = "OT2CTL_ROBOT", value_name = "URL")]
    pub robot: Option<String>,
}

#[derive(Debug, Args)]
pub struct OffsetSetArgs {
    /// The labware's definition URI: namespace/load_name/version
    #[arg(value_name = "DEFINITION_URI")]
    pub definition_uri: String,
    /// The deck slot (1-11)
    #[arg(long, value_name = "SLOT")]
    pub slot: String,
    /// Millimetres along x
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    pub x: f64,
    /// Millimetres along y
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    pub y: f64,
    /// Millimetres along z
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    pub z: f64,
    /// Accept an offset of more than 10 mm on an axis
    #[arg(long)]
    pub allow_large_offset: bool,
    #[command(flatten)]
    pub robot: RobotArgs,
    #[command(flatten)]
    pub protocols: ProtocolsDirArg,
}

/// Where the lab's protocols are, to check offsets against what they load.
#[derive(Debug, Clone, Args)]
pub struct ProtocolsDirArg {
    /// The lab's protocols (with their custom labware in labware/), to warn about offsets no
    /// protocol can use [default: ./protocols, when it exists]
    #[arg(long, value_name = "DIR")]
    pub protocols_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct OffsetClearArgs {
    /// Only the offsets of this labware (definition URI)
    #[arg(value_name = "DEFINITION_URI")]
    pub definition_uri: Option<String>,
    /// Only the offsets in this slot
    #[arg(long, value_name = "SLOT")]
    pub slot: Option<String>,
    /// Do not ask before forgetting every offset
    #[arg(long, short = 'y')]
    pub yes: bool,
    #[command(flatten)]
    pub robot: RobotArgs,
}

#[derive(Debug, Args)]
pub struct OffsetImportArgs {
    /// The exported JSON file, or - for standard input
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Accept offsets of more than 10 mm on an axis
    #[arg(long)]
    pub allow_large_offset: bool,
    #[command(flatten)]
    pub robot: RobotArgs,
    #[command(flatten)]
    pub protocols: ProtocolsDirArg,
}
