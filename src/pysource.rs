//! Just enough of Python to read flow and protocol files as text: a tokenizer, literals, and
//! bracket-aware splitting. Used where ot2ctl must learn what Python would learn by importing a
//! file, without running it.

use serde_json::{Map, Value, json};

/// Why a source file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct SourceError(pub String);

/// A token of Python source.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Name(String),
    Number(String),
    /// A string literal's value; `bytes` is true for b"" literals.
    Str {
        value: String,
        bytes: bool,
    },
    Op(String),
    /// The end of a logical line.
    Newline,
}

/// Where a token starts: 1-based line, 0-based column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub line: usize,
    pub column: usize,
}

/// A file's tokens with where each starts (`spans[i]` is where `tokens[i]` starts).
#[derive(Debug, Clone, Default)]
pub struct Spanned {
    pub tokens: Vec<Tok>,
    pub spans: Vec<Span>,
}

/// One logical line: the token range `start..end` (its `Newline` excluded), the physical line
/// it starts on and its indentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogicalLine {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub indent: usize,
}

impl Spanned {
    /// The logical lines, in file order; blank and comment-only lines have none.
    pub fn lines(&self) -> Vec<LogicalLine> {
        let mut lines = Vec::new();
        let mut start = 0;
        for (index, token) in self.tokens.iter().enumerate() {
            if *token == Tok::Newline {
                if index > start {
                    lines.push(LogicalLine {
                        start,
                        end: index,
                        line: self.spans[start].line,
                        indent: self.spans[start].column,
                    });
                }
                start = index + 1;
            }
        }
        lines
    }
}

/// The tokens of a file; newlines inside brackets are not line ends.
pub fn tokenize(source: &str) -> Result<Vec<Tok>, SourceError> {
    tokenize_spanned(source).map(|spanned| spanned.tokens)
}

/// The tokens of a file and where each starts.
pub fn tokenize_spanned(source: &str) -> Result<Spanned, SourceError> {
    let chars: Vec<char> = source.chars().collect();
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(
            chars
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == '\n')
                .map(|(i, _)| i + 1),
        )
        .collect();
    let span_at = |index: usize| {
        let line = line_starts.partition_point(|start| *start <= index);
        Span {
            line,
            column: index - line_starts[line - 1],
        }
    };
    let mut tokens = Vec::new();
    let mut spans = Vec::new();
    // The brackets open here and where each was opened: Python refuses a file whose
    // brackets do not pair, and so must a reader that stands in for importing it.
    let mut open: Vec<(char, Span)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !c.is_whitespace() || (c == '\n' && open.is_empty()) {
            // Every token starts here; a span pushed for a character that makes none (a
            // comment, a continuation) is dropped below.
            spans.truncate(tokens.len());
            spans.push(span_at(i));
        }
        match c {
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '\\' if chars.get(i + 1) == Some(&'\n') => i += 2,
            '\n' => {
                if open.is_empty() && tokens.last().is_some_and(|t| *t != Tok::Newline) {
                    tokens.push(Tok::Newline);
                }
                i += 1;
            }
            c if c.is_whitespace() => i += 1,
            c if c.is_alphabetic() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let prefix = word.to_ascii_lowercase();
                let is_prefix = matches!(
                    prefix.as_str(),
                    "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf"
                );
                if is_prefix && matches!(chars.get(i), Some('"') | Some('\'')) {
                    let (value, next) = string_literal(&chars, i, prefix.contains('r'))?;
                    tokens.push(Tok::Str {
                        value,
                        bytes: prefix.contains('b'),
                    });
                    i = next;
                } else {
                    tokens.push(Tok::Name(word));
                }
            }
            c if c.is_ascii_digit()
                || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) =>
            {
                let start = i;
                while i < chars.len()
                    && (chars[i].is_ascii_alphanumeric()
                        || chars[i] == '.'
                        || chars[i] == '_'
                        || ((chars[i] == '+' || chars[i] == '-')
                            && matches!(chars[i - 1], 'e' | 'E')))
                {
                    i += 1;
                }
                tokens.push(Tok::Number(chars[start..i].iter().collect()));
            }
            '"' | '\'' => {
                let (value, next) = string_literal(&chars, i, false)?;
                tokens.push(Tok::Str {
                    value,
                    bytes: false,
                });
                i = next;
            }
            _ => {
                let three: String = chars[i..(i + 3).min(chars.len())].iter().collect();
                let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
                let op = if three == "..." || three == "**=" {
                    three
                } else if ["->", "**", "//", "==", "!=", "<=", ">=", ":=", "+=", "-="]
                    .contains(&two.as_str())
                {
                    two
                } else {
                    c.to_string()
                };
                match op.as_str() {
                    "(" | "[" | "{" => open.push((c, span_at(i))),
                    ")" | "]" | "}" => match open.pop() {
                        Some((opening, _)) if closes(opening) == c => {}
                        Some((opening, at)) => {
                            return Err(SourceError(format!(
                                "line {}: '{c}' does not close the '{opening}' opened on line {} \
                                 (a Python syntax error)",
                                span_at(i).line,
                                at.line
                            )));
                        }
                        None => {
                            return Err(SourceError(format!(
                                "line {}: unmatched '{c}' (a Python syntax error)",
                                span_at(i).line
                            )));
                        }
                    },
                    _ => {}
                }
                i += op.chars().count();
                tokens.push(Tok::Op(op));
            }
        }
    }
    if let Some((opening, at)) = open.last() {
        return Err(SourceError(format!(
            "line {}: '{opening}' is never closed (a Python syntax error)",
            at.line
        )));
    }
    spans.truncate(tokens.len());
    tokens.push(Tok::Newline);
    spans.push(span_at(chars.len()));
    Ok(Spanned { tokens, spans })
}

