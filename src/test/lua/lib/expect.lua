-- expect.lua: small assertions for lem's Lua tests; each failure names what was checked.
local expect = {}

local function show(v)
	if type(v) == 'string' then return string.format('%q', v) end
	return tostring(v)
end

-- expect.eq(actual, expected, what): raw equality
function expect.eq(actual, expected, what)
	if actual ~= expected then
		error((what or 'value') .. ': expected ' .. show(expected) .. ', got ' .. show(actual), 2)
	end
end

-- expect.values(what, {expected...}, ...): the exact list of values, including trailing nils
function expect.values(what, expected, ...)
	local n = select('#', ...)
	local want = expected.n or #expected
	if n ~= want then
		error(what .. ': expected ' .. want .. ' values, got ' .. n, 2)
	end
	for i = 1, n do
		local v = select(i, ...)
		if v ~= expected[i] then
			error(what .. ': value #' .. i .. ' expected ' .. show(expected[i]) .. ', got ' .. show(v), 2)
		end
	end
end

-- expect.error(pattern, f, ...): f(...) must raise an error whose text matches pattern (plain find)
function expect.error(text, f, ...)
	local ok, err = pcall(f, ...)
	if ok then
		error('expected an error containing ' .. show(text) .. ', but the call succeeded', 2)
	end
	if not tostring(err):find(text, 1, true) then
		error('expected an error containing ' .. show(text) .. ', got ' .. show(err), 2)
	end
end

return expect
