//! A deployment's `triggers:`, read as Prefect 3.8.8's `DeploymentTrigger` models read them:
//! four types (event, metric, compound, sequence, told apart by `type:` or by their keys),
//! the same defaults and the same limits, each mistake reported at its line. Each trigger
//! becomes one automation that runs the deployment, named `<deployment>__automation_<n>`
//! unless it names itself.

use serde_json::{Map, Value};
use uuid::Uuid;

use super::project::{ProjectFile, nearest};
use super::yaml::{Kind, Node, Pos};
use crate::api::automations::{
    Action, Automation, CompoundTrigger, EventTrigger, MetricQuery, MetricTrigger, Posture,
    Require, RunDeployment, SequenceTrigger, Trigger, deployment_resource,
};
use crate::error::UsageError;

/// One trigger of a deployment: the automation it becomes, but for the deployment's id.
#[derive(Debug, Clone, PartialEq)]
pub struct DeploymentTrigger {
    /// Where the trigger is written.
    pub pos: Pos,
    /// `None` when the file sets `name: null` (Prefect then names it after the deployment's id).
    pub name: Option<String>,
    pub description: String,
    pub enabled: bool,
    pub trigger: Trigger,
    pub parameters: Option<Value>,
    pub job_variables: Option<Value>,
    /// Seconds.
    pub schedule_after: f64,
}

impl DeploymentTrigger {
    /// The automation Prefect creates for this trigger of the deployment `deployment_id`.
    pub fn automation(&self, deployment_id: Uuid) -> Automation {
        let name = match self.name.as_deref() {
            Some(name) if !name.is_empty() => name.to_string(),
            _ => format!("Automation for deployment {deployment_id}"),
        };
        Automation {
            id: None,
            name,
            description: self.description.clone(),
            enabled: self.enabled,
            tags: Vec::new(),
            trigger: self.trigger.clone(),
            actions: vec![Action::RunDeployment(RunDeployment {
                source: "selected".into(),
                deployment_id: Some(deployment_id),
                parameters: self.parameters.clone(),
                job_variables: self.job_variables.clone(),
                schedule_after: self.schedule_after,
            })],
            actions_on_trigger: Vec::new(),
            actions_on_resolve: Vec::new(),
            owner_resource: Some(deployment_resource(deployment_id)),
        }
    }
}

/// The name Prefect gives the `index`-th (from 1) trigger of a deployment.
pub fn default_name(deployment: &str, index: usize) -> String {
    format!("{deployment}__automation_{index}")
}

