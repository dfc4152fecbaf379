//! JSON schemas of Python types as pydantic 2 writes them for Prefect's parameter schema:
//! builtins and `typing` forms, and the project's own pydantic models, dataclasses,
//! TypedDicts and enums, which go under `definitions` and are referred to by `$ref`, exactly
//! as Prefect stores them. Prefect writes the schema in the deploying client, so it changes
//! with the client's release; ot2ctl follows the server's release ([`SchemaRules`]). Checked
//! against Prefect's own generator in `tests/flow_schema.rs`.

use std::collections::HashSet;
use std::rc::Rc;

use serde_json::{Map, Value, json};

use super::annotation::{Ann, parse_annotation};
use super::module::{ClassDef, Module, Modules, Resolved, Statement};
use crate::pysource::{Tok, cleandoc, literal, matching, split_top_level};

/// The key of a union's alternatives in a schema.
const ANY_OF: &str = "anyOf";

/// How far aliases and nested types are followed before giving up (a cycle of aliases).
const MAX_DEPTH: usize = 24;

/// Which Prefect release's parameter schema to write. The Python CLI writes the schema of its
/// own release; ot2ctl writes the one the server's release would (`GET /admin/version`), so a
/// deployment reads the same in the UI whichever CLI made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaRules {
    /// Prefect 3.8 with the pydantic its pins give (2.13): `*args` and `**kwargs` required and
    /// untyped; a Decimal's text form carries pydantic's pattern.
    Prefect38,
    /// Prefect 3.9 and later, with pydantic 2.14 as PyPI gives it: `*args` an optional list
    /// (default `[]`), `**kwargs` an optional object (default `{}`); no Decimal pattern.
    Prefect39,
}

impl SchemaRules {
    /// The newest rules: for a server whose release cannot be read (Prefect Cloud runs the
    /// newest).
    pub const NEWEST: SchemaRules = SchemaRules::Prefect39;

    /// The rules of a Prefect release as `/admin/version` writes it: `3.8.8`, `3.9.1`,
    /// `3.10.0.dev2`. `None` for text that is not a 3.x release.
    pub fn for_release(release: &str) -> Option<SchemaRules> {
        let mut parts = release.trim().split('.');
        let major: u32 = parts.next()?.parse().ok()?;
        let minor: u32 = parts
            .next()?
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .ok()?;
        match (major, minor) {
            (3, 0..=8) => Some(SchemaRules::Prefect38),
            (3, _) => Some(SchemaRules::Prefect39),
            _ => None,
        }
    }

    /// Whether `*args`/`**kwargs` are optional collections rather than required and untyped.
    pub fn variadic_collections(self) -> bool {
        self == SchemaRules::Prefect39
    }
}

/// What a class is to pydantic.
#[derive(Debug, Clone, PartialEq)]
enum ClassKind {
    /// A pydantic model; `forbid` when it refuses extra keys.
    Model {
        forbid: bool,
    },
    Dataclass,
    TypedDict {
        total: bool,
    },
    Enum,
    /// A class pydantic knows nothing about: Prefect stores `{}` for it.
    Plain,
    /// A class derived from something outside the project ot2ctl cannot read (a library's
    /// model, say): named, so the warning can say which.
    Unreadable(String),
}

/// One field of a model, dataclass or TypedDict, in declaration order.
#[derive(Debug, Clone)]
struct FieldSpec {
    name: String,
    module: Rc<Module>,
    annotation: std::ops::Range<usize>,
    value: Option<std::ops::Range<usize>>,
    line: usize,
    /// For a TypedDict: whether the dict must have the key.
    required_key: Option<bool>,
}

/// What `Field(...)` / `dataclasses.field(...)` or a plain default says about a field.
#[derive(Debug, Default, Clone)]
pub struct FieldArgs {
    pub default: Default,
    pub description: Option<String>,
    pub title: Option<String>,
    /// JSON schema keywords from constraints: (`minimum`, 0), (`maxLength`, 5).
    pub constraints: Vec<(ConstraintKey, Value)>,
    /// `Field(discriminator="kind")`: the union's models are told apart by this field.
    pub discriminator: Option<String>,
}

/// A field's or parameter's default, as JSON.
#[derive(Debug, Default, Clone, PartialEq)]
pub enum Default {
    /// None given: the value is required.
    #[default]
    Required,
    Value(Value),
    /// Made by a factory: optional, and pydantic shows no default.
    Factory,
    /// An expression ot2ctl cannot evaluate: optional, no default shown, with a warning.
    Opaque,
}

/// A pydantic constraint, whose JSON keyword depends on the type it applies to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ConstraintKey {
    Fixed(&'static str),
    MinLength,
    MaxLength,
}

/// Writes schemas, collecting the definitions they refer to and what could not be read.
pub struct SchemaWriter<'m> {
    modules: &'m Modules,
    rules: SchemaRules,
    definitions: Map<String, Value>,
    building: HashSet<String>,
    pub warnings: Vec<String>,
    /// Whose type is being read, for warnings: `parameter 'config'`.
    subject: String,
}

