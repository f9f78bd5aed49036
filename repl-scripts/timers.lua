-- timers.lua: three tasks that tick at their own pace while you keep typing.
-- In the shell: .load repl-scripts/timers.lua, then .tasks to see them sleep; stop = true ends them.
local utils = require 'lem.utils'

stop = false
for _, every in ipairs({0.5, 1.3, 2.1}) do
	utils.spawn(function()
		local sleeper, n = utils.newsleeper(), 0
		while not stop do
			sleeper:sleep(every)
			n = n + 1
			print(string.format('timer %.1fs: tick %d at %.1f', every, n, utils.now() % 60))
		end
	end)
end
print('three timers running; set stop = true to end them')