/// The bracket that closes `opening`.
fn closes(opening: char) -> char {
    match opening {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// Reads a string literal starting at the quote at `start`; returns its value and the index
/// after it.
fn string_literal(chars: &[char], start: usize, raw: bool) -> Result<(String, usize), SourceError> {
    let quote = chars[start];
    let triple = chars.get(start + 1) == Some(&quote) && chars.get(start + 2) == Some(&quote);
    let mut i = start + if triple { 3 } else { 1 };
    let mut value = String::new();
    loop {
        let Some(&c) = chars.get(i) else {
            return Err(SourceError("a string literal is not closed".into()));
        };
        if c == quote {
            if !triple {
                return Ok((value, i + 1));
            }
            if chars.get(i + 1) == Some(&quote) && chars.get(i + 2) == Some(&quote) {
                return Ok((value, i + 3));
            }
        }
        if c == '\n' && !triple {
            return Err(SourceError("a string literal is not closed".into()));
        }
        if c == '\\' && !raw {
            let next = chars.get(i + 1).copied().unwrap_or('\\');
            i += 2;
            match next {
                'n' => value.push('\n'),
                't' => value.push('\t'),
                'r' => value.push('\r'),
                '0' => value.push('\0'),
                '\n' => {}
                'x' | 'u' | 'U' => {
                    let len = match next {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let hex: String = chars[i..(i + len).min(chars.len())].iter().collect();
                    let decoded = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                    match decoded {
                        Some(ch) => value.push(ch),
                        None => return Err(SourceError(format!("bad escape \\{next}{hex}"))),
                    }
                    i += len;
                }
                other @ ('\\' | '\'' | '"') => value.push(other),
                other => {
                    value.push('\\');
                    value.push(other);
                }
            }
            continue;
        }
        if c == '\\' && raw {
            // In raw strings a backslash still keeps the next quote from ending the literal.
            value.push(c);
            if let Some(&next) = chars.get(i + 1) {
                value.push(next);
            }
            i += 2;
            continue;
        }
        value.push(c);
        i += 1;
    }
}

/// The index of the bracket closing the one at `open`.
pub fn matching(tokens: &[Tok], open: usize) -> Option<usize> {
    let mut depth = 0;
    for (index, token) in tokens.iter().enumerate().skip(open) {
        if let Tok::Op(op) = token {
            match op.as_str() {
                "(" | "[" | "{" => depth += 1,
                ")" | "]" | "}" => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(index);
                    }
                }
                _ => {}
            }
        }
    }
    None
}

/// `inspect.cleandoc`: strip the first line's leading blanks, the common indentation of the
/// others, and blank lines at both ends.
pub fn cleandoc(doc: &str) -> String {
    let expanded = doc.replace('\t', "        ");
    let lines: Vec<&str> = expanded.split('\n').collect();
    let margin = lines
        .iter()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut cleaned: Vec<String> = Vec::with_capacity(lines.len());
    cleaned.push(lines[0].trim_start().to_string());
    for line in &lines[1..] {
        cleaned.push(line.get(margin..).unwrap_or("").to_string());
    }
    while cleaned.first().is_some_and(|l| l.trim().is_empty()) {
        cleaned.remove(0);
    }
    while cleaned.last().is_some_and(|l| l.trim().is_empty()) {
        cleaned.pop();
    }
    cleaned
        .iter()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The index of the first `op` that is not inside brackets.
pub fn find_top_level(tokens: &[Tok], op: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (index, token) in tokens.iter().enumerate() {
        match token {
            Tok::Op(o) if ["(", "[", "{"].contains(&o.as_str()) => depth += 1,
            Tok::Op(o) if [")", "]", "}"].contains(&o.as_str()) => depth -= 1,
            Tok::Op(o) if o == op && depth == 0 => return Some(index),
            _ => {}
        }
    }
    None
}

/// Splits on commas that are not inside brackets; drops empty parts (a trailing comma).
/// `(x)` as `x`: parentheses around a whole expression (black wraps a long line in them) mean
/// nothing; a tuple `(x,)` and `()` keep theirs.
pub fn unparenthesised(mut tokens: &[Tok]) -> &[Tok] {
    while tokens.len() > 2
        && tokens[0] == Tok::Op("(".into())
        && matching(tokens, 0) == Some(tokens.len() - 1)
        && split_on(&tokens[1..tokens.len() - 1], ",").len() == 1
    {
        tokens = &tokens[1..tokens.len() - 1];
    }
    tokens
}

pub fn split_top_level(tokens: &[Tok]) -> Vec<&[Tok]> {
    split_on(tokens, ",")
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect()
}

/// Splits on `separator` where it is not inside brackets.
pub fn split_on<'a>(tokens: &'a [Tok], separator: &str) -> Vec<&'a [Tok]> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (index, token) in tokens.iter().enumerate() {
        match token {
            Tok::Op(op) if ["(", "[", "{"].contains(&op.as_str()) => depth += 1,
            Tok::Op(op) if [")", "]", "}"].contains(&op.as_str()) => depth -= 1,
            Tok::Op(op) if op == separator && depth == 0 => {
                parts.push(&tokens[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    parts.push(&tokens[start..]);
    parts
}

/// A Python literal as JSON: numbers, strings, bytes, True/False/None, and lists, tuples,
/// sets and dicts of literals (as pydantic serialises them).
pub fn literal(tokens: &[Tok]) -> Option<Value> {
    match tokens {
        [Tok::Name(name)] => match name.as_str() {
            "True" => Some(Value::Bool(true)),
            "False" => Some(Value::Bool(false)),
            "None" => Some(Value::Null),
            _ => None,
        },
        [Tok::Number(n)] => number(n, false),
        [Tok::Op(sign), Tok::Number(n)] if sign == "-" => number(n, true),
        [Tok::Op(sign), Tok::Number(n)] if sign == "+" => number(n, false),
        strings if !strings.is_empty() && strings.iter().all(|t| matches!(t, Tok::Str { .. })) => {
            let text: String = strings
                .iter()
                .map(|t| match t {
                    Tok::Str { value, .. } => value.as_str(),
                    _ => "",
                })
                .collect();
            Some(Value::String(text))
        }
        [Tok::Op(open), inner @ .., Tok::Op(close)]
            if (open == "[" && close == "]") || (open == "(" && close == ")") =>
        {
            let items: Vec<Value> = split_top_level(inner)
                .into_iter()
                .map(literal)
                .collect::<Option<_>>()?;
            // `(x)` is just x, `(x,)` is a tuple.
            if open == "(" && items.len() == 1 && !inner.iter().any(|t| *t == Tok::Op(",".into())) {
                return Some(items.into_iter().next().expect("one item"));
            }
            Some(Value::Array(items))
        }
        [Tok::Op(open), inner @ .., Tok::Op(close)] if open == "{" && close == "}" => {
            let parts = split_top_level(inner);
            if parts.is_empty() {
                return Some(Value::Object(Map::new()));
            }
            let is_dict = parts[0].iter().any(|t| *t == Tok::Op(":".into()));
            if !is_dict {
                return parts
                    .into_iter()
                    .map(literal)
                    .collect::<Option<Vec<_>>>()
                    .map(Value::Array);
            }
            let mut map = Map::new();
            for part in parts {
                let colon = part.iter().position(|t| *t == Tok::Op(":".into()))?;
                let key = match literal(&part[..colon])? {
                    Value::String(s) => s,
                    Value::Null => "null".into(),
                    other => other.to_string(),
                };
                map.insert(key, literal(&part[colon + 1..])?);
            }
            Some(Value::Object(map))
        }
        _ => None,
    }
}

fn number(text: &str, negative: bool) -> Option<Value> {
    let clean = text.replace('_', "");
    let signed = if negative {
        format!("-{clean}")
    } else {
        clean.clone()
    };
    if let Some(hex) = clean
        .strip_prefix("0x")
        .or_else(|| clean.strip_prefix("0X"))
    {
        let n = i64::from_str_radix(hex, 16).ok()?;
        return Some(json!(if negative { -n } else { n }));
    }
    if let Ok(n) = signed.parse::<i64>() {
        return Some(json!(n));
    }
    let f: f64 = signed.parse().ok()?;
    serde_json::Number::from_f64(f).map(Value::Number)
}

/// One call `<anything>.<method>(...)`: its literal arguments (`None` where an argument is not a
/// literal) and its keyword arguments that are literals.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub method: String,
    pub positional: Vec<Option<Value>>,
    pub keywords: Vec<(String, Value)>,
}

impl Call {
    /// The argument at `position`, or the keyword `name`.
    pub fn argument(&self, position: usize, name: &str) -> Option<&Value> {
        self.keywords
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
            .or_else(|| self.positional.get(position)?.as_ref())
    }
}

/// Every call `<anything>.<method>(...)` of one of `methods`, in file order.
pub fn calls(tokens: &[Tok], methods: &[&str]) -> Vec<Call> {
    let mut calls = Vec::new();
    for index in 0..tokens.len().saturating_sub(2) {
        let (Tok::Op(dot), Tok::Name(method), Tok::Op(open)) =
            (&tokens[index], &tokens[index + 1], &tokens[index + 2])
        else {
            continue;
        };
        if dot != "." || open != "(" || !methods.contains(&method.as_str()) {
            continue;
        }
        let Some(close) = matching(tokens, index + 2) else {
            continue;
        };
        let mut call = Call {
            method: method.clone(),
            positional: Vec::new(),
            keywords: Vec::new(),
        };
        for argument in split_top_level(&tokens[index + 3..close]) {
            match argument {
                [Tok::Name(key), Tok::Op(eq), value @ ..] if eq == "=" => {
                    if let Some(value) = literal(value) {
                        call.keywords.push((key.clone(), value));
                    }
                }
                value => call.positional.push(literal(value)),
            }
        }
        calls.push(call);
    }
    calls
}

/// Every call `<anything>.<method>(...)` of one of `methods`, with its keyword arguments that
/// are literals, in file order.
pub fn method_calls(tokens: &[Tok], methods: &[&str]) -> Vec<(String, Vec<(String, Value)>)> {
    calls(tokens, methods)
        .into_iter()
        .map(|call| (call.method, call.keywords))
        .collect()
}

/// The value of a top-level `NAME = <literal>` assignment.
pub fn constant(tokens: &[Tok], name: &str) -> Option<Value> {
    let mut line_start = true;
    for (index, token) in tokens.iter().enumerate() {
        if line_start
            && *token == Tok::Name(name.into())
            && tokens.get(index + 1) == Some(&Tok::Op("=".into()))
        {
            let end = tokens[index + 2..]
                .iter()
                .position(|t| *t == Tok::Newline)
                .map_or(tokens.len(), |p| index + 2 + p);
            return literal(&tokens[index + 2..end]);
        }
        line_start = *token == Tok::Newline;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleandoc_matches_inspect() {
        assert_eq!(
            cleandoc("  First.\n\n    More\n      indented\n  "),
            "First.\n\nMore\n  indented"
        );
    }

    #[test]
    fn spans_and_logical_lines() {
        let spanned = tokenize_spanned("x = 1  # c\n\nclass A(\n    B):\n    y: int\n").unwrap();
        let lines = spanned.lines();
        assert_eq!(
            lines
                .iter()
                .map(|l| (l.line, l.indent, l.end - l.start))
                .collect::<Vec<_>>(),
            [(1, 0, 3), (3, 0, 6), (5, 4, 3)]
        );
        assert_eq!(
            spanned.spans[lines[1].start + 3],
            Span { line: 4, column: 4 }
        );
        assert_eq!(spanned.tokens.len(), spanned.spans.len());
    }

    #[test]
    fn literals_become_json() {
        let toks = tokenize("[1, -2.5, 'a', (True, None), {'k': b'v'}]").unwrap();
        let value = literal(&toks[..toks.len() - 1]).unwrap();
        assert_eq!(value, json!([1, -2.5, "a", [true, null], {"k": "v"}]));
    }

    #[test]
    fn finds_method_calls_and_constants() {
        let toks = tokenize("LIMIT = 300\nmeta = {'a': 1}\ndef f(p):\n    p.add_int(variable_name='R', default=1, minimum=0)\n    p.other(x=1)\n").unwrap();
        assert_eq!(constant(&toks, "LIMIT"), Some(json!(300)));
        assert_eq!(constant(&toks, "meta"), Some(json!({"a": 1})));
        let calls = method_calls(&toks, &["add_int"]);
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].1[0], ("variable_name".to_string(), json!("R")));
    }
}
