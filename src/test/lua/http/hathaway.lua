-- lem.hathaway (reference 15): exact and pattern routes, GET also answering HEAD, 405 and 404,
-- captures, decoded paths, debug output, run() until app.server:close(), import()
local utils = require 'lem.utils'
local hathaway = require 'lem.hathaway'
local client = require 'lem.http.client'
local expect = require 'expect'
local H = require 'httptest'

local fields = {}
for k in pairs(hathaway) do fields[#fields + 1] = k end
table.sort(fields)
expect.eq(table.concat(fields, ' '), 'Hathaway debug import new', 'module fields')

local log = {}
hathaway.debug = function(category, message) log[#log + 1] = category .. '\t' .. tostring(message) end
local app = hathaway.new()
expect.eq(getmetatable(app), hathaway.Hathaway, 'metatable')
expect.eq(app.debug, hathaway.debug, 'debug copied at new()')

app:GET('/', function(req, res) res:add('root') end)
app:GET('/a b', function(req, res) res:add('decoded path') end)
app:POST('/form', function(req, res) res:add('posted %s', req:body()) end)
app:PUT('/form', function(req, res) res:add('put %s', req:body()) end)
app:DELETE('/form', function(req, res) res:add('deleted') end)
app:OPTIONS('/form', function(req, res) res.headers['Allow'] = 'POST, PUT, DELETE, OPTIONS' end)
app:GET('/replaced', function(req, res) res:add('old') end)
app:GET('/replaced', function(req, res) res:add('new') end)
app:GETM('^/hello/([^/]+)$', function(req, res, name) res:add('Hello, %s!', name) end)
app:GETM('^/sum/(%d+)/(%d+)$', function(req, res, a, b) res:add('%d', a + b) end)
app:GETM('^/whole/%a+$', function(req, res, whole) res:add('whole %s', whole) end)
app:POSTM('^/hello/', function(req, res) res:add('never: the GETM before decides') end)
app:PUTM('^/items/(%d+)$', function(req, res, id) res:add('put item %s', id) end)
app:DELETEM('^/items/(%d+)$', function(req, res, id) res:add('deleted item %s', id) end)
app:GETM('^/items/(%d+)$', function(req, res, id) res:add('item %s', id) end)
app:HEAD('/head-only', function(req, res) res.headers['X-Head'] = 'yes' end)
expect.eq(#app.lookup, 5, 'pattern entries, one per pattern')

local socket, port = H.listen(20400)
local ran
utils.spawn(function()
	ran = { app:run(socket) }
end)
H.sleep(0.05)
expect.eq(type(app.server), 'table', 'app.server while running')

local c = client.new()
local base = 'http://127.0.0.1:' .. port
local function call(method, path, body)
	local res = assert(c:request(method, base .. path, body))
	return res.status .. ' ' .. res:body()
end
local results = {
	call('GET', '/'),
	call('HEAD', '/'),
	call('GET', '/a%20b?query'),
	call('POST', '/form', 'x=1'),
	call('PUT', '/form', 'y'),
	call('DELETE', '/form'),
	call('OPTIONS', '/form'),
	call('PATCH', '/form'):sub(1, 3),
	call('GET', '/form'):sub(1, 3),
	call('GET', '/replaced'),
	call('GET', '/hello/Bob'),
	call('POST', '/hello/Bob'):sub(1, 3),
	call('GET', '/sum/2/40'),
	call('GET', '/whole/abc'),
	call('PUT', '/items/7'),
	call('DELETE', '/items/7'),
	call('GET', '/items/7'),
	call('HEAD', '/items/7'),
	call('HEAD', '/head-only'),
	call('GET', '/head-only'):sub(1, 3),
	call('GET', '/nowhere'):sub(1, 3),
}
print(table.concat(results, '\n'))
c:close()

app.server:close()
H.sleep(0.05)
expect.values('run() after close', { true, n = 1 }, table.unpack(ran, 1, 1))
print(table.concat(log, '\n'))

-- run() failing to listen; import() into an environment
log = {}
local busy = hathaway.new()
socket = H.listen(tonumber(port))
local ok, err = busy:run('127.0.0.1', port)
expect.eq(ok, nil, 'run on a port in use')
assert(err:find('Address already in use', 1, true), err)
socket:close()
local env = {}
hathaway.import(env)
local names = {}
for k in pairs(env) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, ' '))
print(table.concat(log, '\n'))
