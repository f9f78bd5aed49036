local utils = require 'lem.utils'
local expect = require 'expect'
-- now() is the cached loop time: constant inside a busy stretch, moves after a yield
local a = utils.now()
for _ = 1, 1e5 do end
expect.eq(utils.now(), a, 'cached now')
assert(math.abs(a - os.time()) < 5, 'now is epoch seconds')
local b = utils.updatenow()
assert(b >= a, 'updatenow moves forward')
expect.eq(utils.now(), b, 'updatenow updates the cache')
utils.newsleeper():sleep(0.02)
assert(utils.now() >= b + 0.02, 'now moved after sleeping')
-- exit checks its argument
expect.error("bad argument #1 to 'exit' (number expected, got no value)", function() utils.exit() end)
expect.error("bad argument #1 to 'exit' (number expected, got string)", function() utils.exit('x') end)
-- poolconfig
utils.poolconfig(1, 0, 4)
utils.poolconfig(0, 2, 2)
expect.error("bad argument #1 to 'poolconfig' (not an integer in proper range)", function() utils.poolconfig(-1, 0, 1) end)
expect.error("bad argument #1 to 'poolconfig' (not an integer in proper range)", function() utils.poolconfig(0.5, 0, 1) end)
expect.error("bad argument #2 to 'poolconfig' (not an integer in proper range)", function() utils.poolconfig(1, -1, 1) end)
expect.error("bad argument #3 to 'poolconfig' (not an integer in proper range)", function() utils.poolconfig(1, 0, 0) end)
expect.error("bad argument #3 to 'poolconfig' (not an integer in proper range)", function() utils.poolconfig(1, 3, 2) end)
expect.error("bad argument #1 to 'poolconfig' (number expected, got no value)", function() utils.poolconfig() end)
expect.error("bad argument #1 to 'spawn' (function expected, got no value)", function() utils.spawn() end)
expect.error("bad argument #1 to 'spawn' (function expected, got string)", function() utils.spawn('f') end)
local keys = {}
for k in pairs(utils) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ' '))
