//! Signature → schema: ot2ctl reads flow files as text and must derive exactly what Prefect
//! derives by importing them. Prefect's own generator, from the test venv, is the reference.

mod support;

use std::path::Path;
use std::process::Command;

use ot2ctl::deploy::python::{SchemaRules, read_flow, read_flow_file};
use serde_json::Value;
use support::{repo_root, server};

const FLOWS: &[&str] = &[
    "plain_types",
    "optionals",
    "containers",
    "literals",
    "untyped",
    "typed_variadics",
    "tuples_and_sets",
    "special_strings",
    "mixed_defaults",
    "mix_color",
    "nested_optionals",
    "asynchronous",
    "no_parameters",
    "multi_line",
    "booleans_and_unions",
    "numbers",
    "strings",
    "tuple_typing",
    "google_docstring_sections",
    "constants_and_parentheses",
];

/// What Prefect's own generator derives for `flows` of `file`, run in `project`, and the
/// schema rules of its release (ot2ctl writes the server's release's schema; here the server
/// and the generator come from one venv).
fn prefect_reference(file: &Path, project: &Path, flows: &[&str]) -> (Value, SchemaRules) {
    let fixtures = repo_root().join("tests/fixtures");
    let python = server().prefect.with_file_name("python");
    let output = Command::new(python)
        .arg(fixtures.join("prefect_flow_info.py"))
        .arg(file)
        .args(flows)
        .current_dir(project)
        .output()
        .expect("the venv's python runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let reference: Value = serde_json::from_slice(&output.stdout).unwrap();
    let release = reference["prefect"].as_str().unwrap();
    let rules = SchemaRules::for_release(release)
        .unwrap_or_else(|| panic!("Prefect {release} is not a release ot2ctl knows"));
    (reference["flows"].clone(), rules)
}

#[test]
fn every_signature_gets_prefects_own_schema_name_and_description() {
    let fixtures = repo_root().join("tests/fixtures");
    let file = fixtures.join("signatures.py");
    let (reference, rules) = prefect_reference(&file, &fixtures, FLOWS);
    let source = std::fs::read_to_string(&file).unwrap();

    let mut mismatches = Vec::new();
    for function in FLOWS {
        let ours =
            read_flow(&source, function, rules).unwrap_or_else(|err| panic!("{function}: {err}"));
        let theirs = &reference[function];
        if ours.parameter_schema != theirs["schema"] {
            mismatches.push(format!(
                "{function} schema\n  ot2ctl:  {}\n  prefect: {}",
                ours.parameter_schema, theirs["schema"]
            ));
        }
        if theirs["name"] != ours.name.as_str() {
            mismatches.push(format!(
                "{function} name: {} vs {}",
                ours.name, theirs["name"]
            ));
        }
        if Value::from(ours.description.clone()) != theirs["description"] {
            mismatches.push(format!(
                "{function} description: {:?} vs {}",
                ours.description, theirs["description"]
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

/// Flows of `schema_project`, one per kind of type in issue 13: pydantic models (nested,
/// `Field(...)`, instance defaults, inheritance, `extra="forbid"`), models imported from
/// another module three ways, dataclasses and TypedDicts, module-level aliases, enums,
/// `Annotated[...]`, and types no one can describe.
const PROJECT_FLOWS: &[&str] = &[
    "models",
    "imported",
    "structures",
    "aliases",
    "enums",
    "annotated",
    "opaque",
    "recursive_and_special",
    "discriminated",
];

#[test]
fn classes_aliases_and_imports_get_prefects_own_schema_with_definitions() {
    let project = repo_root().join("tests/fixtures/schema_project");
    let file = project.join("flows.py");
    let (reference, rules) = prefect_reference(&file, &project, PROJECT_FLOWS);

    let mut mismatches = Vec::new();
    for function in PROJECT_FLOWS {
        let ours = read_flow_file(&file, &project, function, rules)
            .unwrap_or_else(|err| panic!("{function}: {err}"));
        let theirs = &reference[function]["schema"];
        if ours.parameter_schema != *theirs {
            mismatches.push(format!(
                "{function} schema\n  ot2ctl:  {}\n  prefect: {theirs}",
                ours.parameter_schema
            ));
        }
        let expected_warnings: &[&str] = match *function {
            "opaque" => {
                &["flows.py:154: parameter 'logger': type 'logging.Logger' is not one ot2ctl knows"]
            }
            _ => &[],
        };
        if ours.warnings.len() != expected_warnings.len()
            || !expected_warnings
                .iter()
                .zip(&ours.warnings)
                .all(|(expected, got)| got.starts_with(expected))
        {
            mismatches.push(format!(
                "{function} warnings: {:?}, expected {expected_warnings:?}",
                ours.warnings
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
