-- Control flow: numeric and generic for, while, repeat, goto and labels.
--- case: numeric for counts up and down
for i = 1, 3 do io.write(i, " ") end
for i = 3, 1, -1 do io.write(i, " ") end
print()
--- case: numeric for with an empty range
local n = 0
for i = 1, 0 do n = n + 1 end
for i = 0, 1, -1 do n = n + 1 end
print(n)
--- case: numeric for with a float step
for i = 0, 1, 0.25 do io.write(i, " ") end
print()
--- case: numeric for with a float step accumulating error
local n, last = 0, nil
for i = 0, 1, 0.1 do n = n + 1 last = i end
print(n, last)
--- case: numeric for with float bounds
for i = 1.5, 4 do io.write(i, " ") end
print()
--- case: numeric for with a negative float step
for i = 1, 0, -0.5 do io.write(i, " ") end
print()
--- case: numeric for with string bounds coerces
for i = "1", "3" do io.write(i, type(i), " ") end
print()
--- case: numeric for with a zero step repeats (bounded by break)
local n = 0
for i = 1, 1, 0 do n = n + 1 if n > 5 then break end end
print(n)
--- case: numeric for with a non-number initial value errors
print(pcall(function() for i = "a", 2 do end end))
--- case: numeric for with a nil limit errors
print(pcall(function() for i = 1, nil do end end))
--- case: numeric for with a table step errors
print(pcall(function() for i = 1, 2, {} do end end))
--- case: modifying the loop variable does not change iteration
local seen = {}
for i = 1, 3 do seen[#seen + 1] = i i = i * 10 end
print(table.concat(seen, ","))
--- case: for loop with large bounds near 2^53
local n = 0
for i = 2^53 - 4, 2^53 - 1 do n = n + 1 end
print(n, 2^53 - 1)
--- case: for loop with infinite limit and break
local n = 0
for i = 1, math.huge do n = n + 1 if i >= 5 then break end end
print(n)
--- case: generic for with a custom stateless iterator
local function iter(max, i) if i < max then return i + 1, (i + 1) ^ 2 end end
for i, sq in iter, 4, 0 do io.write(i, ":", sq, " ") end
print()
--- case: generic for with a closure iterator
local function range(n)
  local i = 0
  return function() i = i + 1 if i <= n then return i end end
end
local s = 0
for i in range(5) do s = s + i end
print(s)
--- case: generic for calling a non-function errors
print(pcall(function() for x in 5 do end end))
--- case: while with break
local i = 0
while true do i = i + 1 if i == 7 then break end end
print(i)
--- case: repeat until sees body locals
local i = 0
repeat local done = i >= 3 i = i + 1 until done
print(i)
--- case: nested loops with break only exits inner
local out = {}
for i = 1, 3 do
  for j = 1, 3 do
    if j > i then break end
    out[#out + 1] = i .. j
  end
end
print(table.concat(out, " "))
--- case: goto continue idiom
for i = 1, 6 do
  if i % 2 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
--- case: goto backwards makes a loop
local i = 1
::top::
io.write(i, " ")
i = i + 1
if i <= 4 then goto top end
print()
--- case: goto out of nested loops
for i = 1, 3 do
  for j = 1, 3 do
    if i * j == 4 then goto done end
  end
end
::done::
print("escaped")
--- case: goto into a nested block is an error
local f, err = load("goto inner; do ::inner:: end")
print(f, err)
--- case: goto jumping into the scope of a local is an error
local f, err = load("goto skip; local x = 1; ::skip:: print(x)")
print(f, err)
--- case: goto to a label at the end of a block may skip a local
do
  goto finish
  local x = 1
  ::finish::
end
print("ok")
--- case: duplicate labels are an error
local f, err = load("::a:: ::a::")
print(f, err)
--- case: undefined label is an error
local f, err = load("goto nowhere")
print(f, err)
--- case: labels in nested functions are separate
local function f()
  goto l
  do return "not here" end
  ::l::
  return "jumped"
end
print(f())
--- case: goto continue with closures in the loop
local fs = {}
for i = 1, 4 do
  local v = i * 2
  if i == 2 then goto cont end
  fs[#fs + 1] = function() return v end
  ::cont::
end
print(#fs, fs[1](), fs[2](), fs[3]())
--- case: break outside a loop is an error
local f, err = load("break")
print(f, err)
--- case: if elseif else chain
local function classify(n)
  if n < 0 then return "neg" elseif n == 0 then return "zero" elseif n < 10 then return "small" else return "big" end
end
print(classify(-1), classify(0), classify(5), classify(50))
--- case: and or short circuit values
print(nil or "default", false and error("no"), 1 and 2, nil and 1, false or nil, 0 or 1, "" or 1)
--- case: not operator
print(not nil, not false, not 0, not "", not not nil)
--- case: do block scopes locals
local x = "outer"
do local x = "inner" print(x) end
print(x)
--- case: shadowing in the same scope
local x = 1
local x = x + 1
print(x)
--- case: numeric for loop variable is local to the loop
i = "global"
for i = 1, 2 do end
print(i)
--- case: while loop with a complex condition
local a, b = 0, 10
while a < b and b - a > 2 do a = a + 1 b = b - 1 end
print(a, b)
--- case: repeat with continue via goto
local i = 0
local out = {}
repeat
  i = i + 1
  if i == 2 then goto skip end
  out[#out + 1] = i
  ::skip::
until i >= 4
print(table.concat(out, ","))
--- case: == and ~= across kinds: strings and numbers by value, the rest by identity
local a, b = "ab", "a" .. "b"
local nan = 0/0
local t = {}
local f = io.stdout
print(a == b, a ~= b, "10" == 10, 10 == 10.0, nan == nan, nan ~= nan, nil == false, false == false, true == true)
print(nil == nil, t == t, t == {}, f == io.stdout, f == io.stderr, a == nil, nil == a, 1 == "1", "" == "", a == "abc")
local co = coroutine.wrap(function(x, y) coroutine.yield(x == y) return x ~= y end)
print(co("x" .. 1, "x1"), co())
