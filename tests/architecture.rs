//! The layout holds: every module of src/ stands on a floor, imports only from floors below
//! its own, and no file imports, through any chain, a file that imports it back. Read from the
//! source text (`crate::`, `super::` and `self::` paths outside comments and test modules),
//! so it runs without the server.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The floors, lowest first; README "How it is built" describes the same.
const FLOORS: &[&[&str]] = &[
    &["api", "bounded", "colour", "params", "pysource"],
    &["error", "output", "executor", "yaml_file"],
    &["config", "lab", "cli"],
    &["store", "ot2", "sensor"],
    &["inventory", "plate", "campaign"],
    &["entrypoint"],
    &["worker", "deploy"],
    &["commands"],
];

fn floor_of(module: &str) -> Option<usize> {
    FLOORS.iter().position(|floor| floor.contains(&module))
}

/// A source file's module path: src/worker/run.rs → ["worker", "run"], mod.rs → its folder.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts
}

/// The code of a file without comments, without its test module, and without `pub use`
/// re-exports (a folder's facade for its files, not something it depends on).
fn code(text: &str) -> String {
    let text = text
        .find("#[cfg(test)]")
        .map_or(text, |test_module| &text[..test_module]);
    let mut in_reexport = false;
    text.lines()
        .filter(|line| {
            let line = line.trim_start();
            if line.starts_with("pub use ") {
                in_reexport = !line.trim_end().ends_with(';');
                return false;
            }
            if in_reexport {
                in_reexport = !line.trim_end().ends_with(';');
                return false;
            }
            !line.starts_with("//")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::a::b`, `super::a` and `self::a` path in the code of module `here`, made
/// absolute (`self` is `here`, `super` its parent, for a `mod.rs` as for any other file).
fn referenced_paths(code: &str, here: &[String]) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let is_path_char = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    let mut paths = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        let starts_word = index == 0 || !is_path_char(chars[index - 1]);
        let ahead: String = chars[index..chars.len().min(index + 7)].iter().collect();
        let Some(anchor) = ["crate::", "super::", "self::"]
            .into_iter()
            .find(|a| starts_word && ahead.starts_with(a))
        else {
            index += 1;
            continue;
        };
        let end = (index..chars.len())
            .find(|&i| !is_path_char(chars[i]))
            .unwrap_or(chars.len());
        let text: String = chars[index..end].iter().collect();
        let mut segments = text
            .split("::")
            .filter(|s| !s.is_empty())
            .skip(1)
            .peekable();
        let mut absolute: Vec<String> = match anchor {
            "crate::" => Vec::new(),
            "self::" => here.to_vec(),
            _ => here[..here.len().saturating_sub(1)].to_vec(),
        };
        while segments.peek() == Some(&"super") {
            segments.next();
            absolute.pop();
        }
        absolute.extend(segments.map(str::to_string));
        index = end;
        // `use super::{a, b::c}`: one path per item of the group.
        if text.ends_with("::") && chars.get(end) == Some(&'{') {
            let mut depth = 0;
            let close = (end..chars.len())
                .find(|&i| {
                    match chars[i] {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .unwrap_or(chars.len() - 1);
            let group: String = chars[end + 1..close].iter().collect();
            for item in group.split(',') {
                let first = item.trim().split("::").next().unwrap_or("").trim();
                if !first.is_empty()
                    && first != "self"
                    && first.chars().all(|c| c.is_alphanumeric() || c == '_')
                {
                    let mut path = absolute.clone();
                    path.push(first.to_string());
                    paths.push(path);
                }
            }
            index = close;
            continue;
        }
        paths.push(absolute);
    }
    paths
}

/// Paths that start with a child module's name (`run::Host` in worker/mod.rs), made absolute.
fn child_paths(
    code: &str,
    here: &[String],
    files: &BTreeMap<Vec<String>, PathBuf>,
) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let words: Vec<&str> = code
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .collect();
    for word in words {
        let mut segments = word.split("::");
        let Some(first) = segments.next() else {
            continue;
        };
        if word.starts_with("::") || !word.contains("::") {
            continue;
        }
        let mut child = here.to_vec();
        child.push(first.to_string());
        if files.contains_key(&child) {
            child.extend(segments.map(str::to_string));
            paths.push(child);
        }
    }
    paths
}

struct Crate {
    /// module path → file.
    files: BTreeMap<Vec<String>, PathBuf>,
    /// file → the files it imports.
    imports: BTreeMap<PathBuf, BTreeSet<PathBuf>>,
}

fn read_crate() -> Crate {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                // src/bin/ holds other programs, which use the library from outside.
                if path != src.join("bin") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                sources.push(path);
            }
        }
    }
    let files: BTreeMap<Vec<String>, PathBuf> = sources
        .iter()
        .map(|f| (module_path(&src, f), f.clone()))
        .collect();
    let mut imports = BTreeMap::new();
    for file in &sources {
        let here = module_path(&src, file);
        let text = code(&std::fs::read_to_string(file).unwrap());
        let mut targets = BTreeSet::new();
        let mut paths = referenced_paths(&text, &here);
        paths.extend(child_paths(&text, &here, &files));
        for path in paths {
            // The longest prefix of the path that is a module with a file.
            let target = (1..=path.len()).rev().find_map(|n| files.get(&path[..n]));
            if let Some(target) = target
                && target != file
            {
                targets.insert(target.clone());
            }
        }
        imports.insert(file.clone(), targets);
    }
    Crate { files, imports }
}

#[test]
fn every_module_stands_on_a_floor_and_imports_only_from_below() {
    let krate = read_crate();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let top = |file: &Path| module_path(&src, file).first().cloned();
    let mut problems = Vec::new();
    for path in krate.files.keys() {
        if let Some(module) = path.first()
            && floor_of(module).is_none()
        {
            problems.push(format!("module '{module}' has no floor in FLOORS"));
        }
    }
    for (file, targets) in &krate.imports {
        let Some(from) = top(file).filter(|m| floor_of(m).is_some()) else {
            continue;
        };
        for target in targets {
            let Some(to) = top(target) else { continue };
            if to == from {
                continue;
            }
            let (Some(from_floor), Some(to_floor)) = (floor_of(&from), floor_of(&to)) else {
                continue;
            };
            if to_floor >= from_floor {
                problems.push(format!(
                    "{} (floor {}) imports {} (floor {})",
                    file.strip_prefix(&src).unwrap().display(),
                    from_floor + 1,
                    target.strip_prefix(&src).unwrap().display(),
                    to_floor + 1
                ));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_file_imports_a_file_that_imports_it_back() {
    let krate = read_crate();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    // Depth-first search for a cycle, reporting the first one found.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        file: &PathBuf,
        imports: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        marks: &mut BTreeMap<PathBuf, Mark>,
        chain: &mut Vec<PathBuf>,
    ) -> Option<Vec<PathBuf>> {
        match marks.get(file) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = chain.iter().position(|f| f == file).unwrap_or(0);
                let mut circle = chain[start..].to_vec();
                circle.push(file.clone());
                return Some(circle);
            }
            None => {}
        }
        marks.insert(file.clone(), Mark::Open);
        chain.push(file.clone());
        for next in imports.get(file).into_iter().flatten() {
            if let Some(circle) = visit(next, imports, marks, chain) {
                return Some(circle);
            }
        }
        chain.pop();
        marks.insert(file.clone(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for file in krate.imports.keys() {
        if let Some(circle) = visit(file, &krate.imports, &mut marks, &mut Vec::new()) {
            let names: Vec<String> = circle
                .iter()
                .map(|f| f.strip_prefix(&src).unwrap().display().to_string())
                .collect();
            panic!("import circle: {}", names.join(" -> "));
        }
    }
}

#[test]
fn state_names_are_written_only_in_the_typed_enum() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let krate = read_crate();
    let names = [
        "\"SCHEDULED\"",
        "\"PENDING\"",
        "\"RUNNING\"",
        "\"COMPLETED\"",
        "\"FAILED\"",
        "\"CANCELLED\"",
        "\"CRASHED\"",
        "\"CANCELLING\"",
    ];
    let mut found = Vec::new();
    for file in krate.files.values() {
        if file.ends_with("api/states.rs") {
            continue;
        }
        let text = code(&std::fs::read_to_string(file).unwrap());
        for name in names {
            // A table heading is not a state ("SCHEDULED" column of a preview).
            for line in text
                .lines()
                .filter(|l| l.contains(name) && !l.contains("output::table"))
            {
                found.push(format!(
                    "{}: {}",
                    file.strip_prefix(&src).unwrap().display(),
                    line.trim()
                ));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn only_worker_states_proposes_states() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let krate = read_crate();
    let mut found = Vec::new();
    for file in krate.files.values() {
        let relative = file.strip_prefix(&src).unwrap();
        let allowed = relative == Path::new("worker/states.rs")
            // The transport: one transition id across retries.
            || relative == Path::new("worker/report.rs")
            // The endpoint itself.
            || relative == Path::new("api/flow_runs.rs");
        let text = code(&std::fs::read_to_string(file).unwrap());
        if !allowed && (text.contains("set_flow_run_state") || text.contains(".propose(")) {
            found.push(relative.display().to_string());
        }
    }
    assert!(
        found.is_empty(),
        "state proposals outside worker/states.rs: {found:?}"
    );
}

/// Every string-key JSON read in `code`: indexing by a string literal (`x["key"]`) and
/// `.get("key")`, found at the token level, so that the text of a literal (an embedded
/// script, a message) is never taken for code. Each is returned with its line.
fn string_key_reads(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut reads = Vec::new();
    let mut index = 0;
    // The code outside literals seen so far, to look back at what precedes a literal.
    let mut outside = String::new();
    let mut line = 1;
    while index < chars.len() {
        let c = chars[index];
        let raw_hashes = raw_string_start(&chars, index);
        if c == '"' || raw_hashes.is_some() {
            let (start_quote, hashes) = match raw_hashes {
                Some((quote, hashes)) => (quote, Some(hashes)),
                None => (index, None),
            };
            let mut end = start_quote + 1;
            let mut literal = String::new();
            while let Some(&next) = chars.get(end) {
                match (next, hashes) {
                    ('\\', None) => {
                        literal.push(next);
                        if let Some(&escaped) = chars.get(end + 1) {
                            literal.push(escaped);
                        }
                        end += 2;
                        continue;
                    }
                    ('"', None) => break,
                    ('"', Some(n)) if (1..=n).all(|k| chars.get(end + k) == Some(&'#')) => {
                        end += n;
                        break;
                    }
                    _ => {}
                }
                if next == '\n' {
                    line += 1;
                }
                literal.push(next);
                end += 1;
            }
            let after: String = chars[(end + 1).min(chars.len())..]
                .iter()
                .take_while(|c| !c.is_whitespace() || **c == ' ')
                .collect();
            let after = after.trim_start();
            let before = outside.trim_end();
            // `x["key"]` indexes; `["a"]`, `&["a"]`, `vec!["a"]` are array literals.
            let indexed = before
                .strip_suffix('[')
                .and_then(|b| b.chars().last())
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | ')' | ']' | '?'));
            let is_index = indexed && after.starts_with(']');
            let is_get = before.ends_with(".get(") && after.starts_with(')');
            if is_index || is_get {
                reads.push(format!("line {line}: {literal:?}"));
            }
            outside.push_str("\"\"");
            index = end + 1;
            continue;
        }
        if c == '\'' {
            // A char literal ('x', '\n', '"'); a lifetime ('a) has no closing quote.
            let close = if chars.get(index + 1) == Some(&'\\') {
                (index + 2..chars.len().min(index + 12)).find(|&i| chars[i] == '\'')
            } else if chars.get(index + 2) == Some(&'\'') {
                Some(index + 2)
            } else {
                None
            };
            if let Some(close) = close {
                outside.push_str("' '");
                index = close + 1;
                continue;
            }
        }
        if c == '/' && chars.get(index + 1) == Some(&'/') {
            while index < chars.len() && chars[index] != '\n' {
                index += 1;
            }
            continue;
        }
        if c == '\n' {
            line += 1;
        }
        outside.push(c);
        index += 1;
    }
    reads
}

/// `Some((index of the opening quote, number of #))` when a raw string (`r"`, `r#"`, `br"`)
/// starts at `index`.
fn raw_string_start(chars: &[char], index: usize) -> Option<(usize, usize)> {
    let previous_is_word =
        index > 0 && (chars[index - 1].is_alphanumeric() || chars[index - 1] == '_');
    let mut at = index;
    if chars.get(at) == Some(&'b') && chars.get(at + 1) == Some(&'r') && !previous_is_word {
        at += 1;
    } else if previous_is_word && !(index > 0 && chars[index - 1] == 'b') {
        return None;
    }
    if chars.get(at) != Some(&'r') {
        return None;
    }
    let mut hashes = 0;
    while chars.get(at + 1 + hashes) == Some(&'#') {
        hashes += 1;
    }
    (chars.get(at + 1 + hashes) == Some(&'"')).then_some((at + 1 + hashes, hashes))
}

/// JSON is read by string keys only in `api/`, where the wire formats are turned into types;
/// everywhere else reads fields of those types (or of serde types of its own).
#[test]
fn json_is_read_by_string_keys_only_in_api() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let krate = read_crate();
    let mut problems = Vec::new();
    for file in krate.files.values() {
        let relative = file.strip_prefix(&src).unwrap();
        if relative.starts_with("api") {
            continue;
        }
        let reads = string_key_reads(&code(&std::fs::read_to_string(file).unwrap()));
        if !reads.is_empty() {
            problems.push(format!(
                "{}: {} string-key reads (read fields of a type instead):\n  {}",
                relative.display(),
                reads.len(),
                reads.join("\n  ")
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn string_key_reads_are_found_in_code_and_not_in_literals() {
    let code = r##"let a = run["status"]; let b = map.get("key"); let c = x.get( "k" );
let script = "print(v[\"no\"])"; let raw = r#"o["no"]"#; let q = '"'; let d = v["yes"];
let e = f(v, "no"); let g = items[0]; let h = vec!["no", "no"]; let i = &["no"];
let j = json!({"k": ["no"]}); let k = m()["yes"]; let l = w[0]["yes"];"##;
    let reads = string_key_reads(code);
    assert_eq!(
        reads,
        [
            "line 1: \"status\"",
            "line 1: \"key\"",
            "line 1: \"k\"",
            "line 2: \"yes\"",
            "line 4: \"yes\"",
            "line 4: \"yes\""
        ],
        "{reads:?}"
    );
}
