-- t[k] = nil removes k also when an earlier removal's tombstone in the same hash chain has lost
-- its key to the collector (a LuaJ 3.0.1 bug, patched by lem.build.LuajPatcher; tables keyed by
-- tables, such as the connection set of lem.http.server, kept removed keys)
local left = 0
for round = 1, 50 do
	local t, keys = {}, {}
	for i = 1, 64 do
		keys[i] = {}
		t[keys[i]] = i
	end
	for i = 1, 64, 2 do
		t[keys[i]] = nil
		keys[i] = false
	end
	collectgarbage()
	collectgarbage()
	for i = 2, 64, 2 do
		t[keys[i]] = nil
		if rawget(t, keys[i]) ~= nil then left = left + 1 end
	end
	if next(t) ~= nil then left = left + 1 end
end
print('keys left after removal: ' .. left)
