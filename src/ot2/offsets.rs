//! Labware offsets per robot: the small corrections the Opentrons App's Labware Position Check
//! finds, stored by ot2ctl and sent with every run (robot-server keeps them per run only).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde_json::{Value, json};

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
pub fn load(path: &Path) -> Result<Vec<Value>> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let value: Value = serde_json::from_slice(&bytes)
                .with_context(|| format!("{} is not valid JSON", path.display()))?;
            Ok(value.as_array().cloned().unwrap_or_default())
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(err) => Err(err).with_context(|| format!("cannot read {}", path.display())),
    }
}

pub fn save(path: &Path, offsets: &[Value]) -> Result<()> {
    let text = serde_json::to_string_pretty(offsets)?;
    write_private_file(path, text.as_bytes())
}

/// One offset in robot-server's shape.
pub fn offset(definition_uri: &str, slot: &str, x: f64, y: f64, z: f64) -> Value {
    json!({
        "definitionUri": definition_uri,
        "location": {"slotName": slot},
        "vector": {"x": x, "y": y, "z": z},
    })
}

/// Adds or replaces the offset of one labware in one slot.
pub fn upsert(offsets: &mut Vec<Value>, new: Value) {
    offsets.retain(|o| {
        !(o["definitionUri"] == new["definitionUri"]
            && o["location"]["slotName"] == new["location"]["slotName"])
    });
    offsets.push(new);
}

/// Offsets from an Opentrons App export: a list of offsets, or an object holding one under
/// `data`, `labwareOffsets` or `offsets` (a robot-server run record, `data.labwareOffsets`,
/// works too). Only the fields robot-server uses are kept.
pub fn from_app_export(text: &str, origin: &str) -> Result<Vec<Value>, UsageError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        UsageError::new(format!(
            "{origin}:{}:{}: invalid JSON: {e}",
            e.line(),
            e.column()
        ))
    })?;
    let list = match &value {
        Value::Array(items) => items.clone(),
        Value::Object(map) => ["data", "labwareOffsets", "offsets"]
            .iter()
            .find_map(|key| map.get(*key).and_then(Value::as_array).cloned())
            .or_else(|| value["data"]["labwareOffsets"].as_array().cloned())
            .ok_or_else(|| {
                UsageError::new(format!("{origin}: no list of labware offsets in it"))
            })?,
        _ => {
            return Err(UsageError::new(format!(
                "{origin}: no list of labware offsets in it"
            )));
        }
    };
    list.iter()
        .enumerate()
        .map(|(index, item)| {
            let uri = item["definitionUri"].as_str();
            let slot = item["location"]["slotName"].as_str();
            let vector = &item["vector"];
            match (uri, slot, vector["x"].as_f64(), vector["y"].as_f64(), vector["z"].as_f64()) {
                (Some(uri), Some(slot), Some(x), Some(y), Some(z)) => {
                    check(uri, slot).map_err(|e| {
                        UsageError::new(format!("{origin}: offset {index}: {}", e.0))
                    })?;
                    let mut kept = offset(uri, slot, x, y, z);
                    if let Some(module) = item["location"]["moduleModel"].as_str() {
                        kept["location"]["moduleModel"] = json!(module);
                    }
                    Ok(kept)
                }
                _ => Err(UsageError::new(format!(
                    "{origin}: offset {index} needs definitionUri, location.slotName and vector.x/y/z"
                ))),
            }
        })
        .collect()
}

/// A definition URI is `namespace/load_name/version`; an OT-2 deck has slots 1 to 12.
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
        assert_eq!(offsets[0]["vector"]["x"], 1.0);
        assert_eq!(
            store_path(Path::new("/h"), "http://10.0.0.5:31950"),
            PathBuf::from("/h/robots/10.0.0.5_31950/offsets.json")
        );
    }
}
