# bash completion for lem (a Lua 5.2 interpreter with an event loop).
# Install: source this file, or copy it to /usr/share/bash-completion/completions/lem
_lem() {
	local cur prev
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	case $prev in
	-e) return 0 ;;                                   # a Lua chunk: nothing to offer
	-l) COMPREPLY=($(compgen -W "lem.utils lem.io lem.io.queue lem.queue lem.parsers lem.lfs lem.signal lem.http lem.http.server lem.http.client lem.hathaway lem.repl" -- "$cur")); return 0 ;;
	esac
	# once a script is named, the rest are its arguments: complete files
	local i
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-e|-l) ((i++)) ;;
		--|-) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
		-*) ;;
		*) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
		esac
	done
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "-e -l -i -v -E -- - --java-home --build" -- "$cur"))
	else
		COMPREPLY=($(compgen -f -X '!*.lua' -- "$cur") $(compgen -d -- "$cur"))
	fi
}
complete -o filenames -F _lem lem
