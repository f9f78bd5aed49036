-- lem.signal (reference 10): lookup, register and unregister; SIGCHLD from io.popen's children.
-- Real signals are sent to a real lem process in the e2e tests (SignalIT).
local utils = require 'lem.utils'
local io = require 'lem.io'
local signal = require 'lem.signal'
local expect = require 'expect'

local fields = {}
for k in pairs(signal) do fields[#fields + 1] = k end
table.sort(fields)
expect.eq(table.concat(fields, ' '), 'lookup register unregister', 'module fields')

-- lookup: names in any case, with or without SIG; numbers back to names
for _, name in ipairs({'SIGINT', 'INT', 'int', 'sigint', 'SigInt'}) do
	expect.values('lookup ' .. name, {2, n = 1}, signal.lookup(name))
end
local linux = {HUP = 1, INT = 2, QUIT = 3, ILL = 4, TRAP = 5, ABRT = 6, BUS = 7, FPE = 8, USR1 = 10, SEGV = 11,
	USR2 = 12, PIPE = 13, ALRM = 14, TERM = 15, CHLD = 17, CONT = 18, TSTP = 20, TTIN = 21, TTOU = 22, URG = 23,
	XCPU = 24, XFSZ = 25, VTALRM = 26, PROF = 27, WINCH = 28, PWR = 30, SYS = 31}
for name, number in pairs(linux) do
	expect.eq(signal.lookup(name), number, 'number of ' .. name)
	expect.eq(signal.lookup(number), 'SIG' .. name, 'name of ' .. number)
end
expect.values('unknown name', {nil, n = 1}, signal.lookup('bogus'))
expect.values('SIG alone', {nil, n = 1}, signal.lookup('SIG'))
expect.values('unknown number', {nil, n = 1}, signal.lookup(1000))
expect.values('KILL is not in the table', {nil, n = 1}, signal.lookup('KILL'))
expect.error("bad argument #1 to 'lookup' (string expected, got table)", signal.lookup, {})

-- register and unregister: names, and their errors
local function handler() end
-- the error names the caller's position
local here = debug.getinfo(1, 'S').short_src
local ok, err = pcall(function() signal.register(2, handler) end)
expect.eq(err:match('^(.*):%d+: signal should be a string$'), here, 'register a number')
ok, err = pcall(function() signal.unregister(nil, handler) end)
expect.eq(err:match('^(.*):%d+: signal should be a string$'), here, 'unregister nil')
expect.values('register unknown', {nil, 'unknown signal', n = 2}, signal.register('bogus', handler))
expect.values('unregister unknown', {nil, 'unknown signal', n = 2}, signal.unregister('SIGbogus', handler))
expect.values('unregister what is not registered', {true, n = 1}, signal.unregister('USR2', handler))
expect.error("bad argument #2 to 'register' (function expected, got nil)", function() signal.register('USR2') end)
for _, name in ipairs({'QUIT', 'SEGV', 'FPE', 'ILL'}) do
	expect.values('register ' .. name, {nil, 'Signal already used by VM or OS: SIG' .. name, n = 2}, signal.register(name, handler))
end
expect.values('register USR2', {true, n = 1}, signal.register('sigusr2', handler))
expect.values('unregister USR2', {true, n = 1}, signal.unregister('USR2', handler))

-- SIGCHLD: one call per child of io.popen that ends, with an event table, in a task of its own
local events, tasks = {}, {}
local arrived = utils.newsleeper()
local function onchild(n, ev)
	expect.eq(n, 17, 'SIGCHLD number')
	tasks[#tasks + 1] = utils.thisthread()
	utils.newsleeper():sleep(0.001) -- a handler may wait
	events[ev.rpid] = ev
	arrived:wakeup()
end
expect.values('register CHLD', {true, n = 1}, signal.register('CHLD', onchild))
local function child(command)
	local _, pid = assert(io.popen(command))
	while not events[pid] do arrived:sleep(10) end
	local ev = events[pid]
	expect.eq(ev.pid, 0, 'pid is 0 (any child)')
	expect.eq(ev.rpid, pid, 'rpid is the child')
	return ev
end
local ev = child('exit 3')
expect.eq(ev.type, 'exited', 'exit 3: type')
expect.eq(ev.status, 3, 'exit 3: status')
expect.eq(ev.signal, nil, 'exit 3: no signal')
ev = child('true')
expect.eq(ev.type, 'exited', 'true: type')
expect.eq(ev.status, 0, 'true: status')
ev = child('kill -TERM $$')
expect.eq(ev.type, 'signaled', 'killed: type')
expect.eq(ev.signal, 15, 'killed: signal')
expect.eq(ev.coredumped, false, 'killed: no core')
expect.eq(ev.status, nil, 'killed: no status')
expect.eq(tasks[1] ~= tasks[2] and tasks[1] ~= utils.thisthread(), true, 'a new task per delivery')

-- handlers run in order of registration; the same function twice runs twice
local calls = {}
local function first() calls[#calls + 1] = 'first' end
local function second() calls[#calls + 1] = 'second' end
local function deliver()
	calls = {}
	child('true')
	utils.yield()
	return table.concat(calls, ' ')
end
signal.register('CHLD', first)
signal.register('CHLD', second)
signal.register('CHLD', first)
expect.eq(deliver(), 'first second first', 'in order, twice')
-- unregister scans forward: of two registrations next to each other only the first goes
signal.unregister('CHLD', first)
expect.eq(deliver(), 'second', 'both go when not next to each other')
signal.register('CHLD', first)
signal.register('CHLD', first)
signal.unregister('CHLD', first)
expect.eq(deliver(), 'second first', 'of two in a row, one stays')
signal.unregister('CHLD', first)
signal.unregister('CHLD', second)
expect.eq(deliver(), '', 'none left but the event handler')

-- with no handler left, children end unseen
signal.unregister('CHLD', onchild)
local _, pid = io.popen('true')
utils.newsleeper():sleep(0.3)
expect.eq(events[pid], nil, 'no event after unregister')
print('ok')
