-- Coroutines: create, resume, yield, status, wrap, errors.
--- case: resume passes values in and out
local co = coroutine.create(function(a, b)
  local c = coroutine.yield(a + b)
  local d, e = coroutine.yield(c * 2)
  return d + e
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.resume(co))
--- case: status through the lifecycle
local co
co = coroutine.create(function()
  print("inside", coroutine.status(co))
  coroutine.yield()
end)
print(coroutine.status(co))
coroutine.resume(co)
print(coroutine.status(co))
coroutine.resume(co)
print(coroutine.status(co))
--- case: status normal for a resuming coroutine
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function() return coroutine.status(outer) end)
  return coroutine.resume(inner)
end)
print(coroutine.resume(outer))
--- case: resume a dead coroutine
local co = coroutine.create(function() end)
coroutine.resume(co)
print(coroutine.resume(co))
--- case: resume a running coroutine fails
local co
co = coroutine.create(function() return coroutine.resume(co) end)
print(coroutine.resume(co))
--- case: yield returns resume arguments count
local co = coroutine.create(function(...)
  print("start", select("#", ...))
  print("got", select("#", coroutine.yield()))
end)
coroutine.resume(co, nil, nil)
coroutine.resume(co)
--- case: error inside a coroutine is returned by resume
local co = coroutine.create(function() error("oops") end)
print(coroutine.resume(co))
print(coroutine.status(co))
--- case: error with a table value inside a coroutine
local co = coroutine.create(function() error({code = 42}) end)
local ok, e = coroutine.resume(co)
print(ok, type(e), e.code)
--- case: error with level 0 inside a coroutine
local co = coroutine.create(function() error("plain", 0) end)
print(coroutine.resume(co))
--- case: runtime error inside a coroutine names the variable
local co = coroutine.create(function() local t = nil return t.x end)
print(coroutine.resume(co))
--- case: wrap returns values directly
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end return "end" end)
print(gen(), gen(), gen(), gen())
--- case: wrap propagates errors with position
local f = coroutine.wrap(function() error("inside wrap") end)
print(pcall(f))
--- case: wrap propagates non-string errors unchanged
local f = coroutine.wrap(function() error({msg = "tbl"}) end)
local ok, e = pcall(f)
print(ok, type(e), e.msg)
--- case: calling a dead wrap errors
local f = coroutine.wrap(function() end)
f()
print(pcall(f))
--- case: wrap as a generic for iterator
local function chars(s)
  return coroutine.wrap(function() for c in s:gmatch(".") do coroutine.yield(c) end end)
end
local out = {}
for c in chars("abc") do out[#out + 1] = c:upper() end
print(table.concat(out))
--- case: yield across pcall
local co = coroutine.create(function()
  local ok, v = pcall(function()
    local got = coroutine.yield("from inside pcall")
    return got * 2
  end)
  return ok, v
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 21))
--- case: error after yield inside pcall is caught
local co = coroutine.create(function()
  return pcall(function()
    coroutine.yield(1)
    error("late")
  end)
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
--- case: yield across xpcall with a handler
local co = coroutine.create(function()
  return xpcall(function()
    coroutine.yield("y")
    error("boom")
  end, function(m) return "handled: " .. m end)
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
--- case: yield from nested function calls
local function deep(n) if n == 0 then return coroutine.yield("bottom") end return deep(n - 1) end
local co = coroutine.create(function() return deep(50) end)
print(coroutine.resume(co))
print(coroutine.resume(co, "back"))
--- case: yield inside a metamethod
local t = setmetatable({}, {__index = function(_, k) return coroutine.yield(k) end})
local co = coroutine.create(function() return t.key end)
print(coroutine.resume(co))
print(coroutine.resume(co, "value"))
--- case: yield inside a table.sort comparator fails
--- differs: lem's coroutines yield across Java callbacks (sort comparators, gsub functions, metamethods), as issue 2 and the reference's "differs" section ask; Lua 5.2 cannot yield across its C functions
local co = coroutine.create(function()
  table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end)
end)
print(coroutine.resume(co))
--- case: yield outside a coroutine errors
--- differs: lem runs the main chunk in a coroutine (reference 1.2), so a yield there suspends the main task
print(pcall(function() return coroutine.yield(1) end))
--- case: coroutine.running inside a coroutine
local co
co = coroutine.create(function()
  local r, ismain = coroutine.running()
  return r == co, ismain
end)
print(coroutine.resume(co))
--- case: coroutine.running in the main chunk
--- differs: lem runs the main chunk in a coroutine (reference 1.2)
local r, ismain = coroutine.running()
print(type(r), ismain)
--- case: create with a non-function errors
print(pcall(function() return coroutine.create(5) end))
--- case: resume with a non-coroutine errors
print(pcall(function() return coroutine.resume({}) end))
--- case: status with a non-coroutine errors
print(pcall(function() return coroutine.status(nil) end))
--- case: type of a coroutine
print(type(coroutine.create(function() end)))
--- case: producer consumer
local producer = coroutine.create(function()
  for _, item in ipairs({"a", "b", "c"}) do coroutine.yield(item) end
end)
local got = {}
for _ = 1, 10 do
  local ok, item = coroutine.resume(producer)
  if not item then break end
  got[#got + 1] = item
end
print(table.concat(got, ","), coroutine.status(producer))
--- case: many coroutines alive at once
local cos = {}
for i = 1, 1000 do
  cos[i] = coroutine.create(function(x) local y = coroutine.yield(x * 2) return x + y end)
end
local s = 0
for i = 1, 1000 do local _, v = coroutine.resume(cos[i], i) s = s + v end
for i = 1, 1000 do local _, v = coroutine.resume(cos[i], 1) s = s + v end
print(s)
--- case: coroutine returning many values
local co = coroutine.create(function() return 1, nil, 3, nil end)
print(select("#", coroutine.resume(co)))
--- case: uncaught error inside a wrap reaches the top level
local f = coroutine.wrap(function() local x = nil; return x + 1 end)
f()
--- case: yield inside a coroutine inside a coroutine
local outer = coroutine.wrap(function()
  local inner = coroutine.wrap(function() coroutine.yield("inner1") return "inner done" end)
  coroutine.yield(inner())
  coroutine.yield(inner())
  return "outer done"
end)
print(outer(), outer(), outer())
--- case: resume passes its own arguments to the body on first call only
local co = coroutine.create(function(...) return ... end)
print(coroutine.resume(co, "a", "b"))
--- case: pcall inside coroutine catches error and coroutine continues
local co = coroutine.create(function()
  local ok, e = pcall(error, "caught")
  coroutine.yield(ok, e)
  return "after"
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
--- case: error in the main chunk after coroutine use keeps the message
local co = coroutine.wrap(function() coroutine.yield(1) end)
co()
error("main failure")
