//! Labware offsets per robot: the small corrections the Opentrons App's Labware Position Check
//! finds, stored by ot2ctl and sent with every run (robot-server keeps them per run only).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde_json::Value;

use super::files_with_extension;
use crate::api::robot_models::{
    LabwareDefinition, LabwareOffset, LoadedLabware, OffsetLocation, Vector,
};
use crate::bounded;
use crate::config::profiles::write_private_file;
use crate::error::UsageError;

/// Where a robot's offsets live: `<ot2ctl home>/robots/<host_port>/offsets.json`.
pub fn store_path(home: &Path, robot: &str) -> PathBuf {
    let name: String = robot
        .trim_start_matches("http://")
        .trim_start_matches("https://")
        .trim_end_matches('/')
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    home.join("robots").join(name).join("offsets.json")
}

/// The stored offsets, as robot-server takes them (`definitionUri`, `location.slotName`,
/// `vector`).
pub fn load(path: &Path) -> Result<Vec<LabwareOffset>> {
    match bounded::read_file(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .with_context(|| format!("{} is not a list of labware offsets", path.display())),
        Err(err) if err.is_not_found() => Ok(Vec::new()),
        Err(err) => Err(err).with_context(|| format!("cannot read {}", path.display())),
    }
}

pub fn save(path: &Path, offsets: &[LabwareOffset]) -> Result<()> {
    let text = serde_json::to_string_pretty(offsets)?;
    write_private_file(path, text.as_bytes())
}

/// One offset in robot-server's shape.
pub fn offset(definition_uri: &str, slot: &str, x: f64, y: f64, z: f64) -> LabwareOffset {
    LabwareOffset {
        definition_uri: definition_uri.to_string(),
        location: OffsetLocation {
            slot_name: slot.to_string(),
            module_model: None,
        },
        vector: Vector { x, y, z },
    }
}

/// A warning for each offset that matches no labware the protocol loads (same definition URI
/// and slot): robot-server leaves it unapplied without a word, which usually means a typo in
/// the URI or the slot.
pub fn unmatched(offsets: &[LabwareOffset], loaded: &[LoadedLabware]) -> Vec<String> {
    let loaded: Vec<(&str, &str)> = loaded
        .iter()
        .filter_map(|l| Some((l.definition_uri.as_deref()?, l.slot_name()?)))
        .collect();
    offsets
        .iter()
        .filter_map(|offset| {
            let uri = offset.definition_uri.as_str();
            let slot = offset.location.slot_name.as_str();
            if loaded.contains(&(uri, slot)) {
                return None;
            }
            let known: Vec<String> = loaded.iter().map(|(u, s)| format!("{u} in slot {s}")).collect();
            Some(format!(
                "The labware offset for {uri} in slot {slot} matches no labware of this protocol, \
                 so the robot does not apply it (the protocol loads {}); see `ot2ctl robot offsets ls`",
                if known.is_empty() { "no labware".to_string() } else { known.join(", ") }
            ))
        })
        .collect()
}

