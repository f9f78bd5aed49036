-- lem.queue: a queue that many tasks put into and take from; a taker waits while it is empty.
local utils = require 'lem.utils'
local thisthread, suspend, resume = utils.thisthread, utils.suspend, utils.resume
local remove = table.remove

-- State: n >= 0 is the number of items held in self[1..n]; n < 0 means -n takers wait, their
-- threads held in self[1..-n], the longest-waiting first.
local Queue = {}
Queue.__index = Queue

local function new()
	return setmetatable({ n = 0 }, Queue)
end

function Queue:put(v)
	local n = self.n + 1
	self.n = n
	if n >= 1 then
		self[n] = v
	else
		resume(remove(self, 1), v)
	end
end

function Queue:get()
	local n = self.n - 1
	self.n = n
	if n >= 0 then
		return remove(self, 1)
	end
	self[-n] = thisthread()
	return suspend()
end

-- wakes every waiting taker with ...; nothing happens when nobody waits
function Queue:signal(...)
	local n = self.n
	if n >= 0 then return end
	self.n = 0
	for i = 1, -n do
		local thread = self[i]
		self[i] = nil
		resume(thread, ...)
	end
end

-- waiting takers get nil, 'reset'; held items are dropped
function Queue:reset()
	self:signal(nil, 'reset')
	for i = self.n, 1, -1 do
		self[i] = nil
	end
	self.n = 0
end

-- for v in q:consume() do ... end: ends when get returns nil
function Queue:consume()
	return Queue.get, self
end

function Queue:empty()
	return self.n <= 0
end

return { Queue = Queue, new = new }
