-- lem.io files on the worker pool: formats, eof, seek, write, modes, permissions, errors
local io = require 'lem.io'
local utils = require 'lem.utils'
local expect = require 'expect'

local dir = os.tmpname()
os.remove(dir)
local function path(name) return dir .. '-' .. name end

local w = assert(io.open(path('a.txt'), 'w'))
expect.eq(getmetatable(w), io.File, 'File class')
expect.eq(w:write('line1\nline2\r\nline3'), true, 'write')
expect.eq(w:write(''), true, 'empty write')
expect.error("bad argument #1 to 'write' (string expected, got table)", function() w:write({}) end)
expect.eq(w:close(), true, 'close')

local f = assert(io.open(path('a.txt')))
expect.values('first line', {'line1', n = 1}, f:read('*l'))
expect.values('CR is kept', {'line2\r', n = 1}, f:read('*l'))
expect.values('partial last line dropped', {nil, 'eof', n = 2}, f:read('*l'))
expect.values('*a at eof', {'', n = 1}, f:read('*a'))
expect.values('*a again', {'', n = 1}, f:read('*a'))
expect.values('seek set', {0, n = 1}, f:seek('set'))
expect.values('count', {'line1\nl', n = 1}, f:read(7))
-- the read-ahead buffer is dropped, not compensated (reference 4.8)
expect.values('seek cur', {18, n = 1}, f:seek('cur'))
expect.values('size', {18, n = 1}, f:size())
expect.values('read at end', {nil, 'eof', n = 2}, f:read())
expect.error('invalid format', function() return f:read('*n') end)
expect.error("bad argument #1 to 'seek' (invalid option 'bad')", function() f:seek('bad') end)
expect.error("bad argument #2 to 'seek' (not an integer in proper range)", function() f:seek('set', 1.5) end)
-- one operation at a time
utils.spawn(function() expect.values('busy', {nil, 'busy', n = 2}, f:size()) end)
f:seek('set', 0)
expect.eq(f:close(), true, 'close')
expect.values('closed', {nil, 'closed', n = 2}, f:close())
expect.values('read closed', {nil, 'closed', n = 2}, f:read())
expect.eq(f:closed(), true, 'closed()')

-- modes and permissions
expect.values('missing', {nil, 'No such file or directory', n = 2}, io.open(path('none')))
expect.values('exclusive', {nil, 'File exists', n = 2}, io.open(path('a.txt'), 'wx'))
expect.error('invalid mode string', function() return io.open(path('a.txt'), 'rw') end)
expect.error('invalid mode string', function() return io.open(path('a.txt'), 'q') end)
expect.error("bad argument #3 to 'open' (invalid permissions)", function() return io.open(path('p'), 'w', 800) end)
expect.error("bad argument #3 to 'open' (invalid permissions)", function() return io.open(path('p'), 'w', 1000) end)
local a = assert(io.open(path('a.txt'), 'a'))
a:write('\nappended\n')
a:close()
local lines = {}
for l in io.lines(path('a.txt')) do lines[#lines + 1] = l end
expect.eq(table.concat(lines, '|'), 'line1|line2\r|line3|appended', 'io.lines')
expect.values('directory', {nil, 'Invalid argument', n = 2}, io.open('/'))
-- a character device opens as a Stream
local null = assert(io.open('/dev/null'))
expect.eq(getmetatable(null), io.Stream, '/dev/null is a Stream')
expect.values('read /dev/null', {nil, 'closed', n = 2}, null:read())
os.remove(path('a.txt'))
print('ok')
