-- string.format: every conversion and flag.
--- case: %d and %i
print(string.format("%d %i %d %d", 42, -7, 0, 3.0))
--- case: %d truncates floats
print(string.format("%d %d %d", 3.5, -3.5, 2.999))
--- case: %d of large values
print(string.format("%d %d", 2^53, -2^62))
--- case: %d out of range errors
print(pcall(function() return string.format("%d", 1e100) end))
--- case: %d width, zero padding, left alignment
print(string.format("[%5d] [%-5d] [%05d] [%05d]", 42, 42, 42, -42))
--- case: %d sign flags
print(string.format("[%+d] [%+d] [% d] [% d] [%+5d]", 5, -5, 5, -5, 5))
--- case: %d precision
print(string.format("[%.3d] [%5.3d] [%-6.2d] [%.0d]", 5, 7, 3, 0))
--- case: %u
print(string.format("%u %u", 42, 0))
--- case: %o and %#o
print(string.format("%o %o %#o %#o", 8, 0, 8, 0))
--- case: %x %X and %#x
print(string.format("%x %X %#x %#X %x", 255, 255, 255, 255, 0))
--- case: %x of a large value
print(string.format("%x %X", 2^53, 2^32 + 15))
--- case: %x of a negative value errors
print(pcall(function() return string.format("%x", -1) end))
--- case: %x width and padding
print(string.format("[%8x] [%-8x] [%08x] [%#08x]", 48879, 48879, 48879, 48879))
--- case: %c
print(string.format("%c%c%c", 76, 117, 97), string.format("[%3c] [%-3c]", 65, 66))
--- case: %c of zero
print(#string.format("%c", 0), string.format("%c", 0) == "\0")
--- case: %f default precision
print(string.format("%f %f %f", 1, 0.5, -2.25))
--- case: %f precision and width
print(string.format("[%.2f] [%10.3f] [%-10.1f] [%010.2f] [%.0f]", math.pi, math.pi, math.pi, -math.pi, 2.7))
--- case: %f rounding is half to even in binary
print(string.format("%.0f %.0f %.0f %.0f %.2f", 0.5, 1.5, 2.5, 3.5, 2.675))
--- case: %f with flags
print(string.format("[%+f] [% f] [%#.0f] [%+.1f]", 1, 1, 1, -0.05))
--- case: %e and %E
print(string.format("%e %E %.2e %.0e", 12345.678, 0.00012, 1, 5e10))
--- case: %e with width and flags
print(string.format("[%12.3e] [%-12.3e] [%+e] [%#.0e]", 1234.5, 1234.5, 1, 3))
--- case: %g chooses notation
print(string.format("%g %g %g %g %g %g", 100000, 1000000, 0.0001, 0.00001, 1.5, 2^53))
--- case: %g and %G precision
print(string.format("%.3g %.10g %G %#g %.1g", math.pi, math.pi, 1e-20, 1, 0.15))
--- case: %.14g is what tostring uses
print(string.format("%.14g", 0.1), string.format("%.17g", 0.1), tostring(0.1))
--- case: %.20f shows binary expansion
print(string.format("%.20f", 0.1))
--- case: %f %e %g of infinity
print(string.format("%f %e %g %f", 1/0, -1/0, 1/0, -1/0))
--- case: %a hex float
print(string.format("%a %a %A", 1, 0.5, 255))
--- case: %s of various types
print(string.format("%s %s %s %s", nil, true, 12.5, "str"))
--- case: %s with width and precision
print(string.format("[%10s] [%-10s] [%.2s] [%5.1s] [%.0s]", "right", "left", "abc", "xyz", "gone"))
--- case: %s uses __tostring
local t = setmetatable({}, {__tostring = function() return "custom" end})
print(string.format("<%s>", t))
--- case: %s of a string with embedded zero
print(#string.format("%s", "a\0b"), #string.format("%.3s", "a\0bc"))
--- case: %s of a long string keeps every byte
local s = ("x"):rep(150) .. "\0" .. "y"
print(#string.format("%s", s) == #s, string.format("%s", s) == s)
--- case: %s of a missing argument errors
print(pcall(function() return string.format("%s") end))
--- case: %d of a string argument
print(string.format("%d %s %x", "10", 10, "255"))
--- case: %d of a non-numeric string errors
print(pcall(function() return string.format("%d", "x") end))
--- case: %d of a table errors
print(pcall(function() return string.format("%d", {}) end))
--- case: %q quotes special characters
print(string.format("%q", 'he said "hi"\\'))
--- case: %q of newline, carriage return, zero and control bytes
local q = string.format("%q", "a\nb\r\0c\1\127")
print(q)
print(#q)
--- case: %q of a zero followed by a digit
print(string.format("%q", "\0" .. "1"))
--- case: %q of a number
print(string.format("%q", 1 / 3), string.format("%q", 10))
--- case: %q of a table errors
print(pcall(function() return string.format("%q", {}) end))
--- case: %q with a width is accepted
print(string.format("%10q", "x"))
--- case: %% produces a percent
print(string.format("%d%%", 50), string.format("%%d"), string.format("100%%"))
--- case: format with no conversions
print(string.format("plain text"), string.format(""))
--- case: extra arguments are ignored
print(string.format("%d", 1, 2, 3))
--- case: invalid conversion errors
print(pcall(function() return string.format("%y", 1) end))
--- case: width too long errors
print(pcall(function() return string.format("%123d", 1) end))
--- case: precision too long errors
print(pcall(function() return string.format("%.123f", 1) end))
--- case: precision 99 is allowed
print(#string.format("%.99f", 1))
--- case: format number argument as format string
print(string.format(12), string.format(1.5))
--- case: format of many arguments
print(string.format("%s-%s-%s-%s-%s-%s-%s-%s-%s-%s", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
--- case: format negative zero
print(string.format("%d %f %g %e", -0.0, -0.0, -0.0, -0.0))
--- case: combined flags
print(string.format("[%-+8.2f] [%+08.2f] [% 08.2f] [%-#8x]", 3.14159, 3.14159, 3.14159, 255))
--- case: %5.3s on short strings
print(string.format("[%5.3s] [%-5.3s]", "ab", "abcdef"))
