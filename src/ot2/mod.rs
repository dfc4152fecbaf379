//! The OT-2 side: protocol files read as text, the safety checks made before any motion, and
//! the three ways to run a protocol: on the robot through its HTTP API (`robot`), on the robot
//! as a local process (`opentrons_execute`), or simulated with Opentrons' own analyzer
//! (`simulate`).

pub mod execution;
pub mod offsets;
pub mod opentrons_execute;
pub mod protocol;
pub mod robot;
pub mod simulate;
pub mod validate;

/// How a deployment names an OT-2 protocol instead of a Python flow: `ot2:path/to/protocol.py`.
///
/// Prefect's Python engine splits an entrypoint at its last `:` and would look for a file
/// named `ot2`, so a Python worker that claims such a run fails it at once without importing or
/// running any protocol code; only the ot2ctl worker executes it.
pub const ENTRYPOINT_SCHEME: &str = "ot2:";
/// `ot2+inventory:path/to/protocol.py`: the protocol, after the paint its `R`, `Y` and `B`
/// parameters take (µL) is reserved in the inventory; consumed if the run completes,
/// released otherwise.
pub const INVENTORY_SCHEME: &str = "ot2+inventory:";

/// The protocol path of an `ot2:` or `ot2+inventory:` entrypoint, `None` for anything else.
pub fn protocol_path(entrypoint: &str) -> Option<&str> {
    entrypoint
        .strip_prefix(ENTRYPOINT_SCHEME)
        .or_else(|| entrypoint.strip_prefix(INVENTORY_SCHEME))
}

/// Whether the entrypoint's protocol reserves paint in the inventory before it runs.
pub fn reserves_paint(entrypoint: &str) -> bool {
    entrypoint.starts_with(INVENTORY_SCHEME)
}

/// The files of `dir` whose names end in `.<extension>`, sorted; none if it cannot be read.
pub(crate) fn files_with_extension(
    dir: &std::path::Path,
    extension: &str,
) -> Vec<std::path::PathBuf> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == extension))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}
