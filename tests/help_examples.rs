//! Every example in `--help` is a command a newcomer can copy: it parses (the arguments clap
//! would accept), and on an 80-column terminal no line of it wraps, so no token is cut in two.
//! Read from the command tree itself, so a new command's examples are held to it too.

use clap::{CommandFactory, Parser};
use ot2ctl::cli::Cli;

/// Terminal width the examples must fit.
const COLUMNS: usize = 80;

/// `(command path, example)` for every example line of every command's help.
fn examples() -> Vec<(String, String, usize)> {
    fn walk(command: &clap::Command, path: &str, into: &mut Vec<(String, String, usize)>) {
        let help = [command.get_after_help(), command.get_after_long_help()]
            .into_iter()
            .flatten()
            .map(|text| text.to_string())
            .collect::<Vec<_>>()
            .join("\n");
        let mut pending: Option<(String, usize)> = None;
        for line in help.lines() {
            let width = line.chars().count();
            let text = line.trim();
            let continued = pending.take();
            let (start, widest) = match continued {
                Some((so_far, widest)) => (format!("{so_far} {text}"), widest.max(width)),
                None if text.starts_with("ot2ctl ") || text.starts_with("sudo ot2ctl ") => {
                    (text.to_string(), width)
                }
                None => continue,
            };
            match start.strip_suffix('\\') {
                Some(open) => pending = Some((open.trim_end().to_string(), widest)),
                None => into.push((path.to_string(), start, widest)),
            }
        }
        for sub in command.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), into);
        }
    }
    let mut found = Vec::new();
    walk(&Cli::command(), "ot2ctl", &mut found);
    found
}

#[test]
fn every_help_example_parses_and_fits_80_columns() {
    let found = examples();
    assert!(found.len() > 40, "only {} examples found", found.len());
    let mut problems = Vec::new();
    for (command, example, width) in &found {
        if *width > COLUMNS {
            problems.push(format!(
                "{command}: a line of `{example}` is {width} columns (wrap it with ` \\`)"
            ));
        }
        // A trailing comment is for the reader, and a redirection for the shell.
        let code = example.split(" # ").next().unwrap_or_default();
        let code = code.split(" > ").next().unwrap_or_default();
        let Some(words) = shlex::split(code) else {
            problems.push(format!(
                "{command}: `{example}` does not split as shell words"
            ));
            continue;
        };
        let words: Vec<String> = words.into_iter().skip_while(|w| w == "sudo").collect();
        if let Err(err) = Cli::try_parse_from(&words) {
            let first = err.to_string();
            problems.push(format!(
                "{command}: `{example}` does not parse: {}",
                first.lines().next().unwrap_or_default()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
