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

/// The first error writing a command's results, kept until [`Printer::finish`] reports it:
/// output that never arrived must not look like success.
type Failure = Mutex<Option<std::io::Error>>;

/// A command's two output streams, cheap to clone and share between tasks.
#[derive(Clone)]
pub struct Printer {
    out: Arc<Stream>,
    err: Arc<Stream>,
    /// Whether these are the process's own stdout and stderr.
    stdio: bool,
    out_failure: Arc<Failure>,
    /// Whether a person watches stderr: spinners and questions only then.
    interactive: bool,
    /// `--no-prompt`: never ask, as when no one is at a terminal.
    prompts: bool,
    /// How wide tables may be: `None` lets them be as wide as their content (not a terminal).
    table_width: Option<u16>,
}

/// What a captured printer received.
#[derive(Clone, Default)]
pub struct Captured {
    out: Arc<Mutex<Vec<u8>>>,
    err: Arc<Mutex<Vec<u8>>>,
}

impl Captured {
    /// What a process wrote, to read as a captured printer is read.
    pub fn from_output(stdout: &[u8], stderr: &[u8]) -> Captured {
        let captured = Captured::default();
        captured
            .out
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(stdout);
        captured
            .err
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(stderr);
        captured
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.out.lock().unwrap_or_else(|p| p.into_inner())).to_string()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.err.lock().unwrap_or_else(|p| p.into_inner())).to_string()
    }
}

/// Narrower than this, a terminal's width is taken for a mistake (a pty that reports 0
/// columns, some CI runners): tables would collapse to a character per line.
const NARROWEST_TERMINAL: u16 = 20;
/// The width tables get when the terminal's is unusable.
const FALLBACK_WIDTH: u16 = 80;

/// The width of tables: `COLUMNS` when it is a positive number (the user's word), else the
/// terminal's when it is a usable one, [`FALLBACK_WIDTH`] when the terminal reports almost
/// none, and no limit when there is no terminal.
fn table_width(columns: Option<&str>, terminal: Option<u16>) -> Option<u16> {
    if let Some(columns) = columns
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|c| *c > 0)
    {
        return Some(columns.max(NARROWEST_TERMINAL));
    }
    match terminal {
        Some(width) if width < NARROWEST_TERMINAL => Some(FALLBACK_WIDTH),
        other => other,
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
    /// The process's stdout and stderr; `stdout_given`: whether the process was started with a
    /// standard output (the binary looks before Rust's runtime fills a closed one in).
    pub fn stdio(stdout_given: bool) -> Printer {
        // Rust's stdout takes writes to a closed descriptor for success; a result written
        // nowhere must fail instead.
        let out: Box<dyn Write + Send> = if stdout_given {
            Box::new(std::io::stdout())
        } else {
            Box::new(Closed)
        };
        Printer {
            stdio: true,
            out: Arc::new(Mutex::new(out)),
            err: Arc::new(Mutex::new(Box::new(std::io::stderr()))),
            out_failure: Arc::default(),
            interactive: std::io::stderr().is_terminal(),
            prompts: true,
            table_width: table_width(
                std::env::var("COLUMNS").ok().as_deref(),
                Table::new().width(),
            ),
        }
    }

    /// Whether results go to a terminal (a person reads them, so colour can help).
    pub fn out_is_terminal(&self) -> bool {
        self.stdio && std::io::stdout().is_terminal()
    }

    /// Whether output goes to the process's own stdout and stderr.
    pub fn is_stdio(&self) -> bool {
        self.stdio
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
            stdio: false,
            out: Arc::new(Mutex::new(Box::new(Buffer(captured.out.clone())))),
            err: Arc::new(Mutex::new(Box::new(Buffer(captured.err.clone())))),
            out_failure: Arc::default(),
            interactive: false,
            table_width: None,
            prompts: false,
        };
        (printer, captured)
    }

    /// A line of a command's result, on stdout.
    pub fn line(&self, text: impl Display) {
        self.result(|out| writeln!(out, "{}", redact(&text.to_string())));
    }

    /// Text as it is (a generated script), on stdout.
    pub fn text(&self, text: &str) {
        self.result(|out| out.write_all(redact(text).as_bytes()));
    }

    /// Writes part of the result on stdout, unless an earlier write failed (the rest would
    /// be lost as well); the first failure is kept for [`Printer::finish`].
    fn result(&self, write: impl FnOnce(&mut Box<dyn Write + Send>) -> std::io::Result<()>) {
        let mut failure = self.out_failure.lock().unwrap_or_else(|p| p.into_inner());
        if failure.is_some() {
            return;
        }
        let mut out = lock(&self.out);
        if let Err(err) = write(&mut out).and_then(|()| out.flush()) {
            *failure = Some(err);
        }
    }

    /// Whether the command's results all reached stdout: the first write error, if any.
    /// Call it once the command is done.
    pub fn finish(&self) -> Result<(), std::io::Error> {
        self.result(|out| out.flush());
        match self
            .out_failure
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
        {
            Some(err) => Err(err),
            None => Ok(()),
        }
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
        self.line(text);
        Ok(())
    }

    /// A table on stdout: columns flush left, two spaces apart, no trailing blanks.
    pub fn table(&self, mut table: Table) {
        for column in table.column_iter_mut() {
            column.set_padding((0, 2));
        }
        if let Some(width) = self.table_width {
            table.set_width(width);
        }
        self.result(|out| {
            for line in table.lines() {
                writeln!(out, "{}", redact(line.trim_end()))?;
            }
            Ok(())
        });
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

    /// A bar counting `len` steps on stderr, for work done item by item; invisible unless a
    /// person watches (or there is only one item).
    pub fn progress(&self, len: u64) -> ProgressBar {
        if !self.interactive || len < 2 {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new(len);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .expect("static progress template"),
        );
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

/// Standard output when the process was started without one (`ot2ctl ... >&-`).
struct Closed;

impl Write for Closed {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("standard output is closed"))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
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
    fn tables_take_columns_then_a_usable_terminal_width_then_80() {
        assert_eq!(table_width(Some("100"), Some(200)), Some(100));
        assert_eq!(table_width(Some(" 5 "), None), Some(NARROWEST_TERMINAL));
        assert_eq!(table_width(Some("0"), Some(0)), Some(FALLBACK_WIDTH));
        assert_eq!(table_width(Some("wide"), Some(132)), Some(132));
        assert_eq!(table_width(None, Some(0)), Some(FALLBACK_WIDTH));
        assert_eq!(table_width(None, None), None);
    }

    /// A stream that refuses every write, as /dev/full does.
    struct Full;

    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::from_raw_os_error(28))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failed_write_is_kept_for_finish() {
        let (mut printer, _) = Printer::capture();
        printer.out = Arc::new(Mutex::new(Box::new(Full)));
        printer.line("lost");
        printer.line("also lost");
        let err = printer.finish().unwrap_err();
        assert_eq!(err.raw_os_error(), Some(28));
        assert!(printer.finish().is_ok(), "reported once");
    }

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
