//! `ot2ctl deploy` against a real server, with `prefect deploy` from the test venv as the
//! reference: the same prefect.yaml deployed by both must give the same server records.

mod support;

use serde_json::{Value, json};
use support::scene::{save_block, templated_project_objects};
use support::{Sandbox, api, block_on, copy_fixture, fails, ok, ok_json, unique};

/// Fields a user sets in prefect.yaml; the server's records must agree on every one.
const USER_FIELDS: &[&str] = &[
    "name",
    "entrypoint",
    "parameters",
    "parameter_openapi_schema",
    "enforce_parameter_schema",
    "work_pool_name",
    "work_queue_name",
    "job_variables",
    "tags",
    "description",
    "version",
    "pull_steps",
    "paused",
    "concurrency_options",
];

/// Schedules without server bookkeeping, in a stable order.
fn schedules(record: &Value) -> Vec<String> {
    let mut out: Vec<String> = record["schedules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let mut s = s.clone();
            for key in ["id", "created", "updated", "deployment_id"] {
                s.as_object_mut().unwrap().remove(key);
            }
            // An interval without anchor_date is anchored at deploy time, by either CLI.
            let anchor = &mut s["schedule"]["anchor_date"];
            if let Some(at) = anchor
                .as_str()
                .and_then(|a| a.parse::<jiff::Timestamp>().ok())
                && jiff::Timestamp::now().duration_since(at).as_secs().abs() < 3600
            {
                *anchor = json!("(deploy time)");
            }
            s.to_string()
        })
        .collect();
    out.sort();
    out
}

/// The one intended difference (README, "Differences from prefect deploy"): a flow with
/// neither a description in prefect.yaml nor a docstring is described by the string "None" in
/// Prefect 3.8.8 (`str(None)`), and by nothing (null) in ot2ctl.
fn intended(field: &str, theirs: &Value, mine: &Value) -> bool {
    field == "description" && *theirs == json!("None") && mine.is_null()
}

