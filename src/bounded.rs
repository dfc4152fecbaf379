//! Bounded input: every number a person types and every file ot2ctl reads on a person's word
//! passes through here, so that none can overflow a timer, a timestamp, the server's integer
//! columns or memory. Each range is documented where it is declared (`cli/`, `config/`) and
//! said in the error when a value falls outside it.
//!
//! Numbers are read as decimals (`1e3` included, as Python reads them); NaN, infinities and
//! anything beyond the range are refused with one line naming the range, never clamped.

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

/// A minute, an hour, a day and a week, in seconds.
pub const MINUTE: f64 = 60.0;
pub const HOUR: f64 = 3600.0;
pub const DAY: f64 = 86_400.0;
pub const WEEK: f64 = 7.0 * DAY;

/// The largest whole number the Prefect server stores in its integer columns (PostgreSQL's
/// `integer`): priorities and concurrency limits beyond it are refused by the database.
pub const SERVER_INT_MAX: u64 = i32::MAX as u64;

/// The most ot2ctl reads of one input file (prefect.yaml, lab.yaml, JSON, Python source,
/// standard input): far beyond any real one, small enough that `/dev/zero` stops at once.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// A number of seconds within the range it was read for: finite, not negative, at most a
/// [`WEEK`]-sized bound, so it always makes a [`Duration`] and never overflows an `Instant`.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Seconds(f64);

impl Seconds {
    /// A constant known to be in range (defaults).
    pub const fn from_const(seconds: f64) -> Seconds {
        Seconds(seconds)
    }

    pub fn as_f64(self) -> f64 {
        self.0
    }

    pub fn duration(self) -> Duration {
        Duration::from_secs_f64(self.0)
    }
}

impl fmt::Display for Seconds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// `text` as seconds between `min` and `max` (inclusive).
pub fn seconds(text: &str, min: f64, max: f64) -> Result<Seconds, String> {
    debug_assert!(min >= 0.0 && max <= WEEK * 5.0);
    let value = decimal(text, "seconds")?;
    if !(min..=max).contains(&value) {
        return Err(format!(
            "must be between {} and {} s{}, not {}",
            plain(min),
            plain(max),
            spoken(max),
            text.trim()
        ));
    }
    Ok(Seconds(value))
}

/// `text` as a whole number between `min` and `max` (inclusive). A decimal point or an
/// exponent is refused rather than rounded.
pub fn whole(text: &str, min: u64, max: u64) -> Result<u64, String> {
    let trimmed = text.trim();
    let out_of_range = || {
        format!(
            "must be a whole number between {min} and {max}, not {}",
            trimmed
        )
    };
    if trimmed.starts_with('-') && trimmed[1..].chars().all(|c| c.is_ascii_digit()) {
        return Err(out_of_range());
    }
    let value: u64 = match trimmed.parse() {
        Ok(value) => value,
        Err(err) if *err.kind() == std::num::IntErrorKind::PosOverflow => {
            return Err(out_of_range());
        }
        Err(_) => {
            return Err(format!(
                "'{trimmed}' is not a whole number (between {min} and {max})"
            ));
        }
    };
    if !(min..=max).contains(&value) {
        return Err(out_of_range());
    }
    Ok(value)
}

/// `text` as a volume in µL between `min` and `max` (inclusive).
pub fn microlitres(text: &str, min: f64, max: f64) -> Result<f64, String> {
    let value = decimal(text, "µL")?;
    if !(min..=max).contains(&value) {
        return Err(format!(
            "must be between {} and {} µL, not {}",
            plain(min),
            plain(max),
            text.trim()
        ));
    }
    Ok(value)
}

/// A finite decimal number.
fn decimal(text: &str, what: &str) -> Result<f64, String> {
    let trimmed = text.trim();
    match trimmed.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(value),
        Ok(_) => Err(format!("must be a finite number of {what}, not {trimmed}")),
        Err(_) => Err(format!("'{trimmed}' is not a number of {what}")),
    }
}

