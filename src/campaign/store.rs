//! Campaign records: one JSON file per campaign in `$OT2CTL_HOME/campaigns/`, replaced
//! whole (through a temporary file and a rename) after every change, so a kill at any
//! point leaves the record of before or of after the change, never half of one. The process
//! running a campaign holds `<id>.lock`: two processes never run one campaign.

use std::fs::File;
use std::path::{Path, PathBuf};

use super::model::{Campaign, CampaignError};
use crate::config::profiles::write_private_file;

#[derive(Debug, Clone)]
pub struct CampaignStore {
    dir: PathBuf,
}

/// Held while a process runs a campaign; the lock goes with it.
#[derive(Debug)]
pub struct Running {
    _lock: File,
}

impl CampaignStore {
    /// The campaigns kept under `home` (ot2ctl's home directory).
    pub fn under(home: &Path) -> CampaignStore {
        CampaignStore {
            dir: home.join("campaigns"),
        }
    }

    fn path(&self, id: &str) -> Result<PathBuf, CampaignError> {
        // An id is ours: `campaign-` and hex digits; anything else names no file.
        let valid = id
            .strip_prefix("campaign-")
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_hexdigit()));
        if !valid {
            return Err(CampaignError::Unknown(id.to_string()));
        }
        Ok(self.dir.join(format!("{id}.json")))
    }

    pub fn save(&self, campaign: &Campaign) -> Result<(), CampaignError> {
        let path = self.path(&campaign.id)?;
        let text = serde_json::to_vec_pretty(campaign).expect("a campaign is plain JSON");
        write_private_file(&path, &text).map_err(|e| CampaignError::Store(format!("{e:#}")))
    }

    pub fn load(&self, id: &str) -> Result<Campaign, CampaignError> {
        let path = self.path(id)?;
        let text = match crate::bounded::read_file(&path) {
            Ok(text) => text,
            Err(error) if error.is_not_found() => {
                return Err(CampaignError::Unknown(id.to_string()));
            }
            Err(error) => {
                return Err(CampaignError::Store(format!(
                    "cannot read {}: {error}",
                    path.display()
                )));
            }
        };
        serde_json::from_slice(&text).map_err(|e| {
            CampaignError::Store(format!("{} is not a campaign record: {e}", path.display()))
        })
    }

    /// Every campaign, the newest first.
    pub fn list(&self) -> Result<Vec<Campaign>, CampaignError> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(CampaignError::Store(error.to_string())),
        };
        let mut campaigns = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if let Some(id) = name.strip_suffix(".json") {
                campaigns.push(self.load(id)?);
            }
        }
        campaigns.sort_by_key(|c| std::cmp::Reverse(c.created_at));
        Ok(campaigns)
    }

    /// Takes the campaign for this process, or says another one has it.
    pub fn run(&self, id: &str) -> Result<Running, CampaignError> {
        let lock = self.path(id)?.with_extension("lock");
        std::fs::create_dir_all(&self.dir).map_err(|e| CampaignError::Store(e.to_string()))?;
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock)
            .map_err(|e| CampaignError::Store(format!("cannot open {}: {e}", lock.display())))?;
        match file.try_lock() {
            Ok(()) => Ok(Running { _lock: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(CampaignError::Busy(id.to_string())),
            Err(std::fs::TryLockError::Error(error)) => Err(CampaignError::Store(format!(
                "cannot lock {}: {error}",
                lock.display()
            ))),
        }
    }
}
