-- The interpreter returns to its trampoline every 256 Lua calls, jumps and loop turns and goes
-- on where it stopped: everything below crosses thousands of those boundaries.
local utils = require 'lem.utils'
local expect = require 'expect'

-- numeric and generic for loops, while and repeat loops
local sum = 0
for i = 1, 100000 do sum = sum + i end
expect.eq(sum, 5000050000, 'numeric for')
local t = {}
for i = 1, 5000 do t[i] = i * 2 end
local total, count = 0, 0
for k, v in ipairs(t) do total = total + v; count = count + 1 end
expect.eq(total, 25005000, 'ipairs total')
expect.eq(count, 5000, 'ipairs count')
local n = 0
while n < 10000 do n = n + 1 end
repeat n = n - 2 until n <= 0
expect.eq(n, 0, 'while and repeat')

-- recursion and tail calls, results through every level
local function fib(k) if k < 2 then return k end return fib(k - 1) + fib(k - 2) end
expect.eq(fib(20), 6765, 'fib')
local function down(k, acc) if k == 0 then return acc, 'end' end return down(k - 1, acc + 1) end
expect.values('tail calls', {3000, 'end'}, down(3000, 0))
local function many(k) if k == 0 then return 1, 2, 3 end return many(k - 1) end
expect.values('open results kept', {1, 2, 3}, many(1000))

-- closures capturing loop variables, each its own
local fns = {}
for i = 1, 1000 do fns[i] = function() return i end end
expect.eq(fns[1]() + fns[500]() + fns[1000](), 1501, 'captured loop variables')

-- an error after many slices keeps its position and its traceback
local ok, err = pcall(function()
	for i = 1, 10000 do
		if i == 9999 then error('at ' .. i) end
	end
end)
expect.eq(ok, false, 'error raised')
expect.eq(err:match(':(%d+): at 9999$') ~= nil, true, 'error position: ' .. err)
local line = debug.getinfo(1, 'l').currentline + 3
local trace
local function deep(k)
	if k == 0 then trace = debug.traceback('here'); return end
	for _ = 1, 3 do end
	deep(k - 1)
end
deep(300)
local lines = {}
for l in trace:gmatch('[^\n]+') do lines[#lines + 1] = l end
expect.eq(#lines, 24, 'a long traceback is cut as Lua cuts it')
expect.eq(lines[13], '\t...', 'the cut')
expect.eq(trace:find(':' .. line .. ':', 1, true) ~= nil, true, 'traceback has the caller line ' .. line)

-- a coroutine that yields inside a long loop, resumed across slices
local gen = coroutine.wrap(function()
	for i = 1, 3000 do
		if i % 1000 == 0 then coroutine.yield(i) end
	end
	return 'done'
end)
expect.values('generator', {1000, 2000, 3000, 'done'}, gen(), gen(), gen(), gen())

-- tasks that loop long while others run
local order = {}
local finished = utils.newsleeper()
local left = 2
for id = 1, 2 do
	utils.spawn(function()
		local s = 0
		for i = 1, 20000 do
			s = s + i
			if i % 5000 == 0 then utils.yield() end
		end
		order[#order + 1] = id .. ':' .. s
		left = left - 1
		if left == 0 then finished:wakeup() end
	end)
end
finished:sleep()
expect.eq(table.concat(order, ' '), '1:200010000 2:200010000', 'tasks')
print('ok')
