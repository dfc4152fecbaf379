//! Where paint went, read from what the robot did (not from what the protocol planned): each
//! aspirate from the paint rack fills the pipette with that colour, each dispense into a well
//! of another labware (the plate) puts it there. A dispense that started counts, whether it
//! finished or failed: paint may be in the well. Every way of running a protocol feeds the
//! commands it saw here, and the worker reads which wells got paint when the run ends.

use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::api::robot_models::{CommandStatus, RobotCommand};

use super::execution::Deck;
use super::paint::{PAINT_RACK, PAINT_RACK_NAME, PAINTS};

/// µL of red, yellow and blue that went into one well.
pub type Paint = [f64; 3];

/// The wells that received paint during one run.
#[derive(Debug, Default)]
pub struct Dispensed {
    state: Mutex<Tally>,
}

#[derive(Debug, Default)]
struct Tally {
    /// The colour the pipette holds (an index of [`PAINTS`]), if it is paint.
    holding: Option<usize>,
    wells: BTreeMap<String, Paint>,
    /// Some of what the robot did could not be read.
    lost: bool,
}

impl Dispensed {
    pub fn new() -> Dispensed {
        Dispensed::default()
    }

    fn tally(&self) -> std::sync::MutexGuard<'_, Tally> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// An aspirate from `well` of the paint rack (`from_rack`) or of anything else.
    pub fn aspirated(&self, from_rack: bool, well: &str) {
        self.tally().holding = if from_rack {
            PAINTS.iter().position(|(position, _)| *position == well)
        } else {
            None
        };
    }

    /// A dispense of `volume` µL into `well` of a labware that is not the paint rack.
    pub fn dispensed(&self, well: &str, volume: f64) {
        let mut tally = self.tally();
        let holding = tally.holding;
        let paint = tally.wells.entry(well.to_string()).or_default();
        if let Some(colour) = holding {
            paint[colour] += volume.max(0.0);
        }
    }

    /// One robot command, as robot-server or the analyzer reports it; commands that have not
    /// started are ignored.
    pub fn command(&self, command: &RobotCommand, deck: &Deck) {
        if command.status == CommandStatus::Queued {
            return;
        }
        let params = &command.params;
        let Some(well) = params.well_name.as_deref() else {
            return;
        };
        let from_rack = deck.labware_name(params.labware_id.as_deref()) == Some(PAINT_RACK);
        match command.command_type.as_str() {
            "aspirate" => self.aspirated(from_rack, well),
            "dispense" if !from_rack => self.dispensed(well, params.volume.unwrap_or(0.0)),
            _ => {}
        }
    }

    /// One line of `opentrons_execute`'s run log: `Aspirating 120.0 uL from B1 of <labware>
    /// on slot 3 at ...` and `Dispensing 120.0 uL into B2 of <labware> on slot 1 at ...`
    /// (Opentrons' legacy command texts).
    pub fn log_line(&self, line: &str) {
        let line = line.trim();
        let parse = |rest: &str, word: &str| -> Option<(f64, String, bool)> {
            let (volume, place) = rest.split_once(" uL ")?;
            let place = place.strip_prefix(word)?;
            let (well, labware) = place.split_once(" of ")?;
            Some((
                volume.trim().parse().ok()?,
                well.trim().to_string(),
                labware.starts_with(PAINT_RACK_NAME),
            ))
        };
        if let Some(rest) = line.strip_prefix("Aspirating ") {
            if let Some((_, well, from_rack)) = parse(rest, "from ") {
                self.aspirated(from_rack, &well);
            }
        } else if let Some(rest) = line.strip_prefix("Dispensing ")
            && let Some((volume, well, into_rack)) = parse(rest, "into ")
            && !into_rack
        {
            self.dispensed(&well, volume);
        }
    }

    /// Some of the robot's commands could not be read: the wells may be incomplete.
    pub fn lose_track(&self) {
        self.tally().lost = true;
    }

    /// Whether every command the robot ran was seen.
    pub fn complete(&self) -> bool {
        !self.tally().lost
    }

    /// Every well that received paint, with how much of each colour.
    pub fn wells(&self) -> Vec<(String, Paint)> {
        self.tally()
            .wells
            .iter()
            .map(|(well, paint)| (well.clone(), *paint))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opentrons_execute_lines_say_which_paint_went_where() {
        let dispensed = Dispensed::new();
        for line in [
            "Picking up tip from B1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 9",
            "Aspirating 120.0 uL from B1 of ot2ctl 6 x 15 mL paint tube rack on slot 3 at 46.43 uL/sec",
            "Dispensing 120.0 uL into C7 of Corning 96 Well Plate 360 µL Flat on slot 1 at 46.43 uL/sec",
            "Blowing out at A1 of ot2ctl 6 x 15 mL paint tube rack on slot 3",
            "\tAspirating 50.0 uL from B2 of ot2ctl 6 x 15 mL paint tube rack on slot 3 at 46.43 uL/sec",
            "\tDispensing 50.0 uL into C7 of Corning 96 Well Plate 360 µL Flat on slot 1 at 46.43 uL/sec",
            "Dispensing 10.0 uL into B3 of ot2ctl 6 x 15 mL paint tube rack on slot 3 at 46.43 uL/sec",
        ] {
            dispensed.log_line(line);
        }
        assert_eq!(dispensed.wells(), [("C7".to_string(), [120.0, 50.0, 0.0])]);
    }

    #[test]
    fn a_dispense_of_something_else_still_uses_the_well() {
        let dispensed = Dispensed::new();
        dispensed.aspirated(false, "A1");
        dispensed.dispensed("D4", 30.0);
        assert_eq!(dispensed.wells(), [("D4".to_string(), [0.0, 0.0, 0.0])]);
    }
}
