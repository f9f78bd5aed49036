# fish completion for lem (a Lua 5.2 interpreter with an event loop).
# Install: copy to ~/.config/fish/completions/lem.fish
complete -c lem -s e -r -d 'Execute the Lua chunk'
complete -c lem -s l -x -a 'lem.utils lem.io lem.io.queue lem.queue lem.parsers lem.lfs lem.signal lem.http lem.http.server lem.http.client lem.hathaway lem.repl' -d 'Require the module and set the global'
complete -c lem -s i -d 'Enter the shell after running the script'
complete -c lem -s v -d 'Show version information'
complete -c lem -s E -d 'Ignore environment variables (LUA_INIT, LUA_PATH)'
complete -c lem -l java-home -d 'Print the JDK the launcher uses'
complete -c lem -l build -d 'Build lem now'
complete -c lem -k -a '(__fish_complete_suffix .lua)'
