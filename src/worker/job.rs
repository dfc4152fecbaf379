//! The job configuration of a run, built the way Prefect's workers build it: the pool's base
//! job template, its variables' defaults, overlaid by the deployment's job variables and then
//! the run's (with `env` merged key by key), placed into the template's `{{ placeholders }}`.

use serde_json::{Map, Value};

use crate::api::models::{BaseJobTemplate, ProcessJobConfiguration};

/// What a process-type job needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JobConfig {
    /// A command line replacing `python -m prefect.engine`.
    pub command: Option<String>,
    /// Variables for the child; a null value removes the variable.
    pub env: Map<String, Value>,
    pub working_dir: Option<String>,
    pub stream_output: bool,
}

/// The merged job variables: template defaults < deployment < run.
pub fn variables(
    template: &Value,
    deployment: &Map<String, Value>,
    run: &Map<String, Value>,
) -> Map<String, Value> {
    let mut values: Map<String, Value> = BaseJobTemplate::of(template)
        .defaults()
        .into_iter()
        .collect();
    for layer in [deployment, run] {
        for (key, value) in expand_dotted(layer) {
            match (key.as_str(), values.get_mut(&key), &value) {
                ("env", Some(Value::Object(current)), Value::Object(extra)) => {
                    current.extend(extra.clone());
                }
                _ => {
                    values.insert(key, value);
                }
            }
        }
    }
    values
}

/// `{"env.FOO": "1"}` → `{"env": {"FOO": "1"}}`.
fn expand_dotted(layer: &Map<String, Value>) -> Map<String, Value> {
    let mut expanded = Map::new();
    for (key, value) in layer {
        match key.split_once('.') {
            Some((head, rest)) => {
                let entry = expanded
                    .entry(head.to_string())
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(map) = entry {
                    map.insert(rest.to_string(), value.clone());
                }
            }
            None => match (expanded.get_mut(key), value) {
                (Some(Value::Object(existing)), Value::Object(extra)) => {
                    existing.extend(extra.clone())
                }
                _ => {
                    expanded.insert(key.clone(), value.clone());
                }
            },
        }
    }
    expanded
}

/// Fills the template's `job_configuration` with the variables and reads the process fields.
pub fn resolve(template: &Value, variables: &Map<String, Value>) -> JobConfig {
    let configuration = match BaseJobTemplate::of(template).job_configuration {
        Some(fields) => fill(&Value::Object(fields), variables),
        // A pool without a template: the variables are the configuration.
        None => Value::Object(variables.clone()),
    };
    let fields: ProcessJobConfiguration = serde_json::from_value(configuration).unwrap_or_default();
    let text = |value: &Value| {
        value
            .as_str()
            .map(str::to_string)
            .filter(|t| !t.trim().is_empty())
    };
    JobConfig {
        command: text(&fields.command),
        env: fields.env.as_object().cloned().unwrap_or_default(),
        working_dir: text(&fields.working_dir),
        stream_output: fields.stream_output.as_bool().unwrap_or(true),
    }
}

fn fill(template: &Value, variables: &Map<String, Value>) -> Value {
    match template {
        Value::String(text) => {
            let trimmed = text.trim();
            if let Some(name) = trimmed
                .strip_prefix("{{")
                .and_then(|t| t.strip_suffix("}}"))
                .map(str::trim)
                .filter(|n| !n.contains("{{"))
            {
                return variables.get(name).cloned().unwrap_or(Value::Null);
            }
            let mut out = text.clone();
            for (name, value) in variables {
                let shown = match value {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                out = out
                    .replace(&format!("{{{{ {name} }}}}"), &shown)
                    .replace(&format!("{{{{{name}}}}}"), &shown);
            }
            Value::String(out)
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), fill(v, variables)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|v| fill(v, variables)).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::templates::default_base_job_template;
    use serde_json::json;

    #[test]
    fn layers_merge_like_prefect() {
        let template = default_base_job_template("process").unwrap();
        let deployment = json!({"env": {"A": "1", "B": "2"}, "working_dir": "/srv"})
            .as_object()
            .unwrap()
            .clone();
        let run = json!({"env": {"B": "3"}, "env.C": "4", "stream_output": false})
            .as_object()
            .unwrap()
            .clone();
        let config = resolve(&template, &variables(&template, &deployment, &run));
        assert_eq!(
            config.env,
            json!({"A": "1", "B": "3", "C": "4"})
                .as_object()
                .unwrap()
                .clone()
        );
        assert_eq!(config.working_dir.as_deref(), Some("/srv"));
        assert!(!config.stream_output);
        assert_eq!(config.command, None);
    }

    #[test]
    fn defaults_fill_what_nobody_set() {
        let template = default_base_job_template("process").unwrap();
        let config = resolve(&template, &variables(&template, &Map::new(), &Map::new()));
        assert!(config.stream_output);
        assert!(config.env.is_empty());
    }
}