/// A bound as a person writes it: `86400`, `0.1`.
fn plain(value: f64) -> String {
    format!("{value}")
}

/// " (a day)" for the bounds people think in.
fn spoken(max: f64) -> &'static str {
    match max {
        m if m == MINUTE => " (a minute)",
        m if m == HOUR => " (an hour)",
        m if m == DAY => " (a day)",
        m if m == WEEK => " (a week)",
        _ => "",
    }
}

/// Why an input could not be read whole.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// More than [`MAX_INPUT_BYTES`]: an endless device, or a file nobody meant.
    TooLarge,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(err) if err.kind() == std::io::ErrorKind::NotFound => {
                write!(f, "no such file")
            }
            ReadError::Io(err) => write!(f, "{err}"),
            ReadError::TooLarge => write!(
                f,
                "it is larger than the {} MiB ot2ctl reads of one input",
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        }
    }
}

impl std::error::Error for ReadError {}

impl ReadError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(err) if err.kind() == std::io::ErrorKind::NotFound)
    }
}

/// A file's bytes, at most [`MAX_INPUT_BYTES`] of them.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "it is a directory",
        )));
    }
    read_all(file)
}

/// Everything a reader gives, at most [`MAX_INPUT_BYTES`].
pub fn read_all(reader: impl Read) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

/// A file's text (UTF-8), at most [`MAX_INPUT_BYTES`].
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let bytes = read_file(path)?;
    String::from_utf8(bytes).map_err(|err| {
        ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "not UTF-8 text (byte {}); save it as UTF-8",
                err.utf8_error().valid_up_to()
            ),
        ))
    })
}

/// Standard input's text, at most [`MAX_INPUT_BYTES`].
pub fn read_stdin() -> Result<String, ReadError> {
    let bytes = read_all(std::io::stdin().lock())?;
    String::from_utf8(bytes).map_err(|_| {
        ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "standard input is not UTF-8 text",
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_finite_and_within_their_range() {
        assert_eq!(seconds("0.5", 0.1, DAY).unwrap().as_f64(), 0.5);
        assert_eq!(
            seconds(" 86400 ", 0.1, DAY).unwrap().duration().as_secs(),
            86_400
        );
        for bad in ["1e308", "inf", "-inf", "NaN", "-1", "0", "86400.5", "1e20"] {
            assert!(seconds(bad, 0.1, DAY).is_err(), "{bad}");
        }
        assert_eq!(
            seconds("1e308", 0.1, DAY).unwrap_err(),
            "must be between 0.1 and 86400 s (a day), not 1e308"
        );
        assert_eq!(
            seconds("ten", 0.0, DAY).unwrap_err(),
            "'ten' is not a number of seconds"
        );
        assert_eq!(
            seconds("NaN", 0.0, DAY).unwrap_err(),
            "must be a finite number of seconds, not NaN"
        );
        assert!(seconds("-0", 0.0, DAY).is_ok());
    }

    #[test]
    fn whole_numbers_are_never_rounded_or_wrapped() {
        assert_eq!(whole("5", 0, 10).unwrap(), 5);
        assert_eq!(
            whole("18446744073709551616", 0, 10).unwrap_err(),
            "must be a whole number between 0 and 10, not 18446744073709551616"
        );
        assert_eq!(
            whole("-1", 0, 10).unwrap_err(),
            "must be a whole number between 0 and 10, not -1"
        );
        assert_eq!(
            whole("2.5", 0, 10).unwrap_err(),
            "'2.5' is not a whole number (between 0 and 10)"
        );
        assert!(whole("11", 0, 10).is_err());
    }

    #[test]
    fn reads_stop_at_the_limit() {
        let endless = std::io::repeat(b'a');
        assert!(matches!(read_all(endless), Err(ReadError::TooLarge)));
        assert_eq!(read_all(&b"abc"[..]).unwrap(), b"abc");
        #[cfg(unix)]
        assert!(matches!(
            read_file(Path::new("/dev/zero")),
            Err(ReadError::TooLarge)
        ));
    }
}
