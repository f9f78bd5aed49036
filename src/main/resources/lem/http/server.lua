-- lem.http.server: HTTP/1.0 and 1.1 servers on lem.io (reference 13, with its bugs fixed).
-- Each connection runs in its own coroutine: read a request head, check how its body is
-- framed, run the handler (an error in it answers 500 and closes only that connection), send
-- the response, and go on while the connection may be kept alive.
local utils    = require 'lem.utils'
local io       = require 'lem.io'
local response = require 'lem.http.response'
require 'lem.http'

local type, tostring, tonumber, pairs, next, setmetatable, getmetatable, xpcall =
	type, tostring, tonumber, pairs, next, setmetatable, getmetatable, xpcall
local find, sub, lower, gsub, char, format = string.find, string.sub, string.lower, string.gsub, string.char, string.format
local concat, floor, min, max = table.concat, math.floor, math.min, math.max
local now, spawn, newsleeper = utils.now, utils.spawn, utils.newsleeper
local traceback, date = debug.traceback, os.date
local status_string = response.status_string
local message = require('lem.http.core').message

local M = {}

-- debug(category, message): 'read', 'open', 'write' (reference) and 'handler' (an error in a
-- handler, with its traceback); a no-op unless replaced, copied into each server by new()
function M.debug() end

-- The limits a new server starts with (server.limits is its own copy, to change before run()).
M.limits = {
	head_size = 16384,     -- bytes of a request head (request line and headers); more: 431
	body_size = 1048576,   -- what req:body() reads when not told otherwise; more: nil, 'oversized'
	idle_timeout = 30,     -- seconds a connection may wait for the next complete request head
	client_timeout = 30,   -- seconds reading a request body or writing a response may take
}

local function hexbyte(hex)
	return char(tonumber(hex, 16))
end

-- urldecode(s): '+' becomes a space, then '%XX' the byte; returns the text and the count of %XX
function M.urldecode(s)
	if not find(s, '[%%+]') then return s, 0 end
	return gsub(gsub(s, '%+', ' '), '%%(%x%x)', hexbyte)
end
local urldecode = M.urldecode

-- the Date header, made once a second
local date_second, date_text = -1, nil
local function httpdate()
	local t = floor(now())
	if t ~= date_second then
		date_second, date_text = t, date('!%a, %d %b %Y %H:%M:%S GMT', t)
	end
	return date_text
end

---------------------------------------------------------------------------------------------------
-- Deadlines: one watcher coroutine per server closes the connections whose deadline passed. It
-- runs only while some deadline is set, so an idle server keeps no timer.

local function tick(limits)
	return max(0.01, min(1, min(limits.idle_timeout, limits.client_timeout) / 4))
end

-- Written with the instructions that serving requests runs too (the tick worked out once per
-- server, next rather than a generic for, < rather than <=): the JIT compiles lem's interpreter
-- for the instructions it has seen run, and one that ran only once a second, met after that
-- compilation, had all of the interpreter compiled again in the middle of a busy second.
local function watch_deadlines(self)
	local sleeper, connections = newsleeper(), self.connections
	self.deadline_tick = self.deadline_tick or tick(self.limits)
	repeat
		sleeper:sleep(self.deadline_tick)
		local t, pending = now(), false
		local conn = next(connections)
		while conn do
			local deadline = conn.deadline
			if deadline then
				if t < deadline then
					pending = true
				else
					conn.deadline, conn.timedout = false, true
					conn.client:close()
				end
			end
			conn = next(connections, conn)
		end
	until not pending
	self.watching = false
end

-- the connection must be done with its current wait within the given seconds
local function arm(self, conn, seconds)
	conn.deadline = now() + seconds
	if not self.watching then
		self.watching = true
		spawn(watch_deadlines, self)
	end
end

---------------------------------------------------------------------------------------------------
-- Requests

local Request = {}
Request.__index = Request
M.Request = Request

-- How a request's body is framed: its length (0: none) or 'chunked'; or nil and the error page.
-- Anything two parties could read differently is refused (request smuggling).
local function framing(req)
	local headers = req.headers
	local te, cl = headers['transfer-encoding'], headers['content-length']
	if te then
		if cl or req.version == '1.0' then return nil, response.bad_request end
		te = lower(te)
		if te == 'chunked' then return 'chunked' end
		if find(te, ',[ \t]*chunked$') then return nil, response.not_implemented end
		return nil, response.bad_request
	end
	if cl then
		if #cl > 15 or not find(cl, '^%d+$') then return nil, response.bad_request end
		return tonumber(cl)
	end
	return 0
end

local function expects_continue(req)
	local expect = req.headers.expect
	return expect ~= nil and lower(expect) == '100-continue'
end

