-- lem.http.server when things go wrong: an error in a handler answers 500 and closes only that
-- connection (in script mode too, where an uncaught error would end lem); bad responses;
-- unreadable and oversized request heads
local expect = require 'expect'
local H = require 'httptest'

local routes = {}
routes['/boom'] = function(req, res) res:add('partial') error('boom') end
routes['/table'] = function(req, res) error({ 'not a string' }) end
routes['/status'] = function(req, res) res.status = 42 end
routes['/badstatus'] = function(req, res) res.status = '200 OK\r\nX-Injected: 1' end
routes['/inject'] = function(req, res) res.headers['X-A'] = 'a\r\nX-Injected: 1' end
routes['/name'] = function(req, res) res.headers['X A'] = 'b' end
routes['/headers'] = function(req, res) res.headers = 'none' end
routes['/file'] = function(req, res) res.file = 42 end
routes['/ok'] = function(req, res) res:add('fine') end

local log = {}
local server, port = H.serve(19800, function(req, res) routes[req.path](req, res) end, function(s)
	s.debug = function(category, message)
		log[#log + 1] = category .. ': ' .. tostring(message):match('^[^\n]*'):gsub('table: 0x%x+', 'table')
	end
end)
server.limits.head_size = 2048

-- a keep-alive connection stays usable while other connections fail
local keep = H.connect(port)
local done = H.deadline(keep, 10)
assert(keep:write('GET /ok HTTP/1.1\r\n\r\n'))
expect.eq(select(2, H.response(keep)), 'fine', 'before')

for _, path in ipairs({ '/boom', '/table', '/status', '/badstatus', '/inject', '/name', '/headers', '/file' }) do
	local all = H.raw(port, 'GET ' .. path .. ' HTTP/1.1\r\n\r\nGET /ok HTTP/1.1\r\n\r\n')
	assert(all:find('^HTTP/1.1 500 Internal Server Error\r\n'), path .. ': ' .. all)
	assert(all:find('Connection: close\r\n', 1, true), path .. ' closes')
	expect.eq(all:find('fine', 1, true), nil, path .. ': nothing after the 500')
	expect.eq(all:find('partial', 1, true), nil, path .. ': nothing of the failed response')
	expect.eq(all:find('Injected', 1, true), nil, path .. ': nothing injected')
end

assert(keep:write('GET /ok HTTP/1.1\r\n\r\n'))
expect.eq(select(2, H.response(keep)), 'fine', 'after')
done()
keep:close()

-- heads that cannot be read: 400 for a parse error, 431 for one too large
local all = H.raw(port, 'GET / HTTP/1.1\nHost: x\n\n')
assert(all:find('^HTTP/1.1 400 Bad Request\r\n'), 'bare LF: ' .. all)
all = H.raw(port, 'GET / HTTP/1.1\r\nX: ' .. ('x'):rep(2100) .. '\r\n\r\n')
assert(all:find('^HTTP/1.1 431 Request Header Fields Too Large\r\n'), 'head_size: ' .. all)
server.limits.head_size = 1e6
all = H.raw(port, 'GET / HTTP/1.1\r\nX: ' .. ('x'):rep(5000) .. '\r\n\r\n')
assert(all:find('^HTTP/1.1 431 '), 'a token over 4094 bytes: ' .. all)

server:close()
H.sleep(0.1)
table.sort(log)
print(table.concat(log, '\n'))
