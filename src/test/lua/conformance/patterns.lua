-- Patterns: find, match, gmatch, gsub.
--- case: find a plain substring
print(("hello world"):find("wor"), ("hello"):find("xyz"), ("hello"):find(""), ("hello"):find("", 10))
--- case: find with init
print(("abcabc"):find("b", 3), ("abcabc"):find("b", -2), ("abc"):find("a", -10), ("abc"):find("", 4))
--- case: find plain ignores magic characters
print(("a.b*c"):find(".", 1, true), ("a.b*c"):find("*c", 1, true), ("a+b"):find("+", 1, true))
--- case: find returns captures after positions
print(("key=value"):find("(%w+)=(%w+)"))
--- case: match returns the whole match without captures
print(("hello 123 world"):match("%d+"), ("abc"):match("x"), ("abc"):match(".-"), ("abc"):match(".*"))
--- case: match with captures
print(("2024-01-15"):match("(%d+)-(%d+)-(%d+)"))
--- case: match with init
print(("a1b2c3"):match("%a%d", 3), ("a1b2c3"):match("%a%d", -2))
--- case: class %a %d %l %u
local s = "aB3 _x!Z"
print(s:gsub("%a", "."), s:gsub("%d", "."), s:gsub("%l", "."), s:gsub("%u", "."))
--- case: class %s %w %p %c %x
local s = "a 1\t,\nF;g\1"
print((s:gsub("%s", "S")), (s:gsub("%w", "W")), (s:gsub("%p", "P")), (s:gsub("%c", "C")), (s:gsub("%x", "X")))
--- case: complemented classes
local s = "ab 12!"
print((s:gsub("%A", "_")), (s:gsub("%D", "_")), (s:gsub("%S", "_")), (s:gsub("%W", "_")))
--- case: %g printable except space
print((("a b\tc~"):gsub("%g", "G")))
--- case: character sets
print(("hello world"):gsub("[aeiou]", "*"))
print(("hello world"):gsub("[^aeiou ]", "-"))
--- case: ranges in sets
print(("abcxyz0189"):gsub("[a-cx-z]", "#"), ("abcXYZ"):gsub("[%u]", "U"))
--- case: set with closing bracket and dash
print(("a]b-c"):gsub("[]]", "!"), ("a]b-c"):gsub("[a-]", "?"), ("a^b"):gsub("[%^]", "v"))
--- case: dot matches any byte including newline and zero
print(#("a\nb\0c"):match("a.b.c"))
--- case: quantifier star is greedy
print(("aaab"):match("a*"), ("<a><b>"):match("<.*>"))
--- case: quantifier minus is lazy
print(("<a><b>"):match("<.->"), ("aaa"):match("a-"), ("aaab"):match("a-b"))
--- case: quantifier plus and question mark
print(("aaab"):match("a+"), ("b"):match("a+"), ("color colour"):gsub("colou?r", "C"))
--- case: anchors
print(("hello"):find("^h"), ("hello"):find("^e"), ("hello"):find("o$"), ("hello"):find("l$"))
--- case: caret is literal when not first
print(("a^b"):find("a^b"), ("a$b"):find("a$b"))
--- case: anchored gmatch in 5.2 matches a literal caret
local n = 0
for w in ("^a^b"):gmatch("^.") do n = n + 1 io.write(w, " ") end
print(n)
--- case: position captures
print(("hello"):find("()ll()"), ("hello"):match("()"), ("abc"):match("()$"))
--- case: nested captures are numbered by opening parenthesis
print(("abcd"):match("((a)(b)(c(d)))"))
--- case: back references
print(("hello"):find("(l)%1"), ([[say "hi" or 'yo']]):match("([\"'])(.-)%1"))
--- case: balanced match %b
print(("f(a(b)c) x"):match("%b()"), ("[[x]]"):match("%b[]"), ("no parens"):match("%b()"))
--- case: balanced match with same delimiters
print(("|a|b|"):match("%b||"), ("if x then y end"):match("%bie") == nil)
--- case: frontier pattern
print(("THE (quick) fox"):gsub("%f[%a]%a+", "W"))
print(("hello world"):find("%f[%w]%w+", 2))
--- case: frontier at string edges
print(("abc"):find("%f[%a]"), ("abc"):find("%f[%A]"), ("abc"):match("%f[%z]") == nil)
--- case: escaped magic characters
print(("a.b"):match("%."), ("1+1=2"):match("%d%+%d"), ("50%"):match("%d+%%"), ("(x)"):match("%((.)%)"))
--- case: gmatch words
local t = {}
for w in ("one two  three"):gmatch("%a+") do t[#t + 1] = w end
print(#t, table.concat(t, "|"))
--- case: gmatch with captures
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do io.write(k, "->", v, ";") end
print()
--- case: gmatch with empty matches
local t = {}
for w in ("abc"):gmatch("x*") do t[#t + 1] = "[" .. w .. "]" if #t > 10 then break end end
print(#t, table.concat(t))
--- case: gmatch with position captures
for p in ("a,b,c"):gmatch("(),") do io.write(p, " ") end
print()
--- case: gsub with a string replacement and count
print(("hello world"):gsub("o", "0"))
print(("hello world"):gsub("o", "0", 1))
print(("hello world"):gsub("o", "0", 0))
--- case: gsub with captures in the replacement
print(("hello world"):gsub("(%w+)", "<%1>"))
print(("hello world"):gsub("%w+", "%0 %0"))
print(("abc"):gsub("(a)(b)(c)", "%3%2%1"))
--- case: gsub with an escaped percent in the replacement
print(("50"):gsub("%d+", "%0%%"))
--- case: gsub with an invalid replacement capture errors
print(pcall(function() return ("abc"):gsub("a", "%2") end))
--- case: gsub with a bad percent escape in the replacement
print(pcall(function() return ("abc"):gsub("a", "%x") end))
--- case: gsub with a table replacement
local t = {name = "lem", version = 52}
print(("$name is $version, $missing"):gsub("%$(%w+)", t))
--- case: gsub with a function replacement
print(("1 2 3"):gsub("%d", function(d) return d * 2 end))
--- case: gsub function returning nil or false keeps the match
print(("a b c"):gsub("%a", function(c) if c == "b" then return nil end return c:upper() end))
print(("a b c"):gsub("%a", function(c) return false end))
--- case: gsub replacement value of invalid type errors
print(pcall(function() return ("abc"):gsub("b", function() return {} end) end))
--- case: gsub with empty pattern
print(("abc"):gsub("", "-"))
--- case: gsub with anchored pattern replaces once
print(("aaa"):gsub("^a", "b"))
--- case: gsub with position capture in replacement
print(("abc"):gsub("()", "%1"))
--- case: gsub with numbers as replacement
print(("x y"):gsub("%a", 7))
--- case: gsub whole-match capture index zero with a function
print(("k1 k2"):gsub("k(%d)", function(d) return "<" .. d .. ">" end))
--- case: malformed pattern ending with percent
print(pcall(function() return ("abc"):find("%") end))
--- case: malformed pattern missing bracket
print(pcall(function() return ("abc"):find("[a") end))
--- case: malformed pattern unfinished capture
print(pcall(function() return ("abc"):find("(a") end))
--- case: malformed pattern invalid capture close
print(pcall(function() return ("abc"):match("a)") end))
print(pcall(function() return ("a)"):find("a)") end))
--- case: malformed pattern bad back reference
print(pcall(function() return ("abc"):find("%1") end))
--- case: malformed balanced pattern
print(pcall(function() return ("abc"):find("%b") end))
--- case: malformed frontier pattern
print(pcall(function() return ("abc"):find("%fa") end))
--- case: too many captures errors
local p = ("()"):rep(40)
print(pcall(function() return ("abc"):match(p) end))
--- case: match on a number subject
print(string.match(12345, "2(%d)4"), string.find(3.5, ".", 1, true))
--- case: gsub on a pattern with zero byte
print(("a\0b"):gsub("%z", "Z"), ("a\0b"):find("\0", 1, true))
--- case: case-insensitive matching via sets
local function ci(p) return (p:gsub("%a", function(c) return "[" .. c:lower() .. c:upper() .. "]" end)) end
print(ci("lua"), ("I love LUA"):match(ci("lua")))
--- case: split a string on commas keeping empty fields
local out = {}
for field in ("a,,b,"):gmatch("([^,]*),?") do out[#out + 1] = "<" .. field .. ">" end
print(table.concat(out))
--- case: trim idiom
print("[" .. ("  padded  "):match("^%s*(.-)%s*$") .. "]", "[" .. ("   "):match("^%s*(.-)%s*$") .. "]")
--- case: match longest with optional sign and decimals
for _, s in ipairs({"-12.5e3", "+7", "x", "3."}) do io.write(tostring(s:match("^[+-]?%d+%.?%d*")), " ") end
print()
