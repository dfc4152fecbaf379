//! The plate drawn for people: a grid of the whole 96-well plate (rows A–H, columns 1–12) for
//! the terminal, in 24-bit colour or with a letter legend, and a markdown table for the
//! Prefect UI's Artifacts page.

use std::collections::BTreeMap;

use super::colour::{Rgb, mixed};
use super::model::{Plate, Recipe, Well, WellRecord, WellState};
use crate::sensor::Measurement;

const ROWS: [char; 8] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
const COLUMNS: std::ops::RangeInclusive<u8> = 1..=12;

/// How a well looks: free, reserved, used with a known mix, used with unknown contents, or
/// not part of the plate's layout.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Look {
    Free,
    Reserved,
    Mixed(Recipe),
    Used,
    /// Used, and read by the colour sensor: drawn in the colour it read, with the mix's
    /// letter (or `#`) in lower case.
    Measured(Rgb, char),
    Unused,
}

fn look(record: Option<&WellRecord>) -> Look {
    match record.map(|r| &r.state) {
        None => Look::Unused,
        Some(WellState::Empty) => Look::Free,
        Some(WellState::Reserved { .. }) => Look::Reserved,
        Some(WellState::Used {
            recipe: Some(recipe),
            ..
        }) if recipe.total() > 0.0 => Look::Mixed(*recipe),
        Some(WellState::Used { .. }) => Look::Used,
    }
}

/// The legend letter of a mix: its main paints (each at least a fifth of it).
fn letter(recipe: &Recipe) -> char {
    let total = recipe.total();
    let has = |volume: f64| volume >= total / 5.0;
    match (has(recipe.red), has(recipe.yellow), has(recipe.blue)) {
        (true, false, false) => 'R',
        (false, true, false) => 'Y',
        (false, false, true) => 'B',
        (true, true, false) => 'O',
        (false, true, true) => 'G',
        (true, false, true) => 'P',
        _ => 'N',
    }
}

const LEGEND: &str = "legend: . free  * reserved  R red  Y yellow  B blue  O orange (R+Y)  \
                      G green (Y+B)  P purple (R+B)  N all three  # used (contents unknown)";
/// Added to the legend when a well was measured.
const LEGEND_MEASURED: &str = "  lower case: measured by the colour sensor";

/// How many measured wells the line under the picture names.
const MEASURED_NAMED: usize = 12;

/// The newest reading of each well.
fn measured_colours(readings: &[Measurement]) -> BTreeMap<Well, Rgb> {
    readings
        .iter()
        .filter_map(|r| Some((Well::parse(r.well.as_deref()?).ok()?, r.rgb())))
        .collect()
}

/// How a well looks, its reading counted.
fn look_measured(record: Option<&WellRecord>, measured: &BTreeMap<Well, Rgb>) -> Look {
    let plain = look(record);
    let Some(rgb) = record.and_then(|r| measured.get(&r.well)) else {
        return plain;
    };
    match plain {
        Look::Mixed(recipe) => Look::Measured(*rgb, letter(&recipe).to_ascii_lowercase()),
        Look::Used => Look::Measured(*rgb, '#'),
        other => other,
    }
}