impl<'m> SchemaWriter<'m> {
    pub fn new(modules: &'m Modules, rules: SchemaRules) -> SchemaWriter<'m> {
        SchemaWriter {
            modules,
            rules,
            definitions: Map::new(),
            building: HashSet::new(),
            warnings: Vec::new(),
            subject: String::new(),
        }
    }

    /// The definitions every schema written so far refers to.
    pub fn into_definitions(self) -> (Map<String, Value>, Vec<String>) {
        (self.definitions, self.warnings)
    }

    /// The schema of a flow parameter's annotation, and the constraints of
    /// `Annotated[T, Field(...)]` (Prefect keeps those, and drops its description and title).
    pub fn parameter(
        &mut self,
        module: &Rc<Module>,
        name: &str,
        annotation: &[Tok],
        line: usize,
    ) -> Map<String, Value> {
        self.subject = format!("parameter '{name}'");
        let Some(ann) = parse_annotation(annotation) else {
            self.warn(
                module,
                line,
                &render(annotation),
                "is not an annotation ot2ctl can read",
            );
            return Map::new();
        };
        let (inner, args) = self.unwrap_annotated(module, &ann);
        let mut schema = self.type_schema(module, &inner, line, 0);
        apply_constraints(&mut schema, &args.constraints);
        self.discriminate(&mut schema, args.discriminator.as_deref());
        schema
    }

    /// A union told apart by `property` (`Field(discriminator=...)`), as pydantic writes it:
    /// `oneOf` the models, and a `discriminator` mapping each model's `Literal` value of that
    /// field to its definition. Left an `anyOf` when a model's field is not a `Literal`.
    fn discriminate(&self, schema: &mut Map<String, Value>, property: Option<&str>) {
        /// `{"$ref": "#/definitions/Name"}`.
        #[derive(serde::Deserialize)]
        struct Reference {
            #[serde(rename = "$ref")]
            reference: String,
        }
        /// A model's definition, its properties by name.
        #[derive(serde::Deserialize)]
        struct Definition {
            #[serde(default)]
            properties: Map<String, Value>,
        }
        /// A `Literal` field's schema: one `const`, or an `enum` of them.
        #[derive(serde::Deserialize)]
        struct Tag {
            #[serde(default, rename = "const")]
            single: Option<Value>,
            #[serde(default, rename = "enum")]
            several: Option<Vec<Value>>,
        }
        let Some(property) = property else { return };
        let Some(Value::Array(alternatives)) = schema.get(ANY_OF) else {
            return;
        };
        let mut mapping = Map::new();
        for alternative in alternatives {
            let Ok(Reference { reference }) = serde_json::from_value(alternative.clone()) else {
                return;
            };
            let name = reference.trim_start_matches("#/definitions/");
            let tag = self
                .definitions
                .get(name)
                .and_then(|d| serde_json::from_value::<Definition>(d.clone()).ok())
                .and_then(|d| d.properties.get(property).cloned())
                .and_then(|t| serde_json::from_value::<Tag>(t).ok());
            let values = match tag {
                Some(Tag {
                    single: Some(value),
                    ..
                }) => vec![value],
                Some(Tag {
                    several: Some(values),
                    ..
                }) => values,
                _ => return,
            };
            for value in values {
                let Value::String(key) = value else { return };
                mapping.insert(key, json!(reference));
            }
        }
        if let Some(alternatives) = schema.remove(ANY_OF) {
            schema.insert("oneOf".into(), alternatives);
            schema.insert(
                "discriminator".into(),
                json!({"mapping": mapping, "propertyName": property}),
            );
        }
    }

    /// The JSON of a default written in `module`: a literal, an enum member, a model or
    /// dataclass built from literals. `None` when ot2ctl cannot evaluate it.
    pub fn default_value(
        &mut self,
        module: &Rc<Module>,
        tokens: &[Tok],
        depth: usize,
    ) -> Option<Value> {
        if let Some(value) = literal(tokens) {
            return Some(value);
        }
        if depth > MAX_DEPTH {
            return None;
        }
        let (callee, arguments) = split_call(tokens);
        let name = dotted_name(callee)?;
        if let Some(arguments) = arguments {
            return match name.rsplit('.').next()? {
                "list" | "set" | "tuple" | "frozenset" if arguments.is_empty() => Some(json!([])),
                "dict" if arguments.is_empty() => Some(json!({})),
                _ => match self.modules.resolve(module, &name) {
                    Resolved::Class(owner, class) => {
                        self.instance(&owner, &class, arguments, depth + 1)
                    }
                    _ => None,
                },
            };
        }
        // `VOLUME = 120` at a module's top level: Prefect evaluates the name; ot2ctl follows
        // it to what it was assigned, and reads that as it reads a default (issue 23).
        if !name.contains('.')
            && let Resolved::Alias(owner, range) = self.modules.resolve(module, &name)
        {
            let assigned = owner.tokens(&range).to_vec();
            return self.default_value(&owner, &assigned, depth + 1);
        }
        // `Color.RED`: a member of an enum of the project.
        let (owner, member) = name.rsplit_once('.')?;
        match self.modules.resolve(module, owner) {
            Resolved::Class(owner_module, class)
                if self.kind(&owner_module, &class) == ClassKind::Enum =>
            {
                enum_members(&owner_module, &class)
                    .into_iter()
                    .find(|(name, _)| name == member)
                    .map(|(_, value)| value)
            }
            _ => None,
        }
    }

    /// What `Field(...)`, `dataclasses.field(...)` or a plain default says.
    pub fn field_args(&mut self, module: &Rc<Module>, value: Option<&[Tok]>) -> FieldArgs {
        let Some(tokens) = value else {
            return FieldArgs::default();
        };
        // `x: Model = (Field(...))`: black wraps a long default in parentheses.
        let tokens = crate::pysource::unparenthesised(tokens);
        let (callee, arguments) = split_call(tokens);
        let is_field = dotted_name(callee).is_some_and(|name| {
            matches!(name.rsplit('.').next(), Some("Field" | "field"))
                && matches!(
                    self.modules.resolve(module, &name),
                    Resolved::External(path) if path.starts_with("pydantic") || path.starts_with("dataclasses")
                        || path == "Field" || path == "field"
                )
        });
        let (true, Some(arguments)) = (is_field, arguments) else {
            return FieldArgs {
                default: match self.default_value(module, tokens, 0) {
                    Some(value) => Default::Value(value),
                    None => Default::Opaque,
                },
                ..FieldArgs::default()
            };
        };
        let mut args = FieldArgs::default();
        for (position, argument) in split_top_level(arguments).into_iter().enumerate() {
            let (key, value) = match argument {
                [Tok::Name(key), Tok::Op(eq), value @ ..] if eq == "=" => (key.as_str(), value),
                value if position == 0 => ("default", value),
                _ => continue,
            };
            match key {
                "default" if matches!(value, [Tok::Op(dots)] if dots == "...") => {
                    args.default = Default::Required;
                }
                "default" => {
                    args.default = match self.default_value(module, value, 0) {
                        Some(value) => Default::Value(value),
                        None => Default::Opaque,
                    }
                }
                "default_factory" => {
                    args.default = Default::Factory;
                }
                "discriminator" => {
                    if let Some(Value::String(text)) = literal(value) {
                        args.discriminator = Some(text);
                    }
                }
                "description" | "title" => {
                    if let Some(Value::String(text)) = literal(value) {
                        if key == "description" {
                            args.description = Some(text);
                        } else {
                            args.title = Some(text);
                        }
                    }
                }
                other => {
                    let keyword = match other {
                        "ge" => ConstraintKey::Fixed("minimum"),
                        "gt" => ConstraintKey::Fixed("exclusiveMinimum"),
                        "le" => ConstraintKey::Fixed("maximum"),
                        "lt" => ConstraintKey::Fixed("exclusiveMaximum"),
                        "multiple_of" => ConstraintKey::Fixed("multipleOf"),
                        "pattern" => ConstraintKey::Fixed("pattern"),
                        "examples" => ConstraintKey::Fixed("examples"),
                        "min_length" => ConstraintKey::MinLength,
                        "max_length" => ConstraintKey::MaxLength,
                        _ => continue,
                    };
                    if let Some(value) = literal(value) {
                        args.constraints.push((keyword, value));
                    }
                }
            }
        }
        args
    }

    fn warn(&mut self, module: &Module, line: usize, written: &str, problem: &str) {
        self.warnings.push(format!(
            "{}:{line}: {}: type '{written}' {problem}, so any value is accepted (what Prefect \
             stores for a type it cannot describe)",
            module.label, self.subject
        ));
    }

    /// `Annotated[T, Field(...), ...]` → (T, what the Field(...) says); anything else as is.
    fn unwrap_annotated(&mut self, module: &Rc<Module>, ann: &Ann) -> (Ann, FieldArgs) {
        match ann {
            Ann::Generic(name, inner)
                if !inner.is_empty() && self.is_typing(module, name, "Annotated") =>
            {
                let (nested, mut args) = self.unwrap_annotated(module, &inner[0]);
                let outer = self.metadata(module, &inner[1..]);
                args.description = outer.description.or(args.description);
                args.title = outer.title.or(args.title);
                args.discriminator = outer.discriminator.or(args.discriminator);
                args.constraints.extend(outer.constraints);
                (nested, args)
            }
            other => (other.clone(), FieldArgs::default()),
        }
    }

    /// What the `Field(...)` items of `Annotated[T, ...]` say; other metadata means nothing
    /// to pydantic.
    fn metadata(&mut self, module: &Rc<Module>, metadata: &[Ann]) -> FieldArgs {
        let mut args = FieldArgs::default();
        for meta in metadata {
            if let Ann::Meta(tokens) = meta {
                let found = self.field_args(module, Some(tokens));
                args.description = found.description.or(args.description);
                args.title = found.title.or(args.title);
                args.discriminator = found.discriminator.or(args.discriminator);
                args.constraints.extend(found.constraints);
            }
        }
        args
    }

    /// Whether `name` in `module` is the typing form `form` (`Optional`, `typing.Annotated`).
    fn is_typing(&self, module: &Rc<Module>, name: &str, form: &str) -> bool {
        name.rsplit('.').next() == Some(form)
            && matches!(self.modules.resolve(module, name), Resolved::External(_))
    }

    fn type_schema(
        &mut self,
        module: &Rc<Module>,
        ann: &Ann,
        line: usize,
        depth: usize,
    ) -> Map<String, Value> {
        if depth > MAX_DEPTH {
            self.warn(
                module,
                line,
                &describe(ann),
                "refers to itself through aliases",
            );
            return Map::new();
        }
        match ann {
            Ann::Ellipsis | Ann::Meta(_) => Map::new(),
            Ann::Literal(Value::Null) => object(json!({"type": "null"})),
            Ann::Literal(_) => Map::new(),
            Ann::Union(alternatives) => self.union(module, alternatives, line, depth),
            Ann::Generic(name, args) => match self.modules.resolve(module, name) {
                Resolved::Class(owner, class) => self.class_reference(&owner, &class, line),
                Resolved::Alias(owner, range) => match parse_annotation(owner.tokens(&range)) {
                    Some(aliased) => {
                        let alias_line = owner.line_of(range.start);
                        let (inner, constraints) = self.unwrap_annotated(&owner, &aliased);
                        let mut schema = self.type_schema(&owner, &inner, alias_line, depth + 1);
                        apply_constraints(&mut schema, &constraints.constraints);
                        schema
                    }
                    None => {
                        let written = render(owner.tokens(&range));
                        self.warn(
                            &owner,
                            owner.line_of(range.start),
                            &format!("{name} = {written}"),
                            "is not an annotation ot2ctl can read",
                        );
                        Map::new()
                    }
                },
                Resolved::Missing(path) => {
                    self.warn(
                        module,
                        line,
                        name,
                        &format!("names {path}, which the project does not define"),
                    );
                    Map::new()
                }
                Resolved::External(path) => match self.external(module, &path, args, line, depth) {
                    Some(schema) => schema,
                    None => {
                        self.warn(
                            module,
                            line,
                            &describe(ann),
                            "is not one ot2ctl knows (a library's class?)",
                        );
                        Map::new()
                    }
                },
            },
        }
    }

    /// Builtins, `typing`, `datetime`, `uuid`, `pathlib` and pydantic's own types, by the
    /// last part of their name. `None` for a name ot2ctl does not know.
    fn external(
        &mut self,
        module: &Rc<Module>,
        path: &str,
        args: &[Ann],
        line: usize,
        depth: usize,
    ) -> Option<Map<String, Value>> {
        let short = path.rsplit('.').next().unwrap_or(path);
        let item = |this: &mut Self, ann: &Ann| {
            Value::Object(this.type_schema(module, ann, line, depth + 1))
        };
        let schema = match (short, args) {
            ("int", []) => json!({"type": "integer"}),
            ("float", []) => json!({"type": "number"}),
            ("str", []) => json!({"type": "string"}),
            ("bool", []) => json!({"type": "boolean"}),
            ("bytes", []) => json!({"type": "string", "format": "binary"}),
            ("NoneType", []) => json!({"type": "null"}),
            ("datetime", []) => json!({"type": "string", "format": "date-time"}),
            ("date", []) => json!({"type": "string", "format": "date"}),
            ("time", []) => json!({"type": "string", "format": "time"}),
            ("timedelta", []) => json!({"type": "string", "format": "duration"}),
            ("UUID", []) => json!({"type": "string", "format": "uuid"}),
            ("Path" | "PosixPath" | "PurePath", []) => json!({"type": "string", "format": "path"}),
            ("SecretStr", []) => json!({"type": "string", "format": "password", "writeOnly": true}),
            ("Decimal", []) => match self.rules {
                SchemaRules::Prefect38 => json!({"anyOf": [
                    {"type": "number"},
                    {"type": "string", "pattern": r"^(?!^[-+.]*$)[+-]?0*\d*\.?\d*$"},
                ]}),
                SchemaRules::Prefect39 => {
                    json!({"anyOf": [{"type": "number"}, {"type": "string"}]})
                }
            },
            ("Any" | "object", []) => json!({}),
            ("list" | "List" | "Sequence" | "Iterable" | "MutableSequence", []) => {
                json!({"type": "array", "items": {}})
            }
            ("list" | "List" | "Sequence" | "Iterable" | "MutableSequence", [inner]) => {
                json!({"type": "array", "items": item(self, inner)})
            }
            ("set" | "Set" | "frozenset" | "FrozenSet" | "AbstractSet", []) => {
                json!({"type": "array", "items": {}, "uniqueItems": true})
            }
            ("set" | "Set" | "frozenset" | "FrozenSet" | "AbstractSet", [inner]) => {
                json!({"type": "array", "items": item(self, inner), "uniqueItems": true})
            }
            ("tuple" | "Tuple", []) => json!({"type": "array", "items": {}}),
            ("tuple" | "Tuple", [inner, Ann::Ellipsis]) => {
                json!({"type": "array", "items": item(self, inner)})
            }
            ("tuple" | "Tuple", items) => {
                let prefix: Vec<Value> = items.iter().map(|i| item(self, i)).collect();
                json!({
                    "type": "array",
                    "prefixItems": prefix,
                    "minItems": items.len(),
                    "maxItems": items.len(),
                })
            }
            ("dict" | "Dict" | "Mapping" | "MutableMapping", []) => {
                json!({"type": "object", "additionalProperties": true})
            }
            ("dict" | "Dict" | "Mapping" | "MutableMapping", [_, value]) => {
                let values = match value {
                    Ann::Generic(name, inner)
                        if inner.is_empty() && self.is_typing(module, name, "Any") =>
                    {
                        json!(true)
                    }
                    other => item(self, other),
                };
                json!({"type": "object", "additionalProperties": values})
            }
            ("Optional", [inner]) => {
                return Some(self.union(
                    module,
                    &[inner.clone(), Ann::Literal(Value::Null)],
                    line,
                    depth,
                ));
            }
            ("Union", alternatives) => return Some(self.union(module, alternatives, line, depth)),
            ("Literal", values) => return Some(literal_schema(values)),
            ("Annotated", [inner, metadata @ ..]) => {
                let annotated = self.metadata(module, metadata);
                let mut schema = self.type_schema(module, inner, line, depth + 1);
                apply_constraints(&mut schema, &annotated.constraints);
                return Some(schema);
            }
            ("Required" | "NotRequired" | "Final", [inner]) => {
                return Some(self.type_schema(module, inner, line, depth + 1));
            }
            _ => return None,
        };
        Some(object(schema))
    }

    /// `anyOf` of the flattened alternatives, as pydantic writes a union.
    fn union(
        &mut self,
        module: &Rc<Module>,
        alternatives: &[Ann],
        line: usize,
        depth: usize,
    ) -> Map<String, Value> {
        let mut flat: Vec<Ann> = Vec::new();
        self.flatten_union(module, alternatives, &mut flat);
        let mut schemas: Vec<Value> = Vec::new();
        for alternative in &flat {
            let schema = Value::Object(self.type_schema(module, alternative, line, depth + 1));
            if !schemas.contains(&schema) {
                schemas.push(schema);
            }
        }
        if schemas.len() == 1 {
            return match schemas.pop() {
                Some(Value::Object(map)) => map,
                _ => Map::new(),
            };
        }
        let mut map = Map::new();
        map.insert("anyOf".into(), Value::Array(schemas));
        map
    }

    fn flatten_union(&self, module: &Rc<Module>, alternatives: &[Ann], flat: &mut Vec<Ann>) {
        for alternative in alternatives {
            match alternative {
                Ann::Union(inner) => self.flatten_union(module, inner, flat),
                Ann::Generic(name, inner) if self.is_typing(module, name, "Union") => {
                    self.flatten_union(module, inner, flat)
                }
                Ann::Generic(name, inner)
                    if inner.len() == 1 && self.is_typing(module, name, "Optional") =>
                {
                    self.flatten_union(module, &[inner[0].clone(), Ann::Literal(Value::Null)], flat)
                }
                other => flat.push(other.clone()),
            }
        }
    }

    /// Whether pydantic leaves the title off a field of this type: a field whose schema is a
    /// reference (a model, an enum), or an optional one.
    fn is_reference(&self, module: &Rc<Module>, ann: &Ann, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        let non_null = |alternatives: &[Ann]| -> Vec<Ann> {
            alternatives
                .iter()
                .filter(|a| **a != Ann::Literal(Value::Null))
                .cloned()
                .collect()
        };
        match ann {
            Ann::Union(alternatives) => {
                let rest = non_null(alternatives);
                rest.len() == 1 && self.is_reference(module, &rest[0], depth + 1)
            }
            Ann::Generic(name, args) => match self.modules.resolve(module, name) {
                Resolved::Class(owner, class) => !matches!(
                    self.kind(&owner, &class),
                    ClassKind::Plain | ClassKind::Unreadable(_)
                ),
                Resolved::Alias(owner, range) => parse_annotation(owner.tokens(&range))
                    .is_some_and(|aliased| self.is_reference(&owner, &aliased, depth + 1)),
                Resolved::External(path) => {
                    let short = path.rsplit('.').next().unwrap_or(&path);
                    match (short, args.as_slice()) {
                        ("Optional", [inner]) => self.is_reference(module, inner, depth + 1),
                        ("Union", alternatives) => {
                            let rest = non_null(alternatives);
                            rest.len() == 1 && self.is_reference(module, &rest[0], depth + 1)
                        }
                        ("Annotated" | "Required" | "NotRequired", [inner, ..]) => {
                            self.is_reference(module, inner, depth + 1)
                        }
                        _ => false,
                    }
                }
                Resolved::Missing(_) => false,
            },
            _ => false,
        }
    }

    fn kind(&self, module: &Rc<Module>, class: &ClassDef) -> ClassKind {
        self.kind_at(module, class, 0)
    }

    fn kind_at(&self, module: &Rc<Module>, class: &ClassDef, depth: usize) -> ClassKind {
        if depth > MAX_DEPTH {
            return ClassKind::Unreadable(class.name.clone());
        }
        let is_dataclass = class.decorators.iter().any(|range| {
            let (callee, _) = split_call(module.tokens(range));
            dotted_name(callee).is_some_and(|n| n.rsplit('.').next() == Some("dataclass"))
        });
        if is_dataclass {
            return ClassKind::Dataclass;
        }
        let keyword = |name: &str| {
            class
                .keywords
                .iter()
                .find(|(key, _)| key == name)
                .and_then(|(_, range)| literal(module.tokens(range)))
        };
        let mut unreadable = None;
        let mut saw_enum = false;
        for base in &class.bases {
            let Some(name) = dotted_name(module.tokens(base)) else {
                // `Generic[T]`, `BaseModel, metaclass=...`: not followed.
                unreadable = Some(render(module.tokens(base)));
                continue;
            };
            match self.modules.resolve(module, &name) {
                Resolved::Class(owner, parent) => match self.kind_at(&owner, &parent, depth + 1) {
                    ClassKind::Model { forbid } => {
                        return ClassKind::Model {
                            forbid: forbid || model_forbids(module, class),
                        };
                    }
                    ClassKind::Plain => {}
                    ClassKind::TypedDict { .. } => {
                        return ClassKind::TypedDict {
                            total: keyword("total") != Some(Value::Bool(false)),
                        };
                    }
                    other => return other,
                },
                Resolved::External(path) => match path.rsplit('.').next().unwrap_or(&path) {
                    "BaseModel" => {
                        return ClassKind::Model {
                            forbid: model_forbids(module, class),
                        };
                    }
                    "TypedDict" => {
                        return ClassKind::TypedDict {
                            total: keyword("total") != Some(Value::Bool(false)),
                        };
                    }
                    "Enum" | "IntEnum" | "StrEnum" | "Flag" | "IntFlag" => saw_enum = true,
                    "object" | "str" | "int" | "float" | "ABC" | "Generic" | "Protocol" => {}
                    _ => unreadable = Some(path),
                },
                Resolved::Alias(..) | Resolved::Missing(_) => unreadable = Some(name),
            }
        }
        if saw_enum {
            return ClassKind::Enum;
        }
        match unreadable {
            Some(base) => ClassKind::Unreadable(base),
            None => ClassKind::Plain,
        }
    }

    /// `{"$ref": ...}` to the class's definition (written on first use), or `{}` for a class
    /// pydantic does not describe.
    fn class_reference(
        &mut self,
        module: &Rc<Module>,
        class: &Rc<ClassDef>,
        line: usize,
    ) -> Map<String, Value> {
        let kind = self.kind(module, class);
        match kind {
            ClassKind::Plain => return Map::new(),
            ClassKind::Unreadable(base) => {
                self.warn(
                    module,
                    line,
                    &class.name,
                    &format!("derives from {base}, which ot2ctl cannot read"),
                );
                return Map::new();
            }
            _ => {}
        }
        let key = class.name.clone();
        if !self.definitions.contains_key(&key) && self.building.insert(key.clone()) {
            let definition = self.definition(module, class, &kind);
            self.definitions
                .insert(key.clone(), Value::Object(definition));
            self.building.remove(&key);
        }
        object(json!({"$ref": format!("#/definitions/{key}")}))
    }

    fn definition(
        &mut self,
        module: &Rc<Module>,
        class: &Rc<ClassDef>,
        kind: &ClassKind,
    ) -> Map<String, Value> {
        let mut schema = Map::new();
        schema.insert("title".into(), json!(class.name));
        if let Some(doc) = &class.docstring {
            schema.insert("description".into(), json!(cleandoc(doc)));
        }
        if *kind == ClassKind::Enum {
            let values: Vec<Value> = enum_members(module, class)
                .into_iter()
                .map(|(_, v)| v)
                .collect();
            if let Some(json_type) = common_type(&values) {
                schema.insert("type".into(), json!(json_type));
            }
            schema.insert("enum".into(), Value::Array(values));
            return schema;
        }
        let saved = self.subject.clone();
        let mut properties = Map::new();
        let mut required = Vec::new();
        for field in self.fields(module, class, 0) {
            self.subject = format!("{saved} (field '{}' of {})", field.name, class.name);
            let (property, is_required) = self.field_property(&field, kind);
            if is_required {
                required.push(json!(field.name));
            }
            properties.insert(field.name.clone(), Value::Object(property));
        }
        self.subject = saved;
        schema.insert("type".into(), json!("object"));
        schema.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            schema.insert("required".into(), Value::Array(required));
        }
        if *kind == (ClassKind::Model { forbid: true }) {
            schema.insert("additionalProperties".into(), json!(false));
        }
        schema
    }