/// Warnings for an offset that no protocol of `protocols_dir` can use: no protocol loads that
/// labware, the lab's own definition of it has another namespace or version, or the protocols
/// load it in other slots. Standard labware versions are not known without Opentrons'
/// definitions, so only custom ones (`labware/*.json` beside the protocols) are checked that far.
/// `protocols_dir` is where the protocols are; `shown`, the directory as the person named it.
pub fn lab_mismatches(
    definition_uri: &str,
    slot: &str,
    protocols_dir: &Path,
    shown: &Path,
) -> Vec<String> {
    let mut parts = definition_uri.splitn(3, '/');
    let (Some(namespace), Some(load_name), Some(version)) =
        (parts.next(), parts.next(), parts.next())
    else {
        return Vec::new();
    };
    let mut loaded = Vec::new();
    for path in files_with_extension(protocols_dir, "py") {
        if let Ok(source) = std::fs::read_to_string(&path)
            && let Ok(labware) = super::protocol::loaded_labware(&source)
        {
            loaded.extend(labware);
        }
    }
    let custom: Vec<String> = files_with_extension(&protocols_dir.join("labware"), "json")
        .iter()
        .filter_map(|path| {
            let bytes = bounded::read_file(path).ok()?;
            let definition: LabwareDefinition = serde_json::from_slice(&bytes).ok()?;
            Some(definition.uri())
        })
        .collect();
    let dir = shown.display();
    let same_name: Vec<_> = loaded.iter().filter(|l| l.load_name == load_name).collect();
    if same_name.is_empty() {
        let mut names: Vec<&str> = loaded.iter().map(|l| l.load_name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        return vec![format!(
            "no protocol in {dir} loads labware '{load_name}' (they load {}), so no run will \
             apply this offset",
            names.join(", ")
        )];
    }
    let mut warnings = Vec::new();
    if let Some(ours) = custom
        .iter()
        .find(|uri| uri.split('/').nth(1) == Some(load_name))
        && ours != &format!("{namespace}/{load_name}/{version}")
    {
        warnings.push(format!(
            "the lab's definition of '{load_name}' is {ours}, not {definition_uri}: robot-server \
             matches offsets by the exact URI, so this one would never be applied"
        ));
    }
    let mut slots: Vec<&str> = same_name.iter().filter_map(|l| l.slot.as_deref()).collect();
    slots.sort_unstable();
    slots.dedup();
    if !slots.is_empty() && !slots.contains(&slot) {
        warnings.push(format!(
            "the protocols in {dir} load '{load_name}' in slot {}, not slot {slot}",
            slots.join(", ")
        ));
    }
    warnings
}

/// Adds or replaces the offset of one labware in one slot.
pub fn upsert(offsets: &mut Vec<LabwareOffset>, new: LabwareOffset) {
    offsets.retain(|o| {
        !(o.definition_uri == new.definition_uri && o.location.slot_name == new.location.slot_name)
    });
    offsets.push(new);
}

/// Offsets from an Opentrons App export: a list of offsets, or an object holding one under
/// `data`, `labwareOffsets` or `offsets` (a robot-server run record, `data.labwareOffsets`,
/// works too). Only the fields robot-server uses are kept.
pub fn from_app_export(text: &str, origin: &str) -> Result<Vec<LabwareOffset>, UsageError> {
    let export: AppExport = serde_json::from_str(text).map_err(|e| {
        UsageError::new(format!(
            "{origin}:{}:{}: invalid JSON: {e}",
            e.line(),
            e.column()
        ))
    })?;
    let list = export
        .offsets()
        .ok_or_else(|| UsageError::new(format!("{origin}: no list of labware offsets in it")))?;
    list.into_iter()
        .enumerate()
        .map(|(index, item)| {
            let incomplete = || {
                UsageError::new(format!(
                    "{origin}: offset {index} needs definitionUri, location.slotName and vector.x/y/z"
                ))
            };
            let offset: LabwareOffset = serde_json::from_value(item).map_err(|_| incomplete())?;
            check(&offset.definition_uri, &offset.location.slot_name)
                .map_err(|e| UsageError::new(format!("{origin}: offset {index}: {}", e.0)))?;
            Ok(offset)
        })
        .collect()
}

/// What the Opentrons App (or robot-server) exports: a list of offsets, or an object holding
/// one under `data`, `labwareOffsets`, `offsets` or `data.labwareOffsets`.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum AppExport {
    List(Vec<Value>),
    Wrapped {
        data: Option<Wrapped>,
        #[serde(rename = "labwareOffsets")]
        labware_offsets: Option<Vec<Value>>,
        offsets: Option<Vec<Value>>,
    },
}

#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Wrapped {
    List(Vec<Value>),
    Run {
        #[serde(rename = "labwareOffsets")]
        labware_offsets: Vec<Value>,
    },
}

impl AppExport {
    fn offsets(self) -> Option<Vec<Value>> {
        match self {
            AppExport::List(items) => Some(items),
            AppExport::Wrapped {
                data,
                labware_offsets,
                offsets,
            } => match data {
                Some(Wrapped::List(items)) => Some(items),
                Some(Wrapped::Run { labware_offsets }) => Some(labware_offsets),
                None => labware_offsets.or(offsets),
            },
        }
    }
}

