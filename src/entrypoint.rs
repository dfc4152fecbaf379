//! What a deployment's entrypoint names, read in one place for `deploy` and for the worker.
//!
//! - `path/to/file.py:function`: a Prefect flow, run by Prefect's Python engine;
//! - `ot2:path/to/protocol.py`: an OT-2 protocol, which only the ot2ctl worker runs. Prefect's
//!   engine splits an entrypoint at its last `:` and would look for a file named `ot2`, so a
//!   Python worker that claims such a run fails it at once without running protocol code;
//! - `ot2+inventory:path/to/protocol.py`: the protocol, after the paint its `R`, `Y` and `B`
//!   parameters take (µL) is reserved in the inventory; consumed if the run completes,
//!   released otherwise;
//! - `ot2+sensor:path/to/protocol.py`: a measurement: the protocol holds the colour sensor
//!   over the well, the sensor is read over MQTT, and `move_sensor_back.py` beside the
//!   protocol puts it back, whatever the reading did;
//! - `ot2ctl:<flow>`: an inventory or plate flow the ot2ctl worker runs itself, without
//!   Python.

use std::fmt;

use crate::inventory::flows::InventoryFlow;
use crate::plate::flows::PlateFlow;

const PROTOCOL: &str = "ot2:";
const PROTOCOL_WITH_PAINT: &str = "ot2+inventory:";
const MEASUREMENT: &str = "ot2+sensor:";
const NATIVE: &str = "ot2ctl:";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entrypoint {
    PythonFlow {
        path: String,
        function: String,
    },
    Protocol {
        path: String,
        reserves_paint: bool,
    },
    /// The protocol that holds the colour sensor over a well, then a reading over MQTT, then
    /// the sensor put back by `move_sensor_back.py` beside the protocol.
    Measurement {
        path: String,
    },
    Native(NativeFlow),
}

impl Entrypoint {
    /// Reads an entrypoint; the error says what is wrong, in a sentence.
    pub fn parse(text: &str) -> Result<Entrypoint, String> {
        if let Some(name) = text.strip_prefix(NATIVE) {
            return NativeFlow::from_name(name)
                .map(Entrypoint::Native)
                .ok_or_else(|| {
                    let known: Vec<&str> = NativeFlow::all().iter().map(|f| f.name()).collect();
                    format!(
                        "'{name}' is not a flow ot2ctl runs; {NATIVE} names one of {}",
                        known.join(", ")
                    )
                });
        }
        if let Some(path) = text.strip_prefix(MEASUREMENT) {
            return Ok(Entrypoint::Measurement {
                path: path.to_string(),
            });
        }
        for (scheme, reserves_paint) in [(PROTOCOL, false), (PROTOCOL_WITH_PAINT, true)] {
            if let Some(path) = text.strip_prefix(scheme) {
                return Ok(Entrypoint::Protocol {
                    path: path.to_string(),
                    reserves_paint,
                });
            }
        }
        match text.rsplit_once(':') {
            Some((path, function)) if !path.is_empty() && !function.is_empty() => {
                Ok(Entrypoint::PythonFlow {
                    path: path.to_string(),
                    function: function.to_string(),
                })
            }
            _ => Err(format!(
                "entrypoint '{text}' must be path/to/file.py:function, ot2:path/to/protocol.py \
                 for an OT-2 protocol (ot2+inventory: or ot2+sensor: before it for a mix or a \
                 measurement), or ot2ctl:flow-name for a flow ot2ctl runs"
            )),
        }
    }

    /// The file the entrypoint reads, relative to where it was deployed from (none for a
    /// native flow).
    pub fn path(&self) -> Option<&str> {
        match self {
            Entrypoint::PythonFlow { path, .. }
            | Entrypoint::Protocol { path, .. }
            | Entrypoint::Measurement { path } => Some(path),
            Entrypoint::Native(_) => None,
        }
    }

