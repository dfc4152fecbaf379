//! The top level of a Python module, read as text: what it imports, the type aliases it
//! defines, and its classes with their fields. Enough to follow a flow parameter's type to
//! the class that defines it, in the flow's file or in another module of the same project,
//! the way Python finds it when Prefect imports the flow.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::pysource::{
    LogicalLine, SourceError, Spanned, Tok, find_top_level, matching, split_top_level,
    tokenize_spanned,
};

/// One parsed module.
#[derive(Debug)]
pub struct Module {
    /// The file, as shown in warnings (relative to the project directory when inside it).
    pub label: String,
    pub path: PathBuf,
    pub code: Spanned,
    imports: HashMap<String, Import>,
    /// `Name = <type>`, `Name: TypeAlias = <type>`, `type Name = <type>`: the type's tokens.
    aliases: HashMap<String, Range<usize>>,
    classes: HashMap<String, Rc<ClassDef>>,
}

/// What a name bound by an import refers to.
#[derive(Debug, Clone, PartialEq)]
enum Import {
    /// `import a.b as c` (binds `c` to `a.b`), `import a.b` (binds `a` to `a`),
    /// `from . import models` (binds `models` to `.models`).
    Module(ModulePath),
    /// `from a.b import Name as N`.
    Name(ModulePath, String),
}

/// A module as an import names it: `level` leading dots, then dotted parts.
#[derive(Debug, Clone, PartialEq)]
struct ModulePath {
    level: usize,
    parts: Vec<String>,
}

impl ModulePath {
    fn joined(&self, more: &str) -> ModulePath {
        let mut parts = self.parts.clone();
        parts.push(more.to_string());
        ModulePath {
            level: self.level,
            parts,
        }
    }

    fn dotted(&self) -> String {
        format!("{}{}", ".".repeat(self.level), self.parts.join("."))
    }
}

/// A class statement.
#[derive(Debug)]
pub struct ClassDef {
    pub name: String,
    /// Each base and class keyword (`total=False`, `extra="forbid"`), as tokens.
    pub bases: Vec<Range<usize>>,
    pub keywords: Vec<(String, Range<usize>)>,
    /// Each decorator after its `@`, as tokens.
    pub decorators: Vec<Range<usize>>,
    pub docstring: Option<String>,
    pub body: Vec<Statement>,
}

/// A statement directly in a class body.
#[derive(Debug, Clone)]
pub enum Statement {
    /// `name: annotation` or `name: annotation = value`.
    Field {
        name: String,
        annotation: Range<usize>,
        value: Option<Range<usize>>,
        line: usize,
    },
    /// `name = value` (an enum member, `model_config`).
    Assign { name: String, value: Range<usize> },
}

impl Module {
    pub fn parse(source: &str, path: PathBuf, label: String) -> Result<Module, SourceError> {
        let code = tokenize_spanned(source)?;
        let lines = code.lines();
        let mut module = Module {
            label,
            path,
            imports: HashMap::new(),
            aliases: HashMap::new(),
            classes: HashMap::new(),
            code: Spanned::default(),
        };
        let mut index = 0;
        while index < lines.len() {
            let line = lines[index];
            index += 1;
            if line.indent != 0 {
                continue;
            }
            let tokens = &code.tokens[line.start..line.end];
            match tokens {
                [Tok::Name(keyword), ..] if keyword == "import" => {
                    module.read_import(&tokens[1..]);
                }
                [Tok::Name(keyword), ..] if keyword == "from" => {
                    module.read_from_import(&tokens[1..]);
                }
                [Tok::Name(keyword), Tok::Name(name), Tok::Op(eq), ..]
                    if keyword == "type" && eq == "=" =>
                {
                    module
                        .aliases
                        .insert(name.clone(), line.start + 3..line.end);
                }
                [Tok::Name(name), Tok::Op(eq), ..] if eq == "=" => {
                    module
                        .aliases
                        .insert(name.clone(), line.start + 2..line.end);
                }
                [Tok::Name(name), Tok::Op(colon), rest @ ..] if colon == ":" => {
                    // `Name: TypeAlias = <type>`, or an annotated constant (`LIMIT: int = 3`)
                    // that a default may name: either way the name stands for its value.
                    if let Some(eq) = find_top_level(rest, "=") {
                        module
                            .aliases
                            .insert(name.clone(), line.start + 3 + eq..line.end);
                    }
                }
                [Tok::Name(keyword), Tok::Name(name), ..] if keyword == "class" => {
                    let decorators = decorators_before(&code, &lines, index - 1);
                    let body_end = lines[index..]
                        .iter()
                        .position(|l| l.indent == 0)
                        .map_or(lines.len(), |p| index + p);
                    let class = read_class(&code, line, &lines[index..body_end], decorators);
                    if let Some(class) = class {
                        module.classes.insert(name.clone(), Rc::new(class));
                    }
                    index = body_end;
                }
                _ => {}
            }
        }
        module.code = code;
        Ok(module)
    }

