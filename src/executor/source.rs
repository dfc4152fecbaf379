//! Where a run's code is: the deployment's pull steps, run by the worker itself.
//! `set_working_directory` and `git_clone` are understood (git through the git CLI, with a
//! cached checkout per repository and branch), with `{{ step-id.directory }}` and
//! `{{ $VAR }}` in their inputs resolved as Prefect's engine resolves them; any other step is
//! refused with its name.
//!
//! A user and token written into a repository URL (`https://x-access-token:TOKEN@host/…`)
//! never reach git's command line (which `ps` shows) nor the checkout's `.git/config`
//! (which anyone may read): git is given the bare URL, and the credential through a helper
//! that reads it from git's own environment. Every git command is bounded in time, so that
//! a host that never answers cannot hold a worker's slot.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Map, Value};
use tokio::process::Command;

use crate::api::models::{GitCloneStep, SetWorkingDirectoryStep};

/// A checked-out or local directory holding the run's code.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeDir {
    pub dir: PathBuf,
    /// The repository it was cloned from, if any.
    pub repository: Option<String>,
    /// `repository@commit`, for the run's log.
    pub provenance: Option<String>,
}

const SET_WORKING_DIRECTORY: &[&str] = &[
    "prefect.deployments.steps.set_working_directory",
    "prefect.deployments.steps.pull.set_working_directory",
];
const GIT_CLONE: &[&str] = &[
    "prefect.deployments.steps.git_clone",
    "prefect.deployments.steps.pull.git_clone",
    "prefect.deployments.steps.git_clone_project",
];

/// Runs the pull steps; returns the directory the code is in, or why it cannot be had.
/// Each git command is stopped after `git_timeout`.
pub async fn materialise(
    steps: &[Value],
    checkouts: &Path,
    git_timeout: Duration,
) -> Result<CodeDir, String> {
    if steps.is_empty() {
        return Err(
            "the deployment has no pull steps, so the worker cannot tell where its code is \
             (deploy it with a set_working_directory or git_clone pull step)"
                .into(),
        );
    }
    let mut code: Option<CodeDir> = None;
    // What earlier steps gave, by step id (`{{ clone-step.directory }}`), as Prefect's engine
    // resolves pull-step outputs at run time.
    let mut outputs: HashMap<String, Map<String, Value>> = HashMap::new();
    for step in steps {
        let Some((name, inputs)) = step.as_object().and_then(|s| s.iter().next()) else {
            return Err(format!("pull step {step} is not a single-key mapping"));
        };
        let inputs = &resolved(inputs, &outputs)?;
        if SET_WORKING_DIRECTORY.contains(&name.as_str()) {
            let step: SetWorkingDirectoryStep = serde_json::from_value(inputs.clone())
                .map_err(|e| format!("set_working_directory's inputs: {e}"))?;
            let directory = step.directory.as_str();
            let base = code
                .as_ref()
                .map_or_else(|| PathBuf::from("/"), |c| c.dir.clone());
            code = Some(CodeDir {
                dir: base.join(directory),
                repository: code.as_ref().and_then(|c| c.repository.clone()),
                provenance: code.as_ref().and_then(|c| c.provenance.clone()),
            });
        } else if GIT_CLONE.contains(&name.as_str()) {
            let step: GitCloneStep = serde_json::from_value(inputs.clone())
                .map_err(|e| format!("git_clone's inputs: {e}"))?;
            let cloned = git_clone(&step, checkouts, git_timeout).await?;
            if let Some(id) = &step.id {
                let directory = Value::String(cloned.dir.display().to_string());
                outputs.insert(
                    id.clone(),
                    Map::from_iter([("directory".into(), directory)]),
                );
            }
            code = Some(cloned);
        } else {
            return Err(format!(
                "pull step '{name}' is a Python function the ot2ctl worker does not run; it runs \
                 set_working_directory and git_clone"
            ));
        }
    }
    code.ok_or_else(|| "the pull steps name no directory".into())
}

/// A step's inputs with `{{ step-id.field }}` replaced by what an earlier step gave and
/// `{{ $VAR }}` by the worker's environment, as Prefect's engine does before it runs a pull step.
fn resolved(
    inputs: &Value,
    outputs: &HashMap<String, Map<String, Value>>,
) -> Result<Value, String> {
    match inputs {
        Value::String(text) => resolve_text(text, outputs).map(Value::String),
        Value::Array(items) => items
            .iter()
            .map(|item| resolved(item, outputs))
            .collect::<Result<_, _>>()
            .map(Value::Array),
        Value::Object(map) => map
            .iter()
            .map(|(key, value)| Ok((key.clone(), resolved(value, outputs)?)))
            .collect::<Result<_, String>>()
            .map(Value::Object),
        other => Ok(other.clone()),
    }
}

