//! Type annotations as written: `list[int]`, `Optional["Config"]`, `X | None`,
//! `Annotated[int, Field(ge=0)]`. Names are kept as written; what they mean is decided where
//! the module they were written in is known (`schema`).

use serde_json::Value;

use crate::pysource::{Tok, literal, split_on, split_top_level, tokenize};

/// An annotation, parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum Ann {
    /// A dotted name with optional subscript arguments: `list[int]`, `typing.Optional[str]`.
    Generic(String, Vec<Ann>),
    /// `a | b`.
    Union(Vec<Ann>),
    /// A literal inside `Literal[...]` (or `None`).
    Literal(Value),
    /// `...` inside `tuple[int, ...]`.
    Ellipsis,
    /// Metadata after the type in `Annotated[T, ...]`, as tokens: `Field(ge=0)`, `"a note"`.
    Meta(Vec<Tok>),
}

/// An annotation: `X`, `X[...]`, `X | Y`, or a string holding one. `None` when the tokens are
/// not an annotation ot2ctl can read.
pub fn parse_annotation(tokens: &[Tok]) -> Option<Ann> {
    let alternatives: Vec<Ann> = split_on(tokens, "|")
        .into_iter()
        .map(parse_atom)
        .collect::<Option<_>>()?;
    match alternatives.len() {
        0 => None,
        1 => alternatives.into_iter().next(),
        _ => Some(Ann::Union(alternatives)),
    }
}

fn parse_atom(tokens: &[Tok]) -> Option<Ann> {
    match tokens {
        [Tok::Str { value, .. }] => {
            // A forward reference: Prefect evaluates it.
            let inner = tokenize(value).ok()?;
            parse_annotation(&inner[..inner.len() - 1])
        }
        [Tok::Name(none)] if none == "None" => Some(Ann::Literal(Value::Null)),
        [Tok::Op(dots)] if dots == "..." => Some(Ann::Ellipsis),
        _ => {
            let mut name = String::new();
            let mut index = 0;
            while let Some(Tok::Name(part)) = tokens.get(index) {
                name.push_str(part);
                index += 1;
                if tokens.get(index) == Some(&Tok::Op(".".into())) {
                    name.push('.');
                    index += 1;
                } else {
                    break;
                }
            }
            if name.is_empty() || name.ends_with('.') {
                return None;
            }
            let rest = &tokens[index..];
            if rest.is_empty() {
                return Some(Ann::Generic(name, Vec::new()));
            }
            if rest.first() != Some(&Tok::Op("[".into()))
                || rest.last() != Some(&Tok::Op("]".into()))
            {
                return None;
            }
            let inner = &rest[1..rest.len() - 1];
            let short = name.rsplit('.').next().unwrap_or(&name);
            let parts = split_top_level(inner);
            let args = match short {
                "Literal" => parts
                    .into_iter()
                    .map(|t| literal(t).map(Ann::Literal))
                    .collect::<Option<Vec<_>>>()?,
                "Annotated" => {
                    let (first, metadata) = parts.split_first()?;
                    std::iter::once(parse_annotation(first))
                        .chain(metadata.iter().map(|m| Some(Ann::Meta(m.to_vec()))))
                        .collect::<Option<Vec<_>>>()?
                }
                _ => parts
                    .into_iter()
                    .map(parse_annotation)
                    .collect::<Option<Vec<_>>>()?,
            };
            Some(Ann::Generic(name, args))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<Ann> {
        let tokens = tokenize(text).unwrap();
        parse_annotation(&tokens[..tokens.len() - 1])
    }

    #[test]
    fn reads_the_forms_flow_signatures_use() {
        assert_eq!(
            parse("Optional['Config']"),
            Some(Ann::Generic(
                "Optional".into(),
                vec![Ann::Generic("Config".into(), vec![])]
            ))
        );
        assert_eq!(
            parse("int | None"),
            Some(Ann::Union(vec![
                Ann::Generic("int".into(), vec![]),
                Ann::Literal(Value::Null)
            ]))
        );
        let Some(Ann::Generic(name, args)) = parse("typing.Annotated[int, Field(ge=0)]") else {
            panic!()
        };
        assert_eq!(name, "typing.Annotated");
        assert!(matches!(&args[1], Ann::Meta(tokens) if tokens.len() == 6));
        assert_eq!(parse("f(x)"), None);
        assert_eq!(parse("a."), None);
    }
}
