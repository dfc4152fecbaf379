# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ot2ctl_global_optspecs
    string join \n api-url= profile= no-prompt h/help V/version
end

function __fish_ot2ctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ot2ctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ot2ctl_using_subcommand
    set -l cmd (__fish_ot2ctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "work-pool" -d 'Create, inspect and change work pools'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "work-queue" -d 'Create, inspect and change the work queues of a pool'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "deploy" -d 'Create or update deployments from prefect.yaml, without Python'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "run" -d 'Create a flow run of a deployment, optionally following it to the end'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "deployment" -d 'List, inspect, pause, resume, delete and run deployments'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "flow-run" -d 'List flow runs, read their logs, cancel or delete them'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "worker" -d 'Run a worker that claims and executes flow runs of a work pool'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "inventory" -d 'The lab\'s paint inventory: status, initialise, restock, audit log'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "plate" -d 'The 96-well plate: which wells are free, reserved or used; a fresh plate; corrections'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "sensor" -d 'The wireless colour sensor over MQTT: one reading, to check it answers'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "campaign" -d 'Colour-matching campaigns: mix, measure, propose the next recipe, until the target is matched'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "robot" -d 'The OT-2 robots the worker drives: their stored labware offsets'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "lab" -d 'Set up the lab\'s work pools and queues from a declarative file'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "config" -d 'View and change settings of the active profile'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "profile" -d 'List, create and switch profiles'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, powershell, elvish)'
