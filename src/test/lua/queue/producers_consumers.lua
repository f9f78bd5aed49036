-- lem.queue with a producer that sleeps and several consumers (after the C version's test/queue.lua)
local utils = require 'lem.utils'
local Q = require 'lem.queue'
local expect = require 'expect'

local function sleep(t) utils.newsleeper():sleep(t) end

local q = Q.new()
local running, received = 0, {}
local function consumer(id)
	running = running + 1
	for v in q:consume() do
		received[#received + 1] = { id = id, v = v }
		sleep(0.004)
	end
	running = running - 1
end

local function check(phase, count, firstIds)
	expect.eq(#received, count, phase .. ': items received')
	for i, r in ipairs(received) do
		expect.eq(r.v, i, phase .. ': item order')
		if i <= #firstIds then expect.eq(r.id, firstIds[i], phase .. ': consumer of item ' .. i) end
	end
	received = {}
end

-- one consumer: items put before it starts and while it runs; reset ends it
for i = 1, 5 do q:put(i) end
utils.spawn(consumer, 1)
for i = 6, 10 do
	sleep(0.01)
	q:put(i)
end
while q.n ~= -1 do sleep(0.01) end
expect.eq(q:empty(), true, 'drained')
q:reset()
utils.yield()
expect.eq(running, 0, 'reset ends the consumer')
check('one consumer', 10, {})

-- five consumers share the items in turn; signal(nil) ends them all
for i = 1, 10 do q:put(i) end
for id = 1, 5 do utils.spawn(consumer, id) end
for i = 11, 20 do
	sleep(0.01)
	q:put(i)
end
while q.n ~= -5 do sleep(0.01) end
q:signal(nil)
utils.yield()
expect.eq(running, 0, 'signal(nil) ends every consumer')
check('five consumers', 20, {1, 2, 3, 4, 5, 1, 2, 3, 4, 5})
print('ok')
