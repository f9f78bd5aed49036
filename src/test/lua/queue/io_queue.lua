-- lem.io.queue (reference 7): writers of one stream take turns in order of arrival
local utils = require 'lem.utils'
local io = require 'lem.io'
local queue = require 'lem.io.queue'
local expect = require 'expect'

-- a falsy stream passes through with everything after it
expect.values('wrap(nil, err)', {nil, 'some error', n = 2}, queue.wrap(nil, 'some error'))
expect.values('wrap(false)', {false, n = 1}, queue.wrap(false))

local cat = assert(io.popen('cat', 'rw'))
local w = queue.wrap(cat)
expect.eq(getmetatable(w), queue.Stream, 'metatable')
expect.eq(w.stream, cat, 'the wrapped stream')
expect.eq(w.next, 0, 'nobody writes')
expect.eq(w.read, nil, 'no read method')

-- plain concurrent writes: the second writer is told busy
local raw = {}
for i = 1, 2 do
	utils.spawn(function() raw[i] = table.pack(cat:write('raw ', i, '\n')) end)
end
utils.yield()
utils.yield()
while not raw[1] do utils.yield() end
expect.values('first raw writer', {true, n = 1}, table.unpack(raw[1], 1, raw[1].n))
expect.values('second raw writer', {nil, 'busy', n = 2}, table.unpack(raw[2], 1, raw[2].n))
expect.eq(cat:read('*l'), 'raw 1', 'raw line')

-- through the wrapper: nobody is busy, writes come out whole and in order of arrival
local results, done = {}, 0
for i = 1, 5 do
	utils.spawn(function()
		for round = 1, 3 do
			local ok = w:write('writer ', i, ' round ', round, '\n')
			results[#results + 1] = ok
		end
		done = done + 1
	end)
end
utils.yield()
expect.eq(w.next, 5, 'one writes, four wait')
while done < 5 do utils.yield() end
expect.eq(w.next, 0, 'nobody writes any more')
expect.eq(#results, 15, 'every write returned')
for i = 1, 15 do expect.eq(results[i], true, 'write ' .. i) end
for round = 1, 3 do
	for i = 1, 5 do
		expect.eq(cat:read('*l'), 'writer ' .. i .. ' round ' .. round, 'line order')
	end
end

-- a write that raises still passes the turn on
local after
utils.spawn(function()
	local ok, err = pcall(w.write, w, {})
	expect.eq(ok, false, 'bad write raises')
	expect.eq(err:find("bad argument #1 to 'write' (string expected, got table)", 1, true) ~= nil, true, 'error text: ' .. tostring(err))
end)
utils.spawn(function() after = w:write('after the error\n') end)
while after == nil do utils.yield() end
expect.eq(after, true, 'the next writer got its turn')
expect.eq(cat:read('*l'), 'after the error', 'line after the error')

-- users may add methods; close and closed go to the stream
function queue.Stream:printf(fmt, ...)
	return self:write(fmt:format(...))
end
expect.eq(w:printf('%d-%s\n', 42, 'x'), true, 'printf')
expect.eq(cat:read('*l'), '42-x', 'printf line')
expect.eq(w:closed(), false, 'closed() forwards')
expect.eq(w:close(), true, 'close forwards')
expect.eq(cat:closed(), true, 'the stream is closed')
expect.values('close again', {nil, 'closed', n = 2}, w:close())
expect.values('write after close', {nil, 'closed', n = 2}, w:write('x'))
expect.eq(w.next, 0, 'idle after a failed write')
print('ok')