fn resolve_text(
    text: &str,
    outputs: &HashMap<String, Map<String, Value>>,
) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(length) = rest[start..].find("}}") else {
            break;
        };
        out.push_str(&rest[..start]);
        let name = rest[start + 2..start + length].trim();
        let value = if let Some(variable) = name.strip_prefix('$') {
            std::env::var(variable).map_err(|_| {
                format!("a pull step needs the environment variable {variable}, which is not set")
            })?
        } else if let Some((id, field)) = name.split_once('.')
            && let Some(value) = outputs.get(id).and_then(|o| o.get(field))
        {
            value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_string)
        } else {
            return Err(format!(
                "a pull step refers to {{{{ {name} }}}}, which no earlier pull step of this \
                 worker gives (it resolves git_clone's directory and environment variables)"
            ));
        };
        out.push_str(&value);
        rest = &rest[start + length + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// A repository URL as it may be shown and stored: without the user and password written
/// into it, if any.
pub fn bare_repository(url: &str) -> String {
    Remote::of(url).url
}

/// A repository URL with any user and password taken out of it, and those apart.
struct Remote {
    /// The URL git is given, and the one stored and shown.
    url: String,
    /// `user[:password]` from the URL, for git's credential helper.
    credential: Option<String>,
}

impl Remote {
    fn of(repository: &str) -> Remote {
        match crate::api::redact::split_credentials(repository) {
            Some((credential, bare)) => Remote {
                url: bare,
                credential: Some(credential),
            },
            None => Remote {
                url: repository.to_string(),
                credential: None,
            },
        }
    }
}

async fn git_clone(
    step: &GitCloneStep,
    checkouts: &Path,
    timeout: Duration,
) -> Result<CodeDir, String> {
    let repository = step.repository.clone();
    if step.access_token.as_ref().is_some_and(|t| !t.is_null())
        || step.credentials.as_ref().is_some_and(|c| !c.is_null())
    {
        return Err("git_clone with credentials is not supported by the ot2ctl worker; use a repository it can read".into());
    }
    let remote = Remote::of(&repository);
    let git = Git {
        credential: remote.credential.as_deref(),
        timeout,
    };
    let branch = step.branch.clone();
    let name: String = format!(
        "{}-{}",
        remote
            .url
            .trim_end_matches(".git")
            .rsplit(['/', ':'])
            .next()
            .unwrap_or("repo"),
        branch.as_deref().unwrap_or("default")
    )
    .chars()
    .map(|c| {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            c
        } else {
            '_'
        }
    })
    .collect();
    let checkout = checkouts.join(name);
    std::fs::create_dir_all(checkouts)
        .map_err(|e| format!("cannot create {}: {e}", checkouts.display()))?;
    if checkout.join(".git").is_dir() {
        // A checkout made before credentials were kept out of it may still hold them.
        git.run(&checkout, &["remote", "set-url", "origin", &remote.url])
            .await?;
        let mut fetch = vec!["fetch", "--depth", "1", "origin"];
        if let Some(branch) = &branch {
            fetch.push(branch);
        }
        git.run(&checkout, &fetch).await?;
        git.run(&checkout, &["reset", "--hard", "FETCH_HEAD"])
            .await?;
    } else {
        let mut clone = vec!["clone", "--depth", "1"];
        if let Some(branch) = &branch {
            clone.extend(["--branch", branch.as_str()]);
        }
        let target = checkout.display().to_string();
        clone.extend([remote.url.as_str(), target.as_str()]);
        git.run(checkouts, &clone).await?;
    }
    if let Some(commit) = step.commit_sha.as_deref() {
        git.run(&checkout, &["fetch", "--depth", "1", "origin", commit])
            .await?;
        git.run(&checkout, &["checkout", "--detach", commit])
            .await?;
    }
    let commit = git.run(&checkout, &["rev-parse", "HEAD"]).await?;
    Ok(CodeDir {
        dir: checkout,
        provenance: Some(format!("{}@{}", remote.url, commit.trim())),
        repository: Some(remote.url),
    })
}

/// The environment variables git's credential helper reads the user and password from.
const GIT_USER_VAR: &str = "OT2CTL_GIT_USER";
const GIT_PASSWORD_VAR: &str = "OT2CTL_GIT_PASSWORD";

/// How git is run for one repository.
struct Git<'a> {
    /// `user[:password]` for the repository's host, if its URL carried one.
    credential: Option<&'a str>,
    timeout: Duration,
}