/// A definition URI is `namespace/load_name/version`; an OT-2 deck has slots 1 to 12.
/// The largest labware offset accepted on any axis without `--allow-large-offset`, in mm.
///
/// Opentrons sets no bound itself: robot-server takes any vector, and its maintainers say
/// labware calibration data is not sanity-checked (Opentrons/opentrons issue #756). Labware
/// Position Check measures offsets to the nearest 0.1 mm to correct small misplacements; an
/// offset past the 9 mm well pitch of an SBS plate would aim the pipette at a neighbouring
/// well, so anything beyond 10 mm is taken for a slip (mm for cm, a sign, a typo).
pub const MAX_OFFSET_MM: f64 = 10.0;

/// How far the OT-2's gantry travels on each axis, in mm: its homed position (Opentrons'
/// Smoothie driver, `HOMED_POSITION`: X 418, Y 353, Z 218). No offset, however deliberate,
/// can move a pipette further than the robot can reach, so these hold even with
/// `--allow-large-offset`.
pub const GANTRY_TRAVEL_MM: [(&str, f64); 3] = [("x", 418.0), ("y", 353.0), ("z", 218.0)];

/// Checks a vector's parts: finite, within the gantry's travel, and within [`MAX_OFFSET_MM`]
/// unless `allow_large`.
pub fn check_vector(x: f64, y: f64, z: f64, allow_large: bool) -> Result<(), UsageError> {
    for ((axis, travel), value) in GANTRY_TRAVEL_MM.into_iter().zip([x, y, z]) {
        if !value.is_finite() {
            return Err(UsageError::new(format!(
                "offset {axis} must be a number of mm, not {value}"
            )));
        }
        if value.abs() > travel {
            return Err(UsageError::new(format!(
                "offset {axis} = {value} mm is beyond what the OT-2 can reach (its gantry \
                 travels {travel} mm on {axis}), even with --allow-large-offset"
            )));
        }
        if value.abs() > MAX_OFFSET_MM && !allow_large {
            return Err(UsageError::new(format!(
                "offset {axis} = {value} mm is more than {MAX_OFFSET_MM} mm: Labware Position \
                 Check corrects small misplacements, and this would aim at another well; pass \
                 --allow-large-offset if it is really meant"
            )));
        }
    }
    Ok(())
}

pub fn check(definition_uri: &str, slot: &str) -> Result<(), UsageError> {
    let parts: Vec<&str> = definition_uri.split('/').collect();
    let well_formed = parts.len() == 3
        && parts[..2].iter().all(|p| !p.is_empty())
        && parts[2].parse::<u32>().is_ok();
    if !well_formed {
        return Err(UsageError::new(format!(
            "'{definition_uri}' is not a labware definition URI; write namespace/load_name/version, \
             e.g. opentrons/corning_96_wellplate_360ul_flat/2"
        )));
    }
    if !slot.parse::<u32>().is_ok_and(|n| (1..=12).contains(&n)) {
        return Err(UsageError::new(format!(
            "'{slot}' is not an OT-2 deck slot; slots are numbered 1 to 12"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_app_export_and_keeps_what_robot_server_uses() {
        let export = r#"{"data": [{"id": "a", "createdAt": "2026-01-01T00:00:00Z",
            "definitionUri": "opentrons/corning_96_wellplate_360ul_flat/2",
            "location": {"slotName": "1"}, "vector": {"x": 0.1, "y": -0.2, "z": 0.3}}]}"#;
        let offsets = from_app_export(export, "export.json").unwrap();
        assert_eq!(
            offsets,
            vec![offset(
                "opentrons/corning_96_wellplate_360ul_flat/2",
                "1",
                0.1,
                -0.2,
                0.3
            )]
        );
        assert!(from_app_export("[{\"definitionUri\": \"x\"}]", "e.json").is_err());
    }

    #[test]
    fn one_offset_per_labware_and_slot() {
        let mut offsets = vec![offset("a/b/1", "1", 0.0, 0.0, 0.0)];
        upsert(&mut offsets, offset("a/b/1", "1", 1.0, 0.0, 0.0));
        upsert(&mut offsets, offset("a/b/1", "2", 0.0, 0.0, 0.0));
        assert_eq!(offsets.len(), 2);
        assert_eq!(offsets[0].vector.x, 1.0);
        assert_eq!(
            store_path(Path::new("/h"), "http://10.0.0.5:31950"),
            PathBuf::from("/h/robots/10.0.0.5_31950/offsets.json")
        );
    }
}
