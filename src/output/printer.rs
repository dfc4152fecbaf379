//! Where output goes. Commands and the worker are handed a [`Printer`] and never print
//! themselves: results on its stdout, notes, warnings and progress on its stderr. The binary
//! uses the process's own streams ([`Printer::stdio`]); tests capture both
//! ([`Printer::capture`]) and run commands in-process.

use std::fmt::Display;
use std::io::{IsTerminal, Write};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, Result};
use comfy_table::Table;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::api::redact::redact;

type Stream = Mutex<Box<dyn Write + Send>>;

/// A command's two output streams, cheap to clone and share between tasks.
#[derive(Clone)]
pub struct Printer {
    out: Arc<Stream>,
    err: Arc<Stream>,
    /// Whether a person watches stderr: spinners and questions only then.
    interactive: bool,
    /// `--no-prompt`: never ask, as when no one is at a terminal.
    prompts: bool,
}

/// What a captured printer received.
#[derive(Clone, Default)]
pub struct Captured {
    out: Arc<Mutex<Vec<u8>>>,
    err: Arc<Mutex<Vec<u8>>>,
}

impl Captured {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.out.lock().unwrap_or_else(|p| p.into_inner())).to_string()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.err.lock().unwrap_or_else(|p| p.into_inner())).to_string()
    }
}

/// A writer into a shared buffer.
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl std::fmt::Debug for Printer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Printer")
            .field("interactive", &self.interactive)
            .finish_non_exhaustive()
    }
}

impl Printer {
    /// The process's stdout and stderr.
    pub fn stdio() -> Printer {
        Printer {
            out: Arc::new(Mutex::new(Box::new(std::io::stdout()))),
            err: Arc::new(Mutex::new(Box::new(std::io::stderr()))),
            interactive: std::io::stderr().is_terminal(),
            prompts: true,
        }
    }

    /// The same streams, never asking a question (`--no-prompt`).
    pub fn without_prompts(mut self) -> Printer {
        self.prompts = false;
        self
    }

    /// A printer whose output is kept for the caller to read.
    pub fn capture() -> (Printer, Captured) {
        let captured = Captured::default();
        let printer = Printer {
            out: Arc::new(Mutex::new(Box::new(Buffer(captured.out.clone())))),
            err: Arc::new(Mutex::new(Box::new(Buffer(captured.err.clone())))),
            interactive: false,
            prompts: false,
        };
        (printer, captured)
    }

    /// A line of a command's result, on stdout.
    pub fn line(&self, text: impl Display) {
        write_line(&self.out, text);
    }

    /// Text as it is (a generated script), on stdout.
    pub fn text(&self, text: &str) {
        let mut out = lock(&self.out);
        let _ = out.write_all(redact(text).as_bytes());
        let _ = out.flush();
    }

    /// A line about what is happening, on stderr.
    pub fn note(&self, text: impl Display) {
        write_line(&self.err, text);
    }

    /// `warning: ...` on stderr.
    pub fn warn(&self, text: impl Display) {
        write_line(&self.err, format_args!("warning: {text}"));
    }

    /// Pretty JSON on stdout.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        let text = serde_json::to_string_pretty(value).context("cannot write JSON")?;
        write_line(&self.out, text);
        Ok(())
    }

    /// A table on stdout: columns flush left, two spaces apart, no trailing blanks.
    pub fn table(&self, mut table: Table) {
        for column in table.column_iter_mut() {
            column.set_padding((0, 2));
        }
        let mut out = lock(&self.out);
        for line in table.lines() {
            let _ = writeln!(out, "{}", redact(line.trim_end()));
        }
        let _ = out.flush();
    }

    /// A spinner on stderr while something is waited for; invisible unless a person watches.
    pub fn spinner(&self, message: impl Into<String>) -> ProgressBar {
        if !self.interactive {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg}").expect("static spinner template"),
        );
        bar.set_message(message.into());
        bar.enable_steady_tick(Duration::from_millis(100));
        bar
    }

    /// Asks a yes/no question when a person is at a terminal; otherwise the answer is "yes"
    /// only if `assume_yes` (or stdin is not a terminal, as for scripts).
    pub fn confirm(&self, question: &str, assume_yes: bool) -> Result<bool> {
        if assume_yes || !self.prompts || !std::io::stdin().is_terminal() {
            return Ok(true);
        }
        {
            let mut err = lock(&self.err);
            let _ = write!(err, "{question} [y/N] ");
            let _ = err.flush();
        }
        let mut answer = String::new();
        std::io::stdin()
            .read_line(&mut answer)
            .context("cannot read the answer")?;
        Ok(matches!(
            answer.trim().to_ascii_lowercase().as_str(),
            "y" | "yes"
        ))
    }
}

fn lock(stream: &Stream) -> std::sync::MutexGuard<'_, Box<dyn Write + Send>> {
    stream.lock().unwrap_or_else(|p| p.into_inner())
}

/// One whole line at a time, so that lines of tasks sharing a printer never interleave.
/// Credentials written into URLs are masked in everything printed.
fn write_line(stream: &Stream, text: impl Display) {
    let text = text.to_string();
    let mut stream = lock(stream);
    let _ = writeln!(stream, "{}", redact(&text));
    let _ = stream.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_captured_printer_keeps_both_streams_apart() {
        let (printer, captured) = Printer::capture();
        printer.line("result");
        printer.warn("careful");
        printer.json(&serde_json::json!({"a": 1})).unwrap();
        assert_eq!(captured.stdout(), "result\n{\n  \"a\": 1\n}\n");
        assert_eq!(captured.stderr(), "warning: careful\n");
        assert!(printer.spinner("waiting").is_hidden());
    }
}
