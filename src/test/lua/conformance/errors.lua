-- Errors: error/pcall/xpcall/assert, messages with positions and variable names, uncaught errors.
--- case: error adds the position of the caller at level 1
print(pcall(function() error("boom") end))
--- case: error level 2 points at the caller
local function check(x) if type(x) ~= "number" then error("expected number", 2) end return x end
local ok, e = pcall(function()
  local v = check("no")
  return v
end)
print(ok, e)
--- case: error level 2 through a tail call has no position
local function check(x) if type(x) ~= "number" then error("expected number", 2) end return x end
print(pcall(function()
  return check("no")
end))
--- case: error level 0 adds no position
print(pcall(function() error("bare", 0) end))
--- case: error level 3
local function lvl3() error("three", 3) end
local function lvl2() lvl3() end
local function lvl1()
  lvl2()
end
print(pcall(lvl1))
--- case: error with a number value gets a position and becomes a string
local ok, e = pcall(function() error(42) end)
print(ok, e, type(e))
--- case: error with a table value keeps the table
local obj = {code = 7}
local ok, e = pcall(function() error(obj) end)
print(ok, e == obj, e.code)
--- case: error with nil value
print(pcall(function() error(nil) end))
print(pcall(function() error() end))
--- case: error with a boolean value
print(pcall(function() error(false) end))
--- case: pcall returns all results on success
print(pcall(function(...) return ... end, 1, nil, 3))
--- case: pcall of a non-function
print(pcall(42))
print(pcall(nil))
--- case: pcall with no arguments errors
print(pcall(function() return pcall() end))
--- case: nested pcall
print(pcall(function()
  local ok, e = pcall(error, "inner", 0)
  error("outer saw " .. e, 0)
end))
--- case: xpcall handler gets the message
print(xpcall(function() error("bad") end, function(m) return "handled<" .. m .. ">" end))
--- case: xpcall passes extra arguments in 5.2
print(xpcall(function(a, b) return a + b end, print, 3, 4))
--- case: xpcall handler receives non-string values
print(xpcall(function() error({1, 2, 3}) end, function(e) return type(e) .. #e end))
--- case: xpcall handler for runtime errors
print(xpcall(function() local x = nil; return x.y end, function(m) return "H: " .. m end))
--- case: xpcall success returns true and values
print(xpcall(function() return "a", "b" end, error))
--- case: error inside the xpcall handler
print(xpcall(function() error("first") end, function(m) error("second") end))
--- case: assert passes all arguments through
print(assert(1, 2, 3))
print(select("#", assert(true)))
--- case: assert failure default message
print(pcall(function() assert(false) end))
print(pcall(function() assert(nil) end))
--- case: assert with a message adds a position in 5.2
print(pcall(function() assert(false, "custom message") end))
--- case: assert with a non-string message
print(pcall(function() assert(false, {tag = "t"}) end))
--- case: assert with no arguments fails
print(pcall(function() assert() end))
--- case: index a nil local
local ok, e = pcall(function() local t = nil; return t.x end)
print(e)
--- case: index a nil global
print(select(2, pcall(function() return undefined_global.x end)))
--- case: index a nil field
local t = {}
print(select(2, pcall(function() return t.a.b end)))
--- case: index a nil upvalue
local up
print(select(2, pcall(function() return up.x end)))
--- case: index a number value
local n = 5
print(select(2, pcall(function() return n.x end)))
--- case: index a boolean field
local t = {flag = true}
print(select(2, pcall(function() return t.flag.x end)))
--- case: assign into a nil local
print(select(2, pcall(function() local t; t.x = 1 end)))
--- case: index the result of a call
local function f() return nil end
print(select(2, pcall(function() return f().x end)))
--- case: index with a method call on nil
print(select(2, pcall(function() local s; return s:upper() end)))
--- case: call a nil global
print(select(2, pcall(function() undefined_function() end)))
--- case: call a nil local
print(select(2, pcall(function() local f; f() end)))
--- case: call a nil field
local t = {}
print(select(2, pcall(function() t.method() end)))
--- case: call a nil method
local t = {}
print(select(2, pcall(function() t:method() end)))
--- case: call a field of a field
local t = {inner = {}}
print(select(2, pcall(function() t.inner.go() end)))
--- case: call a string value
print(select(2, pcall(function() local s = "x"; s() end)))
--- case: call a table value
print(select(2, pcall(function() local t = {}; t() end)))
--- case: call a nil upvalue
local cb
print(select(2, pcall(function() cb() end)))
--- case: call through a string method that does not exist
print(select(2, pcall(function() return ("x"):nomethod() end)))
--- case: arithmetic on a nil local
print(select(2, pcall(function() local x; return x + 1 end)))
--- case: arithmetic on a nil field
local t = {}
print(select(2, pcall(function() return t.x * 2 end)))
--- case: arithmetic on a nil global
print(select(2, pcall(function() return missing_value - 1 end)))
--- case: arithmetic on a table value
print(select(2, pcall(function() return {} + 1 end)))
--- case: arithmetic on a string that is not a number
print(select(2, pcall(function() local s = "abc"; return s * 2 end)))
--- case: arithmetic on a boolean upvalue
local b = true
print(select(2, pcall(function() return -b end)))
--- case: arithmetic on the second operand
print(select(2, pcall(function() local y; return 1 + y end)))
--- case: arithmetic with a nil constant operand
print(select(2, pcall(function() return 2 ^ nil end)))
--- case: concatenate a nil value
print(select(2, pcall(function() return "a" .. nil end)))
--- case: concatenate a nil local
print(select(2, pcall(function() local s; return "a" .. s end)))
--- case: concatenate a nil field
local t = {}
print(select(2, pcall(function() return t.name .. "!" end)))
--- case: concatenate a table
print(select(2, pcall(function() return "a" .. {} end)))
--- case: length of a nil local
print(select(2, pcall(function() local t; return #t end)))
--- case: length of a number
print(select(2, pcall(function() return #5 end)))
--- case: length of a boolean field
local t = {b = false}
print(select(2, pcall(function() return #t.b end)))
--- case: compare number with nil
print(select(2, pcall(function() return 1 < nil end)))
--- case: compare nil with number
print(select(2, pcall(function() local x; return x > 1 end)))
--- case: compare number with string
print(select(2, pcall(function() return 1 < "2" end)))
--- case: compare two tables
print(select(2, pcall(function() return {} <= {} end)))
--- case: compare boolean with boolean
print(select(2, pcall(function() return true < false end)))
--- case: equality never errors
print(pcall(function() return {} == 1, nil == false, "1" == 1 end))
--- case: error in __index metamethod
local t = setmetatable({}, {__index = function(_, k) error("no field " .. k) end})
print(pcall(function() return t.foo end))
--- case: error in __index metamethod at level 2
local t = setmetatable({}, {__index = function(_, k) error("no field " .. k, 2) end})
print(pcall(function()
  return t.foo
end))
--- case: error in __newindex metamethod
local ro = setmetatable({}, {__newindex = function(t, k) error("read-only: " .. k, 2) end})
print(pcall(function() ro.x = 1 end))
--- case: error in __tostring propagates from tostring
local t = setmetatable({}, {__tostring = function() error("cannot show") end})
print(pcall(tostring, t))
--- case: error message from an error in a nested call includes the inner line
local function inner()
  local x = nil
  return x.field
end
local function outer() return inner() end
print(pcall(outer))
--- case: error with a number at level 2 called from pcall
print(pcall(function() error(3.5, 2) end))
--- case: stack overflow is caught by pcall
local function f() return 1 + f() end
local ok, e = pcall(f)
print(ok, string.find(e, "stack overflow", 1, true) ~= nil)
--- case: stack overflow message
local function f() return 1 + f() end
local ok, e = pcall(f)
print(e)
--- case: stack overflow in a metamethod chain is caught
local t = setmetatable({}, {})
getmetatable(t).__index = function(tt, k) return tt[k] end
local ok, e = pcall(function() return t.x end)
print(ok, string.find(e, "stack overflow", 1, true) ~= nil)
--- case: program continues normally after a stack overflow
local function f(n) return f(n + 1) + 1 end
print(pcall(f, 1) == false)
local function g(n) if n == 0 then return 0 end return 1 + g(n - 1) end
print(g(1000))
--- case: error objects pass through coroutines and pcall layers
local e0 = {}
local ok, e = pcall(function()
  local co = coroutine.wrap(function() error(e0) end)
  co()
end)
print(ok, e == e0)
--- case: uncaught error with a string message
print("before")
error("fatal problem")
print("after")
--- case: uncaught error with level 0
error("no position here", 0)
--- case: uncaught error with a table value
error({})
--- case: uncaught error with a table value with __tostring
error(setmetatable({}, {__tostring = function() return "custom error object" end}))
--- case: uncaught error with a number value
error(42)
--- case: uncaught error with nil
error(nil)
--- case: uncaught runtime error names the variable
local config = nil
print(config.port)
--- case: uncaught call of a nil global
undefined_function()
--- case: uncaught error from a nested function
local function validate(x)
  if not x then
    error("validation failed")
  end
end
validate(false)
--- case: uncaught error at level 2
local function api(x) error("bad input to api", 2) end
print("calling")
api(1)
--- case: uncaught assert failure
assert(1 == 2, "math is broken")
--- case: uncaught assert without a message
assert(false)
--- case: output before an uncaught error is flushed
io.write("partial ")
print("line")
local t = nil
t.x = 1
--- case: syntax error in the main chunk
print("never")
x = = 1
--- case: syntax error unfinished string
print("never
--- case: syntax error unexpected end of file
if true then
--- case: syntax error reported by load
print(load("x = "))
print(load("local 1 = 2"))
print(load("return return"))
--- case: syntax errors with near tokens
print(load("x = 1 +* 2"))
print(load("f("))
print(load("for i = 1 do end"))
print(load("a.b:c = 1"))
--- case: syntax error unfinished long string
print(load("x = [[abc"))
--- case: syntax error malformed number
print(load("x = 3x"))
print(load("x = 0x"))
print(load("x = 1e"))
--- case: syntax error invalid escape
print(load([[x = "\q"]]))
print(load([[x = "\300"]]))
--- case: syntax error unfinished long comment
print(load("--[[ never closed"))
--- case: syntax error in a long chunk reports the right line
print(load("local a = 1\nlocal b = 2\nlocal c = = 3\n"))
--- case: error with a multi-line message
print(pcall(error, "line one\nline two", 0))
--- case: tostring on error values in a handler
local function handler(e) return "got " .. tostring(e) end
print(xpcall(function() error(true) end, handler))
--- case: error rethrown keeps its original position
local ok, e = pcall(function()
  local ok2, e2 = pcall(function() error("deep") end)
  error(e2, 0)
end)
print(e)
--- case: error rethrown with a level adds a second position
local ok, e = pcall(function()
  local ok2, e2 = pcall(function() error("deep") end)
  error(e2)
end)
print(e)
--- case: runtime error inside a metamethod call names nothing
local t = setmetatable({}, {__add = function(a, b) return a.missing.x end})
print(pcall(function() return t + 1 end))
--- case: calling error with a level beyond the stack
print(pcall(function() error("far", 50) end))
--- case: bad argument messages for base functions
print(pcall(function() return setmetatable(1) end))
print(pcall(function() return ipairs() end))
print(pcall(function() return select() end))
--- case: bad argument type names
print(pcall(function() return ("x"):rep({}) end))
print(pcall(function() return string.rep() end))
print(pcall(function() return math.floor("a") end))
--- case: bad argument to string.upper with a table
print(pcall(function() local s = {} return string.upper(s) end))
--- case: bad self in method calls
local t = {rep = string.rep}
print(pcall(function() return t:rep(2) end))
--- case: error in a for iterator
print(pcall(function() for k in pairs(nil) do end end))
--- case: error and assert raise a bad argument text as it is given
print(pcall(error, "bad argument #2 to 'write' (x)", 0))
print(pcall(function() error("bad argument #2 to 'write' (x)") end))
print(pcall(assert, false, "bad argument #1 to 'f' (y)"))
print(pcall(function() assert(false, "bad argument #1 to 'f' (y)") end))
