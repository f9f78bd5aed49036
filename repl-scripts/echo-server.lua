-- echo-server.lua: every line a client sends comes back to it.
-- Run: ./lem repl-scripts/echo-server.lua [port]   or in the shell: .load repl-scripts/echo-server.lua
-- Try it: nc 127.0.0.1 7777   (stop it from the shell with: echo_server:close())
local utils = require 'lem.utils'
local io    = require 'lem.io'

local port = arg and arg[1] or '7777'
echo_server = assert(io.tcp.listen('127.0.0.1', port))
print('echo server on 127.0.0.1:' .. port)
utils.spawn(function()
	echo_server:autospawn(function(client)
		for line in client:lines() do
			if not client:write(line, '\n') then break end
		end
		client:close()
	end)
	print('echo server stopped')
end)