    /// Where a flow's source may be, in order: the path itself, or for a module path
    /// (`package.module:flow`, which Prefect 3 imports) the module's file or package, at the
    /// top or under `src/`.
    pub fn source_candidates(&self) -> Vec<String> {
        let Some(path) = self.path() else {
            return Vec::new();
        };
        let is_module_path = matches!(self, Entrypoint::PythonFlow { .. })
            && !path.ends_with(".py")
            && !path.contains('/')
            && !path.contains('\\')
            && path.split('.').all(|part| {
                !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '_')
            });
        if !is_module_path {
            return vec![path.to_string()];
        }
        let relative = path.replace('.', "/");
        vec![
            format!("{relative}.py"),
            format!("{relative}/__init__.py"),
            format!("src/{relative}.py"),
            format!("src/{relative}/__init__.py"),
        ]
    }
}

/// A flow the ot2ctl worker runs itself, on the lab's database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NativeFlow {
    Inventory(InventoryFlow),
    Plate(PlateFlow),
}

impl NativeFlow {
    /// Every native flow.
    pub fn all() -> Vec<NativeFlow> {
        let inventory = InventoryFlow::ALL.into_iter().map(NativeFlow::Inventory);
        inventory
            .chain(PlateFlow::ALL.into_iter().map(NativeFlow::Plate))
            .collect()
    }

    /// The flow's (and its deployment's) name.
    pub fn name(self) -> &'static str {
        match self {
            NativeFlow::Inventory(flow) => flow.name(),
            NativeFlow::Plate(flow) => flow.name(),
        }
    }

    /// The function of [`NativeFlow::signatures`] that declares its parameters.
    pub fn function(self) -> &'static str {
        match self {
            NativeFlow::Inventory(flow) => flow.function(),
            NativeFlow::Plate(flow) => flow.function(),
        }
    }

    /// Its parameters, as Python signatures, for the deployment's schema.
    pub fn signatures(self) -> &'static str {
        match self {
            NativeFlow::Inventory(_) => crate::inventory::flows::SIGNATURES,
            NativeFlow::Plate(_) => crate::plate::flows::SIGNATURES,
        }
    }

    pub fn from_name(name: &str) -> Option<NativeFlow> {
        NativeFlow::all().into_iter().find(|f| f.name() == name)
    }
}

impl fmt::Display for Entrypoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Entrypoint::PythonFlow { path, function } => write!(f, "{path}:{function}"),
            Entrypoint::Protocol {
                path,
                reserves_paint: false,
            } => write!(f, "{PROTOCOL}{path}"),
            Entrypoint::Protocol {
                path,
                reserves_paint: true,
            } => write!(f, "{PROTOCOL_WITH_PAINT}{path}"),
            Entrypoint::Measurement { path } => write!(f, "{MEASUREMENT}{path}"),
            Entrypoint::Native(flow) => write!(f, "{NATIVE}{}", flow.name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_as_written() {
        for text in [
            "flows/lab.py:mix_color",
            "ot2:protocols/mix_color.py",
            "ot2+inventory:protocols/mix_color.py",
            "ot2+sensor:protocols/move_sensor_to_well.py",
            "ot2ctl:check-inventory-status",
            "ot2ctl:plate-next",
        ] {
            assert_eq!(Entrypoint::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(
            Entrypoint::parse("ot2+inventory:p.py").unwrap(),
            Entrypoint::Protocol {
                path: "p.py".into(),
                reserves_paint: true
            }
        );
    }

    #[test]
    fn a_module_path_is_looked_for_as_files() {
        let entry = Entrypoint::parse("lab.flows:mix").unwrap();
        assert_eq!(entry.source_candidates()[0], "lab/flows.py");
        assert_eq!(entry.source_candidates()[2], "src/lab/flows.py");
        let file = Entrypoint::parse("flows/mix.py:mix").unwrap();
        assert_eq!(file.source_candidates(), ["flows/mix.py"]);
    }

    #[test]
    fn what_is_not_an_entrypoint_says_what_would_be() {
        assert!(
            Entrypoint::parse("flows.py")
                .unwrap_err()
                .contains("path/to/file.py:function")
        );
        assert!(
            Entrypoint::parse("ot2ctl:mix")
                .unwrap_err()
                .contains("check-inventory-status")
        );
    }
}
