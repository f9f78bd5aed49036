--- case: table.insert shifts up and appends
local t = {"a", "b", "c"}
table.insert(t, 2, "x")
table.insert(t, #t + 1, "end")
table.insert(t, "last")
print(#t, table.concat(t, ","))
--- case: table.insert position checks
print(pcall(function() table.insert({1, 2}, 0, "x") end))
print(pcall(function() table.insert({1, 2}, 4, "x") end))
print(pcall(function() table.insert({}, "a", "x") end))
print(pcall(function() table.insert({}) end))
--- case: table.insert with a fractional position truncates
local t = {1, 2, 3}
table.insert(t, 2.9, "x")
print(table.concat(t, ","))
--- case: table.remove positions
local t = {1, 2, 3}
print(table.remove(t, 1), table.concat(t, ","))
print(table.remove(t, #t + 1), table.concat(t, ","))
print(pcall(table.remove, t, 5))
print(table.remove({[0] = "zero"}, 0))
--- case: table.concat argument checks
print(pcall(function() return table.concat({1, 2}, {}) end))
print(pcall(function() return table.concat({1, {}, 3}, ",", 1, 1) end))
print(table.concat({1, 2, 3}, ",", 3, 1) == "", table.concat({"a", "b"}, nil, 2))
--- case: table.concat respects __len but reads raw
local t = setmetatable({"a", "b", "c"}, {__len = function() return 2 end, __index = function() return "z" end})
print(table.concat(t, "-"))
print(pcall(table.concat, setmetatable({}, {__len = function() return 1 end})))
--- case: table.unpack ranges
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, -1, 1))
print(select("#", table.unpack({}, 1, 0)), select("#", table.unpack({}, 5, 4)))
print(pcall(table.unpack, {}, 1, 1e7))
print(pcall(table.unpack, {}, -2 ^ 31, 2 ^ 31 - 1))
--- case: unpack and table.maxn exist as in Debian's lua5.2
print(unpack == table.unpack, unpack({7, 8}))
print(table.maxn({1, 2, nil, 4, [10.5] = true, x = 1}), table.maxn({}))
--- case: table.pack counts nils
local p = table.pack(nil, 2, nil)
print(p.n, p[1], p[2], p[3], #table.pack())
--- case: table.sort with a comparator sees the same calls as lua5.2
local calls = {}
local t = {5, 3, 9, 1, 7, 2, 8}
table.sort(t, function(a, b) calls[#calls + 1] = a .. "<" .. b return a < b end)
print(table.concat(t, " "))
print(table.concat(calls, " "))
--- case: table.sort with a random comparator fails or not as lua5.2 does
local seed = 7
local function rnd() seed = (seed * 1103515245 + 12345) % 2147483648 return seed end
local results = {}
for round = 1, 40 do
  local t = {}
  for i = 1, 12 do t[i] = rnd() % 10 end
  local ok = pcall(table.sort, t, function(a, b) return rnd() % 3 == 0 end)
  results[#results + 1] = (ok and "ok" or "err") .. ":" .. table.concat(t, "")
end
print(table.concat(results, " "))
--- case: table.sort comparison errors name the types
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, {1, {}}))
print(pcall(table.sort, {3, 1, "x"}))
print(pcall(table.sort, {1, 2}, 3))
--- case: table.sort uses __lt of the elements
local mt = {__lt = function(a, b) return a.v < b.v end}
local t = {}
for i, v in ipairs({4, 1, 3, 2}) do t[i] = setmetatable({v = v}, mt) end
table.sort(t)
for i = 1, #t do io.write(t[i].v, " ") end
print()
--- case: strings compare by unsigned bytes
print("\200" < "a", "a\0b" < "a\0c", "\255" > "\1", "" < "\0")
local t = {"\200x", "b", "\1", "B"}
table.sort(t)
print(#t[1], t[2], t[3], #t[4])
--- case: negative zero in arithmetic and constants
local z = 0
print(-z, z * -1, -1 * z, z / -3, -0.0, 0 / -1, -z + 0, -z - 0, (-z) % 5)
--- case: negative zero is the same table key as zero
local t = {}
t[-0.0] = "neg"
t[0] = "pos"
local n = 0
for k, v in pairs(t) do n = n + 1 end
print(n, t[0], t[-0.0])
--- case: nan signs as C gives them
print(0 / 0, -(0 / 0), 5 % 0, math.huge - math.huge, 0 * math.huge, math.sqrt(-1))
print(math.fmod(1, 0), math.acos(2), math.log(-1), math.log10(-1), math.abs(0 / 0))
--- case: math.floor and math.ceil keep the sign of zero
print(math.floor(-0.0), math.ceil(-0.5), math.ceil(-0.0), math.floor(0.5), math.modf(-0.5))
--- case: math.modf and math.frexp edge cases
print(math.modf(-3))
print(math.modf(1 / 0))
print(math.modf(-1 / 0))
print(math.frexp(-5), math.frexp(1e-310))
print(math.frexp(0), math.frexp(1 / 0))
print(math.ldexp(0.5, 1025), math.ldexp(1, -1075), math.ldexp(1, 2.9))
--- case: math.log with a base and log10
print(math.log(8, 2), math.log(100, 10), math.log(27, 3), math.log(2, 0), math.log10(1000))
--- case: math.max and math.min with nan and strings
print(math.max(0 / 0, 1), math.max(1, 0 / 0), math.min(-0.0, 0), math.max("10", 2), math.min(3))
print(pcall(math.min))
--- case: math.random follows glibc's sequence
print(math.random(100), math.random(1, 6))
math.randomseed(42)
print(math.random(100), math.random(1, 6), math.random(1000000))
math.randomseed(42.6)
print(math.random(100))
math.randomseed(-1)
print(math.random(100))
--- case: math.random argument errors
print(pcall(math.random, 0))
print(pcall(math.random, 3, 1))
print(pcall(math.random, 1, 2, 3))
print(math.random(2, 2.5))
--- case: math.deg math.rad and trigonometry
print(math.deg(math.pi), math.rad(180), math.atan2(1, -0.0), math.atan(1 / 0), math.fmod(5.5, -2), math.fmod(-6, 3))
--- case: bit32 rounds and wraps its operands
print(bit32.band(3.7), bit32.band(2.5), bit32.band(3.5), bit32.band(-2.5), bit32.band(2 ^ 32 + 5), bit32.band(1e20))
print(bit32.band(), bit32.bor(), bit32.bxor(), bit32.btest(), bit32.band("7", "3"))
--- case: bit32 shifts and rotations
print(bit32.lshift(1, 31), bit32.lshift(1, 32), bit32.lshift(1, -1), bit32.rshift(-1, 4), bit32.rshift(1, -4), bit32.lshift(3, 2.9))
print(bit32.arshift(-16, 2), bit32.arshift(16, 2), bit32.arshift(-1, 40), bit32.arshift(-16, -2), bit32.arshift(2 ^ 31, 31))
print(bit32.lrotate(1, 33), bit32.rrotate(1, 1), bit32.lrotate(0x80000000, 1), bit32.rrotate(5, -3), bit32.bnot(5.5))
--- case: bit32 extract and replace
print(bit32.extract(0xF0, 4, 4), bit32.extract(-1, 31), bit32.replace(0, 0xF, 4, 4), bit32.replace(-1, 0, 0, 32), bit32.replace(5, 1, 31))
print(pcall(bit32.extract, 1, -1))
print(pcall(bit32.extract, 1, 0, 0))
print(pcall(bit32.replace, 1, 2, 32))
--- case: tostring of tables functions and threads has an address
print(tostring({}):match("^table: 0x%x+$") ~= nil, tostring(print):match("^function: 0x%x+$") ~= nil)
print(tostring(function() end):match("^function: 0x%x+$") ~= nil, tostring(coroutine.create(print)):match("^thread: 0x%x+$") ~= nil)
local t = {}
print(tostring(t) == tostring(t), tostring(t) ~= tostring({}))
--- case: __tostring results pass through tostring
print(tostring(setmetatable({}, {__tostring = function() return 1.5 end})))
print(type(tostring(setmetatable({}, {__tostring = function() return 7 end}))))
print(tostring(setmetatable({}, {__tostring = function() end})))
--- case: print needs strings from tostring
print(pcall(print, setmetatable({}, {__tostring = function() return {} end})))
print(pcall(function() print(setmetatable({}, {__tostring = function() return true end})) end))
--- case: print writes raw bytes
print("\200\255\0after")
--- case: select with negative indexes
print(select(-1, "a", "b", "c"))
print(select(-3, "a", "b", "c"))
print(select(2.9, "a", "b", "c"))
print(pcall(function() return select(-4, "a", "b", "c") end))
print(select("#"), select("#x", 1, 2))
--- case: raw functions check their arguments
print(pcall(function() return rawlen(5) end))
print(pcall(function() return rawequal(1) end))
print(pcall(function() return rawget({}) end))
print(pcall(function() return rawset({}, 1) end))
print(pcall(function() return rawset({}, nil, 1) end))
print(pcall(function() return rawset({}, 0 / 0, 1) end))
--- case: setmetatable and getmetatable checks
print(pcall(function() return setmetatable({}) end))
print(pcall(function() return setmetatable({}, 1) end))
local t = setmetatable({}, {__metatable = "no"})
print(getmetatable(t), pcall(setmetatable, t, {}))
print(getmetatable("").__index == string, pcall(function() return getmetatable() end))
--- case: __pairs and __ipairs results are cut to three values
local t = setmetatable({}, {__pairs = function(t) return next, {x = 1}, nil, "extra" end})
for k, v in pairs(t) do print(k, v) end
print(select("#", pairs(t)), select("#", ipairs({})))
--- case: ipairs reads raw and stops at the first nil
local t = setmetatable({1, 2, nil, 4}, {__index = function(_, i) return i * 10 end})
for i, v in ipairs(t) do io.write(i, "=", v, " ") end
print()
print(pcall(function() return ipairs() end))
--- case: next with an invalid key has no position
print(pcall(next, {a = 1}, "b"))
print(pcall(function() return next({}, 1) end))
--- case: assert returns all its arguments and checks the message
print(assert(1, 2, 3))
print(pcall(assert, false, 42))
print(pcall(assert, nil))
print(pcall(function() assert(false, {}) end))
--- case: collectgarbage options and results
print(collectgarbage("isrunning"), collectgarbage("stop"), collectgarbage("isrunning"), collectgarbage("restart"))
print(collectgarbage("setpause", 150), collectgarbage("setpause", 200), collectgarbage("setstepmul", 300), collectgarbage("setstepmul", 200))
print(type(collectgarbage("count")), select("#", collectgarbage("count")), collectgarbage(), collectgarbage("collect"))
print(pcall(function() return collectgarbage("bogus") end))
print(pcall(function() return collectgarbage({}) end))
--- case: Java functions in tail calls raise errors with the caller's position
local function f() return error("tail", 1) end
print(pcall(f))
print(pcall(function() return math.floor({}) end))
print(pcall(function() return setmetatable(1, {}) end))
--- case: uncaught error object described by __tostring
error(setmetatable({}, {__tostring = function() return "described" end}))
--- case: uncaught error with a number
error(3.5, 0)
--- case: os.date conversions in UTC
local t = 1234567890
print(os.date("!%a %A %b %B %C %d %D %e %F %g %G %h %H %I %j %m %M %p %r %R %S %T %u %U %V %w %W %x %X %y %Y %z %Z %%", t))
print(os.date("!%Ec %EC %Ex %EX %Ey %EY %Od %Oe %OH %OI %Om %OM %OS %Ou %OU %OV %Ow %OW %Oy", t))
print(os.date("!%n|%t|", 0) == "\n|\t|", os.date("!%Y-%m-%d", -86400), os.date("!%H", 3600.9))
--- case: os.date week numbers around the new year
for _, t in ipairs({1230768000, 1262217600, 1293753600, 1325376000, 1356912000}) do
  io.write(os.date("!%Y-%m-%d %a %U %W %V %G %g %j", t), "\n")
end
--- case: os.date invalid conversions quote the rest of the format
print(pcall(os.date, "!%Ez"))
print(pcall(os.date, "x%sy", 0))
print(pcall(os.date, "%"))
print(pcall(os.date, "%Y", "x"))
--- case: os.date *t fields
local d = os.date("!*t", 0)
print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
local n = 0
for _ in pairs(d) do n = n + 1 end
print(n, os.date("!*t", 1e10).year)
--- case: os.time fields default and normalise
local a = os.time({year = 2000, month = 1, day = 1})
local b = os.time({year = 2000, month = 1, day = 1, hour = 12, min = 0, sec = 0})
local c = os.time({year = 1999, month = 13, day = 1, hour = 11, min = 59, sec = 60})
local d = os.time({year = 2000, month = 3, day = 0})
print(a == b, b == c, os.date("*t", d).day, os.time({year = "2000", month = "1", day = 1.9}) == a)
print(pcall(os.time, {year = 2000, month = "x", day = 1}))
print(pcall(os.time, 5))
--- case: os.difftime truncates to whole seconds
print(os.difftime(10.9, 5.2), os.difftime(10), pcall(os.difftime))
--- case: os.remove and os.rename report errno
local dir = arg[0]:match("^(.*)/") or "."
print(os.remove(dir .. "/missing.txt"))
print(os.rename(dir .. "/missing.txt", dir .. "/other.txt"))
os.execute("mkdir " .. dir .. "/sub && touch " .. dir .. "/sub/f")
print(select(3, os.remove(dir .. "/sub")))
os.remove(dir .. "/sub/f")
print(os.remove(dir .. "/sub"))
--- case: os.execute and popen report how the command ended
print(os.execute("exit 3"))
print(os.execute("true"))
print(os.execute("kill -9 $$"))
print(os.execute())
local p = io.popen("echo out; exit 5")
print(p:read("*a"), p:close())
print(io.popen("exit 0"):close())
--- case: popen in write mode and an invalid mode
local dir = arg[0]:match("^(.*)/") or "."
local p = io.popen("cat > " .. dir .. "/piped.txt", "w")
print(p:write("through ", "a pipe") == p, p:close())
local f = io.open(dir .. "/piped.txt")
print(f:read("*a"))
f:close()
os.remove(dir .. "/piped.txt")
print(io.popen("ls", "x"))
--- case: io.open modes as 5.2 accepts them
local dir = arg[0]:match("^(.*)/") or "."
local name = dir .. "/modes.txt"
for _, mode in ipairs({"w", "r+b", "ab", "rb", "a+", "w+b"}) do
  local f = io.open(name, mode)
  io.write(mode, ":", io.type(f), " ")
  f:close()
end
print()
for _, mode in ipairs({"rb+", "rw", "x", "", "r+bx"}) do
  print(pcall(io.open, name, mode))
end
os.remove(name)
--- case: io.open failures give errno
local dir = arg[0]:match("^(.*)/") or "."
print(io.open(dir .. "/missing.txt"))
print(io.open(dir .. "/missing.txt", "r+"))
print(io.open(dir, "w"))
print(io.open(dir .. "/no/such/dir.txt", "w"))
--- case: reading a directory fails with EISDIR
local dir = arg[0]:match("^(.*)/") or "."
local f = io.open(dir)
print(io.type(f), f:read("*l"))
print(f:read("*a"))
f:close()
--- case: read formats and results
local dir = arg[0]:match("^(.*)/") or "."
local name = dir .. "/formats.txt"
local f = io.open(name, "w")
f:write("first line\n", 42, " ", 1.5, "\nx y z\nrest")
f:close()
f = io.open(name)
print(f:read(0), f:read())
print(f:read("*n", "*number"))
print(f:read("*L"))
print(f:read(3), f:read("*l"))
print(f:read("*a"), f:read("*a"), f:read("*l"), f:read(0), f:read(1), f:read("*n"))
print(pcall(f.read, f, "*x"))
print(pcall(f.read, f, "l"))
print(pcall(f.read, f, {}))
f:close()
os.remove(name)
--- case: read *n scans numbers as fscanf does
local dir = arg[0]:match("^(.*)/") or "."
local name = dir .. "/numbers.txt"
local f = io.open(name, "w")
f:write("1e 5 0x 7 +-3 .e1 - 8 0x1p 9 infinity nanny 1e+ 10 0X1P-2 00012 1.2.3 4 \n\t  -.5e1 -0")
f:close()
f = io.open(name)
for i = 1, 22 do io.write(tostring(f:read("*n")), "[", tostring(f:read(1)), "] ") end
print()
f:close()
os.remove(name)
--- case: several read formats stop at the first failure
local dir = arg[0]:match("^(.*)/") or "."
local name = dir .. "/stop.txt"
local f = io.open(name, "w")
f:write("12 abc\n")
f:close()
f = io.open(name)
print(select("#", f:read("*n", "*n", "*l")), f:read("*l"))
f:close()
os.remove(name)
--- case: seek whence and errors
local dir = arg[0]:match("^(.*)/") or "."
local name = dir .. "/seek2.txt"
local f = io.open(name, "w+")
f:write("0123456789")
print(f:seek(), f:seek("set", 2), f:read(2), f:seek("cur", -1), f:read(1), f:seek("end", -3), f:read("*a"))
print(f:seek("set", -1))
print(pcall(f.seek, f, "bogus"))
print(pcall(f.seek, f, "set", 1.5))
f:close()
os.remove(name)
--- case: read and write on the same file
local dir = arg[0]:match("^(.*)/") or "."
local name = dir .. "/rw.txt"
local f = io.open(name, "w") f:write("hello world") f:close()
f = io.open(name, "r+")
print(f:read(5))
f:write("_")
f:seek("set")
print(f:read("*a"))
f:close()
f = io.open(name, "a+")
f:write("!")
f:seek("set")
print(f:read("*a"))
f:close()
os.remove(name)
--- case: writing to a read-only file and reading a write-only one
local dir = arg[0]:match("^(.*)/") or "."
local name = dir .. "/ro.txt"
local f = io.open(name, "w")
print(f:read("*l"))
print(f:write("") == f, f:write("x") == f)
f:close()
f = io.open(name)
print(f:write("no"))
print(f:write("") == f)
f:close()
os.remove(name)
--- case: io.lines with formats and closing at the end
local dir = arg[0]:match("^(.*)/") or "."
local name = dir .. "/lines2.txt"
local f = io.open(name, "w") f:write("ab\ncd\n\nlast") f:close()
for a, b in io.lines(name, 1, "*l") do io.write("<", a, "|", tostring(b), ">") end
print()
for l in io.lines(name, "*L") do io.write(l) end
print()
local it = io.lines(name)
print(it(), it(), it(), it(), it())
print(pcall(it))
print(pcall(io.lines, dir .. "/missing.txt"))
os.remove(name)
--- case: file:lines fails once the file is closed
local dir = arg[0]:match("^(.*)/") or "."
local name = dir .. "/lines3.txt"
local f = io.open(name, "w") f:write("1\n2\n") f:close()
f = io.open(name)
local it = f:lines()
print(it())
f:close()
print(pcall(it))
os.remove(name)
--- case: io.output to a file and closing the default output
local dir = arg[0]:match("^(.*)/") or "."
local name = dir .. "/out.txt"
local h = io.output(name)
print(io.type(h), io.output() == h)
io.write("via io.write ", 1, " ", 2.5, "\n")
print(io.close())
print(io.type(h), pcall(io.write, "x"))
io.output(io.stdout)
io.input(name)
print(io.read("*l"), io.read("*l"))
io.close(io.input())
print(pcall(io.read))
io.input(io.stdin)
print(pcall(io.input, dir .. "/missing.txt"))
print(pcall(io.input, {}))
os.remove(name)
--- case: standard files cannot be closed
print(io.close())
print(io.stdout:close())
print(io.type(io.stdout), io.type(io.stdin), io.type(io.stderr), io.type(nil), pcall(io.type))
--- case: closed files
local dir = arg[0]:match("^(.*)/") or "."
local name = dir .. "/closed2.txt"
local f = io.open(name, "w")
print(f:close())
print(io.type(f), tostring(f))
for _, m in ipairs({"read", "write", "lines", "seek", "flush", "setvbuf", "close"}) do
  io.write(m, ": ", select(2, pcall(f[m], f)), "\n")
end
print(pcall(io.close, f))
os.remove(name)
--- case: file methods check their self
local f = io.stdout
print(pcall(f.write, {}, "x"))
print(pcall(function() return f.read() end))
print(pcall(io.stdout.setvbuf, io.stdout, "bogus"))
print(io.stdout:setvbuf("no"), io.stdout:setvbuf("full", 1024), io.stdout:setvbuf("line"))
--- case: io.write returns the file and formats numbers
print(io.write(1, " ", -0.0, " ", 1 / 3, " ", 2 ^ 63, " ", 0 / 0, "\n") == io.stdout)
print(pcall(io.write, {}))
print(pcall(io.stdout.write, io.stdout, nil))
--- case: io.tmpfile and the file metatable
local t = io.tmpfile()
print(io.type(t), t:write("tmp") == t, t:seek("set"), t:read("*a"), t:close())
local mt = getmetatable(io.stdout)
print(mt.__index == mt, mt.__name, type(mt.__tostring), getmetatable(t) == mt)
--- case: reading proc files whose size is zero
local f = io.open("/proc/self/stat")
local s = f:read("*a")
print(#s > 0, s:sub(-1) == "\n", f:read("*a"), f:read("*l"))
f:close()
for line in io.lines("/proc/self/stat") do print(#line > 0) end
--- case: os.tmpname os.getenv and os.setlocale
local n = os.tmpname()
print(type(n), io.open(n) ~= nil, os.remove(n))
print(pcall(os.getenv), os.getenv("LEM_SURELY_UNSET_VARIABLE_X"))
print(os.setlocale(), os.setlocale("C"), os.setlocale(""), os.setlocale("xx_YY"), os.setlocale(nil, "time"))
print(pcall(os.setlocale, nil, "bogus"))
--- case: os.exit with a bad argument errors
print(pcall(os.exit, "x"))
print(pcall(os.exit, {}))
--- case: the length of a table with holes is the border lua5.2 finds
local t = {1, 2, nil, 4}
local u = {}
u[1] = 1 u[2] = 2 u[4] = 4
local v = {}
for i = 1, 10 do v[i] = i end
v[5] = nil
local w = {1, 2, 3, 4, 5}
w[5] = nil w[4] = nil
print(#t, #u, #v, #w, select("#", table.unpack(t)), #{n = 1, 1, 2})
--- case: os.time believes isdst as mktime does
for _, month in ipairs({1, 7}) do
  local base = os.time({year = 2023, month = month, day = 1, hour = 12})
  print(os.time({year = 2023, month = month, day = 1, hour = 12, isdst = true}) - base,
    os.time({year = 2023, month = month, day = 1, hour = 12, isdst = false}) - base)
end
