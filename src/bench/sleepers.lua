-- sleepers.lua: memory of many waiting tasks. Spawns N tasks (default 100,000) that each sleep
-- on their own sleeper, then prints the process's resident memory.
-- usage: lem src/bench/sleepers.lua [N]
local utils = require 'lem.utils'
local N = tonumber(arg[1] or 100000)

for _ = 1, N do
	utils.spawn(function() utils.newsleeper():sleep(1000) end)
end
utils.yield() -- every task runs up to its sleep
collectgarbage()
collectgarbage()
for line in io.lines('/proc/self/status') do
	if line:match('^VmRSS') or line:match('^VmHWM') then print(line) end
end
utils.exit(0)
