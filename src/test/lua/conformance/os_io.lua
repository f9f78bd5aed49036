-- Deterministic parts of os and io.
--- case: os.date with a fixed time in UTC
print(os.date("!%Y-%m-%d", 0), os.date("!%Y-%m-%d %H:%M:%S", 1234567890))
--- case: os.date with more UTC conversions
local t = 1700000000
print(os.date("!%A %a %B %b %d %j %p %y %w", t))
--- case: os.date %c and %x %X in UTC
print(os.date("!%c", 0))
print(os.date("!%x %X", 86400 * 365))
--- case: os.date with a literal percent
print(os.date("!%%Y is %Y", 0))
--- case: os.date *t in UTC
local d = os.date("!*t", 1234567890)
print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
--- case: os.date with an invalid conversion errors
print(pcall(function() return os.date("!%Q", 0) end))
--- case: os.time with a table round trips through os.date
local t = os.time({year = 2020, month = 2, day = 29, hour = 12, min = 30, sec = 15})
local d = os.date("*t", t)
print(d.year, d.month, d.day, d.hour, d.min, d.sec)
--- case: os.time normalises out of range fields
local t = os.time({year = 2021, month = 1, day = 32, hour = 12})
local d = os.date("*t", t)
print(d.year, d.month, d.day)
--- case: os.time differences are exact
local a = os.time({year = 2024, month = 1, day = 10, hour = 12})
local b = os.time({year = 2024, month = 1, day = 11, hour = 12, min = 1, sec = 1})
print(b - a, os.difftime(b, a))
--- case: os.time without fields errors
print(pcall(function() return os.time({year = 2020}) end))
--- case: os.time with no argument returns a number
print(type(os.time()), os.time() > 1600000000)
--- case: os.clock returns a number
print(type(os.clock()), os.clock() >= 0)
--- case: os.getenv of an unset variable
print(os.getenv("LEM_CONFORMANCE_SURELY_UNSET_VARIABLE"))
--- case: io.write returns the file
print(io.write("") == io.stdout)
--- case: io.write writes numbers with tostring formatting
io.write(1, " ", 1.5, " ", 2^53, " ", -0.0, " ", 1/3, "\n")
--- case: io.write with no arguments
print(io.write() == io.stdout)
--- case: io.write rejects tables
print(pcall(function() io.write({}) end))
--- case: io.type
print(io.type(io.stdout), io.type(42), io.type({}))
--- case: io.read from empty stdin
print(io.read("*l"), io.read("*a") == "", io.read(5))
--- case: print uses tostring for every value
print(nil, true, false, 0, "s", 1e300)
--- case: print with no arguments prints an empty line
print()
print("after")
--- case: print uses a global tostring override
local real = tostring
tostring = function(v) return "<" .. real(v) .. ">" end
print(1, "a", nil)
tostring = real
--- case: write and read back a file
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local f = assert(io.open(dir .. "/data.txt", "w"))
print(f:write("line1\n", 2, "\n", "last") == f)
f:close()
f = assert(io.open(dir .. "/data.txt", "r"))
print(f:read("*l"), f:read("*n"), f:read("*l"), f:read("*a"), f:read("*a"), f:read("*l"))
f:close()
os.remove(dir .. "/data.txt")
--- case: io.lines over a file
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local f = assert(io.open(dir .. "/lines.txt", "w"))
f:write("a\nb\n\nc")
f:close()
for l in io.lines(dir .. "/lines.txt") do io.write("[", l, "]") end
print()
os.remove(dir .. "/lines.txt")
--- case: file:lines with a format
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local f = assert(io.open(dir .. "/nums.txt", "w"))
f:write("1 2.5 0x10\n-3")
f:close()
f = assert(io.open(dir .. "/nums.txt"))
for n in f:lines("*n") do io.write(n, ";") end
print()
f:close()
os.remove(dir .. "/nums.txt")
--- case: read a number of bytes and end of file
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local f = assert(io.open(dir .. "/bytes.txt", "w"))
f:write("abcdef")
f:close()
f = assert(io.open(dir .. "/bytes.txt"))
print(f:read(2), f:read(0), f:read(10), f:read(1), f:read(0))
f:close()
os.remove(dir .. "/bytes.txt")
--- case: file:seek
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local f = assert(io.open(dir .. "/seek.txt", "w"))
f:write("0123456789")
f:close()
f = assert(io.open(dir .. "/seek.txt"))
print(f:seek("end"), f:seek("set", 3), f:read(2), f:seek(), f:seek("cur", 2), f:read(1))
f:close()
os.remove(dir .. "/seek.txt")
--- case: open a missing file
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
print(io.open(dir .. "/does_not_exist.txt"))
--- case: open with an invalid mode errors
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
print(pcall(function() return io.open(dir .. "/x.txt", "q") end))
--- case: append mode
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local f = assert(io.open(dir .. "/app.txt", "w")) f:write("one") f:close()
f = assert(io.open(dir .. "/app.txt", "a")) f:write("two") f:close()
f = assert(io.open(dir .. "/app.txt")) print(f:read("*a")) f:close()
os.remove(dir .. "/app.txt")
--- case: using a closed file errors
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local f = assert(io.open(dir .. "/closed.txt", "w"))
f:close()
print(io.type(f))
print(pcall(function() return f:write("x") end))
os.remove(dir .. "/closed.txt")
--- case: os.remove of a missing file
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
print(os.remove(dir .. "/no_such_file_here.txt"))
--- case: os.rename of a missing file
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
print(os.rename(dir .. "/no_such_src.txt", dir .. "/dst.txt"))
--- case: os.rename moves a file
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local f = assert(io.open(dir .. "/before.txt", "w")) f:write("moved") f:close()
print(os.rename(dir .. "/before.txt", dir .. "/after.txt"), io.open(dir .. "/before.txt"))
f = assert(io.open(dir .. "/after.txt")) print(f:read("*a")) f:close()
os.remove(dir .. "/after.txt")
--- case: os.tmpname returns a string
local n = os.tmpname()
print(type(n))
os.remove(n)
--- case: io.output and io.input defaults
print(io.output() == io.stdout, io.input() == io.stdin)
--- case: writing to stderr does not touch stdout
io.stderr:write("")
print("stdout only")
--- case: file handle tostring mentions file
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local f = assert(io.open(dir .. "/ts.txt", "w"))
print((tostring(f):gsub("0x%x+", "ADDR"):gsub("%(%x+%)", "(ADDR)")))
f:close()
print(tostring(f))
os.remove(dir .. "/ts.txt")
