local utils = require 'lem.utils'
local expect = require 'expect'
local s = utils.newsleeper()
assert(getmetatable(s).__index == getmetatable(s))
assert(getmetatable(s).sleep and getmetatable(s).wakeup)

-- a timed sleep ends with nil, 'timeout' after at least the timeout
local t0 = utils.updatenow()
expect.values('sleep(0.05)', {nil, 'timeout', n = 2}, s:sleep(0.05))
assert(utils.updatenow() - t0 >= 0.05, 'slept long enough')

-- 0 and negative: re-queued behind others, then nil, 'timeout'
local order = {}
utils.spawn(function() order[#order + 1] = 'other' end)
expect.values('sleep(0)', {nil, 'timeout', n = 2}, s:sleep(0))
order[#order + 1] = 'me'
expect.values('sleep(-1)', {nil, 'timeout', n = 2}, s:sleep(-1))
expect.eq(table.concat(order, ' '), 'other me', 'order')

-- wakeup values come back verbatim, nils included
utils.spawn(function() expect.eq(s:wakeup('a', nil, 'c', nil), true, 'wakeup') end)
expect.values('woken', {'a', nil, 'c', nil, n = 4}, s:sleep())
utils.spawn(function() s:wakeup() end)
expect.values('woken without values', {n = 0}, s:sleep(10))

-- a second sleeper user is told busy; waking an idle sleeper says not sleeping
utils.spawn(function()
	expect.values('second sleeper', {nil, 'busy', n = 2}, s:sleep(1))
	s:wakeup('done')
end)
expect.values('first sleeper', {'done', n = 1}, s:sleep(5))
expect.values('idle wakeup', {nil, 'not sleeping', n = 2}, s:wakeup())

-- a waiting call inside pcall works
expect.values('pcall sleep', {true, nil, 'timeout', n = 3}, pcall(s.sleep, s, 0.01))

-- wakeup cancels the timer: the sleeper does not fire later
utils.spawn(function() s:wakeup(1) end)
expect.eq(s:sleep(0.05), 1, 'woken before timeout')
utils.newsleeper():sleep(0.1)

-- argument checks in Lua's words
expect.error("bad argument #1 to 'sleep' (number expected, got string)", function() s:sleep('soon') end)
expect.error("bad argument #1 to 'sleep' (number expected, got table)", function() s:sleep({}) end)
-- called without the colon, self counts as argument 1
expect.error("bad argument #2 to 'sleep' (number expected, got string)", function() s.sleep(s, 'soon') end)
expect.eq(s:sleep('0.01'), nil, 'numeric string timeout')
expect.error("bad argument #1 to 'sleep' (sleeper expected, got number)", function() s.sleep(42) end)
local impostor = {sleep = s.sleep}
expect.error("calling 'sleep' on bad self (sleeper expected, got table)", function() impostor:sleep(1) end)
print('ok')
