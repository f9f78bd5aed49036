-- Lua 5.2 coroutine semantics on lem's engine
local expect = require 'expect'

local co = coroutine.create(function(a, b)
	expect.eq(coroutine.status(coroutine.running()), 'running', 'status inside')
	local c, d = coroutine.yield(a + b, 'first')
	expect.values('resume values', {'x', nil, n = 2}, c, d)
	return 'done', nil, 7
end)
expect.eq(coroutine.status(co), 'suspended', 'fresh')
expect.values('first resume', {true, 3, 'first', n = 3}, coroutine.resume(co, 1, 2))
expect.eq(coroutine.status(co), 'suspended', 'after yield')
expect.values('second resume', {true, 'done', nil, 7, n = 4}, coroutine.resume(co, 'x', nil))
expect.eq(coroutine.status(co), 'dead', 'after return')
expect.values('dead', {false, 'cannot resume dead coroutine', n = 2}, coroutine.resume(co))

-- an error ends the coroutine; resume reports it
local bad = coroutine.create(function() error({code = 42}) end)
local ok, e = coroutine.resume(bad)
expect.eq(ok, false, 'error resume')
expect.eq(e.code, 42, 'error value kept')
expect.eq(coroutine.status(bad), 'dead', 'dead after error')

-- normal status for the resumer, running for itself
local outer
outer = coroutine.create(function()
	local inner = coroutine.create(function()
		expect.eq(coroutine.status(outer), 'normal', 'outer is normal')
		coroutine.yield()
	end)
	coroutine.resume(inner)
	expect.values('resume running', {false, 'cannot resume non-suspended coroutine', n = 2}, coroutine.resume(outer))
end)
assert(coroutine.resume(outer))

-- running and isyieldable inside a lem task (the main chunk)
local main, ismain = coroutine.running()
expect.eq(type(main), 'thread', 'running in main chunk')
expect.eq(ismain, false, 'main chunk is not the main thread')
expect.eq(coroutine.isyieldable(), true, 'isyieldable')

-- wrap: values through, errors rethrown with the value
local gen = coroutine.wrap(function(n) for i = 1, n do coroutine.yield(i) end return 'end' end)
expect.values('wrap', {1, n = 1}, gen(3))
expect.values('wrap', {2, n = 1}, gen())
expect.values('wrap', {3, n = 1}, gen())
expect.values('wrap', {'end', n = 1}, gen())
expect.error('cannot resume dead coroutine', gen)
local werr = coroutine.wrap(function() error({tag = 't'}) end)
local ok2, e2 = pcall(werr)
expect.eq(ok2, false, 'wrap error')
expect.eq(e2.tag, 't', 'wrap error value')

-- yields across pcall, xpcall, metamethods and Java callbacks
local across = coroutine.wrap(function()
	local r = {pcall(function() return coroutine.yield('in pcall') end)}
	expect.values('pcall result', {true, 'p', n = 2}, table.unpack(r, 1, 2))
	xpcall(function() coroutine.yield('in xpcall') end, print)
	local t = setmetatable({}, {__index = function(_, k) return coroutine.yield('in __index ' .. k) end,
		__add = function() return coroutine.yield('in __add') end})
	local v = t.key
	local w = t + 1
	local s = string.gsub('ab', '%w', function(c) return coroutine.yield('in gsub ' .. c) end)
	table.sort({3, 1, 2}, function(a, b) coroutine.yield('in sort'); return a < b end)
	return 'finished ' .. v .. ' ' .. w .. ' ' .. s
end)
local seen = {}
local value = across()
local answers = {['in pcall'] = 'p', ['in __index key'] = 'V', ['in __add'] = 'W',
	['in gsub a'] = 'A', ['in gsub b'] = 'B'}
while not value:find('^finished') do
	seen[#seen + 1] = value
	value = across(answers[value])
end
expect.eq(value, 'finished V W AB', 'result across boundaries')
expect.eq(table.concat(seen, ','):gsub(',in sort', ''), 'in pcall,in xpcall,in __index key,in __add,in gsub a,in gsub b', 'yields seen')

-- many coroutines alive at once, each at its own yield
local cos = {}
for i = 1, 1000 do
	cos[i] = coroutine.wrap(function() local x = coroutine.yield(i) return x * 2 end)
	cos[i]()
end
local sum = 0
for i = 1, 1000 do sum = sum + cos[i](i) end
expect.eq(sum, 1001000, 'sum')

-- deep recursion inside a coroutine that yields at the bottom
local function deep(n) if n == 0 then return coroutine.yield('bottom') end return deep(n - 1) end
local dc = coroutine.create(function() return deep(2000) end)
expect.values('deep yield', {true, 'bottom', n = 2}, coroutine.resume(dc))
expect.values('deep return', {true, 'up', n = 2}, coroutine.resume(dc, 'up'))

-- argument checks
-- called directly from pcall, a function is named by where the global table holds it
expect.error("bad argument #1 to 'coroutine.create' (function expected, got no value)", coroutine.create)
-- called from Lua, by the name it was called under
expect.error("bad argument #1 to 'resume' (coroutine expected)", function() coroutine.resume(1) end)
expect.error("bad argument #1 to 'status' (coroutine expected)", function() coroutine.status() end)
local w = coroutine.wrap
expect.error("bad argument #1 to 'w' (function expected, got number)", function() w(1) end)
print('ok')