complete -c ot2ctl -n "__fish_ot2ctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -f -a "create" -d 'Create a work pool (a `process` pool gets Prefect\'s default job template)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -f -a "ls" -d 'List work pools with their status and limits'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -f -a "list" -d 'List work pools with their status and limits'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -f -a "inspect" -d 'Show one work pool, its queues and its workers'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -f -a "update" -d 'Change a work pool\'s description, job template or concurrency limit'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -f -a "delete" -d 'Delete a work pool (its deployments lose their pool)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -f -a "pause" -d 'Pause a work pool: workers get no new runs from it'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -f -a "resume" -d 'Resume a paused work pool'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -f -a "set-concurrency-limit" -d 'Limit how many runs of the pool may be pending or running at once'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -f -a "clear-concurrency-limit" -d 'Remove a work pool\'s concurrency limit'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from create" -s t -l type -d 'Worker type of the pool' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from create" -l description -d 'What the pool is for' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from create" -l base-job-template -d 'JSON file with the base job template (default: the type\'s own template)' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from create" -l concurrency-limit -d 'Maximum number of runs in flight' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from create" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from create" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from create" -l paused -d 'Create the pool paused'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from create" -l overwrite -d 'Update the pool if it already exists instead of failing'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from create" -l force -d 'Create a pool of a type ot2ctl does not know (a worker type of a newer Prefect)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from create" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from ls" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from ls" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from ls" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from list" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from list" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from inspect" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from inspect" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from inspect" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from inspect" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from update" -l description -d 'New description' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from update" -l base-job-template -d 'JSON file with the new base job template' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from update" -l concurrency-limit -d 'New concurrency limit' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from update" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from update" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from update" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from delete" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from delete" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from delete" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from pause" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from pause" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from pause" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from resume" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from resume" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from resume" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from set-concurrency-limit" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from set-concurrency-limit" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from set-concurrency-limit" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from set-concurrency-limit" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from set-concurrency-limit" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from clear-concurrency-limit" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from clear-concurrency-limit" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from clear-concurrency-limit" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from clear-concurrency-limit" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from clear-concurrency-limit" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a work pool (a `process` pool gets Prefect\'s default job template)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List work pools with their status and limits'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show one work pool, its queues and its workers'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a work pool\'s description, job template or concurrency limit'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a work pool (its deployments lose their pool)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause a work pool: workers get no new runs from it'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Resume a paused work pool'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from help" -f -a "set-concurrency-limit" -d 'Limit how many runs of the pool may be pending or running at once'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from help" -f -a "clear-concurrency-limit" -d 'Remove a work pool\'s concurrency limit'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-pool; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -f -a "create" -d 'Create a work queue in a pool'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -f -a "ls" -d 'List work queues, most urgent first'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -f -a "list" -d 'List work queues, most urgent first'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -f -a "inspect" -d 'Show one work queue and its health'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -f -a "update" -d 'Change a queue\'s priority, description or concurrency limit'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -f -a "delete" -d 'Delete a work queue (a pool\'s default queue cannot be deleted)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -f -a "pause" -d 'Pause a work queue: workers get no new runs from it'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -f -a "resume" -d 'Resume a paused work queue'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -f -a "set-concurrency-limit" -d 'Limit how many runs of the queue may be pending or running at once'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -f -a "clear-concurrency-limit" -d 'Remove a work queue\'s concurrency limit'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -f -a "preview" -d 'List the scheduled runs a queue will hand out soon (does not mark the queue polled)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and not __fish_seen_subcommand_from create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from create" -s p -l pool -d 'Work pool to create the queue in' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from create" -s q -l priority -d 'Priority, 1 = most urgent (default: the lowest free number)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from create" -s l -l limit -d 'Maximum number of runs in flight' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from create" -l description -d 'What the queue is for' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from create" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from create" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from create" -l paused -d 'Create the queue paused'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from create" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from ls" -s p -l pool -d 'Only the queues of this work pool (default: every pool)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from ls" -s m -l match -d 'Only queues whose name starts with this' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from ls" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from ls" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from ls" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from list" -s p -l pool -d 'Only the queues of this work pool (default: every pool)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from list" -s m -l match -d 'Only queues whose name starts with this' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from list" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from list" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from inspect" -s p -l pool -d 'Work pool the queue belongs to' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from inspect" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from inspect" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from inspect" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from inspect" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from update" -s p -l pool -d 'Work pool the queue belongs to' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from update" -s q -l priority -d 'New priority, 1 = most urgent (other queues move down to keep priorities unique)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from update" -s l -l limit -d 'New concurrency limit' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from update" -l description -d 'New description' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from update" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from update" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from update" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from delete" -s p -l pool -d 'Work pool the queue belongs to' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from delete" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from delete" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from delete" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from pause" -s p -l pool -d 'Work pool the queue belongs to' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from pause" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from pause" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from pause" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from resume" -s p -l pool -d 'Work pool the queue belongs to' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from resume" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from resume" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from resume" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from set-concurrency-limit" -s p -l pool -d 'Work pool the queue belongs to' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from set-concurrency-limit" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from set-concurrency-limit" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from set-concurrency-limit" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from set-concurrency-limit" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from set-concurrency-limit" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from clear-concurrency-limit" -s p -l pool -d 'Work pool the queue belongs to' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from clear-concurrency-limit" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from clear-concurrency-limit" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from clear-concurrency-limit" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from clear-concurrency-limit" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from clear-concurrency-limit" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from preview" -s p -l pool -d 'Work pool the queue belongs to' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from preview" -l hours -d 'How many hours ahead to look (1 to 87600, ten years)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from preview" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from preview" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from preview" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from preview" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from preview" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from preview" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a work queue in a pool'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List work queues, most urgent first'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show one work queue and its health'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a queue\'s priority, description or concurrency limit'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a work queue (a pool\'s default queue cannot be deleted)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause a work queue: workers get no new runs from it'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Resume a paused work queue'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from help" -f -a "set-concurrency-limit" -d 'Limit how many runs of the queue may be pending or running at once'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from help" -f -a "clear-concurrency-limit" -d 'Remove a work queue\'s concurrency limit'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from help" -f -a "preview" -d 'List the scheduled runs a queue will hand out soon (does not mark the queue polled)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand work-queue; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -s n -l name -d 'Entry to deploy: NAME, FLOW/NAME, or a glob with * (repeatable)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l prefect-file -d 'The project file' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l concurrency -d 'How many deployments are written at once (the report keeps the file\'s order); 1 by default, as a SQLite-backed server refuses concurrent writes (503); more on PostgreSQL' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -s p -l pool -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -s q -l work-queue -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -s t -l tag -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l version -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l version-type -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -s d -l description -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l param -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l params -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l job-variable -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l cron -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l interval -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l rrule -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l anchor-date -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l timezone -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l concurrency-limit -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l collision-strategy -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l trigger -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l sla -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l all -d 'Deploy every entry of the file'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l dry-run -d 'Print what would be created or updated (with a field-level diff) and write nothing'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l allow-missing -d 'Render missing environment variables and Prefect variables empty, as prefect deploy does'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l enforce-parameter-schema
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l no-enforce-parameter-schema
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deploy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -s p -l param -d 'A parameter as NAME=VALUE; VALUE is read as JSON, else as text (repeatable)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -l params -d 'All parameters as a JSON object, or - to read it from stdin (--param wins)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -l tag -d 'A tag for the run, on top of the deployment\'s (repeatable)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -s j -l job-variable -d 'A job variable as NAME=VALUE, read like --param (repeatable)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -l start-in -d 'Start after this long: "5m", "2 hours", "1h30m"' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -l start-at -d 'Start at this time: RFC 3339 ("2026-08-01T17:30:00+02:00") or "2026-08-01 17:30" (UTC)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -l flow-run-name -d 'Name of the run; {param} is replaced by a parameter\'s value' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -l idempotency-key -d 'A key that makes repeating this command return the same run' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -l timeout -d 'With --watch: give up after this many seconds (1 to 604800, a week; exit 1)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -l watch -d 'Follow the run, print its logs, and exit 0 if it completes, 1 otherwise'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand run" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and not __fish_seen_subcommand_from ls list inspect delete pause resume run help" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and not __fish_seen_subcommand_from ls list inspect delete pause resume run help" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and not __fish_seen_subcommand_from ls list inspect delete pause resume run help" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and not __fish_seen_subcommand_from ls list inspect delete pause resume run help" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and not __fish_seen_subcommand_from ls list inspect delete pause resume run help" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and not __fish_seen_subcommand_from ls list inspect delete pause resume run help" -f -a "ls" -d 'List deployments with their pool, queue, schedules and status'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and not __fish_seen_subcommand_from ls list inspect delete pause resume run help" -f -a "list" -d 'List deployments with their pool, queue, schedules and status'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and not __fish_seen_subcommand_from ls list inspect delete pause resume run help" -f -a "inspect" -d 'Show one deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and not __fish_seen_subcommand_from ls list inspect delete pause resume run help" -f -a "delete" -d 'Delete a deployment and its scheduled runs'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and not __fish_seen_subcommand_from ls list inspect delete pause resume run help" -f -a "pause" -d 'Pause a deployment: its schedules stop creating runs'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and not __fish_seen_subcommand_from ls list inspect delete pause resume run help" -f -a "resume" -d 'Resume a paused deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and not __fish_seen_subcommand_from ls list inspect delete pause resume run help" -f -a "run" -d 'Create a flow run of a deployment (the same as `ot2ctl run`)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and not __fish_seen_subcommand_from ls list inspect delete pause resume run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from ls" -s p -l pool -d 'Only deployments of this work pool' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from ls" -s q -l queue -d 'Only deployments on this work queue' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from ls" -s t -l tag -d 'Only deployments with this tag (repeatable: all must match)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from ls" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from ls" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from ls" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from list" -s p -l pool -d 'Only deployments of this work pool' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from list" -s q -l queue -d 'Only deployments on this work queue' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from list" -s t -l tag -d 'Only deployments with this tag (repeatable: all must match)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from list" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from list" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from inspect" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from inspect" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from inspect" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from inspect" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from delete" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from delete" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from delete" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from pause" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from pause" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from pause" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from resume" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from resume" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from resume" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -s p -l param -d 'A parameter as NAME=VALUE; VALUE is read as JSON, else as text (repeatable)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -l params -d 'All parameters as a JSON object, or - to read it from stdin (--param wins)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -l tag -d 'A tag for the run, on top of the deployment\'s (repeatable)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -s j -l job-variable -d 'A job variable as NAME=VALUE, read like --param (repeatable)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -l start-in -d 'Start after this long: "5m", "2 hours", "1h30m"' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -l start-at -d 'Start at this time: RFC 3339 ("2026-08-01T17:30:00+02:00") or "2026-08-01 17:30" (UTC)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -l flow-run-name -d 'Name of the run; {param} is replaced by a parameter\'s value' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -l idempotency-key -d 'A key that makes repeating this command return the same run' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -l timeout -d 'With --watch: give up after this many seconds (1 to 604800, a week; exit 1)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -l watch -d 'Follow the run, print its logs, and exit 0 if it completes, 1 otherwise'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List deployments with their pool, queue, schedules and status'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show one deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a deployment and its scheduled runs'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause a deployment: its schedules stop creating runs'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Resume a paused deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from help" -f -a "run" -d 'Create a flow run of a deployment (the same as `ot2ctl run`)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand deployment; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and not __fish_seen_subcommand_from ls list inspect logs cancel delete help" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and not __fish_seen_subcommand_from ls list inspect logs cancel delete help" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and not __fish_seen_subcommand_from ls list inspect logs cancel delete help" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and not __fish_seen_subcommand_from ls list inspect logs cancel delete help" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and not __fish_seen_subcommand_from ls list inspect logs cancel delete help" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and not __fish_seen_subcommand_from ls list inspect logs cancel delete help" -f -a "ls" -d 'List recent flow runs, newest first'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and not __fish_seen_subcommand_from ls list inspect logs cancel delete help" -f -a "list" -d 'List recent flow runs, newest first'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and not __fish_seen_subcommand_from ls list inspect logs cancel delete help" -f -a "inspect" -d 'Show one flow run'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and not __fish_seen_subcommand_from ls list inspect logs cancel delete help" -f -a "logs" -d 'Print a flow run\'s logs'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and not __fish_seen_subcommand_from ls list inspect logs cancel delete help" -f -a "cancel" -d 'Ask for a flow run to be cancelled'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and not __fish_seen_subcommand_from ls list inspect logs cancel delete help" -f -a "delete" -d 'Delete a flow run and its logs'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and not __fish_seen_subcommand_from ls list inspect logs cancel delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from ls" -l flow-name -d 'Only runs of this flow (repeatable)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from ls" -l state -d 'Only runs in this state, by name: Late, Completed, Failed, ... (repeatable)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from ls" -l state-type -d 'Only runs of this state type: SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, CRASHED, PAUSED, CANCELLING (repeatable)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from ls" -l limit -d 'How many runs to show (1 to 10000)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from ls" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from ls" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from ls" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from list" -l flow-name -d 'Only runs of this flow (repeatable)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from list" -l state -d 'Only runs in this state, by name: Late, Completed, Failed, ... (repeatable)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from list" -l state-type -d 'Only runs of this state type: SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, CRASHED, PAUSED, CANCELLING (repeatable)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from list" -l limit -d 'How many runs to show (1 to 10000)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from list" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from list" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from inspect" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from inspect" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from inspect" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from inspect" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from logs" -s n -l num-logs -d 'How many lines --head or --tail show (1 to 1000000)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from logs" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from logs" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from logs" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from logs" -l head -d 'Only the first lines'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from logs" -s t -l tail -d 'Only the last lines'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from logs" -s r -l reverse -d 'Newest first'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Keep printing new lines until the run ends'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from logs" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from cancel" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from cancel" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from cancel" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from delete" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from delete" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from delete" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List recent flow runs, newest first'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show one flow run'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Print a flow run\'s logs'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Ask for a flow run to be cancelled'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a flow run and its logs'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand flow-run; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and not __fish_seen_subcommand_from start install help" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and not __fish_seen_subcommand_from start install help" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and not __fish_seen_subcommand_from start install help" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and not __fish_seen_subcommand_from start install help" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and not __fish_seen_subcommand_from start install help" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and not __fish_seen_subcommand_from start install help" -f -a "start" -d 'Claim flow runs of a work pool in priority order and execute them'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and not __fish_seen_subcommand_from start install help" -f -a "install" -d 'Install the worker as a service that starts at boot and restarts on failure'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and not __fish_seen_subcommand_from start install help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -s p -l pool -d 'The work pool to take runs from' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -s q -l queue -d 'A queue of the pool to take runs from (repeatable; default: every queue)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -s n -l name -d 'The worker\'s name in Prefect; keep it stable across restarts' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l limit -d 'How many runs may execute at once (1 to 1000)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l prefetch-seconds -d 'Claim runs scheduled up to this many seconds ahead (0 to 604800, a week)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l poll-seconds -d 'Seconds between two polls of the pool (0.1 to 86400, fractions allowed) [default: 10, or 30 while the server\'s event stream is connected: its events wake the worker sooner]' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l heartbeat-seconds -d 'Seconds between two heartbeats (1 to 86400)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l python -d 'Python with prefect installed, for Python flows' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l opentrons-python -d 'Python with opentrons (8.2.0) installed, to simulate OT-2 protocols' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l protocols-dir -d 'A directory protocols may be run from (repeatable)' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l allow-repo -d 'A git repository whose checkouts protocols may be run from (repeatable)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l checkouts-dir -d 'Where git_clone pull steps keep their checkouts' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l git-timeout-seconds -d 'Seconds one git command of a git_clone pull step may take before it is stopped (1 to 86400)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l robot -d 'The OT-2 to run protocols on, by its robot-server URL (without it they are simulated)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l opentrons-execute -d 'Run protocols on this robot with opentrons_execute, for robots whose HTTP API is not usable' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l cancel-grace-seconds -d 'Seconds between SIGTERM and SIGKILL when a run is cancelled (0 to 86400)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l shutdown-grace-seconds -d 'Seconds running runs get to finish after SIGINT/SIGTERM before they are cancelled (0 to 86400)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l no-python-flows -d 'Do not run Python flows; they are failed with the reason'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l force-stop -d 'Stop a cancelled robot run at once, even while the colour sensor is held'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l stop-robot-server -d 'Let the worker stop robot-server around each opentrons_execute run (and start it again)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l run-once -d 'Poll once, run what was claimed, then exit'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -s p -l pool -d 'The work pool to take runs from' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -s q -l queue -d 'A queue of the pool to take runs from (repeatable; default: every queue)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -s n -l name -d 'The worker\'s name in Prefect; keep it stable across restarts' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l limit -d 'How many runs may execute at once (1 to 1000)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l prefetch-seconds -d 'Claim runs scheduled up to this many seconds ahead (0 to 604800, a week)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l poll-seconds -d 'Seconds between two polls of the pool (0.1 to 86400, fractions allowed) [default: 10, or 30 while the server\'s event stream is connected: its events wake the worker sooner]' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l heartbeat-seconds -d 'Seconds between two heartbeats (1 to 86400)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l python -d 'Python with prefect installed, for Python flows' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l opentrons-python -d 'Python with opentrons (8.2.0) installed, to simulate OT-2 protocols' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l protocols-dir -d 'A directory protocols may be run from (repeatable)' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l allow-repo -d 'A git repository whose checkouts protocols may be run from (repeatable)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l checkouts-dir -d 'Where git_clone pull steps keep their checkouts' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l git-timeout-seconds -d 'Seconds one git command of a git_clone pull step may take before it is stopped (1 to 86400)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l robot -d 'The OT-2 to run protocols on, by its robot-server URL (without it they are simulated)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l opentrons-execute -d 'Run protocols on this robot with opentrons_execute, for robots whose HTTP API is not usable' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l cancel-grace-seconds -d 'Seconds between SIGTERM and SIGKILL when a run is cancelled (0 to 86400)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l shutdown-grace-seconds -d 'Seconds running runs get to finish after SIGINT/SIGTERM before they are cancelled (0 to 86400)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l target -d 'What starts the worker: a systemd unit, or a boot script for an OT-2 (whose /etc is read-only; the script starts a transient systemd unit from /var/data/boot.d)' -r -f -a "systemd\t'A systemd service unit with Restart=on-failure'
ot2\t'An OT-2 boot script in /var/data/boot.d that runs the worker under systemd-run'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l unit-name -d 'Name of the unit (and of the boot script)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l unit-dir -d 'Directory to write the unit or boot script to [default: /etc/systemd/system, or /var/data/boot.d for --target ot2]' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l env-dir -d 'Where the settings with secrets go (mode 0600) [default: /etc/ot2ctl, or /var/data/ot2ctl for --target ot2]' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l binary -d 'The ot2ctl binary the service runs [default: this one]' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l no-python-flows -d 'Do not run Python flows; they are failed with the reason'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l force-stop -d 'Stop a cancelled robot run at once, even while the colour sensor is held'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l stop-robot-server -d 'Let the worker stop robot-server around each opentrons_execute run (and start it again)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l dry-run -d 'Print what would be written (secrets masked) and write nothing'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from install" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "start" -d 'Claim flow runs of a work pool in priority order and execute them'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "install" -d 'Install the worker as a service that starts at boot and restarts on failure'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and not __fish_seen_subcommand_from status check init initialize restock log maintenance help" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and not __fish_seen_subcommand_from status check init initialize restock log maintenance help" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and not __fish_seen_subcommand_from status check init initialize restock log maintenance help" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and not __fish_seen_subcommand_from status check init initialize restock log maintenance help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and not __fish_seen_subcommand_from status check init initialize restock log maintenance help" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and not __fish_seen_subcommand_from status check init initialize restock log maintenance help" -f -a "status" -d 'Show each colour\'s stock, LOW / OUT OF STOCK warnings and what to restock'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and not __fish_seen_subcommand_from status check init initialize restock log maintenance help" -f -a "check" -d 'Show each colour\'s stock, LOW / OUT OF STOCK warnings and what to restock'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and not __fish_seen_subcommand_from status check init initialize restock log maintenance help" -f -a "init" -d 'Set every colour\'s stock (mL) and the evaporation rate, e.g. after filling fresh tubes'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and not __fish_seen_subcommand_from status check init initialize restock log maintenance help" -f -a "initialize" -d 'Set every colour\'s stock (mL) and the evaporation rate, e.g. after filling fresh tubes'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and not __fish_seen_subcommand_from status check init initialize restock log maintenance help" -f -a "restock" -d 'Add paint (mL per colour), recorded in the audit log with the operator'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and not __fish_seen_subcommand_from status check init initialize restock log maintenance help" -f -a "log" -d 'List the audit log of restocks and initialisations (this machine\'s store)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and not __fish_seen_subcommand_from status check init initialize restock log maintenance help" -f -a "maintenance" -d 'Check at 5 mL, restock 10 mL of each colour, check again'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and not __fish_seen_subcommand_from status check init initialize restock log maintenance help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from status" -l deployment -d 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from status" -l timeout -d 'Give up waiting for the deployment\'s run after this many seconds (1 to 604800, a week)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from status" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from status" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from status" -l local -d 'Act on this machine\'s store directly instead of running the deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from status" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from check" -l deployment -d 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from check" -l timeout -d 'Give up waiting for the deployment\'s run after this many seconds (1 to 604800, a week)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from check" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from check" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from check" -l local -d 'Act on this machine\'s store directly instead of running the deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from check" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from init" -l evaporation-rate -d 'Evaporation, in µL per hour' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from init" -l deployment -d 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from init" -l timeout -d 'Give up waiting for the deployment\'s run after this many seconds (1 to 604800, a week)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from init" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from init" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from init" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from init" -l local -d 'Act on this machine\'s store directly instead of running the deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from init" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from initialize" -l evaporation-rate -d 'Evaporation, in µL per hour' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from initialize" -l deployment -d 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from initialize" -l timeout -d 'Give up waiting for the deployment\'s run after this many seconds (1 to 604800, a week)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from initialize" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from initialize" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from initialize" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from initialize" -l local -d 'Act on this machine\'s store directly instead of running the deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from initialize" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from initialize" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from initialize" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from restock" -l operator -d 'Who restocked, for the audit log (the original took it as a fourth argument)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from restock" -l deployment -d 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from restock" -l timeout -d 'Give up waiting for the deployment\'s run after this many seconds (1 to 604800, a week)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from restock" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from restock" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from restock" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from restock" -l local -d 'Act on this machine\'s store directly instead of running the deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from restock" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from restock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from restock" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from log" -s n -l limit -d 'How many entries, newest first (1 to 100000)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from log" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from log" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from log" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from log" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from log" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from maintenance" -l operator -d 'Who restocked, for the audit log' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from maintenance" -l deployment -d 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from maintenance" -l timeout -d 'Give up waiting for the deployment\'s run after this many seconds (1 to 604800, a week)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from maintenance" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from maintenance" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from maintenance" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from maintenance" -l local -d 'Act on this machine\'s store directly instead of running the deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from maintenance" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from maintenance" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from maintenance" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show each colour\'s stock, LOW / OUT OF STOCK warnings and what to restock'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "init" -d 'Set every colour\'s stock (mL) and the evaporation rate, e.g. after filling fresh tubes'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "restock" -d 'Add paint (mL per colour), recorded in the audit log with the operator'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "log" -d 'List the audit log of restocks and initialisations (this machine\'s store)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "maintenance" -d 'Check at 5 mL, restock 10 mL of each colour, check again'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and not __fish_seen_subcommand_from status next new mark history log help" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and not __fish_seen_subcommand_from status next new mark history log help" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and not __fish_seen_subcommand_from status next new mark history log help" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and not __fish_seen_subcommand_from status next new mark history log help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and not __fish_seen_subcommand_from status next new mark history log help" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and not __fish_seen_subcommand_from status next new mark history log help" -f -a "status" -d 'Draw the plate: free, reserved and used wells, each used well in the colour mixed into it'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and not __fish_seen_subcommand_from status next new mark history log help" -f -a "next" -d 'The next free well, in the lab\'s order (by row, then by column)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and not __fish_seen_subcommand_from status next new mark history log help" -f -a "new" -d 'Record a fresh plate; the one in use is kept in the history'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and not __fish_seen_subcommand_from status next new mark history log help" -f -a "mark" -d 'Correct one well by hand (used or empty), with a reason kept in the plate\'s log'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and not __fish_seen_subcommand_from status next new mark history log help" -f -a "history" -d 'List the plates recorded on this machine\'s store, the one in use first'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and not __fish_seen_subcommand_from status next new mark history log help" -f -a "log" -d 'List the plate\'s log: new plates and corrections, newest first (this machine\'s store)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and not __fish_seen_subcommand_from status next new mark history log help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from status" -l plate -d 'Show a plate of the history by its id instead of the plate in use' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from status" -l color -d 'Draw used wells in 24-bit colour (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t'When standard output is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from status" -l deployment -d 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from status" -l timeout -d 'Give up waiting for the deployment\'s run after this many seconds (1 to 604800, a week)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from status" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from status" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from status" -l local -d 'Act on this machine\'s store directly instead of running the deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from status" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from next" -l deployment -d 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from next" -l timeout -d 'Give up waiting for the deployment\'s run after this many seconds (1 to 604800, a week)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from next" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from next" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from next" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from next" -l local -d 'Act on this machine\'s store directly instead of running the deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from next" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from next" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from next" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -l project -d 'The project written into every well\'s document [default: lab.yaml\'s, else OT2]' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -l rows -d 'The rows used, a range or a list: B-H, B,D,F [default: lab.yaml\'s, else B-H]' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -l columns -d 'The columns used, a range or a list: 1-12, 1,3,5 [default: lab.yaml\'s, else 1-12]' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -l missing-well -d 'Where a mix that names no well goes [default: lab.yaml\'s, else protocol-default]' -r -f -a "auto\t''
protocol-default\t''"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -l lab -d 'The lab file whose `plate:` section to read [default: lab.yaml here, if there is one]' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -l operator -d 'Who put in the plate, for the plate\'s log' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -l deployment -d 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -l timeout -d 'Give up waiting for the deployment\'s run after this many seconds (1 to 604800, a week)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -s y -l yes -d 'Do not ask for confirmation'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -l local -d 'Act on this machine\'s store directly instead of running the deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from new" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from mark" -l reason -d 'Why, for the plate\'s log' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from mark" -l operator -d 'Who corrected it, for the plate\'s log' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from mark" -l deployment -d 'Run this deployment of the flow instead of FLOW/FLOW (e.g. one per robot)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from mark" -l timeout -d 'Give up waiting for the deployment\'s run after this many seconds (1 to 604800, a week)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from mark" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from mark" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from mark" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from mark" -l used -d 'Mark it used (paint is in it)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from mark" -l empty -d 'Mark it empty (no paint in it)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from mark" -l local -d 'Act on this machine\'s store directly instead of running the deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from mark" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from mark" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from mark" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from history" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from history" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from history" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from history" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from log" -s n -l limit -d 'How many entries, newest first (1 to 100000)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from log" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from log" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from log" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from log" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from log" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from help" -f -a "status" -d 'Draw the plate: free, reserved and used wells, each used well in the colour mixed into it'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from help" -f -a "next" -d 'The next free well, in the lab\'s order (by row, then by column)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from help" -f -a "new" -d 'Record a fresh plate; the one in use is kept in the history'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from help" -f -a "mark" -d 'Correct one well by hand (used or empty), with a reason kept in the plate\'s log'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from help" -f -a "history" -d 'List the plates recorded on this machine\'s store, the one in use first'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from help" -f -a "log" -d 'List the plate\'s log: new plates and corrections, newest first (this machine\'s store)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand plate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and not __fish_seen_subcommand_from read help" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and not __fish_seen_subcommand_from read help" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and not __fish_seen_subcommand_from read help" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and not __fish_seen_subcommand_from read help" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and not __fish_seen_subcommand_from read help" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and not __fish_seen_subcommand_from read help" -f -a "read" -d 'Ask the colour sensor for one reading over MQTT, without moving anything'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and not __fish_seen_subcommand_from read help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and __fish_seen_subcommand_from read" -l red -d 'µL of red paint the request says the well holds' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and __fish_seen_subcommand_from read" -l yellow -d 'µL of yellow paint' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and __fish_seen_subcommand_from read" -l blue -d 'µL of blue paint' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and __fish_seen_subcommand_from read" -l well -d 'The well under the sensor, sent along in the request' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and __fish_seen_subcommand_from read" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and __fish_seen_subcommand_from read" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and __fish_seen_subcommand_from read" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and __fish_seen_subcommand_from read" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and __fish_seen_subcommand_from read" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and __fish_seen_subcommand_from read" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and __fish_seen_subcommand_from help" -f -a "read" -d 'Ask the colour sensor for one reading over MQTT, without moving anything'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand sensor; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and not __fish_seen_subcommand_from start resume status ls help" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and not __fish_seen_subcommand_from start resume status ls help" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and not __fish_seen_subcommand_from start resume status ls help" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and not __fish_seen_subcommand_from start resume status ls help" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and not __fish_seen_subcommand_from start resume status ls help" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and not __fish_seen_subcommand_from start resume status ls help" -f -a "start" -d 'Start a colour-matching campaign: mix, measure, propose the next recipe, until the target is matched'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and not __fish_seen_subcommand_from start resume status ls help" -f -a "resume" -d 'Go on with a campaign that was stopped (killed, a timeout, the machine restarted)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and not __fish_seen_subcommand_from start resume status ls help" -f -a "status" -d 'Show a campaign: every step, the best match beside the target, ΔE per step'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and not __fish_seen_subcommand_from start resume status ls help" -f -a "ls" -d 'List the campaigns kept on this machine, the newest first'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and not __fish_seen_subcommand_from start resume status ls help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -l target -d 'The colour to match, #rrggbb' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -l budget -d 'How many mixes at most (1-96)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -l tolerance -d 'Matched when CIEDE2000 ΔE is below this (0.1-50)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -l total-ul -d 'µL in every mix [default: lab.yaml\'s campaign.total_ul, else 250]' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -l optimiser -d 'How the next recipe is chosen [default: bayesian where this build has it, else random]' -r -f -a "bayesian\t'Bayesian optimisation (egobox\'s EGO); in builds with the `bayesian` feature'
random\t'Uniform random search'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -l seed -d 'Seed of the optimiser\'s random draws (the same seed proposes the same recipes)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -l wells -d 'Which wells the mixes go into: auto (the plate\'s next free well each time) or a list in order, e.g. C1,C2,C3 (as many as the budget)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -l mix -d 'The deployment that mixes into the next free well' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -l measure -d 'The deployment that measures a well' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -l lab -d 'The lab file whose campaign section is read [default: lab.yaml here, if any]' -r -F
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -l run-timeout -d 'Seconds one flow run may take before the campaign stops (it can be resumed)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from resume" -l run-timeout -d 'Seconds one flow run may take before the campaign stops (it can be resumed)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from resume" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from resume" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from resume" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from status" -l color -d 'Draw the colours in 24-bit colour (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t'When standard output is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from status" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from status" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from status" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from ls" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from ls" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from ls" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start a colour-matching campaign: mix, measure, propose the next recipe, until the target is matched'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Go on with a campaign that was stopped (killed, a timeout, the machine restarted)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show a campaign: every step, the best match beside the target, ΔE per step'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List the campaigns kept on this machine, the newest first'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand campaign; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and not __fish_seen_subcommand_from offsets help" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and not __fish_seen_subcommand_from offsets help" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and not __fish_seen_subcommand_from offsets help" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and not __fish_seen_subcommand_from offsets help" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and not __fish_seen_subcommand_from offsets help" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and not __fish_seen_subcommand_from offsets help" -f -a "offsets" -d 'Labware offsets sent with every run on a robot'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and not __fish_seen_subcommand_from offsets help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and __fish_seen_subcommand_from offsets" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and __fish_seen_subcommand_from offsets" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and __fish_seen_subcommand_from offsets" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and __fish_seen_subcommand_from offsets" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and __fish_seen_subcommand_from offsets" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and __fish_seen_subcommand_from offsets" -f -a "ls" -d 'List a robot\'s stored labware offsets'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and __fish_seen_subcommand_from offsets" -f -a "list" -d 'List a robot\'s stored labware offsets'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and __fish_seen_subcommand_from offsets" -f -a "set" -d 'Store the offset of one labware in one slot (replacing any earlier one)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and __fish_seen_subcommand_from offsets" -f -a "clear" -d 'Forget stored offsets: all of them, or those of one labware (and slot)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and __fish_seen_subcommand_from offsets" -f -a "import" -d 'Store the offsets of an Opentrons App export (JSON), replacing those of the same labware and slot'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and __fish_seen_subcommand_from offsets" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and __fish_seen_subcommand_from help" -f -a "offsets" -d 'Labware offsets sent with every run on a robot'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand robot; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and not __fish_seen_subcommand_from setup help" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and not __fish_seen_subcommand_from setup help" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and not __fish_seen_subcommand_from setup help" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and not __fish_seen_subcommand_from setup help" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and not __fish_seen_subcommand_from setup help" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and not __fish_seen_subcommand_from setup help" -f -a "setup" -d 'Create or update the work pools and queues a lab file declares (idempotent)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and not __fish_seen_subcommand_from setup help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and __fish_seen_subcommand_from setup" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and __fish_seen_subcommand_from setup" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and __fish_seen_subcommand_from setup" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and __fish_seen_subcommand_from setup" -l dry-run -d 'Print what would change and write nothing'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and __fish_seen_subcommand_from setup" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and __fish_seen_subcommand_from setup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and __fish_seen_subcommand_from setup" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and __fish_seen_subcommand_from help" -f -a "setup" -d 'Create or update the work pools and queues a lab file declares (idempotent)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand lab; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and not __fish_seen_subcommand_from view set unset help" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and not __fish_seen_subcommand_from view set unset help" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and not __fish_seen_subcommand_from view set unset help" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and not __fish_seen_subcommand_from view set unset help" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and not __fish_seen_subcommand_from view set unset help" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and not __fish_seen_subcommand_from view set unset help" -f -a "view" -d 'Show every setting, where its value came from, secrets masked'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and not __fish_seen_subcommand_from view set unset help" -f -a "set" -d 'Set settings in the active profile (API keys go to the OS keyring when there is one)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and not __fish_seen_subcommand_from view set unset help" -f -a "unset" -d 'Remove settings from the active profile'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and not __fish_seen_subcommand_from view set unset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from view" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from view" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from view" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from view" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from set" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from set" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from set" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "view" -d 'Show every setting, where its value came from, secrets masked'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set settings in the active profile (API keys go to the OS keyring when there is one)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "unset" -d 'Remove settings from the active profile'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and not __fish_seen_subcommand_from ls list create use delete inspect help" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and not __fish_seen_subcommand_from ls list create use delete inspect help" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and not __fish_seen_subcommand_from ls list create use delete inspect help" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and not __fish_seen_subcommand_from ls list create use delete inspect help" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and not __fish_seen_subcommand_from ls list create use delete inspect help" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and not __fish_seen_subcommand_from ls list create use delete inspect help" -f -a "ls" -d 'List profiles (ot2ctl\'s and Prefect\'s); the active one is marked'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and not __fish_seen_subcommand_from ls list create use delete inspect help" -f -a "list" -d 'List profiles (ot2ctl\'s and Prefect\'s); the active one is marked'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and not __fish_seen_subcommand_from ls list create use delete inspect help" -f -a "create" -d 'Create a profile, empty or copied from another'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and not __fish_seen_subcommand_from ls list create use delete inspect help" -f -a "use" -d 'Make a profile the active one'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and not __fish_seen_subcommand_from ls list create use delete inspect help" -f -a "delete" -d 'Delete one of ot2ctl\'s profiles'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and not __fish_seen_subcommand_from ls list create use delete inspect help" -f -a "inspect" -d 'Show a profile\'s settings (default: the active profile), secrets masked'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and not __fish_seen_subcommand_from ls list create use delete inspect help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from create" -l from -d 'Copy the settings of this profile' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from create" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from create" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from create" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from use" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from delete" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from delete" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from delete" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from inspect" -s o -l output -d 'Output format' -r -f -a "table\t'Human-readable tables'
json\t'The objects as JSON, the server\'s own field names'"
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from inspect" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from inspect" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from inspect" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List profiles (ot2ctl\'s and Prefect\'s); the active one is marked'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a profile, empty or copied from another'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a profile the active one'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete one of ot2ctl\'s profiles'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show a profile\'s settings (default: the active profile), secrets masked'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand completions" -l api-url -d 'Prefect API URL, ending in /api (overrides PREFECT_API_URL and profiles)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand completions" -l profile -d 'Profile to use for this command (overrides PREFECT_PROFILE and the active profile)' -r
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand completions" -l no-prompt -d 'Never ask a question (as Prefect\'s `prefect --no-prompt`, used in CI scripts)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand completions" -s h -l help -d 'Print help'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "work-pool" -d 'Create, inspect and change work pools'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "work-queue" -d 'Create, inspect and change the work queues of a pool'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "deploy" -d 'Create or update deployments from prefect.yaml, without Python'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "run" -d 'Create a flow run of a deployment, optionally following it to the end'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "deployment" -d 'List, inspect, pause, resume, delete and run deployments'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "flow-run" -d 'List flow runs, read their logs, cancel or delete them'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "worker" -d 'Run a worker that claims and executes flow runs of a work pool'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "inventory" -d 'The lab\'s paint inventory: status, initialise, restock, audit log'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "plate" -d 'The 96-well plate: which wells are free, reserved or used; a fresh plate; corrections'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "sensor" -d 'The wireless colour sensor over MQTT: one reading, to check it answers'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "campaign" -d 'Colour-matching campaigns: mix, measure, propose the next recipe, until the target is matched'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "robot" -d 'The OT-2 robots the worker drives: their stored labware offsets'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "lab" -d 'Set up the lab\'s work pools and queues from a declarative file'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "config" -d 'View and change settings of the active profile'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "profile" -d 'List, create and switch profiles'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, powershell, elvish)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and not __fish_seen_subcommand_from work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-pool" -f -a "create" -d 'Create a work pool (a `process` pool gets Prefect\'s default job template)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-pool" -f -a "ls" -d 'List work pools with their status and limits'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-pool" -f -a "inspect" -d 'Show one work pool, its queues and its workers'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-pool" -f -a "update" -d 'Change a work pool\'s description, job template or concurrency limit'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-pool" -f -a "delete" -d 'Delete a work pool (its deployments lose their pool)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-pool" -f -a "pause" -d 'Pause a work pool: workers get no new runs from it'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-pool" -f -a "resume" -d 'Resume a paused work pool'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-pool" -f -a "set-concurrency-limit" -d 'Limit how many runs of the pool may be pending or running at once'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-pool" -f -a "clear-concurrency-limit" -d 'Remove a work pool\'s concurrency limit'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-queue" -f -a "create" -d 'Create a work queue in a pool'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-queue" -f -a "ls" -d 'List work queues, most urgent first'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-queue" -f -a "inspect" -d 'Show one work queue and its health'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-queue" -f -a "update" -d 'Change a queue\'s priority, description or concurrency limit'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-queue" -f -a "delete" -d 'Delete a work queue (a pool\'s default queue cannot be deleted)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-queue" -f -a "pause" -d 'Pause a work queue: workers get no new runs from it'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-queue" -f -a "resume" -d 'Resume a paused work queue'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-queue" -f -a "set-concurrency-limit" -d 'Limit how many runs of the queue may be pending or running at once'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-queue" -f -a "clear-concurrency-limit" -d 'Remove a work queue\'s concurrency limit'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from work-queue" -f -a "preview" -d 'List the scheduled runs a queue will hand out soon (does not mark the queue polled)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from deployment" -f -a "ls" -d 'List deployments with their pool, queue, schedules and status'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from deployment" -f -a "inspect" -d 'Show one deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from deployment" -f -a "delete" -d 'Delete a deployment and its scheduled runs'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from deployment" -f -a "pause" -d 'Pause a deployment: its schedules stop creating runs'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from deployment" -f -a "resume" -d 'Resume a paused deployment'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from deployment" -f -a "run" -d 'Create a flow run of a deployment (the same as `ot2ctl run`)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from flow-run" -f -a "ls" -d 'List recent flow runs, newest first'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from flow-run" -f -a "inspect" -d 'Show one flow run'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from flow-run" -f -a "logs" -d 'Print a flow run\'s logs'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from flow-run" -f -a "cancel" -d 'Ask for a flow run to be cancelled'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from flow-run" -f -a "delete" -d 'Delete a flow run and its logs'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "start" -d 'Claim flow runs of a work pool in priority order and execute them'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "install" -d 'Install the worker as a service that starts at boot and restarts on failure'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "status" -d 'Show each colour\'s stock, LOW / OUT OF STOCK warnings and what to restock'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "init" -d 'Set every colour\'s stock (mL) and the evaporation rate, e.g. after filling fresh tubes'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "restock" -d 'Add paint (mL per colour), recorded in the audit log with the operator'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "log" -d 'List the audit log of restocks and initialisations (this machine\'s store)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "maintenance" -d 'Check at 5 mL, restock 10 mL of each colour, check again'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from plate" -f -a "status" -d 'Draw the plate: free, reserved and used wells, each used well in the colour mixed into it'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from plate" -f -a "next" -d 'The next free well, in the lab\'s order (by row, then by column)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from plate" -f -a "new" -d 'Record a fresh plate; the one in use is kept in the history'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from plate" -f -a "mark" -d 'Correct one well by hand (used or empty), with a reason kept in the plate\'s log'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from plate" -f -a "history" -d 'List the plates recorded on this machine\'s store, the one in use first'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from plate" -f -a "log" -d 'List the plate\'s log: new plates and corrections, newest first (this machine\'s store)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from sensor" -f -a "read" -d 'Ask the colour sensor for one reading over MQTT, without moving anything'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "start" -d 'Start a colour-matching campaign: mix, measure, propose the next recipe, until the target is matched'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "resume" -d 'Go on with a campaign that was stopped (killed, a timeout, the machine restarted)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "status" -d 'Show a campaign: every step, the best match beside the target, ΔE per step'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from campaign" -f -a "ls" -d 'List the campaigns kept on this machine, the newest first'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from robot" -f -a "offsets" -d 'Labware offsets sent with every run on a robot'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from lab" -f -a "setup" -d 'Create or update the work pools and queues a lab file declares (idempotent)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "view" -d 'Show every setting, where its value came from, secrets masked'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set settings in the active profile (API keys go to the OS keyring when there is one)'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "unset" -d 'Remove settings from the active profile'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "ls" -d 'List profiles (ot2ctl\'s and Prefect\'s); the active one is marked'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "create" -d 'Create a profile, empty or copied from another'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "use" -d 'Make a profile the active one'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "delete" -d 'Delete one of ot2ctl\'s profiles'
complete -c ot2ctl -n "__fish_ot2ctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "inspect" -d 'Show a profile\'s settings (default: the active profile), secrets masked'
