-- reference section 3: spawn does not switch; utils.yield re-queues behind everything queued
local utils = require 'lem.utils'
local order = {}
local function record(s) order[#order + 1] = s end
for i = 1, 3 do
	assert(utils.spawn(function()
		record('s' .. i)
		utils.yield()
		record('y' .. i)
	end) == true)
end
record('main')
utils.yield()
record('main2')
utils.yield()
record('main3')
print(table.concat(order, ' '))
-- spawned functions get their arguments, nils included
utils.spawn(function(...) print('args', select('#', ...), ...) end, 1, nil, 'three', nil)
utils.yield()
print(select('#', utils.yield()))
