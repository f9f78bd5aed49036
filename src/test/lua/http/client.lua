-- lem.http.client against lem.http.server and against canned responses: get, post, bodies by
-- length, chunks and close, download, URLs with ports, connection reuse, errors
local utils = require 'lem.utils'
local io = require 'lem.io'
local client = require 'lem.http.client'
local expect = require 'expect'
local H = require 'httptest'

local fields = {}
for k in pairs(client) do fields[#fields + 1] = k end
table.sort(fields)
expect.eq(table.concat(fields, ' '), 'Client Response head_size new', 'module fields')

local connections = {}
local server, port = H.serve(20100, function(req, res)
	connections[req.client] = true
	if req.path == '/hello' then
		res.headers['Content-Type'] = 'text/plain'
		res:add('Hello, World!\n')
	elseif req.path == '/echo' then
		res:add('%s %s %s', req.method, req.headers['content-type'] or '-', req:body())
	elseif req.path == '/big' then
		res:add(('0123456789abcdef'):rep(65536))
	elseif req.path == '/missing' then
		res.status = 404
		res:add('nope')
	elseif req.path == '/bye' then
		res.headers['Connection'] = 'close'
		res:add('bye')
	end
end)
local base = 'http://127.0.0.1:' .. port

local c = client.new()
expect.eq(getmetatable(c), client.Client, 'Client metatable')
local res = assert(c:get(base .. '/hello'))
expect.eq(getmetatable(res), client.Response, 'Response metatable')
expect.eq(res.status, 200, 'status')
expect.eq(res.text, 'OK', 'text')
expect.eq(res.version, '1.1', 'version')
expect.eq(res.headers['content-type'], 'text/plain', 'header')
expect.eq(res:body(), 'Hello, World!\n', 'body by Content-Length')
expect.eq(res:body(), 'Hello, World!\n', 'body kept')
-- reuse: one connection for several requests, an unread body skipped on the way
res = assert(c:get(base .. '/big'))
res = assert(c:post(base .. '/echo', 'a=1'))
expect.eq(res:body(), 'POST application/x-www-form-urlencoded a=1', 'post with a form body')
res = assert(c:post(base .. '/echo', '{}', { ['content-type'] = 'application/json' }))
expect.eq(res:body(), 'POST application/json {}', 'post with a type')
res = assert(c:request('PUT', base .. '/echo', 'x'))
expect.eq(res:body(), 'PUT - x', 'request with another method')
res = assert(c:request('HEAD', base .. '/big'))
expect.eq(res.headers['content-length'], '1048576', 'HEAD length')
expect.eq(res:body(), '', 'HEAD has no body')
res = assert(c:get(base .. '/big'))
expect.eq(#res:body(), 1048576, 'a large body')
local n = 0
for _ in pairs(connections) do n = n + 1 end
expect.eq(n, 1, 'one connection for all')
-- the server closes: the next request opens a new connection; so does close()
res = assert(c:get(base .. '/bye'))
expect.eq(res:body(), 'bye', 'before the server closes')
res = assert(c:get(base .. '/hello'))
expect.eq(res:body(), 'Hello, World!\n', 'after the server closed')
expect.eq(c:close(), true, 'close')
expect.eq(c.conn, false, 'close forgets the connection')
res = assert(c:get(base .. '/hello'))
expect.eq(res:body(), 'Hello, World!\n', 'get after close (the C version crashed)')
expect.eq(c:close(), true, 'close')
expect.eq(c:close(), true, 'close without a connection')

-- download
local path = os.tmpname()
expect.eq(c:download(base .. '/big', path), true, 'download')
local f = assert(io.open(path))
expect.eq(f:size(), 1048576, 'downloaded size')
expect.eq(f:read(16), '0123456789abcdef', 'downloaded data')
f:close()
expect.values('download of a 404', { nil, 'unexpected status 404 Not Found', n = 2 }, c:download(base .. '/missing', path))
expect.eq(c:download(base .. '/hello', path), true, 'download after a refused one')
f = assert(io.open(path))
expect.eq(f:read('*a'), 'Hello, World!\n', 'the file was replaced')
f:close()
os.remove(path)
c:close()

-- canned responses: chunked, ended by close, interim 100, bad framing
local canned = {
	'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-T: 1\r\n\r\n',
	'HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end',
	'HTTP/1.0 200 OK\r\n\r\nold style',
	'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok',
	'HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n',
	'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort',
	'HTTP/1.1 200\r\n\r\n',
}
local socket, cport = H.listen(20300)
local requests = {}
utils.spawn(function()
	for i = 1, #canned do
		local conn = assert(socket:accept())
		requests[i] = assert(conn:read('HTTPRequest'))
		assert(conn:write(canned[i]))
		conn:close()
	end
	socket:close()
end)
local url = 'http://localhost:' .. cport .. '?q=1'
local results = {}
for i = 1, #canned do
	c = client.new()
	local r, err = c:get(url)
	if r then
		local body, berr = r:body()
		results[i] = r.status .. ' ' .. tostring(body) .. ' ' .. tostring(berr)
	else
		results[i] = 'nil ' .. err
	end
	c:close()
end
print(table.concat(results, '\n'))
expect.eq(requests[1].uri, '/?q=1', 'a URL without a path asks for /')
expect.eq(requests[1].headers.host, 'localhost:' .. cport, 'Host with the port')
expect.eq(requests[1].headers.connection, 'keep-alive', 'Connection: keep-alive')

-- errors
for _, bad in ipairs({ 'nonsense', 'http://', 'http://user@host/', 'http://host:99999/', 'http://host:0/',
		'http://ho st/', 'http://host/x y' }) do
	expect.error('Invalid URL', c.get, c, bad)
end
expect.error('Unknown protocol', c.get, c, 'ftp://host/')
expect.error('No ssl context defined', c.get, c, 'https://host/')
expect.values('refused', { nil, "error connecting to '127.0.0.1:" .. cport .. "'", n = 2 },
	c:get('http://127.0.0.1:' .. cport .. '/'))
server:close()
