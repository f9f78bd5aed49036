-- lem.signal.core (reference 10): the C core's functions under the Lua module
local core = require 'lem.signal.core'
local expect = require 'expect'

expect.values('tonumber', {2, n = 1}, core.tonumber('INT'))
expect.values('tonumber wants the exact name', {nil, n = 1}, core.tonumber('SIGINT'))
expect.values('tonumber is case-sensitive', {nil, n = 1}, core.tonumber('int'))
expect.values('tostring', {'USR1', n = 1}, core.tostring(10))
expect.values('tostring of an unknown number', {nil, n = 1}, core.tostring(1000))
expect.error('You must set a signal handler first', core.watch, 10)
expect.values('sethandler', {true, n = 1}, core.sethandler(function() end))
expect.values('watch', {true, n = 1}, core.watch(core.tonumber('USR2')))
expect.values('watch again', {true, n = 1}, core.watch(core.tonumber('USR2')))
expect.values('unwatch', {true, n = 1}, core.unwatch(core.tonumber('USR2')))
expect.values('unwatch again', {true, n = 1}, core.unwatch(core.tonumber('USR2')))
expect.values('watch an unknown number', {nil, 'unknown signal', n = 2}, core.watch(1000))
expect.values('sethandler(nil)', {true, n = 1}, core.sethandler(nil))
expect.error("bad argument #1 to 'sethandler' (function expected, got number)", function() core.sethandler(1) end)
expect.error("bad argument #1 to 'watch' (number expected, got no value)", function() core.watch() end)
print('ok')
