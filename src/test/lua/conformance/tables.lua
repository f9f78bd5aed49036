-- Tables: the table library, length, traversal, raw access.
--- case: insert appends and inserts at a position
local t = {1, 2, 3}
table.insert(t, 4)
table.insert(t, 1, 0)
table.insert(t, 3, 1.5)
print(#t, table.concat(t, " "))
--- case: insert at position n+1
local t = {"a", "b"}
table.insert(t, 3, "c")
print(table.concat(t, ","))
--- case: insert out of bounds errors
print(pcall(function() local t = {1, 2} table.insert(t, 5, "x") end))
--- case: insert with wrong argument count errors
print(pcall(function() table.insert({}, 1, 2, 3) end))
--- case: remove from the end and from a position
local t = {1, 2, 3, 4, 5}
print(table.remove(t), table.remove(t, 1), table.remove(t, 2), #t, table.concat(t, ","))
--- case: remove from an empty table
local t = {}
print(table.remove(t), #t, select("#", table.remove(t)))
--- case: remove at position n+1 returns nil
local t = {1, 2}
print(table.remove(t, 3), #t)
--- case: concat with separator and range
local t = {1, "two", 3.5, "four"}
print(table.concat(t), table.concat(t, ", "), table.concat(t, "-", 2, 3), "[" .. table.concat(t, ",", 3, 2) .. "]")
--- case: concat of an empty table
print("[" .. table.concat({}) .. "]", "[" .. table.concat({}, ",") .. "]")
--- case: concat with a non-string value errors
print(pcall(function() return table.concat({1, {}, 3}) end))
--- case: concat with a nil hole errors
print(pcall(function() return table.concat({1, 2, 3}, ",", 1, 5) end))
--- case: unpack
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, 2, 5))
print(select("#", table.unpack({}, 1, 0)), select("#", table.unpack({nil, nil}, 1, 2)))
--- case: pack sets n
local p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4], #{n = 0})
--- case: pack with no values
local p = table.pack()
print(p.n, p[1])
--- case: sort numbers
local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(t)
print(table.concat(t, " "))
--- case: sort strings
local t = {"pear", "apple", "fig", "banana", "Cherry"}
table.sort(t)
print(table.concat(t, " "))
--- case: sort with a comparator
local t = {5, 2, 8, 1, 9}
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
--- case: sort records by a field then another
local t = {{n = "b", a = 2}, {n = "a", a = 2}, {n = "c", a = 1}}
table.sort(t, function(x, y) if x.a ~= y.a then return x.a < y.a end return x.n < y.n end)
for _, r in ipairs(t) do io.write(r.n, r.a, " ") end
print()
--- case: sort of mixed types errors
print(pcall(function() table.sort({1, "a", 2}) end))
--- case: sort with an invalid order function errors
print(pcall(function()
  local t = {}
  for i = 1, 100 do t[i] = i % 7 end
  table.sort(t, function(a, b) return true end)
end))
--- case: sort a larger array
local t = {}
for i = 1, 200 do t[i] = (i * 7919) % 211 end
table.sort(t)
local ok = true
for i = 2, #t do if t[i - 1] > t[i] then ok = false end end
print(ok, t[1], t[200])
--- case: length of sequences
print(#{}, #{1}, #{1, 2, 3}, #{nil}, #{n = 1}, #"abc")
--- case: length after appending and removing
local t = {}
for i = 1, 10 do t[#t + 1] = i end
t[#t] = nil
t[#t] = nil
print(#t)
--- case: next on empty table and after last key
print(next({}), next({10}), next({10}, 1))
--- case: next with an invalid key errors
print(pcall(function() return next({}, "nokey") end))
--- case: pairs visits every key once
local t = {1, 2, 3, x = "a", y = "b"}
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. "=" .. tostring(v) end
table.sort(keys)
print(table.concat(keys, " "))
--- case: ipairs stops at the first nil
local t = {1, 2, nil, 4}
local n = 0
for i, v in ipairs(t) do n = i end
print(n)
--- case: ipairs over an empty table and strings keys
local n = 0
for _ in ipairs({a = 1, b = 2}) do n = n + 1 end
print(n)
--- case: pairs returns next
local f, t, k = pairs({})
print(f == next, k)
--- case: modifying values during traversal is allowed
local t = {a = 1, b = 2, c = 3}
for k, v in pairs(t) do t[k] = v * 10 end
print(t.a, t.b, t.c)
--- case: clearing fields during traversal is allowed
local t = {a = 1, b = 2, c = 3, d = 4}
for k in pairs(t) do t[k] = nil end
print(next(t))
--- case: rawget and rawset bypass metatables
local t = setmetatable({}, {__index = function() return "meta" end, __newindex = function() error("no") end})
rawset(t, "k", "raw")
print(t.k, t.other, rawget(t, "other"), rawget(t, "k"))
--- case: rawset returns the table
local t = {}
print(rawset(t, 1, 2) == t, t[1])
--- case: rawequal
local a, b = {}, {}
local mt = {__eq = function() return true end}
setmetatable(a, mt) setmetatable(b, mt)
print(a == b, rawequal(a, b), rawequal(a, a), rawequal(1, 1), rawequal("x", "x"), rawequal(1, "1"))
--- case: rawlen
print(rawlen({1, 2, 3}), rawlen("abcd"), rawlen(setmetatable({1}, {__len = function() return 99 end})))
--- case: rawlen of a number errors
print(pcall(function() return rawlen(5) end))
--- case: table constructors with trailing separators and mixed keys
local t = {1, 2; 3, x = 4, [10] = 5, "four",}
print(#t, t[4], t.x, t[10])
--- case: constructor with call at the end expands
local function three() return 1, 2, 3 end
local t = {three(), three()}
local u = {three(), (three())}
print(#t, #u)
--- case: nested tables
local t = {a = {b = {c = "deep"}}}
print(t.a.b.c, t["a"]["b"]["c"])
--- case: integer and float keys are the same
local t = {}
t[1] = "a"
t[1.0] = "b"
t[2^0] = "c"
print(t[1], #t)
--- case: boolean keys
local t = {[true] = "yes", [false] = "no"}
print(t[true], t[false], t[1 == 1])
--- case: nil key read is nil and write errors
local t = {}
print(t[nil])
print(pcall(function() t[nil] = 1 end))
--- case: table.concat with numbers
print(table.concat({1, 2.5, 2^53, -0.0}, "|"))
--- case: unpack with explicit huge range errors
print(pcall(function() return select("#", table.unpack({}, 1, 2e6)) end))
--- case: table.sort with nil comparator uses less than
local t = {3, 1, 2}
table.sort(t, nil)
print(table.concat(t))
--- case: table functions check their table argument
print(pcall(function() table.insert(nil, 1) end))
print(pcall(function() table.concat("abc") end))
--- case: tostring of a table is table-prefixed
print(tostring({}):match("^table: ") ~= nil, tostring(print):match("^function: ") ~= nil)
--- case: select over table.unpack with holes
local t = {n = 3, 1, nil, 3}
print(select("#", table.unpack(t, 1, t.n)))
