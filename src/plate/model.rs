//! The lab's 96-well plate, free of any store: which wells it has (its layout, rows B–H and
//! columns 1–12 as the lab uses it), the lab's order of its wells (row, then column as a
//! number: B2 before B10), and the state of each well. The lab's `wells` collection knows two
//! states, `empty` and `used`; ot2ctl adds the reservation a run holds between its claim and
//! its end, kept as `used` (so that the lab's own scripts, which look for `empty` wells, never
//! pick a reserved well) with the run's id and no `used_at`.

use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The rows and columns a 96-well plate has (A–H × 1–12).
const ALL_ROWS: std::ops::RangeInclusive<char> = 'A'..='H';
const MAX_COLUMN: u8 = 12;
/// The project the lab's scripts write into every well document.
pub const DEFAULT_PROJECT: &str = "OT2";

/// A well of the plate, `B3`. Ordered as the lab picks wells: by row, then by column as a
/// number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Well {
    row: char,
    column: u8,
}

impl Well {
    pub fn new(row: char, column: u8) -> Option<Well> {
        (ALL_ROWS.contains(&row) && (1..=MAX_COLUMN).contains(&column))
            .then_some(Well { row, column })
    }

    /// `B3` (or `b3`): a row A–H and a column 1–12.
    pub fn parse(text: &str) -> Result<Well, PlateError> {
        let invalid = || {
            PlateError::Invalid(format!(
                "'{text}' is not a well of a 96-well plate: write a row A–H and a column 1–12, \
                 e.g. B3"
            ))
        };
        let mut chars = text.trim().chars();
        let row = chars.next().ok_or_else(invalid)?.to_ascii_uppercase();
        let digits = chars.as_str();
        if digits.is_empty() || digits.len() > 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(invalid());
        }
        let column: u8 = digits.parse().map_err(|_| invalid())?;
        Well::new(row, column).ok_or_else(invalid)
    }

    pub fn row(self) -> char {
        self.row
    }

    pub fn column(self) -> u8 {
        self.column
    }
}

impl fmt::Display for Well {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.row, self.column)
    }
}

impl Serialize for Well {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Well {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Well, D::Error> {
        let text = String::deserialize(deserializer)?;
        Well::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Which wells of the plate are used: some rows and columns. The lab leaves row A free.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    rows: Vec<char>,
    columns: Vec<u8>,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout {
            rows: ('B'..='H').collect(),
            columns: (1..=MAX_COLUMN).collect(),
        }
    }
}

impl Layout {
    /// Rows as `B-H` or `B,C,D` (letters A–H), columns as `1-12` or `1,3,5` (1–12).
    pub fn parse(rows: &str, columns: &str) -> Result<Layout, PlateError> {
        let rows = parse_set(
            rows,
            "rows",
            |text| {
                let mut chars = text.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if ALL_ROWS.contains(&c.to_ascii_uppercase()) => {
                        Some(c.to_ascii_uppercase())
                    }
                    _ => None,
                }
            },
            |first, last| (first..=last).collect(),
        )?;
        let columns = parse_set(
            columns,
            "columns",
            |text| {
                text.parse::<u8>()
                    .ok()
                    .filter(|c| (1..=MAX_COLUMN).contains(c))
            },
            |first, last| (first..=last).collect(),
        )?;
        Ok(Layout { rows, columns })
    }

    /// Every well, in the lab's order.
    pub fn wells(&self) -> Vec<Well> {
        self.rows
            .iter()
            .flat_map(|&row| self.columns.iter().map(move |&column| Well { row, column }))
            .collect()
    }

    pub fn contains(&self, well: Well) -> bool {
        self.rows.contains(&well.row) && self.columns.contains(&well.column)
    }

    /// `B-H` (or `B,D,F`), as [`Layout::parse`] reads it.
    pub fn rows_text(&self) -> String {
        set_text(&self.rows, |a, b| (*a as u8 + 1) as char == *b)
    }

    /// `1-12` (or `1,3,5`), as [`Layout::parse`] reads it.
    pub fn columns_text(&self) -> String {
        set_text(&self.columns, |a, b| a + 1 == *b)
    }

