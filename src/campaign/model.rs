//! The campaign's record: what was asked, and every step with its runs, well, reading and
//! colour difference.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::optimiser::Optimiser;
use crate::colour::lab::Lab;
use crate::sensor::contract::SensorData;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    pub id: String,
    /// `#rrggbb`.
    pub target: String,
    /// The target in CIE L\*a\*b\*.
    pub target_lab: [f64; 3],
    /// How many steps (mixes) at most.
    pub budget: u32,
    /// CIEDE2000 ΔE below which the target is matched.
    pub tolerance: f64,
    /// µL in every mix: R + Y + B.
    pub total_ul: u32,
    pub optimiser: Optimiser,
    pub seed: u64,
    /// The wells the mixes go into, in order; empty: the plate's next free well each time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wells: Vec<String>,
    /// The deployment that mixes into the next free well (`flow/deployment`).
    pub mix_deployment: String,
    /// The deployment that measures a well.
    pub measure_deployment: String,
    pub created_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Ending>,
    pub steps: Vec<Step>,
}

/// Why a campaign ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Ending {
    Matched {
        at: Timestamp,
        step: u32,
    },
    BudgetSpent {
        at: Timestamp,
    },
    /// A step could not be done: paint or wells ran out, a run failed.
    Stopped {
        at: Timestamp,
        why: String,
    },
}

/// One mix and its measurement. Each field is written as soon as it is known, so a resumed
/// campaign continues from the first one missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// From 1.
    pub number: u32,
    /// The optimiser's point in the unit square (see `optimiser::recipe_of`).
    pub point: [f64; 2],
    /// µL of red, yellow and blue.
    pub recipe: [u32; 3],
    /// How long the optimiser took to propose it.
    #[serde(default)]
    pub propose_seconds: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mix_run: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub well: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure_run: Option<Uuid>,
    /// The sensor's eight channels, as read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensor_data: Option<SensorData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lab: Option<[f64; 3]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta_e: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured_at: Option<Timestamp>,
}

impl Step {
    pub fn is_measured(&self) -> bool {
        self.delta_e.is_some()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CampaignError {
    #[error("no campaign {0} (`ot2ctl campaign ls` lists them)")]
    Unknown(String),
    #[error("campaign {0} is being run by another ot2ctl process; wait for it or stop it first")]
    Busy(String),
    #[error("campaign {id} has ended ({why}); start a new one")]
    Ended { id: String, why: String },
    #[error("{0}")]
    Store(String),
}

impl Campaign {
    /// The `mix_well` of step `number` (from 1): the listed well, or `auto`.
    pub fn well_for(&self, number: u32) -> String {
        match self.wells.get(number as usize - 1) {
            Some(well) => well.clone(),
            None => "auto".into(),
        }
    }

    pub fn target_lab(&self) -> Lab {
        Lab {
            l: self.target_lab[0],
            a: self.target_lab[1],
            b: self.target_lab[2],
        }
    }

    /// The measured steps, in order.
    pub fn measured(&self) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(|s| s.is_measured())
    }

    /// The measured step closest to the target.
    pub fn best(&self) -> Option<&Step> {
        self.measured().min_by(|a, b| {
            a.delta_e
                .unwrap_or(f64::MAX)
                .total_cmp(&b.delta_e.unwrap_or(f64::MAX))
        })
    }

    /// The step being worked on: the last one, when it is not measured yet.
    pub fn open_step(&self) -> Option<&Step> {
        self.steps.last().filter(|s| !s.is_measured())
    }

    /// Whether the campaign should end now, and why (checked after each measured step).
    pub fn ending_due(&self, now: Timestamp) -> Option<Ending> {
        if let Some(step) = self
            .measured()
            .find(|s| s.delta_e.is_some_and(|d| d < self.tolerance))
        {
            return Some(Ending::Matched {
                at: now,
                step: step.number,
            });
        }
        let measured = self.measured().count() as u32;
        (measured >= self.budget && self.open_step().is_none())
            .then_some(Ending::BudgetSpent { at: now })
    }

    pub fn status_word(&self) -> &'static str {
        match &self.ended {
            None => "running",
            Some(Ending::Matched { .. }) => "matched",
            Some(Ending::BudgetSpent { .. }) => "budget spent",
            Some(Ending::Stopped { .. }) => "stopped",
        }
    }
}

impl Ending {
    pub fn describe(&self) -> String {
        match self {
            Ending::Matched { step, .. } => format!("matched at step {step}"),
            Ending::BudgetSpent { .. } => "the budget is spent".into(),
            Ending::Stopped { why, .. } => format!("stopped: {why}"),
        }
    }
}

/// A new campaign id: `campaign-` and eight hex digits.
pub fn new_campaign_id() -> String {
    format!("campaign-{}", &Uuid::new_v4().simple().to_string()[..8])
}