    /// The fields of a class and of the project classes it derives from, parents first, a
    /// redefined field keeping its first place.
    fn fields(&self, module: &Rc<Module>, class: &ClassDef, depth: usize) -> Vec<FieldSpec> {
        let mut fields: Vec<FieldSpec> = Vec::new();
        if depth > MAX_DEPTH {
            return fields;
        }
        let merge = |field: FieldSpec, fields: &mut Vec<FieldSpec>| match fields
            .iter_mut()
            .find(|f| f.name == field.name)
        {
            Some(existing) => *existing = field,
            None => fields.push(field),
        };
        for base in class.bases.iter().rev() {
            if let Some(name) = dotted_name(module.tokens(base))
                && let Resolved::Class(owner, parent) = self.modules.resolve(module, &name)
            {
                for field in self.fields(&owner, &parent, depth + 1) {
                    merge(field, &mut fields);
                }
            }
        }
        for statement in &class.body {
            let Statement::Field {
                name,
                annotation,
                value,
                line,
            } = statement
            else {
                continue;
            };
            if name.starts_with('_') || name == "model_config" {
                continue;
            }
            let parsed = parse_annotation(module.tokens(annotation));
            let outer_short = match &parsed {
                Some(Ann::Generic(name, _)) => name.rsplit('.').next(),
                _ => None,
            };
            if matches!(outer_short, Some("ClassVar" | "InitVar")) {
                continue;
            }
            let required_key = match outer_short {
                Some("Required") => Some(true),
                Some("NotRequired") => Some(false),
                _ => None,
            };
            merge(
                FieldSpec {
                    name: name.clone(),
                    module: module.clone(),
                    annotation: annotation.clone(),
                    value: value.clone(),
                    line: *line,
                    required_key,
                },
                &mut fields,
            );
        }
        fields
    }

