_ot2ctl() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="ot2ctl"
                ;;
            ot2ctl,campaign)
                cmd="ot2ctl__subcmd__campaign"
                ;;
            ot2ctl,completions)
                cmd="ot2ctl__subcmd__completions"
                ;;
            ot2ctl,config)
                cmd="ot2ctl__subcmd__config"
                ;;
            ot2ctl,deploy)
                cmd="ot2ctl__subcmd__deploy"
                ;;
            ot2ctl,deployment)
                cmd="ot2ctl__subcmd__deployment"
                ;;
            ot2ctl,flow-run)
                cmd="ot2ctl__subcmd__flow__subcmd__run"
                ;;
            ot2ctl,help)
                cmd="ot2ctl__subcmd__help"
                ;;
            ot2ctl,inventory)
                cmd="ot2ctl__subcmd__inventory"
                ;;
            ot2ctl,lab)
                cmd="ot2ctl__subcmd__lab"
                ;;
            ot2ctl,plate)
                cmd="ot2ctl__subcmd__plate"
                ;;
            ot2ctl,profile)
                cmd="ot2ctl__subcmd__profile"
                ;;
            ot2ctl,robot)
                cmd="ot2ctl__subcmd__robot"
                ;;
            ot2ctl,run)
                cmd="ot2ctl__subcmd__run"
                ;;
            ot2ctl,sensor)
                cmd="ot2ctl__subcmd__sensor"
                ;;
            ot2ctl,work-pool)
                cmd="ot2ctl__subcmd__work__subcmd__pool"
                ;;
            ot2ctl,work-queue)
                cmd="ot2ctl__subcmd__work__subcmd__queue"
                ;;
            ot2ctl,worker)
                cmd="ot2ctl__subcmd__worker"
                ;;
            ot2ctl__subcmd__campaign,help)
                cmd="ot2ctl__subcmd__campaign__subcmd__help"
                ;;
            ot2ctl__subcmd__campaign,ls)
                cmd="ot2ctl__subcmd__campaign__subcmd__ls"
                ;;
            ot2ctl__subcmd__campaign,resume)
                cmd="ot2ctl__subcmd__campaign__subcmd__resume"
                ;;
            ot2ctl__subcmd__campaign,start)
                cmd="ot2ctl__subcmd__campaign__subcmd__start"
                ;;
            ot2ctl__subcmd__campaign,status)
                cmd="ot2ctl__subcmd__campaign__subcmd__status"
                ;;
            ot2ctl__subcmd__campaign__subcmd__help,help)
                cmd="ot2ctl__subcmd__campaign__subcmd__help__subcmd__help"
                ;;
            ot2ctl__subcmd__campaign__subcmd__help,ls)
                cmd="ot2ctl__subcmd__campaign__subcmd__help__subcmd__ls"
                ;;
            ot2ctl__subcmd__campaign__subcmd__help,resume)
                cmd="ot2ctl__subcmd__campaign__subcmd__help__subcmd__resume"
                ;;
            ot2ctl__subcmd__campaign__subcmd__help,start)
                cmd="ot2ctl__subcmd__campaign__subcmd__help__subcmd__start"
                ;;
            ot2ctl__subcmd__campaign__subcmd__help,status)
                cmd="ot2ctl__subcmd__campaign__subcmd__help__subcmd__status"
                ;;
            ot2ctl__subcmd__config,help)
                cmd="ot2ctl__subcmd__config__subcmd__help"
                ;;
            ot2ctl__subcmd__config,set)
                cmd="ot2ctl__subcmd__config__subcmd__set"
                ;;
            ot2ctl__subcmd__config,unset)
                cmd="ot2ctl__subcmd__config__subcmd__unset"
                ;;
            ot2ctl__subcmd__config,view)
                cmd="ot2ctl__subcmd__config__subcmd__view"
                ;;
            ot2ctl__subcmd__config__subcmd__help,help)
                cmd="ot2ctl__subcmd__config__subcmd__help__subcmd__help"
                ;;
            ot2ctl__subcmd__config__subcmd__help,set)
                cmd="ot2ctl__subcmd__config__subcmd__help__subcmd__set"
                ;;
            ot2ctl__subcmd__config__subcmd__help,unset)
                cmd="ot2ctl__subcmd__config__subcmd__help__subcmd__unset"
                ;;
            ot2ctl__subcmd__config__subcmd__help,view)
                cmd="ot2ctl__subcmd__config__subcmd__help__subcmd__view"
                ;;
            ot2ctl__subcmd__deployment,delete)
                cmd="ot2ctl__subcmd__deployment__subcmd__delete"
                ;;
            ot2ctl__subcmd__deployment,help)
                cmd="ot2ctl__subcmd__deployment__subcmd__help"
                ;;
            ot2ctl__subcmd__deployment,inspect)
                cmd="ot2ctl__subcmd__deployment__subcmd__inspect"
                ;;
            ot2ctl__subcmd__deployment,list)
                cmd="ot2ctl__subcmd__deployment__subcmd__ls"
                ;;
            ot2ctl__subcmd__deployment,ls)
                cmd="ot2ctl__subcmd__deployment__subcmd__ls"
                ;;
            ot2ctl__subcmd__deployment,pause)
                cmd="ot2ctl__subcmd__deployment__subcmd__pause"
                ;;
            ot2ctl__subcmd__deployment,resume)
                cmd="ot2ctl__subcmd__deployment__subcmd__resume"
                ;;
            ot2ctl__subcmd__deployment,run)
                cmd="ot2ctl__subcmd__deployment__subcmd__run"
                ;;
            ot2ctl__subcmd__deployment__subcmd__help,delete)
                cmd="ot2ctl__subcmd__deployment__subcmd__help__subcmd__delete"
                ;;
            ot2ctl__subcmd__deployment__subcmd__help,help)
                cmd="ot2ctl__subcmd__deployment__subcmd__help__subcmd__help"
                ;;
            ot2ctl__subcmd__deployment__subcmd__help,inspect)
                cmd="ot2ctl__subcmd__deployment__subcmd__help__subcmd__inspect"
                ;;
            ot2ctl__subcmd__deployment__subcmd__help,ls)
                cmd="ot2ctl__subcmd__deployment__subcmd__help__subcmd__ls"
                ;;
            ot2ctl__subcmd__deployment__subcmd__help,pause)
                cmd="ot2ctl__subcmd__deployment__subcmd__help__subcmd__pause"
                ;;
            ot2ctl__subcmd__deployment__subcmd__help,resume)
                cmd="ot2ctl__subcmd__deployment__subcmd__help__subcmd__resume"
                ;;
            ot2ctl__subcmd__deployment__subcmd__help,run)
                cmd="ot2ctl__subcmd__deployment__subcmd__help__subcmd__run"
                ;;
            ot2ctl__subcmd__flow__subcmd__run,cancel)
                cmd="ot2ctl__subcmd__flow__subcmd__run__subcmd__cancel"
                ;;
            ot2ctl__subcmd__flow__subcmd__run,delete)
                cmd="ot2ctl__subcmd__flow__subcmd__run__subcmd__delete"
                ;;
            ot2ctl__subcmd__flow__subcmd__run,help)
                cmd="ot2ctl__subcmd__flow__subcmd__run__subcmd__help"
                ;;
            ot2ctl__subcmd__flow__subcmd__run,inspect)
                cmd="ot2ctl__subcmd__flow__subcmd__run__subcmd__inspect"
                ;;
            ot2ctl__subcmd__flow__subcmd__run,list)
                cmd="ot2ctl__subcmd__flow__subcmd__run__subcmd__ls"
                ;;
            ot2ctl__subcmd__flow__subcmd__run,logs)
                cmd="ot2ctl__subcmd__flow__subcmd__run__subcmd__logs"
                ;;
            ot2ctl__subcmd__flow__subcmd__run,ls)
                cmd="ot2ctl__subcmd__flow__subcmd__run__subcmd__ls"
                ;;
            ot2ctl__subcmd__flow__subcmd__run__subcmd__help,cancel)
                cmd="ot2ctl__subcmd__flow__subcmd__run__subcmd__help__subcmd__cancel"
                ;;
            ot2ctl__subcmd__flow__subcmd__run__subcmd__help,delete)
                cmd="ot2ctl__subcmd__flow__subcmd__run__subcmd__help__subcmd__delete"
                ;;
            ot2ctl__subcmd__flow__subcmd__run__subcmd__help,help)
                cmd="ot2ctl__subcmd__flow__subcmd__run__subcmd__help__subcmd__help"
                ;;
            ot2ctl__subcmd__flow__subcmd__run__subcmd__help,inspect)
                cmd="ot2ctl__subcmd__flow__subcmd__run__subcmd__help__subcmd__inspect"
                ;;
            ot2ctl__subcmd__flow__subcmd__run__subcmd__help,logs)
                cmd="ot2ctl__subcmd__flow__subcmd__run__subcmd__help__subcmd__logs"
                ;;
            ot2ctl__subcmd__flow__subcmd__run__subcmd__help,ls)
                cmd="ot2ctl__subcmd__flow__subcmd__run__subcmd__help__subcmd__ls"
                ;;
            ot2ctl__subcmd__help,campaign)
                cmd="ot2ctl__subcmd__help__subcmd__campaign"
                ;;
            ot2ctl__subcmd__help,completions)
                cmd="ot2ctl__subcmd__help__subcmd__completions"
                ;;
            ot2ctl__subcmd__help,config)
                cmd="ot2ctl__subcmd__help__subcmd__config"
                ;;
            ot2ctl__subcmd__help,deploy)
                cmd="ot2ctl__subcmd__help__subcmd__deploy"
                ;;
            ot2ctl__subcmd__help,deployment)
                cmd="ot2ctl__subcmd__help__subcmd__deployment"
                ;;
            ot2ctl__subcmd__help,flow-run)
                cmd="ot2ctl__subcmd__help__subcmd__flow__subcmd__run"
                ;;
            ot2ctl__subcmd__help,help)
                cmd="ot2ctl__subcmd__help__subcmd__help"
                ;;
            ot2ctl__subcmd__help,inventory)
                cmd="ot2ctl__subcmd__help__subcmd__inventory"
                ;;
            ot2ctl__subcmd__help,lab)
                cmd="ot2ctl__subcmd__help__subcmd__lab"
                ;;
            ot2ctl__subcmd__help,plate)
                cmd="ot2ctl__subcmd__help__subcmd__plate"
                ;;
            ot2ctl__subcmd__help,profile)
                cmd="ot2ctl__subcmd__help__subcmd__profile"
                ;;
            ot2ctl__subcmd__help,robot)
                cmd="ot2ctl__subcmd__help__subcmd__robot"
                ;;
            ot2ctl__subcmd__help,run)
                cmd="ot2ctl__subcmd__help__subcmd__run"
                ;;
            ot2ctl__subcmd__help,sensor)
                cmd="ot2ctl__subcmd__help__subcmd__sensor"
                ;;
            ot2ctl__subcmd__help,work-pool)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__pool"
                ;;
            ot2ctl__subcmd__help,work-queue)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__queue"
                ;;
            ot2ctl__subcmd__help,worker)
                cmd="ot2ctl__subcmd__help__subcmd__worker"
                ;;
            ot2ctl__subcmd__help__subcmd__campaign,ls)
                cmd="ot2ctl__subcmd__help__subcmd__campaign__subcmd__ls"
                ;;
            ot2ctl__subcmd__help__subcmd__campaign,resume)
                cmd="ot2ctl__subcmd__help__subcmd__campaign__subcmd__resume"
                ;;
            ot2ctl__subcmd__help__subcmd__campaign,start)
                cmd="ot2ctl__subcmd__help__subcmd__campaign__subcmd__start"
                ;;
            ot2ctl__subcmd__help__subcmd__campaign,status)
                cmd="ot2ctl__subcmd__help__subcmd__campaign__subcmd__status"
                ;;
            ot2ctl__subcmd__help__subcmd__config,set)
                cmd="ot2ctl__subcmd__help__subcmd__config__subcmd__set"
                ;;
            ot2ctl__subcmd__help__subcmd__config,unset)
                cmd="ot2ctl__subcmd__help__subcmd__config__subcmd__unset"
                ;;
            ot2ctl__subcmd__help__subcmd__config,view)
                cmd="ot2ctl__subcmd__help__subcmd__config__subcmd__view"
                ;;
            ot2ctl__subcmd__help__subcmd__deployment,delete)
                cmd="ot2ctl__subcmd__help__subcmd__deployment__subcmd__delete"
                ;;
            ot2ctl__subcmd__help__subcmd__deployment,inspect)
                cmd="ot2ctl__subcmd__help__subcmd__deployment__subcmd__inspect"
                ;;
            ot2ctl__subcmd__help__subcmd__deployment,ls)
                cmd="ot2ctl__subcmd__help__subcmd__deployment__subcmd__ls"
                ;;
            ot2ctl__subcmd__help__subcmd__deployment,pause)
                cmd="ot2ctl__subcmd__help__subcmd__deployment__subcmd__pause"
                ;;
            ot2ctl__subcmd__help__subcmd__deployment,resume)
                cmd="ot2ctl__subcmd__help__subcmd__deployment__subcmd__resume"
                ;;
            ot2ctl__subcmd__help__subcmd__deployment,run)
                cmd="ot2ctl__subcmd__help__subcmd__deployment__subcmd__run"
                ;;
            ot2ctl__subcmd__help__subcmd__flow__subcmd__run,cancel)
                cmd="ot2ctl__subcmd__help__subcmd__flow__subcmd__run__subcmd__cancel"
                ;;
            ot2ctl__subcmd__help__subcmd__flow__subcmd__run,delete)
                cmd="ot2ctl__subcmd__help__subcmd__flow__subcmd__run__subcmd__delete"
                ;;
            ot2ctl__subcmd__help__subcmd__flow__subcmd__run,inspect)
                cmd="ot2ctl__subcmd__help__subcmd__flow__subcmd__run__subcmd__inspect"
                ;;
            ot2ctl__subcmd__help__subcmd__flow__subcmd__run,logs)
                cmd="ot2ctl__subcmd__help__subcmd__flow__subcmd__run__subcmd__logs"
                ;;
            ot2ctl__subcmd__help__subcmd__flow__subcmd__run,ls)
                cmd="ot2ctl__subcmd__help__subcmd__flow__subcmd__run__subcmd__ls"
                ;;
            ot2ctl__subcmd__help__subcmd__inventory,init)
                cmd="ot2ctl__subcmd__help__subcmd__inventory__subcmd__init"
                ;;
            ot2ctl__subcmd__help__subcmd__inventory,log)
                cmd="ot2ctl__subcmd__help__subcmd__inventory__subcmd__log"
                ;;
            ot2ctl__subcmd__help__subcmd__inventory,maintenance)
                cmd="ot2ctl__subcmd__help__subcmd__inventory__subcmd__maintenance"
                ;;
            ot2ctl__subcmd__help__subcmd__inventory,restock)
                cmd="ot2ctl__subcmd__help__subcmd__inventory__subcmd__restock"
                ;;
            ot2ctl__subcmd__help__subcmd__inventory,status)
                cmd="ot2ctl__subcmd__help__subcmd__inventory__subcmd__status"
                ;;
            ot2ctl__subcmd__help__subcmd__lab,setup)
                cmd="ot2ctl__subcmd__help__subcmd__lab__subcmd__setup"
                ;;
            ot2ctl__subcmd__help__subcmd__plate,history)
                cmd="ot2ctl__subcmd__help__subcmd__plate__subcmd__history"
                ;;
            ot2ctl__subcmd__help__subcmd__plate,log)
                cmd="ot2ctl__subcmd__help__subcmd__plate__subcmd__log"
                ;;
            ot2ctl__subcmd__help__subcmd__plate,mark)
                cmd="ot2ctl__subcmd__help__subcmd__plate__subcmd__mark"
                ;;
            ot2ctl__subcmd__help__subcmd__plate,new)
                cmd="ot2ctl__subcmd__help__subcmd__plate__subcmd__new"
                ;;
            ot2ctl__subcmd__help__subcmd__plate,next)
                cmd="ot2ctl__subcmd__help__subcmd__plate__subcmd__next"
                ;;
            ot2ctl__subcmd__help__subcmd__plate,status)
                cmd="ot2ctl__subcmd__help__subcmd__plate__subcmd__status"
                ;;
            ot2ctl__subcmd__help__subcmd__profile,create)
                cmd="ot2ctl__subcmd__help__subcmd__profile__subcmd__create"
                ;;
            ot2ctl__subcmd__help__subcmd__profile,delete)
                cmd="ot2ctl__subcmd__help__subcmd__profile__subcmd__delete"
                ;;
            ot2ctl__subcmd__help__subcmd__profile,inspect)
                cmd="ot2ctl__subcmd__help__subcmd__profile__subcmd__inspect"
                ;;
            ot2ctl__subcmd__help__subcmd__profile,ls)
                cmd="ot2ctl__subcmd__help__subcmd__profile__subcmd__ls"
                ;;
            ot2ctl__subcmd__help__subcmd__profile,use)
                cmd="ot2ctl__subcmd__help__subcmd__profile__subcmd__use"
                ;;
            ot2ctl__subcmd__help__subcmd__robot,offsets)
                cmd="ot2ctl__subcmd__help__subcmd__robot__subcmd__offsets"
                ;;
            ot2ctl__subcmd__help__subcmd__robot__subcmd__offsets,clear)
                cmd="ot2ctl__subcmd__help__subcmd__robot__subcmd__offsets__subcmd__clear"
                ;;
            ot2ctl__subcmd__help__subcmd__robot__subcmd__offsets,import)
                cmd="ot2ctl__subcmd__help__subcmd__robot__subcmd__offsets__subcmd__import"
                ;;
            ot2ctl__subcmd__help__subcmd__robot__subcmd__offsets,ls)
                cmd="ot2ctl__subcmd__help__subcmd__robot__subcmd__offsets__subcmd__ls"
                ;;
            ot2ctl__subcmd__help__subcmd__robot__subcmd__offsets,set)
                cmd="ot2ctl__subcmd__help__subcmd__robot__subcmd__offsets__subcmd__set"
                ;;
            ot2ctl__subcmd__help__subcmd__sensor,read)
                cmd="ot2ctl__subcmd__help__subcmd__sensor__subcmd__read"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__pool,clear-concurrency-limit)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__clear__subcmd__concurrency__subcmd__limit"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__pool,create)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__create"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__pool,delete)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__delete"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__pool,inspect)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__inspect"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__pool,ls)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__ls"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__pool,pause)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__pause"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__pool,resume)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__resume"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__pool,set-concurrency-limit)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__set__subcmd__concurrency__subcmd__limit"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__pool,update)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__update"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__queue,clear-concurrency-limit)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__clear__subcmd__concurrency__subcmd__limit"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__queue,create)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__create"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__queue,delete)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__delete"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__queue,inspect)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__inspect"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__queue,ls)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__ls"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__queue,pause)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__pause"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__queue,preview)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__preview"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__queue,resume)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__resume"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__queue,set-concurrency-limit)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__set__subcmd__concurrency__subcmd__limit"
                ;;
            ot2ctl__subcmd__help__subcmd__work__subcmd__queue,update)
                cmd="ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__update"
                ;;
            ot2ctl__subcmd__help__subcmd__worker,install)
                cmd="ot2ctl__subcmd__help__subcmd__worker__subcmd__install"
                ;;
            ot2ctl__subcmd__help__subcmd__worker,start)
                cmd="ot2ctl__subcmd__help__subcmd__worker__subcmd__start"
                ;;
            ot2ctl__subcmd__inventory,check)
                cmd="ot2ctl__subcmd__inventory__subcmd__status"
                ;;
            ot2ctl__subcmd__inventory,help)
                cmd="ot2ctl__subcmd__inventory__subcmd__help"
                ;;
            ot2ctl__subcmd__inventory,init)
                cmd="ot2ctl__subcmd__inventory__subcmd__init"
                ;;
            ot2ctl__subcmd__inventory,initialize)
                cmd="ot2ctl__subcmd__inventory__subcmd__init"
                ;;
            ot2ctl__subcmd__inventory,log)
                cmd="ot2ctl__subcmd__inventory__subcmd__log"
                ;;
            ot2ctl__subcmd__inventory,maintenance)
                cmd="ot2ctl__subcmd__inventory__subcmd__maintenance"
                ;;
            ot2ctl__subcmd__inventory,restock)
                cmd="ot2ctl__subcmd__inventory__subcmd__restock"
                ;;
            ot2ctl__subcmd__inventory,status)
                cmd="ot2ctl__subcmd__inventory__subcmd__status"
                ;;
            ot2ctl__subcmd__inventory__subcmd__help,help)
                cmd="ot2ctl__subcmd__inventory__subcmd__help__subcmd__help"
                ;;
            ot2ctl__subcmd__inventory__subcmd__help,init)
                cmd="ot2ctl__subcmd__inventory__subcmd__help__subcmd__init"
                ;;
            ot2ctl__subcmd__inventory__subcmd__help,log)
                cmd="ot2ctl__subcmd__inventory__subcmd__help__subcmd__log"
                ;;
            ot2ctl__subcmd__inventory__subcmd__help,maintenance)
                cmd="ot2ctl__subcmd__inventory__subcmd__help__subcmd__maintenance"
                ;;
            ot2ctl__subcmd__inventory__subcmd__help,restock)
                cmd="ot2ctl__subcmd__inventory__subcmd__help__subcmd__restock"
                ;;
            ot2ctl__subcmd__inventory__subcmd__help,status)
                cmd="ot2ctl__subcmd__inventory__subcmd__help__subcmd__status"
                ;;
            ot2ctl__subcmd__lab,help)
                cmd="ot2ctl__subcmd__lab__subcmd__help"
                ;;
            ot2ctl__subcmd__lab,setup)
                cmd="ot2ctl__subcmd__lab__subcmd__setup"
                ;;
            ot2ctl__subcmd__lab__subcmd__help,help)
                cmd="ot2ctl__subcmd__lab__subcmd__help__subcmd__help"
                ;;
            ot2ctl__subcmd__lab__subcmd__help,setup)
                cmd="ot2ctl__subcmd__lab__subcmd__help__subcmd__setup"
                ;;
            ot2ctl__subcmd__plate,help)
                cmd="ot2ctl__subcmd__plate__subcmd__help"
                ;;
            ot2ctl__subcmd__plate,history)
                cmd="ot2ctl__subcmd__plate__subcmd__history"
                ;;
            ot2ctl__subcmd__plate,log)
                cmd="ot2ctl__subcmd__plate__subcmd__log"
                ;;
            ot2ctl__subcmd__plate,mark)
                cmd="ot2ctl__subcmd__plate__subcmd__mark"
                ;;
            ot2ctl__subcmd__plate,new)
                cmd="ot2ctl__subcmd__plate__subcmd__new"
                ;;
            ot2ctl__subcmd__plate,next)
                cmd="ot2ctl__subcmd__plate__subcmd__next"
                ;;
            ot2ctl__subcmd__plate,status)
                cmd="ot2ctl__subcmd__plate__subcmd__status"
                ;;
            ot2ctl__subcmd__plate__subcmd__help,help)
                cmd="ot2ctl__subcmd__plate__subcmd__help__subcmd__help"
                ;;
            ot2ctl__subcmd__plate__subcmd__help,history)
                cmd="ot2ctl__subcmd__plate__subcmd__help__subcmd__history"
                ;;
            ot2ctl__subcmd__plate__subcmd__help,log)
                cmd="ot2ctl__subcmd__plate__subcmd__help__subcmd__log"
                ;;
            ot2ctl__subcmd__plate__subcmd__help,mark)
                cmd="ot2ctl__subcmd__plate__subcmd__help__subcmd__mark"
                ;;
            ot2ctl__subcmd__plate__subcmd__help,new)
                cmd="ot2ctl__subcmd__plate__subcmd__help__subcmd__new"
                ;;
            ot2ctl__subcmd__plate__subcmd__help,next)
                cmd="ot2ctl__subcmd__plate__subcmd__help__subcmd__next"
                ;;
            ot2ctl__subcmd__plate__subcmd__help,status)
                cmd="ot2ctl__subcmd__plate__subcmd__help__subcmd__status"
                ;;
            ot2ctl__subcmd__profile,create)
                cmd="ot2ctl__subcmd__profile__subcmd__create"
                ;;
            ot2ctl__subcmd__profile,delete)
                cmd="ot2ctl__subcmd__profile__subcmd__delete"
                ;;
            ot2ctl__subcmd__profile,help)
                cmd="ot2ctl__subcmd__profile__subcmd__help"
                ;;
            ot2ctl__subcmd__profile,inspect)
                cmd="ot2ctl__subcmd__profile__subcmd__inspect"
                ;;
            ot2ctl__subcmd__profile,list)
                cmd="ot2ctl__subcmd__profile__subcmd__ls"
                ;;
            ot2ctl__subcmd__profile,ls)
                cmd="ot2ctl__subcmd__profile__subcmd__ls"
                ;;
            ot2ctl__subcmd__profile,use)
                cmd="ot2ctl__subcmd__profile__subcmd__use"
                ;;
            ot2ctl__subcmd__profile__subcmd__help,create)
                cmd="ot2ctl__subcmd__profile__subcmd__help__subcmd__create"
                ;;
            ot2ctl__subcmd__profile__subcmd__help,delete)
                cmd="ot2ctl__subcmd__profile__subcmd__help__subcmd__delete"
                ;;
            ot2ctl__subcmd__profile__subcmd__help,help)
                cmd="ot2ctl__subcmd__profile__subcmd__help__subcmd__help"
                ;;
            ot2ctl__subcmd__profile__subcmd__help,inspect)
                cmd="ot2ctl__subcmd__profile__subcmd__help__subcmd__inspect"
                ;;
            ot2ctl__subcmd__profile__subcmd__help,ls)
                cmd="ot2ctl__subcmd__profile__subcmd__help__subcmd__ls"
                ;;
            ot2ctl__subcmd__profile__subcmd__help,use)
                cmd="ot2ctl__subcmd__profile__subcmd__help__subcmd__use"
                ;;
            ot2ctl__subcmd__robot,help)
                cmd="ot2ctl__subcmd__robot__subcmd__help"
                ;;
            ot2ctl__subcmd__robot,offsets)
                cmd="ot2ctl__subcmd__robot__subcmd__offsets"
                ;;
            ot2ctl__subcmd__robot__subcmd__help,help)
                cmd="ot2ctl__subcmd__robot__subcmd__help__subcmd__help"
                ;;
            ot2ctl__subcmd__robot__subcmd__help,offsets)
                cmd="ot2ctl__subcmd__robot__subcmd__help__subcmd__offsets"
                ;;
            ot2ctl__subcmd__robot__subcmd__help__subcmd__offsets,clear)
                cmd="ot2ctl__subcmd__robot__subcmd__help__subcmd__offsets__subcmd__clear"
                ;;
            ot2ctl__subcmd__robot__subcmd__help__subcmd__offsets,import)
                cmd="ot2ctl__subcmd__robot__subcmd__help__subcmd__offsets__subcmd__import"
                ;;
            ot2ctl__subcmd__robot__subcmd__help__subcmd__offsets,ls)
                cmd="ot2ctl__subcmd__robot__subcmd__help__subcmd__offsets__subcmd__ls"
                ;;
            ot2ctl__subcmd__robot__subcmd__help__subcmd__offsets,set)
                cmd="ot2ctl__subcmd__robot__subcmd__help__subcmd__offsets__subcmd__set"
                ;;
            ot2ctl__subcmd__robot__subcmd__offsets,clear)
                cmd="ot2ctl__subcmd__robot__subcmd__offsets__subcmd__clear"
                ;;
            ot2ctl__subcmd__robot__subcmd__offsets,help)
                cmd="ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help"
                ;;
            ot2ctl__subcmd__robot__subcmd__offsets,import)
                cmd="ot2ctl__subcmd__robot__subcmd__offsets__subcmd__import"
                ;;
            ot2ctl__subcmd__robot__subcmd__offsets,list)
                cmd="ot2ctl__subcmd__robot__subcmd__offsets__subcmd__ls"
                ;;
            ot2ctl__subcmd__robot__subcmd__offsets,ls)
                cmd="ot2ctl__subcmd__robot__subcmd__offsets__subcmd__ls"
                ;;
            ot2ctl__subcmd__robot__subcmd__offsets,set)
                cmd="ot2ctl__subcmd__robot__subcmd__offsets__subcmd__set"
                ;;
            ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help,clear)
                cmd="ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help__subcmd__clear"
                ;;
            ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help,help)
                cmd="ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help__subcmd__help"
                ;;
            ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help,import)
                cmd="ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help__subcmd__import"
                ;;
            ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help,ls)
                cmd="ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help__subcmd__ls"
                ;;
            ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help,set)
                cmd="ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help__subcmd__set"
                ;;
            ot2ctl__subcmd__sensor,help)
                cmd="ot2ctl__subcmd__sensor__subcmd__help"
                ;;
            ot2ctl__subcmd__sensor,read)
                cmd="ot2ctl__subcmd__sensor__subcmd__read"
                ;;
            ot2ctl__subcmd__sensor__subcmd__help,help)
                cmd="ot2ctl__subcmd__sensor__subcmd__help__subcmd__help"
                ;;
            ot2ctl__subcmd__sensor__subcmd__help,read)
                cmd="ot2ctl__subcmd__sensor__subcmd__help__subcmd__read"
                ;;
            ot2ctl__subcmd__work__subcmd__pool,clear-concurrency-limit)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__clear__subcmd__concurrency__subcmd__limit"
                ;;
            ot2ctl__subcmd__work__subcmd__pool,create)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__create"
                ;;
            ot2ctl__subcmd__work__subcmd__pool,delete)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__delete"
                ;;
            ot2ctl__subcmd__work__subcmd__pool,help)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__help"
                ;;
            ot2ctl__subcmd__work__subcmd__pool,inspect)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__inspect"
                ;;
            ot2ctl__subcmd__work__subcmd__pool,list)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__ls"
                ;;
            ot2ctl__subcmd__work__subcmd__pool,ls)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__ls"
                ;;
            ot2ctl__subcmd__work__subcmd__pool,pause)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__pause"
                ;;
            ot2ctl__subcmd__work__subcmd__pool,resume)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__resume"
                ;;
            ot2ctl__subcmd__work__subcmd__pool,set-concurrency-limit)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__set__subcmd__concurrency__subcmd__limit"
                ;;
            ot2ctl__subcmd__work__subcmd__pool,update)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__update"
                ;;
            ot2ctl__subcmd__work__subcmd__pool__subcmd__help,clear-concurrency-limit)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__clear__subcmd__concurrency__subcmd__limit"
                ;;
            ot2ctl__subcmd__work__subcmd__pool__subcmd__help,create)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__create"
                ;;
            ot2ctl__subcmd__work__subcmd__pool__subcmd__help,delete)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__delete"
                ;;
            ot2ctl__subcmd__work__subcmd__pool__subcmd__help,help)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__help"
                ;;
            ot2ctl__subcmd__work__subcmd__pool__subcmd__help,inspect)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__inspect"
                ;;
            ot2ctl__subcmd__work__subcmd__pool__subcmd__help,ls)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__ls"
                ;;
            ot2ctl__subcmd__work__subcmd__pool__subcmd__help,pause)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__pause"
                ;;
            ot2ctl__subcmd__work__subcmd__pool__subcmd__help,resume)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__resume"
                ;;
            ot2ctl__subcmd__work__subcmd__pool__subcmd__help,set-concurrency-limit)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__set__subcmd__concurrency__subcmd__limit"
                ;;
            ot2ctl__subcmd__work__subcmd__pool__subcmd__help,update)
                cmd="ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__update"
                ;;
            ot2ctl__subcmd__work__subcmd__queue,clear-concurrency-limit)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__clear__subcmd__concurrency__subcmd__limit"
                ;;
            ot2ctl__subcmd__work__subcmd__queue,create)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__create"
                ;;
            ot2ctl__subcmd__work__subcmd__queue,delete)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__delete"
                ;;
            ot2ctl__subcmd__work__subcmd__queue,help)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__help"
                ;;
            ot2ctl__subcmd__work__subcmd__queue,inspect)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__inspect"
                ;;
            ot2ctl__subcmd__work__subcmd__queue,list)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__ls"
                ;;
            ot2ctl__subcmd__work__subcmd__queue,ls)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__ls"
                ;;
            ot2ctl__subcmd__work__subcmd__queue,pause)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__pause"
                ;;
            ot2ctl__subcmd__work__subcmd__queue,preview)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__preview"
                ;;
            ot2ctl__subcmd__work__subcmd__queue,resume)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__resume"
                ;;
            ot2ctl__subcmd__work__subcmd__queue,set-concurrency-limit)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__set__subcmd__concurrency__subcmd__limit"
                ;;
            ot2ctl__subcmd__work__subcmd__queue,update)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__update"
                ;;
            ot2ctl__subcmd__work__subcmd__queue__subcmd__help,clear-concurrency-limit)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__clear__subcmd__concurrency__subcmd__limit"
                ;;
            ot2ctl__subcmd__work__subcmd__queue__subcmd__help,create)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__create"
                ;;
            ot2ctl__subcmd__work__subcmd__queue__subcmd__help,delete)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__delete"
                ;;
            ot2ctl__subcmd__work__subcmd__queue__subcmd__help,help)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__help"
                ;;
            ot2ctl__subcmd__work__subcmd__queue__subcmd__help,inspect)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__inspect"
                ;;
            ot2ctl__subcmd__work__subcmd__queue__subcmd__help,ls)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__ls"
                ;;
            ot2ctl__subcmd__work__subcmd__queue__subcmd__help,pause)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__pause"
                ;;
            ot2ctl__subcmd__work__subcmd__queue__subcmd__help,preview)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__preview"
                ;;
            ot2ctl__subcmd__work__subcmd__queue__subcmd__help,resume)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__resume"
                ;;
            ot2ctl__subcmd__work__subcmd__queue__subcmd__help,set-concurrency-limit)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__set__subcmd__concurrency__subcmd__limit"
                ;;
            ot2ctl__subcmd__work__subcmd__queue__subcmd__help,update)
                cmd="ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__update"
                ;;
            ot2ctl__subcmd__worker,help)
                cmd="ot2ctl__subcmd__worker__subcmd__help"
                ;;
            ot2ctl__subcmd__worker,install)
                cmd="ot2ctl__subcmd__worker__subcmd__install"
                ;;
            ot2ctl__subcmd__worker,start)
                cmd="ot2ctl__subcmd__worker__subcmd__start"
                ;;
            ot2ctl__subcmd__worker__subcmd__help,help)
                cmd="ot2ctl__subcmd__worker__subcmd__help__subcmd__help"
                ;;
            ot2ctl__subcmd__worker__subcmd__help,install)
                cmd="ot2ctl__subcmd__worker__subcmd__help__subcmd__install"
                ;;
            ot2ctl__subcmd__worker__subcmd__help,start)
                cmd="ot2ctl__subcmd__worker__subcmd__help__subcmd__start"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        ot2ctl)
            opts="-h -V --api-url --profile --no-prompt --help --version work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__campaign)
            opts="-h -V --api-url --profile --no-prompt --help --version start resume status ls help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__campaign__subcmd__help)
            opts="start resume status ls help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__campaign__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__campaign__subcmd__help__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__campaign__subcmd__help__subcmd__resume)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__campaign__subcmd__help__subcmd__start)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__campaign__subcmd__help__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__campaign__subcmd__ls)
            opts="-o -h -V --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__campaign__subcmd__resume)
            opts="-h -V --run-timeout --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__campaign__subcmd__start)
            opts="-h -V --target --budget --tolerance --total-ul --optimiser --seed --wells --mix --measure --lab --run-timeout --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --target)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --budget)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tolerance)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --total-ul)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --optimiser)
                    COMPREPLY=($(compgen -W "bayesian random" -- "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wells)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --mix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --measure)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --lab)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --run-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__campaign__subcmd__status)
            opts="-o -h -V --color --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__completions)
            opts="-h -V --api-url --profile --no-prompt --help --version bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__config)
            opts="-h -V --api-url --profile --no-prompt --help --version view set unset help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__config__subcmd__help)
            opts="view set unset help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__config__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__config__subcmd__help__subcmd__set)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__config__subcmd__help__subcmd__unset)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__config__subcmd__help__subcmd__view)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__config__subcmd__set)
            opts="-h -V --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__config__subcmd__unset)
            opts="-h -V --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__config__subcmd__view)
            opts="-o -h -V --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deploy)
            opts="-n -o -p -q -t -d -h --all --name --prefect-file --dry-run --allow-missing --concurrency --output --pool --work-queue --tag --version --version-type --description --param --params --job-variable --cron --interval --rrule --anchor-date --timezone --concurrency-limit --collision-strategy --enforce-parameter-schema --no-enforce-parameter-schema --trigger --sla --api-url --profile --no-prompt --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --prefect-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --pool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --work-queue)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -q)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -t)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --version-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -d)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --param)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --params)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --job-variable)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cron)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --interval)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --rrule)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --anchor-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timezone)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency-limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --collision-strategy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --trigger)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sla)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deployment)
            opts="-h -V --api-url --profile --no-prompt --help --version ls list inspect delete pause resume run help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deployment__subcmd__delete)
            opts="-y -h -V --yes --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deployment__subcmd__help)
            opts="ls inspect delete pause resume run help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deployment__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deployment__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deployment__subcmd__help__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deployment__subcmd__help__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deployment__subcmd__help__subcmd__pause)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deployment__subcmd__help__subcmd__resume)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deployment__subcmd__help__subcmd__run)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deployment__subcmd__inspect)
            opts="-o -h -V --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deployment__subcmd__ls)
            opts="-p -q -t -o -h -V --pool --queue --tag --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --queue)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -q)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -t)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deployment__subcmd__pause)
            opts="-h -V --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deployment__subcmd__resume)
            opts="-h -V --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__deployment__subcmd__run)
            opts="-p -j -o -h -V --param --params --tag --job-variable --start-in --start-at --flow-run-name --idempotency-key --watch --timeout --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --param)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --params)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --job-variable)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --start-in)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --start-at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --flow-run-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --idempotency-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__flow__subcmd__run)
            opts="-h -V --api-url --profile --no-prompt --help --version ls list inspect logs cancel delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__flow__subcmd__run__subcmd__cancel)
            opts="-h -V --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__flow__subcmd__run__subcmd__delete)
            opts="-y -h -V --yes --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__flow__subcmd__run__subcmd__help)
            opts="ls inspect logs cancel delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__flow__subcmd__run__subcmd__help__subcmd__cancel)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__flow__subcmd__run__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__flow__subcmd__run__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__flow__subcmd__run__subcmd__help__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__flow__subcmd__run__subcmd__help__subcmd__logs)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__flow__subcmd__run__subcmd__help__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__flow__subcmd__run__subcmd__inspect)
            opts="-o -h -V --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__flow__subcmd__run__subcmd__logs)
            opts="-t -n -r -f -o -h -V --head --tail --num-logs --reverse --follow --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --num-logs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__flow__subcmd__run__subcmd__ls)
            opts="-o -h -V --flow-name --state --state-type --limit --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --flow-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help)
            opts="work-pool work-queue deploy run deployment flow-run worker inventory plate sensor campaign robot lab config profile completions help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__campaign)
            opts="start resume status ls"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__campaign__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__campaign__subcmd__resume)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__campaign__subcmd__start)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__campaign__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__config)
            opts="view set unset"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__config__subcmd__set)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__config__subcmd__unset)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__config__subcmd__view)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__deploy)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__deployment)
            opts="ls inspect delete pause resume run"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__deployment__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__deployment__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__deployment__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__deployment__subcmd__pause)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__deployment__subcmd__resume)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__deployment__subcmd__run)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__flow__subcmd__run)
            opts="ls inspect logs cancel delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__flow__subcmd__run__subcmd__cancel)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__flow__subcmd__run__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__flow__subcmd__run__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__flow__subcmd__run__subcmd__logs)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__flow__subcmd__run__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__inventory)
            opts="status init restock log maintenance"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__inventory__subcmd__init)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__inventory__subcmd__log)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__inventory__subcmd__maintenance)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__inventory__subcmd__restock)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__inventory__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__lab)
            opts="setup"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__lab__subcmd__setup)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__plate)
            opts="status next new mark history log"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__plate__subcmd__history)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__plate__subcmd__log)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__plate__subcmd__mark)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__plate__subcmd__new)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__plate__subcmd__next)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__plate__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__profile)
            opts="ls create use delete inspect"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__profile__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__profile__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__profile__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__profile__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__profile__subcmd__use)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__robot)
            opts="offsets"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__robot__subcmd__offsets)
            opts="ls set clear import"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__robot__subcmd__offsets__subcmd__clear)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__robot__subcmd__offsets__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__robot__subcmd__offsets__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__robot__subcmd__offsets__subcmd__set)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__run)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__sensor)
            opts="read"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__sensor__subcmd__read)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__pool)
            opts="create ls inspect update delete pause resume set-concurrency-limit clear-concurrency-limit"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__clear__subcmd__concurrency__subcmd__limit)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__pause)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__resume)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__set__subcmd__concurrency__subcmd__limit)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__pool__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__queue)
            opts="create ls inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__clear__subcmd__concurrency__subcmd__limit)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__pause)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__preview)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__resume)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__set__subcmd__concurrency__subcmd__limit)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__work__subcmd__queue__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__worker)
            opts="start install"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__worker__subcmd__install)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__help__subcmd__worker__subcmd__start)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__inventory)
            opts="-h -V --api-url --profile --no-prompt --help --version status check init initialize restock log maintenance help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__inventory__subcmd__help)
            opts="status init restock log maintenance help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__inventory__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__inventory__subcmd__help__subcmd__init)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__inventory__subcmd__help__subcmd__log)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__inventory__subcmd__help__subcmd__maintenance)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__inventory__subcmd__help__subcmd__restock)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__inventory__subcmd__help__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__inventory__subcmd__init)
            opts="-o -h -V --evaporation-rate --local --deployment --timeout --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --evaporation-rate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --deployment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__inventory__subcmd__log)
            opts="-n -o -h -V --limit --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__inventory__subcmd__maintenance)
            opts="-o -h -V --operator --local --deployment --timeout --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --operator)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --deployment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__inventory__subcmd__restock)
            opts="-o -h -V --operator --local --deployment --timeout --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --operator)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --deployment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__inventory__subcmd__status)
            opts="-o -h -V --local --deployment --timeout --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --deployment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__lab)
            opts="-h -V --api-url --profile --no-prompt --help --version setup help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__lab__subcmd__help)
            opts="setup help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__lab__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__lab__subcmd__help__subcmd__setup)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__lab__subcmd__setup)
            opts="-o -h -V --dry-run --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__plate)
            opts="-h -V --api-url --profile --no-prompt --help --version status next new mark history log help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__plate__subcmd__help)
            opts="status next new mark history log help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__plate__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__plate__subcmd__help__subcmd__history)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__plate__subcmd__help__subcmd__log)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__plate__subcmd__help__subcmd__mark)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__plate__subcmd__help__subcmd__new)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__plate__subcmd__help__subcmd__next)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__plate__subcmd__help__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__plate__subcmd__history)
            opts="-o -h -V --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__plate__subcmd__log)
            opts="-n -o -h -V --limit --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__plate__subcmd__mark)
            opts="-o -h -V --used --empty --reason --operator --local --deployment --timeout --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --reason)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --operator)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --deployment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__plate__subcmd__new)
            opts="-y -o -h -V --project --rows --columns --missing-well --lab --operator --yes --local --deployment --timeout --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --project)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --rows)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --columns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --missing-well)
                    COMPREPLY=($(compgen -W "auto protocol-default" -- "${cur}"))
                    return 0
                    ;;
                --lab)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --operator)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --deployment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__plate__subcmd__next)
            opts="-o -h -V --local --deployment --timeout --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --deployment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__plate__subcmd__status)
            opts="-o -h -V --plate --color --local --deployment --timeout --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --plate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --deployment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__profile)
            opts="-h -V --api-url --profile --no-prompt --help --version ls list create use delete inspect help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__profile__subcmd__create)
            opts="-h -V --from --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__profile__subcmd__delete)
            opts="-y -h -V --yes --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__profile__subcmd__help)
            opts="ls create use delete inspect help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__profile__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__profile__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__profile__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__profile__subcmd__help__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__profile__subcmd__help__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__profile__subcmd__help__subcmd__use)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__profile__subcmd__inspect)
            opts="-o -h -V --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__profile__subcmd__ls)
            opts="-o -h -V --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__profile__subcmd__use)
            opts="-h -V --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot)
            opts="-h -V --api-url --profile --no-prompt --help --version offsets help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__help)
            opts="offsets help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__help__subcmd__offsets)
            opts="ls set clear import"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__help__subcmd__offsets__subcmd__clear)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__help__subcmd__offsets__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__help__subcmd__offsets__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__help__subcmd__offsets__subcmd__set)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__offsets)
            opts="-h -V --api-url --profile --no-prompt --help --version ls list set clear import help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__offsets__subcmd__clear)
            opts="-y -h -V --slot --yes --robot --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --slot)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --robot)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help)
            opts="ls set clear import help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help__subcmd__clear)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__offsets__subcmd__help__subcmd__set)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__offsets__subcmd__import)
            opts="-h -V --allow-large-offset --robot --protocols-dir --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --robot)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --protocols-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__offsets__subcmd__ls)
            opts="-o -h -V --robot --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --robot)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__robot__subcmd__offsets__subcmd__set)
            opts="-h -V --slot --x --y --z --allow-large-offset --robot --protocols-dir --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --slot)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --x)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --y)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --z)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --robot)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --protocols-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__run)
            opts="-p -j -o -h -V --param --params --tag --job-variable --start-in --start-at --flow-run-name --idempotency-key --watch --timeout --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --param)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --params)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --job-variable)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --start-in)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --start-at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --flow-run-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --idempotency-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__sensor)
            opts="-h -V --api-url --profile --no-prompt --help --version read help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__sensor__subcmd__help)
            opts="read help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__sensor__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__sensor__subcmd__help__subcmd__read)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__sensor__subcmd__read)
            opts="-o -h -V --red --yellow --blue --well --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --red)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --yellow)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --blue)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --well)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool)
            opts="-h -V --api-url --profile --no-prompt --help --version create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__clear__subcmd__concurrency__subcmd__limit)
            opts="-h -V --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__create)
            opts="-t -h -V --type --description --base-job-template --paused --concurrency-limit --overwrite --force --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -t)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --base-job-template)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency-limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__delete)
            opts="-y -h -V --yes --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__help)
            opts="create ls inspect update delete pause resume set-concurrency-limit clear-concurrency-limit help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__clear__subcmd__concurrency__subcmd__limit)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__pause)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__resume)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__set__subcmd__concurrency__subcmd__limit)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__help__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__inspect)
            opts="-o -h -V --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__ls)
            opts="-o -h -V --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__pause)
            opts="-h -V --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__resume)
            opts="-h -V --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__set__subcmd__concurrency__subcmd__limit)
            opts="-h -V --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__pool__subcmd__update)
            opts="-h -V --description --base-job-template --concurrency-limit --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --base-job-template)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency-limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue)
            opts="-h -V --api-url --profile --no-prompt --help --version create ls list inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__clear__subcmd__concurrency__subcmd__limit)
            opts="-p -h -V --pool --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__create)
            opts="-p -q -l -h -V --pool --priority --limit --description --paused --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --priority)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -q)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -l)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__delete)
            opts="-p -y -h -V --pool --yes --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__help)
            opts="create ls inspect update delete pause resume set-concurrency-limit clear-concurrency-limit preview help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__clear__subcmd__concurrency__subcmd__limit)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__ls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__pause)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__preview)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__resume)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__set__subcmd__concurrency__subcmd__limit)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__help__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__inspect)
            opts="-p -o -h -V --pool --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__ls)
            opts="-p -m -o -h -V --pool --match --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --match)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -m)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__pause)
            opts="-p -h -V --pool --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__preview)
            opts="-p -o -h -V --pool --hours --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hours)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__resume)
            opts="-p -h -V --pool --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__set__subcmd__concurrency__subcmd__limit)
            opts="-p -h -V --pool --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__work__subcmd__queue__subcmd__update)
            opts="-p -q -l -h -V --pool --priority --limit --description --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --priority)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -q)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -l)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__worker)
            opts="-h -V --api-url --profile --no-prompt --help --version start install help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__worker__subcmd__help)
            opts="start install help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__worker__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__worker__subcmd__help__subcmd__install)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__worker__subcmd__help__subcmd__start)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__worker__subcmd__install)
            opts="-p -q -n -h -V --pool --queue --name --limit --prefetch-seconds --poll-seconds --heartbeat-seconds --python --no-python-flows --opentrons-python --protocols-dir --allow-repo --checkouts-dir --git-timeout-seconds --robot --force-stop --opentrons-execute --stop-robot-server --cancel-grace-seconds --shutdown-grace-seconds --target --unit-name --unit-dir --env-dir --binary --dry-run --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --queue)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -q)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --prefetch-seconds)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --poll-seconds)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --heartbeat-seconds)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --python)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --opentrons-python)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --protocols-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --allow-repo)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --checkouts-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --git-timeout-seconds)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --robot)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --opentrons-execute)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cancel-grace-seconds)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --shutdown-grace-seconds)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --target)
                    COMPREPLY=($(compgen -W "systemd ot2" -- "${cur}"))
                    return 0
                    ;;
                --unit-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --unit-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --env-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --binary)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ot2ctl__subcmd__worker__subcmd__start)
            opts="-p -q -n -o -h -V --pool --queue --name --limit --prefetch-seconds --poll-seconds --heartbeat-seconds --python --no-python-flows --opentrons-python --protocols-dir --allow-repo --checkouts-dir --git-timeout-seconds --robot --force-stop --opentrons-execute --stop-robot-server --cancel-grace-seconds --shutdown-grace-seconds --run-once --output --api-url --profile --no-prompt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --queue)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -q)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --prefetch-seconds)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --poll-seconds)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --heartbeat-seconds)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --python)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --opentrons-python)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --protocols-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --allow-repo)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --checkouts-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --git-timeout-seconds)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --robot)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --opentrons-execute)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cancel-grace-seconds)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --shutdown-grace-seconds)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --api-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --profile)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _ot2ctl -o nosort -o bashdefault -o default ot2ctl
else
    complete -F _ot2ctl -o bashdefault -o default ot2ctl
fi
