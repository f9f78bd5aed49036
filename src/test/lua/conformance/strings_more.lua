-- Strings, more: the corners of the pattern engine, string.rep/sub/byte/char, tonumber and string coercion.
--- case: set with a closing bracket first
print(("a]b"):find("[]]"), ("a]b"):match("[]a]+"), ("x]"):find("[^]]"))
--- case: negated set and a literal caret
print(("^ab"):match("[^^]+"), ("a^b"):find("[b^]"), ("abc"):match("[^%a]"))
--- case: dash at the edges of a set is literal
print(("a-b"):find("[a-]", 2), ("a-b"):find("[-b]"), ("-"):match("[%-]"), ("b"):match("[a-c]"))
--- case: classes and escapes inside sets
print(("x1_y"):gsub("[%d_]", "#"), ("a]b%c"):gsub("[%]%%]", "!"), ("AbC9"):gsub("[%A]", "."))
--- case: class and range together in a set
print(("Hello, World 42!"):gsub("[%sa-z]", ""), ("x-y"):match("[%w-]+"))
--- case: balanced match nested
print(("f(a(b)c)d"):match("%b()"), ("[[x]] [y]"):match("%b[]"), ("((x)"):match("%b()"))
--- case: balanced match with equal delimiters and no match
print(("|a|b|"):match("%b||"), ("abc"):match("%b()"), ("(()"):find("%b()"))
--- case: balanced match followed by more pattern
print(("if (x) then"):match("if %b() (%a+)"), ("<<a>b>c"):find("%b<>c"))
--- case: frontier at start, end and between words
print(("THE (quick) fox"):gsub("%f[%a]", "|"))
print(("THE (quick) fox"):gsub("%f[%A]", "|"))
print(("hello"):find("%f[%l]"), ("hello"):find("%f[%L]"))
--- case: frontier with the zero class at the edges
print(("abc"):find("%f[%z]"), ("abc"):find("%f[%Z]"), ("a\0b"):find("%f[%z]"))
--- case: back reference to a capture
print(("hello"):match("(l)%1"), ("abab"):find("(ab)%1"), ("xyz"):match("(x)%1"))
--- case: back reference to an empty capture
print(("abc"):match("()(b*)%2c"), (""):match("(a*)%1"))
--- case: back reference to a position capture never matches
print(("aa"):match("()%1"), ("aa"):find("()a%1"))
--- case: nested captures come in order of their opening
print(("abcd"):match("((a)(b(c)))(d)"))
--- case: position captures in find, match and gsub
print(("hello"):find("()ll()"))
print(("hello"):match("()l"), ("hello"):match("l()"))
print(("abc"):gsub("()", "%1"))
--- case: anchors in find, match and gsub
print(("abc"):find("^b"), ("abc"):find("^a"), ("abc"):match("^(%a)"), ("aaa"):gsub("^a", "x"))
--- case: a caret inside a pattern is literal
print(("a^b"):find("a^b"), ("x^"):match(".^"))
--- case: gmatch treats a leading caret as a literal
local t = {}
for a in ("^a^ab"):gmatch("^a") do t[#t + 1] = a end
print(#t, t[1])
--- case: dollar only anchors at the end of the pattern
print(("a$c"):find("$c"), ("abc"):find("c$"), ("abc"):find("b$"), ("a$"):find("a$$"))
--- case: quantifier after a capture is a literal
print(("a*"):match("(a)*"), ("aa"):match("(a)*"))
--- case: shortest and longest expansion
local s = "<a><b>"
print(s:match("<.->"), s:match("<.*>"), s:match("<(.-)>$"), ("aaa"):match("(a*)(a)"))
--- case: optional item backtracks
print(("ab"):match("a?ab"), ("b"):match("a?b"), ("aab"):match("^a?a?a?b$"), ("color colour"):gsub("colou?r", "C"))
--- case: plus and minus with classes
print(("  x  "):match("^%s+"), ("key=val"):match("^(%w-)="), ("123abc"):match("^%d+"), ("abc"):match("^%d-"))
--- case: dot matches zero bytes and newlines
local r = ("a\0\nb"):match("a(..)b")
print(#r, r:byte(1, -1))
--- case: zero class and embedded zeros
print(("a\0b\0"):gsub("%z", "0"), ("\0\0x"):find("%Z"), ("a\0b"):find("[%z]"), #("a\0b"):match(".+"))
--- case: classes are ASCII only
print(("\233a\200"):find("%a+"), ("\233"):find("%A"), ("\255"):find("%p"), ("\128"):find("%c"), ("\t"):find("%c"))
--- case: every class against all bytes
local counts = {}
for _, c in ipairs({"a", "c", "d", "g", "l", "p", "s", "u", "w", "x", "z"}) do
  local n, m = 0, 0
  for b = 0, 255 do
    local ch = string.char(b)
    if ch:find("%" .. c) then n = n + 1 end
    if ch:find("%" .. c:upper()) then m = m + 1 end
  end
  counts[#counts + 1] = c .. "=" .. n .. "/" .. m
end
print(table.concat(counts, " "))
--- case: gmatch with captures and empty matches
for k, v in ("a=1, b=, c=3"):gmatch("(%w+)=(%w*)") do io.write(k, ":", v, ";") end
print()
for w in ("abc"):gmatch("b*") do io.write("[", w, "]") end
print()
for p, w in ("ab"):gmatch("()(.?)") do io.write(p, "[", w, "]") end
print()
--- case: gmatch iterator keeps going after the end
local it = ("a1b2"):gmatch("%d")
print(it(), it(), it(), it())
--- case: gsub with a maximum count
print(("aaaa"):gsub("a", "b", 2), ("aaaa"):gsub("a", "b", 0), ("aaaa"):gsub("a", "b", -1), ("aaaa"):gsub("a", "b", 2.9))
--- case: gsub replacement string escapes
print(("hello world"):gsub("(%w+)", "<%1>"), ("abc"):gsub("b", "%%"), ("abc"):gsub("b", "%0%0"), ("abc"):gsub("%w", "%1"))
--- case: gsub with a table replacement
local t = {a = "A", b = false, c = 3.5}
print(("abcd"):gsub("%a", t))
print(("x=1 y=2"):gsub("(%w)=(%w)", {x = "X"}))
--- case: gsub with a table replacement and __index
local t = setmetatable({}, {__index = function(_, k) return "<" .. k .. ">" end})
print(("a b"):gsub("%a", t))
--- case: gsub with a function replacement
print(("abc"):gsub(".", function(c) if c == "b" then return nil end return c:upper() end))
print(("a1b2"):gsub("(%a)(%d)", function(a, d) return d .. a end))
print(("abc"):gsub("()", function(p) return p end))
print(("3 4"):gsub("%d", function(d) return d * 2 end))
--- case: gsub invalid replacement values error
print(pcall(function() local s = ("abc"):gsub("b", function() return true end) return s end))
print(pcall(function() local s = ("abc"):gsub("b", {b = {}}) return s end))
print(pcall(function() local s = ("abc"):gsub("b", {b = print}) return s end))
--- case: gsub with an anchored or empty pattern
print(("abc"):gsub("^", ">"), ("abc"):gsub("$", "<"), (""):gsub("", "x"), ("ab"):gsub("", "-"))
--- case: gsub argument errors
print(pcall(function() local s = ("abc"):gsub("b") return s end))
print(pcall(function() local s = ("abc"):gsub("b", true) return s end))
print(pcall(function() local s = ("abc"):gsub("b", "x", "many") return s end))
print(pcall(function() local s = string.gsub(nil, "b", "x") return s end))
--- case: gsub replacement errors
print(pcall(function() local s = ("abc"):gsub("b", "%") return s end))
print(pcall(function() local s = ("abc"):gsub("b", "%a") return s end))
print(pcall(function() local s = ("abc"):gsub("(b)", "%2") return s end))
print(pcall(function() local s = ("abc"):gsub("b", "%9") return s end))
--- case: gsub on numbers
print(string.gsub(12345, 3, 9), string.gsub(1.5, "%.", ","), ("abc"):gsub("b", 7))
--- case: find init positions
local s = "abcabc"
print(s:find("b", 3), s:find("b", -2), s:find("b", -100), s:find("b", 0), s:find("b", 100), s:find("", 7), s:find("", 8))
--- case: find init with text and float arguments
print(("abcabc"):find("c", "4"), ("abcabc"):find("c", 4.9), ("abc"):match("b", 2.9))
--- case: plain find ignores every magic character
print(("a.b*c"):find(".", 1, true), ("x^$()%[]"):find("^$()%[]", 1, true), ("abc"):find("", 2, true), ("abc"):find("c", -1, true))
--- case: find without specials is a plain search
print(("hello world"):find("o w"), ("a,b"):find(","), ("path/to"):find("/"))
--- case: match returns every capture and the whole match without captures
print(("2024-01-15"):match("(%d+)-(%d+)-(%d+)"), ("key"):match("%a+"), ("x"):match("y"))
--- case: pattern errors in find, match and gmatch
print(pcall(function() local r = ("abc"):find("[a") return r end))
print(pcall(function() local r = ("abc"):find("[%") return r end))
print(pcall(function() local r = ("abc"):match("%") return r end))
print(pcall(function() local r = ("abc"):match("%f") return r end))
print(pcall(function() local r = ("abc"):match("%bx") return r end))
print(pcall(function() for w in ("abc"):gmatch("(a") do end end))
--- case: invalid capture references in patterns
print(pcall(function() local r = ("abc"):find("%0") return r end))
print(pcall(function() local r = ("abc"):find("(a)%2") return r end))
print(pcall(function() local r = ("abc"):find("(a%1)") return r end))
print(pcall(function() local r = ("abc"):find("a)") return r end))
--- case: pattern too complex
print(pcall(function() local r = ("a"):rep(300):find(("a?"):rep(300)) return r end))
print(pcall(function() local r = ("a"):rep(199):find(("a?"):rep(199)) return r end))
--- case: too many captures in gsub
print(pcall(function() local r = ("abc"):gsub(("()"):rep(33), "") return r end))
print(select("#", ("abc"):match(("()"):rep(32))))
--- case: rep with separators and counts
print(("ab"):rep(3, ", "), ("ab"):rep(1, ", "), ("ab"):rep(0, ", ") == "", ("x"):rep(2.9), ("x"):rep("3"), ("x"):rep(3, 1))
print(("x"):rep(-1e100) == "", ("x"):rep(1e100) == "", ("x"):rep(0/0) == "", #("ab"):rep(1000, "--"))
--- case: rep argument errors
print(pcall(function() local r = ("x"):rep() return r end))
print(pcall(function() local r = ("x"):rep("many") return r end))
print(pcall(function() local r = ("x"):rep(2, {}) return r end))
print(pcall(function() local r = string.rep() return r end))
--- case: sub with extreme and converted indices
local s = "hello"
print(s:sub(3, 1e100) == "", s:sub(-1e100), s:sub(2^53) == "", s:sub("2", "3"), s:sub(2, nil), s:sub(0 / 0))
--- case: byte with ranges and defaults
local s = "hello"
print(s:byte(0), s:byte(-1), s:byte(2, 4))
print(s:byte(4, 2), s:byte(1.5), s:byte(-1e100, 2), select("#", s:byte(10)))
--- case: char conversions and errors
print(string.char(104.9, "105"), string.char() == "", #string.char(0, 255))
print(pcall(function() local r = string.char(65, "x") return r end))
print(pcall(function() local r = string.char(65, 256) return r end))
print(pcall(function() local r = string.char(65, nil) return r end))
--- case: upper, lower and reverse are byte-wise
print(("aB\233\201z"):upper():byte(1, -1))
print(("aB\233\201Z"):lower():byte(1, -1))
print(("ab\0\255"):reverse():byte(1, -1))
--- case: len counts bytes and numbers become strings
print(string.len("a\0b"), string.len(123), string.len(1.5), string.upper(12), string.reverse(-12))
--- case: string functions name their bad arguments
print(pcall(function() local r = ("x"):rep({}) return r end))
print(pcall(function() local r = string.upper() return r end))
print(pcall(function() local r = string.len({}) return r end))
print(pcall(function() local r = ("x"):sub() return r end))
print(pcall(function() local r = ("abc"):byte("z") return r end))
--- case: the string table is the index of strings
print(getmetatable("").__index == string, getmetatable("a") == getmetatable("b"))
function string.twice(s) return s .. s end
print(("ab"):twice(), ("x"):len(), #getmetatable("").__index.rep("-", 3))
--- case: dump round trip and Java functions
local f = load(string.dump(function(a, b) return a + b end))
print(f(2, 3), type(string.dump(f)))
print(pcall(string.dump, print))
print(pcall(function() local r = string.dump(1) return r end))
--- case: tonumber in bases
print(tonumber("ff", 16), tonumber("FF", 16), tonumber("zz", 36), tonumber("777", 8), tonumber("101", 2), tonumber(" -11 ", 2), tonumber("+7", 8))
print(tonumber("8", 8), tonumber("1.5", 10), tonumber("", 10), tonumber("-", 10), tonumber("1 1", 2), tonumber("0x10", 16), tonumber(10, 16))
print(tonumber("ffffffffffffffffffff", 16), tonumber("10", 2^32 + 16))
--- case: tonumber base errors
print(pcall(function() local r = tonumber("10", 1) return r end))
print(pcall(function() local r = tonumber("10", 37) return r end))
print(pcall(function() local r = tonumber("10", "x") return r end))
print(pcall(function() local r = tonumber(nil, 10) return r end))
print(pcall(function() local r = tonumber({}, 10) return r end))
--- case: tonumber of numerals
print(tonumber("0x1p4"), tonumber("0X1P-1"), tonumber("0x.8"), tonumber("0xA.8p0"), tonumber("1E+2"), tonumber(".5e1"), tonumber("5."))
print(tonumber("1e"), tonumber("1e+"), tonumber("0x"), tonumber("0xg"), tonumber("- 1"), tonumber("--1"), tonumber("."), tonumber("inf"), tonumber("nan"))
print(tonumber("\t10\n"), tonumber("10 1"), tonumber("1\0"), tonumber("-0x10"), tonumber("1e500"), tonumber("-1e500"), tonumber("1e-500"))
print(tonumber(nil), tonumber(true), tonumber({}), tonumber("10", nil), tonumber(12.5))
--- case: strings convert to numbers in arithmetic
print("10" + 1, "0x10" + 0, " 0x10 " * 2, "1e1" - 1, "  5  " / 2, -"2", "7" % "4", "2" ^ "3", "0x1p4" + 0)
print(pcall(function() return "1e" + 1 end))
print(pcall(function() local x = " 0x " * 2 return x end))
--- case: library functions take numeric strings
print(math.floor("3.7"), math.max("10", 9), ("x"):rep(" 2 "), string.char("0x41"), ("abc"):sub("0x2"))
