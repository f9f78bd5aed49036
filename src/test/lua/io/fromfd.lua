-- io.fromfd in this process: its argument, a descriptor that is not open, and that it always
-- waits for the worker pool. Real descriptors (files, pipes, devices, sockets) are passed to a
-- lem process by src/test/java/lem/e2e/FromFdIT.java.
local io = require 'lem.io'
local utils = require 'lem.utils'
local expect = require 'expect'

expect.error("bad argument #1 to 'fromfd' (invalid fd)", function() return io.fromfd(-1) end)
expect.error("bad argument #1 to 'fromfd' (number expected, got string)", function() return io.fromfd('x') end)
expect.error("bad argument #1 to 'fromfd' (number expected, got no value)", function() return io.fromfd() end)

-- far above any open descriptor (and above the usual limit of descriptors)
expect.values('a descriptor that is not open', {nil, 'Bad file descriptor', n = 2}, io.fromfd(1000000))

-- fstat runs on the worker pool: the call yields even when it fails, so other tasks run meanwhile
local ran = false
utils.spawn(function() ran = true end)
expect.values('still failing', {nil, 'Bad file descriptor', n = 2}, io.fromfd(999999))
expect.eq(ran, true, 'a task spawned before the call ran during it')
print('ok')
