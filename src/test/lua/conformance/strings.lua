-- Strings: the string library except patterns and format.
--- case: sub with positive indices
local s = "hello world"
print(s:sub(1, 5), s:sub(7), s:sub(5, 5), s:sub(3, 2) == "")
--- case: sub with negative indices
local s = "hello world"
print(s:sub(-5), s:sub(-5, -2), s:sub(2, -2), s:sub(-100, 3))
--- case: sub out of range
local s = "abc"
print("[" .. s:sub(4) .. "]", "[" .. s:sub(0) .. "]", "[" .. s:sub(2, 100) .. "]", "[" .. s:sub(-1, -3) .. "]")
--- case: sub with float indices
print(("abcdef"):sub(2.0, 4), ("abcdef"):sub("2", "3"))
--- case: sub with a non-number index errors
print(pcall(function() return ("abc"):sub("x") end))
--- case: byte with ranges
print(string.byte("ABC"), string.byte("ABC", 2), string.byte("ABC", -1))
print(string.byte("ABC", 1, 3))
print(string.byte("ABC", 2, -1))
--- case: byte out of range gives nothing
print(select("#", string.byte("abc", 10)), select("#", string.byte("")), select("#", string.byte("abc", 3, 1)))
--- case: char builds strings
print(string.char(72, 105, 33), string.char() == "", #string.char(0, 1, 2))
--- case: char rejects out of range values
print(pcall(function() return string.char(256) end))
print(pcall(function() return string.char(-1) end))
--- case: byte and char round trip all bytes
local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local s = table.concat(t)
local ok = #s == 256
for i = 0, 255 do if s:byte(i + 1) ~= i then ok = false end end
print(ok, #s)
--- case: rep
print(("ab"):rep(3), ("x"):rep(0) == "", ("x"):rep(-1) == "", ("ab"):rep(1))
--- case: rep with separator
print(("ab"):rep(3, ","), ("x"):rep(1, "-"), ("x"):rep(0, "-") == "", ("a"):rep(2, ""))
--- case: reverse
print(("hello"):reverse(), (""):reverse() == "", ("a"):reverse(), ("ab\0c"):reverse() == "c\0ba")
--- case: upper and lower
print(("Hello World 123"):upper(), ("Hello World 123"):lower(), (""):upper() == "")
--- case: len and the length operator
print(("hello"):len(), #"hello", #"", #"a\0b", string.len("\n\t"))
--- case: concatenation with numbers
print(1 .. 2, "a" .. 1, 1.5 .. "b", "x" .. -3, 2^63 .. "")
--- case: concatenation is right associative
local s = "a" .. "b" .. "c" .. 1 .. 2
print(s, #s)
--- case: concatenating a boolean errors
print(pcall(function() return "a" .. true end))
--- case: string methods through the string metatable
local s = "abc"
print(s:upper(), ("%d"):format(5), #s:rep(3), s.len == string.len)
--- case: indexing a string with a missing method gives nil
local s = "abc"
print(s.foo, s[1])
--- case: escape sequences
print("a\tb", "q\"q", 'q\'q', "back\\slash", "\65\066\x43", "\z
      continued")
--- case: decimal escapes of zero and high bytes
local s = "\0\1\255"
print(#s, s:byte(1, -1))
--- case: hex escapes
print("\x41\x62\x7A", #"\x00\xff")
--- case: long strings
local s = [[
first line
second]]
print(s, #s)
--- case: long strings with levels
print([==[a]]b]=]c]==], [=[
]=] == "")
--- case: newline escapes in strings
local s = "a\
b"
print(s, #s, s:byte(2))
--- case: tostring of basic values
print(tostring(nil), tostring(true), tostring(false), tostring("x"), tostring(12))
--- case: tostring with no argument errors
print(pcall(function() return tostring() end))
--- case: string comparison uses byte order
local t = {"b", "B", "a", "A", "_", "1", "aa", ""}
table.sort(t)
print(table.concat(t, ","))
--- case: string.len of a number argument
print(string.len(12345), string.upper(12), string.rep(1, 3))
--- case: string functions reject tables
print(pcall(function() return string.upper({}) end))
--- case: string.sub with no arguments errors
print(pcall(function() return string.sub() end))
--- case: type of values
print(type(1), type("s"), type(nil), type(true), type({}), type(print), type(type), type(coroutine.create(print)))
--- case: type with no argument errors
print(pcall(function() return type() end))
--- case: string coercion in concat with floats
print(0.1 .. "", 1e100 .. "", -1e-100 .. "", (1/0) .. "")
--- case: string.byte of negative start
print(("hello"):byte(-3, -1))
--- case: long string rep
local s = ("abc"):rep(1000)
print(#s, s:sub(-3), s:sub(2998))
--- case: bytes above 127 are written unchanged
io.write("caf\195\169 ", "\200\255", "\n")
print(#"caf\195\169", ("\195\169"):byte(1, -1))
--- case: upper and lower leave bytes above 127 alone
print(("\233abc\201"):upper():byte(1, -1))
