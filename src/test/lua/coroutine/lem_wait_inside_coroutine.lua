-- A lem waiting call inside a plain coroutine suspends the whole task (reference: "differs")
local utils = require 'lem.utils'
local expect = require 'expect'
local log = {}
local lines = coroutine.wrap(function()
	for i = 1, 3 do
		utils.newsleeper():sleep(0.01)
		coroutine.yield('line ' .. i)
	end
end)
utils.spawn(function()
	for i = 1, 3 do
		log[#log + 1] = 'tick ' .. i
		utils.yield()
	end
end)
for _ = 1, 3 do local l = lines(); log[#log + 1] = l end
expect.eq(log[1], 'tick 1', 'other task ran while the iterator waited')
expect.eq(#log, 6, 'all entries')
-- statuses while a task waits inside a nested coroutine
local inner
inner = coroutine.create(function()
	utils.newsleeper():sleep(0.01)
	expect.eq(coroutine.status(inner), 'running', 'inner after wait')
	return 'inner done'
end)
utils.spawn(function()
	expect.eq(coroutine.status(inner), 'running', 'inner seen from another task while waiting')
	expect.values('resume waiting coroutine', {false, 'cannot resume non-suspended coroutine', n = 2}, coroutine.resume(inner))
end)
expect.values('nested', {true, 'inner done', n = 2}, coroutine.resume(inner))
expect.eq(coroutine.status(inner), 'dead', 'inner dead')
-- utils.yield and suspend from within a nested coroutine
local me = utils.thisthread()
local nested = coroutine.wrap(function()
	utils.yield()
	return utils.suspend()
end)
utils.spawn(function() utils.yield(); utils.resume(me, 'resumed through') end)
expect.eq(nested(), 'resumed through', 'suspend inside coroutine')
print('ok')
