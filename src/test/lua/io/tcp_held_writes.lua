-- Small socket writes return at once and go out when the running coroutines have had their turn
-- (ChannelStream's held output): nothing is lost or reordered, close and exit send what was
-- held, a held write that fails shows on the next call, and a peer that does not read still
-- makes writers wait.
local utils = require 'lem.utils'
local io = require 'lem.io'
local expect = require 'expect'

local server, port = require('httptest').listen(19400)

-- each accepted connection is handed to the next waiting test
local handlers = {}
utils.spawn(function()
	server:autospawn(function(client)
		table.remove(handlers, 1)(client)
	end)
end)

local function connect(handler)
	handlers[#handlers + 1] = handler
	return assert(io.tcp.connect('127.0.0.1', tostring(port)))
end

-- a signal that may be given before anyone waits for it
local function signal()
	local given, sleeper = false, utils.newsleeper()
	return {
		wakeup = function() given = true sleeper:wakeup() end,
		sleep = function(_, timeout)
			if not given then sleeper:sleep(timeout) end
			return given
		end,
	}
end

local function reader_of(into, done)
	return function(client)
		for line in client:lines() do into[#into + 1] = line end
		done:wakeup()
	end
end

-- 100 writes in one turn, then close: all arrive, in order, before the end of the stream
do
	local got, done = {}, signal()
	local c = connect(reader_of(got, done))
	for i = 1, 100 do assert(c:write('line ', i, '\n')) end
	expect.eq(c:close(), true, 'close after held writes')
	expect.eq(done:sleep(5), true, 'reader saw the end')
	expect.eq(#got, 100, 'lines received')
	expect.eq(got[1] .. ' ' .. got[100], 'line 1 line 100', 'in order')
end

-- a held write goes out while the writer sleeps
do
	local seen, done = nil, signal()
	local c = connect(function(client)
		seen = client:read('*l')
		done:wakeup()
		client:read('*a')
	end)
	assert(c:write('ping\n'))
	expect.eq(done:sleep(5), true, 'the line arrived while the writer slept')
	expect.eq(seen, 'ping', 'what arrived')
	c:close()
end

-- a large write between small ones: everything in order
do
	local got, done = {}, signal()
	local c = connect(function(client)
		got.head = client:read('*l')
		got.big = client:read(300000)
		got.tail = client:read('*a')
		done:wakeup()
	end)
	assert(c:write('head\n'))
	assert(c:write(string.rep('b', 300000)))
	assert(c:write('tail 1;'))
	assert(c:write('tail 2'))
	c:close()
	expect.eq(done:sleep(5), true, 'reader done')
	expect.eq(got.head, 'head', 'first small write')
	expect.eq(#got.big, 300000, 'large write size')
	expect.eq(got.big:find('[^b]'), nil, 'large write intact')
	expect.eq(got.tail, 'tail 1;tail 2', 'small writes after it')
end

-- many connections writing in the same turn
do
	local total, done, n = 0, signal(), 50
	local left = n
	local clients = {}
	for i = 1, n do
		clients[i] = connect(function(client)
			for line in client:lines() do total = total + tonumber(line) end
			left = left - 1
			if left == 0 then done:wakeup() end
		end)
	end
	for i = 1, n do
		assert(clients[i]:write(i, '\n', i, '\n'))
		clients[i]:close()
	end
	expect.eq(done:sleep(5), true, 'every reader done')
	expect.eq(total, n * (n + 1), 'sum of everything sent')
end

-- a peer that went away: a write may still be taken, the next ones say closed
do
	local c = connect(function(client) client:close() end)
	utils.newsleeper():sleep(0.05)
	local ok, err
	for _ = 1, 200 do
		ok, err = c:write('x\n')
		if not ok then break end
		utils.newsleeper():sleep(0.005)
	end
	expect.values('write to a closed peer', {nil, 'closed', n = 2}, ok, err)
	expect.eq(c:closed(), true, 'stream closed after the failed write')
end

-- a peer that does not read: small writes stop being taken at once
do
	local c = connect(function(client) utils.newsleeper():sleep(1.5) client:close() end)
	local written, writer = 0, nil
	writer = utils.spawn(function()
		local chunk = string.rep('s', 1000)
		while c:write(chunk) do written = written + 1 end
	end)
	utils.newsleeper():sleep(0.5)
	expect.eq(written < 64 * 1024, true, 'kilobyte writes taken while the peer did not read: ' .. written)
	expect.eq(c:closed(), false, 'still open')
	c:close()
end

server:close()
print('done')
