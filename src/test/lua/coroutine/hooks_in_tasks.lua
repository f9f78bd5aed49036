-- Call and return hooks around lem's waiting calls: the call is reported when the task starts
-- to wait, the return once it is woken and the call gives its results.
local utils = require 'lem.utils'

local events = {}
local done = utils.newsleeper()
utils.spawn(function()
	local sleeper = utils.newsleeper()
	debug.sethook(function(event)
		local info = debug.getinfo(2, 'nS')
		if info.what == 'C' then
			events[#events + 1] = event .. ' ' .. tostring(info.name)
		end
	end, 'cr')
	sleeper:sleep(0.01)
	utils.yield()
	debug.sethook()
	done:wakeup()
end)
done:sleep()
print(table.concat(events, ', '))

-- a hook that counts every call does not change what the task computes
local count, results = 0, {}
utils.spawn(function()
	debug.sethook(function() count = count + 1 end, 'c')
	for i = 1, 3 do
		utils.newsleeper():sleep(0)
		results[#results + 1] = string.format('%d', i * 2)
	end
	debug.sethook()
end)
utils.newsleeper():sleep(0.05)
print(table.concat(results, ' '), count >= 9)
