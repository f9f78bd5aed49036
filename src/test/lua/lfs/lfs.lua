-- lem.lfs (reference 9): every function, its results and its error texts
local utils = require 'lem.utils'
local io = require 'lem.io'
local lfs = require 'lem.lfs'
local expect = require 'expect'

local names = {}
for k in pairs(lfs) do names[#names + 1] = k end
table.sort(names)
expect.eq(table.concat(names, ' '), 'attributes chdir currentdir dir link lock lock_dir mkdir remove rename rmdir '
	.. 'setmode symlinkattributes touch unlock', 'module fields')

local umask = tonumber(io.popen('umask'):read('*l'), 8)
local function permissions(bits)
	bits = bit32.band(bits, bit32.bnot(umask))
	local s = ''
	for i = 8, 0, -1 do
		local letter = ('rwx'):sub(3 - i % 3, 3 - i % 3)
		s = s .. (bit32.extract(bits, i) == 1 and letter or '-')
	end
	return s
end

local base = ('%s/lem-lfs-%d-%d'):format(os.getenv('TMPDIR') or '/tmp', os.time(), math.random(1e9))
local function path(name) return base .. '/' .. name end
local function write(name, text)
	local f = assert(io.open(path(name), 'w'))
	assert(f:write(text))
	assert(f:close())
end

-- mkdir
expect.values('mkdir', {true, n = 1}, lfs.mkdir(base))
expect.values('mkdir again', {nil, 'File exists', n = 2}, lfs.mkdir(base))
expect.values('mkdir without parent', {nil, 'No such file or directory', n = 2}, lfs.mkdir(path('no/such')))
expect.error("bad argument #1 to 'mkdir' (string expected, got no value)", function() return lfs.mkdir() end)

-- attributes of a directory: the whole table, and one field at a time
local a = lfs.attributes(base)
local keys = {}
for k in pairs(a) do keys[#keys + 1] = k end
table.sort(keys)
expect.eq(table.concat(keys, ' '), 'access blksize blocks change dev gid ino mode modification nlink permissions rdev size uid',
	'attribute names')
expect.eq(a.mode, 'directory', 'mode of a directory')
expect.eq(a.permissions, permissions(tonumber('775', 8)), 'mkdir makes 0775 less the umask')
expect.eq(a.nlink, 2, 'links of an empty directory')
for _, k in ipairs({'dev', 'ino', 'nlink', 'uid', 'gid', 'rdev', 'size', 'blksize', 'blocks', 'access', 'modification', 'change'}) do
	expect.eq(type(a[k]) == 'number' and a[k] == math.floor(a[k]), true, k .. ' is an integer')
	expect.values('attributes(path, ' .. k .. ')', {a[k], n = 1}, lfs.attributes(base, k))
end
expect.values('attributes(path, mode)', {'directory', n = 1}, lfs.attributes(base, 'mode'))
expect.eq(type(lfs.attributes(base, '*')), 'table', "'*' is the whole table")
expect.values('attributes of nothing', {nil, 'No such file or directory', n = 2}, lfs.attributes(path('none')))
expect.error("bad argument #2 to 'attributes' (invalid option 'bogus')", function() return lfs.attributes(base, 'bogus') end)
expect.error("bad argument #1 to 'attributes' (string expected, got table)", function() return lfs.attributes({}) end)

-- a file
local f = assert(io.open(path('file'), 'w', 640))
f:write('hello')
f:close()
a = lfs.attributes(path('file'))
expect.eq(a.mode, 'file', 'mode of a file')
expect.eq(a.size, 5, 'size')
expect.eq(a.nlink, 1, 'one link')
expect.eq(a.permissions, permissions(tonumber('640', 8)), 'permissions of a file')
expect.eq(lfs.attributes('/dev/null', 'mode'), 'char device', '/dev/null')
expect.eq(lfs.attributes('/dev/null', 'rdev') ~= 0, true, 'a device has rdev')
io.popen('mkfifo ' .. path('fifo')):read('*a')
expect.eq(lfs.attributes(path('fifo'), 'mode'), 'named pipe', 'a FIFO')

-- links: hard and symbolic; symlinkattributes looks at the link itself
expect.values('hard link', {true, n = 1}, lfs.link(path('file'), path('hard')))
expect.eq(lfs.attributes(path('file'), 'nlink'), 2, 'two links')
expect.eq(lfs.attributes(path('hard'), 'ino'), a.ino, 'same inode')
expect.values('link exists', {nil, 'File exists', n = 2}, lfs.link(path('file'), path('hard')))
expect.values('link to nothing', {nil, 'No such file or directory', n = 2}, lfs.link(path('none'), path('x')))
expect.values('symbolic link', {true, n = 1}, lfs.link('file', path('soft'), true))
local l = lfs.symlinkattributes(path('soft'))
expect.eq(l.mode, 'link', 'symlinkattributes: a link')
expect.eq(l.size, 4, 'a link is as long as its text')
expect.eq(l.permissions, 'rwxrwxrwx', 'permissions of a link')
expect.eq(lfs.attributes(path('soft'), 'mode'), 'file', 'attributes follows the link')
expect.eq(lfs.attributes(path('soft'), 'ino'), a.ino, 'attributes of the target')
expect.values('symlinkattributes(path, mode)', {'link', n = 1}, lfs.symlinkattributes(path('soft'), 'mode'))
expect.eq(lfs.symlinkattributes(path('file'), 'mode'), 'file', 'symlinkattributes of a plain file')
expect.error("bad argument #2 to 'symlinkattributes' (invalid option 'bogus')",
	function() return lfs.symlinkattributes(base, 'bogus') end)
expect.values('dangling link', {true, n = 1}, lfs.link('none', path('dangling'), true))
expect.eq(lfs.symlinkattributes(path('dangling'), 'mode'), 'link', 'a dangling link is there')
expect.values('attributes of a dangling link', {nil, 'No such file or directory', n = 2}, lfs.attributes(path('dangling')))
expect.values('symlinkattributes of nothing', {nil, 'No such file or directory', n = 2}, lfs.symlinkattributes(path('none')))

-- touch
expect.values('touch with a time', {true, n = 1}, lfs.touch(path('file'), 5000))
expect.eq(lfs.attributes(path('file'), 'access'), 5000, 'access time')
expect.eq(lfs.attributes(path('file'), 'modification'), 5000, 'modification = access')
lfs.touch(path('file'), 1000, 2000.9)
expect.eq(lfs.attributes(path('file'), 'access'), 1000, 'access time given')
expect.eq(lfs.attributes(path('file'), 'modification'), 2000, 'modification time in whole seconds')
lfs.touch(path('file'), nil)
expect.eq(lfs.attributes(path('file'), 'access'), 0, 'explicit nil: access 0')
expect.eq(lfs.attributes(path('file'), 'modification'), 0, 'explicit nil: modification 0')
lfs.touch(path('file'), nil, 3000)
expect.eq(lfs.attributes(path('file'), 'access'), 0, 'nil access, given modification')
expect.eq(lfs.attributes(path('file'), 'modification'), 3000, 'given modification')
expect.values('touch now', {true, n = 1}, lfs.touch(path('file')))
expect.eq(math.abs(lfs.attributes(path('file'), 'modification') - os.time()) <= 5, true, 'touched now')
expect.eq(lfs.attributes(path('file'), 'change') >= a.change, true, 'change time moves on')
expect.values('touch nothing', {nil, 'No such file or directory', n = 2}, lfs.touch(path('none')))
expect.error("bad argument #2 to 'touch' (number expected, got string)", function() return lfs.touch(path('file'), 'x') end)
expect.error("bad argument #3 to 'touch' (number expected, got table)", function() return lfs.touch(path('file'), 1, {}) end)

-- rename, remove, rmdir
expect.values('rename', {true, n = 1}, lfs.rename(path('hard'), path('renamed')))
expect.values('renamed away', {nil, 'No such file or directory', n = 2}, lfs.attributes(path('hard')))
expect.eq(lfs.attributes(path('renamed'), 'ino'), a.ino, 'renamed file')
expect.values('rename nothing', {nil, 'No such file or directory', n = 2}, lfs.rename(path('none'), path('x')))
assert(lfs.mkdir(path('sub')))
write('sub/inner', 'x')
expect.values('rename a file over a directory', {nil, 'Is a directory', n = 2}, lfs.rename(path('renamed'), path('sub')))
expect.error("bad argument #2 to 'rename' (string expected, got no value)", function() return lfs.rename(path('file')) end)
expect.values('remove a directory', {nil, 'Is a directory', n = 2}, lfs.remove(path('sub')))
expect.values('rmdir a full directory', {nil, 'Directory not empty', n = 2}, lfs.rmdir(path('sub')))
expect.values('rmdir a file', {nil, 'Not a directory', n = 2}, lfs.rmdir(path('renamed')))
expect.values('remove', {true, n = 1}, lfs.remove(path('sub/inner')))
expect.values('remove nothing', {nil, 'No such file or directory', n = 2}, lfs.remove(path('sub/inner')))
expect.values('rmdir', {true, n = 1}, lfs.rmdir(path('sub')))
expect.values('rmdir nothing', {nil, 'No such file or directory', n = 2}, lfs.rmdir(path('sub')))
expect.values('remove a link', {true, n = 1}, lfs.remove(path('dangling')))

-- dir: every name, "." and ".." too; next at the end closes the handle
local seen = {}
for name in lfs.dir(base) do seen[#seen + 1] = name end
table.sort(seen)
expect.eq(table.concat(seen, ' '), '. .. fifo file renamed soft', 'names')
local iter, d = lfs.dir(base)
expect.eq(iter, d.next, 'the iterator is the next method')
expect.eq(getmetatable(d).__index, getmetatable(d), 'directory metatable')
local count = 0
while d:next() do count = count + 1 end
expect.eq(count, 6, 'next until the end')
expect.values('next after the end', {nil, 'closed', n = 2}, d:next())
expect.values('close after the end', {nil, 'closed', n = 2}, d:close())
iter, d = lfs.dir(base)
expect.values('close', {true, n = 1}, d:close())
expect.values('next after close', {nil, 'closed', n = 2}, d:next())
iter, d = lfs.dir(base)
local other
utils.spawn(function()
	local a, b = d:next()
	local c, e = d:close()
	other = {a, b, c, e, n = 4}
end)
local name = d:next()
expect.eq(type(name), 'string', 'a name')
expect.values('next and close while a next runs', {nil, 'busy', nil, 'busy', n = 4}, table.unpack(other, 1, other.n))
d:close()
expect.values('dir of nothing', {nil, 'No such file or directory', n = 2}, lfs.dir(path('none')))
expect.values('dir of a file', {nil, 'Not a directory', n = 2}, lfs.dir(path('file')))
expect.error('attempt to call', function() for _ in lfs.dir(path('none')) do end end)
expect.error("bad argument #1 to 'next' (directory expected, got string)", function() return d.next('x') end)
-- names are bytes, as the file system has them
assert(lfs.mkdir(path('\255\1name')))
seen = {}
for n in lfs.dir(base) do seen[n] = true end
expect.eq(seen['\255\1name'], true, 'a name that is not UTF-8')
assert(lfs.rmdir(path('\255\1name')))

-- currentdir, chdir (the e2e tests change directory; here only failures, which change nothing)
local here = lfs.currentdir()
expect.eq(here, io.popen('pwd -P'):read('*l'), 'currentdir')
expect.values('chdir to nothing', {nil, 'No such file or directory', n = 2}, lfs.chdir(path('none')))
expect.values('chdir to a file', {nil, 'Not a directory', n = 2}, lfs.chdir(path('file')))
expect.eq(lfs.currentdir(), here, 'failed chdir changes nothing')

-- setmode
expect.values('setmode', {'binary', n = 1}, lfs.setmode())
expect.values('setmode with arguments', {'binary', n = 1}, lfs.setmode(io.stdout, 'text'))

-- lock_dir
local lock = lfs.lock_dir(base)
expect.eq(lock.filename, base .. '/lockfile.lfs', 'lock file name')
expect.eq(lfs.symlinkattributes(lock.filename, 'mode'), 'link', 'the lock is a symbolic link')
expect.values('locked twice', {nil, 'File exists', n = 2}, lfs.lock_dir(base))
expect.values('lock_dir of nothing', {nil, 'No such file or directory', n = 2}, lfs.lock_dir(path('none')))
expect.values('free', {true, n = 1}, lock:free())
expect.values('free again', {nil, 'No such file or directory', n = 2}, lock:free())
expect.error("bad argument #1 to 'free' (lock expected, got no value)", function() return lock.free() end)
lock = assert(lfs.lock_dir(base))
lock:free()

-- lock and unlock on lem.io Files
local rw = assert(io.open(path('file'), 'r+'))
expect.values('lock w', {true, n = 1}, lfs.lock(rw, 'w'))
expect.values('lock w again', {true, n = 1}, lfs.lock(rw, 'w'))
expect.values('convert to r', {true, n = 1}, lfs.lock(rw, 'r'))
expect.values('unlock', {true, n = 1}, lfs.unlock(rw))
expect.values('lock a range', {true, n = 1}, lfs.lock(rw, 'w', 2, 3))
expect.values('lock another range', {true, n = 1}, rw:lock('r', 10, 5))
expect.values('unlock a range', {true, n = 1}, lfs.unlock(rw, 0, 5))
expect.values('lock u', {true, n = 1}, lfs.lock(rw, 'u'))
expect.values('a read lock of the whole file', {true, n = 1}, lfs.lock(rw, 'r'))
expect.values('a write lock inside it', {true, n = 1}, lfs.lock(rw, 'w', 0, 1))
expect.values('unlock a part', {true, n = 1}, lfs.unlock(rw, 3, 2))
expect.values('unlock the rest', {true, n = 1}, lfs.unlock(rw))
local second = assert(io.open(path('file'), 'r+'))
assert(lfs.lock(rw, 'w'))
expect.values('another File of the same process', {nil, 'Resource temporarily unavailable', n = 2}, lfs.lock(second, 'w'))
assert(lfs.unlock(rw))
expect.values('free again for the other File', {true, n = 1}, lfs.lock(second, 'r'))
second:close()
local ro = assert(io.open(path('file'), 'r'))
expect.values('write lock on a read-only file', {nil, 'Bad file descriptor', n = 2}, lfs.lock(ro, 'w'))
expect.values('read lock on a read-only file', {true, n = 1}, lfs.lock(ro, 'r'))
ro:close()
local wo = assert(io.open(path('file'), 'a'))
expect.values('read lock on a write-only file', {nil, 'Bad file descriptor', n = 2}, wo:lock('r'))
wo:close()
expect.values('negative start', {nil, 'Invalid argument', n = 2}, lfs.lock(rw, 'w', -1))
expect.values('negative length', {nil, 'Invalid argument', n = 2}, lfs.unlock(rw, 0, -1))
expect.error("bad argument #2 to 'lock' (invalid option 'x')", function() return lfs.lock(rw, 'x') end)
expect.error("bad argument #2 to 'lock' (string expected, got no value)", function() return lfs.lock(rw) end)
expect.error("bad argument #1 to 'lock' (file expected, got string)", function() return lfs.lock('file', 'w') end)
expect.error("bad argument #1 to 'unlock' (file expected, got no value)", function() return lfs.unlock() end)
expect.error("bad argument #3 to 'lock' (number expected, got string)", function() return lfs.lock(rw, 'w', 'x') end)
expect.error("bad argument #1 to 'lock' (invalid option 'x')", function() return rw:lock('x') end)
rw:close()
expect.values('lock a closed file', {nil, 'closed', n = 2}, lfs.lock(rw, 'w'))

-- everything but currentdir and setmode waits on the worker pool, so others run meanwhile
local ran = false
utils.spawn(function() ran = true end)
lfs.currentdir()
lfs.setmode()
expect.eq(ran, false, 'currentdir and setmode do not yield')
lfs.attributes(base)
expect.eq(ran, true, 'attributes yields')
for _, call in ipairs({
	function() return lfs.mkdir(path('y')) end, function() return lfs.rmdir(path('y')) end,
	function() return lfs.touch(path('file')) end, function() return lfs.symlinkattributes(base) end,
	function() return lfs.chdir(path('none')) end, function() return lfs.dir(base) end,
}) do
	ran = false
	utils.spawn(function() ran = true end)
	call()
	expect.eq(ran, true, 'a call on the pool yields')
end

for n in lfs.dir(base) do
	if n ~= '.' and n ~= '..' then assert(lfs.remove(path(n))) end
end
assert(lfs.rmdir(base))
print('ok')