fn assert_same_records(names: &[String], python: &[Value], ours: &[Value]) {
    let mut differences = Vec::new();
    for ((name, theirs), mine) in names.iter().zip(python).zip(ours) {
        for field in USER_FIELDS {
            if theirs[*field] != mine[*field] && !intended(field, &theirs[*field], &mine[*field]) {
                differences.push(format!(
                    "{name}.{field}\n  prefect: {}\n  ot2ctl:  {}",
                    theirs[*field], mine[*field]
                ));
            }
        }
        let limit = |r: &Value| r["global_concurrency_limit"]["limit"].clone();
        if limit(theirs) != limit(mine) {
            differences.push(format!(
                "{name}.concurrency_limit: {} vs {}",
                limit(theirs),
                limit(mine)
            ));
        }
        if schedules(theirs) != schedules(mine) {
            differences.push(format!(
                "{name}.schedules\n  prefect: {:?}\n  ot2ctl:  {:?}",
                schedules(theirs),
                schedules(mine)
            ));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

fn records(sandbox: &Sandbox, names: &[String]) -> Vec<Value> {
    names.iter().map(|name| inspect(sandbox, name)).collect()
}

/// `deployment inspect NAME -o json`.
fn inspect(sandbox: &Sandbox, name: &str) -> Value {
    ok_json(
        sandbox
            .ot2ctl()
            .args(["deployment", "inspect", name, "-o", "json"]),
    )
}

fn delete_all(sandbox: &Sandbox, names: &[String]) {
    for name in names {
        ok(sandbox
            .ot2ctl()
            .args(["deployment", "delete", name, "--yes"]));
    }
}

struct Project {
    sandbox: Sandbox,
    dir: std::path::PathBuf,
    env: Vec<(String, String)>,
}

impl Project {
    fn new(fixture: &str) -> Project {
        let sandbox = Sandbox::new();
        let dir = sandbox.path().join("project");
        copy_fixture(fixture, &dir);
        let pool = unique("deploy-pool");
        ok(sandbox.ot2ctl().args(["work-pool", "create", &pool]));
        Project {
            sandbox,
            dir,
            env: vec![("OT2CTL_TEST_POOL".into(), pool)],
        }
    }

    fn ot2ctl(&self) -> support::Ot2ctl {
        let mut cmd = self.sandbox.ot2ctl();
        cmd.current_dir(&self.dir).envs(self.env.clone());
        cmd
    }

    fn prefect(&self) -> assert_cmd::Command {
        let mut cmd = self.sandbox.prefect();
        cmd.current_dir(&self.dir).envs(self.env.clone());
        cmd
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.join(name)
    }
}

/// Deploys with prefect, records, deletes; deploys with ot2ctl, records; compares.
/// `undescribed` names the deployments whose flow has no description (see `intended`).
fn compare_with_prefect(project: &Project, names: &[String], undescribed: usize) {
    // The seed's names are fixed and other tests (the example project) deploy the same ones:
    // start from none, as `prefect deploy` does not reset every field of an existing one.
    for name in names {
        let _ = project
            .sandbox
            .ot2ctl()
            .args(["deployment", "delete", name, "--yes"])
            .output();
    }
    ok(project.prefect().args(["--no-prompt", "deploy", "--all"]));
    let python = records(&project.sandbox, names);
    // ot2ctl sees prefect's own records as already matching the file: the `undescribed` ones
    // too, whose "None" (Prefect's text for no description) counts as no description.
    let check = ok(project.ot2ctl().args(["deploy", "--all", "--dry-run"]));
    assert!(
        check.contains(&format!(
            "0 to create, 0 to update, {} unchanged",
            names.len()
        )),
        "{check}"
    );
    let stored_none = python
        .iter()
        .filter(|record| record["description"] == "None")
        .count();
    assert_eq!(stored_none, undescribed, "{python:?}");
    delete_all(&project.sandbox, names);

    let first = ok(project.ot2ctl().args(["deploy", "--all"]));
    assert!(
        first.contains(&format!("{} created", names.len())),
        "{first}"
    );
    let ours = records(&project.sandbox, names);
    assert_same_records(names, &python, &ours);

    // A second deploy reports every deployment unchanged and writes nothing.
    let second = ok(project.ot2ctl().args(["deploy", "--all"]));
    assert!(
        second.contains(&format!("0 created, 0 updated, {} unchanged", names.len())),
        "{second}"
    );
    let again = records(&project.sandbox, names);
    for (before, after) in ours.iter().zip(&again) {
        assert_eq!(
            before["updated"], after["updated"],
            "a write reached {}",
            before["name"]
        );
    }
}

#[test]
fn the_seed_deployments_match_what_prefect_deploy_stores() {
    let project = Project::new("seed_project");
    let names: Vec<String> = [
        "mix-color/mix-color",
        "move-sensor-to-measurement-position/move-sensor-to-measurement-position",
        "move-sensor-back/move-sensor-back",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    compare_with_prefect(&project, &names, 0);
}

#[test]
fn templating_anchors_and_every_schedule_kind_match_prefect() {
    let mut project = Project::new("templated_project");
    let suffix = unique("t");
    for (name, value) in [
        ("OT2CTL_TEST_SUFFIX", suffix.clone()),
        ("OT2CTL_TEST_ROBOT", "robot-7".into()),
        ("OT2CTL_TEST_TAG", "from-env".into()),
        ("OT2CTL_TEST_BUILD", "3".into()),
    ] {
        project.env.push((name.into(), value));
    }
    block_on(templated_project_objects(&api()));
    let names = vec![
        format!("templated-mix/mix-{suffix}"),
        format!("templated-check/check-{suffix}"),
        format!("templated-check/image-{suffix}"),
        format!("templated-check/blocks-{suffix}"),
    ];
    compare_with_prefect(&project, &names, 0);
    let mix = inspect(&project.sandbox, &names[0]);
    assert_eq!(mix["version"], "2.5.3");
    assert_eq!(mix["parameters"], json!({"R": 90, "speed": "fast"}));
    assert_eq!(mix["tags"], json!(["ot2", "from-variable", "from-env"]));
    assert_eq!(
        mix["description"],
        "Mix for robot robot-7 with {'R': 90, 'speed': 'fast'}"
    );
    assert_eq!(mix["job_variables"]["env"]["MODE"], "simulate");

    let image = inspect(&project.sandbox, &names[2]);
    assert_eq!(
        image["pull_steps"],
        json!([{"prefect.deployments.steps.set_working_directory": {"directory": "/opt/prefect"}}])
    );
    assert_eq!(image["job_variables"]["image"], "lab/flows:2.5.3");
    let plan = project
        .ot2ctl()
        .args(["deploy", "--all", "--dry-run"])
        .output()
        .unwrap();
    let warnings = String::from_utf8_lossy(&plan.stderr);
    assert!(
        warnings.contains("loaded from '/opt/prefect'"),
        "{warnings}"
    );

    // Blocks resolve where Prefect resolves them (deployment fields) and stay for run time in
    // pull steps.
    let blocks = inspect(&project.sandbox, &names[3]);
    assert_eq!(
        blocks["pull_steps"][0]["prefect.deployments.steps.git_clone"]["credentials"],
        "{{ prefect.blocks.github-credentials.ot2ctl-test-github }}"
    );
    assert_eq!(blocks["job_variables"]["env"]["TOKEN"], "s3cr3t-token");

    // A rotated secret: deploy shows that the field changes, never the old or the new value.
    block_on(save_block(
        &api(),
        "secret",
        "ot2ctl-test-token",
        json!({"value": "r0tated-token"}),
    ));
    let plan = ok(project.ot2ctl().args(["deploy", "--all", "--dry-run"]));
    assert!(
        plan.contains("job_variables: \"(hidden: holds a block's value)\""),
        "{plan}"
    );
    assert!(
        !plan.contains("s3cr3t") && !plan.contains("r0tated"),
        "{plan}"
    );
}

/// Patterns of public prefect.yaml files (tests/fixtures/README.md): Prefect 2-era keys and
/// nulls, keys Prefect ignores, git_clone step outputs in pull steps (file-level and
/// deployment-level), Prefect 2 step paths, a module-path entrypoint, a pydantic model imported
/// from another module, Prefect 2's singular schedule, slugged schedules, an empty pull, and
/// working directories from the environment and from Windows.
#[test]
fn patterns_of_public_prefect_files_match_prefect() {
    let mut project = Project::new("wild_project");
    let suffix = unique("w");
    project
        .env
        .push(("OT2CTL_TEST_SUFFIX".into(), suffix.clone()));
    project
        .env
        .push(("OT2CTL_TEST_WORKDIR".into(), "/opt/lab/flows".into()));
    let names: Vec<String> = [
        "ingest/ingest",
        "report/report",
        "nightly-summary/nightly",
        "report/envdir",
        "report/windows",
        "report/fallback",
    ]
    .iter()
    .map(|n| format!("{n}-{suffix}"))
    .collect();
    // report has no docstring: four deployments of it carry the intended difference.
    compare_with_prefect(&project, &names, 4);

    let ingest = inspect(&project.sandbox, &names[0]);
    assert_eq!(
        ingest["pull_steps"][2]["prefect.deployments.steps.set_working_directory"]["directory"],
        "{{ clone-step.directory }}/flows"
    );
    let fallback = inspect(&project.sandbox, &names[5]);
    assert_eq!(fallback["pull_steps"], ingest["pull_steps"]);
    assert_eq!(
        ingest["parameter_openapi_schema"]["definitions"]["Source"]["properties"]["robot"]["description"],
        "Robot name"
    );
    let warnings = String::from_utf8(
        project
            .ot2ctl()
            .args(["deploy", "--all", "--dry-run"])
            .output()
            .unwrap()
            .stderr,
    )
    .unwrap();
    for ignored in [
        "'version' at the top level",
        "'environment' in deployment",
        "'type' in the work_pool",
    ] {
        assert!(warnings.contains(ignored), "{ignored}: {warnings}");
    }
}

/// CI recipes call `prefect --no-prompt deploy --all`; they may also pass options that
/// override the file. The first works as is; each of the others is refused before anything
/// is contacted, with the prefect.yaml key to use instead.
#[test]
fn ci_script_flags_are_accepted_or_refused_with_what_to_do_instead() {
    let project = Project::new("seed_project");
    let plan = ok(project
        .ot2ctl()
        .args(["--no-prompt", "deploy", "--all", "--dry-run"]));
    assert!(plan.contains("Dry run:"), "{plan}");
    for (args, says) in [
        (
            &["flows.py:mix_color", "-n", "x"][..],
            "add an entry to prefect.yaml",
        ),
        (
            &["--all", "--pool", "p"][..],
            "set work_pool.name in the entry",
        ),
        (&["--all", "-q", "q"][..], "work_queue_name"),
        (&["--all", "--tag", "a"][..], "set tags"),
        (&["--all", "--version", "1.2"][..], "set version"),
        (&["--all", "--param", "R=1"][..], "set parameters"),
        (&["--all", "--params", "{}"][..], "set parameters"),
        (&["--all", "--job-variable", "a=b"][..], "job_variables"),
        (&["--all", "--cron", "0 * * * *"][..], "add schedules"),
        (&["--all", "--interval", "60"][..], "add schedules"),
        (
            &["--all", "--concurrency-limit", "2"][..],
            "concurrency_limit",
        ),
        (
            &["--all", "--enforce-parameter-schema"][..],
            "enforce_parameter_schema",
        ),
        (
            &["--all", "--trigger", "{}"][..],
            "under the deployment's `triggers:`",
        ),
    ] {
        let failure = fails(project.ot2ctl().arg("deploy").args(args), 2);
        failure.mentions(says);
        failure.mentions("ot2ctl deploy takes every setting from prefect.yaml");
    }
}

fn write(project: &Project, text: &str) {
    std::fs::write(project.path("prefect.yaml"), text).unwrap();
}

const GOOD_ENTRY: &str = "deployments:\n  - name: bad-{n}\n    entrypoint: flows.py:mix_color\n    work_pool:\n      name: \"{{ $OT2CTL_TEST_POOL }}\"\n";

fn bad_file(project: &Project, text: &str, line: usize, says: &str) {
    write(project, text);
    let failure = fails(project.ot2ctl().args(["deploy", "--all"]), 2);
    let expected = format!("error: prefect.yaml:{line}:");
    assert!(
        failure.stderr.starts_with(&expected),
        "expected {expected}…, got {}",
        failure.stderr
    );
    failure.mentions(says);
}

#[test]
fn bad_files_get_one_line_with_file_line_and_column_and_write_nothing() {
    let project = Project::new("seed_project");
    // A name of this run alone: an entry that wrongly reached the server stays visible.
    let x = unique("x");
    let bad_x = format!("bad-{x}");
    let entry = |extra: &str| format!("{}{extra}", GOOD_ENTRY.replace("{n}", &x));

    bad_file(&project, "deployments:\n  - name: [broken\n", 2, "");
    // A misspelt key Prefect ignores is an error only where a required key is then missing.
    bad_file(
        &project,
        &GOOD_ENTRY
            .replace("{n}", &x)
            .replace("entrypoint: flows", "entrypiont: flows"),
        3,
        "'entrypiont' is not a key, did you mean 'entrypoint'?",
    );
    bad_file(
        &project,
        &format!(
            "deployments:\n  - name: {bad_x}\n    entrypoint: flows.py:mix_color\n    work_pool:\n      name: no-such-pool-anywhere\n"
        ),
        5,
        "work pool 'no-such-pool-anywhere' does not exist",
    );
    bad_file(
        &project,
        &entry("    schedules:\n      - cron: \"61 * * * *\"\n"),
        7,
        "invalid cron string",
    );
    bad_file(
        &project,
        &entry("    schedules:\n      - cron: \"0 8 * * *\"\n        timezone: Mars/Olympus\n"),
        8,
        "invalid timezone \"Mars/Olympus\"",
    );
    bad_file(
        &project,
        &entry("    tags: [\"{{ $OT2CTL_SURELY_UNSET }}\"]\n"),
        6,
        "environment variable OT2CTL_SURELY_UNSET is not set",
    );
    bad_file(
        &project,
        &format!(
            "deployments:\n  - name: {bad_x}\n    entrypoint: missing/flows.py:mix_color\n    work_pool:\n      name: p\n"
        ),
        3,
        "entrypoint file 'missing/flows.py' cannot be read",
    );
    bad_file(
        &project,
        &format!(
            "deployments:\n  - name: {bad_x}\n    entrypoint: flows.py:no_such_flow\n    work_pool:\n      name: p\n"
        ),
        3,
        "no function named 'no_such_flow'",
    );
    // Nothing of the above reached the server.
    let listed = ok_json(project.ot2ctl().args(["deployment", "ls", "-o", "json"]));
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["name"] != bad_x.as_str()),
        "{listed}"
    );

    // Where the required key is there, the typo is a warning and the entry deploys.
    write(&project, &entry("    entrypiont: other.py:f\n"));
    let plan = project
        .ot2ctl()
        .args(["deploy", "--all", "--dry-run"])
        .output()
        .unwrap();
    let warnings = String::from_utf8_lossy(&plan.stderr);
    assert!(plan.status.success(), "{warnings}");
    assert!(
        warnings.contains(&format!(
            "warning: prefect.yaml:6:5: unknown key 'entrypiont' in deployment '{bad_x}' is \
             ignored, as Prefect ignores it (did you mean 'entrypoint'?)"
        )),
        "{warnings}"
    );

    // --allow-missing renders a missing variable empty, as prefect deploy does.
    write(
        &project,
        &entry("    tags: [ot2, \"{{ $OT2CTL_SURELY_UNSET }}\"]\n"),
    );
    let plan = ok(project
        .ot2ctl()
        .args(["deploy", "--all", "--dry-run", "--allow-missing"]));
    assert!(plan.contains("would be created"), "{plan}");
}

#[test]
fn python_build_steps_are_refused_by_name() {
    let project = Project::new("seed_project");
    write(
        &project,
        &format!(
            "build:\n  - prefect_docker.deployments.steps.build_docker_image:\n      image_name: x\n{}",
            GOOD_ENTRY.replace("{n}", "docker")
        ),
    );
    let failure = fails(project.ot2ctl().args(["deploy", "--all"]), 2);
    failure.mentions("prefect_docker.deployments.steps.build_docker_image");
    failure.mentions(":2:5:");
}

#[test]
fn selection_by_name_flow_and_glob() {
    let project = Project::new("seed_project");
    let plan = ok(project.ot2ctl().args([
        "deploy",
        "--name",
        "move-sensor-*",
        "--dry-run",
        "-o",
        "json",
    ]));
    let chosen: Value = serde_json::from_str(&plan).unwrap();
    let names: Vec<&str> = chosen["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["deployment"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "move-sensor-to-measurement-position/move-sensor-to-measurement-position",
            "move-sensor-back/move-sensor-back"
        ]
    );
    let plan = ok(project.ot2ctl().args([
        "deploy",
        "--name",
        "mix-color/mix-color",
        "--dry-run",
        "-o",
        "json",
    ]));
    assert_eq!(
        serde_json::from_str::<Value>(&plan).unwrap()["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let failure = fails(project.ot2ctl().args(["deploy"]), 2);
    failure.mentions("--all");
    let failure = fails(
        project
            .ot2ctl()
            .args(["deploy", "--name", "nothing-like-this"]),
        2,
    );
    failure.mentions("no deployment");
}

/// `--name` deploys its entry although another holds a trigger neither CLI can read, as
/// `prefect deploy --name` deploys it (issue 23, item 2): triggers are read for the entries
/// deployed; `--all` refuses the file with the trigger's line, before anything is written, as
/// Prefect refuses it. A field Prefect's schema refuses in any entry refuses the whole file in
/// both CLIs (Prefect validates every entry's fields before it selects).
#[test]
fn name_deploys_its_entry_whatever_an_entry_left_out_holds_as_prefect_does() {
    let project = Project::new("seed_project");
    let picked = unique("picked");
    let text = format!(
        "deployments:\n  - name: {picked}\n    entrypoint: flows.py:mix_color\n    work_pool:\n      name: \"{{{{ $OT2CTL_TEST_POOL }}}}\"\n  - name: {picked}-broken\n    entrypoint: flows.py:mix_color\n    work_pool:\n      name: \"{{{{ $OT2CTL_TEST_POOL }}}}\"\n    triggers:\n      - type: events\n        expect: [prefect.flow-run.Completed]\n"
    );
    write(&project, &text);
    let deployed = ok(project.ot2ctl().args(["deploy", "--name", &picked]));
    assert!(deployed.contains("1 created"), "{deployed}");
    ok(project.ot2ctl().args([
        "deployment",
        "delete",
        &format!("mix-color/{picked}"),
        "--yes",
    ]));
    ok(project
        .prefect()
        .args(["--no-prompt", "deploy", "--name", &picked]));
    let theirs = inspect(&project.sandbox, &format!("mix-color/{picked}"));
    assert_eq!(theirs["name"], picked.as_str());
    ok(project.ot2ctl().args([
        "deployment",
        "delete",
        &format!("mix-color/{picked}"),
        "--yes",
    ]));
    fails(project.ot2ctl().args(["deploy", "--all"]), 2)
        .mentions("prefect.yaml:11:15:")
        .mentions("unknown trigger type 'events'; did you mean 'event'?");
    let nothing = project
        .ot2ctl()
        .args(["deployment", "inspect", &format!("mix-color/{picked}")])
        .output()
        .unwrap();
    assert_eq!(nothing.status.code(), Some(1), "nothing was written");
    assert!(
        !project
            .prefect()
            .args(["--no-prompt", "deploy", "--all"])
            .output()
            .unwrap()
            .status
            .success(),
        "prefect deploy refuses the trigger too"
    );
    // A schedule key Prefect refuses, in the entry left out: both refuse the file.
    let refused = text.replace(
        "    triggers:",
        "    schedules:\n      - cron: '0 * * * *'\n        catchup: false\n    triggers:",
    );
    write(&project, &refused);
    fails(project.ot2ctl().args(["deploy", "--name", &picked]), 2).mentions("'catchup'");
    let theirs = project
        .prefect()
        .args(["--no-prompt", "deploy", "--name", &picked])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&theirs.stdout).contains("Invalid fields in deployments"),
        "{theirs:?}"
    );
}

/// The automations related to a deployment as `deployment inspect -o json` shows them,
/// without what differs between two deploys of the same file (ids, the deployment's id in the
/// action), ordered by name.
fn automations_of(sandbox: &Sandbox, name: &str) -> Vec<Value> {
    let mut automations: Vec<Value> = inspect(sandbox, name)["automations"]
        .as_array()
        .expect("inspect lists automations")
        .iter()
        .map(|automation| {
            let mut automation = automation.clone();
            automation.as_object_mut().unwrap().remove("id");
            for action in automation["actions"].as_array_mut().unwrap() {
                action["deployment_id"] = json!("(the deployment)");
            }
            automation
        })
        .collect();
    automations.sort_by_key(|a| a["name"].as_str().unwrap_or_default().to_string());
    automations
}

/// The `updated` time of every automation of these deployments, by id: what a write changes.
fn automation_writes(names: &[String]) -> std::collections::BTreeMap<String, String> {
    let api = api();
    block_on(async {
        let mut writes = std::collections::BTreeMap::new();
        for name in names {
            let (flow, deployment) = name.split_once('/').unwrap();
            let found = api
                .find_deployment_by_name(flow, deployment)
                .await
                .unwrap()
                .expect("deployed");
            let related: Vec<Value> = api
                .get(
                    &format!("/automations/related-to/prefect.deployment.{}", found.id),
                    &ot2ctl::api::Target::Endpoint("automations".into()),
                )
                .await
                .unwrap();
            for automation in related {
                writes.insert(
                    automation["id"].as_str().unwrap().to_string(),
                    automation["updated"].as_str().unwrap().to_string(),
                );
            }
        }
        writes
    })
}

fn delete_automations(ids: impl IntoIterator<Item = String>) {
    let api = api();
    block_on(async {
        for id in ids {
            api.delete_automation(id.parse().unwrap(), "a test's")
                .await
                .unwrap();
        }
    });
}

/// Issue 23, item 1: every trigger type Prefect's server runs (event with templated
/// parameters, job variables and a wait; proactive; compound; sequence; enabled from the
/// environment; a name of the file's) becomes the automation `prefect deploy` makes, field by
/// field; the three pydantic schema cases and a flow without a description match as well.
/// Re-deploys write only what changed: nothing when nothing did, one update for one changed
/// trigger, one delete (and the renumbering Prefect's names imply) for a removed one; an
/// automation someone made in the UI for the deployment is left alone.
#[test]
fn triggers_become_the_automations_prefect_makes_and_redeploys_write_only_what_changed() {
    let mut project = Project::new("trigger_project");
    let suffix = unique("t");
    project
        .env
        .push(("OT2CTL_TEST_SUFFIX".into(), suffix.clone()));
    project
        .env
        .push(("OT2CTL_TEST_TRIGGER_ENABLED".into(), "false".into()));
    let names: Vec<String> = [
        format!("mix-on-event/mix-on-event-{suffix}"),
        format!("measure-on-event/measure-{suffix}"),
        format!("nightly-report/nightly-{suffix}"),
    ]
    .to_vec();

    ok(project.prefect().args(["--no-prompt", "deploy", "--all"]));
    let python = records(&project.sandbox, &names);
    let python_automations: Vec<Vec<Value>> = names
        .iter()
        .map(|name| automations_of(&project.sandbox, name))
        .collect();
    assert_eq!(
        python_automations.iter().map(Vec::len).collect::<Vec<_>>(),
        [2, 3, 0],
        "{python_automations:?}"
    );
    let check = ok(project.ot2ctl().args(["deploy", "--all", "--dry-run"]));
    assert!(
        check.contains("Automations: 0 to create, 0 to update, 0 to delete, 5 unchanged.")
            && check.contains("0 to create, 0 to update, 3 unchanged"),
        "{check}"
    );
    let prefects = automation_writes(&names);
    delete_all(&project.sandbox, &names);
    // Deleting a deployment leaves its automations behind, in Prefect too.
    delete_automations(prefects.into_keys());

    let first = ok(project.ot2ctl().args(["deploy", "--all"]));
    assert!(
        first.contains("3 created") && first.contains("Automations: 5 created"),
        "{first}"
    );
    let ours = records(&project.sandbox, &names);
    assert_same_records(&names, &python, &ours);
    for (name, theirs) in names.iter().zip(&python_automations) {
        assert_eq!(
            &automations_of(&project.sandbox, name),
            theirs,
            "automations of {name}"
        );
    }
    let disabled = &python_automations[0][1];
    assert_eq!(disabled["enabled"], false, "{disabled}");
    assert_eq!(
        python_automations[0][0]["actions"][0]["parameters"]["note"],
        "from {{ event.resource.id }} at {{ event.occurred }}"
    );

    // Unchanged: nothing written.
    let before = automation_writes(&names);
    let second = ok(project.ot2ctl().args(["deploy", "--all"]));
    assert!(
        second.contains("0 created, 0 updated, 3 unchanged")
            && second.contains("Automations: 0 created, 0 updated, 0 deleted, 5 unchanged."),
        "{second}"
    );
    assert_eq!(
        automation_writes(&names),
        before,
        "a write reached an automation"
    );

    // Someone adds an automation for the deployment in the UI: deploys leave it alone.
    let measure = names[1].clone();
    let measure_id = inspect(&project.sandbox, &measure)["id"]
        .as_str()
        .unwrap()
        .to_string();
    let _made_in_the_ui: Value = block_on(async {
        api()
            .post(
                "/automations/",
                &json!({
                    "name": format!("made in the UI {suffix}"),
                    "trigger": {"type": "event", "expect": ["ot2.manual"], "posture": "Reactive", "threshold": 1, "within": 0},
                    "actions": [{"type": "run-deployment", "source": "selected", "deployment_id": measure_id}],
                }),
                &ot2ctl::api::Target::Endpoint("automation".into()),
            )
            .await
            .unwrap()
    });

    // One trigger changed: that automation alone is written, in place.
    let prefect_yaml = project.path("prefect.yaml");
    let text = std::fs::read_to_string(&prefect_yaml).unwrap();
    let changed = text.replacen("within: 3600", "within: 1800", 1);
    assert_ne!(changed, text);
    std::fs::write(&prefect_yaml, &changed).unwrap();
    let before = automation_writes(&names);
    let third = ok(project.ot2ctl().args(["deploy", "--all"]));
    assert!(
        third.contains("Automations: 0 created, 1 updated, 0 deleted, 5 unchanged.")
            && third.contains("trigger.within: 3600.0 -> 1800.0"),
        "{third}"
    );
    let after = automation_writes(&names);
    let written: Vec<&String> = after
        .iter()
        .filter(|(id, updated)| before.get(*id) != Some(updated))
        .map(|(id, _)| id)
        .collect();
    assert_eq!(written.len(), 1, "{before:?}\n{after:?}");
    assert_eq!(after.len(), before.len());

    // The compound trigger removed: its automation is deleted, the sequence after it takes
    // its number (as Prefect names it), the UI's automation stays.
    let removed = changed.replacen(
        "      - type: compound\n        require: all\n        within: 1800\n        triggers:\n          - type: event\n            expect: [ot2.sensor.ready]\n          - expect: [ot2.plate.mixed]\n            match: {prefect.resource.id: \"ot2.plate.*\"}\n        parameters:\n          recipe: {red: 1}\n",
        "",
        1,
    );
    assert_ne!(removed, changed);
    std::fs::write(&prefect_yaml, &removed).unwrap();
    let fourth = ok(project.ot2ctl().args(["deploy", "--name", "measure-*"]));
    assert!(
        fourth.contains("Automations: 0 created, 1 updated, 1 deleted, 2 unchanged."),
        "{fourth}"
    );
    let ours = automations_of(&project.sandbox, &measure);
    assert!(
        ours.iter()
            .any(|a| a["name"] == format!("made in the UI {suffix}")),
        "{ours:?}"
    );
    // What Prefect makes of the same file (it deletes the automations the deployment owns and
    // creates them again, and leaves the UI's alone): the same set.
    ok(project
        .prefect()
        .args(["--no-prompt", "deploy", "--name", "measure-*"]));
    assert_eq!(automations_of(&project.sandbox, &measure), ours);

    // A trigger removed after `prefect deploy` made the automations: ot2ctl deletes the one
    // Prefect made for it, and writes nothing else.
    let last = removed.replacen(
        "      - triggers:\n          - expect: [ot2.plate.loaded]\n          - expect: [ot2.plate.mixed]\n        within: \"01:00:00\"\n        parameters:\n          retries: 1\n",
        "",
        1,
    );
    assert_ne!(last, removed);
    std::fs::write(&prefect_yaml, &last).unwrap();
    let before = automation_writes(&names);
    let fifth = ok(project.ot2ctl().args(["deploy", "--name", "measure-*"]));
    assert!(
        fifth.contains("Automations: 0 created, 0 updated, 1 deleted, 2 unchanged."),
        "{fifth}"
    );
    let after = automation_writes(&names);
    assert_eq!(after.len(), before.len() - 1);
    assert!(
        after
            .iter()
            .all(|(id, updated)| before.get(id) == Some(updated))
    );
}

/// A self-hosted server refuses metric triggers (Prefect Cloud runs them): ot2ctl says so with
/// the trigger's line before writing anything; `prefect deploy` finds out from the server
/// after it has created the deployment (an intended difference, README).
#[test]
fn a_metric_trigger_is_refused_before_anything_is_written_on_a_self_hosted_server() {
    let project = Project::new("seed_project");
    let name = unique("metric");
    write(
        &project,
        &format!(
            "deployments:\n  - name: {name}\n    entrypoint: flows.py:move_sensor_back\n    work_pool:\n      name: \"{{{{ $OT2CTL_TEST_POOL }}}}\"\n    triggers:\n      - expect: [a]\n      - type: metric\n        metric: {{name: duration, threshold: 60, operator: '>'}}\n"
        ),
    );
    fails(project.ot2ctl().args(["deploy", "--all"]), 2)
        .mentions("prefect.yaml:8:9:")
        .mentions("only Prefect Cloud runs");
    let label = format!("move-sensor-back/{name}");
    let missing = project
        .ot2ctl()
        .args(["deployment", "inspect", &label])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1), "nothing was written");
    let theirs = project
        .prefect()
        .args(["--no-prompt", "deploy", "--all"])
        .output()
        .unwrap();
    assert!(!theirs.status.success());
    let half = automations_of(&project.sandbox, &label);
    assert_eq!(
        half.len(),
        1,
        "prefect deploy wrote the first trigger's: {half:?}"
    );
}

