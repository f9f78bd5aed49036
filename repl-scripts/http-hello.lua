-- http-hello.lua: a hello-world HTTP server on lem.http.server.
-- Run it: ./lem repl-scripts/http-hello.lua [port [host]]   (default 8080 on every address;
-- then: curl localhost:8080/)
-- In the shell: .load repl-scripts/http-hello.lua; hello_server:close() stops it.
local httpserv = require 'lem.http.server'

local port = arg and arg[1] or '8080'
local host = arg and arg[2] or '*'

hello_server = assert(httpserv.new(host, port, function(req, res)
	res.headers['Content-Type'] = 'text/plain'
	res:add('Hello, World!\n')
end))
print('http-hello on http://localhost:' .. port .. '/')

require('lem.utils').spawn(function()
	local ok, err = hello_server:run()
	if not ok and err ~= 'interrupted' then print('http-hello: ' .. tostring(err)) end
end)
