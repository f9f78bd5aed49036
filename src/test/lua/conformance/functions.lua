-- Functions: closures, upvalues, varargs, multiple results, recursion.
--- case: counter closure keeps its upvalue
local function counter()
  local n = 0
  return function() n = n + 1 return n end
end
local c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
--- case: closures share an upvalue
local function pair()
  local v = 0
  return function() v = v + 1 end, function() return v end
end
local inc, get = pair()
inc() inc()
print(get())
--- case: each loop iteration gets a fresh local
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
--- case: while loop locals are fresh per iteration
local fs, i = {}, 1
while i <= 3 do
  local j = i
  fs[i] = function() return j end
  i = i + 1
end
print(fs[1](), fs[2](), fs[3]())
--- case: upvalue modified after closure creation
local x = 1
local function f() return x end
x = 2
print(f())
--- case: nested closures three levels deep
local function a()
  local v = "a"
  return function()
    local w = v .. "b"
    return function() return w .. "c", v end
  end
end
print(a()()())
--- case: recursive local function
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10), fact(20))
--- case: mutually recursive functions via locals declared first
local even, odd
function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
print(even(10), odd(7), even(3))
--- case: deep tail calls do not overflow
local function loop(n) if n == 0 then return "done" end return loop(n - 1) end
print(loop(100000))
--- case: multiple results adjust
local function mr() return 1, 2, 3 end
local a, b, c, d = mr()
print(a, b, c, d)
print(mr(), mr())
print((mr()))
print(({mr(), mr()})[4])
--- case: missing arguments are nil and extra are dropped
local function f(a, b) return a, b end
print(f(1))
print(f(1, 2, 3))
--- case: select count and index
print(select("#"), select("#", nil), select("#", 1, nil, nil))
print(select(2, "a", "b", "c"))
--- case: select with negative index
print(select(-1, "a", "b", "c"))
print(select(-2, "a", "b", "c"))
--- case: select out of range errors
print(pcall(function() return select(-5, "a") end))
print(pcall(function() return select(0, "a") end))
--- case: select past the end is empty
print(select("#", select(5, "a", "b")))
--- case: varargs in a table and in a call
local function f(...)
  local t = {...}
  return #t, select("#", ...), ...
end
print(f(1, 2, 3))
print(f())
--- case: varargs with nils preserved by table.pack
local function f(...) local p = table.pack(...) return p.n end
print(f(nil, nil), f(1, nil), f())
--- case: varargs forwarded through several calls
local function inner(...) return select("#", ...), ... end
local function outer(...) return inner(...) end
print(outer(1, nil, 3, nil))
--- case: varargs in the main chunk
print(select("#", ...))
--- case: fixed parameters plus varargs
local function f(a, ...) return a, select("#", ...) end
print(f(), f(1), f(1, 2, 3))
--- case: parenthesised vararg gives one value
local function f(...) return (...) end
print(f(1, 2, 3), select("#", f()))
--- case: method call syntax passes self
local obj = {name = "o"}
function obj:get(suffix) return self.name .. suffix end
print(obj:get("!"), obj.get(obj, "?"), obj.get({name = "other"}, "."))
--- case: function definitions in tables with dots
local a = {b = {}}
function a.b.c(x) return x * 2 end
function a.b:d(x) return self == a.b, x end
print(a.b.c(21), a.b:d(1))
--- case: string call syntax and table call syntax
local function f(x) return type(x), x end
print(f"str")
print((f{1}))
print(f[[long]])
--- case: functions are first-class values
local ops = {add = function(a, b) return a + b end, mul = function(a, b) return a * b end}
print(ops.add(2, 3), ops["mul"](2, 3))
--- case: returning a function call result list
local function two() return "x", "y" end
local function wrap() return two() end
local function wrap1() return (two()) end
print(wrap())
print(wrap1())
--- case: local function can see itself while function local cannot
local function f1() return type(f1) end
local f2 = function() return type(f2) end
print(f1(), f2())
--- case: upvalues in loops with break
local fs = {}
for i = 1, 10 do
  fs[#fs + 1] = function() return i * 10 end
  if i == 3 then break end
end
print(#fs, fs[1](), fs[3]())
--- case: closure captures a loop variable modified in the body
local fs = {}
for i = 1, 3 do
  local x = i
  fs[i] = function() x = x + 100 return x end
end
print(fs[1](), fs[1](), fs[2]())
--- case: many upvalues
local a, b, c, d, e, f, g, h = 1, 2, 3, 4, 5, 6, 7, 8
local function sum() return a + b + c + d + e + f + g + h end
print(sum())
a = 100
print(sum())
--- case: functions compare by identity
local f = function() end
local g = f
print(f == g, f == function() end)
--- case: semicolons and empty statements
;;; local x = 1; ; print(x);
--- case: long argument lists
local function count(...) return select("#", ...) end
local t = {}
for i = 1, 200 do t[i] = i end
print(count(table.unpack(t)))
--- case: vararg in a table constructor middle position truncates
local function f(...) return {..., "end"} end
local t = f(1, 2, 3)
print(#t, t[1], t[2])
--- case: multiple assignment evaluates before assigning
local a, b = 1, 2
a, b = b, a
print(a, b)
local t = {1, 2}
local i = 1
i, t[i] = i + 1, "x"
print(i, t[1], t[2])
--- case: assignment with more values than variables
local a, b = 1, 2, print("evaluated")
print(a, b)
