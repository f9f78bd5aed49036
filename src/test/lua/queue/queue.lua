-- lem.queue (reference 8): put/get, waiting takers, signal, reset, consume, empty
local utils = require 'lem.utils'
local Q = require 'lem.queue'
local expect = require 'expect'

local q = Q.new()
expect.eq(getmetatable(q), Q.Queue, 'metatable')
expect.eq(Q.Queue.__index, Q.Queue, '__index')
expect.eq(q.n, 0, 'new queue')
expect.eq(q:empty(), true, 'new queue is empty')

-- the verified sequence of the reference
q:put('a')
q:put('b')
expect.eq(q.n, 2, 'two items')
expect.eq(q:empty(), false, 'not empty with items')
expect.values('first get', {'a', n = 1}, q:get())
expect.values('second get', {'b', n = 1}, q:get())
local got = {}
for i = 1, 2 do
	utils.spawn(function() got[i] = table.pack(q:get()) end)
end
utils.yield()
expect.eq(q.n, -2, 'two takers wait')
expect.eq(q:empty(), true, 'empty while takers wait')
q:put('x')
expect.eq(q.n, -1, 'one taker left')
expect.eq(got[1], nil, 'put does not switch')
utils.yield()
expect.values('first taker', {'x', n = 1}, table.unpack(got[1], 1, got[1].n))
q:signal('sig', 2)
expect.eq(q.n, 0, 'signal empties the waiting list')
utils.yield()
expect.values('second taker', {'sig', 2, n = 2}, table.unpack(got[2], 1, got[2].n))
utils.spawn(function() got[3] = table.pack(q:get()) end)
utils.yield()
q:reset()
utils.yield()
expect.values('third taker after reset', {nil, 'reset', n = 2}, table.unpack(got[3], 1, got[3].n))
expect.eq(q.n, 0, 'n after reset')
print('verified sequence ok')

-- takers are served longest-waiting first; items are FIFO
local order = {}
for i = 1, 3 do
	utils.spawn(function() local v = q:get(); order[#order + 1] = i .. '=' .. v end)
end
utils.yield()
for _, v in ipairs({'p', 'q', 'r'}) do q:put(v) end
utils.yield()
expect.eq(table.concat(order, ' '), '1=p 2=q 3=r', 'takers in order')
for i = 1, 5 do q:put(i) end
expect.eq(q.n, 5, 'five items')
for i = 1, 5 do expect.eq(q:get(), i, 'item ' .. i) end

-- signal without takers does nothing, not even to the items
q:put('kept')
q:signal('ignored')
expect.eq(q.n, 1, 'signal keeps items')
expect.eq(q:get(), 'kept', 'item survives signal')
q:signal()
expect.eq(q.n, 0, 'signal on an empty queue')

-- signal wakes every taker with the same values, nils included
local woken = {}
for i = 1, 3 do
	utils.spawn(function() woken[i] = table.pack(q:get()) end)
end
utils.yield()
q:signal(nil, 'x', nil)
utils.yield()
for i = 1, 3 do
	expect.values('signalled taker ' .. i, {nil, 'x', nil, n = 3}, table.unpack(woken[i], 1, woken[i].n))
end

-- reset drops items
q:put(1) q:put(2)
q:reset()
expect.eq(q.n, 0, 'reset n')
expect.eq(rawget(q, 1), nil, 'reset drops items')
expect.eq(q:empty(), true, 'empty after reset')

-- consume ends when get returns nil: put(nil), signal(nil), reset()
local f, s = q:consume()
expect.eq(f, Q.Queue.get, 'consume gives get')
expect.eq(s, q, 'consume gives the queue')
q:put('one') q:put('two') q:put(nil)
local seen = {}
for v in q:consume() do seen[#seen + 1] = v end
expect.eq(table.concat(seen, ','), 'one,two', 'consume until put(nil)')
for _, stop in ipairs({ 'signal', 'reset' }) do
	local ended = false
	utils.spawn(function()
		for v in q:consume() do seen[#seen + 1] = v end
		ended = true
	end)
	utils.yield()
	q:put('more')
	utils.yield()
	expect.eq(ended, false, 'consumer still running before ' .. stop)
	if stop == 'signal' then q:signal(nil) else q:reset() end
	utils.yield()
	expect.eq(ended, true, 'consumer ended by ' .. stop)
end
expect.eq(table.concat(seen, ','), 'one,two,more,more', 'consumed values')
print('behaviours ok')

-- a taker that nobody feeds does not keep lem alive (reference 0.4)
utils.spawn(function()
	print('waiting for ever')
	q:get()
	print('never printed')
end)
