-- lem.http.response: the Response objects that handlers fill in, and ready-made error pages
-- (reference 12).
local setmetatable, tostring, pairs, format = setmetatable, tostring, pairs, string.format
local newtable = require('lem.http.core').table

local M = {}

local reasons = {
	[100] = 'Continue', [101] = 'Switching Protocols', [102] = 'Processing',
	[200] = 'OK', [201] = 'Created', [202] = 'Accepted', [203] = 'Non-Authoritative Information',
	[204] = 'No Content', [205] = 'Reset Content', [206] = 'Partial Content', [207] = 'Multi-Status',
	[208] = 'Already Reported', [226] = 'IM Used', [230] = 'Authentication Successfull', -- [sic]
	[300] = 'Multiple Choices', [301] = 'Moved Permanently', [302] = 'Found', [303] = 'See Other',
	[304] = 'Not Modified', [305] = 'Use Proxy', [306] = 'Switch Proxy', [307] = 'Temporary Redirect',
	[308] = 'Permanent Redirect',
	[400] = 'Bad Request', [401] = 'Unauthorized', [402] = 'Payment Required', [403] = 'Forbidden',
	[404] = 'Not Found', [405] = 'Method Not Allowed', [406] = 'Not Acceptable',
	[407] = 'Proxy Authentication Required', [408] = 'Request Timeout', [409] = 'Conflict', [410] = 'Gone',
	[411] = 'Length Required', [412] = 'Precondition Failed', [413] = 'Request Entity Too Large',
	[414] = 'Request-URI Too Long', [415] = 'Unsupported Media Type',
	[416] = 'Requested Range Not Satisfiable', [417] = 'Expectation Failed',
	[422] = 'Unprocessable Entity', [423] = 'Locked', [424] = 'Failed Dependency',
	[426] = 'Upgrade Required', [428] = 'Precondition Required', [429] = 'Too Many Requests',
	[431] = 'Request Header Fields Too Large',
	[500] = 'Internal Server Error', [501] = 'Not Implemented', [502] = 'Bad Gateway',
	[503] = 'Service Unavailable', [504] = 'Gateway Timeout', [505] = 'HTTP Version Not Supported',
	[506] = 'Variant Also Negotiates', [507] = 'Insufficient Storage', [508] = 'Loop Detected',
	[510] = 'Not Extended', [511] = 'Network Authentication Required', [531] = 'Access Denied',
}

-- status_string[code] is the status line's '<code> <reason>'
local status_string = {}
for code, reason in pairs(reasons) do
	status_string[code] = code .. ' ' .. reason
end
M.status_string = status_string

local Response = {}
Response.__index = Response
M.Response = Response

-- new([req]): an empty response; res:add() appends body chunks. Both tables start with room
-- for what a response usually gets (a chunk, a status, the server's four headers), as growing
-- a table costs more than making it.
function M.new(req)
	local n = 0
	local res = newtable(1, 4)
	res.headers = newtable(0, 8)
	res.version = req and req.version
	res.add = function(self, fmt, first, ...)
		n = n + 1
		if first then
			self[n] = format(fmt, first, ...)
		else
			self[n] = fmt
		end
	end
	return setmetatable(res, Response)
end

function Response:contentlength()
	local len = 0
	for i = 1, #self do
		len = len + #self[i]
	end
	return len
end

-- appendheader(rope, i [, size]): header lines and the blank line into rope[i+1 ...];
-- returns the last index used and size plus the bytes added
function Response:appendheader(rope, i, size)
	size = size or 0
	for k, v in pairs(self.headers) do
		local line = k .. ': ' .. tostring(v) .. '\r\n'
		i = i + 1
		rope[i] = line
		size = size + #line
	end
	rope[i + 1] = '\r\n'
	return i + 1, size + 2
end

-- appendbody(rope, i [, size]): the body chunks, likewise
function Response:appendbody(rope, i, size)
	size = size or 0
	for j = 1, #self do
		local chunk = self[j]
		i = i + 1
		rope[i] = chunk
		size = size + #chunk
	end
	return i, size
end

local page = [[
<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">
<head>
<title>%s</title>
</head>
<body>
<h1>%s</h1>
</body>
</html>
]]

local not_found_page = format(page, 'Not Found', 'Not found')

-- not_found(req, res): 404, after reading the request's body unless the client waits for a 100
function M.not_found(req, res)
	if req.headers['expect'] ~= '100-continue' then
		req:body()
	end
	res.status = 404
	res.headers['Content-Type'] = 'text/html; charset=UTF-8'
	res:add(not_found_page)
end

-- htmlerror(code, text): a handler answering with an error page, closing the connection
function M.htmlerror(code, text)
	local body = format(page, text, text)
	return function(req, res)
		res.status = code
		res.headers['Content-Type'] = 'text/html; charset=UTF-8'
		res.headers['Connection'] = 'close'
		res:add(body)
	end
end

M.bad_request = M.htmlerror(400, 'Bad Request')
M.method_not_allowed = M.htmlerror(405, 'Method Not Allowed')
M.expectation_failed = M.htmlerror(417, 'Expectation Failed')
M.version_not_supported = M.htmlerror(505, 'HTTP Version Not Supported')
-- the pages lem.http.server sends on its own
M.header_fields_too_large = M.htmlerror(431, 'Request Header Fields Too Large')
M.internal_server_error = M.htmlerror(500, 'Internal Server Error')
M.not_implemented = M.htmlerror(501, 'Not Implemented')

return M
