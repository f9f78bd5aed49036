-- Metatables and metamethods.
--- case: __index table
local base = {greet = "hello"}
local t = setmetatable({}, {__index = base})
print(t.greet, t.missing, rawget(t, "greet"))
--- case: __index chain through several tables
local a = {x = "from a"}
local b = setmetatable({y = "from b"}, {__index = a})
local c = setmetatable({}, {__index = b})
print(c.x, c.y, c.z)
--- case: __index function receives table and key
local t = setmetatable({}, {__index = function(t, k) return k .. "!" end})
print(t.foo, t[1], t.bar)
--- case: __index is not used for present keys
local t = setmetatable({k = false}, {__index = function() return "meta" end})
print(t.k, t.j)
--- case: __newindex table redirects writes
local store = {}
local t = setmetatable({}, {__newindex = store})
t.a = 1
print(rawget(t, "a"), store.a)
--- case: __newindex function
local log = {}
local t = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v) rawset(t, k, v * 2) end})
t.x = 5
t.x = 7
print(t.x, table.concat(log, " "))
--- case: __newindex chain through tables with metatables
local inner = {}
local middle = setmetatable({}, {__newindex = inner})
local outer = setmetatable({}, {__newindex = middle})
outer.v = "set"
print(rawget(outer, "v"), rawget(middle, "v"), inner.v)
--- case: __call
local t = setmetatable({}, {__call = function(self, a, b) return "called", a, b end})
print(t(1, 2))
--- case: __call with varargs count
local t = setmetatable({}, {__call = function(self, ...) return select("#", ...) end})
print(t(), t(nil), t(1, nil, 3))
--- case: __concat
local mt = {__concat = function(a, b)
  local x = type(a) == "table" and a.v or a
  local y = type(b) == "table" and b.v or b
  return x .. "+" .. y
end}
local t = setmetatable({v = "T"}, mt)
print(t .. "s", "s" .. t, t .. t, 1 .. t)
--- case: __eq only between tables
local mt = {__eq = function(a, b) return a.id == b.id end}
local a = setmetatable({id = 1}, mt)
local b = setmetatable({id = 1}, mt)
local c = setmetatable({id = 2}, mt)
print(a == b, a == c, a ~= b, a == 1)
--- case: __eq needs the same metamethod in 5.2
local a = setmetatable({}, {__eq = function() return true end})
local b = setmetatable({}, {__eq = function() return true end})
local c = {}
print(a == b, a == c)
--- case: __lt and __le
local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local a, b = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
print(a < b, a > b, a <= b, a >= b, b <= b)
--- case: __le falls back to not __lt
local mt = {__lt = function(a, b) return a.v < b.v end}
local a, b = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
print(a <= b, b <= a)
--- case: comparing tables without __lt errors
print(pcall(function() return {} < {} end))
--- case: arithmetic metamethods
local mt = {}
mt.__add = function(a, b) return "add" end
mt.__sub = function(a, b) return "sub" end
mt.__mul = function(a, b) return "mul" end
mt.__div = function(a, b) return "div" end
mt.__mod = function(a, b) return "mod" end
mt.__pow = function(a, b) return "pow" end
local t = setmetatable({}, mt)
print(t + 1, 1 - t, t * t, t / 2, t % 3, 2 ^ t)
--- case: __unm
local t = setmetatable({v = 5}, {__unm = function(a) return -a.v end})
print(-t)
--- case: __len
local t = setmetatable({1, 2, 3}, {__len = function() return 42 end})
print(#t, rawlen(t))
--- case: # of a table whose metatable has no __len
local t = setmetatable({1, 2, 3}, {__index = {4, 5}})
print(#t, t[4])
local mt = {}
local u = setmetatable({"a"}, mt)
print(#u)
mt.__len = function() return "late" end
print(#u)
--- case: __len and __eq that yield inside a coroutine
local mt = {__len = function(t) return coroutine.yield("len") end,
	__eq = function(a, b) return coroutine.yield("eq") end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
local co = coroutine.wrap(function() return #a, a == b end)
print(co())
print(co(7))
print(co(true))
--- case: == of tables with metatables that have no __eq
local a = setmetatable({}, {__index = {}})
local b = setmetatable({}, getmetatable(a))
print(a == b, a ~= b, a == a)
--- case: __tostring used by print and tostring
local t = setmetatable({}, {__tostring = function(self) return "<object>" end})
print(t, tostring(t))
--- case: __tostring returning a non-string is passed through
local t = setmetatable({}, {__tostring = function() return 42 end})
print(tostring(t), type(tostring(t)))
--- case: __metatable protects the metatable
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t))
print(pcall(function() setmetatable(t, {}) end))
--- case: __metatable false value is still returned
local t = setmetatable({}, {__metatable = false})
print(getmetatable(t))
--- case: getmetatable of a string
print(getmetatable("").__index == string, getmetatable("abc") == getmetatable(""))
--- case: setmetatable with nil removes the metatable
local t = setmetatable({}, {__index = {x = 1}})
print(t.x)
setmetatable(t, nil)
print(t.x, getmetatable(t))
--- case: setmetatable with a bad argument errors
print(pcall(function() setmetatable({}, 5) end))
print(pcall(function() setmetatable(5, {}) end))
--- case: setmetatable returns its first argument
local t = {}
print(setmetatable(t, {}) == t)
--- case: __mode weak values collected
local cache = setmetatable({}, {__mode = "v"})
cache[1] = {}
local keep = {}
cache[2] = keep
collectgarbage()
collectgarbage()
print(cache[1], cache[2] == keep)
--- case: __mode weak keys collected
local weak = setmetatable({}, {__mode = "k"})
local k1 = {}
weak[k1] = "kept"
weak[{}] = "dropped"
collectgarbage()
collectgarbage()
local n = 0
for k, v in pairs(weak) do n = n + 1 end
print(n, weak[k1])
--- case: __index on a missing method call reports the method
local obj = setmetatable({}, {__index = {}})
print(pcall(function() obj:run() end))
--- case: object-oriented class pattern
local Account = {}
Account.__index = Account
function Account.new(b) return setmetatable({balance = b}, Account) end
function Account:deposit(v) self.balance = self.balance + v return self end
local a = Account.new(10):deposit(5):deposit(1)
print(a.balance, getmetatable(a) == Account)
--- case: inheritance through __index
local Base = {} Base.__index = Base
function Base:name() return "base" end
function Base:hello() return "hello from " .. self:name() end
local Derived = setmetatable({}, {__index = Base}) Derived.__index = Derived
function Derived:name() return "derived" end
print(setmetatable({}, Base):hello(), setmetatable({}, Derived):hello())
--- case: __index chain of 50 tables
local t = {}
for i = 1, 50 do t = setmetatable({}, {__index = t}) end
print(t.anything)
--- case: __index chain longer than 100 is an uncaught error
local t = {}
for i = 1, 200 do t = setmetatable({}, {__index = t}) end
print(t.anything)
--- case: __index loop errors
local t = {}
setmetatable(t, {__index = t})
print(pcall(function() return t.x end))
--- case: __newindex loop is an uncaught error
local t = {}
setmetatable(t, {__newindex = t})
t.a = 1
print(rawget(t, "a"))
--- case: metamethods on strings via the string metatable
print(("x"):rep(3), #"abc")
--- case: __lt with a number operand uses the metamethod
local t = setmetatable({}, {__lt = function() return true end})
print(pcall(function() return t < 1 end))
--- case: __concat with numbers on the left
local t = setmetatable({}, {__concat = function(a, b) return type(a) .. "|" .. type(b) end})
print(1 .. t, t .. 2.5)
--- case: __add with number strings prefers coercion
local t = setmetatable({}, {__add = function(a, b) return "meta" end})
print("1" + 2, t + "1")
--- case: __call on a non-function value errors
local t = setmetatable({}, {__call = 5})
print(pcall(function() return t() end))
--- case: __eq is not called for the same table
local calls = 0
local mt = {__eq = function() calls = calls + 1 return false end}
local a = setmetatable({}, mt)
print(a == a, calls)
--- case: __index on nil field of a table in a method chain
local t = setmetatable({}, {__index = function(_, k) return function(self, x) return k .. x end end})
print(t:foo("1"), t:bar("2"))
--- case: __gc field is accepted
local t = setmetatable({}, {__gc = function() end})
print(type(getmetatable(t).__gc))
--- case: rawequal and rawget ignore __eq and __index
local t = setmetatable({}, {__index = {a = 1}, __eq = function() return true end})
print(rawget(t, "a"), rawequal(t, setmetatable({}, getmetatable(t))))
--- case: __pairs in 5.2
local t = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end})
for k, v in pairs(t) do print(k, v) end
--- case: __ipairs in 5.2
local t = setmetatable({}, {__ipairs = function(t) return function(_, i) if i < 2 then return i + 1, "v" .. (i + 1) end end, t, 0 end})
for i, v in ipairs(t) do print(i, v) end
