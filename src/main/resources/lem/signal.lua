-- lem.signal: Lua handlers of the process' signals. Each delivery runs, in a new task, every
-- handler registered for the signal, in order of registration, as fn(number [, event]).
local core = require 'lem.signal.core'

local signal = {}
local handlers = {} -- signal number -> list of functions

-- 'INT', 'int', 'SIGINT' or 'sigint' -> 2; 2 -> 'SIGINT'; unknown -> nil
function signal.lookup(sig)
	if type(sig) == 'number' then
		local name = core.tostring(sig)
		return name and 'SIG' .. name
	end
	if type(sig) ~= 'string' then
		error("bad argument #1 to 'lookup' (string expected, got " .. type(sig) .. ")", 2)
	end
	local name = sig:upper()
	if name:sub(1, 3) == 'SIG' then name = name:sub(4) end
	return core.tonumber(name)
end

local function number(name)
	if type(name) ~= 'string' then error('signal should be a string', 3) end
	return signal.lookup(name)
end

function signal.register(name, fn)
	local sig = number(name)
	if type(fn) ~= 'function' then
		error("bad argument #2 to 'register' (function expected, got " .. type(fn) .. ")", 2)
	end
	if not sig then return nil, 'unknown signal' end
	local list = handlers[sig]
	if not list then
		local ok, err = core.watch(sig)
		if not ok then return nil, err end
		list = {}
		handlers[sig] = list
	end
	list[#list + 1] = fn
	return true
end

-- Removes fn from the signal's list as the C version does: scanning forward, so that of two
-- registrations next to each other only the first goes. An empty list stops the watching and
-- puts back the default action.
function signal.unregister(name, fn)
	local sig = number(name)
	if not sig then return nil, 'unknown signal' end
	local list = handlers[sig]
	if not list then return true end
	local i = 1
	while i <= #list do
		if list[i] == fn then table.remove(list, i) end
		i = i + 1
	end
	if #list == 0 then
		handlers[sig] = nil
		core.unwatch(sig)
	end
	return true
end

core.sethandler(function(sig, ...)
	local list = handlers[sig]
	if not list then return end
	local now = { table.unpack(list) } -- the handlers of the moment of delivery
	for i = 1, #now do
		now[i](sig, ...)
	end
end)

return signal
