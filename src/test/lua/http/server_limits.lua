-- lem.http.server limits: idle keep-alive connections and slow clients are cut off after their
-- timeouts; close() ends idle connections and lets a response being made finish.
local utils = require 'lem.utils'
local expect = require 'expect'
local H = require 'httptest'

local log = {}
local body_result
local server, port = H.serve(20000, function(req, res)
	if req.path == '/body' then
		local body, err = req:body()
		body_result = tostring(body) .. '|' .. tostring(err)
	elseif req.path == '/big' then
		res:add(('x'):rep(16 * 1024 * 1024))
	elseif req.path == '/slow' then
		H.sleep(0.3)
		res:add('slow answer')
	end
end, function(s)
	s.limits.idle_timeout = 0.3
	s.limits.client_timeout = 0.3
	s.debug = function(category, message) log[#log + 1] = category .. ': ' .. tostring(message) end
end)

local function closed_within(c, seconds, what)
	local start = utils.updatenow()
	local done = H.deadline(c, 3)
	local data, err = c:read('*a')
	done()
	local took = utils.updatenow() - start
	assert(took < seconds, what .. ' took ' .. took .. ' s')
	return data, err
end

-- a connection that sends nothing, one that stops after a request, one that sends a head slowly
local idle = H.connect(port)
expect.eq(closed_within(idle, 1.5, 'idle connection'), '', 'nothing sent to an idle connection')
local kept = H.connect(port)
assert(kept:write('GET / HTTP/1.1\r\n\r\n'))
local data = closed_within(kept, 1.5, 'idle keep-alive connection')
assert(data:find('^HTTP/1.1 204'), 'answered before: ' .. data)
local slow = H.connect(port)
local writer_done = false
utils.spawn(function()
	assert(slow:write('GET / HTTP/1.1\r\n'))
	for i = 1, 40 do
		if not slow:write('X-' .. i .. ': y\r\n') then break end
		H.sleep(0.05)
	end
	writer_done = true
end)
expect.eq(closed_within(slow, 1.5, 'a head sent slowly'), '', 'no answer to a slow head')

-- a body that stops coming: the handler's read times out
local c = H.connect(port)
assert(c:write('POST /body HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc'))
closed_within(c, 1.5, 'a slow body')
expect.eq(body_result, 'nil|timeout', 'body() after the timeout')

-- a client that does not read a large response
c = H.connect(port)
assert(c:write('GET /big HTTP/1.1\r\n\r\n'))
H.sleep(1.2)
local got = closed_within(c, 3, 'an unread response')
assert(#got < 16 * 1024 * 1024, 'the response was cut off')

-- close(): idle connections end at once, a response being made is finished with Connection: close
server.limits.idle_timeout = 10
local waiting = H.connect(port)
local busy = H.connect(port)
assert(waiting:write('GET / HTTP/1.1\r\n\r\n'))
expect.eq(H.response(waiting).status, 204, 'answered')
assert(busy:write('GET /slow HTTP/1.1\r\n\r\n'))
H.sleep(0.1)
server:close()
local res, body = H.response(busy)
expect.eq(body, 'slow answer', 'the busy connection is answered')
expect.eq(res.headers.connection, 'close', 'with Connection: close')
expect.values('then closed', { nil, 'closed', n = 2 }, busy:read('HTTPResponse'))
expect.values('the waiting connection was closed', { nil, 'closed', n = 2 }, waiting:read('HTTPResponse'))
while not writer_done do H.sleep(0.05) end
H.sleep(0.1)
table.sort(log)
print(table.concat(log, '\n'))
