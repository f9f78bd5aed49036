-- lem.http.response (reference 12): status strings, Response objects, error pages
local response = require 'lem.http.response'
local expect = require 'expect'

local fields = {}
for k in pairs(response) do fields[#fields + 1] = k end
table.sort(fields)
print(table.concat(fields, ' '))

local s = response.status_string
expect.eq(s[200], '200 OK', '200')
expect.eq(s[404], '404 Not Found', '404')
expect.eq(s[230], '230 Authentication Successfull', '230 [sic]')
expect.eq(s[306], '306 Switch Proxy', '306')
expect.eq(s[531], '531 Access Denied', '531')
expect.eq(s[418], nil, '418 is absent')
local codes = {}
for code in pairs(s) do codes[#codes + 1] = code end
table.sort(codes)
print(#codes .. ' codes: ' .. table.concat(codes, ' '))

-- new(): headers, version, add with and without format arguments
local res = response.new({ version = '1.0' })
expect.eq(getmetatable(res), response.Response, 'metatable')
expect.eq(res.version, '1.0', 'version from the request')
expect.eq(response.new().version, nil, 'no request, no version')
res:add('100%')
res:add('%s', nil)
res:add('%d-%s', 7, 'x')
expect.eq(res[1], '100%', 'verbatim without arguments')
expect.eq(res[2], '%s', 'verbatim when the first argument is nil')
expect.eq(res[3], '7-x', 'formatted')
expect.eq(res:contentlength(), 4 + 2 + 3, 'contentlength')
local other = response.new()
other:add('a')
expect.eq(other[1], 'a', 'each response counts its own chunks')

-- appendheader / appendbody into a rope
res.headers['X-A'] = 1
local rope = { 'start' }
local i, size = res:appendheader(rope, 1)
expect.eq(i, 3, 'index after the headers')
expect.eq(size, #'X-A: 1\r\n' + 2, 'header bytes')
expect.eq(table.concat(rope), 'startX-A: 1\r\n\r\n', 'header text')
i, size = res:appendbody(rope, i, 10)
expect.eq(i, 6, 'index after the body')
expect.eq(size, 19, 'body bytes added to the given size')

-- error pages
local page = response.new()
response.not_found({ headers = { expect = '100-continue' } }, page)
expect.eq(page.status, 404, '404 status')
expect.eq(page.headers['Content-Type'], 'text/html; charset=UTF-8', '404 type')
expect.eq(#page[1], 179, '404 body size')
io.write(page[1])
local read = false
response.not_found({ headers = {}, body = function() read = true end }, response.new())
expect.eq(read, true, 'not_found reads the body first')
page = response.new()
response.htmlerror(409, 'Conflict')(nil, page)
expect.eq(page.status, 409, 'htmlerror status')
expect.eq(page.headers['Connection'], 'close', 'htmlerror closes')
io.write(page[1])
for name, code in pairs({ method_not_allowed = 405, expectation_failed = 417, version_not_supported = 505,
		bad_request = 400 }) do
	page = response.new()
	response[name](nil, page)
	expect.eq(page.status, code, name)
end
