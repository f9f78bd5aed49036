-- Numbers: arithmetic, tostring/tonumber, special values, boundaries.
--- case: integer-valued floats print without a fraction
print(1, 10 / 2, 3.0, -7, 100 * 3)
--- case: fractions print with 14 significant digits
print(1.5, 1 / 3, 2 / 3, -0.1, 0.1 + 0.2)
--- case: large integers switch to exponent notation
print(2^53, 2^63, 1e15, 1e14, 123456789012345, 99999999999999)
--- case: small numbers
print(1e-5, 0.0001, 1.5e-10, 5e-324, 2.2250738585072014e-308)
--- case: exponent literals
print(1e2, 1E2, 1e+2, 2.5e-1, .5, 5., 3e0)
--- case: hex literals
print(0x10, 0xff, 0XA, 0xDEADBEEF, 0x7fffffff, 0xffffffff)
--- case: hex float literals
print(0x.8, 0x1p4, 0xA.8p1, 0x1P-2)
--- case: huge and infinity
print(math.huge, -math.huge, 1 / 0, -1 / 0, 1e309, -1e309)
--- case: nan is not equal to itself
local nan = 0 / 0
print(nan ~= nan, nan == nan, nan < 1, nan > 1, nan <= nan)
--- case: tostring of nan
print(0 / 0, -(0 / 0))
--- case: negative zero
local z = 0
print(-z, 0 * -1, -z == z, 1 / -z)
--- case: integer division results
print(7 / 2, -7 / 2, 6 / 3, 1 / 8)
--- case: modulo with mixed signs
print(5 % 3, -5 % 3, 5 % -3, -5 % -3, 0 % 5)
--- case: modulo with floats
print(5.5 % 2, -5.5 % 2, 3 % 0.5, 1 % 0.3)
--- case: modulo by zero and infinity
local a, b, c = 1 % 0, 5 % math.huge, -5 % math.huge
print(a ~= a, b ~= b, c ~= c)
--- case: power operator
print(2 ^ 10, 2 ^ 0.5, 2 ^ -1, (-8) ^ (1/3) ~= (-8) ^ (1/3), 10 ^ 2)
--- case: power is right associative and binds tighter than unary minus
print(2 ^ 3 ^ 2, -2 ^ 2, (-2) ^ 2)
--- case: operator precedence
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 2 * 3 % 4, -3 % 5, not nil == true)
--- case: unary minus on strings coerces
print(-"2", - "0x10", -" 3 ")
--- case: arithmetic coerces numeric strings
print("10" + 1, "3" * "4", "2" ^ 3, "0x10" + 0, " 5 " - 1, "1e1" / 2)
--- case: arithmetic on non-numeric string errors
print(pcall(function() return "abc" + 1 end))
--- case: comparison of numbers
print(1 < 2, 2 < 1, 1 <= 1, -1 > -2, 1.5 >= 1.5, 0 == -0)
--- case: comparison of strings
print("a" < "b", "abc" < "abd", "" < "a", "Z" < "a", "10" < "9", "a\0b" < "a\0c")
--- case: numbers and strings are never equal
print(1 == "1", "1" == 1, 0 == false, nil == false)
--- case: tonumber basics
print(tonumber("10"), tonumber("10.5"), tonumber("-3"), tonumber("1e3"), tonumber(".5"), tonumber("5."))
--- case: tonumber with surrounding spaces
print(tonumber("  12  "), tonumber("\t7\n"), tonumber(" 0x1F "))
--- case: tonumber rejects malformed text
print(tonumber(""), tonumber(" "), tonumber("1 2"), tonumber("abc"), tonumber("1e"), tonumber("--1"), tonumber("0x"))
--- case: tonumber rejects inf and nan words
print(tonumber("inf"), tonumber("nan"), tonumber("-inf"), tonumber("infinity"))
--- case: tonumber of hex strings
print(tonumber("0x10"), tonumber("0XfF"), tonumber("-0x10"), tonumber("0x1p4"), tonumber("0x.1"))
--- case: tonumber with a base
print(tonumber("ff", 16), tonumber("FF", 16), tonumber("777", 8), tonumber("11", 2), tonumber("zz", 36), tonumber("Z", 36))
--- case: tonumber with a base rejects bad digits
print(tonumber("8", 8), tonumber("2", 2), tonumber("1.5", 10), tonumber("", 10), tonumber("g", 16))
--- case: tonumber with a base and spaces or sign
print(tonumber(" 11 ", 2), tonumber("-ff", 16), tonumber("  -10", 10))
--- case: tonumber with a base out of range
print(pcall(function() return tonumber("10", 1) end))
print(pcall(function() return tonumber("10", 37) end))
--- case: tonumber of non-strings
print(tonumber(nil), tonumber(true), tonumber({}) , tonumber(42), tonumber(4.5))
--- case: tonumber with no argument errors
print(pcall(function() return tonumber() end))
--- case: tostring of numbers
print(tostring(1), tostring(-1.25), tostring(1e100), tostring(2^31), tostring(-2^31))
--- case: numbers concatenate using their tostring form
print(1 .. "", 1.5 .. "|", 2^53 .. "", -0.0 .. "", 10 / 2 .. "")
--- case: number to string round trip for 14 digits
local x = 3.14159265358979
print(x, tonumber(tostring(x)) == x, 0.1, 1/3 == tonumber(tostring(1/3)))
--- case: float integer boundaries
print(2^53 + 1 == 2^53, 2^53 - 1, 2^31 + 0.5, -2^63)
--- case: large number arithmetic
print(1e308 * 10, -1e308 * 10, 1e308 + 1e308 - 1e308)
--- case: string.format of big integer with %d
print(string.format("%d", 2^31), string.format("%d", -2^31), string.format("%d", 2^53))
--- case: math.floor and math.ceil
print(math.floor(3.7), math.floor(-3.7), math.ceil(3.2), math.ceil(-3.2), math.floor(5), math.ceil(-0.5))
--- case: math.fmod and math.modf
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.modf(3.75), math.modf(-3.75))
--- case: math.max and math.min
print(math.max(1, 5, 3), math.min(1, 5, 3), math.max(-1), math.min(2.5, 2), math.max(1, "10"))
--- case: math.max without arguments errors
print(pcall(function() return math.max() end))
--- case: math.abs and math.sqrt
print(math.abs(-4), math.abs(4.5), math.sqrt(16), math.sqrt(2), math.sqrt(-1) ~= math.sqrt(-1))
--- case: math.pi and trigonometry
print(math.pi, math.sin(0), math.cos(0), math.floor(math.sin(math.pi / 2) * 1000 + 0.5))
--- case: math.exp and math.log
print(math.exp(0), math.log(1), math.log(8, 2), math.log(100, 10), math.log(math.exp(2)))
--- case: math.random with a seed is in range
math.randomseed(42)
local ok = true
for i = 1, 100 do
  local r = math.random(1, 6)
  if r < 1 or r > 6 or r ~= math.floor(r) then ok = false end
  local f = math.random()
  if f < 0 or f >= 1 then ok = false end
