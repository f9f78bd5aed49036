-- bit32 and collectgarbage: the rest of the 5.2 base libraries.
--- case: bit32 and or xor not
print(bit32.band(0xF0, 0x3C), bit32.bor(0xF0, 0x0F), bit32.bxor(0xFF, 0x0F), bit32.bnot(0))
--- case: bit32 with several and no arguments
print(bit32.band(), bit32.bor(), bit32.bxor(), bit32.band(7, 6, 4), bit32.bor(1, 2, 4, 8))
--- case: bit32 shifts
print(bit32.lshift(1, 4), bit32.rshift(256, 4), bit32.lshift(1, 31), bit32.lshift(1, 32), bit32.rshift(1, -4))
--- case: bit32 arithmetic shift
print(bit32.arshift(0x80000000, 4), bit32.arshift(-16, 2), bit32.arshift(16, 2))
--- case: bit32 rotations
print(bit32.lrotate(0x80000001, 1), bit32.rrotate(1, 1), bit32.lrotate(0x12345678, 32))
--- case: bit32 btest
print(bit32.btest(1, 2), bit32.btest(3, 2), bit32.btest())
--- case: bit32 extract and replace
print(bit32.extract(0xABCD, 4, 8), bit32.extract(0xFF, 0), bit32.replace(0, 0xF, 4, 4), bit32.replace(0xFFFF, 0, 8, 4))
--- case: bit32 extract out of range errors
print(pcall(function() return bit32.extract(1, 30, 4) end))
--- case: bit32 normalises negative and fractional inputs
print(bit32.band(-1), bit32.bor(2^32 + 5), bit32.band(3.7), bit32.bnot(-1))
--- case: bit32 rejects non-numbers
print(pcall(function() return bit32.band("x") end))
--- case: collectgarbage count returns a number
local kb = collectgarbage("count")
print(type(kb), kb > 0)
--- case: collectgarbage collect returns zero
print(collectgarbage(), collectgarbage("collect"))
--- case: collectgarbage with an invalid option errors
print(pcall(function() return collectgarbage("bogus") end))
--- case: next and select are the raw primitives
local t = {10}
print(next(t), select("#", next({})))
--- case: tostring and tonumber are inverses for integers
local ok = true
for i = -1000, 1000, 7 do if tonumber(tostring(i)) ~= i then ok = false end end
print(ok)
--- case: table.unpack is a function
print(type(table.unpack), table.unpack({1, 2}, 1, 2))
