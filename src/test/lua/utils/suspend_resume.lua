local utils = require 'lem.utils'
local expect = require 'expect'
local me = utils.thisthread()
expect.eq(me, coroutine.running(), 'thisthread')
expect.eq(type(me), 'thread', 'type')
utils.spawn(function()
	utils.resume(me, 'x', nil, 3)
end)
expect.values('suspend', {'x', nil, 3, n = 3}, utils.suspend())

-- resume does not switch: the resumed task runs when its turn comes
local log = {}
local t
utils.spawn(function()
	t = utils.thisthread()
	log[#log + 1] = 'parked'
	local v = utils.suspend()
	log[#log + 1] = 'got ' .. v
end)
utils.yield()
utils.resume(t, 'v')
log[#log + 1] = 'after resume'
utils.yield()
expect.eq(table.concat(log, ', '), 'parked, after resume, got v', 'log')

-- coroutine.yield at the root of a task suspends it like utils.suspend
local u
utils.spawn(function()
	u = utils.thisthread()
	local v = coroutine.yield('ignored')
	log[#log + 1] = 'yielded got ' .. v
end)
utils.yield()
utils.resume(u, 'w')
utils.yield()
expect.eq(log[#log], 'yielded got w', 'root yield')

expect.error("bad argument #1 to 'resume' (thread expected, got no value)", function() utils.resume() end)
expect.error("bad argument #1 to 'resume' (thread expected, got number)", function() utils.resume(1) end)
expect.error("not suspended", function() utils.resume(me) end)
expect.error("not suspended", function() utils.resume(coroutine.create(print)) end)
print('ok')