    pub fn tokens(&self, range: &Range<usize>) -> &[Tok] {
        &self.code.tokens[range.clone()]
    }

    pub fn line_of(&self, token: usize) -> usize {
        self.code.spans.get(token).map_or(0, |s| s.line)
    }

    pub fn class(&self, name: &str) -> Option<Rc<ClassDef>> {
        self.classes.get(name).cloned()
    }

    pub fn alias(&self, name: &str) -> Option<Range<usize>> {
        self.aliases.get(name).cloned()
    }

    /// Whether the module binds `name` at its top level in a way ot2ctl follows.
    fn defines(&self, name: &str) -> bool {
        self.classes.contains_key(name)
            || self.aliases.contains_key(name)
            || self.imports.contains_key(name)
    }

    /// `import a.b.c as d, e`.
    fn read_import(&mut self, tokens: &[Tok]) {
        for part in split_top_level(tokens) {
            let (path, alias) = split_as(part);
            let Some(parts) = dotted(path) else { continue };
            let (bound, target) = match alias {
                Some(alias) => (alias, parts.clone()),
                None => (parts[0].clone(), vec![parts[0].clone()]),
            };
            self.imports.insert(
                bound,
                Import::Module(ModulePath {
                    level: 0,
                    parts: target,
                }),
            );
        }
    }

    /// `from ..a.b import (C as D, E)`.
    fn read_from_import(&mut self, tokens: &[Tok]) {
        let Some(at) = tokens.iter().position(|t| *t == Tok::Name("import".into())) else {
            return;
        };
        let source = &tokens[..at];
        let level = source
            .iter()
            .take_while(|t| matches!(t, Tok::Op(op) if op == "." || op == "..."))
            .map(|t| match t {
                Tok::Op(op) => op.len(),
                _ => 0,
            })
            .sum::<usize>();
        let skipped = source
            .iter()
            .take_while(|t| matches!(t, Tok::Op(op) if op == "." || op == "..."))
            .count();
        let parts = if skipped == source.len() {
            Vec::new()
        } else {
            match dotted(&source[skipped..]) {
                Some(parts) => parts,
                None => return,
            }
        };
        let from = ModulePath { level, parts };
        let mut names = &tokens[at + 1..];
        if let [Tok::Op(open), inner @ .., Tok::Op(close)] = names
            && open == "("
            && close == ")"
        {
            names = inner;
        }
        for part in split_top_level(names) {
            let (name, alias) = split_as(part);
            let [Tok::Name(name)] = name else { continue };
            let bound = alias.unwrap_or_else(|| name.clone());
            // `from . import models` may bind a module; which one is decided when the name
            // is used, by looking for the file.
            self.imports
                .insert(bound, Import::Name(from.clone(), name.clone()));
        }
    }
}

/// `x as y` → (`x`, Some(`y`)).
fn split_as(part: &[Tok]) -> (&[Tok], Option<String>) {
    match part {
        [path @ .., Tok::Name(as_), Tok::Name(alias)] if as_ == "as" => (path, Some(alias.clone())),
        path => (path, None),
    }
}

/// `a.b.c` as its parts.
fn dotted(tokens: &[Tok]) -> Option<Vec<String>> {
    let mut parts = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        match (index % 2, token) {
            (0, Tok::Name(name)) => parts.push(name.clone()),
            (1, Tok::Op(dot)) if dot == "." => {}
            _ => return None,
        }
    }
    (!parts.is_empty() && tokens.len() % 2 == 1).then_some(parts)
}

