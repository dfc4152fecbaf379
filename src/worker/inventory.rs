//! Protocols that reserve their paint in the inventory first (`ot2+inventory:` entrypoints).

use jiff::Timestamp;
use serde_json::Value;

use super::report::Notify;
use super::states::Ending;
use crate::api::models::StateType;
use crate::executor::{Level, Outcome, RunContext};
use crate::inventory::Store;
use crate::inventory::model::{Amounts, Colour, DEFAULT_MIX_THRESHOLD_UL};

/// Reserves the paint a mix takes (its R, Y and B parameters), in one transaction with the
/// availability check, so that two mixes cannot both pass it on the last millilitres. A mix
/// the stock cannot cover is refused before anything starts.
pub async fn reserve(context: &RunContext, store: &Store) -> Result<Amounts, Outcome> {
    let required = required_paint(context).map_err(Outcome::refused)?;
    store
        .reserve(
            &context.id().to_string(),
            required,
            DEFAULT_MIX_THRESHOLD_UL,
            Timestamp::now(),
        )
        .await
        .map_err(|error| Outcome::refused(error.to_string()))?;
    context.log(
        Level::Info,
        format!(
            "Reserved red {} µL, yellow {} µL, blue {} µL in {}",
            required.get(Colour::Red),
            required.get(Colour::Yellow),
            required.get(Colour::Blue),
            store.describe()
        ),
    );
    Ok(required)
}

/// The paint a mix takes: its `R`, `Y` and `B` parameters in µL.
pub fn required_paint(context: &RunContext) -> Result<Amounts, String> {
    let values = context.parameters();
    let mut required = Amounts::default();
    for colour in Colour::ALL {
        match values.get(colour.key()) {
            None | Some(Value::Null) => {}
            Some(value) => match value.as_f64() {
                Some(volume) if volume >= 0.0 => required.set(colour, volume),
                _ => {
                    return Err(format!(
                        "parameter '{}' must be a volume in µL, not {value}",
                        colour.key()
                    ));
                }
            },
        }
    }
    Ok(required)
}

/// After a mix that reserved paint ended: consumes the reservation if the run completed,
/// releases it otherwise.
pub async fn settle(context: &RunContext, store: &Store, required: Amounts, ending: &Ending) {
    let completed = ending.is(StateType::Completed);
    match store
        .settle(
            &context.id().to_string(),
            required,
            completed,
            Timestamp::now(),
        )
        .await
    {
        Ok(stocks) if completed => {
            let now = Timestamp::now();
            let left: Vec<String> = stocks
                .iter()
                .map(|s| format!("{} {:.1} µL", s.colour.name(), s.current(now)))
                .collect();
            context.log(
                Level::Info,
                format!("Paint consumed; the inventory holds {}", left.join(", ")),
            );
        }
        Ok(_) => context.log(
            Level::Info,
            "The run did not complete: its reservation is released and no paint is consumed",
        ),
        Err(error) => context.log(
            Level::Error,
            format!("the inventory could not be updated after the run: {error}"),
        ),
    }
}

/// Releases reservations whose runs have ended (or are gone): a worker that was killed during
/// a mix leaves its reservation behind, and that paint would otherwise stay set aside.
pub async fn release_abandoned(api: &crate::api::Client, store: &Store, notify: &Notify) {
    let runs = match store.reserving_runs().await {
        Ok(runs) => runs,
        Err(error) => {
            notify(format!("cannot read the inventory's reservations: {error}"));
            return;
        }
    };
    for run in runs {
        if super::states::has_ended(api, &run).await {
            match store
                .settle(&run, Amounts::default(), false, Timestamp::now())
                .await
            {
                Ok(_) => notify(format!(
                    "released the paint reserved by flow run {run}, which ended without settling it"
                )),
                Err(error) => notify(format!(
                    "cannot release flow run {run}'s reservation: {error}"
                )),
            }
        }
    }
}
