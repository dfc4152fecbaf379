//! Generated and mutated input fed to the parsers a user's files and flags reach: prefect.yaml,
//! lab.yaml and `--param`. None may panic, and every error is one line; a YAML error names
//! its file and position (`file:line:column: ...`). Bounded (a few hundred cases each), so it
//! runs in the normal suite without the server.

use std::path::Path;

use ot2ctl::deploy::project::ProjectFile;
use proptest::prelude::*;

const PREFECT_YAML: &str = include_str!("../prefect.yaml.example");
const LAB_YAML: &str = include_str!("../lab.yaml");
const TRIGGERS_YAML: &str = include_str!("fixtures/trigger_project/prefect.yaml");

/// Pieces of YAML that provoke the parser: anchors, aliases, merges, flow collections, tags,
/// odd indentation, templates, quotes, numbers at the edges.
const FRAGMENTS: &[&str] = &[
    "&a ",
    "*a",
    "<<: *a",
    "{",
    "}",
    "[",
    "]",
    ": ",
    "- ",
    "!!str ",
    "!!binary ",
    "\t",
    "\n  ",
    "\n",
    "'",
    "\"",
    "{{ ",
    " }}",
    "{{ $HOME }}",
    "1e308",
    "-0",
    ".nan",
    "~",
    "? ",
    "|",
    ">",
    "---\n",
    "...\n",
    "#",
    "%YAML 1.2\n",
    "\u{feff}",
    "\u{0}",
    "é",
    "&b [*a, *a, *a]",
];

fn mutate(base: &str, edits: &[(usize, usize, usize)]) -> String {
    let mut text: Vec<char> = base.chars().collect();
    for &(kind, at, which) in edits {
        let at = if text.is_empty() {
            0
        } else {
            at % (text.len() + 1)
        };
        match kind % 3 {
            0 => {
                let fragment: Vec<char> = FRAGMENTS[which % FRAGMENTS.len()].chars().collect();
                text.splice(at..at, fragment);
            }
            1 => {
                let end = (at + which % 12).min(text.len());
                text.drain(at..end);
            }
            _ => text.truncate(at),
        }
    }
    text.into_iter().collect()
}

fn one_line_with_position(error: &str, file: &str) {
    assert_eq!(error.lines().count(), 1, "not one line:\n{error}");
    let rest = error
        .strip_prefix(&format!("{file}:"))
        .unwrap_or_else(|| panic!("no file name: {error}"));
    let mut parts = rest.splitn(3, ':');
    let (line, column) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    assert!(
        line.parse::<u64>().is_ok() && column.parse::<u64>().is_ok(),
        "no line:column: {error}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn mutated_prefect_yaml_is_read_or_refused_on_one_line(
        edits in prop::collection::vec((0usize..3, 0usize..4000, 0usize..64), 1..6)
    ) {
        let text = mutate(PREFECT_YAML, &edits);
        if let Err(error) = ProjectFile::parse(&text, Path::new("prefect.yaml")) {
            one_line_with_position(&error.to_string(), "prefect.yaml");
        }
    }

    /// Triggers of every type, mutated: each deployment's are read or refused on one line.
    #[test]
    fn mutated_triggers_are_read_or_refused_on_one_line(
        edits in prop::collection::vec((0usize..3, 0usize..4000, 0usize..64), 1..6)
    ) {
        let text = mutate(TRIGGERS_YAML, &edits);
        if let Ok(file) = ProjectFile::parse(&text, Path::new("prefect.yaml")) {
            for entry in file.deployments() {
                let mut warnings = Vec::new();
                if let Err(error) = ot2ctl::deploy::triggers::read(
                    &file,
                    entry.field("triggers"),
                    "d",
                    &mut warnings,
                ) {
                    one_line_with_position(&error.to_string(), "prefect.yaml");
                }
                for warning in warnings {
                    one_line_with_position(&warning, "prefect.yaml");
                }
            }
        }
    }

    #[test]
    fn mutated_lab_yaml_is_read_or_refused_on_one_line(
        edits in prop::collection::vec((0usize..3, 0usize..2000, 0usize..64), 1..6)
    ) {
        let text = mutate(LAB_YAML, &edits);
        if let Err(error) = ot2ctl::lab::spec::parse(&text, "lab.yaml") {
            one_line_with_position(&error.to_string(), "lab.yaml");
        }
    }

    #[test]
    fn any_param_is_read_or_refused_on_one_line(text in "\\PC{0,40}") {
        if let Err(error) = ot2ctl::params::parse_assignment(&text) {
            prop_assert_eq!(error.to_string().lines().count(), 1, "{}", error);
        }
    }

    #[test]
    fn param_values_of_every_json_shape_parse(
        name in "[A-Za-z_][A-Za-z0-9_]{0,8}",
        value in prop_oneof![
            any::<i64>().prop_map(|n| n.to_string()),
            any::<f64>().prop_map(|n| n.to_string()),
            "[\\[\\]{}\":,0-9a-z ]{0,20}",
        ]
    ) {
        let assignment = format!("{name}={value}");
        match ot2ctl::params::parse_assignment(&assignment) {
            Ok((parsed, _)) => prop_assert_eq!(parsed, name),
            Err(error) => prop_assert_eq!(error.to_string().lines().count(), 1, "{}", error),
        }
    }
}

#[test]
fn an_alias_bomb_is_refused_in_our_words_with_its_position() {
    let mut text = String::from("deployments: []\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..12 {
        let previous = (b'a' + level - 1) as char;
        let name = (b'a' + level) as char;
        text.push_str(&format!(
            "{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"
        ));
    }
    let error = ProjectFile::parse(&text, Path::new("prefect.yaml"))
        .unwrap_err()
        .to_string();
    one_line_with_position(&error, "prefect.yaml");
    assert!(error.contains("anchors and aliases"), "{error}");
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let error = ProjectFile::parse(&deep, Path::new("prefect.yaml"))
        .unwrap_err()
        .to_string();
    one_line_with_position(&error, "prefect.yaml");
    assert!(error.contains("nests lists and mappings deeper"), "{error}");
}
