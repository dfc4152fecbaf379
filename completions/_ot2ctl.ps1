
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('work-pool', 'work-pool', [CompletionResultType]::ParameterValue, 'Create, inspect and change work pools')
            [CompletionResult]::new('work-queue', 'work-queue', [CompletionResultType]::ParameterValue, 'Create, inspect and change the work queues of a pool')
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-pool;pause' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-pool;resume' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-pool;set-concurrency-limit' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-pool;clear-concurrency-limit' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;work-queue;preview' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'Work pool the queue belongs to')
            [CompletionResult]::new('--hours', '--hours', [CompletionResultType]::ParameterName, 'How many hours ahead to look')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
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
        'ot2ctl;lab' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;config;set' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;config;unset' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;profile;use' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)')
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ot2ctl;help' {
            [CompletionResult]::new('work-pool', 'work-pool', [CompletionResultType]::ParameterValue, 'Create, inspect and change work pools')
            [CompletionResult]::new('work-queue', 'work-queue', [CompletionResultType]::ParameterValue, 'Create, inspect and change the work queues of a pool')
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
