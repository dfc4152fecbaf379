//! The OT-2 side: protocol files read as text, the safety checks made before any motion, and
//! the three ways to run a protocol: on the robot through its HTTP API (`robot`), on the robot
//! as a local process (`opentrons_execute`), or simulated with Opentrons' own analyzer
//! (`simulate`).

pub mod dispensed;
pub mod execution;
pub mod offsets;
pub mod opentrons_execute;
pub mod paint;
pub mod protocol;
pub mod robot;
mod runner;
pub mod simulate;
mod turn;
pub mod validate;

pub use runner::Runner;

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
