-- The training run of lem's ahead-of-time cache (see the launcher): a little of every kind of
-- work lem programs do, so that the classes it needs (the interpreter's, the scheduler's,
-- Netty's, the HTTP modules') are in the cache, loaded and linked. Everything listens on
-- 127.0.0.1 and every loop is bounded; a part that cannot run (no free port) is left out.
local utils = require 'lem.utils'
local io = require 'lem.io'
local httpserv = require 'lem.http.server'
local httpclient = require 'lem.http.client'
local hathaway = require 'lem.hathaway'

local spawn, yield, newsleeper = utils.spawn, utils.yield, utils.newsleeper
local format, rep, concat = string.format, string.rep, table.concat

-- runs body(i) in n tasks of their own and waits (at most seconds) until all have ended
local function in_tasks(n, seconds, body)
	local done, finished = 0, newsleeper()
	for i = 1, n do
		spawn(function()
			body(i)
			done = done + 1
			if done == n then finished:wakeup() end
		end)
	end
	finished:sleep(seconds)
end

-- Plain Lua: calls, tables, strings, closures, varargs, metatables, errors.
local function lua_work(rounds)
	local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
	local Point = {}
	Point.__index = Point
	function Point.new(x, y) return setmetatable({ x = x, y = y }, Point) end
	function Point:add(o) return Point.new(self.x + o.x, self.y + o.y) end
	Point.__eq = function(a, b) return a.x == b.x and a.y == b.y end
	local function sum(...)
		local s = 0
		for i = 1, select('#', ...) do s = s + select(i, ...) end
		return s
	end
	local total = 0
	for r = 1, rounds do
		total = total + fib(15)
		local p = Point.new(0, 0)
		for i = 1, 200 do p = p:add(Point.new(i, -i)) end
		total = total + (p == Point.new(p.x, p.y) and 1 or 0)
		local words = {}
		for i = 1, 100 do words[#words + 1] = format('%s-%d', 'word', i % 7) end
		local text = concat(words, ' ')
		local count = 0
		for w in text:gmatch('%a+%-(%d)') do count = count + tonumber(w) end
		total = total + count + #text:gsub('word', 'w'):upper():sub(2, -2)
		local t = {}
		for i = 1, 100 do t[i] = (i * 7919) % 101 end
		table.sort(t, function(a, b) return a > b end)
		for k, v in pairs({ a = 1, b = 2, c = 3 }) do total = total + v end
		for i, v in ipairs(t) do total = total + v % 3 end
		total = total + sum(1, 2, 3, 4, 5)
		local ok = pcall(error, { code = r })
		local counter = 0
		local function bump() counter = counter + 1 return counter end
		for _ = 1, 50 do bump() end
		total = total + counter + (ok and 0 or 1) + #rep('ab', 10)
	end
	return total
end

-- Coroutines: generators, resume and yield, tasks that yield and sleep.
local function coroutine_work(rounds)
	local total = 0
	for _ = 1, rounds do
		local gen = coroutine.wrap(function()
			for i = 1, 100 do coroutine.yield(i) end
		end)
		for _ = 1, 100 do total = total + gen() end
		local co = coroutine.create(function(a) while true do a = coroutine.yield(a + 1) end end)
		for i = 1, 100 do local _, v = coroutine.resume(co, i) total = total + v end
	end
	in_tasks(rounds * 20, 30, function()
		newsleeper():sleep(0)
		yield()
	end)
	return total
end

-- a listening socket on a free port of 127.0.0.1, or nil
local function listen()
	local first = 20000 + math.floor(utils.updatenow() * 1000) % 20000
	for port = first, first + 99 do
		local server = io.tcp.listen4('127.0.0.1', tostring(port))
		if server then return server, tostring(port) end
	end
end

-- Sockets: line echo between client and server tasks.
local function socket_work(clients, lines)
	local server, port = listen()
	if not server then return end
	spawn(function()
		server:autospawn(function(conn)
			while true do
				local line = conn:read('*l')
				if not line then break end
				if not conn:write(line, '\n') then break end
			end
			conn:close()
		end)
	end)
	in_tasks(clients, 30, function(c)
		local conn = io.tcp.connect('127.0.0.1', port)
		if conn then
			for i = 1, lines do
				if not conn:write(format('line %d of client %d', i, c), '\n') or not conn:read('*l') then break end
			end
			conn:close()
		end
	end)
	server:close()
end

-- HTTP: a server and a router answering keep-alive clients.
local function http_work(clients, requests)
	local socket, port = listen()
	if not socket then return end
	local app = hathaway.new()
	app:GET('/', function(req, res)
		res.headers['Content-Type'] = 'text/plain'
		res:add('Hello, World!\n')
	end)
	app:GETM('^/hello/([^/]+)$', function(req, res, name) res:add('Hello, %s!\n', name) end)
	app:POST('/echo', function(req, res) res:add(req:body() or '') end)
	local server = assert(httpserv.new(socket, app.handler))
	spawn(function() server:run() end)
	local base = 'http://127.0.0.1:' .. port
	in_tasks(clients, 60, function(c)
		local client = httpclient.new()
		for i = 1, requests do
			local res
			if i % 10 == 0 then
				res = client:post(base .. '/echo', 'a=' .. i)
			elseif i % 3 == 0 then
				res = client:get(base .. '/hello/' .. c)
			else
				res = client:get(base .. '/')
			end
			if not res or not res:body() then break end
		end
		client:close()
	end)
	server:close()
end

spawn(function()
	lua_work(20)
	coroutine_work(50)
	socket_work(4, 50)
	http_work(4, 50)
	utils.exit(0)
end)
