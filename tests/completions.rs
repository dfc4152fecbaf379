//! The committed shell completions must match what the binary generates.

mod support;

use support::{Sandbox, ok, repo_root};

const FILES: &[(&str, &str)] = &[
    ("bash", "ot2ctl.bash"),
    ("zsh", "_ot2ctl"),
    ("fish", "ot2ctl.fish"),
    ("powershell", "_ot2ctl.ps1"),
    ("elvish", "ot2ctl.elv"),
];

#[test]
fn committed_completions_are_up_to_date() {
    let sandbox = Sandbox::new();
    let mut stale = Vec::new();
    for (shell, file) in FILES {
        let generated = ok(sandbox.bare().args(["completions", shell]));
        let path = repo_root().join("completions").join(file);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if generated != committed {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale completions: {stale:?}; regenerate them with scripts/update-completions.sh"
    );
}
