//! The README's "Use it with your own Prefect server", followed line by line against the
//! suite's server, from a machine with no settings: its URL and credentials put in place of
//! the example's, each command run as written and expected to succeed. `cargo install` is the
//! build this test already has, and `worker start --robot` needs an OT-2 (the robot tests run
//! that path against Opentrons' robot-server): both are read, not run.

mod support;

use support::{Sandbox, ok, repo_root, server};

/// The commands of the section's code block.
fn section_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let section = readme
        .split("## Use it with your own Prefect server")
        .nth(1)
        .expect("the README has the section");
    let section = section.split("\n## ").next().unwrap();
    let block = section
        .split("```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the section has a sh block");
    assert!(
        block.lines().count() + 2 <= 10,
        "the section is at most 10 lines, not a manual"
    );
    block
        .lines()
        .map(|line| line.split(" # ").next().unwrap().trim().to_string())
        .filter(|line| !line.is_empty())
        .collect()
}

#[test]
fn the_readmes_own_server_section_works_as_written() {
    let commands = section_commands();
    assert!(commands.len() >= 5, "{commands:?}");
    let server = server();
    let sandbox = Sandbox::new();
    let mut ran = 0;
    for command in &commands {
        if command.starts_with("cargo install") || command.contains("worker start") {
            continue;
        }
        let command = command
            .replace("https://prefect.example.org/api", &server.url)
            .replace("admin:secret", &server.auth);
        let words = shlex::split(&command).expect("shell words");
        assert_eq!(words[0], "ot2ctl", "{command}");
        let output = ok(sandbox.bare().current_dir(repo_root()).args(&words[1..]));
        if command.ends_with("work-pool ls") {
            assert!(output.contains("NAME"), "{output}");
        }
        ran += 1;
    }
    assert_eq!(ran, commands.len() - 2, "{commands:?}");
}
