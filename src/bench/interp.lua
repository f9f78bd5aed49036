-- interp.lua: the interpreter at full speed, without the JIT's warm-up. Runs four small Lua
-- workloads ten times each and prints the best of the last seven rounds (milliseconds):
--   fib      recursive Lua calls (fib(24))
--   loop     a numeric for loop with table reads, writes, % and + (1,000,000 iterations)
--   strings  string.rep, .. and table appends (100,000)
--   methods  obj:inc(k) through an __index table (1,000,000 calls)
-- usage: lem src/bench/interp.lua   (any Lua 5.2 runs it too: lua5.2 src/bench/interp.lua)
-- On lem the figures move between runs by up to 2x: the four share one interpreter method, which
-- the JIT recompiles as the workloads take turns, each time for the mix it has seen. Compare the
-- best of a few runs.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end

local function loop()
	local s, tab = 0, {}
	for i = 1, 100 do tab[i] = i end
	for i = 1, 1000000 do
		tab[i % 100 + 1] = i
		s = s + tab[(i * 7) % 100 + 1]
	end
	return s
end

local function strings()
	local parts = {}
	for i = 1, 100000 do parts[#parts + 1] = ('x'):rep(i % 5) .. i end
	return #parts
end

local function methods()
	local obj = setmetatable({n = 0}, {__index = {inc = function(self, k) self.n = self.n + k end}})
	for _ = 1, 1000000 do obj:inc(1) end
	return obj.n
end

local cases = {
	{'fib', function() return fib(24) end},
	{'loop', loop},
	{'strings', strings},
	{'methods', methods},
}
local best = {}
for round = 1, 10 do
	for _, case in ipairs(cases) do
		local t0 = os.clock()
		case[2]()
		local t = os.clock() - t0
		if round > 3 then best[case[1]] = math.min(best[case[1]] or math.huge, t) end
	end
end
local out = {}
for _, case in ipairs(cases) do out[#out + 1] = string.format('%s %.1f ms', case[1], best[case[1]] * 1000) end
print(table.concat(out, '  '))
