-- chat-server.lua: the chat server of the original LEM README, for lem.
-- Run it: ./lem repl-scripts/chat-server.lua [port]   (then: telnet localhost 5555)
-- In the shell: .load repl-scripts/chat-server.lua  -- it serves in the background.
-- Each client gives a name, then every line it sends goes to all the others.
local utils = require 'lem.utils'
local io    = require 'lem.io'
local queue = require 'lem.io.queue'

local port = arg and arg[1] or '5555'
local clients = {}   -- the queue-wrapped stream of each client: writers never get 'busy'

local function broadcast(from, text)
	for other in pairs(clients) do
		if other ~= from then other:write(text) end
	end
end

chat_server = assert(io.tcp.listen('*', port))
print('chat server on port ' .. port)

utils.spawn(function()
	local ok, err = chat_server:autospawn(function(client)
		client:write('Welcome! What is your name?\r\n')
		local line = client:read('*l')
		if not line then client:close() return end
		local name = line:match('[^\r]*')
		local self = queue.wrap(client)
		clients[self] = true
		broadcast(self, name .. ' joined\r\n')
		for msg in client:lines() do
			broadcast(self, name .. ' : ' .. msg:match('[^\r]*') .. '\r\n')
		end
		clients[self] = nil
		broadcast(self, name .. ' left\r\n')
		client:close()
	end)
	print('chat server stopped: ' .. tostring(err))
end)