/// The terminal picture: the grid (measured wells in the colour the sensor read), then a
/// legend (without colour), the measured wells' colours and the count line.
pub fn terminal(plate: &Plate, readings: &[Measurement], colour: bool) -> String {
    let measured = measured_colours(readings);
    let mut text = String::from("   ");
    for column in COLUMNS {
        text.push_str(&format!("{column:>3}"));
    }
    text.push('\n');
    for row in ROWS {
        let mut line = format!(" {row} ");
        for column in COLUMNS {
            let well = Well::new(row, column).expect("a well of the plate");
            line.push_str(&cell(look_measured(plate.record(well), &measured), colour));
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    if !colour {
        text.push_str(LEGEND);
        if !measured.is_empty() {
            text.push_str(LEGEND_MEASURED);
        }
        text.push('\n');
    }
    let on_plate: Vec<String> = plate
        .wells
        .iter()
        .filter_map(|r| Some(format!("{} {}", r.well, measured.get(&r.well)?.hex())))
        .collect();
    if !on_plate.is_empty() {
        let more = on_plate.len().saturating_sub(MEASURED_NAMED);
        text.push_str(&format!(
            "measured: {}",
            on_plate[..on_plate.len() - more].join(", ")
        ));
        if more > 0 {
            text.push_str(&format!(" and {more} more (-o json lists them)"));
        }
        text.push('\n');
    }
    text.push_str(&count_line(plate));
    text.push('\n');
    text
}

/// One well, three columns wide.
fn cell(look: Look, colour: bool) -> String {
    match (look, colour) {
        (Look::Unused, _) => "   ".into(),
        (Look::Free, false) => "  .".into(),
        (Look::Free, true) => "  \u{1b}[2m○\u{1b}[0m".into(),
        (Look::Reserved, false) => "  *".into(),
        (Look::Reserved, true) => "  \u{1b}[1m◌\u{1b}[0m".into(),
        (Look::Used, false) => "  #".into(),
        (Look::Used, true) => format!(" {}", paint(Rgb(0x80, 0x80, 0x80), "▒▒")),
        (Look::Mixed(recipe), false) => format!("  {}", letter(&recipe)),
        (Look::Measured(_, letter), false) => format!("  {letter}"),
        (Look::Measured(rgb, _), true) => format!(" {}", paint(rgb, "██")),
        (Look::Mixed(recipe), true) => {
            let rgb = mixed(&recipe).unwrap_or(Rgb(0x80, 0x80, 0x80));
            format!(" {}", paint(rgb, "██"))
        }
    }
}

/// Text in a 24-bit foreground colour.
fn paint(rgb: Rgb, text: &str) -> String {
    format!("\u{1b}[38;2;{};{};{}m{text}\u{1b}[0m", rgb.0, rgb.1, rgb.2)
}

/// `84 wells: 52 free, 2 reserved, 30 used; next free well E7 (plate plate-1a2b3c4d, OT2)`.
pub fn count_line(plate: &Plate) -> String {
    let (free, reserved, used) = plate.counts();
    let next = plate.next_free().map_or_else(
        || "no free well left".to_string(),
        |w| format!("next free well {w}"),
    );
    format!(
        "{} wells: {free} free, {reserved} reserved, {used} used; {next} (plate {}, {})",
        plate.wells.len(),
        plate.id,
        plate.project
    )
}

/// The markdown picture for the Prefect UI: one emoji per well (the new well marked), the
/// count line, and a table of the used wells.
pub fn markdown(plate: &Plate, new: Option<Well>) -> String {
    let mut text = format!("### Plate {} ({})\n\n|   |", plate.id, plate.project);
    for column in COLUMNS {
        text.push_str(&format!(" {column} |"));
    }
    text.push_str("\n|---|");
    for _ in COLUMNS {
        text.push_str("---|");
    }
    text.push('\n');
    for row in ROWS {
        text.push_str(&format!("| **{row}** |"));
        for column in COLUMNS {
            let well = Well::new(row, column).expect("a well of the plate");
            let symbol = emoji(look(plate.record(well)));
            if Some(well) == new {
                text.push_str(&format!(" **[{symbol}]** |"));
            } else {
                text.push_str(&format!(" {symbol} |"));
            }
        }
        text.push('\n');
    }
    text.push_str(&format!("\n{}", count_line(plate)));
    if let Some(well) = new {
        text.push_str(&format!("; this run mixed into **{well}** (marked [ ])"));
    }
    text.push_str(
        "\n\n⬜ free · ⭕ reserved · 🟥 red · 🟨 yellow · 🟦 blue · 🟧 orange · 🟩 green · 🟪 purple · \
         🟫 all three · ⬛ used, contents unknown\n",
    );
    let used: Vec<&WellRecord> = plate
        .wells
        .iter()
        .filter(|r| matches!(r.state, WellState::Used { .. }))
        .collect();
    if !used.is_empty() {
        text.push_str("\n| well | R µL | Y µL | B µL | flow run |\n|---|---|---|---|---|\n");
        for record in used {
            if let WellState::Used {
                flow_run_id,
                recipe,
                ..
            } = &record.state
            {
                let volume = |v: Option<f64>| v.map_or_else(|| "-".into(), |v| format!("{v}"));
                text.push_str(&format!(
                    "| {} | {} | {} | {} | {} |\n",
                    record.well,
                    volume(recipe.map(|r| r.red)),
                    volume(recipe.map(|r| r.yellow)),
                    volume(recipe.map(|r| r.blue)),
                    flow_run_id.as_deref().unwrap_or("-")
                ));
            }
        }
    }
    text
}

fn emoji(look: Look) -> &'static str {
    match look {
        Look::Unused => " ",
        Look::Free => "⬜",
        Look::Reserved => "⭕",
        Look::Used | Look::Measured(..) => "⬛",
        Look::Mixed(recipe) => match letter(&recipe) {
            'R' => "🟥",
            'Y' => "🟨",
            'B' => "🟦",
            'O' => "🟧",
            'G' => "🟩",
            'P' => "🟪",
            _ => "🟫",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plate::model::PlateSpec;
    use jiff::Timestamp;

    fn plate() -> Plate {
        let mut plate = Plate::new(
            "plate-1".into(),
            &PlateSpec::default(),
            Timestamp::UNIX_EPOCH,
        );
        plate.wells[0].state = WellState::Used {
            flow_run_id: Some("r1".into()),
            used_at: None,
            recipe: Some(Recipe {
                red: 120.0,
                yellow: 50.0,
                blue: 80.0,
            }),
        };
        plate.wells[1].state = WellState::Reserved {
            flow_run_id: "r2".into(),
            reserved_at: Timestamp::UNIX_EPOCH,
        };
        plate
    }

    #[test]
    fn without_colour_the_grid_uses_the_legend_letters() {
        let text = terminal(&plate(), &[], false);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "     1  2  3  4  5  6  7  8  9 10 11 12");
        assert_eq!(lines[1].trim_end(), " A");
        assert_eq!(lines[2], " B   N  *  .  .  .  .  .  .  .  .  .  .");
        assert!(lines[9].starts_with("legend:"));
        assert_eq!(
            lines[10],
            "84 wells: 82 free, 1 reserved, 1 used; next free well B3 (plate plate-1, OT2)"
        );
        assert!(!text.contains('\u{1b}'));
    }

    #[test]
    fn with_colour_a_used_well_is_drawn_in_its_mix() {
        let text = terminal(&plate(), &[], true);
        let rgb = mixed(&Recipe {
            red: 120.0,
            yellow: 50.0,
            blue: 80.0,
        })
        .unwrap();
        assert!(text.contains(&format!("\u{1b}[38;2;{};{};{}m██", rgb.0, rgb.1, rgb.2)));
        assert!(!text.contains("legend:"));
    }

    #[test]
    fn the_markdown_marks_the_new_well() {
        let text = markdown(&plate(), Well::parse("B1").ok());
        assert!(text.contains("| **B** | **[🟫]** | ⭕ | ⬜ |"), "{text}");
        assert!(text.contains("| B1 | 120 | 50 | 80 | r1 |"), "{text}");
    }
}
