-- lem.hathaway: a small router on lem.http.server (reference 15).
--   local app = hathaway.new()
--   app:GET('/hello', function(req, res) res:add('Hello!\n') end)
--   app:GETM('^/hello/([^/]+)$', function(req, res, name) res:add('Hello, %s!\n', name) end)
--   app:run('*', '8080')       -- until app.server:close()
local httpserv = require 'lem.http.server'
local response = require 'lem.http.response'

local setmetatable, pairs, type, format, match = setmetatable, pairs, type, string.format, string.match

local M = {}

-- debug(category, message): 'info' for every request, 'new' and 'run' for failures, and the
-- server's own categories; copied into each instance by new(), so set it before
function M.debug() end

local Hathaway = {}
Hathaway.__index = Hathaway
M.Hathaway = Hathaway

function M.new()
	local app = setmetatable({ lookup = {}, debug = M.debug }, Hathaway)
	app.handler = function(req, res) return app:handle(req, res) end
	return app
end

-- the methods each route function registers a handler for
local routes = {
	GET = { 'GET', 'HEAD' }, HEAD = { 'HEAD' }, POST = { 'POST' }, PUT = { 'PUT' },
	DELETE = { 'DELETE' }, OPTIONS = { 'OPTIONS' },
}

local function set(entry, methods, handler)
	for i = 1, #methods do
		entry[methods[i]] = handler
	end
end

-- app:GET(path, h) and the like: a handler for exactly this path (compared with req.path)
local function exact(methods)
	return function(self, path, handler)
		local entry = self.lookup[path]
		if not entry then
			entry = {}
			self.lookup[path] = entry
		end
		set(entry, methods, handler)
	end
end

-- app:GETM(pattern, h) and the like: a handler for paths matching a Lua pattern; patterns are
-- tried in the order they were first registered
local function matching(methods)
	return function(self, pattern, handler)
		local lookup = self.lookup
		for i = 1, #lookup do
			if lookup[i].pattern == pattern then
				return set(lookup[i], methods, handler)
			end
		end
		local entry = { pattern = pattern }
		lookup[#lookup + 1] = entry
		set(entry, methods, handler)
	end
end

local route_names = {}
for name, methods in pairs(routes) do
	Hathaway[name] = exact(methods)
	Hathaway[name .. 'M'] = matching(methods)
	route_names[#route_names + 1] = name
	route_names[#route_names + 1] = name .. 'M'
end

-- calls the entry's handler for the method with the captures; false when the path did not match
local function dispatch(entry, req, res, ...)
	if ... == nil then return false end
	local handler = entry[req.method]
	if handler then
		handler(req, res, ...)
	else
		response.method_not_allowed(req, res)
	end
	return true
end

function Hathaway:handle(req, res)
	self.debug('info', format('%s %s HTTP/%s', req.method, req.uri, req.version))
	local lookup, path = self.lookup, req.path
	local entry = lookup[path]
	if entry then
		local handler = entry[req.method] or response.method_not_allowed
		return handler(req, res)
	end
	for i = 1, #lookup do
		entry = lookup[i]
		if dispatch(entry, req, res, match(path, entry.pattern)) then return end
	end
	response.not_found(req, res)
end

-- app:run(host, port) or app:run(socket) -> true once app.server:close() stopped it | nil, err.
-- app.limits, when set, changes the server's limits (see lem.http.server).
function Hathaway:run(host, port)
	local server, err
	if type(host) == 'string' then
		server, err = httpserv.new(host, port, self.handler)
	else
		server, err = httpserv.new(host, self.handler)
	end
	if not server then
		self.debug('new', err)
		return nil, err
	end
	self.server = server
	server.debug = self.debug
	for k, v in pairs(self.limits or {}) do
		server.limits[k] = v
	end
	local ok
	ok, err = server:run()
	if ok or err == 'interrupted' then return true end
	self.debug('run', err)
	return nil, err
end

-- app:import([env]): GET, GETM, POST, ... and Hathaway(...) = app:run(...) as globals of env
function Hathaway:import(env)
	env = env or _G
	for _, name in pairs(route_names) do
		env[name] = function(...) return self[name](self, ...) end
	end
	env.Hathaway = function(...) self:run(...) end
end

function M.import(env)
	M.new():import(env)
end

return M
