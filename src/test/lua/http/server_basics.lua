-- lem.http.server (reference 13): status and header defaults, versions, pipelining, paths,
-- HEAD, res.file, debug categories
local utils = require 'lem.utils'
local io = require 'lem.io'
local httpserv = require 'lem.http.server'
local expect = require 'expect'
local H = require 'httptest'

local fields = {}
for k in pairs(httpserv) do fields[#fields + 1] = k end
table.sort(fields)
expect.eq(table.concat(fields, ' '), 'Request Server debug limits new urldecode', 'module fields')
expect.values('urldecode', { '/a b+c d', 2, n = 2 }, httpserv.urldecode('/a%20b%2Bc+d'))
expect.values('urldecode without escapes', { '/plain', 0, n = 2 }, httpserv.urldecode('/plain'))

local log = {}
local path = os.tmpname()
local f = assert(io.open(path, 'w'))
assert(f:write('file contents\n'))
f:close()

local routes = {}
routes['/empty'] = function(req, res) end
routes['/hello'] = function(req, res)
	res.headers['Content-Type'] = 'text/plain'
	res:add('Hello, %s!\n', req.headers['x-name'] or 'World')
end
routes['/info'] = function(req, res)
	res:add('%s|%s|%s|%s', req.method, req.uri, req.path, req.version)
	expect.eq(req.client, req._conn.client, 'req.client')
	expect.eq(getmetatable(req), httpserv.Request, 'Request metatable')
end
routes['/teapot'] = function(req, res) res.status = 418 end
routes['/custom'] = function(req, res) res.status = '299 Custom' res:add('x') end
routes['/length'] = function(req, res) res.headers['Content-Length'] = 3 res:add('abcdef') end
routes['/file'] = function(req, res) res.file = path end
routes['/missing'] = function(req, res) res.file = path .. '.missing' end
routes['/dir'] = function(req, res) res.file = '/tmp' end
routes['/fileobj'] = function(req, res)
	local file = assert(io.open(path))
	res.file = file
	utils.spawn(function()
		H.sleep(0.2)
		log[#log + 1] = 'user file still open: ' .. tostring(not file:closed())
		file:close()
	end)
end
routes['/close'] = function(req, res) res.headers['Connection'] = 'close' res:add('bye') end

local server, port = H.serve(19500, function(req, res) routes[req.path](req, res) end, function(s)
	s.debug = function(category, message) log[#log + 1] = category .. ': ' .. tostring(message) end
end)

local c = H.connect(port)
local done = H.deadline(c, 10)
local function get(target, extra)
	assert(c:write('GET ' .. target .. ' HTTP/1.1\r\nHost: test\r\n' .. (extra or '') .. '\r\n'))
	return H.response(c)
end

-- 204 without a body or status; no Content-Length then
local res, body = get('/empty')
expect.eq(res.status, 204, 'no body, no status')
expect.eq(res.headers['content-length'], nil, 'no Content-Length with 204')
expect.eq(res.headers.server, 'Hathaway/0.1 LEM/0.3', 'Server header')
assert(res.headers.date:match('^%a%a%a, %d%d %a%a%a %d%d%d%d %d%d:%d%d:%d%d GMT$'), 'Date header ' .. res.headers.date)
-- 200 with a body and its length
res, body = get('/hello', 'X-Name: lem\r\n')
expect.eq(res.version, '1.1', 'version')
expect.eq(res.status, 200, 'status with a body')
expect.eq(res.text, 'OK', 'reason')
expect.eq(res.headers['content-type'], 'text/plain', 'handler header')
expect.eq(res.headers['content-length'], '12', 'Content-Length computed')
expect.eq(body, 'Hello, lem!\n', 'body')
-- the path is decoded, the query left out
res, body = get('/in%66o?a=%20b')
expect.eq(body, 'GET|/in%66o?a=%20b|/info|1.1', 'method, uri, path, version')
-- unknown numeric codes get their class as reason (the C version wrote 'nil'), strings go verbatim
res = get('/teapot')
expect.eq(res.status, 418, 'status 418')
expect.eq(res.text, 'Client Error', '418 reason')
res = get('/custom')
expect.eq(res.status, 299, 'custom status')
expect.eq(res.text, 'Custom', 'custom reason')
-- a Content-Length set by the handler is trusted (the whole body is still sent)
res, body = get('/length')
expect.eq(res.headers['content-length'], '3', 'user Content-Length')
expect.eq(body, 'abc', 'read by its length')
expect.eq(c:read(3), 'def', 'the rest follows')
-- files: a path, a File object, a missing file, a directory
res, body = get('/file')
expect.eq(body, 'file contents\n', 'res.file by path')
res, body = get('/fileobj')
expect.eq(body, 'file contents\n', 'res.file as a File')
res, body = get('/missing')
expect.eq(res.status, 404, 'missing file')
expect.eq(#body, 179, 'the 404 page')
res = get('/dir')
expect.eq(res.status, 404, 'a directory is no file')
-- HEAD: the headers and the length, no body
assert(c:write('HEAD /hello HTTP/1.1\r\nHost: test\r\n\r\nHEAD /file HTTP/1.1\r\n\r\n'))
res = assert(c:read('HTTPResponse'))
expect.eq(res.headers['content-length'], '14', 'HEAD length')
res = assert(c:read('HTTPResponse'))
expect.eq(res.headers['content-length'], '14', 'HEAD length of a file')
-- pipelining: answers in order
assert(c:write('GET /hello HTTP/1.1\r\nX-Name: 1\r\n\r\nGET /hello HTTP/1.1\r\nX-Name: 2\r\n\r\n' ..
	'GET /hello HTTP/1.1\r\nX-Name: 3\r\n\r\n'))
for i = 1, 3 do
	res, body = H.response(c)
	expect.eq(body, 'Hello, ' .. i .. '!\n', 'pipelined answer ' .. i)
end
-- Connection: close from the handler or the client ends the connection
res, body = get('/close')
expect.eq(res.headers.connection, 'close', 'handler closes')
expect.values('closed after Connection: close', { nil, 'closed', n = 2 }, c:read('HTTPResponse'))
done()

local all = H.raw(port, 'GET /hello HTTP/1.1\r\nConnection: Keep-Alive, Close\r\n\r\nGET /hello HTTP/1.1\r\n\r\n')
expect.eq(select(2, all:gsub('HTTP/1.1 200 OK', '')), 1, 'one answer before the client\'s close')
assert(all:find('Connection: close\r\n', 1, true), 'Connection: close answered')
-- HTTP/1.0: answered in 1.0, never kept alive
all = H.raw(port, 'GET /hello HTTP/1.0\r\n\r\nGET /hello HTTP/1.0\r\n\r\n')
assert(all:find('^HTTP/1.0 200 OK\r\n'), 'HTTP/1.0 status line')
expect.eq(select(2, all:gsub('HTTP/1.0 200 OK', '')), 1, 'HTTP/1.0 closes after one answer')
-- other versions: 505 in HTTP/1.1, then close
all = H.raw(port, 'GET /hello HTTP/2.0\r\n\r\nGET /hello HTTP/1.1\r\n\r\n')
assert(all:find('^HTTP/1.1 505 HTTP Version Not Supported\r\n'), '505: ' .. all)
assert(all:find('Connection: close\r\n', 1, true), '505 closes')
expect.eq(all:find('200 OK', 1, true), nil, 'nothing after the 505')
-- an expectation other than 100-continue: 417
all = H.raw(port, 'GET /hello HTTP/1.1\r\nExpect: something\r\n\r\n')
assert(all:find('^HTTP/1.1 417 Expectation Failed\r\n'), '417: ' .. all)

server:close()
H.sleep(0.3)
os.remove(path)
table.sort(log)
print(table.concat(log, '\n'))