end
print(ok)
--- case: math.random with empty interval errors
print(pcall(function() return math.random(5, 1) end))
--- case: numeric for loop accumulating floats
local s = 0
for i = 1, 10 do s = s + 0.1 end
print(s, s == 1, string.format("%.17g", s))
--- case: integer string keys are not number keys
local t = {}
t[1] = "number"
t["1"] = "string"
t[1.0] = "float one"
print(t[1], t["1"], #t)
--- case: float keys that are integers normalise
local t = {}
t[2^53] = "big"
t[3.0] = "three"
print(t[2^53], t[3])
--- case: math.huge as a table key
local t = {[math.huge] = "inf", [-math.huge] = "-inf"}
print(t[1/0], t[-1/0])
--- case: nan as a table key errors
print(pcall(function() local t = {} t[0/0] = 1 end))
--- case: tostring of very precise numbers
print(123456.789, 0.000123456789, 1234567890.12345, 12345678901234567890)
--- case: number literal with many digits
print(3.14159265358979323846, 100000000000000, 1000000000000000)
--- case: modulo of integers held in variables (not folded by the compiler)
local vals = {-7, -4, -1, 0, 1, 3, 5, 2147483647, -2147483648}
local divs = {-3, -1, 1, 2, 7, 0}
local out = {}
for _, a in ipairs(vals) do
	for _, b in ipairs(divs) do out[#out + 1] = tostring(a % b) end
end
print(table.concat(out, ' '))
--- case: type answers every kind of value
print(type(1), type(1.5), type('x'), type(nil), type({}), type(print), type(io.stdout), type(coroutine.create(print)), type(true))
