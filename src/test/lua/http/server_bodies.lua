-- lem.http.server request bodies: req:body([maxsize]), its limit, unread bodies,
-- Expect: 100-continue, chunked bodies
local httpserv = require 'lem.http.server'
local expect = require 'expect'
local H = require 'httptest'

local routes = {}
routes['/echo'] = function(req, res)
	local body, err = req:body()
	local again = req:body()
	expect.eq(again, body, 'a second body() gives the same')
	res:add('%s|%s', tostring(body), tostring(err))
end
routes['/small'] = function(req, res)
	local body, err = req:body(4)
	res:add('%s|%s', tostring(body), tostring(err))
end
routes['/ignore'] = function(req, res) res:add('ignored') end

local server, port = H.serve(19700, function(req, res) routes[req.path](req, res) end)
server.limits.body_size = 100

local c = H.connect(port)
local done = H.deadline(c, 10)
local function exchange(text)
	assert(c:write(text))
	return H.response(c)
end

local res, body = exchange('POST /echo HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello')
expect.eq(body, 'hello|nil', 'a body by Content-Length')
res, body = exchange('POST /echo HTTP/1.1\r\nContent-Length: 0\r\n\r\n')
expect.eq(body, '|nil', 'Content-Length: 0')
res, body = exchange('GET /echo HTTP/1.1\r\n\r\n')
expect.eq(body, '|nil', 'no body')
-- maxsize: nothing is read, and the server skips the body before the next request
res, body = exchange('POST /small HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789')
expect.eq(body, 'nil|oversized', 'over maxsize')
expect.eq(res.headers.connection, nil, 'kept alive: the body is skipped')
res, body = exchange('POST /ignore HTTP/1.1\r\nContent-Length: 6\r\n\r\nunread')
expect.eq(body, 'ignored', 'a body the handler does not read')
res, body = exchange('POST /echo HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc')
expect.eq(body, 'abc|nil', 'the connection goes on after skipped bodies')
-- chunked bodies, with extensions and trailers
res, body = exchange('POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n' ..
	'5;x=y\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n')
expect.eq(body, 'hello world|nil', 'a chunked body')
res, body = exchange('POST /ignore HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n')
expect.eq(body, 'ignored', 'an unread chunked body')
res, body = exchange('POST /echo HTTP/1.1\r\nContent-Length: 2\r\n\r\nok')
expect.eq(body, 'ok|nil', 'and the connection goes on')
-- the server's body_size: bodies over it are refused and cannot be skipped: close
res, body = exchange('POST /echo HTTP/1.1\r\nContent-Length: 101\r\n\r\n' .. ('x'):rep(101))
expect.eq(body, 'nil|oversized', 'over the server\'s body_size')
expect.eq(res.headers.connection, 'close', 'the connection closes')
expect.values('closed', { nil, 'closed', n = 2 }, c:read('HTTPResponse'))
done()

-- a chunked body growing over the limit, a malformed chunk: close
local all = H.raw(port, 'POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n' ..
	'40\r\n' .. ('a'):rep(64) .. '\r\n40\r\n' .. ('b'):rep(64) .. '\r\n0\r\n\r\nGET /echo HTTP/1.1\r\n\r\n')
assert(all:find('nil|oversized', 1, true) and all:find('Connection: close', 1, true), 'chunked over the limit: ' .. all)
all = H.raw(port, 'POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\nGET /echo HTTP/1.1\r\n\r\n')
assert(all:find('nil|parse error', 1, true) and all:find('Connection: close', 1, true), 'malformed chunk: ' .. all)
expect.eq(select(2, all:gsub('HTTP/1.1', '')), 1, 'one answer only')

-- Expect: 100-continue: the interim answer comes when the handler reads the body
c = H.connect(port)
done = H.deadline(c, 10)
assert(c:write('POST /echo HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n'))
res = assert(c:read('HTTPResponse'))
expect.eq(res.status, 100, '100 Continue first')
assert(c:write('data'))
res, body = H.response(c)
expect.eq(body, 'data|nil', 'then the answer')
-- a handler that does not read: no 100, and the connection closes (the client may never send it)
assert(c:write('POST /ignore HTTP/1.1\r\nExpect: 100-Continue\r\nContent-Length: 4\r\n\r\n'))
res, body = H.response(c)
expect.eq(res.status, 200, 'answered without 100')
expect.eq(res.headers.connection, 'close', 'and closed')
done()
c:close()
server:close()
print('ok')