    /// One field's property and whether it is required.
    fn field_property(
        &mut self,
        field: &FieldSpec,
        kind: &ClassKind,
    ) -> (Map<String, Value>, bool) {
        let module = &field.module;
        let tokens = module.tokens(&field.annotation).to_vec();
        let Some(ann) = parse_annotation(&tokens) else {
            self.warn(
                module,
                field.line,
                &render(&tokens),
                "is not an annotation ot2ctl can read",
            );
            let mut property = Map::new();
            property.insert("title".into(), json!(python_title(&field.name)));
            return (property, field.value.is_none());
        };
        let (inner, annotated) = self.unwrap_annotated(module, &ann);
        let mut schema = self.type_schema(module, &inner, field.line, 0);
        let value = field.value.as_ref().map(|r| module.tokens(r).to_vec());
        let mut args = self.field_args(module, value.as_deref());
        if args.default == Default::Opaque {
            self.warnings.push(format!(
                "{}:{}: {}: its default is not a literal, so the schema has no default",
                module.label, field.line, self.subject
            ));
        }
        args.description = args.description.or(annotated.description);
        args.title = args.title.or(annotated.title);
        let mut constraints = annotated.constraints;
        constraints.extend(args.constraints.iter().cloned());
        apply_constraints(&mut schema, &constraints);
        let discriminator = args.discriminator.clone().or(annotated.discriminator);
        self.discriminate(&mut schema, discriminator.as_deref());
        let title = args
            .title
            .clone()
            .or_else(|| (!self.is_reference(module, &inner, 0)).then(|| python_title(&field.name)));
        if let Some(title) = title {
            schema.insert("title".into(), json!(title));
        }
        if let Some(description) = args.description {
            schema.insert("description".into(), json!(description));
        }
        let required = match kind {
            ClassKind::TypedDict { total } => field.required_key.unwrap_or(*total),
            _ => {
                if let Default::Value(value) = &args.default {
                    schema.insert("default".into(), value.clone());
                }
                args.default == Default::Required
            }
        };
        (schema, required)
    }