local function read_chunked(client, maxsize)
	local parts, size = {}, 0
	while true do
		local chunk, err = client:read('HTTPChunk', maxsize - size)
		if not chunk then return nil, err end
		if chunk == '' then return concat(parts) end
		size = size + #chunk
		parts[#parts + 1] = chunk
	end
end

-- req:body([maxsize]) -> the body | nil, err. The body is read once and kept; a body larger than
-- maxsize (default: the server's limits.body_size) gives nil, 'oversized'.
function Request:body(maxsize)
	local body = self._body
	if body then return body end
	local length, conn = self._length, self._conn
	if length == 0 then
		self._body = ''
		return ''
	end
	if self._broken then return nil, 'closed' end
	local server, client = conn.server, conn.client
	maxsize = maxsize or server.limits.body_size
	if length ~= 'chunked' and length > maxsize then return nil, 'oversized' end
	if not self._continued and expects_continue(self) then
		self._continued = true
		if self.version == '1.1' then
			local ok, err = client:write('HTTP/1.1 100 Continue\r\n\r\n')
			if not ok then
				self._broken = true
				return nil, err
			end
		end
	end
	arm(server, conn, server.limits.client_timeout)
	local err
	if length == 'chunked' then
		body, err = read_chunked(client, maxsize)
	else
		body, err = client:read(length)
	end
	conn.deadline = false
	if not body then
		self._broken = true -- part of the body may be read: the connection cannot go on
		return nil, conn.timedout and 'timeout' or err
	end
	self._body = body
	return body
end

-- After the handler: true when no body is left unread, reading one the handler did not want
-- (so that it is not taken for the next request) where the client sends it anyway.
local function skip_body(req)
	if req._body then return true end
	if req._broken or (expects_continue(req) and not req._continued) then return false end
	return req:body() ~= nil
end

---------------------------------------------------------------------------------------------------
-- Responses

local class_names = { 'Informational', 'Success', 'Redirection', 'Client Error', 'Server Error' }

-- a value for an error message, control bytes shown as \ddd
local function show(v)
	return (gsub(tostring(v), '%c', function(c) return '\\' .. c:byte() end))
end

-- the status line's text and code for res.status, or nil and what is wrong with it
local function status_text(res)
	local status = res.status
	if status == nil then
		if res.file ~= nil or res[1] ~= nil then return '200 OK', 200 end
		return '204 No Content', 204
	end
	if type(status) == 'string' and not find(status, '^%d+$') then
		if find(status, '^[1-5]%d%d [^%c]*$') then return status, tonumber(sub(status, 1, 3)) end
		return nil, "invalid status '" .. show(status) .. "'"
	end
	local code = tonumber(status)
	if code == nil or code ~= floor(code) or code < 100 or code > 599 then
		return nil, "invalid status '" .. show(status) .. "'"
	end
	return status_string[code] or format('%d %s', code, class_names[floor(code / 100)]), code
end

-- the length of the body chunks (numbers become text); nil and why for anything else
local function body_length(res)
	local length = 0
	for i = 1, #res do
		local chunk = res[i]
		if type(chunk) == 'number' then
			chunk = tostring(chunk)
			res[i] = chunk
		elseif type(chunk) ~= 'string' then
			return nil, 'invalid body chunk #' .. i .. ' (a ' .. type(chunk) .. ')'
		end
		length = length + #chunk
	end
	return length
end

-- A response that the server makes itself (an error page).
local function page(handler, req)
	local res = response.new(req)
	handler(req, res)
	if res.version ~= '1.0' then res.version = '1.1' end
	return res
end

-- res.file (a path or a File) open, its size, and whether it was opened here; nil, err when it
-- cannot be opened or measured
local function open_file(file)
	local opened = false
	if type(file) == 'string' then
		local err
		file, err = io.open(file)
		if not file then return nil, err end
		if getmetatable(file) ~= io.File then
			file:close()
			return nil, 'not a regular file'
		end
		opened = true
	end
	local size, err = file:size()
	if not size then
		if opened then file:close() end
		return nil, err
	end
	return file, size, opened
end

local function says_close(value)
	return type(value) == 'string' and find(lower(value), '%f[%w]close%f[^%w]') ~= nil
end

-- whether the connection stays open after this exchange (the checks that need no call first:
-- this runs for every request)
local function keep_alive(self, req, res)
	if req.version ~= '1.1' or self.closing then return false end
	local asked, answered = req.headers.connection, res.headers['Connection']
	if (asked and says_close(asked)) or (answered and says_close(answered)) then return false end
	return req._length == 0 or skip_body(req)
end

local send

-- what the handler made cannot be sent: a 500 instead, and the connection closes
local function fail(self, conn, req, err)
	self.debug('handler', err)
	send(self, conn, req, page(response.internal_server_error, req))
	return false
end

-- Sends res for req (nil for a request that could not be read); returns true when the
-- connection goes on with the next request.
function send(self, conn, req, res)
	local text, code = status_text(res)
	if not text then return fail(self, conn, req, code) end -- code is what is wrong then
	local headers = res.headers
	if type(headers) ~= 'table' then return fail(self, conn, req, 'res.headers is not a table') end
	local file, size, opened = res.file, nil, false
	if file ~= nil then
		if type(file) ~= 'string' and getmetatable(file) ~= io.File then
			return fail(self, conn, req, 'res.file is neither a path nor a File')
		end
		file, size, opened = open_file(file)
		if not file then
			self.debug('open', size) -- size is the error then
			local missing = response.new(req)
			response.not_found(req, missing)
			return send(self, conn, req, missing)
		end
	end
	local bodyless = code < 200 or code == 204 or code == 304
	if not bodyless and headers['Content-Length'] == nil then
		local length, err = size, nil
		if not length then length, err = body_length(res) end
		if not length then return fail(self, conn, req, err) end
		headers['Content-Length'] = length
	end
	if headers['Date'] == nil then headers['Date'] = httpdate() end
	if headers['Server'] == nil then headers['Server'] = 'Hathaway/0.1 LEM/0.3' end
	local keep = req ~= nil and keep_alive(self, req, res)
	if not keep and headers['Connection'] == nil then headers['Connection'] = 'close' end
	local with_body = not bodyless and (req == nil or req.method ~= 'HEAD')
	local bytes, err = message(res.version or '1.1', text, headers, with_body and not file and res or nil)
	if not bytes then
		if opened then file:close() end
		return fail(self, conn, req, err)
	end

	local client = conn.client
	arm(self, conn, self.limits.client_timeout)
	local ok
	if with_body and file then
		client:cork()
		ok, err = client:write(bytes)
		if ok and size > 0 then ok, err = client:sendfile(file, size) end
		client:uncork()
	else
		ok, err = client:write(bytes)
	end
	conn.deadline = false
	if opened then file:close() end
	if not ok then
		self.debug('write', conn.timedout and 'timeout' or err)
		return false
	end
	return keep
end

---------------------------------------------------------------------------------------------------
-- Servers

local Server = {}
Server.__index = Server
M.Server = Server

-- new(host, port, handler) listens with io.tcp.listen; new(socket, handler) serves a listening
-- Server or MultiServer. Returns the server | nil, err.
function M.new(host, port, handler)
	local socket
	if type(host) == 'string' then
		local err
		socket, err = io.tcp.listen(host, port)
		if not socket then return nil, err end
	else
		socket, handler = host, port
	end
	local limits = {}
	for k, v in pairs(M.limits) do limits[k] = v end
	return setmetatable({
		socket = socket,
		handler = handler,
		debug = M.debug,
		limits = limits,
		connections = {}, -- conn -> true, for every connection being served
		closing = false,  -- set here, as read for every request: a missing field costs a metatable look-up
	}, Server)
end

-- one request on conn: returns true to go on with the next
local function exchange(self, conn, req)
	setmetatable(req, Request)
	local uri = req.uri
	local q = find(uri, '?', 1, true)
	req.client, req._conn = conn.client, conn
	req.path = (urldecode(q and sub(uri, 1, q - 1) or uri))

	local headers, length, refusal = req.headers, 0, nil
	if headers['transfer-encoding'] ~= nil or headers['content-length'] ~= nil then
		length, refusal = framing(req)
	end
	req._length = length or 0
	if req.version ~= '1.1' and req.version ~= '1.0' then
		return send(self, conn, req, page(response.version_not_supported, req))
	elseif not length then
		return send(self, conn, req, page(refusal, req))
	elseif headers.expect ~= nil and not expects_continue(req) then
		return send(self, conn, req, page(response.expectation_failed, req))
	end
	local res = response.new(req)
	local ok, err = xpcall(self.handler, traceback, req, res)
	if not ok then return fail(self, conn, req, err) end
	return send(self, conn, req, res)
end

-- a request head that could not be read: tell the client why, where there is something to say
local function refuse(self, conn, err)
	local handler = err == 'parse error' and response.bad_request
		or err == 'out of buffer space' and response.header_fields_too_large
	if handler then
		send(self, conn, nil, page(handler))
	end
end

-- serve(client): the per-connection loop
function Server:serve(client)
	local conn = { server = self, client = client, idle = true, deadline = false }
	local connections, limits = self.connections, self.limits
	connections[conn] = true
	while not self.closing do
		conn.idle = true
		arm(self, conn, limits.idle_timeout)
		local req, err = client:read('HTTPRequest', limits.head_size, true)
		conn.idle, conn.deadline = false, false
		if not req then
			self.debug('read', conn.timedout and 'timeout' or err)
			refuse(self, conn, err)
			break
		end
		if not exchange(self, conn, req) then break end
	end
	connections[conn] = nil
	client:close()
end

-- run(): serves until the server is closed; then returns nil, 'interrupted'
function Server:run()
	return self.socket:autospawn(function(client) self:serve(client) end)
end

-- close(): stops accepting and closes the connections waiting for a request; a response
-- being made is still sent, with Connection: close
function Server:close()
	self.closing = true
	for conn in pairs(self.connections) do
		if conn.idle then conn.client:close() end
	end
	return self.socket:close()
end

return M
