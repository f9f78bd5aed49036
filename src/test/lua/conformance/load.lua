-- load, chunk names, environments, _ENV and _G.
--- case: load a string chunk and call it
local f = load("return 1 + 1")
print(f())
--- case: loaded chunks take varargs
local f = load("return select('#', ...), ...")
print(f(1, nil, 3))
--- case: load returns nil and message on syntax error
local f, err = load("return +")
print(f, err)
--- case: chunk name with equals sign is used verbatim
local f, err = load("x = ", "=mychunk")
print(err)
print(pcall(load("error('inside')", "=custom")))
--- case: chunk name with at sign is a file name
local f, err = load("x = ", "@some/file.lua")
print(err)
print(pcall(load("local t = nil; return t.x", "@virtual.lua")))
--- case: plain chunk name is shown as a string
print(pcall(load("error('e')", "plain name")))
--- case: default chunk name is the source text
print(pcall(load("error('e')")))
--- case: long source text is abbreviated in the chunk name
print(pcall(load("error('e') -- " .. ("x"):rep(100))))
--- case: multi-line source text is cut at the first newline
print(pcall(load("local x = 1\nerror('second line')")))
--- case: load with a reader function
local parts = {"return ", "'from ", "pieces'"}
local i = 0
local f = load(function() i = i + 1 return parts[i] end)
print(f())
--- case: reader returning empty string ends the chunk
local parts = {"return 7", "", "this is not read"}
local i = 0
print(load(function() i = i + 1 return parts[i] end)())
--- case: reader function default chunk name
local done = false
local f, err = load(function() if done then return nil end done = true return "x = = 1" end)
print(f, err)
--- case: reader returning a non-string errors
local f, err = load(function() return {} end)
print(f, (err:match("^[^\n]*")))
--- case: load with a custom environment
local env = {y = 5}
local f = load("x = 10; return y", "chunk", "t", env)
print(f(), env.x, x)
--- case: load with an environment lacking print
local f = load("print('hi')", "noprint", "t", {})
print(pcall(f))
--- case: load text chunk in binary-only mode fails
local f, err = load("return 1", "c", "b")
print(f, err)
--- case: load accepts text mode
print(load("return 'ok'", "c", "t")())
--- case: load of a number loads its text and load without arguments errors
print(pcall(function() return load(42) end))
print(pcall(function() return load() end))
--- case: _ENV is the globals table
print(_ENV == _G, _G._G == _G, load("return _ENV")() == _G)
--- case: local _ENV changes global lookups
local print = print
do
  local _ENV = {x = "sandboxed"}
  print(x)
  y = 1
  print(y, _ENV.y)
end
print(y)
--- case: _ENV as a function parameter
local function with(_ENV) return a + b end
print(with({a = 1, b = 2}), with({a = 10, b = 20}))
--- case: global access through a nil _ENV errors
local f = load("local _ENV = nil; return x")
print(pcall(f))
--- case: upvalue _ENV assignment affects later globals
local f = load("local a = v; _ENV = {v = 'second'}; return a, v", "c", "t", {v = "first"})
print(f())
--- case: strict mode through the _G metatable
setmetatable(_G, {__index = function(_, k) error("undefined variable '" .. k .. "'", 2) end})
print(pcall(function() return not_defined end))
setmetatable(_G, nil)
print(not_defined)
--- case: tracking global assignments through __newindex on _G
local assigned = {}
setmetatable(_G, {__newindex = function(t, k, v) assigned[#assigned + 1] = k rawset(t, k, v) end})
new_global_a = 1
new_global_b = 2
new_global_a = 3
setmetatable(_G, nil)
print(table.concat(assigned, ","), new_global_a)
--- case: globals are fields of _G
my_global = "value"
print(_G.my_global, _G["my_global"], rawget(_G, "my_global"))
_G.other_global = 5
print(other_global)
--- case: removed 5.1 functions are absent
print(getfenv, setfenv, table.getn, math.mod)
--- case: standard library tables exist
local names = {}
for _, n in ipairs({"string", "table", "math", "io", "os", "coroutine", "debug", "package", "bit32"}) do
  names[#names + 1] = n .. "=" .. type(_G[n])
end
print(table.concat(names, " "))
--- case: _VERSION
print(_VERSION)
--- case: dofile and loadfile of a written file
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local fh = assert(io.open(dir .. "/helper_chunk.lua", "w"))
fh:write("local a = ... return (a or 0) + 1, 'loaded'\n")
fh:close()
print(dofile(dir .. "/helper_chunk.lua"))
print(loadfile(dir .. "/helper_chunk.lua")(41))
os.remove(dir .. "/helper_chunk.lua")
--- case: loadfile of a missing file
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
print(loadfile(dir .. "/no_such_file.lua"))
--- case: loadfile with a syntax error
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local fh = assert(io.open(dir .. "/bad_chunk.lua", "w"))
fh:write("local x = \n= 2\n")
fh:close()
print(loadfile(dir .. "/bad_chunk.lua"))
os.remove(dir .. "/bad_chunk.lua")
--- case: loadfile with an environment
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local fh = assert(io.open(dir .. "/env_chunk.lua", "w"))
fh:write("return who\n")
fh:close()
print(loadfile(dir .. "/env_chunk.lua", "t", {who = "env"})())
os.remove(dir .. "/env_chunk.lua")
--- case: dofile propagates errors
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local fh = assert(io.open(dir .. "/err_chunk.lua", "w"))
fh:write("\nerror('from dofile')\n")
fh:close()
print(pcall(dofile, dir .. "/err_chunk.lua"))
os.remove(dir .. "/err_chunk.lua")
--- case: require of a preloaded module
package.preload["mymod"] = function(name) return {name = name} end
local m = require("mymod")
print(m.name, package.loaded.mymod == m, require("mymod") == m)
--- case: require of a module file found through package.path
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local fh = assert(io.open(dir .. "/localmod.lua", "w"))
fh:write("return {answer = 42, args = select('#', ...), name = ...}\n")
fh:close()
package.path = dir .. "/?.lua"
local m = require("localmod")
print(m.answer, m.args, m.name)
os.remove(dir .. "/localmod.lua")
--- case: require of a module returning nothing stores true
package.preload["nothing"] = function() end
print(require("nothing"), package.loaded.nothing)
--- case: chunk returning multiple values
print(load("return 1, 2, 3")())
--- case: load compiles but does not run
local ran = false
local f = load("ran = true")
print(ran, type(f))
--- case: functions created by load see globals
shared_value = "shared"
print(load("return shared_value")())
--- case: comment on the first line starting with a hash is skipped by loadfile
local dir = arg[0]:match("^(.*)/") or "."  -- the case's own directory
local fh = assert(io.open(dir .. "/hash_chunk.lua", "w"))
fh:write("#!/usr/bin/env lua\nreturn 'after shebang'\n")
fh:close()
print(loadfile(dir .. "/hash_chunk.lua")())
os.remove(dir .. "/hash_chunk.lua")
--- case: load does not skip a hash line
print(load("#!shebang\nreturn 1"))
