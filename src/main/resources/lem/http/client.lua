-- lem.http.client: an HTTP/1.1 client that keeps one connection open for reuse (reference 14,
-- with its bugs fixed: URLs may carry a port, bodies may end with the connection, download
-- writes the body, and close() forgets the connection).
local io = require 'lem.io'
require 'lem.http'

local setmetatable, pairs, tostring, tonumber, error, type = setmetatable, pairs, tostring, tonumber, error, type
local match, find, sub, lower, format = string.match, string.find, string.sub, string.lower, string.format
local concat, min = table.concat, math.min

local M = {}

-- the most bytes of a response head the client accepts
M.head_size = 65536

local Client = {}
Client.__index = Client
M.Client = Client

local Response = {}
Response.__index = Response
M.Response = Response

function M.new()
	return setmetatable({ proto = false, domain = false, port = false, conn = false }, Client)
end

local default_ports = { http = '80', https = '443' }

-- scheme, host, port, path with query, and the Host header of url; nil when it is not one
local function parse_url(url)
	local scheme, authority, rest = match(url, '^(%a[%w+.-]*)://([^/?#]*)(.*)$')
	if not scheme then return nil end
	local host, port = match(authority, '^%[([%x:.]+)%]:?(%d*)$') -- an IPv6 address
	if not host then
		host, port = match(authority, '^([%w.-]+):?(%d*)$')
	end
	if not host then return nil end
	scheme = lower(scheme)
	if port == '' then
		port = default_ports[scheme]
	elseif tonumber(port) < 1 or tonumber(port) > 65535 then
		return nil
	end
	local path = match(rest, '^[^#]*')
	if find(path, '[%c ]') then
		return nil -- it would break the request line
	elseif path == '' or sub(path, 1, 1) == '?' then
		path = '/' .. path
	elseif sub(path, 1, 1) ~= '/' then
		return nil
	end
	return scheme, host, port, path, authority
end

-- how a response's body ends: a length (0: no body), 'chunked', or 'close'
local function framing(res)
	local status = res.status
	if res.method == 'HEAD' or status < 200 or status == 204 or status == 304 then return 0 end
	local headers = res.headers
	local te = headers['transfer-encoding']
	if te then
		return find(lower(te), 'chunked$') and 'chunked' or 'close'
	end
	local cl = headers['content-length']
	if cl then
		if not find(cl, '^%d+$') then return nil, 'invalid content length' end
		return tonumber(cl)
	end
	return 'close'
end

local function must_close(res)
	local connection = res.headers.connection
	if connection and find(lower(connection), '%f[%w]close%f[^%w]') then return true end
	return res.version == '1.0' and not (connection and lower(connection) == 'keep-alive')
end

-- Reads the body into sink(chunk) (which returns true | nil, err); returns true | nil, err.
-- The connection is closed after a body that ends with it, or when reading fails.
local function read_body(res, sink, maxsize)
	local conn = res.conn
	local how, err = framing(res)
	local size, ok = 0, true
	if how == 'chunked' then
		repeat
			local chunk
			chunk, err = conn:read('HTTPChunk', maxsize and maxsize - size)
			if not chunk then ok = false break end
			size = size + #chunk
			if chunk ~= '' then ok, err = sink(chunk) end
		until chunk == '' or not ok
	elseif how == 'close' then
		while true do
			local chunk = conn:read()
			if not chunk then break end -- the end of the body: the server closed the connection
			size = size + #chunk
			if maxsize and size > maxsize then ok, err = false, 'oversized' break end
			ok, err = sink(chunk)
			if not ok then break end
		end
	elseif how then
		if maxsize and how > maxsize then
			ok, err = false, 'oversized'
		end
		while ok and size < how do
			local chunk
			chunk, err = conn:read(min(how - size, 65536))
			if not chunk then ok = false break end
			size = size + #chunk
			ok, err = sink(chunk)
		end
	else
		ok = false
	end
	res._done = true
	if not ok or how == 'close' or must_close(res) then conn:close() end
	if not ok then return nil, err end
	return true
end

