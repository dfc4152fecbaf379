//! Default base job templates, sent without asking the server's collection registry.

use serde_json::Value;

/// What `prefect work-pool create --type process` sends (Prefect 3.8.8's `ProcessWorker`
/// template), so pools made by either tool are interchangeable.
const PROCESS_TEMPLATE: &str = include_str!("templates/process.json");

/// The worker types of Prefect 3.8.8's bundled collection registry
/// (`prefect/server/api/collections_data/views/aggregate-worker-metadata.json`): the types a
/// self-hosted server knows a worker for.
pub const KNOWN_POOL_TYPES: &[&str] = &[
    "process",
    "docker",
    "kubernetes",
    "ecs",
    "cloud-run",
    "cloud-run-v2",
    "vertex-ai",
    "azure-container-instance",
];

/// Why a pool type is refused, if it is: the one rule of `work-pool create` and `lab setup`.
pub fn pool_type_problem(pool_type: &str) -> Option<String> {
    if KNOWN_POOL_TYPES.contains(&pool_type) {
        return None;
    }
    Some(format!(
        "unknown work pool type '{pool_type}'; the types are {}",
        KNOWN_POOL_TYPES.join(", ")
    ))
}

/// The default template for a pool type, if ot2ctl knows one.
pub fn default_base_job_template(pool_type: &str) -> Option<Value> {
    match pool_type {
        "process" => {
            Some(serde_json::from_str(PROCESS_TEMPLATE).expect("bundled template is JSON"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn process_template_declares_every_placeholder_it_uses() {
        let template = default_base_job_template("process").unwrap();
        let variables = template["variables"]["properties"].as_object().unwrap();
        for (key, value) in template["job_configuration"].as_object().unwrap() {
            let placeholder = value.as_str().unwrap();
            assert_eq!(placeholder, format!("{{{{ {key} }}}}"));
            assert!(variables.contains_key(key), "{key} is not declared");
        }
    }
}