    /// `rows B-H, columns 1-12`, for people.
    pub fn describe(&self) -> String {
        format!("rows {}, columns {}", self.rows_text(), self.columns_text())
    }
}

/// `X-Y` for a run of consecutive values, else the values separated by commas; sorted and
/// without repeats. `what` names the field in the error; `between` lists a range's values.
fn parse_set<T: Ord + Copy>(
    text: &str,
    what: &str,
    one: impl Fn(&str) -> Option<T>,
    between: impl Fn(T, T) -> Vec<T>,
) -> Result<Vec<T>, PlateError> {
    let (range, list) = if what == "rows" {
        ("B-H", "B,D,F")
    } else {
        ("1-12", "1,3,5")
    };
    let invalid = || {
        PlateError::Invalid(format!(
            "plate {what} '{text}' cannot be read: write a range like {range} or a list like {list}"
        ))
    };
    let mut values = Vec::new();
    for part in text.split(',').map(str::trim) {
        if let Some((first, last)) = part.split_once('-') {
            let first = one(first.trim()).ok_or_else(invalid)?;
            let last = one(last.trim()).ok_or_else(invalid)?;
            if first > last {
                return Err(invalid());
            }
            values.extend(between(first, last));
        } else {
            values.push(one(part).ok_or_else(invalid)?);
        }
    }
    values.sort();
    values.dedup();
    if values.is_empty() {
        return Err(invalid());
    }
    Ok(values)
}

fn set_text<T: Copy + fmt::Display>(values: &[T], next: impl Fn(&T, &T) -> bool) -> String {
    let consecutive = values.windows(2).all(|pair| next(&pair[0], &pair[1]));
    match (values.first(), values.last()) {
        (Some(first), Some(last)) if consecutive && values.len() > 2 => format!("{first}-{last}"),
        _ => values
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(","),
    }
}

/// Where a mix goes when its run names no well at all (the lab's setting `plate.missing_well`
/// in lab.yaml): the protocol's own default well, or the next free well as with `auto`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MissingWell {
    #[default]
    ProtocolDefault,
    Auto,
}

impl MissingWell {
    pub fn as_str(self) -> &'static str {
        match self {
            MissingWell::ProtocolDefault => "protocol-default",
            MissingWell::Auto => "auto",
        }
    }

    pub fn parse(text: &str) -> Result<MissingWell, PlateError> {
        match text {
            "protocol-default" => Ok(MissingWell::ProtocolDefault),
            "auto" => Ok(MissingWell::Auto),
            other => Err(PlateError::Invalid(format!(
                "missing_well '{other}' is not a choice: use auto (the next free well) or \
                 protocol-default (the protocol's own default well)"
            ))),
        }
    }
}

/// The paint that went into a well, in µL per colour.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Recipe {
    #[serde(rename = "R")]
    pub red: f64,
    #[serde(rename = "Y")]
    pub yellow: f64,
    #[serde(rename = "B")]
    pub blue: f64,
}

impl Recipe {
    pub fn total(&self) -> f64 {
        self.red + self.yellow + self.blue
    }
}

/// What a well holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum WellState {
    Empty,
    /// A run holds it: claimed, no paint in it yet as far as ot2ctl knows.
    Reserved {
        flow_run_id: String,
        reserved_at: Timestamp,
    },
    /// Paint is in it (or may be: a run that crashed during a mix).
    Used {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        flow_run_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        used_at: Option<Timestamp>,
        /// What the robot put in it, when ot2ctl saw it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recipe: Option<Recipe>,
    },
}

