# glossa.bash — bash completion for glossa: the commands, each command's
# options, and the values of those options. Commands and options are read
# from `glossa help` and `glossa COMMAND --help` of the glossa being
# completed (so they never go stale), once per shell; option values come from
# the option's placeholder (LANG, PATH, FILE, DIR) or from its help text
# ("text (default) or json" offers text and json).
#
# Installed as PREFIX/share/bash-completion/completions/glossa, which
# bash-completion loads on demand; or, by hand: source src/cli/glossa.bash

declare -gA _glossa_cache 2>/dev/null

_glossa_languages="ru zh zh-Hans zh-Hant zh-Hant-TW en kk ky tg uz uz-Latn uz-Cyrl hi ur fa be"

# _glossa_run BIN ARGS...: the output of BIN ARGS, cached per shell.
_glossa_run() {
    local key="$*"
    if [[ -z ${_glossa_cache[$key]+set} ]]; then
        _glossa_cache[$key]=$("$@" 2>/dev/null)
    fi
    printf '%s\n' "${_glossa_cache[$key]}"
}

_glossa_commands() {
    _glossa_run "$1" help | awk '/^commands:/ {on = 1; next} on && /^$/ {exit} on {print $1}'
}

# _glossa_options BIN COMMAND: one line per option: SHORT LONG ARG HELP
# (SHORT and ARG are "-" when there are none).
_glossa_options() {
    local line re='^ +(-([a-zA-Z]), )?--([a-z0-9-]+)( ([^ ]+))? {2,}(.*)$'
    while IFS= read -r line; do
        if [[ $line =~ $re ]]; then
            printf '%s %s %s %s\n' "${BASH_REMATCH[2]:--}" "${BASH_REMATCH[3]}" \
                "${BASH_REMATCH[5]:--}" "${BASH_REMATCH[6]}"
        fi
    done < <(_glossa_run "$1" "$2" --help | sed -n '/^options:/,/^$/p')
}

# _glossa_values ARG HELP: the values to offer for an option, or "@files",
# "@dirs" when they are paths. A list in the help text comes first
# ("ru (default), zh or en"), then what the placeholder says (LANG, FILE).
_glossa_values() {
    local arg=$1 help=$2 list piece out=() ok=1 pieces=()
    # "a (default), b, c or d": the words outside parentheses, after any "…: "
    list=$(sed -E 's/\([^)]*\)//g; s/.*: //; s/ or /, /g' <<<"$help")
    if [[ $help != *" or "* ]]; then
        # "… (KZ, CN, KG)": a list in parentheses
        list=$(sed -nE 's/.*\(([^)]*)\).*/\1/p' <<<"$help")
        [[ $list == *,* ]] || ok=0
    fi
    IFS=',' read -ra pieces <<<"$list"
    for piece in "${pieces[@]}"; do
        piece=${piece#"${piece%%[! ]*}"}
        piece=${piece%"${piece##*[! ]}"}
        if [[ $piece =~ ^[A-Za-z0-9][A-Za-z0-9_.-]*$ ]]; then out+=("$piece"); else ok=0; fi
    done
    if [[ $ok == 1 && ${#out[@]} -gt 1 ]]; then
        printf '%s\n' "${out[@]}"
        return
    fi
    case $arg in
    *LANG*) printf '%s\n' $_glossa_languages ;;
    *DIR*FILE* | *FILE*DIR*) echo @files ;;
    DIR) echo @dirs ;;
    *PATH* | *FILE*) echo @files ;;
    HOST:PORT) printf '%s\n' 127.0.0.1:2628 127.0.0.1:8080 127.0.0.1:0 ;;
    esac
}

_glossa() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local bin=${COMP_WORDS[0]} cmd= i s l a h usage values
    COMPREPLY=()
    [[ $bin == "~/"* ]] && bin=$HOME/${bin#"~/"}
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        -*) ;;
        *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    if [[ -z $cmd ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_glossa_commands "$bin") --version --help" -- "$cur")
        return 0
    fi

    # the value of an option: --opt VALUE, -o VALUE or --opt=VALUE
    local opt=$prev prefix=
    if [[ $cur == --*=* ]]; then
        opt=${cur%%=*}
        prefix=$opt=
        cur=${cur#*=}
    fi
    if [[ $opt == -* ]]; then
        while read -r s l a h; do
            [[ $opt == "--$l" || $opt == "-$s" ]] || continue
            [[ $a == - ]] && break
            values=$(_glossa_values "$a" "$h")
            case $values in
            @files) mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
            @dirs) mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
            *) mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur") ;;
            esac
            if [[ -n $prefix ]]; then
                for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]=$prefix${COMPREPLY[i]}; done
            fi
            return 0
        done < <(_glossa_options "$bin" "$cmd")
    fi

    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_glossa_options "$bin" "$cmd" |
            awk '{print "--" $2}') --help" -- "$cur")
        return 0
    fi
    if [[ $cmd == help ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_glossa_commands "$bin")" -- "$cur")
        return 0
    fi
    # arguments: files when the usage names files, folders or versions
    usage=$(_glossa_run "$bin" "$cmd" --help | sed -n '1,3p')
    if [[ $usage =~ FILE|DIR|OLD|PROPOSAL ]]; then
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
    return 0
}

complete -o filenames -o bashdefault -F _glossa glossa
