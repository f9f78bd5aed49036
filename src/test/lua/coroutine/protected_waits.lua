-- pcall and xpcall around lem's waiting calls in tasks: the protected function waits as a frame
-- of its task, and an error after the wait still stops at the pcall.
local utils = require 'lem.utils'

local out = {}
local function note(...) out[#out + 1] = table.concat({...}, ' ') end

utils.spawn(function()
	local ok, v = pcall(function()
		utils.newsleeper():sleep(0.01)
		return 'slept'
	end)
	note('sleep', tostring(ok), v)
	ok, v = pcall(function()
		utils.yield()
		error('after the wait')
	end)
	note('error', tostring(ok), (v:gsub('^.-:%d+: ', '')))
	ok, v = xpcall(function()
		utils.newsleeper():sleep(0)
		local t = nil
		return t.field
	end, function(m) return 'handled: ' .. m:gsub('^.-:%d+: ', '') end)
	note('xpcall', tostring(ok), v)
end)

-- many tasks, each alternating waits and caught errors
local caught, done = 0, 0
for i = 1, 50 do
	utils.spawn(function()
		for j = 1, 4 do
			local ok = pcall(function()
				utils.yield()
				if (i + j) % 2 == 0 then error('even') end
			end)
			if not ok then caught = caught + 1 end
		end
		done = done + 1
	end)
end
utils.newsleeper():sleep(0.1)
for _, line in ipairs(out) do print(line) end
print('tasks', done, 'caught', caught)
