-- pcall and xpcall inside coroutines, where lem's interpreter runs the protected function as a
-- frame of the coroutine (no fiber): results, error values, handlers, yields across the call.
--- case: results, arguments and error values
local function run(name, f)
	local co = coroutine.wrap(function() return f() end)
	print(name, pcall(co))
end
run('ok', function() return pcall(function(a, b) return a + b, 'x' end) end)
run('args', function() return pcall(function(...) return select('#', ...), ... end, 1, nil, 3) end)
run('error', function() return pcall(function() error('boom') end) end)
run('error level 2', function() local function g() error('deep', 2) end return pcall(function() g() end) end)
run('error table', function() local t = {} local ok, e = pcall(function() error(t) end) return ok, e == t end)
run('runtime', function() return pcall(function() local x = nil return x.y end) end)
run('nested', function() return pcall(function() local ok, e = pcall(error, 'inner') error('outer: ' .. e) end) end)
--- case: xpcall handlers
local function run(name, f)
	local co = coroutine.wrap(function() return f() end)
	print(name, pcall(co))
end
run('xpcall', function() return xpcall(function() error('e1') end, function(m) return 'handled ' .. m end) end)
run('xpcall tb', function() local ok, tb = xpcall(function() local x = {} return x.a.b end, debug.traceback) return ok, (tb:gsub('\n.*', '')) end)
run('xpcall ok', function() return xpcall(function(a) return a * 2 end, print, 21) end)
run('handler error', function() return xpcall(function() error('e') end, function() error('again') end) end)
run('handler nil', function() return xpcall(function() error('e') end, nil) end)
--- case: yields, tail calls, Java functions and stack overflow
local function run(name, f)
	local co = coroutine.wrap(function() return f() end)
	print(name, pcall(co))
end
run('yield inside', function()
	local gen = coroutine.wrap(function()
		local ok, v = pcall(function() coroutine.yield(1) coroutine.yield(2) error('stop') end)
		coroutine.yield(tostring(ok) .. ' ' .. v)
	end)
	return gen(), gen(), gen()
end)
run('tail call', function() return pcall(function() return select(2, 'a', 'b') end) end)
run('tail lua', function() local function h(x) if x == 0 then error('zero') end return x end return pcall(function() return h(0) end) end)
run('overflow', function() local function r() return 1 + r() end local ok, e = pcall(r) return ok, e end)
run('java fn', function() return pcall(string.rep, 'ab', 3) end)
run('java err', function() return pcall(string.rep) end)
run('no args', function() return pcall() end)
--- case: many calls, loops and captured variables
local function run(name, f)
	local co = coroutine.wrap(function() return f() end)
	print(name, pcall(co))
end
run('after', function() local ok = pcall(error) local t = {} for i = 1, 3 do t[i] = select(2, pcall(function(i) return i * i end, i)) end return table.concat(t, ',') end)
run('many', function() local n = 0 for i = 1, 1000 do if not pcall(error, i) then n = n + 1 end if pcall(function() return i end) then n = n + 1 end end return n end)
run('upvalue', function() local fs = {} for i = 1, 3 do pcall(function() local j = i * 10 fs[i] = function() return j end error('x') end) end return fs[1](), fs[2](), fs[3]() end)
run('error in loop', function() local s = 0 for i = 1, 10 do local ok = pcall(function() if i % 2 == 0 then error('even') end s = s + i end) end return s end)
--- case: debug.traceback as xpcall's handler starts at the function that raised the error
local co = coroutine.wrap(function()
	local function inner() local t = nil return t.x end
	local function outer() return inner() + 1 end
	print(xpcall(outer, debug.traceback))
	print(xpcall(outer, function(m) return debug.traceback(m, 2) end))
end)
co()
--- case: metamethods, nested yields and Java callbacks under protected calls
local mt = {__index = function(t, k) error('no field ' .. k) end}
local co = coroutine.wrap(function()
	local t = setmetatable({}, mt)
	print(pcall(function() return t.x end))
	print(pcall(function() return #setmetatable({}, {__len = function() error('len') end}) end))
	-- error in a __index function reached from a protected frame, the pcall two frames out
	local function g() return t.y end
	print(pcall(function() return g() end))
	-- yield across two protected frames
	local gen = coroutine.wrap(function()
		print('inner', pcall(function()
			print('innermost', pcall(function() coroutine.yield('a') error('e') end))
			coroutine.yield('b')
			return 'done'
		end))
	end)
	print(gen(), gen(), gen())
	-- a protected call whose function is a callable table is a Java pcall
	local callable = setmetatable({}, {__call = function(self, x) return x * 2 end})
	print(pcall(callable, 21))
	-- pcall results used as open arguments
	print(select('#', pcall(function() return 1, 2, 3 end)))
	print(pcall(pcall, error, 'x'))
	print(pcall(coroutine.wrap(function() error('in wrap') end)))
	-- string.gsub with a callback that errors, inside a pcall
	print(pcall(string.gsub, 'abc', '%w', function(c) if c == 'b' then error('bad b') end end))
	-- sort comparator error
	print(pcall(table.sort, {3, 1, 2}, function(a, b) error('cmp') end))
	-- tostring with a failing __tostring
	print(pcall(tostring, setmetatable({}, {__tostring = function() error('ts') end})))
end)
co()
