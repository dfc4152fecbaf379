//! Errors the user sees, and the exit codes scripts rely on.
//!
//! | code | meaning |
//! |------|---------|
//! | 0    | success |
//! | 1    | the operation failed (server error, resource missing, a run that failed) |
//! | 2    | usage error (bad arguments, bad input file, missing configuration) |

use crate::api::ApiError;

/// Exit code of a failed operation.
pub const EXIT_FAILURE: u8 = 1;
/// Exit code of a usage error: the command line, an input file or the configuration is wrong.
pub const EXIT_USAGE: u8 = 2;

/// An error caused by what the user typed or wrote, as opposed to a failure of the operation.
///
/// Commands return `anyhow::Result`; wrapping a message in `UsageError` is how they ask for
/// exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

impl UsageError {
    pub fn new(message: impl Into<String>) -> Self {
        UsageError(message.into())
    }
}

/// Shorthand for returning a usage error from a command.
pub fn usage<T>(message: impl Into<String>) -> anyhow::Result<T> {
    Err(UsageError::new(message).into())
}

/// The exit code for an error that reached `main`.
pub fn exit_code_for(err: &anyhow::Error) -> u8 {
    if err.chain().any(|cause| cause.is::<UsageError>()) {
        EXIT_USAGE
    } else {
        EXIT_FAILURE
    }
}

/// Several problems found at once (every bad `--param`, say): one line each.
pub fn usage_problems(problems: Vec<String>) -> anyhow::Error {
    UsageError::new(problems.join("\n")).into()
}

/// What to print for an error: the context chain joined with ": " on one line, without
/// duplicated causes. Only a list of usage problems spans several lines, one per problem.
pub fn render_error(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = if cause.is::<UsageError>() {
            cause.to_string()
        } else {
            cause.to_string().replace('\n', " ")
        };
        // reqwest and io errors repeat their source in their own message; keep the line short.
        if parts
            .last()
            .is_some_and(|previous| previous.contains(&text))
        {
            continue;
        }
        parts.push(text);
        // An ApiError already carries a complete sentence; its sources are transport details.
        if cause.is::<ApiError>() {
            break;
        }
    }
    parts.join(": ")
}
