//! The plate flows the worker runs itself, without Python, where the plate is kept: a
//! deployment names one with the entrypoint `ot2ctl:<flow name>`, like the inventory flows.
//! Their parameters are written as the Python signatures they would have, so `ot2ctl deploy`
//! gives them the parameter schema Prefect would.

/// A plate flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlateFlow {
    Status,
    Next,
    New,
    Mark,
}

impl PlateFlow {
    pub const ALL: [PlateFlow; 4] = [
        PlateFlow::Status,
        PlateFlow::Next,
        PlateFlow::New,
        PlateFlow::Mark,
    ];

    /// The flow's (and its deployment's) name.
    pub fn name(self) -> &'static str {
        match self {
            PlateFlow::Status => "plate-status",
            PlateFlow::Next => "plate-next",
            PlateFlow::New => "plate-new",
            PlateFlow::Mark => "plate-mark",
        }
    }

    /// The function of [`SIGNATURES`] that declares its parameters.
    pub fn function(self) -> &'static str {
        match self {
            PlateFlow::Status => "plate_status",
            PlateFlow::Next => "plate_next",
            PlateFlow::New => "plate_new",
            PlateFlow::Mark => "plate_mark",
        }
    }
}

/// The parameter contract of the plate flows, as Python signatures.
pub const SIGNATURES: &str = r#"
@flow(name="plate-status")
def plate_status(plate: str = ""):
    """The plate's wells: free, reserved by a run, or used, with what went into them.

    Args:
        plate: a plate of the history by its id; the plate in use when empty
    """


@flow(name="plate-next")
def plate_next():
    """The next free well, in the lab's order (by row, then by column)."""


@flow(name="plate-new")
def plate_new(
    project: str = "OT2",
    rows: str = "B-H",
    columns: str = "1-12",
    missing_well: str = "protocol-default",
    operator: str = "system",
):
    """Record a fresh plate; the one in use is kept in the history.

    Args:
        project: the project written into every well's document
        rows: the rows used, as a range (B-H) or a list (B,D,F)
        columns: the columns used, as a range (1-12) or a list (1,3,5)
        missing_well: where a mix that names no well goes: protocol-default or auto
        operator: who put in the plate, for the plate's log
    """


@flow(name="plate-mark")
def plate_mark(well: str, used: bool, reason: str, operator: str = "system"):
    """Correct one well of the plate in use by hand, recorded in the plate's log.

    Args:
        well: the well, e.g. B3
        used: true to mark it used, false to mark it empty
        reason: why, for the plate's log
        operator: who corrected it, for the plate's log
    """
"#;
