//! A YAML file as ot2ctl reads it (the lab file, prefect.yaml): its text, bounded and checked
//! to be UTF-8, and a parser's error as one `file:line:column: message` line in our words.

use std::path::Path;

use crate::bounded;

/// A YAML file's text, at most [`bounded::MAX_INPUT_BYTES`]. Text that is not UTF-8 is
/// reported where it stops being so (`file:line:column: ... (byte N)`), as YAML files must
/// be UTF-8; both that and a file too large come back as `InvalidData` with the whole
/// message.
/// `shown` is the path as the person gave it, which messages name; `path` is where it is.
pub fn read_text(path: &Path, shown: &Path) -> Result<String, std::io::Error> {
    let bytes = bounded::read_file(path).map_err(|err| match err {
        bounded::ReadError::Io(err) => err,
        too_large => std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{}: {too_large}", shown.display()),
        ),
    })?;
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let before = &err.as_bytes()[..offset];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "{}:{line}:{column}: not UTF-8 text (byte {offset}); save the file as UTF-8",
                shown.display()
            ),
        )
    })
}

/// One line for a YAML syntax or shape error, `file:line:column: message`.
pub fn error_line(origin: &str, err: &serde_saphyr::Error) -> String {
    let rendered = err.render_with_options(serde_saphyr::render_options! {
        snippets: serde_saphyr::SnippetMode::Off,
    });
    let message = in_our_words(bare_message(
        rendered.lines().next().unwrap_or("invalid YAML"),
    ));
    match err.location() {
        Some(location) if location.line() > 0 => format!(
            "{origin}:{}:{}: {message}",
            location.line(),
            location.column()
        ),
        _ => format!("{origin}: {message}"),
    }
}

/// The parser's limits, said as what they mean for the file (its own words name internals
/// and are cut off).
fn in_our_words(message: &str) -> &str {
    if message.contains("budget breached") {
        "the file expands into too many values through its anchors and aliases (more than \
         ot2ctl reads: an alias bomb, or aliases nested far too deep); write the values out"
    } else if message.contains("recursion limit") {
        "the file nests lists and mappings deeper than ot2ctl reads (256 levels)"
    } else {
        message
    }
}

/// serde-saphyr writes "error: line L column C: message at line L, column C"; the caller puts the position in
/// front in the compiler's `file:line:column` form instead.
fn bare_message(rendered: &str) -> &str {
    let message = rendered.trim().trim_start_matches("error: ");
    let message = match message.strip_prefix("line ") {
        Some(rest) => rest.split_once(": ").map_or(message, |(_, text)| text),
        None => message,
    };
    message
        .rfind(" at line ")
        .map_or(message, |index| &message[..index])
}
