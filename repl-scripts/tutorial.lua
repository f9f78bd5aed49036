-- tutorial.lua: coroutine I/O in lem, step by step. Load it in the shell:
--   ./lem          then   .load repl-scripts/tutorial.lua
-- Each step is a function; call them in order and read what they print.
local utils = require 'lem.utils'
local io    = require 'lem.io'

tutorial = {}

-- Step 1: every chunk you type runs in a coroutine (a task) of its own.
function tutorial.step1()
	print('this chunk runs in', coroutine.running())
	print('utils.now() is the loop\'s clock:', utils.now())
end

-- Step 2: a waiting call suspends only its own task. Type .tasks while it sleeps.
function tutorial.step2()
	utils.spawn(function()
		utils.newsleeper():sleep(3)
		print('the background task woke up after 3 seconds')
	end)
	print('spawned a task that sleeps; the prompt is back at once')
end

-- Step 3: tasks talk through sleepers (or lem.queue).
function tutorial.step3()
	local mailbox = utils.newsleeper()
	utils.spawn(function()
		print('worker: computing...')
		utils.newsleeper():sleep(1)
		mailbox:wakeup('the answer', 42)
	end)
	print('main: waiting for the worker')
	print('main got:', mailbox:sleep())
end

-- Step 4: sockets look blocking but are not. A server and a client in one process.
function tutorial.step4(port)
	port = port or '7878'
	local server = assert(io.tcp.listen('127.0.0.1', port))
	utils.spawn(function()
		server:autospawn(function(client)
			local line = client:read('*l')
			client:write('you said: ', line, '\n')
			client:close()
		end)
	end)
	local c = assert(io.tcp.connect('127.0.0.1', port))
	c:write('hello\n')
	print(c:read('*l'))
	c:close()
	server:close()
end

print('tutorial loaded: call tutorial.step1() ... tutorial.step4()')