impl Git<'_> {
    async fn run(&self, dir: &Path, args: &[&str]) -> Result<String, String> {
        let mut command = Command::new("git");
        command
            .args(args)
            .current_dir(dir)
            .env("GIT_TERMINAL_PROMPT", "0")
            .kill_on_drop(true);
        if let Some(credential) = self.credential {
            let (user, password) = credential.split_once(':').unwrap_or((credential, ""));
            // Configuration through the environment (git 2.31+), so that neither the helper
            // nor the credential is on git's command line; the helper is a shell function
            // whose `echo`s are built in, so the values reach no argv either.
            command
                .env("GIT_CONFIG_COUNT", "2")
                .env("GIT_CONFIG_KEY_0", "credential.helper")
                .env("GIT_CONFIG_VALUE_0", "")
                .env("GIT_CONFIG_KEY_1", "credential.helper")
                .env(
                    "GIT_CONFIG_VALUE_1",
                    format!(
                        "!f() {{ test \"$1\" = get && echo \"username=${GIT_USER_VAR}\" && \
                         echo \"password=${GIT_PASSWORD_VAR}\"; }}; f"
                    ),
                )
                .env(GIT_USER_VAR, user)
                .env(GIT_PASSWORD_VAR, password);
        }
        let output = match tokio::time::timeout(self.timeout, command.output()).await {
            Ok(output) => output.map_err(|e| format!("cannot run git: {e}"))?,
            Err(_) => {
                return Err(format!(
                    "git {} did not finish within {} s (the git host did not answer?); it was \
                     stopped",
                    args.first().unwrap_or(&""),
                    self.timeout.as_secs()
                ));
            }
        };
        if !output.status.success() {
            return Err(format!(
                "git {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&output.stdout).to_string())
    }
}

/// Whether a file may be run: inside one of the allowed directories, or inside a checkout of
/// an allowed repository. Paths are compared after resolving `..` and symbolic links.
pub fn allowed(
    file: &Path,
    code: &CodeDir,
    directories: &[PathBuf],
    repositories: &[String],
) -> Result<PathBuf, String> {
    let resolved = file
        .canonicalize()
        .map_err(|e| format!("the protocol file {} cannot be read: {e}", file.display()))?;
    let in_directory = directories
        .iter()
        .filter_map(|d| d.canonicalize().ok())
        .any(|d| resolved.starts_with(&d));
    let from_allowed_repository = code.repository.as_ref().is_some_and(|repo| {
        repositories
            .iter()
            .any(|allowed| same_repository(allowed, repo))
            && code
                .dir
                .canonicalize()
                .is_ok_and(|d| resolved.starts_with(d))
    });
    if in_directory || from_allowed_repository {
        Ok(resolved)
    } else {
        Err(format!(
            "{} is outside the directories this worker may run protocols from ({}){}",
            resolved.display(),
            if directories.is_empty() {
                "none given: use --protocols-dir".to_string()
            } else {
                directories
                    .iter()
                    .map(|d| d.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            match &code.repository {
                Some(repo) => format!(" and its repository {repo} is not allowed (--allow-repo)"),
                None => String::new(),
            }
        ))
    }
}

/// The same repository, whatever credential either URL carries.
pub fn same_repository(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        Remote::of(s)
            .url
            .trim_end_matches('/')
            .trim_end_matches(".git")
            .to_ascii_lowercase()
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn set_working_directory_names_the_code_dir_and_other_steps_are_refused() {
        let steps =
            [json!({"prefect.deployments.steps.set_working_directory": {"directory": "/srv/lab"}})];
        let code = tokio_test(materialise(
            &steps,
            Path::new("/tmp"),
            Duration::from_secs(60),
        ))
        .unwrap();
        assert_eq!(code.dir, PathBuf::from("/srv/lab"));
        let refused = tokio_test(materialise(
            &[json!({"my.step": {}})],
            Path::new("/tmp"),
            Duration::from_secs(60),
        ))
        .unwrap_err();
        assert!(refused.contains("'my.step'"));
        assert!(tokio_test(materialise(&[], Path::new("/tmp"), Duration::from_secs(60))).is_err());
    }

    #[test]
    fn only_allowed_places_may_hold_protocols() {
        let dir = tempfile::tempdir().unwrap();
        let inside = dir.path().join("p.py");
        std::fs::write(&inside, "").unwrap();
        let code = CodeDir {
            dir: dir.path().to_path_buf(),
            repository: None,
            provenance: None,
        };
        assert!(allowed(&inside, &code, &[dir.path().to_path_buf()], &[]).is_ok());
        let other = tempfile::tempdir().unwrap();
        let err = allowed(&inside, &code, &[other.path().to_path_buf()], &[]).unwrap_err();
        assert!(err.contains("outside"), "{err}");
        let sneaky = other
            .path()
            .join("..")
            .join(dir.path().file_name().unwrap())
            .join("p.py");
        assert!(allowed(&sneaky, &code, &[other.path().to_path_buf()], &[]).is_err());
    }

    #[test]
    fn a_repository_is_the_same_with_or_without_a_credential() {
        assert!(same_repository(
            "https://x-access-token:T@github.com/lab/p.git",
            "https://github.com/lab/p"
        ));
        assert!(!same_repository(
            "https://github.com/lab/p",
            "https://github.com/lab/q"
        ));
    }

    fn tokio_test<F: std::future::Future>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(future)
    }
}