/// The `@decorator` lines just above the line at `index`, as token ranges after the `@`.
fn decorators_before(code: &Spanned, lines: &[LogicalLine], index: usize) -> Vec<Range<usize>> {
    let mut decorators = Vec::new();
    let mut at = index;
    while at > 0 {
        let line = lines[at - 1];
        if line.indent != lines[index].indent || code.tokens[line.start] != Tok::Op("@".into()) {
            break;
        }
        decorators.push(line.start + 1..line.end);
        at -= 1;
    }
    decorators.reverse();
    decorators
}

/// A class statement and its body (the lines indented under it).
fn read_class(
    code: &Spanned,
    header: LogicalLine,
    body: &[LogicalLine],
    decorators: Vec<Range<usize>>,
) -> Option<ClassDef> {
    let tokens = &code.tokens;
    let Tok::Name(name) = &tokens[header.start + 1] else {
        return None;
    };
    let mut bases = Vec::new();
    let mut keywords = Vec::new();
    if tokens.get(header.start + 2) == Some(&Tok::Op("(".into())) {
        let open = header.start + 2;
        let close = matching(&tokens[..header.end], open)?;
        let mut start = open + 1;
        for part in split_top_level(&tokens[open + 1..close]) {
            // Where this part starts in the file.
            while tokens[start] == Tok::Op(",".into()) {
                start += 1;
            }
            let range = start..start + part.len();
            start = range.end;
            match part {
                [Tok::Name(key), Tok::Op(eq), ..] if eq == "=" => {
                    keywords.push((key.clone(), range.start + 2..range.end));
                }
                _ => bases.push(range),
            }
        }
    }
    let body_indent = body.first().map(|l| l.indent)?;
    let mut statements = Vec::new();
    let mut docstring = None;
    for (position, line) in body.iter().enumerate() {
        if line.indent != body_indent {
            continue;
        }
        let own = &tokens[line.start..line.end];
        if position == 0 && own.iter().all(|t| matches!(t, Tok::Str { .. })) {
            docstring = Some(
                own.iter()
                    .map(|t| match t {
                        Tok::Str { value, .. } => value.as_str(),
                        _ => "",
                    })
                    .collect(),
            );
            continue;
        }
        match own {
            [Tok::Name(field), Tok::Op(colon), rest @ ..] if colon == ":" && !rest.is_empty() => {
                let equals = find_top_level(rest, "=").map(|p| line.start + 2 + p);
                statements.push(Statement::Field {
                    name: field.clone(),
                    annotation: line.start + 2..equals.unwrap_or(line.end),
                    value: equals.map(|e| e + 1..line.end),
                    line: line.line,
                });
            }
            [Tok::Name(target), Tok::Op(eq), ..] if eq == "=" => {
                statements.push(Statement::Assign {
                    name: target.clone(),
                    value: line.start + 2..line.end,
                });
            }
            _ => {}
        }
    }
    Some(ClassDef {
        name: name.clone(),
        bases,
        keywords,
        decorators,
        docstring,
        body: statements,
    })
}

/// What a name used in a module refers to.
#[derive(Debug, Clone)]
pub enum Resolved {
    /// A class defined in a module of the project.
    Class(Rc<Module>, Rc<ClassDef>),
    /// A type alias defined in a module of the project: its tokens there.
    Alias(Rc<Module>, Range<usize>),
    /// A name from outside the project (a builtin, `typing`, `pydantic`, a library), by the
    /// dotted path it was imported from: `typing.Optional`, `int`, `pandas.DataFrame`.
    External(String),
    /// A name the project should define but does not (a typo, a name made at run time).
    Missing(String),
}

/// The modules of one project, read on demand and once.
#[derive(Debug)]
pub struct Modules {
    /// Where absolute imports are looked for, in Python's order: the flow file's directory,
    /// then the working directory (as Prefect puts them on sys.path).
    roots: Vec<PathBuf>,
    /// The project directory, for labels.
    base: PathBuf,
    cache: RefCell<HashMap<PathBuf, Option<Rc<Module>>>>,
}

/// How deep aliases and imports are followed before giving up (a cycle).
const MAX_HOPS: usize = 32;