    /// A model or dataclass built from literal arguments, as pydantic dumps it to JSON: every
    /// field, given or defaulted, in order.
    fn instance(
        &mut self,
        module: &Rc<Module>,
        class: &Rc<ClassDef>,
        arguments: &[Tok],
        depth: usize,
    ) -> Option<Value> {
        let kind = self.kind(module, class);
        if !matches!(kind, ClassKind::Model { .. } | ClassKind::Dataclass) {
            return None;
        }
        let fields = self.fields(module, class, 0);
        let mut given: Vec<(Option<String>, &[Tok])> = Vec::new();
        for argument in split_top_level(arguments) {
            match argument {
                [Tok::Name(key), Tok::Op(eq), value @ ..] if eq == "=" => {
                    given.push((Some(key.clone()), value))
                }
                value => given.push((None, value)),
            }
        }
        let mut dump = Map::new();
        for (position, field) in fields.iter().enumerate() {
            let passed = given
                .iter()
                .find(|(key, _)| key.as_deref() == Some(field.name.as_str()))
                .or_else(|| given.get(position).filter(|(key, _)| key.is_none()))
                .map(|(_, value)| *value);
            let value = match passed {
                Some(tokens) => self.default_value(module, tokens, depth + 1)?,
                None => {
                    let written = field
                        .value
                        .as_ref()
                        .map(|r| field.module.tokens(r).to_vec());
                    match self.field_args(&field.module, written.as_deref()).default {
                        Default::Value(value) => value,
                        Default::Factory => factory_value(&field.module, field.value.as_ref())?,
                        Default::Required | Default::Opaque => return None,
                    }
                }
            };
            dump.insert(field.name.clone(), value);
        }
        Some(Value::Object(dump))
    }
}