-- res:body([maxsize]) -> the body | nil, err; the body is read once and kept in res._body
function Response:body(maxsize)
	local body = self._body
	if body then return body end
	if self._done then return nil, 'closed' end
	local parts = {}
	local ok, err = read_body(self, function(chunk)
		parts[#parts + 1] = chunk
		return true
	end, maxsize)
	if not ok then return nil, err end
	body = concat(parts)
	self._body = body
	return body
end

-- res:body_chunked(): the body of a chunked response (as res:body() reads it)
Response.body_chunked = Response.body

local function discard()
	return true
end

-- the last response's unread body must go before the connection can carry another request
local function settle(self)
	local last = self.pending
	self.pending = nil
	if last and not last._done and not read_body(last, discard) then
		self:close()
	end
	if self.conn and self.conn:closed() then
		self:close()
	end
end

local function connect(self, proto, host, port)
	if proto == 'https' then
		return self.ssl:connect(host, port)
	end
	return io.tcp.connect(host, port)
end

-- writes the request and reads the response head, skipping interim (1xx) responses
local function exchange(self, request, method)
	local conn = self.conn
	local ok, err = conn:write(request)
	if not ok then return nil, err end
	local res
	repeat
		res, err = conn:read('HTTPResponse', M.head_size)
		if not res then return nil, err end
	until res.status >= 200 or res.status == 101
	res.conn, res.method = conn, method
	self.pending = setmetatable(res, Response)
	return res
end

-- methods that may be sent again when a kept connection turns out to be closed
local idempotent = { GET = true, HEAD = true, PUT = true, DELETE = true, OPTIONS = true }

-- c:request(method, url [, body [, headers]]) -> response | nil, err
function Client:request(method, url, body, headers)
	local proto, host, port, path, authority = parse_url(url)
	if not proto then error('Invalid URL', 2) end
	if proto ~= 'http' and proto ~= 'https' then error('Unknown protocol', 2) end
	if proto == 'https' and not self.ssl then error('No ssl context defined', 2) end
	local rope = { method, ' ', path, ' HTTP/1.1\r\nHost: ', authority, '\r\n' }
	local own = {}
	for k, v in pairs(headers or {}) do
		v = tostring(v)
		if find(k, '[%c:]') or find(v, '[\r\n%z]') then error('invalid header ' .. format('%q', k), 2) end
		rope[#rope + 1] = k .. ': ' .. v .. '\r\n'
		own[lower(k)] = true
	end
	if body and not own['content-length'] and not own['transfer-encoding'] then
		rope[#rope + 1] = 'Content-Length: ' .. #body .. '\r\n'
	end
	if not own['connection'] then
		rope[#rope + 1] = 'Connection: keep-alive\r\n'
	end
	rope[#rope + 1] = '\r\n'
	rope[#rope + 1] = body
	local request = concat(rope)

	settle(self)
	local res, err
	if self.conn and self.proto == proto and self.domain == host and self.port == port then
		res, err = exchange(self, request, method)
		if res then return res end
		self:close()
		if not idempotent[method] then return nil, err end
	else
		self:close()
	end
	local conn
	conn, err = connect(self, proto, host, port)
	if not conn then return nil, err end
	self.conn, self.proto, self.domain, self.port = conn, proto, host, port
	res, err = exchange(self, request, method)
	if not res then
		self:close()
		return nil, err
	end
	return res
end

-- c:get(url [, headers]) -> response | nil, err
function Client:get(url, headers)
	return self:request('GET', url, nil, headers)
end

-- c:post(url, body [, headers]) -> response | nil, err; the Content-Type defaults to a form's
function Client:post(url, body, headers)
	if type(body) ~= 'string' then error("bad argument #2 to 'post' (string expected, got " .. type(body) .. ')', 2) end
	local all = { ['Content-Type'] = 'application/x-www-form-urlencoded' }
	for k, v in pairs(headers or {}) do
		if lower(k) == 'content-type' then all['Content-Type'] = nil end
		all[k] = v
	end
	return self:request('POST', url, body, all)
end

-- c:download(url, filename) -> true | nil, err: the body of a 2xx response into the file
function Client:download(url, filename)
	local res, err = self:get(url)
	if not res then return nil, err end
	if res.status < 200 or res.status > 299 then
		return nil, format('unexpected status %d %s', res.status, res.text)
	end
	local file
	file, err = io.open(filename, 'w')
	if not file then return nil, err end
	local ok
	ok, err = read_body(res, function(chunk) return file:write(chunk) end)
	file:close()
	if not ok then return nil, err end
	return true
end

-- c:close(): closes the kept connection (its close() result), or true when there is none
function Client:close()
	local conn = self.conn
	self.proto, self.domain, self.port, self.conn, self.pending = false, false, false, false, nil
	if conn then return conn:close() end
	return true
end

return M