#[test]
fn a_deployment_the_server_refuses_fails_alone_and_exits_1() {
    let project = Project::new("seed_project");
    let good = unique("good");
    let refused = unique("refused");
    write(
        &project,
        &format!(
            "deployments:\n  - name: {good}\n    entrypoint: flows.py:move_sensor_back\n    work_pool:\n      name: \"{{{{ $OT2CTL_TEST_POOL }}}}\"\n  - name: {refused}\n    entrypoint: flows.py:move_sensor_back\n    work_pool:\n      name: \"{{{{ $OT2CTL_TEST_POOL }}}}\"\n      job_variables: {{stream_output: not-a-boolean}}\n"
        ),
    );
    let output = project.ot2ctl().args(["deploy", "--all"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(
        stdout.contains(&format!("move-sensor-back/{good}")) && stdout.contains("created"),
        "{stdout}"
    );
    assert!(
        stderr.contains(&format!(
            "1 of 2 deployments failed: move-sensor-back/{refused}"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("stream_output"), "{stderr}");
}

/// Issue 25: a deploy upserts each flow once however many deployments share it, and writes a
/// few deployments at once while its report keeps the file's order. Counted by a pass-through
/// proxy in front of the real server.
#[test]
fn each_flow_is_upserted_once_and_the_report_keeps_the_files_order() {
    let project = Project::new("seed_project");
    let suffix = unique("many");
    let mut text = String::from("deployments:\n");
    let names: Vec<String> = (0..8)
        .map(|i| {
            let flow = if i % 4 == 3 { "move_sensor_back" } else { "mix_color" };
            let name = format!("{suffix}-{i}");
            text.push_str(&format!(
                "  - name: {name}\n    entrypoint: flows.py:{flow}\n    work_pool:\n      name: \"{{{{ $OT2CTL_TEST_POOL }}}}\"\n"
            ));
            name
        })
        .collect();
    write(&project, &text);
    let proxy = support::mock::RecordingProxy::start(&support::server().url);
    let first = ok(project.ot2ctl().env("PREFECT_API_URL", &proxy.url).args([
        "deploy",
        "--all",
        "--concurrency",
        "2",
    ]));
    assert!(first.contains("8 created"), "{first}");
    assert_eq!(proxy.count("POST /api/flows/ "), 2, "one upsert per flow");
    let positions: Vec<usize> = names
        .iter()
        .map(|name| {
            first
                .find(&format!("/{name} "))
                .unwrap_or_else(|| panic!("{first}"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{first}");
    let before = proxy.count("");
    let again = ok(project
        .ot2ctl()
        .env("PREFECT_API_URL", &proxy.url)
        .args(["deploy", "--all"]));
    // Read in bulk, whatever the number of deployments: the server's release, the pool and
    // its queues, the flows, the deployments, the automations.
    let requests = proxy.count("") - before;
    assert!(
        requests <= 8,
        "{requests} requests for 8 unchanged deployments"
    );
    assert!(
        again.contains("0 created, 0 updated, 8 unchanged"),
        "{again}"
    );
    assert_eq!(
        proxy.count("POST /api/flows/ "),
        2,
        "none for unchanged ones"
    );
    assert_eq!(proxy.count("PATCH /api/deployments/"), 0);
}