/// What `default_factory=list` (or dict, set, tuple) makes.
fn factory_value(module: &Module, value: Option<&std::ops::Range<usize>>) -> Option<Value> {
    let tokens = module.tokens(value?);
    let (_, arguments) = split_call(tokens);
    for argument in split_top_level(arguments?) {
        if let [Tok::Name(key), Tok::Op(eq), Tok::Name(factory)] = argument
            && key == "default_factory"
            && eq == "="
        {
            return match factory.as_str() {
                "list" | "set" | "tuple" | "frozenset" => Some(json!([])),
                "dict" => Some(json!({})),
                "str" => Some(json!("")),
                "int" => Some(json!(0)),
                _ => None,
            };
        }
    }
    None
}

/// The members of an enum and their values (`auto()` numbered from 1, or the lowercase name
/// in a StrEnum).
fn enum_members(module: &Module, class: &ClassDef) -> Vec<(String, Value)> {
    let is_str_enum = class.bases.iter().any(|b| {
        dotted_name(module.tokens(b)).is_some_and(|n| n.rsplit('.').next() == Some("StrEnum"))
    });
    let mut members = Vec::new();
    let mut next_auto = 1;
    for statement in &class.body {
        let Statement::Assign { name, value, .. } = statement else {
            continue;
        };
        if name.starts_with('_') {
            continue;
        }
        let tokens = module.tokens(value);
        let value = match tokens {
            [Tok::Name(auto), Tok::Op(open), Tok::Op(close)]
                if auto == "auto" && open == "(" && close == ")" =>
            {
                if is_str_enum {
                    json!(name.to_lowercase())
                } else {
                    next_auto += 1;
                    json!(next_auto - 1)
                }
            }
            tokens => match literal(tokens) {
                Some(value) => {
                    if let Some(n) = value.as_i64() {
                        next_auto = n + 1;
                    }
                    value
                }
                None => continue,
            },
        };
        members.push((name.clone(), value));
    }
    members
}

