-- Request smuggling defences of lem.http.server: a request whose body two parties could frame
-- differently is answered 400 (501 for codings lem does not know) and the connection closes,
-- so that nothing hidden in it is taken for a second request.
local expect = require 'expect'
local H = require 'httptest'

local smuggled = 0
local server, port = H.serve(19900, function(req, res)
	if req.path == '/smuggled' then smuggled = smuggled + 1 end
	local body, err = req:body()
	res:add('%s|%s', tostring(body), tostring(err))
end)

local hidden = 'GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n'
local function post(headers, body, version)
	return 'POST / HTTP/' .. (version or '1.1') .. '\r\nHost: x\r\n' .. headers .. '\r\n' .. body .. hidden
end

local refused = {
	{ 400, post('Content-Length: 5\r\nTransfer-Encoding: chunked\r\n', '0\r\n\r\n') },
	{ 400, post('Transfer-Encoding: chunked\r\nContent-Length: 5\r\n', '0\r\n\r\n') },
	{ 400, post('Content-Length: 0\r\nContent-Length: 39\r\n', '') },
	{ 400, post('Content-Length: 0\r\nContent-Length: 0\r\n', '') },
	{ 400, post('Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n', '0\r\n\r\n') },
	{ 400, post('Transfer-Encoding: chunked\r\n', '0\r\n\r\n', '1.0') },
	{ 400, post('Transfer-Encoding: chunked, identity\r\n', '0\r\n\r\n') },
	{ 400, post('Transfer-Encoding: identity\r\n', '') },
	{ 400, post('Transfer-Encoding: xchunked\r\n', '0\r\n\r\n') },
	{ 501, post('Transfer-Encoding: gzip, chunked\r\n', '0\r\n\r\n') },
	{ 400, post('Content-Length: +5\r\n', 'hello') },
	{ 400, post('Content-Length: -5\r\n', '') },
	{ 400, post('Content-Length: 0x5\r\n', 'hello') },
	{ 400, post('Content-Length: 5.0\r\n', 'hello') },
	{ 400, post('Content-Length: 5e0\r\n', 'hello') },
	{ 400, post('Content-Length: 5, 5\r\n', 'hello') },
	{ 400, post('Content-Length:\r\n', '') },
	{ 400, post('Content-Length: 5\r\n 5\r\n', 'hello') },          -- folded into '5 5'
	{ 400, post('Content-Length: 0000000000000000005\r\n', 'hello') },
	{ 400, post('Content-Length : 5\r\n', 'hello') },
	{ 400, post('Transfer-Encoding\t: chunked\r\n', '0\r\n\r\n') },
	{ 400, post('X: y\nContent-Length: 5\r\n', 'hello') },          -- bare LF
	{ 400, post('Content-Length: 5\r\nX: a\0b\r\n', 'hello') },
	{ 400, 'GET / HTTP/1.1\r\nHost: x\r\n\r\r\n' .. hidden },
}
for i, case in ipairs(refused) do
	local all = assert(H.raw(port, case[2]))
	assert(all:find('^HTTP/1%.[01] ' .. case[1] .. ' '), 'case ' .. i .. ': ' .. all)
	assert(all:find('Connection: close\r\n', 1, true), 'case ' .. i .. ' closes')
	expect.eq(select(2, all:gsub('HTTP/1%.[01] ', '')), 1, 'case ' .. i .. ': one answer')
end

-- malformed chunks: the body is refused, the connection closes
local chunked = {
	'0x5\r\nhello\r\n0\r\n\r\n',
	'5 \r\nhello\r\n0\r\n\r\n',
	'5\nhello\r\n0\r\n\r\n',
	'5\r\nhello0\r\n\r\n',
	'2\r\nhello\r\n0\r\n\r\n',
	'ffffffffffffffffff\r\n',
}
for i, body in ipairs(chunked) do
	local all = assert(H.raw(port, post('Transfer-Encoding: chunked\r\n', body)))
	assert(all:find('nil|parse error', 1, true) or all:find('nil|oversized', 1, true), 'chunked ' .. i .. ': ' .. all)
	assert(all:find('Connection: close\r\n', 1, true), 'chunked ' .. i .. ' closes')
	expect.eq(select(2, all:gsub('HTTP/1.1 ', '')), 1, 'chunked ' .. i .. ': one answer')
end

-- and what is well framed still works, a second request included
local all = H.raw(port, post('Content-Length: 5\r\n', 'hello') .. 'GET /last HTTP/1.1\r\nConnection: close\r\n\r\n')
expect.eq(select(2, all:gsub('HTTP/1.1 200 OK', '')), 3, 'three answers: ' .. all)
expect.eq(smuggled, 1, 'only the request sent in the open')
server:close()
print('ok')