impl WellState {
    /// The lab's `status` field.
    pub fn status(&self) -> &'static str {
        match self {
            WellState::Empty => "empty",
            WellState::Reserved { .. } | WellState::Used { .. } => "used",
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, WellState::Empty)
    }

    /// The run reserving it, if one does.
    pub fn reserved_by(&self) -> Option<&str> {
        match self {
            WellState::Reserved { flow_run_id, .. } => Some(flow_run_id),
            _ => None,
        }
    }

    /// The state a stored well has: the lab's `status` decides; ot2ctl's own fields only
    /// tell a reservation from paint, and are ignored on an `empty` well (the lab's scripts
    /// reset the status alone).
    pub fn from_stored(
        status: &str,
        flow_run_id: Option<String>,
        reserved_at: Option<Timestamp>,
        used_at: Option<Timestamp>,
        recipe: Option<Recipe>,
    ) -> WellState {
        match (status, flow_run_id, reserved_at, used_at) {
            ("empty", ..) => WellState::Empty,
            (_, Some(flow_run_id), Some(reserved_at), None) => WellState::Reserved {
                flow_run_id,
                reserved_at,
            },
            (_, flow_run_id, _, used_at) => WellState::Used {
                flow_run_id,
                used_at,
                recipe,
            },
        }
    }
}

/// One well and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WellRecord {
    pub well: Well,
    #[serde(flatten)]
    pub state: WellState,
    /// Why a person marked it, or why ot2ctl marked it used without seeing paint go in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl WellRecord {
    /// `well` held by `run` from `now`.
    pub fn reserved(well: Well, run: &str, now: Timestamp) -> WellRecord {
        WellRecord {
            well,
            state: WellState::Reserved {
                flow_run_id: run.to_string(),
                reserved_at: now,
            },
            note: None,
        }
    }
}

/// A plate: its layout and every well's state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plate {
    pub id: String,
    pub project: String,
    pub rows: String,
    pub columns: String,
    pub missing_well: MissingWell,
    pub created_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired_at: Option<Timestamp>,
    /// In the lab's order.
    pub wells: Vec<WellRecord>,
}

/// What a new plate is made of.
#[derive(Debug, Clone, PartialEq)]
pub struct PlateSpec {
    pub project: String,
    pub layout: Layout,
    pub missing_well: MissingWell,
}

impl Default for PlateSpec {
    fn default() -> PlateSpec {
        PlateSpec {
            project: DEFAULT_PROJECT.into(),
            layout: Layout::default(),
            missing_well: MissingWell::default(),
        }
    }
}

/// Which well a run asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The next free well, in the lab's order.
    Next,
    Well(Well),
}

impl Plate {
    /// A new plate, every well empty.
    pub fn new(id: String, spec: &PlateSpec, now: Timestamp) -> Plate {
        Plate {
            id,
            project: spec.project.clone(),
            rows: spec.layout.rows_text(),
            columns: spec.layout.columns_text(),
            missing_well: spec.missing_well,
            created_at: now,
            retired_at: None,
            wells: spec
                .layout
                .wells()
                .into_iter()
                .map(|well| WellRecord {
                    well,
                    state: WellState::Empty,
                    note: None,
                })
                .collect(),
        }
    }

    pub fn layout(&self) -> Layout {
        Layout::parse(&self.rows, &self.columns).unwrap_or_default()
    }

    pub fn record(&self, well: Well) -> Option<&WellRecord> {
        self.wells.iter().find(|r| r.well == well)
    }

    /// The first empty well in the lab's order.
    pub fn next_free(&self) -> Option<Well> {
        let mut free: Vec<Well> = self
            .wells
            .iter()
            .filter(|r| r.state.is_empty())
            .map(|r| r.well)
            .collect();
        free.sort();
        free.first().copied()
    }

    /// (empty, reserved, used) wells.
    pub fn counts(&self) -> (usize, usize, usize) {
        let reserved = self
            .wells
            .iter()
            .filter(|r| r.state.reserved_by().is_some())
            .count();
        let empty = self.wells.iter().filter(|r| r.state.is_empty()).count();
        (empty, reserved, self.wells.len() - empty - reserved)
    }

    /// Refuses while a run holds one of the plate's wells: it may be mixing into it now.
    pub fn ensure_not_in_use(&self) -> Result<(), PlateError> {
        match self
            .wells
            .iter()
            .find_map(|r| r.state.reserved_by().map(|run| (r.well, run)))
        {
            Some((well, run)) => Err(PlateError::Invalid(format!(
                "flow run {run} holds well {well} of plate {} and may be mixing into it now; \
                 wait for it to end (or cancel it) before recording a new plate",
                self.id
            ))),
            None => Ok(()),
        }
    }

