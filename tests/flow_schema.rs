//! Signature → schema: ot2ctl reads flow files as text and must derive exactly what Prefect
//! derives by importing them. Prefect's own generator, from the test venv, is the reference.

mod support;

use std::process::Command;

use serde_json::Value;
use support::{repo_root, server};

const FLOWS: &[&str] = &[
    "plain_types",
    "optionals",
    "containers",
    "literals",
    "untyped",
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
];

#[test]
fn every_signature_gets_prefects_own_schema_name_and_description() {
    let fixtures = repo_root().join("tests/fixtures");
    let file = fixtures.join("signatures.py");
    let python = server().prefect.with_file_name("python");
    let output = Command::new(python)
        .arg(fixtures.join("prefect_flow_info.py"))
        .arg(&file)
        .args(FLOWS)
        .output()
        .expect("the venv's python runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let reference: Value = serde_json::from_slice(&output.stdout).unwrap();
    let source = std::fs::read_to_string(&file).unwrap();

    let mut mismatches = Vec::new();
    for function in FLOWS {
        let ours = ot2ctl::deploy::python::read_flow(&source, function)
            .unwrap_or_else(|err| panic!("{function}: {err}"));
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
