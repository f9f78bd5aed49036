-- More syntax errors (messages and positions as Lua 5.2 words them) and chunk loading.
--- case: unexpected symbols
for _, s in ipairs({"x = }", "if then end", "x = 1 == == 2", "x = {1, 2,, 3}", "x = {;}", "then", "local a.b = 1"}) do
  print(select(2, load(s)))
end
--- case: operators of later Lua versions are unexpected symbols
for _, s in ipairs({"x = 1 // 2", "x = 1 & 2", "x = ~1", "local x <const> = 1"}) do
  print(select(2, load(s)))
end
--- case: expected tokens
for _, s in ipairs({"for i = 1, 2, 3, 4 do end", "for a do end", "for a, b = 1, 2 do end", "x = {[1] 2}",
                    "local function f(a,) end", "function a:b:c() end", "function () end", "local 'a'"}) do
  print(select(2, load(s)))
end
--- case: end of input expected
for _, s in ipairs({"end", "return 1 print(2)", "return;;", "x = function() end end", "until x"}) do
  print(select(2, load(s)))
end
--- case: unclosed blocks name the opening line
print(select(2, load("local function f()\n  if x then\n    return 1\n  end\n")))
print(select(2, load("repeat\n  x = 1\n")))
print(select(2, load("x = (1 +\n2")))
print(select(2, load("t = {\n1,\n2\n")))
print(select(2, load("while true do")))
--- case: names expected
for _, s in ipairs({"local function", "local function 1", "for 1", "goto = 1", "::1::", "local goto = 1", "x = a.1"}) do
  print(select(2, load(s)))
end
--- case: calls and assignments
for _, s in ipairs({"f() = 1", "a, b() = 1, 2", "(a) = 1", "x.y:z", "a:b.c()", "(f)", "a, b", "x=y=z"}) do
  print(select(2, load(s)))
end
--- case: vararg outside a vararg function
print(select(2, load("function f() return ... end")))
print(select(2, load("function f(...) return function() return ... end end")))
print(load("local function f(a, ...) return ... end return f(1, 2, 3)")())
--- case: break outside loops
print(select(2, load("if x then break end")))
print(select(2, load("while true do local function f() break end end")))
print(select(2, load("for i = 1, 2 do end\nbreak")))
--- case: labels and gotos
print(select(2, load("::a:: ::b:: ::a::")))
print(select(2, load("::a::\ndo goto b end\n::c::")))
print(select(2, load("repeat goto cont; local x; ::cont:: until x")))
print(type(load("::a:: do ::a:: end")), type(load("do goto a; local x end ::a::")))
--- case: unfinished strings
for _, s in ipairs({"x = 'abc", "x = 'abc\ndef'", "x = \"a\\tb\n\"", "x = 'abc\\", "x = '\\\n"}) do
  print(select(2, load(s)))
end
--- case: invalid escape sequences
for _, s in ipairs({[[x = "\q"]], [[x = "\u{41}"]], [[x = "\xZ"]], [[x = "\x5"]], [[x = "\x"]], [[x = "\256"]], [[x = "\9999"]]}) do
  print(select(2, load(s)))
