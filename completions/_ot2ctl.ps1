
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'ot2ctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'ot2ctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'ot2ctl' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('work-pool', 'work-pool', [CompletionResultType]::ParameterValue, 'Create, inspect and change work pools')
            [CompletionResult]::new('work-queue', 'work-queue', [CompletionResultType]::ParameterValue, 'Create, inspect and change the work queues of a pool')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Create or update deployments from prefect.yaml, without Python')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Create a flow run of a deployment, optionally following it to the end')
            [CompletionResult]::new('deployment', 'deployment', [CompletionResultType]::ParameterValue, 'List, inspect, pause, resume, delete and run deployments')
            [CompletionResult]::new('flow-run', 'flow-run', [CompletionResultType]::ParameterValue, 'List flow runs, read their logs, cancel or delete them')
            [CompletionResult]::new('worker', 'worker', [CompletionResultType]::ParameterValue, 'Run a worker that claims and executes flow runs of a work pool')
            [CompletionResult]::new('inventory', 'inventory', [CompletionResultType]::ParameterValue, 'The lab''s paint inventory: status, initialise, restock, audit log')
            [CompletionResult]::new('plate', 'plate', [CompletionResultType]::ParameterValue, 'The 96-well plate: which wells are free, reserved or used; a fresh plate; corrections')
            [CompletionResult]::new('sensor', 'sensor', [CompletionResultType]::ParameterValue, 'The wireless colour sensor over MQTT: one reading, to check it answers')
            [CompletionResult]::new('campaign', 'campaign', [CompletionResultType]::ParameterValue, 'Colour-matching campaigns: mix, measure, propose the next recipe, until the target is matched')
            [CompletionResult]::new('robot', 'robot', [CompletionResultType]::ParameterValue, 'The OT-2 robots the worker drives: their stored labware offsets')
            [CompletionResult]::new('lab', 'lab', [CompletionResultType]::ParameterValue, 'Set up the lab''s work pools and queues from a declarative file')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'View and change settings of the active profile')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'List, create and switch profiles')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;work-pool' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a work pool (a `process` pool gets Prefect''s default job template)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List work pools with their status and limits')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List work pools with their status and limits')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show one work pool, its queues and its workers')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a work pool''s description, job template or concurrency limit')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a work pool (its deployments lose their pool)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a work pool: workers get no new runs from it')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused work pool')
            [CompletionResult]::new('set-concurrency-limit', 'set-concurrency-limit', [CompletionResultType]::ParameterValue, 'Limit how many runs of the pool may be pending or running at once')
            [CompletionResult]::new('clear-concurrency-limit', 'clear-concurrency-limit', [CompletionResultType]::ParameterValue, 'Remove a work pool''s concurrency limit')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;work-pool;create' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Worker type of the pool')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Worker type of the pool')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the pool is for')
            [CompletionResult]::new('--base-job-template', '--base-job-template', [CompletionResultType]::ParameterName, 'JSON file with the base job template (default: the type''s own template)')
            [CompletionResult]::new('--concurrency-limit', '--concurrency-limit', [CompletionResultType]::ParameterName, 'Maximum number of runs in flight')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--paused', '--paused', [CompletionResultType]::ParameterName, 'Create the pool paused')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Update the pool if it already exists instead of failing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Create a pool of a type ot2ctl does not know (a worker type of a newer Prefect)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-pool;ls' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-pool;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-pool;inspect' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-pool;update' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'New description')
            [CompletionResult]::new('--base-job-template', '--base-job-template', [CompletionResultType]::ParameterName, 'JSON file with the new base job template')
            [CompletionResult]::new('--concurrency-limit', '--concurrency-limit', [CompletionResultType]::ParameterName, 'New concurrency limit')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-pool;delete' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-pool;pause' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-pool;resume' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-pool;set-concurrency-limit' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-pool;clear-concurrency-limit' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-pool;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a work pool (a `process` pool gets Prefect''s default job template)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List work pools with their status and limits')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show one work pool, its queues and its workers')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a work pool''s description, job template or concurrency limit')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a work pool (its deployments lose their pool)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a work pool: workers get no new runs from it')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused work pool')
            [CompletionResult]::new('set-concurrency-limit', 'set-concurrency-limit', [CompletionResultType]::ParameterValue, 'Limit how many runs of the pool may be pending or running at once')
            [CompletionResult]::new('clear-concurrency-limit', 'clear-concurrency-limit', [CompletionResultType]::ParameterValue, 'Remove a work pool''s concurrency limit')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;work-pool;help;create' {
            break
        }
        'ot2ctl;work-pool;help;ls' {
            break
        }
        'ot2ctl;work-pool;help;inspect' {
            break
        }
        'ot2ctl;work-pool;help;update' {
            break
        }
        'ot2ctl;work-pool;help;delete' {
            break
        }
        'ot2ctl;work-pool;help;pause' {
            break
        }
        'ot2ctl;work-pool;help;resume' {
            break
        }
        'ot2ctl;work-pool;help;set-concurrency-limit' {
            break
        }
        'ot2ctl;work-pool;help;clear-concurrency-limit' {
            break
        }
        'ot2ctl;work-pool;help;help' {
            break
        }
        'ot2ctl;work-queue' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a work queue in a pool')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List work queues, most urgent first')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List work queues, most urgent first')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show one work queue and its health')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a queue''s priority, description or concurrency limit')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a work queue (a pool''s default queue cannot be deleted)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a work queue: workers get no new runs from it')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused work queue')
            [CompletionResult]::new('set-concurrency-limit', 'set-concurrency-limit', [CompletionResultType]::ParameterValue, 'Limit how many runs of the queue may be pending or running at once')
            [CompletionResult]::new('clear-concurrency-limit', 'clear-concurrency-limit', [CompletionResultType]::ParameterValue, 'Remove a work queue''s concurrency limit')
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'List the scheduled runs a queue will hand out soon (does not mark the queue polled)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;work-queue;create' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Work pool to create the queue in')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'Work pool to create the queue in')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Priority, 1 = most urgent (default: the lowest free number)')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Priority, 1 = most urgent (default: the lowest free number)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Maximum number of runs in flight')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Maximum number of runs in flight')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the queue is for')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--paused', '--paused', [CompletionResultType]::ParameterName, 'Create the queue paused')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-queue;ls' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only the queues of this work pool (default: every pool)')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'Only the queues of this work pool (default: every pool)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Only queues whose name starts with this')
            [CompletionResult]::new('--match', '--match', [CompletionResultType]::ParameterName, 'Only queues whose name starts with this')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-queue;list' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only the queues of this work pool (default: every pool)')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'Only the queues of this work pool (default: every pool)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Only queues whose name starts with this')
            [CompletionResult]::new('--match', '--match', [CompletionResultType]::ParameterName, 'Only queues whose name starts with this')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-queue;inspect' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-queue;update' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'New priority, 1 = most urgent (other queues move down to keep priorities unique)')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'New priority, 1 = most urgent (other queues move down to keep priorities unique)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'New concurrency limit')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'New concurrency limit')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'New description')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-queue;delete' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-queue;pause' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-queue;resume' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-queue;set-concurrency-limit' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-queue;clear-concurrency-limit' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-queue;preview' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--hours', '--hours', [CompletionResultType]::ParameterName, 'How many hours ahead to look (1 to 87600, ten years)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-queue;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a work queue in a pool')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List work queues, most urgent first')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show one work queue and its health')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a queue''s priority, description or concurrency limit')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a work queue (a pool''s default queue cannot be deleted)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a work queue: workers get no new runs from it')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused work queue')
            [CompletionResult]::new('set-concurrency-limit', 'set-concurrency-limit', [CompletionResultType]::ParameterValue, 'Limit how many runs of the queue may be pending or running at once')
            [CompletionResult]::new('clear-concurrency-limit', 'clear-concurrency-limit', [CompletionResultType]::ParameterValue, 'Remove a work queue''s concurrency limit')
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'List the scheduled runs a queue will hand out soon (does not mark the queue polled)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;work-queue;help;create' {
            break
        }
        'ot2ctl;work-queue;help;ls' {
            break
        }
        'ot2ctl;work-queue;help;inspect' {
            break
        }
        'ot2ctl;work-queue;help;update' {
            break
        }
        'ot2ctl;work-queue;help;delete' {
            break
        }
        'ot2ctl;work-queue;help;pause' {
            break
        }
        'ot2ctl;work-queue;help;resume' {
            break
        }
        'ot2ctl;work-queue;help;set-concurrency-limit' {
            break
        }
        'ot2ctl;work-queue;help;clear-concurrency-limit' {
            break
        }
        'ot2ctl;work-queue;help;preview' {
            break
        }
        'ot2ctl;work-queue;help;help' {
            break
        }
        'ot2ctl;deploy' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Entry to deploy: NAME, FLOW/NAME, or a glob with * (repeatable)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Entry to deploy: NAME, FLOW/NAME, or a glob with * (repeatable)')
            [CompletionResult]::new('--prefect-file', '--prefect-file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many deployments are written at once (the report keeps the file''s order); 1 by default, as a SQLite-backed server refuses concurrent writes (503); more on PostgreSQL')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'p')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'pool')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'q')
            [CompletionResult]::new('--work-queue', '--work-queue', [CompletionResultType]::ParameterName, 'work-queue')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 't')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'tag')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'version')
            [CompletionResult]::new('--version-type', '--version-type', [CompletionResultType]::ParameterName, 'version-type')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'd')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'description')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'param')
            [CompletionResult]::new('--params', '--params', [CompletionResultType]::ParameterName, 'params')
            [CompletionResult]::new('--job-variable', '--job-variable', [CompletionResultType]::ParameterName, 'job-variable')
            [CompletionResult]::new('--cron', '--cron', [CompletionResultType]::ParameterName, 'cron')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'interval')
            [CompletionResult]::new('--rrule', '--rrule', [CompletionResultType]::ParameterName, 'rrule')
            [CompletionResult]::new('--anchor-date', '--anchor-date', [CompletionResultType]::ParameterName, 'anchor-date')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'timezone')
            [CompletionResult]::new('--concurrency-limit', '--concurrency-limit', [CompletionResultType]::ParameterName, 'concurrency-limit')
            [CompletionResult]::new('--collision-strategy', '--collision-strategy', [CompletionResultType]::ParameterName, 'collision-strategy')
            [CompletionResult]::new('--trigger', '--trigger', [CompletionResultType]::ParameterName, 'trigger')
            [CompletionResult]::new('--sla', '--sla', [CompletionResultType]::ParameterName, 'sla')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Deploy every entry of the file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created or updated (with a field-level diff) and write nothing')
            [CompletionResult]::new('--allow-missing', '--allow-missing', [CompletionResultType]::ParameterName, 'Render missing environment variables and Prefect variables empty, as prefect deploy does')
            [CompletionResult]::new('--enforce-parameter-schema', '--enforce-parameter-schema', [CompletionResultType]::ParameterName, 'enforce-parameter-schema')
            [CompletionResult]::new('--no-enforce-parameter-schema', '--no-enforce-parameter-schema', [CompletionResultType]::ParameterName, 'no-enforce-parameter-schema')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ot2ctl;run' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A parameter as NAME=VALUE; VALUE is read as JSON, else as text (repeatable)')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'A parameter as NAME=VALUE; VALUE is read as JSON, else as text (repeatable)')
            [CompletionResult]::new('--params', '--params', [CompletionResultType]::ParameterName, 'All parameters as a JSON object, or - to read it from stdin (--param wins)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag for the run, on top of the deployment''s (repeatable)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'A job variable as NAME=VALUE, read like --param (repeatable)')
            [CompletionResult]::new('--job-variable', '--job-variable', [CompletionResultType]::ParameterName, 'A job variable as NAME=VALUE, read like --param (repeatable)')
            [CompletionResult]::new('--start-in', '--start-in', [CompletionResultType]::ParameterName, 'Start after this long: "5m", "2 hours", "1h30m"')
            [CompletionResult]::new('--start-at', '--start-at', [CompletionResultType]::ParameterName, 'Start at this time: RFC 3339 ("2026-08-01T17:30:00+02:00") or "2026-08-01 17:30" (UTC)')
            [CompletionResult]::new('--flow-run-name', '--flow-run-name', [CompletionResultType]::ParameterName, 'Name of the run; {param} is replaced by a parameter''s value')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'A key that makes repeating this command return the same run')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this many seconds (1 to 604800, a week; exit 1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Follow the run, print its logs, and exit 0 if it completes, 1 otherwise')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;deployment' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List deployments with their pool, queue, schedules and status')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List deployments with their pool, queue, schedules and status')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show one deployment')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a deployment and its scheduled runs')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a deployment: its schedules stop creating runs')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused deployment')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Create a flow run of a deployment (the same as `ot2ctl run`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;deployment;ls' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only deployments of this work pool')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'Only deployments of this work pool')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only deployments on this work queue')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Only deployments on this work queue')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only deployments with this tag (repeatable: all must match)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only deployments with this tag (repeatable: all must match)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;deployment;list' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only deployments of this work pool')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'Only deployments of this work pool')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only deployments on this work queue')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Only deployments on this work queue')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only deployments with this tag (repeatable: all must match)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only deployments with this tag (repeatable: all must match)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;deployment;inspect' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;deployment;delete' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;deployment;pause' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;deployment;resume' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;deployment;run' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A parameter as NAME=VALUE; VALUE is read as JSON, else as text (repeatable)')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'A parameter as NAME=VALUE; VALUE is read as JSON, else as text (repeatable)')
            [CompletionResult]::new('--params', '--params', [CompletionResultType]::ParameterName, 'All parameters as a JSON object, or - to read it from stdin (--param wins)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag for the run, on top of the deployment''s (repeatable)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'A job variable as NAME=VALUE, read like --param (repeatable)')
            [CompletionResult]::new('--job-variable', '--job-variable', [CompletionResultType]::ParameterName, 'A job variable as NAME=VALUE, read like --param (repeatable)')
            [CompletionResult]::new('--start-in', '--start-in', [CompletionResultType]::ParameterName, 'Start after this long: "5m", "2 hours", "1h30m"')
            [CompletionResult]::new('--start-at', '--start-at', [CompletionResultType]::ParameterName, 'Start at this time: RFC 3339 ("2026-08-01T17:30:00+02:00") or "2026-08-01 17:30" (UTC)')
            [CompletionResult]::new('--flow-run-name', '--flow-run-name', [CompletionResultType]::ParameterName, 'Name of the run; {param} is replaced by a parameter''s value')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'A key that makes repeating this command return the same run')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this many seconds (1 to 604800, a week; exit 1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Follow the run, print its logs, and exit 0 if it completes, 1 otherwise')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;deployment;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List deployments with their pool, queue, schedules and status')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show one deployment')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a deployment and its scheduled runs')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a deployment: its schedules stop creating runs')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused deployment')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Create a flow run of a deployment (the same as `ot2ctl run`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;deployment;help;ls' {
            break
        }
        'ot2ctl;deployment;help;inspect' {
            break
        }
        'ot2ctl;deployment;help;delete' {
            break
        }
        'ot2ctl;deployment;help;pause' {
            break
        }
        'ot2ctl;deployment;help;resume' {
            break
        }
        'ot2ctl;deployment;help;run' {
            break
        }
        'ot2ctl;deployment;help;help' {
            break
        }
        'ot2ctl;flow-run' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List recent flow runs, newest first')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List recent flow runs, newest first')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show one flow run')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print a flow run''s logs')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Ask for a flow run to be cancelled')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a flow run and its logs')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;flow-run;ls' {
            [CompletionResult]::new('--flow-name', '--flow-name', [CompletionResultType]::ParameterName, 'Only runs of this flow (repeatable)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only runs in this state, by name: Late, Completed, Failed, ... (repeatable)')
            [CompletionResult]::new('--state-type', '--state-type', [CompletionResultType]::ParameterName, 'Only runs of this state type: SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, CRASHED, PAUSED, CANCELLING (repeatable)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many runs to show (1 to 10000)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;flow-run;list' {
            [CompletionResult]::new('--flow-name', '--flow-name', [CompletionResultType]::ParameterName, 'Only runs of this flow (repeatable)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only runs in this state, by name: Late, Completed, Failed, ... (repeatable)')
            [CompletionResult]::new('--state-type', '--state-type', [CompletionResultType]::ParameterName, 'Only runs of this state type: SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, CRASHED, PAUSED, CANCELLING (repeatable)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many runs to show (1 to 10000)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;flow-run;inspect' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;flow-run;logs' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many lines --head or --tail show (1 to 1000000)')
            [CompletionResult]::new('--num-logs', '--num-logs', [CompletionResultType]::ParameterName, 'How many lines --head or --tail show (1 to 1000000)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--head', '--head', [CompletionResultType]::ParameterName, 'Only the first lines')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only the last lines')
            [CompletionResult]::new('--tail', '--tail', [CompletionResultType]::ParameterName, 'Only the last lines')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Newest first')
            [CompletionResult]::new('--reverse', '--reverse', [CompletionResultType]::ParameterName, 'Newest first')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new lines until the run ends')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new lines until the run ends')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;flow-run;cancel' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;flow-run;delete' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;flow-run;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List recent flow runs, newest first')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show one flow run')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print a flow run''s logs')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Ask for a flow run to be cancelled')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a flow run and its logs')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;flow-run;help;ls' {
            break
        }
        'ot2ctl;flow-run;help;inspect' {
            break
        }
        'ot2ctl;flow-run;help;logs' {
            break
        }
        'ot2ctl;flow-run;help;cancel' {
            break
        }
        'ot2ctl;flow-run;help;delete' {
            break
        }
        'ot2ctl;flow-run;help;help' {
            break
        }
        'ot2ctl;worker' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Claim flow runs of a work pool in priority order and execute them')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install the worker as a service that starts at boot and restarts on failure')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;worker;start' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The work pool to take runs from')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'The work pool to take runs from')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'A queue of the pool to take runs from (repeatable; default: every queue)')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'A queue of the pool to take runs from (repeatable; default: every queue)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The worker''s name in Prefect; keep it stable across restarts')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The worker''s name in Prefect; keep it stable across restarts')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many runs may execute at once (1 to 1000)')
            [CompletionResult]::new('--prefetch-seconds', '--prefetch-seconds', [CompletionResultType]::ParameterName, 'Claim runs scheduled up to this many seconds ahead (0 to 604800, a week)')
            [CompletionResult]::new('--poll-seconds', '--poll-seconds', [CompletionResultType]::ParameterName, 'Seconds between two polls of the pool (0.1 to 86400, fractions allowed) [default: 10, or 30 while the server''s event stream is connected: its events wake the worker sooner]')
            [CompletionResult]::new('--heartbeat-seconds', '--heartbeat-seconds', [CompletionResultType]::ParameterName, 'Seconds between two heartbeats (1 to 86400)')
            [CompletionResult]::new('--python', '--python', [CompletionResultType]::ParameterName, 'Python with prefect installed, for Python flows')
            [CompletionResult]::new('--opentrons-python', '--opentrons-python', [CompletionResultType]::ParameterName, 'Python with opentrons (8.2.0) installed, to simulate OT-2 protocols')
            [CompletionResult]::new('--protocols-dir', '--protocols-dir', [CompletionResultType]::ParameterName, 'A directory protocols may be run from (repeatable)')
            [CompletionResult]::new('--allow-repo', '--allow-repo', [CompletionResultType]::ParameterName, 'A git repository whose checkouts protocols may be run from (repeatable)')
            [CompletionResult]::new('--checkouts-dir', '--checkouts-dir', [CompletionResultType]::ParameterName, 'Where git_clone pull steps keep their checkouts')
            [CompletionResult]::new('--git-timeout-seconds', '--git-timeout-seconds', [CompletionResultType]::ParameterName, 'Seconds one git command of a git_clone pull step may take before it is stopped (1 to 86400)')
            [CompletionResult]::new('--robot', '--robot', [CompletionResultType]::ParameterName, 'The OT-2 to run protocols on, by its robot-server URL (without it they are simulated)')
            [CompletionResult]::new('--opentrons-execute', '--opentrons-execute', [CompletionResultType]::ParameterName, 'Run protocols on this robot with opentrons_execute, for robots whose HTTP API is not usable')
            [CompletionResult]::new('--cancel-grace-seconds', '--cancel-grace-seconds', [CompletionResultType]::ParameterName, 'Seconds between SIGTERM and SIGKILL when a run is cancelled (0 to 86400)')
            [CompletionResult]::new('--shutdown-grace-seconds', '--shutdown-grace-seconds', [CompletionResultType]::ParameterName, 'Seconds running runs get to finish after SIGINT/SIGTERM before they are cancelled (0 to 86400)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-python-flows', '--no-python-flows', [CompletionResultType]::ParameterName, 'Do not run Python flows; they are failed with the reason')
            [CompletionResult]::new('--force-stop', '--force-stop', [CompletionResultType]::ParameterName, 'Stop a cancelled robot run at once, even while the colour sensor is held')
            [CompletionResult]::new('--stop-robot-server', '--stop-robot-server', [CompletionResultType]::ParameterName, 'Let the worker stop robot-server around each opentrons_execute run (and start it again)')
            [CompletionResult]::new('--run-once', '--run-once', [CompletionResultType]::ParameterName, 'Poll once, run what was claimed, then exit')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;worker;install' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The work pool to take runs from')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'The work pool to take runs from')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'A queue of the pool to take runs from (repeatable; default: every queue)')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'A queue of the pool to take runs from (repeatable; default: every queue)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The worker''s name in Prefect; keep it stable across restarts')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The worker''s name in Prefect; keep it stable across restarts')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many runs may execute at once (1 to 1000)')
            [CompletionResult]::new('--prefetch-seconds', '--prefetch-seconds', [CompletionResultType]::ParameterName, 'Claim runs scheduled up to this many seconds ahead (0 to 604800, a week)')
            [CompletionResult]::new('--poll-seconds', '--poll-seconds', [CompletionResultType]::ParameterName, 'Seconds between two polls of the pool (0.1 to 86400, fractions allowed) [default: 10, or 30 while the server''s event stream is connected: its events wake the worker sooner]')
            [CompletionResult]::new('--heartbeat-seconds', '--heartbeat-seconds', [CompletionResultType]::ParameterName, 'Seconds between two heartbeats (1 to 86400)')
            [CompletionResult]::new('--python', '--python', [CompletionResultType]::ParameterName, 'Python with prefect installed, for Python flows')
            [CompletionResult]::new('--opentrons-python', '--opentrons-python', [CompletionResultType]::ParameterName, 'Python with opentrons (8.2.0) installed, to simulate OT-2 protocols')
            [CompletionResult]::new('--protocols-dir', '--protocols-dir', [CompletionResultType]::ParameterName, 'A directory protocols may be run from (repeatable)')
            [CompletionResult]::new('--allow-repo', '--allow-repo', [CompletionResultType]::ParameterName, 'A git repository whose checkouts protocols may be run from (repeatable)')
            [CompletionResult]::new('--checkouts-dir', '--checkouts-dir', [CompletionResultType]::ParameterName, 'Where git_clone pull steps keep their checkouts')
            [CompletionResult]::new('--git-timeout-seconds', '--git-timeout-seconds', [CompletionResultType]::ParameterName, 'Seconds one git command of a git_clone pull step may take before it is stopped (1 to 86400)')
            [CompletionResult]::new('--robot', '--robot', [CompletionResultType]::ParameterName, 'The OT-2 to run protocols on, by its robot-server URL (without it they are simulated)')
            [CompletionResult]::new('--opentrons-execute', '--opentrons-execute', [CompletionResultType]::ParameterName, 'Run protocols on this robot with opentrons_execute, for robots whose HTTP API is not usable')
            [CompletionResult]::new('--cancel-grace-seconds', '--cancel-grace-seconds', [CompletionResultType]::ParameterName, 'Seconds between SIGTERM and SIGKILL when a run is cancelled (0 to 86400)')
            [CompletionResult]::new('--shutdown-grace-seconds', '--shutdown-grace-seconds', [CompletionResultType]::ParameterName, 'Seconds running runs get to finish after SIGINT/SIGTERM before they are cancelled (0 to 86400)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'What starts the worker: a systemd unit, or a boot script for an OT-2 (whose /etc is read-only; the script starts a transient systemd unit from /var/data/boot.d)')
            [CompletionResult]::new('--unit-name', '--unit-name', [CompletionResultType]::ParameterName, 'Name of the unit (and of the boot script)')
            [CompletionResult]::new('--unit-dir', '--unit-dir', [CompletionResultType]::ParameterName, 'Directory to write the unit or boot script to [default: /etc/systemd/system, or /var/data/boot.d for --target ot2]')
            [CompletionResult]::new('--env-dir', '--env-dir', [CompletionResultType]::ParameterName, 'Where the settings with secrets go (mode 0600) [default: /etc/ot2ctl, or /var/data/ot2ctl for --target ot2]')
            [CompletionResult]::new('--binary', '--binary', [CompletionResultType]::ParameterName, 'The ot2ctl binary the service runs [default: this one]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-python-flows', '--no-python-flows', [CompletionResultType]::ParameterName, 'Do not run Python flows; they are failed with the reason')
            [CompletionResult]::new('--force-stop', '--force-stop', [CompletionResultType]::ParameterName, 'Stop a cancelled robot run at once, even while the colour sensor is held')
            [CompletionResult]::new('--stop-robot-server', '--stop-robot-server', [CompletionResultType]::ParameterName, 'Let the worker stop robot-server around each opentrons_execute run (and start it again)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written (secrets masked) and write nothing')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;worker;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Claim flow runs of a work pool in priority order and execute them')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install the worker as a service that starts at boot and restarts on failure')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;worker;help;start' {
            break
        }
        'ot2ctl;worker;help;install' {
            break
        }
        'ot2ctl;worker;help;help' {
            break
        }
        'ot2ctl;inventory' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each colour''s stock, LOW / OUT OF STOCK warnings and what to restock')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Show each colour''s stock, LOW / OUT OF STOCK warnings and what to restock')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Set every colour''s stock (mL) and the evaporation rate, e.g. after filling fresh tubes')
            [CompletionResult]::new('initialize', 'initialize', [CompletionResultType]::ParameterValue, 'Set every colour''s stock (mL) and the evaporation rate, e.g. after filling fresh tubes')
            [CompletionResult]::new('restock', 'restock', [CompletionResultType]::ParameterValue, 'Add paint (mL per colour), recorded in the audit log with the operator')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'List the audit log of restocks and initialisations (this machine''s store)')
            [CompletionResult]::new('maintenance', 'maintenance', [CompletionResultType]::ParameterValue, 'Check at 5 mL, restock 10 mL of each colour, check again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;inventory;status' {
            [CompletionResult]::new('--deployment', '--deployment', [CompletionResultType]::ParameterName, 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Act on this machine''s store directly instead of running the deployment')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;inventory;check' {
            [CompletionResult]::new('--deployment', '--deployment', [CompletionResultType]::ParameterName, 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Act on this machine''s store directly instead of running the deployment')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;inventory;init' {
            [CompletionResult]::new('--evaporation-rate', '--evaporation-rate', [CompletionResultType]::ParameterName, 'Evaporation, in µL per hour')
            [CompletionResult]::new('--deployment', '--deployment', [CompletionResultType]::ParameterName, 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Act on this machine''s store directly instead of running the deployment')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;inventory;initialize' {
            [CompletionResult]::new('--evaporation-rate', '--evaporation-rate', [CompletionResultType]::ParameterName, 'Evaporation, in µL per hour')
            [CompletionResult]::new('--deployment', '--deployment', [CompletionResultType]::ParameterName, 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Act on this machine''s store directly instead of running the deployment')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;inventory;restock' {
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who restocked, for the audit log (the original took it as a fourth argument)')
            [CompletionResult]::new('--deployment', '--deployment', [CompletionResultType]::ParameterName, 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Act on this machine''s store directly instead of running the deployment')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;inventory;log' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many entries, newest first (1 to 100000)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many entries, newest first (1 to 100000)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;inventory;maintenance' {
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who restocked, for the audit log')
            [CompletionResult]::new('--deployment', '--deployment', [CompletionResultType]::ParameterName, 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Act on this machine''s store directly instead of running the deployment')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;inventory;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each colour''s stock, LOW / OUT OF STOCK warnings and what to restock')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Set every colour''s stock (mL) and the evaporation rate, e.g. after filling fresh tubes')
            [CompletionResult]::new('restock', 'restock', [CompletionResultType]::ParameterValue, 'Add paint (mL per colour), recorded in the audit log with the operator')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'List the audit log of restocks and initialisations (this machine''s store)')
            [CompletionResult]::new('maintenance', 'maintenance', [CompletionResultType]::ParameterValue, 'Check at 5 mL, restock 10 mL of each colour, check again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;inventory;help;status' {
            break
        }
        'ot2ctl;inventory;help;init' {
            break
        }
        'ot2ctl;inventory;help;restock' {
            break
        }
        'ot2ctl;inventory;help;log' {
            break
        }
        'ot2ctl;inventory;help;maintenance' {
            break
        }
        'ot2ctl;inventory;help;help' {
            break
        }
        'ot2ctl;plate' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Draw the plate: free, reserved and used wells, each used well in the colour mixed into it')
            [CompletionResult]::new('next', 'next', [CompletionResultType]::ParameterValue, 'The next free well, in the lab''s order (by row, then by column)')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Record a fresh plate; the one in use is kept in the history')
            [CompletionResult]::new('mark', 'mark', [CompletionResultType]::ParameterValue, 'Correct one well by hand (used or empty), with a reason kept in the plate''s log')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the plates recorded on this machine''s store, the one in use first')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'List the plate''s log: new plates and corrections, newest first (this machine''s store)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;plate;status' {
            [CompletionResult]::new('--plate', '--plate', [CompletionResultType]::ParameterName, 'Show a plate of the history by its id instead of the plate in use')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Draw used wells in 24-bit colour (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--deployment', '--deployment', [CompletionResultType]::ParameterName, 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Act on this machine''s store directly instead of running the deployment')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;plate;next' {
            [CompletionResult]::new('--deployment', '--deployment', [CompletionResultType]::ParameterName, 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Act on this machine''s store directly instead of running the deployment')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;plate;new' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project written into every well''s document [default: lab.yaml''s, else OT2]')
            [CompletionResult]::new('--rows', '--rows', [CompletionResultType]::ParameterName, 'The rows used, a range or a list: B-H, B,D,F [default: lab.yaml''s, else B-H]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'The columns used, a range or a list: 1-12, 1,3,5 [default: lab.yaml''s, else 1-12]')
            [CompletionResult]::new('--missing-well', '--missing-well', [CompletionResultType]::ParameterName, 'Where a mix that names no well goes [default: lab.yaml''s, else protocol-default]')
            [CompletionResult]::new('--lab', '--lab', [CompletionResultType]::ParameterName, 'The lab file whose `plate:` section to read [default: lab.yaml here, if there is one]')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who put in the plate, for the plate''s log')
            [CompletionResult]::new('--deployment', '--deployment', [CompletionResultType]::ParameterName, 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Act on this machine''s store directly instead of running the deployment')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;plate;mark' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the plate''s log')
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Who corrected it, for the plate''s log')
            [CompletionResult]::new('--deployment', '--deployment', [CompletionResultType]::ParameterName, 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the deployment''s run after this many seconds (1 to 604800, a week)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--used', '--used', [CompletionResultType]::ParameterName, 'Mark it used (paint is in it)')
            [CompletionResult]::new('--empty', '--empty', [CompletionResultType]::ParameterName, 'Mark it empty (no paint in it)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Act on this machine''s store directly instead of running the deployment')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;plate;history' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;plate;log' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many entries, newest first (1 to 100000)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many entries, newest first (1 to 100000)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;plate;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Draw the plate: free, reserved and used wells, each used well in the colour mixed into it')
            [CompletionResult]::new('next', 'next', [CompletionResultType]::ParameterValue, 'The next free well, in the lab''s order (by row, then by column)')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Record a fresh plate; the one in use is kept in the history')
            [CompletionResult]::new('mark', 'mark', [CompletionResultType]::ParameterValue, 'Correct one well by hand (used or empty), with a reason kept in the plate''s log')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the plates recorded on this machine''s store, the one in use first')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'List the plate''s log: new plates and corrections, newest first (this machine''s store)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;plate;help;status' {
            break
        }
        'ot2ctl;plate;help;next' {
            break
        }
        'ot2ctl;plate;help;new' {
            break
        }
        'ot2ctl;plate;help;mark' {
            break
        }
        'ot2ctl;plate;help;history' {
            break
        }
        'ot2ctl;plate;help;log' {
            break
        }
        'ot2ctl;plate;help;help' {
            break
        }
        'ot2ctl;sensor' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Ask the colour sensor for one reading over MQTT, without moving anything')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;sensor;read' {
            [CompletionResult]::new('--red', '--red', [CompletionResultType]::ParameterName, 'µL of red paint the request says the well holds')
            [CompletionResult]::new('--yellow', '--yellow', [CompletionResultType]::ParameterName, 'µL of yellow paint')
            [CompletionResult]::new('--blue', '--blue', [CompletionResultType]::ParameterName, 'µL of blue paint')
            [CompletionResult]::new('--well', '--well', [CompletionResultType]::ParameterName, 'The well under the sensor, sent along in the request')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;sensor;help' {
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Ask the colour sensor for one reading over MQTT, without moving anything')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;sensor;help;read' {
            break
        }
        'ot2ctl;sensor;help;help' {
            break
        }
        'ot2ctl;campaign' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a colour-matching campaign: mix, measure, propose the next recipe, until the target is matched')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Go on with a campaign that was stopped (killed, a timeout, the machine restarted)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a campaign: every step, the best match beside the target, ΔE per step')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the campaigns kept on this machine, the newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;campaign;start' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The colour to match, #rrggbb')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'How many mixes at most (1-96)')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Matched when CIEDE2000 ΔE is below this (0.1-50)')
            [CompletionResult]::new('--total-ul', '--total-ul', [CompletionResultType]::ParameterName, 'µL in every mix [default: lab.yaml''s campaign.total_ul, else 250]')
            [CompletionResult]::new('--optimiser', '--optimiser', [CompletionResultType]::ParameterName, 'How the next recipe is chosen [default: bayesian where this build has it, else random]')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed of the optimiser''s random draws (the same seed proposes the same recipes)')
            [CompletionResult]::new('--wells', '--wells', [CompletionResultType]::ParameterName, 'Which wells the mixes go into: auto (the plate''s next free well each time) or a list in order, e.g. C1,C2,C3 (as many as the budget)')
            [CompletionResult]::new('--mix', '--mix', [CompletionResultType]::ParameterName, 'The deployment that mixes into the next free well')
            [CompletionResult]::new('--measure', '--measure', [CompletionResultType]::ParameterName, 'The deployment that measures a well')
            [CompletionResult]::new('--lab', '--lab', [CompletionResultType]::ParameterName, 'The lab file whose campaign section is read [default: lab.yaml here, if any]')
            [CompletionResult]::new('--run-timeout', '--run-timeout', [CompletionResultType]::ParameterName, 'Seconds one flow run may take before the campaign stops (it can be resumed)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;campaign;resume' {
            [CompletionResult]::new('--run-timeout', '--run-timeout', [CompletionResultType]::ParameterName, 'Seconds one flow run may take before the campaign stops (it can be resumed)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;campaign;status' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Draw the colours in 24-bit colour (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;campaign;ls' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;campaign;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a colour-matching campaign: mix, measure, propose the next recipe, until the target is matched')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Go on with a campaign that was stopped (killed, a timeout, the machine restarted)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a campaign: every step, the best match beside the target, ΔE per step')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the campaigns kept on this machine, the newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;campaign;help;start' {
            break
        }
        'ot2ctl;campaign;help;resume' {
            break
        }
        'ot2ctl;campaign;help;status' {
            break
        }
        'ot2ctl;campaign;help;ls' {
            break
        }
        'ot2ctl;campaign;help;help' {
            break
        }
        'ot2ctl;robot' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('offsets', 'offsets', [CompletionResultType]::ParameterValue, 'Labware offsets sent with every run on a robot')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;robot;offsets' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a robot''s stored labware offsets')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a robot''s stored labware offsets')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store the offset of one labware in one slot (replacing any earlier one)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Forget stored offsets: all of them, or those of one labware (and slot)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Store the offsets of an Opentrons App export (JSON), replacing those of the same labware and slot')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;robot;offsets;ls' {
            [CompletionResult]::new('--robot', '--robot', [CompletionResultType]::ParameterName, 'The robot, by its robot-server URL (port 31950)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;robot;offsets;list' {
            [CompletionResult]::new('--robot', '--robot', [CompletionResultType]::ParameterName, 'The robot, by its robot-server URL (port 31950)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;robot;offsets;set' {
            [CompletionResult]::new('--slot', '--slot', [CompletionResultType]::ParameterName, 'The deck slot (1-11)')
            [CompletionResult]::new('--x', '--x', [CompletionResultType]::ParameterName, 'Millimetres along x')
            [CompletionResult]::new('--y', '--y', [CompletionResultType]::ParameterName, 'Millimetres along y')
            [CompletionResult]::new('--z', '--z', [CompletionResultType]::ParameterName, 'Millimetres along z')
            [CompletionResult]::new('--robot', '--robot', [CompletionResultType]::ParameterName, 'The robot, by its robot-server URL (port 31950)')
            [CompletionResult]::new('--protocols-dir', '--protocols-dir', [CompletionResultType]::ParameterName, 'The lab''s protocols (with their custom labware in labware/), to warn about offsets no protocol can use [default: ./protocols, when it exists]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--allow-large-offset', '--allow-large-offset', [CompletionResultType]::ParameterName, 'Accept an offset of more than 10 mm on an axis')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;robot;offsets;clear' {
            [CompletionResult]::new('--slot', '--slot', [CompletionResultType]::ParameterName, 'Only the offsets in this slot')
            [CompletionResult]::new('--robot', '--robot', [CompletionResultType]::ParameterName, 'The robot, by its robot-server URL (port 31950)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before forgetting every offset')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before forgetting every offset')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;robot;offsets;import' {
            [CompletionResult]::new('--robot', '--robot', [CompletionResultType]::ParameterName, 'The robot, by its robot-server URL (port 31950)')
            [CompletionResult]::new('--protocols-dir', '--protocols-dir', [CompletionResultType]::ParameterName, 'The lab''s protocols (with their custom labware in labware/), to warn about offsets no protocol can use [default: ./protocols, when it exists]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--allow-large-offset', '--allow-large-offset', [CompletionResultType]::ParameterName, 'Accept offsets of more than 10 mm on an axis')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;robot;offsets;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a robot''s stored labware offsets')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store the offset of one labware in one slot (replacing any earlier one)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Forget stored offsets: all of them, or those of one labware (and slot)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Store the offsets of an Opentrons App export (JSON), replacing those of the same labware and slot')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;robot;offsets;help;ls' {
            break
        }
        'ot2ctl;robot;offsets;help;set' {
            break
        }
        'ot2ctl;robot;offsets;help;clear' {
            break
        }
        'ot2ctl;robot;offsets;help;import' {
            break
        }
        'ot2ctl;robot;offsets;help;help' {
            break
        }
        'ot2ctl;robot;help' {
            [CompletionResult]::new('offsets', 'offsets', [CompletionResultType]::ParameterValue, 'Labware offsets sent with every run on a robot')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;robot;help;offsets' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a robot''s stored labware offsets')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store the offset of one labware in one slot (replacing any earlier one)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Forget stored offsets: all of them, or those of one labware (and slot)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Store the offsets of an Opentrons App export (JSON), replacing those of the same labware and slot')
            break
        }
        'ot2ctl;robot;help;offsets;ls' {
            break
        }
        'ot2ctl;robot;help;offsets;set' {
            break
        }
        'ot2ctl;robot;help;offsets;clear' {
            break
        }
        'ot2ctl;robot;help;offsets;import' {
            break
        }
        'ot2ctl;robot;help;help' {
            break
        }
        'ot2ctl;lab' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Create or update the work pools and queues a lab file declares (idempotent)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;lab;setup' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change and write nothing')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;lab;help' {
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Create or update the work pools and queues a lab file declares (idempotent)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;lab;help;setup' {
            break
        }
        'ot2ctl;lab;help;help' {
            break
        }
        'ot2ctl;config' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show every setting, where its value came from, secrets masked')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set settings in the active profile (API keys go to the OS keyring when there is one)')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove settings from the active profile')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;config;view' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;config;set' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;config;unset' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;config;help' {
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show every setting, where its value came from, secrets masked')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set settings in the active profile (API keys go to the OS keyring when there is one)')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove settings from the active profile')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;config;help;view' {
            break
        }
        'ot2ctl;config;help;set' {
            break
        }
        'ot2ctl;config;help;unset' {
            break
        }
        'ot2ctl;config;help;help' {
            break
        }
        'ot2ctl;profile' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List profiles (ot2ctl''s and Prefect''s); the active one is marked')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles (ot2ctl''s and Prefect''s); the active one is marked')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a profile, empty or copied from another')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the active one')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one of ot2ctl''s profiles')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show a profile''s settings (default: the active profile), secrets masked')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;profile;ls' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;profile;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;profile;create' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Copy the settings of this profile')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;profile;use' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;profile;delete' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;profile;inspect' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;profile;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List profiles (ot2ctl''s and Prefect''s); the active one is marked')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a profile, empty or copied from another')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the active one')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one of ot2ctl''s profiles')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show a profile''s settings (default: the active profile), secrets masked')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;profile;help;ls' {
            break
        }
        'ot2ctl;profile;help;create' {
            break
        }
        'ot2ctl;profile;help;use' {
            break
        }
        'ot2ctl;profile;help;delete' {
            break
        }
        'ot2ctl;profile;help;inspect' {
            break
        }
        'ot2ctl;profile;help;help' {
            break
        }
        'ot2ctl;completions' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('--no-prompt', '--no-prompt', [CompletionResultType]::ParameterName, 'Never ask a question (as Prefect''s `prefect --no-prompt`, used in CI scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;help' {
            [CompletionResult]::new('work-pool', 'work-pool', [CompletionResultType]::ParameterValue, 'Create, inspect and change work pools')
            [CompletionResult]::new('work-queue', 'work-queue', [CompletionResultType]::ParameterValue, 'Create, inspect and change the work queues of a pool')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Create or update deployments from prefect.yaml, without Python')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Create a flow run of a deployment, optionally following it to the end')
            [CompletionResult]::new('deployment', 'deployment', [CompletionResultType]::ParameterValue, 'List, inspect, pause, resume, delete and run deployments')
            [CompletionResult]::new('flow-run', 'flow-run', [CompletionResultType]::ParameterValue, 'List flow runs, read their logs, cancel or delete them')
            [CompletionResult]::new('worker', 'worker', [CompletionResultType]::ParameterValue, 'Run a worker that claims and executes flow runs of a work pool')
            [CompletionResult]::new('inventory', 'inventory', [CompletionResultType]::ParameterValue, 'The lab''s paint inventory: status, initialise, restock, audit log')
            [CompletionResult]::new('plate', 'plate', [CompletionResultType]::ParameterValue, 'The 96-well plate: which wells are free, reserved or used; a fresh plate; corrections')
            [CompletionResult]::new('sensor', 'sensor', [CompletionResultType]::ParameterValue, 'The wireless colour sensor over MQTT: one reading, to check it answers')
            [CompletionResult]::new('campaign', 'campaign', [CompletionResultType]::ParameterValue, 'Colour-matching campaigns: mix, measure, propose the next recipe, until the target is matched')
            [CompletionResult]::new('robot', 'robot', [CompletionResultType]::ParameterValue, 'The OT-2 robots the worker drives: their stored labware offsets')
            [CompletionResult]::new('lab', 'lab', [CompletionResultType]::ParameterValue, 'Set up the lab''s work pools and queues from a declarative file')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'View and change settings of the active profile')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'List, create and switch profiles')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ot2ctl;help;work-pool' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a work pool (a `process` pool gets Prefect''s default job template)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List work pools with their status and limits')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show one work pool, its queues and its workers')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a work pool''s description, job template or concurrency limit')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a work pool (its deployments lose their pool)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a work pool: workers get no new runs from it')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused work pool')
            [CompletionResult]::new('set-concurrency-limit', 'set-concurrency-limit', [CompletionResultType]::ParameterValue, 'Limit how many runs of the pool may be pending or running at once')
            [CompletionResult]::new('clear-concurrency-limit', 'clear-concurrency-limit', [CompletionResultType]::ParameterValue, 'Remove a work pool''s concurrency limit')
            break
        }
        'ot2ctl;help;work-pool;create' {
            break
        }
        'ot2ctl;help;work-pool;ls' {
            break
        }
        'ot2ctl;help;work-pool;inspect' {
            break
        }
        'ot2ctl;help;work-pool;update' {
            break
        }
        'ot2ctl;help;work-pool;delete' {
            break
        }
        'ot2ctl;help;work-pool;pause' {
            break
        }
        'ot2ctl;help;work-pool;resume' {
            break
        }
        'ot2ctl;help;work-pool;set-concurrency-limit' {
            break
        }
        'ot2ctl;help;work-pool;clear-concurrency-limit' {
            break
        }
        'ot2ctl;help;work-queue' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a work queue in a pool')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List work queues, most urgent first')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show one work queue and its health')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a queue''s priority, description or concurrency limit')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a work queue (a pool''s default queue cannot be deleted)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a work queue: workers get no new runs from it')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused work queue')
            [CompletionResult]::new('set-concurrency-limit', 'set-concurrency-limit', [CompletionResultType]::ParameterValue, 'Limit how many runs of the queue may be pending or running at once')
            [CompletionResult]::new('clear-concurrency-limit', 'clear-concurrency-limit', [CompletionResultType]::ParameterValue, 'Remove a work queue''s concurrency limit')
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'List the scheduled runs a queue will hand out soon (does not mark the queue polled)')
            break
        }
        'ot2ctl;help;work-queue;create' {
            break
        }
        'ot2ctl;help;work-queue;ls' {
            break
        }
        'ot2ctl;help;work-queue;inspect' {
            break
        }
        'ot2ctl;help;work-queue;update' {
            break
        }
        'ot2ctl;help;work-queue;delete' {
            break
        }
        'ot2ctl;help;work-queue;pause' {
            break
        }
        'ot2ctl;help;work-queue;resume' {
            break
        }
        'ot2ctl;help;work-queue;set-concurrency-limit' {
            break
        }
        'ot2ctl;help;work-queue;clear-concurrency-limit' {
            break
        }
        'ot2ctl;help;work-queue;preview' {
            break
        }
        'ot2ctl;help;deploy' {
            break
        }
        'ot2ctl;help;run' {
            break
        }
        'ot2ctl;help;deployment' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List deployments with their pool, queue, schedules and status')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show one deployment')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a deployment and its scheduled runs')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a deployment: its schedules stop creating runs')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused deployment')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Create a flow run of a deployment (the same as `ot2ctl run`)')
            break
        }
        'ot2ctl;help;deployment;ls' {
            break
        }
        'ot2ctl;help;deployment;inspect' {
            break
        }
        'ot2ctl;help;deployment;delete' {
            break
        }
        'ot2ctl;help;deployment;pause' {
            break
        }
        'ot2ctl;help;deployment;resume' {
            break
        }
        'ot2ctl;help;deployment;run' {
            break
        }
        'ot2ctl;help;flow-run' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List recent flow runs, newest first')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show one flow run')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print a flow run''s logs')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Ask for a flow run to be cancelled')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a flow run and its logs')
            break
        }
        'ot2ctl;help;flow-run;ls' {
            break
        }
        'ot2ctl;help;flow-run;inspect' {
            break
        }
        'ot2ctl;help;flow-run;logs' {
            break
        }
        'ot2ctl;help;flow-run;cancel' {
            break
        }
        'ot2ctl;help;flow-run;delete' {
            break
        }
        'ot2ctl;help;worker' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Claim flow runs of a work pool in priority order and execute them')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install the worker as a service that starts at boot and restarts on failure')
            break
        }
        'ot2ctl;help;worker;start' {
            break
        }
        'ot2ctl;help;worker;install' {
            break
        }
        'ot2ctl;help;inventory' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each colour''s stock, LOW / OUT OF STOCK warnings and what to restock')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Set every colour''s stock (mL) and the evaporation rate, e.g. after filling fresh tubes')
            [CompletionResult]::new('restock', 'restock', [CompletionResultType]::ParameterValue, 'Add paint (mL per colour), recorded in the audit log with the operator')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'List the audit log of restocks and initialisations (this machine''s store)')
            [CompletionResult]::new('maintenance', 'maintenance', [CompletionResultType]::ParameterValue, 'Check at 5 mL, restock 10 mL of each colour, check again')
            break
        }
        'ot2ctl;help;inventory;status' {
            break
        }
        'ot2ctl;help;inventory;init' {
            break
        }
        'ot2ctl;help;inventory;restock' {
            break
        }
        'ot2ctl;help;inventory;log' {
            break
        }
        'ot2ctl;help;inventory;maintenance' {
            break
        }
        'ot2ctl;help;plate' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Draw the plate: free, reserved and used wells, each used well in the colour mixed into it')
            [CompletionResult]::new('next', 'next', [CompletionResultType]::ParameterValue, 'The next free well, in the lab''s order (by row, then by column)')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Record a fresh plate; the one in use is kept in the history')
            [CompletionResult]::new('mark', 'mark', [CompletionResultType]::ParameterValue, 'Correct one well by hand (used or empty), with a reason kept in the plate''s log')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the plates recorded on this machine''s store, the one in use first')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'List the plate''s log: new plates and corrections, newest first (this machine''s store)')
            break
        }
        'ot2ctl;help;plate;status' {
            break
        }
        'ot2ctl;help;plate;next' {
            break
        }
        'ot2ctl;help;plate;new' {
            break
        }
        'ot2ctl;help;plate;mark' {
            break
        }
        'ot2ctl;help;plate;history' {
            break
        }
        'ot2ctl;help;plate;log' {
            break
        }
        'ot2ctl;help;sensor' {
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Ask the colour sensor for one reading over MQTT, without moving anything')
            break
        }
        'ot2ctl;help;sensor;read' {
            break
        }
        'ot2ctl;help;campaign' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a colour-matching campaign: mix, measure, propose the next recipe, until the target is matched')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Go on with a campaign that was stopped (killed, a timeout, the machine restarted)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a campaign: every step, the best match beside the target, ΔE per step')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the campaigns kept on this machine, the newest first')
            break
        }
        'ot2ctl;help;campaign;start' {
            break
        }
        'ot2ctl;help;campaign;resume' {
            break
        }
        'ot2ctl;help;campaign;status' {
            break
        }
        'ot2ctl;help;campaign;ls' {
            break
        }
        'ot2ctl;help;robot' {
            [CompletionResult]::new('offsets', 'offsets', [CompletionResultType]::ParameterValue, 'Labware offsets sent with every run on a robot')
            break
        }
        'ot2ctl;help;robot;offsets' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a robot''s stored labware offsets')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store the offset of one labware in one slot (replacing any earlier one)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Forget stored offsets: all of them, or those of one labware (and slot)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Store the offsets of an Opentrons App export (JSON), replacing those of the same labware and slot')
            break
        }
        'ot2ctl;help;robot;offsets;ls' {
            break
        }
        'ot2ctl;help;robot;offsets;set' {
            break
        }
        'ot2ctl;help;robot;offsets;clear' {
            break
        }
        'ot2ctl;help;robot;offsets;import' {
            break
        }
        'ot2ctl;help;lab' {
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Create or update the work pools and queues a lab file declares (idempotent)')
            break
        }
        'ot2ctl;help;lab;setup' {
            break
        }
        'ot2ctl;help;config' {
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show every setting, where its value came from, secrets masked')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set settings in the active profile (API keys go to the OS keyring when there is one)')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove settings from the active profile')
            break
        }
        'ot2ctl;help;config;view' {
            break
        }
        'ot2ctl;help;config;set' {
            break
        }
        'ot2ctl;help;config;unset' {
            break
        }
        'ot2ctl;help;profile' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List profiles (ot2ctl''s and Prefect''s); the active one is marked')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a profile, empty or copied from another')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the active one')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one of ot2ctl''s profiles')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show a profile''s settings (default: the active profile), secrets masked')
            break
        }
        'ot2ctl;help;profile;ls' {
            break
        }
        'ot2ctl;help;profile;create' {
            break
        }
        'ot2ctl;help;profile;use' {
            break
        }
        'ot2ctl;help;profile;delete' {
            break
        }
        'ot2ctl;help;profile;inspect' {
            break
        }
        'ot2ctl;help;completions' {
            break
        }
        'ot2ctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