impl Modules {
    pub fn new(flow_file: &Path, project: &Path) -> Modules {
        let mut roots = Vec::new();
        if let Some(parent) = flow_file.parent() {
            roots.push(parent.to_path_buf());
        }
        roots.push(project.to_path_buf());
        Modules {
            roots,
            base: project.to_path_buf(),
            cache: RefCell::new(HashMap::new()),
        }
    }

    /// For source that imports nothing of the project (ot2ctl's own flow signatures).
    pub fn detached() -> Modules {
        Modules {
            roots: Vec::new(),
            base: PathBuf::new(),
            cache: RefCell::new(HashMap::new()),
        }
    }

    /// Reads (once) the module in `path`; `None` if it cannot be read or tokenized.
    /// The flow's own module: unlike an import, a file that cannot be read or is not Python
    /// is an error, said as such.
    pub fn load_entry(&self, path: &Path) -> Result<Rc<Module>, SourceError> {
        let bytes = crate::bounded::read_file(path)
            .map_err(|err| SourceError(format!("cannot read {}: {err}", path.display())))?;
        let module = Rc::new(Module::parse(
            &String::from_utf8_lossy(&bytes),
            path.to_path_buf(),
            self.label(path),
        )?);
        self.cache
            .borrow_mut()
            .insert(path.to_path_buf(), Some(module.clone()));
        Ok(module)
    }