/// Whether `name` is one Prefect gives a trigger of `deployment` by default.
pub fn is_default_name(deployment: &str, name: &str) -> bool {
    name.strip_prefix(deployment)
        .and_then(|rest| rest.strip_prefix("__automation_"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Keys every trigger of a deployment may have besides its type's own.
const DEPLOYMENT_KEYS: &[&str] = &[
    "type",
    "name",
    "description",
    "enabled",
    "parameters",
    "job_variables",
    "schedule_after",
];
const EVENT_KEYS: &[&str] = &[
    "match",
    "match_related",
    "after",
    "expect",
    "for_each",
    "posture",
    "threshold",
    "within",
];
const METRIC_KEYS: &[&str] = &["match", "match_related", "posture", "metric"];
const COMPOUND_KEYS: &[&str] = &["triggers", "within", "require"];
const SEQUENCE_KEYS: &[&str] = &["triggers", "within"];
const METRIC_QUERY_KEYS: &[&str] = &["name", "threshold", "operator", "range", "firing_for"];
const TYPES: &[&str] = &["event", "metric", "compound", "sequence"];
/// Prefect's shortest metric `range` and `firing_for`, in seconds.
const METRIC_MINIMUM_SECONDS: f64 = 300.0;
/// Prefect's shortest `within` of a proactive trigger, and its default.
const PROACTIVE_MINIMUM_SECONDS: f64 = 10.0;

/// Reads the `triggers:` of the deployment `deployment` (templated already). Keys Prefect
/// ignores are warnings, added to `warnings`.
pub fn read(
    file: &ProjectFile,
    triggers: Option<&Node>,
    deployment: &str,
    warnings: &mut Vec<String>,
) -> Result<Vec<DeploymentTrigger>, UsageError> {
    let reader = Reader {
        file,
        label: format!("deployment '{deployment}'"),
    };
    let items = match triggers.map(|node| (node, &node.kind)) {
        None | Some((_, Kind::Null)) => return Ok(Vec::new()),
        Some((_, Kind::Seq(items))) => items,
        Some((node, _)) => return Err(reader.wrong(node, "triggers", "a list of triggers")),
    };
    items
        .iter()
        .enumerate()
        .map(|(index, item)| reader.deployment_trigger(item, deployment, index + 1, warnings))
        .collect()
}

struct Reader<'a> {
    file: &'a ProjectFile,
    label: String,
}

impl Reader<'_> {
    fn error(&self, pos: Pos, message: impl std::fmt::Display) -> UsageError {
        self.file
            .error_at(pos, format!("a trigger of {}: {message}", self.label))
    }

    fn wrong(&self, node: &Node, key: &str, expected: &str) -> UsageError {
        self.error(
            node.pos,
            format!("{key} must be {expected}, not {}", node.describe()),
        )
    }

    fn deployment_trigger(
        &self,
        node: &Node,
        deployment: &str,
        index: usize,
        warnings: &mut Vec<String>,
    ) -> Result<DeploymentTrigger, UsageError> {
        let entries = self.mapping(node, "each trigger")?;
        let kind = self.kind(node, true)?;
        self.warn_unknown(entries, DEPLOYMENT_KEYS, own_keys(kind), warnings);
        let name = match node.field("name") {
            None => Some(default_name(deployment, index)),
            Some(value) if value.is_null() => None,
            Some(value) => Some(self.text(value, "name")?),
        };
        Ok(DeploymentTrigger {
            pos: node.pos,
            name,
            description: match node.field("description") {
                None => String::new(),
                Some(value) => self.text(value, "description")?,
            },
            enabled: match node.field("enabled") {
                None => true,
                Some(value) => self.boolean(value, "enabled")?,
            },
            trigger: self.trigger(node, kind, warnings)?,
            parameters: self.optional_mapping(node.field("parameters"), "parameters")?,
            job_variables: self.optional_mapping(node.field("job_variables"), "job_variables")?,
            schedule_after: match node.field("schedule_after") {
                None => 0.0,
                Some(value) => self.at_least(value, "schedule_after", 0.0)?,
            },
        })
    }

    /// A trigger's type: its `type:`, else what its keys say, as Prefect's discriminator.
    fn kind(&self, node: &Node, deployment_level: bool) -> Result<&'static str, UsageError> {
        if let Some(kind) = node.field("type") {
            let Some(word) = kind.as_str() else {
                return Err(self.wrong(kind, "type", "one of event, metric, compound, sequence"));
            };
            return TYPES.iter().copied().find(|t| *t == word).ok_or_else(|| {
                let hint = nearest(word, TYPES)
                    .map(|close| format!("did you mean '{close}'?"))
                    .unwrap_or_else(|| "use event, metric, compound or sequence".into());
                self.error(kind.pos, format!("unknown trigger type '{word}'; {hint}"))
            });
        }
        let metric = node.field("posture").and_then(Node::as_str) == Some("Metric");
        let composite = node.field("triggers").is_some();
        let compound = composite && node.field("require").is_some();
        // The deployment's discriminator looks at the posture first, a nested trigger's last.
        Ok(match (deployment_level, metric, composite, compound) {
            (true, true, _, _) => "metric",
            (_, _, true, true) => "compound",
            (_, _, true, false) => "sequence",
            (_, true, false, _) => "metric",
            _ => "event",
        })
    }

    fn trigger(
        &self,
        node: &Node,
        kind: &str,
        warnings: &mut Vec<String>,
    ) -> Result<Trigger, UsageError> {
        Ok(match kind {
            "event" => Trigger::Event(self.event(node)?),
            "metric" => Trigger::Metric(self.metric(node, warnings)?),
            "compound" => {
                let triggers = self.nested(node, warnings)?;
                let require = match node.field("require") {
                    None => return Err(self.error(node.pos, "a compound trigger needs require")),
                    Some(value) => self.require(value, triggers.len())?,
                };
                Trigger::Compound(CompoundTrigger {
                    triggers,
                    within: self.optional_seconds(node.field("within"), "within")?,
                    require,
                })
            }
            _ => Trigger::Sequence(SequenceTrigger {
                triggers: self.nested(node, warnings)?,
                within: self.optional_seconds(node.field("within"), "within")?,
            }),
        })
    }

    /// The `triggers:` of a compound or sequence trigger: plain triggers, whose deployment
    /// keys Prefect ignores.
    fn nested(&self, node: &Node, warnings: &mut Vec<String>) -> Result<Vec<Trigger>, UsageError> {
        let Some(list) = node.field("triggers") else {
            return Err(self.error(node.pos, "a compound or sequence trigger needs triggers"));
        };
        let Kind::Seq(items) = &list.kind else {
            return Err(self.wrong(list, "triggers", "a list of triggers"));
        };
        items
            .iter()
            .map(|item| {
                let entries = self.mapping(item, "each trigger")?;
                let kind = self.kind(item, false)?;
                self.warn_unknown(entries, &["type"], own_keys(kind), warnings);
                self.trigger(item, kind, warnings)
            })
            .collect()
    }

    fn event(&self, node: &Node) -> Result<EventTrigger, UsageError> {
        let posture = match node.field("posture") {
            None => Posture::Reactive,
            Some(value) => match value.as_str() {
                Some("Reactive") => Posture::Reactive,
                Some("Proactive") => Posture::Proactive,
                _ => {
                    return Err(self.error(
                        value.pos,
                        "posture of an event trigger must be Reactive or Proactive",
                    ));
                }
            },
        };
        let mut within = match node.field("within") {
            None => 0.0,
            Some(value) if value.is_null() => {
                return Err(self.error(value.pos, "within must be a duration, not null"));
            }
            Some(value) => self.at_least(value, "within", 0.0)?,
        };
        if posture == Posture::Proactive {
            if within == 0.0 {
                within = PROACTIVE_MINIMUM_SECONDS;
            } else if within < PROACTIVE_MINIMUM_SECONDS {
                return Err(self.error(
                    node.field("within").map_or(node.pos, |w| w.pos),
                    format!(
                        "within of a Proactive trigger must be at least \
                         {PROACTIVE_MINIMUM_SECONDS} seconds, as Prefect requires"
                    ),
                ));
            }
        }
        Ok(EventTrigger {
            matches: self.resources(node.field("match"), "match")?,
            match_related: self.related(node.field("match_related"))?,
            after: self.events(node.field("after"), "after")?,
            expect: self.events(node.field("expect"), "expect")?,
            for_each: self.events(node.field("for_each"), "for_each")?,
            posture,
            threshold: match node.field("threshold") {
                None => 1,
                Some(value) => self.integer(value, "threshold")?,
            },
            within,
        })
    }

    fn metric(&self, node: &Node, warnings: &mut Vec<String>) -> Result<MetricTrigger, UsageError> {
        if let Some(posture) = node.field("posture")
            && posture.as_str() != Some("Metric")
        {
            return Err(self.error(posture.pos, "posture of a metric trigger must be Metric"));
        }
        let Some(query) = node.field("metric") else {
            return Err(self.error(node.pos, "a metric trigger needs metric"));
        };
        let entries = self.mapping(query, "metric")?;
        self.warn_unknown(entries, METRIC_QUERY_KEYS, &[], warnings);
        let required = |key: &str| {
            query
                .field(key)
                .ok_or_else(|| self.error(query.pos, format!("metric needs {key}")))
        };
        let choice = |key: &str, allowed: &[&str]| -> Result<String, UsageError> {
            let value = required(key)?;
            match value.as_str() {
                Some(word) if allowed.contains(&word) => Ok(word.to_string()),
                _ => Err(self.error(
                    value.pos,
                    format!("metric {key} must be one of {}", allowed.join(", ")),
                )),
            }
        };
        let duration = |key: &str| match query.field(key) {
            None => Ok(METRIC_MINIMUM_SECONDS),
            Some(value) => self.at_least(value, key, METRIC_MINIMUM_SECONDS),
        };
        Ok(MetricTrigger {
            matches: self.resources(node.field("match"), "match")?,
            match_related: self.related(node.field("match_related"))?,
            posture: Posture::Metric,
            metric: MetricQuery {
                name: choice("name", &["lateness", "duration", "successes"])?,
                threshold: self.number(required("threshold")?, "threshold")?,
                operator: choice("operator", &["<", "<=", ">", ">="])?,
                range: duration("range")?,
                firing_for: duration("firing_for")?,
            },
        })
    }

    fn require(&self, node: &Node, triggers: usize) -> Result<Require, UsageError> {
        let count = match &node.kind {
            Kind::String(word) if word == "any" || word == "all" => {
                return Ok(Require::Word(word.clone()));
            }
            Kind::Number(n) => n.as_u64(),
            _ => None,
        };
        match count {
            Some(count) if count >= 1 && count as usize <= triggers => Ok(Require::Count(count)),
            _ => Err(self.error(
                node.pos,
                format!(
                    "require must be any, all, or a number from 1 to the number of triggers \
                     ({triggers})"
                ),
            )),
        }
    }

    /// Prefect's `ResourceSpecification`: labels, each a string or a list of strings.
    fn resources(&self, node: Option<&Node>, key: &str) -> Result<Value, UsageError> {
        let Some(node) = node else {
            return Ok(Value::Object(Map::new()));
        };
        let Kind::Map(entries) = &node.kind else {
            return Err(self.wrong(node, key, "a mapping of labels"));
        };
        for (label, value) in entries {
            let ok = match &value.kind {
                Kind::String(_) => true,
                Kind::Seq(items) => items.iter().all(|item| item.as_str().is_some()),
                _ => false,
            };
            if !ok {
                return Err(self.error(
                    value.pos,
                    format!(
                        "{key}: label '{}' must be a string or a list of strings",
                        label.name
                    ),
                ));
            }
        }
        Ok(node.to_json())
    }

    /// `match_related`: one resource specification or a list of them.
    fn related(&self, node: Option<&Node>) -> Result<Value, UsageError> {
        match node {
            Some(
                list @ Node {
                    kind: Kind::Seq(items),
                    ..
                },
            ) => {
                for item in items {
                    self.resources(Some(item), "match_related")?;
                }
                Ok(list.to_json())
            }
            other => self.resources(other, "match_related"),
        }
    }

    /// A set of event names (`after`, `expect`, `for_each`).
    fn events(
        &self,
        node: Option<&Node>,
        key: &str,
    ) -> Result<std::collections::BTreeSet<String>, UsageError> {
        let Some(node) = node else {
            return Ok(Default::default());
        };
        let Kind::Seq(items) = &node.kind else {
            return Err(self.wrong(node, key, "a list of event names"));
        };
        items
            .iter()
            .map(|item| {
                item.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| self.wrong(item, key, "a list of strings"))
            })
            .collect()
    }

    fn mapping<'n>(
        &self,
        node: &'n Node,
        what: &str,
    ) -> Result<&'n [(super::yaml::Key, Node)], UsageError> {
        match &node.kind {
            Kind::Map(entries) => Ok(entries),
            _ => Err(self.error(
                node.pos,
                format!("{what} must be a mapping, not {}", node.describe()),
            )),
        }
    }

    fn optional_mapping(
        &self,
        node: Option<&Node>,
        key: &str,
    ) -> Result<Option<Value>, UsageError> {
        match node {
            None => Ok(None),
            Some(value) if value.is_null() => Ok(None),
            Some(
                value @ Node {
                    kind: Kind::Map(_), ..
                },
            ) => Ok(Some(value.to_json())),
            Some(value) => Err(self.wrong(value, key, "a mapping")),
        }
    }

    fn text(&self, node: &Node, key: &str) -> Result<String, UsageError> {
        node.as_str()
            .map(str::to_string)
            .ok_or_else(|| self.wrong(node, key, "a string"))
    }

    /// A boolean as pydantic reads one: `true`, or a string such as "yes", "off" or "1".
    fn boolean(&self, node: &Node, key: &str) -> Result<bool, UsageError> {
        let word = match &node.kind {
            Kind::Bool(b) => return Ok(*b),
            Kind::Number(n) => n.to_string(),
            Kind::String(s) => s.to_ascii_lowercase(),
            _ => String::new(),
        };
        match word.as_str() {
            "true" | "t" | "yes" | "y" | "on" | "1" => Ok(true),
            "false" | "f" | "no" | "n" | "off" | "0" => Ok(false),
            _ => Err(self.wrong(node, key, "true or false")),
        }
    }

    fn integer(&self, node: &Node, key: &str) -> Result<i64, UsageError> {
        let value = match &node.kind {
            Kind::Number(n) => n
                .as_i64()
                .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
            Kind::String(s) => s.trim().parse().ok(),
            _ => None,
        };
        value.ok_or_else(|| self.wrong(node, key, "a whole number"))
    }

    fn number(&self, node: &Node, key: &str) -> Result<f64, UsageError> {
        let value = match &node.kind {
            Kind::Number(n) => n.as_f64(),
            Kind::String(s) => s.trim().parse().ok(),
            _ => None,
        };
        value
            .filter(|f| f.is_finite())
            .ok_or_else(|| self.wrong(node, key, "a number"))
    }

    fn optional_seconds(&self, node: Option<&Node>, key: &str) -> Result<Option<f64>, UsageError> {
        match node {
            None => Ok(None),
            Some(value) if value.is_null() => Ok(None),
            Some(value) => self.seconds(value, key).map(Some),
        }
    }

    fn at_least(&self, node: &Node, key: &str, minimum: f64) -> Result<f64, UsageError> {
        let seconds = self.seconds(node, key)?;
        if seconds < minimum {
            return Err(self.error(
                node.pos,
                format!("{key} must be at least {minimum} seconds, not {seconds}"),
            ));
        }
        Ok(seconds)
    }

    /// A duration as pydantic reads a `timedelta`: seconds, or an ISO 8601 duration
    /// (`PT5M`), or `[D days, ]HH:MM:SS`.
    fn seconds(&self, node: &Node, key: &str) -> Result<f64, UsageError> {
        let parsed = match &node.kind {
            Kind::Number(n) => n.as_f64(),
            Kind::String(s) => super::schedule::duration_seconds(s),
            _ => None,
        };
        parsed
            .filter(|f| f.is_finite())
            .ok_or_else(|| self.wrong(node, key, "a duration (seconds, PT5M or HH:MM:SS)"))
    }

    /// Keys Prefect ignores in a trigger, one warning each (with the nearest known key).
    fn warn_unknown(
        &self,
        entries: &[(super::yaml::Key, Node)],
        common: &[&str],
        own: &[&str],
        warnings: &mut Vec<String>,
    ) {
        let known: Vec<&str> = common.iter().chain(own).copied().collect();
        for (key, _) in entries {
            if known.contains(&key.name.as_str()) {
                continue;
            }
            let hint = nearest(&key.name, &known)
                .map(|close| format!(" (did you mean '{close}'?)"))
                .unwrap_or_default();
            warnings.push(
                self.error(
                    key.pos,
                    format!(
                        "unknown key '{}' is ignored, as Prefect ignores it{hint}",
                        key.name
                    ),
                )
                .to_string(),
            );
        }
    }
}

