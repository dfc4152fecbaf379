//! Build and push steps. Prefect's steps are Python functions; the one that is only a shell
//! command, `run_shell_script`, runs here natively. Any other step is refused by name.

use crate::config::Env;
use crate::output::Printer;
use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::{Map, Value, json};

use super::yaml::{Kind, Node, Pos};

/// The names under which Prefect knows `run_shell_script`.
const RUN_SHELL_SCRIPT: &[&str] = &[
    "prefect.deployments.steps.run_shell_script",
    "prefect.deployments.steps.utility.run_shell_script",
];

/// A step that could not run, and where it is in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct StepError {
    pub pos: Pos,
    pub message: String,
}

/// The steps of an action section (`build`, `push`): a list, or one mapping.
pub fn steps_of(section: Option<&Node>) -> Vec<&Node> {
    match section.map(|s| &s.kind) {
        Some(Kind::Seq(items)) => items.iter().collect(),
        Some(Kind::Map(entries)) if !entries.is_empty() => vec![section.expect("matched")],
        _ => Vec::new(),
    }
}

/// The function name of a step and its inputs.
pub fn step_parts(step: &Node) -> Option<(&str, Pos, &Node)> {
    match &step.kind {
        Kind::Map(entries) if entries.len() == 1 => {
            let (key, inputs) = &entries[0];
            Some((key.name.as_str(), key.pos, inputs))
        }
        _ => None,
    }
}

/// Refuses steps ot2ctl cannot run, before anything runs.
pub fn check_supported(step: &Node, section: &str) -> Result<(), StepError> {
    let Some((function, pos, _)) = step_parts(step) else {
        return Err(StepError {
            pos: step.pos,
            message: format!("a {section} step is a mapping with one key"),
        });
    };
    if RUN_SHELL_SCRIPT.contains(&function) {
        return Ok(());
    }
    Err(StepError {
        pos,
        message: format!(
            "{section} step '{function}' is a Python function, which ot2ctl does not run; only \
             prefect.deployments.steps.run_shell_script runs natively (deploy this file with \
             `prefect deploy`, or replace the step with a shell command)"
        ),
    })
}

/// The inputs of `run_shell_script`, as Prefect's step takes them; a value of another type
/// reads as not given (Prefect's own defaults then apply).
#[derive(Debug, Default, serde::Deserialize)]
struct ShellScriptInputs {
    #[serde(default)]
    script: Value,
    #[serde(default)]
    directory: Value,
    #[serde(default)]
    env: Value,
    #[serde(default)]
    expand_env_vars: Value,
    #[serde(default)]
    shell: Value,
    #[serde(default)]
    stream_output: Value,
}