    fn label(&self, path: &Path) -> String {
        path.strip_prefix(&self.base)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    pub fn load(&self, path: &Path) -> Option<Rc<Module>> {
        if let Some(cached) = self.cache.borrow().get(path) {
            return cached.clone();
        }
        let label = self.label(path);
        let module = crate::bounded::read_file(path).ok().and_then(|bytes| {
            Module::parse(&String::from_utf8_lossy(&bytes), path.to_path_buf(), label)
                .ok()
                .map(Rc::new)
        });
        self.cache
            .borrow_mut()
            .insert(path.to_path_buf(), module.clone());
        module
    }

    /// The file of a module named by an import in `from`, if the project has it.
    fn find(&self, from: &Module, path: &ModulePath) -> Option<PathBuf> {
        let bases: Vec<PathBuf> = if path.level > 0 {
            let mut base = from.path.parent()?.to_path_buf();
            for _ in 1..path.level {
                base = base.parent()?.to_path_buf();
            }
            vec![base]
        } else {
            self.roots.clone()
        };
        for base in bases {
            let mut candidate = base;
            for part in &path.parts {
                candidate.push(part);
            }
            let file = candidate.with_extension("py");
            if !path.parts.is_empty() && file.is_file() {
                return Some(file);
            }
            let package = candidate.join("__init__.py");
            if package.is_file() {
                return Some(package);
            }
        }
        None
    }

    /// What the dotted `name`, written in `module`, refers to.
    pub fn resolve(&self, module: &Rc<Module>, name: &str) -> Resolved {
        self.resolve_hops(module, name, 0)
    }

    fn resolve_hops(&self, module: &Rc<Module>, name: &str, hops: usize) -> Resolved {
        if hops > MAX_HOPS {
            return Resolved::Missing(name.to_string());
        }
        let (head, rest) = match name.split_once('.') {
            Some((head, rest)) => (head, Some(rest)),
            None => (name, None),
        };
        if let Some(class) = module.class(head) {
            return match rest {
                None => Resolved::Class(module.clone(), class),
                // A class nested in a class is not followed.
                Some(_) => Resolved::Missing(name.to_string()),
            };
        }
        if rest.is_none()
            && let Some(alias) = module.alias(head)
        {
            return Resolved::Alias(module.clone(), alias);
        }
        match module.imports.get(head) {
            Some(Import::Name(from, imported)) => {
                // `from pkg import models` binds a module when pkg/models.py exists.
                let as_module = from.joined(imported);
                if let Some(rest) = rest {
                    return self.resolve_in_module(module, &as_module, rest, hops);
                }
                match self.find(module, from).and_then(|p| self.load(&p)) {
                    Some(source) if source.defines(imported) => {
                        self.resolve_hops(&source, imported, hops + 1)
                    }
                    Some(source) => Resolved::Missing(format!("{}.{imported}", source.label)),
                    None if from.level > 0 => Resolved::Missing(name.to_string()),
                    None => Resolved::External(format!("{}.{imported}", from.dotted())),
                }
            }
            Some(Import::Module(path)) => match rest {
                Some(rest) => self.resolve_in_module(module, path, rest, hops),
                None => Resolved::External(path.dotted()),
            },
            None => Resolved::External(name.to_string()),
        }
    }

    /// `rest` (`models.Config`, `Config`) inside the module `path`, imported by `from`.
    fn resolve_in_module(
        &self,
        from: &Rc<Module>,
        path: &ModulePath,
        rest: &str,
        hops: usize,
    ) -> Resolved {
        let mut path = path.clone();
        let mut segments: Vec<&str> = rest.split('.').collect();
        let last = segments.pop().unwrap_or_default();
        for segment in segments {
            path = path.joined(segment);
        }
        match self.find(from, &path).and_then(|p| self.load(&p)) {
            Some(module) if module.defines(last) => self.resolve_hops(&module, last, hops + 1),
            Some(module) => Resolved::Missing(format!("{}.{last}", module.label)),
            None if path.level > 0 => Resolved::Missing(format!("{}.{last}", path.dotted())),
            None => Resolved::External(format!("{}.{last}", path.dotted())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = r#"
import typing
import pandas as pd
from pydantic import BaseModel, Field as F
from .models import (Retention as R,
    Other)

Choice = typing.Literal[True, False]
Ids: typing.TypeAlias = list[int]
type Pair = tuple[int, int]

@dataclass
class Point:
    """A point."""
    x: int
    y: int = 0

    def norm(self):
        z: int = 1
        return z

class Color(str, Enum):
    RED = "red"
"#;

    fn module() -> Module {
        Module::parse(SOURCE, PathBuf::from("/p/flows.py"), "flows.py".into()).unwrap()
    }

    #[test]
    fn reads_imports_aliases_and_classes() {
        let module = module();
        assert_eq!(
            module.imports["pd"],
            Import::Module(ModulePath {
                level: 0,
                parts: vec!["pandas".into()]
            })
        );
        assert!(matches!(&module.imports["R"], Import::Name(from, name)
            if from.level == 1 && from.parts == ["models"] && name == "Retention"));
        assert!(module.imports.contains_key("Other"));
        assert!(matches!(&module.imports["F"], Import::Name(_, name) if name == "Field"));
        for alias in ["Choice", "Ids", "Pair"] {
            assert!(module.alias(alias).is_some(), "{alias}");
        }
        let point = module.class("Point").unwrap();
        assert_eq!(point.docstring.as_deref(), Some("A point."));
        assert_eq!(point.decorators.len(), 1);
        let fields: Vec<&str> = point
            .body
            .iter()
            .filter_map(|s| match s {
                Statement::Field { name, .. } => Some(name.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(fields, ["x", "y"]);
        let color = module.class("Color").unwrap();
        assert_eq!(color.bases.len(), 2);
        assert!(matches!(&color.body[0], Statement::Assign { name, .. } if name == "RED"));
    }

    #[test]
    fn names_resolve_to_project_classes_or_outside_names() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("pkg")).unwrap();
        std::fs::write(dir.path().join("pkg/__init__.py"), "").unwrap();
        std::fs::write(
            dir.path().join("pkg/models.py"),
            "from pydantic import BaseModel\nclass Config(BaseModel):\n    x: int\n",
        )
        .unwrap();
        let flow = dir.path().join("flows.py");
        std::fs::write(
            &flow,
            "import pkg.models\nfrom pkg.models import Config as C\nfrom pkg import models\nfrom typing import Optional\n",
        )
        .unwrap();
        let modules = Modules::new(&flow, dir.path());
        let module = modules.load(&flow).unwrap();
        for name in ["C", "models.Config", "pkg.models.Config"] {
            assert!(
                matches!(modules.resolve(&module, name), Resolved::Class(_, c) if c.name == "Config"),
                "{name}"
            );
        }
        assert!(
            matches!(modules.resolve(&module, "Optional"), Resolved::External(n) if n == "typing.Optional")
        );
        assert!(matches!(modules.resolve(&module, "int"), Resolved::External(n) if n == "int"));
        assert!(matches!(
            modules.resolve(&module, "models.Nope"),
            Resolved::Missing(_)
        ));
    }
}
