//! The lab's names, as its protocols and deck use them: the paint rack and what each of its
//! positions holds, the parameters that give a mix's paint and its well, and `auto`.

/// The paint rack of the lab's deck (load name, display name) and what each position holds:
/// red, yellow and blue, in that order.
pub const PAINT_RACK: &str = "ot2ctl_6_tuberack_15ml";
pub const PAINT_RACK_NAME: &str = "ot2ctl 6 x 15 mL paint tube rack";
pub const PAINTS: [(&str, &str); 3] = [("B1", "red"), ("B2", "yellow"), ("B3", "blue")];

/// The lab's parameters for the µL of red, yellow and blue paint a mix takes.
pub const PAINT_PARAMETERS: [&str; 3] = ["R", "Y", "B"];
/// What the worker's well choice is asked with: the next free well of the plate.
pub const AUTO_WELL: &str = "auto";

/// The mix protocol's parameter naming the plate's well it mixes into.
pub const MIX_WELL: &str = "mix_well";