end
--- case: valid escape sequences
local s = load([[return "\a\b\f\n\r\t\v\\\"\'|\x41\x7a|\65\066\0671|\z
     after z|a\
b"]])()
print(#s, (s:gsub("%c", function(c) return "<" .. c:byte() .. ">" end)))
--- case: long strings may nest and keep their text
print(load("return [[ a [[ b ]]")())
print(load("return [==[x]]]=]]==]")())
print(#load("return [[\r\nline\r\n]]")(), (load("return [[\nfirst newline skipped]]")()))
--- case: unfinished long strings and comments
for _, s in ipairs({"x = [==[ abc ]=]", "x = [[\n\n", "--[==[ ]]", "--[[ never", "x = 1 --[=[ x ]]"}) do
  print(select(2, load(s)))
end
--- case: invalid long string delimiter
print(select(2, load("x = [= abc")))
print(select(2, load("x = [==")))
--- case: malformed numbers
for _, s in ipairs({"x = 3f", "x = 0x", "x = 0xg", "x = 1e+", "x = 1..2", "x = 1.2.3", "x = 0x1p", "x = 12abc", "x = 0xp1", "x = 1ee"}) do
  print(select(2, load(s)))
end
--- case: a numeral followed by a name is two tokens
print(select(2, load("x = 3x")))
print(select(2, load("local a = 1 b = 2")), b)
--- case: valid numerals
print(load("return .5, 5., 0x.8, 0xA.8p1, 1E2, 0x1P+4, 1e-2, 08, 0X1f, 3 .. 4")())
--- case: control and non-ASCII characters are symbols
for _, s in ipairs({"x = \1", "x = \127", "\195\171 = 1", "x = \200"}) do
  print((select(2, load(s))):match(":1: .*"))
end
--- case: white space is Lua's
print(load("x\v=\f1 return x")())
print(select(2, load("x = 1\rx = = 2")))
print(select(2, load("x = 1\r\n\r\nx = = 2")))
--- case: too many nested levels
print(select(2, load("x = " .. ("("):rep(300) .. "1" .. (")"):rep(300))))
print(select(2, load("x = " .. ("{"):rep(300))))
--- case: too many local variables
local t = {}
for i = 1, 201 do t[i] = "local a" .. i .. " = 1" end
print(select(2, load(table.concat(t, "\n"))))
print(select(2, load("local function f()\n" .. table.concat(t, "\n") .. " end")))
--- case: the limit of local variables counts each function's own
local outer, inner = {}, {}
for i = 1, 150 do outer[i] = "local o" .. i end
for i = 1, 100 do inner[i] = "local i" .. i end
print(type(load(table.concat(outer, "\n") .. "\nlocal function f()\n" .. table.concat(inner, "\n") .. "\nend")))
--- case: too many upvalues
local a, b, uses = {}, {}, {}
for i = 1, 150 do a[i] = "local a" .. i .. " = " .. i end
for i = 1, 150 do b[i] = "local b" .. i .. " = " .. i end
for i = 1, 150 do uses[#uses + 1] = "x = a" .. i end
for i = 1, 150 do uses[#uses + 1] = "x = b" .. i end
print(select(2, load(table.concat(a, "\n") .. "\nlocal function outer()\n" .. table.concat(b, "\n")
  .. "\nlocal function inner()\n" .. table.concat(uses, "\n") .. "\nend\nend")))
--- case: error line after several lines
print(select(2, load("local a = 1\n\n\n-- comment\nlocal b = a +\n\n")))
--- case: syntax error in a script after a hash line
#!/usr/bin/env lua
print("never")
x = = 1
--- case: unfinished long string in the main chunk
print("never")
local s = [[
text
--- case: load with reader pieces that split tokens
local parts = {"ret", "urn 1", "0 + 2", "0"}
local i = 0
print(load(function() i = i + 1 return parts[i] end)())
--- case: load with a reader returning a number and stopping with nil
local n = 0
print(load(function() n = n + 1 if n == 1 then return 42 end end, "=num"))
local done = false
print(load(function() if not done then done = true return "return 'once'" end end)())
--- case: load with a reader that raises an error
local ok, err = load(function() error("reader broke") end)
print(ok, (err:match("^[^\n]*")))
--- case: load with a reader returning nothing at once is an empty chunk
print(select("#", load(function() return nil end)()))
--- case: load modes
print(load("return 1", "c", "x"))
print(load(string.dump(function() return 1 end), "=dumped", "t"))
print(load(string.dump(function(...) return ... end), "dumped", "b")(1, 2))
print(load("return 'text'", "c", "bt")())
--- case: load with a nil environment
print(pcall(load("return x.y", "=c", "t", nil)))
--- case: load of a dumped function with an environment
print(load(string.dump(function(...) return ... end), "d", "b", {})("ok"))
--- case: load and loadfile argument errors
print(pcall(function() local r = load("x", {}) return r end))
print(pcall(function() local r = load("x", "n", {}) return r end))
print(pcall(function() local r = loadfile({}) return r end))
print(pcall(function() local r = dofile({}) return r end))
--- case: chunk names are shortened
print(select(2, load("x =", "=" .. ("n"):rep(70))))
print(select(2, load("x =", "@" .. ("d/"):rep(40) .. "f.lua")))
print(select(2, load("x =", "line one\nline two")))
print(select(2, load("x =", ("s"):rep(45))))
print(select(2, load("x =", ("s"):rep(44))))
print(select(2, load("x =", 12)))
--- case: loadstring is load
print(loadstring == load, loadstring("return 'old name'")())
--- case: load does not skip a byte order mark
print(select(2, load("\239\187\191return 1")))
--- case: loadfile skips a byte order mark and a hash line
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local fh = assert(io.open(dir .. "/bom_chunk.lua", "w"))
fh:write("\239\187\191#!/usr/bin/env lua\nreturn debug.getinfo(1, 'l').currentline, ...\n")
fh:close()
print(loadfile(dir .. "/bom_chunk.lua")("arg"))
os.remove(dir .. "/bom_chunk.lua")
--- case: loadfile of a directory cannot read it
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
print(loadfile(dir))
print(pcall(dofile, dir))
--- case: loadfile with modes and environments
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local fh = assert(io.open(dir .. "/mode_chunk.lua", "w"))
fh:write("return who\n")
fh:close()
print(loadfile(dir .. "/mode_chunk.lua", "b"))
print(loadfile(dir .. "/mode_chunk.lua", "t", {who = "env"})())
print(type(loadfile(dir .. "/mode_chunk.lua", nil, nil)))
os.remove(dir .. "/mode_chunk.lua")
--- case: dofile propagates syntax errors and returns all results
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local fh = assert(io.open(dir .. "/do_bad.lua", "w"))
fh:write("#!hash line\nlocal x =\n= 2\n")
fh:close()
print(pcall(dofile, dir .. "/do_bad.lua"))
fh = assert(io.open(dir .. "/do_good.lua", "w"))
fh:write("return 1, nil, 3\n")
fh:close()
print(dofile(dir .. "/do_good.lua"))
print(pcall(dofile, dir .. "/no_such_chunk.lua"))
os.remove(dir .. "/do_bad.lua")
os.remove(dir .. "/do_good.lua")
--- case: require of a file with a syntax error
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local fh = assert(io.open(dir .. "/badmod.lua", "w"))
fh:write("return {\n")
fh:close()
package.path = dir .. "/?.lua"
local ok, err = pcall(require, "badmod")
print(ok, err)
os.remove(dir .. "/badmod.lua")
--- case: require of a file with a hash line
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local fh = assert(io.open(dir .. "/hashmod.lua", "w"))
fh:write("#!/usr/bin/env lua\nreturn {line = debug.getinfo(1, 'l').currentline}\n")
fh:close()
package.path = dir .. "/?.lua"
print(require("hashmod").line)
os.remove(dir .. "/hashmod.lua")
