//! The deployment body `ot2ctl deploy` sends for every entry of the fixture projects and of
//! prefect.yaml.example, byte for byte as recorded in tests/fixtures/golden/: the typed
//! bodies must send what the hand-built JSON sent. Templated from fixed values (environment,
//! variables and blocks on the real test server); the project's directory is written as
//! `<project>`. `OT2CTL_UPDATE_GOLDEN=1` rewrites the file after a change that is meant.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use ot2ctl::deploy::prepare::{Fetched, Options, prepare};
use ot2ctl::deploy::project::ProjectFile;
use ot2ctl::deploy::python::SchemaRules;
use ot2ctl::output::Printer;
use support::scene::templated_project_objects;
use support::{api, block_on, copy_fixture, repo_root};

const GOLDEN: &str = "tests/fixtures/golden/deployment_bodies.json";

/// The environment the fixtures template from.
const ENV: &[(&str, &str)] = &[
    ("OT2CTL_TEST_POOL", "golden-pool"),
    ("OT2CTL_TEST_SUFFIX", "g"),
    ("OT2CTL_TEST_ROBOT", "robot-7"),
    ("OT2CTL_TEST_TAG", "from-env"),
    ("OT2CTL_TEST_BUILD", "3"),
    ("OT2CTL_TEST_WORKDIR", "/opt/lab/flows"),
];

/// `project/flow/deployment` → the body, as JSON text.
fn bodies() -> BTreeMap<String, String> {
    // SAFETY of set_var: this binary has this one test, so no other thread reads the
    // environment while it is set.
    for (name, value) in ENV {
        unsafe { std::env::set_var(name, value) };
    }
    let scratch = tempfile::tempdir().unwrap();
    let mut projects: Vec<(String, std::path::PathBuf, std::path::PathBuf)> = Vec::new();
    for fixture in ["seed_project", "templated_project", "wild_project"] {
        let dir = scratch.path().join(fixture);
        copy_fixture(fixture, &dir);
        projects.push((fixture.to_string(), dir.join("prefect.yaml"), dir));
    }
    let example = scratch.path().join("example");
    std::fs::create_dir_all(&example).unwrap();
    std::fs::copy(
        repo_root().join("prefect.yaml.example"),
        example.join("prefect.yaml"),
    )
    .unwrap();
    copy_tree(&repo_root().join("protocols"), &example.join("protocols"));
    projects.push((
        "prefect.yaml.example".into(),
        example.join("prefect.yaml"),
        example,
    ));

    block_on(async {
        let client = api();
        templated_project_objects(&client).await;
        let mut bodies = BTreeMap::new();
        for (name, file, dir) in &projects {
            let project = ProjectFile::load(dir, file).unwrap();
            let (printer, _) = Printer::capture();
            let options = Options {
                cwd: dir.clone(),
                allow_missing: false,
                printer,
                schema_rules: SchemaRules::NEWEST,
                env: ot2ctl::config::Env::process(),
            };
            let mut fetched = Fetched::default();
            for entry in project.deployments() {
                // prefect init's empty template entry is skipped by --all.
                if entry.field("name").is_none_or(|n| n.is_null()) {
                    continue;
                }
                let prepared = prepare(&client, &project, entry, &options, &mut fetched)
                    .await
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                let text = serde_json::to_string(&prepared.body)
                    .unwrap()
                    .replace(&dir.display().to_string(), "<project>");
                bodies.insert(format!("{name}/{}", prepared.label()), text);
            }
        }
        bodies
    })
}

fn copy_tree(from: &Path, into: &Path) {
    std::fs::create_dir_all(into).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = into.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn every_deployment_body_is_what_was_recorded() {
    let bodies = bodies();
    let path = repo_root().join(GOLDEN);
    if std::env::var_os("OT2CTL_UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let text = serde_json::to_string_pretty(&bodies).unwrap();
        std::fs::write(&path, text + "\n").unwrap();
        return;
    }
    let recorded: BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert!(recorded.len() >= 15, "{} bodies recorded", recorded.len());
    assert_eq!(
        bodies.keys().collect::<Vec<_>>(),
        recorded.keys().collect::<Vec<_>>()
    );
    let mut differ = Vec::new();
    for (label, body) in &bodies {
        if recorded[label] != *body {
            differ.push(format!(
                "{label}\n  recorded: {}\n  now:      {body}",
                recorded[label]
            ));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
