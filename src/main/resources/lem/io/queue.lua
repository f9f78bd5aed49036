-- lem.io.queue: a stream wrapper whose writers take turns, so that writes of different tasks
-- are never interleaved and nobody is told 'busy'.
local utils = require 'lem.utils'
local thisthread, suspend, resume = utils.thisthread, utils.suspend, utils.resume
local remove = table.remove

-- next = 0 when nobody writes; else 1 (the writer whose turn it is) + the number of waiting
-- writers, whose threads are held in self[1..next-1] in order of arrival.
local Stream = {}
Stream.__index = Stream

local function wrap(stream, ...)
	if not stream then return stream, ... end
	return setmetatable({ stream = stream, next = 0 }, Stream)
end

-- (a Lua function between pcall and the method, so that an argument error names 'write')
local function write(stream, ...)
	return stream:write(...)
end

-- gives the turn to the longest-waiting writer, then returns the finished write's results
local function pass(self, ok, ...)
	local n = self.next - 1
	self.next = n
	if n > 0 then
		resume(remove(self, 1))
	end
	if not ok then error(..., 0) end -- the write raised: the turn is passed all the same
	return ...
end

function Stream:write(...)
	local n = self.next
	self.next = n + 1
	if n > 0 then
		self[n] = thisthread()
		suspend()
	end
	return pass(self, pcall(write, self.stream, ...))
end

function Stream:close(...)
	return self.stream:close(...)
end

function Stream:closed(...)
	return self.stream:closed(...)
end

return { Stream = Stream, wrap = wrap }