/// Whether a model refuses extra keys: `model_config = ConfigDict(extra="forbid")`, a dict,
/// or the class keyword.
fn model_forbids(module: &Module, class: &ClassDef) -> bool {
    let forbids = |tokens: &[Tok]| {
        tokens.windows(3).any(|w| {
            matches!(&w[0], Tok::Name(k) if k == "extra")
                && matches!(&w[1], Tok::Op(op) if op == "=")
                && matches!(&w[2], Tok::Str { value, .. } if value == "forbid")
        }) || tokens.windows(3).any(|w| {
            matches!(&w[0], Tok::Str { value, .. } if value == "extra")
                && matches!(&w[1], Tok::Op(op) if op == ":")
                && matches!(&w[2], Tok::Str { value, .. } if value == "forbid")
        })
    };
    let keyword = class.keywords.iter().any(|(key, range)| {
        key == "extra" && literal(module.tokens(range)) == Some(json!("forbid"))
    });
    keyword
        || class.body.iter().any(|statement| match statement {
            Statement::Assign { name, value, .. }
            | Statement::Field {
                name,
                value: Some(value),
                ..
            } if name == "model_config" => forbids(module.tokens(value)),
            _ => false,
        })
}

/// Applies pydantic constraints to a schema; lengths become `minLength` on strings and
/// `minItems` on arrays.
fn apply_constraints(schema: &mut Map<String, Value>, constraints: &[(ConstraintKey, Value)]) {
    let is_array = crate::api::parameters::is_array_schema(schema);
    for (key, value) in constraints {
        let keyword = match key {
            ConstraintKey::Fixed(keyword) => *keyword,
            ConstraintKey::MinLength if is_array => "minItems",
            ConstraintKey::MinLength => "minLength",
            ConstraintKey::MaxLength if is_array => "maxItems",
            ConstraintKey::MaxLength => "maxLength",
        };
        schema.insert(keyword.into(), value.clone());
    }
}

