//! The environment a command runs in: the process's own, or one given whole (a test running
//! commands in-process, each with its own `HOME` and settings, in one process).

use std::collections::BTreeMap;
use std::sync::Arc;

/// Environment variables, read the same way wherever they come from.
#[derive(Debug, Clone, Default)]
pub struct Env {
    /// `None`: the process's environment, read when asked.
    fixed: Option<Arc<BTreeMap<String, String>>>,
}

impl Env {
    /// The process's environment.
    pub fn process() -> Env {
        Env { fixed: None }
    }

    /// Exactly these variables, and no others.
    pub fn fixed(vars: impl IntoIterator<Item = (String, String)>) -> Env {
        Env {
            fixed: Some(Arc::new(vars.into_iter().collect())),
        }
    }

    /// A variable's value, as it is (an empty value is a value).
    pub fn var(&self, name: &str) -> Option<String> {
        match &self.fixed {
            Some(vars) => vars.get(name).cloned(),
            None => std::env::var(name).ok(),
        }
    }

    /// A setting's value: an empty one counts as not set, as Prefect reads its settings.
    pub fn setting(&self, name: &str) -> Option<String> {
        self.var(name).filter(|value| !value.is_empty())
    }

    /// Every variable, for a child process's environment.
    pub fn vars(&self) -> Vec<(String, String)> {
        match &self.fixed {
            Some(vars) => vars.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            None => std::env::vars().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_environment_is_all_there_is() {
        let env = Env::fixed([
            ("A".to_string(), "1".to_string()),
            ("E".into(), String::new()),
        ]);
        assert_eq!(env.var("A").as_deref(), Some("1"));
        assert_eq!(env.var("E").as_deref(), Some(""));
        assert_eq!(env.setting("E"), None);
        assert_eq!(env.var("PATH"), None);
        assert_eq!(env.vars().len(), 2);
    }
}
