-- io.popen both ways, streamfile, and the standard streams
local io = require 'lem.io'
local expect = require 'expect'

local p, pid = io.popen('echo one; echo two')
expect.eq(type(pid), 'number', 'pid')
expect.eq(p:read('*l'), 'one', 'first line')
expect.eq(p:read('*l'), 'two', 'second line')
expect.values('end of output', {nil, 'closed', n = 2}, p:read('*l'))
expect.eq(p:closed(), true, 'closed at end')

local cat = io.popen('cat', 'rw')
for i = 1, 3 do
	assert(cat:write('round trip ', i, '\n'))
	expect.eq(cat:read('*l'), 'round trip ' .. i, 'line ' .. i)
end
cat:close()

local wc = io.popen('wc -c > /dev/null', 'w')
expect.eq(wc:write('data'), true, 'write to a child')
expect.values('read from a write-only pipe', {nil, 'Bad file descriptor', n = 2}, wc:read())
expect.error("bad argument #2 to 'popen' (invalid option 'x')", function() io.popen('true', 'x') end)

local name = os.tmpname()
local f = assert(io.open(name, 'w'))
f:write('streamed\ncontent')
f:close()
local s = assert(io.streamfile(name))
expect.eq(s:read('*a'), 'streamed\ncontent', 'streamfile')
expect.values('then closed', {nil, 'closed', n = 2}, s:read('*a'))
expect.values('missing file', {nil, 'No such file or directory', n = 2}, io.streamfile(name .. '.none'))
os.remove(name)

expect.eq(getmetatable(io.stdout), io.Stream, 'stdout is a Stream')
print('print first')
io.stdout:write('then io.stdout\n')
io.write('then io.write\n')
print('ok')
