-- httptest.lua: servers on free ports of 127.0.0.1 and raw HTTP exchanges with a time limit,
-- for the tests of lem.http.
local utils = require 'lem.utils'
local io = require 'lem.io'
local httpserv = require 'lem.http.server'

local H = {}

-- listen(first): an io Server on the first free port from first on, and that port
function H.listen(first)
	for p = first, first + 199 do
		local server = io.tcp.listen4('127.0.0.1', tostring(p))
		if server then return server, tostring(p) end
	end
	error('no free port from ' .. first)
end

-- serve(first, handler [, configure]): a lem.http.server running in its own coroutine;
-- configure(server) runs before it starts. Returns the server and its port.
function H.serve(first, handler, configure)
	local socket, port = H.listen(first)
	local server = assert(httpserv.new(socket, handler))
	if configure then configure(server) end
	utils.spawn(function()
		local ok, err = server:run()
		assert(ok == nil and err == 'interrupted', 'run() returned ' .. tostring(ok) .. ', ' .. tostring(err))
	end)
	return server, port
end

-- deadline(stream, seconds): closes stream unless the returned function is called in time
function H.deadline(stream, seconds)
	local sleeper = utils.newsleeper()
	utils.spawn(function()
		if sleeper:sleep(seconds) == nil then stream:close() end
	end)
	return function() sleeper:wakeup(true) end
end

-- connect(port): a Stream to 127.0.0.1:port
function H.connect(port)
	return assert(io.tcp.connect('127.0.0.1', port))
end

-- raw(port, text [, seconds]): sends text on a new connection and gives everything the server
-- sent until it closed the connection (nil, err when that takes longer than seconds, default 5)
function H.raw(port, text, seconds)
	local c = H.connect(port)
	local done = H.deadline(c, seconds or 5)
	assert(c:write(text))
	local all, err = c:read('*a')
	done()
	c:close()
	return all, err
end

-- response(stream): one response read off stream: its head table and body (by Content-Length)
function H.response(stream)
	local head, err = stream:read('HTTPResponse')
	if not head then return nil, err end
	local length = tonumber(head.headers['content-length'] or 0)
	local body = ''
	if length > 0 then body = assert(stream:read(length)) end
	return head, body
end

-- sleep(seconds)
function H.sleep(seconds)
	utils.newsleeper():sleep(seconds)
end

return H
