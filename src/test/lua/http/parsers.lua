-- lem.http's read formats on Files and Streams (reference 11): results, what stays buffered,
-- the end of input, limits
local utils = require 'lem.utils'
local io = require 'lem.io'
local parsers = require 'lem.parsers'
local expect = require 'expect'

expect.eq(parsers.lookup.HTTPRequest, nil, 'no HTTP formats before require')
local http = require 'lem.http'
expect.eq(next(http), nil, 'lem.http is an empty table')
expect.eq(type(parsers.lookup.HTTPRequest), 'userdata', 'HTTPRequest registered')
expect.eq(type(parsers.lookup.HTTPResponse), 'userdata', 'HTTPResponse registered')
expect.eq(type(parsers.lookup.HTTPChunk), 'userdata', 'HTTPChunk registered')
local H = require 'httptest'

-- on a File: two pipelined requests, the body of the first in between, then the end
local path = os.tmpname()
local f = assert(io.open(path, 'w'))
assert(f:write('POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello',
	'GET /next HTTP/1.0\r\nX-A:  a  b \r\n\r\n', 'GET /partial HTTP/1.1\r\nHo'))
f:close()
f = assert(io.open(path))
local req = assert(f:read('HTTPRequest'))
expect.eq(req.method, 'POST', 'method')
expect.eq(req.uri, '/form', 'uri')
expect.eq(req.version, '1.1', 'version')
expect.eq(req.headers['content-length'], '5', 'content-length')
expect.eq(f:read(5), 'hello', 'the body stays buffered')
req = assert(f:read('HTTPRequest'))
expect.eq(req.uri, '/next', 'second request')
expect.eq(req.version, '1.0', 'its version')
expect.eq(req.headers['x-a'], 'a b', 'folded value')
expect.values('a head cut by the end of a file', {nil, 'eof', n = 2}, f:read('HTTPRequest'))
f:close()
os.remove(path)

-- on a Stream: a head in pieces, a response head, the end of input, a parse error
local server, port = H.listen(19400)
utils.spawn(function()
	local c = assert(server:accept())
	for _, piece in ipairs({ 'GET / HT', 'TP/1.1\r', '\nA: 1\r\n', ' 2\r\n\r', '\n' }) do
		assert(c:write(piece))
		H.sleep(0.01)
	end
	assert(c:write('HTTP/1.1 200 OK  then\r\nContent-Length: 0\r\n\r\n'))
	assert(c:write('HTTP/1.1 200\r\n\r\n'))
	c:close()
	c = assert(server:accept())
	assert(c:write('GET / HTTP/1.1\r\nHost: x'))
	c:close()
end)
local c = H.connect(port)
req = assert(c:read('HTTPRequest'))
expect.eq(req.headers.a, '1 2', 'continuation across pieces')
local res = assert(c:read('HTTPResponse'))
expect.eq(res.status, 200, 'status')
expect.eq(math.type and math.type(res.status) or type(res.status), 'number', 'status is a number')
expect.eq(res.text, 'OK  then', 'reason kept verbatim')
expect.values('status line without a reason', {nil, 'parse error', n = 2}, c:read('HTTPResponse'))
expect.eq(c:closed(), false, 'a parse error leaves the stream open')
c:close()
c = H.connect(port)
expect.values('a head cut by the end of a stream', {nil, 'closed', n = 2}, c:read('HTTPRequest'))
server:close()

-- the optional arguments: maxhead, strict; HTTPChunk
local text = 'POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n' ..
	'5;ext\r\nhello\r\n0\r\nTrailer: x\r\n\r\n'
for _, case in ipairs({
	{ {}, 'last repeated content-length wins' },
	{ { 20 }, 'out of buffer space' },
	{ { nil, true }, 'parse error' },
}) do
	path = os.tmpname()
	f = assert(io.open(path, 'w'))
	assert(f:write(text))
	f:close()
	f = assert(io.open(path))
	local r, err = f:read('HTTPRequest', table.unpack(case[1], 1, 2))
	if r then
		expect.eq(r.headers['content-length'], '2', case[2])
		expect.eq(f:read('HTTPChunk'), 'hello', 'a chunk')
		expect.eq(f:read('HTTPChunk', 100), '', 'the last chunk and the trailer')
	else
		expect.eq(err, case[2], 'read with ' .. #case[1] .. ' arguments')
	end
	expect.error('number expected, got table', function() return f:read('HTTPRequest', {}) end)
	f:close()
	os.remove(path)
end
print('ok')
