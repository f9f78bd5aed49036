-- debug.sethook: the interpreter reports instructions only while a hook is set.
--- case: a line hook sees each new line of a Lua function
local lines = {}
local function f(n)
	local s = 0
	for i = 1, n do
		s = s + i
	end
	return s
end
debug.sethook(function(event, line) lines[#lines + 1] = line end, 'l')
f(2)
debug.sethook()
print(table.concat(lines, ' '))
--- case: a count hook runs every n instructions
local count = 0
debug.sethook(function(event) count = count + 1 end, '', 10)
local s = 0
for i = 1, 100 do s = s + i end
debug.sethook()
print(count > 20, count < 200, s)
--- case: gethook gives the hook, its mask and count, nothing once cleared
local h = function() end
debug.sethook(h, 'l', 5)
local hook, mask, n = debug.gethook()
debug.sethook()
print(hook == h, mask, n, debug.gethook())
--- case: a hook on another coroutine leaves this one alone
local seen = 0
local co = coroutine.create(function()
	local x = 1
	x = x + 1
	coroutine.yield(x)
	return x
end)
debug.sethook(co, function() seen = seen + 1 end, 'l')
local outside = 0
for i = 1, 10 do outside = outside + i end
print(seen, coroutine.resume(co))
print(seen > 0, outside)
--- case: positions in tracebacks and errors are right once a hook is cleared
debug.sethook(function() end, 'l')
debug.sethook()
local function inner() error('deep', 2) end
local function outer()
	inner()
end
print(pcall(outer))
print((debug.traceback('here'):gsub('\n[^\n]*%[C%][^\n]*', '')))
--- case: gethook names the mask's events in Lua's order
debug.sethook(function() end, 'lrc')
print(select(2, debug.gethook()))
debug.sethook()
--- case: a call hook asks for the called function's name and line before its first instruction
local seen = {}
local function callee() return 1 end
debug.sethook(function(event)
	local info = debug.getinfo(2, 'nSl')
	if info.what == 'Lua' then
		seen[#seen + 1] = event .. ' ' .. tostring(info.name) .. ' ' .. info.currentline
	end
end, 'c')
callee()
debug.sethook()
print(table.concat(seen, ', '))
--- case: a hook that walks the whole stack with getinfo at every instruction
local levels = 0
local function leaf() return 1 end
debug.sethook(function()
	for level = 1, 20 do
		local info = debug.getinfo(level, 'nSl')
		if not info then break end
		levels = levels + 1
	end
end, 'cr', 0)
leaf()
debug.sethook()
print(levels > 0)
--- case: call and return hooks run around Java functions too, named as Lua 5.2 names C functions
local events = {}
local function note(event)
	local info = debug.getinfo(2, 'nS')
	events[#events + 1] = event .. ' ' .. info.what .. ' ' .. tostring(info.name)
end
local function lua_f(x) return x end
local t = {a = 1}
debug.sethook(note, 'cr')
local s = string.upper('x')
lua_f(1)
for k, v in pairs(t) do end
local n = select('#', 1, 2)
local function tail() return tostring(1) end
tail()
debug.sethook()
print(table.concat(events, ', '))
--- case: a call hook counts the calls of a coroutine, Java functions included
local calls = 0
local co = coroutine.create(function()
	local x = math.floor(1.5)
	coroutine.yield(x)
	return string.rep('a', 2)
end)
debug.sethook(co, function(event) calls = calls + 1 end, 'c')
print(coroutine.resume(co))
print(coroutine.resume(co))
debug.sethook(co)
print(calls)
