use std::path::PathBuf;

use clap::Args;

use super::OutputArgs;

/// `ot2ctl deploy`: prefect.yaml → deployments, without Python.
#[derive(Debug, Args)]
pub struct DeployArgs {
    /// Deploy every entry of the file
    #[arg(long)]
    pub all: bool,
    /// Entry to deploy: NAME, FLOW/NAME, or a glob with * (repeatable)
    #[arg(long, short = 'n', value_name = "NAME")]
    pub name: Vec<String>,
    /// The project file
    #[arg(long, value_name = "FILE", default_value = "prefect.yaml")]
    pub prefect_file: PathBuf,
    /// Print what would be created or updated (with a field-level diff) and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Render missing environment variables and Prefect variables empty, as prefect deploy does
    #[arg(long)]
    pub allow_missing: bool,
    /// How many deployments are written at once (the report keeps the file's order); 1 by
    /// default, as a SQLite-backed server refuses concurrent writes (503); more on PostgreSQL
    #[arg(long, value_name = "N", default_value_t = DEFAULT_CONCURRENCY, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub prefect_only: PrefectOnlyArgs,
}

/// Writes in flight at once by default. The reads are one bulk query each; a SQLite-backed
/// server answers 503 to a write while another holds its lock, and after a quick retry the
/// client waits seconds (measured, 50 creates: 2.5 s one at a time, 4–7 s two at once, 20–31 s
/// four at once; on PostgreSQL 2.0 s one at a time, 1.6 s two at once, 1.9 s eight).
pub const DEFAULT_CONCURRENCY: u16 = 1;

/// `prefect deploy` options that override prefect.yaml from the command line. ot2ctl deploys
/// what the file says, so that the file is the whole record of a deployment; each is accepted
/// by the parser (a CI script copied from Prefect's docs gets a useful answer, not "unexpected
/// argument") and refused with the prefect.yaml key to use instead.
#[derive(Debug, Args, Default)]
pub struct PrefectOnlyArgs {
    #[arg(hide = true)]
    pub entrypoint: Option<String>,
    #[arg(long, short = 'p', hide = true)]
    pub pool: Option<String>,
    #[arg(long, short = 'q', hide = true)]
    pub work_queue: Option<String>,
    #[arg(long, short = 't', hide = true)]
    pub tag: Vec<String>,
    #[arg(long, hide = true)]
    pub version: Option<String>,
    #[arg(long, hide = true)]
    pub version_type: Option<String>,
    #[arg(long, short = 'd', hide = true)]
    pub description: Option<String>,
    #[arg(long, hide = true)]
    pub param: Vec<String>,
    #[arg(long, hide = true)]
    pub params: Option<String>,
    #[arg(long, hide = true)]
    pub job_variable: Vec<String>,
    #[arg(long, hide = true)]
    pub cron: Vec<String>,
    #[arg(long, hide = true)]
    pub interval: Vec<String>,
    #[arg(long, hide = true)]
    pub rrule: Vec<String>,
    #[arg(long, hide = true)]
    pub anchor_date: Option<String>,
    #[arg(long, hide = true)]
    pub timezone: Option<String>,
    #[arg(long, hide = true)]
    pub concurrency_limit: Option<String>,
    #[arg(long, hide = true)]
    pub collision_strategy: Option<String>,
    #[arg(long, hide = true)]
    pub enforce_parameter_schema: bool,
    #[arg(long, hide = true)]
    pub no_enforce_parameter_schema: bool,
    #[arg(long, hide = true)]
    pub trigger: Vec<String>,
    #[arg(long, hide = true)]
    pub sla: Vec<String>,
}

impl PrefectOnlyArgs {
    /// The first option given, as typed, with what to write in prefect.yaml instead.
    pub fn first_given(&self) -> Option<(&'static str, &'static str)> {
        let given = [
            (
                self.entrypoint.is_some(),
                "ENTRYPOINT",
                "add an entry to prefect.yaml (deployments: - name: NAME, entrypoint: path/flows.py:flow, work_pool: {name: POOL}) and deploy it with --name NAME",
            ),
            (
                self.pool.is_some(),
                "--pool",
                "set work_pool.name in the entry (\"{{ $POOL }}\" takes it from the environment)",
            ),
            (
                self.work_queue.is_some(),
                "--work-queue",
                "set work_pool.work_queue_name in the entry",
            ),
            (
                !self.tag.is_empty(),
                "--tag",
                "set tags: [...] in the entry",
            ),
            (
                self.version.is_some(),
                "--version",
                "set version: in the entry (\"{{ $VERSION }}\" takes it from the environment)",
            ),
            (
                self.version_type.is_some(),
                "--version-type",
                "set version: in the entry; ot2ctl infers git versions as Prefect does",
            ),
            (
                self.description.is_some(),
                "--description",
                "set description: in the entry",
            ),
            (
                !self.param.is_empty() || self.params.is_some(),
                "--param/--params",
                "set parameters: in the entry",
            ),
            (
                !self.job_variable.is_empty(),
                "--job-variable",
                "set work_pool.job_variables in the entry",
            ),
            (
                !self.cron.is_empty()
                    || !self.interval.is_empty()
                    || !self.rrule.is_empty()
                    || self.anchor_date.is_some()
                    || self.timezone.is_some(),
                "--cron/--interval/--rrule/--anchor-date/--timezone",
                "add schedules: [...] to the entry",
            ),
            (
                self.concurrency_limit.is_some() || self.collision_strategy.is_some(),
                "--concurrency-limit/--collision-strategy",
                "set concurrency_limit: {limit: N, collision_strategy: ...} in the entry",
            ),
            (
                self.enforce_parameter_schema || self.no_enforce_parameter_schema,
                "--(no-)enforce-parameter-schema",
                "set enforce_parameter_schema: true or false in the entry",
            ),
            (
                !self.trigger.is_empty(),
                "--trigger",
                "put the triggers under the deployment's `triggers:` in prefect.yaml",
            ),
            (
                !self.sla.is_empty(),
                "--sla",
                "deploy SLAs with `prefect deploy`; ot2ctl does not create them yet",
            ),
        ];
        given
            .into_iter()
            .find(|(is_given, _, _)| *is_given)
            .map(|(_, option, instead)| (option, instead))
    }
}