/// `Literal[...]`: `const` for one value, `enum` for several, with `type` when they share one.
fn literal_schema(values: &[Ann]) -> Map<String, Value> {
    let values: Vec<Value> = values
        .iter()
        .filter_map(|v| match v {
            Ann::Literal(value) => Some(value.clone()),
            _ => None,
        })
        .collect();
    let mut map = Map::new();
    if values.len() == 1 {
        map.insert("const".into(), values[0].clone());
    } else {
        map.insert("enum".into(), Value::Array(values.clone()));
    }
    if let Some(json_type) = common_type(&values) {
        map.insert("type".into(), json!(json_type));
    }
    map
}

/// The JSON type all these values share, if they share one.
fn common_type(values: &[Value]) -> Option<&'static str> {
    let json_type = |value: &Value| match value {
        Value::String(_) => Some("string"),
        Value::Bool(_) => Some("boolean"),
        Value::Number(n) if n.is_f64() => Some("number"),
        Value::Number(_) => Some("integer"),
        Value::Null => Some("null"),
        _ => None,
    };
    let first = json_type(values.first()?)?;
    values
        .iter()
        .all(|v| json_type(v) == Some(first))
        .then_some(first)
}

/// Python's `str.title()` with `_` as a space, as pydantic titles a field.
pub fn python_title(name: &str) -> String {
    let mut title = String::with_capacity(name.len());
    let mut previous_cased = false;
    for c in name.chars() {
        if c.is_alphabetic() {
            if previous_cased {
                title.extend(c.to_lowercase());
            } else {
                title.extend(c.to_uppercase());
            }
            previous_cased = true;
        } else {
            title.push(if c == '_' { ' ' } else { c });
            previous_cased = false;
        }
    }
    title.trim().to_string()
}

/// `name(...)` → (`name` tokens, Some(argument tokens)); anything else → (tokens, None).
fn split_call(tokens: &[Tok]) -> (&[Tok], Option<&[Tok]>) {
    if let Some(open) = tokens.iter().position(|t| *t == Tok::Op("(".into()))
        && matching(tokens, open) == Some(tokens.len() - 1)
    {
        return (&tokens[..open], Some(&tokens[open + 1..tokens.len() - 1]));
    }
    (tokens, None)
}

/// `a.b.c` as one string, if the tokens are exactly a dotted name.
fn dotted_name(tokens: &[Tok]) -> Option<String> {
    let mut name = String::new();
    for (index, token) in tokens.iter().enumerate() {
        match (index % 2, token) {
            (0, Tok::Name(part)) => name.push_str(part),
            (1, Tok::Op(dot)) if dot == "." => name.push('.'),
            _ => return None,
        }
    }
    (!name.is_empty() && !name.ends_with('.')).then_some(name)
}

/// Tokens back to (roughly) the text they came from, for messages.
fn render(tokens: &[Tok]) -> String {
    let mut text = String::new();
    for token in tokens {
        let piece = match token {
            Tok::Name(name) | Tok::Number(name) => name.clone(),
            Tok::Str { value, .. } => format!("{value:?}"),
            Tok::Op(op) => op.clone(),
            Tok::Newline => continue,
        };
        let glue = matches!(token, Tok::Op(op) if [".", "[", "]", "(", ")", ","].contains(&op.as_str()))
            || text.ends_with(['.', '[', '(']);
        if !text.is_empty() && !glue {
            text.push(' ');
        }
        text.push_str(&piece);
        if matches!(token, Tok::Op(op) if op == ",") {
            text.push(' ');
        }
    }
    text
}

/// An annotation back to text, for messages.
fn describe(ann: &Ann) -> String {
    match ann {
        Ann::Generic(name, args) if args.is_empty() => name.clone(),
        Ann::Generic(name, args) => format!(
            "{name}[{}]",
            args.iter().map(describe).collect::<Vec<_>>().join(", ")
        ),
        Ann::Union(alternatives) => alternatives
            .iter()
            .map(describe)
            .collect::<Vec<_>>()
            .join(" | "),
        Ann::Literal(value) => value.to_string(),
        Ann::Ellipsis => "...".into(),
        Ann::Meta(tokens) => render(tokens),
    }
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_follow_the_release_the_server_reports() {
        let rules = |release| SchemaRules::for_release(release);
        assert_eq!(rules("3.8.8"), Some(SchemaRules::Prefect38));
        assert_eq!(rules("3.1.0"), Some(SchemaRules::Prefect38));
        assert_eq!(rules("3.9.1"), Some(SchemaRules::Prefect39));
        assert_eq!(rules("3.10.0.dev2"), Some(SchemaRules::Prefect39));
        assert_eq!(rules("3.9rc1"), Some(SchemaRules::Prefect39));
        assert_eq!(rules("2.20.3"), None);
        assert_eq!(rules("unknown"), None);
    }

    #[test]
    fn titles_follow_python() {
        assert_eq!(python_title("dry_run"), "Dry Run");
        assert_eq!(python_title("x2y"), "X2Y");
        assert_eq!(python_title("HTTPPort"), "Httpport");
        assert_eq!(python_title("_x_"), "X");
    }
}
