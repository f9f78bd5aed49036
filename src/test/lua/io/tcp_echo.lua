-- lem.io over TCP on 127.0.0.1: listen, autospawn, connect, lines, write, close, errors
local utils = require 'lem.utils'
local io = require 'lem.io'
local expect = require 'expect'

local server, port
for p = 19300, 19399 do
	server = io.tcp.listen4('127.0.0.1', tostring(p))
	if server then port = p break end
end
assert(server, 'a free port')
expect.eq(getmetatable(server), io.Server, 'Server class')

local log = {}
utils.spawn(function()
	local ok, err = server:autospawn(function(client)
		expect.eq(getmetatable(client), io.Stream, 'accepted a Stream')
		expect.eq(client:getpeer(), '127.0.0.1', 'peer address')
		for line in client:lines() do
			assert(client:write('echo: ', line, '\n'))
		end
		log[#log + 1] = 'client gone, closed() = ' .. tostring(client:closed())
	end)
	log[#log + 1] = 'autospawn returned ' .. tostring(ok) .. ' ' .. tostring(err)
end)

local c = assert(io.tcp.connect('127.0.0.1', tostring(port)))
for i = 1, 3 do
	assert(c:write('hello ', i, '\n'))
	expect.eq(c:read('*l'), 'echo: hello ' .. i, 'line ' .. i)
end
-- byte counts and available data
assert(c:write('abc\n'))
expect.eq(c:read(6), 'echo: ', 'read(6)')
expect.eq(c:read('*l'), 'abc', 'rest of the line')
expect.eq(c:read(0), '', 'read(0)')
expect.error('invalid format', function() return c:read('*n') end)
-- a second reader on the same stream is told busy
utils.spawn(function() expect.values('second reader', {nil, 'busy', n = 2}, c:read('*l')) end)
utils.spawn(function() c:write('late\n') end)
expect.eq(c:read('*l'), 'echo: late', 'first reader')
-- closing wakes a pending reader with closed
utils.spawn(function() utils.newsleeper():sleep(0.02); c:close() end)
expect.values('read on a closed stream', {nil, 'closed', n = 2}, c:read('*l'))
expect.values('second close', {nil, 'closed', n = 2}, c:close())
expect.eq(c:closed(), true, 'closed()')
expect.values('write on closed', {nil, 'closed', n = 2}, c:write('x'))
utils.newsleeper():sleep(0.05)
expect.eq(server:busy(), true, 'server busy in autospawn')
expect.eq(server:close(), true, 'server close')
utils.yield()
expect.eq(server:closed(), true, 'server closed()')
expect.values('interrupt a closed server', {nil, 'not busy', n = 2}, server:interrupt())
-- errors in the reference's words
local ok, err = io.tcp.connect('127.0.0.1', tostring(port))
expect.values('refused', {nil, "error connecting to '127.0.0.1:" .. port .. "'", n = 2}, ok, err)
local a = assert(io.tcp.listen4('127.0.0.1', tostring(port)))
expect.values('in use', {nil, "error binding to '127.0.0.1:" .. port .. "': Address already in use", n = 2},
	io.tcp.listen4('127.0.0.1', tostring(port)))
a:close()
-- '*' gives a MultiServer of an IPv6 and an IPv4 server
local ms = assert(io.tcp.listen('*', tostring(port)))
expect.eq(getmetatable(ms), io.MultiServer, 'MultiServer')
expect.eq(#ms, 2, 'two members')
expect.values('MultiServer close', {true, nil, n = 2}, ms:close())
table.sort(log)
print(table.concat(log, '\n'))