    /// The well a run holds already (a worker that follows its run again after a restart
    /// asks a second time).
    pub fn held_by(&self, run: &str) -> Option<Well> {
        self.wells
            .iter()
            .find(|r| r.state.reserved_by() == Some(run))
            .map(|r| r.well)
    }

    /// The well `run` gets for `choice`, or why none: the plate is full, the well is used or
    /// reserved by another run, or not on this plate.
    pub fn choose(&self, choice: Choice, run: &str) -> Result<Well, PlateError> {
        if let Some(held) = self.held_by(run) {
            return Ok(held);
        }
        match choice {
            Choice::Next => self.next_free().ok_or_else(|| PlateError::Full {
                plate: self.id.clone(),
            }),
            Choice::Well(well) => {
                let Some(record) = self.record(well) else {
                    return Err(PlateError::NotOnPlate {
                        well,
                        layout: self.layout().describe(),
                    });
                };
                match &record.state {
                    WellState::Empty => Ok(well),
                    WellState::Reserved { flow_run_id, .. } => Err(PlateError::Taken {
                        well,
                        by: format!("reserved by flow run {flow_run_id}, which is mixing into it"),
                    }),
                    WellState::Used { .. } => Err(PlateError::Taken {
                        well,
                        by: "already used".into(),
                    }),
                }
            }
        }
    }

    /// The wells whose state a run's end changes, and their new state: every well that
    /// received paint becomes used with what went in; the run's reservation is given back if
    /// no paint went into it, unless the run ended without ot2ctl knowing what the robot did
    /// (`certain` false), when it stays used with a note saying so.
    pub fn settlement(&self, run: &str, ending: &RunEnding, now: Timestamp) -> Vec<WellRecord> {
        let mut changes: Vec<WellRecord> = ending
            .dispensed
            .iter()
            .filter(|(well, _)| self.record(*well).is_some())
            .map(|(well, recipe)| WellRecord {
                well: *well,
                state: WellState::Used {
                    flow_run_id: Some(run.to_string()),
                    used_at: Some(now),
                    recipe: Some(*recipe),
                },
                note: None,
            })
            .collect();
        if let Some(held) = self.held_by(run)
            && !ending.dispensed.iter().any(|(well, _)| *well == held)
        {
            changes.push(if ending.certain {
                WellRecord {
                    well: held,
                    state: WellState::Empty,
                    note: None,
                }
            } else {
                WellRecord {
                    well: held,
                    state: WellState::Used {
                        flow_run_id: Some(run.to_string()),
                        used_at: Some(now),
                        recipe: None,
                    },
                    note: Some(format!(
                        "flow run {run} ended without ot2ctl seeing what the robot did; kept \
                         as used to be safe (`ot2ctl plate mark {held} --empty --reason ...` \
                         if no paint went in)"
                    )),
                }
            });
        }
        changes
    }
}

/// How a run that held a well ended, as far as the plate is concerned.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RunEnding {
    /// Every plate well paint went into, with how much of each colour.
    pub dispensed: Vec<(Well, Recipe)>,
    /// Whether ot2ctl saw everything the robot did (false for a run that crashed or was
    /// lost, or ended while no worker watched it).
    pub certain: bool,
}

/// A change to the plate that people made or asked for, kept in the plate's log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlateLogEntry {
    pub id: String,
    pub timestamp: Timestamp,
    pub operator: String,
    /// `new_plate`, `mark_used` or `mark_empty`.
    pub operation_type: String,
    pub plate: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub well: Option<Well>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A plate of the history, without its wells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlateSummary {
    pub id: String,
    pub project: String,
    pub created_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired_at: Option<Timestamp>,
    pub used: usize,
    pub wells: usize,
}

impl PlateSummary {
    pub fn of(plate: &Plate) -> PlateSummary {
        let (empty, _, _) = plate.counts();
        PlateSummary {
            id: plate.id.clone(),
            project: plate.project.clone(),
            created_at: plate.created_at,
            retired_at: plate.retired_at,
            used: plate.wells.len() - empty,
            wells: plate.wells.len(),
        }
    }
}

