
use builtin;
use str;

set edit:completion:arg-completer[ot2ctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'ot2ctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'ot2ctl'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand work-pool 'Create, inspect and change work pools'
            cand work-queue 'Create, inspect and change the work queues of a pool'
            cand deploy 'Create or update deployments from prefect.yaml, without Python'
            cand run 'Create a flow run of a deployment, optionally following it to the end'
            cand deployment 'List, inspect, pause, resume, delete and run deployments'
            cand flow-run 'List flow runs, read their logs, cancel or delete them'
            cand worker 'Run a worker that claims and executes flow runs of a work pool'
            cand inventory 'The lab''s paint inventory: status, initialise, restock, audit log'
            cand plate 'The 96-well plate: which wells are free, reserved or used; a fresh plate; corrections'
            cand sensor 'The wireless colour sensor over MQTT: one reading, to check it answers'
            cand campaign 'Colour-matching campaigns: mix, measure, propose the next recipe, until the target is matched'
            cand robot 'The OT-2 robots the worker drives: their stored labware offsets'
            cand lab 'Set up the lab''s work pools and queues from a declarative file'
            cand config 'View and change settings of the active profile'
            cand profile 'List, create and switch profiles'
            cand completions 'Print shell completions (bash, zsh, fish, powershell, elvish)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;work-pool'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a work pool (a `process` pool gets Prefect''s default job template)'
            cand ls 'List work pools with their status and limits'
            cand list 'List work pools with their status and limits'
            cand inspect 'Show one work pool, its queues and its workers'
            cand update 'Change a work pool''s description, job template or concurrency limit'
            cand delete 'Delete a work pool (its deployments lose their pool)'
            cand pause 'Pause a work pool: workers get no new runs from it'
            cand resume 'Resume a paused work pool'
            cand set-concurrency-limit 'Limit how many runs of the pool may be pending or running at once'
            cand clear-concurrency-limit 'Remove a work pool''s concurrency limit'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;work-pool;create'= {
            cand -t 'Worker type of the pool'
            cand --type 'Worker type of the pool'
            cand --description 'What the pool is for'
            cand --base-job-template 'JSON file with the base job template (default: the type''s own template)'
            cand --concurrency-limit 'Maximum number of runs in flight'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --paused 'Create the pool paused'
            cand --overwrite 'Update the pool if it already exists instead of failing'
            cand --force 'Create a pool of a type ot2ctl does not know (a worker type of a newer Prefect)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-pool;ls'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-pool;list'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-pool;inspect'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-pool;update'= {
            cand --description 'New description'
            cand --base-job-template 'JSON file with the new base job template'
            cand --concurrency-limit 'New concurrency limit'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-pool;delete'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-pool;pause'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-pool;resume'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-pool;set-concurrency-limit'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-pool;clear-concurrency-limit'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-pool;help'= {
            cand create 'Create a work pool (a `process` pool gets Prefect''s default job template)'
            cand ls 'List work pools with their status and limits'
            cand inspect 'Show one work pool, its queues and its workers'
            cand update 'Change a work pool''s description, job template or concurrency limit'
            cand delete 'Delete a work pool (its deployments lose their pool)'
            cand pause 'Pause a work pool: workers get no new runs from it'
            cand resume 'Resume a paused work pool'
            cand set-concurrency-limit 'Limit how many runs of the pool may be pending or running at once'
            cand clear-concurrency-limit 'Remove a work pool''s concurrency limit'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;work-pool;help;create'= {
        }
        &'ot2ctl;work-pool;help;ls'= {
        }
        &'ot2ctl;work-pool;help;inspect'= {
        }
        &'ot2ctl;work-pool;help;update'= {
        }
        &'ot2ctl;work-pool;help;delete'= {
        }
        &'ot2ctl;work-pool;help;pause'= {
        }
        &'ot2ctl;work-pool;help;resume'= {
        }
        &'ot2ctl;work-pool;help;set-concurrency-limit'= {
        }
        &'ot2ctl;work-pool;help;clear-concurrency-limit'= {
        }
        &'ot2ctl;work-pool;help;help'= {
        }
        &'ot2ctl;work-queue'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a work queue in a pool'
            cand ls 'List work queues, most urgent first'
            cand list 'List work queues, most urgent first'
            cand inspect 'Show one work queue and its health'
            cand update 'Change a queue''s priority, description or concurrency limit'
            cand delete 'Delete a work queue (a pool''s default queue cannot be deleted)'
            cand pause 'Pause a work queue: workers get no new runs from it'
            cand resume 'Resume a paused work queue'
            cand set-concurrency-limit 'Limit how many runs of the queue may be pending or running at once'
            cand clear-concurrency-limit 'Remove a work queue''s concurrency limit'
            cand preview 'List the scheduled runs a queue will hand out soon (does not mark the queue polled)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;work-queue;create'= {
            cand -p 'Work pool to create the queue in'
            cand --pool 'Work pool to create the queue in'
            cand -q 'Priority, 1 = most urgent (default: the lowest free number)'
            cand --priority 'Priority, 1 = most urgent (default: the lowest free number)'
            cand -l 'Maximum number of runs in flight'
            cand --limit 'Maximum number of runs in flight'
            cand --description 'What the queue is for'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --paused 'Create the queue paused'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-queue;ls'= {
            cand -p 'Only the queues of this work pool (default: every pool)'
            cand --pool 'Only the queues of this work pool (default: every pool)'
            cand -m 'Only queues whose name starts with this'
            cand --match 'Only queues whose name starts with this'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-queue;list'= {
            cand -p 'Only the queues of this work pool (default: every pool)'
            cand --pool 'Only the queues of this work pool (default: every pool)'
            cand -m 'Only queues whose name starts with this'
            cand --match 'Only queues whose name starts with this'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-queue;inspect'= {
            cand -p 'Work pool the queue belongs to'
            cand --pool 'Work pool the queue belongs to'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-queue;update'= {
            cand -p 'Work pool the queue belongs to'
            cand --pool 'Work pool the queue belongs to'
            cand -q 'New priority, 1 = most urgent (other queues move down to keep priorities unique)'
            cand --priority 'New priority, 1 = most urgent (other queues move down to keep priorities unique)'
            cand -l 'New concurrency limit'
            cand --limit 'New concurrency limit'
            cand --description 'New description'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-queue;delete'= {
            cand -p 'Work pool the queue belongs to'
            cand --pool 'Work pool the queue belongs to'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-queue;pause'= {
            cand -p 'Work pool the queue belongs to'
            cand --pool 'Work pool the queue belongs to'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-queue;resume'= {
            cand -p 'Work pool the queue belongs to'
            cand --pool 'Work pool the queue belongs to'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-queue;set-concurrency-limit'= {
            cand -p 'Work pool the queue belongs to'
            cand --pool 'Work pool the queue belongs to'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-queue;clear-concurrency-limit'= {
            cand -p 'Work pool the queue belongs to'
            cand --pool 'Work pool the queue belongs to'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-queue;preview'= {
            cand -p 'Work pool the queue belongs to'
            cand --pool 'Work pool the queue belongs to'
            cand --hours 'How many hours ahead to look (1 to 87600, ten years)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;work-queue;help'= {
            cand create 'Create a work queue in a pool'
            cand ls 'List work queues, most urgent first'
            cand inspect 'Show one work queue and its health'
            cand update 'Change a queue''s priority, description or concurrency limit'
            cand delete 'Delete a work queue (a pool''s default queue cannot be deleted)'
            cand pause 'Pause a work queue: workers get no new runs from it'
            cand resume 'Resume a paused work queue'
            cand set-concurrency-limit 'Limit how many runs of the queue may be pending or running at once'
            cand clear-concurrency-limit 'Remove a work queue''s concurrency limit'
            cand preview 'List the scheduled runs a queue will hand out soon (does not mark the queue polled)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;work-queue;help;create'= {
        }
        &'ot2ctl;work-queue;help;ls'= {
        }
        &'ot2ctl;work-queue;help;inspect'= {
        }
        &'ot2ctl;work-queue;help;update'= {
        }
        &'ot2ctl;work-queue;help;delete'= {
        }
        &'ot2ctl;work-queue;help;pause'= {
        }
        &'ot2ctl;work-queue;help;resume'= {
        }
        &'ot2ctl;work-queue;help;set-concurrency-limit'= {
        }
        &'ot2ctl;work-queue;help;clear-concurrency-limit'= {
        }
        &'ot2ctl;work-queue;help;preview'= {
        }
        &'ot2ctl;work-queue;help;help'= {
        }
        &'ot2ctl;deploy'= {
            cand -n 'Entry to deploy: NAME, FLOW/NAME, or a glob with * (repeatable)'
            cand --name 'Entry to deploy: NAME, FLOW/NAME, or a glob with * (repeatable)'
            cand --prefect-file 'The project file'
            cand --concurrency 'How many deployments are written at once (the report keeps the file''s order); 1 by default, as a SQLite-backed server refuses concurrent writes (503); more on PostgreSQL'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -p 'p'
            cand --pool 'pool'
            cand -q 'q'
            cand --work-queue 'work-queue'
            cand -t 't'
            cand --tag 'tag'
            cand --version 'version'
            cand --version-type 'version-type'
            cand -d 'd'
            cand --description 'description'
            cand --param 'param'
            cand --params 'params'
            cand --job-variable 'job-variable'
            cand --cron 'cron'
            cand --interval 'interval'
            cand --rrule 'rrule'
            cand --anchor-date 'anchor-date'
            cand --timezone 'timezone'
            cand --concurrency-limit 'concurrency-limit'
            cand --collision-strategy 'collision-strategy'
            cand --trigger 'trigger'
            cand --sla 'sla'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --all 'Deploy every entry of the file'
            cand --dry-run 'Print what would be created or updated (with a field-level diff) and write nothing'
            cand --allow-missing 'Render missing environment variables and Prefect variables empty, as prefect deploy does'
            cand --enforce-parameter-schema 'enforce-parameter-schema'
            cand --no-enforce-parameter-schema 'no-enforce-parameter-schema'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ot2ctl;run'= {
            cand -p 'A parameter as NAME=VALUE; VALUE is read as JSON, else as text (repeatable)'
            cand --param 'A parameter as NAME=VALUE; VALUE is read as JSON, else as text (repeatable)'
            cand --params 'All parameters as a JSON object, or - to read it from stdin (--param wins)'
            cand --tag 'A tag for the run, on top of the deployment''s (repeatable)'
            cand -j 'A job variable as NAME=VALUE, read like --param (repeatable)'
            cand --job-variable 'A job variable as NAME=VALUE, read like --param (repeatable)'
            cand --start-in 'Start after this long: "5m", "2 hours", "1h30m"'
            cand --start-at 'Start at this time: RFC 3339 ("2026-08-01T17:30:00+02:00") or "2026-08-01 17:30" (UTC)'
            cand --flow-run-name 'Name of the run; {param} is replaced by a parameter''s value'
            cand --idempotency-key 'A key that makes repeating this command return the same run'
            cand --timeout 'With --watch: give up after this many seconds (1 to 604800, a week; exit 1)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --watch 'Follow the run, print its logs, and exit 0 if it completes, 1 otherwise'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;deployment'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ls 'List deployments with their pool, queue, schedules and status'
            cand list 'List deployments with their pool, queue, schedules and status'
            cand inspect 'Show one deployment'
            cand delete 'Delete a deployment and its scheduled runs'
            cand pause 'Pause a deployment: its schedules stop creating runs'
            cand resume 'Resume a paused deployment'
            cand run 'Create a flow run of a deployment (the same as `ot2ctl run`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;deployment;ls'= {
            cand -p 'Only deployments of this work pool'
            cand --pool 'Only deployments of this work pool'
            cand -q 'Only deployments on this work queue'
            cand --queue 'Only deployments on this work queue'
            cand -t 'Only deployments with this tag (repeatable: all must match)'
            cand --tag 'Only deployments with this tag (repeatable: all must match)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;deployment;list'= {
            cand -p 'Only deployments of this work pool'
            cand --pool 'Only deployments of this work pool'
            cand -q 'Only deployments on this work queue'
            cand --queue 'Only deployments on this work queue'
            cand -t 'Only deployments with this tag (repeatable: all must match)'
            cand --tag 'Only deployments with this tag (repeatable: all must match)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;deployment;inspect'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;deployment;delete'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;deployment;pause'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;deployment;resume'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;deployment;run'= {
            cand -p 'A parameter as NAME=VALUE; VALUE is read as JSON, else as text (repeatable)'
            cand --param 'A parameter as NAME=VALUE; VALUE is read as JSON, else as text (repeatable)'
            cand --params 'All parameters as a JSON object, or - to read it from stdin (--param wins)'
            cand --tag 'A tag for the run, on top of the deployment''s (repeatable)'
            cand -j 'A job variable as NAME=VALUE, read like --param (repeatable)'
            cand --job-variable 'A job variable as NAME=VALUE, read like --param (repeatable)'
            cand --start-in 'Start after this long: "5m", "2 hours", "1h30m"'
            cand --start-at 'Start at this time: RFC 3339 ("2026-08-01T17:30:00+02:00") or "2026-08-01 17:30" (UTC)'
            cand --flow-run-name 'Name of the run; {param} is replaced by a parameter''s value'
            cand --idempotency-key 'A key that makes repeating this command return the same run'
            cand --timeout 'With --watch: give up after this many seconds (1 to 604800, a week; exit 1)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --watch 'Follow the run, print its logs, and exit 0 if it completes, 1 otherwise'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;deployment;help'= {
            cand ls 'List deployments with their pool, queue, schedules and status'
            cand inspect 'Show one deployment'
            cand delete 'Delete a deployment and its scheduled runs'
            cand pause 'Pause a deployment: its schedules stop creating runs'
            cand resume 'Resume a paused deployment'
            cand run 'Create a flow run of a deployment (the same as `ot2ctl run`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;deployment;help;ls'= {
        }
        &'ot2ctl;deployment;help;inspect'= {
        }
        &'ot2ctl;deployment;help;delete'= {
        }
        &'ot2ctl;deployment;help;pause'= {
        }
        &'ot2ctl;deployment;help;resume'= {
        }
        &'ot2ctl;deployment;help;run'= {
        }
        &'ot2ctl;deployment;help;help'= {
        }
        &'ot2ctl;flow-run'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ls 'List recent flow runs, newest first'
            cand list 'List recent flow runs, newest first'
            cand inspect 'Show one flow run'
            cand logs 'Print a flow run''s logs'
            cand cancel 'Ask for a flow run to be cancelled'
            cand delete 'Delete a flow run and its logs'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;flow-run;ls'= {
            cand --flow-name 'Only runs of this flow (repeatable)'
            cand --state 'Only runs in this state, by name: Late, Completed, Failed, ... (repeatable)'
            cand --state-type 'Only runs of this state type: SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, CRASHED, PAUSED, CANCELLING (repeatable)'
            cand --limit 'How many runs to show (1 to 10000)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;flow-run;list'= {
            cand --flow-name 'Only runs of this flow (repeatable)'
            cand --state 'Only runs in this state, by name: Late, Completed, Failed, ... (repeatable)'
            cand --state-type 'Only runs of this state type: SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, CRASHED, PAUSED, CANCELLING (repeatable)'
            cand --limit 'How many runs to show (1 to 10000)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;flow-run;inspect'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;flow-run;logs'= {
            cand -n 'How many lines --head or --tail show (1 to 1000000)'
            cand --num-logs 'How many lines --head or --tail show (1 to 1000000)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --head 'Only the first lines'
            cand -t 'Only the last lines'
            cand --tail 'Only the last lines'
            cand -r 'Newest first'
            cand --reverse 'Newest first'
            cand -f 'Keep printing new lines until the run ends'
            cand --follow 'Keep printing new lines until the run ends'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;flow-run;cancel'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;flow-run;delete'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;flow-run;help'= {
            cand ls 'List recent flow runs, newest first'
            cand inspect 'Show one flow run'
            cand logs 'Print a flow run''s logs'
            cand cancel 'Ask for a flow run to be cancelled'
            cand delete 'Delete a flow run and its logs'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;flow-run;help;ls'= {
        }
        &'ot2ctl;flow-run;help;inspect'= {
        }
        &'ot2ctl;flow-run;help;logs'= {
        }
        &'ot2ctl;flow-run;help;cancel'= {
        }
        &'ot2ctl;flow-run;help;delete'= {
        }
        &'ot2ctl;flow-run;help;help'= {
        }
        &'ot2ctl;worker'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Claim flow runs of a work pool in priority order and execute them'
            cand install 'Install the worker as a service that starts at boot and restarts on failure'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;worker;start'= {
            cand -p 'The work pool to take runs from'
            cand --pool 'The work pool to take runs from'
            cand -q 'A queue of the pool to take runs from (repeatable; default: every queue)'
            cand --queue 'A queue of the pool to take runs from (repeatable; default: every queue)'
            cand -n 'The worker''s name in Prefect; keep it stable across restarts'
            cand --name 'The worker''s name in Prefect; keep it stable across restarts'
            cand --limit 'How many runs may execute at once (1 to 1000)'
            cand --prefetch-seconds 'Claim runs scheduled up to this many seconds ahead (0 to 604800, a week)'
            cand --poll-seconds 'Seconds between two polls of the pool (0.1 to 86400, fractions allowed) [default: 10, or 30 while the server''s event stream is connected: its events wake the worker sooner]'
            cand --heartbeat-seconds 'Seconds between two heartbeats (1 to 86400)'
            cand --python 'Python with prefect installed, for Python flows'
            cand --opentrons-python 'Python with opentrons (8.2.0) installed, to simulate OT-2 protocols'
            cand --protocols-dir 'A directory protocols may be run from (repeatable)'
            cand --allow-repo 'A git repository whose checkouts protocols may be run from (repeatable)'
            cand --checkouts-dir 'Where git_clone pull steps keep their checkouts'
            cand --git-timeout-seconds 'Seconds one git command of a git_clone pull step may take before it is stopped (1 to 86400)'
            cand --robot 'The OT-2 to run protocols on, by its robot-server URL (without it they are simulated)'
            cand --opentrons-execute 'Run protocols on this robot with opentrons_execute, for robots whose HTTP API is not usable'
            cand --cancel-grace-seconds 'Seconds between SIGTERM and SIGKILL when a run is cancelled (0 to 86400)'
            cand --shutdown-grace-seconds 'Seconds running runs get to finish after SIGINT/SIGTERM before they are cancelled (0 to 86400)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-python-flows 'Do not run Python flows; they are failed with the reason'
            cand --force-stop 'Stop a cancelled robot run at once, even while the colour sensor is held'
            cand --stop-robot-server 'Let the worker stop robot-server around each opentrons_execute run (and start it again)'
            cand --run-once 'Poll once, run what was claimed, then exit'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;worker;install'= {
            cand -p 'The work pool to take runs from'
            cand --pool 'The work pool to take runs from'
            cand -q 'A queue of the pool to take runs from (repeatable; default: every queue)'
            cand --queue 'A queue of the pool to take runs from (repeatable; default: every queue)'
            cand -n 'The worker''s name in Prefect; keep it stable across restarts'
            cand --name 'The worker''s name in Prefect; keep it stable across restarts'
            cand --limit 'How many runs may execute at once (1 to 1000)'
            cand --prefetch-seconds 'Claim runs scheduled up to this many seconds ahead (0 to 604800, a week)'
            cand --poll-seconds 'Seconds between two polls of the pool (0.1 to 86400, fractions allowed) [default: 10, or 30 while the server''s event stream is connected: its events wake the worker sooner]'
            cand --heartbeat-seconds 'Seconds between two heartbeats (1 to 86400)'
            cand --python 'Python with prefect installed, for Python flows'
            cand --opentrons-python 'Python with opentrons (8.2.0) installed, to simulate OT-2 protocols'
            cand --protocols-dir 'A directory protocols may be run from (repeatable)'
            cand --allow-repo 'A git repository whose checkouts protocols may be run from (repeatable)'
            cand --checkouts-dir 'Where git_clone pull steps keep their checkouts'
            cand --git-timeout-seconds 'Seconds one git command of a git_clone pull step may take before it is stopped (1 to 86400)'
            cand --robot 'The OT-2 to run protocols on, by its robot-server URL (without it they are simulated)'
            cand --opentrons-execute 'Run protocols on this robot with opentrons_execute, for robots whose HTTP API is not usable'
            cand --cancel-grace-seconds 'Seconds between SIGTERM and SIGKILL when a run is cancelled (0 to 86400)'
            cand --shutdown-grace-seconds 'Seconds running runs get to finish after SIGINT/SIGTERM before they are cancelled (0 to 86400)'
            cand --target 'What starts the worker: a systemd unit, or a boot script for an OT-2 (whose /etc is read-only; the script starts a transient systemd unit from /var/data/boot.d)'
            cand --unit-name 'Name of the unit (and of the boot script)'
            cand --unit-dir 'Directory to write the unit or boot script to [default: /etc/systemd/system, or /var/data/boot.d for --target ot2]'
            cand --env-dir 'Where the settings with secrets go (mode 0600) [default: /etc/ot2ctl, or /var/data/ot2ctl for --target ot2]'
            cand --binary 'The ot2ctl binary the service runs [default: this one]'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-python-flows 'Do not run Python flows; they are failed with the reason'
            cand --force-stop 'Stop a cancelled robot run at once, even while the colour sensor is held'
            cand --stop-robot-server 'Let the worker stop robot-server around each opentrons_execute run (and start it again)'
            cand --dry-run 'Print what would be written (secrets masked) and write nothing'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;worker;help'= {
            cand start 'Claim flow runs of a work pool in priority order and execute them'
            cand install 'Install the worker as a service that starts at boot and restarts on failure'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;worker;help;start'= {
        }
        &'ot2ctl;worker;help;install'= {
        }
        &'ot2ctl;worker;help;help'= {
        }
        &'ot2ctl;inventory'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Show each colour''s stock, LOW / OUT OF STOCK warnings and what to restock'
            cand check 'Show each colour''s stock, LOW / OUT OF STOCK warnings and what to restock'
            cand init 'Set every colour''s stock (mL) and the evaporation rate, e.g. after filling fresh tubes'
            cand initialize 'Set every colour''s stock (mL) and the evaporation rate, e.g. after filling fresh tubes'
            cand restock 'Add paint (mL per colour), recorded in the audit log with the operator'
            cand log 'List the audit log of restocks and initialisations (this machine''s store)'
            cand maintenance 'Check at 5 mL, restock 10 mL of each colour, check again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;inventory;status'= {
            cand --deployment 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)'
            cand --timeout 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --local 'Act on this machine''s store directly instead of running the deployment'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;inventory;check'= {
            cand --deployment 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)'
            cand --timeout 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --local 'Act on this machine''s store directly instead of running the deployment'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;inventory;init'= {
            cand --evaporation-rate 'Evaporation, in µL per hour'
            cand --deployment 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)'
            cand --timeout 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --local 'Act on this machine''s store directly instead of running the deployment'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;inventory;initialize'= {
            cand --evaporation-rate 'Evaporation, in µL per hour'
            cand --deployment 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)'
            cand --timeout 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --local 'Act on this machine''s store directly instead of running the deployment'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;inventory;restock'= {
            cand --operator 'Who restocked, for the audit log (the original took it as a fourth argument)'
            cand --deployment 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)'
            cand --timeout 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --local 'Act on this machine''s store directly instead of running the deployment'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;inventory;log'= {
            cand -n 'How many entries, newest first (1 to 100000)'
            cand --limit 'How many entries, newest first (1 to 100000)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;inventory;maintenance'= {
            cand --operator 'Who restocked, for the audit log'
            cand --deployment 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)'
            cand --timeout 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --local 'Act on this machine''s store directly instead of running the deployment'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;inventory;help'= {
            cand status 'Show each colour''s stock, LOW / OUT OF STOCK warnings and what to restock'
            cand init 'Set every colour''s stock (mL) and the evaporation rate, e.g. after filling fresh tubes'
            cand restock 'Add paint (mL per colour), recorded in the audit log with the operator'
            cand log 'List the audit log of restocks and initialisations (this machine''s store)'
            cand maintenance 'Check at 5 mL, restock 10 mL of each colour, check again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;inventory;help;status'= {
        }
        &'ot2ctl;inventory;help;init'= {
        }
        &'ot2ctl;inventory;help;restock'= {
        }
        &'ot2ctl;inventory;help;log'= {
        }
        &'ot2ctl;inventory;help;maintenance'= {
        }
        &'ot2ctl;inventory;help;help'= {
        }
        &'ot2ctl;plate'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Draw the plate: free, reserved and used wells, each used well in the colour mixed into it'
            cand next 'The next free well, in the lab''s order (by row, then by column)'
            cand new 'Record a fresh plate; the one in use is kept in the history'
            cand mark 'Correct one well by hand (used or empty), with a reason kept in the plate''s log'
            cand history 'List the plates recorded on this machine''s store, the one in use first'
            cand log 'List the plate''s log: new plates and corrections, newest first (this machine''s store)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;plate;status'= {
            cand --plate 'Show a plate of the history by its id instead of the plate in use'
            cand --color 'Draw used wells in 24-bit colour (auto: on a terminal, unless NO_COLOR is set)'
            cand --deployment 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)'
            cand --timeout 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --local 'Act on this machine''s store directly instead of running the deployment'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;plate;next'= {
            cand --deployment 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)'
            cand --timeout 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --local 'Act on this machine''s store directly instead of running the deployment'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;plate;new'= {
            cand --project 'The project written into every well''s document [default: lab.yaml''s, else OT2]'
            cand --rows 'The rows used, a range or a list: B-H, B,D,F [default: lab.yaml''s, else B-H]'
            cand --columns 'The columns used, a range or a list: 1-12, 1,3,5 [default: lab.yaml''s, else 1-12]'
            cand --missing-well 'Where a mix that names no well goes [default: lab.yaml''s, else protocol-default]'
            cand --lab 'The lab file whose `plate:` section to read [default: lab.yaml here, if there is one]'
            cand --operator 'Who put in the plate, for the plate''s log'
            cand --deployment 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)'
            cand --timeout 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --local 'Act on this machine''s store directly instead of running the deployment'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;plate;mark'= {
            cand --reason 'Why, for the plate''s log'
            cand --operator 'Who corrected it, for the plate''s log'
            cand --deployment 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)'
            cand --timeout 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --used 'Mark it used (paint is in it)'
            cand --empty 'Mark it empty (no paint in it)'
            cand --local 'Act on this machine''s store directly instead of running the deployment'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;plate;history'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;plate;log'= {
            cand -n 'How many entries, newest first (1 to 100000)'
            cand --limit 'How many entries, newest first (1 to 100000)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;plate;help'= {
            cand status 'Draw the plate: free, reserved and used wells, each used well in the colour mixed into it'
            cand next 'The next free well, in the lab''s order (by row, then by column)'
            cand new 'Record a fresh plate; the one in use is kept in the history'
            cand mark 'Correct one well by hand (used or empty), with a reason kept in the plate''s log'
            cand history 'List the plates recorded on this machine''s store, the one in use first'
            cand log 'List the plate''s log: new plates and corrections, newest first (this machine''s store)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;plate;help;status'= {
        }
        &'ot2ctl;plate;help;next'= {
        }
        &'ot2ctl;plate;help;new'= {
        }
        &'ot2ctl;plate;help;mark'= {
        }
        &'ot2ctl;plate;help;history'= {
        }
        &'ot2ctl;plate;help;log'= {
        }
        &'ot2ctl;plate;help;help'= {
        }
        &'ot2ctl;sensor'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand read 'Ask the colour sensor for one reading over MQTT, without moving anything'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;sensor;read'= {
            cand --red 'µL of red paint the request says the well holds'
            cand --yellow 'µL of yellow paint'
            cand --blue 'µL of blue paint'
            cand --well 'The well under the sensor, sent along in the request'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;sensor;help'= {
            cand read 'Ask the colour sensor for one reading over MQTT, without moving anything'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;sensor;help;read'= {
        }
        &'ot2ctl;sensor;help;help'= {
        }
        &'ot2ctl;campaign'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Start a colour-matching campaign: mix, measure, propose the next recipe, until the target is matched'
            cand resume 'Go on with a campaign that was stopped (killed, a timeout, the machine restarted)'
            cand status 'Show a campaign: every step, the best match beside the target, ΔE per step'
            cand ls 'List the campaigns kept on this machine, the newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;campaign;start'= {
            cand --target 'The colour to match, #rrggbb'
            cand --budget 'How many mixes at most (1-96)'
            cand --tolerance 'Matched when CIEDE2000 ΔE is below this (0.1-50)'
            cand --total-ul 'µL in every mix [default: lab.yaml''s campaign.total_ul, else 250]'
            cand --optimiser 'How the next recipe is chosen [default: bayesian where this build has it, else random]'
            cand --seed 'Seed of the optimiser''s random draws (the same seed proposes the same recipes)'
            cand --wells 'Which wells the mixes go into: auto (the plate''s next free well each time) or a list in order, e.g. C1,C2,C3 (as many as the budget)'
            cand --mix 'The deployment that mixes into the next free well'
            cand --measure 'The deployment that measures a well'
            cand --lab 'The lab file whose campaign section is read [default: lab.yaml here, if any]'
            cand --run-timeout 'Seconds one flow run may take before the campaign stops (it can be resumed)'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;campaign;resume'= {
            cand --run-timeout 'Seconds one flow run may take before the campaign stops (it can be resumed)'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;campaign;status'= {
            cand --color 'Draw the colours in 24-bit colour (auto: on a terminal, unless NO_COLOR is set)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;campaign;ls'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;campaign;help'= {
            cand start 'Start a colour-matching campaign: mix, measure, propose the next recipe, until the target is matched'
            cand resume 'Go on with a campaign that was stopped (killed, a timeout, the machine restarted)'
            cand status 'Show a campaign: every step, the best match beside the target, ΔE per step'
            cand ls 'List the campaigns kept on this machine, the newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;campaign;help;start'= {
        }
        &'ot2ctl;campaign;help;resume'= {
        }
        &'ot2ctl;campaign;help;status'= {
        }
        &'ot2ctl;campaign;help;ls'= {
        }
        &'ot2ctl;campaign;help;help'= {
        }
        &'ot2ctl;robot'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand offsets 'Labware offsets sent with every run on a robot'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;robot;offsets'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ls 'List a robot''s stored labware offsets'
            cand list 'List a robot''s stored labware offsets'
            cand set 'Store the offset of one labware in one slot (replacing any earlier one)'
            cand clear 'Forget stored offsets: all of them, or those of one labware (and slot)'
            cand import 'Store the offsets of an Opentrons App export (JSON), replacing those of the same labware and slot'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;robot;offsets;ls'= {
            cand --robot 'The robot, by its robot-server URL (port 31950)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;robot;offsets;list'= {
            cand --robot 'The robot, by its robot-server URL (port 31950)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;robot;offsets;set'= {
            cand --slot 'The deck slot (1-11)'
            cand --x 'Millimetres along x'
            cand --y 'Millimetres along y'
            cand --z 'Millimetres along z'
            cand --robot 'The robot, by its robot-server URL (port 31950)'
            cand --protocols-dir 'The lab''s protocols (with their custom labware in labware/), to warn about offsets no protocol can use [default: ./protocols, when it exists]'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --allow-large-offset 'Accept an offset of more than 10 mm on an axis'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;robot;offsets;clear'= {
            cand --slot 'Only the offsets in this slot'
            cand --robot 'The robot, by its robot-server URL (port 31950)'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand -y 'Do not ask before forgetting every offset'
            cand --yes 'Do not ask before forgetting every offset'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;robot;offsets;import'= {
            cand --robot 'The robot, by its robot-server URL (port 31950)'
            cand --protocols-dir 'The lab''s protocols (with their custom labware in labware/), to warn about offsets no protocol can use [default: ./protocols, when it exists]'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --allow-large-offset 'Accept offsets of more than 10 mm on an axis'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;robot;offsets;help'= {
            cand ls 'List a robot''s stored labware offsets'
            cand set 'Store the offset of one labware in one slot (replacing any earlier one)'
            cand clear 'Forget stored offsets: all of them, or those of one labware (and slot)'
            cand import 'Store the offsets of an Opentrons App export (JSON), replacing those of the same labware and slot'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;robot;offsets;help;ls'= {
        }
        &'ot2ctl;robot;offsets;help;set'= {
        }
        &'ot2ctl;robot;offsets;help;clear'= {
        }
        &'ot2ctl;robot;offsets;help;import'= {
        }
        &'ot2ctl;robot;offsets;help;help'= {
        }
        &'ot2ctl;robot;help'= {
            cand offsets 'Labware offsets sent with every run on a robot'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;robot;help;offsets'= {
            cand ls 'List a robot''s stored labware offsets'
            cand set 'Store the offset of one labware in one slot (replacing any earlier one)'
            cand clear 'Forget stored offsets: all of them, or those of one labware (and slot)'
            cand import 'Store the offsets of an Opentrons App export (JSON), replacing those of the same labware and slot'
        }
        &'ot2ctl;robot;help;offsets;ls'= {
        }
        &'ot2ctl;robot;help;offsets;set'= {
        }
        &'ot2ctl;robot;help;offsets;clear'= {
        }
        &'ot2ctl;robot;help;offsets;import'= {
        }
        &'ot2ctl;robot;help;help'= {
        }
        &'ot2ctl;lab'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand setup 'Create or update the work pools and queues a lab file declares (idempotent)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;lab;setup'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --dry-run 'Print what would change and write nothing'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;lab;help'= {
            cand setup 'Create or update the work pools and queues a lab file declares (idempotent)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;lab;help;setup'= {
        }
        &'ot2ctl;lab;help;help'= {
        }
        &'ot2ctl;config'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand view 'Show every setting, where its value came from, secrets masked'
            cand set 'Set settings in the active profile (API keys go to the OS keyring when there is one)'
            cand unset 'Remove settings from the active profile'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;config;view'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;config;set'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;config;unset'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;config;help'= {
            cand view 'Show every setting, where its value came from, secrets masked'
            cand set 'Set settings in the active profile (API keys go to the OS keyring when there is one)'
            cand unset 'Remove settings from the active profile'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;config;help;view'= {
        }
        &'ot2ctl;config;help;set'= {
        }
        &'ot2ctl;config;help;unset'= {
        }
        &'ot2ctl;config;help;help'= {
        }
        &'ot2ctl;profile'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ls 'List profiles (ot2ctl''s and Prefect''s); the active one is marked'
            cand list 'List profiles (ot2ctl''s and Prefect''s); the active one is marked'
            cand create 'Create a profile, empty or copied from another'
            cand use 'Make a profile the active one'
            cand delete 'Delete one of ot2ctl''s profiles'
            cand inspect 'Show a profile''s settings (default: the active profile), secrets masked'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;profile;ls'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;profile;list'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;profile;create'= {
            cand --from 'Copy the settings of this profile'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;profile;use'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;profile;delete'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;profile;inspect'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;profile;help'= {
            cand ls 'List profiles (ot2ctl''s and Prefect''s); the active one is marked'
            cand create 'Create a profile, empty or copied from another'
            cand use 'Make a profile the active one'
            cand delete 'Delete one of ot2ctl''s profiles'
            cand inspect 'Show a profile''s settings (default: the active profile), secrets masked'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;profile;help;ls'= {
        }
        &'ot2ctl;profile;help;create'= {
        }
        &'ot2ctl;profile;help;use'= {
        }
        &'ot2ctl;profile;help;delete'= {
        }
        &'ot2ctl;profile;help;inspect'= {
        }
        &'ot2ctl;profile;help;help'= {
        }
        &'ot2ctl;completions'= {
            cand --api-url 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)'
            cand --profile 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)'
            cand --no-prompt 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ot2ctl;help'= {
            cand work-pool 'Create, inspect and change work pools'
            cand work-queue 'Create, inspect and change the work queues of a pool'
            cand deploy 'Create or update deployments from prefect.yaml, without Python'
            cand run 'Create a flow run of a deployment, optionally following it to the end'
            cand deployment 'List, inspect, pause, resume, delete and run deployments'
            cand flow-run 'List flow runs, read their logs, cancel or delete them'
            cand worker 'Run a worker that claims and executes flow runs of a work pool'
            cand inventory 'The lab''s paint inventory: status, initialise, restock, audit log'
            cand plate 'The 96-well plate: which wells are free, reserved or used; a fresh plate; corrections'
            cand sensor 'The wireless colour sensor over MQTT: one reading, to check it answers'
            cand campaign 'Colour-matching campaigns: mix, measure, propose the next recipe, until the target is matched'
            cand robot 'The OT-2 robots the worker drives: their stored labware offsets'
            cand lab 'Set up the lab''s work pools and queues from a declarative file'
            cand config 'View and change settings of the active profile'
            cand profile 'List, create and switch profiles'
            cand completions 'Print shell completions (bash, zsh, fish, powershell, elvish)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ot2ctl;help;work-pool'= {
            cand create 'Create a work pool (a `process` pool gets Prefect''s default job template)'
            cand ls 'List work pools with their status and limits'
            cand inspect 'Show one work pool, its queues and its workers'
            cand update 'Change a work pool''s description, job template or concurrency limit'
            cand delete 'Delete a work pool (its deployments lose their pool)'
            cand pause 'Pause a work pool: workers get no new runs from it'
            cand resume 'Resume a paused work pool'
            cand set-concurrency-limit 'Limit how many runs of the pool may be pending or running at once'
            cand clear-concurrency-limit 'Remove a work pool''s concurrency limit'
        }
        &'ot2ctl;help;work-pool;create'= {
        }
        &'ot2ctl;help;work-pool;ls'= {
        }
        &'ot2ctl;help;work-pool;inspect'= {
        }
        &'ot2ctl;help;work-pool;update'= {
        }
        &'ot2ctl;help;work-pool;delete'= {
        }
        &'ot2ctl;help;work-pool;pause'= {
        }
        &'ot2ctl;help;work-pool;resume'= {
        }
        &'ot2ctl;help;work-pool;set-concurrency-limit'= {
        }
        &'ot2ctl;help;work-pool;clear-concurrency-limit'= {
        }
        &'ot2ctl;help;work-queue'= {
            cand create 'Create a work queue in a pool'
            cand ls 'List work queues, most urgent first'
            cand inspect 'Show one work queue and its health'
            cand update 'Change a queue''s priority, description or concurrency limit'
            cand delete 'Delete a work queue (a pool''s default queue cannot be deleted)'
            cand pause 'Pause a work queue: workers get no new runs from it'
            cand resume 'Resume a paused work queue'
            cand set-concurrency-limit 'Limit how many runs of the queue may be pending or running at once'
            cand clear-concurrency-limit 'Remove a work queue''s concurrency limit'
            cand preview 'List the scheduled runs a queue will hand out soon (does not mark the queue polled)'
        }
        &'ot2ctl;help;work-queue;create'= {
        }
        &'ot2ctl;help;work-queue;ls'= {
        }
        &'ot2ctl;help;work-queue;inspect'= {
        }
        &'ot2ctl;help;work-queue;update'= {
        }
        &'ot2ctl;help;work-queue;delete'= {
        }
        &'ot2ctl;help;work-queue;pause'= {
        }
        &'ot2ctl;help;work-queue;resume'= {
        }
        &'ot2ctl;help;work-queue;set-concurrency-limit'= {
        }
        &'ot2ctl;help;work-queue;clear-concurrency-limit'= {
        }
        &'ot2ctl;help;work-queue;preview'= {
        }
        &'ot2ctl;help;deploy'= {
        }
        &'ot2ctl;help;run'= {
        }
        &'ot2ctl;help;deployment'= {
            cand ls 'List deployments with their pool, queue, schedules and status'
            cand inspect 'Show one deployment'
            cand delete 'Delete a deployment and its scheduled runs'
            cand pause 'Pause a deployment: its schedules stop creating runs'
            cand resume 'Resume a paused deployment'
            cand run 'Create a flow run of a deployment (the same as `ot2ctl run`)'
        }
        &'ot2ctl;help;deployment;ls'= {
        }
        &'ot2ctl;help;deployment;inspect'= {
        }
        &'ot2ctl;help;deployment;delete'= {
        }
        &'ot2ctl;help;deployment;pause'= {
        }
        &'ot2ctl;help;deployment;resume'= {
        }
        &'ot2ctl;help;deployment;run'= {
        }
        &'ot2ctl;help;flow-run'= {
            cand ls 'List recent flow runs, newest first'
            cand inspect 'Show one flow run'
            cand logs 'Print a flow run''s logs'
            cand cancel 'Ask for a flow run to be cancelled'
            cand delete 'Delete a flow run and its logs'
        }
        &'ot2ctl;help;flow-run;ls'= {
        }
        &'ot2ctl;help;flow-run;inspect'= {
        }
        &'ot2ctl;help;flow-run;logs'= {
        }
        &'ot2ctl;help;flow-run;cancel'= {
        }
        &'ot2ctl;help;flow-run;delete'= {
        }
        &'ot2ctl;help;worker'= {
            cand start 'Claim flow runs of a work pool in priority order and execute them'
            cand install 'Install the worker as a service that starts at boot and restarts on failure'
        }
        &'ot2ctl;help;worker;start'= {
        }
        &'ot2ctl;help;worker;install'= {
        }
        &'ot2ctl;help;inventory'= {
            cand status 'Show each colour''s stock, LOW / OUT OF STOCK warnings and what to restock'
            cand init 'Set every colour''s stock (mL) and the evaporation rate, e.g. after filling fresh tubes'
            cand restock 'Add paint (mL per colour), recorded in the audit log with the operator'
            cand log 'List the audit log of restocks and initialisations (this machine''s store)'
            cand maintenance 'Check at 5 mL, restock 10 mL of each colour, check again'
        }
        &'ot2ctl;help;inventory;status'= {
        }
        &'ot2ctl;help;inventory;init'= {
        }
        &'ot2ctl;help;inventory;restock'= {
        }
        &'ot2ctl;help;inventory;log'= {
        }
        &'ot2ctl;help;inventory;maintenance'= {
        }
        &'ot2ctl;help;plate'= {
            cand status 'Draw the plate: free, reserved and used wells, each used well in the colour mixed into it'
            cand next 'The next free well, in the lab''s order (by row, then by column)'
            cand new 'Record a fresh plate; the one in use is kept in the history'
            cand mark 'Correct one well by hand (used or empty), with a reason kept in the plate''s log'
            cand history 'List the plates recorded on this machine''s store, the one in use first'
            cand log 'List the plate''s log: new plates and corrections, newest first (this machine''s store)'
        }
        &'ot2ctl;help;plate;status'= {
        }
        &'ot2ctl;help;plate;next'= {
        }
        &'ot2ctl;help;plate;new'= {
        }
        &'ot2ctl;help;plate;mark'= {
        }
        &'ot2ctl;help;plate;history'= {
        }
        &'ot2ctl;help;plate;log'= {
        }
        &'ot2ctl;help;sensor'= {
            cand read 'Ask the colour sensor for one reading over MQTT, without moving anything'
        }
        &'ot2ctl;help;sensor;read'= {
        }
        &'ot2ctl;help;campaign'= {
            cand start 'Start a colour-matching campaign: mix, measure, propose the next recipe, until the target is matched'
            cand resume 'Go on with a campaign that was stopped (killed, a timeout, the machine restarted)'
            cand status 'Show a campaign: every step, the best match beside the target, ΔE per step'
            cand ls 'List the campaigns kept on this machine, the newest first'
        }
        &'ot2ctl;help;campaign;start'= {
        }
        &'ot2ctl;help;campaign;resume'= {
        }
        &'ot2ctl;help;campaign;status'= {
        }
        &'ot2ctl;help;campaign;ls'= {
        }
        &'ot2ctl;help;robot'= {
            cand offsets 'Labware offsets sent with every run on a robot'
        }
        &'ot2ctl;help;robot;offsets'= {
            cand ls 'List a robot''s stored labware offsets'
            cand set 'Store the offset of one labware in one slot (replacing any earlier one)'
            cand clear 'Forget stored offsets: all of them, or those of one labware (and slot)'
            cand import 'Store the offsets of an Opentrons App export (JSON), replacing those of the same labware and slot'
        }
        &'ot2ctl;help;robot;offsets;ls'= {
        }
        &'ot2ctl;help;robot;offsets;set'= {
        }
        &'ot2ctl;help;robot;offsets;clear'= {
        }
        &'ot2ctl;help;robot;offsets;import'= {
        }
        &'ot2ctl;help;lab'= {
            cand setup 'Create or update the work pools and queues a lab file declares (idempotent)'
        }
        &'ot2ctl;help;lab;setup'= {
        }
        &'ot2ctl;help;config'= {
            cand view 'Show every setting, where its value came from, secrets masked'
            cand set 'Set settings in the active profile (API keys go to the OS keyring when there is one)'
            cand unset 'Remove settings from the active profile'
        }
        &'ot2ctl;help;config;view'= {
        }
        &'ot2ctl;help;config;set'= {
        }
        &'ot2ctl;help;config;unset'= {
        }
        &'ot2ctl;help;profile'= {
            cand ls 'List profiles (ot2ctl''s and Prefect''s); the active one is marked'
            cand create 'Create a profile, empty or copied from another'
            cand use 'Make a profile the active one'
            cand delete 'Delete one of ot2ctl''s profiles'
            cand inspect 'Show a profile''s settings (default: the active profile), secrets masked'
        }
        &'ot2ctl;help;profile;ls'= {
        }
        &'ot2ctl;help;profile;create'= {
        }
        &'ot2ctl;help;profile;use'= {
        }
        &'ot2ctl;help;profile;delete'= {
        }
        &'ot2ctl;help;profile;inspect'= {
        }
        &'ot2ctl;help;completions'= {
        }
        &'ot2ctl;help;help'= {
        }
    ]
    $completions[$command]
}