/// Runs one `run_shell_script` step whose inputs are already templated; returns
/// `{"stdout", "stderr"}` as Prefect does (each stripped).
pub fn run_shell_script(
    inputs: &Value,
    pos: Pos,
    cwd: &Path,
    env: &Env,
    printer: &Printer,
) -> Result<Value, StepError> {
    let fail = |message: String| StepError { pos, message };
    let inputs: ShellScriptInputs = serde_json::from_value(inputs.clone()).unwrap_or_default();
    let script = inputs
        .script
        .as_str()
        .ok_or_else(|| fail("run_shell_script needs a 'script' string".into()))?;
    let directory = inputs
        .directory
        .as_str()
        .map_or_else(|| cwd.to_path_buf(), |d| cwd.join(d));
    let extra_env: HashMap<String, String> = inputs
        .env
        .as_object()
        .map(|env| {
            env.iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        v.as_str().map_or_else(|| v.to_string(), str::to_string),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let expand = inputs.expand_env_vars.as_bool().unwrap_or(false);
    let shell = inputs.shell.as_bool().unwrap_or(false);
    let stream = inputs.stream_output.as_bool().unwrap_or(true);

    let mut environment: HashMap<String, String> = env.vars().into_iter().collect();
    environment.extend(extra_env.clone());
    let (mut stdout, mut stderr) = (String::new(), String::new());
    for line in script.lines() {
        let command_line = if expand {
            expand_variables(line, &environment)
        } else {
            line.to_string()
        };
        let argv: Vec<String> = if shell {
            if command_line.trim().is_empty() {
                continue;
            }
            vec!["sh".into(), "-c".into(), command_line.trim().to_string()]
        } else {
            match shlex::split(&command_line) {
                Some(argv) if argv.is_empty() => continue,
                Some(argv) => argv,
                None => {
                    return Err(fail(format!(
                        "cannot split the command line `{command_line}` (unbalanced quotes)"
                    )));
                }
            }
        };
        let output = Command::new(&argv[0])
            .args(&argv[1..])
            .current_dir(&directory)
            .env_clear()
            .envs(&environment)
            .stdin(Stdio::null())
            .output()
            .map_err(|err| fail(format!("run_shell_script cannot run `{}`: {err}", argv[0])))?;
        let out = String::from_utf8_lossy(&output.stdout);
        let err = String::from_utf8_lossy(&output.stderr);
        if stream {
            // Step output goes to stderr: stdout is kept for ot2ctl's own results.
            printer.note(format!("{out}{err}").trim_end());
        }
        stdout.push_str(&out);
        stderr.push_str(&err);
        if !output.status.success() {
            return Err(fail(format!(
                "run_shell_script `{command_line}` failed ({}): {}",
                output.status,
                err.trim()
            )));
        }
    }
    Ok(json!({"stdout": stdout.trim(), "stderr": stderr.trim()}))
}

/// `string.Template(...).safe_substitute(env)`: `$NAME` and `${NAME}`; unknown names stay.
fn expand_variables(line: &str, environment: &HashMap<String, String>) -> String {
    let mut out = String::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '$' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'$') {
            out.push('$');
            i += 2;
            continue;
        }
        let braced = chars.get(i + 1) == Some(&'{');
        let start = i + 1 + usize::from(braced);
        let mut end = start;
        while end < chars.len() && (chars[end].is_ascii_alphanumeric() || chars[end] == '_') {
            end += 1;
        }
        let name: String = chars[start..end].iter().collect();
        let closed = !braced || chars.get(end) == Some(&'}');
        match environment.get(&name) {
            Some(value) if !name.is_empty() && closed => {
                out.push_str(value);
                i = end + usize::from(braced);
            }
            _ => {
                out.push('$');
                i += 1;
            }
        }
    }
    out
}

/// Adds a step's outputs the way Prefect does: under its `id`, and merged at the top level.
pub fn record_outputs(outputs: &mut Map<String, Value>, id: Option<&str>, result: &Value) {
    if let Some(id) = id {
        outputs.insert(id.to_string(), result.clone());
    }
    if let Value::Object(fields) = result {
        for (key, value) in fields {
            outputs.insert(key.clone(), value.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_each_line_and_keeps_stripped_output() {
        let cwd = std::env::temp_dir();
        let inputs = json!({"script": "echo hello\necho 'two words'", "stream_output": false});
        let printer = Printer::capture().0;
        let result =
            run_shell_script(&inputs, Pos::default(), &cwd, &Env::process(), &printer).unwrap();
        assert_eq!(result["stdout"], "hello\ntwo words");
        let inputs = json!({"script": "echo $GREETING", "env": {"GREETING": "hi"}, "expand_env_vars": true, "stream_output": false});
        assert_eq!(
            run_shell_script(&inputs, Pos::default(), &cwd, &Env::process(), &printer).unwrap()["stdout"],
            "hi"
        );
        let failing = json!({"script": "false", "stream_output": false});
        assert!(
            run_shell_script(&failing, Pos::default(), &cwd, &Env::process(), &printer).is_err()
        );
    }

    #[test]
    fn python_steps_are_refused_by_name() {
        let step: Node = super::super::yaml::parse(
            "prefect_docker.deployments.steps.build_docker_image:\n  image_name: x\n",
        )
        .unwrap();
        let err = check_supported(&step, "build").unwrap_err();
        assert!(
            err.message
                .contains("prefect_docker.deployments.steps.build_docker_image")
        );
        let ok: Node = super::super::yaml::parse(
            "prefect.deployments.steps.run_shell_script:\n  script: echo\n",
        )
        .unwrap();
        assert!(check_supported(&ok, "build").is_ok());
    }

    #[test]
    fn expands_like_string_template() {
        let env: HashMap<String, String> = [("A".to_string(), "1".to_string())].into();
        assert_eq!(expand_variables("$A ${A} $B $$ $", &env), "1 1 $B $ $");
    }
}