/// A fresh plate's id: `plate-` and 8 hex digits.
pub fn new_plate_id() -> String {
    format!("plate-{}", &uuid::Uuid::new_v4().simple().to_string()[..8])
}

/// Why a plate operation cannot be done; the message is for people.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlateError {
    #[error("well {well} is {by}; choose a free well (`ot2ctl plate next`) or mix_well=auto")]
    Taken { well: Well, by: String },
    #[error(
        "well {well} is not on the plate ({layout}); choose one of its wells (`ot2ctl plate next`) or mix_well=auto"
    )]
    NotOnPlate { well: Well, layout: String },
    #[error(
        "plate {plate} has no free well left; put in a fresh plate and record it with `ot2ctl plate new --yes`"
    )]
    Full { plate: String },
    #[error("there is no plate yet; record one with `ot2ctl plate new --yes`")]
    NoPlate,
    #[error("no plate {0} in the plate history (`ot2ctl plate history` lists them)")]
    UnknownPlate(String),
    #[error("{0}")]
    Invalid(String),
    #[error("the plate store failed: {0}")]
    Store(String),
}

impl From<crate::store::StoreError> for PlateError {
    fn from(error: crate::store::StoreError) -> PlateError {
        match error {
            crate::store::StoreError::Invalid(text) => PlateError::Invalid(text),
            crate::store::StoreError::Failed(text) => PlateError::Store(text),
        }
    }
}

/// A well a run holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reservation {
    pub well: Well,
    pub plate: String,
    /// Whether the lab's default plate was recorded for it (there was none).
    pub created: bool,
}

/// A person's correction of one well.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub well: Well,
    pub used: bool,
    pub reason: String,
    pub operator: String,
}