fn own_keys(kind: &str) -> &'static [&'static str] {
    match kind {
        "event" => EVENT_KEYS,
        "metric" => METRIC_KEYS,
        "compound" => COMPOUND_KEYS,
        _ => SEQUENCE_KEYS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn read_text(text: &str) -> Result<(Vec<DeploymentTrigger>, Vec<String>), String> {
        let file =
            ProjectFile::parse(text, Path::new("prefect.yaml")).map_err(|e| e.to_string())?;
        let entry = file.deployments()[0];
        let mut warnings = Vec::new();
        read(&file, entry.field("triggers"), "d", &mut warnings)
            .map(|triggers| (triggers, warnings))
            .map_err(|e| e.to_string())
    }

    fn entry(triggers: &str) -> String {
        format!("deployments:\n  - name: d\n    entrypoint: f.py:f\n    triggers:\n{triggers}")
    }

    #[test]
    fn each_type_is_told_by_its_keys_with_prefects_defaults() {
        let (triggers, warnings) = read_text(&entry(
            "      - expect: [a]\n      - posture: Proactive\n        expect: [b]\n      - posture: Metric\n        metric: {name: lateness, threshold: 1, operator: '>'}\n      - triggers: [{expect: [c]}]\n        require: any\n      - triggers: [{expect: [c]}, {expect: [d]}]\n        within: PT5M\n        parameters: {x: '{{ event.id }}'}\n        nme: typo\n",
        ))
        .unwrap();
        let kinds: Vec<&str> = triggers.iter().map(|t| t.trigger.kind()).collect();
        assert_eq!(kinds, ["event", "event", "metric", "compound", "sequence"]);
        assert_eq!(triggers[0].name.as_deref(), Some("d__automation_1"));
        let Trigger::Event(proactive) = &triggers[1].trigger else {
            panic!()
        };
        assert_eq!(proactive.within, 10.0, "Prefect's default for Proactive");
        let Trigger::Metric(metric) = &triggers[2].trigger else {
            panic!()
        };
        assert_eq!(
            (metric.metric.range, metric.metric.firing_for),
            (300.0, 300.0)
        );
        let Trigger::Sequence(sequence) = &triggers[4].trigger else {
            panic!()
        };
        assert_eq!(sequence.within, Some(300.0));
        assert_eq!(
            triggers[4].parameters,
            Some(serde_json::json!({"x": "{{ event.id }}"}))
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0]
                .starts_with("prefect.yaml:15:9: a trigger of deployment 'd': unknown key 'nme'"),
            "{warnings:?}"
        );
        assert!(warnings[0].contains("did you mean 'name'"), "{warnings:?}");
    }

    #[test]
    fn mistakes_are_refused_at_their_line() {
        for (triggers, at, says) in [
            ("      - type: events\n", "5:15", "did you mean 'event'?"),
            (
                "      - posture: Proactive\n        within: 5\n",
                "6:17",
                "at least 10 seconds",
            ),
            ("      - within: -1\n", "5:17", "at least 0 seconds"),
            (
                "      - expect: a.b\n",
                "5:17",
                "expect must be a list of event names",
            ),
            (
                "      - match: {prefect.resource.id: 5}\n",
                "5:38",
                "must be a string or a list",
            ),
            ("      - threshold: 1.5\n", "5:20", "a whole number"),
            ("      - enabled: maybe\n", "5:18", "true or false"),
            (
                "      - type: compound\n        triggers: [{expect: [a]}]\n        require: 2\n",
                "7:18",
                "from 1 to the number of triggers (1)",
            ),
            (
                "      - type: compound\n        triggers: []\n",
                "5:9",
                "needs require",
            ),
            (
                "      - type: metric\n        metric: {name: speed, threshold: 1, operator: '>'}\n",
                "6:24",
                "name must be one of",
            ),
            (
                "      - type: metric\n        metric: {name: lateness, threshold: 1, operator: '>', range: 60}\n",
                "6:70",
                "at least 300 seconds",
            ),
            ("      - schedule_after: soon\n", "5:25", "a duration"),
            (
                "      - parameters: [1]\n",
                "5:21",
                "parameters must be a mapping",
            ),
            (
                "      - just-a-string\n",
                "5:9",
                "each trigger must be a mapping",
            ),
        ] {
            let err = read_text(&entry(triggers)).unwrap_err();
            assert!(
                err.starts_with(&format!("prefect.yaml:{at}: a trigger of deployment 'd': ")),
                "{triggers}: {err}"
            );
            assert!(err.contains(says), "{triggers}: {err}");
        }
    }

    #[test]
    fn durations_read_as_pydantic_reads_them() {
        for (text, seconds) in [
            ("90", Some(90.0)),
            ("1.5", Some(1.5)),
            ("PT1H30M", Some(5400.0)),
            ("P1DT2S", Some(86_402.0)),
            ("P2W", Some(1_209_600.0)),
            ("01:02:03", Some(3723.0)),
            ("02:03", Some(123.0)),
            ("1 day, 00:00:01", Some(86_401.0)),
            ("PT", None),
            ("P", None),
            ("soon", None),
            ("1:2:3:4", None),
        ] {
            assert_eq!(
                super::super::schedule::duration_seconds(text),
                seconds,
                "{text}"
            );
        }
    }

    #[test]
    fn default_names_are_recognised_only_for_their_deployment() {
        assert!(is_default_name("mix", "mix__automation_3"));
        assert!(!is_default_name("mix", "mix__automation_"));
        assert!(!is_default_name("mix", "other__automation_1"));
        assert!(!is_default_name("mix", "mix__automation_1b"));
    }
}
