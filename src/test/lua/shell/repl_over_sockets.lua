-- lem.repl over a TCP connection and a unix socket: the console's rules, plain text
local utils = require 'lem.utils'
local io = require 'lem.io'
local repl = require 'lem.repl'
local expect = require 'expect'

-- what a client sees: collect it with a second connection that only reads
local function transcript(server, connect)
	local out = {}
	local ended = utils.newsleeper()
	utils.spawn(function()
		local client = assert(server:accept())
		local ok, err = repl.repl('net', client, client)
		ended:wakeup(ok, err)
	end)
	local c = assert(connect())
	utils.spawn(function()
		for _, line in ipairs({'x = 1 + 1', 'x', 'local y = 5', 'y * 2', 'for i = 1, 2 do', 'x = x + i', 'end',
			'error("oops")', '=1, nil, "a"', '{1, two = 2}', 'no_such_function()',
			'return require("lem.utils").newsleeper():sleep(0.01)'}) do
			assert(c:write(line, '\n'))
		end
	end)
	local text = ''
	while not text:find('"timeout"\n> $') do
		local chunk = c:read()
		if not chunk then break end
		text = text .. chunk
	end
	c:close()
	expect.values('repl ends when the peer goes', {nil, 'closed', n = 2}, ended:sleep(5))
	return text
end

local expected = table.concat({
	'> > 2',
	'> > 10',
	'> >> >> > net:1: oops',
	'> 1\tnil\t"a"',
	'> { 1, two = 2 }',
	'> net:1: attempt to call global \'no_such_function\' (a nil value)',
	'> nil\t"timeout"',
	'> ',
}, '\n')

local tcp
for p = 19700, 19799 do
	tcp = io.tcp.listen4('127.0.0.1', tostring(p))
	if tcp then
		expect.eq(transcript(tcp, function() return io.tcp.connect('127.0.0.1', tostring(p)) end), expected, 'over TCP')
		break
	end
end
tcp:close()

local path = os.tmpname()
os.remove(path)
local unix = assert(io.unix.listen(path))
expect.eq(transcript(unix, function() return io.unix.connect(path) end), expected, 'over a unix socket')
unix:close()
os.remove(path)
print('ok')