impl Mark {
    pub fn operation_type(&self) -> &'static str {
        if self.used { "mark_used" } else { "mark_empty" }
    }

    /// The well's new record, `None` if it is in that state already. A well a run holds is
    /// not changed under it.
    pub fn apply(&self, plate: &Plate, now: Timestamp) -> Result<Option<WellRecord>, PlateError> {
        let record = plate
            .record(self.well)
            .ok_or_else(|| PlateError::NotOnPlate {
                well: self.well,
                layout: plate.layout().describe(),
            })?;
        if let Some(run) = record.state.reserved_by() {
            return Err(PlateError::Invalid(format!(
                "well {} is reserved by flow run {run}, which may be mixing into it now; wait \
                 for the run to end (or cancel it), then mark the well",
                self.well
            )));
        }
        if record.state.is_empty() != self.used {
            return Ok(None);
        }
        let state = if self.used {
            WellState::Used {
                flow_run_id: None,
                used_at: Some(now),
                recipe: None,
            }
        } else {
            WellState::Empty
        };
        Ok(Some(WellRecord {
            well: self.well,
            state,
            note: Some(self.reason.clone()),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn well(text: &str) -> Well {
        Well::parse(text).unwrap()
    }

    #[test]
    fn wells_are_read_and_ordered_as_the_lab_orders_them() {
        assert_eq!(well("b3").to_string(), "B3");
        assert_eq!(well(" H12 ").to_string(), "H12");
        for bad in ["", "B", "B0", "B13", "I1", "3B", "B 3", "B+3", "B003", "BB"] {
            assert!(Well::parse(bad).is_err(), "{bad}");
        }
        let mut wells = [well("B10"), well("C1"), well("B2"), well("B1")];
        wells.sort();
        let names: Vec<String> = wells.iter().map(ToString::to_string).collect();
        assert_eq!(names, ["B1", "B2", "B10", "C1"]);
    }

    #[test]
    fn the_default_layout_is_the_labs_rows_b_to_h() {
        let layout = Layout::default();
        let wells = layout.wells();
        assert_eq!(wells.len(), 84);
        assert_eq!(wells[0].to_string(), "B1");
        assert_eq!(wells[11].to_string(), "B12");
        assert_eq!(wells[12].to_string(), "C1");
        assert_eq!(layout.describe(), "rows B-H, columns 1-12");
        assert!(!layout.contains(well("A1")));
    }

    #[test]
    fn layouts_read_ranges_and_lists_and_name_what_is_wrong() {
        let layout = Layout::parse("a-c, E", "1,3,5-6").unwrap();
        assert_eq!(layout.rows_text(), "A,B,C,E");
        assert_eq!(layout.columns_text(), "1,3,5,6");
        assert_eq!(Layout::parse("A-H", "1-12").unwrap().wells().len(), 96);
        for (rows, columns) in [("B-I", "1-12"), ("H-B", "1-12"), ("B-H", "0-12"), ("", "1")] {
            let error = Layout::parse(rows, columns).unwrap_err().to_string();
            assert!(error.contains("cannot be read"), "{error}");
        }
    }

    #[test]
    fn a_run_gets_the_next_free_well_and_keeps_it_when_it_asks_again() {
        let mut plate = Plate::new("p".into(), &PlateSpec::default(), Timestamp::UNIX_EPOCH);
        assert_eq!(plate.choose(Choice::Next, "r1").unwrap(), well("B1"));
        plate.wells[0].state = WellState::Reserved {
            flow_run_id: "r1".into(),
            reserved_at: Timestamp::UNIX_EPOCH,
        };
        assert_eq!(plate.choose(Choice::Next, "r1").unwrap(), well("B1"));
        assert_eq!(plate.choose(Choice::Next, "r2").unwrap(), well("B2"));
        let taken = plate.choose(Choice::Well(well("B1")), "r2").unwrap_err();
        assert!(
            taken
                .to_string()
                .starts_with("well B1 is reserved by flow run r1")
        );
        let off = plate.choose(Choice::Well(well("A1")), "r2").unwrap_err();
        assert_eq!(
            off.to_string(),
            "well A1 is not on the plate (rows B-H, columns 1-12); choose one of its wells \
             (`ot2ctl plate next`) or mix_well=auto"
        );
        for record in &mut plate.wells {
            record.state = WellState::Used {
                flow_run_id: None,
                used_at: None,
                recipe: None,
            };
        }
        assert!(matches!(
            plate.choose(Choice::Next, "r3"),
            Err(PlateError::Full { .. })
        ));
    }

    #[test]
    fn a_runs_end_uses_what_got_paint_and_gives_back_the_rest_unless_unsure() {
        let mut plate = Plate::new("p".into(), &PlateSpec::default(), Timestamp::UNIX_EPOCH);
        plate.wells[0].state = WellState::Reserved {
            flow_run_id: "r1".into(),
            reserved_at: Timestamp::UNIX_EPOCH,
        };
        let now = Timestamp::UNIX_EPOCH;
        let nothing = RunEnding {
            dispensed: vec![],
            certain: true,
        };
        let freed = plate.settlement("r1", &nothing, now);
        assert_eq!(freed.len(), 1);
        assert_eq!(freed[0].state, WellState::Empty);

        let recipe = Recipe {
            red: 120.0,
            yellow: 50.0,
            blue: 80.0,
        };
        let mixed = RunEnding {
            dispensed: vec![(well("B1"), recipe)],
            certain: true,
        };
        let used = plate.settlement("r1", &mixed, now);
        assert_eq!(used.len(), 1);
        assert!(matches!(used[0].state, WellState::Used { recipe: Some(r), .. } if r == recipe));

        let unsure = RunEnding {
            dispensed: vec![],
            certain: false,
        };
        let kept = plate.settlement("r1", &unsure, now);
        assert_eq!(kept[0].state.status(), "used");
        assert!(
            kept[0]
                .note
                .as_deref()
                .unwrap()
                .contains("kept as used to be safe")
        );
    }

    #[test]
    fn stored_states_follow_the_labs_status_first() {
        let at = Some(Timestamp::UNIX_EPOCH);
        let run = || Some("r".to_string());
        assert_eq!(
            WellState::from_stored("empty", run(), at, None, None),
            WellState::Empty
        );
        assert!(
            WellState::from_stored("used", run(), at, None, None)
                .reserved_by()
                .is_some()
        );
        assert!(matches!(
            WellState::from_stored("used", None, None, None, None),
            WellState::Used { .. }
        ));
        assert!(matches!(
            WellState::from_stored("used", run(), at, at, None),
            WellState::Used { .. }
        ));
    }
}
