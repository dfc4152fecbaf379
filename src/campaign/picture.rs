//! A campaign drawn for people: the target beside the best matches (swatches in 24-bit
//! colour on a terminal, hex codes always), and ΔE per step as a bar chart with the tolerance
//! marked.

use super::model::Campaign;
use crate::colour::srgb::Rgb;

/// How wide the longest bar is.
const BAR_WIDTH: usize = 40;
/// How many of the best matches are shown beside the target.
const BEST_SHOWN: usize = 3;

/// The swatches and the chart.
pub fn terminal(campaign: &Campaign, colour: bool) -> String {
    let mut text = format!(
        "target   {} {}\n",
        swatch(&campaign.target, colour),
        campaign.target
    );
    let mut ranked: Vec<_> = campaign.measured().collect();
    ranked.sort_by(|a, b| {
        a.delta_e
            .unwrap_or(f64::MAX)
            .total_cmp(&b.delta_e.unwrap_or(f64::MAX))
    });
    for (place, step) in ranked.iter().take(BEST_SHOWN).enumerate() {
        let colour_text = step.colour.as_deref().unwrap_or("?");
        text.push_str(&format!(
            "best {}   {} {colour_text}  ΔE {:.1}  step {}, R={} Y={} B={} µL, well {}\n",
            place + 1,
            swatch(colour_text, colour),
            step.delta_e.unwrap_or(f64::NAN),
            step.number,
            step.recipe[0],
            step.recipe[1],
            step.recipe[2],
            step.well.as_deref().unwrap_or("?")
        ));
    }
    text.push_str(&chart(campaign));
    text
}

/// `██` in the colour, or nothing without colour (the hex code beside it says it).
fn swatch(hex: &str, colour: bool) -> String {
    match (colour, hex.parse::<Rgb>()) {
        (true, Ok(Rgb(r, g, b))) => format!("\u{1b}[38;2;{r};{g};{b}m██████\u{1b}[0m"),
        _ => String::new(),
    }
}

/// ΔE per measured step, one bar each, `|` where the tolerance is.
pub fn chart(campaign: &Campaign) -> String {
    let measured: Vec<_> = campaign.measured().collect();
    if measured.is_empty() {
        return "no step measured yet\n".into();
    }
    let largest = measured
        .iter()
        .filter_map(|s| s.delta_e)
        .fold(campaign.tolerance, f64::max);
    let scale = BAR_WIDTH as f64 / largest;
    let mark = ((campaign.tolerance * scale).round() as usize).min(BAR_WIDTH);
    let mut text = format!(
        "ΔE per step (| is the tolerance, {}):\n",
        campaign.tolerance
    );
    for step in measured {
        let delta = step.delta_e.unwrap_or(0.0);
        let length = ((delta * scale).round() as usize).min(BAR_WIDTH);
        let mut bar: Vec<char> = (0..BAR_WIDTH.max(mark + 1))
            .map(|i| if i < length { '█' } else { ' ' })
            .collect();
        bar[mark] = if bar[mark] == ' ' { '|' } else { '┃' };
        let bar: String = bar.into_iter().collect();
        text.push_str(&format!(
            "{:>4} {} {delta:.1}\n",
            step.number,
            bar.trim_end()
        ));
    }
    text
}
